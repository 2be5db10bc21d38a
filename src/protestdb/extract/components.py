"""The extraction pipeline: named components run in the order of ``ExtractConfig.components``
over one shared :class:`ExtractDoc`. A component reads what earlier ones left on the document
and adds its own; it may end the run (not a protest report). Past the per-article time budget
the run logs a warning, records what it skipped and returns what it has."""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from typing import Any

from protestdb.extract.document import ExtractDoc

logger = logging.getLogger(__name__)

#: the clock of the time budget: this thread's CPU time, so that a page gives the same events on
#: a busy machine as on a quiet one (a wall clock cut long pages short under load)
_clock = time.thread_time

#: a component returns False to end the run (the text is not a protest report)
Component = Callable[[ExtractDoc], "bool | None"]
COMPONENTS: dict[str, Component] = {}


def component(name: str) -> Callable[[Component], Component]:
    def register(fn: Component) -> Component:
        COMPONENTS[name] = fn
        return fn

    return register


@component("language")
def language(doc: ExtractDoc) -> bool | None:
    """The text's language (lingua; English when unsure)."""
    from protestdb.extract.language import detect_language

    doc.lang = detect_language(doc.text) or "en"
    return None


@component("published_line")
def published_line(doc: ExtractDoc) -> bool | None:
    """No publication date given: the page's own "Published March 7, 2023" / "Updated ..." line
    (``data/furniture_<lang>.json``) gives it, else a day in its address; relative dates then
    resolve against it."""
    if doc.published is None:
        from protestdb.extract.furniture import published_date

        stated = published_date(doc.text, doc.lang)
        if stated is not None:
            doc.published = stated[0]
            doc.memo["published_line"] = stated[1]
    if doc.published is None:
        from protestdb.extract.furniture import url_day

        doc.published = url_day(doc.memo.get("url"))  # ".../2024/04/25/slug": the page's day
    return None


@component("parse")
def parse(doc: ExtractDoc) -> bool | None:
    """One spaCy pass (English): tokens, parse, named entities."""
    if doc.lang == "en":
        from protestdb.extract.nlp import parse_text

        doc.doc = parse_text(doc.text)
    return None


@component("segmentation")
def segmentation(doc: ExtractDoc) -> bool | None:
    """Paragraphs and sentences, each labelled headline, byline, caption or body."""
    from protestdb.extract.segment import split_text

    doc.layout = split_text(doc.text, doc.doc, doc.lang)
    return None


@component("dates")
def dates(doc: ExtractDoc) -> bool | None:
    """Date expressions resolved against the publication date (``data/date_<lang>.json``)."""
    from protestdb.extract.dates import dateline_day, find_dates

    # a wire dateline's day ("JIND, February 20 (PTI) -" on a page of the 21st) anchors the text's "today"
    doc.dates = find_dates(doc.text, dateline_day(doc.text, doc.published, doc.lang) or doc.published, lang=doc.lang)
    if doc.published is None:
        _dates_by_url_month(doc)
    if doc.doc is not None:
        from protestdb.extract.date_clauses import read_tenses

        doc.dates = read_tenses(doc.doc, doc.dates)  # "called the strike late Wednesday": the past one
    return None


def _dates_by_url_month(doc: ExtractDoc) -> None:
    """A page without a date filed under a month (".../2021/09/slug", or its own stamp "date
    2021-09"): its year-less days take the year that puts them nearest that month."""
    from protestdb.extract.dates import dated_by_month
    from protestdb.extract.furniture import stamp_month, url_month

    ym = url_month(doc.memo.get("url")) or stamp_month(doc.text, doc.lang)  # ".../2021/09/slug", "date 2021-09"
    if ym is not None:
        doc.dates = dated_by_month(doc.dates, ym[0], ym[1], doc.lang, _weekday_borrows(doc))
        doc.memo["dated_by_url_month"] = True


def _weekday_borrows(doc: ExtractDoc) -> Any:
    """Which stated day a bare weekday takes (``date_clauses.weekday_stated_day``), or None
    without a parse."""
    if doc.doc is None:
        return None
    from protestdb.extract.date_clauses import weekday_stated_day
    from protestdb.extract.lexicons import any_rx, lang_entry

    announce = any_rx(tuple(lang_entry("cues", doc.lang or "en", "announce") or ()))
    return lambda m, stated: weekday_stated_day(doc.doc, m, stated, announce)


@component("page_stamps")
def page_stamps(doc: ExtractDoc) -> bool | None:
    """The page's own timestamps ("Published Oct. 4", "Updated ...") date the page, not an event:
    their date mentions are dropped."""
    from protestdb.extract.furniture import without_stamps

    kept = without_stamps(doc.text, doc.dates, doc.lang)
    if len(kept) != len(doc.dates):
        ids = {id(m) for m in kept}
        for m in doc.dates:
            if id(m) not in ids:
                doc.trace.drop(f"date {m.quote!r} at {m.start}", "furniture.page_timestamp", "the page's own timestamp, not an event's date")
        doc.dates = kept
    return None


