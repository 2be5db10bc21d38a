"""Helpers shared by event drafting and the field fillers: where a place is told as the
action's site, an event's scopes (the text that speaks of it), its organizations, which
event an arrest count speaks of, the article's main date."""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

from protestdb.extract.detect import Trigger
from protestdb.extract.document import NATIONAL, UNLOCATED, Draft, ExtractDoc
from protestdb.extract.lexicons import any_rx, lang_entry, load, load_lang
from protestdb.extract.orgs import find_orgs
from protestdb.extract.places import Place, grievance_nouns, incident_name, listed_with_action, only_town
from protestdb.extract.spans import SpanIndex, in_quote

CLAUSE_BREAK = re.compile(r";|,\s*(?:and|while|whereas|but|as)\b|\.\s")


def dates_in(ctx: ExtractDoc, start: int, end: int) -> list[Any]:
    """Dates told in ``text[start:end]`` (with a value and a known precision)."""
    return [m for m in ctx.dates if start <= m.start < end and (m.value or m.future_value) and m.precision != "unknown"]


_LOCATIVE = None
_NOT_SITE = None
_ROAD_JOINS = re.compile(r"\b(?:connecting|linking)\s+(?:the\s+)?(?:city of\s+)?$", re.IGNORECASE)


@lru_cache(maxsize=1)
def _site_possessive() -> re.Pattern[str]:
    """A place's possessive naming a part of it ("to Riverton's streets", "into Riverton's
    downtown"): the place is where the action is, not a destination (``data/place_words_en``
    site_possessive_parts)."""
    parts = "|".join(load("place_words_en")["site_possessive_parts"])
    return re.compile(rf"['’]s\s+(?:own\s+)?(?:{parts})\b", re.IGNORECASE)


@lru_cache(maxsize=1)
def _facility_of_town() -> re.Pattern[str] | None:
    """A facility's name head and its joiner right before a town ("the Port of Elmford", "the
    University of Elmford"): the facility is in the town (``data/place_words_en``
    facility_of_town, facility_of_town_joiners)."""
    heads = lang_entry("place_words", "en", "facility_of_town")
    joiners = lang_entry("place_words", "en", "facility_of_town_joiners")
    if not heads or not joiners:
        return None
    return re.compile(rf"\b(?:{'|'.join(heads)})\s+(?i:{'|'.join(joiners)})\s+$")


@lru_cache(maxsize=1)
def _facility_site_before() -> re.Pattern[str] | None:
    """A site cue right before a facility's name ("blocked the ", "outside the "; ``data/place_words_en``
    facility_site_before)."""
    cue = lang_entry("place_words", "en", "facility_site_before")
    return re.compile(cue, re.IGNORECASE) if cue else None


def facility_of_town(before: str) -> bool:
    """Do the words ``before`` a town end in a facility named after it ("at the Port of ")?"""
    rx = _facility_of_town()
    return rx is not None and rx.search(before) is not None


def facility_site(text: str, p: Place, places_: list[Place]) -> bool:
    """Is ``p`` the town of a facility named after it and told as the action's site ("blocked
    the Port of Elmford"), so that its "of" tells no origin or owner? Only when the page names no
    other town, or the facility follows a site cue with no other town told as a site in its
    sentence (not "rallied in Fairview over automation at the Port of Elmford")."""
    rx, cue = _facility_of_town(), _facility_site_before()
    m = rx.search(text, max(0, p.start - 40), p.start) if rx is not None else None
    if m is None or m.end() != p.start:
        return False
    if only_town(p, places_):
        return True
    return cue is not None and cue.search(text, max(0, m.start() - 40), m.start()) is not None \
        and not _other_site_in_sentence(text, p, places_)


