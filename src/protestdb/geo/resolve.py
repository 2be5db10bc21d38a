"""Resolve a place name to coordinates, with context.

``geocode("Elizabeth", context_states=["NJ"])`` -> Elizabeth, NJ (not WV); without any
context the most populous candidate wins. Neighbourhoods and NYC boroughs resolve to their
city as ``locality`` with the neighbourhood kept in ``location``; states and countries give
``geo_precision`` "state" / "country", never a made-up city.
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from dataclasses import asdict, dataclass
from functools import lru_cache

from protestdb.geo import gazetteer
from protestdb.geo.normalize import aliases, clean_spaces, name_variants, norm_name

#: Score added to a candidate in the dateline's state / a state named in the article.
DATELINE_BONUS = 20.0
CONTEXT_BONUS = 3.0
#: When the country is unknown, US candidates get this (log10 population) head start.
US_BONUS = 1.0
#: A locality spelled like a state ("New York", "Washington") is the city only when this big.
STATE_NAME_CITY_MIN_POP = 100000


@dataclass
class GeoResult:
    locality: str | None
    state: str | None
    country: str | None
    county: str | None = None
    fips_code: str | None = None
    lat: float | None = None
    lon: float | None = None
    geo_precision: str | None = None  # venue | locality | county | state | country
    location: str | None = None
    population: int | None = None

    def to_dict(self) -> dict:
        return asdict(self)


@dataclass(frozen=True)
class _Place:
    id: int
    name: str
    country: str
    admin1: str | None
    lat: float
    lon: float
    population: int
    county: str | None
    fips: str | None
    kind: str
    parent: int | None
    primary: bool


# ---------------------------------------------------------------- states and countries


@lru_cache(maxsize=1)
def _state_tables() -> tuple[dict[str, str], dict[str, str], dict[str, tuple]]:
    """(exact-case keys -> code, folded keys -> code, code -> (name, fips, lat, lon))."""
    db = gazetteer.connect()
    info: dict[str, tuple] = {}
    exact: dict[str, str] = {}
    folded: dict[str, str] = {}
    for code, name, fips, lat, lon, ap in db.execute("SELECT code, name, fips, lat, lon, ap FROM states"):
        info[code] = (name, fips, lat, lon)
        exact[code] = code
        folded[name.lower()] = code
        if ap:
            folded[ap.lower().replace(" ", "")] = code
            folded[ap.lower().replace(" ", "").rstrip(".")] = code
    extra = gazetteer.load_json("state_names.json")
    for variant, code in extra["variants"].items():
        folded[variant.lower().replace(" ", "")] = code
        folded[variant.lower()] = code
    return exact, folded, info


def state_code(text: str | None) -> str | None:
    """"N.J." / "New Jersey" / "NJ" / "Calif." -> 2-letter postal code, else None.

    Two-letter postal codes must be upper case ("in" is not Indiana)."""
    if not text:
        return None
    t = clean_spaces(text)
    exact, folded, _ = _state_tables()
    if t in exact:
        return exact[t]
    low = t.lower()
    if low in folded:
        return folded[low]
    squashed = low.replace(" ", "")
    if len(squashed) > 2 and squashed in folded:
        return folded[squashed]
    if low.endswith(" state"):
        return state_code(t[: -len(" state")])
    return None


def state_name(code: str) -> str | None:
    return _state_tables()[2].get(code, (None,))[0]


@lru_cache(maxsize=1)
def _country_tables() -> tuple[dict[str, str], dict[str, tuple]]:
    db = gazetteer.connect()
    keys: dict[str, str] = {}
    info: dict[str, tuple] = {}
    for iso, name, iso3, lat, lon, pop in db.execute(
        "SELECT iso, name, iso3, lat, lon, population FROM countries"
    ):
        info[iso] = (name, lat, lon, pop)
        keys[norm_name(name)] = iso
        if iso3:
            keys[iso3.lower()] = iso
    for variant, iso in gazetteer.load_json("country_names.json")["variants"].items():
        keys[norm_name(variant)] = iso
    return keys, info


def country_code(text: str | None) -> str | None:
    """"France" / "FR" / "FRA" / "United States" / "U.S." -> ISO2, else None."""
    if not text:
        return None
    t = clean_spaces(text)
    keys, info = _country_tables()
    if len(t) == 2 and t.isupper() and t in info:
        return t
    return keys.get(norm_name(t))


def country_name(iso: str) -> str | None:
    return _country_tables()[1].get(iso, (None,))[0]


# ---------------------------------------------------------------- places

_COLS = "p.id, p.name, p.country, p.admin1, p.lat, p.lon, p.population, p.county, p.fips, p.kind, p.parent"


@lru_cache(maxsize=50000)
def candidates(norm: str) -> tuple[_Place, ...]:
    """All places called ``norm`` (a normalised name), primary names first."""
    if not norm:
        return ()
    rows = gazetteer.connect().execute(
        f"SELECT {_COLS}, n.is_primary FROM names n JOIN places p ON p.id = n.place_id WHERE n.norm = ?",
        (norm,),
    ).fetchall()
    seen: dict[int, _Place] = {}
    for r in rows:
        pl = _Place(*r[:11], primary=bool(r[11]))
        if pl.id not in seen or (pl.primary and not seen[pl.id].primary):
            seen[pl.id] = pl
    return tuple(sorted(seen.values(), key=lambda p: (not p.primary, -p.population)))


@lru_cache(maxsize=4096)
def place_by_id(pid: int) -> _Place | None:
    r = gazetteer.connect().execute(f"SELECT {_COLS} FROM places p WHERE p.id = ?", (pid,)).fetchone()
    return _Place(*r, primary=True) if r else None


def _score(p: _Place, dateline_state: str | None, context: set[str], country: str | None) -> float:
    s = math.log10(p.population + 10)
    if p.country == "US" and p.admin1:
        if dateline_state and p.admin1 == dateline_state:
            s += DATELINE_BONUS
        if p.admin1 in context:
            s += CONTEXT_BONUS
    if country is None and p.country == "US":
        s += US_BONUS
    if p.kind == "neighborhood":
        s -= 0.3
    return s


def best_place(
    name: str,
    state: str | None = None,
    country: str | None = "US",
    *,
    context_states: Sequence[str] = (),
    dateline_state: str | None = None,
) -> _Place | None:
    """The most plausible gazetteer place called ``name`` (variants tried in order)."""
    context = {c for c in context_states if c}
    for variant in name_variants(name):
        cands = [
            p
            for p in candidates(variant)
            if (country is None or p.country == country) and (state is None or p.admin1 == state)
        ]
        if not cands:
            continue
        if any(p.primary for p in cands):
            cands = [p for p in cands if p.primary]
        default = aliases()["default_states"].get(variant)
        if state is None and default and dateline_state in (None, default):
            hits = [p for p in cands if p.admin1 == default]
            if hits:
                return hits[0]
        return max(cands, key=lambda p: _score(p, dateline_state, context, country))
    if state:
        # New England style towns: the gazetteer holds only their villages ("Wareham Center")
        base = name_variants(name)[0]
        forms = [f"{base} {suf}" for suf in aliases()["village_suffixes"]]
        forms += [f"{pre} {base}" for pre in aliases()["village_prefixes"]]
        cands = [p for f in forms for p in candidates(f) if p.admin1 == state and p.country == (country or "US")]
        if cands:
            return max(cands, key=lambda p: p.population)
    return None


def town_at_least(name: str, min_pop: int) -> bool:
    """Is the likeliest place called ``name`` anywhere (no state, no country) a town of at least
    ``min_pop`` people? ("Akron" yes at 50,000; a hamlet that shares a surname no.)"""
    p = best_place(name, None, None)
    return p is not None and (p.population or 0) >= min_pop


def _result_from_place(p: _Place, location: str | None = None) -> GeoResult:
    locality, pop = p.name, p.population
    if p.kind == "neighborhood" and p.parent is not None:
        parent = place_by_id(p.parent)
        if parent is not None:
            locality, pop = parent.name, parent.population
            location = ", ".join(x for x in (location, p.name) if x)
    return GeoResult(
        locality=locality,
        state=p.admin1 if p.country == "US" else None,
        country=p.country,
        county=p.county,
        fips_code=p.fips,
        lat=p.lat,
        lon=p.lon,
        geo_precision="locality",
        location=location,
        population=pop,
    )


_DISPLAY_WORD = re.compile(r"[A-Za-z][A-Za-z' \-]*[a-z][A-Za-z' \-]*")


@lru_cache(maxsize=1)
def _region_keys() -> frozenset[str]:
    return frozenset(norm_name(k) for k in gazetteer.load_json("regions.json")["regions"])


def _region_or_country(key: str) -> bool:
    """Is the normalised name ``key`` a first-level region abroad or a country?"""
    return key in _region_keys() or country_code(key) is not None


@lru_cache(maxsize=1)
def _english_data() -> tuple[dict[str, dict[str, str]], re.Pattern[str], dict[str, str], frozenset[str]]:
    data = gazetteer.load_json("english_names.json")
    words = "|".join(re.escape(w) for w in data["qualifier_words"])
    qualifier = re.compile(rf"(\S.*?) (?:(?:{words}) \S.*|\(.+\))")
    return data["names"], qualifier, data["umlaut_spellings"], frozenset(data["qualifier_countries"])


@lru_cache(maxsize=1)
def _region_names() -> frozenset[tuple[str, str]]:
    """(normalised first-level region name, country) pairs: regions.json and english_names.json."""
    pairs = {(norm_name(k), cc) for k, cc in gazetteer.load_json("regions.json")["regions"].items()}
    for cc, names in gazetteer.load_json("english_names.json")["regions"].items():
        pairs |= {(norm_name(n), cc) for n in names}
    return frozenset(pairs)


def _short_name(name: str, country: str) -> str | None:
    """``name`` without its locating qualifier ("Townburg an der Flussau" -> Townburg), or None."""
    _, qualifier, _, countries = _english_data()
    m = qualifier.fullmatch(name) if country in countries else None
    return m.group(1) if m else None


@lru_cache(maxsize=512)
def _short_name_is_own(short: str, p: _Place) -> bool:
    """May ``p`` be told by ``short`` alone without taking another place's name? No first-level
    region of its country bears it, no other place of its country is called just so, and ``p`` is
    the biggest place of that name anywhere (told alone or with a qualifier: of "Townburg am See"
    and the smaller "Townburg (Flussau)" only the first becomes "Townburg"; the second keeps its
    qualifier, so the two never share a name)."""
    key = norm_name(short)
    if (key, p.country) in _region_names():
        return False
    cands = [c for c in candidates(key) if c.id != p.id]
    if any(c.population >= p.population or (c.country == p.country and c.name == short) for c in cands):
        return False
    rows = gazetteer.connect().execute(
        "SELECT name, population FROM places WHERE country = ? AND id != ? AND (name = ? OR name LIKE ?)",
        (p.country, p.id, short, f"{short} %"),
    ).fetchall()
    return not any(
        name == short or (pop >= p.population and _short_name(name, p.country) == short) for name, pop in rows
    )


def english_locality(name: str, p: _Place) -> str:
    """The name a record gives place ``p`` abroad told as ``name`` (a local form): its English name
    in its own country ("Köln" in DE -> Cologne), or its own name without a locating qualifier
    ("Townburg an der Flussau", "Townburg (Flussau)" -> Townburg) when that short name takes no
    other place's name (``_short_name_is_own``); else ``name`` unchanged."""
    names = _english_data()[0].get(p.country, {})
    if name in names:
        return names[name]
    short = _short_name(name, p.country)
    return short if short and _short_name_is_own(short, p) else name


