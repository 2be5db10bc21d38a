"""Campaigns: events tied by a named action or a coordinated call (a wave).

Two ways events join a campaign:

- **a named action**: the same ``macroevent`` or ``title`` after normalisation ("A Day
  Without Immigrants" = "Day without Immigrants" = "#DayWithoutImmigrants"; "No Kings Day"
  = "No Kings"), split into separate waves when the dates are more than ``window_days``
  apart (June's and October's "No Kings" are two campaigns);
- **a coordinated call**: events without a name that share an organization within
  ``window_days`` in at least ``min_localities`` places.

Normalisation words and aliases are data (``data/campaigns.json``). Totals: events,
localities, states, summed size low / high (an event without a high counts its low).
"""

from __future__ import annotations

import hashlib
import json
import re
from collections import Counter, defaultdict
from collections.abc import Iterable
from datetime import date
from functools import lru_cache
from importlib import resources
from typing import TYPE_CHECKING, Any

from protestdb.models import Campaign, Event
from protestdb.resolve.merge import normalize_locality

if TYPE_CHECKING:  # pragma: no cover
    from protestdb.store.sqlite import Store

#: Events of one named action more than this many days apart start a new wave.
WINDOW_DAYS = 7


@lru_cache(maxsize=1)
def _lexicon() -> dict[str, Any]:
    text = resources.files("protestdb.resolve").joinpath("data/campaigns.json").read_text(encoding="utf-8")
    return json.loads(text)


def campaign_key(name: str | None) -> str | None:
    """Normalised name of an action, or None for no / a generic name ("rally")."""
    if not name:
        return None
    lex = _lexicon()
    s = re.sub(r"(?<=[a-z])(?=[A-Z])", " ", name.replace("#", " "))  # #NoKings -> No Kings
    s = s.casefold()
    s = s.translate(str.maketrans("áéíóúñ", "aeioun"))
    s = re.sub(r"[^\w\s]", " ", s)
    s = " ".join(s.split())
    for lead in sorted(lex["leading_words"], key=len, reverse=True):
        if s.startswith(lead + " "):
            s = s[len(lead) + 1 :]
    changed = True
    while changed:
        changed = False
        year = re.search(r" (?:19|20)\d\d$", s)  # "March on the Summit 2024": the edition's year
        if year is not None and len(s[: year.start()].split()) >= 2:
            s, changed = s[: year.start()], True
        for tail in sorted(lex["trailing_words"], key=len, reverse=True):
            rest = s[: -len(tail) - 1]
            if s.endswith(" " + tail) and len(rest.split()) >= 2:  # "May Day" stays, "No Kings Day" -> "no kings"
                s, changed = rest, True
    s = lex["aliases"].get(s, s)
    if not s or s in lex["generic_titles"]:
        return None
    return s


def _org_key(name: str) -> str:
    return " ".join(re.findall(r"\w+", name.casefold().removeprefix("the ")))


def _ord(iso: str | None) -> int | None:
    try:
        return date.fromisoformat(iso[:10]).toordinal() if iso else None
    except ValueError:
        return None


def _waves(events: list[Event], window_days: int) -> list[list[Event]]:
    dated = sorted((e for e in events if _ord(e.date) is not None), key=lambda e: (e.date, e.id))
    undated = [e for e in events if _ord(e.date) is None]
    waves: list[list[Event]] = []
    last: int | None = None
    for e in dated:
        d = _ord(e.date)
        assert d is not None
        if last is None or d - last > window_days:
            waves.append([])
        waves[-1].append(e)
        last = d
    if undated:
        if len(waves) <= 1:
            waves = [(waves[0] if waves else []) + undated]
    return waves


def make_campaign(name: str, key: str, events: list[Event]) -> Campaign:
    """A campaign with its totals."""
    dates = sorted(e.date for e in events if e.date)
    first = dates[0] if dates else None
    places = {(normalize_locality(e.locality), (e.state or "").upper()) for e in events if e.locality}
    return Campaign(
        id="cp_" + hashlib.sha1(f"{key}|{first}".encode()).hexdigest()[:12],
        name=name,
        first_date=first,
        last_date=dates[-1] if dates else None,
        event_ids=[e.id for e in events],
        n_events=len(events),
        n_localities=len(places),
        n_states=len({e.state.upper() for e in events if e.state}),
        size_low_sum=sum(e.size_low or 0 for e in events),
        size_high_sum=sum((e.size_high if e.size_high is not None else e.size_low) or 0 for e in events),
    )


def find_campaigns(
    events: Iterable[Event], window_days: int = WINDOW_DAYS, min_localities: int = 3
) -> list[Campaign]:
    """Campaigns among ``events`` (named actions, then coordinated calls), largest first."""
    named: dict[str, list[Event]] = defaultdict(list)
    names: dict[str, Counter[str]] = defaultdict(Counter)
    rest: list[Event] = []
    for e in events:
        key = campaign_key(e.macroevent) or campaign_key(e.title)
        if key:
            named[key].append(e)
            names[key][(e.title or e.macroevent or key).strip()] += 1
        else:
            rest.append(e)
    out: list[Campaign] = []
    for key, evs in named.items():
        display = names[key].most_common(1)[0][0]
        for wave in _waves(evs, window_days):
            out.append(make_campaign(display, key, wave))
    by_org: dict[str, list[Event]] = defaultdict(list)
    org_names: dict[str, str] = {}
    for e in rest:
        for o in e.organizations:
            k = _org_key(o)
            if k:
                by_org[k].append(e)
                org_names.setdefault(k, o)
    used: set[str] = set()
    for k, evs in sorted(by_org.items(), key=lambda kv: -len(kv[1])):
        evs = [e for e in evs if e.id not in used]
        for wave in _waves(evs, window_days):
            places = {(normalize_locality(e.locality), e.state) for e in wave if e.locality}
            if len(places) >= min_localities:
                out.append(make_campaign(f"{org_names[k]} (coordinated)", "org:" + k, wave))
                used.update(e.id for e in wave)
    out.sort(key=lambda c: (-c.n_events, c.first_date or "", c.name))
    return out


def store_campaigns(store: Store, **kw: Any) -> list[Campaign]:
    """:func:`find_campaigns` over every event in the store."""
    return find_campaigns(store.query_events(), **kw)


__all__ = ["WINDOW_DAYS", "campaign_key", "find_campaigns", "make_campaign", "store_campaigns"]
