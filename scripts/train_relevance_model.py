"""Train the learned relevance second opinion (``protestdb.extract.relevance_model``).

Usage: python3 scripts/train_relevance_model.py [--gold FILE[:odd|:even] ...] [--texts DIR] [--out FILE]
       [--min-count N] [--l2 X] [--rows CACHE] [--json REPORT]

Default training pages: the analysable real-news parts (dev, dev2 and the odd halves of dev3 to
dev8; texts in ``--texts``) and the own-writing sets of ``tests/gold``. Never the even halves or
the blind part: they are the checks.

Each gold document is extracted with ``relevance_model = "collect"``: a text that reaches the
relevance step (English, with a firm protest word in its body, no opinion label) gives one row,
its features and the rules' score, labelled by the gold ``is_protest_report``; a text stopped
before it is a rules' negative the model never sees (kept for the relevance numbers). A
logistic regression (plain numpy, L2) is fit; the band of rules' scores the model judges and its
probability cut are picked on out-of-part scores of a cross-validation grouped by part (each
part's pages scored by a model trained on the other parts), maximising relevance F1 (ties: the
narrowest band). Feature names are single lemmas and structural tags, never page text; a lemma
is kept only when it occurs in ``--min-count`` training texts.
"""

from __future__ import annotations

import logging
import sys
from pathlib import Path
from typing import Any

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "scripts"))
from logistic import OWN_GOLD, REALNEWS_DEV, arguments, auc, design, fit, fit_or_report, fresh_doc, gold_pages, model_file, predict, prf, print_top, rows_or_collect, start, vocabulary, write_model  # noqa: E402,I001

#: dev8's odd half too (the relevance model's own list: the other trainers keep theirs)
DEFAULT_GOLD = (*REALNEWS_DEV, *((ROOT / "tests" / "realnews" / "dev8.jsonl:odd",) if ROOT / "tests" / "realnews" / "dev8.jsonl:odd" not in REALNEWS_DEV else ()),
                *OWN_GOLD)
DEFAULT_OUT = ROOT / "src" / "protestdb" / "extract" / "data" / "relevance_model.json"
#: the candidate bands of rules' scores the model may judge (the threshold is 2)
BANDS = ((2,), (1, 2), (2, 3), (1, 2, 3), (0, 1, 2), (0, 1, 2, 3), (1,), (0, 1), (3,), (2, 3, 4), (1, 2, 3, 4))
logger = logging.getLogger("train_relevance_model")


def collect(gold_files: list[Path], texts: Path | None) -> list[dict[str, Any]]:
    """One row per document: part, doc id, label, rules' decision, and (when it reached the
    relevance step) the rules' score and the features."""
    from protestdb.evaluate.scorer import _published
    from protestdb.extract.components import run
    from protestdb.extract.config import ExtractConfig
    from protestdb.extract.detect import quick_reject

    config = ExtractConfig(relevance_model="collect")
    rows: list[dict[str, Any]] = []
    for gold, h, doc, text in gold_pages(gold_files, texts):
        part = f"{gold.parent.name}/{gold.stem}" + (f":{h}" if h else "")
        did = str(doc.get("doc_id"))
        xd = fresh_doc(text, _published(doc), config)
        try:
            said = False if quick_reject(text) else run(xd, geocode=False)
        except Exception as e:  # noqa: BLE001 - one bad page never stops the training run
            logger.warning("%s: extraction failed (%s)", did, e)
            continue
        memo = xd.memo
        row: dict[str, Any] = {"part": part, "doc": did, "label": bool(doc.get("is_protest_report")),
                               "rules": bool(said)}
        if "relevance_features" in memo:
            row["score"] = memo["relevance_rule_score"]
            row["features"] = sorted(memo["relevance_features"])
        rows.append(row)
    return rows


def _vocabulary(rows: list[dict[str, Any]], min_count: int) -> list[str]:
    """The features seen on ``min_count`` rows; every structural one (not a word "w:...")."""
    return vocabulary(rows, min_count, keep=lambda f: not f.startswith("w:"))


def decide(rows: list[dict[str, Any]], probs: dict[int, float], band: tuple[int, ...], cut: float) -> list[bool]:
    """Each row's final relevance: the model's where the rules' score is in ``band``."""
    out = []
    for i, r in enumerate(rows):
        if "score" in r and r["score"] in band and i in probs:
            out.append(probs[i] >= cut)
        else:
            out.append(r["rules"])
    return out


def relevance_prf(rows: list[dict[str, Any]], pred: list[bool]) -> tuple[float, float, float]:
    tp = sum(1 for r, p in zip(rows, pred, strict=True) if r["label"] and p)
    fp = sum(1 for r, p in zip(rows, pred, strict=True) if not r["label"] and p)
    fn = sum(1 for r, p in zip(rows, pred, strict=True) if r["label"] and not p)
    return prf(tp, fp, fn)


