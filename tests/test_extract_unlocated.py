"""Events that the text places without naming their city in the trigger's sentence: a
well-known seat of government or protest square abroad, named instead of its capital."""

from __future__ import annotations

from datetime import date

import pytest

from conftest import report_events


@pytest.mark.regression("a parliament building abroad places its capital")
@pytest.mark.parametrize(
    ("text", "locality", "country"),
    [
        (
            "About 120 nurses protested outside Leinster House on Wednesday, demanding safe staffing, "
            "and blocked the gates for an hour.",
            "Dublin",
            "IE",
        ),
        (
            "Several hundred truckers rallied on Parliament Hill on Saturday against a new fuel levy.",
            "Ottawa",
            "CA",
        ),
        (
            "Thousands of teachers marched from the river to Parliament Square on Thursday over pay.",
            "London",
            "GB",
        ),
    ],
)
def test_parliament_building_abroad_places_its_capital(text: str, locality: str, country: str) -> None:
    evs = report_events(text, date(2024, 5, 10))
    assert [(e.locality, e.country) for e in evs] == [(locality, country)]
    assert evs[0].state is None


@pytest.mark.regression("a venue abroad is never a US place")
def test_parliament_venue_sets_the_country_not_the_us() -> None:
    text = (
        "Dozens of farmers gathered outside Leinster House on Tuesday afternoon. "
        "The farmers later marched along the quays and blocked traffic for an hour."
    )
    evs = report_events(text, date(2024, 5, 14))
    assert evs and all(e.country == "IE" and e.state is None for e in evs)


@pytest.mark.regression("the one town whose local government is quoted places a place-less report")
@pytest.mark.parametrize(
    ("text", "place"),
    [
        (
            "About 40 parents rallied outside the district office on Monday to protest bus cuts. "
            "The Elmira school board had voted to end two routes last month.",
            ("Elmira", "NY"),
        ),
        (
            "Dozens of residents protested outside the library on Tuesday night. "
            "Later the Saginaw police chief said officers made no arrests.",
            ("Saginaw", "MI"),
        ),
    ],
)
def test_town_of_the_quoted_local_government(text: str, place: tuple[str, str]) -> None:
    evs = report_events(text, date(2024, 5, 14))
    assert [(e.locality, e.state) for e in evs] == [place]


@pytest.mark.regression("a town's custody or two towns' officials place nothing")
@pytest.mark.parametrize(
    "text",
    [
        "Protesters marched downtown on Saturday over the death of a man in Akron police custody.",
        "Protesters marched downtown on Saturday. The Akron mayor said the Dayton police department sent officers.",
    ],
)
def test_custody_or_two_towns_leave_the_report_unlocated(text: str) -> None:
    evs = report_events(text, date(2024, 5, 14))
    assert evs and all(e.locality is None for e in evs)


@pytest.mark.regression("a school named after its town, in a named state, places the town")
def test_school_named_after_its_town_in_a_state() -> None:
    text = (
        "Students across the country walked out of class on Thursday to demand gun laws.\n\n"
        "At Oxford High School in Michigan, about 80 students walked out of class on Thursday morning."
    )
    evs = report_events(text, date(2024, 5, 17))
    assert ("Oxford", "MI") in [(e.locality, e.state) for e in evs]


@pytest.mark.regression("a school named after a person stays in its state")
def test_school_named_after_a_person_is_no_town() -> None:
    text = (
        "Students across the country walked out of class on Thursday to demand gun laws.\n\n"
        "At Lincoln High School in Nebraska, about 80 students walked out of class on Thursday morning."
    )
    evs = report_events(text, date(2024, 5, 17))
    assert evs and all(e.locality != "Lincoln" for e in evs)


@pytest.mark.regression("a state told as the address of a city's officials places the city")
def test_state_after_the_mayor_of_a_city_is_the_city_address() -> None:
    text = "The mayor of Toledo, Ohio, declared a curfew on Sunday after protesters set fire to a police car during a march."
    evs = report_events(text, date(2024, 5, 14))
    assert [(e.locality, e.state) for e in evs] == [("Toledo", "OH")]


@pytest.mark.regression("an origin city's state stays a state")
@pytest.mark.parametrize(
    "text",
    [
        "Protesters from Toledo, Ohio, marched on Sunday to demand police reform.",
        "Farmers protested in Ohio on Sunday, the mayor of Toledo said.",
    ],
)
def test_origin_or_quoting_city_does_not_place_a_state_event(text: str) -> None:
    evs = report_events(text, date(2024, 5, 14))
    assert [(e.locality, e.state) for e in evs] == [(None, "OH")]


@pytest.mark.regression("'the biggest turnout was in X' tells an action in X")
def test_biggest_turnout_was_in_a_city() -> None:
    text = (
        "Nurses walked off the job across the province on Friday to demand more staff.\n\n"
        "In Ottawa, nurses rallied outside the regional hospital.\n\n"
        "The biggest turnout was in Toronto, where police closed two streets for the afternoon."
    )
    evs = report_events(text, date(2024, 3, 15))
    assert "Toronto" in [e.locality for e in evs]
