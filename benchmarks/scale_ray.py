"""Throughput of ``protestdb batch`` (Ray Data) with 1 and 2 CPUs on generated articles.

    python benchmarks/scale_ray.py --n 2000 --cpus 1,2 --baseline 200

Prints, per configuration: wall seconds (Ray start + spaCy load per worker + extraction +
merge), articles/s over the whole run, peak worker RSS, and the single-process
``ingest_paths`` rate on the first ``--baseline`` articles for comparison. Everything is
offline (local Ray, no dashboard). Articles are generated here from templates (protest
reports and other news, about 2/3 protests), never copied from third-party text.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import tempfile
import time
from pathlib import Path

CITIES = [
    ("Springfield", "Illinois"), ("Tucson", "Arizona"), ("Boise", "Idaho"), ("Albany", "New York"),
    ("Eugene", "Oregon"), ("Madison", "Wisconsin"), ("Savannah", "Georgia"), ("Burlington", "Vermont"),
    ("Fresno", "California"), ("Lansing", "Michigan"), ("Omaha", "Nebraska"), ("Raleigh", "North Carolina"),
    ("Tulsa", "Oklahoma"), ("Spokane", "Washington"), ("Dayton", "Ohio"), ("Richmond", "Virginia"),
]
WHO = ["nurses", "teachers", "students", "tenants", "farmworkers", "retirees", "bus drivers", "parents"]
ACTION = [
    "rallied outside City Hall", "marched through downtown", "held a vigil near the courthouse",
    "picketed outside the hospital", "walked out of classes", "protested at the state capitol",
]
CAUSE = [
    "to demand higher wages", "against cuts to public transit", "for stronger climate policies",
    "to protest immigration raids", "against a proposed rent increase", "for safer school buildings",
]
DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
OTHER = [
    "Stocks rallied on Tuesday as investors welcomed quarterly earnings from local firms in {city}.",
    "The {city} council approved a new budget after a long evening session on {day}.",
    "Retail sales in {state} rose in March, the state revenue office said on {day}.",
    "Forecasters expect heavy rain in {city}, {state}, through the weekend.",
    "The {city} museum opened a new wing devoted to regional history on {day}.",
    "A minor league team from {city} clinched a playoff spot with a win on {day} night.",
]


def article(rng: random.Random, i: int) -> dict:
    city, state = rng.choice(CITIES)
    day = rng.choice(DAYS)
    pub = f"2025-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
    if rng.random() < 2 / 3:
        n = rng.choice(["About 200", "Dozens of", "Hundreds of", "More than 1,000", "Several hundred"])
        lines = [
            f"{city} {rng.choice(WHO)} take to the streets",
            f"{n} {rng.choice(WHO)} {rng.choice(ACTION)} in {city}, {state}, on {day} {rng.choice(CAUSE)}.",
            f"Speakers from a local coalition addressed the crowd, and organizers said another action "
            f"would follow next month. Police reported no arrests. (story {i})",
        ]
    else:
        lines = [rng.choice(OTHER).format(city=city, state=state, day=day), f"Officials declined to comment. (story {i})"]
    return {"text": "\n\n".join(lines), "published": pub, "url": f"https://bench.example/{i}"}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--n", type=int, default=2000, help="generated articles")
    ap.add_argument("--cpus", default="1,2", help="comma-separated CPU counts to try")
    ap.add_argument("--baseline", type=int, default=200, help="articles for the single-process baseline (0: skip)")
    args = ap.parse_args()

    import ray

    from protestdb.pipeline import ingest_paths
    from protestdb.scale.ray_job import init_ray, run_batch
    from protestdb.store import open_store

    rng = random.Random(7)
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        feed = root / "feed.jsonl"
        arts = [article(rng, i) for i in range(args.n)]
        feed.write_text("\n".join(json.dumps(a) for a in arts) + "\n", encoding="utf-8")
        print(f"{args.n} generated articles, ray {ray.__version__}", flush=True)

        if args.baseline:
            small = root / "small.jsonl"
            small.write_text("\n".join(json.dumps(a) for a in arts[: args.baseline]) + "\n", encoding="utf-8")
            from protestdb.extract.nlp import load_nlp

            load_nlp()
            store = open_store(root / "single.sqlite")
            t = time.monotonic()
            rep = ingest_paths(store, [str(small)], progress=False)
            dt = time.monotonic() - t
            print(f"single process (ingest_paths): {rep.read} articles in {dt:.1f}s = {rep.read / dt:.1f} articles/s"
                  f"  ({rep.events_created} events)", flush=True)
            store.close()

        for n in (int(c) for c in args.cpus.split(",")):
            store = open_store(root / f"ray{n}.sqlite")
            t = time.monotonic()
            init_ray("local", num_cpus=n)
            started = time.monotonic() - t
            rep = run_batch(store, [str(feed)], root / f"out{n}", num_cpus=n, progress=False)
            ray.shutdown()
            dt = time.monotonic() - t
            print(
                f"ray num_cpus={n}: {rep.extracted} articles in {dt:.1f}s (ray start {started:.1f}s) = "
                f"{rep.extracted / dt:.1f} articles/s overall, {rep.steady_articles_per_second:.1f}/s after the "
                f"{rep.startup_seconds:.1f}s startup; {rep.prefiltered} prefiltered; "
                f"{rep.events_created} events; peak worker RSS {rep.peak_worker_rss_mb:.0f} MB; "
                f"{len(rep.errors)} errors; driver read {rep.read_seconds:.1f}s, merge {rep.merge_seconds:.1f}s",
                flush=True,
            )
            store.close()
    sys.exit(0)


if __name__ == "__main__":
    main()
