"""Issue 9: organizers and targets as news writing tells them in general (session 13).

All sentences are written for these tests (no real page text)."""

from __future__ import annotations

from datetime import date

from protestdb.extract import extract_text


def _events(text: str, published: date = date(2024, 5, 6)) -> list:
    return list(extract_text(text, published).events)


def test_the_president_abroad_is_not_the_us_president() -> None:
    (ev,) = _events("Farmers protest in Lyon\n\nLYON, France -- Hundreds of farmers protested in Lyon on Monday "
                    "against low prices, blocking roads with tractors. The government and the president are under "
                    "pressure, a minister said.\n")
    assert ev.country == "FR"
    assert "Joe Biden" not in ev.targets
    assert "Biden administration" not in ev.targets


def test_the_president_at_home_is_still_the_us_president() -> None:
    (ev,) = _events("DUNMORE, Pa. -- About 80 people rallied in Dunmore on Saturday against the president's "
                    "plan to cut school funding.\n")
    assert ev.targets == ["Joe Biden"]


def test_a_companys_facility_blocked_or_struck_names_the_company() -> None:
    (ev,) = _events("Pipeline protest in Clearwater\n\nCLEARWATER, Minn. -- About 40 protesters on Monday blocked "
                    "the entrance to a Norvane Energy terminal in Clearwater to oppose a new pipeline.\n")
    assert ev.targets == ["Norvane Energy"]
    assert ev.organizations == []  # "About 40" is a crowd figure, no group
    (ev,) = _events("DULUTH, Minn. -- Hundreds of nurses walked off the job Monday and picketed outside a Lakeshore "
                    "Health hospital in Duluth over staffing levels.\n")
    assert ev.targets == ["Lakeshore Health"]


def test_a_named_group_before_activists_is_the_organizer() -> None:
    (ev,) = _events("Port protest in Harborton\n\nHARBORTON, England -- Clean Harbor Now activists blocked the port "
                    "gates in Harborton on Saturday, where about 200 people gathered.\n")
    assert ev.organizations == ["Clean Harbor Now"]


def test_a_legislative_committee_is_no_organizer() -> None:
    (ev,) = _events("Rally in Dover\n\nDOVER, Del. -- About 50 people rallied at the Capitol on Tuesday as the House "
                    "Judiciary Committee heard a gun bill. The rally was organized by the Delaware Coalition for "
                    "Safe Streets.\n")
    assert ev.organizations == ["Delaware Coalition for Safe Streets"]


def test_a_school_committee_is_the_strikers_counterpart_not_their_organizer() -> None:
    (ev,) = _events("Teachers strike in Dunmore\n\nDUNMORE, Mass. -- Members of the Dunmore Teachers Association went "
                    "on strike Monday after talks with the Dunmore School Committee failed.\n")
    assert ev.organizations == ["Dunmore Teachers Association"]
    assert ev.targets == ["Dunmore School Committee"]


def _names(text: str) -> list[str]:
    from protestdb.extract.nlp import load_nlp
    from protestdb.extract.orgs import find_orgs

    return [o.name for o in find_orgs(text, [(0, len(text))], load_nlp()(text))]


def test_and_inside_one_name_keeps_the_name_whole() -> None:
    assert _names("The rally was organized by the Freedom and Justice Coalition, which opposes the mandate.") == [
        "Freedom and Justice Coalition"]
    assert _names("Several dozen members of the Marlow Alliance Against Hunger and Poverty walked to the depot.") == [
        "Marlow Alliance Against Hunger and Poverty"]
    assert _names("Members of the Harbor Union of Students and Teachers marched.") == [
        "Harbor Union of Students and Teachers"]
    assert _names("Volunteers with the Harvest and Hope Network, a church charity, handed out leaflets near the pier.") == [
        "Harvest and Hope Network"]
    assert _names("Organized by Students for a Fair Harbor (SFH), the action drew students.") == [
        "Students for a Fair Harbor"]


def test_and_between_two_groups_keeps_them_two() -> None:
    assert _names("The rally was organized by the Sierra Club and Greenpeace.") == ["Sierra Club", "Greenpeace"]
    assert _names("The rally was organized by Greenpeace and Harbor Tenants Union.") == [
        "Greenpeace", "Harbor Tenants Union"]
    assert _names("The rally was organized by the Committee for Peace and Harbor Rising.") == [
        "Committee for Peace", "Harbor Rising"]
    assert _names("Organizers included the Friends of the River and Clean Water Action.") == [
        "Friends of the River", "Clean Water Action"]