@component("triggers")
def triggers(doc: ExtractDoc) -> bool | None:
    """Protest words; the run ends when no body sentence has a firm one."""
    from protestdb.extract.detect import find_triggers

    dropped: list[tuple[str, str, str]] | None = [] if doc.trace.enabled else None
    doc.triggers = find_triggers(doc.text, doc.lang, doc.layout, doc=doc.doc, dates=doc.dates, published=doc.published,
                                 dropped=dropped)
    for candidate, rule, reason in dropped or ():
        doc.trace.drop(candidate, rule, reason)
    from protestdb.extract.nationwide import named_action_triggers

    doc.triggers = named_action_triggers(doc.text, doc.layout, doc.triggers, doc.lang)  # "A Day Without Immigrants"
    strong = [t for t in doc.triggers if not t.weak and doc.layout.sentences[t.sent].kind == "body"]
    if not strong:
        doc.trace.drop("article", "triggers.none_firm", "no firm protest word in a body sentence")
        return False
    return None


@component("relevance")
def relevance(doc: ExtractDoc) -> bool | None:
    """The document score (``data/relevance.json``): does it report a protest action?"""
    from protestdb.extract.furniture import letter_signature, opinion_label
    from protestdb.extract.lexicons import load
    from protestdb.extract.relevance import document_score

    label = opinion_label(doc.text, doc.lang) or letter_signature(doc.text, doc.lang)  # a letter's sign-off
    if label is not None:  # an opinion piece argues about protests; it reports none
        doc.relevant = False
        doc.trace.drop("article", "relevance.opinion_page", f"filed under opinion: {label[2]!r} at {label[0]}")
        return False
    score = document_score(doc.text, doc.layout, doc.triggers, doc.dates, doc.published, doc.lang, doc.doc)
    threshold = load("relevance")["threshold"]
    doc.relevant = score >= threshold
    doc.memo["relevance_score"] = score  # a feature of the learned event check (event_model.py)
    if doc.config.relevance_model != "off":
        from protestdb.extract.relevance_model import second_opinion

        doc.relevant = second_opinion(doc, score, doc.relevant)
        if not doc.relevant and score >= threshold:
            if not any(d.rule.startswith("relevance_model.") for d in doc.trace.dropped):
                doc.trace.drop("article", "relevance.second_opinion",
                               f"score {score} >= threshold {threshold}, but the learned second opinion says no report")
            return False
    if not doc.relevant:
        doc.trace.drop("article", "relevance.document_score", f"score {score} < threshold {threshold}")
        return False
    return None


@component("sizes")
def sizes(doc: ExtractDoc) -> bool | None:
    """Crowd sizes with the CCC size-word mapping."""
    from protestdb.extract.sizes import find_sizes

    doc.sizes = find_sizes(doc.text, lang=doc.lang)
    return None


@component("crowd_triggers")
def crowd_triggers(doc: ExtractDoc) -> bool | None:
    """A roundup's crowd sentences ("Crowds also gathered in X and Y") as triggers."""
    from protestdb.extract.background import background_sentences
    from protestdb.extract.detect import crowd_triggers as find_crowd

    bg = background_sentences(doc.text, doc.layout, doc.dates, doc.published, doc.lang)
    doc.memo["background"] = bg
    extra = find_crowd(doc.text, doc.layout, doc.triggers, doc.sizes, doc.lang, bg)
    if extra:
        doc.triggers = sorted(doc.triggers + extra, key=lambda t: t.start)
    return None


@component("places")
def places(doc: ExtractDoc) -> bool | None:
    """Gazetteer place mentions (cities, neighborhoods, venues, states, countries)."""
    from protestdb.extract.places import gazetteer_places

    doc.places = list(gazetteer_places(doc.text, doc.doc, doc.lang))
    return None


