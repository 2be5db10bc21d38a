"""The learned choice of targets (``extract/targets_model.py``): its candidates and features,
its switch, what a model's scores do to an event's targets, and the training script end to end
-- on sentences written here."""

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

RALLY = (
    "Warehouse workers rally in Harbor City\n\n"
    "Hundreds of warehouse workers rallied in Harbor City, Ohio, on Saturday outside the Acme Freight "
    "headquarters to protest the company's plan to cut 400 jobs. Members of the Harbor Workers Union urged "
    "Mayor Dana Reyes to intervene. Lina Ortiz, who joined the rally, said the Lakeside Gazette had scrutinized "
    "the cuts."
)


def _events(text: str, mode: str) -> tuple[ExtractDoc, list]:
    gate.clear()
    doc = ExtractDoc(text=text, published=date(2025, 3, 10), config=ExtractConfig(targets_model=mode))
    run(doc, geocode=False)
    return doc, doc.events


@pytest.fixture(scope="module")
def collected() -> dict[str, set[str]]:
    doc, events = _events(RALLY, "collect")
    assert len(events) == 1
    cands = doc.memo["target_candidates"][id(events[0])]
    return {c.name: c.features | {f"_kept={c.kept}"} for c in cands}


def test_candidates_hold_the_rules_targets_and_the_parse_names(collected: dict[str, set[str]]) -> None:
    assert "Acme Freight" in collected and "_kept=True" in collected["Acme Freight"]
    assert "Harbor Workers Union" in collected  # an organization of the sentence: a candidate ...
    f = collected["Harbor Workers Union"]
    assert "organizer" in f and "unionish" in f and "_kept=False" in f  # ... the event's own organizer
    assert "Dana Reyes" in collected and "src=ent:official" in collected["Dana Reyes"]
    assert "cls=person" in collected["Dana Reyes"]  # never a person's name as a feature
    assert not any("reyes" in x or "dana" in x for x in collected["Dana Reyes"])
    assert "cls=protesters" in f and "cls=company" not in f


def test_features_tell_the_frame_of_a_mention(collected: dict[str, set[str]]) -> None:
    f = collected["Acme Freight"]
    assert "kept" in f and any(x.startswith("src=kept:targets.") for x in f)
    assert {"h=headquarters", "dep=compound", "where=own", "K|where=own"} <= f  # "outside the X headquarters"
    assert "et=rally" in f
    gazette = collected.get("Lakeside Gazette")
    if gazette is not None:  # (spaCy tags the paper ORG): the subject of "scrutinized" (no word of the
        assert {"dep=nsubj", "v=~VERB"} <= gazette  # closed vocabulary: its class), told after "said"


def test_switch_off_records_nothing_and_bad_value_is_an_error() -> None:
    doc, events = _events(RALLY, "off")
    assert "target_candidates" not in doc.memo
    assert "Acme Freight" in events[0].targets
    with pytest.raises(ValueError, match="targets_model must be one of"):
        ExtractConfig(targets_model="maybe")


def test_scores_drop_and_add_targets(monkeypatch: pytest.MonkeyPatch) -> None:
    import protestdb.extract.targets_model as tm

    def targets_with(weights: dict[str, float], fill: float = 1.1) -> list[str]:
        model = {"version": 1, "bias": 0.0, "weights": weights, "thresholds": {"drop": 0.3, "add": 0.9, "fill": fill}}
        monkeypatch.setattr(tm, "load_model", lambda: model)
        res = extract_text(RALLY, date(2025, 3, 10), geocode=False, config=ExtractConfig(targets_model="on"))
        ev = res.events[0]
        for e in ev.evidence.get("targets", []):  # every target's evidence is found at its offsets
            assert res.text[e.start : e.end] == e.quote
        assert len(ev.evidence.get("targets", [])) >= len(ev.targets)
        return ev.targets

    rules = extract_text(RALLY, date(2025, 3, 10), geocode=False, config=ExtractConfig(targets_model="off")).events[0].targets
    assert targets_with({}) == rules  # every score 0.5: between the thresholds, the rules stand
    assert "Acme Freight" not in targets_with({"h=headquarters": -10.0})  # scored unlikely: dropped
    # the union scored likely: still never added, the protesters' own body (``model_never_fill``)
    assert targets_with({"unionish": 10.0}) == rules
    # every candidate scored low: none is kept, unless the likeliest is above the fill threshold
    assert targets_with({"kept": -5.0, "not_kept": -5.0}) == []
    # (the likeliest is the protesters' own union: never the only target, ``model_never_fill``)
    assert targets_with({"kept": -5.0, "not_kept": -5.0, "unionish": 4.0}, fill=0.2) == []


_FILL = ("Nurses rally in Fernhollow\n\nAbout 150 nurses rallied in Fernhollow, Oregon, on Friday over staffing "
         "levels at a rally organized by the Fernhollow Nurses Guild. Mayor Tessa Brandt spoke to the crowd outside "
         "Fernhollow City Hall, the Fernhollow Gazette reported.")


