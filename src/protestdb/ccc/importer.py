"""Import CCC CSV files into a store, merging rows across CCC snapshots; link articles to CCC events.

Each imported row becomes (or joins) an event of origin ``"ccc"`` with one pseudo-article
source ``ccc:<key>`` (no text: imported values need no evidence spans); the cleaned row is
kept in ``ccc_records`` so the CCC export writes it back exactly.

A row whose key (its Phase 3 cells) is already stored changes nothing. Other rows are
matched one-to-one (best score first) to CCC events that hold no row of the same file
(rows of one file are distinct events by CCC's rule), by :func:`snapshot_score`. A matched
row from a newer snapshot replaces the event's values (articles merged into the event are
merged again on top); from an older or the same snapshot it only adds itself as a source.
"""

from __future__ import annotations

import os
import sqlite3
import time
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path
from typing import TYPE_CHECKING

from protestdb.ccc.mapping import (
    CCC_ARTICLE_PREFIX,
    CCC_OUTLET,
    ccc_key,
    event_id_for_key,
    row_to_event,
)
from protestdb.ccc.reader import CCCFile, RowError, read_ccc
from protestdb.models import Event, EventMention
from protestdb.resolve.ccc_match import DATE_WINDOW, MIN_SCORE, snapshot_score
from protestdb.resolve.merge import merge_into
from protestdb.resolve.review import with_corrections
from protestdb.store.sqlite import corrections_of

if TYPE_CHECKING:
    from protestdb.store.sqlite import Store

# Articles against CCC events: the store asks protestdb.resolve.decide (one decision for
# extracted and imported events; a merge needs a shared specific, never "the only candidate").


@dataclass
class FileReport:
    path: str
    phase: str = "phase3"
    snapshot: str | None = None
    rows: int = 0
    created: int = 0  # new events
    merged: int = 0  # joined an event of another snapshot (fuzzy match)
    unchanged: int = 0  # the same row (key) was already stored
    updated_events: int = 0  # merged events whose values this (newer) row replaced
    errors: list[RowError] = field(default_factory=list)
    seconds: float = 0.0
    warnings: list[str] = field(default_factory=list)  # e.g. columns the file lacks


@dataclass
class ImportReport:
    files: list[FileReport] = field(default_factory=list)

    @property
    def errors(self) -> list[tuple[str, int, str]]:
        return [(f.path, e.line, e.message) for f in self.files for e in f.errors]

    def totals(self) -> dict[str, int]:
        keys = ("rows", "created", "merged", "unchanged", "updated_events")
        return {k: sum(getattr(f, k) for f in self.files) for k in keys}


def _keys(file: CCCFile) -> list[str]:
    seen: dict[str, int] = defaultdict(int)
    out = []
    for row in file.rows:
        k = ccc_key(row.values)
        n = seen[k]
        seen[k] += 1
        out.append(k if n == 0 else f"{k}#{n}")
    return out


def _shift(d: str, days: int) -> str:
    return (date.fromisoformat(d) + timedelta(days=days)).isoformat()


def _add_record(
    store: Store,
    c: sqlite3.Connection,
    key: str,
    event_id: str,
    file: CCCFile,
    line: int,
    values: dict[str, str],
    mapped: Event,
    snapshot: str,
    match: str,
    score: float | None,
) -> None:
    aid = CCC_ARTICLE_PREFIX + key
    article = {"id": aid, "outlet": CCC_OUTLET, "title": f"CCC {Path(file.path).name} line {line}",
               "published": snapshot, "path": file.path}
    mention = EventMention(
        **mapped.model_dump(exclude={"id", "sources", "created_at", "updated_at", "evidence"})
    )
    store.add_ccc_record(c, key=key, event_id=event_id, article=article, mention=mention, snapshot=snapshot,
                         file=Path(file.path).name, line=line, phase=file.phase, match=match, score=score,
                         values=values)


def _corrected(store: Store, c: sqlite3.Connection, ev: Event) -> Event:
    """Reviewers' corrections win over imported values (protestdb.resolve.review)."""
    return with_corrections(ev, corrections_of(c, ev.id))


def _refresh(store: Store, c: sqlite3.Connection, event_id: str, mapped: Event) -> None:
    """Replace an event's values by a newer CCC row's, then merge its articles' mentions again."""
    ev = mapped.model_copy(update={"id": event_id})
    for aid, m in store.source_mentions(c, event_id):
        if aid.startswith(CCC_ARTICLE_PREFIX):
            continue
        ev = merge_into(ev, m)
    store.write_event(c, _corrected(store, c, ev), is_new=False)


#: Rows written per transaction: a long import never holds the write lock for long, so other
#: writers (an ingest, the API) wait at most one chunk (``PROTESTDB_CCC_CHUNK_ROWS``).
CHUNK_ROWS = int(os.environ.get("PROTESTDB_CCC_CHUNK_ROWS", "500"))
#: Seconds between two chunks, so that a writer waiting in another process gets its turn.
CHUNK_PAUSE = 0.01