def non_event_places(text: str, places_: list[Place]) -> set[int]:
    """Ids of the places told as something else than where an action happens: origins and
    destinations ("buses brought members from Chicago, Rockford and Peoria", "would return
    to Springfield", "llegaron desde Tampa"), comparisons ("more than in Boston"), an incident's name ("the Elmwood
    shooting"). A place listed right after
    another ("in Dallas, Houston and San Antonio") shares its role."""
    import re

    from protestdb.extract.series import left_site

    global _NOT_SITE
    if _NOT_SITE is None:
        _NOT_SITE = re.compile(r"\b(?:from|to|toward|towards|into|for|of|with|than|between|via|until|reaching|connecting|linking|outside of|(?:north|south|east|west|northeast|northwest|southeast|southwest) of|al (?:norte|sur|este|oeste|noreste|noroeste|sureste|suroeste) de|cerca de|desde|hacia|rumbo a|(?:lleg|vin|viaj|proven|proced)\w*\s+(?:desde|de))\s+(?:the\s+)?(?:city of\s+)?(?:(?-i:[A-Z][\w-]*)['’]s\s+)?$", re.IGNORECASE)
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
                r"\b(?:neighbou?rhoods?|districts?|section|boroughs?|city|cities|towns?|villages?|suburbs?|communit(?:y|ies)|areas?|streets|residents|inhabitants|villagers|townships?|front|steps) of\s+$", before, re.IGNORECASE
            ) and not re.search(r"\b(?:scheduled|slated|planned|set|called) for\s+$", before, re.IGNORECASE) \
                and not facility_site(text, p, places_) \
                and not _site_possessive().match(text, p.end) \
                and not (_ROAD_JOINS.search(before) and only_town(p, places_))
            # "took to Chicago's streets": the site; "blocked the highway connecting Elmwood to the
            # border": a blockade of a road that only one named town joins is at that town
        if not other and route_origin(text, p, places_):
            other = True  # "the march started in Elmwood and ended in Fairview": where it set out
        if not other and incident_name(text, p) and not only_town(p, places_):
            other = True  # "the Elmwood shooting": where that happened (unless no other town is named)
        if other and _members_of_local_body(text, p):
            other = False
        if other and left_site(text, p.start, p.end) and not _other_site_in_sentence(text, p, places_):
            other = False  # "walked out of the Denver and Austin offices": where the offices are (not "from the Elm plant")
        if other:
            out.add(id(p))
        prev, prev_other = p, other
    return out


@lru_cache(maxsize=4)
def _route_ends(lang: str) -> tuple[re.Pattern[str], re.Pattern[str]] | None:
    start = lang_entry("place_words", lang, "route_start_before")
    end = lang_entry("place_words", lang, "route_end_between")
    if not start or not end:
        return None
    return re.compile(start, re.IGNORECASE), re.compile(end, re.IGNORECASE)


def route_origin(text: str, p: Place, places_: list[Place], lang: str = "en") -> bool:
    """Is ``p`` where a route began, told with the other town where it ended ("the march
    started in Elmwood and concluded 90 miles away in Fairview")? The end is the site."""
    pats = _route_ends(lang)
    if pats is None or pats[0].search(text, max(0, p.start - 120), p.start) is None:
        return False
    return any(
        q.kind in ("city", "neighborhood") and q.city_key and q.city_key != p.city_key and 0 < q.start - p.end <= 200
        and pats[1].match(text[p.end : q.start]) is not None
        for q in places_
    )


_MEMBERS_FROM = None
_AT_TOWN = re.compile(r"\b(?:in|at)\s+(?:the\s+)?(?:city of\s+)?$", re.IGNORECASE)
_SENT_STOP = re.compile(r"[.!?]\s|\n")


def _other_site_in_sentence(text: str, p: Place, places_: list[Place]) -> bool:
    """Is another city of ``p``'s sentence told as a site ("in Omaha", "at Omaha")?"""
    lo = max((m.end() for m in _SENT_STOP.finditer(text, max(0, p.start - 400), p.start)), default=max(0, p.start - 400))
    stop = _SENT_STOP.search(text, p.end)
    hi = stop.start() if stop is not None else len(text)
    return any(
        q is not p and q.kind in ("city", "neighborhood") and lo <= q.start < hi and _AT_TOWN.search(text, max(0, q.start - 20), q.start)
        for q in places_
    )


