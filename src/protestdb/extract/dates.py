"""Date expressions in news text, resolved against the publication date.

Candidates are found with regexes built from ``data/date_<lang>.json`` (month and weekday
names, modifiers, relative phrases, pattern templates) and resolved here without
dateparser. Languages without a data file fall back to ``dateparser.search`` (slow).

Each :class:`DateMention` carries two readings of year-less and relative expressions:
``value`` toward the past (what a report of a past event means) and ``future_value``
toward the future (what an announcement means). Nothing finer than the text says is
invented: a month without a day has precision ``"month"`` and the first of the month as
value; "last week" has precision ``"week"`` and the Monday of that week.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from functools import lru_cache
from importlib import resources
from typing import Any

from protestdb.extract.gate import finditer, lowered
from protestdb.extract.lexicons import load
from protestdb.extract.spans import DisjointSpans

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class DateMention:
    """One date expression: ``text[start:end] == quote``."""

    start: int
    end: int
    quote: str
    value: date | None  # resolved toward the past (reports)
    future_value: date | None  # resolved toward the future (announcements)
    end_value: date | None  # last day of a range ("Feb. 2-4", "Friday through Sunday")
    precision: str  # "day" | "week" | "month" | "unknown"
    relative: bool  # weekday names, "yesterday", "last week" ...


@dataclass(frozen=True)
class _Lexicon:
    lang: str
    months: dict[str, int]
    weekdays: dict[str, int]
    modifiers: dict[str, str]
    relative: dict[str, dict[str, int]]  # kind -> phrase (lower case) -> offset
    numeric_order: str
    ignore_case: bool
    patterns: tuple[tuple[str, re.Pattern[str]], ...]
    holidays: dict[str, str]  # folded name -> "MM-DD" | "N:WD:MM"
    holiday_leads: frozenset[str] = frozenset()  # capitalised words that may stand before a holiday name


def _alt(words: list[str], dot: bool = False) -> str:
    """Regex alternation of ``words``, longest first; abbreviations optionally take a dot."""
    parts = []
    for w in sorted(set(words), key=len, reverse=True):
        esc = re.escape(w)
        if dot and len(w) <= 4:
            esc += r"\.?"
        parts.append(esc)
    return "(?:" + "|".join(parts) + ")"


@lru_cache(maxsize=8)
def _lexicon(lang: str) -> _Lexicon | None:
    res = resources.files("protestdb.extract").joinpath(f"data/date_{lang}.json")
    if not res.is_file():
        return None
    data: dict[str, Any] = load(f"date_{lang}")
    flags = re.IGNORECASE if data.get("ignore_case") else 0
    rel_keys = ("relative_days", "relative_weeks", "relative_months", "relative_weekends")
    relative = {k: {p.lower(): int(v) for p, v in data.get(k, {}).items()} for k in rel_keys}
    fill = {
        "MONTH": _alt(list(data["months"]), dot=True),
        "WD": _alt(list(data["weekdays"])),
        "DAY": r"(?:[12]\d|3[01]|0?[1-9])" + data.get("day_suffix", "") + r"(?![\d,.]\d)",
        "YEAR": r"(?:19|20)\d{2}\b",
        "SEP": _alt(data.get("range_separators", ["-"])),
        "PART": _alt(data.get("day_parts", [])),
        "MOD": "(?i:" + _alt(list(data.get("modifiers", {}))) + ")",
        "REL_DAYS": _alt(list(data.get("relative_days", {}))),
        "REL_WEEKS": _alt(list(data.get("relative_weeks", {}))),
        "REL_MONTHS": _alt(list(data.get("relative_months", {}))),
        "REL_WEEKENDS": _alt(list(data.get("relative_weekends", {}))),
        "HOLIDAY": _alt(list(data.get("holidays", {}))).replace("'", "['’]") if data.get("holidays") else "(?!)",
    }
    pats = []
    for spec in data["patterns"]:
        src = re.sub(r"\{([A-Z_]+)\}", lambda m: fill[m.group(1)], spec["re"])
        pats.append((spec["kind"], re.compile(src, flags)))
    fold = str.lower if flags else str
    return _Lexicon(
        lang=lang,
        months={fold(k): v for k, v in data["months"].items()},
        weekdays={fold(k): v for k, v in data["weekdays"].items()},
        modifiers={k.lower(): v for k, v in data.get("modifiers", {}).items()},
        relative=relative,
        numeric_order=data.get("numeric_order", "MDY"),
        ignore_case=bool(flags),
        patterns=tuple(pats),
        holidays={_apos(k.lower()): v for k, v in data.get("holidays", {}).items()},
        holiday_leads=frozenset(w.lower() for w in [*data.get("holiday_lead_words", []), *data["weekdays"]]),
    )


def _apos(s: str) -> str:
    return s.replace("’", "'")


# --- resolution helpers -------------------------------------------------------------------


def _safe_date(y: int, m: int, d: int) -> date | None:
    try:
        return date(y, m, d)
    except ValueError:
        return None


#: a day told without its year up to this many days before the page is that day, for an
#: announcement too: "the rally on Nov. 21" on a page of Nov. 28 is not next year's
RECENT_DAYS = 31


def _year_less(month: int, day: int, published: date) -> tuple[date | None, date | None]:
    """Latest such date on or before ``published`` and earliest on or after it (the latest
    one when it is a recent day)."""
    cands = [c for y in (published.year - 1, published.year, published.year + 1) if (c := _safe_date(y, month, day))]
    past = [c for c in cands if c <= published]
    future = [c for c in cands if c >= published]
    last = max(past) if past else None
    if last is not None and (published - last).days <= RECENT_DAYS:
        return last, last
    return last, (min(future) if future else None)


def _month_start(month: int, published: date, mod: str | None) -> tuple[date, date]:
    """First day of the named month: most recent (past) and next (future) relative to published."""
    this_year = date(published.year, month, 1)
    cur = date(published.year, published.month, 1)
    past = this_year if this_year <= cur else date(published.year - 1, month, 1)
    future = this_year if this_year >= cur else date(published.year + 1, month, 1)
    if mod == "past":  # "last February": strictly before this month
        past = past if past < cur else date(past.year - 1, month, 1)
        future = past
    elif mod == "future":
        future = future if future > cur else date(future.year + 1, month, 1)
        past = future
    return past, future


def _add_months(d: date, n: int) -> date:
    idx = d.year * 12 + d.month - 1 + n
    return date(idx // 12, idx % 12 + 1, 1)


def _weekday(wd: int, published: date, mod: str | None) -> tuple[date, date]:
    back = (published.weekday() - wd) % 7
    fwd = (wd - published.weekday()) % 7
    past, future = published - timedelta(days=back), published + timedelta(days=fwd)
    if mod == "past":
        past = past if back else past - timedelta(days=7)
        future = past
    elif mod == "future":
        future = future if fwd else future + timedelta(days=7)
        past = future
    return past, future


def _int(s: str | None) -> int | None:
    if not s:
        return None
    digits = re.match(r"\d+", s)
    return int(digits.group()) if digits else None


def _year(s: str | None) -> int | None:
    y = _int(s)
    if y is not None and y < 100:
        y += 2000
    return y


# --- one resolver per pattern kind ----------------------------------------------------------

_Resolved = tuple[date | None, date | None, date | None, str, bool]  # value, future, end, precision, relative


def _absolute_md(month: int, day: int, year: int | None, published: date | None) -> tuple[date | None, date | None]:
    if year is not None:
        d = _safe_date(year, month, day)
        return d, d
    if published is None:
        return None, None
    return _year_less(month, day, published)


def _r_date(m: re.Match[str], lx: _Lexicon, pub: date | None) -> _Resolved | None:
    month = lx.months.get(_norm_month(m.group("m"), lx))
    day = _int(m.group("d"))
    if month is None or day is None or not _safe_date(2024, month, day):
        return None
    v, f = _absolute_md(month, day, _year(m.group("y")), pub)
    if m.groupdict().get("br") and (v or f) and lx.weekdays.get(_fold(m.group("wd"), lx)) != (v or f).weekday():
        return None  # "on Monday (Oct 8)" with Oct 8 a Tuesday: no one date; its parts are read apart
    return v, f, None, "day" if v or f else "unknown", False


def _r_range(m: re.Match[str], lx: _Lexicon, pub: date | None) -> _Resolved | None:
    gd = m.groupdict()
    month = lx.months.get(_norm_month(gd["m"], lx))
    month2 = lx.months.get(_norm_month(gd["m2"], lx)) if gd.get("m2") else month
    day, day2 = _int(gd.get("d")), _int(gd.get("d2"))
    if None in (month, day, day2, month2):
        return None
    assert month is not None and month2 is not None and day is not None and day2 is not None
    if not _safe_date(2024, month, day) or not _safe_date(2024, month2, day2):
        return None
    year = _year(gd.get("y")) or _year(gd.get("y2"))
    v, f = _absolute_md(month, day, year, pub)
    if v is None and f is None:
        return None, None, None, "unknown", False
    start = v or f
    assert start is not None
    end = _safe_date(start.year, month2, day2)
    if end is not None and end < start:
        end = _safe_date(start.year + 1, month2, day2)
    if end is None or end < start or (end - start).days > 62:
        return None
    return v, f, end, "day", False


def _holiday_on(spec: str, year: int) -> date | None:
    """The day of a holiday in ``year``: "MM-DD", or "N:WD:MM" (the Nth weekday of the month;
    N = -1: the last one)."""
    if ":" not in spec:
        mo, dd = spec.split("-")
        return _safe_date(year, int(mo), int(dd))
    n, wd, mo = (int(x) for x in spec.split(":"))
    first = date(year, mo, 1)
    if n > 0:
        return first + timedelta(days=(wd - first.weekday()) % 7 + 7 * (n - 1))
    last = _add_months(first, 1) - timedelta(days=1)
    return last - timedelta(days=(last.weekday() - wd) % 7)


_WORD_BEFORE = re.compile(r"([^\s\"“‘(\[—–/-]+)[ \t]+$")


def _in_longer_name(m: re.Match[str], lx: _Lexicon) -> bool:
    """"on Holocaust Remembrance Day": a holiday name right after a capitalised word is the end of
    a longer name (another day), unless that word may lead one (data holiday_lead_words: 'On',
    'This', a weekday) or is a possessive ("Saturday's") or ends a clause or a quote ("Harwick.", "'Fair Pay'")."""
    w = _WORD_BEFORE.search(m.string, max(0, m.start() - 40), m.start())
    if w is None:
        return False
    word = w.group(1)
    if not word[0].isupper() or word[-1] in ".,;:!?)]”\"'’" or _apos(word).endswith("'s"):
        return False
    return word.lower() not in lx.holiday_leads


def _r_holiday(m: re.Match[str], lx: _Lexicon, pub: date | None) -> _Resolved | None:
    """"on Labor Day", "May Day 2024": that year's day (the past and the next one around the
    page's date when no year is told)."""
    spec = lx.holidays.get(_apos(m.group("h").lower()))
    if spec is None or _in_longer_name(m, lx):
        return None
    y = _year(m.groupdict().get("y"))
    if y is not None:
        d = _holiday_on(spec, y)
        return (d, d, None, "day", False) if d else None
    if pub is None:
        return None, None, None, "unknown", False
    days = [d for yy in (pub.year - 1, pub.year, pub.year + 1) if (d := _holiday_on(spec, yy))]
    past = max((d for d in days if d <= pub), default=None)
    future = min((d for d in days if d >= pub), default=None)
    if past is not None and (pub - past).days <= RECENT_DAYS:
        future = past
    return past, future, None, "day", False


