"""A bulk load (``Store.bulk_settings`` under ``resolve.blocking.bulk_load``) turns the insert
triggers of the derived tables off and fills their rows at the end: the rows must be the ones
the triggers write (``Store.ingest``), the triggers must come back, and a file whose load was
killed half-way must be refused rather than silently lose its search indexes."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from protestdb.models import Article, EventMention
from protestdb.resolve.blocking import bulk_add_articles, bulk_load, bulk_write, resolve_batch
from protestdb.store import Store, StoreError, open_store
from test_resolve_blocking import _articles

COORDS = {"Springfield": (39.8, -89.6), "Shelbyville": (39.4, -88.8)}


def _located(seed: int) -> list[tuple[Article, list[EventMention]]]:
    out = []
    for art, ms in _articles(seed):
        out.append((art, [m.model_copy(update=dict(zip(("lat", "lon"), COORDS.get(m.locality or "", (None, None)),
                                                       strict=True))) for m in ms]))
    return out


def _triggers(s: Store) -> list[tuple[str, str]]:
    return sorted(tuple(r) for r in s.conn.execute("SELECT name, sql FROM sqlite_master WHERE type = 'trigger'"))


def _derived(s: Store) -> dict[str, list[tuple]]:
    q = {
        "search": "SELECT e.id, x.title, x.locality, x.state, x.location, x.county, x.event_type, x.organizations,"
                  " x.participants, x.notables, x.targets, x.claims, x.issues, x.size_text"
                  " FROM events_search x JOIN events e ON e.rowid = x.rowid",
        "search_hits": "SELECT e.id FROM events_search JOIN events e ON e.rowid = events_search.rowid"
                       " WHERE events_search MATCH 'springfield'",
        "facets": "SELECT event_id, kind, value, label FROM event_facets",
        "boxes": "SELECT e.id, r.min_lat, r.max_lat, r.min_lon, r.max_lon FROM events_rtree r JOIN events e"
                 " ON e.rowid = r.id",
        "quotes": "SELECT v.event_id, v.field, v.article_id, v.start, v.\"end\", q.quote FROM evidence_search q"
                  " JOIN evidence v ON v.id = q.rowid",
        "quote_hits": "SELECT v.event_id, v.field FROM evidence_search q JOIN evidence v ON v.id = q.rowid"
                      " WHERE evidence_search MATCH 'organizations'",
        "created": "SELECT event_id FROM event_changes WHERE op = 'create'",
    }
    return {k: sorted(tuple(r) for r in s.conn.execute(sql)) for k, sql in q.items()}


def test_bulk_load_writes_the_rows_the_triggers_write(tmp_path: Path) -> None:
    arts = _located(5)
    one = open_store(tmp_path / "one.sqlite")
    for art, ms in arts:
        one.ingest(art, ms)
    bulk = open_store(tmp_path / "bulk.sqlite")
    triggers = _triggers(bulk)
    with bulk_load(bulk):
        bulk_add_articles(bulk, [a for a, _ in arts])
        bulk_write(bulk, resolve_batch([m for _, ms in arts for m in ms]), batch=9)
        # off during the load: nothing derived is written row by row
        assert bulk.conn.execute("SELECT COUNT(*) FROM evidence_search").fetchone()[0] == 0
    assert _triggers(bulk) == triggers
    want, got = _derived(one), _derived(bulk)
    assert all(want[k] for k in want)  # every derived table has rows to compare
    assert got == want
    # the triggers are back: a later article's event is indexed as it is written
    art = Article.make("Made-up: a vigil in Quillport.")
    m = EventMention(date="2025-06-01", locality="Quillport", state="IL", event_type=["vigil"], lat=40.0, lon=-88.0)
    m.add_evidence("locality", 17, 26, "Quillport")
    eid = bulk.ingest(art, [m]).event_ids[0]
    assert [e.id for e in bulk.query_events(q="Quillport")] == [eid]
    assert bulk.conn.execute("SELECT COUNT(*) FROM evidence_search WHERE evidence_search MATCH 'quillport'"
                             ).fetchone()[0] == 1
    assert bulk.conn.execute("SELECT COUNT(*) FROM events_rtree r JOIN events e ON e.rowid = r.id WHERE e.id = ?",
                             (eid,)).fetchone()[0] == 1
    one.close()
    bulk.close()


def test_triggers_come_back_after_an_error_in_the_load(tmp_path: Path) -> None:
    arts = _located(6)
    store = open_store(tmp_path / "s.sqlite")
    with pytest.raises(RuntimeError, match="made-up failure"), bulk_load(store):
        bulk_add_articles(store, [a for a, _ in arts])
        bulk_write(store, resolve_batch([m for _, ms in arts for m in ms]))
        raise RuntimeError("made-up failure")
    store.close()
    again = open_store(tmp_path / "s.sqlite")  # opens: nothing is missing
    n = again.counts()["events"]
    assert n > 0
    assert again.conn.execute("SELECT COUNT(*) FROM events_search").fetchone()[0] == n
    again.close()


def test_a_killed_bulk_load_is_refused_on_open(tmp_path: Path) -> None:
    path = tmp_path / "s.sqlite"
    open_store(path).close()
    kill = (  # the process dies inside the load: the triggers never come back
        "import os, sys\n"
        "from protestdb.store import open_store\n"
        "s = open_store(sys.argv[1])\n"
        "load = s.bulk_settings()\n"
        "load.__enter__()\n"
        "os._exit(3)\n"
    )
    done = subprocess.run([sys.executable, "-c", kill, str(path)], env=os.environ.copy(), timeout=120)
    assert done.returncode == 3
    with pytest.raises(StoreError, match="bulk load was interrupted.*delete the file"):
        open_store(path)
    # the file itself still opens in SQLite: only the store refuses it
    assert sqlite3.connect(path).execute("SELECT COUNT(*) FROM events").fetchone()[0] == 0
