"""Events that came out without a place although the text names their sites: a place under a
participle that only tells where a thing is ("warehouses located in X"), an unlocated action
re-told with its sites, and a state's name that is a
river's ("near the Ohio River": no state of the action)."""

from __future__ import annotations

from datetime import date

import pytest

from conftest import report_events


def _places(text: str) -> list[tuple[str | None, str | None]]:
    return [(e.locality, e.state) for e in report_events(text, date(2024, 5, 10))]


@pytest.mark.regression("a place under 'located in' or 'based in' is the action's site")
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Hundreds of workers went on strike on Monday at two warehouses located in Dayton.",
         [("Dayton", "OH")]),
        ("Hundreds of workers went on strike on Monday at the chain's warehouses based in Dayton and Toledo.",
         [("Dayton", "OH"), ("Toledo", "OH")]),
    ],
)
def test_site_under_a_locating_participle(text: str, expected: list[tuple[str, str]]) -> None:
    assert _places(text) == expected


@pytest.mark.regression("an unlocated action re-told with its sites gets one event per site")
@pytest.mark.parametrize(
    ("sites", "expected"),
    [
        ("The strike shut down the Tulsa, Omaha and Wichita bakeries.",
         [("Omaha", "NE"), ("Tulsa", "OK"), ("Wichita", "KS")]),
        ("The strike affects bakeries in Queens, New York; Tulsa, Oklahoma; and Omaha, Nebraska.",
         [("Omaha", "NE"), ("Tulsa", "OK")]),
    ],
)
def test_unlocated_action_retold_with_its_sites(sites: str, expected: list[tuple[str, str]]) -> None:
    text = (
        "The bakers' union began a strike against Crumbco on Monday morning across the company's bakeries "
        "in several states.\n\n"
        "Thousands of bakers walked off the job at dawn, the union said.\n\n" + sites
    )
    evs = report_events(text, date(2024, 5, 10))
    located = sorted((e.locality, e.state) for e in evs if e.locality)
    assert located == expected
    assert all(str(e.date) == "2024-05-06" for e in evs)


@pytest.mark.regression("a state's name opening a river's name is no state of the action")
@pytest.mark.parametrize(
    "text",
    [
        "Farmers blocked a highway near the Ohio River on Friday to protest new levies.",
        "About forty activists were arrested at a pipeline construction site near the Mississippi River on "
        "Monday after they chained themselves to excavators.",
    ],
)
def test_state_named_river_gives_no_state(text: str) -> None:
    assert _places(text) == [(None, None)]


def test_state_itself_still_places_the_action() -> None:
    assert _places("Farmers blocked a highway in rural Ohio on Friday to protest new levies.") == [(None, "OH")]


@pytest.mark.regression("every city of a list under the grievance noun is the grievance's place")
def test_listed_cities_of_the_grievance_are_no_sites() -> None:
    text = (
        "RENO, Nev. – A vigil drew several dozen residents to the public library Friday night, in memory "
        "of those killed in the recent attacks in Dayton, Tulsa and Omaha, Neb.\n\n"
        "The names of the victims were read aloud at the vigil."
    )
    evs = report_events(text, date(2024, 5, 13))
    assert [(e.locality, e.state, str(e.date)) for e in evs] == [("Reno", "NV", "2024-05-10")]


@pytest.mark.regression("'Washington, New York and other cities' is two cities, not a town of New York state")
def test_city_named_state_closing_a_list_is_the_city() -> None:
    from protestdb.geo.places import find_places

    got = [(p.quote, p.kind, p.state) for p in find_places("protesters rallied in Washington, New York and other cities")]
    assert got == [("Washington", "city", "DC"), ("New York", "city", "NY")]
    got = [(p.quote, p.kind, p.state) for p in find_places("They rallied in Albany, New York on Saturday.")]
    assert got == [("Albany", "city", "NY"), ("New York", "state", "NY")]


@pytest.mark.regression("cities of an earlier occasion ('weeks after crowds marched in X') are no sites of the action")
@pytest.mark.parametrize("close", ["and other cities", "and elsewhere"])
def test_cities_of_an_earlier_occasion_are_no_sites(close: str) -> None:
    text = ("Hundreds rallied outside the statehouse in Columbus on Saturday, weeks after huge crowds marched in "
            f"Washington, New York {close} to demand tougher gun laws.")
    assert [(e.locality, e.state) for e in report_events(text, date(2024, 5, 13))] == [("Columbus", "OH")]
