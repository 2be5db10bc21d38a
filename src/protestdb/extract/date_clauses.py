"""Which clause a date expression belongs to, read from the one spaCy parse.

A weekday name or a year-less day has two readings (``DateMention.value`` toward the past,
``future_value`` toward the future); the draft's tense picks one. The date's own clause can
settle it first: "the union called the strike late Wednesday" (a verb in the past tense) means
the Wednesday before the page; "workers threatened to intensify their protest on Tuesday"
(an infinitive after a verb of intent) and "the vigil will be held Friday" mean the day ahead.

Other helpers tell the date filler what a date is attached to: a date inside a relative clause
about something else ("the ICE raids that hit the area over the weekend"), a date that starts a
period ("protesting since Monday"), a date of speaking ("the coalition announced today").
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import Any

#: verbs whose "to"-infinitive tells an action ahead ("plan to march", "threatened to strike")
_INTENT = frozenset({
    "plan", "intend", "threaten", "vow", "promise", "expect", "hope", "aim", "prepare", "want",
    "decide", "agree", "pledge", "schedule", "set", "call", "urge", "invite", "ask", "encourage",
    "mean", "seek", "propose", "resolve",
    # adjectives: "were determined to embark on a protest on Tuesday", "are due to march Friday"
    "determined", "ready", "due", "poised", "likely", "eager",
})
#: verbs of saying: a date attached to one is the day the words were said
_SPEECH = frozenset({
    "say", "tell", "announce", "state", "confirm", "report", "add", "write", "post", "declare",
    "note", "explain", "reveal", "disclose", "issue", "release", "tweet",
})
#: dependency labels by which a date hangs from a verb directly
#: "since Monday", "since it began last Thursday", "since the strike started on May 2"
_SINCE = re.compile(
    r"\bsince\s+(?:(?:it|they|the\s+[\w-]+)\s+(?:began|started|opened|was\s+set\s+up|were\s+set\s+up)\s+(?:on\s+)?)?$",
    re.IGNORECASE,
)


def _tokens(sdoc: Any, m: Any) -> Any:
    span = sdoc.char_span(m.start, m.end, alignment_mode="expand")
    return span if span is not None and len(span) else None


def date_verb(sdoc: Any, m: Any) -> tuple[Any, bool] | None:
    """The verb a date mention hangs from, and whether it hangs from it directly (through a
    preposition or as a time noun) rather than through a noun ("their protest on Tuesday")."""
    span = _tokens(sdoc, m)
    if span is None:
        return None
    tok = span.root
    direct = True
    hops = 0
    while tok.pos_ not in ("VERB", "AUX") and tok.head is not tok and hops < 6:
        tok = tok.head
        hops += 1
        if tok.pos_ in ("NOUN", "PROPN", "PRON") and tok not in span:
            direct = False
    if tok.pos_ not in ("VERB", "AUX"):
        return None
    return tok, direct


def _future(verb: Any) -> bool:
    """The verb tells an action ahead: "will march", "is going to march", "plan to march",
    "is scheduled for", "should the city fail" is not (a condition)."""
    aux = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    if any(c.lower_ in ("will", "'ll", "shall") for c in aux):
        return True
    if any(c.lower_ == "to" for c in aux):
        head = verb.head
        if verb.dep_ in ("xcomp", "ccomp", "advcl") and head.lemma_ in _INTENT:
            return True
        if head.lemma_ == "go" and head.tag_ == "VBG":  # "are going to march"
            return True
        if head.lemma_ == "be" and verb.dep_ == "xcomp" and head.tag_ in ("VBZ", "VBP"):  # "the march is to begin at noon"
            return True
    if verb.tag_ == "VBN" and verb.lemma_ in ("schedule", "set", "plan") and any(c.dep_ == "auxpass" for c in verb.children):
        return True  # "the rally is scheduled for Friday"
    if verb.tag_ == "VBG" and verb.lemma_ in ("plan", "schedule", "prepare", "organize", "organise") and any(
        c.dep_ == "aux" and c.lemma_ == "be" and c.tag_ in ("VBP", "VBZ") for c in verb.children
    ):
        return True  # "activists are planning a vigil Friday evening"
    return False


def _past(verb: Any) -> bool:
    """The verb tells what happened: a simple past ("called the strike late Wednesday"), a
    pluperfect, or a passive in the past ("was arrested Friday")."""
    if verb.tag_ == "VBD" and verb.lemma_ not in ("be",):
        return not any(c.dep_ == "aux" and c.lower_ in ("will", "would", "could", "should", "might") for c in verb.children)
    if verb.tag_ == "VBN":
        aux = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
        return any(c.tag_ == "VBD" for c in aux) and not any(c.tag_ == "MD" for c in aux)
    return False


def read_tenses(sdoc: Any, dates: list[Any]) -> list[Any]:
    """``dates`` with each two-reading date (a weekday name, a year-less day) set to the reading
    its own clause tells: the past for a verb in the past tense that it hangs from directly, the
    future for a verb that tells an action ahead."""
    if sdoc is None:
        return dates
    out = []
    text: str | None = None  # (spaCy rebuilds a Doc's text from its tokens on every access)
    for m in dates:
        if m.value is None or m.future_value is None or m.value == m.future_value:
            out.append(m)
            continue
        got = date_verb(sdoc, m)
        if got is None:
            out.append(m)
            continue
        verb, direct = got
        if _future(verb):
            out.append(replace(m, value=m.future_value, end_value=_shift(m, m.future_value)))
        elif direct and _past(verb) and not rescheduled_to(text := sdoc.text if text is None else text, m):
            # ("was postponed until Saturday": the postponing is past, the action's new day may be ahead)
            out.append(replace(m, future_value=m.value))
        else:
            out.append(m)
    return out


def _shift(m: Any, start: Any) -> Any:
    if m.end_value is None or m.value is None:
        return m.end_value
    return start + (m.end_value - m.value)


def in_other_clause(sdoc: Any, m: Any, triggers: list[Any]) -> bool:
    """The date is told in a relative clause, or a clause of comparison, that holds none of the
    event's trigger words ("the raids that hit the area over the weekend", "much like they had
    earlier this week")."""
    if sdoc is None:
        return False
    got = date_verb(sdoc, m)
    if got is None:
        return False
    verb = got[0]
    if verb.dep_ not in ("relcl", "acl") and not _comparison(verb):
        return False
    noun = verb.head  # the noun the clause tells of: "the march, which began Saturday" is the event's
    if any(t.start <= noun.idx < t.end for t in triggers):
        return False
    a = verb.left_edge.idx
    b = verb.right_edge.idx + len(verb.right_edge.text)
    return not any(a <= t.start < b for t in triggers)


