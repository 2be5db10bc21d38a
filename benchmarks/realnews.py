"""Real-news benchmark: DESIGN's scorer on the real-news gold parts (a script that prints numbers).

    python benchmarks/realnews.py [--parts dev blind own] [--texts DIR] [--json OUT] [--errors]

Parts:
- ``dev``: ``tests/realnews/dev.jsonl`` (analysed; ``--errors`` prints its per-document errors)
- ``dev2``: ``tests/realnews/dev2.jsonl``, a second development part gathered later (first
  scored before anyone tuned on it; analysed like ``dev`` from then on)
- ``dev3``: ``tests/realnews/dev3.jsonl``, a third one (session 10), the same way
- ``dev4``: ``tests/realnews/dev4.jsonl``, a fourth one (session 11), the same way
- ``blind``: ``tests/realnews/blind.jsonl`` (scored, never analysed: only its aggregate row is
  printed or written, whatever the options)
- ``own``: the own-writing sets ``tests/gold/*.jsonl`` and the shared ``seed.jsonl``

The real texts are third-party and never in the repository: they are read from ``--texts``
(default ``tests/realnews/texts/``, git-ignored; see ``tests/realnews/README.md`` to re-fetch).

Per set it prints DESIGN's table (events P/R/F1, relevance F1, date, state, type, size,
organizations, targets, issues, evidence coverage) and two error counts:
- ``abroad_us``: events abroad placed in a US state (a predicted event with a US state paired
  with a gold event whose country is not US, or any US-state event predicted in a document
  whose gold events are all abroad);
- ``person_place``: events whose locality evidence overlaps a spaCy PERSON entity (the
  project's own spaCy pipeline run on the text).
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from datetime import date
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
REALNEWS = ROOT / "tests" / "realnews"
DEV_PARTS = ("dev", "dev2", "dev3", "dev4")  # analysed parts: their per-document errors may be printed
COLUMNS = ("date", "state", "type", "size", "organizations", "targets", "issues")


def _own_sets() -> list[tuple[str, Path]]:
    out = [(f"own:{p.stem}", p) for p in sorted((ROOT / "tests" / "gold").glob("*.jsonl"))]
    for cand in (ROOT.parent / "shared" / "gold" / "seed.jsonl", ROOT.parent.parent / "shared" / "gold" / "seed.jsonl"):
        if cand.exists():
            out.append(("own:seed", cand))
            break
    return out


def missing_texts(gold: Path, texts: Path | None) -> list[str]:
    """doc_ids of ``gold`` whose text is neither in ``texts`` nor inline nor at its text_file."""
    from protestdb.evaluate import load_gold

    out = []
    for doc in load_gold(gold):
        did = str(doc.get("doc_id"))
        if texts is not None and (texts / f"{did}.txt").exists():
            continue
        if isinstance(doc.get("text"), str):
            continue
        tf = doc.get("text_file")
        if tf and (gold.parent / tf).exists():
            continue
        out.append(did)
    return out


def abroad_in_us(preds: list[dict[str, Any]], golds: list[dict[str, Any]]) -> int:
    """Predicted events of one document placed in a US state while the gold puts them abroad."""
    from protestdb.evaluate import match_events

    def us_state(p: dict[str, Any]) -> bool:
        return bool(p.get("state")) and (p.get("country") in (None, "US"))

    def abroad(g: dict[str, Any]) -> bool:
        return bool(g.get("country")) and str(g["country"]).upper() != "US"

    bad: set[int] = set()
    if golds and all(abroad(g) for g in golds):
        bad |= {i for i, p in enumerate(preds) if us_state(p)}
    for i, j in match_events(preds, golds):
        if us_state(preds[i]) and abroad(golds[j]):
            bad.add(i)
    return len(bad)


def person_places(text: str, events: list[Any], nlp: Any) -> int:
    """Events whose locality evidence overlaps a PERSON entity of ``nlp(text)`` (the project's
    English pipeline; ``score_set`` calls it for the texts the extractor reads as English)."""
    spans = [(s.start, s.end) for ev in events for s in (ev.evidence.get("locality") or [])[:1]]
    if not spans:
        return 0
    persons = [(e.start_char, e.end_char) for e in nlp(text).ents if e.label_ == "PERSON"]
    n = 0
    for ev in events:
        ls = ev.evidence.get("locality") or []
        if any(a < e and s < b for sp in ls for (s, e) in [(sp.start, sp.end)] for (a, b) in persons):
            n += 1
    return n


def score_set(name: str, gold: Path, texts: Path | None) -> dict[str, Any]:
    from protestdb.evaluate import load_gold, run_eval
    from protestdb.evaluate.scorer import document_text, gold_event, pred_event
    from protestdb.extract import extract_text
    from protestdb.extract.nlp import load_nlp

    seen: list[tuple[str, Any]] = []

    def extractor(text: str, published: date | None) -> Any:
        try:
            res = extract_text(text, published)
        except Exception:
            seen.append((text, None))
            raise
        seen.append((text, res))
        return res

    t0 = time.perf_counter()
    result = run_eval(gold, texts, extractor)
    secs = time.perf_counter() - t0
    nlp = load_nlp()
    docs = load_gold(gold)
    n_abroad = n_person = 0
    # run_eval calls the extractor once per document, in file order; a document whose text
    # could not be read never reaches it
    by_text = iter(seen)
    for doc in docs:
        try:
            document_text(doc, gold.parent, texts)
        except Exception:  # noqa: BLE001 - counted by run_eval as an extractor error
            continue
        text, res = next(by_text)
        if res is None:
            continue
        preds = [pred_event(e) for e in res.events]
        golds = [gold_event(e) for e in doc.get("events") or []]
        n_abroad += abroad_in_us(preds, golds) if doc.get("is_protest_report") else 0
        if res.language in (None, "en"):  # the English pipeline tags no names in Spanish text
            n_person += person_places(text, list(res.events), nlp)
    result["abroad_us"] = n_abroad
    result["person_place"] = n_person
    result["seconds"] = round(secs, 1)
    result["name"] = name
    return result


def row(r: dict[str, Any]) -> str:
    ev, f = r["events"], r["fields"]

    def fmt(x: float | None) -> str:
        return "   -" if x is None else f"{x:.2f}"

    cells = [
        f"{r['name']:<16}", f"{r['documents']:>4}", f"{ev['tp'] + ev['fn']:>4}",
        f"{fmt(ev['precision'])} / {fmt(ev['recall'])} / {fmt(ev['f1'])}", fmt(r["relevance"]["f1"]),
    ]
    cells += [fmt(f[c]["accuracy"]) for c in COLUMNS]
    cells += [fmt(r["evidence_coverage"]), f"{r['abroad_us']:>6}", f"{r['person_place']:>6}"]
    return " | ".join(cells)


HEADER = " | ".join(
    [f"{'set':<16}", "docs", "gold", "events P / R / F1", " rel"]
    + ["date", "state", "type", "size", "orgs", "tgts", "issu"]
    + [" evid", "abroadUS", "person"]
)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument(
        "--parts", nargs="+", default=["dev", "dev2", "dev3", "dev4", "blind", "own"],
        choices=["dev", "dev2", "dev3", "dev4", "blind", "own"]
    )
    ap.add_argument("--texts", type=Path, default=REALNEWS / "texts", help="folder of <doc_id>.txt real texts")
    ap.add_argument("--dev", type=Path, default=REALNEWS / "dev.jsonl")
    ap.add_argument("--dev2", type=Path, default=REALNEWS / "dev2.jsonl")
    ap.add_argument("--dev3", type=Path, default=REALNEWS / "dev3.jsonl")
    ap.add_argument("--dev4", type=Path, default=REALNEWS / "dev4.jsonl")
    ap.add_argument("--blind", type=Path, default=REALNEWS / "blind.jsonl")
    ap.add_argument("--json", type=Path, default=None, help="write the aggregate results here")
    ap.add_argument("--errors", action="store_true", help="print the dev parts' per-document errors")
    args = ap.parse_args(argv)

    sets: list[tuple[str, Path, Path | None]] = []
    for part in ("dev", "dev2", "dev3", "dev4", "blind"):
        if part not in args.parts:
            continue
        gold = {"dev": args.dev, "dev2": args.dev2, "dev3": args.dev3, "dev4": args.dev4, "blind": args.blind}[part]
        if not gold.exists():
            print(f"{part}: no gold file at {gold} (skipped)", file=sys.stderr)
            continue
        missing = missing_texts(gold, args.texts)
        if missing:
            print(
                f"{part}: {len(missing)} texts missing from {args.texts} (e.g. {missing[0]}.txt); the real texts "
                "are not in the repository: re-fetch them as tests/realnews/README.md says (skipped)",
                file=sys.stderr,
            )
            continue
        sets.append((part, gold, args.texts))
    if "own" in args.parts:
        sets += [(n, p, None) for n, p in _own_sets()]
    if not sets:
        print("nothing to score", file=sys.stderr)
        return 2

    results = []
    print(HEADER)
    for name, gold, texts in sets:
        r = score_set(name, gold, texts)
        results.append(r)
        print(row(r), flush=True)
    if args.errors:
        for r in results:
            if r["name"] not in DEV_PARTS:
                continue  # only the dev part is analysed; the blind part's errors are never shown
            for d in r["per_doc"]:
                for e in d["errors"]:
                    print(f"{d['doc_id']}\t{e}")
    if args.json is not None:
        out = []
        for r in results:
            keep = {k: v for k, v in r.items() if k != "per_doc" or r["name"] in DEV_PARTS}
            out.append(keep)
        args.json.write_text(json.dumps(out, indent=1), encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