def _members_of_local_body(text: str, p: Place) -> bool:
    """Is "from <city>" the people's own campus, branch or workplace, not an origin ("strikers
    from Leeds university gathered for a rally", "nurses from Elmwood hospital picketed")? Not
    when they travel ("students from Elmwood college marched to the capital")."""
    import re

    global _MEMBERS_FROM
    if _MEMBERS_FROM is None:
        _MEMBERS_FROM = (
            re.compile(r"\b(?:students|workers|staff|strikers|lecturers|teachers|nurses|members|employees|academics)\s+from\s+$",
                       re.IGNORECASE),
            re.compile(r"\s+(?:university|college|campus|hospital|branch|plant|factory|depot|warehouse)\b"
                       r"(?![^.;]{0,60}\b(?:to|towards|into|travel\w*|drove|bus\w*|flew|came|arriv\w*)\b)", re.IGNORECASE),
        )
    before, after = _MEMBERS_FROM
    return before.search(text, max(0, p.start - 30), p.start) is not None and after.match(text, p.end) is not None


_VERBAL = frozenset(("VERB", "AUX"))
#: people nouns of a protest whose relative clause tells where they acted
_PROTESTERS = frozenset(("protester", "protestor", "demonstrator", "marcher", "striker", "picketer", "rioter"))
_ORGANIZING = frozenset(("organize", "organise", "lead", "host", "sponsor", "stage", "call", "hold", "plan", "coordinate", "convene"))
#: participles that only tell where a thing is ("facilities located in Elmford"): no clause of their own
_LOCATING = frozenset(("locate", "base", "situate", "headquarter", "station"))


@lru_cache(maxsize=4)
def _area_words(lang: str) -> frozenset[str]:
    """Words of a city's part told before its name ("uptown"): never the clause's verb, even
    when the parser tags one so (``data/place_words_en`` city_area_words)."""
    return frozenset(w.lower() for w in lang_entry("place_words", lang, "city_area_words") or ())


def context_place(ctx: ExtractDoc, p: Place, si: int, trigs: list[Trigger]) -> bool:
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
    if not text[sent.start : p.start].strip() or _bullet_only(text[sent.start : p.start], ctx.lang):
        return False  # "DENVER —", "Denver, Colo. —", "• Elmford: a crowd rallied"
    ps = layout.paragraphs[sent.para][0]
    if in_quote(text, ps, p.start):
        return True
    span = ctx.doc.char_span(p.start, p.end, alignment_mode="expand") if ctx.doc is not None else None
    if _under_grievance(span, grievance_nouns(ctx.lang)):
        return True  # "against the deployment of troops into Elmwood and other cities"
    if listed_with_action(text, p.start):
        return False  # "protests in many cities, including in Los Angeles": the action's site
    if ctx.doc is None or not trigs or any(t.crowd for t in trigs):
        return False  # a roundup's crowd sentence: each of its places tells a crowd
    if span is None or not len(span):
        return False
    tstarts = [t.start for t in trigs]

    def is_trigger(tok: Any) -> bool:
        return any(t.start <= tok.idx < t.end or tok.idx <= t.start < tok.idx + len(tok) for t in trigs)

    tok = span.root
    grievance = grievance_nouns(ctx.lang)
    for _ in range(12):
        if is_trigger(tok):
            return False
        if tok.pos_ in ("NOUN", "PROPN") and tok.lemma_.lower() in grievance and tok.i != span.root.i:
            return True  # "protesting over the death of George Floyd in Minneapolis": where that happened
        if tok.pos_ in _VERBAL and tok.dep_ not in ("amod", "compound") and not (
            tok.dep_ == "acl" and (tok.lemma_.lower() in _ORGANIZING or _locating_site(tok, is_trigger))
        ) and not _purpose(tok) and tok.lower_ not in _area_words(ctx.lang):
            if tok.dep_ == "relcl" and is_trigger(tok.head) and tok.head.lemma_.lower() in _PROTESTERS and not any(
                    c.dep_ == "aux" and c.tag_ == "MD" for c in tok.children):
                return False  # "protesters who lit bonfires in Kano": what the protesters did, there
            break  # ("a vigil organized by X at Y Park in Tempe": the organizing verb tells the vigil)
        if tok.head is tok:
            break
        tok = tok.head
    lo = tok.left_edge.idx
    hi = tok.right_edge.idx + len(tok.right_edge)
    return not any(lo <= ts < hi for ts in tstarts) and not _crowd_clause(ctx, lo, hi)


def _bullet_only(head: str, lang: str | None) -> bool:
    """Is ``head`` (a sentence's words before its place) a list bullet alone: the place opens
    an item of a bulleted list ("- Elmford: ...")?"""
    from protestdb.extract.roundups import bullet_mark

    m = bullet_mark(head, lang or "en")
    return m is not None and not head[m:].strip()


