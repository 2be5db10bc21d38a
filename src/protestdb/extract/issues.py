"""Issues (DESIGN list) and valence from keyword lexicons."""

from __future__ import annotations

from protestdb.extract.lexicons import load, rx

Span = tuple[int, int, str]


def find_issues(text: str, scopes: list[tuple[int, int]]) -> dict[str, Span]:
    """Issue -> first keyword span backing it, in lexicon order."""
    lex = load("issues_en")["issues"]
    out: dict[str, Span] = {}
    for issue, pats in lex.items():
        for s, e in scopes:
            hit = None
            for p in pats:
                m = rx(p).search(text, s, e)
                if m and (hit is None or m.start() < hit[0]):
                    hit = (m.start(), m.end(), m.group())
            if hit:
                out[issue] = hit
                break
    return out


def find_valence(text: str, scopes: list[tuple[int, int]]) -> tuple[int, Span] | None:
    """1 (left) or 2 (right) with the marker words, or None. Right markers win ties."""
    lex = load("issues_en")["valence"]
    for val in ("2", "1"):
        for s, e in scopes:
            for p in lex[val]:
                m = rx(p).search(text, s, e)
                if m:
                    return int(val), (m.start(), m.end(), m.group())
    return None
