"""Train the learned place check (``protestdb.extract.place_model``) on annotated pages.

Usage: python3 scripts/train_place_model.py [--gold FILE[:odd|:even] ...] [--texts DIR] [--out FILE]
       [--folds N] [--min-count N] [--l2 X] [--json REPORT] [--rows CACHE]

Default training pages: the analysable real-news parts (dev, dev2, the odd halves of dev3 and
dev4; texts in ``--texts``) and the own-writing sets of ``tests/gold``. Never the even halves,
dev5 or the blind part: they are the checks.

Each gold document is extracted with ``place_model = "collect"``: the locality candidates of
its drafting step (every resolved city or neighbourhood mention, grouped by place, and every
draft's locality) with their features. A candidate is positive when the gold has an event at
that locality (and state, when both tell one). A logistic regression (plain numpy, L2) is fit;
thresholds (``drop``: drafts below it go; ``add``: undrafted places above it become drafts) are
picked on out-of-fold scores of a cross-validation grouped by document, maximising the F1 of
the candidates' final decisions (gold localities no candidate covers count as misses). The
weights (single-token feature names, no sentences of the pages) go to ``--out`` (default
``src/protestdb/extract/data/place_model.json``); the cross-validated numbers are printed.
"""

from __future__ import annotations

import logging
import sys
from pathlib import Path
from typing import Any

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))
from logistic import OWN_GOLD, REALNEWS_DEV, arguments, auc, design, fit, fit_or_report, fresh_doc, gold_pages, grouped_folds, model_file, predict, prf, print_top, rows_or_collect, start, vocabulary, write_model  # noqa: E402,I001

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_GOLD = (*REALNEWS_DEV[:4], *OWN_GOLD)  # dev, dev2, the odd halves of dev3 and dev4; the own-writing sets
DEFAULT_OUT = ROOT / "src" / "protestdb" / "extract" / "data" / "place_model.json"
logger = logging.getLogger("train_place_model")


# --- candidates and labels ------------------------------------------------------------------


def _gold_places(doc: dict[str, Any]) -> set[tuple[str, str | None]]:
    from protestdb.evaluate.normalize import norm_locality, norm_state
    from protestdb.evaluate.scorer import gold_event

    if not doc.get("is_protest_report"):
        return set()
    out = set()
    for ev in doc.get("events") or []:
        g = gold_event(ev)
        loc = norm_locality(g.get("locality"))
        if loc:
            out.add((loc, norm_state(g.get("state"))))
    return out


def _covers(gold: tuple[str, str | None], loc: str | None, state: str | None) -> bool:
    return loc == gold[0] and (not state or not gold[1] or state == gold[1])


def collect(gold_files: list[Path], texts: Path | None) -> list[dict[str, Any]]:
    """One row per candidate: doc id, features, drafted, label; plus one row per gold locality no
    candidate covers (``uncovered``)."""
    from protestdb.evaluate.normalize import norm_locality, norm_state
    from protestdb.evaluate.scorer import _published
    from protestdb.extract.components import run
    from protestdb.extract.config import ExtractConfig

    config = ExtractConfig(place_model="collect")
    rows: list[dict[str, Any]] = []
    for gold, _half, doc, text in gold_pages(gold_files, texts):
        did = f"{gold.stem}:{doc.get('doc_id')}"
        xd = fresh_doc(text, _published(doc), config)
        try:
            run(xd, geocode=False)
        except Exception as e:  # noqa: BLE001 - one bad page never stops the training run
            logger.warning("%s: extraction failed (%s)", did, e)
            continue
        golds = _gold_places(doc)
        covered: set[tuple[str, str | None]] = set()
        for c in xd.memo.get("place_candidates", []):
            loc, state = norm_locality(c.place.locality), norm_state(c.place.state)
            hit = {g for g in golds if _covers(g, loc, state)}
            covered |= hit
            rows.append({"doc": did, "features": sorted(c.features), "drafted": c.drafted, "label": bool(hit)})
        for _ in golds - covered:
            rows.append({"doc": did, "uncovered": True})
    return rows


# --- the model --------------------------------------------------------------------------------


def decisions_prf(y: np.ndarray, pred: np.ndarray, uncovered: int) -> tuple[float, float, float]:
    tp = int(np.sum(pred & (y == 1)))
    fp = int(np.sum(pred & (y == 0)))
    fn = int(np.sum(~pred & (y == 1))) + uncovered
    return prf(tp, fp, fn)