@lru_cache(maxsize=1)
def _site_preps() -> frozenset[str]:
    return frozenset(w for w in load("place_words_en")["locative_preps"] if " " not in w)


def _locating_site(tok: Any, is_trigger: Any) -> bool:
    """Is ``tok`` a locating participle ("facilities located in Elmford") whose noun is the
    action's agent or site ("workers based in Elmford rallied", "a rally at plants located in
    Elmford"), not a noun inside another phrase ("in support of nurses based in Elmford")?"""
    if tok.lemma_.lower() not in _LOCATING:
        return False
    noun = tok.head
    if noun.dep_ in ("nsubj", "nsubjpass"):
        return True
    prep = noun.head
    return noun.dep_ == "pobj" and prep.lower_ in _site_preps() and (prep.head.pos_ in _VERBAL or is_trigger(prep.head))


_EARLIER_MARKS = frozenset(("after", "since"))
_SPANS = frozenset(("day", "week", "month", "year"))


def _earlier_occasion(verb: Any) -> bool:
    """Is ``verb`` the head of a clause of an occasion some time before the sentence's own
    ("weeks after crowds had marched in Elmwood", "days since they struck")?"""
    if verb.dep_ != "advcl" or not any(c.dep_ == "mark" and c.lower_ in _EARLIER_MARKS for c in verb.children):
        return False
    return any(c.dep_ == "npadvmod" and c.lemma_.lower() in _SPANS for c in verb.children)


def earlier_occasion_place(ctx: ExtractDoc, p: Place, trigs: list[Trigger]) -> bool:
    """Is the city told in a clause of an occasion some time before the sentence's action
    ("rallied on Saturday, weeks after crowds marched in Elmwood, Fairview and other cities"),
    with the action's words outside that clause?"""
    if ctx.doc is None or p.kind not in ("city", "neighborhood") or not trigs:
        return False
    span = ctx.doc.char_span(p.start, p.end, alignment_mode="expand")
    if span is None or not len(span):
        return False
    tok = span.root
    for _ in range(12):
        if tok.pos_ in _VERBAL or tok.head is tok:
            break
        tok = tok.head
    if not _earlier_occasion(tok):
        return False
    lo, hi = tok.left_edge.idx, tok.right_edge.idx + len(tok.right_edge)
    return any(not lo <= t.start < hi for t in trigs)


def grievance_place(ctx: ExtractDoc, p: Place) -> bool:
    """Is the city ``p`` told under a noun of the event the protest answers ("against the
    deployment of troops into Elmwood and other cities")? Where that happens, not the protest."""
    if ctx.doc is None or p.kind not in ("city", "neighborhood"):
        return False
    return _under_grievance(ctx.doc.char_span(p.start, p.end, alignment_mode="expand"), grievance_nouns(ctx.lang))


def _under_grievance(span: Any, grievance: frozenset[str]) -> bool:
    """Is the place told under a noun of the event the protest answers, before any verb
    ("against the deployment of troops into Elmwood and other cities"): where that happens?"""
    if span is None or not len(span):
        return False
    first = span.root
    for _ in range(12):  # "the attacks in Dayton, Tulsa and Omaha": the list's first name
        if first.dep_ != "conj" or first.head is first:
            break
        first = first.head
    if first.head.pos_ != "ADP":
        return False  # told in a phrase of its own ("into Elmwood", "in Elmwood")
    tok = span.root
    for _ in range(12):
        if tok.i != span.root.i and tok.pos_ in ("NOUN", "PROPN") and tok.lemma_.lower() in grievance:
            return True
        if tok.pos_ in _VERBAL or tok.head is tok:
            return False
        tok = tok.head
    return False


def _crowd_clause(ctx: ExtractDoc, lo: int, hi: int) -> bool:
    """Does the place's own clause tell a crowd of the protest ("while Elmford and Dunmore
    tallied crowds of 20,000" in a roundup): a crowd word with a number, the place's own action."""
    from protestdb.extract.cues import crowd_size

    words = load_lang("cues", ctx.lang).get("crowd_words")
    if not words or not any(lo <= sm.start < hi and crowd_size(ctx.text, sm) for sm in ctx.sizes):
        return False  # a crowd's size (not a year, a day or an arrest count)
    return any_rx(tuple(words)).search(ctx.text, lo, hi) is not None


