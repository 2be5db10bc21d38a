"""The HTTP API and the web page: a thin FastAPI layer over :mod:`protestdb.store`.

Routes (all read-only):

- ``GET /``                          the page (map, list, timeline, detail with evidence)
- ``GET /api/events``                filtered events; ``format=json|geojson|csv``
- ``GET /api/events/{id}``           one event, its sources, each field's evidence and the
                                     article texts the evidence offsets point into
- ``GET /api/events/{id}/articles``  just the articles of one event
- ``GET /api/stats``                 counts per day, state, type, issue; summed sizes
- ``GET /api/health``                liveness and store counts
- ``GET /docs``, ``GET /redoc``      interactive API docs from bundled assets (no CDN)

Everything the page needs is served from ``static/`` (vendored Leaflet, a GeoJSON of the
US state outlines, Swagger UI, ReDoc): the server and the page never reach the network.
"""

from __future__ import annotations

import inspect
import io
import threading
from collections import Counter
from datetime import date
from pathlib import Path
from typing import Any, Literal

from fastapi import FastAPI, HTTPException, Query, Request
from fastapi.openapi.docs import get_redoc_html, get_swagger_ui_html
from fastapi.responses import FileResponse, HTMLResponse, JSONResponse, Response
from fastapi.staticfiles import StaticFiles

from protestdb.export import events_to_geojson, write_ccc_csv
from protestdb.models import Article, Event

STATIC_DIR = Path(__file__).parent / "static"
VENDOR = "/static/vendor"

#: Largest page of events one request returns.
MAX_LIMIT = 10_000
DEFAULT_LIMIT = 1_000

#: Content-Security-Policy of the page: only same-origin scripts, no inline script.
PAGE_CSP = (
    "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
    "img-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; "
    "frame-ancestors 'none'; form-action 'self'"
)

#: Fields sent per event in list responses (the detail route sends everything).
LIST_EXCLUDE = {"evidence"}


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


def _parse_date(value: str | None, name: str) -> date | None:
    if value in (None, ""):
        return None
    try:
        return date.fromisoformat(value)
    except ValueError as exc:
        raise HTTPException(status_code=422, detail=f"{name}: {value!r} is not a date YYYY-MM-DD") from exc


def _accepts(func: Any, name: str) -> bool:
    try:
        params = inspect.signature(func).parameters
    except (TypeError, ValueError):
        return False
    return name in params or any(p.kind is inspect.Parameter.VAR_KEYWORD for p in params.values())


def _norm(s: str | None) -> str:
    return " ".join((s or "").casefold().split())


class Filters:
    """The event filters shared by ``/api/events`` and ``/api/stats``."""

    def __init__(
        self,
        since: str | None = None,
        until: str | None = None,
        state: str | None = None,
        type: str | None = None,  # noqa: A002 - the API's parameter name
        issue: str | None = None,
        q: str | None = None,
        locality: str | None = None,
    ) -> None:
        self.since = _parse_date(since, "since")
        self.until = _parse_date(until, "until")
        self.state = state.strip().upper() if state and state.strip() else None
        self.type = type.strip().lower() if type and type.strip() else None
        self.issue = issue.strip().lower() if issue and issue.strip() else None
        self.q = q.strip() if q and q.strip() else None
        self.locality = locality.strip() if locality and locality.strip() else None

    def query(self, store: Any, limit: int | None = None, offset: int = 0) -> list[Event]:
        kw: dict[str, Any] = {
            "since": self.since,
            "until": self.until,
            "state": self.state,
            "type": self.type,
            "issue": self.issue,
            "q": self.q,
        }
        if self.locality is None or _accepts(store.query_events, "locality"):
            if self.locality is not None:
                kw["locality"] = self.locality
            return list(store.query_events(**kw, limit=limit, offset=offset))
        # The store cannot filter by locality: filter here, then page.
        want = _norm(self.locality)
        events = [e for e in store.query_events(**kw) if _norm(e.locality) == want]
        return events[offset : offset + limit if limit is not None else None]


def _event_articles(store: Any, event: Event) -> list[Article]:
    """The articles an event came from (in source order), via the store."""
    fetch = getattr(store, "event_articles", None)
    if fetch is not None:
        return list(fetch(event.id))
    out: list[Article] = []
    seen: set[str] = set()
    for src in event.sources:
        if src.article_id in seen:
            continue
        seen.add(src.article_id)
        art = store.get_article(src.article_id)
        if art is not None:
            out.append(art)
    return out


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


def _stats(events: list[Event]) -> dict[str, Any]:
    per_day: Counter[str] = Counter()
    per_state: Counter[str] = Counter()
    per_type: Counter[str] = Counter()
    per_issue: Counter[str] = Counter()
    low = high = 0
    with_size = located = 0
    for e in events:
        per_day[e.date or "unknown"] += 1
        per_state[e.state or "unknown"] += 1
        for t in e.event_type or ["unknown"]:
            per_type[t] += 1
        for i in e.issues or ["unknown"]:
            per_issue[i] += 1
        if e.size_low is not None or e.size_high is not None:
            with_size += 1
            low += e.size_low if e.size_low is not None else (e.size_high or 0)
            high += e.size_high if e.size_high is not None else (e.size_low or 0)
        if e.lat is not None and e.lon is not None:
            located += 1
    return {
        "events": len(events),
        "located": located,
        "per_day": dict(sorted(per_day.items())),
        "per_state": dict(per_state.most_common()),
        "per_type": dict(per_type.most_common()),
        "per_issue": dict(per_issue.most_common()),
        "size": {"events_with_size": with_size, "size_low_sum": low, "size_high_sum": high},
    }


