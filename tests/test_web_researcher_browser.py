"""A researcher's tasks on the page in headless chromium, over the seed article (through the
pipeline), the test articles and the public CCC file: find the seed's Mariachi Plaza event and
open its sources; open a CCC event and follow a source link; filter by valence and size; spread
co-located markers; switch to state shading; brush a week and download it; load a shared URL
with a map view. No request may leave 127.0.0.1 (a followed source link is answered locally).

Needs ``../shared/seed`` and ``../shared/data/ccc/ccc-phase3-public_asof-2025-03-06.csv``.
"""

from __future__ import annotations

import csv
from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path

import pytest

from test_web_browser import CHROMIUM, SHOTS, chromium, serving, watched_page

SHARED = Path(__file__).parents[1].parent / "shared"
CCC = SHARED / "data" / "ccc" / "ccc-phase3-public_asof-2025-03-06.csv"
SEED = SHARED / "seed"

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(not CHROMIUM.exists(), reason="needs Debian chromium at /usr/bin/chromium"),
    pytest.mark.skipif(not (CCC.exists() and SEED.exists()), reason="needs the CCC file and the seed in ../shared"),
]

sync_api = pytest.importorskip("playwright.sync_api")
uvicorn = pytest.importorskip("uvicorn")

from fastapi.testclient import TestClient  # noqa: E402

from protestdb.ccc import import_ccc  # noqa: E402
from protestdb.pipeline import ingest_paths  # noqa: E402
from protestdb.store import open_store  # noqa: E402
from protestdb.web import create_app  # noqa: E402
from test_web_api import build_store  # noqa: E402


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict]:
    path = tmp_path_factory.mktemp("researcher") / "events.sqlite"
    build_store(path)
    store = open_store(str(path))
    try:
        report = ingest_paths(store, [str(SEED)], progress=False)
        assert report.errors == []
        import_ccc(store, [CCC])
    finally:
        store.close()
    with serving(path) as base, TestClient(create_app(str(path))) as api:
        yield {"base": base, "api": api}


@pytest.fixture(scope="module")
def browser() -> Iterator[object]:
    with chromium() as b:
        yield b


@pytest.fixture
def page(browser, server) -> Iterator[object]:
    with watched_page(browser, server["base"], {"width": 1400, "height": 1000}) as pg:
        yield pg


def _loaded(page) -> int:
    page.wait_for_selector("#map[data-render-ms]")
    return int(page.get_attribute("#status", "data-count"))


def _after(page, before: str) -> int:
    page.wait_for_function(f"() => window.location.href !== {before!r}")
    page.wait_for_function("() => document.querySelector('#map').hasAttribute('data-render-ms')")
    return _loaded(page)


def test_find_the_seed_mariachi_plaza_event_and_open_its_sources(page, server):
    page.goto(server["base"] + "/")
    _loaded(page)
    url = page.url
    page.fill("#f-q", "Mariachi Plaza")
    page.press("#f-q", "Enter")
    _after(page, url)
    assert "sort=relevance" in page.url  # a text search ranks its results
    item = page.locator("#events button.event", has_text="Day without Immigrants")
    assert item.count() == 1
    item.click()
    page.wait_for_selector("#detail:not([hidden]) table.fields")
    assert "Mariachi Plaza" in page.inner_text("#detail tr[data-field=location]")
    sources = page.locator("#detail ol.sources li")
    assert sources.count() == 1 and "Migration is not a crime" in sources.first.inner_text()
    # the evidence from the source article, highlighted
    marks = page.locator("#detail mark.evidence").all_text_contents()
    assert any("Mariachi Plaza" in m for m in marks)
    # the organization search finds it by the acronym the article gives
    url = page.url
    page.fill("#f-organization", "NDLON")
    page.fill("#f-q", "")
    page.press("#f-organization", "Enter")
    _after(page, url)
    titles = page.locator("#events button.event").all_inner_texts()
    assert any("Mariachi" in t or "Day without Immigrants" in t for t in titles)
    assert all("National Day Laborer Organizing Network" in t for t in titles)


def test_open_a_ccc_event_and_follow_a_source_link(page, server):
    page.goto(server["base"] + "/?state=CA&sort=size&order=desc")
    _loaded(page)
    page.locator("#events button.event").first.click()
    page.wait_for_selector(".ccc-record .ccc-sources a")
    link = page.locator(".ccc-record .ccc-sources a").first
    href = link.get_attribute("href")
    assert href.startswith("http") and link.get_attribute("rel") == "noopener noreferrer nofollow"
    # the news site is not contacted: the followed link is answered here
    page.context.route(href, lambda route: route.fulfill(status=200, content_type="text/html", body="<p>source</p>"))
    with page.context.expect_page() as popup_info:
        link.click()
    popup = popup_info.value
    popup.wait_for_load_state()
    assert popup.url.rstrip("/") == href.rstrip("/")
    popup.close()


def test_filter_by_valence_and_size(page, server):
    page.goto(server["base"] + "/")
    total = _loaded(page)
    page.click("#more-filters summary")
    url = page.url
    page.select_option("#f-valence", "2")
    right = _after(page, url)
    assert 0 < right < total and "valence=2" in page.url
    url = page.url
    page.fill("#f-size_min", "100")
    page.fill("#f-size_max", "5000")
    page.click("#filters button[type=submit]")
    n = _after(page, url)
    expected = server["api"].get("/api/stats", params={"valence": "2", "size_min": 100, "size_max": 5000}).json()
    assert 0 < n == expected["events"] < right
    for text in page.locator("#events button.event").all_inner_texts()[:20]:
        assert "right-wing" in text


