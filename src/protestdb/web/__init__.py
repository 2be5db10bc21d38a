"""The web page and HTTP API (FastAPI), served from bundled assets only.

>>> app = create_app("protestdb.sqlite")      # an ASGI app (FastAPI)
>>> serve("protestdb.sqlite", port=8000)      # run it with uvicorn
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from fastapi import FastAPI

__all__ = ["create_app", "serve"]


def create_app(db: str, **kw: Any) -> FastAPI:
    """The FastAPI application over the store at ``db`` (SQLite path or URL); options: see
    :func:`protestdb.web.app.create_app` (``read_token_required``, ``extractor``)."""
    from protestdb.web.app import create_app as _create_app

    return _create_app(db, **kw)


def serve(db: str, host: str = "127.0.0.1", port: int = 8000) -> None:
    """Serve the page and the API with uvicorn until interrupted."""
    import uvicorn

    uvicorn.run(create_app(db), host=host, port=port, log_level="info")
