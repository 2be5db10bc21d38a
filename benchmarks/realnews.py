"""Real-news benchmark: DESIGN's scorer on the real-news gold parts (a script that prints numbers).

    python benchmarks/realnews.py [--parts dev blind own] [--texts DIR] [--json OUT] [--errors]

Parts:
- ``dev``: ``tests/realnews/dev.jsonl`` (analysed; ``--errors`` prints its per-document errors)
- ``dev2``: ``tests/realnews/dev2.jsonl``, a second development part gathered later (first
  scored before anyone tuned on it; analysed like ``dev`` from then on)
- ``dev3``: ``tests/realnews/dev3.jsonl``, a third one (session 10), the same way
- ``dev4``: ``tests/realnews/dev4.jsonl``, a fourth one (session 11), the same way
- ``dev5``: ``tests/realnews/dev5.jsonl``, a fifth one (session 12), the same way
- ``dev6``: ``tests/realnews/dev6.jsonl``, a sixth one (session 13), the same way
- ``dev7``: ``tests/realnews/dev7.jsonl``, a seventh one (session 14), the same way
- ``dev8``: ``tests/realnews/dev8.jsonl``, an eighth one (session 16), the same way
- ``dev9``: ``tests/realnews/dev9.jsonl``, a ninth one (session 17), the same way
- ``dev10``: ``tests/realnews/dev10.jsonl``, a tenth one (session 21), the same way
- ``dev11``, ``dev12``: ``tests/realnews/dev11.jsonl``, ``dev12.jsonl``: two more (session 21)
- ``dev13``: ``tests/realnews/dev13.jsonl``, gathered in session 21 and held out in sessions 21 and 22 (aggregate at each
  session's start and end only); analysed from session 23 on, like ``dev10`` and ``dev11``
- ``dev14``: ``tests/realnews/dev14.jsonl``, gathered in session 22 and only scored (aggregate) at the start code and
  end code of sessions 22 and 23: their held-out measure
- ``blind``: ``tests/realnews/blind.jsonl`` (scored, never analysed: only its aggregate row is
  printed or written, whatever the options)
- ``own``: the own-writing sets ``tests/gold/*.jsonl`` and the shared ``seed.jsonl``

``--errors`` prints the per-document errors of the ``ANALYSABLE`` parts only (never ``blind``'s nor
a ``HELD_OUT`` part's). ``benchmarks/realnews_stages.py`` classes every missed gold event and every
false prediction of the analysable parts by the pipeline stage that lost or made it (counts per part,
``--examples`` for doc ids and localities).

The real texts are third-party and never in the repository: they are read from ``--texts``
(default ``tests/realnews/texts/``, git-ignored; see ``tests/realnews/README.md`` to re-fetch).

Per set it prints DESIGN's table (events P/R/F1, relevance F1, date, state, type, size,
organizations, targets, issues, evidence coverage) and two error counts:
- ``abroad_us``: events abroad placed in a US state (a predicted event with a US state paired
  with a gold event whose country is not US, or any US-state event predicted in a document
  whose gold events are all abroad);
- ``person_place`` (column ``person``): events whose locality evidence overlaps a spaCy PERSON
  entity of the project's own pipeline run on the text (``extract.nlp.load_nlp()``: the model's
  ``ner`` followed by the project's place-name correction, ``extract/place_names.py``, which
  re-labels GPE a town the model tags PERSON when it is told as "<Town>, <state>" / "<Town>,
  <country>"). That correction is part of the pipeline, so a person it wrongly re-labels is
  never counted here;
- ``relabelled`` (column ``relab``): events whose locality evidence overlaps a PERSON entity of
  the raw model (the same text, the same pipeline with the correction disabled): the events
  that rest on the correction, to be eyeballed (with ``--errors`` each is listed on the
  analysed parts as "doc_id  relab  <Town>, <ST> -> correct|incorrect", correct meaning matched
  with a gold event).
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
# the development parts (their per-document errors are printed for the ANALYSABLE ones)
DEV_PARTS = ("dev", "dev2", "dev3", "dev4", "dev5", "dev6", "dev7", "dev8", "dev9", "dev10", "dev11", "dev12",
             "dev13", "dev14")
PARTS = (*DEV_PARTS, "blind")  # every real-news part, in the order they are scored
#: dev parts held out now: scored in aggregate only, their per-document errors never printed
HELD_OUT = ("dev14",)
#: dev parts whose pages nobody held out may read (``benchmarks/realnews_stages.py`` classes their errors)
ANALYSABLE = tuple(p for p in DEV_PARTS if p not in HELD_OUT)
#: parts split by line order into an odd half (analysed) and an even half (a check, aggregate only)
HALVED = ("dev3", "dev4", "dev5", "dev6", "dev7", "dev8", "dev9", "dev12")
COLUMNS = ("date", "state", "type", "size", "organizations", "targets", "issues")


def _own_sets() -> list[tuple[str, Path]]:
    out = [(f"own:{p.stem}", p) for p in sorted((ROOT / "tests" / "gold").glob("*.jsonl"))]
    for cand in (ROOT.parent / "shared" / "gold" / "seed.jsonl", ROOT.parent.parent / "shared" / "gold" / "seed.jsonl"):
        if cand.exists():
            out.append(("own:seed", cand))
            break
    return out


def _without(gold: Path, doc_ids: set[str]) -> Path:
    """A copy of ``gold`` (in a temporary folder) without the pages ``doc_ids``."""
    import tempfile

    out = Path(tempfile.mkdtemp(prefix="realnews-")) / gold.name
    with gold.open(encoding="utf-8") as src, out.open("w", encoding="utf-8") as dst:
        for line in src:
            if line.strip() and str(json.loads(line).get("doc_id")) not in doc_ids:
                dst.write(line)
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
    English pipeline, with its place-name correction)."""
    return len(person_events(text, events, nlp)[0])


