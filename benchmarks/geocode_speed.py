"""Geocoding speed and memory: compile the index once (timed), then geocode 10,000 places.

    python benchmarks/geocode_speed.py [--n 10000] [--compile]

``--compile`` builds a fresh index in a temporary directory first and prints its time.
Prints seconds for the geocodes (index already compiled, caches cold) and peak RSS in MB.
"""

from __future__ import annotations

import argparse
import random
import resource
import sys
import tempfile
import time
from pathlib import Path


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--n", type=int, default=10000)
    ap.add_argument("--compile", action="store_true", help="also time a fresh compile of the index")
    args = ap.parse_args()

    from protestdb.geo import gazetteer

    if args.compile:
        with tempfile.TemporaryDirectory() as tmp:
            t0 = time.time()
            info = gazetteer.compile_index(Path(tmp) / "gazetteer.sqlite")
            print(f"one-time compile: {time.time() - t0:.2f} s ({info['places']} places, {info['names']} names)")
    rss_before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024

    from protestdb.geo import geocode

    db = gazetteer.connect()
    rows = db.execute(
        "SELECT name, admin1 FROM places WHERE country = 'US' ORDER BY id"
    ).fetchall()
    foreign = db.execute("SELECT name, country FROM places WHERE country != 'US' AND population > 100000").fetchall()
    rng = random.Random(7)
    states = sorted({r[1] for r in rows if r[1]})
    queries: list[tuple[tuple, dict]] = []
    for _ in range(args.n):
        k = rng.random()
        if k < 0.6:
            name, st = rng.choice(rows)
            queries.append(((name, st), {}))
        elif k < 0.85:
            name, _ = rng.choice(rows)
            queries.append(((name,), {"context_states": rng.sample(states, 2)}))
        elif k < 0.95:
            name, cc = rng.choice(foreign)
            queries.append(((name, None, cc), {}))
        else:
            name, st = rng.choice(rows)
            queries.append(((name,), {"dateline_state": st}))
    t0 = time.time()
    found = sum(1 for a, kw in queries if geocode(*a, **kw) is not None)
    dt = time.time() - t0
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"geocoded {len(queries)} places in {dt:.2f} s ({len(queries) / dt:.0f}/s), found {found}")
    print(f"peak RSS: {peak:.0f} MB (before geocoding: {rss_before:.0f} MB)")
    print(f"python {sys.version.split()[0]}, index {gazetteer.index_path()}")


if __name__ == "__main__":
    main()
