"""Roundups of many sites (session 19): shapes that lost cities.

- a bulleted line opening on its town ("- Elmford: a crowd rallied outside City Hall"): the town
  is the line's site, not a word outside its action's clause;
- a town told as the subject of a verb of hosting a crowd ("Geelong also saw big rallies",
  "Ballarat and Geelong tallied crowds of 8,000") that the tagger reads as a person;
- a city paragraph with a bare plural of people acting ("In Tempe, nurses held signs").

All sentences are written for these tests (no real page text)."""

from __future__ import annotations

from datetime import date

import pytest

from conftest import place_labels
from helpers import events_by_city

PUB = date(2025, 3, 8)


def test_bulleted_lines_opening_on_their_town() -> None:
    text = (
        "Rallies planned across the state on Saturday\n"
        "Organizers said rallies against the cuts took place in a dozen cities on Saturday. Here is where:\n"
        "- Fresno: hundreds gathered at the Statehouse.\n"
        "- Modesto: about 200 people marched downtown.\n"
        "- Stockton: a crowd rallied outside City Hall.\n"
        "- Visalia: protesters lined Main Street.\n"
        "- Merced: a rally at Fountain Square drew 400.\n"
    )
    ev = events_by_city(text, PUB)
    assert {"Fresno", "Modesto", "Stockton", "Visalia", "Merced"} <= set(ev)
    assert ev["Modesto"].size_low == 200
    assert ev["Stockton"].size_low is None  # its own line, not the line before's


@pytest.mark.parametrize(("text", "ents", "town"), [
    ("Rallies drew crowds across Victoria. Geelong also saw big rallies on Sunday.",
     {"Victoria": "GPE", "Geelong": "PERSON"}, "Geelong"),
    ("Bendigo drew 4,000, while Ballarat and Geelong tallied crowds of 8,000.",
     {"Bendigo": "GPE", "Ballarat": "ORG", "Geelong": "PERSON"}, "Geelong"),
    ("Marchers filled Tucson. Chandler also hosted a march of about 300 people.",
     {"Tucson": "GPE", "Chandler": "PERSON"}, "Chandler"),
])
def test_town_hosting_a_crowd_becomes_a_place(nlp, text: str, ents: dict[str, str], town: str) -> None:
    assert place_labels(nlp, text, ents)[town] == "GPE"


@pytest.mark.parametrize(("text", "ents", "name"), [
    # the surname of a person the page names in full
    ("Senator Dana Chandler toured the state. Chandler drew crowds of 3,000 in Tucson.",
     {"Dana Chandler": "PERSON", "Chandler#2": "PERSON", "Tucson": "GPE"}, "Chandler#2"),
    # an object that tells no action nor crowd
    ("Chandler saw the report on Monday.", {"Chandler": "PERSON"}, "Chandler"),
    # a verb of no hosting
    ("Chandler joined the rally on Monday.", {"Chandler": "PERSON"}, "Chandler"),
    # a small town so called stays a person (the gazetteer's size guard)
    ("Decorah also saw a rally on Sunday.", {"Decorah": "PERSON"}, "Decorah"),
    # verbs a person does as often, objects of bare numbers or people, a person's pronoun, a view
    ("Lawrence has 3 children and a mortgage.", {"Lawrence": "PERSON"}, "Lawrence"),
    ("Carson saw 20 years of cuts at the plant.", {"Carson": "PERSON"}, "Carson"),
    ("Irving counted 40 people on the picket line, she said.", {"Irving": "PERSON"}, "Irving"),
    ("Jackson welcomed the protesters to his church.", {"Jackson": "PERSON"}, "Jackson"),
    ("Jackson hosted a rally at his church.", {"Jackson": "PERSON"}, "Jackson"),
    ("Carson saw the protests as a turning point, the union president said.", {"Carson": "PERSON"}, "Carson"),
])
def test_name_hosting_kept_a_person(nlp, text: str, ents: dict[str, str], name: str) -> None:
    assert place_labels(nlp, text, ents)[name] == "PERSON"


