"""A country's capital told only as "the capital": "the Philippine capital", "the nation's
capital", and, in a report about a country abroad, plain "the capital". The words stand for
the city (``data/place_words_<lang>.json`` capital_phrase), so they are a place of the text
like the city's name: an action told there is placed in that city, with those words as its
evidence."""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

from protestdb.extract.lexicons import lang_entry
from protestdb.extract.places import Place, text_country

#: the US capital's state: the countries table names the city only
_US_CAPITAL = ("Washington", "DC")


@lru_cache(maxsize=4)
def _phrase(lang: str) -> re.Pattern[str] | None:
    pat = lang_entry("place_words", lang, "capital_phrase")
    return re.compile(pat) if pat else None


def _country_of_word(word: str) -> str | None:
    """The country an adjective of nationality names ("Kenyan" -> KE), from the gazetteer's table."""
    try:
        from protestdb.geo.country import demonym_country
    except ImportError:  # the geo stage is not installed
        return None
    return demonym_country(word)


def _capital(cc: str) -> tuple[str, str | None] | None:
    if cc == "US":
        return _US_CAPITAL
    try:
        from protestdb.geo.resolve import capital_city
    except ImportError:
        return None
    city = capital_city(cc)
    return (city, None) if city else None


def _modifier(doc: Any, start: int) -> bool:
    """Is the word "capital" at ``start`` a modifier of the next noun ("the capital gains tax")?"""
    if doc is None:
        return False
    span = doc.char_span(start, start + len("capital"), alignment_mode="expand")
    return span is not None and len(span) > 0 and span[0].dep_ == "compound"


def _us_state_named(text: str) -> bool:
    """Does the text name a US state (positive evidence it is a US report, not only the default)?"""
    try:
        from protestdb.geo import find_places
    except ImportError:
        return False
    return any(pm.kind == "state" and getattr(pm, "country", "US") in (None, "US") for pm in find_places(text))


def capital_places(text: str, doc: Any = None, lang: str = "en") -> list[Place]:
    """The city places the text names as its country's capital. "the <demonym> capital" is
    that country's; "the nation's capital" the text's country's (the US when the text is about
    no country abroad and names a US state: no guess of Washington for a report whose country
    went unread); a plain "the capital" only in a text about a country abroad (in a US
    report it is as often a state's capital or a misspelt Capitol). Not "the capital of ..."
    (a province's, a region's) nor "capital" modifying a noun."""
    if "capital" not in text:
        return []
    rx = _phrase(lang)
    if rx is None:
        return []
    out: list[Place] = []
    abroad: list[str | None] = []  # the text's country, computed once when needed
    for m in rx.finditer(text):
        if _modifier(doc, m.start("head")):
            continue
        adj = m.group("adj")
        if adj:
            cc = _country_of_word(adj)
        else:
            if not abroad:
                abroad.append(text_country(text))
            cc = abroad[0] or ("US" if m.group("nation") and _us_state_named(text) else None)
        cap = _capital(cc) if cc else None
        if cap is None:
            continue
        s = m.start("words")
        out.append(Place(s, m.end(), text[s : m.end()], "city", cap[1], cap[0], cc))
    return out
