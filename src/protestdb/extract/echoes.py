"""An announced action that is the reported action told ahead of time.

A report of a march that happened often tells it as it stood before it began too: "shortly before
the nurses were due to walk the final stretch to the statehouse", "the rally, planned to begin at
noon, got going with a few dozen people". Drafting makes that wording an announced event of its
own; when it tells no day in its own words, the date filler gives it the nearest day ahead found
anywhere on the page (``fillers.fill_date``, "date.announced_future_day"), and the page gets the
same march twice, once on a day after its own publication. Such an announced event at a locality
where the page reports an action that happened, dated by the very words a reported event reads
as a past day ("on Wednesday" read once as last Wednesday, once as next Wednesday), is that
action: it is dropped, when its own sentence tells the plan in the past tense ("was due to",
"had been set to": ``drafting.past_plan``) and no follow-up ("again", "another", "next",
"return"). Otherwise it may be a real follow-up ("plan to march again"): it stays, its borrowed
day cleared (date unknown). An announcement with a day of its own ("they plan to return
Tuesday"), or on the page's own day ("teachers strike Thursday" published Thursday), stays.
"""

from __future__ import annotations

import re

from protestdb.extract.document import ExtractDoc

#: words that tell a further action, not the reported one told ahead of time
_FOLLOW_UP = re.compile(r"\b(?:again|another|next|return(?:s|ed|ing)?)\b", re.IGNORECASE)


def _where(ev: object) -> tuple[str, str, str] | None:
    loc = getattr(ev, "locality", None)
    if not loc:
        return None
    return str(loc).lower(), str(getattr(ev, "state", None) or ""), str(getattr(ev, "country", None) or "")


def drop_announced_echoes(doc: ExtractDoc) -> list[int]:
    """Drop from ``doc.events`` (and its traces) the announced events dated from afar
    (``doc.memo["dated_from_afar"]``) at a locality where a reported event of the page is; renumber
    the rest. Returns the indices dropped (as they were)."""
    afar = doc.memo.get("dated_from_afar")
    if not afar or len(doc.events) < 2:
        return []
    reported = {_where(ev) for ev in doc.events if not ev.announced_only} - {None}
    # the words of a day a reported event reads as past: read ahead for another, they are misread
    past_words = {(sp.start, sp.end) for ev in doc.events if not ev.announced_only for sp in ev.evidence.get("date", [])}
    pub = doc.published.isoformat() if doc.published is not None else None
    gone = [i for i, ev in enumerate(doc.events)
            if ev.index in afar and ev.announced_only and _where(ev) in reported
            and pub is not None and str(ev.date or "") > pub
            and any((sp.start, sp.end) in past_words for sp in ev.evidence.get("date", []))]
    echoes = [i for i in gone if _told_as_past_plan(doc, doc.events[i])]
    for i in gone:
        if i not in echoes:
            _clear_date(doc, i)
    gone = echoes
    if not gone:
        return []
    for i in gone:
        ev = doc.events[i]
        doc.trace.drop(f"event {ev.index} ({ev.locality}, {ev.date})", "echoes.announced_echo",
                       "an announced action dated from afar where the page reports the action done")
    n, dropped = len(doc.events), set(gone)
    keep = [i for i in range(n) if i not in dropped]
    # drafts and traces run parallel to the events (drafts may outnumber them when filling
    # stopped on its time budget: the unfilled rest follows); a list shorter is left as it is
    if len(doc.drafts) >= n:
        doc.drafts = [doc.drafts[i] for i in keep] + doc.drafts[n:]
    renum = {doc.events[i].index: k for k, i in enumerate(keep)}
    doc.events = [doc.events[i] for i in keep]
    if len(doc.event_traces) == n:
        doc.event_traces = [doc.event_traces[i] for i in keep]
    for k, ev in enumerate(doc.events):
        ev.index = k
    doc.memo["dated_from_afar"] = {renum[i] for i in afar if i in renum}
    return gone


def _told_as_past_plan(doc: ExtractDoc, ev: object) -> bool:
    """The announced event's sentence tells a plan in the past tense and no follow-up."""
    from protestdb.extract.drafting import past_plan

    spans = getattr(ev, "evidence", {}).get("event_type", [])
    if not spans or doc.layout is None or not doc.layout.sentences:
        return False
    sent = doc.layout.sentences[doc.layout.sentence_at(spans[0].start)]
    return past_plan(doc, (sent.start, sent.end)) and not _FOLLOW_UP.search(doc.text, sent.start, sent.end)


def _clear_date(doc: ExtractDoc, i: int) -> None:
    """A follow-up announcement dated by a reported event's words: its day is unknown."""
    ev = doc.events[i]
    ev.date, ev.end_date, ev.date_precision = None, None, "unknown"
    ev.evidence.pop("date", None)
    ev.evidence.pop("end_date", None)
    if len(doc.event_traces) == len(doc.events):
        for name in ("date", "end_date", "date_precision"):
            doc.event_traces[i].pop(name, None)
    doc.trace.drop(f"date of event {ev.index} ({ev.locality})", "echoes.borrowed_day",
                   "an announced follow-up dated by the words of a reported event's day")


__all__ = ["drop_announced_echoes"]
