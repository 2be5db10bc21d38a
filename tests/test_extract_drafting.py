"""Event drafting: which events an article tells (the drafting rules and filters)."""

from __future__ import annotations

from datetime import date

import pytest

from conftest import (
    APR_14_2025,
    MAR_12_2025,
    MAY_14_2025,
    event_places,
    localities,
    report_events,
)
from protestdb.extract import extract_text


@pytest.mark.regression("back reference in present tense joins the announced event")
def test_back_reference_in_present_tense_joins_the_announced_event() -> None:
    text = (
        "BOISE, Idaho — Hunters and anglers will rally Saturday at the Idaho Capitol to oppose the sale of public lands.\n\n"
        "The rally is being organized by the Backcountry Access Alliance, which expects members from across the state."
    )
    evs = report_events(text, APR_14_2025, geocode=False)
    assert len(evs) == 1
    assert evs[0].announced_only


@pytest.mark.regression("dated back reference is the announced follow up")
def test_dated_back_reference_is_the_announced_follow_up() -> None:
    text = (
        "EUGENE, Ore. — About 50 bus drivers rallied Tuesday outside the transit agency's offices to demand "
        "safer schedules, and organizers said they would be back the following week.\n\n"
        "Thursday's rally is planned for 5 p.m. at the same spot."
    )
    evs = report_events(text, date(2025, 6, 5), geocode=False)
    assert len(evs) == 2
    assert sorted(e.announced_only for e in evs) == [False, True]


@pytest.mark.regression("nationwide boycott re described stays one event")
def test_nationwide_boycott_re_described_stays_one_event() -> None:
    text = (
        "Consumers across the country were asked to skip coffee chains on Monday in a nationwide boycott "
        "called by the Fair Cup Coalition.\n\n"
        "The coalition told people not to buy drinks at big chains for the whole day.\n\n"
        "The group has called for more boycotts later this year."
    )
    evs = report_events(text, APR_14_2025, geocode=False)
    assert len(evs) == 1
    assert evs[0].event_type == ["boycott"]


@pytest.mark.regression("non protest crowd is no event")
def test_non_protest_crowd_is_no_event() -> None:
    text = (
        "MACON, Ga. — About 500 people rallied at City Hall on Saturday against the closing of the "
        "county's only psychiatric hospital, chanting and waving signs.\n\n"
        "Across town in Warner Robins, a separate holiday parade drew about 1,500 spectators."
    )
    locs = localities(report_events(text, date(2025, 12, 8)))
    assert "Macon" in locs
    assert "Warner Robins" not in locs


@pytest.mark.regression("counter protesters are their own event")
def test_counter_protesters_are_their_own_event() -> None:
    text = (
        "LANSING, Mich. — About 300 people rallied at the Capitol on Sunday in support of a bill "
        "protecting access to contraception. The rally was organized by Michigan Voices for Health.\n\n"
        "Across the street, about 25 counter-protesters gathered with signs and bullhorns. The group, "
        "which calls itself Capitol Prayer Circle, prayed for an hour."
    )
    events = report_events(text, MAY_14_2025)
    assert len(events) == 2
    main = next(e for e in events if "counter-protest" not in e.event_type)
    counter = next(e for e in events if "counter-protest" in e.event_type)
    assert counter.locality == main.locality == "Lansing"
    assert counter.date == main.date
    assert "Michigan Voices for Health" not in counter.organizations
    assert "Capitol Prayer Circle" in counter.organizations


@pytest.mark.regression("crowd sentences in roundup are events")
def test_crowd_sentences_in_roundup_are_events() -> None:
    text = (
        "Thousands rally for transit funding in Western cities\n\n"
        "Transit riders rallied in several cities on Saturday, demanding more bus service.\n\n"
        "In Spokane, Wash., about 600 people rallied outside City Hall. Police in Eugene, Ore., "
        "counted about 400 near the federal courthouse, and crowds also gathered in Boise, Idaho."
    )
    res = extract_text(text, date(2025, 4, 13), geocode=False)
    got = event_places(res)
    assert ("Spokane", "WA") in got
    assert ("Eugene", "OR") in got
    assert ("Boise", "ID") in got
    assert all(e.date == "2025-04-12" for e in res.events if e.locality in ("Eugene", "Boise"))


@pytest.mark.regression("crowd sentence needs a report")
def test_crowd_sentence_needs_a_report() -> None:
    text = "About 40,000 fans filled the stadium in Denver on Sunday to watch the game."
    res = extract_text(text, MAR_12_2025, geocode=False)
    assert not res.events


@pytest.mark.regression("anaphoric mention joins the event")
def test_anaphoric_mention_joins_the_event() -> None:
    text = ("BOISE, Idaho — About 200 people rallied outside the statehouse on Monday to protest a library bill.\n\n"
            "The rally was organized by the Idaho Library Alliance, whose members in eastern Washington also "
            "oppose similar bills.")
    res = extract_text(text, date(2025, 3, 11))
    assert len(res.events) == 1
    assert res.events[0].organizations == ["Idaho Library Alliance"]


@pytest.mark.regression("same city name in two states gives two events")
def test_same_city_name_in_two_states_gives_two_events() -> None:
    text = ("More than 100 people rallied in Kansas City, Kan., on Monday to protest jail contracts. "
            "Later that day, in Kansas City, Mo., about 40 people held a vigil outside the federal courthouse.")
    res = extract_text(text, date(2025, 3, 11))
    assert sorted(e.state for e in res.events) == ["KS", "MO"]


@pytest.mark.regression("announced follow up gets its own event and date")
def test_announced_follow_up_gets_its_own_event_and_date() -> None:
    text = ("FRESNO, Calif. — About 60 parents rallied outside the school district office on Monday to protest "
            "bus cuts.\n\nThey asked supporters to rally again at the same place on Thursday, when the board "
            "is scheduled to vote.")
    res = extract_text(text, date(2025, 3, 11))
    by_ann = {e.announced_only: e for e in res.events}
    assert set(by_ann) == {False, True}
    assert by_ann[False].date == "2025-03-10" and by_ann[True].date == "2025-03-13"
