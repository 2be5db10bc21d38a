"""Organizations: organizer cues, names and their edges, what is never an organizer."""

from __future__ import annotations

from datetime import date

import pytest

from conftest import (
    MAY_14_2025,
    org_names,
    report_events,
)
from protestdb.extract import extract_text
from protestdb.extract.nlp import load_nlp
from protestdb.extract.orgs import find_orgs


@pytest.mark.regression("opponent statement is no organizer")
def test_opponent_statement_is_no_organizer() -> None:
    text = (
        "PORTLAND, Maine — Dozens of dockworkers with the Casco Bay Longshore Union rallied at the "
        "waterfront Thursday, demanding a new contract.\n\n"
        "The Harbor Freight Alliance said in a statement it respects the right to protest but "
        "that the union's demands are unaffordable."
    )
    ev = report_events(text, MAY_14_2025)[0]
    assert any("Longshore Union" in o for o in ev.organizations)
    assert not any("Harbor Freight" in o for o in ev.organizations)


@pytest.mark.regression("spokesperson org is no organizer")
def test_spokesperson_org_is_no_organizer() -> None:
    text = (
        "TOLEDO, Ohio — About 80 tenants marched outside the offices of their landlord on Friday to "
        "protest rent increases, organized by the Maumee River Tenants Union.\n\n"
        "A spokesperson for the Lakeshore Property Association declined to comment."
    )
    ev = report_events(text, MAY_14_2025)[0]
    assert any("Tenants Union" in o for o in ev.organizations)
    assert not any("Lakeshore" in o for o in ev.organizations)


@pytest.mark.regression("group naming itself is an organizer")
def test_group_naming_itself_is_an_organizer() -> None:
    text = (
        "FRESNO, Calif. — About 40 parents calling themselves Neighbors for Clean Water protested outside "
        "the district office on Monday, demanding that the district test school fountains."
    )
    ev = report_events(text, MAY_14_2025)[0]
    assert "Neighbors for Clean Water" in ev.organizations


@pytest.mark.regression("acting with names an organizer")
def test_acting_with_names_an_organizer() -> None:
    text = (
        "SPOKANE, Wash. — Nine climate activists acting with Rising Tide Northwest blocked a rail "
        "crossing on Tuesday morning, protesting coal shipments; police arrested all nine."
    )
    ev = report_events(text, MAY_14_2025)[0]
    assert "Rising Tide Northwest" in ev.organizations


@pytest.mark.regression("named group before people word is an organizer")
def test_named_group_before_people_word_is_an_organizer() -> None:
    text = (
        "MEMPHIS, Tenn. — About 120 people marched downtown on Saturday to protest a planned gas "
        "pipeline. Memphis Water Keepers organizers led chants outside City Hall."
    )
    ev = report_events(text, MAY_14_2025)[0]
    assert any("Water Keepers" in o for o in ev.organizations)


@pytest.mark.regression("name stops before venue and city")
def test_name_stops_before_venue_and_city() -> None:
    text = (
        "About 60 people held a vigil organized by the Desert Quilters for Justice at Willow Creek Park "
        "in Tempe, Arizona, on Sunday evening to protest cuts to refugee aid."
    )
    ev = report_events(text, MAY_14_2025)[0]
    assert ev.organizations == ["Desert Quilters for Justice"]
    assert ev.locality == "Tempe"
    assert not any("Willow" in c or "Justice at" in c for c in ev.claims_summary)


@pytest.mark.regression("name stops before a day")
def test_name_stops_before_a_day() -> None:
    names = org_names("The march was organized by the Harbor Dads for Fairness on Saturday in Duluth.")
    assert names == ["Harbor Dads for Fairness"]


@pytest.mark.regression("preposition inside a name is kept when no place follows")
def test_preposition_inside_a_name_is_kept_when_no_place_follows() -> None:
    names = org_names("The rally was organized by the Committee on Fair Housing Rights and local tenants.")
    assert "Committee on Fair Housing Rights" in names


@pytest.mark.regression("known name with place inside is kept")
def test_known_name_with_place_inside_is_kept() -> None:
    names = org_names("The sit-in was organized by Students for Justice in Palestine on Tuesday.")
    assert names == ["Students for Justice in Palestine"]


@pytest.mark.regression("capitalised subject group holding an action is an organizer")
def test_capitalised_subject_group_holding_an_action_is_an_organizer() -> None:
    text = (
        "EUGENE, Ore. — The Lantern Neighbors Circle held a candlelight vigil outside the federal "
        "courthouse on Tuesday night, calling for the release of detained farmworkers."
    )
    ev = report_events(text, MAY_14_2025)[0]
    assert "Lantern Neighbors Circle" in ev.organizations


@pytest.mark.regression("role words are stripped and deduplicated")
def test_role_words_are_stripped_and_deduplicated() -> None:
    text = (
        "Members of the Renters Voice Collective held a rally at Maple Square in Dayton, Ohio, on "
        "Monday, demanding a cap on rent increases. Supporters of the Renters Voice Collective "
        "carried signs."
    )
    ev = report_events(text, MAY_14_2025)[0]
    assert ev.organizations == ["Renters Voice Collective"]


