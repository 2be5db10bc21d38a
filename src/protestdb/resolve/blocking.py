"""Blocking for resolution, and a batch resolver for millions of mentions.

The store resolves one article at a time (:meth:`Store.ingest`), looking up candidates
by normalised locality and the same day +/- 1 (:func:`candidate_dates`). For a bulk
load (a crawl, an archive, the benchmark) :func:`resolve_stream` makes the same decision
(:func:`protestdb.resolve.merge.score_keys` and :func:`~protestdb.resolve.merge.pick_best`)
in memory over date-ordered mentions, keeping only the last days' events. It works on
precomputed :class:`~protestdb.resolve.merge.MatchKey` objects (normalised place, type
set, venue tokens, organization forms ...) updated as mentions merge, and builds each
:class:`Event` once, when it is final (:func:`build_event`, the same result as
:func:`event_from_mention` followed by :func:`merge_into`). :func:`bulk_write` inserts
the result with ``executemany`` in large transactions; :func:`bulk_load` switches a NEW,
empty store file to unsafe-but-fast settings for the load.
"""

from __future__ import annotations

import gc
from collections import defaultdict
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING, Any

from protestdb.models import LIST_FIELDS, Article, Event, EventMention, Evidence, size_category
from protestdb.resolve.merge import (
    SCALAR_FIELDS,
    SIZE_FIELDS,
    MatchKey,
    _claim_key,
    _org_forms_cached,
    _title_key_cached,
    _venue_tokens_cached,
    action_orgs,
    acts_as_organizer,
    event_id_for,
    normalize_locality,
    pick_best,
    score_keys,
    weak_among_several,
)
from protestdb.store.keys import candidate_dates  # noqa: F401 (re-exported)

if TYPE_CHECKING:  # pragma: no cover
    from protestdb.store.sqlite import Store


def block_key(m: EventMention | Event) -> tuple[str | None, str | None, str | None]:
    """Mentions can only match events with the same key: (locality, state, country-if-no-locality)."""
    loc = normalize_locality(m.locality)
    return (loc, (m.state or "").strip().upper() or None, None if loc else (m.country or None))


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