def person_events(text: str, events: list[Any], nlp: Any) -> tuple[set[int], set[int]]:
    """The indexes of the events whose locality evidence overlaps a PERSON entity of the
    pipeline (with the place-name correction), and of those overlapping a PERSON of the raw
    model (the correction disabled): one spaCy pass, the correction then applied to its Doc
    (when it is the pipeline's last component, this is ``nlp(text)``). ``score_set`` calls it for
    the texts the extractor reads as English. A hard-wrapped text is parsed as the extractor reads
    it (``extract.unwrap``: the same length, so the offsets agree)."""
    from protestdb.extract.place_names import COMPONENT
    from protestdb.extract.unwrap import unwrap

    text = unwrap(text)
    spans = [(i, sp.start, sp.end) for i, ev in enumerate(events) for sp in (ev.evidence.get("locality") or [])]
    if not spans:
        return set(), set()
    with nlp.select_pipes(disable=[COMPONENT]):
        doc = nlp(text)
    raw = [(e.start_char, e.end_char) for e in doc.ents if e.label_ == "PERSON"]
    doc = nlp.get_pipe(COMPONENT)(doc) if nlp.pipe_names[-1:] == [COMPONENT] else nlp(text)
    fixed = [(e.start_char, e.end_char) for e in doc.ents if e.label_ == "PERSON"]
    return (
        {i for i, s, e in spans if any(a < e and s < b for a, b in fixed)},
        {i for i, s, e in spans if any(a < e and s < b for a, b in raw)},
    )


def _page_urls(gold: Path, texts: Path | None) -> dict[str, str]:
    """Each page's text -> its address (the gold line's "url"), as the real reader passes it."""
    from protestdb.evaluate import load_gold
    from protestdb.evaluate.scorer import document_text

    out: dict[str, str] = {}
    for doc in load_gold(gold):
        try:
            text = document_text(doc, gold.parent, texts)
        except Exception:  # noqa: BLE001 - an unreadable text is counted by run_eval
            continue
        if doc.get("url"):
            out[text] = str(doc["url"])
    return out