#: marks of a clause that compares the action with another occasion ("began much like they had
#: earlier this week", "bigger than the one held last month")
_COMPARE = frozenset({"like", "unlike", "than"})


def _comparison(verb: Any) -> bool:
    """The verb heads an adverbial clause of comparison: its date is the other occasion's."""
    return verb.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ in _COMPARE for c in verb.children)


def _root_and_span(sdoc: Any, m: Any) -> tuple[Any, Any] | None:
    """The date mention's head token and its token span in the parse, else None."""
    span = _tokens(sdoc, m) if sdoc is not None else None
    return None if span is None else (span.root, span)


def possessed_noun(sdoc: Any, m: Any) -> Any | None:
    """The noun a possessive date tells the day of ("Monday's shooting", "Wednesday evening's
    crowd"), else None."""
    got = _root_and_span(sdoc, m)
    if got is None:
        return None
    tok, span = got
    if tok.dep_ != "poss" or tok.head in span or tok.head.pos_ not in ("NOUN", "PROPN"):
        return None
    return tok.head


def attributive_noun(sdoc: Any, m: Any) -> Any | None:
    """The noun a date modifies from before it ("the Oct. 7 attacks", "the June 3 hearing",
    "the Saturday march"), else None."""
    got = _root_and_span(sdoc, m)
    if got is None:
        return None
    tok, span = got
    head = tok.head
    if tok.dep_ not in ("nmod", "compound", "amod") or head in span or head.i < tok.i:
        return None
    return head if head.pos_ in ("NOUN", "PROPN") else None


def weekday_stated_day(sdoc: Any, m: Any, stated: list[Any], announce: Any = None) -> Any | None:
    """The stated day a bare weekday name ("marched on Saturday") may take on a page without a
    date: its own sentence's only stated day, unless the weekday tells an action ahead ("will
    march on Saturday", an ``announce`` cue in the sentence) or the stated day belongs to another
    noun ("a hearing on Oct. 19", "the Oct. 5 rally"); else None (never a guess)."""
    span = _tokens(sdoc, m) if sdoc is not None else None
    if span is None:
        return None
    sent = span.sent
    own = [s for s in stated if sent.start_char <= s.start and s.end <= sent.end_char]
    if len(own) != 1:
        return None
    got = date_verb(sdoc, m)
    if got is not None and _future(got[0]):
        return None
    if announce is not None and announce.search(sdoc.text, sent.start_char, sent.end_char):
        return None
    if attributive_noun(sdoc, own[0]) is not None or possessed_noun(sdoc, own[0]) is not None:
        return None
    nominal = date_verb(sdoc, own[0])
    return own[0] if nominal is None or nominal[1] else None