def import_ccc_file(
    store: Store, path: str | Path | CCCFile, *, snapshot: str | None = None, chunk_rows: int | None = None
) -> FileReport:
    """Import one CCC CSV (any phase) into ``store``; see the module doc.

    Matching is planned on a read of the store; rows are then written in transactions of
    ``chunk_rows`` (default :data:`CHUNK_ROWS`). An interrupted import leaves whole chunks, and
    running it again adds the rest (stored rows are recognised by their keys).
    """
    t0 = time.perf_counter()
    file = path if isinstance(path, CCCFile) else read_ccc(path)
    snap = snapshot or file.snapshot or date.today().isoformat()
    rep = FileReport(
        path=file.path, phase=file.phase, snapshot=snap, rows=len(file.rows), errors=list(file.errors),
        warnings=list(file.warnings),
    )
    keys = _keys(file)
    fname = Path(file.path).name
    with store.reading() as c:  # a read: no write lock is taken while matching is planned
        known = store.ccc_existing_keys(c, keys)
        todo = [
            (k, row, row_to_event(row.values))
            for k, row in zip(keys, file.rows, strict=True)
            if k not in known
        ]
        rep.unchanged = len(keys) - len(todo)
        # candidate pairs with CCC events of other files
        dates = sorted(m.date for _, _, m in todo if m.date)
        pairs: list[tuple[float, int, str]] = []
        newest: dict[str, str] = {}
        if dates:
            lo, hi = _shift(dates[0], -DATE_WINDOW), _shift(dates[-1], DATE_WINDOW)
            events, files, newest = store.ccc_events_between(c, lo, hi)
            by_day: dict[tuple[str | None, str | None], list[Event]] = defaultdict(list)
            for ev in events:
                if fname not in files.get(ev.id, set()):
                    by_day[(ev.state, ev.date)].append(ev)
            for i, (_, _, mapped) in enumerate(todo):
                if not mapped.date:
                    continue
                days = [_shift(mapped.date, d) for d in range(-DATE_WINDOW, DATE_WINDOW + 1)]
                for ev in (e for d in days for e in by_day.get((mapped.state, d), [])):
                    s = snapshot_score(ev, mapped)
                    if s is not None and s.value >= MIN_SCORE:
                        pairs.append((s.value, i, ev.id))
    pairs.sort(key=lambda p: (-p[0], p[1], p[2]))
    assigned: dict[int, tuple[str, float]] = {}
    taken: set[str] = set()
    for score, i, eid in pairs:
        if i in assigned or eid in taken:
            continue
        assigned[i] = (eid, score)
        taken.add(eid)
    step = max(1, chunk_rows or CHUNK_ROWS)
    for lo_i in range(0, len(todo), step):
        chunk = list(enumerate(todo[lo_i : lo_i + step], lo_i))
        with store.transaction() as c:
            again = store.ccc_existing_keys(c, [k for _, (k, _, _) in chunk])  # written meanwhile by another import
            for i, (key, row, mapped) in chunk:
                if key in again:
                    rep.unchanged += 1
                    continue
                if i in assigned:
                    eid, score = assigned[i]
                    _add_record(store, c, key, eid, file, row.line, row.values, mapped, snap, "fuzzy", score)
                    rep.merged += 1
                    if snap > newest.get(eid, ""):
                        _refresh(store, c, eid, mapped)
                        newest[eid] = snap
                        rep.updated_events += 1
                    continue
                ev = mapped.model_copy(update={"id": event_id_for_key(key)})
                store.write_event(c, _corrected(store, c, ev), is_new=True, origin="ccc")
                _add_record(store, c, key, ev.id, file, row.line, row.values, mapped, snap, "new", None)
                rep.created += 1
        if lo_i + step < len(todo):
            time.sleep(CHUNK_PAUSE)  # let a waiting writer (another process) take the lock
    rep.seconds = round(time.perf_counter() - t0, 3)
    return rep


def import_ccc(store: Store, paths: Iterable[str | Path], *, snapshot: str | None = None) -> ImportReport:
    """Import CCC files in the order given (short transactions, see :func:`import_ccc_file`).
    A file that cannot be read (missing, too large, not a CCC file) is one error in the report;
    the other files are still imported."""
    report = ImportReport()
    for p in paths:
        try:
            report.files.append(import_ccc_file(store, p, snapshot=snapshot))
        except sqlite3.OperationalError:
            raise  # the database itself (locked for too long, disk full): not this file's fault
        except Exception as exc:  # noqa: BLE001 - one bad file never stops the batch
            msg = " ".join(str(exc).split())[:200] or type(exc).__name__
            report.files.append(FileReport(path=str(p), errors=[RowError(0, f"{type(exc).__name__}: {msg}")]))
    return report
