"""HTML -> article text and metadata: trafilatura (boilerplate removed), lxml fallback."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from urllib.parse import urlparse

_BLOCK_TAGS = {"head", "p", "list", "item", "quote", "table", "row", "code", "div", "lb"}
_WS = re.compile(r"[ \t\u00a0]+")


@dataclass
class HtmlDoc:
    """What is read from one HTML page; ``text`` has paragraphs separated by blank lines."""

    text: str
    title: str | None = None
    published: date | None = None
    outlet: str | None = None
    url: str | None = None
    language: str | None = None
    method: str = "trafilatura"  # or "lxml" (fallback)


def _clean_para(s: str) -> str:
    return _WS.sub(" ", s).strip()


def _paragraphs_from_body(body) -> list[str]:  # noqa: ANN001 - lxml element
    paras: list[str] = []
    for child in body:
        if child.tag == "list":
            for item in child.iter("item"):
                t = _clean_para("".join(item.itertext()))
                if t:
                    paras.append(t)
            continue
        t = _clean_para("".join(child.itertext()))
        if t:
            paras.append(t)
    return paras


def _parse_date(value: str | None) -> date | None:
    if not value:
        return None
    try:
        return date.fromisoformat(value[:10])
    except ValueError:
        return None


def _outlet_from_url(url: str | None) -> str | None:
    if not url:
        return None
    host = urlparse(url).hostname or ""
    return host.removeprefix("www.") or None


def _lxml_fallback(html: str) -> HtmlDoc:
    import lxml.html

    try:
        root = lxml.html.fromstring(html)
    except Exception:  # noqa: BLE001 - anything lxml cannot parse at all
        text = re.sub(r"<[^>]*>", " ", html)
        paras = [_clean_para(p) for p in re.split(r"\n\s*\n", text)]
        return HtmlDoc(text="\n\n".join(p for p in paras if p), method="regex")
    for bad in root.xpath("//script|//style|//noscript|//nav|//footer|//header|//aside"):
        bad.drop_tree()
    title_el = root.find(".//title")
    title = _clean_para(title_el.text_content()) if title_el is not None else None
    if title_el is not None:
        title_el.drop_tree()
    blocks = root.xpath("//p|//h1|//h2|//h3|//h4|//li|//blockquote|//td")
    paras = [_clean_para(b.text_content()) for b in blocks]
    paras = [p for p in paras if p]
    if not paras:
        paras = [_clean_para(line) for line in root.text_content().split("\n")]
        paras = [p for p in paras if p]
    lang = root.get("lang")
    canon = root.xpath("//link[@rel='canonical']/@href")
    site = root.xpath("//meta[@property='og:site_name']/@content")
    return HtmlDoc(
        text="\n\n".join(paras),
        title=title or None,
        url=canon[0] if canon else None,
        outlet=site[0].strip() if site else None,
        language=lang,
        method="lxml",
    )


def _find_date(html: str) -> date | None:
    try:
        from htmldate import find_date

        found = find_date(html, extensive_search=False, outputformat="%Y-%m-%d")
    except Exception:  # noqa: BLE001 - htmldate raises on odd trees
        return None
    return _parse_date(found)


def parse_html(html: str, url: str | None = None) -> HtmlDoc:
    """Main text (trafilatura, paragraphs separated by blank lines) and metadata.

    Title, date, outlet (site name, else host) and canonical URL come from the page
    metadata; the date falls back to htmldate. Broken HTML falls back to lxml text.
    """
    doc: HtmlDoc | None = None
    try:
        import trafilatura

        res = trafilatura.bare_extraction(
            html, url=url, with_metadata=True, include_comments=False, include_tables=True
        )
    except Exception:  # noqa: BLE001 - trafilatura fails on some broken pages
        res = None
    if res is not None and getattr(res, "body", None) is not None:
        paras = _paragraphs_from_body(res.body)
        text = "\n\n".join(paras)
        if text.strip():
            page_url = res.url or url
            doc = HtmlDoc(
                text=text,
                title=res.title or None,
                published=_parse_date(res.date),
                outlet=res.sitename or _outlet_from_url(page_url),
                url=page_url,
                language=getattr(res, "language", None),
            )
    if doc is None:
        doc = _lxml_fallback(html)
        doc.url = doc.url or url
        doc.outlet = doc.outlet or _outlet_from_url(doc.url)
    if doc.published is None:
        doc.published = _find_date(html)
    return doc


def looks_like_html(text: str) -> bool:
    head = text[:2000].lstrip().lower()
    return head.startswith(("<!doctype html", "<html", "<?xml")) or bool(
        re.search(r"<(html|body|head|p|div|article)[\s>]", head)
    )
