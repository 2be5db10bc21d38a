"""Files and folders -> :class:`Article` objects (or one-line :class:`IngestError` values).

``read_path`` never raises for bad input: each bad file (or JSON line) becomes one
``IngestError`` naming it, and reading goes on with the next.
"""

from __future__ import annotations

import json
import os
import re
from collections.abc import Iterator
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

from protestdb import settings
from protestdb.ingest.encoding import decode_bytes, is_binary_bytes, is_binary_text
from protestdb.ingest.errors import IngestError
from protestdb.ingest.html import looks_like_html, parse_html
from protestdb.models import Article

TEXT_EXTS = {".txt", ".text", ".md"}
HTML_EXTS = {".html", ".htm", ".xhtml"}
JSON_EXTS = {".json", ".jsonl"}
#: Read as a feed or sitemap when the root element says so (else as HTML/text).
XML_EXTS = {".xml", ".rss", ".atom", ".rdf"}
KNOWN_EXTS = TEXT_EXTS | HTML_EXTS | JSON_EXTS | XML_EXTS

#: A first line longer than this is body text, not a title.
MAX_TITLE_CHARS = 200


def _now() -> datetime:
    return datetime.now(UTC)


def guess_title(text: str) -> str | None:
    """The first line if it reads like a headline (short, followed by more text, no final period)."""
    lines = text.lstrip("\n").split("\n")
    if len(lines) < 2:
        return None
    first = lines[0].strip()
    first = re.sub(r"^#+\s*", "", first)  # markdown heading
    if not first or len(first) > MAX_TITLE_CHARS:
        return None
    if first.endswith((".", ",", ";")) and not first.endswith("..."):
        return None
    if not any(line.strip() for line in lines[1:]):
        return None
    return first


#: Publication dates outside these years are refused (relative dates are resolved against them).
MIN_PUBLISHED = date(1800, 1, 1)
MAX_PUBLISHED = date(2200, 12, 31)


def check_published(value: date | None) -> date | None:
    """``value`` if it is a plausible publication date (or None); raises ValueError otherwise."""
    if value is not None and not MIN_PUBLISHED <= value <= MAX_PUBLISHED:
        raise ValueError(f"published {value.isoformat()} is not between {MIN_PUBLISHED} and {MAX_PUBLISHED}")
    return value


def short_repr(value: Any, limit: int = 80) -> str:
    """``repr(value)`` cut to ``limit`` characters (error messages never carry a whole input)."""
    if isinstance(value, str) and len(value) > limit:
        value = value[:limit]
    r = repr(value) if not isinstance(value, (dict, list)) else f"<{type(value).__name__}>"
    return r if len(r) <= limit else r[:limit] + "..."


def _parse_published(value: Any, source: str) -> date | None:
    if value in (None, ""):
        return None
    if isinstance(value, date):
        d = value
    else:
        try:
            d = date.fromisoformat(str(value)[:10])
        except ValueError as exc:
            raise IngestError(source, f"bad 'published' value {short_repr(value)} (want YYYY-MM-DD)") from exc
    try:
        return check_published(d)
    except ValueError as exc:
        raise IngestError(source, str(exc)) from exc


_HEADER_DATE = re.compile(
    r"^\s*(?:published|date|publication date|posted|fecha)\s*:\s*(\d{4}-\d{2}-\d{2})\b", re.IGNORECASE | re.MULTILINE
)


_MONTHS = {
    m: i
    for i, names in enumerate(
        [("january", "jan"), ("february", "feb"), ("march", "mar"), ("april", "apr"), ("may",), ("june", "jun"),
         ("july", "jul"), ("august", "aug"), ("september", "sep", "sept"), ("october", "oct"), ("november", "nov"),
         ("december", "dec")],
        1,
    )
    for m in names
}
#: A byline-style line that starts with a full date: "March 03, 2025 by ...", "Updated Jan. 5, 2025, 6:01 PM".
_BYLINE_DATE = re.compile(
    r"^\s*(?:(?:published|updated|posted)\s*:?\s*)?(?:[A-Z][a-z]+day,?\s+)?"
    r"(?P<month>[A-Z][a-z]{2,8})\.?\s+(?P<day>\d{1,2}),\s+(?P<year>(?:19|20)\d{2})\b",
    re.MULTILINE,
)


