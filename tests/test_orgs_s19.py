"""Session 19, organizations: a group the parser tags as a person but an appositive calls a
group, a kind of people told alone at a sentence's start, and the page's organizer for an event
that names none.

All sentences are written for these tests (no real page text)."""

from __future__ import annotations

from datetime import date

from protestdb.extract import extract_text
from protestdb.extract.nlp import load_nlp
from protestdb.extract.orgs import find_orgs


def _orgs(text: str) -> list[str]:
    return [o.name for o in find_orgs(text, [(0, len(text))], load_nlp()(text))]


def test_a_name_an_appositive_calls_a_group_is_no_person() -> None:
    text = "Thousands marched in Kumasi on Monday. The march was called by Arise Volta, a youth pressure group."
    assert _orgs(text) == ["Arise Volta"]


def test_a_person_described_by_a_group_word_stays_a_person() -> None:
    for tail in ("a union organizer.", "a member of the youth group.", "a leader of the tenants' union."):
        text = f"Thousands marched in Kumasi on Monday. The march was called by Kojo Asante, {tail}"
        assert "Kojo Asante" not in _orgs(text), tail


def test_a_kind_of_people_opening_a_sentence_is_no_organization() -> None:
    text = "Students staged a sit-in at the campus in Eldoret on Thursday. Farm Workers held a rally on Friday."
    names = _orgs(text)
    assert "Students" not in names and "Farm Workers" not in names


def test_a_named_union_of_workers_is_kept() -> None:
    text = "Members of the Riverbend Farm Workers Union held a rally in Yakima on Friday."
    assert _orgs(text) == ["Riverbend Farm Workers Union"]


def test_an_event_naming_no_organizer_gets_the_pages_organizer() -> None:
    text = (
        "Nurses rally for safe staffing\n\n"
        "Hundreds of nurses rallied outside Saint Brigid Hospital in Tacoma on Tuesday. The rally was organized "
        "by the Pinecrest Nurses Alliance.\n\n"
        "On Thursday, about 80 nurses held a vigil in Olympia.\n"
    )
    res = extract_text(text, date(2024, 5, 3))
    by_place = {e.locality: e for e in res.events}
    assert by_place["Tacoma"].organizations == ["Pinecrest Nurses Alliance"]
    olympia = by_place["Olympia"]
    assert olympia.organizations == ["Pinecrest Nurses Alliance"]
    assert all(text[sp.start : sp.end] == sp.quote for sp in olympia.evidence["organizations"])


def test_a_counter_protest_never_gets_the_pages_organizer() -> None:
    text = (
        "Hundreds of people marched in Spokane on Saturday in a rally organized by the Inland Clean Air Coalition. "
        "About 20 counter-protesters gathered across the street.\n"
    )
    res = extract_text(text, date(2024, 5, 6))
    for ev in res.events:
        if "counter-protest" in (ev.event_type or []):
            assert "Inland Clean Air Coalition" not in (ev.organizations or [])


def test_the_name_hyphened_to_led_before_the_action_is_its_organizer() -> None:
    assert _orgs("Opposition supporters rallied in Ndola on Saturday. The UPRA-led rally drew about 2,000 people.") == [
        "UPRA"
    ]
    names = _orgs("Hundreds marched in Swansea on Sunday in a Tawe Climate Network-organised march against drilling.")
    assert names == ["Tawe Climate Network"]


def test_a_led_body_that_is_no_action_gives_no_organizer() -> None:
    text = "The Harbor-led council voted to close the library in Leeds. About 50 residents protested on Monday."
    assert "Harbor" not in _orgs(text)


def test_a_page_naming_one_group_gives_it_to_an_event_naming_none() -> None:
    text = (
        "Hundreds of tenants rallied in Fresno on Saturday.\n\n"
        "The Valley Renters Network has pressed the council for months, and the Valley Renters Network "
        "says more protests will follow.\n"
    )
    res = extract_text(text, date(2024, 5, 6))
    assert [e.organizations for e in res.events] == [["Valley Renters Network"]]


def test_the_body_protested_against_is_no_organizer() -> None:
    text = ("Thousands marched in Bristol on Saturday against austerity and the Harbor Party. The march was "
            "organised by the Severn Renters Forum.")
    names = _orgs(text)
    assert "Harbor Party" not in names and "Severn Renters Forum" in names


def test_a_body_whose_named_spokesman_answers_is_no_organizer() -> None:
    text = ("Dock workers walked off the job in Tacoma on Monday, Harbor Shipping Association spokesman Dale "
            "Ortiz said. The strike was called by the Coastal Dockworkers Union.")
    assert _orgs(text) == ["Coastal Dockworkers Union"]
    text = "Dock workers walked off the job in Tacoma on Monday. Coastal Dockworkers Union spokesman Dale Ortiz said."
    assert _orgs(text) == ["Coastal Dockworkers Union"]


def _orgs_by_place(text: str) -> dict[str | None, list[str]]:
    return {e.locality: list(e.organizations or []) for e in extract_text(text, date(2024, 5, 6), geocode=False).events}


def test_a_group_told_holding_its_own_or_a_separate_action_is_not_the_pages_organizer() -> None:
    by = _orgs_by_place("Thousands marched in Boise on Saturday for Gaza. Earlier, the Boise Heritage "
                        "Federation held its own rally for Israel in Nampa on Sunday.\n")
    assert by.get("Boise") == []
    by = _orgs_by_place("Students walked out of classes in Eugene on Monday to protest gun violence.\n\nIn a separate "
                        "action, the Lane Valley Teachers Guild held a rally in Salem on Tuesday over pay.\n")
    assert by.get("Eugene") == []


def test_a_group_told_with_its_own_place_is_not_given_to_another_places_action() -> None:
    by = _orgs_by_place("Thousands marched in Boise on Saturday for Gaza. The Boise Heritage Federation "
                        "held a rally for Israel in Nampa on Saturday.\n")
    assert by.get("Boise") == []


def test_a_people_or_a_single_word_hyphened_to_led_is_no_organizer() -> None:
    for text in ("Hundreds joined an Indigenous-led march in Duluth on Saturday against the pipeline.",
                 "Hundreds joined a Black-led march in Macon on Saturday to demand police accountability.",
                 "Hundreds joined a Latino-led march in Yuma on Saturday.",
                 "Workers rallied in Flint on Friday in the Ridgeco-organized strike."):
        assert _orgs(text) == [], text


def test_a_group_whose_spokesperson_only_describes_the_action_stays_an_organizer() -> None:
    text = "Hundreds marched in Boston on Saturday to demand climate action, Sunrise Boston spokeswoman Dana Lee said."
    assert _orgs(text) == ["Sunrise Boston"]
    text = "Dock workers walked off the job in Tacoma on Monday, Harbor Shipping Company spokesman Dale Ortiz said."
    assert "Harbor Shipping Company" not in _orgs(text)
    text = "About 300 nurses rallied in Tacoma on Monday. Bayview Care spokeswoman Dana Lee declined to comment."
    assert "Bayview Care" not in _orgs(text)
