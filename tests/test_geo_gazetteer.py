"""The compiled gazetteer index (protestdb.geo.gazetteer)."""

from __future__ import annotations

import sqlite3

from protestdb.geo import gazetteer
from protestdb.geo.normalize import name_variants, norm_name


def test_index_is_versioned_sqlite_in_cache_dir():
    path = gazetteer.ensure_index()
    assert path.name == f"gazetteer-v{gazetteer.INDEX_VERSION}.sqlite"
    assert path.parent == gazetteer.index_path().parent
    db = sqlite3.connect(path)
    (n,) = db.execute("SELECT count(*) FROM places WHERE country = 'US'").fetchone()
    assert n > 15000
    (version,) = db.execute("SELECT value FROM meta WHERE key = 'version'").fetchone()
    assert version == gazetteer.INDEX_VERSION
    idx = {r[0] for r in db.execute("SELECT name FROM sqlite_master WHERE type = 'index'")}
    assert "names_norm" in idx
    assert not list(path.parent.glob(f".{path.name}.*.tmp"))  # no leftover temp files


def test_counties_have_fips_for_nearly_all_us_places():
    db = gazetteer.connect()
    total, with_fips = db.execute(
        "SELECT count(*), sum(fips IS NOT NULL) FROM places WHERE country = 'US' AND admin1 != 'PR'"
    ).fetchone()
    assert with_fips / total > 0.99
    assert all(len(f) == 5 for (f,) in db.execute("SELECT fips FROM places WHERE fips IS NOT NULL LIMIT 500"))


def test_stream_parser_reads_records(tmp_path):
    p = tmp_path / "c.json"
    p.write_text('{"1": {"name": "A", "x": [1, 2]},\n "2": {"name": "B, \\"quoted\\"", "x": {}}}', encoding="utf-8")
    assert [r["name"] for r in gazetteer.iter_cities(p)] == ["A", 'B, "quoted"']


def test_name_normalisation():
    assert norm_name("St. Louis") == norm_name("Saint Louis") == "saint louis"
    assert norm_name("San José") == "san jose"
    assert norm_name("Mt. Vernon") == "mount vernon"
    assert "boston" in name_variants("City of Boston")
    assert "cheltenham" in name_variants("Cheltenham Township")
