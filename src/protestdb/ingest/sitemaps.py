"""Sitemaps (urlset, sitemap index, Google News sitemaps, gzip'd) and following links politely.

- :func:`parse_sitemap`: a ``<urlset>`` -> article links (``<lastmod>``,
  ``<news:publication_date>``, ``<news:title>``, ``<news:name>``); a ``<sitemapindex>``
  -> links to more sitemaps. Gzip'd files are unpacked (size-capped).
- :func:`robots_sitemaps`: ``Sitemap:`` lines of a robots.txt.
- :func:`expand_url`: one URL -> articles. A feed or sitemap expands into its article
  URLs, each fetched with the same politeness as :func:`protestdb.ingest.read_url`
  (robots.txt, per-host rate limit, no private addresses, timeouts); a robots.txt URL
  expands into its sitemaps; anything else is read as one article. Never raises: every
  problem is one :class:`IngestError` naming the URL, and the batch goes on.
"""

from __future__ import annotations

import gzip
import io
import zlib
from collections.abc import Callable, Iterator
from dataclasses import replace
from datetime import date
from typing import Any
from urllib.parse import urlparse

from protestdb.ingest.encoding import decode_bytes
from protestdb.ingest.errors import IngestError
from protestdb.ingest.feeds import (
    FEED_KINDS,
    SITEMAP_KINDS,
    ArticleLink,
    StoredLink,
    dedupe_links,
    fallback_article,
    normalize_url,
    parse_date,
    parse_feed,
    parse_xml,
    read_feed_bytes,
    xml_root_kind,
)
from protestdb.ingest.fetch import article_from_response, fetch_bytes
from protestdb.models import Article

#: Most article links followed from one input URL (feeds, sitemaps and nested sitemaps together).
MAX_LINKS = 10_000
#: How deep sitemap indexes may nest.
MAX_DEPTH = 3
#: Largest unpacked size of a gzip'd sitemap (the sitemaps.org limit is 50 MB).
MAX_UNPACKED_BYTES = 60 * 1024 * 1024

NEWS_NS = "http://www.google.com/schemas/sitemap-news/0.9"

SkipUrl = Callable[[str], bool]
Item = Article | StoredLink | IngestError


# ----------------------------------------------------------------------------- sitemaps
def gunzip(data: bytes, source: str, limit: int = MAX_UNPACKED_BYTES) -> bytes:
    """``data`` unpacked if it is gzip (magic bytes), else as is. Raises IngestError if corrupt or too big."""
    if not data.startswith(b"\x1f\x8b"):
        return data
    try:
        with gzip.GzipFile(fileobj=io.BytesIO(data)) as fh:
            out = fh.read(limit + 1)
    except (OSError, EOFError, zlib.error) as exc:
        raise IngestError(source, f"corrupt gzip data: {exc}") from exc
    if len(out) > limit:
        raise IngestError(source, f"gzip'd data unpacks to more than {limit:,} bytes; skipped")
    return out


def _local(el) -> str:  # noqa: ANN001 - lxml element
    tag = el.tag
    if not isinstance(tag, str):
        return ""
    return tag.rsplit("}", 1)[-1].lower()


def _child_text(el, name: str) -> str | None:  # noqa: ANN001
    for c in el.iter():
        if c is not el and _local(c) == name:
            t = "".join(c.itertext()).strip()
            if t:
                return t
    return None


def parse_sitemap(data: bytes | str, *, source: str = "<sitemap>", base_url: str | None = None) -> list[ArticleLink]:
    """Links of a sitemap (``kind="article"``) or sitemap index (``kind="sitemap"``), deduplicated.

    Raises :class:`IngestError` naming ``source`` if the data is not a sitemap.
    """
    if isinstance(data, bytes):
        data = gunzip(data, source)
    kind = xml_root_kind(data)
    if kind not in SITEMAP_KINDS:
        raise IngestError(source, "not a sitemap (<urlset> or <sitemapindex>)")
    root = parse_xml(data, source)
    entry_tag = "url" if kind == "urlset" else "sitemap"
    links: list[ArticleLink] = []
    for el in root:
        if _local(el) != entry_tag:
            continue
        url = normalize_url(_child_text(el, "loc"), base_url)
        if url is None:
            continue
        news = next((c for c in el if isinstance(c.tag, str) and c.tag == f"{{{NEWS_NS}}}news"), None)
        title = outlet = None
        published = None
        if news is not None:
            published = parse_date(_child_text(news, "publication_date"))
            title = _child_text(news, "title")
            outlet = _child_text(news, "name")
        links.append(
            ArticleLink(
                url=url,
                source=source,
                kind="article" if kind == "urlset" else "sitemap",
                title=title,
                published=published,
                outlet=outlet,
                lastmod=parse_date(_child_text(el, "lastmod")),
            )
        )
    return dedupe_links(links)


