"""Relevance evidence: the agent of a compound protest noun ("a hunger strike by nurses") and of a
passive organizer ("the vigil was organized by clergy"); protests talked of in general (a rule,
a definition, an explainer's present-tense question) are no action; a diplomat's walkout told
with a name, "stood up and", "with fellow envoys" or "from a bloc of envoys" is a diplomatic
gesture. A human chain told with a claim and work stopped by people are protest forms; a date right
after "<N> years ago" is an anniversary, not the action's time. A prayer vigil or a gathering to pray
with no claim anywhere in its sentence is worship. All texts here are invented."""

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
        ("A day-long shutter-down strike by shopkeepers emptied the Karsby bazaar on Saturday.", "shutter-down strike"),
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
        "Orderly protests should not obstruct the doors of a clinic.",
        "Protesters may not harass others on a campus.",
        "Strikes are an important tool of bargaining.",
        "Most strikes are about pay.",
        "Why do teachers in Karsby go on strike?",
        "What happens to the pay of bakers who strike?",
        "The handbook grants pupils a narrow right to engage in protests inside the school.",
        "The council wants a tighter regulation of protests near the Karsby harbour.",
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
        # each is missed by the plain "<diplomats> walked out" pattern
        "Envoys stood up and walked out as the general took the podium in Karsby.",
        "Foreign minister Ilse Marrow walked out with fellow envoys when the speech began.",
        "The walkout, the third this year, came from a bloc of envoys who objected to the speech.",
    ],
)
def test_diplomatic_walkouts_open_no_trigger(text: str) -> None:
    _, trigs = _triggers(text)
    assert not [t for t in trigs if "walk" in t.quote.lower()], text  # dropped, not merely weak


def test_a_walkout_beside_diplomats_stays_a_trigger() -> None:
    _, trigs = _triggers("Pupils in Karsby walked out of school on Tuesday while envoys arrived for a summit.")
    assert any(not t.weak for t in trigs)


def _report(text: str) -> bool:
    from datetime import date

    from protestdb.extract import extract_text

    return extract_text(text, date(2025, 3, 12), geocode=False).is_protest_report


@pytest.mark.parametrize(
    "text",
    [
        "Parents and grandparents made a human chain around the Karsby library on Friday to oppose its closure.",
        "Tram drivers in Karsby stopped work for two hours on Tuesday morning over unpaid overtime.",
        # a day after "stopped work on" is the strike's time, not the work's object
        "Tram drivers in Karsby stopped work on Tuesday morning over unpaid overtime.",
        "Dock workers in Karsby stopped work on March 3 over a cut in night pay.",
    ],
)
def test_protest_forms_without_a_protest_word(text: str) -> None:
    assert _report(text), text


@pytest.mark.parametrize(
    "text",
    [
        "The contractor stopped work on the bridge in Westford on Tuesday after the storm.",
        # a human chain with no claim in its sentence is help, not a protest
        "Volunteers made a human chain to pass sandbags along the dike in Karsby on Tuesday as the river rose.",
        "Bathers formed a human chain to pull two children out of the surf at Karsby beach on Sunday.",
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
        "KARSBY - The evening at the chapel began as a prayer vigil.\n\n"
        "Hundreds gathered at a chapel in Karsby on Sunday to pray for the families of the ferry fire victims.",
        "Hundreds gathered to sing hymns and pray at a chapel in Karsby on Sunday for the families of the ferry "
        "fire victims.",
    ],
)
def test_prayer_gatherings_without_a_claim_are_no_reports(text: str) -> None:
    assert not _report(text), text


@pytest.mark.parametrize(
    "text",
    [
        "About 80 people held a prayer vigil outside the immigration office in Westford on Sunday against the "
        "deportation of a local pastor.",
        "Church members held a prayer vigil for peace outside the Karsby town hall on Sunday, calling for a "
        "ceasefire.",
        # a claim told with other words, or before the vigil
        "Pastors held a prayer vigil outside the governor's residence in Karsby on Monday urging mercy for a "
        "man due to be put to death.",
        "About 60 people held a prayer vigil outside the Karsby jail on Sunday, asking the warden to end solitary "
        "confinement.",
        "Parents gathered outside Karsby's Elm Street school on Tuesday to pray and sing while the school board "
        "voted on closing it.",
        "Dozens of people gathered outside the detention center in Westford on Sunday to pray for the detainees "
        "and demand their release.",
    ],
)
def test_prayer_vigils_with_a_claim_stay_reports(text: str) -> None:
    assert _report(text), text


def test_a_vigil_told_with_a_claim_before_it_stays_a_vigil() -> None:
    from datetime import date

    from protestdb.extract import extract_text

    text = ("To protest the deportation of a local pastor, about 80 people held a prayer vigil outside the "
            "Karsby jail on Sunday.")
    evs = extract_text(text, date(2025, 3, 12), geocode=False).events
    assert evs and all(e.event_type == ["vigil"] for e in evs)


@pytest.mark.parametrize(
    "text",
    [
        "Protesters can be heard chanting outside the Karsby town hall on Tuesday in a clip posted by organizers.",
        "Demonstrators are members of a renters' league who blocked the lobby of the Karsby housing office on "
        "Tuesday.",
    ],
)
def test_a_present_clause_telling_a_past_action_or_a_time_is_no_generic_talk(text: str) -> None:
    assert _report(text), text
