"""The HTTP API on a real temporary SQLite store built through the store API.

The articles below are written for these tests (no third-party text). ``build_store`` is
also used by ``test_web_browser.py``.
"""

from __future__ import annotations

import csv
import io
import re
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient

from protestdb.models import Article, EventMention
from protestdb.store import open_store
from protestdb.web import create_app

XSS_SCRIPT = "<script>window.__xss = 1</script>"
XSS_IMG = '<img src=x onerror="window.__xss = 2">'
XSS_PLAIN = '<img src=y onerror="window.__xss = 7"><b>bold</b>'  # in the text, not in any evidence

ARTICLES: list[dict[str, Any]] = [
    {
        "meta": {
            "outlet": "Valley Ledger",
            "url": "https://example.org/valley/teachers-rally",
            "title": "Teachers rally at the Capitol",
            "published": date(2025, 3, 4),
        },
        "text": (
            "SACRAMENTO, Calif. - Several hundred teachers rallied outside the state Capitol on Tuesday "
            'to demand smaller class sizes, chanting "Fund our schools". The rally was organized by the '
            "Capitol Educators Union. Police reported no arrests."
        ),
        "events": [
            {
                "date": ("2025-03-04", "on Tuesday"),
                "date_precision": "day",
                "locality": ("Sacramento", "SACRAMENTO"),
                "state": ("CA", "Calif."),
                "country": "US",
                "lat": (38.5816, "SACRAMENTO"),
                "lon": (-121.4944, "SACRAMENTO"),
                "location": ("state Capitol", "state Capitol"),
                "event_type": (["rally"], "rallied"),
                "organizations": (["Capitol Educators Union"], "Capitol Educators Union"),
                "participants": (["teachers"], "teachers"),
                "claims_verbatim": (["Fund our schools"], "Fund our schools"),
                "issues": (["education"], "smaller class sizes"),
                "size_text": ("Several hundred", "Several hundred"),
                "size_low": (300, "Several hundred"),
                "size_cat": (2, "Several hundred"),
                "arrests": (0, "no arrests"),
            }
        ],
    },
    {
        "meta": {
            "outlet": "Oregon Wire",
            "url": "https://example.org/wire/bridge-march",
            "title": "March on the Burnside Bridge",
            "published": date(2025, 3, 5),
        },
        "text": (
            "PORTLAND, Ore. - About 1,200 people marched across the Burnside Bridge on Wednesday against "
            "new logging permits. Cascade Forest Defenders led the march, which ended with a vigil by the river."
        ),
        "events": [
            {
                "date": ("2025-03-05", "on Wednesday"),
                "date_precision": "day",
                "locality": ("Portland", "PORTLAND"),
                "state": ("OR", "Ore."),
                "country": "US",
                "lat": (45.5152, "PORTLAND"),
                "lon": (-122.6784, "PORTLAND"),
                "location": ("Burnside Bridge", "Burnside Bridge"),
                "event_type": (["march", "vigil"], "marched"),
                "organizations": (["Cascade Forest Defenders"], "Cascade Forest Defenders"),
                "issues": (["climate"], "logging permits"),
                "size_text": ("About 1,200", "About 1,200"),
                "size_low": (1200, "About 1,200"),
                "size_high": (1200, "About 1,200"),
                "size_cat": (3, "About 1,200"),
            }
        ],
    },
    {
        "meta": {
            "outlet": "Rose City Times",
            "url": "https://example.org/rose/bridge",
            "title": "Marchers fill the bridge",
            "published": date(2025, 3, 6),
        },
        "text": (
            "Marchers filled the Burnside Bridge in Portland on Wednesday, and organizers from Cascade "
            "Forest Defenders estimated 1,500 participants."
        ),
        "events": [
            {
                "date": ("2025-03-05", "on Wednesday"),
                "date_precision": "day",
                "locality": ("Portland", "Portland"),
                "state": "OR",
                "country": "US",
                "lat": (45.5152, "Portland"),
                "lon": (-122.6784, "Portland"),
                "event_type": (["march"], "Marchers"),
                "organizations": (["Cascade Forest Defenders"], "Cascade Forest Defenders"),
                "issues": (["climate"], "Forest"),
                "size_text": ("1,500", "1,500"),
                "size_low": (1500, "1,500"),
                "size_cat": (3, "1,500"),
            }
        ],
    },
    {
        "meta": {
            "outlet": "Gulf Daily",
            # a hostile URL: the page must not turn it into a link
            "url": "javascript:window.__xss = 6",
            "title": XSS_IMG,
            "published": date(2025, 3, 7),
        },
        "text": (
            "HOUSTON - Nurses picketed outside Bayou General Hospital on Thursday. One sign read "
            f"{XSS_SCRIPT} and another {XSS_IMG}. The picket was called by the Bayou Nurses Guild. {XSS_PLAIN}"
        ),
        "events": [
            {
                "date": ("2025-03-06", "on Thursday"),
                "date_precision": "day",
                "locality": ("Houston", "HOUSTON"),
                "state": "TX",
                "country": "US",
                "lat": (29.7604, "HOUSTON"),
                "lon": (-95.3698, "HOUSTON"),
                "location": ("Bayou General Hospital", "Bayou General Hospital"),
                "title": (XSS_IMG, XSS_IMG),
                "event_type": (["picket"], "picketed"),
                "organizations": (["Bayou Nurses Guild"], "Bayou Nurses Guild"),
                "participants": (["nurses"], "Nurses"),
                "claims_verbatim": ([XSS_SCRIPT, XSS_IMG], XSS_SCRIPT),
                "issues": (["labor"], "picketed"),
            }
        ],
    },
    {
        "meta": {
            "outlet": "Consumer Beat",
            "url": "https://example.org/beat/boycott",
            "title": "Nationwide boycott",
            "published": date(2025, 3, 7),
        },
        "text": "Consumer groups called a nationwide boycott of Megamart on Friday to protest price gouging.",
        "events": [
            {
                "date": ("2025-03-07", "on Friday"),
                "date_precision": "day",
                "country": ("US", "nationwide"),
                "event_type": (["boycott"], "boycott"),
                "targets": (["Megamart"], "Megamart"),
                "claims_summary": (["against price gouging"], "price gouging"),
                "issues": (["other"], "price gouging"),
            }
        ],
    },
]


