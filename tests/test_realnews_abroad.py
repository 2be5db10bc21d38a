"""Issue 9, places abroad (second round): the locality told as the text writes it, country
guards for names that only look like places, and towns of a foreign country told in a
protest frame.

All sentences are written for these tests (no real page text)."""

from __future__ import annotations

from datetime import date

from protestdb.extract import extract_text
from protestdb.geo import find_places, geocode

PUB = date(2025, 3, 12)


def _events(text: str) -> list:
    res = extract_text(text, PUB)
    assert res.is_protest_report
    return res.events


def _cities(text: str) -> list[tuple[str | None, str | None, str | None]]:
    return [(pm.locality, pm.state, pm.country) for pm in find_places(text) if pm.kind == "city"]


# ---------------------------------------------------------------- 1. names as the text writes them


def test_english_name_of_a_foreign_city_is_kept() -> None:
    # the gazetteer's primary names are "Köln" and "Hannover"
    assert geocode("Cologne", None, "DE").locality == "Cologne"
    assert geocode("Hanover", None, "DE").locality == "Hanover"
    assert geocode("Köln", None, "DE").locality == "Köln"


def test_accent_free_spelling_is_kept_and_native_spelling_stays_native() -> None:
    assert geocode("Ambala", None, "IN").locality == "Ambala"  # gazetteer: Ambāla
    assert geocode("Montreal", None, "CA").locality == "Montreal"  # gazetteer: Montréal
    assert geocode("Montréal", None, "CA").locality == "Montréal"


def test_capitals_dateline_word_is_title_cased_and_us_abbreviations_stay_canonical() -> None:
    assert geocode("MONTREAL", None, "CA").locality == "Montreal"
    assert geocode("NYC", None, "US").locality == "New York"
    assert geocode("Quezon city", None, "PH").locality == "Quezon City"


def test_event_abroad_carries_the_texts_name() -> None:
    text = (
        "Tens of thousands of people marched through Cologne on Saturday against the far right, "
        "German police said, and thousands more rallied in Hanover."
    )
    assert {"Cologne", "Hanover"} <= {loc for loc, _st, cc in _cities(text) if cc == "DE"}
    evs = _events(text)
    assert any(e.locality == "Cologne" and e.country == "DE" and e.state is None for e in evs)
