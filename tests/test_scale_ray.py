"""The Ray Data batch path: same events as ``ingest_paths``, idempotent, crash-safe.

The fast tests use the rule-based fake extractor and no Ray; the slow test starts a real
local Ray (2 CPUs, offline) and runs the real ``extract_text`` in its workers.
"""

from __future__ import annotations

import json
import shutil
from datetime import date
from pathlib import Path

import pytest
from click.testing import CliRunner

from protestdb.cli import main
from protestdb.models import Article, EventMention
from protestdb.pipeline import ingest_paths
from protestdb.scale.ray_job import (
    MANIFEST,
    _ShardWriter,
    extract_rows,
    merge_shards,
    read_shard,
    run_batch,
)
from protestdb.store import open_store
from test_pipeline_fakes import fake_extractor

# ----------------------------------------------------------------------------- a corpus of our own
CITIES = [
    ("Springfield", "Illinois"),
    ("Tucson", "Arizona"),
    ("Boise", "Idaho"),
    ("Albany", "New York"),
    ("Eugene", "Oregon"),
    ("Madison", "Wisconsin"),
    ("Savannah", "Georgia"),
    ("Burlington", "Vermont"),
    ("Fresno", "California"),
    ("Lansing", "Michigan"),
    ("Omaha", "Nebraska"),
    ("Raleigh", "North Carolina"),
    ("Tulsa", "Oklahoma"),
    ("Spokane", "Washington"),
]
ACTIONS = [
    ("About {n} nurses rallied outside City Hall in {city}, {state}, on Saturday to demand safe staffing levels.",
     "Organizers with the state nurses union said more actions would follow."),
    ("Hundreds of students walked out of classes in {city}, {state}, on Monday to protest cuts to school funding.",
     "The students marched to the district office carrying signs."),
    ("Dozens of tenants marched through downtown {city}, {state}, on Sunday against rising rents.",
     "The march ended with a rally at the county courthouse."),
    ("More than {n} people held a candlelight vigil in {city}, {state}, on Friday for victims of gun violence.",
     "Speakers called for stricter gun laws."),
    ("Warehouse workers picketed outside a distribution center in {city}, {state}, on Tuesday over pay.",
     "Their union said the picket line would stay up all week."),
]
NOT_PROTESTS = [
    "Stocks rallied on Wall Street on Tuesday as investors cheered lower inflation figures in {city}.",
    "The {city} city council approved next year's budget on Monday after a short debate.",
    "March retail sales rose two percent in {state}, according to the state revenue office.",
    "A late frost is expected in {city}, {state}, this weekend, forecasters said on Thursday.",
    "The {city} public library will extend its opening hours starting next month.",
    "The local baseball team won its third straight game in {city} on Sunday night.",
]


def make_corpus(root: Path) -> list[str]:
    """~40 short articles: 28 protest reports (JSON lines + a folder of .txt) and 12 others."""
    records, files = [], {}
    k = 0
    for i, (city, state) in enumerate(CITIES * 2):
        action, follow = ACTIONS[i % len(ACTIONS)]
        text = (
            f"{city} protest draws crowd\n\n"
            + action.format(n=100 + 25 * i, city=city, state=state)
            + " "
            + follow
            + f"\n\nThe event in {city} was peaceful, police said."
        )
        pub = f"2025-0{1 + i % 9}-1{i % 10}"
        if i % 2:
            records.append({"text": text, "published": pub, "url": f"https://news.example/{k}", "outlet": "Example News"})
        else:
            files[f"protest-{k:02d}.txt"] = f"Published: {pub}\n\n{text}"
        k += 1
    for j, tpl in enumerate(NOT_PROTESTS * 2):
        city, state = CITIES[(j * 5) % len(CITIES)]
        text = tpl.format(city=city, state=state) + f" Officials in {city} declined to comment further."
        records.append({"text": text, "published": f"2025-03-{10 + j:02d}"})
    records.append(dict(records[0]))  # the same article twice: stored once
    folder = root / "texts"
    folder.mkdir(parents=True)
    for name, text in files.items():
        (folder / name).write_text(text, encoding="utf-8")
    jl = root / "feed.jsonl"
    jl.write_text("\n".join(json.dumps(r) for r in records) + "\n", encoding="utf-8")
    return [str(jl), str(folder)]


