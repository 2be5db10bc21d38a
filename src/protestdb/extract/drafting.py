"""Event drafting: which events an article tells (one action, one locality, one day).

Body sentences with protest words are read in order. For each, the drafting rules of
``ExtractConfig.draft_rules`` are tried in order; the first that decides wins. A rule either
attaches the sentence's triggers to a draft already open (a back-reference, the nationwide
action re-described, the action being told continued) or returns *groups* (a place key, its
place, its triggers, its segment, its venue words) that become drafts -- a counter-protest
split into its own. Then the filters of ``ExtractConfig.draft_filters`` run over all drafts.
Every rule that attaches a sentence is recorded on the draft; every rule that drops a trigger,
a place or a draft records it in the trace.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from datetime import date
from functools import lru_cache
from typing import Any

from protestdb.extract import places
from protestdb.extract.assemble import (
    CLAUSE_BREAK,
    clause_of,
    context_place,
    dates_in,
    earlier_occasion_place,
    grievance_place,
    locative,
    non_event_places,
)
from protestdb.extract.background import date_status
from protestdb.extract.detect import PLACELESS_TYPES, Trigger
from protestdb.extract.document import NATIONAL, UNLOCATED, Draft, ExtractDoc
from protestdb.extract.lexicons import load
from protestdb.extract.places import Place
from protestdb.extract.roundups import bullet_site, item_end, listed_venues, section_headers
from protestdb.extract.roundups import section_city as roundup_section_city
from protestdb.extract.spans import in_quote
from protestdb.extract.types import sign_quoted

Group = tuple[str, Place | None, list[Trigger], tuple[int, int], list[Place]]


@dataclass
class Sentence:
    """What the rules see of one body sentence with protest words."""

    index: int
    start: int
    end: int
    para: int
    trigs: list[Trigger]
    cities: list[Place]
    venues: list[Place]
    states: list[Place]
    announced: bool

    @property
    def seg(self) -> tuple[int, int]:
        return (self.start, self.end)


@dataclass
class DraftState:
    """The drafts so far, the one being told, and the article's place facts."""

    doc: ExtractDoc
    places_by_sent: dict[int, list[Place]]
    national_paras: set[int]
    dl_city: Place | None
    dl_state: Place | None
    drafts: list[Draft] = field(default_factory=list)
    current: Draft | None = None
    #: rules that shaped a segment or chose a place, named beside the drafting rule in the trace:
    #: ("seg", start, end) or ("place", id(place)) -> rule name
    tags: dict[tuple[Any, ...], str] = field(default_factory=dict)
    #: actions told by their number at one place ("staged two separate protests in Elmwood"):
    #: (the draft, how many, the counted word, its segment, its paragraph)
    counted: list[tuple[Draft, int, Trigger, tuple[int, int], int]] = field(default_factory=list)

    def get(self, key: str, place: Place | None, para: int, counter: bool, announced: bool, venues: list[Place],
            told: tuple[tuple[int, int], list[Trigger]] | None = None) -> Draft:
        """The open draft of the same place, kind and tense (a different venue in another
        paragraph is another event), else a new one. With ``told`` (the sentence's segment and
        triggers), a draft of the other tense is the same action when the sentence tells no
        day of its own and no "another" ("are planning a vigil Friday ... The vigil drew ...")."""
        vk = {v.quote.lower() for v in venues if v.kind == "venue" and not _origin_venue(self.doc.text, v)}
        vk = {k for k in vk if not _street(k)}  # "marched down Capitol Avenue": the route, no other site
        other = None
        for d in reversed(self.drafts):
            if d.key != key or d.counter != counter:
                continue
            dk = {k for k in d.venue_keys() if not _street(k)}
            if para in d.paras or not vk or not dk or vk & dk:
                if d.announced == announced:
                    return d
                other = other or d
        if other is not None and told is not None and same_action_told(self.doc, *told, other=other) and not (
                announced and past_action(self.doc, other) and not past_plan(self.doc, told[0])):
            return other  # (a planned action after one told as held days before is a follow-up)
        d = Draft(key, place, counter=counter, announced=announced)
        self.drafts.append(d)
        return d

    def attach(self, d: Draft, trigs: list[Trigger], seg: tuple[int, int], para: int, venues: list[Place],
               state_place: Place | None, rule: str) -> None:
        text = self.doc.text
        d.triggers.extend(trigs)
        if seg not in d.segments:
            d.segments.append(seg)
        d.rules.append((rule, seg, tuple((t.start, t.end, t.quote) for t in trigs)))
        d.paras.add(para)
        d.last_para = para
        for v in venues:
            if text[v.start - 1 : v.start] == "(":
                continue  # "University of Southern California (USC)": the acronym repeats the venue
            if v.quote.lower() not in {x.quote.lower() for x in d.venues}:
                d.venues.append(v)
        if d.state_place is None and state_place is not None:
            d.state_place = state_place


_ORIGIN = None
@lru_cache(maxsize=1)
def _street_rx() -> re.Pattern[str]:
    """A venue ending in a street word (``data/place_words_en`` route_street_words)."""
    words = load("place_words_en")["route_street_words"]
    return re.compile(rf"\b(?:{'|'.join(words)})\.?\Z", re.IGNORECASE)


def _street(venue_key: str) -> bool:
    """Is a venue a street ("Capitol Avenue", "Main Street")? Streets are a march's route: told
    in another paragraph, they name no other site than the action's."""
    return _street_rx().search(venue_key) is not None



def _origin_venue(text: str, v: Place) -> bool:
    """Is the venue told as where a march set out from ("marched from Memorial Park to the
    rally"): the start of the action, no other site than the rally's?"""
    import re

    global _ORIGIN
    if _ORIGIN is None:
        # "from the Hall of Heroes on Elm Square": capitalised words of the origin between
        _ORIGIN = re.compile(r"\b(?i:from|desde)\s+(?:(?i:the|el|la)\s+)?(?:[A-Z][\w'’.-]*\s+(?:(?:of|on|at|de|del)\s+)?(?:the\s+)?){0,5}$")
    return _ORIGIN.search(text, max(0, v.start - 60), v.start) is not None


_NEW_ACTION = None


def same_action_told(doc: ExtractDoc, seg: tuple[int, int], trigs: list[Trigger], other: Draft | None = None) -> bool:
    """Does a sentence tell the action already drafted in the other tense: no date of its own
    and no "another" / "a second" / "new" before its trigger words? (``other``: the draft of the
    other tense, whose weekdays are no day of the sentence's own.)"""
    if not trigs or dates_in(doc, *seg) or _undated_weekday(doc, seg, other):
        return False
    return not any(_new_action().search(doc.text, max(seg[0], t.start - 30), t.start) for t in trigs)


def _undated_weekday(doc: ExtractDoc, seg: tuple[int, int], other: Draft | None = None) -> bool:
    """On a page without a publication date, does the sentence of ``seg`` name a weekday ("Rallies
    are set for Monday in A, B and C")? It tells a day of its own, though which one is unknown --
    unless the draft ``other`` named that weekday already ("rallied on Sunday" / "had planned the
    rally for Sunday": the same day, so the same action)."""
    if doc.published is not None:
        return False
    s = doc.layout.sentences[doc.layout.sentence_at(seg[0])]
    days = _weekday_names(doc.lang or "en")
    mine = {d.group(0).lower() for m in doc.dates if s.start <= m.start < s.end and m.relative
            for d in [days.search(m.quote)] if d is not None}
    segs = other.segments if other is not None else []
    told = {d.group(0).lower() for m in doc.dates if m.relative and any(a <= m.start < b for a, b in segs)
            for d in [days.search(m.quote)] if d is not None}
    return bool(mine - told)


@lru_cache(maxsize=4)
def _weekday_names(lang: str) -> re.Pattern[str]:
    from protestdb.extract.lexicons import load_lang

    names = sorted(load_lang("date", lang)["weekdays"], key=len, reverse=True)
    return re.compile(r"\b(?:" + "|".join(re.escape(w) for w in names) + r")\b", re.IGNORECASE)


def past_plan(doc: ExtractDoc, seg: tuple[int, int]) -> bool:
    """Is the plan a sentence tells told in the past tense only ("the rally, planned to
    begin at noon, got going an hour behind", "shortly before the nurses were due to walk the final stretch"): the plan
    of an action held since, no follow-up announcement (``cues_<lang>.json`` "announce_past")?"""
    from protestdb.extract.lexicons import any_rx, lang_entry

    pats = lang_entry("cues", doc.lang or "en", "announce_past")
    if not pats:
        return False
    past = [m.span() for m in any_rx(tuple(pats)).finditer(doc.text, *seg)]
    if not past:
        return False
    ahead = any_rx(tuple(lang_entry("cues", doc.lang or "en", "announce") or ()))
    # every announcement phrase of the sentence lies inside a past-tense one
    return all(any(a <= m.start() < b for a, b in past) for m in ahead.finditer(doc.text, *seg))


def _new_action() -> Any:
    """Words before a trigger that tell another action than one told before ("another rally")."""
    import re

    global _NEW_ACTION
    if _NEW_ACTION is None:
        _NEW_ACTION = re.compile(r"\b(?:another|a second|a third|a new|further|follow-up|similar)\s+(?:[\w-]+\s+){0,1}$",
                                 re.IGNORECASE)
    return _NEW_ACTION


#: the end of a word for the people acting ("protesters", "strikers", "manifestantes"), not an action
_PEOPLE_END = re.compile(r"(?:ers?|ors?|ists?|ants?|antes?|istas?|ores|eros?|eras?)$", re.IGNORECASE)


def _action_noun(doc: ExtractDoc, t: Trigger) -> bool:
    """Is the trigger an action noun ("march", "rally", "marcha"), not the people ("protesters",
    "otra manifestante": more people, no other action) nor a verb ("another group took to the
    streets")? The parse tells the noun when there is one (English)."""
    if t.quoted or _PEOPLE_END.search(t.quote) is not None:
        return False
    if doc.doc is None:
        return " " not in t.quote.strip()
    tok = _trigger_root(doc, t)
    return tok is not None and tok.pos_ in ("NOUN", "PROPN")


def _trigger_root(doc: ExtractDoc, t: Trigger) -> Any | None:
    """The parse's root token of the trigger's words (None: no parse, or no token there)."""
    if doc.doc is None:
        return None
    span = doc.doc.char_span(t.start, t.end, alignment_mode="expand")
    return span.root if span is not None and len(span) else None


