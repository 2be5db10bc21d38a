"""Issue 9: organization and target mechanisms that hold on unseen pages -- names that are
never an organization wherever found.

All sentences are written for these tests (no real page text)."""

from __future__ import annotations

from protestdb.extract.nlp import load_nlp
from protestdb.extract.orgs import find_orgs, junk_name


def _orgs(text: str) -> list[str]:
    return [o.name for o in find_orgs(text, [(0, len(text))], load_nlp()(text))]


def test_junk_names_are_never_organizations() -> None:
    for name in ("Home | Local | Sport | Weather", "a National Day of Rage", "The", "12; 000",
                 "Elmwood Park", "PDF", "RN", "GBV", "Guardia Civil", "Gendarmerie", "Carabinieri"):
        assert junk_name(name), name
    for name in ("The Dream Keepers", "Valley Tenants Union", "UCU", "Park Workers Union", "50501",
                 "A Better Elmwood Coalition", "Garda Representative Association"):
        assert not junk_name(name), name


def test_a_document_acronym_and_a_job_title_are_no_organizers() -> None:
    text = ("Members of the Lakeshore Nurses Guild, including every RN on the night shift, picketed "
            "outside Mercy Hospital on Monday, the union said in a statement (PDF).")
    names = _orgs(text)
    assert "Lakeshore Nurses Guild" in names, names
    assert not {"RN", "PDF"} & set(names), names


def test_a_park_told_in_a_list_is_no_organizer() -> None:
    text = ("Hundreds of members of the Ferrin Workers Federation and the Ferrin Teachers Union "
            "marched from Elmwood Park to the city hall on Tuesday.")
    names = _orgs(text)
    assert "Ferrin Workers Federation" in names, names
    assert "Elmwood Park" not in names, names


def _targets(text: str) -> list[str]:
    from protestdb.extract.claims import find_targets

    return [n for n, _ in find_targets(text, [(0, len(text))], [], set(), [])]


def test_a_target_name_ends_with_its_sentence() -> None:
    names = _targets("Detainees began a hunger strike against Harrow Holdings Group. This week they said more would join.")
    assert "Harrow Holdings Group" in names, names
    assert not any("This" in n for n in names), names


def test_an_action_day_is_no_target() -> None:
    names = _targets("Thousands marched against National Pride Action Day and against Acme Foods.")
    assert "National Pride Action Day" not in names, names


def test_any_rules_target_is_cut_at_its_sentence_and_an_action_day_dropped() -> None:
    from protestdb.extract.claims import target_name_cut

    assert target_name_cut("Harrow Holdings Group. This") == "Harrow Holdings Group"
    assert target_name_cut("U.S. Senate") == "U.S. Senate"
    assert target_name_cut("Acme Inc. Board") == "Acme Inc. Board"
    assert target_name_cut("National Pride Action Day") is None
