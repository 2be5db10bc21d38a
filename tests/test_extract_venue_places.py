"""Events whose only place word is a venue: a school or hospital named after its town, a
national parliament told by its own name; and a clue that must not move a text into the past
("historically Black")."""

from __future__ import annotations

from datetime import date

import pytest

from conftest import report_events


@pytest.mark.regression("a hospital named after its town, in a state the sentence names, is in that town")
def test_hospital_named_after_its_town_is_its_own_event() -> None:
    text = (
        "Health care workers protested vaccine rules at several hospitals this week.\n\n"
        "1. Nurses protested on Sept. 4 near the Bayview Medical Center in Riverhead, N.Y.\n\n"
        "2. Staff protested Oregon's vaccine rule on Sept. 8 outside Medford Hospital, a local paper reported."
    )
    evs = report_events(text, date(2021, 9, 9))
    places = {(e.locality, e.state) for e in evs}
    assert ("Medford", "OR") in places
    assert ("Riverhead", "NY") in places


@pytest.mark.regression("a hospital named after a person is no town")
def test_hospital_named_after_a_person_is_no_town() -> None:
    text = (
        "Nurses in Nebraska protested on Monday outside Lincoln Hospital, demanding more staff.\n\n"
        "The nurses held signs and chanted for an hour."
    )
    evs = report_events(text, date(2024, 5, 14))
    assert evs and all(e.locality != "Lincoln" for e in evs)


@pytest.mark.regression("a school named after its town, in a text that names no place, places the town")
def test_school_named_after_its_town_in_a_text_without_places() -> None:
    text = (
        "A group of Petaluma High School students walked out of their classrooms on Friday morning "
        "to protest gun violence.\n\n"
        "About 40 students, joined by their teacher Ana Moreno, marched to the district office "
        "and chanted for stricter gun laws."
    )
    evs = report_events(text, date(2024, 4, 20))
    assert [(e.locality, e.state, e.country) for e in evs] == [("Petaluma", "CA", "US")]


@pytest.mark.regression("a text naming a place keeps place-less drafts unlocated by a school's name")
def test_school_town_not_used_when_the_text_names_a_place() -> None:
    text = (
        "Students walked out of Petaluma High School on Friday to protest gun violence.\n\n"
        "In Denver, Colorado, hundreds of students marched to the Capitol the same day."
    )
    evs = report_events(text, date(2024, 4, 20))
    assert "Denver" in [e.locality for e in evs]


@pytest.mark.regression("a national parliament told by its own name places its capital")
@pytest.mark.parametrize(
    ("text", "locality"),
    [
        (
            "Hundreds of renters gathered outside the Dáil on Wednesday, calling for action on "
            "homelessness in Ireland.",
            "Dublin",
        ),
        (
            "Thousands of farmers protested outside the Bundestag on Monday against diesel tax cuts "
            "planned by the German government.",
            "Berlin",
        ),
    ],
)
def test_parliament_told_by_its_name_places_the_capital(text: str, locality: str) -> None:
    evs = report_events(text, date(2024, 3, 6))
    assert [e.locality for e in evs] == [locality]


@pytest.mark.regression("'historically Black' describes a neighborhood, not a past event")
def test_historically_black_neighborhood_is_no_background() -> None:
    text = (
        "Protesters marched in Atlanta, Georgia, on Saturday against the new budget.\n\n"
        "Durham, N.C. - Residents held a rally early Saturday against the budget cuts in Hayti, a "
        "historically Black neighborhood of Durham."
    )
    evs = report_events(text, None)  # no publication date: "Saturday" dates nothing
    assert {"Atlanta", "Durham"} <= {e.locality for e in evs}


@pytest.mark.regression("in a text without person tags, a town followed by a surname is a person's name")
def test_spanish_given_names_that_are_towns_are_no_places() -> None:
    text = (
        "Miles de personas marcharon en Dallas el domingo para exigir una reforma migratoria.\n\n"
        "Entre los líderes que acudieron a la marcha estuvieron el "
        "congresista Joaquín Ramos, el abogado Pedro Gil, Victoria Solís diputada de Texas por el "
        "Distrito 12 y otros líderes comunitarios."
    )
    evs = report_events(text, date(2017, 4, 10))
    assert [(e.locality, e.state) for e in evs] == [("Dallas", "TX")]


@pytest.mark.regression("in a text without person tags, a town told as a site stays a place")
def test_spanish_town_after_en_stays_a_place() -> None:
    text = "Cientos de estudiantes marcharon en Victoria Texas el viernes contra los recortes, y en Tyler el sábado."
    evs = report_events(text, date(2024, 3, 11))
    assert {"Victoria", "Tyler"} <= {e.locality for e in evs}


@pytest.mark.regression("in a text without a parse, a sentence's first word before 'de' is a quantity, not a town")
def test_spanish_quantity_word_that_is_a_town_is_no_place() -> None:
    text = (
        "Miles de personas marcharon en Dallas el domingo para exigir una reforma migratoria.\n\n"
        "Cientos de estudiantes se unieron a la marcha, que terminó frente al ayuntamiento."
    )
    evs = report_events(text, date(2017, 4, 10))
    assert "Miles" not in {e.locality for e in evs}
    assert "Dallas" in {e.locality for e in evs}


@pytest.mark.regression("a venue named after a town bigger abroad never places a state-less text in the US")
def test_venue_town_bigger_abroad_is_not_placed_in_the_us() -> None:
    text = (
        "Nurses rallied outside Wellington Hospital on Tuesday, chanting for safe staffing and "
        "carrying placards about pay."
    )
    evs = report_events(text, date(2024, 3, 5))
    assert evs and all(e.state is None for e in evs)


@pytest.mark.regression("a hospital with no state told gives no town: many carry another town's name")
def test_hospital_without_a_state_gives_no_town() -> None:
    for name in ("Parkland", "Bellevue", "Providence"):
        text = f"Nurses rallied outside {name} Hospital on Monday, demanding more staff.\n"
        evs = report_events(text, date(2024, 5, 14))
        assert all(e.locality != name for e in evs), (name, [(e.locality, e.state) for e in evs])
