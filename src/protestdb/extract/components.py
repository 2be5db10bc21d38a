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


@component("parse")
def parse(doc: ExtractDoc) -> bool | None:
    """One spaCy pass (English): tokens, parse, named entities."""
    if doc.lang == "en":
        from protestdb.extract.nlp import load_nlp

        doc.doc = load_nlp()(doc.text)
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
    from protestdb.extract.dates import find_dates

    doc.dates = find_dates(doc.text, doc.published, lang=doc.lang)
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
    strong = [t for t in doc.triggers if not t.weak and doc.layout.sentences[t.sent].kind == "body"]
    if not strong:
        doc.trace.drop("article", "triggers.none_firm", "no firm protest word in a body sentence")
        return False
    return None


@component("relevance")
def relevance(doc: ExtractDoc) -> bool | None:
    """The document score (``data/relevance.json``): does it report a protest action?"""
    from protestdb.extract.lexicons import load
    from protestdb.extract.relevance import document_score

    score = document_score(doc.text, doc.layout, doc.triggers, doc.dates, doc.published, doc.lang, doc.doc)
    threshold = load("relevance")["threshold"]
    doc.relevant = score >= threshold
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
    extra = find_crowd(doc.text, doc.layout, doc.triggers, doc.sizes, doc.lang, bg)
    if extra:
        doc.triggers = sorted(doc.triggers + extra, key=lambda t: t.start)
    return None


@component("places")
def places(doc: ExtractDoc) -> bool | None:
    """Gazetteer place mentions (cities, neighborhoods, venues, states, countries)."""
    from protestdb.extract.places import gazetteer_places

    doc.places = list(gazetteer_places(doc.text))
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
    from protestdb.extract.issues import find_issues
    from protestdb.extract.types import named_actions

    layout = doc.layout
    body = [(s.start, s.end) for s in layout.sentences if s.kind in ("body", "headline")]
    named = named_actions(doc.text, body)
    doc.title = named[0] if named else None
    art_issues = find_issues(doc.text, body)
    doc.article_issue = next(iter(art_issues.items()), None) if art_issues else None
    if art_issues:
        head = [(s.start, s.end) for s in layout.sentences if s.kind == "headline"] or body[:3]
        head_issues = find_issues(doc.text, head)
        if head_issues:
            doc.article_issue = next(iter(head_issues.items()))
    return None


@component("filling")
def filling(doc: ExtractDoc, *, geocode: bool = True, deadline: float | None = None) -> bool | None:
    """One event per draft, each field by its filler."""
    from protestdb.extract.fillers import fill_event

    for i, d in enumerate(doc.drafts):
        if deadline is not None and time.monotonic() > deadline:
            _over_budget(doc, f"filling events {i + 1}-{len(doc.drafts)}")
            break
        ev, trace = fill_event(doc, d, i, geocode)
        doc.events.append(ev)
        doc.event_traces.append(trace)
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
    deadline = time.monotonic() + doc.config.time_budget
    for k, name in enumerate(names):
        if time.monotonic() > deadline:
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
