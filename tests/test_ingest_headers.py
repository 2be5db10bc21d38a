"""Text-file headers and folder walking."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from protestdb.ingest import read_path
from protestdb.models import Article


def test_published_line_in_a_text_file_sets_the_date(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(
        "Nurses picket hospital\n\nPublished: 2025-05-21\n\nDULUTH, Minn. — Nurses picketed on Tuesday.\n", encoding="utf-8"
    )
    (tmp_path / "b.txt").write_text("Nurses picket hospital\n\nDULUTH, Minn. — Nurses picketed on Tuesday.\n", encoding="utf-8")
    arts = {Path(a.path).name: a for a in read_path(tmp_path) if isinstance(a, Article)}
    assert arts["a.txt"].published == date(2025, 5, 21)
    assert "Published: 2025-05-21" in arts["a.txt"].text  # the text is kept whole
    assert arts["b.txt"].published is None


def test_folder_walk_skips_readme_and_license_files(tmp_path: Path) -> None:
    (tmp_path / "README.md").write_text("# what these files are\n\nSome notes.\n", encoding="utf-8")
    (tmp_path / "LICENSE").write_text("CC0\n", encoding="utf-8")
    (tmp_path / "story.txt").write_text("Teachers rallied in Austin on Monday.\n", encoding="utf-8")
    got = [Path(a.path).name for a in read_path(tmp_path) if isinstance(a, Article)]
    assert got == ["story.txt"]
    # named explicitly, a README is still read
    assert [a.path for a in read_path(tmp_path / "README.md") if isinstance(a, Article)]


def test_byline_date_at_the_top_sets_the_date(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(
        "Dockworkers march on the port\n\nJune 07, 2024 by Staff Writer\n\nHundreds of dockworkers marched on Friday.\n",
        encoding="utf-8",
    )
    (tmp_path / "b.txt").write_text(
        "Dockworkers march\n\nThe union said that on June 7, 2024 the dockworkers would hold a long march through the "
        "harbor district, their first in a decade, and that more would follow in the summer months ahead.\n",
        encoding="utf-8",
    )
    arts = {Path(a.path).name: a for a in read_path(tmp_path) if isinstance(a, Article)}
    assert arts["a.txt"].published == date(2024, 6, 7)
    assert arts["b.txt"].published is None
