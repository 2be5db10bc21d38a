"""Human review: corrections locked against re-runs, merge, split, audit log, CLI."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from protestdb.cli import main
from protestdb.models import Article, EventMention
from protestdb.resolve.review import ReviewError, correct, merge_events, parse_value, review_log, split_event
from protestdb.store import open_store


def _art(text: str, day: str = "2025-05-02") -> Article:
    return Article.make(text, outlet="Test Wire", published=day)


def _m(text: str, **kw) -> EventMention:
    base = {"date": "2025-05-01", "locality": "Fresno", "state": "CA", "country": "US", "event_type": ["rally"]}
    base.update(kw)
    m = EventMention(**base)
    if "size_text" in kw:
        i = text.index(kw["size_text"])
        m.add_evidence("size_text", i, i + len(kw["size_text"]), kw["size_text"])
    return m


T1 = "About 80 farmworkers rallied in Fresno on Thursday for heat protections."
T2 = "In Fresno, roughly 120 people joined a farmworker rally Thursday."
T3 = "A rally in Fresno on Thursday drew nearly 200, organizers said."


@pytest.fixture
def store(tmp_path: Path):
    s = open_store(tmp_path / "r.sqlite")
    yield s
    s.close()


def _three_source_event(store) -> str:
    ids = [
        store.ingest(_art(T1), [_m(T1, size_text="About 80", size_low=80)]).event_ids[0],
        store.ingest(_art(T2), [_m(T2, size_text="roughly 120", size_low=120)]).event_ids[0],
        store.ingest(_art(T3), [_m(T3, size_text="nearly 200", size_low=200)]).event_ids[0],
    ]
    assert len(set(ids)) == 1
    return ids[0]


def test_parse_value_types() -> None:
    assert parse_value("event_type", "rally; march") == ["rally", "march"]
    assert parse_value("size_low", "1,500") == 1500
    assert parse_value("announced_only", "yes") is True
    assert parse_value("date", "2025-05-01") == "2025-05-01"
    assert parse_value("locality", "") is None
    with pytest.raises(ReviewError):
        parse_value("date", "last Thursday")
    with pytest.raises(ReviewError):
        parse_value("id", "x")


def test_correction_survives_reingest_and_is_audited(store) -> None:
    eid = store.ingest(_art(T1), [_m(T1, size_text="About 80", size_low=80)]).event_ids[0]
    ev = correct(store, eid, "size_text", "about 90", by="Ana")
    assert ev.size_text == "about 90" and "size_text" not in ev.evidence  # old words no longer back it
    correct(store, eid, "organizations", "United Farm Workers", by="Ana")
    # a new source merges in: lists and sizes would change, corrected fields do not
    store.ingest(_art(T2), [_m(T2, size_text="roughly 120", size_low=120, organizations=["UFW"])])
    ev = store.get_event(eid)
    assert ev is not None and len(ev.sources) == 2
    assert ev.size_text == "about 90" and ev.organizations == ["United Farm Workers"]
    assert ev.size_low == 80  # not corrected: still merged by the machine
    # the same article again changes nothing
    store.ingest(_art(T2), [_m(T2, size_text="roughly 120", size_low=120)])
    assert store.get_event(eid).size_text == "about 90"
    log = review_log(store, eid)
    assert [(r["action"], r["field"], r["by"]) for r in log] == [
        ("correct", "size_text", "Ana"),
        ("correct", "organizations", "Ana"),
    ]
    assert log[0]["before"] == "About 80" and log[0]["after"] == "about 90" and log[0]["at"]


def test_merge_two_events_moves_sources_and_redirects(store) -> None:
    a = store.ingest(_art(T1), [_m(T1, size_text="About 80", size_low=80)]).event_ids[0]
    b = store.ingest(_art(T3), [_m(T3, size_text="nearly 200", size_low=200, locality="Clovis")]).event_ids[0]
    assert a != b
    correct(store, b, "title", "Heat Justice Day", by="Bo")
    ev = merge_events(store, a, b, by="Bo")
    assert len(ev.sources) == 2 and ev.size_text == "About 80; nearly 200" and ev.size_low == 80
    assert ev.title == "Heat Justice Day"  # the merged event's correction came along
    assert store.get_event(b).id == a  # stable ids: the old id leads to the survivor
    assert store.counts()["events"] == 1
    assert review_log(store, b)[-1]["action"] == "merge"
    with pytest.raises(ReviewError):
        merge_events(store, a, a, by="Bo")


def test_split_moves_one_source_out(store) -> None:
    eid = _three_source_event(store)
    third = _art(T3).id
    new = split_event(store, eid, third[:10], by="Cy")
    assert new.id != eid and [s.article_id for s in new.sources] == [third]
    assert new.size_text == "nearly 200"
    rest = store.get_event(eid)
    assert rest is not None and len(rest.sources) == 2 and rest.size_text == "About 80; roughly 120"
    assert all(s.article_id != third for spans in rest.evidence.values() for s in spans)
    with pytest.raises(ReviewError):
        split_event(store, new.id, third, by="Cy")  # its only source
    assert review_log(store, eid)[-1]["other_id"] == new.id


def test_review_cli(tmp_path: Path) -> None:
    db = tmp_path / "cli.sqlite"
    s = open_store(db)
    eid = _three_source_event(s)
    s.close()
    run = CliRunner().invoke
    r = run(main, ["--db", str(db), "review", "correct", eid, "state", "ca", "--by", "Dee"])
    assert r.exit_code == 0, r.output
    r = run(main, ["--db", str(db), "review", "correct", eid, "date", "yesterday", "--by", "Dee"])
    assert r.exit_code != 0 and "bad value" in r.output
    r = run(main, ["--db", str(db), "review", "split", eid, _art(T2).id, "--by", "Dee"])
    assert r.exit_code == 0 and "new event" in r.output
    new_id = r.output.strip().split()[-1]
    r = run(main, ["--db", str(db), "review", "merge", eid, new_id, "--by", "Dee"])
    assert r.exit_code == 0 and "3 source(s)" in r.output
    r = run(main, ["--db", str(db), "review", "log", eid, "--format", "json"])
    assert r.exit_code == 0 and [x["action"] for x in __import__("json").loads(r.output)] == ["correct", "split", "merge"]
    r = run(main, ["--db", str(db), "show", eid])
    assert r.exit_code == 0 and "Sources (3)" in r.output
    r = run(main, ["--db", str(db), "review", "merge", eid, "ev_nope", "--by", "Dee"])
    assert r.exit_code != 0 and "no event" in r.output


def test_correction_reapplied_after_reextraction(store) -> None:
    art = _art(T1)
    eid = store.ingest(art, [_m(T1, size_text="About 80", size_low=80)]).event_ids[0]
    correct(store, eid, "locality", "Clovis", by="Ana")
    # a re-extraction drops the article's events and stores its new mentions again
    with store.transaction() as c:
        c.execute("DELETE FROM event_sources WHERE article_id = ?", (art.id,))
        c.execute("DELETE FROM events WHERE id = ?", (eid,))
    assert store.get_event(eid) is None
    again = store.add_mentions(art, [_m(T1, size_text="About 80", size_low=80, locality="Fresno")])
    assert again == [eid]  # stable id
    ev = store.get_event(eid)
    assert ev is not None and ev.locality == "Clovis" and ev.size_text == "About 80"
    assert [c["op"] for c in store.changes()][-2:] == ["delete", "create"]


def test_reapply_corrections_after_a_rebuild_overwrote_them(store) -> None:
    from protestdb.resolve.review import reapply_corrections

    eid = store.ingest(_art(T1), [_m(T1, size_text="About 80", size_low=80)]).event_ids[0]
    correct(store, eid, "size_low", "85", by="Ana")
    with store.transaction() as c:  # something outside review rewrote the row
        c.execute("UPDATE events SET size_low = 10 WHERE id = ?", (eid,))
    assert store.get_event(eid).size_low == 10
    assert reapply_corrections(store) == 1
    assert store.get_event(eid).size_low == 85 and reapply_corrections(store) == 0
