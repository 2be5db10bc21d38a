"""The one action of a page whose text tells no time at all takes the page's day; a time the date
reader misses (a weekday in capitals, "a week ago", "hace dos semanas", an obituary frame) leaves it
undated. All sentences are made up for these tests."""

from __future__ import annotations

from datetime import date

from protestdb.extract import extract_text

PUB = date(2024, 10, 9)


def _dates(text: str) -> list[tuple[str | None, str | None]]:
    return [(e.date, e.date_precision) for e in extract_text(text, PUB).events]


def test_a_page_without_time_words_takes_its_day() -> None:
    assert _dates("Dozens of bus drivers picketed the depot in Yakima, Washington, to demand safer routes.") == [
        ("2024-10-09", "day")]


def test_missed_time_words_leave_the_action_undated() -> None:
    texts = [
        "Bus drivers in Yakima, Washington, picketed the depot two weeks ago over safer routes, and the city has "
        "now offered talks.",
        "DOZENS OF BUS DRIVERS PICKETED THE DEPOT IN YAKIMA, WASHINGTON, ON THURSDAY TO DEMAND SAFER ROUTES.",
        "Hace tres semanas, decenas de choferes protestaron en Guadalajara para exigir rutas seguras.",
        "OBITUARY\n\nPedro Ruiz, who led the bus drivers' march through Yakima, Washington, that won new routes, "
        "has died at 88.",
    ]
    for text in texts:
        assert all(d == (None, "unknown") for d in _dates(text)), text


def test_the_evidence_of_the_page_day_is_no_trigger_word() -> None:
    res = extract_text("Dozens of bus drivers picketed the depot in Yakima, Washington, to demand safer routes.", PUB)
    ev = res.events[0]
    quotes = [e.quote for e in ev.evidence.get("date", [])] if isinstance(ev.evidence, dict) else []
    assert "picketed" not in quotes
