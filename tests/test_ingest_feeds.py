"""RSS / Atom / RDF feeds: parsing, offline reading, and expansion into politely fetched articles.

Every feed and page here is written for the test; the network is an httpx.MockTransport.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import httpx
import pytest

from helpers import mock_fetch_opts, no_events
from protestdb.ingest import IngestError, fetch, read_path
from protestdb.ingest.feeds import ArticleLink, fallback_article, fragment_text, parse_feed, xml_root_kind
from protestdb.models import Article
from protestdb.pipeline import ingest_paths
from protestdb.store import open_store

LONG_BODY = (
    "<p>Bus drivers with the regional transit union picketed outside the depot on Elm Street before dawn on "
    "Tuesday, waving hand-lettered signs about split shifts and broken air conditioning.</p>"
    "<p>The picket lasted about three hours. Riders waiting at nearby stops honked and cheered, and a union "
    "steward said more actions would follow if the transit board does not return to the bargaining table.</p>"
    "<p>The transit authority said service ran mostly on schedule and that talks were expected to resume.</p>"
)

RSS = f"""<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/">
<channel>
  <title>Harbor City Courier</title>
  <link>https://courier.example/</link>
  <item>
    <title>Drivers picket depot</title>
    <link>https://courier.example/news/picket</link>
    <pubDate>Tue, 04 Mar 2025 09:15:00 -0500</pubDate>
    <description>Short teaser.</description>
  </item>
  <item>
    <title>Drivers picket depot (again)</title>
    <link>https://courier.example/news/picket#comments</link>
  </item>
  <item>
    <title>Gone page with a full text</title>
    <link>https://courier.example/news/gone-long</link>
    <pubDate>Wed, 05 Mar 2025 10:00:00 +0000</pubDate>
    <content:encoded><![CDATA[{LONG_BODY}]]></content:encoded>
  </item>
  <item>
    <title>Gone page with a teaser</title>
    <guid isPermaLink="true">https://courier.example/news/gone-short</guid>
    <description>Only a teaser here.</description>
  </item>
  <item><title>No link at all</title></item>
</channel>
</rss>"""

ATOM = """<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:base="https://valley.example/stories/">
  <title>Valley Ledger</title>
  <link rel="self" href="https://valley.example/feed.atom"/>
  <entry>
    <title>Nurses hold vigil</title>
    <link rel="edit" href="https://valley.example/edit/1"/>
    <link rel="alternate" href="vigil-at-clinic"/>
    <id>tag:valley.example,2025:1</id>
    <updated>2025-02-11T07:00:00Z</updated>
    <published>2025-02-10T20:30:00-08:00</published>
    <summary>Nurses gathered with candles.</summary>
  </entry>
  <entry>
    <title>Second entry</title>
    <link href="https://valley.example/stories/second"/>
    <id>urn:uuid:1</id>
  </entry>
</feed>"""

RDF = """<?xml version="1.0"?>
<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/"
         xmlns:dc="http://purl.org/dc/elements/1.1/">
  <channel rdf:about="https://plains.example/"><title>Plains Weekly</title></channel>
  <item rdf:about="https://plains.example/a/1">
    <title>Farmers drive tractors to the capitol</title>
    <link>https://plains.example/a/1</link>
    <dc:date>2025-01-20</dc:date>
  </item>
