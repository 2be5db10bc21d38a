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
#: the shipped default of ``ExtractConfig.event_model`` (config.EVENT_MODEL)
DEFAULT_MODE = "on"
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
    assert {"rule=one_city", "rank=0", "small&lead"} <= lead  # two events: a small page
    assert {"rank=1", "small&rank=1"} <= plan
    # two dates told once each: neither is the page's modal date (a tie is no fact of the dates)
    assert not any(f.endswith(("date=modal", "date=other")) for f in lead | plan)


#: two rallies, each date told once, told in either order (invented union and pages)
TIE_A = ("Nurses rally in two cities\n\nHundreds of nurses rallied in Dayton, Ohio, on Saturday for safe "
         "staffing. About 200 nurses rallied in Toledo, Ohio, on Friday.")
TIE_B = ("Nurses rally in two cities\n\nAbout 200 nurses rallied in Toledo, Ohio, on Friday for safe "
         "staffing. Hundreds of nurses rallied in Dayton, Ohio, on Saturday.")


def _date_feats(text: str) -> dict[str, set[str]]:
    doc = _collected(text)
    return {str(e.locality): {f for f in fs if "date=" in f and "rule" not in f}
            for e, fs in zip(doc.events, doc.memo["event_features"], strict=True)}


def test_the_modal_date_does_not_depend_on_the_order_of_telling() -> None:
    a, b = _date_feats(TIE_A), _date_feats(TIE_B)
    assert set(a) == {"Dayton", "Toledo"} and a == b
    assert not any("date=modal" in f or "date=other" in f for fs in a.values() for f in fs)


def test_one_feature_says_no_place() -> None:
    doc = _collected(LOCAL)
    for f in doc.memo["event_features"]:
        assert "place=none" in f
        assert not {"rule=unlocated", "key=__unlocated__", "where=none"} & f, sorted(f)


def test_no_feature_names_a_word_of_the_page() -> None:
    doc = _collected()
    for f in set().union(*doc.memo["event_features"]):
        assert not linear_model.foreign_words(f), f
        assert not any(w in f.lower() for w in ("dayton", "columbus", "brindlemoor", "quarry", "guild")), f


def test_the_default_mode_and_collect_changes_no_event(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("PROTESTDB_EVENT_MODEL", raising=False)
    assert cfg.EVENT_MODEL == DEFAULT_MODE and ExtractConfig().event_model == DEFAULT_MODE
    monkeypatch.setenv("PROTESTDB_EVENT_MODEL", "collect")
    assert ExtractConfig().event_model == "collect"
    with pytest.raises(ValueError, match="event_model must be one of on, off, collect"):
        ExtractConfig(event_model="sometimes")
    off = extract_text(PAGE, PUB, geocode=False, config=ExtractConfig(event_model="off"))
    col = extract_text(PAGE, PUB, geocode=False, config=ExtractConfig(event_model="collect"))
    assert [(e.locality, e.date) for e in off.events] == [(e.locality, e.date) for e in col.events]


#: a local page that never names its town: a march told first, a vigil the next day (invented)
LOCAL = ("Jail protests continue\n\nResidents marched downtown on Saturday against the planned county jail.\n\n"
         "On Sunday, dozens held a candlelight vigil outside the county jail.")
#: a page that never names its town: a rally told first, a march announced (invented)
LOCAL_PLAN = ("Tenants rally against rent hikes\n\nTenants rallied outside the Harbor Towers apartments on Saturday "
              "against rent increases.\n\nTenants plan to march to City Hall on Thursday, March 13.")


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


def test_on_never_drops_the_first_told_event(monkeypatch: pytest.MonkeyPatch) -> None:
    import protestdb.extract.event_model as em

    monkeypatch.setattr(em, "load_model", lambda: _model({"lead": -5.0, "rank=0": -5.0}))
    res = extract_text(PAGE, PUB, geocode=False, config=ExtractConfig(event_model="on"))
    assert [(e.locality, e.announced_only) for e in res.events] == [("Dayton", False), ("Columbus", True)]


def test_on_drops_nothing_when_no_event_of_the_page_has_a_place(monkeypatch: pytest.MonkeyPatch) -> None:
    import protestdb.extract.event_model as em

    monkeypatch.setattr(em, "load_model", lambda: _model({"place=none": -5.0, "rank=1": -5.0, "announced": -5.0}))
    for text in (LOCAL, LOCAL_PLAN):
        off = extract_text(text, PUB, geocode=False, config=ExtractConfig(event_model="off"))
        assert len(off.events) == 2 and all(e.locality is None for e in off.events)
        res = extract_text(text, PUB, geocode=False, config=ExtractConfig(event_model="on"))
        assert [(e.date, e.announced_only) for e in res.events] == [(e.date, e.announced_only) for e in off.events]
    feats = [{"place=none", "rank=0"}, {"place=none", "rank=1"}, {"place=top", "rank=2"}]
    assert em.droppable(feats[:2], [0.1, 0.1], 0.5) == []  # no place anywhere: nothing dropped
    assert em.droppable(feats, [0.1, 0.1, 0.9], 0.5) == [1]  # the lead stays, the other goes


@pytest.mark.parametrize("text", [LOCAL, LOCAL_PLAN, PAGE])
def test_the_shipped_model_keeps_a_true_lead_event(text: str) -> None:
    off = extract_text(text, PUB, config=ExtractConfig(event_model="off"))
    on = extract_text(text, PUB, config=ExtractConfig(event_model="on"))
    assert off.events and on.events
    lead = (off.events[0].locality, off.events[0].date, off.events[0].event_type)
    assert lead in [(e.locality, e.date, e.event_type) for e in on.events]


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
