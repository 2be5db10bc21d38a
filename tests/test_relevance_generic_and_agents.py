"""Relevance evidence: the agent of a compound protest noun ("a hunger strike by nurses") and of a
passive organizer ("the vigil was organized by clergy"); protests talked of in general (a rule,
a definition, an explainer's present-tense question) are no action; a diplomat's walkout told
with a name, "got up and", "with other ambassadors" or "from an audience of world leaders" is a
diplomatic gesture. A human chain and work stopped by people are protest forms; a date right
after "<N> years ago" is an anniversary, not the action's time. A prayer vigil or a gathering to pray
with no claim told after it is worship."""

from __future__ import annotations

from typing import Any

import pytest

from protestdb.extract.cues import agent_words, human_agent
from protestdb.extract.detect import find_triggers
from protestdb.extract.nlp import load_nlp


def _triggers(text: str) -> tuple[Any, list[Any]]:
    doc = load_nlp()(text)
    return doc, find_triggers(text, "en", doc=doc)


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("A hunger strike by nurses began on Monday outside the hospital.", "hunger strike"),
        ("A citywide shutter-down strike by traders closed the markets on Saturday.", "shutter-down strike"),
        ("The vigil was organized by a group of clergy.", "vigil"),
        ("The march was led by students from three schools.", "march"),
    ],
)
def test_agent_of_a_compound_noun_and_of_a_passive_organizer(text: str, word: str) -> None:
    doc, trigs = _triggers(text)
    t = next(t for t in trigs if t.quote == word)
    assert human_agent(doc, t, agent_words("en"), text), text


def test_a_passive_verb_of_no_organizing_names_no_agent() -> None:
    text = "The vigil was criticized by a group of clergy."
    doc, trigs = _triggers(text)
    assert not human_agent(doc, next(t for t in trigs if t.quote == "vigil"), agent_words("en"), text)


@pytest.mark.parametrize(
    "text",
    [
        "Peaceful protests should not block access to buildings.",
        "Protesters may not harass others on a campus.",
        "Strikes are an important tool of bargaining.",
        "Most strikes are about pay.",
        "Why do unions go on strike?",
        "What happens when a union strikes?",
        "There are limits on the rights of students to engage in protests on college campuses.",
        "Yet the regulation of protests should not extend to the views expressed.",
        "The city imposed a ban on protests near the port.",
    ],
)
def test_protest_talked_of_in_general_is_weak(text: str) -> None:
    _, trigs = _triggers(text)
    assert trigs and all(t.weak for t in trigs), text


@pytest.mark.parametrize(
    "text",
    [
        "Protesters can be seen marching down Main Street.",
        "Protests are underway in a dozen cities.",
        "The protests are a warning to the government.",
        "Hundreds of nurses rallied on Monday; protests may follow.",
        "Nurses walked off the job on Monday, and more strikes may follow.",
        "Students engaged in protests on Monday.",
        "Students will engage in protests on Monday.",
        "Thousands took part in protests against the ban on Monday.",
    ],
)
def test_protests_told_as_actions_stay_firm(text: str) -> None:
    _, trigs = _triggers(text)
    assert any(not t.weak for t in trigs), text


@pytest.mark.parametrize(
    "text",
    [
        "Diplomats from several countries got up and walked out of the hall when the minister spoke.",
        "The foreign minister Anna Berg walks out with other ambassadors during the video message.",
        "The walkout is the latest rebuke from an audience of world leaders angry over the war.",
    ],
)
def test_diplomatic_walkouts_open_no_trigger(text: str) -> None:
    _, trigs = _triggers(text)
    assert not [t for t in trigs if "walk" in t.quote.lower()], text  # dropped, not merely weak


def test_a_walkout_beside_diplomats_stays_a_trigger() -> None:
    _, trigs = _triggers("Students walked out of class on Tuesday as world leaders arrived for the summit.")
    assert any(not t.weak for t in trigs)


def _report(text: str) -> bool:
    from datetime import date

    from protestdb.extract import extract_text

    return extract_text(text, date(2025, 3, 12), geocode=False).is_protest_report


@pytest.mark.parametrize(
    "text",
    [
        "Parents and teachers formed a human chain around the school in Westford on Friday to oppose its closure.",
        "Bus drivers in Westford stopped work for two hours on Tuesday morning over unpaid overtime.",
    ],
)
def test_protest_forms_without_a_protest_word(text: str) -> None:
    assert _report(text), text


@pytest.mark.parametrize(
    "text",
    [
        "The contractor stopped work on the bridge in Westford on Tuesday after the storm.",
        "The city issued a stop work order for the building site in Westford on Tuesday.",
        # the anniversary's date ("this week") dates the remembering, not the march
        "Ten years ago this week, thousands of people marched through downtown Westford after the police "
        "shooting of a teenager. Today, the memorial garden on Elm Street draws visitors.",
    ],
)
def test_work_stopped_by_no_people_and_anniversaries_are_no_reports(text: str) -> None:
    assert not _report(text), text


def test_an_anniversary_march_told_with_todays_march_stays_a_report() -> None:
    assert _report("Fifty years ago this week, students marched on the capitol in Westford.\n\n"
                   "On Saturday, hundreds of students retraced their steps, marching from the campus to the "
                   "capitol to demand lower tuition.")


@pytest.mark.parametrize(
    "text",
    [
        "MONTGOMERY, Ala. - They called it a prayer vigil, usually a solemn occasion.\n\n"
        "Hundreds gathered at a church in Montgomery on Sunday to pray for the families of the flood victims.",
        "Hundreds gathered to lift up songs and prayers at a church in Montgomery on Sunday for the families of "
        "the flood victims.",
    ],
)
def test_prayer_gatherings_without_a_claim_are_no_reports(text: str) -> None:
    assert not _report(text), text


@pytest.mark.parametrize(
    "text",
    [
        "About 80 people held a prayer vigil outside the immigration office in Westford on Sunday against the "
        "deportation of a local pastor.",
        "Church members held a prayer vigil for peace in front of City Hall in Westford on Sunday, calling for a "
        "ceasefire.",
        "Dozens of people gathered outside the detention center in Westford on Sunday to pray for the detainees "
        "and demand their release.",
    ],
)
def test_prayer_vigils_with_a_claim_stay_reports(text: str) -> None:
    assert _report(text), text
