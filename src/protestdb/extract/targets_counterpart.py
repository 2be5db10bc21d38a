"""Whom a protest addresses when news names it only as the other side (English):

- a labor dispute's other side: "after negotiations broke down between the Harbor Union of
  School Employees and the Harbor Provincial Government", "talks with Lakeside Health System
  failed" -> the body across the table from the strikers (``talks_counterpart``);
- a US state's own measure protested ("to protest the state's vaccine mandate", "a protest of
  a state mandate") -> the state, named "<State> State" (``state_measure``).

Patterns live in ``data/targets_en.json`` (``talks_between``, ``talks_with``,
``state_measure``, ``congress_office``); a counterpart that is itself a union or the event's own organizer is no
target.
"""

from __future__ import annotations

import re
from functools import lru_cache

from protestdb.extract.gate import lowered, may_match
from protestdb.extract.lexicons import load

Span = tuple[int, int, str]

_NAME = r"[A-Z][\w&'’.-]*(?:\s+(?:of\s+|for\s+|and\s+|the\s+)?[A-Z][\w&'’.-]*){0,6}"
_UNIONISH = re.compile(
    r"\b(?:Union|Association|Federation|Guild|Local|Workers|Nurses|Teamsters|Coalition|Alliance|Congress of|"
    r"Sindicato|SEIU|AFL-CIO|UAW|CUPE)\b"
)


@lru_cache(maxsize=1)
def _rx() -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    lx = load("targets_en")
    between = lx.get("talks_between", "(?!)").replace("{NAME}", _NAME)
    with_ = lx.get("talks_with", "(?!)").replace("{NAME}", _NAME)
    return re.compile(between), re.compile(with_), re.compile(lx.get("state_measure", "(?!)"), re.IGNORECASE)


def _clean(name: str) -> str:
    name = re.sub(r"\s*\([^)]*\)?$", "", name.strip())
    return re.sub(r"\s+(?:this|last|on|in|over|after)$", "", name).strip(" ,.;:")


def talks_counterpart(text: str, scopes: list[tuple[int, int]], own: set[str]) -> Span | None:
    """The other side of a labor dispute told in the scopes: in "negotiations between A and B"
    the side that is no union and none of ``own`` (the event's organizers, lowercased); in
    "talks with B", B unless it is a union. None when neither frame is told."""
    between, with_, _ = _rx()
    low = lowered(text)
    for s, e in scopes:
        if not (may_match(between, low, s, e) or may_match(with_, low, s, e)):
            continue
        for m in between.finditer(text, s, e):
            sides = [(m.start(g), m.end(g)) for g in ("a", "b")]
            other = [(a, b) for a, b in sides
                     if not _UNIONISH.search(text[a:b]) and _clean(text[a:b]).lower() not in own]
            if len(other) == 1:
                a, b = other[0]
                name = _clean(text[a:b])
                return (a, a + len(name), name)
        for m in with_.finditer(text, s, e):
            a = m.start("b")
            name = _clean(m.group("b"))
            if name and not _UNIONISH.search(name) and name.lower() not in own:
                return (a, a + len(name), name)
    return None


def state_measure(text: str, scopes: list[tuple[int, int]], state_name: str | None) -> Span | None:
    """A US state's own measure protested in the scopes: the state, "<State> State" (the span is
    the measure's words). None without a state name or the frame."""
    if not state_name:
        return None
    rx = _rx()[2]
    low = lowered(text)
    for s, e in scopes:
        if may_match(rx, low, s, e):
            m = rx.search(text, s, e)
            if m is not None:
                return (m.start(), m.end(), f"{state_name} State")
    return None


@lru_cache(maxsize=1)
def _congress() -> tuple[re.Pattern[str], dict[str, str]]:
    lx = load("targets_en")
    return re.compile(lx.get("congress_office", "(?!)")), dict(lx.get("congress_chambers", {}))


def congress_office(text: str, scopes: list[tuple[int, int]]) -> Span | None:
    """The chamber of a US Congress office building told in the scopes (the span is the
    building's name); None when none is told."""
    rx, chambers = _congress()
    for s, e in scopes:
        m = rx.search(text, s, e) if "ffice" in text[s:e] else None
        if m is not None and m.group("chamber") in chambers:
            return (m.start(), m.end(), chambers[m.group("chamber")])
    return None


__all__ = ["congress_office", "state_measure", "talks_counterpart"]
