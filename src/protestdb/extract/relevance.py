"""Is the article's news a protest action? A document-level score.

A protest report tells a collective action by people that happened (or is announced) at a
time and place. Protest words also occur in other frames (sports, markets, courts, worship,
weather, war, campaigns, parades), in generic talk ("permits for any demonstration") and in
history (``background.py``). Per trigger of the body, one point per piece of evidence that it
tells an action: told in the lead, people as its agent, a crowd count, a date inside the news
window, a protest cue in its paragraph, a new action (finite verb, "held a rally"); quoted
speech counts against. The text's score is its best trigger's, minus a penalty when its
vocabulary is dense in one non-protest frame (not for a trigger of a kind the frame has no
sense for: a market report has no sit-in). Weights and threshold: ``data/relevance.json``.
"""

from __future__ import annotations

import re
from datetime import date
from functools import lru_cache
from typing import Any

from protestdb.extract.background import anniversary_date, carried_history, date_status
from protestdb.extract.cues import agent_words, human_agent, support_patterns
from protestdb.extract.detect import Trigger
from protestdb.extract.gate import lowered, narrow, spans
from protestdb.extract.lexicons import any_rx, lang_entry, load, load_lang, rx
from protestdb.extract.segment import Layout
from protestdb.extract.spans import any_outside, in_quote

_WORD = re.compile(r"\w+")
#: a frame needs this many hits before its density counts
MIN_FRAME_HITS = 3


class _DocCues:
    """Per-text answers shared by all triggers (each sentence and paragraph searched once)."""

    def __init__(self, text: str, layout: Layout, dates: list[Any], published: date | None, lang: str) -> None:
        self.text, self.layout, self.published, self.lang = text, layout, published, lang
        self.sup, self.sup_sent, _ = support_patterns(lang)
        self.agents = agent_words(lang)
        self.lead_paras = set(sorted({x.para for x in layout.sentences if x.kind == "body"})[:2])
        self.dates_by_sent: dict[int, list[Any]] = {}
        for m in dates:
            self.dates_by_sent.setdefault(layout.sentence_at(m.start), []).append(m)
        self._sent_cue: dict[int, bool] = {}
        self._para_cues: dict[int, list[tuple[int, int]]] = {}
        self.appeal_memo: dict[tuple[str, int], Any] = {}  # appeal_sense's answers per paragraph / sentence

    def sentence_cue(self, si: int) -> bool:
        if si not in self._sent_cue:
            s = self.layout.sentences[si]
            pat = narrow(self.sup_sent, lowered(self.text), s.start, s.end) if self.sup_sent is not None else None
            self._sent_cue[si] = pat is not None and pat.search(self.text, s.start, s.end) is not None
        return self._sent_cue[si]

    def dated_in_window(self, si: int, announced: bool) -> bool:
        s = self.layout.sentences[si]
        return any(
            s.start <= m.start < s.end and date_status(m, self.published, announced) == "in"
            and not anniversary_date(self.text, m, self.lang)
            for m in self.dates_by_sent.get(si, ())
        )

    def paragraph_cue_besides(self, para: int, start: int, end: int) -> bool:
        """A support cue in the paragraph that is not the trigger's own words."""
        if self.sup is None:
            return False
        if para not in self._para_cues:
            ps, pe = self.layout.paragraphs[para]
            self._para_cues[para] = list(spans(self.sup, self.text, ps, pe))
        return any_outside(self._para_cues[para], start, end)


def trigger_score(
    text: str, layout: Layout, t: Trigger, dates: list[Any], published: date | None, lang: str, doc: Any = None,
    cues: _DocCues | None = None,
) -> int:
    """Evidence (0..6) that trigger ``t`` tells an action that happened or is announced."""
    if cues is None:
        cues = _DocCues(text, layout, dates, published, lang)
    s = layout.sentences[t.sent]
    score = int(s.para in cues.lead_paras)
    score += int(human_agent(doc, t, cues.agents, text))
    score += int(cues.sentence_cue(t.sent))
    score += int(cues.dated_in_window(t.sent, t.announced))
    score += int(cues.paragraph_cue_besides(s.para, t.start, t.end))
    score += int(t.new_action)
    score -= 2 * int(t.quoted)
    return score


