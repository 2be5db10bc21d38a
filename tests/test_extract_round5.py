"""Extraction round 5 (issue 3): organizer name spans and roles -- names stop before a
place/venue/time preposition, subject organizers, role words stripped, no participants or
claims from inside names, venues after at/outside.

All sentences are written for these tests (no gold text)."""

from __future__ import annotations

from datetime import date

from protestdb.extract import extract_text
from protestdb.extract.nlp import load_nlp
from protestdb.extract.orgs import find_orgs

PUB = date(2025, 5, 14)


def _events(text: str) -> list:
    res = extract_text(text, PUB)
    assert res.is_protest_report
    return res.events


def _orgs(text: str) -> list[str]:
    return [o.name for o in find_orgs(text, [(0, len(text))], load_nlp()(text))]


def test_name_stops_before_venue_and_city() -> None:
    text = (
        "About 60 people held a vigil organized by the Desert Quilters for Justice at Willow Creek Park "
        "in Tempe, Arizona, on Sunday evening to protest cuts to refugee aid."
    )
    ev = _events(text)[0]
    assert ev.organizations == ["Desert Quilters for Justice"]
    assert ev.locality == "Tempe"
    assert not any("Willow" in c or "Justice at" in c for c in ev.claims_summary)


def test_name_stops_before_a_day() -> None:
    names = _orgs("The march was organized by the Harbor Dads for Fairness on Saturday in Duluth.")
    assert names == ["Harbor Dads for Fairness"]


def test_preposition_inside_a_name_is_kept_when_no_place_follows() -> None:
    names = _orgs("The rally was organized by the Committee on Fair Housing Rights and local tenants.")
    assert "Committee on Fair Housing Rights" in names


def test_known_name_with_place_inside_is_kept() -> None:
    names = _orgs("The sit-in was organized by Students for Justice in Palestine on Tuesday.")
    assert names == ["Students for Justice in Palestine"]


def test_no_claim_from_inside_a_name() -> None:
    text = (
        "BOISE, Idaho — Dozens of people marched downtown on Saturday, organized by the Parents for "
        "Quiet Streets, demanding lower speed limits near schools."
    )
    ev = _events(text)[0]
    assert "Parents for Quiet Streets" in ev.organizations
    assert not any(c.lower().startswith("for quiet") for c in ev.claims_summary)


def test_capitalised_subject_group_holding_an_action_is_an_organizer() -> None:
    text = (
        "EUGENE, Ore. — The Lantern Neighbors Circle held a candlelight vigil outside the federal "
        "courthouse on Tuesday night, calling for the release of detained farmworkers."
    )
    ev = _events(text)[0]
    assert "Lantern Neighbors Circle" in ev.organizations


def test_role_words_are_stripped_and_deduplicated() -> None:
    text = (
        "Members of the Renters Voice Collective held a rally at Maple Square in Dayton, Ohio, on "
        "Monday, demanding a cap on rent increases. Supporters of the Renters Voice Collective "
        "carried signs."
    )
    ev = _events(text)[0]
    assert ev.organizations == ["Renters Voice Collective"]


def test_no_participants_from_inside_a_name() -> None:
    text = (
        "LUBBOCK, Texas — About 200 people rallied with Teachers for Open Libraries outside the "
        "county library on Friday to protest book removals."
    )
    ev = _events(text)[0]
    assert "teachers" not in ev.participants


def test_venue_with_a_second_head_word() -> None:
    text = (
        "OMAHA, Neb. — Hundreds of parishioners held a vigil at the Cathedral Basilica on Saturday "
        "to protest deportations."
    )
    ev = _events(text)[0]
    assert ev.location and "Cathedral Basilica" in ev.location


def test_the_action_itself_is_no_claim() -> None:
    text = (
        "About 90 nurses gathered on Sunday at Lakeview Plaza in Madison, Wisconsin, for a rally called by "
        "the Nurses Solidarity Network, demanding safe staffing."
    )
    ev = _events(text)[0]
    assert not any("rally" in c for c in ev.claims_summary)
    assert any("safe staffing" in c for c in ev.claims_summary)


def test_dateline_with_a_hyphen_is_not_part_of_the_subject_name() -> None:
    text = (
        "Savannah, Georgia - The Coastal Parents Circle held a candlelight vigil at Forsyth Park on "
        "Saturday for victims of gun violence."
    )
    ev = _events(text)[0]
    assert ev.organizations == ["Coastal Parents Circle"]


def test_to_joins_a_name_but_not_a_destination() -> None:
    assert _orgs("The rally was organized by Parents for the Right to Learn on Monday.") == [
        "Parents for the Right to Learn"
    ]
    assert _orgs("The march was led by the Coalition for Fair Rents to City Hall on Monday.") == [
        "Coalition for Fair Rents"
    ]


def test_spanish_list_with_article_splits_names() -> None:
    names = _orgs("La vigilia fue organizada por Casa Esperanza y la Red de Apoyo Migrante de Arizona.")
    assert "Casa Esperanza" in names
    assert "Red de Apoyo Migrante de Arizona" in names


def test_venue_named_like_a_group_is_no_organizer() -> None:
    names = _orgs("Members of Prairie Tenants United held a rally at the Riverside Community Center on Monday.")
    assert "Prairie Tenants United" in names
    assert not any("Community Center" in n for n in names)


def test_possessive_after_an_organization_word_ends_the_name() -> None:
    names = _orgs("Members of the Bayou Climate Movement's Lafayette hub organized the sit-in on Friday.")
    assert "Bayou Climate Movement" in names
    assert not any("Lafayette" in n for n in names)


def test_acting_with_after_a_day_names_an_organizer() -> None:
    text = (
        "TULSA, Okla. — About 150 people marched on Friday with Neighbors for Safe Crossings to demand "
        "a traffic light near an elementary school."
    )
    ev = _events(text)[0]
    assert "Neighbors for Safe Crossings" in ev.organizations
    assert "neighbors" not in ev.participants


def test_a_county_is_no_organizer() -> None:
    names = _orgs("Speakers from Lassen County and organizers with the Valley Air Alliance addressed the rally.")
    assert "Valley Air Alliance" in names
    assert not any("County" in n for n in names)


def test_subject_group_with_an_appositive_is_an_organizer() -> None:
    names = _orgs("Quiet Harbor Neighbors, a volunteer group of retirees, held a vigil outside the shipyard on Monday.")
    assert names == ["Quiet Harbor Neighbors"]
    assert _orgs("Councilmember Dana Ruiz, a critic of the plan, held a rally on Monday.") == []


def test_group_called_and_part_of_cues_name_organizers() -> None:
    names = _orgs("A coalition called Spring Tide Solidarity, which includes the Metro Teachers Union, said more than 40 rallies took place.")
    assert "Spring Tide Solidarity" in names
    names = _orgs("The walkout was organized by the Keystone Riders Union, which has been part of the national Fair Fares campaign.")
    assert "Keystone Riders Union" in names
    assert "Fair Fares" in names


def test_participant_word_inside_a_cued_name_is_not_a_participant() -> None:
    text = (
        "RENO, Nev. — Members of Nurses for Quiet Skies held a rally at Idlewild Park on Saturday, "
        "demanding limits on night flights. Retirees joined them."
    )
    ev = _events(text)[0]
    assert "Nurses for Quiet Skies" in ev.organizations
    assert "nurses" not in ev.participants
