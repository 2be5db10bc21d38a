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


_TWO_PLANTS = ("Workers angry over pay cuts walked out at two plants owned by Varnell Foods.\n\n"
               "In Dunmore, Pennsylvania, about 150 workers picketed the gates of the meat plant to demand higher wages.\n\n"
               "In Keene, New Hampshire, some 80 workers marched to city hall to protest the pay cuts.")


def test_each_action_of_a_page_without_time_words_takes_its_day() -> None:
    got = _dates(_TWO_PLANTS)
    assert len(got) == 2
    assert all(d == ("2024-10-09", "day") for d in got)


def test_several_actions_with_a_missed_time_word_stay_undated() -> None:
    got = _dates(_TWO_PLANTS.replace("walked out", "WALKED OUT ON THURSDAY"))
    assert got and all(d == (None, "unknown") for d in got)
