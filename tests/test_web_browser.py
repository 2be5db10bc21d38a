"""The web page in a real headless chromium (Debian's /usr/bin/chromium via Playwright).

A uvicorn server runs in a background thread on a free 127.0.0.1 port over a temporary
store (the articles of ``test_web_api``). Every request the page makes is recorded and
must stay on 127.0.0.1. Screenshots go to a temporary folder (``PROTESTDB_TEST_SCREENSHOTS``
names another); ``scripts/screenshots.py`` regenerates the ones in ``docs/screenshots/``.
"""

from __future__ import annotations

import os
import re
import socket
import tempfile
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

CHROMIUM = Path("/usr/bin/chromium")
SHOTS = Path(os.environ.get("PROTESTDB_TEST_SCREENSHOTS") or tempfile.mkdtemp(prefix="protestdb-test-shots-"))
LAUNCH_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(not CHROMIUM.exists(), reason="needs Debian chromium at /usr/bin/chromium"),
]

sync_api = pytest.importorskip("playwright.sync_api")
uvicorn = pytest.importorskip("uvicorn")

from protestdb.web import create_app  # noqa: E402
from test_web_api import XSS_IMG, XSS_PLAIN, XSS_SCRIPT, build_store  # noqa: E402


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@contextmanager
def serving(db_path: Path) -> Iterator[str]:
    """``protestdb``'s app for ``db_path`` on a free 127.0.0.1 port in a thread; yields its base URL."""
    port = _free_port()
    srv = uvicorn.Server(uvicorn.Config(create_app(str(db_path)), host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=srv.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not srv.started:
        if time.monotonic() > deadline or not thread.is_alive():
            pytest.fail("uvicorn did not start")
        time.sleep(0.05)
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        srv.should_exit = True
        thread.join(10)


@contextmanager
def watched_page(browser: object, base: str, viewport: dict[str, int]) -> Iterator[object]:
    """A new page of ``browser`` that may fetch only from ``base`` (and data:/blob: URLs) and must
    raise no script error: both are asserted when the page closes."""
    context = browser.new_context(viewport=viewport, accept_downloads=True)  # type: ignore[attr-defined]
    pg = context.new_page()
    outside: list[str] = []
    errors: list[str] = []
    pg.on("request", lambda r: outside.append(r.url) if not r.url.startswith((base, "data:", "blob:")) else None)
    pg.on("pageerror", lambda e: errors.append(str(e)))
    yield pg
    context.close()
    assert outside == [] and errors == [], (outside, errors)


@contextmanager
def chromium() -> Iterator[object]:
    """Debian's chromium, headless, via Playwright."""
    with sync_api.sync_playwright() as p:
        b = p.chromium.launch(executable_path=str(CHROMIUM), args=LAUNCH_ARGS)
        try:
            yield b
        finally:
            b.close()


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict]:
    from protestdb.auth import create_token
    from protestdb.store import open_store

    path = tmp_path_factory.mktemp("webbrowser") / "events.sqlite"
    ids = build_store(path)
    store = open_store(str(path))
    reader = create_token(store, "Page Reader", scopes="read")
    store.close()
    with serving(path) as base:
        yield {"base": base, "ids": ids, "reader": reader}


@pytest.fixture(scope="module")
def browser() -> Iterator[object]:
    with chromium() as b:
        yield b


@pytest.fixture
def page(browser, server) -> Iterator[object]:
    """A fresh page; after the test, asserts no request left 127.0.0.1 and no script error happened."""
    context = browser.new_context(viewport={"width": 1400, "height": 900})
    pg = context.new_page()
    requests: list[str] = []
    errors: list[str] = []
    pg.on("request", lambda r: requests.append(r.url))
    pg.on("pageerror", lambda e: errors.append(str(e)))
    yield pg
    context.close()
    base = server["base"] + "/"
    outside = [u for u in requests if not (u.startswith(base) or u.startswith(("data:", "blob:")))]
    assert outside == [], f"requests left 127.0.0.1: {outside}"
    assert len(requests) > 0
    assert errors == [], errors


def _open(page, server, query: str = "") -> None:
    page.goto(server["base"] + "/" + query)
    page.wait_for_selector("#map[data-states-loaded]")
    page.wait_for_selector("#map[data-markers]", state="attached")
    page.wait_for_function("() => document.querySelectorAll('#events li').length > 0")


def _list_places(page) -> list[str]:
    return page.locator("#events button.event .where").all_text_contents()


def test_map_shows_state_outlines_one_marker_per_located_event_and_the_list(page, server):
    _open(page, server)
    assert page.locator("path.state-outline").count() >= 50
    assert page.locator("path.event-marker").count() == 3  # the nationwide boycott has no place
    assert page.get_attribute("#map", "data-markers") == "3"
    places = _list_places(page)
    assert len(places) == 4
    assert {"Sacramento, CA", "Portland, OR", "Houston, TX"} <= set(places)
    # Markers are scaled by size: the 1,200-1,500 person march is drawn bigger than the picket.
    radius = page.evaluate(
        """() => Object.fromEntries([...document.querySelectorAll('path.event-marker')].map(
             p => [p.getAttribute('aria-label'), p.getBoundingClientRect().width]))"""
    )
    big = next(v for k, v in radius.items() if "Portland" in k)
    small = next(v for k, v in radius.items() if "Houston" in k)
    assert big > small
    # The timeline has one bar per day with events.
    assert page.locator("#timeline rect.bar").count() == 4
    assert "4 events" in page.text_content("#status")
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / "map-and-list.png"), full_page=True)


