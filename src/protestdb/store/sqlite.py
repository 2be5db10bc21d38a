"""SQLite store: one file, WAL, foreign keys, FTS5, schema migrations from ``migrations/*.sql``.

One connection guarded by a re-entrant lock (the web app calls from worker threads).
Every write method runs in one transaction: a crash leaves all or nothing of an article.
"""

from __future__ import annotations

import json
import re
import sqlite3
import threading
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from importlib import resources
from pathlib import Path
from typing import Any

from protestdb.models import LIST_FIELDS, Article, Event, EventMention, Evidence, Source
from protestdb.resolve.merge import (
    best_match,
    event_from_mention,
    event_id_for,
    merge_into,
    normalize_locality,
)

#: Event columns written from the model (besides id, locality_key, created_at, updated_at).
EVENT_COLUMNS: tuple[str, ...] = (
    "date",
    "date_precision",
    "end_date",
    "locality",
    "state",
    "country",
    "location",
    "county",
    "fips_code",
    "lat",
    "lon",
    "geo_precision",
    "event_type",
    "title",
    "macroevent",
    "organizations",
    "participants",
    "notables",
    "targets",
    "claims_summary",
    "claims_verbatim",
    "issues",
    "valence",
    "size_text",
    "size_low",
    "size_high",
    "size_mean",
    "size_cat",
    "arrests",
    "injuries",
    "property_damage",
    "online",
    "announced_only",
)
_BOOL_COLUMNS = {"property_damage", "online", "announced_only"}


class StoreError(RuntimeError):
    pass


@dataclass
class IngestResult:
    """What storing one article and its mentions did."""

    article_id: str
    is_new: bool
    event_ids: list[str] = field(default_factory=list)  # one per mention, in order
    created: list[str] = field(default_factory=list)
    updated: list[str] = field(default_factory=list)


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def _iso(v: date | datetime | None) -> str | None:
    return v.isoformat() if v is not None else None


def fts_query(q: str) -> str:
    """User words -> a safe FTS5 query: every word must appear (prefix match with ``word*``)."""
    terms = []
    for tok in re.findall(r"[\w*]+", q, flags=re.UNICODE):
        prefix = tok.endswith("*")
        tok = tok.strip("*")
        if tok:
            terms.append(f'"{tok}"' + ("*" if prefix else ""))
    return " ".join(terms)


def _migrations() -> list[tuple[int, str, str]]:
    out = []
    for entry in resources.files("protestdb.store").joinpath("migrations").iterdir():
        m = re.match(r"(\d+)_.*\.sql$", entry.name)
        if m:
            out.append((int(m.group(1)), entry.name, entry.read_text(encoding="utf-8")))
    return sorted(out)