def _restored_spelling(told: str, p: _Place) -> str:
    """``told`` with the gazetteer's letters back when it writes an umlaut as two plain letters
    ("Muenchen" -> München) and the restored form names ``p``; else ``told``."""
    spell = _english_data()[2]
    forms = [told]
    for letter, plain in spell.items():
        if letter != "ß":
            forms = [f.replace(plain, letter) for f in forms]
    if "ß" in spell:
        forms += [f.replace(spell["ß"], "ß") for f in forms]
    for form in forms:
        if form != told and (form == p.name or any(c.id == p.id for c in candidates(norm_name(form)))):
            return form
    return told


def display_locality(asked: str, p: _Place) -> str:
    """The locality to output for place ``p`` told as ``asked`` (``_told_locality``), in the
    English form a record uses (``english_locality``) for a place abroad; a spelling with two
    plain letters for an umlaut is first given the gazetteer's letters back, so every spelling of
    a town gives one name."""
    told = _told_locality(asked, p)
    if p.country == "US" or p.kind == "neighborhood":
        return told
    told = _gazetteer_letters(told, p)
    name = english_locality(told, p)
    return name if name == told else _gazetteer_letters(name, p)


def _gazetteer_letters(told: str, p: _Place) -> str:
    """``told`` (a name of ``p``) with the gazetteer's letters when it spells an umlaut with two
    plain letters (``_restored_spelling``), told as ``_told_locality`` gives it."""
    restored = _restored_spelling(told, p)
    return told if restored == told else _told_locality(restored, p)


