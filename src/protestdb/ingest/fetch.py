"""Polite fetching of one URL: robots.txt, a per-host rate limit, no private addresses.

Tests pass an ``httpx.Client`` with a mock transport and a fake ``resolver``; nothing
here is reached at import time.
"""

from __future__ import annotations

import ipaddress
import socket
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from urllib.parse import urlparse
from urllib.robotparser import RobotFileParser

import httpx

from protestdb.ingest.encoding import decode_bytes, is_binary_bytes
from protestdb.ingest.errors import IngestError
from protestdb.ingest.readers import html_to_article, text_to_article
from protestdb.models import Article
from protestdb.version import __version__

USER_AGENT = f"protestdb/{__version__} (+https://github.com/protestdb/protestdb)"
DEFAULT_TIMEOUT = 15.0
#: Seconds between two requests to the same host.
DEFAULT_DELAY = 1.0
#: Largest response body, counted after decoding (gzip, deflate, br): bigger ones are refused
#: as they stream in, never buffered whole.
MAX_BYTES = 10 * 1024 * 1024
#: robots.txt is read up to this size (the rest is ignored, as the big crawlers do).
MAX_ROBOTS_BYTES = 512 * 1024
#: Longest time one response body may take to arrive (a server trickling bytes).
MAX_BODY_SECONDS = 60.0

Resolver = Callable[[str], list[str]]

#: IPv6 ranges that carry (or reach) IPv4 addresses: 6to4, Teredo, NAT64. Refused outright:
#: the IPv4 address inside may be a private one.
_TUNNELS = tuple(
    ipaddress.ip_network(n) for n in ("2002::/16", "2001::/32", "64:ff9b::/96", "64:ff9b:1::/48")
)


def _system_resolver(host: str) -> list[str]:
    return sorted({info[4][0] for info in socket.getaddrinfo(host, None)})


def is_public_address(addr: str) -> bool:
    ip = ipaddress.ip_address(addr.split("%")[0])
    if isinstance(ip, ipaddress.IPv6Address):
        if ip.ipv4_mapped:
            ip = ip.ipv4_mapped
        elif any(ip in net for net in _TUNNELS):
            return False
    return not (
        ip.is_private
        or ip.is_loopback
        or ip.is_link_local
        or ip.is_multicast
        or ip.is_reserved
        or ip.is_unspecified
        or not ip.is_global
    )


class PinnedTransport(httpx.BaseTransport):
    """Sends each request to the address that was checked for its host (``pins``: host -> IP),
    never resolving the name again (no DNS rebinding between the check and the connection).
    The URL keeps its name in the ``Host`` header and, for HTTPS, in SNI and certificate checks.
    ``strict``: a host without a pin is refused (else sent as is, for ``allow_private``)."""

    def __init__(self, inner: httpx.BaseTransport, pins: dict[str, str], strict: bool = True) -> None:
        self.inner = inner
        self.pins = pins
        self.strict = strict

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        host = request.url.host
        ip = self.pins.get(host)
        if ip is None:
            if self.strict:
                raise httpx.ConnectError(f"no checked address for {host!r}", request=request)
            return self.inner.handle_request(request)
        pinned = httpx.Request(
            request.method,
            request.url.copy_with(host=ip),
            headers=request.headers,  # Host: the name, as built by the client
            stream=request.stream,
            extensions={**request.extensions, "sni_hostname": host},
        )
        return self.inner.handle_request(pinned)

    def close(self) -> None:
        self.inner.close()


