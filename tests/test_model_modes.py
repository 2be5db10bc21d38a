"""The learned choices share one set of modes; only the targets choice is on by default; a
relevance verdict the learned second opinion overturns is traced like the rules' drops."""

from __future__ import annotations

from datetime import date

import pytest

from protestdb.extract import config as cfg
from protestdb.extract import extract_text
from protestdb.extract.config import ExtractConfig

TEXT = ("About 400 teachers marched through downtown Carlow on Tuesday to protest cuts to school budgets, "
        "carrying signs and chanting outside the district offices.")


def test_every_learned_choice_checks_the_shared_modes() -> None:
    assert cfg.MODEL_MODES == ("on", "off", "collect") and cfg.PLACE_MODEL_MODES is cfg.MODEL_MODES
    for name in ("place_model", "orgs_model", "targets_model", "relevance_model"):
        with pytest.raises(ValueError, match=f"{name} must be one of on, off, collect"):
            ExtractConfig(**{name: "sometimes"})


def test_only_the_targets_choice_is_on_by_default() -> None:
    assert (cfg.PLACE_MODEL, cfg.ORGS_MODEL, cfg.TARGETS_MODEL, cfg.RELEVANCE_MODEL) == ("off", "off", "on", "off")


def test_a_second_opinion_overturning_a_passing_score_is_traced(monkeypatch: pytest.MonkeyPatch) -> None:
    import protestdb.extract.relevance_model as rm

    pub = date(2025, 3, 12)
    assert extract_text(TEXT, pub, geocode=False).is_protest_report
    monkeypatch.setattr(rm, "second_opinion", lambda doc, score, rules_say: False)
    res = extract_text(TEXT, pub, geocode=False, explain=True, config=ExtractConfig(relevance_model="on"))
    assert not res.is_protest_report
    drops = [d for d in res.dropped or [] if d["rule"] == "relevance.second_opinion"]
    assert len(drops) == 1 and "learned second opinion" in drops[0]["reason"]


def test_a_bad_mode_in_the_environment_warns_and_keeps_the_default(monkeypatch, caplog) -> None:
    import logging

    from protestdb.extract import config

    monkeypatch.setenv("PROTESTDB_TARGETS_MODEL", "0")
    monkeypatch.setenv("PROTESTDB_ORGS_MODEL", "ON")
    with caplog.at_level(logging.WARNING, logger="protestdb.extract.config"):
        cfg = config.ExtractConfig()
    assert cfg.targets_model == config.TARGETS_MODEL
    assert cfg.orgs_model == "on"  # case does not matter
    assert any("PROTESTDB_TARGETS_MODEL" in r.getMessage() for r in caplog.records)
    # a bad mode passed in code is still an error
    import pytest

    with pytest.raises(ValueError, match="targets_model"):
        config.ExtractConfig(targets_model="maybe")
