"""Places of an article for event splitting: gazetteer mentions (``protestdb.geo.find_places``),
venue words found by pattern ("Mariachi Plaza", "an ICE detention center"), and the dateline."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from protestdb.extract.lexicons import lang_entry, load_lang, words_alternation
from protestdb.extract.segment import Layout


@dataclass
class Place:
    start: int
    end: int
    quote: str
    kind: str  # city | neighborhood | venue | state | country
    state: str | None = None
    locality: str | None = None  # the city (for cities: their name)
    country: str | None = None

    @property
    def city_key(self) -> str | None:
        """The locality and its state: "kansas city|KS" and "kansas city|MO" are two places."""
        return f"{self.locality.lower()}|{self.state or ''}" if self.locality else None


def _geo():
    try:
        import protestdb.geo as geo

        return geo
    except ImportError:  # the geo stage is not installed: no places
        return None


def state_code(words: str | None) -> str | None:
    geo = _geo()
    if not words or geo is None:
        return None
    try:
        return geo.state_code(words)
    except (LookupError, ValueError):  # unknown state words are not an error here
        return None


@lru_cache(maxsize=4)
def _name_tail(lang: str) -> re.Pattern[str]:
    """Capitalised words right after a place that end in a name head ("Hart Plaza", "Kelly
    Ingram Park", "Highland Hospital", "Grand Canyon Chapter"): the place starts another name."""
    heads = set(load_lang("venues", lang).get("heads", ())) | set(load_lang("venues", lang).get("name_heads", ()))
    alt = "|".join(sorted((re.escape(h) for h in heads), key=len, reverse=True))
    return re.compile(rf"(?:[ \t]+(?:[A-Z][\w'’.&-]*|of|for|and))*?[ \t]+(?:{alt})\b")


def text_country(text: str) -> str | None:
    """The foreign country the text is about (None: the US default); see ``geo.country``."""
    geo = _geo()
    return geo.text_country(text) if geo is not None else None


def place_country(text: str, place: Place | None, state: str | None = None) -> str:
    """The country to geocode a place in: a US state says US; else the place's own country,
    else the text's, else the US."""
    if state:
        return "US"
    if place is not None and place.country:
        return place.country
    return text_country(text) or "US"


@lru_cache(maxsize=4)
def _person_frames(lang: str) -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str]] | None:
    try:
        lex = load_lang("person_frames", lang)
    except (FileNotFoundError, KeyError):
        return None

    def alt(words: list[str]) -> str:
        return "|".join(sorted(words, key=len, reverse=True))

    before = re.compile(rf"\b(?:{alt(lex['before'])})[ \t]+$", re.IGNORECASE)
    after = re.compile(rf"[ \t]+(?:{alt(lex['after'])})\b", re.IGNORECASE)
    # a whole title word: "Carson, a spokeswoman", not "In Milwaukee, a few hundred workers"
    titles = re.compile(rf",[ \t]+(?:{alt(lex['titles'])})\b", re.IGNORECASE)
    return before, after, titles


@lru_cache(maxsize=1)
def _figures() -> re.Pattern[str] | None:
    """The full names of the public figures of ``data/leaders_en.json`` (names are the same in
    every language the pages are written in)."""
    names = lang_entry("leaders", "en", "figures") or {}
    if not names:
        return None
    alt = "|".join(re.escape(n) for n in sorted(names, key=len, reverse=True))
    return re.compile(rf"\b(?:{alt})(?!\w)")


def person_spans(text: str, doc: Any = None, lang: str = "en") -> list[tuple[int, int]]:
    """Spans of ``text`` told as people: the full names of well-known public figures, in any
    language ("el gobierno de Donald Trump": no town of Donald), and spaCy's PERSON entities
    (when ``doc`` is given)."""
    figures = _figures()
    known = [m.span() for m in figures.finditer(text)] if figures is not None else []
    if doc is None:
        return known
    ents = [(e.start_char, e.end_char) for e in doc.ents if e.label_ == "PERSON"]
    # a name tagged once is a name wherever it is told again ("Elon Musk's" tagged, a later
    # "Elon Musk" left untagged)
    names = {re.sub(r"['’]s?$", "", text[a:b]).strip() for a, b in ents}
    for name in names:
        if " " not in name or len(name) < 5:
            continue
        for m in re.finditer(rf"\b{re.escape(name)}\b", text):
            ents.append((m.start(), m.end()))
    ents.extend(_surnames_again(text, names, lang))
    return ents + known


#: a town's state right after it ("Littleton, Colo."): the name is told as the place there
_STATE_AFTER = re.compile(r",?[ \t]+([A-Z][A-Za-z.]+(?:[ \t]+[A-Z][a-z]+)?)")


@lru_cache(maxsize=4)
def _place_name_words(lang: str) -> tuple[frozenset[str], frozenset[str]]:
    """Words ending and opening place names (``data/place_words`` place_name_words/prefixes)."""
    try:
        lex = load_lang("place_words", lang)
    except (FileNotFoundError, KeyError):
        return frozenset(), frozenset()
    return frozenset(lex.get("place_name_words", ())), frozenset(lex.get("place_name_prefixes", ()))


_FULL_NAME_PART = re.compile(r"[A-Z][a-z'’-]+|[A-Z]\.")
_CAP_WORD_BEFORE = re.compile(r"\b[A-Z][\w'’-]*[ \t]+$")  # "Oklahoma City"; not a title "Sen."


def _surnames_again(text: str, names: set[str], lang: str = "en") -> list[tuple[int, int]]:
    """The surname of a full name tagged PERSON ("Jordan Pikeville") told again alone ("police
    said Pikeville fired first"): the person, unless that mention is told as a site ("in
    Pikeville"), with its state ("Pikeville, Ky.") or as the end of a longer capitalised name
    ("Oklahoma City"). Only a first-and-last name whose last word is no place word ("Daly City"
    tagged PERSON gives no surname "City") nor its first a place's ("Fort Collins")."""
    ends, prefixes = _place_name_words(lang)
    surnames = set()
    for name in names:
        parts = name.split()
        if not 2 <= len(parts) <= 3 or not all(_FULL_NAME_PART.fullmatch(w) for w in parts):
            continue
        last = parts[-1]
        if len(last) < 4 or not last.isalpha() or last in ends or parts[0] in prefixes:
            continue
        surnames.add(last)
    if not surnames:
        return []
    out = []
    alt = "|".join(re.escape(w) for w in sorted(surnames, key=len, reverse=True))
    for m in re.finditer(rf"\b(?:{alt})\b", text):
        if _SITE_BEFORE.search(text, max(0, m.start() - 20), m.start()):
            continue
        if _CAP_WORD_BEFORE.search(text, max(0, m.start() - 30), m.start()):
            continue  # "Oklahoma City", "Jordan Pikeville": the end of a longer name
        st = _STATE_AFTER.match(text, m.end(), min(len(text), m.end() + 30))
        if st is not None and state_code(st.group(1)):
            continue
        out.append((m.start(), m.end()))
    return out


#: a capitalised word right after a town's name, and the locative words before a site (English
#: and Spanish: texts without a parse)
_SURNAME_AFTER = re.compile(r"[ \t]+([A-ZÁÉÍÓÚÑ][a-záéíóúñü'’]+)\b")
_SENTENCE_OPENS = re.compile(r"(?:\A|[\n.!?][ \t]*|[\n.!?][ \t]*[\"“][ \t]*)$")
_QUANTITY_OF = re.compile(r"[ \t]+de[ \t]+[a-záéíóúñ]")
_SITE_BEFORE = re.compile(r"\b(?:in|at|near|outside|from|to|en|de|desde|hasta|a|cerca de|frente a)[ \t]+(?:la[ \t]+|el[ \t]+|the[ \t]+)?$",
                          re.IGNORECASE)


