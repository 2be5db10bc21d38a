"""What the fuzzers feed and check: every reader (text, HTML, JSON lines, CCC CSV, WARC, feeds,
sitemaps, the file dispatcher) and ``extract_text``, each given arbitrary bytes.

A target returns normally or raises one of its allowed errors (a clear one-line
``IngestError``; ``ValueError`` for a text over the extraction limit). Anything else is a
crash. Shared by ``tests/test_fuzz.py`` (hypothesis, briefly, in CI) and
``benchmarks/fuzz.py`` (a mutation fuzzer, 100,000+ inputs).
"""

from __future__ import annotations

import gzip
import itertools
import tempfile
from collections.abc import Callable
from datetime import date
from pathlib import Path

from bombs import GOOD_HTML, warc_record
from helpers import phase3_csv
from protestdb.ccc.reader import read_ccc_text
from protestdb.ingest.encoding import decode_bytes
from protestdb.ingest.errors import IngestError
from protestdb.ingest.feeds import ArticleLink, parse_feed
from protestdb.ingest.readers import _read_json_records, html_to_article, read_path, text_to_article
from protestdb.ingest.sitemaps import parse_sitemap, read_index_bytes
from protestdb.ingest.warc import read_warc
from protestdb.models import Article


class Crash(AssertionError):
    """A target misbehaved: an unexpected exception or a wrong kind of item."""


_TMP = Path(tempfile.mkdtemp(prefix="protestdb-fuzz-"))
_counter = itertools.count()


def _tmp(data: bytes, name: str) -> Path:
    p = _TMP / f"{next(_counter) % 64}-{name}"
    p.write_bytes(data)
    return p


def _text(data: bytes) -> str:
    return data.decode("utf-8", errors="replace")


def _items(items: object, allowed: tuple[type, ...] = (Article, IngestError)) -> int:
    n = 0
    for x in items:  # type: ignore[attr-defined]
        if not isinstance(x, allowed):
            raise Crash(f"unexpected item {type(x).__name__}")
        if isinstance(x, IngestError) and ("\n" in str(x) or len(str(x)) > 2000):
            raise Crash("an error message longer than one short line")
        n += 1
    return n


def t_decode(data: bytes) -> None:
    text, enc = decode_bytes(data)
    if not isinstance(text, str) or not enc:
        raise Crash("decode_bytes returned no text")


def t_text(data: bytes) -> None:
    text = _text(data)
    if text.strip():
        text_to_article(text)


def t_html(data: bytes) -> None:
    try:
        html_to_article(_text(data), url="https://fuzz.example/a")
    except IngestError:
        pass


def t_jsonl(data: bytes) -> None:
    _items(_read_json_records(_text(data), _TMP / "in.jsonl"))


def t_ccc(data: bytes) -> None:
    f = read_ccc_text(_text(data), "fuzz.csv")
    for r in f.rows:
        if not isinstance(r.values.get("date"), str):
            raise Crash("a CCC row without its date")


def t_warc(data: bytes) -> None:
    _items(read_warc(_tmp(data, "f.warc")))
    _items(read_warc(_tmp(gzip.compress(data, 1), "f.warc.gz")))


def t_feed(data: bytes) -> None:
    try:
        links = parse_feed(data, source="fuzz.xml")
    except IngestError:
        return
    if not all(isinstance(x, ArticleLink) for x in links):
        raise Crash("parse_feed returned a non-link")


def t_sitemap(data: bytes) -> None:
    try:
        parse_sitemap(data, source="fuzz.xml")
    except IngestError:
        pass
    for links in (False, True):
        got = read_index_bytes(data, "fuzz.xml", links=links)
        if got is not None:
            _items(got, (Article, ArticleLink, IngestError))


_EXTS = (".txt", ".html", ".jsonl", ".json", ".xml", ".rss", ".gz", ".dat", ".md")


def t_file(data: bytes) -> None:
    ext = _EXTS[len(data) % len(_EXTS)]
    _items(read_path(_tmp(data, "f" + ext)), (Article, ArticleLink, IngestError))


def t_extract(data: bytes) -> None:
    from protestdb.extract import extract_text

    text = _text(data)
    try:
        extract_text(text, date(2025, 3, 4))
    except ValueError as exc:
        if "longer" not in str(exc) and "limit" not in str(exc).lower():
            raise


TARGETS: dict[str, Callable[[bytes], None]] = {
    "decode": t_decode,
    "text": t_text,
    "html": t_html,
    "jsonl": t_jsonl,
    "ccc": t_ccc,
    "warc": t_warc,
    "feed": t_feed,
    "sitemap": t_sitemap,
    "file": t_file,
    "extract": t_extract,
}


def _seed_warc() -> bytes:
    head, body = warc_record("https://news.example/a", GOOD_HTML)
    return head + body + b"\r\n\r\n"


