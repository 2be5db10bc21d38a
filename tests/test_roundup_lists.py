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


def _located(text: str) -> list[tuple[str | None, str | None]]:
    from protestdb.extract import extract_text

    return sorted(((e.locality, e.state) for e in extract_text(text, PUB).events), key=str)


def test_statewide_lead_beside_its_cities_is_no_event_of_its_own() -> None:
    text = (
        "Protests against the cuts drew crowds across Iowa on Saturday.\n\n"
        "Ames: About 900 people marched from the campus to City Hall.\n\n"
        "Dubuque: A crowd of several hundred rallied downtown."
    )
    got = _located(text)
    assert ("Ames", "IA") in got and ("Dubuque", "IA") in got
    assert (None, "IA") not in got


def test_state_event_stays_beside_cities_of_other_states() -> None:
    text = (
        "Teachers rallied across Iowa on Saturday against the cuts, organizers said.\n\n"
        "In Omaha, Nebraska, about 300 teachers marched to the school board offices on Saturday."
    )
    got = _located(text)
    assert (None, "IA") in got and ("Omaha", "NE") in got


def test_numbered_paragraphs_opening_on_their_city_are_items() -> None:
    text = (
        "Marches against the cuts drew crowds across the country on Saturday. Here are some scenes:\n\n"
        "1. Chicago Several thousand marchers filled the streets of Chicago on Saturday, the paper said.\n\n"
        "2. St. Louis The march in downtown St. Louis drew a large crowd.\n\n"
        "3. Ames, Iowa Hundreds braved the cold.\n\n"
        "4. Denver's mayor said the city would review its permit rules.\n"
    )
    ev = events_by_city(text, PUB)
    assert {"Chicago", "St. Louis", "Ames"} <= set(ev)
    assert "Denver" not in ev
    assert ev["Ames"].event_type == ["march"] and str(ev["Ames"].date) == "2025-04-05"
