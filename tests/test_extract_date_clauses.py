"""Which date words date the action: the sentence that reports it, the tense of the date's own
clause, not the start of a period ("since yesterday"), not a relative clause about something
else, not the day an announcement was spoken; a year-less day a few days before the page is not
next year's."""

from __future__ import annotations

from datetime import date

from helpers import dates_by_locality
from protestdb.extract import extract_text
from protestdb.extract.date_clauses import read_tenses
from protestdb.extract.dates import find_dates
from protestdb.extract.nlp import load_nlp


def _read(text: str, published: date) -> dict[str, object]:
    dates = read_tenses(load_nlp()(text), find_dates(text, published))
    return {m.quote: m for m in dates}


def _dates(text: str, published: date) -> dict[str | None, set[str | None]]:
    return dates_by_locality(text, published)


def test_a_past_tense_clause_reads_its_weekday_in_the_past() -> None:
    # published Thursday 2024-05-02: the strike was called on Wednesday 1 May, not the 8th
    got = _read("The teachers union called the strike late Wednesday.", date(2024, 5, 2))
    m = got["late Wednesday"]
    assert m.value == m.future_value == date(2024, 5, 1)


def test_an_intended_action_reads_its_weekday_ahead() -> None:
    # published Monday 2019-07-29: the threatened protest is the next day's
    got = _read("Workers threatened to intensify their wage protest on Tuesday.", date(2019, 7, 29))
    assert got["Tuesday"].value == got["Tuesday"].future_value == date(2019, 7, 30)
    got = _read("The nurses will picket the clinic on Friday.", date(2019, 7, 29))
    assert got["Friday"].value == date(2019, 8, 2)


def test_a_weekday_without_a_telling_clause_keeps_both_readings() -> None:
    got = _read("A rally on Friday drew hundreds.", date(2019, 7, 29))  # through a noun: not settled
    assert got["Friday"].value == date(2019, 7, 26) and got["Friday"].future_value == date(2019, 8, 2)


def test_the_sentence_that_reports_the_action_dates_it() -> None:
    # published Saturday 2020-05-30: the march was on Friday; Monday is the day of the death
    text = (
        "Protests over the death of a Westbrook man entered their fourth night on Friday in Westbrook, Ohio. "
        "The man died in police custody on Monday, and hundreds marched through downtown Westbrook to the river."
    )
    assert _dates(text, date(2020, 5, 30)).get("Westbrook") == {"2020-05-29"}


def test_a_period_started_since_yesterday_is_the_page_day_action() -> None:
    text = (
        "Residents of Kwa-Mbali, east of Durban, South Africa, have barricaded roads with stones and tyres set alight. "
        "They have kept up the protest since yesterday over water cuts."
    )
    got = _dates(text, date(2024, 3, 5))
    assert got and all(v == {"2024-03-05"} for v in got.values())


def test_a_report_is_not_dated_by_a_threatened_protest_ahead() -> None:
    # published Monday 2019-07-29
    text = (
        "Municipal workers in Springfield, Illinois, blocked traffic with abandoned buses this morning to press "
        "their wage demands. The union said members were set to stage a larger protest on Tuesday "
        "should the city fail to raise their pay."
    )
    got = _dates(text, date(2019, 7, 29))
    assert "2019-07-29" in got["Springfield"]
    assert "2019-07-23" not in got["Springfield"]  # the threatened Tuesday read back a week


def test_a_date_in_a_relative_clause_about_something_else() -> None:
    # published Monday 2025-06-09: the weekend is when the raids hit, the rally is Monday's
    text = (
        "Hundreds gathered in Tacoma, Washington, to denounce the raids that swept the county over the weekend. "
        "The rally began at noon on Monday outside the federal building."
    )
    assert _dates(text, date(2025, 6, 9)).get("Tacoma") == {"2025-06-09"}


def test_an_announced_vigil_on_the_page_day() -> None:
    # published Friday 2018-03-23: the vigil is this evening, not the Sunday of the shooting
    text = (
        "Neighbors in Lakewood, Washington, are planning a candlelight vigil Friday evening to remember the man police killed. "
        "It will start at 7 p.m. close to where the Sunday shooting happened, organizers said."
    )
    res = extract_text(text, date(2018, 3, 23), geocode=False)
    assert res.events and {e.date for e in res.events} == {"2018-03-23"}
    assert all(e.announced_only for e in res.events)