def pick_thresholds(y: np.ndarray, p: np.ndarray, drafted: np.ndarray, uncovered: int) -> tuple[float, float, float]:
    """The (drop, add) pair whose final decisions have the best F1 (ties: the fewest changes)."""
    best = (-1.0, 0.0, 1.01)
    for drop in np.arange(0.0, 0.51, 0.025):
        for add in np.arange(0.5, 1.001, 0.025):
            pred = (drafted & (p >= drop)) | (~drafted & (p >= add))
            f1 = decisions_prf(y, pred, uncovered)[2]
            if f1 > best[0] + 1e-9:
                best = (f1, float(drop), float(add))
    return best


def cross_validate(rows: list[dict[str, Any]], folds: int, min_count: int, l2: float) -> dict[str, Any]:
    cands = [r for r in rows if "features" in r]
    docs, fold_of = grouped_folds(cands, folds)
    y = np.array([r["label"] for r in cands], dtype=float)
    drafted = np.array([r["drafted"] for r in cands], dtype=bool)
    oof = np.zeros(len(cands))
    for k in range(folds):
        tr = [i for i, r in enumerate(cands) if fold_of[r["doc"]] != k]
        te = [i for i, r in enumerate(cands) if fold_of[r["doc"]] == k]
        if not te or not tr:
            continue
        vocab = vocabulary([cands[i] for i in tr], min_count)
        b, w = fit(design([cands[i] for i in tr], vocab), y[tr], l2)
        oof[te] = predict(b, w, design([cands[i] for i in te], vocab))
    uncovered = sum(1 for r in rows if r.get("uncovered"))
    f1, drop, add = pick_thresholds(y, oof, drafted, uncovered)
    rules = decisions_prf(y, drafted.copy(), uncovered)
    model = decisions_prf(y, (drafted & (oof >= drop)) | (~drafted & (oof >= add)), uncovered)
    at_half = decisions_prf(y, oof >= 0.5, uncovered)
    return {
        "candidates": len(cands), "positives": int(y.sum()), "documents": len(docs), "uncovered_gold": uncovered,
        "auc": round(auc(y, oof), 4), "drop": drop, "add": add,
        "rules_prf": [round(v, 4) for v in rules], "model_prf": [round(v, 4) for v in model],
        "p_at_0.5_prf": [round(v, 4) for v in at_half],
        "dropped": int(np.sum(drafted & (oof < drop))), "dropped_wrongly": int(np.sum(drafted & (oof < drop) & (y == 1))),
        "added": int(np.sum(~drafted & (oof >= add))), "added_rightly": int(np.sum(~drafted & (oof >= add) & (y == 1))),
    }


def train(rows: list[dict[str, Any]], folds: int = 5, min_count: int = 3, l2: float = 3.0) -> dict[str, Any]:
    """The model file's content: weights fit on all rows, thresholds from the grouped CV."""
    cands = [r for r in rows if "features" in r]
    if not cands or len({r["label"] for r in cands}) < 2:
        raise ValueError("training needs candidates of both kinds (event places and other places)")
    cv = cross_validate(rows, max(2, min(folds, len({r['doc'] for r in cands}))), min_count, l2)
    vocab = vocabulary(cands, min_count)
    return model_file(
        "Logistic weights of the learned place check (extract/place_model.py); trained by "
        "scripts/train_place_model.py. Feature names are words of the project's closed vocabulary "
        "(data/model_words.json), classes and labels, no page text.",
        cands, vocab, np.array([r["label"] for r in cands], dtype=float), l2,
        thresholds={"drop": round(cv["drop"], 3), "add": round(cv["add"], 3)}, cv=cv, l2=l2, min_count=min_count)


def main(argv: list[str] | None = None) -> int:
    args = start(arguments(__doc__.splitlines()[0], DEFAULT_OUT, DEFAULT_GOLD, 3, 3.0), argv)
    if args is None:
        return 2
    rows = rows_or_collect(args.rows, lambda: collect(args.gold, args.texts if args.texts.is_dir() else None))
    model = fit_or_report(lambda: train(rows, args.folds, args.min_count, args.l2))
    if model is None:
        return 1
    cv = model["cv"]
    print(f"candidates {cv['candidates']} (positives {cv['positives']}) on {cv['documents']} documents; "
          f"gold localities no candidate covers: {cv['uncovered_gold']}")
    print(f"grouped {args.folds}-fold CV: AUC {cv['auc']:.3f}; thresholds drop {cv['drop']:.3f} add {cv['add']:.3f}")
    for name in ("rules_prf", "model_prf", "p_at_0.5_prf"):
        p, r, f = cv[name]
        print(f"  {name[:-4]:<8} P {p:.3f} R {r:.3f} F1 {f:.3f}")
    print(f"  CV decisions: dropped {cv['dropped']} drafts ({cv['dropped_wrongly']} wrongly), "
          f"added {cv['added']} places ({cv['added_rightly']} rightly)")
    print_top(model["weights"])
    write_model(args.out, model, args.json)
    return 0


if __name__ == "__main__":
    sys.exit(main())
