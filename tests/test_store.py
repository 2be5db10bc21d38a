"""The SQLite store: migrations, idempotent ingest, transactions, queries, FTS, threads."""

from __future__ import annotations

import sqlite3
import threading
from pathlib import Path

import pytest

from protestdb.models import Article
from protestdb.store import Store, StoreError, open_store
from test_pipeline_fakes import fake_extractor

TEXT_A = (
    "Nurses rallied in Springfield, IL at City Hall on 2024-05-07 (about 300 people). "
    "Teachers marched in Riverton, WY on 2024-05-08. The union promised more actions over pay."
)
TEXT_B = "Tenants picketed in Springfield, IL at City Hall on 2024-05-07 (about 120 people). Landlords declined comment."


def _ingest(store: Store, text: str, **meta):
    art = Article.make(text, **meta)
    return art, store.ingest(art, fake_extractor(text).events)


@pytest.fixture
def store(tmp_path: Path) -> Store:
    s = open_store(tmp_path / "db.sqlite")
    yield s
    s.close()


def test_open_creates_schema_wal_and_migrations(tmp_path: Path) -> None:
    s = open_store(f"sqlite:///{tmp_path}/x.sqlite")
    assert s.schema_version() >= 1
    assert s.conn.execute("PRAGMA journal_mode").fetchone()[0].lower() == "wal"
    assert s.conn.execute("PRAGMA foreign_keys").fetchone()[0] == 1
    s.close()
    s2 = open_store(tmp_path / "x.sqlite")  # reopening does not re-run migrations
    n = s2.conn.execute("SELECT COUNT(*) FROM schema_migrations").fetchone()[0]
    assert n == s2.schema_version()
    s2.close()


def test_postgres_and_unknown_urls_refused() -> None:
    with pytest.raises(StoreError, match="not supported yet"):
        open_store("postgresql://u@localhost/db")
    with pytest.raises(StoreError):
        open_store("mysql://x/y")


def test_add_article_is_idempotent(store: Store) -> None:
    art = Article.make("Some article text about a rally.", title="A title", url="https://n.example/1")
    assert store.add_article(art) == (art.id, True)
    assert store.add_article(art) == (art.id, False)
    got = store.get_article(art.id)
    assert got is not None and got.text == art.text and got.url == "https://n.example/1"
    assert store.has_article(art.id) and not store.has_article("nope")
    assert store.get_article("nope") is None


def test_ingest_creates_events_with_sources_and_evidence(store: Store) -> None:
    art, res = _ingest(store, TEXT_A, url="https://n.example/a", outlet="News")
    assert res.is_new and len(res.created) == 2 and res.updated == []
    ev = store.get_event(res.event_ids[0])
    assert ev is not None
    assert (ev.locality, ev.state, ev.date, ev.event_type) == ("Springfield", "IL", "2024-05-07", ["rally"])
    assert [s.url for s in ev.sources] == ["https://n.example/a"]
    for spans in ev.evidence.values():
        for s in spans:
            assert s.article_id == art.id and art.text[s.start : s.end] == s.quote
    assert [a.id for a in store.event_articles(ev.id)] == [art.id]
    c = store.counts()
    assert (c["articles"], c["events"], c["sources"], c["states"]) == (1, 2, 2, 2)
    assert c["by_type"] == {"march": 1, "rally": 1}


def test_ingest_twice_changes_nothing(store: Store) -> None:
    _, r1 = _ingest(store, TEXT_A)
    before = store.counts()
    _, r2 = _ingest(store, TEXT_A)
    assert not r2.is_new and r2.event_ids == r1.event_ids and r2.created == []
    assert store.counts() == before
    # add_mentions for an already linked article returns the same ids and adds nothing
    art = Article.make(TEXT_A)
    assert store.add_mentions(art, fake_extractor(TEXT_A).events) == r1.event_ids
    assert store.counts() == before