def _told_locality(asked: str, p: _Place) -> str:
    """The locality name to output for place ``p`` told as ``asked``: a place abroad keeps the
    text's own spelling when that is a plain-letter alternate or accent-free form of its name
    ("Cologne" for Köln, "Hanover" for Hannover, "Ambala" for Ambāla; an all-capitals dateline
    word title-cased); US places and abbreviations ("NYC", "L.A.") keep the gazetteer's name."""
    if p.country == "US" or p.kind == "neighborhood":
        return p.name
    told = clean_spaces(asked)
    if told.isupper():
        told = told.title()
    if told == p.name or not _DISPLAY_WORD.fullmatch(told) or len(told) < 3:
        return p.name
    key, own = norm_name(told), norm_name(p.name)
    if key == own:
        return told if not p.name.isascii() else p.name
    if key == f"{own} city" and _region_or_country(own):
        return told  # "Quebec City", "Guatemala City": the city word tells it from its region
    if f" {key} " in f" {own} " and any(c.id == p.id and c.primary for c in candidates(key)):
        return told  # "Noosa" for Noosa Heads: the town's short name, indexed as its own
    if f" {own} " in f" {key} " or f" {key} " in f" {own} ":
        return p.name  # "Cork City", "Kuala Lumpur city centre": the name with a word more
    if any(c.id == p.id for c in candidates(key)):
        return told
    return p.name