def robots_sitemaps(robots_txt: str, base_url: str | None = None) -> list[str]:
    """URLs of the ``Sitemap:`` lines of a robots.txt (any case, any position), deduplicated."""
    out: list[str] = []
    for line in robots_txt.splitlines():
        key, sep, value = line.partition(":")
        if sep and key.strip().lower() == "sitemap":
            u = normalize_url(value.split("#", 1)[0], base_url)
            if u and u not in out:
                out.append(u)
    return out


def is_older(link: ArticleLink, since: date | None) -> bool:
    """True if the link's publication date (else lastmod) is before ``since``; undated links are kept."""
    if since is None:
        return False
    d = link.published or link.lastmod
    return d is not None and d < since


def read_index_bytes(data: bytes, source: str, *, links: bool = False) -> Iterator[Article | ArticleLink | IngestError] | None:
    """A local file that is a feed or sitemap (possibly gzip'd) -> its items; None if it is neither.

    With ``links`` (the pipeline), feed items and sitemap entries come back as
    :class:`ArticleLink` values to follow; without (offline readers), feed items become
    articles from their own text and a sitemap is one error saying it needs fetching.
    """
    try:
        data = gunzip(data, source)
    except IngestError as err:
        return iter([err])
    kind = xml_root_kind(data)
    if kind in FEED_KINDS:
        return _safe(read_feed_bytes(data, source, links=links), source)
    if kind in SITEMAP_KINDS:
        return _safe(_read_sitemap_bytes(data, source, links), source)
    return None


def _safe(items: Iterator[Any], source: str) -> Iterator[Any]:
    """``items``, with an unexpected exception turned into one error naming ``source``."""
    try:
        yield from items
    except Exception as exc:  # noqa: BLE001 - one bad file never stops a batch
        yield IngestError(source, f"cannot parse: {type(exc).__name__}: {exc}")


def _read_sitemap_bytes(data: bytes, source: str, links: bool) -> Iterator[ArticleLink | IngestError]:
    try:
        found = parse_sitemap(data, source=source)
    except IngestError as err:
        yield err
        return
    if not found:
        yield IngestError(source, "sitemap lists no URLs")
    elif not links:
        yield IngestError(source, f"sitemap lists {len(found)} URL(s); fetching them needs `protestdb ingest`")
    else:
        yield from found


# ----------------------------------------------------------------------------- polite fetching
def _fetch_opts(opts: dict[str, Any]) -> dict[str, Any]:
    keys = ("client", "timeout", "allow_private", "respect_robots", "user_agent", "limiter", "resolver")
    return {k: v for k, v in opts.items() if k in keys}


def follow_link(link: ArticleLink, *, skip_url: SkipUrl | None = None, **fetch_opts: Any) -> Item:
    """Fetch one article link; the feed item's own text if the page cannot be read; else an error."""
    if skip_url is not None and skip_url(link.url):
        return StoredLink(link.url, link.source)
    try:
        art = article_from_response(fetch_bytes(link.url, **_fetch_opts(fetch_opts)))
    except IngestError as err:
        fb = fallback_article(link)
        if fb is not None:
            return fb
        return IngestError(link.url, f"{err.message} (listed in {link.source})")
    update: dict[str, Any] = {}
    if link.title:
        update["title"] = link.title
    if link.published:
        update["published"] = link.published  # the feed's/sitemap's date is explicit metadata
    if link.outlet and not art.outlet:
        update["outlet"] = link.outlet
    return art.model_copy(update=update) if update else art


