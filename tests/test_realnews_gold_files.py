"""The real-news gold files agree with meta.tsv (facts only; the texts are never in the repository).

Every gold page has exactly one meta row of its part with the same URL, every meta row has a gold
page, and every event carries the record's fields. Only ids, URLs and field names are compared:
no test reads a page's text or looks at what a blind part's events say.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

REALNEWS = Path(__file__).resolve().parent / "realnews"
EVENT_FIELDS = {"date", "date_text", "locality", "state", "type", "size_low", "organizations", "targets",
                "issues", "announced_only"}


def _meta() -> dict[str, dict[str, str]]:
    rows: dict[str, dict[str, str]] = {}
    with (REALNEWS / "meta.tsv").open(encoding="utf-8") as fh:
        header = fh.readline().rstrip("\n").split("\t")
        for n, line in enumerate(fh, start=2):
            cells = line.rstrip("\n").split("\t")
            assert len(cells) == len(header), f"meta.tsv:{n}: {len(cells)} cells, want {len(header)}"
            row = dict(zip(header, cells, strict=True))
            assert row["doc_id"] not in rows, f"meta.tsv:{n}: {row['doc_id']} twice"
            rows[row["doc_id"]] = row
    return rows


def _gold_files() -> list[tuple[str, Path]]:
    out = [(p.stem, p) for p in sorted(REALNEWS.glob("*.jsonl"))]
    out += [(f"multi-{p.stem}", p) for p in sorted((REALNEWS / "multi").glob("*.jsonl"))]
    return out


def test_meta_rows_are_unique_and_complete() -> None:
    meta = _meta()
    assert len(meta) > 1000
    urls = [r["url"] for r in meta.values()]
    assert len(urls) == len(set(urls)), "a URL is in meta.tsv twice"
    for did, row in meta.items():
        assert len(row["sha256"]) == 64 and int(row["chars"]) > 0, did
        assert int(row["rank"]) >= 1 and row["query"].strip(), did


@pytest.mark.parametrize(("part", "path"), _gold_files(), ids=lambda v: v if isinstance(v, str) else "")
def test_gold_pages_have_their_meta_row(part: str, path: Path) -> None:
    meta = _meta()
    seen = set()
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        doc = json.loads(line)
        did = doc["doc_id"]
        assert did not in seen, f"{path.name}:{n}: {did} twice"
        seen.add(did)
        assert did in meta, f"{path.name}:{n}: {did} has no meta.tsv row"
        assert meta[did]["part"] == part, f"{path.name}:{n}: {did} is of part {meta[did]['part']}"
        assert doc.get("url") in (None, meta[did]["url"]), f"{path.name}:{n}: {did} url differs from meta.tsv"
        assert isinstance(doc["is_protest_report"], bool), f"{path.name}:{n}"
        for ev in doc.get("events") or []:
            assert EVENT_FIELDS <= set(ev), f"{path.name}:{n}: {did} event lacks {sorted(EVENT_FIELDS - set(ev))}"
    rows = {d for d, r in meta.items() if r["part"] == part}
    assert rows == seen, f"{part}: meta rows without gold {sorted(rows - seen)[:3]}"
