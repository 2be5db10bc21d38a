"""A cleaned CCC row <-> an :class:`~protestdb.models.Event`.

``row_to_event`` maps Phase 3 columns onto the record (CCC types -> DESIGN types through
``data/event_types.json``; issues from the claims through ``data/issues.json``). The raw
row is kept by the importer, and ``reconcile_row`` lets the CCC exporter write the raw
strings back wherever the event still holds what the raw row maps to, so
import -> export -> import is exact.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Mapping
from functools import cache
from importlib import resources

from rapidfuzz import fuzz, process

from protestdb.models import Event

#: Phase 3 source columns.
SOURCE_COLUMNS: tuple[str, ...] = tuple(f"source{i}" for i in range(1, 31))
#: Prefix of the pseudo-article that stands for one imported CCC row.
CCC_ARTICLE_PREFIX = "ccc:"
CCC_OUTLET = "Crowd Counting Consortium"


@cache
def _data(name: str) -> dict:
    return json.loads(resources.files("protestdb.ccc").joinpath(f"data/{name}").read_text("utf-8"))


@cache
def _issue_patterns() -> tuple[tuple[str, re.Pattern[str]], ...]:
    pats = _data("issues.json")["patterns"]
    return tuple((issue, re.compile(p, re.IGNORECASE)) for issue, p in pats.items())


def split_list(s: str | None) -> list[str]:
    """CCC list cell ("a; b") -> ["a", "b"] (empty parts dropped, duplicates kept once)."""
    out: list[str] = []
    for part in (s or "").split(";"):
        p = part.strip()
        if p and p not in out:
            out.append(p)
    return out


@cache
def map_event_type(word: str) -> str:
    """One CCC type word -> a DESIGN event type ("protest" -> "demonstration"; typos fuzzy; else "other")."""
    cfg = _data("event_types.json")
    w = re.sub(r"\s+", " ", word.strip().strip('"').lower())
    table: dict[str, str] = cfg["map"]
    if w in table:
        return table[w]
    hit = process.extractOne(w, list(table), scorer=fuzz.ratio, score_cutoff=cfg["fuzzy_min_score"])
    return table[hit[0]] if hit else "other"


def map_event_types(s: str | None) -> list[str]:
    out: list[str] = []
    for w in split_list(s):
        t = map_event_type(w)
        if t not in out:
            out.append(t)
    return out


def issues_from_claims(*texts: str) -> list[str]:
    """DESIGN issues named by claims text (``data/issues.json``), in the file's order."""
    text = " ; ".join(t for t in texts if t)
    return [issue for issue, pat in _issue_patterns() if text and pat.search(text)]


def _int(s: str | None) -> int | None:
    if not s:
        return None
    t = s.replace(",", "").strip()
    try:
        f = float(t)
    except ValueError:
        return None
    return int(f) if f.is_integer() else None


def _float(s: str | None) -> float | None:
    if not s:
        return None
    try:
        return float(s.replace(",", ""))
    except ValueError:
        return None


def _flag(s: str | None) -> bool | None:
    v = _int(s)
    return None if v is None else v > 0


def source_urls(values: Mapping[str, str]) -> list[str]:
    """The row's source cells in order (duplicates kept: CCC often lists one domain twice)."""
    return [values[c] for c in SOURCE_COLUMNS if values.get(c)]


def ccc_key(values: Mapping[str, str]) -> str:
    """Content key of a row: sha1 of its Phase 3 columns (extra columns such as tags ignored)."""
    from protestdb.export.ccc import ccc_columns

    payload = json.dumps([values.get(c, "") for c in ccc_columns()], ensure_ascii=False)
    return hashlib.sha1(payload.encode("utf-8")).hexdigest()


def event_id_for_key(key: str) -> str:
    return "ccc_" + hashlib.sha1(key.encode("utf-8")).hexdigest()[:16]


def row_to_event(values: Mapping[str, str], event_id: str = "") -> Event:
    """Phase 3 values (cleaned, "" = null) -> an Event without sources or evidence."""
    v = {k: (x or None) for k, x in values.items()}
    state = (v.get("resolved_state") or v.get("state") or "").strip().upper() or None
    locality = v.get("resolved_locality") or v.get("locality")
    lat, lon = _float(v.get("lat")), _float(v.get("lon"))
    geo = "locality" if locality and lat is not None and lon is not None else ("state" if state else None)
    valence = _int(v.get("valence"))
    size_cat = _int(v.get("size_cat"))
    return Event(
        id=event_id,
        date=v.get("date"),
        date_precision="day" if v.get("date") else "unknown",
        locality=locality,
        state=state,
        country="US",
        location=v.get("location"),
        county=v.get("resolved_county"),
        fips_code=v.get("fips_code"),
        lat=lat,
        lon=lon,
        geo_precision=geo,
        event_type=map_event_types(v.get("event_type")),
        title=v.get("title"),
        macroevent=v.get("macroevent"),
        organizations=split_list(v.get("organizations")),
        participants=split_list(v.get("participants")),
        notables=split_list(v.get("notables")),
        targets=split_list(v.get("targets")),
        claims_summary=split_list(v.get("claims_summary")),
        claims_verbatim=split_list(v.get("claims_verbatim")),
        issues=issues_from_claims(values.get("claims_summary", ""), values.get("claims_verbatim", "")),
        valence=valence if valence in (0, 1, 2) else None,
        size_text=v.get("size_text"),
        size_low=_int(v.get("size_low")),
        size_high=_int(v.get("size_high")),
        size_mean=_float(v.get("size_mean")),
        size_cat=size_cat if size_cat in (0, 1, 2, 3, 4) else 0,
        arrests=_int(v.get("arrests")),
        injuries=_int(v.get("participant_injuries")),
        property_damage=_flag(v.get("property_damage_any")),
        online=bool(_flag(v.get("online"))),
        announced_only=False,
    )


def reconcile_row(row: dict[str, str], ev: Event, raw: Mapping[str, str]) -> dict[str, str]:
    """The exported row of a CCC-imported event: raw strings where the event still holds them.

    ``row`` is what the exporter made from ``ev``. For every column whose value equals what
    the raw row alone would export to, the raw string is written (so "protest" stays
    "protest", "unspecified" arrests survive, coder initials stay). Sources: the CCC
    row's own sources in order, then URLs of articles added since.
    """
    from protestdb.export.ccc import event_to_row

    base = event_to_row(row_to_event(raw))
    out = dict(row)
    for col, val in row.items():
        if col in SOURCE_COLUMNS:
            continue
        if col in base and val == base[col]:
            out[col] = raw.get(col, "")
    cols = [c for c in SOURCE_COLUMNS if c in out]
    cells = [raw.get(c, "") for c in cols]  # positions kept (CCC rows may skip a column)
    known = set(cells)
    free = [i for i in range(len(cells)) if not cells[i] and not any(cells[i:])]
    for s in ev.sources:
        if s.article_id.startswith(CCC_ARTICLE_PREFIX):
            continue
        url = s.url or s.outlet or f"protestdb:article/{s.article_id}"
        if url not in known and free:
            cells[free.pop(0)] = url
            known.add(url)
    out.update(zip(cols, cells, strict=True))
    return out