</rdf:RDF>"""


def _page(title: str, extra: str = "") -> bytes:
    return (
        f"<html><head><title>{title}</title></head><body><article><h1>{title}</h1>{LONG_BODY}"
        f"<p>{extra}</p></article></body></html>"
    ).encode()


@pytest.fixture(autouse=True)
def _fresh_robots_cache():
    fetch._robots_cache.clear()
    yield
    fetch._robots_cache.clear()


# ----------------------------------------------------------------------------- parsing
def test_sniffs_root_elements() -> None:
    assert xml_root_kind(RSS) == "rss"
    assert xml_root_kind(ATOM.encode()) == "atom"
    assert xml_root_kind(RDF) == "rdf"
    assert xml_root_kind("<?xml version='1.0'?>\n<!-- c -->\n<urlset xmlns='x'/>") == "urlset"
    assert xml_root_kind("<html><body><p>hi</p></body></html>") is None
    assert xml_root_kind("Plain text about a rally.") is None


def test_rss_items_deduplicated_with_metadata() -> None:
    links = parse_feed(RSS, source="courier.rss")
    urls = [ln.url for ln in links]
    assert urls == [
        "https://courier.example/news/picket",
        "https://courier.example/news/gone-long",
        "https://courier.example/news/gone-short",
    ]
    first = links[0]
    assert first.title == "Drivers picket depot" and first.published == date(2025, 3, 4)
    assert first.outlet == "Harbor City Courier" and first.source == "courier.rss"
    assert "Bus drivers" in (links[1].fallback or "")


def test_atom_relative_links_and_dates() -> None:
    links = parse_feed(ATOM)
    assert [ln.url for ln in links] == [
        "https://valley.example/stories/vigil-at-clinic",
        "https://valley.example/stories/second",
    ]
    assert links[0].published == date(2025, 2, 10)  # <published> wins over <updated>, in its own offset
    assert links[0].outlet == "Valley Ledger" and links[0].title == "Nurses hold vigil"


def test_rdf_feed() -> None:
    [ln] = parse_feed(RDF)
    assert ln.url == "https://plains.example/a/1" and ln.published == date(2025, 1, 20)
    assert ln.outlet == "Plains Weekly"


def test_not_a_feed_is_an_error_naming_the_source() -> None:
    with pytest.raises(IngestError, match="x.xml"):
        parse_feed("<urlset/>", source="x.xml")


def test_fallback_only_when_long_enough() -> None:
    text = fragment_text(LONG_BODY)
    assert text.count("\n\n") == 2 and "<p>" not in text
    long = ArticleLink("https://a.example/1", "f", title="T", fallback=LONG_BODY, published=date(2025, 3, 5))
    art = fallback_article(long)
    assert art is not None and art.raw_format == "feed" and art.url == "https://a.example/1"
    assert art.published == date(2025, 3, 5)
    assert fallback_article(ArticleLink("https://a.example/2", "f", fallback="Only a teaser.")) is None


# ----------------------------------------------------------------------------- local files, offline
def test_local_feed_file_offline(tmp_path: Path) -> None:
    f = tmp_path / "courier.rss"
    f.write_text(RSS, "utf-8")
    items = list(read_path(f))
    arts = [i for i in items if isinstance(i, Article)]
    errs = [i for i in items if isinstance(i, IngestError)]
    assert [a.url for a in arts] == ["https://courier.example/news/gone-long"]
    assert arts[0].path == str(f)
    assert {e.source for e in errs} == {"https://courier.example/news/picket", "https://courier.example/news/gone-short"}
    assert all(str(f) in e.message for e in errs)


def test_xml_extension_that_is_not_a_feed_still_reads(tmp_path: Path) -> None:
    f = tmp_path / "page.xml"
    f.write_bytes(_page("Teachers march"))
    [art] = list(read_path(f))
    assert isinstance(art, Article) and "Bus drivers" in art.text


# ----------------------------------------------------------------------------- pipeline
def _site(requests: list[str], *, feed: str = RSS, robots: str = "", timeouts: set[str] = frozenset()):
    def handler(req: httpx.Request) -> httpx.Response:
        requests.append(str(req.url))
        path = req.url.path
        if path == "/robots.txt":
            return httpx.Response(200, text=robots) if robots else httpx.Response(404)
        if path in timeouts:
            raise httpx.ReadTimeout("slow", request=req)
        if path == "/feed.rss":
            return httpx.Response(200, text=feed, headers={"content-type": "application/rss+xml"})
        if path == "/news/picket":
            return httpx.Response(200, content=_page("Depot picket", "Page text."), headers={"content-type": "text/html"})
        return httpx.Response(404)

    return handler


def test_feed_url_expands_into_fetched_articles(tmp_path: Path) -> None:
    seen: list[str] = []
    store = open_store(tmp_path / "db.sqlite")
    rep = ingest_paths(store, ["https://courier.example/feed.rss"], progress=False, extractor=no_events,
                       url_options=mock_fetch_opts(_site(seen)))
    assert rep.new_articles == 2  # the fetched page + the long item text of the gone page
    assert rep.errors == [("https://courier.example/news/gone-short",
                           "HTTP 404 (listed in https://courier.example/feed.rss)")]
    assert seen.count("https://courier.example/news/picket") == 1  # deduplicated (#comments variant)
    assert store.has_url("https://courier.example/news/picket")
    rows = store.conn.execute("SELECT url, title, published, raw_format FROM articles ORDER BY url").fetchall()
    got = {r[0]: (r[1], r[2], r[3]) for r in rows}
    assert got["https://courier.example/news/picket"] == ("Drivers picket depot", "2025-03-04", "html")
    assert got["https://courier.example/news/gone-long"][2] == "feed"


def test_reingesting_a_feed_changes_nothing_and_skips_stored_urls(tmp_path: Path) -> None:
    store = open_store(tmp_path / "db.sqlite")
    first: list[str] = []
    ingest_paths(store, ["https://courier.example/feed.rss"], progress=False, extractor=no_events,
                 url_options=mock_fetch_opts(_site(first)))
    before = store.counts()
    again: list[str] = []
    rep = ingest_paths(store, ["https://courier.example/feed.rss"], progress=False, extractor=no_events,
                       url_options=mock_fetch_opts(_site(again)))
    assert rep.new_articles == 0 and rep.duplicates == 2
    assert store.counts() == before
    assert "https://courier.example/news/picket" not in again  # stored URL not fetched again


def test_feed_timeout_is_one_error_and_batch_goes_on(tmp_path: Path) -> None:
    seen: list[str] = []
    page = tmp_path / "local.html"
    page.write_bytes(_page("Local page", "Local extra words."))
    store = open_store(tmp_path / "db.sqlite")
    opts = mock_fetch_opts(_site(seen, timeouts={"/feed.rss"}))
    opts["timeout"] = 3
    rep = ingest_paths(store, ["https://courier.example/feed.rss", str(page)], progress=False,
                       extractor=no_events, url_options=opts)
    assert rep.errors == [("https://courier.example/feed.rss", "timed out after 3 s")]
    assert rep.new_articles == 1


def test_feed_links_respect_robots_and_private_addresses(tmp_path: Path) -> None:
    feed = RSS.replace("https://courier.example/news/gone-short", "https://intranet.example/secret")
    seen: list[str] = []
    opts = mock_fetch_opts(_site(seen, feed=feed, robots="User-agent: *\nDisallow: /news/picket\n"))
    opts["resolver"] = lambda h: ["10.0.0.7"] if h == "intranet.example" else ["93.184.216.34"]
    store = open_store(tmp_path / "db.sqlite")
    rep = ingest_paths(store, ["https://courier.example/feed.rss"], progress=False, extractor=no_events,
                       url_options=opts)
    errs = dict(rep.errors)
    assert "robots.txt" in errs["https://courier.example/news/picket"]
    assert "private" in errs["https://intranet.example/secret"]
    assert "https://courier.example/news/picket" not in seen
    assert not any("intranet" in u for u in seen)


def test_local_feed_file_through_pipeline_fetches_links(tmp_path: Path) -> None:
    f = tmp_path / "courier.rss"
    f.write_text(RSS, "utf-8")
    seen: list[str] = []
    store = open_store(tmp_path / "db.sqlite")
    rep = ingest_paths(store, [str(f)], progress=False, extractor=no_events, url_options=mock_fetch_opts(_site(seen)))
    assert rep.new_articles == 2 and "https://courier.example/news/picket" in seen
    assert [e[0] for e in rep.errors] == ["https://courier.example/news/gone-short"]
