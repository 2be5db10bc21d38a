"""Read Crowd Counting Consortium CSV files of every phase into cleaned rows.

Phase 3 files (``event_type``, ``source1..30``) and the 2017-2024 compiled files
(``type``, ``actors``, ``claims``, ``source_1..30``) are both read; column names are mapped
to Phase 3 names (``data/columns.json``). Cleaning, per cell: bytes that are not UTF-8
are decoded as cp1252 (one invalid byte at a time), mojibake such as ``"Ã©"`` is repaired,
"NA" is null (``""``), surrounding whitespace (and stray carriage returns) is dropped,
whole-number cells written by pandas as ``"6037.0"`` become ``"6037"`` (lat/lon/size_mean excepted) and FIPS codes get their five
digits (``"06037"``). Records are split on line feeds only (a bare ``\\r`` inside a field
is content, not a row break); quoted fields may span lines.

A malformed row (wrong number of columns, a bad date) is reported with its line number
and skipped; every other row is kept.
"""

from __future__ import annotations

import codecs
import csv
import json
import re
from dataclasses import dataclass, field
from datetime import date, datetime
from functools import cache
from importlib import resources
from pathlib import Path

_MOJIBAKE = re.compile(
    r"[\u00c2-\u00f4][\u0080-\u00bf\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u0192\u02c6\u02dc\u2013-\u2122]"
)
_FLOAT_INT = re.compile(r"^-?\d+\.0+$")
_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_SNAPSHOT = re.compile(r"asof[-_]?(\d{4}-\d{2}-\d{2})")


def _cp1252_fallback(exc: UnicodeError) -> tuple[str, int]:
    """Codec error handler: decode one invalid byte as cp1252 (latin-1 where cp1252 has a hole)."""
    if not isinstance(exc, UnicodeDecodeError):
        raise exc
    b = exc.object[exc.start : exc.start + 1]
    try:
        ch = b.decode("cp1252")
    except UnicodeDecodeError:
        ch = b.decode("latin-1")
    return ch, exc.start + 1


codecs.register_error("protestdb-cp1252", _cp1252_fallback)


@cache
def column_config() -> dict:
    text = resources.files("protestdb.ccc").joinpath("data/columns.json").read_text("utf-8")
    return json.loads(text)


def decode_bytes(data: bytes) -> str:
    """UTF-8, falling back to cp1252 for each byte that is not valid UTF-8."""
    if data.startswith(codecs.BOM_UTF8):
        data = data[len(codecs.BOM_UTF8) :]
    return data.decode("utf-8", errors="protestdb-cp1252")


def repair_mojibake(s: str) -> str:
    """Undo UTF-8 text that was decoded as latin-1/cp1252 ("CafÃ©" -> "Café"); else unchanged."""
    if not _MOJIBAKE.search(s):
        return s
    for enc in ("latin-1", "cp1252"):
        try:
            fixed = s.encode(enc).decode("utf-8")
        except (UnicodeEncodeError, UnicodeDecodeError):
            continue
        if fixed != s:
            return repair_mojibake(fixed)  # double-encoded text
    return s


def phase3_name(col: str) -> str:
    """A CCC column name of any phase -> its Phase 3 name (``source_3`` -> ``source3``)."""
    cfg = column_config()
    name = col.strip().strip("\ufeff")
    m = re.match(cfg["source_pattern"], name)
    if m:
        return f"source{int(m.group(1))}"
    return cfg["renames"].get(name, name)


@cache
def _kinds() -> tuple[frozenset[str], frozenset[str], frozenset[str], frozenset[str]]:
    cfg = column_config()
    return (
        frozenset(cfg["null_strings"]),
        frozenset(cfg["integer_columns"]),
        frozenset(cfg["fips_columns"]),
        frozenset(cfg["float_columns"]),
    )


def clean_value(col: str, value: str) -> str:
    """One cell -> its canonical string ("" for null)."""
    nulls, ints, fips, floats = _kinds()
    s = repair_mojibake(value.replace("\r", " ")).strip()
    if s in nulls:
        return ""
    if _FLOAT_INT.match(s) and (col in ints or col in fips or col not in floats):
        s = s.split(".", 1)[0]  # pandas wrote ints (and cells like the group "50501") as floats
    if col in fips and s.isdigit() and len(s) < 5:
        s = s.zfill(5)
    return s


