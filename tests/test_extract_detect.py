"""Detection: the keyword prefilter, trigger words and their negative contexts."""

from __future__ import annotations

import pytest

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
