"""A learned keep/drop check of each event a page yields (issue 9: false events).

Hand rules against false events (an action told as background, a plan, a quote, a second
event at a place already told) were tuned on the analysed pages and did not carry over to
unseen ones. This module scores each finished event of a page with a logistic model over
general features that extraction already computed -- no words of the page, no new parse:

- where the event is told: the paragraph and body sentence of its first supporting segment
  (in the lead or not, in the headline), how many sentences support it, the drafting rule;
- its date: how it was found (the filler's rule; an explicit day, a weekday, the page's date,
  none), its precision, its distance to the publication date, announced or not;
- its trigger words: all quoted, all background, all anaphoric, no new action, weak;
- its place: the drafted place's kind (city, venue, state; known without the geocoder), abroad,
  none; whether it is the page's most-told locality; other events
  at the same locality on other days, or on the same day;
- the page: its number of events, the relevance rules' score;
- its fields: types, a size, organizations, targets.

A model (``data/event_model.json``, trained by ``scripts/train_event_model.py`` on the analysable
real-news pages, labelled by DESIGN's matching) gives the probability that the event is one of
the page's gold events. With the configuration's ``event_model = "on"`` an event whose
probability is below the model's ``cut`` (a conservative one: drop only the events it is
confident are false) is dropped; ``"collect"`` records the features (``doc.memo["event_features"]``,
one set per event) for training; ``"off"`` does nothing.
"""

from __future__ import annotations

import logging
from collections import Counter
from typing import Any

from protestdb.extract import linear_model
from protestdb.extract.document import ExtractDoc

logger = logging.getLogger(__name__)

#: bucket edges of the counts
EVENT_BUCKETS = (1, 2, 3, 5, 8)
PARA_BUCKETS = (0, 1, 2, 4, 8)
SENT_BUCKETS = (1, 2, 3, 5)
#: distance in days from the publication date to the event's date
DAY_EDGES = ((-1, "after"), (0, "same"), (1, "d1"), (2, "d2"), (7, "week"), (31, "month"))


#: the features crossed with a small page's ("small&...")
SMALL_CROSSED = ("rank=", "place=", "same_place=", "lead", "date=", "announced", "n_sents=", "rule=", "days=")


def load_model() -> dict[str, Any] | None:
    """The trained model (``data/event_model.json``), or None when it has not been trained."""
    return linear_model.load_model("event_model")


def _first_rule(trace: dict[str, Any], name: str) -> str | None:
    steps = trace.get(name) or []
    return steps[0].rule if steps else None


def _day_distance(ev: Any, doc: ExtractDoc) -> str:
    if not ev.date:
        return "none"
    if doc.published is None:
        return "no_published"
    from datetime import date

    try:
        d = date.fromisoformat(str(ev.date)[:10])
    except ValueError:
        return "none"
    delta = (doc.published - d).days
    if delta < 0:
        return "after" if delta >= -14 else "far_after"
    for edge, name in DAY_EDGES[1:]:
        if delta <= edge:
            return name
    return "old"


def _date_kind(ev: Any, doc: ExtractDoc) -> str:
    """How the event's date was told: an explicit day, a relative word (a weekday,
    "yesterday"), other words, or none."""
    spans = ev.evidence.get("date") or []
    if not spans:
        return "none"
    by_start = {m.start: m for m in doc.dates}
    m = by_start.get(spans[0].start)
    if m is None:
        return "other"
    return "relative" if m.relative else "explicit"


def _where(ev: Any) -> str | None:
    return f"{ev.locality}|{ev.state or ''}|{ev.country or ''}".lower() if ev.locality else None


def _page_facts(doc: ExtractDoc) -> dict[str, Any]:
    """What every event of the page shares: the localities' counts of mentions and of events,
    the (locality, date) pairs."""
    told = Counter(p.locality.lower() for p in doc.places if p.locality and p.kind in ("city", "neighborhood", "venue"))
    where = [_where(ev) for ev in doc.events]
    dates = Counter(str(ev.date) for ev in doc.events if ev.date)
    sents = doc.layout.sentences if doc.layout is not None else []
    body = [i for i, s in enumerate(sents) if s.kind == "body"]
    return {
        "body": {i: k for k, i in enumerate(body)},
        "paras": {p: k for k, p in enumerate(dict.fromkeys(sents[i].para for i in body))},
        "modal_date": _modal(dates) if len(doc.events) > 1 else None,
        "order": _order(doc),
        "top": told.most_common(1)[0][0] if told else None,
        "told": told,
        "events_at": Counter(w for w in where if w),
        "dates_at": Counter((w, str(ev.date)) for w, ev in zip(where, doc.events, strict=True) if w),
    }