def parse_date(s: str) -> str | None:
    """A CCC date cell -> ISO ``YYYY-MM-DD`` (also ``M/D/YYYY``), or None when it is not a date."""
    s = s.strip()
    if _ISO_DATE.match(s):
        try:
            return date.fromisoformat(s).isoformat()
        except ValueError:
            return None
    for fmt in ("%m/%d/%Y", "%Y/%m/%d", "%Y-%m-%d %H:%M:%S"):
        try:
            return datetime.strptime(s, fmt).date().isoformat()
        except ValueError:
            continue
    return None


@dataclass
class CCCRow:
    line: int  # physical line (1 = header) where the record starts
    values: dict[str, str]  # Phase 3 column name -> cleaned value ("" = null)


@dataclass
class RowError:
    line: int
    message: str


@dataclass
class CCCFile:
    path: str
    columns: list[str]  # Phase 3 names, in file order
    phase: str  # "phase3" | "compiled" (phase 1/2 names)
    snapshot: str | None  # as-of date from the file name ("..._asof-2025-03-06.csv")
    rows: list[CCCRow] = field(default_factory=list)
    errors: list[RowError] = field(default_factory=list)


def _records(text: str) -> list[tuple[int, str]]:
    """Logical CSV records with their first line number; split on LF, quotes may span lines."""
    out: list[tuple[int, str]] = []
    buf: list[str] = []
    start = 0
    quotes = 0
    for i, line in enumerate(text.split("\n"), 1):
        if line.endswith("\r"):
            line = line[:-1]
        if not buf:
            start = i
        buf.append(line)
        quotes += line.count('"')
        if quotes % 2 == 0:
            out.append((start, "\n".join(buf)))
            buf, quotes = [], 0
    if buf:
        out.append((start, "\n".join(buf)))
    return out


def _split(record: str) -> list[str]:
    return next(csv.reader([record.replace("\r", " ")]), [])


def snapshot_of(path: str | Path) -> str | None:
    m = _SNAPSHOT.search(Path(path).name)
    return m.group(1) if m else None


def read_ccc_text(text: str, path: str = "<text>") -> CCCFile:
    """Parse decoded CSV text (see :func:`read_ccc`)."""
    records = [(n, r) for n, r in _records(text) if r.strip()]
    if not records:
        return CCCFile(
            path=path,
            columns=[],
            phase="phase3",
            snapshot=snapshot_of(path),
            errors=[RowError(1, "empty file")],
        )
    try:
        header = [phase3_name(c) for c in _split(records[0][1])]
    except csv.Error as exc:
        return CCCFile(path=path, columns=[], phase="phase3", snapshot=snapshot_of(path),
                       errors=[RowError(records[0][0], f"unreadable header ({exc}); not a CCC file")])
    raw_header = {c.strip() for c in _split(records[0][1])}
    phase = (
        "compiled"
        if ("type" in raw_header or "source_1" in raw_header or "actors" in raw_header)
        else "phase3"
    )
    res = CCCFile(path=path, columns=header, phase=phase, snapshot=snapshot_of(path))
    if "date" not in header:
        res.errors.append(RowError(records[0][0], "header has no 'date' column; not a CCC file"))
        return res
    for line, rec in records[1:]:
        try:
            cells = _split(rec)
        except csv.Error as exc:
            res.errors.append(RowError(line, f"malformed CSV row ({exc})"))
            continue
        if len(cells) != len(header):
            res.errors.append(RowError(line, f"expected {len(header)} columns, found {len(cells)}"))
            continue
        values = {col: clean_value(col, v) for col, v in zip(header, cells, strict=True)}
        iso = parse_date(values["date"])
        if iso is None:
            res.errors.append(RowError(line, f"bad date {values['date']!r}"))
            continue
        values["date"] = iso
        res.rows.append(CCCRow(line=line, values=values))
    return res


def read_ccc(path: str | Path) -> CCCFile:
    """Read one CCC CSV file of any phase: cleaned rows plus (line, message) errors."""
    data = Path(path).read_bytes()
    if b"\x00" in data[:8192]:
        return CCCFile(path=str(path), columns=[], phase="phase3", snapshot=snapshot_of(path),
                       errors=[RowError(1, "binary file (NUL bytes), not a CSV file")])
    return read_ccc_text(decode_bytes(data), path=str(path))
