"""A learned choice of an event's targets (issue 9): which named bodies and officials is this
protest aimed at?

Candidates are the names the target rules found for the event before their final checks, the
names they kept, and the names spaCy tells in the event's sentences and the headline: an
organization (ORG), an official after a title ("Mayor Dana Reyes"), a government named by its
country or leader ("the Westland government"). Each candidate gets a bag of features read from
what extraction already computed (the rule that found it and whether the rules kept it, its
entity label, its dependency relation and the words that govern it -- "against", "outside",
"urged", "said" --, the words just before and after it, the last word of its name, whether it is
the event's own organizer, where it is told: the event's own sentence, its context, the
headline); a logistic model (``data/targets_model.json``, trained by
``scripts/train_targets_model.py`` on annotated pages) scores it. With the configuration's
``targets_model = "on"`` the event's targets become the rules' targets scored at least the
``drop`` threshold plus the other candidates scored at least ``add`` (none of these: the
likeliest candidate when it scores at least ``fill``); ``"collect"`` only records
the candidates (``doc.memo["target_candidates"]``, by event) for training; ``"off"`` does nothing.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache, lru_cache
from typing import TYPE_CHECKING, Any

from protestdb.extract import linear_model
from protestdb.extract.linear_model import bucket as _bucket
from protestdb.extract.spans import entities

if TYPE_CHECKING:
    from protestdb.extract.fillers import Filling

Span = tuple[int, int, str]

_UNIONISH = re.compile(r"\b(?:Union|Association|Federation|Guild|Local|Workers|Teamsters|Coalition|Alliance|SEIU|AFL-CIO|UAW)\b")
_GOVERNMENT = re.compile(r"(?<![\w-])((?:[A-Z][\w’'-]+\s+){1,3})(?:government|Government|administration|Administration)\b")
_NOT_MODIFIER = frozenset({"The", "A", "An", "This", "That", "Our", "Their", "Its", "His", "Her", "Every", "Any"})
#: features also read together with the candidate's standing: the rules kept it (K), the rules
#: kept none for the event (N0), or kept another (N1)
_CONJOINED = ("src=", "where=", "ent=", "dep=", "h=", "lmentions=", "in_head", "cls=")
MODES = ("on", "off", "collect")


@dataclass
class TargetCandidate:
    """One name that could be a target of one event: its mention, its sources and features."""

    name: str
    span: Span
    sources: set[str] = field(default_factory=set)
    kept: bool = False
    features: set[str] = field(default_factory=set)
    score: float | None = None


def load_model() -> dict[str, Any] | None:
    """The trained model (``data/targets_model.json``), or None when it has not been trained."""
    return linear_model.load_model("targets_model")


def score(features: set[str], model: dict[str, Any]) -> float:
    """The model's probability that the candidate is a target of the event."""
    return linear_model.score(features, model)


@cache
def _head_classes() -> dict[str, str]:
    from protestdb.extract.lexicons import load

    return {w: k for k, ws in load("targets_en").get("head_classes", {}).items() for w in ws}


def _head_class(word: str) -> str:
    """The kind of body a name's last word tells ("Council" -> legislature), else "other"."""
    return _head_classes().get(word.lower().strip(".,;:’'"), "other")


def _clean(name: str) -> str:
    name = re.sub(r"^(?:the|a|an)\s+", "", name.strip(), flags=re.IGNORECASE)
    name = re.sub(r"(?:'s|’s)$", "", name)
    return name.strip(" ,.;:\"“”'’()")


def _key(name: str) -> str:
    return re.sub(r"[^\w]+", " ", name.lower()).strip()


class _Pool:
    """The event's candidates by name (a name told again adds its sources to the first)."""

    def __init__(self) -> None:
        self.by_key: dict[str, TargetCandidate] = {}

    def add(self, name: str, span: Span, source: str, kept: bool = False) -> None:
        name = name.strip()
        key = _key(name)
        if len(key) < 2:
            return
        c = self.by_key.get(key)
        if c is None:
            c = self.by_key[key] = TargetCandidate(name, span)
        elif kept and not c.kept:  # the rules' own name and evidence
            c.name, c.span = name, span
        c.sources.add(source)
        c.kept = c.kept or kept


def _scope_entities(doc: Any, ranges: list[tuple[int, int]]) -> list[Any]:
    ents = [e for e in entities(doc) if e.label_ in ("ORG", "PERSON")]
    return [e for e in ents if any(a <= e.start_char < b for a, b in ranges)]


def _official_title() -> re.Pattern[str]:
    from protestdb.extract.targets import _official_title as title

    return title()


