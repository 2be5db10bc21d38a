"""Page furniture: the lines of a web page that are not the report (timestamps, "Related:"
links, share and newsletter text, photo credits, embedded posts) and the publication date they
carry when none is given.

``furniture_paragraphs`` marks whole lines (``segment`` labels them ``furniture``: no event
is read from them); ``published_date`` reads "Published March 7, 2023" / "Updated 2023-03-07"
/ "date 2023-03-07". Patterns: ``data/furniture_en.json``.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date, datetime, timedelta
from functools import lru_cache
from typing import Any

from protestdb.extract.date_clauses import period_start, starts_a_period
from protestdb.extract.lexicons import lang_entry, load_lang


@lru_cache(maxsize=4)
def _lex(lang: str) -> tuple[re.Pattern[str], re.Pattern[str]] | None:
    try:
        lex = load_lang("furniture", lang)
    except (FileNotFoundError, KeyError):
        return None
    lines = re.compile("|".join(f"(?:{p})" for p in lex["lines"]), re.IGNORECASE)
    return lines, re.compile(lex["published"], re.IGNORECASE | re.MULTILINE)


@lru_cache(maxsize=4)
def _link_heading(lang: str) -> re.Pattern[str] | None:
    pat = lang_entry("furniture", lang, "link_heading")
    return re.compile(pat, re.IGNORECASE) if pat else None


_BULLET = re.compile(r"^\s*(?:[•▪●◦*·]|[-–—](?=\s))")
_SENTENCE_END = ".!?\"”’)'"


def link_list(text: str, paragraphs: list[tuple[int, int]], lang: str = "en") -> set[int]:
    """Indexes of the link lines under a "RELATED STORIES" / "More from X" heading: the short
    lines after it that end in no sentence mark, or start with a bullet, up to the first line
    that reads as a sentence."""
    head = _link_heading(lang)
    out: set[int] = set()
    if head is None:
        return out
    listing = False
    for i, (a, b) in enumerate(paragraphs):
        line = text[a:b].strip()
        if head.fullmatch(line):
            listing = True
            continue
        if not listing or not line:
            continue
        if _BULLET.match(line) or (line[-1] not in _SENTENCE_END and len(line.split()) <= 30):
            out.add(i)
        else:
            listing = False
    return out


def is_furniture(line: str, lang: str = "en") -> bool:
    """Is the whole line page furniture?"""
    lex = _lex(lang)
    return lex is not None and lex[0].fullmatch(line.strip()) is not None


def furniture_paragraphs(text: str, paragraphs: list[tuple[int, int]], lang: str = "en") -> set[int]:
    """Indexes of the paragraphs (lines) that are furniture: whole-line patterns, and a teaser
    line at the top that a later paragraph repeats word for word."""
    out = {i for i, (a, b) in enumerate(paragraphs) if is_furniture(text[a:b], lang)}
    out |= link_list(text, paragraphs, lang)
    if len(paragraphs) > 2:
        a, b = paragraphs[0]
        first = text[a:b].strip()
        if len(first) > 20 and any(text[c:d].strip() == first for c, d in paragraphs[1:]):
            out.add(0)
    return out


@lru_cache(maxsize=4)
def _opinion_label(lang: str) -> re.Pattern[str] | None:
    pat = lang_entry("furniture", lang, "opinion_label")
    return re.compile(pat, re.IGNORECASE) if pat else None


def opinion_label(text: str, lang: str = "en", head_chars: int = 3000) -> tuple[int, int, str] | None:
    """The line near the top of the page that files it under opinion ("News / Opinion /
    Letters", "Letter: ...", ``data/furniture_<lang>.json`` opinion_label), with its span."""
    pat = _opinion_label(lang)
    if pat is None:
        return None
    pos, end = 0, min(len(text), head_chars)
    while pos < end:
        nl = text.find("\n", pos)
        nl = len(text) if nl < 0 else nl
        line = text[pos:nl].strip()
        if line and len(line) <= 160 and pat.fullmatch(line):
            a = text.index(line, pos)
            return a, a + len(line), line
        pos = nl + 1
    return None


@lru_cache(maxsize=4)
def _letter_signature(lang: str) -> re.Pattern[str] | None:
    pat = lang_entry("furniture", lang, "letter_signature")
    return re.compile(pat, re.IGNORECASE) if pat else None


def letter_signature(text: str, lang: str = "en") -> tuple[int, int, str] | None:
    """The sign-off that ends a letter to the editor ("Jane Doe,\nBrookfield, Vermont"; ``data/
    furniture_<lang>.json`` letter_signature) on the page's last lines, with its span."""
    pat = _letter_signature(lang)
    if pat is None:
        return None
    lines = [ln.strip() for ln in text[-400:].splitlines() if ln.strip()][-2:]
    for used in (lines, lines[-1:]):
        cand = "\n".join(used)
        if cand and pat.fullmatch(cand) and _signed_from_a_place(cand, lang):
            end = text.rindex(used[-1]) + len(used[-1])
            return text.rindex(used[0], 0, end), end, cand
    return None


def _signed_from_a_place(sign_off: str, lang: str) -> bool:
    """The words after the writer's name are a place: a town's name the gazetteer knows
    ("Brookfield"), then only states or countries ("Brookfield, Vermont", "Halden, Norway"; a
    small town missing from the gazetteer under its state still counts by its name), never a
    reporter's job or outlet ("City Hall Reporter", "The Daily Gazette": ``furniture_<lang>``
    byline_words)."""
    from protestdb.geo.normalize import norm_name
    from protestdb.geo.resolve import candidates, country_code, state_code

    place = sign_off.split("\n", 1)[1] if "\n" in sign_off else sign_off.split(",", 1)[-1]
    parts = [p.strip() for p in place.strip().rstrip(".").split(",")]
    words = {w.lower() for w in lang_entry("furniture", lang, "byline_words") or ()}
    if not parts[0] or any(w.lower().strip(".") in words for p in parts for w in p.split()):
        return False
    towns = candidates(norm_name(parts[0]))
    if not towns:
        return state_code(parts[0]) is not None or country_code(parts[0]) is not None
    for part in parts[1:]:
        st, cc = state_code(part), country_code(part)
        if st is None and cc is None:
            return False
    return True


_FORMATS = ("%Y-%m-%d", "%Y/%m/%d", "%B %d %Y", "%b %d %Y", "%d %B %Y", "%d %b %Y")


def _parse(words: str) -> date | None:
    w = re.sub(r"(?<=\d)(?:st|nd|rd|th)\b", "", re.sub(r"[.,]", " ", words))  # "28th Apr 2024"
    w = re.sub(r"\s+", " ", w).strip().replace("Sept ", "Sep ").replace("sept ", "sep ")
    for fmt in _FORMATS:
        try:
            return datetime.strptime(w, fmt).date()
        except ValueError:
            continue
    return None


#: a day in a page's address: ".../2024/04/25/slug", ".../2024-04-25-slug" (news sites file pages
#: under their publication day)
_URL_DAY = re.compile(r"/((?:19|20)\d{2})[/-](0[1-9]|1[0-2])[/-](0[1-9]|[12]\d|3[01])(?=[/_.-]|$)")


def url_day(url: str | None) -> date | None:
    """The publication day a page's address gives, if it gives a whole one."""
    if not url:
        return None
    m = _URL_DAY.search(url.split("?", 1)[0])
    if m is None:
        return None
    try:
        return date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    except ValueError:
        return None


#: a month in a page's address without its day: ".../2021/09/slug" (sites that file pages by month)
_URL_MONTH = re.compile(r"/((?:19|20)\d{2})[/-](0[1-9]|1[0-2])(?=/)(?!/(?:0[1-9]|[12]\d|3[01])(?:[/_.-]|$))")


def url_month(url: str | None) -> tuple[int, int] | None:
    """The year and month of publication a page's address gives without a day, if it gives them."""
    if not url:
        return None
    m = _URL_MONTH.search(url.split("?", 1)[0])
    return (int(m.group(1)), int(m.group(2))) if m else None


def stamp_month(text: str, lang: str = "en", head_chars: int = 3000) -> tuple[int, int] | None:
    """The year and month of publication a page's own stamp gives without a day ("date 2017-05"),
    if it gives them (``data/furniture_<lang>`` published_month)."""
    pat = lang_entry("furniture", lang, "published_month")
    if not pat:
        return None
    m = re.compile(pat, re.IGNORECASE | re.MULTILINE).search(text, 0, min(len(text), head_chars))
    return (int(m.group("y")), int(m.group("m"))) if m else None


def published_date(text: str, lang: str = "en", head_chars: int = 3000) -> tuple[date, tuple[int, int, str]] | None:
    """The publication date a page states in its furniture, with its span."""
    stamps = page_stamps(text, lang, head_chars)
    first = next((st for st in stamps if not st[1]), None) or (stamps[0] if stamps else None)
    return (first[0], first[2]) if first is not None else None


def page_stamps(text: str, lang: str = "en", head_chars: int = 3000) -> list[tuple[date, bool, tuple[int, int, str]]]:
    """The page's own dated stamps in text order: (date, is an "Updated" stamp, span). A page
    "Published" on one day and "Updated" on a later one was published on the first."""
    lex = _lex(lang)
    if lex is None:
        return []
    out = []
    for m in lex[1].finditer(text, 0, min(len(text), head_chars)):
        d = _parse(m.group("d"))
        if d is not None:
            kw = m.groupdict().get("kw") or ""
            out.append((d, kw.strip().lower().startswith("updat"), (m.start("d"), m.end("d"), m.group("d"))))
    return out


def stamp_spans(text: str, lang: str = "en", head_chars: int = 3000) -> list[tuple[int, int]]:
    """Spans of the page's own timestamps ("Published Oct. 4, 2024", "date 2024-10-04",
    "Updated ..."): dates of the page, not of any event it tells."""
    lex = _lex(lang)
    if lex is None:
        return []
    return [m.span("d") for m in lex[1].finditer(text, 0, min(len(text), head_chars))]


def without_stamps(text: str, dates: list[Any], lang: str = "en") -> list[Any]:
    """The date mentions of ``text`` that are not the page's timestamps."""
    spans = stamp_spans(text, lang)
    if not spans:
        return dates
    return [m for m in dates if not any(a <= m.start < b or m.start <= a < m.end for a, b in spans)]


@lru_cache(maxsize=4)
def _post_signature(lang: str) -> re.Pattern[str] | None:
    pat = lang_entry("furniture", lang, "post_signature")
    return re.compile(pat, re.MULTILINE) if pat else None


def post_day(text: str, pos: int, lang: str = "en", reach: int = 700, pub: date | None = None,
             max_age: int = 14) -> tuple[date, tuple[int, int, str]] | None:
    """The day of posting of the embedded post (a tweet) that holds ``pos``: the date of the
    signature line ("— Jo Doe (@jodoe) June 25, 2022") that ends it, the next one after ``pos``
    within ``reach`` characters, with its span; None outside a post. ``pos`` must be in the post's
    own lines: the line right above the signature, or, where blank lines part the page's
    paragraphs, a line of the same block (at most two line breaks, no blank line between); never a
    line that leads in to the post (ending in ":"). With ``pub``: only a post of the page's last
    ``max_age`` days (an old post quoted again is context, not the page's day)."""
    pat = _post_signature(lang)
    if pat is None or "(@" not in text:
        return None
    m = pat.search(text, pos, min(len(text), pos + reach))
    if m is None:
        return None
    between = text[pos:m.start()]
    breaks = between.count("\n")
    if breaks > 2 or (breaks == 2 and ("\n\n" in between or "\n\n" not in text)):
        return None
    line_end = text.find("\n", pos, m.start())
    if line_end >= 0 and text[pos:line_end].rstrip().endswith(":"):
        return None
    day = _parse(m.group("d"))
    if day is None or (pub is not None and not pub - timedelta(days=max_age) <= day <= pub):
        return None
    return day, (m.start("d"), m.end("d"), m.group("d"))


#: Words just before a date that make it another occasion's day: "the second march, following the
#: first on Aug. 14", "the earlier rally on May 2" (a campaign's other night). "since June 3" is
#: another kind (``date_clauses.starts_a_period``), also dropped from an undated report's date words.
@lru_cache(maxsize=4)
def _other_occasion(lang: str) -> re.Pattern[str] | None:
    pat = lang_entry("furniture", lang, "other_occasion_before")
    return re.compile(pat, re.IGNORECASE) if pat else None


def other_occasion(text: str, start: int, lang: str = "en") -> bool:
    """Do the words before a date at ``start`` tell another occasion's day (``data/furniture_<lang>``
    ``other_occasion_before``)?"""
    pat = _other_occasion(lang)
    return pat is not None and bool(pat.search(text[max(0, start - 60):start]))


@lru_cache(maxsize=4)
def _quoted_name(lang: str) -> tuple[re.Pattern[str], re.Pattern[str]] | None:
    before, after = lang_entry("furniture", lang, "quoted_name_open"), lang_entry("furniture", lang, "quoted_name_close")
    return (re.compile(before), re.compile(after)) if before and after else None


def in_quoted_name(text: str, start: int, end: int, lang: str = "en") -> bool:
    """Are the date words at ``start:end`` a word of a quoted name ("the ‘Ten Lanterns March 4 Rivers’
    rally": ``data/furniture_<lang>`` ``quoted_name_open`` / ``quoted_name_close``)?"""
    pats = _quoted_name(lang)
    if pats is None:
        return False
    opened = pats[0].search(text[max(0, start - 60):start])
    closed = pats[1].match(text, end)
    if opened is None or closed is None:
        return False
    mark = next((g for g in opened.groups() if g), "")
    return closed.group().endswith(QUOTE_PAIRS.get(mark, "\0"))  # a mark of the same kind closes it


#: an opening quotation mark -> its closing mark
QUOTE_PAIRS = {"\u201c": "\u201d", "\u2018": "\u2019", '"': '"'}


def _not_the_day(text: str, m: Any) -> bool:
    """Date words that name no day of the report's own action: another occasion's day ("following
    the first on Aug. 14"), a word of a quoted name ("the ‘March 4 Rivers’ rally")."""
    return other_occasion(text, m.start) or in_quoted_name(text, m.start, m.end)


def date_words(dates: list[Any], scopes: list[tuple[int, int]], text: str | None = None,
               another_period: Callable[[Any], bool] | None = None) -> Any | None:
    """The first date words of the event's scopes that resolve to no day ("on Saturday" on a
    page without a date): kept as evidence of an unknown date, never turned into a guess. Words
    naming a day of the month ("Jan. 28") go before relative ones ("Last night, Jan. 28"): they
    tell which day it was when another report gives the year. With ``text``: not words that name
    no day of the report's action (another occasion's, a quoted name's: :func:`_not_the_day`), nor
    the start of another thing's period when ``another_period`` says so ("a vendor who has been held
    since June 19"; "protesting since Saturday" is the action's own first day): the resolver reads
    date words as the day of this report's action, and denies it every other day."""
    told = [m for m in dates if getattr(m, "value", None) is None and getattr(m, "future_value", None) is None
            and any(a <= m.start < b for a, b in scopes) and not (text and _not_the_day(text, m))
            and not (text and another_period is not None and starts_a_period(text, m) and another_period(m))]
    named = [m for m in told if not getattr(m, "relative", False) and any(c.isdigit() for c in m.quote)]
    return (named or told or [None])[0]


def period_start_words(dates: list[Any], scopes: list[tuple[int, int]], text: str,
                       another_period: Callable[[Any], bool]) -> tuple[int, int, str] | None:
    """The first words of the event's scopes that tell, without a year, the day another thing's period
    began ("a vendor held since June 19": ``another_period``), as a span from "since" to the date's
    end: evidence that the report's action is not of that day (the resolver keeps it from that day's
    event), never its day."""
    for m in dates:
        if getattr(m, "value", None) is None and getattr(m, "future_value", None) is None \
                and any(a <= m.start < b for a, b in scopes) and another_period(m):
            start = period_start(text, m)
            if start is not None:
                return start, m.end, text[start:m.end]
    return None


__all__ = ["date_words", "furniture_paragraphs", "in_quoted_name", "is_furniture", "opinion_label", "page_stamps", "period_start_words", "post_day", "published_date", "stamp_month", "stamp_spans", "url_day", "url_month", "without_stamps"]
