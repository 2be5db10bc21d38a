"""WARC / WARC.gz files (news crawls) -> articles, streamed record by record with ``warcio``.

Each ``response`` record with a 2xx HTML page (and each HTML ``resource`` record)
becomes an article through the HTML reader: ``WARC-Target-URI`` is its url,
``WARC-Date`` its ``retrieved`` time, ``raw_format="warc"``. Requests, metadata,
redirects, images, scripts ... are skipped silently. The file is never loaded whole;
a truncated or corrupt record is one :class:`IngestError` naming ``file@offset`` and
reading resumes at the next record boundary found after it.
"""

from __future__ import annotations

import contextlib
import io
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import BinaryIO

from protestdb.ingest.encoding import decode_bytes, is_binary_bytes
from protestdb.ingest.errors import IngestError
from protestdb.ingest.html import looks_like_html
from protestdb.ingest.readers import html_to_article
from protestdb.models import Article

WARC_EXTS = (".warc", ".warc.gz")
#: Largest record payload read as a page; bigger records are reported and skipped.
MAX_RECORD_BYTES = 10 * 1024 * 1024
#: Longest header line read at once (warcio would read a "line" of any length into memory);
#: a longer one is cut, so the record fails to parse and is reported.
MAX_LINE_BYTES = 64 * 1024
#: Largest block of header lines (WARC + HTTP headers) before a blank line.
MAX_HEADER_BYTES = 1024 * 1024
_SCAN_CHUNK = 1 << 20


class _HeaderTooLarge(ValueError):
    pass


def _capped_reader(fh: BinaryIO):  # noqa: ANN202 - a warcio DecompressingBufferedReader
    """warcio's reader with bounded ``readline``: lines cut at MAX_LINE_BYTES, header blocks
    (lines up to a blank one) at MAX_HEADER_BYTES. Payloads are read with ``read`` (unbounded
    total, bounded chunks), never with ``readline``."""
    from warcio.bufferedreaders import DecompressingBufferedReader

    class Capped(DecompressingBufferedReader):
        _run = 0

        def readline(self, length: int | None = None) -> bytes:
            if not length or length > MAX_LINE_BYTES:
                length = MAX_LINE_BYTES
            line = super().readline(length)
            if line.strip():
                self._run += len(line)
                if self._run > MAX_HEADER_BYTES:
                    self._run = 0
                    raise _HeaderTooLarge(f"header lines longer than {MAX_HEADER_BYTES:,} bytes")
            else:
                self._run = 0
            return line

    return Capped(fh)


class _Sink(io.StringIO):
    """Where warcio's own warnings go: kept short (a warning may quote a whole "line")."""

    def write(self, s: str) -> int:
        if self.tell() < 4096:
            super().write(s[:1024])
        return len(s)


@dataclass
class WarcStats:
    """Counts of one :func:`read_warc` pass (filled as it goes)."""

    records: int = 0
    pages: int = 0
    skipped: int = 0
    errors: int = 0


def is_warc_path(path: str | Path) -> bool:
    return str(path).lower().endswith(WARC_EXTS)


def _parse_warc_date(value: str | None) -> datetime | None:
    if not value:
        return None
    try:
        d = datetime.fromisoformat(value.strip().replace("Z", "+00:00"))
    except ValueError:
        return None
    return d if d.tzinfo else d.replace(tzinfo=UTC)


def _is_html_record(record) -> bool:  # noqa: ANN001 - warcio ArcWarcRecord
    rtype = record.rec_type
    if rtype == "response":
        http = record.http_headers
        if http is None:
            return False
        try:
            status = int((http.get_statuscode() or "0")[:3])
        except ValueError:
            return False
        if not 200 <= status < 300:
            return False
        ctype = (http.get_header("Content-Type") or "").lower()
    elif rtype == "resource":
        ctype = (record.rec_headers.get_header("Content-Type") or "").lower()
    else:
        return False
    return "html" in ctype or ctype == ""


def _truncated(record) -> bool:  # noqa: ANN001
    """Drain the rest of the record block; True if the file ended before its Content-Length."""
    raw = record.raw_stream
    while raw.read(_SCAN_CHUNK):
        pass
    return isinstance(getattr(raw, "limit", None), int) and raw.limit > 0