class _Cluster:
    """An event being built in :func:`resolve_stream`: its match key and its mentions."""

    __slots__ = ("key", "mentions", "articles", "locality", "state", "title", "macroevent", "org_seen",
                 "claim_seen", "size_low")

    def __init__(self, m: EventMention, key: MatchKey) -> None:
        self.key = key
        self.mentions = [m]
        self.articles = {m.article_id}
        self.locality, self.state, self.title, self.macroevent = m.locality, m.state, m.title, m.macroevent
        self.org_seen = {o.casefold() for o in m.organizations}
        self.claim_seen = {c.casefold() for c in m.claims_summary}
        self.size_low = m.size_low

    def add(self, m: EventMention, mk: MatchKey) -> None:
        """Merge ``m`` into the key as :func:`merge_into` merges it into the event."""
        self.mentions.append(m)
        self.articles.add(m.article_id)
        self._add_keys(mk)
        self._add_place(m)
        self._add_title(m)  # before the organizers: whether a name is the action's own needs the title
        self._add_orgs(m)
        self._add_sets(m, mk)
        if m.size_low is not None:
            self.size_low = m.size_low if self.size_low is None else min(self.size_low, m.size_low)
            self.key.size = self.size_low or None

    def _add_keys(self, mk: MatchKey) -> None:
        """Types, country, date words and valence from the mention's key."""
        k = self.key
        if mk.types - k.types:
            k.types = k.types | mk.types
        if k.country is None:
            k.country = mk.country
        k.night = k.night or mk.night  # as the stored event uses every source's date words
        k.late = k.late or mk.late
        k.early = k.early or mk.early
        k.plain = (k.plain or mk.plain) and not k.night
        if k.valence is None:
            k.valence = mk.valence

    def _add_place(self, m: EventMention) -> None:
        """The first locality, state and venue (the venue's tokens read with the place)."""
        if self.locality is None:
            self.locality = m.locality
        if self.state is None:
            self.state = m.state
        if self.key.location is None and m.location:
            self.key.location = m.location
            self.key.vtoks = _venue_tokens_cached(m.location, self.locality, self.state)

    def _add_orgs(self, m: EventMention) -> None:
        k = self.key
        for o in m.organizations:
            if o.casefold() not in self.org_seen:
                self.org_seen.add(o.casefold())
                k.orgs += (o,)
                k.org_forms = k.org_forms | _org_forms_cached(o)
                k.korgs = k.korgs or acts_as_organizer(o, self.locality, k.state, k.title)
                k.org_titles = k.org_titles | action_orgs((o,))

    def _add_title(self, m: EventMention) -> None:
        """The first title (else macro-event name), as the event keeps it."""
        if (self.title is None and m.title) or (self.macroevent is None and m.macroevent):
            self.title = self.title if self.title is not None else m.title
            self.macroevent = self.macroevent if self.macroevent is not None else m.macroevent
            title = _title_key_cached(self.title or self.macroevent)
            if title != self.key.title:
                k = self.key
                k.title = title
                # as MatchKey(event) reads them: the names that act as organizers, under the new title
                k.korgs = any(acts_as_organizer(o, self.locality, k.state, k.title) for o in k.orgs)

    def _add_sets(self, m: EventMention, mk: MatchKey) -> None:
        """Issues, targets, public figures and claims: unions."""
        k = self.key
        if mk.issues - k.issues:
            k.issues = k.issues | mk.issues
        if mk.targets - k.targets:
            k.targets = k.targets | mk.targets
        if mk.notables - k.notables:
            k.notables = k.notables | mk.notables
        for c in m.claims_summary:
            if c.casefold() not in self.claim_seen:
                self.claim_seen.add(c.casefold())
                ck = _claim_key(c)
                if ck:
                    k.claims = k.claims | {ck}


def resolve_stream(mentions: Iterable[EventMention], window_days: int = 1) -> Iterator[Resolved]:
    """Resolve date-ordered mentions (each with ``article_id`` and ``index``) into events.

    Same decision as the store (:func:`protestdb.resolve.merge.best_match`, same day +/-
    ``window_days``); memory holds only the events of the last ``window_days * 2 + 1``
    days (mentions without a date are held to the end). Events are yielded once no later
    mention can reach them. Mentions of one article never merge with each other.
    """
    blocks: dict[tuple, dict[int | None, list[_Cluster]]] = defaultdict(lambda: defaultdict(list))
    by_day: dict[int | None, list[tuple[tuple, _Cluster]]] = defaultdict(list)
    watermark: int | None = None

    def flush(before: int | None) -> Iterator[Resolved]:
        for d in sorted(k for k in by_day if k is not None and (before is None or k < before)):
            for key, c in by_day.pop(d):
                blk = blocks.get(key)
                if blk is not None:
                    blk.pop(d, None)
                    if not blk:
                        blocks.pop(key, None)
                yield _resolved(c)

    for m in mentions:
        mk = MatchKey(m)
        d = mk.day
        if d is not None and (watermark is None or d > watermark):
            watermark = d
            yield from flush(d - 2 * window_days)
        key = (mk.loc, mk.state, None if mk.loc else mk.country)
        blk = blocks[key]
        if d is None:
            cands = [c for c in blk.get(None, ()) if m.article_id not in c.articles]
        else:
            cands = [
                c for dd in range(d - window_days, d + window_days + 1) for c in blk.get(dd, ())
                if m.article_id not in c.articles
            ]
        i = pick_best([score_keys(c.key, mk) for c in cands], mk) if cands else None
        if i is not None and weak_among_several(cands[i].key, mk, len(cands)):
            i = None  # as the store decides (resolve.decide)
        if i is None:
            c = _Cluster(m, mk)
            blk[d].append(c)
            by_day[d].append((key, c))
        else:
            cands[i].add(m, mk)
    yield from flush(None)
    for _key, c in by_day.pop(None, []):
        yield _resolved(c)


