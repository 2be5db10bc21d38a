"""Event types from triggers (DESIGN list) and the action's name (title)."""

from __future__ import annotations

import re
from typing import Any

from protestdb.extract.gate import lowered, may_match
from protestdb.extract.lexicons import any_rx, lang_entry, load, rx
from protestdb.models import EVENT_TYPES

Span = tuple[int, int, str]
_QUOTE = re.compile(r"[“\"]([^“”\"\n]{3,60})[”\"]")


def normalize_types(types: list[str]) -> list[str]:
    """Ordered, deduplicated, known types; the generic "demonstration" only when nothing
    more specific is there."""
    out: list[str] = []
    for t in types:
        if t in EVENT_TYPES and t not in out:
            out.append(t)
    if len(out) > 1 and "demonstration" in out:
        out.remove("demonstration")
    return out


def implied_types(quotes: list[str], lang: str) -> list[str]:
    """Types the trigger words themselves imply besides their own (``triggers_<lang>``
    "implied_types"): "glued themselves to the road" is a blockade and civil disobedience."""
    implied = lang_entry("triggers", lang, "implied_types") or {}
    return [typ for typ, pats in implied.items() if any(any_rx(tuple(pats)).search(q) for q in quotes)]


_SIGN_QUOTE = re.compile(r"[“\"]([^“”\"\n]{2,200})[”\"]")


def _sign_quotes(text: str, s: int, e: int, cue: re.Pattern[str]) -> list[tuple[int, int]]:
    """Spans of the quotations in ``text[s:e]`` that a sign, banner or chant says."""
    return [m.span() for m in _SIGN_QUOTE.finditer(text, s, e) if cue.search(text[max(s, m.start() - 40) : m.start()])]


def sign_quoted(text: str, start: int, end: int, positions: list[int]) -> list[bool]:
    """For each position, is it inside a quotation in ``text[start:end]`` that a sign, banner or
    chant says (``actions_en`` "sign_cues")?"""
    signs = _sign_quotes(text, start, end, rx(load("actions_en")["sign_cues"]))
    return [any(a <= p < b for a, b in signs) for p in positions]


def named_actions(text: str, ranges: list[tuple[int, int]]) -> list[tuple[str, list[str], Span]]:
    """Named recurring actions ("Day without Immigrants") and quoted names after a naming cue
    ('to mark a "Day of Action"'): (title, implied types, span)."""
    lex = load("actions_en")
    cue = rx(lex["title_cues"])
    out: list[tuple[str, list[str], Span]] = []
    low = lowered(text)
    named = [(d, rx(d["pattern"])) for d in lex["named"]]
    named_here = [(d, p) for d, p in named if may_match(p, low)]  # the names whose words occur in the text
    sign = rx(lex["sign_cues"])
    for s, e in ranges:
        signs = _sign_quotes(text, s, e, sign)  # 'banners reading "General Strike"': a slogan, no name
        for m in _QUOTE.finditer(text, s, e):
            if any(a <= m.start() < b for a, b in signs):
                continue
            a, b = m.span(1)
            q = text[a:b].rstrip(",.!")
            b = a + len(q)
            known = next((d for d in lex["named"] if rx(d["pattern"]).fullmatch(q)), None)
            words = [w for w in q.split() if len(w) > 3]
            titled = words and sum(w[0].isupper() for w in words) >= max(1, len(words) - 1)
            if known or (titled and len(q.split()) <= 7 and cue.search(text[max(s, m.start() - 30) : m.start()])):
                out.append((q, list(known["types"]) if known else [], (a, b, q)))
        for d, pat in named_here:
            if d.get("context") and not rx(d["context"]).search(text, s, e):
                continue  # "national shutdown" with no workers or unions told: no action's name
            for m in (pat.finditer(text, s, e) if may_match(pat, low, s, e) else ()):
                if not any(x[2][0] <= m.start() < x[2][1] for x in out) and not any(a <= m.start() < b for a, b in signs):
                    q = m.group()
                    out.append((q, list(d["types"]), (m.start(), m.end(), q)))
    return sorted(out, key=lambda x: x[2][0])



def several_kinds(triggers: list[Any], text: str) -> set[int]:
    """ids of triggers told together with the generic protest word ("protests and marches",
    "marches or other protests"; ``actions_en`` "several_kinds"): the article tells marches
    among other kinds of protest, so the specific word is not every city's."""
    gap = rx(load("actions_en")["several_kinds"])
    ts = sorted((t for t in triggers if not t.weak and not t.crowd), key=lambda t: t.start)
    out: set[int] = set()
    for a, b in zip(ts, ts[1:], strict=False):
        if a.sent == b.sent and a.type != b.type and "demonstration" in (a.type, b.type) and b.start - a.end <= 8 \
                and gap.match(text[a.end : b.start]):
            out.update((id(a), id(b)))
    return out


_SENT_END = re.compile(r"[.!?]\s|\n")


def whole_scope(text: str, t: Any) -> bool:
    """Does the trigger's sentence tell the action's whole spread ("rallies in 110 towns and
    cities", "marches across the country"; ``actions_en`` "whole_scope")?"""
    lo = max((m.end() for m in _SENT_END.finditer(text, max(0, t.start - 300), t.start)), default=max(0, t.start - 300))
    m = _SENT_END.search(text, t.end, t.end + 300)
    hi = m.start() if m else min(len(text), t.end + 300)
    return rx(load("actions_en")["whole_scope"]).search(text, lo, hi) is not None


def article_action(triggers: list[Any], owners: dict[int, list[str]], located: frozenset[str] | set[str],
                   text: str) -> tuple[str, Span] | None:
    """The specific action type the article tells for its whole action ("the rallies", "the
    global school strike"), with its first words: the type a city's generic "protesters" or
    "crowd" takes, as a coder copies a roundup's facts to every city. A vote counts only when
    told for the whole action: owned by no single located event (``owners``: trigger id ->
    draft keys; ``located``: the keys of located drafts) or told in a nationwide sentence that lists
    three or more places ("marches were held nationwide, among them in A, B and C"), not a call for an action ("called
    for a nationwide strike"), of a type a day of action takes (``actions_en``
    "inherited_types"); quoted speech, crowd counts and background do not vote; ties go to
    the type told first."""
    lex = load("actions_en")
    allowed = frozenset(lex["inherited_types"])
    call = rx(lex["call_cues"])
    idiom = rx(lex["idiom_triggers"])
    votes: dict[str, list[Any]] = {}
    owners_by_sent: dict[int, set[str]] = {}
    for t in triggers:
        owners_by_sent.setdefault(t.sent, set()).update(owners.get(id(t), ()))
    several = several_kinds(triggers, text)
    for t in triggers:
        if t.weak or t.quoted or t.crowd or t.background or t.type not in allowed:
            continue
        if id(t) in several or idiom.fullmatch(t.quote):
            continue  # "protests and marches happened", "thousands took to the streets": no kind for every city
        own = owners.get(id(t), [])
        if len(own) == 1 and own[0] in located and not (t.national and len(owners_by_sent[t.sent]) >= 3) \
                and not whole_scope(text, t):
            continue  # one city's own words ("thousands had rallied near the Capitol"), not a nationwide list's
        if call.search(text, max(0, t.start - 40), t.start):
            continue
        votes.setdefault(t.type, []).append(t)
    if not votes:
        return None
    typ, ts = max(votes.items(), key=lambda kv: (len(kv[1]), -kv[1][0].start))
    return typ, (ts[0].start, ts[0].end, ts[0].quote)
