"""Place names the small English model tags PERSON ("Brandon, Florida", "Grants Pass, Ore." in
a list of sites): a spaCy pipeline component after ``ner`` that re-labels such a PERSON entity
GPE, only on positive place syntax backed by the gazetteer (``protestdb.geo``):

- ``<Name>, <US state>`` ("Brandon, Fla.", "Grants Pass, OR") with <Name> a place of that state;
- ``<Name>, <country>`` ("Leeds, England") with <Name> a place of that country;

and the state or country ends the clause (not "Marshall, Texas Republican leader", "Florida's").
A town in a bare list of places ("in A, B and C") is not enough: tried, it found towns on the
development pages but placed an event nobody coded on a check half.

A real person is never re-labelled: not a name after a title ("Mayor", "Sen."), in a speech
frame ("X said", "said X", "according to X", X the subject of "say"), a possessive ("X's son"),
nor a name followed by a comma and a person's title ("X, a spokeswoman"), nor one whose region
is followed by a person ("Kent, Ohio, a retired teacher", "Kent, Ohio organizer for the union",
"Texas' junior senator"), nor a name after a sports position code ("LB Marshall, Texas") or a
person noun ("captain Marshall, Texas"). Language data:
``data/person_frames_en.json`` and ``data/place_names_en.json``. Cost: only the PERSON
entities are looked at, each with a few tokens and characters around it.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc, Span

from protestdb.extract.lexicons import load_lang

logger = logging.getLogger(__name__)

COMPONENT = "protestdb_place_names"
#: a word of a place name: capitalised letters, inner hyphens/apostrophes/dots ("Winston-Salem")
_NAME_WORD = re.compile(r"[A-Z][A-Za-z'’.-]*[A-Za-z.]")


@dataclass(frozen=True)
class _Frames:
    before: re.Pattern[str]  # a title or speech word right before the name
    after: re.Pattern[str]  # a speech word right after it
    titles: re.Pattern[str]  # ", a spokeswoman", ", the mayor"
    speech: frozenset[str]
    kinds: frozenset[str]
    nouns: frozenset[str]  # a lower-case person noun right after the region ("organizer")
    positions: frozenset[str]  # a sports position code right before the name ("LB")
    noun_before: re.Pattern[str]  # a person noun right before the name ("captain", "teammates")
    noun_phrase: re.Pattern[str]  # ", a retired teacher" / ", the pastor" after the region


@lru_cache(maxsize=1)
def _frames() -> _Frames:
    pf = load_lang("person_frames", "en")
    own = load_lang("place_names", "en")

    def alt(words: list[str]) -> str:
        return "|".join(sorted(words, key=len, reverse=True))

    before = [*pf["before"], *own["titles"]]
    return _Frames(
        before=re.compile(rf"\b(?:{alt(before)})[ \t]+$", re.IGNORECASE),
        after=re.compile(rf"[ \t]+(?:{alt(pf['after'])})\b", re.IGNORECASE),
        titles=re.compile(rf",[ \t]+(?:{alt(pf['titles'])})\b", re.IGNORECASE),
        speech=frozenset(own["speech_lemmas"]),
        kinds=frozenset(own["place_kinds"]),
        nouns=frozenset(own["person_nouns"]),
        positions=frozenset(own["position_codes"]),
        noun_before=re.compile(rf"\b(?:{alt(own['person_nouns'])})s?[ \t]+$"),
        noun_phrase=re.compile(rf",[ \t]+(?:an?|the)(?: (?!of\b)[\w'’-]+){{0,3}} (?:{alt(own['person_nouns'])})\b"),
    )


def person_frame(doc: Doc, start: int, end: int) -> bool:
    """Is the name ``doc[start:end]`` told as a person: after a title or a speech word, before a
    speech word, a possessive, followed by ", <a person's title>", or the subject of a speech
    verb?"""
    fr = _frames()
    text = doc.text
    a, b = doc[start].idx, doc[end - 1].idx + len(doc[end - 1])
    if fr.before.search(text, max(0, a - 40), a) or fr.noun_before.search(text, max(0, a - 20), a):
        return True
    if start > 0 and doc[start - 1].text in fr.positions and doc[start - 1].whitespace_:
        return True
    if fr.after.match(text, b, min(len(text), b + 30)) or fr.titles.match(text, b, min(len(text), b + 60)):
        return True
    if end < len(doc) and doc[end].text in ("'s", "’s", "'", "’"):
        return True
    root = doc[start:end].root
    return root.dep_ in ("nsubj", "nsubjpass") and root.head.lemma_.lower() in fr.speech


def _places(name: str) -> list[tuple[str, str | None]]:
    """(country, admin1) of the gazetteer's places called ``name`` (cities, neighbourhoods; by
    their own name first, then by another spelling), most populous first."""
    from protestdb.geo.normalize import norm_name
    from protestdb.geo.resolve import candidates

    kinds = _frames().kinds
    return [(p.country, p.admin1) for p in candidates(norm_name(name)) if p.kind in kinds]


def _is_name(span: Span) -> bool:
    return all(_NAME_WORD.fullmatch(t.text) for t in span)


def _region_after(doc: Doc, i: int) -> tuple[str, str | None, int] | None:
    """A US state or a country told right after a comma at token ``i`` (", Fla.", ", North
    Carolina", ", England"): ("US", state code, end) or (ISO2, None, end)."""
    from protestdb.geo import country_code, state_code

    if i + 1 >= len(doc) or doc[i].text != ",":
        return None
    for n in (1, 2, 3):
        end = i + 1 + n
        if end > len(doc):
            break
        words = doc[i + 1 : end]
        if not _is_name(words) and not words.text.isupper():
            break
        code = state_code(words.text)
        if code is not None and n <= 2:
            return "US", code, end
        iso = country_code(words.text)
        if iso is not None and (n > 1 or len(words.text) > 2):
            return iso, None, end
    return None


def _region_ends_clause(doc: Doc, end: int) -> bool:
    """After "<Name>, <region>" comes punctuation, a lower-case word or the end: not a
    capitalised word ("Florida Republican", "Texas Senate": an affiliation, not a place), not a
    possessive ("Texas's", "Texas' senator")."""
    if end >= len(doc) or "\n" in doc[end - 1].whitespace_:
        return True
    nxt = doc[end]
    return not nxt.text[:1].isupper() and nxt.text not in ("'s", "’s", "'", "’")


def _person_after_region(doc: Doc, start: int, end: int) -> bool:
    """A person told right after "<Name>, <region>" (the region ending at token ``end``): ", a
    retired teacher" / ", the mayor" / ", who" (person_frames_en 'titles'), or a lower-case
    singular person noun ("Kent, Ohio organizer for the union") unless an article before the
    name makes the town qualify the noun ("a Kent, Ohio, native"), or a compound on the region
    ("Texas-born")."""
    if end >= len(doc):
        return False
    fr = _frames()
    b = doc[end - 1].idx + len(doc[end - 1])
    if fr.titles.match(doc.text, b, min(len(doc.text), b + 60)) or fr.noun_phrase.match(doc.text, b, min(len(doc.text), b + 60)):
        return True
    if doc[end].text in ("-", "–") and not doc[end - 1].whitespace_:  # "Texas-born", "Ohio-based"
        return True
    if doc[end].text.lower() not in fr.nouns or not doc[end].text.islower():
        return False
    return start == 0 or doc[start - 1].lower_ not in ("a", "an", "the")


def _with_region(doc: Doc, ent: Span) -> bool:
    """(a)/(b): "<Name>, <US state>" or "<Name>, <country>" with <Name> a gazetteer place there."""
    reg = _region_after(doc, ent.end)
    if reg is None or not _region_ends_clause(doc, reg[2]) or _person_after_region(doc, ent.start, reg[2]):
        return False
    country, state, _ = reg
    places = _places(ent.text)
    if state is not None:
        return (country, state) in places
    return any(c == country for c, _ in places)


@Language.component(COMPONENT)
def place_names(doc: Doc) -> Doc:
    """Re-label as GPE the PERSON entities that place syntax and the gazetteer show to be places."""
    persons = [e for e in doc.ents if e.label_ == "PERSON"]
    if not persons:
        return doc
    try:
        relabel = _relabel(doc, persons)
    except Exception:  # noqa: BLE001 - a failed correction leaves the model's labels
        logger.warning("place-name correction failed; the model's labels are kept", exc_info=True)
        return doc
    if relabel:
        doc.ents = [Span(doc, e.start, e.end, label="GPE") if (e.start, e.end) in relabel else e for e in doc.ents]
    heads = _possessive_heads(doc, persons)
    if heads:  # "Elmford's Victoria Square" tagged PERSON whole: the town's name becomes GPE
        doc.ents = [Span(doc, e.start, heads[(e.start, e.end)], label="GPE") if (e.start, e.end) in heads else e
                    for e in doc.ents]
    return doc


def _relabel(doc: Doc, persons: list[Span]) -> set[tuple[int, int]]:
    out = {
        (ent.start, ent.end)
        for ent in persons
        if ent.end < len(doc) and doc[ent.end].text == ","  # the cheap test first: "<Name>, ..."
        and _is_name(ent) and not person_frame(doc, ent.start, ent.end) and _with_region(doc, ent)
    }
    return out | _site_told(doc, persons)


#: a capitalised word of a name in any script with letters ("Niš", "Łódź")
_ANY_NAME_WORD = re.compile(r"[^\W\d_][\w'’.-]*")


@lru_cache(maxsize=1)
def _site_syntax() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """(a locative word right before a name, its possessive naming a part of it): ``data/
    place_names_en`` site_before, ``data/place_words_en`` site_possessive_parts."""
    own = load_lang("place_names", "en")
    parts = "|".join(load_lang("place_words", "en")["site_possessive_parts"])
    before = re.compile(rf"\b(?:{'|'.join(own['site_before'])})[ \t]+(?:the[ \t]+(?:city|town)[ \t]+of[ \t]+)?$", re.IGNORECASE)
    poss = re.compile(rf"['’]s[ \t]+(?:(?-i:[A-Z][\w-]+)[ \t]+){{0,2}}(?:{parts})\b", re.IGNORECASE)
    return before, poss


def _site_told(doc: Doc, persons: list[Span]) -> set[tuple[int, int]]:
    """(c) A name of one to three words the model tags PERSON, told as a site: right after a
    locative word ("In Elmford, the march began at noon", "a camp near Elmford") or by its
    possessive naming a part of it ("Elmford's streets", "Elmford's Victoria Square"); the
    gazetteer knows it as a place, no person frame surrounds it, and the page never tells that
    name as a person (inside a longer PERSON name, or in a speech frame at another mention)."""
    before, poss = _site_syntax()
    text = doc.text
    out = set()
    for ent in persons:
        if len(ent) > 3 or not all(_ANY_NAME_WORD.fullmatch(t.text) and t.text[0].isupper() for t in ent):
            continue
        a, b = ent.start_char, ent.end_char
        part = poss.match(text, b, min(len(text), b + 60)) is not None
        if not part and not before.search(text, max(0, a - 30), a):
            continue
        if not part and person_frame(doc, ent.start, ent.end):
            continue
        fr = _frames()
        if part and (fr.before.search(text, max(0, a - 40), a) or fr.noun_before.search(text, max(0, a - 20), a)):
            continue  # "Mayor Elmford's streets plan": a person's possessive
        if not _places(ent.text) or _person_elsewhere(doc, ent, persons):
            continue
        out.add((ent.start, ent.end))
    return out


def _possessive_heads(doc: Doc, persons: list[Span]) -> dict[tuple[int, int], int]:
    """A PERSON entity that runs over a name's possessive into a part of it ("Elmford's Victoria
    Square" tagged whole): its name's end token, when the name is told as a site by (c)."""
    out = {}
    for ent in persons:
        k = next((i for i, t in enumerate(ent) if i and t.text in ("'s", "’s")), None)
        if k is None or k > 3:
            continue
        name = ent[:k]
        if (name.start, name.end) in _site_told(doc, [name, *(p for p in persons if p.start != ent.start)]):
            out[(ent.start, ent.end)] = name.end
    return out


def _person_elsewhere(doc: Doc, ent: Span, persons: list[Span]) -> bool:
    """Is ``ent``'s name told as a person somewhere on the page: a later word of a longer PERSON
    name ("Dana Elmford"), or another mention of it in a person frame ("Elmford said")?"""
    name = ent.text
    for other in persons:
        if other.start == ent.start:
            continue
        words = [t.text for t in other]
        if len(other) > len(ent) and name in words[1:] and not any(w.isupper() for w in words):
            return True  # "Dana Elmford", not "Elmford FRFI" (a name after the town's)
        if other.text == name and person_frame(doc, other.start, other.end):
            return True
    return False


def add_to(nlp: Any) -> None:
    """Put the component right after ``ner`` (once)."""
    if COMPONENT not in nlp.pipe_names and "ner" in nlp.pipe_names:
        nlp.add_pipe(COMPONENT, after="ner")