def _purpose(tok: Any) -> bool:
    """Is ``tok`` the verb of a purpose clause of the action ("holding a protest to demand rights
    at Union Station": the place tells where the protest is)?"""
    return tok.dep_ in ("advcl", "xcomp", "acl") and tok.tag_ == "VB" and any(
        c.dep_ == "aux" and c.lower_ == "to" for c in tok.children)


def locative(text: str, p: Place) -> bool:
    """Is the place told as where something happens ("in Denver", "outside Tacoma's city hall",
    "DENVER —", "Denver, Colo.")? (``data/place_words_en`` locative_preps, locative_fillers)"""
    global _LOCATIVE
    if _LOCATIVE is None:
        lex = load("place_words_en")
        fillers = "|".join(f"{w}\\s+" for w in lex["locative_fillers"])
        _LOCATIVE = re.compile(rf"(?:\b(?:{'|'.join(lex['locative_preps'])})\s+(?:{fillers})?|^\s*)$", re.IGNORECASE)
    return bool(_LOCATIVE.search(text[max(0, p.start - 25) : p.start]))


def clause_of(text: str, seg: tuple[int, int], t: Trigger) -> tuple[int, int]:
    """The clause of ``seg`` around trigger ``t`` (between , ; while as but)."""
    import re

    bounds = [seg[0]] + [m.end() for m in re.finditer(r"[,;—–]|\b(?:while|as|but|whereas|in the face of|outnumbered by|met by|confronted by)\b", text[seg[0] : seg[1]])]
    bounds = [b + seg[0] if i else b for i, b in enumerate(bounds)] + [seg[1]]
    start = max(b for b in bounds if b <= t.start)
    end = min((b for b in bounds if b > t.end), default=seg[1])
    return start, end


def context_scopes(ctx: ExtractDoc, d: Draft, drafts: list[Draft]) -> list[tuple[int, int]]:
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


def article_orgs(ctx: ExtractDoc) -> list[Any]:
    """Organizations named anywhere in the body and headline of the article (cached)."""
    if ctx.orgs is None:
        paras = sorted({x.para for x in ctx.layout.sentences if x.kind in ("body", "headline")})
        rng = [ctx.layout.paragraphs[p] for p in paras]
        dropped: list[tuple[str, str, str]] | None = [] if ctx.trace.enabled else None
        rejected: list[tuple[int, int, str]] | None = None
        if ctx.config.orgs_model != "off":  # the learned selector reads the rejected names too
            rejected = ctx.memo["orgs_rejected"] = []
        ctx.orgs = find_orgs(ctx.text, rng, ctx.doc, dropped, rejected)
        for name, rule, reason in dropped or ():
            ctx.trace.drop(f"organization {name!r}", rule, reason)
    return ctx.orgs


_MEMBER_BEFORE = re.compile(r"\b(?:(?:which|that|who)\s+includes?|including|includes|such\s+as|among\s+them)\s+(?:the\s+)?$")
_YEAR = re.compile(r"\b(?:19|20)\d\d\b")


def _past_sentences(ctx: ExtractDoc) -> set[int]:
    """Sentences told of a past year ("In 2022, workers voted to join ..."): background
    sentences (``background.py``, "old") that name a year other than the publication's."""
    if "background" not in ctx.memo:
        from protestdb.extract.background import background_sentences

        ctx.memo["background"] = background_sentences(ctx.text, ctx.layout, ctx.dates, ctx.published, ctx.lang)
    this_year = str(ctx.published.year) if ctx.published else None
    out = set()
    for i, level in ctx.memo["background"].items():
        sent = ctx.layout.sentences[i]
        if level == "old" and any(y != this_year for y in _YEAR.findall(ctx.text, sent.start, sent.end)):
            out.add(i)
    return out


