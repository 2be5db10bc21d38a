"""Merge precision / recall of two overlapping CCC snapshots (see docs/ccc.md).

Imports ``ccc-phase3-public_asof-2025-03-06.csv`` then ``ccc-phase3-left_asof-2025-04-04.csv``
(read from ../shared/data/ccc) into a fresh store and compares the pairs the importer
merged with a truth built from shared keys, on the overlap (both rows dated
2025-01-20 .. 2025-03-06):

truth pair = same date, same state, same normalised locality, and at least one of:
  the rows share a source domain that is not a social-media site; identical source
  lists; the same non-empty title; the same non-empty venue (``location``); the same
  non-empty organization list; and both or neither are counter-protests (added after
  inspecting disagreements) — assigned one-to-one (most shared keys first).

The importer's matcher never reads sources and uses fuzzy similarity (see
``protestdb.resolve.ccc_match``), so the measure is not circular. ``--samples N`` prints N
disagreements of each kind for inspection.

    python benchmarks/ccc_merge.py [--samples 5]
"""

from __future__ import annotations

import argparse
import random
import sys
import tempfile
import time
from collections import defaultdict
from pathlib import Path

from protestdb.ccc import import_ccc, read_ccc
from protestdb.ccc.mapping import ccc_key, source_urls
from protestdb.resolve.merge import normalize_locality
from protestdb.store import open_store

SHARED = Path(__file__).resolve().parents[1].parent / "shared" / "data" / "ccc"
OLD = "ccc-phase3-public_asof-2025-03-06.csv"
NEW = "ccc-phase3-left_asof-2025-04-04.csv"
WINDOW = ("2025-01-20", "2025-03-06")
SOCIAL = {
    "www.instagram.com",
    "instagram.com",
    "www.facebook.com",
    "facebook.com",
    "m.facebook.com",
    "twitter.com",
    "x.com",
    "bsky.app",
    "www.tiktok.com",
    "t.me",
    "www.youtube.com",
    "youtube.com",
    "www.threads.net",
    "www.reddit.com",
    "mobilize.us",
    "www.mobilize.us",
    "events.pol-rev.com",
    "www.eventbrite.com",
}


def _place(v: dict[str, str]) -> tuple[str, str | None, str | None]:
    return (
        v["date"],
        (v.get("resolved_state") or v.get("state") or None),
        normalize_locality(v.get("resolved_locality") or v.get("locality")),
    )


def _counter(v: dict[str, str]) -> bool:
    return "counter" in v.get("event_type", "").lower()


def shared_keys(a: dict[str, str], b: dict[str, str]) -> list[str]:
    """Which truth keys two rows of the same date and place share."""
    keys: list[str] = []
    if _counter(a) != _counter(b):  # a protest and its counter-protest share place, day and sources
        return keys
    sa, sb = source_urls(a), source_urls(b)
    if set(sa) - SOCIAL & set(sb) - SOCIAL:
        keys.append("source")
    if sa and sa == sb:
        keys.append("source list")
    for col in ("title", "location", "organizations"):
        if a.get(col) and a.get(col, "").casefold() == b.get(col, "").casefold():
            keys.append(col)
    return keys


def truth_pairs(old: dict[str, dict[str, str]], new: dict[str, dict[str, str]]) -> set[tuple[str, str]]:
    by_place: dict[tuple, list[str]] = defaultdict(list)
    for k, v in old.items():
        by_place[_place(v)].append(k)
    cands = []
    for kn, vn in new.items():
        for ko in by_place.get(_place(vn), []):
            if ko == kn:
                cands.append((99, ko, kn))
            elif keys := shared_keys(old[ko], vn):
                cands.append((len(keys), ko, kn))
    cands.sort(key=lambda c: (-c[0], c[1], c[2]))
    used_o: set[str] = set()
    used_n: set[str] = set()
    out = set()
    for _, ko, kn in cands:
        if ko not in used_o and kn not in used_n:
            used_o.add(ko)
            used_n.add(kn)
            out.add((ko, kn))
    return out


