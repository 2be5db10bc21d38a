"""Session 19 dates: a page's own month stamp ("date 2019-05") dates its year-less days as a
month in its address does."""

from __future__ import annotations

from datetime import date

from protestdb.extract import extract_text
from protestdb.extract.furniture import stamp_month


def test_stamp_month_reads_a_month_without_a_day() -> None:
    assert stamp_month(" date 2019-05 Teachers rally in Oakvale\n\nTeachers rallied.") == (2019, 5)
    assert stamp_month("Published: 2021/09\n\nNurses rallied.") == (2021, 9)
    assert stamp_month(" date 2019-05-03 Teachers rally\n\nTeachers rallied.") is None  # a whole day
    assert stamp_month("Teachers rallied in 2019-05 style.") is None  # no stamp word


def test_month_stamp_dates_a_year_less_day_of_an_undated_page() -> None:
    text = (
        " date 2019-05 Dock workers march in Fairhaven\n\n"
        "Hundreds of dock workers marched through Fairhaven, Massachusetts, on May 3 demanding safer cranes."
    )
    res = extract_text(text, None, geocode=False)
    assert [(e.locality, e.date) for e in res.events] == [("Fairhaven", "2019-05-03")]
    # without the stamp the year stays unknown
    bare = extract_text(text.split("\n\n", 1)[1], None, geocode=False)
    assert [e.date for e in bare.events] == [None]
