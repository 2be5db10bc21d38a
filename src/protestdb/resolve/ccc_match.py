"""Similarity of two event records, for merging CCC snapshots and for linking articles to CCC events.

The snapshot matcher never looks at sources (the merge benchmark's truth does): it scores
place (locality, venue), date distance, types, title, organizations, claims and size.
In ``resolve/`` (not ``ccc/``) because both the CCC importer and the store's resolution
decisions (:func:`protestdb.resolve.decide.near_match_flags`) use it.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from rapidfuzz import fuzz, utils

from protestdb.models import Event, EventMention
from protestdb.resolve.merge import normalize_locality

#: Types that coders use loosely for the same gathering ("rally", "protest", "march" ...).
GENERIC_TYPES = frozenset({"rally", "march", "demonstration", "vigil", "picket", "other"})

#: Weights of the snapshot matcher's components (scores 0..1; missing components are skipped).
WEIGHTS = {
    "location": 2.0,
    "title": 1.5,
    "organizations": 1.5,
    "claims": 2.0,
    "types": 1.0,
    "size": 0.5,
    "participants": 0.5,
    "targets": 0.5,
}
#: Pairs below this score are not merged.
MIN_SCORE = 0.62
#: Candidate window in days around a row's date.
DATE_WINDOW = 2
LOCALITY_MIN = 88.0


def _ratio(a: str | None, b: str | None) -> float | None:
    if not a or not b:
        return None
    return fuzz.token_set_ratio(a, b, processor=utils.default_process) / 100.0


def _list_sim(a: list[str], b: list[str]) -> float | None:
    if not a or not b:
        return None
    return _ratio("; ".join(a), "; ".join(b))


def _days(a: str | None, b: str | None) -> int | None:
    if not a or not b:
        return None
    try:
        return abs((date.fromisoformat(a) - date.fromisoformat(b)).days)
    except ValueError:
        return None


def same_place(a: Event | EventMention, b: Event | EventMention) -> bool:
    """Same state and the same (or nearly the same) locality; both null localities count as the same."""
    if (a.state or None) != (b.state or None):
        return False
    ka, kb = normalize_locality(a.locality), normalize_locality(b.locality)
    if ka == kb:
        return True
    if not ka or not kb:
        return False
    return fuzz.ratio(ka, kb) >= LOCALITY_MIN


def types_compatible(a: list[str], b: list[str]) -> bool:
    if not a or not b:
        return True
    sa, sb = set(a), set(b)
    return bool(sa & sb) or bool(sa & GENERIC_TYPES and sb & GENERIC_TYPES)


@dataclass
class Score:
    value: float
    parts: dict[str, float]


def snapshot_score(a: Event, b: Event) -> Score | None:
    """How alike two CCC records of one event in two snapshots are (None: cannot be the same)."""
    if not same_place(a, b):
        return None
    d = _days(a.date, b.date)
    if d is None and (a.date or b.date):
        return None
    if d is not None and d > DATE_WINDOW:
        return None
    parts: dict[str, float] = {}
    for name, sim in (
        ("location", _ratio(a.location, b.location)),
        ("title", _ratio(a.title, b.title)),
        ("organizations", _list_sim(a.organizations, b.organizations)),
        ("claims", _list_sim(a.claims_summary, b.claims_summary)),
        ("participants", _list_sim(a.participants, b.participants)),
        ("targets", _list_sim(a.targets, b.targets)),
    ):
        if sim is not None:
            parts[name] = sim
    if a.event_type and b.event_type:
        sa, sb = set(a.event_type), set(b.event_type)
        parts["types"] = (
            len(sa & sb) / len(sa | sb)
            if sa & sb
            else (0.5 if types_compatible(a.event_type, b.event_type) else 0.0)
        )
    if a.size_low is not None and b.size_low is not None:
        lo, hi = sorted((a.size_low, b.size_low))
        parts["size"] = 1.0 if hi == 0 or lo / hi >= 0.5 else 0.0
    if not parts:
        value = 0.5
    else:
        value = sum(WEIGHTS[k] * v for k, v in parts.items()) / sum(WEIGHTS[k] for k in parts)
    if d:
        value -= 0.12 * d  # another day: only a strong content match survives
    return Score(value=round(value, 4), parts=parts)


def mention_score(ev: Event, m: EventMention) -> float | None:
    """Does an extracted mention tell of an imported CCC event (same day and place)? None: no."""
    if (ev.date or None) != (m.date or None) or not same_place(ev, m):
        return None
    if not types_compatible(ev.event_type, m.event_type):
        return None
    sims = [
        s
        for s in (
            _ratio(ev.title, m.title),
            _list_sim(ev.organizations, m.organizations),
            _ratio(ev.location, m.location),
        )
        if s is not None
    ]
    return sum(sims) / len(sims) if sims else 0.5


def near_match_reason(ev: Event, m: EventMention) -> tuple[str, float] | None:
    """Same place and the same action (title, campaign or organizations) as a CCC event: (reason, score)."""
    if not same_place(ev, m):
        return None
    if ev.macroevent and m.macroevent and ev.macroevent == m.macroevent:
        return "same macroevent", 1.0
    t = _ratio(ev.title, m.title)
    if t is not None and t >= 0.85:
        return "same title", t
    o = _list_sim(ev.organizations, m.organizations)
    if o is not None and o >= 0.9 and types_compatible(ev.event_type, m.event_type):
        return "same organizations", o
    return None
