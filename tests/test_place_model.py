"""The learned place check (``extract/place_model.py``): its features, its model file, its
switch, and the training script end to end -- on sentences written here."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from helpers import script
from protestdb.extract import extract_text, gate
from protestdb.extract.components import run
from protestdb.extract.config import ExtractConfig
from protestdb.extract.document import ExtractDoc
from protestdb.extract.place_model import load_model, score

RALLY = (
    "Hundreds of nurses held a rally in Denver on Saturday to demand safe staffing levels.\n\n"
    "The union's president, who was born in Omaha, said the nurses would keep marching until the "
    "hospital signs a contract."
)


def _candidates(text: str) -> dict[str, set[str]]:
    gate.clear()
    doc = ExtractDoc(text=text, published=date(2025, 3, 10), config=ExtractConfig(place_model="collect"))
    run(doc, geocode=False)
    return {c.key.split("|")[0]: c.features for c in doc.memo.get("place_candidates", [])}


@pytest.fixture(scope="module")
def rally() -> dict[str, set[str]]:
    return _candidates(RALLY)


def test_features_of_an_event_place(rally: dict[str, set[str]]) -> None:
    f = rally["denver"]
    assert {"prev=in", "tt=rally", "trig_d=0", "date_same", "drafted", "kind=city"} <= f
    assert "trig_before" in f  # "held a rally in Denver": the protest word before the place
    assert any(x.startswith("rule=") for x in f)  # the drafting rule that placed the draft there
    assert "wb=rally" in f and "wa=saturday" in f  # words around the mention
    assert "att_trig" in f  # the place hangs from the protest word ("a rally in Denver")


def test_features_of_a_birthplace(rally: dict[str, set[str]]) -> None:
    f = rally["omaha"]
    assert "prev=in" in f and "undrafted" in f
    assert "v=bear" in f or "hh=bear" in f  # "was born in Omaha": the verb the place hangs from
    assert "wb=born" in f
    assert "tt=rally" not in f  # its own sentence tells no rally
    assert "att_trig" not in f and "att_trig_verb" not in f  # nor hangs from its protest word


def test_model_ranks_event_place_above_birthplace(rally: dict[str, set[str]]) -> None:
    model = load_model()
    assert model is not None, "data/place_model.json is missing: run scripts/train_place_model.py"
    assert score(rally["denver"], model) > score(rally["omaha"], model)
    assert 0.0 <= model["thresholds"]["drop"] < model["thresholds"]["add"] <= 1.0


def test_switch_off_records_nothing_and_bad_value_is_an_error() -> None:
    gate.clear()
    doc = ExtractDoc(text=RALLY, published=date(2025, 3, 10), config=ExtractConfig(place_model="off"))
    run(doc, geocode=False)
    assert "place_candidates" not in doc.memo
    assert [d.key.split("|")[0] for d in doc.drafts] == ["denver"]
    with pytest.raises(ValueError, match="place_model must be one of"):
        ExtractConfig(place_model="maybe")


def test_extraction_keeps_the_rally_and_skips_the_birthplace() -> None:
    res = extract_text(RALLY, date(2025, 3, 10), geocode=False, config=ExtractConfig(place_model="on"))
    assert [e.locality for e in res.events] == ["Denver"]


def test_scores_drop_and_add_drafts(monkeypatch: pytest.MonkeyPatch) -> None:
    import protestdb.extract.place_model as pm

    def drafts_with(weights: dict[str, float]) -> list[str]:
        model = {"version": 1, "bias": 0.0, "weights": weights, "thresholds": {"drop": 0.3, "add": 0.9}}
        monkeypatch.setattr(pm, "load_model", lambda: model)
        gate.clear()
        doc = ExtractDoc(text=RALLY, published=date(2025, 3, 10), config=ExtractConfig(place_model="on"))
        run(doc, geocode=False)
        return sorted(d.key.split("|")[0] for d in doc.drafts)

    assert drafts_with({}) == ["denver"]  # every score 0.5: between the thresholds, the rules stand
    assert drafts_with({"wb=held": -10.0}) == []  # the rally's place scored unlikely: dropped
    added = drafts_with({"wb=born": 10.0})  # the birthplace scored likely: a draft of its own
    assert added == ["denver", "omaha"]
    res = extract_text(RALLY, date(2025, 3, 10), geocode=False, config=ExtractConfig(place_model="on"))
    assert len(res.events) == 2 and res.events[1].locality == "Omaha"
    assert res.events[1].event_type  # filled like any draft: its sentence's protest word gives the type


def _script():
    return script("train_place_model")


def test_training_script_end_to_end(tmp_path: Path) -> None:
    docs = [
        ("g1", "About 200 teachers rallied in Boise on Monday for higher pay. A teacher who grew up in Tulsa spoke."),
        ("g2", "Students marched in Spokane on Friday against tuition increases. The chancellor, a native of Fresno, "
               "declined to comment."),
        ("g3", "Farmers held a protest in Lincoln on Tuesday over water rights. One farmer moved there from Reno."),
        ("g4", "Dozens of residents picketed in Tacoma on Sunday against a warehouse. Its owner lives in Dallas."),
    ]
    places = {"g1": "Boise", "g2": "Spokane", "g3": "Lincoln", "g4": "Tacoma"}
    gold = tmp_path / "own.jsonl"
    gold.write_text("".join(json.dumps({
        "doc_id": d, "text": t, "published": "2025-03-12", "is_protest_report": True,
        "events": [{"locality": places[d], "date": None, "type": ["rally"]}],
    }) + "\n" for d, t in docs), encoding="utf-8")
    out = tmp_path / "model.json"
    mod = _script()
    assert mod.main(["--gold", str(gold), "--texts", str(tmp_path / "none"), "--out", str(out),
                     "--folds", "2", "--min-count", "1"]) == 0
    model = json.loads(out.read_text(encoding="utf-8"))
    assert model["cv"]["candidates"] >= 8 and model["cv"]["positives"] == 4
    assert set(model["thresholds"]) == {"drop", "add"}
    # no sentence of the training text is stored: feature names are single tokens
    assert all(" " not in f for f in model["weights"])
    assert model["weights"].get("drafted", 0.0) > model["weights"].get("undrafted", 0.0)
    assert mod.main(["--gold", str(tmp_path / "missing.jsonl"), "--out", str(out)]) == 2
