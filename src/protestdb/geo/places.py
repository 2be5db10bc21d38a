"""Find place names in text: states, cities, neighbourhoods, venues, countries, datelines.

``find_places(text)`` scans capitalised token runs and looks them up in the compiled
gazetteer (indexed SQL, cached), the curated venues and the state/country tables, then
resolves each city with the article's own context: the dateline's state first, then states
named anywhere in the text, then population.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache

from protestdb.geo import country as country_mod
from protestdb.geo import gazetteer
from protestdb.geo.normalize import norm_name
from protestdb.geo.resolve import (
    _result_from_place,
    best_place,
    candidates,
    country_code,
    display_locality,
    find_venue,
    place_by_id,
    state_code,
    state_result,
    venue_names,
    venue_result,
)

#: Single-token city names found without an explicit state need this population
#: (unless a state named in the article holds a place of that name).
MIN_POP_STANDALONE = 5000
#: Foreign cities are only found when this big (capitals and big cities).
MIN_POP_FOREIGN = 100000
#: a US city this big is not replaced by a small namesake in a state of the article's context
BIG_CITY_POP = 250000
MAX_RUN_TOKENS = 6
#: A bare "Paris" is Paris, France rather than Paris, Texas when the foreign city is this big
#: and this many times bigger than the US one (Birmingham stays in Alabama).
FOREIGN_OVER_US_MIN_POP = 500000
FOREIGN_OVER_US_RATIO = 20
#: In a text about another country, its towns are found from this population on.
MIN_POP_IN_COUNTRY = 5000


@dataclass
class PlaceMention:
    start: int
    end: int
    quote: str
    kind: str  # city | neighborhood | venue | state | country
    name: str
    state: str | None = None
    locality: str | None = None
    lat: float | None = None
    lon: float | None = None
    is_dateline: bool = False
    country: str | None = None


_TOKEN = re.compile(r"(?:[A-Z\u00C0-\u00DE][A-Za-z\u00C0-\u017F'’\-]*\.?|\d+)")
#: Capitalised only because they start a sentence ("In Boston, ..."): never part of a name.
_FUNCTION = frozenset(
    "in at on from to for by near outside inside across after before during since the a an and but or as "
    "when while with without of under over through throughout around about into onto this that these those "
    "last next every some many most if then there here it its their his her our we they he she i you "
    "meanwhile also still yet so both all each other another".split()
)
_CONNECT = {"of", "de", "del", "la", "le", "los", "las", "du", "des", "and", "on", "upon", "y"}
#: the central district of the city named right before ("Melbourne CBD", "the Nairobi Central Business
#: District", "Leeds City Centre"): the city itself, not part of a longer name
_CITY_DISTRICT = re.compile(r"[ \t]+(?:CBD|Central Business District|[Cc]ity [Cc]ent(?:re|er))\b")
_AP_STATE = re.compile(
    r"\b(?:Ala|Ariz|Ark|Calif|Colo|Conn|Del|Fla|Ga|Ill|Ind|Kan|Kans|Ky|La|Md|Mass|Mich|Minn|Miss|Mo|Mont|"
    r"Neb|Nev|Okla|Ore|Pa|Penn|Tenn|Tex|Va|Vt|Wash|Wis|Wyo|W\. ?Va|N\. ?[CDHJMY]|S\. ?[CD]|R\. ?I|D\. ?C)\."
)
_POSTAL = re.compile(r"\b[A-Z]{2}\b")
_DATELINE = re.compile(
    r"(?m)(?:^|^[ \t]*date[ \t]+\d{4}-\d{2}-\d{2})[ \t]*(?P<city>[A-Z][A-Z.'’\- ]{1,40}?)(?:,[ \t]*(?P<state>[A-Z][A-Za-z. ]{0,20}?))?"
    r"[ \t]*(?P<outlet>\([^()\n]{1,60}\))?[ \t]*(?:—|–|--|-)[ \t]"
)
_STATE_WORD_AFTER = re.compile(r"\A\s+[Ss]tate\b")  # "New York state", "the Washington State Patrol"
_NAME_WORD_NEXT = re.compile(r"[ \t]+([A-Z][\w'’-]*)")
#: a page's own date stamp before the first line ("date 2017-04-12 TACOMA, Wash. (AP) —")
_PAGE_STAMP = re.compile(r"\s*date[ \t]+\d{4}-\d{2}-\d{2}[ \t]+")


@lru_cache(maxsize=1)
def _stoplist_data() -> tuple[frozenset[str], frozenset[str]]:
    path = gazetteer._data_path("stoplist.txt")
    words, heads = set(), set()
    for line in path.read_text(encoding="utf-8").splitlines():
        line = line.strip()
        if line.startswith("@head "):
            heads.add(norm_name(line[6:]))
        elif line and not line.startswith("#"):
            words.add(norm_name(line))
    return frozenset(words), frozenset(heads)


def _stoplist() -> frozenset[str]:
    return _stoplist_data()[0]


def _name_heads() -> frozenset[str]:
    """Words that make the capitalised words before them part of another name: "Pima
    County", "Euclid Avenue", "Sunrise Movement" are no cities."""
    return _stoplist_data()[1]


@lru_cache(maxsize=1)
def _state_full_names() -> dict[str, str]:
    from protestdb.geo.resolve import _state_tables

    return {norm_name(info[0]): code for code, info in _state_tables()[2].items()}


#: a word of a capitalised run; a dot glued to a next capitalised word ends it ("in
#: Sydney.Credit:" from a caption run into its credit) but not an abbreviation ("U.S.", "St.")
_WORD = re.compile(r"[A-Za-z\u00C0-\u017F0-9](?:[A-Za-z\u00C0-\u017F0-9'’\-]|\.(?![A-Z][a-z]{2}))*\.?")


