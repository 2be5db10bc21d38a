"""Whom a protest's claims address, read from spaCy's dependency parse of the event's sentences.

- the object of an addressing verb ("urged the Harbor City Council to ...", "called on Acme
  Freight to ...", "protest the bank's lending" -> the bank);
- the subject of a demanded clause ("demanding that the sheriff end ...");
- "calling for the university to divest" (the noun before the infinitive);
- a company's site as the place of the action ("outside a Brightline Foods store").

Common nouns ("the sheriff", "the university", "the building's owner") are resolved to a
name told elsewhere in the article ("the Lyle County Sheriff's Office", "Ridgefield
University", "its owner, Maple Row Holdings,"); legislators and state bills resolve to the
event's state legislature; federal claims to the administration in office on the
publication date. Targets are institutions, officials' offices and companies, never the
protesters. Word lists live in ``data/targets_en.json``.
"""

from __future__ import annotations

import re
from datetime import date
from functools import lru_cache
from typing import Any

from protestdb.extract.gate import lowered, may_match
from protestdb.extract.lexicons import load
from protestdb.extract.spans import entities, entities_in
from protestdb.extract.targets_frames import (
    bill_legislatures,
    lawmakers_named,
    police_of_killing,
    school_employer,
)

Span = tuple[int, int, str]
_CAP_NAME = r"[A-Z][\w&'’.-]*(?:\s+(?:of\s+|the\s+|&\s+|for\s+)?[A-Z][\w&'’.-]*){0,5}"


@lru_cache(maxsize=1)
def _lex() -> dict[str, Any]:
    lx = load("targets_en")

    def alt(words: list[str]) -> str:
        return "|".join(sorted((re.escape(w) for w in words), key=len, reverse=True))

    return {
        "address": frozenset(lx.get("address_verbs", ())),
        "clause": frozenset(lx.get("clause_verbs", ())),
        "demand_from": frozenset(lx.get("demand_from", ())),
        "decisions": frozenset(lx.get("decision_nouns", ())),
        "address_nouns": {k: frozenset(v) for k, v in lx.get("address_nouns", {}).items()},
        "project_verbs": frozenset(lx.get("project_verbs", ())),
        "project_nouns": frozenset(lx.get("project_nouns", ())),
        "needs_clause": frozenset(lx.get("address_needs_clause", ())),
        "lawmakers_not_after": re.compile(lx.get("lawmakers_not_after", "(?!)"), re.IGNORECASE),
        "lawmakers_not_before": re.compile(lx.get("lawmakers_not_before", "(?!)"), re.IGNORECASE),
        "lawmaker_buildings": frozenset(lx.get("lawmaker_buildings", ())),
        "building_preps": re.compile(lx.get("building_preps", "(?!)"), re.IGNORECASE),
        "lawmakers": re.compile(rf"\b(?:{alt(lx.get('lawmakers', []))})s?\b", re.IGNORECASE),
        "bill": re.compile("|".join(lx.get("bill_words", [])) or r"(?!)", re.IGNORECASE),
        "capitol": re.compile("|".join(lx.get("capitol_words", [])) or r"(?!)", re.IGNORECASE),
        "federal": re.compile("|".join(lx.get("federal_cues", [])) or r"(?!)", re.IGNORECASE),
        "resolvable": frozenset(lx.get("resolvable", ())),
        "roles": re.compile(
            rf"\b(?:{alt(lx.get('role_nouns', []))}),\s+(?P<name>{_CAP_NAME})\s*[,.;]", re.UNICODE
        ),
        "not_target": frozenset(lx.get("not_target", ())),
        "legislatures": dict(lx.get("legislatures", {})),
        "administrations": [(date.fromisoformat(a), date.fromisoformat(b), n) for a, b, n in lx.get("administrations", [])],
        "presidents": [(date.fromisoformat(a), date.fromisoformat(b), n) for a, b, n in lx.get("presidents", [])],
        "run_by": re.compile(
            rf"\b(?:run|operated|owned|managed) by (?:the )?(?:(?:private|for-profit|prison|security|[a-z]+) ){{0,3}}?(?:company |firm |contractor )?(?P<name>{_CAP_NAME})"
        ),
        "workers": re.compile(rf"\b(?:{alt(lx.get('worker_nouns', []))})\b", re.IGNORECASE),
        "worker_at": re.compile(
            rf"\b(?i:{alt(lx.get('worker_nouns', []))})\s+(?:at|for|of|employed by|de)\s+(?:the\s+|a\s+|an\s+|its\s+|la\s+|el\s+)?(?P<name>{_CAP_NAME})"
        ),
        "labor_types": frozenset(lx.get("labor_types", ())),
        "parent": re.compile(rf"{lx['employer_parent']}(?P<name>{_CAP_NAME})") if lx.get("employer_parent") else None,
        "site_after": re.compile(
            # (after a possessive, a model's name may stand before the site noun: "X's Falcon plant")
            rf"(?:['’]s\s+(?:[\w-]+\s+){{0,2}}?|\s+(?:[a-z]+\s+){{0,2}}?)(?i:{alt(lx.get('site_nouns', []))})\b"
        ),
        "site_preps": re.compile(lx.get("site_preps", r"(?!)"), re.IGNORECASE),
        "governor": re.compile(lx.get("governor_cue", r"(?!)")),
        "run_by_es": re.compile(rf"{lx['operated_by_es']}(?P<name>{_CAP_NAME})") if lx.get("operated_by_es") else None,
        "government": frozenset(lx.get("government_nouns", ())),
        "led_bodies": frozenset(lx.get("led_body_nouns", ())),
        "anti_government": re.compile(lx.get("anti_government", r"(?!)"), re.IGNORECASE),
        "handover": frozenset(lx.get("handover_verbs", ())),
        "handover_objects": frozenset(lx.get("handover_objects", ())),
        "sites": re.compile(
            r"\s+(?:store|stores|branch|branches|offices?|headquarters|plant|warehouse|location|outlet|factory|dealership)\b",
            re.IGNORECASE,
        ),
    }


