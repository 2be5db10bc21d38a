"""Organizations (spaCy ORG entities, list patterns, acronym merge) and person-title checks."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from protestdb.extract import linear_model
from protestdb.extract.gate import lowered, may_match, narrow
from protestdb.extract.lexicons import any_rx, load, rx
from protestdb.extract.spans import entities

Span = tuple[int, int, str]
_CONNECT = {"of", "for", "and", "the", "de", "del", "la", "los", "las", "y", "el", "on", "in", "&", "por", "para", "en", "against", "to", "una", "un",
            "te"}  # (Maori "te", the: "Toitu te Tiriti")
# prepositions that join a name only when no place, venue or time follows ("Council on
# American-Islamic Relations" -- but "Mothers for Peace | in Phoenix", "| on Saturday")
_PLACE_PREPS = {"in", "on", "en", "to"}
_ABBR = re.compile(r"(?:[A-Z]\.)+|(?:St|Jr|Sr|Inc|Co|Corp|Mt|Ft|Bros|Ltd)\.")
_DESCRIBED = re.compile(
    r"\b(?:group|center|centre|organization|organisation|nonprofit|coalition|collective|network|union|"
    r"movement|campaign|chapter|committee|alliance|itself|themselves)\s+$",
    re.IGNORECASE,
)
_WORD = re.compile(r"[\w&'’.-]+")
_ACRO = re.compile(r"(?: (?:coalition|union|alliance|movement|network|campaign|federation))?\s*\(([A-Z0-9][A-Za-z0-9&-]{1,11})\)")


Cand = tuple[int, int, bool]  # start, end, named by an organizer cue


@dataclass
class Org:
    name: str
    spans: list[Span] = field(default_factory=list)
    acronym: str | None = None
    #: named as a group: by an organizer cue, an agent or people word, an appositive
    #: ("organized by X", "the ABC union"), or by a group word of its own ("X Union")
    group_named: bool = False


def _lex() -> dict[str, Any]:
    return load("orgs_en")


def _strip(text: str, s: int, e: int) -> tuple[int, int]:
    while True:
        q = text[s:e]
        if not q:
            return s, s
        low = q.lower()
        if "(" in q and ")" not in q[q.index("(") :]:
            e = s + q.index("(")  # "Families United (FUHD": an entity cut inside the acronym
        elif " - " in q:
            s += q.rindex(" - ") + 3  # "Georgia - The Students for Safe Schools": a dateline dash
        elif n := _lead_article(q):
            s += n
        elif (m := _LEAD_DATE.match(q)) and m.end() < len(q):
            s += m.end()  # "2019-10-16 Members of the ...": a caption's date stamp before the words
        elif (m := _LEAD_COUNT.match(q)) and m.end() < len(q):
            s += m.end()  # "About 50 Clean Harbor Now activists": the crowd's figure is no part
        elif (m := _role_prefix().match(q) or _officer_of().match(q)) and m.end() < len(q):
            # "Members of the Tenant Power Network"; "Vice President of the ...": the title is a person's
            s += m.end()
        elif (m := _title_cut().search(q)) and m.start() > 0:
            e = s + m.start()  # "Farm Workers Union President Dana Cruz": the person is no part
        elif (m := _title_tail().search(q)) and m.start() > 0:
            e = s + m.start()  # "the Farm Workers Union General Secretary, Dana Cruz"
        elif (m := _LED.match(q)) and m.end() < len(q):
            s += m.end()  # "the Dana Cruz-led Fair Rent Alliance": the leader is no part
        elif q[:1] in " ,“\"'(":
            s += 1
        elif q[-1:] in " ,.;:”\"')":
            e -= 1
        elif low.endswith("’s") or low.endswith("'s"):
            e -= 2
        else:
            return s, e


_ES_ARTICLE = re.compile(r"(?:El|La|Los|Las|el|la|los|las)\s+")


def _lead_article(q: str) -> int:
    """Length of an article opening the name: "the ", or a Spanish one before a group word that
    opens the name ("El Sindicato de ..."; never "Los Angeles ...")."""
    if q[:4].lower() == "the ":
        return 4
    m = _ES_ARTICLE.match(q)
    return m.end() if m is not None and _head_first_rx().match(q, m.end()) else 0
_LEAD_DATE = re.compile(r"\d{4}-\d{2}-\d{2}\s+|\d{1,2}/\d{1,2}/\d{2,4}\s+")
_LEAD_COUNT = re.compile(
    r"(?:About|Around|Some|Nearly|Roughly|Approximately|Almost|Over|More than|Up to|At least)\s+\d[\d,]*\s+(?=[A-Z])"
)
_LED = re.compile(r"(?:[\w.'’]+\s+){0,3}?[\w'’]+-(?:led|backed|based|founded|affiliated|aligned)\s+(?=[A-Z0-9])")


@lru_cache(maxsize=1)
def _officer_of() -> re.Pattern[str]:
    """An officer's title, then "of"/"for", opening a name run (``title_lead``, ``officer_of``)."""
    titles = [*_lex().get("title_lead", ()), *_lex().get("officer_of", ())]
    alt = "|".join(sorted(map(re.escape, titles), key=len, reverse=True))
    return re.compile(
        rf"(?:(?:Vice|Deputy|Assistant|Acting|Interim)[\s-]+)?(?:{alt})\s+(?:of|for)\s+(?:the\s+)?(?=[A-Z0-9])"
        if alt else r"(?!)", re.IGNORECASE)


@lru_cache(maxsize=1)
def _title_tail() -> re.Pattern[str]:
    return re.compile(_lex().get("title_tail", r"(?!)"))


@lru_cache(maxsize=1)
def _title_cut() -> re.Pattern[str]:
    return re.compile(_lex().get("title_cut", r"(?!)"))


@lru_cache(maxsize=1)
def _not_org_names() -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    """Call letters, outlet names and site names: never organizers (``data/orgs_en.json``)."""
    lex = _lex()
    return (re.compile(lex.get("call_letters", r"(?!)")), re.compile(lex.get("outlet_tail", r"(?!)")),
            re.compile(lex.get("venue_tail", r"(?!)")))


@lru_cache(maxsize=1)
def _role_prefix() -> re.Pattern[str]:
    return re.compile(_lex().get("role_prefixes", r"(?!)"), re.IGNORECASE)


def title_before(text: str, start: int) -> bool:
    """Is the name at ``start`` preceded by a person title ("Sen.", "candidate", "Mayor")?"""
    before = text[max(0, start - 40) : start].lower()
    return _title_rx().search(before) is not None


@lru_cache(maxsize=1)
def _title_rx() -> re.Pattern[str]:
    """One pattern for all person titles: a title, maybe one lowercase word, then the name."""
    alt = "|".join(re.escape(t) for t in _lex()["person_titles"])
    return re.compile(rf"(?:^|\W)(?:{alt})\s+(?:[a-z]+\s+)?$")


@lru_cache(maxsize=1)
def _junk_rx() -> tuple[re.Pattern[str], frozenset[str]]:
    lex = _lex()
    return re.compile(lex.get("junk_name", r"(?!)")), frozenset(lex.get("not_org_acronyms", ()))


def junk_name(name: str) -> bool:
    """Never an organization wherever found (``junk_name``, ``not_org_acronyms`` of
    ``data/orgs_en.json``): menu text, "a ... Day", a bare "The", figures, a park, a bare
    acronym of a document, offence, title or law ("PDF", "RN")."""
    rx, acronyms = _junk_rx()
    return bool(rx.search(name)) or name.lower() in acronyms


def _has_org_word(name: str) -> bool:
    words = re.split(r"[\s-]+", name.lower())
    return any(w in _lex()["org_words"] for w in words)


def _is_orgish(name: str, from_list: bool) -> bool:
    lex = _lex()
    low = name.lower()
    if low in lex["never_org"] or len(name) < 2 or _state_or_country(name) or junk_name(name):
        return False
    if len(words := low.split()) >= 2 and words[-1] in lex.get("day_heads", ()):
        return False  # "May Day", "Invasion Day": an action's day
    calls, outlet, site = _not_org_names()
    if calls.search(name) or outlet.search(name) or (not from_list and site.search(name)):
        return False  # "KXYZ", "the Daily Courier"; "Riverside Assembly Complex" unless a cue names it
    if re.search(r"\b(?:County|Parish|Borough|Township)$", name):
        return False  # "speakers from Kern County": a place (its government is no organizer either)
    if any(w in low for w in lex["agency_always"]):
        return False
    if lex.get("agency_tail") and re.search(lex["agency_tail"], name):
        return False  # "Justice Department", "Louisville Metro Council"
    if lex.get("agency_head") and rx(lex["agency_head"], 0).match(name):
        return False  # "Ministerio de Trabajo", "Consejo de Estado": a government body named head first
    if (
        _agency_words_rx(tuple(lex["agency_words"])).search(low) and not _has_org_word(name.replace("Council", ""))
        and not ((from_list or _movement_name(name)) and _agency_word_modifies(low))
    ):
        return False
    if from_list:
        return name[:1].isupper() or name[:1].isdigit()
    if _has_org_word(name) or _movement_name(name):
        return True
    return bool(re.fullmatch(r"[A-Z][A-Z0-9&-]{1,9}", name))


def _movement_name(name: str) -> bool:
    """A movement named after its action ("School Strike for Earth", "Freedom Convoy"): two or
    more words, one of them a movement noun (``data/orgs_en.json`` "movement_nouns")."""
    words = name.split()
    return len(words) >= 2 and any(w in _lex().get("movement_nouns", ()) for w in words)


def _agency_word_modifies(low: str) -> bool:
    """Every agency word of the lowered name only modifies a later word of its own name
    ("School Strike for Earth", "Police Accountability Now"): a group a cue names, not the
    school or the police ("Lincoln High School", "University of Somewhere" keep their head)."""
    hits = list(_agency_words_rx(tuple(_lex()["agency_words"])).finditer(low))
    return bool(hits) and all(
        m.end() < len(low) and not re.match(r"\s+(?:of|for|de)\b", low[m.end() :]) for m in hits
    )


@lru_cache(maxsize=4)
def _agency_words_rx(words: tuple[str, ...]) -> re.Pattern[str]:
    """One search for "any of the agency words as a whole word" (was one search per word)."""
    return re.compile("|".join(rf"\b{re.escape(w)}\b" for w in words) or r"(?!)")


def _state_or_country(name: str) -> bool:
    """A US state told by its name (states only: ``_state_or_country_name`` adds countries)."""
    from protestdb.geo import state_code

    return bool(state_code(name)) and len(name) > 2


def _state_or_country_name(name: str) -> bool:
    """A US state or a country told by its name, not by a code ("Ohio", "Canada"; not "CAN")."""
    from protestdb.geo import country_code

    return _state_or_country(name) or (not name.isupper() and bool(country_code(name)))


