"""End to end through the CLI: the seed article, the bundled examples, bad input, idempotency."""

from __future__ import annotations

import json
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from protestdb.cli import main

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
SEED = SHARED / "seed" / "day-without-immigrants-2025.txt"
SEED_GOLD = SHARED / "gold" / "seed.jsonl"
EXAMPLES = ROOT / "examples"

needs_shared = pytest.mark.skipif(not SEED.exists(), reason="../shared is not present")


def run(*args: str, db: Path | None = None) -> tuple[int, str, str]:
    runner = CliRunner()
    argv = (["--db", str(db)] if db else []) + list(args)
    res = runner.invoke(main, argv, catch_exceptions=False)
    return res.exit_code, res.stdout, res.stderr


@pytest.fixture(scope="module")
def seed_result() -> dict:
    code, out, _ = run("extract", str(SEED), "--published", "2025-03-03", "--format", "json")
    assert code == 0
    return json.loads(out)


def _find(events: list[dict], locality: str | None, *, type_: str | None = None, venue: str | None = None) -> dict:
    hits = [
        e
        for e in events
        if e.get("locality") == locality
        and (type_ is None or type_ in e.get("event_type", []))
        and (venue is None or venue.lower() in (e.get("location") or "").lower())
    ]
    assert len(hits) == 1, f"expected one event at {locality} {type_} {venue}, got {len(hits)}: {events}"
    return hits[0]


@needs_shared
def test_seed_has_its_five_events(seed_result: dict) -> None:
    evs = seed_result["events"]
    assert seed_result["is_protest_report"] is True
    assert len(evs) == 5
    assert all(e["date"] == "2025-03-03" for e in evs)

    plaza = _find(evs, "Los Angeles", venue="Mariachi Plaza")
    assert plaza["state"] == "CA"
    assert set(plaza["event_type"]) >= {"rally", "march"}
    assert plaza["size_low"] == 200
    orgs = " | ".join(plaza["organizations"]).lower()
    for name in ("national day laborer organizing network", "jornaleros del norte", "party for socialism and liberation"):
        assert name in orgs
    assert len(plaza["organizations"]) == 3

    eliz = _find(evs, "Elizabeth")
    assert eliz["state"] == "NJ"
    assert "rally" in eliz["event_type"]
    targets = " | ".join(eliz["targets"])
    assert "ICE" in targets or "Immigration and Customs Enforcement" in targets
    assert "CoreCivic" in targets

    sj = _find(evs, "San Jose")
    assert sj["state"] == "CA" and "walkout" in sj["event_type"]

    usc = _find(evs, "Los Angeles", type_="march", venue="Southern California")
    assert usc["state"] == "CA"
    assert any("SEIU" in o or "Service Employees International Union" in o for o in usc["organizations"])

    nation = _find(evs, None)
    assert "boycott" in nation["event_type"]
    assert nation["country"] == "US"


@needs_shared
def test_seed_every_field_has_evidence_at_its_offsets(seed_result: dict) -> None:
    text = SEED.read_text(encoding="utf-8")
    n_fields = 0
    for ev in seed_result["events"]:
        for field, spans in ev["evidence"].items():
            for sp in spans:
                assert text[sp["start"] : sp["end"]] == sp["quote"], (field, sp)
        for field in ("date", "locality", "state", "event_type", "organizations", "targets", "size_low"):
            if ev.get(field) not in (None, [], ""):
                n_fields += 1
                assert ev["evidence"].get(field), f"{field} has no evidence"
    assert n_fields >= 15


@needs_shared
def test_eval_on_seed_gold(tmp_path: Path) -> None:
    out = tmp_path / "scores.json"
    code, stdout, _ = run("eval", str(SEED_GOLD), "--json", str(out))
    assert code == 0
    assert "f1" in stdout.lower()
    scores = json.loads(out.read_text())
    assert scores["events"]["f1"] >= 0.9
    assert scores["evidence_coverage"] >= 0.95
    assert scores["relevance"]["f1"] == 1.0


def _counts(db: Path) -> tuple[int, int]:
    con = sqlite3.connect(db)
    try:
        return (
            con.execute("select count(*) from articles").fetchone()[0],
            con.execute("select count(*) from events").fetchone()[0],
        )
    finally:
        con.close()