@pytest.mark.parametrize(
    ("person", "add", "fill", "expected"),
    [(0.0, 1.0, 0.05, ["Tessa Brandt"]), (0.0, 1.0, 0.5, []), (5.0, 0.9, 1.1, ["Tessa Brandt"]), (0.0, 0.9, 1.1, [])],
)
def test_the_model_adds_or_fills_an_addressable_name_never_a_paper_or_the_organizer(
    monkeypatch: pytest.MonkeyPatch, person: float, add: float, fill: float, expected: list[str]
) -> None:
    import protestdb.extract.targets_model as tm

    # the guild (the organizer) and the paper score highest, the official low unless weighted: with
    # no target kept the official fills in when the fill threshold lets her, and is added when she
    # scores above ``add``; never the guild or the paper, whatever they score
    model = {"version": 1, "bias": -2.0, "weights": {"unionish": 5.0, "cls=media": 5.0, "cls=person": person},
             "thresholds": {"drop": 0.3, "add": add, "fill": fill}}
    monkeypatch.setattr(tm, "load_model", lambda: model)
    _doc, events = _events(_FILL, "on")
    assert [e.targets for e in events] == [expected]


def test_may_fill_reads_the_candidates_kind() -> None:
    from protestdb.extract.targets_model import TargetCandidate, may_fill

    def cand(*features: str) -> TargetCandidate:
        return TargetCandidate("Westmoor Freight", (0, 15, "Westmoor Freight"), features=set(features))

    assert may_fill(cand("cls=company", "ent=ORG"))
    assert may_fill(cand("cls=person", "ent=PERSON"))
    for bad in ("cls=media", "cls=protesters", "cls=building", "unionish", "ent=FAC", "ent=GPE", "ent=EVENT"):
        assert not may_fill(cand("ent=ORG", bad)), bad
    # a government whose name shares words with the organizer's is still addressable
    assert may_fill(cand("cls=government", "ent=ORG", "organizer"))


def test_the_shipped_model_is_off_by_default_or_loads() -> None:
    from protestdb.extract.config import TARGETS_MODEL
    from protestdb.extract.targets_model import load_model

    assert TARGETS_MODEL in ("on", "off")
    model = load_model()
    if TARGETS_MODEL == "on":
        assert model is not None
    if model is not None:
        assert 0.0 <= model["thresholds"]["drop"] <= 1.0 and 0.0 <= model["thresholds"]["add"] <= 1.0
        assert all(" " not in f for f in model["weights"])  # single tokens: no page text stored


def _script():
    return script("train_targets_model")


def test_training_script_end_to_end(tmp_path: Path) -> None:
    docs = [
        ("g1", "About 200 tenants rallied in Boise on Monday against Ridgeway Property Group to demand repairs. "
               "The Boise Tenants Alliance organized the rally.", "Ridgeway Property Group"),
        ("g2", "Students marched in Spokane on Friday to protest the Spokane School Board over budget cuts. "
               "The Spokane Student Union led the march.", "Spokane School Board"),
        ("g3", "Farmers held a protest in Lincoln on Tuesday against Delta Water Authority over water rights. "
               "The Lincoln Farmers Coalition called the protest.", "Delta Water Authority"),
        ("g4", "Dozens of residents picketed in Tacoma on Sunday against Northgate Logistics and its new warehouse. "
               "The Tacoma Neighbors Association organized the picket.", "Northgate Logistics"),
    ]
    places = {"g1": "Boise", "g2": "Spokane", "g3": "Lincoln", "g4": "Tacoma"}
    gold = tmp_path / "own.jsonl"
    gold.write_text("".join(json.dumps({
        "doc_id": d, "text": t, "published": "2025-03-12", "is_protest_report": True,
        "events": [{"locality": places[d], "date": None, "type": ["rally"], "targets": [target]}],
    }) + "\n" for d, t, target in docs), encoding="utf-8")
    out = tmp_path / "model.json"
    mod = _script()
    assert mod.main(["--gold", str(gold), "--texts", str(tmp_path / "none"), "--out", str(out),
                     "--folds", "2", "--min-count", "1"]) == 0
    model = json.loads(out.read_text(encoding="utf-8"))
    assert model["cv"]["events"] == 4 and model["cv"]["positives"] >= 3
    assert set(model["thresholds"]) == {"drop", "add", "fill"}
    assert all(" " not in f for f in model["weights"])
    assert model["weights"].get("organizer", 0.0) < 0.0  # the organizers are never the targets here
    assert mod.main(["--gold", str(tmp_path / "missing.jsonl"), "--out", str(out)]) == 2


def test_choose_keeps_rules_above_drop_and_adds_above_add() -> None:
    mod = _script()
    cands = [{"name": "Harbor City Council", "kept": True}, {"name": "Acme Freight", "kept": True},
             {"name": "Acme Freight Inc", "kept": False}, {"name": "Port Authority", "kept": False}]
    # the rules' name scored low goes; a fuller name of the same body scored high comes in
    assert mod.choose(cands, [0.9, 0.1, 0.95, 0.5], drop=0.2, add=0.8) == ["Harbor City Council", "Acme Freight Inc"]
    # an added name that contains a kept one's name is the same body told again
    assert mod.choose(cands, [0.9, 0.5, 0.95, 0.85], drop=0.2, add=0.8) == ["Harbor City Council", "Acme Freight", "Port Authority"]