def _cap_runs(text: str, s: int, e: int) -> list[tuple[int, int]]:
    """Capitalised name runs in text[s:e] (connector words allowed inside)."""
    out = []
    toks = [(m.start() + s, m.end() + s, m.group()) for m in re.finditer(r"[\w&'’.-]+", text[s:e])]
    known = _known_orgs()
    i = 0
    while i < len(toks):
        if toks[i][2][:1].isupper() or toks[i][2][:1].isdigit():
            j = i
            km = known.match(text, toks[i][0], e) if known is not None else None
            if km is not None:
                # a known name with a place preposition inside ("Students for Justice in Palestine")
                while j + 1 < len(toks) and toks[j + 1][1] <= km.end():
                    j += 1
            while j + 1 < len(toks):
                nxt = toks[j + 1][2]
                gap = text[toks[j][1] : toks[j + 1][0]]
                if any(c in gap for c in ",;()—–\n"):
                    break
                cur = toks[j][2]
                if cur.endswith(".") and ((len(cur) > 3 and not _ABBR.fullmatch(cur)) or cur[:-1].isdigit()):
                    break  # "San Antonio's Justice", "Matter 5280. Speakers": the name ends here
                if cur[-2:].lower() in ("'s", "’s") and cur[:-2].lower() in _lex()["org_words"]:
                    break  # "Sunrise Movement's Charlotte hub" -- but "Women's March" goes on
                if nxt[:1].isupper() or nxt[:1].isdigit():
                    j += 1
                elif nxt.lower() == "y" and j + 2 < len(toks) and (
                    toks[j + 2][2].lower() in ("la", "el", "los", "las") or _y_splits(toks, j)
                ):
                    break  # "FIEL Houston y la Red de Acción Migrante": a new article starts a new name
                elif nxt.lower() in _PLACE_PREPS and _place_follows(text, toks, j + 2) and not _acronym_after(
                    text, toks[i][0], _run_end(text, toks, j + 2)
                ):
                    break
                elif nxt.lower() in _CONNECT and nxt.lower() != "and" and j + 2 < len(toks) and toks[j + 2][2][:1].isupper():
                    j += 2
                elif (
                    nxt.lower() in _CONNECT and nxt.lower() != "and" and j + 3 < len(toks)
                    and (toks[j + 2][2].lower() in _CONNECT or toks[j + 2][2].lower() in ("a", "an"))
                    and toks[j + 2][2].lower() != "and" and toks[j + 3][2][:1].isupper()
                ):
                    j += 3  # "Familias Unidas por la Justicia", "Alliance for the Future", "Students for a Fair Vote"
                else:
                    break
            out.append((toks[i][0], toks[j][1]))
            i = j + 1
        else:
            i += 1
    return out


def _y_splits(toks: list[tuple[int, int, str]], j: int) -> bool:
    """Does Spanish "y" after token ``j`` start a new name? Yes when a group word follows it
    ("Sindicato de Inquilinos y Frente Estudiantil" -- but "Derechos Humanos y Civiles") or
    ends the name before it ("Nurses Association y Central Labor Council")."""
    words = set(_lex().get("advocacy_heads", ())) | set(_lex()["org_words"])
    return toks[j + 2][2].lower() in words or toks[j][2].lower() in words


@lru_cache(maxsize=1)
def _known_orgs() -> re.Pattern[str] | None:
    names = _lex().get("known_orgs", [])
    if not names:
        return None
    alt = "|".join(sorted((re.escape(n) for n in names), key=len, reverse=True))
    return re.compile(rf"(?:{alt})\b", re.IGNORECASE)


@lru_cache(maxsize=1)
def _time_words() -> frozenset[str]:
    return frozenset(w.lower() for w in _lex().get("time_words", []))


@lru_cache(maxsize=1)
def _venue_heads() -> frozenset[str]:
    return frozenset(h.lower() for h in load("venues_en").get("heads", [])) | frozenset(_lex().get("street_words", []))


@lru_cache(maxsize=4096)
def _is_place_name(words: str) -> bool:
    if _state_or_country(words):
        return True
    from protestdb.geo import country_code
    from protestdb.geo.normalize import norm_name
    from protestdb.geo.resolve import candidates

    return bool(country_code(words)) or bool(candidates(norm_name(words)))


def _run_end(text: str, toks: list[tuple[int, int, str]], k: int) -> int:
    """End of the capitalised words starting at token ``k`` (after an optional article)."""
    if k < len(toks) and toks[k][2].lower() in ("the", "a", "an"):
        k += 1
    if k >= len(toks):
        return toks[-1][1]
    while k + 1 < len(toks) and toks[k + 1][2][:1].isupper() and not any(
        c in text[toks[k][1] : toks[k + 1][0]] for c in ",;()—–\n"
    ):
        k += 1
    return toks[k][1]


def _acronym_after(text: str, start: int, end: int) -> bool:
    """Is the name ``text[start:end]`` followed by an acronym spanning it ("Living United for
    Change in Arizona (LUCHA)")? Then its preposition is part of the name."""
    m = re.match(r"\s*\(([A-Z](?:[A-Z&-]{1,11}|[a-z]{2,8}))\)", text[end : end + 16])
    if not m:
        return False
    caps = [w[0] for w in re.findall(r"[\w'’-]+", text[start:end]) if w[:1].isupper()]
    acro = m.group(1).upper()
    return len(caps) >= 2 and acro[0] == caps[0] and acro[-1] == caps[-1]


def _place_follows(text: str, toks: list[tuple[int, int, str]], k: int) -> bool:
    """Does a place, venue or time start at token ``k`` ("in Phoenix", "on Saturday",
    "in Encanto Park")? Then the preposition before it ends a name."""
    if k >= len(toks):
        return True
    first = toks[k][2]
    if first.lower() in ("the", "a", "an"):
        k += 1
        if k >= len(toks):
            return True
        first = toks[k][2]
    if not first[:1].isupper():
        return True
    if first.lower().rstrip(".") in _time_words():
        return True
    if first.lower() in _lex()["street_openers"]:
        return True  # "on South Campbell Avenue", "to downtown"
    words = [first]
    while k + 1 < len(toks) and toks[k + 1][2][:1].isupper() and not any(
        c in text[toks[k][1] : toks[k + 1][0]] for c in ",;()—–\n"
    ):
        k += 1
        words.append(toks[k][2])
    if any(w.lower().rstrip(".,") in _venue_heads() for w in words):
        return True
    return any(_is_place_name(" ".join(words[:n])) for n in range(len(words), 0, -1))


def _title_case_line(text: str, a: int) -> bool:
    """Is the line starting at ``a`` a headline in title case ("Workers Strike Over Pay Cuts")?"""
    end = text.find("\n", a)
    words = [w for w in _WORD.findall(text[a : end if end >= 0 else len(text)]) if w.lower() not in _CONNECT]
    return len(words) >= 4 and sum(w[:1].isupper() or w[:1].isdigit() for w in words) >= 0.8 * len(words)


def _headline_line(text: str, a: int) -> bool:
    """Is the line starting at ``a`` a short headline in title case (one line of at most 25
    words, no sentence ends inside it or at its end)? A body sentence full of names is none."""
    end = text.find("\n", a)
    line = text[a : end if end >= 0 else len(text)]
    return (len(line.split()) <= 25 and not re.search(r"[.!?][”\"]?\s+\S", line) and not line.rstrip().endswith(".")
            and _title_case_line(text, a))


def _fit_entity(text: str, a: int, b: int) -> tuple[int, int]:
    """A spaCy ORG span fitted to the capitalised name it starts: continued over connectors
    ("Familias Unidas" + " por la Justicia", "First Friends of" + " New Jersey"), a trailing
    connector dropped ("United Farm Workers and"); an entity across a paragraph break keeps
    its last line ("Springfield\n\nThe Farm Workers Union")."""
    if "\n" in text[a:b]:
        a = text.rindex("\n", a, b) + 1
        while a < b and text[a].isspace():
            a += 1
        if _title_case_line(text, a):
            return a, a  # a headline in title case: its capitalised words are no name
    if text[a:b].lower().startswith("the ") and b - a > 4:
        a += 4
    if _headline_line(text, text.rfind("\n", 0, a) + 1):  # a headline in title case: capitals mark no
        m = re.search(r"\s+(?:and|of|for|the|in|on|at|to|y|de|por|para)\s*$", text[a:b])  # name's end
        return a, a + m.start() if m else b  # ("Harbor Rail Workers | Strike Over ...", "Movement to| Rally")
    runs = _cap_runs(text, a, min(len(text), b + 80))
    if runs and runs[0][0] == a and runs[0][1] > b and not any(c in text[b : runs[0][1]] for c in ",;()\n"):
        return a, runs[0][1]
    if runs and runs[0][0] == a and runs[0][1] < b and re.match(r"\s+(?:at|in|on|near|outside|en)\s", text[runs[0][1] : b]):
        toks = [(m.start(), m.end(), m.group()) for m in _WORD.finditer(text, runs[0][1], b)]
        if _place_follows(text, toks, 1) and not _acronym_after(text, a, b):
            return a, runs[0][1]  # "Mothers for Peace at Encanto Park": the name ends before the venue
    m = re.search(r"\s+(?:and|of|for|the|in|on|at|y|de|por|para)\s*$", text[a:b])
    if m:
        return a, a + m.start()
    return a, b


def _acronym_spans(text: str, s: int, e: int) -> list[tuple[int, int]]:
    """Names followed by their acronym whose letters cover words joined by "and" or commas:
    "Retail, Wholesale and Department Store Union (RWDSU)" stays one name."""
    out = []
    for m in [*_PAREN_ACRO.finditer(text, s, e), *_COMMA_ACRO.finditer(text, s, e)]:
        acro = m.group(1).replace("&", "").replace("-", "").upper()
        m_start = m.start() - s
        end = s + m_start
        while end > s and text[end - 1] == " ":
            end -= 1
        words = [(w.start() + s, w.group()) for w in re.finditer(r"[\w'’.-]+", text[s:end])]
        if words and words[-1][1] in _TYPE_NOUNS:
            end = words.pop()[0]  # "the Bus, Tram and Ferry union (BTF)": the noun is no letter
            while end > s and text[end - 1] == " ":
                end -= 1
        caps: list[int] = []
        for k in range(len(words) - 1, -1, -1):
            ws, w = words[k]
            if w[:1].isupper():
                caps.append(ws)
                if len(caps) == len(acro):
                    break
            elif w.lower() not in _CONNECT and w.lower() not in ("and",):
                break
        if len(caps) == len(acro) and "".join(text[c] for c in reversed(caps)) == acro:
            out.append((caps[-1], end))
    return out


#: an acronym in parentheses: capitals ("(RWDSU)", "(FL-CIW)") or a capital and lower-case
#: letters, as acronyms are written in some countries' press ("(Satawu)")
_PAREN_ACRO = re.compile(r"\(([A-Z](?:[A-Z&-]{1,11}|[a-z]{2,8}))\)")
#: an acronym between commas after its name, as some countries' press writes it ("the Harbor
#: Association of Banks, Insurance and Finance Staff, HABIFS, said ...")
_COMMA_ACRO = re.compile(r",\s+([A-Z][A-Z&]{2,11}),\s")


#: lowercase type nouns between a name and its acronym ("the Bus, Tram and Ferry union (BTF)")
_TYPE_NOUNS = frozenset(("coalition", "union", "alliance", "movement", "network", "campaign", "federation"))


