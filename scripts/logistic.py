"""The training scripts' shared logistic-regression plumbing (``scripts/train_*_model.py``):
gold halves, the feature vocabulary and design matrix, the fit (plain numpy, L2, Newton), the
prediction, the AUC, P/R/F1, the folds grouped by document, the rows cache and the model file.

The extraction side of the models (loading one and scoring a bag of features) is
``protestdb.extract.linear_model``.
"""

from __future__ import annotations

import argparse
import json
import logging
import sys
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import Any

import numpy as np

logger = logging.getLogger("logistic")
ROOT = Path(__file__).resolve().parents[1]
REALNEWS = ROOT / "tests" / "realnews"
#: the analysable real-news parts: dev, dev2 and the odd halves (the 1st, 3rd, 5th ... page) of
#: dev3-dev8; the even halves are the checks
REALNEWS_DEV = (REALNEWS / "dev.jsonl", REALNEWS / "dev2.jsonl", REALNEWS / "dev3.jsonl:odd",
                REALNEWS / "dev4.jsonl:odd", REALNEWS / "dev5.jsonl:odd", REALNEWS / "dev6.jsonl:odd",
                REALNEWS / "dev7.jsonl:odd", REALNEWS / "dev8.jsonl:odd")
#: the own-writing sets (texts in the repository)
OWN_GOLD = tuple(ROOT / "tests" / "gold" / f"{n}.jsonl" for n in ("dev", "examples", "heldout", "heldout2"))


def half(spec: Path) -> tuple[Path, str | None]:
    """``FILE:odd`` / ``FILE:even``: the odd (1st, 3rd ...) or even pages of a gold file."""
    name = spec.name
    for h in ("odd", "even"):
        if name.endswith(f":{h}"):
            return spec.with_name(name[: -len(h) - 1]), h
    return spec, None


def half_docs(spec: Path) -> tuple[Path, str | None, list[dict[str, Any]]]:
    """The gold file of ``spec``, its half (or None) and the documents of that half."""
    from protestdb.evaluate import load_gold

    gold, h = half(spec)
    docs = load_gold(gold)
    if h is not None:
        docs = docs[0::2] if h == "odd" else docs[1::2]
    return gold, h, docs


def arguments(description: str, out: Path, gold: tuple[Path, ...], min_count: int, l2: float, *,
              folds: bool = True, report: bool = True, rows: str = "candidates") -> argparse.ArgumentParser:
    """The training scripts' common options (--gold, --texts, --out, [--folds], --min-count,
    --l2, [--json], --rows)."""
    ap = argparse.ArgumentParser(description=description)
    ap.add_argument("--gold", type=Path, nargs="+", default=list(gold))
    ap.add_argument("--texts", type=Path, default=REALNEWS / "texts")
    ap.add_argument("--out", type=Path, default=out)
    if folds:
        ap.add_argument("--folds", type=int, default=5)
    ap.add_argument("--min-count", type=int, default=min_count)
    ap.add_argument("--l2", type=float, default=l2)
    if report:
        ap.add_argument("--json", type=Path, default=None, help="also write the CV report here")
    ap.add_argument("--rows", type=Path, default=None, help=f"cache of the collected {rows} (read if it exists)")
    return ap


def start(ap: argparse.ArgumentParser, argv: list[str] | None) -> argparse.Namespace | None:
    """The parsed options, logging set up; None (said on stderr) when a gold file is missing."""
    args = ap.parse_args(argv)
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s %(message)s")
    missing = [str(g) for g in args.gold if not half(g)[0].is_file()]
    if missing:
        print(f"no such gold file: {', '.join(missing)}", file=sys.stderr)
        return None
    return args


def fresh_doc(text: str, published: Any, config: Any) -> Any:
    """An ``ExtractDoc`` of ``text``, the per-text caches cleared (as ``extract_text`` does)."""
    from protestdb.extract import gate
    from protestdb.extract.document import ExtractDoc
    from protestdb.extract.spans import quote_index

    gate.clear()
    quote_index.cache_clear()
    return ExtractDoc(text=text, published=published, config=config)


def gold_pages(gold_files: list[Path], texts: Path | None,
               reports_only: bool = False) -> Iterator[tuple[Path, str | None, dict[str, Any], str]]:
    """(gold file, half, gold document, text) of each page of the gold files (``FILE:odd`` /
    ``FILE:even`` halves); with ``reports_only`` only the protest reports. A page whose text
    cannot be read is skipped (a warning), never the run."""
    from protestdb.evaluate.scorer import document_text

    for spec in gold_files:
        gold, h, docs = half_docs(spec)
        for doc in docs:
            if reports_only and not doc.get("is_protest_report"):
                continue
            try:
                text = document_text(doc, gold.parent, texts)
            except Exception as e:  # noqa: BLE001 - one bad page never stops the training run
                logger.warning("%s:%s: no text (%s)", gold.stem, doc.get("doc_id"), e)
                continue
            yield gold, h, doc, text


def vocabulary(rows: Iterable[dict[str, Any]], min_count: int,
               keep: Callable[[str], bool] | None = None) -> list[str]:
    """The features seen on at least ``min_count`` rows (and any ``keep`` says yes to), sorted;
    never one whose name holds a word the project does not own (``linear_model.foreign_words``:
    a page's word; logged)."""

    counts: dict[str, int] = {}
    for r in rows:
        for f in r.get("features", ()):
            counts[f] = counts.get(f, 0) + 1
    chosen = sorted(f for f, n in counts.items() if n >= min_count or (keep is not None and keep(f)))
    return closed_features(chosen)


