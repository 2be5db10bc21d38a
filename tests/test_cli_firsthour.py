"""The first hour of a new user: --db anywhere, no silent empty databases, bounded tables,
id prefixes, json vs jsonl, one meaning of --published, clear port and batch errors."""

from __future__ import annotations

import json
import logging
import os
import socket
import subprocess
import sys
import time
from datetime import date
from pathlib import Path

import click
import pytest
from click.testing import CliRunner

from protestdb.cli import main
from protestdb.models import Article, EventMention
from protestdb.store import open_store

ROOT = Path(__file__).resolve().parents[1]
CITIES = [("Boise", "ID"), ("Nampa", "ID"), ("Reno", "NV"), ("Eugene", "OR"), ("Tucson", "AZ"), ("Provo", "UT")]


def run(*args: str, env: dict | None = None):
    return CliRunner().invoke(main, list(args), env=env)


def assert_one_line_error(res, *needles: str) -> None:
    assert res.exit_code == 1, (res.exit_code, res.stdout, res.stderr)
    assert "Traceback" not in res.stderr
    lines = [ln for ln in res.stderr.splitlines() if ln.strip()]
    assert len(lines) == 1, res.stderr
    for n in needles:
        assert n in res.stderr, res.stderr


@pytest.fixture(scope="module")
def many_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """60 hand-made events (different days and places: never merged), no spaCy needed."""
    db = tmp_path_factory.mktemp("many") / "many.sqlite"
    store = open_store(db)
    for i in range(60):
        city, st = CITIES[i % len(CITIES)]
        day = f"2025-{1 + i // 28:02d}-{1 + i % 28:02d}"
        art = Article.make(f"Dozens marched in {city} on day {i}.", published=date.fromisoformat(day))
        store.ingest(art, [EventMention(date=day, locality=city, state=st, event_type=["march"])])
    store.close()
    return db


# --------------------------------------------------------------------------- --db and -v
def test_db_before_or_after_the_command_and_from_the_environment(many_db: Path, tmp_path: Path) -> None:
    before = run("--db", str(many_db), "events", "--format", "jsonl", "--all")
    after = run("events", "--format", "jsonl", "--all", "--db", str(many_db))
    env = run("events", "--format", "jsonl", "--all", env={"PROTESTDB_DB": str(many_db)})
    assert before.exit_code == after.exit_code == env.exit_code == 0, (after.stderr, env.stderr)
    assert len(before.stdout.splitlines()) == 60
    assert before.stdout == after.stdout == env.stdout
    # the one after the command wins over the one before it
    other = tmp_path / "other.sqlite"
    res = run("--db", str(many_db), "ingest", str(ROOT / "examples" / "stocks-rally-inflation.html"),
              "--db", str(other), "--no-progress")
    assert res.exit_code == 0, res.stderr
    assert other.exists() and open_store(other).counts()["articles"] == 1


def _all_commands(group: click.Group, prefix: tuple[str, ...] = ()):
    for name, cmd in group.commands.items():
        yield (*prefix, name), cmd
        if isinstance(cmd, click.Group):
            yield from _all_commands(cmd, (*prefix, name))


def test_every_command_shows_db_and_verbose_in_its_help() -> None:
    names = []
    for path, _cmd in _all_commands(main):
        res = run(*path, "--help")
        assert res.exit_code == 0, path
        assert "--db FILE" in res.stdout and "PROTESTDB_DB" in res.stdout, path
        assert "-v, --verbose" in res.stdout, path
        names.append(" ".join(path))
    assert {"ingest", "serve", "review correct", "token list", "batch"} <= set(names)


def test_verbose_after_the_command_sets_the_log_level(many_db: Path) -> None:
    pkg = logging.getLogger("protestdb")
    try:
        assert run("--db", str(many_db), "summary").exit_code == 0
        assert pkg.level == logging.WARNING
        assert run("summary", "--db", str(many_db), "-v").exit_code == 0
        assert pkg.level == logging.INFO
        assert run("-v", "summary", "--db", str(many_db), "-v").exit_code == 0
        assert pkg.level == logging.DEBUG
    finally:
        pkg.setLevel(logging.NOTSET)


