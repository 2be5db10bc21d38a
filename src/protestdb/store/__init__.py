"""Store: SQLite (WAL, FTS5, migrations). ``open_store(path_or_url) -> Store``."""

from __future__ import annotations

from pathlib import Path

from protestdb.store.sqlite import IngestResult, Store, StoreError


def open_store(path_or_url: str | Path) -> Store:
    """Open (creating and migrating if needed) the store at a path or ``sqlite:///path`` URL."""
    s = str(path_or_url)
    if s.startswith(("postgresql:", "postgres:", "postgresql+")):
        raise StoreError("PostgreSQL stores are not supported yet; use a SQLite path or sqlite:///path URL")
    if s.startswith("sqlite:"):
        if s in ("sqlite://", "sqlite:///:memory:", "sqlite:///"):
            return Store(":memory:")
        if not s.startswith("sqlite:///"):
            raise StoreError(f"bad SQLite URL {s!r}: use sqlite:///relative/path or sqlite:////abs/path")
        s = s[len("sqlite:///") :]
    elif "://" in s:
        raise StoreError(f"unsupported store URL {s!r} (SQLite paths or sqlite:/// URLs only)")
    if s != ":memory:":
        Path(s).expanduser().parent.mkdir(parents=True, exist_ok=True)
        s = str(Path(s).expanduser())
    return Store(s)


__all__ = ["IngestResult", "Store", "StoreError", "open_store"]
