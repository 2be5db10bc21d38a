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


def test_a_published_line_with_an_ordinal_day_is_the_pages_stamp() -> None:
    from protestdb.extract.furniture import published_date

    assert published_date("By Ana Reyes\nPublished 9th Mar 2023, 10:05 GMT\n\nNurses rallied.")[0] == date(2023, 3, 9)
    assert published_date("Posted: March 2nd, 2023\n\nNurses rallied.")[0] == date(2023, 3, 2)
    text = (
        "Nurses march in Leeds over pay\n\n"
        "By Ana Reyes\n"
        "Published 9th Mar 2023, 10:05 GMT\n"
        "The march, organised by the nurses' union, set off from the Leeds General Infirmary at noon yesterday.\n\n"
        "Hundreds of nurses marched through Leeds city centre demanding a pay rise."
    )
    res = extract_text(text, date(2023, 3, 9), geocode=False)
    assert res.events and all(e.date == "2023-03-08" for e in res.events)


def test_a_weekday_with_its_day_in_brackets_is_one_date() -> None:
    from protestdb.extract.dates import find_dates

    got = find_dates("Dockers walked out on Thursday (Nov 7) across the port.", date(2024, 11, 8))
    assert [(m.value, m.precision) for m in got] == [(date(2024, 11, 7), "day")]
    assert [m.quote for m in got] == ["Thursday (Nov 7)"]  # the bracket closed in the quote
    # a weekday the bracketed day is not: no one date, the two are read apart
    odd = find_dates("Dockers walked out on Thursday (Nov 6) across the port.", date(2024, 11, 8))
    assert [(m.quote, m.value) for m in odd] == [("Thursday", date(2024, 11, 7)), ("Nov 6", date(2024, 11, 6))]
    # on a page without a date, the weekday checks the year the text names
    undated = find_dates("The 2024 contract lapsed.\n\nDockers walked out on Thursday (Nov 7) across the port.", None)
    assert [m.value for m in undated] == [date(2024, 11, 7)]


def test_a_paragraph_ending_in_a_credit_is_a_caption() -> None:
    from protestdb.extract.segment import split_text

    text = (
        "Teachers rally in Tacoma\n\n"
        "A hand-painted sign leans on a school fence in Olympia (Sept 3). Credit: CAPITOL WIRE\n\n"
        "TACOMA - Hundreds of teachers rallied outside the district office on Wednesday, demanding smaller classes."
    )
    layout = split_text(text, None, "en")
    kinds = {s.para: s.kind for s in layout.sentences}
    assert kinds[1] == "caption" and kinds[2] == "body"


def test_a_body_paragraph_with_a_glued_credit_keeps_its_action() -> None:
    from protestdb.extract.segment import split_text

    body = "In Spokane, dozens of teachers picketed the school board on Tuesday over class sizes."
    text = "Teachers press for smaller classes\n\nUnions stepped up their campaign this week.\n\n" + body + \
        " Photo: Lena Hart\n\nIn Yakima, teachers marched to City Hall on Wednesday."
    layout = split_text(text, None, "en")
    kinds = [(text[s.start:s.end].strip(), s.kind) for s in layout.sentences if s.para == 2]
    assert kinds[0] == (body, "body")
    assert kinds[-1][1] == "caption"
    res = extract_text(text, date(2024, 10, 9), geocode=False)
    assert "Spokane" in {e.locality for e in res.events}


def test_a_span_of_days_is_not_the_main_date_beside_a_single_day() -> None:
    text = (
        " date 2023-06-12 Rallies for the river spread this weekend\n\n"
        "Anglers held rallies in several cities this weekend to demand cleaner rivers.\n\n"
        "In Leeds, hundreds of anglers rallied on the riverbank on June 11, waving rods.\n\n"
        "In Sheffield, anglers rallied outside the town hall."
    )
    res = extract_text(text, date(2023, 6, 12), geocode=False)
    by_place = {e.locality: e.date for e in res.events}
    assert by_place.get("Leeds") == "2023-06-11"
    assert by_place.get("Sheffield") == "2023-06-11"  # the day told alone, not the weekend's first day


def test_a_lone_day_told_apart_from_the_protest_does_not_beat_its_span() -> None:
    # the ordinance's signing day is told without a protest word, outside the lead: the weekend of
    # the rallies stays the main date
    text = (
        "Crowds demonstrated throughout Kansas this weekend against the new zoning ordinance.\n\n"
        "In Salina, demonstrators lined Santa Fe Avenue, organizers said.\n\n"
        "The mayor signed the ordinance on Oct. 2 and it applies from March."
    )
    res = extract_text(text, date(2024, 10, 7), geocode=False)
    assert res.events and all(e.date != "2024-10-02" for e in res.events)