def _modal(dates: Counter[str]) -> str | None:
    """The date told for strictly more events than any other (None on a tie: which of two tied
    dates came first is the order of telling, not a fact of the dates)."""
    top = dates.most_common(2)
    if not top or (len(top) > 1 and top[1][1] == top[0][1]):
        return None
    return top[0][0]


def _first_told(doc: ExtractDoc, i: int) -> int:
    ev = doc.events[i]
    draft = doc.drafts[i] if len(doc.drafts) >= len(doc.events) else None
    starts = [a for a, _b in draft.segments] if draft is not None and draft.segments else []
    starts = starts or [sp.start for sp in ev.evidence.get("event_type", [])]
    return min(starts) if starts else len(doc.text)


def _order(doc: ExtractDoc) -> dict[int, int]:
    """Each event's rank on the page by where it is first told (0: told first)."""
    firsts = sorted(range(len(doc.events)), key=lambda i: (_first_told(doc, i), i))
    return {i: k for k, i in enumerate(firsts)}


def _position(doc: ExtractDoc, ev: Any, draft: Any, facts: dict[str, Any]) -> set[str]:
    """Where the event is first told, and how many sentences support it."""
    layout = doc.layout
    out: set[str] = set()
    if layout is None or not layout.sentences:
        return out
    starts = sorted(a for a, _b in draft.segments) if draft is not None and draft.segments else []
    if not starts:
        starts = sorted(sp.start for sp in ev.evidence.get("event_type", []))
    if not starts:
        out.add("para=none")
        return out
    sents = sorted({layout.sentence_at(a) for a in starts})
    first = layout.sentences[sents[0]]
    rank = facts["body"].get(sents[0], -1)
    prank = facts["paras"].get(first.para, -1)
    out.add(f"skind={first.kind}")
    out.add(f"para={linear_model.bucket(prank, PARA_BUCKETS) if prank >= 0 else 'none'}")
    out.add(f"sent={linear_model.bucket(rank, PARA_BUCKETS) if rank >= 0 else 'none'}")
    if 0 <= rank < 2:
        out.add("lead")
    out.add(f"n_sents={linear_model.bucket(len(sents), SENT_BUCKETS)}")
    if any(layout.sentences[i].kind == "headline" for i in sents):
        out.add("headline")
    return out


def _trigger_flags(draft: Any) -> set[str]:
    trigs = list(draft.triggers) if draft is not None else []
    if not trigs:
        return {"trig=none"}
    out = set()
    for flag in ("quoted", "background", "anaphoric", "weak", "announced", "national", "crowd"):
        vals = [bool(getattr(t, flag, False)) for t in trigs]
        if all(vals):
            out.add(f"trig=all_{flag}")
        elif any(vals):
            out.add(f"trig=some_{flag}")
    if not any(getattr(t, "new_action", True) for t in trigs):
        out.add("trig=no_new_action")
    out.add(f"n_trig={linear_model.bucket(len(trigs), SENT_BUCKETS)}")
    return out


def _place_features(ev: Any, draft: Any, facts: dict[str, Any]) -> set[str]:
    """The event's place: the drafted place's kind, abroad, none, the page's top locality, other
    events there. "No place" is told once (``place=none``), not also by the kind, rule or key."""
    out: set[str] = set()
    # the kind of the drafted place (city, venue, state ...), known with or without the geocoder
    kind = draft.place.kind if draft is not None and draft.place is not None else "none"
    if kind != "none":
        out.add(f"where={kind}")
    if ev.country and ev.country != "US":
        out.add("abroad")
    where = _where(ev)
    if where is None:
        out.add("place=none")
    else:
        loc = (ev.locality or "").lower()
        if loc == facts["top"]:
            out.add("place=top")
        out.add(f"place_told={linear_model.bucket(facts['told'].get(loc, 0), SENT_BUCKETS)}")
        if facts["events_at"][where] > 1:
            same_day = facts["dates_at"][(where, str(ev.date))] > 1
            out.add("same_place=same_date" if same_day else "same_place=other_date")
    if draft is not None:
        if draft.counter:
            out.add("counter")
        if draft.key != "__unlocated__":
            out.add(f"key={draft.key if draft.key.startswith('__') else 'state' if draft.key.startswith('state:') else 'city'}")
    return out