def _clean(name: str) -> str:
    name = re.sub(r"^(?:the|a|an)\s+", "", name.strip(), flags=re.IGNORECASE)
    name = re.sub(r"(?:'s|’s)$", "", name)
    return name.strip(" ,.;:")


def _np(tok: Any) -> tuple[int, int]:
    """Character span of the proper-name words of a noun (compounds, "of" names)."""
    doc = tok.doc
    ent = next((e for e in entities(doc) if e.start <= tok.i < e.end and e.label_ in ("ORG", "GPE", "FAC", "PERSON", "NORP")), None)
    if ent is not None and ent.label_ == "ORG":
        return ent.start_char, ent.end_char
    left = tok.i
    while left > 0 and doc[left - 1].dep_ in ("compound", "amod") and doc[left - 1].head.i in range(left, tok.i + 1):
        left -= 1
    return doc[left].idx, tok.idx + len(tok.text)


def _named_mentions(text: str, doc: Any) -> list[tuple[int, int, str]]:
    out = [(e.start_char, e.end_char, _clean(e.text)) for e in entities(doc) if e.label_ in ("ORG", "FAC")]
    return out


@lru_cache(maxsize=1)
def _building_heads() -> frozenset[str]:
    return frozenset(h.lower() for h in load("targets_en").get("building_heads", ()))


def _building_of(name: str, noun_l: str) -> bool:
    """A building or place named after the body ("University Hall", "College Green"): not the
    body "the university" means."""
    last = name.split()[-1].lower()
    return last != noun_l and last in _building_heads()


def _resolve(noun: str, text: str, doc: Any, at: int, locality: str | None) -> Span | None:
    """A name told in the article for a common noun ("the sheriff" -> "Lyle County Sheriff's
    Office"; "the owner" -> the name after "its owner,")."""
    lx = _lex()
    noun_l = noun.lower()
    for m in lx["roles"].finditer(text):
        if noun_l in m.group(0).lower().split(",")[0]:
            a, b = m.span("name")
            return a, b, m.group("name")
    word = re.compile(rf"\b{re.escape(noun_l)}", re.IGNORECASE)
    best: Span | None = None
    for a, b, name in _named_mentions(text, doc):
        if word.search(name) and len(name.split()) >= 2 and not _building_of(name, noun_l):
            if best is None or abs(a - at) < abs(best[0] - at):
                off = text.find(name, a, b)
                best = (off, off + len(name), name) if off >= 0 else (a, b, text[a:b])
    if best is None:
        for m in re.finditer(_CAP_NAME, text):
            name = _clean(m.group())
            if word.search(name) and len(name.split()) >= 2 and not _building_of(name, noun_l):
                off = text.find(name, m.start(), m.end())
                best = (off, off + len(name), name)
                break
    if best is not None and noun_l == "council" and locality and not best[2].lower().startswith(locality.lower()):
        return best[0], best[1], f"{locality} {_clean(best[2])}"
    return best


def _verb_addressed(tok: Any, lx: dict[str, Any], doc: Any, out: list[Any]) -> None:
    """The addressees of one verb (or auxiliary) token: its objects, "call on X", the subject
    of its clause complement, "for X to ..."."""
    lemma = tok.lemma_.lower()
    if tok.pos_ == "VERB" and lemma in lx["address"] and (
        lemma not in lx["needs_clause"] or any(c.dep_ == "xcomp" and c.i > tok.i for c in tok.children)
    ):  # "told the council to ...", not speech: "she told the Herald (that) ..."
        for c in tok.children:
            if c.dep_ in ("dobj", "nsubjpass") and lemma != "call":
                out.append(c)
            elif c.dep_ == "prep" and c.lower_ in ("on", "upon", "against") or (c.dep_ == "prep" and c.lower_ == "for" and lemma == "call"):
                for g in c.children:
                    if g.dep_ == "pobj" and (c.lower_ != "for" or any(x.dep_ in ("acl", "relcl", "xcomp") and x.pos_ == "VERB" for x in g.children)
                                             or (g.i + 1 < len(doc) and doc[g.i + 1].lower_ == "to")):
                        out.append(g)
    if lemma in lx["handover"]:
        _handed_to(tok, lx, out)
    if lemma in lx["clause"]:
        for c in tok.children:
            if c.dep_ in ("ccomp", "xcomp"):
                out.extend(g for g in c.children if g.dep_ == "nsubj")
    if any(c.dep_ == "mark" and c.lower_ in ("for", "until") for c in tok.children):
        # "calling for the university to divest", "until the college agrees to ..."
        out.extend(g for g in tok.children if g.dep_ == "nsubj")