def make_mention(text: str, spec: dict[str, Any], article_id: str) -> EventMention:
    """An EventMention from ``{field: value}`` or ``{field: (value, quote)}``; quotes get their offsets."""
    values = {k: (v[0] if isinstance(v, tuple) else v) for k, v in spec.items()}
    m = EventMention(**values)
    for field, v in spec.items():
        if isinstance(v, tuple):
            start = text.index(v[1])
            m.add_evidence(field, start, start + len(v[1]), v[1], article_id)
    return m


def build_store(path: Path) -> dict[str, Any]:
    """Write ARTICLES into a new SQLite store at ``path``; returns the event ids by locality key."""
    store = open_store(str(path))
    ids: dict[str, str] = {}
    try:
        for item in ARTICLES:
            art = Article.make(item["text"], **item["meta"])
            aid, _ = store.add_article(art)
            mentions = [make_mention(art.text, spec, aid) for spec in item["events"]]
            for spec, eid in zip(item["events"], store.add_mentions(art, mentions), strict=True):
                loc = spec.get("locality")
                ids[loc[0] if isinstance(loc, tuple) else (loc or "nationwide")] = eid
    finally:
        store.close()
    return ids


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, str]]:
    path = tmp_path_factory.mktemp("webapi") / "events.sqlite"
    ids = build_store(path)
    return path, ids


@pytest.fixture(scope="module")
def client(db: tuple[Path, dict[str, str]]):
    with TestClient(create_app(str(db[0]))) as c:
        yield c