def create_app(db: str) -> FastAPI:
    """The FastAPI application serving the store at ``db`` (a SQLite path or URL)."""
    stores = _Stores(db)
    app = FastAPI(
        title="protestdb",
        summary="Protest events from news reports: geocoded, deduplicated, every value backed by evidence.",
        version=_version(),
        docs_url=None,
        redoc_url=None,
    )
    app.state.db = db
    app.state.stores = stores
    app.router.add_event_handler("shutdown", stores.close)
    app.mount("/static", StaticFiles(directory=STATIC_DIR), name="static")

    @app.middleware("http")
    async def security_headers(request: Request, call_next: Any) -> Response:
        response = await call_next(request)
        response.headers.setdefault("X-Content-Type-Options", "nosniff")
        response.headers.setdefault("Referrer-Policy", "no-referrer")
        if request.url.path == "/":
            response.headers.setdefault("Content-Security-Policy", PAGE_CSP)
        return response

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

    @app.get("/api/health", tags=["meta"])
    def health() -> dict[str, Any]:
        """Liveness: the store opens and answers."""
        store = stores.get()
        counts = store.counts() if hasattr(store, "counts") else {}
        return {"status": "ok", "version": app.version, "counts": counts}

    @app.get("/api/events", tags=["events"], response_model=None)
    def list_events(
        since: str | None = Query(None, description="First date, YYYY-MM-DD (inclusive)."),
        until: str | None = Query(None, description="Last date, YYYY-MM-DD (inclusive)."),
        state: str | None = Query(None, description="Two-letter state code, e.g. CA."),
        type: str | None = Query(None, description="Event type, e.g. march."),  # noqa: A002
        issue: str | None = Query(None, description="Issue, e.g. immigration."),
        q: str | None = Query(None, description="Full-text search."),
        locality: str | None = Query(None, description="City or town, e.g. Los Angeles."),
        limit: int = Query(DEFAULT_LIMIT, ge=1, le=MAX_LIMIT),
        offset: int = Query(0, ge=0),
        format: Literal["json", "geojson", "csv"] = Query("json", description="Response format."),  # noqa: A002
    ) -> Response | dict[str, Any]:
        """Events matching all given filters, ordered by date."""
        f = Filters(since, until, state, type, issue, q, locality)
        events = f.query(stores.get(), limit=limit, offset=offset)
        if format == "geojson":
            return JSONResponse(events_to_geojson(events), media_type="application/geo+json")
        if format == "csv":
            return Response(
                _csv_text(events),
                media_type="text/csv; charset=utf-8",
                headers={"Content-Disposition": 'attachment; filename="protestdb-events.csv"'},
            )
        return {
            "count": len(events),
            "limit": limit,
            "offset": offset,
            "next_offset": offset + len(events) if len(events) == limit else None,
            "events": [e.model_dump(mode="json", exclude=LIST_EXCLUDE) for e in events],
        }

    @app.get("/api/events/{event_id}", tags=["events"])
    def event_detail(event_id: str) -> dict[str, Any]:
        """One event with its sources, every field's evidence (article id, offsets, quote) and the
        texts of its articles, so that the evidence can be highlighted."""
        store = stores.get()
        event = store.get_event(event_id)
        if event is None:
            raise HTTPException(status_code=404, detail=f"no event {event_id!r}")
        articles = _event_articles(store, event)
        return {"event": _event_detail(event, articles), "articles": [_article_json(a) for a in articles]}

    @app.get("/api/events/{event_id}/articles", tags=["events"])
    def event_articles(event_id: str) -> list[dict[str, Any]]:
        """The articles (with their texts) an event was extracted from."""
        store = stores.get()
        event = store.get_event(event_id)
        if event is None:
            raise HTTPException(status_code=404, detail=f"no event {event_id!r}")
        return [_article_json(a) for a in _event_articles(store, event)]

    @app.get("/api/stats", tags=["events"])
    def stats(
        since: str | None = None,
        until: str | None = None,
        state: str | None = None,
        type: str | None = None,  # noqa: A002
        issue: str | None = None,
        q: str | None = None,
        locality: str | None = None,
    ) -> dict[str, Any]:
        """Counts of the matching events per day, state, type and issue, and their summed sizes."""
        f = Filters(since, until, state, type, issue, q, locality)
        return _stats(f.query(stores.get()))

    return app


def _csv_text(events: list[Event]) -> str:
    """CCC Phase 3 CSV plus protestdb's extra columns (id, country, issues ...)."""
    buf = io.StringIO()
    write_ccc_csv(events, buf, extra=True)
    return buf.getvalue()


def _version() -> str:
    try:
        from importlib.metadata import version

        return version("protestdb")
    except Exception:
        return "0"
