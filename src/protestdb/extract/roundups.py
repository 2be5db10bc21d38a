"""Roundups: one action, many places, told as a list. Each place of the list is its own event.

Real reports list a day of action's cities in forms that name no protest word per city:
"38,000 in Lyon, 36,000 in Toulouse and 26,000 in Marseille", "Sete (4500), Calais (5000)",
a turnout table ("Chicago: 150,000" one per line), or a bulleted list of sites ("• Local 12 at
the assembly plant in Toledo, Ohio"). In a protest report, ``roundup_triggers`` adds a
trigger of the article's main action type at each item of such a list, so the splitter makes
one event per listed place (its crowd number in its own segment). A list needs at least
``MIN_ITEMS`` items; a lone "2,000 in Denver" is told by the ordinary triggers.
Patterns: ``data/roundups_en.json``.
"""

from __future__ import annotations

import copy
import re
from collections import Counter
from functools import lru_cache
from typing import Any

from protestdb.extract.detect import Trigger
from protestdb.extract.lexicons import any_rx, load_lang
from protestdb.extract.places import listed_with_action, us_place_abroad
from protestdb.extract.segment import Layout

MIN_ITEMS = 2
#: a sentence listing this many cities with a list cue ("events are scheduled in ...") is a roundup
LIST_MIN_CITIES = 3


@lru_cache(maxsize=4)
def _patterns(lang: str) -> dict[str, re.Pattern[str]]:
    lex = load_lang("roundups", lang)
    num = lex["number"]
    crowd = "|".join(load_lang("cues", lang).get("crowd_quantity") or [r"(?!)"])
    return {
        # a number then a preposition right before the place: "36,000 in Toulouse", "23,000 to Rennes"
        "before": re.compile(rf"(?P<n>{num})(?:\s+(?:{lex['people']}))?\s*(?:{lex['preps']})\s+(?:the city of\s+)?$", re.IGNORECASE),
        # the place then its number: "Sete (4500)", "Chicago: 150,000", "Denver - 100,000"
        "after": re.compile(rf"(?:,\s*[A-Z][\w.]*(?:\s[A-Z][\w.]*)?)?\s*(?:\(\s*(?P<n>{num})\s*\)|[:–—-]\s*(?:(?i:{lex['approx']})\s+)?(?P<m>{num}))"),
        "bullet": re.compile(rf"^\s*(?:{lex['bullets']})\s*"),
        # what is left of a header line once its place is taken out ("Washington, D.C.", "Parkland:")
        "header_rest": re.compile(r"[\s,.:;–—-]*(?:[A-Z][A-Za-z.]*\.?\s?){0,2}[\s,.:;–—-]*"),
        "list_cue": re.compile(lex["list_cue"], re.IGNORECASE),
        # "in Milan more than 100,000, in Naples 50,000": "in" before the place, its number right after
        "in_before": re.compile(lex["in_number"], re.IGNORECASE),
        "in_after": re.compile(rf"\s*(?:(?:{lex['approx']})\s+)?(?P<n>{num})(?=\s*(?:[,;.)]|and\b|$))", re.IGNORECASE),
        # "1. Chicago Thousands of women ...": a numbered paragraph opening on its city
        "numbered": re.compile(lex["numbered"]),
        "numbered_not_told": re.compile(lex["numbered_not_told"], re.IGNORECASE),
        # "3. Ames, Iowa Hundreds braved the cold": the item's words open on its crowd
        "numbered_crowd": re.compile(rf"(?:,\s*[A-Z][\w.]*(?:\s[A-Z][\w.]*)?)?\s+(?:(?i:{lex['approx']})\s+)?(?:{num}|(?i:{crowd}))"),
    }


def main_type(triggers: list[Trigger]) -> str | None:
    """The action type most told in the text (counter-protests aside)."""
    counts = Counter(t.type for t in triggers if not t.weak and not t.quoted and t.type != "counter-protest")
    return counts.most_common(1)[0][0] if counts else None


def item_types(triggers: list[Trigger]) -> list[str]:
    """The types a listed place's event gets: the main type, and when that is the generic
    "demonstration" ("protests were held in ...") the most told specific type as well ("the
    rallies", "marches")."""
    main = main_type(triggers)
    if main is None:
        return []
    if main != "demonstration":
        return [main]
    specific = Counter(t.type for t in triggers if not t.weak and not t.quoted and t.type not in ("counter-protest", "demonstration"))
    return [main] + [specific.most_common(1)[0][0]] if specific else [main]