def _rows(path: Path) -> dict[str, dict[str, str]]:
    out = {}
    seen: dict[str, int] = defaultdict(int)
    for r in read_ccc(path).rows:
        k = ccc_key(r.values)
        n = seen[k]
        seen[k] += 1
        out[k if n == 0 else f"{k}#{n}"] = r.values
    return out


def _brief(v: dict[str, str]) -> str:
    cols = (
        "date",
        "resolved_locality",
        "state",
        "location",
        "title",
        "event_type",
        "organizations",
        "claims_summary",
    )
    return " | ".join(f"{c}={v.get(c, '')[:50]}" for c in cols) + f" | src={source_urls(v)[:3]}"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--samples", type=int, default=0)
    args = ap.parse_args(argv)
    if not (SHARED / OLD).exists():
        print(f"skipped: {SHARED} not found")
        return 0
    in_window = lambda v: WINDOW[0] <= v["date"] <= WINDOW[1]  # noqa: E731
    old = {k: v for k, v in _rows(SHARED / OLD).items() if in_window(v)}
    new = {k: v for k, v in _rows(SHARED / NEW).items() if in_window(v)}
    t0 = time.perf_counter()
    truth = truth_pairs(old, new)
    t_truth = time.perf_counter() - t0
    with tempfile.TemporaryDirectory() as tmp:
        store = open_store(Path(tmp) / "bench.sqlite")
        t0 = time.perf_counter()
        rep = import_ccc(store, [SHARED / OLD, SHARED / NEW])
        t_import = time.perf_counter() - t0
        by_event: dict[str, dict[str, list[str]]] = defaultdict(lambda: defaultdict(list))
        for key, eid, file in store.conn.execute("SELECT key, event_id, file FROM ccc_records"):
            by_event[eid][file].append(key)
        n_events = store.counts()["events"]
        store.close()
    # a row whose key (Phase 3 cells) is already stored is the same record: merged by key
    pred = {(k, k) for k in new if k in old}
    for files in by_event.values():
        for ko in files.get(OLD, []):
            for kn in files.get(NEW, []):
                if ko in old and kn in new:
                    pred.add((ko, kn))
    # rows present unchanged in both files are found by key; report those apart
    exact = {(a, b) for a, b in truth if a == b}
    tp = len(pred & truth)
    p = tp / len(pred) if pred else 1.0
    r = tp / len(truth) if truth else 1.0
    ep, et = pred - exact, truth - exact
    etp = len(ep & et)
    print(f"overlap {WINDOW[0]}..{WINDOW[1]}: {len(old)} rows in {OLD}, {len(new)} rows in {NEW}")
    print(
        f"truth pairs {len(truth)} (identical rows {len(exact)}, edited rows {len(et)}); truth built in {t_truth:.2f}s"
    )
    print(f"merged pairs {len(pred)}; correct {tp}")
    print(f"merge precision {p:.3f}  recall {r:.3f}")
    print(
        f"edited rows only: precision {etp / len(ep) if ep else 1.0:.3f} ({etp}/{len(ep)})"
        f"  recall {etp / len(et) if et else 1.0:.3f} ({etp}/{len(et)})"
    )
    tot = rep.totals()
    print(
        f"import of both files: {tot['rows']} rows -> {n_events} events (merged {tot['merged']},"
        f" unchanged {tot['unchanged']}) in {t_import:.2f}s"
        f" ({', '.join(f'{Path(f.path).name}: {f.seconds:.2f}s' for f in rep.files)})"
    )
    if args.samples:
        rnd = random.Random(0)
        for label, pairs in (
            ("merged, not in truth", sorted(pred - truth)),
            ("in truth, not merged", sorted(truth - pred)),
        ):
            print(f"\n== {label}: {len(pairs)}")
            for ko, kn in rnd.sample(pairs, min(args.samples, len(pairs))):
                print("  old:", _brief(old[ko]))
                print("  new:", _brief(new[kn]))
                print()
    return 0


if __name__ == "__main__":
    sys.exit(main())
