"""Whose crowd is a number. A sentence that tells several cities' figures ("more than 300,000
in Rome, 100,000 in Milan", "Sete (4500), Calais (5000)", "In Boston, police estimated
30,000") gives each figure to the city of its own clause, never to another city of the list:
an event takes a size told in a clause naming its own city first, then one in a sentence
naming its city, then one in a sentence naming no city; a size in a clause or sentence that
names only other cities is theirs. Origins and landmarks ("buses from Lyon", "a rail line
north of Seattle") name no owner; the event's own place words (a dateline) always do.
Clause breaks and origin words: ``data/size_<lang>.json`` ("clause_breaks", "origin_before").
"""

from __future__ import annotations

import re
from typing import Any

from protestdb.extract.lexicons import load_lang, rx
from protestdb.models import size_category

#: the kinds of place mention that own a crowd (a venue or neighborhood owns it for its city)
_OWNER_KINDS = ("city", "neighborhood", "venue")


def _sentence_places(doc: Any) -> dict[int, list[Any]]:
    """Sentence index -> the city, neighborhood and venue mentions told in it (per document)."""
    memo = doc.memo
    if "size_owner_places" not in memo:
        lex = load_lang("size", doc.lang)
        origin = rx(lex["origin_before"]) if lex.get("origin_before") else None
        by_sent: dict[int, list[Any]] = {}
        for p in doc.places:
            if p.kind not in _OWNER_KINDS or not p.city_key:
                continue
            if origin is not None and origin.search(doc.text, max(0, p.start - 25), p.start):
                continue  # "bused in from Lyon": where they came from, not where they were counted
            by_sent.setdefault(doc.layout.sentence_at(p.start), []).append(p)
        memo["size_owner_places"] = by_sent
    return memo["size_owner_places"]


def _clause(text: str, breaks: re.Pattern[str], s: int, e: int, a: int, b: int) -> tuple[int, int]:
    """The clause of sentence [s, e) around [a, b): from the last break before it to the first after."""
    lo = s
    for m in breaks.finditer(text, s, a):
        lo = m.end()
    m2 = breaks.search(text, b, e)
    return lo, (m2.start() if m2 is not None else e)


def rank_for_city(doc: Any, key: str, sizes: list[Any], own_only: bool = False, own_place: Any = None,
                  clause_only: bool = False) -> list[Any]:
    """The sizes of ``sizes`` an event at city ``key`` may take, its own first (stable within a
    rank); with ``own_only``, only those told in a clause or sentence naming its city, with
    ``clause_only`` only those told in a clause naming it. ``own_place``: the event's own place
    mention (its dateline city counts in its sentence)."""
    if not sizes or doc.layout is None:
        return sizes
    by_sent = _sentence_places(doc)
    if own_place is not None and getattr(own_place, "city_key", None) == key:
        si = doc.layout.sentence_at(own_place.start)
        if own_place not in by_sent.get(si, []):
            by_sent = {**by_sent, si: [*by_sent.get(si, []), own_place]}
    lex = load_lang("size", doc.lang)
    breaks = rx(lex["clause_breaks"])
    ranked: list[tuple[int, int, Any]] = []
    for i, m in enumerate(sizes):
        si = doc.layout.sentence_at(m.start)
        places = by_sent.get(si, [])
        if not places:
            if not (own_only or clause_only):
                ranked.append((2, i, m))
            continue
        sent = doc.layout.sentences[si]
        lo, hi = _clause(doc.text, breaks, sent.start, sent.end, m.start, m.end)
        in_clause = {p.city_key for p in places if lo <= p.start and p.end <= hi}
        if key in in_clause:
            ranked.append((0, i, m))
        elif in_clause:
            continue  # "36,000 in Toulouse": another city's figure
        elif key in {p.city_key for p in places} and not clause_only:
            ranked.append((1, i, m))
        # else: a sentence about other cities only ("In Boston, police estimated 30,000")
    return [m for _, _, m in sorted(ranked, key=lambda x: (x[0], x[1]))]



def own_clause_sizes(doc: Any, key: str, sizes: list[Any]) -> list[Any]:
    """Sizes told in a clause naming city ``key``, in any sentence ("in Rome alone there were
    more than 300,000, in Milan ..."): the city's figure where the event's words were cut away."""
    lay = doc.layout
    if lay is None:
        return []
    sents = {lay.sentence_at(p.start) for p in doc.places if p.city_key == key}
    return rank_for_city(doc, key, [m for m in sizes if lay.sentence_at(m.start) in sents], clause_only=True)


def several_figures(doc: Any, chosen: Any, cands: list[Any]) -> list[Any]:
    """The figures of the same crowd as ``chosen`` (itself included, in text order), told in
    its paragraph within the lexicon's window: two sources' counts (each in a sentence naming
    a source: "police said 4,000 ... organizers put the crowd at 10,000"), or the crowd's words
    and its figure ("Thousands marched ... about 4,000 people"); never a comparison with
    another day ("against 26,000 on January 19"). One figure alone stays alone."""
    lex = load_lang("size", doc.lang)
    if not lex.get("source_cues") or doc.layout is None:
        return [chosen]
    text, lay = doc.text, doc.layout
    source, comp = rx(lex["source_cues"]), rx(lex["comparison_before"])
    window = int(lex.get("sources_window", 220))

    def sourced(m: Any) -> bool:
        s = lay.sentences[lay.sentence_at(m.start)]
        return source.search(text, s.start, s.end) is not None

    other = rx(lex["other_crowd_after"]) if lex.get("other_crowd_after") else None
    out = [chosen]
    for m in cands:
        if m is chosen or m.quote == chosen.quote or abs(m.start - chosen.start) > window:
            continue
        if other is not None and (other.match(text, m.end) or other.match(text, chosen.end)):
            continue  # "200 protesters and about 30 counter-protesters": two crowds
        a, b = sorted((m.start, chosen.start))
        if "\n" in text[a:b] or comp.search(text, max(0, m.start - 30), m.start) is not None:
            continue
        if any(_same_crowd(o, m, sourced) for o in out):
            out.append(m)
    return sorted(out, key=lambda m: m.start)


def _same_crowd(a: Any, b: Any, sourced: Any) -> bool:
    """Two sources' counts, or the crowd's words and its figure of the same order ("Thousands
    marched ... about 4,000"; not "Hundreds rallied ... 20 blocked the door")."""
    if sourced(a) and sourced(b):
        return True
    return _has_digit(a.quote) != _has_digit(b.quote) and size_category(a.low) == size_category(b.low)


def _has_digit(s: str) -> bool:
    return any(c.isdigit() for c in s)


__all__ = ["own_clause_sizes", "rank_for_city", "several_figures"]
