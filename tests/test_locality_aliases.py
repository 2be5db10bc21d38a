"""One city under two names is one place for resolution: a report from "New Delhi" and one from
"Delhi" the same day can be one event; Delhi and Mumbai stay two places."""

from __future__ import annotations

from protestdb.store.keys import normalize_locality


def test_renamed_and_capital_district_names_meet() -> None:
    assert normalize_locality("New Delhi") == normalize_locality("Delhi")
    assert normalize_locality("Bombay") == normalize_locality("Mumbai")
    assert normalize_locality("Tshwane") == normalize_locality("Pretoria")
    assert normalize_locality("Kiev") == normalize_locality("Kyiv")


def test_other_cities_stay_apart() -> None:
    assert normalize_locality("Delhi") != normalize_locality("Mumbai")
    assert normalize_locality("New York") != normalize_locality("York")
    assert normalize_locality("Brooklyn") == normalize_locality("New York")


def test_migration_rekeys_events_stored_before(tmp_path) -> None:
    import re
    import sqlite3

    from protestdb.store.keys import LOCALITY_ALIASES
    from protestdb.store.sqlite import _migrations

    (sql,) = [s for v, n, s in _migrations() if "locality_aliases" in n]
    # the migrations (0008, frozen, and any later one) rekey every alias the code knows (but the
    # four older ones, in the code since the first store)
    rekeyed = {old: new for _, _, s in _migrations() for old, new in re.findall(r"WHEN '([^']+)' THEN '([^']+)'", s)}
    for old, new in LOCALITY_ALIASES.items():
        if old not in ("nyc", "new york city", "la", "dc"):
            assert rekeyed.get(old) == new, old
    con = sqlite3.connect(tmp_path / "x.sqlite")
    con.execute("CREATE TABLE events (id TEXT, locality_key TEXT)")
    con.executemany("INSERT INTO events VALUES (?, ?)", [("a", "new delhi"), ("b", "york"), ("c", None)])
    con.executescript(sql)
    assert dict(con.execute("SELECT id, locality_key FROM events")) == {"a": "delhi", "b": "york", "c": None}
