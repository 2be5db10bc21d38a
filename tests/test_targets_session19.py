"""Targets (session 19): the government behind a protest against bad governance abroad, the governor
behind a state bill, a strike's employer told by its site in the event's city, a company's named
site as its owner, a Spanish plea to an official, more words of a protest against the police.

All sentences are written for these tests (no real page text)."""

from __future__ import annotations

from datetime import date

from protestdb.extract import extract_text
from protestdb.extract.targets_frames import governance_cause, governor_behind_bill, site_owner_in

PUB = date(2024, 8, 6)


def _targets(text: str, published: date = PUB) -> list[tuple[str | None, list[str]]]:
    res = extract_text(text, published)
    assert res.events, text
    return [(ev.locality, list(ev.targets)) for ev in res.events]


# --- bad governance abroad -> the country's government ---------------------------------------


def test_governance_cause_words() -> None:
    assert governance_cause("The #EndPoorRoads protests went on.") is None
    assert governance_cause("The #EndBadGovernance marches went on.") is not None
    assert governance_cause("Crowds demanded better governance in Tamale.") is not None
    assert governance_cause("The board discussed governance reforms.") is None


def test_bad_governance_protest_abroad_targets_the_government() -> None:
    text = ("Hundreds of people marched in Kumasi, Ghana on Monday in a protest against bad governance "
            "and the rising cost of food, organizers said.")
    assert _targets(text) == [("Kumasi", ["Ghanaian government"])]


def test_bad_governance_never_names_a_government_at_home() -> None:
    text = "About 200 people rallied in Boise on Saturday against bad governance at the county level."
    assert all("government" not in " ".join(t) for _, t in _targets(text))


# --- the governor behind a state bill --------------------------------------------------------


def test_governor_behind_bill_frames() -> None:
    sp = governor_behind_bill("Gov. Dana Whitcombe (D) has vowed to sign the bills this spring.")
    assert sp is not None and sp[2] == "Dana Whitcombe"
    sp = governor_behind_bill("The budget proposed by Governor Ellis Marrow would cut aid.")
    assert sp is not None and sp[2] == "Ellis Marrow"
    # two governors: none
    assert governor_behind_bill("Gov. Ann Pell signed the bill. Gov. Roy Dunmore backed the measure.") is None
    # no bill: none
    assert governor_behind_bill("Gov. Ann Pell spoke to reporters on Tuesday.") is None


def test_state_bill_protest_also_targets_its_governor() -> None:
    text = ("About 500 people rallied at the state Capitol in Richmond, Virginia on Monday against a gun "
            "bill. Lawmakers are expected to vote on it next week. Gov. Dana Whitcombe has vowed to sign "
            "the bill.")
    (_, targets), = _targets(text, date(2024, 1, 22))
    assert "Virginia General Assembly" in targets and "Dana Whitcombe" in targets


# --- a strike's employer told by its site in the event's city -------------------------------


def test_site_owner_in_place() -> None:
    text = "Workers struck Korvane Motors' Falcon plant in Lakeview and a Brisco Foods warehouse in Dunmore."
    sp = site_owner_in(text, "Lakeview")
    assert sp is not None and sp[2] == "Korvane Motors" and text[sp[0]:sp[1]] == "Korvane Motors"
    sp = site_owner_in(text, "Dunmore")
    assert sp is not None and sp[2] == "Brisco Foods"
    assert site_owner_in(text, "Ashford") is None
    # a place or a union before the site is no employer
    assert site_owner_in("Members of Local 12 at the Ohio plant in Lakeview walked out.", "Lakeview") is None


def test_strike_at_a_company_site_in_its_city_targets_the_company() -> None:
    text = ("Auto workers went on strike on Friday at Korvane Motors NV's Falcon truck plant in Lakeview, "
            "Ohio, the union said. About 900 workers walked out.")
    assert _targets(text, date(2023, 9, 16)) == [("Lakeview", ["Korvane Motors NV"])]


