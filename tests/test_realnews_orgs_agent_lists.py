"""Issue 9: a comma list of three or more groups -- as the subject of "organized" (the clause's
commas no longer cut off its first names) and as one spaCy entity ("groups such as A, B and
C": each item its own name) -- and what such a list never takes in: a place or a time opening
the sentence, a one-word part of a name written with a comma.

All sentences are written for these tests (no real page text)."""

from __future__ import annotations

from protestdb.extract.nlp import load_nlp
from protestdb.extract.orgs import find_orgs


def _orgs(text: str) -> list[str]:
    return [o.name for o in find_orgs(text, [(0, len(text))], load_nlp()(text))]


def test_every_name_of_a_list_of_agents_is_an_organizer() -> None:
    names = _orgs("Harbor Rising, Voices for Change and Riverside Forward organized the rally on Saturday.")
    assert names == ["Harbor Rising", "Voices for Change", "Riverside Forward"]


def test_a_place_or_a_time_opening_the_clause_is_no_list_item() -> None:
    assert _orgs("Riverton, Harbor Rising, Voices for Change and Neighbors United organized a march.") == [
        "Harbor Rising", "Voices for Change", "Neighbors United"]
    assert _orgs("On Saturday, Harbor Rising and Riverside Forward organized the rally.") == [
        "Harbor Rising", "Riverside Forward"]


def test_a_person_heading_the_list_is_still_a_person() -> None:
    names = _orgs("Maria Lopez, Voices for Change and Riverside Forward organized the rally.")
    assert names == ["Voices for Change", "Riverside Forward"]


def test_one_entity_listing_groups_gives_each_group() -> None:
    names = _orgs("The protest was backed by groups such as Harbor Rising, Voices for Change and Riverside Forward.")
    assert names == ["Harbor Rising", "Voices for Change", "Riverside Forward"]
