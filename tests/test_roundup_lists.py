"""Roundup layouts: a lead-in paragraph that ends in a colon, then one line per city.

All sentences are written for these tests (no real page text)."""

from __future__ import annotations

from datetime import date

from helpers import events_by_city
from protestdb.extract.segment import split_text

PUB = date(2025, 4, 7)


def test_lead_in_ending_in_a_colon_is_body_text() -> None:
    text = (
        "Thousands of people rallied across the region on Saturday against the cuts, organizers said. "
        "Rallies were held in the following cities:\n\nBangor, Maine\nRutland, Vermont\nNashua, New Hampshire\n"
    )
    layout = split_text(text, None, "en")
    assert layout.sentences[0].kind == "body"
    ev = events_by_city(text, PUB)
    assert {"Bangor", "Rutland", "Nashua"} <= set(ev)
    assert ev["Rutland"].state == "VT" and ev["Rutland"].event_type == ["rally"]


def test_short_label_with_a_colon_stays_a_headline() -> None:
    text = "Watch:\n\nNurses picketed outside the county hospital in Bangor on Monday, the union said.\n"
    layout = split_text(text, None, "en")
    assert layout.sentences[0].kind == "headline"
    assert set(events_by_city(text, PUB)) == {"Bangor"}
