"""The change feed: create / update / merge / delete of events, with timestamps."""

from __future__ import annotations

import json
import time
from datetime import UTC, datetime
from pathlib import Path

from click.testing import CliRunner

from protestdb.cli import main
from protestdb.models import Article, EventMention
from protestdb.resolve.review import merge_events
from protestdb.store import open_store


def _m(**kw) -> EventMention:
    base = {"date": "2025-08-02", "locality": "Boise", "state": "ID", "country": "US", "event_type": ["march"]}
    base.update(kw)
    return EventMention(**base)


def test_feed_records_create_update_merge(tmp_path: Path) -> None:
    store = open_store(tmp_path / "c.sqlite")
    t0 = datetime.now(UTC)
    a = store.ingest(Article.make("Marchers crossed Boise on Saturday."), [_m()]).event_ids[0]
    store.ingest(Article.make("A Boise march on Saturday drew a crowd."), [_m()])  # merges: update
    b = store.ingest(Article.make("Nampa saw a march Saturday."), [_m(locality="Nampa")]).event_ids[0]
    time.sleep(0.01)
    t1 = datetime.now(UTC)
    time.sleep(0.01)
    merge_events(store, a, b, by="Eve")
    feed = store.changes(t0)
    ops = [(c["op"], c["event_id"]) for c in feed]
    assert ops[:3] == [("create", a), ("update", a), ("create", b)]
    assert ("merge", b) in ops and ops[-1] == ("update", a)
    assert next(c for c in feed if c["op"] == "merge")["detail"] == {"into": a}
    assert [c["seq"] for c in feed] == sorted(c["seq"] for c in feed)
    later = store.changes(t1)
    assert {c["op"] for c in later} == {"merge", "update"}  # only what happened after t1
    assert store.changes(datetime(2999, 1, 1)) == []
    assert all(datetime.fromisoformat(c["at"]) >= t0.replace(microsecond=0) for c in feed)
    # delete (cascade of a removed row) is recorded too
    store.conn.execute("DELETE FROM events WHERE id = ?", (a,))
    assert store.changes(t1)[-1]["op"] == "delete"
    store.close()


def test_changes_cli(tmp_path: Path) -> None:
    db = tmp_path / "cli.sqlite"
    s = open_store(db)
    s.ingest(Article.make("Marchers crossed Boise on Saturday."), [_m()])
    s.close()
    r = CliRunner().invoke(main, ["--db", str(db), "changes", "--since", "2000-01-01"])
    assert r.exit_code == 0, r.output
    rows = [json.loads(x) for x in r.output.splitlines() if x.strip()]
    assert [x["op"] for x in rows] == ["create"]
    r = CliRunner().invoke(main, ["--db", str(db), "changes", "--since", "2999-01-01T00:00:00Z"])
    assert r.exit_code == 0 and r.output.strip() == ""
    r = CliRunner().invoke(main, ["--db", str(db), "changes", "--since", "last week"])
    assert r.exit_code != 0
