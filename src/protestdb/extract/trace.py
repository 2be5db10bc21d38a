"""The trace of one extraction: which rule produced each value from which evidence, and which
rule dropped each candidate (a trigger, a place, an organization, a target, a draft) and why.

Field steps are recorded always (one small tuple per value; the fillers run once per event);
dropped candidates only when asked for (``Trace(enabled=True)``), so a plain run pays nothing
for them. ``protestdb extract FILE --explain`` prints a trace; ``--format json`` adds it to
each event as ``"trace": {field: [{"rule", "evidence", "note"}]}`` with a top-level
``"dropped": [{"candidate", "rule", "reason"}]``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

Span = tuple[int, int, str]


@dataclass(slots=True)
class Step:
    """One rule's contribution to one field of one event."""

    rule: str
    evidence: tuple[Span, ...] = ()
    note: str = ""

    def to_dict(self) -> dict[str, Any]:
        return {
            "rule": self.rule,
            "evidence": [{"start": a, "end": b, "quote": q} for a, b, q in self.evidence],
            "note": self.note,
        }


@dataclass(slots=True)
class Dropped:
    """A candidate a rule removed."""

    candidate: str
    rule: str
    reason: str

    def to_dict(self) -> dict[str, str]:
        return {"candidate": self.candidate, "rule": self.rule, "reason": self.reason}


@dataclass
class Trace:
    """The dropped candidates of one text (recorded only when ``enabled``)."""

    enabled: bool = False
    dropped: list[Dropped] = field(default_factory=list)

    def drop(self, candidate: str, rule: str, reason: str) -> None:
        if self.enabled:
            self.dropped.append(Dropped(candidate, rule, reason))


FieldTrace = dict[str, list[Step]]


def record(trace: FieldTrace, field_name: str, rule: str, spans: tuple[Span, ...] | list[Span] = (), note: str = "") -> None:
    """Add ``rule``'s step to ``field_name`` of an event's trace."""
    trace.setdefault(field_name, []).append(Step(rule, tuple(spans), note))


def trace_to_dict(trace: FieldTrace) -> dict[str, list[dict[str, Any]]]:
    return {name: [s.to_dict() for s in steps] for name, steps in trace.items()}


def rule_of(trace: dict[str, list[dict[str, Any]]] | None, field_name: str) -> str | None:
    """The rules that produced a field's value, joined by "+" (None when untraced)."""
    if not trace or field_name not in trace:
        return None
    rules = list(dict.fromkeys(step["rule"] for step in trace[field_name]))
    return "+".join(rules) if rules else None