def _handed_to(tok: Any, lx: dict[str, Any], out: list[Any]) -> None:
    """"delivered a petition to the council", "sent a message to the government": the object
    of "to" (on the verb or on its message object) when the object is a message word."""
    objs = [c for c in tok.children if c.dep_ == "dobj" and c.lemma_.lower() in lx["handover_objects"]]
    if not objs:
        return
    for head in (tok, *objs):
        for c in head.children:
            if c.dep_ in ("prep", "dative") and c.lower_ == "to":
                out.extend(g for g in c.children if g.dep_ == "pobj")


def _demanded_from(tok: Any, heads: frozenset[str]) -> bool:
    """"from" of a demand: a demand word heads it within four steps up the parse ("demanded
    answers from the mayor", "their demands for solutions to the crisis from the government")."""
    h = tok.head
    for _ in range(4):
        if h.lemma_.lower() in heads:
            return True
        if h.head is h or h.pos_ not in ("NOUN", "ADP", "PROPN"):
            return False
        h = h.head
    return False


def _person(tok: Any) -> bool:
    """A person's name (a public figure's short form whatever spaCy tagged it): leaders.py names
    people from their own frames."""
    from protestdb.extract.leaders import figure_name

    return tok.ent_type_ == "PERSON" or figure_name(tok.text) is not None


def _address_noun_prep(prep: Any, nouns: dict[str, frozenset[str]]) -> bool:
    """Does the preposition name whom a noun of opposition or pressure aims at: "opposition to",
    "pressure on" -- attached to the noun, or to the verb whose object the noun is ("put pressure
    on X")?"""
    head = prep.head
    if prep.lower_ in nouns.get(head.lower_, ()):
        return True
    return head.pos_ == "VERB" and any(
        c.dep_ == "dobj" and prep.lower_ in nouns.get(c.lower_, ()) for c in head.children
    )


def _project_of(verb: Any, nouns: frozenset[str]) -> list[Any]:
    """"halt the construction of the Harbor Line Pipeline": the named project (a proper noun)."""
    out = []
    for obj in (c for c in verb.children if c.dep_ == "dobj" and c.lemma_.lower() in nouns):
        for prep in (c for c in obj.children if c.dep_ == "prep" and c.lower_ == "of"):
            out.extend(g for g in prep.children if g.dep_ == "pobj" and g.pos_ == "PROPN")
    return out


def _addressed(doc: Any, s: int, e: int) -> list[Any]:
    """Tokens addressed by a claim in ``text[s:e]`` (parse)."""
    lx = _lex()
    out: list[Any] = []
    span = doc.char_span(s, e, alignment_mode="expand")
    if span is None:
        return out
    for tok in span:
        pos = tok.pos_
        if pos == "VERB" or pos == "AUX":  # (the lemma is read for verbs only)
            _verb_addressed(tok, lx, doc, out)
            if pos == "VERB" and tok.lemma_.lower() in lx["project_verbs"]:
                out.extend(_project_of(tok, lx["project_nouns"]))
        if tok.dep_ == "prep" and tok.lower_ == "against":
            out.extend(g for g in tok.children if g.dep_ == "pobj")
        elif tok.dep_ == "prep" and _address_noun_prep(tok, lx["address_nouns"]):
            out.extend(g for g in tok.children if g.dep_ == "pobj")  # "in opposition to X", "pressure on X"
        elif tok.dep_ == "prep" and tok.lower_ == "from" and _demanded_from(tok, lx["demand_from"]):
            out.extend(g for g in tok.children if g.dep_ == "pobj")
        elif tok.dep_ == "poss" and tok.pos_ in ("NOUN", "PROPN") and tok.head.lemma_.lower() in lx["decisions"] and not _person(tok):
            out.append(tok)  # "over the university's decision": the decision's owner (a person's: leaders.py)
    # "protest the bank's lending": the possessor of an addressed object; "against the new
    # Westland Union trade deal": the organization named before it
    final: list[Any] = []
    for t in out:
        poss = [c for c in t.children if c.dep_ == "poss" and c.pos_ in ("NOUN", "PROPN")]
        if not poss and t.pos_ == "NOUN":
            poss = [c for c in t.children if c.dep_ == "compound" and (c.ent_type_ == "ORG" or (
                c.lower_ in lx["government"] and t.lemma_.lower() in lx["decisions"])) and not _person(c)]
        final.append(poss[0] if poss else t)
    return final


class _Found:
    """Target names found so far (each once, never an excluded or a non-target word)."""

    def __init__(self, exclude: set[str] | frozenset[str], not_target: Any, text: str = "") -> None:
        self.out: list[tuple[str, Span]] = []
        self.seen: set[str] = set()
        self.exclude = exclude
        self.not_target = not_target
        self.text = text

    def add(self, name: str, span: Span, legislature: bool = False) -> None:
        key = name.lower()
        # (a legislature is never the protesters' own organization)
        if not name or key in self.seen or (key in self.exclude and not legislature) or key in self.not_target:
            return
        if reporting_outlet(self.text, name):
            return
        self.seen.add(key)
        self.out.append((name, span))


