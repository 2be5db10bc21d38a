"""Field fillers: one small named function per field (or tied fields), run in the order of
``ExtractConfig.fillers`` over one draft at a time. Each value is put with the rule that
produced it and its evidence spans, so the event's trace tells where every value came from;
candidates a filler rejects are recorded as dropped (when tracing)."""

from __future__ import annotations

import logging
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

from protestdb.extract import claims as claims_mod
from protestdb.extract import issues as issues_mod
from protestdb.extract import people, places, types
from protestdb.extract.assemble import (
    anchor_words,
    article_orgs,
    context_scopes,
    counts_for,
    event_orgs,
    gap,
    people_nouns,
)
from protestdb.extract.background import date_status
from protestdb.extract.cues import crowd_size
from protestdb.extract.date_clauses import (
    attributive_noun,
    date_verb,
    ended_by_its_actors,
    ends_a_period,
    in_other_clause,
    period_edge,
    possessed_noun,
    spoken_on,
    starts_a_period,
)
from protestdb.extract.dates import weekend_words
from protestdb.extract.document import NATIONAL, Draft, ExtractDoc
from protestdb.extract.lexicons import any_rx, lang_entry, load_lang, rx
from protestdb.extract.sizes import combine_sizes, size_category, upper_bound_told
from protestdb.extract.spans import SpanIndex, entities
from protestdb.extract.trace import FieldTrace, record
from protestdb.models import EventMention

logger = logging.getLogger(__name__)

Span = tuple[int, int, str]


@dataclass
class Filling:
    """One draft being filled: the event, its scopes, its trace, and values shared by fillers."""

    doc: ExtractDoc
    draft: Draft
    drafts: list[Draft]
    ev: EventMention
    geocode: bool
    scopes: list[tuple[int, int]]
    seg_scopes: list[tuple[int, int]]
    trace: FieldTrace = field(default_factory=dict)
    scratch: dict[str, Any] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self.in_scope = SpanIndex(self.scopes)
        self.in_seg = SpanIndex(self.seg_scopes)

    def put(self, field_name: str, value: Any, *spans: Span, rule: str, note: str = "") -> None:
        """Set (or, for a list field, extend) a field with its evidence and the rule's name."""
        if value is None or value == [] or value == "":
            return
        ev = self.ev
        cur = getattr(ev, field_name)
        if isinstance(cur, list):
            for v in value if isinstance(value, list) else [value]:
                if v not in cur:
                    cur.append(v)
        else:
            setattr(ev, field_name, value)
        for a, b, q in spans:
            ev.add_evidence(field_name, a, b, q)
        record(self.trace, field_name, rule, spans, note)

    def drop(self, candidate: str, rule: str, reason: str) -> None:
        self.doc.trace.drop(f"{candidate} (event {self.ev.index})", rule, reason)

    def scope_issues(self) -> dict[str, Span]:
        """The issue keywords of the event's scopes (searched once per event)."""
        if "issues" not in self.scratch:
            self.scratch["issues"] = issues_mod.find_issues(self.doc.text, self.scopes, self.doc.lang)
        return dict(self.scratch["issues"])

    def orgs(self) -> list[Any]:
        """The event's organizations (before the target check), with why each was kept."""
        if "orgs" not in self.scratch:
            why: dict[int, str] = {}
            self.scratch["orgs"] = event_orgs(self.doc, self.draft, self.drafts, self.scopes, why)
            self.scratch["orgs_why"] = why
        return self.scratch["orgs"]


Filler = Callable[[Filling], None]
FILLERS: dict[str, Filler] = {}


def filler(name: str) -> Callable[[Filler], Filler]:
    def register(fn: Filler) -> Filler:
        FILLERS[name] = fn
        return fn

    return register


def _own_side_triggers(f: Filling, trigs: list[Any]) -> list[Any]:
    """A main action's story often goes on to tell its opponents ("Counter-protesters waved flags
    across the street"): when the page tells the counter-protest as an event of its own (a counter
    draft at the same place), the counter-protest words of the main draft's later sentences are that
    event's, not this one's type -- only its opening sentence may make it a counter-protest (issue 10:
    a main march typed "counter-protest" joins the counter-protest other outlets tell)."""
    if f.draft.counter or not f.draft.rules or all(t.type == "counter-protest" for t in trigs):
        return trigs
    if not any(d is not f.draft and d.counter and d.key == f.draft.key for d in f.drafts):
        return trigs
    a, b = f.draft.rules[0][1]
    return [t for t in trigs if t.type != "counter-protest" or a <= t.start < b]


@filler("type")
def fill_type(f: Filling) -> None:
    """The event types of the draft's trigger words (a counter-protest draft is one)."""
    trigs = _own_side_triggers(f, sorted(f.draft.triggers, key=lambda t: t.start))
    lang = f.doc.lang or "en"
    implying = [t for t in trigs if types.implied_types([t.quote], lang)]  # "glued themselves to": civil disobedience too
    typ_list = types.normalize_types([t.type for t in trigs] + types.implied_types([t.quote for t in implying], lang))
    spans = [(t.start, t.end, t.quote) for t in trigs if t.type in typ_list or any(t is i for i in implying)]
    for a, b, q in spans:
        f.ev.add_evidence("event_type", a, b, q)
    f.ev.event_type = typ_list
    if typ_list:
        record(f.trace, "event_type", "type.trigger_words", spans)
    listed = f.doc.memo.get("roundup_triggers")
    if listed:
        rspans = [(t.start, t.end, t.quote) for t in trigs if id(t) in listed]
        if rspans:
            record(f.trace, "event_type", "roundups.listed_place", rspans, "a place listed in a roundup of the main action")
    crowds = f.doc.memo.get("site_crowd_triggers")
    if crowds and (cspans := [(t.start, t.end, t.quote) for t in trigs if id(t) in crowds]):
        record(f.trace, "event_type", "roundups.site_crowd", cspans, "a crowd acting at a place a roundup sentence opens on")
    if f.draft.counter and "counter-protest" not in f.ev.event_type:
        f.ev.event_type.append("counter-protest")
        record(f.trace, "event_type", "type.counter_protest_draft", spans[:1])
    elif typ_list == ["demonstration"]:
        _article_action_type(f)
    for rule, seg, words in f.draft.rules:
        record(f.trace, "event", f"drafting.{rule}", words, f"sentence at {seg[0]}-{seg[1]}")


def _article_action_type(f: Filling) -> None:
    """Only generic words for this event ("protesters", "a crowd"): the action the article
    names for the whole day ("No Kings" rallies) or tells for it ("the rallies", "the global
    school strike") is its type, as a coder copies a roundup's facts to every city."""
    memo = f.doc.memo
    if "article_action" not in memo:
        found = None
        title = f.doc.title
        org_spans = [(a, b) for o in article_orgs(f.doc) for a, b, _ in o.spans]
        if (title is not None and [t for t in title[1] if t != "demonstration"]
                and not any(a <= title[2][0] < b for a, b in org_spans)):  # "organizers from the Women's March"
            found = (next(t for t in title[1] if t != "demonstration"), title[2], "type.named_action_of_article")
        else:
            owners: dict[int, list[str]] = {}
            for d in f.drafts:
                for t in d.triggers:
                    owners.setdefault(id(t), []).append(d.key)
            located = {d.key for d in f.drafts if d.place is not None}
            told = types.article_action(f.doc.triggers, owners, located, f.doc.text)
            found = (told[0], told[1], "type.article_action") if told else None
        memo["article_action"] = found
    if memo["article_action"] is None:
        return
    typ, span, rule = memo["article_action"]
    f.ev.event_type = [typ]
    f.ev.evidence.pop("event_type", None)
    f.ev.add_evidence("event_type", *span)
    record(f.trace, "event_type", rule, [span], "the event's own words are generic")


@filler("announced")
def fill_announced(f: Filling) -> None:
    """Told as planned, not yet happened (the tense of its trigger words)."""
    f.ev.announced_only = f.draft.announced
    if f.draft.announced:
        t0 = f.draft.triggers[0]
        f.ev.add_evidence("announced_only", t0.start, t0.end, t0.quote)
        record(f.trace, "announced_only", "announced.trigger_tense", [(t0.start, t0.end, t0.quote)])


def _national_place(f: Filling) -> None:
    cues = load_lang("cues", f.doc.lang)
    # the country the text is about (its datelines, country names, demonyms), else the default
    country, rule = places.text_country(f.doc.text), "place.text_country"
    if not country:
        rule = "place.national_country"
        country = cues.get("national_country") or next((p.country for p in f.doc.places if p.country), None)
    if not country:
        return
    words = any_rx(tuple(cues["country_words"]))
    seg0 = f.draft.segments[0][0]
    hits = list(words.finditer(f.doc.text))
    if hits:
        m = min(hits, key=lambda m: abs(m.start() - seg0))
        sp = (m.start(), m.end(), m.group())
        f.put("country", country, sp, rule=rule)
        f.put("geo_precision", "country", sp, rule=rule)


def _geocode(f: Filling, locality: str | None, state: str | None, venue: Any, country: str = "US") -> Any:
    from protestdb.geo import geocode as geo_geocode

    ctx_states = sorted({pl.state for pl in f.doc.places if pl.state})
    try:
        return geo_geocode(locality, state, country, context_states=ctx_states, venue=venue.quote if venue else None)
    except (LookupError, ValueError) as exc:  # an unresolvable place leaves the fields to the gazetteer words
        logger.info("geocoding %r, %r failed: %s", locality, state, exc)
        if f.doc.config.strict:
            raise
        return None