def roundup_items(text: str, layout: Layout, places: list[Any], lang: str = "en") -> list[tuple[int, int, int, tuple[int, int] | None]]:
    """(place start, place end, sentence index, its number's span) of each place told as an
    item of a list."""
    pats = _patterns(lang)
    items = []
    cities = [p for p in places if p.kind in ("city", "neighborhood") and getattr(p, "city_key", None)]
    per_sent: dict[int, int] = {}
    for p in cities:
        si = layout.sentence_at(p.start)
        per_sent[si] = per_sent.get(si, 0) + 1
    for p in places:
        if p.kind not in ("city", "neighborhood") or not getattr(p, "city_key", None) or us_place_abroad(text, p, places):
            continue
        si = layout.sentence_at(p.start)
        s = layout.sentences[si]
        if s.kind not in ("body", "headline"):
            continue
        ps, pe = layout.paragraphs[s.para]
        if len(text[ps:pe].split()) <= 5 and pats["header_rest"].fullmatch(text[ps : p.start] + text[p.end : pe]):
            items.append((p.start, p.end, si, None))  # a section header naming one city
            continue
        if per_sent.get(si, 0) >= LIST_MIN_CITIES and pats["list_cue"].search(text, s.start, s.end):
            items.append((p.start, p.end, si, None))  # "events are slated for Atlanta, Chicago, Houston ..."
            continue
        line_head = text[ps : p.start]
        num = pats["numbered"].fullmatch(line_head)
        if num is not None and not _POSSESSIVE.match(text, p.end):
            items.append((p.start, p.end, si, None))  # "2. St. Louis The march downtown ..."
            continue
        bullet = pats["bullet"].match(line_head)
        if bullet is not None:
            items.append((p.start, p.end, si, None))  # "• Local 12 at the plant in Toledo"
            continue
        m = pats["before"].search(text, max(s.start, p.start - 60), p.start)
        if m is not None:
            items.append((p.start, p.end, si, m.span("n")))
            continue
        m = pats["after"].match(text, p.end, min(s.end, p.end + 40))
        if m is not None:
            g = "n" if m.group("n") else "m"
            items.append((p.start, p.end, si, m.span(g)))
            continue
        span = _in_item(text, s.start, s.end, p, pats)
        if span is not None:
            items.append((p.start, p.end, si, span))
    return items


_YEAR = re.compile(r"(?:1[89]|20)\d\d")
_POSSESSIVE = re.compile(r"['’]s?\b")


def _in_item(text: str, lo: int, hi: int, p: Any, pats: dict[str, re.Pattern[str]]) -> tuple[int, int] | None:
    """The number's span of an item told "in Milan more than 100,000" / ", in Naples 50,000"."""
    if pats["in_before"].search(text[max(lo, p.start - 40) : p.start]) is None:
        return None
    m = pats["in_after"].match(text[: min(hi, p.end + 40)], p.end)
    if m is None or _YEAR.fullmatch(m.group("n")):
        return None  # "in Denver 2019": a year, not a crowd
    return m.span("n")


def roundup_triggers(
    text: str, layout: Layout, triggers: list[Trigger], places: list[Any], lang: str = "en", sizes: list[Any] | None = None
) -> list[Trigger]:
    """Triggers of the article's main type at each listed place not already told by a
    trigger of its own clause (none when the text has fewer than ``MIN_ITEMS`` items)."""
    types = item_types(triggers)
    if not types:
        return []
    items = [it for it in roundup_items(text, layout, places, lang) if _item_told(text, layout, it, triggers, sizes, lang)]
    if len({text[a:b].lower() for a, b, _, _ in items}) < MIN_ITEMS:
        return []
    cues = load_lang("cues", lang)
    announce = any_rx(tuple(cues["announce"])) if cues.get("announce") else None
    out = []
    for a, b, si, _n in items:
        s = layout.sentences[si]
        if s.kind != "body":
            continue
        own = [t for t in triggers if t.sent == si and not t.weak and abs(t.start - a) < 40]
        if own:
            continue  # "marched in Lyon": the place's own trigger tells it
        announced = bool(announce is not None and announce.search(text, s.start, s.end))
        if not announced and _n is None:
            announced = listed_as_announced(triggers, a)
        local = told_before(layout, triggers, si, a)
        told_here = told_in_sentence(triggers, si, a)
        if told_here:  # "protests and demonstrations took place in A, B and C": what the list's sentence tells
            out += [Trigger(a, b, text[a:b], ty, si, crowd=True, announced=announced) for ty in told_here]
            continue
        out += [Trigger(a, b, text[a:b], ty, si, crowd=True, announced=announced) for ty in ([local] + [x for x in types if x != local] if local else types)]
    return out


