"""Human review: correct a field, merge two events, split one; every action audited.

Corrections live in their own table (``corrections``, migration 0003) and are applied on
top of the machine's value every time an event is written by resolution (see
:func:`apply_corrections`, called by the store), so re-ingesting or re-extracting never
overwrites a reviewer's value. Every action writes one ``review_log`` row: who, when, the
value before and after. Events merged away leave a redirect (stable ids), and triggers on
the ``events`` table write the change feed read by :func:`event_changes`.
"""

from __future__ import annotations

import hashlib
import math
import sqlite3
from collections.abc import Mapping
from datetime import date
from typing import TYPE_CHECKING, Any

from protestdb.models import EVIDENCED_FIELDS, LIST_FIELDS, Event, EventMention, size_category
from protestdb.resolve.merge import event_from_mention, merge_into
from protestdb.store.sqlite import corrections_of, event_changes, resolve_event_id  # noqa: F401 (re-exported)

if TYPE_CHECKING:  # pragma: no cover
    from protestdb.store.sqlite import Store

#: Fields a reviewer may correct (the record's fields, plus the date precision).
CORRECTABLE_FIELDS: tuple[str, ...] = (*EVIDENCED_FIELDS, "date_precision")
_INT_FIELDS = {"valence", "size_low", "size_high", "size_cat", "arrests", "injuries"}
_FLOAT_FIELDS = {"lat", "lon", "size_mean"}
_BOOL_FIELDS = {"property_damage", "online", "announced_only"}
_DATE_FIELDS = {"date", "end_date"}
#: Allowed ranges of numeric corrections (others: 0 to 10**12).
_INT_RANGES = {"valence": (0, 2), "size_cat": (0, 4)}
_FLOAT_RANGES = {"lat": (-90.0, 90.0), "lon": (-180.0, 180.0), "size_mean": (0.0, 1e12)}
#: Longest correction value (characters).
MAX_VALUE_CHARS = 2000


class ReviewError(ValueError):
    """A review action that cannot be done (unknown event or field, bad value ...)."""


def parse_value(field: str, raw: Any) -> Any:
    """A reviewer's value (often a CLI string) -> the field's type; "" / "null" clear it.

    Lists are split on ";" ("rally; march"), booleans accept yes/no/true/false/1/0, dates
    must be ISO (YYYY-MM-DD).
    """
    if field not in CORRECTABLE_FIELDS:
        raise ReviewError(f"unknown or read-only field {field!r}; fields: {', '.join(CORRECTABLE_FIELDS)}")
    raw = _check_raw(field, raw)
    if field in LIST_FIELDS:
        return _parse_list(field, raw)
    if raw is None:
        return _CLEARED.get(field)
    try:
        typed = _parse_typed(field, raw)
    except ReviewError:
        raise
    except (ValueError, OverflowError) as exc:
        raise ReviewError(f"bad value {str(raw)[:60]!r} for {field}") from exc
    if typed is not _UNTYPED:
        return typed
    return _parse_text(field, raw)


#: What a cleared ("" / "null") scalar becomes (others: None).
_CLEARED: dict[str, Any] = {"size_cat": 0, "online": False, "announced_only": False, "date_precision": "unknown"}
_UNTYPED = object()


def _check_raw(field: str, raw: Any) -> Any:
    """``raw`` stripped, "" / "null" / "none" as None; a dict, a list for a scalar or an overlong text refused."""
    if isinstance(raw, str):
        raw = raw.strip()
        if raw.lower() in ("", "null", "none"):
            raw = None
    if isinstance(raw, dict) or (isinstance(raw, list) and field not in LIST_FIELDS):
        raise ReviewError(f"bad value for {field}: a {type(raw).__name__} where one value is expected")
    if isinstance(raw, str) and len(raw) > MAX_VALUE_CHARS:
        raise ReviewError(f"bad value for {field}: longer than {MAX_VALUE_CHARS} characters")
    return raw


def _parse_list(field: str, raw: Any) -> list[str]:
    if raw is None:
        return []
    items = raw if isinstance(raw, list) else str(raw).split(";")
    if any(isinstance(x, (dict, list, bool)) or x is None for x in items):
        raise ReviewError(f"bad value for {field}: list items must be words or numbers")
    out = [str(x).strip() for x in items if str(x).strip()]
    if sum(len(x) for x in out) > MAX_VALUE_CHARS:
        raise ReviewError(f"bad value for {field}: longer than {MAX_VALUE_CHARS} characters")
    return out


def _parse_int(field: str, raw: Any) -> int:
    if isinstance(raw, bool) or (isinstance(raw, float) and not raw.is_integer()):
        raise ValueError(raw)
    n = int(raw) if isinstance(raw, float) else int(str(raw).replace(",", ""))
    lo, hi = _INT_RANGES.get(field, (0, 10**12))
    if not lo <= n <= hi:
        raise ReviewError(f"bad value {n} for {field} (from {lo} to {hi})")
    return n


