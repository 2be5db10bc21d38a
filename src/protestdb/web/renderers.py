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
from functools import lru_cache
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


def _num(v: Any) -> str:
    if v is None:
        return ""
    if isinstance(v, float) and v.is_integer():
        return str(int(v))
    return str(v)


@lru_cache(maxsize=65536)
def _joined(v: str | None) -> str:
    """A stored JSON list as the CSV writes it ("a; b")."""
    return "; ".join(json.loads(v)) if v and v != "[]" else ""


_COLUMNS: tuple[str, ...] = tuple(ccc_columns()) + tuple(EXTRA_COLUMNS)
_POS = {c: i for i, c in enumerate(_COLUMNS)}
_N_SOURCE_COLUMNS = sum(1 for c in ccc_columns() if c.startswith("source") and c[6:].isdigit())
_TEMPLATE = ["protestdb" if c == "coder" else "" for c in _COLUMNS]
#: Cells of a fast row that hold text (numbers and flags are written by this module: never formulas).
_TEXT_IDX = tuple(
    _POS[c]
    for c in (
        "date", "locality", "state", "resolved_locality", "resolved_state", "resolved_county", "fips_code",
        "location", "title", "event_type", "organizations", "participants", "notables", "targets",
        "claims_summary", "claims_verbatim", "macroevent", "size_text", "protestdb_id", "country", "end_date",
        "geo_precision", "issues", *(f"source{i}" for i in range(1, _N_SOURCE_COLUMNS + 1)),
    )
    if c in _POS
)
_SRC0 = _POS.get("source1", -1)


def fast_csv_row(t: tuple[Any, ...], sources: list[tuple[str, str | None, str | None]]) -> list[str]:
    """One stored event (a tuple of ``Store.EXPORT_COLUMNS``) and its sources as the cells of
    :func:`event_to_row` (``extra=True``) for an event without a CCC raw row, in ``_COLUMNS``
    order, without building a model (the web download's fast path; ``tests/test_web_csv_speed.py``
    checks that both write the same cells)."""
    (eid, _origin, date, locality, state, county, fips, lat, lon, location, online, title, etype, orgs,
     parts, notables, targets, csum, cverb, valence, macro, size_text, slo, shi, smean, scat, inj, arr,
     damage, announced, country, end_date, dprec, gprec, issues) = t
    c = _TEMPLATE.copy()
    p = _POS
    c[p["date"]] = date or ""
    c[p["locality"]] = c[p["resolved_locality"]] = locality or ""
    c[p["state"]] = c[p["resolved_state"]] = state or ""
    c[p["resolved_county"]] = county or ""
    c[p["fips_code"]] = fips or ""
    c[p["lat"]] = _num(lat)
    c[p["lon"]] = _num(lon)
    c[p["location"]] = location or ("online" if online else "")
    c[p["title"]] = title or ""
    c[p["event_type"]] = _joined(etype)
    c[p["organizations"]] = _joined(orgs)
    c[p["participants"]] = _joined(parts)
    c[p["notables"]] = _joined(notables)
    c[p["targets"]] = _joined(targets)
    c[p["claims_summary"]] = _joined(csum)
    c[p["claims_verbatim"]] = _joined(cverb)
    c[p["valence"]] = "" if valence is None else str(valence)
    c[p["macroevent"]] = macro or ""
    c[p["online"]] = "" if online is None else ("1" if online else "0")
    c[p["size_text"]] = size_text or ""
    c[p["size_low"]] = "" if slo is None else str(slo)
    c[p["size_high"]] = "" if shi is None else str(shi)
    c[p["size_mean"]] = _num(smean)
    c[p["size_cat"]] = "" if scat is None else str(scat)
    c[p["participant_injuries"]] = "" if inj is None else str(inj)
    c[p["arrests"]] = "" if arr is None else str(arr)
    c[p["arrests_any"]] = "" if arr is None else ("1" if arr > 0 else "0")
    c[p["property_damage_any"]] = "" if damage is None else ("1" if damage else "0")
    if announced:
        c[p["notes"]] = "announced; not yet reported as happened"
    c[p["protestdb_id"]] = eid
    c[p["country"]] = country or ""
    c[p["end_date"]] = end_date or ""
    c[p["date_precision"]] = dprec
    c[p["geo_precision"]] = gprec or ""
    c[p["issues"]] = _joined(issues)
    c[p["announced_only"]] = "1" if announced else "0"
    c[p["n_sources"]] = str(len(sources))
    i = _SRC0
    for aid, url, outlet in sources:
        if aid.startswith("ccc:"):
            continue
        if i - _SRC0 >= _N_SOURCE_COLUMNS:
            break
        c[i] = url or outlet or f"protestdb:article/{aid}"
        i += 1
    return c


