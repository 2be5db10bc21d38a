"""Issue 9: the people a whole report protests against are its events' targets, named in
full and without titles.

All sentences are written for these tests (no real page text)."""

from __future__ import annotations

from datetime import date

from protestdb.extract import extract_text
from protestdb.extract.leaders import clean_name


def test_clean_name_drops_titles_and_possessive() -> None:
    assert clean_name("French President Emmanuel Macron’s") == "Emmanuel Macron"
    assert clean_name("Gov. Maria Lopez") == "Maria Lopez"
    assert clean_name("Acme Corp") == "Acme Corp"


def test_article_target_named_in_full() -> None:
    text = (
        "Rallies against Prime Minister Harold Jenkins spread across the country\n\n"
        "Thousands of people rallied in Leeds on Saturday against Jenkins's pension reform, and "
        "about 2,000 marched in Bristol, organizers said."
    )
    res = extract_text(text, date(2025, 3, 12))
    assert res.is_protest_report
    assert res.events
    for ev in res.events:
        assert "Harold Jenkins" in ev.targets


def test_a_victim_mourned_is_no_target() -> None:
    text = (
        "Vigil for man killed by deputies\n\n"
        "About 200 people held a vigil on Friday in Fresno for Marcus Hale, demanding charges against "
        "the deputies who shot Hale last week, organizers said.\n"
    )
    res = extract_text(text, date(2025, 3, 12))
    assert res.events
    assert all("Marcus Hale" not in ev.targets for ev in res.events)