def _resolved(c: _Cluster) -> Resolved:
    m0 = c.mentions[0]
    return Resolved(build_event(c.mentions, event_id_for(m0.article_id or "", m0.index)), c.mentions)


_COPY_FIELDS = tuple(f for f in Event.model_fields if f not in ("id", "sources", "created_at", "updated_at", "evidence"))


def _spans(spans: Sequence[Evidence], article_id: str | None) -> list[Evidence]:
    if not article_id or all(s.article_id for s in spans):
        return list(spans)
    return [s if s.article_id else Evidence(start=s.start, end=s.end, quote=s.quote, article_id=article_id)
            for s in spans]


def build_event(mentions: Sequence[EventMention], event_id: str) -> Event:
    """The event of ``mentions`` (in order): :func:`event_from_mention` of the first, then
    :func:`merge_into` of each other, computed on plain values and built once."""
    m0 = mentions[0]
    d = {f: getattr(m0, f) for f in _COPY_FIELDS}
    for f in LIST_FIELDS:
        d[f] = list(d[f])
    evid: dict[str, list[Evidence]] = {f: _spans(s, m0.article_id) for f, s in m0.evidence.items() if s}
    if len(mentions) > 1:
        fold = _Fold(d, evid)
        for m in mentions[1:]:
            fold.merge(m)
    return Event.model_construct(id=event_id, evidence=evid, sources=[], created_at=None, updated_at=None, **d)


class _Fold:
    """Values (``d``) and evidence (``evid``) of an event being built, merging one mention at a time."""

    def __init__(self, d: dict[str, Any], evid: dict[str, list[Evidence]]) -> None:
        self.d = d
        self.evid = evid
        self.seen: dict[str, set[tuple]] = {}
        self.folded = {f: {x.casefold() for x in d[f]} for f in LIST_FIELDS}

    def add(self, f: str, spans: list[Evidence] | None) -> None:
        """Evidence spans of a field, each once."""
        if not spans:
            return
        have = self.seen.get(f)
        if have is None:
            have = self.seen[f] = {(s.start, s.end, s.quote, s.article_id) for s in self.evid.get(f, ())}
        for s in spans:
            t = (s.start, s.end, s.quote, s.article_id)
            if t not in have:
                have.add(t)
                self.evid.setdefault(f, []).append(s)

    def merge(self, m: EventMention) -> None:
        ms = {f: _spans(s, m.article_id) for f, s in m.evidence.items() if s}
        self._lists(m, ms)
        self._scalars(m, ms)
        if m.date is not None:
            if self.d["date"] is None:  # as merge_into: an undated event takes a dated source's date
                self.d["date"] = m.date
            self.add("date", ms.get("date"))
        self._size(m, ms)
        self._flags(m, ms)

    def _lists(self, m: EventMention, ms: dict[str, list[Evidence]]) -> None:
        for f in LIST_FIELDS:
            seen_f = self.folded[f]
            for x in getattr(m, f):
                if x.casefold() not in seen_f:
                    seen_f.add(x.casefold())
                    self.d[f].append(x)
            self.add(f, ms.get(f))

    def _scalars(self, m: EventMention, ms: dict[str, list[Evidence]]) -> None:
        d = self.d
        for f in SCALAR_FIELDS:
            theirs = getattr(m, f)
            if f == "date_precision":
                if d[f] == "unknown" and theirs != "unknown":
                    d[f] = theirs
                continue
            if d[f] is None and theirs is not None:
                d[f] = theirs
            if theirs is not None and d[f] == theirs:
                self.add(f, ms.get(f))

    def _size(self, m: EventMention, ms: dict[str, list[Evidence]]) -> None:
        d = self.d
        if m.size_text:
            parts = [x.strip() for x in (d["size_text"] or "").split(";") if x.strip()]
            if m.size_text.strip().casefold() not in {x.casefold() for x in parts}:
                parts.append(m.size_text.strip())
            d["size_text"] = "; ".join(parts)
        lows = [x for x in (d["size_low"], m.size_low) if x is not None]
        highs = [x for x in (d["size_high"], m.size_high) if x is not None]
        d["size_low"] = min(lows) if lows else None
        d["size_high"] = max(highs) if highs else None
        lo, hi = d["size_low"], d["size_high"]
        if lo is not None and hi is not None:
            d["size_mean"] = round((lo + hi) / 2, 1)
        elif lo is not None or hi is not None:
            d["size_mean"] = float(lo if lo is not None else hi)
        d["size_cat"] = size_category(lo) or max(d["size_cat"], m.size_cat)
        for f in SIZE_FIELDS:
            self.add(f, ms.get(f))

    def _flags(self, m: EventMention, ms: dict[str, list[Evidence]]) -> None:
        """announced_only / online hold only if every source says so (and keep evidence only then)."""
        d = self.d
        d["announced_only"] = d["announced_only"] and m.announced_only
        d["online"] = d["online"] and m.online
        for f in ("announced_only", "online"):
            if d[f] and getattr(m, f):
                self.add(f, ms.get(f))
            if not d[f]:
                self.evid.pop(f, None)
                self.seen.pop(f, None)