def test_person_seeing_protests_as_a_view_places_no_event() -> None:
    text = ("Thousands of union members rallied in Columbus, Ohio, on Tuesday. "
            "Carson saw the protests as a turning point, the union president said.")
    assert set(events_by_city(text, PUB)) == {"Columbus"}


def test_city_paragraph_with_bare_plural_of_people() -> None:
    text = (
        "Nurses rallied on Wednesday in a national day of action for safe staffing. "
        "In Tucson, about 300 nurses picketed outside the county hospital. "
        "In Tempe, nurses held signs at the clinic entrance. "
        "Other rallies took place in Reno, Fresno and Boise."
    )
    ev = events_by_city(text, PUB)
    assert {"Tucson", "Tempe", "Reno", "Fresno", "Boise"} <= set(ev)


def test_sentence_opening_on_people_and_their_town() -> None:
    text = (
        "Students walked out of their classrooms nationwide on Wednesday to protest school shootings. "
        "In Reno, hundreds of students gathered at the university quad. "
        "Over in Boise, students held a moment of silence on the Capitol steps. "
        "Students in Merced also left their classrooms at 10 a.m."
    )
    assert {"Reno", "Boise", "Merced"} <= set(events_by_city(text, PUB))


@pytest.mark.parametrize("sentence", [
    "Students in Tempe say the wards are short of staff.",  # a verb of saying
    "In Tempe, nurses say the wards are short of staff.",  # a verb of saying
    "In Tempe, the nurses held signs at the clinic entrance.",  # told before ("the")
    "In Tempe, nurses will hold signs at the clinic entrance next week.",  # a plan
    "In Tempe, students returned to class after spring break.",  # a verb of no protest action
    "In Tempe, supporters of the hospital praised management.",  # a verb of no protest action
    "In Tempe, workers reached a tentative deal with the hospital last month.",  # a past day of its own
    "In Tempe, about 40 workers reached a tentative deal with the hospital two weeks ago.",  # a past day of its own
])
def test_bare_plural_not_acting_there(sentence: str) -> None:
    text = (
        "Nurses rallied on Wednesday in a national day of action for safe staffing. "
        "In Tucson, about 300 nurses picketed outside the county hospital. "
        "In Reno, dozens of nurses lined the sidewalk. " + sentence
    )
    assert "Tempe" not in events_by_city(text, PUB)


@pytest.mark.parametrize("sentence", [
    "Students in Merced returned to class after lunch.",
    "Teachers in Merced supervised the students.",
    "Residents in Merced heard the sirens at noon.",
    "In Merced, students took their final exams.",
])
def test_people_opening_needs_a_protest_verb(sentence: str) -> None:
    text = (
        "Students walked out of class on Wednesday in a national day of action against gun violence. "
        "In Reno, hundreds of students gathered at the university quad. "
        "In Boise, dozens of students lined the Capitol steps. " + sentence
    )
    assert "Merced" not in events_by_city(text, PUB)


def test_undated_page_keeps_a_planned_day_apart_from_a_held_one() -> None:
    # no publication date: "Sunday" and "Monday" name no day, yet two days all the same
    text = (
        "Tenants kick off a week of housing protests\n\n"
        "Tenants opened the week of action with a rally Sunday outside the housing authority in Tulsa. "
        "Other protests were held Sunday in Omaha, Wichita and Boise.\n\n"
        "Rallies are scheduled on Monday in more cities, including Tulsa, Omaha, Boise, Reno and Fresno.\n"
    )
    from protestdb.extract import extract_text

    res = extract_text(text, None)
    told = sorted((e.locality, bool(e.announced_only)) for e in res.events)
    for town in ("Tulsa", "Omaha", "Boise"):
        assert (town, False) in told and (town, True) in told
    assert ("Reno", True) in told