@pytest.fixture(scope="module")
def reader_auth(db: tuple[Path, dict[str, str]]) -> dict[str, str]:
    """Headers of a read token: whole article texts are served to token holders only."""
    from protestdb.auth import create_token

    store = open_store(str(db[0]))
    try:
        return {"Authorization": f"Bearer {create_token(store, 'Text Reader', scopes='read')}"}
    finally:
        store.close()


def events(client: TestClient, **params: Any) -> list[dict[str, Any]]:
    r = client.get("/api/events", params=params)
    assert r.status_code == 200, r.text
    body = r.json()
    assert body["count"] == len(body["events"])
    return body["events"]


def test_store_merged_the_two_portland_reports(db):
    _, ids = db
    assert len(set(ids.values())) == 4  # five articles, two of them about the same march


def test_list_returns_all_events_ordered_by_date(client):
    evs = events(client)
    assert len(evs) == 4
    dates = [e["date"] for e in evs]
    assert dates == sorted(dates)
    assert {e["locality"] for e in evs} == {"Sacramento", "Portland", "Houston", None}
    assert all("evidence" not in e for e in evs)  # the list is light; evidence is in the detail
    portland = next(e for e in evs if e["locality"] == "Portland")
    assert len(portland["sources"]) == 2


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        ({"state": "OR"}, {"Portland"}),
        ({"state": "or"}, {"Portland"}),
        ({"type": "picket"}, {"Houston"}),
        ({"type": "vigil"}, {"Portland"}),
        ({"issue": "education"}, {"Sacramento"}),
        ({"locality": "Houston"}, {"Houston"}),
        ({"since": "2025-03-05", "until": "2025-03-06"}, {"Portland", "Houston"}),
        ({"since": "2025-03-07"}, {None}),
        ({"q": "logging"}, {"Portland"}),
        ({"q": "Educators"}, {"Sacramento"}),
        ({"state": "CA", "type": "march"}, set()),
    ],
)
def test_filters(client, params, expected):
    assert {e["locality"] for e in events(client, **params)} == expected


def test_keyset_pages_walk_through_every_event_once(client):
    all_ids = [e["id"] for e in events(client)]
    for sort, order in (("date", "asc"), ("date", "desc"), ("size", "desc"), ("state", "asc")):
        seen: list[str] = []
        params: dict[str, Any] = {"limit": 1, "sort": sort, "order": order}
        for _ in range(10):
            body = client.get("/api/events", params=params).json()
            seen += [e["id"] for e in body["events"]]
            if body["next"] is None:
                break
            assert "offset" not in body["next"] and body["next_url"]
            params["after"] = body["next"]
        assert sorted(seen) == sorted(all_ids) and len(seen) == len(set(seen)), (sort, order)
    desc = [e["date"] for e in events(client, sort="date", order="desc")]
    assert desc == sorted(desc, reverse=True)
    sizes = [e["size_low"] for e in events(client, sort="size", order="desc") if e["size_low"] is not None]
    assert sizes == sorted(sizes, reverse=True)


def test_a_cursor_of_another_sort_or_garbage_is_422(client):
    body = client.get("/api/events", params={"limit": 1, "sort": "size"}).json()
    assert client.get("/api/events", params={"limit": 1, "after": body["next"]}).status_code == 422
    assert client.get("/api/events", params={"after": "not-a-cursor"}).status_code == 422


@pytest.mark.parametrize(
    "params",
    [
        {"since": "yesterday"},
        {"until": "2025-13-01"},
        {"limit": 0},
        {"format": "xml"},
        {"bbox": "1,2,3"},
        {"bbox": "10,0,-10,5"},
        {"state": "California"},
        {"sort": "color"},
        {"status": "maybe"},
        {"limit": 20000},
    ],
)
def test_bad_parameters_are_422(client, params):
    assert client.get("/api/events", params=params).status_code == 422


