"""Session 21: organization and target names tidied the same way whichever rule found them.

All sentences are written for these tests (no real page text)."""

from __future__ import annotations

from protestdb.extract.nlp import load_nlp
from protestdb.extract.orgs import _is_orgish, find_orgs


def _orgs(text: str) -> list[str]:
    return [o.name for o in find_orgs(text, [(0, len(text))], load_nlp()(text))]


def test_a_target_loses_a_possessive_of_any_apostrophe_a_weekday_and_a_based_opening() -> None:
    from protestdb.extract.claims import target_name_cut

    assert target_name_cut("Governor Halvorsen‘s") == "Governor Halvorsen"
    assert target_name_cut("Governor Halvorsen`s") == "Governor Halvorsen"
    assert target_name_cut("Governor Halvorsen’s") == "Governor Halvorsen"
    assert target_name_cut("Brackwater Public Library Sunday") == "Brackwater Public Library"
    assert target_name_cut("Oregon-based Quillfeather Foods") == "Quillfeather Foods"
    assert target_name_cut("New Brunswick-based Tarnmoor Mills") == "Tarnmoor Mills"
    assert target_name_cut("University of Westmarch,") == "University of Westmarch"
    # a name that is only the word stays; words that merely hold a day stay
    assert target_name_cut("Sunday") == "Sunday"
    assert target_name_cut("Sunday Ledger Group") == "Sunday Ledger Group"
    assert target_name_cut("web-based Tarnmoor") == "web-based Tarnmoor"


def test_a_target_told_again_with_other_accents_or_by_surname_is_one_target() -> None:
    from protestdb.extract.fillers import _repeat_of

    assert _repeat_of("Tomas Varga", ["Tomás Varga"])
    assert _repeat_of("TOMAS VARGA", ["Tomás Varga"])
    assert _repeat_of("Varga", ["Tomás Varga"])
    assert not _repeat_of("Varga Holdings", ["Tomás Varga"])
    assert not _repeat_of("Quillfeather Foods", ["Tomás Varga"])
    assert not _repeat_of("Tomás Varga", [])


def test_a_ministry_or_a_house_of_assembly_is_no_organizer() -> None:
    for name in ("Ministry of Fisheries", "Fisheries Ministry", "House of Assembly", "Legislative Assembly"):
        assert not _is_orgish(name, False), name
    assert _is_orgish("Coastal Fishers Union", False)
    text = ("Members of the Coastal Fishers Union blocked the road outside the Ministry of Fisheries "
            "in Port Elvan on Tuesday.")
    names = _orgs(text)
    assert "Coastal Fishers Union" in names, names
    assert "Ministry of Fisheries" not in names, names


def test_the_other_side_of_talks_is_no_organizer_but_a_union_there_stays() -> None:
    text = ("Members of the Larkfield Nurses Union picketed on Thursday. The union has been bargaining with "
            "the Larkfield Clinics Association for a new contract since spring.")
    names = _orgs(text)
    assert "Larkfield Nurses Union" in names, names
    assert "Larkfield Clinics Association" not in names, names
    text = ("Managers at Orrin Freight walked out on Friday after months of talks with the Orrin Drivers Union "
            "over pay, the Orrin Staff Alliance said.")
    names = _orgs(text)
    assert "Orrin Drivers Union" in names, names


def test_end_to_end_a_ministry_outside_which_people_protest_is_the_target() -> None:
    from datetime import date

    from protestdb.extract import extract_text

    text = ("Fishers rally outside ministry in Port Elvan\n\n"
            "PORT ELVAN -- About 300 members of the Coastal Fishers Union rallied on Tuesday outside the "
            "Ministry of Fisheries in Port Elvan, demanding an end to the new catch limits.\n\n"
            "The union said it would return next week if the limits stay.")
    res = extract_text(text, date(2025, 3, 6))
    assert res.events, res
    ev = res.events[0]
    assert "Ministry of Fisheries" not in ev.organizations, ev.organizations
    assert "Coastal Fishers Union" in ev.organizations, ev.organizations


def test_a_brand_told_alone_as_the_place_is_the_target_but_an_adjective_is_not() -> None:
    from protestdb.extract.claims import find_targets

    def targets(text: str) -> list[str]:
        return [n for n, _ in find_targets(text, [(0, len(text))], [], set(), [])]

    assert "Crumbly Burger" in targets("About 40 cooks walked out and picketed outside a Crumbly Burger on Elm "
                                       "Street on Thursday, demanding $18 an hour.")
    assert "Fennick Coffee" in targets("Baristas rallied in front of a Fennick Coffee, chanting for a union.")
    assert targets("Mourners gathered outside a Catholic church on Sunday to pray.") == []
    assert targets("Neighbours met outside a Thai restaurant in the old town.") == []