def resolve_batch(mentions: Iterable[EventMention], window_days: int = 1) -> list[Resolved]:
    """:func:`resolve_stream` over mentions in any order (sorted by date first)."""
    ordered = sorted(mentions, key=lambda m: (_day(m.date) is None, _day(m.date) or 0))
    return list(resolve_stream(ordered, window_days=window_days))


@contextmanager
def bulk_load(store: Store, cache_mb: int = 256, pause_gc: bool = True) -> Iterator[Store]:
    """Fast, crash-unsafe settings while loading a batch into a NEW, empty store file.

    ``journal_mode=OFF`` and ``synchronous=OFF`` (and a large page cache) for the load;
    the store's normal settings (WAL, ``synchronous=NORMAL``) are restored afterwards.
    With ``pause_gc`` Python's cyclic garbage collector is paused for the load (it
    rescans the growing heap of mentions again and again: 3x the resolve time at 300k
    mentions) and run once at the end; the resolver creates no reference cycles.
    Refused (ValueError) for a store that already holds articles or events: a crash or
    an error during the load can leave the file corrupt, so delete it and load again.
    """
    if store.holds_data():
        raise ValueError("bulk_load is only for a new, empty store file")
    gc_was_on = gc.isenabled()
    with store.bulk_settings(cache_mb):
        if pause_gc:
            gc.disable()
        try:
            yield store
        finally:
            if pause_gc and gc_was_on:
                gc.enable()
                gc.collect()


def bulk_add_articles(store: Store, articles: Iterable[Article], batch: int = 20000) -> int:
    """Insert articles not yet stored (keyed by content hash); returns how many were new."""
    n = 0
    buf: list[Article] = []

    write = store.add_articles_bulk

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


def bulk_write(store: Store, resolved: Iterable[Resolved], batch: int = 20000) -> tuple[int, int]:
    """Insert resolved events (new ids) with their sources and evidence; returns (events, mentions).

    The articles must be stored first (:func:`bulk_add_articles`). Meant for loading a
    batch into a store that does not yet hold these events; incremental updates go
    through :meth:`Store.ingest`.
    """
    n_ev = n_m = 0
    buf: list[Resolved] = []

    def write(rows: list[Resolved]) -> None:
        store.add_events_bulk((r.event, r.mentions) for r in rows)

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
