"""The days of a year and the weekdays that date words without a year name ("Monday, June 9").

Read from the date lexicons (``extract/data/date_<lang>.json``); extraction keeps an undated page's
day words by them and the store and the resolver compare undated reports by them (issue 10)."""

from __future__ import annotations

import re
from functools import lru_cache


@lru_cache(maxsize=1)
def _date_lexicon() -> tuple[dict[str, int], dict[str, int]]:
    """Month and weekday words of every date lexicon (``extract/data/date_<lang>.json``)."""
    import json
    from importlib import resources

    months: dict[str, int] = {}
    weekdays: dict[str, int] = {}
    for f in resources.files("protestdb.extract").joinpath("data").iterdir():
        if f.name.startswith("date_") and f.name.endswith(".json"):
            lex = json.loads(f.read_text(encoding="utf-8"))
            months.update({k.casefold(): int(v) for k, v in lex["months"].items()})
            weekdays.update({k.casefold(): int(v) for k, v in lex.get("weekdays", {}).items()})
    return months, weekdays


@lru_cache(maxsize=1)
def _month_day_patterns() -> tuple[dict[str, int], re.Pattern[str], re.Pattern[str]]:
    """The two orders of a day without its year: "June 9" / "Oct. 18th" and "9 June" / "18 de octubre"."""
    months = _date_lexicon()[0]
    alt = "|".join(sorted(map(re.escape, months), key=len, reverse=True))
    first = re.compile(rf"\b({alt})\.?\s+(\d{{1,2}})(?:st|nd|rd|th)?\b(?![:.]?\d)", re.IGNORECASE)
    day_first = re.compile(rf"\b(\d{{1,2}})(?:st|nd|rd|th|º)?\s+(?:(?:of|de)\s+)?({alt})\b", re.IGNORECASE)
    return months, first, day_first


@lru_cache(maxsize=1 << 14)
def month_days(quote: str | None) -> frozenset[str]:
    """The days of a year ("MM-DD") that date words without a year name: "Monday, June 9" -> {"06-09"}.

    A report with no date and no publication date ("on Saturday, Oct. 18") is placed by these
    words on one day of a year: the store offers it the dated events of that day, and resolution
    counts the agreement as its date (issue 10)."""
    if not quote:
        return frozenset()
    months, first, day_first = _month_day_patterns()
    out = set()
    for m in first.finditer(quote):
        mo, d = months.get(m.group(1).casefold()), int(m.group(2))
        if mo and 1 <= d <= 31:
            out.add(f"{mo:02d}-{d:02d}")
    for m in day_first.finditer(quote):
        mo, d = months.get(m.group(2).casefold()), int(m.group(1))
        if mo and 1 <= d <= 31:
            out.add(f"{mo:02d}-{d:02d}")
    return frozenset(out)


@lru_cache(maxsize=1 << 14)
def weekdays_named(quote: str | None) -> frozenset[int]:
    """The weekdays (Monday = 0) date words name: "Monday, June 9" -> {0}."""
    if not quote:
        return frozenset()
    wd = _date_lexicon()[1]
    return frozenset(wd[w] for w in re.findall(r"\w+", quote.casefold()) if w in wd)
