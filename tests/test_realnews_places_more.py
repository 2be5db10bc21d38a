"""Issue 9: more place evidence from real-page forms -- a headline's one city stands for the
dateline, an organisation's acronym is no foreign town, and roundup sentences told with crowd
verbs ("students packed the square") are events of their city.

All sentences are written for these tests (no real page text)."""

from __future__ import annotations

from datetime import date

from protestdb.extract import extract_text
from protestdb.geo import find_places, text_country

PUB = date(2025, 3, 12)


def test_headline_city_stands_for_the_dateline() -> None:
    text = (
        "Taxi drivers protest in Nairobi\n\n"
        "Hundreds of taxi drivers took to the streets on Monday to protest against new fees charged by "
        "the ride-hailing app, blocking traffic for hours.\n"
    )
    res = extract_text(text, PUB)
    assert [(e.locality, e.country) for e in res.events] == [("Nairobi", "KE")]


def test_acronym_is_no_foreign_town() -> None:
    text = "The march was organised by USI and the teachers' union on Tuesday, the students said."
    assert not [p for p in find_places(text) if p.quote == "USI"]
    assert text_country(text) is None


def test_crowd_verbs_of_a_roundup() -> None:
    text = (
        "Students across Australia went on strike for the climate on Friday, organisers said.\n\n"
        "In Perth, students packed the square outside parliament. Canberra saw its own large turnout.\n"
    )
    res = extract_text(text, PUB)
    locs = {e.locality for e in res.events}
    assert {"Perth", "Canberra"} <= locs
    assert all(e.country == "AU" for e in res.events if e.locality)


def test_place_listed_after_the_action_is_its_site() -> None:
    text = "Protesters gathered at car dealerships nationwide, including in Denver, on Saturday, opposing the new tariffs."
    res = extract_text(text, PUB)
    assert [(e.locality, e.state) for e in res.events] == [("Denver", "CO")]