@filler("place")
def fill_place(f: Filling) -> None:
    """Venue words, then the locality/state/country: geocoded, else as the gazetteer read them."""
    d = f.draft
    if d.key == NATIONAL:
        _national_place(f)
        return
    p = d.place
    venue = next((v for v in d.venues if v.kind == "venue"), None)
    loc_words = [v for v in d.venues if v.kind in ("venue", "neighborhood")]
    if loc_words:
        f.put("location", ", ".join(v.quote for v in loc_words), *[(v.start, v.end, v.quote) for v in loc_words],
              rule="place.venue_words")
    if p is None and venue is None and d.state_place is None and not d.key.startswith("state:"):
        return
    state = (p.state if p else None) or (d.state_place.state if d.state_place else None)
    if d.key.startswith("state:") and not state:
        state = d.key.split(":", 1)[1]
    anchor_span = (p.start, p.end, p.quote) if p else ((venue.start, venue.end, venue.quote) if venue else None)
    state_span = (d.state_place.start, d.state_place.end, d.state_place.quote) if d.state_place else anchor_span
    gr, country = None, "US"
    if f.geocode:
        country = places.place_country(f.doc.text, p, state)
        # a venue known in another city the text never names is its namesake in this one
        known = None if places.namesake_venue(venue, p, f.doc.places) else venue
        gr = _geocode(f, p.locality if p else None, state, known, country)
        if p is None and gr is not None and gr.locality is None:
            # "marched from Long Street to Parliament": a later venue may place the action
            for v in (v for v in d.venues if v.kind == "venue" and v is not venue):
                g2 = _geocode(f, None, state, v, country)
                if g2 is not None and g2.locality:
                    gr, anchor_span = g2, (v.start, v.end, v.quote)
                    break
    gr, p, anchor_span, state_span = _unpersoned_anchor(f, gr, p, anchor_span, state_span)
    if gr is not None and anchor_span is not None:
        # abroad: the place's own country, else the text's (a foreign dateline, country names)
        rule = "place.geocoded" if country == "US" else "place.geocoded+place.text_country"
        f.put("locality", gr.locality, anchor_span, rule=rule)
        f.put("state", gr.state, state_span if state_span and gr.state == state else anchor_span, rule=rule)
        f.put("country", gr.country, anchor_span, rule=rule)
        for name in ("county", "fips_code", "lat", "lon", "geo_precision"):
            f.put(name, getattr(gr, name), anchor_span, rule=rule)
        return
    if p is not None and anchor_span is not None:
        f.put("locality", p.locality, anchor_span, rule="place.gazetteer_words")
    if state and state_span is not None:
        f.put("state", state, state_span, rule="place.gazetteer_words")
    country = (p.country if p else None) or ("US" if state else None)
    if country and (anchor_span or state_span) is not None:
        f.put("country", country, anchor_span or state_span, rule="place.gazetteer_words")


def _unpersoned_anchor(f: Filling, gr: Any, p: Any, anchor: Span | None, state_span: Span | None) -> tuple[Any, Any, Span | None, Span | None]:
    """A name spaCy tags as a person ("Lafayette Square" read as a man's name) is no place
    evidence: another mention of the same town is (the evidence moves there), else the event
    has no town (geocode and gazetteer place dropped)."""
    if anchor is None or not _person_span(f.doc, anchor[0], anchor[1]):
        return gr, p, anchor, state_span
    town = gr.locality if gr is not None else (p.locality if p is not None else None)
    other = _other_town_mention(f, town, anchor)
    if state_span == anchor:
        state_span = other
    if other is None:
        return None, None, None, state_span
    return gr, p, other, state_span


def _person_span(doc: ExtractDoc, start: int, end: int) -> bool:
    """Does ``[start, end)`` overlap a name spaCy tags PERSON?"""
    if doc.doc is None:
        return False
    if "person_ents" not in doc.memo:
        doc.memo["person_ents"] = [(e.start_char, e.end_char) for e in entities(doc.doc) if e.label_ == "PERSON"]
    return any(a < end and start < b for a, b in doc.memo["person_ents"])


def _in_a_longer_name(doc: ExtractDoc, start: int, end: int) -> bool:
    """Is ``[start, end)`` part of a longer name: inside a longer one spaCy tags ORG (an
    outlet, "the Tribune of Carlow"), or followed on the same line by a capitalised word that
    continues it ("the Carlow Evening Ledger", "Carlow Fire Department"), not a date word?"""
    sdoc = doc.doc
    if sdoc is None:
        return False
    if "org_ents" not in doc.memo:
        doc.memo["org_ents"] = [(e.start_char, e.end_char) for e in entities(sdoc) if e.label_ == "ORG"]
    # a town alone tagged ORG ("Accra") is still the town: only a longer name holds it
    if any(a < end and start < b and (a, b) != (start, end) for a, b in doc.memo["org_ents"]):
        return True
    span = sdoc.char_span(start, end, alignment_mode="expand")
    if span is None or span.end >= len(sdoc):
        return False
    nxt = sdoc[span.end]
    gap = doc.text[end:nxt.idx]
    return bool(gap) and gap == " " and nxt.is_title and nxt.ent_type_ not in ("DATE", "TIME")


def _other_town_mention(f: Filling, town: str | None, span: Span) -> Span | None:
    """The mention of ``town`` nearest the draft's words that is no person's name (the evidence
    for a town whose first mention spaCy read as a person), else None."""
    if not town:
        return None
    low = town.lower()
    cands = [(pl.start, pl.end, pl.quote) for pl in f.doc.places
             if pl.locality and pl.locality.lower() == low and (pl.start, pl.end) != span[:2]]
    if not cands:  # a town abroad the gazetteer words do not list: its name told elsewhere
        cands = [(m.start(), m.end(), m.group()) for m in re.finditer(rf"\b{re.escape(town)}\b", f.doc.text)
                 if not (m.start() < span[1] and span[0] < m.end())]
    cands = [c for c in cands if not _person_span(f.doc, c[0], c[1]) and not _in_a_longer_name(f.doc, c[0], c[1])]
    if not cands:
        return None
    seg0 = f.draft.segments[0][0] if f.draft.segments else span[0]
    return min(cands, key=lambda c: abs(c[0] - seg0))


def _nearest(f: Filling, cands: list[Any]) -> Any:
    trigs = f.draft.triggers
    return min(cands, key=lambda m: min(gap(m, t) for t in trigs), default=None) if cands else None


#: Verbs whose date tells when something was said, not when the action happened ("said Monday").
_SPEECH_LEMMAS = frozenset({"say", "tell", "add", "write"})


def _verb_of(tok: Any) -> Any:
    """The verb a token hangs on in the parse (itself when it is one), at most six heads up ("at 7
    a.m. on Feb. 3")."""
    for _ in range(7):
        if tok.pos_ in ("VERB", "AUX"):
            return tok
        if tok.head is tok:
            return None
        tok = tok.head
    return None


#: A trigger noun's links to the verbs that tell its action ("the strike ran", "staged a walkout",
#: "a strike that ran"); not a preposition's ("returned to work Monday after a strike").
_ARG_DEPS = frozenset({"nsubj", "nsubjpass", "dobj", "attr"})
#: Verbs of "on strike" ("went on strike", "have been on a hunger strike", "remain on strike").
_ON_VERBS = frozenset({"be", "go", "remain", "stay"})


def _action_verbs(tok: Any) -> list[Any]:
    """The verbs that tell a trigger's action: the trigger verb itself ("gathered"), else the verb a
    trigger noun is the subject or object of and the verbs of clauses on it. Not a speech verb."""
    if tok.pos_ in ("VERB", "AUX"):
        out = [tok]
    else:
        out = [c for c in tok.children if c.dep_ in ("relcl", "acl") and c.pos_ == "VERB"]
        if tok.dep_ in _ARG_DEPS and tok.head.pos_ == "VERB":
            out.append(tok.head)
        # "have been on a hunger strike since May 29", "went on strike Tuesday": the verb of "on"
        prep = tok.head
        if tok.dep_ == "pobj" and prep.lower_ == "on" and prep.head.lemma_ in _ON_VERBS:
            out.append(prep.head)
    return [v for v in out if v.lemma_ not in _SPEECH_LEMMAS]


def _by_attachment(f: Filling, cands: list[Any]) -> list[Any]:
    """Of several dates, those the parse hangs on the action's own verbs ("gathered ... early Monday
    morning ... after he was arrested last Friday": Monday); else all but those of a speech verb
    ("said Monday morning before the strike")."""
    sdoc = f.doc.doc
    if sdoc is None or len(cands) < 2:
        return cands
    own_verbs = set()
    for t in f.draft.triggers:
        span = sdoc.char_span(t.start, t.end, alignment_mode="expand")
        if span is not None and len(span):
            own_verbs.update(v.i for v in _action_verbs(span.root))
    own, other, speech = [], [], []
    for m in cands:
        span = sdoc.char_span(m.start, m.end, alignment_mode="expand")
        v = _verb_of(span.root) if span is not None and len(span) else None
        if v is not None and v.i in own_verbs:
            own.append(m)
        elif v is not None and v.lemma_ in _SPEECH_LEMMAS:
            speech.append(m)
        else:
            other.append(m)
    return own or other or speech


