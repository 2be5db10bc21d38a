"""SQLite store: one file, WAL, foreign keys, FTS5, schema migrations from ``migrations/*.sql``.

One connection guarded by a re-entrant lock (the web app calls from worker threads).
Every write method runs in one transaction: a crash leaves all or nothing of an article.
"""

from __future__ import annotations

import hashlib
import json
import re
import sqlite3
import threading
import time
import unicodedata
from collections.abc import Collection, Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any, Protocol

from pydantic import TypeAdapter

from protestdb.models import EVENT_FIELDS, LIST_FIELDS, Article, Event, EventMention, Evidence, Source
from protestdb.store.keys import candidate_dates, month_days, normalize_locality, place_words, since_key

#: Event columns written from the model (besides id, locality_key, created_at, updated_at).
EVENT_COLUMNS: tuple[str, ...] = EVENT_FIELDS
_BOOL_COLUMNS = {"property_damage", "online", "announced_only"}


#: ``json.dumps(v, ensure_ascii=False)`` without building an encoder per call (the same text).
_json_text = json.JSONEncoder(ensure_ascii=False).encode
_LIST_COLUMNS = frozenset(LIST_FIELDS)


def _event_values(ev: Event) -> list[Any]:
    """``ev``'s values for ``EVENT_COLUMNS``, in order, as stored (lists as JSON, flags as 0/1)."""
    vals: list[Any] = []
    for col in EVENT_COLUMNS:
        v = getattr(ev, col)
        if col in _LIST_COLUMNS:
            v = "[]" if v == [] else _json_text(v)
        elif col in _BOOL_COLUMNS and v is not None:
            v = int(v)
        vals.append(v)
    return vals


#: Triggers that keep derived rows on every insert (the change feed, list facets, the two
#: full-text indexes, map boxes). A bulk load (:meth:`Store.bulk_settings`) drops them, inserts
#: the batch, then fills the same rows with one set-based statement each (:data:`_BULK_REBUILD`)
#: and puts the triggers back: one FTS5 insert per row through a trigger was two thirds of
#: the write time (``benchmarks/resolve_speed.py``, docs/resolution.md).
_BULK_DEFERRED_TRIGGERS: tuple[str, ...] = (
    "events_change_insert", "events_facets_insert", "events_search_insert", "events_rtree_insert",
    "evidence_search_insert",
)

_LIST_TEXT = (
    "coalesce((SELECT group_concat(value, '; ') FROM json_each("
    "CASE WHEN json_valid(e.{0}) THEN e.{0} ELSE '[]' END)), '')"
)

#: What the triggers above write for events with ``rowid > :ev`` and evidence with ``id > :evid``
#: (migrations 0003-0006), in the triggers' order.
_BULK_REBUILD: tuple[str, ...] = (
    "INSERT INTO event_changes(event_id, op, at)"
    " SELECT id, 'create', strftime('%Y-%m-%dT%H:%M:%f+00:00', 'now') FROM events WHERE rowid > :ev ORDER BY rowid",
    "INSERT OR IGNORE INTO event_facets(event_id, kind, value, label)"
    " SELECT e.id, 'type', lower(j.value), j.value FROM events e, json_each(e.event_type) j WHERE e.rowid > :ev"
    " UNION ALL SELECT e.id, 'issue', lower(j.value), j.value FROM events e, json_each(e.issues) j WHERE e.rowid > :ev"
    " UNION ALL SELECT e.id, 'org', lower(j.value), j.value FROM events e, json_each(e.organizations) j"
    " WHERE e.rowid > :ev",
    "INSERT INTO events_search(rowid, title, locality, state, location, county, event_type, organizations,"
    " participants, notables, targets, claims, issues, size_text)"
    " SELECT e.rowid, trim(coalesce(e.title, '') || ' ' || coalesce(e.macroevent, '')),"
    " coalesce(e.locality, ''), coalesce(e.state, ''), coalesce(e.location, ''), coalesce(e.county, ''), "
    + ", ".join(_LIST_TEXT.format(f) for f in ("event_type", "organizations", "participants", "notables", "targets"))
    + ", trim(" + _LIST_TEXT.format("claims_summary") + " || '; ' || " + _LIST_TEXT.format("claims_verbatim")
    + ", '; '), " + _LIST_TEXT.format("issues") + ", coalesce(e.size_text, '')"
    " FROM events e WHERE e.rowid > :ev ORDER BY e.rowid",
    "INSERT INTO events_rtree(id, min_lat, max_lat, min_lon, max_lon)"
    " SELECT rowid, lat, lat, lon, lon FROM events WHERE rowid > :ev AND lat IS NOT NULL AND lon IS NOT NULL",
    "INSERT INTO evidence_search(rowid, quote) SELECT id, quote FROM evidence WHERE id > :evid ORDER BY id",
)


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


class Resolver(Protocol):
    """The resolution decisions :meth:`Store.add_mentions` applies (``protestdb.resolve.resolver``).

    The store fetches candidates and writes; a resolver decides. ``decide`` returns an object
    with ``event`` (the event to join, or None), ``why`` (stored with the source) and
    ``review`` (close calls: ``[(event, parts)]``). A ``decide`` marked ``reads_texts`` is also
    given the undated sides' pages (:meth:`Store._undated_texts`).
    """

    def decide(self, candidates: Sequence[Event], mention: EventMention, ccc_ids: Collection[str]) -> Any: ...

    def new_event(self, mention: EventMention, article_id: str, index: int) -> Event: ...

    def merge(self, event: Event, mention: EventMention) -> Event: ...

    def correct(self, event: Event, fixes: Mapping[str, Any]) -> Event: ...

    def near_matches(self, events: Sequence[Event], mention: EventMention) -> list[tuple[Event, str, float]]: ...


_default_resolver: Resolver | None = None


def set_default_resolver(resolver: Resolver | None) -> None:
    """The resolver of Stores opened without one (``protestdb.resolve`` registers its own on import)."""
    global _default_resolver
    _default_resolver = resolver


def corrections_of(conn: sqlite3.Connection, event_id: str) -> dict[str, Any]:
    """Field -> corrected value for one event."""
    rows = conn.execute("SELECT field, value FROM corrections WHERE event_id = ?", (event_id,)).fetchall()
    return {r[0]: json.loads(r[1]) if r[1] is not None else None for r in rows}


def resolve_event_id(conn: sqlite3.Connection, event_id: str) -> str:
    """Follow merge redirects: the id of the event that now holds ``event_id``."""
    seen = {event_id}
    while True:
        r = conn.execute("SELECT new_id FROM event_redirects WHERE old_id = ?", (event_id,)).fetchone()
        if r is None or r[0] in seen:
            return event_id
        event_id = r[0]
        seen.add(event_id)


def event_changes(conn: sqlite3.Connection, since: datetime | str | None = None) -> list[dict[str, Any]]:
    """Changes at or after ``since`` (naive datetimes are UTC), oldest first.

    Each: ``{"seq", "event_id", "op": create|update|merge|delete, "at", "detail"}``;
    a merge's detail is ``{"into": surviving_id}``. ``seq`` increases: use it to drop
    a change already seen at the boundary.
    """
    key = since_key(since)
    sql = "SELECT id, event_id, op, at, detail FROM event_changes"
    args: tuple[Any, ...] = ()
    if key:
        sql += " WHERE at >= ?"
        args = (key,)
    rows = conn.execute(sql + " ORDER BY id", args).fetchall()
    return [
        {"seq": r[0], "event_id": r[1], "op": r[2], "at": r[3], "detail": json.loads(r[4]) if r[4] else None}
        for r in rows
    ]


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def _now_ms() -> str:
    """Review actions' timestamps (corrections, redirects, the audit log): to the millisecond."""
    return datetime.now(UTC).isoformat(timespec="milliseconds")


def _iso(v: date | datetime | None) -> str | None:
    return v.isoformat() if v is not None else None


#: Events whose evidence quotes match a full-text query (migration 0006). Whole article texts are
#: never searched: a private person named in an article is no search key (docs/privacy.md).
EVIDENCE_MATCH = (
    "SELECT v.event_id FROM evidence v WHERE v.id IN"
    " (SELECT rowid FROM evidence_search WHERE evidence_search MATCH ?)"
)


def fts_query(q: str) -> str:
    """User words -> a safe FTS5 query: every word must appear (prefix match with ``word*``)."""
    terms = []
    for tok in re.findall(r"[\w*]+", q, flags=re.UNICODE):
        prefix = tok.endswith("*")
        tok = tok.strip("*")
        if tok:
            terms.append(f'"{tok}"' + ("*" if prefix else ""))
    return " ".join(terms)


_ORG_DROP = re.compile(r"[^a-z0-9 ]+")
_ORG_SMALL = frozenset({"of", "the", "and", "for", "a", "an", "in", "on", "to", "de", "la", "del", "y"})


@lru_cache(maxsize=65536)
def org_key(name: str) -> str:
    """An organization name for matching: lower-case, no accents, apostrophes (' and ’) and
    dots dropped, other punctuation as spaces: "Women’s March" == "women's march" -> "womens march"."""
    s = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode("ascii").lower()
    s = re.sub(r"['.‘’`´]", "", s)
    return " ".join(_ORG_DROP.sub(" ", s).split())


@lru_cache(maxsize=65536)
def org_initials(name: str) -> str:
    """Initials of a name's words before any parenthesis, small words skipped: "National Day
    Laborer Organizing Network" -> "ndlon"."""
    head = name.split("(")[0]
    return "".join(w[0] for w in org_key(head).split() if w not in _ORG_SMALL)


@lru_cache(maxsize=4096)
def _json_datetime(v: str | None) -> str | None:
    """A stored ISO datetime as ``Event.model_dump(mode="json")`` writes it."""
    return None if v is None else _DATETIME.dump_python(_DATETIME.validate_python(v), mode="json")


@lru_cache(maxsize=4096)
def _json_date(v: str | None) -> str | None:
    return None if v is None else _DATE.dump_python(_DATE.validate_python(v), mode="json")


@lru_cache(maxsize=16384)
def _json_list(v: str) -> tuple[Any, ...]:
    """A stored JSON list (list values repeat a lot: types, issues, organizations)."""
    return tuple(json.loads(v))


_DATETIME = TypeAdapter(datetime)
_DATE = TypeAdapter(date)
#: Event fields in ``Event.model_dump`` order (list pages: without evidence).
_LIST_FIELDS_ORDER = tuple(f for f in Event.model_fields if f != "evidence")
_EVENT_DEFAULTS = Event().model_dump(mode="json")


