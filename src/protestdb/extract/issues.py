"""Issues (DESIGN list) and valence from keyword lexicons (one compiled pattern per issue)."""

from __future__ import annotations

import re
from functools import lru_cache

from protestdb.extract.gate import lowered, may_match
from protestdb.extract.lexicons import load

Span = tuple[int, int, str]


@lru_cache(maxsize=1)
def _issue_patterns() -> tuple[tuple[str, re.Pattern[str]], ...]:
    lex = load("issues_en")["issues"]
    return tuple((issue, re.compile("|".join(f"(?:{p})" for p in pats), re.IGNORECASE)) for issue, pats in lex.items() if pats)


@lru_cache(maxsize=1)
def _valence_patterns() -> tuple[tuple[int, re.Pattern[str]], ...]:
    lex = load("issues_en")["valence"]
    return tuple((int(v), re.compile("|".join(f"(?:{p})" for p in lex[v]), re.IGNORECASE)) for v in ("2", "1") if lex.get(v))


def find_issues(text: str, scopes: list[tuple[int, int]]) -> dict[str, Span]:
    """Issue -> first keyword span backing it (in the first scope that has one), in lexicon order."""
    out: dict[str, Span] = {}
    low = lowered(text)
    for issue, pat in _issue_patterns():
        for s, e in scopes:
            if not may_match(pat, low, s, e):
                continue  # none of the issue's words in the scope
            m = pat.search(text, s, e)
            if m:
                out[issue] = (m.start(), m.end(), m.group())
                break
    return out


def find_valence(text: str, scopes: list[tuple[int, int]]) -> tuple[int, Span] | None:
    """1 (left) or 2 (right) with the marker words, or None. Right markers win ties."""
    low = lowered(text)
    for val, pat in _valence_patterns():
        for s, e in scopes:
            if not may_match(pat, low, s, e):
                continue
            m = pat.search(text, s, e)
            if m:
                return val, (m.start(), m.end(), m.group())
    return None
