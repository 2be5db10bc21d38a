"""The real-news benchmark's two error counts (benchmarks/realnews.py), on hand-made records."""

from __future__ import annotations

import importlib.util
from pathlib import Path

from protestdb.extract.nlp import load_nlp
from protestdb.models import EventMention

_SPEC = importlib.util.spec_from_file_location("realnews_bench", Path(__file__).parent.parent / "benchmarks" / "realnews.py")
assert _SPEC is not None and _SPEC.loader is not None
bench = importlib.util.module_from_spec(_SPEC)
_SPEC.loader.exec_module(bench)


def test_abroad_in_us_counts_paired_and_all_abroad_documents() -> None:
    gold_fr = [{"locality": "Paris", "country": "FR", "date": "2025-03-01"}]
    assert bench.abroad_in_us([{"locality": "Paris", "state": "TX", "country": "US"}], gold_fr) == 1
    assert bench.abroad_in_us([{"locality": "Lyon", "state": "GA", "country": "US"}], gold_fr) == 1
    assert bench.abroad_in_us([{"locality": "Paris", "state": None, "country": "FR"}], gold_fr) == 0
    gold_us = [{"locality": "Paris", "state": "TX", "country": "US"}]
    assert bench.abroad_in_us([{"locality": "Paris", "state": "TX", "country": "US"}], gold_us) == 0


def test_person_places_counts_locality_evidence_on_a_person() -> None:
    text = "Brandon Mitchell spoke. The rally in Denver drew 300 people."
    ev_bad = EventMention(index=0, locality="Brandon")
    ev_bad.add_evidence("locality", 0, 7, "Brandon")
    s = text.index("Denver")
    ev_ok = EventMention(index=1, locality="Denver")
    ev_ok.add_evidence("locality", s, s + 6, "Denver")
    assert bench.person_places(text, [ev_bad, ev_ok], load_nlp()) == 1
    # the same name is a PERSON of the raw model too (the correction does not touch it)
    assert bench.person_events(text, [ev_bad, ev_ok], load_nlp()) == ({0}, {0})


def test_missing_texts_are_named(tmp_path: Path) -> None:
    gold = tmp_path / "g.jsonl"
    gold.write_text('{"doc_id": "x-1", "is_protest_report": false, "events": []}\n', encoding="utf-8")
    assert bench.missing_texts(gold, tmp_path / "texts") == ["x-1"]
    (tmp_path / "texts").mkdir()
    (tmp_path / "texts" / "x-1.txt").write_text("nothing", encoding="utf-8")
    assert bench.missing_texts(gold, tmp_path / "texts") == []


def test_main_says_when_texts_are_missing(tmp_path: Path, capsys) -> None:  # noqa: ANN001
    gold = tmp_path / "dev.jsonl"
    gold.write_text('{"doc_id": "x-1", "is_protest_report": false, "events": []}\n', encoding="utf-8")
    rc = bench.main(["--parts", "dev", "--dev", str(gold), "--texts", str(tmp_path / "none")])
    err = capsys.readouterr().err
    assert rc == 2
    assert "1 texts missing" in err and "x-1.txt" in err and "README" in err
