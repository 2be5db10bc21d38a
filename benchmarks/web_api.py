"""HTTP API speed at 1,000,000 events: protestdb vs Datasette on the same SQLite file.

A script, not a test. It

1. builds (once; reused if present) a store of N events by resampling the CCC Phase 3
   rows in ``../shared/data/ccc/`` (dates jittered over 2017-2025, sizes x0.5-2, places
   jittered a few km), bulk-inserted with SQL into the store's own schema (migrations,
   full-text index, facets);
2. starts ``protestdb serve`` and ``datasette serve`` (``pip install datasette``) on
   127.0.0.1 over that file, and sends the same filtered queries to both (parameters drawn
   from one seeded sequence): state + date range, type + issue, text search, map box;
   sequential requests, p50 / p95 latency and requests/s. Both answer with the total count
   of matches (protestdb's ``total``; Datasette counts too: no ``_nocount``), gzip-compressed
   when the server does it (protestdb: GZipMiddleware; the client accepts gzip);
3. times the CSV download (``format=csv``) of 100,000 events, with and without gzip, and
   prints its rate in rows/s;
4. times the first map render of 10,000 events in headless chromium (Playwright).

    nice python benchmarks/web_api.py                 # 1,000,000 events, 200 requests per query
    python benchmarks/web_api.py --events 100000 --requests 50

Only 127.0.0.1 is contacted. Prints a Markdown table (copied into docs/web.md).
"""

from __future__ import annotations

import argparse
import json
import random
import shutil
import socket
import sqlite3
import statistics
import subprocess
import sys
import time
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import httpx

ROOT = Path(__file__).resolve().parents[1]
PROTESTDB = shutil.which("protestdb") or "protestdb"
CCC = ROOT.parent / "shared" / "data" / "ccc" / "ccc-phase3-public_asof-2025-03-06.csv"
STATES = ["CA", "NY", "TX", "FL", "WA", "IL", "PA", "OR", "MA", "OH", "MI", "NJ", "GA", "NC", "CO"]
TYPES_ISSUES = [
    ("march", "immigration"),
    ("rally", "labor"),
    ("demonstration", "palestine"),
    ("rally", "democracy"),
    ("vigil", "guns"),
    ("march", "abortion"),
]
WORDS = ["ICE", "Tesla", "union", "students", "Palestine", "Musk", "deportation", "climate"]
BOXES = [
    (-123.0, 37.0, -121.5, 38.5),
    (-74.5, 40.4, -73.5, 41.0),
    (-88.0, 41.6, -87.4, 42.1),
    (-122.8, 45.3, -122.4, 45.7),
    (-118.7, 33.7, -117.9, 34.3),
    (-77.3, 38.7, -76.8, 39.1),
]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


# ----------------------------------------------------------------------------- data
def ccc_events() -> list[Any]:
    from protestdb.ccc import read_ccc
    from protestdb.ccc.mapping import row_to_event

    return [row_to_event(r.values) for r in read_ccc(CCC).rows]


