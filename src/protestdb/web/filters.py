"""Query parameters of the HTTP API -> the store's filters; opaque keyset cursors.

One :class:`Filters` is shared by ``/api/events``, ``/api/stats`` and the downloads, so
that a download holds exactly the events the page shows for the same parameters.
"""

from __future__ import annotations

import base64
import json
import re
from datetime import date
from typing import Any

from fastapi import HTTPException, Query

SORTS = ("date", "size", "state")
#: Largest number a size filter or a cursor may hold (SQLite integers are 64-bit; a crowd is smaller).
MAX_NUMBER = 10**12
#: Longest cursor accepted (ours are well under 200 characters).
MAX_CURSOR_CHARS = 1000
#: Longest free-text value of a filter.
MAX_TEXT_CHARS = 500
_STATE_RE = re.compile(r"^[A-Za-z]{2}$")


def _bad(name: str, value: Any, why: str) -> HTTPException:
    shown = repr(value)
    shown = shown[:80] + "..." if len(shown) > 80 else shown
    return HTTPException(status_code=422, detail=f"{name}: {shown} {why}")


def parse_date(value: str | None, name: str) -> date | None:
    if value in (None, ""):
        return None
    try:
        return date.fromisoformat(str(value))
    except ValueError as exc:
        raise _bad(name, value, "is not a date YYYY-MM-DD") from exc


def parse_bbox(value: str | None) -> tuple[float, float, float, float] | None:
    """``west,south,east,north`` in degrees."""
    if not value:
        return None
    try:
        w, s, e, n = (float(x) for x in value.split(","))
    except ValueError as exc:
        raise _bad("bbox", value, "is not west,south,east,north") from exc
    if not (-180 <= w <= e <= 180 and -90 <= s <= n <= 90):
        raise _bad("bbox", value, "is not west,south,east,north with west <= east, south <= north")
    return w, s, e, n


def _clean(v: str | None) -> str | None:
    return v.strip() if v and v.strip() else None


class Filters:
    """The event filters of the API (a FastAPI dependency: each is a query parameter)."""

    def __init__(
        self,
        since: str | None = Query(None, description="First date, YYYY-MM-DD (inclusive)."),
        until: str | None = Query(None, description="Last date, YYYY-MM-DD (inclusive)."),
        state: str | None = Query(None, description="Two-letter state code(s), comma-separated: CA,OR."),
        locality: str | None = Query(None, description="City or town, e.g. Los Angeles."),
        bbox: str | None = Query(None, description="Map box: west,south,east,north (degrees)."),
        type: str | None = Query(None, description="Event type, e.g. march."),  # noqa: A002
        issue: str | None = Query(None, description="Issue, e.g. immigration."),
        organization: str | None = Query(None, description="Organization (exact name, any case)."),
        campaign: str | None = Query(None, description="Campaign id (see /api/campaigns)."),
        q: str | None = Query(None, description="Full-text search over events and their articles."),
        size_min: int | None = Query(None, ge=0, le=MAX_NUMBER, description="Reported size at least this."),
        size_max: int | None = Query(None, ge=0, le=MAX_NUMBER, description="Reported size at most this."),
        status: str | None = Query(
            None, pattern="^(announced|happened)$", description="announced | happened."
        ),
    ) -> None:
        for name, v in (("locality", locality), ("organization", organization), ("q", q), ("campaign", campaign),
                        ("type", type), ("issue", issue), ("state", state), ("bbox", bbox)):
            if v is not None and len(v) > MAX_TEXT_CHARS:
                raise _bad(name, v[:40] + "...", f"is longer than {MAX_TEXT_CHARS} characters")
        self.since = parse_date(since, "since")
        self.until = parse_date(until, "until")
        states = [s.strip().upper() for s in (state or "").split(",") if s.strip()]
        for s in states:
            if not _STATE_RE.match(s):
                raise _bad("state", s, "is not a two-letter code")
        self.state = states
        self.locality = _clean(locality)
        self.bbox = parse_bbox(bbox)
        self.type = (_clean(type) or "").lower() or None
        self.issue = (_clean(issue) or "").lower() or None
        self.organization = _clean(organization)
        self.campaign = _clean(campaign)
        self.q = _clean(q)
        self.size_min = size_min
        self.size_max = size_max
        self.status = status

    def store_filters(self, campaign_ids: list[str] | None = None) -> dict[str, Any]:
        """The filters as :meth:`Store.search_events` takes them (``campaign`` -> its event ids)."""
        f: dict[str, Any] = {
            "since": self.since.isoformat() if self.since else None,
            "until": self.until.isoformat() if self.until else None,
            "state": self.state or None,
            "locality": self.locality,
            "bbox": self.bbox,
            "type": self.type,
            "issue": self.issue,
            "organization": self.organization,
            "q": self.q,
            "size_min": self.size_min,
            "size_max": self.size_max,
            "announced": None if self.status is None else self.status == "announced",
        }
        if self.campaign is not None:
            f["ids"] = campaign_ids or []
        return {k: v for k, v in f.items() if v is not None}


def encode_cursor(sort: str, order: str, key: tuple[Any, str]) -> str:
    """An opaque cursor for the page after ``key`` (the last row's sort value and id)."""
    raw = json.dumps([sort, order, key[0], key[1]], separators=(",", ":")).encode("utf-8")
    return base64.urlsafe_b64encode(raw).decode("ascii").rstrip("=")


def decode_cursor(cursor: str | None, sort: str, order: str) -> tuple[Any, str] | None:
    if not cursor:
        return None
    if len(cursor) > MAX_CURSOR_CHARS:
        raise _bad("after", cursor[:40] + "...", "is not a cursor from this API")
    try:
        raw = base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4))
        s, o, val, last_id = json.loads(raw)
    except (ValueError, TypeError) as exc:
        raise _bad("after", cursor, "is not a cursor from this API") from exc
    if (
        s != sort
        or o != order
        or not isinstance(last_id, str)
        or not isinstance(val, (str, int, float, type(None)))
    ):
        raise _bad("after", cursor, "belongs to another sort order")
    if isinstance(val, bool) or (isinstance(val, (int, float)) and not -MAX_NUMBER <= val <= MAX_NUMBER):
        raise _bad("after", cursor, "is not a cursor from this API (value out of range)")
    return val, last_id