def score_set(name: str, gold: Path, texts: Path | None, urls: bool = False) -> dict[str, Any]:
    from protestdb.evaluate import load_gold, match_events, run_eval
    from protestdb.evaluate.scorer import document_text, gold_event, pred_event
    from protestdb.extract import extract_text
    from protestdb.extract.nlp import load_nlp

    seen: list[tuple[str, Any]] = []
    addresses = _page_urls(gold, texts) if urls else {}

    def extractor(text: str, published: date | None) -> Any:
        try:
            res = extract_text(text, published, url=addresses.get(text))
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
    relab: list[str] = []
    misses: dict[str, int] = {}
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
        for k, v in near_misses(preds, golds).items():
            misses[k] = misses.get(k, 0) + v
        if res.language in (None, "en"):  # the English pipeline tags no names in Spanish text
            on_person, on_raw = person_events(text, list(res.events), nlp)
            n_person += len(on_person)
            matched = {i for i, _ in match_events(preds, golds)}
            for i in sorted(on_raw):
                ok = "correct" if i in matched else "incorrect"
                relab.append(f"{doc.get('doc_id')}\trelab\t{res.events[i].locality}, {res.events[i].state} -> {ok}")
    result["abroad_us"] = n_abroad
    result["missed_gold"] = misses
    result["person_place"] = n_person
    result["relabelled"] = len(relab)
    result["relabelled_events"] = relab
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
    cells += [fmt(r["evidence_coverage"]), f"{r['abroad_us']:>6}", f"{r['person_place']:>6}", f"{r['relabelled']:>5}"]
    return " | ".join(cells)


HEADER = " | ".join(
    [f"{'set':<16}", "docs", "gold", "events P / R / F1", " rel"]
    + ["date", "state", "type", "size", "orgs", "tgts", "issu"]
    + [" evid", "abroadUS", "person", "relab"]
)


def near_misses(preds: list[dict[str, Any]], golds: list[dict[str, Any]]) -> dict[str, int]:
    """Why the gold events of one page went unmatched, as counts (no event named): an unmatched
    prediction at the same place with another date (``date``), one on the same date (or
    undated) at another place (``place``), at the same place with another state (``state``),
    no prediction left at all on the page (``none``), or predictions left that differ in both
    (``other``)."""
    from protestdb.evaluate import match_events
    from protestdb.evaluate.scorer import norm_locality, norm_state

    pairs = match_events(preds, golds)
    used_p = {i for i, _ in pairs}
    used_g = {j for _, j in pairs}
    rest = [p for i, p in enumerate(preds) if i not in used_p]
    out: dict[str, int] = {}
    for j, g in enumerate(golds):
        if j in used_g:
            continue
        gl, gd = norm_locality(g.get("locality")), str(g.get("date") or "")[:10]
        kind = "none" if not rest else "other"
        for p in rest:
            pl, pd = norm_locality(p.get("locality")), str(p.get("date") or "")[:10]
            ps, gs = norm_state(p.get("state")), norm_state(g.get("state"))
            if pl == gl and ps and gs and ps != gs:
                kind = "state"
                break
            if pl == gl and pd and gd and pd != gd:
                kind = "date"
                break
            if pl != gl and (not pd or not gd or pd == gd) and kind in ("none", "other"):
                kind = _place_kind(p, g, pl, gl)
        out[kind] = out.get(kind, 0) + 1
    return out


def _place_kind(p: dict[str, Any], g: dict[str, Any], pl: str | None, gl: str | None) -> str:
    """Which way a place differs: the prediction has no locality, the gold has none, another
    country, or another locality in the same state/country."""
    if pl is None:
        return "place:pred-null"
    if gl is None:
        return "place:gold-null"
    pc, gc = str(p.get("country") or "US").upper(), str(g.get("country") or "US").upper()
    if pc != gc:
        return "place:country"
    return "place:same-country"


def page_kind(doc: dict[str, Any]) -> list[str]:
    """The buckets a gold page falls in: by its number of gold events, where they are, its language."""
    events = doc.get("events") or []
    n = len(events)
    out = ["events=0" if n == 0 else "events=1" if n == 1 else "events=2-4" if n <= 4 else "events=5+"]
    if events:
        abroad = sum(1 for e in events if str(e.get("country") or "US").upper() != "US")
        out.append("abroad" if abroad * 2 > n else "US")
    out.append(f"lang={doc.get('language') or 'en'}")
    return out


def breakdown(gold: Path, result: dict[str, Any]) -> dict[str, dict[str, int]]:
    """Sums of event tp/fp/fn per page bucket (``page_kind``): aggregate numbers, no document named."""
    from protestdb.evaluate import load_gold

    kinds = {str(d.get("doc_id")): page_kind(d) for d in load_gold(gold)}
    out: dict[str, dict[str, int]] = {}
    for d in result.get("per_doc") or []:
        for k in kinds.get(str(d["doc_id"]), []):
            b = out.setdefault(k, {"pages": 0, "tp": 0, "fp": 0, "fn": 0})
            b["pages"] += 1
            for c in ("tp", "fp", "fn"):
                b[c] += int(d[c])
    return out


