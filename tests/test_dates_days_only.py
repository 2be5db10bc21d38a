"""The record's date is a day the text tells, or nothing: an action dated by a week or a month
("earlier this week", "last month") keeps that precision and its words as evidence, never the
Monday or the first of the month as if it were its day. All sentences are made up for these tests."""

from __future__ import annotations

from datetime import date

from protestdb.extract import extract_text

PUB = date(2024, 10, 10)  # a Thursday


def _dates(text: str) -> list[tuple[str | None, str, str | None, list[str], list[str]]]:
    res = extract_text(text, PUB)
    assert res.is_protest_report
    return [(e.date, e.date_precision, e.end_date, [x.quote for x in e.evidence.get("date", [])],
             [x.quote for x in e.evidence.get("date_precision", [])]) for e in res.events]


def test_a_week_is_no_day() -> None:
    text = ("Nurses at Calloway General Hospital in Brinmoor, Vermont, picketed outside the hospital earlier this "
            "week to demand safe staffing.")
    assert _dates(text) == [(None, "week", None, [], ["earlier this week"])]


def test_a_month_is_no_day() -> None:
    text = "Hundreds of tenants marched through downtown Fenwick, Idaho, last month to protest rising rents."
    assert _dates(text) == [(None, "month", None, [], ["last month"])]


def test_a_weekday_stays_a_day() -> None:
    text = "Hundreds of tenants marched through downtown Fenwick, Idaho, on Tuesday to protest rising rents."
    assert _dates(text) == [("2024-10-08", "day", None, ["Tuesday"], [])]


def test_the_trace_tells_why_the_day_went() -> None:
    text = "Hundreds of tenants marched through downtown Fenwick, Idaho, last month to protest rising rents."
    res = extract_text(text, PUB, explain=True)
    rules = [s["rule"] for s in res.trace[0].get("date", [])]
    assert rules[-1] == "date.no_day_of_a_period"


def test_a_weekend_is_no_day() -> None:
    text = "Hundreds of tenants marched through downtown Fenwick, Idaho, over the weekend to protest rising rents."
    assert _dates(text) == [(None, "week", None, [], ["over the weekend"])]


def test_two_weekdays_told_stay_days() -> None:
    text = "Hundreds of tenants marched through downtown Fenwick, Idaho, on Saturday and Sunday to protest rising rents."
    got = _dates(text)
    assert got and got[0][0] is not None and got[0][1] == "day"