def _runs(text: str) -> list[list[tuple[int, int]]]:
    """Capitalised token runs (allowing inner connectors like "of"), as lists of spans."""
    runs: list[list[tuple[int, int]]] = []
    cur: list[tuple[int, int]] = []
    pending: tuple[int, int] | None = None
    last_end = -1
    for m in _WORD.finditer(text):
        word = m.group()
        possessive = word.endswith(("'s", "’s")) and len(word) > 3
        if possessive:  # "Tucson's City Hall": the name ends before "'s"
            word = word[:-2]
        gap = text[last_end:m.start()] if last_end >= 0 else " "
        joined = last_end >= 0 and gap.strip() == "" and "\n" not in gap
        is_cap = bool(_TOKEN.fullmatch(word)) and not word.isdigit() and word.lower() not in _FUNCTION
        if is_cap and cur and joined:
            if pending is not None:
                cur.append(pending)
                pending = None
            cur.append(_strip_dot(text, m.start(), m.start() + len(word)))
        elif is_cap:
            if cur:
                runs.append(cur)
            cur = [_strip_dot(text, m.start(), m.start() + len(word))]
            pending = None
        elif cur and joined and word in _CONNECT and pending is None:
            pending = (m.start(), m.end())
            last_end = m.end()
            continue
        else:
            if cur:
                runs.append(cur)
            cur, pending = [], None
        last_end = m.end()
        if possessive:
            if cur:
                runs.append(cur)
            cur, pending = [], None
            continue
        if text[m.end() - 1] == "." or (m.end() < len(text) and text[m.end()] in ",;:()\"“”"):
            # punctuation ends a run (but a trailing dot of an abbreviation like "St." does not)
            if not re.fullmatch(r"(?:St|Ste|Ft|Mt|Pt)\.", word):
                if cur:
                    runs.append(cur)
                cur, pending = [], None
    if cur:
        runs.append(cur)
    return runs


def _strip_dot(text: str, s: int, e: int) -> tuple[int, int]:
    if text[e - 1] == "." and not re.fullmatch(r"(?:St|Ste|Ft|Mt|Pt|[A-Z])\.", text[s:e]):
        e -= 1
    return (s, e)


def _state_after(text: str, end: int, name: str = "") -> tuple[str | None, int, int]:
    """A state written right after a place: ", N.J." / ", NJ" / ", New Jersey"."""
    m = re.match(r",[ \t]*([A-Z][A-Za-z.]*(?:[ \t][A-Z][A-Za-z.]*){0,2})", text[end:end + 30])
    if not m:
        return None, -1, -1
    words = m.group(1)
    s0 = end + m.start(1)
    # longest prefix that is a state
    parts = words.split()
    for k in range(len(parts), 0, -1):
        cand = " ".join(parts[:k])
        cand_nodot = cand.rstrip(".") if not _AP_STATE.fullmatch(cand) else cand
        for c in (cand, cand_nodot):
            code = state_code(c)
            if code and (len(c) > 2 or _POSTAL.fullmatch(c)):
                if c in _CITY_NAMED_STATES and _list_close().match(text, s0 + len(c)) and not _town_of_state(name, code):
                    return None, -1, -1  # "rallies in Washington, New York and beyond": two cities
                return code, s0, s0 + len(c)
    return None, -1, -1


#: states named like a big city: before the close of a list of places ("and elsewhere", "and
#: other cities"), with no town of the name before them in that state, the name is the city
_CITY_NAMED_STATES = frozenset(("New York", "Washington"))


def _town_of_state(name: str, code: str) -> bool:
    """Is ``name`` a town of the state ``code`` ("Troy, New York"), and not mainly a big city
    elsewhere ("Washington, New York and other cities": the capital, then the city)?"""
    if not name or best_place(name, code, "US") is None:
        return False
    big = best_place(name, None, "US")
    return big is None or big.admin1 == code or big.population < BIG_CITY_POP


@lru_cache(maxsize=1)
def _list_close() -> re.Pattern[str]:
    """The close of a list of places right after a name (``data/list_words.json`` list_close)."""
    words = "|".join(re.escape(w) for w in gazetteer.load_json("list_words.json")["list_close"])
    return re.compile(rf"[ \t]+and[ \t]+(?:{words})\b")


_METRO_AFTER = re.compile(r"(?:-area\b|\s+(?:area|metro(?:politan)? area|region|suburbs?)\b)", re.IGNORECASE)
_METRO_BEFORE = re.compile(r"\b(?:suburbs? of|(?:just )?outside(?: of)?|near|greater|metro|(?:north|south|east|west)(?:east|west)? of)\s+(?:the\s+)?(?:city of\s+)?$", re.IGNORECASE)
#: a city told as a metro is this big
METRO_MIN_POP = 100000


@lru_cache(maxsize=1)
def _regions() -> dict[str, str]:
    """Normalised names of first-level regions abroad -> ISO2 (``data/regions.json``)."""
    return {norm_name(k): v for k, v in gazetteer.load_json("regions.json")["regions"].items()}


@lru_cache(maxsize=1)
def _shared_regions() -> dict[str, tuple[str, ...]]:
    """Normalised names of regions abroad that other places share -> the countries where they
    are the region (``data/regions.json`` shared)."""
    return {norm_name(k): tuple(v) for k, v in gazetteer.load_json("regions.json").get("shared", {}).items()}


@lru_cache(maxsize=1)
def _region_word_after() -> re.Pattern[str]:
    """A region word right after a name ("Oyo State", "Hebei province"): ``data/regions.json`` words_after."""
    words = gazetteer.load_json("regions.json").get("words_after") or ["state"]
    return re.compile(r"[ \t]+(?:" + "|".join(words) + r")\b", re.IGNORECASE)


@lru_cache(maxsize=1)
def _state_not_before() -> frozenset[str]:
    return frozenset(gazetteer.load_json("regions.json").get("state_not_before", ()))


def _state_word_after(text: str, e: int) -> re.Match[str] | None:
    """"state" right after "New York"/"Washington" telling the US state: lower-case ("New York
    state"), or "State" ending the name or going on with a body of the state ("the Washington
    State Patrol"); never before the head of a place's or a school's own name ("Washington State
    Park", "Washington State University"; ``regions.json`` state_not_before)."""
    m = _STATE_WORD_AFTER.match(text[e:])
    if m is None or m.group(0).lstrip()[0] == "s":
        return m
    nxt = _NAME_WORD_NEXT.match(text, e + m.end())
    return None if nxt is not None and nxt.group(1) in _state_not_before() else m


