"""Sitemaps: urlset, sitemap index, news sitemaps, gzip, robots.txt discovery, lastmod filters.

All sitemaps and pages are written for the test; the network is an httpx.MockTransport.
"""

from __future__ import annotations

import gzip
from datetime import date
from pathlib import Path

import httpx
import pytest

from helpers import mock_fetch_opts, no_events
from protestdb.ingest import IngestError, fetch, read_path
from protestdb.ingest.sitemaps import expand_url, gunzip, parse_sitemap, robots_sitemaps
from protestdb.models import Article
from protestdb.pipeline import ingest_paths
from protestdb.store import open_store

NEWS = """<?xml version="1.0" encoding="UTF-8"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"
        xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">
  <url>
    <loc>https://gazette.example/2025/03/rally</loc>
    <lastmod>2025-03-09</lastmod>
    <news:news>
      <news:publication><news:name>Lakeside Gazette</news:name><news:language>en</news:language></news:publication>
      <news:publication_date>2025-03-08T18:00:00-06:00</news:publication_date>
      <news:title>Students rally for librarians</news:title>
    </news:news>
  </url>
  <url><loc> https://gazette.example/2025/03/rally </loc></url>
  <url><loc>https://gazette.example/2024/11/old-story</loc><lastmod>2024-11-02</lastmod></url>
  <url><loc>https://gazette.example/undated</loc></url>
</urlset>"""

INDEX = """<?xml version="1.0" encoding="UTF-8"?>
<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
  <sitemap><loc>https://gazette.example/sitemap-news.xml.gz</loc><lastmod>2025-03-09</lastmod></sitemap>
  <sitemap><loc>https://gazette.example/sitemap-2019.xml</loc><lastmod>2019-12-31</lastmod></sitemap>
</sitemapindex>"""

BODY = (
    "<p>About two hundred high school students rallied on the library steps on Saturday afternoon, asking "
    "the school board to restore funding for librarians at every campus in the district.</p>"
    "<p>Speakers took turns on a borrowed microphone while parents and teachers held signs. The board is "
    "scheduled to vote on the budget later this month, a spokesperson said.</p>"
)


def _page(title: str) -> bytes:
    return f"<html><head><title>{title}</title></head><body><article><h1>{title}</h1>{BODY}<p>{title}.</p></article></body></html>".encode()


@pytest.fixture(autouse=True)
def _fresh_robots_cache():
    fetch._robots_cache.clear()
    yield
    fetch._robots_cache.clear()


def _site(seen: list[str]):
    def handler(req: httpx.Request) -> httpx.Response:
        seen.append(req.url.path)
        path = req.url.path
        if path == "/robots.txt":
            return httpx.Response(200, text="User-agent: *\nDisallow: /admin/\n\nSitemap: /sitemap-index.xml\n")
        if path == "/sitemap-index.xml":
            return httpx.Response(200, text=INDEX, headers={"content-type": "application/xml"})
        if path == "/sitemap-news.xml.gz":
            return httpx.Response(200, content=gzip.compress(NEWS.encode()),
                                  headers={"content-type": "application/x-gzip"})
        if path == "/sitemap-2019.xml":
            return httpx.Response(500)
        if path.startswith("/2025/") or path.startswith("/2024/") or path == "/undated":
            return httpx.Response(200, content=_page(path.rsplit("/", 1)[-1]), headers={"content-type": "text/html"})
        return httpx.Response(404)

    return handler


# ----------------------------------------------------------------------------- parsing
def test_news_sitemap_entries() -> None:
    links = parse_sitemap(NEWS, source="news.xml")
    assert [ln.url for ln in links] == [
        "https://gazette.example/2025/03/rally",
        "https://gazette.example/2024/11/old-story",
        "https://gazette.example/undated",
    ]
    first = links[0]
    assert first.kind == "article" and first.published == date(2025, 3, 8)
    assert first.title == "Students rally for librarians" and first.outlet == "Lakeside Gazette"
    assert first.lastmod == date(2025, 3, 9)
    assert links[1].published is None and links[1].lastmod == date(2024, 11, 2)