def build(path: Path, n: int, seed: int = 7) -> float:
    """Write ``n`` resampled CCC events into a new store at ``path``; returns seconds."""
    from protestdb.models import LIST_FIELDS
    from protestdb.resolve.merge import normalize_locality
    from protestdb.store import open_store
    from protestdb.store.sqlite import EVENT_COLUMNS

    t0 = time.perf_counter()
    for suffix in ("", "-wal", "-shm"):
        Path(str(path) + suffix).unlink(missing_ok=True)
    open_store(str(path)).close()  # the schema, by the store's migrations
    base = ccc_events()
    rng = random.Random(seed)
    start, span = date(2017, 1, 1), (date(2025, 12, 31) - date(2017, 1, 1)).days
    conn = sqlite3.connect(str(path), isolation_level=None)
    conn.execute("PRAGMA journal_mode = WAL")
    conn.execute("PRAGMA synchronous = OFF")
    # Bulk load: the per-row insert triggers (change feed, facets, full text, R*Tree) are
    # dropped, and the indexes filled afterwards with the migrations' own bulk statements
    # (the same rows the triggers would write), then the triggers are put back.
    triggers = ("events_change_insert", "events_facets_insert", "events_search_insert", "events_rtree_insert")
    saved = [
        r[0] for r in conn.execute(
            f"SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name IN ({','.join('?' * len(triggers))})",
            triggers,
        )
    ]
    for t in triggers:
        conn.execute(f"DROP TRIGGER IF EXISTS {t}")
    cols = ("id", *EVENT_COLUMNS, "locality_key", "created_at", "updated_at", "origin")
    ins = f"INSERT INTO events({', '.join(cols)}) VALUES ({', '.join('?' * len(cols))})"
    now = "2025-01-01T00:00:00+00:00"
    batch: list[tuple] = []
    conn.execute("BEGIN")
    for i in range(n):
        e = base[rng.randrange(len(base))]
        d = (start + timedelta(days=rng.randrange(span))).isoformat()
        k = rng.uniform(0.5, 2.0)
        lo = int(e.size_low * k) if e.size_low else None
        hi = int(e.size_high * k) if e.size_high else None
        vals = e.model_dump()
        vals.update(
            date=d,
            size_low=lo,
            size_high=hi,
            size_mean=(lo + hi) / 2 if lo and hi else None,
            lat=None if e.lat is None else round(e.lat + rng.uniform(-0.03, 0.03), 5),
            lon=None if e.lon is None else round(e.lon + rng.uniform(-0.03, 0.03), 5),
        )
        row = []
        for c in EVENT_COLUMNS:
            v = vals[c]
            if c in LIST_FIELDS:
                v = json.dumps(v, ensure_ascii=False)
            elif isinstance(v, bool):
                v = int(v)
            row.append(v)
        eid = f"bench_{i:07d}"
        batch.append((eid, *row, normalize_locality(e.locality), now, now, "ccc"))
        if len(batch) >= 20_000:
            conn.executemany(ins, batch)
            batch = []
            print(f"  {i + 1:,} events", file=sys.stderr, flush=True)
    if batch:
        conn.executemany(ins, batch)
    conn.execute("COMMIT")
    print("  filling the facets, full-text and R*Tree indexes ...", file=sys.stderr, flush=True)
    conn.execute("BEGIN")
    for stmt in _bulk_fill_statements():
        conn.execute(stmt)
    conn.execute("COMMIT")
    for sql in saved:
        conn.execute(sql)
    conn.execute("ANALYZE")
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.close()
    return time.perf_counter() - t0


def _bulk_fill_statements() -> list[str]:
    """The migrations' bulk INSERT ... SELECT statements that fill event_facets (0004),
    events_search (0005) and events_rtree (0005) from the events table."""
    import re
    from importlib import resources

    mig = resources.files("protestdb.store").joinpath("migrations")
    m4 = mig.joinpath("0004_web.sql").read_text(encoding="utf-8")
    m5 = mig.joinpath("0005_speed.sql").read_text(encoding="utf-8")
    out = [
        re.search(r"INSERT OR IGNORE INTO event_facets.*?;", m4, flags=re.S),
        re.search(r"INSERT INTO events_search\(rowid.*?FROM events e;", m5, flags=re.S),
        re.search(r"INSERT INTO events_rtree\(id.*?;", m5, flags=re.S),
    ]
    if not all(out):
        raise SystemExit("could not find the bulk statements in the migrations")
    return [m.group(0) for m in out if m]


def migrate(path: Path) -> float:
    """Open the store once (runs new migrations on a file built by an older schema); seconds."""
    from protestdb.store import open_store

    t0 = time.perf_counter()
    open_store(str(path)).close()
    return time.perf_counter() - t0


def count(path: Path) -> int:
    try:
        conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        try:
            return int(conn.execute("SELECT COUNT(*) FROM events").fetchone()[0])
        finally:
            conn.close()
    except sqlite3.Error:
        return -1


# ----------------------------------------------------------------------------- servers
def start(cmd: list[str], url: str, timeout: float = 120) -> subprocess.Popen:
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            if httpx.get(url, timeout=5).status_code < 500:
                return proc
        except httpx.HTTPError:
            pass
        time.sleep(0.3)
    proc.kill()
    raise RuntimeError(f"server did not start: {' '.join(cmd)}")