def test_filtering_by_state_narrows_the_list_and_updates_the_url(page, server):
    _open(page, server)
    page.select_option("#f-state", "OR")
    page.wait_for_function("() => document.querySelectorAll('#events button.event').length === 1")
    assert _list_places(page) == ["Portland, OR"]
    assert "state=OR" in page.url
    assert page.locator("path.event-marker").count() == 1
    # The URL is shareable: opening it anew shows the same filtered view.
    shared = page.url
    page.goto("about:blank")
    _open(page, server, shared[len(server["base"]) + 1 :])
    assert _list_places(page) == ["Portland, OR"]
    assert page.input_value("#f-state") == "OR"
    # Text search and back navigation.
    page.fill("#f-q", "Educators")
    page.select_option("#f-state", "")
    page.wait_for_function(
        "() => [...document.querySelectorAll('#events .where')].map(e => e.textContent).join() === 'Sacramento, CA'"
    )
    assert "q=Educators" in page.url and "state=" not in page.url
    page.go_back()
    page.wait_for_function(
        "() => [...document.querySelectorAll('#events .where')].map(e => e.textContent).join() === 'Portland, OR'"
    )


def test_without_a_token_the_page_shows_evidence_excerpts_not_the_article(page, server):
    _open(page, server, f"?event={server['ids']['Houston']}")
    page.wait_for_selector("#detail:not([hidden]) mark.evidence")
    text = page.text_content("#detail section.article .article-text")
    assert "Bayou Nurses Guild" in text and " … " in text  # the quotes, joined
    assert XSS_PLAIN not in text  # words of the article that back no field are not shown
    assert "token holders" in page.text_content("#detail section.article")


def test_clicking_an_event_shows_its_fields_sources_and_highlighted_evidence(page, server):
    _open(page, server)
    page.locator("#events button.event", has_text="Portland").click()
    page.wait_for_selector("#detail:not([hidden]) mark.evidence")
    assert f"event={server['ids']['Portland']}" in page.url
    marks = page.locator("#detail mark.evidence").all_text_contents()
    assert "Cascade Forest Defenders" in marks
    assert "Burnside Bridge" in marks
    assert page.locator("#detail section.article").count() == 2  # both reports of the march
    assert page.locator("#detail ol.sources li").count() == 2
    assert "Oregon Wire" in page.text_content("#detail ol.sources")
    org_row = page.locator('#detail tr[data-field="organizations"]')
    assert "Cascade Forest Defenders" in org_row.text_content()
    # "show" jumps to (and marks as active) the highlighted words of that field.
    org_row.locator("button.ev-jump").first.click()
    active = page.locator("#detail mark.evidence.active").all_text_contents()
    assert active and all(t in "Cascade Forest Defenders" for t in active)
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / "event-detail.png"), full_page=True)
    # Escape closes the panel and the URL forgets the event.
    page.keyboard.press("Escape")
    assert page.locator("#detail").is_hidden()
    assert "event=" not in page.url


