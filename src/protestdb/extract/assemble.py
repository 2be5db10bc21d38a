"""Splitting an article into event mentions (one action, one locality, one day) and filling
their fields with evidence."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from protestdb.extract import claims as claims_mod
from protestdb.extract import furniture, leaders, people, places, roundups, types
from protestdb.extract import issues as issues_mod
from protestdb.extract.detect import PLACELESS_TYPES, Trigger
from protestdb.extract.lexicons import any_rx, load, load_lang
from protestdb.extract.orgs import find_orgs
from protestdb.extract.places import Place
from protestdb.extract.segment import Layout
from protestdb.models import EventMention

Span = tuple[int, int, str]
NATIONAL = "__national__"
UNLOCATED = "__unlocated__"


@dataclass
class Draft:
    key: str  # city key, NATIONAL, UNLOCATED or "state:XX"
    place: Place | None = None
    state_place: Place | None = None
    counter: bool = False
    announced: bool = False
    triggers: list[Trigger] = field(default_factory=list)
    segments: list[tuple[int, int]] = field(default_factory=list)  # where its triggers are told
    paras: set[int] = field(default_factory=set)
    venues: list[Place] = field(default_factory=list)
    last_para: int = 0

    def venue_keys(self) -> set[str]:
        return {v.quote.lower() for v in self.venues if v.kind == "venue"}


@dataclass
class Context:
    text: str
    layout: Layout
    lang: str
    published: date | None
    doc: Any
    triggers: list[Trigger]
    places: list[Place]
    dates: list[Any]
    sizes: list[Any]
    counts: list[Any]
    orgs: list[Any] | None = None
    all_scopes: list[tuple[int, int]] | None = None
    count_owners: dict[int, dict[str, Any]] | None = None


def _body(layout: Layout, si: int) -> bool:
    return layout.sentences[si].kind == "body"


def build_drafts(ctx: Context) -> list[Draft]:
    text, layout = ctx.text, ctx.layout
    by_sent: dict[int, list[Trigger]] = {}
    for t in ctx.triggers:
        if not t.weak and _body(layout, t.sent):
            by_sent.setdefault(t.sent, []).append(t)
    dl_city, dl_state = places.dateline_place(layout, ctx.places)
    if dl_city is not None:  # the gazetteer's reading of the dateline knows its state
        dl_city = next((p for p in ctx.places if p.start == dl_city.start and p.city_key), dl_city)
    ctx.places = places.sub_places(text, ctx.places, dl_city, ctx.lang)
    places_by_sent: dict[int, list[Place]] = {}
    others = _non_event_places(text, ctx.places)
    for p in ctx.places:
        si = layout.sentence_at(p.start)
        if _body(layout, si) and id(p) not in others and not _context_place(ctx, p, si, by_sent.get(si, [])):
            places_by_sent.setdefault(si, []).append(p)
    national_sents = {t.sent for t in ctx.triggers if t.national}
    national_paras = {layout.sentences[s].para for s in national_sents}
    drafts: list[Draft] = []
    current: Draft | None = None

    def get(key: str, place: Place | None, para: int, counter: bool, announced: bool, venues: list[Place]) -> Draft:
        vk = {v.quote.lower() for v in venues if v.kind == "venue"}
        for d in reversed(drafts):
            if d.key != key or d.counter != counter or d.announced != announced:
                continue
            if para in d.paras or not vk or not d.venue_keys() or vk & d.venue_keys():
                return d
        d = Draft(key, place, counter=counter, announced=announced)
        drafts.append(d)
        return d

    def attach(d: Draft, trigs: list[Trigger], seg: tuple[int, int], para: int, venues: list[Place], state_place: Place | None) -> None:
        d.triggers.extend(trigs)
        if seg not in d.segments:
            d.segments.append(seg)
        d.paras.add(para)
        d.last_para = para
        for v in venues:
            if text[v.start - 1 : v.start] == "(":
                continue  # "University of Southern California (USC)": the acronym repeats the venue
            if v.quote.lower() not in {x.quote.lower() for x in d.venues}:
                d.venues.append(v)
        if d.state_place is None and state_place is not None:
            d.state_place = state_place

    for si in sorted(by_sent):
        s = layout.sentences[si]
        trigs = by_sent[si]
        para = s.para
        sp = places_by_sent.get(si, [])
        cities: list[Place] = []
        explicit = [p for p in sp if p.kind == "city"]
        explicit = sorted(explicit + roundups.listed_venues(text, sp), key=lambda p: p.start)  # issue 9: campus lists
        for p in explicit or sp:
            if p.city_key and p.city_key not in {c.city_key for c in cities}:
                cities.append(p)
        venues = [p for p in sp if p.kind in ("venue", "neighborhood")]
        venues += [v for v in places.find_venues(text, s.start, s.end, ctx.lang) if not any(p.start <= v.start < p.end or v.start <= p.start < v.end for p in sp)]
        states = [p for p in sp if p.kind == "state"]
        announced = all(t.announced for t in trigs)
        groups: list[tuple[str, Place | None, list[Trigger], tuple[int, int], list[Place]]] = []
        if (
            current is not None
            and current.key != NATIONAL
            and all(t.quoted or t.anaphoric for t in trigs)
            and not any(c.city_key != current.key and _locative(text, c) for c in cities)
        ):
            # "The rally was organized by ...", a quote: the action being told, not a new one
            # a back-reference tells the action being told, whatever its own tense ("Saturday's
            # rally is being organized by ..." after the announcement)
            d = current
            if current.announced != announced and ctx_date_in(ctx, s.start, s.end):
                # "Thursday's rally is scheduled for noon": the announced follow-up, told with its day
                d = get(current.key, current.place, para, current.counter, announced, [])
                if d.place is None:
                    d.place = current.place
            attach(d, trigs, (s.start, s.end), para, venues if d is not current or not current.venues else [], None)
            current = d
            continue
        if (
            current is not None
            and current.key == NATIONAL
            and not cities
            and para - current.last_para <= 1
            and any(t.type in {x.type for x in current.triggers} for t in trigs)
            and not ctx_date_in(ctx, s.start, s.end)
        ):
            # the same nationwide action re-described ("The group asked people not to buy ...")
            attach(current, [t for t in trigs if t.type in {x.type for x in current.triggers}], (s.start, s.end), para, [], None)
            continue
        if len(cities) >= 2 and not all(c.kind != "city" for c in cities):
            prev = s.start
            for i, c in enumerate(cities):
                # each city's segment ends at the last clause break before the next city ("25,000
                # on the Common, while police in Providence counted 3,000"), else at the city
                seg_end = s.end
                if i < len(cities) - 1:
                    breaks = [m.start() for m in _CLAUSE_BREAK.finditer(text, c.end, cities[i + 1].start)]
                    seg_end = breaks[-1] if breaks else roundups.item_end(text, c.end, cities[i + 1].start, ctx.lang)
                seg_trigs = [t for t in trigs if prev <= t.start < seg_end] or trigs
                seg_venues = [v for v in venues if prev <= v.start < seg_end]
                groups.append((c.city_key or UNLOCATED, c, seg_trigs, (prev, seg_end), seg_venues))
                prev = seg_end
        elif cities:
            groups.append((cities[0].city_key or UNLOCATED, cities[0], trigs, (s.start, s.end), venues))
        else:
            national = any(t.national for t in trigs)
            placeless = [t for t in trigs if t.type in PLACELESS_TYPES]
            para_city = next(
                (p for sj in layout.para_sentences(para) for p in places_by_sent.get(sj, []) if p.city_key), None
            )
            if para_city is not None:
                groups.append((para_city.city_key or UNLOCATED, para_city, trigs, (s.start, s.end), venues))
            elif placeless and (national or current is None or para - 1 in national_paras or para in national_paras):
                groups.append((NATIONAL, None, placeless, (s.start, s.end), []))
            elif national:
                continue  # an umbrella sentence ("protests took place across the country")
            elif (
                current is not None
                and current.key != NATIONAL
                and not current.counter
                and any(t.type == "counter-protest" and not t.quoted for t in trigs)
            ):
                # "a smaller group of counter-protesters gathered across the street": their
                # own event, at the place of the action they answer
                groups.append((current.key, current.place, trigs, (s.start, s.end), []))
            elif current is not None and current.key != NATIONAL and para - current.last_para <= 2:
                if current.counter:
                    # after a counter-protest, a sentence without one tells the main action again
                    current = next((o for o in reversed(drafts) if o.key == current.key and not o.counter), current)
                d = current if current.announced == announced else get(current.key, current.place, para, current.counter, announced, [])
                attach(d, trigs, (s.start, s.end), para, venues, None)
                if d.place is None:
                    d.place = current.place
                current = d
                continue
            elif dl_city is not None:
                groups.append((dl_city.city_key or UNLOCATED, dl_city, trigs, (s.start, s.end), venues))
            elif states:
                groups.append((f"state:{states[0].state}", None, trigs, (s.start, s.end), venues))
            else:
                groups.append((UNLOCATED, None, trigs, (s.start, s.end), venues))
        for key, place, gtrigs, seg, gvenues in groups:
            counter = [t for t in gtrigs if t.type == "counter-protest"]
            main = [t for t in gtrigs if t.type != "counter-protest"]
            if counter:
                cseg = _clause(text, seg, counter[0])
                in_clause = [t for t in main if cseg[0] <= t.start < cseg[1]]
                main = [t for t in main if t not in in_clause]
                if not main:
                    cseg = seg  # the sentence tells only the counter-protest: all of it is theirs
                d = get(key, place, para, True, announced, [])
                attach(d, counter + in_clause, cseg, para, [], None)
                if d.place is None and place is not None:
                    d.place = place
                current = d
                if not main:
                    continue
            st = next((p for p in states if p.start >= seg[0] and p.end <= seg[1] + 20), None) or (states[0] if states else None)
            if st is None and place is not None and dl_state is not None and dl_city is not None and place.city_key == dl_city.city_key:
                st = dl_state
            d = get(key, place, para, False, announced, gvenues)
            attach(d, main, seg, para, gvenues, st)
            if d.place is None and place is not None:
                d.place = place
            current = d
    if dl_city is not None:
        for d in drafts:
            if d.key == dl_city.city_key and d.state_place is None and dl_state is not None:
                d.state_place = dl_state
    drafts = [d for d in drafts if d.triggers]
    if any(d.place is not None for d in drafts):
        # with located events in the article, a place-less mention is an umbrella statement
        # ("students and workers have mobilized waves of protest") or a detail of one of them
        # (round 3: also with a venue -- venue-only events hurt dev, examples and held-out)
        drafts = [d for d in drafts if d.key != UNLOCATED]
    elif any(d.key == NATIONAL for d in drafts):
        # beside a nationwide action, a place-less call ("has called for further boycotts")
        # is the campaign's talk, not an action of its own
        drafts = [d for d in drafts if d.key != UNLOCATED or d.venues]
    return drafts


_CLAUSE_BREAK = re.compile(r";|,\s*(?:and|while|whereas|but|as)\b|\.\s")


def ctx_date_in(ctx: Context, start: int, end: int) -> list[Any]:
    """Dates told in ``text[start:end]`` (with a value and a known precision)."""
    return [m for m in ctx.dates if start <= m.start < end and (m.value or m.future_value) and m.precision != "unknown"]


_LOCATIVE = None
_NOT_SITE = None


def _non_event_places(text: str, places_: list[Place]) -> set[int]:
    """Ids of the places told as something else than where an action happens: origins and
    destinations ("buses brought members from Chicago, Rockford and Peoria", "would return
    to Springfield"), comparisons ("more than in Boston"). A place listed right after
    another ("in Dallas, Houston and San Antonio") shares its role."""
    import re

    global _NOT_SITE
    if _NOT_SITE is None:
        _NOT_SITE = re.compile(r"\b(?:from|to|toward|towards|into|for|of|with|than|between|via|until|outside of|(?:north|south|east|west|northeast|northwest|southeast|southwest) of|al (?:norte|sur|este|oeste|noreste|noroeste|sureste|suroeste) de|cerca de)\s+(?:the\s+)?(?:city of\s+)?$", re.IGNORECASE)
    out: set[int] = set()
    prev: Place | None = None
    prev_other = False
    for p in sorted(places_, key=lambda p: p.start):
        if p.kind not in ("city", "neighborhood"):
            if p.kind == "state" and prev is not None and text[prev.end : p.start].strip(" ,") == "":
                prev = p  # "Springfield, Ill., and Peoria": the state belongs to the list item
            continue
        gap = text[prev.end : p.start] if prev is not None else None
        if gap is not None and re.fullmatch(r"\s*(?:,|,?\s*and|,?\s*or)\s*", gap):
            other = prev_other
        else:
            before = text[max(0, p.start - 30) : p.start]
            other = bool(_NOT_SITE.search(before)) and not re.search(
                r"\b(?:neighbou?rhood|district|section|borough|city|town|village|suburb|community|area|streets|residents|inhabitants|villagers|township) of\s+$", before, re.IGNORECASE
            ) and not re.search(r"\b(?:scheduled|slated|planned|set|called) for\s+$", before, re.IGNORECASE)
        if other:
            out.add(id(p))
        prev, prev_other = p, other
    return out


_VERBAL = frozenset(("VERB", "AUX"))
_ORGANIZING = frozenset(("organize", "organise", "lead", "host", "sponsor", "stage", "call", "hold", "plan", "coordinate", "convene"))


def _context_place(ctx: Context, p: Place, si: int, trigs: list[Trigger]) -> bool:
    """Is the place told as context, not as where an action happens? A place in quoted
    speech ("We are asking the adults in Madison ..."), or one whose clause tells no action of
    the sentence: "The protests came as lawmakers in Austin debated a bill", "nurses, many of
    whom live in Gary, walked out" (the place's governing verb has no trigger below it). A
    place attached to a trigger word ("a rally in Austin", "Austin's march") or to the verb of
    one is the action's own; a dateline is always the lead's."""
    if p.kind not in ("city", "neighborhood"):
        return False
    text, layout = ctx.text, ctx.layout
    sent = layout.sentences[si]
    if not text[sent.start : p.start].strip():
        return False  # "DENVER —", "Denver, Colo. —"
    ps = layout.paragraphs[sent.para][0]
    from protestdb.extract.detect import _in_quote

    if _in_quote(text, ps, p.start):
        return True
    if places.listed_with_action(text, p.start):
        return False  # "protests in many cities, including in Los Angeles" (issue 9)
    if ctx.doc is None or not trigs or any(t.crowd for t in trigs):
        return False  # a roundup's crowd sentence: each of its places tells a crowd
    span = ctx.doc.char_span(p.start, p.end, alignment_mode="expand")
    if span is None or not len(span):
        return False
    tstarts = [t.start for t in trigs]

    def is_trigger(tok: Any) -> bool:
        return any(t.start <= tok.idx < t.end or tok.idx <= t.start < tok.idx + len(tok) for t in trigs)

    tok = span.root
    for _ in range(12):
        if is_trigger(tok):
            return False
        if tok.pos_ in _VERBAL and tok.dep_ not in ("amod", "compound") and not (
            tok.dep_ == "acl" and tok.lemma_.lower() in _ORGANIZING
        ):
            break  # ("a vigil organized by X at Y Park in Tempe": the organizing verb tells the vigil)
        if tok.head is tok:
            break
        tok = tok.head
    lo = tok.left_edge.idx
    hi = tok.right_edge.idx + len(tok.right_edge)
    return not any(lo <= ts < hi for ts in tstarts)


def _locative(text: str, p: Place) -> bool:
    """Is the place told as where something happens ("in Denver", "outside Tacoma's city hall",
    "DENVER —", "Denver, Colo.")?"""
    import re

    global _LOCATIVE
    if _LOCATIVE is None:
        _LOCATIVE = re.compile(
            r"(?:\b(?:in|at|near|outside|across|throughout|around|inside|on|in front of|outside of)\s+"
            r"(?:downtown\s+|the city of\s+|the\s+|an?\s+)?|^\s*)$",
            re.IGNORECASE,
        )
    return bool(_LOCATIVE.search(text[max(0, p.start - 25) : p.start]))


def _clause(text: str, seg: tuple[int, int], t: Trigger) -> tuple[int, int]:
    """The clause of ``seg`` around trigger ``t`` (between , ; while as but)."""
    import re

    bounds = [seg[0]] + [m.end() for m in re.finditer(r"[,;—–]|\b(?:while|as|but|whereas|in the face of|outnumbered by|met by|confronted by)\b", text[seg[0] : seg[1]])]
    bounds = [b + seg[0] if i else b for i, b in enumerate(bounds)] + [seg[1]]
    start = max(b for b in bounds if b <= t.start)
    end = min((b for b in bounds if b > t.end), default=seg[1])
    return start, end


def _context_scopes(ctx: Context, d: Draft, drafts: list[Draft]) -> list[tuple[int, int]]:
    """The draft's segments, plus the other body sentences of its paragraphs when no other
    draft is told in them."""
    scopes = list(d.segments)
    for para in d.paras:
        if any(para in o.paras for o in drafts if o is not d):
            continue
        for si in ctx.layout.para_sentences(para):
            s = ctx.layout.sentences[si]
            if s.kind == "body" and not any(a <= s.start < b for a, b in scopes):
                scopes.append((s.start, s.end))
    return sorted(scopes)


def _article_orgs(ctx: Context) -> list[Any]:
    """Organizations named anywhere in the body and headline of the article (cached)."""
    if ctx.orgs is None:
        paras = sorted({x.para for x in ctx.layout.sentences if x.kind in ("body", "headline")})
        rng = [ctx.layout.paragraphs[p] for p in paras]
        ctx.orgs = find_orgs(ctx.text, rng, ctx.doc)
    return ctx.orgs


def _event_orgs(ctx: Context, d: Draft, drafts: list[Draft], scopes: list[tuple[int, int]]) -> list[Any]:
    """The organizations named where the event is told, plus those named outside every
    event ("The events were organized by X and Y", "a day of action called by X"): those
    speak for all the article's events (not for counter-protests)."""
    if ctx.all_scopes is None:
        ctx.all_scopes = [sc for o in drafts for sc in _context_scopes(ctx, o, drafts)]
    all_scopes = ctx.all_scopes
    told = {p for o in drafts for p in o.paras}
    layout = ctx.layout
    out = []
    for org in _article_orgs(ctx):
        spans = [(a, b) for a, b, _ in org.spans]
        if any(_in(scopes, a, b) for a, b in spans):
            out.append(org)
            continue
        if d.counter or any(_in(all_scopes, a, b) for a, b in spans):
            continue
        paras = {layout.sentences[layout.sentence_at(a)].para for a, _ in spans}
        if not paras & told:
            out.append(org)  # an umbrella paragraph: speaks for every event
        elif d.paras & paras and not any(o is not d and o.paras & paras and not o.counter for o in drafts):
            out.append(org)  # the event's own paragraph
    if not out and not d.counter:
        # an announced follow-up of an action at the same place: its organizers
        for o in drafts:
            if o is not d and o.key == d.key and not o.counter and d.key not in (NATIONAL, UNLOCATED):
                out.extend(x for x in _event_orgs(ctx, o, [o], _context_scopes(ctx, o, drafts)) if x not in out)
                break
    return out


def _gap(m: Any, t: Trigger) -> int:
    """Characters between a date mention and a trigger (dates after the trigger count 1.5x)."""
    if m.end <= t.start:
        return t.start - m.end
    if m.start >= t.end:
        return int((m.start - t.end) * 1.5)
    return 0


def _in(scopes: list[tuple[int, int]], start: int, end: int) -> bool:
    return any(a <= start and end <= b for a, b in scopes)


def relative_lead(dm: Any) -> bool:
    """A day told in the running text ("Tuesday", "on March 3"), not a byline stamp."""
    return bool(getattr(dm, "relative", False)) or not re.fullmatch(r"[A-Z][a-z]+\.? \d{1,2}, \d{4}", dm.quote)


def anchor_date(ctx: Context) -> Any | None:
    """The article's main date: the first day-precise date told with a protest word, else
    the first told in the lead paragraph, else one in a byline/headline."""
    layout = ctx.layout
    trig_sents = {t.sent for t in ctx.triggers if not t.background}
    cands = [dm for dm in ctx.dates if dm.value is not None and dm.precision == "day"]
    if ctx.published is not None:
        cands = [dm for dm in cands if (ctx.published - dm.value).days in range(0, 15)]
    for dm in cands:
        si = layout.sentence_at(dm.start)
        if si in trig_sents and layout.sentences[si].kind in ("body", "headline"):
            return dm
    # the lead paragraph tells when ("... were arrested Tuesday after they sat down ...")
    lead = next((s.para for s in layout.sentences if s.kind == "body"), None)
    for dm in cands:
        if relative_lead(dm) and layout.sentences[layout.sentence_at(dm.start)].para == lead:
            return dm
    for dm in cands:
        if layout.sentences[layout.sentence_at(dm.start)].kind in ("byline", "headline"):
            return dm
    return cands[0] if cands else None


def to_mention(ctx: Context, d: Draft, drafts: list[Draft], index: int, anchor: Any, title: tuple | None,
               article_issue: tuple[str, Span] | None, geocode: bool) -> EventMention:
    text = ctx.text
    ev = EventMention(index=index)

    def put(field_name: str, value: Any, *spans: Span) -> None:
        if value is None or value == [] or value == "":
            return
        cur = getattr(ev, field_name)
        if isinstance(cur, list):
            vals = value if isinstance(value, list) else [value]
            for v in vals:
                if v not in cur:
                    cur.append(v)
        else:
            setattr(ev, field_name, value)
        for a, b, q in spans:
            ev.add_evidence(field_name, a, b, q)

    scopes = _context_scopes(ctx, d, drafts)
    seg_scopes = list(d.segments)
    # types
    typ_list = types.normalize_types([t.type for t in sorted(d.triggers, key=lambda t: t.start)])
    for t in sorted(d.triggers, key=lambda t: t.start):
        if t.type in typ_list:
            ev.add_evidence("event_type", t.start, t.end, t.quote)
    ev.event_type = typ_list
    if d.counter and "counter-protest" not in ev.event_type:
        ev.event_type.append("counter-protest")
    ev.announced_only = d.announced
    if d.announced:
        t0 = d.triggers[0]
        ev.add_evidence("announced_only", t0.start, t0.end, t0.quote)
    # place
    _fill_place(ctx, d, put, geocode)
    # date
    # the date told nearest to the action's words ("returned to work Monday after a strike that
    # ran from Jan. 31 to Feb. 2": the strike's dates)
    dcands = [m for m in ctx.dates if _in(seg_scopes, m.start, m.end) and (m.value or m.future_value) and m.precision != "unknown"]
    # a date inside the news window beats an older one told nearer ("gathered Sunday at the
    # corner where a man was shot last month, holding a vigil")
    from protestdb.extract.background import date_status

    fresh = [m for m in dcands if date_status(m, ctx.published, d.announced) == "in"]
    dcands = [m for m in fresh if m.precision == "day"] or fresh or dcands
    dm = min(dcands, key=lambda m: min(_gap(m, t) for t in d.triggers), default=None) if dcands else None
    if dm is None and not d.announced:
        dm = anchor
    if dm is None and d.announced:
        # an announcement told without its date takes the nearest future date of its
        # paragraph, else of the text ("plan to return Tuesday ... asking supporters to rally")
        fut = [m for m in ctx.dates if m.future_value is not None and m.precision == "day"
               and (ctx.published is None or m.future_value > ctx.published)]
        near = [m for m in fut if _in(scopes, m.start, m.end)] or fut
        dm = min(near, key=lambda m: min(_gap(m, t) for t in d.triggers), default=None)
    if dm is not None:
        val = dm.future_value if d.announced and dm.future_value else dm.value
        if val is not None:
            put("date", val.isoformat(), (dm.start, dm.end, dm.quote))
            ev.date_precision = dm.precision if dm.precision in ("day", "week", "month") else "unknown"
            if dm.end_value is not None and dm.end_value != val:
                put("end_date", dm.end_value.isoformat(), (dm.start, dm.end, dm.quote))
    if ev.date is None and (dw := furniture.date_words(ctx.dates, seg_scopes or scopes)) is not None:
        ev.date_precision = "unknown"  # issue 9: no date anywhere: the words as evidence, never a guess
        ev.add_evidence("date_precision", dw.start, dw.end, dw.quote)
    # size
    sm = next((m for m in ctx.sizes if _in(seg_scopes, m.start, m.end) and _crowd(text, m)), None)
    if sm is None and not d.announced:
        # a crowd told in another sentence of the event's own paragraphs
        sm = next((m for m in ctx.sizes if _in(scopes, m.start, m.end) and _crowd(text, m)), None)
    if sm is not None:
        sp = (sm.start, sm.end, sm.quote)
        put("size_text", sm.quote, sp)
        put("size_low", sm.low, sp)
        put("size_high", sm.high, sp)
        low, high = sm.low, sm.high
        mean = (low + high) / 2 if low is not None and high is not None else (float(low) if low is not None else None)
        put("size_mean", mean, sp)
        from protestdb.extract.sizes import size_category

        put("size_cat", size_category(low) or None, sp)
    # counts (arrests / injuries), each told of the events of its scope
    if not d.announced:
        for c in counts_for(ctx, d, drafts):
            val = getattr(c, "value", None)
            if val is None:
                val = getattr(c, "low", None)
            put(c.kind, val, (c.start, c.end, c.quote))
    # who
    orgs = _event_orgs(ctx, d, drafts, scopes)
    place_spans = [(p.start, p.end) for p in ctx.places]
    org_spans = [(a, b, q) for o in orgs for (a, b, q) in o.spans]
    all_orgs = []
    if ctx.doc is not None:
        all_orgs = [(e.start_char, e.end_char, e.text) for e in ctx.doc.ents if e.label_ == "ORG"]
    all_orgs += [(p.start, p.end, p.quote) for p in ctx.places if p.kind == "venue"]
    tg = claims_mod.find_targets(text, scopes, all_orgs, {o.name.lower() for o in orgs}, place_spans)
    if ctx.lang == "en":
        from protestdb.extract.targets import find_parse_targets

        for n, sp in find_parse_targets(
            text, ctx.doc, scopes, state=ev.state, locality=ev.locality, published=ctx.published,
            exclude={o.name.lower() for o in orgs} | {o.acronym.lower() for o in orgs if o.acronym},
        ):
            low = n.lower()
            if any(low in h.lower() for h, _ in tg):
                continue
            # a fuller name replaces its part ("Lyle County" -> "Lyle County Sheriff's Office")
            tg = [(h, hs) for h, hs in tg if h.lower() not in low] + [(n, sp)]
        from protestdb.extract.targets import find_role_targets

        for n, sp in find_role_targets(
            text, ctx.doc, scopes, types=ev.event_type, state=ev.state, exclude={h.lower() for h, _ in tg},
        ):
            if not any(n.lower() in h.lower() or h.lower() in n.lower() for h, _ in tg):
                tg.append((n, sp))
    tg = [(n, sp) for n, sp in tg if n.lower() not in _people_nouns()]  # "Baristas": the protesters
    tg = leaders.with_article_targets(text, ctx.doc, tg, ctx.lang)  # issue 9: people the report opposes
    target_names = {n.lower() for n, _ in tg}
    for o in orgs:
        if any(pa <= o.spans[0][0] and o.spans[0][0] + len(o.name) <= pb for pa, pb in place_spans):
            continue
        if o.name.lower() in target_names or (o.acronym and o.acronym.lower() in target_names):
            continue
        put("organizations", o.name, *o.spans)
    if not tg and not d.counter and ctx.lang in ("en", "es"):
        # an immigration-enforcement protest with no other addressee: the enforcement agency
        # the article names ("vigil outside the detention center ... ICE said")
        ice = next((pat for canon, pat in claims_mod._known() if canon == "ICE"), None)
        m = ice.search(text) if ice is not None else None
        if m is not None and "immigration" in issues_mod.find_issues(text, scopes):
            tg.append(("ICE", (m.start(), m.end(), m.group())))
    for name, span in tg:
        if name in ("police", "City Council", "city council", "Police Department"):
            # a bare body told in the claims: the event's city's ("Portland City Council"); the
            # police are a target only of a protest about policing
            if not ev.locality or (name == "police" and "policing" not in issues_mod.find_issues(text, scopes)):
                continue
            name = f"{ev.locality} {'Police Department' if name == 'police' else 'City Council'}"
        put("targets", name, span)
    art_spans = [sp for o in _article_orgs(ctx) for sp in o.spans]  # "Students for Safe Schools" anywhere
    for name, span in people.find_participants(text, scopes, org_spans + all_orgs + art_spans):
        put("participants", name, span)
    for name, span in people.find_notables(text, scopes, ctx.doc):
        put("notables", name, span)
    del org_spans
    # claims
    for q in claims_mod.claims_verbatim(text, scopes):
        put("claims_verbatim", q[2], q)
    name_spans = [(a, b) for o in _article_orgs(ctx) for a, b, _ in o.spans]
    for val, span in claims_mod.claims_summary(text, seg_scopes if d.key != NATIONAL else scopes):
        if any(a < span[0] < b for a, b in name_spans):
            continue  # "Mothers for Peace": a claim is never read from inside a name
        put("claims_summary", val, span)
    # issues and valence
    iss = issues_mod.find_issues(text, scopes)
    claim_spans = [(x.start, x.end) for x in ev.evidence.get("claims_summary", [])]
    if len(iss) > 1 and claim_spans:
        # the event's own claims decide ("in support of transgender students" at a school
        # board meeting is lgbtq, not education)
        # ... and so do the action's own words ("walked out of class", "teachers rallied")
        near = [(max(0, t.start - 30), min(len(text), t.end + 30)) for t in d.triggers]
        own = issues_mod.find_issues(text, claim_spans)
        if own:
            own.update({k: v for k, v in issues_mod.find_issues(text, near).items() if k in iss and k not in own})
            iss = {k: v for k, v in iss.items() if k in own}
    for name, span in iss.items():
        put("issues", name, span)
    if article_issue is not None and article_issue[0] not in iss and not ev.claims_summary:
        put("issues", article_issue[0], article_issue[1])
    val = issues_mod.find_valence(text, scopes)
    if val is None and ev.issues:
        val = issues_mod.find_valence(text, [(0, len(text))])
    if val is not None:
        put("valence", val[0], val[1])
    # title
    if title is not None:
        put("title", title[0], title[2])
        if not ev.event_type and title[1]:
            put("event_type", list(title[1]), title[2])
    return ev


def _people_nouns() -> frozenset[str]:
    """Kinds of people (participants, workers): never targets."""
    global _PEOPLE
    if _PEOPLE is None:
        words = set(load("participants_en").get("nouns", ())) | set(load("targets_en").get("worker_nouns", ()))
        _PEOPLE = frozenset(w.lower() for w in words)
    return _PEOPLE


_PEOPLE: frozenset[str] | None = None
_ALL_EVENTS = re.compile(r"\b(?:other|any|all|either|none of|every|each)\b", re.IGNORECASE)


def _count_owners(ctx: Context, c: Any, drafts: list[Draft]) -> list[int]:
    """Indexes of the drafts an arrest/injury count speaks of: the events of the cities named
    in its sentence ("Chicago police said there were no arrests", "Police in all four cities
    reported no arrests"), else the event whose segment holds it, else the event whose
    paragraphs hold it; a count told outside every event speaks of the event told last
    before it, and a zero ("No arrests were reported at any of the events") of all of them."""
    layout = ctx.layout
    si = layout.sentence_at(c.start)
    sent = layout.sentences[si]
    live = [i for i, d in enumerate(drafts) if not d.announced]
    keys = {p.city_key for p in ctx.places if sent.start <= p.start < sent.end and p.city_key}
    named = [i for i in live if drafts[i].key in keys]
    if named:
        main = [i for i in named if not drafts[i].counter]
        return named if c.value == 0 else (main or named)[:1]
    if c.value == 0 and _ALL_EVENTS.search(ctx.text, sent.start, sent.end):
        return live  # "No other arrests were reported", "at any of the events"
    seg = [i for i in live if _in(drafts[i].segments, c.start, c.end)]
    if seg:
        return seg[:1]
    if c.value != 0 and any(not drafts[i].counter for i in live):
        live = [i for i in live if not drafts[i].counter]  # a count told apart: the main action's
    para = [i for i in live if sent.para in drafts[i].paras]
    if c.value == 0 and para and all(drafts[i].counter for i in para):
        # "No arrests were reported" after the counter-protest: the scene of both groups
        keys = {drafts[i].key for i in para}
        return [i for i in live if drafts[i].key in keys]
    if len(para) == 1:
        return para
    if para:
        before = [i for i in para if min(a for a, _ in drafts[i].segments) <= c.start]
        return before[-1:] if c.value != 0 else para
    if c.value == 0:
        return live
    before = [i for i in live if min(a for a, _ in drafts[i].segments) <= c.start]
    return before[-1:]


def counts_for(ctx: Context, d: Draft, drafts: list[Draft]) -> list[Any]:
    """The arrest/injury counts of draft ``d`` (one per kind; a specific count before a
    "no other arrests" zero)."""
    if ctx.count_owners is None:
        owners: dict[int, dict[str, Any]] = {}
        for c in sorted(ctx.counts, key=lambda c: (getattr(c, "value", None) == 0, c.start)):
            kind = getattr(c, "kind", None)
            if kind not in ("arrests", "injuries"):
                continue
            for i in _count_owners(ctx, c, drafts):
                owners.setdefault(i, {}).setdefault(kind, c)
        ctx.count_owners = owners
    idx = next((i for i, o in enumerate(drafts) if o is d), -1)
    return list(ctx.count_owners.get(idx, {}).values())


_NOT_CROWD = None


def _crowd(text: str, sm: Any) -> bool:
    """A size mention that counts people at the event (not deportations, arrests, money)."""
    global _NOT_CROWD
    if _NOT_CROWD is None:
        import re

        _NOT_CROWD = re.compile(
            r"\b(?:deport\w*|detain\w*|arrest\w*|kill\w*|injur\w*|cost\w*|rais\w*|spen[dt]\w*|fund\w*|cut\w*|"
            r"fir\w*|laid off|lay off|sign\w*|petition\w*|million|billion)\b|\$",
            re.IGNORECASE,
        )
    window = text[max(0, sm.start - 40) : sm.start] + " " + text[sm.end : sm.end + 25]
    return _NOT_CROWD.search(window) is None


def _fill_place(ctx: Context, d: Draft, put: Any, geocode: bool) -> None:
    text = ctx.text
    cues = load_lang("cues", ctx.lang)
    if d.key == NATIONAL:
        country = places.text_country(text) or cues.get("national_country") or next((p.country for p in ctx.places if p.country), None)
        if country:
            words = any_rx(tuple(cues["country_words"]))
            seg0 = d.segments[0][0]
            hits = list(words.finditer(text))
            if hits:
                m = min(hits, key=lambda m: abs(m.start() - seg0))
                put("country", country, (m.start(), m.end(), m.group()))
                put("geo_precision", "country", (m.start(), m.end(), m.group()))
        return
    p = d.place
    venue = next((v for v in d.venues if v.kind == "venue"), None)
    loc_words = [v for v in d.venues if v.kind in ("venue", "neighborhood")]
    if loc_words:
        put("location", ", ".join(v.quote for v in loc_words), *[(v.start, v.end, v.quote) for v in loc_words])
    if p is None and venue is None and d.state_place is None and not d.key.startswith("state:"):
        return
    state = (p.state if p else None) or (d.state_place.state if d.state_place else None)
    if d.key.startswith("state:") and not state:
        state = d.key.split(":", 1)[1]
    anchor_span = (p.start, p.end, p.quote) if p else ((venue.start, venue.end, venue.quote) if venue else None)
    state_span = (d.state_place.start, d.state_place.end, d.state_place.quote) if d.state_place else anchor_span
    gr = None
    if geocode:
        try:
            from protestdb.geo import geocode as geo_geocode

            ctx_states = sorted({pl.state for pl in ctx.places if pl.state})
            gr = geo_geocode(p.locality if p else None, state, places.place_country(text, p, state),
                             context_states=ctx_states, venue=venue.quote if venue else None)
        except Exception:  # noqa: BLE001 - an unresolvable place leaves the fields empty
            gr = None
    if gr is not None and anchor_span is not None:
        loc_span = anchor_span
        put("locality", gr.locality, loc_span)
        put("state", gr.state, state_span if state_span and gr.state == state else loc_span)
        put("country", gr.country, loc_span)
        for f in ("county", "fips_code", "lat", "lon", "geo_precision"):
            put(f, getattr(gr, f), loc_span)
        return
    if p is not None:
        put("locality", p.locality, (p.start, p.end, p.quote))
    if state and state_span is not None:
        put("state", state, state_span)
    country = (p.country if p else None) or ("US" if state else None)
    if country and anchor_span is not None:
        put("country", country, anchor_span)
    elif country and state_span is not None:
        put("country", country, state_span)
