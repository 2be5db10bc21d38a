"""read_url: robots.txt, private-address refusal, timeouts, rate limit — all against a mock transport."""

from __future__ import annotations

import httpx
import pytest

from protestdb.ingest import IngestError, fetch, read_url
from protestdb.ingest.fetch import HostRateLimiter, is_public_address

PAGE = b"""<html><head><title>Dockworkers strike</title><link rel="canonical" href="https://port.example/strike"></head>
<body><article><p>Hundreds of dockworkers walked off the job at the harbor on Monday, halting cargo traffic
for the first time in a decade, union leaders said at a press conference.</p>
<p>The strike is expected to last through the week as talks over automation and wages remain stalled.</p>
</article></body></html>"""

PUBLIC = lambda host: ["93.184.216.34"]  # noqa: E731 - a fake resolver: never touches DNS


def _client(handler) -> httpx.Client:
    return httpx.Client(transport=httpx.MockTransport(handler))


@pytest.fixture(autouse=True)
def _fresh_robots_cache():
    fetch._robots_cache.clear()
    yield
    fetch._robots_cache.clear()


def _no_wait() -> HostRateLimiter:
    return HostRateLimiter(delay=0)


def test_fetches_html_article() -> None:
    def handler(req: httpx.Request) -> httpx.Response:
        if req.url.path == "/robots.txt":
            return httpx.Response(404)
        return httpx.Response(200, content=PAGE, headers={"content-type": "text/html; charset=utf-8"})

    art = read_url("https://port.example/strike", client=_client(handler), resolver=PUBLIC, limiter=_no_wait())
    assert "dockworkers walked off the job" in art.text and art.raw_format == "html"
    assert art.title == "Dockworkers strike" and art.retrieved is not None


def test_robots_disallow_is_honored() -> None:
    seen: list[str] = []

    def handler(req: httpx.Request) -> httpx.Response:
        seen.append(req.url.path)
        if req.url.path == "/robots.txt":
            return httpx.Response(200, text="User-agent: *\nDisallow: /private/\n")
        return httpx.Response(200, content=PAGE)

    with pytest.raises(IngestError, match="robots.txt"):
        read_url("https://port.example/private/x", client=_client(handler), resolver=PUBLIC, limiter=_no_wait())
    assert "/private/x" not in seen


@pytest.mark.parametrize("addr", ["127.0.0.1", "10.1.2.3", "192.168.0.5", "169.254.169.254", "::1", "fe80::1"])
def test_private_addresses_refused(addr: str) -> None:
    def handler(req: httpx.Request) -> httpx.Response:  # pragma: no cover - must not be reached
        raise AssertionError("request made to a private address")

    with pytest.raises(IngestError, match="private"):
        read_url("http://intranet.example/", client=_client(handler), resolver=lambda h: [addr])
    assert not is_public_address(addr)


def test_allow_private_for_tests_and_redirect_checked() -> None:
    def handler(req: httpx.Request) -> httpx.Response:
        if req.url.path == "/robots.txt":
            return httpx.Response(404)
        return httpx.Response(200, content=PAGE, headers={"content-type": "text/html"})

    art = read_url("http://localhost:8000/a", client=_client(handler), allow_private=True, limiter=_no_wait())
    assert "dockworkers" in art.text

    def redirecting(req: httpx.Request) -> httpx.Response:
        if req.url.path == "/robots.txt":
            return httpx.Response(404)
        return httpx.Response(302, headers={"location": "http://metadata.internal/latest"})

    resolver = lambda h: ["169.254.169.254"] if h == "metadata.internal" else ["93.184.216.34"]  # noqa: E731
    with pytest.raises(IngestError, match="private"):
        read_url("https://port.example/r", client=_client(redirecting), resolver=resolver, limiter=_no_wait())


def test_timeout_and_http_errors_are_clear() -> None:
    def slow(req: httpx.Request) -> httpx.Response:
        if req.url.path == "/robots.txt":
            return httpx.Response(404)
        raise httpx.ReadTimeout("timed out", request=req)

    with pytest.raises(IngestError, match="timed out") as ei:
        read_url("https://port.example/slow", client=_client(slow), resolver=PUBLIC, limiter=_no_wait(), timeout=2)
    assert "https://port.example/slow" in str(ei.value)

    def missing(req: httpx.Request) -> httpx.Response:
        return httpx.Response(404)

    with pytest.raises(IngestError, match="HTTP 404"):
        read_url("https://port.example/gone", client=_client(missing), resolver=PUBLIC, limiter=_no_wait())
    with pytest.raises(IngestError, match="scheme"):
        read_url("ftp://port.example/file")


def test_rate_limiter_spaces_requests_per_host() -> None:
    now = [100.0]
    slept: list[float] = []

    def sleep(s: float) -> None:
        slept.append(s)
        now[0] += s

    lim = HostRateLimiter(delay=2.0, clock=lambda: now[0], sleep=sleep)
    assert lim.wait("a.example") == 0
    assert lim.wait("a.example") == pytest.approx(2.0)
    assert lim.wait("b.example") == 0  # other hosts are not delayed
    now[0] += 10
    assert lim.wait("a.example") == 0
    assert slept == [pytest.approx(2.0)]
