"""Keys the store indexes and blocks on: the normalised locality, a place's words, the days
around a date, a change-feed timestamp.

Pure functions at the store's level so both the store (its SQL) and ``protestdb.resolve``
(which imports them from here) use one definition.
"""

from __future__ import annotations

import re
from datetime import UTC, date, datetime, timedelta
from functools import lru_cache

from protestdb.extract.day_words import (
    month_days as month_days,  # re-exported: the store and the resolver read them
)
from protestdb.extract.day_words import weekdays_named as weekdays_named

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