RSS = b"""<?xml version="1.0"?><rss version="2.0"><channel><title>Courier</title><link>https://c.example/</link>
<item><title>Drivers picket depot</title><link>https://c.example/news/picket</link><pubDate>Tue, 04 Mar 2025 10:00:00 GMT</pubDate>
<description>Bus drivers picketed the depot on Monday over pay, the union said.</description></item></channel></rss>"""
ATOM = b"""<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"><title>Wire</title>
<entry><title>March downtown</title><link href="https://w.example/march"/><updated>2025-03-04T10:00:00Z</updated>
<summary>Hundreds marched downtown.</summary></entry></feed>"""
SITEMAP = b"""<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
<url><loc>https://s.example/a</loc><lastmod>2025-03-04</lastmod></url></urlset>"""
SITEMAP_INDEX = b"""<?xml version="1.0"?><sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
<sitemap><loc>https://s.example/news.xml</loc></sitemap></sitemapindex>"""
TEXT = (b"Nurses rally for staffing\n\nPublished: 2025-03-04\n\nAbout 200 nurses rallied outside Mercy Hospital "
        b"in Dayton, Ohio on Monday, organized by the Ohio Nurses Association, demanding safer staffing.\n")
JSONL = (b'{"text": "Teachers marched in Boise on Monday.", "published": "2025-03-04", "url": "https://b.example/1"}\n'
         b'{"html": "<p>Students walked out in Tulsa on Friday.</p>"}\n{"path": "a.txt"}\n')


def _ccc_seed() -> bytes:
    rows = [{"date": "2024-05-04", "locality": "Springfield", "state": "IL", "event_type": "rally",
             "title": "Homes for All", "size_low": "60", "notes": 'said "no"\nagain'},
            {"date": "5/6/2024", "locality": "Salem", "state": "OR", "event_type": "march; vigil"}]
    return phase3_csv(rows).encode("utf-8")


SEEDS: dict[str, list[bytes]] = {
    "decode": [TEXT, "Café – “quoted”".encode("cp1252", "replace"), "x".encode("utf-16")],
    "text": [TEXT],
    # the third makes htmldate fall back to dateparser, which loads its 200 locales on first use
    # (5-18 s once per process): the fuzz benchmark's warm-up pays it, not a counted input
    "html": [GOOD_HTML, b"<html><body><p>" + TEXT + b"</p></body></html>",
             b"<html><body><p>Rally report\n\nUpdated: 2025-0</p></body></html>"],
    "jsonl": [JSONL],
    "ccc": [_ccc_seed()],
    "warc": [_seed_warc()],
    "feed": [RSS, ATOM],
    "sitemap": [SITEMAP, SITEMAP_INDEX, gzip.compress(SITEMAP)],
    "file": [TEXT, GOOD_HTML, JSONL, RSS, SITEMAP, _seed_warc()],
    "extract": [b"About 300 workers marched in Oakland, California on Monday against layoffs.",
                b"Students walked out of Lincoln High School in Tacoma on Friday, chanting 'books not bullets'."],
}

#: Pieces that break parsers: quotes, brackets, markup, escapes, control and odd Unicode.
TOKENS = [b'"', b"'", b"\\", b"{", b"}", b"[", b"]", b"<", b">", b"</", b"<!--", b"]]>", b"&#0;", b"&amp;",
          b"\x00", b"\r", b"\n", b"\r\n", b",", b";", b":", b"\\ud800", b"\xed\xa0\x80", b"\xff\xfe", b"\xef\xbb\xbf",
          b"\x1f\x8b\x08", b"WARC/1.0\r\n", b"Content-Length: 99999999999\r\n", b"\r\n\r\n", b"NaN", b"1e999",
          b"-0", b"9999-12-31", b"2024-02-30", b"<?xml ", b"<!DOCTYPE x [<!ENTITY e \"a\">]>", b"&e;",
          "\u202e".encode(), "\U0001f600".encode(), b"\xc3\x28", b"\t", b"%s%n", b"{{", b"$(x)"]


def mutate(rng: object, data: bytes, max_len: int = 4000) -> bytes:
    """One random mutation of ``data`` (``rng``: a random.Random): bytes flipped, cut, repeated,
    tokens spliced in, halves of two inputs joined, deep nesting."""
    r = rng  # type: ignore[assignment]
    b = bytearray(data)
    for _ in range(r.randint(1, 4)):  # type: ignore[attr-defined]
        op = r.randrange(8)  # type: ignore[attr-defined]
        pos = r.randint(0, len(b)) if b else 0  # type: ignore[attr-defined]
        if op == 0 and b:
            b[min(pos, len(b) - 1)] = r.randrange(256)  # type: ignore[attr-defined]
        elif op == 1:
            b[pos:pos] = r.choice(TOKENS)  # type: ignore[attr-defined]
        elif op == 2 and b:
            end = min(len(b), pos + r.randint(1, 64))  # type: ignore[attr-defined]
            del b[pos:end]
        elif op == 3 and b:
            end = min(len(b), pos + r.randint(1, 32))  # type: ignore[attr-defined]
            b[pos:pos] = b[pos:end] * r.randint(2, 20)  # type: ignore[attr-defined]
        elif op == 4:
            depth = r.randint(10, 3000)  # type: ignore[attr-defined]
            opener, closer = r.choice([(b"[", b"]"), (b"{\"a\":", b"}"), (b"<a>", b"</a>")])  # type: ignore[attr-defined]
            b[pos:pos] = opener * depth + closer * r.randint(0, depth)  # type: ignore[attr-defined]
        elif op == 5:
            b[pos:pos] = bytes(r.randrange(256) for _ in range(r.randint(1, 16)))  # type: ignore[attr-defined]
        elif op == 6 and b:
            b = b[:pos]
        else:
            b[pos:pos] = r.choice(TOKENS) * r.randint(2, 200)  # type: ignore[attr-defined]
    return bytes(b[:max_len])


__all__ = ["SEEDS", "TARGETS", "TOKENS", "Crash", "mutate"]
