"""Issue 9: names that are never an organizer wherever the rules find them -- a clock time, a
street with its city quadrant, a bare crowd or action word opening a sentence ("Marchers ...",
"Vigil leaders ...").

All sentences are written for these tests (no real page text)."""

from __future__ import annotations

from protestdb.extract.nlp import load_nlp
from protestdb.extract.orgs import find_orgs, junk_name


def _orgs(text: str) -> list[str]:
    return [o.name for o in find_orgs(text, [(0, len(text))], load_nlp()(text))]


def test_a_clock_time_is_no_name() -> None:
    assert junk_name("7:45") and junk_name("10.30")
    assert not junk_name("50501") and not junk_name("Local 1199")


def test_a_street_with_its_quadrant_is_no_name() -> None:
    assert junk_name("Maple Street NE") and junk_name("Harbor Avenue SW") and junk_name("Elm St. NW")
    assert not junk_name("Occupy Wall Street") and not junk_name("Main Street Alliance")


def test_a_bare_crowd_or_action_word_is_no_name() -> None:
    for w in ("Protestors", "Protesters", "Demonstrators", "Strikers", "Marchers", "Picketers", "Vigil", "Rally"):
        assert junk_name(w), w
    assert not junk_name("Rally for Harbor Schools") and not junk_name("Strikers United")


def test_a_picket_told_with_times_and_streets_names_only_the_union() -> None:
    text = ("Picketers from the Harbor Graduate Workers Union held a line on Tuesday. Vigil leaders read "
            "names while Protestors gathered at Pine Street NE from 7:45 a.m. to noon.")
    assert _orgs(text) == ["Harbor Graduate Workers Union"]


def test_a_speakers_congregation_is_no_organizer() -> None:
    text = ("The vigil was organized by the Lakeside Peace Coalition. Rev. Dana Cruz of the Harbor Street "
            "Baptist Church led a prayer, and Omar Haddad, imam of the Riverside Islamic Center, read names.")
    assert _orgs(text) == ["Lakeside Peace Coalition"]


def test_a_congregation_holding_the_vigil_stays() -> None:
    text = "Members of the Harbor Street Baptist Church held a candlelight vigil on Sunday evening."
    assert _orgs(text) == ["Harbor Street Baptist Church"]


def test_only_a_clergy_title_and_name_right_before_the_church_make_it_a_speakers() -> None:
    # a holiday, members, a clergy member told apart from the church, or a church that holds the
    # action: the congregation is the organizer
    for text in ("On Father's Day, dozens of members of the Millbrook Grace Chapel held a vigil in Pell Lake.",
                 "Rev. Lena Ortiz said members of the Quarry Hill Baptist Church organized the vigil on Sunday.",
                 "Pastor Lena Ortiz walked with the Quarry Hill Baptist Church, which organized the vigil on Sunday.",
                 "Pastor Lena Ortiz of the Quarry Hill Baptist Church, which hosted the vigil, read names."):
        got = _orgs(text)
        assert any(n.endswith(("Chapel", "Church")) for n in got), (text, got)
