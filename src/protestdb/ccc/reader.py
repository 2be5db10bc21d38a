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
import os
import re
from collections.abc import Callable, Iterator
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
    warnings: list[str] = field(default_factory=list)  # e.g. columns the file lacks


#: Largest CCC file read (bytes); ``PROTESTDB_MAX_CCC_BYTES`` changes it. The whole CCC data set
#: (2017 to now) is about 70 MB.
MAX_CCC_BYTES = int(os.environ.get("PROTESTDB_MAX_CCC_BYTES", str(256 * 1024 * 1024)))
#: Most physical lines one quoted record may span before it is taken for an unclosed quote.
MAX_RECORD_LINES = 500
#: Columns without which rows import but lose something: said once per file.
EXPECTED_COLUMNS = ("locality", "state", "lat", "lon", "event_type", "size_mean")


def _records(text: str) -> list[tuple[int, str]]:
    """Logical CSV records with their first line number; split on LF, quotes may span lines."""
    return [(start, rec) for start, _end, rec, _ok in _scan_records(text.split("\n"))]


RowStart = Callable[[str], bool]


def _scan_records(lines: list[str], is_row_start: RowStart | None = None,
                  first_line: int = 1) -> Iterator[tuple[int, int, str, bool]]:
    """``(first line, last line, record, ok)`` per logical record; quoted fields may span lines.

    A record whose quote stays open is cut (``ok`` False) when a later line reads as a whole row
    by itself (``is_row_start``), after MAX_RECORD_LINES lines, or at the end of the file; reading
    resumes at the line that was not swallowed."""
    buf: list[str] = []
    start = first_line
    quotes = 0
    i = 0
    n = len(lines)
    while i < n:
        line = lines[i]
        lineno = first_line + i
        if line.endswith("\r"):
            line = line[:-1]
        if buf and quotes % 2 == 1 and (
            len(buf) >= MAX_RECORD_LINES or (is_row_start is not None and is_row_start(line))
        ):
            yield start, lineno - 1, "\n".join(buf), False
            buf, quotes = [], 0
        if not buf:
            start = lineno
        buf.append(line)
        quotes += line.count('"')
        if quotes % 2 == 0:
            yield start, lineno, "\n".join(buf), True
            buf, quotes = [], 0
        i += 1
    if buf:
        yield start, first_line + n - 1, "\n".join(buf), False


def _split(record: str) -> list[str]:
    return next(csv.reader([record.replace("\r", " ")]), [])


def snapshot_of(path: str | Path) -> str | None:
    m = _SNAPSHOT.search(Path(path).name)
    return m.group(1) if m else None


def _row_start(header: list[str]) -> RowStart:
    """True for a line that is a whole row by itself: balanced quotes, the header's number of
    cells, a date in the date column (how a reader finds its feet after an unclosed quote)."""
    ncols = len(header)
    di = header.index("date")

    def check(line: str) -> bool:
        if line.count('"') % 2 or line.count(",") < ncols - 1:
            return False
        try:
            cells = _split(line)
        except csv.Error:
            return False
        return len(cells) == ncols and parse_date(cells[di]) is not None

    return check


def read_ccc_text(text: str, path: str = "<text>") -> CCCFile:
    """Parse decoded CSV text (see :func:`read_ccc`)."""
    lines = text.split("\n")
    head = None
    for start, end, rec, _ok in _scan_records(lines[:MAX_RECORD_LINES]):
        if rec.strip():
            head = (start, end, rec)
            break
    if head is None:
        return CCCFile(
            path=path,
            columns=[],
            phase="phase3",
            snapshot=snapshot_of(path),
            errors=[RowError(1, "empty file")],
        )
    h_start, h_end, h_rec = head
    try:
        header = [phase3_name(c) for c in _split(h_rec)]
    except csv.Error as exc:
        return CCCFile(path=path, columns=[], phase="phase3", snapshot=snapshot_of(path),
                       errors=[RowError(h_start, f"unreadable header ({exc}); not a CCC file")])
    raw_header = {c.strip() for c in _split(h_rec)}
    phase = (
        "compiled"
        if ("type" in raw_header or "source_1" in raw_header or "actors" in raw_header)
        else "phase3"
    )
    res = CCCFile(path=path, columns=header, phase=phase, snapshot=snapshot_of(path))
    if "date" not in header:
        res.errors.append(RowError(h_start, "header has no 'date' column; not a CCC file"))
        return res
    missing = [c for c in EXPECTED_COLUMNS if c not in header]
    if missing:
        res.warnings.append(
            f"no column {', '.join(repr(c) for c in missing)}: its values stay empty for every row"
        )
    records = _scan_records(lines[h_end:], _row_start(header), first_line=h_end + 1)
    for line, last, rec, ok in records:
        if not rec.strip():
            continue
        if not ok:
            span = f"line {line}" if last == line else f"lines {line}-{last}"
            res.errors.append(RowError(
                line, f"unclosed quote: {span} skipped (read as one broken row); reading resumed at line {last + 1}"
            ))
            continue
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
            bad = values["date"] if len(values["date"]) <= 40 else values["date"][:40] + "..."
            res.errors.append(RowError(line, f"bad date {bad!r}"))
            continue
        values["date"] = iso
        res.rows.append(CCCRow(line=line, values=values))
    return res


def read_ccc(path: str | Path) -> CCCFile:
    """Read one CCC CSV file of any phase: cleaned rows plus (line, message) errors. A file that
    cannot be read (missing, larger than MAX_CCC_BYTES, binary) is one error, never an exception."""
    p = Path(path)

    def failed(msg: str) -> CCCFile:
        return CCCFile(path=str(path), columns=[], phase="phase3", snapshot=snapshot_of(path),
                       errors=[RowError(0, msg)])

    try:
        size = p.stat().st_size
        if size > MAX_CCC_BYTES:
            return failed(f"file too large ({size:,} bytes > limit {MAX_CCC_BYTES:,}; PROTESTDB_MAX_CCC_BYTES)")
        with p.open("rb") as fh:
            data = fh.read(MAX_CCC_BYTES + 1)
    except FileNotFoundError:
        return failed("file not found")
    except OSError as exc:
        return failed(f"cannot read file: {exc.strerror or type(exc).__name__}")
    if len(data) > MAX_CCC_BYTES:
        return failed(f"file too large (> limit {MAX_CCC_BYTES:,} bytes)")
    if b"\x00" in data[:8192]:
        return failed("binary file (NUL bytes), not a CSV file")
    return read_ccc_text(decode_bytes(data), path=str(path))
