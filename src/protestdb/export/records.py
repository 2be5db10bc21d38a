"""Full event records as JSON (every field, sources and evidence)."""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import IO, Any

from protestdb.models import Event


def event_to_dict(ev: Event) -> dict[str, Any]:
    return ev.model_dump(mode="json")


def write_json(events: Iterable[Event], fp: IO[str], lines: bool = False, indent: int | None = 2) -> int:
    """A JSON array of full records, or JSON lines with ``lines=True``; returns the count."""
    n = 0
    if lines:
        for ev in events:
            fp.write(json.dumps(event_to_dict(ev), ensure_ascii=False) + "\n")
            n += 1
        return n
    data = [event_to_dict(ev) for ev in events]
    json.dump(data, fp, ensure_ascii=False, indent=indent)
    fp.write("\n")
    return len(data)