def another_action(doc: ExtractDoc, d: Draft, seg: tuple[int, int], trigs: list[Trigger]) -> bool:
    """Is the segment's action told as another than the draft's, at the same place, and told as
    held ("tenant organizers led another march", "A second rally gathered two hours later",
    "impulsó otra marcha"; ``cues_<lang>.json`` another_action)? Then it is an event of its own,
    not more of the first. A description of the same action ("It was another protest"), a plan
    ("promised another rally if ...") or "otra vez" (again) is none."""
    if not d.triggers or seg in d.segments or not trigs:
        return False
    from protestdb.extract.lexicons import any_rx, lang_entry

    pats = lang_entry("cues", doc.lang or "en", "another_action")
    if not pats:
        return False
    pat = any_rx(tuple(pats))
    # "another sit-in filled the depot's lobby": one site or day of an action running over days
    # (``_DURATIVE``) or of a walkout series, not another action
    if not any(not t.anaphoric and t.type not in _DURATIVE and t.type != "walkout"
               and pat.search(doc.text, max(seg[0], t.start - 40), t.start) and _action_noun(doc, t)
               and _told_held(doc, t, subject=True) for t in trigs):
        return False
    # "A second vigil had been held there in March": history, no action of the news
    return not any(date_status(m, doc.published, d.announced) == "old" for m in dates_in(doc, *seg))


#: verbs that tell an action planned, asked or talked of, not held ("promised another rally")
_NOT_HELD = frozenset({"be", "promise", "plan", "threaten", "vow", "call", "announce", "schedule", "warn", "urge",
                       "seek", "want", "propose", "expect", "consider", "pledge", "demand", "predict", "prepare",
                       "say", "hope", "intend", "suggest", "discuss", "carry", "wave"})


def _told_held(doc: ExtractDoc, t: Trigger, subject: bool) -> bool:
    """Is the action noun told as held by a verb of the news: the object of a past-tense verb
    ("led another march", "staged two separate protests"), the subject of a passive one ("a second
    rally was held"), or (``subject``) of an active one ("a second rally gathered")? Not in a
    perfect ("have staged two strikes"), a condition ("if ..."), nor after "be" ("was another
    protest") or a verb of plans ("promised another rally"). Without a parse (Spanish) the
    language's own patterns tell it (``cues_<lang>`` another_action)."""
    if doc.doc is None:
        return True
    tok = _trigger_root(doc, t)
    if tok is None:
        return False
    head = tok.head
    if head.i == tok.i and subject:
        # the small parser's "A second rally, organized by ..., gathered at ...": the noun as the
        # root, its past verb hung under it
        return any(k.dep_ in ("acl", "relcl") and k.tag_ == "VBD" and k.lemma_.lower() not in _NOT_HELD
                   for k in tok.children)
    if head.i == tok.i or head.pos_ not in ("VERB", "AUX") or head.lemma_.lower() in _NOT_HELD:
        return False
    kids = list(head.children)
    if any(k.dep_ == "mark" and k.lower_ in ("if", "unless", "until", "when", "once") for k in kids):
        return False
    if any(k.dep_ == "aux" and k.lemma_.lower() in ("have", "will", "would", "could", "may", "might", "shall", "should",
                                                   "can", "must", "do") for k in kids):
        return False
    if tok.dep_ == "dobj":
        return head.tag_ == "VBD"
    if tok.dep_ == "nsubjpass":
        return head.tag_ == "VBN" and any(k.dep_ == "auxpass" and k.lower_ in ("was", "were") for k in kids)
    if tok.dep_ == "nsubj" and subject:
        return head.tag_ == "VBD"
    return False


#: words before a count that tell actions before the news ("the last two protests", "their three strikes")
_PAST_COUNT = re.compile(r"\b(?:last|past|previous|prior|earlier|recent|its|their|his|her|our|other|all|first)\s+$",
                         re.IGNORECASE)
#: "since 2022", "since May", "so far this year": a tally of actions over time, not the news's
_SINCE = re.compile(r"\b(?:since|so far|this year|in recent|over the (?:past|last))\b", re.IGNORECASE)


def counted_actions(doc: ExtractDoc, seg: tuple[int, int], trigs: list[Trigger]) -> tuple[int, Trigger] | None:
    """How many actions a segment tells as held by their number ("staged two separate
    protests", "two rallies were held"; ``cues_<lang>.json`` another_action_count), and the
    counted word; None when it counts none. A tally of past actions ("the last two protests",
    "have staged two strikes since 2022") or a comparison counts none."""
    from protestdb.extract.lexicons import any_rx, lang_entry

    pats = lang_entry("cues", doc.lang or "en", "another_action_count")
    numbers = lang_entry("cues", doc.lang or "en", "another_action_numbers") or {}
    if not pats or doc.doc is None:
        return None
    pat = any_rx(tuple(pats))
    for t in trigs:
        if not _action_noun(doc, t) or not t.quote.lower().endswith(("s", "es")):
            continue
        m = pat.search(doc.text, max(seg[0], t.start - 40), t.start)
        n = numbers.get(m.group("n").lower()) if m is not None else None
        if not n or _PAST_COUNT.search(doc.text, max(seg[0], m.start() - 20), m.start()) is not None:
            continue
        if _SINCE.search(doc.text, t.end, seg[1]) is not None or not _told_held(doc, t, subject=False):
            continue
        return n, t
    return None


def draft_day(doc: ExtractDoc, d: Draft) -> Any | None:
    """The date told nearest to the draft's first trigger word in its first sentence."""
    if not d.segments or not d.triggers:
        return None
    near = dates_in(doc, *d.segments[0])
    t0 = d.triggers[0].start
    return min(near, key=lambda m: abs(m.start - t0)) if near else None


def past_action(doc: ExtractDoc, d: Draft) -> bool:
    """Is the draft an action told as held before the publication day ("marched last week")?"""
    m = draft_day(doc, d)
    return (not d.announced and m is not None and doc.published is not None and m.value is not None
            and m.value < doc.published)


def new_day(doc: ExtractDoc, d: Draft, seg: tuple[int, int]) -> bool:
    """Does ``seg`` tell a day other than the draft's own ("The protests, set for June 6, ..."
    after "marched on Tuesday, June 6" tells no new day)?"""
    told = dates_in(doc, *seg)
    if not told:
        return False
    m0 = draft_day(doc, d)
    known = {m0.value, getattr(m0, "future_value", None)} - {None} if m0 is not None else set()
    return any(m.value not in known and (m.future_value is None or m.future_value not in known) for m in told)


#: a rule returns None (not mine: try the next), [] (handled: attached or skipped) or groups
DraftRule = Callable[[DraftState, Sentence], "list[Group] | None"]
DRAFT_RULES: dict[str, DraftRule] = {}
DraftFilter = Callable[[DraftState], None]
DRAFT_FILTERS: dict[str, DraftFilter] = {}


def draft_rule(name: str) -> Callable[[DraftRule], DraftRule]:
    def register(fn: DraftRule) -> DraftRule:
        DRAFT_RULES[name] = fn
        return fn

    return register


def draft_filter(name: str) -> Callable[[DraftFilter], DraftFilter]:
    def register(fn: DraftFilter) -> DraftFilter:
        DRAFT_FILTERS[name] = fn
        return fn

    return register


# --- the sentence rules, in their default order ------------------------------------------


@draft_rule("back_reference")
def back_reference(st: DraftState, s: Sentence) -> list[Group] | None:
    """"The rally was organized by ...", a quote: the action being told, not a new one -- whatever
    its own tense ("Saturday's rally is being organized by ..." after the announcement)."""
    cur = st.current
    text = st.doc.text
    if cur is None or cur.key == NATIONAL or not all(t.quoted or t.anaphoric for t in s.trigs):
        return None
    if any(c.city_key != cur.key and (locative(text, c) or st.tags.get(("place", id(c))) == "listed_with_action") for c in s.cities):
        return None  # "in Elmford", "... including Elmford and Dunmore": sites of the action told here
    if cur.place is None and cur.key == UNLOCATED and s.cities and not any(t.quoted for t in s.trigs):
        return None  # "The strike hits plants in Elmford, Dunmore and Fairview": where it is
    d = cur
    if cur.announced != s.announced and new_day(st.doc, cur, s.seg):
        # "Thursday's rally is scheduled for noon": the announced follow-up, told with its day
        d = st.get(cur.key, cur.place, s.para, cur.counter, s.announced, [])
        if d.place is None:
            d.place = cur.place
    st.attach(d, s.trigs, s.seg, s.para, s.venues if d is not cur or not cur.venues else [], None, "back_reference")
    st.current = d
    return []


@draft_rule("national_redescribed")
def national_redescribed(st: DraftState, s: Sentence) -> list[Group] | None:
    """The same nationwide action re-described ("The group asked people not to buy ...")."""
    cur = st.current
    if cur is None or cur.key != NATIONAL or s.cities or s.para - cur.last_para > st.doc.config.national_para_gap:
        return None
    types = {x.type for x in cur.triggers}
    if not any(t.type in types for t in s.trigs) or dates_in(st.doc, s.start, s.end):
        return None
    st.attach(cur, [t for t in s.trigs if t.type in types], s.seg, s.para, [], None, "national_redescribed")
    return []


@draft_rule("split_by_city")
def split_by_city(st: DraftState, s: Sentence) -> list[Group] | None:
    """Several cities in one sentence: one segment each, ending at the last clause break before
    the next city ("25,000 on the Common, while police in Providence counted 3,000")."""
    if len(s.cities) < 2 or all(c.kind != "city" for c in s.cities):
        return None
    text = st.doc.text
    groups: list[Group] = []
    prev = s.start
    cities = _with_repeats(st, s)
    for i, c in enumerate(cities):
        seg_end = s.end
        if i < len(cities) - 1:
            breaks = [m.start() for m in CLAUSE_BREAK.finditer(text, c.end, cities[i + 1].start)]
            # a list item ends after its own number ("Rodez (1200), Sete (5100)")
            seg_end = breaks[-1] if breaks else item_end(text, c.end, cities[i + 1].start, st.doc.lang)
            if not breaks and seg_end != c.end:
                st.tags[("seg", prev, seg_end)] = "roundup_item_end"
        seg_trigs = [t for t in s.trigs if prev <= t.start < seg_end]
        if not seg_trigs and other_news_place(text, c, prev, st.doc.lang):
            # "a march in Elmwood on the day of the governor's visit to Fairview": a city told in
            # a clause of its own without protest words is another piece of news
            st.doc.trace.drop(f"place {c.quote!r} at {c.start}", "drafting.split_by_city",
                              "told as the place of other news, with no protest word in its clause")
            prev = seg_end
            continue
        seg_venues = [v for v in s.venues if prev <= v.start < seg_end]
        groups.append((c.city_key or UNLOCATED, c, seg_trigs or s.trigs, (prev, seg_end), seg_venues))
        prev = seg_end
    return groups


