"""benchmarks/realnews_stages.py: missed gold events and false predictions classed by the stage
that lost or made them, on an invented gold file and invented pages (written to a tmp dir)."""

from __future__ import annotations

import importlib.util
import json
import sys
from pathlib import Path

import pytest

_PATH = Path(__file__).parent.parent / "benchmarks" / "realnews_stages.py"
_SPEC = importlib.util.spec_from_file_location("realnews_stages_bench", _PATH)
assert _SPEC is not None and _SPEC.loader is not None
stages = importlib.util.module_from_spec(_SPEC)
sys.modules[_SPEC.name] = stages  # its dataclasses look their module up
_SPEC.loader.exec_module(stages)

PUB = "2025-03-10"  # a Monday: "on Saturday" is 2025-03-08

TEXTS = {
    # the rally is told on Saturday; the gold dates it a week earlier
    "lib": "Library supporters rally in Bennington\n\nBENNINGTON, Vt. — About 200 people rallied on "
           "Saturday outside "
           "the Bennington town hall to protest the planned closing of the branch library on Elm Street.\n\n"
           "Speakers from the Friends of the Bennington Library said the branch serves many children.\n",
    # the gold's town is nowhere on the page; the page's own town is not in the gold
    "nurses": "Nurses picket hospital in Keene\n\nKEENE, N.H. — Dozens of nurses picketed outside Cheshire "
              "Valley "
              "Hospital on Friday, demanding safer staffing levels and higher pay.\n\n"
              "The nurses' union said talks with the hospital had stalled for months.\n",
    # the second town is told as where the students came from: a drafting rule drops it
    "climate": "Climate march fills Burlington streets\n\nBURLINGTON, Vt. — Hundreds of people marched "
               "through "
               "downtown Burlington on Saturday to demand faster action on climate change, after students "
               "traveled from Montpelier to join the march.\n\nOrganizers said the crowd was the largest in "
               "years.\n",
    # no protest word at all
    "budget": "Council passes budget\n\nThe Rutland city council approved next year's budget on Tuesday "
              "after "
              "a short debate about road repairs.\n",
}


def _event(locality: str, state: str, day: str, kind: str = "rally") -> dict:
    return {"date": day, "locality": locality, "state": state, "country": "US", "type": [kind]}


GOLD = [
    {"doc_id": "lib", "published": PUB, "is_protest_report": True,
     "events": [_event("Bennington", "VT", "2025-03-01")]},
    {"doc_id": "nurses", "published": PUB, "is_protest_report": True,
     "events": [_event("Brattleboro", "VT", "2025-03-07", "picket")]},
    {"doc_id": "climate", "published": PUB, "is_protest_report": True,
     "events": [_event("Burlington", "VT", "2025-03-08", "march"),
                _event("Montpelier", "VT", "2025-03-08", "march")]},
    {"doc_id": "budget", "published": PUB, "is_protest_report": True,
     "events": [_event("Rutland", "VT", "2025-03-04")]},
    # the same picket page, judged no report by its (invented) annotator
    {"doc_id": "nurses2", "published": PUB, "is_protest_report": False, "events": []},
]


@pytest.fixture(scope="module")
def tally(tmp_path_factory: pytest.TempPathFactory):
    root = tmp_path_factory.mktemp("stages")
    texts = root / "texts"
    texts.mkdir()
    for name, text in {**TEXTS, "nurses2": TEXTS["nurses"]}.items():
        (texts / f"{name}.txt").write_text(text, encoding="utf-8")
    gold = root / "dev.jsonl"
    gold.write_text("".join(json.dumps(d) + "\n" for d in GOLD), encoding="utf-8")
    return stages.tally_part("dev", gold, texts)


def _examples(tally, cls: str) -> list[str]:
    return tally.examples.get(cls, [])


