"""Faults that predate session 20: the first word of a group's chapter name is no place
("Sunrise <Town>": the climate group's first word is also a Florida town)."""

from __future__ import annotations

from datetime import date

from conftest import report_events

PUB = date(2024, 5, 10)


def test_chapter_name_first_word_is_no_place() -> None:
    text = ("Sunrise Toledo and a coalition of church groups marched along the riverfront on Saturday in "
            "Toledo, Ohio, to demand that the county cancel a new gas plant permit. About 120 people came.")
    evs = report_events(text, PUB)
    assert [(e.locality, e.state) for e in evs] == [("Toledo", "OH")]


def test_chapter_head_keeps_towns_before_states_and_longer_names() -> None:
    from protestdb.extract.places import chapter_head

    for phrase, yes in (("Sunrise Toledo", True), ("Columbus Ohio", False), ("Paris France", False),
                        ("Phoenix Union High School", False), ("Denver Post", False)):
        assert chapter_head(phrase, phrase.index(" ")) is yes, phrase


# A private person's name is never an organization (even where the parser reads it as an ORG).

def _org_names(text: str) -> list[str]:
    from protestdb.extract.orgs import find_orgs

    return [o.name for o in find_orgs(text, [(0, len(text))])]


def test_person_named_after_led_by_is_no_organization() -> None:
    text = "Police stopped a protest rally led by Nadira Qureshi from entering the city on Sunday."
    assert _org_names(text) == []


def test_courtesy_title_is_no_organization() -> None:
    text = "About 80 people joined a rally in Fresno on Saturday organized by Ms. Vance to demand rent control."
    assert _org_names(text) == []


def test_person_shape_keeps_groups() -> None:
    from protestdb.extract.orgs import person_shaped

    assert person_shaped("Nadira Qureshi")
    for group in ("Third Act", "Harbor Rising", "Arise Chicago", "Refuse Fascism", "Sunrise Movement"):
        assert not person_shaped(group), group


# Organizations of another place or the other side are not the event's organizers.

def test_group_told_as_threat_is_no_organizer() -> None:
    text = ("More than 200 people rallied for transgender rights at the Capitol in Boise, Idaho, on Saturday. "
            "Organizers said they had hired extra marshals after members of the Patriot Front threatened "
            "to disrupt the event.\n\nThe rally was organized by Idaho Trans Alliance.")
    evs = report_events(text, PUB)
    assert [e.organizations for e in evs] == [["Idaho Trans Alliance"]]


def test_victims_and_organizers_told_by_their_own_verbs_stay() -> None:
    text = "Members of the Harbor Workers Union were attacked by police at the march on Saturday."
    assert _org_names(text) == ["Harbor Workers Union"]
    assert _org_names("A rally the Sunrise Movement organized drew 300 people on Saturday.") == ["Sunrise Movement"]


def test_organizer_abroad_is_not_shared_with_the_home_rally() -> None:
    text = ("Hundreds of farmers rallied at the state Capitol in Sacramento on Tuesday to protest new water "
            "limits.\n\nThe rally came as farmers in the Netherlands, led by the union Boerenfront Zeeland, "
            "blocked highways in The Hague.")
    evs = {e.locality: e for e in report_events(text, PUB)}
    assert evs["Sacramento"].organizations == []


# A news outlet the page tells as reporting is a source, never a target (rules path).

def test_reporting_outlet_is_no_target() -> None:
    from protestdb.extract.targets import _Found, _RoleFound, reporting_outlet

    text = ("Tenants rallied outside the housing authority in Harlow on Monday, the Harlow Daily Journal "
            "reported. Others marched to the Brenton Times building.")
    assert reporting_outlet(text, "Harlow Daily Journal")
    assert not reporting_outlet(text, "Brenton Times")  # a site, told without reporting
    a = text.index("Harlow Daily Journal")
    role = _RoleFound(text, set(), frozenset())
    assert not role.add("Harlow Daily Journal", a, a + 20)
    found = _Found(set(), frozenset(), text)
    found.add("Harlow Daily Journal", (a, a + 20, "Harlow Daily Journal"))
    assert found.out == []


def test_a_protested_paper_that_answers_stays_a_target() -> None:
    from protestdb.extract.targets import reporting_outlet

    text = ("About 60 readers picketed the Brenton Times building on Friday over its coverage of the strike. "
            "The Brenton Times said it stood by its reporting.")
    assert not reporting_outlet(text, "Brenton Times")
