"""The store fetches and writes, resolve decides: the injected resolver, and no SQL outside the store."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

import protestdb
from protestdb.models import Article, EventMention
from protestdb.resolve.resolver import MentionResolver
from protestdb.store import sqlite as store_sqlite
from protestdb.store.sqlite import Store, StoreError


class _Counting(MentionResolver):
    def __init__(self) -> None:
        self.decided: list[int] = []

    def decide(self, candidates, mention, ccc_ids):  # type: ignore[no-untyped-def]
        self.decided.append(len(candidates))
        return super().decide(candidates, mention, ccc_ids)


def _mention(**kw: object) -> EventMention:
    base = {"date": "2025-04-08", "locality": "Boston", "state": "MA", "event_type": ["rally"],
            "organizations": ["Mass Tenants United"]}
    base.update(kw)
    return EventMention(**base)


def test_a_given_resolver_makes_the_decisions() -> None:
    r = _Counting()
    with Store(":memory:", resolver=r) as st:
        a = st.ingest(Article.make("A rally in Boston by tenants."), [_mention()])
        b = st.ingest(Article.make("Tenants rallied in Boston on Tuesday."), [_mention()])
        assert r.decided == [0, 1]  # the second mention saw the first event as its candidate
        assert a.event_ids == b.event_ids and st.counts()["events"] == 1


def test_without_a_resolver_the_store_says_so(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(store_sqlite, "_default_resolver", None)
    with Store(":memory:") as st, pytest.raises(StoreError, match="no resolver"):
        st.ingest(Article.make("A rally in Boston."), [_mention()])


def test_no_sql_outside_the_store() -> None:
    """Only store/ (and geo/, which reads its own gazetteer file) runs SQL or reaches the store's privates."""
    root = Path(protestdb.__file__).parent
    bad = []
    pattern = re.compile(r"\.execute(many)?\(|\.conn\b|store\._[a-z]")
    for p in root.rglob("*.py"):
        rel = p.relative_to(root).as_posix()
        if rel.startswith(("store/", "geo/")):
            continue
        for i, line in enumerate(p.read_text(encoding="utf-8").splitlines(), 1):
            if pattern.search(line):
                bad.append(f"{rel}:{i}: {line.strip()}")
    assert bad == []
