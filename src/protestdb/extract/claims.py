"""What protesters want and whom they address: claims (summary phrases), verbatim slogans,
and targets (known agencies/companies, organizations after target cues, employers)."""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

from protestdb.extract.gate import lowered, may_match, may_match_each
from protestdb.extract.lexicons import load, rx
from protestdb.extract.orgs import title_before
from protestdb.extract.spans import SpanIndex

Span = tuple[int, int, str]
_CUE_WORDS = {"fuera", "boycott", "abolish", "shut", "stop", "defund", "against", "no", "down", "out"}
_QUOTE = re.compile(r"[“\"]([^“”\"\n]{2,160})[”\"]")
_SLOGAN_CUE = re.compile(
    r"\b(?:signs?|slogans?|chant(?:s|ed|ing)?|banners?|placards?|posters?|shout(?:s|ed|ing)?|read(?:ing)?|t-shirts?|"
    r"such as|including|yell(?:ed|ing)?|sang|singing|cries of|cried)\b",
    re.IGNORECASE,
)
_CLAIM = re.compile(
    r"\b(?P<kind>in solidarity with|against|in protest of|in protest against|to protest|protesting|"
    r"in support of|calling for|call for|demanding|to demand|for)\s+(?P<obj>[^,.;:!?“”\"()\n]{3,90})",
    re.IGNORECASE,
)
_FOR_SKIP = re.compile(
    r"^(?:about |nearly |more than |over |at least |)?(?:hours?|days?|minutes?|weeks?|months?|years?|decades?|"
    r"the (?:first|second|third|fourth|fifth|\w+th|last|next) |a (?:few|couple|while|second|third|time)|"
    r"\d|one|two|three|four|five|six|seven|eight|nine|ten|several|example|instance|now|the day|"
    r"the (?:week|weekend|night|morning|afternoon|evening)|the event|the rally|the march|the protest|"
    r"it|them|him|her|us|themselves|which|what|who|profit|years|decades|more|"
    # "gathered for a rally called by ...", "for a candlelight vigil": the action, not a claim
    r"(?:an?|the|another|their|its|this|that)\s+(?:[\w-]+\s+){0,2}?(?:rall(?:y|ies)|march(?:es)?|vigils?|protests?|"
    r"demonstrations?|walkouts?|sit-ins?|pickets?|events?|gatherings?|news conference|press conference)\b)",
    re.IGNORECASE,
)
_CUT = re.compile(
    r"\s+(?:while|as|and then|which|that|who|where|when|after|before|because|on (?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)|"
    r"in (?:the )?(?:city|downtown)|outside|near|at the|through the|throughout)\b.*$",
    re.IGNORECASE,
)


def claims_verbatim(text: str, scopes: list[tuple[int, int]]) -> list[Span]:
    """Quoted chants/signs: quotes in a sentence part that names signs, chants or slogans."""
    out: list[Span] = []
    for s, e in scopes:
        for m in _QUOTE.finditer(text, s, e):
            if not _SLOGAN_CUE.search(text[s : m.start()]):
                continue
            a, b = m.span(1)
            while b > a and text[b - 1] in " ,.;:":
                b -= 1
            if b > a:
                out.append((a, b, text[a:b]))
    return out


def claims_summary(text: str, scopes: list[tuple[int, int]]) -> list[tuple[str, Span]]:
    """Phrases "for ...", "against ...", "in solidarity with ..." (value, evidence)."""
    out: list[tuple[str, Span]] = []
    seen = set()
    for s, e in scopes:
        quotes = [m.span() for m in _QUOTE.finditer(text, s, e)]
        for m in _CLAIM.finditer(text, s, e):
            if any(a <= m.start() < b for a, b in quotes):
                continue
            kind = m.group("kind").lower()
            obj = m.group("obj")
            obj = _CUT.sub("", obj).strip()
            if kind == "for":
                if _FOR_SKIP.match(obj) or text[m.end("kind") : m.end("kind") + 1] == "-":
                    continue
                if not re.match(r"(?:a|an|the|more|better|fair|higher|justice|peace|\w+ (?:rights|justice|contract|wages?))\b", obj, re.I):
                    continue
            if kind != "in solidarity with" and _FOR_SKIP.match(obj):
                continue
            if len(obj.split()) < 1 or len(obj.split()) > 10:
                continue
            lead = {"in protest of": "against", "in protest against": "against", "to protest": "against",
                    "protesting": "against", "calling for": "for", "call for": "for", "demanding": "for",
                    "to demand": "for", "in support of": "in support of"}.get(kind, kind)
            value = f"{lead} {obj}"
            if value.lower() in seen:
                continue
            seen.add(value.lower())
            end = m.start("obj") + len(obj)
            out.append((value, (m.start(), end, text[m.start() : end])))
    return out


def _tlex() -> dict[str, Any]:
    return load("targets_en")


@lru_cache(maxsize=1)
def known_targets() -> tuple[tuple[str, re.Pattern[str]], ...]:
    """One compiled pattern per known target (its spellings as one alternation)."""
    return tuple((canon, rx("|".join(f"(?:{p})" for p in pats))) for canon, pats in _tlex()["known"].items())


# a name's word ending a sentence (two small letters and a full stop; not an abbreviation)
_SENTENCE_END = re.compile(r"(?<![A-Z])(?<!Inc)(?<!Corp)(?<!Ltd)(?<!Bros)(?<!Dept)(?<=[a-z]{2})\.\s+")
# a possessive set with a mark no name holds (a left quote, grave or acute for the apostrophe):
# cut only when a noun of the target's follows ("Governor Lee‘s policies"); "Macy´s" may be the name
_POSSESSIVE_S = re.compile(r"\s*[‘`´]s$")
_ACTION_NAME = re.compile(r"\b(?:Day|Week|Month)$")  # "National Action Day": the action, no target
_ROAD = re.compile(r"\b(?:Interstate|Highway|Hwy|Route|Freeway|Expressway|Motorway|Road|Turnpike)$")
_ROAD_NUMBER = re.compile(r"\s*-?\s*\d")


