"""Issue 9 (session 18): organizers on real news -- a group's acronym told after the place its
members act in, a title-case headline's words, a quoted name after an organizer cue, the
acronym of the party in power, South Asian group words.

All sentences are written for these tests (no real page text)."""

from __future__ import annotations

from protestdb.extract.nlp import load_nlp
from protestdb.extract.orgs import find_orgs


def _orgs(text: str) -> list[str]:
    return [o.name for o in find_orgs(text, [(0, len(text))], load_nlp()(text))]


def test_a_place_before_a_groups_acronym_is_no_part_of_it() -> None:
    assert _orgs("Dunmore and Riverton RFU members marched through the streets on Monday.") == ["RFU"]
    assert _orgs("Port Harcourt, Dunmore and Riverton RFU members raised their flags on Monday.") == ["RFU"]


def test_a_site_before_a_groups_acronym_is_no_part_of_it() -> None:
    assert _orgs("A solid picket line of Riverton Station RFU members closed the depot.") == ["RFU"]


def test_a_title_case_headline_gives_no_name_running_past_a_group_word() -> None:
    text = ("Ferry Workers Walk Out Over Pension Cuts\n\n"
            "By Dana Cruz\n\nRail workers walked off the job on Monday, the Harbor Rail Union said.")
    assert _orgs(text) == ["Harbor Rail Union"]


def test_a_headline_name_told_again_in_the_text_stays() -> None:
    text = ("Harbor Tenants Union Marches on City Hall\n\n"
            "Hundreds of renters marched on Saturday. The Harbor Tenants Union said rents rose.")
    assert _orgs(text) == ["Harbor Tenants Union"]


def test_a_sentence_full_of_names_is_no_headline() -> None:
    text = "Speakers included President Harbor Federal Union of Journalists Shahid Malik and others."
    assert _orgs(text) == ["Harbor Federal Union of Journalists"]


def test_a_quoted_name_after_an_organizer_cue_is_the_organizer() -> None:
    assert _orgs('A group called "Open Harbor Now" organized the convoy to press the mayor.') == ["Open Harbor Now"]
    assert _orgs("The convoy was organized by “Open Harbor Now” and the Riverton Shop Owners Association.") == [
        "Open Harbor Now", "Riverton Shop Owners Association"]


def test_the_acronym_of_the_party_in_power_is_no_organizer_either() -> None:
    text = ("Protesters also burnt campaign posters of the governing New Harbor Party (NHP), blaming some "
            "officials for the shortages. The march was organized by the Harbor Civic Front.")
    assert _orgs(text) == ["Harbor Civic Front"]


def test_south_asian_group_words_make_a_name_a_group() -> None:
    text = "Growers set off on foot on Tuesday behind the flags of the Riverton Kisan Morcha and the Harbor Kisan Sangh."
    assert _orgs(text) == ["Riverton Kisan Morcha", "Harbor Kisan Sangh"]


def test_a_campaign_day_is_no_group_quoted_or_not() -> None:
    for name in ('"Harbor Shelter Sunday"', "Harbor Shelter Sunday"):
        text = (f"On Sunday, worshippers held vigils in five cities, part of a campaign called {name} organized "
                "by Riverton Faith Coalition members.")
        assert _orgs(text) == ["Riverton Faith Coalition"]