def features(doc: ExtractDoc, i: int, facts: dict[str, Any] | None = None) -> set[str]:
    """The features of the page's ``i``-th event (see the module's description)."""
    facts = facts if facts is not None else _page_facts(doc)
    ev = doc.events[i]
    draft = doc.drafts[i] if len(doc.drafts) >= len(doc.events) else None
    trace = doc.event_traces[i] if len(doc.event_traces) == len(doc.events) else {}
    out = {f"n_events={linear_model.bucket(len(doc.events), EVENT_BUCKETS)}"}
    score = doc.memo.get("relevance_score")
    if score is not None:
        out.add(f"score={max(-1, min(8, int(score)))}")
    out.update(f"type={t.replace(' ', '_')}" for t in ev.event_type or ["none"])
    rule = (_first_rule(trace, "event") or "none").removeprefix("drafting.")
    base, *mods = rule.split("+")
    if base != "unlocated":  # "no place" is told once, by place=none (not by rule, key, where too)
        out.add(f"rule={base}")
    out.update(f"via={m}" for m in mods)  # the drafting rule's helpers ("site_frame")
    out.add(f"date_rule={(_first_rule(trace, 'date') or 'none').removeprefix('date.')}")
    out.add(f"date_kind={_date_kind(ev, doc)}")
    out.add(f"date_prec={ev.date_precision or 'none'}")
    out.add(f"days={_day_distance(ev, doc)}")
    if ev.announced_only:
        out.add("announced")
    out |= _place_features(ev, draft, facts)
    for name, field_name in (("size", "size_cat"), ("orgs", "organizations"), ("targets", "targets"),
                             ("venue", "location")):
        if getattr(ev, field_name, None):
            out.add(f"has={name}")
    out |= _position(doc, ev, draft, facts)
    out |= _trigger_flags(draft)
    rank = facts["order"].get(i, 0)
    out.add(f"rank={min(rank, 2)}")
    if facts["modal_date"] is not None and ev.date:
        out.add("date=modal" if str(ev.date) == facts["modal_date"] else "date=other")
    if 2 <= len(doc.events) <= 3:  # a small page: one false event is a third or half of it
        out.update(f"small&{f}" for f in list(out) if f.startswith(SMALL_CROSSED))
    return out


def filter_events(doc: ExtractDoc) -> list[int]:
    """Mode "on": drop the events the model scores below its cut (see ``droppable``: never the
    page's first-told or only event); "collect": record each event's features. Returns the
    indices dropped (as they were)."""
    mode = doc.config.event_model
    if mode == "off" or not doc.events:
        return []
    model = load_model() if mode == "on" else None
    if mode == "on" and model is None:
        return []
    facts = _page_facts(doc)
    feats = [features(doc, i, facts) for i in range(len(doc.events))]
    doc.memo["event_features"] = feats
    if model is None:
        return []
    cut = float(model["cut"])
    probs = [linear_model.score(f, model) for f in feats]
    doc.memo["event_probabilities"] = probs
    gone = droppable(feats, probs, cut)
    if not gone:
        return []
    _drop(doc, gone, probs, cut)
    return gone


def droppable(feats: list[set[str]], probs: list[float], cut: float) -> list[int]:
    """The events of one page to drop: keep probability below ``cut``, but never the page's
    first-told event (``rank=0``: the report's lead), none when no event of the page has a place
    (a local page that never names its town: "no place" is then no sign of a false event), and
    never every event (a page the rules call a report keeps its likeliest one)."""
    if all("place=none" in f for f in feats):
        return []
    gone = [i for i, p in enumerate(probs) if p < cut and "rank=0" not in feats[i]]
    if gone and len(gone) == len(probs):
        gone.remove(max(range(len(probs)), key=probs.__getitem__))
    return gone


def _drop(doc: ExtractDoc, gone: list[int], probs: list[float], cut: float) -> None:
    """Remove the events ``gone`` (and their drafts and traces, which run parallel); renumber."""
    for i in gone:
        ev = doc.events[i]
        doc.trace.drop(f"event {ev.index} ({ev.locality}, {ev.date})", "event_model.filter",
                       f"learned keep probability {probs[i]:.2f} < cut {cut}")
    n, dropped = len(doc.events), set(gone)
    keep = [i for i in range(n) if i not in dropped]
    if len(doc.drafts) >= n:
        doc.drafts = [doc.drafts[i] for i in keep] + doc.drafts[n:]
    if len(doc.event_traces) == n:
        doc.event_traces = [doc.event_traces[i] for i in keep]
    renum = {doc.events[i].index: k for k, i in enumerate(keep)}
    doc.events = [doc.events[i] for i in keep]
    for k, ev in enumerate(doc.events):
        ev.index = k
    afar = doc.memo.get("dated_from_afar")
    if afar:
        doc.memo["dated_from_afar"] = {renum[i] for i in afar if i in renum}
    logger.debug("event model dropped %d of %d events", len(gone), n)