def candidates(f: Filling) -> list[TargetCandidate]:
    """The event's target candidates with their features (see the module docstring)."""
    doc, ev = f.doc, f.ev
    pool = _Pool()
    rules: dict[str, tuple[str, Span]] = f.scratch.get("target_rules", {})
    for n, sp, rule in f.scratch.get("target_cands", ()):
        for part in rule.split("+"):
            pool.add(n, sp, f"cand:{part}")
    for name in ev.targets or []:  # (the rules' own, and those the whole action shares)
        rule, sp = rules.get(name, ("targets.kept", (0, 0, "")))
        for part in rule.split("+"):
            pool.add(name, sp, f"kept:{part}", kept=True)
    head = [(s.start, s.end) for s in doc.layout.sentences if s.kind == "headline"] if doc.layout is not None else []
    _scope_names(doc, list(f.scopes) + head, pool)
    for name, sp, source in _article_names(doc):
        pool.add(name, sp, source)
    if ev.country and ev.country != "US":
        from protestdb.extract.targets_shared import country_government

        told = doc.memo.setdefault("tm_government_at", doc.text.lower().find("government"))
        gov = country_government(ev.country) if told >= 0 else None
        if gov is not None:  # "against the government": the government of the event's country
            pool.add(gov, (told, told + 10, doc.text[told : told + 10]), "frame:country_government")
    cands = list(pool.by_key.values())
    _featurize(f, cands, head)
    return cands


_GOV_WORD = re.compile(r"(?<![\w-])government\b", re.IGNORECASE)


@cache
def _never_add() -> tuple[list[tuple[re.Pattern[str], re.Pattern[str] | None]], re.Pattern[str]]:
    """The frames in which a name the rules left out is never added (``model_never_add``: a
    time, a person supported or celebrated, the event's own organizer) and the protest frame that
    makes "the government" of a sentence the country's (``country_government_frame``)."""
    from protestdb.extract.lexicons import load

    lex = load("targets_en")
    titles = r"\s+(?:(?:the|former|then-|(?-i:[A-Z])[\w.’'-]*)\s+){0,4}$"
    frames = [
        (re.compile(f"(?:{x['before']}){titles}", re.IGNORECASE), re.compile(x["after"], re.IGNORECASE) if x.get("after") else None)
        for x in lex.get("model_never_add", [])
    ]
    return frames, re.compile(lex.get("country_government_frame", "(?!)"), re.IGNORECASE)


def _government_told(doc: Any, ranges: list[tuple[int, int]]) -> int:
    """Where a sentence (of the page: its context often tells it) says "government" (the word, never
    "nongovernmental") in a protest frame, else -1."""
    text = doc.text
    frame = _never_add()[1]
    for a, b in sorted(set(ranges)):
        m = _GOV_WORD.search(text, a, b)
        if m is not None and frame.search(text, a, b):
            return m.start()
    return -1


def _all_sentences(doc: Any) -> list[tuple[int, int]]:
    return [(s.start, s.end) for s in doc.layout.sentences] if doc.layout is not None else [(0, len(doc.text))]


def _never_added(f: Filling, head: list[tuple[int, int]], c: TargetCandidate) -> bool:
    """The candidate is told in a frame of ``model_never_add`` ("organized by Rep. X's
    campaign"), or is the country's government told in no protest frame of the event."""
    own = {x for x in c.sources if x != "frame:country_government" and not x.startswith("art:")}
    if "frame:country_government" in c.sources and not own and _government_told(f.doc, _all_sentences(f.doc)) < 0:
        return True  # (the country's government comes in only told in a protest frame of the event)
    text = f.doc.text
    a, b, _q = c.span
    return any(
        before.search(text, max(0, a - 60), a) and (after is None or after.match(text, b, min(len(text), b + 60)))
        for before, after in _never_add()[0]
    )


def _governments(text: str, a: int, b: int) -> list[tuple[str, Span]]:
    """Governments named by their country or leader in ``text[a:b]``."""
    out = []
    for m in _GOVERNMENT.finditer(text, a, b):
        words = m.group(1).split()
        while words and words[0] in _NOT_MODIFIER:
            words = words[1:]
        if words:
            out.append((" ".join(words) + " " + m.group().split()[-1].lower(), (m.start(), m.end(), m.group())))
    return out


def _scope_names(doc: Any, ranges: list[tuple[int, int]], pool: _Pool) -> None:
    """The organizations, titled officials and named governments of the event's sentences and
    the headline."""
    text = doc.text
    if doc.doc is not None:
        title = _official_title()
        for e in _scope_entities(doc.doc, ranges):
            if e.label_ == "ORG":
                pool.add(_clean(e.text), (e.start_char, e.end_char, e.text), "ent:org")
            elif title.search(text, max(0, e.start_char - 24), e.start_char) and len(e.text.split()) >= 2:
                pool.add(_clean(e.text), (e.start_char, e.end_char, e.text), "ent:official")
    for a, b in ranges:
        if "overnment" in text[a:b] or "dministration" in text[a:b]:
            for name, sp in _governments(text, a, b):
                pool.add(name, sp, "frame:named_government")


