"""A bare report (one source naming nothing specific) stored before the reports of its action joins the
event when a later report makes that event one it would have joined -- the grouping must not depend
on the order of ingestion (issue 10). Look-alikes stay apart in every order: a bare report of the next
week, of another town, a counter-protest, and a bare report of a day with two actions at the place.
Places, groups and words are invented."""

from __future__ import annotations

from itertools import permutations
from pathlib import Path

import pytest

from protestdb.models import Article, EventMention
from protestdb.store import open_store

DAY = "2026-04-17"
BASE = {"locality": "Harwick", "state": "OH", "country": "US", "date": DAY, "issues": ["labor"]}

PAGES = {
    # a bare report: the plant's workers struck, nothing specific named
    "bare": ("Workers walked off the job in Harwick on Friday as the strike began.", {"event_type": ["strike"]}),
    # the union's picket at its hall: no strike word, so the bare strike report cannot take it
    "picket": ("Members of the Glass Makers Guild Local 31 picketed outside Tarrow Hall in Harwick on Friday.",
               {"event_type": ["picket"], "organizations": ["Glass Makers Guild Local 31"],
                "location": "Tarrow Hall"}),
    # the full report: the union's strike and picket
    "full": ("The Glass Makers Guild Local 31 struck and picketed in Harwick on Friday, about 200 workers.",
             {"event_type": ["strike", "picket"], "organizations": ["Glass Makers Guild Local 31"],
              "size_low": 200, "size_high": 200}),
}


def _add(store, name: str, day: str = DAY, **over) -> str:
    text, fields = PAGES[name]
    (eid,) = store.add_mentions(Article.make(text + f" ({name} {day} {sorted(over)})", published=day),
                                [EventMention(**{**BASE, **fields, "date": day, **over})])
    return store.get_event(eid).id  # type: ignore[union-attr]


def _groups(store) -> set[frozenset[str]]:
    out: dict[str, set[str]] = {}
    for (eid,) in store.conn.execute("SELECT id FROM events").fetchall():
        ev = store.get_event(eid)
        out[ev.id] = {s.article_id for s in ev.sources}
    return {frozenset(v) for v in out.values()}


@pytest.mark.parametrize("order", list(permutations(["bare", "picket", "full"])))
def test_the_bare_report_joins_in_every_order(tmp_path: Path, order: tuple[str, ...]) -> None:
    """Whatever the order, the bare strike report, the union's picket and the full report are one event."""
    store = open_store(tmp_path / "o.sqlite")
    ids = {name: _add(store, name) for name in order}
    assert len({store.get_event(i).id for i in ids.values()}) == 1  # type: ignore[union-attr]
    store.close()


def test_look_alikes_stay_apart_in_every_order(tmp_path: Path) -> None:
    """A bare strike report of the next day or week, one of another town, and a bare counter-protest stay
    apart from the union's event whatever the order."""
    for k, order in enumerate(permutations(["next", "week", "town", "counter", "picket", "full"])):
        if k % 37:  # a spread of the 720 orders
            continue
        store = open_store(tmp_path / f"l{k}.sqlite")
        ids = {}
        for name in order:
            if name == "week":
                ids[name] = _add(store, "bare", day="2026-04-24")
            elif name == "next":
                ids[name] = _add(store, "bare", day="2026-04-18")
            elif name == "town":
                ids[name] = _add(store, "bare", locality="Brenmoor")
            elif name == "counter":
                ids[name] = _add(store, "bare", event_type=["counter-protest"])
            else:
                ids[name] = _add(store, name)
        union = store.get_event(ids["full"]).id  # type: ignore[union-attr]
        assert store.get_event(ids["picket"]).id == union  # type: ignore[union-attr]
        for other in ("next", "week", "town", "counter"):
            assert store.get_event(ids[other]).id != union, (order, other)  # type: ignore[union-attr]
        store.close()


@pytest.mark.parametrize("order", [("bare", "picket", "other", "full"), ("picket", "other", "full", "bare"),
                                   ("bare", "other", "picket", "full"), ("other", "bare", "picket", "full")])
def test_a_bare_report_of_a_day_with_two_strikes_at_the_place_is_not_taken_late(tmp_path: Path,
                                                                                 order: tuple[str, ...]) -> None:
    """Look-alike: a second union strikes in Harwick that day. When the full report makes the first union's
    event grow, the bare strike report stored before is offered again with both strikes among its
    candidates: it fits both equally and is not taken late into the first union's event."""
    store = open_store(tmp_path / "two.sqlite")
    ids = {}
    for name in order:
        if name == "other":
            ids[name] = store.add_mentions(
                Article.make("The Harwick Bus Drivers Union struck at the Colm Street depot in Harwick on Friday.",
                             published=DAY),
                [EventMention(**{**BASE, "event_type": ["strike"], "organizations": ["Harwick Bus Drivers Union"],
                                 "location": "Colm Street depot"})])[0]
        else:
            ids[name] = _add(store, name)
    full = store.get_event(ids["full"]).id  # type: ignore[union-attr]
    assert store.get_event(ids["other"]).id != full  # type: ignore[union-attr]
    assert store.get_event(ids["bare"]).id != full  # type: ignore[union-attr]
    store.close()