def _r_numeric(m: re.Match[str], lx: _Lexicon, pub: date | None) -> _Resolved | None:
    a, b, y = _int(m.group("a")), _int(m.group("b")), _year(m.group("y"))
    assert a is not None and b is not None and y is not None
    month, day = (a, b) if lx.numeric_order == "MDY" else (b, a)
    d = _safe_date(y, month, day)
    return (d, d, None, "day", False) if d else None


def _r_iso(m: re.Match[str], lx: _Lexicon, pub: date | None) -> _Resolved | None:
    d = _safe_date(int(m.group("y")), int(m.group("m")), int(m.group("d")))
    return (d, d, None, "day", False) if d else None


def _r_month_year(m: re.Match[str], lx: _Lexicon, pub: date | None) -> _Resolved | None:
    month = lx.months.get(_norm_month(m.group("m"), lx))
    y = _year(m.group("y"))
    if month is None or y is None:
        return None
    d = date(y, month, 1)
    return d, d, None, "month", False


def _r_month(m: re.Match[str], lx: _Lexicon, pub: date | None) -> _Resolved | None:
    month = lx.months.get(_norm_month(m.group("m"), lx))
    gd = m.groupdict()
    if month is None or not (gd.get("pre") or gd.get("mod")):  # a bare "March" may be the noun
        return None
    if pub is None:
        return None, None, None, "unknown", True
    mod = lx.modifiers.get((m.groupdict().get("mod") or "").lower().strip())
    v, f = _month_start(month, pub, mod)
    return v, f, None, "month", True