def test_a_name_told_in_a_time_reference_is_never_added(monkeypatch: pytest.MonkeyPatch) -> None:
    import protestdb.extract.targets_model as tm

    text = ("About 300 people rallied in Harbor City, Ohio, on Saturday for voting rights, a week after "
            "President Dana Reyes's inauguration, organizers said.")
    model = {"version": 1, "bias": 5.0, "weights": {}, "thresholds": {"drop": 0.3, "add": 0.5, "fill": 0.5}}
    monkeypatch.setattr(tm, "load_model", lambda: model)
    doc, events = _events(text, "on")
    assert all("Dana Reyes" not in ev.targets for ev in events)
    doc, events = _events(text, "collect")
    cands = {c.name: c.features for c in doc.memo["target_candidates"][id(events[0])]}
    assert "time_ref" in cands["Dana Reyes"]  # a candidate (a titled official), told as a time


def test_same_body_by_part_of_the_name_or_a_known_short_form() -> None:
    from protestdb.extract.targets_model import same_body

    assert same_body("Acme Freight", "Acme Freight Inc")
    assert same_body("ICE", "Immigration and Customs Enforcement")
    assert not same_body("Harbor City Council", "Acme Freight")
    # initials of the other name's capitalised words, told beside it on the page: one body told twice
    page = "Marchers met the Dunmore Police Department (DPD) at the bridge; DPD officers stood by."
    assert same_body("DPD", "Dunmore Police Department", page)
    assert same_body("DPD", "Dunmore Police Department", "DPD (Dunmore Police Department) sent officers.")
    assert not same_body("DPA", "Dunmore Police Department", page)
    assert not same_body("Dpd", "Dunmore Police Department", page)
    # initials alone, the page never pairing them: two bodies
    assert not same_body("DPD", "Dunmore Police Department")
    page = "Students of the University of Westmark marched to the UW offices of the United Workers."
    assert not same_body("UW", "University of Westmark", page)


_NEVER_ADDED = {
    "time_into": "Protesters march in Seattle\n\nHundreds of protesters marched in Seattle, Washington, on Saturday, "
    "two months into President Donald Trump's second term.",
    "time_days_into": "Rally in Boise\n\nAbout 200 people rallied in Boise, Idaho, on Saturday, 100 days into "
    "President Donald Trump's term.",
    "time_as_passed": "Protest in Provo\n\nDozens of people protested in Provo, Utah, on Tuesday as President Donald "
    "Trump's motorcade passed through Utah.",
    "support": "Supporters rally in Tampa\n\nHundreds of people rallied in Tampa, Florida, on Saturday in support of "
    "President Donald Trump's reelection.",
    "celebrate": "Rally in Atlanta\n\nHundreds of people rallied in Atlanta, Georgia, on Wednesday to celebrate "
    "Sen. Raphael Warnock's reelection.",
    "organizer": "March in the Bronx\n\nHundreds of people marched in the Bronx, New York, on Sunday against rising "
    "rents in a rally organized by Rep. Alexandria Ocasio-Cortez's campaign.",
    "government_other_sentence": "Vigil in Manchester\n\nHundreds of people held a vigil in Manchester, England, on "
    "Monday for the victims of the attack. The government announced extra funding.",
    "government_support": "Rally in Toronto\n\nHundreds of people rallied in Toronto, Canada, on Sunday in support "
    "of Ukraine. The government of Canada has pledged more aid.",
    "nongovernmental": "Vigil in Leeds\n\nHundreds of people held a vigil in Leeds, England, on Monday for refugees, "
    "organised by a nongovernmental charity.",
}


@pytest.mark.parametrize("key", sorted(_NEVER_ADDED))
def test_the_model_adds_no_target_in_a_time_support_organizer_or_untold_government_frame(key: str) -> None:
    _doc, events = _events(_NEVER_ADDED[key], "on")
    assert events
    assert all(not e.targets for e in events), [e.targets for e in events]


@pytest.mark.parametrize(
    ("text", "target"),
    [
        ("March in Seattle\n\nHundreds of protesters marched in Seattle, Washington, on Saturday against President "
         "Donald Trump's immigration policies.", "Donald Trump"),
        ("Anti-government march in London\n\nThousands of people marched in London, England, on Saturday against "
         "the government's spending cuts.", "UK government"),
        ("Rally in Ottawa\n\nHundreds of people rallied in Ottawa, Canada, on Sunday. Protesters urged the government "
         "to act on housing.", "Canadian government"),
    ],
)
def test_the_model_still_adds_an_opposed_figure_or_government(text: str, target: str) -> None:
    _doc, events = _events(text, "on")
    assert any(target in (e.targets or []) for e in events), [e.targets for e in events]
