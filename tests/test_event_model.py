"""The learned keep/drop check of each event (``extract/event_model.py``, issue 9: false events):
its features come from what extraction computed (positions, date kinds, rules, trigger flags,
places), name no word of a page, and in mode "on" it drops the events scored below the cut,
never every event of a page; the training script fits, picks a cut and reports -- on sentences
written here."""

from __future__ import annotations

import json
from datetime import date
from importlib import resources
from pathlib import Path

import pytest

from helpers import script
from protestdb.extract import config as cfg
from protestdb.extract import extract_text, gate, linear_model
from protestdb.extract.components import run
from protestdb.extract.config import ExtractConfig
from protestdb.extract.document import ExtractDoc

PUB = date(2025, 3, 10)
#: a report with a lead rally (invented company and union), and a later paragraph announcing another
PAGE = (
    "Workers rally outside plant in Dayton\n\n"
    "Hundreds of workers rallied on Saturday outside the Brindlemoor Motors plant in Dayton, Ohio, to protest "
    "layoffs, organizers with the Quarry Workers Guild said.\n\n"
    "The company declined to comment on the layoffs.\n\n"
    "Another protest is planned for next Friday in Columbus, Ohio."
)


def _collected(text: str = PAGE) -> ExtractDoc:
    gate.clear()
    doc = ExtractDoc(text=text, published=PUB, config=ExtractConfig(event_model="collect"))
    assert run(doc, geocode=False)
    return doc


def test_each_event_gets_general_features_of_where_and_how_it_is_told() -> None:
    doc = _collected()
    feats = doc.memo["event_features"]
    assert len(feats) == len(doc.events) == 2
    lead, plan = feats
    assert {"lead", "para=0", "sent=0", "n_events=2", "has=size", "type=rally", "date_kind=relative"} <= lead
    assert "announced" not in lead and "days=d2" in lead  # Saturday, two days before Monday's page
    assert {"announced", "days=after", "trig=all_announced"} <= plan
    assert "lead" not in plan and "para=0" not in plan
    assert {"rule=one_city", "rank=0", "small&lead", "date=modal"} <= lead  # two events: a small page
    assert {"rank=1", "date=other", "small&rank=1"} <= plan


def test_no_feature_names_a_word_of_the_page() -> None:
    doc = _collected()
    for f in set().union(*doc.memo["event_features"]):
        assert not linear_model.foreign_words(f), f
        assert not any(w in f.lower() for w in ("dayton", "columbus", "brindlemoor", "quarry", "guild")), f


def test_off_by_default_and_collect_changes_no_event() -> None:
    assert cfg.EVENT_MODEL in cfg.MODEL_MODES and ExtractConfig().event_model == cfg.EVENT_MODEL
    with pytest.raises(ValueError, match="event_model must be one of on, off, collect"):
        ExtractConfig(event_model="sometimes")
    off = extract_text(PAGE, PUB, geocode=False, config=ExtractConfig(event_model="off"))
    col = extract_text(PAGE, PUB, geocode=False, config=ExtractConfig(event_model="collect"))
    assert [(e.locality, e.date) for e in off.events] == [(e.locality, e.date) for e in col.events]


def _model(weights: dict[str, float], cut: float = 0.5) -> dict[str, object]:
    return {"bias": 1.0, "weights": weights, "cut": cut}


def test_on_drops_an_event_below_the_cut_and_renumbers(monkeypatch: pytest.MonkeyPatch) -> None:
    import protestdb.extract.event_model as em

    monkeypatch.setattr(em, "load_model", lambda: _model({"announced": -5.0}))
    res = extract_text(PAGE, PUB, geocode=False, explain=True, config=ExtractConfig(event_model="on"))
    assert [e.announced_only for e in res.events] == [False]
    assert [e.index for e in res.events] == [0] and len(res.trace or []) == 1
    drops = [d for d in res.dropped or [] if d["rule"] == "event_model.filter"]
    assert len(drops) == 1 and "< cut 0.5" in drops[0]["reason"]


def test_on_never_drops_every_event_of_a_report(monkeypatch: pytest.MonkeyPatch) -> None:
    import protestdb.extract.event_model as em

    monkeypatch.setattr(em, "load_model", lambda: _model({"announced": -5.0, "lead": -3.0}))
    res = extract_text(PAGE, PUB, geocode=False, config=ExtractConfig(event_model="on"))
    assert len(res.events) == 1 and not res.events[0].announced_only  # the likelier one stays
    monkeypatch.setattr(em, "load_model", lambda: None)  # untrained: nothing happens
    assert len(extract_text(PAGE, PUB, geocode=False, config=ExtractConfig(event_model="on")).events) == 2


def test_the_shipped_model_has_a_cut_and_only_structural_features() -> None:
    ref = resources.files("protestdb.extract.data").joinpath("event_model.json")
    model = json.loads(ref.read_text(encoding="utf-8"))
    assert 0.0 <= model["cut"] < 0.5  # conservative: drop only what is likely false
    assert model["weights"] and all(" " not in f for f in model["weights"])
    assert model["cv"]["pages"] > 100 and "drop_precision" in model["cv"]["at_cut"]


def test_training_script_end_to_end(tmp_path: Path) -> None:
    docs = [
        ("g1", "Hundreds of nurses rallied in Boise on Monday for safe staffing. "
               "Another rally is planned for next month in Reno.", "Boise"),
        ("g2", "Students marched in Spokane on Friday against tuition increases. "
               "A second march is planned for next month in Fresno.", "Spokane"),
        ("g3", "Farmers protested in Lincoln on Tuesday over water rights. "
               "A protest is planned for next month in Tulsa.", "Lincoln"),
        ("g4", "Dozens of residents picketed in Tacoma on Sunday against a warehouse. "
               "A picket is planned for next month in Dallas.", "Tacoma"),
    ]
    gold = tmp_path / "own.jsonl"
    gold.write_text("".join(json.dumps({
        "doc_id": d, "text": t, "published": "2025-03-12", "is_protest_report": True,
        "events": [{"locality": place, "date": None, "type": ["rally"]}],
    }) + "\n" for d, t, place in docs), encoding="utf-8")
    out, report = tmp_path / "model.json", tmp_path / "cv.json"
    mod = script("train_event_model")
    assert mod.main(["--gold", str(gold), "--texts", str(tmp_path / "none"), "--out", str(out),
                     "--json", str(report), "--folds", "2", "--min-count", "1"]) == 0
    model = json.loads(out.read_text(encoding="utf-8"))
    assert model["cv"]["pages"] == 4 and model["cv"]["events"] >= 8 and model["cv"]["false_events"] >= 4
    assert model["weights"].get("announced", 0.0) < 0  # the planned ones are the false events here
    assert json.loads(report.read_text(encoding="utf-8"))["cut"] == model["cut"]
    assert mod.main(["--gold", str(tmp_path / "missing.jsonl"), "--out", str(out)]) == 2
    # one kind of event only: no model
    with pytest.raises(ValueError, match="both kinds"):
        mod.train([{"part": "p", "doc": "d", "gold": 1, "events": [{"features": ["lead"], "label": True}]}])
