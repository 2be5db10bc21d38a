"""Two roundups of one day of action (issue 10): pages that each tell the day's actions in several
places, naming nothing specific about each. When both pages report another place on the same day,
their reports at one place that day are one action ("co-reported"); each look-alike stays apart:
the same place a week later, another kind of action there that day, a counter-protest, the same
campaign in another town, and a page that reports only the one place. Places and pages are invented."""

from __future__ import annotations

from pathlib import Path

from protestdb.models import Article, EventMention
from protestdb.resolve.merge import explain, match_key
from protestdb.store import open_store

DAY = "2025-04-12"  # a Saturday
BASE = {"state": "OR", "country": "US", "issues": ["democracy"]}


def _m(locality: str, types: list[str], day: str = DAY, **fields) -> EventMention:
    return EventMention(**{**BASE, "locality": locality, "date": day, "event_type": types, **fields})


def _roundup(store, text: str, *mentions: EventMention, published: str = "2025-04-13") -> list[str]:
    return store.add_mentions(Article.make(text, published=published), list(mentions))


def test_two_roundups_of_one_day_meet_at_each_place(tmp_path: Path) -> None:
    store = open_store(tmp_path / "r.sqlite")
    first = _roundup(store, "Crowds marched in Lakeport on Saturday; in Dunmore, people rallied downtown.",
                     _m("Lakeport", ["march"]), _m("Dunmore", ["rally"]))
    second = _roundup(store, "Saturday's protests: demonstrators in Lakeport; a rally in Dunmore.",
                      _m("Lakeport", ["demonstration"]), _m("Dunmore", ["rally"]))
    assert second == first
    parts = store.get_event(first[0]).sources  # two pages are the sources of the Lakeport action
    assert len(parts) == 2
    store.close()


def test_without_a_shared_other_place_the_thin_reports_stay_apart(tmp_path: Path) -> None:
    """The evidence is the other place: a page that tells only Lakeport, naming nothing specific,
    is left apart from the roundup's Lakeport march (the review queue has it)."""
    store = open_store(tmp_path / "s.sqlite")
    (lakeport, _) = _roundup(store, "Crowds marched in Lakeport on Saturday; in Dunmore, people rallied.",
                             _m("Lakeport", ["march"]), _m("Dunmore", ["rally"]))
    (alone,) = _roundup(store, "Demonstrators gathered in Lakeport on Saturday.", _m("Lakeport", ["demonstration"]))
    assert alone != lakeport
    # ... and a page telling Lakeport and a third town (not Dunmore) has no place in common either
    (other, _) = _roundup(store, "Saturday: demonstrators in Lakeport, a rally in Grafton.",
                          _m("Lakeport", ["demonstration"]), _m("Grafton", ["rally"]))
    assert other != lakeport
    store.close()


def test_roundup_look_alikes_stay_apart(tmp_path: Path) -> None:
    store = open_store(tmp_path / "l.sqlite")
    (lakeport, dunmore) = _roundup(store, "Crowds marched in Lakeport on Saturday; in Dunmore, people rallied.",
                                   _m("Lakeport", ["march"]), _m("Dunmore", ["rally"]))
    # the same two towns a week later: other days, other actions
    week = _roundup(store, "A week on, marchers returned to Lakeport and Dunmore.",
                    _m("Lakeport", ["march"], day="2025-04-19"), _m("Dunmore", ["rally"], day="2025-04-19"),
                    published="2025-04-20")
    assert lakeport not in week and dunmore not in week
    # the same day, another kind of action in Lakeport (a vigil), and a counter-protest there
    (vigil, _) = _roundup(store, "Saturday: a vigil in Lakeport; a rally in Dunmore.",
                          _m("Lakeport", ["vigil"]), _m("Dunmore", ["rally"]))
    assert vigil != lakeport
    (counter, _) = _roundup(store, "Saturday: counter-protesters in Lakeport; a rally in Dunmore.",
                            _m("Lakeport", ["counter-protest"]), _m("Dunmore", ["rally"]))
    assert counter not in (lakeport, vigil)
    # the same campaign in a third town that day is its own event
    (grafton, _) = _roundup(store, "Saturday: marchers in Grafton; a rally in Dunmore.",
                            _m("Grafton", ["march"]), _m("Dunmore", ["rally"]))
    assert grafton not in (lakeport, dunmore)
    store.close()


def test_a_coreported_pair_still_needs_agreeing_specifics() -> None:
    """Co-reported is one specific among others: two named groups that disagree, or two venues that
    differ, keep the two reports apart (scored on keys, as the store's decision does)."""
    march = match_key(_m("Lakeport", ["march"], organizations=["Lakeport Tenants Union"], location="Quillon Plaza"))
    other = match_key(_m("Lakeport", ["march"], organizations=["Harbor Growers League"], location="Mill Pond Park"))
    other.coreport = 1
    assert "reject" in explain(march, other)
    thin = match_key(_m("Lakeport", ["demonstration"]))
    assert "reject" in explain(march, thin)  # no shared specific without the co-report
    thin.coreport = 1
    parts = explain(march, thin)
    assert "co-reported" in parts["shared"] and "reject" not in parts