@needs_shared
def test_ingesting_the_seed_twice_changes_nothing(tmp_path: Path) -> None:
    db = tmp_path / "p.sqlite"
    code, _, _ = run("ingest", str(SEED), "--published", "2025-03-03", db=db)
    assert code == 0
    first = _counts(db)
    code, out1, _ = run("events", "--format", "json", db=db)
    code, _, err = run("ingest", str(SEED), "--published", "2025-03-03", db=db)
    assert code == 0
    assert _counts(db) == first == (1, 5)
    _, out2, _ = run("events", "--format", "json", db=db)
    ids1 = sorted(e["id"] for e in json.loads(out1))
    ids2 = sorted(e["id"] for e in json.loads(out2))
    assert ids1 == ids2 and len(ids1) == 5


@pytest.fixture(scope="module")
def examples_db(tmp_path_factory) -> Path:
    db = tmp_path_factory.mktemp("ex") / "examples.sqlite"
    code, _, err = run("ingest", str(EXAMPLES), db=db)
    assert code == 0, err
    return db


def test_examples_ingest_show_and_export(examples_db: Path, tmp_path: Path) -> None:
    n_articles, n_events = _counts(examples_db)
    assert n_articles == len([p for p in EXAMPLES.iterdir() if p.suffix in (".txt", ".html")])
    assert n_events >= 10  # the roundup alone lists ten or more cities

    _, out, _ = run("events", "--format", "json", db=examples_db)
    evs = json.loads(out)
    assert len(evs) == n_events
    located = [e for e in evs if e.get("lat") is not None]
    assert len(located) >= n_events - 2
    # no event from the business story about stocks
    assert not any("stock" in " ".join(e.get("claims_summary", [])).lower() for e in evs)

    code, out, _ = run("show", evs[0]["id"], db=examples_db)
    assert code == 0
    assert "Evidence" in out and "Sources" in out

    csv_path = tmp_path / "ccc.csv"
    code, _, _ = run("export", "--format", "ccc-csv", "-o", str(csv_path), db=examples_db)
    assert code == 0
    import csv

    rows = list(csv.DictReader(csv_path.open(encoding="utf-8")))
    assert len(rows) == n_events
    assert {"date", "locality", "state", "event_type", "size_low", "lat", "lon"} <= set(rows[0])

    code, out, _ = run("export", "--format", "geojson", db=examples_db)
    gj = json.loads(out)
    assert gj["type"] == "FeatureCollection" and len(gj["features"]) == len(located)

    code, out, _ = run("events", "--format", "json", "--state", "TX", db=examples_db)
    assert all(e["state"] == "TX" for e in json.loads(out))


def test_bad_input_is_reported_and_the_batch_goes_on(tmp_path: Path) -> None:
    good = tmp_path / "good.txt"
    good.write_text(
        "Published: 2025-04-12\n\nPORTLAND, Ore. — About 300 nurses picketed outside a hospital on Friday, "
        "demanding safe staffing, their union said.\n",
        encoding="utf-8",
    )
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "junk.txt").write_bytes(bytes(range(256)) * 40)
    db = tmp_path / "p.sqlite"
    code, _, err = run("ingest", str(good), str(tmp_path / "empty.txt"), str(tmp_path / "junk.txt"), db=db)
    assert code == 0
    assert "empty.txt" in err and "junk.txt" in err
    assert _counts(db)[0] == 1

    code, _, err = run("ingest", str(tmp_path / "empty.txt"), db=tmp_path / "q.sqlite")
    assert code != 0 and "empty.txt" in err


def test_extract_jsonl_batch(tmp_path: Path) -> None:
    src = tmp_path / "in.jsonl"
    lines = [
        {"id": "a", "text": "Hundreds of teachers rallied at the state capitol in Austin, Texas, on Monday.", "published": "2025-05-07"},
        {"id": "b", "text": "Stocks rally as tech shares climb to a record high.", "published": "2025-05-07"},
        "{not json",
    ]
    src.write_text("\n".join(x if isinstance(x, str) else json.dumps(x) for x in lines) + "\n", encoding="utf-8")
    code, out, err = run("extract", "--jsonl", str(src))
    assert code == 0
    rows = [json.loads(x) for x in out.splitlines() if x.strip()]
    assert [r["id"] for r in rows] == ["a", "b", 3]
    assert rows[0]["is_protest_report"] is True and rows[0]["events"][0]["state"] == "TX"
    assert rows[1]["is_protest_report"] is False and rows[1]["events"] == []
    assert "error" in rows[2] and "in.jsonl:3" in err


def test_console_script_is_installed() -> None:
    res = subprocess.run([sys.executable, "-m", "protestdb.cli", "--help"], capture_output=True, text=True, timeout=60)
    assert res.returncode == 0
    for cmd in ("ingest", "extract", "events", "show", "export", "eval", "serve", "geocode"):
        assert cmd in res.stdout