def queries(rng: random.Random, kind: str) -> tuple[dict[str, Any], list[tuple[str, str]]]:
    """One query as protestdb parameters and as Datasette parameters (same meaning)."""
    base = [
        ("_sort", "date"),
        ("_size", "100"),
        ("_nofacet", "1"),
        ("_nosuggest", "1"),
        ("_shape", "objects"),
    ]
    if kind == "state+dates":
        st, y = rng.choice(STATES), rng.randrange(2017, 2026)
        m = rng.randrange(1, 11)
        since, until = f"{y}-{m:02d}-01", f"{y}-{m + 2:02d}-28"
        return (
            {"state": st, "since": since, "until": until},
            base + [("state", st), ("date__gte", since), ("date__lte", until)],
        )
    if kind == "type+issue":
        t, i = rng.choice(TYPES_ISSUES)
        return (
            {"type": t, "issue": i},
            base
            + [
                (
                    "_where",
                    f"exists (select 1 from event_facets x where x.kind = 'type' and x.value = '{t}'"
                    " and x.event_id = events.id)",
                ),
                (
                    "_where",
                    f"exists (select 1 from event_facets x where x.kind = 'issue' and x.value = '{i}'"
                    " and x.event_id = events.id)",
                ),
            ],
        )
    if kind == "text":
        w = rng.choice(WORDS)
        return (
            {"q": w},
            base + [("_where", f"rowid in (select rowid from events_search where events_search match '\"{w}\"')")],
        )
    box = rng.choice(BOXES)
    return (
        {"bbox": ",".join(map(str, box))},
        base
        + [
            ("lat__gte", str(box[1])),
            ("lat__lte", str(box[3])),
            ("lon__gte", str(box[0])),
            ("lon__lte", str(box[2])),
        ],
    )


def measure(client: httpx.Client, url: str, params_list: list[Any]) -> dict[str, float]:
    times, errors, gz, wire = [], 0, 0, 0
    t0 = time.perf_counter()
    for p in params_list:
        t = time.perf_counter()
        r = client.get(url, params=p)
        times.append((time.perf_counter() - t) * 1000)
        if r.status_code != 200:
            errors += 1
        else:
            body = r.json()
            if body.get("total") is None and body.get("filtered_table_rows_count") is None:
                errors += 1  # every answer must carry its total count
        gz += r.headers.get("content-encoding") == "gzip"
        wire += int(r.headers.get("content-length") or len(r.content))
    total = time.perf_counter() - t0
    times.sort()
    return {
        "p50": statistics.median(times),
        "p95": times[min(len(times) - 1, int(0.95 * len(times)))],
        "rps": len(times) / total,
        "errors": errors,
        "gzip": gz / max(1, len(times)),
        "kb": wire / max(1, len(times)) / 1024,
    }


def bench_csv(db: Path, rows: int = 100_000) -> list[tuple[str, int, float]]:
    """(label, rows, seconds) of CSV downloads of the first ``rows`` events by date."""
    port = free_port()
    srv = start([PROTESTDB, "--db", str(db), "serve", "--port", str(port)], f"http://127.0.0.1:{port}/api/health")
    out = []
    try:
        url = f"http://127.0.0.1:{port}/api/events"
        for label, enc in (("identity", "identity"), ("gzip", "gzip")):
            with httpx.Client(timeout=600, headers={"Accept-Encoding": enc}) as client:
                t = time.perf_counter()
                n = 0
                with client.stream("GET", url, params={"format": "csv", "limit": rows}) as r:
                    for chunk in r.iter_text():
                        n += chunk.count("\n")
                secs = time.perf_counter() - t
                out.append((label, n - 1, secs))
                print(f"  csv ({label}): {n - 1:,} rows in {secs:.2f} s = {(n - 1) / secs:,.0f} rows/s",
                      file=sys.stderr, flush=True)
    finally:
        srv.terminate()
        srv.wait(10)
    return out


KINDS = ("state+dates", "type+issue", "text", "bbox")


def bench_api(db: Path, n_requests: int, seed: int, kinds: list[str]) -> list[dict[str, Any]]:
    pport, dport = free_port(), free_port()
    servers = [
        start(
            [PROTESTDB, "--db", str(db), "serve", "--port", str(pport)],
            f"http://127.0.0.1:{pport}/api/health",
        ),
        start(
            [
                "datasette",
                "serve",
                str(db),
                "--port",
                str(dport),
                "--setting",
                "sql_time_limit_ms",
                "20000",
                "--setting",
                "facet_time_limit_ms",
                "1",
            ],
            f"http://127.0.0.1:{dport}/-/versions.json",
        ),
    ]
    rows = []
    try:
        with httpx.Client(timeout=60) as client:
            for kind in kinds:
                rng = random.Random(seed)
                pairs = [queries(rng, kind) for _ in range(n_requests)]
                # one warm-up of each (opens the store, fills the page cache for both equally)
                client.get(f"http://127.0.0.1:{pport}/api/events", params={**pairs[0][0], "limit": 100})
                client.get(f"http://127.0.0.1:{dport}/{db.stem}/events.json", params=pairs[0][1])
                p = measure(
                    client, f"http://127.0.0.1:{pport}/api/events", [{**a, "limit": 100} for a, _ in pairs]
                )
                d = measure(client, f"http://127.0.0.1:{dport}/{db.stem}/events.json", [b for _, b in pairs])
                rows.append({"query": kind, "protestdb": p, "datasette": d})
                print(
                    f"  {kind}: protestdb p95 {p['p95']:.1f} ms, datasette p95 {d['p95']:.1f} ms",
                    file=sys.stderr,
                    flush=True,
                )
    finally:
        for s in servers:
            s.terminate()
            s.wait(10)
    return rows


