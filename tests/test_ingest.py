"""Ingest: text/HTML/JSON lines readers, encodings, and one clear error per bad input."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from protestdb import settings
from protestdb.ingest import IngestError, decode_bytes, read_path, repair_mojibake
from protestdb.models import Article, content_hash

BODY = "Dozens of nurses rallied outside the county hospital on Friday to demand safer staffing.\n\nThey chanted for an hour."
PAGE = """<!doctype html><html lang="en"><head><title>Nurses rally for staffing | Valley Courier</title>
<meta property="og:site_name" content="Valley Courier">
<link rel="canonical" href="https://courier.example/news/nurses-rally">
<meta property="article:published_time" content="2024-05-03T09:00:00Z"></head>
<body><nav>Home | Sports | Weather | Subscribe</nav><article><h1>Nurses rally for staffing</h1>
<p>Dozens of nurses rallied outside the county hospital on Friday to demand safer staffing levels, saying
shifts have grown longer since the spring.</p>
<p>They chanted for an hour before the hospital administration agreed to meet a delegation of the union,
according to organizers who spoke to reporters after the event.</p>
<p>Police said the gathering was peaceful and no one was arrested during the rally on Friday afternoon.</p>
</article><footer>Copyright 2024 Valley Courier. All rights reserved.</footer></body></html>"""


def _articles(items) -> list[Article]:
    return [x for x in items if isinstance(x, Article)]


def _errors(items) -> list[IngestError]:
    return [x for x in items if isinstance(x, IngestError)]


def test_text_file_title_kept_and_text_whole(tmp_path: Path) -> None:
    f = tmp_path / "a.txt"
    f.write_text("Nurses rally for staffing\n\n" + BODY + "\n", encoding="utf-8")
    [art] = list(read_path(f))
    assert isinstance(art, Article)
    assert art.title == "Nurses rally for staffing"
    assert art.text.startswith("Nurses rally for staffing\n\nDozens") and "chanted" in art.text
    assert art.id == content_hash(art.text) and art.path == str(f) and art.raw_format == "text"


def test_markdown_heading_title(tmp_path: Path) -> None:
    f = tmp_path / "b.md"
    f.write_text("# Students walk out\n\nStudents left class at noon.", encoding="utf-8")
    [art] = list(read_path(f))
    assert art.title == "Students walk out"


def test_html_boilerplate_removed_and_metadata(tmp_path: Path) -> None:
    f = tmp_path / "page.html"
    f.write_text(PAGE, encoding="utf-8")
    [art] = list(read_path(f))
    assert isinstance(art, Article), art
    assert "Dozens of nurses rallied" in art.text and "\n\n" in art.text
    assert "Subscribe" not in art.text and "All rights reserved" not in art.text
    assert art.url == "https://courier.example/news/nurses-rally"
    assert art.outlet == "Valley Courier"
    assert str(art.published) == "2024-05-03"
    assert art.raw_format == "html"


def test_broken_html_falls_back(tmp_path: Path) -> None:
    f = tmp_path / "broken.htm"
    f.write_text("<html><body><p>Workers picketed the plant gates<p>for a second day <b>running<div>", encoding="utf-8")
    [art] = list(read_path(f))
    assert isinstance(art, Article)
    assert "Workers picketed the plant gates" in art.text and "<" not in art.text


def test_jsonl_records_and_malformed_line(tmp_path: Path) -> None:
    (tmp_path / "texts").mkdir()
    (tmp_path / "texts" / "one.txt").write_text(BODY, encoding="utf-8")
    lines = [
        json.dumps({"id": "r1", "text": "Farmers drove tractors to the capitol.", "published": "2024-02-01",
                    "url": "https://x.example/1", "outlet": "X", "title": "Tractors"}),
        "{not json",
        json.dumps({"id": "r3", "path": "texts/one.txt", "published": "2024-02-02"}),
        json.dumps({"id": "r4", "html": PAGE}),
        json.dumps({"id": "r5"}),
    ]
    f = tmp_path / "batch.jsonl"
    f.write_text("\n".join(lines) + "\n", encoding="utf-8")
    items = list(read_path(f))
    arts, errs = _articles(items), _errors(items)
    assert len(arts) == 3 and len(errs) == 2
    assert arts[0].title == "Tractors" and str(arts[0].published) == "2024-02-01" and arts[0].outlet == "X"
    assert arts[1].text == BODY and str(arts[1].published) == "2024-02-02"
    assert arts[2].raw_format == "html"
    assert errs[0].source == f"{f}:2" and "malformed JSON" in errs[0].message
    assert errs[1].source == f"{f}:5"


def test_directory_recursive_and_sniffing(tmp_path: Path) -> None:
    (tmp_path / "sub" / "deeper").mkdir(parents=True)
    (tmp_path / "sub" / "deeper" / "a.txt").write_text(BODY, encoding="utf-8")
    (tmp_path / "sub" / "page").write_text(PAGE, encoding="utf-8")  # no extension: sniffed as HTML
    (tmp_path / "notes.dat").write_text("Tenants marched to city hall.\nThey want rent control.", encoding="utf-8")
    (tmp_path / ".hidden.txt").write_text("hidden", encoding="utf-8")
    arts = _articles(read_path(tmp_path))
    assert len(arts) == 3
    assert {a.raw_format for a in arts} == {"text", "html"}


@pytest.mark.parametrize(
    "name,data,needle",
    [
        ("empty.txt", b"", "empty"),
        ("blank.txt", b"   \n\n  ", "empty"),
        ("junk.txt", bytes(range(256)) * 40, "binary"),
        ("ctrl.txt", b"ab\x01\x02\x03\x04\x05\x06\x07\x08cd" * 50, "binary"),
        ("image.png", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" * 20, "binary"),
    ],
)
def test_bad_files_give_one_clear_error(tmp_path: Path, name: str, data: bytes, needle: str) -> None:
    f = tmp_path / name
    f.write_bytes(data)
    items = list(read_path(f))
    assert len(items) == 1 and isinstance(items[0], IngestError)
    assert str(f) in str(items[0]) and needle in items[0].message and "\n" not in str(items[0])


def test_too_large_file_checked_before_reading(tmp_path: Path) -> None:
    f = tmp_path / "huge.txt"
    with f.open("wb") as fh:
        fh.truncate(200 * 1024 * 1024)  # sparse: costs no disk
    [err] = list(read_path(f))
    assert isinstance(err, IngestError) and "too large" in err.message
    assert settings.MAX_FILE_BYTES < 200 * 1024 * 1024


def test_missing_and_unreadable(tmp_path: Path) -> None:
    [err] = list(read_path(tmp_path / "gone.txt"))
    assert isinstance(err, IngestError) and "gone.txt" in err.source
    if os.geteuid() != 0:  # root reads anything
        f = tmp_path / "locked.txt"
        f.write_text(BODY, encoding="utf-8")
        f.chmod(0)
        [err2] = list(read_path(f))
        assert isinstance(err2, IngestError) and "cannot read" in err2.message


def test_encodings(tmp_path: Path) -> None:
    text = "Café workers’ strike — día 2 in São Paulo"
    variants = {
        "bom8.txt": b"\xef\xbb\xbf" + text.encode("utf-8"),
        "u16.txt": text.encode("utf-16"),
        "u16le_nobom.txt": text.encode("utf-16-le"),
        "cp1252.txt": text.encode("cp1252"),
        "mojibake.txt": text.encode("utf-8").decode("cp1252").encode("utf-8"),
    }
    for name, raw in variants.items():
        (tmp_path / name).write_bytes(raw)
        [art] = list(read_path(tmp_path / name))
        assert isinstance(art, Article), (name, art)
        assert art.text == text, name


def test_decode_and_repair_helpers() -> None:
    assert decode_bytes("naïve".encode("latin-1"))[0] == "naïve"
    assert decode_bytes(b"a\r\nb\rc")[0] == "a\nb\nc"
    assert repair_mojibake("itâ€™s the peopleâ€™s cafÃ©") == "it’s the people’s café"
    assert repair_mojibake("Ångström, déjà vu") == "Ångström, déjà vu"  # proper text untouched


def test_non_english_text_is_read(tmp_path: Path) -> None:
    f = tmp_path / "es.txt"
    f.write_text("Cientos de estudiantes marcharon el lunes en Madrid contra los recortes.", encoding="utf-8")
    [art] = list(read_path(f))
    assert isinstance(art, Article) and "estudiantes" in art.text


def test_bad_file_does_not_hide_good_ones(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(BODY, encoding="utf-8")
    (tmp_path / "b.txt").write_bytes(b"")
    (tmp_path / "c.txt").write_text("Teachers struck for a second day.", encoding="utf-8")
    items = list(read_path(tmp_path))
    assert len(_articles(items)) == 2 and len(_errors(items)) == 1