def read_capped(resp: httpx.Response, url: str, limit: int = MAX_BYTES, *, truncate: bool = False,
                max_seconds: float = MAX_BODY_SECONDS) -> bytes:
    """The decoded body of a streamed response, at most ``limit`` bytes: refused (or cut, with
    ``truncate``) from ``Content-Length`` before reading, and counted as it arrives."""
    declared = (resp.headers.get("content-length") or "").strip()
    if declared.isdigit() and int(declared) > limit and not truncate:
        raise IngestError(url, f"response too large (Content-Length {int(declared):,} bytes > limit {limit:,})")
    buf = bytearray()
    t0 = time.monotonic()
    try:
        for chunk in resp.iter_bytes():
            buf += chunk
            if len(buf) > limit:
                if truncate:
                    del buf[limit:]
                    break
                raise IngestError(url, f"response too large (more than {limit:,} bytes once decoded); skipped")
            if time.monotonic() - t0 > max_seconds:
                raise IngestError(url, f"response body took longer than {max_seconds:g} s; skipped")
    except httpx.TimeoutException as exc:
        raise IngestError(url, "timed out while reading the response") from exc
    except httpx.HTTPError as exc:
        raise IngestError(url, f"fetch failed: {type(exc).__name__}: {str(exc)[:160]}") from exc
    return bytes(buf)


class HostRateLimiter:
    """At most one request per ``delay`` seconds per host (clock and sleep injectable)."""

    def __init__(
        self,
        delay: float = DEFAULT_DELAY,
        clock: Callable[[], float] = time.monotonic,
        sleep: Callable[[float], None] = time.sleep,
    ) -> None:
        self.delay = delay
        self.clock = clock
        self.sleep = sleep
        self._next: dict[str, float] = {}
        self._lock = threading.Lock()

    def wait(self, host: str) -> float:
        """Block until ``host`` may be asked again; returns the seconds waited."""
        with self._lock:
            now = self.clock()
            ready = self._next.get(host, now)
            waited = max(0.0, ready - now)
            self._next[host] = max(now, ready) + self.delay
        if waited:
            self.sleep(waited)
        return waited


_default_limiter = HostRateLimiter()
_robots_cache: dict[str, RobotFileParser | None] = {}


def _check_host(url: str, allow_private: bool, resolver: Resolver, pins: dict[str, str] | None = None) -> str:
    """The URL's host, after checking that every address it resolves to is public; the first
    address is pinned in ``pins`` (the connection goes there, see :class:`PinnedTransport`)."""
    try:
        parsed = urlparse(url)
    except ValueError as exc:
        raise IngestError(url[:200], f"bad URL: {exc}") from exc
    if parsed.scheme not in ("http", "https"):
        raise IngestError(url, f"unsupported URL scheme {parsed.scheme!r} (http or https only)")
    try:
        host = parsed.hostname
    except ValueError as exc:
        raise IngestError(url, f"bad URL: {exc}") from exc
    if not host:
        raise IngestError(url, "URL has no host")
    if allow_private:
        return host
    try:
        addrs = resolver(host)
    except (OSError, UnicodeError) as exc:
        raise IngestError(url, f"cannot resolve host {host!r}: {exc}") from exc
    if not addrs:
        raise IngestError(url, f"cannot resolve host {host!r}")
    for a in addrs:
        try:
            public = is_public_address(a)
        except ValueError:
            public = False
        if not public:
            raise IngestError(url, f"refused: {host} resolves to a private/loopback/link-local address ({a})")
    if pins is not None:
        pins[host] = addrs[0]
    return host


def _robots_allows(client: httpx.Client, url: str, user_agent: str, timeout: float) -> bool:
    p = urlparse(url)
    root = f"{p.scheme}://{p.netloc}"
    if root not in _robots_cache:
        rp: RobotFileParser | None = RobotFileParser()
        try:
            with client.stream("GET", root + "/robots.txt", timeout=timeout,
                               headers={"User-Agent": user_agent}) as r:
                if r.status_code in (401, 403):
                    rp.disallow_all = True  # type: ignore[union-attr]
                elif r.status_code >= 400:
                    rp = None  # no robots.txt: everything allowed
                else:
                    body = read_capped(r, root + "/robots.txt", MAX_ROBOTS_BYTES, truncate=True)
                    text = body.decode(r.encoding or "utf-8", errors="replace")
                    rp.parse(text.splitlines())  # type: ignore[union-attr]
        except (httpx.HTTPError, IngestError, LookupError):
            rp = None
        _robots_cache[root] = rp
    rp = _robots_cache[root]
    return True if rp is None else rp.can_fetch(user_agent, url)


