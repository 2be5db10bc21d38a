"""Normalization of values before the scorer compares them.

Localities: case, punctuation, accents, "City of", "St." / "Saint", and the aliases in
``data/locality_aliases.json`` ("NYC" and the five boroughs -> "new york").
Organization names: fuzzy token match (rapidfuzz), acronyms derived from the words
("NDLON" == "National Day Laborer Organizing Network", "SEIU-USWW" == "Service Employees
International Union-United Service Workers West"), a parenthetical acronym, the
groups in ``data/org_aliases.json``, a lower-case kind word after a name ("X coalition" = "X") and
a police force with or without its department word, a public figure told by title and surname
("President Ruto" = "William Ruto"), a bare "government" = a government named by its country, and
one leader's government in English and Spanish ("Trump administration" = "gobierno de Donald Trump"),
a US state's legislature by its name or as "<State> legislature".
"""

from __future__ import annotations

import json
import re
import unicodedata
from functools import cache
from pathlib import Path
from typing import Any

from rapidfuzz import fuzz

DATA = Path(__file__).parent / "data"

#: rapidfuzz ``token_sort_ratio`` at or above which two names are the same.
NAME_THRESHOLD = 85.0

_PUNCT = re.compile(r"[^\w\s]|_")
_SPACES = re.compile(r"\s+")
_PAREN = re.compile(r"\(([^)]*)\)")
_TOKEN_SUBS = {"st": "saint", "ste": "sainte", "ft": "fort", "mt": "mount"}
_LOCALITY_PREFIXES = ("city of ", "town of ", "village of ", "borough of ", "township of ")
#: words skipped when an acronym is built from a name
_ACRONYM_STOP = frozenset("of the and for in on at to a an & de del la las los el y por para".split())


@cache
def _json(name: str) -> Any:
    return json.loads((DATA / name).read_text(encoding="utf-8"))


