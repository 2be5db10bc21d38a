"""The fast query paths of the store (migration 0005: full text keyed by rowid, R*Tree map
boxes, lean list rows) return exactly what a brute-force Python filter returns.

Correctness only (no timing): every path is forced on a small store by lowering the
thresholds that choose between "collect the matches" and "check each row on the walk".
"""

from __future__ import annotations

import random
import re

import pytest

from protestdb.models import Event
from protestdb.store import open_store
from protestdb.store import sqlite as store_sqlite

WORDS = ["tenants", "nurses", "teachers", "climate", "transit", "housing", "farmworkers", "library"]
STATES = ["CA", "OR", "WA", "NY", "TX"]


def _event(rng: random.Random, i: int) -> Event:
    located = rng.random() < 0.85
    return Event(
        id=f"ev_{i:04d}",
        date=f"2024-{rng.randrange(1, 13):02d}-{rng.randrange(1, 29):02d}",
        date_precision="day",
        state=rng.choice(STATES),
        locality=rng.choice(["Springfield", "Riverton", "Lakeside"]),
        lat=round(rng.uniform(30.0, 48.0), 5) if located else None,
        lon=round(rng.uniform(-124.0, -70.0), 5) if located else None,
        title=" ".join(rng.sample(WORDS, rng.randrange(0, 3))) or None,
        event_type=[rng.choice(["rally", "march", "vigil"])],
        organizations=[f"{rng.choice(WORDS).title()} Alliance"] if rng.random() < 0.4 else [],
        issues=[rng.choice(["labor", "environment", "housing"])],
        claims_summary=[f"more {rng.choice(WORDS)}"] if rng.random() < 0.3 else [],
        size_low=rng.choice([None, 10, 50, 200]),
        online=rng.random() < 0.1,
        property_damage=rng.choice([None, True, False]),
    )


def _tokens(e: Event) -> set[str]:
    text = " ".join(
        [e.title or "", e.macroevent or "", e.locality or "", e.state or "", e.location or "", e.county or ""]
        + e.event_type + e.organizations + e.participants + e.notables + e.targets
        + e.claims_summary + e.claims_verbatim + e.issues + [e.size_text or ""]
    )
    return set(re.findall(r"\w+", text.lower()))


@pytest.fixture()
def store_events(tmp_path):
    rng = random.Random(5)
    events = [_event(rng, i) for i in range(240)]
    store = open_store(str(tmp_path / "speed.sqlite"))
    with store.transaction() as c:
        for i, e in enumerate(events):
            store._write_event(c, e, is_new=True, origin="ccc" if i % 3 == 0 else "extract")
    yield store, {e.id: e for e in events}
    store.close()


def _all_pages(store, filters, limit=7, order="asc", lean=False):
    out, after = [], None
    for _ in range(1000):
        if lean:
            page, after = store.search_event_rows(filters, order=order, after=after, limit=limit)
            out += [d["id"] for d in page]
        else:
            page, after = store.search_events(filters, order=order, after=after, limit=limit)
            out += [e.id for e in page]
        if after is None:
            return out
    raise AssertionError("paging did not end")


def _expected(events, keep, order="asc"):
    ids = [e.id for e in events.values() if keep(e)]
    return sorted(ids, key=lambda i: (events[i].date, i), reverse=order == "desc")


#: (DRIVE_MATCH, DENSE_BOX): every match is "common" (membership test along the sort index,
#: dense boxes by lat/lon per row) / boxes as a set / everything collected and sorted
PATHS = [(0, 0), (0, 10_000), (10_000, 10_000)]


@pytest.mark.parametrize("paths", PATHS)
@pytest.mark.parametrize("query", ["tenants", "nurses climate", "alliance", "riverton housing", "farm*"])
def test_text_search_matches_brute_force(store_events, paths, query):
    store, events = store_events
    store.DRIVE_MATCH, store.DENSE_BOX = paths
    words = query.split()

    def keep(e: Event) -> bool:
        toks = _tokens(e)
        return all(any(t.startswith(w[:-1]) for t in toks) if w.endswith("*") else w in toks for w in words)

    want = _expected(events, keep)
    assert want, "the query should match something"
    assert _all_pages(store, {"q": query}) == want
    assert _all_pages(store, {"q": query}, lean=True) == want
    assert store.count_events({"q": query}) == len(want)
    desc = _expected(events, keep, order="desc")
    assert _all_pages(store, {"q": query, "state": ["CA", "OR"]}, order="desc") == [
        i for i in desc if events[i].state in ("CA", "OR")
    ]