# --------------------------------------------------------------------------- missing database
@pytest.mark.parametrize(
    "cmd",
    [["serve"], ["campaigns"], ["changes"], ["review", "log"], ["token", "list"], ["token", "create", "--name", "x"],
     ["events"], ["show", "ev_1"], ["export", "--format", "json"], ["summary"],
     ["review", "correct", "ev_1", "size_low", "5", "--by", "me"]],
)
def test_reading_and_serving_commands_refuse_a_missing_database(tmp_path: Path, cmd: list[str]) -> None:
    db = tmp_path / "missing.sqlite"
    res = run(*cmd, "--db", str(db))
    assert_one_line_error(res, "no database at", str(db), "--db FILE")
    assert list(tmp_path.iterdir()) == []


def test_serve_on_a_missing_database_exits_at_once_creating_nothing(tmp_path: Path) -> None:
    t0 = time.monotonic()
    proc = subprocess.run(
        [sys.executable, "-c", "from protestdb.cli import main; main(prog_name='protestdb')", "--db", "missing.sqlite",
         "serve"],
        cwd=tmp_path, capture_output=True, text=True, timeout=60,
        env={**os.environ, "PYTHONPATH": str(ROOT / "src")},
    )
    assert proc.returncode != 0 and time.monotonic() - t0 < 30
    assert "no database at missing.sqlite" in proc.stderr and "serving" not in proc.stderr
    assert list(tmp_path.iterdir()) == []


def test_create_makes_a_new_database_on_purpose(tmp_path: Path) -> None:
    db = tmp_path / "new.sqlite"
    res = run("token", "create", "--name", "newsroom", "--create", "--db", str(db))
    assert res.exit_code == 0 and res.stdout.strip() and db.exists()


# --------------------------------------------------------------------------- a busy port
def test_busy_port_is_one_line_and_nonzero_before_anything(many_db: Path, tmp_path: Path) -> None:
    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen(1)
        port = str(busy.getsockname()[1])
        res = run("serve", "--db", str(many_db), "--port", port)
        assert_one_line_error(res, f"127.0.0.1:{port}", "--port")
        assert "serving" not in res.stdout + res.stderr
        demo_db = tmp_path / "demo.sqlite"
        res = run("demo", str(ROOT / "examples"), "--db", str(demo_db), "--port", port)
        assert_one_line_error(res, f"127.0.0.1:{port}")
        assert not demo_db.exists()  # checked before the ingest


# --------------------------------------------------------------------------- bounded tables
def test_events_table_is_bounded_and_says_how_to_see_all(many_db: Path) -> None:
    res = run("events", "--db", str(many_db))
    assert res.exit_code == 0
    out = " ".join(res.stdout.split())
    assert "showing 50 of 60 events" in out and "--all" in out and "--limit 0" in out
    assert res.stdout.count("ev_") == 50
    for flag in (["--all"], ["--limit", "0"]):
        res = run("events", "--db", str(many_db), *flag)
        assert res.stdout.count("ev_") == 60 and "showing" not in res.stdout
    res = run("events", "--db", str(many_db), "--limit", "5")
    assert res.stdout.count("ev_") == 5 and "showing 5 of 60" in " ".join(res.stdout.split())
    res = run("events", "--db", str(many_db), "--state", "ID", "--limit", "3")
    assert "showing 3 of 20" in " ".join(res.stdout.split())
    # machine formats are complete unless --limit says otherwise
    assert len(json.loads(run("events", "--db", str(many_db), "--format", "json").stdout)) == 60


def test_summary_says_its_rows_are_the_first_40(many_db: Path) -> None:
    res = run("summary", "--db", str(many_db))
    out = " ".join(res.stdout.split())
    assert "the first 40 of 60" in out and "first 40 of 60 events" in out