@pytest.mark.regression("dateline with a hyphen is not part of the subject name")
def test_dateline_with_a_hyphen_is_not_part_of_the_subject_name() -> None:
    text = (
        "Savannah, Georgia - The Coastal Parents Circle held a candlelight vigil at Forsyth Park on "
        "Saturday for victims of gun violence."
    )
    ev = report_events(text, MAY_14_2025)[0]
    assert ev.organizations == ["Coastal Parents Circle"]


@pytest.mark.regression("to joins a name but not a destination")
def test_to_joins_a_name_but_not_a_destination() -> None:
    assert org_names("The rally was organized by Parents for the Right to Learn on Monday.") == [
        "Parents for the Right to Learn"
    ]
    assert org_names("The march was led by the Coalition for Fair Rents to City Hall on Monday.") == [
        "Coalition for Fair Rents"
    ]


@pytest.mark.regression("spanish list with article splits names")
def test_spanish_list_with_article_splits_names() -> None:
    names = org_names("La vigilia fue organizada por Casa Esperanza y la Red de Apoyo Migrante de Arizona.")
    assert "Casa Esperanza" in names
    assert "Red de Apoyo Migrante de Arizona" in names


@pytest.mark.regression("venue named like a group is no organizer")
def test_venue_named_like_a_group_is_no_organizer() -> None:
    names = org_names("Members of Prairie Tenants United held a rally at the Riverside Community Center on Monday.")
    assert "Prairie Tenants United" in names
    assert not any("Community Center" in n for n in names)


@pytest.mark.regression("possessive after an organization word ends the name")
def test_possessive_after_an_organization_word_ends_the_name() -> None:
    names = org_names("Members of the Bayou Climate Movement's Lafayette hub organized the sit-in on Friday.")
    assert "Bayou Climate Movement" in names
    assert not any("Lafayette" in n for n in names)


@pytest.mark.regression("acting with after a day names an organizer")
def test_acting_with_after_a_day_names_an_organizer() -> None:
    text = (
        "TULSA, Okla. — About 150 people marched on Friday with Neighbors for Safe Crossings to demand "
        "a traffic light near an elementary school."
    )
    ev = report_events(text, MAY_14_2025)[0]
    assert "Neighbors for Safe Crossings" in ev.organizations
    assert "neighbors" not in ev.participants


@pytest.mark.regression("a county is no organizer")
def test_a_county_is_no_organizer() -> None:
    names = org_names("Speakers from Lassen County and organizers with the Valley Air Alliance addressed the rally.")
    assert "Valley Air Alliance" in names
    assert not any("County" in n for n in names)


@pytest.mark.regression("subject group with an appositive is an organizer")
def test_subject_group_with_an_appositive_is_an_organizer() -> None:
    names = org_names("Quiet Harbor Neighbors, a volunteer group of retirees, held a vigil outside the shipyard on Monday.")
    assert names == ["Quiet Harbor Neighbors"]
    assert org_names("Councilmember Dana Ruiz, a critic of the plan, held a rally on Monday.") == []


@pytest.mark.regression("group called and part of cues name organizers")
def test_group_called_and_part_of_cues_name_organizers() -> None:
    names = org_names("A coalition called Spring Tide Solidarity, which includes the Metro Teachers Union, said more than 40 rallies took place.")
    assert "Spring Tide Solidarity" in names
    names = org_names("The walkout was organized by the Keystone Riders Union, which has been part of the national Fair Fares campaign.")
    assert "Keystone Riders Union" in names
    assert "Fair Fares" in names


@pytest.mark.regression("org names continue over connectors")
def test_org_names_continue_over_connectors() -> None:
    from protestdb.extract.orgs import find_orgs

    text = (
        "The march was organized by Trabajadores Unidos por la Dignidad, the Coalition for the "
        "Homeless and Neighbors of Eastern Kentucky."
    )
    names = {o.name for o in find_orgs(text, [(0, len(text))], load_nlp()(text))}
    assert "Trabajadores Unidos por la Dignidad" in names
    assert not any(n.endswith((" and", " of", " por")) for n in names)


@pytest.mark.regression("holidays and agencies are no organizers")
def test_holidays_and_agencies_are_no_organizers() -> None:
    text = (
        "TOLEDO, Ohio — About 700 people marched downtown on International Workers' Day, Thursday, "
        "demanding that ICE leave the city. The march was organized by the Northwest Ohio Labor "
        "Federation and ICE Out of Toledo."
    )
    res = extract_text(text, date(2025, 5, 2), geocode=False)
    orgs = {o for e in res.events for o in e.organizations}
    assert "Northwest Ohio Labor Federation" in orgs
    assert "ICE" not in orgs
    assert not any(o.startswith("International Workers") for o in orgs)