def _record_article(record, src: str, where: str, max_bytes: int) -> Article | None:  # noqa: ANN001
    """The article of one HTML record, None if it is not HTML after all; raises IngestError."""
    url = record.rec_headers.get_header("WARC-Target-URI")
    data = record.content_stream().read(max_bytes + 1)
    if len(data) > max_bytes:
        raise IngestError(where, f"record larger than {max_bytes:,} bytes ({url}); skipped")
    if _truncated(record):
        raise IngestError(where, f"truncated WARC record: file ends inside it ({url}); skipped")
    if not data.strip() or is_binary_bytes(data):
        return None
    declared = None
    if record.http_headers is not None:
        ctype = record.http_headers.get_header("Content-Type") or ""
        if "charset=" in ctype.lower():
            declared = ctype.lower().split("charset=", 1)[1].split(";")[0].strip(" \"'") or None
    text, _enc = decode_bytes(data, declared=declared)
    if not looks_like_html(text):
        return None
    retrieved = _parse_warc_date(record.rec_headers.get_header("WARC-Date"))
    try:
        art = html_to_article(text, path=src, url=url, retrieved=retrieved)
    except IngestError as err:
        raise IngestError(where, f"{err.message} ({url})") from err
    return art.model_copy(update={"raw_format": "warc"})


def _clean(exc: BaseException) -> str:
    """A short, printable, one-line version of an exception message (never more than 160 characters
    of it are looked at, whatever the exception holds)."""
    try:
        raw = str(exc)[:400]
    except Exception:  # noqa: BLE001 - a broken __str__
        raw = ""
    text = "".join(ch if ch.isprintable() and ord(ch) < 0x7F else " " for ch in raw)
    text = " ".join(text.split())
    return (text[:160] + "...") if len(text) > 160 else (text or type(exc).__name__)


def _has_data_after(fh: BinaryIO, offset: int) -> bool:
    """True if anything but blank space follows ``offset`` (unread bytes after the last record)."""
    fh.seek(offset)
    return bool(fh.read(4096).strip())


def _resync(fh: BinaryIO, start: int, gz: bool) -> int | None:
    """Offset of the next record boundary at or after ``start`` (gzip member or ``WARC/1.``), else None."""
    marker = b"\x1f\x8b\x08" if gz else b"\nWARC/1."
    fh.seek(start)
    pos = start
    tail = b""
    while True:
        chunk = fh.read(_SCAN_CHUNK)
        if not chunk:
            return None
        buf = tail + chunk
        i = buf.find(marker)
        if i >= 0:
            found = pos - len(tail) + i
            return found if gz else found + 1
        tail = buf[-(len(marker) - 1) :]
        pos += len(chunk)


def read_warc(
    path: str | Path, *, max_record_bytes: int = MAX_RECORD_BYTES, stats: WarcStats | None = None
) -> Iterator[Article | IngestError]:
    """Articles of a WARC or WARC.gz file, one record at a time; errors name ``file@offset``."""
    from warcio.archiveiterator import ArchiveIterator

    src = str(path)
    st = stats or WarcStats()
    try:
        fh = open(path, "rb")  # noqa: SIM115 - closed in finally; generator may pause
    except OSError as exc:
        yield IngestError(src, f"cannot read file: {exc.strerror or exc}")
        return
    try:
        gz = fh.read(2) == b"\x1f\x8b"
        fh.seek(0)
        pos = 0
        while True:
            fh.seek(pos)
            it = ArchiveIterator(fh)
            it.reader = _capped_reader(fh)  # before the first record is read
            offset = pos
            try:
                while True:
                    with contextlib.redirect_stderr(_Sink()):  # warcio prints warnings itself
                        record = next(it, None)
                    if record is None:
                        end = getattr(it, "offset", offset)
                        if _has_data_after(fh, end):  # e.g. a gzip member cut short: warcio stops quietly
                            st.errors += 1
                            yield IngestError(f"{src}@{end}", "truncated WARC record: file ends inside it; skipped")
                        return
                    offset = it.offset
                    st.records += 1
                    where = f"{src}@{offset}"
                    if record.rec_type is None or record.rec_headers.get_header("Content-Length") is None:
                        st.errors += 1
                        yield IngestError(where, "incomplete WARC record header (truncated or corrupt); skipped")
                        continue
                    if not _is_html_record(record):
                        if _truncated(record):
                            st.errors += 1
                            uri = record.rec_headers.get_header("WARC-Target-URI") or record.rec_type
                            yield IngestError(where, f"truncated WARC record: file ends inside it ({uri}); skipped")
                        else:
                            st.skipped += 1
                        continue
                    try:
                        art = _record_article(record, src, where, max_record_bytes)
                    except IngestError as err:
                        st.errors += 1
                        yield err
                        continue
                    if art is None:
                        st.skipped += 1
                        continue
                    st.pages += 1
                    yield art
            except Exception as exc:  # noqa: BLE001 - warcio fails in many ways on damaged records
                offset = max(offset, getattr(it, "offset", offset))
                st.errors += 1
                yield IngestError(f"{src}@{offset}", f"corrupt or truncated WARC record ({_clean(exc)}); skipped")
                nxt = _resync(fh, offset + 1, gz)
                if nxt is None or nxt <= offset:
                    return
                pos = nxt
    finally:
        fh.close()
