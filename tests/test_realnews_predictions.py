"""scripts/realnews_predictions.py: saved events of a gold file's pages, and a candidate rule scored
over them without extracting again (own-writing examples; a blind or check part is refused)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from helpers import script

ROOT = Path(__file__).resolve().parents[1]
GOLD = ROOT / "tests" / "gold" / "examples.jsonl"


@pytest.fixture(scope="module")
def saved(tmp_path_factory: pytest.TempPathFactory) -> list[dict]:
    mod = script("realnews_predictions")
    out = tmp_path_factory.mktemp("preds") / "preds.jsonl"
    assert mod.dump([GOLD], None, out) == 8
    return [json.loads(line) for line in out.read_text().splitlines()]


def _rule_file(tmp_path: Path, body: str) -> Path:
    p = tmp_path / "rule.py"
    p.write_text("def rule(events, page):\n" + body + "\n")
    return p


def test_the_same_events_change_nothing(saved: list[dict], tmp_path: Path) -> None:
    mod = script("realnews_predictions")
    res = mod.try_rule(saved, mod.load_rule(_rule_file(tmp_path, "    return events")), None)
    (before, after, changed), = res.values()
    assert before == after and changed == 0
    assert before["tp"] >= 15  # the examples' events are mostly found (own-writing F1 0.97)


def test_dropping_every_event_leaves_none_matched(saved: list[dict], tmp_path: Path) -> None:
    mod = script("realnews_predictions")
    res = mod.try_rule(saved, mod.load_rule(_rule_file(tmp_path, "    return []")), None)
    (before, after, changed), = res.values()
    assert after["tp"] == 0 and after["fp"] == 0
    assert after["fn"] == before["fn"] + before["tp"]
    assert changed == sum(1 for r in saved if r["events"])


def test_a_rule_sees_the_page_text_and_never_its_gold(saved: list[dict], tmp_path: Path) -> None:
    mod = script("realnews_predictions")
    body = ("    assert set(page) == {'doc_id', 'published', 'url', 'text'}\n"
            "    return [e for e in events if (e.get('locality') or '') in page['text']]")
    res = mod.try_rule(saved, mod.load_rule(_rule_file(tmp_path, body)), None)
    (before, after, _), = res.values()
    assert after["tp"] <= before["tp"]


@pytest.mark.parametrize("name", ["blind.jsonl", "dev3_even.jsonl"])
def test_blind_and_check_parts_are_refused(name: str, tmp_path: Path) -> None:
    mod = script("realnews_predictions")
    with pytest.raises(SystemExit, match="blind or check part"):
        mod.dump([tmp_path / name], None, tmp_path / "out.jsonl")
