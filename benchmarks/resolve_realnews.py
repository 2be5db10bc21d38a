"""Resolution on real multi-outlet news (issue 10): pairwise merge precision / recall.

Each part (dev, blind) of the multi-outlet gold set -- several outlets' pages telling the
same events, plus look-alikes (the same place a day or a week apart, the same campaign in
another city) -- is ingested into ONE fresh database through the real pipeline
(``ingest_paths``: reading, extraction, resolution, as ``protestdb ingest`` does). Then:

- each gold mention (a document's gold event) is paired with one predicted mention of that
  document by the scorer's per-document matching (``evaluate.scorer.match_events``, its ties broken
  first by the side, counter-protest or not: ``map_mentions``; same
  locality and state, same date when both have one, best field agreement);
- its predicted cluster is the stored event that predicted mention went to; a gold mention
  extraction missed is a cluster of its own (it cannot be merged);
- pairwise precision / recall over gold mentions (``evaluate.pairwise.pairwise_pr``), and
  counts of gold events split into several stored events and of stored events that glue
  several gold events.

    python benchmarks/resolve_realnews.py [--part dev|dev2|dev3|dev4|dev5|blind|blind2|all] [--texts DIR] [--details] [--reverse]

(``dev2``, ``dev3``, ``dev4``, ``dev5``: further development parts (sessions 10, 11, 12 and 16), each scored before anyone tuned on it;
``blind2``: a second blind part (session 13), scored only.)

``--details`` lists the dev part's split and glued events and counts its split pairs by cause
(extraction missed a side: no mention, another place level, another date; else why the resolver
declined) -- never the blind part's: tune on dev only; for blind, read the aggregate numbers only. The texts are git-ignored; see
tests/realnews/README.md to fetch them again.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import tempfile
import time
from collections import Counter, defaultdict
from pathlib import Path
from typing import Any
from urllib.parse import urlparse

from protestdb.evaluate.matching import best_matching
from protestdb.evaluate.pairwise import pairwise_pr
from protestdb.evaluate.scorer import field_scores, gold_event, load_gold, pair_allowed, pred_event
from protestdb.models import EventMention
from protestdb.pipeline import ingest_paths
from protestdb.resolve.merge import MatchKey, explain, normalize_locality
from protestdb.store import open_store

ROOT = Path(__file__).resolve().parents[1]
MULTI = ROOT / "tests" / "realnews" / "multi"
TEXTS = ROOT / "tests" / "realnews" / "texts"


def _outlet(url: str | None) -> str | None:
    host = urlparse(url or "").netloc.lower()
    return host[4:] if host.startswith("www.") else host or None


def _missing_texts(docs: list[dict[str, Any]], texts: Path) -> list[str]:
    return [str(d["doc_id"]) for d in docs if not (texts / f"{d['doc_id']}.txt").is_file()]


def score_part(gold: Path, texts: Path, workdir: Path, details: bool = False, reverse: bool = False) -> dict[str, Any]:
    """Ingest every page of ``gold`` into one fresh database and score the clustering (``reverse``: the
    pages in the reverse order: latest published first; a database must not depend on the order)."""
    docs = load_gold(gold)
    missing = _missing_texts(docs, texts)
    if missing and len(missing) * 10 <= len(docs):
        # a few pages the search no longer serves: ingest the others and say so
        print(f"{gold.name}: {len(missing)} of {len(docs)} texts missing ({', '.join(missing)}); scored without them",
              file=sys.stderr)
        docs = [d for d in docs if str(d["doc_id"]) not in set(missing)]
    elif missing:
        raise SystemExit(
            f"{len(missing)} of {len(docs)} texts of {gold.name} are missing from {texts} (e.g. {missing[0]}.txt);"
            " they are git-ignored: fetch them as tests/realnews/README.md says, or pass --texts DIR"
        )
    # the pages as one JSON-lines input (text, url, outlet, publication date): the real reader
    order = sorted(docs, key=lambda d: (str(d.get("published") or "9999"), str(d["doc_id"])), reverse=reverse)
    feed = workdir / f"{gold.stem}.jsonl"
    urls: dict[str, str] = {}
    published = {str(d["doc_id"]): d.get("published") for d in docs}
    with feed.open("w", encoding="utf-8") as fh:
        for d in order:
            url = d.get("url") or f"urn:realnews:{d['doc_id']}"
            urls[str(d["doc_id"])] = url
            rec = {"text": (texts / f"{d['doc_id']}.txt").read_text(encoding="utf-8"), "url": url,
                   "outlet": _outlet(d.get("url")), "published": d.get("published")}
            fh.write(json.dumps(rec, ensure_ascii=False) + "\n")
    db = workdir / f"{gold.stem}.sqlite"
    for old in (db, db.with_name(db.name + "-wal"), db.with_name(db.name + "-shm")):
        old.unlink(missing_ok=True)  # a fresh database every run
    store = open_store(db)
    t0 = time.perf_counter()
    rep = ingest_paths(store, [str(feed)], progress=False)
    seconds = time.perf_counter() - t0
    pred: list[str] = []
    truth: list[str] = []
    where: list[str] = []  # doc_id of each gold mention (for dev details)
    found_as: list[tuple[EventMention | None, str | None]] = []  # (predicted mention, why missed) per gold mention
    missed = 0
    arts: dict[str, str] = {}  # doc_id -> article id
    for d in docs:
        doc_id = str(d["doc_id"])
        golds = [gold_event(e) for e in d.get("events") or []]
        row = store.conn.execute("SELECT id FROM articles WHERE url = ?", (urls[doc_id],)).fetchone()
        stored: list[tuple[str, EventMention]] = []
        if row is not None:
            arts[doc_id] = row[0]
            for eid, raw in store.conn.execute(
                "SELECT event_id, mention FROM event_sources WHERE article_id = ? ORDER BY mention_index", (row[0],)
            ):
                stored.append((eid, EventMention.model_validate_json(raw)))
        pairs = dict((j, i) for i, j in map_mentions([pred_event(m) for _, m in stored], golds))
        for j, g in enumerate(golds):
            truth.append(str(g.get("event_id")))
            where.append(doc_id)
            if j in pairs:
                pred.append(stored[pairs[j]][0])
                found_as.append((stored[pairs[j]][1], None))
            else:
                missed += 1
                pred.append(f"missed:{doc_id}:{j}")
                found_as.append((None, _missed_cause([pred_event(m) for _, m in stored], g)))
    causes, kinds = _split_causes(store, pred, truth, where, found_as, published, arts) if details else (None, None)
    store.close()
    p, r, tp, fp, fn = pairwise_pr(pred, truth)
    # the resolver alone: only the gold mentions extraction found (a missed one cannot be merged)
    found = [(pe, te) for pe, te in zip(pred, truth, strict=True) if not pe.startswith("missed:")]
    rp, rr, *_ = pairwise_pr([x for x, _ in found], [y for _, y in found])
    by_gold: dict[str, set[str]] = defaultdict(set)
    by_pred: dict[str, set[str]] = defaultdict(set)
    for pe, te in zip(pred, truth, strict=True):
        by_gold[te].add(pe)
        by_pred[pe].add(te)
    multi = {t for t, n in Counter(truth).items() if n > 1}
    split = sorted(t for t in multi if len(by_gold[t]) > 1)
    glued = sorted(pe for pe, ts in by_pred.items() if len(ts) > 1)
    out: dict[str, Any] = {
        "pages": len(docs), "gold_mentions": len(truth), "gold_events": len(by_gold),
        "gold_events_multi_outlet": len(multi), "extraction_missed_mentions": missed,
        "stored_events": rep.events_created, "new_articles": rep.new_articles,
        "precision": round(p, 4), "recall": round(r, 4), "tp": tp, "fp": fp, "fn": fn,
        "resolver_precision": round(rp, 4), "resolver_recall": round(rr, 4),
        "split_gold_events": len(split), "glued_stored_events": len(glued),
        "ingest_seconds": round(seconds, 1), "ingest_errors": len(rep.errors),
    }
    if details:
        out["split"] = {t: sorted(by_gold[t]) for t in split}
        out["glued"] = {pe: sorted(by_pred[pe]) for pe in glued}
        out["mentions"] = [
            {"doc": w, "gold": t, "stored": pe} for w, t, pe in zip(where, truth, pred, strict=True) if t in multi
        ]
        out["db"] = str(db)
        out["causes"] = causes
        out["kinds"] = kinds
    return out


def _agreement(pred: dict[str, Any], gold: dict[str, Any]) -> float:
    """The scorer's tie-break: the mean of its field scores on the fields gold has."""
    s = field_scores(pred, gold)
    return sum(s.values()) / len(s) if s else 0.0