def other_news_place(text: str, c: Place, lo: int, lang: str) -> bool:
    """Is the city told as the place of another piece of news ("on the day of the military
    parade in Elmwood", "the raids in Fairview"): one of ``data/place_words`` other_news_nouns
    right before "in <city>"?"""
    from protestdb.extract.lexicons import load_lang, rx

    nouns = load_lang("place_words", lang).get("other_news_nouns")
    if not nouns:
        return False
    pat = rx(r"\b(?:" + "|".join(nouns) + r")\b(?:\s+[\w'’.-]+){0,2}?\s+(?:in|at|en)\s+(?:the\s+|la\s+|el\s+)?$")
    return pat.search(text, max(lo, c.start - 60), c.start) is not None


def _with_repeats(st: DraftState, s: Sentence) -> list[Place]:
    """The sentence's cities in text order, with a city named again after others ("in Tulsa,
    Omaha and Wichita, with the largest in Tulsa, where 5,000 marched"): the clause of the repeat
    tells that city again (one entry per city else)."""
    keys = {c.city_key for c in s.cities}
    firsts = {c.start for c in s.cities}
    out = sorted(s.cities, key=lambda c: c.start)
    for p in st.places_by_sent.get(s.index, []):
        if p.kind in ("city", "neighborhood") and p.city_key in keys and p.start not in firsts and p.start > out[0].end:
            out.append(p)
    out.sort(key=lambda c: c.start)
    # a name told twice in a row ("New York, New York") is one mention
    return [c for i, c in enumerate(out) if i == 0 or c.city_key != out[i - 1].city_key]


@draft_rule("one_city")
def one_city(st: DraftState, s: Sentence) -> list[Group] | None:
    """The sentence names where the action is."""
    if not s.cities:
        return None
    if all(t.national for t in s.trigs) and all(places.is_dateline_mention(st.doc.text, c) for c in s.cities):
        # "DENVER (Wire) — Staff at some 80 outlets nationwide struck": no one city's action
        bare = replace(s, cities=[])
        got = national_placeless(st, bare)
        if got is not None:
            return got
    nat = _national_action_words(st, s)
    # the city's own words beside the nation's action ("marched as part of the national
    # shutdown": a march there); without any, the sentence tells one action ("Elmwood's unions
    # began a nationwide strike")
    own = [t for t in s.trigs if t not in nat]
    if nat and own:
        return [(NATIONAL, None, nat, s.seg, []), (s.cities[0].city_key or UNLOCATED, s.cities[0], own, s.seg, s.venues)]
    # "marched in Elmwood to commemorate the general strike": the nation's action only named is
    # not the city's kind of action
    named = [t for t in _national_named(st.doc.text, s) if t not in nat]
    trigs = [t for t in s.trigs if t not in named] if named and len(named) < len(s.trigs) else s.trigs
    return [(s.cities[0].city_key or UNLOCATED, s.cities[0], trigs, s.seg, s.venues)]


def _national_named(text: str, s: Sentence) -> list[Trigger]:
    """The strike or boycott words of the sentence that name the nation's action without telling
    it as happening now (``_national_told_now``)."""
    from protestdb.extract.lexicons import load, rx
    from protestdb.extract.nationwide import named_placeless

    pat = rx(load("actions_en")["national_action"])
    return [t for t in s.trigs if t.type in PLACELESS_TYPES and not located_strike(text, t)
            and (pat.search(text, max(s.start, t.start - 40), t.start) or pat.search(t.quote + " ") or named_placeless(t))
            and not _national_told_now(text, s, t)]


def _national_action_words(st: DraftState, s: Sentence) -> list[Trigger]:
    """The strike or boycott words of a sentence with a city that name the nation's action ("As
    the nationwide strike began, dockers in Elmwood picketed the port", "marched in Elmwood as
    part of the national shutdown strike": ``data/actions_en.json`` national_action): the
    place-less nationwide action is an event of its own beside the city's."""
    from protestdb.extract.lexicons import load, rx

    pat = load("actions_en").get("national_action")
    text = st.doc.text
    if not pat:
        return []
    from protestdb.extract.nationwide import named_placeless

    # a named nationwide action ("during A Day Without Immigrants") is the nation's by its name
    words = [t for t in s.trigs if t.type in PLACELESS_TYPES and not located_strike(text, t)
             and (not t.quoted or named_placeless(t))
             and (rx(pat).search(text, max(s.start, t.start - 40), t.start) or rx(pat).search(t.quote + " ") or named_placeless(t))
             and _national_told_now(text, s, t)]
    if words:
        signed = sign_quoted(text, s.start, s.end, [t.start for t in words])
        words = [t for t, q in zip(words, signed, strict=True) if not q]
    if words and _threat_or_call(st, s, words):
        return []
    # "rallied in Elmwood on Monday and called for a nationwide strike": the day is the rally's
    call = rx(load("actions_en")["call_cues"])
    return [t for t in words if not call.search(text, max(s.start, t.start - 40), t.start)]


def _national_told_now(text: str, s: Sentence, t: Trigger) -> bool:
    """Is the nation's action of strike word ``t`` told as happening now ("as part of the
    nationwide strike", "as the nationwide strike began"), not only named ("against the national
    shutdown", "to commemorate the 1936 general strike", "ended a nationwide strike")?
    ``data/actions_en.json`` national_now_before / national_now_after."""
    from protestdb.extract.lexicons import load, rx

    lex = load("actions_en")
    m = rx(lex["national_action"]).search(text, max(s.start, t.start - 40), t.start)
    adj = m.start() if m else t.start
    if _YEAR.search(text, max(s.start, adj - 12), t.start) or _YEAR.match(text, t.end):
        return False  # "the 1936 general strike", "the general strike of 1926": history
    if rx(lex["national_now_before"]).search(text, max(s.start, adj - 40), adj):
        return True
    return rx(lex["national_now_after"]).search(text[t.end : s.end]) is not None


_YEAR = re.compile(r"\b1[89]\d\d\b|\b20\d\d\b|\s+(?:of|in)\s+(?:1[89]|20)\d\d\b")


@draft_rule("paragraph_city")
def paragraph_city(st: DraftState, s: Sentence) -> list[Group] | None:
    """No place in the sentence: a city named elsewhere in its paragraph."""
    if s.cities:
        return None
    layout = st.doc.layout
    past = _background_sentences(st.doc)
    away = _destinations(st, s.para)
    acting = {t.sent for t in st.doc.triggers if not t.weak}
    pc = next((p for sj in layout.para_sentences(s.para) if sj not in past for p in st.places_by_sent.get(sj, [])
               if p.city_key and (p.city_key not in away or sj in acting)), None)
    if pc is None:
        return None
    if all(t.national for t in s.trigs) and len({p.city_key for sj in layout.para_sentences(s.para)
                                                  for p in st.places_by_sent.get(sj, []) if p.city_key}) >= 2:
        return None  # "Protests were held across the country." before the cities of a roundup: no one city's
    if all(t.national for t in s.trigs) and places.is_dateline_mention(st.doc.text, pc):
        return None  # "DENVER (Wire) — Staff at some 80 outlets nationwide struck": not the dateline's
    if all(_told_away(st.doc, t) for t in s.trigs):
        return None  # "protesters who rallied 12 miles south": not at the paragraph's city
    return [(pc.city_key or UNLOCATED, pc, s.trigs, s.seg, s.venues)]


def _destinations(st: DraftState, para: int) -> set[str]:
    """Cities the paragraph tells as an origin or a destination ("marching towards Elmwood"):
    another sentence of it that names one without any protest word ("Elmwood's borders were
    sealed") does not make it the paragraph's site."""
    memo = st.doc.memo.setdefault("para_destinations", {})
    if para not in memo:
        layout, text = st.doc.layout, st.doc.text
        a, b = layout.paragraphs[para]
        found = [p for p in st.doc.places if a <= p.start < b]
        others = non_event_places(text, found) if found else set()
        memo[para] = {p.city_key for p in found if id(p) in others and p.city_key}
    return memo[para]


def _distance_pattern(lang: str, key: str, head: str = "") -> re.Pattern[str] | None:
    from protestdb.extract.lexicons import lang_entry, rx

    pat = lang_entry("place_words", lang, key)
    return rx(head + pat) if pat else None


def _told_away(doc: ExtractDoc, t: Trigger) -> bool:
    """Is the action told a distance away from the places named before ("rallied 12 miles
    south", ``data/place_words`` distance_away)?"""
    pat = _distance_pattern(doc.lang, "distance_away", r"[ \t]+(?:[\w'’-]+[ \t]+){0,2}?")
    return pat is not None and pat.match(doc.text, t.end, min(len(doc.text), t.end + 80)) is not None


def _background_sentences(doc: ExtractDoc) -> set[int]:
    """The sentences whose protest words are all told of the past ("Over the past year the group
    has staged protests in Elmwood and Fairview"): their places are no place of the news."""
    memo = doc.memo.get("background_sents")
    if memo is None:
        by: dict[int, list[bool]] = {}
        for t in doc.triggers:
            by.setdefault(t.sent, []).append(bool(t.background))
        memo = doc.memo["background_sents"] = {si for si, bg in by.items() if all(bg)}
    return memo


@draft_rule("section_city")
def section_city(st: DraftState, s: Sentence) -> list[Group] | None:
    """No place in the sentence or its paragraph: in a paragraph-per-city roundup or listing,
    the city of the section header line above it ("Day of Action: Tulsa, OK")."""
    if s.cities:
        return None
    headers = st.doc.memo.get("section_headers")
    if headers is None:
        headers = st.doc.memo["section_headers"] = section_headers(st.doc.text, st.doc.layout, st.doc.places)
    if not headers or s.para in headers:
        return None
    pc = roundup_section_city(headers, s.para)
    if pc is None:
        return None
    return [(pc.city_key or UNLOCATED, pc, s.trigs, s.seg, s.venues)]