@component("roundups")
def roundups(doc: ExtractDoc) -> bool | None:
    """A roundup's list ("38,000 in Lyon, 36,000 in Toulouse", "Sete (4500)", a turnout table, a
    bulleted list of sites): a trigger of the article's main action at each listed place, and the
    bare numbers of its items as crowd sizes (``roundups.py``)."""
    from protestdb.extract.roundups import roundup_sizes, roundup_triggers, site_crowd_triggers

    extra = roundup_triggers(doc.text, doc.layout, doc.triggers, doc.places, doc.lang, doc.sizes)
    if extra:
        doc.triggers = sorted(doc.triggers + extra, key=lambda t: t.start)
        doc.memo["roundup_triggers"] = {id(t) for t in extra}
    crowds = site_crowd_triggers(doc.text, doc.layout, doc.triggers, doc.places, doc.sizes, doc.doc,
                                 doc.memo.get("background", frozenset()), doc.lang)
    if crowds:  # "In Modesto, dozens of nurses held signs": a roundup's site told by its crowd
        doc.triggers = sorted(doc.triggers + crowds, key=lambda t: t.start)
        doc.memo["site_crowd_triggers"] = {id(t) for t in crowds}
    more = roundup_sizes(doc.text, doc.layout, doc.places, doc.sizes, doc.lang)
    if more:
        doc.sizes = sorted(doc.sizes + more, key=lambda m: m.start)
        doc.memo["roundup_sizes"] = {(m.start, m.end) for m in more}
    return None


@component("counts")
def counts(doc: ExtractDoc) -> bool | None:
    """Arrest and injury counts."""
    from protestdb.extract.counts import find_counts

    doc.counts = list(find_counts(doc.text, lang=doc.lang))
    return None


@component("drafting")
def drafting(doc: ExtractDoc) -> bool | None:
    """The drafts of the events (``drafting.py``) and the article's main date."""
    from protestdb.extract.assemble import anchor_date
    from protestdb.extract.drafting import build_drafts

    doc.drafts = build_drafts(doc)
    doc.anchor = anchor_date(doc)
    return None


@component("article_facts")
def article_facts(doc: ExtractDoc) -> bool | None:
    """What the whole article tells: its named action (the title) and its dominant issue (the
    one in the headline, else in the first sentences, else the first found)."""
    from protestdb.extract.issues import dominant_issue
    from protestdb.extract.types import named_actions

    layout = doc.layout
    body = [(s.start, s.end) for s in layout.sentences if s.kind in ("body", "headline")]
    named = named_actions(doc.text, body)
    doc.title = named[0] if named else None
    # the headline's issue, else the one most told in the body (ties: told first)
    told = sorted({t.sent for t in doc.triggers if not t.weak})
    acts = [(layout.sentences[i].start, layout.sentences[i].end) for i in told if layout.sentences[i].kind in ("body", "headline")]
    doc.article_issue = dominant_issue(doc.text, body, doc.lang, acts)
    if doc.article_issue is not None:
        head = [(s.start, s.end) for s in layout.sentences if s.kind == "headline"]
        doc.article_issue = (dominant_issue(doc.text, head, doc.lang) if head else None) or doc.article_issue
    return None


@component("filling")
def filling(doc: ExtractDoc, *, geocode: bool = True, deadline: float | None = None) -> bool | None:
    """One event per draft, each field by its filler."""
    from protestdb.extract.fillers import fill_event

    for i, d in enumerate(doc.drafts):
        if deadline is not None and _clock() > deadline:
            _over_budget(doc, f"filling events {i + 1}-{len(doc.drafts)}")
            break
        ev, trace = fill_event(doc, d, i, geocode)
        doc.events.append(ev)
        doc.event_traces.append(trace)
    return None


@component("abroad_places")
def abroad_places(doc: ExtractDoc) -> bool | None:
    """An event read in a US state on a page about another country, with no US evidence, is
    placed in that country (or dropped: ``abroad.place_abroad``)."""
    from protestdb.extract.abroad import place_abroad

    place_abroad(doc)
    return None


@component("announced_echoes")
def announced_echoes(doc: ExtractDoc) -> bool | None:
    """An announced event dated from afar where the page reports the action done is that action
    (``echoes.drop_announced_echoes``)."""
    from protestdb.extract.echoes import drop_announced_echoes

    drop_announced_echoes(doc)
    return None


@component("event_filter")
def event_filter(doc: ExtractDoc) -> bool | None:
    """The learned keep/drop check of each event (``event_model.filter_events``; on by default,
    ``config.EVENT_MODEL``)."""
    if doc.config.event_model != "off":
        from protestdb.extract.event_model import filter_events

        filter_events(doc)
    return None


@component("action_targets")
def action_targets(doc: ExtractDoc) -> bool | None:
    """The addressee one place of an action names goes to its other places that name none
    (``targets_shared.share_action_targets``)."""
    if len(doc.events) < 2:
        return None
    from protestdb.extract.claims import known_targets
    from protestdb.extract.targets_shared import lede_text, share_action_targets
    from protestdb.extract.trace import record

    known = frozenset(canon for canon, _ in known_targets())
    for i, added in share_action_targets(doc.events, known, lede_text(doc.layout)):
        if i < len(doc.event_traces):
            spans = [(e.start, e.end, e.quote) for e in doc.events[i].evidence.get("targets", [])]
            record(doc.event_traces[i], "targets", "targets.same_action", spans,
                   "told for the whole action: " + ", ".join(added))
    return None


