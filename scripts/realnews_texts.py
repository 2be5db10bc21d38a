"""Check the git-ignored real-news texts against the facts in tests/realnews/meta.tsv.

Usage: python3 scripts/realnews_texts.py [--texts DIR] [--meta FILE]
Prints one line per missing or changed text and a summary; exit 1 when any is missing or
differs (see tests/realnews/README.md for how to re-fetch them).
"""

from __future__ import annotations

import argparse
import csv
import hashlib
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1] / "tests" / "realnews"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--texts", type=Path, default=ROOT / "texts")
    ap.add_argument("--meta", type=Path, default=ROOT / "meta.tsv")
    args = ap.parse_args(argv)
    if not args.meta.is_file():
        print(f"{args.meta}: no such file", file=sys.stderr)
        return 2
    ok = missing = changed = 0
    with args.meta.open(encoding="utf-8", newline="") as fh:
        for line_no, row in enumerate(csv.DictReader(fh, delimiter="\t"), start=2):
            path = args.texts / f"{row['doc_id']}.txt"
            if not path.is_file():
                missing += 1
                print(f"{args.meta}:{line_no}: {row['doc_id']}: missing ({row['url']})")
                continue
            data = path.read_bytes()
            if row.get("sha256") and hashlib.sha256(data).hexdigest() != row["sha256"]:
                changed += 1
                print(f"{path}: differs from the annotated text ({len(data.decode('utf-8', 'replace'))} chars, "
                      f"annotated {row.get('chars')})")
                continue
            ok += 1
    print(f"{ok} texts ok, {missing} missing, {changed} different")
    return 0 if not (missing or changed) else 1


if __name__ == "__main__":
    sys.exit(main())
