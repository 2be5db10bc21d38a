"""WARC / WARC.gz crawls: streamed records -> articles; truncated/corrupt records reported and skipped.

The WARC files are written here with warcio from pages written for the test.
"""

from __future__ import annotations

import io
from datetime import UTC, datetime
from pathlib import Path

import pytest

from protestdb import settings
from protestdb.ingest import IngestError, read_path
from protestdb.ingest.warc import WarcStats, read_warc
from protestdb.models import Article
from protestdb.pipeline import ingest_paths
from protestdb.store import open_store

warcio = pytest.importorskip("warcio")
from warcio.archiveiterator import ArchiveIterator  # noqa: E402
from warcio.statusandheaders import StatusAndHeaders  # noqa: E402
from warcio.warcwriter import WARCWriter  # noqa: E402

TOWNS = ["Ashford", "Brookvale", "Cedar Point"]


def _page(town: str) -> bytes:
    return (
        f"<html><head><title>Vigil in {town}</title></head><body><nav>Home | Local | Sports</nav><article>"
        f"<h1>Vigil in {town}</h1>"
        f"<p>Neighbors in {town} held a candlelight vigil outside the shuttered clinic on Thursday evening, "
        "calling on the county to reopen it before the winter months.</p>"
        "<p>Several speakers described driving more than an hour for routine care since the closure, and a "
        "retired nurse read the names of families who had signed a petition.</p>"
        "</article><footer>Copyright</footer></body></html>"
    ).encode()


def _write_warc(path: Path, gz: bool) -> list[tuple[int, str, str | None]]:
    """Writes request/response pairs plus non-article records; returns (offset, type, uri) of each record."""
    with path.open("wb") as fh:
        w = WARCWriter(fh, gzip=gz)
        w.write_record(w.create_warcinfo_record(path.name, {"software": "test"}))
        for i, town in enumerate(TOWNS):
            uri = f"https://town.example/news/{i}"
            req = StatusAndHeaders("GET /news HTTP/1.1", [("Host", "town.example")], is_http_request=True)
            w.write_record(w.create_warc_record(uri, "request", payload=io.BytesIO(b""), http_headers=req))
            h = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1")
            rec = w.create_warc_record(uri, "response", payload=io.BytesIO(_page(town)), http_headers=h)
            rec.rec_headers.replace_header("WARC-Date", f"2025-01-0{i + 1}T12:00:00Z")
            w.write_record(rec)
            if i == 0:  # a 404 page and an image: skipped silently
                h404 = StatusAndHeaders("404 Not Found", [("Content-Type", "text/html")], protocol="HTTP/1.1")
                w.write_record(w.create_warc_record("https://town.example/missing", "response",
                                                    payload=io.BytesIO(b"<html><p>not found</p></html>"),
                                                    http_headers=h404))
                himg = StatusAndHeaders("200 OK", [("Content-Type", "image/png")], protocol="HTTP/1.1")
                w.write_record(w.create_warc_record("https://town.example/logo.png", "response",
                                                    payload=io.BytesIO(b"\x89PNG\r\n\x1a\n\x00\x00"), http_headers=himg))
    with path.open("rb") as fh:
        it = ArchiveIterator(fh)
        return [(it.offset, r.rec_type, r.rec_headers.get_header("WARC-Target-URI")) for r in it]


@pytest.fixture(params=[False, True], ids=["warc", "warc.gz"])
def warc_file(request, tmp_path: Path) -> tuple[Path, list]:
    p = tmp_path / ("crawl.warc.gz" if request.param else "crawl.warc")
    return p, _write_warc(p, request.param)


def _responses(records: list) -> list[tuple[int, str]]:
    return [(o, u) for o, t, u in records if t == "response" and u and "/news/" in u]


def test_reads_html_responses(warc_file) -> None:
    path, _records = warc_file
    stats = WarcStats()
    items = list(read_warc(path, stats=stats))
    assert all(isinstance(i, Article) for i in items)
    assert [a.url for a in items] == [f"https://town.example/news/{i}" for i in range(3)]
    first = items[0]
    assert first.raw_format == "warc" and first.path == str(path)
    assert first.retrieved == datetime(2025, 1, 1, 12, tzinfo=UTC)
    assert "candlelight vigil" in first.text and "Copyright" not in first.text
    assert stats.pages == 3 and stats.errors == 0 and stats.skipped >= 5  # warcinfo, requests, 404, image


def test_dispatch_via_read_path_and_no_size_limit(warc_file, monkeypatch: pytest.MonkeyPatch) -> None:
    path, _ = warc_file
    monkeypatch.setattr(settings, "MAX_FILE_BYTES", 500)  # WARCs are streamed, not read whole
    arts = [a for a in read_path(path.parent) if isinstance(a, Article)]
    assert len(arts) == 3


def test_truncated_file_keeps_earlier_records(warc_file, tmp_path: Path) -> None:
    path, records = warc_file
    last_off, last_uri = _responses(records)[-1]
    data = path.read_bytes()
    cut = tmp_path / ("cut" + "".join(path.suffixes))
    cut.write_bytes(data[: last_off + (len(data) - last_off) // 2])
    items = list(read_path(cut))
    assert [a.url for a in items if isinstance(a, Article)] == [u for _, u in _responses(records)[:2]]
    [err] = [i for i in items if isinstance(i, IngestError)]
    assert err.source == f"{cut}@{last_off}" and "truncated" in err.message


def test_corrupt_middle_record_is_skipped_and_rest_read(warc_file, tmp_path: Path) -> None:
    path, records = warc_file
    mid_off, _mid_uri = _responses(records)[1]
    data = bytearray(path.read_bytes())
    for k in range(mid_off + 4, mid_off + 40):
        data[k] ^= 0x5A
    bad = tmp_path / ("bad" + "".join(path.suffixes))
    bad.write_bytes(bytes(data))
    items = list(read_path(bad))
    urls = [a.url for a in items if isinstance(a, Article)]
    assert urls == ["https://town.example/news/0", "https://town.example/news/2"]
    errs = [i for i in items if isinstance(i, IngestError)]
    assert len(errs) == 1 and errs[0].source == f"{bad}@{mid_off}"


def test_pipeline_ingests_warc_once(warc_file, tmp_path: Path) -> None:
    path, _ = warc_file
    store = open_store(tmp_path / "db.sqlite")
    no_events = lambda text, published=None, **kw: []  # noqa: E731
    rep = ingest_paths(store, [str(path)], progress=False, extractor=no_events)
    assert rep.new_articles == 3 and rep.errors == []
    rep2 = ingest_paths(store, [str(path)], progress=False, extractor=no_events)
    assert rep2.new_articles == 0 and rep2.duplicates == 3


def test_any_cut_point_never_raises_and_errors_name_offsets(warc_file, tmp_path: Path) -> None:
    path, records = warc_file
    data = path.read_bytes()
    starts = {o for o, _, _ in records}
    for cut in range(1, len(data), 61):
        p = tmp_path / ("part" + "".join(path.suffixes))
        p.write_bytes(data[:cut])
        items = list(read_warc(p))  # must not raise
        errs = [i for i in items if isinstance(i, IngestError)]
        assert all(e.source.startswith(f"{p}@") for e in errs)
        if cut not in starts and cut > 300:  # cut inside a record, not at a boundary
            complete = [u for o, u in _responses(records) if o < cut]
            assert len([a for a in items if isinstance(a, Article)]) <= len(complete)