@draft_rule("national_placeless")
def national_placeless(st: DraftState, s: Sentence) -> list[Group] | None:
    """A placeless action (a boycott, a strike call) told nationwide or as the article's first."""
    if s.cities:
        return None
    placeless = [t for t in s.trigs if t.type in PLACELESS_TYPES and not located_strike(st.doc.text, t)]
    if placeless:  # 'banners reading "General Strike Now"': a slogan, no action
        signed = sign_quoted(st.doc.text, s.start, s.end, [t.start for t in placeless])
        placeless = [t for t, q in zip(placeless, signed, strict=True) if not q]
    if placeless and _threat_or_call(st, s, placeless):
        placeless = []
    national = any(t.national for t in s.trigs)
    near = s.para - 1 in st.national_paras or s.para in st.national_paras
    if not placeless or not (national or st.current is None or near):
        return None
    return [(NATIONAL, None, placeless, s.seg, [])]


def located_strike(text: str, t: Trigger) -> bool:
    """Is the strike word part of a strike held as actions at places ("the global school
    strike", "a climate strike", ``data/actions_en.json`` located_strikes)?"""
    if t.type != "strike":
        return False
    from protestdb.extract.lexicons import load, rx

    pat = load("actions_en").get("located_strikes")
    if not pat:
        return False
    lo = max(0, t.start - 40)
    return any(m.start() < t.end and m.end() > t.start for m in rx(pat).finditer(text, lo, min(len(text), t.end + 20)))


def _threat_or_call(st: DraftState, s: Sentence, placeless: list[Trigger]) -> bool:
    """Is the place-less action only threatened ("... for a strike should the government fail to
    meet its demands") or only called for with no day ("a poster called for a nationwide strike"):
    ``data/actions_en.json`` conditional and call_cues?"""
    from protestdb.extract.lexicons import load, rx

    lex = load("actions_en")
    text = st.doc.text
    cond = lex.get("conditional")
    if cond and rx(cond).search(text, s.start, s.end):
        return True
    call = rx(lex["call_cues"])
    return not dates_in(st.doc, s.start, s.end) and all(call.search(text, max(s.start, t.start - 40), t.start)
                                                         for t in placeless)


@draft_rule("umbrella_sentence")
def umbrella_sentence(st: DraftState, s: Sentence) -> list[Group] | None:
    """"protests took place across the country": an umbrella sentence, no event of its own."""
    if s.cities or not any(t.national for t in s.trigs):
        return None
    for t in s.trigs:
        st.doc.trace.drop(f"trigger {t.quote!r} at {t.start}", "drafting.umbrella_sentence",
                          "nationwide wording without a place or a placeless action")
    return []


@draft_rule("counter_protest_here")
def counter_protest_here(st: DraftState, s: Sentence) -> list[Group] | None:
    """"a smaller group of counter-protesters gathered across the street": their own event, at
    the place of the action they answer."""
    cur = st.current
    if s.cities or cur is None or cur.key == NATIONAL or cur.counter:
        return None
    if not any(t.type == "counter-protest" and not t.quoted for t in s.trigs):
        return None
    # "smaller counterprotests at some locations", "a few have staged counter-protests": a kind of
    # action told in general, without a place of its own; "a counterprotester in a pickup shouted
    # at the marchers": one person, no action of a group of its own -- no event either way
    for told, why in ((lambda t: generic_plural(st.doc.text, t),
                       "counter-protests told in the plural, without a place or a number"),
                      (lone_counter, "one counter-protester, not a counter-protest")):
        dropped = [t for t in s.trigs if t.type == "counter-protest" and told(t)]
        if dropped:
            for t in dropped:
                st.doc.trace.drop(f"trigger {t.quote!r} at {t.start}", "drafting.counter_protest_here", why)
            s.trigs = [t for t in s.trigs if t not in dropped]
            return None if s.trigs else []
    return [(cur.key, cur.place, s.trigs, s.seg, [])]


#: one person who counter-protests ("a counterprotester", "the lone counter-demonstrator")
_LONE_COUNTER = re.compile(r"counter[- ]?(?:protester|protestor|demonstrator)", re.IGNORECASE)


def lone_counter(t: Trigger) -> bool:
    """Is the trigger a counter-protester in the singular: one person, not a group's action?"""
    return _LONE_COUNTER.fullmatch(t.quote) is not None


_PLURAL_COUNTER = None


def generic_plural(text: str, t: Trigger) -> bool:
    """Is the trigger a plural action noun ("counter-protests", "counterdemonstrations") with no
    number or "two"/"both" before it?"""
    import re

    global _PLURAL_COUNTER
    if _PLURAL_COUNTER is None:
        _PLURAL_COUNTER = (re.compile(r"counter[- ]?(?:protests|demonstrations|rallies|marches)", re.IGNORECASE),
                           re.compile(r"\b(?:\d+|two|three|four|five|both|the|these|those|their)\s+(?:[\w-]+\s+)?$", re.IGNORECASE))
    plural, counted = _PLURAL_COUNTER
    return plural.fullmatch(t.quote) is not None and counted.search(text, max(0, t.start - 25), t.start) is None


@draft_rule("continues_current")
def continues_current(st: DraftState, s: Sentence) -> list[Group] | None:
    """A sentence without a place, near the action being told: more of it."""
    cur = st.current
    if s.cities or cur is None or cur.key == NATIONAL or s.para - cur.last_para > st.doc.config.continue_para_gap:
        return None
    if cur.key.startswith("state:") and s.states and all(f"state:{p.state}" != cur.key for p in s.states):
        return None  # "At Elmford High School in Ohio, ..." after an event placed in another state
    if cur.counter:
        # after a counter-protest, a sentence without one tells the main action again
        cur = next((o for o in reversed(st.drafts) if o.key == cur.key and not o.counter), cur)
    n_drafts = len(st.drafts)
    d = cur if cur.announced == s.announced else st.get(cur.key, cur.place, s.para, cur.counter, s.announced, [],
                                                          (s.seg, s.trigs))
    rule = "continues_current"
    why = "another_site" if _another_site(st, d, s.para) else "another_day" if _another_day(
        st, d, s.seg, s.para, s.trigs) else "another_action" if another_action(st.doc, d, s.seg, s.trigs) else None
    if why is None and len(st.drafts) > n_drafts and _aside_of(st.doc, s, cur):
        _other_tense_aside(st, s, d)
        return []
    if why is not None:
        # the next bulleted site; or a new action told on a day of its own ("Last night, ...")
        d = Draft(cur.key, cur.place, state_place=cur.state_place, counter=cur.counter, announced=s.announced)
        st.drafts.append(d)
        rule += "+" + why
    st.attach(d, s.trigs, s.seg, s.para, s.venues, None, rule)
    if d.place is None:
        d.place = cur.place
    st.current = d
    return []


def _aside_of(doc: ExtractDoc, s: Sentence, cur: Draft) -> bool:
    """Does a sentence tell no "another" action, and either no action word of its own (only the
    people, or the action told before: "join the hunger strike") or the current action's own day
    and no other ("more people were expected to join starting Sunday" after Sunday's action,
    "other vigils were held Wednesday and more are planned")?
    "Another rally on Friday, March 15" is an action of its own, and so is a call without a day
    ("they ask supporters to rally outside beforehand")."""
    if any(_new_action().search(doc.text, max(s.seg[0], t.start - 30), t.start) for t in s.trigs):
        return False
    told = dates_in(doc, *s.seg)
    m0 = draft_day(doc, cur)
    day = m0 and _day_in_tense(m0, cur.announced)
    joined = _joined_action()
    own = [t for t in s.trigs if joined is None or not joined.search(doc.text, max(s.seg[0], t.start - 40), t.start)]
    if not _tells_action(own):
        # only the people or the action told before ("disperse protesters", "join the strike"),
        # on no day but the action's own ("police detained six demonstrators on March 3" is one)
        return not told or (day is not None and all(day in (m.value, m.future_value) for m in told))
    # an action's day is read in its sentence's tense: "will strike starting Monday" after Monday's rally is next Monday
    return bool(told) and day is not None and all(day == _day_in_tense(m, s.announced) for m in told)


@lru_cache(maxsize=1)
def _joined_action() -> re.Pattern[str] | None:
    """Words before an action word that make it the action told before, joined ("join the hunger
    strike"): ``data/background_en`` joined_action_before."""
    from protestdb.extract.lexicons import lang_entry

    pat = lang_entry("background", "en", "joined_action_before")
    return re.compile(pat, re.IGNORECASE) if pat else None


def _day_in_tense(m: Any, announced: bool) -> Any:
    """The day a date names in a sentence of that tense (an announced action's "Monday" is the next one)."""
    return m.future_value if announced and m.future_value else m.value


def _other_tense_aside(st: DraftState, s: Sentence, d: Draft) -> None:
    """A place-less sentence of the other tense than the action being told, with no day, site or
    "another" of its own (``_aside_of``) ("More rallies are planned in the coming weeks" after a rally told as
    held; "police dispersed protesters earlier this month" after a planned one), is an aside on
    the campaign, not an action of its own: its words make no event (the draft ``d`` that ``get``
    opened for them is withdrawn)."""
    del st.drafts[next(i for i, o in enumerate(st.drafts) if o is d)]
    for t in s.trigs:
        st.doc.trace.drop(f"trigger {t.quote!r} at {t.start}", "drafting.continues_current",
                          "an aside in the other tense beside the action being told, with no day of its own")


@draft_rule("dateline_city")
def dateline_city(st: DraftState, s: Sentence) -> list[Group] | None:
    """No place told nearby: the dateline's city."""
    if s.cities or st.dl_city is None:
        return None
    return [(st.dl_city.city_key or UNLOCATED, st.dl_city, s.trigs, s.seg, s.venues)]


_SITE_IN_STATE = None


@draft_rule("split_by_state")
def split_by_state(st: DraftState, s: Sentence) -> list[Group] | None:
    """No city, several states each told as the state of its own site ("From Lincoln High School
    in Nebraska to Roosevelt High School in Oregon, students walked out", "at Jefferson High School
    in Iowa and at Madison Middle School in Kansas"): one state-level event per site. A bare list
    of states ("walkouts took place in states including Ohio, Iowa and Texas") tells no site."""
    import re

    global _SITE_IN_STATE
    if s.cities or len({p.state for p in s.states}) < 2:
        return None
    if _SITE_IN_STATE is None:
        _SITE_IN_STATE = re.compile(r"\s*,?\s+in\s+(?:the state of\s+)?")
    text = st.doc.text
    items: list[tuple[Place, Place]] = []
    for p in s.states:
        v = next((v for v in s.venues if v.kind == "venue" and 0 < p.start - v.end <= 20
                  and _SITE_IN_STATE.fullmatch(text, v.end, p.start)), None)
        if v is not None and p.state not in {q.state for q, _ in items}:
            items.append((p, v))
    if len(items) < 2:
        return None
    groups: list[Group] = []
    prev = s.start
    for i, (p, v) in enumerate(items):
        seg_end = items[i + 1][1].start if i + 1 < len(items) else s.end
        seg_trigs = [t for t in s.trigs if prev <= t.start < seg_end] or s.trigs
        groups.append((f"state:{p.state}", None, seg_trigs, (prev, seg_end), [v]))
        prev = seg_end
    return groups


