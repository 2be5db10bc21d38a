"""Campaigns: named actions (normalised) and coordinated calls, split into waves, with totals."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from protestdb.cli import main
from protestdb.models import Article, Event, EventMention
from protestdb.resolve.campaigns import campaign_key, find_campaigns
from protestdb.store import open_store


def _ev(i: int, **kw) -> Event:
    base = {"id": f"ev_{i}", "date": "2025-06-14", "country": "US", "event_type": ["rally"]}
    base.update(kw)
    return Event(**base)


def test_campaign_key_normalises_names() -> None:
    same = ["A Day Without Immigrants", "Day without Immigrants", "#DayWithoutImmigrants", "Un Día Sin Inmigrantes"]
    assert {campaign_key(x) for x in same} == {"day without immigrants"}
    assert campaign_key("No Kings Day") == campaign_key("#NoKings") == campaign_key("No Kings protest") == "no kings"
    assert campaign_key("May Day") == "may day"  # a one-word name keeps its "day"
    assert campaign_key("rally") is None and campaign_key(None) is None and campaign_key("  ") is None


def test_named_campaign_totals_and_waves() -> None:
    evs = [
        _ev(1, title="No Kings", locality="Boston", state="MA", size_low=20000, size_high=100000),
        _ev(2, title="No Kings Day", locality="Philadelphia", state="PA", size_low=80000),
        _ev(3, macroevent="#NoKings", locality="Cambridge", state="MA", date="2025-06-15"),
        _ev(4, title="No Kings", locality="Boston", state="MA", date="2025-10-18", size_low=50000),  # a later wave
        _ev(5, title="Rally", locality="Boston", state="MA"),  # generic: no campaign
    ]
    found = find_campaigns(evs)
    assert [(c.n_events, c.first_date, c.last_date) for c in found] == [(3, "2025-06-14", "2025-06-15"),
                                                                         (1, "2025-10-18", "2025-10-18")]
    june = found[0]
    assert set(june.event_ids) == {"ev_1", "ev_2", "ev_3"}
    assert (june.n_localities, june.n_states) == (3, 2)
    assert (june.size_low_sum, june.size_high_sum) == (100000, 180000)  # no high: counts the low
    assert june.name == "No Kings" and june.id != found[1].id and june.id.startswith("cp_")


def test_coordinated_call_needs_several_places() -> None:
    org = ["Sunrise Movement"]
    evs = [
        _ev(1, locality="Denver", state="CO", organizations=org, date="2025-09-19"),
        _ev(2, locality="Austin", state="TX", organizations=["the Sunrise Movement"], date="2025-09-20"),
        _ev(3, locality="Omaha", state="NE", organizations=org, date="2025-09-20"),
        _ev(4, locality="Reno", state="NV", organizations=["Local Tenants"], date="2025-09-20"),
        _ev(5, locality="Reno", state="NV", organizations=["Local Tenants"], date="2025-09-21"),
    ]
    found = find_campaigns(evs)
    assert len(found) == 1 and found[0].n_localities == 3 and "Sunrise" in found[0].name
    assert find_campaigns(evs, min_localities=4) == []


def test_campaigns_cli_and_nationwide_event(tmp_path: Path) -> None:
    db = tmp_path / "c.sqlite"
    s = open_store(db)
    rows = [
        ("Workers in Chicago skipped work Monday for A Day Without Immigrants.", "Chicago", "IL", "A Day Without Immigrants"),
        ("Shops in Houston closed Monday for the Day without Immigrants boycott.", "Houston", "TX", "Day without Immigrants"),
        ("Across the country, #DayWithoutImmigrants kept people home Monday.", None, None, "#DayWithoutImmigrants"),
    ]
    for text, loc, st, title in rows:
        m = EventMention(date="2025-02-03", locality=loc, state=st, country="US", event_type=["boycott"], title=title)
        i = text.index(title)
        m.add_evidence("title", i, i + len(title), title)
        s.ingest(Article.make(text), [m])
    s.close()
    r = CliRunner().invoke(main, ["--db", str(db), "campaigns", "--format", "json"])
    assert r.exit_code == 0, r.output
    [c] = json.loads(r.output)
    assert (c["n_events"], c["n_localities"], c["n_states"]) == (3, 2, 2)
    r = CliRunner().invoke(main, ["--db", str(db), "campaigns"])
    assert r.exit_code == 0 and "1 campaign(s)" in r.output
