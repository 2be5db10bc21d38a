"""Which country is a text about? Evidence from its own words, weighed against the US.

A place name alone does not say its country ("Paris", "Wellington", "Alexandra" are towns
in several countries). The text does: a dateline ("JOHANNESBURG -"), country names
("France"), demonyms ("French unions"), cities that exist only abroad ("Marseille"), and on
the US side state names, US datelines and cities found only in the US. ``text_country``
returns the foreign country whose evidence outweighs the US's, else None (the US default).
Weights are data (``data/demonyms.json`` for the words, ``WEIGHTS`` here).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from functools import lru_cache

from protestdb.geo import gazetteer
from protestdb.geo.normalize import norm_name
from protestdb.geo.resolve import candidates

#: evidence weights: a dateline outweighs a few mentions; a demonym ("Mexican immigrants")
#: is weaker than a country or city name
WEIGHTS = {"dateline": 3.0, "country": 1.0, "city": 1.0, "demonym": 0.5, "state": 1.0, "us_name": 0.5, "cue": 0.5,
           "city_in_name": 0.5, "title": 1.0}
#: mentions of a country's cities counted, at most
MAX_CITY_MENTIONS = 3
#: distinct cue words counted per country, at most
MAX_CUES = 3
#: a city is evidence for a country when its biggest namesake there is this big ...
CITY_EVIDENCE_POP = 50000
#: ... and this many times bigger than any namesake elsewhere
CITY_EVIDENCE_RATIO = 10


@lru_cache(maxsize=1)
def _demonym_rx() -> tuple[re.Pattern[str], dict[str, str]]:
    table = gazetteer.load_json("demonyms.json")["demonyms"]
    alt = "|".join(sorted((re.escape(w) for w in table), key=len, reverse=True))
    return re.compile(rf"\b(?:{alt})\b"), table


def demonym_country(word: str) -> str | None:
    """The ISO2 country an adjective of nationality names ("Kenyan" -> "KE"), or None."""
    return _demonym_rx()[1].get(word)


@lru_cache(maxsize=4)
def demonyms(text: str) -> Counter[str]:
    """Countries named by adjectives of nationality in ``text`` (each word once; cached: the
    place scanner asks twice per text; read only)."""
    rx, table = _demonym_rx()
    return Counter(table[w] for w in {m.group() for m in rx.finditer(text)})


@lru_cache(maxsize=1)
def _cue_rx() -> tuple[re.Pattern[str], dict[str, str]]:
    table = gazetteer.load_json("demonyms.json").get("cues", {})

    def one(w: str) -> str:
        # a word stands alone ("Whitehall", not "Whitehalls"); a sign needs no boundary ("£5")
        return ("(?<!\\w)" if w[0].isalnum() else "") + re.escape(w) + ("(?!\\w)" if w[-1].isalnum() else "")

    alt = "|".join(one(w) for w in sorted(table, key=len, reverse=True))
    return re.compile(alt or r"(?!x)x"), table


def cues(text: str) -> Counter[str]:
    """Countries named by their own news's words and signs in ``text`` ("£", "Downing Street",
    "crore"; ``data/demonyms.json`` cues): per country, how many distinct cues (at most
    ``MAX_CUES``)."""
    rx, table = _cue_rx()
    found = Counter(table[w] for w in {m.group() for m in rx.finditer(text)})
    return Counter({c: min(n, MAX_CUES) for c, n in found.items()})


def cue_names() -> frozenset[str]:
    """The cue words (``cues``): a town named like one ("Westminster") is no city evidence."""
    return frozenset(k for w in _cue_rx()[1] for k in [norm_name(w)] if len(k) > 2)


@lru_cache(maxsize=1)
def _title_rx() -> tuple[re.Pattern[str], dict[str, list[str]]]:
    data = gazetteer.load_json("demonyms.json").get("office_titles", {})
    table = data.get("titles", {})
    skip = "|".join(re.escape(w) for w in data.get("not_before", [])) or r"(?!x)x"
    alt = "|".join(re.escape(w) for w in sorted(table, key=len, reverse=True)) or r"(?!x)x"
    # the title before a person's two-word name ("Premier Ann Dorsey")
    return re.compile(rf"\b({alt})[ \t]+(?!(?:{skip})\b)[A-Z][\w'.-]+[ \t]+[A-Z][\w'-]"), table


def office_titles(text: str, towns: Iterable[str] = ()) -> Counter[str]:
    """Countries told by office titles US states lack ("Premier Ann Dorsey"; ``data/demonyms.json``
    office_titles): each title counts once, for the one of its countries where a town the text
    names has its biggest namesake (none when no such town exists there)."""
    rx, table = _title_rx()
    found = {m.group(1) for m in rx.finditer(text)}
    if not found:
        return Counter()
    pop: Counter[str] = Counter()
    for t in set(towns):
        for p in candidates(norm_name(t)):
            if p.kind != "neighborhood":
                pop[p.country] = max(pop[p.country], p.population + 1)
    out: Counter[str] = Counter()
    for w in found:
        best = max(table[w], key=lambda c: pop.get(c, 0))
        if pop.get(best, 0) > 0:
            out[best] += 1
    return out


@lru_cache(maxsize=1)
def _town_cue_rx() -> tuple[re.Pattern[str], dict[str, str]]:
    table = gazetteer.load_json("demonyms.json").get("town_cues", {})
    alt = "|".join(rf"(?<!\w){re.escape(w)}(?!\w)" for w in sorted(table, key=len, reverse=True))
    return re.compile(alt or r"(?!x)x"), table


def town_cues(text: str, towns: Iterable[str] = ()) -> Counter[str]:
    """Countries told by words that need a town beside them (``data/demonyms.json`` town_cues: a
    top football league): each counts once, when a town the text names has its biggest namesake
    in the word's country."""
    rx, table = _town_cue_rx()
    found = {table[m.group()] for m in rx.finditer(text)}
    if not found:
        return Counter()
    homes = set()
    for t in set(towns):
        best = max((p for p in candidates(norm_name(t)) if p.kind != "neighborhood"),
                   key=lambda p: p.population, default=None)
        if best is not None:
            homes.add(best.country)
    return Counter({c: 1 for c in found if c in homes})