def _region_abroad(text: str, key: str, e: int, cc: str | None) -> bool:
    """In a text about country ``cc`` (not the US), is the name ending at ``e`` one of its
    regions: a shared region name of ``cc`` ("Victoria" in a text about Australia) or a name
    with a region word after it ("Oyo State", "in Kano state", "Hebei province")?"""
    if cc is None or cc == "US":
        return False
    return cc in _shared_regions().get(key, ()) or _region_word_after().match(text, e) is not None


def _acronym(quote: str) -> bool:
    """An all-capitals short word ("USI", "COSATU"): an organisation's acronym."""
    return quote.isupper() and len(quote.replace(".", "")) <= 6 and " " not in quote


_HEADING_AFTER = re.compile(r"[ \t]*:[ \t]+\S")


def _heading(text: str, start: int, end: int) -> bool:
    """Do the capitals at ``start``..``end`` open a line and head it with a colon ("LISBON:
    Dockworkers march ...")? A caption's or a section's place; not a transcript's speaker (a
    surname of a person the page names, "Our reporter Ana Elmer ... ELMER: ...", or any label
    of a transcript, ``_speaker_labels``)."""
    return _label_at(text, start, end) and not _speaker_at(text, start, end)


def _label_at(text: str, start: int, end: int) -> bool:
    """Capitals that open a line and head it with a colon ("LISBON: ...", "ELMER: ...")."""
    return (text[start:end].isupper() and (start == 0 or text[start - 1] == "\n")
            and _HEADING_AFTER.match(text, end) is not None)


def _speaker_at(text: str, start: int, end: int) -> bool:
    """Is the line-initial label at ``start``..``end`` a transcript's speaker: a surname of a
    person the page names ("Our reporter Ana Elmer ... / ELMER: ...") or a label of a transcript
    (``_speaker_labels``)? No place."""
    if not _label_at(text, start, end):
        return False
    word = text[start:end]
    if word in _speaker_labels(text):
        return True
    return re.search(rf"\b[A-Z][a-z]+[ \t]+{re.escape(word.title())}\b", text) is not None


#: a line-initial label and its colon ("HOST:", "ANA ELMER, BYLINE:", "ELMER:")
_LABEL = re.compile(r"^([A-Z][A-Z'’.-]+(?:[ \t][A-Z][A-Z'’.-]+)*)(?:,[ \t]+([A-Z][A-Z ]+))?[ \t]*:", re.MULTILINE)
#: the roles a transcript's labels name
_SPEAKER_ROLES = frozenset({"HOST", "BYLINE", "ANCHOR", "REPORTER", "CORRESPONDENT", "UNIDENTIFIED PERSON", "INTERVIEWER"})


@lru_cache(maxsize=8)
def _speaker_labels(text: str) -> frozenset[str]:
    """The line-initial capitals labels of a transcript: all of them when one names a speaker's
    role ("HOST:", "KELLY, HOST:"), else those that open two or more lines (a speaker who speaks
    again). A gallery's captions name each city once."""
    labels = [(m.group(1), m.group(2)) for m in _LABEL.finditer(text)]
    if not labels:
        return frozenset()
    if any(a in _SPEAKER_ROLES or (b or "").strip() in _SPEAKER_ROLES for a, b in labels):
        return frozenset(a for a, _ in labels) | frozenset(w for a, _ in labels for w in a.split())
    counts: dict[str, int] = {}
    for a, _ in labels:
        counts[a] = counts.get(a, 0) + 1
    return frozenset(a for a, n in counts.items() if n >= 2)


def _acronym_at(text: str, start: int, end: int) -> bool:
    """An acronym (``_acronym``), unless it is a heading's place (``_heading``), not an organisation."""
    return _acronym(text[start:end]) and not _heading(text, start, end)


#: a city told as the metro a suburb belongs to: "Chicago's western suburbs", "the outskirts of Chicago"
_SUBURBS_AFTER = re.compile(r"['’]s\s+(?:(?:north|south|east|west)(?:east|west)?(?:ern)?\s+|outer\s+|inner\s+)?(?:suburbs|outskirts|exurbs)\b",
                            re.IGNORECASE)
# (not "suburban Elmwood": that tells the suburb itself as often as the metro around it)
_SUBURBS_BEFORE = re.compile(r"\b(?:the\s+)?outskirts\s+of\s+$", re.IGNORECASE)


def is_suburbs_mention(text: str, start: int, end: int) -> bool:
    """Is the place told as the metro a suburb lies in ("in Chicago's western suburbs", "the
    outskirts of Denver"): a site there is another town of the metro."""
    return bool(_SUBURBS_AFTER.match(text, end, min(len(text), end + 40))
                or _SUBURBS_BEFORE.search(text, max(0, start - 30), start))


def is_metro_mention(text: str, start: int, end: int) -> bool:
    """Is the place at ``text[start:end]`` told as a metro area around the site rather than
    the site ("the Chicago area", "Detroit-area workers", "suburbs of Seattle", "near Denver")?"""
    return bool(_METRO_AFTER.match(text, end, min(len(text), end + 30))
                or _METRO_BEFORE.search(text, max(0, start - 30), start)
                or is_suburbs_mention(text, start, end))


def _sentence_bounds(text: str, pos: int) -> tuple[int, int]:
    lo = max(text.rfind(". ", 0, pos), text.rfind("\n", 0, pos)) + 1
    hi_dot, hi_nl = text.find(". ", pos), text.find("\n", pos)
    hi = min(x for x in (hi_dot, hi_nl, len(text)) if x >= 0)
    return lo, hi


def find_places(text: str) -> list[PlaceMention]:
    """All place mentions in ``text``, sorted by position, each resolved with context."""
    return list(_scan(text)[0])


#: A city this big keeps its own country against a small namesake of a named country (unless a
#: region of that country is named with it): "London" with "Canada" named is still London, England.
WORLD_CITY_POP = 1_000_000
_SETTING_BEFORE = re.compile(r"\b(?:in|across|throughout|around|all over)\s+(?:the\s+)?$", re.IGNORECASE)


def _country_is_setting(cc: str, quote: str, found: list[PlaceMention], text: str,
                        cities: list[str]) -> bool:
    """Is country ``cc`` told as the text's setting, not only mentioned: a dateline of it, "in /
    across <country>", or two other towns of it named?"""
    if any(pm.is_dateline and pm.country == cc for pm in found):
        return True
    if any(pm.kind == "country" and pm.country == cc and _SETTING_BEFORE.search(text, max(0, pm.start - 20), pm.start)
           for pm in found):
        return True
    own = norm_name(quote)
    towns = {n for n in map(norm_name, cities) if n != own and any(p.country == cc for p in candidates(n))}
    return len(towns) >= 2


