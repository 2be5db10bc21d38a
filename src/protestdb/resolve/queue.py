"""The review queue (issue 10): pairs of events that may be one, for a person to decide.

Resolution never merges a close call (compatible place and date but no shared specific, a
score below the threshold, two candidates that fit as well): it writes a ``review_flags``
row of kind ``uncertain_match`` with the score components (:func:`protestdb.resolve.decide.decide`).
A reviewer merges the pair (:func:`protestdb.resolve.review.merge_events`) or dismisses it
(:func:`dismiss`). This module also words a source's ``why`` for ``protestdb show`` and the page.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from protestdb.resolve.review import ReviewError, _need_reviewer

if TYPE_CHECKING:  # pragma: no cover
    from protestdb.store.sqlite import Store

_COMPONENTS = ("date", "types", "venue", "organizer", "title", "target", "issues", "claims", "size")


def describe_parts(parts: dict[str, Any]) -> str:
    """Score components in one line: "score 3.50 = date +1.0, types +1.0, venue +1.5; shared: venue"."""
    bits = []
    for k in _COMPONENTS:
        v = parts.get(k)
        if isinstance(v, int | float):
            bits.append(f"{k} {v:+.2f}")
        elif isinstance(v, str):
            bits.append(f"{k}: {v}")
    out = f"score {parts['score']:.2f}" if isinstance(parts.get("score"), int | float) else "score -"
    if bits:
        out += " = " + ", ".join(bits)
    if parts.get("place") and parts["place"] != "same locality":
        out += f"; place: {parts['place']}"
    out += "; shared: " + (", ".join(parts.get("shared") or []) or "nothing specific")
    if parts.get("strong") and isinstance(parts.get("date"), str):  # an undated side: what named the action
        out += "; identity: " + ", ".join(parts["strong"])
    if parts.get("reject"):
        out += f"; not merged: {parts['reject']}"
    return out


def describe_why(why: dict[str, Any] | None) -> str:
    """Why a source is part of its event, in words (``Store.sources_why`` values)."""
    if not why:
        return "joined: unrecorded"
    how = why.get("how", "unrecorded")
    if how == "ccc-row":
        s = f"joined: ccc-row, imported from {why.get('file')} line {why.get('line')}"
        if why.get("ccc_match") == "fuzzy":
            s += f" (matched to another snapshot's row, score {why.get('score')})"
        return s
    if how == "new" and why.get("left"):
        return (f"joined: new (left {why['left']} when a dated report ({str(why.get('because'))[:12]}) of another"
                " day fitted it as well: see the review queue)")
    if how == "new":
        return f"joined: new (first report; {why.get('candidates', 0)} candidate(s) did not fit)"
    if how in ("match", "ccc"):
        later = f", when a dated report arrived ({str(why['later'])[:12]})" if why.get("later") else ""
        return f"joined: {how}{later} ({describe_parts(why.get('parts') or {})})"
    if how == "split":
        return f"joined: split by {why.get('by')} from {why.get('from')}" + (
            f": {why['reason']}" if why.get("reason") else "")
    if how == "review":
        return f"joined: review merge by {why.get('by')} (from {why.get('merged_from')})"
    return f"joined: {how}"


def describe_flag(row: dict[str, Any]) -> str:
    d = row.get("detail") or {}
    if "parts" in d:
        return describe_parts(d["parts"])
    return "; ".join(f"{k}: {v}" for k, v in d.items() if v is not None)


def dismiss(store: Store, flag_id: int, by: str) -> dict[str, Any]:
    """Close a review-queue row as "not one event" (audited in the review log)."""
    by = _need_reviewer(by)
    rows = [r for r in store.review_flags(status=None) if r["id"] == flag_id]
    if not rows:
        raise ReviewError(f"no review-queue row {flag_id}")
    row = rows[0]
    with store.transaction() as c:
        store.set_flag_status(flag_id, "dismissed")
        store.log_review(c, by, "dismiss", row["event_id"], other_id=row["other_event_id"], before=row["status"],
                         after="dismissed", note=f"review queue row {flag_id} ({row['kind']})")
    return {**row, "status": "dismissed"}
