"""A small rule-based stand-in for ``extract_text`` (imported by the store/pipeline tests).

It reads sentences like "Nurses rallied in Springfield, IL on 2024-05-07 (about 300 people)."
and returns one mention per sentence, every field with evidence into the text.
"""

from __future__ import annotations

import re
from datetime import date

from protestdb.models import EventMention, ExtractionResult

PATTERN = re.compile(
    r"(?P<who>[A-Z][a-z]+) (?P<verb>rallied|marched|picketed) in (?P<city>[A-Z][a-z]+(?: [A-Z][a-z]+)?)"
    r"(?:, (?P<state>[A-Z]{2}))?(?: at (?P<venue>[A-Z][\w ]+?))? on (?P<date>\d{4}-\d{2}-\d{2})"
    r"(?: \(about (?P<size>\d+) people\))?"
)
TYPES = {"rallied": "rally", "marched": "march", "picketed": "picket"}


def fake_extractor(text: str, published: date | None = None, *, url: str | None = None, outlet: str | None = None,
                   **_: object) -> ExtractionResult:
    events = []
    for i, m in enumerate(PATTERN.finditer(text)):
        ev = EventMention(index=i, date=m["date"], date_precision="day", locality=m["city"], state=m["state"],
                          country="US", event_type=[TYPES[m["verb"]]], participants=[m["who"].lower()])
        for field, group in (("date", "date"), ("locality", "city"), ("state", "state"), ("event_type", "verb"),
                             ("participants", "who")):
            if m[group]:
                ev.add_evidence(field, m.start(group), m.end(group), m[group])
        if m["venue"]:
            ev.location = m["venue"]
            ev.add_evidence("location", m.start("venue"), m.end("venue"), m["venue"])
        if m["size"]:
            ev.size_text = m["size"]
            ev.size_low = int(m["size"])
            ev.size_cat = 2 if int(m["size"]) >= 100 else 1
            for f in ("size_text", "size_low"):
                ev.add_evidence(f, m.start("size"), m.end("size"), m["size"])
        events.append(ev)
    return ExtractionResult(is_protest_report=bool(events), language="en", text=text, events=events)


def test_fake_extractor_evidence_points_into_text() -> None:
    text = "Nurses rallied in Springfield, IL at City Hall on 2024-05-07 (about 300 people). Rain fell."
    res = fake_extractor(text)
    assert res.is_protest_report and len(res.events) == 1
    ev = res.events[0]
    assert (ev.locality, ev.state, ev.location, ev.size_low) == ("Springfield", "IL", "City Hall", 300)
    for spans in ev.evidence.values():
        for s in spans:
            assert text[s.start : s.end] == s.quote
    assert not fake_extractor("Stocks rallied on Tuesday.").is_protest_report
