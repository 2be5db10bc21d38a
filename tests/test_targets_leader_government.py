"""Session 22's targets: a head of government and his country's government both among an event's
targets (coders list the leader); a target's possessive set with a stray mark (a left quote, grave
or acute accent for the apostrophe) goes as the apostrophe's does, and a name loses a "<Place>-based"
opening, a closing comma or weekday; Spanish decision nouns with a complement ("las órdenes de
vivienda del presidente X") name the leader; the far-right party named after the word "party".

All sentences are written for these tests (no real page text)."""

from __future__ import annotations

from conftest import APR_14_2025, event_targets
from protestdb.extract.claims import target_name_cut
from protestdb.extract.leaders import clean_name, leader_over_government


def test_a_titled_head_beside_the_government_keeps_the_head() -> None:
    text = ("NAIROBI, Kenya — Thousands of people marched through Nairobi on Saturday demanding the resignation "
            "of President Amara Okonjo. Marchers said the government had failed to control prices and chanted "
            "against the government's new tax.")
    assert event_targets(text, APR_14_2025, geocode=False) == ["Amara Okonjo"]


def test_a_titled_prime_minister_beside_the_federal_government_keeps_the_prime_minister() -> None:
    text = ("OTTAWA — Hundreds of truckers rallied on Parliament Hill on Saturday, calling for the resignation of "
            "Prime Minister Lena Vasquel. They urged the federal government to drop its fuel levy.")
    assert event_targets(text, APR_14_2025, geocode=False) == ["Lena Vasquel"]


def test_leader_over_government_only_for_the_leaders_own_government() -> None:
    text = "Marchers demanded the resignation of President Amara Okonjo and said the government failed them."
    assert leader_over_government(["Amara Okonjo", "Kenyan government"], text, "Kenyan government") == ["Kenyan government"]
    assert leader_over_government(["Amara Okonjo", "government"], text, None) == ["government"]
    # another country's government stays beside a head
    assert leader_over_government(["Amara Okonjo", "Dutch government"], text, "Kenyan government") == []
    # a head told with another country's word before the title is no head of this government
    foreign = "Marchers denounced the Veldan President Amara Okonjo and the government."
    assert leader_over_government(["Amara Okonjo", "Kenyan government"], foreign, "Kenyan government") == []
    own = "Marchers denounced the Kenyan President Amara Okonjo and the government."
    assert leader_over_government(["Amara Okonjo", "Kenyan government"], own, "Kenyan government") == ["Kenyan government"]
    # a former head, an untitled person or a mayor heads no national government
    assert leader_over_government(["Amara Okonjo", "government"], "They cheered former President Amara Okonjo.", None) == []
    assert leader_over_government(["Amara Okonjo", "government"], "They cheered Amara Okonjo.", None) == []
    assert leader_over_government(["Amara Okonjo", "government"], "They booed Mayor Amara Okonjo.", None) == []
    # a state or city government is no national one
    assert leader_over_government(["Amara Okonjo", "state government"], text, None) == []


def test_a_possessive_with_a_stray_mark_goes_like_an_apostrophes() -> None:
    assert clean_name("Governor Maren Tessaly‘s") == "Maren Tessaly"
    assert clean_name("Tessaly`s") == "Tessaly"
    assert clean_name("Tessaly´s") == "Tessaly"
    assert clean_name("Tessaly’s") == "Tessaly"
    assert target_name_cut("Quillmark Foods‘s") == "Quillmark Foods"
    assert target_name_cut("Quillmark Foods`s") == "Quillmark Foods"
    # a name's own apostrophe stays ("Benny's" is the shop's name)
    assert target_name_cut("Benny's") == "Benny's"
    assert target_name_cut("Benny’s") == "Benny’s"


def test_spanish_decision_nouns_with_a_complement_name_the_leader_they_belong_to() -> None:
    # "las órdenes de <tema> del presidente X", "las represiones del presidente X": the person opposed
    lead = "SALINAS, California — Cientos de personas marcharon el sábado frente al Ayuntamiento de Salinas para "
    for claim in ("expresar su rechazo a las nuevas órdenes de vivienda del presidente Donald Trump.",
                  "protestar contra lo que los organizadores llaman las represiones del presidente Donald Trump a la prensa.",
                  "protestar por las políticas de vivienda de Presidente Donald Trump."):
        assert event_targets(lead + claim, APR_14_2025, geocode=False) == ["Donald Trump"]
    # a complement alone, with no leader after it, names no one
    assert event_targets(lead + "protestar por las políticas de vivienda de la ciudad.", APR_14_2025, geocode=False) == []


def test_the_far_right_party_named_after_the_word_party_is_the_target() -> None:
    from protestdb.extract.targets_frames import opposed_party

    quoted = ('BERLIN — Thousands of people rallied in Dorsten and Hamm on Saturday against the far right, in protests '
              'aimed at the far-right party "Renewal for Veldania" (RfV). Organizers said 5,000 people joined in Dorsten.')
    plain = ("BERLIN — Thousands of people rallied in Dorsten on Saturday against the far right and the far-right "
             "party Renewal for Veldania, organizers said.")
    for text in (quoted, plain):
        assert opposed_party(text)[2] == "Renewal for Veldania"
        assert event_targets(text, APR_14_2025, geocode=False) == ["Renewal for Veldania"]
    # the word "party" followed by no name names none
    assert opposed_party("Crowds marched against the far right. The far-right party lost seats.") is None


def test_a_target_name_loses_a_based_opening_a_closing_comma_and_a_weekday() -> None:
    assert target_name_cut("Oregon-based Quillfeather Foods") == "Quillfeather Foods"
    assert target_name_cut("New Brunswick-based Tarnmoor Mills") == "Tarnmoor Mills"
    assert target_name_cut("University of Westmarch,") == "University of Westmarch"
    assert target_name_cut("Brackwater Public Library Sunday") == "Brackwater Public Library"
    # a name that is only the word stays; words that merely hold a day or "-based" stay
    assert target_name_cut("Sunday") == "Sunday"
    assert target_name_cut("Sunday Ledger Group") == "Sunday Ledger Group"
    assert target_name_cut("web-based Tarnmoor") == "web-based Tarnmoor"
