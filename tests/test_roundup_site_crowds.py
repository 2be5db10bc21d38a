"""Roundups told city by city without a protest word per city: "In Modesto, dozens of nurses
held signs outside the hospital." Each sentence that opens on its place and counts the people
acting there is an event of the article's main action; victims, arrests and workers told in
other roles are not.

All sentences are written for these tests (no real page text)."""

from __future__ import annotations

from datetime import date

from helpers import events_by_city
from protestdb.extract import extract_text

PUB = date(2025, 4, 7)


def _by_city(text: str) -> dict[str, object]:
    return events_by_city(text, PUB)


def test_city_paragraphs_with_crowds_and_no_protest_word() -> None:
    text = (
        "Nurses walked out at hospitals across the state on Saturday. "
        "In Fresno, about 200 nurses lined the sidewalks outside the valley hospital. "
        "In Modesto, dozens of nurses held signs outside the county hospital. "
        "In Stockton, hundreds of nurses and supporters stood at the entrance."
    )
    ev = _by_city(text)
    assert {"Fresno", "Modesto", "Stockton"} <= set(ev)
    assert ev["Modesto"].event_type == ["walkout"]
    assert ev["Stockton"].size_low == 200


def test_city_with_its_state_and_a_crowd() -> None:
    text = (
        "Students walked out of schools across the country on Wednesday. "
        "In Harrisburg, Pennsylvania, dozens of high school students quit their lessons at 10 a.m. "
        "In Lansing, Michigan, about 150 students stood in silence outside the Capitol."
    )
    ev = _by_city(text)
    assert {"Harrisburg", "Lansing"} <= set(ev)
    assert ev["Lansing"].state == "MI" and "walkout" in ev["Lansing"].event_type


def test_a_crowd_after_a_city_is_no_persons_title() -> None:
    # "Milwaukee, a few hundred workers" is no "Carson, a worker" (a person and their title)
    text = (
        "Thousands of people joined May Day rallies across the country on Thursday. "
        "In Milwaukee, a few hundred workers held banners outside City Hall. "
        "In Des Moines, Iowa, roughly 300 people listened to speeches at the Capitol."
    )
    ev = _by_city(text)
    assert {"Milwaukee", "Des Moines"} <= set(ev)
    assert ev["Milwaukee"].size_low == 300 and ev["Milwaukee"].event_type == ["rally"]


def test_victims_arrests_and_jobs_are_no_crowd_acting() -> None:
    text = (
        "Teachers marched across the state on Monday against the budget cuts.\n\n"
        "In Elmira, 19 students were hurt in a bus crash last spring, a fact the marchers cited. "
        "In Corning, hundreds of workers lost their jobs when the plant closed. "
        "In Ithaca, 12 people were arrested at a separate event."
    )
    ev = _by_city(text)
    assert not {"Elmira", "Corning", "Ithaca"} & set(ev)


def test_no_roundup_no_crowd_event() -> None:
    # one protest in one city: a crowd sentence about another city is not a roundup's item
    text = (
        "About 80 tenants rallied outside the housing office in Albany on Monday. "
        "In Troy, about 400 people watched a parade the same day."
    )
    ev = _by_city(text)
    assert "Troy" not in ev


def test_crowd_in_quoted_speech_is_no_event() -> None:
    text = (
        "Workers picketed outside warehouses across the country on Friday. "
        "In Reno, about 60 drivers walked the line at the depot. "
        '"In Sparks, hundreds of people showed up last time," an organizer said.'
    )
    res = extract_text(text, PUB)
    cities = {e.locality for e in res.events}
    assert "Reno" in cities and "Sparks" not in cities


def test_semicolon_clauses_each_open_on_a_city() -> None:
    text = (
        "Climate activists staged protests in several European cities on Friday: in Graz, more than "
        "9,000 people marched to the square; in Linz, about 4,000 gathered outside the town hall; "
        "and in Salzburg, some 2,500 people took part."
    )
    ev = _by_city(text)
    assert {"Graz", "Linz", "Salzburg"} <= set(ev)
    assert ev["Salzburg"].size_low == 2500 and ev["Salzburg"].country == "AT"


def test_nationwide_lead_is_no_first_citys_own() -> None:
    # the nationwide sentence's figure is the whole country's, not the first listed city's
    text = (
        "Thousands of people marched in cities across the country on Saturday. In Salina, a crowd of "
        "about 2,000 gathered downtown, while in Hays several hundred people marched to the courthouse."
    )
    ev = _by_city(text)
    assert {"Salina", "Hays"} <= set(ev)
    assert ev["Salina"].size_low == 2000 and ev["Salina"].size_text == "about 2,000"


def test_city_named_again_after_the_list_keeps_its_own_figure() -> None:
    text = (
        "Protests over the verdict were held on Saturday in Tulsa, Wichita, Omaha and Topeka, "
        "with the largest in Tulsa, where about 5,000 people marched."
    )
    ev = _by_city(text)
    assert {"Tulsa", "Wichita", "Omaha", "Topeka"} <= set(ev) and len(ev) == 4
    assert ev["Tulsa"].size_low == 5000 and ev["Topeka"].size_low is None


def test_smaller_places_such_as_x_open_a_site() -> None:
    text = (
        "People came out nationwide on Saturday at hundreds of rallies against the cuts. "
        "In Denver, the crowd filled the Capitol lawn. And in smaller places such as Laramie, Wyoming, "
        "more than 300 people met at the town square."
    )
    ev = _by_city(text)
    assert "Laramie" in ev and ev["Laramie"].state == "WY" and ev["Laramie"].size_low == 301