def snapshot(store) -> tuple:
    """Everything about the stored events except timestamps of the run."""
    events = []
    for e in store.query_events():
        d = e.model_dump(mode="json", exclude={"created_at", "updated_at"})
        d["sources"] = sorted((s["article_id"], s["url"], s["published"]) for s in d["sources"])
        events.append(json.dumps(d, sort_keys=True))
    counts = store.counts()
    return counts, sorted(events)


# ----------------------------------------------------------------------------- fast, no Ray
def test_extract_rows_fills_results_and_never_raises() -> None:
    good = Article.make("Nurses rallied in Springfield, IL on 2024-05-07 (about 300 people).")
    quiet = Article.make("The budget passed on Monday without debate.")
    rows = [(0, good.model_dump_json()), (1, quiet.model_dump_json()), (2, "{not json")]
    out = extract_rows(rows, fake_extractor)
    assert [r["seq"] for r in out] == [0, 1, 2]
    assert out[0]["error"] is None and out[0]["article"]["id"] == good.id
    assert len(out[0]["mentions"]) == 1 and out[0]["mentions"][0]["locality"] == "Springfield"
    assert out[0]["mentions"][0]["article_id"] == good.id
    assert out[1]["mentions"] == [] and out[1]["prefiltered"] is True
    assert out[0]["prefiltered"] is False
    assert out[2]["error"] and out[2]["mentions"] == []


def test_shard_writer_orders_and_renames(tmp_path: Path) -> None:
    done: list[Path] = []
    w = _ShardWriter(tmp_path, "run", 2, done.append)
    for seq in (1, 0, 2, 4, 3):
        w.add(seq, json.dumps({"seq": seq}))
    assert [p.name for p in done] == ["run-00000.jsonl", "run-00001.jsonl"]
    w.finish()
    assert len(done) == 3 and not list(tmp_path.glob("*.tmp"))
    seqs = [r["seq"] for p in done for r in read_shard(p)]
    assert seqs == [0, 1, 2, 3, 4]


DOCS = [
    "Nurses rallied in Springfield, IL at City Hall on 2024-05-07 (about 300 people).",
    "Teachers marched in Riverton, WY on 2024-05-08. Parents joined them.",
    "Drivers picketed in Lakewood, CO on 2024-05-09 (about 40 people).",
    "Nurses rallied in Springfield, IL at Springfield City Hall on 2024-05-07 (about 450 people).",
    "The council met on Tuesday to discuss the budget.",
]


def _write_shards(tmp_path: Path, folder: Path) -> Path:
    """Shards as the Ray job would write them (two lines each), using the fake extractor in-process."""
    arts = [Article.make(t, path=str(folder / f"doc{i}.txt")) for i, t in enumerate(DOCS)]  # as ingest reads them
    results = extract_rows(((i, a.model_dump_json()) for i, a in enumerate(arts)), fake_extractor)
    out = tmp_path / "out"
    (out / "results").mkdir(parents=True)
    w = _ShardWriter(out / "results", "r1", 2, lambda p: None)
    for r in results:
        w.add(r["seq"], json.dumps(r))
    w.finish()
    for i, t in enumerate(DOCS):
        (folder / f"doc{i}.txt").write_text(t, encoding="utf-8")
    return out


