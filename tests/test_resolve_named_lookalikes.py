"""Look-alikes of a named action that must never join an undated report to a dated event (issue 10:
never a false merge; review C1/C2 of session 16). Each pair is two different actions at one venue, or
another edition of one named action. Places, groups, names and chants are invented."""

from __future__ import annotations

from pathlib import Path

import pytest

from protestdb.models import Article, EventMention
from protestdb.resolve.names import names_meet, tells_edition, text_action_names
from protestdb.store import open_store

DATED = ("Hundreds gathered at Quillon Plaza on Saturday for the Lantern Keys march, calling for rent"
         " limits in Riverton.")


def _dated(store, text: str, day: str = "2025-10-04", **fields) -> str:
    base = {"locality": "Riverton", "state": "OR", "country": "US", "date": day, "location": "Quillon Plaza",
            "event_type": ["march"], "issues": ["other"]}
    (eid,) = store.add_mentions(Article.make(text, published=day), [EventMention(**{**base, **fields})])
    return eid


def _undated(store, text: str, **fields) -> str:
    base = {"locality": "Riverton", "state": "OR", "country": "US", "date": None, "date_precision": "unknown",
            "location": "Quillon Plaza", "event_type": ["march"], "issues": ["other"]}
    (eid,) = store.add_mentions(Article.make(text), [EventMention(**{**base, **fields})])
    return eid


PAIRS = {
    "an outlet's hashtag": (
        "Nurses rallied outside Harlow Hall on Tuesday over staffing levels. Follow #BrindleCourier for updates.",
        "Parents rallied outside Harlow Hall against the closing of a ward. Follow #BrindleCourier for updates.",
        {"location": "Harlow Hall", "event_type": ["rally"], "issues": ["labor"]},
        {"location": "Harlow Hall", "event_type": ["rally"], "issues": ["other"]}),
    "a chant quoted at two rallies": (
        "Students rallied at Quillon Plaza on Saturday, chanting \u201cOpen The Gates\u201d as they marched.",
        "Hundreds rallied at Quillon Plaza after the vote abroad, chanting \u201cOpen The Gates\u201d.",
        {"event_type": ["rally"]}, {"event_type": ["rally"]}),
    "a sign's text": (
        "Students rallied at Quillon Plaza on Saturday with signs reading \u201cOpen The Gates\u201d.",
        "Workers rallied at Quillon Plaza holding signs reading \u201cOpen The Gates\u201d.",
        {"event_type": ["rally"]}, {"event_type": ["rally"]}),
    "an institution before protest": (
        "Students rallied on Saturday at Quillon Plaza in the Marlow State University protest over tuition.",
        "Graduate workers rallied at Quillon Plaza in a Marlow State University protest over pay.",
        {"event_type": ["rally"], "issues": ["education"]}, {"event_type": ["rally"], "issues": ["labor"]}),
    "a shorter name that starts a longer one": (
        "Crowds rallied at Quillon Plaza on Saturday in the Lantern Keys protest against federal cuts.",
        "Neighbors rallied at Quillon Plaza for the Lantern Keys Our Parks rally against a parking garage.",
        {"event_type": ["rally"]}, {"event_type": ["rally"]}),
}


@pytest.mark.parametrize("case", sorted(PAIRS))
def test_a_look_alike_name_joins_nothing(tmp_path: Path, case: str) -> None:
    dated_text, undated_text, dated_fields, undated_fields = PAIRS[case]
    store = open_store(tmp_path / "l.sqlite")
    dated = _dated(store, dated_text, **dated_fields)
    undated = _undated(store, undated_text, **undated_fields)
    assert undated != dated, case
    store.close()


EDITIONS = {
    "last year's": "Last year's Lantern Keys march filled Quillon Plaza; organizers said it was the biggest yet.",
    "an ordinal": "The fourth Lantern Keys march filled Quillon Plaza, organizers said.",
    "monthly before the name": "The monthly Lantern Keys march filled Quillon Plaza, organizers said.",
    "annual": "Marchers filled Quillon Plaza for the 12th annual Lantern Keys march, organizers said.",
    "every Saturday": "Marchers fill Quillon Plaza every Saturday for the Lantern Keys march, organizers said.",
    "an anniversary": "The Lantern Keys march filled Quillon Plaza to mark the anniversary of the eviction.",
}


@pytest.mark.parametrize("case", sorted(EDITIONS))
def test_another_edition_of_the_named_action_joins_nothing(tmp_path: Path, case: str) -> None:
    """The undated page ties the named action to another edition or a series: it may tell any of them."""
    store = open_store(tmp_path / "e.sqlite")
    dated = _dated(store, DATED)
    assert _undated(store, EDITIONS[case]) != dated, case
    assert tells_edition(EDITIONS[case])
    store.close()


def test_the_same_named_action_told_once_still_joins(tmp_path: Path) -> None:
    """The positive case beside the look-alikes: one edition, named alike, at the same venue."""
    store = open_store(tmp_path / "p.sqlite")
    dated = _dated(store, DATED)
    undated = _undated(store, "Marchers carrying lanterns filled Quillon Plaza for the Lantern Keys march,"
                              " organizers said.")
    assert undated == dated
    assert not tells_edition("Marchers carrying lanterns filled Quillon Plaza for the Lantern Keys march.")
    # a series word in a sentence that tells no action is no edition ("weekly wages")
    assert not tells_edition("Weekly wages for nurses fell, the union leader said. Marchers filled the plaza.")
    store.close()


def test_names_found_are_the_actions_only() -> None:
    """Page furniture, chants, signs, organisations and institutions give no name; a naming cue does."""
    assert text_action_names("Follow #BrindleCourier and #BreakingNews for updates on the march.") == frozenset()
    assert text_action_names("Students chanted \u201cOpen The Gates\u201d at the rally.") == frozenset()
    assert text_action_names("Members of Harlow Nurses United protest outside the hall.") == frozenset()
    assert text_action_names("The Marlow State University protest ended at noon.") == frozenset()
    assert "tide turns" in text_action_names("Tenants rallied in a protest billed as \u201cTide Turns\u201d.")
    assert "tide turns" in text_action_names("Hundreds gathered for one of the \u201cTide Turns\u201d events.")
    assert not names_meet({"lantern keys"}, {"lantern keys our parks"})
