"""The bundled gold files: the examples' gold is well-formed, and gold-as-prediction scores 1.0."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from protestdb.evaluate import load_gold, run_eval
from protestdb.evaluate.normalize import initials, norm_locality, norm_text
from protestdb.evaluate.scorer import document_text, gold_event
from protestdb.models import EVENT_TYPES, ISSUES, EventMention, ExtractionResult, size_category

REPO = Path(__file__).parents[1]
EXAMPLES_GOLD = REPO / "tests" / "gold" / "examples.jsonl"
SEED_GOLD = REPO.parent / "shared" / "gold" / "seed.jsonl"


def gold_as_extractor(gold_path: Path):
    """A fake extractor that answers each gold document's text with its own gold events."""
    by_text: dict[str, dict[str, Any]] = {}
    for doc in load_gold(gold_path):
        by_text[document_text(doc, gold_path.parent, None)] = doc

    def extract(text: str, published: date | None) -> ExtractionResult:
        doc = by_text[text]
        assert published == date.fromisoformat(doc["published"])
        events = [EventMention.model_validate(gold_event(e)) for e in doc["events"]]
        return ExtractionResult(is_protest_report=doc["is_protest_report"], text=text, events=events)

    return extract


def _loose(text: str) -> str:
    t = " ".join({"st": "saint"}.get(w, w) for w in norm_text(text).split())
    return f" {t} "


def test_examples_gold_is_well_formed() -> None:
    docs = load_gold(EXAMPLES_GOLD)
    listed = {Path(d["text_file"]).name for d in docs}
    bundled = {p.name for p in (REPO / "examples").iterdir() if p.suffix in (".txt", ".html")}
    assert listed == bundled, "every example article has gold, and every gold doc a file"
    assert len({d["doc_id"] for d in docs}) == len(docs)
    for doc in docs:
        text = document_text(doc, EXAMPLES_GOLD.parent, None)
        assert len(text) > 300, doc["doc_id"]
        if doc["text_file"].endswith(".html"):
            assert "privacy policy" not in text.lower() and "advertisement" not in text.lower(), (
                "boilerplate left in"
            )
        date.fromisoformat(doc["published"])
        if not doc["is_protest_report"]:
            assert doc["events"] == []
        loose = _loose(text)
        tokens = set(re.findall(r"[a-z0-9]+", text.lower()))
        for raw in doc["events"]:
            ev = gold_event(raw)
            where = f"{doc['doc_id']}: {ev.get('locality')}"
            date.fromisoformat(ev["date"])
            assert ev["event_type"] and set(ev["event_type"]) <= set(EVENT_TYPES), where
            assert set(ev["issues"]) <= set(ISSUES), where
            assert ev["state"] is None or re.fullmatch(r"[A-Z]{2}", ev["state"]), where
            if ev["locality"]:
                # the locality (or its alias: St. Paul, New York City ...) is written in the text
                in_text = _loose(ev["locality"]) in loose or any(
                    norm_locality(w) == norm_locality(ev["locality"])
                    for w in ("New York City", "Brooklyn")
                    if _loose(w) in loose
                )
                assert in_text, where
            if ev.get("size_low") is not None:
                assert size_category(ev["size_low"]) > 0, where
                assert ev.get("size_high") is None or ev["size_high"] >= ev["size_low"], where
                assert ev.get("size_text"), where
            for org in ev["organizations"]:
                assert org.lower() in text.lower() or initials(org) & tokens, f"{where}: {org}"
            assert ev["announced_only"] is True or ev["date"] <= doc["published"], where


def test_examples_gold_scores_one_against_itself() -> None:
    r = run_eval(EXAMPLES_GOLD, extractor=gold_as_extractor(EXAMPLES_GOLD))
    assert r["documents"] == 8
    assert r["events"]["f1"] == 1.0 and r["events"]["tp"] == 20
    assert r["relevance"]["f1"] == 1.0
    for name, v in r["fields"].items():
        assert v["accuracy"] in (None, 1.0), name
    assert r["fields"]["announced_only"]["n"] == 20
    assert r["fields"]["arrests"]["n"] == 1


def test_examples_gold_with_an_extractor_that_finds_nothing() -> None:
    def nothing(text: str, published: date | None) -> ExtractionResult:
        return ExtractionResult(is_protest_report=False, text=text)

    r = run_eval(EXAMPLES_GOLD, extractor=nothing)
    assert r["events"]["tp"] == 0 and r["events"]["fn"] == 20 and r["events"]["recall"] == 0.0
    assert r["relevance"]["recall"] == 0.0
    assert r["evidence_coverage"] is None


@pytest.mark.skipif(not SEED_GOLD.exists(), reason="../shared (seed gold) is not present")
def test_seed_gold_scores_one_against_itself() -> None:
    r = run_eval(SEED_GOLD, extractor=gold_as_extractor(SEED_GOLD))
    assert r["documents"] == 1
    assert r["events"] == {"precision": 1.0, "recall": 1.0, "f1": 1.0, "tp": 5, "fp": 0, "fn": 0}
    for name in ("date", "state", "type", "size", "organizations", "targets", "issues", "announced_only"):
        assert r["fields"][name]["accuracy"] == 1.0, name
    # the two Los Angeles events (rally-march and USC march) must not be swapped
    assert r["per_doc"][0]["errors"] == []


@pytest.mark.skipif(not SEED_GOLD.exists(), reason="../shared (seed gold) is not present")
def test_seed_gold_with_acronyms_and_one_missing_event() -> None:
    base = gold_as_extractor(SEED_GOLD)

    def shortened(text: str, published: date | None) -> ExtractionResult:
        res = base(text, published)
        events = res.events[:-1]  # drop the nationwide boycott
        for e in events:
            e.organizations = [
                {
                    "National Day Laborer Organizing Network": "NDLON",
                    "Service Employees International Union-United Service Workers West": "SEIU-USWW",
                }.get(o, o)
                for o in e.organizations
            ]
            e.targets = ["Immigration and Customs Enforcement" if t == "ICE" else t for t in e.targets]
        return res.model_copy(update={"events": events})

    r = run_eval(SEED_GOLD, extractor=shortened)
    assert (r["events"]["tp"], r["events"]["fp"], r["events"]["fn"]) == (4, 0, 1)
    assert r["fields"]["organizations"]["accuracy"] == 1.0
    assert r["fields"]["targets"]["accuracy"] == 1.0