_REPORTS_AFTER = re.compile(r"(?:['’]s?)?\s*,?\s+(?:(?:first|has|had|previously|also)\s+)?(?:reported|reports|wrote|reporting)\b")
_REPORTS_BEFORE = re.compile(r"\b(?:according\s+to|told|reported\s+by|interview\s+with|speaking\s+(?:to|with))\s+(?:the\s+)?$",
                             re.IGNORECASE)


@lru_cache(maxsize=1)
def _media_words() -> frozenset[str]:
    return frozenset(load("targets_en").get("head_classes", {}).get("media", ()))


def reporting_outlet(text: str, name: str) -> bool:
    """A news outlet (its last word a ``media`` word of ``data/targets_en.json``: "Journal",
    "Herald") the page tells as reporting ("..., the Harlow Daily Journal reported", "according
    to the Harlow Herald"): a source, never a target. ("The Brenton Times said it stood by its
    story" is no report: a paper protested for its coverage that answers stays a target.)"""
    words = name.split()
    if not text or not words or words[-1].lower().strip(".,") not in _media_words():
        return False
    for m in re.finditer(re.escape(name), text):
        if _REPORTS_AFTER.match(text, m.end()) or _REPORTS_BEFORE.search(text, max(0, m.start() - 30), m.start()):
            return True
    return False


def _not_lawmakers(lx: dict[str, Any], text: str, a: int, b: int) -> bool:
    """A lawmakers word that names something else: "the Michigan Assembly Plant", "final
    assembly", or the statehouse as the place of the action ("rallied outside the state house")."""
    if lx["lawmakers_not_after"].match(text, b) or lx["lawmakers_not_before"].search(text, max(0, a - 30), a):
        return True
    return text[a:b].lower() in lx["lawmaker_buildings"] and bool(lx["building_preps"].search(text, max(0, a - 40), a))


def _legislature(lx: dict[str, Any], text: str, s: int, e: int, state: str | None) -> Span | None:
    """Legislators, or a state bill told at a statehouse."""
    if state not in lx["legislatures"]:
        return None
    seg = text[s:e]
    low = lowered(text)
    m = None
    if may_match(lx["lawmakers"], low, s, e):
        m = next((x for x in lx["lawmakers"].finditer(seg) if not _not_lawmakers(lx, text, s + x.start(), s + x.end())), None)
    if m is None and may_match(lx["bill"], low, s, e) and lx["bill"].search(seg) and lx["capitol"].search(seg):
        m = lx["bill"].search(seg)
    if m is None or (state == "DC" and m.group().lower().startswith("state")):
        return None
    return (s + m.start(), s + m.end(), m.group())


@lru_cache(maxsize=1)
def _official_title() -> re.Pattern[str]:
    return re.compile(load("targets_en").get("official_title", "(?!)"))


def _official(text: str, doc: Any, tok: Any) -> tuple[str, Span] | None:
    """An addressed person named as a public official ("urged Gov. Dana Whitfield to sign"): the
    name in full, or a known public figure's; never a private person."""
    from protestdb.extract.leaders import clean_name, figure_name

    ent = next((e for e in entities(doc) if e.start <= tok.i < e.end and e.label_ == "PERSON"), None)
    if ent is None:
        return None
    figure = figure_name(clean_name(ent.text))  # a known public figure needs no title ("demand Biden act")
    if figure is None and not _official_title().search(text, max(0, ent.start_char - 24), ent.start_char):
        return None
    name = figure or clean_name(ent.text)
    if len(name.split()) < 2:
        return None
    off = text.find(name, ent.start_char, ent.end_char)
    return name, (ent.start_char, ent.end_char, ent.text) if off < 0 else (off, off + len(name), name)


def _country_addressed(tok: Any, decisions: frozenset[str] = frozenset()) -> bool:
    """A country (never a city or state) as the owner of a protested decision ("Westland's war":
    a ``decisions`` noun, not "Westland's largest company") or the object of "against"."""
    if not ((tok.dep_ == "poss" and tok.head.lemma_.lower() in decisions)
            or (tok.dep_ == "pobj" and tok.head.lower_ == "against")):
        return False
    from protestdb.geo import country_code

    return bool(country_code(tok.text)) and not _state_like(tok.text)


def _state_like(name: str) -> bool:
    from protestdb.geo import state_code

    return bool(state_code(name))


def _foreign_country(name: str, country: str | None) -> str | None:
    """The country's canonical name ("America" -> "United States"), None for the event's own country
    (at home a protest addresses the government, told by the government rules)."""
    from protestdb.geo.resolve import country_code, country_name

    iso = country_code(name)
    return None if iso is None or iso == country else country_name(iso)


def _add_country(text: str, tok: Any, country: str | None, found: _Found) -> None:
    """The addressed country by its canonical name, unless it is the event's own."""
    a, b = _np(tok)
    name = _clean(text[a:b])
    canon = _foreign_country(name, country)
    if canon is not None:
        found.add(canon, (a + text[a:b].find(name), a + text[a:b].find(name) + len(name), name))


