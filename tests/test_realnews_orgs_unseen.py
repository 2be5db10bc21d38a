"""Issue 9: organizers as pages nobody tuned on name them -- an acronym written in capital and
lower-case letters over a name with "and", a protest-side group's spokesperson, Spanish
"organizers such as", an officer's "General President" title, figures and employers' statements.

All sentences are written for these tests (no real page text)."""

from __future__ import annotations

from protestdb.extract.nlp import load_nlp
from protestdb.extract.orgs import find_orgs


def _orgs(text: str) -> list[str]:
    return [o.name for o in find_orgs(text, [(0, len(text))], load_nlp()(text))]


def test_a_mixed_case_acronym_keeps_a_name_joined_by_and_whole() -> None:
    text = "Members of the Harbor Transport and Allied Workers Union (Htawu) marched to the port on Monday."
    (org,) = find_orgs(text, [(0, len(text))], load_nlp()(text))
    assert org.name == "Harbor Transport and Allied Workers Union"
    assert org.acronym == "Htawu"


def test_the_spokesperson_of_a_union_speaks_for_an_organizer() -> None:
    names = _orgs("Hundreds marched downtown. A spokesperson for the Valley Tenants Union said rents had doubled.")
    assert names == ["Valley Tenants Union"]


def test_the_spokesperson_of_a_company_is_still_a_responder() -> None:
    names = _orgs("Workers picketed the depot. A spokesperson for the Northgate Logistics Group said talks go on.")
    assert names == []


def test_spanish_organizers_such_as() -> None:
    names = _orgs("La marcha fue convocada en la ciudad por organizadores como Red Vecinal Unida, "
                  "Sindicato de Inquilinos y Frente Estudiantil.")
    assert {"Red Vecinal Unida", "Sindicato de Inquilinos", "Frente Estudiantil"} <= set(names)


def test_a_general_president_is_a_person_after_the_union() -> None:
    names = _orgs("“We will not back down,” Harbor Dockworkers Union General President Lee Park said at the rally.")
    assert names == ["Harbor Dockworkers Union"]


def test_a_crowd_figure_after_according_to_is_no_organization() -> None:
    names = _orgs("Some 90,000 people marched according to the organizers and 11,000 according to the police.")
    assert names == []


def test_an_employer_that_says_it_recognizes_the_right_to_picket_is_no_organizer() -> None:
    names = _orgs("Nurses of the Lakeside Nurses Association picketed on Tuesday. The Lakeside Hospital Group "
                  "said it “recognizes the right of nurses to picket” during talks.")
    assert names == ["Lakeside Nurses Association"]


def test_spanish_y_before_a_group_word_starts_a_new_name() -> None:
    names = _orgs("Marcharon miembros de la Coalición por la Justicia Social y Económica.")
    assert names == ["Coalición por la Justicia Social y Económica"]


def test_a_name_ending_in_a_group_word_is_found_without_a_parser_tag() -> None:
    names = _orgs("Tenants rallied at city hall on Friday with the Valley Tenants Union and the Soviet Union museum.")
    assert "Valley Tenants Union" in names
    assert "Soviet Union" not in names


def test_spanish_y_after_a_group_word_ends_the_name() -> None:
    names = _orgs("La marcha fue convocada por organizadores como Harbor Nurses Association y Valley Central Labor Council.")
    assert {"Harbor Nurses Association", "Valley Central Labor Council"} <= set(names)


def test_a_name_before_a_lowercase_group_word() -> None:
    names = _orgs("The militant XYZW union put the turnout at two million, and the Harbor Rising coalition agreed.")
    assert {"XYZW", "Harbor Rising"} <= set(names)


def test_a_lowercase_group_word_after_a_place_names_no_group() -> None:
    assert _orgs("The Chicago union rallied downtown.") == []


def test_a_title_case_headline_ending_in_union_is_no_name() -> None:
    text = "Nurses Rally in Capital, Pressuring Mayor to Sign Union Bill\n\nNurses marched on Friday."
    assert not any("Pressuring" in n for n in _orgs(text))


def test_a_paragraph_telling_no_event_gives_its_groups_not_its_sites_or_sources() -> None:
    from datetime import date

    from protestdb.extract import extract_text

    text = ("Nurses Strike at Two Hospitals\n\n"
            "Hundreds of nurses walked off the job in Springfield, Illinois, on Monday, demanding safer staffing.\n\n"
            "The Prairie Nurses Union has bargained for a year. The busiest site, known as QX7, was closed, "
            "according to the Ledger Review.")
    res = extract_text(text, date(2025, 4, 8))
    assert res.events
    orgs = set(res.events[0].organizations or [])
    assert "Prairie Nurses Union" in orgs
    assert not orgs & {"QX7", "Ledger Review"}


def test_according_to_a_group_is_a_cue_but_according_to_the_paper_is_not() -> None:
    names = _orgs("According to Marchers for Clean Water, the rallies were held in 40 towns, the Ledger Review said.")
    assert "Marchers for Clean Water" in names
    assert _orgs("The walkout went on all day, according to the Ledger Review.") == []


def test_a_group_named_before_a_protester_word() -> None:
    names = _orgs("Earlier in the day, Clean Seas Now protestors threw soup at a painting in the Old Gallery.")
    assert names == ["Clean Seas Now"]


def test_a_place_or_a_person_before_a_protester_word_is_no_group() -> None:
    assert _orgs("Hong Kong protesters marched. In Berlin Tuesday protesters marched. Dana Cruz protesters sang.") == []


def test_a_group_before_which_organized_the_march() -> None:
    assert _orgs("Hundreds rallied on Friday, said Clean Seas Now, which organized the march.") == ["Clean Seas Now"]
    assert _orgs("Crowds gathered in Tulsa, which held a march last year.") == []


def test_at_the_invitation_of_and_a_convocatoria_de() -> None:
    assert "Valley Renters Network" in _orgs("Tenants marched on Sunday at the invitation of the Valley Renters Network.")
    assert "Red Vecinal Unida" in _orgs("La marcha se hizo a convocatoria de Red Vecinal Unida en el centro.")


def test_an_officer_title_before_and_a_person_after_the_group_are_cut() -> None:
    names = _orgs("Speakers included President Harbor Federal Union of Journalists Shahid Malik and others.")
    assert names == ["Harbor Federal Union of Journalists"]



def test_a_quoted_name_before_protesters_is_the_actions_not_a_group() -> None:
    for quoted in ("\u2018Save Our Creek\u2019 protesters lined the riverbank in Dunmore, Ohio on Saturday.",
                   "\"Save Our Creek\" protesters lined the riverbank in Dunmore, Ohio on Saturday."):
        assert not any("Save Our Creek" in n for n in _orgs(quoted)), quoted
    assert "Save Our Creek" in _orgs("Save Our Creek protesters lined the riverbank in Dunmore, Ohio on Saturday.")
