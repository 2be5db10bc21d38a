"""Session 22's targets: a head of government and his country's government both among an event's
targets (coders list the leader); a target's possessive set with a stray mark (a left quote, grave
or acute accent for the apostrophe) goes as the apostrophe's does, and a name loses a "<Place>-based"
opening, a closing comma or weekday; Spanish decision nouns with a complement ("las órdenes de
vivienda del presidente X") name the leader; the far-right party named after the word "party".

All sentences are written for these tests (no real page text); the review faults of the same
change are pinned below by invented inputs."""

from __future__ import annotations

from conftest import APR_14_2025, event_targets
from protestdb.extract.claims import target_name_cut
from protestdb.extract.leaders import clean_name, leader_over_government


def test_a_titled_head_beside_the_government_keeps_the_head() -> None:
    # a president heads the government only when the page tells the government as his
    text = ("NAIROBI, Kenya — Thousands of people marched through Nairobi on Saturday demanding the resignation "
            "of Kenyan President Amara Okonjo. Marchers said the government of Okonjo had failed to control prices and "
            "chanted against the government's new tax.")
    assert event_targets(text, APR_14_2025, geocode=False) == ["Amara Okonjo"]


def test_a_titled_prime_minister_beside_the_federal_government_keeps_the_prime_minister() -> None:
    text = ("OTTAWA — Hundreds of truckers rallied on Parliament Hill on Saturday, calling for the resignation of "
            "Canadian Prime Minister Lena Vasquel. They urged the federal government to drop its fuel levy.")
    assert event_targets(text, APR_14_2025, geocode=False) == ["Lena Vasquel"]


def test_leader_over_government_only_for_the_leaders_own_government() -> None:
    text = "Marchers demanded the resignation of Kenyan Prime Minister Amara Okonjo and said the government failed them."
    kenya = "Kenyan government"
    assert leader_over_government(["Amara Okonjo", "Kenyan government"], text, kenya) == ["Kenyan government"]
    assert leader_over_government(["Amara Okonjo", "government"], text, kenya) == ["government"]
    # no event country known: no tie
    assert leader_over_government(["Amara Okonjo", "government"], text, None) == []
    # another country's government stays beside a head
    assert leader_over_government(["Amara Okonjo", "Dutch government"], text, kenya) == []
    # a head told with another country's word before the title is no head of this government
    foreign = "Marchers denounced the Veldan Prime Minister Amara Okonjo and the government."
    assert leader_over_government(["Amara Okonjo", "Kenyan government"], foreign, kenya) == []
    # a former head, an untitled person or a mayor heads no national government
    gone = "They booed former Kenyan Prime Minister Amara Okonjo."
    assert leader_over_government(["Amara Okonjo", "government"], gone, kenya) == []
    assert leader_over_government(["Amara Okonjo", "government"], "They booed Kenyan Amara Okonjo.", kenya) == []
    assert leader_over_government(["Amara Okonjo", "government"], "They booed Kenyan Mayor Amara Okonjo.", kenya) == []
    # a state or city government is no national one
    assert leader_over_government(["Amara Okonjo", "state government"], text, kenya) == []


def test_a_head_with_no_country_word_is_no_head_of_this_government() -> None:
    # review fault 3: no word before the title, another country's head, "UK government"/"British"
    text = ("LONDON — Thousands marched through central London on Saturday against Prime Minister Tamar Ellory "
            "and urged the UK government to halt arms sales to Veldania.")
    assert leader_over_government(["Tamar Ellory", "UK government"], text, "British government") == []
    assert leader_over_government(["Tamar Ellory", "government"], text, "British government") == []
    uk = text.replace("against Prime Minister", "against British Prime Minister")
    assert leader_over_government(["Tamar Ellory", "UK government"], uk, "British government") == []


def test_a_title_of_another_body_is_no_head_of_government() -> None:
    # review fault 4: a chancellor of a campus, a president of a federation
    campus = "Students rallied on campus against Chancellor Dana Reyes and the federal government's cuts."
    assert leader_over_government(["Dana Reyes", "federal government"], campus, "Kenyan government") == []
    club = ("Fans protested against Kenyan President Amara Okonjo of the Kenya Football Federation and the "
            "Kenyan government. Okonjo's government of the federation was criticised.")
    assert leader_over_government(["Amara Okonjo", "Kenyan government"], club, "Kenyan government") == []


def test_a_former_or_ousted_head_keeps_the_government() -> None:
    # review fault 5
    kenya = "Kenyan government"
    for told in ("ousted Kenyan President", "former interim Kenyan President", "exiled Kenyan Prime Minister",
                 "outgoing Kenyan Prime Minister", "deposed Kenyan Prime Minister"):
        text = f"They marched against {told} Amara Okonjo and the Kenyan government. Okonjo's government fell."
        assert leader_over_government(["Amara Okonjo", "Kenyan government"], text, kenya) == [], told
    pred = ("Speakers also denounced Prime Minister Lena Vasquel's predecessor, former Prime Minister Tom Harrow, "
            "and the federal government.")
    assert leader_over_government(["Tom Harrow", "federal government"], pred, "Canadian government") == []


