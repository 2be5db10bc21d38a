"""benchmarks/agreement.py: a second annotation scored against the gold with DESIGN's scorer."""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path

_SPEC = importlib.util.spec_from_file_location("agreement_bench", Path(__file__).parent.parent / "benchmarks" / "agreement.py")
assert _SPEC is not None and _SPEC.loader is not None
bench = importlib.util.module_from_spec(_SPEC)
_SPEC.loader.exec_module(bench)

_EV = {"date": "2024-05-04", "locality": "Millbrook", "state": "OH", "country": "US", "type": ["rally"],
       "organizations": ["Millbrook Tenants Union"], "targets": [], "issues": ["other"]}


def _docs(*docs: dict) -> dict[str, dict]:
    return {d["doc_id"]: d for d in docs}


def test_identical_annotations_agree_fully() -> None:
    gold = _docs({"doc_id": "a", "is_protest_report": True, "events": [_EV]},
                 {"doc_id": "b", "is_protest_report": False, "events": []})
    r = bench.agreement(gold, gold)
    assert r["events"]["f1"] == 1.0 and r["relevance"]["f1"] == 1.0 and r["fields"]["organizations"] == 1.0


def test_a_missed_city_an_other_organizer_and_a_missing_page_are_counted() -> None:
    other = {**_EV, "locality": "Cedar Falls", "state": "IA"}
    gold = _docs({"doc_id": "a", "is_protest_report": True, "events": [_EV, other]},
                 {"doc_id": "b", "is_protest_report": True, "events": [_EV]})
    second = _docs({"doc_id": "a", "is_protest_report": True,
                    "events": [{**_EV, "organizations": ["Riverside Renters Alliance"]}]})
    r = bench.agreement(gold, second)
    assert r["pages"] == 1 and r["missing"] == 1
    assert (r["events"]["tp"], r["events"]["fp"], r["events"]["fn"]) == (1, 0, 1)
    assert r["fields"]["organizations"] == 0.0 and r["fields"]["state"] == 1.0


def test_cli_prints_rows_and_names_a_bad_line(tmp_path: Path, capsys) -> None:
    g = tmp_path / "g.jsonl"
    g.write_text(json.dumps({"doc_id": "a", "is_protest_report": True, "events": [_EV]}) + "\n", encoding="utf-8")
    assert bench.main([str(g), str(g), "--both-ways"]) == 0
    out = capsys.readouterr().out
    assert out.count("1.00 / 1.00 / 1.00") == 2
    bad = tmp_path / "bad.jsonl"
    bad.write_text("{not json\n", encoding="utf-8")
    try:
        bench.main([str(g), str(bad)])
    except SystemExit as err:
        assert str(err).startswith(f"{bad}:1: not JSON")
    else:
        raise AssertionError("a bad line must stop with its file and line")
