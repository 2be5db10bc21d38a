"""A page without a date filed under a month in its address (".../2021/09/slug"): its year-less
days take that year; relative words and weekdays that do not fit stay without a day."""

from __future__ import annotations

from datetime import date

from protestdb.extract.dates import dated_by_month, find_dates
from protestdb.extract.furniture import url_month


def test_url_month_reads_year_and_month_without_a_day() -> None:
    assert url_month("https://news.example.org/2021/09/tenants-rally-downtown/") == (2021, 9)
    assert url_month("https://news.example.org/2019/11/88123/") == (2019, 11)
    assert url_month("https://news.example.org/2024/04/25/tenants-rally") is None  # a whole day: url_day's
    assert url_month("https://news.example.org/tenants-rally?id=2021/09/") is None
    assert url_month(None) is None


def _one(text: str, year: int, month: int) -> tuple[date | None, str]:
    got = dated_by_month(find_dates(text, None), year, month)
    assert len(got) == 1
    return got[0].value, got[0].precision


def test_year_less_day_takes_the_year_nearest_the_month() -> None:
    assert _one("The tenants marched on October 3 to the council.", 2022, 10) == (date(2022, 10, 3), "day")
    # a page of January telling a December day: the December before
    assert _one("The tenants marched on December 29 to the council.", 2023, 1) == (date(2022, 12, 29), "day")
    # a page of December announcing a January day: the January after
    assert _one("The tenants will march on January 4 to the council.", 2022, 12) == (date(2023, 1, 4), "day")
    # a day months away from the page's month stays without a day
    assert _one("The tenants first marched on June 4 to the council.", 2022, 12) == (None, "unknown")


def test_named_weekday_must_fit_the_day() -> None:
    # March 8, 2024 was a Friday
    assert _one("Nurses picketed on Friday, March 8, outside the clinic.", 2024, 3) == (date(2024, 3, 8), "day")
    value, precision = _one("Nurses picketed on Monday, March 8, outside the clinic.", 2024, 3)
    assert value is None and precision == "unknown"


def test_relative_words_stay_without_a_day() -> None:
    got = dated_by_month(find_dates("The tenants marched on Saturday.", None), 2022, 10)
    assert [m.value for m in got] == [None]


def test_extraction_uses_the_address_month_only_without_a_publication_date() -> None:
    from protestdb.extract import extract_text

    text = "Hundreds of students held a rally in Dover, Delaware on September 15 against tuition hikes."
    dated = extract_text(text, None, url="https://campus.example.edu/2021/09/students-rally/")
    assert [(e.date, e.date_precision) for e in dated.events] == [("2021-09-15", "day")]
    undated = extract_text(text, None, url="https://campus.example.edu/students-rally/")
    assert [e.date for e in undated.events] == [None]
    stamped = extract_text(text, date(2020, 9, 20), url="https://campus.example.edu/2021/09/students-rally/")
    assert [e.date for e in stamped.events] == ["2020-09-15"]


def test_bare_weekday_takes_the_stated_day_only_from_its_own_sentence() -> None:
    from protestdb.extract import extract_text

    # Oct. 5, 2024 was a Saturday
    url = "https://news.example.com/2024/10/tenants-march/"
    own = extract_text("Tenants marched in Springfield, Illinois, on Saturday, and police counted 300 of them "
                       "outside city hall on Oct. 5.", None, url=url)
    assert [(e.date, e.date_precision) for e in own.events] == [("2024-10-05", "day")]
    # the stated days are hearings' (another noun, another sentence): never the march's day
    hearing = extract_text("Tenants marched in Springfield, Illinois, on Saturday. A hearing on Oct. 19 will decide "
                           "the rent hike; an earlier hearing on Oct. 5 was cancelled.", None, url=url)
    assert [(e.date, e.date_precision) for e in hearing.events] == [(None, "unknown")]
    # an announced march does not take an earlier rally's day
    ahead = extract_text("Tenants in Springfield, Illinois, will march on Saturday, organizers said, a month after "
                         "the Oct. 5 rally.", None, url=url)
    assert ahead.events and all((e.date, e.date_precision) == (None, "unknown") for e in ahead.events)
    # without a parse to read its clause (a bare call), a weekday takes no stated day
    got = dated_by_month(find_dates("Tenants marched on Saturday, and police counted 300 on Oct. 5.", None), 2024, 10)
    assert {m.quote: m.value for m in got}["Saturday"] is None
    # the text names that Friday once with its day (Oct. 4, 2024 was a Friday): a bare "Friday" is it
    paired = dated_by_month(find_dates("Tenants marched to city hall on Friday, Oct. 4. Police said 300 people "
                                       "joined them on Friday.", None), 2024, 10)
    assert [m.value for m in paired if m.quote == "Friday"] == [date(2024, 10, 4)]
    other = dated_by_month(find_dates("Tenants marched on Sunday and last Saturday. The Oct. 5 march was loud.", None), 2024, 10)
    assert [m.value for m in other if m.relative] == [None, None]
