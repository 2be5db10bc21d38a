"""A country's capital told without the city's name: by the country's name or its people's
adjective ("in the Kenyan capital", "Peru's capital", "the capital of Ghana"), as the text's own
country's ("the nation's capital") or, in a report about a country abroad, plain "the capital".
The words stand for the city (``data/place_words_<lang>.json`` capital_phrase), so they are a
place of the text like the city's name: an action told there is placed in that city, with those
words as its evidence."""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache
from typing import Any

from protestdb.extract.lexicons import lang_entry, load_lang
from protestdb.extract.places import Place, is_person, text_country

#: the US capital's state: the countries table names the city only
_US_CAPITAL = ("Washington", "DC")


@lru_cache(maxsize=4)
def _phrase(lang: str) -> re.Pattern[str] | None:
    pat = lang_entry("place_words", lang, "capital_phrase")
    return re.compile(pat) if pat else None


def _capital_of(words: str) -> tuple[str, str] | None:
    """(capital city, ISO2) of a country told by its name, adjective or ISO2 code (geo
    ``capital_of``; None for the US and when the geo stage is not installed)."""
    try:
        from protestdb.geo import capital_of
    except ImportError:  # the geo stage is not installed
        return None
    return capital_of(words)


@lru_cache(maxsize=4)
def _words_data(lang: str) -> tuple[dict[str, str | None], frozenset[str]]:
    nations = lang_entry("place_words", lang, "nation_capitals") or {}
    locs = lang_entry("place_words", lang, "capital_locatives") or []
    return dict(nations), frozenset(w.lower() for w in locs)


def _state_country(cc: str, words: str) -> bool:
    """Is the country ``cc`` told by ``words`` also the name of a US state ("Georgia", or its
    adjective "Georgian" whose country's name is one)?"""
    try:
        from protestdb.geo import state_code
        from protestdb.geo.resolve import country_name
    except ImportError:
        return False
    names = [words] if len(words) > 2 else []
    name = country_name(cc)
    if name:
        names.append(name)
    return any(len(n) > 2 and state_code(n) is not None for n in names)


def _told_capital(text: str, words: str, lang: str, country: list[str | None]) -> tuple[str, str] | None:
    """(capital, ISO2) of the country or nation told by ``words``: a nation within a country
    (``nation_capitals``: "Scottish" -> Edinburgh, a dependency -> none) never gives the
    country's capital; a country whose name is a US state's only in a text about that country
    (``country`` caches the text's country)."""
    nations, _ = _words_data(lang)
    if words in nations:
        city = nations[words]
        return (city, "GB") if city else None
    got = _capital_of(words)
    if got is None:
        return None
    if _state_country(got[1], words):
        if not country:
            country.append(text_country(text))
        if country[0] != got[1]:
            return None
    return got


_APPOSED = re.compile(r",[ \t]+([A-Z][\w'’.-]*)(?:[ \t]+[A-Z][\w'’.-]*)*[ \t]*(?:[,.;)]|$)")


@lru_cache(maxsize=4)
def _date_words(lang: str) -> frozenset[str]:
    lex = load_lang("date", lang)
    return frozenset([*lex.get("weekdays", {}), *lex.get("months", {})])


def _apposed(text: str, end: int, lang: str) -> bool:
    """Is the capital's phrase ending at ``end`` followed by an apposed name ("the capital,
    Lucknow,"): the city named is the place, not these words (a day's or month's name is no
    city: "in the capital, Monday,")."""
    m = _APPOSED.match(text, end, end + 60)
    return m is not None and m.group(1) not in _date_words(lang)


def _locative(text: str, start: int, lang: str) -> bool:
    """Is a plain "the capital" at ``start`` told as a place: after a locative word ("in",
    "through", "outside", ``capital_locatives``) or as the subject opening a sentence or
    clause? Else ("lacked the capital to", "raise the capital") it is money."""
    before = text[max(0, start - 40):start].rstrip()
    if not before or before[-1] in ".!?:;\n,\"“":
        return True
    word = re.search(r"([A-Za-z]+)$", before)
    return word is not None and word.group(1).lower() in _words_data(lang)[1]