def _parse_float(field: str, raw: Any) -> float:
    if isinstance(raw, bool):
        raise ValueError(raw)
    x = float(raw)
    lo_f, hi_f = _FLOAT_RANGES[field]
    if not math.isfinite(x) or not lo_f <= x <= hi_f:  # "NaN" never clears a coordinate
        raise ReviewError(f"bad value {raw!r} for {field} (a number from {lo_f:g} to {hi_f:g})")
    return x


def _parse_bool(raw: Any) -> bool:
    if isinstance(raw, bool):
        return raw
    low = str(raw).lower()
    if low in ("1", "true", "yes", "y"):
        return True
    if low in ("0", "false", "no", "n"):
        return False
    raise ValueError(raw)


def _parse_typed(field: str, raw: Any) -> Any:
    """An int, float, bool or date field's value (ValueError if malformed); else :data:`_UNTYPED`."""
    if field in _INT_FIELDS:
        return _parse_int(field, raw)
    if field in _FLOAT_FIELDS:
        return _parse_float(field, raw)
    if field in _BOOL_FIELDS:
        return _parse_bool(raw)
    if field in _DATE_FIELDS:
        return date.fromisoformat(str(raw)[:10]).isoformat()
    return _UNTYPED


def _parse_text(field: str, raw: Any) -> str:
    if field == "state":
        return str(raw).upper()
    if field == "date_precision" and raw not in ("day", "week", "month", "unknown"):
        raise ReviewError(f"bad value {raw!r} for date_precision (day, week, month, unknown)")
    if field == "geo_precision" and raw not in ("venue", "locality", "county", "state", "country"):
        raise ReviewError(f"bad value {raw!r} for geo_precision")
    return str(raw)


def _supports(quote: str, value: Any) -> bool:
    q = quote.casefold()
    vals = value if isinstance(value, list) else [value]
    return any(str(v).casefold() in q or q in str(v).casefold() for v in vals if v not in (None, ""))


def _set_field(ev: Event, field: str, value: Any) -> None:
    if getattr(ev, field) == value:
        return
    setattr(ev, field, value)
    # evidence of the machine's value stays only where its words still back the new value
    spans = [s for s in ev.evidence.get(field, []) if _supports(s.quote, value)]
    if spans:
        ev.evidence[field] = spans
    else:
        ev.evidence.pop(field, None)


def with_corrections(ev: Event, fixes: Mapping[str, Any]) -> Event:
    """``ev`` with the reviewers' values (field -> value, :meth:`Store.corrections_of`) on top."""
    if not fixes:
        return ev
    ev = ev.model_copy(deep=True)
    for field, value in fixes.items():
        _set_field(ev, field, value)
    if ("size_low" in fixes or "size_high" in fixes) and "size_cat" not in fixes:
        ev.size_cat = size_category(ev.size_low)
    return ev


def apply_corrections(conn: sqlite3.Connection, ev: Event) -> Event:
    """``ev`` with the reviewers' values put back on top (the store does this on every write)."""
    return with_corrections(ev, corrections_of(conn, ev.id))


# ------------------------------------------------------------------ actions
def _snapshot(ev: Event, fields: tuple[str, ...] | None = None) -> dict[str, Any]:
    data = ev.model_dump(mode="json", exclude={"evidence", "created_at", "updated_at"})
    if fields:
        return {f: data[f] for f in fields}
    data["sources"] = [s["article_id"] for s in data["sources"]]
    return data


def _need_reviewer(by: str) -> str:
    by = (by or "").strip()
    if not by:
        raise ReviewError("a reviewer name is required (--by NAME)")
    return by


def _need_event(store: Store, event_id: str) -> Event:
    ev = store.get_event(event_id)
    if ev is None:
        raise ReviewError(f"no event with id {event_id}")
    return ev


def correct(store: Store, event_id: str, field: str, value: Any, by: str) -> Event:
    """Set ``field`` of an event to ``value`` (parsed with :func:`parse_value`), locked against re-runs."""
    by = _need_reviewer(by)
    new_value = parse_value(field, value)
    with store.transaction() as c:
        ev = _need_event(store, event_id)
        before = getattr(ev, field)
        store.set_correction(c, ev.id, field, new_value, by)
        store.rewrite_event(c, with_corrections(ev, corrections_of(c, ev.id)))
        store.log_review(c, by, "correct", ev.id, field=field, before=before, after=new_value)
    out = store.get_event(ev.id)
    assert out is not None
    return out


def _fold(event_id: str, mentions: list[EventMention]) -> Event:
    ev = event_from_mention(mentions[0], event_id)
    for m in mentions[1:]:
        ev = merge_into(ev, m)
    return ev


