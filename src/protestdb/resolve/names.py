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


def _cue_re(words: Iterable[str], end: bool = False) -> re.Pattern[str]:
    alt = "|".join(map(re.escape, sorted(words, key=len, reverse=True)))
    return re.compile(rf"\b(?:{alt})\W*$" if end else rf"(?<![\w#])(?:{alt})\b", re.IGNORECASE)


@lru_cache(maxsize=1)
def _cues() -> dict[str, re.Pattern[str]]:
    lex = _lexicon()
    nouns = "|".join(map(re.escape, sorted(lex["action_nouns"], key=len, reverse=True)))
    ords = "|".join(map(re.escape, lex["edition_ordinals"]))
    return {
        "name": _cue_re(lex["name_cues"], end=True),
        "not_name": _cue_re(lex["not_name_cues"], end=True),
        "furniture": _cue_re(lex["furniture_cues"]),
        "action": _cue_re([*lex["action_verbs"], *lex["action_nouns"]]),
        "noun_after": re.compile(
            rf"^[ ](?:{nouns}|{'|'.join(map(re.escape, lex['quoted_name_nouns']))})\b"),
        "bare_named": re.compile(rf"\b(?:{'|'.join(map(re.escape, lex['name_cues']))})[ ]+({_WORD}(?:[ ]{_WORD}){{1,5}})"),
        "edition": re.compile(
            rf"{_cue_re(lex['edition_cues']).pattern}"
            rf"|{'|'.join(lex['edition_patterns'])}"  # "returned for its tenth year", "since the march began"
            rf"|\b(?:{ords}|\d+(?:st|nd|rd|th))\b(?:[ ][\w'’-]+){{0,5}}?[ ](?:{nouns})\b",
            re.IGNORECASE),
    }


_SENTENCE = re.compile(r"(?<=[.!?])\s+|\n+")


def _institution(name: str) -> bool:
    """Does a run end in an organisation's, an institution's or a place's word ("... University")?"""
    last = re.sub(r"['’]s$", "", name.split()[-1].casefold())
    return last in _lexicon()["name_not_last"]


def _sentence_names(sent: str) -> set[str]:
    """The action names one sentence of the action's own gives (not page furniture: the caller)."""
    quoted, named = _patterns()
    cues = _cues()
    found = {"#" + m.group(1) for m in _HASHTAG.finditer(sent)}
    for m in quoted.finditer(sent):
        before, after = sent[: m.start()], sent[m.end():]
        if cues["not_name"].search(before):
            continue  # a chant, a sign's text: no name
        if cues["name"].search(before) or cues["noun_after"].match(after):
            found.add(m.group(1))  # "the 'X' march", dubbed "X"
    for m in named.finditer(sent):
        if sent[max(0, m.start() - 1): m.start()] in "\"“‘'" and m.start() > 0:
            continue  # inside quotes: the quoted rule decides
        found.add(m.group(1))
    for m in cues["bare_named"].finditer(sent):
        found.add(m.group(1))
    out = set()
    for n in found:
        name = n if n.startswith("#") else _clean(n)
        if name and (name.startswith("#") or not _institution(name)):
            out.add(name)
    return out


@lru_cache(maxsize=512)
def text_action_names(text: str) -> frozenset[str]:
    """Campaign keys of the actions a page names, each of two words or more after normalisation (a
    single word is too often a place or a person), found only in the sentences that tell an action (an
    action noun or verb), never in page furniture (follow / share lines, sign-offs: an outlet's own
    hashtag): a hashtag; a Title Case name in quotes right before an action noun or after a naming cue
    ("dubbed", "billed as"), never a chant or a sign's text; a Title Case name before an action noun
    ("Harbor Day rally") that does not end in an organisation's, an institution's or a place's word;
    a Title Case name after a naming cue."""
    if not text:
        return frozenset()
    cues = _cues()
    found: set[str] = set()
    for sent in _SENTENCE.split(text):
        if not sent or cues["furniture"].search(sent) or not cues["action"].search(sent):
            continue
        found |= _sentence_names(sent)
    return frozenset(_keys(found))


def tells_edition(text: str) -> bool:
    """Does a page tie an action to another edition of it or to a series ("last year's march", "the
    fourth ... march", "annual", "monthly", "every Saturday", "anniversary") -- in a sentence that tells
    an action (an action noun or verb; "weekly wages" alone is no series)? Then an undated report
    on it may tell any edition (issue 10: review, never a join)."""
    if not text:
        return False
    cues = _cues()
    return any(cues["edition"].search(sent) and cues["action"].search(sent) for sent in _SENTENCE.split(text) if sent)


def _compact(name: str) -> str:
    return name.replace(" ", "")


def names_meet(a: Iterable[str], b: Iterable[str]) -> bool:
    """Do two sets of action-name keys share a name: equal after normalisation, a hashtag run together
    equal to its words ("#HandsOffOurParks" / "Hands Off Our Parks"); never a prefix or a part of a
    longer name ("Hands Off" is not "Hands Off Our Parks")."""
    ca = {_compact(x) for x in a if len(x.split()) >= 2}
    return any(_compact(y) in ca for y in b if len(y.split()) >= 2)


def names_overlap(a: Iterable[str], b: Iterable[str]) -> bool:
    """The loose test, to leave a name out (an organizer's name inside a found run): one name inside
    the other (:func:`~protestdb.resolve.merge.titles_meet`) or one run together starting the other."""
    from protestdb.resolve.merge import titles_meet  # merge imports this module lazily too

    bs = list(b)
    return any(titles_meet(x, y) or _compact_start(x, y) for x in a for y in bs)


def _compact_start(x: str, y: str) -> bool:
    short, long_ = (x, y) if len(x) <= len(y) else (y, x)
    if len(short.split()) < 2 or {w for w in x.split() if w.isdigit()} != {w for w in y.split() if w.isdigit()}:
        return False
    return _compact(long_).startswith(_compact(short))


__all__ = ["names_meet", "names_overlap", "tells_edition", "text_action_names"]
