"""Arrest and injury counts: "police arrested 12 people", "no arrests were reported" (0),
"two officers were injured", "injuring four".

Patterns live in the ``counts`` section of ``data/size_<lang>.json`` and reuse the number
phrases of :mod:`protestdb.extract.sizes` ("dozens were detained" = 24). People taken by
immigration enforcement ("ICE agents detained 200 people", "50 migrants were detained")
are not protest arrests and are skipped.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from protestdb.extract import sizes
from protestdb.extract.gate import lowered, may_match

__all__ = ["CountMention", "find_counts"]


@dataclass(frozen=True)
class CountMention:
    """``kind`` is "arrests" or "injuries"; ``quote`` is the whole phrase ("12 people were arrested")."""

    start: int
    end: int
    quote: str
    kind: str
    value: int


_BEFORE, _AFTER = 160, 100  # characters searched around each arrest/injury word


@dataclass(frozen=True)
class _CountLexicon:
    patterns: tuple[tuple[str, int | None, re.Pattern[str]], ...]
    trigger: re.Pattern[str]
    agent_before: re.Pattern[str] | None
    in_match: re.Pattern[str] | None
    size_lexicon: sizes.SizeLexicon


@lru_cache(maxsize=8)
def _lexicon(lang: str) -> _CountLexicon | None:
    lx = sizes.size_lexicon(lang)
    if lx is None or "counts" not in lx.raw:
        return None
    c = lx.raw["counts"]
    num = lx.atom.pattern
    fill = {
        "NUM": num,
        "QUAL": lx.qual_alt,
        "PEOPLE": lx.people_alt,
        "MODS": lx.mods,
        "AUX": c.get("aux", "was|were"),
        "ARREST_V": c["arrest_verbs"],
        "ARREST_N": c["arrest_nouns"],
        "INJURY_V": c["injury_verbs"],
        "INJURY_N": c["injury_nouns"],
        "PERSON": c["person_singular"],
    }
    pats = []
    for spec in c["patterns"]:
        src = re.sub(r"\{([A-Z_]+)\}", lambda m: "(?:" + fill[m.group(1)] + ")", spec["re"])
        value = spec.get("value")
        pats.append((spec["kind"], None if value is None else int(value), re.compile(src, re.IGNORECASE)))
    agent = c.get("exclude_agent_before")
    in_match = c.get("exclude_in_match")
    return _CountLexicon(
        patterns=tuple(pats),
        trigger=re.compile(c["trigger"], re.IGNORECASE),
        agent_before=re.compile(agent) if agent else None,  # case-sensitive: "ICE", not "ice"
        in_match=re.compile(in_match, re.IGNORECASE) if in_match else None,
        size_lexicon=lx,
    )


def find_counts(text: str, lang: str = "en") -> list[CountMention]:
    """Arrest and injury counts in ``text``, in text order."""
    if not text:
        return []
    lx = _lexicon(lang) or _lexicon("en")
    assert lx is not None
    # Patterns only run in windows around arrest/injury words: a few ms saved per article.
    windows: list[list[int]] = []
    for t in lx.trigger.finditer(text):
        lo, hi = max(0, t.start() - _BEFORE), min(len(text), t.end() + _AFTER)
        if windows and lo <= windows[-1][1]:
            windows[-1][1] = hi
        else:
            windows.append([lo, hi])
    taken: list[tuple[int, int]] = []
    out: list[CountMention] = []
    low = lowered(text)  # literal gates: a pattern runs only in windows holding its words
    for kind, fixed, pat in lx.patterns:
        for m in (m for lo, hi in windows if may_match(pat, low, lo, hi) for m in pat.finditer(text, lo, hi)):
            s, e = m.span()
            if any(s < te and ts < e for ts, te in taken):
                continue
            if lx.in_match and lx.in_match.search(m.group()):
                continue
            if lx.agent_before and lx.agent_before.search(text[max(0, s - 40) : s]):
                continue
            if fixed is not None:
                value: int | None = fixed
            else:
                parsed = sizes.atom_value(m.group("n"), lx.size_lexicon)
                value = parsed[0] if parsed else None
            if value is None:
                continue
            taken.append((s, e))
            out.append(CountMention(s, e, m.group(), kind, value))
    out.sort(key=lambda c: c.start)
    return out
