"""Train the learned keep/drop check of each event (``protestdb.extract.event_model``).

Usage: python3 scripts/train_event_model.py [--gold FILE[:odd|:even] ...] [--texts DIR] [--out FILE]
       [--folds N] [--min-count N] [--l2 X] [--rows CACHE] [--json REPORT] [--min-drop-precision X]

Default training pages: the analysable real-news parts (dev, dev2 and the odd halves of dev3 to
dev7; texts in ``--texts``) and the analysable multi-outlet parts (``tests/realnews/multi`` dev, dev2,
dev3: pages the extraction rules were tuned on less, with more false events). Never the even
halves, multi dev4 or the blind parts: they are the checks.

Each page is extracted as the benchmark does (geocoded) with ``event_model = "collect"``; each
event it yields is a row (its features), labelled true when DESIGN's matching
(``evaluate.match_events``) pairs it with a gold event of the page (every event of a page that
is no protest report is false). A logistic regression (plain numpy, L2) is fit; the cut (drop an
event whose keep probability is below it) is picked on out-of-fold probabilities of a
cross-validation grouped by page: the cut with the best event F1 over the training pages among
those whose drops are at least ``--min-drop-precision`` false events (a conservative cut: drop only
events the model is confident are false). The report gives the drop decision's precision and
recall (of the false events) at each cut.
"""

from __future__ import annotations

import logging
import sys
from pathlib import Path
from typing import Any

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "scripts"))
from logistic import REALNEWS_DEV, arguments, auc, design, fit, fit_or_report, fresh_doc, gold_pages, grouped_folds, model_file, predict, prf, print_top, rows_or_collect, start, vocabulary, write_model  # noqa: E402,I001

#: the analysable multi-outlet parts (their pages carry event gold like the others)
MULTI_DEV = tuple(ROOT / "tests" / "realnews" / "multi" / f"{n}.jsonl" for n in ("dev", "dev2", "dev3"))
DEFAULT_GOLD = (*REALNEWS_DEV, *MULTI_DEV)
DEFAULT_OUT = ROOT / "src" / "protestdb" / "extract" / "data" / "event_model.json"
CUTS = tuple(round(float(c), 2) for c in np.arange(0.05, 0.51, 0.025))
logger = logging.getLogger("train_event_model")


def collect(gold_files: list[Path], texts: Path | None) -> list[dict[str, Any]]:
    """One row per page: part, doc id, its gold events' count, and its events (features, label)."""
    from protestdb.evaluate import match_events
    from protestdb.evaluate.scorer import _published, gold_event, pred_event
    from protestdb.extract.components import run
    from protestdb.extract.config import ExtractConfig
    from protestdb.extract.detect import quick_reject

    config = ExtractConfig(event_model="collect")
    pages: list[dict[str, Any]] = []
    for gold, h, doc, text in gold_pages(gold_files, texts):
        part = f"{gold.parent.name}/{gold.stem}" + (f":{h}" if h else "")
        did = str(doc.get("doc_id"))
        golds = [gold_event(e) for e in doc.get("events") or []] if doc.get("is_protest_report") else []
        xd = fresh_doc(text, _published(doc), config)
        try:
            said = False if quick_reject(text) else run(xd)
        except Exception as e:  # noqa: BLE001 - one bad page never stops the training run
            logger.warning("%s: extraction failed (%s)", did, e)
            continue
        events: list[dict[str, Any]] = []
        if said and xd.events:
            preds = [pred_event(ev) for ev in xd.events]
            matched = {i for i, _ in match_events(preds, golds)} if golds else set()
            feats = xd.memo.get("event_features") or [set() for _ in preds]
            events = [{"features": sorted(f), "label": i in matched} for i, f in enumerate(feats)]
        pages.append({"part": part, "doc": did, "gold": len(golds), "events": events})
    return pages


