"""Never a false merge (issue 10): an article joins an imported CCC event only on positive
identity evidence, close calls go to the review queue, every source says why it joined, and a
reviewer's split sticks. Rows and sentences are our own."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from helpers import phase3_csv
from protestdb.ccc import import_ccc
from protestdb.cli import main
from protestdb.models import Article, EventMention
from protestdb.resolve.review import ReviewError, split_event
from protestdb.store import open_store

MALL = {  # a weekly demonstration at a shopping mall across town
    "date": "2025-03-03", "locality": "Los Angeles", "state": "CA", "resolved_locality": "Los Angeles",
    "resolved_state": "CA", "location": "Encino Commons Mall", "event_type": "protest",
    "organizations": "Valley Neighbors for Decency", "claims_summary": "against racism", "valence": "1",
    "size_low": "25", "size_text": "about 25", "source1": "example.org",
}
PALESTINE = {  # a solidarity demonstration downtown
    "date": "2025-04-08", "locality": "Boston", "state": "MA", "resolved_locality": "Boston",
    "resolved_state": "MA", "location": "Park Street Station", "event_type": "protest",
    "organizations": "Harbor Coalition for Palestine", "claims_summary": "for a ceasefire in Gaza",
    "valence": "1", "source1": "example.net",
}


def _ccc(tmp_path: Path, rows: list[dict[str, str]]) -> Path:
    p = tmp_path / "ccc_asof-2025-05-01.csv"
    p.write_text(phase3_csv(rows), encoding="utf-8")
    return p


def _ccc_event(store, title_or_loc: str):
    return next(e for e in store.query_events() if e.location == title_or_loc)


PLAZA_TEXT = (
    "Hundreds of people rallied and then marched from the plaza in Boyle Heights on Monday, "
    "calling for an end to immigration raids."
)
NURSES_TEXT = (
    "Nurses at Fenway General Hospital walked off the job Tuesday and picketed outside the "
    "emergency entrance, demanding safe staffing ratios."
)


def test_a_plaza_rally_does_not_glue_to_the_only_ccc_event_that_day(tmp_path: Path) -> None:
    store = open_store(tmp_path / "s.sqlite")
    import_ccc(store, [_ccc(tmp_path, [MALL])])
    art = Article.make(PLAZA_TEXT, url="https://example.com/plaza", published="2025-03-04")
    m = EventMention(date="2025-03-03", locality="Los Angeles", state="CA", country="US",
                     location="Mariachi Plaza, Boyle Heights", event_type=["rally", "march"], size_low=200,
                     claims_summary=["against immigration raids"])
    (eid,) = store.add_mentions(art, [m])
    ev = store.get_event(eid)
    assert ev.location == "Mariachi Plaza, Boyle Heights"  # its venue is kept: an event of its own
    assert store.event_origins([eid]) == {eid: "extract"}
    mall = _ccc_event(store, "Encino Commons Mall")
    assert [s.article_id[:4] for s in mall.sources] == ["ccc:"]
    assert store.review_flags(kind="uncertain_match") == []  # other venues: not even a close call


def test_a_nurses_strike_does_not_glue_to_a_demonstration_the_same_day(tmp_path: Path) -> None:
    store = open_store(tmp_path / "s.sqlite")
    import_ccc(store, [_ccc(tmp_path, [PALESTINE])])
    art = Article.make(NURSES_TEXT, published="2025-04-08")
    m = EventMention(date="2025-04-08", locality="Boston", state="MA", country="US", event_type=["strike", "picket"],
                     organizations=["Massachusetts Nurses Association"], claims_summary=["for safe staffing"])
    (eid,) = store.add_mentions(art, [m])
    assert store.event_origins([eid]) == {eid: "extract"}
    assert len(_ccc_event(store, "Park Street Station").sources) == 1


def test_a_bare_report_against_one_ccc_event_goes_to_the_review_queue(tmp_path: Path) -> None:
    store = open_store(tmp_path / "s.sqlite")
    import_ccc(store, [_ccc(tmp_path, [PALESTINE])])
    art = Article.make("Demonstrators gathered in Boston on Tuesday.", published="2025-04-08")
    (eid,) = store.add_mentions(art, [EventMention(date="2025-04-08", locality="Boston", state="MA",
                                                   event_type=["vigil"])])
    assert store.event_origins([eid]) == {eid: "extract"}  # not merged: nothing identifies it
    (flag,) = store.review_flags(kind="uncertain_match")
    ccc = _ccc_event(store, "Park Street Station")
    assert flag["event_id"] == eid and flag["other_event_id"] == ccc.id
    parts = flag["detail"]["parts"]
    assert parts["shared"] == [] and parts["date"] == 1.0 and "reject" in parts


def test_shared_venue_joins_the_ccc_event_and_says_why(tmp_path: Path) -> None:
    store = open_store(tmp_path / "s.sqlite")
    import_ccc(store, [_ccc(tmp_path, [PALESTINE])])
    art = Article.make("A vigil was held at Park Street Station on Tuesday.", published="2025-04-08")
    (eid,) = store.add_mentions(art, [EventMention(date="2025-04-08", locality="Boston", state="MA",
                                                   event_type=["vigil"], location="Park Street Station")])
    assert store.event_origins([eid]) == {eid: "ccc"}
    why = store.sources_why(eid)
    assert why[art.id]["how"] in ("match", "ccc") and "venue" in why[art.id]["parts"]["shared"]
    (row,) = [w for a, w in why.items() if a.startswith("ccc:")]
    assert row["how"] == "ccc-row" and row["file"] == "ccc_asof-2025-05-01.csv" and row["line"] == 2
    # protestdb show says it too
    store.close()
    out = CliRunner().invoke(main, ["--db", str(tmp_path / "s.sqlite"), "show", eid])
    assert out.exit_code == 0, out.output
    assert "joined: " in out.output and "shared: venue" in out.output and "ccc_asof-2025-05-01.csv line 2" in out.output


def test_an_article_merged_into_a_ccc_event_splits_back_and_stays_apart(tmp_path: Path) -> None:
    store = open_store(tmp_path / "s.sqlite")
    import_ccc(store, [_ccc(tmp_path, [PALESTINE])])
    art = Article.make("A vigil was held at Park Street Station on Tuesday.", published="2025-04-08")
    m = EventMention(date="2025-04-08", locality="Boston", state="MA", event_type=["vigil"],
                     location="Park Street Station")
    (eid,) = store.add_mentions(art, [m])
    new = split_event(store, eid, art.id, "ana", reason="a vigil of another group")
    assert store.event_origins([eid, new.id]) == {eid: "ccc", new.id: "extract"}
    assert [s.article_id for s in new.sources] == [art.id]
    assert store.sources_why(new.id)[art.id]["how"] == "split"
    (rule,) = store.split_rules(art.id)
    assert rule["reason"] == "a vigil of another group" and rule["split_by"] == "ana"
    with pytest.raises(ReviewError):  # a CCC row's event keeps its row
        split_event(store, eid, "ccc:", "ana")
    # a re-run (the article resolved again from scratch) keeps the split
    with store.transaction() as c:
        c.execute("DELETE FROM events WHERE id = ?", (new.id,))
    (again,) = store.add_mentions(art, [m])
    assert again != eid and store.event_origins([again]) == {again: "extract"}
    assert len(store.get_event(eid).sources) == 1


def test_review_queue_cli_lists_close_calls_with_components(tmp_path: Path) -> None:
    db = tmp_path / "q.sqlite"
    store = open_store(db)
    import_ccc(store, [_ccc(tmp_path, [PALESTINE])])
    art = Article.make("Demonstrators gathered in Boston on Tuesday.", published="2025-04-08")
    store.add_mentions(art, [EventMention(date="2025-04-08", locality="Boston", state="MA", event_type=["vigil"])])
    store.close()
    res = CliRunner().invoke(main, ["--db", str(db), "review", "queue", "--format", "json"])
    assert res.exit_code == 0, res.output
    (row,) = json.loads(res.output)
    assert row["kind"] == "uncertain_match" and row["detail"]["parts"]["shared"] == []
    res = CliRunner().invoke(main, ["--db", str(db), "review", "queue"])
    assert res.exit_code == 0 and "uncertain_match" in res.output and "no shared specific" in res.output
    res = CliRunner().invoke(main, ["--db", str(db), "review", "dismiss", str(row["id"]), "--by", "ana"])
    assert res.exit_code == 0, res.output
    res = CliRunner().invoke(main, ["--db", str(db), "review", "queue", "--format", "json"])
    assert json.loads(res.output) == []


SNAPSHOT = Path("/work/shared/data/ccc/ccc-phase3-public_asof-2025-03-06.csv")
SEED = Path("/work/shared/seed")
EXAMPLES = Path(__file__).resolve().parents[1] / "examples"


@pytest.mark.skipif(not (SNAPSHOT.exists() and SEED.exists()), reason="the shared CCC snapshot or seed is missing")
def test_public_snapshot_and_examples_make_no_false_merge(tmp_path: Path) -> None:
    """The public CCC snapshot and the example articles in one database: the Los Angeles plaza
    rally of the immigrants' day of action keeps its venue, and no article joins a CCC event
    without a shared specific."""
    from protestdb.pipeline import ingest_paths

    store = open_store(tmp_path / "all.sqlite")
    import_ccc(store, [SNAPSHOT])
    ingest_paths(store, [str(SEED), str(EXAMPLES)])
    la = [e for e in store.query_events(locality="Los Angeles", since="2025-03-03", until="2025-03-03")
          if store.event_origins([e.id])[e.id] == "extract"]
    assert any(e.location and "Mariachi Plaza" in e.location for e in la)
    for e in store.query_events(since="2025-01-01"):
        why = store.sources_why(e.id)
        for aid, w in why.items():
            if w.get("how") in ("match", "ccc"):
                assert w["parts"]["shared"], (e.id, aid, w)
    store.close()


def test_web_shows_why_and_the_queue_and_dismisses(tmp_path: Path) -> None:
    from fastapi.testclient import TestClient

    from protestdb.auth import create_token
    from protestdb.web import create_app

    db = tmp_path / "w.sqlite"
    store = open_store(db)
    import_ccc(store, [_ccc(tmp_path, [PALESTINE])])
    art = Article.make("Demonstrators gathered in Boston on Tuesday.", published="2025-04-08")
    (eid,) = store.add_mentions(art, [EventMention(date="2025-04-08", locality="Boston", state="MA",
                                                   event_type=["vigil"])])
    tok = create_token(store, "Robin Editor")
    store.close()
    client = TestClient(create_app(str(db)))
    ev = client.get(f"/api/events/{eid}").json()["event"]
    assert ev["why"][art.id]["how"] == "new" and ev["why"][art.id]["text"].startswith("joined: new")
    (q,) = ev["queue"]
    assert q["kind"] == "uncertain_match" and "no shared specific" in q["text"]
    (row,) = client.get("/api/review/queue").json()
    assert row["id"] == q["id"] and row["detail"]["parts"]["shared"] == []
    assert client.post(f"/api/review/queue/{q['id']}/dismiss").status_code in (401, 403)
    res = client.post(f"/api/review/queue/{q['id']}/dismiss", headers={"Authorization": f"Bearer {tok}"})
    assert res.status_code == 200 and res.json()["status"] == "dismissed"
    assert client.get("/api/review/queue").json() == []
    assert client.get(f"/api/events/{eid}/audit").json()[-1]["action"] == "dismiss"


def test_store_joins_a_venue_in_a_suburb_and_an_undated_report(tmp_path: Path) -> None:
    store = open_store(tmp_path / "h.sqlite")
    org = ["Coalition for Detained Neighbors"]
    a = Article.make("Protesters gathered in Broadview on Friday.", published="2025-09-20")
    (suburb,) = store.add_mentions(a, [EventMention(date="2025-09-19", locality="Broadview", state="IL",
                                                    event_type=["demonstration"], organizations=org,
                                                    title="Free Our Neighbors Vigil")])
    b = Article.make("Outside the processing center in Broadview near Chicago, people rallied.", published="2025-09-20")
    (metro,) = store.add_mentions(b, [EventMention(date="2025-09-19", locality="Chicago", state="IL",
                                                   location="the processing center in Broadview",
                                                   event_type=["rally"], organizations=org)])
    assert metro == suburb  # the venue names the suburb: the same place
    assert store.sources_why(suburb)[b.id]["parts"]["place"] == "venue names the locality"
    c = Article.make("Chicago residents rallied downtown.", published="2025-09-20")
    (other,) = store.add_mentions(c, [EventMention(date="2025-09-19", locality="Chicago", state="IL",
                                                   event_type=["rally"], organizations=org)])
    assert other != suburb  # a suburb and its metro are not the same place
    d = Article.make("The Free Our Neighbors Vigil drew the coalition again.", published="2025-09-23")
    (undated,) = store.add_mentions(d, [EventMention(date=None, locality="Broadview", state="IL",
                                                     event_type=["rally"], organizations=org,
                                                     title="#FreeOurNeighbors Vigil")])
    assert undated == suburb and store.get_event(suburb).date == "2025-09-19"
    e = Article.make("The Free Our Neighbors Vigil, a month later.", published="2025-10-30")
    (late,) = store.add_mentions(e, [EventMention(date=None, locality="Broadview", state="IL",
                                                  event_type=["rally"], organizations=org,
                                                  title="Free Our Neighbors Vigil")])
    assert late != suburb  # published long after: not a report of that day
    store.close()


def test_an_undated_report_without_a_publication_date_joins_no_dated_event_when_two_fit(tmp_path: Path) -> None:
    """Nothing places such a report in time: when the same named action by the same group at the
    same square is stored on two days (it recurs), the report joins neither -- it goes to review."""
    store = open_store(tmp_path / "u.sqlite")
    org = ["Harbor Tenants Union"]
    a = Article.make("Thousands joined the Keys Back march at Founders Square on Saturday.", published="2025-06-15")
    (june,) = store.add_mentions(a, [EventMention(date="2025-06-14", locality="Portland", state="ME",
                                                  location="Founders Square", event_type=["march"],
                                                  organizations=org, title="Keys Back march")])
    a2 = Article.make("The Keys Back march returned to Founders Square on Saturday.", published="2025-10-19")
    (october,) = store.add_mentions(a2, [EventMention(date="2025-10-18", locality="Portland", state="ME",
                                                      location="Founders Square", event_type=["march"],
                                                      organizations=org, title="Keys Back march")])
    b = Article.make("The Keys Back march filled Founders Square again.")  # no date, no publication date
    (undated,) = store.add_mentions(b, [EventMention(date=None, locality="Portland", state="ME",
                                                     location="Founders Square", event_type=["march"],
                                                     organizations=org, title="Keys Back march")])
    assert undated not in (june, october) and store.get_event(june).date == "2025-06-14"
    queued = {r["other_event_id"] for r in store.review_flags(kind="uncertain_match")}
    assert {june, october} <= queued
    store.close()


def test_two_undated_reports_of_one_named_action_need_its_organizer_or_venue(tmp_path: Path) -> None:
    """Two reports with no date of the same recurring action in one city: the name alone does not
    make them one day; the name with the organizer does."""
    store = open_store(tmp_path / "uu.sqlite")
    a = Article.make("The Keys Back march crossed the river district.")
    (first,) = store.add_mentions(a, [EventMention(date=None, locality="Portland", state="ME",
                                                   event_type=["march"], title="Keys Back march")])
    b = Article.make("Keys Back marchers gathered by the old mill.")
    (second,) = store.add_mentions(b, [EventMention(date=None, locality="Portland", state="ME",
                                                    event_type=["march"], title="Keys Back march")])
    assert second != first
    c = Article.make("The Harbor Tenants Union led the Keys Back march.")
    (third,) = store.add_mentions(c, [EventMention(date=None, locality="Portland", state="ME",
                                                   event_type=["march"], title="Keys Back march",
                                                   organizations=["Harbor Tenants Union"])])
    d = Article.make("Harbor Tenants Union members walked in the Keys Back march.")
    (fourth,) = store.add_mentions(d, [EventMention(date=None, locality="Portland", state="ME",
                                                    event_type=["march"], title="Keys Back march",
                                                    organizations=["Harbor Tenants Union"])])
    assert fourth == third
    store.close()