def _article_names(doc: Any) -> list[tuple[str, Span, str]]:
    """Names the whole page tells (found once per article): officials after a title and known
    public figures ("President Dana Reyes", "Gov. X"), and governments named by their country
    or leader ("the Westland government", "the Harlow administration")."""
    hit = doc.memo.get("tm_article_names")
    if hit is not None:
        return hit
    from protestdb.extract.leaders import clean_name, figure_name

    text = doc.text
    out: list[tuple[str, Span, str]] = []
    if doc.doc is not None:
        title = _official_title()
        for e in entities(doc.doc):
            if e.label_ != "PERSON":
                continue
            titled = bool(title.search(text, max(0, e.start_char - 24), e.start_char))
            name = clean_name(e.text)
            known = figure_name(name)
            if known is not None:
                out.append((known, (e.start_char, e.end_char, e.text), "art:figure"))
            elif titled and len(name.split()) >= 2:
                out.append((name, (e.start_char, e.end_char, e.text), "art:official"))
    low = text.lower()
    if "government" in low or "administration" in low:
        out += [(name, sp, "art:named_government") for name, sp in _governments(text, 0, len(text))]
    doc.memo["tm_article_names"] = out
    return out


def _featurize(f: Filling, cands: list[TargetCandidate], head: list[tuple[int, int]]) -> None:
    doc, ev = f.doc, f.ev
    text = doc.text
    orgs = [o.lower() for o in ev.organizations or []]
    etypes = [f"et={t.replace(' ', '_')}" for t in (ev.event_type or [])]
    n = _bucket(len(cands), (1, 2, 4, 8))
    n_kept = sum(1 for c in cands if c.kept)
    time_before = _time_before()
    for c in cands:
        fs = c.features
        fs |= {f"src={s}" for s in c.sources}
        fs.add("kept" if c.kept else "not_kept")
        fs.add(f"n_cands={n}")
        fs.add(f"n_kept={_bucket(n_kept, (0, 1, 2))}")
        fs.update(etypes)
        if ev.country and ev.country != "US":
            fs.add("abroad")
        words = c.name.split()
        fs.add(f"n_words={_bucket(len(words), (1, 2, 3))}")
        if c.name.isupper() and len(c.name) <= 6:
            fs.add("acronym")
        if _UNIONISH.search(c.name):
            fs.add("unionish")
        low = c.name.lower()
        if any(low == o or (len(low) > 3 and (low in o or o in low)) for o in orgs):
            fs.add("organizer")
        fs.add(f"mentions={_bucket(text.count(c.name), (0, 1, 2, 4))}" if c.name else "mentions=0")
        if words:
            fs.add(f"lmentions={_bucket(text.count(words[-1]), (0, 1, 2, 4, 8))}")
            if any(words[-1] in text[a:b] for a, b in head):
                fs.add("in_head")
        a, b, _q = c.span
        if b > a and time_before is not None and time_before.search(text, max(0, a - 60), a):
            fs.add("time_ref")  # "a year after President X's inauguration": a time, no addressee
        if b > a:
            fs.add(_where(f, a, head))
            fs |= _word_features(text, a, b)
            fs |= linear_model.parse_features(doc.doc, a, b)
        else:
            fs.add("where=none")
        person = "ent=PERSON" in fs or any(x.endswith(("official", "figure")) for x in c.sources)
        fs.add("cls=person" if person else f"cls={_head_class(words[-1] if words else '')}")
        tag = "K" if c.kept else ("N0" if not n_kept else "N1")
        fs |= {f"{tag}|{x}" for x in fs if x.startswith(_CONJOINED)}


def _time_before() -> re.Pattern[str] | None:
    from protestdb.extract.leaders import _figures

    fig = _figures("en")
    return fig[4] if fig is not None else None


def _where(f: Filling, a: int, head: list[tuple[int, int]]) -> str:
    if f.in_seg.covers(a, a + 1):
        return "where=own"
    if any(s <= a < e for s, e in f.scopes):
        return "where=scope"
    if any(s <= a < e for s, e in head):
        return "where=head"
    return "where=other"


def _word_features(text: str, a: int, b: int) -> set[str]:
    """The word before and after the mention."""
    return linear_model.neighbour_features(text, a, b)


