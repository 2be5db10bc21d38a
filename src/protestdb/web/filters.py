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

from protestdb.store.sqlite import fts_query

SORTS = ("date", "size", "state", "relevance")
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


def _us_states() -> frozenset[str]:
    import us

    return frozenset(st.abbr for st in us.states.STATES_AND_TERRITORIES) | {"DC"}


#: Two-letter codes a ``state`` filter accepts: the 50 states, DC and the territories.
US_STATES = _us_states()


def _split(value: str | None) -> list[str]:
    """``"a, b,,c"`` -> ``["a", "b", "c"]`` (several values of one filter: any of them)."""
    return [v.strip() for v in (value or "").split(",") if v.strip()]


def _yes_no(value: str | None, name: str) -> bool | None:
    if value in (None, ""):
        return None
    v = str(value).strip().lower()
    if v in ("1", "true", "yes"):
        return True
    if v in ("0", "false", "no"):
        return False
    raise _bad(name, value, "is not yes or no")


class Filters:
    """The event filters of the API (a FastAPI dependency: each is a query parameter).

    Syntax is checked here (422 before anything runs); values that need the data (an unknown
    type or issue) are checked by :meth:`check_known` against the store.
    """

    def __init__(
        self,
        since: str | None = Query(None, description="First date, YYYY-MM-DD (inclusive)."),
        until: str | None = Query(None, description="Last date, YYYY-MM-DD (inclusive)."),
        state: str | None = Query(None, description="Two-letter state code(s), comma-separated: CA,OR."),
        locality: str | None = Query(None, description="City or town, e.g. Los Angeles."),
        county: str | None = Query(
            None, description="County name(s) or 5-digit FIPS code(s), comma-separated: Cook County,06037."
        ),
        bbox: str | None = Query(None, description="Map box: west,south,east,north (degrees)."),
        type: str | None = Query(  # noqa: A002
            None, description="Event type(s), comma-separated (any of them): march,rally. See /codebook."
        ),
        issue: str | None = Query(None, description="Issue(s), comma-separated (any of them): immigration,labor."),
        organization: str | None = Query(
            None,
            description="Organization: part of its name, ignoring case, accents and apostrophe style,"
            " or its initials (NDLON).",
        ),
        campaign: str | None = Query(None, description="Campaign id (see /api/campaigns)."),
        q: str | None = Query(None, description="Full-text search over events and their evidence quotes."),
        size_min: int | None = Query(None, ge=0, le=MAX_NUMBER, description="Reported size at least this."),
        size_max: int | None = Query(None, ge=0, le=MAX_NUMBER, description="Reported size at most this."),
        valence: str | None = Query(
            None, pattern=r"^\s*[0-2](\s*,\s*[0-2])*\s*$",
            description="Valence code(s), comma-separated: 0 neither, 1 left-wing, 2 right-wing (see /codebook).",
        ),
        arrests: str | None = Query(None, description="yes: events with reported arrests; no: without."),
        injuries: str | None = Query(None, description="yes: events with reported injuries; no: without."),
        property_damage: str | None = Query(None, description="yes: events with property damage; no: without."),
        status: str | None = Query(
            None,
            pattern="^(announced|planned|happened)$",
            description="happened | planned (announced only, not reported as held; 'announced' is the same).",
        ),
    ) -> None:
        for name, v in (("locality", locality), ("organization", organization), ("q", q), ("campaign", campaign),
                        ("type", type), ("issue", issue), ("state", state), ("bbox", bbox), ("county", county)):
            if v is not None and len(v) > MAX_TEXT_CHARS:
                raise _bad(name, v[:40] + "...", f"is longer than {MAX_TEXT_CHARS} characters")
        self.since = parse_date(since, "since")
        self.until = parse_date(until, "until")
        states = [s.upper() for s in _split(state)]
        for s in states:
            if not _STATE_RE.match(s) or s not in US_STATES:
                raise _bad("state", s, "is not a US state code; valid: " + ",".join(sorted(US_STATES)))
        self.state = states
        self.locality = _clean(locality)
        self.county = _split(county)
        self.bbox = parse_bbox(bbox)
        self.type = [t.lower() for t in _split(type)]
        self.issue = [t.lower() for t in _split(issue)]
        self.organization = _clean(organization)
        self.campaign = _clean(campaign)
        self.q = _clean(q)
        if self.q is not None and not fts_query(self.q):
            raise _bad("q", q, "has no letters or digits to search for")
        self.size_min = size_min
        self.size_max = size_max
        self.valence = sorted({int(v) for v in _split(valence)}) or None
        self.arrests = _yes_no(arrests, "arrests")
        self.injuries = _yes_no(injuries, "injuries")
        self.property_damage = _yes_no(property_damage, "property_damage")
        self.status = status
        self._orgs: list[str] | None = None

    def check_known(self, store: Any) -> None:
        """422 for a type or issue no event has and the codebook does not list; the organization
        search resolved to the organization values it matches."""
        from protestdb.models import EVENT_TYPES, ISSUES

        for name, kind, vals, known in (("type", "type", self.type, EVENT_TYPES), ("issue", "issue", self.issue, ISSUES)):
            for v in vals:
                if v in known or store.has_facet(kind, v):
                    continue
                have = [x for x, _label, _n in store.facet_values(kind)]
                valid = list(dict.fromkeys([*known, *have]))
                shown = ", ".join(valid[:60]) + (" ..." if len(valid) > 60 else "")
                raise _bad(name, v, f"is not a known {name}; valid: {shown}")
        if self.organization is not None and hasattr(store, "match_organizations"):
            self._orgs = store.match_organizations(self.organization)

    def store_filters(self, campaign_ids: list[str] | None = None) -> dict[str, Any]:
        """The filters as :meth:`Store.search_events` takes them (``campaign`` -> its event ids)."""
        org: Any = self.organization
        if self._orgs is not None:
            org = self._orgs
        f: dict[str, Any] = {
            "since": self.since.isoformat() if self.since else None,
            "until": self.until.isoformat() if self.until else None,
            "state": self.state or None,
            "locality": self.locality,
            "county": self.county or None,
            "bbox": self.bbox,
            "type": (self.type[0] if len(self.type) == 1 else self.type) or None,
            "issue": (self.issue[0] if len(self.issue) == 1 else self.issue) or None,
            "organization": org,
            "q": self.q,
            "size_min": self.size_min,
            "size_max": self.size_max,
            "valence": self.valence,
            "arrests": self.arrests,
            "injuries": self.injuries,
            "property_damage": self.property_damage,
            "announced": None if self.status is None else self.status != "happened",
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
