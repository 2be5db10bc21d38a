"""Exports: CCC Phase 3 CSV, full JSON, GeoJSON."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest

from protestdb.export import ccc_columns, events_to_rows, write_ccc_csv, write_geojson, write_json
from protestdb.models import Event, Evidence, Source

CCC_CSV = Path(__file__).parents[1].parent / "shared" / "data" / "ccc" / "ccc-phase3-public_asof-2025-03-06.csv"


def _events() -> list[Event]:
    a = Event(
        id="ev_a", date="2024-05-07", locality="Springfield", state="IL", country="US", county="Sangamon County",
        fips_code="17167", lat=39.8, lon=-89.64, location="City Hall", event_type=["rally", "march"],
        organizations=["Nurses United", "Tenant Union"], claims_summary=["for safe staffing", "against cuts"],
        claims_verbatim=["Safe staffing saves lives"], size_text="hundreds; 450", size_low=200, size_high=450,
        size_mean=325.0, size_cat=2, arrests=0, valence=1, issues=["labor"],
        sources=[Source(article_id="x1", url="https://a.example/1"), Source(article_id="x2", url="https://b.example/2")],
        evidence={"locality": [Evidence(start=3, end=14, quote="Springfield", article_id="x1")]},
    )
    b = Event(id="ev_b", date="2024-05-08", event_type=["boycott"], announced_only=True,
              sources=[Source(article_id="x3", outlet="Radio X")])
    return [a, b]


def test_ccc_columns_match_the_ccc_file() -> None:
    cols = ccc_columns()
    assert cols[0] == "date" and "claims_summary" in cols and "source30" in cols and "size_cat" in cols
    if CCC_CSV.exists():
        with CCC_CSV.open(encoding="utf-8") as fh:
            header = next(csv.reader(fh))
        assert list(cols) == header


def test_ccc_rows() -> None:
    rows = events_to_rows(_events())
    a, b = rows
    assert list(a) == list(ccc_columns())
    assert a["event_type"] == "rally; march" and a["organizations"] == "Nurses United; Tenant Union"
    assert a["claims_summary"] == "for safe staffing; against cuts"
    assert (a["size_low"], a["size_high"], a["size_mean"], a["size_cat"]) == ("200", "450", "325", "2")
    assert (a["fips_code"], a["lat"], a["lon"], a["resolved_county"]) == ("17167", "39.8", "-89.64", "Sangamon County")
    assert (a["source1"], a["source2"], a["source3"]) == ("https://a.example/1", "https://b.example/2", "")
    assert (a["arrests"], a["arrests_any"], a["valence"]) == ("0", "0", "1")
    assert b["locality"] == "" and b["size_low"] == "" and b["size_cat"] == "0" and b["source1"] == "Radio X"
    assert "announced" in b["notes"]
    extra = events_to_rows(_events(), extra=True)[0]
    assert extra["protestdb_id"] == "ev_a" and extra["issues"] == "labor"


def test_write_ccc_csv_roundtrip() -> None:
    buf = io.StringIO()
    assert write_ccc_csv(_events(), buf) == 2
    rows = list(csv.DictReader(io.StringIO(buf.getvalue())))
    assert len(rows) == 2 and rows[0]["locality"] == "Springfield" and rows[1]["event_type"] == "boycott"


def test_write_json_full_records() -> None:
    buf = io.StringIO()
    assert write_json(_events(), buf) == 2
    data = json.loads(buf.getvalue())
    assert data[0]["id"] == "ev_a" and data[0]["evidence"]["locality"][0]["quote"] == "Springfield"
    assert [s["url"] for s in data[0]["sources"]] == ["https://a.example/1", "https://b.example/2"]
    lines = io.StringIO()
    write_json(_events(), lines, lines=True)
    assert [json.loads(x)["id"] for x in lines.getvalue().splitlines()] == ["ev_a", "ev_b"]


@pytest.mark.parametrize("unlocated", [False, True])
def test_geojson(unlocated: bool) -> None:
    buf = io.StringIO()
    n = write_geojson(_events(), buf, include_unlocated=unlocated)
    fc = json.loads(buf.getvalue())
    assert fc["type"] == "FeatureCollection" and len(fc["features"]) == n == (2 if unlocated else 1)
    f = fc["features"][0]
    assert f["geometry"] == {"type": "Point", "coordinates": [-89.64, 39.8]}
    assert f["properties"]["locality"] == "Springfield" and f["properties"]["event_type"] == ["rally", "march"]
    assert f["properties"]["source_urls"] == ["https://a.example/1", "https://b.example/2"]
    assert "evidence" not in f["properties"]
