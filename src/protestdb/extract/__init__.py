"""Extraction: is a text a protest report, and which events does it tell?

``extract_text`` runs one spaCy pass per text (English), rule lexicons from ``data/``,
``dates.find_dates``, ``sizes.find_sizes`` and ``protestdb.geo`` for places. Every filled
field of every event carries evidence spans into the text.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from protestdb.extract.detect import find_triggers, is_protest_report, quick_reject
from protestdb.models import ExtractionResult

__all__ = ["extract_text", "is_protest_report", "quick_reject"]


def _language(text: str) -> str:
    try:
        from protestdb.extract.language import detect_language

        return detect_language(text) or "en"
    except ImportError:
        return "en"


def _counts(text: str, lang: str) -> list[Any]:
    for mod in ("protestdb.extract.counts", "protestdb.extract.sizes"):
        try:
            module = __import__(mod, fromlist=["find_counts"])
        except ImportError:
            continue
        fn = getattr(module, "find_counts", None)
        if fn is not None:
            try:
                return list(fn(text, lang=lang))
            except TypeError:
                return list(fn(text))
    return []


def extract_text(
    text: str,
    published: date | None = None,
    *,
    url: str | None = None,
    outlet: str | None = None,
    geocode: bool = True,
) -> ExtractionResult:
    """The events an article reports, each filled field backed by evidence spans.

    Raises ``ValueError`` for a text longer than ``settings.MAX_EXTRACT_CHARS``.
    """
    from protestdb import settings
    from protestdb.extract import assemble, places, types

    if len(text) > settings.MAX_EXTRACT_CHARS:
        raise ValueError(
            f"text too long to extract ({len(text):,} characters > limit {settings.MAX_EXTRACT_CHARS:,}; "
            "set PROTESTDB_MAX_EXTRACT_CHARS to raise it)"
        )
    from protestdb.extract.dates import find_dates
    from protestdb.extract.segment import split_text
    from protestdb.extract.sizes import find_sizes

    if quick_reject(text):
        return ExtractionResult(is_protest_report=False, language=_language(text) if text.strip() else None, text=text)
    lang = _language(text)
    if published is None:  # the page's own "Published ..." line (issue 9)
        from protestdb.extract.furniture import published_date

        stated = published_date(text, lang)
        published = stated[0] if stated else None
    doc = None
    if lang == "en":
        from protestdb.extract.nlp import load_nlp

        doc = load_nlp()(text)
    layout = split_text(text, doc, lang)
    dates = find_dates(text, published, lang=lang)
    from protestdb.extract.furniture import without_stamps

    dates = without_stamps(text, dates, lang)  # "Published Oct. 4" dates the page, not an event
    triggers = find_triggers(text, lang, layout, doc=doc, dates=dates, published=published)
    strong = [t for t in triggers if not t.weak and layout.sentences[t.sent].kind == "body"]
    if not strong:
        return ExtractionResult(is_protest_report=False, language=lang, text=text)
    from protestdb.extract.relevance import is_relevant

    if not is_relevant(text, layout, triggers, dates, published, lang, doc):
        return ExtractionResult(is_protest_report=False, language=lang, text=text)
    sizes = find_sizes(text, lang=lang)
    from protestdb.extract.background import background_sentences
    from protestdb.extract.detect import crowd_triggers

    extra = crowd_triggers(text, layout, triggers, sizes, lang, background_sentences(text, layout, dates, published, lang))
    if extra:
        triggers = sorted(triggers + extra, key=lambda t: t.start)
    art_places = places.gazetteer_places(text, doc, lang)
    from protestdb.extract.roundups import (
        roundup_sizes,
        roundup_triggers,  # one event per listed place
    )

    roundup_extra = roundup_triggers(text, layout, triggers, art_places, lang)
    triggers = sorted(triggers + roundup_extra, key=lambda t: t.start)
    sizes = sorted(sizes + roundup_sizes(text, layout, art_places, sizes, lang), key=lambda m: m.start)
    ctx = assemble.Context(
        text=text,
        layout=layout,
        lang=lang,
        published=published,
        doc=doc,
        triggers=triggers,
        places=art_places,
        dates=dates,
        sizes=sizes,
        counts=_counts(text, lang),
    )
    drafts = assemble.build_drafts(ctx)
    anchor = assemble.anchor_date(ctx)
    body = [(s.start, s.end) for s in layout.sentences if s.kind in ("body", "headline")]
    named = types.named_actions(text, body)
    title = named[0] if named else None
    from protestdb.extract.issues import find_issues

    art_issues = find_issues(text, body)
    article_issue = next(iter(art_issues.items()), None) if art_issues else None
    if art_issues:
        # the dominant issue: the one whose keywords occur in the headline or most often
        head = [(s.start, s.end) for s in layout.sentences if s.kind == "headline"] or body[:3]
        head_issues = find_issues(text, head)
        if head_issues:
            article_issue = next(iter(head_issues.items()))
    events = [
        assemble.to_mention(ctx, d, drafts, i, anchor, title, article_issue, geocode) for i, d in enumerate(drafts)
    ]
    if roundup_extra:  # a roundup's organizers speak for its listed events (issue 9)
        from protestdb.extract.roundups import share_organizers

        events = share_organizers(text, events, lang)
    return ExtractionResult(is_protest_report=True, language=lang, text=text, events=events)