def test_missed_gold_events_are_classed_by_stage(tally) -> None:
    assert _examples(tally, stages.OTHER_DATE) == ["dev:lib Bennington"]
    assert _examples(tally, stages.NOT_WRITTEN) == ["dev:nurses Brattleboro"]
    assert _examples(tally, stages.NOT_RELEVANT) == ["dev:budget Rutland"]
    dropped = [c for c in tally.misses if c.startswith(stages.DROPPED)]
    assert dropped == ["dropped: drafting.non_event_place -- told as an origin, destination or comparison"]
    assert _examples(tally, dropped[0]) == ["dev:climate Montpelier"]
    assert sum(tally.misses.values()) == 4 and tally.tp == 1 and tally.pages == 5


def test_false_predictions_are_classed_and_counted_by_first_rule(tally) -> None:
    assert tally.falses[stages.FP_DATE] == 1  # the rally's Saturday, a week after the gold's day
    assert tally.falses[stages.FP_ONE] == 1  # the picket's own town on a one-event page
    assert tally.falses[stages.NOT_REPORT] == 1
    assert sum(tally.falses.values()) == 3
    by_rule = sum(c.total() - c[stages.MATCHED] for c in tally.rules.values())
    assert by_rule == 3 and sum(c[stages.MATCHED] for c in tally.rules.values()) == 1
    assert all(rule.startswith("drafting.") for rule in tally.rules)


def test_the_report_prints_counts_and_examples_without_text(tally) -> None:
    out = stages.report({"dev": tally}, examples=True)
    assert "locality not written on the page" in out and "dev:nurses Brattleboro" in out
    assert "dev          5     1     3     4  0.22" in out
    assert "Cheshire" not in out and "students" not in out  # no page text, only ids and localities


def test_dropped_candidates_give_their_locality_and_stage() -> None:
    page = stages.Page("dev", "x", {}, None)
    assert stages.dropped_locality(page, "place 'Elmford' at 120") == (2, "Elmford")
    assert stages.dropped_locality(page, "draft [dunmore|oh; counter] (march)") == (1, "dunmore")
    assert stages.dropped_locality(page, "draft [state:OH] (rally)") == (1, None)
    assert stages.dropped_locality(page, "event 2 (Fairview, 2025-01-04)") == (0, "Fairview")
    assert stages.dropped_locality(page, "organization 'Elmford Tenants'") == (3, None)


@pytest.mark.parametrize("part", ["dev14", "blind"])
def test_held_out_parts_are_refused_in_one_line(part: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert stages.main(["--parts", part]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "held out" in err


def test_a_halved_part_needs_its_odd_half(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert stages.main(["--parts", "dev3"]) == 2
    assert "odd half" in capsys.readouterr().err
    even = tmp_path / "dev3_even.jsonl"
    even.write_text("", encoding="utf-8")
    assert stages.main(["--parts", "dev3", "--dev3", str(even)]) == 2
    assert "check" in capsys.readouterr().err


def _page(preds: list[dict], golds: list[dict]):
    from types import SimpleNamespace

    result = SimpleNamespace(is_protest_report=True, events=preds, text="", trace=[], dropped=[])
    return stages.Page("dev", "p", {"is_protest_report": True, "events": golds}, result)


def _classes(preds: list[dict], golds: list[dict]) -> tuple[list[str], list[str]]:
    page = _page(preds, golds)
    pg = stages.pair(page)
    misses = [stages.miss_class(page, pg, j) for j in pg.free_golds]
    return misses, [stages.fp_class(page, pg, i) for i in pg.free_preds]


def test_predictions_at_the_gold_town_are_classed_without_the_page() -> None:
    first, second = _event("Elmford", "OH", "2025-03-01"), _event("Elmford", "OH", "2025-03-02")
    assert _classes([first], [first, second]) == ([stages.SEVERAL], [])
    assert _classes([_event("Elmford", "PA", "2025-03-01")], [first]) == (
        [stages.OTHER_STATE], [stages.FP_STATE])
    assert _classes([second, _event("Dunmore", "OH", "2025-03-01")], [first]) == (
        [stages.OTHER_DATE], [stages.FP_DATE, stages.FP_ONE])
    placeless = {**first, "locality": None}
    assert _classes([{**placeless, "type": ["strike"]}], [placeless]) == (
        [stages.NULL_OTHER], [stages.FP_NULL])
    assert _classes([], [placeless]) == ([stages.NULL_NONE], [])