@draft_rule("state_only")
def state_only(st: DraftState, s: Sentence) -> list[Group] | None:
    """Only a state named: an event placed in the state."""
    if s.cities or not s.states:
        return None
    # "protesters from Massachusetts ... bound themselves to equipment in West Virginia": the
    # state told as the people's origin is not the event's
    site = _site_states(st.doc.text, s.states)[0]
    if site.state == "DC":
        # "one protester in D.C. climbed ...": the District is the city of Washington
        city = Place(site.start, site.end, site.quote, "city", "DC", "Washington", "US")
        return [(city.city_key or UNLOCATED, city, s.trigs, s.seg, s.venues)]
    return [(f"state:{site.state}", None, s.trigs, s.seg, s.venues)]


_FROM_BEFORE = re.compile(r"\bfrom\s+(?:the\s+)?(?:state\s+of\s+)?$", re.IGNORECASE)


def _site_states(text: str, states: list[Place]) -> list[Place]:
    """``states`` with those told as an origin ("protesters from Massachusetts") last."""
    origin = [p for p in states if _FROM_BEFORE.search(text, max(0, p.start - 20), p.start)]
    return [p for p in states if p not in origin] + origin


@draft_rule("unlocated")
def unlocated(st: DraftState, s: Sentence) -> list[Group] | None:
    """No place at all (kept only when the article locates nothing else, see the filters)."""
    if s.cities:
        return None
    return [(UNLOCATED, None, s.trigs, s.seg, s.venues)]


# --- the filters over all drafts ----------------------------------------------------------


@draft_filter("dateline_state")
def dateline_state(st: DraftState) -> None:
    """The dateline's state for the events at the dateline's city."""
    if st.dl_city is None or st.dl_state is None:
        return
    for d in st.drafts:
        if d.key == st.dl_city.city_key and d.state_place is None:
            d.state_place = st.dl_state


def _drop(st: DraftState, keep: Callable[[Draft], bool], rule: str, reason: str) -> None:
    kept = []
    for d in st.drafts:
        if keep(d):
            kept.append(d)
        else:
            st.doc.trace.drop(d.describe(), f"drafting.{rule}", reason)
    st.drafts = kept


@draft_filter("drop_empty")
def drop_empty(st: DraftState) -> None:
    """A draft whose triggers all went to other drafts is no event."""
    _drop(st, lambda d: bool(d.triggers), "drop_empty", "no trigger words left")


@draft_filter("official_city")
def official_city(st: DraftState) -> None:
    """A draft placed only in a state told as a city's address after that city's officials ("the
    mayor of Elmwood, Ohio, declared an emergency after protesters ...") is told in the city."""
    for d in st.drafts:
        if not d.key.startswith("state:") or d.state_place is None:
            continue
        pc = places.official_city(st.doc.text, d.state_place, st.doc.places, st.doc.lang)
        if pc is None or pc.city_key is None or any(o.key == pc.city_key for o in st.drafts):
            continue
        d.key, d.place = pc.city_key, pc
        d.rules.append(("official_city", (pc.start, pc.end), ()))


@draft_filter("venue_town")
def venue_town(st: DraftState) -> None:
    """A draft placed only in a state whose venue is named after a town of that state
    ("pupils of Elmford High School in Ohio left class") is told in that town; in a text
    that names no place at all (no town, state or country), so is a place-less draft ("Elmwood
    High School students walked out"): the town the venue is named after is the only place word."""
    placeless = _names_no_place(st)
    for d in st.drafts:
        if d.key.startswith("state:"):
            state: str | None = d.key.split(":", 1)[1]
        elif d.key == UNLOCATED and placeless:
            state = None
        else:
            continue
        pc = next((t for v in d.venues if (t := places.venue_town(v, state, st.doc.lang)) is not None), None)
        if pc is None or pc.city_key is None:
            continue
        if any(o.key == pc.city_key for o in st.drafts):
            continue  # the town has its own events: leave the merging to them
        d.state_place = d.state_place or d.place
        d.key, d.place = pc.city_key, pc
        d.rules.append(("venue_town", (pc.start, pc.end), ()))


def _names_no_place(st: DraftState) -> bool:
    """No draft is located and the text names no town, state or country, nor one abroad."""
    if any(d.key != UNLOCATED for d in st.drafts):
        return False
    if any(p.kind in ("city", "neighborhood", "state", "country") for p in st.doc.places):
        return False
    return places.text_country(st.doc.text) is None


@draft_filter("distance_anchor")
def distance_anchor(st: DraftState) -> None:
    """The dateline's city told in the body only as the point a town's distance is measured from
    ("FARGO, N.D. -- ... at the site near Elmwood, about 85 miles east of Fargo"): the story was
    filed there, the town is where it happened; the drafts placed at the dateline's city move to
    the town (``data/place_words`` distance_of)."""
    dl, text = st.dl_city, st.doc.text
    if dl is None or not dl.city_key or st.doc.layout.dateline is None:
        return
    if not any(d.key == dl.city_key for d in st.drafts):
        return
    pat = _distance_pattern(st.doc.lang, "distance_of")
    if pat is None:
        return
    name = re.escape(dl.locality or dl.quote)
    body = [m for m in re.finditer(rf"\b{name}\b", text, re.IGNORECASE) if m.start() >= st.doc.layout.dateline[1]]
    towns = [p for p in st.doc.places if p.kind == "city" and p.city_key and p.city_key != dl.city_key]
    anchored = {}
    for m in body:
        town = next((p for p in towns if 0 < m.start() - p.end <= 80 and pat.fullmatch(text, p.end, m.start())), None)
        if town is None:
            return  # the city told in its own right somewhere in the body
        anchored[town.city_key] = town
    if len(anchored) != 1:
        return
    town = next(iter(anchored.values()))
    for d in st.drafts:
        if d.key == dl.city_key:
            d.key, d.place = town.city_key or UNLOCATED, town
            d.rules.append(("distance_anchor", (town.start, town.end), ()))


@draft_filter("sole_city")
def sole_city(st: DraftState) -> None:
    """Nothing located, no nationwide action, no dateline: when the body names one city only
    (not as an origin or a destination), the place-less drafts are told there ("Clashes broke
    out outside an immigration office in Tulsa ... Protesters blocked the gates"); naming no
    city but "the Capitol" of one state, in that state's capital."""
    if not st.drafts or any(d.key != UNLOCATED and not d.key.startswith("state:") for d in st.drafts):
        return
    layout, text = st.doc.layout, st.doc.text
    others = non_event_places(text, st.doc.places)
    cities = [p for p in st.doc.places if p.kind in ("city", "neighborhood") and p.city_key and id(p) not in others
              and layout.sentences[layout.sentence_at(p.start)].kind in ("body", "headline")]
    if any(places.us_place_abroad(text, p, st.doc.places) for p in cities):
        return  # a US reading of a place in a text about another country: no guess
    if len({p.city_key for p in cities}) > 1:
        return
    # no city at all: "the Capitol" of the one state named is in its capital; else the one town
    # whose own police chief, mayor or council the text quotes
    pc = cities[0] if cities else (places.capitol_place(text, st.doc.places, st.doc.lang)
                                   or _sole_local_body_city(st) or _sole_landmark_city(st))
    if pc is None or any(d.key.startswith("state:") and d.key != f"state:{pc.state}" for d in st.drafts):
        return  # an event placed in another state than the one city's
    abroad = places.text_country(text) if cities else None
    for d in st.drafts:
        if d.key == UNLOCATED and any(_venue_names_town(v, pc) for v in d.venues):
            continue  # "a vigil at the Elmwood Indian Center": the venue's own town places it
        vc = next((c for v in d.venues if (c := places.venue_city_abroad(v, abroad)) is not None), None) \
            if d.key == UNLOCATED and abroad else None
        if vc is not None and vc.city_key != pc.city_key:
            d.key, d.place = vc.city_key or UNLOCATED, vc  # "across the Riverton Harbour Bridge", beside a suburb
            d.rules.append(("sole_city+venue_city", (vc.start, vc.end), ()))
            continue
        d.key, d.place = pc.city_key or UNLOCATED, pc
        d.rules.append(("sole_city", (pc.start, pc.end), ()))


def _venue_names_town(v: Place, pc: Place) -> bool:
    """Does the venue's name place it in another town of ``pc``'s state ("the Elmwood Indian
    Center" beside "Fairview police": the venue's own town, as the place filler geocodes it)?"""
    if v.kind != "venue" or not pc.state or (pc.country or "US") != "US":
        return False
    try:
        from protestdb.geo import geocode
    except ImportError:  # the geo stage is not installed
        return False
    try:
        g = geocode(None, None, "US", context_states=[pc.state], venue=v.quote)
    except (LookupError, ValueError):
        return False
    return (g is not None and bool(g.locality) and g.state == pc.state and g.locality.lower() != (pc.locality or "").lower()
            and not _town_names_street(v.quote, g.locality))


@lru_cache(maxsize=1)
def _street_after_rx() -> re.Pattern[str]:
    """A street word right after a town's name (``data/place_words_en`` route_street_words)."""
    words = load("place_words_en")["route_street_words"]
    return re.compile(rf"[ \t]+(?:{'|'.join(words)})\b", re.IGNORECASE)


def _town_names_street(quote: str, town: str) -> bool:
    """Is the town in a venue's name a street's ("the Austin Street Center": on Austin Street,
    anywhere)?"""
    m = re.search(rf"\b{re.escape(town)}\b", quote, re.IGNORECASE)
    return m is not None and _street_after_rx().match(quote, m.end()) is not None