def event_rows(pages: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The pages' events as rows (``doc`` and ``part`` added)."""
    return [{**ev, "doc": p["doc"], "part": p["part"]} for p in pages for ev in p["events"]]


def out_of_fold(rows: list[dict[str, Any]], folds: int, min_count: int, l2: float) -> np.ndarray:
    """Each row's keep probability from a model trained on the other folds (pages kept whole)."""
    _docs, fold_of = grouped_folds(rows, folds)
    probs = np.zeros(len(rows))
    for k in range(folds):
        tr = [r for r in rows if fold_of[r["doc"]] != k]
        te = [i for i, r in enumerate(rows) if fold_of[r["doc"]] == k]
        if not tr or not te or len({r["label"] for r in tr}) < 2:
            continue
        vocab = vocabulary(tr, min_count)
        b, w = fit(design(tr, vocab), np.array([r["label"] for r in tr], dtype=float), l2)
        probs[te] = predict(b, w, design([rows[i] for i in te], vocab))
    return probs


def dropped(rows: list[dict[str, Any]], probs: np.ndarray, cut: float) -> np.ndarray:
    """The rows dropped at ``cut``, by the page rule of ``event_model.filter_events``
    (``droppable``: never the first-told event, none on a page without places, never all)."""
    from protestdb.extract.event_model import droppable

    drop = np.zeros(len(rows), dtype=bool)
    by_doc: dict[str, list[int]] = {}
    for i, r in enumerate(rows):
        by_doc.setdefault(r["doc"], []).append(i)
    for idx in by_doc.values():
        for k in droppable([set(rows[i]["features"]) for i in idx], [float(probs[i]) for i in idx], cut):
            drop[idx[k]] = True
    return drop


def evaluate(pages: list[dict[str, Any]], rows: list[dict[str, Any]], drop: np.ndarray) -> dict[str, Any]:
    """Event P/R/F1 over the pages with ``drop`` applied, and the drop decision's P/R."""
    y = np.array([r["label"] for r in rows], dtype=bool)
    gold = sum(p["gold"] for p in pages)
    tp = int((y & ~drop).sum())
    fp = int((~y & ~drop).sum())
    d_tp, d_fp = int((~y & drop).sum()), int((y & drop).sum())
    p, r, f = prf(tp, fp, gold - tp)
    dp, dr, _ = prf(d_tp, d_fp, int((~y).sum()) - d_tp)
    return {"event_prf": [round(p, 4), round(r, 4), round(f, 4)], "dropped": int(drop.sum()),
            "dropped_false": d_tp, "dropped_true": d_fp, "drop_precision": round(dp, 4), "drop_recall": round(dr, 4)}


def pick(pages: list[dict[str, Any]], rows: list[dict[str, Any]], probs: np.ndarray,
         min_precision: float) -> tuple[float, dict[str, dict[str, Any]]]:
    """The cut with the best out-of-fold event F1 among those whose drops are precise enough
    (ties: the lower cut); 0.0 (drop nothing) when none is. Also every cut's numbers."""
    table = {str(c): evaluate(pages, rows, dropped(rows, probs, c)) for c in CUTS}
    base = evaluate(pages, rows, np.zeros(len(rows), dtype=bool))["event_prf"][2]
    best, best_f = 0.0, base
    for c in CUTS:
        t = table[str(c)]
        if t["dropped"] and t["drop_precision"] >= min_precision and t["event_prf"][2] > best_f + 1e-9:
            best, best_f = c, t["event_prf"][2]
    return best, table


def train(pages: list[dict[str, Any]], folds: int = 5, min_count: int = 5, l2: float = 10.0,
          min_precision: float = 0.8) -> dict[str, Any]:
    rows = event_rows(pages)
    if not rows or len({r["label"] for r in rows}) < 2:
        raise ValueError("training needs events of both kinds (matched and false)")
    probs = out_of_fold(rows, folds, min_count, l2)
    cut, table = pick(pages, rows, probs, min_precision)
    y = np.array([r["label"] for r in rows], dtype=float)
    per_part = {}
    drop = dropped(rows, probs, cut)
    for part in sorted({p["part"] for p in pages}):
        sub_pages = [p for p in pages if p["part"] == part]
        idx = [i for i, r in enumerate(rows) if r["part"] == part]
        sub = [rows[i] for i in idx]
        per_part[part] = {"pages": len(sub_pages), "events": len(sub),
                          "rules": evaluate(sub_pages, sub, np.zeros(len(sub), dtype=bool))["event_prf"],
                          "model": evaluate(sub_pages, sub, drop[idx])["event_prf"]}
    cv = {
        "pages": len(pages), "events": len(rows), "false_events": int((1 - y).sum()), "folds": folds,
        "auc_out_of_fold": round(auc(y, probs), 4),
        "rules": evaluate(pages, rows, np.zeros(len(rows), dtype=bool)),
        "at_cut": evaluate(pages, rows, drop), "cut": cut, "min_drop_precision": min_precision,
        "cuts": table, "per_part": per_part,
    }
    vocab = vocabulary(rows, min_count)
    return model_file(
        "Logistic weights of the learned keep/drop check of events (extract/event_model.py); trained by "
        "scripts/train_event_model.py on the analysable real-news pages, each event labelled by DESIGN's "
        "matching. Feature names are structural tags (positions, date kinds, rules, types), no page text. An "
        "event whose keep probability is below 'cut' is dropped (mode on).",
        rows, vocab, y, l2, cut=cut, cv=cv, l2=l2, min_count=min_count)


def main(argv: list[str] | None = None) -> int:
    ap = arguments(__doc__.splitlines()[0], DEFAULT_OUT, DEFAULT_GOLD, 5, 10.0, rows="pages")
    ap.add_argument("--min-drop-precision", type=float, default=0.8)
    args = start(ap, argv)
    if args is None:
        return 2
    pages = rows_or_collect(args.rows, lambda: collect(args.gold, args.texts if args.texts.is_dir() else None))
    model = fit_or_report(lambda: train(pages, args.folds, args.min_count, args.l2, args.min_drop_precision))
    if model is None:
        return 1
    cv = model["cv"]
    print(f"{cv['pages']} pages, {cv['events']} events ({cv['false_events']} false); "
          f"{cv['folds']}-fold CV grouped by page: AUC {cv['auc_out_of_fold']:.3f}")
    print("cut    dropped  false  true  drop-P  drop-R  event P / R / F1")
    for c, t in cv["cuts"].items():
        p, r, f = t["event_prf"]
        print(f"{float(c):<6.3f} {t['dropped']:>7} {t['dropped_false']:>6} {t['dropped_true']:>5}  "
              f"{t['drop_precision']:.3f}   {t['drop_recall']:.3f}   {p:.3f} / {r:.3f} / {f:.3f}")
    p, r, f = cv["rules"]["event_prf"]
    print(f"rules only: event P {p:.3f} R {r:.3f} F1 {f:.3f}; chosen cut {cv['cut']}")
    for part, d in cv["per_part"].items():
        print(f"  {part:<22} {d['pages']:>4} pages {d['events']:>4} events  rules F1 {d['rules'][2]:.3f}  "
              f"with model {d['model'][2]:.3f}")
    print_top(model["weights"])
    write_model(args.out, model, args.json)
    return 0


if __name__ == "__main__":
    sys.exit(main())