def city_country(name: str) -> str | None:
    """The country a city name points to on its own: its biggest namesake's, when that one is
    big and dwarfs every namesake in other countries (Marseille -> FR, Chicago -> US, Paris ->
    FR; Portland, Alexandra -> none)."""
    best: dict[str, int] = {}
    for p in candidates(norm_name(name)):
        if p.kind == "neighborhood":
            continue
        best[p.country] = max(best.get(p.country, 0), p.population)
    if not best:
        return None
    top = max(best, key=lambda c: best[c])
    rest = max((v for c, v in best.items() if c != top), default=0)
    if best[top] >= CITY_EVIDENCE_POP and best[top] > CITY_EVIDENCE_RATIO * max(1, rest):
        return top
    return None


def weigh(
    *,
    datelines: Iterable[str] = (),
    countries: Iterable[str] = (),
    cities: Iterable[str] = (),
    states: int = 0,
    text: str = "",
    cities_in_names: Iterable[str] = (),
    towns: Iterable[str] = (),
) -> Counter[str]:
    """Evidence per country (ISO2; "US" included) from the kinds of clues of one text.

    ``cities_in_names``: countries of cities told inside a longer name ("the Lagos State
    police", "a Karachi court"): half a city's weight, counted once per country. ``towns``: the
    names of towns told, which choose the country of an office title (``office_titles``)."""
    score: Counter[str] = Counter()
    for c in set(cities_in_names):
        score[c] += WEIGHTS["city_in_name"]
    for c in datelines:
        score[c] += WEIGHTS["dateline"]
    for c in set(countries):
        score[c] += WEIGHTS["country"] if c != "US" else WEIGHTS["us_name"]
    for c, n in Counter(cities).items():
        score[c] += WEIGHTS["city"] * min(n, MAX_CITY_MENTIONS)  # "London" told four times
    score["US"] += WEIGHTS["state"] * states
    for c, _ in demonyms(text).items():
        score[c] += WEIGHTS["demonym"]
    for c, n in cues(text).items():
        score[c] += WEIGHTS["cue"] * n
    for c, n in office_titles(text, towns).items():
        score[c] += WEIGHTS["title"] * n
    for c, n in town_cues(text, towns).items():
        score[c] += WEIGHTS["cue"] * n
    return score


def decide(score: Counter[str]) -> str | None:
    """The foreign country whose evidence is more than the US's, else None."""
    foreign = [(v, c) for c, v in score.items() if c != "US" and v > 0]
    if not foreign:
        return None
    v, c = max(foreign)
    return c if v > score.get("US", 0.0) else None


__all__ = ["city_country", "cue_names", "cues", "decide", "demonyms", "office_titles", "town_cues", "weigh"]
