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

import json
import threading
from datetime import date
from pathlib import Path
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Depends, FastAPI, HTTPException, Query, Request
from fastapi.openapi.docs import get_redoc_html, get_swagger_ui_html
from fastapi.responses import FileResponse, HTMLResponse, JSONResponse, Response, StreamingResponse
from fastapi.staticfiles import StaticFiles
from pydantic import BaseModel, Field
from starlette.datastructures import MutableHeaders

from protestdb.models import Article, Event
from protestdb.web import renderers
from protestdb.web.filters import SORTS, Filters, decode_cursor, encode_cursor
from protestdb.web.security import check_read, read_token_required_from_env, require_write, token_of

STATIC_DIR = Path(__file__).parent / "static"
VENDOR = "/static/vendor"

#: Largest page of events one JSON request returns; downloads page through all matches.
MAX_LIMIT = 10_000
DEFAULT_LIMIT = 1_000
MAX_EXPORT = 500_000
MAX_POINTS = 200_000

#: Content-Security-Policy of the page: only same-origin scripts, no inline script.
PAGE_CSP = (
    "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
    "img-src 'self' data: blob:; connect-src 'self'; object-src 'none'; base-uri 'none'; "
    "frame-ancestors 'none'; form-action 'self'"
)

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
        page = scope.get("path") == "/"

        async def send_with_headers(message: Any) -> None:
            if message["type"] == "http.response.start":
                headers = MutableHeaders(scope=message)
                headers.setdefault("X-Content-Type-Options", "nosniff")
                headers.setdefault("Referrer-Policy", "no-referrer")
                if page:
                    headers.setdefault("Content-Security-Policy", PAGE_CSP)
            await send(message)

        await self.app(scope, receive, send_with_headers)


class _Stores:
    """The store, opened on first use and shared by the worker threads (the store locks itself)."""

    def __init__(self, db: str) -> None:
        self.db = db
        self._store: Any = None
        self._lock = threading.Lock()

    def get(self) -> Any:
        if self._store is None:
            with self._lock:
                if self._store is None:
                    from protestdb.store import open_store

                    self._store = open_store(self.db)
        return self._store

    def close(self) -> None:
        with self._lock:
            if self._store is not None and hasattr(self._store, "close"):
                self._store.close()
            self._store = None


class _Campaigns:
    """Campaigns (:mod:`protestdb.resolve.campaigns`), recomputed only when the change feed moved."""

    def __init__(self) -> None:
        self._key: Any = None
        self._value: list[Any] = []
        self._lock = threading.Lock()

    def get(self, store: Any) -> list[Any]:
        from protestdb.resolve.campaigns import find_campaigns

        with store._lock:
            key = store.conn.execute(
                "SELECT (SELECT MAX(id) FROM event_changes), (SELECT COUNT(*) FROM events)"
            ).fetchone()
        key = tuple(key)
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


def _article_json(a: Article) -> dict[str, Any]:
    return a.model_dump(
        mode="json", include={"id", "title", "url", "outlet", "published", "language", "text"}
    )


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


