"""Blocking for resolution, and a batch resolver for millions of mentions.

The store resolves one article at a time (:meth:`Store.ingest`), looking up candidates
by normalised locality and the same day +/- 1 (:func:`candidate_dates`). For a bulk
load (a crawl, an archive, the benchmark) :func:`resolve_stream` does the same decision
(:func:`protestdb.resolve.merge.best_match`) in memory over date-ordered mentions,
keeping only the last days' events, and :func:`bulk_write` inserts the result with
``executemany`` in large transactions.
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from typing import TYPE_CHECKING

from protestdb.models import LIST_FIELDS, Article, Event, EventMention
from protestdb.resolve.merge import (
    best_match,
    event_from_mention,
    event_id_for,
    merge_into,
    normalize_locality,
)

if TYPE_CHECKING:  # pragma: no cover
    from protestdb.store.sqlite import Store


def candidate_dates(iso: str | None) -> tuple[str, ...]:
    """The day before, the day, the day after (ISO); ``()`` for no date; malformed: itself 3 times."""
    if not iso:
        return ()
    try:
        d = date.fromisoformat(iso[:10])
    except ValueError:
        return (iso, iso, iso)
    return ((d - timedelta(days=1)).isoformat(), d.isoformat(), (d + timedelta(days=1)).isoformat())


def block_key(m: EventMention | Event) -> tuple[str | None, str | None, str | None]:
    """Mentions can only match events with the same key: (locality, state, country-if-no-locality)."""
    loc = normalize_locality(m.locality)
    return (loc, (m.state or "").upper() or None, None if loc else (m.country or None))


def _day(iso: str | None) -> int | None:
    if not iso:
        return None
    try:
        return date.fromisoformat(iso[:10]).toordinal()
    except ValueError:
        return None


@dataclass
class Resolved:
    """One event of a batch and the mentions it was built from."""

    event: Event
    mentions: list[EventMention] = field(default_factory=list)

    @property
    def article_ids(self) -> set[str]:
        return {m.article_id for m in self.mentions if m.article_id}


def resolve_stream(mentions: Iterable[EventMention], window_days: int = 1) -> Iterator[Resolved]:
    """Resolve date-ordered mentions (each with ``article_id`` and ``index``) into events.

    Same decision as the store (:func:`best_match`, same day +/- ``window_days``); memory
    holds only the events of the last ``window_days * 2 + 1`` days (mentions without a
    date are held to the end). Events are yielded once no later mention can reach them.
    Mentions of one article never merge with each other.
    """
    blocks: dict[tuple, dict[int | None, list[Resolved]]] = defaultdict(lambda: defaultdict(list))
    by_day: dict[int | None, list[tuple[tuple, Resolved]]] = defaultdict(list)
    watermark: int | None = None

    def flush(before: int | None) -> Iterator[Resolved]:
        for d in sorted(k for k in by_day if k is not None and (before is None or k < before)):
            for key, r in by_day.pop(d):
                blk = blocks.get(key)
                if blk is not None:
                    blk.pop(d, None)
                    if not blk:
                        blocks.pop(key, None)
                yield r

    for m in mentions:
        d = _day(m.date)
        if d is not None and (watermark is None or d > watermark):
            watermark = d
            yield from flush(d - 2 * window_days)
        key = block_key(m)
        blk = blocks[key]
        days = [None] if d is None else range(d - window_days, d + window_days + 1)
        cands = [r for dd in days for r in blk.get(dd, ()) if m.article_id not in r.article_ids]
        hit = best_match((r.event for r in cands), m) if cands else None
        if hit is None:
            r = Resolved(event_from_mention(m, event_id_for(m.article_id or "", m.index)), [m])
            blk[d].append(r)
            by_day[d].append((key, r))
        else:
            r = next(r for r in cands if r.event is hit)
            r.event = merge_into(hit, m)
            r.mentions.append(m)
    yield from flush(None)
    for _key, r in by_day.pop(None, []):
        yield r


def resolve_batch(mentions: Iterable[EventMention], window_days: int = 1) -> list[Resolved]:
    """:func:`resolve_stream` over mentions in any order (sorted by date first)."""
    ordered = sorted(mentions, key=lambda m: (_day(m.date) is None, _day(m.date) or 0))
    return list(resolve_stream(ordered, window_days=window_days))


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def bulk_add_articles(store: Store, articles: Iterable[Article], batch: int = 20000) -> int:
    """Insert articles not yet stored (keyed by content hash); returns how many were new."""
    n = 0
    buf: list[Article] = []

    def write(rows: list[Article]) -> int:
        now = _now()
        with store.transaction() as c:
            have: set[str] = set()
            ids = list({a.id for a in rows})
            for i in range(0, len(ids), 500):
                chunk = ids[i : i + 500]
                q = f"SELECT id FROM articles WHERE id IN ({','.join('?' * len(chunk))})"
                have.update(r[0] for r in c.execute(q, chunk))
            new: dict[str, Article] = {}
            for a in rows:
                if a.id not in have:
                    new.setdefault(a.id, a)
            c.executemany(
                "INSERT INTO articles(id, url, outlet, title, published, retrieved, language, path,"
                " raw_format, text, ingested_at) VALUES (?,?,?,?,?,?,?,?,?,?,?)",
                [
                    (
                        a.id, a.url, a.outlet, a.title, a.published.isoformat() if a.published else None,
                        a.retrieved.isoformat() if a.retrieved else None, a.language, a.path, a.raw_format,
                        a.text, now,
                    )
                    for a in new.values()
                ],
            )
            c.executemany(
                "INSERT INTO articles_fts(article_id, title, text) VALUES (?,?,?)",
                [(a.id, a.title or "", a.text) for a in new.values()],
            )
        return len(new)

    for a in articles:
        if not a.id:
            a = Article.make(a.text, **a.model_dump(exclude={"id", "text"}))
        buf.append(a)
        if len(buf) >= batch:
            n += write(buf)
            buf = []
    if buf:
        n += write(buf)
    return n


def bulk_write(store: Store, resolved: Iterable[Resolved], batch: int = 5000) -> tuple[int, int]:
    """Insert resolved events (new ids) with their sources and evidence; returns (events, mentions).

    The articles must be stored first (:func:`bulk_add_articles`). Meant for loading a
    batch into a store that does not yet hold these events; incremental updates go
    through :meth:`Store.ingest`.
    """
    from protestdb.store.sqlite import _BOOL_COLUMNS, EVENT_COLUMNS

    cols = ", ".join(("id", *EVENT_COLUMNS, "locality_key", "created_at", "updated_at"))
    marks = ", ".join("?" * (len(EVENT_COLUMNS) + 4))
    n_ev = n_m = 0
    buf: list[Resolved] = []

    def write(rows: list[Resolved]) -> None:
        now = _now()
        ev_rows, fts_rows, evid_rows, src_rows = [], [], [], []
        for r in rows:
            ev = r.event
            vals = []
            for col in EVENT_COLUMNS:
                v = getattr(ev, col)
                if col in LIST_FIELDS:
                    v = json.dumps(v, ensure_ascii=False)
                elif col in _BOOL_COLUMNS and v is not None:
                    v = int(v)
                vals.append(v)
            ev_rows.append((ev.id, *vals, normalize_locality(ev.locality), now, now))
            fts_rows.append(
                (
                    ev.id, " ".join(x for x in (ev.title, ev.macroevent) if x), ev.locality or "", ev.state or "",
                    ev.location or "", ev.county or "", "; ".join(ev.event_type), "; ".join(ev.organizations),
                    "; ".join(ev.participants), "; ".join(ev.notables), "; ".join(ev.targets),
                    "; ".join(ev.claims_summary + ev.claims_verbatim), "; ".join(ev.issues), ev.size_text or "",
                )
            )
            for fname, spans in ev.evidence.items():
                for s in spans:
                    evid_rows.append((ev.id, fname, s.article_id, s.start, s.end, s.quote))
            for m in r.mentions:
                src_rows.append((ev.id, m.article_id, m.index, m.model_dump_json(exclude={"article_id"}), now))
        with store.transaction() as c:
            c.executemany(f"INSERT INTO events({cols}) VALUES ({marks})", ev_rows)
            c.executemany(
                "INSERT INTO events_fts(event_id, title, locality, state, location, county, event_type,"
                " organizations, participants, notables, targets, claims, issues, size_text)"
                " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
                fts_rows,
            )
            c.executemany(
                'INSERT OR IGNORE INTO evidence(event_id, field, article_id, start, "end", quote) VALUES (?,?,?,?,?,?)',
                evid_rows,
            )
            c.executemany(
                "INSERT INTO event_sources(event_id, article_id, mention_index, mention, added_at) VALUES (?,?,?,?,?)",
                src_rows,
            )

    for r in resolved:
        buf.append(r)
        n_ev += 1
        n_m += len(r.mentions)
        if len(buf) >= batch:
            write(buf)
            buf = []
    if buf:
        write(buf)
    return n_ev, n_m
