"""Place names the small English model tags PERSON ("Brandon, Florida", "Grants Pass, Ore." in
a list of sites): a spaCy pipeline component after ``ner`` that re-labels such a PERSON entity
GPE, only on positive place syntax backed by the gazetteer (``protestdb.geo``):

- ``<Name>, <US state>`` ("Brandon, Fla.", "Grants Pass, OR") with <Name> a place of that state;
- ``<Name>, <country>`` ("Leeds, England") with <Name> a place of that country;

and the state or country ends the clause (not "Marshall, Texas Republican leader", "Florida's");
- a name in a list of places told under its region ("In Iowa, Decorah, Ames, Dubuque and
  Waterloo saw rallies", "vigils across Israel, including in Holon, Netanya and Bat Yam"),
  with two other names of the list places of that region and the name a place there;
- an item of a turnout list ("like Calais (3800), Sete (5100) and Gueret (2600)"): a crowd
  figure in brackets after it and after another name of its sentence (not a year: "(2014)");
- a name told as a site (``_site_told``): right after a locative word ("In Elmford, ...", "a camp
  near Elmford"; not the "in" of "confidence in", "faith in", nor a person right after: "near
  Elmford as she spoke"), or by its possessive naming a part of it ("Elmford's streets").

- a city in a list of cities told as sites without its region ("rallies in Denver, Austin, Boise
  and Tulsa"): a locative word before the list, two other names of the list cities of one
  country, the name a city of that country of at least ``LIST_CITY_MIN_POP`` people. A small
  town in such a bare list is not enough (tried for every town: it placed an event nobody coded
  on a check half).

A real person is never re-labelled: not a name after a title ("Mayor", "Sen."), in a speech
frame ("X said", "said X", "according to X", X the subject of "say"), a possessive ("X's son"),
nor a name followed by a comma and a person's title ("X, a spokeswoman"), nor one whose region
is followed by a person ("Kent, Ohio, a retired teacher", "Kent, Ohio organizer for the union",
"Texas' junior senator"), nor a name after a sports position code ("LB Marshall, Texas") or a
person noun ("captain Marshall, Texas"). Language data:
``data/person_frames_en.json`` and ``data/place_names_en.json``. Cost: only the PERSON
entities are looked at, each with a few tokens and characters around it; each list of names is
built once, and looked at only under a region head and up to ``LIST_MAX_ITEMS`` names.
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
    # the text around the name only (40 tokens hold 40 characters at least), never the whole page
    win = doc[max(0, start - 40) : min(len(doc), end + 60)]
    text, off = win.text, win.start_char
    a, b = doc[start].idx - off, doc[end - 1].idx + len(doc[end - 1]) - off
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
        heads = _possessive_heads(doc, persons)
    except Exception:  # noqa: BLE001 - a failed correction leaves the model's labels
        logger.warning("place-name correction failed; the model's labels are kept", exc_info=True)
        return doc
    if relabel:
        doc.ents = [Span(doc, e.start, e.end, label="GPE") if (e.start, e.end) in relabel else e for e in doc.ents]
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
    out |= {
        (e.start, e.end) for e in persons
        if (e.start, e.end) not in out and _turnout_item(doc, e)
        and not _person_elsewhere(doc, e, persons)  # "Waverly said ... In Waverly, ...": ambiguous
    }
    listed = [e for e in persons if (e.start, e.end) not in out and _in_list_shape(doc, e)]
    if listed:  # the rarer shape: a name coordinated with others ("..., Dubuque and Decorah")
        out |= _region_listed(doc, listed, persons)
    return out | _site_told(doc, persons) | _host_subject(doc, persons)


#: a word of a name in any script's capitals ("Guéret", "Châteauroux", "Bat")
_WORD_NAME = re.compile(r"[^\W\d_][\w'’.-]*")


def _is_word_name(span: Span) -> bool:
    """``_is_name`` for names with letters beyond ASCII ("Guéret", "Béziers")."""
    return all(t.text[:1].isupper() and _WORD_NAME.fullmatch(t.text) for t in span)


#: a crowd figure in brackets right after a name: "Sete (5100)", "Rouen (14 000)", "(16,500)"
#: (not a year: "Selma (2014)", a bare four-digit figure from 1800 to 2100)
_TURNOUT = re.compile(r"[ \t]*\([ \t]*(\d{1,3}(?:[ ,.]\d{3})+|(?!(?:1[89]\d\d|20\d\d|2100)[ \t]*\))\d{3,6})[ \t]*\)")
#: a turnout figure is at least this many people (not an age: "Jane Doe (45)")
TURNOUT_MIN = 200
#: a turnout list holds at least this many "<Name> (<figure>)" items
TURNOUT_MIN_ITEMS = 2
_TURNOUT_ITEM = re.compile(r"[A-Z][\w'’.-]*" + _TURNOUT.pattern)


def _turnout_figure(m: re.Match[str] | None) -> bool:
    return m is not None and int(re.sub(r"\D", "", m.group(1))) >= TURNOUT_MIN


def _turnout_item(doc: Doc, ent: Span) -> bool:
    """Is the name an item of a turnout list ("towns like Calais (3800), Sete (5100) and Gueret
    (2600)"): a crowd figure of at least ``TURNOUT_MIN`` in brackets right after it,
    at least ``TURNOUT_MIN_ITEMS`` such items in its sentence, and the name a gazetteer place;
    never a name in a person's frame."""
    if ent.end >= len(doc) or doc[ent.end].text != "(":  # the cheap test first
        return False
    win = doc[ent.start : min(len(doc), ent.end + 20)]
    b = ent.end_char - win.start_char
    if not _turnout_figure(_TURNOUT.match(win.text, b, b + 20)):
        return False
    if len(ent) > 3 or not _is_word_name(ent) or person_frame(doc, ent.start, ent.end):
        return False
    items = [m for m in _TURNOUT_ITEM.finditer(ent.sent.text) if _turnout_figure(_TURNOUT.search(m.group(0)))]
    return len(items) >= TURNOUT_MIN_ITEMS and bool(_places(ent.text))


#: the labels of the names a list of places may hold (the model tags some towns ORG or PERSON)
_LIST_LABELS = ("GPE", "LOC", "PERSON", "ORG", "FAC")


@lru_cache(maxsize=1)
def _list_lex() -> tuple[frozenset[str], re.Pattern[str], frozenset[str]]:
    """The list separators, the region head before a list's first name ("In Iowa, ...",
    "throughout Israel, including in ..."), and the locative words that open a region told as
    the list's first name (``data/place_names_en.json``)."""
    own = load_lang("place_names", "en")
    return frozenset(own["list_separators"]), re.compile(own["list_region_head"]), frozenset(own["list_region_openers"])


#: a list holds at least this many other names that are places of its region
LIST_MIN_PLACES = 2


def _in_list_shape(doc: Doc, ent: Span) -> bool:
    """The cheap test: a name of at most three words with a list separator right before or
    after it."""
    if len(ent) > 3 or not _is_word_name(ent):
        return False
    seps = _list_lex()[0]
    i, j = ent.start - 1, ent.end
    if i > 0 and _wrap(doc[i]):  # "... and\nTulsa": a line wrap between
        i -= 1
    if j + 1 < len(doc) and _wrap(doc[j]):
        j += 1
    return i >= 0 and doc[i].lower_ in seps or j < len(doc) and doc[j].lower_ in seps


#: a list is looked at up to this many names (its first ones, nearest its region head): a longer
#: run of names (signatories, speakers) costs no more than this
LIST_MAX_ITEMS = 30


def _region_listed(doc: Doc, listed: list[Span], persons: list[Span]) -> set[tuple[int, int]]:
    """The names of ``listed`` that stand in a list of places told under its region ("In Iowa,
    Decorah, Ames, Dubuque and Waterloo saw rallies"; "vigils across Israel, including
    in Holon, Netanya and Yavne"): the region (a US state or a country) right before
    the list's first name, at least ``LIST_MIN_PLACES`` other names of the list places of that
    region, and the name itself a gazetteer place there; never a name in a person's frame, nor
    the surname of a full name the page tags PERSON. A list without its region: ``_city_listed``.
    Each list is built once (one pass over the names) and looked at up to ``LIST_MAX_ITEMS``
    names. ``persons``: the page's PERSON entities."""
    names = sorted((e for e in doc.ents if e.label_ in _LIST_LABELS), key=lambda e: e.start)
    wanted = {(e.start, e.end) for e in listed}
    surnames: set[str] | None = None
    out: set[tuple[int, int]] = set()
    for items in _list_runs(doc, names):
        if not any((e.start, e.end) in wanted for e in items):
            continue
        items = items[:LIST_MAX_ITEMS]
        region = _region_name(items[0])
        if region is not None:
            items = items[1:]  # "In Iowa, Ames, ...": the region opens the list
        elif len(items) > LIST_MIN_PLACES:
            region = _list_region(doc, items[0])
        if region is None:
            if surnames is None:
                surnames = {e[-1].text for e in doc.ents if e.label_ == "PERSON" and len(e) > 1}
            out |= _city_listed(doc, items, wanted, surnames, persons)
            out |= _noun_listed(doc, items, wanted, surnames, persons)
            continue
        inside = [_in_region(e.text, region) for e in items]
        if sum(inside) < LIST_MIN_PLACES + 1:  # the name and two other places of the region
            continue
        if surnames is None:
            surnames = {e[-1].text for e in doc.ents if e.label_ == "PERSON" and len(e) > 1}
        for k, ent in enumerate(items):
            if not inside[k] or (ent.start, ent.end) not in wanted or ent.text in surnames \
                    or person_frame(doc, ent.start, ent.end):
                continue
            # the list's other places of the region, one of them at least tagged a place
            others = [e for j, e in enumerate(items) if j != k and inside[j]]
            if len(others) >= LIST_MIN_PLACES and any(e.label_ in ("GPE", "LOC") for e in others):
                out.add((ent.start, ent.end))
    return out


@lru_cache(maxsize=1)
def _site_openers() -> frozenset[str]:
    """The words that open a list told as sites (``data/place_names_en`` list_site_openers)."""
    return frozenset(w.lower() for w in load_lang("place_names", "en")["list_site_openers"])


#: a town of a list told without its region is a city of at least this many people
LIST_CITY_MIN_POP = 50_000


def _city_listed(doc: Doc, items: list[Span], wanted: set[tuple[int, int]], surnames: set[str],
                 persons: list[Span]) -> set[tuple[int, int]]:
    """The names of ``wanted`` in a list of cities told as sites without its region ("marches in
    Denver, Austin, Boise and Tulsa"; "in Lagos, Abuja, Kano and Ibadan"): a locative word opens
    the list (``_site_openers``; "Atlanta, Nashville and Memphis saw ..." is not enough: without
    that word a check half gained an event the coder left out), at least ``LIST_MIN_PLACES``
    names of the list tagged as places are gazetteer cities of one country (GPE/LOC, or ORG: the
    model tags some towns of a list ORG; one of them at least GPE/LOC; other names tagged PERSON
    do not count: tried, two check halves gained uncoded events), and the name is a city of that
    country of at least ``LIST_CITY_MIN_POP`` people (a small namesake town, "Waverly", "Jordan",
    stays a person); never a name in a person's frame, the surname of a full name on the page,
    nor a name told as a person elsewhere."""
    if not any((e.start, e.end) in wanted for e in items):
        return set()
    first = items[0].start
    if not any(doc[k].lower_ in _site_openers() for k in range(max(0, first - 3), first)) \
            and not _spread_opening(doc, items[0]):
        return set()
    countries: dict[str, int] = {}
    tagged: set[str] = set()  # the countries of the names tagged as places
    for e in items:
        if e.label_ not in ("GPE", "LOC", "ORG"):  # the model tags some towns of a list ORG
            continue
        for name in _item_names(e):
            found = _city_places(name)
            if found:
                countries[found[0][0]] = countries.get(found[0][0], 0) + 1
                if e.label_ != "ORG":
                    tagged.add(found[0][0])
    country = max(countries, key=lambda c: countries[c]) if countries else None
    if country is None or countries[country] < LIST_MIN_PLACES or country not in tagged:
        return set()
    return {
        (ent.start, ent.end) for ent in items
        if (ent.start, ent.end) in wanted and ent.text not in surnames
        and any(c == country and pop >= LIST_CITY_MIN_POP for c, _, pop in _city_places(ent.text))
        and not person_frame(doc, ent.start, ent.end) and not _person_elsewhere(doc, ent, persons)
    }


@lru_cache(maxsize=1)
def _noun_head() -> re.Pattern[str]:
    """The noun of towns that opens a list ("the cities of", "towns such as"; ``data/
    place_names_en`` list_noun_head)."""
    return re.compile(load_lang("place_names", "en")["list_noun_head"])


#: a town of a list opened by its noun ("the towns of A, B and C") has at least this many people
NOUN_LIST_MIN_POP = 5_000


#: the labels of a noun-opened list's names whose countries confirm the other names as towns
_VOTERS = frozenset({"GPE", "LOC", "ORG", "FAC"})


def _noun_listed(doc: Doc, items: list[Span], wanted: set[tuple[int, int]], surnames: set[str],
                 persons: list[Span]) -> set[tuple[int, int]]:
    """The names of ``wanted`` in a list that a noun of towns opens ("the cities of Elmford,
    Dunmore and Kestwick", "towns such as Elmford and Dunmore"; the list's first names may be
    untagged): the noun tells the items as towns, so a name the model tags PERSON there is a
    place when the gazetteer has it as a town of at least ``NOUN_LIST_MIN_POP`` people in the
    country of another name of the list (one the model tags a place or a body, ``_VOTERS``: two
    PERSON names never confirm each other; that name's most populous namesake); never a name in
    a person's frame, the surname of a full name on the page, nor a name told as a person elsewhere."""
    if not any((e.start, e.end) in wanted for e in items):
        return set()
    first = items[0]
    lo = max(first.sent.start_char if doc.has_annotation("SENT_START") else 0, first.start_char - 160)
    m = _NAMES_BEFORE.search(doc.text, max(lo, first.start_char - 120), first.start_char)
    head_end = m.start() if m is not None else first.start_char
    if _noun_head().search(doc.text, max(lo, head_end - 60), head_end) is None:
        return set()
    # each other name's country: its most populous namesake's ("Ghent" is Belgian, not a US hamlet)
    towns = [{found[0][0] for n in _item_names(e) for found in [_city_places(n)] if found}
             if e.label_ in _VOTERS else set() for e in items]
    out = set()
    for k, ent in enumerate(items):
        if (ent.start, ent.end) not in wanted or ent.text in surnames:
            continue
        others = set().union(*(t for j, t in enumerate(towns) if j != k))
        if not any(c in others and pop >= NOUN_LIST_MIN_POP for c, _a, pop in _city_places(ent.text)):
            continue
        if not person_frame(doc, ent.start, ent.end) and not _person_elsewhere(doc, ent, persons):
            out.add((ent.start, ent.end))
    return out


_ITEM_SPLIT = re.compile(r"[ \t]*(?:,|;|\band\b)[ \t]*")


def _item_names(ent: Span) -> list[str]:
    """The names an item of a list holds: an ORG entity the model glued over two items ("Elmford,
    Dunmore Bay") holds each of them; any other entity its own text."""
    if ent.label_ != "ORG" or "," not in ent.text:
        return [ent.text]
    return [p for p in _ITEM_SPLIT.split(ent.text) if p]


#: names listed before a list's first tagged name ("Elmford, Dunmore, "), at most four
_NAMES_BEFORE = re.compile(r"(?:[A-Z][\w'’.-]*(?:[ \t][A-Z][\w'’.-]*){0,2}[ \t]*,[ \t]*){1,4}$")


def _spread_opening(doc: Doc, first: Span) -> bool:
    """Does the list open after an action told as spreading to it ("the protests spread to A, B
    and C", ``extract/places.spread_to``)? Its sentence is read at most 200 characters back."""
    from protestdb.extract.places import spread_to

    sent = first.sent if doc.has_annotation("SENT_START") else None
    lo = max(sent.start_char if sent is not None else 0, first.start_char - 200)
    # the list's first names the model left untagged ("spread to Elmford, Dunmore, <first>, ...")
    m = _NAMES_BEFORE.search(doc.text, max(lo, first.start_char - 120), first.start_char)
    return spread_to(doc.text, lo, m.start() if m is not None else first.start_char, "en")


def _city_places(name: str) -> list[tuple[str, str | None, int]]:
    """(country, admin1, population) of the gazetteer's places called ``name``, most populous
    first."""
    from protestdb.geo.normalize import norm_name
    from protestdb.geo.resolve import candidates

    kinds = _frames().kinds
    return sorted(((p.country, p.admin1, p.population or 0) for p in candidates(norm_name(name)) if p.kind in kinds),
                  key=lambda x: -x[2])


def _list_runs(doc: Doc, names: list[Span]) -> list[list[Span]]:
    """The lists of ``names`` (in text order): maximal runs of names coordinated in one line
    ("A, B and C", "A, B, and C", "A; B"), one or two separators between two names; one pass.
    Only separators (or untagged names) stand between two items, never a sentence's end: a
    sentence start the parser puts inside "A and B" does not break the list."""
    seps = _list_lex()[0]
    runs: list[list[Span]] = []
    for e in names:
        if runs:
            prev = runs[-1][-1]
            gap = [j for j in range(prev.end, e.start) if not _wrap(doc[j])]  # a line wrap is no break
            if (1 <= len(gap) <= 2 and all(doc[j].lower_ in seps for j in gap) or _untagged_items(doc, gap, seps)) \
                    and not any(_line_break(doc[j]) for j in range(prev.end - 1, e.start)):
                runs[-1].append(e)
                continue
        runs.append([e])
    return runs


def _wrap(tok: Any) -> bool:
    """A token of one line wrap inside a sentence ("\\n" alone)."""
    return tok.is_space and tok.text.count("\n") == 1 and not tok.text.strip()


def _line_break(tok: Any) -> bool:
    """Does a paragraph break (a blank line) follow the token?"""
    return "\n\n" in tok.text_with_ws or (tok.is_space and tok.text.count("\n") > 1)


#: at most this many names the model left untagged stand between two names of one list
LIST_MAX_UNTAGGED = 2


def _untagged_items(doc: Doc, gap: list[int], seps: frozenset[str]) -> bool:
    """Is ``gap`` (token indexes between two names) list items the model tagged as nothing ("A,
    Elmford, Dunmore and B": "Elmford" and "Dunmore" untagged)? Separators open and close it, each
    item between is one to three capitalised words without an entity label, at most
    ``LIST_MAX_UNTAGGED`` items."""
    if len(gap) < 3 or len(gap) > 4 * LIST_MAX_UNTAGGED + 1:
        return False
    toks = [doc[j] for j in gap]
    if toks[0].lower_ not in seps or toks[-1].lower_ not in seps:
        return False
    items, run = 0, 0
    for t in toks:
        if t.lower_ in seps:
            if run:
                items += 1
            run = 0
            continue
        if not (t.is_alpha and t.text[:1].isupper()) or t.ent_type_:
            return False
        run += 1
        if run > 3:
            return False
    return 1 <= items <= LIST_MAX_UNTAGGED


def _list_region(doc: Doc, first: Span) -> tuple[str, str | None] | None:
    """The region told right before a list's first name ("In Iowa, ...", "throughout Israel,
    including in ..."): ("US", state) or (ISO2, None); None without one."""
    from protestdb.geo import country_code, state_code

    a = first.start_char
    i = first.start  # the sentence's start, walking back at most the 80 characters looked at
    while i > 0 and not doc[i].is_sent_start and doc[i - 1].idx >= a - 80:
        i -= 1
    win = doc[i : first.start].text_with_ws  # the sentence before the name, never the whole page
    m = _list_lex()[1].search(win, max(0, a - 80 - doc[i].idx))
    if m is None:
        return None
    code = state_code(m.group("r"))
    if code is not None:
        return "US", code
    iso = country_code(m.group("r"))
    return (iso, None) if iso is not None else None


def _region_name(span: Span) -> tuple[str, str | None] | None:
    """The region a list's opening name is, told after a locative word and before a comma ("In
    Iowa, Ames, ..."): ("US", state) or (ISO2, None); None for any other name."""
    from protestdb.geo import country_code, state_code

    doc = span.doc
    if span.start == 0 or doc[span.start - 1].lower_ not in _list_lex()[2] \
            or span.end >= len(doc) or doc[span.end].text != ",":
        return None
    code = state_code(span.text)
    if code is not None:
        return "US", code
    iso = country_code(span.text)
    return (iso, None) if iso is not None else None


def _in_region(name: str, region: tuple[str, str | None]) -> bool:
    """Is ``name`` a gazetteer place of the region (a US state, or a country)?"""
    country, state = region
    places = _places(name)
    if state is not None:
        return (country, state) in places
    return any(c == country for c, _ in places)


@lru_cache(maxsize=1)
def _site_syntax() -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    """(a locative word right before a name, its possessive naming a part of it, a word whose
    "in" is its argument right before "in", a person told right after the name): ``data/
    place_names_en`` site_before, site_in_argument_heads, site_person_after, ``data/
    place_words_en`` site_possessive_parts."""
    own = load_lang("place_names", "en")
    parts = "|".join(load_lang("place_words", "en")["site_possessive_parts"])
    before = re.compile(rf"\b(?:{'|'.join(own['site_before'])})[ \t]+(?:the[ \t]+(?:city|town)[ \t]+of[ \t]+)?$", re.IGNORECASE)
    poss = re.compile(rf"['’]s[ \t]+(?:(?-i:[A-Z][\w-]+)[ \t]+){{0,2}}(?:{parts})\b", re.IGNORECASE)
    heads = "|".join(sorted(own["site_in_argument_heads"], key=len, reverse=True))
    argument = re.compile(rf"\b(?:{heads})[ \t]+in[ \t]+$", re.IGNORECASE)
    return before, poss, argument, re.compile(own["site_person_after"], re.IGNORECASE)


@lru_cache(maxsize=1)
def _site_words() -> frozenset[str]:
    return frozenset(w.lower() for w in load_lang("place_names", "en")["site_before"])


def _site_told(doc: Doc, persons: list[Span], names: list[Span] | None = None) -> set[tuple[int, int]]:
    """(c) A name of one to three words the model tags PERSON, told as a site: right after a
    locative word ("In Elmford, the march began at noon", "a camp near Elmford") or by its
    possessive naming a part of it ("Elmford's streets", "Elmford's Victoria Square"); the
    gazetteer knows it as a place, no person frame surrounds it, and the page never tells that
    name as a person (inside a longer PERSON name, or in a speech frame at another mention).
    The locative must govern a place: not the "in" of a word of trust, belief or interest
    ("confidence in Elmford", "faith in Elmford"), and no person told right after the name
    ("near Elmford as she spoke"). ``names``: look at these only (default: ``persons``)."""
    before, poss, argument, person_after = _site_syntax()
    fr = _frames()
    out = set()
    for ent in persons if names is None else names:
        if len(ent) > 3 or not _is_word_name(ent):
            continue
        if not (ent.end < len(doc) and doc[ent.end].lower_ in ("'s", "’s")) \
                and not any(doc[k].lower_ in _site_words() for k in range(max(0, ent.start - 4), ent.start)):
            continue  # the cheap test first: a possessive after, or a locative word just before
        win = doc[max(0, ent.start - 40) : min(len(doc), ent.end + 60)]  # never the whole page
        text, off = win.text, win.start_char
        a, b = ent.start_char - off, ent.end_char - off
        part = poss.match(text, b, min(len(text), b + 60)) is not None
        if not part:
            if not before.search(text, max(0, a - 30), a) or argument.search(text, max(0, a - 40), a) \
                    or person_after.match(text, b, min(len(text), b + 30)) or person_frame(doc, ent.start, ent.end):
                continue
        elif fr.before.search(text, max(0, a - 40), a) or fr.noun_before.search(text, max(0, a - 20), a):
            continue  # "Mayor Elmford's streets plan": a person's possessive
        if not _places(ent.text) or _person_elsewhere(doc, ent, persons):
            continue
        out.add((ent.start, ent.end))
    return out


@lru_cache(maxsize=1)
def _host_lex() -> tuple[frozenset[str], re.Pattern[str], re.Pattern[str]]:
    """The verbs of hosting or counting a crowd, the words of their object that tell an
    action or a crowd, and the words after the name that tell it a person after all
    (``data/place_names_en`` host_lemmas, host_objects, host_not)."""
    own = load_lang("place_names", "en")
    return (frozenset(own["host_lemmas"]), re.compile(own["host_objects"], re.IGNORECASE),
            re.compile(own["host_not"], re.IGNORECASE))


def _host_verb(ent: Span) -> Any:
    """The verb whose subject the name is, alone or coordinated with another subject
    ("Dunmore and Elmford tallied ..."), else None."""
    tok = ent.root
    for _ in range(4):
        if tok.dep_ != "conj" or tok.head is tok:
            break
        tok = tok.head
    if tok.dep_ != "nsubj" or tok.head.pos_ not in ("VERB", "AUX"):
        return None
    return tok.head


def _host_subject(doc: Doc, persons: list[Span]) -> set[tuple[int, int]]:
    """(d) A name of one to three words the model tags PERSON, the subject of a verb of hosting
    or counting a crowd whose object tells an action or a crowd ("Elmford saw a rally",
    "Dunmore and Elmford tallied crowds of 5,000", "Elmford also hosted a march"): a city of at
    least ``LIST_CITY_MIN_POP`` people in the gazetteer, in no person frame, never the surname
    of a full name on the page nor told as a person elsewhere, nor followed by a person's pronoun
    or told as seeing something "as" a view in its sentence."""
    if doc.lang_ != "en":
        return set()  # the host words are English ones (``data/place_names_en``)
    lemmas, objects, person_after = _host_lex()
    surnames: set[str] | None = None
    out = set()
    for ent in persons:
        if len(ent) > 3 or not _is_word_name(ent):
            continue
        verb = _host_verb(ent)
        if verb is None or verb.lemma_.lower() not in lemmas:
            continue
        obj = [c for c in verb.children if c.dep_ in ("dobj", "attr") and c.i > verb.i]
        if not obj or not any(objects.search(doc[c.left_edge.i : c.right_edge.i + 1].text) for c in obj):
            continue
        if person_after.search(doc.text, ent.start_char, ent.sent.end_char):
            continue  # "Elmford welcomed the marchers to his church", "Elmford saw the protests as ...": a person
        if surnames is None:
            surnames = {e[-1].text for e in persons if len(e) > 1}
        if ent.text in surnames or person_frame(doc, ent.start, ent.end) or _person_elsewhere(doc, ent, persons):
            continue
        if any(pop >= LIST_CITY_MIN_POP for _c, _a, pop in _city_places(ent.text)):
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
        if (name.start, name.end) in _site_told(doc, [name, *(p for p in persons if p.start != ent.start)], [name]):
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
