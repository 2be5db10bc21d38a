"""Series: the places of one list told after a head that names them as places ("cities such as
Fresno, Modesto and Bakersfield", "towns like Ames and Ottumwa", "including ones in Boise, Idaho;
Tulsa, Oklahoma; and Reno, Nevada"). ``places.listed_with_action`` reads a place right after
"including" as an example of the action's sites; ``listed_in_series`` says the same of every
place that goes on such a list, not only its first one (after a bare "including" the first only:
"nationwide, including Denver" names a site, what follows may be other news). The walk goes
back from the place over list separators and capitalised names (a town may carry its state: "Boise, Idaho"), at most ``MAX_ITEMS`` of them,
never across a sentence end, and needs the head before the first name. Patterns:
``data/roundups_en.json`` (``series_head``).
"""

from __future__ import annotations

import re
from functools import lru_cache

from protestdb.extract.lexicons import load_lang

#: a list goes back at most this many names before the place
MAX_ITEMS = 16
#: a name of the list (a town, or a town with its state) spans at most this many characters
_NAME_MAX = 48

_NAME = r"[A-Z][\w'’.-]*(?:[ \t]+(?:of[ \t]+|de[ \t]+)?[A-Z][\w'’.-]*){0,3}"
#: what separates two names of a list, with an "in" repeated ("including in Elmford, in Dunmore")
_SEP = re.compile(r"(?:[ \t]*[,;][ \t]*(?:and[ \t]+|or[ \t]+)?|[ \t]+(?:and|or|as well as)[ \t]+)(?:in[ \t]+)?$")
#: one name of the list, or a town with its state ("Boise, Idaho")
_ITEM = re.compile(rf"(?<![\w'’.-]){_NAME}(?:,[ \t]*{_NAME})?$")
#: a sentence end inside a name's words ("Denver. Austin"; not "St. Louis")
_SENT_END = re.compile(r"[a-z]{3}\.[ \t]")


@lru_cache(maxsize=4)
def _head(lang: str) -> re.Pattern[str] | None:
    head = load_lang("roundups", lang).get("series_head")
    return re.compile(rf"(?:{head})[ \t]+(?:in[ \t]+|at[ \t]+)?(?:the[ \t]+)?$", re.IGNORECASE) if head else None


def listed_in_series(text: str, start: int, lang: str = "en") -> bool:
    """Is the place at ``start`` a name of a list told after a head that names places ("cities
    such as", "towns like", "including ones in"): the first name or any later one?"""
    head = _head(lang)
    if head is None:
        return False
    pos = start
    for k in range(MAX_ITEMS):
        if (m := head.search(text, max(0, pos - 40), pos)) is not None:
            return not _held_series(text, m.start(), lang)
        sep = _SEP.search(text, max(0, pos - 16), pos)
        if sep is None:
            return False
        item = _ITEM.search(text, max(0, sep.start() - _NAME_MAX), sep.start())
        if item is None or "\n" in item.group(0) or _SENT_END.search(item.group(0)):
            return False
        if k == 0 and _state_list(text, start, item.group(0)):
            return False

        pos = item.start()
    return False


_CLAUSE_START = re.compile(r"[,;:.!?\n]")


@lru_cache(maxsize=4)
def _not_after(lang: str) -> re.Pattern[str] | None:
    pat = load_lang("roundups", lang).get("series_not_after")
    return re.compile(pat, re.IGNORECASE) if pat else None


def _held_series(text: str, head_start: int, lang: str) -> bool:
    """Is the series head told after a verb of having in its clause ("which has chapters in
    cities including ones in ..."): the places where a group is, not the action's sites?"""
    pat = _not_after(lang)
    if pat is None:
        return False
    lo = max(0, head_start - 120)
    stops = [m.end() for m in _CLAUSE_START.finditer(text, lo, head_start)]
    return pat.search(text, stops[-1] if stops else lo, head_start) is not None


_WORD_AT = re.compile(r"[A-Z][\w'’-]*(?:[ \t]+[A-Z][\w'’-]*){0,2}")


def _state_list(text: str, start: int, before: str) -> bool:
    """Is the name at ``start`` a state's name ending a list of states ("in states including
    Ohio, Texas and Washington"): the state, not its namesake city?"""
    from protestdb.extract.places import state_code

    m = _WORD_AT.match(text, start)
    return m is not None and state_code(m.group(0)) is not None and state_code(before.split(",")[-1].strip(" \t.")) is not None


@lru_cache(maxsize=4)
def _site_after(lang: str) -> re.Pattern[str] | None:
    heads = load_lang("roundups", lang).get("site_heads")
    if not heads:
        return None
    more = rf"(?:(?:[ \t]*,[ \t]*(?:and[ \t]+|or[ \t]+)?|[ \t]+(?:and|or)[ \t]+){_NAME})"
    return re.compile(rf"{more}{{0,{MAX_ITEMS}}}[ \t]+(?:{heads})\b")


def modifies_site(text: str, end: int, lang: str = "en") -> bool:
    """Does the town ending at ``end`` name a workplace or site, alone or as one name of a list
    ("out of the Denver office", "walked out of the Denver, Austin and Boston offices", "at the
    Toledo plant"): the town where the site is, whatever preposition comes before it?"""
    pat = _site_after(lang)
    return pat is not None and pat.match(text, end, min(len(text), end + 400)) is not None


@lru_cache(maxsize=4)
def _out_of(lang: str) -> re.Pattern[str] | None:
    pat = load_lang("roundups", lang).get("site_out_of")
    return re.compile(pat, re.IGNORECASE) if pat else None


def left_site(text: str, start: int, end: int, lang: str = "en") -> bool:
    """Is the town at ``start``-``end`` told as where a site is that the action left ("walked
    out of the Denver and Austin offices"): the action's verb with "out of the" right before
    it and a site noun after it (``data/roundups_en`` site_out_of, site_heads)? Not a town
    "of the Denver office" after any other words ("employees of the Denver office")."""
    pat = _out_of(lang)
    return pat is not None and pat.search(text, max(0, start - 40), start) is not None and modifies_site(text, end, lang)


__all__ = ["left_site", "listed_in_series", "modifies_site"]