def _r_weekday(m: re.Match[str], lx: _Lexicon, pub: date | None) -> _Resolved | None:
    wd = lx.weekdays.get(_fold(m.group("wd"), lx))
    if wd is None:
        return None
    if pub is None:
        return None, None, None, "unknown", True
    gd = m.groupdict()
    mod_word = (gd.get("mod") or gd.get("mod2") or "").lower().strip()
    v, f = _weekday(wd, pub, lx.modifiers.get(mod_word))
    return v, f, None, "day", True


def _r_weekday_range(m: re.Match[str], lx: _Lexicon, pub: date | None) -> _Resolved | None:
    wd, wd2 = lx.weekdays.get(_fold(m.group("wd"), lx)), lx.weekdays.get(_fold(m.group("wd2"), lx))
    if wd is None or wd2 is None:
        return None
    if pub is None:
        return None, None, None, "unknown", True
    v, f = _weekday(wd, pub, None)
    span = (wd2 - wd) % 7
    return v, f, v + timedelta(days=span), "day", True


def _rel_offset(m: re.Match[str], lx: _Lexicon, kind: str) -> int | None:
    phrase = re.sub(r"\s+", " ", m.group("rel").lower())
    return lx.relative[kind].get(phrase)


def _r_rel_day(m: re.Match[str], lx: _Lexicon, pub: date | None) -> _Resolved | None:
    off = _rel_offset(m, lx, "relative_days")
    if off is None:
        return None
    if pub is None:
        return None, None, None, "unknown", True
    d = pub + timedelta(days=off)
    return d, d, None, "day", True