def apply(f: Filling) -> None:
    """Score the event's candidates and keep the likely ones (``config.targets_model`` "on"), or
    only record them ("collect")."""
    doc = f.doc
    mode = doc.config.targets_model
    model = load_model() if mode == "on" else None
    if model is None and mode != "collect":
        return
    cands = candidates(f)
    if mode == "collect":
        doc.memo.setdefault("target_candidates", {})[id(f.ev)] = cands
        return
    assert model is not None
    th = model["thresholds"]
    drop, add = float(th["drop"]), float(th["add"])
    for c in cands:
        c.score = score(c.features, model)
    chosen = [c for c in cands if c.kept and c.score is not None and c.score >= drop]
    # (a name the rules left out comes in only told in full, never in a time reference, and only of
    # an addressable kind: ``may_fill``)
    head = [(s.start, s.end) for s in doc.layout.sentences if s.kind == "headline"] if doc.layout is not None else []
    open_ = [
        c for c in cands
        if not c.kept and c.span[1] > c.span[0] and "time_ref" not in c.features and may_fill(c)
        and not _never_added(f, head, c) and not _told_elsewhere_only(c)
    ]
    extra = sorted((c for c in open_ if c.score is not None and c.score >= add), key=lambda c: -(c.score or 0.0))
    for c in extra:
        if not any(same_body(c.name, k.name, doc.text) for k in chosen):
            chosen.append(c)
    fill = float(th.get("fill", 1.1))
    if not chosen:  # none kept: the likeliest candidate of an addressable kind, when it is likely enough
        best = max(open_, key=lambda c: c.score or 0.0, default=None)
        if best is not None and (best.score or 0.0) >= fill:
            chosen.append(best)
    _set_targets(f, chosen)


@cache
def _never_fill() -> frozenset[str]:
    from protestdb.extract.lexicons import load

    return frozenset(load("targets_en").get("model_never_fill", ()))


def may_fill(c: TargetCandidate) -> bool:
    """May the model add the candidate the rules left out (beside their targets, or alone when they
    kept none): never a kind of name that addresses no one (``model_never_fill``: a news outlet,
    the protesters' own kind of body, a building or street, a place, a day or an
    event's name)."""
    return not (c.features & _never_fill())


def _told_elsewhere_only(c: TargetCandidate) -> bool:
    """The rules kept another target for the event and the page tells this name only away from
    the event's sentences, scope and headline (found by the page-wide search alone): the event's
    own target stands (a city with its own addressee keeps it)."""
    return "N1|where=other" in c.features and all(s.startswith("art:") for s in c.sources)


@lru_cache(maxsize=4096)
def same_body(a: str, b: str, text: str = "") -> bool:
    """Two names of one body: one holds the other ("Acme Freight", "Acme Freight Inc"), one is the
    other's initials and ``text`` (the page) tells it beside the name ("Dunmore Police Department
    (DPD)"; never "UN" and "University of Nevada" on initials alone), or both are forms of one
    known agency or company ("ICE", "Immigration and Customs Enforcement")."""
    la, lb = a.lower(), b.lower()
    if la in lb or lb in la or _acronym_of(a, b, text) or _acronym_of(b, a, text):
        return True
    from protestdb.extract.claims import known_targets

    canon_a = next((c for c, pat in known_targets() if c == a or pat.fullmatch(a)), None)
    return canon_a is not None and any(c == canon_a and (c == b or pat.fullmatch(b)) for c, pat in known_targets())


def _acronym_of(short: str, name: str, text: str) -> bool:
    """``short`` is the initials of ``name``'s capitalised words ("DPD", "Dunmore Police
    Department") and the page tells the two side by side, one in brackets after the other
    ("Dunmore Police Department (DPD)", "DPD (Dunmore Police Department)")."""
    if not (short.isupper() and 2 <= len(short) <= 6 and short.isalpha()):
        return False
    if short != "".join(w[0] for w in name.split() if w[:1].isupper()):
        return False
    s, n = re.escape(short), re.escape(name)
    return re.search(rf"(?<![\w-]){n}\s*\(\s*(?:the\s+)?{s}\s*\)|(?<![\w-]){s}\s*\(\s*(?:the\s+)?{n}\s*\)", text) is not None


def _set_targets(f: Filling, chosen: list[TargetCandidate]) -> None:
    from protestdb.extract.trace import record

    ev = f.ev
    old = list(ev.targets or [])
    new = [c.name for c in chosen]
    if new == old:
        return
    for name in old:
        if name not in new:
            f.drop(f"target {name!r}", "targets.model", "scored below the target model's threshold")
    ev.targets = []
    ev.evidence.pop("targets", None)
    for c in chosen:
        if c.name not in ev.targets:
            ev.targets.append(c.name)
        a, b, q = c.span
        if b > a:
            ev.add_evidence("targets", a, b, q)
    added = [n for n in new if n not in old]
    if added:
        record(f.trace, "targets", "targets.model", [c.span for c in chosen if c.name in added and c.span[1] > c.span[0]],
               "scored above the target model's threshold: " + ", ".join(added))


__all__ = ["MODES", "TargetCandidate", "apply", "candidates", "load_model", "may_fill", "same_body", "score"]