def strip_accents(s: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFKD", s) if not unicodedata.combining(c))


def norm_text(s: str | None) -> str:
    """Lowercase, no accents, punctuation as spaces, single spaces."""
    if not s:
        return ""
    s = strip_accents(s).lower().replace("&", " and ")
    s = _PUNCT.sub(" ", s)
    return _SPACES.sub(" ", s).strip()


def norm_locality(s: str | None) -> str | None:
    """Canonical form of a locality name; ``None`` for a missing one."""
    t = norm_text(s)
    if not t:
        return None
    for prefix in _LOCALITY_PREFIXES:
        if t.startswith(prefix):
            t = t[len(prefix) :]
    t = " ".join(_TOKEN_SUBS.get(w, w) for w in t.split())
    aliases: dict[str, str] = _json("locality_aliases.json")
    return aliases.get(t, t) or None


def norm_state(s: str | None) -> str | None:
    """Two-letter state code ("N.J.", "New Jersey", "nj" -> "NJ"); other text uppercased."""
    if not s:
        return None
    raw = s.strip()
    letters = re.sub(r"[^A-Za-z]", "", raw)
    if len(letters) == 2:
        return letters.upper()
    abbrevs: dict[str, str] = _json("state_abbreviations.json")
    key = norm_text(raw.replace(".", ""))
    if key in abbrevs:
        return abbrevs[key]
    try:
        import us

        st = us.states.lookup(raw.replace(".", "").strip())
        if st is None:
            st = us.states.lookup(strip_accents(raw))
        if st is not None:
            return str(st.abbr)
    except Exception:  # pragma: no cover - `us` is a dependency, be lenient anyway
        pass
    return norm_text(raw).upper() or None


def norm_label(s: str) -> str:
    """Event types and issues: lowercase, hyphens and spaces unified."""
    return norm_text(s.replace("-", " "))


# --- organization names -------------------------------------------------------------


def _strip_article(t: str) -> str:
    for prefix in ("the ",):
        if t.startswith(prefix):
            t = t[len(prefix) :]
    for prefix in ("u s ", "us ", "united states "):
        if t.startswith(prefix) and len(t.split()) > 2:
            t = t[len(prefix) :]
    return t


def compact(s: str) -> str:
    """Letters and digits only, lowercase: "SEIU-USWW" -> "seiuusww"."""
    return re.sub(r"[^0-9a-z]", "", strip_accents(s).lower())


def initials(name: str) -> set[str]:
    """Acronyms a name could be written as ("Immigration and Customs Enforcement" -> "ice").

    Hyphenated compounds give one acronym per part, concatenated ("Service Employees
    International Union-United Service Workers West" -> "seiuusww").
    """
    base = _PAREN.sub(" ", name)
    out: set[str] = set()
    parts = [p for p in re.split(r"\s*[-–/]\s*", base) if p.strip()]
    for keep_stop in (False, True):
        acr = ""
        for part in parts:
            words = norm_text(part).split()
            if words and words[0] in ("u", "us") and len(words) > 2:
                words = words[2:] if words[:2] == ["u", "s"] else words[1:]
            for w in words:
                if keep_stop or w not in _ACRONYM_STOP:
                    acr += w[0]
        if len(acr) >= 2:
            out.add(acr)
    return out


@cache
def _alias_lookup() -> dict[str, int]:
    """Normalized name -> index of its group in ``data/org_aliases.json``."""
    idx: dict[str, int] = {}
    for i, group in enumerate(_json("org_aliases.json")["groups"]):
        for n in group:
            idx[_strip_article(norm_text(n))] = i
    return idx


def name_forms(name: str) -> set[str]:
    """Normalized spellings of one name: itself, its parenthetical, its alias group."""
    forms = {_strip_article(norm_text(_PAREN.sub(" ", name)))}
    for inner in _PAREN.findall(name):
        forms.add(_strip_article(norm_text(inner)))
    idx = _alias_lookup()
    for f in list(forms):
        if f in idx:
            forms.add(f"alias:{idx[f]}")
    forms.discard("")
    return forms


def _is_acronym_like(name: str) -> bool:
    words = norm_text(name).split()
    return 0 < len(words) <= 2 and 2 <= len(compact(name)) <= 12 and any(c.isupper() for c in name)


def _strip_title(t: str) -> str:
    """A normalized name without a public figure's title before it ("president donald trump" ->
    "donald trump"); a name that is only a title stays as it is."""
    titles: list[str] = _titles()
    words = t.split()
    for title in titles:
        tw = title.split()
        if len(words) - len(tw) >= 2 and words[: len(tw)] == tw:
            return " ".join(words[len(tw) :])
    return t


def _titled_surname(a: str, b: str) -> bool:
    """``a`` is a title and one name ("president trump", "president ruto") and ``b`` a known
    public figure's full name ending with that name ("donald trump", "william ruto"), with or
    without a title, and the title fits the figure's office (``data/public_figures.json``): one
    public figure, told as news and coders tell him. Never "Mayor Johnson" / "Boris Johnson"."""
    words = a.split()
    if len(words) < 2:
        return False
    title = " ".join(words[:-1])
    if title not in _titles():
        return False
    other = _strip_title(b).split()
    if not (2 <= len(other) <= 4 and other[-1] == words[-1] and other != words):
        return False
    return title in _figures().get(" ".join(other), frozenset())


@cache
def _figures() -> dict[str, frozenset[str]]:
    """Known public figures (normalized full name) and the titles that fit their offices."""
    data = _json("public_figures.json")
    offices: dict[str, list[str]] = data["offices"]
    return {
        norm_text(name): frozenset(t for office in held for t in offices.get(office, [office]))
        for name, held in data["figures"].items()
    }


#: names of one government: the bare word, or the word after its country, people or leader
_GOVERNMENT_NAME = re.compile(r"^(?P<pre>(?:[\w-]+ ){1,3})government$|^government of (?P<post>[\w ]+)$")


def _bare_government(a: str, b: str, raw_b: str) -> bool:
    """A bare "government" ("the government", as a coder writes it for the one in power where
    the protest is) and a national government named by its country, people or leader ("kenyan
    government", "government of ghana", "ruto government", "federal government"); never another
    kind of government ("student government", "county government", "government of national
    unity"). ``raw_b`` is ``b`` as written: the country, people or leader is capitalised."""
    m = _GOVERNMENT_NAME.match(b) if a == "government" and b != a else None
    if m is None:
        return False
    data = _json("public_figures.json")
    national, not_national = set(data["national_words"]), set(data["not_national"])
    words = (m.group("pre") or m.group("post") or "").split()
    if not words or any(w in not_national for w in words):
        return False
    if all(w in national for w in words):
        return True
    raw = [w for w in re.split(r"[\s]+", _PAREN.sub(" ", raw_b)) if w and w.lower() not in ("the", "of", "government")]
    return bool(raw) and all(w[:1].isupper() or norm_text(w) in national for w in raw)


#: a government named by its leader: "<Name> administration" / "government", or in Spanish
#: "gobierno de <Name>", "administración (de) <Name>"
_LED_EN = re.compile(r"^(?P<n>(?:[\w-]+ ){0,2}[\w-]+) (?:administration|government)$")
_LED_ES = re.compile(r"^(?:gobierno|administracion)(?: de(?:l presidente)?)? (?P<n>(?:[\w-]+ ){0,2}[\w-]+)$")
#: words that make "<words> government" no person's government: a kind of government, a place
#: ("nuevo", "norte", "del"), a title
_NOT_PERSON = frozenset({
    "de", "del", "la", "el", "los", "las", "y", "e", "of", "the", "new", "north", "south", "east", "west",
    "nuevo", "nueva", "norte", "sur", "este", "oeste", "san", "santa", "federal", "nacional", "national",
    "central", "estatal", "provincial", "regional", "local", "municipal", "republica", "reino", "unido",
    "united"})
#: words that tell one place from another of a similar name ("nuevo mexico" / "mexico", "north" /
#: "south"): two governments differing in one never match by letters (a kind word may: "federal")
_PLACE_WORDS = frozenset({"new", "north", "south", "east", "west", "nuevo", "nueva", "norte", "sur", "este",
                          "oeste", "del", "san", "santa"})
#: title words before a leader's name, dropped ("former president trump administration")
_LEADER_TITLES = frozenset({"president", "presidente", "presidenta", "former", "ex", "prime", "minister",
                            "premier", "governor", "gobernador", "gobernadora", "mayor", "alcalde", "alcaldesa"})


def _led_by(t: str) -> tuple[str, ...] | None:
    """The leader's name (words) of a government named by a person (normalized ``t``), else None:
    never a country, a US state, a kind or a place word ("gobierno de nuevo mexico", "gobierno
    federal", "papua new guinea government")."""
    m = _LED_EN.match(t) or _LED_ES.match(t)
    if m is None:
        return None
    words = tuple(m.group("n").split())
    while len(words) > 1 and words[0] in _LEADER_TITLES:
        words = words[1:]
    if not words or any(w in _NOT_PERSON or w in _LEADER_TITLES for w in words):
        return None
    data = _json("public_figures.json")
    if any(w in data["national_words"] or w in data["not_national"] for w in words):
        return None
    from protestdb.geo.resolve import country_code  # the gazetteer's country names

    for i in range(len(words)):
        rest = " ".join(words[i:])
        if country_code(rest) is not None or (len(norm_state(rest) or "") == 2):
            return None
    return words


def _same_leader_government(a: str, b: str) -> bool:
    """One leader's government told in two languages ("Trump administration", "gobierno de Donald
    Trump"): one of them in Spanish, both by one person: the same full name,
    or a surname alone and a full name ending in it ("Kirchner government" is not "gobierno de
    Cristina Kirchner" when the other tells "Nestor Kirchner")."""
    if not (_LED_ES.match(a) or _LED_ES.match(b)):
        return False
    la, lb = _led_by(a), _led_by(b)
    if la is None or lb is None:
        return False
    if len(la) > 1 and len(lb) > 1:
        return la[0] == lb[0] and la[-1] == lb[-1]  # one first name (a middle initial aside)
    return la[-1] == lb[-1]


_STATE_LEGISLATURE = re.compile(r"^(?P<s>[a-z]+(?: [a-z]+)?) (?:state )?(?:legislature|general assembly|general court)$")


def _state_legislature(t: str) -> str | None:
    """The US state whose legislature normalized ``t`` names ("kentucky legislature", "kentucky
    general assembly" -> "KY"), else None."""
    m = _STATE_LEGISLATURE.match(t)
    if m is None:
        return None
    code = norm_state(m.group("s"))
    return code if code is not None and len(code) == 2 and m.group("s") != "state" else None


@cache
def _titles() -> list[str]:
    """The titles of ``data/person_titles.json``, longest (in words) first."""
    return sorted(_json("person_titles.json")["titles"], key=lambda x: -len(x.split()))


#: lower-case kind words a writer puts after a capitalised name ("the May Day Strong coalition"):
#: a description of the body, not part of its name
_DESCRIPTOR_TAIL = frozenset(
    "coalition union group movement campaign network alliance party organization organisation collective".split()
)
_POLICE_TAIL = re.compile(r"\bpolice (?:department|dept|service|force)$")


def _core(name: str) -> str:
    """A name less a lower-case kind word after it ("May Day Strong coalition" -> "may day strong"),
    a police force named with or without its department word ("Harbor police" / "Harbor Police
    Department" -> "harbor police"); normalized."""
    words = _PAREN.sub(" ", name).split()
    while len(words) >= 2 and words[-1] in _DESCRIPTOR_TAIL and any(
        w[:1].isupper() and w.lower() not in ("the", "a", "an") for w in words[:-1]
    ):
        words.pop()
    return _POLICE_TAIL.sub("police", _strip_article(norm_text(" ".join(words))))


def names_match(a: str, b: str, threshold: float = NAME_THRESHOLD) -> bool:
    """Whether two organization / target names name the same body (a public figure with or
    without the title before the name: "Mayor Lori Lightfoot" / "Lori Lightfoot")."""
    fa, fb = name_forms(a), name_forms(b)
    if fa & fb or compact(a) == compact(b):
        return True
    for x, y in ((a, b), (b, a)):
        if _is_acronym_like(x) and not _is_acronym_like(y):
            if compact(x) in initials(y):
                return True
        for inner in _PAREN.findall(y):
            if compact(x) == compact(inner):
                return True
    na = _strip_article(norm_text(_PAREN.sub(" ", a)))
    nb = _strip_article(norm_text(_PAREN.sub(" ", b)))
    if not na or not nb:
        return False
    ta, tb = _strip_title(na), _strip_title(nb)
    if (ta != na or tb != nb) and ta == tb:
        return True
    if _titled_surname(na, nb) or _titled_surname(nb, na):
        return True
    if _bare_government(na, nb, b) or _bare_government(nb, na, a):
        return True
    if _same_leader_government(na, nb):
        return True
    if (sa := _state_legislature(na)) is not None and sa == _state_legislature(nb):
        return True  # one state's legislature by its own name or as "<State> legislature"
    # only one side has the kind word: "Harbor Rising coalition" / "Harbor Rising", never
    # "Green party" / "Green movement" (two kinds of body)
    if _core(a) == nb or _core(b) == na:
        return True
    if _other_place_government(na, nb):
        return False  # "gobierno de nuevo mexico" / "gobierno de mexico": close letters, two governments
    return fuzz.token_sort_ratio(na, nb) >= threshold


def _other_place_government(a: str, b: str) -> bool:
    """Two governments named by words that differ in a place word ("nuevo", "north": "gobierno de
    mexico" / "gobierno de nuevo mexico")?"""
    ma, mb = _LED_EN.match(a) or _LED_ES.match(a), _LED_EN.match(b) or _LED_ES.match(b)
    if ma is None or mb is None:
        return False
    wa, wb = set(ma.group("n").split()), set(mb.group("n").split())
    return bool((wa ^ wb) & _PLACE_WORDS)
