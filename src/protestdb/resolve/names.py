"""Named actions in a page's text: the identity evidence an undated report carries (issue 10).

An outlet that gives no date often still names the action: a hashtag ("#StopTheBill"), a name in
quotes ("the 'Hands Off Our Parks' march"), or a Title Case name written before an action noun
("the Harvest Moon rally", "Harbor Day protests"). :func:`text_action_names` finds such names in
general -- by these patterns of news writing, never from a list of campaigns -- and returns their
campaign keys (:func:`protestdb.resolve.campaigns.campaign_key`), so "#HandsOffOurParks" meets
"Hands Off Our Parks". The words and nouns are data (``data/campaigns.json``).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache

from protestdb.resolve.campaigns import _lexicon, campaign_key

_HASHTAG = re.compile(r"(?<![\w&])#([A-Za-z][A-Za-z0-9_]{2,40})")
_WORD = r"[A-Z](?:[\w'’-]|\.(?=\w))*"  # a dot only inside ("U.S"), never the sentence's end


@lru_cache(maxsize=1)
def _patterns() -> tuple[re.Pattern[str], re.Pattern[str]]:
    lex = _lexicon()
    small = "|".join(map(re.escape, lex["name_small_words"]))
    nouns = "|".join(map(re.escape, sorted(lex["action_nouns"], key=len, reverse=True)))
    run = rf"{_WORD}(?:[ ](?:{_WORD}|(?:{small})(?=[ ][A-Z])))"
    quoted = re.compile(rf"[\"“‘]({run}{{1,5}})[\"”’]")
    named = re.compile(rf"\b({run}{{1,5}})[ ](?:{nouns})\b")
    return quoted, named


@lru_cache(maxsize=1)
def _lead_drop() -> frozenset[str]:
    return frozenset(_lexicon()["lead_drop"])


def _clean(name: str) -> str | None:
    """A found run without the words that start it but are not the name ("On Sunday's"), or None."""
    words = name.split()
    drop = _lead_drop()
    while words and re.sub(r"['’]s$", "", words[0].casefold()).strip(".") in drop:
        words = words[1:]
    if len(words) < 2 or not words[0][:1].isupper() or not words[-1][:1].isupper():
        return None
    return " ".join(words)


def _keys(names: Iterable[str]) -> set[str]:
    out = set()
    for n in names:
        k = campaign_key(n)
        if k and len(k.split()) >= 2:
            out.add(k)
    return out


@lru_cache(maxsize=512)
def text_action_names(text: str) -> frozenset[str]:
    """Campaign keys of the actions a page names: hashtags, Title Case names in quotes, and Title
    Case names before an action noun ("Harbor Day rally"), each of two words or more after
    normalisation (a single word is too often a place or a person)."""
    if not text:
        return frozenset()
    quoted, named = _patterns()
    found = {"#" + m.group(1) for m in _HASHTAG.finditer(text)}
    for pat in (quoted, named):
        for m in pat.finditer(text):
            name = _clean(m.group(1))
            if name:
                found.add(name)
    return frozenset(_keys(found))


def _compact_meet(x: str, y: str) -> bool:
    """One name run together starts the other ("end bad governance" / a hashtag whose small word was not
    capitalised, "#EndBadGovernanceinNigeria" -> "end bad governancein nigeria"): the shorter has two
    words or more and the edition numbers agree, as :func:`~protestdb.resolve.merge.titles_meet` asks."""
    short, long_ = (x, y) if len(x) <= len(y) else (y, x)
    if len(short.split()) < 2 or {w for w in x.split() if w.isdigit()} != {w for w in y.split() if w.isdigit()}:
        return False
    return long_.replace(" ", "").startswith(short.replace(" ", ""))


def names_meet(a: Iterable[str], b: Iterable[str]) -> bool:
    """Do two sets of action-name keys share a name (:func:`~protestdb.resolve.merge.titles_meet`, or
    one run together starting the other: :func:`_compact_meet`)?"""
    from protestdb.resolve.merge import titles_meet  # merge imports this module lazily too

    bs = list(b)
    return any(titles_meet(x, y) or _compact_meet(x, y) for x in a for y in bs)


__all__ = ["names_meet", "text_action_names"]
