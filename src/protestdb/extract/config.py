"""Extraction configuration: the order of the components, of the drafting rules and of the
field fillers, and the thresholds the rules use. Configuration, not wiring: a rule is turned
off by leaving its name out, and a name that is not registered is an error at start."""

from __future__ import annotations

import logging
import os
from dataclasses import dataclass, field

from protestdb import settings

logger = logging.getLogger(__name__)

#: components run in order over one shared :class:`protestdb.extract.document.ExtractDoc`
COMPONENTS: tuple[str, ...] = (
    "language",
    "published_line",
    "parse",
    "segmentation",
    "dates",
    "page_stamps",
    "triggers",
    "relevance",
    "sizes",
    "crowd_triggers",
    "places",
    "roundups",
    "counts",
    "drafting",
    "article_facts",
    "filling",
    "abroad_places",
    "announced_echoes",
    "event_filter",
    "action_targets",
    "roundup_organizers",
    "action_organizers",
    "page_organizer",
    "days_only",
)

#: per body sentence with protest words, the first rule that decides wins
DRAFT_RULES: tuple[str, ...] = (
    "back_reference",
    "national_redescribed",
    "split_by_city",
    "one_city",
    "paragraph_city",
    "section_city",
    "split_by_state",
    "national_placeless",
    "umbrella_sentence",
    "counter_protest_here",
    "continues_current",
    "dateline_city",
    "state_only",
    "unlocated",
)

#: run over all drafts after the sentences, in order
DRAFT_FILTERS: tuple[str, ...] = (
    "dateline_state",
    "drop_empty",
    "official_city",
    "venue_town",
    "distance_anchor",
    "sole_city",
    "statewide_umbrella",
    "sole_located_action",
    "drop_unlocated_beside_located",
    "drop_unlocated_beside_national",
    "counted_actions",
    "place_model",
)

#: one filler per field (or group of tied fields), in order: later fillers read earlier values
FILLERS: tuple[str, ...] = (
    "type",
    "announced",
    "place",
    "date",
    "size",
    "counts",
    "targets",
    "organizations",
    "targets_model",
    "participants",
    "notables",
    "claims_verbatim",
    "claims_summary",
    "issues",
    "valence",
    "title",
)


#: the modes of every learned choice (place check, organizations, targets, relevance): "on"
#: applies the model, "off" keeps the rules' output, "collect" records its features
MODEL_MODES = ("on", "off", "collect")
#: the old name of ``MODEL_MODES`` (the place check was the first learned choice)
PLACE_MODEL_MODES = MODEL_MODES
#: Defaults: of the learned choices only the targets one is on. It was kept because the
#: even-half checks rose (targets 0.28 -> 0.34, event F1 unchanged, docs/quality.md session 14;
#: retrained on closed-vocabulary features in session 15: above rules-only on all five checks;
#: session 16: retrained on a vocabulary of ordinary words only -- no place or organisation names,
#: no regex fragments -- still above rules-only on all five checks);
#: the place check and the relevance second opinion (no change on any check) and the
#: organization selector (session 15: up on three checks, down on dev3; session 16 retrained: dev7
#: +0.22, dev3 -0.03; session 17 retrained with dev8 odd, settings by leave-one-part-out CV: checks
#: +0.03 in sum (dev7 only), own heldout -0.02) are off.
#: the learned place check's default mode (see ``ExtractConfig.place_model``)
PLACE_MODEL = "off"
#: the learned organization selector's default mode (see ``ExtractConfig.orgs_model``)
ORGS_MODEL = "off"
#: the learned choice of targets' default mode (see ``ExtractConfig.targets_model``): on
TARGETS_MODEL = "on"
#: the learned relevance second opinion's default mode (see ``ExtractConfig.relevance_model``)
RELEVANCE_MODEL = "off"
#: the learned keep/drop check of events' default mode (see ``ExtractConfig.event_model``): on
#: (session 16, after the review's fixes: the even-half checks' event F1 rose in sum, +0.006 --
#: one false event dropped on dev4, none true --, none fell; docs/quality.md)
EVENT_MODEL = "on"