def _item_told(text: str, layout: Layout, item: tuple[int, int, int, Any], triggers: list[Trigger],
               sizes: list[Any] | None, lang: str) -> bool:
    """Does a numbered paragraph opening on its city ("2. Boston The march downtown drew ...")
    tell an action there: a protest word or a crowd number of its own in the paragraph, and no
    plan, vote, condition or negation (``data/roundups_en`` numbered_not_told)? Other items
    always do."""
    a, _b, si, _n = item
    pats = _patterns(lang)
    ps, pe = layout.paragraphs[layout.sentences[si].para]
    if pats["numbered"].fullmatch(text[ps:a]) is None:
        return True
    if pats["numbered_not_told"].search(text, ps, pe) is not None:
        return False
    own = any(ps <= t.start < pe and not (t.weak or t.quoted or t.background or t.announced) for t in triggers)
    return own or any(ps <= m.start < pe for m in sizes or ()) or pats["numbered_crowd"].match(text, item[1], pe) is not None


def listed_as_announced(triggers: list[Trigger], pos: int) -> bool:
    """A listed site without a crowd number ("- Tucson: 8 a.m. at Reid Park") under an action
    told as planned ("Protests are scheduled in every state. Here are a few:"): the last action
    told before the list is announced, so is each site's."""
    prev = [t for t in triggers if t.start < pos and not t.weak and not t.background and not t.quoted and not t.crowd]
    return bool(prev) and max(prev, key=lambda t: t.start).announced


def told_in_sentence(triggers: list[Trigger], si: int, pos: int) -> list[str]:
    """The kinds of action the list's own sentence tells before the item at ``pos`` ("protests
    and demonstrations took place in A, B and C"; "rallies were held in A, B and C"), in order:
    the listed places' action, whatever the article tells most. Quotes, background and crowd
    words do not count."""
    out: list[str] = []
    for t in sorted(triggers, key=lambda t: t.start):
        if t.sent == si and t.start < pos and not (t.weak or t.quoted or t.background or t.crowd) \
                and t.type != "counter-protest" and t.type not in out:
            out.append(t.type)
    return out


def told_before(layout: Layout, triggers: list[Trigger], si: int, pos: int) -> str | None:
    """The specific action the list's own paragraph tells last before the item at ``pos``
    ("Huge marches filled the big cities. In Rome 300,000, in Milan 100,000"): the listed
    cities' action, whatever the article tells most (the strike the marches were part of).
    Generic words, counter-protests, quotes and background do not count."""
    para = layout.sentences[si].para
    near = [t for t in triggers if t.start < pos and layout.sentences[t.sent].para == para and not t.weak
            and not t.quoted and not t.background and not t.crowd and t.type not in ("demonstration", "counter-protest")]
    return max(near, key=lambda t: t.start).type if near else None


@lru_cache(maxsize=4)
def _site_crowd_lex(lang: str) -> tuple[re.Pattern[str], frozenset[str]]:
    lex = load_lang("roundups", lang)
    return re.compile(lex["site_opening"], re.IGNORECASE), frozenset(lex["crowd_not_verbs"])


#: the opening place of a sentence starts at most this many characters into it
_OPENING_MAX = 40
#: a state after the opening place ("In Lansing, Michigan,") ends at most this many characters after it
_STATE_TAIL_MAX = 30
_STATE_TAIL = re.compile(r"(?:,\s*[A-Z][\w.]*\.?(?:\s[A-Z][\w.]*\.?)?)?,")


