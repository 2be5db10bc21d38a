"""Keys the store indexes and blocks on: the normalised locality, a place's words, the days
around a date, a change-feed timestamp.

Pure functions at the store's level so both the store (its SQL) and ``protestdb.resolve``
(which imports them from here) use one definition.
"""

from __future__ import annotations

import re
from datetime import UTC, date, datetime, timedelta
from functools import lru_cache

NYC_BOROUGHS = {"manhattan", "brooklyn", "queens", "bronx", "the bronx", "staten island"}
#: the one source of the aliases for code; events stored before an alias was added are rekeyed by
#: a migration that copies it (migrations/0008_locality_aliases.sql: frozen, as migrations are; a
#: new alias needs a new migration, tests/test_locality_aliases.py checks that one exists)
LOCALITY_ALIASES = {
    "nyc": "new york", "new york city": "new york", "la": "los angeles", "dc": "washington",
    # one city under two names (a renamed city, its metro's official name, its capital district):
    # outlets write either, the event is one (issue 10)
    "new delhi": "delhi", "bombay": "mumbai", "calcutta": "kolkata", "madras": "chennai",
    "bangalore": "bengaluru", "gurgaon": "gurugram", "kiev": "kyiv", "rangoon": "yangon",
    "peking": "beijing", "saigon": "ho chi minh city", "tshwane": "pretoria",
}


def normalize_locality(name: str | None) -> str | None:
    if not name:
        return None
    s = name.lower().strip()
    s = re.sub(r"^(the )?(city|town|village|borough) of ", "", s)
    s = re.sub(r"[^\w\s]", " ", s)
    s = re.sub(r"\s+", " ", s).strip()
    s = re.sub(r"^(st|ste)\b", "saint", s)
    if s in NYC_BOROUGHS:
        return "new york"
    return LOCALITY_ALIASES.get(s, s) or None


@lru_cache(maxsize=1 << 16)
def place_words(s: str | None) -> str:
    """A place's words, lower case, space-separated and padded (" boyle heights ") for phrase tests."""
    return " " + " ".join(re.findall(r"\w+", s.casefold())) + " " if s else " "


def candidate_dates(iso: str | None) -> tuple[str, ...]:
    """The day before, the day, the day after (ISO); ``()`` for no date; malformed: itself 3 times."""
    if not iso:
        return ()
    try:
        d = date.fromisoformat(iso[:10])
    except ValueError:
        return (iso, iso, iso)
    return ((d - timedelta(days=1)).isoformat(), d.isoformat(), (d + timedelta(days=1)).isoformat())


def since_key(since: datetime | str | None) -> str | None:
    """A change-feed bound as the stored timestamp text (naive datetimes are UTC)."""
    if since is None:
        return None
    if isinstance(since, str):
        since = datetime.fromisoformat(since.strip().replace("Z", "+00:00"))
    if since.tzinfo is None:
        since = since.replace(tzinfo=UTC)
    return since.astimezone(UTC).isoformat(timespec="milliseconds")


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