def _sole_landmark_city(st: DraftState) -> Place | None:
    """The city of the one landmark a sentence telling the action names as its site ("gathered
    outside the Dail" -> Dublin), unless the text names a state or country the landmark is not in."""
    told = [seg for d in st.drafts for seg in d.segments]  # the sentences that tell an action
    lm = places.landmark_place(st.doc.text, st.doc.lang, told)
    if lm is None or st.doc.layout.sentences[st.doc.layout.sentence_at(lm.start)].kind not in ("body", "headline"):
        return None
    states = {p.state for p in st.doc.places if p.kind == "state" and p.state and p.country in (None, "US")}
    if states and states != {lm.state}:
        return None
    countries = {p.country for p in st.doc.places if p.kind == "country" and p.country}
    if countries and lm.country not in countries:
        return None
    return lm


def _sole_local_body_city(st: DraftState) -> Place | None:
    """The one town named as the qualifier of its own local government (none abroad in the US)."""
    text, found = st.doc.text, st.doc.places
    cands = [p for p in places.local_body_cities(text, st.doc.lang)
             if st.doc.layout.sentences[st.doc.layout.sentence_at(p.start)].kind in ("body", "headline")]
    if len({p.city_key for p in cands}) != 1 or places.us_place_abroad(text, cands[0], found):
        return None
    states = {p.state for p in found if p.kind == "state" and p.state}
    if cands[0].state and states and cands[0].state not in states:
        return None  # the text names another state than the town's reading
    return cands[0]


_ACROSS_STATE = None


@draft_filter("statewide_umbrella")
def statewide_umbrella(st: DraftState) -> None:
    """A state-level draft told across its state ("protests drew crowds across Ohio on
    Saturday") beside events in that state's cities is the roundup's lead, not an event of its
    own."""
    import re

    global _ACROSS_STATE
    if _ACROSS_STATE is None:
        _ACROSS_STATE = re.compile(r"\b(?:across|throughout|around|all over)\s+(?:the state of\s+)?$", re.IGNORECASE)
    text = st.doc.text
    located = {d.place.state for d in st.drafts if not d.key.startswith("state:") and d.place is not None and d.place.state}

    def keep(d: Draft) -> bool:
        sp = d.state_place
        if not d.key.startswith("state:") or sp is None or sp.state not in located:
            return True
        # the state told across anywhere in the draft's own sentences ("Ohio Rising held 57
        # protests across Ohio": the first "Ohio" names the group)
        told = [sp, *(q for q in st.doc.places if q.kind == "state" and q.state == sp.state and q is not sp
                      and any(a <= q.start < b for a, b in d.segments))]
        return all(_ACROSS_STATE.search(text, max(0, q.start - 30), q.start) is None for q in told)

    _drop(st, keep, "statewide_umbrella", "told across its state beside events in its cities")


@draft_filter("sole_located_action")
def sole_located_action(st: DraftState) -> None:
    """One located action and no nationwide one: the place-less drafts of the same kind (as
    planned or as held, counter or not) tell that action before its place is named ("Protesters
    barricaded roads with burning tyres ... residents of Alexandra said"), so their words join it
    rather than being dropped beside it."""
    located = [d for d in st.drafts if d.place is not None and d.key not in (NATIONAL, UNLOCATED)]
    if len(located) != 1 or any(d.key == NATIONAL for d in st.drafts):
        return
    main = located[0]
    for d in st.drafts:
        if d.key == UNLOCATED and d.counter and not main.counter and d.announced == main.announced \
                and _tells_same_action(st.doc, d, main):
            # "Counter-protesters also gathered nearby": their own event, at the one action's place
            d.key, d.place = main.key, main.place
            d.rules.append(("sole_located_action+counter", d.segments[0] if d.segments else (0, 0), ()))
            continue
        if d.key != UNLOCATED or d.announced != main.announced or d.counter != main.counter:
            continue
        if not _tells_same_action(st.doc, d, main):
            continue
        main.triggers += d.triggers
        main.segments += d.segments
        main.paras |= d.paras
        main.rules.append(("sole_located_action", d.segments[0] if d.segments else (0, 0), ()))
        d.triggers = []
    st.drafts = [d for d in st.drafts if d.triggers]


def _tells_same_action(doc: ExtractDoc, d: Draft, main: Draft) -> bool:
    """May a place-less draft's words join the one located action? Not when they tell "another"
    or "a second" action, nor a day of their own other than the action's ("another rally on
    December 11" beside a march told on November 19)."""
    main_day = draft_day(doc, main)
    day = main_day and (main_day.value or main_day.future_value)
    for seg in d.segments:
        trigs = [t for t in d.triggers if seg[0] <= t.start < seg[1]]
        if any(_new_action().search(doc.text, max(seg[0], t.start - 30), t.start) for t in trigs):
            return False
        if day is not None and any((m.value or m.future_value) != day for m in dates_in(doc, *seg)):
            return False
    return True


@draft_filter("drop_unlocated_beside_located")
def drop_unlocated_beside_located(st: DraftState) -> None:
    """With located events in the article, a place-less mention is an umbrella statement
    ("students and workers have mobilized waves of protest") or a detail of one of them."""
    if any(d.place is not None for d in st.drafts):
        lead = _dated_lead(st)
        _drop(st, lambda d: d.key != UNLOCATED or d is lead, "drop_unlocated_beside_located",
              "no place while the article locates other events")


def _dated_lead(st: DraftState) -> Draft | None:
    """The place-less draft the page opens on, told before any located one, when its own
    sentence tells a day by its number ("held a protest on Thursday, March 9"): the page's own
    first action, no umbrella statement or detail of a later one."""
    un = [d for d in st.drafts if d.key == UNLOCATED and d.segments]
    located = [d for d in st.drafts if d.place is not None and d.segments]
    if not un or not located:
        return None
    first = min(un, key=lambda d: min(a for a, _ in d.segments))
    a0 = min(a for a, _ in first.segments)
    if a0 >= min(a for d in located for a, _ in d.segments) or st.doc.layout is None:
        return None
    lead = next((s for s in st.doc.layout.sentences if s.kind == "body"), None)
    if lead is None or not lead.start <= a0 < lead.end:
        return None
    b0 = max(b for _, b in first.segments)
    told = any(a0 <= m.start < b0 and m.value is not None and m.precision == "day" and not m.relative
               and any(c.isdigit() for c in m.quote) for m in st.doc.dates)
    return first if told else None


@draft_filter("counted_actions")
def counted_actions_filter(st: DraftState) -> None:
    """Actions told by their number at one place ("two separate protests in Elmwood", "the city
    hosting three demonstrations"): as many events there as told, the ones the page tells apart
    counted in (one more draft of the counted words for each missing)."""
    for d, n, t, seg, para in st.counted:
        if d not in st.drafts:
            continue
        have = sum(1 for o in st.drafts if o.key == d.key and o.announced == d.announced)
        for _ in range(n - have):
            extra = Draft(d.key, d.place, state_place=d.state_place, announced=d.announced)
            st.attach(extra, [t], seg, para, [], None, "counted_actions")
            st.drafts.append(extra)


@draft_filter("drop_unlocated_beside_national")
def drop_unlocated_beside_national(st: DraftState) -> None:
    """Beside a nationwide action, a place-less call ("has called for further boycotts") is the
    campaign's talk, not an action of its own."""
    if any(d.place is not None for d in st.drafts) or not any(d.key == NATIONAL for d in st.drafts):
        return
    _drop(st, lambda d: d.key != UNLOCATED or bool(d.venues), "drop_unlocated_beside_national",
          "a place-less call beside a nationwide action")


@draft_filter("place_model")
def place_model(st: DraftState) -> None:
    """The learned place check (``place_model.py``, ``config.place_model``): drafts at places it
    scores unlikely are dropped, likely places no draft covers are added."""
    if st.doc.config.place_model in ("on", "collect"):
        from protestdb.extract.place_model import apply

        apply(st)


# --- the component ----------------------------------------------------------------------------


def _event_places(doc: ExtractDoc, by_sent: dict[int, list[Trigger]], dl_city: Place | None,
                  tags: dict[tuple[Any, ...], str]) -> dict[int, list[Place]]:
    """Per body sentence, the places told as where something happens."""
    text, layout = doc.text, doc.layout
    doc.places = places.sub_places(text, doc.places, dl_city, doc.lang)
    out: dict[int, list[Place]] = {}
    others = non_event_places(text, doc.places)
    sites = places.site_places(text, doc.places, lambda pos: _bounds(layout, pos), doc.lang)
    prev_other: Place | None = None
    for p in doc.places:
        si = layout.sentence_at(p.start)
        if layout.sentences[si].kind != "body":
            continue
        if id(p) in sites and grievance_place(doc, p):
            doc.trace.drop(f"place {p.quote!r} at {p.start}", "drafting.context_place",
                           "told under the event the protest answers")
            continue
        if not _tells_action(by_sent.get(si, [])) and _grievance_place(text, p, doc.lang) and any(
                q.city_key and q.city_key != p.city_key for q in doc.places):
            # "pidió justicia por las familias de las redadas en Elmwood" beside the page's own town
            doc.trace.drop(f"place {p.quote!r} at {p.start}", "drafting.context_place",
                           "told as where the grievance happened, in a sentence telling no action")
            continue
        if _other_occasion(doc, p, by_sent) or (prev_other is not None and _listed_after(text, prev_other, p)):
            # "days after similar protests in Elmford and Dunmore": that protest's places, not the action's
            doc.trace.drop(f"place {p.quote!r} at {p.start}", "drafting.context_place",
                           "told as where another occasion happened")
            prev_other = p
            continue
        prev_other = None
        if earlier_occasion_place(doc, p, by_sent.get(si, [])):
            doc.trace.drop(f"place {p.quote!r} at {p.start}", "drafting.context_place",
                           "told in a clause of an earlier occasion")
            continue
        if id(p) in sites and not in_quote(text, layout.paragraphs[layout.sentences[si].para][0], p.start):
            # "From Boston to Denver, ...", "including X and Y", "In Lyon, thousands ..."
            # "the protests spread to A, B and C": like a list after the action, each its own site
            listed = p.kind in ("city", "neighborhood") and (
                places.listed_with_action(text, p.start)
                or places.spread_to(text, layout.sentences[si].start, p.start, doc.lang))
            tags[("place", id(p))] = "listed_with_action" if listed else "site_frame"
            out.setdefault(si, []).append(p)
            continue
        if id(p) in others:
            doc.trace.drop(f"place {p.quote!r} at {p.start}", "drafting.non_event_place",
                           "told as an origin, destination or comparison")
            continue
        if context_place(doc, p, si, by_sent.get(si, [])):
            doc.trace.drop(f"place {p.quote!r} at {p.start}", "drafting.context_place",
                           "in quoted speech or in a clause that tells no action")
            continue
        if p.kind in ("city", "neighborhood") and places.listed_with_action(text, p.start):
            tags[("place", id(p))] = "listed_with_action"  # "nationwide, including in Denver"
        out.setdefault(si, []).append(p)
    return out


