"""Campus waves and places told as background in a roundup.

A list of campuses ("encampments at X University, Y College and the University of Z") gives
one event per campus town: the venue gazetteer knows where the well-known campuses are. A
place told of the group's past actions ("has staged protests in A and B before") is no event.

All sentences are written for these tests (no real page text)."""

from __future__ import annotations

from datetime import date

from helpers import events_by_city
from protestdb.geo import find_places

PUB = date(2025, 4, 7)


def test_campus_list_one_event_per_campus_town() -> None:
    text = (
        "Students set up encampments on Monday at the University of Oregon, Oregon State University "
        "and Portland State University to protest the war."
    )
    ev = events_by_city(text, PUB)
    assert {"Eugene", "Corvallis", "Portland"} <= set(ev)
    assert all(e.state == "OR" for e in ev.values())


def test_campuses_in_other_states_and_colleges() -> None:
    text = (
        "Antiwar students have set up encampments at Emerson College, UC Santa Cruz, "
        "the University of Maryland and the New School."
    )
    ev = events_by_city(text, PUB)
    assert {"Santa Cruz", "New York", "Boston", "College Park"} <= set(ev)
    assert ev["College Park"].state == "MD" and ev["Boston"].state == "MA"


def test_campus_names_are_not_state_bodies() -> None:
    found = find_places("A trooper of the Ohio State Highway Patrol stood by as students of Temple University marched.")
    venues = {(p.quote, p.locality) for p in found if p.kind == "venue"}
    assert venues == {("Temple University", "Philadelphia")}


def test_past_protests_of_the_group_are_no_events() -> None:
    text = (
        "About 300 people rallied in Reno on Saturday against the mine. "
        "The group has staged protests in Carson City and Ely before, and has marched in Tonopah many times."
    )
    ev = events_by_city(text, PUB)
    assert set(ev) == {"Reno"}


def _states(text: str) -> list[tuple[str | None, str | None]]:
    from protestdb.extract import extract_text

    return sorted((e.locality, e.state) for e in extract_text(text, PUB).events)


def test_sites_in_several_states_one_state_event_each() -> None:
    text = (
        "Students across the country walked out of class on Thursday to demand action on guns. "
        "From Westbrook High School in Nebraska to Riverside Charter High School in Oregon, "
        "students took part in walkouts at 10 a.m.\n\n"
        "At Pine Hill High School in Kansas, some 80 pupils walked out on Thursday."
    )
    got = _states(text)
    assert (None, "NE") in got and (None, "OR") in got
    assert any(st == "KS" for _, st in got)  # its own state, not a continuation of Oregon's


def test_a_bare_list_of_states_is_no_list_of_sites() -> None:
    text = "Walkouts took place on Thursday in states including Ohio, Iowa and Texas, organizers said."
    assert len([st for _, st in _states(text) if st]) <= 1