def _list_items(text: str, pos: int, region_end: int, names: list[tuple[int, int]] = ()) -> list[tuple[int, int]]:
    """Capitalised names listed in ``text[pos:region_end]`` ("X, Y and the Z"), each may
    start with a few lower-case words ("the worker center Arise Chicago")."""
    out: list[tuple[int, int]] = []
    app = rx(_lex()["appositive_heads"], 0)
    # an appositive or relative clause ends the list ("PROMO, Missouri's statewide LGBTQ group")
    stop = re.search(r",\s+(?:(?:which|who|whose|where|a|an|its|his|her|their)\b|[A-Z][a-z]+['’]s\s+[a-z])", text[pos:region_end])
    if stop:
        region_end = pos + stop.start()
    keep = _acronym_spans(text, pos, region_end) + [
        (a, b) for a, b in names if pos <= a and b <= region_end and not _names_a_list(text[a:b])
    ]
    i = pos
    while i < region_end:
        k = next(((a, b) for a, b in keep if a >= i and text[i:a].strip(" ,") in ("", "and", "the", "and the")), None)
        if k is not None:
            out.append(k)
            i = k[1]
            m = re.match(r"\s*\([A-Z&-]+\)(?:\s+[A-Z][a-z]+(?=,))?", text[i:region_end])
            if m:
                i += m.end()
            m = re.match(r"\s*(?:,\s*(?:and\s+|or\s+)?|\s+(?:and|or|y)\s+)", text[i:region_end])
            if not m:
                break
            i += m.end()
            continue
        lower = "{0,3}" if i == pos or re.search(r"\b(?:and|or|y)\s+$", text[max(pos, i - 6) : i]) else "{0}"
        m = re.match(rf"(?:(?:the|a|an|its|their|local|national|statewide|state|city's)\s+)?(?:[a-z][\w-]*\s+){lower}?[“\"]?(?=[A-Z0-9])", text[i:region_end])
        if not m:
            break
        a = i + m.end()
        runs = _cap_runs(text, a, region_end)
        if not runs or runs[0][0] != a:
            break
        b = runs[0][1]
        if app.match(text[b:region_end]):
            out.append((a, b))
            break
        out.append((a, b))
        if re.match(r"[”\"]", text[b : b + 1]) and re.search(r"[“\"]$", text[max(pos, a - 1) : a]):
            b += 1  # a quoted name: 'a group called "Open Harbor Now" and ...'
        m = re.match(r"\s*(?:\([A-Z&-]+\)\s*(?:[A-Z][a-z]+\s*(?=,))?)?(?:[a-z]+\s*)?(?:,\s*(?:and\s+|or\s+)?|\s+(?:and|or|y)\s+)",
                     text[b:region_end])  # "X (XC) Coalition, Y and Z": the group word after the acronym
        if not m:
            break
        i = b + m.end()
    return _join_units(text, out)


