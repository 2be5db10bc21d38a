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
from typing import Any

#: event types that tell a counter-action (never given the main action's organizers)
_COUNTER = "counter-protest"


#: a union local is the unit of one site ("Local 900" at the plant in one town): never shared
_LOCAL = re.compile(r"\bLocal\s+\d+", re.IGNORECASE)


def _key(ev: Any) -> frozenset[str]:
    return frozenset(o.lower() for o in ev.organizations or [])


def share_action_organizers(events: list[Any]) -> list[tuple[int, list[str]]]:
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
    return give_shared(events, "organizations", names, spans,
                       lambda ev: id(ev) in main_ids and ev.date == donor.date
                       and (bool(kinds & set(ev.event_type or [])) or (title is not None and _title(ev) == title)))


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


def page_organizer(events: list[Any], orgs: list[Any], place_spans: list[tuple[int, int]]) -> list[tuple[str, list[Any]]]:
    """The page's organizer for its events that name none: the organizer most of its other
    events name (ties: the first told), else the organization the page names most often (one told
    as a group's, ``Org.group_named``, before any other); never a target, a counter-protest's
    organizer or a name inside a place name (a union local too: the page tells no other
    organizer of the event). Returns [(name, evidence spans (start, end, quote))] -- one at most."""
    bad = _excluded(events)
    counts: dict[str, int] = {}
    for x in events:
        if _COUNTER in (x.event_type or []):
            continue
        for o in x.organizations or []:
            if o.lower() not in bad:
                counts[o] = counts.get(o, 0) + 1
    if counts:
        best = max(counts.values())
        name = next(o for o, c in counts.items() if c == best)
        donor = next(x for x in events if name in (x.organizations or []))
        spans = [(sp.start, sp.end, sp.quote) for sp in donor.evidence.get("organizations", []) if sp.quote
                 and (sp.quote in name or name in sp.quote)]
        return [(name, spans)]
    pool = [o for o in orgs if o.name.lower() not in bad and (o.acronym or "").lower() not in bad
            and not any(pa <= a and b <= pb for a, b, _ in o.spans[:1] for pa, pb in place_spans)]
    pool = [o for o in pool if o.group_named] or pool
    if not pool:
        return []
    best_org = max(pool, key=lambda o: (len({(a, b) for a, b, _ in o.spans}), -o.spans[0][0]))
    return [(best_org.name, list(best_org.spans))]
