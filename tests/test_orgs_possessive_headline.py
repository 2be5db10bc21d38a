"""A place's possessive opening a group's name is a word of the name unless the page tells the rest
alone too; a title-case headline's group name is cut at its group word. Names and places are
invented."""

from __future__ import annotations

from protestdb.extract.nlp import load_nlp
from protestdb.extract.orgs import find_orgs


def _orgs(text: str) -> list[str]:
    return [o.name for o in find_orgs(text, [(0, len(text))], load_nlp()(text))]


def test_a_single_word_after_a_places_possessive_keeps_the_whole_name() -> None:
    text = "The vigil at the county jail was called by Oregon's Lantern and the Riverton Renters Coalition."
    assert _orgs(text) == ["Oregon's Lantern", "Riverton Renters Coalition"]


def test_a_name_never_told_alone_keeps_its_places_possessive() -> None:
    assert _orgs("The march was led by Nevada's Ferry Riders Coalition and two churches.") == [
        "Nevada's Ferry Riders Coalition"]


def test_a_name_told_alone_too_drops_the_places_possessive() -> None:
    text = ("The vigil was called by Oregon's Harbor Tenants Union. Leaders of the Harbor Tenants Union "
            "spoke first.")
    assert _orgs(text) == ["Harbor Tenants Union"]


def test_a_headline_group_name_running_into_the_news_is_cut_at_its_group_word() -> None:
    text = ("Lakeport Bus Drivers Union Walks Out Over Split Shifts\n\n"
            "Dozens of drivers left their routes on Monday in Riverton, asking for fewer split shifts.")
    assert _orgs(text) == ["Lakeport Bus Drivers Union"]
