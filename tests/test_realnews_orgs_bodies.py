"""Issue 9: names that stand beside the organizers but are none -- a city police department by
its acronym, a press club or a square where the protest is held -- and a group named by its
demand ("Refuse Tyranny") that spaCy takes for a person.

All sentences are written for these tests (no real page text)."""

from __future__ import annotations

from protestdb.extract.nlp import load_nlp
from protestdb.extract.orgs import find_orgs


def _orgs(text: str) -> list[str]:
    return [o.name for o in find_orgs(text, [(0, len(text))], load_nlp()(text))]


def test_a_police_department_acronym_is_no_organizer_whatever_follows() -> None:
    text = ("Harbor Tenants Union members marched downtown on Friday. Organizers said RCPD sent riot police "
            "to meet them, and that RCPD refused to talk with the families.")
    names = _orgs(text)
    assert "Harbor Tenants Union" in names and "RCPD" not in names


def test_an_acronym_that_only_looks_like_a_department_stays() -> None:
    names = _orgs("The march was organized by the Harbor Youth Alliance (HYA) and the Riverside Student Union.")
    assert {"Harbor Youth Alliance", "Riverside Student Union"} <= set(names)


def test_a_press_club_or_a_square_where_the_protest_is_held_is_a_venue() -> None:
    names = _orgs("Members of the Lakeview Traders Association staged a demonstration outside the Lakeview Press "
                  "Club on Sunday, then marched to Clock Tower Chowk.")
    assert names == ["Lakeview Traders Association"]


def test_a_press_club_named_as_the_organizer_stays() -> None:
    names = _orgs("The vigil was organized by the Lakeview Press Club.")
    assert names == ["Lakeview Press Club"]


def test_a_group_named_by_its_demand_is_no_person() -> None:
    text = ("Hundreds gathered in Riverton on Saturday. Led by the Harbor Against Greed Coalition, "
            "50501, and Defend Democracy, speakers addressed the growing crowd.")
    names = _orgs(text)
    assert "Defend Democracy" in names and "Harbor Against Greed Coalition" in names


def test_a_person_listed_as_a_leader_is_still_a_person() -> None:
    names = _orgs("The march was led by Maria Delgado and the Harbor Tenants Union.")
    assert names == ["Harbor Tenants Union"]


def test_a_chowk_listed_with_the_groups_is_still_a_venue() -> None:
    names = _orgs("Activists of the Lakeview Traders Association, Clock Tower Chowk and the Riverside Youth Front "
                  "staged a sit-in on Sunday.")
    assert names == ["Lakeview Traders Association", "Riverside Youth Front"]


def test_a_union_and_its_local_after_a_comma_are_one_organization() -> None:
    names = _orgs("About 200 janitors rallied in Harbor City on Saturday. The rally was organized by the "
                  "Service Employees International Union, Local 1199 and the Harbor Workers Center.")
    assert "Service Employees International Union, Local 1199" in names
    assert "Local 1199" not in names and "Harbor Workers Center" in names


def test_a_comma_list_of_groups_still_splits_beside_a_unit_rule() -> None:
    names = _orgs("About 300 people rallied in Harbor City on Saturday. Black Lives Matter, Students for a "
                  "Democratic Society and Voices for Change organized the march.")
    assert {"Black Lives Matter", "Students for a Democratic Society", "Voices for Change"} <= set(names)


def test_a_person_whose_name_opens_like_a_demand_stays_a_person() -> None:
    base = "About 300 people rallied in Harbor City on Saturday against the new jail. "
    for tail, person in (("The rally was organized by Ban Ki-moon and Voices for Change.", "Ban Ki-moon"),
                         ("The rally was organized by Ban Jae-ho, a retired teacher, and Voices for Change.", "Ban Jae-ho"),
                         ("The rally was organized by Free Dana Cruz and Voices for Change.", "Free Dana Cruz")):
        names = _orgs(base + tail)
        assert person not in names, tail


def test_a_demand_named_group_with_a_determiner_stays() -> None:
    for group in ("Defend Our Parks", "Stop Cop City"):  # spaCy reads both as a PERSON here
        names = _orgs("About 300 people rallied in Harbor City on Saturday. Led by the Harbor Tenants Union, "
                      f"50501, and {group}, speakers addressed the crowd.")
        assert group in names


def test_a_pd_acronym_the_page_names_as_organizer_stays() -> None:
    base = "About 300 people rallied in Harbor City on Saturday against the new jail. "
    assert "CPD" in _orgs(base + "The rally was organized by CPD and Voices for Change.")
    assert "NAPD" in _orgs(base + "The NAPD, a neighborhood group, organized the rally.")
    assert "HCPD" not in _orgs(base + "Organizers said HCPD sent riot police to meet them.")
