"""Response models of the HTTP API: what ``/docs`` and ``/openapi.json`` show for every endpoint.

The routes build their JSON bodies directly (fast paths, see :mod:`protestdb.web.app`); these
models describe those bodies, and the schemathesis run in the tests checks that every answer
conforms to them.
"""

from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

from protestdb.models import Campaign, Event


class _Open(BaseModel):
    model_config = ConfigDict(extra="allow")


class ErrorOut(BaseModel):
    """Every error answer (400, 401, 403, 404, 413, 422, 501, 503)."""

    detail: str | list[dict[str, Any]] = Field(
        ..., description="What was wrong: one line, or FastAPI's list of invalid parameters."
    )


ERRORS: dict[int | str, dict[str, Any]] = {
    code: {"model": ErrorOut, "description": why}
    for code, why in (
        (401, "A token is needed (writes; reads on a closed server)."),
        (404, "No such event or campaign."),
        (422, "A parameter or the body is invalid (the message names it and, for codes, the valid values)."),
        (503, "The database is busy with another writer; retry after Retry-After seconds."),
    )
}


class Citation(BaseModel):
    ccc: str
    protestdb: str


class EventItem(Event):
    """An event in a list (without its evidence spans; the detail route has them)."""

    origin: Literal["extract", "ccc"] = Field(
        "extract", description="extract: read from the listed articles; ccc: an imported CCC row."
    )


class EventPage(BaseModel):
    """One keyset page of events."""

    count: int = Field(..., description="Events on this page.")
    total: int | None = Field(None, description="Events matching the filters (all pages).")
    limit: int
    sort: str
    order: str
    next: str | None = Field(None, description="Cursor of the next page (pass as `after`).")
    next_url: str | None = None
    events: list[EventItem]
    citation: Citation
    codebook: str


class PointsPage(BaseModel):
    """``format=points``: compact map points ``[id, lat, lon, size, date, place, planned]``."""

    count: int
    truncated: bool
    points: list[list[Any]]


class EvidenceOut(BaseModel):
    start: int
    end: int
    quote: str
    article_id: str | None = None
    found: bool = Field(..., description="The quote is at start..end of its article's text.")


class CccRecord(BaseModel):
    """A Crowd Counting Consortium row an event was imported from or matched to."""

    file: str
    line: int
    snapshot: str | None = None
    match: str
    score: float | None = None
    sources: list[str] = Field(..., description="CCC's news sources of the row (source1..N).")
    notes: str | None = None
    participant_measures: str | None = None
    police_measures: str | None = None


class SourceWhy(_Open):
    """Why one source joined its event (``protestdb show`` prints ``text``)."""

    how: str = Field(..., description="new | match | ccc | ccc-row | split | review | unrecorded")
    score: float | None = None
    parts: dict[str, Any] | None = Field(None, description="The score's components and the shared specifics.")
    text: str = Field(..., description="The same in words.")


class QueueRow(_Open):
    """A review-queue row: two events that may be one (or a CCC date conflict), for a person to decide."""

    id: int
    kind: str = Field(..., description="uncertain_match | ccc_date_conflict")
    event_id: str
    other_event_id: str | None = None
    article_id: str | None = None
    score: float | None = None
    detail: dict[str, Any] = Field(default_factory=dict, description="Score components (parts) and context.")
    status: str = Field(..., description="open | dismissed | resolved")
    created_at: str
    text: str = Field(..., description="The components in words.")


class EventDetailOut(Event):
    evidence: dict[str, list[EvidenceOut]] = Field(default_factory=dict)  # type: ignore[assignment]
    origin: Literal["extract", "ccc"] = "extract"
    credit: str = Field(..., description="Whom to cite for this event.")
    ccc: list[CccRecord] = Field(default_factory=list)
    why: dict[str, SourceWhy] = Field(default_factory=dict, description="Source article id -> why it joined.")
    queue: list[QueueRow] = Field(default_factory=list, description="Open review-queue rows involving the event.")


class ArticleOut(BaseModel):
    id: str
    title: str | None = None
    url: str | None = None
    outlet: str | None = None
    published: str | None = None
    language: str | None = None
    text: str | None = Field(None, description="Whole text: only for token holders (docs/privacy.md).")
    text_withheld: bool | None = None


class EventDetail(BaseModel):
    event: EventDetailOut
    articles: list[ArticleOut]


class AuditRow(BaseModel):
    id: int
    at: str
    by: str
    action: str
    event_id: str
    other_id: str | None = None
    field: str | None = None
    before: Any = None
    after: Any = None
    note: str | None = None


class SizeTotals(BaseModel):
    events_with_size: int
    size_low_sum: int
    size_high_sum: int


class CountyCount(BaseModel):
    count: int
    county: str | None = None
    state: str | None = None


class Stats(BaseModel):
    """Counts of the matching events (GROUP BY in SQL)."""

    events: int
    planned: int = Field(..., description="Announced only (not reported as held).")
    happened: int
    located: int
    first_date: str | None = None
    last_date: str | None = None
    per_day: dict[str, int]
    planned_per_day: dict[str, int]
    participants_per_day: dict[str, int] = Field(..., description="Sum of each event's reported size (mean).")
    per_week: dict[str, int]
    per_state: dict[str, int]
    per_type: dict[str, int]
    per_issue: dict[str, int]
    per_organization: dict[str, int]
    per_county: dict[str, CountyCount] | None = Field(None, description="With `counties=true`: per county FIPS.")
    size: SizeTotals


class CampaignOut(BaseModel):
    id: str
    name: str
    first_date: str | None = None
    last_date: str | None = None
    n_events: int = 0
    n_localities: int = 0
    n_states: int = 0
    size_low_sum: int = 0
    size_high_sum: int = 0


class CampaignList(BaseModel):
    count: int = Field(..., description="Campaigns on this page.")
    total: int = Field(..., description="Campaigns matching `q` (all pages).")
    offset: int
    campaigns: list[CampaignOut]


class CampaignDetail(BaseModel):
    campaign: Campaign
    stats: Stats
    events: list[EventItem]


class Change(BaseModel):
    seq: int = Field(..., description="Increases with every change: the paging cursor.")
    event_id: str
    op: Literal["create", "update", "merge", "delete"]
    at: str
    detail: dict[str, Any] | None = None


class ChangesPage(BaseModel):
    count: int
    changes: list[Change]
    next_cursor: str | None = Field(None, description="Pass as `cursor` for the next page; null: up to date.")
    next_url: str | None = None
    until: str | None = Field(None, description="Time of the last change on this page (or `since`).")


class Health(BaseModel):
    status: str
    version: str
    counts: dict[str, Any]


class Me(BaseModel):
    name: str | None = None
    scopes: list[str]
    read_token_required: bool


class Codebook(_Open):
    fields: list[list[Any]]
    size_cat: list[list[Any]]
    valence: list[list[Any]]
    date_precision: list[list[Any]]
    geo_precision: list[list[Any]]
    credits: dict[str, str]


class Places(BaseModel):
    """Place names for the offline basemap: the larger US cities of the gazetteer."""

    count: int
    places: list[list[Any]] = Field(..., description="[name, state, lat, lon, population], largest first.")


class IngestOut(BaseModel):
    article_id: str
    is_new: bool
    is_protest_report: bool
    created: list[str]
    updated: list[str]
    events: list[dict[str, Any]]


class ReviewOut(BaseModel):
    event: dict[str, Any]
    audit: list[AuditRow]