def test_spread_co_located_markers(page, server):
    page.goto(server["base"] + "/?map=10/34.05/-118.25")
    _loaded(page)
    together = page.locator(".cluster[data-together]")
    assert together.count() >= 1
    n = int(together.first.get_attribute("data-count"))
    together.first.click()
    page.wait_for_selector("#map[data-spread]")
    assert int(page.get_attribute("#map", "data-spread")) == n
    if n <= 40:
        assert page.locator("path.event-marker.spread").count() == n
        page.locator("path.event-marker.spread").first.click()
    else:
        assert page.locator(".spot-list li").count() == min(n, 200)
        page.locator(".spot-list button").first.click()
    page.wait_for_selector("#detail:not([hidden]) table.fields")
    assert "event=" in page.url


def test_switch_to_state_shading(page, server):
    page.goto(server["base"] + "/")
    _loaded(page)
    url = page.url
    page.click(".modes button[data-shade=state]")
    _after(page, url)
    page.wait_for_selector("#map[data-shade=state][data-shaded]")
    assert "shade=state" in page.url
    ca = page.locator("path.shade[data-name=California]")
    per_state = server["api"].get("/api/stats").json()["per_state"]
    assert int(ca.get_attribute("data-count")) == per_state["CA"]
    assert int(page.get_attribute("#map", "data-shaded")) >= 40
    assert "Events per area" in page.inner_text("#legend")
    assert page.locator("path.event-marker").count() == 0  # shading replaces the markers
    # counties too
    url = page.url
    page.click(".modes button[data-shade=county]")
    _after(page, url)
    page.wait_for_selector("#map[data-shade=county][data-shaded]", timeout=60_000)
    assert int(page.get_attribute("#map", "data-shaded")) > 100
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / "county-shading.png"))


def test_brush_a_week_and_download_it(page, server, tmp_path):
    page.goto(server["base"] + "/?state=CA")
    total = _loaded(page)
    url = page.url
    page.click("[data-bin=week]")
    page.wait_for_function(f"() => window.location.href !== {url!r}")
    assert "bin=week" in page.url
    assert "Events per week" in page.inner_text("#timeline-heading")
    ticks = page.locator("#timeline .y-axis .tick-label").all_text_contents()
    assert len(ticks) == 5 and page.locator("#timeline .date-label").count() >= 3
    # the busiest week, chosen with the keyboard
    bins = page.locator("#timeline g.bin")
    counts = [int(t.split(":")[1].split()[0].replace(",", "")) for t in bins.evaluate_all(
        "gs => gs.map(g => g.querySelector('title').textContent)")]
    i = counts.index(max(counts))
    start = bins.nth(i).get_attribute("data-start")
    end = bins.nth(i).get_attribute("data-end")
    assert date.fromisoformat(end) - date.fromisoformat(start) == timedelta(days=6)
    assert date.fromisoformat(start).weekday() == 0
    url = page.url
    bins.nth(i).focus()
    page.keyboard.press("Enter")
    shown = _after(page, url)
    assert f"brush={start}..{end}" in page.url and 0 < shown < total
    with page.expect_download() as dl:
        page.click("#export-csv")
    target = tmp_path / "week.csv"
    dl.value.save_as(target)
    with target.open(encoding="utf-8") as fp:
        rows = list(csv.DictReader(fp))
    assert len(rows) == shown
    assert all(start <= r["date"] <= end and r["state"] == "CA" for r in rows)
    assert all(r["credit"] for r in rows)


def test_load_a_shared_url_with_a_map_view(page, server):
    page.goto(server["base"] + "/?state=NY&map=9/40.73/-73.95&shade=&bin=month")
    _loaded(page)
    assert int(page.get_attribute("#map", "data-points")) > 0
    view = page.evaluate(
        "() => new URLSearchParams(location.search).get('map')"
    )
    assert view == "9/40.73/-73.95"  # kept, not replaced by a fitted view
    assert "Events per month" in page.inner_text("#timeline-heading")
    page.wait_for_function("() => Number(document.querySelector('#map').getAttribute('data-labels')) >= 3")
    # county lines are fetched and converted after the first draw: wait for them
    page.wait_for_function("() => document.querySelector('#map').getAttribute('data-county-lines') === '1'")
    assert page.get_attribute("#map", "data-county-lines") == "1"
    # zooming in changes the shareable view
    page.click(".leaflet-control-zoom-in")
    page.wait_for_function("() => new URLSearchParams(location.search).get('map').startsWith('10/')")
    page.goto("about:blank")
    page.goto(server["base"] + "/?state=NY&map=10/40.73/-73.95")
    _loaded(page)
    assert page.evaluate("() => new URLSearchParams(location.search).get('map')") == "10/40.73/-73.95"


def test_phone_shows_the_map_first(browser, server):
    context = browser.new_context(viewport={"width": 390, "height": 844}, is_mobile=True, has_touch=True)
    pg = context.new_page()
    try:
        pg.goto(server["base"] + "/")
        _loaded(pg)
        assert pg.evaluate("document.querySelector('#filters-box').open") is False
        top = pg.locator("#map").bounding_box()["y"]
        assert top < 844 / 2  # the map starts on the first screen
        pg.click("#filters-box summary")
        assert pg.is_visible("#f-since")
    finally:
        context.close()