def site_crowd_triggers(text: str, layout: Layout, triggers: list[Trigger], places: list[Any], sizes: list[Any],
                        parse: Any = None, background: set[int] | dict[int, str] = frozenset(),
                        lang: str = "en") -> list[Trigger]:
    """In a roundup, body sentences (or clauses after a semicolon) with no protest word that open
    on their place and count the people acting there ("In Modesto, dozens of nurses held signs outside the hospital", "In
    Harrisburg, Pennsylvania, about 150 students left classes"), or tell them by a bare plural
    right after the place ("In Modesto, nurses held signs"), or open on such a plural and its
    place ("Students in Merced also left class"): each tells the article's main
    action at that place. The trigger is the verb whose subject is the crowd (the parse's active
    subject: "19 students were hurt" is no crowd acting, nor "hundreds of workers lost their
    jobs"). A roundup: the article's firm protest words tell a nationwide action or two places,
    or two such sentences open on two places. No parse (a language without one): none."""
    types = item_types(triggers)
    if not types or parse is None:
        return []
    opening, not_verbs = _site_crowd_lex(lang)
    trig_at: dict[int, list[int]] = {}
    for t in triggers:
        trig_at.setdefault(t.sent, []).append(t.start)
    by_sent: dict[int, list[Any]] = {}
    for p in places:
        by_sent.setdefault(layout.sentence_at(p.start), []).append(p)
    sizes_by_sent: dict[int, list[Any]] = {}
    for sm in sizes:
        sizes_by_sent.setdefault(layout.sentence_at(sm.start), []).append(sm)
    found: list[tuple[Any, Trigger]] = []
    people = _people_nouns(lang)
    for si in sorted(set(sizes_by_sent) | set(by_sent)):
        s, sms = layout.sentences[si], sizes_by_sent.get(si, [])
        if s.kind != "body" or si in background:
            continue
        for p in sorted(by_sent.get(si, []), key=lambda q: q.start):
            if p.kind not in ("city", "neighborhood") or not p.city_key:
                continue
            # the clause the place opens: the sentence's, or one after a semicolon or a colon
            lo = max(s.start, text.rfind(";", s.start, p.start) + 1, text.rfind(":", s.start, p.start) + 1)
            hi = min(x for x in (text.find(";", p.end, s.end), s.end) if x >= 0)
            after = _opening_end(text, lo, hi, p, opening, lang)
            if after is None or any(lo <= a < hi for a in trig_at.get(si, ())) or us_place_abroad(text, p, places):
                continue  # no opening place, or the clause tells its action in protest words
            verb = _acting_verb(text, parse, (after, hi), layout.paragraphs[s.para][0], sms, (people, not_verbs), lang)
            if verb is not None:
                found.append((p, Trigger(verb[0], verb[1], text[verb[0] : verb[1]], "", si, crowd=True)))
    if not found:
        return []
    firm = [t for t in triggers if not t.weak and not t.quoted and layout.sentences[t.sent].kind == "body"]
    told_cities = {q.city_key for t in firm for q in by_sent.get(t.sent, []) if q.city_key}
    if not any(t.national for t in firm) and len(told_cities) < MIN_ITEMS and len({p.city_key for p, _ in found}) < MIN_ITEMS:
        return []  # one protest and a crowd elsewhere is no roundup
    return [Trigger(t.start, t.end, t.quote, ty, t.sent, crowd=True) for _p, t in found for ty in types]


@lru_cache(maxsize=4)
def _people_opening(lang: str) -> re.Pattern[str]:
    """A clause opening on its people and their place ("Students in Fresno also left class")."""
    lex = load_lang("roundups", lang)
    return re.compile(lex["people_opening"].replace("PEOPLE", lex["people"]), re.IGNORECASE)


def _opening_end(text: str, lo: int, hi: int, p: Any, opening: re.Pattern[str], lang: str) -> int | None:
    """Where the words after a clause's opening place start: after "In Modesto," / "In Lansing,
    Michigan," (the acting people follow), or, for "Students in Fresno ...", at the clause's
    start (the people open it); None when the clause does not open on the place."""
    if p.start - lo > _OPENING_MAX:
        return None
    head = text[lo : p.start].strip() + " "
    if opening.search(head) is not None:
        tail = _STATE_TAIL.match(text, p.end, min(hi, p.end + _STATE_TAIL_MAX))
        return tail.end() if tail is not None else None  # "In Modesto, ..." / "In Lansing, Michigan, ..."
    if _people_opening(lang).search(head) is not None:
        return lo + len(text[lo:p.start]) - len(text[lo:p.start].lstrip())
    return None


