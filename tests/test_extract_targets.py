"""Targets: whom an action addresses (cues, the parse's addressees, roles toward the action)."""

from __future__ import annotations

import pytest

from conftest import (
    APR_14_2025,
    MAY_14_2025,
    event_targets,
    report_events,
)


@pytest.mark.regression("target subject of demanded clause resolved to its name")
def test_target_subject_of_demanded_clause_resolved_to_its_name() -> None:
    text = (
        "HELENA, Mont. — About 70 people rallied outside the county jail on Monday, demanding that the sheriff "
        "end a contract with immigration authorities. The Lewis Creek County Sheriff's Office declined to comment."
    )
    assert "Lewis Creek County Sheriff's Office" in event_targets(text, APR_14_2025, geocode=False)


@pytest.mark.regression("target object of urge")
def test_target_object_of_urge() -> None:
    text = "SAVANNAH, Ga. — Dozens of dock workers rallied on Friday and urged the Harbor Board of Commissioners to drop the plan."
    assert any("Harbor Board of Commissioners" in t for t in event_targets(text, APR_14_2025, geocode=False))


@pytest.mark.regression("target of calling for x to")
def test_target_of_calling_for_x_to() -> None:
    text = (
        "ITHACA, N.Y. — About 40 students staged a sit-in at Lakeshore University on Tuesday, with banners "
        "calling for the university to cut ties with weapons makers."
    )
    assert "Lakeshore University" in event_targets(text, APR_14_2025, geocode=False)


@pytest.mark.regression("lawmakers become the state legislature")
def test_lawmakers_become_the_state_legislature() -> None:
    text = "RICHMOND, Va. — Hundreds of nurses rallied at the Capitol on Tuesday to urge lawmakers to fund staffing ratios."
    assert "Virginia General Assembly" in event_targets(text, APR_14_2025, geocode=False)


@pytest.mark.regression("company running the site is a target")
def test_company_running_the_site_is_a_target() -> None:
    text = (
        "BAKERSFIELD, Calif. — About 80 people held a vigil outside a detention center run by the private prison "
        "company Corvane Group on Sunday, chanting for the release of detainees."
    )
    assert "Corvane Group" in event_targets(text, APR_14_2025, geocode=False)


@pytest.mark.regression("students urging others are never targets")
def test_students_urging_others_are_never_targets() -> None:
    text = "RENO, Nev. — About 100 students rallied on Monday and urged other students to join the strike."
    assert not any("student" in t.lower() for t in event_targets(text, APR_14_2025, geocode=False))


@pytest.mark.regression("strikers employer and parent company are targets")
def test_strikers_employer_and_parent_company_are_targets() -> None:
    text = (
        "DULUTH, Minn. — More than 400 nurses at Granite Peak Medical Center walked off the job on "
        "Monday, picketing in the cold over staffing levels.\n\n"
        "The hospital's parent company, Summit Care Partners, said it had hired replacement nurses."
    )
    ev = report_events(text, MAY_14_2025)[0]
    assert "Granite Peak Medical Center" in ev.targets
    assert "Summit Care Partners" in ev.targets
    assert "Summit Care Partners" not in ev.organizations


@pytest.mark.regression("site owner is target")
def test_site_owner_is_target() -> None:
    text = (
        "CHARLOTTE, N.C. — Twelve climate activists were arrested on Tuesday after they sat down "
        "across the entrance of Ironclad Bank's corporate headquarters, protesting its fossil fuel loans."
    )
    ev = report_events(text, MAY_14_2025)[0]
    assert "Ironclad Bank" in ev.targets


@pytest.mark.regression("governor claim targets the state governor")
def test_governor_claim_targets_the_state_governor() -> None:
    text = (
        "SACRAMENTO, Calif. — Thousands of teachers rallied at the Capitol on Saturday to protest the "
        "governor's proposed cuts to school funding, chanting and waving signs."
    )
    ev = report_events(text, MAY_14_2025)[0]
    assert "Governor of California" in ev.targets


@pytest.mark.regression("detention site operator is target")
def test_detention_site_operator_is_target() -> None:
    text = (
        "TACOMA, Wash. — About 150 people held a vigil outside the immigration detention center on "
        "Sunday, protesting the treatment of detainees. The center is operated by Cedar Corrections "
        "Group under a federal contract."
    )
    ev = report_events(text, MAY_14_2025)[0]
    assert "Cedar Corrections Group" in ev.targets


@pytest.mark.regression("striking workers are never targets")
def test_striking_workers_are_never_targets() -> None:
    text = (
        "ALBANY, N.Y. — Baristas at four Brewline Coffee stores went on strike on Friday, "
        "picketing outside the flagship cafe for a first contract.\n\n"
        "About 60 strikers chanted and carried union signs, demanding a fair contract."
    )
    ev = report_events(text, MAY_14_2025)[0]
    assert not any(t.lower() == "baristas" for t in ev.targets)


@pytest.mark.regression("immigration protest without addressee targets the enforcement agency")
def test_immigration_protest_without_addressee_targets_the_enforcement_agency() -> None:
    text = (
        "YAKIMA, Wash. — About 80 people held a candlelight vigil on Sunday evening to protest the "
        "deportation of a local farmworker, singing and holding signs.\n\n"
        "ICE did not respond to a request for comment."
    )
    ev = report_events(text, MAY_14_2025)[0]
    assert ev.targets == ["ICE"]


@pytest.mark.regression("bare city council takes the event city")
def test_bare_city_council_takes_the_event_city() -> None:
    text = (
        "DULUTH, Minn. — About 150 tenants rallied outside City Hall on Monday, urging the City "
        "Council to pass a rent stabilization ordinance."
    )
    ev = report_events(text, MAY_14_2025)[0]
    assert "Duluth City Council" in ev.targets
    assert "City Council" not in ev.targets


@pytest.mark.regression("an addressed government is a target with its modifiers")
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("WESTBURY, Kenya — Hundreds of nurses marched through Westbury on Monday, demanding that the "
         "Westland government address their grievances over unpaid wages.", "Westland government"),
        ("NAIROBI, Kenya — Thousands of opposition supporters held anti-government protests in Nairobi on "
         "Wednesday, blocking roads.", "Kenyan government"),  # a bare government abroad: its country's
        ("PERTH, Australia — About two thousand students held a climate protest in Perth on Friday to send a clear message "
         "to the federal government on climate.", "federal government"),
    ],
)
def test_addressed_government_is_a_target(text: str, expected: str) -> None:
    assert expected in event_targets(text, APR_14_2025, geocode=False)


@pytest.mark.regression("whom a petition is handed to is addressed")
def test_petition_handed_to_a_body_targets_it() -> None:
    text = (
        "DUNMORE, Ohio — Some 300 bus riders marched downtown on Tuesday and delivered a petition to the "
        "Dunmore Transit Board demanding safer buses."
    )
    assert "Dunmore Transit Board" in event_targets(text, APR_14_2025, geocode=False)


def test_a_road_shut_down_is_no_target() -> None:
    from datetime import date

    from protestdb.extract import extract_text

    for text in ("Climate marchers shut down Interstate 80 near Reno for an hour on Wednesday evening.",
                 "About 150 students shut down Highway 9 in Fremont on Monday over tuition hikes."):
        got = extract_text(text, date(2021, 6, 9))
        assert all(not {"Interstate", "Highway"} & set(ev.targets) for ev in got.events), text