def _addressees(lx: dict[str, Any], text: str, doc: Any, s: int, e: int, locality: str | None, found: _Found,
                state: str | None = None, country: str | None = None) -> None:
    """The parse's addressees of the action (a named body, or "the city" resolved to its name)."""
    for tok in _addressed(doc, s, e):
        low = tok.lemma_.lower()
        if tok.ent_type_ == "PERSON":
            official = _official(text, doc, tok)
            if official is not None:
                found.add(*official)
            continue
        if low == "city" and tok.lower_ == "city" and locality and tok.i > 0 and tok.doc[tok.i - 1].lower_ == "the":
            # "urged the city to", "against the city's plan": the city's government
            found.add(f"City of {locality}", (tok.idx, tok.idx + len(tok.text), tok.text))
            continue
        if tok.ent_type_ == "GPE" and _country_addressed(tok, lx["decisions"]):
            _add_country(text, tok, country, found)  # "against Israel's war", "protest against Westland"
            continue
        if tok.pos_ == "PRON" or low in lx["not_target"] or tok.ent_type_ in ("GPE", "DATE", "CARDINAL", "NORP"):
            continue
        if lx["lawmakers"].fullmatch(tok.text) or low in ("lawmaker", "legislator"):
            if state not in lx["legislatures"] and low in ("lawmaker", "legislator"):
                # no state legislature to name them: the one named beside them, else as written
                sp = lawmakers_named(text, tok.idx)
                if sp is not None:
                    found.add(sp[2], sp, legislature=True)
                else:
                    found.add("lawmakers", (tok.idx, tok.idx + len(tok.text), tok.text))
            continue  # else the legislature rule
        if tok.pos_ == "PROPN":
            a, b = _np(tok)
            name = _clean(text[a:b])
            if len(name) >= 3 and (tok.ent_type_ == "ORG" or len(name.split()) >= 2):
                off = text.find(name, a, b)
                found.add(name, (off, off + len(name), name))
        elif low in lx["government"] or low in lx["led_bodies"] and any(
            c.dep_ == "compound" and c.pos_ == "PROPN" for c in tok.children
        ):
            a, b = _np(tok)  # "the federal government", "the Westland government", "the Harlow administration"
            name = _clean(text[a:b])
            found.add(name, (a + text[a:b].find(name), a + text[a:b].find(name) + len(name), name))
        elif low in lx["resolvable"]:
            r = _resolve(low, text, doc, tok.idx, locality)
            if r is not None:
                found.add(_clean(r[2]), (r[0], r[1], text[r[0] : r[1]]))


_SITE_PREP = re.compile(r"\b(?:outside|at|in front of|inside|into|of)\s+(?:an?|the|one)?\s*$")


def _site_companies(lx: dict[str, Any], text: str, doc: Any, s: int, e: int, found: _Found) -> None:
    """A company's site as the action's place ("outside a Brightline Foods store")."""
    span = doc.char_span(s, e, alignment_mode="expand")
    for ent in (entities_in(doc, span.start_char, span.end_char) if span is not None else []):
        if ent.label_ == "ORG" and lx["sites"].match(text, ent.end_char) and _SITE_PREP.search(
            text[max(0, ent.start_char - 20) : ent.start_char]
        ):
            name = _clean(ent.text)
            off = text.find(name, ent.start_char, ent.end_char)
            found.add(name, (off, off + len(name), name))


def find_parse_targets(
    text: str,
    doc: Any,
    scopes: list[tuple[int, int]],
    *,
    state: str | None = None,
    locality: str | None = None,
    published: date | None = None,
    exclude: set[str] = frozenset(),
    country: str | None = None,
) -> list[tuple[str, Span]]:
    """Targets of an event told in ``scopes`` (value, evidence span). "The president", "the
    administration" name the US one only for an event in the US (or of unknown country): abroad
    they are the country's own."""
    lx = _lex()
    found = _Found(exclude, lx["not_target"], text)
    for s, e in scopes:
        leg = _legislature(lx, text, s, e, state)
        if leg is not None:
            found.add(lx["legislatures"][state], leg)
        else:  # "a bill brought before Congress", "the bill's reading in Parliament"
            for sp in bill_legislatures(text, s, e):
                found.add(sp[2], sp, legislature=True)
        m = lx["federal"].search(text[s:e]) if country in (None, "US") and may_match(lx["federal"], lowered(text), s, e) else None
        if m is not None and published is not None:
            # "the president's policy": the person in office; "the administration", "the White House": his administration
            person = m.group().lower().startswith(("the president", "the commander", "the new commander"))
            terms = lx["presidents"] if person else lx["administrations"]
            name = next((n for a, b, n in terms if a <= published < b), None)
            if name:
                found.add(name, (s + m.start(), s + m.end(), m.group()))
        m = lx["anti_government"].search(text, s, e)
        if m is not None:
            found.add("government", (m.start(), m.end(), m.group()))
        if doc is None:
            continue
        _addressees(lx, text, doc, s, e, locality, found, state, country)
        for name, sp in police_of_killing(text, doc, s, e):
            found.add(name, sp)
        _site_companies(lx, text, doc, s, e, found)
        # the company running the action's site ("a detention center run by Corvane Group")
        for m in (lx["run_by"].finditer(text, s, e) if may_match(lx["run_by"], lowered(text), s, e) else ()):
            found.add(_clean(m.group("name")), (m.start("name"), m.end("name"), m.group("name")))
    return found.out


_UNIONISH = re.compile(
    r"\b(?:Union|Association|Federation|Guild|Local|Workers|Nurses|Teamsters|Council|Coalition|Alliance|Sindicato|SEIU|AFL-CIO|UAW)\b"
)


