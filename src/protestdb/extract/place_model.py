"""A learned check of the drafts' places (issue 9): is there an event at this place?

Candidates are the localities of a relevant article: every city or neighbourhood mention the
gazetteer resolves, grouped by its place key, and every draft placed at a locality. Each
candidate gets a bag of features from what extraction already computed (the words and the
parse around its mentions, the protest words and dates of their sentences, the drafting rules
that placed a draft there, the page's layout); a logistic model (``data/place_model.json``,
trained by ``scripts/train_place_model.py`` on annotated pages) scores it. With the
configuration's ``place_model = "on"``, drafts at a place scored below the ``drop`` threshold
are dropped, and a place scored above the ``add`` threshold that no draft covers becomes a draft
of its own, with the protest words of its sentence (filled like any other draft). ``"collect"``
only records the candidates (``doc.memo["place_candidates"]``) for training; ``"off"`` does
nothing.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from protestdb.extract import linear_model
from protestdb.extract.document import NATIONAL, UNLOCATED, Draft, ExtractDoc
from protestdb.extract.linear_model import bucket as _bucket
from protestdb.extract.places import Place

if TYPE_CHECKING:
    from protestdb.extract.drafting import DraftState

_WORD = re.compile(r"[^\W\d_][\w'’-]*|\d+")
#: words of the text window taken as bag-of-words features (characters each side of a mention)
WINDOW = 40
LOCAL_KINDS = ("city", "neighborhood")


@dataclass
class Candidate:
    """One place key of an article: its mentions, the drafts placed there and its features."""

    key: str
    place: Place
    mentions: list[Place] = field(default_factory=list)
    drafts: list[Draft] = field(default_factory=list)
    features: set[str] = field(default_factory=set)
    score: float | None = None

    @property
    def drafted(self) -> bool:
        return bool(self.drafts)


def load_model() -> dict[str, Any] | None:
    """The trained model (``data/place_model.json``), or None when it has not been trained."""
    return linear_model.load_model("place_model")


def score(features: set[str], model: dict[str, Any]) -> float:
    """The model's probability that the candidate is an event place."""
    return linear_model.score(features, model)


class _Page:
    """Per-article facts the mention features share (computed once per article)."""

    def __init__(self, doc: ExtractDoc, st: DraftState | None) -> None:
        layout = doc.layout
        self.doc, self.text, self.layout = doc, doc.text, layout
        self.trig_by_sent: dict[int, list[Any]] = {}
        for t in doc.triggers:
            if not t.weak and layout.sentences[t.sent].kind == "body":
                self.trig_by_sent.setdefault(t.sent, []).append(t)
        self.trig_sents = sorted(self.trig_by_sent)
        self.date_sents = {layout.sentence_at(m.start) for m in doc.dates}
        spacy_doc = doc.doc
        self.persons = [(e.start_char, e.end_char) for e in spacy_doc.ents if e.label_ == "PERSON"] if spacy_doc is not None else []
        self.event_place_ids = {id(p) for ps in (st.places_by_sent.values() if st is not None else ()) for p in ps}
        self.tags = st.tags if st is not None else {}
        self.dl = layout.dateline

    def nearest_trigger(self, si: int) -> int | None:
        ts = self.trig_sents
        if not ts:
            return None
        i = bisect_left(ts, si)
        near = [ts[j] for j in (i - 1, i) if 0 <= j < len(ts)]
        return min((abs(x - si) for x in near), default=None)


def mention_features(page: _Page, p: Place) -> set[str]:
    """The features of one place mention (see the module docstring)."""
    text, layout = page.text, page.layout
    si = layout.sentence_at(p.start)
    s = layout.sentences[si]
    f = {f"kind={p.kind}", f"skind={s.kind}"}
    if p.country and p.country != "US":
        f.add("abroad")
    if page.dl is not None and page.dl[0] == p.start:
        f.add("dateline")
    if id(p) in page.event_place_ids:
        f.add("event_place")
    tag = page.tags.get(("place", id(p)))
    if tag:
        f.add(f"tag={tag}")
    dist = page.nearest_trigger(si)
    f.add("trig=none" if dist is None else f"trig_d={_bucket(dist, (0, 1, 3))}")
    f |= _trigger_features(page.trig_by_sent.get(si, []), p)
    if si in page.date_sents:
        f.add("date_same")
    f.add(f"pos={min(4, int(5 * p.start / max(1, len(text))))}")
    if s.para == 0:
        f.add("para0")
    if any(a < p.end and p.start < b for a, b in page.persons):
        f.add("person")
    f |= _word_features(text, p, s.start, s.end)
    f |= _parse_features(page, p, page.trig_by_sent.get(si, []))
    return f


def _trigger_features(trigs: list[Any], p: Place) -> set[str]:
    """The protest words of the mention's sentence: their types, flags and side."""
    f: set[str] = set()
    for t in trigs:
        f.add(f"tt={t.type.replace(' ', '_')}")
        for flag in ("announced", "background", "anaphoric", "quoted", "crowd", "national"):
            if getattr(t, flag, False):
                f.add(f"t_{flag}")
        if t.end <= p.start:
            f.add("trig_before" if p.start - t.end < 80 else "trig_before_far")
        elif t.start >= p.end:
            f.add("trig_after" if t.start - p.end < 80 else "trig_after_far")
    return f


