"""Guards in front of the API: the token check and a body-size limit *before* a write body is read.

:class:`WriteGuard` is a plain ASGI middleware. For every write request under ``/api/``
(POST, PUT, PATCH, DELETE) it

1. answers ``401`` (no or bad token) or ``403`` (read-only token) from the headers alone,
   without reading a byte of the body: an anonymous client cannot make the server buffer
   or parse anything (invalid JSON without a token is a 401, not a 422);
2. answers ``413`` when ``Content-Length`` says the body is over the limit, and when a
   chunked body grows over it while being read (counted as it arrives, never buffered
   past the limit);
3. hands the (bounded) body on to the application.

The route still checks the token itself (and records its use): the guard only makes sure
nothing expensive happens before it.
"""

from __future__ import annotations

import json
import os
from collections.abc import Awaitable, Callable
from typing import Any

from starlette.concurrency import run_in_threadpool

#: Largest request body of a write (bytes). An article is a few kB of text or a few hundred kB
#: of HTML; ``PROTESTDB_MAX_BODY_BYTES`` changes it.
MAX_BODY_BYTES = int(os.environ.get("PROTESTDB_MAX_BODY_BYTES", str(10 * 1024 * 1024)))

WRITE_METHODS = frozenset({"POST", "PUT", "PATCH", "DELETE"})

#: ``check(authorization header) -> None`` if the request may write, else ``(status, message)``.
TokenCheck = Callable[[str | None], "tuple[int, str] | None"]


async def _send_json(send: Callable[[Any], Awaitable[None]], status: int, detail: str,
                     headers: list[tuple[bytes, bytes]] | None = None) -> None:
    body = json.dumps({"detail": detail}).encode("utf-8")
    hdrs = [
        (b"content-type", b"application/json"),
        (b"content-length", str(len(body)).encode("ascii")),
        (b"connection", b"close"),
        *(headers or []),
    ]
    await send({"type": "http.response.start", "status": status, "headers": hdrs})
    await send({"type": "http.response.body", "body": body})


class WriteGuard:
    """Token check and body limit before any write body is read (see the module doc)."""

    def __init__(self, app: Any, check: TokenCheck, max_body: int = MAX_BODY_BYTES, prefix: str = "/api/") -> None:
        self.app = app
        self.check = check
        self.max_body = max_body
        self.prefix = prefix

    async def __call__(self, scope: Any, receive: Any, send: Any) -> None:
        if (
            scope["type"] != "http"
            or scope.get("method", "GET") not in WRITE_METHODS
            or not str(scope.get("path", "")).startswith(self.prefix)
        ):
            await self.app(scope, receive, send)
            return
        auth: str | None = None
        length: str | None = None
        for k, v in scope.get("headers", []):
            if k == b"authorization":
                auth = v.decode("latin-1")
            elif k == b"content-length":
                length = v.decode("latin-1")
        refused = await run_in_threadpool(self.check, auth)
        if refused is not None:
            status, msg = refused
            extra = [(b"www-authenticate", b"Bearer")] if status == 401 else []
            await _send_json(send, status, msg, extra)
            return
        if length is not None:
            try:
                n = int(length)
            except ValueError:
                await _send_json(send, 400, "bad Content-Length header")
                return
            if n > self.max_body:
                await _send_json(send, 413, f"request body too large ({n:,} bytes > limit {self.max_body:,})")
                return
        chunks: list[bytes] = []
        total = 0
        while True:
            message = await receive()
            if message["type"] == "http.disconnect":
                return
            chunk = message.get("body", b"")
            total += len(chunk)
            if total > self.max_body:
                await _send_json(send, 413, f"request body too large (more than {self.max_body:,} bytes)")
                return
            chunks.append(chunk)
            if not message.get("more_body", False):
                break
        body = b"".join(chunks)
        chunks.clear()
        sent = False

        async def replay() -> Any:
            nonlocal sent
            if not sent:
                sent = True
                return {"type": "http.request", "body": body, "more_body": False}
            return await receive()

        await self.app(scope, replay, send)


__all__ = ["MAX_BODY_BYTES", "WriteGuard"]
