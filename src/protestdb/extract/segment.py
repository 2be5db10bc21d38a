"""Splitting a text into paragraphs and sentences, and labelling the lines that are not
the body of the report (headline, byline, photo caption) and the dateline."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from protestdb.extract.lexicons import any_rx, load_lang, rx

_SENT_END = re.compile(r"(?:(?<=[.!?])|(?<=[.!?][\"”’)]))\s+(?=[\"“‘(¿¡]?[A-ZÁÉÍÓÚÑ])")
_ABBREV = re.compile(r"\b(?:Mr|Mrs|Ms|Dr|Sen|Rep|Gov|Lt|St|Mt|Ft|Jr|Sr|Gen|Col|Sgt|Rev|Prof|Inc|Co|Corp|No|Jan|Feb|Mar|Apr|Aug|Sept|Sep|Oct|Nov|Dec|[A-Z])\.$")
#: "DETROIT —", "ELIZABETH, N.J. (AP) —", "LOS ANGELES (Reuters) -"
DATELINE = re.compile(
    r"^\s*(?P<city>[A-Z][A-Z.'’-]+(?: [A-Z][A-Z.'’-]+){0,3})"
    r"(?:,\s*(?P<state>[A-Z][A-Za-z.]+(?: [A-Z][A-Za-z.]+)?))?"
    r"\s*(?P<outlet>\([^()\n]{1,60}\))?\s*(?:[—–]|--|-)\s+"
)


@dataclass
class Sentence:
    start: int
    end: int
    para: int
    kind: str = "body"  # body | headline | byline | caption | furniture


@dataclass
class Layout:
    text: str
    sentences: list[Sentence] = field(default_factory=list)
    paragraphs: list[tuple[int, int]] = field(default_factory=list)
    #: (city start, city end, state start, state end) of a dateline, if any
    dateline: tuple[int, int, int | None, int | None] | None = None

    def sentence_at(self, pos: int) -> int:
        """Index of the sentence containing offset ``pos`` (or the nearest before it)."""
        lo, hi = 0, len(self.sentences) - 1
        best = 0
        while lo <= hi:
            mid = (lo + hi) // 2
            if self.sentences[mid].start <= pos:
                best = mid
                lo = mid + 1
            else:
                hi = mid - 1
        return best

    def sent_text(self, i: int) -> str:
        s = self.sentences[i]
        return self.text[s.start : s.end]

    def para_sentences(self, para: int) -> list[int]:
        return [i for i, s in enumerate(self.sentences) if s.para == para]


def _paragraphs(text: str) -> list[tuple[int, int]]:
    out = []
    for m in re.finditer(r"[^\n]+", text):
        s, e = m.start(), m.end()
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        if e > s:
            out.append((s, e))
    return out


def _regex_sentences(text: str, start: int, end: int) -> list[tuple[int, int]]:
    out = []
    pos = start
    for m in _SENT_END.finditer(text, start, end):
        if _ABBREV.search(text[max(pos, m.start() - 6) : m.start()]):
            continue
        out.append((pos, m.start()))
        pos = m.end()
    if pos < end:
        out.append((pos, end))
    return out


def split_text(text: str, doc: Any = None, lang: str = "en") -> Layout:
    """Paragraphs (lines) and sentences (spaCy's when ``doc`` is given, else a regex splitter)."""
    layout = Layout(text=text)
    layout.paragraphs = _paragraphs(text)
    doc_sents: list[tuple[int, int]] = []
    if doc is not None:
        doc_sents = [(s.start_char, s.end_char) for s in doc.sents]
    di = 0
    for pi, (ps, pe) in enumerate(layout.paragraphs):
        spans: list[tuple[int, int]] = []
        if doc is not None:
            while di < len(doc_sents) and doc_sents[di][1] <= ps:
                di += 1
            j = di
            while j < len(doc_sents) and doc_sents[j][0] < pe:
                s, e = max(doc_sents[j][0], ps), min(doc_sents[j][1], pe)
                if e > s:
                    spans.append((s, e))
                j += 1
        else:
            spans = _regex_sentences(text, ps, pe)
        for s, e in spans:
            while e > s and text[e - 1].isspace():
                e -= 1
            while s < e and text[s].isspace():
                s += 1
            if e > s:
                layout.sentences.append(Sentence(s, e, pi))
    _label(layout, lang)
    return layout


#: a paragraph ending in a colon with at least this many words leads into a list (body text)
LEAD_IN_MIN_WORDS = 6


def _label(layout: Layout, lang: str) -> None:
    text = layout.text
    cues = load_lang("cues", lang)
    caption = any_rx(cues["caption"])
    credit_end = rx(cues["caption_credit_end"]) if cues.get("caption_credit_end") else None
    byline = [re.compile(p) for p in cues["byline"]]
    kinds: dict[int, str] = {}
    body_started = False
    from protestdb.extract.furniture import furniture_paragraphs

    furniture = furniture_paragraphs(text, layout.paragraphs, lang)
    for pi, (ps, pe) in enumerate(layout.paragraphs):
        para = text[ps:pe]
        words = len(para.split())
        ends = para.rstrip()[-1:] in ".!?\"”’)" if para.strip() else False
        if para.rstrip().endswith(":") and words >= LEAD_IN_MIN_WORDS:
            ends = True  # "Rallies were held in the following cities:" leads into a list: body, no headline
        if pi in furniture:
            kinds[pi] = "furniture"  # timestamps, share/newsletter text, "Related:" links
        elif caption.search(para) or (credit_end is not None and credit_end.search(para)):
            kinds[pi] = "caption"
        elif any(b.match(para) for b in byline):
            kinds[pi] = "byline"
        elif not body_started and not ends and words <= 30 and pi < len(layout.paragraphs) - 1:
            kinds[pi] = "headline"
        else:
            kinds[pi] = "body"
            if not body_started:
                body_started = True
                m = DATELINE.match(para)
                if m and len(m.group("city")) > 2:
                    st = m.start("state") + ps if m.group("state") else None
                    se = m.end("state") + ps if m.group("state") else None
                    layout.dateline = (m.start("city") + ps, m.end("city") + ps, st, se)
    _caption_repeats(layout, kinds)
    _gallery(layout, kinds, cues.get("photo_credit_end"), cues.get("file_photo") or [])
    for s in layout.sentences:
        s.kind = kinds.get(s.para, "body")
    if credit_end is not None:
        _credit_captions(layout, lang, caption, credit_end)


_YEAR = re.compile(r"\b(?:19|20)\d\d\b")


def _credit_captions(layout: Layout, lang: str, caption: Any, credit_end: Any) -> None:
    """A paragraph told a caption only by the credit it ends in ("... in Baltimore on Tuesday.
    Photo: Jane Doe") that tells a protest action, and no year, before the credit is body text
    with a glued credit: only the credit is the caption."""
    text = layout.text
    glued = {}
    for pi, (ps, pe) in enumerate(layout.paragraphs):
        para = text[ps:pe]
        m = credit_end.search(para)
        # a photo's caption gives its day with the year ("..., on Dec 6, 2023. PHOTO: X"); a news
        # paragraph with a glued credit tells no year
        if m is not None and not caption.search(para) and not _YEAR.search(para, 0, m.start()) \
                and any(s.para == pi and s.kind == "caption" for s in layout.sentences):
            glued[pi] = ps + m.start() + 1
    if not glued:
        return
    from protestdb.extract.detect import find_triggers

    acted = {pi for t in find_triggers(text, lang, layout) if not t.weak
             for pi, cut in glued.items() if layout.paragraphs[pi][0] <= t.start < cut}
    for s in layout.sentences:
        if s.para in acted:
            s.kind = "caption" if s.start >= glued[s.para] else "body"


#: a page with at least this many photo captions, and no more other body paragraphs than captions, is a gallery
GALLERY_MIN_CAPTIONS = 3
#: a body paragraph of fewer words is a credit or a label, not the report's text
GALLERY_BODY_MIN_WORDS = 12


def _gallery(layout: Layout, kinds: dict[int, str], credit_end: str | None, file_photo: list[str]) -> None:
    """A photo gallery ("Students walk out of class at Elm High School in Dayton, March 14. Jane
    Doe/AP", one caption per site of a day of action) tells its events in its captions. Captions:
    the paragraphs labelled so, and those that end in a photographer's credit
    (``photo_credit_end``). With at least ``GALLERY_MIN_CAPTIONS`` of them and no more other body
    paragraphs than captions, each caption is body text (the first one no headline), except a
    file photo's (an older picture)."""
    if not credit_end:
        return
    text = layout.text
    credit = re.compile(credit_end)
    caps = [pi for pi, (a, b) in enumerate(layout.paragraphs)
            if kinds.get(pi) == "caption" or (kinds.get(pi) in ("body", "headline") and credit.search(text[a:b].rstrip()))]
    if len(caps) < GALLERY_MIN_CAPTIONS:
        return
    capset = set(caps)
    body = [pi for pi, k in kinds.items() if k == "body" and pi not in capset
            and len(text[slice(*layout.paragraphs[pi])].split()) >= GALLERY_BODY_MIN_WORDS]
    if len(body) > len(caps):
        return
    old = any_rx(tuple(file_photo)) if file_photo else None
    for pi in caps:
        if old is None or not old.search(text[slice(*layout.paragraphs[pi])]):
            kinds[pi] = "body"


def _caption_repeats(layout: Layout, kinds: dict[int, str]) -> None:
    """A body paragraph that a photo caption holds word for word (a gallery repeats its captions,
    cut before the credit) is a caption too."""
    text = layout.text
    caps = [text[ps:pe].strip() for pi, (ps, pe) in enumerate(layout.paragraphs) if kinds.get(pi) == "caption"]
    if not caps:
        return
    for pi, (ps, pe) in enumerate(layout.paragraphs):
        para = text[ps:pe].strip()
        if kinds.get(pi) in ("body", "headline") and len(para) >= 40 and any(para != c and para in c for c in caps):
            kinds[pi] = "caption"
