"""Issue 9: organizers as fresh pages (the never-analysed half of dev4) name them -- an
acronym of a hyphenated party name told apart from it, a spokesperson "of the" group, a
type noun opening a sentence, a lowercase particle inside a name.

All sentences are written for these tests (no real page text)."""

from __future__ import annotations

from protestdb.extract.nlp import load_nlp
from protestdb.extract.orgs import find_orgs


def _orgs(text: str) -> list[str]:
    return [o.name for o in find_orgs(text, [(0, len(text))], load_nlp()(text))]


def test_the_acronym_of_a_hyphenated_party_name_is_its_alias() -> None:
    text = ("Dozens of leaders and workers of Sindh Tahreek-e-Adl staged protests on Sunday. Police "
            "detained STA workers outside the press club.")
    orgs = find_orgs(text, [(0, len(text))], load_nlp()(text))
    assert [o.name for o in orgs] == ["Sindh Tahreek-e-Adl"]
    assert orgs[0].acronym == "STA"


def test_a_person_of_the_group_gives_the_group_alone() -> None:
    text = "“We will support the workers,” said Julian Marsh of the Harbor Public Service Employees Union (HPSEU)."
    orgs = find_orgs(text, [(0, len(text))], load_nlp()(text))
    assert [(o.name, o.acronym) for o in orgs] == [("Harbor Public Service Employees Union", "HPSEU")]


def test_a_type_noun_opening_a_sentence_is_no_group() -> None:
    names = _orgs("Solidarity was also shown by nurses. The Lakeside Nurses Association joined the march.")
    assert names == ["Lakeside Nurses Association"]


def test_a_lowercase_maori_article_stays_inside_the_name() -> None:
    names = _orgs("Organized by the Tiakina te Awa group and backed by Te Rōpū Ōhanga, a march drew hundreds.")
    assert names == ["Tiakina te Awa", "Te Rōpū Ōhanga"]


def test_the_party_in_power_is_no_organizer() -> None:
    names = _orgs("Residents said they were ignored by the governing Freedom Alliance (FA). "
                  "The march was organized by the Civic Front.")
    assert names == ["Civic Front"]


def test_a_group_told_in_one_event_and_in_a_paragraph_for_all_speaks_for_all() -> None:
    from datetime import date

    from protestdb.extract import extract_text

    text = ("Tenants rally in three cities\n\n"
            "Renters marched on Saturday in several cities, the Harbor Tenants Union said. The HTU has called "
            "the protests to demand a rent freeze.\n\n"
            "In Dunmore, Pennsylvania, members of the Harbor Tenants Union marched through downtown.\n\n"
            "In Pittsfield, Massachusetts, about 200 people rallied outside City Hall.\n")
    res = extract_text(text, date(2024, 5, 6))
    by_city = {e.locality: e.organizations for e in res.events}
    assert by_city == {"Dunmore": ["Harbor Tenants Union"], "Pittsfield": ["Harbor Tenants Union"]}


def test_the_actions_own_name_is_no_organizer() -> None:
    text = ("The walkouts coincided with the chain's holiday launch, with workers calling their action "
            "“the Blue Mug Rebellion,” a local paper reported. Members of the Harbor Baristas Union joined.")
    assert _orgs(text) == ["Harbor Baristas Union"]
    # the same name told as a group that takes part stays
    text = ("Workers at the Dunmore store joined the Blue Mug Rebellion on Friday, members of the Harbor "
            "Baristas Union said.")
    assert _orgs(text) == ["Blue Mug Rebellion", "Harbor Baristas Union"]


def test_a_group_told_only_in_a_past_year_is_no_organizer_of_todays_strike() -> None:
    from datetime import date

    from protestdb.extract import extract_text

    text = ("Warehouse workers strike in three cities\n\n"
            "Members of the Harbor Drivers Union walked off the job on Thursday at warehouses in Dunmore, "
            "Pennsylvania, and Pittsfield, Massachusetts.\n\n"
            "In 2021, workers at the biggest warehouse voted to be represented by the Riverside Warehouse Union.\n")
    res = extract_text(text, date(2024, 12, 20))
    assert res.events
    for ev in res.events:
        assert "Riverside Warehouse Union" not in ev.organizations
        assert "Harbor Drivers Union" in ev.organizations


def test_the_party_leading_a_government_is_no_organizer_whatever_cue_names_it() -> None:
    names = _orgs("Though the new government is an alliance led by the Harbor People's "
                  "League, the Sindh Workers Union keeps protesting. The march was led by the Civic Front.")
    assert names == ["Sindh Workers Union", "Civic Front"]
    assert _orgs("A march led by the Civic Front drew hundreds to the government offices.") == ["Civic Front"]


def test_two_group_names_joined_by_an_ampersand_are_two_groups() -> None:
    assert _orgs("The march was organized by the Harbor Nurses Union & Harbor Teachers Association.") == [
        "Harbor Nurses Union", "Harbor Teachers Association"]
    assert _orgs("Members of the Friends & Neighbors Alliance marched.") == ["Friends & Neighbors Alliance"]


def test_a_coalition_member_told_in_one_event_is_not_every_events_organizer() -> None:
    from datetime import date

    from protestdb.extract import extract_text

    text = ("Tenants rally in three cities\n\n"
            "Renters marched on Saturday in several cities. A coalition called Rent Freeze Now, which includes "
            "the Harbor Tenants Union, organized the protests.\n\n"
            "In Dunmore, Pennsylvania, the Harbor Tenants Union president addressed 300 marchers downtown.\n\n"
            "In Pittsfield, Massachusetts, about 200 people rallied outside City Hall.\n")
    res = extract_text(text, date(2024, 5, 6))
    by_city = {e.locality: e.organizations for e in res.events}
    assert "Harbor Tenants Union" not in by_city["Pittsfield"]
    assert "Rent Freeze Now" in by_city["Pittsfield"]
