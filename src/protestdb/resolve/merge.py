"""Resolve v1: does a new mention tell of an event already stored, and how fields merge.

Pure functions; the store calls them inside its transaction. A mention matches an event
when the dates are equal (or both null), the normalised locality and the state are equal
(both null locality: overlapping types and the same country), the event types overlap
and, where both name a venue, the venues fuzzy-match.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable, Sequence

from rapidfuzz import fuzz, utils

from protestdb.models import LIST_FIELDS, Event, EventMention, Evidence

#: Venue names at least this similar (rapidfuzz token_set_ratio, 0-100) are the same place.
LOCATION_MIN_SCORE = 80.0

NYC_BOROUGHS = {"manhattan", "brooklyn", "queens", "bronx", "the bronx", "staten island"}
LOCALITY_ALIASES = {"nyc": "new york", "new york city": "new york", "la": "los angeles", "dc": "washington"}

SIZE_FIELDS = ("size_text", "size_low", "size_high", "size_mean", "size_cat")
#: Scalars whose first non-null value is kept.
SCALAR_FIELDS = (
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
    "title",
    "macroevent",
    "valence",
    "arrests",
    "injuries",
    "property_damage",
)


def event_id_for(article_id: str, index: int) -> str:
    """Stable id of an event first told by mention ``index`` of ``article_id``."""
    return "ev_" + hashlib.sha1(f"{article_id}:{index}".encode()).hexdigest()[:16]


def normalize_locality(name: str | None) -> str | None:
    if not name:
        return None
    s = name.lower().strip()
    s = re.sub(r"^(the )?(city|town|village|borough) of ", "", s)
    s = re.sub(r"[^\w\s]", " ", s)
    s = re.sub(r"\s+", " ", s).strip()
    s = re.sub(r"^(st|ste)\b", "saint", s)
    if s in NYC_BOROUGHS:
        return "new york"
    return LOCALITY_ALIASES.get(s, s) or None


def _norm_state(s: str | None) -> str | None:
    return s.strip().upper() if s else None


def types_overlap(a: Sequence[str], b: Sequence[str]) -> bool:
    return bool({t.lower() for t in a} & {t.lower() for t in b})


def location_compatible(a: str | None, b: str | None) -> bool:
    if not a or not b:
        return True
    return fuzz.token_set_ratio(a, b, processor=utils.default_process) >= LOCATION_MIN_SCORE


def location_score(a: str | None, b: str | None) -> float:
    if not a or not b:
        return 50.0
    return float(fuzz.token_set_ratio(a, b, processor=utils.default_process))


def matches(event: Event, mention: EventMention) -> bool:
    """True when ``mention`` tells of ``event`` (resolve v1 rules)."""
    if (event.date or None) != (mention.date or None):
        return False
    ek, mk = normalize_locality(event.locality), normalize_locality(mention.locality)
    if ek != mk:
        return False
    if _norm_state(event.state) != _norm_state(mention.state):
        return False
    if ek is None:
        if (event.country or None) != (mention.country or None):
            return False
        if not types_overlap(event.event_type, mention.event_type):
            return False
    elif event.event_type and mention.event_type and not types_overlap(event.event_type, mention.event_type):
        return False
    return location_compatible(event.location, mention.location)


def best_match(candidates: Iterable[Event], mention: EventMention) -> Event | None:
    """The matching candidate with the most similar venue (ties: the earliest given)."""
    best: Event | None = None
    best_score = -1.0
    for ev in candidates:
        if matches(ev, mention):
            score = location_score(ev.location, mention.location)
            if score > best_score:
                best, best_score = ev, score
    return best


def _union(a: list[str], b: list[str]) -> list[str]:
    seen = {x.casefold() for x in a}
    out = list(a)
    for x in b:
        if x.casefold() not in seen:
            seen.add(x.casefold())
            out.append(x)
    return out


def size_category(low: int | None) -> int:
    """CCC size_cat: 0 unknown, 1: 1-99, 2: 100-999, 3: 1,000-9,999, 4: 10,000+."""
    if low is None or low <= 0:
        return 0
    return 1 if low < 100 else 2 if low < 1000 else 3 if low < 10000 else 4


def _with_article(spans: list[Evidence], article_id: str | None) -> list[Evidence]:
    return [s if s.article_id or not article_id else s.model_copy(update={"article_id": article_id}) for s in spans]


def event_from_mention(mention: EventMention, event_id: str) -> Event:
    """A new event holding one mention's fields; evidence spans get the mention's article id."""
    data = mention.model_dump(exclude={"article_id", "index", "evidence"})
    ev = Event(id=event_id, **data)
    ev.evidence = {f: _with_article(spans, mention.article_id) for f, spans in mention.evidence.items() if spans}
    return ev


def _add_spans(event: Event, field: str, spans: list[Evidence]) -> None:
    for s in spans:
        event.add_evidence(field, s.start, s.end, s.quote, s.article_id)


def merge_into(event: Event, mention: EventMention) -> Event:
    """A copy of ``event`` with ``mention`` merged in (CCC rules).

    Lists are united; sizes keep every source's words (``size_text`` joined by "; "),
    the smallest low and the largest high; scalars keep the first non-null value. The
    mention's evidence is added for lists, sizes, and scalars whose kept value it shares.
    """
    ev = event.model_copy(deep=True)
    ev_spans = {f: _with_article(s, mention.article_id) for f, s in mention.evidence.items() if s}
    for f in LIST_FIELDS:
        setattr(ev, f, _union(getattr(ev, f), getattr(mention, f)))
        _add_spans(ev, f, ev_spans.get(f, []))
    for f in SCALAR_FIELDS:
        mine, theirs = getattr(ev, f), getattr(mention, f)
        if f == "date_precision":
            if mine == "unknown" and theirs != "unknown":
                ev.date_precision = theirs
            continue
        if mine is None and theirs is not None:
            setattr(ev, f, theirs)
        if theirs is not None and getattr(ev, f) == theirs:
            _add_spans(ev, f, ev_spans.get(f, []))
    if mention.date is not None:
        _add_spans(ev, "date", ev_spans.get("date", []))
    # sizes
    if mention.size_text:
        parts = [p.strip() for p in (ev.size_text or "").split(";") if p.strip()]
        if mention.size_text.strip().casefold() not in {p.casefold() for p in parts}:
            parts.append(mention.size_text.strip())
        ev.size_text = "; ".join(parts)
    lows = [x for x in (ev.size_low, mention.size_low) if x is not None]
    highs = [x for x in (ev.size_high, mention.size_high) if x is not None]
    ev.size_low = min(lows) if lows else None
    ev.size_high = max(highs) if highs else None
    if ev.size_low is not None and ev.size_high is not None:
        ev.size_mean = round((ev.size_low + ev.size_high) / 2, 1)
    elif ev.size_low is not None or ev.size_high is not None:
        ev.size_mean = float(ev.size_low if ev.size_low is not None else ev.size_high)  # type: ignore[arg-type]
    ev.size_cat = size_category(ev.size_low) or max(ev.size_cat, mention.size_cat)
    for f in SIZE_FIELDS:
        _add_spans(ev, f, ev_spans.get(f, []))
    # it happened if any source reports it happened; online only if every source says so
    ev.announced_only = ev.announced_only and mention.announced_only
    ev.online = ev.online and mention.online
    for f in ("announced_only", "online"):
        if getattr(ev, f) and getattr(mention, f):
            _add_spans(ev, f, ev_spans.get(f, []))
    if not ev.announced_only:
        ev.evidence.pop("announced_only", None)
    if not ev.online:
        ev.evidence.pop("online", None)
    return ev