# --------------------------------------------------------------------------- ids and fields
def test_show_takes_a_unique_id_prefix_and_lists_ambiguous_ones(many_db: Path) -> None:
    ids = [json.loads(x)["id"] for x in run("events", "--db", str(many_db), "--format", "jsonl").stdout.splitlines()]
    target = ids[7]
    n = next(k for k in range(4, len(target)) if sum(i.startswith(target[:k]) for i in ids) == 1)
    res = run("show", target[:n], "--db", str(many_db))
    assert res.exit_code == 0 and f"Event {target}" in res.stdout
    res = run("show", target[3:n], "--db", str(many_db))  # without "ev_"
    assert res.exit_code == 0 and f"Event {target}" in res.stdout
    res = run("show", "ev_", "--db", str(many_db))
    assert_one_line_error(res, "ambiguous", sorted(ids)[0])
    assert_one_line_error(run("show", "ev_zzzz", "--db", str(many_db)), "no event with id ev_zzzz")


def test_review_correct_with_a_wrong_field_lists_the_valid_ones(many_db: Path, tmp_path: Path) -> None:
    db = tmp_path / "copy.sqlite"
    db.write_bytes(many_db.read_bytes())
    eid = json.loads(run("events", "--db", str(db), "--format", "jsonl", "--limit", "1").stdout)["id"]
    res = run("review", "correct", eid, "crowd", "500", "--by", "Dee", "--db", str(db))
    assert_one_line_error(res, "'crowd'", "size_low", "locality", "event_type")
    res = run("review", "correct", eid[:12], "size_low", "500", "--by", "Dee", "--db", str(db))
    assert res.exit_code == 0 and f"{eid}: size_low = 500" in res.stdout


# --------------------------------------------------------------------------- json / jsonl
def test_json_is_one_document_and_jsonl_one_object_per_line(many_db: Path) -> None:
    for cmd in (["events"], ["campaigns"], ["changes"], ["review", "log"]):
        as_json = run(*cmd, "--db", str(many_db), "--format", "json")
        as_lines = run(*cmd, "--db", str(many_db), "--format", "jsonl")
        assert as_json.exit_code == as_lines.exit_code == 0, (cmd, as_json.stderr)
        doc = json.loads(as_json.stdout)
        assert isinstance(doc, list), cmd
        assert [json.loads(x) for x in as_lines.stdout.splitlines() if x.strip()] == doc, cmd
    assert len(json.loads(run("changes", "--db", str(many_db), "--format", "json").stdout)) == 60
    # the change feed stays JSON lines by default
    default = run("changes", "--db", str(many_db)).stdout.splitlines()
    assert len(default) == 60 and json.loads(default[0])["op"] == "create"


def test_geocode_json_is_an_array_and_jsonl_lines() -> None:
    arr = json.loads(run("geocode", "Elizabeth, NJ", "Boise, ID", "--format", "json").stdout)
    assert [r["state"] for r in arr] == ["NJ", "ID"]
    lines = run("geocode", "Elizabeth, NJ", "Boise, ID", "--format", "jsonl").stdout.splitlines()
    assert [json.loads(x)["state"] for x in lines] == ["NJ", "ID"]


# --------------------------------------------------------------------------- --published
OWN_DATE = (
    "Nurses rally in Albany\n\nPublished: 2025-05-12\n\n"
    "About 200 nurses rallied outside the state Capitol in Albany, New York, on Saturday, calling for safe "
    "staffing ratios. The New York State Nurses Association organized the rally."
)
NO_DATE = OWN_DATE.replace("Published: 2025-05-12\n\n", "")


def test_published_is_a_fallback_the_same_way_in_extract_and_ingest(tmp_path: Path) -> None:
    own, bare = tmp_path / "own.txt", tmp_path / "bare.txt"
    own.write_text(OWN_DATE, encoding="utf-8")
    bare.write_text(NO_DATE, encoding="utf-8")
    dates = {}
    for f in (own, bare):
        res = run("extract", str(f), "--published", "2025-08-20", "--format", "jsonl")
        assert res.exit_code == 0, res.stderr
        evs = json.loads(res.stdout)["events"]
        dates[f.name] = {e["date"] for e in evs}
    assert dates == {"own.txt": {"2025-05-10"}, "bare.txt": {"2025-08-16"}}  # "Saturday" before each date
    db = tmp_path / "in.sqlite"
    res = run("ingest", str(own), str(bare), "--published", "2025-08-20", "--db", str(db), "--no-progress")
    assert res.exit_code == 0, res.stderr
    stored = {e["date"] for e in json.loads(run("events", "--db", str(db), "--format", "json").stdout)}
    assert stored == {"2025-05-10", "2025-08-16"}
    for cmd in ("extract", "ingest", "eval", "batch"):
        assert "own date always wins" in " ".join(run(cmd, "--help").stdout.split()), cmd