def test_a_year_less_day_just_before_the_page_is_not_next_years() -> None:
    got = {m.quote: m for m in find_dates("The union struck from Nov. 21 to 23 and on Nov. 6.", date(2023, 11, 28))}
    assert got["Nov. 21 to 23"].future_value == date(2023, 11, 21)
    assert got["Nov. 6"].future_value == date(2023, 11, 6)
    # months before the page, an announcement's day may still be next year's
    got = {m.quote: m for m in find_dates("The union will strike on Sept. 6.", date(2023, 11, 28))}
    assert got["Sept. 6"].future_value == date(2024, 9, 6)


def test_an_opening_told_as_going_on_is_the_page_day() -> None:
    # published Thursday 2024-08-22: the march going on now, not the first one of Monday
    text = (
        "Protesters are gathering for a march in Tacoma, Washington, on the last day of the trade summit.\n\n"
        "Their first march was held Monday near the convention hall."
    )
    assert _dates(text, date(2024, 8, 22)).get("Tacoma") == {"2024-08-22"}


def test_a_park_named_like_a_far_district_is_the_citys_park() -> None:
    from protestdb.geo.places import find_places

    text = "Thousands rallied at Union Park before marching toward the convention hall in Chicago."
    found = find_places(text)
    assert not any(p.state == "FL" for p in found)
    assert any(p.locality == "Chicago" for p in found)


def test_undated_page_a_weekday_checks_the_year_the_text_names() -> None:
    # no page date; "Tuesday morning June 25" is a Tuesday in 2024 only, among the years told
    text = "Crowds filled the capital early Tuesday morning June 25 to oppose the Budget Act 2024 and its taxes."
    got = {m.quote: m for m in find_dates(text, None)}
    assert got["Tuesday morning June 25"].value == date(2024, 6, 25)
    got = {m.quote: m for m in find_dates("Los estibadores pararon el martes 19 de enero. Ocurrió en 2021.", None, "es")}
    assert got["martes 19 de enero"].value == date(2021, 1, 19)
    # the weekday fits none of the years told (or no year is told): the day stays unknown
    for text in ("Dockers struck on Wednesday, June 25, as in 2024.", "Dockers struck on Tuesday, June 25."):
        m = find_dates(text, None)[0]
        assert m.value is None and m.precision == "unknown"


def test_named_days() -> None:
    got = {m.quote: m for m in find_dates(
        "Rallies on Labor Day drew thousands, and more are planned for Memorial Day 2026. "
        "The May Day Coalition met on Juneteenth.", date(2025, 9, 2))}
    assert got["Labor Day"].value == got["Labor Day"].future_value == date(2025, 9, 1)  # first Monday of September
    assert got["Memorial Day 2026"].value == date(2026, 5, 25)  # the last Monday of May
    assert got["Juneteenth"].value == date(2025, 6, 19) and got["Juneteenth"].future_value == date(2026, 6, 19)
    assert "May Day" not in got  # part of a name
    ahead = {m.quote: m for m in find_dates("Workers will march on May Day.", date(2025, 4, 20))}["May Day"]
    assert ahead.value == date(2024, 5, 1) and ahead.future_value == date(2025, 5, 1)
    assert find_dates("Marchers gathered on Labor Day.", None)[0].precision == "unknown"  # no year anywhere


def test_a_wire_datelines_day_anchors_today() -> None:
    from protestdb.extract.dates import dateline_day

    text = (
        "Ridgeford, March 3 (Newswire) - Farmers staged a sit-in outside the district office in Ridgeford, India, "
        "today, demanding compensation for crop losses."
    )
    assert dateline_day(text, date(2023, 3, 4)) == date(2023, 3, 3)
    assert dateline_day(text, date(2023, 3, 20)) is None  # too far before the page: not its writing day
    assert dateline_day("Farmers marched in Ridgeford today.", date(2023, 3, 4)) is None
    res = extract_text(text, date(2023, 3, 4), geocode=False)
    assert res.events and {e.date for e in res.events} == {"2023-03-03"}


def test_a_school_told_by_its_short_name_is_no_town() -> None:
    from protestdb.geo.places import find_places

    text = (
        "Students at Columbia University in Manhattan occupied a hall overnight. "
        "The takeover at Columbia began after midnight, and Temple University students rallied in Philadelphia."
    )
    found = find_places(text)
    assert not any(p.quote == "Columbia" for p in found)  # not Columbia, S.C., nor Columbia, Calif.
    assert any(p.locality == "Philadelphia" for p in found)
    # a school named after a big city leaves the city a place
    assert any(p.locality == "Boston" for p in find_places("Boston University students marched through Boston."))


def test_a_state_told_as_the_origin_is_not_the_site() -> None:
    text = (
        "Three protesters from Vermont were arrested after chaining themselves to drilling rigs in Ohio "
        "to halt the construction of a gas pipeline. They locked themselves to the machinery Monday."
    )
    res = extract_text(text, date(2018, 6, 5), geocode=False)
    assert res.events and {e.state for e in res.events} == {"OH"}