# "Ohio-based Acme Co" -> "Acme Co" (a place of up to three words, "Salt Lake City-based", "St. Paul-based")
_BASED_IN = re.compile(r"^[A-Z][\w.]*(?:\s+[A-Z][\w.]*){0,2}-based\s+(?=[A-Z0-9])")
_BASED_ONLY = re.compile(r"^(?:[A-Z][\w.]*\s+){0,2}[\w.]+-based$")  # "Australian-based": no name


@lru_cache(maxsize=1)
def _name_cut_words() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """A weekday told after a body's name ("Harbor Library Sunday"; never "Black Friday", "Fox
    News Sunday": only after a body word, ``targets_en`` weekday_after_body); the words after a
    stray-mark possessive that are no noun of it (``possessive_not_nouns``)."""
    days = [w for w in load("date_en")["weekdays"] if w[:1].isupper() and len(w) > 4 and w.isalpha()]
    lx = load("targets_en")
    bodies = "|".join(lx.get("weekday_after_body", ())) or "(?!)"
    stop = "|".join(lx.get("possessive_not_nouns", ())) or "(?!)"
    return (re.compile(rf"\b(?P<body>{bodies})\s+(?:{'|'.join(days) or '(?!)'})$"),
            re.compile(rf"^\s+(?!(?:{stop})\b)[a-z]{{3,}}"))


def target_name_cut(name: str, after: str = "") -> str | None:
    """A target's name ended with its sentence ("Acme Group. This" -> "Acme Group"), less a
    "<Place>-based" opening, a closing comma, a weekday told after a body's name, and a possessive
    set with a stray mark when a noun of it follows (``after``, the text after the name); None for
    an action's own name ("National Action Day") or a bare "<Place>-based", never a target."""
    name = _SENTENCE_END.split(name, maxsplit=1)[0].rstrip(".,;: ")
    if _BASED_ONLY.match(name):
        return None
    day, noun = _name_cut_words()
    bare = _BASED_IN.sub("", name)
    if noun.match(after):
        bare = _POSSESSIVE_S.sub("", bare)  # "Governor Lee‘s plan" -> "Governor Lee"
    bare = day.sub(r"\g<body>", bare)
    name = bare if bare.strip() else name
    return None if _ACTION_NAME.search(name) else name


def find_targets(
    text: str,
    scopes: list[tuple[int, int]],
    orgs_in_text: list[tuple[int, int, str]],
    exclude: set[str],
    place_spans: list[tuple[int, int]],
) -> list[tuple[str, Span]]:
    """Targets named in the scopes: known agencies/companies, names after target cues
    ("Fuera X", "outside X", "against X"), and the employer of a contract claim."""
    lex = _tlex()
    out: list[tuple[str, Span]] = []
    names: set[str] = set()

    def add(name: str, span: Span) -> None:
        if name.lower() in exclude or name.lower() in names:
            return
        names.add(name.lower())
        out.append((name, span))

    pre_cue, post_cue = rx(lex["cues"][0]), rx(lex["cues"][1])
    cap = re.compile(r"[A-Z][\w&'’.-]*(?:\s+(?:of\s+|the\s+|&\s+)?[A-Z][\w&'’.-]*){0,4}")
    never = set(load("orgs_en")["never_org"])
    venue_heads = set(load("venues_en")["heads"])
    in_place = SpanIndex(place_spans)
    employer_cue = rx(lex["employer_cue"])
    low = lowered(text)
    known = known_targets()
    gates = [may_match_each(pat, low, scopes) for _, pat in known]  # (their words found once per text)
    for si, (s, e) in enumerate(scopes):
        for (canon, pat), gate in zip(known, gates, strict=True):
            m = pat.search(text, s, e) if gate[si] else None
            if m:
                add(canon, (m.start(), m.end(), m.group()))
        for m in cap.finditer(text, s, e):
            a, b = m.span()
            name = _SENTENCE_END.split(m.group(), maxsplit=1)[0].rstrip(".")  # "Acme Group. This"
            first = name.split()[0]
            if first.lower() in _CUE_WORDS and len(name.split()) > 1:
                a += len(first) + 1
                name = name[len(first) + 1 :]
            b = a + len(name)
            before = text[max(s, a - 40) : a]
            after = text[b : min(e, b + 20)]
            if not (pre_cue.search(before) or (post_cue.match(after) and text[a - 1 : a] in "“\"")):
                continue  # no target cue (checked first: most capitalised words have none)
            if name.lower() in never or in_place.covers(a, a + 1) or title_before(text, a):
                continue
            if name.split()[-1] in venue_heads or len(name) < 3 or _ACTION_NAME.search(name):
                continue
            if _ROAD.search(name) and _ROAD_NUMBER.match(text, b):
                continue  # "shut down Interstate 5": a road, no addressee
            add(name, (a, b, name))
        m = employer_cue.search(text, s, e) if may_match(employer_cue, low, s, e) else None
        if m:
            word = m.group(1).lower()
            for _a, b, q in orgs_in_text:
                if word in q.lower():
                    q2 = q[4:] if q.lower().startswith("the ") else q
                    add(q2, (b - len(q2), b, q2))
                    break
    return out