def unparsed_full_name(text: str, start: int, end: int) -> bool:
    """In a text without a parse (no person tags), is the town at ``text[start:end]`` a word
    opening a sentence before "de" ("Miles de personas", a quantity), or a given name followed
    by a surname ("the councilwoman Marisol Vega", "Lorena Ibarra, a state
    representative"): a one-word town, not told as a site (no "in"/"en" before), followed by a
    capitalised word that is no state (as "Dallas Texas" is)?"""
    if " " in text[start:end]:
        return False
    if _QUANTITY_OF.match(text, end) and _SENTENCE_OPENS.search(text, max(0, start - 4), start):
        return True  # "Miles de personas marcharon": a sentence's first word and "de": a quantity
    m = _SURNAME_AFTER.match(text, end, min(len(text), end + 30))
    if m is None or "\n" in m.group(0) or state_code(m.group(1)):
        return False
    return _SITE_BEFORE.search(text, max(0, start - 20), start) is None


def is_person(text: str, start: int, end: int, persons: list[tuple[int, int]], lang: str = "en") -> bool:
    """Is ``text[start:end]`` a person's name rather than a place? A token tagged PERSON, a
    name in a "said X" / "X said" frame, or a name followed by a title ("X, a spokeswoman")."""
    if any(a < end and start < b for a, b in persons):
        return True
    frames = _person_frames(lang)
    if frames is None:
        return False
    before, after, titles = frames
    return bool(
        before.search(text, max(0, start - 40), start)
        or after.match(text, end, min(len(text), end + 30))
        or titles.match(text, end, min(len(text), end + 60))
    )


@lru_cache(maxsize=4)
def _place_tail(lang: str) -> re.Pattern[str] | None:
    """Words right after a place that make it part of another name (``data/place_words``)."""
    try:
        lex = load_lang("place_words", lang)
    except (FileNotFoundError, KeyError):
        return None

    def alt(words: list[str]) -> str:
        return "|".join(sorted(words, key=len, reverse=True))

    cap = r"[A-Z][\w'’.&-]*"
    return re.compile(
        rf"(?i:[ \t]+(?:{alt(lex['street_words'])}|{alt(lex['institution_nouns'])})(?![\w-]))"
        rf"|(?:[ \t]+{cap})*?[ \t]+(?:{alt(lex['outlet_heads'])})(?![\w])"
        rf"|(?:{alt(lex['name_links'])})"
        rf"|[ \t]+(?:{alt(lex.get('name_of_day_or_group') or ['(?!)'])})(?!\w){_not_after(lex, 'day_not_before')}"
        rf"|(?:,[ \t]+{cap}(?:[ \t]+{cap})?,)?[ \t]+(?:{alt(lex.get('residence_nouns') or ['(?!)'])})(?![\w-])"
        + _residence_end(lex)
    )


def _not_after(lex: dict[str, Any], key: str) -> str:
    """A lookahead that fails when one of ``lex[key]`` follows a "Day" ("Chicago Day of Action")."""
    words = lex.get(key) or []
    return rf"(?!(?<=Day)[ \t]+(?:{'|'.join(words)})\b)" if words else ""


def _residence_end(lex: dict[str, Any]) -> str:
    """What may follow a residence noun: no word, or one of ``residence_followers`` ("a Texas
    native, said", "a Fontana resident who") - never another noun ("resident physicians",
    "native Hawaiian groups": a kind of people, not a home)."""
    words = lex.get("residence_followers") or []
    return rf"(?![ \t]+(?!(?:{'|'.join(words)})\b)[A-Za-z])"


def place_tail(text: str, end: int, lang: str = "en") -> bool:
    """Does the place ending at ``end`` start another name: a street ("the Vasco road"), a body
    it qualifies ("in Minneapolis police custody"), a news outlet ("the Seattle Times
    reported"), a name the gazetteer does not know ("Casa de Maryland"), a day ("Columbus Day"),
    a group told by its number ("the Elmwood Five") or a person's home ("an Elmwood, Ore.,
    resident")?"""
    pat = _place_tail(lang)
    if pat is None:
        return False
    m = pat.match(text, end, min(len(text), end + 60))
    return m is not None and "\n" not in m.group(0)


@lru_cache(maxsize=4)
def _home(lang: str) -> re.Pattern[str] | None:
    nouns = lang_entry("place_words", lang, "residence_nouns")
    lex = load_lang("place_words", lang)
    return re.compile(rf"(?P<comma>,)?[ \t]+(?:{words_alternation(nouns)})(?![\w-])" + _residence_end(lex)) if nouns else None


#: a town and its comma before a state ("Fontana, " in "a Fontana, Calif., resident")
_TOWN_BEFORE = re.compile(r"[A-Z][\w'’.-]*(?:[ \t][A-Z][\w'’.-]*)?,[ \t]*$")


def home_of(text: str, start: int, end: int, lang: str = "en") -> bool:
    """Is the state at ``start``-``end`` told as a person's home ("an Ohio native", "a Fontana,
    Calif., resident": ``data/place_words`` residence_nouns)? A comma before the noun only in
    the ", State," shape; never when another noun follows ("Across Hawaii, native Hawaiian
    groups", "In Ohio, resident doctors")."""
    pat = _home(lang)
    m = pat.match(text, end, min(len(text), end + 30)) if pat is not None else None
    if m is None:
        return False
    return m.group("comma") is None or _TOWN_BEFORE.search(text, max(0, start - 40), start) is not None


@lru_cache(maxsize=4)
def _alumni(lang: str) -> re.Pattern[str] | None:
    pat = lang_entry("place_words", lang, "alumni_words")
    return re.compile(pat, re.IGNORECASE) if pat else None


def alumni_of(text: str, end: int, lang: str = "en") -> bool:
    """Is the school or university ending at ``end`` told as where a person studied ("a recent
    Elmwood College graduate", "an Elmwood University alumna": ``data/place_words``
    alumni_words)?"""
    pat = _alumni(lang)
    return pat is not None and pat.match(text, end, min(len(text), end + 40)) is not None


@lru_cache(maxsize=4)
def _state_feature(lang: str) -> re.Pattern[str] | None:
    words = lang_entry("place_words", lang, "state_feature_words")
    if not words:
        return None
    return re.compile(r"[ \t]+(?:" + "|".join(re.escape(w) for w in words) + r")\b")


def state_feature(text: str, end: int, lang: str = "en") -> bool:
    """Is the state name ending at ``end`` the start of a natural feature's name ("the
    Mississippi River", "the Ohio Valley": ``data/place_words`` state_feature_words)?"""
    pat = _state_feature(lang)
    return pat is not None and pat.match(text, end, min(len(text), end + 20)) is not None


@lru_cache(maxsize=4)
def _street_crossing(lang: str) -> re.Pattern[str] | None:
    pat = lang_entry("place_words", lang, "street_crossing")
    return re.compile(pat) if pat else None


def street_crossing(text: str, start: int, lang: str = "en") -> bool:
    """Is the place starting at ``start`` a street at a crossing ("the intersection of Elm and
    Fairview", ``data/place_words`` street_crossing)?"""
    pat = _street_crossing(lang)
    return pat is not None and pat.search(text, max(0, start - 80), start) is not None


@lru_cache(maxsize=4)
def _civic_site(lang: str) -> tuple[re.Pattern[str], re.Pattern[str]] | None:
    # civic buildings, and the schools and hospitals US towns name after themselves
    heads = words_alternation(list(lang_entry("place_words", lang, "civic_sites") or ())
                              + list(lang_entry("place_words", lang, "town_venue_heads") or ()))
    before = lang_entry("place_words", lang, "civic_site_before")
    if not heads or not before:
        return None
    return re.compile(rf"[ \t]+(?:{heads})\b"), re.compile(before, re.IGNORECASE)


