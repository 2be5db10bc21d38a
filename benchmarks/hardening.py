"""The attacks and faults of issue 14, measured: decompression bombs (time, peak memory, the
page after the bomb still read), an anonymous 100 MB POST (time to the refusal, server memory
growth), reads while a CCC import runs in another process (latency), an ingest beside it
(articles lost to "database is locked").

    python benchmarks/hardening.py            # about a minute
"""

from __future__ import annotations

import json
import os
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT / "src"), str(ROOT / "tests")]
ENV = {**os.environ, "PYTHONPATH": str(ROOT / "src")}


def bombs() -> None:
    print(f"{'bomb (1 MB -> 1 GB)':28} {'seconds':>8} {'peak MB':>8}  result")
    for kind in ("warc_gz_zeros", "warc_gz_payload", "warc_gz_header_line", "warc_header_line", "http_gzip"):
        with tempfile.TemporaryDirectory() as d:
            out = subprocess.run([sys.executable, str(ROOT / "tests" / "bombs.py"), kind, d],
                                 capture_output=True, text=True, env=ENV, timeout=300)
        r = json.loads(out.stdout.strip().splitlines()[-1])
        errs = [i for i in r["items"] if i.startswith("error")]
        after = "page after it read" if any(i.startswith("article") for i in r["items"]) else ""
        print(f"{kind:28} {r['seconds']:8.2f} {r['peak_mb']:8.0f}  {len(errs)} error; {after}")


def big_post() -> None:
    import socket

    import test_web_hardening as t

    with tempfile.TemporaryDirectory() as d:
        env = t._store(Path(d) / "h.sqlite")
        port = t._free_port()
        proc = subprocess.Popen([sys.executable, "-c", t.SERVER, str(env["path"]), str(port)], env=ENV)
        try:
            while True:
                try:
                    socket.create_connection(("127.0.0.1", port), timeout=1).close()
                    break
                except OSError:
                    time.sleep(0.1)
            s = socket.create_connection(("127.0.0.1", port))
            s.sendall(b"POST /api/articles HTTP/1.1\r\nHost: x\r\nContent-Length: 2\r\n\r\n{}")
            s.recv(100)
            s.close()
            base = t._rss_kb(proc.pid, "VmRSS")
            Path(f"/proc/{proc.pid}/clear_refs").write_text("5")
            size = 100 * 1024 * 1024
            took, answer = t._post_big(
                port, f"POST /api/articles HTTP/1.1\r\nHost: x\r\nContent-Length: {size}\r\n\r\n", size)
            grown = (t._rss_kb(proc.pid, "VmHWM") - base) / 1024
            print(f"anonymous 100 MB POST: {answer[:12].decode()} in {took:.3f} s, server memory +{grown:.1f} MB")
        finally:
            proc.terminate()
            proc.wait(10)


def _writing(db: str) -> bool:
    """True once another process holds the write lock or has written events."""
    import sqlite3

    con = sqlite3.connect(db, timeout=0, isolation_level=None)
    try:
        if con.execute("SELECT COUNT(*) FROM events").fetchone()[0]:
            return True
        con.execute("BEGIN IMMEDIATE")
        con.execute("ROLLBACK")
        return False
    except sqlite3.OperationalError:
        return True
    finally:
        con.close()


def import_beside_reads() -> None:
    from fastapi.testclient import TestClient

    from helpers import phase3_csv
    from protestdb.pipeline import ingest_paths
    from protestdb.store import open_store
    from protestdb.web import create_app
    from test_ccc_hardening import _row

    with tempfile.TemporaryDirectory() as d:
        db = str(Path(d) / "busy.sqlite")
        csv_path = Path(d) / "many.csv"
        n_rows = 20_000
        csv_path.write_text(phase3_csv([_row(i) for i in range(n_rows)]), encoding="utf-8")
        texts = Path(d) / "texts"
        texts.mkdir()
        for i in range(100):
            (texts / f"a{i:03d}.txt").write_text(f"Nurses rallied in Dayton on day {i}.\nMore.")
        open_store(db).close()
        t0 = time.perf_counter()
        proc = subprocess.Popen([sys.executable, "-m", "protestdb.cli", "--db", db, "import-ccc", str(csv_path)],
                                env=ENV, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
        lat: list[float] = []
        rep: dict = {}
        with TestClient(create_app(db)) as c:
            c.get("/api/events?limit=1")
            while proc.poll() is None and not _writing(db):  # the import holds (or held) the write lock
                time.sleep(0.01)

            def ingest() -> None:
                s = open_store(db)
                rep["r"] = ingest_paths(s, [str(texts)], progress=False, extractor=lambda *a, **k: [])
                s.close()

            th = threading.Thread(target=ingest)
            th.start()
            while proc.poll() is None:
                for route in ("/api/events?limit=50", "/api/stats", "/api/events?q=rally&limit=20"):
                    t1 = time.perf_counter()
                    c.get(route)
                    lat.append(time.perf_counter() - t1)
            th.join()
        took = time.perf_counter() - t0
        lat.sort()
        r = rep["r"]
        print(f"CCC import of {n_rows:,} rows in another process: {took:.1f} s; {len(lat)} reads meanwhile: "
              f"median {statistics.median(lat) * 1000:.0f} ms, p95 {lat[int(len(lat) * 0.95)] * 1000:.0f} ms, "
              f"max {lat[-1] * 1000:.0f} ms")
        print(f"ingest beside it: {r.new_articles}/100 articles stored, {len(r.errors)} errors")


if __name__ == "__main__":
    bombs()
    if Path("/proc/self/clear_refs").exists():
        big_post()
    import_beside_reads()