def test_sitemap_index_and_gzip() -> None:
    links = parse_sitemap(gzip.compress(INDEX.encode()))
    assert [ln.kind for ln in links] == ["sitemap", "sitemap"]
    assert links[1].lastmod == date(2019, 12, 31)
    with pytest.raises(IngestError, match="corrupt gzip"):
        gunzip(gzip.compress(INDEX.encode())[:40], "broken.xml.gz")
    with pytest.raises(IngestError, match="not a sitemap"):
        parse_sitemap("<rss><channel/></rss>", source="feed.xml")


def test_robots_sitemap_lines() -> None:
    robots = "User-agent: *\nDisallow: /x\nsitemap: https://a.example/s1.xml\nSitemap: /s2.xml # news\nSITEMAP: https://a.example/s1.xml\n"
    assert robots_sitemaps(robots, "https://a.example/robots.txt") == [
        "https://a.example/s1.xml",
        "https://a.example/s2.xml",
    ]


# ----------------------------------------------------------------------------- expansion
def test_robots_discovery_index_gzip_and_since_filter() -> None:
    seen: list[str] = []
    items = list(expand_url("https://gazette.example/robots.txt", since=date(2025, 1, 1), **mock_fetch_opts(_site(seen))))
    arts = [i for i in items if isinstance(i, Article)]
    errs = [i for i in items if isinstance(i, IngestError)]
    assert sorted(a.url for a in arts) == ["https://gazette.example/2025/03/rally", "https://gazette.example/undated"]
    rally = next(a for a in arts if a.url.endswith("rally"))
    assert rally.published == date(2025, 3, 8) and rally.title == "Students rally for librarians"
    assert errs == []
    assert "/sitemap-2019.xml" not in seen  # its lastmod is before `since`
    assert "/2024/11/old-story" not in seen


def test_without_since_every_entry_and_nested_error_named() -> None:
    seen: list[str] = []
    items = list(expand_url("https://gazette.example/sitemap-index.xml", **mock_fetch_opts(_site(seen))))
    assert sum(isinstance(i, Article) for i in items) == 3
    [err] = [i for i in items if isinstance(i, IngestError)]
    assert err.source == "https://gazette.example/sitemap-2019.xml" and err.message == "HTTP 500"


def test_max_links_caps_the_expansion() -> None:
    items = list(expand_url("https://gazette.example/sitemap-news.xml.gz", max_links=1, **mock_fetch_opts(_site([]))))
    assert sum(isinstance(i, Article) for i in items) == 1
    assert any(isinstance(i, IngestError) and "max_links" in i.message for i in items)


def test_plain_page_url_is_one_article() -> None:
    [art] = list(expand_url("https://gazette.example/2025/03/rally", **mock_fetch_opts(_site([]))))
    assert isinstance(art, Article) and "librarians" in art.text


# ----------------------------------------------------------------------------- local files and pipeline
def test_local_gzip_sitemap_offline_and_in_pipeline(tmp_path: Path) -> None:
    f = tmp_path / "sitemap.xml.gz"
    f.write_bytes(gzip.compress(NEWS.encode()))
    [err] = list(read_path(f))
    assert isinstance(err, IngestError) and err.source == str(f) and "3 URL" in err.message

    seen: list[str] = []
    store = open_store(tmp_path / "db.sqlite")
    opts = mock_fetch_opts(_site(seen)) | {"since": date(2025, 1, 1)}
    rep = ingest_paths(store, [str(f)], progress=False, extractor=no_events, url_options=opts)
    assert rep.new_articles == 2 and rep.errors == []
    rep2 = ingest_paths(store, [str(f)], progress=False, extractor=no_events, url_options=mock_fetch_opts(_site(seen)))
    assert rep2.new_articles == 1 and rep2.duplicates == 2  # the old story is new; stored URLs skipped


def test_sitemap_url_through_pipeline_counts_progress(tmp_path: Path) -> None:
    import io

    from rich.console import Console

    buf = io.StringIO()
    store = open_store(tmp_path / "db.sqlite")
    rep = ingest_paths(store, ["https://gazette.example/sitemap-news.xml.gz"], extractor=no_events,
                       force_progress=True, console=Console(file=buf, force_terminal=True, width=120),
                       url_options=mock_fetch_opts(_site([])))
    assert rep.read == 3 and rep.new_articles == 3
    assert "3 articles" in buf.getvalue()