def _r_rel_week(m: re.Match[str], lx: _Lexicon, pub: date | None) -> _Resolved | None:
    off = _rel_offset(m, lx, "relative_weeks")
    if off is None:
        return None
    if pub is None:
        return None, None, None, "unknown", True
    d = pub - timedelta(days=pub.weekday()) + timedelta(days=7 * off)
    return d, d, None, "week", True


def _r_rel_month(m: re.Match[str], lx: _Lexicon, pub: date | None) -> _Resolved | None:
    off = _rel_offset(m, lx, "relative_months")
    if off is None:
        return None
    if pub is None:
        return None, None, None, "unknown", True
    d = _add_months(pub, off)
    return d, d, None, "month", True


def _r_weekend(m: re.Match[str], lx: _Lexicon, pub: date | None) -> _Resolved | None:
    off = _rel_offset(m, lx, "relative_weekends")
    if off is None:
        return None
    if pub is None:
        return None, None, None, "unknown", True
    wd = pub.weekday()
    if off == 0:
        if wd >= 5:  # published on the weekend: this one
            past = future = pub - timedelta(days=wd - 5)
        else:
            past, future = pub - timedelta(days=wd + 2), pub + timedelta(days=5 - wd)
    else:
        monday = pub - timedelta(days=wd)
        past = future = monday + timedelta(days=5 + 7 * off)
    return past, future, past + timedelta(days=1), "day", True


