"""Issue 9: organizations as real pages list them -- parties "including" a list, two groups
joined by "and", a group word after its own parenthetical, Spanish names opened by their group
word -- and what is never one: a police force, a police officer's rank and name, a party's
workers told before its name, a bill.

All sentences are written for these tests (no real page text)."""

from __future__ import annotations

from protestdb.extract.nlp import load_nlp
from protestdb.extract.orgs import find_orgs


def _orgs(text: str) -> list[str]:
    return [o.name for o in find_orgs(text, [(0, len(text))], load_nlp()(text))]


def test_parties_including_a_list_are_participants() -> None:
    names = _orgs("The march was organised by the Fair Rent Now campaign. Opposition parties including "
                  "Harbor Fein, People Before Greed and the Green Democrats also took part.")
    assert {"Harbor Fein", "People Before Greed", "Green Democrats"} <= set(names)


def test_two_groups_joined_by_and_are_two() -> None:
    names = _orgs("Representatives of the Harbor Bar Council, the Coastal Lawyers Guild, "
                  "Harbor Advocates Association and Civil Liberties Commission of Harbor joined the sit-in.")
    assert {"Harbor Advocates Association", "Civil Liberties Commission of Harbor"} <= set(names)
    assert not any(" and " in n for n in names)


def test_a_name_with_and_inside_stays_whole() -> None:
    names = _orgs("The rally was organized by the United Food and Commercial Workers and the Harbor "
                  "Federation of Labor and Congress of Industrial Organizations.")
    assert "United Food and Commercial Workers" in names
    assert "Commercial Workers" not in names


def test_group_word_after_the_parenthetical_belongs_to_the_name() -> None:
    names = _orgs("Led by the Harbor Against Greed (HAG) Coalition, 40404, and Refuse Tyranny, "
                  "speakers addressed the crowd.")
    assert names[0] == "Harbor Against Greed (HAG) Coalition"
    assert {"40404", "Refuse Tyranny"} <= set(names)


def test_an_expansion_between_name_and_group_word() -> None:
    names = _orgs('"We will not be silent," said one organizer with the Answer '
                  "(Act Now to End War and Hunger) Coalition.")
    assert names == ["Answer (Act Now to End War and Hunger) Coalition"]


def test_spanish_names_open_with_their_group_word() -> None:
    names = _orgs("El Sindicato Unido de Trabajadores del Campo (STC) y sus simpatizantes marcharon el "
                  "sábado. La Federación Laboral de Harbor también participó, junto con compañeros del "
                  "Proyecto de Justicia Laboral.")
    assert {"Sindicato Unido de Trabajadores del Campo", "Federación Laboral de Harbor",
            "Proyecto de Justicia Laboral"} <= set(names)


def test_a_spanish_bill_is_no_project() -> None:
    names = _orgs("Los trabajadores pidieron al gobernador que firme el Proyecto de Ley 1234 de la Asamblea.")
    assert names == []


def test_police_forces_and_officers_are_no_organizers() -> None:
    names = _orgs("The march was organized by the Harbor Tenants Union. CPD officers followed the marchers. "
                  "A spokesperson for the Harbor Police Service, ACP Ama Boateng Mensah, "
                  "said twelve people were arrested.")
    assert names == ["Harbor Tenants Union"]


def test_a_partys_workers_are_its_members_not_its_name() -> None:
    names = _orgs("Workers of the Harbor Justice Party held a demonstration at the main square on Monday.")
    assert names == ["Harbor Justice Party"]


def test_a_name_with_commas_before_its_acronym_between_commas_is_one() -> None:
    names = _orgs("Led by the President of Harbor Association of Staff of Banks, Insurance and Financial "
                  "Houses, HASBIFH, the workers shut the branches on Thursday.")
    assert names == ["Harbor Association of Staff of Banks, Insurance and Financial Houses"]


def test_a_person_named_after_a_titled_group_is_cut_off() -> None:
    names = _orgs("The sit-in was addressed by Chairman Joint Action Committee of the HIUJ Afzal Butt, "
                  "President Harbor Press Club Shakeel Anwar and other journalists.")
    assert "Harbor Press Club" in names
    assert not any("Anwar" in n or "Butt" in n for n in names)


def test_a_county_board_is_a_government_body() -> None:
    names = _orgs("The rally was organized by the Harbor Youth Alliance. Speakers urged the Lake County Board "
                  "to reject the plan.")
    assert names == ["Harbor Youth Alliance"]