def _tells_action(trigs: list[Trigger]) -> bool:
    """Do a sentence's trigger words tell an action ("marcharon", "una protesta"), not only the
    people ("los manifestantes condenaron ...") or one told before ("la marcha")?"""
    return any(not t.anaphoric and not t.quoted and _PEOPLE_END.search(t.quote) is None for t in trigs)


@lru_cache(maxsize=4)
def _grievance_rx(lang: str) -> tuple[re.Pattern[str] | None, re.Pattern[str] | None]:
    from protestdb.extract.lexicons import lang_entry

    def rx(key: str) -> re.Pattern[str] | None:
        pats = lang_entry("background", lang, key)
        return re.compile("|".join(f"(?:{x})" for x in pats), re.IGNORECASE) if pats else None

    return rx("grievance_before"), rx("grievance_after")


def _grievance_place(text: str, p: Place, lang: str | None) -> bool:
    """Is the place told, by the words right around it, as where the grievance happened ("las
    redadas de ICE en Elmwood", "en Elmwood, donde un agente mató a ...";
    ``data/background_<lang>`` grievance_*)? For texts without a parse; the caller keeps such a
    place when its sentence tells an action, which may well happen there."""
    before, after = _grievance_rx(lang or "en")
    if before is not None and before.search(text, max(0, p.start - 120), p.start):
        return True
    return after is not None and after.match(text, p.end, min(len(text), p.end + 120)) is not None


#: the words between two places of one list ("Elmford, Dunmore and Riverton")
_LIST_GAP = re.compile(r"\s*(?:,|,?\s*and|,?\s*or|,?\s*y|,?\s*e)\s*")
#: a list going on after a place (", Riverton", " and Riverton")
_LIST_ON = re.compile(r"\s*(?:,|and\b|or\b|y\b|e\b)", re.IGNORECASE)


def _other_occasion(doc: ExtractDoc, p: Place, by_sent: dict[int, list[Trigger]]) -> bool:
    """Is the place told as where another occasion happened (``places.other_occasion_span``), with
    no day of its own inside the news window? Its phrase's action words and dates then are that
    occasion's: withheld from the action being told ("marched on Tuesday ..., which sparked
    marches in Elmford" gives the march no second trigger). An occasion with a day of its own in
    the window ("which sparked marches in Elmford on Saturday") is an event of its own: the place
    stays."""
    span = places.other_occasion_span(doc.text, p, doc.lang, doc.places)
    if span is None:
        return False
    lo, hi = span
    if any(date_status(m, doc.published, False) == "in" or date_status(m, doc.published, True) == "in"
           for m in dates_in(doc, lo, hi)):
        return False
    doc.dates = [m for m in doc.dates if not lo <= m.start < hi]
    for si, ts in by_sent.items():
        keep = [t for t in ts if not lo <= t.start < hi]
        if not keep:
            continue  # "After similar rallies in Elmford, Dunmore saw its biggest crowd": no word of its own
        for t in ts:
            if lo <= t.start < hi:
                doc.trace.drop(f"trigger {t.quote!r} at {t.start}", "drafting.context_place",
                               "told in the phrase of another occasion")
        by_sent[si] = keep
    return True


def _listed_after(text: str, prev: Place, p: Place) -> bool:
    """Is ``p`` the next item of a list of places that ``prev`` is in ("in Elmford and Dunmore",
    "in Elmford, Dunmore and Riverton", "in Elmford, Ohio")? A bare comma joins only a state or a
    place the list goes on after: "After protests in Elmford, Dunmore saw its largest march" is a
    new clause whose subject is the action's town."""
    gap = _LIST_GAP.fullmatch(text, prev.end, p.start)
    if gap is None:
        return False
    if p.kind == "state" or re.search(r"\b(?:and|or|y|e)\b", text[prev.end:p.start], re.IGNORECASE):
        return True
    return _LIST_ON.match(text, p.end) is not None


def _bounds(layout: Any, pos: int) -> tuple[int, int]:
    s = layout.sentences[layout.sentence_at(pos)]
    return s.start, s.end


def _sentence(st: DraftState, si: int, trigs: list[Trigger]) -> Sentence:
    doc = st.doc
    s = doc.layout.sentences[si]
    sp = st.places_by_sent.get(si, [])
    cities: list[Place] = []
    # a list of campuses or venues in three or more localities: each venue the place of its event
    listed = listed_venues(doc.text, sp)
    explicit = sorted([p for p in sp if p.kind == "city"] + listed, key=lambda p: p.start)
    for p in explicit or sp:
        if p.city_key and p.city_key not in {c.city_key for c in cities}:
            cities.append(p)
            if any(p is q for q in listed):
                st.tags[("place", id(p))] = "listed_venue"
    cities = places.without_datelines(doc.text, cities, s.end)
    venues = [p for p in sp if p.kind in ("venue", "neighborhood")]
    venues += [
        v for v in places.find_venues(doc.text, s.start, s.end, doc.lang)
        if not any(p.start <= v.start < p.end or v.start <= p.start < v.end for p in sp)
    ]
    states = [p for p in sp if p.kind == "state"]
    return Sentence(si, s.start, s.end, s.para, trigs, cities, venues, states, all(t.announced for t in trigs))


def _place_groups(st: DraftState, s: Sentence, groups: list[Group], rule: str) -> None:
    """Open or extend a draft per group; a counter-protest's clause becomes its own draft."""
    text = st.doc.text
    base = rule
    for key, place, gtrigs, seg, gvenues in groups:
        extra = [t for t in (st.tags.get(("seg", *seg)), st.tags.get(("place", id(place)))) if t]
        rule = "+".join([base, *extra])
        counter = [t for t in gtrigs if t.type == "counter-protest"]
        main = [t for t in gtrigs if t.type != "counter-protest"]
        if counter:
            cseg = clause_of(text, seg, counter[0])
            in_clause = [t for t in main if cseg[0] <= t.start < cseg[1] and not _coordinated(text, t, counter[0])]
            main = [t for t in main if t not in in_clause]
            if not main:
                cseg = seg  # the sentence tells only the counter-protest: all of it is theirs
            d = st.get(key, place, s.para, True, s.announced, [])
            st.attach(d, counter + in_clause, cseg, s.para, [], None, f"{rule}+counter_protest_clause")
            if d.place is None and place is not None:
                d.place = place
            st.current = d
            if not main:
                continue
        sites = _site_states(text, s.states)
        stp = next((p for p in sites if p.start >= seg[0] and p.end <= seg[1] + 20), None) or (sites[0] if sites else None)
        if stp is None and place is not None and st.dl_state is not None and st.dl_city is not None and place.city_key == st.dl_city.city_key:
            stp = st.dl_state
        d = st.get(key, place, s.para, False, s.announced, gvenues, (seg, main))
        why = "another_day" if _another_day(st, d, seg, s.para, main) else (
            "another_site" if _another_site(st, d, s.para) else "another_action" if another_action(st.doc, d, seg, main) else None)
        if why is not None:
            d = Draft(key, place, counter=False, announced=s.announced)  # same city, another day's, site's or action
            st.drafts.append(d)
            rule += "+" + why
        st.attach(d, main, seg, s.para, gvenues, stp, rule)
        if d.place is None and place is not None:
            d.place = place
        st.current = d
        if len(groups) == 1 and place is not None and len({c.city_key for c in s.cities}) == 1:
            got = counted_actions(st.doc, seg, main)
            if got is not None:
                st.counted.append((d, got[0], got[1], seg, s.para))


#: two groups joined in one subject ("Protesters and counter-protesters gathered")
_COORDINATED = re.compile(r"\s*,?\s+(?:and|&|as well as|along with)\s+(?:(?:a|an|the|some|several|dozens of|hundreds of|"
                          r"many|more|fewer|rival|opposing|(?:pro|anti)-[\w-]+|[\d,]+)\s+){0,2}", re.IGNORECASE)


def _coordinated(text: str, t: Trigger, c: Trigger) -> bool:
    """Are the main trigger ``t`` and the counter-protest's ``c`` two groups of one subject
    ("Protesters and counter-protesters gathered outside the library", "counter-protesters as
    well as protesters"): each group's own action, told together?"""
    a, b = (t, c) if t.end <= c.start else (c, t)
    return b.start - a.end <= 40 and _COORDINATED.fullmatch(text, a.end, b.start) is not None


def _days(st: DraftState, start: int, end: int, announced: bool) -> set[Any]:
    """The days told in ``text[start:end]`` inside the news window (day-precise only). A page
    with no publication date tells days without a year ("Jan. 28", "Jan. 29"): their "MM-DD"
    keys tell its days apart too."""
    memo = st.doc.memo
    if "day_dates" not in memo:
        ms = sorted((m for m in st.doc.dates if m.precision == "day" and (m.value or m.future_value)), key=lambda m: m.start)
        memo["day_dates"] = (ms, [m.start for m in ms])
        yearless = sorted(((m.start, k) for m in st.doc.dates if (k := _yearless_day(st.doc, m))), key=lambda x: x[0])
        memo["yearless_days"] = (yearless, [a for a, _ in yearless])
    ms, starts = memo["day_dates"]
    out: set[Any] = set()
    for m in ms[bisect_left(starts, start) : bisect_left(starts, end)]:
        if date_status(m, st.doc.published, announced) == "in":
            out.add(m.future_value if announced and m.future_value else m.value)
    yl, ystarts = memo["yearless_days"]
    out |= {k for _, k in yl[bisect_left(ystarts, start) : bisect_left(ystarts, end)]}
    return out


#: any year: only the month and day of a yearless date are read (:func:`_yearless_day`)
_ANY_YEAR = date(2001, 7, 1)


def _yearless_day(doc: ExtractDoc, m: Any) -> str | None:
    """"MM-DD" of a date told without a year on a page without a publication date ("Jan. 28"):
    it names one day, though which year is unknown. Relative words ("last night", "Saturday")
    name none without the publication date."""
    if doc.published is not None or m.value is not None or m.relative or m.precision != "unknown":
        return None
    from protestdb.extract.dates import find_dates

    got = find_dates(m.quote, _ANY_YEAR, doc.lang)
    if len(got) != 1 or got[0].relative or got[0].precision != "day" or got[0].value is None:
        return None
    return got[0].value.strftime("%m-%d")