def civic_site(text: str, start: int, end: int, lang: str = "en", named_state: bool = False,
               other_state: bool = False) -> bool:
    """Is the city at ``text[start:end]`` the first word of its own civic building, school or
    hospital told as where people act ("rallied outside Elmwood City Hall", "gathered at the
    Elmwood Police Department", "protested outside Elmwood Hospital")? The building stands in
    that city: the city is the site's locality. A name schools are named after ("outside
    Lincoln High School") is a person's, not the town's. With ``other_state`` (the town's reading
    is in a state the page does not name, while it names others) a school or hospital is no site
    of that town."""
    pats = _civic_site(lang)
    if pats is None:
        return False
    heads, before = pats
    m = heads.match(text, end, min(len(text), end + 40))
    if m is None or before.search(text, max(0, start - 40), start) is None:
        return False
    civic = words_alternation(lang_entry("place_words", lang, "civic_sites"))
    if civic and re.fullmatch(rf"[ \t]+(?:{civic})", m.group(0)):
        return True
    if other_state:
        # "a teacher at Westlake Middle School" on a page that names only another state than the
        # town's: the school is named after a neighborhood there, not after that town elsewhere
        return False
    # a school or hospital: never a person's name, nor a town bigger abroad ("Wellington Hospital")
    spec = _town_venue(lang)
    if spec is not None and text[start:end].lower() in spec[1]:
        return False
    try:
        from protestdb.geo.resolve import best_place
    except ImportError:  # the geo stage is not installed
        return False
    if named_state:
        return True  # the town's state is named in the text ("Oregon's mandate ... outside Salem Hospital")
    if _needs_state(m.group(0), lang):
        return False  # "outside Parkland Hospital" with no state told: Dallas's, not Parkland's
    p = best_place(text[start:end], None, "US")
    return p is not None and not _bigger_abroad(text[start:end], p.population)


#: the central district of the city named right before ("the Nairobi Central Business District"):
#: the city, not a venue named after it
_CITY_DISTRICT = re.compile(r"[ \t]+(?:Central Business District|CBD|[Cc]ity [Cc]ent(?:re|er))$")


#: a sentence's end inside a place's would-be name tail ("..., Elmford and Dunmore. Police said"):
#: a word ending in two lower-case letters or more before a full stop (not "St.", "Mt.")
_SENTENCE_END_IN = re.compile(r"([A-Za-z]*[a-z]{2})([.!?])[ \t]")


def _sentence_end_in(tail: str) -> bool:
    """Does a sentence end inside ``tail``? A full stop after an abbreviation of a name
    ("Teachers Assn. Building", "Elm Bros. Warehouse"; venues' ``name_abbreviations``) ends none."""
    abbrevs = _name_abbreviations("en")
    return any(m.group(2) != "." or m.group(1).lower() not in abbrevs
               for m in _SENTENCE_END_IN.finditer(tail))


@lru_cache(maxsize=4)
def _name_abbreviations(lang: str) -> frozenset[str]:
    return frozenset(w.lower() for w in load_lang("venues", lang).get("name_abbreviations", ()))


_IN_BEFORE_TOWN = re.compile(r"\bin[ \t]+$")
_AND_NEXT = re.compile(r"[ \t]+and[ \t]+[A-Z]")


def _next_site(text: str, start: int, tail: str) -> bool:
    """Is the name after "in <town> and ..." the next site of a list, not the town's own name
    ("nurses at Elm Hospital in Oakdale and Pine Memorial Health in Riverton")? A town told
    after "in" is a locality; a name that goes on with "and" is the next item."""
    return _AND_NEXT.match(tail) is not None and _IN_BEFORE_TOWN.search(text, max(0, start - 4), start) is not None


def _is_city_district(tail: str) -> bool:
    return _CITY_DISTRICT.match(tail) is not None


def gazetteer_places(text: str, doc: Any = None, lang: str = "en") -> list[Place]:
    """The gazetteer's places of ``text``; with ``doc`` (spaCy), names told as people
    ("said Scott", "Brandon Johnson", "Carson, a spokeswoman") are dropped."""
    geo = _geo()
    if geo is None:
        return []
    out = []
    persons = person_spans(text, doc, lang)
    tail = _name_tail("en")
    # "near the Mississippi River": a river, not the state
    # "a recent Elmwood College graduate": where a person studied, no site
    # "a Fontana, Calif., resident", "an Ohio native": a person's home state, no site
    pms = [pm for pm in geo.find_places(text)
           if not (pm.kind == "state" and (state_feature(text, pm.end, lang) or home_of(text, pm.start, pm.end, lang)))
           and not (pm.kind == "venue" and alumni_of(text, pm.end, lang))]
    named_states = {pm.state for pm in pms if pm.kind == "state" and pm.state}
    dateline = None  # the dateline of the current paragraph ("ATLANTA — In Atlanta, ...")
    for k, pm in enumerate(pms):
        if getattr(pm, "is_dateline", False) and pm.kind == "city":
            dateline = pm
        elif dateline is not None and "\n\n" in text[dateline.end : pm.start]:
            dateline = None
        if pm.kind in ("city", "neighborhood") and not getattr(pm, "is_dateline", False):
            if is_person(text, pm.start, pm.end, persons, lang):
                continue
            if doc is None and unparsed_full_name(text, pm.start, pm.end):
                continue
            if pm.start > 0 and text[pm.start - 1] == "@":
                continue  # "@Springfield_news": a social-media handle, no place
            civic = pm.kind == "city" and civic_site(
                text, pm.start, pm.end, lang, named_state=bool(pm.state) and pm.state in named_states,
                other_state=bool(named_states and pm.state and pm.state not in named_states))
            m = tail.match(text, pm.end, min(len(text), pm.end + 60))
            if m is not None and "\n" not in m.group(0) and not _is_city_district(m.group(0)) and not civic \
                    and not _sentence_end_in(m.group(0)) \
                    and not _next_site(text, pm.start, m.group(0)):
                continue
            if (not civic and place_tail(text, pm.end, lang)) or street_crossing(text, pm.start, lang):
                continue
            if _glued_to_name(text, pm, pms[k + 1] if k + 1 < len(pms) else None):
                continue
            if dateline is not None and pm.quote.lower() == dateline.quote.lower() and dateline.state:
                # a city named again under its own dateline is the dateline's city
                pm = type(pm)(**{**pm.__dict__, "state": dateline.state, "locality": dateline.locality})
        loc = pm.locality
        if pm.kind == "city" and not loc:
            loc = pm.quote
        if pm.kind in ("state", "country"):
            loc = None
        place = Place(pm.start, pm.end, pm.quote, pm.kind, pm.state, loc)
        place.country = getattr(pm, "country", None)
        out.append(city_part(place, lang))
    return _with_capitals(text, _without_metros(text, out, geo), persons, lang, doc)


def _glued_to_name(text: str, pm: Any, nxt: Any) -> bool:
    """The place word modifies the next name ("Metro Nashville"), or opens a group's chapter named
    by its town ("Sunrise Akron"): no place."""
    if nxt is not None and nxt.kind in ("city", "neighborhood") and text[pm.end : nxt.start] == " ":
        return True
    return pm.kind == "city" and chapter_head(text, pm.end)


_NEXT_NAME = re.compile(r" ([A-Z][a-z]+(?: [A-Z][a-z]+)?)\b")


def chapter_head(text: str, end: int, min_pop: int = 50000) -> bool:
    """The place word ending at ``end`` is glued to a following big town's name ("Sunrise Akron",
    "Indivisible Tulsa" style chapter names whose first word is also a town): the first word
    begins a group's name and is no place. States and countries after a town ("Columbus Ohio",
    "Paris France") and longer names ("Phoenix Union High School") are no such name."""
    m = _NEXT_NAME.match(text, end)
    if m is None:
        return False
    from protestdb.geo.resolve import country_code, town_at_least

    for name in dict.fromkeys((m.group(1), m.group(1).split(" ")[0])):
        if re.match(r" [A-Z]", text[end + 1 + len(name):]):
            continue  # "Phoenix Union High School": an institution's longer name
        if state_code(name) or country_code(name):
            return False
        if town_at_least(name, min_pop):
            return True
    return False


def _with_capitals(text: str, out: list[Place], persons: list[tuple[int, int]], lang: str, doc: Any) -> list[Place]:
    """``out`` plus the capitals told without the city's name ("in the Kenyan capital",
    ``extract/capitals.py``), where no other place is named."""
    from protestdb.extract.capitals import capital_places

    capitals = capital_places(text, doc, lang, persons, taken=out)
    return sorted(out + capitals, key=lambda p: p.start) if capitals else out


@lru_cache(maxsize=4)
def _city_parts(lang: str) -> dict[str, dict[str, str]]:
    try:
        parts = load_lang("place_words", lang).get("city_parts", {})
    except (FileNotFoundError, KeyError):
        return {}
    return {cc: {k.lower(): v for k, v in names.items()} for cc, names in parts.items()}


