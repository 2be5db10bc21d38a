"""Issues (DESIGN list) and valence from keyword lexicons (one compiled pattern per issue)."""

from __future__ import annotations

import re
from functools import lru_cache

from protestdb.extract.gate import lowered, may_match, narrow_text
from protestdb.extract.lexicons import load_lang

Span = tuple[int, int, str]


@lru_cache(maxsize=4)
def _issue_patterns(lang: str = "en") -> tuple[tuple[str, re.Pattern[str]], ...]:
    lex = load_lang("issues", lang)["issues"]
    return tuple((issue, re.compile("|".join(f"(?:{p})" for p in pats), re.IGNORECASE)) for issue, pats in lex.items() if pats)


@lru_cache(maxsize=4)
def _valence_patterns(lang: str = "en") -> tuple[tuple[int, re.Pattern[str]], ...]:
    lex = load_lang("issues", lang)["valence"]
    return tuple((int(v), re.compile("|".join(f"(?:{p})" for p in lex[v]), re.IGNORECASE)) for v in ("2", "1") if lex.get(v))


def find_issues(text: str, scopes: list[tuple[int, int]], lang: str = "en") -> dict[str, Span]:
    """Issue -> first keyword span backing it (in the first scope that has one), in lexicon order
    (``data/issues_<lang>.json``)."""
    out: dict[str, Span] = {}
    low = lowered(text)
    for issue, pat0 in _issue_patterns(lang):
        pat = narrow_text(pat0, low)  # the issue's words the text has (same matches)
        if pat is None:
            continue
        for s, e in scopes:
            if not may_match(pat, low, s, e):
                continue  # none of the issue's words in the scope
            m = pat.search(text, s, e)
            if m:
                out[issue] = (m.start(), m.end(), m.group())
                break
    return out


def find_valence(text: str, scopes: list[tuple[int, int]], lang: str = "en") -> tuple[int, Span] | None:
    """1 (left) or 2 (right) with the marker words, or None. Right markers win ties."""
    low = lowered(text)
    for val, pat0 in _valence_patterns(lang):
        pat = narrow_text(pat0, low)  # the markers the text has (same matches)
        if pat is None:
            continue
        for s, e in scopes:
            if not may_match(pat, low, s, e):
                continue
            m = pat.search(text, s, e)
            if m:
                return val, (m.start(), m.end(), m.group())
    return None


def dominant_issue(text: str, scopes: list[tuple[int, int]], lang: str = "en",
                   count_in: list[tuple[int, int]] | None = None) -> tuple[str, Span] | None:
    """The issue most told (keyword mentions in ``count_in``, default ``scopes``: the sentences
    that tell the protest), ties to the one told first, with its first keyword span in
    ``scopes``: a report on a march against gun violence that began as a walkout "out of
    class" is about guns. Only the issues found at all are counted."""
    found = find_issues(text, scopes, lang)
    if len(found) <= 1:
        return next(iter(found.items()), None)
    count_in = count_in or scopes
    best: tuple[int, int, str] | None = None
    low = lowered(text)
    for issue, pat0 in _issue_patterns(lang):
        if issue not in found:
            continue
        pat = narrow_text(pat0, low) or pat0  # (found in the text: never None)
        n = sum(1 for s, e in count_in if may_match(pat, low, s, e) for _ in pat.finditer(text, s, e))
        first = found[issue][0]
        if best is None or (n, -first) > (best[0], -best[1]):
            best = (n, first, issue)
    assert best is not None
    return best[2], found[best[2]]
