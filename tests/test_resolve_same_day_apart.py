"""Reports of one place and day that name another report's action only as a time marker, as the action
they oppose, or as an edition of an annual action stay apart (never a false merge). A page's naming of an
action is no identity evidence unless the action is the mention's own. Places and names are invented."""

from __future__ import annotations

from pathlib import Path

import pytest

from protestdb.models import Article, EventMention
from protestdb.store import open_store

FIRST = "Thousands joined the Fair Fares march through central Dunmere on Tuesday."


def _report(store, text: str, **fields) -> str:
    base = {"locality": "Dunmere", "country": "KE", "date": "2026-03-10", "event_type": ["march"],
            "issues": ["other"]}
    (eid,) = store.add_mentions(Article.make(text, published="2026-03-10"), [EventMention(**{**base, **fields})])
    return eid


def _undated(store, text: str, words: str) -> str:
    m = EventMention(locality="Dunmere", country="KE", date=None, date_precision="unknown",
                     event_type=["demonstration"], issues=["other"])
    start = text.index(words)
    m.add_evidence("date_precision", start, start + len(words), words)
    (eid,) = store.add_mentions(Article.make(text), [m])
    return eid


@pytest.mark.parametrize("text", [
    "Hours before the Fair Fares march, taxi drivers staged a demonstration at the Dunmere bus station on"
    " Tuesday.",
    "After the Fair Fares march ended on Tuesday, a smaller group of demonstrators gathered outside Dunmere"
    " police headquarters to protest arrests.",
    "Police arrested 12 demonstrators in Dunmere on Tuesday night after clashes that followed the Fair Fares"
    " march.",
])
def test_a_name_as_a_time_marker_is_not_the_mentions_action(tmp_path: Path, text: str) -> None:
    store = open_store(tmp_path / "t.sqlite")
    first = _report(store, FIRST)
    second = _report(store, text, event_type=["demonstration"])
    assert second != first
    store.close()


def test_a_demonstration_opposing_the_named_march_stays_apart(tmp_path: Path) -> None:
    store = open_store(tmp_path / "c.sqlite")
    first = _report(store, "Hundreds joined the Family Values march in Dunmere on Tuesday.")
    second = _report(store, "Hundreds of demonstrators gathered on Tuesday in Dunmere to oppose the Family"
                     " Values march, waving rainbow flags.", event_type=["demonstration"])
    assert second != first
    store.close()


@pytest.mark.parametrize("text", [
    "Demonstrators filled Dunmere on March 10 as the Fair Fares march returned for its tenth year.",
    "Demonstrators filled Dunmere on March 10, marking ten years of the Fair Fares march.",
    "Demonstrators filled Dunmere on March 10 for the Fair Fares march, the biggest turnout since the march"
    " began.",
])
def test_an_undated_page_of_another_edition_stays_apart(tmp_path: Path, text: str) -> None:
    store = open_store(tmp_path / "e.sqlite")
    first = _report(store, FIRST)
    assert _undated(store, text, "March 10") != first
    store.close()


@pytest.mark.parametrize("text", [
    "Walkers crowded Dunmere for this year's Harbor Light march.",
    "The Harbor Light march was held for the third time in Dunmere.",
    "Walkers crowded Dunmere for the 2026 edition of the Harbor Light march.",
    "The Harbor Light march returned to Dunmere for its tenth year.",
    "Walkers crowded Dunmere, marking ten years of the Harbor Light march.",
    "Walkers crowded Dunmere for the Harbor Light march, the biggest turnout since the march began.",
])
def test_an_edition_word_tells_no_single_action(text: str) -> None:
    """An undated page that ties the action to its other editions tells any of them (decide._once)."""
    from protestdb.resolve.decide import _once

    assert not _once(text)
    assert _once("Walkers crowded Dunmere for the Harbor Light march.")
