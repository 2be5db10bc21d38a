"""People a whole report protests against ("marches against Trump", "Macron's pension reform"):
an article-wide target for its events, and target names cleaned of titles and possessives.

A head of government or public figure is often the addressee of every event of a day of
action, told once for the article ("No Kings rallies against Trump's authoritarian drift").
``article_targets`` finds PERSON entities in an opposing frame (``data/leaders_en.json``),
names each by its fullest form in the text ("Trump" -> "Donald Trump"), and ``clean_name``
drops titles ("French President Emmanuel Macron's" -> "Emmanuel Macron").
"""

from __future__ import annotations

import re
from collections import Counter
from functools import lru_cache
from typing import Any

from protestdb.extract.lexicons import load_lang

Span = tuple[int, int, str]


@lru_cache(maxsize=4)
def _lex(lang: str) -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str]] | None:
    try:
        lex = load_lang("leaders", lang)
    except (FileNotFoundError, KeyError):
        return None
    titles = "|".join(sorted(lex["titles"], key=len, reverse=True))
    return (
        re.compile(lex["before"], re.IGNORECASE),
        re.compile(lex["after"], re.IGNORECASE),
        re.compile(rf"^(?:(?:{titles})\s+)+", re.IGNORECASE),
    )


def clean_name(name: str, lang: str = "en") -> str:
    """A target name without leading titles and a trailing possessive."""
    lex = _lex(lang)
    out = re.sub(r"['’]s?$", "", name.strip())
    if lex is not None:
        rest = lex[2].sub("", out)
        if rest and rest[0].isupper():
            out = rest
    return out.strip() or name


def article_targets(text: str, doc: Any, scopes: list[tuple[int, int]] | None = None, lang: str = "en") -> list[tuple[str, Span]]:
    """People the report protests against, fullest name first, with the span of one opposing
    mention each (the most told first)."""
    lex = _lex(lang)
    if lex is None or doc is None:
        return []
    before, after, _ = lex
    persons = [e for e in doc.ents if e.label_ == "PERSON"]
    if not persons:
        return []
    hits: Counter[str] = Counter()
    spans: dict[str, Span] = {}
    for e in persons:
        if scopes is not None and not any(a <= e.start_char < b for a, b in scopes):
            continue
        pre = text[max(0, e.start_char - 60) : e.start_char]
        post = text[e.end_char : e.end_char + 60]
        if not (before.search(pre) or after.match(post)):
            continue
        last = clean_name(e.text, lang).split()[-1]
        hits[last] += 1
        spans.setdefault(last, (e.start_char, e.end_char, e.text))
    out = []
    for last, _n in hits.most_common():
        full = max(
            (clean_name(e.text, lang) for e in persons if clean_name(e.text, lang).split()[-1] == last),
            key=lambda n: len(n.split()),
        )
        if len(full.split()) < 2:
            continue  # a lone first or last name never told in full: no public figure
        out.append((full, spans[last]))
    return out





def with_article_targets(text: str, doc: Any, targets: list[tuple[str, Span]], lang: str = "en") -> list[tuple[str, Span]]:
    """An event's targets with cleaned names, plus the people the whole report opposes."""
    out: list[tuple[str, Span]] = []
    lex = _lex(lang)
    for name, span in targets:
        n = clean_name(name, lang)
        if lex is not None and not lex[2].sub("", n + " ").strip():
            continue  # "French President's": a title, no name
        if n.lower() not in {x.lower() for x, _ in out}:
            out.append((n, span))
    for name, span in article_targets(text, doc, None, lang):
        last = name.split()[-1].lower()
        told = [i for i, (x, _) in enumerate(out) if last in x.lower().split()]
        for i in told:
            if name.lower().endswith(out[i][0].lower()):
                out[i] = (name, out[i][1])  # "Jenkins" told, "Harold Jenkins" meant
        if not told:
            out.append((name, span))
    return out
__all__ = ["article_targets", "clean_name", "with_article_targets"]