def out_of_part(rows: list[dict[str, Any]], min_count: int, l2: float) -> dict[int, float]:
    """Each featured row's probability from a model trained on the other parts."""
    probs: dict[int, float] = {}
    parts = sorted({r["part"] for r in rows})
    for part in parts:
        tr = [r for r in rows if "features" in r and r["part"] != part]
        te = [i for i, r in enumerate(rows) if "features" in r and r["part"] == part]
        if not tr or not te:
            continue
        vocab = _vocabulary(tr, min_count)
        b, w = fit(design(tr, vocab), np.array([r["label"] for r in tr], dtype=float), l2)
        for i, p in zip(te, predict(b, w, design([rows[i] for i in te], vocab)), strict=True):
            probs[i] = float(p)
    return probs


def pick(rows: list[dict[str, Any]], probs: dict[int, float]) -> tuple[float, tuple[int, ...], float]:
    """The (band, cut) with the best out-of-part relevance F1 (ties: the narrowest band, the cut
    nearest 0.5)."""
    best = (relevance_prf(rows, [r["rules"] for r in rows])[2], (), 0.5)
    for band in BANDS:
        for cut in np.arange(0.2, 0.81, 0.05):
            f1 = relevance_prf(rows, decide(rows, probs, band, float(cut)))[2]
            key = (f1, -len(band), -abs(cut - 0.5))
            if key > (best[0] + 1e-9, -len(best[1]), -abs(best[2] - 0.5)):
                best = (f1, band, round(float(cut), 2))
    return best


def per_part(rows: list[dict[str, Any]], probs: dict[int, float], band: tuple[int, ...], cut: float) -> dict[str, Any]:
    out = {}
    pred = decide(rows, probs, band, cut)
    for part in sorted({r["part"] for r in rows}):
        idx = [i for i, r in enumerate(rows) if r["part"] == part]
        sub = [rows[i] for i in idx]
        out[part] = {"rules_f1": round(relevance_prf(sub, [r["rules"] for r in sub])[2], 4),
                     "model_f1": round(relevance_prf(sub, [pred[i] for i in idx])[2], 4), "docs": len(sub)}
    return out


def train(rows: list[dict[str, Any]], min_count: int = 4, l2: float = 3.0) -> dict[str, Any]:
    feat = [r for r in rows if "features" in r]
    if not feat or len({r["label"] for r in feat}) < 2:
        raise ValueError("training needs texts of both kinds (protest reports and others)")
    probs = out_of_part(rows, min_count, l2)
    f1, band, cut = pick(rows, probs)
    y = np.array([rows[i]["label"] for i in probs], dtype=float)
    p = np.array(list(probs.values()))
    cv = {
        "documents": len(rows), "featured": len(feat), "parts": sorted({r["part"] for r in rows}),
        "auc_out_of_part": round(auc(y, p), 4),
        "rules_prf": [round(v, 4) for v in relevance_prf(rows, [r["rules"] for r in rows])],
        "model_prf": [round(v, 4) for v in relevance_prf(rows, decide(rows, probs, band, cut))],
        "band": list(band), "cut": cut, "per_part": per_part(rows, probs, band, cut),
    }
    vocab = _vocabulary(feat, min_count)
    return model_file(
        "Logistic weights of the learned relevance second opinion (extract/relevance_model.py); "
        "trained by scripts/train_relevance_model.py. Feature names are lemmas of the project's closed "
        "vocabulary (data/model_words.json) and structural tags, no page text. The model judges the texts whose rules' score is in 'band' (relevant "
        "when its probability >= 'cut').", feat, vocab, np.array([r["label"] for r in feat], dtype=float), l2,
        band=list(band), cut=cut, cv=cv, l2=l2, min_count=min_count)


def main(argv: list[str] | None = None) -> int:
    args = start(arguments(__doc__.splitlines()[0], DEFAULT_OUT, DEFAULT_GOLD, 4, 3.0, folds=False, rows="rows"), argv)
    if args is None:
        return 2
    rows = rows_or_collect(args.rows, lambda: collect(args.gold, args.texts if args.texts.is_dir() else None))
    model = fit_or_report(lambda: train(rows, args.min_count, args.l2))
    if model is None:
        return 1
    cv = model["cv"]
    print(f"{cv['documents']} documents ({cv['featured']} reach the relevance step) in {len(cv['parts'])} parts")
    print(f"leave-one-part-out: AUC {cv['auc_out_of_part']:.3f}; band {cv['band']} cut {cv['cut']}")
    for name in ("rules_prf", "model_prf"):
        p, r, f = cv[name]
        print(f"  {name[:-4]:<6} relevance P {p:.3f} R {r:.3f} F1 {f:.3f}")
    for part, d in cv["per_part"].items():
        print(f"  {part:<28} {d['docs']:>4} docs  rules F1 {d['rules_f1']:.3f}  with model {d['model_f1']:.3f}")
    print_top(model["weights"])
    write_model(args.out, model, args.json)
    return 0


if __name__ == "__main__":
    sys.exit(main())