def _draft_days(st: DraftState, d: Draft) -> set[Any]:
    """The days told in the draft's segments (kept up to date as segments are added)."""
    memo = st.doc.memo.setdefault("draft_days", {})
    n, days = memo.get(id(d), (0, set()))
    for a, b in d.segments[n:]:
        days |= _days(st, a, b, d.announced)
    memo[id(d)] = (len(d.segments), days)
    return days


def _bullet_site(st: DraftState, para: int) -> bool:
    memo = st.doc.memo.setdefault("bullet_sites", {})
    if para not in memo:
        memo[para] = bullet_site(st.doc.text, st.doc.layout.paragraphs[para], st.doc.places, st.doc.lang)
    return bool(memo[para])


def _another_site(st: DraftState, d: Draft, para: int) -> bool:
    """A bulleted list of sites: each bullet that names its site is its own event, even in a
    city another bullet named ("• Columbia University in Manhattan: ..." / "• The New School in
    Manhattan: ...")."""
    return bool(d.triggers) and para not in d.paras and _bullet_site(st, para) and any(_bullet_site(st, q) for q in d.paras)


#: actions that run over several days (told on each): never split by their days
_DURATIVE = frozenset(("strike", "picket", "occupation", "hunger strike", "boycott", "sit-in", "blockade"))


def _another_day(st: DraftState, d: Draft, seg: tuple[int, int], para: int, trigs: list[Trigger]) -> bool:
    """Is a new action told in another paragraph on a day of its own another event than the
    open draft of its city ("NYU students camped out late Monday" ... "At Columbia on
    Thursday, students set up tents")? Both must tell their day; the new words must tell a new
    action, not refer back to the told one -- or name their action by a day other than the
    draft's own ("turned out for the vigil Tuesday" after a march told on Wednesday). A strike
    or picket runs over days, unless told as held for one day ("a one-day strike")."""
    if not d.triggers or para in d.paras or not trigs:
        return False
    fresh = all(t.new_action and not t.anaphoric and not t.quoted for t in trigs)
    if not fresh and not all(not t.quoted and (t.new_action and not t.anaphoric or _dayed_noun(st.doc, t)) for t in trigs):
        return False
    if not all(_one_day(st.doc, t) for t in trigs) and any(t.type in _DURATIVE for t in [*trigs, *d.triggers]):
        return False  # a strike, a picket line, an encampment run over days: one event (not "a one-day strike")
    mine = _days(st, seg[0], seg[1], d.announced)
    if not mine:
        return False
    # an action noun named by its day ("the vigil Tuesday") is told apart from the draft's own
    # day only: the draft's sentences may tell other days (the shooting "a day earlier")
    theirs = _draft_days(st, d) if fresh else _first_day(st.doc, d)
    return bool(theirs) and not (mine & theirs) and not _days_elsewhere(st, seg, trigs)


def _first_day(doc: ExtractDoc, d: Draft) -> set[Any]:
    """The draft's own day (:func:`draft_day`), day-precise, as a set (empty when none)."""
    m = draft_day(doc, d)
    if m is None or m.precision != "day":
        return set()
    return {m.future_value if d.announced and m.future_value else m.value} - {None}


#: characters either side of an action noun read for its one-day words ("a one-day", "de un día")
_ONE_DAY_WINDOW = 30
#: a day told right before an action noun ends at most this far before it ("Sunday's noisy march")
_DAY_BEFORE_NOUN = 30
#: a day told right after an action noun starts at most this far after it ("the march on Sunday")
_DAY_AFTER_NOUN = 6


def _one_day(doc: ExtractDoc, t: Trigger) -> bool:
    """Is the action told as held for one day only ("a one-day strike", "a 24-hour walkout",
    "una huelga de un día"; ``cues_<lang>.json`` one_day_before / one_day_after)?"""
    from protestdb.extract.lexicons import lang_entry, rx

    lang = doc.lang or "en"
    before, after = lang_entry("cues", lang, "one_day_before"), lang_entry("cues", lang, "one_day_after")
    told = (bool(before) and rx(before).search(doc.text, max(0, t.start - _ONE_DAY_WINDOW), t.start) is not None
            or bool(after) and rx(after).match(doc.text[t.end : t.end + _ONE_DAY_WINDOW]) is not None)
    return told and not _one_day_not_held(doc, t)


_YEAR4 = re.compile(r"\b(?:19|20)\d\d\b")


def _one_day_not_held(doc: ExtractDoc, t: Trigger) -> bool:
    """Is the one-day action of ``t`` told as planned, voted or of another time ("voted Monday to hold a
    one-day strike", "ya había hecho una huelga de un día"; ``cues_<lang>.json`` one_day_not), or does
    its sentence name a year other than the publication's ("En 2019 ...")?"""
    from protestdb.extract.lexicons import lang_entry, rx

    s = doc.layout.sentences[doc.layout.sentence_at(t.start)]
    not_held = lang_entry("cues", doc.lang or "en", "one_day_not")
    if not_held and rx(not_held).search(doc.text, s.start, t.start):
        return True
    pub = doc.published.year if doc.published is not None else None
    return any(int(y) != pub for y in _YEAR4.findall(doc.text, s.start, s.end))


def _dayed_noun(doc: ExtractDoc, t: Trigger) -> bool:
    """Is the trigger an action noun told with a day of its own right beside it ("the impromptu
    vigil Tuesday", "the march on Sunday", "Sunday's noisy march"; ``cues_<lang>.json``
    dayed_action_before / dayed_action_after)? Its day then tells which action it is, though the
    noun is no new one by its article."""
    from protestdb.extract.lexicons import lang_entry, rx

    before = lang_entry("cues", doc.lang or "en", "dayed_action_before")
    after = lang_entry("cues", doc.lang or "en", "dayed_action_after")
    if not before or not after or not _action_noun(doc, t) or not _dayed_role(doc, t):
        return False
    text = doc.text
    for m in doc.dates:
        if m.precision != "day" or m.value is None and m.future_value is None:
            continue
        if t.start - _DAY_BEFORE_NOUN <= m.end <= t.start and rx(before).search(text[m.end : t.start]):
            return True
        if t.end <= m.start <= t.end + _DAY_AFTER_NOUN and rx(after).search(text[t.end : m.start]):
            return True
    return False


def _dayed_role(doc: ExtractDoc, t: Trigger) -> bool:
    """May a day beside the action noun be the noun's own: the noun the subject of a verb other than one of
    talking of it or judging it ("the vigil Sunday drew 50"), or the object of a verb of taking part or
    holding ("turned out for the vigil Tuesday"), not after "praised the rally Sunday" (the day is the
    verb's; ``cues_<lang>.json`` dayed_action_attend / dayed_action_not_subject)? Without a parse: yes."""
    from protestdb.extract.lexicons import lang_entry

    if doc.doc is None:
        return True
    tok = _trigger_root(doc, t)
    if tok is None:
        return False
    lang = doc.lang or "en"
    if tok.dep_ in ("nsubj", "nsubjpass"):
        return tok.head.lemma_.lower() not in set(lang_entry("cues", lang, "dayed_action_not_subject") or ()) | _NOT_HELD
    verb = tok.head.head if tok.dep_ == "pobj" else tok.head
    return tok.dep_ in ("dobj", "pobj") and verb.lemma_.lower() in set(lang_entry("cues", lang, "dayed_action_attend") or ())


def _days_elsewhere(st: DraftState, seg: tuple[int, int], trigs: list[Trigger]) -> bool:
    """Are the days of the segment told in clauses without its protest words ("the leak on Monday
    night galvanized fear, and protesters raised their voices": Monday is the leak's)?"""
    from protestdb.extract.clause_scope import dates_other_clause

    ms = dates_in(st.doc, *seg)
    acts = frozenset(x.start for x in st.doc.triggers)
    return bool(ms) and all(dates_other_clause(st.doc.doc, (m.start, m.end), (t.start, t.end), acts)
                            for m in ms for t in trigs)


#: a sentence whose groups name this many places is a list of sites
LIST_MIN_PLACES = 3


def _listed_groups(groups: list[Group]) -> bool:
    """Do a sentence's groups list several sites ("crowds filled the streets of A, B, C and D")?
    The next sentence without a place of its own tells none of them in particular."""
    return len({key for key, place, *_ in groups if place is not None}) >= LIST_MIN_PLACES


def _rules(names: tuple[str, ...], registry: dict[str, Any], kind: str) -> list[tuple[str, Any]]:
    missing = [n for n in names if n not in registry]
    if missing:
        raise KeyError(f"unknown {kind} in the extraction configuration: {', '.join(missing)}")
    return [(n, registry[n]) for n in names]


def build_drafts(doc: ExtractDoc) -> list[Draft]:
    """The drafts of the events the article tells (see the module docstring)."""
    layout = doc.layout
    by_sent: dict[int, list[Trigger]] = {}
    for t in doc.triggers:
        if t.weak or layout.sentences[t.sent].kind != "body":
            why = "weak (ambiguous without support, hypothetical or background)" if t.weak else f"in a {layout.sentences[t.sent].kind} line"
            doc.trace.drop(f"trigger {t.quote!r} at {t.start}", "drafting.body_triggers", why)
            continue
        by_sent.setdefault(t.sent, []).append(t)
    # without a dateline, the one city of the headline stands for it
    dl_city, dl_state = places.dateline_place(layout, doc.places)
    if dl_city is not None:  # the gazetteer's reading of the dateline knows its state
        dl_city = next((p for p in doc.places if p.start == dl_city.start and p.city_key), dl_city)
    tags: dict[tuple[Any, ...], str] = {}
    if dl_city is not None and not layout.dateline:
        tags[("place", id(dl_city))] = "headline_city"
    national_paras = {layout.sentences[t.sent].para for t in doc.triggers if t.national}
    st = DraftState(doc, _event_places(doc, by_sent, dl_city, tags), national_paras, dl_city, dl_state, tags=tags)
    rules = _rules(doc.config.draft_rules, DRAFT_RULES, "drafting rule")
    for si in sorted(by_sent):
        s = _sentence(st, si, by_sent[si])
        for name, rule in rules:
            groups = rule(st, s)
            if groups is not None:
                _place_groups(st, s, groups, name)
                if _listed_groups(groups):
                    st.current = None  # after a list of sites, no one of them is the action being told
                break
    for _name, filt in _rules(doc.config.draft_filters, DRAFT_FILTERS, "draft filter"):
        filt(st)
    return st.drafts
