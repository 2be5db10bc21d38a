"""The development gold sets are well formed and score 1.0 against themselves."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from protestdb.evaluate import run_eval
from protestdb.models import EVENT_TYPES, ISSUES, EventMention, ExtractionResult

GOLD = Path(__file__).parent / "gold"
SETS = ["dev.jsonl", "examples.jsonl", "heldout.jsonl", "heldout2.jsonl"]


def _docs(name: str) -> list[dict]:
    return [json.loads(x) for x in (GOLD / name).read_text(encoding="utf-8").splitlines() if x.strip()]


@pytest.mark.parametrize("name", SETS)
def test_gold_is_well_formed(name: str) -> None:
    docs = _docs(name)
    assert docs
    ids = [d["doc_id"] for d in docs]
    assert len(ids) == len(set(ids))
    for d in docs:
        assert (GOLD / d["text_file"]).is_file(), d["text_file"]
        if not d["is_protest_report"]:
            assert d["events"] == []
        for ev in d["events"]:
            assert set(ev["type"]) <= set(EVENT_TYPES), ev["type"]
            assert set(ev.get("issues") or []) <= set(ISSUES)
            if ev.get("date"):
                date.fromisoformat(ev["date"])
            else:
                assert ev.get("date_precision") in ("week", "month", "unknown")
            assert ev.get("state") is None or len(ev["state"]) == 2


def test_dev_set_covers_the_hard_cases() -> None:
    docs = _docs("dev.jsonl")
    assert len(docs) >= 60
    negatives = [d for d in docs if not d["is_protest_report"]]
    assert len(negatives) >= 20
    assert sum(1 for d in docs if d.get("language") == "es") >= 6
    assert max(len(d["events"]) for d in docs) >= 10  # a roundup


def _gold_echo(gold_docs: list[dict]):
    """An 'extractor' that returns the gold events, with evidence at real offsets."""
    by_text: dict[str, dict] = {}

    def extractor(text: str, published: date | None) -> ExtractionResult:
        doc = by_text.get(text.strip()) or {}
        events = []
        for ev in doc.get("events", []):
            m = EventMention(
                date=ev.get("date"), locality=ev.get("locality"), state=ev.get("state"), country=ev.get("country"),
                event_type=ev.get("type", []), size_low=ev.get("size_low"), size_high=ev.get("size_high"),
                organizations=ev.get("organizations") or [], targets=ev.get("targets") or [],
                issues=ev.get("issues") or [], arrests=ev.get("arrests"), announced_only=bool(ev.get("announced_only")),
            )
            for f in m.filled_fields():
                m.add_evidence(f, 0, 1, text[0:1])
            events.append(m)
        return ExtractionResult(is_protest_report=bool(doc.get("is_protest_report")), text=text, events=events)

    for d in gold_docs:
        by_text[(GOLD / d["text_file"]).read_text(encoding="utf-8").strip()] = d
    return extractor


def test_dev_set_scores_one_against_itself() -> None:
    docs = _docs("dev.jsonl")
    res = run_eval(GOLD / "dev.jsonl", extractor=_gold_echo(docs))
    assert res["events"]["f1"] == 1.0
    assert res["relevance"]["f1"] == 1.0
    assert res["events"]["tp"] == sum(len(d["events"]) for d in docs)