def _state_name(state: str | None) -> str | None:
    if not state:
        return None
    from protestdb.geo.resolve import state_name

    return state_name(state)


class _RoleFound:
    """Role targets found so far: cleaned, found back in the text, each once."""

    def __init__(self, text: str, exclude: set[str] | frozenset[str], not_target: Any) -> None:
        self.text = text
        self.out: list[tuple[str, Span]] = []
        self.seen: set[str] = set(exclude)
        self.not_target = not_target

    def add(self, name: str, a: int, b: int, keep_poss: bool = False) -> bool:
        name = name.strip(" ,.;:") if keep_poss else _clean(name)
        if len(name) < 3 or name.lower() in self.seen or name.lower() in self.not_target or reporting_outlet(self.text, name):
            return False
        off = self.text.find(name, a, b + 1)
        if off < 0:
            return False
        self.seen.add(name.lower())
        self.out.append((name, (off, off + len(name), name)))
        return True


_OWNED_SITE = re.compile(r"\s+(?:corporate\s+)?(?:headquarters|offices|store|plant|warehouse|factory|dealership|showroom)\b")
_SITE_THE = re.compile(r"\b(?:to|toward|towards)\s+the\s+$")
_SITE_SUFFIX = re.compile(r"\s+(?:[A-Z][a-z]+\s+)?(?:Plant|Store|Campus)$")
_OUTSIDE_A = re.compile(r"\boutside\s+(?:an?|one)\s+$")
_DETENTION_SITE = re.compile(r"\b(?:center|facility|jail|prison|detention|camp)\b", re.IGNORECASE)


def _employers(lx: dict[str, Any], text: str, s: int, e: int, orgs: list[tuple[int, int]],
               gpes: list[tuple[int, int]], found: _RoleFound) -> bool:
    """The strikers' employer: "nurses at X walked off the job", "X baristas". True if found."""
    employer = False
    for m in (lx["worker_at"].finditer(text, s, e) if may_match(lx["worker_at"], lowered(text), s, e) else ()):
        a, b = m.span("name")
        name = _SITE_SUFFIX.sub("", m.group("name"))
        if _UNIONISH.search(name) or any(ga <= a < gb and gb >= a + len(name) for ga, gb in gpes):
            continue
        found.add(name, a, b)
        employer = True
    for a, b in orgs:
        if s <= a < e and lx["workers"].match(text, b + 1, min(e, b + 30)) and text[b : b + 1] == " ":
            name = text[a:b]
            if not _UNIONISH.search(name):
                found.add(name, a, b)  # "Starbucks baristas"
                employer = True
    return employer


def _site_owners(lx: dict[str, Any], text: str, s: int, e: int, orgs: list[tuple[int, int]], found: _RoleFound) -> None:
    """The owner of the action's site: "outside X's headquarters", "picketed outside a X on Main Street"."""
    for a, b in orgs:
        if not (s <= a < e):
            continue
        # "marched to the Acme Freight headquarters"
        owned = _OWNED_SITE.match(text, b) and not _UNIONISH.search(text[a:b]) and _SITE_THE.search(text[max(0, a - 40) : a + (4 if text[a : a + 4].lower() == "the " else 0)])
        if lx["site_after"].match(text, b, min(len(text), b + 40)) and lx["site_preps"].search(text, max(0, a - 30), a):
            if "'" in text[b : b + 2] or "’" in text[b : b + 2] or text[max(0, a - 4) : a].split()[-1:] in (["a"], ["an"], ["one"]) or owned:
                found.add(text[a:b], a, b)
        elif owned:
            found.add(text[a:b], a, b)
        elif _OUTSIDE_A.search(text[max(0, a - 14) : a]):
            found.add(text[a:b], a, b, keep_poss=True)


@lru_cache(maxsize=1)
def _meeting_rx() -> tuple[re.Pattern[str], re.Pattern[str]]:
    lx = load("targets_en")
    return re.compile(lx.get("meeting_before", "(?!)")), re.compile(lx.get("meeting_after", "(?!)"))


_NAME_GOES_ON = re.compile(r"\s[A-Z][a-z]")


@lru_cache(maxsize=1)
def _site_rx() -> tuple[re.Pattern[str], re.Pattern[str], frozenset[str]]:
    lx = load("targets_en")
    return (re.compile(lx.get("site_of", "(?!)")), re.compile(lx.get("labor_site", "(?!)"), re.IGNORECASE),
            frozenset(lx.get("labor_site_not", ())))


def _sites_of(text: str, s: int, e: int, orgs: list[tuple[int, int]], labor: bool, found: _RoleFound) -> None:
    """An organization told as the owner of the action's site ("outside the offices of X"), and
    (a strike or picket) the organization whose site the workers picket ("picketed outside X")."""
    site_of, labor_site, not_site = _site_rx()
    meeting_before, meeting_after = _meeting_rx()
    for a, b in orgs:
        if not (s <= a < e):
            continue
        before = text[max(s, a - 70) : a]
        name = text[a:b]
        if _NAME_GOES_ON.match(text, b) and not meeting_after.match(text, b):
            continue  # "the office of House Speaker X": a title, the office of a person
        if site_of.search(before) or (meeting_after.match(text, b) and meeting_before.search(before)):
            found.add(name, a, b)  # "outside the offices of X", "at a X meeting"
        elif labor and labor_site.search(before) and not _UNIONISH.search(name) and (
            name.split()[-1].lower() not in not_site and name.lower() not in not_site
        ):
            found.add(name, a, b)