def _list_dicts(rows: Sequence[sqlite3.Row]) -> list[dict[str, Any]]:
    """Events rows as ``Event.model_dump(mode="json", exclude={"evidence"})`` + ``origin`` (same
    keys, same order, same values), without building models."""
    if not rows:
        return []
    pos = {k: i for i, k in enumerate(rows[0].keys())}
    # (key, column position, how: 0 as is, 1 JSON list, 2 bool, 3 datetime, 4 [], 5 the model's default)
    plan: list[tuple[str, int, int]] = []
    for name in (*_LIST_FIELDS_ORDER, "origin"):
        how = (
            4 if name == "sources"
            else 3 if name in ("created_at", "updated_at")
            else 1 if name in LIST_FIELDS
            else 2 if name in _BOOL_COLUMNS
            else 0
        )
        if name not in pos and how != 4:  # a model field without a column: its default
            how = 5
        plan.append((name, pos.get(name, -1), how))
    loads = _json_list
    out = []
    for r in rows:
        d: dict[str, Any] = {}
        for name, i, how in plan:
            if how == 0:
                d[name] = r[i]
            elif how == 1:
                v = r[i]
                d[name] = list(loads(v)) if v and v != "[]" else []
            elif how == 2:
                v = r[i]
                d[name] = None if v is None else bool(v)
            elif how == 3:
                d[name] = _json_datetime(r[i])
            elif how == 4:
                d[name] = []
            else:
                d[name] = _EVENT_DEFAULTS.get(name)
        out.append(d)
    return out


def _migrations() -> list[tuple[int, str, str]]:
    out = []
    for entry in resources.files("protestdb.store").joinpath("migrations").iterdir():
        m = re.match(r"(\d+)_.*\.sql$", entry.name)
        if m:
            out.append((int(m.group(1)), entry.name, entry.read_text(encoding="utf-8")))
    return sorted(out)


class _SourceTexts(Mapping[str, str]):
    """Event id -> its sources' page texts (joined), read from the database when first asked for."""

    def __init__(self, c: sqlite3.Connection, known: dict[str, str], ids: Sequence[str]) -> None:
        self._c, self._got, self._ids = c, dict(known), set(known) | set(ids)

    def __getitem__(self, key: str) -> str:
        if key not in self._ids:
            raise KeyError(key)
        if key not in self._got:
            rows = self._c.execute("SELECT a.text FROM articles a JOIN event_sources s ON s.article_id = a.id"
                                   " WHERE s.event_id = ? ORDER BY s.added_at, s.rowid", (key,)).fetchall()
            self._got[key] = "\n".join(r[0] for r in rows)
        return self._got[key]

    def __contains__(self, key: object) -> bool:
        return key in self._ids

    def __iter__(self) -> Iterator[str]:
        return iter(sorted(self._ids))

    def __len__(self) -> int:
        return len(self._ids)