@component("roundup_organizers")
def roundup_organizers(doc: ExtractDoc) -> bool | None:
    """In a roundup, the organizers told for the whole action are those of each listed event
    without its own (``roundups.share_organizers``)."""
    if not doc.memo.get("roundup_triggers") or not doc.events:
        return None
    from protestdb.extract.roundups import share_organizers
    from protestdb.extract.trace import record

    before = [list(ev.organizations or []) for ev in doc.events]
    doc.events = share_organizers(doc.text, doc.events, doc.lang)
    for ev, had, trace in zip(doc.events, before, doc.event_traces, strict=False):
        added = [o for o in ev.organizations or [] if o not in had]
        if added:
            spans = [(e.start, e.end, e.quote) for e in ev.evidence.get("organizations", [])
                     if any(e.quote in o or o in e.quote for o in added)]
            record(trace, "organizations", "roundups.shared_organizers", spans, "told for the whole roundup: " + ", ".join(added))
    return None


@component("action_organizers")
def action_organizers(doc: ExtractDoc) -> bool | None:
    """The organizers every organizer-naming event agrees on go to the other events of the same
    date and kind (``orgs_share.share_action_organizers``)."""
    if len(doc.events) < 2:
        return None
    from protestdb.extract.orgs_share import share_action_organizers
    from protestdb.extract.trace import record

    for i, added in share_action_organizers(doc.events, doc.text):
        if i < len(doc.event_traces):
            spans = [(e.start, e.end, e.quote) for e in doc.events[i].evidence.get("organizations", [])]
            record(doc.event_traces[i], "organizations", "organizations.same_action", spans,
                   "told for the whole action: " + ", ".join(added))
    return None


@component("page_organizer")
def page_organizer(doc: ExtractDoc) -> bool | None:
    """An event that names no organizer after the sharing steps gets the organizer the page's other
    events name most (``orgs_share.page_organizer``), when it is of the same day or cause and side and
    the page tells no action apart. Never a counter-protest."""
    if not doc.events:
        return None
    from protestdb.extract.orgs_share import _takes_from
    from protestdb.extract.orgs_share import page_organizer as choose
    from protestdb.extract.trace import record

    needy = [i for i, ev in enumerate(doc.events) if not ev.organizations and "counter-protest" not in (ev.event_type or [])]
    picked = choose(doc.events, doc.text, [(p.start, p.end) for p in doc.places]) if needy else None
    if picked is None:
        return None
    name, spans, donor = picked
    for i in needy:
        ev = doc.events[i]
        if not _takes_from(donor, ev):
            continue
        ev.organizations = [name]
        for a, b, q in spans:
            ev.add_evidence("organizations", a, b, q)
        if i < len(doc.event_traces):
            record(doc.event_traces[i], "organizations", "organizations.page_organizer", spans,
                   "the page's organizer, for an event that names none")
    return None


@component("days_only")
def days_only(doc: ExtractDoc) -> bool | None:
    """An event dated by a week, a weekend or a month ("earlier this week", "last month") names no day: its
    date stays empty, its words kept as the evidence of its precision (``fillers.no_day_of_a_period``)."""
    from protestdb.extract.fillers import no_day_of_a_period

    for i, ev in enumerate(doc.events):
        no_day_of_a_period(ev, doc.event_traces[i] if i < len(doc.event_traces) else None, doc.lang, doc.dates)
    return None


def _over_budget(doc: ExtractDoc, skipped: str) -> None:
    budget = doc.config.time_budget
    logger.warning("extraction over its %.0f s budget (%d characters): skipped %s", budget, len(doc.text), skipped)
    doc.stopped = f"time budget {budget:g} s: skipped {skipped}"
    doc.trace.drop(skipped, "pipeline.time_budget", doc.stopped)


def run(doc: ExtractDoc, *, geocode: bool = True) -> bool:
    """Run the configured components over ``doc``; True when the text reports a protest."""
    names = doc.config.components
    missing = [n for n in names if n not in COMPONENTS]
    if missing:
        raise KeyError(f"unknown component in the extraction configuration: {', '.join(missing)}")
    deadline = _clock() + doc.config.time_budget
    for k, name in enumerate(names):
        if _clock() > deadline:
            _over_budget(doc, "components " + ", ".join(names[k:]))
            break
        fn: Any = COMPONENTS[name]
        t0 = time.perf_counter()
        result = fn(doc, geocode=geocode, deadline=deadline) if name == "filling" else fn(doc)
        logger.debug("component %s: %.1f ms", name, (time.perf_counter() - t0) * 1000)
        if result is False:
            logger.info("not a protest report (component %s)", name)
            return False
    return doc.relevant is not False and bool(doc.triggers)
