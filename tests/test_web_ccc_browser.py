"""The page over real CCC rows in headless chromium: clustered map, filters, brushed
timeline, event detail, the CSV download of what is on screen, the review screen.

Needs ``../shared/data/ccc/ccc-phase3-public_asof-2025-03-06.csv`` (skipped without it).
Screenshots go to a temporary folder (see ``test_web_browser.SHOTS``).
"""

from __future__ import annotations

import csv
from collections.abc import Iterator
from pathlib import Path

import pytest

from test_web_browser import CHROMIUM, SHOTS, chromium, serving, watched_page

CCC = Path(__file__).parents[1].parent / "shared" / "data" / "ccc" / "ccc-phase3-public_asof-2025-03-06.csv"

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(not CHROMIUM.exists(), reason="needs Debian chromium at /usr/bin/chromium"),
    pytest.mark.skipif(not CCC.exists(), reason="needs the CCC file in ../shared"),
]

sync_api = pytest.importorskip("playwright.sync_api")
uvicorn = pytest.importorskip("uvicorn")

from protestdb.auth import create_token  # noqa: E402
from protestdb.ccc import import_ccc  # noqa: E402
from protestdb.store import open_store  # noqa: E402
from test_web_api import build_store  # noqa: E402


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict]:
    path = tmp_path_factory.mktemp("webccc") / "ccc.sqlite"
    ids = build_store(path)  # a few extracted events with evidence
    store = open_store(str(path))
    try:
        import_ccc(store, [CCC])
        token = create_token(store, "Casey Reviewer")
        n = store.count_events()
    finally:
        store.close()
    with serving(path) as base:
        yield {"base": base, "ids": ids, "token": token, "n": n}


@pytest.fixture(scope="module")
def browser() -> Iterator[object]:
    with chromium() as b:
        yield b


@pytest.fixture
def page(browser, server) -> Iterator[object]:
    with watched_page(browser, server["base"], {"width": 1400, "height": 900}) as pg:
        yield pg


def _wait_loaded(page) -> int:
    page.wait_for_selector("#map[data-render-ms]")
    return int(page.get_attribute("#status", "data-count"))


def _count_after(page, before_url: str) -> int:
    page.wait_for_function(f"() => window.location.href !== {before_url!r}")
    return _wait_loaded(page)


def test_map_filters_brush_detail_and_download(page, server, tmp_path):
    page.goto(server["base"] + "/")
    total = _wait_loaded(page)
    assert total == server["n"] > 4000
    assert int(page.get_attribute("#map", "data-points")) > 3000
    assert page.locator(".cluster").count() > 5  # thousands of events: clustered
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / "ccc-map.png"))
    # filter by state, then by issue
    url = page.url
    page.select_option("#f-state", "CA")
    ca = _count_after(page, url)
    assert 0 < ca < total and "state=CA" in page.url
    url = page.url
    page.click("#f-issue-box summary")  # a multi-select: check one issue
    page.check("#f-issue-box input[value=immigration]")
    ca_imm = _count_after(page, url)
    assert 0 < ca_imm < ca
    # brush the timeline: drag across its middle third
    page.locator("#timeline svg").scroll_into_view_if_needed()
    box = page.locator("#timeline svg").bounding_box()
    y = box["y"] + box["height"] / 2
    url = page.url
    page.mouse.move(box["x"] + box["width"] * 0.33, y)
    page.mouse.down()
    page.mouse.move(box["x"] + box["width"] * 0.5, y, steps=5)
    page.mouse.move(box["x"] + box["width"] * 0.66, y, steps=5)
    page.mouse.up()
    brushed = _count_after(page, url)
    assert "brush=" in page.url and 0 < brushed < ca_imm
    assert page.locator("#timeline .bin.in rect.bar").count() > 0
    assert page.is_visible("#brush-clear")
    page.screenshot(path=str(SHOTS / "brushed-timeline.png"))
    # the URL is shareable: a fresh page shows the same brushed view
    shared = page.url
    page.goto("about:blank")
    page.goto(shared)
    assert _wait_loaded(page) == brushed
    # the CSV download holds exactly the events on screen
    with page.expect_download() as dl:
        page.click("#export-csv")
    target = tmp_path / "shown.csv"
    dl.value.save_as(target)
    with target.open(encoding="utf-8") as fp:
        rows = list(csv.DictReader(fp))
    assert len(rows) == brushed
    assert {r["state"] for r in rows} == {"CA"}
    lo, hi = shared.split("brush=")[1].split("&")[0].split("..")
    assert all(lo <= r["date"] <= hi for r in rows)
    # open an imported event from the list: its fields, and the note that CCC values have no spans
    page.locator("#events button.event").first.click()
    page.wait_for_selector("#detail:not([hidden]) table.fields")
    assert "Crowd Counting Consortium" in page.text_content("#detail")
    assert "event=" in page.url


def test_extracted_event_shows_highlighted_evidence(page, server):
    page.goto(server["base"] + f"/?event={server['ids']['Portland']}")
    page.wait_for_selector("#detail:not([hidden]) mark.evidence")
    assert "Cascade Forest Defenders" in page.locator("#detail mark.evidence").all_text_contents()
    page.screenshot(path=str(SHOTS / "event-evidence-ccc-db.png"))


def test_review_screen_correct_with_audit_trail(page, server):
    eid = server["ids"]["Sacramento"]
    page.goto(server["base"] + f"/?event={eid}")
    page.wait_for_selector("#detail:not([hidden]) section.review")
    assert page.locator("#rv-correct").count() == 0  # not signed in: no editing forms
    page.click("#signin-open")
    page.fill("#signin-token", "pdb_000000000000_wrongwrongwrongwrongwrong")
    page.click("#signin-form button[type=submit]")
    page.wait_for_function("() => document.getElementById('signin-msg').textContent.length > 0")
    page.fill("#signin-token", server["token"])
    page.click("#signin-form button[type=submit]")
    page.wait_for_selector("#signin-state:has-text('Casey Reviewer')")
    page.wait_for_selector("#rv-correct")
    assert page.evaluate("sessionStorage.getItem('protestdb-token')") == server["token"]
    page.select_option("#rv-field", "size_low")
    page.fill("#rv-value", "350")
    page.click("#rv-correct button[type=submit]")
    page.wait_for_selector(".audit li:has-text('size_low')")
    assert "Casey Reviewer" in page.text_content(".audit")
    assert "350" in page.text_content('#detail tr[data-field="size_low"]')
    page.screenshot(path=str(SHOTS / "review.png"), full_page=True)


def test_ccc_event_shows_its_row_and_source_links(page, server):
    """A researcher opens a CCC event: its file and line, CCC's news sources as links, the credit."""
    page.goto(server["base"] + "/?state=CA")
    _wait_loaded(page)
    first = page.locator("#events li button, #events li a").first
    first.click()
    page.wait_for_selector(".ccc-record")
    assert "line" in page.inner_text(".ccc-record .meta")
    links = page.locator(".ccc-record .ccc-sources a")
    assert links.count() >= 1
    href = links.first.get_attribute("href")
    assert href and href.startswith("http") and links.first.get_attribute("target") == "_blank"
    assert "Crowd Counting Consortium" in page.inner_text(".ccc-record .credit")
    assert page.locator("#detail a[href='/codebook']").count() == 1
