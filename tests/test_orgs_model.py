"""The learned organization selector (``extract/orgs_model.py``): its candidates and features,
its model file and switch, and the general name fixes that came with it -- on sentences
written here."""

from __future__ import annotations

from datetime import date

import pytest

from protestdb.extract import extract_text
from protestdb.extract.config import ExtractConfig
from protestdb.extract.orgs_model import COLLECTED, OrgCandidate, load_model, score

DAY = date(2025, 3, 10)
RALLY = (
    "Nurses rally for safe staffing in Millbrook\n\n"
    "MILLBROOK, Ohio -- About 300 nurses rallied outside Saint Elm Hospital in Millbrook on Saturday "
    "in a protest organized by the Valley Nurses Guild Union. "
    "A spokesperson for the Millbrook Police Department said the crowd was peaceful and no one was arrested."
)


def _collect(text: str) -> dict[str, OrgCandidate]:
    COLLECTED.clear()
    res = extract_text(text, DAY, config=ExtractConfig(orgs_model="collect"))
    assert res.events, "the invented rally must give an event"
    out = {c.name: c for _, cands in COLLECTED for c in cands}
    COLLECTED.clear()
    return out


@pytest.fixture(scope="module")
def rally() -> dict[str, OrgCandidate]:
    return _collect(RALLY)


def test_candidates_carry_their_frame_and_the_rules_decision(rally: dict[str, OrgCandidate]) -> None:
    org = rally["Valley Nurses Guild Union"]
    assert org.rule_kept and org.source.startswith("organizations.")
    assert {"l2:by_the", "l3:organized", "hdep=pobj:by", "last:union", "org_word", "in_segment"} <= org.features
    police = rally["Millbrook Police Department"]
    assert not police.rule_kept  # the rules' filter rejected it: its reason is a feature
    assert police.source.startswith("rej:") and f"src:{police.source}" in police.features
    assert "l2:for_the" in police.features and "ar1:said" in police.features


def test_model_ranks_organizer_above_police_spokesperson(rally: dict[str, OrgCandidate]) -> None:
    model = load_model()
    assert model is not None, "data/orgs_model.json is missing: run scripts/train_orgs_model.py"
    t = model["thresholds"]
    assert 0.0 <= float(t["drop"]) <= float(t["add"]) <= 1.0
    org = score(rally["Valley Nurses Guild Union"].features, model)
    police = score(rally["Millbrook Police Department"].features, model)
    assert org > police
    assert org >= float(t["drop"])  # the rules' organizer stays
    assert police < float(t["add"])  # the police force the rules rejected stays out


def test_a_person_is_never_a_candidate() -> None:
    cands = _collect(
        "About 80 tenants marched to City Hall in Millbrook, Ohio, on Saturday. "
        "Marisol Quentworth led the chants, and Quentworth said the rents were too high."
    )
    assert not any("Quentworth" in name for name in cands)


def test_switch_on_fills_organizations_with_the_models_choice() -> None:
    res = extract_text(RALLY, DAY, config=ExtractConfig(orgs_model="on"))
    orgs = [o for ev in res.events for o in ev.organizations]
    assert "Valley Nurses Guild Union" in orgs
    assert "Millbrook Police Department" not in orgs
    for ev in res.events:  # evidence quotes the text, as every field's
        for sp in ev.evidence.get("organizations", []):
            assert res.text[sp.start : sp.end] == sp.quote


def test_a_wrong_mode_is_a_clear_error() -> None:
    with pytest.raises(ValueError, match="orgs_model must be one of"):
        ExtractConfig(orgs_model="maybe")


def test_training_script_learns_a_frame_from_rows() -> None:
    """``scripts/train_orgs_model.py`` on rows written here: "organized by" names are positive,
    police spokespeople negative; the fitted weights and the CV thresholds say so."""
    from helpers import script

    mod = script("train_orgs_model")
    events = []
    for i in range(30):
        good = {"name": f"Group {i} Union", "features": ["l2:by_the", "src:organizations.in_event_scope"],
                "rule_kept": True, "label": True}
        bad = {"name": f"Town {i} Police", "features": ["l2:for_the", "ar1:said", "cls:police"],
               "rule_kept": i % 2 == 0, "label": False}
        events.append({"doc": f"d{i}", "gold": [good["name"]], "rules": [good["name"], bad["name"]] if i % 2 == 0
                       else [good["name"]], "shared": [], "cands": [good, bad]})
    model = mod.train(events, folds=3, min_count=2, l2=1.0)
    assert model["weights"]["l2:by_the"] > 0 > model["weights"]["cls:police"]
    assert model["cv"]["model_orgs_f1"] >= model["cv"]["rules_orgs_f1"]
    assert model["cv"]["model_orgs_f1"] == 1.0  # the police names the rules kept are dropped


def test_training_script_leaves_one_part_out() -> None:
    """``--folds 0``: one fold per part (the gold file's stem before the ":" of a row's doc), and
    the CV numbers per part."""
    from helpers import script

    mod = script("train_orgs_model")
    events = []
    for part in ("alpha", "beta", "gamma"):
        for i in range(10):
            good = {"name": f"Group {i} Union", "features": ["l2:by_the"], "rule_kept": True, "label": True}
            bad = {"name": f"Town {i} Police", "features": ["cls:police"], "rule_kept": True, "label": False}
            events.append({"doc": f"{part}:d{i}", "gold": [good["name"]], "rules": [good["name"], bad["name"]],
                           "shared": [], "cands": [good, bad]})
    _, fold_of = mod.part_folds(events)
    assert len(set(fold_of.values())) == 3 and fold_of["alpha:d0"] == fold_of["alpha:d9"] != fold_of["beta:d0"]
    model = mod.train(events, folds=0, min_count=2, l2=1.0)
    assert set(model["cv"]["per_part"]) == {"alpha", "beta", "gamma"}
    assert all(m == 1.0 > r for r, m in model["cv"]["per_part"].values())
