"""Extraction round 2 (issue 3): event splitting, counts tied to their events, targets.

All sentences are written for these tests (other cities, groups and wording than any gold text).
"""

from __future__ import annotations

from datetime import date

import pytest

from protestdb.extract import extract_text
from protestdb.extract.places import Place, sub_places

PUB = date(2025, 4, 14)


def _events(text: str, published: date = PUB):
    res = extract_text(text, published, geocode=False)
    assert res.is_protest_report
    return res.events


# --- arrests and injuries tied to their events -------------------------------------------


def test_zero_arrests_for_all_events_of_a_roundup() -> None:
    text = (
        "Teachers rallied in several cities on Saturday against school budget cuts.\n\n"
        "DAYTON, Ohio — About 300 teachers rallied outside the school board offices.\n\n"
        "TOLEDO, Ohio — Roughly 150 teachers marched along the riverfront.\n\n"
        "Police in both cities said no one was arrested."
    )
    evs = [e for e in _events(text) if e.locality]
    assert {e.locality for e in evs} >= {"Dayton", "Toledo"}
    assert all(e.arrests == 0 for e in evs)


def test_arrest_count_goes_to_the_city_named_and_no_other_gives_zero() -> None:
    text = (
        "Hundreds of people rallied in Fresno and Modesto on Saturday to protest water cuts.\n\n"
        "In Fresno, about 400 people marched to City Hall. In Modesto, about 200 people rallied at a park.\n\n"
        "Modesto police said three people were arrested after a scuffle. No other arrests were reported."
    )
    by_city = {e.locality: e for e in _events(text) if e.locality}
    assert by_city["Modesto"].arrests == 3
    assert by_city["Fresno"].arrests == 0


def test_arrests_not_given_to_an_announced_event() -> None:
    text = (
        "SALEM, Ore. — About 60 nurses marched outside Cascade Valley Hospital on Monday.\n\n"
        "The union said they plan to rally again Friday. Police reported no arrests."
    )
    evs = _events(text)
    happened = [e for e in evs if not e.announced_only]
    assert happened and happened[0].arrests == 0
    assert all(e.arrests is None for e in evs if e.announced_only)


# --- one action, one event -------------------------------------------------------------


def test_back_reference_in_present_tense_joins_the_announced_event() -> None:
    text = (
        "BOISE, Idaho — Hunters and anglers will rally Saturday at the Idaho Capitol to oppose the sale of public lands.\n\n"
        "The rally is being organized by the Backcountry Access Alliance, which expects members from across the state."
    )
    evs = _events(text)
    assert len(evs) == 1
    assert evs[0].announced_only


def test_dated_back_reference_is_the_announced_follow_up() -> None:
    text = (
        "EUGENE, Ore. — About 50 bus drivers rallied Tuesday outside the transit agency's offices to demand "
        "safer schedules, and organizers said they would be back the following week.\n\n"
        "Thursday's rally is planned for 5 p.m. at the same spot."
    )
    evs = _events(text, date(2025, 6, 5))
    assert len(evs) == 2
    assert sorted(e.announced_only for e in evs) == [False, True]


def test_nationwide_boycott_re_described_stays_one_event() -> None:
    text = (
        "Consumers across the country were asked to skip coffee chains on Monday in a nationwide boycott "
        "called by the Fair Cup Coalition.\n\n"
        "The coalition told people not to buy drinks at big chains for the whole day.\n\n"
        "The group has called for more boycotts later this year."
    )
    evs = _events(text)
    assert len(evs) == 1
    assert evs[0].event_type == ["boycott"]


def test_place_followed_by_a_borough_lies_in_its_city() -> None:
    text = (
        "NEW YORK — About 90 tenants rallied outside a building in Sunset Park, Brooklyn, on Sunday, "
        "demanding repairs from the landlord."
    )
    evs = _events(text, date(2025, 3, 3))
    assert len(evs) == 1
    assert evs[0].locality == "New York"


@pytest.mark.parametrize(
    ("sentence", "kind"),
    [("vecinos marcharon hasta el parque Lincoln", "venue"), ("residents of the Lincoln neighborhood marched", "neighborhood")],
)
def test_sub_places(sentence: str, kind: str) -> None:
    text = "OMAHA — " + sentence
    start = text.index("Lincoln")
    found = [Place(0, 5, "OMAHA", "city", "NE", "Omaha", "US"), Place(start, start + 7, "Lincoln", "city", "NE", "Lincoln", "US")]
    out = sub_places(text, found, found[0])
    assert out[1].kind == kind
    if kind == "neighborhood":
        assert out[1].locality == "Omaha"
    else:
        assert out[1].quote.lower().startswith("parque")


# --- targets -----------------------------------------------------------------------------


def _targets(text: str) -> list[str]:
    return [t for e in _events(text) for t in e.targets]


def test_target_subject_of_demanded_clause_resolved_to_its_name() -> None:
    text = (
        "HELENA, Mont. — About 70 people rallied outside the county jail on Monday, demanding that the sheriff "
        "end a contract with immigration authorities. The Lewis Creek County Sheriff's Office declined to comment."
    )
    assert "Lewis Creek County Sheriff's Office" in _targets(text)


def test_target_object_of_urge() -> None:
    text = "SAVANNAH, Ga. — Dozens of dock workers rallied on Friday and urged the Harbor Board of Commissioners to drop the plan."
    assert any("Harbor Board of Commissioners" in t for t in _targets(text))


def test_target_of_calling_for_x_to() -> None:
    text = (
        "ITHACA, N.Y. — About 40 students staged a sit-in at Lakeshore University on Tuesday, with banners "
        "calling for the university to cut ties with weapons makers."
    )
    assert "Lakeshore University" in _targets(text)


def test_lawmakers_become_the_state_legislature() -> None:
    text = "RICHMOND, Va. — Hundreds of nurses rallied at the Capitol on Tuesday to urge lawmakers to fund staffing ratios."
    assert "Virginia General Assembly" in _targets(text)


def test_company_running_the_site_is_a_target() -> None:
    text = (
        "BAKERSFIELD, Calif. — About 80 people held a vigil outside a detention center run by the private prison "
        "company Corvane Group on Sunday, chanting for the release of detainees."
    )
    assert "Corvane Group" in _targets(text)


def test_protesters_are_never_targets() -> None:
    text = "RENO, Nev. — About 100 students rallied on Monday and urged other students to join the strike."
    assert not any("student" in t.lower() for t in _targets(text))
