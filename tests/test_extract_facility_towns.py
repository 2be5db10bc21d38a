"""A facility named "HEAD of <Town>" (a port, a university) lies in that town: the town is the
action's site, not an origin or an owner told by "of"."""

from __future__ import annotations

from datetime import date

import pytest

from protestdb.extract import extract_text
from protestdb.extract.assemble import facility_of_town, non_event_places
from protestdb.extract.places import gazetteer_places

DAY = date(2025, 5, 14)


@pytest.mark.parametrize(("text", "town", "country"), [
    ("Fishermen blockaded the Port of Marseille on Monday to protest new fishing quotas, unions said.",
     "Marseille", "FR"),
    ("Hundreds of dockworkers rallied on Tuesday and blocked the gates at the Port of Tacoma, demanding a new contract.",
     "Tacoma", "US"),
])
def test_a_port_named_after_its_town_is_in_that_town(text: str, town: str, country: str) -> None:
    evs = extract_text(text, DAY).events
    assert [(e.locality, e.country) for e in evs] == [(town, country)]


@pytest.mark.parametrize(("before", "expected"), [
    ("blocked the gates at the Port of ", True),
    ("marched from the University of ", True),
    ("una protesta frente al Puerto de ", True),
    ("a letter signed by the mayor of ", False),
    ("a ship on a port of ", False),  # lower case: no facility's name
])
def test_facility_heads_before_of(before: str, expected: bool) -> None:
    assert facility_of_town(before) is expected


def test_of_without_a_facility_still_tells_no_site() -> None:
    text = "Nurses rallied in Elmira on Friday, joined by the mayor of Tacoma."
    every = gazetteer_places(text)
    tacoma = [p for p in every if p.quote == "Tacoma"]
    assert tacoma
    assert id(tacoma[0]) in non_event_places(text, every)


@pytest.mark.regression("a facility named after a town is no site where the page tells another town as the site")
@pytest.mark.parametrize(("text", "town"), [
    ("Dockworkers rallied in Fairhaven on Monday over automation at the Port of Tacoma.", "Tacoma"),
    ("Protesters picketed a Spokane warehouse on Monday that ships goods through the Port of Tacoma.", "Tacoma"),
])
def test_a_facility_told_in_passing_places_no_event(text: str, town: str) -> None:
    evs = extract_text(text, DAY).events
    assert evs
    assert town not in [e.locality for e in evs]


@pytest.mark.parametrize("text", [
    "Students rallied outside the University of Memphis on Tuesday against tuition hikes.\n\n"
    "The dean, who lives in Nashville, did not comment.",
    "Dockworkers marched to the Port of Tacoma on Tuesday, demanding a new contract.\n\n"
    "Their union is based in Spokane.",
])
def test_a_facility_told_as_the_site_places_its_event(text: str) -> None:
    every = gazetteer_places(text)
    town = next(p for p in every if p.quote in ("Memphis", "Tacoma"))
    assert id(town) not in non_event_places(text, every)
