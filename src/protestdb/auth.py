"""API tokens: who may write through the HTTP API (and read, when reads are closed).

A token is ``pdb_<id>_<secret>``; it is shown once, when created. The store keeps only
its id, a random per-token salt and ``HMAC-SHA256(salt, secret)`` (table ``api_tokens``,
migration 0004); checking compares digests in constant time. The token's ``name`` is
written as the reviewer of review actions done with it.

>>> token = create_token(store, "alice")      # print it once; it cannot be read back
>>> verify_token(store, token).name
'alice'
"""

from __future__ import annotations

import hashlib
import hmac
import re
import secrets
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # pragma: no cover
    from protestdb.store.sqlite import Store

PREFIX = "pdb_"
_TOKEN_RE = re.compile(r"^pdb_([0-9a-f]{12})_([A-Za-z0-9_-]{20,100})$")
SCOPES = ("read", "write")


class AuthError(ValueError):
    """A token operation that cannot be done (bad name, unknown token ...)."""


@dataclass(frozen=True)
class TokenInfo:
    id: str
    name: str
    scopes: tuple[str, ...]

    def can(self, scope: str) -> bool:
        return scope in self.scopes or (scope == "read" and "write" in self.scopes)


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def _digest(salt: str, secret: str) -> str:
    return hmac.new(bytes.fromhex(salt), secret.encode("utf-8"), hashlib.sha256).hexdigest()


def create_token(store: Store, name: str, scopes: str = "write") -> str:
    """A new token for ``name`` (``scopes``: 'write' (read and write) or 'read'); returned once."""
    name = " ".join((name or "").split())
    if not name:
        raise AuthError("a token needs a name (who uses it)")
    if scopes not in SCOPES:
        raise AuthError(f"scopes must be one of {', '.join(SCOPES)}")
    tid, secret, salt = secrets.token_hex(6), secrets.token_urlsafe(32), secrets.token_hex(16)
    store.insert_token(tid, name, salt, _digest(salt, secret), scopes, _now())
    return f"{PREFIX}{tid}_{secret}"


def verify_token(store: Store, token: str | None, touch: bool = False) -> TokenInfo | None:
    """The token's owner if ``token`` is valid and not revoked, else None (constant-time check)."""
    m = _TOKEN_RE.match((token or "").strip())
    if not m:
        return None
    tid, secret = m.groups()
    row = store.token_row(tid)
    if row is None:
        hmac.compare_digest(_digest("00" * 16, secret), "0" * 64)  # same work for unknown ids
        return None
    ok = hmac.compare_digest(_digest(row["salt"], secret), row["hash"])
    if not ok or row["revoked_at"]:
        return None
    if touch:
        store.touch_token(tid, _now())
    scopes = ("read", "write") if row["scopes"] == "write" else ("read",)
    return TokenInfo(id=row["id"], name=row["name"], scopes=scopes)


def list_tokens(store: Store) -> list[dict[str, Any]]:
    """Every token's id, name, scopes and dates (never the secret or its hash)."""
    return store.tokens()


def revoke_token(store: Store, token_id: str) -> bool:
    """Revoke a token by its id (or the whole token); True if a live token was revoked."""
    m = _TOKEN_RE.match(token_id.strip())
    tid = m.group(1) if m else token_id.strip().removeprefix(PREFIX)
    return store.revoke_token(tid, _now())


__all__ = ["AuthError", "TokenInfo", "create_token", "list_tokens", "revoke_token", "verify_token"]
