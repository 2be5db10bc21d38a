"""CCC files on a public server (issue 14): one unclosed quote loses one row and says which
lines; a missing file or a too-large one does not stop the batch; missing columns are warned
about; the import writes in short transactions, so reads stay fast and an ingest beside it
loses no article to "database is locked"."""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import threading
import time
from pathlib import Path

from click.testing import CliRunner
from fastapi.testclient import TestClient

from helpers import phase3_csv
from protestdb.ccc import import_ccc, read_ccc
from protestdb.ccc import reader as ccc_reader
from protestdb.cli import main
from protestdb.pipeline import ingest_paths
from protestdb.store import open_store
from protestdb.web import create_app

SRC = str(Path(__file__).resolve().parents[1] / "src")


def _row(i: int) -> dict[str, str]:
    return {
        "date": f"2024-{1 + i % 12:02d}-{1 + i % 28:02d}",
        "locality": f"Townville{i}",
        "state": ("IL", "OR", "TX", "CA", "NY")[i % 5],
        "event_type": "protest",
        "title": f"Rally number {i}",
        "claims_summary": "for fair rents",
        "size_low": str(10 + i),
        "source1": f"https://paper.example/story/{i}",
    }


def test_one_unclosed_quote_loses_one_row_and_names_its_lines(tmp_path):
    lines = phase3_csv([_row(i) for i in range(50)]).split("\n")
    # row 10 (line 11 of the file) gets a quote that never closes
    lines[11] = lines[11].replace("Rally number 10", '"Rally number 10, the broken one')
    p = tmp_path / "broken.csv"
    p.write_text("\n".join(lines), encoding="utf-8")
    f = read_ccc(p)
    assert len(f.rows) == 49
    assert [r.values["title"] for r in f.rows if r.values["title"].endswith(" 9")] == ["Rally number 9"]
    assert "Rally number 11" in {r.values["title"] for r in f.rows}
    assert len(f.errors) == 1
    e = f.errors[0]
    assert e.line == 12 and "unclosed quote" in e.message and "line 12" in e.message
    assert "resumed at line 13" in e.message


def test_unclosed_quote_in_the_last_row_and_a_legit_multiline_field(tmp_path):
    rows = [_row(i) for i in range(5)]
    rows[1]["notes"] = "first line\nsecond line, still the same field"
    text = phase3_csv(rows).rstrip("\n") + '\n2024-02-02,"Nowhere,IL\n'
    f = ccc_reader.read_ccc_text(text, "x.csv")
    assert len(f.rows) == 5 and f.rows[1].values["notes"].startswith("first line")
    assert len(f.errors) == 1 and "unclosed quote" in f.errors[0].message


def test_missing_and_too_large_files_do_not_stop_the_batch(tmp_path, monkeypatch):
    good = tmp_path / "good.csv"
    good.write_text(phase3_csv([_row(i) for i in range(3)]), encoding="utf-8")
    big = tmp_path / "big.csv"
    big.write_text(phase3_csv([_row(i) for i in range(300)]), encoding="utf-8")
    monkeypatch.setattr(ccc_reader, "MAX_CCC_BYTES", 20_000)
    store = open_store(str(tmp_path / "db.sqlite"))
    try:
        rep = import_ccc(store, [tmp_path / "missing.csv", big, good])
        assert [f.created for f in rep.files] == [0, 0, 3]
        assert "file not found" in rep.files[0].errors[0].message
        assert "file too large" in rep.files[1].errors[0].message
    finally:
        store.close()
    db = str(tmp_path / "cli.sqlite")
    r = CliRunner().invoke(main, ["--db", db, "import-ccc", str(tmp_path / "nope.csv"), str(good)])
    assert r.exit_code == 0, r.output
    assert "file not found" in r.output
    store = open_store(db)
    assert store.counts()["events"] == 3
    store.close()


def test_missing_locality_and_lat_columns_import_with_a_warning(tmp_path):
    import csv
    import io

    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n")
    w.writerow(["date", "state", "event_type", "title"])
    w.writerow(["2024-05-04", "IL", "protest", "Rally at the capitol"])
    p = tmp_path / "thin.csv"
    p.write_text(buf.getvalue(), encoding="utf-8")
    store = open_store(str(tmp_path / "db.sqlite"))
    try:
        rep = import_ccc(store, [p])
        assert rep.files[0].created == 1
        (w1,) = rep.files[0].warnings
        assert "'locality'" in w1 and "'lat'" in w1 and "'lon'" in w1
    finally:
        store.close()
    r = CliRunner().invoke(main, ["--db", str(tmp_path / "c.sqlite"), "import-ccc", str(p)])
    assert r.exit_code == 0 and "warning" in r.output and "'locality'" in r.output


def test_import_in_another_process_neither_slows_reads_nor_skips_articles(tmp_path):
    db = str(tmp_path / "busy.sqlite")
    n_rows = 4000
    csv_path = tmp_path / "many.csv"
    csv_path.write_text(phase3_csv([_row(i) for i in range(n_rows)]), encoding="utf-8")
    texts = tmp_path / "texts"
    texts.mkdir()
    for i in range(40):
        (texts / f"a{i:02d}.txt").write_text(f"Nurses rallied in Dayton on day {i} of the strike.\nMore.")
    open_store(db).close()
    env = {**os.environ, "PYTHONPATH": SRC, "PROTESTDB_CCC_CHUNK_ROWS": "200"}
    proc = subprocess.Popen([sys.executable, "-m", "protestdb.cli", "--db", db, "import-ccc", str(csv_path)],
                            env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    latencies: list[float] = []
    during: list[bool] = []
    try:
        with TestClient(create_app(db)) as c:
            c.get("/api/events?limit=5")
            deadline = time.monotonic() + 60
            store = open_store(db)
            while store.counts()["events"] == 0:  # the import has written its first chunk
                assert time.monotonic() < deadline and proc.poll() is None, proc.stderr.read() if proc.stderr else ""
                time.sleep(0.02)
            store.close()
            report: dict = {}

            def ingest() -> None:
                s = open_store(db)
                try:
                    report["r"] = ingest_paths(s, [str(texts)], progress=False, extractor=lambda *a, **k: [])
                finally:
                    s.close()

            t = threading.Thread(target=ingest)
            t.start()
            while proc.poll() is None and len(latencies) < 400:
                for route in ("/api/events?limit=50", "/api/stats", "/api/events?q=rally&limit=20"):
                    t0 = time.perf_counter()
                    assert c.get(route).status_code == 200
                    latencies.append(time.perf_counter() - t0)
                    during.append(proc.poll() is None)
            t.join(120)
        out, errs = proc.communicate(timeout=120)
        assert proc.returncode == 0, errs
    finally:
        if proc.poll() is None:
            proc.kill()
    assert sum(during) >= 20, "the reads should overlap the import"
    rep = report["r"]
    assert rep.errors == [] and rep.new_articles == 40  # nothing skipped for "database is locked"
    store = open_store(db)
    assert store.counts()["events"] == n_rows
    store.close()
    lat = sorted(x for x, d in zip(latencies, during, strict=True) if d)
    # measured here: median ~10 ms, p95 ~40 ms on a quiet machine, p95 up to ~0.3 s when the
    # machine's cores are all busy; a read blocked by the import's transaction would wait for a
    # whole chunk write or for the import's end (seconds), so the bounds sit well above the
    # noise and well below a blocked read
    assert statistics.median(lat) < 0.1, lat[-10:]
    assert lat[int(len(lat) * 0.95)] < 1.0, lat[-10:]
