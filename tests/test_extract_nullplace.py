"""Events whose own sentences name no town: a town the page tells only as an origin or a
destination places none of them; a town inside an organisation's name still tells its country."""

from __future__ import annotations

from datetime import date

import pytest

from conftest import report_events

PUB = date(2024, 5, 10)


@pytest.mark.regression("a town told only as where people came from or went to is no site of the action")
@pytest.mark.parametrize("text", [
    "Hundreds marched on Monday against the zoning bill, organizers said.\n\n"
    "The bill was drafted by a consultant from Houston.",
    "Retired miners marched to the benefits office on Monday to protest pension cuts.\n\n"
    "Some had driven up from Springfield for the rally.",
    "Hundreds gathered at the state Capitol on Monday to protest the water bill.\n\n"
    "Many had traveled from Tulsa, the organizers said.",
    "Volunteers held a candlelight vigil outside the federal courthouse on Friday to demand the release of a "
    "neighbor held by immigration agents.\n\nThe neighbor had moved back to Tulsa in March, the group said.",
])
def test_an_origin_or_destination_is_no_site(text: str) -> None:
    evs = report_events(text, PUB)
    assert evs
    assert all(e.locality is None for e in evs)


@pytest.mark.regression("a town abroad told only as an origin places no event")
def test_an_origin_abroad_is_no_site() -> None:
    text = ("Protesters rallied outside the consulate on Friday to demand a ceasefire.\n\n"
            "The envoy had flown in from Paris the day before, officials said.")
    evs = report_events(text, PUB)
    assert evs
    assert all(e.locality is None for e in evs)


def test_two_towns_named_leave_the_action_unplaced() -> None:
    text = ("Volunteers held a candlelight vigil outside the federal courthouse on Friday to demand the release "
            "of a neighbor held by immigration agents.\n\n"
            "The neighbor had moved from Tulsa to Wichita in March, the group said.")
    evs = report_events(text, PUB)
    assert all(e.locality is None for e in evs)


def test_nationwide_strike_gains_no_town() -> None:
    text = ("Workers walked off the job nationwide on Monday in a one-day general strike called by the unions.\n\n"
            "The federation's leader, who grew up in Tulsa, said more stoppages would follow.")
    evs = report_events(text, PUB)
    assert all(e.locality is None for e in evs)


@pytest.mark.regression("a town inside an organisation's name tells its country")
@pytest.mark.parametrize(("text", "country"), [
    ("Lawyers of the Karachi Bar Association marched in Hyderabad on Monday to protest a new court fee.", "PK"),
    ("Members of the Cairo Bar Association marched in Alexandria on Monday to protest a new court fee.", "EG"),
])
def test_town_in_an_organisation_name_decides_the_country(text: str, country: str) -> None:
    from protestdb.extract.places import text_country

    assert text_country(text) == country
    evs = report_events(text, PUB)
    assert [e.country for e in evs] == [country]