def state_result(code: str, locality: str | None = None) -> GeoResult | None:
    info = _state_tables()[2].get(code)
    if info is None:
        return None
    return GeoResult(
        locality=locality, state=code, country="US", lat=info[2], lon=info[3], geo_precision="state"
    )


def country_result(iso: str) -> GeoResult | None:
    info = _country_tables()[1].get(iso)
    if info is None:
        return None
    return GeoResult(locality=None, state=None, country=iso, lat=info[1], lon=info[2], geo_precision="country")


# ---------------------------------------------------------------- venues


@lru_cache(maxsize=1)
def _venues() -> dict[str, list[dict]]:
    out: dict[str, list[dict]] = {}
    for v in gazetteer.load_json("venues.json")["venues"]:
        for n in [v["name"], *v.get("aliases", [])]:
            out.setdefault(norm_name(n), []).append(v)
    return out


def venue_names() -> dict[str, list[dict]]:
    """Normalised venue name/alias -> venue entries (for the text scanner)."""
    return _venues()


def find_venue(name: str, state: str | None = None, context_states: Sequence[str] = ()) -> dict | None:
    entries = _venues().get(norm_name(name)) or []
    if state:
        entries = [v for v in entries if v["state"] == state]
    if not entries:
        return None
    ctx = set(context_states)
    return max(entries, key=lambda v: (v["state"] in ctx, -entries.index(v)))


def venue_result(v: dict) -> GeoResult:
    city = best_place(v["locality"], v["state"], v.get("country", "US"))
    loc = v["name"] + (", " + v["neighborhood"] if v.get("neighborhood") else "")
    res = (
        _result_from_place(city)
        if city
        else GeoResult(locality=v["locality"], state=v["state"], country=v.get("country", "US"))
    )
    if city and city.kind == "neighborhood":
        loc = f"{v['name']}, {city.name}"
    res.location = loc
    if v.get("lat") is not None:
        res.lat, res.lon, res.geo_precision = v["lat"], v["lon"], "venue"
    return res


