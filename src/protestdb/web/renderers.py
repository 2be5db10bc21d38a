"""Event downloads: CSV (CCC Phase 3 columns + protestdb's extras), GeoJSON, Parquet.

Writers take an iterator of events (the store pages through them with keyset
pagination), so a download of every matching event never holds them all at once
(except Parquet, which is written as one table).
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable, Iterable, Iterator, Mapping
from typing import Any

from protestdb.export.ccc import EXTRA_COLUMNS, ccc_columns, event_to_row
from protestdb.export.geojson import event_properties
from protestdb.models import Event
from protestdb.web.citation import credit_for

#: Events written per chunk of a streamed download.
CHUNK = 500

RawRows = Callable[[list[str]], Mapping[str, Mapping[str, str]]]


def _chunks(events: Iterable[Event], n: int = CHUNK) -> Iterator[list[Event]]:
    buf: list[Event] = []
    for e in events:
        buf.append(e)
        if len(buf) >= n:
            yield buf
            buf = []
    if buf:
        yield buf


#: First characters that make a spreadsheet read a cell as a formula (OWASP "CSV injection").
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def _is_number(value: str) -> bool:
    try:
        float(value)
    except ValueError:
        return False
    return True


def neutralize_cell(value: str) -> str:
    """A cell a spreadsheet shows as text: a leading ``'`` before formula-like text (numbers stay)."""
    if value and value.startswith(FORMULA_START) and not _is_number(value):
        return "'" + value
    return value


def csv_stream(
    events: Iterable[Event],
    raw_rows: RawRows | None = None,
    safe: bool = False,
    origins: Callable[[list[str]], Mapping[str, str]] | None = None,
) -> Iterator[str]:
    """CSV text in chunks: header, then one row per event (imported CCC rows written back as imported).

    ``safe``: neutralize formula-leading cells for spreadsheets (web downloads; the CLI's
    ``export --format ccc-csv`` stays byte-exact). ``origins``: event ids -> origin, which
    adds a ``credit`` column (CCC's credit line for its rows, protestdb's for extracted ones).
    """
    cols: list[Any] = list(ccc_columns()) + list(EXTRA_COLUMNS) + (["credit"] if origins else [])
    buf = io.StringIO()
    w = csv.DictWriter(buf, fieldnames=cols, lineterminator="\n")
    w.writeheader()
    for chunk in _chunks(events):
        ids = [e.id for e in chunk]
        raw = raw_rows(ids) if raw_rows else {}
        origin = origins(ids) if origins else {}
        for e in chunk:
            row = event_to_row(e, extra=True, raw=raw.get(e.id))
            if origins:
                row["credit"] = credit_for(origin.get(e.id))
            if safe:
                row = {k: neutralize_cell(v) for k, v in row.items()}
            w.writerow(row)
        yield buf.getvalue()
        buf.seek(0)
        buf.truncate()
    yield buf.getvalue()


def geojson_stream(events: Iterable[Event], metadata: Mapping[str, Any] | None = None) -> Iterator[str]:
    """A GeoJSON FeatureCollection (located events only) in chunks; ``metadata`` as a foreign member."""
    head = '{"type":"FeatureCollection",'
    if metadata:
        head += '"metadata":' + json.dumps(dict(metadata), ensure_ascii=False) + ","
    yield head + '"features":['
    first = True
    for chunk in _chunks(events):
        parts = []
        for e in chunk:
            if e.lat is None or e.lon is None:
                continue
            feat = {
                "type": "Feature",
                "id": e.id,
                "geometry": {"type": "Point", "coordinates": [e.lon, e.lat]},
                "properties": event_properties(e),
            }
            parts.append(json.dumps(feat, ensure_ascii=False))
        if parts:
            yield ("" if first else ",") + ",".join(parts)
            first = False
    yield "]}"


def parquet_available() -> bool:
    try:
        import pyarrow  # noqa: F401
        import pyarrow.parquet  # noqa: F401
    except ImportError:
        return False
    return True


def parquet_bytes(events: Iterable[Event], raw_rows: RawRows | None = None) -> bytes:
    """A Parquet file of the CSV's columns (all strings, as CCC writes them). Needs pyarrow."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    cols: list[str] = list(ccc_columns()) + list(EXTRA_COLUMNS)
    data: dict[str, list[str]] = {c: [] for c in cols}
    for chunk in _chunks(events):
        raw = raw_rows([e.id for e in chunk]) if raw_rows else {}
        for e in chunk:
            row = event_to_row(e, extra=True, raw=raw.get(e.id))
            for c in cols:
                data[c].append(row.get(c, ""))
    table = pa.table({c: pa.array(v, type=pa.string()) for c, v in data.items()})
    out = io.BytesIO()
    pq.write_table(table, out)
    return out.getvalue()