def _acting_verb(text: str, parse: Any, clause: tuple[int, int], para_start: int, sms: list[Any],
                 lex: tuple[frozenset[str], frozenset[str]], lang: str = "en") -> tuple[int, int] | None:
    """The verb of the people acting in the clause after an opening place: the verb of a crowd
    figure ("dozens of nurses held"), else of a bare plural of people ("nurses held"); none
    in quoted speech."""
    from protestdb.extract.cues import crowd_size
    from protestdb.extract.spans import in_quote

    lo, hi = clause
    people, not_verbs = lex
    if _own_past(lang).search(text, lo, hi):
        return None  # "In Tempe, workers reached a deal last month": a day of its own, gone by
    verb = next((v for sm in sms if lo <= sm.start < hi and crowd_size(text, sm) and not in_quote(text, para_start, sm.start)
                 and (v := _crowd_verb(parse, sm, not_verbs)) is not None), None)
    if verb is None and not in_quote(text, para_start, lo):
        verb = _people_verb(parse, lo, hi, people, lang)
    return verb


@lru_cache(maxsize=4)
def _people_nouns(lang: str) -> frozenset[str]:
    """The plural nouns of people acting (``data/roundups_en`` people: "nurses", "students")."""
    return frozenset(w.lower() for w in load_lang("roundups", lang)["people"].split("|"))


#: a bare plural subject ("nurses held signs") stands at most this many characters after the place
#: (the clause start: "In Tempe, " is cut off already, so a short plural and its verb fit)
_PEOPLE_MAX = 25


def _people_verb(parse: Any, lo: int, hi: int, people: frozenset[str], lang: str) -> tuple[int, int] | None:
    """The clause right after an opening place told with a bare plural of people as its subject
    ("In Elmford, nurses held signs outside the hospital"): the span of that subject's verb (not a
    verb of acting in protest, ``_act_verbs``; not passive, negated or with an auxiliary: "will hold"), else None."""
    span = parse.char_span(lo, min(hi, lo + _PEOPLE_MAX), alignment_mode="contract")
    if span is None:
        return None
    tok = next((t for t in span if t.dep_ == "nsubj" and t.tag_ == "NNS" and t.lower_ in people), None)
    if tok is None or tok.head.pos_ != "VERB" or any(c.dep_ in ("det", "poss", "nummod", "amod") for c in tok.children):
        return None  # "the nurses", "their students", "striking nurses": told before, or qualified
    verb = tok.head
    if verb.lemma_.lower() not in _act_verbs(lang) or any(c.dep_ in ("auxpass", "neg", "aux") for c in verb.children):
        return None  # "Students in Merced returned to class": a verb that tells no protest action
    return verb.idx, verb.idx + len(verb.text)


@lru_cache(maxsize=4)
def _act_verbs(lang: str) -> frozenset[str]:
    """Lemmas of acting in protest that a bare plural of people may tell (``data/roundups_en`` people_act_verbs)."""
    return frozenset(load_lang("roundups", lang).get("people_act_verbs", ()))


@lru_cache(maxsize=4)
def _own_past(lang: str) -> re.Pattern[str]:
    """Words of a clause telling a past day of its own (``data/roundups_en`` clause_own_past)."""
    rx = load_lang("roundups", lang).get("clause_own_past")
    return re.compile(rx or r"(?!x)x", re.IGNORECASE)


def _crowd_verb(parse: Any, sm: Any, not_verbs: frozenset[str]) -> tuple[int, int] | None:
    """The span of the verb whose active subject is the crowd figure ``sm`` ("dozens of nurses
    held" -> "held"), else None."""
    span = parse.char_span(sm.start, sm.end, alignment_mode="expand")
    if span is None or not len(span):
        return None
    tok = span.root
    while tok.dep_ in ("nummod", "quantmod", "amod", "compound", "det", "advmod", "pobj", "prep") and tok.head is not tok:
        tok = tok.head  # "about 200 nurses", "dozens of nurses": up to the subject noun
    if tok.dep_ == "appos" and tok.head.pos_ == "PROPN":
        # "In Des Moines, Iowa, roughly 300 people listened ...": the crowd read as an apposition
        # of the place, its verb as a clause on it (the sentence left without a verb of its own)
        root = tok.sent.root
        verb = next((c for c in tok.children if c.dep_ in ("acl", "relcl") and c.pos_ == "VERB"), None)
        if root.pos_ == "VERB" and root.i > tok.i and not any(c.dep_.startswith("nsubj") for c in root.children):
            verb = root  # "... such as Laramie, Wyoming, more than 300 people met at ...": the verb lacks its subject
        elif verb is None or root.pos_ in ("VERB", "AUX"):
            return None
    elif tok.dep_ != "nsubj" or tok.head.pos_ not in ("VERB", "AUX"):
        return None
    else:
        verb = tok.head
    if verb.lemma_.lower() in not_verbs or any(c.dep_ in ("auxpass", "neg") for c in verb.children):
        return None
    return verb.idx, verb.idx + len(verb.text)


