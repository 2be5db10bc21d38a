"""The learned relevance second opinion (``extract/relevance_model.py``): its switch, its features
and its weights file (single lemmas and structural tags, never page text)."""

from __future__ import annotations

import re
from datetime import date

import pytest

from protestdb.extract import extract_text, relevance_model
from protestdb.extract.config import ExtractConfig
from protestdb.extract.lexicons import load

PUB = date(2024, 5, 14)
REPORT = ("About 200 nurses marched outside Millbrook General Hospital on Monday to demand safer staffing, "
          "organizers said.\n\nThe union said it would hold another rally next week.")
FEATURE = re.compile(r"w:[a-z]+|score:-?\d|frame:[a-z_]+(?::(?:dense|some))?|triggers:\d\+?|type:[a-z -]+"
                     r"|dates:(?:in|old|amb)|quoted_only|no_new_action|background_only|announced|no_published")


def test_mode_is_checked() -> None:
    with pytest.raises(ValueError, match="relevance_model"):
        ExtractConfig(relevance_model="maybe")


def test_weights_are_single_lemmas_or_tags() -> None:
    model = load("relevance_model")
    assert model["weights"] and all(FEATURE.fullmatch(f) for f in model["weights"])
    assert 0.0 < float(model["cut"]) < 1.0 and all(isinstance(s, int) for s in model["band"])


def test_collect_records_features_and_keeps_the_rules_decision() -> None:
    from protestdb.extract import gate
    from protestdb.extract.components import run
    from protestdb.extract.document import ExtractDoc

    gate.clear()
    xd = ExtractDoc(text=REPORT, published=PUB, config=ExtractConfig(relevance_model="collect"))
    assert run(xd, geocode=False)
    feats = xd.memo["relevance_features"]
    assert {"w:nurse", "w:demand", "dates:in"} <= feats and any(f.startswith("score:") for f in feats)
    assert not any(" " in f for f in feats) and "w:millbrook" not in feats  # no names


def _model(bias: float, band: list[int]) -> dict:
    return {"version": 1, "bias": bias, "weights": {}, "band": band, "cut": 0.5}


def test_on_asks_the_model_only_in_its_band(monkeypatch: pytest.MonkeyPatch) -> None:
    cfg = ExtractConfig(relevance_model="on")
    assert extract_text(REPORT, PUB, config=cfg).is_protest_report
    monkeypatch.setattr(relevance_model, "load_model", lambda: _model(-10.0, list(range(-3, 7))))
    assert not extract_text(REPORT, PUB, config=cfg).is_protest_report  # the model vetoes
    monkeypatch.setattr(relevance_model, "load_model", lambda: _model(-10.0, [-3]))
    assert extract_text(REPORT, PUB, config=cfg).is_protest_report  # outside the band: the rules decide
    assert extract_text(REPORT, PUB, config=ExtractConfig(relevance_model="off")).is_protest_report