def test_named_site_of_a_company_is_the_company() -> None:
    from protestdb.extract.fillers import _site_owner_name

    assert _site_owner_name("Korvane’s Ridgefield Assembly Plant") == "Korvane"
    assert _site_owner_name("Korvane Motors") == "Korvane Motors"
    assert _site_owner_name("Saint Ruth's Hospital") == "Saint Ruth's Hospital"


# --- a Spanish plea to an official -----------------------------------------------------------


def test_spanish_plea_to_the_president_names_him() -> None:
    text = ("Cientos de personas marcharon el sábado en Fresno, California. Los manifestantes pidieron al "
            "presidente Joe Biden que apruebe una reforma migratoria.")
    res = extract_text(text, date(2021, 5, 3))
    assert res.events and all(ev.targets == ["Joe Biden"] for ev in res.events)


# --- more words of a protest against the police ------------------------------------------------


def test_excessive_force_protest_targets_the_city_police() -> None:
    text = ("About 60 protesters rallied in Dunmore, Pennsylvania on Thursday over officers' use of "
            "excessive force during an arrest last month, organizers said.")
    assert _targets(text, date(2020, 6, 26)) == [("Dunmore", ["Dunmore Police Department"])]


def test_governor_of_another_state_is_not_the_events() -> None:
    text = ("Some 300 librarians gathered outside the statehouse in Topeka, Kansas on Monday to oppose a "
            "library funding bill before lawmakers. Last week Iowa librarians won raises under a measure signed by "
            "Gov. Dana Whitcombe.")
    for _, targets in _targets(text, date(2021, 3, 9)):
        assert "Dana Whitcombe" not in targets


# --- a rigged election abroad -> the election body the article names ------------------------


def test_election_body_frames() -> None:
    from protestdb.extract.targets_frames import election_body

    text = ("Supporters of the opposition marched against the alleged rigging of the vote. The Westland "
            "Electoral Commission has denied any wrongdoing.")
    sp = election_body(text)
    assert sp is not None and sp[2] == "Westland Electoral Commission" and text[sp[0]:sp[1]] == sp[2]
    assert election_body("The Westland Electoral Commission set the date of the vote.") is None


def test_rigged_election_protest_abroad_targets_the_election_body() -> None:
    text = ("Hundreds of opposition supporters marched in Tamale, Ghana on Sunday against the alleged "
            "rigging of last month's vote. The Westland Electoral Commission said the count was fair.")
    assert _targets(text, date(2024, 3, 11)) == [("Tamale", ["Westland Electoral Commission"])]


# --- a march to a national legislature --------------------------------------------------------


def test_destination_legislature_frames() -> None:
    from protestdb.extract.targets_frames import destination_legislature

    text = "The coalition will march from Harbor Street to the Westland Parliament on Monday."
    sp = destination_legislature(text, [(0, len(text))])
    assert sp is not None and sp[2] == "Parliament"
    text = "Students marched to the National Assembly of Westland."
    sp = destination_legislature(text, [(0, len(text))])
    assert sp is not None and sp[2] == "National Assembly of Westland"
    text = "Parliament debated the budget while students marched in the park."
    assert destination_legislature(text, [(0, len(text))]) is None


def test_march_to_parliament_targets_it() -> None:
    text = "About 2,000 people marched to Parliament in Wellington, New Zealand on Tuesday, police said."
    assert _targets(text, date(2024, 8, 7)) == [("Wellington", ["Parliament"])]


def test_a_known_figure_addressed_needs_no_title() -> None:
    text = "About 300 people rallied in Tucson on Saturday and urged Biden to end the raids, organizers said."
    assert _targets(text, date(2023, 5, 7)) == [("Tucson", ["Joe Biden"])]


# --- review faults: each mechanism narrowed to its own frame ----------------------------------


def test_praise_of_good_governance_names_no_government() -> None:
    text = ("Hundreds of workers protested outside the Lagos headquarters of Zenith Mining in Lagos, Nigeria "
            "on Monday over unpaid wages. The company has been praised for good governance by investors.")
    assert _targets(text) == [("Lagos", [])]
    assert governance_cause("Investors praised the firm's better governance.") is None


