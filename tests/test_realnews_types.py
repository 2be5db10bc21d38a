"""Issue 9: event types on real-news writing. A city told only with generic words
("protesters", "a crowd") takes the action the article tells for the whole day; adjectives
and calls are not actions.

All sentences are written for these tests (no real page text)."""

from __future__ import annotations

from datetime import date

from helpers import events_by_city
from protestdb.extract import extract_text

PUB = date(2025, 5, 4)


def _by_city(text: str) -> dict[str, object]:
    return events_by_city(text, PUB)


def test_generic_city_takes_the_days_rallies() -> None:
    text = (
        "Tens of thousands of people turned out Saturday for the spring day of action across the country. "
        "The rallies targeted cuts to public libraries and parks.\n\n"
        "In Denver, police estimated that 5,000 protesters filled Civic Center Park.\n\n"
        "In Omaha, some 800 protesters gathered outside City Hall, carrying handmade signs."
    )
    ev = _by_city(text)
    assert {"Denver", "Omaha"} <= set(ev)
    assert ev["Denver"].event_type == ["rally"] and ev["Omaha"].event_type == ["rally"]
    # the evidence of the type is the words that tell the day's action
    assert [e.quote for e in ev["Omaha"].evidence["event_type"]] == ["rallies"]


def test_one_citys_own_rally_is_not_the_days_action() -> None:
    text = (
        "Protests over the new transit fares spread across the country on Saturday.\n\n"
        "In Tulsa, thousands had rallied near the county courthouse in the afternoon before heading home.\n\n"
        "In Boise, protesters blocked the entrance of the transit authority for an hour."
    )
    ev = _by_city(text)
    assert "rally" in ev["Tulsa"].event_type
    assert "rally" not in ev["Boise"].event_type


def test_a_call_for_a_strike_is_not_the_action() -> None:
    text = (
        "Hundreds of protesters filled the streets of Lusaka on Tuesday against the new fuel levy, "
        "chanting and waving placards outside parliament. Police fired tear gas to disperse the crowd.\n\n"
        "Parents were asked to keep children home, and a poster shared online called for a nationwide strike."
    )
    ev = _by_city(text)
    assert ev["Lusaka"].event_type == ["demonstration"]


def test_named_action_of_the_day_types_generic_cities() -> None:
    text = (
        "More than 1,500 \"No Kings\" events were held across the country on Saturday.\n\n"
        "In Fargo, N.D., protesters lined Main Avenue with flags.\n\n"
        "In Billings, Mont., demonstrators gathered outside the federal building."
    )
    ev = _by_city(text)
    assert ev["Fargo"].event_type == ["rally"] and ev["Billings"].event_type == ["rally"]


def test_an_organization_named_like_an_action_types_nothing() -> None:
    text = (
        "Protesters gathered outside the federal courthouse in Tacoma on Tuesday against the ruling. "
        "Organizers from the Women's March, the group behind the 2017 protests, urged supporters to keep up the pressure."
    )
    ev = _by_city(text)
    assert ev["Tacoma"].event_type == ["demonstration"]


def test_site_bound_forms_are_not_inherited() -> None:
    text = (
        "Encampments against the war spread across campuses on Wednesday.\n\n"
        "In Lawrence, Kan., police arrested 20 protesters at the state university after a sit-down outside the library.\n\n"
        "In Eugene, Ore., students set up an encampment on the main quad and occupied it overnight."
    )
    ev = _by_city(text)
    assert "occupation" in ev["Eugene"].event_type
    assert "occupation" not in ev["Lawrence"].event_type


def test_striking_as_an_adjective_is_no_strike() -> None:
    text = (
        "Turnout was up across the country on Thursday as demonstrators marched against the pension plan. "
        "The increase was particularly striking in Lyon, where the prefecture counted 30,000 demonstrators."
    )
    ev = _by_city(text)
    assert "strike" not in ev["Lyon"].event_type
    res = extract_text("Nurses at two hospitals in Duluth were striking on Monday for safe staffing levels.", PUB)
    assert any("strike" in e.event_type for e in res.events)