@pytest.mark.parametrize("paths", PATHS)
@pytest.mark.parametrize("box", [(-124.0, 30.0, -100.0, 40.0), (-90.0, 35.5, -71.0, 47.9), (-80.0, 44.0, -79.0, 45.0)])
def test_bbox_matches_brute_force(store_events, paths, box):
    store, events = store_events
    store.DRIVE_MATCH, store.DENSE_BOX = paths
    w, s, e_, n = box

    def keep(e: Event) -> bool:
        return e.lat is not None and e.lon is not None and s <= e.lat <= n and w <= e.lon <= e_

    want = _expected(events, keep)
    assert _all_pages(store, {"bbox": box}) == want
    assert _all_pages(store, {"bbox": box, "type": "rally"}, lean=True) == [
        i for i in want if "rally" in events[i].event_type
    ]
    pts = store.event_points({"bbox": box})
    assert [p[0] for p in pts] == want
    assert store.stats({"bbox": box})["events"] == len(want)


def test_dense_box_walk_over_budget_is_redone_with_the_rtree(store_events, monkeypatch):
    """A dense box whose walk runs out of time is redone (same rows) with the R*Tree ids."""
    store, events = store_events
    store.DENSE_BOX, store.WALK_BUDGET, store.WALK_CHECK_EVERY = 0, -1.0, 10
    calls = []
    real = store._page_sql
    monkeypatch.setattr(store, "_page_sql", lambda *a, **k: calls.append(k.get("dense_walk", True)) or real(*a, **k))
    box = (-124.0, 30.0, -80.0, 45.0)
    want = _expected(events, lambda e: e.lat is not None and 30.0 <= e.lat <= 45.0 and -124.0 <= e.lon <= -80.0)
    assert _all_pages(store, {"bbox": box}, limit=50) == want
    assert calls[:2] == [True, False], "the row-by-row walk ran out of budget and was redone"
    store.WALK_BUDGET = 60.0
    calls.clear()
    assert _all_pages(store, {"bbox": box}, limit=50) == want
    assert False not in calls
    store.WALK_BUDGET = -1.0
    assert store.count_events({}) == len(events)  # no progress handler left behind


def test_bbox_edges_are_exact(store_events):
    """The R*Tree stores 32-bit boxes rounded outwards: a point just outside stays out."""
    store, events = store_events
    e = next(e for e in events.values() if e.lat is not None)
    tight = (e.lon - 1e-6, e.lat - 1e-6, e.lon + 1e-6, e.lat + 1e-6)
    assert e.id in _all_pages(store, {"bbox": tight})
    beside = (e.lon + 2e-6, e.lat - 1e-6, e.lon + 3e-5, e.lat + 1e-6)
    assert e.id not in _all_pages(store, {"bbox": beside})


def test_lean_rows_equal_model_dump(store_events):
    store, _ = store_events
    for filters in ({}, {"state": "CA"}, {"q": "teachers"}):
        rows, nxt = store.search_event_rows(filters, limit=25)
        events, nxt2 = store.search_events(filters, limit=25)
        assert nxt == nxt2
        origins = store.event_origins([e.id for e in events])
        want = [{**e.model_dump(mode="json", exclude={"evidence"}), "origin": origins[e.id]} for e in events]
        assert rows == want
        assert list(rows[0]) == list(want[0])  # same key order as the model's dump


def test_index_follows_updates_and_deletes(store_events):
    store, events = store_events
    e = events["ev_0001"]
    changed = e.model_copy(update={"title": "zeppelin parade", "lat": 10.0, "lon": 10.0})
    with store.transaction() as c:
        store._write_event(c, changed, is_new=False)
    assert _all_pages(store, {"q": "zeppelin"}) == ["ev_0001"]
    assert _all_pages(store, {"bbox": (9.0, 9.0, 11.0, 11.0)}) == ["ev_0001"]
    for word in (e.title or "").split():
        assert "ev_0001" not in _all_pages(store, {"q": word})
    with store.transaction() as c:
        c.execute("DELETE FROM events WHERE id = ?", ("ev_0001",))
    assert _all_pages(store, {"q": "zeppelin"}) == []
    assert _all_pages(store, {"bbox": (9.0, 9.0, 11.0, 11.0)}) == []
    n_search = store.conn.execute("SELECT COUNT(*) FROM events_search").fetchone()[0]
    n_rtree = store.conn.execute("SELECT COUNT(*) FROM events_rtree").fetchone()[0]
    assert n_search == len(events) - 1
    assert n_rtree == sum(1 for x in events.values() if x.lat is not None and x.id != "ev_0001")