def _namesake_in_named(quote: str, country: str, found: list[PlaceMention], text: str = "",
                       cities: list[str] | None = None) -> bool:
    """Is the city ``quote`` (whose biggest namesake is in ``country``) also a town of a country
    the text tells as its setting (:func:`_country_is_setting`), while ``country`` itself goes
    unnamed ("Islington" in a text about road protests across Jamaica)? Then it is no evidence of
    its big namesake's country. A world city (a capital, or over ``WORLD_CITY_POP``) keeps its
    country unless a region of the other country is named too ("Thousands marched through London
    against the arms deal with Canada" is London, England)."""
    named = {pm.country for pm in found if pm.kind == "country" and pm.country}
    if not named or country in named:
        return False
    cands = candidates(norm_name(quote))
    small = [p for p in cands if p.kind != "neighborhood" and p.country in named
             and _country_is_setting(p.country, quote, found, text, cities or [])]
    if not small:
        return False
    big = max((p for p in cands if p.country == country), key=lambda p: p.population, default=None)
    if big is not None and (big.population >= WORLD_CITY_POP or big.name == _capital_name(country)):
        regions = {(pm.country, pm.state) for pm in found if pm.kind == "state"}
        return any((p.country, p.admin1) in regions or any(c == p.country for c, _ in regions) for p in small)
    return True


@lru_cache(maxsize=256)
def _capital_name(cc: str) -> str | None:
    row = gazetteer.connect().execute("SELECT capital FROM countries WHERE iso = ?", (cc,)).fetchone()
    return row[0] if row and row[0] else None


#: what joins two items of a list ("Jordan, Lebanon and Georgia")
_LIST_JOIN = re.compile(r"\s*(?:,\s*(?:and\s+|or\s+)?|and\s+|or\s+|&\s*)$")


def _countries_in_lists(out: list[PlaceMention], text: str) -> None:
    """A state named like a country ("Georgia") listed beside countries ("from Jordan, Lebanon
    and Georgia") is the country: rewritten in ``out`` as a country mention, repeatedly so that a
    run of such names follows its list."""
    changed = True
    while changed:
        changed = False
        countries = [(pm.start, pm.end) for pm in out if pm.kind == "country"]
        for k, pm in enumerate(out):
            iso = country_code(pm.quote) if pm.kind == "state" and not pm.is_dateline else None
            if iso in (None, "US"):
                continue
            if any(_LIST_JOIN.fullmatch(text[b:pm.start]) or _LIST_JOIN.fullmatch(text[pm.end:a])
                   for a, b in countries):
                out[k] = PlaceMention(pm.start, pm.end, pm.quote, "country", pm.quote, None, None, None, None,
                                      False, iso)
                changed = True


def text_country(text: str) -> str | None:
    """The foreign country ``text`` is about (``geo.country``), None for the US default."""
    return _scan(text)[1]