def test_extract_jsonl_relative_path_is_read_from_the_jsonl_folder(tmp_path: Path) -> None:
    (tmp_path / "texts").mkdir()
    (tmp_path / "texts" / "a.txt").write_text(NO_DATE, encoding="utf-8")
    jl = tmp_path / "texts" / "batch.jsonl"
    jl.write_text(json.dumps({"id": "a", "path": "a.txt"}) + "\n", encoding="utf-8")
    res = run("extract", "--jsonl", str(jl), "--published", "2025-08-20")
    assert res.exit_code == 0, res.stderr
    row = json.loads(res.stdout)
    assert row["id"] == "a" and {e["date"] for e in row["events"]} == {"2025-08-16"}
    assert "JSONL file's folder" in " ".join(run("extract", "--help").stdout.split())


# --------------------------------------------------------------------------- import-ccc, batch
def test_import_ccc_of_a_non_ccc_file_prints_the_error_and_no_table(tmp_path: Path) -> None:
    f = tmp_path / "notccc.csv"
    f.write_text("name,colour\nann,blue\n", encoding="utf-8")
    res = run("import-ccc", str(f), "--db", str(tmp_path / "x.sqlite"))
    assert res.exit_code == 1 and "notccc.csv" in res.stderr
    assert "CCC import" not in res.stdout and "┃" not in res.stdout
    assert not (tmp_path / "x.sqlite").exists()  # a failed first run leaves no empty database


def test_ingest_reading_nothing_into_a_new_database_leaves_none(tmp_path: Path) -> None:
    res = run("ingest", str(tmp_path / "nope.txt"), "--db", str(tmp_path / "x.sqlite"), "--no-progress")
    assert res.exit_code == 1 and "nope.txt" in res.stderr
    assert sorted(p.name for p in tmp_path.iterdir()) == []