def test_second_article_merges_into_same_event(store: Store) -> None:
    _, r1 = _ingest(store, TEXT_A, url="https://n.example/a")
    # same date, place and venue but a different type: no overlap -> new event
    _, r2 = _ingest(store, TEXT_B, url="https://n.example/b")
    assert r2.created and not r2.updated
    text_c = "Nurses rallied in Springfield, IL at Springfield City Hall on 2024-05-07 (about 500 people)."
    _, r3 = _ingest(store, text_c, url="https://n.example/c")
    assert r3.updated == [r1.event_ids[0]] and r3.created == []
    ev = store.get_event(r1.event_ids[0])
    assert ev is not None
    assert [s.url for s in ev.sources] == ["https://n.example/a", "https://n.example/c"]
    assert ev.size_text == "300; 500" and ev.size_low == 300
    assert {s.article_id for s in ev.evidence["locality"]} == {ev.sources[0].article_id, ev.sources[1].article_id}


def test_crash_inside_transaction_leaves_nothing(store: Store, monkeypatch: pytest.MonkeyPatch) -> None:
    art = Article.make(TEXT_A)
    mentions = fake_extractor(TEXT_A).events
    calls = {"n": 0}
    real = store._write_event

    def boom(c, ev, is_new):  # fail on the second event, after the article and first event were written
        calls["n"] += 1
        if calls["n"] == 2:
            raise RuntimeError("disk on fire")
        return real(c, ev, is_new)

    monkeypatch.setattr(store, "_write_event", boom)
    with pytest.raises(RuntimeError):
        store.ingest(art, mentions)
    assert store.counts()["articles"] == 0 and store.counts()["events"] == 0
    assert store.conn.execute("SELECT COUNT(*) FROM events_fts").fetchone()[0] == 0
    monkeypatch.setattr(store, "_write_event", real)
    res = store.ingest(art, mentions)
    assert res.is_new and len(res.created) == 2 and store.counts()["events"] == 2


def test_query_filters_and_fts(store: Store) -> None:
    _ingest(store, TEXT_A)
    _ingest(store, TEXT_B)
    assert len(store.query_events()) == 3
    assert [e.date for e in store.query_events()] == sorted(e.date for e in store.query_events())
    assert {e.locality for e in store.query_events(state="wy")} == {"Riverton"}
    assert len(store.query_events(since="2024-05-08")) == 1
    assert len(store.query_events(until="2024-05-07")) == 2
    assert [e.event_type for e in store.query_events(type="picket")] == [["picket"]]
    assert len(store.query_events(locality="springfield")) == 2
    assert [e.event_type for e in store.query_events(q="picket")] == [["picket"]]  # event field
    assert store.query_events(q="landlords") == []  # article text only: never a search key (privacy)
    assert len(store.query_events(q='Springfield" ((')) == 2  # user text never breaks FTS
    assert len(store.query_events(limit=2)) == 2 and len(store.query_events(limit=2, offset=2)) == 1
    assert store.query_events(issue="labor") == []


def test_foreign_keys_enforced(store: Store) -> None:
    with pytest.raises(sqlite3.IntegrityError):
        store.conn.execute(
            "INSERT INTO event_sources(event_id, article_id, mention_index, mention, added_at)"
            " VALUES ('missing', 'missing', 0, '{}', 'now')"
        )


def test_threads_can_share_the_store(store: Store) -> None:
    texts = [f"Workers rallied in Town{chr(97 + i)} on 2024-06-0{1 + i % 9}." for i in range(12)]
    texts = [t.replace("Town", "Towne") for t in texts]
    errors: list[BaseException] = []

    def work(t: str) -> None:
        try:
            art = Article.make(t)
            store.ingest(art, fake_extractor(t).events)
            store.query_events(q="workers")
            store.counts()
        except BaseException as exc:  # noqa: BLE001
            errors.append(exc)

    threads = [threading.Thread(target=work, args=(t,)) for t in texts]
    for th in threads:
        th.start()
    for th in threads:
        th.join()
    assert errors == []
    assert store.counts()["articles"] == 12
