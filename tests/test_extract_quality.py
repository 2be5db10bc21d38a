"""Issue 3 phenomena: protest support for ambiguous triggers, one sense per text, places that
are origins or parts of other names, anaphoric mentions, organizers. Own example sentences."""

from __future__ import annotations

from datetime import date

import pytest

from protestdb.extract import extract_text, is_protest_report
from protestdb.extract.nlp import load_nlp
from protestdb.extract.orgs import find_orgs
from protestdb.geo import find_places

NOT_PROTESTS = [
    "Shares of chipmakers rallied on Thursday as investors shrugged off weaker factory data.",
    "Fashion labels are marching into autumn with muted tones and wool coats.",
    "The former treasurer protested her innocence at Tuesday's hearing.",
    "Union leaders said members were prepared to strike if talks fail.",
    "The deal removed the prospect of a walkout by bus drivers this winter.",
    "Thousands of fans packed the arena for a campaign rally with the Democratic nominee.",
    "A missile strike hit a fuel depot. Repeated strikes on the highway have cut off supplies to thousands of families.",
    "The Rockets rallied in the fourth quarter to beat Denver 101-99.",
]

PROTESTS = [
    "Nurses rallied outside the regional hospital in Fresno on Monday.",
    "About 150 tenants marched to the landlord's office on Friday, chanting for repairs.",
    "Students walked out of class at a high school in Tempe on Wednesday.",
    "Hundreds of farmworkers marched through Salinas on Sunday to demand overtime pay.",
]


@pytest.mark.parametrize("text", NOT_PROTESTS)
def test_ambiguous_triggers_without_protest_support_are_no_protest(text: str) -> None:
    assert not extract_text(text, date(2025, 3, 10)).is_protest_report


@pytest.mark.parametrize("text", PROTESTS)
def test_supported_triggers_are_protests(text: str) -> None:
    res = extract_text(text, date(2025, 3, 10))
    assert res.is_protest_report and len(res.events) == 1


def test_support_without_a_parse() -> None:
    assert is_protest_report("Teachers rallied at the statehouse on Monday.")
    assert not is_protest_report("Oil prices and the dollar rallied after the report.")


def _places(text: str) -> dict[str, str | None]:
    return {p.quote: p.state for p in find_places(text)}


def test_place_after_sentence_initial_preposition_and_possessive() -> None:
    assert _places("In Boston, about 500 people rallied.") == {"Boston": "MA"}
    assert "Tucson" in _places("At Tucson's city hall, dozens gathered.")


def test_accented_city_name() -> None:
    assert _places("Cientos marcharon en Los Ángeles el sábado.").get("Los Ángeles") == "CA"


def test_words_before_county_street_or_movement_are_no_cities() -> None:
    text = ("Members of the Sunrise Movement marched down Euclid Avenue to the Pima County offices "
            "and then along Pacific Coast Highway.")
    assert not [p for p in find_places(text) if p.kind == "city"]


def test_origins_and_destinations_make_no_events() -> None:
    text = ("SACRAMENTO, Calif. — Thousands of state workers rallied at the Capitol on Tuesday to oppose "
            "pension cuts. Buses brought members from Fresno, Modesto and Merced, organizers said.")
    res = extract_text(text, date(2025, 3, 12))
    assert [e.locality for e in res.events] == ["Sacramento"]


def test_anaphoric_mention_joins_the_event() -> None:
    text = ("BOISE, Idaho — About 200 people rallied outside the statehouse on Monday to protest a library bill.\n\n"
            "The rally was organized by the Idaho Library Alliance, whose members in eastern Washington also "
            "oppose similar bills.")
    res = extract_text(text, date(2025, 3, 11))
    assert len(res.events) == 1
    assert res.events[0].organizations == ["Idaho Library Alliance"]


def test_same_city_name_in_two_states_gives_two_events() -> None:
    text = ("More than 100 people rallied in Kansas City, Kan., on Monday to protest jail contracts. "
            "Later that day, in Kansas City, Mo., about 40 people held a vigil outside the federal courthouse.")
    res = extract_text(text, date(2025, 3, 11))
    assert sorted(e.state for e in res.events) == ["KS", "MO"]


def test_announced_follow_up_gets_its_own_event_and_date() -> None:
    text = ("FRESNO, Calif. — About 60 parents rallied outside the school district office on Monday to protest "
            "bus cuts.\n\nThey asked supporters to rally again at the same place on Thursday, when the board "
            "is scheduled to vote.")
    res = extract_text(text, date(2025, 3, 11))
    by_ann = {e.announced_only: e for e in res.events}
    assert set(by_ann) == {False, True}
    assert by_ann[False].date == "2025-03-10" and by_ann[True].date == "2025-03-13"


def test_umbrella_organizers_go_to_every_event() -> None:
    text = ("Renters protested rising rents in three cities on Saturday. The protests were coordinated by "
            "the Homes for All Network.\n\nIn Tucson, about 80 people rallied at City Hall.\n\n"
            "In Albuquerque, dozens marched downtown.")
    res = extract_text(text, date(2025, 3, 16))
    assert {e.locality for e in res.events} == {"Tucson", "Albuquerque"}
    assert all(e.organizations == ["Homes for All Network"] for e in res.events)


@pytest.fixture(scope="module")
def nlp():
    return load_nlp()


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


def test_government_bodies_and_companies_are_no_organizers(nlp) -> None:
    text = ("Speakers urged the Arizona General Assembly and the Maricopa County Sheriff's Office to act, "
            "outside the offices of the operator Desert Holdings Group.")
    assert find_orgs(text, [(0, len(text))], nlp(text)) == []
