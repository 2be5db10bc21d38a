"""Issue 9, error class 4: the facility's named suburb wins over the big city told as its
metro area in the same sentence.

All sentences are written for these tests (no real page text)."""

from __future__ import annotations

from datetime import date

from protestdb.extract import extract_text
from protestdb.geo import find_places
from protestdb.geo.places import is_metro_mention

PUB = date(2025, 3, 12)


def _places(text: str) -> list[tuple[str | None, str | None]]:
    res = extract_text(text, PUB)
    assert res.is_protest_report
    return [(e.locality, e.state) for e in res.events]


def test_metro_words() -> None:
    text = "a hub in the Chicago area, Detroit-area workers, the suburbs of Seattle, rallied in Denver"
    for name, metro in (("Chicago", True), ("Detroit", True), ("Seattle", True), ("Denver", False)):
        s = text.index(name)
        assert is_metro_mention(text, s, s + len(name)) is metro


def test_small_suburb_found_in_the_metro_state() -> None:
    text = "Teamsters picketed a parcel hub in Hodgkins in the Chicago area on Friday, demanding a new contract."
    assert ("Hodgkins", "IL") in [(p.quote, p.state) for p in find_places(text)]
    assert _places(text) == [("Hodgkins", "IL")]


def test_named_suburb_wins_over_metro_adjective() -> None:
    text = "Dozens of Detroit-area activists rallied outside the immigration office in Romulus on Friday to protest deportations."
    assert _places(text) == [("Romulus", "MI")]


def test_the_big_city_alone_is_still_the_site() -> None:
    text = "Thousands of people marched through the Chicago area on Saturday to protest the new tariffs."
    assert _places(text) == [("Chicago", "IL")]
