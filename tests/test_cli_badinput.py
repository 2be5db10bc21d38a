"""Bad input through the CLI: one clear line naming the file, no traceback, nothing lost.

Pins the bugs found in the QA pass over the README tour and bad input.
"""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest
from click.testing import CliRunner

from protestdb import settings
from protestdb.ccc.reader import read_ccc, read_ccc_text
from protestdb.cli import main
from protestdb.models import Article, EventMention
from protestdb.store import open_store

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"

TEXT = (
    "Tenants rally for rent control in Dayton\n\n"
    "About 150 tenants rallied outside City Hall in Dayton, Ohio, on Saturday, calling on the "
    "city council to cap rent increases. The Dayton Tenants Union organized the protest."
)


def run(*args: str, db: Path | None = None, stdin: str | None = None):
    argv = (["--db", str(db)] if db else []) + list(args)
    return CliRunner().invoke(main, argv, input=stdin)


def assert_clean_error(res, *needles: str) -> None:
    """Exit 1, one 'Error:' line naming what failed, and no Python traceback."""
    assert res.exit_code == 1, (res.exit_code, res.stdout, res.stderr, res.exception)
    assert "Traceback" not in res.stderr and "Traceback" not in res.stdout
    assert not isinstance(res.exception, Exception) or isinstance(res.exception, SystemExit)
    for n in needles:
        assert n in res.stderr, res.stderr


@pytest.fixture
def small_db(tmp_path: Path) -> tuple[Path, str, str]:
    """A store with one hand-made event (no spaCy needed)."""
    db = tmp_path / "one.sqlite"
    store = open_store(db)
    art = Article.make(TEXT, title="Tenants rally", published=date(2025, 3, 1))
    i = TEXT.index("Dayton, Ohio")
    m = EventMention(date="2025-03-01", locality="Dayton", state="OH", event_type=["rally"])
    m.add_evidence("locality", i, i + 6, "Dayton")
    res = store.ingest(art, [m])
    store.close()
    return db, (res.created or res.updated)[0], art.id


# --------------------------------------------------------------------------- show
def test_show_prints_the_article_id_of_each_source(small_db) -> None:
    db, event_id, article_id = small_db
    res = run("show", event_id, db=db)
    assert res.exit_code == 0
    # rich markup used to swallow "[article ...]" as a style tag
    assert f"[article {article_id[:12]}]" in res.stdout


def test_show_unknown_id_is_a_clear_error(small_db) -> None:
    db, _, _ = small_db
    assert_clean_error(run("show", "ev_nope", db=db), "ev_nope")


# --------------------------------------------------------------------------- --db
@pytest.mark.parametrize("cmd", [["events"], ["show", "ev_x"], ["export", "--format", "json"], ["summary"]])
def test_reading_commands_do_not_create_a_database_at_a_mistyped_path(tmp_path: Path, cmd) -> None:
    db = tmp_path / "typo" / "x.sqlite"
    res = run(*cmd, db=db)
    assert_clean_error(res, "no database at", str(db))
    assert not db.exists() and not db.parent.exists()


def test_db_that_is_a_folder_or_not_sqlite(tmp_path: Path) -> None:
    assert_clean_error(run("events", db=tmp_path), "it is a folder, not a file", str(tmp_path))
    junk = tmp_path / "junk.sqlite"
    junk.write_bytes(b"\x00\x01not a database" * 200)
    assert_clean_error(run("events", db=junk), "junk.sqlite")
    assert_clean_error(run("--db", "postgresql://h/db", "events"), "PostgreSQL")


def test_events_since_not_a_date(small_db) -> None:
    db, _, _ = small_db
    res = run("events", "--since", "notadate", db=db)
    assert res.exit_code == 2 and "notadate" in res.stderr and "Traceback" not in res.stderr


def test_export_to_a_missing_folder_is_a_clear_error(small_db, tmp_path: Path) -> None:
    db, _, _ = small_db
    out = tmp_path / "no" / "such" / "dir" / "events.csv"
    assert_clean_error(run("export", "--format", "ccc-csv", "-o", str(out), db=db), "cannot write", "events.csv")