def _env_float(name: str, default: float) -> float:
    raw = os.environ.get(name)
    if raw is None or raw == "":
        return default
    try:
        return float(raw)
    except ValueError as exc:
        raise ValueError(f"{name} must be a number of seconds, not {raw!r}") from exc


def _env_mode(name: str, default: str) -> str:
    """A learned choice's mode from the environment: a value outside ``MODEL_MODES`` logs one
    warning naming the variable and keeps the default (an import never fails on a typo)."""
    raw = os.environ.get(name, "").strip().lower()
    if not raw:
        return default
    if raw not in MODEL_MODES:
        logger.warning("%s=%r is not one of %s: using %r", name, raw, ", ".join(MODEL_MODES), default)
        return default
    return raw


@dataclass(frozen=True)
class ExtractConfig:
    components: tuple[str, ...] = COMPONENTS
    draft_rules: tuple[str, ...] = DRAFT_RULES
    draft_filters: tuple[str, ...] = DRAFT_FILTERS
    fillers: tuple[str, ...] = FILLERS
    #: a nationwide action is re-described within this many paragraphs
    national_para_gap: int = 1
    #: a sentence without its own place continues the action told this many paragraphs back
    continue_para_gap: int = 2
    #: seconds one article may take; past it the run logs, skips what is left, returns what it has
    time_budget: float = field(default_factory=lambda: _env_float("PROTESTDB_EXTRACT_BUDGET", settings.EXTRACT_TIME_BUDGET))
    #: the learned place check (``place_model.py``): "on" drops and adds drafts by its score,
    #: "collect" only records the candidates (training), "off" skips it
    place_model: str = field(default_factory=lambda: _env_mode("PROTESTDB_PLACE_MODEL", PLACE_MODEL))
    #: the learned organization selector (``orgs_model.py``): "on" keeps the candidates it scores
    #: at or above its threshold, "collect" only records them (training), "off" skips it
    orgs_model: str = field(default_factory=lambda: _env_mode("PROTESTDB_ORGS_MODEL", ORGS_MODEL))
    #: the learned choice of targets (``targets_model.py``): "on" keeps the candidates it scores
    #: high, "collect" only records them (training), "off" skips it
    targets_model: str = field(default_factory=lambda: _env_mode("PROTESTDB_TARGETS_MODEL", TARGETS_MODEL))
    #: the learned relevance second opinion (``relevance_model.py``): "on" lets it judge the texts
    #: the rules are unsure of, "collect" only records the features (training), "off" skips it
    relevance_model: str = field(
        default_factory=lambda: _env_mode("PROTESTDB_RELEVANCE_MODEL", RELEVANCE_MODEL))
    #: the learned keep/drop check of each event (``event_model.py``): "on" drops the events it
    #: scores below its cut, "collect" only records the features (training), "off" skips it
    event_model: str = field(default_factory=lambda: _env_mode("PROTESTDB_EVENT_MODEL", EVENT_MODEL))
    #: re-raise errors that a production run logs and survives (tests set this)
    strict: bool = field(default_factory=lambda: os.environ.get("PROTESTDB_STRICT", "") not in ("", "0"))

    def __post_init__(self) -> None:
        if self.place_model not in MODEL_MODES:
            raise ValueError(f"place_model must be one of {', '.join(MODEL_MODES)}, not {self.place_model!r}")
        if self.orgs_model not in MODEL_MODES:
            raise ValueError(f"orgs_model must be one of {', '.join(MODEL_MODES)}, not {self.orgs_model!r}")
        if self.targets_model not in MODEL_MODES:
            raise ValueError(f"targets_model must be one of {', '.join(MODEL_MODES)}, not {self.targets_model!r}")
        if self.relevance_model not in MODEL_MODES:
            raise ValueError(f"relevance_model must be one of {', '.join(MODEL_MODES)}, not {self.relevance_model!r}")
        if self.event_model not in MODEL_MODES:
            raise ValueError(f"event_model must be one of {', '.join(MODEL_MODES)}, not {self.event_model!r}")


DEFAULT_CONFIG = ExtractConfig()