@lru_cache(maxsize=1)
def _reply_rx() -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    lx = load("targets_en")
    return (re.compile(lx.get("reply_after", "(?!)"), re.IGNORECASE), re.compile(lx.get("reply_before", "(?!)"), re.IGNORECASE),
            re.compile(lx.get("dispute_words", "(?!)"), re.IGNORECASE), re.compile(lx.get("employer_words", "(?!)")))


def _employer_reply(text: str, orgs: list[tuple[int, int]], exclude: set[str] | frozenset[str]) -> tuple[int, int] | None:
    """The organization answering for the other side of a labor dispute (a strike or picket with
    no employer named beside it): the one most often told saying something in a sentence about
    the dispute; never a union or the workers' own organization, none on a tie."""
    after, before, dispute, employer_word = _reply_rx()
    told: dict[str, list[tuple[int, int]]] = {}
    for a, b in orgs:
        name = text[a:b]
        if _UNIONISH.search(name) or name.lower() in exclude or len(name) < 3:
            continue
        if not (employer_word.search(name) or re.fullmatch(r"[A-Z&]{2,6}", name)):
            continue  # (a person's name spaCy took for an organization)
        if not (after.match(text[b : b + 80]) or before.search(text[max(0, a - 40) : a])):
            continue
        lo = max(text.rfind(". ", 0, a), text.rfind("\n", 0, a)) + 1
        hi = min([i for i in (text.find(". ", b), text.find("\n", b)) if i >= 0] or [len(text)])
        if dispute.search(text, lo, min(hi, lo + 600)):
            told.setdefault(name, []).append((a, b))
    ranked = sorted(told.values(), key=len, reverse=True)
    if not ranked or (len(ranked) > 1 and len(ranked[0]) == len(ranked[1])):
        return None
    return ranked[0][0]


_GOVERNOR_NAMED = re.compile(r"\b(?:Gov\.|Governor)\s+([A-Z][\w’'-]+(?:\s+[A-Z]\.)?\s+[A-Z][\w’'-]+)\b(?!['’]s\b)")


def _governor(lx: dict[str, Any], text: str, s: int, e: int, state: str | None, found: _RoleFound) -> None:
    """"the governor's budget" -> the governor of the event's state."""
    m = lx["governor"].search(text, s, e) if may_match(lx["governor"], lowered(text), s, e) else None
    sname = _state_name(state)
    if m is not None and sname:
        named = _GOVERNOR_NAMED.search(text)  # the governor named in the article
        name = named.group(1) if named is not None else f"Governor of {sname}"
        if name.lower() not in found.seen:
            found.seen.add(name.lower())
            found.out.append((name, (m.start(), m.end(), m.group())))


def find_role_targets(
    text: str,
    doc: Any,
    scopes: list[tuple[int, int]],
    *,
    types: list[str] | tuple[str, ...] = (),
    state: str | None = None,
    exclude: set[str] = frozenset(),
) -> list[tuple[str, Span]]:
    """Targets by their role toward the action (no parse needed beyond spaCy's entities):

    - the strikers' employer (labor events): "nurses at X walked off the job", "X baristas",
      and its parent or operator named in the article ("the hospital's parent company, Y,");
    - the owner of the action's site: "outside X's headquarters", "blocked the entrance of
      X's corporate center", "picketed outside a X on Main Street";
    - the company operating a detention site ("el centro es operado por la empresa X");
    - "the governor's budget" -> the governor of the event's state.
    Names with union words are the workers' own organizations, never their employer."""
    lx = _lex()
    found = _RoleFound(text, exclude, lx["not_target"])
    labor = bool(lx["labor_types"] & set(types))
    orgs = [
        (e.start_char, e.end_char - 2 if e.text.endswith(("'s", "’s")) else e.end_char)
        for e in (entities(doc) if doc is not None else ())
        if e.label_ in ("ORG", "FAC")
    ]
    gpes = [(e.start_char, e.end_char) for e in entities(doc) if e.label_ in ("GPE", "PERSON")] if doc is not None else []
    org_only = [(e.start_char, e.end_char - 2 if e.text.endswith(("'s", "’s")) else e.end_char)
                for e in (entities(doc) if doc is not None else ()) if e.label_ == "ORG"]
    employer = False
    for s, e in scopes:
        if labor and _employers(lx, text, s, e, orgs, gpes, found):
            employer = True
        _site_owners(lx, text, s, e, orgs, found)
        _sites_of(text, s, e, org_only, labor, found)
        if lx["run_by_es"] is not None and may_match(lx["run_by_es"], lowered(text), s, e):
            for m in lx["run_by_es"].finditer(text, s, e):
                found.add(m.group("name"), *m.span("name"))
        _governor(lx, text, s, e, state, found)
    if labor and not employer and not found.out:  # teachers on strike: the school district the article names
        district = school_employer(text, scopes)
        if district is not None:
            found.add(district[2], district[0], district[1])
    if labor and not employer and not found.out:  # the other side of the dispute answering
        reply = _employer_reply(text, org_only, exclude)
        if reply is not None:
            found.add(text[reply[0] : reply[1]], *reply)
    low = lowered(text)  # (the whole text's searches gated by their words too)
    if employer and lx["parent"] is not None and may_match(lx["parent"], low):
        for m in lx["parent"].finditer(text):
            if not _UNIONISH.search(m.group("name")):
                found.add(m.group("name"), *m.span("name"))
    # the operator of a detention site, told anywhere in the article
    for m in (lx["run_by"].finditer(text) if may_match(lx["run_by"], low) else ()):
        if _DETENTION_SITE.search(text[max(0, m.start() - 60) : m.start()]):
            found.add(m.group("name"), *m.span("name"))
    return found.out


