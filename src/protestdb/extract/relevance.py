"""Is the article's news a protest action? A document-level score.

A protest report tells a collective action by people that happened (or is announced) at a
time and place. Protest words also occur in other frames (sports, markets, courts, worship,
weather, war, campaigns, parades), in generic talk ("permits for any demonstration") and in
history (``background.py``). Per trigger of the body, one point per piece of evidence that it
tells an action: told in the lead, people as its agent, a crowd count, a date inside the news
window, a protest cue in its paragraph, a new action (finite verb, "held a rally"); quoted
speech counts against. The text's score is its best trigger's, minus a penalty when its
vocabulary is dense in one non-protest frame. Weights and threshold: ``data/relevance.json``.
"""

from __future__ import annotations

import re
from datetime import date
from typing import Any

from protestdb.extract.background import date_status
from protestdb.extract.detect import Trigger, _human_agent, _support
from protestdb.extract.lexicons import any_rx, load, load_lang
from protestdb.extract.segment import Layout

_WORD = re.compile(r"\w+")
#: a frame needs this many hits before its density counts
MIN_FRAME_HITS = 3


def trigger_score(
    text: str, layout: Layout, t: Trigger, dates: list[Any], published: date | None, lang: str, doc: Any = None
) -> int:
    """Evidence (0..6) that trigger ``t`` tells an action that happened or is announced."""
    s = layout.sentences[t.sent]
    body_paras = sorted({x.para for x in layout.sentences if x.kind == "body"})
    sup, sup_sent, _ = _support(lang)
    agents = frozenset(load_lang("cues", lang).get("agents", ()))
    ps, pe = layout.paragraphs[s.para]
    score = int(s.para in body_paras[:2])
    score += int(_human_agent(doc, t, agents, text))
    score += int(bool(sup_sent is not None and sup_sent.search(text, s.start, s.end)))
    score += int(any(s.start <= m.start < s.end and date_status(m, published, t.announced) == "in" for m in dates))
    if sup is not None:
        score += int(any(not (m.start() >= t.start and m.end() <= t.end) for m in sup.finditer(text, ps, pe)))
    score += int(t.new_action)
    score -= 2 * int(t.quoted)
    return score


def frame_density(text: str, lang: str) -> tuple[str | None, float]:
    """The non-protest frame densest in ``text`` and its hits per 100 words."""
    try:
        frames = load_lang("frames", lang)["frames"]
    except (FileNotFoundError, KeyError):
        return None, 0.0
    n = max(1, len(_WORD.findall(text)))
    best: tuple[str | None, float] = (None, 0.0)
    for name, pats in frames.items():
        hits = sum(1 for _ in any_rx(tuple(pats)).finditer(text))
        if hits < MIN_FRAME_HITS:
            continue  # two words of a frame in a short report ("a fair contract") are no frame
        d = 100.0 * hits / n
        if d > best[1]:
            best = (name, d)
    return best


def document_score(
    text: str, layout: Layout, triggers: list[Trigger], dates: list[Any], published: date | None, lang: str, doc: Any = None
) -> int:
    """The text's relevance score: its best body trigger's evidence minus the frame penalty."""
    body = [t for t in triggers if not t.weak and layout.sentences[t.sent].kind == "body"]
    if not body:
        return -99
    best = max(trigger_score(text, layout, t, dates, published, lang, doc) for t in body)
    cfg = load("relevance")
    _, dens = frame_density(text, lang)
    penalty = next((p for lo, p in cfg["frame_penalty"] if dens >= lo), 0)
    return best - penalty


def is_relevant(
    text: str, layout: Layout, triggers: list[Trigger], dates: list[Any], published: date | None, lang: str, doc: Any = None
) -> bool:
    """Does the text report (or announce) a protest action? (score >= threshold)"""
    return document_score(text, layout, triggers, dates, published, lang, doc) >= load("relevance")["threshold"]
