"""Kinds of people taking part (participants) and public figures present (notables).
Private persons are never extracted: a notable needs a public title and a presence verb."""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache
from typing import Any

from protestdb.extract.gate import finditer, lowered
from protestdb.extract.lexicons import load, rx
from protestdb.extract.orgs import title_before
from protestdb.extract.spans import entities_in

Span = tuple[int, int, str]


@lru_cache(maxsize=1)
def _participant_rx() -> re.Pattern[str]:
    lex = load("participants_en")
    nouns = "|".join(sorted((re.escape(n) for n in set(lex["nouns"])), key=len, reverse=True))
    mods = "|".join(sorted((re.escape(m) for m in lex["modifiers"]), key=len, reverse=True))
    return re.compile(rf"\b(?:(?:{mods})\s+)?(?:{nouns})\b", re.IGNORECASE)


def find_participants(
    text: str, scopes: list[tuple[int, int]], names: Sequence[Span] = ()
) -> list[tuple[str, Span]]:
    """Kinds of people in the scopes; words inside organization names ("... Workers West") are not."""
    out: list[tuple[str, Span]] = []
    seen: set[str] = set()
    low = lowered(text)
    for s, e in scopes:
        for m in finditer(_participant_rx(), text, low, s, e):  # tried only where a people word starts
            if any(a <= m.start() < b for a, b, _ in names):
                continue
            before = text[max(s, m.start() - 25) : m.start()].lower()
            if re.search(r"\b(?:deport|detain|arrest|against|attack\w*|on|criminaliz\w+)\w*\s+(?:\S+\s+){0,3}$", before):
                continue
            val = m.group().lower()
            if val in seen:
                continue
            seen.add(val)
            out.append((val, (m.start(), m.end(), m.group())))
    return out


def find_notables(text: str, scopes: list[tuple[int, int]], doc: Any) -> list[tuple[str, Span]]:
    if doc is None:
        return []
    presence = rx(load("orgs_en")["presence_verbs"])
    out: list[tuple[str, Span]] = []
    for s, e in scopes:
        if not presence.search(text, s, e):
            continue
        for ent in entities_in(doc, s, e):
            if ent.label_ == "PERSON" and title_before(text, ent.start_char):
                if len(ent.text.split()) >= 2:
                    out.append((ent.text, (ent.start_char, ent.end_char, ent.text)))
    return out