@dataclass
class Fetched:
    """One fetched response (after redirects): its final URL, body and content type."""

    url: str
    final_url: str
    content: bytes
    content_type: str = ""
    charset: str | None = None


def fetch_bytes(
    url: str,
    *,
    client: httpx.Client | None = None,
    timeout: float = DEFAULT_TIMEOUT,
    allow_private: bool = False,
    respect_robots: bool = True,
    user_agent: str = USER_AGENT,
    limiter: HostRateLimiter | None = None,
    resolver: Resolver | None = None,
) -> Fetched:
    """Raw body of one URL with ``read_url``'s politeness (same options, same one-line errors)."""
    resolve = resolver or _system_resolver
    pins: dict[str, str] = {}
    host = _check_host(url, allow_private, resolve, pins)
    own = client is None
    cl = client or httpx.Client(
        follow_redirects=False, timeout=timeout,
        transport=PinnedTransport(httpx.HTTPTransport(), pins, strict=not allow_private),
    )
    try:
        if respect_robots and not _robots_allows(cl, url, user_agent, timeout):
            raise IngestError(url, "disallowed by robots.txt")
        (limiter or _default_limiter).wait(host)
        current = url
        for _ in range(5):  # each redirect hop is checked for private hosts
            try:
                req = cl.build_request("GET", current, timeout=timeout, headers={"User-Agent": user_agent})
                resp = cl.send(req, stream=True)
            except httpx.TimeoutException as exc:
                raise IngestError(url, f"timed out after {timeout:g} s") from exc
            except httpx.HTTPError as exc:
                raise IngestError(url, f"fetch failed: {type(exc).__name__}: {str(exc)[:160]}") from exc
            if resp.is_redirect and "location" in resp.headers:
                resp.close()
                current = str(resp.url.join(resp.headers["location"]))
                _check_host(current, allow_private, resolve, pins)
                continue
            break
        else:
            raise IngestError(url, "too many redirects")
        try:
            if resp.status_code >= 400:
                raise IngestError(url, f"HTTP {resp.status_code}")
            data = read_capped(resp, url, MAX_BYTES)
        finally:
            resp.close()
        if not data.strip():
            raise IngestError(url, "empty response")
        return Fetched(
            url=url,
            final_url=current,
            content=data,
            content_type=resp.headers.get("content-type", "").lower(),
            charset=resp.charset_encoding,
        )
    finally:
        if own:
            cl.close()


def article_from_response(f: Fetched) -> Article:
    """An article from a fetched page (HTML or plain text), as ``read_url`` builds it."""
    if is_binary_bytes(f.content):
        raise IngestError(f.url, "binary response, not text or HTML")
    text, _enc = decode_bytes(f.content, declared=f.charset)
    retrieved = datetime.now(UTC)
    if "html" in f.content_type or "xml" in f.content_type or text.lstrip()[:1] == "<":
        try:
            return html_to_article(text, url=f.final_url, retrieved=retrieved)
        except IngestError as err:
            raise IngestError(f.url, err.message) from err
    return text_to_article(text, url=f.final_url, retrieved=retrieved, outlet=urlparse(f.final_url).hostname)


def read_url(
    url: str,
    *,
    client: httpx.Client | None = None,
    timeout: float = DEFAULT_TIMEOUT,
    allow_private: bool = False,
    respect_robots: bool = True,
    user_agent: str = USER_AGENT,
    limiter: HostRateLimiter | None = None,
    resolver: Resolver | None = None,
) -> Article:
    """Fetch one page and read it as an article. Raises :class:`IngestError` (one line, naming the URL).

    ``allow_private=True`` is for tests against a local server only.
    """
    fetched = fetch_bytes(
        url, client=client, timeout=timeout, allow_private=allow_private, respect_robots=respect_robots,
        user_agent=user_agent, limiter=limiter, resolver=resolver,
    )
    return article_from_response(fetched)