def print_breakdown(name: str, gold: Path, result: dict[str, Any]) -> None:
    m = result.get("missed_gold") or {}
    print(f"{name:<16} | missed gold events by nearest unmatched prediction: "
          + ", ".join(f"{k} {m[k]}" for k in sorted(m)))
    for k, b in sorted(breakdown(gold, result).items()):
        tp, fp, fn = b["tp"], b["fp"], b["fn"]
        p = f"{tp / (tp + fp):.2f}" if tp + fp else "   -"
        rc = f"{tp / (tp + fn):.2f}" if tp + fn else "   -"
        print(f"{name:<16} | {k:<11} | pages {b['pages']:>3} | gold {tp + fn:>4} | pred {tp + fp:>4} | P {p} | R {rc}")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument(
        "--parts", nargs="+", default=[*PARTS, "own"], choices=[*PARTS, "own"]
    )
    ap.add_argument("--texts", type=Path, default=REALNEWS / "texts", help="folder of <doc_id>.txt real texts")
    for part in PARTS:
        ap.add_argument(f"--{part}", type=Path, default=REALNEWS / f"{part}.jsonl", help=f"gold file of the {part} part")
    ap.add_argument("--json", type=Path, default=None, help="write the aggregate results here")
    ap.add_argument("--errors", action="store_true", help="print the dev parts' per-document errors")
    ap.add_argument(
        "--breakdown", action="store_true",
        help="also print event P/R per kind of page (gold events per page, abroad/US, language): sums only",
    )
    ap.add_argument(
        "--urls", action="store_true",
        help="pass each page's address (the gold line's url) to the extractor, as the real reader does",
    )
    args = ap.parse_args(argv)

    sets: list[tuple[str, Path, Path | None]] = []
    for part in PARTS:
        if part not in args.parts:
            continue
        gold = getattr(args, part)
        if not gold.exists():
            print(f"{part}: no gold file at {gold} (skipped)", file=sys.stderr)
            continue
        missing = missing_texts(gold, args.texts)
        if missing:
            from protestdb.evaluate import load_gold

            total = sum(1 for _ in load_gold(gold))
            if len(missing) * 10 > total:  # more than a tenth gone: not the part any more
                print(
                    f"{part}: {len(missing)} texts missing from {args.texts} (e.g. {missing[0]}.txt); the real texts "
                    "are not in the repository: re-fetch them as tests/realnews/README.md says (skipped)",
                    file=sys.stderr,
                )
                continue
            # a few pages the search no longer serves: score the others and say so
            print(
                f"{part}: {len(missing)} of {total} texts missing from {args.texts} ({', '.join(missing)}); "
                "scored without them",
                file=sys.stderr,
            )
            gold = _without(gold, set(missing))
        sets.append((part, gold, args.texts))
    if "own" in args.parts:
        sets += [(n, p, None) for n, p in _own_sets()]
    if not sets:
        print("nothing to score", file=sys.stderr)
        return 2

    results = []
    print(HEADER)
    for name, gold, texts in sets:
        r = score_set(name, gold, texts, urls=args.urls)
        results.append(r)
        print(row(r), flush=True)
    if args.breakdown:
        for (name, gold, _), r in zip(sets, results, strict=True):
            print_breakdown(name, gold, r)
    if args.errors:
        for r in results:
            if r["name"] not in ANALYSABLE:
                continue  # only the dev parts are analysed; blind's, held-out parts' errors never shown
            for d in r["per_doc"]:
                for e in d["errors"]:
                    print(f"{d['doc_id']}\t{e}")
            for line in r["relabelled_events"]:
                print(line)
    if args.json is not None:
        out = []
        for r in results:
            keep = {
                k: v for k, v in r.items()
                if k not in ("per_doc", "relabelled_events") or r["name"] in ANALYSABLE
            }
            out.append(keep)
        args.json.write_text(json.dumps(out, indent=1), encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
