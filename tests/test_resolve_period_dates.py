"""A report dated only by a period ("last month", "earlier this week", "over the weekend") keeps no
day, so it must not join a dated event at the same place from another week or month through the
undated path; a period that the text pins to days ("over the weekend of Oct. 5-6", "on Saturday")
keeps those days. Sentences, places and groups are invented for these tests."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from helpers import events_by_url
from protestdb.extract import extract_text
from protestdb.resolve.merge import MatchKey, explain

BASE = ("About 200 members of the Westbank Tenants League rallied at Quarry Square in Riverton, Oregon, {when} "
        "against rent increases.")




@pytest.mark.parametrize(("dated_when", "dated_pub", "period", "period_pub"), [
    ("on Saturday", "2024-10-06", "last month", "2024-10-10"),
    ("on Saturday", "2024-10-06", "in mid-September", "2024-10-10"),
    ("on Saturday", "2024-10-06", "earlier this week", "2024-10-10"),  # Sat Oct 5 vs the week of Oct 7
    ("on Wednesday", "2024-10-09", "last week", "2024-10-10"),  # Wed Oct 9 vs the week of Sep 30
    ("on Saturday", "2024-10-06", "over the weekend", "2024-10-14"),  # Oct 5 vs Oct 12-13
])
def test_a_period_report_stays_apart_from_a_dated_rally(tmp_path: Path, dated_when: str, dated_pub: str,
                                                          period: str, period_pub: str) -> None:
    got = events_by_url(tmp_path, [
        {"text": BASE.format(when=dated_when), "url": "https://a.example/dated", "published": dated_pub},
        {"text": BASE.format(when=period), "url": "https://b.example/period", "published": period_pub},
    ])
    assert got["https://a.example/dated"] != got["https://b.example/period"]


def test_a_period_report_stays_apart_in_either_order(tmp_path: Path) -> None:
    got = events_by_url(tmp_path, [
        {"text": BASE.format(when="last month"), "url": "https://b.example/period", "published": "2024-10-10"},
        {"text": BASE.format(when="on Saturday"), "url": "https://a.example/dated", "published": "2024-10-06"},
    ])
    assert got["https://a.example/dated"] != got["https://b.example/period"]


def test_two_reports_of_one_dated_rally_still_merge(tmp_path: Path) -> None:
    got = events_by_url(tmp_path, [
        {"text": BASE.format(when="on Saturday"), "url": "https://a.example/dated", "published": "2024-10-06"},
        {"text": BASE.format(when="on Saturday, Oct. 5,"), "url": "https://b.example/also", "published": "2024-10-07"},
    ])
    assert got["https://a.example/dated"] == got["https://b.example/also"]


PUB = date(2024, 10, 10)  # a Thursday


def _dates(text: str) -> list[tuple[str | None, str | None, str]]:
    res = extract_text(text, PUB)
    assert res.is_protest_report
    return [(e.date, e.end_date, e.date_precision) for e in res.events]


def test_a_weekend_with_its_days_keeps_them() -> None:
    text = "Hundreds marched in Ashgrove, Oregon, over the weekend of Oct. 5-6 to oppose a new jail."
    assert _dates(text) == [("2024-10-05", "2024-10-06", "day")]


def test_a_weekend_with_its_weekday_keeps_that_day() -> None:
    text = "Hundreds marched in Ashgrove, Oregon, over the weekend, on Saturday afternoon, to oppose a new jail."
    assert _dates(text) == [("2024-10-05", None, "day")]


def test_a_weekend_with_its_weekday_in_the_next_sentence_keeps_that_day() -> None:
    text = ("Hundreds marched in Ashgrove, Oregon, over the weekend to oppose a new jail. "
            "The march on Saturday ended at City Hall.")
    assert _dates(text) == [("2024-10-05", None, "day")]


def test_a_bare_weekend_still_names_no_day() -> None:
    text = "Hundreds marched in Ashgrove, Oregon, over the weekend to oppose a new jail."
    assert _dates(text) == [(None, None, "week")]


def test_a_day_outside_the_weekend_is_not_its_day() -> None:
    text = ("Hundreds marched in Ashgrove, Oregon, over the weekend to oppose a new jail. "
            "The county board votes on Tuesday.")
    assert _dates(text)[0][0] is None



def _key(when: str, published: date) -> MatchKey:
    return MatchKey(extract_text(BASE.format(when=when), published).events[0])


def test_two_reports_told_by_the_same_period_are_left_to_the_undated_rule() -> None:
    month = _key("last month", date(2024, 10, 10))
    # the same words: no period reason against them, only the undated path's identity evidence decides
    assert "period" not in str(explain(month, _key("last month", date(2024, 10, 11))).get("reject", ""))
    assert explain(month, _key("earlier this week", date(2024, 10, 10)))["reject"].startswith("another period")
    dated = _key("on Saturday", date(2024, 10, 6))
    assert explain(dated, month)["reject"].startswith("a period names no day")
    assert explain(month, dated)["reject"].startswith("a period names no day")
