"""Train the learned organization selector (``protestdb.extract.orgs_model``) on annotated pages.

Usage: python3 scripts/train_orgs_model.py [--gold FILE[:odd|:even] ...] [--texts DIR] [--out FILE]
       [--folds N] [--min-count N] [--l2 X] [--rows CACHE] [--all-events]

Default training pages: the analysable real-news parts (dev, dev2 and the odd halves of dev3 to
dev8; texts in ``--texts``). Never the even halves or the blind part: they are
the checks.

Each page is extracted as the benchmark does, with ``orgs_model = "collect"``; its events are
paired with the gold events by the scorer's own matching. Each candidate of a paired event is
positive when its name matches one of the gold event's organizations by the scorer's own name
matching (``evaluate.normalize.names_match``). Only events whose gold names organizations are
used (the scorer scores the field only there), unless ``--all-events``. A logistic regression
(plain numpy, L2; the fitting code of ``train_place_model.py``) is fit; the thresholds (``drop``:
a name the rules gave goes below it; ``add``: another candidate comes in at or above it) are
picked on out-of-fold scores of a cross-validation grouped by document (``--folds 0``: one fold
per part, leave one part out; the per-part numbers are printed), maximising the scorer's mean
per-event organizations F1. The weights (feature names are single words or word pairs of news
writing, no sentences of the pages) go to ``--out`` (default
``src/protestdb/extract/data/orgs_model.json``); the cross-validated numbers are printed.
"""

from __future__ import annotations

import logging
import sys
from pathlib import Path
from typing import Any

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))
from logistic import REALNEWS_DEV, arguments, auc, closed_features, design, fit, fit_or_report, gold_pages, grouped_folds, model_file, part_folds, predict, print_top, rows_or_collect, start, write_model  # noqa: E402,I001

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_GOLD = REALNEWS_DEV
DEFAULT_OUT = ROOT / "src" / "protestdb" / "extract" / "data" / "orgs_model.json"
logger = logging.getLogger("train_orgs_model")


def collect(gold_files: list[Path], texts: Path | None, all_events: bool = False) -> list[dict[str, Any]]:
    """One row per paired event: doc id, gold organizations, the final organizations of the
    rules, those shared after filling, and its candidates (name, features, rule_kept, label)."""
    from protestdb.evaluate.normalize import names_match
    from protestdb.evaluate.scorer import _published, gold_event, match_events, pred_event
    from protestdb.extract import extract_text
    from protestdb.extract.config import ExtractConfig
    from protestdb.extract.orgs_model import COLLECTED

    config = ExtractConfig(orgs_model="collect")
    rows: list[dict[str, Any]] = []
    for gold, _half, doc, text in gold_pages(gold_files, texts, reports_only=True):
        did = f"{gold.stem}:{doc.get('doc_id')}"
        try:
            COLLECTED.clear()
            res = extract_text(text, _published(doc), config=config)
        except Exception as e:  # noqa: BLE001 - one bad page never stops the training run
            logger.warning("%s: skipped (%s)", did, e)
            continue
        golds = [gold_event(e) for e in doc.get("events") or []]
        preds = [pred_event(e) for e in res.events]
        cands_of = {id(ev): cands for ev, cands in COLLECTED}
        for i, j in match_events(preds, golds):
            gorgs = golds[j].get("organizations") or []
            if not gorgs and not all_events:
                continue
            cands = cands_of.get(id(res.events[i]), [])
            kept = {c.name for c in cands if c.rule_kept}
            final = list(preds[i].get("organizations") or [])
            rows.append({
                "doc": did, "gold": gorgs, "rules": final,
                "shared": [n for n in final if n not in kept],
                "cands": [{
                    "name": c.name, "features": sorted(c.features), "rule_kept": c.rule_kept,
                    "label": any(names_match(c.name, g) or (c.org is not None and c.org.acronym is not None
                                                            and names_match(c.org.acronym, g)) for g in gorgs),
                } for c in cands],
            })
    return rows


def _event_f1(names: list[str], gold: list[str]) -> float:
    from protestdb.evaluate.normalize import names_match
    from protestdb.evaluate.scorer import set_f1

    return set_f1(names, gold, names_match)


def _chosen(ev: dict[str, Any], p: np.ndarray, drop: float, add: float) -> list[str]:
    """The names the selector keeps (``orgs_model.keeps``): the rules' names scored at or above
    ``drop``, the other candidates at or above ``add``."""
    names = [c["name"] for c, s in zip(ev["cands"], p, strict=True) if s >= (drop if c["rule_kept"] else add)]
    return names or list(ev["shared"])  # the action's organizers still go to an event with none


def mean_f1(events: list[dict[str, Any]], probs: list[np.ndarray], drop: float, add: float) -> float:
    scored = [(ev, p) for ev, p in zip(events, probs, strict=True) if ev["gold"]]
    return sum(_event_f1(_chosen(ev, p, drop, add), ev["gold"]) for ev, p in scored) / max(1, len(scored))


def vocabulary(events: list[dict[str, Any]], min_docs: int) -> list[str]:
    """Features seen on at least ``min_docs`` documents (a name's own words, repeated on one
    page, never become features)."""
    docs: dict[str, set[str]] = {}
    for ev in events:
        for c in ev["cands"]:
            for f in c["features"]:
                docs.setdefault(f, set()).add(ev["doc"])
    return closed_features(sorted(f for f, d in docs.items() if len(d) >= min_docs))