@lru_cache(maxsize=2)
def _scan(text: str) -> tuple[tuple[PlaceMention, ...], str | None]:
    out: list[PlaceMention] = []
    taken: list[tuple[int, int]] = []

    def free(s: int, e: int) -> bool:
        return all(e <= a or s >= b for a, b in taken)

    def add(pm: PlaceMention) -> None:
        out.append(pm)
        taken.append((pm.start, pm.end))

    # 1. datelines
    dateline_state: str | None = None
    dateline_keys: set[str] = set()
    for m in _DATELINE.finditer(text):
        if m.start("city") > 0 and text[m.start("city") - 1] not in "\n":
            # only at the start of the text or of a paragraph
            pre = text[: m.start("city")]
            if pre.strip() and not _PAGE_STAMP.fullmatch(pre):
                continue
        city = m.group("city").strip()
        st = state_code(m.group("state").strip()) if m.group("state") else None
        if m.group("state") and not st:
            continue
        if not st and state_code(city.title()) and not best_place(city.title(), None, "US"):
            continue
        p = best_place(city.title(), st, "US" if st else None)
        if p is None or (p.country == "US" and not st and p.population < 100000):
            continue
        r = _named(_result_from_place(p), city, p)
        s, e = m.start("city"), m.start("city") + len(city)
        kind = "neighborhood" if r.location else "city"
        add(PlaceMention(s, e, text[s:e], kind, p.name, r.state, r.locality, r.lat, r.lon, True, r.country))
        if st:
            ss = m.start("state")
            qs = m.group("state").strip()
            add(PlaceMention(ss, ss + len(qs), qs, "state", st, st, None, None, None, True, "US"))
        dateline_state = dateline_state or r.state
        dateline_keys.add(norm_name(city))
        if m.group("outlet"):
            # "SACRAMENTO, Calif. (Valley Education Wire) —": the outlet/agency is never a place
            taken.append((m.start("outlet"), m.end("outlet")))

    # 2. states (full names, AP abbreviations), countries, venues, cities in capitalised runs
    runs = _runs(text)
    state_counts: Counter[str] = Counter()
    if dateline_state:
        state_counts[dateline_state] += 3
    pending_cities: list[tuple[int, int, str, str | None, int, bool]] = []  # (s, e, quote, state, state_end, glued)
    stop_spans: set[tuple[int, int]] = set()  # stoplisted names told as sites: towns only abroad
    full_states = _state_full_names()
    venues = venue_names()
    stop = _stoplist()
    heads = _name_heads()
    for run in runs:
        i = 0
        while i < len(run):
            matched = False
            for j in range(min(len(run), i + MAX_RUN_TOKENS), i, -1):
                s, e = run[i][0], run[j - 1][1]
                if text[s:run[i][1]] in _CONNECT or text[run[j - 1][0]:e] in _CONNECT or not free(s, e):
                    continue
                quote = text[s:e]
                key = norm_name(quote)
                if not key or (j - i > 1 and _CITY_DISTRICT.search(quote) is not None):
                    continue  # "Melbourne CBD" is told as Melbourne: the city, not its district's own entry
                whole = i == 0 and j == len(run)
                if key in venues:
                    v = find_venue(quote)
                    if v:
                        r = venue_result(v)
                        add(PlaceMention(s, e, quote, "venue", v["name"], r.state, r.locality, r.lat, r.lon,
                                         False, r.country))
                        matched = True
                        break
                if key in stop and not _state_after(text, e, quote)[0]:
                    alone = i == 0 and (j == len(run) or text[run[j][0]:run[j][1]] in _CONNECT)
                    if alone and _LOCATIVE_BEFORE.search(text, max(0, s - 20), s) and candidates(key):
                        # abroad, a big town told as a site ("In Hamilton, ..."): decided in step 4
                        pending_cities.append((s, e, quote, None, -1, False))
                        stop_spans.add((s, e))
                        taken.append((s, e))
                        matched = True
                        break
                    continue  # a stoplisted name ("Fargo", "Mobile") is a place only with its state
                if j < len(run) and norm_name(text[run[j][0]:run[j][1]]) in heads and not _state_after(text, e, quote)[0]:
                    continue  # "Pima County", "Euclid Avenue", "Sunrise Movement"
                if key in _regions() and not _state_after(text, e, quote)[0]:
                    # a province or state abroad: evidence of its country, never a US town
                    iso = _regions()[key]
                    add(PlaceMention(s, e, quote, "country", quote, None, None, None, None, False, iso))
                    matched = True
                    break
                if key in full_states and key not in ("new york", "washington"):
                    code = full_states[key]
                    add(PlaceMention(s, e, quote, "state", quote, code, None, None, None, False, "US"))
                    state_counts[code] += 1
                    matched = True
                    break
                # under a Washington-state dateline ("TACOMA, Wash. —"), a bare "Washington" is the state
                wa_state = key == "washington" and dateline_state == "WA" and not _state_after(text, e, quote)[0]
                m_state = _state_word_after(text, e)
                if key in ("new york", "washington") and (m_state or wa_state):
                    code = full_states[key]
                    e2 = e + m_state.end() if m_state else e
                    add(PlaceMention(s, e2, text[s:e2], "state", quote, code, None, None, None, False, "US"))
                    state_counts[code] += 1
                    matched = True
                    break
                st_after, st_s, st_e = _state_after(text, e, quote)
                if st_after and best_place(quote, st_after, "US") is None:
                    st_after = None
                prev = text[run[i - 1][0]:run[i - 1][1]] if i > 0 else ""
                if not st_after and not whole and j - i == 1 and prev and prev not in _CONNECT:
                    continue  # a lone trailing token of a longer name ("Tom Jackson")
                if not st_after and (iso := country_code(quote)) and len(quote) > 3:
                    if iso != "US" or key in ("united states", "united states of america", "america"):
                        r0 = gazetteer.connect().execute(
                            "SELECT name, lat, lon FROM countries WHERE iso = ?", (iso,)
                        ).fetchone()
                        add(PlaceMention(s, e, quote, "country", r0[0] if r0 else quote, None, None,
                                         r0[1] if r0 else None, r0[2] if r0 else None, False, iso))
                        matched = True
                        break
                if candidates(key) or st_after:
                    if st_after or candidates(key):
                        glued = (j < len(run) and text[run[j][0]:run[j][1]] not in _CONNECT
                                 and _CITY_DISTRICT.match(text, e) is None) or (
                            i > 0 and text[run[i - 1][0]:run[i - 1][1]] not in _CONNECT
                        )
                        pending_cities.append((s, e, quote, st_after, st_e, glued))
                        taken.append((s, e))
                        if st_after:
                            taken.append((st_s, st_e))
                            add(PlaceMention(st_s, st_e, text[st_s:st_e], "state", text[st_s:st_e], st_after,
                                             None, None, None, False, "US"))
                            state_counts[st_after] += 1
                        matched = True
                        break
            i = j if matched else i + 1

    # 3. AP abbreviations standing alone ("in N.J.", "Calif.'s")
    for m in _AP_STATE.finditer(text):
        if free(m.start(), m.end()):
            pre = text[max(0, m.start() - 4):m.start()]
            if re.search(r"(?:\bin|\bof|,)\s*$", pre):
                code = state_code(m.group())
                if code:
                    add(PlaceMention(m.start(), m.end(), m.group(), "state", m.group(), code, None, None, None,
                                     False, "US"))
                    state_counts[code] += 1

    # 3b. which country the text is about, from its own words (datelines, country names,
    # demonyms, cities found only abroad or only in the US, US states)
    town_quotes = [q for (_s, _e, q, _st, _x, gl) in pending_cities if not gl]
    _countries_in_lists(out, text)
    cc = country_mod.decide(
        country_mod.weigh(
            datelines=[pm.country for pm in out if pm.is_dateline and pm.kind == "city" and pm.country],
            countries=[pm.country for pm in out if pm.kind == "country" and pm.country],
            cities=[c for (s0, e0, q, st0, _x, gl) in pending_cities if not st0 and not gl and not _acronym_at(text, s0, e0)
                    and (s0, e0) not in stop_spans
                    and norm_name(q) not in country_mod.cue_names() and norm_name(q) not in _shared_regions()
                    for c in [country_mod.city_country(q)] if c and not _namesake_in_named(q, c, out, text, town_quotes)]
            # a landmark abroad ("Parliament Square") tells its country as a city does
            + [pm.country for pm in out if pm.kind == "venue" and pm.country and pm.country != "US"],
            states=len({pm.state for pm in out if pm.kind == "state" and not pm.is_dateline
                        and country_code(pm.quote) in (None, "US")}),
            text=text,
            cities_in_names=[c for (_s, _e, q, st0, _x, gl) in pending_cities if not st0 and gl and not _acronym_at(text, _s, _e)
                             for c in [country_mod.city_country(q)] if c],
            towns=town_quotes,
        )
    )
    if cc is not None:
        # "Georgia" in a text about Tbilisi is the country, not the US state
        for k, pm in enumerate(out):
            if pm.kind == "state" and not pm.is_dateline and country_code(pm.quote) == cc:
                out[k] = PlaceMention(pm.start, pm.end, pm.quote, "country", pm.quote, None, None, None, None, False, cc)

    # 4. resolve the cities with the article's context
    schools = _school_heads(text)
    named = {pm.country for pm in out if pm.kind == "country" and pm.country} | set(country_mod.demonyms(text))
    # a text about abroad that names a town of its country: its country is no guess from a demonym
    backed = cc is not None and _names_town_of(cc, out, pending_cities)
    context = [c for c, _ in state_counts.most_common()]
    state_marks = sorted((pm.start, pm.state) for pm in out if pm.kind == "state" and pm.state)
    # a big city told as a metro ("the Chicago area", "Detroit-area", "suburbs of Seattle")
    # puts the small towns of its sentence in its state, whatever their size
    metros: list[tuple[int, int, str]] = []
    for s, e, quote, st, _st_e, _glued in pending_cities:
        if is_metro_mention(text, s, e) and (s, e) not in stop_spans:
            big = best_place(quote, st, "US")
            if big is not None and big.population >= METRO_MIN_POP and big.admin1:
                lo, hi = _sentence_bounds(text, s)
                metros.append((lo, hi, big.admin1))
    named_cities = {norm_name(q) for (_s, _e, q, _st, _x, _gl) in pending_cities}
    for s, e, quote, st, _st_e, glued in pending_cities:
        if (s, e) in stop_spans and cc is None:
            continue
        if _speaker_at(text, s, e):
            continue  # "ELMER: The marchers walked ...": a transcript's speaker, no place
        if not st and not glued and norm_name(quote) in schools:
            continue  # "the sit-in at Westbrook" after "Westbrook University": the school, not the town
        if not st and glued and _venue_name_tail(text, s, quote):
            continue  # "Craighead Forest Park": a park named after something, not the town Forest Park
        if not st and not is_metro_mention(text, s, e):
            metro_st = next((code for lo, hi, code in metros if lo <= s < hi), None)
            town = best_place(quote, metro_st, "US") if metro_st and norm_name(quote) not in stop else None
            if town is not None and town.kind != "neighborhood":
                st = metro_st  # "a parcel hub in Hodgkins in the Chicago area"
        if not st:
            # a state named in the same sentence, right before the city ("the Wisconsin State
            # Capitol in Madison"), tells which one is meant
            sent_start = max(text.rfind(". ", 0, s), text.rfind("\n", 0, s)) + 1
            near = [code for a, code in state_marks if sent_start <= a < s and not re.search(r"[;,.:]", text[a:s])]
            if not near:
                seg = text[sent_start:s]
                cut = max(seg.rfind(","), seg.rfind(";"), seg.rfind(":"))
                seg_at = sent_start + cut + 1
                seg = seg[cut + 1 :].lower()
                # a city spelled like a state ("NEW YORK —" as the dateline) names no state
                cities_at = [(pm.start, pm.end) for pm in out if pm.kind in ("city", "neighborhood")]
                near = [code for name, code in full_states.items() if name in seg
                        for m_name in [re.search(rf"\b{re.escape(name)}\b", seg)]
                        if m_name and not any(a <= seg_at + m_name.start() < b for a, b in cities_at)]
            for code in reversed(near):
                cand = best_place(quote, code, "US")
                if cand is not None:
                    # nor does a state told nearby turn a big city into a small namesake
                    # ("Casa de Maryland ... at Washington's Union Station")
                    big = best_place(quote, None, "US")
                    if (big is None or big.admin1 == code or big.population < BIG_CITY_POP
                            or big.population <= FOREIGN_OVER_US_RATIO * max(1, cand.population)):
                        st = code
                    break
        key = norm_name(quote)
        if not st and _region_abroad(text, key, e, cc):
            # "Victoria" in a text about Australia, "Oyo State": the region, evidence of no town
            out.append(PlaceMention(s, e, quote, "country", quote, None, None, None, None, False, cc))
            continue
        if cc is not None and not st and not glued and not _acronym_at(text, s, e):
            # a text about another country: its towns, however small, before namesakes elsewhere
            local = _town_of_country(text, s, quote, cc, key in stop)
            if local is None:
                # a roundup abroad names several countries ("in Britain and the Netherlands"):
                # a town of another named country before a namesake elsewhere (Birmingham, England)
                local = _town_of_named(text, s, quote, named - {cc, "US"}, key in stop)
            if local is not None:
                local, e = _lower_case_city(text, local, e)
                quote = text[s:e]
                r = _named(_result_from_place(local), quote, local)
                kind = "neighborhood" if r.location else "city"
                out.append(PlaceMention(s, e, quote, kind, local.name, r.state, r.locality, r.lat, r.lon, False, r.country))
                continue
        if (s, e) in stop_spans:
            continue
        p = best_place(quote, st, "US" if st else None, context_states=context, dateline_state=dateline_state)
        if p is None:
            continue
        if not st and p.kind != "neighborhood":
            p = _part_of_named_city(key, p, named_cities, context) or p
        if not st and p.country != "US" and _acronym_at(text, s, e):
            continue  # "USI", "NUM": a union's acronym, not a foreign town
        if cc is not None and not st and p.country == "US" and p.population < BIG_CITY_POP:
            # a small US namesake ("Wellington", "Paris") in a text about abroad: the world city
            # of that name when there is one ("Elmsburg" of 300,000 people abroad), else nothing
            p = _world_city_told(text, key, cc, named, backed)
            if p is None or p.country == "US":
                continue
        if not st and p.country == "US" and (p.admin1 != dateline_state or key not in dateline_keys):
            # context states do not turn a big city into a small namesake (Denver, N.C.); nor does
            # the dateline's state a city other than the dateline's own ("NEW YORK — ... teachers
            # picketed in Philadelphia" is not Philadelphia, N.Y.)
            big = best_place(quote, None, "US")
            if big is not None and big.population >= BIG_CITY_POP and big.population > FOREIGN_OVER_US_RATIO * max(1, p.population):
                p = big
        if not st:
            if key in stop:
                continue
            in_ctx = p.country == "US" and p.admin1 in context
            if not in_ctx and p.kind == "neighborhood" and key.split()[-1] in _VENUE_HEADS and (
                context or _big_city_states(pending_cities, p.admin1)
            ):
                continue  # "a rally at Union Park" in a text about Chicago: its park, not Orlando's district
            if p.country != "US":
                us_p = best_place(quote, None, "US", context_states=context, dateline_state=dateline_state)
                if us_p is not None and us_p.admin1 in context:
                    p, in_ctx = us_p, True
                elif p.population < MIN_POP_FOREIGN:
                    continue
            if p.country == "US" and p.admin1 != dateline_state:
                world = best_place(quote, None, None)
                if (
                    world is not None
                    and world.country != "US"
                    and world.population >= FOREIGN_OVER_US_MIN_POP
                    and world.population > FOREIGN_OVER_US_RATIO * p.population
                ):
                    p, in_ctx = world, False
            if not in_ctx and p.country == "US" and p.population < MIN_POP_STANDALONE and not (
                    cc is None and _TOWN_OF.search(text, max(0, s - 30), s) and (
                        p.admin1 in state_counts or any(q.kind == "city" and q.state == p.admin1 and 0 < s - q.end < 150
                                                        for q in out))):
                continue  # (a small town told as one, in a state the text names or beside its towns)
            if p.country != "US" and glued:
                continue  # part of a longer name ("Metro Nashville schools"): no foreign city
            if not p.primary and p.population < MIN_POP_FOREIGN:
                continue
            told = (text, backed)
            if p.country != "US" and p.country != cc and not _other_country_city(p, quote, cc, named, told) \
                    and not (p.primary and p.population >= FOREIGN_OVER_US_MIN_POP and _heading(text, s, e)):
                continue  # "Khalil" (an alternate name of Hebron), "Libertad" on a sign
        p, e = _lower_case_city(text, p, e)
        quote = text[s:e]
        r = _named(_result_from_place(p), quote, p)
        kind = "neighborhood" if r.location else "city"
        out.append(PlaceMention(s, e, quote, kind, p.name, r.state, r.locality, r.lat, r.lon, False, r.country))
    out.sort(key=lambda pm: (pm.start, pm.end))
    return tuple(out), cc