def _join_units(text: str, items: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """A listed item that is a unit of the item before it ("the Service Workers Union, Local 12")
    joins it: one organization."""
    out: list[tuple[int, int]] = []
    for a, b in items:
        if out and re.fullmatch(r",\s*", text[out[-1][1] : a]) and _names_a_unit(text[a:b]):
            out[-1] = (out[-1][0], b)
        else:
            out.append((a, b))
    return out


def _names_a_list(name: str) -> bool:
    """Is one entity a comma list of names of two words or more ("Harbor Rising, Voices for
    Change and Riverside Forward")? Its items are read one by one; "Rail, Maritime and
    Transport Union" (one-word parts) is one name."""
    parts = name.split(", ")
    return len(parts) >= 2 and all(len(p.split()) >= 2 for p in parts) and not any(_names_a_unit(p) for p in parts[1:])


def _names_a_unit(part: str) -> bool:
    """Is the part after a comma a unit of the group before it ("Local 1199", "District 9",
    "Harbor Chapter"; ``data/orgs_en.json`` "unit_words", "unit_tail_words")?"""
    words, lex = part.split(), _lex()
    return (len(words) >= 2 and words[0].lower() in lex.get("unit_words", ()) and any(c.isdigit() for c in words[1])) or (
        len(words) == 2 and words[1].lower() in lex.get("unit_tail_words", ()))


def _entity_candidates(text: str, scopes: list[tuple[int, int]], ents: list[tuple[int, int]]) -> list[Cand]:
    """spaCy ORG names (not those after a business word: "a Starbucks store")."""
    business = rx(_lex()["business_before"])
    return [(x, y, False) for s, e in scopes for a, b in ents
            if a >= s and b <= e and not business.search(text, max(0, a - 30), a) for x, y in _list_parts(text, a, b)]


def _list_parts(text: str, a: int, b: int) -> list[tuple[int, int]]:
    """An entity's names: its items when it is a comma list (``_names_a_list``; the last two
    joined by "and" are two when both have two words or more), else itself."""
    if not _names_a_list(text[a:b]):
        return [(a, b)]
    out, i = [], a
    for m in re.finditer(r", (?:and )?", text[a:b]):
        out.append((i, a + m.start()))
        i = a + m.end()
    last = text[i:b]
    m = re.search(r" and (?:the )?", last)
    if m and len(last[: m.start()].split()) >= 2 and len(last[m.end() :].split()) >= 2:
        out += [(i, i + m.start()), (i + m.end(), b)]
    else:
        out.append((i, b))
    return _join_units(text, out)


def _cue_candidates(text: str, scopes: list[tuple[int, int]], ents: list[tuple[int, int]]) -> list[Cand]:
    """The names listed after an organizer cue ("organized by X and Y", "members of X")."""
    cue = any_rx(tuple(_lex()["list_cues"]))
    out: list[Cand] = []
    low = lowered(text)
    for s, e in scopes:
        near = narrow(cue, low, s, e)  # the cues whose words occur in the scope (same matches)
        for m in (near.finditer(text, s, e) if near is not None else ()):
            stop = re.search(r"[.;:]\s|[.;:]$", text[m.end() : e])
            region_end = m.end() + stop.start() if stop else e
            out.extend((a, b, True) for a, b in _list_items(text, m.end(), region_end, ents))
    return out


def _agent_candidates(text: str, scopes: list[tuple[int, int]], ents: list[tuple[int, int]]) -> list[Cand]:
    """The names before "organized the rally" in the clause of the verb: "Make the Road New
    Jersey and Cosecha organized the rally" (a dateline dash also starts the clause), and
    through an appositive ("The Prairie Workers Union, a coalition of plant employees, organized")."""
    lex = _lex()
    agent = rx(f"(?:{lex['agent_verbs']})|(?:{lex.get('claimant_after', '(?!)')})", 0)
    app = rx(lex["appositive_heads"], 0)
    out: list[Cand] = []
    for s, e in scopes:
        for m in agent.finditer(text, s, e):
            if re.match(r"\s+(?:also\s+)?said\b", m.group()):
                out.extend(_claimants(text, s, m.start(), ents, app))
                continue
            rel = _RELATIVE_BEFORE.search(text, max(s, m.start() - 30), m.start())
            if rel is not None:  # "Harbor Rising, which organized the march,": the name before
                out.extend(_relative_agents(text, s, rel.start(), ents))
                continue
            seps = [s + x.end() for x in re.finditer(r"[.;:!?]\s|,\s(?!and\b)|[—–]+\s|(?<=\s)-{1,2}\s", text[s : m.start()])]
            items = _list_items(text, max([s, *seps]), m.start() + 1, ents)
            if items and items[-1][1] >= m.start() - 1:
                out.extend((a, b, True) for a, b in _earlier_list_items(text, [s, *seps], ents, items))
                out.extend((a, b, True) for a, b in items)
            elif (
                len(seps) >= 1 and text[m.start() - 1] == "," and text[seps[-1] - 2] == ","
                and app.match(text[seps[-1] - 2 : m.start()])
            ):
                items = _list_items(text, max([s, *seps[:-1]]), seps[-1] - 2, ents)
                if items and items[-1][1] >= seps[-1] - 3:
                    out.extend((a, b, True) for a, b in items)
    return out


_RELATIVE_BEFORE = re.compile(r",\s+which(?:\s+(?:had|has|have|also|first))?$")


def _earlier_list_items(
    text: str, bounds: list[int], ents: list[tuple[int, int]], items: list[tuple[int, int]]
) -> list[tuple[int, int]]:
    """The first names of a comma list of agents ("Harbor Rising, Voices for Change and Riverside
    Forward organized ..."), which the clause's commas cut off from the last two: each earlier
    comma-ended stretch that is one capitalised name (a spaCy ORG, a name with a group word, one
    run of capitalised words), walking back while they are -- never a place ("Riverton, ..."),
    a time or a clause opener ("On Saturday, ...")."""
    if len(items) < 2 or not text[items[0][1] : items[1][0]].strip().startswith("and"):
        return []  # no "B and C" at the end: no list
    out: list[tuple[int, int]] = []
    starts = sorted(b for b in bounds if b <= items[0][0])
    for lo, hi in zip(reversed(starts[:-1]), reversed(starts[1:]), strict=True):
        if text[hi - 2 : hi] != ", ":
            break
        a, b = lo, hi - 2
        if text.startswith("the ", a):
            a += 4
        name = text[a:b]
        first = name.split()[0].lower() if name.split() else ""
        if (
            not name[:1].isupper() or first in _CLAUSE_OPENERS or first in _time_words() or _is_place_name(name)
            or not ((a, b) in ents or _has_org_word(name) or _movement_name(name) or _cap_runs(text, a, b) == [(a, b)])
        ):
            break
        out.insert(0, (a, b))
    return out


def _relative_agents(text: str, s: int, at: int, ents: list[tuple[int, int]]) -> list[Cand]:
    """The name right before ", which organized the march": two or more words, an ORG entity
    or an acronym, never a place ("in Tulsa, which held a march")."""
    seps = [s + x.end() for x in re.finditer(r"[.;:!?]\s|,\s|[—–]+\s|(?<=\s)-{1,2}\s|[“\"(]", text[s:at])]
    runs = _cap_runs(text, max([s, *seps]), at)
    if not runs or runs[-1][1] != at:
        return []
    a, b = _strip(text, *runs[-1])
    name = text[a:b]
    if not name or _is_place_name(name) or name.split()[0].lower() in _CLAUSE_OPENERS:
        return []
    if len(name.split()) >= 2 or (a, b) in ents or _ACRONYM_ONLY.fullmatch(name):
        return [(a, b, True)]
    return []


def _claimants(text: str, s: int, at: int, ents: list[tuple[int, int]], app: re.Pattern[str]) -> list[Cand]:
    """The group right before "said 40 people blocked ..." / "said it had rallied ..." (through
    an appositive "X, the group behind ...,"): several words, an ORG entity or an acronym."""
    seps = [s + x.end() for x in re.finditer(r"[.;:!?]\s|,\s|[—–]+\s|(?<=\s)-{1,2}\s|[“\"]", text[s:at])]
    start = max([s, *seps])
    if seps and text[at - 1] == "," and text[seps[-1] - 2] == "," and app.match(text[seps[-1] - 2 : at]):
        at, start = seps[-1] - 2, max([s, *seps[:-1]])  # "X, the group affiliated with Y, said"
    items = [(a, b) for a, b in _list_items(text, start, at + 1, ents) if b >= at - 1]
    return [
        (a, b, True) for a, b in items
        if len(text[a:b].split()) >= 2 or (a, b) in ents or _ACRONYM_ONLY.fullmatch(text[a:b])
    ]


def _people_word_candidates(text: str, scopes: list[tuple[int, int]], ents: list[tuple[int, int]], doc: Any) -> list[Cand]:
    """A named group before a people word: "Arise Chicago organizers", "SEIU members" -- an
    ORG/PERSON entity or an acronym, not "Some members", "Its members"."""
    lex = _lex()
    if not lex.get("org_after_people"):
        return []
    after_people = rx(lex["org_after_people"], 0)
    named = ents + [
        (x.start_char, x.end_char) for x in (entities(doc) if doc is not None else ())
        if x.label_ in ("PERSON", "WORK_OF_ART", "FAC", "NORP", "PRODUCT", "EVENT")
    ]
    # a people before "activists" is no group ("Native American activists"); before "members" it may be
    people = {(x.start_char, x.end_char) for x in (entities(doc) if doc is not None else ()) if x.label_ == "NORP"
              and text[x.end_char : x.end_char + 13].split()[:1] in (["activists"], ["campaigners"])}
    out: list[Cand] = []
    low = lowered(text)
    for s, e in scopes:
        if not may_match(after_people, low, s, min(len(text), e + 30)):
            continue  # no people word after any name of the scope (each is matched in [b, b + 30))
        for a, b in _cap_runs(text, s, e):
            if not after_people.match(text, b, min(len(text), b + 30)):
                continue
            if _ACRONYM_ONLY.fullmatch(text[a:b]) or any(pa <= a and b <= pb for pa, pb in named if (pa, pb) not in people):
                out.append((a, b, True))
    return out


#: capitalised words that open a clause without naming anything
_CLAUSE_OPENERS = frozenset(
    "in at on after before during from near outside inside across meanwhile earlier later then today yesterday "
    "elsewhere also since when while as by for with there here but and so still now".split()
)


def _appositive_candidates(text: str, scopes: list[tuple[int, int]], ents: list[tuple[int, int]]) -> list[Cand]:
    """A name that opens its clause and is described by a group appositive: "Harbor Rising, a
    group that has blocked the port before, ..." (two or more words, an ORG entity or an
    acronym; never a place: "In Tulsa, a group of parents ...")."""
    # a comma inside the closing quote: 'The "Harbor Watch," a coalition of ...'
    app = rx(_lex()["appositive_heads"].lstrip("^").replace(",\\s+", ",[”\"]?\\s+", 1), 0)
    out: list[Cand] = []
    for s, e in scopes:
        for m in app.finditer(text, s, e):
            c = m.start()
            while c > s and text[c - 1] in "”\"’":
                c -= 1
            seps = [s + x.end() for x in re.finditer(r"[.;:!?]\s|\n|[—–]\s|(?<=\s)-{1,2}\s", text[s:c])]  # (a dateline dash too)
            start = max([s, *seps])
            runs = _cap_runs(text, start, c)
            if not runs or runs[-1][1] != c:
                continue
            a, b = runs[-1]
            if not re.fullmatch(r"\s*(?:(?:the|The)\s+)?[“\"]?", text[start:a]):
                continue
            name = text[a:b]
            if name.split()[0].lower() in _CLAUSE_OPENERS:
                continue  # "In Tulsa, a group of parents ...", "Meanwhile, a coalition ..."
            if (len(name.split()) >= 2 or (a, b) in ents or _ACRONYM_ONLY.fullmatch(name)) and not _is_place_name(name):
                out.append((a, b, True))
    return out


def _person_of_candidates(text: str, scopes: list[tuple[int, int]], persons: list[tuple[int, int]]) -> list[Cand]:
    """The group a named person speaks for: "Dana Cruz from Homes Before Rent said", "Dana Cruz,
    of the Harbor Tenants Union," (never a place: "Dana Cruz of Tulsa")."""
    out: list[Cand] = []
    for pa, pb in persons:
        if not any(s <= pa and pb <= e for s, e in scopes):
            continue
        m = _PERSON_OF.match(text, pb)
        if m is None:
            continue
        runs = _cap_runs(text, m.end(), min(len(text), m.end() + 120))
        if runs and runs[0][0] == m.end() and not _is_place_name(text[runs[0][0] : runs[0][1]]):
            out.append((runs[0][0], runs[0][1], True))
    return out


_PERSON_OF = re.compile(r",?\s+(?:from|of|with)\s+(?:the\s+)?(?=[A-Z0-9])")


def _titled_candidates(text: str, scopes: list[tuple[int, int]]) -> list[Cand]:
    """The group before an officer's title and name: "TWU Secretary-General Dana Cruz joined",
    "Harbor Tenants Union President Ali Omar" (a company's chief executive is no organizer)."""
    cut = _title_cut()
    out: list[Cand] = []
    for s, e in scopes:
        for m in cut.finditer(text, s, e):
            if "CEO" in m.group():
                continue
            seps = [s + x.end() for x in re.finditer(r"[.;:!?]\s|,\s|\n|[—–]\s|[“\"]", text[s : m.start()])]
            runs = _cap_runs(text, max([s, *seps]), m.start())
            if runs and runs[-1][1] == m.start():
                out.append((runs[-1][0], runs[-1][1], False))
    return out


def _acronym_candidates(text: str, scopes: list[tuple[int, int]]) -> list[Cand]:
    """A name whose acronym follows it, its letters covering words joined by "and" or commas:
    "the Transport and Allied Workers Union (Tawu)" is one name, not "Allied Workers Union"."""
    return [(a, b, False) for s, e in scopes if "(" in text[s:e] or _COMMA_ACRO.search(text, s, e)
            for a, b in _acronym_spans(text, s, e)]


def _head_candidates(text: str, scopes: list[tuple[int, int]]) -> list[Cand]:
    """A capitalised name of two or more words ending in a protest-side group word ("Valley
    Tenants Union", "Harbor Climate Coalition"), whether or not the parser tagged it (only the
    words before each head word are read)."""
    head = _head_rx()
    out: list[Cand] = []
    for s, e in scopes:
        for m in head.finditer(text, s, e):
            w = max(s, m.start() - 200)
            if w > s:
                w = text.find(" ", w, m.start()) + 1 or m.start()
            runs = [r for r in _cap_runs(text, w, min(e, m.end() + 40)) if r[1] == m.end()]
            if (
                runs and (runs[0][0] > w or w == s) and len(text[runs[0][0] : runs[0][1]].split()) >= 2
                and not _title_case_line(text, text.rfind("\n", s, runs[0][0]) + 1 or s)
            ):
                out.append((runs[0][0], runs[0][1], False))
    return out


@lru_cache(maxsize=1)
def _head_rx() -> re.Pattern[str]:
    """A capitalised protest-side group word ("Union", "Coalition") ending a word."""
    heads = sorted({h[:1].upper() + h[1:] for h in _lex().get("advocacy_heads", ())}, key=len, reverse=True)
    return re.compile(rf"(?<=\s)(?:{'|'.join(map(re.escape, heads))})\b" if heads else r"(?!)")


def _typed_candidates(text: str, scopes: list[tuple[int, int]], ents: list[tuple[int, int]]) -> list[Cand]:
    """A name right before a lower-case group word: "the CGT union", "the Harbor Rising
    coalition" (two or more words, an ORG entity or an acronym; never a place)."""
    typed = _typed_rx()
    out: list[Cand] = []
    for s, e in scopes:
        for m in typed.finditer(text, s, e):
            runs = _cap_runs(text, max(s, text.rfind("\n", s, m.start()) + 1, m.start() - 120), m.start())
            if not runs or runs[-1][1] != m.start():
                continue
            a, b = _strip(text, *runs[-1])
            name = text[a:b]
            if name and (len(name.split()) >= 2 or (a, b) in ents or _ACRONYM_ONLY.fullmatch(name)) and not _is_place_name(name):
                out.append((a, b, True))
    return out


@lru_cache(maxsize=1)
def _typed_rx() -> re.Pattern[str]:
    """A lower-case protest-side group word after a capitalised word ("CGT union")."""
    heads = sorted(_lex().get("advocacy_heads", ()), key=len, reverse=True)
    return re.compile(rf"(?<=[A-Za-z0-9])(?= (?:{'|'.join(map(re.escape, heads))})\b)" if heads else r"(?!)")


@lru_cache(maxsize=1)
def _head_first_rx() -> re.Pattern[str]:
    """A Spanish group word opening a name ("Sindicato Unido de ...", "Federación Laboral del ..."):
    in Spanish the kind of body comes first (``data/orgs_en.json`` "head_first_words"; never a
    bill, "Proyecto de Ley")."""
    words = sorted(_lex().get("head_first_words", ()), key=len, reverse=True)
    if not words:
        return re.compile(r"(?!)")
    return re.compile(
        rf"\b(?:{'|'.join(map(re.escape, words))})(?!\s+de\s+[Ll]ey\b)\s+"
        r"(?:(?:de|del|por|para)\s+(?:la\s+|los\s+|las\s+)?)?(?=[A-ZÁÉÍÓÚÑ])"
    )


def _head_first_candidates(text: str, scopes: list[tuple[int, int]]) -> list[Cand]:
    """A Spanish name opened by its group word ("el Sindicato de Trabajadores del Campo", "la
    Coalición por los Derechos ..."): two or more capitalised words, named as a group."""
    out: list[Cand] = []
    low, head = lowered(text), _head_first_rx()
    for s, e in scopes:
        if not may_match(head, low, s, e):
            continue
        for m in head.finditer(text, s, e):
            runs = _cap_runs(text, m.start(), min(e, m.start() + 160))
            if runs and runs[0][0] == m.start() and len(text[runs[0][0] : runs[0][1]].split()) >= 2:
                out.append((runs[0][0], runs[0][1], _cue_right_before(text, m.start())))  # no cue: the usual filters
    return out


def _campaign_candidates(text: str, scopes: list[tuple[int, int]]) -> list[Cand]:
    """The national campaign a local action is part of ("the city's installment of the national
    Marching For Our Future rally", "as part of the nationwide Harbor Rising protests"): its
    name, two or more capitalised words, is the organizer the page names for the action."""
    pat = rx(_lex().get("campaign_part_of", r"(?!)"))
    low = lowered(text)
    out: list[Cand] = []
    for s, e in scopes:
        if not may_match(pat, low, s, e):
            continue
        for m in pat.finditer(text, s, e):
            out.append((*m.span("name"), True))
    return out


def _led_action_candidates(text: str, scopes: list[tuple[int, int]]) -> list[Cand]:
    """The name hyphened to "-led" or "-organized" before the action ("the TUC-led march", "a
    Harbor Rising-organised protest": ``led_action`` of ``data/orgs_en.json``): the organizer."""
    pat = rx(_lex().get("led_action", r"(?!)"), 0)
    out: list[Cand] = []
    for s, e in scopes:
        if "-" not in text[s:e]:
            continue
        out.extend((*m.span("name"), True) for m in pat.finditer(text, s, e) if _led_name_ok(m.group("name")))
    return out


def _led_name_ok(name: str) -> bool:
    """A "-led" name of one word must be an acronym ("UPRA-led"): one capitalised word is a people
    ("Indigenous-led", "Black-led") or a company or person ("Ford-organized"), not an organizer."""
    if " " in name.strip():
        return True
    letters = re.sub(r"[^A-Za-z]", "", name)
    return len(letters) >= 2 and letters.isupper()


_CAUSE_PEOPLE = frozenset(("activists", "campaigners"))


def _cause_named_group(name: str, a: int, b: int, ents: list[tuple[int, int]],
                       norps: set[tuple[int, int]]) -> bool:
    """Before "activists"/"campaigners" a name is often a cause or a people ("Climate Justice
    activists", "Native American campaigners"): a group only as an ORG entity, with an
    organization word, or of three or more words -- never a NORP span."""
    if any(na < b and a < nb for na, nb in norps):
        return False
    return (sum(w[:1].isupper() for w in name.split()) >= 3 or _has_org_word(name) or _movement_name(name)
            or any(ea <= a and b <= eb for ea, eb in ents))


def _protester_candidates(text: str, scopes: list[tuple[int, int]], ents: list[tuple[int, int]] = (),
                          norps: set[tuple[int, int]] = frozenset()) -> list[Cand]:  # type: ignore[assignment]
    """A group named before a protester word: "Harbor Rising protesters blocked the port" (two
    or more words, never a place or a title-case headline; before "activists" see ``_cause_named_group``)."""
    pat = _lex().get("org_before_protesters")
    if not pat:
        return []
    word = rx(pat, 0)
    out: list[Cand] = []
    for s, e in scopes:
        for m in word.finditer(text, s, e):
            line = text.rfind("\n", s, m.start()) + 1 or s
            runs = _cap_runs(text, max(line, m.start() - 120), m.start())
            if not runs or runs[-1][1] != m.start() or _title_case_line(text, line):
                continue
            a, b = _strip(text, *runs[-1])
            name = text[a:b]
            if _QUOTES.intersection(text[max(0, a - 1) : a + 1] + text[max(a, b - 1) : b + 1]):
                continue  # "'Hands Off' protesters": a quoted name is the action's, not a group's
            if m.group().strip() in _CAUSE_PEOPLE and not _cause_named_group(name, a, b, ents, norps):
                continue
            if len(name.split()) >= 2 and name.split()[0].lower() not in _CLAUSE_OPENERS and not _is_place_name(name):
                out.append((a, b, True))
    return out


_QUOTES = frozenset("\"'‘’“”")


def _quoted_candidates(text: str, scopes: list[tuple[int, int]]) -> list[Cand]:
    """A quoted name before a group noun: 'the "Fix Our Buses" campaign'."""
    pat = rx(_lex().get("quoted_group", r"(?!)"), 0)
    return [(m.start("name"), m.end("name"), True) for s, e in scopes for m in pat.finditer(text, s, e)]


_ACRONYM_ONLY = re.compile(r"(?=[A-Z0-9&-]*[A-Z])[A-Z0-9][A-Z0-9&-]{1,9}")
_VENUE_BEFORE = re.compile(r"\b(?:at|outside|inside|near|in front of)\s+(?:the\s+)?$")


_NAME_PART = re.compile(r"[A-Z][\w'’]*-[A-Za-z]")  # "Ki-moon", "Jae-ho": a name's part
_PERSON_APPOSITIVE = re.compile(r",\s+(?:(?:a|an|the)\s|\d)")  # ", a retired teacher", ", 34,"
_DEMAND_WORDS = frozenset(("the", "our", "all", "this", "your", "their", "my", "no", "a"))


def _demand_name(text: str, b: int, name: str) -> bool:
    """A name opening on an imperative (``data/orgs_en.json`` "imperative_openers") that names a
    demand: one plain word after the opener ("Refuse Tyranny"), or words holding a determiner, a
    lexicon word or a group word ("Stop the Sweeps", "Stop Cop City"). Never a hyphenated name
    part ("Ki-moon"), names without such words ("Free Dana Cruz") or a name a person's
    appositive follows (", a retired teacher")."""
    words = name.split()
    if len(words) < 2 or words[0].lower() not in _lex().get("imperative_openers", ()) or _NAME_PART.search(name):
        return False
    if _PERSON_APPOSITIVE.match(text, b) and not rx(_lex()["appositive_heads"], 0).match(text[b : b + 80]):
        return False
    rest = [w.lower() for w in words[1:]]
    return len(rest) == 1 or _has_org_word(name) or any(w in _DEMAND_WORDS or linear_model.in_vocabulary(w) for w in rest)


def _person_reason(text: str, a: int, b: int, name: str, from_list: bool, persons: list[tuple[int, int]]) -> str | None:
    """A person's name -- unless an organizer cue names a group: "the worker center Arise
    Chicago", "a group calling itself Parents for Safe Streets"."""
    tagged = any(pa <= a < pb or a <= pa < b for pa, pb in persons)
    shaped = not tagged and person_shaped(name) and not _group_word_after(text, b)
    if not (tagged or shaped) or _has_org_word(name) or _ACRONYM_ONLY.fullmatch(name):
        return None  # (an acronym is no person's name: "Riverton RFU members", the parser's PERSON)
    if _demand_name(text, b, name):
        return None  # "Refuse Tyranny", "Stop the Sweeps": a group named by its demand
    if from_list and (_DESCRIBED.search(text, max(0, a - 30), a) or any(pa <= a < pb and b > pb + 1 for pa, pb in persons)):
        return None
    if from_list and re.match(r",\s+which\b", text[b : b + 10]):
        return None  # "Clean Seas Now, which organized the march": no person is a "which"
    if _group_appositive(text, b):
        return None  # "Arise Harbor, a youth pressure group,": the parser's PERSON is a group
    return "a person's name"


def _big_place_word(word: str, min_pop: int = 20000) -> bool:
    """A state, a country or a town of some size ("Chicago"; not a hamlet that shares a surname)."""
    from protestdb.geo.resolve import country_code, town_at_least

    return bool(_state_or_country(word) or country_code(word)) or town_at_least(word, min_pop)


def _group_word_after(text: str, b: int) -> bool:
    """A group word right after the name ("the Fair Fares campaign"): the name is a group's."""
    m = re.match(r"\s+([A-Za-z]+)", text[b : b + 30])
    return m is not None and (_has_org_word(m.group(1)) or m.group(1).lower() in _lex().get("movement_nouns", ())
                              or m.group(1).lower() in ("campaign", "campaigns", "group", "groups"))


_PLAIN_NAME = re.compile(r"[A-Z][a-z]+(?: [A-Z][a-z]+){1,2}")


@lru_cache(maxsize=2048)
def person_shaped(name: str) -> bool:
    """A given name and a surname with no group word, as the parser reads them in a plain frame
    ("I met Dana Whitfield yesterday." tags the whole name PERSON) -- though the page's own parse
    called it an ORG ("a march led by Dana Whitfield"): two or three plain capitalised words, none
    a place ("Arise Chicago"), no movement or known group's name and no demand ("Refuse Fascism")."""
    if not _PLAIN_NAME.fullmatch(name) or _has_org_word(name) or _movement_name(name):
        return False
    words = name.split()
    if words[0].lower() in _lex().get("imperative_openers", ()) or any(_big_place_word(w) for w in words):
        return False
    known = _known_orgs()
    if known is not None and known.fullmatch(name):
        return False
    from protestdb.extract.nlp import load_nlp

    doc = load_nlp()(f"I met {name} yesterday.")
    return any(e.label_ == "PERSON" and e.text == name for e in doc.ents)


_APPOSITIVE_PREP = re.compile(r"\b(?:of|for|with|at|from|in|on|to|by)\b", re.IGNORECASE)


def _group_appositive(text: str, b: int) -> bool:
    """A group noun heads the appositive right after the name (", a youth pressure group"), with no
    preposition before it (", a member of the group" tells a person) and no word after it (", a
    union organizer" tells a person)."""
    m = rx(_lex()["appositive_heads"], 0).match(text[b : b + 80])
    return m is not None and not _APPOSITIVE_PREP.search(m.group()) and bool(_HEAD_ENDS.match(text, b + m.end()))


#: the group noun ends the appositive: ", a tenants' group," -- not ", a union organizer"
_HEAD_ENDS = re.compile(r"s?(?:[,.;:)]|\s+(?:that|which|founded|formed|based|of|for|with)\b|$)")


def _not_organizer(text: str, a: int, b: int, name: str, norps: set[tuple[int, int]], from_list: bool = False) -> str | None:
    """Names that are no organizers wherever they stand (``data/orgs_en.json``): a type word
    alone, a bill or law, a source ("X's website"), a clergy member's congregation, a people's
    name ("Kenyans")."""
    lex = _lex()
    if name.lower() in lex.get("generic_alone", ()):
        return "a type word alone"
    if _people_alone(name):
        return "a kind of people"
    if re.search(lex.get("law_tail", r"(?!)"), name):
        return "a bill or law"
    if rx(lex.get("source_after", r"(?!)")).match(text[b : b + 40]):
        return "a source of figures or statements"
    if rx(lex.get("worship_head", r"(?!)"), 0).search(name) and rx(lex.get("clergy_of_before", r"(?!)"), 0).search(
        text[max(0, a - 60) : a]
    ) and not rx(lex.get("clergy_host_after", r"(?!)"), 0).match(text[b : b + 40]):
        return "a speaker's congregation"  # "Rev. Dana Cruz of the Harbor Baptist Church led a prayer"
    if lex.get("police_acronym") and rx(lex["police_acronym"], 0).fullmatch(name) and not (
        from_list or _cue_right_before(text, a) or rx(lex["appositive_heads"], 0).match(text[b : b + 80])
    ):
        return "a police force"  # "HPD sent officers in riot gear"; not "organized by CPD", "NAPD, a neighborhood group,"
    if (_ACRONYM_ONLY.fullmatch(name) or name.endswith("Police")) and rx(lex.get("force_after", r"(?!)")).match(
        text[b : b + 30]
    ):
        return "a police force"  # "CPD officers followed the march"
    if rx(lex.get("action_name_before", r"(?!)")).search(text[max(0, a - 60) : a]):
        return _ACTION_NAME  # "calling their action 'the Cold Cup Revolt'"
    if rx(lex.get("government_led_by", r"(?!)")).search(text[max(0, a - 80) : a]):
        return _LEADING  # "the government formed by an alliance led by X"
    if rx(lex.get("past_member_before", r"(?!)")).search(text[max(0, a - 20) : a]) and rx(
        lex.get("past_member_after", r"(?!)")
    ).match(text[b : b + 30]):
        return "a past affiliation"  # "former Harbor Party member Dana Cruz"
    if (a, b) in norps and " " not in name and not _ACRONYM_ONLY.fullmatch(name) and not _DESCRIBED.search(
        text, max(0, a - 30), a
    ):
        return "a people or party members"
    return None


def _people_alone(name: str) -> bool:
    """A kind of people told alone ("Students", "Farm Workers": ``_people_alone_doc``)."""
    from protestdb.extract.people import _participant_rx

    low = name.lower()
    return low not in _lex().get("people_alone_names", ()) and bool(_participant_rx().fullmatch(low))


_ACTION_NAME = "the action's own name"
_IN_POWER = "the party in power"
_LEADING = "the party leading a government"
#: reasons that name a body no organizer however the page later calls it: its acronym neither
_BODY_REASONS = frozenset((_IN_POWER, _LEADING))
_NOT_ORGISH = "not organization-like"


def _not_bodies(
    text: str, kept: list[tuple[int, int]], bodies: set[str], dropped: list[tuple[str, str, str]] | None
) -> list[tuple[int, int]]:
    """The acronym the page gives a body that is no organization ("the Harbor Police Department
    (HPD)") names that body wherever it stands: "HPD officers", "HPD-North" are no groups."""
    if not bodies:
        return kept
    out = []
    for a, b in kept:
        name = text[a:b]
        if name in bodies or any(name.startswith(f"{x}-") for x in bodies):
            if dropped is not None:
                dropped.append((name, "organizations.body_acronym", "the acronym of a body that is no organization"))
            continue
        out.append((a, b))
    return out


@lru_cache(maxsize=1)
def _action_name_rx() -> re.Pattern[str]:
    """``action_name_before`` read forward, or ``action_named``: the cue, then the capitalised
    name it gives."""
    before = _lex().get("action_name_before", r"(?!)").removesuffix("$")
    after = _lex().get("action_named", r"(?!)")
    return re.compile(rf"(?:{before}|{after})(?P<name>(?-i:[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*){{0,5}}))", re.IGNORECASE)


def _told_action_names(text: str, scopes: list[tuple[int, int]]) -> set[str]:
    """The names the page gives its action ("a walkout dubbed the Cold Cup Revolt"), lowered."""
    pat, low = _action_name_rx(), lowered(text)
    out = set()
    for s, e in scopes:
        if may_match(pat, low, s, e):
            out.update(m.group("name").lower() for m in pat.finditer(text, s, e))
    return out


def _not_action_names(
    text: str, kept: list[tuple[int, int]], actions: set[str], dropped: list[tuple[str, str, str]] | None
) -> list[tuple[int, int]]:
    """A name the page gives its action ("workers dubbed it the Cold Cup Revolt") is the
    action's name wherever else it stands, the headline's "Harbor Coffee's Cold Cup Revolt" too."""
    if not actions:
        return kept
    out = []
    for a, b in kept:
        low = text[a:b].lower()
        if any(low == n or low.endswith((f" {n}", f"’ {n}", f"' {n}")) for n in actions) and not _told_as_group(text, a, b):
            if dropped is not None:
                dropped.append((text[a:b], "organizations.action_name", _ACTION_NAME))
            continue
        out.append((a, b))
    return out


def _told_as_group(text: str, a: int, b: int) -> bool:
    """A mention of a name the page also gives its action, told as a group: an appositive group
    noun after it ("Harbor Rising, a coalition of tenants,") or an organizer cue right before it
    ("organized by Harbor Rising")."""
    lex = _lex()
    if rx(lex["appositive_heads"], 0).match(text[b : b + 80]):
        return True
    return _cue_right_before(text, a)


def _cue_right_before(text: str, a: int) -> bool:
    """An organizer cue right before ``text[a:]`` ("organized by (the)", "organizada por el";
    ``data/orgs_en.json`` "list_cues", "head_first_cues")."""
    lex = _lex()
    if lex.get("head_first_cues") and rx(lex["head_first_cues"]).search(text[max(0, a - 60) : a]):
        return True
    cue = any_rx(tuple(lex["list_cues"]))
    return any(re.fullmatch(r"\s*(?:the\s+)?", text[m.end() : a]) for m in cue.finditer(text, max(0, a - 80), a))


def _not_cued_organizer(text: str, a: int, b: int) -> str | None:
    """Names no cue made organizers that stand as an employer's workplace ("Acme truck
    plants"), a news outlet ("affiliate WXYZ"), a body of another group ("its Executive Council"),
    the body the action is against ("against cuts and the Harbor Party") or a responder whose named
    spokesperson speaks ("Acme spokesman Dana Lee said"; a union's speaks for the organizer)."""
    lex = _lex()
    if rx(lex.get("employer_after", r"(?!)")).match(text[b : b + 50]):
        return "an employer's workplace"
    if lex.get("site_code") and rx(lex["site_code"], 0).fullmatch(text, a, b) and not rx(lex["appositive_heads"], 0).match(text[b : b + 80]):
        return "a site's code"  # "workers at QRT7"; not "TWU4, a union of drivers," nor after a cue
    if rx(lex.get("outlet_before", r"(?!)")).search(text[max(0, a - 60) : a]):
        return "a news outlet"
    if rx(lex.get("body_before", r"(?!)")).search(text[max(0, a - 30) : a]):
        return "a body of another group"
    if rx(lex.get("in_power_before", r"(?!)")).search(text[max(0, a - 40) : a]):
        return _IN_POWER  # "ignored by the governing Harbor Alliance"
    if rx(lex.get("opposed_before", r"(?!)")).search(text[max(0, a - 50) : a]):
        return "the body protested against"  # "marched against cuts and the Harbor Party"
    if _responder(text, a, b):
        return "a responder or opponent"  # "Harbor Shipping Association spokesman Dana Lee said"
    return None


def _reject_reason(
    text: str, a: int, b: int, from_list: bool, cued: set[str], persons: list[tuple[int, int]],
    norps: set[tuple[int, int]] | None = None,
) -> str | None:
    """Why the candidate ``text[a:b]`` is not an organization (None: it is one)."""
    lex = _lex()
    name = text[a:b]
    if not name or any(c in name for c in "\n—–") or (title_before(text, a) and not _title_then_group(text, a, name)):
        return "empty, across lines, or after a person's title"
    if _courtesy_title(text, a, name):
        return "a person's courtesy title"  # "organized by Ms. Vance": the title, or the name it opens
    if lex.get("holiday_after") and rx(lex["holiday_after"], 0).match(text[b : b + 8]):
        return "a holiday name"  # "International Workers' Day"
    why = _person_reason(text, a, b, name, from_list, persons) or _not_organizer(text, a, b, name, norps or set(), from_list)
    if why is not None:
        return why
    if not _is_orgish(name, from_list):
        return _NOT_ORGISH
    if _told_as_threat(text, a, b):
        return "a threat or object of the protest"  # "members of X threatened to disrupt the rally"
    if from_list or name.lower() in cued:
        return None
    if _headline_only(text, a, b):
        return "a title-case headline's words past a group word, told nowhere else"
    why = _not_cued_organizer(text, a, b)
    if why is not None:
        return why
    if _VENUE_BEFORE.search(text[max(0, a - 20) : a]) and (
        name.split()[-1].lower() in _venue_heads() or rx(lex.get("prep_venue_tail", r"(?!)"), 0).search(name)
    ):
        return "a venue after a place preposition"  # "a rally at the Library Center", "outside the X Press Club"
    opp_before = rx(lex["opponent_before"]) if lex.get("opponent_before") else None
    opp_after = rx(lex["opponent_after"], 0) if lex.get("opponent_after") else None
    if (opp_before is not None and opp_before.search(text, max(0, a - 40), a) and not _advocacy_head(name)) or (
        opp_after is not None and opp_after.match(text[b : b + 160])
    ):
        return "a responder or opponent"  # "a spokesperson for X", "X said in a statement ..."
    return None


def _told_as_threat(text: str, a: int, b: int) -> bool:
    """The group is told as the protest's threat or object (``threat_before``/``threat_after`` of
    ``data/orgs_en.json``): "members of X threatened to disrupt", "threats from X"."""
    lex = _lex()
    after = lex.get("threat_after")
    before = lex.get("threat_before")
    return bool((after and rx(after, 0).match(text[b : b + 80]))
                or (before and rx(before, 0).search(text[max(0, a - 60) : a])))


def _courtesy_title(text: str, a: int, name: str) -> bool:
    """A courtesy title ("Ms.", "Dr": ``courtesy_titles``, title case: "MS Society" is a group) is
    the name, opens it, or stands right before it: a person told by the title."""
    titles = _lex().get("courtesy_titles", ())
    first = name.split()[0].rstrip(".") if name.split() else ""
    before = re.search(r"\b([A-Z][a-z]+)\.?\s+$", text[max(0, a - 8) : a])
    return (first.istitle() and first.lower() in titles) or (before is not None and before.group(1).lower() in titles)


def _headline_only(text: str, a: int, b: int) -> bool:
    """A name read from a headline in title case that runs on past a group word ("Ferry Workers
    Walk Out", "Harbor Movement to Rally Friday") and is told nowhere else on the page: in
    such a line capitals mark no name's end, the words after the group word are the news."""
    words, org_words = text[a:b].lower().split(), _lex()["org_words"]
    if not any(w in org_words and nxt not in _CONNECT and nxt not in org_words and not any(c.isdigit() for c in nxt)
               for w, nxt in zip(words, words[1:], strict=False)):
        return False  # a group word then a plain word: "Ferry Workers | Walk Out" (not "Workers of America")
    start = text.rfind("\n", 0, a) + 1
    if not _headline_line(text, start):
        return False
    end = text.find("\n", b)
    low, name = lowered(text) or text.lower(), text[a:b].lower()
    return low.find(name, 0, start) < 0 and low.find(name, end if end >= 0 else len(text)) < 0


def _headline_cut(text: str, a: int, b: int) -> tuple[int, int]:
    """A title-case headline's run past a group word (:func:`_headline_only`) keeps the name up to
    that word when it is a protest-side group's head ("Harbor Nurses Union | Strikes for Safe
    Staffing" -> "Harbor Nurses Union"); else it stays as it is (and is rejected)."""
    if not _headline_only(text, a, b):
        return a, b
    org_words = _lex()["org_words"]
    for m in re.finditer(r"\S+", text[a:b]):
        w = m.group().lower()
        rest = text[a + m.end():b].split()
        if w in org_words and rest and rest[0].lower() not in _CONNECT and rest[0].lower() not in org_words:
            cut = a + m.end()
            if len(text[a:cut].split()) >= 2 and _advocacy_head(text[a:cut]):
                return a, cut
            break
    return a, b


def _responder(text: str, a: int, b: int) -> bool:
    """Is the name a body whose named spokesperson answers (``named_spokesperson_after``): not a
    protest-side group word, and the words reply ("declined") or the name holds an employer or
    official word (``responder_words``)? "Sunrise Harbor spokeswoman Dana Lee said" stays a group."""
    lex = _lex()
    m = rx(lex.get("named_spokesperson_after", r"(?!)"), 0).match(text[b : b + 60])
    if m is None or _advocacy_head(text[a:b]):
        return False
    if re.search(r"\b(?:declined|responded)\b", m.group(0)):
        return True
    return bool(set(re.findall(r"[a-z]+", text[a:b].lower())) & set(lex.get("responder_words", ())))


def _advocacy_head(name: str) -> bool:
    """Does the name end in a protest-side group word ("... Tenants Union", "... Coalition")?"""
    words = name.lower().split()
    return bool(words) and words[-1] in _lex().get("advocacy_heads", ())


def _cut_titled_person(text: str, a: int, b: int, persons: list[tuple[int, int]]) -> tuple[int, int]:
    """A run that opens with a person title or closes with a person's name ("President Harbor
    Journalists Union Dana Cruz") keeps only the group: a name with a group word."""
    m = _title_lead().match(text, a, b)
    if m is not None and _has_org_word(text[m.end() : b]):
        a, b = m.end(), _person_after_group(text, m.end(), b)
    elif _title_lead_before().search(text, max(0, a - 40), a) is not None and _has_org_word(text[a:b]):
        b = _person_after_group(text, a, b)  # "President | Harbor Press Club Dana Cruz"
    if (
        (m := _NAME_OF_THE.match(text, a, b)) is not None and _has_org_word(text[m.end() : b]) and not _has_org_word(m.group(1))
        and _person_named(m.group(1), a, m.end(1), persons)
    ):
        a = m.end()  # "Dana Cruz of the Harbor Party" whether or not the parser tagged the person
    for pa, pb in persons:  # "Dana Cruz of the Harbor Tenants Union": the person speaks for the group
        of = _PERSON_OF.match(text, pb, b) if pa <= a < pb < b else None
        if of is not None and _has_org_word(text[of.end() : b]) and not _has_org_word(text[a:pb]):
            return _strip(text, of.end(), b)
    for pa, pb in persons:
        words = text[a:pa].split()
        if a < pa < b and pb >= b - 1 and _has_org_word(text[a:pa]) and words[-1].lower() not in _CONNECT:
            return _strip(text, a, pa)
    return a, b


#: two or three capitalised words (a person's name) before "of the" and a group's name
_NAME_OF_THE = re.compile(r"([A-Z][a-z]+(?:\s+[A-Z][a-z]+){1,2})\s+of\s+the\s+(?=[A-Z])")


def _person_named(words: str, a: int, b: int, persons: list[tuple[int, int]]) -> bool:
    """Are the capitalised ``words`` (``text[a:b]``) before "of the" a person's name: a PERSON
    entity, or a first and last name none of which is a plural or collective noun ("Concerned
    Citizens of the ...", ``data/orgs_en.json`` "collective_plurals")?"""
    if any(pa <= a and b <= pb for pa, pb in persons):
        return True
    plurals = _lex().get("collective_plurals", ())
    return not any(w.lower() in plurals for w in words.split())


def _person_after_group(text: str, a: int, b: int) -> int:
    """The end of the group in a run a title opened ("President Harbor Press Club Dana Cruz"): a
    few capitalised words after the last group word, none a group word, are the person's name
    (whether or not the parser tagged it)."""
    words = list(re.finditer(r"[\w'’.-]+", text[a:b]))
    org_words = _lex()["org_words"]
    last = max((i for i, w in enumerate(words) if w.group().lower() in org_words), default=None)
    if last is None:
        return b
    tail = [w.group() for w in words[last + 1 :]]
    if 1 <= len(tail) <= 3 and all(w[:1].isupper() and w[1:2].islower() and w.lower() not in org_words for w in tail):
        return a + words[last].end()
    return b


@lru_cache(maxsize=1)
def _title_lead() -> re.Pattern[str]:
    """An officer's title opening a name run (case-sensitive, ``title_lead``)."""
    alt = "|".join(sorted(map(re.escape, _lex().get("title_lead", ())), key=len, reverse=True))
    return re.compile(rf"(?:{alt})\s+(?=[A-Z])" if alt else r"(?!)")


@lru_cache(maxsize=1)
def _title_lead_before() -> re.Pattern[str]:
    alt = "|".join(sorted(map(re.escape, _lex().get("title_lead", ())), key=len, reverse=True))
    return re.compile(rf"\b(?:{alt})\s+(?:of\s+(?:the\s+)?)?$" if alt else r"(?!)")  # "President (of the) X Union"


def _title_then_group(text: str, a: int, name: str) -> bool:
    """A group name right after an officer's title ("President Harbor Journalists Union", "the
    President of Harbor Journalists Union"): the title belongs to a person, not to the name."""
    return _has_org_word(name) and _title_lead_before().search(text, max(0, a - 40), a) is not None


def _past_place(text: str, a: int, b: int) -> int:
    """The start of a group's acronym told after the place where its members act ("Dunmore RFU
    members marched", "the Riverton Station RFU picket line"): one to three capitalised words
    that name a place, a street or a site, the acronym, then its members or picket line -- the
    group is the acronym."""
    words = text[a:b].split()
    if not 2 <= len(words) <= 4 or not _ACRONYM_ONLY.fullmatch(words[-1]) or len(words[-1]) < 2:
        return a
    before = words[:-1]
    if not all(w[:1].isupper() and w[1:2].islower() for w in before) or _has_org_word(" ".join(before)):
        return a
    if (_is_place_name(" ".join(before)) or before[-1].lower() in _venue_heads()) and _MEMBERS_AFTER.match(text, b):
        return b - len(words[-1])
    return a


#: the members or the picket line of a group, after its acronym ("Riverton RFU members")
_MEMBERS_AFTER = re.compile(r"\s+(?:members|activists|supporters|workers|officials|leaders|organi[sz]ers|"
                            r"picket(?:ers|\s+lines?)?|protesters|strikers)\b")


_POSSESSIVE = re.compile(r"([\w&-]+)['’]s\s+(?=[A-Z])")


def _possessor(text: str, a: int, b: int) -> tuple[int, int]:
    """A name opened by an owner's possessive: a group's acronym owns a body of its own ("HCARR's
    Immigrant Rights Working Committee"): the group is the acronym; a place's ("Riverton's") is
    no part of the name when the page tells the rest alone too (:func:`_told_alone`); a lower-case word's ("the school's Committee on ...") names a body of
    something else, no group."""
    m = _POSSESSIVE.match(text, a, b)
    if m is None:
        return a, b
    owner = m.group(1)
    if _ACRONYM_ONLY.fullmatch(owner) and len(owner) >= 3:
        return a, m.end(1)
    if owner[:1].islower():
        return a, a  # "the school's Committee on Harbor Studies": a body of something else
    if _is_place_name(owner) and _told_alone(text, text[m.end():b]):
        return m.end(), b
    return a, b


def _told_alone(text: str, rest: str) -> bool:
    """Is ``rest``, a name after a place's possessive ("Riverton's | Tenants Union"), a name of its own:
    two words or more, and with a group word told on the page without the possessive too (without a
    group word it is cut as before)? Else the possessive is a word of the name ("America's Voice",
    "Colorado's Immigrant Rights Coalition")."""
    if len(rest.split()) < 2:
        return False
    if not _has_org_word(rest):
        return True  # no group word: the place's business or body ("Riverton's Harbor Cafe"), cut as before
    for hit in re.finditer(re.escape(rest), text):
        if not re.search(r"['’]s\s+$", text[max(0, hit.start() - 3):hit.start()]):
            return True
    return False


def _join_acronym_pairs(text: str, kept: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Two names joined by "and" whose acronym follows covers both are one name: "the
    Federation of Labor and Congress of Industrial Workers (FL-CIW)" (not "X Union and Y")."""
    out = sorted(set(kept))
    for (a1, b1), (a2, b2) in zip(out, out[1:], strict=False):
        m = _ACRO.match(text, b2)
        if m is None or not re.fullmatch(r"\s+and\s+", text[b1:a2]):
            continue
        initials = "".join(w[0] for w in re.findall(r"[A-Z][\w’'-]*", text[a1:b2]))
        if re.sub(r"[^A-Z]", "", m.group(1)) == initials:
            out = [x for x in out if x not in ((a1, b1), (a2, b2))] + [(a1, b2)]
    return sorted(out)


def _merge(text: str, kept: list[tuple[int, int]]) -> dict[str, Org]:
    """One Org per name; an acronym in parentheses after a name is its alias."""
    orgs: dict[str, Org] = {}
    aliases: dict[str, str] = {}
    for a, b in kept:
        name = text[a:b]
        low = re.sub(r"['’]", "", name.lower())  # "Teachers' Association", "Teachers Association": one name
        key = aliases.get(low, low)
        if key in orgs:
            orgs[key].spans.append((a, b, name))
            continue
        org = Org(name, [(a, b, name)])
        m = _ACRO.match(text, b)
        if m and m.group(1).lower() != name.lower():
            org.acronym = m.group(1)
            org.spans.append((m.start(1), m.end(1), m.group(1)))
            aliases[m.group(1).lower()] = key
            orgs.pop(m.group(1).lower(), None)
        orgs[key] = org
    return orgs


def _initials(name: str) -> str:
    return "".join(w[0] for w in re.findall(r"[\w'’-]+", name) if w[:1].isupper() or w[:1].isdigit())


def _hyphen_initials(name: str) -> str:
    """Initials with each capitalised part of a hyphenated word counted: "Pakistan
    Tehreek-e-Insaf" -> "PTI" (the particle "e" is lowercase, no letter of its own)."""
    return "".join(w[0] for w in re.findall(r"[\w'’]+", name) if w[:1].isupper() or w[:1].isdigit())


def _alias_bare_acronyms(orgs: dict[str, Org]) -> dict[str, Org]:
    """An acronym told apart from its name ("UFW" in the headline, "United Farm Workers" in the
    text) is that name's alias when its letters are the name's capitalised initials (a
    hyphenated word's capitalised parts each give one: "Tehreek-e-Insaf" -> "TI")."""
    full: dict[str, Org] = {}
    for o in orgs.values():
        if len(o.name.split()) >= 2:
            full.setdefault(_hyphen_initials(o.name), o)
    full.update({_initials(o.name): o for o in orgs.values() if len(o.name.split()) >= 2})
    for key, o in list(orgs.items()):
        target = full.get(o.name) if _ACRONYM_ONLY.fullmatch(o.name) and len(o.name) >= 3 else None
        if target is not None and target is not o:
            target.spans.extend(o.spans)
            target.acronym = target.acronym or o.name
            del orgs[key]
    return orgs


_AMP = re.compile(r"\s+&\s+")


def _amp_split(text: str, a: int, b: int) -> list[tuple[int, int]]:
    """Two names joined by "&", each ending in a group word, are two groups ("Harbor Teachers
    Association & School Committee"); "Friends & Neighbors Alliance" stays one."""
    m = _AMP.search(text, a, b)
    if m is None:
        return _group_and_split(text, a, b)
    left, right = text[a : m.start()], text[m.end() : b]
    last = left.split()[-1].lower() if left.split() else ""
    if last in _lex()["org_words"] and len(left.split()) >= 2 and _has_org_word(right):
        return [(a, m.start()), (m.end(), b)]
    return [(a, b)]


#: a parenthetical (an acronym or an expansion) inside a name, before its group word:
#: "the Harbor Against Greed (HAG) Coalition", "the Answer (Act Now to End War) Coalition"
_PAREN_HEAD = re.compile(
    r"\s*\([^()\n]{2,80}\)\s+(?:Coalition|Union|Alliance|Network|Movement|Campaign|Federation|Committee|Council|"
    r"Party|Front|Collective|Association)\b"
)


def _paren_then_head(text: str, a: int, b: int) -> int:
    """The end of a name whose group word follows its own parenthetical ("Harbor Against Greed
    (HAG) Coalition"): the name runs through the group word (scored without the parenthetical)."""
    if a >= b or text[b : b + 2].strip()[:1] != "(":
        return b
    m = _PAREN_HEAD.match(text, b)
    return m.end() if m is not None else b


_LIST_BEFORE = re.compile(r",\s+(?:the\s+)?$")
_AND = re.compile(r"\s+and\s+(?:the\s+)?(?=[A-Z])")


def _group_and_split(text: str, a: int, b: int) -> list[tuple[int, int]]:
    """The last two names of a comma list joined by "and" are two groups when the first ends in
    its group word and the second is a capitalised name of two or more words: "the Harbor Bar
    Council, Harbor Advocates Association and Civil Liberties Commission of Harbor"; never
    "Federation of Labor and Congress of ..." (no group word ends the first part) nor "Food and
    Commercial Workers"."""
    m = _AND.search(text, a, b)
    if m is None or not _LIST_BEFORE.search(text, max(0, a - 8), a):
        return [(a, b)]
    left, right = text[a : m.start()].split(), text[m.end() : b].split()
    if (
        len(left) >= 2 and left[-1].lower() in _GROUP_HEADS and left[0][:1].isupper()
        and len(right) >= 2 and right[-1][:1].isupper() and not _AND.search(text, m.end(), b)
    ):
        return [(a, m.start()), (m.end(), b)]
    return [(a, b)]


_AND_JOIN_PREPS = frozenset(("against", "for", "of", "on", "to"))
#: one capitalised word right before " and " (its own token; ``_name_tail`` checks the word before it)
_BARE_AND = re.compile(r"(?:^|(?<=[\s(“\"]))([A-Z][a-z][\w'’-]*) and $")
#: a capitalised token that a name runs through ("Harbor" in "Harbor Freedom and ..."; not "Cruz-led")
_NAME_TOKEN = re.compile(r"[A-Z][\w'’.]*(?:-[A-Z][\w'’.]*)*")


def _name_tail(text: str, a: int) -> bool:
    """The word at ``a`` follows a capitalised word of the same name (not an article, no comma between)."""
    before = text[max(0, a - 40) : a]
    if not before.endswith(" "):
        return False
    prev = before.split()[-1] if before.split() else ""
    return bool(_NAME_TOKEN.fullmatch(prev)) and prev.lower() not in ("the", "a", "an")
#: the words that head a group's name (a bare phrase after "and" has none of them)
_GROUP_HEADS = frozenset(
    "union coalition alliance association committee council federation party network league society movement "
    "campaign front group club caucus guild institute foundation organization organisation collective congress".split()
)


def _head_then_prep(words: list[str]) -> bool:
    """A group word and, after it, a preposition inside the name ("Harbor Union of Students")."""
    low = [w.lower() for w in words]
    head = next((i for i, w in enumerate(low) if w in _GROUP_HEADS), None)
    return head is not None and any(w in _AND_JOIN_PREPS for w in low[head + 1 : -1])


def _and_joined(text: str, cands: list[Cand], ents: list[tuple[int, int]], persons: list[tuple[int, int]],
                named: frozenset[tuple[int, int]] = frozenset()) -> list[Cand]:
    """One name that "and" runs through, its parts read as two candidates: "the Freedom and Rights
    Coalition" (a bare word before "and", the group word after it) and "the Alliance Against
    Hunger and Poverty" (a group word with its preposition before "and", a bare phrase after it:
    not a name of two or more words the parser tags as an organization).
    Two groups stay two: a part that is a name on its own (an ORG entity, an acronym, a state or
    country, a person) is never joined; nor is a bare phrase after "and" that the parser tags as
    a named entity of any kind (``named``: "the League of Women Voters and Indivisible")."""
    starts: dict[int, list[Cand]] = {}
    for c in cands:
        starts.setdefault(c[0], []).append(c)
    ent_set = set(ents)

    def alone(a: int, b: int, within: tuple[int, int] = (0, 0)) -> bool:
        """A name on its own (a town name may be a bare word: "Freedom"); a person span that also
        covers ``within`` (the group name) is the parser's misreading, not a person."""
        name = text[a:b]
        return ((a, b) in ent_set or bool(_ACRONYM_ONLY.fullmatch(name)) or _state_or_country_name(name)
                or any(pa <= a and b <= pb and not (pa <= within[0] and within[1] <= pb) for pa, pb in persons))

    out: list[Cand] = []
    for a2, b2, f2 in cands:  # a bare word before "and" no rule read as a name: "the Freedom and Rights Coalition"
        right = text[a2:b2].split()
        m = _BARE_AND.search(text, max(0, a2 - 40), a2)
        if m is None or len(right) < 2 or right[-1].lower() not in _lex()["org_words"] or _name_tail(text, m.start(1)):
            continue
        a1, b1 = m.span(1)
        if not (_has_org_word(text[a1:b1]) or alone(a1, b1, (a2, b2)) or text[a1:b1].lower() in _time_words()
                or any(a <= a1 < b for a, b, _ in cands) or text[a1:b1].lower() in _CLAUSE_OPENERS):
            out.append((a1, b2, f2))
    for a1, b1, f1 in cands:
        if text[b1 : b1 + 5] != " and ":
            continue
        for a2, b2, f2 in starts.get(b1 + 5, ()):
            left, right = text[a1:b1].split(), text[a2:b2].split()
            bare_then_group = (
                len(left) <= 2 and not _has_org_word(text[a1:b1]) and not alone(a1, b1)
                and right[-1].lower() in _lex()["org_words"] and len(right) >= 2
            )
            group_then_bare = (  # (the parser often tags the bare phrase alone: its entity does not count)
                _head_then_prep(left) and len(right) <= 3 and not any(w.lower() in _GROUP_HEADS for w in right)
                and not (len(right) >= 2 and ((a2, b2) in ent_set or right[-1].lower() in _lex()["org_words"]))
                and not any(a2 <= na < b2 for na, _ in named)
                and not (_ACRONYM_ONLY.fullmatch(text[a2:b2]) or _state_or_country_name(text[a2:b2]))
                and not any(pa <= a2 and b2 <= pb for pa, pb in persons)
            )
            if bare_then_group or group_then_bare:
                out.append((a1, b2, f1 or f2))
    return out


def find_orgs(
    text: str, scopes: list[tuple[int, int]], doc: Any = None, dropped: list[tuple[str, str, str]] | None = None,
    rejected: list[tuple[int, int, str]] | None = None,
) -> list[Org]:
    """Organizations named in the ``scopes`` (character ranges) of ``text``: names after
    organizer cues ("organized by X and Y", "organizers with X", "members of X"), names
    before "organized the rally", and organization-like spaCy ORG names (a union, a
    coalition...). Outlets, agencies and people are not organizations. ``dropped`` gets
    (name, rule, reason) for each candidate rejected; ``rejected`` (for the learned selector,
    ``orgs_model.py``) its (start, end, reason)."""
    ents: list[tuple[int, int]] = []
    persons: list[tuple[int, int]] = []
    norps: set[tuple[int, int]] = set()
    if doc is not None:
        ents = [_fit_entity(text, e.start_char, e.end_char) for e in entities(doc) if e.label_ == "ORG"]
        persons = [(e.start_char, e.end_char) for e in entities(doc) if e.label_ == "PERSON" and len(e) >= 2]
        norps = {(e.start_char, e.end_char) for e in entities(doc) if e.label_ == "NORP"}
    not_groups = norps | {(e.start_char, e.end_char) for e in entities(doc) if e.label_ == "CARDINAL"} if doc is not None else norps
    cands = (_entity_candidates(text, scopes, ents) + _cue_candidates(text, scopes, ents)
             + _agent_candidates(text, scopes, ents) + _people_word_candidates(text, scopes, ents, doc)
             + _quoted_candidates(text, scopes) + _appositive_candidates(text, scopes, ents)
             + _acronym_candidates(text, scopes) + _head_candidates(text, scopes)
             + _typed_candidates(text, scopes, ents) + _protester_candidates(text, scopes, ents, not_groups)
             + _person_of_candidates(text, scopes, persons) + _titled_candidates(text, scopes)
             + _head_first_candidates(text, scopes) + _campaign_candidates(text, scopes)
             + _led_action_candidates(text, scopes))
    named = frozenset((e.start_char, e.end_char) for e in entities(doc)) if doc is not None else frozenset()
    cands += _and_joined(text, cands, ents, persons, named)
    cued = {text[a:b].lower() for a, b, f in cands if f}
    cands.sort(key=lambda c: (c[0], -(c[1] - c[0])))
    kept: list[tuple[int, int]] = []
    actions = _told_action_names(text, scopes)
    bodies: set[str] = set()
    for a0, b0, from_list in cands:
        a1, b1 = _cut_titled_person(text, *_strip(text, a0, b0), persons)
        a1, b1 = _possessor(text, _past_place(text, a1, b1), b1)
        a1, b1 = _headline_cut(text, a1, b1)
        for a, b in _amp_split(text, a1, _paren_then_head(text, a1, b1)):
            why = _reject_reason(text, a, b, from_list, cued, persons, norps)
            if why is None:
                kept.append((a, b))
            else:
                if why == _ACTION_NAME:
                    actions.add(text[a:b].lower())
                elif (why == _NOT_ORGISH or why in _BODY_REASONS) and (acro := _ACRO.match(text, b)) is not None:
                    bodies.add(acro.group(1))  # "the Harbor Police Department (HPD)": HPD is no group either
                if dropped is not None and text[a:b]:
                    dropped.append((text[a:b], "organizations.candidate_filter", why))
                if rejected is not None and text[a:b]:
                    rejected.append((a, b, why))
    orgs = _alias_bare_acronyms(_merge(text, _join_acronym_pairs(text, _not_action_names(text, _not_bodies(text, kept, bodies, dropped), actions, dropped))))
    for o in orgs.values():
        o.group_named = any(q.lower() in cued for _, _, q in o.spans) or _has_org_word(o.name) or _movement_name(o.name)
    # shorter names contained in longer ones ("Students for Justice" in "... in Palestine")
    out = []
    names = [o.name.lower() for o in orgs.values()]
    for o in orgs.values():
        low = o.name.lower()
        if any(low != n and re.search(rf"\b{re.escape(low)}\b", n) for n in names):
            if dropped is not None:
                dropped.append((o.name, "organizations.contained_name", "part of a longer organization name"))
            continue
        out.append(o)
    return sorted(out, key=lambda o: o.spans[0][0])


def acronym_map(orgs: list[Org]) -> dict[str, str]:
    return {o.acronym: o.name for o in orgs if o.acronym}