def test_governance_outside_the_events_sentences_names_no_government() -> None:
    text = ("Hundreds of traders marched in Tamale, Ghana on Monday over rising prices. Separately, a think "
            "tank praised better governance in the north.")
    assert _targets(text) == [("Tamale", [])]
    text = ("Hundreds of traders marched in Tamale, Ghana on Monday against what they called bad governance "
            "and rising prices.")
    assert _targets(text) == [("Tamale", ["Ghanaian government"])]


def test_a_rigged_tender_is_no_rigged_election() -> None:
    from protestdb.extract.targets_frames import election_body

    text = ("Thousands protested in Nairobi, Kenya on Tuesday against a rigged tender at the port. Separately, "
            "the Electoral Commission of Kenya announced new by-elections.")
    assert _targets(text) == [("Nairobi", [])]
    assert election_body("Crowds decried the rigged polls. The Westland Electoral Commission was silent.") is not None


def test_parliament_square_is_no_legislature() -> None:
    from protestdb.extract.targets_frames import destination_legislature

    text = "Several thousand nurses marched to Parliament Square in London on Sunday to demand a pay rise."
    assert _targets(text) == [("London", [])]
    text = "Students marched to Parliament Hill on Monday."
    assert destination_legislature(text, [(0, len(text))]) is None
    text = "Students marched to Parliament Monday."
    assert destination_legislature(text, [(0, len(text))]) is not None


def test_excessive_force_of_security_guards_is_no_police_protest() -> None:
    text = ("About 80 students rallied at Westbrook College in Dayton, Ohio on Monday after campus security "
            "guards used excessive force on a student.")
    assert _targets(text) == [("Dayton", [])]
    text = ("About 80 students rallied in Dayton, Ohio on Monday over the use of excessive force by city "
            "police during an arrest.")
    assert _targets(text) == [("Dayton", ["Dayton Police Department"])]


def test_governor_who_signed_another_bill_is_no_target() -> None:
    text = ("About 300 teachers rallied at the Capitol in Austin, Texas on Monday against a voucher bill before "
            "the Texas Legislature. Gov. Dana Reyes, who signed a water bill last year, did not comment.")
    assert _targets(text) == [("Austin", ["Texas Legislature"])]
    assert governor_behind_bill("Gov. Ann Pell signed a water bill.", ((0, 5),)) is None
    text = ("About 300 teachers rallied at the Capitol in Austin, Texas on Monday against a voucher bill before "
            "the Texas Legislature. Gov. Dana Reyes has vowed to sign the voucher bill.")
    assert _targets(text) == [("Austin", ["Texas Legislature", "Dana Reyes"])]


def test_a_store_told_outside_a_strike_frame_is_no_employer() -> None:
    text = ("Nurses went on strike in Ridgefield, Ohio on Monday. Nurses said parking at the Acme Mall store "
            "in Ridgefield was scarce.")
    assert _targets(text) == [("Ridgefield", [])]
    text = ("Nurses went on strike in Ridgefield, Ohio on Monday. The nurses picketed outside the Acme Health "
            "hospital in Ridgefield.")
    assert _targets(text) == [("Ridgefield", ["Acme Health"])]


def test_rigging_told_a_few_words_before_the_elections() -> None:
    from protestdb.extract.targets_frames import election_body

    text = ("Opposition supporters marched against the alleged rigging in last month's general elections. "
            "The Westland Electoral Commission rejected the claims.")
    assert election_body(text, ((0, 96),)) is not None
    assert election_body(text, ((96, len(text)),)) is None


def test_governor_behind_the_told_kind_of_bills() -> None:
    text = ("Gun owners rallied against gun control bills in Dover. Gov. Ellis Marrow has vowed to push a "
            "package of gun control bills.")
    sp = governor_behind_bill(text, ((0, 54),))
    assert sp is not None and sp[2] == "Ellis Marrow"
    text = "Gun owners rallied against gun control bills in Dover. Gov. Ellis Marrow signed farm bills."
    assert governor_behind_bill(text, ((0, 54),)) is None