@filler("date")
def fill_date(f: Filling) -> None:
    """The date told nearest to the action's words in its segments (inside the news window
    first, day-precise first); else the article's main date; an announcement without its day
    takes the nearest future date."""
    doc, d = f.doc, f.draft
    if doc.memo.get("dated_by_url_month") and _weekday_without_day(f) is not None:
        # a page without a date dated by its address's month: "marched on Saturday" left without a
        # day (``dates.dated_by_month``) is the action's day, unknown; another day told nearby
        # (a hearing's, an earlier rally's) or the page's main date would be a guess
        _date_words(f)
        return
    if _date_to_come(f):
        _date_words(f)  # "a statewide strike, with a date to be announced": no day told
        return
    # "returned to work Monday after a strike that ran from Jan. 31 to Feb. 2": the strike's dates
    dcands = [m for m in doc.dates if f.in_seg.covers(m.start, m.end) and (m.value or m.future_value) and m.precision != "unknown"]
    dcands = dcands or _listed_before(f)
    if not d.announced and doc.published is not None:
        # a report is not dated after its page: "threatened to intensify the protest on Tuesday"
        # (a day its clause tells as ahead) dates something still to come
        # (a stated day may be one ahead of a page stamped early; a weekday's report reading never is)
        dcands = [m for m in dcands if m.value is None or (m.value - doc.published).days <= (0 if m.relative else 1)]
    dcands = _own_dates(f, dcands)
    # a date inside the news window beats an older one told nearer
    fresh = [m for m in dcands if date_status(m, doc.published, d.announced) == "in"]
    dcands = [m for m in fresh if m.precision == "day"] or fresh or dcands
    if d.announced and doc.published is not None:
        # "the coalition announced today that vigils will be held next Friday": the action's day
        # is ahead of the announcement's
        # ("are planning a vigil Friday evening" on that Friday: the page's own day, unless it is
        # the day of the announcing: "announced today that vigils will be held ...")
        dcands = [m for m in dcands if m.precision == "day" and ((m.future_value or m.value) > doc.published or (
            (m.future_value or m.value) == doc.published and not spoken_on(doc.doc, m)))] or dcands
    if not d.announced and _opening_ongoing(f, dcands):
        return
    dm, rule = _nearest(f, _by_attachment(f, _opening_dates(f, dcands))), "date.nearest_in_segment"
    if dm is None and not d.announced:
        if _put_page_date(f):
            return
        dm, rule = _own_paragraph_day(f), "date.own_paragraph_day"
        if dm is None:
            dm, rule = doc.anchor, "date.article_main_date"
        if dm is None and _put_day_of_a_dateless_page(f):
            return
    if dm is None and d.announced:
        # "plan to return Tuesday ... asking supporters to rally": the nearest future day (else
        # the page's own day: "100,000 were expected to join the march" on the march's day)
        fut = [m for m in doc.dates if m.future_value is not None and m.precision == "day"
               and (doc.published is None or m.future_value > doc.published)]
        fut = fut or [m for m in doc.dates if m.future_value is not None and m.precision == "day"
                      and m.future_value == doc.published]
        # "the stalls stay shut until Sunday": the end of a period is not the day the action comes
        fut = [m for m in fut if not ends_a_period(doc.text, m)]
        near = [m for m in fut if f.in_scope.covers(m.start, m.end)] or fut
        dm, rule = _nearest(f, near), "date.announced_future_day"
        if dm is not None and not f.in_seg.covers(dm.start, dm.end):
            # a day told away from the action's own words: "announced_echoes" may drop it
            f.doc.memo.setdefault("dated_from_afar", set()).add(f.ev.index)
    if dm is not None:
        _put_date(f, dm, rule)
    if f.ev.date is None:
        _date_words(f)


def _own_paragraph_day(f: Filling) -> Any | None:
    """An action whose own sentences tell no date, in a paragraph that tells one day (an item of a
    roundup: "1. Lakeview -- Thousands filled the square Saturday morning ... The march began at
    noon"): that day, before the article's main date (another item's). None when the paragraph
    tells no day, or several."""
    doc = f.doc
    layout = doc.layout
    paras = f.draft.paras
    if not paras or layout is None:
        return None
    cands = [m for m in doc.dates if m.value is not None and m.precision == "day" and m.end_value is None
             and layout.sentences[layout.sentence_at(m.start)].para in paras
             and (doc.published is None or date_status(m, doc.published) == "in")
             and (doc.published is None or m.value <= doc.published)]
    # a date of the action's own sentences was already ruled on there ("picketed the office, where
    # the board had met on Tuesday": rejected as another thing's day); it stays rejected
    cands = [m for m in cands if not _rejected_in_own_sentence(f, m)]
    cands = [m for m in cands if not starts_a_period(doc.text, m) and not ends_a_period(doc.text, m)
             and not spoken_on(doc.doc, m) and not _dates_another_thing(f, m) and not _of_another_thing(f, m)]
    if len({m.value for m in cands}) != 1:
        return None
    return _nearest(f, cands)


def _rejected_in_own_sentence(f: Filling, m: Any) -> bool:
    """A date of the action's own sentences that the sentence-level rules ruled another thing's: a
    relative clause about something else ("picketed the office, where the board had met on
    Tuesday"), unless its verb tells the course of an action (``data/date_<lang>``
    course_lemmas: "the protests in Lakeview, which began Friday night")."""
    if not f.in_seg.covers(m.start, m.end) or not in_other_clause(f.doc.doc, m, f.draft.triggers):
        return False
    got = date_verb(f.doc.doc, m)
    return got is None or got[0].lemma_ not in (lang_entry("date", f.doc.lang, "course_lemmas") or ())


def _date_to_come(f: Filling) -> bool:
    """The event's own segments tell that its day is not yet set ("with a date to be announced":
    ``data/date_<lang>`` date_to_come)."""
    pat = lang_entry("date", f.doc.lang, "date_to_come")
    text = f.doc.text
    return bool(pat) and any("date" in text[a:b].lower() and rx(pat).search(text, a, b) for a, b in (f.seg_scopes or f.scopes))


def _listed_before(f: Filling) -> list[Any]:
    """An event whose words are a later part of a sentence split by places, without a date of its
    own: the date told before it in that sentence ("Saturday's protests in Stuttgart, Nuremberg and
    Hanover": Hanover's too)."""
    layout, out = f.doc.layout, []
    for a, _b in f.seg_scopes:
        sent = layout.sentences[layout.sentence_at(a)]
        if sent.start < a < sent.end:
            before = [m for m in f.doc.dates if sent.start <= m.start and m.end <= a
                      and (m.value or m.future_value) and m.precision != "unknown"]
            out.extend(before[-1:])
    return out


def _own_dates(f: Filling, cands: list[Any]) -> list[Any]:
    """The candidates that date the action itself: not the start of a period it has been
    running since ("protesting since yesterday": the action told is the page's), and not a date
    told in a relative clause about something else ("to protest the raids that hit the area over
    the weekend"): when no other date is left, the article's main date (if it is not one of them)."""
    text, sdoc = f.doc.text, f.doc.doc
    since = [m for m in cands if starts_a_period(text, m)]
    cands = [m for m in cands if not starts_a_period(text, m)]
    # "the market stalls stay shut until Sunday": the period's last day, not the action's; the
    # article's main date (or the action's other dates) date it
    cands = [m for m in cands if not ends_a_period(text, m)] or ([] if _other_anchor(f, cands) else cands)
    if cands and sdoc is not None:
        own = [m for m in cands if not in_other_clause(sdoc, m, f.draft.triggers)]
        # the only dates told are another thing's ("who died on Jan. 10"): the article's main date
        # dates the action, unless that is one of them
        cands = own if own or _other_anchor(f, cands) else cands
    if len(cands) > 1 and sdoc is not None:
        cands = [m for m in cands if not _of_another_thing(f, m)] or cands
    cands = _first_days(sdoc, cands, since)
    if cands and sdoc is not None:
        # "ahead of the anniversary of the Oct. 7 attacks": the attacks' day, not the march's
        named = [m for m in cands if _dates_another_thing(f, m)]
        if named and (len(named) < len(cands) or _other_anchor(f, named)):
            cands = [m for m in cands if all(m is not x for x in named)]
    return cands


def _first_days(sdoc: Any, cands: list[Any], since: list[Any] | None = None) -> list[Any]:
    """A multi-day action told by its first and its last day ("tents went up on the green on
    Sunday ... the camp was cleared on Wednesday"): the first day dates it (an event's day is the
    day it began); the last is dropped only when a first day is told. An action its own people told
    as ended ("the drivers ended their walkout Friday") began on the day it ran "since" ("they had
    stayed off the buses since Tuesday"): that day is its first, not the start of a period still
    running."""
    if not cands or sdoc is None:
        return cands
    edges = [period_edge(sdoc, m) for m in cands]
    if "end" not in edges or ("start" not in edges and not since):
        return cands
    if "start" not in edges and not any(e == "end" and ended_by_its_actors(sdoc, m) for m, e in zip(cands, edges, strict=True)):
        # "police cleared a picket line held since Jan. 15": a long action broken up by others is
        # dated by the day told of it, the "since" day only begins the period
        return cands
    kept = [m for m, e in zip(cands, edges, strict=True) if e != "end"] + list(since or ())
    return sorted(kept, key=lambda m: m.start)


def _dates_another_thing(f: Filling, m: Any) -> bool:
    """The date modifies a noun before which it stands that is neither a protest word, nor
    people, nor a word of the day itself ("the Oct. 7 attacks", "the June 3 hearing"; unlike
    "the May 1 rally", "the July 4 weekend": ``data/date_<lang>`` own_day_nouns)."""
    noun = attributive_noun(f.doc.doc, m)
    if noun is None or any(t.start <= noun.idx < t.end for t in f.doc.triggers):
        return False
    keep = set(lang_entry("date", f.doc.lang, "own_day_nouns") or ()) | set(load_lang("cues", f.doc.lang).get("agents", ()))
    return noun.lemma_.lower() not in keep and noun.lower_ not in keep


def _of_another_thing(f: Filling, m: Any) -> bool:
    """A possessive date of a noun that is neither a protest word nor people ("the victims of
    Monday's shooting", "after Tuesday's vote"), unlike "Saturday's march", "Wednesday's crowd"."""
    noun = possessed_noun(f.doc.doc, m)
    if noun is None:
        return False
    if any(t.start <= noun.idx < t.end for t in f.doc.triggers):
        return False
    agents = load_lang("cues", f.doc.lang).get("agents", ())
    return noun.lemma_.lower() not in agents and noun.lower_ not in agents