def _flat(events: list[dict[str, Any]]) -> list[dict[str, Any]]:
    return [c for ev in events for c in ev["cands"]]


def cross_validate(events: list[dict[str, Any]], folds: int, min_count: int, l2: float) -> dict[str, Any]:
    """Out-of-fold scores, the thresholds that maximise the mean event F1 on them and the CV
    numbers; ``folds`` 0 = leave one part out (``logistic.part_folds``), else grouped by document."""
    docs, fold_of = part_folds(events) if folds == 0 else grouped_folds(events, folds)
    folds = max(fold_of.values(), default=-1) + 1
    probs: list[np.ndarray] = [np.zeros(len(ev["cands"])) for ev in events]
    for k in range(folds):
        tr_events = [ev for ev in events if fold_of[ev["doc"]] != k]
        tr = _flat(tr_events)
        vocab = vocabulary(tr_events, min_count)
        b, w = fit(design(tr, vocab), np.array([c["label"] for c in tr], dtype=float), l2)
        for n, ev in enumerate(events):
            if fold_of[ev["doc"]] == k and ev["cands"]:
                probs[n] = predict(b, w, design(ev["cands"], vocab))
    best, drop, add = -1.0, 0.0, 1.01
    for d in np.arange(0.0, 0.51, 0.05):
        for a in np.arange(0.5, 1.001, 0.05):
            f = mean_f1(events, probs, float(d), float(a))
            if f > best + 1e-9:
                best, drop, add = f, float(d), float(a)
    y = np.array([c["label"] for c in _flat(events)], dtype=float)
    scored = [ev for ev in events if ev["gold"]]
    rules = sum(_event_f1(ev["rules"], ev["gold"]) for ev in scored) / max(1, len(scored))
    covered = sum(any(c["label"] for c in ev["cands"]) for ev in scored)
    per_part = {}  # part: [rules, model] mean event F1 on the out-of-fold scores
    for part in sorted({ev["doc"].split(":", 1)[0] for ev in scored}):
        pe = [(ev, p) for ev, p in zip(events, probs, strict=True) if ev["gold"] and ev["doc"].split(":", 1)[0] == part]
        per_part[part] = [round(sum(_event_f1(ev["rules"], ev["gold"]) for ev, _ in pe) / len(pe), 4),
                          round(mean_f1([ev for ev, _ in pe], [p for _, p in pe], drop, add), 4)]
    return {
        "events": len(scored), "documents": len(docs), "candidates": int(len(y)), "positives": int(y.sum()),
        "events_with_a_positive_candidate": covered,
        "auc": round(auc(y, np.concatenate(probs) if probs else np.zeros(0)), 4),
        "drop": round(drop, 3), "add": round(add, 3), "rules_orgs_f1": round(rules, 4), "model_orgs_f1": round(best, 4),
        "model_orgs_f1_at_0.5": round(mean_f1(events, probs, 0.5, 0.5), 4), "per_part": per_part,
    }


def train(events: list[dict[str, Any]], folds: int = 5, min_count: int = 3, l2: float = 3.0) -> dict[str, Any]:
    flat = _flat(events)
    if not flat or len({c["label"] for c in flat}) < 2:
        raise ValueError("training needs candidates of both kinds")
    cv = cross_validate(events, 0 if folds == 0 else max(2, min(folds, len({ev['doc'] for ev in events}))), min_count, l2)
    vocab = vocabulary(events, min_count)
    return model_file(
        "Logistic weights of the learned organization selector (extract/orgs_model.py); trained by "
        "scripts/train_orgs_model.py. Feature names are words of the project's closed vocabulary (data/model_words.json), classes and labels, no page text.",
        flat, vocab, np.array([c["label"] for c in flat], dtype=float), l2,
        thresholds={"drop": cv["drop"], "add": cv["add"]}, cv=cv, l2=l2, min_count=min_count)


def main(argv: list[str] | None = None) -> int:
    ap = arguments(__doc__.splitlines()[0], DEFAULT_OUT, DEFAULT_GOLD, 3, 3.0, report=False, rows="events")
    ap.add_argument("--all-events", action="store_true", help="also train on events whose gold names no organization")
    args = start(ap, argv)
    if args is None:
        return 2
    events = rows_or_collect(args.rows, lambda: collect(args.gold, args.texts if args.texts.is_dir() else None, args.all_events))
    model = fit_or_report(lambda: train(events, args.folds, args.min_count, args.l2))
    if model is None:
        return 1
    cv = model["cv"]
    print(f"{cv['events']} scored events on {cv['documents']} documents; candidates {cv['candidates']} "
          f"(positives {cv['positives']}); events with a positive candidate {cv['events_with_a_positive_candidate']}")
    print(f"{'leave-one-part-out' if args.folds == 0 else f'grouped {args.folds}-fold'} CV: AUC {cv['auc']:.3f}; thresholds drop {cv['drop']:.3f} add {cv['add']:.3f}; "
          "mean event orgs F1: "
          f"rules {cv['rules_orgs_f1']:.3f}, model {cv['model_orgs_f1']:.3f} (at 0.5: {cv['model_orgs_f1_at_0.5']:.3f})")
    print("per part (rules -> model):", ", ".join(f"{k} {r:.3f} -> {m:.3f}" for k, (r, m) in cv["per_part"].items()))
    print_top(model["weights"])
    write_model(args.out, model)
    return 0


if __name__ == "__main__":
    sys.exit(main())
