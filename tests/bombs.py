"""Decompression and long-line bombs, generated streaming (never 1 GB in memory), and a runner
that reads one in a fresh Python process and reports its time and peak memory.

Used by ``tests/test_bombs.py`` and ``benchmarks/fuzz.py``. Run as a script:
``python tests/bombs.py KIND DIR`` prints one JSON line ``{"seconds", "peak_mb", "items"}``.
"""

from __future__ import annotations

import gzip
import io
import json
import struct
import sys
import time
import zlib
from pathlib import Path
from typing import Any, BinaryIO

GB = 1 << 30
_CHUNK = 1 << 20

GOOD_HTML = (
    b"<html><head><title>Nurses rally</title></head><body><article><p>Nurses rallied outside "
    b"Mercy Hospital in Dayton, Ohio on Monday to demand safer staffing levels, organizers said."
    b"</p></article></body></html>"
)


def gzip_member(fh: BinaryIO, prefix: bytes, fill: bytes, size: int, suffix: bytes = b"") -> None:
    """One gzip member of ``prefix + fill * size + suffix`` (``fill`` one byte), written in about
    ``size / 1000`` bytes: the deflate block of 1 MiB of ``fill`` is compressed once and repeated."""
    co = zlib.compressobj(9, zlib.DEFLATED, -15)
    fh.write(b"\x1f\x8b\x08\x00\x00\x00\x00\x00\x00\xff")
    fh.write(co.compress(prefix) + co.flush(zlib.Z_FULL_FLUSH))
    chunk = fill * _CHUNK
    block = co.compress(chunk) + co.flush(zlib.Z_FULL_FLUSH)
    crc = zlib.crc32(prefix)
    n, rest = divmod(size, _CHUNK)
    for _ in range(n):
        fh.write(block)
        crc = zlib.crc32(chunk, crc)
    if rest:
        fh.write(co.compress(fill * rest))
        crc = zlib.crc32(fill * rest, crc)
    fh.write(co.compress(suffix) + co.flush())
    crc = zlib.crc32(suffix, crc)
    fh.write(struct.pack("<II", crc & 0xFFFFFFFF, (len(prefix) + size + len(suffix)) & 0xFFFFFFFF))


def warc_record(url: str, html: bytes, content_length: int | None = None) -> tuple[bytes, bytes]:
    """(headers, payload) of a WARC response record for ``html`` (HTTP headers included)."""
    http = b"HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n\r\n" + html
    n = len(http) if content_length is None else content_length
    head = (
        f"WARC/1.0\r\nWARC-Type: response\r\nWARC-Target-URI: {url}\r\n"
        f"WARC-Date: 2025-03-04T10:00:00Z\r\nWARC-Record-ID: <urn:uuid:{abs(hash(url)):032d}>\r\n"
        f"Content-Type: application/http; msgtype=response\r\nContent-Length: {n}\r\n\r\n"
    ).encode()
    return head, http


def good_record_gz() -> bytes:
    head, body = warc_record("https://news.example/dayton", GOOD_HTML)
    return gzip.compress(head + body + b"\r\n\r\n")


def make_bomb(kind: str, folder: Path) -> Path:
    """A bomb file of ``kind`` in ``folder`` followed by one good page (which must still be read)."""
    folder.mkdir(parents=True, exist_ok=True)
    if kind == "warc_gz_zeros":  # 1 MB .warc.gz -> 1 GB of zeros, no record header at all
        p = folder / "zeros.warc.gz"
        with p.open("wb") as fh:
            gzip_member(fh, b"", b"\0", GB)
            fh.write(good_record_gz())
    elif kind == "warc_gz_payload":  # a well-formed HTML record whose payload is 1 GB of zeros
        p = folder / "payload.warc.gz"
        http_head = b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n"
        head, _ = warc_record("https://news.example/zeros", b"", content_length=len(http_head) + GB)
        with p.open("wb") as fh:
            gzip_member(fh, head + http_head, b"\0", GB, b"\r\n\r\n")
            fh.write(good_record_gz())
    elif kind == "warc_gz_header_line":  # a 1 GB header line, gzip'd
        p = folder / "headerline.warc.gz"
        with p.open("wb") as fh:
            gzip_member(fh, b"WARC/1.0\r\nWARC-Type: response\r\nX-Long: ", b"a", GB, b"\r\n\r\n")
            fh.write(good_record_gz())
    elif kind == "warc_header_line":  # a 1 GB header line in a plain .warc (a sparse file: no disk used)
        p = folder / "headerline.warc"
        head, body = warc_record("https://news.example/dayton", GOOD_HTML)
        with p.open("wb") as fh:
            fh.write(b"WARC/1.0\r\nWARC-Type: response\r\nX-Long: ")
            fh.seek(GB, io.SEEK_CUR)
            fh.write(b"\r\n\r\n\r\n" + head + body + b"\r\n\r\n")
    else:
        raise ValueError(kind)
    return p


def _serve_http_bomb() -> tuple[str, object]:
    """A server on 127.0.0.1 whose page and robots.txt are gzip bombs (1 MB -> 1 GB)."""
    import threading
    from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

    buf = io.BytesIO()
    gzip_member(buf, b"<html><body>", b" ", GB, b"</body></html>")
    bomb = buf.getvalue()

    class H(BaseHTTPRequestHandler):
        def do_GET(self) -> None:  # noqa: N802
            self.send_response(200)
            self.send_header("Content-Type", "text/plain" if self.path == "/robots.txt" else "text/html")
            self.send_header("Content-Encoding", "gzip")
            self.send_header("Content-Length", str(len(bomb)))
            self.end_headers()
            try:
                self.wfile.write(bomb)
            except OSError:
                pass

        def log_message(self, *a: object) -> None:
            pass

    srv = ThreadingHTTPServer(("127.0.0.1", 0), H)
    threading.Thread(target=srv.serve_forever, daemon=True).start()
    return f"http://127.0.0.1:{srv.server_address[1]}", srv


def run(kind: str, folder: Path) -> dict:
    """Read one bomb in this process; returns seconds, peak RSS (MB) and what was read."""
    import resource

    from protestdb.ingest import IngestError, read_path

    items: list[str] = []
    if kind == "http_gzip":
        from protestdb.ingest.fetch import HostRateLimiter, read_url

        base, srv = _serve_http_bomb()
        t0 = time.perf_counter()
        try:
            read_url(base + "/page", allow_private=True, limiter=HostRateLimiter(0))
            items.append("article")
        except IngestError as err:
            items.append("error: " + err.message[:200])
        seconds = time.perf_counter() - t0
        srv.shutdown()  # type: ignore[attr-defined]
    else:
        path = make_bomb(kind, folder)
        t0 = time.perf_counter()
        for x in read_path(path):
            items.append("error: " + x.message[:200] if isinstance(x, IngestError) else "article: " + x.text[:60])
        seconds = time.perf_counter() - t0
    return {"kind": kind, "seconds": round(seconds, 3), "peak_mb": round(_peak_mb(resource), 1), "items": items}


def _peak_mb(resource: Any) -> float:
    """This process's own peak RSS (MB): Linux's VmHWM, which a new program starts afresh.
    ``ru_maxrss`` is kept across exec, so a process started from a big parent (a pytest run that
    has loaded the language model) would report the parent's size at the fork."""
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


if __name__ == "__main__":
    print(json.dumps(run(sys.argv[1], Path(sys.argv[2]))))
