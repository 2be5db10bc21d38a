"""The extraction trace: every value names the rule that produced it; dropped candidates name
the rule that dropped them; the pipeline's order is configuration."""

from __future__ import annotations

import json
import subprocess
import sys
from datetime import date

import pytest

from conftest import SEED
from protestdb.extract import ExtractConfig, extract_text
from protestdb.extract.config import FILLERS
from protestdb.models import EVIDENCED_FIELDS

TWO_CITIES = (
    "Nurses rally in Denver, Colo., on Saturday\n\n"
    "DENVER — About 300 nurses rallied outside Mercy General Hospital in Denver on Saturday, "
    "demanding safe staffing. The rally was organized by the Colorado Nurses Union.\n\n"
    "In Boulder, dozens of students marched to the county courthouse on Saturday against tuition hikes."
)


def _non_null_fields(ev: dict) -> list[str]:
    out = []
    for name in EVIDENCED_FIELDS:
        v = ev.get(name)
        if v is None or v == [] or v == "" or (name == "size_cat" and v == 0):
            continue
        if name in ("online", "announced_only") and v is False:
            continue
        out.append(name)
    return out


def test_every_value_names_a_rule_on_a_written_article() -> None:
    res = extract_text(TWO_CITIES, date(2025, 3, 9), explain=True).to_json_dict()
    assert res["events"], "the article tells events"
    for ev in res["events"]:
        for name in _non_null_fields(ev):
            steps = ev["trace"].get(name)
            assert steps, f"{name} has no rule"
            assert all(s["rule"] and "." in s["rule"] for s in steps)
        assert ev["trace"]["event"][0]["rule"].startswith("drafting.")
    denver = next(e for e in res["events"] if e["locality"] == "Denver")
    assert denver["trace"]["size_text"][0]["rule"].startswith("size.")
    assert denver["trace"]["size_text"][0]["evidence"][0]["quote"] == denver["size_text"]


@pytest.mark.skipif(not SEED.exists(), reason="shared seed article not available")
def test_seed_explain_json_names_a_rule_for_every_non_null_field() -> None:
    out = subprocess.run(
        [sys.executable, "-m", "protestdb.cli", "extract", str(SEED), "--published", "2025-03-03", "--explain",
         "--format", "json"],
        capture_output=True, text=True, check=True,
    ).stdout
    res = json.loads(out)
    assert len(res["events"]) == 5
    assert isinstance(res["dropped"], list) and res["dropped"]
    assert all(set(d) == {"candidate", "rule", "reason"} for d in res["dropped"])
    for ev in res["events"]:
        fields = _non_null_fields(ev)
        assert fields
        for name in fields:
            steps = ev["trace"].get(name)
            assert steps, f"event at {ev['locality']}: {name} has no rule"
            for s in steps:
                assert set(s) == {"rule", "evidence", "note"}
                for e in s["evidence"]:
                    assert e["quote"]


def test_readable_explain_lists_rules_and_drops() -> None:
    from protestdb.extract.explain import format_explain

    res = extract_text(TWO_CITIES, date(2025, 3, 9), explain=True).to_json_dict()
    text = format_explain(res)
    assert "<- place." in text and "<- date." in text and "dropped (" in text


def test_trace_absent_unless_asked() -> None:
    res = extract_text(TWO_CITIES, date(2025, 3, 9))
    assert res.trace is None and res.dropped is None
    assert "trace" not in res.to_json_dict()["events"][0]
    assert "dropped" not in res.to_json_dict()


def test_dropped_candidates_name_the_rule() -> None:
    text = ("Protests took place across the country on Saturday.\n\n"
            "In Austin, hundreds of teachers rallied at the Capitol on Saturday. Buses brought members from Dallas.")
    res = extract_text(text, date(2025, 3, 9), explain=True)
    rules = {d["rule"] for d in res.dropped or []}
    assert "drafting.non_event_place" in rules  # "from Dallas": an origin, not a site
    assert [e.locality for e in res.events] == ["Austin"]


def test_negated_trigger_is_recorded_as_dropped() -> None:
    text = ("Nurses rallied in Denver on Saturday for safe staffing. A drone strike hit a convoy abroad. "
            "The nurses then marched to City Hall.")
    res = extract_text(text, date(2025, 3, 9), explain=True)
    drops = [d for d in res.dropped or [] if d["rule"] == "triggers.negative_context"]
    assert any("'strike'" in d["candidate"] for d in drops)
    assert all("strike" not in e.event_type for e in res.events)


def test_order_is_configuration() -> None:
    full = extract_text(TWO_CITIES, date(2025, 3, 9))
    no_size = extract_text(TWO_CITIES, date(2025, 3, 9), config=ExtractConfig(fillers=tuple(f for f in FILLERS if f != "size")))
    assert any(e.size_text for e in full.events)
    assert not any(e.size_text for e in no_size.events)
    assert [e.locality for e in no_size.events] == [e.locality for e in full.events]
    with pytest.raises(KeyError, match="no_such_rule"):
        extract_text(TWO_CITIES, date(2025, 3, 9), config=ExtractConfig(draft_rules=("no_such_rule",)))


def test_time_budget_returns_what_it_has(caplog: pytest.LogCaptureFixture) -> None:
    res = extract_text(TWO_CITIES, date(2025, 3, 9), explain=True, config=ExtractConfig(time_budget=-1.0))
    assert res.events == []
    assert any(d["rule"] == "pipeline.time_budget" for d in res.dropped or [])
    assert any("budget" in r.getMessage() for r in caplog.records)


def test_time_budget_counts_work_not_waiting(monkeypatch: pytest.MonkeyPatch) -> None:
    # a busy machine (here: a component that waits) must not cut a page short: the budget is CPU time
    import time

    from protestdb.extract import components

    full = extract_text(TWO_CITIES, date(2025, 3, 9))
    original = components.COMPONENTS["language"]

    def waits(doc):  # type: ignore[no-untyped-def]
        time.sleep(1.5)
        return original(doc)

    monkeypatch.setitem(components.COMPONENTS, "language", waits)
    slow = extract_text(TWO_CITIES, date(2025, 3, 9), config=ExtractConfig(time_budget=1.0))
    assert full.events and [e.locality for e in slow.events] == [e.locality for e in full.events]


@pytest.mark.slow
def test_long_repetitive_text_extracts_in_linear_time() -> None:
    """100,000 characters of protest words: once ~276 s (per-trigger rescans); now a few seconds.
    The one time bound of the suite (asked for by the speed issue), with a wide margin: CPU time."""
    import time

    extract_text("Nurses marched in Denver on Saturday.", date(2025, 3, 3))  # load the models first
    text = ("protest march rally " * 5000)[:100_000]
    t0 = time.process_time()
    res = extract_text(text, date(2025, 3, 3))
    assert time.process_time() - t0 < 10.0
    assert res.is_protest_report
