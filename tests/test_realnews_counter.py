"""Issue 9, error class 5: a counter-protest at the same place and day, told by the same
page, is its own event (with its own crowd), not merged into the main action.

All sentences are written for these tests (no real page text)."""

from __future__ import annotations

from datetime import date

from helpers import report_events

PUB = date(2025, 3, 12)


def _events(text: str) -> list:
    return report_events(text, PUB)


def _main_and_counter(text: str) -> tuple:
    evs = _events(text)
    counter = [e for e in evs if "counter-protest" in e.event_type]
    main = [e for e in evs if "counter-protest" not in e.event_type]
    assert len(counter) == 1 and len(main) == 1
    return main[0], counter[0]


def test_counter_rally_in_the_same_sentence() -> None:
    main, counter = _main_and_counter(
        "About 200 abortion-rights supporters rallied on the courthouse steps in Fresno on Sunday while "
        "roughly 75 anti-abortion demonstrators held a counter-rally on the sidewalk."
    )
    assert (main.locality, main.date, main.size_low) == ("Fresno", "2025-03-09", 200)
    assert (counter.locality, counter.date, counter.size_low) == ("Fresno", "2025-03-09", 75)


def test_showed_up_to_counter() -> None:
    main, counter = _main_and_counter(
        "About 300 people rallied outside the county jail in Tulsa on Monday against the new curfew.\n\n"
        "A handful of supporters of the sheriff showed up to counter the rally, holding signs."
    )
    assert main.locality == counter.locality == "Tulsa"
    assert main.size_low == 300


def test_counter_picket() -> None:
    main, counter = _main_and_counter(
        "Teachers picketed outside Lincoln High School in Fargo, North Dakota, on Monday. "
        "About a dozen parents held a counter-picket across the street."
    )
    assert "picket" in main.event_type
    assert counter.state == "ND" and counter.size_low == 12


def test_counter_protesters_told_in_the_face_of_the_main_action() -> None:
    main, counter = _main_and_counter(
        "About 60 members of a far-right group held a rally outside City Hall in Boise on Saturday in the face "
        "of hundreds of counter-protesters who drowned out the speakers."
    )
    assert main.locality == counter.locality == "Boise"
    assert main.size_low == 60
