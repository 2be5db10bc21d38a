"""A learned organization selector (issue 9): which organization-like names are the event's?

Candidates, per event: every organization the rules found in the article (``orgs.find_orgs``),
with the rule that gave it to the event or none ("article"), the names the rules' filter
rejected inside the event's scopes (with the reason), and those the organizations filler
dropped (inside a place name, the action's target). Each candidate gets a bag of cheap features
from what extraction already computed: the words framing its mentions ("organized by", "said
the ... spokesperson"; a word outside the project's closed vocabulary by its class), its parse
role and governing word (``linear_model.parse_features``), how far its mentions are from the
event's sentences, how often and where the page names it, its head word and shape. A logistic
model (``data/orgs_model.json``, trained by ``scripts/train_orgs_model.py`` on annotated pages)
scores it. With ``config.orgs_model = "on"`` a name the rules gave the event stays unless scored
below the model's ``drop`` threshold, and any other candidate comes in when scored at or above
its ``add`` threshold; ``"collect"`` keeps the rules' choice and records the candidates
(``COLLECTED``) for training; ``"off"`` does nothing. A person's name is never a candidate.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from protestdb.extract import linear_model
from protestdb.extract.linear_model import bucket as _bucket
from protestdb.extract.orgs import Org, title_before

if TYPE_CHECKING:
    from protestdb.extract.fillers import Filling

Span = tuple[int, int, str]
_WORD = re.compile(r"[^\W\d_][\w'’-]*|\d+|[,;:(—–\"“”]")
#: the rules' filter reasons that name a person: never a candidate (no people in structured fields)
_PERSON_REASONS = frozenset(("a person's name",))
#: word classes of a name: a police force, a government body, a court, a company, a school or a
#: party is often the target or a bystander, a union or a movement the organizer
_CLASSES = {
    "police": frozenset("police sheriff sheriff's constabulary troopers patrol".split()),
    "gov": frozenset("government ministry department council board commission city county state senate parliament "
                     "assembly congress agency administration office authority municipality".split()),
    "court": frozenset("court tribunal".split()),
    "company": frozenset("inc inc. corp corporation company co ltd llc group holdings bank airlines airways".split()),
    "school": frozenset("university college school academy institute".split()),
    "party": frozenset("party".split()),
    "union": frozenset("union unions federation workers teachers nurses employees labour labor local congress".split()),
    "movement": frozenset("movement coalition alliance network campaign collective front matter".split()),
    "media": frozenset("news times post tribune press radio tv television herald journal".split()),
}
#: (event, candidates) of each filled event in "collect" mode, for the training script
COLLECTED: list[tuple[Any, list[OrgCandidate]]] = []


@dataclass
class OrgCandidate:
    name: str
    spans: list[Span]
    source: str  # the rule that gave it to the event, "article", "rej:<reason>" or "drop:<reason>"
    org: Org | None = None
    features: set[str] = field(default_factory=set)
    score: float | None = None

    @property
    def rule_kept(self) -> bool:
        return self.source.startswith("organizations.")


def load_model() -> dict[str, Any] | None:
    """The trained model (``data/orgs_model.json``), or None when it has not been trained."""
    return linear_model.load_model("orgs_model")


def score(features: set[str], model: dict[str, Any]) -> float:
    return linear_model.score(features, model)


def keeps(c: OrgCandidate, p: float, model: dict[str, Any]) -> bool:
    """A name the rules gave the event stays unless scored below ``drop``; any other candidate
    comes in when scored at or above ``add``."""
    t = model["thresholds"]
    return p >= float(t["drop"]) if c.rule_kept else p >= float(t["add"])


def fold(name: str) -> str:
    """A name's comparison key: case and curly apostrophes folded ("Women’s" = "women's")."""
    return name.lower().replace("’", "'").replace("‘", "'").strip()


def _norm_word(w: str) -> str:
    """A framing word as a feature names it: a closed-vocabulary word, else its class."""
    return linear_model.closed_word(w)


def _context(text: str, a: int, b: int, feats: set[str], pre: str) -> None:
    """The words framing a mention: up to three before it and two after it (same line)."""
    left_start = max(0, a - 50)
    nl = text.rfind("\n", left_start, a)
    left = [_norm_word(w) for w in _WORD.findall(text, nl + 1 if nl >= 0 else left_start, a)][-3:]
    nr = text.find("\n", b, b + 40)
    right = [_norm_word(w) for w in _WORD.findall(text, b, nr if nr >= 0 else min(len(text), b + 40))][:2]
    if left:
        feats.add(f"{pre}l1:{left[-1]}")
    if len(left) >= 2:
        feats.add(f"{pre}l2:{left[-2]}_{left[-1]}")
    if len(left) >= 3:
        feats.add(f"{pre}l3:{left[-3]}")
    if not left:
        feats.add(f"{pre}l1:^")
    if right:
        feats.add(f"{pre}r1:{right[0]}")
    if len(right) >= 2:
        feats.add(f"{pre}r2:{right[0]}_{right[1]}")


def _shape(name: str, feats: set[str]) -> None:
    words = name.split()
    feats.add(f"nw:{_bucket(len(words), (1, 2, 3, 4, 6))}")
    if words:
        feats.add(f"last:{_norm_word(words[-1])}")  # the head word: union, party, police ...
    if re.fullmatch(r"[A-Z0-9&-]{2,10}", name):
        feats.add("acronym")
    elif name.isupper():
        feats.add("allcaps")
    if any(w.lower() in ("local",) for w in words) and re.search(r"\d", name):
        feats.add("union_local")
    low = {w.lower().strip(".,'’") for w in words}
    feats.update(f"cls:{k}" for k, ws in _CLASSES.items() if low & ws)
    from protestdb.extract.orgs import _has_org_word, _is_place_name, _movement_name

    if _is_place_name(name):
        feats.add("place_name")

    if _has_org_word(name):
        feats.add("org_word")
    if _movement_name(name):
        feats.add("movement_name")