def test_a_group_with_a_preposition_and_a_named_group_after_and_stay_two() -> None:
    assert _names("The rally was organized by the Union of Concerned Scientists and Oxfam.") == [
        "Union of Concerned Scientists", "Oxfam"]
    assert _names("The rally was organized by the Committee for Peace and Amnesty International.") == [
        "Committee for Peace", "Amnesty International"]
    assert _names("The rally was organized by the Alliance for Justice and Sunrise.") == [
        "Alliance for Justice", "Sunrise"]
    assert _names("The rally was organized by the League of Women Voters and Indivisible.") == [
        "League of Women Voters", "Indivisible"]
    names = _names("The march was organized by the Alliance for Peace and Mexico.")
    assert "Alliance for Peace" in names and "Alliance for Peace and Mexico" not in names
    # a common noun after "and" is still the name's own: one group
    assert _names("The march was called by the Coalition for Jobs and Housing.") == ["Coalition for Jobs and Housing"]


def test_a_bare_word_before_and_inside_a_longer_name_is_not_joined_alone() -> None:
    from protestdb.extract.orgs import _name_tail

    text = "Members of Harbor Freedom and Rights Coalition marched."
    assert _name_tail(text, text.index("Freedom"))
    text = "The Dana Cruz-led Freedom and Rights Coalition marched."
    assert not _name_tail(text, text.index("Freedom"))
    text = "The Freedom and Rights Coalition marched."
    assert not _name_tail(text, text.index("Freedom"))


def test_a_cause_or_a_people_before_activists_is_no_group() -> None:
    assert "Human Rights" not in " ".join(_names("Dozens of Human Rights campaigners gathered at the square."))
    assert _names("Native American activists marched to the courthouse.") == []
    assert _names("Dozens of Animal Welfare campaigners gathered at the square.") == []
    assert _names("Marlow Tenants Union activists gathered outside the depot.") == ["Marlow Tenants Union"]


def test_organizers_of_a_named_action_go_to_its_events_of_other_kinds() -> None:
    evs = _events("Hands Up protests across Ohio\n\nKENT, Ohio -- Ohio Rising, a volunteer group, held \"Hands Up\" "
                  "rallies across the state on Saturday. In Kent, about 300 people rallied at the town square. In "
                  "Athens, about 500 people picketed along Court Street on Saturday as part of the \"Hands Up\" "
                  "protests.\n")
    by_place = {ev.locality: ev for ev in evs}
    assert by_place["Kent"].organizations == ["Ohio Rising"]
    assert by_place["Athens"].event_type == ["picket"]
    assert by_place["Athens"].organizations == ["Ohio Rising"]


def test_a_picket_of_another_action_does_not_take_the_rallys_organizers() -> None:
    from protestdb.extract.orgs_share import share_action_organizers
    from protestdb.models import EventMention

    rally = EventMention(event_type=["rally"], title="Hands Up", organizations=["Ohio Rising"])
    picket = EventMention(event_type=["picket"], title="Fair Wages Now")
    named = EventMention(event_type=["picket"], title="hands up")
    assert share_action_organizers([rally, picket, named]) == [(2, ["Ohio Rising"])]
    assert picket.organizations == []


def test_opposition_to_and_pressure_on_name_whom_a_protest_addresses() -> None:
    (ev,) = _events("Thousands march in Wellington\n\nWELLINGTON, New Zealand -- Thousands of people marched in "
                    "Wellington on Tuesday in opposition to the government's bill on land rights.\n")
    assert ev.targets == ["New Zealand government"]
    (ev,) = _events("Thousands march in Wellington\n\nWELLINGTON, New Zealand -- Thousands of people marched in "
                    "Wellington on Tuesday to put pressure on the government over housing.\n")
    assert ev.targets == ["New Zealand government"]
    (ev,) = _events("Rally in Dunmore\n\nDUNMORE, Pa. -- About 60 people rallied Monday to put pressure on Harbor "
                    "Freight Lines over pay.\n")
    assert ev.targets == ["Harbor Freight Lines"]


def test_government_plans_protested_name_the_government() -> None:
    (ev,) = _events("Thousands march in Wellington\n\nWELLINGTON, New Zealand -- Thousands of people marched in "
                    "Wellington on Tuesday to protest government plans to sell state housing.\n")
    assert ev.targets == ["New Zealand government"]


def test_pressure_on_people_names_no_target() -> None:
    (ev,) = _events("Rally in Dunmore\n\nDUNMORE, Pa. -- About 60 people rallied Monday to put pressure on "
                    "workers over pay.\n")
    assert ev.targets == []


def test_a_project_the_action_tries_to_stop_is_its_target() -> None:
    (ev,) = _events("Pipeline protest in Elkton\n\nELKTON, W.Va. -- Three protesters were arrested Monday after "
                    "chaining themselves to equipment near Elkton to halt the construction of the Harbor Line "
                    "Pipeline.\n")
    assert ev.targets == ["Harbor Line Pipeline"]
    (ev,) = _events("Protest in Elkton\n\nELKTON, W.Va. -- About 50 people rallied Monday to stop the construction "
                    "of a new jail.\n")
    assert ev.targets == []


def test_a_plant_named_by_its_model_after_the_owners_possessive_names_the_owner() -> None:
    (ev,) = _events("Autoworkers strike in Wayne\n\nWAYNE, Mich. -- The Harbor Auto Workers union went on strike "
                    "early Friday at Halvorsen Motor Co.'s Falcon plant in Wayne after talks failed.\n")
    assert ev.targets == ["Halvorsen Motor Co"]