def item_end(text: str, end: int, limit: int, lang: str = "en") -> int:
    """Where a list item that ends at a place name ends: after the number told right after
    it ("Rodez (1200)", "Denver: 40,000", "in Valencia 30,000"), else at the place; never past
    ``limit``."""
    pats = _patterns(lang)
    m = pats["after"].match(text, end, limit)
    if m is None:  # "in Valencia more than 30,000, in Granada ..."
        m = pats["in_after"].match(text[:limit], end)
        if m is not None and _YEAR.fullmatch(m.group("n")):
            m = None
    return m.end() if m is not None else end


def share_organizers(text: str, events: list[Any], lang: str = "en") -> list[Any]:
    """In a roundup, the organizers told for the whole action ("The rallies were organized by X
    and Y") are the organizers of each listed event that names none of its own (never of a
    counter-protest). An organization counts when its evidence sentence has an organizing cue."""
    cue = re.compile(load_lang("roundups", lang)["organizer_cue"], re.IGNORECASE)
    donors: dict[str, list[Any]] = {}
    for ev in events:
        if "counter-protest" in (ev.event_type or []):
            continue
        for name in ev.organizations or []:
            spans = [sp for sp in ev.evidence.get("organizations", []) if sp.quote and sp.quote in name or name in (sp.quote or "")]
            for sp in spans or ev.evidence.get("organizations", []):
                lo = max(text.rfind(". ", 0, sp.start), text.rfind("\n", 0, sp.start)) + 1
                hi = min(x for x in (text.find(". ", sp.end), text.find("\n", sp.end), len(text)) if x >= 0)
                if cue.search(text, lo, hi):
                    donors.setdefault(name, spans or [sp])
                    break
    if not donors:
        return events
    for ev in events:
        if ev.organizations or "counter-protest" in (ev.event_type or []) or not ev.locality:
            continue
        for name, spans in donors.items():
            ev.organizations.append(name)
            for sp in spans:
                ev.add_evidence("organizations", sp.start, sp.end, sp.quote)
    return events


def listed_venues(text: str, places: list[Any]) -> list[Any]:
    """Venues of one sentence told as a list of sites in different localities ("encampments at
    Tufts University, Yale University, the University of Michigan and MIT"), each as the place of
    its own event (a copy of kind ``city`` at the venue's words; the venue stays a venue)."""
    venues = sorted((p for p in places if p.kind == "venue" and getattr(p, "city_key", None)), key=lambda p: p.start)
    cued = bool(venues) and listed_with_action(text, venues[0].start)
    # a list told as examples ("on campuses nationwide, including Elm University, Oak College and
    # Pine State") needs two localities; an uncued one three
    min_cities = MIN_ITEMS if cued else LIST_MIN_CITIES
    if len({p.city_key for p in venues}) < min_cities:
        return []
    listed = [a for a, b in zip(venues, venues[1:], strict=False) if _LIST_GAP.search(text[a.end : b.start]) and b.start - a.end < 80 and "." not in text[a.end : b.start]]
    if len(listed) + 1 < LIST_MIN_CITIES:
        return []
    keep = set(map(id, listed)) | {id(b) for a, b in zip(venues, venues[1:], strict=False) if id(a) in set(map(id, listed))}
    out = []
    for p in venues:
        if id(p) in keep:
            q = copy.copy(p)
            q.kind = "city"
            out.append(q)
    return out


_LIST_GAP = re.compile(r",|\band\b|\bor\b")


def _number(words: str) -> int | None:
    m = re.fullmatch(r"([\d.,\s]+?)\s*(million|thousand)?", words.strip(), re.IGNORECASE)
    if m is None:
        return None
    digits, scale = m.group(1), (m.group(2) or "").lower()
    if scale:
        try:
            return int(float(digits.replace(",", "").replace(" ", "")) * (1_000_000 if scale == "million" else 1000))
        except ValueError:
            return None
    clean = re.sub(r"[^\d]", "", digits)
    return int(clean) if clean else None