def _capital(cc: str) -> tuple[str, str | None] | None:
    if cc == "US":
        return _US_CAPITAL
    got = _capital_of(cc)
    return (got[0], None) if got else None


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


def _named(text: str, m: re.Match[str], persons: list[tuple[int, int]], lang: str,
           country: list[str | None]) -> Place | None:
    """The capital of the country the match names ("the Kenyan capital", "Peru's capital", "the
    capital of Ghana"); never on a name told as a person's. "the Kenyan capital" is placed at
    those words; where the country's name is a place of its own, at the word capital."""
    grp = "country" if m.group("country") else "country2"
    words = re.sub(r"['’]s$", "", m.group(grp))
    got = _told_capital(text, words, lang, country)
    a = m.start(grp)
    if got is None or is_person(text, a, m.end(), persons, lang):
        return None
    city, cc = got
    if grp == "country2" or words != m.group(grp):
        a = text.index("capital", m.start(), m.end())
        b = a + len("capital")
    else:
        b = m.end()
    return Place(a, b, text[a:b], "city", None, city, cc)


def _unnamed(text: str, m: re.Match[str], doc: Any, abroad: list[str | None], lang: str = "en") -> Place | None:
    """The capital told without the country's name (the match's group ``b``): "the <demonym>
    capital" is that country's; "the nation's capital" the text's country's (the US when the
    text is about no country abroad and names a US state: no guess of Washington for a report
    whose country went unread); a plain "the capital" only in a text about a country abroad (in
    a US report it is as often a state's capital or a misspelt Capitol); not "capital"
    modifying a noun. ``abroad`` caches the text's country."""
    if _modifier(doc, m.start("head")):
        return None
    adj = m.group("adj")
    if adj:
        got = _told_capital(text, adj, lang, abroad)
        if got is None:
            return None
        s = m.start("words")
        return Place(s, m.end("b"), text[s : m.end("b")], "city", None, got[0], got[1])
    if not m.group("nation") and not _locative(text, m.start("b"), lang):
        return None
    if not abroad:
        abroad.append(text_country(text))
    cc = abroad[0] or ("US" if m.group("nation") and _us_state_named(text) else None)
    cap = _capital(cc) if cc else None
    if cap is None:
        return None
    s = m.start("words")
    return Place(s, m.end("b"), text[s : m.end("b")], "city", cap[1], cap[0], cc)


#: "capital" told of many cities ("Australia's capital cities and regional centres")
_CITIES_AFTER = re.compile(r"s?[ \t]+(?:cities|towns)\b", re.IGNORECASE)


def _free(p: Place, taken: Sequence[Place]) -> bool:
    return not any(q.start < p.end and p.start < q.end for q in taken)


def capital_places(text: str, doc: Any = None, lang: str = "en", persons: list[tuple[int, int]] | None = None,
                   taken: Sequence[Place] = ()) -> list[Place]:
    """The city places the text names as a country's capital without the city's name, where
    none of ``taken`` (the places already read) is told: first those told by the country's
    name or adjective, then those told without a name where none of the former is."""
    if "capital" not in text:
        return []
    rx = _phrase(lang)
    if rx is None:
        return []
    named: list[Place] = []
    unnamed: list[Place] = []
    abroad: list[str | None] = []  # the text's country, computed once when needed
    for m in rx.finditer(text):
        end = max(m.end(), m.end("b") if m.group("b") else 0)
        if text.startswith("-", end) or _apposed(text, end, lang):
            continue  # "capital-intensive" is money; "the capital, Lucknow," places the name
        if _CITIES_AFTER.match(text, end):
            continue  # "the country's capital cities": the states' capitals, no one city
        p = _named(text, m, persons or [], lang, abroad) if m.group("country") or m.group("country2") else None
        if p is not None:
            named.append(p)
        elif m.group("b") is not None and (p := _unnamed(text, m, doc, abroad, lang)) is not None:
            unnamed.append(p)
    named = [p for p in named if _free(p, taken)]
    return named + [p for p in unnamed if _free(p, [*taken, *named])]