def test_a_president_and_his_countrys_government_stay_apart_without_evidence() -> None:
    # review fault 6: a semi-presidential state's government is another body
    text = "Crowds marched in Lyonne against French President Remy Castaing and the French government's pension reform."
    assert leader_over_government(["Remy Castaing", "French government"], text, "French government") == []
    told = text + " They said the Castaing administration ignored them."
    assert leader_over_government(["Remy Castaing", "French government"], told, "French government") == ["French government"]


def test_pm_as_a_clock_time_is_no_title() -> None:
    # review fault 7
    text = "Kenyan protesters gathered. At 3 PM Amara Okonjo spoke against the government."
    assert leader_over_government(["Amara Okonjo", "government"], text, "Kenyan government") == []
    text = "Kenyan protesters gathered at 3:30 PM Amara Okonjo time, against the government."
    assert leader_over_government(["Amara Okonjo", "government"], text, "Kenyan government") == []
    titled = "Protesters booed Kenyan PM Amara Okonjo and the government."
    assert leader_over_government(["Amara Okonjo", "government"], titled, "Kenyan government") == ["government"]


def test_a_possessive_with_a_stray_mark_goes_like_an_apostrophes() -> None:
    assert clean_name("Governor Maren Tessaly‘s") == "Maren Tessaly"
    assert clean_name("Tessaly`s") == "Tessaly"
    assert clean_name("Tessaly´s") == "Tessaly"
    assert clean_name("Tessaly’s") == "Tessaly"
    assert target_name_cut("Quillmark Foods‘s", " plan to close") == "Quillmark Foods"
    assert target_name_cut("Quillmark Foods`s", " layoffs") == "Quillmark Foods"
    # a name's own apostrophe stays ("Benny's" is the shop's name)
    assert target_name_cut("Benny's") == "Benny's"
    assert target_name_cut("Benny’s") == "Benny’s"


def test_a_stray_mark_ending_a_shops_name_stays() -> None:
    # review fault 10: the shop's own possessive, told with no noun of it after
    for shop in ("Tillby´s", "Marrow`s", "Quenby‘s"):
        assert target_name_cut(shop) == shop
        assert target_name_cut(shop, " on Saturday") == shop
        assert target_name_cut(shop, " store in Brackwater") == shop
    assert target_name_cut("Governor Maren Tessaly‘s", " policies on rent") == "Governor Maren Tessaly"


def test_spanish_decision_nouns_with_a_complement_name_the_leader_they_belong_to() -> None:
    # "las órdenes de <tema> del presidente X", "las represiones del presidente X": the person opposed
    lead = "MARLOWE, California — Cientos de vecinos marcharon el domingo hasta la plaza de Marlowe para "
    for claim in ("mostrar enojo ante unas órdenes de vivienda del presidente Donald Trump.",
                  "repudiar, según dijeron, unas represiones del presidente Donald Trump hacia periodistas locales.",
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


def test_the_party_name_after_the_word_party_is_no_weekday_or_clause_word() -> None:
    # review fault 1
    from protestdb.extract.targets_frames import opposed_party

    text = "Thousands of people protested in Dorsten against the far right party Saturday, organizers said."
    assert opposed_party(text) is None
    assert event_targets(text, APR_14_2025, geocode=False) == []
    for after in ("in March", "May", "The group", "Police said", "Organizers said"):
        told = f"Crowds marched in Dorsten against the far right and the far-right party {after} it."
        assert opposed_party(told) is None, after


def test_a_weekday_is_cut_only_after_a_body_word() -> None:
    # review fault 8
    for name in ("Black Friday", "Good Friday", "Cyber Monday", "Super Tuesday", "Ash Wednesday", "Fox News Sunday"):
        assert target_name_cut(name) == name
    assert target_name_cut("Westmarch City Hall Monday") == "Westmarch City Hall"


def test_a_based_name_alone_is_no_target_and_longer_places_are_cut() -> None:
    # review fault 9
    assert target_name_cut("Australian-based") is None
    assert target_name_cut("Veldan-based") is None
    assert target_name_cut("St. Paul-based 3M") == "3M"
    assert target_name_cut("Salt Lake City-based Quillfeather") == "Quillfeather"


def test_the_head_goes_over_the_government_after_one_leader_form_too_and_its_evidence_goes() -> None:
    # review fault 11: runs also when one_leader_form dropped a form; a quote of the dropped
    # government stays only when it tells a staying target (a body by its whole name)
    from conftest import report_events

    text = ("OTTAWA — Hundreds of truckers rallied on Parliament Hill on Saturday against Canadian Prime Minister "
            "Lena Vasquel. They denounced the Vasquel government and urged the federal government to drop its fuel "
            "levy. Canadian Prime Minister Vasquel did not meet them.")
    (ev,) = report_events(text, APR_14_2025, geocode=False)
    assert ev.targets == ["Lena Vasquel"]
    tie = ("OTTAWA — Hundreds of truckers rallied on Parliament Hill on Saturday, calling for the resignation of "
           "Canadian Prime Minister Lena Vasquel. They urged the federal government to drop its fuel levy. "
           "Vasquel said the Vasquel government would listen.")
    (ev,) = report_events(tie, APR_14_2025, geocode=False)
    assert "federal government" not in ev.targets
    assert all(e.quote != "federal government" for e in ev.evidence.get("targets") or [])