# --------------------------------------------------------------------------- extract
def test_extract_jsonl_bad_lines_are_reported_and_skipped(tmp_path: Path) -> None:
    src = tmp_path / "batch.jsonl"
    lines = [
        json.dumps({"id": "ok", "text": "No protest here, just a bake sale at the library."}),
        "this is not json",
        json.dumps({"id": "intdate", "text": "A quiet day.", "published": 20250303}),  # used to crash the batch
        json.dumps({"id": "baddate", "text": "A quiet day.", "published": ["x"]}),
        json.dumps(["a", "list"]),
        json.dumps({"id": "nothing"}),
        json.dumps({"id": "last", "text": "Another quiet day at the park."}),
    ]
    src.write_text("\n".join(lines) + "\n", encoding="utf-8")
    res = run("extract", "--jsonl", str(src))
    assert res.exit_code == 0, res.stderr
    out = [json.loads(x) for x in res.stdout.splitlines()]
    assert [o["id"] for o in out] == ["ok", 2, "intdate", "baddate", 5, "nothing", "last"]
    errs = {o["id"]: o["error"] for o in out if "error" in o}
    assert set(errs) == {2, "baddate", 5, "nothing"}
    assert "malformed JSON" in errs[2] and "published" in errs["baddate"]
    assert f"{src}:2:" in res.stderr and f"{src}:4:" in res.stderr
    assert "Traceback" not in res.stderr


def test_extract_jsonl_binary_file(tmp_path: Path) -> None:
    src = tmp_path / "junk.jsonl"
    src.write_bytes(b"\x00\xff\x10" * 1000)
    assert_clean_error(run("extract", "--jsonl", str(src)), "junk.jsonl", "binary")


def test_extract_a_folder_or_binary_or_empty_file(tmp_path: Path) -> None:
    assert_clean_error(run("extract", str(tmp_path)), ": is a folder (")
    (tmp_path / "b.txt").write_bytes(b"\x00\x01\x02" * 100)
    assert_clean_error(run("extract", str(tmp_path / "b.txt")), "b.txt")
    (tmp_path / "e.txt").write_text("", encoding="utf-8")
    assert_clean_error(run("extract", str(tmp_path / "e.txt")), "e.txt", "empty")


def test_too_long_text_is_a_clear_error_not_minutes_of_work(tmp_path: Path, monkeypatch) -> None:
    from protestdb.extract import extract_text

    monkeypatch.setattr(settings, "MAX_EXTRACT_CHARS", 500)
    long_text = "Protesters marched downtown on Saturday. " * 50  # 2,050 characters
    with pytest.raises(ValueError, match="too long"):
        extract_text(long_text)
    f = tmp_path / "long.txt"
    f.write_text(long_text, encoding="utf-8")
    res = run("extract", str(f))
    assert_clean_error(res, "long.txt", "too long")
    assert len([ln for ln in res.stderr.splitlines() if ln.strip()]) == 1
    # in a batch the long article is reported and the others still go in
    db = tmp_path / "b.sqlite"
    (tmp_path / "short.txt").write_text("Nothing happened at the park today.", encoding="utf-8")
    res = run("ingest", str(f), str(tmp_path / "short.txt"), "--no-progress", db=db)
    assert res.exit_code == 0
    assert "long.txt" in res.stderr and "too long" in res.stderr and "1 new" in res.stderr


def test_ingest_error_lines_are_not_wrapped(tmp_path: Path) -> None:
    missing = tmp_path / ("a-very-long-folder-name-" * 5) / "missing-article-file.txt"
    res = run("ingest", str(missing), "--no-progress", db=tmp_path / "w.sqlite")
    assert res.exit_code == 1
    lines = [ln for ln in res.stderr.splitlines() if str(missing) in ln]
    assert lines and lines[0].startswith("error ")  # the whole path on one line


# --------------------------------------------------------------------------- import-ccc
CCC_HEADER = "date,locality,state,event_type,size_text\n"


def test_read_ccc_binary_and_broken_rows(tmp_path: Path) -> None:
    b = tmp_path / "junk.csv"
    b.write_bytes(b"\x00\x9f\x10,\n" * 300)
    assert read_ccc(b).rows == [] and "binary" in read_ccc(b).errors[0].message
    # a quote inside an unquoted cell that spans lines used to raise csv.Error
    f = read_ccc_text(CCC_HEADER + '2025-03-01,Dayton,OH,rally,50\n2025-03-02,Da"yton\nOH"x,OH,rally,5\n')
    assert len(f.rows) == 1 and len(f.errors) == 1 and f.errors[0].line == 3
    bad_header = read_ccc_text('da"te\nx",b\n1,2\n')
    assert bad_header.rows == [] and bad_header.errors