def _side(ev: dict[str, Any]) -> bool:
    return "counter-protest" in (ev.get("event_type") or [])


def _venue_words(ev: dict[str, Any]) -> set[str]:
    return {w for w in re.findall(r"\w+", str(ev.get("location") or "").casefold()) if len(w) > 3}


def map_mentions(preds: list[dict[str, Any]], golds: list[dict[str, Any]]) -> list[tuple[int, int]]:
    """(pred index, gold index): the scorer's per-document matching (:func:`match_events`: the same
    pairs allowed, a maximum matching), its ties broken first by the side -- a counter-protest
    mention for the gold counter-protest, a main action's for the main action --, then by a venue
    word shared with the gold mention's place words, then by field agreement. The scorer's mean
    field agreement alone (it reads no venue) can give a page's two mentions of one place and day to
    the wrong gold events (a shared issue outweighs the types; two mentions alike but for the venue),
    which then reads as the resolver splitting one event and gluing another."""
    return best_matching(
        len(preds), len(golds),
        lambda i, j: pair_allowed(preds[i], golds[j]),
        lambda i, j: (0.5 if _side(preds[i]) == _side(golds[j]) else 0.0)
        + (0.2 if _venue_words(preds[i]) & _venue_words(golds[j]) else 0.0) + 0.3 * _agreement(preds[i], golds[j]),
    )


