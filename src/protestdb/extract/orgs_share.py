"""Organizers of one action told once for all its events.

A page often names the organizers of an action once -- in the sentence of one of its cities
("X organized marches in Phoenix, Denver and Las Vegas"), in a placeless sentence about the
whole strike ("the union, which called the national strike"), or in the lead ("marching in
the capital and elsewhere in the X day of action") -- and then lists other places of
the same action. A coder gives those organizers to each event of the action. Here: when
every event that names organizers names the same ones, each other event of the same date
and kind, or of the same date and named action (a "Hands Off" rally in one town, a "Hands Off"
picket in the next; never a counter-protest) gets them, with the donor's evidence -- except a union
local, the unit of one site.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import lru_cache
from typing import Any

#: event types that tell a counter-action (never given the main action's organizers)
_COUNTER = "counter-protest"


#: a union local is the unit of one site ("Local 900" at the plant in one town): never shared
_LOCAL = re.compile(r"\bLocal\s+\d+", re.IGNORECASE)


def _key(ev: Any) -> frozenset[str]:
    return frozenset(o.lower() for o in ev.organizations or [])


def share_action_organizers(events: list[Any], text: str = "") -> list[tuple[int, list[str]]]:
    """Give the organizers of the action to its events that name none; returns (index of the
    event, names added) for each event changed."""
    main = [ev for ev in events if _COUNTER not in (ev.event_type or [])]
    donors = [ev for ev in main if ev.organizations]
    if not donors or len(donors) == len(main) or len({_key(ev) for ev in donors}) != 1:
        return []
    donor = donors[0]
    names = [o for o in donor.organizations if not _LOCAL.search(o)]
    if not names:
        return []
    spans = [sp for sp in donor.evidence.get("organizations", []) if not _LOCAL.search(sp.quote or "")]
    kinds = set(donor.event_type or [])
    main_ids = {id(ev) for ev in main}
    title = _title(donor)
    home = getattr(donor, "country", None) if told_with_own_town(donor, text) else None
    return give_shared(events, "organizations", names, spans,
                       lambda ev: id(ev) in main_ids and ev.date == donor.date
                       and not (home and getattr(ev, "country", None) not in (None, home))
                       and (bool(kinds & set(ev.event_type or [])) or (title is not None and _title(ev) == title)))


def told_with_own_town(donor: Any, text: str) -> bool:
    """Is the donor's organizer told in a sentence naming the donor's own town ("farmers in the
    Netherlands, led by the union X, blocked highways in The Hague")? Then it organized that action
    and is never shared with an event in another country the page also covers; an organizer told
    apart from any place ("the global march, according to X") may still cross the border."""
    town = getattr(donor, "locality", None)
    if not (town and text and getattr(donor, "country", None)):
        return False
    for sp in donor.evidence.get("organizations", []):
        lo, hi = _sentence(text, sp.start, sp.end)
        if town in text[lo:hi]:
            return True
    return False


def _title(ev: Any) -> str | None:
    """The action's own name, compared without case ("Hands Off" rallies and pickets are one action)."""
    t = getattr(ev, "title", None)
    return t.strip().lower() or None if isinstance(t, str) else None


def give_shared(
    events: list[Any], field: str, names: list[str], spans: list[Any], takes: Callable[[Any], bool]
) -> list[tuple[int, list[str]]]:
    """Give ``names`` (with the donor's evidence ``spans``) as ``field`` to each event that has
    none and ``takes`` them; returns (index of the event, names added) for each event changed."""
    changed = []
    for i, ev in enumerate(events):
        if getattr(ev, field) or not takes(ev):
            continue
        setattr(ev, field, list(names))
        for sp in spans:
            ev.add_evidence(field, sp.start, sp.end, sp.quote)
        changed.append((i, list(names)))
    return changed


def _excluded(events: list[Any]) -> set[str]:
    """Names no event may take from the page: every event's targets, a counter-protest's organizers."""
    out = {t.lower() for ev in events for t in ev.targets or []}
    out |= {o.lower() for ev in events if _COUNTER in (ev.event_type or []) for o in ev.organizations or []}
    return out


@lru_cache(maxsize=1)
def _told_apart_rx() -> re.Pattern[str]:
    from protestdb.extract.lexicons import load

    return re.compile("|".join(load("orgs_en")["told_apart"]), re.IGNORECASE)


def _takes_from(donor: Any, ev: Any) -> bool:
    """May ``ev`` (naming no organizer) take ``donor``'s: the same day, or an issue in common; never
    the other side (another valence) nor another cause (issues that share none)."""
    if donor.valence is not None and ev.valence is not None and donor.valence != ev.valence:
        return False
    di, ei = set(donor.issues or []), set(ev.issues or [])
    if di and ei and not di & ei:
        return False
    return (donor.date is not None and donor.date == ev.date) or bool(di & ei)


def _sentence(text: str, a: int, b: int) -> tuple[int, int]:
    """The bounds of the sentence around text[a:b] (a full stop and a space, or a line break)."""
    start = max(text.rfind(". ", 0, a) + 2, text.rfind("\n", 0, a) + 1, 0)
    ends = [e for e in (text.find(". ", b), text.find("\n", b)) if e >= 0]
    return start, min(ends, default=len(text))


def _place_bound(text: str, spans: list[tuple[int, int, str]], place_spans: list[tuple[int, int]]) -> bool:
    """Is the organizer told in a sentence that names a place (the donor's own action there: "the
    union held a rally in X"), or not told at all? Only one told apart from any place is the page's."""
    if not spans:
        return True
    for a, b, _ in spans:
        lo, hi = _sentence(text, a, b)
        if any(lo <= pa and pb <= hi and not (a <= pa and pb <= b) for pa, pb in place_spans):
            return True
    return False


def page_organizer(events: list[Any], text: str = "",
                   place_spans: list[tuple[int, int]] | None = None) -> tuple[str, list[Any], Any] | None:
    """The page's organizer for its events that name none: the organizer most of its other
    events name (ties: the first told), with its evidence spans (start, end, quote) and the donor
    event (each taker must pass :func:`_takes_from`). None when the page tells another action apart
    ("its own rally", "a separate action", a counter-protest: ``told_apart`` of ``data/orgs_en.json``) or
    tells the organizer in a sentence that names a place (:func:`_place_bound`), and never a target, a counter-protest's organizer or a union local (the unit of one site). A group
    the page only mentions is never given (it may be the other side: the body sued, the owner)."""
    if _told_apart_rx().search(text):
        return None
    bad = _excluded(events)
    counts: dict[str, int] = {}
    for x in events:
        if _COUNTER in (x.event_type or []):
            continue
        for o in x.organizations or []:
            if o.lower() not in bad and not _LOCAL.search(o):
                counts[o] = counts.get(o, 0) + 1
    if not counts:
        return None
    best = max(counts.values())
    name = next(o for o, c in counts.items() if c == best)
    donor = next(x for x in events if name in (x.organizations or []))
    spans = [(sp.start, sp.end, sp.quote) for sp in donor.evidence.get("organizations", []) if sp.quote
             and (sp.quote in name or name in sp.quote)]
    if _place_bound(text, spans, place_spans or []):
        return None
    return name, spans, donor
