"""Fuzz every reader and ``extract_text`` with 100,000+ generated inputs; print crashes, hangs,
the slowest input per target and the peak memory.

Inputs are mutations of small valid documents of each format (bytes flipped, cut, repeated,
hostile tokens spliced in, deep nesting, halves joined), plus plain random bytes. A crash is
any exception a target may not raise (see ``tests/fuzz_targets.py``); a hang is an input
still running after ``--hang`` seconds (interrupted by a timer). Crashing inputs are written
to ``--out`` for replay.

    python benchmarks/fuzz.py                      # 100,000 inputs, about 5-10 minutes
    python benchmarks/fuzz.py --total 20000 --seed 7
"""

from __future__ import annotations

import argparse
import random
import resource
import signal
import sys
import time
import traceback
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT / "src"), str(ROOT / "tests")]

from fuzz_targets import SEEDS, TARGETS, mutate  # noqa: E402

#: Share of the inputs per target. Extraction is the slow one: many short inputs, a small share.
SHARES = {
    "decode": 0.13, "text": 0.13, "html": 0.04, "jsonl": 0.16, "ccc": 0.16, "warc": 0.06,
    "feed": 0.12, "sitemap": 0.12, "file": 0.07, "extract": 0.01,
}
MAX_LEN = {"extract": 400}
#: The slowest input of a target is written to --out when it took longer than this.
SLOW_SECONDS = 1.0
#: Inputs per target run before the count starts (first calls load models and parsers).
WARM_UP = 30


class Hang(Exception):
    pass


def _alarm(signum: int, frame: object) -> None:
    raise Hang()


def _input(rng: random.Random, kind: str) -> bytes:
    n = MAX_LEN.get(kind, 4000)
    if rng.random() < 0.1:
        return bytes(rng.randrange(256) for _ in range(rng.randint(0, 300)))
    data = rng.choice(SEEDS[kind])
    for _ in range(rng.randint(1, 3)):
        data = mutate(rng, data, n)
    if rng.random() < 0.05:  # join with another format's document
        other = rng.choice(SEEDS[rng.choice(list(SEEDS))])
        data = data[: len(data) // 2] + other[len(other) // 2 :]
    return data[:n]


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--total", type=int, default=100_000, help="inputs across all targets")
    ap.add_argument("--seed", type=int, default=14)
    ap.add_argument("--hang", type=float, default=10.0,
                    help="seconds after which an input counts as a hang (interrupted, or counted when it returns)")
    ap.add_argument("--out", default="fuzz-crashes", help="folder for crashing inputs")
    args = ap.parse_args()

    signal.signal(signal.SIGALRM, _alarm)
    rng = random.Random(args.seed)
    out = Path(args.out)
    rows = []
    t_all = time.perf_counter()
    warm = random.Random(args.seed + 1)
    for kind in SHARES:  # first calls load models, gazetteers, parsers (lazily): not counted
        for data in [*SEEDS[kind], *(_input(warm, kind) for _ in range(WARM_UP))]:
            try:
                TARGETS[kind](data)
            except Exception:  # noqa: BLE001 - counted in the run proper, not here
                pass
    for kind, share in SHARES.items():
        n = max(1, round(args.total * share))
        target = TARGETS[kind]
        crashes = hangs = 0
        slowest = 0.0
        t0 = time.perf_counter()
        for i in range(n):
            data = _input(rng, kind)
            t = time.perf_counter()
            signal.setitimer(signal.ITIMER_REAL, args.hang)
            try:
                target(data)
            except Hang:
                hangs += 1
                out.mkdir(exist_ok=True)
                (out / f"hang-{kind}-{i}.bin").write_bytes(data)
            except Exception:  # noqa: BLE001 - counting them is the point
                crashes += 1
                out.mkdir(exist_ok=True)
                (out / f"crash-{kind}-{i}.bin").write_bytes(data)
                if crashes <= 3:
                    print(f"CRASH {kind} #{i}:\n{traceback.format_exc(limit=6)}", file=sys.stderr)
            finally:
                signal.setitimer(signal.ITIMER_REAL, 0)
            took = time.perf_counter() - t
            if took > args.hang and not (out / f"hang-{kind}-{i}.bin").exists():
                hangs += 1  # the timer's exception was swallowed inside a library: still a hang
                out.mkdir(exist_ok=True)
                (out / f"hang-{kind}-{i}.bin").write_bytes(data)
            if took > slowest:
                slowest = took
                if took > SLOW_SECONDS:  # kept for a look: the slowest input of this target
                    out.mkdir(exist_ok=True)
                    (out / f"slowest-{kind}.bin").write_bytes(data)
        rows.append((kind, n, crashes, hangs, slowest, time.perf_counter() - t0))
    total_s = time.perf_counter() - t_all
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"{'target':10} {'inputs':>8} {'crashes':>8} {'hangs':>6} {'slowest ms':>11} {'seconds':>8}")
    for kind, n, c, h, slow, secs in rows:
        print(f"{kind:10} {n:8,} {c:8} {h:6} {slow * 1000:11.1f} {secs:8.1f}")
    n_all = sum(r[1] for r in rows)
    crashes = sum(r[2] for r in rows)
    hangs = sum(r[3] for r in rows)
    print(f"{'total':10} {n_all:8,} {crashes:8} {hangs:6} {max(r[4] for r in rows) * 1000:11.1f} {total_s:8.1f}")
    print(f"inputs: {n_all:,}  crashes: {crashes}  hangs: {hangs}  peak memory: {peak:.0f} MB")
    return 1 if crashes or hangs else 0


if __name__ == "__main__":
    raise SystemExit(main())