def _other_anchor(f: Filling, dropped: list[Any]) -> bool:
    """The article has a main date other than the dropped candidates (a fallback for the action)."""
    anchor = f.doc.anchor
    return anchor is not None and all(anchor is not m for m in dropped)


def _opening(f: Filling) -> tuple[int, int] | None:
    segs = [seg for _rule, seg, words in f.draft.rules if words]
    return min(segs) if segs else None


def _opening_ongoing(f: Filling, cands: list[Any]) -> bool:
    """The sentence that opened the event tells it as going on, without a date ("Protesters are
    gathering for a rally in Union Park"): the page's day, before a date of a later sentence
    ("Their first march was held Monday")."""
    seg = _opening(f)
    if seg is None or f.doc.published is None or any(seg[0] <= m.start < seg[1] for m in cands):
        return False
    return _put_page_date(f, within=seg)


def _opening_dates(f: Filling, cands: list[Any]) -> list[Any]:
    """The candidates told in the segment that opened the event, when it tells one: the sentence
    that reports the action dates it ("The march entered its fourth day on Friday. ... Floyd died
    Monday"); a later sentence of the segment may date something else it mentions."""
    seg = _opening(f)
    if seg is None or len(cands) < 2:
        return cands
    a, b = seg
    return [m for m in cands if a <= m.start < b] or cands


#: "have drawn protests before", "has often marched": a perfect of experience, not an action going on
_EXPERIENCE = re.compile(
    r"\b(?:before|ever|never|previously|in the past|often|repeatedly|many times|for (?:years|decades|months))\b",
    re.IGNORECASE,
)
#: "has called a rally", "have planned a march": an action ahead, not going on
_CALL_VERBS = frozenset({"call", "plan", "schedule", "announce", "urge", "organize", "propose", "threaten"})


def _ongoing_words(f: Filling, within: tuple[int, int] | None = None) -> Span | None:
    """The words telling the action as going on at the time of writing: a trigger verb (or the
    verb of a trigger noun) in the present progressive or present perfect ("protesters who are
    blocking the gate", "students have set up encampments at ..."). With ``within``: only the
    triggers of that segment, and only the progressive ("has barricaded roads" beside "the
    protest started on Friday" is a news perfect of Friday's action)."""
    sdoc = f.doc.doc
    if sdoc is None:
        return None
    for t in f.draft.triggers:
        if within is not None and not within[0] <= t.start < within[1]:
            continue
        if getattr(t, "quoted", False):
            # "'they are picketing both gates,' a spokeswoman for the mill said": the present
            # of a quotation is the day it was spoken, not the time of writing
            continue
        span = sdoc.char_span(t.start, t.end, alignment_mode="expand")
        if span is None or not len(span):
            continue
        tok = span[0]
        verb = tok if tok.pos_ in ("VERB", "AUX") else tok.head
        if verb.pos_ != "VERB" or verb.tag_ not in (("VBG",) if within else ("VBG", "VBN")) or verb.lemma_ in _CALL_VERBS:
            continue
        aux = [c for c in verb.children if c.dep_ == "aux" and c.tag_ in ("VBZ", "VBP")
               and c.lemma_ == ("be" if verb.tag_ == "VBG" else "have")]
        sent = verb.sent
        if aux and not _EXPERIENCE.search(sent.text):
            a = min(aux[0].idx, verb.idx)
            b = max(aux[0].idx + len(aux[0].text), verb.idx + len(verb.text))
            return a, b, f.doc.text[a:b]
    return None


def _put_page_date(f: Filling, within: tuple[int, int] | None = None) -> bool:
    """An action told without a date of its own, as going on at the time of writing: the day of
    the page (its own stamp as evidence when the text shows it, else the words of the tense)."""
    from protestdb.extract.furniture import page_stamps, post_day

    pub = f.doc.published
    if pub is None:
        return False
    words = _ongoing_words(f, within)
    if words is None:
        return False
    posted = post_day(f.doc.text, words[0], f.doc.lang, pub=pub)
    if posted is not None:
        # "officials are rallying in the square" in an embedded post signed "June 25, 2022": the
        # present of the post is the day it was posted, not the page's
        f.put("date", posted[0].isoformat(), posted[1], rule="date.present_of_a_post")
        f.ev.date_precision = "day"
        record(f.trace, "date_precision", "date.present_of_a_post", [posted[1]])
        return True
    sp = next((span for d, _upd, span in page_stamps(f.doc.text, f.doc.lang) if d == pub), words)
    f.put("date", pub.isoformat(), sp, rule="date.ongoing_on_page_date")
    f.ev.date_precision = "day"
    record(f.trace, "date_precision", "date.ongoing_on_page_date", [sp])
    return True


def _put_day_of_a_dateless_page(f: Filling) -> bool:
    """The one action of a dated page whose text tells no date at all (no day, no weekday, no
    "last week"): the news of the page's own day ("Hundreds of nurses rallied outside the
    hospital ..."). A page that tells any date, or several actions, leaves an action it does
    not date without a day."""
    from protestdb.extract.furniture import page_stamps

    pub = f.doc.published
    if pub is None or f.doc.dates or not f.draft.triggers or len(f.doc.drafts) != 1:
        return False
    # a time the date reader missed ("ON MONDAY", "a week ago", "hace dos semanas", "has died")
    # is no absence of a date: such a page leaves its action undated
    stamps = page_stamps(f.doc.text, f.doc.lang)
    text = f.doc.text
    for _d, _upd, (a, b, _q) in stamps:  # the page's own stamp is no time the text tells
        text = text[:a] + " " * (b - a) + text[b:]
    words = lang_entry("date", f.doc.lang, "time_words") or ()
    if words and any_rx(tuple(words)).search(text):
        return False
    # the evidence is the page's own stamp (a trigger word is none); without one, no quote
    spans = [span for d, _upd, span in stamps if d == pub][:1]
    f.put("date", pub.isoformat(), *spans, rule="date.page_day_of_a_dateless_page")
    f.ev.date_precision = "day"
    record(f.trace, "date_precision", "date.page_day_of_a_dateless_page", spans)
    return True


def _put_date(f: Filling, dm: Any, rule: str) -> None:
    val = dm.future_value if f.draft.announced and dm.future_value else dm.value
    if val is None:
        return
    sp = (dm.start, dm.end, dm.quote)
    f.put("date", val.isoformat(), sp, rule=rule)
    line = f.doc.memo.get("published_line")
    if line is not None and dm.relative:
        record(f.trace, "date", "furniture.published_line", [line], "a relative date read against the page's publication line")
    f.ev.date_precision = dm.precision if dm.precision in ("day", "week", "month") else "unknown"
    record(f.trace, "date_precision", rule, [sp])
    if dm.end_value is not None and dm.end_value != val:
        f.put("end_date", dm.end_value.isoformat(), sp, rule=rule)


#: how far (characters) from a period's words a day told inside that period may stand ("over the
#: weekend of Oct. 5-6", "... over the weekend. The march on Saturday ...")
_TOLD_DAY_REACH = 250


