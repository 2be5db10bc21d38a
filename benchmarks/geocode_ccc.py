"""Geocode CCC Phase 3 localities with protestdb and compare with CCC's own points.

Reads ../shared/data/ccc/ccc-phase3-public_asof-2025-03-06.csv (relative to the repo root)
at benchmark time only; nothing from it is stored. Prints the share of rows within 25 km and
5 km of CCC's point and the misses by class with examples.

    python benchmarks/geocode_ccc.py [--csv PATH] [--examples N]
"""

from __future__ import annotations

import argparse
import csv
import math
import time
from collections import Counter, defaultdict
from pathlib import Path

from protestdb.geo import geocode

DEFAULT_CSV = Path(__file__).resolve().parents[1].parent / "shared/data/ccc/ccc-phase3-public_asof-2025-03-06.csv"


def km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    a = math.sin((p2 - p1) / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(math.radians(lon2 - lon1) / 2) ** 2
    return 12742.0 * math.asin(min(1.0, math.sqrt(a)))


def na(v: str | None) -> str | None:
    v = (v or "").strip()
    return None if v in ("", "NA") else v


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--csv", default=str(DEFAULT_CSV))
    ap.add_argument("--examples", type=int, default=6)
    args = ap.parse_args()
    with open(args.csv, encoding="latin-1", newline="") as fh:
        rows = list(csv.DictReader(fh))
    t0 = time.time()
    n = within25 = within5 = skipped = 0
    misses: dict[str, list[str]] = defaultdict(list)
    classes: Counter[str] = Counter()
    for r in rows:
        loc, st = na(r.get("locality")), na(r.get("state"))
        lat, lon = na(r.get("lat")), na(r.get("lon"))
        if not loc or not st or lat is None or lon is None:
            skipped += 1
            continue
        n += 1
        res = geocode(loc, st, "US")
        if res is None or res.lat is None:
            cls = "not found"
            d = None
        else:
            d = km(float(lat), float(lon), res.lat, res.lon)
            if d <= 25:
                within25 += 1
            if d <= 5:
                within5 += 1
            if d <= 25:
                continue
            if res.geo_precision == "state":
                cls = "not found (state centroid)"
            elif res.state != st:
                cls = "wrong state"
            elif res.location:
                cls = "neighborhood or venue"
            elif res.geo_precision == "county":
                cls = "county-level"
            else:
                cls = "other"
        classes[cls] += 1
        misses[cls].append(f"{loc}, {st} -> {res.locality if res else None}, {res.state if res else None} "
                           f"({f'{d:.0f} km' if d is not None else '-'}; CCC location: {na(r.get('location'))})")
    dt = time.time() - t0
    print(f"rows {len(rows)}, scored {n}, skipped (no locality/state/point) {skipped}, {dt:.2f} s")
    print(f"within 25 km: {within25 / n:.1%} ({within25}/{n})")
    print(f"within  5 km: {within5 / n:.1%} ({within5}/{n})")
    for cls, c in classes.most_common():
        print(f"\nmisses: {cls}: {c}")
        seen: set[str] = set()
        for ex in misses[cls]:
            if ex not in seen and len(seen) < args.examples:
                seen.add(ex)
                print("   ", ex)


if __name__ == "__main__":
    main()
