"""Save the extractor's events for the pages of gold files once; then try a candidate rule on the
saved events in seconds, before spending a benchmark run on it.

Usage:
    python3 scripts/realnews_predictions.py dump --gold FILE [FILE ...] [--texts DIR] --out PREDS.jsonl
    python3 scripts/realnews_predictions.py try PREDS.jsonl --rule RULE.py [--show]

``dump`` extracts each page as ``benchmarks/realnews.py`` does (its text, publication date and
address) and writes one JSON line per page: the gold file, the page's id, its scorer-shaped events.
``try`` loads ``rule(events, page)`` from RULE.py -- ``events`` the page's saved events (dicts as
``evaluate.scorer.pred_event`` makes them), ``page`` = {"doc_id", "published", "url", "text"} (never
its gold) -- and prints, per gold file and in all, the events matched and false before and after the
rule, and the pages it changed. Session 20's helpers screened some twenty rules this way (2-4 pages,
dates, one-event pages): every broad variant that looked right on a few pages lost more precision
than it gained over all of them.

Only analysable parts: a file whose name holds "blind" or "_even" is refused (they are scored with
``benchmarks/realnews.py`` and never read).
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import logging
import sys
from collections import Counter
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
logger = logging.getLogger("realnews_predictions")
Rule = Callable[[list[dict[str, Any]], dict[str, Any]], list[dict[str, Any]]]


def refuse_unreadable(paths: Iterable[Path]) -> None:
    """Stop on a blind or check part: those are scored, never analysed."""
    for p in paths:
        if "blind" in p.name or "_even" in p.name:
            raise SystemExit(f"{p}: a blind or check part; score it with benchmarks/realnews.py, never dump it")


def dump(golds: list[Path], texts: Path | None, out: Path) -> int:
    """Extract every page of ``golds``; one JSON line per page in ``out``. Returns pages written."""
    from protestdb.evaluate import load_gold
    from protestdb.evaluate.scorer import _published, document_text, pred_event
    from protestdb.extract import extract_text

    refuse_unreadable(golds)
    n = 0
    with out.open("w", encoding="utf-8") as fh:
        for gold in golds:
            for doc in load_gold(gold):
                try:
                    text = document_text(doc, gold.parent, texts)
                except OSError as e:
                    logger.warning("%s: %s: no text (%s)", gold, doc.get("doc_id"), e)
                    continue
                res = extract_text(text, _published(doc), url=doc.get("url"))
                fh.write(json.dumps({"gold": str(gold), "doc_id": doc["doc_id"],
                                     "events": [pred_event(e) for e in res.events]}, default=str) + "\n")
                n += 1
                if n % 50 == 0:
                    logger.info("%d pages extracted", n)
    return n


def load_rule(path: Path) -> Rule:
    """``rule`` from a Python file."""
    spec = importlib.util.spec_from_file_location("candidate_rule", path)
    if spec is None or spec.loader is None:
        raise SystemExit(f"{path}: not a Python file")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    fn = getattr(mod, "rule", None)
    if not callable(fn):
        raise SystemExit(f"{path}: defines no rule(events, page)")
    return fn


def page_counts(preds: list[dict[str, Any]], doc: dict[str, Any]) -> Counter[str]:
    """Matched, false and missed events of one page (DESIGN's pairing; every event of a page that
    is no protest report is false)."""
    from protestdb.evaluate import match_events
    from protestdb.evaluate.scorer import gold_event

    golds = [gold_event(e) for e in doc.get("events") or []] if doc.get("is_protest_report") else []
    tp = len(match_events(preds, golds)) if golds else 0
    return Counter(tp=tp, fp=len(preds) - tp, fn=len(golds) - tp)


def f1(c: Counter[str]) -> float:
    den = 2 * c["tp"] + c["fp"] + c["fn"]
    return 2 * c["tp"] / den if den else 0.0


def try_rule(records: list[dict[str, Any]], rule: Rule, texts: Path | None,
             show: bool = False) -> dict[str, tuple[Counter[str], Counter[str], int]]:
    """Per gold file: (counts before, counts after, pages changed)."""
    from protestdb.evaluate import load_gold
    from protestdb.evaluate.scorer import document_text

    docs: dict[tuple[str, str], dict[str, Any]] = {}
    for gold in {r["gold"] for r in records}:
        refuse_unreadable([Path(gold)])
        for d in load_gold(gold):
            docs[(gold, d["doc_id"])] = d
    out: dict[str, tuple[Counter[str], Counter[str], int]] = {}
    for r in records:
        doc = docs[(r["gold"], r["doc_id"])]
        page = {"doc_id": r["doc_id"], "published": doc.get("published"), "url": doc.get("url"),
                "text": document_text(doc, Path(r["gold"]).parent, texts)}
        after = rule([dict(e) for e in r["events"]], page)
        b, a = page_counts(r["events"], doc), page_counts(after, doc)
        before_c, after_c, changed = out.get(r["gold"], (Counter(), Counter(), 0))
        moved = a != b or len(after) != len(r["events"])
        if moved and show:
            print(f"{r['doc_id']}: matched {b['tp']} -> {a['tp']}, false {b['fp']} -> {a['fp']}")
        out[r["gold"]] = (before_c + b, after_c + a, changed + moved)
    return out


def print_table(result: dict[str, tuple[Counter[str], Counter[str], int]]) -> None:
    total_b: Counter[str] = Counter()
    total_a: Counter[str] = Counter()
    print(f"{'gold file':<40} {'pages':>5}  {'matched':>9}  {'false':>9}  {'F1':>11}")
    for gold, (b, a, changed) in sorted(result.items()):
        total_b, total_a = total_b + b, total_a + a
        print(f"{Path(gold).name:<40} {changed:>5}  {b['tp']:>4}->{a['tp']:<4}  {b['fp']:>4}->{a['fp']:<4}"
              f"  {f1(b):.3f}->{f1(a):.3f}")
    print(f"{'all':<40} {sum(c for *_, c in result.values()):>5}  {total_b['tp']:>4}->{total_a['tp']:<4}"
          f"  {total_b['fp']:>4}->{total_a['fp']:<4}  {f1(total_b):.3f}->{f1(total_a):.3f}")


def main(argv: list[str] | None = None) -> int:
    logging.basicConfig(level=logging.INFO, format="%(name)s: %(message)s")
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    sub = ap.add_subparsers(dest="cmd", required=True)
    d = sub.add_parser("dump", help="extract the pages of gold files once")
    d.add_argument("--gold", type=Path, nargs="+", required=True)
    d.add_argument("--texts", type=Path, default=ROOT / "tests" / "realnews" / "texts")
    d.add_argument("--out", type=Path, required=True)
    t = sub.add_parser("try", help="score a rule over saved events")
    t.add_argument("preds", type=Path)
    t.add_argument("--rule", type=Path, required=True)
    t.add_argument("--texts", type=Path, default=ROOT / "tests" / "realnews" / "texts")
    t.add_argument("--show", action="store_true", help="print each page the rule changed")
    args = ap.parse_args(argv)
    texts = args.texts if args.texts.is_dir() else None
    if args.cmd == "dump":
        n = dump(args.gold, texts, args.out)
        print(f"{n} pages written to {args.out}")
        return 0
    records = [json.loads(line) for line in args.preds.read_text(encoding="utf-8").splitlines() if line.strip()]
    print_table(try_rule(records, load_rule(args.rule), texts, args.show))
    return 0


if __name__ == "__main__":
    sys.path.insert(0, str(ROOT / "src"))
    raise SystemExit(main())