def frame_density(text: str, lang: str) -> tuple[str | None, float]:
    """The non-protest frame densest in ``text`` and its hits per 100 words. A frame without
    its own words (``_anchored``) counts for nothing, and hands nothing on: when it is the
    densest, no frame is (a weaker frame would not have won on its own: a fuel-price sit-in
    that mentions a lawsuit is no court report)."""
    try:
        lex = load_lang("frames", lang)
        frames = lex["frames"]
    except (FileNotFoundError, KeyError):
        return None, 0.0
    n = max(1, len(_WORD.findall(text)))
    best: tuple[str | None, float] = (None, 0.0)
    unanchored = 0.0  # density of the densest frame skipped for lacking its own words
    low = lowered(text)
    for name, pats in frames.items():
        hits = _hits(tuple(pats), text, low)  # the frame's words that occur in the text
        if hits < MIN_FRAME_HITS:
            continue  # two words of a frame in a short report ("a fair contract") are no frame
        d = 100.0 * hits / n
        if not _anchored(lex, name, text, low):
            unanchored = max(unanchored, d)  # "higher fuel prices", "inflation": the protest's cause
        elif d > best[1]:
            best = (name, d)
    return best if best[1] > unanchored else (None, 0.0)


def _hits(pats: tuple[str, ...], text: str, low: str | None) -> int:
    pat = narrow(any_rx(pats), low)
    return sum(1 for _ in pat.finditer(text)) if pat is not None else 0


def _anchored(lex: dict[str, Any], name: str, text: str, low: str | None) -> bool:
    """Does the text hold the frame's own words (``frames_<lang>`` anchors: a market report's
    stocks, shares, investors, traders, crude), when the frame lists any? At least
    min_anchor_hits DISTINCT anchors ("fuel stocks ... fuel stocks" is one). Prices and
    inflation alone are the subject of fuel-price and cost-of-living protests as much as of
    market reports. A frame listed in anchor_exemption_cues is exempted only when the text also
    holds one of its cues (a fans' march is a sports text unless it tells a grievance: owners,
    a boycott, demands)."""
    anchors = lex.get("anchors", {}).get(name)
    if not anchors:
        return True
    distinct = sum(1 for p in anchors if _hits((p,), text, low))
    if distinct >= lex.get("min_anchor_hits", 1):
        return True
    cues = lex.get("anchor_exemption_cues", {}).get(name)
    return bool(cues) and _hits(tuple(cues), text, low) == 0


def document_score(
    text: str, layout: Layout, triggers: list[Trigger], dates: list[Any], published: date | None, lang: str, doc: Any = None
) -> int:
    """The text's relevance score: its best body trigger's evidence minus the frame penalty (not
    counting the triggers of an untimed sentence that goes on with an old protest,
    ``background.carried_history``)."""
    body = [t for t in triggers if not t.weak and layout.sentences[t.sent].kind == "body"]
    cues = _DocCues(text, layout, dates, published, lang)
    off = called_off_types(text, layout, cues.lead_paras, lang)
    body = [t for t in body if t.type not in off and not appeal_sense(text, layout, t, cues, lang, doc)]
    if body:
        carried = carried_history(text, layout, triggers, dates, lang)  # "... and went on strike again."
        body = [t for t in body if t.sent not in carried]
    if not body:
        return -99
    cfg = load("relevance")
    frame, dens = frame_density(text, lang)
    penalty = next((p for lo, p in cfg["frame_penalty"] if dens >= lo), 0)
    foreign = foreign_types(frame, lang)
    best = max(trigger_score(text, layout, t, dates, published, lang, doc, cues) - (0 if t.type in foreign else penalty)
               for t in body)
    lead = lead_crowd_score(text, layout, body, cues, lang)
    return best if lead is None else max(best, lead - penalty)


