"""List lines added since a revision that share a run of seven words with a real-news text.

Third-party text never enters the repository (tests/realnews/README.md): run this before landing a
change, with the git-ignored texts in place.

Usage: python3 scripts/text_overlap.py BASE_REV [--texts DIR] [--words N]
Exit 1 when any added line shares a run of N words (default 7) with a text.
"""

from __future__ import annotations

import argparse
import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
WORD = re.compile(r"[a-z0-9áéíóúñü']+")
#: the gold files quote short spans of the texts on purpose (date_text, size_text)
EXCLUDED = (":(exclude)tests/realnews/*.jsonl", ":(exclude)tests/realnews/multi/*", ":(exclude)tests/realnews/meta.tsv")


def shingles(text: str, n: int) -> set[str]:
    words = WORD.findall(text.lower())
    return {" ".join(words[i:i + n]) for i in range(len(words) - n + 1)}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("base")
    ap.add_argument("--texts", type=Path, default=ROOT / "tests" / "realnews" / "texts")
    ap.add_argument("--words", type=int, default=7)
    args = ap.parse_args(argv)
    texts = sorted(args.texts.glob("*.txt")) if args.texts.is_dir() else []
    if not texts:
        print(f"{args.texts}: no texts (re-fetch them as tests/realnews/README.md says)", file=sys.stderr)
        return 2
    known: set[str] = set()
    for p in texts:
        known |= shingles(p.read_text(encoding="utf-8", errors="replace"), args.words)
    diff = subprocess.run(["git", "-C", str(ROOT), "diff", "-U0", args.base, "--", ".", *EXCLUDED],
                          capture_output=True, text=True, check=True).stdout
    path, hits = None, 0
    for line in diff.splitlines():
        if line.startswith("+++ "):
            path = line[6:]
        elif line.startswith("+"):
            common = shingles(line[1:], args.words) & known
            if common:
                hits += 1
                print(f"{path}: {line[1:].strip()[:120]}  <- {min(common)}")
    print(f"{hits} added lines share {args.words} words in a row with a real text ({len(texts)} texts)")
    return 1 if hits else 0


if __name__ == "__main__":
    sys.exit(main())