def test_the_actions_own_name_is_no_organizer_anywhere_on_the_page() -> None:
    names = _orgs("Reports from Harbor Coffee’s Cold Cup Revolt. Workers at forty stores struck on Thursday, "
                  "organized by Harbor Baristas United. The walkout, which organizers dubbed the "
                  "“Cold Cup Revolt,” fell on the chain's busiest day.")
    assert names == ["Harbor Baristas United"]


def test_a_warehouse_code_is_a_site() -> None:
    names = _orgs("The Harbor Drivers Union said workers struck at HBR4 and two other warehouses on Thursday.")
    assert names == ["Harbor Drivers Union"]


def test_the_acronym_of_a_police_force_is_no_group() -> None:
    names = _orgs("Drivers began a strike on Monday, organized by Harbor Transport Workers United. The Harbor "
                  "National Police (HNP) said HNP-North units were deployed and HNP kept order.")
    assert names == ["Harbor Transport Workers United"]


def test_a_movimiento_tagged_as_a_person_is_a_group() -> None:
    names = _orgs("Hundreds marched to the Capitol on Thursday. The action was organized by Movimiento "
                  "Cosecha, a group that campaigns for migrant families.")
    assert names == ["Movimiento Cosecha"]


def test_the_national_campaign_a_local_action_is_part_of() -> None:
    names = _orgs("About 2,000 people are expected at City Hall on Saturday for the Harborville installment of "
                  "the national Marching for Our Future rally. Hundreds gathered in Lakeside as part of the "
                  "nationwide Toitu Te Harbor protests. Others joined as part of the national day of action.")
    assert names == ["Marching for Our Future", "Toitu Te Harbor"]


def test_a_name_with_and_without_its_apostrophe_is_one_group() -> None:
    names = _orgs("The Lakeside Teachers' Association organized the strike. The Lakeside Teachers Association "
                  "said 400 members walked out.")
    assert len(names) == 1


def test_a_persons_name_of_the_group_keeps_only_the_group() -> None:
    names = _orgs("Speakers included Senator Akram Dashti and Tahir Bizanjo of the Harbor National Party. "
                  "Members of the Friends of the Earth marched. The Central Committee of the Harbor Party "
                  "backed the march.")
    assert "Harbor National Party" in names
    assert {"Friends of the Earth", "Central Committee of the Harbor Party"} <= set(names)
    assert not any("Bizanjo" in n or "Dashti" in n for n in names)


def test_a_spanish_government_body_is_no_organizer() -> None:
    assert _orgs("Hundreds of farmers protested outside the Consejo Nacional Electoral in Riverton.") == []
    assert "Consejo de Estado" not in _orgs("Los agricultores marcharon hasta la sede del Consejo de Estado "
                                            "en Riverton para exigir precios justos.")
    assert "Organización Mundial del Comercio" not in _orgs(
        "Workers rallied against the Organización Mundial del Comercio in downtown Riverton.")
    assert _orgs("La marcha fue organizada por el Consejo Regional Indígena del Valle y el Ministerio "
                 "de Trabajo no respondió.") == ["Consejo Regional Indígena del Valle"]


def test_a_collective_noun_before_of_the_is_no_person() -> None:
    names = _orgs("The march was organized by the Concerned Citizens of the Harbor Valley Coalition.")
    assert names == ["Concerned Citizens of the Harbor Valley Coalition"]


def test_a_letters_and_digit_union_is_an_organizer() -> None:
    assert _orgs("The walkout was organized by TWU4, a union of warehouse workers.") == ["TWU4"]
    assert _orgs("TWU4, a union of delivery drivers, said 300 members walked out.") == ["TWU4"]
    assert "QRT7" not in _orgs("Pickers at the QRT7 warehouse walked out on Monday.")


def test_a_group_named_like_the_action_is_kept_with_an_appositive() -> None:
    names = _orgs("Workers called it Harbor Rising. Harbor Rising, a coalition of tenants, said 300 marched.")
    assert "Harbor Rising" in names


def test_vice_and_a_day_name_are_no_organizations() -> None:
    names = _orgs("Speakers included President of Harbor Nurses Union Dana Cruz and Vice President Alex Moreno.")
    assert "Vice" not in names
    assert "Harbor Nurses Union" in names
    assert "May Day" not in _orgs("The walkout was part of the nationwide May Day strikes, organizers said.")
