"""An undated report of a weekly action joins no dated day of it when two days of that action fit it
equally (same venue, same group): whatever the order the three pages arrive in, it stays apart
(never a false merge). Places, groups and people are invented."""

from __future__ import annotations

from datetime import date
from itertools import permutations
from pathlib import Path

import pytest

from protestdb.extract import extract_text
from protestdb.models import Article
from protestdb.store import open_store

_DAY1 = ("About 150 neighbors rallied at Fennick Square in Riverton, Oregon, on Tuesday against the"
         " closure of the ferry, in a rally organized by the Marlowe Ferry Riders Guild.")
_DAY2 = ("Some 150 neighbors rallied again at Fennick Square in Riverton, Oregon, on Tuesday against"
         " the closure of the ferry, in a rally organized by the Marlowe Ferry Riders Guild.")
_UNDATED = ("About 150 neighbors gathered at Fennick Square in Riverton, Oregon, for a rally against the closure of the"
            " ferry organized by the Marlowe Ferry Riders Guild.\n\n"
            "One speaker told of a deckhand who has been out of work since May 3.")

PAGES: dict[str, tuple[str, str | None]] = {
    "day1": (_DAY1, "2025-06-11"),
    "day2": (_DAY2, "2025-06-18"),
    "undated": (_UNDATED, None),
}


@pytest.fixture(scope="module")
def mentions() -> dict[str, list]:
    out = {}
    for name, (text, pub) in PAGES.items():
        out[name] = list(extract_text(text, date.fromisoformat(pub) if pub else None).events)
    return out


def _grouping(store) -> set[frozenset[str]]:
    by: dict[str, set[str]] = {}
    for url, eid in store.conn.execute(
            "SELECT a.url, s.event_id FROM event_sources s JOIN articles a ON a.id = s.article_id"):
        by.setdefault(eid, set()).add(url.split(":")[-1])
    return {frozenset(v) for v in by.values()}


def test_two_fitting_days_keep_the_undated_report_apart_in_every_order(tmp_path: Path, mentions) -> None:
    expected = {frozenset({"day1"}), frozenset({"day2"}), frozenset({"undated"})}
    for n, order in enumerate(permutations(PAGES)):
        store = open_store(tmp_path / f"o{n}.sqlite")
        for name in order:
            text, pub = PAGES[name]
            store.ingest(Article.make(text, published=pub, url=f"urn:test:{name}"), mentions[name])
        assert _grouping(store) == expected, order
        store.close()
