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