def test_xss_in_article_text_fields_and_urls_stays_inert(page, server):
    _check_xss_inert(page, server)


def test_xss_stays_inert_even_without_the_content_security_policy(browser, server):
    """The page's CSP would block inline scripts anyway; the DOM building must be safe on its own."""
    context = browser.new_context(bypass_csp=True)
    try:
        _check_xss_inert(context.new_page(), server)
    finally:
        context.close()


def _check_xss_inert(page, server) -> None:
    # whole article texts are shown to token holders (docs/privacy.md): the page sends this one
    page.add_init_script(f"sessionStorage.setItem('protestdb-token', '{server['reader']}')")
    houston = server["ids"]["Houston"]
    _open(page, server, f"?event={houston}")
    page.wait_for_selector("#detail:not([hidden]) section.article")
    page.wait_for_timeout(300)  # give any injected handler a chance to fire
    assert page.evaluate("typeof window.__xss") == "undefined"
    text = page.text_content("#detail section.article .article-text")
    assert XSS_SCRIPT in text and XSS_IMG in text and XSS_PLAIN in text  # shown literally, as text
    assert page.locator("#detail img, #events img, #detail script, #detail b").count() == 0
    assert page.text_content("#detail-heading") == XSS_IMG
    assert XSS_IMG in page.text_content('#detail tr[data-field="claims_verbatim"]')
    # The javascript: URL of the source is not turned into a link.
    assert page.locator("#detail ol.sources a").count() == 0
    assert "Gulf Daily" in page.text_content("#detail ol.sources")
    # The hostile evidence quote is highlighted like any other.
    assert XSS_SCRIPT in page.locator("#detail mark.evidence").all_text_contents()


def test_keyboard_only_use(page, server):
    _open(page, server)
    page.locator("#events button.event").first.focus()
    page.keyboard.press("Enter")
    page.wait_for_selector("#detail:not([hidden]) table.fields")
    assert page.evaluate("document.activeElement.id") == "detail-heading"
    page.keyboard.press("Escape")
    assert page.locator("#detail").is_hidden()
    assert page.evaluate("document.activeElement.classList.contains('event')")
    # every form control has a label
    unlabeled = page.evaluate(
        """() => [...document.querySelectorAll('#filters input:not([type=hidden]), #filters select')]
             .filter(e => !document.querySelector(`label[for="${e.id}"]`)).length"""
    )
    assert unlabeled == 0


def test_phone_sized_viewport(browser, server):
    context = browser.new_context(
        viewport={"width": 390, "height": 844}, device_scale_factor=2, is_mobile=True
    )
    pg = context.new_page()
    outside: list[str] = []
    pg.on(
        "request",
        lambda r: outside.append(r.url) if not r.url.startswith((server["base"], "data:", "blob:")) else None,
    )
    try:
        _open(pg, server)
        assert pg.evaluate("document.documentElement.scrollWidth <= window.innerWidth + 1")
        box = pg.locator("#map").bounding_box()
        assert box is not None and box["width"] > 300 and box["height"] > 200
        assert pg.locator("path.event-marker").count() == 3
        SHOTS.mkdir(parents=True, exist_ok=True)
        pg.screenshot(path=str(SHOTS / "phone.png"), full_page=False)
        pg.locator("#events button.event", has_text="Sacramento").click()
        pg.wait_for_selector("#detail:not([hidden]) mark.evidence")
        assert pg.locator("#detail").bounding_box()["width"] <= 390
    finally:
        context.close()
    assert outside == []


@pytest.mark.parametrize(("path", "ready"), [("/docs", ".swagger-ui .info .title"), ("/redoc", "h1")])
def test_api_docs_render_offline(page, server, path, ready):
    page.goto(server["base"] + path)
    page.wait_for_selector(ready, timeout=20000)
    assert re.search("protestdb", page.text_content(ready) or "", re.I)