def city_part(p: Place, lang: str = "en") -> Place:
    """A township or borough abroad that the gazetteer lists as a town ("Soweto", "Lambeth") read
    as a part of its city (``data/place_words`` city_parts): locality the city, the name kept."""
    if p.kind != "city" or not p.country:
        return p
    parent = _city_parts(lang).get(p.country, {})
    city = parent.get(p.quote.lower()) or parent.get((p.locality or "").lower())
    if city is None:
        return p
    return Place(p.start, p.end, p.quote, "neighborhood", p.state, city, p.country)


@lru_cache(maxsize=4)
def _incident_rx(lang: str) -> tuple[re.Pattern[str], re.Pattern[str] | None] | None:
    lex = load_lang("place_words", lang)
    nouns, mods = lex.get("incident_nouns"), lex.get("incident_modifiers") or []
    verbish = lex.get("incident_verb_nouns") or []
    if not nouns:
        return None
    mod = "|".join(sorted((re.escape(m) for m in mods), key=len, reverse=True)) or "(?!)"
    # "Elmwood('s)", "Elmwood, Texas,", then up to two modifiers and the incident noun
    head = r"(?:['’]s)?(?:,?[ \t]+[A-Z][\w.]*(?:[ \t][A-Z][\w.]*)?,?)?[ \t]+"
    plain = re.compile(rf"{head}(?:(?:{mod})[ \t]+){{0,2}}(?:{'|'.join(nouns)})\b")
    # a noun that is also a verb ("in Elmford attack the office"): after a modifier only,
    # unless a determiner stands before the place (checked in incident_name)
    verb = (re.compile(rf"{head}(?P<m>(?:(?:{mod})[ \t]+){{0,2}})(?:{'|'.join(verbish)})\b")
            if verbish else None)
    return plain, verb


_DETERMINER_BEFORE = re.compile(r"(?:\b(?:the|a|an|this|that|last|[A-Za-z]+['’]s)[ \t]+)$", re.IGNORECASE)


def incident_name(text: str, p: Place, lang: str = "en") -> bool:
    """Is ``p`` told as the name of an incident ("the Elmwood shooting", "Fairview school
    shooting victims"): where that happened, not where the page's protest is?"""
    if p.kind not in ("city", "neighborhood"):
        return False
    pats = _incident_rx(lang)
    if pats is None:
        return False
    plain, verb = pats
    if plain.match(text, p.end) is not None:
        return True
    m = verb.match(text, p.end) if verb is not None else None
    if m is None:
        return False
    return bool(m.group("m")) or _DETERMINER_BEFORE.search(text, max(0, p.start - 30), p.start) is not None


def only_town(p: Place, found: list[Place]) -> bool:
    """Is ``p`` the one town of the page (every city or neighbourhood found is in it)? A
    vigil for "the Elmwood shooting victims" on a page naming no other town is held there."""
    return bool(p.city_key) and all(
        q.city_key == p.city_key for q in found if q.kind in ("city", "neighborhood") and q.city_key)


@lru_cache(maxsize=4)
def _other_occasion(lang: str) -> tuple[re.Pattern[str] | None, re.Pattern[str] | None]:
    before = lang_entry("background", lang, "other_occasion_before")
    after = lang_entry("background", lang, "other_occasion_after")
    return (re.compile("|".join(f"(?:{x})" for x in before), re.IGNORECASE) if before else None,
            re.compile("|".join(f"(?:{x})" for x in after), re.IGNORECASE) if after else None)


_PHRASE_END = re.compile(r"[,;.!?\n]")


def other_occasion_span(text: str, p: Place, lang: str, found: list[Place]) -> tuple[int, int] | None:
    """Where the words telling the place as another occasion's run (``other_occasion_place``):
    from the cue ("which sparked marches in", "on the heels of a similar strike in") to the end
    of its clause (the next comma, semicolon or full stop; a comma right before a state, as in
    "Elmford, Ohio, on Friday", goes on). None when the place is not so told."""
    before, after = _other_occasion(lang)
    m = before.search(text, max(0, p.start - 120), p.start) if before is not None else None
    lo = m.start() if m is not None else p.start
    if m is None and (after is None or after.match(text, p.end, min(len(text), p.end + 120)) is None):
        return None
    starts = {q.start for q in found if q.kind == "state"}
    pos = p.end
    while (e := _PHRASE_END.search(text, pos)) is not None:
        rest = text[e.end() : e.end() + 40]
        nxt = e.end() + len(rest) - len(rest.lstrip())
        if e.group() != "," or nxt not in starts:
            return lo, e.start()
        pos = nxt + 1
    return lo, len(text)


def other_occasion_place(text: str, p: Place, lang: str) -> bool:
    """Is the place told, by the words right around it, as where another occasion happened: the
    grievance ("las redadas de ICE en Elmwood", "en Elmwood, donde un agente mató a ...") or an
    earlier protest ("tras una protesta similar en Elmwood")? For texts without a parse, where
    the clause of the place cannot be read (``data/background_<lang>`` other_occasion_*)."""
    return other_occasion_span(text, p, lang, []) is not None


@lru_cache(maxsize=4)
def grievance_nouns(lang: str) -> frozenset[str]:
    """Nouns of the event a protest answers ("the death of X in Minneapolis"):
    ``data/place_words`` grievance_nouns."""
    try:
        return frozenset(load_lang("place_words", lang).get("grievance_nouns", ()))
    except (FileNotFoundError, KeyError):
        return frozenset()


def _without_metros(text: str, found: list[Place], geo: Any) -> list[Place]:
    """Drop a big city told as the metro around a site ("a hub in Hodgkins in the Chicago
    area", "workers at the plant in Romulus near Detroit"): the named suburb is the site. A
    city told as a suburb's metro ("Chicago's suburbs") goes when its sentence names the town."""
    from protestdb.geo.places import _sentence_bounds, is_metro_mention, is_suburbs_mention

    towns = [p for p in found if p.kind in ("city", "neighborhood") and p.city_key]
    out = []
    for p in found:
        if p in towns and is_suburbs_mention(text, p.start, p.end):
            lo, hi = _sentence_bounds(text, p.start)
            if any(q.city_key != p.city_key and lo <= q.start < hi and not is_metro_mention(text, q.start, q.end)
                   for q in towns):
                continue  # "in Broadview in Chicago's western suburbs": the town of the sentence is the site
        if p in towns and is_metro_mention(text, p.start, p.end):
            lo, hi = _sentence_bounds(text, p.start)
            if any(q is not p and lo <= q.start < hi and q.locality != p.locality
                   and not is_metro_mention(text, q.start, q.end) for q in towns):
                continue
        if p in towns and unnamed_place_of(text, p.start, p.end, core=lambda p=p: _metro_core(text, p)):
            p = _unnamed_site(p, towns, _sentence_bounds(text, p.start))
            if p is None:
                continue
        out.append(p)
    return out


@lru_cache(maxsize=4)
def _unnamed_place_rx(lang: str) -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str], re.Pattern[str]] | None:
    """The words that tell a city as the reference point of an unnamed place
    (``data/place_words`` unnamed_place_before[_us], unnamed_place_frame_before/after)."""
    try:
        words = load_lang("place_words", lang)
    except FileNotFoundError:
        return None
    if "unnamed_place_before" not in words:
        return None

    def alt(key: str) -> re.Pattern[str]:
        return re.compile("(?:" + "|".join(words.get(key) or ["(?!)"]) + ")", re.IGNORECASE)

    return (alt("unnamed_place_before"), alt("unnamed_place_before_us"),
            re.compile(words["unnamed_place_frame_before"], re.IGNORECASE),
            re.compile(words["unnamed_place_frame_after"], re.IGNORECASE))


def unnamed_place_of(text: str, start: int, end: int, lang: str = "en",
                     core: bool | Callable[[], bool] = True) -> bool:
    """Is the city at ``start``..``end`` told only as the reference point of an unnamed place
    ("in a Elmwood suburb", "a town outside Elmwood", "a community 30 miles from Elmwood"; for
    the core city of a US metro, ``core`` -- or a callable asked only when the words are there
    --, also "in suburban Elmwood")? The site is some other town near it, not the city."""
    rx = _unnamed_place_rx(lang)
    if rx is None:
        return False
    before, before_us, frame_before, frame_after = rx
    lo = max(0, start - 120)
    if before.search(text, lo, start):
        return True
    if before_us.search(text, lo, start) and (core() if callable(core) else core):
        return True
    return bool(frame_before.search(text, max(0, start - 40), start) and frame_after.match(text, end))


