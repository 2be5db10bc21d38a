"""A report that names no city but a landmark standing for one, told as the action's site,
is placed in that city; a landmark that speaks, or landmarks of two cities, place nothing."""

from __future__ import annotations

from datetime import date

from protestdb.extract import extract_text
from protestdb.extract.places import landmark_place

PUB = date(2024, 5, 3)


def test_landmark_as_site_places_the_report() -> None:
    text = ("Several hundred farmers gathered at Jantar Mantar on Thursday, demanding a legal guarantee "
            "of crop prices. The protest was organised by a farmers' union.\n")
    res = extract_text(text, PUB)
    assert [(e.locality, e.country, e.state) for e in res.events] == [("New Delhi", "IN", None)]
    assert res.events[0].evidence["locality"][0].quote == "Jantar Mantar"


def test_square_abroad() -> None:
    res = extract_text("Thousands of teachers rallied in Syntagma Square on Wednesday over pay cuts.\n", PUB)
    assert [(e.locality, e.country) for e in res.events] == [("Athens", "GR")]


def test_speaking_landmark_places_nothing() -> None:
    assert landmark_place("Pupils left their classrooms on Friday; Downing Street called it a stunt.") is None
    assert landmark_place("Protesters marched to Downing Street on Friday.") is not None


def test_two_cities_landmarks_place_nothing() -> None:
    text = "Rallies were held at Trafalgar Square and outside the Dáil on Saturday."
    assert landmark_place(text) is None


def test_named_city_wins_over_landmark() -> None:
    text = ("Nurses picketed outside Elmwood General Hospital in Springfield, Illinois, on Thursday. "
            "A delegation later travelled to the White House.\n")
    res = extract_text(text, PUB)
    assert [e.locality for e in res.events] == ["Springfield"]


def test_landmark_outside_the_action_sentence_places_nothing() -> None:
    text = ("Hundreds of students walked out of class on Thursday over tuition fees.\n\n"
            "Lawmakers at Stormont debated the fees bill the same afternoon.\n")
    res = extract_text(text, PUB)
    assert all(e.locality != "Belfast" for e in res.events), [(e.locality, e.country) for e in res.events]