def _features(f: Filling, c: OrgCandidate, n_events: int, sent_of_event: set[int]) -> set[str]:
    ctx, text = f.doc, f.doc.text
    layout = ctx.layout
    feats = {"bias_src:" + c.source.split(":", 1)[0], "src:" + c.source, f"nev:{_bucket(n_events, (1, 2, 4))}"}
    if c.org is not None and c.org.group_named:
        feats.add("group_named")
    if f.draft.counter:
        feats.add("counter_event")
    _shape(c.name, feats)
    feats.add(f"ment:{_bucket(len(c.spans), (1, 2, 4))}")
    dists = []
    kinds = set()
    for a, b, _ in c.spans:
        si = layout.sentence_at(a)
        kinds.add(layout.sentences[si].kind)
        if sent_of_event:
            dists.append(min(abs(si - e) for e in sent_of_event))
        if f.in_seg.covers(a, b):
            feats.add("in_segment")
        elif f.in_scope.covers(a, b):
            feats.add("in_scope")
        _context(text, a, b, feats, "a")
    feats.update(f"kind:{k}" for k in kinds)
    if dists:
        sd = _bucket(min(dists), (0, 1, 2, 5))
        feats.add(f"sd:{sd}")
        feats.add(f"src_sd:{c.source.split(':', 1)[0]}_{sd}")
    # told where another event of the page is told, never where this one is: that event's
    others = [seg for d in f.drafts if d is not f.draft for seg in d.segments]
    if others and not any(f.in_scope.covers(a, b) for a, b, _ in c.spans) and any(
        s <= a and b <= e for a, b, _ in c.spans for s, e in others
    ):
        feats.add("other_event")
        feats.add(f"other_event_{c.source.split(':', 1)[0]}")
    # the mention nearest the event: its frame words and parse role
    a, b, _ = min(c.spans, key=lambda s: min((abs(layout.sentence_at(s[0]) - e) for e in sent_of_event), default=0))
    _context(text, a, b, feats, "")
    feats |= linear_model.parse_features(ctx.doc, a, b)
    if title_before(text, a):
        feats.add("title_before")
    if layout.sentences[layout.sentence_at(c.spans[0][0])].kind == "headline":
        feats.add("first_in_headline")
    return feats


def candidates(f: Filling, kept: list[Any], drops: dict[int, str], why: dict[int, str]) -> list[OrgCandidate]:
    """The event's candidates: the article's organizations (kept by the rules for this event,
    dropped by the filler, or given to other events only) and the names the rules' filter
    rejected inside the event's scopes."""
    from protestdb.extract.assemble import article_orgs

    out: list[OrgCandidate] = []
    seen: set[str] = set()
    kept_ids = {id(o) for o in kept}
    for o in article_orgs(f.doc):
        if id(o) in kept_ids:
            src = why.get(id(o), "organizations.in_event_scope")
        elif id(o) in drops:
            src = f"drop:{drops[id(o)]}"
        else:
            src = "article"
        out.append(OrgCandidate(o.name, list(o.spans), src, o))
        seen.add(fold(o.name))
        if o.acronym:
            seen.add(fold(o.acronym))
    by_name: dict[str, OrgCandidate] = {}
    for a, b, reason in f.doc.memo.get("orgs_rejected", ()):
        name = f.doc.text[a:b]
        key = fold(name)
        if reason in _PERSON_REASONS or key in seen or len(name) < 2 or "\n" in name:
            continue
        if key in by_name:
            if (a, b, name) not in by_name[key].spans:
                by_name[key].spans.append((a, b, name))
        elif f.in_scope.covers(a, b):
            by_name[key] = OrgCandidate(name, [(a, b, name)], f"rej:{reason}")
    out.extend(by_name.values())
    n_events = len(f.drafts)
    layout = f.doc.layout
    sent_of_event = {layout.sentence_at(s) for s, _ in f.seg_scopes} | {layout.sentence_at(t.start) for t in f.draft.triggers}
    for c in out:
        c.features = _features(f, c, n_events, sent_of_event)
    return out


def select(f: Filling, kept: list[Any], drops: dict[int, str], why: dict[int, str]) -> list[OrgCandidate] | None:
    """The candidates the event keeps ("on"), or None: the rules' choice stands ("collect",
    "off", no model)."""
    mode = f.doc.config.orgs_model
    if mode == "off":
        return None
    model = load_model() if mode == "on" else None
    if mode == "on" and model is None:
        return None
    cands = candidates(f, kept, drops, why)
    if mode == "collect":
        COLLECTED.append((f.ev, cands))
        return None
    assert model is not None
    chosen = []
    for c in cands:
        c.score = score(c.features, model)
        if keeps(c, c.score, model):
            chosen.append(c)
    chosen.sort(key=lambda c: c.spans[0][0])
    names = [fold(c.name) for c in chosen]
    # a shorter name inside a longer chosen one ("Students for Justice" in "... in Palestine")
    return [c for c, n in zip(chosen, names, strict=True)
            if not any(n != m and re.search(rf"\b{re.escape(n)}\b", m) for m in names)]
