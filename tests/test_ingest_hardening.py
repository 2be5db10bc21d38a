"""Ingest on hostile input (issue 14): one bad JSON line never loses the next, ``path`` stays in
its folder, connections go to the address that was checked, tunnelled IPv6 is refused, bodies
are counted as they stream in."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import httpx
import pytest

from protestdb.ingest import IngestError, fetch, read_path, read_url
from protestdb.ingest.fetch import HostRateLimiter, is_public_address
from protestdb.models import Article

PAGE = (b"<html><head><title>Dockworkers strike</title></head><body><article><p>Hundreds of dockworkers "
        b"walked off the job at the harbor on Monday, halting cargo traffic for the first time in a decade, "
        b"union leaders said.</p></article></body></html>")


@pytest.fixture(autouse=True)
def _fresh_robots_cache():
    fetch._robots_cache.clear()
    yield
    fetch._robots_cache.clear()


def _lines(tmp_path: Path, lines: list[str]) -> list[Article | IngestError]:
    p = tmp_path / "in.jsonl"
    p.write_text("\n".join(lines), encoding="utf-8")
    return list(read_path(p))


def test_bad_json_lines_are_reported_with_file_and_line_and_the_rest_is_read(tmp_path):
    good = [json.dumps({"text": f"Nurses rallied in Town{i} on Monday."}) for i in range(3)]
    got = _lines(tmp_path, [
        good[0],
        "[" * 100_000 + "]" * 100_000,  # nested 100k deep
        '{"text": ' + '{"a": ' * 50_000 + "1" + "}" * 50_000 + "}",
        '{"text": "Tenants \\ud800 marched in Dover on Friday."}',  # a lone surrogate
        "{not json",
        good[1],
        '{"text": "x", "published": "9999-12-31"}',
        good[2],
    ])
    arts = [x for x in got if isinstance(x, Article)]
    errs = [x for x in got if isinstance(x, IngestError)]
    assert [a.text for a in arts] == [
        "Nurses rallied in Town0 on Monday.", "Tenants \ufffd marched in Dover on Friday.",
        "Nurses rallied in Town1 on Monday.", "Nurses rallied in Town2 on Monday.",
    ]
    assert [e.source.rsplit(":", 1)[1] for e in errs] == ["2", "3", "5", "7"]
    assert all(e.source.startswith(str(tmp_path / "in.jsonl")) for e in errs)
    assert "nested deeper" in errs[0].message and "9999-12-31" in errs[3].message
    assert all(len(str(e)) < 300 for e in errs)


def test_json_path_is_confined_to_the_folder_of_the_json_file(tmp_path):
    inside = tmp_path / "texts" / "a.txt"
    inside.parent.mkdir()
    inside.write_text("Teachers marched in Boise on Monday.\nThey asked for raises.", encoding="utf-8")
    outside = tmp_path / "secret.txt"
    outside.write_text("Private notes that must not be ingested.", encoding="utf-8")
    (tmp_path / "texts" / "link.txt").symlink_to(outside)
    jl = tmp_path / "texts" / "in.jsonl"
    jl.write_text("\n".join(json.dumps({"path": p}) for p in (
        "/etc/passwd", "../secret.txt", "link.txt", "a.txt", str(inside))), encoding="utf-8")
    got = list(read_path(jl))
    assert [type(x).__name__ for x in got] == ["IngestError"] * 3 + ["Article"] * 2
    for e, line in zip(got[:3], (1, 2, 3), strict=True):
        assert e.source == f"{jl}:{line}" and "outside the folder" in e.message
    assert all(x.text.startswith("Teachers marched") for x in got[3:])


@pytest.mark.parametrize("addr", ["2002:7f00:1::1", "2002:a00:1::", "2001:0:4136:e378:8000:63bf:3fff:fdd2",
                                  "64:ff9b::7f00:1", "100.64.0.1", "::ffff:10.0.0.1"])
def test_tunnelled_and_shared_addresses_are_not_public(addr):
    assert not is_public_address(addr)


def test_connects_to_the_checked_address_not_a_second_lookup(monkeypatch):
    """DNS rebinding: the name resolves to a public address for the check, then to 127.0.0.1."""
    answers = {"news.example": [["93.184.216.34"], ["127.0.0.1"]], "cdn.example": [["151.101.1.1"], ["10.0.0.1"]]}
    calls: dict[str, int] = {}

    def rebinding(host: str) -> list[str]:
        i = calls.get(host, 0)
        calls[host] = i + 1
        return answers[host][min(i, 1)]

    seen: list[tuple[str, str, str | None]] = []

    def handler(req: httpx.Request) -> httpx.Response:
        seen.append((req.url.host, req.headers["host"], req.extensions.get("sni_hostname")))
        if req.url.path == "/robots.txt":
            return httpx.Response(404)
        if req.headers["host"] == "news.example":
            return httpx.Response(301, headers={"location": "https://cdn.example/story"})
        return httpx.Response(200, content=PAGE, headers={"content-type": "text/html"})

    monkeypatch.setattr(fetch.httpx, "HTTPTransport", lambda *a, **k: httpx.MockTransport(handler))
    art = read_url("https://news.example/story", resolver=rebinding, limiter=HostRateLimiter(0))
    assert "dockworkers" in art.text
    assert seen == [
        ("93.184.216.34", "news.example", "news.example"),  # robots.txt
        ("93.184.216.34", "news.example", "news.example"),
        ("151.101.1.1", "cdn.example", "cdn.example"),
    ]
    assert calls == {"news.example": 1, "cdn.example": 1}  # each name resolved once, by the check


def _mock(handler) -> dict:
    return {"client": httpx.Client(transport=httpx.MockTransport(handler)),
            "resolver": lambda h: ["93.184.216.34"], "limiter": HostRateLimiter(0)}


def test_body_limit_counts_decoded_bytes_and_content_length(monkeypatch):
    monkeypatch.setattr(fetch, "MAX_BYTES", 100_000)
    bomb = gzip.compress(b" " * 5_000_000)  # 5 KB -> 5 MB

    def handler(req: httpx.Request) -> httpx.Response:
        if req.url.path == "/robots.txt":
            return httpx.Response(200, content=gzip.compress(b"User-agent: *\nDisallow: /x/\n" + b"#" * 3_000_000),
                                  headers={"content-encoding": "gzip"})
        if req.url.path == "/big":
            return httpx.Response(200, content=b"a" * 200_000, headers={"content-type": "text/html"})
        return httpx.Response(200, content=bomb, headers={"content-encoding": "gzip", "content-type": "text/html"})

    with pytest.raises(IngestError, match="once decoded"):
        read_url("https://site.example/bomb", **_mock(handler))
    with pytest.raises(IngestError, match="Content-Length 200,000"):
        read_url("https://site.example/big", **_mock(handler))
    with pytest.raises(IngestError, match="robots.txt"):  # robots.txt read up to its cap, still obeyed
        read_url("https://site.example/x/page", **_mock(handler))


@pytest.mark.parametrize("junk", ["\x10", "\x00", "\x01\x02", "\ud800", "\x0b"])
def test_html_with_control_characters_is_read_or_one_clear_error(junk):
    """Found by benchmarks/fuzz.py: lxml refused a NUL after <title> with a ValueError."""
    from protestdb.ingest import html_to_article

    for html in (f"<html><head><title>A{junk}</title>{junk}tail</head><body></body></html>",
                 f"{junk}<title></title>8",  # the fuzzer's input, minimised
                 f"<html><body><article><p>Dockworkers{junk} walked off the job at the harbor on Monday, "
                 f"halting cargo traffic for the first time in a decade, union leaders said.</p></article></body></html>"):
        try:
            art = html_to_article(html, url="https://port.example/x")
        except IngestError as err:
            assert "\n" not in str(err)
        else:
            assert "\x00" not in art.text and "\ud800" not in art.text
