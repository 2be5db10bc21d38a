"""RSS 2.0, Atom and RDF (RSS 1.0) feeds -> article links (url, title, published, outlet).

A feed names articles; it rarely holds them whole. Each item becomes an
:class:`ArticleLink` to fetch politely; the item's own ``content:encoded`` /
``description`` (Atom ``content`` / ``summary``) rides along as ``fallback`` and is
used as the article only when the page cannot be fetched and the text is long enough
(:data:`MIN_FALLBACK_CHARS`). Parsing is lxml with entities and network off.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, date, datetime
from email.utils import parsedate_to_datetime
from typing import Literal
from urllib.parse import urldefrag, urljoin, urlparse

from protestdb.ingest.errors import IngestError
from protestdb.models import Article

#: A feed item's own text is used as the article only if it has at least this many characters.
MIN_FALLBACK_CHARS = 400

XmlKind = Literal["rss", "atom", "rdf", "urlset", "sitemapindex"]
FEED_KINDS = ("rss", "atom", "rdf")
SITEMAP_KINDS = ("urlset", "sitemapindex")

NS = {
    "atom": "http://www.w3.org/2005/Atom",
    "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
    "rss1": "http://purl.org/rss/1.0/",
    "content": "http://purl.org/rss/1.0/modules/content/",
    "dc": "http://purl.org/dc/elements/1.1/",
}


@dataclass(frozen=True)
class ArticleLink:
    """A URL named by a feed or sitemap, to be fetched (``kind="article"``) or expanded.

    ``source`` is the feed/sitemap (file or URL) that named it, for error messages.
    ``fallback`` is the item's own text (HTML or plain), used when the page cannot be fetched.
    """

    url: str
    source: str
    kind: Literal["article", "sitemap"] = "article"
    title: str | None = None
    published: date | None = None
    outlet: str | None = None
    fallback: str | None = None
    lastmod: date | None = None  # sitemaps' <lastmod>


@dataclass(frozen=True)
class StoredLink:
    """A link skipped because an article with this URL is already stored (counts as a duplicate)."""

    url: str
    source: str


# ----------------------------------------------------------------------------- sniffing
_PROLOG = re.compile(
    rb"^(?:\xef\xbb\xbf)?(?:\s+|<\?[^>]*\?>|<!--.*?-->|<!DOCTYPE[^>\[]*(?:\[.*?\])?\s*>)*", re.DOTALL | re.IGNORECASE
)
_ROOT = re.compile(rb"<([A-Za-z_][\w.\-]*:)?([A-Za-z_][\w.\-]*)")
_ROOTS: dict[bytes, XmlKind] = {
    b"rss": "rss",
    b"feed": "atom",
    b"rdf": "rdf",
    b"urlset": "urlset",
    b"sitemapindex": "sitemapindex",
}


def xml_root_kind(data: bytes | str) -> XmlKind | None:
    """``"rss" | "atom" | "rdf" | "urlset" | "sitemapindex"`` from the root element name, else None.

    Cheap: looks only at the first element after the XML prolog (declaration, comments, doctype).
    """
    head = data[:8192]
    if isinstance(head, str):
        head = head.encode("utf-8", "replace")
    m = _PROLOG.match(head)
    rest = head[m.end() if m else 0 :]
    r = _ROOT.match(rest)
    if not r:
        return None
    kind = _ROOTS.get(r.group(2).lower())
    if kind == "rdf" and b"purl.org/rss" not in head:
        return None  # some other RDF document
    if kind == "atom" and b"atom" not in head.lower():
        return None
    return kind


def parse_xml(data: bytes | str, source: str):  # noqa: ANN201 - lxml element
    """Parse XML safely (no entities, no network, recover from small errors). Raises IngestError."""
    from lxml import etree

    if isinstance(data, str):
        data = data.encode("utf-8")
    parser = etree.XMLParser(
        resolve_entities=False, no_network=True, recover=True, huge_tree=False, remove_comments=True
    )
    try:
        root = etree.fromstring(data, parser=parser)
    except etree.XMLSyntaxError as exc:
        raise IngestError(source, f"malformed XML: {exc}") from exc
    if root is None:
        raise IngestError(source, "malformed XML: no root element")
    return root


# ----------------------------------------------------------------------------- values
def parse_date(value: str | None) -> date | None:
    """RFC 822 (RSS ``pubDate``) or ISO 8601 (Atom, ``dc:date``, sitemaps) -> date; None if unreadable."""
    if not value or not value.strip():
        return None
    v = value.strip()
    try:
        return datetime.fromisoformat(v.replace("Z", "+00:00")).date()
    except ValueError:
        pass
    try:
        return parsedate_to_datetime(v).date()
    except (TypeError, ValueError, IndexError):
        pass
    m = re.match(r"(\d{4})-(\d{2})-(\d{2})", v)
    if m:
        try:
            return date(int(m[1]), int(m[2]), int(m[3]))
        except ValueError:
            return None
    return None


def _text(el) -> str | None:  # noqa: ANN001 - lxml element or None
    if el is None:
        return None
    t = "".join(el.itertext()).strip()
    return t or None


def _first(parent, *paths: str):  # noqa: ANN001, ANN202 - lxml
    for p in paths:
        found = parent.find(p, NS)
        if found is not None:
            return found
    return None


def normalize_url(url: str | None, base: str | None = None) -> str | None:
    """Absolute http(s) URL without fragment and surrounding space, or None."""
    if not url or not url.strip():
        return None
    u = url.strip()
    if any(ord(c) < 32 or c == "\x7f" for c in u):  # a newline or control character: not a URL
        return None
    u = u.replace(" ", "%20")
    try:
        if base:
            u = urljoin(base, u)
        u, _frag = urldefrag(u)
        parsed = urlparse(u)
        if parsed.scheme not in ("http", "https") or not parsed.hostname:
            return None
        parsed.port  # noqa: B018 - raises ValueError for a bad port
    except ValueError:  # e.g. "http://[[[/": not a URL
        return None
    return u


def _outlet(title: str | None, link: str | None) -> str | None:
    if title:
        return " ".join(title.split())
    try:
        host = urlparse(link or "").hostname or ""
    except ValueError:  # not a URL
        return None
    return host.removeprefix("www.") or None


# ----------------------------------------------------------------------------- parsing
def _rss_items(root, base: str | None, source: str) -> Iterator[ArticleLink]:  # noqa: ANN001
    channel = root.find("channel")
    if channel is None:
        channel = root
    outlet = _outlet(_text(channel.find("title")), _text(channel.find("link")) or base)
    for item in channel.iter("item"):
        guid = item.find("guid")
        guid_url = None
        if guid is not None and (guid.get("isPermaLink", "true").lower() != "false"):
            guid_url = _text(guid)
        url = normalize_url(_text(item.find("link")), base) or normalize_url(guid_url, base)
        if url is None:
            continue
        content = _text(item.find("content:encoded", NS))
        desc = _text(item.find("description"))
        yield ArticleLink(
            url=url,
            source=source,
            title=_text(item.find("title")),
            published=parse_date(_text(item.find("pubDate")) or _text(item.find("dc:date", NS))),
            outlet=outlet,
            fallback=_longer(content, desc),
        )


def _rdf_items(root, base: str | None, source: str) -> Iterator[ArticleLink]:  # noqa: ANN001
    channel = root.find("rss1:channel", NS)
    outlet = _outlet(_text(channel.find("rss1:title", NS)) if channel is not None else None, base)
    for item in root.iter(f"{{{NS['rss1']}}}item"):
        url = normalize_url(_text(item.find("rss1:link", NS)), base) or normalize_url(
            item.get(f"{{{NS['rdf']}}}about"), base
        )
        if url is None:
            continue
        yield ArticleLink(
            url=url,
            source=source,
            title=_text(item.find("rss1:title", NS)),
            published=parse_date(_text(item.find("dc:date", NS))),
            outlet=outlet,
            fallback=_longer(_text(item.find("content:encoded", NS)), _text(item.find("rss1:description", NS))),
        )


def _atom_link(entry, base: str | None) -> str | None:  # noqa: ANN001
    links = entry.findall("atom:link", NS)
    for want in ("alternate", None):
        for ln in links:
            rel = ln.get("rel")
            if (rel == want) or (want == "alternate" and rel is None):
                u = normalize_url(ln.get("href"), base)
                if u:
                    return u
    return None


def _atom_entries(root, base: str | None, source: str) -> Iterator[ArticleLink]:  # noqa: ANN001
    xml_base = "{http://www.w3.org/XML/1998/namespace}base"
    feed_base = normalize_url(root.get(xml_base), base) or base
    outlet = _outlet(_text(root.find("atom:title", NS)), _atom_link(root, feed_base) or feed_base)
    for entry in root.findall("atom:entry", NS):
        ebase = normalize_url(entry.get(xml_base), feed_base) or feed_base
        url = _atom_link(entry, ebase) or normalize_url(_text(entry.find("atom:id", NS)), ebase)
        if url is None:
            continue
        yield ArticleLink(
            url=url,
            source=source,
            title=_text(entry.find("atom:title", NS)),
            published=parse_date(
                _text(_first(entry, "atom:published", "atom:updated", "dc:date"))
            ),
            outlet=outlet,
            fallback=_longer(_text(entry.find("atom:content", NS)), _text(entry.find("atom:summary", NS))),
        )


def _longer(a: str | None, b: str | None) -> str | None:
    cands = [x for x in (a, b) if x]
    return max(cands, key=len) if cands else None


def parse_feed(data: bytes | str, *, source: str = "<feed>", base_url: str | None = None) -> list[ArticleLink]:
    """Links of an RSS 2.0 / Atom / RDF feed, deduplicated by URL, in feed order.

    ``base_url`` resolves relative links (the feed's own URL). Raises :class:`IngestError`
    naming ``source`` if the data is not a feed.
    """
    kind = xml_root_kind(data)
    if kind not in FEED_KINDS:
        raise IngestError(source, "not an RSS, Atom or RDF feed")
    root = parse_xml(data, source)
    items = {"rss": _rss_items, "atom": _atom_entries, "rdf": _rdf_items}[kind](root, base_url, source)
    return dedupe_links(items)


def dedupe_links(links: Iterator[ArticleLink] | list[ArticleLink]) -> list[ArticleLink]:
    """First link of each URL (ignoring a trailing slash), in order."""
    seen: set[str] = set()
    out: list[ArticleLink] = []
    for ln in links:
        key = ln.url.rstrip("/")
        if key in seen:
            continue
        seen.add(key)
        out.append(ln)
    return out


# ----------------------------------------------------------------------------- fallback text
_BLOCKS = "//p|//h1|//h2|//h3|//h4|//li|//blockquote"


def fragment_text(content: str) -> str:
    """Plain text of a feed item's HTML (or plain) content; paragraphs separated by blank lines."""
    if "<" not in content:
        paras = [" ".join(p.split()) for p in re.split(r"\n\s*\n", content)]
        return "\n\n".join(p for p in paras if p)
    import lxml.html

    try:
        root = lxml.html.fragment_fromstring(content, create_parent="div")
    except Exception:  # noqa: BLE001 - unparsable fragment: strip tags
        return " ".join(re.sub(r"<[^>]*>", " ", content).split())
    for bad in root.xpath("//script|//style"):
        bad.drop_tree()
    blocks = [" ".join(b.text_content().split()) for b in root.xpath(_BLOCKS)]
    blocks = [b for b in blocks if b]
    if not blocks:
        return " ".join(root.text_content().split())
    return "\n\n".join(blocks)


def fallback_article(link: ArticleLink, *, min_chars: int = MIN_FALLBACK_CHARS) -> Article | None:
    """The item's own text as an :class:`Article` (``raw_format="feed"``), or None if too short."""
    if not link.fallback:
        return None
    text = fragment_text(link.fallback)
    if len(text) < min_chars:
        return None
    return Article.make(
        text,
        title=link.title,
        url=link.url,
        outlet=link.outlet,
        published=link.published,
        retrieved=datetime.now(UTC),
        raw_format="feed",
    )


def read_feed_bytes(data: bytes, source: str, *, links: bool = False) -> Iterator[Article | ArticleLink | IngestError]:
    """A local feed file: with ``links`` each item as an :class:`ArticleLink` (to fetch);
    without (offline), each item's own text as an article, or an error naming the item URL."""
    try:
        items = parse_feed(data, source=source)
    except IngestError as err:
        yield err
        return
    if not items:
        yield IngestError(source, "feed has no items with a link")
        return
    for ln in items:
        if links:
            yield ln
            continue
        art = fallback_article(ln)
        if art is None:
            yield IngestError(ln.url, f"feed item in {source} has too little text of its own (fetch the URL to read it)")
        else:
            yield art.model_copy(update={"path": source})