def _fold(s: str, lx: _Lexicon) -> str:
    return s.lower() if lx.ignore_case else s


def _norm_month(s: str, lx: _Lexicon) -> str:
    return _fold(s.rstrip("."), lx)


_RESOLVERS: dict[str, Callable[[re.Match[str], _Lexicon, date | None], _Resolved | None]] = {
    "date": _r_date,
    "range_full": _r_range,
    "range_days": _r_range,
    "numeric": _r_numeric,
    "iso": _r_iso,
    "month_year": _r_month_year,
    "holiday": _r_holiday,
    "month": _r_month,
    "weekday": _r_weekday,
    "weekday_range": _r_weekday_range,
    "rel_day": _r_rel_day,
    "rel_week": _r_rel_week,
    "rel_month": _r_rel_month,
    "weekend": _r_weekend,
}


def _quote_span(m: re.Match[str]) -> tuple[int, int]:
    if "q" in m.re.groupindex and m.group("q") is not None:
        return m.span("q")
    return m.span()


def _candidates(text: str, lx: _Lexicon) -> list[tuple[int, int, int, str, re.Match[str]]]:
    """Every pattern's matches as (start, end, pattern order, kind, match)."""
    cands: list[tuple[int, int, int, str, re.Match[str]]] = []
    low = lowered(text)
    for order, (kind, pat) in enumerate(lx.patterns):
        for m in finditer(pat, text, low):  # pat.finditer(text), tried only where a match can start
            s, e = m.span()
            if e > s:
                cands.append((s, e, order, kind, m))
                if m.groupdict().get("br"):  # "Monday (Oct 8)": the bracketed date alone, in case the weekday disagrees
                    inner = pat.match(text, m.start("m"))
                    if inner is not None:
                        cands.append((inner.start(), inner.end(), order, kind, inner))
    return cands


def find_dates(text: str, published: date | None, lang: str = "en") -> list[DateMention]:
    """All date expressions in ``text``, in text order, with offsets into ``text``."""
    if not text:
        return []
    lx = _lexicon(lang)
    if lx is None:
        return _dateparser_dates(text, published, lang)
    cands = _candidates(text, lx)
    # Longest match wins; ties go to the pattern listed first in the data file.
    cands.sort(key=lambda c: (-(c[1] - c[0]), c[2], c[0]))
    taken = DisjointSpans()
    out: list[DateMention] = []
    bare_weekdays: list[tuple[int, int]] = []  # (index in out, weekday) of "Friday", "early Friday"
    yearless: list[tuple[int, re.Match[str]]] = []  # "Tuesday, June 25" on a page without a date
    for s, e, _order, kind, m in cands:
        if taken.overlaps(s, e):
            continue
        res = _RESOLVERS[kind](m, lx, published)
        if res is None:
            continue
        taken.add(s, e)
        qs, qe = _quote_span(m)
        value, future, end, precision, relative = res
        if kind == "weekday" and _unmodified(m, lx):
            bare_weekdays.append((len(out), lx.weekdays[_fold(m.group("wd"), lx)]))
        if kind == "date" and value is None and future is None and m.groupdict().get("wd"):
            yearless.append((len(out), m))
        out.append(DateMention(qs, qe, text[qs:qe], value, future, end, precision, relative))
    if yearless:
        _weekday_years(out, yearless, text, lx)
    if bare_weekdays:
        _anchor_weekdays(out, bare_weekdays, published, lx)
    out.sort(key=lambda d: d.start)
    offsets = _day_offsets(text, out, taken, lang)
    if offsets:
        out = sorted(out + offsets, key=lambda d: d.start)
    return out