#: words that tell the next name as a town ("the tiny town of X", "the city of X")
_TOWN_OF = re.compile(r"\b(?:town|city|village|borough|township|hamlet)[ \t]+of[ \t]+$", re.IGNORECASE)
#: a word before a name that tells it as a site ("rallied in Hamilton", "marched from X")
_LOCATIVE_BEFORE = re.compile(r"\b(?:in|at|from|to|near|outside|across|around|through)[ \t]+$", re.IGNORECASE)
_AT_BEFORE = re.compile(r"\bat[ \t]+(?:the[ \t]+)?$", re.IGNORECASE)


def _town_of_country(text: str, s: int, quote: str, cc: str, stoplisted: bool):  # noqa: ANN202
    """The town of the text's country ``cc`` that ``quote`` at ``s`` names, however small
    (from ``MIN_POP_IN_COUNTRY``), else None. A name that is mostly a word or a person in
    news ("Hamilton", the stoplist) is the town only when it is big there and told as a site
    ("In Hamilton, ..."); a town name ending in a venue word told after "at" ("gathered at
    Victoria Park") is the venue."""
    local = best_place(quote, None, cc)
    if local is None or local.population < MIN_POP_IN_COUNTRY:
        return None
    if not local.primary and local.population < MIN_POP_FOREIGN:
        return None
    before = text[max(0, s - 20):s]
    if stoplisted and (local.population < MIN_POP_FOREIGN or not _LOCATIVE_BEFORE.search(before)):
        return None
    if (" " in quote and quote.rsplit(None, 1)[-1].lower() in _VENUE_HEADS and _AT_BEFORE.search(before)
            and local.population < MIN_POP_FOREIGN):
        return None
    return local