def _period_days(ev: EventMention) -> tuple[date, date] | None:
    """The first and last day of the period an event's date stands for (a weekend, a week, a month)."""
    try:
        first = date.fromisoformat(ev.date or "")
        last = date.fromisoformat(ev.end_date) if ev.end_date else None
    except ValueError:
        return None
    if last is None:
        if ev.date_precision == "month":
            nxt = date(first.year + first.month // 12, first.month % 12 + 1, 1)
            last = nxt - timedelta(days=1)
        else:
            last = first + timedelta(days=6)
    return first, last


def told_day_in_period(ev: EventMention, dates: list[Any], lang: str) -> Any | None:
    """A date mention near the period's words that tells a day (or a range of days) inside that
    period ("over the weekend of Oct. 5-6", "over the weekend, on Saturday afternoon"), or None."""
    quotes = ev.evidence.get("date", [])
    span = _period_days(ev)
    if not quotes or span is None:
        return None
    near = [m for m in dates if m.value is not None and m.precision == "day" and not weekend_words(m.quote, lang)
            and span[0] <= m.value <= span[1] and (m.end_value is None or m.end_value <= span[1])
            and any(abs(m.start - q.start) <= _TOLD_DAY_REACH for q in quotes)
            and not any(q.start <= m.start < q.end for q in quotes)]
    return near[0] if near else None


def no_day_of_a_period(ev: EventMention, trace: FieldTrace | None, lang: str | None = "en",
                       dates: list[Any] | None = None) -> None:
    """A date of week or month precision ("last week": its Monday; "this month": its first), or a
    weekend told in words ("over the weekend": its Saturday and Sunday), is no day the text
    tells: the record's date is a day or nothing, so it is emptied; the words stay as the
    evidence of ``date_precision``. Run once the page's events are final (the steps before
    compare events by their period)."""
    if ev.date is None:
        return
    quotes = [e.quote for e in ev.evidence.get("date", [])]
    weekend = bool(quotes) and all(weekend_words(q, lang or "en") for q in quotes)
    if ev.date_precision not in ("week", "month") and not weekend:
        return
    told = told_day_in_period(ev, dates or [], lang or "en")
    if told is not None:  # the text tells the day (or days) inside the period: keep them
        _keep_told_day(ev, told, trace)
        return
    if weekend:
        ev.date_precision = "week"  # two days of one week; none of them told
    spans = [(e.start, e.end, e.quote) for e in ev.evidence.pop("date", [])]
    ev.evidence.pop("end_date", None)
    ev.date, ev.end_date = None, None
    for a, b, q in spans:
        ev.add_evidence("date_precision", a, b, q)
    if trace is not None:
        record(trace, "date", "date.no_day_of_a_period", spans, "a weekend, week or month names no day")


def _keep_told_day(ev: EventMention, told: Any, trace: FieldTrace | None) -> None:
    """Date an event by the day(s) told inside its period, those words its evidence."""
    ev.evidence.pop("date", None)
    ev.evidence.pop("end_date", None)
    ev.date = told.value.isoformat()
    ev.end_date = told.end_value.isoformat() if told.end_value and told.end_value != told.value else None
    ev.date_precision = "day"
    ev.add_evidence("date", told.start, told.end, told.quote)
    if ev.end_date:
        ev.add_evidence("end_date", told.start, told.end, told.quote)
    if trace is not None:
        record(trace, "date", "date.told_day_in_period", [(told.start, told.end, told.quote)],
               "a day told inside the period the words name")


def _weekday_without_day(f: Filling) -> Any | None:
    """A relative date word of the event's own segments that resolves to no day ("on Saturday")."""
    scopes = f.seg_scopes or f.scopes
    return next((m for m in f.doc.dates if m.relative and m.value is None and m.future_value is None
                 and any(a <= m.start < b for a, b in scopes)), None)


def _date_words(f: Filling) -> None:
    """No date: date words that resolve to no day ("on Saturday" on a page without a date) are
    kept as the evidence of an unknown date, never turned into a guess."""
    from protestdb.extract.furniture import date_words, period_start_words

    scopes = f.seg_scopes or f.scopes
    sdoc, triggers = f.doc.doc, f.draft.triggers

    def another_period(m: Any) -> bool:  # "a vendor who has been held since June 19", not the action's
        return in_other_clause(sdoc, m, triggers)

    dw = date_words(f.doc.dates, scopes, f.doc.text, another_period)
    if dw is not None:
        f.put("date_precision", "unknown", (dw.start, dw.end, dw.quote), rule="date.words_without_day")
        return
    aw = None if f.draft.announced else anchor_words(f.doc)
    if aw is not None:
        # none of its own: the page's day in words without a year, told with the action ("Groups
        # held rallies across the county on Monday, May 4"), as a dated page's main date
        f.put("date_precision", "unknown", (aw.start, aw.end, aw.quote), rule="date.article_words_without_day")
        return
    # only "held since June 19" of another thing: the day its period began, kept with its "since"
    # (the resolver reads it as a day the action is not of, never as its day)
    since = period_start_words(f.doc.dates, scopes, f.doc.text, another_period)
    if since is not None:
        f.put("date_precision", "unknown", since, rule="date.period_start_without_day")
    elif date_words(f.doc.dates, scopes) is not None:
        # date words of no day of the action (a quoted name's): the date is still unknown, not absent
        f.put("date_precision", "unknown", rule="date.words_of_no_day")


def _own_sizes(f: Filling, cands: list[Any], quiet: bool = False) -> list[Any]:
    """The crowd sizes of ``cands`` that are the event's city's own, its own clause first: in a
    list of cities' figures, another city's number is never taken (``size_owners.py``)."""
    if cands and f.draft.place is not None:
        from protestdb.extract.size_owners import rank_for_city

        own = rank_for_city(f.doc, f.draft.key, cands, own_place=f.draft.place)
        if f.doc.trace.enabled and not quiet:
            for m in cands:
                if m not in own:
                    f.drop(f"size {m.quote!r} at {m.start}", "size.other_citys_figure", "told in a clause or sentence of another city")
        cands = own
    return cands


def _headline_sizes(f: Filling) -> list[Any]:
    """"Half a million march in Montreal" as the headline, the body without a figure."""
    from protestdb.extract.size_owners import rank_for_city

    lay, text = f.doc.layout, f.doc.text
    if f.draft.announced or f.draft.place is None or lay is None:
        return []
    head = [m for m in f.doc.sizes if lay.sentences[lay.sentence_at(m.start)].kind == "headline" and crowd_size(text, m)]
    return rank_for_city(f.doc, f.draft.key, head, own_only=True, own_place=f.draft.place)


@filler("size")
def fill_size(f: Filling) -> None:
    """A crowd count told in the event's segments, else in its paragraphs (not for
    announcements), else in a headline naming its city; never another city's figure. Several
    sourced figures of one crowd (police vs organizers) are all kept: size_text joined by "; ",
    low the smallest, high the largest (CCC)."""
    text = f.doc.text
    rule = "size.crowd_in_segment"
    cands = _own_sizes(f, [m for m in f.doc.sizes if f.in_seg.covers(m.start, m.end) and crowd_size(text, m)])
    if not cands and f.draft.place is not None and not f.draft.announced:
        from protestdb.extract.size_owners import own_clause_sizes

        rule = "size.own_clause_of_city"
        cands = own_clause_sizes(f.doc, f.draft.key, [m for m in f.doc.sizes if crowd_size(text, m)])
    if not cands and not f.draft.announced:
        rule = "size.crowd_in_paragraphs"
        cands = _own_sizes(f, [m for m in f.doc.sizes if f.in_scope.covers(m.start, m.end) and crowd_size(text, m)])
    if not cands:
        rule, cands = "size.headline_of_own_city", _headline_sizes(f)
    if not cands:
        if f.doc.trace.enabled:
            for m in f.doc.sizes:
                if f.in_scope.covers(m.start, m.end) and not crowd_size(text, m):
                    f.drop(f"size {m.quote!r} at {m.start}", "size.not_a_crowd", "counts deportations, arrests, money...")
        return
    from protestdb.extract.size_owners import several_figures

    near = cands if rule.startswith("size.headline") else _own_sizes(
        f, [m for m in f.doc.sizes if f.in_scope.covers(m.start, m.end) and crowd_size(text, m)], quiet=True)
    figs = several_figures(f.doc, cands[0], [m for m in near if m is not cands[0]] + [cands[0]])
    if len(figs) > 1:
        rule += "+size.several_figures"
    if any((m.start, m.end) in f.doc.memo.get("roundup_sizes", ()) for m in figs):
        rule += "+roundups.item_number"  # "Sete (4500)", "Chicago: 150,000"
    spans = [(m.start, m.end, m.quote) for m in figs]
    if len(figs) == 1:
        sm = figs[0]
        size_text = sm.quote
        low, high = upper_bound_told(sm.quote, sm.low, sm.high, f.doc.lang)
    else:
        size_text, low, high = combine_sizes(figs)
    mean = (low + high) / 2 if low is not None and high is not None else (float(low) if low is not None else None)
    for name, value in (("size_text", size_text), ("size_low", low), ("size_high", high), ("size_mean", mean),
                        ("size_cat", size_category(low) or None)):
        f.put(name, value, *spans, rule=rule)


@filler("counts")
def fill_counts(f: Filling) -> None:
    """Arrest and injury counts, each told of the events of its scope."""
    if f.draft.announced:
        return
    for c in counts_for(f.doc, f.draft, f.drafts):
        val = getattr(c, "value", None)
        if val is None:
            val = getattr(c, "low", None)
        f.put(c.kind, val, (c.start, c.end, c.quote), rule="counts.owner_of_count")


def _org_and_venue_spans(f: Filling) -> list[Span]:
    doc = f.doc
    hit = doc.memo.get("org_and_venue_spans")  # (the same for every event: once per article)
    if hit is not None and hit[0] is doc.places:
        return list(hit[1])
    out: list[Span] = []
    if doc.doc is not None:
        out = [(e.start_char, e.end_char, e.text) for e in entities(doc.doc) if e.label_ == "ORG"]
    out += [(p.start, p.end, p.quote) for p in doc.places if p.kind == "venue"]
    doc.memo["org_and_venue_spans"] = (doc.places, out)
    return list(out)


def _parse_targets(f: Filling, tg: list[tuple[str, Span, str]], shared: list[tuple[int, int]] | None = None,
                   exclude: set[str] | None = None) -> list[tuple[str, Span, str]]:
    from protestdb.extract.targets import find_parse_targets, find_role_targets

    doc, ev = f.doc, f.ev
    if exclude is None:
        orgs = f.orgs()
        exclude = {o.name.lower() for o in orgs} | {o.acronym.lower() for o in orgs if o.acronym}
    if shared is not None:  # told for the whole action: no state or city to name a body by
        for n, sp in find_parse_targets(doc.text, doc.doc, shared, published=doc.published, exclude=exclude,
                                        country=ev.country):
            if not any(n.lower() in h.lower() for h, _, _ in tg):
                tg = [x for x in tg if x[0].lower() not in n.lower()] + [(n, sp, "targets.told_for_whole_action")]
        return tg
    for n, sp in find_parse_targets(doc.text, doc.doc, f.scopes, state=ev.state, locality=ev.locality,
                                    published=doc.published, exclude=exclude, country=ev.country):
        low = n.lower()
        if any(low in h.lower() for h, _, _ in tg):
            continue
        # a fuller name replaces its part ("Lyle County" -> "Lyle County Sheriff's Office")
        tg = [x for x in tg if x[0].lower() not in low] + [(n, sp, "targets.addressed_in_parse")]
    for n, sp in find_role_targets(doc.text, doc.doc, f.scopes, types=ev.event_type, state=ev.state,
                                   exclude={h.lower() for h, _, _ in tg}):
        if not any(n.lower() in h.lower() or h.lower() in n.lower() for h, _, _ in tg):
            tg.append((n, sp, "targets.role_of_action"))
    return tg


def _enforcement_agency(f: Filling) -> tuple[str, Span, str] | None:
    """An immigration-enforcement protest with no other addressee: the enforcement agency the
    article names ("vigil outside the detention center ... ICE said")."""
    text, memo = f.doc.text, f.doc.memo
    if "ice" not in memo:
        ice = next((pat for canon, pat in claims_mod.known_targets() if canon == "ICE"), None)
        memo["ice"] = ice.search(text) if ice is not None else None
    m = memo["ice"]
    if m is not None and "immigration" in f.scope_issues():
        return ("ICE", (m.start(), m.end(), m.group()), "targets.enforcement_agency")
    return None


def _police_force(f: Filling) -> list[tuple[str, Span, str]]:
    """A protest against the police (told in its sentences, the headline or the text told for the
    whole action) with no other addressee: the police force of its place
    (``targets_frames.police_force``)."""
    from protestdb.extract.targets_frames import police_force, police_told
    from protestdb.extract.targets_shared import umbrella_scopes

    doc = f.doc
    if "police_told" not in doc.memo:  # (once per article; the text told for the whole action only then)
        told = police_told(doc.text) and doc.layout is not None
        doc.memo["police_told"] = told
        doc.memo["police_scopes"] = ([(s.start, s.end) for s in doc.layout.sentences if s.kind == "headline"]
                                     + umbrella_scopes(doc.layout, f.drafts)) if told else []
    if not doc.memo["police_told"]:
        return []
    sp = police_force(doc.text, f.scopes, doc.memo["police_scopes"], f.ev.locality, f.ev.country)
    if sp is None:
        return []
    return [(sp[2], (sp[0], sp[1], doc.text[sp[0] : sp[1]]), "targets.police_force")]


def _leader_targets(f: Filling, tg: list[tuple[str, Span, str]]) -> list[tuple[str, Span, str]]:
    """Target names without titles ("French President Emmanuel Macron's" -> "Emmanuel Macron"),
    a bare title dropped, plus the people the whole report opposes (``leaders.py``)."""
    from protestdb.extract.leaders import with_article_targets

    doc = f.doc
    by_span = {sp: (n, rule) for n, sp, rule in tg}
    out = []
    for n, sp in with_article_targets(doc.text, doc.doc, [(n, sp) for n, sp, _ in tg], doc.lang):
        if _inside_longer_name(f, sp):  # "Towns Against the Harlow Agenda": a group's name, no addressee
            f.drop(f"target {n!r}", "targets.inside_name", "read from inside an organization's name")
            continue
        if sp not in by_span:
            if not f.draft.counter:  # counter-protesters side with whom the report's protest opposes
                out.append((n, sp, "targets.article_opposes"))
            continue
        old, rule = by_span[sp]
        out.append((n, sp, rule if n == old else f"{rule}+targets.leader_name"))
    if doc.trace.enabled:
        told = {sp for _, sp, _ in out}
        for n, sp, _ in tg:
            if sp not in told:
                f.drop(f"target {n!r}", "targets.leader_name", "a title without a name, or the same name told again")
    return out


def _unnamed_body(f: Filling, name: str) -> bool:
    """A bare body ("police", "City Council") that has no city to name it by, or the police
    outside a protest about policing: dropped (before the article's targets are added)."""
    if name not in ("police", "City Council", "city council", "Police Department"):
        return False
    if not f.ev.locality or (name == "police" and "policing" not in f.scope_issues()):
        f.drop(f"target {name!r}", "targets.local_body", "no city to name it by, or police outside a policing protest")
        return True
    return False


def _bills_to_legislatures(f: Filling, tg: list[tuple[str, Span, str]]) -> list[tuple[str, Span, str]]:
    """A bill told as a target is what the protest is about: the legislature named in its
    sentence is the target instead, else none (``targets.bill_legislature``)."""
    from protestdb.extract.targets import bill_legislature, is_bill

    out: list[tuple[str, Span, str]] = []
    for n, sp, rule in tg:
        if not is_bill(n):
            out.append((n, sp, rule))
            continue
        leg = bill_legislature(f.doc.text, sp[0])
        if leg is None:
            f.drop(f"target {n!r}", "targets.bill_legislature", "a bill is an issue, not an addressee")
        elif leg[2].lower() not in {x[0].lower() for x in out + tg}:
            out.append((leg[2], leg, f"{rule}+targets.bill_legislature"))
    return out


def _campus_target(f: Filling) -> tuple[str, Span, str] | None:
    """A campus action's school (``targets.campus_target``)."""
    from protestdb.extract.targets import campus_target

    venues = [v for v in f.draft.venues if v.kind == "venue"]
    issues = set(f.scope_issues())
    if not issues and f.doc.article_issue is not None:
        issues = {f.doc.article_issue[0]}  # none of its own: the article's
    sp = campus_target(venues, f.ev.event_type or [], issues)
    return (sp[2], sp, "targets.campus_action") if sp is not None else None


def _whole_action_targets(f: Filling) -> list[tuple[str, Span, str]]:
    """A roundup's event with no addressee of its own: the targets told for the whole action
    (``targets_shared.py``), found by the same rules with no state or city to name a body by."""
    from protestdb.extract.targets import find_employers, is_labor, staff_of_one_employer
    from protestdb.extract.targets_shared import (
        claimed,
        is_roundup,
        lede_text,
        named_in,
        site_told,
        umbrella_scopes,
    )

    doc = f.doc
    if f.draft.counter or f.draft.place is None or not is_roundup(f.drafts):
        return []
    if "whole_action_targets" not in doc.memo:  # the same for every event: found once
        shared = umbrella_scopes(doc.layout, f.drafts)
        tg: list[tuple[str, Span, str]] = []
        if shared:
            found = claims_mod.find_targets(doc.text, shared, _org_and_venue_spans(f), set(), [(p.start, p.end) for p in doc.places])
            known = {canon for canon, _ in claims_mod.known_targets()}
            tg = [(n, sp, "targets.told_for_whole_action") for n, sp in found
                  if (claimed(doc.text, sp[0]) if n in known else not site_told(doc.text, sp[0]))]
            tg = _parse_targets(f, tg, shared, exclude=set()) if doc.lang == "en" else tg
            if doc.doc is not None:  # "violence against Asian Americans": a people, no addressee
                peoples = [(e.start_char, e.end_char) for e in entities(doc.doc) if e.label_ == "NORP"]
                tg = [x for x in tg if not (any(a < x[1][1] and x[1][0] < b for a, b in peoples)
                                            and re.search(r"\b[A-Z][a-z]+(?:ans|ese|is|ians)$", x[0]))]
        doc.memo["whole_action_targets"] = tg
        # the employer of the whole labor action ("Acme staff across the world walked out"), when
        # the headline or first sentence tells its staff acting, and no other group of workers
        lede = lede_text(doc.layout)
        emp = find_employers(doc.text, doc.doc, shared, {n.lower() for n, _, _ in tg}) if shared and doc.lang == "en" else []
        doc.memo["whole_action_employers"] = [
            (n, sp, "targets.told_for_whole_action+targets.role_of_action") for n, sp in emp
            if named_in(n, lede) and staff_of_one_employer(n, lede)
        ]
    orgs = f.orgs()
    exclude = {o.name.lower() for o in orgs} | {o.acronym.lower() for o in orgs if o.acronym}
    tg = list(doc.memo["whole_action_targets"])
    if is_labor(f.ev.event_type):
        tg += [x for x in doc.memo["whole_action_employers"] if not any(x[0].lower() in n.lower() for n, _, _ in tg)]
    return [x for x in tg if x[0].lower() not in exclude]


@filler("targets")
def fill_targets(f: Filling) -> None:
    """Whom the action addresses: known agencies and companies and names after target cues,
    then (English) the parse's addressees and the roles of the action; never a kind of people."""
    from protestdb.extract.targets import embassy_government

    doc, ev = f.doc, f.ev
    text, orgs = doc.text, f.orgs()
    place_spans = [(p.start, p.end) for p in doc.places]
    found = claims_mod.find_targets(text, f.scopes, _org_and_venue_spans(f), {o.name.lower() for o in orgs}, place_spans)
    tg = [(n, sp, "targets.cue_or_known_name") for n, sp in found]
    if doc.lang == "en":
        tg = _parse_targets(f, tg)
    f.scratch["target_cands"] = list(tg)  # (the learned choice's candidates: targets_model.py)
    kept = _kept_targets(f, tg)
    f.scratch["target_names"] = {n.lower() for n, _, _ in kept}
    if not kept and not f.draft.counter:
        kept.extend(_fallback_targets(f))
    if kept and doc.lang == "en":
        kept.extend(_governor_of_bill(f, kept))
    for name0, span, rule in kept:
        name = claims_mod.target_name_cut(name0, _text_after(text, span))
        if name is None:
            f.drop(f"target {name0!r}", "targets.action_name", "the action's own name")
            continue
        if _told_already(name, [x[0] for x in kept if x[0] != name0]):
            f.drop(f"target {name!r}", "targets.same_body", "the same body told by its known name or initials")
            continue
        name = embassy_government(name, text, span[1])
        name = _site_owner_name(name)
        if name in ("police", "City Council", "city council", "Police Department"):
            # a bare body: the event's city's ("Portland City Council"); the police are a
            # target only of a protest about policing
            if not ev.locality or (name == "police" and "policing" not in f.scope_issues()):
                f.drop(f"target {name!r}", "targets.local_body", "no city to name it by, or police outside a policing protest")
                continue
            name = f"{ev.locality} {'Police Department' if name == 'police' else 'City Council'}"
            rule = f"{rule}+targets.local_body"
        f.scratch.setdefault("target_rules", {})[name] = (rule, span)
        f.put("targets", name, span, rule=rule)


_LABOR_TYPES = frozenset(("strike", "picket", "walkout"))


def _fallback_targets(f: Filling) -> list[tuple[str, Span, str]]:
    """An event (no counter-protest) with no addressee of its own: the first of the enforcement
    agency, the police of its place, the other side of its dispute, the far-right party, the
    government behind bad governance, the election body behind a rigged election."""
    doc, text = f.doc, f.doc.text
    if doc.lang in ("en", "es"):
        agency = _enforcement_agency(f)
        if agency is not None:
            return [agency]
    if doc.lang != "en":
        return []
    found = _police_force(f) or _counterpart_targets(f)
    if found:
        return found
    from protestdb.extract.targets_frames import election_body, opposed_party

    party = opposed_party(text)
    if party is not None:  # "anti-far-right protests": the far-right party the article names
        f.scratch["target_names"].add(party[2].lower())
        return [(party[2], party, "targets.opposed_party")]
    found = _governance_government(f)
    body = election_body(text, _own_spans(f)) if not found and f.ev.country not in (None, "US") else None
    if body is not None:  # "protests against the alleged rigging": the election body named
        found = [(body[2], body, "targets.election_body")]
    if not found:
        from protestdb.extract.targets_frames import destination_legislature

        sp = destination_legislature(text, f.scopes)  # "marched to Parliament"
        if sp is not None:
            found = [(sp[2], sp, "targets.destination_legislature")]
    return found


def _site_owner_name(name: str) -> str:
    """A company's named site ("Acme's Falcon Assembly Plant"): the company (``owned_site_name``)."""
    from protestdb.extract.lexicons import load

    m = re.match(load("targets_en").get("owned_site_name", "(?!)"), name)
    return m.group("owner").strip() if m is not None else name


def _governor_of_bill(f: Filling, kept: list[tuple[str, Span, str]]) -> list[tuple[str, Span, str]]:
    """A protest against a state bill (the event's state legislature among its targets): the one
    governor the article tells behind the bill too (``targets_frames.governor_behind_bill``)."""
    from protestdb.extract.lexicons import load
    from protestdb.extract.targets_frames import governor_behind_bill

    leg = load("targets_en").get("legislatures", {}).get(f.ev.state or "")
    if leg is None or f.ev.country not in (None, "US") or not any(n == leg for n, _, _ in kept):
        return []
    sp = governor_behind_bill(f.doc.text, _own_spans(f))
    if sp is None or any(sp[2].split()[-1] in n for n, _, _ in kept) or not _of_state(f.doc.text, sp[0], f.ev.state):
        return []
    return [(sp[2], sp, "targets.governor_of_bill")]


def _of_state(text: str, at: int, state: str | None) -> bool:
    """Is the official told at ``at`` one of ``state``'s: his sentence names the state, or the
    article names no other US state?"""
    from protestdb.extract.targets import _state_name
    from protestdb.extract.targets_frames import states_named

    name = _state_name(state)
    if not name:
        return False
    lo = max(text.rfind(". ", 0, at), text.rfind("\n", 0, at)) + 1
    ends = [i for i in (text.find(". ", at), text.find("\n", at)) if i >= 0]
    if name in text[lo : min(ends) if ends else len(text)]:
        return True
    return states_named(text) <= {name}


def _own_spans(f: Filling) -> tuple[tuple[int, int], ...]:
    """The event's own sentences, the article's headline and the text told for the whole action."""
    from protestdb.extract.targets_shared import umbrella_scopes

    lay = f.doc.layout
    head = [(s.start, s.end) for s in lay.sentences if s.kind == "headline"] if lay is not None else []
    return (*f.scopes, *head, *umbrella_scopes(lay, f.drafts))


def _governance_government(f: Filling) -> list[tuple[str, Span, str]]:
    """A protest abroad the article tells as against bad governance: the government of the event's
    country (``targets_frames.governance_cause``, ``targets_shared.country_government``)."""
    from protestdb.extract.targets_frames import governance_cause
    from protestdb.extract.targets_shared import country_government

    name = country_government(f.ev.country) if f.ev.country not in (None, "US") else None
    sp = governance_cause(f.doc.text, _own_spans(f)) if name is not None else None
    if sp is None or name is None:
        return []
    f.scratch["target_names"].add(name.lower())
    return [(name, sp, "targets.governance_cause")]


def _counterpart_targets(f: Filling) -> list[tuple[str, Span, str]]:
    """No addressee of its own: the other side of a labor dispute told in its scopes, else a US
    state's own measure it protests (``targets_counterpart.py``)."""
    from protestdb.extract.targets import _state_name
    from protestdb.extract.targets_counterpart import congress_office, state_measure, talks_counterpart
    from protestdb.extract.targets_frames import site_owner_in

    ev = f.ev
    if _LABOR_TYPES & set(ev.event_type or ()) or "labor" in f.scope_issues():
        own = {o.name.lower() for o in f.orgs()} | {o.acronym.lower() for o in f.orgs() if o.acronym}
        sp = talks_counterpart(f.doc.text, f.scopes, own)
        if sp is not None:
            return [(sp[2], sp, "targets.dispute_counterpart")]
        sp = site_owner_in(f.doc.text, ev.locality) if ev.locality and _LABOR_TYPES & set(ev.event_type or ()) else None
        if sp is not None and sp[2].lower() not in own:
            return [(sp[2], sp, "targets.site_in_place")]
    if ev.state and (ev.country in (None, "US")):
        sp = state_measure(f.doc.text, f.scopes, _state_name(ev.state))
        if sp is not None:
            return [(sp[2], sp, "targets.state_measure")]
    if ev.state == "DC":
        sp = congress_office(f.doc.text, f.scopes)
        if sp is not None:
            return [(sp[2], sp, "targets.congress_office")]
    return []


def _told_already(name: str, others: list[str]) -> bool:
    """Is ``name`` written out a body another target names by its known short form ("U.S.
    Immigration and Customs Enforcement" beside "ICE")? The short form stays."""
    if " " not in name.strip():
        return False
    canon = next((c for c, pat in claims_mod.known_targets() if pat.fullmatch(name)), None)
    words = [w for w in re.findall(r"[\w’'-]+", re.sub(r"^(?:the\s+)?U\.?S\.?\s+", "", name)) if w[:1].isupper()]
    initials = "".join(w[0] for w in words)
    return any(o != name and (o == canon or (len(o) >= 2 and o.isupper() and o == initials)) for o in others)


def _kept_targets(f: Filling, tg: list[tuple[str, Span, str]], shared: bool = False) -> list[tuple[str, Span, str]]:
    """Candidates less kinds of people and unnamed bodies, bills as their legislature, the
    campus school (none of these: the targets told for the whole action), leader names
    cleaned and the people the whole report opposes."""
    kept = []
    for n, sp, rule in tg:
        if n.lower() in people_nouns():  # "Baristas": the protesters
            f.drop(f"target {n!r}", "targets.not_people", "a kind of people, the protesters")
        else:
            kept.append((n, sp, rule))
    kept = [x for x in kept if not _unnamed_body(f, x[0])]
    kept = _bills_to_legislatures(f, kept)
    campus = _campus_target(f) if not kept else None
    if campus is not None:
        kept.append(campus)
    if not kept and not shared:  # none of its own: those told for the whole action
        return _kept_targets(f, _whole_action_targets(f), shared=True)
    from protestdb.extract.targets_shared import named_government_first

    out = _leader_targets(f, kept)
    if shared and kept:  # told for the whole action, as are the people the report opposes
        told = {n.lower() for n, _, _ in out}
        out += [x for x in _leader_targets(f, []) if x[0].lower() not in told]
    return named_government_first(out, f.doc.text, f.ev.country)


@filler("targets_model")
def fill_targets_model(f: Filling) -> None:
    """The learned choice of the event's targets among the rules' and the parse's candidates
    (``targets_model.py``; ``config.targets_model``)."""
    if f.doc.config.targets_model in ("on", "collect"):
        from protestdb.extract.targets_model import apply

        apply(f)
    _one_leader_form(f)
    _one_front(f)


def _one_front(f: Filling) -> None:
    """The agency an action faces among its targets ("ICE"): the others of its front
    (``one_front``: its parent department, a sibling agency told in passing) go, unless the page
    tells one as the action's venue or a demand's addressee too (``one_front_keep_before``:
    "outside the Department of Homeland Security office", "demanding that Customs and Border
    Protection ..."). A target that is only the first words of another target goes too (a fragment:
    "Customs" of "Customs and Border Protection")."""
    from protestdb.extract.lexicons import load

    ev = f.ev
    lex = load("targets_en")
    keep_before = re.compile(lex.get("one_front_keep_before", r"(?!)"), re.IGNORECASE)
    pats = dict(claims_mod.known_targets())
    text = f.doc.text
    for group in lex.get("one_front", ()):
        if group[0] in (ev.targets or []):
            gone = [t for t in ev.targets if t in group[1:] and not _faced(text, pats.get(t), keep_before)]
            for name in gone:
                f.drop(f"target {name!r}", "targets.one_front", f"told beside {group[0]}, the agency the action faces")
            _drop_targets(ev, gone, pats)
    frags = [t for t in ev.targets or [] if any(o != t and o.startswith(t + " ") and _only_inside(text, t, o)
                                                for o in ev.targets)]
    for name in frags:
        f.drop(f"target {name!r}", "targets.fragment", "the first words of another target")
    _drop_targets(ev, frags, {g: re.compile(rf"^\s*{re.escape(g)}\s*$") for g in frags})  # its own quote only


def _faced(text: str, pat: re.Pattern[str] | None, keep_before: re.Pattern[str]) -> bool:
    """Is an agency (its pattern) told as the venue or a demand's addressee somewhere on the page?"""
    return pat is not None and any(keep_before.search(text[max(0, m.start() - 40):m.start()])
                                   for m in pat.finditer(text))


def _only_inside(text: str, short: str, long: str) -> bool:
    """Is every mention of ``short`` a part of a mention of ``long`` (which starts with it)?"""
    n_short = len(re.findall(rf"\b{re.escape(short)}\b", text))
    return n_short > 0 and n_short <= len(re.findall(rf"\b{re.escape(long)}\b", text))


def _drop_targets(ev: Any, gone: list[str], pats: dict[str, re.Pattern[str]]) -> None:
    """Remove ``gone`` from the event's targets and their evidence (its known spellings ``pats``, else
    its name; when some evidence stays)."""
    if not gone:
        return
    ev.targets = [t for t in ev.targets if t not in gone]
    told = [pats.get(g) or re.compile(rf"\b{re.escape(g)}\b") for g in gone]
    keep = [e for e in ev.evidence.get("targets") or [] if not any(p.search(e.quote) for p in told)]
    if keep:
        ev.evidence["targets"] = keep


def _text_after(text: str, span: object) -> str:
    """The words right after a target's span (none when the span is not an offset pair)."""
    if isinstance(span, tuple) and len(span) >= 2 and isinstance(span[1], int):
        return text[span[1] : span[1] + 40]
    return ""


#: a body a leader heads ("the Harlow administration", "the government"): how a target names it
_BODY_WORD = re.compile(r"\b(?:administration|government|regime|cabinet)\b", re.IGNORECASE)


def _one_leader_form(f: Filling) -> None:
    """A leader and the government he leads both targets: the form the report tells more
    (``leaders.one_leader_form``), with its evidence."""
    from protestdb.extract.leaders import one_leader_form

    ev = f.ev
    if len(ev.targets or []) < 2:
        return
    drop = one_leader_form(list(ev.targets), f.doc.text, f.doc.lang)
    for name in drop:
        f.drop(f"target {name!r}", "targets.one_leader_form", "the leader's other form is told more")
    if drop:
        ev.targets = [t for t in ev.targets if t not in drop]

        def told_dropped(quote: str) -> bool:  # the evidence of a dropped form: its surname, body word or none
            return any(n.split()[-1 if not _BODY_WORD.search(n) else 0] in quote and bool(_BODY_WORD.search(quote)) == bool(_BODY_WORD.search(n))
                       for n in drop)

        keep = [e for e in ev.evidence.get("targets") or [] if not told_dropped(e.quote)]
        if keep:
            ev.evidence["targets"] = keep
    _leader_over_government(f)


def _leader_over_government(f: Filling) -> None:
    """A head of government and his country's government both targets ("President Dana Reyes",
    "Kenyan government"): the leader stays (``leaders.leader_over_government``), and the
    government's evidence goes when some other stays."""
    from protestdb.extract.leaders import leader_over_government
    from protestdb.extract.targets_shared import country_government

    ev = f.ev
    drop = leader_over_government(list(ev.targets), f.doc.text, country_government(ev.country), f.doc.lang)
    if not drop:
        return
    for name in drop:
        f.drop(f"target {name!r}", "targets.leader_over_government", "the leader heading this government is a target")
    ev.targets = [t for t in ev.targets if t not in drop]
    gone = [re.compile(rf"(?<![\w-]){re.escape(g)}\b", re.IGNORECASE) for g in drop]
    # a staying target told in the quote: a body by its whole name, a person by the surname
    kept = [re.compile(rf"(?<![\w-]){re.escape(t if _BODY_WORD.search(t) else t.split()[-1])}(?![\w-])") for t in ev.targets]
    keep = [e for e in ev.evidence.get("targets") or []
            if not any(g.search(e.quote) for g in gone) or any(k.search(e.quote) for k in kept)]
    if keep:
        ev.evidence["targets"] = keep


@filler("organizations")
def fill_organizations(f: Filling) -> None:
    """The event's organizations, less those inside a place name and those that are targets."""
    place_spans = [(p.start, p.end) for p in f.doc.places]
    target_names = f.scratch.get("target_names", set())
    why = f.scratch.get("orgs_why", {})
    kept, drops = [], {}
    for o in f.orgs():
        if any(pa <= o.spans[0][0] and o.spans[0][0] + len(o.name) <= pb for pa, pb in place_spans):
            f.drop(f"organization {o.name!r}", "organizations.inside_place", "part of a place name")
            drops[id(o)] = "inside_place"
            continue
        if o.name.lower() in target_names or (o.acronym and o.acronym.lower() in target_names):
            f.drop(f"organization {o.name!r}", "organizations.is_target", "the action's target")
            drops[id(o)] = "is_target"
            continue
        kept.append(o)
    if f.doc.config.orgs_model != "off":
        from protestdb.extract.orgs_model import select

        chosen = select(f, kept, drops, why)
        if chosen is not None:  # the learned selector's choice ("on")
            for c in chosen:
                f.put("organizations", c.name, *c.spans, rule="organizations.model", note=f"score {c.score:.2f}")
            return
    for o in kept:
        f.put("organizations", o.name, *o.spans, rule=why.get(id(o), "organizations.in_event_scope"))


@filler("participants")
def fill_participants(f: Filling) -> None:
    """Kinds of people taking part ("students", "custodial workers"), never inside a name."""
    org_spans = [sp for o in f.orgs() for sp in o.spans]
    art_spans = [sp for o in article_orgs(f.doc) for sp in o.spans]  # "Students for Safe Schools" anywhere
    for name, span in people.find_participants(f.doc.text, f.scopes, org_spans + _org_and_venue_spans(f) + art_spans):
        f.put("participants", name, span, rule="participants.people_nouns")


@filler("notables")
def fill_notables(f: Filling) -> None:
    """Public figures present: a titled person's full name where a presence verb is told."""
    for name, span in people.find_notables(f.doc.text, f.scopes, f.doc.doc):
        f.put("notables", name, span, rule="notables.titled_person_present")


@filler("claims_verbatim")
def fill_claims_verbatim(f: Filling) -> None:
    """Chants and signs quoted in the event's scopes."""
    for q in claims_mod.claims_verbatim(f.doc.text, f.scopes):
        f.put("claims_verbatim", q[2], q, rule="claims.chant_or_sign")


@filler("claims_summary")
def fill_claims_summary(f: Filling) -> None:
    """"for ...", "against ...", "in solidarity with ..." phrases of the event's segments."""
    scopes = f.seg_scopes if f.draft.key != NATIONAL else f.scopes
    for val, span in claims_mod.claims_summary(f.doc.text, scopes):
        if _inside_name(f, span[0]):
            f.drop(f"claim {val!r}", "claims.inside_name", "read from inside an organization's name")
            continue  # "Mothers for Peace": a claim is never read from inside a name
        f.put("claims_summary", val, span, rule="claims.summary_phrase")


def _inside_longer_name(f: Filling, sp: Span) -> bool:
    """Is the span inside a longer organization name of the article?"""
    return any(a <= sp[0] and sp[1] <= b and b - a > sp[1] - sp[0] for o in article_orgs(f.doc) for a, b, _ in o.spans)


def _inside_name(f: Filling, pos: int) -> bool:
    return any(a < pos < b for o in article_orgs(f.doc) for a, b, _ in o.spans)


@filler("issues")
def fill_issues(f: Filling) -> None:
    """Issue keywords of the event's scopes; with several, the event's own claims and action
    words decide; with none of its own and no claims, the article's dominant issue."""
    text, ev = f.doc.text, f.ev
    iss = f.scope_issues()
    rule = "issues.keywords_in_scope"
    claim_spans = [(x.start, x.end) for x in ev.evidence.get("claims_summary", [])]
    if len(iss) > 1 and claim_spans:
        # "in support of transgender students" at a school board meeting is lgbtq, not
        # education; so do the action's own words ("walked out of class", "teachers rallied")
        near = [(max(0, t.start - 30), min(len(text), t.end + 30)) for t in f.draft.triggers]
        own = issues_mod.find_issues(text, claim_spans, f.doc.lang)
        if own:
            own.update({k: v for k, v in issues_mod.find_issues(text, near, f.doc.lang).items() if k in iss and k not in own})
            for k in iss:
                if k not in own:
                    f.drop(f"issue {k!r}", "issues.claims_decide", "not among the issues of the event's own claims")
            iss = {k: v for k, v in iss.items() if k in own}
            rule = "issues.claims_decide"
    for name, span in iss.items():
        f.put("issues", name, span, rule=rule)
    ai = f.doc.article_issue
    if ai is not None and ai[0] not in iss and not ev.claims_summary:
        f.put("issues", ai[0], ai[1], rule="issues.article_dominant")


@filler("valence")
def fill_valence(f: Filling) -> None:
    """Left or right leaning cues of the event's scopes, else of the article when it has issues."""
    text = f.doc.text
    val, rule = issues_mod.find_valence(text, f.scopes, f.doc.lang), "valence.cues_in_scope"
    if val is None and f.ev.issues:
        if "valence" not in f.doc.memo:
            f.doc.memo["valence"] = issues_mod.find_valence(text, [(0, len(text))], f.doc.lang)
        val, rule = f.doc.memo["valence"], "valence.cues_in_article"
    if val is not None:
        f.put("valence", val[0], val[1], rule=rule)


@filler("title")
def fill_title(f: Filling) -> None:
    """The article's named action ("A Day Without Immigrants"); its types when none else."""
    title = f.doc.title
    if title is None:
        return
    f.put("title", title[0], title[2], rule="title.named_action")
    if not f.ev.event_type and title[1]:
        f.put("event_type", list(title[1]), title[2], rule="type.from_named_action")


def fillers(names: tuple[str, ...]) -> list[tuple[str, Filler]]:
    missing = [n for n in names if n not in FILLERS]
    if missing:
        raise KeyError(f"unknown filler in the extraction configuration: {', '.join(missing)}")
    return [(n, FILLERS[n]) for n in names]


def fill_event(doc: ExtractDoc, d: Draft, index: int, geocode: bool) -> tuple[EventMention, FieldTrace]:
    """The event mention of draft ``d`` with its trace."""
    f = Filling(doc, d, doc.drafts, EventMention(index=index), geocode, context_scopes(doc, d, doc.drafts), list(d.segments))
    for _name, fn in fillers(doc.config.fillers):
        fn(f)
    return f.ev, f.trace