@lru_cache(maxsize=4)
def _day_offset_rx(lang: str) -> tuple[re.Pattern[str] | None, tuple[int, ...]]:
    """One alternation of ``data/date_<lang>`` day_offsets (a named group per phrase) and the days each adds."""
    data = load(f"date_{lang}").get("day_offsets") or {}
    if not data:
        return None, ()
    alt = "|".join(f"(?P<o{i}>{k})" for i, k in enumerate(data))
    return re.compile(alt, re.IGNORECASE), tuple(int(v) for v in data.values())


def _day_offsets(text: str, out: list[DateMention], taken: DisjointSpans, lang: str) -> list[DateMention]:
    """"A day earlier, hundreds rallied in Fairview": a day told as some days from the day stated
    (or resolved) nearest before it in the text; none without such a day."""
    rx, days = _day_offset_rx(lang)
    if rx is None or "day" not in text:
        return []
    stated = [d for d in out if d.precision == "day" and d.value is not None and d.end_value is None]
    found = []
    for m in rx.finditer(text):
        if taken.overlaps(m.start(), m.end()):
            continue
        prev = [d for d in stated if d.end <= m.start()]
        if not prev:
            continue
        n = days[int(next(k for k, v in m.groupdict().items() if v is not None)[1:])]
        v = prev[-1].value + timedelta(days=n)
        found.append(DateMention(m.start(), m.end(), m.group(0), v, v, None, "day", True))
    return found


def weekend_words(quote: str, lang: str = "en") -> bool:
    """``quote`` is a weekend told in words ("over the weekend", "el fin de semana": data
    relative_weekends): two days, no one day of them."""
    lx = _lexicon(lang)
    return lx is not None and re.sub(r"\s+", " ", quote.lower().strip()) in lx.relative["relative_weekends"]


#: how many days before the publication date a stated day may be to anchor a weekday name (or
#: one day after it: a page stamped a day early)
ANCHOR_DAYS = 7


def _unmodified(m: re.Match[str], lx: _Lexicon) -> bool:
    """A weekday name without "last"/"next" ("Friday", "early Friday", "el martes")."""
    gd = m.groupdict()
    mod = (gd.get("mod") or gd.get("mod2") or "").lower().strip()
    return lx.modifiers.get(mod, "this") == "this"


def _names_weekday(quote: str, lx: _Lexicon) -> bool:
    return any(w in lx.weekdays for w in re.findall(r"\w+", _fold(quote, lx)))


def _anchor_weekdays(out: list[DateMention], bare: list[tuple[int, int]], published: date | None, lx: _Lexicon) -> None:
    """A weekday name means the day the text states with its date ("went on strike early Friday"
    beside "early Friday, Sept. 15, 2023"): the weekday of a stated day (with its year, or near the
    publication date) is resolved to that day, the nearest one in the text when several share it.
    A page dated a day early (an "Updated" or time-zone stamp) or without a date keeps its
    weekdays on the days the text gives; on a page without a date only a day stated with its
    weekday name anchors."""
    stated: list[tuple[int, date]] = []
    for dm in out:
        if dm.relative or dm.precision != "day" or dm.value is None or dm.end_value is not None:
            continue
        if published is None:
            if not _names_weekday(dm.quote, lx):
                continue  # on a page without a date only "Friday, Feb. 4, 2022" ties a Friday to its day
        elif not -ANCHOR_DAYS < (dm.value - published).days <= 1:  # a day ahead is an announcement's
            continue
        stated.append((dm.start, dm.value))
    if not stated:
        return
    for i, wd in bare:
        dm = out[i]
        days = [(abs(pos - dm.start), d) for pos, d in stated if d.weekday() == wd]
        if not days:
            continue
        day = min(days)[1]
        if day != dm.value or day != dm.future_value:
            out[i] = DateMention(dm.start, dm.end, dm.quote, day, day, None, "day", True)


