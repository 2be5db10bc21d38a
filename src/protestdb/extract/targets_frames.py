"""More frames of whom a protest addresses (English, on the event's scopes and spaCy's parse):

- a bill and the legislature it is before, told in one sentence ("demanding that a bill be
  brought before Congress", "the bill's second reading in Parliament") -> that legislature;
- lawmakers addressed where no state legislature names them (a national roundup, a country
  abroad): the legislature named in the same sentence ("rallied at the National Assembly to
  hand their demands to the lawmakers"), else "lawmakers" as written;
- the police after a killing or a beating ("a man shot and killed by Harbor City police",
  "Harbor City police officers beat him") -> the city's police department;
- teachers on strike with no employer named beside them -> the school district the article
  names (``school_employer``).

Word lists and patterns live in ``data/targets_en.json`` (``bill_core``, ``legislature_names``,
``police_violence``).
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

from protestdb.extract.gate import lowered, may_match
from protestdb.extract.lexicons import load

Span = tuple[int, int, str]

#: a capitalised word right before a legislature word makes it part of another name ("Nigeria
#: Labour Congress"), except these
_LEG_LEFT_OK = frozenset({"U.S.", "US", "The", "the", "National", "State", "Federal"})


@lru_cache(maxsize=1)
def _lex() -> dict[str, Any]:
    lx = load("targets_en")
    city = r"(?P<city>[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,2})"
    violence = lx.get("police_violence", "(?!)")
    return {
        "bill": re.compile(lx.get("bill_core", "(?!)"), re.IGNORECASE),
        "legislature": re.compile(lx.get("legislature_names", "(?!)")),
        "killed_by": re.compile(rf"\b(?:{violence})\b[^.;\n]{{0,80}}?\bby\s+(?:the\s+|an?\s+)?{city}\s+[Pp]olice\b(?!\s+(?:union|chief|said|say))"),
        "police_killed": re.compile(rf"\b{city}\s+[Pp]olice\s+(?:Department\s+)?(?:officers?\s+|detectives?\s+|deputies\s+)?(?:who\s+|that\s+)?(?:\w+ly\s+)?(?:{violence})\b"),
    }


def _sentence(text: str, at: int) -> tuple[int, int]:
    a = max(text.rfind(". ", 0, at), text.rfind("\n", 0, at)) + 1
    ends = [i for i in (text.find(". ", at), text.find("\n", at)) if i >= 0]
    return a, (min(ends) if ends else len(text))


def _legislatures_in(text: str, a: int, b: int) -> list[re.Match[str]]:
    """Legislature names in ``text[a:b]`` that are not part of another name."""
    out = []
    for m in _lex()["legislature"].finditer(text, a, b):
        left = text[max(a, m.start() - 30) : m.start()].split()
        if left and left[-1][:1].isupper() and left[-1] not in _LEG_LEFT_OK:
            continue  # "Nigeria Labour Congress"
        if re.match(r"\s+of\s+[A-Z]", text[m.end() : m.end() + 8]):
            continue  # "Congress of South African Trade Unions"
        out.append(m)
    return out


def bill_legislatures(text: str, s: int, e: int) -> list[Span]:
    """The legislature a bill is told before, in one sentence of ``text[s:e]``."""
    bill = _lex()["bill"]
    if not may_match(bill, lowered(text), s, e):
        return []
    out: list[Span] = []
    for m in bill.finditer(text, s, e):
        a, b = _sentence(text, m.start())
        for leg in _legislatures_in(text, a, b):
            span = (leg.start(), leg.end(), leg.group())
            if span not in out:
                out.append(span)
    return out


def lawmakers_named(text: str, at: int) -> Span | None:
    """Lawmakers addressed with no state legislature to name them: the legislature named in
    the same sentence, else the word as written ("lawmakers")."""
    a, b = _sentence(text, at)
    legs = _legislatures_in(text, a, b)
    if legs:
        # the fullest name ("National Assembly" over a bare "Congress"), then the nearest
        m = min(legs, key=lambda x: (-len(x.group().split()), abs(x.start() - at)))
        return (m.start(), m.end(), m.group())
    return None


def police_of_killing(text: str, doc: Any, s: int, e: int) -> list[tuple[str, Span]]:
    """The police department of a city whose officers killed, shot or beat someone, told in
    ``text[s:e]``; the city must be a place (spaCy GPE)."""
    lx = _lex()
    out: list[tuple[str, Span]] = []
    low = lowered(text)
    for rx in (lx["killed_by"], lx["police_killed"]):
        if not may_match(rx, low, s, e):
            continue
        for m in rx.finditer(text, s, e):
            a, b = m.span("city")
            span = doc.char_span(a, b, alignment_mode="expand") if doc is not None else None
            if span is None or not any(t.ent_type_ == "GPE" for t in span):
                continue
            name = f"{m.group('city')} Police Department"
            if name not in (n for n, _ in out):
                out.append((name, (a, m.end(), text[a : m.end()])))
    return out


@lru_cache(maxsize=1)
def _school() -> tuple[re.Pattern[str], re.Pattern[str]]:
    lx = load("targets_en")
    return (re.compile(lx.get("school_workers", "(?!)"), re.IGNORECASE),
            re.compile(lx.get("school_employer", "(?!)")))


def school_employer(text: str, scopes: list[tuple[int, int]]) -> Span | None:
    """Teachers striking or picketing with no employer named in the event's words: the school
    district the article names ("the Harbor Unified School District"), the one named most often
    (none when two are named as often)."""
    workers, _district = _school()
    if not any(workers.search(text, s, e) for s, e in scopes):
        return None
    return _school_district(text)


@lru_cache(maxsize=4)
def _school_district(text: str) -> Span | None:
    """The school district ``text`` names most often (none when two are named as often): the
    same for every event of the article, searched once."""
    _workers, district = _school()
    counts: dict[str, list[Span]] = {}
    for m in district.finditer(text):
        a, name = m.start("name"), m.group("name")
        art = re.match(r"(?:The|An?|Striking|Some)\s+", name)
        if art is not None:
            a, name = a + art.end(), name[art.end() :]
        counts.setdefault(name, []).append((a, a + len(name), name))
    if not counts:
        return None
    ranked = sorted(counts.items(), key=lambda kv: -len(kv[1]))
    if len(ranked) > 1 and len(ranked[0][1]) == len(ranked[1][1]):
        return None
    return ranked[0][1][0]


@lru_cache(maxsize=1)
def _police() -> tuple[re.Pattern[str], dict[str, str]]:
    lx = load("targets_en")
    return re.compile(lx.get("police_cause", "(?!)"), re.IGNORECASE), dict(lx.get("police_forces", {}))


def police_told(text: str) -> bool:
    """Whether the article tells a protest against the police anywhere (``police_cause``)."""
    cause = _police()[0]
    return may_match(cause, lowered(text)) and cause.search(text) is not None


def police_force(text: str, scopes: list[tuple[int, int]], head: list[tuple[int, int]], locality: str | None,
                 country: str | None) -> Span | None:
    """A protest against the police (``police_cause`` told in the event's sentences or the
    headline): the police force of its place as ``police_forces`` names it (the city's, else the
    country's), else in the US the city's Police Department; None elsewhere. The span is the
    cause's words."""
    cause, forces = _police()
    low = lowered(text)
    m = next((x for s, e in (*scopes, *head) if may_match(cause, low, s, e) for x in [cause.search(text, s, e)] if x), None)
    if m is None:
        return None
    name = forces.get(locality or "") or forces.get(country or "")
    if name is None and country == "US" and locality:
        name = f"{locality} Police Department"
    return (m.start(), m.end(), name) if name else None


@lru_cache(maxsize=1)
def _party() -> tuple[re.Pattern[str], tuple[re.Pattern[str], ...]]:
    lx = load("targets_en")
    # the party's name before the word ("the far-right Westland First party") or after it ("the far-right party Westland First")
    named = tuple(re.compile(lx[k]) for k in ("party_named", "party_named_after") if lx.get(k))
    return re.compile(lx.get("party_cause", "(?!)"), re.IGNORECASE), named


@lru_cache(maxsize=8)
def opposed_party(text: str) -> Span | None:
    """The far-right party a protest against the far right opposes: the one party the article
    names by that label, when the article tells the protest as against the far right."""
    cause, named = _party()
    if cause.search(text) is None:
        return None
    found = {m.group("name"): m.span("name") for rx in named for m in rx.finditer(text)}
    if len(found) != 1:
        return None
    (name, (a, b)), = found.items()
    return (a, b, name)


@lru_cache(maxsize=1)
def _governance() -> re.Pattern[str]:
    return re.compile(load("targets_en").get("governance_cause", "(?!)"), re.IGNORECASE)


def governance_cause(text: str, spans: tuple[tuple[int, int], ...] | None = None) -> Span | None:
    """The first words telling a protest as against bad governance ("#EndBadGovernance protests",
    "demanding better governance") in ``spans`` (the event's sentences and the headline; the whole
    text when None): a protest aimed at the government in power. Praise ("good governance") or
    governance told outside a protest or demand frame is none."""
    rx = _governance()
    for s, e in spans if spans is not None else ((0, len(text)),):
        m = rx.search(text, s, e)
        if m is not None:
            return (m.start(), m.end(), m.group())
    return None


@lru_cache(maxsize=1)
def _governor_bill() -> re.Pattern[str]:
    return re.compile(load("targets_en").get("governor_bill", "(?!)"))


def _points_at_bill(phrase: str, told: str) -> bool:
    """Does a governor's bill phrase ("the bill", "the voucher bill", "a water bill") point at the
    protested bill: no "a"/"an" before it, and each word before the bill noun (after a pointing
    word) told in ``told`` (the event's own sentences)."""
    lx = load("targets_en")
    words = [w.lower() for w in phrase.split()[:-1]]
    pointers, filler = set(lx.get("bill_pointers", [])), set(lx.get("bill_filler_words", []))
    at = max((i for i, w in enumerate(words) if w in pointers), default=-1)
    if at < 0 and any(w in ("a", "an", "another") for w in words):
        return False
    mods = [w for w in words[at + 1 :] if w not in filler]
    if at < 0 and not mods:  # "signed legislation": no bill told
        return False
    low = told.lower()
    return all(re.search(r"\b" + re.escape(w) + r"\b", low) for w in mods)


@lru_cache(maxsize=8)
def governor_behind_bill(text: str, spans: tuple[tuple[int, int], ...] | None = None) -> Span | None:
    """The one governor the article tells behind the protested bill ("Gov. Dana Reyes, who vowed
    to sign the bill", "the budget proposed by Governor Dana Reyes"): the name's span; None when it
    tells none or several. A clause about another bill ("signed a water bill") is none: ``spans``
    (the event's sentences and headline; the whole text when None) must tell the bill's words,
    or tell "<a bill> signed by Gov. <name>" itself."""
    told = "\n".join(text[s:e] for s, e in spans) if spans is not None else text
    found: dict[str, tuple[int, int]] = {}
    for m in _governor_bill().finditer(text):
        g, b = ("name", "bill") if m.group("name") else ("name2", "bill2")
        own = b == "bill2" and spans is not None and any(s <= m.start(b) < e for s, e in spans)
        if not own and not _points_at_bill(m.group(b), told):
            continue
        found.setdefault(m.group(g), m.span(g))
    if len(found) != 1:
        return None
    (name, (a, b)), = found.items()
    return (a, b, name)


_OWN_SIDE = re.compile(
    r"\b(?:Union|Association|Federation|Guild|Local|Workers|Nurses|Teamsters|Council|Coalition|Alliance|SEIU|AFL-CIO|UAW)\b")


@lru_cache(maxsize=64)
def site_owner_in(text: str, locality: str) -> Span | None:
    """The one company whose site the article tells in ``locality`` ("Acme Corp.'s Falcon plant in
    Ridgefield", "an Acme warehouse in Ridgefield"): a strike's employer; never a place, a union
    or a workers' organization; None when it tells none or several."""
    from protestdb.geo import country_code, state_code

    raw = load("targets_en").get("site_in_place")
    if not raw or not locality:
        return None
    rx = re.compile(raw.replace("{PLACE}", re.escape(locality)))
    frame = re.compile(load("targets_en").get("site_work_frame", "(?!)"), re.IGNORECASE)
    found: dict[str, tuple[int, int]] = {}
    for m in rx.finditer(text):
        if not _in_work_frame(text, m.start(), m.end(), frame):
            continue
        name = re.sub(r"^(?:The|An?|One)\s+", "", m.group("name")).strip()
        a = m.end("name") - len(name)
        name = re.sub(r"['’]s?$", "", name)
        if len(name) < 2 or _OWN_SIDE.search(name) or state_code(name) or country_code(name) or name == locality:
            continue
        found.setdefault(name, (a, a + len(name)))
    if len(found) != 1:
        return None
    (name, (a, b)), = found.items()
    return (a, b, name)


def _in_work_frame(text: str, a: int, b: int, frame: re.Pattern[str]) -> bool:
    """Is the site told at ``a``..``b`` the strikers' workplace: its sentence tells workers at it or
    a strike or picket (``site_work_frame``)?"""
    lo = max(text.rfind(". ", 0, a), text.rfind("\n", 0, a)) + 1
    ends = [i for i in (text.find(". ", b), text.find("\n", b)) if i >= 0]
    return frame.search(text, lo, min(ends) if ends else len(text)) is not None


@lru_cache(maxsize=1)
def _state_names() -> re.Pattern[str]:
    import us

    names = sorted((st.name for st in us.states.STATES), key=len, reverse=True)
    return re.compile(r"(?<![\w-])(?:" + "|".join(re.escape(n) for n in names) + r")(?![\w-])")


@lru_cache(maxsize=8)
def states_named(text: str) -> frozenset[str]:
    """The US states the text names in full ("Oklahoma", "New Mexico")."""
    return frozenset(m.group() for m in _state_names().finditer(text))


@lru_cache(maxsize=1)
def _election() -> tuple[re.Pattern[str], re.Pattern[str]]:
    lx = load("targets_en")
    return re.compile(lx.get("election_cause", "(?!)"), re.IGNORECASE), re.compile(lx.get("election_body", "(?!)"))


def election_body(text: str, spans: tuple[tuple[int, int], ...] | None = None) -> Span | None:
    """The one election body an article about a rigged election names ("the Westland Electoral
    Commission"), when it tells the protests as against the rigging (an election word by the
    rigging, in ``spans``: the event's sentences and the headline; the whole text when None);
    None for none or several."""
    cause, named = _election()
    if not any(cause.search(text, s, e) for s, e in (spans if spans is not None else ((0, len(text)),))):
        return None
    found: dict[str, tuple[int, int]] = {}
    for m in named.finditer(text):
        name = re.sub(r"^(?:[Tt]he|of)\s+", "", m.group("name"))
        a = m.end("name") - len(name)
        found.setdefault(name, (a, m.end("name")))
    if len(found) != 1:
        return None
    (name, (a, b)), = found.items()
    return (a, b, name)


@lru_cache(maxsize=1)
def _destination() -> re.Pattern[str]:
    return re.compile(load("targets_en").get("destination_legislature", "(?!)"))


def destination_legislature(text: str, scopes: list[tuple[int, int]]) -> Span | None:
    """The national legislature a march in ``scopes`` is told going to ("marched to Parliament"):
    its name as told after the march words, with "of <Country>" when told."""
    rx = _destination()
    for s, e in scopes:
        m = rx.search(text, s, e)
        if m is not None:
            a, b = m.start("name"), m.end()
            return (a, b, text[a:b])
    return None


__all__ = ["bill_legislatures", "destination_legislature", "election_body", "states_named", "governance_cause", "governor_behind_bill", "site_owner_in", "lawmakers_named", "opposed_party", "police_force", "police_told", "police_of_killing", "school_employer"]