# ---------------------------------------------------------------- geocode

_NATIONWIDE = re.compile(r"^(nationwide|national|nationally|across the (country|nation|us|united states)|countrywide)$", re.I)
_STATEWIDE = re.compile(r"^(statewide|across the state)$", re.I)


def _country_param(country: str | None) -> str | None:
    if country is None:
        return None
    return country_code(country) or (country.upper() if len(country) == 2 else None)


#: a venue named after its city ("the Springfield Public Library") places an event with no other
#: locality there: its name at least 3 words with an institution's head, the city this big
VENUE_CITY_MIN_POP = 300000
_VENUE_CITY_HEAD = re.compile(
    r"\b(?:center|centre|hall|library|museum|hospital|airport|courthouse|federal building|public schools|"
    r"school district|convention center|arena)$",
    re.IGNORECASE,
)


def _venue_city(venue: str, st: str | None, ctx: Sequence[str]) -> GeoResult | None:
    """The big US city a venue's name starts with ("Springfield Public Library" ->
    Springfield), in the article's states when it names any; None for a name that is also a
    state's other than the city's ("Washington Regional Medical Center") or a state or county
    body ("Ohio State Arena")."""
    words = venue.split()
    if len(words) < 3 or not _VENUE_CITY_HEAD.search(venue):
        return None
    for k in (2, 1):
        head, rest = " ".join(words[:k]), words[k].lower()
        if rest in ("state", "county", "university", "college"):
            continue
        p = best_place(head, st, "US")
        if p is None or p.population < VENUE_CITY_MIN_POP:
            continue
        named_state = state_code(head)
        if (named_state and named_state != p.admin1) or (ctx and not st and p.admin1 not in ctx):
            return None
        return _result_from_place(p, venue)
    return None


@lru_cache(maxsize=1)
def _parliament_data() -> tuple[frozenset[str], dict[str, str]]:
    data = gazetteer.load_json("parliament_seats.json")
    return frozenset(norm_name(n) for n in data["names"]), data["seats"]


def _parliament_seat(venue: str, cc: str) -> GeoResult | None:
    """A country's parliament told as the site ("marched to Parliament") -> the city it sits
    in (``data/parliament_seats.json``: the capital unless listed), the venue kept as the
    location."""
    names, seats = _parliament_data()
    key = norm_name(venue)
    if key.startswith("the "):
        key = key[4:]
    if key not in names:
        return None
    city = seats.get(cc) or _capital(cc)
    p = best_place(city, None, cc) if city else None
    return _result_from_place(p, venue) if p is not None else None


@lru_cache(maxsize=512)
def capital_of(words: str) -> tuple[str, str] | None:
    """The capital city and ISO2 code of a country told by its name or its people's adjective
    ("Kenya", "Kenyan" -> ("Nairobi", "KE"); ``data/demonyms.json``); None for the US, whose
    "capital" is told by name, and for words that name no country."""
    table = gazetteer.load_json("demonyms.json")["demonyms"]
    cc = table.get(words) or country_code(words)
    if not cc or cc == "US":
        return None
    city = _capital(cc)
    return (city, cc) if city else None


@lru_cache(maxsize=256)
def _capital(cc: str) -> str | None:
    row = gazetteer.connect().execute("SELECT capital FROM countries WHERE iso = ?", (cc,)).fetchone()
    return row[0] if row and row[0] else None


