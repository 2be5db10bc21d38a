"""An undated report on a DATED page (issue 10): its page's publication day bounds its action (on or
before that day, at most a week before), and the action's name told by a page of the action's day (or
the next) is identity evidence of its own -- in whichever order the pages arrive. Each join has
look-alikes that must stay apart. Places, groups and names are invented."""

from __future__ import annotations

from pathlib import Path

import pytest

from protestdb.models import Article, EventMention
from protestdb.resolve.merge import MatchKey, explain, page_window
from protestdb.store import open_store

DATED = "Thousands walked down Ferrow Avenue on Saturday in the Cedar Bell March for clean rivers in Marlowe Falls."
UNDATED = "Crowds with paper bells joined the Cedar Bell March through Marlowe Falls, calling for clean rivers."


def _dated(store, day: str, text: str = DATED, place: str = "Marlowe Falls", **fields) -> str:
    base = {"locality": place, "state": "WA", "country": "US", "date": day, "title": "Cedar Bell March",
            "event_type": ["march"], "issues": ["environment"]}
    (eid,) = store.add_mentions(Article.make(text, published=day), [EventMention(**{**base, **fields})])
    return eid


def _undated(store, published: str | None, text: str = UNDATED, place: str = "Marlowe Falls", **fields) -> str:
    """An undated report (no date words) on a page published ``published`` (None: no publication date)."""
    base = {"locality": place, "state": "WA", "country": "US", "date": None, "date_precision": "unknown",
            "title": "Cedar Bell March", "event_type": ["march"], "issues": ["environment"]}
    (eid,) = store.add_mentions(Article.make(text, published=published), [EventMention(**{**base, **fields})])
    return eid


@pytest.mark.parametrize("pub", ["2025-05-10", "2025-05-11"])
def test_the_named_action_on_a_page_of_its_day_joins_in_either_order(tmp_path: Path, pub: str) -> None:
    """The page of the march's day (or the next) names the march: one event, whichever page came first."""
    first = open_store(tmp_path / "a.sqlite")
    ev = _dated(first, "2025-05-10")
    assert _undated(first, pub) == ev
    first.close()
    second = open_store(tmp_path / "b.sqlite")
    u = _undated(second, pub)
    ev = _dated(second, "2025-05-10")
    assert second.get_event(ev) is not None and len(second.get_event(ev).sources) == 2
    assert second.get_event(u) is None or second.get_event(u).id == ev  # redirected into the dated event
    second.close()


@pytest.mark.parametrize("reverse", [False, True])
@pytest.mark.parametrize("day, pub", [
    ("2025-05-03", "2025-05-10"),  # the same march a week before the page: last week's edition
    ("2025-05-10", "2025-05-09"),  # a page published before the march: it cannot report it
    ("2025-05-01", "2025-05-10"),  # more than a week before the page
])
def test_the_same_named_action_of_another_week_stays_apart(tmp_path: Path, day: str, pub: str, reverse: bool) -> None:
    store = open_store(tmp_path / "w.sqlite")
    if reverse:
        u = _undated(store, pub)
        ev = _dated(store, day)
    else:
        ev = _dated(store, day)
        u = _undated(store, pub)
    assert u != ev and len(store.get_event(ev).sources) == 1
    store.close()


def test_the_same_campaign_in_another_city_the_same_day_stays_apart(tmp_path: Path) -> None:
    store = open_store(tmp_path / "c.sqlite")
    ev = _dated(store, "2025-05-10", place="Dunmore")
    assert _undated(store, "2025-05-10") != ev
    store.close()


def test_a_counter_protest_on_the_day_stays_apart(tmp_path: Path) -> None:
    store = open_store(tmp_path / "p.sqlite")
    ev = _dated(store, "2025-05-10")
    assert _undated(store, "2025-05-10", event_type=["counter-protest"]) != ev
    store.close()


def test_two_days_of_the_named_action_in_the_window_join_neither(tmp_path: Path) -> None:
    """The march on Friday and on Saturday: a page of Saturday naming it could tell either."""
    store = open_store(tmp_path / "t.sqlite")
    fri = _dated(store, "2025-05-09", text="Hundreds opened the Cedar Bell March on Friday in Marlowe Falls.")
    sat = _dated(store, "2025-05-10")
    u = _undated(store, "2025-05-10")
    assert u not in (fri, sat)
    store.close()


def test_the_same_group_without_the_action_name_stays_apart(tmp_path: Path) -> None:
    """The same organizer, a page of the day, no action name: the group acts often (another action of
    its week), so the page's day is no identity without the action's name."""
    store = open_store(tmp_path / "g.sqlite")
    ev = _dated(store, "2025-05-10", title=None, organizations=["Harbor Tenants League"])
    assert _undated(store, "2025-05-10", title=None, organizations=["Harbor Tenants League"]) != ev
    store.close()


def test_a_page_without_a_publication_date_needs_more_than_the_name(tmp_path: Path) -> None:
    store = open_store(tmp_path / "n.sqlite")
    ev = _dated(store, "2025-05-10")
    assert _undated(store, None) != ev
    store.close()


def test_page_window_bounds_the_dated_side() -> None:
    dated = MatchKey(EventMention(locality="Marlowe Falls", date="2025-05-10", event_type=["march"]))
    undated = MatchKey(EventMention(locality="Marlowe Falls", event_type=["march"]))
    assert page_window(undated, dated) is None  # no publication day known: no bound
    undated.pub_first = undated.pub_last = dated.day
    assert page_window(undated, dated) is None
    undated.pub_first = undated.pub_last = dated.day - 1  # type: ignore[operator]
    assert "after" in str(page_window(undated, dated))
    assert explain(dated, undated)["reject"].startswith("another day")


@pytest.mark.parametrize("reverse", [False, True])
@pytest.mark.parametrize("day, joins", [("2025-05-06", True), ("2025-05-17", False), ("2025-04-28", False)])
def test_strong_evidence_joins_only_inside_the_page_window(tmp_path: Path, day: str, joins: bool, reverse: bool) -> None:
    """The action's name and its organizer: enough for an undated report, but only for an action of its
    page's week -- not one after the page was published (the group's next march), nor one of ten days
    before (an earlier march of the campaign)."""
    store = open_store(tmp_path / "s.sqlite")
    org = {"organizations": ["Harbor Tenants League"]}
    if reverse:
        u = _undated(store, "2025-05-10", **org)
        ev = _dated(store, day, **org)
    else:
        ev = _dated(store, day, **org)
        u = _undated(store, "2025-05-10", **org)
    assert (len(store.get_event(ev).sources) == 2) is joins
    if not joins:
        assert u != ev
    store.close()
