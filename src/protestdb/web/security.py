"""Who may do what through the HTTP API: writes need a token; reads are public unless closed.

Tokens come as ``Authorization: Bearer pdb_...`` (see :mod:`protestdb.auth`). Reads are
closed with ``create_app(db, read_token_required=True)`` or the environment variable
``PROTESTDB_READ_TOKEN_REQUIRED=1``; the page itself and its static files stay public
(the page asks for a token and sends it with every API call).
"""

from __future__ import annotations

import os
from typing import Any

from fastapi import HTTPException, Request

from protestdb.auth import TokenInfo, verify_token

READ_ENV = "PROTESTDB_READ_TOKEN_REQUIRED"


def read_token_required_from_env() -> bool:
    return os.environ.get(READ_ENV, "").strip().lower() in ("1", "true", "yes", "on")


def bearer(request: Request) -> str | None:
    h = request.headers.get("authorization") or ""
    scheme, _, value = h.partition(" ")
    return value.strip() if scheme.lower() == "bearer" and value.strip() else None


def _unauthorized(msg: str) -> HTTPException:
    return HTTPException(status_code=401, detail=msg, headers={"WWW-Authenticate": "Bearer"})


def token_of(request: Request, store: Any, touch: bool = False) -> TokenInfo | None:
    tok = bearer(request)
    return verify_token(store, tok, touch=touch) if tok else None


def require_write(request: Request, store: Any) -> TokenInfo:
    """The writer's token, or 401 (no / bad token) / 403 (read-only token)."""
    if bearer(request) is None:
        raise _unauthorized("writing needs a token: Authorization: Bearer <token> (protestdb token create)")
    info = token_of(request, store, touch=True)
    if info is None:
        raise _unauthorized("invalid or revoked token")
    if not info.can("write"):
        raise HTTPException(status_code=403, detail="this token may only read")
    return info


def check_read(request: Request, store: Any, required: bool) -> None:
    """401 when reads are closed and the request has no valid token."""
    if not required:
        return
    if token_of(request, store) is None:
        raise _unauthorized("reading needs a token on this server: Authorization: Bearer <token>")
