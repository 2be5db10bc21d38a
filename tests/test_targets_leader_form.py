"""A leader and the government he leads both among an event's targets: the form the report tells
more stays ("the Trump administration" told again and again, or "President Trump"); on a tie both."""

from __future__ import annotations

import pytest

from conftest import APR_14_2025, event_targets
from protestdb.extract.leaders import one_leader_form


@pytest.mark.regression("the administration told more than the titled president: the administration")
def test_administration_told_more_keeps_the_administration() -> None:
    text = (
        "TULSA, Okla. — About 300 people rallied outside City Hall on Saturday against the Trump administration's cuts "
        "to veterans' health care. Speakers said the Trump administration had broken its promises. "
        "Organizers said more rallies against Trump are planned."
    )
    assert event_targets(text, APR_14_2025, geocode=False) == ["Trump administration"]


@pytest.mark.regression("the titled president told more than the administration: the person")
def test_titled_president_told_more_keeps_the_person() -> None:
    text = (
        "TULSA, Okla. — About 300 people rallied outside City Hall on Saturday against President Trump and the Trump "
        "administration's cuts to veterans' health care. Speakers said President Trump had broken his promises. "
        "Organizers said more rallies are planned."
    )
    assert event_targets(text, APR_14_2025, geocode=False) == ["Donald Trump"]


def test_one_leader_form_counts_the_two_forms() -> None:
    targets = ["Dana Harlow", "Harlow government", "Westland Rail"]
    body = "Marchers denounced the Harlow government. The Harlow government's budget cut rail funds."
    person = "Marchers denounced Premier Harlow. Premier Dana Harlow defended the Harlow government's budget."
    assert one_leader_form(targets, body) == ["Dana Harlow"]
    assert one_leader_form(targets, person) == ["Harlow government"]
    assert one_leader_form(targets, "Premier Harlow and the Harlow government") == []
    # another person of the leader's surname (another first name) is no form of the leader
    kin = "Marchers denounced Premier Dana Harlow, Jo Harlow and the Harlow government. The Harlow government is silent."
    assert one_leader_form(["Jo Harlow", "Harlow government"], kin) == []
    assert one_leader_form(["Dana Harlow", "Harlow government"], kin) == ["Dana Harlow"]


def test_a_spokesperson_or_official_of_the_government_is_no_mention_of_the_body() -> None:
    text = ("Tenants rallied against Premier Dana Harlow and the Harlow government. Premier Dana Harlow did not "
            "come out. A Harlow government spokesperson said the premier was listening; a former Harlow "
            "government official and a Harlow government aide watched.")
    assert one_leader_form(["Dana Harlow", "Harlow government"], text) == ["Harlow government"]


@pytest.mark.regression("a sibling agency told beside ICE is not listed")
def test_sibling_agency_beside_ice_is_not_listed() -> None:
    text = (
        "YUMA, Ariz. — About 150 people rallied outside the federal building on Sunday, demanding that ICE "
        "release a local pastor and end raids at farms. Customs and Border Protection agents watched from across the street."
    )
    targets = event_targets(text, APR_14_2025, geocode=False)
    assert "ICE" in targets
    assert "Customs and Border Protection" not in targets


@pytest.mark.regression("a title abbreviation without its period is no target")
def test_title_abbreviation_without_its_period_is_no_target() -> None:
    text = (
        "RIVERTON, Ore. — A few dozen marchers walked from Linden Park on Friday and stood in front of Rep. Dana Holt's office "
        "asking her to condemn the county jail contract."
    )
    assert "Rep" not in event_targets(text, APR_14_2025, geocode=False)