def _missed_cause(preds: list[dict[str, Any]], g: dict[str, Any]) -> str:
    """Why no predicted mention of the page pairs with gold mention ``g``."""
    for pe in preds:
        if pe.get("locality") != g.get("locality") and pair_allowed(pe, {**g, "locality": pe.get("locality"),
                                                                        "state": pe.get("state")}):
            return "extraction: place level (another locality): " + _place_kind(pe.get("locality"), g.get("locality"))
        if pair_allowed(pe, {**g, "date": None}):
            return "extraction: date missing or off"
    return "extraction: no mention"


def _place_kind(pred_loc: str | None, gold_loc: str | None) -> str:
    """How a page's mention's town differs from the gold one's: none extracted, none in the gold
    (a state- or country-wide action), one town under two names (the resolver's aliases: "New
    Delhi" / "Delhi", which the scorer does not alias), or another town."""
    if not pred_loc:
        return "no town extracted"
    if not gold_loc:
        return "gold has no town (state or country only)"
    if normalize_locality(pred_loc) == normalize_locality(gold_loc):
        return "one town under another name (aliased by the resolver, not by the scorer)"
    return "another town"


def _split_causes(store: Any, pred: list[str], truth: list[str], where: list[str],
                  found_as: list[tuple[EventMention | None, str | None]],
                  published: dict[str, str | None], arts: dict[str, str]) -> tuple[dict[str, int], dict[str, int]]:
    """Each split pair (one gold event, two pages, two stored events) by cause: a side extraction
    missed (no mention, another place level, another date), else why the resolver declined (the
    score's ``reject`` -- marked when a side is a page with neither a date nor a publication date --,
    or the score / ambiguity margin, or an undated report that fits events of several days)."""
    out: Counter[str] = Counter()
    kinds: Counter[str] = Counter()  # the resolver's own misses by what differs between the two mentions
    events: dict[str, Any] = {}
    n = len(truth)
    for i in range(n):
        for j in range(i + 1, n):
            if truth[i] != truth[j] or where[i] == where[j] or pred[i] == pred[j]:
                continue
            (mi, ci), (mj, cj) = found_as[i], found_as[j]
            if ci or cj:
                out[ci or cj or ""] += 1
                kinds[ci or cj or ""] += 1
                continue
            assert mi is not None and mj is not None
            for eid in (pred[i], pred[j]):
                if eid not in events:
                    events[eid] = store.get_event(eid)
            parts = [explain(MatchKey(events[pred[i]]), MatchKey(mj)), explain(MatchKey(events[pred[j]]), MatchKey(mi))]
            reject = next((x["reject"] for x in parts if "reject" in x), None)
            unplaced = any(m.date is None and not published.get(w) for m, w in ((mi, where[i]), (mj, where[j])))
            if unplaced and reject is not None and reject.startswith("undated"):
                reject = "undated page without a publication date: " + reject
            out["resolver: " + (reject or "score below threshold or ambiguous")] += 1
            held = any(src.article_id == arts.get(w) for e, w in ((pred[j], where[i]), (pred[i], where[j]))
                       for src in events[e].sources)  # the page already has a mention in the other's event
            kinds["resolver: " + _resolver_kind(mi, mj, where[i], where[j], published, reject, held)] += 1
    return dict(out.most_common()), dict(kinds.most_common())