def create_app(db: str, read_token_required: bool | None = None, extractor: Any = None) -> FastAPI:
    """The FastAPI application serving the store at ``db`` (a SQLite path or URL).

    ``read_token_required``: close reads to token holders (default: the environment variable
    ``PROTESTDB_READ_TOKEN_REQUIRED``). ``extractor``: the pipeline's extractor for
    ``POST /api/articles`` (default: :func:`protestdb.extract.extract_text`).
    """
    stores = _Stores(db)
    campaigns = _Campaigns()
    closed = read_token_required_from_env() if read_token_required is None else read_token_required
    app = FastAPI(
        title="protestdb",
        summary="Protest events from news reports: geocoded, deduplicated, every value backed by evidence.",
        version=_version(),
        docs_url=None,
        redoc_url=None,
    )
    app.state.db = db
    app.state.stores = stores
    app.state.read_token_required = closed
    app.state.extractor = extractor
    app.router.add_event_handler("shutdown", stores.close)
    app.mount("/static", StaticFiles(directory=STATIC_DIR), name="static")

    app.add_middleware(_SecurityHeaders)

    @app.get("/", include_in_schema=False)
    def page() -> FileResponse:
        return FileResponse(STATIC_DIR / "index.html", media_type="text/html")

    @app.get("/docs", include_in_schema=False)
    def swagger_docs() -> HTMLResponse:
        return get_swagger_ui_html(
            openapi_url=app.openapi_url or "/openapi.json",
            title="protestdb API",
            swagger_js_url=f"{VENDOR}/swagger-ui/swagger-ui-bundle.js",
            swagger_css_url=f"{VENDOR}/swagger-ui/swagger-ui.css",
            swagger_favicon_url=f"{VENDOR}/swagger-ui/favicon-32x32.png",
            swagger_ui_parameters={"validatorUrl": None},
        )

    @app.get("/redoc", include_in_schema=False)
    def redoc_docs() -> HTMLResponse:
        return get_redoc_html(
            openapi_url=app.openapi_url or "/openapi.json",
            title="protestdb API",
            redoc_js_url=f"{VENDOR}/redoc/redoc.standalone.js",
            redoc_favicon_url=f"{VENDOR}/swagger-ui/favicon-32x32.png",
            with_google_fonts=False,
        )

    def reader(request: Request) -> None:
        check_read(request, stores.get(), closed)

    api = APIRouter(prefix="/api", dependencies=[Depends(reader)])

    @api.get("/health", tags=["meta"])
    def health() -> dict[str, Any]:
        """Liveness: the store opens and answers."""
        return {"status": "ok", "version": app.version, "counts": stores.get().counts()}

    @app.get("/api/me", tags=["meta"])
    def me(request: Request) -> dict[str, Any]:
        """Who the request's token belongs to (``name`` null without a valid token)."""
        info = token_of(request, stores.get())
        return {
            "name": info.name if info else None,
            "scopes": list(info.scopes) if info else [],
            "read_token_required": closed,
        }

    def _campaign_ids(f: Filters) -> list[str] | None:
        if f.campaign is None:
            return None
        c = campaigns.find(stores.get(), f.campaign)
        if c is None:
            raise HTTPException(status_code=404, detail=f"no campaign {f.campaign!r}")
        return list(c.event_ids)

    @api.get("/events", tags=["events"], response_model=None)
    def list_events(
        request: Request,
        f: Annotated[Filters, Depends()],
        sort: Literal["date", "size", "state"] = Query("date", description="Sort key."),
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
        """Events matching all given filters, sorted, in keyset pages (`next` cursor)."""
        store = stores.get()
        sf = f.store_filters(_campaign_ids(f))
        if format == "points":
            n = min(limit or MAX_POINTS, MAX_POINTS)
            pts = store.event_points(sf, limit=n + 1)
            return _json({"count": min(len(pts), n), "truncated": len(pts) > n, "points": pts[:n]})
        if format in ("csv", "geojson", "parquet"):
            return _download(store, sf, format, sort, order, limit)
        if limit is not None and limit > MAX_LIMIT:
            raise HTTPException(status_code=422, detail=f"limit: at most {MAX_LIMIT} per JSON page")
        size = limit or DEFAULT_LIMIT
        key = decode_cursor(after, sort, order)
        # the lean list path: plain dicts from the rows, the page's sources in one query
        events, nxt = store.search_event_rows(sf, sort=sort, order=order, after=key, limit=size)
        cursor = encode_cursor(sort, order, nxt) if nxt else None
        next_url = None
        if cursor:
            params = dict(request.query_params)
            params["after"] = cursor
            next_url = str(request.url.replace_query_params(**params))
        body = {
            "count": len(events),
            "limit": size,
            "sort": sort,
            "order": order,
            "next": cursor,
            "next_url": next_url,
            "events": events,
        }
        return _json(body)

    def _download(
        store: Any, sf: dict[str, Any], fmt: str, sort: str, order: str, limit: int | None
    ) -> Response:
        n = min(limit or MAX_EXPORT, MAX_EXPORT)

        def events() -> Any:
            for i, e in enumerate(store.iter_events(sf, sort=sort, order=order)):
                if i >= n:
                    return
                yield e

        raw = getattr(store, "ccc_raw_rows", None)
        name = f"protestdb-events.{fmt}"
        disp = {"Content-Disposition": f'attachment; filename="{name}"'}
        if fmt == "csv":
            return StreamingResponse(
                renderers.csv_stream(events(), raw), media_type="text/csv; charset=utf-8", headers=disp
            )
        if fmt == "geojson":
            return StreamingResponse(
                renderers.geojson_stream(events()), media_type="application/geo+json", headers=disp
            )
        if not renderers.parquet_available():
            raise HTTPException(
                status_code=501, detail="Parquet needs pyarrow on the server: pip install pyarrow"
            )
        return Response(
            renderers.parquet_bytes(events(), raw), media_type="application/vnd.apache.parquet", headers=disp
        )

    def _need_event(event_id: str) -> Event:
        event = stores.get().get_event(event_id)
        if event is None:
            raise HTTPException(status_code=404, detail=f"no event {event_id!r}")
        return event

    @api.get("/events/{event_id}", tags=["events"])
    def event_detail(event_id: str) -> dict[str, Any]:
        """One event with its sources, every field's evidence (article id, offsets, quote) and the
        texts of its articles, so that the evidence can be highlighted."""
        store = stores.get()
        event = _need_event(event_id)
        articles = _event_articles(store, event)
        detail = _event_detail(event, articles)
        detail["origin"] = store.event_origins([event.id]).get(event.id, "extract")
        detail.update(_why_json(store, event.id))
        return {"event": detail, "articles": [_article_json(a) for a in articles]}

    @api.get("/events/{event_id}/articles", tags=["events"])
    def event_articles(event_id: str) -> list[dict[str, Any]]:
        """The articles (with their texts) an event was extracted from."""
        return [_article_json(a) for a in _event_articles(stores.get(), _need_event(event_id))]

    @api.get("/events/{event_id}/audit", tags=["review"])
    def event_audit(event_id: str) -> list[dict[str, Any]]:
        """The review log of an event (corrections, merges, splits): who, when, before and after."""
        from protestdb.resolve.review import review_log

        _need_event(event_id)
        return review_log(stores.get(), event_id)

    @api.get("/stats", tags=["events"])
    def stats(f: Annotated[Filters, Depends()]) -> Response:
        """Counts of the matching events per day, week, state, type, issue and organization, and
        their summed sizes (computed in SQL)."""
        return _json(stores.get().stats(f.store_filters(_campaign_ids(f))))

    @api.get("/campaigns", tags=["campaigns"])
    def list_campaigns(limit: int = Query(200, ge=1, le=10_000)) -> dict[str, Any]:
        """Campaigns (named actions and coordinated calls), largest first, with totals."""
        cs = campaigns.get(stores.get())
        return {
            "count": len(cs),
            "campaigns": [c.model_dump(mode="json", exclude={"event_ids"}) for c in cs[:limit]],
        }

    @api.get("/campaigns/{campaign_id}", tags=["campaigns"])
    def campaign_detail(campaign_id: str) -> dict[str, Any]:
        """One campaign: totals, its events and their counts per day / state."""
        store = stores.get()
        c = campaigns.find(store, campaign_id)
        if c is None:
            raise HTTPException(status_code=404, detail=f"no campaign {campaign_id!r}")
        evs, _ = store.search_event_rows({"ids": c.event_ids}, limit=MAX_LIMIT)
        return {
            "campaign": c.model_dump(mode="json"),
            "stats": store.stats({"ids": c.event_ids}),
            "events": evs,
        }

    @api.get("/changes", tags=["events"])
    def changes(since: str | None = Query(None, description="ISO time: changes after it.")) -> dict[str, Any]:
        """The change feed: every create / update / merge / delete of an event after ``since``."""
        try:
            rows = stores.get().changes(since)
        except ValueError as exc:
            raise HTTPException(status_code=422, detail=f"since: {exc}") from exc
        return {"count": len(rows), "changes": rows, "until": rows[-1]["at"] if rows else since}

    # ------------------------------------------------------------------ writes
    @api.post("/articles", tags=["write"], status_code=201)
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
        except ValueError as exc:  # e.g. a text longer than settings.MAX_EXTRACT_CHARS
            raise HTTPException(status_code=422, detail=str(exc)) from exc
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

    @api.post("/events/{event_id}/correct", tags=["review"])
    def correct_event(event_id: str, request: Request, body: CorrectIn) -> dict[str, Any]:
        """Set one field of an event; the correction survives re-ingestion and is audited."""
        from protestdb.resolve.review import correct

        return _review(request, correct, event_id, body.field, body.value)

    @api.post("/events/{event_id}/merge", tags=["review"])
    def merge_event(event_id: str, request: Request, body: MergeIn) -> dict[str, Any]:
        """Merge ``other_id`` into this event (its id redirects here); audited."""
        from protestdb.resolve.review import merge_events

        return _review(request, merge_events, event_id, body.other_id)

    @api.post("/events/{event_id}/split", tags=["review"])
    def split_event_route(event_id: str, request: Request, body: SplitIn) -> dict[str, Any]:
        """Move one source article's mentions out into a new event (returned); audited."""
        from protestdb.resolve.review import split_event

        def split(store: Any, eid: str, aid: str, by: str) -> Any:
            return split_event(store, eid, aid, by, reason=body.reason)

        return _review(request, split, event_id, body.article_id)

    @api.get("/review/queue", tags=["review"])
    def review_queue(
        kind: str | None = Query(None, description="uncertain_match | ccc_date_conflict"),
        status: str | None = Query("open", description="open | dismissed | resolved; empty: all"),
    ) -> list[dict[str, Any]]:
        """Pairs of events that may be one, waiting for a person, with their score components."""
        from protestdb.resolve.queue import describe_flag

        rows = stores.get().review_flags(status=status or None, kind=kind)
        return [{**r, "text": describe_flag(r)} for r in rows]

    @api.post("/review/queue/{flag_id}/dismiss", tags=["review"])
    def review_dismiss(flag_id: int, request: Request) -> dict[str, Any]:
        """Close a review-queue row: the two events are not one (audited)."""
        from protestdb.resolve.queue import dismiss
        from protestdb.resolve.review import ReviewError

        store = stores.get()
        who = require_write(request, store)
        try:
            return dismiss(store, flag_id, by=who.name)
        except ReviewError as exc:
            raise HTTPException(status_code=404, detail=str(exc)) from exc

    app.include_router(api)

    @app.exception_handler(ValueError)
    async def value_error(request: Request, exc: ValueError) -> JSONResponse:
        return JSONResponse({"detail": str(exc)}, status_code=422)

    return app


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
