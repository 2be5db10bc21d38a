"""Regenerate the page's screenshots (desktop and phone) in docs/screenshots/.

Not part of the test suite (the tests write their screenshots to a temporary folder). It
builds a store in a temporary folder from the public CCC file (``../shared/data/ccc/``), the
seed article (``../shared/seed``) and ``examples/`` through the pipeline, serves it on a free
127.0.0.1 port and photographs the page in Debian's headless chromium (Playwright):

    python scripts/screenshots.py                  # -> docs/screenshots/*.png
    python scripts/screenshots.py --out /tmp/shots --db /tmp/shots.sqlite   # reuse a built store

Nothing leaves 127.0.0.1.
"""

from __future__ import annotations

import argparse
import socket
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
CCC = SHARED / "data" / "ccc" / "ccc-phase3-public_asof-2025-03-06.csv"
CHROMIUM = "/usr/bin/chromium"


def build(db: Path) -> None:
    from protestdb.ccc import import_ccc
    from protestdb.pipeline import ingest_paths
    from protestdb.store import open_store

    store = open_store(str(db))
    try:
        paths = [str(p) for p in (SHARED / "seed", ROOT / "examples") if p.exists()]
        ingest_paths(store, paths, progress=False)
        if CCC.exists():
            import_ccc(store, [CCC])
    finally:
        store.close()


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def shoot(base: str, out: Path, token: str) -> list[Path]:
    from playwright.sync_api import sync_playwright

    written: list[Path] = []

    def save(pg, name: str, full: bool = False) -> None:
        path = out / name
        pg.screenshot(path=str(path), full_page=full)
        written.append(path)

    def ready(pg) -> None:
        pg.wait_for_selector("#map[data-render-ms]", timeout=60_000)
        pg.wait_for_timeout(400)

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox", "--disable-gpu"])
        try:
            pg = b.new_page(viewport={"width": 1400, "height": 900})
            pg.goto(base + "/")
            ready(pg)
            save(pg, "map-and-list.png")
            pg.goto(base + "/?organization=NDLON")
            ready(pg)
            pg.click("button.event")
            pg.wait_for_selector("#detail-body .sources li")
            pg.wait_for_timeout(300)
            save(pg, "event-detail.png")
            pg.goto(base + "/?shade=state")
            ready(pg)
            pg.wait_for_selector("#map[data-shaded]")
            save(pg, "state-shading.png")
            pg.goto(base + "/?shade=county&map=6/34.3/-118.6")
            ready(pg)
            pg.wait_for_selector("#map[data-shaded]", timeout=60_000)
            save(pg, "county-shading.png")
            pg.goto(base + "/?map=10/34.05/-118.25")
            ready(pg)
            together = pg.locator(".cluster[data-together]")
            if together.count():
                together.last.click()
                pg.wait_for_timeout(300)
            save(pg, "spread.png")
            pg.goto(base + "/?state=CA&bin=week")
            ready(pg)
            busiest = pg.locator("#timeline g.bin").evaluate_all(
                "gs => gs.map(g => Number(g.querySelector('title').textContent.split(':')[1].split(' ')[1]"
                ".replace(/,/g, '')))"
            )
            if busiest:
                pg.locator("#timeline g.bin").nth(busiest.index(max(busiest))).focus()
                pg.keyboard.press("Enter")
                pg.wait_for_function("() => location.search.includes('brush=')")
                ready(pg)
            pg.locator("#timeline").scroll_into_view_if_needed()
            save(pg, "brushed-week.png")
            pg.goto(base + "/?bin=month&series=participants")
            ready(pg)
            pg.locator("#timeline").scroll_into_view_if_needed()
            save(pg, "participants-per-month.png")
            pg.evaluate("t => sessionStorage.setItem('protestdb-token', t)", token)
            pg.goto(base + "/?organization=NDLON")
            ready(pg)
            pg.click("button.event")
            pg.wait_for_selector("#rv-correct")
            pg.locator("#review-heading").scroll_into_view_if_needed()
            save(pg, "review.png")
            ph = b.new_page(viewport={"width": 390, "height": 844}, is_mobile=True, has_touch=True, device_scale_factor=2)
            ph.goto(base + "/")
            ready(ph)
            save(ph, "phone.png")
        finally:
            b.close()
    return written


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--out", default=str(ROOT / "docs" / "screenshots"))
    ap.add_argument("--db", default="", help="store to use (built there when missing)")
    args = ap.parse_args()
    sys.path.insert(0, str(ROOT / "src"))
    import uvicorn

    from protestdb.web import create_app

    tmp = tempfile.TemporaryDirectory(prefix="protestdb-shots-")
    db = Path(args.db) if args.db else Path(tmp.name) / "shots.sqlite"
    if not db.exists():
        print(f"building {db} (CCC file, seed, examples) ...", file=sys.stderr)
        build(db)
    from protestdb.auth import create_token
    from protestdb.store import open_store

    store = open_store(str(db))
    try:
        token = create_token(store, "Screenshot Editor")
    finally:
        store.close()
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    port = free_port()
    srv = uvicorn.Server(uvicorn.Config(create_app(str(db)), host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=srv.run, daemon=True)
    thread.start()
    while not srv.started:
        time.sleep(0.05)
    try:
        for path in shoot(f"http://127.0.0.1:{port}", out, token):
            print(path)
    finally:
        srv.should_exit = True
        thread.join(10)
        tmp.cleanup()


if __name__ == "__main__":
    main()