def starts_a_period(text: str, m: Any) -> bool:
    """"since Monday", "protesting since yesterday", "since it began last Thursday": the day a
    still running action began."""
    return _SINCE.search(text, max(0, m.start - 48), m.start) is not None


def period_start(text: str, m: Any) -> int | None:
    """Where the "since" words before a date that starts a period begin (:func:`starts_a_period`), or None."""
    got = _SINCE.search(text, max(0, m.start - 48), m.start)
    return got.start() if got is not None else None


#: "the tents stay through Sunday", "the strike runs until Friday", "hasta el martes": the day a
#: period ends (the words right before the date)
_UNTIL = re.compile(
    r"\b(?:through|thru|until|till|til|hasta|jusqu'(?:au|à))\s+(?:(?:at\s+least|the\s+end\s+of|el|la)\s+)?$",
    re.IGNORECASE,
)


def ends_a_period(text: str, m: Any) -> bool:
    """"open through Sunday", "will stay until Friday": the last day of a period, not the day
    its action began (a range "from Monday through Wednesday" is one mention and starts at "from").
    "postponed until Saturday", "pushed back until Friday": the action's new day, no period."""
    return _UNTIL.search(text, max(0, m.start - 24), m.start) is not None and not rescheduled_to(text, m)


def rescheduled_to(text: str, m: Any) -> bool:
    """"postponed until Saturday", "pushed back until Friday": the date is the action's new day."""
    u = _UNTIL.search(text, max(0, m.start - 24), m.start)
    return u is not None and _RESCHEDULED.search(text, max(0, u.start() - 40), u.start()) is not None


#: "was postponed until", "has been pushed back until": the day after "until" is the action's new day
_RESCHEDULED = re.compile(
    r"\b(?:postpon(?:e|ed|es|ing)|delay(?:ed|s|ing)?|defer(?:red|s|ring)?|reschedul(?:e|ed|es|ing)|"
    r"(?:mov|push|put)(?:e|ed|es|ing)?\s+(?:back|off)|moved|put\s+off|aplaz(?:ó|ada|ado|ar)|pospuest[oa])"
    r"(?:\s+(?:again|once more|twice|by\s+(?:a|one|two|three|\w+)\s+(?:days?|weeks?)))?\s+$",
    re.IGNORECASE,
)


#: verbs that tell the first day of a multi-day action ("tents went up on the green, pitched on
#: Monday") and those that tell its last ("deputies cleared the green on Friday", "the union
#: ended its walkout Sunday")
_START_VERBS = frozenset({"begin", "start", "launch", "erect", "pitch", "set", "kick", "establish"})
_END_VERBS = frozenset({
    "end", "conclude", "sweep", "clear", "dismantle", "disband", "evict", "raze", "suspend", "lift",
    "finish", "wrap",
})


def period_edge(sdoc: Any, m: Any) -> str | None:
    """"start" when the date hangs on a verb that begins an action ("the sit-in began on Monday",
    "a camp pitched Friday"), "end" when on one that ends it ("deputies cleared the lawn on
    Sunday", "the walkout ended Saturday"), else None."""
    got = date_verb(sdoc, m) if sdoc is not None else None
    if got is None:
        return None
    lemma = got[0].lemma_.lower()
    if lemma in _START_VERBS:
        return "start"
    return "end" if lemma in _END_VERBS else None


#: the end verbs by which the actors themselves end their action ("voted to end the strike
#: Wednesday", "suspended the sit-in"), unlike a third party's ("police cleared the picket line")
_OWN_END_VERBS = frozenset({"end", "conclude", "suspend", "finish", "wrap", "lift"})


def ended_by_its_actors(sdoc: Any, m: Any) -> bool:
    """The date hangs on a verb by which the actors end their own action ("voted to end the strike
    Wednesday"), not a third party's ending of it ("police cleared the picket line Tuesday")."""
    got = date_verb(sdoc, m) if sdoc is not None else None
    return got is not None and got[0].lemma_.lower() in _OWN_END_VERBS


def spoken_on(sdoc: Any, m: Any) -> bool:
    """The date is the day something was said ("announced today", "said Friday")."""
    if sdoc is None:
        return False
    got = date_verb(sdoc, m)
    return got is not None and got[1] and got[0].lemma_ in _SPEECH


__all__ = ["attributive_noun", "date_verb", "ended_by_its_actors", "ends_a_period", "in_other_clause", "period_edge", "possessed_noun", "read_tenses",
           "rescheduled_to", "spoken_on", "starts_a_period",
           "weekday_stated_day"]