def closed_features(vocab: list[str]) -> list[str]:
    """``vocab`` without the features whose names hold a word the project does not own
    (``linear_model.foreign_words``: a page's word), those logged."""
    from protestdb.extract.linear_model import foreign_words

    foreign = [f for f in vocab if foreign_words(f)]
    if foreign:
        logger.warning("%d feature(s) left out: their names hold words outside the closed vocabulary "
                       "(data/model_words.json), e.g. %s", len(foreign), ", ".join(foreign[:5]))
    return [f for f in vocab if not foreign_words(f)]


def design(rows: list[dict[str, Any]], vocab: list[str]) -> np.ndarray:
    """The 0/1 matrix of the rows' features over ``vocab``."""
    index = {f: i for i, f in enumerate(vocab)}
    x = np.zeros((len(rows), len(vocab)), dtype=np.float64)
    for i, r in enumerate(rows):
        for f in r["features"]:
            j = index.get(f)
            if j is not None:
                x[i, j] = 1.0
    return x


def fit(x: np.ndarray, y: np.ndarray, l2: float, iters: int = 60) -> tuple[float, np.ndarray]:
    """L2-regularised logistic regression by Newton's method (the bias not penalised)."""
    n, k = x.shape
    xb = np.hstack([np.ones((n, 1)), x])
    w = np.zeros(k + 1)
    reg = np.full(k + 1, l2)
    reg[0] = 0.0
    for _ in range(iters):
        p = 1.0 / (1.0 + np.exp(-np.clip(xb @ w, -30, 30)))
        grad = xb.T @ (p - y) + reg * w
        h = (xb * (p * (1 - p))[:, None]).T @ xb + np.diag(reg + 1e-6)
        step = np.linalg.solve(h, grad)
        w -= step
        if np.max(np.abs(step)) < 1e-6:
            break
    return float(w[0]), w[1:]


def predict(bias: float, w: np.ndarray, x: np.ndarray) -> np.ndarray:
    return 1.0 / (1.0 + np.exp(-np.clip(bias + x @ w, -30, 30)))


def weights_of(vocab: list[str], w: np.ndarray) -> dict[str, float]:
    """The model file's weights: rounded, the negligible ones left out."""
    return {f: round(float(v), 4) for f, v in zip(vocab, w, strict=True) if abs(v) >= 1e-3}


def model_file(doc: str, rows: list[dict[str, Any]], vocab: list[str], y: np.ndarray, l2: float, /,
               **rest: Any) -> dict[str, Any]:
    """A model file's content: ``_doc``, version, the bias and weights fit on all ``rows``, then
    ``rest`` (thresholds, CV numbers, training options) in their order."""
    vocab = closed_features(vocab)
    b, w = fit(design(rows, vocab), y, l2)
    return {"_doc": doc, "version": 1, "bias": round(b, 4), "weights": weights_of(vocab, w), **rest}


def auc(y: np.ndarray, p: np.ndarray) -> float:
    pos, neg = p[y == 1], p[y == 0]
    if not len(pos) or not len(neg):
        return float("nan")
    order = np.argsort(np.concatenate([pos, neg]), kind="mergesort")
    ranks = np.empty(len(order))
    ranks[order] = np.arange(1, len(order) + 1)
    return float((ranks[: len(pos)].sum() - len(pos) * (len(pos) + 1) / 2) / (len(pos) * len(neg)))


def prf(tp: int, fp: int, fn: int) -> tuple[float, float, float]:
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def grouped_folds(rows: Iterable[dict[str, Any]], folds: int) -> tuple[list[str], dict[str, int]]:
    """The rows' documents (shuffled with a fixed seed) and each one's fold: a document's rows
    are all in one fold."""
    docs = sorted({r["doc"] for r in rows})
    rng = np.random.default_rng(0)
    rng.shuffle(docs)
    return docs, {d: i % folds for i, d in enumerate(docs)}


def part_folds(rows: Iterable[dict[str, Any]]) -> tuple[list[str], dict[str, int]]:
    """Leave-one-part-out folds: the rows' documents and each one's fold, one fold per part (the
    gold file's stem before the ":" of a row's ``doc``, "dev3:rdev3-001" -> "dev3"), so a fold's
    scores come from a model that never saw a page of its part."""
    docs = sorted({r["doc"] for r in rows})
    parts = sorted({d.split(":", 1)[0] for d in docs})
    return docs, {d: parts.index(d.split(":", 1)[0]) for d in docs}


def rows_or_collect(cache: Path | None, collect: Callable[[], list[Any]]) -> list[Any]:
    """The collected rows: read from ``cache`` when it exists, else collected (and written there)."""
    if cache is not None and cache.is_file():
        return json.loads(cache.read_text(encoding="utf-8"))
    rows = collect()
    if cache is not None:
        cache.write_text(json.dumps(rows), encoding="utf-8")
    return rows


def fit_or_report(fit: Callable[[], dict[str, Any]]) -> dict[str, Any] | None:
    """The trained model, or None after one line on stderr saying why the rows can't train one."""
    try:
        return fit()
    except ValueError as e:
        print(f"cannot train: {e}", file=sys.stderr)
        return None


def print_top(weights: dict[str, float], n: int = 15) -> None:
    items = sorted(weights.items(), key=lambda kv: kv[1])
    print("top positive:", ", ".join(f"{f} {v:+.2f}" for f, v in items[::-1][:n]))
    print("top negative:", ", ".join(f"{f} {v:+.2f}" for f, v in items[:n]))


def write_model(out: Path, model: dict[str, Any], report: Path | None = None) -> None:
    """The model file (and, with ``report``, its CV numbers), then says so."""
    out.write_text(json.dumps(model, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    if report is not None:
        report.write_text(json.dumps(model["cv"], indent=1) + "\n", encoding="utf-8")
    print(f"wrote {out}")