def called_off_types(text: str, layout: Layout, lead_paras: set[int], lang: str) -> frozenset[str]:
    """The trigger types whose news the lead tells called off: when the first sentence of the
    headline or lead paragraphs that names a strike tells it averted or called off ("Monday's
    ferry stoppage is off now that both sides hold a provisional agreement", "Bus drivers will
    not go on strike"), the text reports the deal, and its strike words (the threat, the notice,
    the vote) tell no action. Not when that sentence tells the averting failed or negated ("could
    not be averted", "rejected"), nor when any sentence tells a strike begun, going on or over
    ("went on strike", "walked off the job": the averted strike is another or earlier).
    ``negatives_<lang>`` called_off; empty when the lead names no strike or tells it going ahead."""
    lex = lang_entry("negatives", lang, "called_off")
    if not lex:
        return frozenset()
    words, told = rx(lex["words"]), any_rx(tuple(lex["patterns"]))
    unless = rx(lex["unless"]) if lex.get("unless") else None
    for s in layout.sentences:
        if s.kind == "headline" or (s.kind == "body" and s.para in lead_paras):
            if words.search(text, s.start, s.end) is None:
                continue
            if told.search(text, s.start, s.end) is None or (unless is not None and unless.search(text, s.start, s.end)):
                return frozenset()
            return frozenset() if _strike_happened(text, lex) else frozenset(lex["types"])
    return frozenset()


def _strike_happened(text: str, lex: dict[str, Any]) -> bool:
    """Some sentence tells a strike begun, going on or over (``called_off`` happened)."""
    pats = lex.get("happened")
    return bool(pats) and any_rx(tuple(pats)).search(text) is not None


def lead_crowd_score(text: str, layout: Layout, body: list[Trigger], cues: _DocCues, lang: str) -> int | None:
    """A crowd gathering told in the lead without a protest word ("Hundreds lined the riverfront
    on Sunday night to remember ...") is the action a firm trigger of the body names later
    ("the vigil"): scored like a trigger of the lead with people as its agent (a point each), a
    date in the window and a protest cue in its paragraph. Not a quoted sentence, nor one in a
    non-protest context (``negatives``). None without such a sentence (or without a firm,
    unquoted trigger to name its action)."""
    lex = load_lang("cues", lang)
    if not lex.get("crowd_quantity") or not any(not t.quoted for t in body):
        return None
    quantity, verbs = any_rx(tuple(lex["crowd_quantity"])), any_rx(tuple(lex["crowd_verbs"]))
    not_crowd = rx(lex["crowd_not"]) if lex.get("crowd_not") else None
    neg = load_lang("negatives", lang)
    negs = any_rx(tuple(neg.get("span", ())) + tuple(neg.get("sentence", ())))
    told = {t.sent for t in body}
    best: int | None = None
    for si, s in enumerate(layout.sentences):
        if s.kind != "body" or s.para not in cues.lead_paras or si in told:
            continue
        q = quantity.search(text, s.start, min(s.end, s.start + 60))  # the sentence's subject
        v = verbs.search(text, q.end(), min(s.end, q.end() + 60)) if q is not None else None
        if v is None or (not_crowd is not None and not_crowd.search(text, max(s.start, v.start() - 80), v.start())):
            continue
        if in_quote(text, layout.paragraphs[s.para][0], v.start()) or negs.search(text, s.start, s.end):
            continue  # quoted, or told in a non-protest context ("a vigil for the crash victims")
        score = 2 + int(cues.dated_in_window(si, False)) + int(cues.paragraph_cue_besides(s.para, v.start(), v.end()))
        best = score if best is None else max(best, score)
    return best


