"""Bad inputs are reported as they are met, not only at the end of a batch."""

from __future__ import annotations

from pathlib import Path

from protestdb.pipeline import ingest_paths
from protestdb.store import open_store


def test_on_error_is_called_as_each_bad_input_is_met(tmp_path: Path) -> None:
    inputs = tmp_path / "in"
    inputs.mkdir()
    (inputs / "a-empty.txt").write_bytes(b"")
    (inputs / "b-junk.txt").write_bytes(bytes(range(256)) * 8)
    seen: list[tuple[str, str]] = []

    def extractor(text, published=None):  # no spaCy needed: nothing valid reaches it
        raise AssertionError("no good article in this batch")

    store = open_store(tmp_path / "p.sqlite")
    try:
        report = ingest_paths(
            store, [str(inputs)], progress=False, extractor=extractor, on_error=lambda w, m: seen.append((w, m))
        )
    finally:
        store.close()
    assert seen == report.errors
    assert [Path(w).name for w, _ in seen] == ["a-empty.txt", "b-junk.txt"]
    assert all(m for _, m in seen)