def merge_events(store: Store, keep_id: str, other_id: str, by: str) -> Event:
    """Merge event ``other_id`` into ``keep_id``: all sources and evidence move; ``other_id`` redirects.

    Corrections of either event survive (the kept event's win on the same field).
    """
    by = _need_reviewer(by)
    with store.transaction() as c:
        keep, other = _need_event(store, keep_id), _need_event(store, other_id)
        if keep.id == other.id:
            raise ReviewError("cannot merge an event with itself")
        before = {"kept": _snapshot(keep), "merged": _snapshot(other)}
        merged = keep
        moved = store.mentions_of(c, other.id)
        for _aid, _idx, m in moved:
            merged = merge_into(merged, m)
        kept_articles = {a for a, _, _ in store.mentions_of(c, keep.id)}
        store.move_sources(c, other.id, keep.id)
        for aid in sorted({a for a, _, _ in moved}):
            store.set_source_why(c, keep.id, aid, {"how": "review", "merged_from": other.id, "by": by})
            for k in kept_articles:  # a reviewer's merge lifts an earlier split between them
                store.delete_split_rule(c, aid, k)
        store.move_corrections(c, other.id, keep.id)
        merged = with_corrections(merged, corrections_of(c, keep.id))
        store.redirect_event(c, other.id, keep.id)
        store.rewrite_event(c, merged)
        store.log_review(c, by, "merge", keep.id, other_id=other.id, before=before, after=_snapshot(merged))
    out = store.get_event(keep.id)
    assert out is not None
    return out


def split_id(event_id: str, article_id: str) -> str:
    """Stable id of the event split out of ``event_id`` with the mentions of ``article_id``."""
    return "ev_" + hashlib.sha1(f"split:{event_id}:{article_id}".encode()).hexdigest()[:16]


def split_event(store: Store, event_id: str, article_id: str, by: str, reason: str | None = None) -> Event:
    """Move the mentions of ``article_id`` out of an event into a new event; returns the new event.

    ``article_id`` may be a unique prefix. The remaining event is rebuilt from its other
    sources (keeping its id and corrections). Any machine merge can be undone this way,
    an article merged into an imported CCC event too (the CCC row stays with its event).
    The split is kept as a rule (``split_rules``, with ``reason``): resolution never puts the
    article together with the event's other sources again, in later runs too.
    """
    by = _need_reviewer(by)
    if article_id.startswith("ccc:"):
        raise ReviewError("an imported CCC row stays with its event: split the article out instead")
    with store.transaction() as c:
        ev = _need_event(store, event_id)
        mentions = store.mentions_of(c, ev.id)
        arts = sorted({a for a, _, _ in mentions if a.startswith(article_id)})
        if len(arts) != 1:
            raise ReviewError(
                f"article {article_id!r} is not a source of {ev.id}" if not arts else f"{article_id!r} is ambiguous"
            )
        aid = arts[0]
        moving = [m for a, _, m in mentions if a == aid]
        staying = [m for a, _, m in mentions if a != aid]
        if not staying:
            raise ReviewError(f"{aid[:12]} is the only source of {ev.id}: nothing to split")
        before = _snapshot(ev)
        new_ev = _fold(split_id(ev.id, aid), moving)
        rest = with_corrections(_fold(ev.id, staying), corrections_of(c, ev.id))
        store.write_event(c, new_ev, is_new=True)
        store.move_sources(c, ev.id, new_ev.id, article_id=aid)
        store.set_source_why(c, new_ev.id, aid, {"how": "split", "from": ev.id, "by": by, "reason": reason})
        for other in sorted({a for a, _, _ in mentions if a != aid}):
            store.add_split_rule(c, aid, other, reason, by)
        store.resolve_split_flags(c, aid, ev.id)
        store.rewrite_event(c, rest)
        store.log_review(
            c,
            by,
            "split",
            ev.id,
            other_id=new_ev.id,
            before=before,
            after={"kept": _snapshot(rest), "new": _snapshot(new_ev)},
            note=f"moved article {aid}" + (f": {reason}" if reason else ""),
        )
    out = store.get_event(new_ev.id)
    assert out is not None
    return out


def reapply_corrections(store: Store, event_id: str | None = None) -> int:
    """Put every stored correction back on its event (after a rebuild); returns events rewritten."""
    with store.transaction() as c:
        ids = (
            [resolve_event_id(c, event_id)]
            if event_id
            else store.corrected_event_ids(c)
        )
        n = 0
        for eid in ids:
            ev = store.get_event(eid)
            if ev is None:
                continue
            fixed = with_corrections(ev, corrections_of(c, ev.id))
            if fixed != ev:
                store.rewrite_event(c, fixed)
                n += 1
        return n


def review_log(store: Store, event_id: str | None = None) -> list[dict[str, Any]]:
    """Audit records (oldest first), all or those touching one event (as kept, merged or split)."""
    return store.review_log(event_id)


__all__ = [
    "CORRECTABLE_FIELDS",
    "ReviewError",
    "apply_corrections",
    "correct",
    "corrections_of",
    "event_changes",
    "merge_events",
    "parse_value",
    "reapply_corrections",
    "resolve_event_id",
    "review_log",
    "split_event",
    "split_id",
]