def test_the_policy_of_a_named_leader_names_the_leader() -> None:
    (ev,) = _events("Farmers rally in Marlow\n\nMARLOW, Ohio -- About 300 farmers drove tractors through Marlow on "
                    "Thursday to denounce the new tariffs of President Dana Holt on grain.\n")
    assert ev.targets == ["Dana Holt"]
    (ev,) = _events("Teachers rally in Marlow\n\nMARLOW, Ohio -- About 300 teachers rallied at the statehouse on "
                    "Thursday, angry at the funding cuts of Governor Dana Holt.\n")
    assert ev.targets == ["Dana Holt"]


def test_acting_on_a_leaders_orders_does_not_make_the_leader_a_target() -> None:
    (ev,) = _events("Rally in Marlow\n\nMARLOW, Ohio -- About 300 supporters marched to the depot on Thursday on "
                    "the orders of Governor Dana Holt.\n")
    assert "Dana Holt" not in ev.targets


def test_a_past_affiliation_a_document_and_a_country_short_form_are_no_organizers() -> None:
    from protestdb.extract.orgs import _not_organizer, junk_name

    names = _names("Harbor Rising supporters, along with former Harbor Party member Dana Cruz, marched to the "
                   "square.")
    assert "Harbor Party" not in names
    # a present affiliation is one: the same party told with "members" is named
    assert "Harbor Party" in _names("Harbor Rising supporters, along with Harbor Party members, marched to the square.")
    text = "Nurses marched to demand the Collective Bargaining Agreement be honoured."
    a = text.index("Collective")
    assert _not_organizer(text, a, a + len("Collective Bargaining Agreement"), "Collective Bargaining Agreement",
                          set()) == "a bill or law"
    assert junk_name("SA") and junk_name("UK")
    assert not junk_name("SEIU")


def test_a_country_whose_war_is_protested_is_the_target_a_state_is_not() -> None:
    (ev,) = _events("Protest in Dunmore\n\nDUNMORE, Pa. -- About 200 people protested Saturday in Dunmore against "
                    "Israel's war in the north.\n")
    assert ev.targets == ["Israel"]
    (ev,) = _events("Protest in Dunmore\n\nDUNMORE, Pa. -- About 200 people protested Saturday in Dunmore against "
                    "Pennsylvania's new voting law.\n")
    assert "Pennsylvania" not in ev.targets


def test_a_country_owning_no_decision_or_the_events_own_country_is_no_target() -> None:
    (ev,) = _events("Protest in Dunmore\n\nDUNMORE, Pa. -- About 200 people protested Saturday in Dunmore against "
                    "Canada's largest pipeline company.\n")
    assert "Canada" not in ev.targets
    (ev,) = _events("Protest in Dunmore\n\nDUNMORE, Pa. -- About 200 people protested Saturday in Dunmore against "
                    "America's gun laws.\n")
    assert "America" not in ev.targets and "United States" not in ev.targets
    (ev,) = _events("Protest in Dunmore\n\nDUNMORE, Pa. -- About 200 people protested Saturday in Dunmore against "
                    "Britain's plan to deport refugees.\n")
    assert ev.targets == ["United Kingdom"]


def test_the_demands_of_a_group_name_who_demands_not_the_target() -> None:
    (ev,) = _events("Protest in Dunmore\n\nDUNMORE, Pa. -- About 200 people protested Saturday in Dunmore in support "
                    "of the demands of Harbor Freight Lines drivers.\n")
    assert "Harbor Freight Lines" not in ev.targets
    (ev,) = _events("Strike in Dunmore\n\nDUNMORE, Pa. -- About 200 nurses went on strike Saturday in Dunmore, "
                    "stepping up their demands on Harbor Health System.\n")
    assert ev.targets == ["Harbor Health System"]


def test_a_permit_protested_names_the_body_that_granted_it() -> None:
    (ev,) = _events("Protest in Dunmore\n\nDUNMORE, Pa. -- About 200 people rallied Saturday in Dunmore over the "
                    "Harbor Water Authority's permit for a landfill.\n")
    assert ev.targets == ["Harbor Water Authority"]


def test_a_group_after_a_dateline_dash_that_organized_the_rally_is_its_organizer() -> None:
    (ev,) = _events("Protest in Dunmore\n\nDUNMORE, Pa. -- Harbor Rising organized Saturday's rally in Dunmore, "
                    "which drew about 200 people.\n")
    assert ev.organizations == ["Harbor Rising"]


def test_a_crowd_figure_before_a_group_name_is_no_part_of_it() -> None:
    assert _names("About 50 Clean Harbor Now activists blocked the port.") == ["Clean Harbor Now"]
    assert _names("Some 40 Harbor Rising protesters blocked the port.") == ["Harbor Rising"]