def event_orgs(
    ctx: ExtractDoc, d: Draft, drafts: list[Draft], scopes: list[tuple[int, int]], why: dict[int, str] | None = None
) -> list[Any]:
    """The organizations named where the event is told, plus those named outside every
    event ("The events were organized by X and Y", "a day of action called by X"): those
    speak for all the article's events (not for counter-protests). ``why`` gets, per org id,
    the rule that kept it."""
    why = {} if why is None else why
    if ctx.all_scopes is None:
        ctx.all_scopes = [sc for o in drafts for sc in context_scopes(ctx, o, drafts)]
    all_scopes = SpanIndex(ctx.all_scopes)
    own = SpanIndex(scopes)
    told = {p for o in drafts for p in o.paras}
    layout = ctx.layout
    out = []
    for org in article_orgs(ctx):
        spans = [(a, b) for a, b, _ in org.spans]
        if any(own.covers(a, b) for a, b in spans):
            out.append(org)
            why[id(org)] = "organizations.in_event_scope"
            continue
        # (a name told in one event and again, or by its acronym, in a paragraph no event tells:
        # that paragraph speaks for every event)
        free = [(a, b) for a, b in spans if not all_scopes.covers(a, b)]
        if len(free) < len(spans):  # told in an event too: a member of a coalition there is no organizer of all
            free = [(a, b) for a, b in free if not _MEMBER_BEFORE.search(ctx.text, max(0, a - 30), a)]
        if d.counter or not free:
            continue
        past = _past_sentences(ctx)
        if all(layout.sentence_at(a) in past for a, _ in free):
            continue  # "In 2022, workers there voted to join the X Union": history, no organizer
        paras = {layout.sentences[layout.sentence_at(a)].para for a, _ in free}
        if not paras & told and org.group_named:
            # an umbrella paragraph speaks for every event -- with a name told as a group's
            # (a cue, "X Union"), not a site, source or bare acronym named in passing
            out.append(org)
            why[id(org)] = "organizations.umbrella_paragraph"
        elif d.paras & paras and not any(o is not d and o.paras & paras and not o.counter for o in drafts):
            out.append(org)  # the event's own paragraph
            why[id(org)] = "organizations.own_paragraph"
    if not out and not d.counter:
        # an announced follow-up of an action at the same place: its organizers
        for o in drafts:
            if o is not d and o.key == d.key and not o.counter and d.key not in (NATIONAL, UNLOCATED):
                for x in event_orgs(ctx, o, [o], context_scopes(ctx, o, drafts)):
                    if x not in out:
                        out.append(x)
                        why[id(x)] = "organizations.same_place_followup"
                break
    return out


def gap(m: Any, t: Trigger) -> int:
    """Characters between a date mention and a trigger (dates after the trigger count 1.5x)."""
    if m.end <= t.start:
        return t.start - m.end
    if m.start >= t.end:
        return int((m.start - t.end) * 1.5)
    return 0


def in_scopes(scopes: list[tuple[int, int]], start: int, end: int) -> bool:
    return any(a <= start and end <= b for a, b in scopes)


def relative_lead(dm: Any) -> bool:
    """A day told in the running text ("Tuesday", "on March 3"), not a byline stamp."""
    return bool(getattr(dm, "relative", False)) or not re.fullmatch(r"[A-Z][a-z]+\.? \d{1,2}, \d{4}", dm.quote)


def _outside_file_photos(ctx: ExtractDoc, dates: list[Any]) -> list[Any]:
    """The dates not told in the caption of an archive photo ("FILE - Workers march in the
    capital on Aug. 2, 2023."): such a photo is older than the news."""
    pats = load_lang("cues", ctx.lang).get("file_photo") if ctx.lang else None
    if not pats or not dates:
        return dates
    file_rx = any_rx(tuple(pats))
    layout, text = ctx.layout, ctx.text
    old: set[int] = set()
    for pi, (ps, pe) in enumerate(layout.paragraphs):
        if file_rx.search(text[ps:pe]) is not None:
            old.add(pi)
    if not old:
        return dates
    return [dm for dm in dates if layout.sentences[layout.sentence_at(dm.start)].para not in old]