_STATE_NEXT = re.compile(r",[ \t]+[A-Z]")


def _metro_core(text: str, p: Place) -> bool:
    """Is ``p`` a big US city told without its state ("suburban Elmwood" is then the suburbs
    around it)? A smaller town, or one told with its state ("suburban Elmford, Ill."), is
    itself the suburb; so is a town abroad ("suburban Elmford city")."""
    if p.country not in (None, "US") or _STATE_NEXT.match(text, p.end):
        return False
    try:
        from protestdb.geo.places import BIG_CITY_POP
        from protestdb.geo.resolve import best_place
    except ImportError:  # the geo stage is not installed
        return False
    big = best_place(p.locality or p.quote, p.state, "US")
    return big is not None and big.population >= BIG_CITY_POP


def _unnamed_site(p: Place, towns: list[Place], sentence: tuple[int, int]) -> Place | None:
    """The place an event told near city ``p`` only as an unnamed place's reference point has:
    none when its ``sentence`` (bounds) names another town ("in Elmford, a Elmwood suburb": the
    town is the site), else the city's state (or country) with no locality."""
    lo, hi = sentence
    if any(q.city_key != p.city_key and lo <= q.start < hi for q in towns):
        return None
    if p.state:
        out = Place(p.start, p.end, p.quote, "state", p.state, None)
    else:
        out = Place(p.start, p.end, p.quote, "country", None, None)
    out.country = p.country
    return out


def namesake_venue(venue: Place | None, place: Place | None, found: list[Place]) -> bool:
    """Is ``venue`` a known venue of another city than the event's ``place``, in a text that
    never names that other city ("ELMWOOD -- ... gathered in Washington Square Park", a name
    many cities give a park)? The venue is then its namesake in the event's city."""
    if venue is None or place is None or venue.kind != "venue" or not venue.city_key or not place.city_key:
        return False
    if venue.city_key == place.city_key:
        return False
    return not any(q.kind in ("city", "neighborhood") and q.city_key == venue.city_key for q in found)


@lru_cache(maxsize=4)
def _venue_patterns(lang: str) -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    lex = load_lang("venues", lang)
    heads = "|".join(sorted((re.escape(h) for h in lex["heads"]), key=len, reverse=True))
    cap = r"[A-Z][\w'’.&-]*"
    named = re.compile(rf"\b((?:{cap}\s+){{1,5}}(?:{heads}))\b")
    of_named = re.compile(rf"\b((?:{cap}\s+){{0,2}}(?:University|College|Institute|Museum|Church) of(?:\s+(?:the\s+)?{cap}){{1,4}})")
    nouns = "|".join(sorted((re.escape(n) for n in lex["nouns"]), key=len, reverse=True))
    generic = re.compile(
        rf"\b(?:outside(?: of)?|in front of|at|near|inside|to) (?:the |an? )?((?:(?-i:[A-Z][\w.'’-]*) ){{0,2}}(?:{nouns}))\b",
        re.IGNORECASE,
    )
    return named, of_named, generic


def find_venues(text: str, start: int, end: int, lang: str = "en") -> list[Place]:
    """Venue phrases in ``text[start:end]`` (capitalised names ending in a venue word, or
    "outside an ICE detention center")."""
    named, of_named, generic = _venue_patterns(lang)
    out: list[Place] = []
    seg = text[start:end]
    for pat in (of_named, named, generic):
        for m in pat.finditer(seg):
            s, e = start + m.start(1), start + m.end(1)
            q = text[s:e]
            if q.split()[0] in ("The", "In", "At", "On", "Outside", "A", "An"):
                cut = len(q.split()[0]) + 1
                s, q = s + cut, q[cut:]
            if not q or any(p.start <= s < p.end or s <= p.start < e for p in out):
                continue
            out.append(Place(s, e, q, "venue"))
    return sorted(out, key=lambda p: p.start)


@lru_cache(maxsize=1)
def _downtown() -> re.Pattern[str]:
    """A city's centre told before its name (``data/place_words_en`` city_center_prefixes)."""
    words = load_lang("place_words", "en")["city_center_prefixes"]
    return re.compile(rf"^(?:{'|'.join(words)})[ \t]+(?=\S)")


def dateline_place(layout: Layout, found: list[Place] | None = None) -> tuple[Place | None, Place | None]:
    """The city and state of a dateline ("ELIZABETH, N.J. (AP) —"); without a dateline, the
    one city the headline names ("Drivers protest in Lagos"), among the article's ``found``
    places, stands for it."""
    if not layout.dateline:
        return headline_place(layout, found or []), None
    cs, ce, ss, se = layout.dateline
    text = layout.text
    # "DOWNTOWN LOS ANGELES (KABC) --": the city's centre is the city
    city_words = _downtown().sub("", text[cs:ce].title()) or text[cs:ce].title()
    st = None
    state_place = None
    if ss is not None and se is not None:
        st = state_code(text[ss:se])
        if st:
            state_place = Place(ss, se, text[ss:se], "state", st)
    return Place(cs, ce, text[cs:ce], "city", st, city_words), state_place


_DATELINE_AFTER = re.compile(r"[ \t]*(?:,[ \t]*[A-Z][\w. ]{0,25}?)?[ \t]*(?:\([^()\n]{1,60}\))?[ \t]*(?:—|–|--|-)[ \t]")


def is_dateline_mention(text: str, p: Place) -> bool:
    """Is ``p`` a paragraph's dateline ("JOHANNESBURG - The community in Benoni ...")? It tells
    where the story was filed, not where the action is, when the sentence names another town."""
    line_start = text.rfind("\n", 0, p.start) + 1
    return not text[line_start : p.start].strip() and _DATELINE_AFTER.match(text, p.end) is not None


_HERE = re.compile(r"\bhere\b", re.IGNORECASE)


def without_datelines(text: str, cities: list[Place], end: int | None = None) -> list[Place]:
    """``cities`` of one sentence (ending at ``end``) without a dateline city when the sentence
    names another -- unless it tells an action "here" (the dateline's)."""
    lines = [c for c in cities if is_dateline_mention(text, c)]
    if not lines or all(c in lines or c.city_key in {x.city_key for x in lines} for c in cities):
        return cities
    if _HERE.search(text, lines[0].end, end if end is not None else len(text)):
        return cities
    if _named_again(text, lines[0], end):
        return cities  # "ELMWOOD, Calif. - Elmwood State University students protested ...": its venue
    return [c for c in cities if c not in lines]


def _named_again(text: str, line: Place, end: int | None) -> bool:
    """Does the sentence name the dateline's city again after it, inside a longer name the
    gazetteer leaves out ("Elmwood State University", "the Elmwood Public Library"): the
    action's own venue is in the dateline's city."""
    name = re.escape(line.quote)
    return re.search(rf"\b{name}\b", text[line.end : end if end is not None else len(text)], re.IGNORECASE) is not None


_LISTED = re.compile(r"\b(?:including|such as|among them|notably)\s+(?:in\s+|at\s+)?(?:the\s+)?$", re.IGNORECASE)


#: a list of names closed by "and other towns" ("in Elmford, Dunmore and other towns"): examples of many sites
_LISTED_WITH_OTHERS = re.compile(
    r"[A-Z][\w'’.-]*(?:[ \t][A-Z][\w'’.-]*){0,2}(?:,[ \t]*[A-Z][\w'’.-]*(?:[ \t][A-Z][\w'’.-]*){0,2}){0,8},?"
    r"[ \t]+and[ \t]+(?:many[ \t]+|several[ \t]+|some[ \t]+)?other[ \t]+(?:towns|cities|counties|parts|areas|regions)\b"
)


def listed_with_action(text: str, start: int) -> bool:
    """Is the place at ``start`` an example listed after the action's words ("gathered at
    dealerships nationwide, including in Los Angeles", "cities such as Lyon"), or one of a list
    closed by "and other towns" ("protests in Elmford, Dunmore and other towns")?"""
    from protestdb.extract.series import listed_in_series

    return (_LISTED.search(text, max(0, start - 30), start) is not None
            or _LISTED_WITH_OTHERS.match(text, start, min(len(text), start + 240)) is not None
            or listed_in_series(text, start))  # "including Elmford, Dunmore and Riverton": each name