def test_batch_on_a_missing_file_errs_first_and_leaves_nothing(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    res = run("batch", "crawl.warc.gz", "--db", "x.sqlite")
    assert_one_line_error(res, "crawl.warc.gz", "no such file")
    assert "read 0" not in res.stderr
    assert list(tmp_path.iterdir()) == []


def test_ray_stderr_goes_to_the_log_file_and_our_lines_to_stderr(tmp_path: Path, capfd: pytest.CaptureFixture) -> None:
    from protestdb.scale.ray_job import _on_stream, _stderr_to

    log = tmp_path / "ray.log"
    said: list[str] = []
    with _stderr_to(log) as terminal:
        os.write(2, b"core_worker.cc: noise from C++\n")
        say = _on_stream(terminal, lambda m: said.append(m)) if terminal is not None else said.append
        say("shard 1 merged")
    os.write(2, b"after\n")
    assert "noise from C++" in log.read_text()
    err = capfd.readouterr().err
    assert "noise from C++" not in err and "after" in err
    assert said == ["shard 1 merged"]


# --------------------------------------------------------------------------- library
HTML = (
    "<!DOCTYPE html><html><head><title>Tenants rally</title>"
    '<meta property="article:published_time" content="2025-03-01"></head><body><article>'
    "<h1>Tenants rally for rent control in Dayton</h1>"
    "<p>About 150 tenants rallied outside City Hall in Dayton, Ohio, on Saturday, calling on the city council "
    "to cap rent increases. The Dayton Tenants Union organized the protest.</p></article></body></html>"
)


def test_html_through_the_library_never_yields_markup_as_a_value(tmp_path: Path) -> None:
    from protestdb.extract import extract_text
    from protestdb.ingest import read_article

    res = extract_text(HTML)
    assert res.events and "<" not in res.text and "DOCTYPE" not in res.text
    for ev in res.events:
        assert not any("DOCTYPE" in o or "html" in o.lower() for o in ev.organizations)
        assert ev.date == "2025-03-01"  # the page's own date anchors "Saturday"
        for spans in ev.evidence.values():
            assert all(res.text[s.start : s.end] == s.quote for s in spans)
    page = tmp_path / "page.html"
    page.write_text(HTML, encoding="utf-8")
    for src in (page, str(page), HTML):
        art = read_article(src)
        assert art.published == date(2025, 3, 1)
        assert "150 tenants rallied" in art.text and "<p>" not in art.text and "DOCTYPE" not in art.text


def test_place_index_build_is_announced_on_stderr(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                   capsys: pytest.CaptureFixture) -> None:
    from protestdb.cli import configure_logging
    from protestdb.geo import gazetteer

    def fake_compile(dest: Path) -> dict:
        dest.write_bytes(b"")
        return {"places": 12, "names": 34, "seconds": 0.5}

    monkeypatch.setattr(gazetteer, "compile_index", fake_compile)
    try:
        configure_logging(0)
        gazetteer.ensure_index(tmp_path / "idx" / "gazetteer.sqlite")
        gazetteer.ensure_index(tmp_path / "idx" / "gazetteer.sqlite")  # built: silent
    finally:
        logging.getLogger("protestdb").setLevel(logging.NOTSET)
    err = capsys.readouterr().err
    assert err.count("building the offline place index") == 1 and "place index ready: 12 places" in err


def test_a_new_command_gets_db_and_verbose_once_through_the_shared_decorator() -> None:
    from protestdb.cli import _db, _Group, _obj, common_options

    @click.group(cls=_Group)
    def grp() -> None:
        pass

    @grp.command()
    @common_options
    @click.pass_context
    def hello(ctx: click.Context) -> None:
        click.echo(f"{_db(ctx)} {_obj(ctx)['verbose']}")

    @grp.command()
    @click.pass_context
    def plain(ctx: click.Context) -> None:  # no decorator: the group adds the options
        click.echo(_db(ctx))

    res = CliRunner().invoke(grp, ["hello", "--db", "x.sqlite", "-vv"])
    assert res.exit_code == 0 and res.stdout.strip() == "x.sqlite 2", res.output
    assert CliRunner().invoke(grp, ["plain", "--db", "y.sqlite"]).stdout.strip() == "y.sqlite"
    helptext = CliRunner().invoke(grp, ["hello", "--help"]).stdout
    assert helptext.count("--db FILE") == 1 and helptext.count("--verbose") == 1
    logging.getLogger("protestdb").setLevel(logging.NOTSET)


@pytest.mark.slow
def test_batch_keeps_rays_own_messages_off_stderr_unless_verbose(tmp_path: Path) -> None:
    pytest.importorskip("ray")
    src = tmp_path / "in"
    src.mkdir()
    (src / "a.txt").write_text(OWN_DATE, encoding="utf-8")
    proc = subprocess.run(
        [sys.executable, "-c", "from protestdb.cli import main; main(prog_name='protestdb')", "batch", str(src),
         "--num-cpus", "1", "--db", str(tmp_path / "b.sqlite"), "--no-progress"],
        cwd=tmp_path, capture_output=True, text=True, timeout=600,
        env={**os.environ, "PYTHONPATH": str(ROOT / "src"), "RAY_USAGE_STATS_ENABLED": "0"},
    )
    assert proc.returncode == 0, proc.stderr[-2000:]
    lines = [ln for ln in proc.stderr.splitlines() if ln.strip()]
    assert len(lines) == 1 and lines[0].startswith("read 1 article(s)"), proc.stderr[-2000:]
    assert "INFO" not in proc.stderr and "core_worker" not in proc.stderr and "Token" not in proc.stderr
    assert (tmp_path / "b.sqlite.batch" / "ray.log").stat().st_size > 0
    assert "ray.log" in lines[0]