def find_employers(text: str, doc: Any, scopes: list[tuple[int, int]], exclude: set[str] = frozenset()) -> list[tuple[str, Span]]:
    """The strikers' employer told in ``scopes`` ("X staff across the world walked out", "nurses
    at X"): for the text told for a whole labor action (a walkout in many cities of one company)."""
    lx = _lex()
    if doc is None:
        return []
    ents = entities(doc)
    orgs = [(e.start_char, e.end_char - 2 if e.text.endswith(("'s", "’s")) else e.end_char)
            for e in ents if e.label_ in ("ORG", "FAC")]
    gpes = [(e.start_char, e.end_char) for e in ents if e.label_ in ("GPE", "PERSON")]
    found = _RoleFound(text, exclude, lx["not_target"])
    for s, e in scopes:
        _employers(lx, text, s, e, orgs, gpes, found)
    return found.out


def staff_of_one_employer(name: str, lede: str) -> bool:
    """The report's lede tells ``name``'s own staff acting ("X staff across the world walked out",
    "nurses at X", "a strike against X") and no other group of workers ("X nurses and city bus
    drivers walk out"): then every place of the action is X's staff's."""
    lx = _lex()
    n = re.escape(name)
    attached = re.compile(
        rf"(?<![\w-]){n}(?:['’]s?)?\s+(?:{lx['workers'].pattern})"
        rf"|(?:{lx['workers'].pattern})\s+(?:at|for|of|employed by)\s+(?:the\s+)?{n}(?![\w-])"
        rf"|\b(?:strikes?|walkouts?|pickets?)\s+(?:against|at)\s+(?:the\s+)?{n}(?![\w-])",
        re.IGNORECASE,
    )
    spans = [m.span() for m in attached.finditer(lede)]
    if not spans:
        return False
    return all(any(a <= m.start() < b for a, b in spans) for m in lx["workers"].finditer(lede))


def is_labor(types: list[str] | tuple[str, ...] | None) -> bool:
    """A strike, picket or walkout (``labor_types``)."""
    return bool(_lex()["labor_types"] & set(types or ()))


@lru_cache(maxsize=1)
def _campus() -> tuple[re.Pattern[str], frozenset[str], frozenset[str]]:
    lx = load("targets_en")
    return re.compile(lx.get("campus_name", "(?!)")), frozenset(lx.get("campus_types", ())), frozenset(lx.get("campus_issues", ()))


def campus_target(venues: list[Any], types: list[str] | tuple[str, ...], issues: set[str] | frozenset[str]) -> Span | None:
    """The school a campus action presses: the event's first venue when it is a university or
    college and the action occupies, strikes or pickets there, or is about something the school
    decides (divestment, labor, education). ``venues`` carry ``start``, ``end``, ``quote``."""
    name_rx, kinds, about = _campus()
    if not venues or not (kinds & set(types) or about & set(issues)):
        return None
    v = venues[0]
    name = _clean(v.quote)
    if not name_rx.search(name):
        return None
    off = v.quote.find(name)
    return (v.start + off, v.start + off + len(name), name)


@lru_cache(maxsize=1)
def _bills() -> tuple[re.Pattern[str], re.Pattern[str]]:
    lx = load("targets_en")
    return re.compile(lx.get("bill_name", "(?!)")), re.compile(lx.get("legislature_names", "(?!)"))


def is_bill(name: str) -> bool:
    """A target named like a bill, act or budget ("Finance Bill 2023", "Assembly Bill 2183")."""
    return bool(_bills()[0].search(name))


def bill_legislature(text: str, at: int) -> Span | None:
    """The legislature named in the sentence around ``at`` ("marching to Parliament to protest
    against the Finance Bill" -> Parliament), for a bill told as the target."""
    a = max(text.rfind(". ", 0, at), text.rfind("\n", 0, at)) + 1
    ends = [i for i in (text.find(". ", at), text.find("\n", at)) if i >= 0]
    m = _bills()[1].search(text, a, min(ends) if ends else len(text))
    return (m.start(), m.end(), m.group()) if m is not None else None


@lru_cache(maxsize=1)
def _embassy_rx() -> re.Pattern[str]:
    return re.compile(load("targets_en").get("embassy_after", "(?!)"))


def embassy_government(name: str, text: str, end: int) -> str:
    """A people's word told as the action's site ("outside the Westlandian embassy"): the
    government of that country ("Westlandian government"); any other name as it is."""
    if " " not in name and name[:1].isupper() and name.endswith(("an", "ese", "ish", "i", "ch")) and _embassy_rx().match(text, end):
        return f"{name} government"
    return name