class _Expansion:
    """State of one input URL's expansion: URLs seen, links followed, limits."""

    def __init__(self, skip_url: SkipUrl | None, since: date | None, max_links: int, opts: dict[str, Any]) -> None:
        self.skip_url = skip_url
        self.since = since
        self.max_links = max_links
        self.opts = _fetch_opts(opts)
        self.seen: set[str] = set()
        self.followed = 0

    def links(self, links: list[ArticleLink], depth: int, root: str) -> Iterator[Item]:
        for ln in links:
            key = ln.url.rstrip("/")
            if key in self.seen or is_older(ln, self.since):
                continue
            self.seen.add(key)
            if ln.kind == "sitemap":
                if depth >= MAX_DEPTH:
                    yield IngestError(ln.url, f"sitemap nested deeper than {MAX_DEPTH} levels; skipped")
                    continue
                yield from self.url(ln.url, depth + 1)
                continue
            if self.followed >= self.max_links:
                yield IngestError(root, f"stopped after {self.max_links:,} links (max_links)")
                return
            self.followed += 1
            yield follow_link(ln, skip_url=self.skip_url, **self.opts)

    def url(self, url: str, depth: int = 0) -> Iterator[Item]:
        self.seen.add(url.rstrip("/"))
        try:
            f = fetch_bytes(url, **self.opts)
            data = gunzip(f.content, url)
        except IngestError as err:
            yield err
            return
        if urlparse(f.final_url).path == "/robots.txt":
            text, _enc = decode_bytes(data)
            found = robots_sitemaps(text, f.final_url)
            if not found:
                yield IngestError(url, "robots.txt names no sitemaps")
                return
            sm = [ArticleLink(u, source=url, kind="sitemap") for u in found]
            yield from self.links(sm, depth, url)
            return
        kind = xml_root_kind(data)
        if kind in FEED_KINDS or kind in SITEMAP_KINDS:
            try:
                if kind in FEED_KINDS:
                    found = parse_feed(data, source=url, base_url=f.final_url)
                else:
                    found = parse_sitemap(data, source=url, base_url=f.final_url)
            except IngestError as err:
                yield err
                return
            if not found:
                yield IngestError(url, f"{'feed' if kind in FEED_KINDS else 'sitemap'} lists no URLs")
            yield from self.links(found, depth, url)
            return
        try:
            yield article_from_response(replace(f, content=data))
        except IngestError as err:
            yield err


def expand_url(
    url: str,
    *,
    skip_url: SkipUrl | None = None,
    since: date | None = None,
    max_links: int = MAX_LINKS,
    **fetch_opts: Any,
) -> Iterator[Item]:
    """One input URL -> articles (:class:`StoredLink` for links skipped as already stored).

    Feeds and sitemaps (also gzip'd, nested indexes, or a site's robots.txt) expand
    into their article URLs, deduplicated, each fetched politely; ``since`` drops
    entries dated (publication date, else lastmod) before it. ``fetch_opts`` are
    :func:`fetch_bytes`'s (the pipeline's ``url_options``). Never raises.
    """
    exp = _Expansion(skip_url, since, max_links, fetch_opts)
    try:
        yield from exp.url(url)
    except Exception as exc:  # noqa: BLE001 - one bad input never stops a batch
        yield IngestError(url, f"{type(exc).__name__}: {exc}")


def follow(link: ArticleLink, *, skip_url: SkipUrl | None = None, since: date | None = None,
           max_links: int = MAX_LINKS, **fetch_opts: Any) -> Iterator[Item]:
    """A link read from a local feed/sitemap file: an article link is fetched, a sitemap link expanded."""
    if is_older(link, since):
        return
    if link.kind == "sitemap":
        yield from expand_url(link.url, skip_url=skip_url, since=since, max_links=max_links, **fetch_opts)
        return
    try:
        yield follow_link(link, skip_url=skip_url, **_fetch_opts(fetch_opts))
    except Exception as exc:  # noqa: BLE001
        yield IngestError(link.url, f"{type(exc).__name__}: {exc}")