def headline_place(layout: Layout, found: list[Place]) -> Place | None:
    """The single city named in the headline lines, if exactly one is (not one naming an
    incident: "Fairview shooting victims")."""
    heads = [(x.start, x.end) for x in layout.sentences if x.kind == "headline"]
    if not heads:
        return None
    # "Elmwood vigil honors Fairview shooting victims": Fairview names the incident, not a site
    cities = [p for p in found if p.kind == "city" and p.city_key and any(a <= p.start < b for a, b in heads)
              and not (incident_name(layout.text, p) and not only_town(p, found))]
    if len({p.city_key for p in cities}) != 1:
        return None
    return cities[0]


@lru_cache(maxsize=4)
def _sub_place_cues(lang: str) -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    lex = load_lang("venues", lang)

    def alt(words: list[str]) -> str:
        return "|".join(sorted((re.escape(w) for w in words), key=len, reverse=True))

    before = re.compile(rf"\b(?:{alt(lex.get('neighborhood_before', []))})\s+(?:the\s+)?$", re.IGNORECASE)
    after = re.compile(rf"^\s+(?:{alt(lex.get('neighborhood_after', []))})\b", re.IGNORECASE)
    prefix = re.compile(rf"\b(?:{alt(lex.get('venue_prefixes', []))})\s+(?:de\s+|del\s+)?$", re.IGNORECASE)
    return before, after, prefix


@lru_cache(maxsize=1)
def _listed_neighborhoods() -> frozenset[tuple[str, str]]:
    """(name, parent city) of the neighbourhoods the geo data lists ("IL|Pilsen": Chicago),
    lowercased; empty without the geo stage."""
    try:
        from protestdb.geo.gazetteer import load_json

        listed = load_json("neighborhoods.json")["neighborhoods"]
    except (ImportError, OSError, KeyError):
        return frozenset()
    return frozenset((k.split("|", 1)[1].lower(), v.lower()) for k, v in listed.items())


#: the words between a neighbourhood and the city told right after it: "Pilsen, Chicago",
#: "Pilsen in Chicago", "the Pilsen neighborhood of Chicago", "barrio de Pilsen, en Chicago"
_HOST_GAP = re.compile(
    r"(?:\s+(?:neighbou?rhood|barrio|district|section|area|vecindario))?\s*,?\s*(?:(?:of|in|en|de)\s+)?(?:the\s+)?",
    re.IGNORECASE,
)


def _host_city_after(text: str, p: Place, nxt: Place | None, cued: bool) -> Place | None:
    """The city told right after ``p`` that ``p`` is a part of: the geo data lists ``p`` as a
    neighbourhood of it, or a neighbourhood word is told with ``p`` ("el barrio de X, en Y")."""
    if nxt is None or nxt.kind != "city" or not nxt.locality or nxt.locality == p.locality:
        return None
    gap = text[p.end : nxt.start]
    if len(gap) > 30 or "\n" in gap or not _HOST_GAP.fullmatch(gap):
        return None
    if cued or (p.quote.lower(), nxt.locality.lower()) in _listed_neighborhoods():
        return nxt
    return None


def sub_places(text: str, found: list[Place], dateline: Place | None, lang: str = "en") -> list[Place]:
    """Places re-read as parts of a city or as venues, so they open no event of their own:
    "Crown Heights, Brooklyn" (a place followed by a neighbourhood of a city lies in that
    city), "the Fairmount neighborhood" / "el barrio de X" (a neighbourhood of the dateline
    city, else of the city told before it), "parque X" / "calle X" (a venue)."""
    before, after, prefix = _sub_place_cues(lang)
    out: list[Place] = []
    hosted: dict[str, Place] = {}  # a name read as a part of the city told after it
    ordered = sorted(found, key=lambda p: p.start)
    for i, p in enumerate(ordered):
        if p.kind != "city":
            out.append(p)
            continue
        nxt = ordered[i + 1] if i + 1 < len(ordered) else None
        m = prefix.search(text[max(0, p.start - 20) : p.start])
        if m is not None:
            s = p.start - (len(text[max(0, p.start - 20) : p.start]) - m.start())
            out.append(Place(s, p.end, text[s : p.end], "venue"))
            continue
        if (
            nxt is not None
            and nxt.kind == "neighborhood"
            and nxt.locality
            and nxt.locality != p.locality
            and re.fullmatch(r",\s*", text[p.end : nxt.start])
        ):
            out.append(Place(p.start, p.end, p.quote, "neighborhood", nxt.state, nxt.locality, nxt.country))
            continue
        cued = bool(before.search(text[max(0, p.start - 30) : p.start]) or after.match(text[p.end : p.end + 20]))
        host = _host_city_after(text, p, nxt, cued)
        if host is not None:
            out.append(Place(p.start, p.end, p.quote, "neighborhood", host.state, host.locality, host.country or "US"))
            hosted[p.quote.lower()] = out[-1]
            continue
        if cued:
            host = dateline if dateline is not None and dateline.locality else None
            if host is None:
                host = next((q for q in reversed(out) if q.kind == "city" and q.locality), None)
            if host is not None and host.locality != p.locality:
                out.append(Place(p.start, p.end, p.quote, "neighborhood", host.state, host.locality, host.country or "US"))
                continue
        out.append(p)
    return _same_name_parts(out, hosted)


def _same_name_parts(found: list[Place], hosted: dict[str, Place]) -> list[Place]:
    """One sense per text: a name read once as a part of the city told after it ("Pilsen,
    Chicago") is that part wherever else the text tells it ("a rally in Pilsen"); a name the
    geo data lists as a neighbourhood of a US city the text names, read abroad or in no state
    ("Pilsen" -> CZ), is that neighbourhood."""
    named = {p.locality.lower(): p for p in found if p.kind == "city" and p.locality and p.country in (None, "US")}
    listed = {name: named[city] for name, city in _listed_neighborhoods() if city in named}
    if not hosted and not listed:
        return found
    out = []
    for p in found:
        key = p.quote.lower()
        h = hosted.get(key) if p.kind == "city" else None
        if h is None and p.kind == "city" and (p.country not in (None, "US") or not p.state):
            h = listed.get(key)
        out.append(p if h is None else Place(p.start, p.end, p.quote, "neighborhood", h.state, h.locality, h.country or "US"))
    return out


@lru_cache(maxsize=4)
def _site_patterns(lang: str) -> dict[str, re.Pattern[str]]:
    lex = load_lang("sites", lang)
    out = {k: re.compile(v, re.IGNORECASE) for k, v in lex.items() if not k.startswith("_") and isinstance(v, str)}
    out["capitol"] = re.compile(lex["capitol"])  # a capitalised "Capitol"
    return out


def capitol_place(text: str, found: list[Place], lang: str = "en") -> Place | None:
    """A text that names one US state and "the Capitol" (not the U.S. Capitol) tells of that
    state's capital: a place of kind city at the word, in the capital ("rallied on the Capitol
    lawn" in a report on Wisconsin -> Madison). None with no or several states."""
    states = {p.state for p in found if p.kind == "state" and p.state and p.country in (None, "US")}
    if len(states) != 1:
        return None
    st = next(iter(states))
    capital = load_lang("sites", lang)["state_capitals"].get(st)
    m = _site_patterns(lang)["capitol"].search(text)
    if capital is None or m is None:
        return None
    return Place(m.start(), m.end(), m.group(0), "city", st, capital, "US")


@lru_cache(maxsize=4)
def _landmarks(lang: str) -> tuple[list[tuple[re.Pattern[str], tuple[str, str, str | None]]], re.Pattern[str] | None]:
    lex = lang_entry("landmarks", lang, "landmarks") or {}
    before = lang_entry("landmarks", lang, "site_before")
    marks = [(re.compile(rf"(?<![\w-])(?:{k})(?![\w-])"), (v[0], v[1], v[2])) for k, v in lex.items()]
    return marks, re.compile(before, re.IGNORECASE) if before else None