#: "JIND, February 20 (PTI) -", "WASHINGTON, Sept. 6 --": a dateline with the day of writing, at
#: the start of a line among the first ones
_DATELINE_DAY = re.compile(
    r"^[ \t]*(?:date[ \t]+\d{4}-\d{2}-\d{2}[ \t]+)?[A-Z][\w.'’-]*(?:[ \t][A-Z][\w.'’-]*){0,3},[ \t]+"
    r"(?P<q>[A-Z][a-z]{2,8}\.?[ \t]+\d{1,2}(?:,?[ \t]+\d{4})?)[ \t]*(?:$|\(|--|—|–|:|-[ \t])",
    re.MULTILINE,
)
#: how many days before the page's date its dateline's day may be
DATELINE_DAYS = 7


def dateline_day(text: str, published: date | None, lang: str = "en", head_chars: int = 1500) -> date | None:
    """The day a wire dateline gives ("JIND, February 20 (PTI) -"), when it is a few days before
    the page's date (a page stamped the next day): relative words ("today", "on Monday") were
    written on that day."""
    if published is None or lang != "en":
        return None
    m = _DATELINE_DAY.search(text, 0, min(len(text), head_chars))
    if m is None:
        return None
    got = find_dates(m.group("q"), published, lang)
    if len(got) != 1 or got[0].precision != "day" or got[0].value is None:
        return None
    day = got[0].value
    return day if 0 < (published - day).days <= DATELINE_DAYS else None


_TEXT_YEAR = re.compile(r"(?<![\d/.-])((?:19|20)\d{2})(?![\d/-])")


def _weekday_years(out: list[DateMention], found: list[tuple[int, re.Match[str]]], text: str, lx: _Lexicon) -> None:
    """On a page without a date, "Tuesday, June 25" told without its year is the June 25 of the
    one year the text names ("... against the Finance Bill 2024") on which it is a Tuesday: the
    weekday checks the year; with no such year, or two, the day stays unknown."""
    years = {int(y) for y in _TEXT_YEAR.findall(text)}
    if not years:
        return
    for i, m in found:
        month = lx.months.get(_norm_month(m.group("m"), lx))
        day, wd = _int(m.group("d")), lx.weekdays.get(_fold(m.group("wd"), lx))
        if month is None or day is None or wd is None:
            continue
        fits = [d for y in years if (d := _safe_date(y, month, day)) is not None and d.weekday() == wd]
        if len(fits) == 1:
            dm = out[i]
            out[i] = DateMention(dm.start, dm.end, dm.quote, fits[0], fits[0], None, "day", False)


def dated_by_month(dates: list[DateMention], year: int, month: int, lang: str = "en",
                   borrows: Callable[[DateMention, list[DateMention]], DateMention | None] | None = None) -> list[DateMention]:
    """On a page without a publication date whose address gives its month (".../2021/09/slug"), a
    day told without its year ("September 15", "Friday, April 24") is that day in the year that
    puts it nearest the page's month, when it falls in that month or a week around it (a named
    weekday must fit it); an older day told without its year stays without a day, as do relative
    words ("last week"): a month does not say which week. A bare weekday takes a stated day the
    text names with that weekday once, else only through ``borrows`` (which stated day, if any,
    its own clause gives it)."""
    lx = _lexicon(lang)
    if lx is None:
        return dates
    mid = date(year, month, 15)
    out = []
    for dm in dates:
        if dm.value is not None or dm.future_value is not None or dm.relative or not any(c.isdigit() for c in dm.quote):
            out.append(dm)
            continue
        got = find_dates(dm.quote, mid, lang)
        one = got[0] if len(got) == 1 else None
        if one is None or one.precision != "day" or one.relative:
            out.append(dm)
            continue
        reads = [d for d in (one.value, one.future_value) if d is not None]
        day = min(reads, key=lambda d: abs((d - mid).days), default=None)
        wds = [lx.weekdays[w] for w in re.findall(r"\w+", _fold(dm.quote, lx)) if w in lx.weekdays]
        if day is None or not _in_month(day, year, month) or any(wd != day.weekday() for wd in wds):
            out.append(dm)
            continue
        start = one.value or one.future_value
        end = day + (one.end_value - start) if one.end_value is not None and start is not None else None
        out.append(DateMention(dm.start, dm.end, dm.quote, day, day, end, "day", False))
    return _month_weekdays(out, year, month, lx, borrows)