def geocode(
    locality: str | None,
    state: str | None = None,
    country: str | None = "US",
    *,
    context_states: Sequence[str] = (),
    dateline_state: str | None = None,
    venue: str | None = None,
) -> GeoResult | None:
    """Resolve a locality (+ state/country, article context, venue words) to a GeoResult.

    Returns None only when nothing at all can be placed."""
    cc = _country_param(country)
    st = state_code(state) if state else None
    if state and st is None and cc in (None, "US"):
        st = None
    ctx = [state_code(c) or c for c in context_states]
    dl = state_code(dateline_state) if dateline_state else None
    loc = clean_spaces(locality) if locality else ""
    if cc and cc != "US":
        st = None

    if venue:
        v = find_venue(venue, st, ctx)
        if v and (not loc or norm_name(loc) in (norm_name(v["locality"]), norm_name(v.get("neighborhood") or ""))
                  or best_place(loc, v["state"]) is None or st):
            return venue_result(v)

    if not loc and venue and cc in (None, "US"):
        named = _venue_city(venue, st, ctx)
        if named is not None:
            return named
    if not loc and venue and cc and cc != "US":
        seat = _parliament_seat(venue, cc)
        if seat is not None:
            return seat
    if not loc or _NATIONWIDE.match(loc):
        if st and not (loc and _NATIONWIDE.match(loc)):
            return state_result(st)
        return country_result(cc or "US") if (cc or "US") else None
    if _STATEWIDE.match(loc):
        code = st or dl or (ctx[0] if ctx else None)
        return state_result(code) if code else None

    low = loc.lower()
    # "Washington state", "the state of New York": a state, not a city
    m = re.match(r"^(?:the )?state of (.+)$", low) or re.match(r"^(.+) state$", low)
    if m and state_code(m.group(1)) and (cc in (None, "US")):
        return state_result(state_code(m.group(1)) or "")

    if cc in (None, "US") and st is None and len(loc) > 2:
        sc = state_code(loc)
        if sc:
            city = best_place(loc, None, "US")
            if city is None or not city.primary or city.population < STATE_NAME_CITY_MIN_POP:
                return state_result(sc)
    p = best_place(loc, st, cc, context_states=ctx, dateline_state=dl)
    if p is None and cc is None and st is None:
        iso = country_code(loc)
        if iso:
            return country_result(iso)
    if p is None:
        # a venue named as the locality ("USC", "Delaney Hall")
        v = find_venue(loc, st, ctx)
        if v:
            return venue_result(v)
        if cc in (None, "US") and st is None:
            sc = state_code(loc)
            if sc:
                return state_result(sc)
        if cc and cc != "US" and country_code(loc) == cc:
            return country_result(cc)
        if st:
            return state_result(st, locality=loc)
        if cc and cc != "US":
            res = country_result(cc)
            if res:
                res.locality = loc
            return res
        return None
    res = _result_from_place(p)
    if res.locality == p.name:
        res.locality = display_locality(loc, p)
    if venue:
        res.location = ", ".join(x for x in (venue, res.location) if x)
    return res


def geocode_query(query: str) -> dict:
    """Free-text place query: "Elizabeth, NJ", "Boyle Heights, Los Angeles, CA", "Paris, France"."""
    parts = [clean_spaces(p) for p in query.split(",") if p.strip()]
    state = country = None
    if len(parts) > 1:
        last = parts[-1]
        if state_code(last):
            state = state_code(last)
            parts = parts[:-1]
        elif country_code(last):
            country = country_code(last)
            parts = parts[:-1]
            if country == "US" and len(parts) > 1 and state_code(parts[-1]):
                state = state_code(parts[-1])
                parts = parts[:-1]
    res: GeoResult | None = None
    if not parts:
        res = state_result(state) if state else (country_result(country) if country else None)
    elif len(parts) == 1:
        res = geocode(parts[0], state, country or ("US" if state else None))
    else:
        # "Boyle Heights, Los Angeles" / "Mariachi Plaza, Los Angeles": try the finer part first
        cc = country or ("US" if state else None)
        fine = geocode(parts[0], state, cc)
        city = geocode(parts[-1], state, cc)
        if fine and fine.geo_precision in ("locality", "venue") and (
            city is None or fine.locality == city.locality or fine.location
        ):
            res = fine
        elif city is not None:
            v = find_venue(parts[0], city.state)
            res = venue_result(v) if v else city
            if not v:
                res.location = parts[0]
        else:
            res = fine
    out = {"query": query}
    keys = ("locality", "state", "country", "county", "fips_code", "lat", "lon", "geo_precision", "location")
    for k in keys:
        out[k] = getattr(res, k) if res else None
    return out