class Store:
    """The event database. Create with :func:`protestdb.store.open_store`."""

    def __init__(self, path: str | Path, resolver: Resolver | None = None) -> None:
        self.path = str(path)
        self._resolver = resolver
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
        self._check_triggers()

    @property
    def resolver(self) -> Resolver:
        """The resolution decisions this store applies (given, else the registered default)."""
        r = self._resolver or _default_resolver
        if r is None:
            raise StoreError("no resolver: import protestdb.resolve (it registers one) or pass Store(resolver=...)")
        return r

    def corrections(self, c: sqlite3.Connection, ev: Event) -> Event:
        """``ev`` with the reviewers' corrections on top (applied on every resolution write)."""
        return self.resolver.correct(ev, corrections_of(c, ev.id))

    # -- connection settings ----------------------------------------------------------
    def set_busy_timeout(self, ms: int) -> None:
        """How long a write waits for another writer's lock (milliseconds)."""
        with self._lock:
            self.conn.execute(f"PRAGMA busy_timeout = {int(ms)}")

    def set_read_only(self) -> None:
        """Refuse every write on this connection (the web app's per-thread readers)."""
        with self._lock:
            self.conn.execute("PRAGMA query_only = ON")

    # -- bulk loading (protestdb.resolve.blocking: resolve_stream -> bulk_write) ----------
    def holds_data(self) -> bool:
        """Does the store hold any article or event?"""
        with self._lock:
            return bool(self.conn.execute(
                "SELECT EXISTS(SELECT 1 FROM articles) OR EXISTS(SELECT 1 FROM events)").fetchone()[0])

    @contextmanager
    def bulk_settings(self, cache_mb: int = 256) -> Iterator[None]:
        """``journal_mode=OFF``, ``synchronous=OFF`` and a large page cache (crash-unsafe: for
        loading a new file); the normal settings (WAL, ``synchronous=NORMAL``) are restored after.

        The insert triggers of the derived tables (:data:`_BULK_DEFERRED_TRIGGERS`) are off
        for the load; on the way out (also after an error) their rows are filled for the
        loaded events and evidence at once and the triggers come back. A process killed
        inside leaves them off: opening that file then fails (:meth:`_check_triggers`).
        Refused (ValueError) for a store that already holds articles or events: the rows are
        filled for what the load inserted, on a new, empty file.
        """
        if self.holds_data():
            raise ValueError("bulk settings are only for loading a new, empty store file")
        c = self.conn
        memory = self.path == ":memory:"
        if not memory:
            c.execute("PRAGMA journal_mode = OFF")
            c.execute("PRAGMA synchronous = OFF")
        c.execute(f"PRAGMA cache_size = {-int(cache_mb) * 1024}")
        try:
            with self.transaction() as t:
                marks = {
                    "ev": t.execute("SELECT coalesce(max(rowid), 0) FROM events").fetchone()[0],
                    "evid": t.execute("SELECT coalesce(max(id), 0) FROM evidence").fetchone()[0],
                }
                triggers = self._trigger_sql(t)
                for name in _BULK_DEFERRED_TRIGGERS:
                    t.execute(f"DROP TRIGGER {name}")
            try:
                yield
            finally:
                with self.transaction() as t:
                    for sql in _BULK_REBUILD:
                        t.execute(sql, marks)
                    for name in _BULK_DEFERRED_TRIGGERS:
                        t.execute(triggers[name])
        finally:
            c.execute("PRAGMA cache_size = -2000")
            if not memory:
                c.execute("PRAGMA journal_mode = WAL")
                c.execute("PRAGMA synchronous = NORMAL")

    @staticmethod
    def _trigger_sql(c: sqlite3.Connection) -> dict[str, str]:
        """The SQL of the store's triggers that a bulk load turns off, by name."""
        names = ", ".join("?" * len(_BULK_DEFERRED_TRIGGERS))
        return dict(c.execute(
            f"SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND name IN ({names})",
            _BULK_DEFERRED_TRIGGERS,
        ).fetchall())

    def _check_triggers(self) -> None:
        """Refuse a file whose bulk load was killed before its triggers came back (its search
        indexes, facets and change feed would silently stop following the events)."""
        with self._lock:
            applied = {r[0] for r in self.conn.execute("SELECT version FROM schema_migrations")}
            made = " ".join(sql for version, _, sql in _migrations() if version in applied)
            expected = {t for t in _BULK_DEFERRED_TRIGGERS if f"CREATE TRIGGER {t} " in made}
            missing = sorted(expected - set(self._trigger_sql(self.conn)))
        if missing:
            self.conn.close()
            raise StoreError(
                f"{self.path}: a bulk load was interrupted (triggers {', '.join(missing)} are missing);"
                " delete the file and load again"
            )

    def add_articles_bulk(self, rows: Sequence[Article]) -> int:
        """Insert the articles not yet stored (by id), in one transaction; returns how many were new."""
        now = _now()
        with self.transaction() as c:
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

    def add_events_bulk(self, rows: Iterable[tuple[Event, Sequence[EventMention]]]) -> None:
        """Insert new events with their evidence and their sources (each mention with its
        ``article_id`` and ``index``), in one transaction."""
        cols = ", ".join(("id", *EVENT_COLUMNS, "locality_key", "created_at", "updated_at"))
        marks = ", ".join("?" * (len(EVENT_COLUMNS) + 4))
        now = _now()
        ev_rows, evid_rows, src_rows = [], [], []  # the derived tables: see bulk_settings
        locality_key = lru_cache(maxsize=1 << 16)(normalize_locality)  # a load's places repeat
        for ev, mentions in rows:
            ev_rows.append((ev.id, *_event_values(ev), locality_key(ev.locality), now, now))
            for fname, spans in ev.evidence.items():
                for s in spans:
                    evid_rows.append((ev.id, fname, s.article_id, s.start, s.end, s.quote))
            for m in mentions:
                src_rows.append((ev.id, m.article_id, m.index, m.model_dump_json(exclude={"article_id"}), now))
        with self.transaction() as c:
            c.executemany(f"INSERT INTO events({cols}) VALUES ({marks})", ev_rows)
            c.executemany(
                'INSERT OR IGNORE INTO evidence(event_id, field, article_id, start, "end", quote) VALUES (?,?,?,?,?,?)',
                evid_rows,
            )
            c.executemany(
                "INSERT INTO event_sources(event_id, article_id, mention_index, mention, added_at) VALUES (?,?,?,?,?)",
                src_rows,
            )

    # -- API tokens (protestdb.auth holds the rules; only the hash of a secret is stored) ----
    def insert_token(self, tid: str, name: str, salt: str, digest: str, scopes: str, created_at: str) -> None:
        with self.transaction() as c:
            c.execute(
                "INSERT INTO api_tokens(id, name, salt, hash, scopes, created_at) VALUES (?,?,?,?,?,?)",
                (tid, name, salt, digest, scopes, created_at),
            )

    def token_row(self, tid: str) -> dict[str, Any] | None:
        """id, name, salt, hash, scopes, revoked_at of one token (None: no such id)."""
        with self._lock:
            row = self.conn.execute(
                "SELECT id, name, salt, hash, scopes, revoked_at FROM api_tokens WHERE id = ?", (tid,)
            ).fetchone()
        return dict(row) if row is not None else None

    def touch_token(self, tid: str, at: str) -> None:
        with self.transaction() as c:
            c.execute("UPDATE api_tokens SET last_used = ? WHERE id = ?", (at, tid))

    def tokens(self) -> list[dict[str, Any]]:
        """Every token's id, name, scopes and dates (never the secret's hash)."""
        with self._lock:
            rows = self.conn.execute(
                "SELECT id, name, scopes, created_at, last_used, revoked_at FROM api_tokens ORDER BY created_at, id"
            ).fetchall()
        return [dict(r) for r in rows]

    def revoke_token(self, tid: str, at: str) -> bool:
        """True if a live token was revoked."""
        with self.transaction() as c:
            cur = c.execute("UPDATE api_tokens SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL", (at, tid))
            return cur.rowcount > 0

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

    @contextmanager
    def reading(self) -> Iterator[sqlite3.Connection]:
        """The connection under the store's lock for a consistent read without a write lock (pass it
        to the methods taking ``c``)."""
        with self._lock:
            yield self.conn

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

    def has_url(self, url: str) -> bool:
        """True if an article fetched from ``url`` is stored (uses the index on articles.url)."""
        with self._lock:
            return self.conn.execute("SELECT 1 FROM articles WHERE url = ? LIMIT 1", (url,)).fetchone() is not None

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
    def _write_event(self, c: sqlite3.Connection, ev: Event, is_new: bool, origin: str = "extract") -> None:
        """Insert or update an event; ``origin`` ('extract' | 'ccc', see migration 0002) is set on insert."""
        vals = _event_values(ev)
        now = _now()
        key = normalize_locality(ev.locality)
        if is_new:
            cols = ", ".join(("id", *EVENT_COLUMNS, "locality_key", "created_at", "updated_at", "origin"))
            marks = ", ".join("?" * (len(EVENT_COLUMNS) + 5))
            c.execute(f"INSERT INTO events({cols}) VALUES ({marks})", (ev.id, *vals, key, now, now, origin))
        else:
            sets = ", ".join(f"{col} = ?" for col in EVENT_COLUMNS)
            c.execute(
                f"UPDATE events SET {sets}, locality_key = ?, updated_at = ? WHERE id = ?", (*vals, key, now, ev.id)
            )
            for flag in ("announced_only", "online"):  # a flag merged to False loses its evidence
                if not getattr(ev, flag):
                    c.execute("DELETE FROM evidence WHERE event_id = ? AND field = ?", (ev.id, flag))
        # events_search (full text) and events_rtree (map boxes) follow by triggers (migration 0005)
        for fname, spans in ev.evidence.items():
            for s in spans:
                c.execute(
                    'INSERT OR IGNORE INTO evidence(event_id, field, article_id, start, "end", quote)'
                    " VALUES (?,?,?,?,?,?)",
                    (ev.id, fname, s.article_id, s.start, s.end, s.quote),
                )

    def write_event(self, c: sqlite3.Connection, ev: Event, is_new: bool, origin: str = "extract") -> None:
        """Insert or update an event in the open transaction ``c`` (its evidence is added to)."""
        self._write_event(c, ev, is_new, origin)

    def rewrite_event(self, c: sqlite3.Connection, ev: Event) -> None:
        """Write ``ev`` over its row, replacing all of its evidence."""
        c.execute("DELETE FROM evidence WHERE event_id = ?", (ev.id,))
        self._write_event(c, ev, is_new=False)

    # -- review: corrections, merges, splits, the audit log (rules in protestdb.resolve.review) ----
    def set_correction(self, c: sqlite3.Connection, event_id: str, field: str, value: Any, by: str) -> None:
        c.execute(
            "INSERT INTO corrections(event_id, field, value, corrected_by, corrected_at) VALUES (?,?,?,?,?)"
            " ON CONFLICT(event_id, field) DO UPDATE SET value = excluded.value,"
            " corrected_by = excluded.corrected_by, corrected_at = excluded.corrected_at",
            (event_id, field, json.dumps(value, ensure_ascii=False), by, _now_ms()),
        )

    def corrected_event_ids(self, c: sqlite3.Connection) -> list[str]:
        return [r[0] for r in c.execute("SELECT DISTINCT event_id FROM corrections")]

    def mentions_of(self, c: sqlite3.Connection, event_id: str) -> list[tuple[str, int, EventMention]]:
        """(article id, mention index, mention) of each source of an event, in the order they joined."""
        rows = c.execute(
            "SELECT article_id, mention_index, mention FROM event_sources WHERE event_id = ? ORDER BY added_at, rowid",
            (event_id,),
        ).fetchall()
        out = []
        for aid, idx, raw in rows:
            m = EventMention.model_validate_json(raw).model_copy(update={"article_id": aid, "index": idx})
            out.append((aid, idx, m))
        return out

    def move_sources(self, c: sqlite3.Connection, from_id: str, to_id: str, article_id: str | None = None) -> None:
        """Move an event's sources (all, or those of one article) to another event."""
        if article_id is None:
            c.execute("UPDATE event_sources SET event_id = ? WHERE event_id = ?", (to_id, from_id))
        else:
            c.execute("UPDATE event_sources SET event_id = ? WHERE event_id = ? AND article_id = ?",
                      (to_id, from_id, article_id))

    def delete_split_rule(self, c: sqlite3.Connection, article_id: str, other_article_id: str) -> None:
        c.execute("DELETE FROM split_rules WHERE (article_id = ? AND other_article_id = ?)"
                  " OR (article_id = ? AND other_article_id = ?)",
                  (article_id, other_article_id, other_article_id, article_id))

    def move_corrections(self, c: sqlite3.Connection, from_id: str, to_id: str) -> None:
        """Corrections of ``from_id`` go to ``to_id`` (``to_id``'s own win on the same field)."""
        c.execute("UPDATE OR IGNORE corrections SET event_id = ? WHERE event_id = ?", (to_id, from_id))
        c.execute("DELETE FROM corrections WHERE event_id = ?", (from_id,))

    def redirect_event(self, c: sqlite3.Connection, old_id: str, new_id: str) -> None:
        """Delete event ``old_id``, leaving a redirect to ``new_id`` (earlier redirects follow)."""
        c.execute("UPDATE event_redirects SET new_id = ? WHERE new_id = ?", (new_id, old_id))
        c.execute(
            "INSERT OR REPLACE INTO event_redirects(old_id, new_id, at) VALUES (?,?,?)", (old_id, new_id, _now_ms())
        )
        c.execute("DELETE FROM events WHERE id = ?", (old_id,))  # trigger: change 'merge'

    def resolve_split_flags(self, c: sqlite3.Connection, article_id: str, event_id: str) -> None:
        """Close the open uncertain-match flags of an article against an event (a reviewer split them)."""
        c.execute("UPDATE review_flags SET status = 'resolved' WHERE status = 'open' AND kind = 'uncertain_match'"
                  " AND article_id = ? AND other_event_id = ?", (article_id, event_id))

    def log_review(self, c: sqlite3.Connection, by: str, action: str, event_id: str, *, other_id: str | None = None,
                   field: str | None = None, before: Any = None, after: Any = None, note: str | None = None) -> None:
        """One audit row: who did what to which event, the value before and after."""
        c.execute(
            "INSERT INTO review_log(at, reviewer, action, event_id, other_id, field, before, after, note)"
            " VALUES (?,?,?,?,?,?,?,?,?)",
            (_now_ms(), by, action, event_id, other_id, field, json.dumps(before, ensure_ascii=False, default=str),
             json.dumps(after, ensure_ascii=False, default=str), note),
        )

    def review_log(self, event_id: str | None = None) -> list[dict[str, Any]]:
        """Audit records (oldest first), all or those touching one event (as kept, merged or split)."""
        sql = "SELECT id, at, reviewer, action, event_id, other_id, field, before, after, note FROM review_log"
        args: tuple[Any, ...] = ()
        with self._lock:
            if event_id:
                ids = {event_id, resolve_event_id(self.conn, event_id)}
                marks = ",".join("?" * len(ids))
                sql += f" WHERE event_id IN ({marks}) OR other_id IN ({marks})"
                args = (*ids, *ids)
            rows = self.conn.execute(sql + " ORDER BY id", args).fetchall()
        keys = ("id", "at", "by", "action", "event_id", "other_id", "field", "before", "after", "note")
        out = []
        for r in rows:
            d = dict(zip(keys, tuple(r), strict=True))
            d["before"] = json.loads(d["before"]) if d["before"] else None
            d["after"] = json.loads(d["after"]) if d["after"] else None
            out.append(d)
        return out

    # -- imported CCC rows (the rules in protestdb.ccc.importer) --------------------------
    def ccc_existing_keys(self, c: sqlite3.Connection, keys: Sequence[str]) -> set[str]:
        """Which of these CCC row keys are stored."""
        found: set[str] = set()
        for i in range(0, len(keys), 500):
            chunk = list(keys[i : i + 500])
            marks = ",".join("?" * len(chunk))
            found.update(r[0] for r in c.execute(f"SELECT key FROM ccc_records WHERE key IN ({marks})", chunk))
        return found

    def ccc_events_between(
        self, c: sqlite3.Connection, lo: str, hi: str
    ) -> tuple[list[Event], dict[str, set[str]], dict[str, str]]:
        """CCC events dated lo..hi, the files each holds rows of, and each one's newest snapshot."""
        rows = c.execute(
            "SELECT * FROM events WHERE origin = 'ccc' AND date BETWEEN ? AND ? ORDER BY date, id", (lo, hi)
        ).fetchall()
        events = self._events_from_rows(rows, with_details=False)
        files: dict[str, set[str]] = {}
        newest: dict[str, str] = {}
        for r in c.execute(
            "SELECT r.event_id, r.file, r.snapshot FROM ccc_records r JOIN events e ON e.id = r.event_id"
            " WHERE e.date BETWEEN ? AND ?",
            (lo, hi),
        ):
            files.setdefault(r[0], set()).add(r[1])
            if r[2] and r[2] > newest.get(r[0], ""):
                newest[r[0]] = r[2]
        return events, files, newest

    def add_ccc_record(
        self, c: sqlite3.Connection, *, key: str, event_id: str, article: Mapping[str, Any], mention: EventMention,
        snapshot: str, file: str, line: int, phase: str | int | None, match: str, score: float | None,
        values: Mapping[str, str],
    ) -> None:
        """One imported CCC row: its pseudo-article (``article``: id, outlet, title, published, path),
        its source link to ``event_id`` (mention index 0) and its ``ccc_records`` row (``file``: the name)."""
        now = _now()
        c.execute(
            "INSERT OR IGNORE INTO articles(id, url, outlet, title, published, retrieved, language, path, raw_format,"
            " text, ingested_at) VALUES (?,?,?,?,?,?,?,?,?,?,?)",
            (article["id"], None, article["outlet"], article["title"], article["published"], None, "en",
             article["path"], "ccc", "", now),
        )
        c.execute(
            "INSERT OR IGNORE INTO event_sources(event_id, article_id, mention_index, mention, added_at)"
            " VALUES (?,?,?,?,?)",
            (event_id, article["id"], 0, mention.model_dump_json(exclude={"article_id"}), now),
        )
        c.execute(
            "INSERT INTO ccc_records(key, event_id, snapshot, file, line, phase, match, score, columns, imported_at)"
            " VALUES (?,?,?,?,?,?,?,?,?,?)",
            (key, event_id, snapshot, file, line, phase, match, score, json.dumps(values, ensure_ascii=False), now),
        )

    def source_mentions(self, c: sqlite3.Connection, event_id: str) -> list[tuple[str, EventMention]]:
        """(article id, mention) of an event's sources, by time added then article id."""
        rows = c.execute(
            "SELECT article_id, mention FROM event_sources WHERE event_id = ? ORDER BY added_at, article_id",
            (event_id,),
        ).fetchall()
        return [(r[0], EventMention.model_validate_json(r[1]).model_copy(update={"article_id": r[0]})) for r in rows]

    #: An undated mention may join a dated event of its place dated up to this many days
    #: before its article's publication (or one day after).
    UNDATED_DAYS = 10
    #: An undated mention of an article without a publication date is offered at most this many of
    #: its place's dated events (the latest).
    UNDATED_MAX = 200

    def _candidates(
        self, c: sqlite3.Connection, m: EventMention, exclude_article: str, published: str | None = None
    ) -> tuple[list[Event], set[str]]:
        """Events a mention may tell of, and which of them are imported CCC events.

        The same locality (normalised) and the day +/- 1; events whose venue names the mention's
        locality, or whose locality the mention's venue names (a venue in a suburb, issue 10);
        undated events; for an undated mention, the dated events of its place up to
        :data:`UNDATED_DAYS` before its article's publication (when the article has no publication
        date: the place's latest :data:`UNDATED_MAX` dated events), and those of the day of a year its
        date words name ("on Monday, June 9": :func:`~protestdb.store.keys.month_days`). Never an event of the same
        article, nor one holding an article a reviewer split from this one.
        """
        key = normalize_locality(m.locality)
        state = m.state.strip().upper() if m.state else None
        days = candidate_dates(m.date)  # blocking: the same day +/- 1 (late-night events)
        not_same = " AND NOT EXISTS (SELECT 1 FROM event_sources s WHERE s.event_id = e.id AND s.article_id = ?)"
        if days:
            rows = c.execute(
                "SELECT * FROM events e WHERE (e.date IN (?,?,?) OR e.date IS NULL) AND e.locality_key IS ?"
                + not_same + " ORDER BY e.created_at, e.id",
                (*days, key, exclude_article),
            ).fetchall()
            # the place hierarchy: a venue naming the other side's locality
            venue = place_words(m.location) if m.location else None
            if key or venue:
                rows += c.execute(
                    "SELECT * FROM events e WHERE e.date IN (?,?,?) AND e.state IS ? AND e.locality_key IS NOT ?"
                    " AND ((? IS NOT NULL AND e.location IS NOT NULL AND instr(lower(e.location), ?) > 0)"
                    "  OR (? IS NOT NULL AND e.locality_key IS NOT NULL AND instr(?, ' ' || e.locality_key || ' ') > 0))"
                    + not_same + " ORDER BY e.created_at, e.id",
                    (*days, state, key, key, key, venue, venue, exclude_article),
                ).fetchall()
        else:
            rows = c.execute(
                "SELECT * FROM events e WHERE e.date IS NULL AND e.locality_key IS ?" + not_same
                + " ORDER BY e.created_at, e.id",
                (key, exclude_article),
            ).fetchall()
            if key and published:
                d = date.fromisoformat(published[:10])
                lo, hi = (d - timedelta(days=self.UNDATED_DAYS)).isoformat(), (d + timedelta(days=1)).isoformat()
                rows += c.execute(
                    "SELECT * FROM events e WHERE e.locality_key = ? AND e.date BETWEEN ? AND ?" + not_same
                    + " ORDER BY e.date DESC, e.id LIMIT 200",
                    (key, lo, hi, exclude_article),
                ).fetchall()
            elif key:  # no publication date either: the place's dated events (the latest first); only
                # strong identity joins one, never when two of them fit (resolve.decide)
                rows += c.execute(
                    "SELECT * FROM events e WHERE e.locality_key = ? AND e.state IS ? AND e.date IS NOT NULL"
                    + not_same + " ORDER BY e.date DESC, e.id LIMIT ?",
                    (key, state, exclude_article, self.UNDATED_MAX),
                ).fetchall()
            # date words without a year ("Monday, June 9"): the dated events of that day of a year
            mds = sorted(set().union(*(month_days(ev.quote) for ev in m.evidence.get("date_precision", ()))))
            if key and mds:
                rows += c.execute(
                    "SELECT * FROM events e WHERE e.locality_key = ? AND e.state IS ? AND e.date IS NOT NULL"
                    f" AND substr(e.date, 6, 5) IN ({','.join('?' * len(mds))})" + not_same
                    + " ORDER BY e.date DESC, e.id LIMIT 200",
                    (key, state, *mds, exclude_article),
                ).fetchall()
        banned = self.split_banned(c, exclude_article)
        seen: set[str] = set()
        kept = []
        for r in rows:
            if r["id"] not in seen and r["id"] not in banned:
                seen.add(r["id"])
                kept.append(r)
        ccc_ids = {r["id"] for r in kept if r["origin"] == "ccc"}
        events = self._events_from_rows(kept, with_details=False)  # evidence rows are kept by INSERT OR IGNORE
        if events:  # the date quotes: a match a day apart needs one near midnight (merge.near_midnight)
            by_id = {e.id: e for e in events}
            marks = ",".join("?" * len(by_id))
            for eid, fld, start, end, quote, aid in c.execute(
                f'SELECT event_id, field, start, "end", quote, article_id FROM evidence'
                f" WHERE field IN ('date', 'date_precision') AND event_id IN ({marks}) ORDER BY id",
                list(by_id),
            ):  # and the date words of an undated event ("on Saturday, Oct. 18": keys.month_days)
                by_id[eid].evidence.setdefault(fld, []).append(
                    Evidence(start=start, end=end, quote=quote, article_id=aid)
                )
        return events, ccc_ids

    def split_banned(self, c: sqlite3.Connection, article_id: str) -> set[str]:
        """Ids of the events holding an article a reviewer split from ``article_id`` (split_rules)."""
        rows = c.execute(
            "SELECT DISTINCT s.event_id FROM split_rules r JOIN event_sources s ON s.article_id ="
            " CASE WHEN r.article_id = ? THEN r.other_article_id ELSE r.article_id END"
            " WHERE r.article_id = ? OR r.other_article_id = ?",
            (article_id, article_id, article_id),
        ).fetchall()
        return {r[0] for r in rows}

    def add_split_rule(self, c: sqlite3.Connection, article_id: str, other_article_id: str, reason: str | None,
                       by: str) -> None:
        """Keep two articles' mentions apart from now on (a reviewer's split)."""
        a, b = sorted((article_id, other_article_id))
        c.execute(
            "INSERT INTO split_rules(article_id, other_article_id, reason, split_by, split_at) VALUES (?,?,?,?,?)"
            " ON CONFLICT(article_id, other_article_id) DO UPDATE SET reason = excluded.reason,"
            " split_by = excluded.split_by, split_at = excluded.split_at",
            (a, b, reason, by, _now()),
        )

    def split_rules(self, article_id: str | None = None) -> list[dict[str, Any]]:
        """The reviewers' splits (all, or those of one article)."""
        sql = "SELECT * FROM split_rules"
        args: tuple[Any, ...] = ()
        if article_id:
            sql += " WHERE article_id = ? OR other_article_id = ?"
            args = (article_id, article_id)
        with self._lock:
            return [dict(r) for r in self.conn.execute(sql + " ORDER BY split_at, article_id", args)]

    def add_review_flag(self, c: sqlite3.Connection, kind: str, event_id: str, other_event_id: str | None,
                        article_id: str | None, score: float | None, detail: dict[str, Any]) -> int:
        """One review-queue row (ignored when the same kind and pair is already queued)."""
        cur = c.execute(
            "INSERT OR IGNORE INTO review_flags(kind, event_id, other_event_id, article_id, score, detail, status,"
            " created_at) VALUES (?,?,?,?,?,?,?,?)",
            (kind, event_id, other_event_id, article_id, None if score is None else round(score, 3),
             json.dumps(detail, ensure_ascii=False, default=str), "open", _now()),
        )
        return cur.rowcount

    def set_flag_status(self, flag_id: int, status: str) -> bool:
        """Close (resolved | dismissed) or reopen a review-queue row; False if there is no such row."""
        with self.transaction() as c:
            return c.execute("UPDATE review_flags SET status = ? WHERE id = ?", (status, flag_id)).rowcount > 0

    def ccc_events_near(self, c: sqlite3.Connection, locality_key: str, lo: str, hi: str, not_date: str,
                        not_id: str) -> list[Event]:
        """Imported CCC events at a place between two dates, except one date and one event."""
        rows = c.execute(
            "SELECT * FROM events e WHERE e.origin = 'ccc' AND e.locality_key = ? AND e.date BETWEEN ? AND ?"
            " AND e.date != ? AND e.id != ? ORDER BY e.date, e.id",
            (locality_key, lo, hi, not_date, not_id),
        ).fetchall()
        return self._events_from_rows(rows, with_details=False)

    def sources_why(self, event_id: str) -> dict[str, dict[str, Any]]:
        """Article id -> why it joined the event (``event_sources.why``; CCC rows: their file and line)."""
        with self._lock:
            out: dict[str, dict[str, Any]] = {}
            for aid, why in self.conn.execute(
                "SELECT article_id, why FROM event_sources WHERE event_id = ? ORDER BY added_at, rowid", (event_id,)
            ):
                out.setdefault(aid, json.loads(why) if why else {"how": "unrecorded"})
            for key, file, line, snap, match, score in self.conn.execute(
                "SELECT key, file, line, snapshot, match, score FROM ccc_records WHERE event_id = ?", (event_id,)
            ):
                d = out.setdefault("ccc:" + key, {})
                d.update({"how": "ccc-row", "file": file, "line": line, "snapshot": snap, "ccc_match": match})
                if score is not None:
                    d["score"] = score
            return out

    def set_source_why(self, c: sqlite3.Connection, event_id: str, article_id: str, why: dict[str, Any]) -> None:
        c.execute(
            "UPDATE event_sources SET why = ? WHERE event_id = ? AND article_id = ?",
            (json.dumps(why, ensure_ascii=False, default=str), event_id, article_id),
        )

    def add_mentions(self, article: Article, mentions: Sequence[EventMention]) -> list[str]:
        """Resolve each mention into an event (existing or new); returns one event id per mention.

        Mentions of an article already linked to events are not re-added (their ids are
        returned). Mentions of the same article are never merged with each other.
        """
        return self._add_mentions(article, mentions).event_ids

    #: Same place and action as a CCC event on another date: flagged within this many days.
    NEAR_MATCH_DAYS = 30

    @staticmethod
    def _undated_texts(c: sqlite3.Connection, article: Article, m: EventMention,
                       cands: Sequence[Event]) -> Mapping[str, str]:
        """The pages of the undated sides: ``""`` -> the article's (an undated mention), an undated
        candidate's id -> its sources' texts; for an undated mention also the dated candidates' (read
        only when asked for: the named action both pages tell, issue 10)."""
        ids = [ev.id for ev in cands if not m.date or not ev.date]
        return _SourceTexts(c, {"": article.text} if not m.date else {}, ids)

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
            published = _iso(article.published)
            for i, mention in enumerate(mentions):
                m = mention.model_copy(update={"article_id": article.id, "index": i})
                cands, ccc_ids = self._candidates(c, m, article.id, published)
                if getattr(self.resolver.decide, "reads_texts", False):  # the undated sides' pages (recurring actions)
                    texts = self._undated_texts(c, article, m, cands)
                    dec = self.resolver.decide(cands, m, ccc_ids, texts)  # type: ignore[call-arg]
                else:
                    dec = self.resolver.decide(cands, m, ccc_ids)  # the decision and its reasons
                match = dec.event
                if match is None:
                    ev = self.corrections(c, self.resolver.new_event(m, article.id, i))
                    self._write_event(c, ev, is_new=True)
                    res.created.append(ev.id)
                    for other, parts in dec.review:  # close calls: a person decides (review queue)
                        self.add_review_flag(c, "uncertain_match", ev.id, other.id, article.id, parts.get("score"),
                                             {"parts": parts, "date": m.date, "other_date": other.date,
                                              "locality": m.locality, "other_locality": other.locality,
                                              "title": m.title, "other_title": other.title})
                    self._flag_near_matches(c, ev.id, m, article.id)  # same action, another date
                else:
                    ev = self.corrections(c, self.resolver.merge(match, m))  # reviewers' corrections win
                    self._write_event(c, ev, is_new=False)
                    if ev.id not in res.created and ev.id not in res.updated:
                        res.updated.append(ev.id)
                c.execute(
                    "INSERT INTO event_sources(event_id, article_id, mention_index, mention, added_at, why)"
                    " VALUES (?,?,?,?,?,?)",
                    (ev.id, article.id, i, m.model_dump_json(exclude={"article_id"}), _now(),
                     json.dumps(dec.why, ensure_ascii=False, default=str)),
                )
                res.event_ids.append(ev.id)
                if m.date and ev.date:  # undated events stored before it may join it now (order independence)
                    self._join_undated_later(c, ev, article.id, cands, res)
                    self._recheck_undated_joins(c, ev, article.id, res)
                elif ev.date and match is not None:
                    # an undated report joined a dated event and brought its specifics (an organizer, a
                    # venue): an undated event stored before it that shares them may join it now, as it
                    # would have had this report been stored first (order independence)
                    self._join_undated_later(c, ev, article.id, cands, res)
        return res

    def _join_undated_later(self, c: sqlite3.Connection, ev: Event, article_id: str, cands: Sequence[Event],
                            res: IngestResult) -> None:
        """A dated report (or an undated one that joined it and brought its specifics) just went to dated
        event ``event_id``: an undated event of its place stored before it joins it now when each of its sources, offered again with all its candidates, would join it --
        what it would have done had this report been stored first (issue 10: the database must not
        depend on the order of ingestion). The decision is the resolver's, with its reasons; a
        reviewer's split is respected (:meth:`_candidates` never offers a split-off event). Another day's
        edition arriving later takes it out again (:meth:`_recheck_undated_joins`)."""
        if not getattr(self.resolver.decide, "reads_texts", False):
            return
        event_id = ev.id
        for u in cands:
            if u.date or u.id == event_id or not c.execute("SELECT 1 FROM events WHERE id = ?", (u.id,)).fetchone():
                continue
            whys = self._undated_would_join(c, u.id, ev)
            if whys is None:
                continue
            target = self.get_event(event_id)
            assert target is not None
            merged = target
            for _aid, _idx, um in self.mentions_of(c, u.id):
                merged = self.resolver.merge(merged, um)
            self.move_sources(c, u.id, event_id)
            for aid, why in whys.items():
                self.set_source_why(c, event_id, aid, {**why, "later": article_id})
            self.move_corrections(c, u.id, event_id)
            c.execute("UPDATE review_flags SET status = 'resolved' WHERE status = 'open' AND kind = 'uncertain_match'"
                      " AND ((event_id = ? AND other_event_id = ?) OR (event_id = ? AND other_event_id = ?))",
                      (u.id, event_id, event_id, u.id))
            self.redirect_event(c, u.id, event_id)
            self.rewrite_event(c, self.corrections(c, merged))
            if event_id not in res.created and event_id not in res.updated:
                res.updated.append(event_id)

    def _recheck_undated_joins(self, c: sqlite3.Connection, ev: Event, article_id: str, res: IngestResult) -> None:
        """A dated report just went to event ``ev``: an undated report that joined another dated event of
        the place by the resolver (not by a reviewer) is offered again, with that event without it among
        its candidates; when it would no longer join it (``ev`` now fits it as well: another day's edition
        of the named action), it leaves it for an event of its own, the pairs in the review queue: what
        the other order of ingestion gives (issue 10: never a false merge; a reviewer's merge stays).
        The undated report may be the event's first source too: stored first, a dated report joined it
        (``how`` 'new'), and a second equally fitting day of the action must take it out as well."""
        key = normalize_locality(ev.locality)
        if key is None or not getattr(self.resolver.decide, "reads_texts", False):
            return
        # undated sources joined by the resolver (JSON1: whatever the stored JSON's key order or spacing),
        # only those the new event could be offered to: an article published within the undated
        # window of its date (:meth:`_candidates`), with no publication date, or with date words (a day
        # of a year: "on Monday, June 9")
        rows = c.execute(
            "SELECT s.event_id, s.article_id, s.mention, a.text FROM event_sources s"
            " JOIN events e ON e.id = s.event_id JOIN articles a ON a.id = s.article_id"
            " WHERE e.locality_key = ? AND e.id != ? AND e.date IS NOT NULL AND e.origin != 'ccc'"
            " AND json_extract(s.mention, '$.date') IS NULL AND json_extract(s.why, '$.how') IN ('match', 'new')"
            " AND NOT EXISTS (SELECT 1 FROM event_sources r WHERE r.event_id = s.event_id"
            "                 AND json_extract(r.why, '$.how') IN ('review', 'split'))"
            " AND (a.published IS NULL OR json_extract(s.mention, '$.evidence.date_precision[0]') IS NOT NULL"
            "      OR date(?) BETWEEN date(a.published, ?) AND date(a.published, '+1 day'))"
            " ORDER BY s.added_at, s.rowid", (key, ev.id, ev.date, f"-{self.UNDATED_DAYS} days")).fetchall()
        compete = getattr(self.resolver, "may_compete", None)
        new_text = self._article_text(c, article_id) if compete else ""
        for eid, aid, mention_json, text in rows:
            if compete is not None and not compete(ev, new_text, EventMention.model_validate_json(mention_json), text):
                continue  # the new event cannot take this report (another action, no shared name): no re-decision
            sources = self.mentions_of(c, eid)
            mine = [(i, m) for a, i, m in sources if a == aid]
            rest = [m for a, _, m in sources if a != aid]
            article = self.get_article(aid)
            if len(mine) != 1 or not rest or article is None:
                continue
            idx, m = mine[0]
            without = self.resolver.new_event(rest[0], rest[0].article_id or "", 0).model_copy(update={"id": eid})
            for other in rest[1:]:
                without = self.resolver.merge(without, other)
            without = self.corrections(c, without)
            cands, ccc_ids = self._candidates(c, m, aid, _iso(article.published))
            cands = [without, *cands]
            dec = self.resolver.decide(cands, m, ccc_ids, self._undated_texts(c, article, m, cands))  # type: ignore[call-arg]
            if dec.event is not None and dec.event.id == eid:
                continue
            alone = self.resolver.new_event(m, aid, idx)  # its own id again when free (a late join left a redirect)
            c.execute("DELETE FROM event_redirects WHERE old_id = ? AND new_id = ?", (alone.id, eid))
            if c.execute("SELECT 1 FROM events WHERE id = ? UNION ALL SELECT 1 FROM event_redirects WHERE old_id = ?",
                         (alone.id, alone.id)).fetchone():
                alone.id = "ev_" + hashlib.sha1(f"unjoin:{eid}:{aid}".encode()).hexdigest()[:16]
            new_id = alone.id
            alone = self.corrections(c, alone)
            self._write_event(c, alone, is_new=True)
            self.move_sources(c, eid, new_id, article_id=aid)
            self.set_source_why(c, new_id, aid, {"how": "new", "left": eid, "because": article_id,
                                                 "candidates": len(cands)})
            for other, parts in [(without, {"reject": "another dated event of the place fits as well"}), *dec.review]:
                self.add_review_flag(c, "uncertain_match", new_id, other.id, aid, parts.get("score"),
                                     {"parts": parts, "date": None, "other_date": other.date,
                                      "locality": m.locality, "other_locality": other.locality})
            self.rewrite_event(c, without)
            res.updated.extend(x for x in (eid, new_id) if x not in res.updated)

    @staticmethod
    def _article_text(c: sqlite3.Connection, article_id: str) -> str:
        row = c.execute("SELECT text FROM articles WHERE id = ?", (article_id,)).fetchone()
        return row[0] if row else ""

    def _undated_would_join(self, c: sqlite3.Connection, undated_id: str, target: Event) -> dict[str, dict] | None:
        """Article id -> the resolver's decision (``why``) for each source of undated event ``undated_id``
        offered again now, when every one of them joins event ``target``; else None."""
        event_id = target.id
        out: dict[str, dict] = {}
        for aid, _idx, m in self.mentions_of(c, undated_id):
            article = self.get_article(aid)
            if m.date or article is None:
                return None
            # first the one event alone (cheap): most undated events fail here
            dec = self.resolver.decide([target], m, (), self._undated_texts(c, article, m, [target]))  # type: ignore[call-arg]
            if dec.event is None:
                return None
            cands, ccc_ids = self._candidates(c, m, aid, _iso(article.published))  # all of its candidates
            dec = self.resolver.decide(cands, m, ccc_ids, self._undated_texts(c, article, m, cands))  # type: ignore[call-arg]
            if dec.event is None or dec.event.id != event_id or dec.why.get("how") != "match":
                return None
            out[aid] = dec.why
        return out or None

    def _flag_near_matches(self, c: sqlite3.Connection, event_id: str, m: EventMention, article_id: str) -> int:
        """Queue CCC events at the same place with the same action but another date (never merged)."""
        key = normalize_locality(m.locality)
        if not m.date or not key:
            return 0
        d = date.fromisoformat(m.date[:10])
        lo = (d - timedelta(days=self.NEAR_MATCH_DAYS)).isoformat()
        hi = (d + timedelta(days=self.NEAR_MATCH_DAYS)).isoformat()
        n = 0
        for ev, reason, score in self.resolver.near_matches(self.ccc_events_near(c, key, lo, hi, m.date, event_id), m):
            detail = {"reason": reason, "date": m.date, "other_date": ev.date, "locality": m.locality,
                      "state": m.state, "title": m.title, "other_title": ev.title}
            n += self.add_review_flag(c, "ccc_date_conflict", event_id, ev.id, article_id, score, detail)
        return n

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
        """Sources and evidence of ``events``. A source's ``url`` says where it came from: the URL it
        was fetched from (a JSON line's ``url``, a WARC record's target URI), else the file's path as
        given to ingest (issue 10: provenance)."""
        by_id = {e.id: e for e in events}
        ids = list(by_id)
        for chunk_start in range(0, len(ids), 500):
            chunk = ids[chunk_start : chunk_start + 500]
            marks = ",".join("?" * len(chunk))
            for r in self.conn.execute(
                f"SELECT s.event_id, a.id, coalesce(a.url, a.path), a.outlet, a.title, a.published, a.retrieved"
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
        """The event with this id (an id merged away by review leads to the surviving event)."""
        with self._lock:
            event_id = resolve_event_id(self.conn, event_id)
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
        where, args = self._query_where(since, until, state, type, issue, q, locality)
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

    def count_query_events(
        self,
        since: str | date | None = None,
        until: str | date | None = None,
        state: str | None = None,
        type: str | None = None,  # noqa: A002 - as query_events
        issue: str | None = None,
        q: str | None = None,
        locality: str | None = None,
    ) -> int:
        """How many events :meth:`query_events` would return without a limit."""
        where, args = self._query_where(since, until, state, type, issue, q, locality)
        sql = "SELECT COUNT(*) FROM events e" + (" WHERE " + " AND ".join(where) if where else "")
        with self._lock:
            return int(self.conn.execute(sql, args).fetchone()[0])

    def event_ids_with_prefix(self, prefix: str, limit: int = 11) -> list[str]:
        """Ids of stored events that start with ``prefix`` (for ids typed short), in id order."""
        if not prefix:
            return []
        upper = prefix[:-1] + chr(ord(prefix[-1]) + 1)
        with self._lock:
            rows = self.conn.execute(
                "SELECT id FROM events WHERE id >= ? AND id < ? ORDER BY id LIMIT ?", (prefix, upper, int(limit))
            ).fetchall()
        return [r[0] for r in rows]

    def _query_where(
        self,
        since: str | date | None,
        until: str | date | None,
        state: str | None,
        type: str | None,  # noqa: A002 - as query_events
        issue: str | None,
        q: str | None,
        locality: str | None,
    ) -> tuple[list[str], list[Any]]:
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
                "(e.rowid IN (SELECT rowid FROM events_search WHERE events_search MATCH ?)"
                f" OR e.id IN ({EVIDENCE_MATCH}))"
            )
            args += [fq, fq]
        return where, args

    # -- web queries (protestdb.web): filters in SQL, keyset pages, GROUP BY stats ----------
    def _filter_sql(
        self, filters: Mapping[str, Any] | None, walk: bool = False, dense_walk: bool = True
    ) -> tuple[list[str], list[Any]]:
        """WHERE clauses (over ``events e``) for the web filters; see :meth:`search_events`.

        ``walk``: the query reads one page along a sort index (search_events), so a filter that
        matches many events is checked row by row (stops after a page) instead of collecting
        every match first; counts, stats and map points (``walk=False``) collect matches.
        ``dense_walk=False``: a dense map box is a membership set too (see :meth:`_page_rows`).
        """
        f = dict(filters or {})
        where: list[str] = []
        args: list[Any] = []
        if f.get("since"):
            where.append("e.date >= ?")
            args.append(str(f["since"]))
        if f.get("until"):
            where.append("e.date <= ?")
            args.append(str(f["until"]))
        states = f.get("state")
        if states:
            states = [states] if isinstance(states, str) else list(states)
            states = [s.strip().upper() for s in states if s and s.strip()]
            where.append(f"e.state IN ({','.join('?' * len(states))})")
            args += states
        if f.get("locality"):
            loc = str(f["locality"])
            where.append("(e.locality_key = ? OR lower(e.locality) = ?)")
            args += [normalize_locality(loc), loc.strip().lower()]
        if f.get("bbox"):
            west, south, east, north = (float(x) for x in f["bbox"])
            box = (south, north, west, east)
            # exact compare (the R*Tree holds 32-bit boxes rounded outwards); '+' keeps the
            # (lat, lon) B-tree out of the plan
            where.append("+e.lat BETWEEN ? AND ? AND +e.lon BETWEEN ? AND ?")
            args += list(box)
            n = self._match_count("box", box) if walk else 0
            if n <= self.DENSE_BOX or not dense_walk:  # else lat/lon checked per row along the sort index
                where.append(
                    f"{self._rowid_in(walk, n)} (SELECT id FROM events_rtree WHERE max_lat >= ? AND min_lat <= ?"
                    " AND max_lon >= ? AND min_lon <= ?)"
                )
                args += list(box)
        facets = [
            (kind, str(f[key]).strip().lower())
            for key, kind in (("type", "type"), ("issue", "issue"), ("organization", "org"))
            if f.get(key) and isinstance(f[key], str)
        ]
        # several values of one kind (type=march,rally; an organization search's matches): any of them
        for key, kind in (("type", "type"), ("issue", "issue"), ("organization", "org")):
            vals = f.get(key)
            if vals is None or isinstance(vals, str):
                continue
            vals = sorted({str(v).strip().lower() for v in vals if str(v).strip()})
            if not vals:
                where.append("0")
                continue
            marks = ",".join("?" * len(vals))
            where.append(f"e.id IN (SELECT event_id FROM event_facets WHERE kind = ? AND value IN ({marks}))")
            args += [kind, *vals]
        for key in ("valence", "size_cat"):
            if f.get(key) is not None:
                vals = [int(v) for v in (f[key] if isinstance(f[key], (list, tuple)) else [f[key]])]
                where.append(f"e.{key} IN ({','.join('?' * len(vals))})")
                args += vals
        if f.get("county"):
            fips = [c for c in f["county"] if str(c).isdigit()]
            names = [str(c).strip().lower() for c in f["county"] if not str(c).isdigit()]
            names += [n[: -len(" county")] for n in names if n.endswith(" county")]
            names += [n + " county" for n in names if not n.endswith(" county")]
            alt = []
            if fips:
                alt.append(f"e.fips_code IN ({','.join('?' * len(fips))})")
                args += fips
            if names:
                alt.append(f"lower(e.county) IN ({','.join('?' * len(names))})")
                args += names
            where.append("(" + " OR ".join(alt) + ")")
        for key in ("arrests", "injuries"):
            if f.get(key) is not None:
                where.append(f"e.{key} > 0" if f[key] else f"(e.{key} IS NULL OR e.{key} = 0)")
        if f.get("property_damage") is not None:
            where.append(
                "e.property_damage = 1" if f["property_damage"] else "(e.property_damage IS NULL OR e.property_damage = 0)"
            )
        if facets:
            # A rare value: collect its few events (IN); a common one: check each row (EXISTS)
            # while walking the sort index, which stops after one page.
            rare = min(facets, key=self._facet_count)
            if self._facet_count(rare) <= self.RARE_FACET:
                where.append("e.id IN (SELECT event_id FROM event_facets WHERE kind = ? AND value = ?)")
                args += list(rare)
                facets.remove(rare)
            for kind, value in facets:
                where.append(
                    "EXISTS (SELECT 1 FROM event_facets x WHERE x.kind = ? AND x.value = ? AND x.event_id = e.id)"
                )
                args += [kind, value]
        if f.get("ids") is not None:
            where.append("e.id IN (SELECT value FROM json_each(?))")
            args.append(json.dumps(list(f["ids"])))
        if f.get("size_min") is not None:
            where.append("coalesce(e.size_high, e.size_low) >= ?")
            args.append(int(f["size_min"]))
        if f.get("size_max") is not None:
            where.append("coalesce(e.size_low, e.size_high) <= ?")
            args.append(int(f["size_max"]))
        if f.get("announced") is not None:
            where.append("e.announced_only = ?")
            args.append(int(bool(f["announced"])))
        if f.get("origin"):
            where.append("e.origin = ?")
            args.append(str(f["origin"]))
        if f.get("q") and (fq := fts_query(str(f["q"]))):
            # events_search.rowid = events.rowid (migration 0005): bare rowids, no stored ids read
            n = self._match_count("text", (fq,)) if walk else 0
            own = f"{self._rowid_in(walk, n)} (SELECT rowid FROM events_search WHERE events_search MATCH ?)"
            where.append(f"({own} OR e.id IN ({EVIDENCE_MATCH}))")
            args += [fq, fq]
        return where, args

    _SORT_COLUMNS = {"date": "e.date", "size": "e.size_low", "state": "e.state"}
    #: Facet values with at most this many events are filtered with IN (else EXISTS).
    RARE_FACET = 20_000
    #: Pages (``walk``) of a word / map box with at most this many events: collect them, sort.
    #: More: collect their rowids into a set and walk the sort index, checking membership
    #: (read before the row itself), which stops after one page.
    DRIVE_MATCH = 5_000
    #: Map boxes with more events than this: compare lat/lon row by row along the sort index.
    DENSE_BOX = 20_000

    def _rowid_in(self, walk: bool, n: int) -> str:
        """``e.rowid IN`` driving the plan (few matches, or no page walk), else ``+e.rowid IN``: a
        membership test while the sort index drives."""
        return "+e.rowid IN" if walk and n > self.DRIVE_MATCH else "e.rowid IN"

    def _match_count(self, kind: str, key: tuple[Any, ...]) -> int:
        """Events matching a full-text query (``text``) or map box (``box``: south, north, west,
        east) up to max(DRIVE_MATCH, DENSE_BOX) + 1, cached for a minute (steers the plan only)."""
        cache: dict[tuple[str, tuple[Any, ...]], tuple[float, int]] = self.__dict__.setdefault("_match_counts", {})
        hit = cache.get((kind, key))
        now = time.monotonic()
        if hit is None or now - hit[0] > 60:
            if kind == "text":
                sub = "SELECT rowid FROM events_search WHERE events_search MATCH ?"
            else:
                sub = "SELECT id FROM events_rtree WHERE max_lat >= ? AND min_lat <= ? AND max_lon >= ? AND min_lon <= ?"
            with self._lock:
                bound = max(self.DRIVE_MATCH, self.DENSE_BOX) + 1
                n = self.conn.execute(f"SELECT COUNT(*) FROM ({sub} LIMIT ?)", (*key, bound)).fetchone()[0]
            if len(cache) > 1000:
                cache.clear()
            hit = cache[(kind, key)] = (now, int(n))
        return hit[1]

    def _facet_count(self, facet: tuple[str, str]) -> int:
        """Events with this (kind, value) up to RARE_FACET + 1, cached for a minute (steers the plan only)."""
        cache: dict[tuple[str, str], tuple[float, int]] = self.__dict__.setdefault("_facet_counts", {})
        hit = cache.get(facet)
        now = time.monotonic()
        if hit is None or now - hit[0] > 60:
            with self._lock:
                n = self.conn.execute(  # bounded: only "rare or not" matters
                    "SELECT COUNT(*) FROM (SELECT 1 FROM event_facets WHERE kind = ? AND value = ? LIMIT ?)",
                    (*facet, self.RARE_FACET + 1),
                ).fetchone()[0]
            hit = cache[facet] = (now, int(n))
        return hit[1]

    def search_events(
        self,
        filters: Mapping[str, Any] | None = None,
        sort: str = "date",
        order: str = "asc",
        after: Sequence[Any] | None = None,
        limit: int = 100,
        with_details: bool = True,
    ) -> tuple[list[Event], tuple[Any, str] | None]:
        """One page of events matching ``filters``, ordered by ``sort`` (date | size | state) then id.

        Filters (all optional): since, until (ISO dates), state (code or list), locality,
        bbox (west, south, east, north), type, issue, organization, ids (event ids), size_min,
        size_max, announced (True: announced only; False: happened), origin, q (full text).
        Keyset pagination: pass the returned key as ``after`` to get the next page (None
        when this page is the last). SQL NULLs sort first ascending, last descending.
        """
        with self._lock:
            rows, key_col = self._page_rows(filters, sort, order, after, limit)
            more = len(rows) > limit
            rows = rows[:limit]
            events = self._events_from_rows(rows, with_details=with_details)
        nxt = (rows[-1][key_col], rows[-1]["id"]) if more and rows else None
        return events, nxt

    def search_event_rows(
        self,
        filters: Mapping[str, Any] | None = None,
        sort: str = "date",
        order: str = "asc",
        after: Sequence[Any] | None = None,
        limit: int = 100,
    ) -> tuple[list[dict[str, Any]], tuple[Any, str] | None]:
        """One page as :meth:`search_events` finds it, as plain JSON-ready dicts for list pages.

        Each dict equals ``Event.model_dump(mode="json", exclude={"evidence"})`` plus ``origin``
        ('extract' | 'ccc'), built straight from the rows (no models, no evidence); the
        sources of the whole page come from one query.
        """
        with self._lock:
            rows, key_col = self._page_rows(filters, sort, order, after, limit)
            more = len(rows) > limit
            rows = rows[:limit]
            out = self._rows_with_sources(rows)
        nxt = (rows[-1][key_col], rows[-1]["id"]) if more and rows else None
        return out, nxt

    #: Seconds a page of a dense map box may walk row by row (its events bunched at the far end
    #: of the sort order) before it is redone with the box's R*Tree ids as a membership set.
    WALK_BUDGET = 0.05
    #: SQLite VM instructions between two looks at the clock during such a walk.
    WALK_CHECK_EVERY = 2000

    def _page_rows(
        self,
        filters: Mapping[str, Any] | None,
        sort: str,
        order: str,
        after: Sequence[Any] | None,
        limit: int,
    ) -> tuple[list[sqlite3.Row], str]:
        """The rows of one page (up to limit + 1) and its key column. Call under ``self._lock``."""
        sql, args, key_col = self._page_sql("*", filters, sort, order, after, limit)
        box = (filters or {}).get("bbox")
        if box:
            west, south, east, north = (float(x) for x in box)
            if self._match_count("box", (south, north, west, east)) > self.DENSE_BOX:
                deadline = time.monotonic() + self.WALK_BUDGET
                self.conn.set_progress_handler(lambda: time.monotonic() > deadline, self.WALK_CHECK_EVERY)
                try:
                    return self.conn.execute(sql, args).fetchall(), key_col
                except sqlite3.OperationalError as exc:
                    if "interrupt" not in str(exc).lower():
                        raise
                finally:
                    self.conn.set_progress_handler(None, 0)
                sql, args, key_col = self._page_sql("*", filters, sort, order, after, limit, dense_walk=False)
        return self.conn.execute(sql, args).fetchall(), key_col

    def _page_sql(
        self,
        columns: str,
        filters: Mapping[str, Any] | None,
        sort: str,
        order: str,
        after: Sequence[Any] | None,
        limit: int,
        dense_walk: bool = True,
    ) -> tuple[str, list[Any], str]:
        """SELECT of one keyset page (limit + 1 rows, to know whether more follow) and its key column."""
        col = self._SORT_COLUMNS.get(sort)
        if col is None:
            raise StoreError(f"unknown sort {sort!r}")
        desc = order.lower() == "desc"
        where, args = self._filter_sql(filters, walk=True, dense_walk=dense_walk)
        if after is not None:
            val, last_id = after
            if desc:
                if val is None:
                    where.append(f"({col} IS NULL AND e.id < ?)")
                    args.append(last_id)
                else:
                    where.append(f"({col} < ? OR ({col} = ? AND e.id < ?) OR {col} IS NULL)")
                    args += [val, val, last_id]
            elif val is None:
                where.append(f"(({col} IS NULL AND e.id > ?) OR {col} IS NOT NULL)")
                args.append(last_id)
            else:
                where.append(f"({col} > ? OR ({col} = ? AND e.id > ?))")
                args += [val, val, last_id]
        direction = "DESC" if desc else "ASC"
        sql = f"SELECT {columns} FROM events e"
        if where:
            sql += " WHERE " + " AND ".join(where)
        sql += f" ORDER BY {col} {direction}, e.id {direction} LIMIT ?"
        args.append(int(limit) + 1)
        return sql, args, col.split(".")[1]

    def iter_events(
        self, filters: Mapping[str, Any] | None = None, sort: str = "date", order: str = "asc", page: int = 2000
    ) -> Iterator[Event]:
        """Every event matching ``filters``, in keyset pages (for exports)."""
        after = None
        while True:
            events, after = self.search_events(filters, sort, order, after, page)
            yield from events
            if after is None:
                return

    #: Columns of :meth:`iter_export_pages`, in this order.
    EXPORT_COLUMNS: tuple[str, ...] = (
        "id", "origin", "date", "locality", "state", "county", "fips_code", "lat", "lon", "location", "online",
        "title", "event_type", "organizations", "participants", "notables", "targets", "claims_summary",
        "claims_verbatim", "valence", "macroevent", "size_text", "size_low", "size_high", "size_mean", "size_cat",
        "injuries", "arrests", "property_damage", "announced_only", "country", "end_date", "date_precision",
        "geo_precision", "issues",
    )

    def iter_export_pages(
        self, filters: Mapping[str, Any] | None = None, sort: str = "date", order: str = "asc", page: int = 5000
    ) -> Iterator[tuple[list[tuple[Any, ...]], dict[str, list[tuple[str, str | None, str | None]]]]]:
        """Every event matching ``filters`` for a download, in keyset pages: the rows as tuples of
        :data:`EXPORT_COLUMNS` (stored values: lists as JSON text, flags as 0/1) and, per event id,
        its sources ``(article_id, url, outlet)`` in the order :meth:`get_event` lists them."""
        cols = ", ".join(f"e.{c}" for c in self.EXPORT_COLUMNS)
        after: tuple[Any, str] | None = None
        while True:
            with self._lock:
                sql, args, key_col = self._page_sql(cols, filters, sort, order, after, page)
                cur = self.conn.execute(sql, args)
                cur.row_factory = None  # plain tuples
                rows = cur.fetchall()
                more = len(rows) > page
                rows = rows[:page]
                sources: dict[str, list[tuple[str, str | None, str | None]]] = {}
                if rows:
                    for r in self.conn.execute(
                        "SELECT s.event_id, a.id, a.url, a.outlet FROM event_sources s JOIN articles a"
                        " ON a.id = s.article_id WHERE s.event_id IN (SELECT value FROM json_each(?))"
                        " GROUP BY s.event_id, a.id ORDER BY MIN(s.added_at), a.id",
                        (json.dumps([r[0] for r in rows]),),
                    ):
                        sources.setdefault(r[0], []).append((r[1], r[2], r[3]))
            if rows:
                yield rows, sources
            if not more or not rows:
                return
            last = rows[-1]
            after = (last[self.EXPORT_COLUMNS.index(key_col)], last[0])

    def count_events(self, filters: Mapping[str, Any] | None = None) -> int:
        where, args = self._filter_sql(filters)
        sql = "SELECT COUNT(*) FROM events e" + (" WHERE " + " AND ".join(where) if where else "")
        with self._lock:
            return int(self.conn.execute(sql, args).fetchone()[0])

    def total_events(self, filters: Mapping[str, Any] | None = None) -> int:
        """:meth:`count_events`, remembered per filter set until the next write (paging through one
        result set, or the page asking for its list and its stats, counts once). A text query alone
        is counted as the union of its two match sets, without a pass over every event."""
        f = {k: v for k, v in (filters or {}).items() if v is not None}
        key = json.dumps(f, sort_keys=True, default=str)
        mark = self._change_mark()
        cache: dict[str, tuple[tuple[Any, ...], int]] = self.__dict__.setdefault("_totals", {})
        hit = cache.get(key)
        if hit is not None and hit[0] == mark:
            return hit[1]
        if set(f) == {"q"} and (fq := fts_query(str(f["q"]))):
            with self._lock:
                n = int(
                    self.conn.execute(
                        "SELECT COUNT(*) FROM (SELECT rowid FROM events_search WHERE events_search MATCH ?"
                        f" UNION SELECT e.rowid FROM events e WHERE e.id IN ({EVIDENCE_MATCH}))",
                        (fq, fq),
                    ).fetchone()[0]
                )
        else:
            n = self.count_events(f)
        if len(cache) > 2000:
            cache.clear()
        cache[key] = (mark, n)
        return n

    def event_points(self, filters: Mapping[str, Any] | None = None, limit: int = 100_000) -> list[tuple]:
        """(id, lat, lon, size, date, place, planned 0|1) of the located events matching ``filters`` (the map)."""
        where, args = self._filter_sql(filters)
        where.append("e.lat IS NOT NULL AND e.lon IS NOT NULL")
        sql = (
            "SELECT e.id, e.lat, e.lon, coalesce(e.size_mean, e.size_low, e.size_high), e.date,"
            " trim(coalesce(e.locality, '') || ', ' || coalesce(e.state, ''), ', '), e.announced_only"
            " FROM events e WHERE "
            + " AND ".join(where)
            + " ORDER BY e.date, e.id LIMIT ?"
        )
        with self._lock:
            return [tuple(r) for r in self.conn.execute(sql, [*args, int(limit)])]

    def stats(
        self, filters: Mapping[str, Any] | None = None, top: int = 100, counties: bool = False
    ) -> dict[str, Any]:
        """Counts of the matching events per day, week (Monday), state, type, issue, organization
        (the ``top`` most frequent) and their summed sizes, all computed in SQL (GROUP BY); planned
        (announced only) events and reported participants per day; ``counties``: per county FIPS."""
        where, args = self._filter_sql(filters)
        w = (" WHERE " + " AND ".join(where)) if where else ""
        sub = f"SELECT e.id FROM events e{w}"

        def facet(kind: str, limit: int | None = None) -> dict[str, int]:
            lim = f" LIMIT {int(limit)}" if limit else ""
            if where:
                sql = (
                    f"SELECT MIN(x.label), COUNT(*) FROM event_facets x WHERE x.kind = ? AND x.event_id IN ({sub})"
                    f" GROUP BY x.value ORDER BY COUNT(*) DESC, x.value{lim}"
                )
                return dict(self.conn.execute(sql, [kind, *args]).fetchall())
            sql = (
                "SELECT MIN(label), COUNT(*) FROM event_facets WHERE kind = ? GROUP BY value"
                f" ORDER BY COUNT(*) DESC, value{lim}"
            )
            return dict(self.conn.execute(sql, [kind]).fetchall())

        with self._lock:
            tot = self.conn.execute(
                "SELECT COUNT(*), SUM(e.lat IS NOT NULL AND e.lon IS NOT NULL),"
                " SUM(e.size_low IS NOT NULL OR e.size_high IS NOT NULL),"
                " SUM(coalesce(e.size_low, e.size_high, 0)), SUM(coalesce(e.size_high, e.size_low, 0)),"
                f" MIN(e.date), MAX(e.date) FROM events e{w}",
                args,
            ).fetchone()
            per_day: dict[str, int] = {}
            planned_per_day: dict[str, int] = {}
            participants_per_day: dict[str, int] = {}
            for day, cnt, planned, people in self.conn.execute(
                f"SELECT coalesce(e.date, 'unknown'), COUNT(*), SUM(e.announced_only),"
                f" SUM(coalesce(e.size_mean, e.size_low, e.size_high, 0)) FROM events e{w}"
                " GROUP BY e.date ORDER BY e.date",
                args,
            ):
                per_day[day] = cnt
                if planned:
                    planned_per_day[day] = int(planned)
                if people:
                    participants_per_day[day] = int(people)
            per_week: dict[str, int] = {}
            for day, n in per_day.items():
                if day != "unknown":
                    wk = (date.fromisoformat(day) - timedelta(days=date.fromisoformat(day).weekday())).isoformat()
                    per_week[wk] = per_week.get(wk, 0) + n
            per_state = dict(
                self.conn.execute(
                    f"SELECT coalesce(e.state, 'unknown'), COUNT(*) FROM events e{w} GROUP BY e.state"
                    " ORDER BY COUNT(*) DESC, e.state",
                    args,
                ).fetchall()
            )
            n = int(tot[0] or 0)
            per_type, per_issue = facet("type"), facet("issue")
            for name, counts in (("type", per_type), ("issue", per_issue)):
                without = n - self._count_with_facet(name, w, args)
                if without > 0:
                    counts["unknown"] = without
            extra: dict[str, Any] = {}
            if counties:
                extra["per_county"] = {
                    r[0]: {"count": r[1], "county": r[2], "state": r[3]}
                    for r in self.conn.execute(
                        f"SELECT e.fips_code, COUNT(*), MIN(e.county), MIN(e.state) FROM events e{w}"
                        f"{' AND' if w else ' WHERE'} e.fips_code IS NOT NULL AND e.fips_code != ''"
                        " GROUP BY e.fips_code ORDER BY COUNT(*) DESC",
                        args,
                    )
                }
            planned = sum(planned_per_day.values())
            return {
                **extra,
                "events": n,
                "planned": planned,
                "happened": n - planned,
                "planned_per_day": planned_per_day,
                "participants_per_day": participants_per_day,
                "located": int(tot[1] or 0),
                "first_date": tot[5],
                "last_date": tot[6],
                "per_day": per_day,
                "per_week": per_week,
                "per_state": per_state,
                "per_type": per_type,
                "per_issue": per_issue,
                "per_organization": facet("org", top),
                "size": {
                    "events_with_size": int(tot[2] or 0),
                    "size_low_sum": int(tot[3] or 0),
                    "size_high_sum": int(tot[4] or 0),
                },
            }

    def _count_with_facet(self, kind: str, w: str, args: Sequence[Any]) -> int:
        sql = (
            f"SELECT COUNT(*) FROM events e{w}{' AND' if w else ' WHERE'}"
            " EXISTS (SELECT 1 FROM event_facets x WHERE x.event_id = e.id AND x.kind = ?)"
        )
        return int(self.conn.execute(sql, [*args, kind]).fetchone()[0])

    def changes(self, since: datetime | str | None = None) -> list[dict[str, Any]]:
        """The change feed: every create / update / merge / delete of an event after ``since``."""
        with self._lock:
            return event_changes(self.conn, since)

    def changes_page(
        self, since: datetime | str | None = None, after_seq: int | None = None, limit: int = 1000
    ) -> tuple[list[dict[str, Any]], bool]:
        """One page of the change feed (oldest first): changes at or after ``since`` with a
        ``seq`` above ``after_seq``; and whether more follow."""
        where, args = [], []
        key = since_key(since)
        if key:
            where.append("at >= ?")
            args.append(key)
        if after_seq is not None:
            where.append("id > ?")
            args.append(int(after_seq))
        sql = "SELECT id, event_id, op, at, detail FROM event_changes"
        if where:
            sql += " WHERE " + " AND ".join(where)
        sql += " ORDER BY id LIMIT ?"
        with self._lock:
            rows = self.conn.execute(sql, [*args, int(limit) + 1]).fetchall()
        out = [
            {"seq": r[0], "event_id": r[1], "op": r[2], "at": r[3], "detail": json.loads(r[4]) if r[4] else None}
            for r in rows[:limit]
        ]
        return out, len(rows) > limit

    def change_count_mark(self) -> tuple[Any, ...]:
        """(last change-feed id, number of events): moves whenever the events change (campaign caches)."""
        with self._lock:
            return tuple(
                self.conn.execute(
                    "SELECT (SELECT MAX(id) FROM event_changes), (SELECT COUNT(*) FROM events)"
                ).fetchone()
            )

    def _change_mark(self) -> tuple[Any, ...]:
        """Moves whenever an event is written (caches of distinct values key on it)."""
        with self._lock:
            return tuple(
                self.conn.execute(
                    "SELECT (SELECT MAX(id) FROM event_changes), (SELECT MAX(rowid) FROM events)"
                ).fetchone()
            )

    def facet_values(self, kind: str) -> list[tuple[str, str, int]]:
        """(value, label, events) of every type | issue | org value, most frequent first; cached until
        the next write."""
        cache: dict[str, tuple[tuple[Any, ...], list[tuple[str, str, int]]]] = self.__dict__.setdefault(
            "_facet_values", {}
        )
        mark = self._change_mark()
        hit = cache.get(kind)
        if hit is None or hit[0] != mark:
            with self._lock:
                rows = self.conn.execute(
                    "SELECT value, MIN(label), COUNT(*) FROM event_facets WHERE kind = ? GROUP BY value"
                    " ORDER BY COUNT(*) DESC, value",
                    (kind,),
                ).fetchall()
            hit = cache[kind] = (mark, [(r[0], r[1], int(r[2])) for r in rows])
        return hit[1]

    def has_facet(self, kind: str, value: str) -> bool:
        """Does any event carry this type | issue | org value (lower-cased)?"""
        with self._lock:
            return (
                self.conn.execute(
                    "SELECT 1 FROM event_facets WHERE kind = ? AND value = ? LIMIT 1", (kind, value.strip().lower())
                ).fetchone()
                is not None
            )

    def match_organizations(self, text: str) -> list[str]:
        """Organization values (lower-cased, as the ``organization`` filter takes them) that contain
        ``text`` ignoring case, accents, apostrophe and dash styles and punctuation, or whose
        initials spell it (``NDLON`` -> "National Day Laborer Organizing Network")."""
        want = org_key(text)
        if not want:
            return []
        acronym = want.replace(" ", "") if " " not in want and len(want) >= 3 else None
        out = []
        for value, _label, _n in self.facet_values("org"):
            key = org_key(value)
            if f" {want} " in f" {key} " or (len(want) >= 4 and want in key):
                out.append(value)
            elif acronym and acronym == org_initials(value):
                out.append(value)
        return out

    def search_ranked(
        self, filters: Mapping[str, Any], offset: int = 0, limit: int = 100
    ) -> tuple[list[dict[str, Any]], bool]:
        """One page of the events matching a text query (``filters["q"]``) and the other filters, best
        full-text rank (BM25 over the event's fields) first; events found through their evidence
        quotes only come after. Returns list dicts as :meth:`search_event_rows` and whether more follow."""
        fq = fts_query(str(filters.get("q") or ""))
        where, args = self._filter_sql(filters)
        sql = (
            "SELECT e.* FROM events e LEFT JOIN (SELECT rowid AS rid, bm25(events_search) AS rank FROM"
            " events_search WHERE events_search MATCH ?) r ON r.rid = e.rowid"
            + (" WHERE " + " AND ".join(where) if where else "")
            + " ORDER BY coalesce(r.rank, 0), e.date, e.id LIMIT ? OFFSET ?"
        )
        with self._lock:
            rows = self.conn.execute(sql, [fq, *args, int(limit) + 1, int(offset)]).fetchall()
            more = len(rows) > limit
            return self._rows_with_sources(rows[:limit]), more

    def _rows_with_sources(self, rows: Sequence[sqlite3.Row]) -> list[dict[str, Any]]:
        """List dicts of these rows with the sources of all of them from one query (a source's url
        is its fetch URL, else the file path it was read from). Under ``self._lock``."""
        out = _list_dicts(rows)
        if out:
            by_id = {d["id"]: d for d in out}
            for r in self.conn.execute(
                "SELECT s.event_id, a.id, coalesce(a.url, a.path), a.outlet, a.title, a.published, a.retrieved"
                " FROM event_sources s JOIN articles a ON a.id = s.article_id"
                " WHERE s.event_id IN (SELECT value FROM json_each(?))"
                " GROUP BY s.event_id, a.id ORDER BY MIN(s.added_at), a.id",
                (json.dumps(list(by_id)),),
            ):
                by_id[r[0]]["sources"].append(
                    {
                        "article_id": r[1],
                        "url": r[2],
                        "outlet": r[3],
                        "title": r[4],
                        "published": _json_date(r[5]),
                        "retrieved": _json_datetime(r[6]),
                    }
                )
        return out

    # -- CCC import (protestdb.ccc) -------------------------------------------------------
    def ccc_raw_rows(self, event_ids: Sequence[str] | None = None) -> dict[str, dict[str, str]]:
        """Event id -> the cleaned CCC row it was imported from (the newest snapshot's), for export."""
        sql = "SELECT event_id, columns FROM ccc_records"
        args: list[Any] = []
        if event_ids is not None:
            sql += " WHERE event_id IN (SELECT value FROM json_each(?))"
            args.append(json.dumps(list(event_ids)))
        sql += " ORDER BY snapshot, imported_at, rowid"
        with self._lock:
            return {r[0]: json.loads(r[1]) for r in self.conn.execute(sql, args)}

    def ccc_records(self, event_id: str) -> list[dict[str, Any]]:
        """The CCC rows an event was imported from or matched to (file, line, match, score, columns)."""
        sql = (
            "SELECT file, line, snapshot, match, score, columns FROM ccc_records"
            " WHERE event_id = ? ORDER BY snapshot, imported_at, rowid"
        )
        with self._lock:
            rows = self.conn.execute(sql, (event_id,)).fetchall()
        keys = ("file", "line", "snapshot", "match", "score", "columns")
        return [{**dict(zip(keys, r, strict=True)), "columns": json.loads(r[5])} for r in rows]

    def event_origins(self, event_ids: Sequence[str]) -> dict[str, str]:
        """Event id -> 'extract' (from articles) or 'ccc' (an imported CCC row, values without evidence)."""
        with self._lock:
            rows = self.conn.execute(
                "SELECT id, origin FROM events WHERE id IN (SELECT value FROM json_each(?))",
                (json.dumps(list(event_ids)),),
            ).fetchall()
            return {r[0]: r[1] for r in rows}

    def review_flags(self, status: str | None = "open", kind: str | None = None,
                     event_id: str | None = None) -> list[dict[str, Any]]:
        """The review queue: 'uncertain_match' (a close call resolution did not merge, with its score
        components) and 'ccc_date_conflict' (an article's event vs a CCC event on another date);
        ``event_id``: only the rows involving that event."""
        where, args = [], []
        if event_id:
            where.append("(event_id = ? OR other_event_id = ?)")
            args += [event_id, event_id]
        if status:
            where.append("status = ?")
            args.append(status)
        if kind:
            where.append("kind = ?")
            args.append(kind)
        sql = "SELECT * FROM review_flags" + (" WHERE " + " AND ".join(where) if where else "") + " ORDER BY id"
        with self._lock:
            out = []
            for r in self.conn.execute(sql, args):
                d = dict(r)
                d["detail"] = json.loads(d["detail"] or "{}")
                out.append(d)
            return out

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