def landmark_place(text: str, lang: str = "en", spans: list[tuple[int, int]] | None = None) -> Place | None:
    """A landmark that stands for its city (a national seat of government, a square known for
    gatherings: ``data/landmarks_<lang>.json``), told as a site ("gathered outside the Dail" ->
    Dublin, IE; not "the White House said"): a place of kind city at its words. None when no
    landmark or landmarks of several cities are named. With ``spans`` (the sentences that tell
    the action), only a landmark inside one of them counts."""
    marks, before = _landmarks(lang)
    found: list[Place] = []
    for rx, (city, country, state) in marks:
        for m in rx.finditer(text):
            if spans is not None and not any(a <= m.start() < b for a, b in spans):
                continue
            if before is not None and before.search(text, max(0, m.start() - 30), m.start()):
                found.append(Place(m.start(), m.end(), m.group(0), "city", state, city, country))
                break
    if len({(p.locality, p.country) for p in found}) != 1:
        return None
    return min(found, key=lambda p: p.start)


@lru_cache(maxsize=4)
def _local_body(lang: str) -> re.Pattern[str] | None:
    alt = words_alternation(lang_entry("place_words", lang, "local_bodies"))
    return re.compile(rf"[ \t]+(?:{alt})(?![\w-])", re.IGNORECASE) if alt else None


def local_body_cities(text: str, lang: str = "en") -> list[Place]:
    """Cities the text names only as the qualifier of their own local government ("the
    Elmwood police chief told the city council", "Elmwood City Council members"): not sites
    themselves (``place_tail`` drops them), but the town whose officials the text quotes.
    Names told as people are none."""
    geo = _geo()
    pat = _local_body(lang)
    if geo is None or pat is None:
        return []
    out = []
    for pm in geo.find_places(text):
        if pm.kind != "city" or getattr(pm, "is_dateline", False) or not pm.locality:
            continue
        m = pat.match(text, pm.end, min(len(text), pm.end + 40))
        if m is None or "\n" in m.group(0) or is_person(text, pm.start, pm.end, [], lang):
            continue
        out.append(Place(pm.start, pm.end, pm.quote, "city", pm.state, pm.locality, getattr(pm, "country", None)))
    return out


@lru_cache(maxsize=4)
def _town_venue(lang: str) -> tuple[re.Pattern[str], frozenset[str]] | None:
    try:
        lex = load_lang("place_words", lang)
    except (FileNotFoundError, KeyError):
        return None
    heads = lex.get("town_venue_heads", ())
    if not heads:
        return None
    alt = "|".join(sorted(heads, key=len, reverse=True))
    rx = re.compile(rf"((?:[A-Z][\w'’.-]*[ \t]+){{1,3}}?)(?:{alt})\Z")
    return rx, frozenset(n.lower() for n in lex.get("venue_namesakes", ()))


@lru_cache(maxsize=4)
def _state_heads(lang: str) -> re.Pattern[str] | None:
    alt = words_alternation(lang_entry("place_words", lang, "town_venue_needs_state") or ())
    return re.compile(rf"\s*(?:{alt})\s*$") if alt else None


def _needs_state(head: str, lang: str) -> bool:
    """Is a venue head one that gives its town only with the town's state told (a hospital)?"""
    rx = _state_heads(lang)
    return rx is not None and rx.fullmatch(head) is not None


def venue_town(v: Place, state: str | None, lang: str = "en") -> Place | None:
    """The town a venue is named after, in the state the text gives ("Oxford High School in
    Michigan" -> Oxford, MI; "Elmwood City Hall"): US schools and civic buildings mostly carry
    their town's name. A name of a person schools are named after ("Lincoln High School") is none.
    ``state`` None (a text that names no place at all): the most populous US town of the name."""
    spec = _town_venue(lang)
    if spec is None or v.kind != "venue":
        return None
    rx, namesakes = spec
    m = rx.fullmatch(v.quote)
    if m is None:
        return None
    name = m.group(1).strip()
    if name.lower() in namesakes or (state is None and _needs_state(v.quote[m.end(1):], lang)):
        return None
    try:
        from protestdb.geo.resolve import best_place
    except ImportError:  # the geo stage is not installed
        return None
    p = best_place(name, state, "US")
    if p is None or p.kind == "neighborhood":
        return None
    if state is None and _bigger_abroad(name, p.population):
        return None  # no state told: "Wellington Hospital" is New Zealand's before Florida's
    return Place(v.start, v.start + len(name), name, "city", state or p.admin1, p.name, "US")


#: a venue abroad stands in the city it is named after only when that city is this big
VENUE_CITY_ABROAD_MIN_POP = 100000
_VENUE_NAME_WORD = re.compile(r"[A-Z][\w'’-]*\Z")


@lru_cache(maxsize=1)
def _street_venue_rx() -> re.Pattern[str]:
    """A venue whose head is a street word (``data/place_words_en`` route_street_words)."""
    words = lang_entry("place_words", "en", "route_street_words") or ()
    return re.compile(rf"\b(?:{'|'.join(words) or '(?!)'})\.?\s*\Z", re.IGNORECASE)


def venue_city_abroad(v: Place, country: str | None) -> Place | None:
    """The city a venue abroad is named after, in the text's ``country`` ("across the Elmbridge
    Harbour Bridge", "outside the Riverton Magistrates Court" -> that city): the name's first
    one or two capitalised words when they are a city of that country of at least
    ``VENUE_CITY_ABROAD_MIN_POP``. None at home (the US venue readings are ``venue_town``'s)."""
    if v.kind != "venue" or not country or country == "US":
        return None
    if _street_venue_rx().search(v.quote):  # "Sydney Road", "London Rd.": a street, in any town
        return None
    words = v.quote.split()
    if words and words[0].lower() == "the":
        words = words[1:]
    try:
        from protestdb.geo.resolve import best_place
    except ImportError:  # the geo stage is not installed
        return None
    for n in (2, 1):
        if len(words) <= n or not all(_VENUE_NAME_WORD.match(w) for w in words[:n]):
            continue
        name = " ".join(words[:n])
        p = best_place(name, None, country)
        if p is None or p.kind == "neighborhood" or p.population < VENUE_CITY_ABROAD_MIN_POP:
            continue
        start = v.start + v.quote.index(name)
        return Place(start, start + len(name), name, "city", None, p.name, country)
    return None


def _bigger_abroad(name: str, us_pop: int) -> bool:
    """Does a town abroad of that name outsize the US one?"""
    from protestdb.geo.normalize import norm_name
    from protestdb.geo.resolve import candidates

    return any(c.country != "US" and c.population >= us_pop for c in candidates(norm_name(name)))


@lru_cache(maxsize=4)
def _official_of(lang: str) -> re.Pattern[str] | None:
    alt = words_alternation(lang_entry("place_words", lang, "officials_of"))
    if alt is None:
        return None
    return re.compile(rf"\b(?:{alt})[ \t]+of[ \t]+(?:the[ \t]+)?(?:city[ \t]+of[ \t]+)?\Z", re.IGNORECASE)


def official_city(text: str, state_place: Place, found: list[Place], lang: str = "en") -> Place | None:
    """The city whose address a state word completes when the city is told as its officials'
    ("the mayor of Elmwood, Ohio, imposed a curfew after protesters ..."): the state names no
    place of its own there; the city does."""
    pat = _official_of(lang)
    if pat is None or state_place.kind != "state" or not state_place.state:
        return None
    for p in found:
        if p.kind != "city" or p.state != state_place.state or p.end > state_place.start:
            continue
        if re.fullmatch(r",[ \t]*", text[p.end : state_place.start]) and pat.search(text, max(0, p.start - 40), p.start):
            return p
    return None


_FROM = re.compile(r"\bfrom\s+", re.IGNORECASE)
_IN_BEFORE = re.compile(r"\b(?:in|at)\s+$", re.IGNORECASE)
_STATE_WORDS_AFTER = re.compile(r",\s*([A-Z][\w.]*(?:\s[A-Z][\w.]*)?)")


