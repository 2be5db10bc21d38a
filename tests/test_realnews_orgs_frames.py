"""Issue 9: how news names organizers -- lists with possessive names and trailing type nouns,
an acronym over a comma list, and organizers told once for all the events of one action.

All sentences are written for these tests (no real page text)."""

from __future__ import annotations

from datetime import date

from protestdb.extract import extract_text
from protestdb.extract.nlp import load_nlp
from protestdb.extract.orgs import find_orgs

PUB = date(2025, 4, 7)


def _orgs(text: str) -> list[str]:
    return [o.name for o in find_orgs(text, [(0, len(text))], load_nlp()(text))]


def test_a_possessive_name_inside_a_list_keeps_the_list_going() -> None:
    names = _orgs("Rallies are set for ten cities. The sponsors include: Fair Rent Now, Nurses’ Alliance, "
                  "the Harbor Workers Association and Public Voice.")
    assert {"Fair Rent Now", "Nurses’ Alliance", "Harbor Workers Association", "Public Voice"} <= set(names)


def test_a_possessive_with_a_lowercase_word_still_ends_the_list() -> None:
    names = _orgs("The march was organized by Safe Streets Now, Oregon's largest cycling group, on Sunday.")
    assert "Safe Streets Now" in names
    assert not any("Oregon" in n for n in names)


def test_a_lowercase_type_noun_after_a_list_item_keeps_the_list_going() -> None:
    names = _orgs("The vigils were organized by the Quiet Water coalition, the AFL-CIO, Clean Air Now, and others.")
    assert {"Quiet Water", "AFL-CIO", "Clean Air Now"} <= set(names)


def test_an_acronym_covers_a_comma_list_before_a_type_noun() -> None:
    text = "Members of the Bus, Tram and Ferry union (BTF) walked out in Leeds on Monday."
    (org,) = find_orgs(text, [(0, len(text))], load_nlp()(text))
    assert (org.name, org.acronym) == ("Bus, Tram and Ferry", "BTF")


def test_organizers_told_in_one_city_go_to_every_city_of_the_sentence() -> None:
    text = ("Thousands marched on Saturday across the country against the new tariffs. "
            "The Fair Trade Workers Union organized rallies in Tulsa, Omaha and Wichita, the union said.")
    res = extract_text(text, PUB)
    located = [ev for ev in res.events if ev.locality]
    assert {ev.locality for ev in located} >= {"Tulsa", "Omaha", "Wichita"}
    for ev in located:
        assert ev.organizations == ["Fair Trade Workers Union"], ev.locality
        assert ev.evidence["organizations"][0].quote == "Fair Trade Workers Union"


def test_a_counter_protest_never_gets_the_main_organizers() -> None:
    text = ("About 300 members of the Prairie Tenants Union rallied in Topeka on Saturday for rent control. "
            "Nearby, about 40 counter-protesters held a counter-protest in Topeka on Saturday.")
    res = extract_text(text, PUB)
    counters = [ev for ev in res.events if "counter-protest" in (ev.event_type or [])]
    mains = [ev for ev in res.events if "counter-protest" not in (ev.event_type or [])]
    assert mains and all("Prairie Tenants Union" in ev.organizations for ev in mains)
    assert all(not ev.organizations for ev in counters)
