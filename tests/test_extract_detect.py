"""Detection: the keyword prefilter, trigger words and their negative contexts."""

from __future__ import annotations

from datetime import date

import pytest

from conftest import (
    MAR_12_2025,
)
from protestdb.extract import extract_text
from protestdb.extract.detect import find_triggers, is_protest_report, quick_reject

HARD_NEGATIVES = [
    "Stocks rally as investors cheer a cooler inflation report.",
    "A late-inning rally lifted the visitors to a 5-4 win on Sunday.",
    "A drone strike killed three fighters near the border, officials said.",
    "A lightning strike sparked a brush fire east of the town.",
    "March retail sales rose 1.2 percent, the Commerce Department said.",
    "The Easter Vigil Mass begins at 8 p.m. at St. Mary's Church.",
    "Bagpipers will march in the St. Patrick's Day parade down Main Street.",
    "The visiting club said it was playing under protest after the referee's call.",
    "Lawmakers debated a bill that would require the state to boycott companies tied to the region.",
    "A strike was averted late Sunday after the union reached a tentative deal with the hospital.",
    "ICE agents arrested 40 people in raids at three job sites on Tuesday, the agency said.",
    "The drivers' union voted last month to go on strike if no new contract is signed by Friday.",
    "Machinists said they were ready to walk off the job unless the company improves its final offer.",
    "Dozens of diplomats walked out of the assembly hall on Tuesday in protest as the minister began his speech.",
    "The walkout by several ambassadors left the envoy speaking to rows of empty seats.",
]

POSITIVES = [
    ("Hundreds rallied outside the county courthouse on Saturday.", "rally"),
    ("Students walked out of class on Friday.", "walkout"),
    ("Nurses went on strike at the regional hospital on Monday.", "strike"),
    ("About 40 tenants picketed the landlord's office.", "picket"),
    ("Activists staged a sit-in at the governor's office.", "sit-in"),
    ("Several hundred people held a candlelight vigil for the victims.", "vigil"),
    ("A small group of counter-protesters stood across the street.", "counter-protest"),
    ("Two detainees began a hunger strike last week.", "hunger strike"),
    ("Bus drivers went on strike on Monday after talks with the city broke down.", "strike"),
    ("Students walked out of the lecture hall on Friday as the speaker took the stage.", "walkout"),
]


@pytest.mark.parametrize("text", HARD_NEGATIVES)
def test_hard_negatives_are_not_protest_reports(text: str) -> None:
    assert not is_protest_report(text)


@pytest.mark.parametrize(("text", "kind"), POSITIVES)
def test_positive_triggers_give_their_type(text: str, kind: str) -> None:
    assert is_protest_report(text)
    assert kind in {t.type for t in find_triggers(text)}


def test_hunger_strike_is_not_also_a_strike() -> None:
    types = [t.type for t in find_triggers("Two detainees began a hunger strike last week.")]
    assert types == ["hunger strike"]


def test_quick_reject_without_keywords() -> None:
    assert quick_reject("The city council approved the budget for road repairs on Tuesday.")
    assert not quick_reject("Hundreds marched downtown.")
    assert quick_reject("")


def test_announced_triggers_are_flagged() -> None:
    trig = find_triggers("Activists will rally Saturday at the state capitol.")
    assert trig and all(t.announced for t in trig)
    past = find_triggers("Activists rallied Saturday at the state capitol.")
    assert past and not any(t.announced for t in past)


def test_month_march_is_not_a_march_but_the_march_is() -> None:
    assert not find_triggers("Sales fell in March 2024 from a year earlier.")
    assert {t.type for t in find_triggers("The march ended at the capitol.")} == {"march"}


def test_spanish_triggers() -> None:
    text = "Cientos de trabajadores marcharon el domingo y convocaron una huelga."
    types = {t.type for t in find_triggers(text, lang="es")}
    assert {"march", "strike"} <= types
    assert not find_triggers("La huelga fue suspendida tras el acuerdo.", lang="es")


@pytest.mark.parametrize("text", [
    "Decenas de alumnos del liceo de Mérida salieron de clase el jueves.",
    "Los estudiantes de la secundaria Roble Alto abandonaron la escuela al mediodía.",
    "Unos 80 alumnos abandonaron las aulas para exigir más maestros.",
])
def test_spanish_walkout_words(text: str) -> None:
    assert "walkout" in {t.type for t in find_triggers(text, lang="es")}


@pytest.mark.parametrize("text", [
    "Miles de jubilados tomaron las calles de Rosario el sábado.",
    "Cientos de vecinos salieron a las calles del barrio para exigir agua potable.",
])
def test_spanish_streets_words(text: str) -> None:
    assert "march" in {t.type for t in find_triggers(text, lang="es")}


# --- regression cases ------------------------------------------------------------


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


@pytest.mark.regression("negated strikes and parades are no events")
@pytest.mark.parametrize(
    "text",
    [
        "BANGOR, Maine — Bus drivers voted Sunday to authorize a strike, but no date has been set for "
        "a walkout and talks with the transit authority continue. Drivers will not strike this month.",
        "OMAHA, Neb. — More than 8,000 veterans, scouts and high school bands marched down Dodge "
        "Street on Tuesday in the city's annual Memorial Day parade, watched by thousands of spectators.",
    ],
)
def test_negated_strikes_and_parades_are_no_events(text: str) -> None:
    res = extract_text(text, MAR_12_2025, geocode=False)
    assert not res.events


@pytest.mark.regression("ambiguous triggers without protest support are no protest")
@pytest.mark.parametrize("text", NOT_PROTESTS)
def test_ambiguous_triggers_without_protest_support_are_no_protest(text: str) -> None:
    assert not extract_text(text, date(2025, 3, 10)).is_protest_report


@pytest.mark.regression("supported triggers are protests")
@pytest.mark.parametrize("text", PROTESTS)
def test_supported_triggers_are_protests(text: str) -> None:
    res = extract_text(text, date(2025, 3, 10))
    assert res.is_protest_report and len(res.events) == 1


@pytest.mark.regression("support without a parse")
def test_support_without_a_parse() -> None:
    assert is_protest_report("Teachers rallied at the statehouse on Monday.")
    assert not is_protest_report("Oil prices and the dollar rallied after the report.")


def test_projectiles_striking_people_are_no_strike() -> None:
    # the weapons' "striking" is a blow, not a labor strike; a union's striking members still are one
    hit = "Crowds protested at the rail yard; officers fired pepper balls, some of the rounds striking marchers."
    assert "strike" not in {t.type for t in find_triggers(hit)}
    assert "strike" not in {t.type for t in find_triggers("Two rubber bullets struck a reporter near the gate.")}
    assert "strike" in {t.type for t in find_triggers("Striking members of the bakers' union picketed the plant.")}


@pytest.mark.parametrize("text", [
    "Durante la pandemia, miles de estudiantes abandonaron la escuela en Tucson.",
    "Muchos jóvenes salieron de la escuela sin título.",
])
def test_spanish_leaving_school_for_good_is_no_walkout(text: str) -> None:
    assert "walkout" not in {t.type for t in find_triggers(text, lang="es")}


def test_spanish_leaving_school_chanting_is_a_walkout() -> None:
    text = "Decenas de alumnos del colegio Pinar Verde abandonaron la escuela coreando consignas."
    assert "walkout" in {t.type for t in find_triggers(text, lang="es")}
