"""Extraction: is a text a protest report, and which events does it tell?

``extract_text`` runs the named components of ``components.py`` (language, parse,
segmentation, dates, triggers, relevance, sizes, crowd triggers, places, counts, drafting,
article facts, filling) over one shared ``document.ExtractDoc``; drafting's rules are in
``drafting.py``, one filler per field in ``fillers.py``; order and thresholds in
``config.py``. Every filled field of every event carries evidence spans into the text and,
in the trace (``explain=True``), the rule that produced it.
"""

from __future__ import annotations

import ast
import logging
import re
from datetime import date
from typing import Any

from protestdb.extract.config import DEFAULT_CONFIG, ExtractConfig
from protestdb.extract.detect import is_protest_report, quick_reject
from protestdb.models import ExtractionResult

__all__ = ["ExtractConfig", "extract_text", "is_protest_report", "quick_reject"]

logger = logging.getLogger(__name__)


def extract_text(
    text: str,
    published: date | None = None,
    *,
    url: str | None = None,
    outlet: str | None = None,
    geocode: bool = True,
    explain: bool = False,
    config: ExtractConfig | None = None,
) -> ExtractionResult:
    """The events an article reports, each filled field backed by evidence spans.

    ``text`` is the article's plain text; ``published`` (its publication date) anchors
    relative dates (without it: the page's "Published ..." line, else a day in ``url``, as in
    ".../2024/04/25/slug"). Evidence offsets point into ``result.text``. An HTML page given by
    mistake is reduced to its main text first (as :func:`protestdb.ingest.read_article`
    does; its date fills a missing ``published``), so markup never becomes a field value;
    read pages with ``read_article`` to keep the title, URL and outlet too.

    The components of ``config.components`` (default :data:`config.DEFAULT_CONFIG`) run over
    one :class:`document.ExtractDoc`. With ``explain``, the result carries the trace: per
    event, per field, the rules that produced its value, and the dropped candidates.

    Raises ``ValueError`` for a text longer than ``settings.MAX_EXTRACT_CHARS``.
    """
    from protestdb import settings
    from protestdb.extract.components import run
    from protestdb.extract.document import ExtractDoc
    from protestdb.extract.trace import Trace

    if len(text) > settings.MAX_EXTRACT_CHARS:
        raise ValueError(
            f"text too long to extract ({len(text):,} characters > limit {settings.MAX_EXTRACT_CHARS:,}; "
            "set PROTESTDB_MAX_EXTRACT_CHARS to raise it)"
        )
    from protestdb.ingest.html import looks_like_html

    if looks_like_html(text):
        from protestdb.ingest.html import parse_html

        page = parse_html(text, url=url)
        logger.info("extract_text was given HTML: reading its main text (%d characters)", len(page.text))
        text, published, url = page.text, published or page.published, url or page.url
    from protestdb.extract import gate
    from protestdb.extract.spans import quote_index
    from protestdb.extract.unwrap import unwrap

    # hard-wrapped paragraphs read as one line each; the same length, so every offset found in
    # the unwrapped text is one into ``text``, which the result keeps (quotes are taken from it)
    original, text = text, unwrap(text)

    # per-text caches serve one article: nothing is carried over between calls (a benchmark that
    # extracts the same text again measures the whole work each time)
    gate.clear()
    quote_index.cache_clear()
    doc = ExtractDoc(text=text, published=published, config=config or DEFAULT_CONFIG, trace=Trace(enabled=explain))
    if url:
        doc.memo["url"] = url  # a day in the address dates a page that states none
    if quick_reject(text):
        from protestdb.extract.language import detect_language

        lang = (detect_language(text) or "en") if text.strip() else None
        doc.trace.drop("article", "prefilter.no_protest_stem", "none of the protest word stems occurs")
        return _result(doc, False, lang, explain, original)
    is_report = run(doc, geocode=geocode)
    return _result(doc, is_report, doc.lang, explain, original)


def _result(doc: Any, is_report: bool, lang: str | None, explain: bool, original: str) -> ExtractionResult:
    from protestdb.extract.trace import trace_to_dict

    events = doc.events if is_report else []
    if original != doc.text:
        events = [_requote(ev, original) for ev in events]
    res = ExtractionResult(is_protest_report=is_report, language=lang, text=original, events=events)
    if explain:
        res.trace = [trace_to_dict(t) for t in doc.event_traces] if is_report else []
        res.dropped = [d.to_dict() for d in doc.trace.dropped]
        if original != doc.text:
            res.dropped = [_requote_dropped(d, doc.text, original) for d in res.dropped]
            for per_field in res.trace:
                for entry in (e for entries in per_field.values() for e in entries):
                    for span in entry.get("evidence") or []:
                        span["quote"] = original[span["start"] : span["end"]]
    return res


#: a quote told at its offset in a dropped entry: "place 'Corvallis' at 120"
_QUOTE_AT = re.compile(r"""('(?:[^'\\]|\\.)*'|"(?:[^"\\]|\\.)*") at (\d+)""")


def _requote_dropped(entry: dict[str, str], unwrapped: str, original: str) -> dict[str, str]:
    """A dropped entry's quotes told at an offset (``'…' at N``) taken from the original text
    (with its line breaks). Quotes told without an offset (names of targets, organizations,
    the trigger words of a draft) keep the unwrapped spacing: a space for a line break."""

    def retake(m: re.Match[str]) -> str:
        try:
            quote = ast.literal_eval(m.group(1))
        except (ValueError, SyntaxError):
            return m.group(0)
        start = int(m.group(2))
        if not isinstance(quote, str) or unwrapped[start : start + len(quote)] != quote:
            return m.group(0)
        return f"{original[start : start + len(quote)]!r} at {start}"

    return {k: _QUOTE_AT.sub(retake, v) if isinstance(v, str) else v for k, v in entry.items()}


def _requote(ev: Any, text: str) -> Any:
    """``ev`` with every evidence quote taken from ``text`` (the original of an unwrapped text)."""
    evidence = {
        f: [s.model_copy(update={"quote": text[s.start : s.end]}) for s in spans]
        for f, spans in ev.evidence.items()
    }
    return ev.model_copy(update={"evidence": evidence})