def us_place_abroad(text: str, p: Place, found: list[Place] | None = None) -> bool:
    """A place the gazetteer put in a US state while the text is about another country and no
    state words follow it ("Paris" in a report on French strikes): never a site of its own.
    With the text's ``found`` places: also a US reading of a name whose biggest namesake is
    abroad ("Birmingham", "Perth") in a text with no US state or country in sight."""
    if not p.state or p.country not in (None, "US"):
        return False
    m = _STATE_WORDS_AFTER.match(text, p.end, min(len(text), p.end + 30))
    if m is not None and state_code(m.group(1)):
        return False  # "Paris, Texas"
    if text_country(text) not in (None, "US"):
        return True
    if found is None or any(q.kind in ("state", "country") and q.country in (None, "US") for q in found):
        return False
    return _bigger_namesake_abroad(p.quote)


@lru_cache(maxsize=2048)
def top_namesake_country(name: str) -> str | None:
    """The country of the most populous place called ``name`` (no neighbourhoods); None when the
    gazetteer knows no such place or the geo stage is not installed."""
    try:
        from protestdb.geo.normalize import name_variants
        from protestdb.geo.resolve import candidates
    except ImportError:  # the geo stage is not installed
        return None
    for variant in name_variants(name):
        cands = [c for c in candidates(variant) if c.kind != "neighborhood"]
        if cands:
            return max(cands, key=lambda c: c.population).country
    return None


def _bigger_namesake_abroad(name: str) -> bool:
    """Is the most populous place called ``name`` outside the US?"""
    top = top_namesake_country(name)
    return top is not None and top != "US"


def _ranged(text: str, lo: int, p: Place, pats: dict[str, re.Pattern[str]]) -> bool:
    """Is ``p`` an end of a range of sites ("From Boston to Denver, crowds gathered", "in other
    cities, from Salem to Eugene")? Not when a travel word before the range makes it an origin
    and a destination ("workers marched from Delano to Sacramento")."""
    before = text[max(lo, p.start - 120) : p.start]
    froms = list(_FROM.finditer(before))
    if not froms:
        return False
    f = froms[-1]
    fpos = p.start - len(before) + f.start()
    at_from = f.end() == len(before) or re.fullmatch(r"the\s+", before[f.end() :], re.IGNORECASE) is not None
    if not at_from:
        if pats["range_to"].search(before, f.end()) is None:
            return False  # "from the steps of the court to Denver": the place is the range's end
    elif re.match(r"(?:,\s*[A-Z][\w.]*\.?(?:\s[A-Z][\w.]*)?,?)?\s+to\s", text[p.end : p.end + 40]) is None:
        return False  # "from Denver" with no "to": an origin
    # the 40 characters before "from" (from the sentence start when nearer: "From X to Y, ...")
    if pats["range_from"].search(text[max(lo, fpos - 40) : fpos]) is None:
        return False
    return pats["travel"].search(text, max(lo, fpos - 200), fpos) is None


def _clause_opening(text: str, lo: int, hi: int, p: Place, pats: dict[str, re.Pattern[str]]) -> bool:
    """Does a clause after the sentence's first open on ``p`` and the crowd acting there ("In
    Elmford, 300 people gathered and in Dunmore, hundreds marched", "...; in Fairview, Ohio,
    dozens of students walked out")? The place is that clause's site, whatever the parse says."""
    frame, crowd = pats.get("clause_frame"), pats.get("clause_crowd")
    if frame is None or crowd is None or frame.search(text, max(lo, p.start - 30), p.start) is None:
        return False
    return crowd.match(text, p.end, min(hi, p.end + 80)) is not None


def _listed_after(text: str, lo: int, prev_site: int | None, p: Place, pats: dict[str, re.Pattern[str]]) -> bool:
    """Is ``p`` the next item of a list whose last site ends at ``prev_site`` ("in A, B and C")?
    Names the gazetteer does not know may stand between them ("A, Elmbrook, Oakvale, B": each
    a capitalised item between commas), and a sentence splitter's break inside the list (no
    sentence end, no line break between the items) does not end it."""
    if prev_site is None or (prev_site < lo and "\n" in text[prev_site : p.start]):
        return False
    gap = text[prev_site : p.start]
    if len(gap) <= 40 and pats["list_gap"].search(gap) is not None:
        # the gap holds no punctuation but commas: a break is crossed unless the text before it
        # ends a sentence (a previous item ending in a period: "..., Mo. And")
        return prev_site >= lo or not _SENT_END.fullmatch(text[max(0, lo - 40) : lo].rstrip()[-1:])
    return len(gap) <= 80 and pats["list_names_gap"].search(gap) is not None


_SENT_END = re.compile(r"[.!?;:]")


#: how far before a spreading verb its subject is looked for ("The protests, so far confined to ...")
SPREAD_SUBJECT_CHARS = 200


def spread_to(text: str, lo: int, start: int, lang: str = "en") -> bool:
    """Is the place at ``start`` where an action is told as spreading ("the protests spread on
    Friday to Elmford", "strikes, so far confined to Dunmore, spilled over to Oakvale")? A site,
    not a destination, when the verb's own subject is an action (the clause opens on it, at most
    a short phrase or parenthetical before the verb; not "a curfew imposed after the protests
    was extended to") and the sentence (from ``lo``) tells nothing hoped, feared or conditional
    ("hoped the protests would spread to", "could spread to ... if talks fail")."""
    pats = _site_patterns(lang)
    if "spread_to" not in pats:
        return False
    m = pats["spread_to"].search(text, max(lo, start - 60), start)
    if m is None:
        return False
    v = m.start()
    from_lo = v - lo <= SPREAD_SUBJECT_CHARS
    seg = text[max(lo, v - SPREAD_SUBJECT_CHARS) : v]
    s = pats["spread_subject"].search(seg)
    if s is None or (s.start() == 0 and not from_lo and not seg[:1].isspace()):
        return False
    aux = s.group("aux") or ""
    if m.group("verb").lower() in ("extended", "spread", "spilled", "spilt") and re.search(
            r"\b(?:is|was|were|are|be|been|being)\b", aux, re.IGNORECASE):
        return False  # a passive: something else was extended to the place
    end = _SENT_END.search(text, start, start + 160)
    tail = text[start : end.start() if end is not None else start + 160]
    return pats["spread_unreal"].search(text[lo:v]) is None and re.search(r"\b(?:if|unless)\b", tail) is None


def site_places(text: str, found: list[Place], bounds: Any, lang: str = "en") -> set[int]:
    """Ids of the cities told as an action's sites by their frame, whatever the words around
    them seem to say ("from", "to", "of" read as origins; a clause that tells no action):
    the ends of a range of sites ("From Boston to Denver, crowds ..."), a place listed after
    the action ("including Toronto") and the places listed after it ("... and Vancouver"),
    the place a sentence opens on ("In Lyon, thousands marched"), "in the southern part of
    X". ``bounds(pos)`` gives the (start, end) of the sentence holding ``pos``."""
    pats = _site_patterns(lang)
    out: set[int] = set()
    prev_site: int | None = None  # where the last site (or the state told after it) ends
    for p in sorted(found, key=lambda q: q.start):
        if p.kind in ("state", "country"):
            if prev_site is not None and re.fullmatch(r"[\s,]*", text[prev_site : p.start]):
                prev_site = p.end  # "Charlotte, N.C., and Denver": the state belongs to the item
            continue
        if p.kind not in ("city", "neighborhood"):
            continue
        lo, hi = bounds(p.start)
        site = (
            listed_with_action(text, p.start)
            or pats["part_of"].search(text[max(lo, p.start - 40) : p.start]) is not None
            or (p.start - lo <= 60 and pats["initial_frame"].search(text[lo : p.start]) is not None
                and text[p.end : p.end + 1] == ",")
            or _clause_opening(text, lo, hi, p, pats)
            or _ranged(text, lo, p, pats)
            or pats["campus_of"].search(text[max(lo, p.start - 30) : p.start]) is not None
            or pats["crowd_in"].search(text[max(lo, p.start - 70) : p.start]) is not None
            or (_IN_BEFORE.search(text[max(lo, p.start - 10) : p.start]) is not None
                and pats["count_after"].search(text[p.end : min(hi, p.end + 90)]) is not None)
            or _listed_after(text, lo, prev_site, p, pats)
            or spread_to(text, lo, p.start, lang)
        )
        if site and not us_place_abroad(text, p, found):
            out.add(id(p))
            prev_site = p.end
        else:
            prev_site = None
    return out