def _town_of_named(text: str, s: int, quote: str, countries: set[str], stoplisted: bool):  # noqa: ANN202
    """The biggest town that ``quote`` names in one of ``countries`` (the other countries a text
    about abroad names), on the terms of :func:`_town_of_country` and only from
    ``MIN_POP_FOREIGN`` on: a named country's small town is no evidence against a bigger namesake."""
    found = [t for c in sorted(countries) for t in [_town_of_country(text, s, quote, c, stoplisted)]
             if t is not None and t.population >= MIN_POP_FOREIGN]
    return max(found, key=lambda t: t.population, default=None)


def _other_country_city(p, quote: str, cc: str | None, named: set[str],  # noqa: ANN001
                        told: tuple[str, bool] = ("", False)) -> bool:
    """May ``p``, a city abroad in another country than the text's (``cc``; None: the US
    default), be a site of its own? Its country named in the text (or a demonym of it) says
    so; else only a big city that its name alone points to ("Zagreb", "Mexico City"), found
    by its own name. A first name ("Vladimir"), another language's name for a town
    ("Khalil") are none. In a US text (``cc`` None) the city is left to the extractor
    ("Pilsen" told before Chicago is its neighbourhood)."""
    if cc is None or p.country in named:
        return True
    if not p.primary:
        return False
    if p.population >= FOREIGN_OVER_US_MIN_POP and country_mod.city_country(quote) == p.country:
        return True
    world = _world_city_told(told[0], norm_name(quote), cc, named, told[1])
    return world is not None and (world.country, world.name) == (p.country, p.name)


def _names_town_of(cc: str, out: list, pending: list) -> bool:  # noqa: ANN001
    """Does the text name a town of ``cc`` (one it resolved, or a name with a primary town of
    ``cc`` of ``MIN_POP_FOREIGN`` people or more still to resolve)?"""
    if any(pm.kind == "city" and pm.country == cc for pm in out):
        return True
    return any(c.country == cc and c.primary and (c.population or 0) >= MIN_POP_FOREIGN
               for item in pending for c in candidates(norm_name(item[2])))


#: US county wording ("the Clarke County courthouse"): a text so worded is told from the US
#: (not a British "Kent County Council", nor "The County" opening a sentence)
_US_COUNTY = re.compile(r"\b(?!The\b)[A-Z][a-z]+ County\b(?![ \t]+Council)")
#: a roundup names this many countries (besides the US) at least
ROUNDUP_COUNTRIES = 2


