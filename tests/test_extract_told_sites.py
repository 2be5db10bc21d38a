"""Places a preposition seems to tell as an origin or a destination but whose words around tell
the action's site: a reporter's or a camera's "from", a place in the city named after it, a
destination followed by a "where" clause, "the outskirts of"; and protest idioms in every
inflection ("taking to the streets", "occupying the library", "thousands turned out")."""

from __future__ import annotations

from datetime import date

import pytest

from protestdb.extract import extract_text
from protestdb.extract.detect import find_triggers
from protestdb.extract.places import gazetteer_places, site_places

DAY = date(2025, 5, 14)


def _bounds(text: str):
    def bounds(pos: int) -> tuple[int, int]:
        dot = text.rfind(". ", 0, pos)
        lo = max(dot + 2 if dot >= 0 else 0, text.rfind("\n", 0, pos) + 1)
        hi = text.find(". ", pos)
        return lo, (hi if hi >= 0 else len(text))
    return bounds


def _is_site(text: str, town: str) -> bool:
    found = gazetteer_places(text)
    ps = [p for p in found if p.quote == town]
    assert ps, town
    return id(ps[0]) in site_places(text, found, _bounds(text))


@pytest.mark.parametrize(("text", "town"), [
    ("Correspondent Mara Quist reports from Tacoma: hundreds of "
     "nurses picketed the hospital on Monday.", "Tacoma"),
    ("Footage from Spokane showed strikers blocking the depot gates on Tuesday.", "Spokane"),
    ("Hundreds of tenants marched toward Tacoma police "
     "headquarters on Friday to demand an inquiry.", "Tacoma"),
    ("Farmers on tractors blocked access to Spokane airport on Monday over fuel taxes.", "Spokane"),
    ("By Thursday the convoy turned to Spokane, where hundreds of trucks were converging.", "Spokane"),
    ("Villagers rallied on Monday on the outskirts of Tacoma against the new landfill.", "Tacoma"),
])
def test_words_around_tell_the_site(text: str, town: str) -> None:
    assert _is_site(text, town)


@pytest.mark.parametrize(("text", "town"), [
    ("Nurses rallied in Olympia on Friday; Dana Kell, a nurse from Tacoma, spoke first.", "Tacoma"),
    ("Hundreds of farmers marched from Spokane toward the capital on Monday.", "Spokane"),
    ("Tenants rallied in Olympia, then traveled to Tacoma to meet the council.", "Tacoma"),
    ("Workers travelled from Tacoma, where the plant closed last year, to rally in Olympia.", "Tacoma"),
])
def test_origins_and_destinations_stay_no_site(text: str, town: str) -> None:
    assert not _is_site(text, town)


def test_a_march_toward_a_city_building_is_an_event_in_that_city() -> None:
    text = "Hundreds of tenants marched toward Tacoma police headquarters on Friday to demand an inquiry."
    evs = extract_text(text, DAY).events
    assert [e.locality for e in evs] == ["Tacoma"]


@pytest.mark.parametrize(("text", "words"), [
    ("Some 4,000 teachers were taking to the streets of the capital.", "taking to the streets"),
    ("Nurses take to the street again on Monday.", "take to the street"),
    ("Students hit the streets on Friday.", "hit the streets"),
    ("Thousands of teachers filled the streets of the capital to protest the cuts.", "filled the streets"),
    ("Dozens of students were occupying the library on Monday.", "occupying the library"),
    ("Dozens of parents gather outside the school board office.", "gather outside"),
    ("By noon protesters were gathering outside the county jail.", "gathering"),
    ("People kept gathering at the square all night.", "gathering"),
    ("In Elmford 1,000 rallied, while in Dunmore 600 people turned out.", "turned out"),
])
def test_protest_idioms_in_every_inflection(text: str, words: str) -> None:
    assert any(words in t.quote for t in find_triggers(text))


@pytest.mark.parametrize("text", [
    "The results turned out better than expected.",
    "Occupy Wall Street began years ago.",
])
def test_idiom_look_alikes_are_no_action(text: str) -> None:
    assert not [t for t in find_triggers(text) if "turn" in t.quote or "ccup" in t.quote]


def test_a_list_split_by_semicolons_keeps_each_site() -> None:
    text = ("Crowds rallied against the cuts on Saturday in towns including Tacoma; Boise, Idaho; and "
            "Helena, Montana.")
    assert _is_site(text, "Helena")
    evs = extract_text(text, DAY).events
    assert {"Tacoma", "Boise", "Helena"} <= {e.locality for e in evs}


def test_a_crowd_filling_the_streets_at_a_parade_is_no_protest() -> None:
    text = "The spring parade started at noon in Elmford and thousands of people filled the streets."
    assert not extract_text(text, DAY).events


def test_a_gathering_noun_is_no_action_word() -> None:
    text = "Church groups planned a separate memorial gathering on Tuesday at a chapel in Elmford."
    assert not [t for t in find_triggers(text) if "gather" in t.quote]