@pytest.mark.regression("umbrella organizers go to every event")
def test_umbrella_organizers_go_to_every_event() -> None:
    text = ("Renters protested rising rents in three cities on Saturday. The protests were coordinated by "
            "the Homes for All Network.\n\nIn Tucson, about 80 people rallied at City Hall.\n\n"
            "In Albuquerque, dozens marched downtown.")
    res = extract_text(text, date(2025, 3, 16))
    assert {e.locality for e in res.events} == {"Tucson", "Albuquerque"}
    assert all(e.organizations == ["Homes for All Network"] for e in res.events)


@pytest.mark.regression("organizer patterns")
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The vigil was organized by Neighbors for Clean Water and the Riverside Tenants Union.",
         ["Neighbors for Clean Water", "Riverside Tenants Union"]),
        ("It was called by Families United for Housing and Dignity (FUHD) and two churches.",
         ["Families United for Housing and Dignity"]),
        ("Atlanta Renters Alliance and Sol Collective organized the march, which drew 300 people.",
         ["Atlanta Renters Alliance", "Sol Collective"]),
        ("Workers organizing with the Bakery, Confectionery and Tobacco Workers Union (BCTWU) stood at the gate.",
         ["Bakery, Confectionery and Tobacco Workers Union"]),
        ("Organizers with Rise Up Reno and the Nevada Housing Coalition said 500 people came.",
         ["Rise Up Reno", "Nevada Housing Coalition"]),
    ],
)
def test_organizer_patterns(nlp, text: str, expected: list[str]) -> None:
    names = [o.name for o in find_orgs(text, [(0, len(text))], nlp(text))]
    assert names == expected


@pytest.mark.regression("government bodies and companies are no organizers")
def test_government_bodies_and_companies_are_no_organizers(nlp) -> None:
    text = ("Speakers urged the Arizona General Assembly and the Maricopa County Sheriff's Office to act, "
            "outside the offices of the operator Desert Holdings Group.")
    assert find_orgs(text, [(0, len(text))], nlp(text)) == []


@pytest.mark.regression("an agency word that only modifies a cued group's name")
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The march was organised by School Walkout 4 Earth after the budget.", ["School Walkout 4 Earth"]),
        ("The vigil was hosted by Police Accountability Now on the green.", ["Police Accountability Now"]),
        ("The rally was organized by Lincoln High School and the University of Dunmore.", []),
    ],
)
def test_agency_word_modifying_a_cued_group(nlp, text: str, expected: list[str]) -> None:
    names = [o.name for o in find_orgs(text, [(0, len(text))], nlp(text))]
    assert names == expected


@pytest.mark.regression("a group telling its own action's numbers is its organizer")
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The march went ahead. Stop the Pipes said around 40 people blocked the road for two hours.",
         ["Stop the Pipes"]),
        ("Warm Homes Now, the group behind the campaign, said it had rallied 60 supporters outside the statehouse.",
         ["Warm Homes Now"]),
        ("Organizers said 500 people marched. Police said about 200 protesters gathered. "
         "Mayor Dana Cruz said 300 people gathered. Kestrel Hospital said 12 people were treated.", []),
    ],
)
def test_group_claiming_its_action_is_organizer(nlp, text: str, expected: list[str]) -> None:
    names = [o.name for o in find_orgs(text, [(0, len(text))], nlp(text))]
    assert names == expected


@pytest.mark.regression("two names whose joint acronym follows are one organization")
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Those organizers include the Federation of Labor and Congress of Industrial Workers (FL-CIW), "
         "and Neighbors United.", ["Federation of Labor and Congress of Industrial Workers", "Neighbors United"]),
        ("The rally was organized by the Dunmore Tenants Union and Congress of Renters (DTU).",
         ["Dunmore Tenants Union", "Congress of Renters"]),
        ("The rally was organised by the Kestrel Workers Union and marched to the Civic Centre.",
         ["Kestrel Workers Union"]),
    ],
)
def test_joint_acronym_names_one_organization(nlp, text: str, expected: list[str]) -> None:
    names = [o.name for o in find_orgs(text, [(0, len(text))], nlp(text))]
    assert names == expected


@pytest.mark.regression("a list of organizers after a colon")
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The organizers include: MoveForward, Parents’ March, the Kestrel Workers Union and Indivisible.",
         ["MoveForward", "Parents’ March", "Kestrel Workers Union", "Indivisible"]),
        ("Several groups joined, including: Sunrise Kestrel and Dunmore Renters Alliance.",
         ["Sunrise Kestrel", "Dunmore Renters Alliance"]),
    ],
)
def test_organizer_list_after_colon(nlp, text: str, expected: list[str]) -> None:
    names = [o.name for o in find_orgs(text, [(0, len(text))], nlp(text))]
    assert names == expected


@pytest.mark.regression("federal agencies by their acronyms are no organizers")
def test_federal_agency_acronyms_are_no_organizers(nlp) -> None:
    text = ("Scientists rallied on Friday, organized by Lab Coats United, against cuts at the NIH, "
            "the NSF and the EPA.")
    assert [o.name for o in find_orgs(text, [(0, len(text))], nlp(text))] == ["Lab Coats United"]