def header_published(text: str) -> date | None:
    """The publication date stated at the top of a text file, if any.

    Either a ``Published: YYYY-MM-DD`` line or a byline that starts with a full date
    ("March 03, 2025 by ...") among the first ten lines.
    """
    m = _HEADER_DATE.search(text[:600])
    if m:
        try:
            return date.fromisoformat(m.group(1))
        except ValueError:
            return None
    head = "\n".join(text.split("\n")[:10])
    for b in _BYLINE_DATE.finditer(head):
        line_end = head.find("\n", b.start())
        line = head[b.start() : line_end if line_end >= 0 else len(head)]
        if len(line) > 120:  # a sentence of the story, not a byline
            continue
        month = _MONTHS.get(b.group("month").lower())
        if month is None:
            continue
        try:
            return date(int(b.group("year")), month, int(b.group("day")))
        except ValueError:
            continue
    return None


def text_to_article(text: str, *, path: str | None = None, **meta: Any) -> Article:
    """Text as read (kept whole: offsets point into it), with a title guessed from line 1."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").strip("\n").rstrip()
    title = meta.pop("title", None) or guess_title(text)
    if meta.get("published") is None:
        meta["published"] = header_published(text)
    return Article.make(text, title=title, path=path, raw_format=meta.pop("raw_format", "text"), **meta)


def html_to_article(html: str, *, path: str | None = None, url: str | None = None, **meta: Any) -> Article:
    doc = parse_html(html, url=url)
    if not doc.text.strip():
        raise IngestError(path or url or "<html>", "no article text found in the HTML")
    return Article.make(
        doc.text,
        title=meta.pop("title", None) or doc.title,
        url=url or doc.url,
        outlet=meta.pop("outlet", None) or doc.outlet,
        published=meta.pop("published", None) or doc.published,
        language=meta.pop("language", None) or doc.language,
        path=path,
        raw_format="html",
        **meta,
    )


def _read_bytes(path: Path) -> bytes:
    """Size-checked read of one file; raises IngestError for missing/huge/empty/unreadable."""
    src = str(path)
    try:
        st = path.stat()
    except FileNotFoundError as exc:
        raise IngestError(src, "file not found (missing or removed while reading)") from exc
    except OSError as exc:
        raise IngestError(src, f"cannot read file: {exc.strerror or exc}") from exc
    if st.st_size > settings.MAX_FILE_BYTES:
        raise IngestError(
            src, f"file too large ({st.st_size:,} bytes > limit {settings.MAX_FILE_BYTES:,}); skipped"
        )
    if st.st_size == 0:
        raise IngestError(src, "empty file")
    try:
        with path.open("rb") as fh:
            data = fh.read(settings.MAX_FILE_BYTES + 1)
    except FileNotFoundError as exc:
        raise IngestError(src, "file not found (missing or removed while reading)") from exc
    except OSError as exc:
        raise IngestError(src, f"cannot read file: {exc.strerror or exc}") from exc
    if len(data) > settings.MAX_FILE_BYTES:
        raise IngestError(src, f"file too large (> limit {settings.MAX_FILE_BYTES:,} bytes); skipped")
    return data


def _decode(data: bytes, src: str) -> str:
    if is_binary_bytes(data):
        raise IngestError(src, "binary file (NUL bytes), not text")
    text, _enc = decode_bytes(data)
    if is_binary_text(text):
        raise IngestError(src, "binary file (too many control characters), not text")
    if not text.strip():
        raise IngestError(src, "empty file (only whitespace)")
    return text


def _sniff_kind(text: str) -> str:
    head = text.lstrip()[:2000]
    if head.startswith(("{", "[")):
        return "json"
    if looks_like_html(head):
        return "html"
    return "text"


def _record_to_article(rec: Any, base: Path, src: str) -> Article:
    """One JSON record ``{"id"?, "text"|"path"|"html", "published"?, "url"?, "outlet"?, "title"?}``."""
    if not isinstance(rec, dict):
        raise IngestError(src, f"expected a JSON object, got {type(rec).__name__}")
    meta: dict[str, Any] = {
        "published": _parse_published(rec.get("published"), src),
        "url": rec.get("url") or None,
        "outlet": rec.get("outlet") or None,
        "title": rec.get("title") or None,
        "retrieved": _now(),
    }
    if isinstance(rec.get("text"), str):
        if not rec["text"].strip():
            raise IngestError(src, "empty 'text'")
        return text_to_article(rec["text"], path=src, raw_format="jsonl", **meta)
    if isinstance(rec.get("html"), str):
        url = meta.pop("url")
        art = html_to_article(rec["html"], path=src, url=url, **meta)
        return art
    if isinstance(rec.get("path"), str):
        folder = base.resolve()
        try:
            target = (folder / rec["path"]).resolve()
        except (OSError, RuntimeError, ValueError) as exc:
            raise IngestError(src, f"bad 'path' {short_repr(rec['path'])}: {type(exc).__name__}") from exc
        if not target.is_relative_to(folder):
            raise IngestError(
                src, f"refused: 'path' {short_repr(rec['path'])} is outside the folder of the JSON file"
            )
        if target.suffix.lower() in JSON_EXTS or target.name.lower().endswith((".warc", ".warc.gz", ".gz")):
            raise IngestError(src, f"'path' {short_repr(rec['path'])} must name a text or HTML file")
        arts = list(read_file(target))
        if len(arts) != 1:
            raise IngestError(src, f"'path' {short_repr(rec['path'])} must name one text or HTML file")
        art = arts[0]
        if isinstance(art, IngestError):
            raise IngestError(src, f"path {short_repr(rec['path'])}: {art.message}")
        overrides = {k: v for k, v in meta.items() if v is not None and k != "retrieved"}
        return art.model_copy(update=overrides)
    raise IngestError(src, "record has none of 'text', 'html' or 'path'")


#: Deepest nesting of a JSON value read (records are flat; a deeper one is refused before parsing).
MAX_JSON_DEPTH = 64


_JSON_TOKEN = re.compile(r'\\.|["\[\]{}]', re.S)


def _json_depth_ok(s: str, limit: int = MAX_JSON_DEPTH) -> bool:
    """False if brackets nest deeper than ``limit`` (counted outside strings; one pass, linear)."""
    if s.count("[") + s.count("{") <= limit:
        return True
    depth = 0
    in_str = False
    for m in _JSON_TOKEN.finditer(s):
        tok = m.group()
        if tok[0] == "\\":
            continue
        if tok == '"':
            in_str = not in_str
        elif in_str:
            continue
        elif tok in "[{":
            depth += 1
            if depth > limit:
                return False
        else:
            depth -= 1
    return True


_SURROGATE = re.compile("[\ud800-\udfff]")


def _no_surrogates(value: Any) -> Any:
    """Strings with lone surrogates ("\\ud800" in JSON) get U+FFFD instead (they cannot be stored)."""
    if isinstance(value, str):
        return _SURROGATE.sub("\ufffd", value)
    if isinstance(value, dict):
        return {_no_surrogates(k): _no_surrogates(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_no_surrogates(v) for v in value]
    return value


def _load_json(s: str, where: str) -> Any:
    """``json.loads`` with a nesting limit; any failure is one IngestError naming ``where``."""
    if not _json_depth_ok(s):
        raise IngestError(where, f"JSON nested deeper than {MAX_JSON_DEPTH} levels; skipped")
    try:
        return _no_surrogates(json.loads(s))
    except json.JSONDecodeError as exc:
        raise IngestError(where, f"malformed JSON line ({exc.msg} at column {exc.colno}); skipped") from exc
    except (RecursionError, ValueError) as exc:
        raise IngestError(where, f"unreadable JSON ({type(exc).__name__}); skipped") from exc


def _record_safely(rec: Any, base: Path, where: str) -> Article | IngestError:
    """One record -> an article or its error: nothing raised, so the next line is still read."""
    try:
        return _record_to_article(rec, base, where)
    except IngestError as err:
        return err
    except Exception as exc:  # noqa: BLE001 - one bad line never stops the file
        return IngestError(where, f"cannot read record: {type(exc).__name__}: {str(exc)[:160]}")


def _read_json_records(text: str, path: Path) -> Iterator[Article | IngestError]:
    src = str(path)
    stripped = text.lstrip()
    if path.suffix.lower() == ".json" or stripped.startswith("["):
        try:
            data = _load_json(text, src)
        except IngestError as err:
            if "\n" not in stripped.rstrip():  # one line: its error is the file's
                yield err
                return
            data = None  # maybe JSON lines under a .json name
        if data is not None:
            items = data if isinstance(data, list) else [data]
            for i, rec in enumerate(items, 1):
                where = f"{src}[{i}]" if isinstance(data, list) else src
                yield _record_safely(rec, path.parent, where)
            return
    for lineno, line in enumerate(text.split("\n"), 1):
        if not line.strip():
            continue
        where = f"{src}:{lineno}"
        try:
            rec = _load_json(line, where)
        except IngestError as err:
            yield err
            continue
        yield _record_safely(rec, path.parent, where)


def read_file(path: str | Path, *, links: bool = False) -> Iterator[Article | IngestError]:
    """One file: text, HTML, JSON (lines), WARC(.gz), feed or sitemap; unknown extensions are sniffed.

    Feeds and sitemaps: with ``links`` their entries come back as
    :class:`~protestdb.ingest.feeds.ArticleLink` values for the caller to fetch
    (the pipeline does); without, feed items are read from their own text.
    """
    path = Path(path)
    src = str(path)
    from protestdb.ingest.sitemaps import read_index_bytes  # lazy: sitemaps imports this module
    from protestdb.ingest.warc import is_warc_path, read_warc

    if is_warc_path(path):
        yield from read_warc(path)  # streamed: never read whole, no size limit
        return
    try:
        data = _read_bytes(path)
        if path.suffix.lower() == ".gz":
            index = read_index_bytes(data, src, links=links)
            if index is None:
                raise IngestError(src, "gzip file is neither a feed nor a sitemap")
            yield from index
            return
        text = _decode(data, src)
    except IngestError as err:
        yield err
        return
    ext = path.suffix.lower()
    if ext in XML_EXTS or ext not in KNOWN_EXTS:
        index = read_index_bytes(data, src, links=links)
        if index is not None:
            yield from index
            return
        ext = "" if ext in XML_EXTS else ext  # other XML: sniffed below
    kind = (
        "text" if ext in TEXT_EXTS else "html" if ext in HTML_EXTS else "json" if ext in JSON_EXTS else None
    )
    if kind is None:
        kind = _sniff_kind(text)
    try:
        if kind == "json":
            yield from _read_json_records(text, path)
        elif kind == "html":
            yield html_to_article(text, path=src, retrieved=_now())
        else:
            yield text_to_article(text, path=src, retrieved=_now())
    except IngestError as err:
        yield err
    except Exception as exc:  # noqa: BLE001 - one bad file never stops a batch
        yield IngestError(src, f"cannot parse: {type(exc).__name__}: {exc}")


#: Files in a folder that describe the folder rather than hold an article.
_NOT_ARTICLES = re.compile(r"^(readme|license|licence|notice|changelog|copying)(\.\w+)?$", re.IGNORECASE)


def iter_files(root: Path) -> Iterator[Path]:
    """Files under ``root`` in a stable order; hidden files/folders and README/LICENSE/NOTICE files skipped."""
    for dirpath, dirnames, filenames in os.walk(root):
        dirnames[:] = sorted(d for d in dirnames if not d.startswith("."))
        for name in sorted(filenames):
            if not name.startswith(".") and not _NOT_ARTICLES.match(name):
                yield Path(dirpath) / name


def read_path(path: str | Path, *, links: bool = False) -> Iterator[Article | IngestError]:
    """A file or a folder (recursive) -> articles, and one ``IngestError`` per bad input.

    ``links``: see :func:`read_file` (feeds and sitemaps yield links to fetch).
    """
    p = Path(path)
    if p.is_dir():
        for f in iter_files(p):
            yield from read_file(f, links=links)
    elif p.exists() or p.is_symlink():
        yield from read_file(p, links=links)
    else:
        yield IngestError(str(p), "no such file or folder")
