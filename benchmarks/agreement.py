"""Agreement between two annotations of the same pages, with DESIGN's scorer (a script that prints numbers).

    python benchmarks/agreement.py GOLD.jsonl SECOND.jsonl [--both-ways]

``SECOND`` is an independent annotation of ``GOLD``'s pages (same ``doc_id``s, the gold format of
``tests/realnews/README.md``), made without seeing ``GOLD``. It is scored exactly as the extractor
is (``evaluate.scorer``: relevance of each page, events matched one to one by place and date, the
fields of matched events), so its row reads like ``benchmarks/realnews.py``'s: how far two careful
annotators agree is the ceiling the extractor can be held to on that part.

Only aggregate numbers are printed (never a page's differences): it may run on a blind part.
Pages missing from ``SECOND`` are counted and left out of both sides.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import defaultdict
from pathlib import Path
from typing import Any

COLUMNS = ("date", "state", "type", "size", "organizations", "targets", "issues")


def _load(path: Path) -> dict[str, dict[str, Any]]:
    out: dict[str, dict[str, Any]] = {}
    with path.open(encoding="utf-8") as fh:
        for n, line in enumerate(fh, 1):
            if not line.strip():
                continue
            try:
                doc = json.loads(line)
            except json.JSONDecodeError as err:
                raise SystemExit(f"{path}:{n}: not JSON: {err.msg}") from None
            out[str(doc.get("doc_id"))] = doc
    return out


def agreement(gold: dict[str, dict[str, Any]], second: dict[str, dict[str, Any]]) -> dict[str, Any]:
    """DESIGN's scores of ``second`` against ``gold`` over the pages both annotated."""
    from protestdb.evaluate.scorer import field_scores, gold_event, match_events, prf

    tp = fp = fn = rel_tp = rel_fp = rel_fn = 0
    fields: dict[str, list[float]] = defaultdict(list)
    shared = [d for d in gold if d in second]
    for did in shared:
        g, s = gold[did], second[did]
        g_rel, s_rel = bool(g.get("is_protest_report")), bool(s.get("is_protest_report"))
        rel_tp += g_rel and s_rel
        rel_fp += (not g_rel) and s_rel
        rel_fn += g_rel and not s_rel
        golds = [gold_event(e) for e in g.get("events") or []]
        preds = [gold_event(e) for e in s.get("events") or []] if s_rel else []
        pairs = match_events(preds, golds) if g_rel else []
        tp += len(pairs)
        fp += len(preds) - len(pairs)
        fn += len(golds) - len(pairs)
        for i, j in pairs:
            for name, score in field_scores(preds[i], golds[j]).items():
                fields[name].append(score)
    return {
        "pages": len(shared),
        "missing": len(gold) - len(shared),
        "events": {**prf(tp, fp, fn), "tp": tp, "fp": fp, "fn": fn},
        "relevance": prf(rel_tp, rel_fp, rel_fn),
        "fields": {k: round(sum(v) / len(v), 4) for k, v in fields.items() if v},
    }


def _row(name: str, r: dict[str, Any]) -> str:
    ev = r["events"]
    cells = [f"{name:<22}", f"{r['pages']:>5}", f"{ev['tp'] + ev['fn']:>4}",
             f"{ev['precision']:.2f} / {ev['recall']:.2f} / {ev['f1']:.2f}", f"{r['relevance']['f1']:.2f}"]
    for c in COLUMNS:
        v = r["fields"].get(c)
        cells.append("   -" if v is None else f"{v:.2f}")
    return " | ".join(cells)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("gold", type=Path, help="the part's gold (JSON lines)")
    ap.add_argument("second", type=Path, help="an independent annotation of the same pages")
    ap.add_argument("--both-ways", action="store_true", help="also score the gold against the second annotation")
    args = ap.parse_args(argv)
    for p in (args.gold, args.second):
        if not p.is_file():
            print(f"{p}: no such file", file=sys.stderr)
            return 2
    gold, second = _load(args.gold), _load(args.second)
    head = " | ".join([f"{'annotation vs gold':<22}", "pages", "gold", "events P / R / F1", " rel",
                       *[c[:4] for c in COLUMNS]])
    print(head)
    r = agreement(gold, second)
    print(_row("second vs gold", r))
    if args.both_ways:
        print(_row("gold vs second", agreement(second, gold)))
    if r["missing"]:
        print(f"({r['missing']} gold pages have no second annotation: left out)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