_SOURCE_IDX = tuple(i for i, c in enumerate(_COLUMNS) if c.startswith("source") and c[6:].isdigit())
_COMPARED_IDX = tuple(i for i, c in enumerate(ccc_columns()) if i not in _SOURCE_IDX)


@lru_cache(maxsize=50_000)
def _raw_base(raw_items: tuple[tuple[str, str], ...]) -> tuple[str, ...]:
    """What a CCC raw row alone exports to (``event_to_row(row_to_event(raw))``), by column."""
    from protestdb.ccc.mapping import row_to_event

    base = event_to_row(row_to_event(dict(raw_items)))
    return tuple(base.get(c, "") for c in ccc_columns())


def fast_reconciled_row(
    t: tuple[Any, ...], sources: list[tuple[str, str | None, str | None]], raw: Mapping[str, str]
) -> list[str]:
    """:func:`fast_csv_row` of a CCC-imported event with its raw row written back, as
    :func:`protestdb.ccc.mapping.reconcile_row` does: the raw string wherever the event still
    holds what the raw row alone exports to; the row's own sources, then newer article URLs."""
    cells = fast_csv_row(t, sources)
    base = _raw_base(tuple(raw.items()))
    cols = _COLUMNS
    for i in _COMPARED_IDX:
        if cells[i] == base[i]:
            cells[i] = raw.get(cols[i], "")
    src = [raw.get(cols[i], "") for i in _SOURCE_IDX]
    known = set(src)
    free = [k for k in range(len(src)) if not any(src[k:])]
    for aid, url, outlet in sources:
        if aid.startswith("ccc:"):
            continue
        u = url or outlet or f"protestdb:article/{aid}"
        if u not in known and free:
            src[free.pop(0)] = u
            known.add(u)
    for k, i in enumerate(_SOURCE_IDX):
        cells[i] = src[k]
    return cells


_FORMULA_FIRST = frozenset("=+-@\t\r")


def csv_rows_stream(
    pages: Iterable[tuple[list[tuple[Any, ...]], Mapping[str, list[tuple[str, str | None, str | None]]]]],
    raw_rows: RawRows | None = None,
    safe: bool = True,
) -> Iterator[str]:
    """The web CSV download from the store's export pages (``Store.iter_export_pages``): header,
    one row per event, and a ``credit`` column (CCC's credit line for its rows, protestdb's for
    extracted ones).

    Events with a stored CCC raw row are written with the imported strings put back (as the
    CLI's exact export does); ``safe``: formula-leading cells neutralized for spreadsheets.
    """
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n")
    w.writerow([*_COLUMNS, "credit"])
    ccc_credit, own_credit = credit_for("ccc"), credit_for("extract")
    text_idx = _TEXT_IDX
    first = _FORMULA_FIRST
    for rows, sources in pages:
        ccc_ids = [t[0] for t in rows if t[1] == "ccc"]
        raw = raw_rows(ccc_ids) if raw_rows and ccc_ids else {}
        out = []
        for t in rows:
            srcs = sources.get(t[0], [])
            r = raw.get(t[0]) if raw else None
            if r is None:
                cells = fast_csv_row(t, srcs)
                if safe:
                    for i in text_idx:
                        v = cells[i]
                        if v and v[0] in first:
                            cells[i] = neutralize_cell(v)
            else:
                cells = fast_reconciled_row(t, srcs, r)
                if safe:
                    cells = [neutralize_cell(v) if v and v[0] in first else v for v in cells]
            cells.append(ccc_credit if t[1] == "ccc" else own_credit)
            out.append(cells)
        w.writerows(out)
        yield buf.getvalue()
        buf.seek(0)
        buf.truncate()


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
