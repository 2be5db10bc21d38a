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


def test_a_title_closing_the_name_is_cut_and_a_type_word_alone_is_no_group() -> None:
    text = ("The Harbor Dockers Union rallied in Mombasa, according to the Harbor Dockers Union General "
            "Secretary, Ali Omar. \"We stay,\" said Council Chair Ruth Okoth.")
    names = _orgs(text)
    assert names == ["Harbor Dockers Union"]


def test_an_acronym_told_apart_from_its_name_is_its_alias() -> None:
    text = "UFW march reaches the capital. United Farm Workers members marched for a week."
    (org,) = find_orgs(text, [(0, len(text))], load_nlp()(text))
    assert (org.name, org.acronym) == ("United Farm Workers", "UFW")
    assert [q for _, _, q in org.spans] == ["United Farm Workers", "UFW"]


def test_bills_sources_workplaces_outlets_and_time_zones_are_no_organizers() -> None:
    text = ("Members of the Valley Auto Union struck the Zenor truck plants on Friday to urge the governor to "
            "sign Assembly Bill 2210, according to Zenor's website. \"We are here,\" one told Tulsa ABC affiliate "
            "KQZT at 12:00 BST. The union's Central Executive Council met later.")
    names = _orgs(text)
    assert names == ["Valley Auto Union"]


def test_a_people_named_after_a_cue_is_no_organization() -> None:
    names = _orgs("According to the Farmers Union of Ruvia, Ruvians were angry at the new levy.")
    assert "Farmers Union of Ruvia" in names
    assert "Ruvians" not in names


def test_an_entity_across_a_paragraph_break_keeps_its_last_line() -> None:
    text = "From our reporter, Abuja\n\nThe Ruvia Labour Congress (RLC) began its march in Abuja."
    names = _orgs(text)
    assert "Ruvia Labour Congress" in names
    assert not any("\n" in n or "Abuja" in n for n in names)


def test_a_name_described_by_a_group_appositive_is_an_organization() -> None:
    names = _orgs("Harbor Rising Boston, a group that has blocked the port before, staged a sit-in on Monday. "
                  "In Tulsa, a group of parents marched. Meanwhile, a coalition of nurses rallied.")
    assert names == ["Harbor Rising Boston"]


def test_officers_of_a_group_name_it() -> None:
    names = _orgs("The treasurer and president of the North Valley Area Labor Council expect a calm march.")
    assert names == ["North Valley Area Labor Council"]


def test_a_crowd_which_included_groups() -> None:
    names = _orgs("The crowd, which included Clean Water Matters, Mothers Against Fracking and Black Lives Matter, "
                  "blocked traffic on Main Street.")
    assert {"Clean Water Matters", "Mothers Against Fracking", "Black Lives Matter"} <= set(names)


def test_a_group_noun_before_a_colon_list() -> None:
    names = _orgs("Two organizations: the Dawn Movement and the Prairie Renewal Initiative, joined the march.")
    assert {"Dawn Movement", "Prairie Renewal Initiative"} <= set(names)


def test_an_action_by_a_group_but_not_by_a_kind_of_people() -> None:
    assert "Clean Harbor Network" in _orgs("The rally in Salem by the Clean Harbor Network drew 300 people.")
    names = _orgs("A protest by Acme workers and a march by Ruvian students followed on Sunday.")
    assert not {"Acme", "Ruvian"} & set(names)


def test_spanish_group_nouns_before_a_name() -> None:
    text = ("Comentó Ana Gómez de la organización Ocad. Trabajadores del sindicato Teamsters Local 303 votaron "
            "a favor de la huelga.")
    names = [o.name for o in find_orgs(text, [(0, len(text))], None)]
    assert {"Ocad", "Teamsters Local 303"} <= set(names)


def test_a_one_word_group_after_its_group_noun_is_kept() -> None:
    names = _orgs("\"We back the strike,\" said Rita Cruz of the left-wing political alliance Bagong, which backed it.")
    assert "Bagong" in names


def test_a_movement_named_after_its_action_is_an_organization() -> None:
    assert "School Strike 4 Climate" in _orgs("School Strike 4 Climate back in the capital. Thousands of students "
                                              "walked out in Perth on Friday.")
    assert "Lincoln High School" not in _orgs("Students of Lincoln High School walked out in Perth on Friday.")


def test_the_group_a_named_person_speaks_for() -> None:
    names = _orgs("Speaking at the rally, Tina Walsh from Homes Before Rent said the winter would be hard. "
                  "Jane Doe of Tulsa joined them.")
    assert names == ["Homes Before Rent"]


def test_a_union_local_is_not_shared_with_the_other_cities() -> None:
    """Neither the action's sharing step nor the page-organizer step gives a local to the other cities."""
    text = ("Members of the Prairie Auto Workers union walked out at the engine plant in Wichita on Friday, led by "
            "Prairie Auto Workers Local 12. Workers also walked out at plants in Tulsa and Omaha on Friday.")
    res = extract_text(text, PUB)
    by_city = {ev.locality: ev.organizations for ev in res.events if ev.locality}
    assert "Prairie Auto Workers Local 12" in by_city.get("Wichita", [])
    others = [orgs for city, orgs in by_city.items() if city != "Wichita"]
    assert others and all(not any("Local 12" in o for o in orgs) for orgs in others)


def test_the_group_before_an_officer_title_and_name() -> None:
    names = _orgs("TDWU Secretary-General Ruth Okoth joined the demonstration on Monday. "
                  "Zenor CEO Mary Blake said the plant stays open.")
    assert names == ["TDWU"]


def test_a_quoted_name_with_the_comma_inside_the_quote_before_an_appositive() -> None:
    assert "Harbor Watch" in _orgs("The “Harbor Watch,” a coalition of dock workers from three ports, rolled into "
                                   "town on Saturday.")