def bench_map(db: Path) -> float | None:
    """Milliseconds from navigation start to the first drawn map of every located event."""
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        return None
    port = free_port()
    srv = start(
        [PROTESTDB, "--db", str(db), "serve", "--port", str(port)], f"http://127.0.0.1:{port}/api/health"
    )
    try:
        with sync_playwright() as p:
            b = p.chromium.launch(executable_path="/usr/bin/chromium", args=["--no-sandbox", "--disable-gpu"])
            pg = b.new_page(viewport={"width": 1400, "height": 900})
            pg.goto(f"http://127.0.0.1:{port}/")  # warm: server caches, browser code cache
            pg.wait_for_selector("#map[data-render-ms]", timeout=60000)
            pg.goto(f"http://127.0.0.1:{port}/?x=1")
            pg.wait_for_selector("#map[data-render-ms]", timeout=60000)
            ms = pg.evaluate("performance.now()")
            ms = float(pg.get_attribute("#map", "data-render-done") or ms)
            pts = pg.get_attribute("#map", "data-points")
            b.close()
            print(f"  map: {pts} points drawn in {ms:.0f} ms", file=sys.stderr)
            return ms
    finally:
        srv.terminate()
        srv.wait(10)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--events", type=int, default=1_000_000)
    ap.add_argument("--requests", type=int, default=200, help="requests per query kind and server")
    ap.add_argument("--dir", default="/tmp/protestdb-bench")
    ap.add_argument("--seed", type=int, default=11)
    ap.add_argument("--no-map", action="store_true")
    ap.add_argument("--no-csv", action="store_true")
    ap.add_argument(
        "--only", default="", help="comma-separated query kinds (state+dates,type+issue,text,bbox); default all"
    )
    args = ap.parse_args()
    if not CCC.exists():
        sys.exit(f"needs the CCC file at {CCC}")
    out = Path(args.dir)
    out.mkdir(parents=True, exist_ok=True)
    db = out / f"events{args.events}.sqlite"
    if count(db) != args.events:
        print(f"building {args.events:,} events in {db} ...", file=sys.stderr)
        secs = build(db, args.events)
        print(f"  built in {secs:.0f} s ({db.stat().st_size / 1e6:.0f} MB)", file=sys.stderr)
    print(f"  store opened (migrations) in {migrate(db):.1f} s", file=sys.stderr)
    kinds = [k for k in args.only.split(",") if k] or list(KINDS)
    rows = bench_api(db, args.requests, args.seed, kinds)
    csv_rates = [] if args.no_csv else bench_csv(db, min(100_000, args.events))
    map_ms = None
    if not args.no_map:
        small = out / "events10000.sqlite"
        if count(small) != 10_000:
            build(small, 10_000)
        map_ms = bench_map(small)
    print(
        f"\n{args.events:,} events, {args.requests} sequential requests per query and server, 100 rows each"
        " and the total count of matches\n"
    )
    print("| query | protestdb p50 ms | p95 ms | req/s | kB (gzip) | Datasette p50 ms | p95 ms | req/s | kB |")
    print("|---|---:|---:|---:|---:|---:|---:|---:|---:|")
    for r in rows:
        p, d = r["protestdb"], r["datasette"]
        err = f" ({d['errors']} errors)" if d["errors"] else ""
        perr = f" ({p['errors']} errors)" if p["errors"] else ""
        print(
            f"| {r['query']} | {p['p50']:.1f} | {p['p95']:.1f} | {p['rps']:.0f}{perr} | {p['kb']:.1f}"
            f" ({p['gzip']:.0%}) | {d['p50']:.1f} | {d['p95']:.1f} | {d['rps']:.0f}{err} | {d['kb']:.1f} |"
        )
    for label, n, secs in csv_rates:
        print(f"\nCSV download ({label}): {n:,} rows in {secs:.2f} s = **{n / secs:,.0f} rows/s**", end="")
    if csv_rates:
        print()
    if map_ms is not None:
        print(f"\nFirst map render, 10,000 events, headless chromium: {map_ms:.0f} ms")


if __name__ == "__main__":
    main()
