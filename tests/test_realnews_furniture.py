"""Issue 9, error classes 6-7: page furniture is skipped and gives the publication date when
none is given; with no date anywhere, the date stays null with its words as evidence.

All lines are written for these tests (no real page text)."""

from __future__ import annotations

from datetime import date

from protestdb.extract import extract_text
from protestdb.extract.furniture import is_furniture, published_date
from protestdb.extract.segment import split_text


def test_furniture_lines() -> None:
    for line in ("Updated 3:15 PM EST", "Related: Teachers vote to strike", "Share this article",
                 "Sign up for our morning newsletter", "Photo: Jane Doe / The Courier", "4 min read"):
        assert is_furniture(line), line
    assert not is_furniture("Hundreds of nurses rallied outside the hospital on Monday.")


def test_furniture_is_not_body_and_teaser_repeat_is_skipped() -> None:
    text = (
        "Nurses want safer staffing, the union says.\n"
        "Related: Strike vote set for May\n"
        "About 300 nurses picketed outside General Hospital in Tulsa on Monday.\n"
        "Nurses want safer staffing, the union says.\n"
    )
    layout = split_text(text)
    kinds = [s.kind for s in layout.sentences]
    assert kinds[0] == "furniture" and kinds[1] == "furniture"
    assert kinds[2] == "body"


def test_published_line_dates_the_page() -> None:
    text = "Published Oct. 4, 2024\n\nAbout 300 nurses picketed outside General Hospital in Tulsa on Thursday, demanding safer staffing.\n"
    assert published_date(text)[0].isoformat() == "2024-10-04"
    res = extract_text(text, None)
    assert [e.date for e in res.events] == ["2024-10-03"]


def test_no_date_anywhere_keeps_date_null_with_its_words() -> None:
    text = "About 300 nurses picketed outside General Hospital in Tulsa on Thursday, demanding safer staffing.\n"
    res = extract_text(text, None)
    ev = res.events[0]
    assert ev.date is None and ev.date_precision == "unknown"
    assert [e.quote for e in ev.evidence["date_precision"]] == ["Thursday"]


def test_sports_protest_and_crash_vigil_are_not_protest_reports() -> None:
    sports = (
        "The team lodged a protest with the stewards after the race, but the protest was rejected "
        "on Sunday and the result stands, the stewards said.\n"
    )
    assert not extract_text(sports, None).is_protest_report
    vigil = (
        "Hundreds of people held a vigil on Friday for the four teenagers killed in a highway crash "
        "last week, lighting candles outside the school.\n"
    )
    assert not extract_text(vigil, None).is_protest_report


def test_page_timestamp_is_no_event_date() -> None:
    text = (
        "date 2025-03-09 A rally against the hospital closure drew about 400 people to the county "
        "courthouse in Tulsa on Saturday, organizers said.\n"
    )
    ev = extract_text(text, date(2025, 3, 9)).events[0]
    assert ev.date == "2025-03-08"
