"""Named days (date_en holidays): only days of one date everywhere, never the tail of a longer name."""

from __future__ import annotations

from datetime import date

from protestdb.extract import extract_text
from protestdb.extract.dates import find_dates


def _quotes(text: str, pub: date) -> dict[str, date | None]:
    return {m.quote: m.value for m in find_dates(text, pub)}


def test_a_holiday_name_ending_a_longer_name_is_no_date() -> None:
    pub = date(2025, 1, 29)
    assert _quotes("Hundreds rallied outside the chapel in Marlow Bay on Holocaust Remembrance Day.", pub) == {}
    assert _quotes("Holocaust Remembrance Day drew three hundred marchers to Marlow Bay.", pub) == {}
    assert _quotes("A Confederate Memorial Day rally in Dunmore drew forty counter-protesters.", date(2025, 4, 29)) == {}


def test_a_holiday_after_a_leading_word_keeps_its_day() -> None:
    assert _quotes("On Remembrance Day, veterans marched in Harwick to protest cuts.", date(2025, 11, 12)) == {
        "Remembrance Day": date(2025, 11, 11)}
    got = _quotes("Saturday's Remembrance Day march in Harwick drew 300 people.", date(2025, 11, 12))
    assert got["Remembrance Day"] == date(2025, 11, 11)


def test_longer_names_with_their_own_day() -> None:
    got = _quotes("Marchers gathered in Glenrock on Armenian Genocide Remembrance Day.", date(2025, 4, 30))
    assert got == {"Armenian Genocide Remembrance Day": date(2025, 4, 24)}
    got = _quotes("A vigil in Marlow Bay marked International Holocaust Remembrance Day.", date(2025, 1, 28))
    assert got == {"International Holocaust Remembrance Day": date(2025, 1, 27)}


def test_the_event_on_a_longer_named_day_is_kept() -> None:
    text = "Hundreds rallied outside the chapel in Marlow Bay on Holocaust Remembrance Day, calling for an end to hatred."
    res = extract_text(text, date(2025, 1, 29), geocode=False)
    assert [ev.date for ev in res.events] == ["2025-01-29"]


def test_days_that_differ_by_country_are_no_holidays() -> None:
    assert _quotes("Tenants marched in Brackenford on Thanksgiving Day against rent rises.", date(2025, 10, 14)) == {}
    assert _quotes("Farmworkers marched in Durnvale on Human Rights Day to demand land.", date(2025, 3, 22)) == {}
    res = extract_text("Tenants marched in Brackenford on Thanksgiving Day against rent rises.",
                       date(2025, 10, 14), geocode=False)
    assert [ev.date for ev in res.events] == ["2025-10-14"]


def test_a_holiday_just_past_is_this_year() -> None:
    res = extract_text("Hundreds marched in Kellerton on Anzac Day against the base closure.",
                       date(2025, 4, 26), geocode=False)
    assert [ev.date for ev in res.events] == ["2025-04-25"]
    res = extract_text("Veterans will march in Kellerton on Anzac Day against the base closure.",
                       date(2025, 4, 20), geocode=False)
    assert [(ev.date, ev.announced_only) for ev in res.events] == [("2025-04-25", True)]


def test_a_holiday_after_a_quoted_name_or_a_dash_keeps_its_day() -> None:
    pub = date(2025, 9, 3)
    got = _quotes("The 'Fair Rent Now' Labor Day march crossed Ostby Bridge.", pub)
    assert got["Labor Day"] == date(2025, 9, 1)
    got = _quotes("After Tenant Week—the Labor Day march crossed Ostby Bridge.", pub)
    assert got["Labor Day"] == date(2025, 9, 1)