def test_legacy_events_fts_view(store_events):
    """Code that still names events_fts: reads see event ids, writes are ignored (no error)."""
    store, events = store_events
    some = next(e for e in events.values() if e.title)
    rows = store.conn.execute("SELECT event_id, title FROM events_fts WHERE event_id = ?", (some.id,)).fetchall()
    assert [tuple(r) for r in rows] == [(some.id, some.title)]
    with store.transaction() as c:
        c.execute("INSERT INTO events_fts(event_id, title) VALUES (?, ?)", (some.id, "ignored words"))
        c.execute("DELETE FROM events_fts WHERE event_id = ?", (some.id,))
    assert store.conn.execute("SELECT COUNT(*) FROM events_fts").fetchone()[0] == len(events)
    assert _all_pages(store, {"q": "ignored"}) == []


def test_migration_indexes_existing_events(tmp_path, monkeypatch):
    """A v4 database (events written before 0005) is indexed when it is opened."""
    path = str(tmp_path / "old.sqlite")
    every = store_sqlite._migrations()
    monkeypatch.setattr(store_sqlite, "_migrations", lambda: [m for m in every if m[0] <= 4])
    rng = random.Random(9)
    events = [_event(rng, i) for i in range(60)]
    old = open_store(path)
    assert old.schema_version() == 4
    with old.transaction() as c:
        for i, e in enumerate(events):
            old._write_event(c, e, is_new=True, origin="ccc" if i % 2 else "extract")
    old.close()
    monkeypatch.setattr(store_sqlite, "_migrations", lambda: every)
    store = open_store(path)
    try:
        assert store.schema_version() >= 5
        by_id = {e.id: e for e in events}
        word = "teachers"
        want = _expected(by_id, lambda e: word in _tokens(e))
        assert want
        assert _all_pages(store, {"q": word}) == want
        located = _expected(by_id, lambda e: e.lat is not None)
        assert _all_pages(store, {"bbox": (-180.0, -90.0, 180.0, 90.0)}) == located
        assert store.conn.execute("SELECT COUNT(*) FROM events_rtree").fetchone()[0] == len(located)
    finally:
        store.close()


def _store_with_sources(path):
    from datetime import date, datetime

    from protestdb.models import Article, EventMention

    store = open_store(str(path))
    texts = [
        "Nurses rallied outside Riverton General on Monday for safer staffing.",
        "About 200 nurses joined the Riverton rally, the union said on Tuesday.",
        "Teachers marched through Lakeside on Friday to demand smaller classes.",
    ]
    for i, text in enumerate(texts):
        art = Article.make(
            text,
            url=f"https://news.example/{i}",
            outlet="Example News",
            published=date(2024, 3, 4 + i),
            retrieved=datetime(2024, 3, 5 + i, 12, 30),
        )
        where = "Lakeside" if i == 2 else "Riverton"
        m = EventMention(
            date="2024-03-04", date_precision="day", locality=where, state="OR", lat=44.0 + i, lon=-123.0,
            event_type=["march" if i == 2 else "rally"], title=text.split(" on ")[0],
            organizations=["Riverton Nurses Union"] if i < 2 else [], size_low=200 if i == 1 else None,
        )
        store.ingest(art, [m])
    return store


def test_lean_rows_carry_the_sources(tmp_path):
    store = _store_with_sources(tmp_path / "src.sqlite")
    try:
        rows, _ = store.search_event_rows({}, limit=10)
        events, _ = store.search_events({}, limit=10)
        assert any(len(d["sources"]) == 2 for d in rows), "the two Riverton reports are one event"
        origins = store.event_origins([e.id for e in events])
        assert rows == [{**e.model_dump(mode="json", exclude={"evidence"}), "origin": origins[e.id]} for e in events]
    finally:
        store.close()


def test_api_list_is_the_lean_rows_and_keeps_security_headers(tmp_path):
    from fastapi.testclient import TestClient

    from protestdb.web import create_app

    path = tmp_path / "api.sqlite"
    store = _store_with_sources(path)
    want = [
        {**e.model_dump(mode="json", exclude={"evidence"}), "origin": "extract"}
        for e in store.search_events({"q": "nurses"}, limit=10)[0]
    ]
    store.close()
    assert want
    with TestClient(create_app(str(path))) as c:
        r = c.get("/api/events", params={"q": "nurses", "limit": 10})
        assert r.status_code == 200
        assert r.json()["events"] == want
        assert r.headers["x-content-type-options"] == "nosniff"
        assert r.headers["referrer-policy"] == "no-referrer"
        assert "content-security-policy" not in r.headers
        page = c.get("/")
        assert "script-src 'self'" in page.headers["content-security-policy"]