class Store:
    """The event database. Create with :func:`protestdb.store.open_store`."""

    def __init__(self, path: str | Path) -> None:
        self.path = str(path)
        self._lock = threading.RLock()
        self._depth = 0
        self.conn = sqlite3.connect(self.path, check_same_thread=False, isolation_level=None, timeout=30)
        self.conn.row_factory = sqlite3.Row
        self.conn.execute("PRAGMA foreign_keys = ON")
        self.conn.execute("PRAGMA busy_timeout = 30000")
        if self.path != ":memory:":
            self.conn.execute("PRAGMA journal_mode = WAL")
            self.conn.execute("PRAGMA synchronous = NORMAL")
        self._migrate()

    # -- plumbing ---------------------------------------------------------------------
    def _migrate(self) -> None:
        with self._lock:
            self.conn.execute(
                "CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL,"
                " applied_at TEXT NOT NULL)"
            )
            done = {r[0] for r in self.conn.execute("SELECT version FROM schema_migrations")}
            for version, name, sql in _migrations():
                if version in done:
                    continue
                record = (
                    f"INSERT INTO schema_migrations(version, name, applied_at) "
                    f"VALUES ({version}, '{name}', '{_now()}');"
                )
                try:
                    self.conn.executescript(f"BEGIN IMMEDIATE;\n{sql}\n;{record}\nCOMMIT;")
                except sqlite3.Error as exc:
                    if self.conn.in_transaction:
                        self.conn.execute("ROLLBACK")
                    raise StoreError(f"migration {name} failed: {exc}") from exc

    def schema_version(self) -> int:
        with self._lock:
            row = self.conn.execute("SELECT MAX(version) FROM schema_migrations").fetchone()
            return int(row[0] or 0)

    @contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        """One write transaction (nested calls join the outer one)."""
        with self._lock:
            if self._depth:
                self._depth += 1
                try:
                    yield self.conn
                finally:
                    self._depth -= 1
                return
            self.conn.execute("BEGIN IMMEDIATE")
            self._depth = 1
            try:
                yield self.conn
            except BaseException:
                self.conn.execute("ROLLBACK")
                raise
            else:
                self.conn.execute("COMMIT")
            finally:
                self._depth = 0

    def close(self) -> None:
        with self._lock:
            self.conn.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- articles ---------------------------------------------------------------------
    def has_article(self, article_id: str) -> bool:
        with self._lock:
            return self.conn.execute("SELECT 1 FROM articles WHERE id = ?", (article_id,)).fetchone() is not None

    def add_article(self, article: Article) -> tuple[str, bool]:
        """Store ``article`` (keyed by its content hash); returns ``(id, is_new)``."""
        if not article.id:
            article = Article.make(article.text, **article.model_dump(exclude={"id", "text"}))
        with self.transaction() as c:
            if self.has_article(article.id):
                return article.id, False
            c.execute(
                "INSERT INTO articles(id, url, outlet, title, published, retrieved, language, path, raw_format,"
                " text, ingested_at) VALUES (?,?,?,?,?,?,?,?,?,?,?)",
                (
                    article.id,
                    article.url,
                    article.outlet,
                    article.title,
                    _iso(article.published),
                    _iso(article.retrieved),
                    article.language,
                    article.path,
                    article.raw_format,
                    article.text,
                    _now(),
                ),
            )
            c.execute(
                "INSERT INTO articles_fts(article_id, title, text) VALUES (?,?,?)",
                (article.id, article.title or "", article.text),
            )
            return article.id, True

    def _article_from_row(self, r: sqlite3.Row) -> Article:
        return Article(
            id=r["id"],
            text=r["text"],
            title=r["title"],
            url=r["url"],
            outlet=r["outlet"],
            published=r["published"],
            retrieved=r["retrieved"],
            language=r["language"],
            path=r["path"],
            raw_format=r["raw_format"],
        )

    def get_article(self, article_id: str) -> Article | None:
        with self._lock:
            r = self.conn.execute("SELECT * FROM articles WHERE id = ?", (article_id,)).fetchone()
            return self._article_from_row(r) if r else None

    def event_articles(self, event_id: str) -> list[Article]:
        with self._lock:
            rows = self.conn.execute(
                "SELECT a.* FROM articles a WHERE a.id IN (SELECT article_id FROM event_sources WHERE event_id = ?)"
                " ORDER BY a.published, a.ingested_at, a.id",
                (event_id,),
            ).fetchall()
            return [self._article_from_row(r) for r in rows]

    # -- events: writing --------------------------------------------------------------
    def _write_event(self, c: sqlite3.Connection, ev: Event, is_new: bool) -> None:
        vals: list[Any] = []
        for col in EVENT_COLUMNS:
            v = getattr(ev, col)
            if col in LIST_FIELDS:
                v = json.dumps(v, ensure_ascii=False)
            elif col in _BOOL_COLUMNS and v is not None:
                v = int(v)
            vals.append(v)
        now = _now()
        key = normalize_locality(ev.locality)
        if is_new:
            cols = ", ".join(("id", *EVENT_COLUMNS, "locality_key", "created_at", "updated_at"))
            marks = ", ".join("?" * (len(EVENT_COLUMNS) + 4))
            c.execute(f"INSERT INTO events({cols}) VALUES ({marks})", (ev.id, *vals, key, now, now))
        else:
            sets = ", ".join(f"{col} = ?" for col in EVENT_COLUMNS)
            c.execute(
                f"UPDATE events SET {sets}, locality_key = ?, updated_at = ? WHERE id = ?", (*vals, key, now, ev.id)
            )
            c.execute("DELETE FROM events_fts WHERE event_id = ?", (ev.id,))
            for flag in ("announced_only", "online"):  # a flag merged to False loses its evidence
                if not getattr(ev, flag):
                    c.execute("DELETE FROM evidence WHERE event_id = ? AND field = ?", (ev.id, flag))
        c.execute(
            "INSERT INTO events_fts(event_id, title, locality, state, location, county, event_type, organizations,"
            " participants, notables, targets, claims, issues, size_text) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
            (
                ev.id,
                " ".join(x for x in (ev.title, ev.macroevent) if x),
                ev.locality or "",
                ev.state or "",
                ev.location or "",
                ev.county or "",
                "; ".join(ev.event_type),
                "; ".join(ev.organizations),
                "; ".join(ev.participants),
                "; ".join(ev.notables),
                "; ".join(ev.targets),
                "; ".join(ev.claims_summary + ev.claims_verbatim),
                "; ".join(ev.issues),
                ev.size_text or "",
            ),
        )
        for fname, spans in ev.evidence.items():
            for s in spans:
                c.execute(
                    'INSERT OR IGNORE INTO evidence(event_id, field, article_id, start, "end", quote)'
                    " VALUES (?,?,?,?,?,?)",
                    (ev.id, fname, s.article_id, s.start, s.end, s.quote),
                )

    def _candidates(self, c: sqlite3.Connection, m: EventMention, exclude_article: str) -> list[Event]:
        key = normalize_locality(m.locality)
        rows = c.execute(
            "SELECT * FROM events e WHERE e.date IS ? AND e.locality_key IS ?"
            " AND NOT EXISTS (SELECT 1 FROM event_sources s WHERE s.event_id = e.id AND s.article_id = ?)"
            " ORDER BY e.created_at, e.id",
            (m.date, key, exclude_article),
        ).fetchall()
        return self._events_from_rows(rows, with_details=False)  # evidence rows are kept by INSERT OR IGNORE

    def add_mentions(self, article: Article, mentions: Sequence[EventMention]) -> list[str]:
        """Resolve each mention into an event (existing or new); returns one event id per mention.

        Mentions of an article already linked to events are not re-added (their ids are
        returned). Mentions of the same article are never merged with each other.
        """
        return self._add_mentions(article, mentions).event_ids

    def _add_mentions(self, article: Article, mentions: Sequence[EventMention]) -> IngestResult:
        res = IngestResult(article_id=article.id, is_new=False)
        with self.transaction() as c:
            if not self.has_article(article.id):
                self.add_article(article)
            existing = c.execute(
                "SELECT event_id FROM event_sources WHERE article_id = ? ORDER BY mention_index",
                (article.id,),
            ).fetchall()
            if existing:
                res.event_ids = [r[0] for r in existing]
                return res
            for i, mention in enumerate(mentions):
                m = mention.model_copy(update={"article_id": article.id, "index": i})
                match = best_match(self._candidates(c, m, article.id), m)
                if match is None:
                    ev = event_from_mention(m, event_id_for(article.id, i))
                    self._write_event(c, ev, is_new=True)
                    res.created.append(ev.id)
                else:
                    ev = merge_into(match, m)
                    self._write_event(c, ev, is_new=False)
                    if ev.id not in res.created and ev.id not in res.updated:
                        res.updated.append(ev.id)
                c.execute(
                    "INSERT INTO event_sources(event_id, article_id, mention_index, mention, added_at)"
                    " VALUES (?,?,?,?,?)",
                    (ev.id, article.id, i, m.model_dump_json(exclude={"article_id"}), _now()),
                )
                res.event_ids.append(ev.id)
        return res

    def ingest(self, article: Article, mentions: Sequence[EventMention]) -> IngestResult:
        """Store the article and its mentions in ONE transaction (all or nothing)."""
        with self.transaction():
            aid, is_new = self.add_article(article)
            if not article.id:
                article = article.model_copy(update={"id": aid})
            if not is_new:
                return IngestResult(article_id=aid, is_new=False, event_ids=self._event_ids_of(aid))
            res = self._add_mentions(article, mentions)
            res.is_new = True
            return res

    def _event_ids_of(self, article_id: str) -> list[str]:
        rows = self.conn.execute(
            "SELECT event_id FROM event_sources WHERE article_id = ? ORDER BY mention_index", (article_id,)
        ).fetchall()
        return [r[0] for r in rows]

    # -- events: reading --------------------------------------------------------------
    def _events_from_rows(self, rows: Sequence[sqlite3.Row], with_details: bool = True) -> list[Event]:
        events: list[Event] = []
        for r in rows:
            data: dict[str, Any] = {}
            for col in EVENT_COLUMNS:
                v = r[col]
                if col in LIST_FIELDS:
                    v = json.loads(v) if v else []
                elif col in _BOOL_COLUMNS and v is not None:
                    v = bool(v)
                data[col] = v
            events.append(Event(id=r["id"], created_at=r["created_at"], updated_at=r["updated_at"], **data))
        if with_details and events:
            self._attach_details(events)
        return events

    def _attach_details(self, events: list[Event]) -> None:
        by_id = {e.id: e for e in events}
        ids = list(by_id)
        for chunk_start in range(0, len(ids), 500):
            chunk = ids[chunk_start : chunk_start + 500]
            marks = ",".join("?" * len(chunk))
            for r in self.conn.execute(
                f"SELECT s.event_id, a.id, a.url, a.outlet, a.title, a.published, a.retrieved"
                f" FROM event_sources s JOIN articles a ON a.id = s.article_id WHERE s.event_id IN ({marks})"
                f" GROUP BY s.event_id, a.id ORDER BY MIN(s.added_at), a.id",
                chunk,
            ):
                by_id[r[0]].sources.append(
                    Source(article_id=r[1], url=r[2], outlet=r[3], title=r[4], published=r[5], retrieved=r[6])
                )
            for r in self.conn.execute(
                f'SELECT event_id, field, article_id, start, "end", quote FROM evidence'
                f" WHERE event_id IN ({marks}) ORDER BY id",
                chunk,
            ):
                by_id[r[0]].evidence.setdefault(r[1], []).append(
                    Evidence(start=r[3], end=r[4], quote=r[5], article_id=r[2])
                )

    def get_event(self, event_id: str) -> Event | None:
        with self._lock:
            r = self.conn.execute("SELECT * FROM events WHERE id = ?", (event_id,)).fetchone()
            return self._events_from_rows([r])[0] if r else None

    def query_events(
        self,
        since: str | date | None = None,
        until: str | date | None = None,
        state: str | None = None,
        type: str | None = None,  # noqa: A002 - the contract's name
        issue: str | None = None,
        q: str | None = None,
        locality: str | None = None,
        limit: int | None = None,
        offset: int = 0,
    ) -> list[Event]:
        """Events filtered and ordered by date (then id); ``q`` searches event fields and article text."""
        where: list[str] = []
        args: list[Any] = []
        if since:
            where.append("e.date >= ?")
            args.append(str(since))
        if until:
            where.append("e.date <= ?")
            args.append(str(until))
        if state:
            where.append("e.state = ?")
            args.append(state.strip().upper())
        if type:
            where.append("EXISTS (SELECT 1 FROM json_each(e.event_type) WHERE lower(value) = ?)")
            args.append(type.strip().lower())
        if issue:
            where.append("EXISTS (SELECT 1 FROM json_each(e.issues) WHERE lower(value) = ?)")
            args.append(issue.strip().lower())
        if locality:
            where.append("(e.locality_key = ? OR lower(e.locality) = ?)")
            args += [normalize_locality(locality), locality.strip().lower()]
        if q and (fq := fts_query(q)):
            where.append(
                "(e.id IN (SELECT event_id FROM events_fts WHERE events_fts MATCH ?)"
                " OR e.id IN (SELECT s.event_id FROM event_sources s WHERE s.article_id IN"
                " (SELECT article_id FROM articles_fts WHERE articles_fts MATCH ?)))"
            )
            args += [fq, fq]
        sql = "SELECT * FROM events e"
        if where:
            sql += " WHERE " + " AND ".join(where)
        sql += " ORDER BY e.date IS NULL, e.date, e.created_at, e.id"
        if limit is not None or offset:
            sql += " LIMIT ? OFFSET ?"
            args += [-1 if limit is None else int(limit), int(offset)]
        with self._lock:
            rows = self.conn.execute(sql, args).fetchall()
            return self._events_from_rows(rows)

    def counts(self) -> dict[str, Any]:
        with self._lock:
            one = lambda sql: self.conn.execute(sql).fetchone()[0]  # noqa: E731
            by_type = dict(
                self.conn.execute(
                    "SELECT j.value, COUNT(*) FROM events e, json_each(e.event_type) j GROUP BY j.value"
                    " ORDER BY COUNT(*) DESC, j.value"
                ).fetchall()
            )
            return {
                "articles": one("SELECT COUNT(*) FROM articles"),
                "events": one("SELECT COUNT(*) FROM events"),
                "sources": one("SELECT COUNT(*) FROM event_sources"),
                "evidence": one("SELECT COUNT(*) FROM evidence"),
                "states": one("SELECT COUNT(DISTINCT state) FROM events WHERE state IS NOT NULL"),
                "by_type": by_type,
            }