def test_geojson_has_one_point_per_located_event(client):
    r = client.get("/api/events", params={"format": "geojson"})
    assert r.status_code == 200
    assert r.headers["content-type"].startswith("application/geo+json")
    fc = r.json()
    assert fc["type"] == "FeatureCollection"
    by_place = {f["properties"]["locality"]: f for f in fc["features"]}
    assert set(by_place) == {"Sacramento", "Portland", "Houston"}  # the boycott has no place
    assert by_place["Portland"]["geometry"] == {"type": "Point", "coordinates": [-122.6784, 45.5152]}
    assert len(client.get("/api/events", params={"format": "geojson", "state": "TX"}).json()["features"]) == 1


def test_csv_has_a_header_and_one_row_per_event(client):
    r = client.get("/api/events", params={"format": "csv"})
    assert r.status_code == 200
    assert r.headers["content-type"].startswith("text/csv")
    assert "attachment" in r.headers["content-disposition"]
    rows = list(csv.DictReader(io.StringIO(r.text)))
    assert len(rows) == 4
    assert {"date", "locality", "state"} <= set(rows[0])
    tx = [row for row in rows if row["state"] == "TX"]
    assert len(tx) == 1 and tx[0]["locality"] == "Houston"
    only_ca = list(csv.DictReader(io.StringIO(client.get("/api/events?format=csv&state=CA").text)))
    assert [row["locality"] for row in only_ca] == ["Sacramento"]


def test_detail_has_sources_articles_and_evidence_at_its_offsets(client, db, reader_auth):
    _, ids = db
    r = client.get(f"/api/events/{ids['Portland']}", headers=reader_auth)
    assert r.status_code == 200
    body = r.json()
    ev, articles = body["event"], body["articles"]
    assert ev["id"] == ids["Portland"]
    assert {s["outlet"] for s in ev["sources"]} == {"Oregon Wire", "Rose City Times"}
    assert len(articles) == 2
    texts = {a["id"]: a["text"] for a in articles}
    assert set(texts) == {s["article_id"] for s in ev["sources"]}
    assert {"date", "locality", "event_type", "organizations", "size_text"} <= set(ev["evidence"])
    n = 0
    for spans in ev["evidence"].values():
        for sp in spans:
            assert sp["found"] is True
            assert texts[sp["article_id"]][sp["start"] : sp["end"]] == sp["quote"]
            n += 1
    assert n >= 10
    # both articles back the organization
    assert {sp["article_id"] for sp in ev["evidence"]["organizations"]} == set(texts)


def test_detail_marks_evidence_that_is_not_in_the_text(tmp_path):
    text = "Students walked out of Lincoln High School in Tacoma on Monday."
    art = Article.make(text, published=date(2025, 4, 7))
    m = EventMention(date="2025-04-07", locality="Tacoma", state="WA", event_type=["walkout"])
    m.add_evidence("event_type", 9, 17, "walked o", art.id)  # right
    m.add_evidence("locality", 0, 6, "Tacoma", art.id)  # wrong offsets
    store = open_store(str(tmp_path / "one.sqlite"))
    try:
        store.add_article(art)
        (eid,) = store.add_mentions(art, [m])
    finally:
        store.close()
    with TestClient(create_app(str(tmp_path / "one.sqlite"))) as c:
        ev = c.get(f"/api/events/{eid}").json()["event"]
    assert ev["evidence"]["event_type"][0]["found"] is True
    assert ev["evidence"]["locality"][0]["found"] is False


def test_event_articles_route(client, db, reader_auth):
    _, ids = db
    arts = client.get(f"/api/events/{ids['Houston']}/articles", headers=reader_auth).json()
    assert len(arts) == 1
    assert XSS_SCRIPT in arts[0]["text"]  # served as data, verbatim; the page must render it inert


def test_missing_event_is_404(client):
    assert client.get("/api/events/no-such-event").status_code == 404
    assert client.get("/api/events/no-such-event/articles").status_code == 404