def _in_month(day: date, year: int, month: int) -> bool:
    """``day`` falls in the page's month, or within a week around it (the news of that month)."""
    first = date(year, month, 1)
    return -ANCHOR_DAYS <= (day - first).days < (_add_months(first, 1) - first).days + ANCHOR_DAYS


def _month_weekdays(dates: list[DateMention], year: int, month: int, lx: _Lexicon,
                    borrows: Callable[[DateMention, list[DateMention]], DateMention | None] | None) -> list[DateMention]:
    """A bare weekday name ("on Saturday", "Saturday night") on such a page is the day of the
    page's month the text states that falls on it, when the text names that day with the weekday
    once ("Friday, April 24") or ``borrows`` picks it (its own sentence's only one, not another
    noun's, not an announcement's); else it stays without a day."""
    stated = [dm for dm in dates if not dm.relative and dm.precision == "day" and dm.value is not None
              and dm.end_value is None and _in_month(dm.value, year, month)]
    if not stated:
        return dates
    out = []
    for dm in dates:
        words = re.findall(r"\w+", _fold(dm.quote, lx))
        wds = [lx.weekdays[w] for w in words if w in lx.weekdays]
        if dm.value is not None or not dm.relative or len(wds) != 1 or any(lx.modifiers.get(w.lower()) in ("past", "future") for w in words):
            out.append(dm)
            continue
        # "Friday, April 24" told once: a bare "Friday" elsewhere is that day (the text pairs them)
        named = [m for m in stated if m.value.weekday() == wds[0]
                 and any(lx.weekdays.get(w) == wds[0] for w in re.findall(r"\w+", _fold(m.quote, lx)))]
        got = named[0] if len(named) == 1 else borrows(dm, stated) if borrows is not None else None
        if got is None or got.value is None or got.value.weekday() != wds[0]:
            out.append(dm)
            continue
        day = got.value
        out.append(DateMention(dm.start, dm.end, dm.quote, day, day, None, "day", True))
    return out


def _dateparser_dates(text: str, published: date | None, lang: str) -> list[DateMention]:
    """Fallback for languages without a data file: dateparser's search (slow, day precision only)."""
    from dateparser.search import search_dates

    settings: dict[str, Any] = {"PREFER_DATES_FROM": "past", "RETURN_AS_TIMEZONE_AWARE": False}
    if published is not None:
        settings["RELATIVE_BASE"] = datetime(published.year, published.month, published.day)
    try:
        found = search_dates(text, languages=[lang], settings=settings) or []
    except (ValueError, LookupError, TypeError, AttributeError, re.error) as exc:
        # an unknown language code, or dateparser failing on odd input: no dates, said in the log
        logger.warning("dateparser found no dates (%s: %s)", type(exc).__name__, exc)
        return []
    out: list[DateMention] = []
    pos = 0
    for quote, dt in found:
        start = text.find(quote, pos)
        if start < 0:
            continue
        pos = start + len(quote)
        if not re.search(r"\d", quote) and published is None:
            out.append(DateMention(start, pos, quote, None, None, None, "unknown", True))
            continue
        d = dt.date()
        out.append(DateMention(start, pos, quote, d, d, None, "day", not re.search(r"\d", quote)))
    return out


__all__ = ["DateMention", "dated_by_month", "dateline_day", "find_dates", "weekend_words"]
