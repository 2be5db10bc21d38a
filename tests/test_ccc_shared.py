"""Round trip import -> export -> import on EVERY row of the shared CCC files (skipped if absent)."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from protestdb.ccc import import_ccc, read_ccc
from protestdb.export import ccc_columns, write_ccc_csv
from protestdb.store import open_store

SHARED = Path(__file__).parents[1].parent / "shared" / "data" / "ccc"
FILES = (
    "ccc-phase3-public_asof-2025-03-06.csv",
    "ccc-phase3-left_asof-2025-04-04.csv",
    "ccc-phase3-left-tagged_asof-2025-04-04.csv",
)


def _records(store) -> dict[str, str]:
    return {
        e.id: e.model_dump_json(exclude={"created_at", "updated_at", "sources"}) + f"|{len(e.sources)}"
        for e in store.query_events()
    }


@pytest.mark.slow
@pytest.mark.parametrize("name", FILES)
def test_round_trip_is_exact_for_every_row(name: str, tmp_path: Path):
    path = SHARED / name
    if not path.exists():
        pytest.skip(f"{path} not available")
    first = open_store(":memory:")
    rep = import_ccc(first, [path]).files[0]
    n_lines = sum(1 for line in path.read_bytes().split(b"\n") if line.strip()) - 1
    assert (
        rep.rows + len(rep.errors) == n_lines
    )  # every record imported or reported (no quoted newlines here)
    assert rep.created == rep.rows  # rows of one file are distinct events
    buf = io.StringIO()
    write_ccc_csv(first.query_events(), buf, raw=first.ccc_raw_rows())
    out = tmp_path / "export.csv"
    out.write_text(buf.getvalue(), encoding="utf-8")
    again = read_ccc(out)
    assert not again.errors and len(again.rows) == rep.rows
    second = open_store(":memory:")
    import_ccc(second, [out])
    assert _records(first) == _records(second)
    cols = ccc_columns()
    raw1, raw2 = first.ccc_raw_rows(), second.ccc_raw_rows()
    assert {k: [v.get(c, "") for c in cols] for k, v in raw1.items()} == {
        k: [v.get(c, "") for c in cols] for k, v in raw2.items()
    }
