"""Is this a protest report? Trigger words per event type, negative contexts, announcements.

``quick_reject`` is a keyword prefilter (no spaCy); ``find_triggers`` finds the words that
name a protest action, dropping those in negative contexts ("stocks rally", "drone strike").
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from protestdb.extract.lexicons import any_rx, load, load_lang, rx
from protestdb.extract.segment import Layout, split_text

#: Types that can be placeless (a nationwide boycott or strike call).
PLACELESS_TYPES = ("boycott", "strike")


@dataclass
class Trigger:
    start: int
    end: int
    quote: str
    type: str
    sent: int
    weak: bool = False
    announced: bool = False
    national: bool = False


def _prefilter() -> re.Pattern[str]:
    return any_rx(tuple(re.escape(k) for k in load("prefilter")["keywords"]))


def quick_reject(text: str) -> bool:
    """True when ``text`` cannot be a protest report (none of the trigger stems occurs)."""
    return _prefilter().search(text.lower()) is None


def _compiled(lang: str) -> tuple[list[tuple[str, re.Pattern[str]]], list[re.Pattern[str]]]:
    lex = load_lang("triggers", lang)
    types = [(t, rx(p)) for t, pats in lex["types"].items() for p in pats]
    weak = [rx(p) for p in lex.get("weak", [])]
    return types, weak


def find_triggers(text: str, lang: str = "en", layout: Layout | None = None) -> list[Trigger]:
    """Protest trigger words, sentence by sentence, negatives removed, longest match wins."""
    if layout is None:
        layout = split_text(text, None, lang)
    types, weak = _compiled(lang)
    neg = load_lang("negatives", lang)
    neg_span = any_rx(tuple(neg["span"]))
    neg_sent = any_rx(tuple(neg["sentence"]))
    cues = load_lang("cues", lang)
    announce = any_rx(tuple(cues["announce"]))
    national = any_rx(tuple(cues["national_scope"]))
    out: list[Trigger] = []
    for si, s in enumerate(layout.sentences):
        sent = text[s.start : s.end]
        found: list[Trigger] = []
        for typ, pat in types:
            for m in pat.finditer(sent):
                a, b = (m.span("t") if "t" in pat.groupindex and m.group("t") else m.span())
                found.append(Trigger(s.start + a, s.start + b, sent[a:b], typ, si))
        for pat in weak:
            for m in pat.finditer(sent):
                found.append(Trigger(s.start + m.start(), s.start + m.end(), m.group(0), "demonstration", si, weak=True))
        if not found:
            continue
        negs = [(s.start + m.start(), s.start + m.end()) for m in neg_span.finditer(sent)]
        sent_negs = [(s.start + m.start(), s.start + m.end()) for m in neg_sent.finditer(sent)]
        is_announce = announce.search(sent) is not None
        is_national = national.search(sent) is not None
        # longest first; drop triggers inside a longer one (hunger strike > strike)
        found.sort(key=lambda t: (t.weak, -(t.end - t.start), t.start))
        kept: list[Trigger] = []
        for t in found:
            if any(k.start <= t.start and t.end <= k.end for k in kept):
                continue
            if any(a <= t.start and t.end <= b for a, b in negs):
                continue
            if any(a <= t.start and t.end <= b for a, b in sent_negs):
                continue
            t.announced = is_announce
            t.national = is_national
            kept.append(t)
        out.extend(sorted(kept, key=lambda t: t.start))
    return out


def is_protest_report(text: str, lang: str = "en", layout: Layout | None = None) -> bool:
    """True when ``text`` reports (or announces) at least one protest action."""
    if quick_reject(text):
        return False
    if layout is None:
        layout = split_text(text, None, lang)
    return any(not t.weak and layout.sentences[t.sent].kind != "caption" for t in find_triggers(text, lang, layout))