def anchor_date(ctx: ExtractDoc) -> Any | None:
    """The article's main date: the first day-precise date told with a protest word, else
    the first told in the lead paragraph, else one in a byline/headline (a single day before a
    span of days)."""
    layout = ctx.layout
    trig_sents = {t.sent for t in ctx.triggers if not t.background}
    cands = [dm for dm in ctx.dates if dm.value is not None and dm.precision == "day"]
    cands = _outside_file_photos(ctx, cands)
    if ctx.published is not None:
        # up to a day after the page's date: a stamp a day early (time zones, "Updated") is common
        cands = [dm for dm in cands if (ctx.published - dm.value).days in range(-1, 15)]
    lead = next((s.para for s in layout.sentences if s.kind == "body"), None)

    def with_action(dm: Any) -> bool:
        si = layout.sentence_at(dm.start)
        return si in trig_sents and layout.sentences[si].kind in ("body", "headline")

    def in_lead(dm: Any) -> bool:  # the lead paragraph tells when ("... were arrested Tuesday ...")
        return relative_lead(dm) and layout.sentences[layout.sentence_at(dm.start)].para == lead

    # a span of days ("this weekend", "Feb. 2-4") names no one day: a day told alone comes first,
    # when it is told with a protest word or in the lead (a law's signing day told later is not)
    singles = [dm for dm in cands if dm.end_value is None and (with_action(dm) or in_lead(dm))]
    if singles:
        return next((dm for dm in singles if with_action(dm)), singles[0])
    for dm in cands:
        if with_action(dm):
            return dm
    for dm in cands:
        if in_lead(dm):
            return dm
    for dm in cands:
        if layout.sentences[layout.sentence_at(dm.start)].kind in ("byline", "headline"):
            return dm
    return cands[0] if cands else None


def anchor_words(ctx: ExtractDoc) -> Any | None:
    """On a page without a date: the article's day in words without a year ("on Tuesday, July 1"),
    told as a day ("on ...": ``article_day_before`` of ``data/furniture_<lang>``) with a protest word
    in the body or the headline or in the lead paragraph, when the page's such words name one day
    of a month only (several days: none is the article's). An action whose own sentences tell no
    date words takes them as the evidence of its unknown date, as a dated page's takes its main
    date (:func:`anchor_date`); never a guessed year."""
    if ctx.published is not None or "anchor_words" in ctx.memo:
        return ctx.memo.get("anchor_words")
    from protestdb.extract.date_clauses import starts_a_period
    from protestdb.extract.furniture import _not_the_day

    layout, text = ctx.layout, ctx.text
    before = lang_entry("furniture", ctx.lang or "en", "article_day_before")
    if not before:
        return None
    on_rx = re.compile(before)  # "on Tuesday, July 1", not "the Feb. 14 flood"
    trig_sents = {t.sent for t in ctx.triggers if not t.background}
    lead = next((s.para for s in layout.sentences if s.kind == "body"), None)  # the lead paragraph tells when
    told = []
    for dm in _outside_file_photos(ctx, [d for d in ctx.dates if d.value is None and d.future_value is None]):
        if getattr(dm, "relative", False) or not any(c.isdigit() for c in dm.quote):
            continue
        si = layout.sentence_at(dm.start)
        with_action = si in trig_sents and layout.sentences[si].kind in ("body", "headline")
        if (with_action or layout.sentences[si].para == lead) and not _not_the_day(text, dm) \
                and not starts_a_period(text, dm) and on_rx.search(text, max(0, dm.start - 12), dm.start):
            told.append(dm)
    from protestdb.extract.day_words import month_days  # the days of a year the resolver reads in them

    days = set().union(*(month_days(dm.quote) for dm in told))
    got = told[0] if told and len(days) == 1 else None
    ctx.memo["anchor_words"] = got
    return got



def people_nouns() -> frozenset[str]:
    """Kinds of people (participants, workers): never targets."""
    global _PEOPLE
    if _PEOPLE is None:
        words = set(load("participants_en").get("nouns", ())) | set(load("targets_en").get("worker_nouns", ()))
        _PEOPLE = frozenset(w.lower() for w in words)
    return _PEOPLE


_PEOPLE: frozenset[str] | None = None
_ALL_EVENTS = re.compile(r"\b(?:other|any|all|either|none of|every|each)\b", re.IGNORECASE)


def _count_owners(ctx: ExtractDoc, c: Any, drafts: list[Draft]) -> list[int]:
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
    seg = [i for i in live if in_scopes(drafts[i].segments, c.start, c.end)]
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


def counts_for(ctx: ExtractDoc, d: Draft, drafts: list[Draft]) -> list[Any]:
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