def test_import_ccc_bad_files_are_named_and_skipped(tmp_path: Path) -> None:
    db = tmp_path / "c.sqlite"
    empty = tmp_path / "empty.csv"
    empty.write_text("", encoding="utf-8")
    junk = tmp_path / "junk.csv"
    junk.write_bytes(bytes(range(256)) * 20)
    wrong = tmp_path / "wrong.csv"
    wrong.write_text("foo,bar\n1,2\n", encoding="utf-8")
    res = run("import-ccc", str(empty), str(junk), str(wrong), db=db)
    assert_clean_error(res, "empty.csv", "junk.csv", "wrong.csv")
    good = tmp_path / "good.csv"
    good.write_text(CCC_HEADER + "2025-03-01,Dayton,OH,rally,50\n2025-03-01,Dayton\n", encoding="utf-8")
    res = run("import-ccc", str(junk), str(good), db=db)
    assert res.exit_code == 0, res.stderr
    assert "junk.csv" in res.stderr and "Traceback" not in res.stderr


# --------------------------------------------------------------------------- eval / geocode / demo
def test_eval_bad_gold_line_and_missing_text(tmp_path: Path) -> None:
    gold = tmp_path / "gold.jsonl"
    gold.write_text('{"doc_id": "a", "text": "x", "events": []}\nnot json\n', encoding="utf-8")
    assert_clean_error(run("eval", str(gold)), f"{gold}:2")
    gold.write_bytes(b"\xff\xfe\x00\x00junk")
    assert_clean_error(run("eval", str(gold)), "gold.jsonl")
    missing = tmp_path / "missing.jsonl"
    missing.write_text('{"doc_id": "m1", "text_file": "nowhere/m1.txt", "is_protest_report": true, "events": []}\n',
                       encoding="utf-8")
    res = run("eval", str(missing))
    assert res.exit_code == 1 and "m1" in res.stderr and "could not be scored" in res.stderr
    assert "Traceback" not in res.stderr


def test_geocode_file_binary_or_empty(tmp_path: Path) -> None:
    b = tmp_path / "b.txt"
    b.write_bytes(b"\x00\x01" * 50)
    assert_clean_error(run("geocode", "--file", str(b)), "b.txt", "binary")
    e = tmp_path / "e.txt"
    e.write_text("\n   \n\n", encoding="utf-8")
    assert_clean_error(run("geocode", "--file", str(e)), "e.txt")


def test_demo_with_nothing_readable_stops(tmp_path: Path) -> None:
    res = run("demo", str(tmp_path / "nope"), "--no-serve", db=tmp_path / "d.sqlite")
    assert_clean_error(res, "nope", "nothing could be read")


def test_ingest_an_empty_folder_says_so(tmp_path: Path) -> None:
    empty = tmp_path / "nothing-here"
    empty.mkdir()
    res = run("ingest", str(empty), "--no-progress", db=tmp_path / "e.sqlite")
    assert res.exit_code == 1 and "no articles found" in res.stderr and "nothing-here" in res.stderr


def test_one_bad_file_in_a_folder_never_stops_the_batch(tmp_path: Path) -> None:
    folder = tmp_path / "mixed"
    folder.mkdir()
    (folder / "a.txt").write_text("Nothing happened at the park today.", encoding="utf-8")
    (folder / "b.bin").write_bytes(b"\x00\x01\x02" * 30)
    (folder / "c.txt").write_text("", encoding="utf-8")
    (folder / "d.jsonl").write_text('{"id": "x", "text": "A calm morning downtown."}\n{broken\n', encoding="utf-8")
    db = tmp_path / "m.sqlite"
    res = run("ingest", str(folder), "--no-progress", db=db)
    assert res.exit_code == 0, res.stderr
    for name in ("b.bin", "c.txt", "d.jsonl:2"):
        assert name in res.stderr
    assert "2 new" in res.stderr and "3 error(s)" in res.stderr
    again = run("ingest", str(folder), "--no-progress", db=db)
    assert "0 new, 2 already stored" in again.stderr


def test_api_too_long_article_is_a_422_not_a_500(tmp_path: Path, monkeypatch) -> None:
    from fastapi.testclient import TestClient

    from protestdb.auth import create_token
    from protestdb.web import create_app

    monkeypatch.setattr(settings, "MAX_EXTRACT_CHARS", 300)
    db = tmp_path / "api.sqlite"
    store = open_store(db)
    tok = create_token(store, "QA Editor")
    store.close()
    with TestClient(create_app(str(db))) as c:
        r = c.post("/api/articles", json={"text": "Workers rallied downtown on Friday. " * 20},
                   headers={"Authorization": f"Bearer {tok}"})
    assert r.status_code == 422 and "too long" in r.json()["detail"]