def test_the_only_date_told_of_someone_else_leaves_the_article_date() -> None:
    # published Saturday 2024-03-16: the rally in Riverton was on Friday; March 2 is the day of the death
    text = (
        "Crowds marched in many towns late on Friday once the recording became public.\n\n"
        "In Riverton, Ohio, hundreds of people shut a bridge; they want answers for the family of the "
        "bus driver who died on March 2, days after his arrest."
    )
    assert _dates(text, date(2024, 3, 16)).get("Riverton") == {"2024-03-15"}


def test_a_date_of_a_compared_occasion_is_not_the_action() -> None:
    from types import SimpleNamespace

    from protestdb.extract.date_clauses import in_other_clause

    text = "The march began quietly, much like it had last Tuesday."
    sdoc = load_nlp()(text)
    trig = SimpleNamespace(start=text.index("march"), end=text.index("march") + 5)
    m = next(d for d in find_dates(text, date(2024, 3, 16)) if "Tuesday" in d.quote)
    assert in_other_clause(sdoc, m, [trig])
    plain = "The march began quietly last Tuesday."
    m2 = next(d for d in find_dates(plain, date(2024, 3, 16)) if "Tuesday" in d.quote)
    assert not in_other_clause(load_nlp()(plain), m2, [SimpleNamespace(start=4, end=9)])


def test_a_possessive_date_of_another_thing_is_not_the_action() -> None:
    # published Thursday 2023-03-09: the vigil was on Wednesday; Monday's is the fire's day
    text = (
        "DALTON, Ga. - Hundreds of students came together at the campus chapel for the first time.\n\n"
        "Many in Wednesday night's crowd wore the school colors and left flowers at the foot of the old oak "
        "and then walked over the footbridge to the pond, where a vigil honored those lost in Monday's fire."
    )
    assert _dates(text, date(2023, 3, 9)).get("Dalton") == {"2023-03-08"}


def test_the_day_a_running_action_began_is_a_period_start() -> None:
    from protestdb.extract.date_clauses import starts_a_period

    text = "She has covered the sit-in since it began last Thursday, and the strike since the union started on May 2."
    found = {m.quote: m for m in find_dates(text, date(2024, 5, 10))}
    assert starts_a_period(text, found["last Thursday"]) and starts_a_period(text, found["May 2"])
    plain = "The sit-in began last Thursday."
    assert not starts_a_period(plain, find_dates(plain, date(2024, 5, 10))[0])


def test_cities_listed_after_the_date_share_it() -> None:
    # published Sunday 2024-02-11: Saturday's protests in the listed cities, not the page's Sunday
    text = (
        "Tens of thousands protested against the new law in Berlin on Sunday afternoon, police said.\n\n"
        "A demonstration on Friday in Hamburg drew a crowd of 40,000 people and was ended early.\n"
        "Saturday's protests in other cities such as Kassel, Dresden and Bremen drew tens of "
        "thousands of people."
    )
    res = extract_text(text, date(2024, 2, 11))
    got = {ev.locality: ev.date for ev in res.events}
    assert got.get("Hamburg") == "2024-02-09"
    assert got.get("Dresden") == got.get("Bremen") == "2024-02-10"


def test_an_action_that_is_to_begin_is_announced_for_the_day_ahead() -> None:
    # published Tuesday 2023-05-16: the march is Wednesday the 17th, not the 10th
    got = _read("The walk is to begin at 5:30 p.m. Wednesday by the courthouse.", date(2023, 5, 16))
    assert got["Wednesday"].value == date(2023, 5, 17)
    text = (
        "Parents will descend on downtown Millbrook, Ohio, Wednesday afternoon, angry about the board's vote.\n\n"
        "Organizers say the march is to begin at 5:30 p.m. Wednesday by the old library."
    )
    res = extract_text(text, date(2023, 5, 16), geocode=False)
    assert [(ev.date, ev.announced_only) for ev in res.events] == [("2023-05-17", True)]


def test_national_and_awareness_days() -> None:
    got = {m.quote: m for m in find_dates(
        "Marchers filled Wattle Street on Australia Day, and a vigil followed on Trans Day of Remembrance. "
        "Another rally is set for World AIDS Day.", date(2025, 11, 21))}
    assert got["Australia Day"].value == date(2025, 1, 26)
    assert got["Trans Day of Remembrance"].value == date(2025, 11, 20)
    assert got["World AIDS Day"].future_value == date(2025, 12, 1)
