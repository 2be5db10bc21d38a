"""The web CSV download's fast path (rows straight from SQL) writes exactly what the model path
(``event_to_row`` + ``reconcile_row`` + formula neutralizing) writes: extracted events, imported
CCC rows (raw strings written back), hand-made CCC rows with formula-leading cells, every sort.

The rate itself is measured by ``benchmarks/web_api.py`` (not a timed test).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from helpers import phase3_csv
from protestdb.ccc import import_ccc
from protestdb.store import open_store
from protestdb.web import renderers
from test_web_api import build_store

CCC = Path(__file__).parents[1].parent / "shared" / "data" / "ccc" / "ccc-phase3-public_asof-2025-03-06.csv"


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory):
    d = tmp_path_factory.mktemp("csvspeed")
    path = d / "events.sqlite"
    build_store(path)
    own = d / "ccc-phase3-handmade_asof-2025-05-01.csv"
    own.write_text(
        phase3_csv(
            [
                {"date": "2025-05-01", "locality": "Albany", "state": "NY", "title": "=HYPERLINK(\"x\")",
                 "event_type": "rally", "claims_verbatim": "+1 for workers; -down with fees", "size_low": "40",
                 "arrests": "unspecified", "source1": "https://example.org/a", "notes": "@here"},
                {"date": "2025-05-02", "locality": "Troy", "state": "NY", "title": "Vigil", "event_type": "vigil",
                 "lat": "42.7284", "lon": "-73.6918", "size_low": "12", "size_high": "30"},
            ]
        ),
        encoding="utf-8",
    )
    files = [own]
    if CCC.exists():  # the first rows of the real CCC file, in a temporary file
        head = b"\r\n".join(CCC.read_bytes().split(b"\r\n")[:300]) + b"\r\n"
        part = d / "ccc-phase3-part_asof-2025-03-06.csv"
        part.write_bytes(head)
        files.append(part)
    s = open_store(str(path))
    import_ccc(s, files)
    yield s
    s.close()


@pytest.mark.parametrize(("sort", "order"), [("date", "asc"), ("size", "desc"), ("state", "asc")])
def test_fast_csv_equals_the_model_path(store, sort, order):
    slow = "".join(
        renderers.csv_stream(
            store.iter_events({}, sort=sort, order=order), store.ccc_raw_rows, safe=True, origins=store.event_origins
        )
    )
    fast = "".join(renderers.csv_rows_stream(store.iter_export_pages({}, sort=sort, order=order, page=7),
                                             store.ccc_raw_rows, safe=True))
    assert store.count_events() >= 6
    assert fast.count("\n") == store.count_events() + 1
    assert fast == slow
    assert "'=HYPERLINK" in fast and "'@here" in fast and ",-73.6918," in fast


def test_fast_csv_follows_filters(store):
    fast = "".join(renderers.csv_rows_stream(store.iter_export_pages({"state": ["NY"]}), store.ccc_raw_rows))
    assert fast.count("\n") == 1 + store.count_events({"state": ["NY"]})
