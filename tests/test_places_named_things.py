"""Place words that name something else than a site: a gazetteer alternate name made of
ordinary words ("Federal Capital", a nickname of Washington), a day named after a place
("Columbus Day", "Earth Day") and a group told by its number ("the Plano Five")."""

from __future__ import annotations

from datetime import date

import pytest

from protestdb.extract import extract_text
from protestdb.geo.gazetteer import generic_alt
from protestdb.geo.normalize import norm_name
from protestdb.geo.resolve import candidates

PUB = date(2025, 3, 10)


def _places(text: str) -> set[tuple[str | None, str | None, str | None]]:
    return {(e.locality, e.state, e.country) for e in extract_text(text, PUB).events}


@pytest.mark.parametrize(("alt", "name"), [
    ("federal capital", "Washington"),
    ("river city", "Portland"),
    ("old town", "Las Vegas"),
    ("the queen city", "Alma"),
    ("mile high city", "Denver"),
])
def test_an_alternate_name_of_ordinary_words_is_generic(alt: str, name: str) -> None:
    assert generic_alt(alt, name)


@pytest.mark.parametrize(("alt", "name"), [
    ("union town", "Uniontown"),  # a respelling of the place's own name
    ("city of big lake", "Big Lake"),
    ("new york city", "New York"),  # a word that is no ordinary word
    ("west lake", "Westlake"),  # no word for a kind of place
])
def test_a_respelling_or_a_proper_name_is_not_generic(alt: str, name: str) -> None:
    assert not generic_alt(alt, name)


def test_the_index_holds_no_nickname_of_ordinary_words() -> None:
    assert not candidates(norm_name("Federal Capital"))
    assert all(p.name != "Portland" for p in candidates(norm_name("River City")))
    assert any(p.name == "Uniontown" for p in candidates(norm_name("Uniontown")))


def test_a_capital_territory_abroad_is_not_washington() -> None:
    text = ("Marchers fill streets as protests enter second week\n"
            "LAGOS, Nigeria — Thousands of protesters marched in Lagos on Tuesday against fuel prices. "
            "In Abuja, the Federal Capital Territory, police fired tear gas at demonstrators.")
    places = _places(text)
    assert ("Abuja", None, "NG") in places
    assert not any(country == "US" for _, _, country in places)


@pytest.mark.parametrize("text", [
    "Hundreds rallied on Columbus Day to demand that the holiday be renamed.",
    ("The rally on Saturday drew 4,000 people, organizers said, the largest single-day march in the city "
     "since the first Earth Day. Texas officials did not comment. The march in Austin ended at the Capitol."),
])
def test_a_day_named_after_a_place_is_no_site(text: str) -> None:
    localities = {loc for loc, _, _ in _places(text)}
    assert "Columbus" not in localities and "Earth" not in localities


@pytest.mark.parametrize("group", ["Plano Five", "Frisco Five", "Chicago Seven"])
def test_a_group_named_by_its_number_is_no_site(group: str) -> None:
    text = (f"SEATTLE — The {group} went on a hunger strike to demand a rent freeze from the mayor. "
            f"On Friday, supporters of the {group} marched to City Hall in Seattle, and 20 people were arrested.")
    localities = {loc for loc, _, _ in _places(text)}
    assert "Seattle" in localities
    assert group.split()[0] not in localities


@pytest.mark.parametrize("text", [
    "Miles de personas marcharon este lunes en Portland, Oregon, contra las políticas del gobierno de Donald Trump.",
    "Cientos de estudiantes marcharon el martes en Raleigh, Carolina del Norte, contra un plan de Elon Musk.",
])
def test_a_public_figures_first_name_is_no_town_in_any_language(text: str) -> None:
    localities = {loc for loc, _, _ in _places(text)}
    assert localities and not localities & {"Donald", "Elon"}


@pytest.mark.parametrize("who", ["a Fontana, Calif., resident", "a Fontana resident", "a Fontana native",
                                 "an Ohio native", "a California resident"])
def test_a_persons_home_town_is_no_site(who: str) -> None:
    text = ("About 40 activists held a sit-in at the senator's office in Washington on Tuesday. "
            f"Andrea Lopez, {who} who helped organize the sit-in, said they would return.")
    assert {loc for loc, _, _ in _places(text)} == {"Washington"}


def test_residents_acting_in_their_town_keep_it() -> None:
    assert ("Fontana", "CA", "US") in _places("Fontana residents rallied outside City Hall on Tuesday against a warehouse.")


def test_a_university_a_person_graduated_from_is_no_site() -> None:
    text = ("About 40 activists held a sit-in at the senator's office in Washington on Tuesday. "
            "Andrea Lopez, a recent UCLA graduate who helped organize the sit-in, said they would return.")
    assert {loc for loc, _, _ in _places(text)} == {"Washington"}


def test_graduate_students_at_a_university_keep_it() -> None:
    assert ("Los Angeles", "CA", "US") in _places("UCLA graduate students rallied on Tuesday against pay cuts.")
