"""Relevance gold from the Causal News Corpus, built at test time (no corpus text in the repo).

``cnc_sample.jsonl`` holds only keys (``file``, ``index``) into the CNC V2 CSV files under
``../shared/data/causal_news_corpus/`` plus the project's own ``is_protest_report`` label for
each sentence. :func:`write_cnc_gold` joins the keys with the corpus and writes a gold file and
a texts folder for ``protestdb eval GOLD --texts DIR``.

The sentences are single sentences with no publication date and mostly non-US places, so the
gold has no events: only the **document relevance** scores are meaningful on it (every event
predicted on a sentence counts as a false positive by the scorer's rules).

Usage: ``python tests/gold/cnc.py OUT_DIR`` then ``protestdb eval OUT_DIR/cnc.jsonl --texts OUT_DIR/texts``.
"""

from __future__ import annotations

import csv
import json
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
SAMPLE = HERE / "cnc_sample.jsonl"


def _corpus_dir() -> Path:
    """The corpus under the first ``shared/`` beside an ancestor of the repository (a clone sits
    beside ``shared/``; a git worktree may sit one or more folders deeper)."""
    for up in HERE.parents[1:]:
        cand = up / "shared" / "data" / "causal_news_corpus"
        if cand.is_dir():
            return cand
    return HERE.parents[2] / "shared" / "data" / "causal_news_corpus"


CORPUS_DIR = _corpus_dir()


def load_sample(sample: Path = SAMPLE) -> list[dict]:
    """The annotated keys: ``[{"file", "index", "is_protest_report"}]``."""
    rows = []
    for line in sample.read_text(encoding="utf-8").splitlines():
        if line.strip():
            rows.append(json.loads(line))
    return rows


def read_corpus_texts(files: set[str], corpus_dir: Path = CORPUS_DIR) -> dict[tuple[str, str], str]:
    """``(file, index) -> sentence`` for the given CSV files of the corpus."""
    texts: dict[tuple[str, str], str] = {}
    for name in sorted(files):
        with open(corpus_dir / name, encoding="utf-8-sig", newline="") as fh:
            for row in csv.DictReader(fh):
                texts[(name, row["index"])] = row["text"]
    return texts


def write_cnc_gold(out_dir: Path, sample: Path = SAMPLE, corpus_dir: Path = CORPUS_DIR) -> Path | None:
    """Write ``out_dir/cnc.jsonl`` and ``out_dir/texts/<doc_id>.txt``; return the gold path.

    Returns ``None`` when the corpus folder is absent (callers should skip).
    Raises ``KeyError`` if a key of the sample is not in the corpus.
    """
    if not corpus_dir.is_dir():
        return None
    rows = load_sample(sample)
    texts = read_corpus_texts({r["file"] for r in rows}, corpus_dir)
    out_dir = Path(out_dir)
    (out_dir / "texts").mkdir(parents=True, exist_ok=True)
    lines = []
    for r in rows:
        text = texts[(r["file"], r["index"])]
        doc_id = "cnc-" + r["index"]
        (out_dir / "texts" / f"{doc_id}.txt").write_text(text + "\n", encoding="utf-8")
        doc = {
            "doc_id": doc_id,
            "text_file": f"texts/{doc_id}.txt",
            "language": "en",
            "published": None,
            "is_protest_report": bool(r["is_protest_report"]),
            "events": [],
        }
        lines.append(json.dumps(doc))
    gold = out_dir / "cnc.jsonl"
    gold.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return gold


if __name__ == "__main__":
    target = Path(sys.argv[1]) if len(sys.argv) > 1 else Path("cnc_gold")
    path = write_cnc_gold(target)
    print(path if path else f"corpus not found at {CORPUS_DIR}")
