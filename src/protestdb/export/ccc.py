"""CCC Phase 3 CSV: one row per event, the Crowd Counting Consortium's columns.

Column names are kept as data (``data/ccc_phase3_columns.txt``). Lists are joined by
"; ", unknown values are empty, ``source1..source30`` hold the sources' URLs.
"""

from __future__ import annotations

import csv
from collections.abc import Iterable, Mapping
from functools import cache
from importlib import resources
from typing import IO, Any

from protestdb.models import Event

#: Columns protestdb adds after the CCC ones with ``extra=True``.
EXTRA_COLUMNS: tuple[str, ...] = (
    "protestdb_id",
    "country",
    "end_date",
    "date_precision",
    "geo_precision",
    "issues",
    "announced_only",
    "n_sources",
)
CODER = "protestdb"


@cache
def ccc_columns() -> tuple[str, ...]:
    text = resources.files("protestdb.export").joinpath("data/ccc_phase3_columns.txt").read_text("utf-8")
    return tuple(line.strip() for line in text.splitlines() if line.strip())


def _num(v: float | int | None) -> str:
    if v is None:
        return ""
    if isinstance(v, float) and v.is_integer():
        return str(int(v))
    return str(v)


def _flag(v: bool | None) -> str:
    return "" if v is None else str(int(bool(v)))


def event_to_row(ev: Event, extra: bool = False, raw: Mapping[str, str] | None = None) -> dict[str, str]:
    """One event as a CCC row (all values strings; unknown -> "").

    ``raw``: the CCC row the event was imported from (``Store.ccc_raw_rows``); its strings
    are written back where the event still holds them (exact round trip, see ``protestdb.ccc``).
    """
    j = "; ".join
    row: dict[str, str] = dict.fromkeys(ccc_columns(), "")
    row.update(
        {
            "date": ev.date or "",
            "locality": ev.locality or "",
            "state": ev.state or "",
            "resolved_locality": ev.locality or "",
            "resolved_state": ev.state or "",
            "resolved_county": ev.county or "",
            "fips_code": ev.fips_code or "",
            "lat": _num(ev.lat),
            "lon": _num(ev.lon),
            "location": ev.location or ("online" if ev.online else ""),
            "title": ev.title or "",
            "event_type": j(ev.event_type),
            "organizations": j(ev.organizations),
            "participants": j(ev.participants),
            "notables": j(ev.notables),
            "targets": j(ev.targets),
            "claims_summary": j(ev.claims_summary),
            "claims_verbatim": j(ev.claims_verbatim),
            "valence": _num(ev.valence),
            "macroevent": ev.macroevent or "",
            "online": _flag(ev.online),
            "size_text": ev.size_text or "",
            "size_low": _num(ev.size_low),
            "size_high": _num(ev.size_high),
            "size_mean": _num(ev.size_mean),
            "size_cat": _num(ev.size_cat),
            "participant_injuries": _num(ev.injuries),
            "arrests": _num(ev.arrests),
            "arrests_any": "" if ev.arrests is None else _flag(ev.arrests > 0),
            "property_damage_any": _flag(ev.property_damage),
            "notes": "announced; not yet reported as happened" if ev.announced_only else "",
            "coder": CODER,
        }
    )
    srcs = [s.url or s.outlet or f"protestdb:article/{s.article_id}" for s in ev.sources
            if not s.article_id.startswith("ccc:")]  # an imported CCC row's own sources come from ``raw``
    n_src_cols = sum(1 for c in row if c.startswith("source") and c[6:].isdigit())
    for i, url in enumerate(srcs[:n_src_cols], 1):
        row[f"source{i}"] = url
    row = {k: v for k, v in row.items() if k in ccc_columns()}  # only the real columns
    if raw is not None:
        from protestdb.ccc.mapping import reconcile_row

        row = reconcile_row(row, ev, raw)
    if extra:
        row.update(
            {
                "protestdb_id": ev.id,
                "country": ev.country or "",
                "end_date": ev.end_date or "",
                "date_precision": ev.date_precision,
                "geo_precision": ev.geo_precision or "",
                "issues": j(ev.issues),
                "announced_only": _flag(ev.announced_only),
                "n_sources": str(len(ev.sources)),
            }
        )
    return row


def events_to_rows(
    events: Iterable[Event], extra: bool = False, raw: Mapping[str, Mapping[str, str]] | None = None
) -> list[dict[str, str]]:
    """Events as CCC rows (dicts keyed by :func:`ccc_columns`, plus ``EXTRA_COLUMNS`` with ``extra``).

    ``raw``: event id -> the CCC row it was imported from (events not in it are written as usual).
    """
    raw = raw or {}
    return [event_to_row(ev, extra=extra, raw=raw.get(ev.id)) for ev in events]


def write_ccc_csv(
    events: Iterable[Event], fp: IO[str], extra: bool = False, raw: Mapping[str, Mapping[str, str]] | None = None
) -> int:
    """Write a CCC Phase 3 CSV (header + one row per event); returns the number of rows."""
    cols: list[Any] = list(ccc_columns()) + (list(EXTRA_COLUMNS) if extra else [])
    w = csv.DictWriter(fp, fieldnames=cols, lineterminator="\n")
    w.writeheader()
    n = 0
    for row in events_to_rows(events, extra=extra, raw=raw):
        w.writerow(row)
        n += 1
    return n
