"""The store's recheck of undated joins when a dated report arrives (issue 10: the database must not
depend on the order of ingestion; review C3/C4 of session 16): it finds the undated sources whatever
the stored JSON's spelling, and it re-decides only the joins the new event could affect. Places,
groups and names are invented."""

from __future__ import annotations

import json
from pathlib import Path

from protestdb.models import Article, EventMention
from protestdb.store import open_store

A = "Hundreds gathered at Quillon Plaza on Saturday for the Lantern Keys march, calling for rent limits in Riverton."
B = "Dozens returned to Quillon Plaza on Saturday for a Lantern Keys march over rent in Riverton."
U = "Marchers carrying lanterns filled Quillon Plaza for the Lantern Keys march, organizers said."


def _dated(store, text: str, day: str, location: str = "Quillon Plaza", types: tuple[str, ...] = ("march",)) -> str:
    m = EventMention(locality="Riverton", state="OR", country="US", date=day, location=location,
                     event_type=list(types), issues=["other"])
    (eid,) = store.add_mentions(Article.make(text, published=day), [m])
    return eid


def _undated(store, text: str, location: str = "Quillon Plaza") -> str:
    m = EventMention(locality="Riverton", state="OR", country="US", date=None, date_precision="unknown",
                     location=location, event_type=["march"], issues=["other"])
    (eid,) = store.add_mentions(Article.make(text), [m])
    return eid


def test_the_recheck_finds_undated_sources_whatever_the_json_spelling(tmp_path: Path) -> None:
    """The same stored JSON with sorted keys and other spacing (a migration or an import): another
    Saturday's edition still takes the undated report out of the first, into the review queue."""
    store = open_store(tmp_path / "r.sqlite")
    a = _dated(store, A, "2025-10-04")
    assert _undated(store, U) == a
    for rid, men, why in store.conn.execute("SELECT rowid, mention, why FROM event_sources").fetchall():
        store.conn.execute("UPDATE event_sources SET mention = ?, why = ? WHERE rowid = ?",
                           (json.dumps(json.loads(men), sort_keys=True),
                            json.dumps(json.loads(why), sort_keys=True, separators=(",", ":")), rid))
    store.conn.commit()
    _dated(store, B, "2025-10-11")
    assert len(store.get_event(a).sources) == 1
    assert store.review_flags(kind="uncertain_match")
    store.close()


def _counting(store) -> list[int]:
    calls = [0]
    orig = store.resolver.decide

    def decide(*args, **kw):
        calls[0] += 1
        return orig(*args, **kw)

    decide.reads_texts = True  # type: ignore[attr-defined]
    store.resolver.decide = decide
    return calls


def test_an_unrelated_dated_report_re_decides_no_undated_join(tmp_path: Path) -> None:
    """Many named marches of one city, each with an undated report joined; a vigil at another venue
    is decided once (its own mention), not once per undated join of the city; the next edition of one
    named march re-decides that join."""
    store = open_store(tmp_path / "c.sqlite")
    n = 8
    for i in range(n):
        day, venue = f"2025-03-{1 + 2 * i:02d}", f"Venue{i} Hall"
        ev = _dated(store, f"Crowds met at {venue} on Saturday for the Action{i} Keys march in Riverton.", day, venue)
        assert _undated(store, f"Marchers filled {venue} for the Action{i} Keys march, organizers said.", venue) == ev
    calls = _counting(store)
    _dated(store, "People gathered at Other Hall on Saturday for a vigil in Riverton.", "2025-03-20", "Other Hall",
           ("vigil",))
    assert calls[0] == 1
    calls[0] = 0
    _dated(store, "Crowds returned to Venue3 Hall on Saturday for the Action3 Keys march in Riverton.", "2025-03-22",
           "Venue3 Hall")
    assert 1 < calls[0] <= 3
    print(f"decide calls: unrelated vigil 1, next edition {calls[0]} (undated joins in the city: {n})")
    store.close()