def test_merge_matches_ingest_paths_and_is_idempotent(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    out = _write_shards(tmp_path, folder)
    single = open_store(tmp_path / "single.sqlite")
    ingest_paths(single, [str(folder)], progress=False, extractor=fake_extractor)
    batch = open_store(tmp_path / "batch.sqlite")
    rep = merge_shards(batch, out)
    assert rep.new_articles == len(DOCS) and len(rep.shards) == 3
    assert rep.events_created == snapshot(single)[0]["events"]
    s1 = snapshot(batch)
    assert s1 == snapshot(single)
    again = merge_shards(batch, out)
    assert again.shards == [] and snapshot(batch) == s1
    (out / "results" / MANIFEST).unlink()  # as if killed before the manifest was written
    again = merge_shards(batch, out)
    assert again.new_articles == 0 and again.duplicates == len(DOCS) and snapshot(batch) == s1


def test_killed_mid_merge_then_rerun_gives_each_once(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    out = _write_shards(tmp_path, folder)
    full = open_store(tmp_path / "full.sqlite")
    merge_shards(full, out)
    (out / "results" / MANIFEST).unlink()
    (out / "results" / "r1-00009.jsonl.tmp").write_text('{"seq": 9, "art', encoding="utf-8")  # torn write
    part = open_store(tmp_path / "part.sqlite")
    first = next(iter(sorted((out / "results").glob("*.jsonl"))))
    rec = next(read_shard(first))  # the kill came after one article was merged
    part.ingest(Article.model_validate(rec["article"]), [EventMention.model_validate(m) for m in rec["mentions"]])
    rep = run_batch(part, [], out, extractor=fake_extractor, progress=False)  # no inputs: no Ray needed
    assert rep.duplicates == 1 and rep.new_articles == len(DOCS) - 1
    assert not list((out / "results").glob("*.tmp"))
    assert snapshot(part)[1] == snapshot(full)[1]


# ----------------------------------------------------------------------------- slow: a real local Ray
@pytest.fixture(scope="module")
def local_ray():
    ray = pytest.importorskip("ray")
    from protestdb.scale.ray_job import init_ray

    started = init_ray("local", num_cpus=2)
    yield ray
    if started:
        ray.shutdown()


@pytest.mark.slow
@pytest.mark.filterwarnings("ignore::DeprecationWarning")
def test_ray_batch_gives_same_events_as_ingest_paths(tmp_path: Path, local_ray) -> None:
    inputs = make_corpus(tmp_path / "corpus")
    single = open_store(tmp_path / "single.sqlite")
    ref = ingest_paths(single, inputs, progress=False, published=date(2025, 6, 1))
    assert not ref.errors and ref.read == 41 and ref.new_articles == 40
    assert ref.events_created > 10  # the corpus has protests the extractor can find

    batch = open_store(tmp_path / "batch.sqlite")
    out = tmp_path / "out"
    rep = run_batch(batch, inputs, out, num_cpus=2, published=date(2025, 6, 1), progress=False)
    assert not rep.errors, rep.errors
    assert (rep.read, rep.extracted, rep.skipped, rep.new_articles) == (41, 40, 1, 40)
    assert rep.num_workers == 2 and rep.prefiltered >= 1
    assert 0 < rep.peak_worker_rss_mb <= 1536
    assert (rep.mentions, rep.events_created, rep.events_updated) == (
        ref.mentions,
        ref.events_created,
        ref.events_updated,
    )
    assert snapshot(batch) == snapshot(single)
    shard_lines = [r for p in sorted((out / "results").glob("*.jsonl")) for r in read_shard(p)]
    assert len(shard_lines) == 40 and all(r["article"]["text"] for r in shard_lines)
    art = batch.get_article(shard_lines[0]["article"]["id"])
    assert art is not None and art.language == single.get_article(art.id).language

    before = snapshot(batch)
    again = run_batch(batch, inputs, out, num_cpus=2, progress=False)
    assert (again.extracted, again.skipped, again.new_articles, again.events) == (0, 41, 0, 0)
    assert snapshot(batch) == before
    cli = CliRunner().invoke(
        main, ["--db", str(tmp_path / "batch.sqlite"), "batch", *inputs, "--output", str(out), "--no-progress"]
    )
    assert cli.exit_code == 0, cli.output
    assert "41 already stored or repeated, 0 extracted" in " ".join(cli.output.split())
    assert snapshot(batch) == before

    # a crash after the shards were written but before they were merged: the rerun merges them once
    fresh = open_store(tmp_path / "fresh.sqlite")
    crashed = tmp_path / "crashed"
    shutil.copytree(out, crashed)
    (crashed / "results" / MANIFEST).unlink()
    rerun = run_batch(fresh, inputs, crashed, num_cpus=2, progress=False)
    assert rerun.extracted == 0 and rerun.new_articles == 40
    assert snapshot(fresh) == snapshot(single)
