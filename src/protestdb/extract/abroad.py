"""Events abroad read as US places: on a page about another country, an event the geocoder put
in a US state keeps that reading only with US evidence on the page (``us_evidence``); without
it the event is placed in the page's country (its town's namesake there). A page is about a
country when its news is located there (a dateline there, a town of that country named, an event
placed there), not when it tells a foreign topic ("a rally in Cambridge against the war in Gaza");
with no namesake there the US reading stays (never dropped)."""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

from protestdb.extract import places
from protestdb.extract.lexicons import lang_entry

#: the place fields the US reading filled, replaced by the reading abroad
PLACE_FIELDS = ("locality", "state", "country", "county", "fips_code", "lat", "lon", "geo_precision")

_STATE_AFTER = re.compile(r",\s*([A-Z][\w.]*(?:\s[A-Z][\w.]*)?)")


@lru_cache(maxsize=4)
def _us_words(lang: str) -> re.Pattern[str] | None:
    words = lang_entry("place_words", lang, "us_words") or lang_entry("place_words", "en", "us_words")
    if not words:
        return None
    return re.compile(rf"(?<![\w.])(?:{'|'.join(words)})(?!\w)")


def us_state(ev: Any) -> bool:
    """Is the event placed in a US state?"""
    return bool(ev.state) and (ev.country or "US") == "US"


def _mentions(text: str, ev: Any) -> list[tuple[int, int]]:
    """Where the event's town (its evidence quotes, its name) is told in the text."""
    names = {e.quote for e in ev.evidence.get("locality", [])} | ({ev.locality} if ev.locality else set())
    out = [(e.start, e.end) for e in ev.evidence.get("locality", [])]
    for name in names:
        if name and len(name) > 2:
            out += [(m.start(), m.end()) for m in re.finditer(rf"\b{re.escape(name)}\b", text)]
    return out


def _state_named(doc: Any, state: str) -> bool:
    """Is the US state named on the page (a found state word)?"""
    return any(p.kind == "state" and p.state == state and (p.country or "US") == "US" for p in doc.places)


def us_evidence(doc: Any, ev: Any) -> bool:
    """Does the page tell the event's US reading: its state named after its town or elsewhere on
    the page (for a town), a US dateline, US words in a sentence naming the town (or its state
    word), or a town name whose most populous namesake is American?"""
    text, lay = doc.text, doc.layout
    dl_state = places.dateline_place(lay, doc.places)[1] if lay.dateline else None
    if dl_state is not None and dl_state.state:
        return True
    spans = _mentions(text, ev)
    for _s, e in spans:
        m = _STATE_AFTER.match(text, e, min(len(text), e + 30))
        if m is not None and places.state_code(m.group(1)) == ev.state:
            return True
    state_spans = {(x.start, x.end) for x in ev.evidence.get("state", [])}
    if ev.locality and _state_named(doc, ev.state):
        return True
    rx = _us_words(doc.lang)
    if rx is not None:
        for s, _e in spans + sorted(state_spans):
            sent = lay.sentences[lay.sentence_at(s)]
            if rx.search(text, sent.start, sent.end):
                return True
    return bool(ev.locality) and _mostly_american(ev.locality)


def _mostly_american(name: str) -> bool:
    """Is the most populous town of that name in the US ("Philadelphia", not "Birmingham")?"""
    return places.top_namesake_country(name) == "US"


def _abroad_reading(ev: Any, country: str) -> Any | None:
    """The event's town in ``country`` (a GeoResult with a locality), or None."""
    try:
        from protestdb.geo import geocode
    except ImportError:  # the geo stage is not installed
        return None
    name = ev.locality or next((e.quote for e in ev.evidence.get("locality", [])), None)
    if not name:
        return None
    try:
        g = geocode(name, None, country)
    except (LookupError, ValueError):
        return None
    return g if g is not None and g.locality and g.country == country and g.geo_precision != "country" else None


def _replace(ev: Any, g: Any) -> None:
    anchor = next(iter(ev.evidence.get("locality", [])), None)
    for name in PLACE_FIELDS:
        ev.evidence.pop(name, None)
        setattr(ev, name, getattr(g, name, None))
        if anchor is not None and getattr(ev, name) is not None:
            ev.add_evidence(name, anchor.start, anchor.end, anchor.quote)


def place_abroad(doc: Any) -> list[int]:
    """Re-place (or drop) the events read in a US state without US evidence on a page about
    another country. Returns the indices of the events dropped."""
    if not any(us_state(ev) for ev in doc.events):
        return []
    country = places.text_country(doc.text)
    if not country or country == "US":
        return []
    if not _news_located(doc, country):
        return []
    for ev in doc.events:
        if not us_state(ev) or us_evidence(doc, ev):
            continue
        g = _abroad_reading(ev, country)
        if g is not None:
            _replace(ev, g)
            doc.trace.drop(f"event {ev.index}: US reading", "abroad.place_abroad", f"placed in {country}: no US evidence")
    return []


def _news_located(doc: Any, country: str) -> bool:
    """Is the page's news located in ``country``: its dateline there, a town of that country
    named, or an event placed there? (A country named as a topic is not enough.)"""
    lay = doc.layout
    if lay is not None and lay.dateline:
        city = places.dateline_place(lay, doc.places)[0]
        if city is not None and city.country == country:
            return True
    if any(p.kind in ("city", "neighborhood") and p.country == country for p in doc.places):
        return True
    return any(ev.country == country and ev.locality for ev in doc.events)