def _word_features(text: str, p: Place, lo: int, hi: int) -> set[str]:
    """The word before and after the mention and the words around it in its sentence (a word
    outside the project's closed vocabulary by its class: ``linear_model.closed_word``)."""
    f = linear_model.neighbour_features(text, p.start, p.end, lo)
    for w in _WORD.findall(text[max(lo, p.start - WINDOW) : p.start]):
        f.add(f"wb={linear_model.closed_word(w)}")
    for w in _WORD.findall(text[p.end : min(hi, p.end + WINDOW)]):
        f.add(f"wa={linear_model.closed_word(w)}")
    return f


def _parse_features(page: _Page, p: Place, trigs: list[Any]) -> set[str]:
    """The mention's dependency relation, its head (the preposition's own head) and the verb it
    hangs from, read on the article's one parse; whether the place hangs from a protest word of
    its sentence ("rallied in X", "a march through X": ``att_trig``) or from the verb a protest
    word hangs from ("held a vigil in X": ``att_trig_verb``)."""
    role = linear_model.parse_role(page.doc.doc, p.start, p.end)
    if role is None:
        return set()
    f = set(role.features)
    if trigs:
        f |= _attachment(role.root, role.verb, trigs)
    return f


def _on_trigger(tok: Any, trigs: list[Any]) -> bool:
    return any(t.start <= tok.idx < t.end for t in trigs)


def _attachment(root: Any, verb: Any, trigs: list[Any]) -> set[str]:
    """Does the place hang (through at most three heads) from a protest word, or share its verb
    with one?"""
    tok = root
    for _ in range(3):
        if tok.head is tok:
            break
        tok = tok.head
        if _on_trigger(tok, trigs):
            return {"att_trig"}
    if verb is not None and (_on_trigger(verb, trigs) or any(_on_trigger(c, trigs) for c in verb.children)):
        return {"att_trig_verb"}
    return {"att_none"}


def candidates(doc: ExtractDoc, drafts: list[Draft], st: DraftState | None = None) -> list[Candidate]:
    """The article's locality candidates with their features (in order of first mention)."""
    page = _Page(doc, st)
    by_key: dict[str, Candidate] = {}
    for p in doc.places:
        if p.kind not in LOCAL_KINDS or not p.city_key:
            continue
        c = by_key.setdefault(p.city_key, Candidate(p.city_key, p))
        c.mentions.append(p)
    for d in drafts:
        if d.key in (NATIONAL, UNLOCATED) or d.key.startswith("state:") or d.place is None:
            continue
        c = by_key.setdefault(d.key, Candidate(d.key, d.place))
        c.drafts.append(d)
    keys = {k.split("|")[0] for k in by_key}
    n_places = len(keys)
    for c in by_key.values():
        f = c.features
        for p in c.mentions:
            f |= mention_features(page, p)
        f.add(f"n_mentions={_bucket(len(c.mentions), (0, 1, 2, 4))}")
        f.add(f"n_places={_bucket(n_places, (1, 3, 7))}")
        f.add("drafted" if c.drafted else "undrafted")
        for d in c.drafts:
            for rule, *_ in d.rules:
                for part in rule.split("+"):
                    f.add(f"rule={part}")
            if d.announced:
                f.add("d_announced")
            if d.counter:
                f.add("d_counter")
        if len(c.drafts) > 1:
            f.add("n_drafts=2+")
    return list(by_key.values())


def _add_draft(st: DraftState, c: Candidate) -> Draft | None:
    """A draft at a candidate place no draft covers: the protest words of the sentence of its
    mention nearest to one (that sentence, else the nearest sentence of its paragraph with
    protest words)."""
    layout = st.doc.layout
    page_trigs: dict[int, list[Any]] = {}
    for t in st.doc.triggers:
        if not t.weak and layout.sentences[t.sent].kind == "body":
            page_trigs.setdefault(t.sent, []).append(t)
    best: tuple[int, Place, int] | None = None
    for p in c.mentions:
        si = layout.sentence_at(p.start)
        s = layout.sentences[si]
        if s.kind != "body":
            continue
        for sj in sorted(layout.para_sentences(s.para), key=lambda j: abs(j - si)):
            if sj in page_trigs:
                if best is None or abs(sj - si) < best[0]:
                    best = (abs(sj - si), p, sj)
                break
    if best is None:
        return None
    _, p, sj = best
    s = layout.sentences[sj]
    trigs = page_trigs[sj]
    d = Draft(c.key, p, announced=all(t.announced for t in trigs))
    st.drafts.append(d)
    st.attach(d, list(trigs), (s.start, s.end), s.para, [], None, "place_model")
    return d


def apply(st: DraftState) -> None:
    """Score the candidates; drop the drafts at unlikely places and add the likely places no
    draft covers (``config.place_model`` "on"), or only record them ("collect")."""
    doc = st.doc
    mode = doc.config.place_model
    model = load_model() if mode == "on" else None
    if model is None and mode != "collect":
        return  # no trained model: the rules' drafts stand
    cands = candidates(doc, st.drafts, st)
    doc.memo["place_candidates"] = cands
    if model is None:
        return
    th = model["thresholds"]
    drop, add = float(th["drop"]), float(th["add"])
    dropped: set[str] = set()
    for c in cands:
        c.score = score(c.features, model)
        if c.drafted and c.score < drop:
            dropped.add(c.key)
    if dropped:
        kept = []
        for d in st.drafts:
            if d.key in dropped:
                doc.trace.drop(d.describe(), "drafting.place_model", f"place scored below {drop:g} by the place model")
            else:
                kept.append(d)
        st.drafts = kept
    for c in cands:
        if not c.drafted and c.score is not None and c.score >= add:
            _add_draft(st, c)