def _resolver_kind(mi: EventMention, mj: EventMention, wi: str, wj: str, published: dict[str, str | None],
                   reject: str | None, held: bool) -> str:
    """What differs between two extracted mentions of one gold event that the resolver left apart:
    a date (undated -- on a page with or without a publication date --, a day apart), the place
    (state missing on one side, another level), the types (a counter-protest, another kind), venues,
    no shared specific, or -- nothing against -- the page's other mention took the event, the
    score or the margin to another candidate."""
    if mi.date is None or mj.date is None:
        nopub = any(m.date is None and not published.get(w) for m, w in ((mi, wi), (mj, wj)))
        return "one side undated: " + ("page without a publication date" if nopub else "page dated, mention not")
    if mi.date[:10] != mj.date[:10]:
        return "dates differ (a day apart or more)"
    if (mi.state or None) != (mj.state or None):
        return "state missing on one side" if not (mi.state and mj.state) else "another state"
    if normalize_locality(mi.locality) != normalize_locality(mj.locality):
        return "place level (another locality)"
    if reject and reject.startswith("counter-protest"):
        return "counter-protest vs protest"
    if reject == "other types":
        return "types disagree"
    if reject == "other venues":
        return "venues differ"
    if reject and reject.startswith("no shared specific"):
        return "same day and place, no shared specific"
    if reject:
        return reject
    # nothing against the pair: a page's other mention (a duplicate) holds the event, or the score/margin
    if held:
        return "the page's other mention holds the event (an extraction duplicate)"
    return "same day and place: score, weak specifics among several events, or ambiguous"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--part", choices=("dev", "dev2", "dev3", "dev4", "dev5", "blind", "blind2", "all"), default="all")
    ap.add_argument("--gold", action="append", type=Path, default=None,
                    help="gold JSON-lines file(s) (default: tests/realnews/multi/dev.jsonl and blind.jsonl)")
    ap.add_argument("--texts", type=Path, default=TEXTS, help="folder of <doc_id>.txt (default: %(default)s)")
    ap.add_argument("--details", action="store_true", help="list split and glued events (dev only)")
    ap.add_argument("--keep", type=Path, default=None, help="keep the databases in this folder")
    ap.add_argument("--json", action="store_true", help="print the results as JSON")
    ap.add_argument("--reverse", action="store_true",
                    help="ingest the pages in the reverse order (latest published first): the grouping must not change")
    args = ap.parse_args(argv)
    parts = ("dev", "dev2", "dev3", "dev4", "dev5", "blind", "blind2") if args.part == "all" else (args.part,)
    golds = args.gold or [MULTI / f"{p}.jsonl" for p in parts if args.part != "all" or (MULTI / f"{p}.jsonl").is_file()]
    results = {}
    with tempfile.TemporaryDirectory() as tmp:
        work = args.keep or Path(tmp)
        work.mkdir(parents=True, exist_ok=True)
        for g in golds:
            if not g.is_file():
                print(f"{g}: no such gold file (skipped)", file=sys.stderr)
                continue
            blind = "blind" in g.stem
            results[g.stem] = score_part(g, args.texts, work, details=args.details and not blind, reverse=args.reverse)
    if args.json:
        print(json.dumps(results, indent=2))
        return 0
    print(f"{'part':<8} {'pages':>5} {'mentions':>8} {'events':>6} {'multi':>5} {'missed':>6} "
          f"{'P':>6} {'R':>6} {'split':>5} {'glued':>5} {'secs':>6}   resolver alone (found mentions) P / R")
    for name, r in results.items():
        print(f"{name:<8} {r['pages']:>5} {r['gold_mentions']:>8} {r['gold_events']:>6} "
              f"{r['gold_events_multi_outlet']:>5} {r['extraction_missed_mentions']:>6} {r['precision']:>6.3f} "
              f"{r['recall']:>6.3f} {r['split_gold_events']:>5} {r['glued_stored_events']:>5} {r['ingest_seconds']:>6}"
              f"   {r['resolver_precision']:.3f} / {r['resolver_recall']:.3f}")
        if "split" in r:
            for t, evs in r["split"].items():
                docs = [m["doc"] + "->" + m["stored"][-6:] for m in r["mentions"] if m["gold"] == t]
                print(f"  split {t}: {len(evs)} events: {', '.join(docs)}")
            for pe, ts in r["glued"].items():
                print(f"  glued {pe}: {', '.join(ts)}")
            print(f"  split pairs by cause ({sum(r['causes'].values())}):")
            for cause, k in r["causes"].items():
                print(f"    {k:4d}  {cause}")
            print(f"  split pairs by what differs ({sum(r['kinds'].values())}):")
            for cause, k in r["kinds"].items():
                print(f"    {k:4d}  {cause}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
