"""Credit and sources for researchers: CCC credited and its row shown, a codebook, safe CSV.

All rows and texts below are written for these tests.
"""

from __future__ import annotations

import csv
import io
import json
from datetime import date
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from helpers import phase3_csv
from protestdb.ccc import import_ccc
from protestdb.models import Article, EventMention
from protestdb.store import open_store
from protestdb.web import create_app
from protestdb.web.citation import CCC_CREDIT, PROTESTDB_CREDIT
from protestdb.web.renderers import neutralize_cell

CCC_ROW = {
    "date": "2025-02-08",
    "locality": "Dayton",
    "state": "OH",
    "location": "Courthouse Square",
    "type": "rally",
    "claims_summary": "for public libraries",
    "notes": "Organizers counted signatures afterwards.",
    "participant_measures": "speeches; petition",
    "police_measures": "NA",
    "source1": "https://example.org/dayton/library-rally",
    "source2": "https://example.net/news/rally-for-libraries",
    "lat": "39.7589",
    "lon": "-84.1916",
    "valence": "1",
    "size_cat": "2",
}

TEXT = 'About 40 tenants picketed outside the Harbor Lofts office in Tacoma, Wash., on Friday, chanting "=Rent freeze now".'


@pytest.fixture(scope="module")
def client(tmp_path_factory: pytest.TempPathFactory):
    root = tmp_path_factory.mktemp("credits")
    csv_path = root / "ccc-test.csv"
    csv_path.write_text(phase3_csv([CCC_ROW]), encoding="utf-8")
    db = root / "db.sqlite"
    store = open_store(str(db))
    import_ccc(store, [csv_path])
    _add_extracted(store)
    store.close()
    with TestClient(create_app(str(db))) as c:
        yield c


def _add_extracted(store) -> None:
    art = Article.make(TEXT, published=date(2025, 3, 8), outlet="Test Outlet", url="https://example.org/t")
    aid, _ = store.add_article(art)
    quote = "=Rent freeze now"
    m = EventMention(date="2025-03-07", locality="Tacoma", state="WA", country="US",
                     event_type=["picket"], claims_verbatim=[quote])
    start = TEXT.index(quote)
    m.add_evidence("claims_verbatim", start, start + len(quote), quote, aid)
    store.add_mentions(art, [m])


def _event_ids(client: TestClient) -> dict[str, str]:
    body = client.get("/api/events").json()
    return {e["locality"]: e["id"] for e in body["events"]}


def test_ccc_event_shows_its_row_sources_notes_and_credit(client: TestClient) -> None:
    ids = _event_ids(client)
    ev = client.get(f"/api/events/{ids['Dayton']}").json()["event"]
    assert ev["origin"] == "ccc"
    assert ev["credit"] == CCC_CREDIT
    (rec,) = ev["ccc"]
    assert rec["file"].endswith("ccc-test.csv") and rec["line"] == 2
    assert rec["sources"] == [CCC_ROW["source1"], CCC_ROW["source2"]]
    assert rec["notes"] == CCC_ROW["notes"]
    assert rec["participant_measures"] == CCC_ROW["participant_measures"]
    assert rec["police_measures"] is None  # "NA" is no value


def test_extracted_event_credits_protestdb(client: TestClient) -> None:
    ev = client.get(f"/api/events/{_event_ids(client)['Tacoma']}").json()["event"]
    assert ev["credit"] == PROTESTDB_CREDIT and ev["ccc"] == []


def test_csv_download_neutralizes_formulas_and_credits_each_row(client: TestClient) -> None:
    r = client.get("/api/events", params={"format": "csv"})
    assert r.status_code == 200
    rows = {row["locality"]: row for row in csv.DictReader(io.StringIO(r.text))}
    assert rows["Tacoma"]["claims_verbatim"] == "'=Rent freeze now"
    assert rows["Tacoma"]["credit"] == PROTESTDB_CREDIT
    assert rows["Dayton"]["credit"] == CCC_CREDIT
    assert rows["Dayton"]["lon"] == "-84.1916"  # numbers are not touched


def test_geojson_and_json_carry_a_citation(client: TestClient) -> None:
    gj = json.loads(client.get("/api/events", params={"format": "geojson"}).text)
    assert "Crowd Counting Consortium" in gj["metadata"]["citation"]["ccc"]
    assert [f["properties"]["locality"] for f in gj["features"]] == ["Dayton"]  # located events only
    body = client.get("/api/events").json()
    assert "protestdb" in body["citation"]["protestdb"]


def test_codebook_and_about_pages(client: TestClient) -> None:
    cb = client.get("/api/codebook").json()
    assert dict((str(k), v) for k, v in cb["valence"])["1"] == "left-wing"
    assert [k for k, _ in cb["size_cat"]] == [0, 1, 2, 3, 4]
    assert {"date_precision", "geo_precision"} <= {f for f, _ in cb["fields"]}
    for page, words in (("/about", "Crowd Counting Consortium"), ("/codebook", "Codebook")):
        r = client.get(page)
        assert r.status_code == 200 and words in r.text
        assert "script-src 'self'" in r.headers["content-security-policy"]
    assert 'href="/about"' in client.get("/").text


@pytest.mark.parametrize(
    ("cell", "out"),
    [("=1+1", "'=1+1"), ("+SUM(A1)", "'+SUM(A1)"), ("-cmd", "'-cmd"), ("@x", "'@x"), ("\tx", "'\tx"),
     ("-84.19", "-84.19"), ("12", "12"), ("", ""), ("rally", "rally")],
)
def test_neutralize_cell(cell: str, out: str) -> None:
    assert neutralize_cell(cell) == out


def test_cli_export_stays_exact(tmp_path: Path) -> None:
    from click.testing import CliRunner

    from protestdb.cli import main

    res = CliRunner().invoke(main, ["export", "--help"])
    assert "exact" in res.output.lower()