def _world_city_told(text: str, key: str, cc: str | None, named: set[str], backed: bool):  # noqa: ANN202
    """:func:`_world_city`, only where the text backs it: its country named (by name, demonym or
    cue), the page a roundup naming several countries, or the text's own country ``cc`` backed
    by a town of it (``backed``: "farmers blocked roads in Leipzig ... In Geneva"; counties
    abroad then count for nothing: "Nakuru County"); unbacked, never beside US county wording (a
    US local page whose country a demonym misled: "Ukrainian immigrants rallied outside the
    Clarke County courthouse in Athens")."""
    world = _world_city(key, cc)
    if world is None or backed:
        return world
    if _US_COUNTY.search(text):
        return None
    told = set(named) | set(country_mod.cues(text))
    if world.country in told or len(told - {"US"}) >= ROUNDUP_COUNTRIES:
        return world
    return None


#: a world city outnumbers every namesake of its name (by their own names) this many times
WORLD_CITY_RATIO = 5


@lru_cache(maxsize=4096)
def _world_city(key: str, cc: str | None = None):  # noqa: ANN202 (a gazetteer place or None)
    """The city a name points to the world over, among the places called so by their own name
    (another language's name for a town never counts): the biggest, of at least
    ``MIN_POP_FOREIGN`` people and ``WORLD_CITY_RATIO`` times any namesake of another country
    ("Elmsburg" of 200,000 people beside a US Elmsburg of 20,000); else None. A name with a
    place of the text's country ``cc`` (however small: a village the gazetteer keeps below the
    size a town of the country is found from) points to no world city."""
    found = candidates(key)
    if cc is not None and any(c.country == cc for c in found):
        return None
    own = [c for c in found if c.primary and c.kind == "city"]
    if not own:
        return None
    top = max(own, key=lambda c: c.population or 0)
    rest = max((c.population or 0 for c in own if c.country != top.country), default=0)
    if (top.population or 0) < MIN_POP_FOREIGN or top.population < WORLD_CITY_RATIO * max(1, rest):
        return None
    return top


def _named(r, quote: str, p):  # noqa: ANN001, ANN202 (GeoResult, gazetteer place)
    """``r`` with the locality told as the text writes it (``resolve.display_locality``)."""
    if r.locality == p.name:
        r.locality = display_locality(quote, p)
    return r


_SCHOOL = re.compile(r"\b((?:[A-Z][a-z]+ ){0,2}[A-Z][a-z]+) $")


def _school_heads(text: str) -> set[str]:
    """The names of the universities a text names ("Columbia University", "Temple University"):
    told alone later ("protesters at Columbia"), they are the school, not a town of that name (a
    state's or a big city's name is kept: "Boston University" leaves Boston a city)."""
    out: set[str] = set()
    heads = []
    for word in ("University", "College"):  # literal search first: no scan of every position
        at = text.find(" " + word)
        while at >= 0:
            m = _SCHOOL.search(text, max(0, at - 40), at + 1)
            if m is not None:
                heads.append(m.group(1))
            at = text.find(" " + word, at + 1)
    for head in heads:
        key = norm_name(head)
        if state_code(head) or key in _CALENDAR:
            continue
        big = best_place(head, None, None)
        if big is not None and big.population >= BIG_CITY_POP:
            continue
        out.add(key)
    return out


def _big_city_states(pending: list[tuple[int, int, str, str | None, int, bool]], other_than: str | None) -> set[str]:
    """The states of the big US cities a text names, other than ``other_than``."""
    out = set()
    for _s, _e, quote, st, _st_e, glued in pending:
        big = None if glued else best_place(quote, st, "US")
        if big is not None and big.population >= BIG_CITY_POP and big.admin1 and big.admin1 != other_than:
            out.add(big.admin1)
    return out


def _part_of_named_city(key: str, p, named: set[str], context: list[str]):  # noqa: ANN001, ANN202 (gazetteer places)
    """A name that is both a town (``p``) and a neighbourhood of a city the text names
    ("outside Highland Park" in a text about Los Angeles) is the neighbourhood, unless the
    text names the town's own state."""
    if p.country == "US" and p.admin1 in context:
        return None
    for cand in candidates(key):
        if cand.kind != "neighborhood" or cand.parent is None or cand.id == p.id:
            continue
        parent = place_by_id(cand.parent)
        if parent is not None and norm_name(parent.name) in named and norm_name(parent.name) != key:
            return cand
    return None


#: last words of town names that also end venue names ("Forest Park", "Union Square")
_VENUE_HEADS = frozenset({"park", "square", "plaza", "garden", "gardens", "field", "fields", "center", "centre"})
_CALENDAR = frozenset(
    "monday tuesday wednesday thursday friday saturday sunday january february march april may june july "
    "august september october november december".split()
)
_WORD_BEFORE = re.compile(r"([A-Z][\w'’.-]*)[ \t]+$")


def _venue_name_tail(text: str, s: int, quote: str) -> bool:
    """Is the town name ``quote`` at ``s`` the tail of a venue's name: it ends in a venue head
    word and a capitalised word (no function word) is glued before it ("Craighead Forest Park",
    "Lincoln Square")?"""
    if quote.rsplit(None, 1)[-1].lower() not in _VENUE_HEADS:
        return False
    m = _WORD_BEFORE.search(text, max(0, s - 30), s)
    return m is not None and m.group(1).lower().rstrip(".") not in _FUNCTION | _CALENDAR


_CITY_WORD = re.compile(r"[ \t]+city\b")


def _lower_case_city(text: str, p, e: int):  # noqa: ANN001, ANN202 (gazetteer place)
    """A name told with a lower-case "city" after it ("suburban Quezon city", "Iowa city") is
    the gazetteer's "X City" when that place is bigger than the plain "X" (not "Denver city
    council": Denver, not Denver City, Texas). Returns the place and the mention's end."""
    m = _CITY_WORD.match(text, e)
    if m is None:
        return p, e
    q = best_place(f"{p.name} City", p.admin1 if p.country == "US" else None, p.country)
    if q is None or q.population <= p.population:
        return p, e
    return q, m.end()


def article_context(text: str) -> tuple[list[str], str | None]:
    """(states named in the text, most frequent first; the dateline's state) for ``geocode``."""
    counts: Counter[str] = Counter()
    dl = None
    for pm in find_places(text):
        if pm.state:
            counts[pm.state] += 3 if pm.is_dateline else 1
            if pm.is_dateline and dl is None:
                dl = pm.state
    return [c for c, _ in counts.most_common()], dl


__all__ = ["PlaceMention", "article_context", "find_places", "state_result", "text_country"]