def roundup_sizes(text: str, layout: Layout, places: list[Any], sizes: list[Any], lang: str = "en") -> list[Any]:
    """Crowd sizes of a roundup's items told as bare numbers ("Chicago: 150,000", "Sete
    (4500)", "23,000 to Rennes") that the size finder leaves alone (no people word)."""
    from protestdb.extract.sizes import SizeMention

    items = roundup_items(text, layout, places, lang)
    if len({text[a:b].lower() for a, b, _, _ in items}) < MIN_ITEMS:
        return []
    out = []
    for _a, _b, _si, span in items:
        if span is None or any(sm.start <= span[0] < sm.end or span[0] <= sm.start < span[1] for sm in sizes):
            continue
        n = _number(text[span[0] : span[1]])
        if n is None or n < 2:
            continue
        out.append(SizeMention(span[0], span[1], text[span[0] : span[1]], n, n, False))
    return out




_HEAD_END = re.compile(r":|\s[—–-]\s")


def bullet_mark(line: str, lang: str = "en") -> int | None:
    """Where the words of a bulleted line start ("• Elmford ..." -> 2), None without a bullet."""
    m = _patterns(lang)["bullet"].match(line)
    return m.end() if m is not None else None


def bullet_site(text: str, para: tuple[int, int], places: list[Any], lang: str = "en") -> bool:
    """Is the paragraph a bulleted site of a list of sites ("• Columbia University in Manhattan:
    ...", "• the plant in Wentzville, Mo.")? A bullet, then a place named in the line's head
    (before its first colon or dash, at most 80 characters), or in a short line that is no
    sentence (the site's label alone)."""
    a, b = para
    m = _patterns(lang)["bullet"].match(text[a:b])
    if m is None:
        return False
    head = a + m.end()
    h = _HEAD_END.search(text, head, min(b, head + 80))
    if h is not None:
        head_end = h.start()  # "• Columbia University in Manhattan: ..."
    elif len(text[head:b].split()) <= 15 and text[head:b].rstrip()[-1:] not in _SENT_END_CHARS:
        head_end = b  # "• Local 12 at the stamping plant in Wichita, Kansas"
    else:
        return False  # a bulleted sentence, not a site's label
    return any(head <= p.start < head_end for p in places if p.kind in ("city", "neighborhood", "venue"))


#: a section header line: at most this many words, no sentence end
HEADER_MAX_WORDS = 10
#: a section runs at most this many paragraphs after its header
SECTION_MAX_PARAS = 8
_SENT_END_CHARS = ".!?\"”’"


def section_headers(text: str, layout: Layout, places: list[Any]) -> dict[int, Any]:
    """Paragraph index -> the one city of each section header line of a paragraph-per-city
    roundup or listing ("Denver", "Day of Action: Tulsa, OK", "New York City"): a short body
    line without a sentence end naming one city. Only when the text has two or more such
    lines (a lone short line is no section structure)."""
    by_para: dict[int, list[Any]] = {}
    for p in places:
        if p.kind in ("city", "neighborhood") and getattr(p, "city_key", None):
            s = layout.sentences[layout.sentence_at(p.start)]
            by_para.setdefault(s.para, []).append(p)
    out: dict[int, Any] = {}
    for para, ps in by_para.items():
        a, b = layout.paragraphs[para]
        line = text[a:b]
        if len(line.split()) > HEADER_MAX_WORDS or line.rstrip()[-1:] in _SENT_END_CHARS:
            continue
        if len({p.city_key for p in ps}) != 1 or us_place_abroad(text, ps[0], places):
            continue
        if layout.sentences[layout.sentence_at(a)].kind != "body":
            continue
        out[para] = ps[0]
    return out if len(out) >= MIN_ITEMS else {}


def section_city(headers: dict[int, Any], para: int) -> Any:
    """The city of the section ``para`` lies in: the nearest header before it, at most
    ``SECTION_MAX_PARAS`` back (None outside every section)."""
    for back in range(1, SECTION_MAX_PARAS + 1):
        if para - back in headers:
            return headers[para - back]
    return None


__all__ = ["bullet_mark", "bullet_site", "item_types", "listed_venues", "main_type", "roundup_items", "roundup_sizes", "roundup_triggers", "section_city",
           "section_headers", "share_organizers", "site_crowd_triggers"]