def test_stats(client):
    st = client.get("/api/stats").json()
    assert st["events"] == 4 and st["located"] == 3
    assert st["per_day"] == {"2025-03-04": 1, "2025-03-05": 1, "2025-03-06": 1, "2025-03-07": 1}
    assert st["per_state"]["OR"] == 1 and st["per_state"]["unknown"] == 1
    assert st["per_type"]["march"] == 1 and st["per_type"]["picket"] == 1
    assert st["per_issue"]["climate"] == 1
    assert st["size"]["events_with_size"] == 2
    assert st["size"]["size_low_sum"] >= 300 + 1200
    only_ca = client.get("/api/stats", params={"state": "CA"}).json()
    assert only_ca["events"] == 1 and only_ca["size"]["size_low_sum"] == 300


def test_health(client):
    r = client.get("/api/health")
    assert r.status_code == 200
    body = r.json()
    assert body["status"] == "ok"
    assert body["counts"]["events"] == 4 and body["counts"]["articles"] == 5


# --------------------------------------------------------------------------- no CDN, local assets
SRC_RE = re.compile(r"""<(script|link|img)\b[^>]*?\b(src|href)\s*=\s*["']([^"']+)["']""", re.I)


def local_assets(client: TestClient, html: str) -> list[str]:
    """The script/stylesheet/image URLs of a page; asserts each is local and served."""
    urls = [m.group(3) for m in SRC_RE.finditer(html)]
    for url in urls:
        assert url.startswith("/") and not url.startswith("//"), url
        r = client.get(url)
        assert r.status_code == 200, url
        assert len(r.content) > 0, url
    return urls


@pytest.mark.parametrize("path", ["/", "/docs", "/redoc"])
def test_pages_use_only_bundled_assets(client, path):
    r = client.get(path)
    assert r.status_code == 200
    assert r.headers["content-type"].startswith("text/html")
    html = r.text
    assert "cdn" not in html.lower()
    assert not re.search(r"""src\s*=\s*["']?(https?:)?//""", html, re.I)
    assert not re.search(r"""<link[^>]+href\s*=\s*["']?(https?:)?//""", html, re.I)
    assert "fonts.googleapis" not in html
    urls = local_assets(client, html)
    assert any(u.endswith(".js") for u in urls)


def test_docs_load_the_vendored_swagger_and_redoc(client):
    assert "/static/vendor/swagger-ui/swagger-ui-bundle.js" in client.get("/docs").text
    assert "/static/vendor/redoc/redoc.standalone.js" in client.get("/redoc").text
    spec = client.get("/openapi.json").json()
    assert {"/api/events", "/api/events/{event_id}", "/api/stats", "/api/health"} <= set(spec["paths"])


def test_page_has_a_strict_content_security_policy(client):
    csp = client.get("/").headers["content-security-policy"]
    assert "script-src 'self'" in csp and "unsafe-inline" not in csp.split("script-src")[1].split(";")[0]


def test_vendored_assets_have_licenses_and_no_source_maps():
    vendor = Path(__file__).parents[1] / "src" / "protestdb" / "web" / "static" / "vendor"
    for pkg in ("leaflet", "us-atlas", "swagger-ui", "redoc"):
        assert (vendor / pkg / "LICENSE").is_file(), pkg
    assert not list(vendor.rglob("*.map"))
    assert not list(vendor.rglob("node_modules"))
    # ReDoc's logo is patched at vendoring time so that it is not fetched from its CDN
    assert "cdn.redoc.ly" not in (vendor / "redoc" / "redoc.standalone.js").read_text("utf-8")


def test_state_outlines_basemap_is_a_geojson_of_the_states(client):
    fc = client.get("/static/vendor/us-atlas/us-states.geo.json").json()
    names = {f["properties"]["name"] for f in fc["features"]}
    assert len(fc["features"]) >= 50
    assert {"California", "Oregon", "Texas", "New Jersey"} <= names
    assert all(f["geometry"]["type"] in ("Polygon", "MultiPolygon") for f in fc["features"])
