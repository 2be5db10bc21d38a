"""A readable rendering of an extraction's trace (``protestdb extract FILE --explain``)."""

from __future__ import annotations

from typing import Any

#: fields shown first, in the order a coder reads an event
_ORDER = (
    "event", "event_type", "announced_only", "date", "date_precision", "end_date", "locality", "state", "country",
    "location", "county", "fips_code", "lat", "lon", "geo_precision", "size_text", "size_low", "size_high",
    "size_mean", "size_cat", "arrests", "injuries", "organizations", "participants", "notables", "targets",
    "claims_summary", "claims_verbatim", "issues", "valence", "title",
)


def _short(quote: str, limit: int = 60) -> str:
    q = " ".join(quote.split())
    return q if len(q) <= limit else q[: limit - 1] + "…"


def _value(ev: dict[str, Any], name: str) -> str:
    if name == "event":
        return ""
    v = ev.get(name)
    if isinstance(v, list):
        return "; ".join(str(x) for x in v)
    return "" if v is None else str(v)


def format_explain(result: dict[str, Any]) -> str:
    """The events with, per field, its value, the rules that produced it and their evidence;
    then the candidates that rules dropped."""
    lines: list[str] = []
    events = result.get("events", [])
    lines.append(f"protest report: {result.get('is_protest_report')}; language: {result.get('language')}; "
                 f"{len(events)} event(s)")
    for i, ev in enumerate(events):
        where = ", ".join(x for x in (ev.get("locality"), ev.get("state")) if x) or "no locality"
        lines.append("")
        lines.append(f"event {i}: {where} {ev.get('date') or '?'} [{'; '.join(ev.get('event_type') or [])}]")
        trace = ev.get("trace") or {}
        names = [n for n in _ORDER if n in trace] + sorted(n for n in trace if n not in _ORDER)
        for name in names:
            value = _value(ev, name)
            head = f"  {name}" + (f" = {value}" if value else "")
            lines.append(head)
            for step in trace[name]:
                quotes = " | ".join(f'"{_short(e["quote"])}" @{e["start"]}' for e in step.get("evidence", []))
                note = f" ({_short(step['note'], 70)})" if step.get("note") else ""
                lines.append(f"      <- {step['rule']}{note}" + (f": {quotes}" if quotes else ""))
    dropped = result.get("dropped") or []
    lines.append("")
    lines.append(f"dropped ({len(dropped)}):")
    for d in dropped:
        lines.append(f"  - {d['candidate']}: {d['rule']} — {d['reason']}")
    return "\n".join(lines)
