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


def test_the_one_action_of_a_dated_page_without_date_words_takes_the_page_day() -> None:
    text = (
        " date 2022-03-14 Bakers picket a mill in Zanesville\n\n"
        "Dozens of bakers picketed the flour mill in Zanesville, Ohio, demanding a wage increase and safer ovens."
    )
    res = extract_text(text, date(2022, 3, 14), geocode=False)
    assert [(e.locality, e.date, e.date_precision) for e in res.events] == [("Zanesville", "2022-03-14", "day")]
    assert [e.quote for e in res.events[0].evidence["date"]] == ["2022-03-14"]  # the page's own stamp


def test_a_dated_page_without_date_words_leaves_several_actions_undated() -> None:
    text = (
        "Dozens of bakers picketed the flour mill in Zanesville, Ohio, demanding a wage increase.\n\n"
        "In Marietta, Ohio, hundreds of millers marched to the county court against a plant closure."
    )
    res = extract_text(text, date(2022, 3, 14), geocode=False)
    assert len(res.events) == 2
    assert all(e.date is None for e in res.events)


def test_a_page_that_tells_a_date_does_not_give_its_day_to_an_undated_action() -> None:
    text = (
        "Dozens of bakers picketed the flour mill in Zanesville, Ohio, demanding a wage increase.\n\n"
        "The mill's owner closed a second plant in 2019 and cut night shifts last month."
    )
    res = extract_text(text, date(2022, 3, 14), geocode=False)
    assert res.events and all(e.date != "2022-03-14" for e in res.events)