@lru_cache(maxsize=4)
def _appeal_patterns(lang: str) -> tuple[tuple[re.Pattern[str], ...], re.Pattern[str], re.Pattern[str]] | None:
    lex = lang_entry("frames", lang, "appeal_sense")
    if not lex:
        return None
    ctx, act = lang_entry("frames", lang, "appeal_context") or (), lang_entry("frames", lang, "appeal_action") or ()
    # each sense on its own: "file a protest of the appraisal" is told by two that overlap
    return tuple(rx(p) for p in lex), any_rx(tuple(ctx) or (r"(?!x)x",)), any_rx(tuple(act) or (r"(?!x)x",))


def appeal_sense(text: str, layout: Layout, t: Trigger, cues: _DocCues, lang: str, doc: Any = None) -> bool:
    """Is the protest trigger ``t`` an owner's property-tax appeal ("file a protest of the 2025
    appraisal", "submit a protest to the appraisal district": ``frames_<lang>`` appeal_sense,
    with a word of appeal_context in its paragraph)? Never for a trigger whose sentence tells a
    crowd or a site ("About 200 homeowners protested outside the courthouse against the new
    valuations"), nor for one that people in the plural act (``_plural_agent``)."""
    pats = _appeal_patterns(lang)
    if pats is None or not t.quote.lower().startswith("protest"):
        return False
    sense, ctx, act = pats
    s = layout.sentences[t.sent]
    memo = cues.appeal_memo  # each paragraph and sentence searched once, however many triggers
    if ("p", s.para) not in memo:
        ps, pe = layout.paragraphs[s.para]
        memo[("p", s.para)] = ctx.search(text, ps, pe) is not None  # the appeal's words in the paragraph
    if not memo[("p", s.para)]:
        return False
    if ("s", t.sent) not in memo:
        memo[("s", t.sent)] = [m.span() for p in sense for m in p.finditer(text, s.start, s.end)]
        memo[("a", t.sent)] = act.search(text, s.start, s.end) is not None
    if not any(a <= t.start < b for a, b in memo[("s", t.sent)]):
        return False
    if cues.sentence_cue(t.sent) or memo[("a", t.sent)]:
        return False  # a crowd or a site: a street protest against the appraisals
    return not _plural_agent(doc, t)


def _plural_agent(doc: Any, t: Trigger) -> bool:
    """Do people in the plural act the trigger: its subject when a verb ("homeowners protested
    the new valuations", "owners who protest their appraisals"), its owner when a noun ("the
    homeowners' protest", "a protest of landlords")? The subject of a filing verb ("owners can
    file a protest") is none: each owner files their own appeal."""
    span = doc.char_span(t.start, t.end, alignment_mode="expand") if doc is not None else None
    if span is None or not len(span):
        return False
    tok = span[0]
    if tok.pos_ in ("VERB", "AUX"):
        cands = [c for c in tok.children if c.dep_ in ("nsubj", "agent")]
        if tok.dep_ in ("acl", "relcl") and all(c.lower_ in ("who", "that", "which") for c in cands):
            cands.append(tok.head)
    else:
        cands = [c for c in tok.children if c.dep_ == "poss"]
        cands += [g for c in tok.children if c.dep_ == "prep" and c.lower_ in ("of", "by") for g in c.children if g.dep_ == "pobj"]
    return any(c.tag_ in ("NNS", "NNPS") for c in cands)


def foreign_types(frame: str | None, lang: str) -> frozenset[str]:
    """The event types whose words ``frame`` never uses in a sense of its own
    (``frames_<lang>`` "foreign_types": a market report has no sit-in): the frame's penalty
    does not discount their triggers."""
    if frame is None:
        return frozenset()
    try:
        return frozenset(load_lang("frames", lang).get("foreign_types", {}).get(frame, ()))
    except FileNotFoundError:
        return frozenset()


def is_relevant(
    text: str, layout: Layout, triggers: list[Trigger], dates: list[Any], published: date | None, lang: str, doc: Any = None
) -> bool:
    """Does the text report (or announce) a protest action? (score >= threshold)"""
    return document_score(text, layout, triggers, dates, published, lang, doc) >= load("relevance")["threshold"]
