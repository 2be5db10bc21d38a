"""GeoJSON FeatureCollection: one Point feature per located event, properties = its fields."""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import IO, Any

from protestdb.models import Event


def event_properties(ev: Event, include_evidence: bool = False) -> dict[str, Any]:
    exclude = {"lat", "lon"} | (set() if include_evidence else {"evidence"})
    props = ev.model_dump(mode="json", exclude=exclude)
    props["source_urls"] = [s.url for s in ev.sources if s.url]
    return props


def events_to_geojson(
    events: Iterable[Event], include_evidence: bool = False, include_unlocated: bool = False
) -> dict[str, Any]:
    """A FeatureCollection; unlocated events are left out unless ``include_unlocated`` (null geometry)."""
    feats = []
    for ev in events:
        located = ev.lat is not None and ev.lon is not None
        if not located and not include_unlocated:
            continue
        geom = {"type": "Point", "coordinates": [ev.lon, ev.lat]} if located else None
        feats.append(
            {"type": "Feature", "id": ev.id, "geometry": geom, "properties": event_properties(ev, include_evidence)}
        )
    return {"type": "FeatureCollection", "features": feats}


def write_geojson(
    events: Iterable[Event], fp: IO[str], include_evidence: bool = False, include_unlocated: bool = False
) -> int:
    """Write the FeatureCollection; returns the number of features."""
    fc = events_to_geojson(events, include_evidence, include_unlocated)
    json.dump(fc, fp, ensure_ascii=False)
    return len(fc["features"])
