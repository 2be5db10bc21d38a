"""Importing CCC files into a store: mapping, idempotence, snapshot merging, export round trip,
linking articles to CCC events and review flags (own small CSVs, no CCC text)."""

from __future__ import annotations

import io
from pathlib import Path

from click.testing import CliRunner

from helpers import phase3_csv
from protestdb.ccc import import_ccc, map_event_types, read_ccc, row_to_event
from protestdb.cli import main
from protestdb.export import write_ccc_csv
from protestdb.models import Article, EventMention
from protestdb.store import open_store

RALLY = {
    "date": "2024-05-04",
    "locality": "Springfield",
    "state": "IL",
    "resolved_locality": "Springfield",
    "resolved_state": "IL",
    "resolved_county": "Sangamon County",
    "fips_code": "17167.0",
    "lat": "39.78",
    "lon": "-89.65",
    "location": "Old State Capitol",
    "title": "Homes for All Rally",
    "event_type": "protest",
    "organizations": "Prairie Tenants Union",
    "claims_summary": "for rent control; against evictions of immigrant families",
    "valence": "1",
    "size_text": "about 60",
    "size_low": "60",
    "size_high": "60",
    "size_mean": "60",
    "size_cat": "1",
    "arrests": "unspecified",
    "coder": "ZZ",
    "source1": "www.instagram.com",
    "source2": "www.instagram.com",
    "source4": "example-news.org",
}
VIGIL = {
    **RALLY,
    "location": "Lincoln Park",
    "title": "Candle Vigil for Peace",
    "event_type": "vigil",
    "organizations": "Quaker Meeting",
    "claims_summary": "for peace",
    "source1": "example.net",
    "source2": "",
    "source4": "",
}


def write(tmp: Path, name: str, rows: list[dict[str, str]]) -> Path:
    p = tmp / name
    p.write_text(phase3_csv(rows), encoding="utf-8")
    return p


def test_mapping_of_types_and_fields():
    assert map_event_types("protest; march; Counter Protest") == ["demonstration", "march", "counter-protest"]
    assert map_event_types("demonstartion") == ["demonstration"]  # typo
    assert map_event_types("war and peace") == ["other"]
    ev = row_to_event(read_ccc_text_row(RALLY))
    assert ev.date == "2024-05-04" and ev.date_precision == "day"
    assert (ev.locality, ev.state, ev.fips_code, ev.country) == ("Springfield", "IL", "17167", "US")
    assert ev.event_type == ["demonstration"] and ev.organizations == ["Prairie Tenants Union"]
    assert ev.size_low == 60 and ev.size_cat == 1 and ev.arrests is None and ev.valence == 1
    assert "immigration" in ev.issues and ev.evidence == {}


def read_ccc_text_row(row: dict[str, str]) -> dict[str, str]:
    from protestdb.ccc.reader import read_ccc_text

    return read_ccc_text(phase3_csv([row])).rows[0].values


def test_import_is_idempotent_and_marks_origin(tmp_path: Path):
    p = write(tmp_path, "a_asof-2024-05-10.csv", [RALLY, VIGIL])
    store = open_store(tmp_path / "db.sqlite")
    r1 = import_ccc(store, [p]).files[0]
    r2 = import_ccc(store, [p]).files[0]
    assert (r1.created, r2.created, r2.unchanged) == (2, 0, 2)
    evs = store.query_events()
    assert len(evs) == 2
    assert set(store.event_origins([e.id for e in evs]).values()) == {"ccc"}
    assert all(len(e.sources) == 1 and e.sources[0].article_id.startswith("ccc:") for e in evs)


def test_export_reproduces_raw_strings_and_round_trips(tmp_path: Path):
    p = write(tmp_path, "a.csv", [RALLY, VIGIL])
    s1 = open_store(":memory:")
    import_ccc(s1, [p])
    buf = io.StringIO()
    write_ccc_csv(s1.query_events(), buf, raw=s1.ccc_raw_rows())
    out = read_ccc(write_text(tmp_path / "b.csv", buf.getvalue()))
    orig = read_ccc(p)
    key = lambda f: sorted(tuple(sorted(r.values.items())) for r in f.rows)  # noqa: E731
    assert key(out) == key(orig)  # "protest", "unspecified", coder, source gaps all survive
    s2 = open_store(":memory:")
    import_ccc(s2, [tmp_path / "b.csv"])
    assert _dump(s1) == _dump(s2)


def _dump(store) -> list[str]:
    return sorted(e.model_dump_json(exclude={"created_at", "updated_at", "sources"}) for e in store.query_events())


def write_text(p: Path, text: str) -> Path:
    p.write_text(text, encoding="utf-8")
    return p


def test_snapshots_merge_edited_rows_and_keep_distinct_ones(tmp_path: Path):
    old = write(tmp_path, "x_asof-2024-05-10.csv", [RALLY, VIGIL])
    edited = {
        **RALLY,
        "organizations": "Prairie Tenants Union; Springfield DSA",
        "size_text": "about 80",
        "size_low": "80",
        "size_high": "80",
        "size_mean": "80",
        "coder": "YY",
    }
    other_day = {**VIGIL, "date": "2024-05-20"}
    new = write(tmp_path, "x_asof-2024-06-01.csv", [edited, VIGIL, other_day])
    store = open_store(":memory:")
    rep = import_ccc(store, [old, new])
    assert rep.files[1].unchanged == 1 and rep.files[1].merged == 1 and rep.files[1].created == 1
    evs = store.query_events()
    assert len(evs) == 3
    rally = next(e for e in evs if e.title == "Homes for All Rally")
    assert rally.size_low == 80 and "Springfield DSA" in rally.organizations  # newer snapshot wins
    assert len(rally.sources) == 2


def test_older_snapshot_does_not_overwrite_newer_values(tmp_path: Path):
    newer = write(tmp_path, "y_asof-2024-06-01.csv", [{**RALLY, "size_low": "80", "size_text": "80"}])
    older = write(tmp_path, "y_asof-2024-05-10.csv", [RALLY])
    store = open_store(":memory:")
    import_ccc(store, [newer, older])
    (ev,) = store.query_events()
    assert ev.size_low == 80 and len(ev.sources) == 2


def test_rows_of_one_file_never_merge(tmp_path: Path):
    twin = {**RALLY, "coder": "QQ"}  # same day, place and title: still two CCC events
    store = open_store(":memory:")
    import_ccc(store, [write(tmp_path, "z.csv", [RALLY, twin])])
    assert len(store.query_events()) == 2


def mention(**kw) -> EventMention:
    base = dict(
        date="2024-05-04",
        date_precision="day",
        locality="Springfield",
        state="IL",
        country="US",
        event_type=["rally"],
        title="Homes for All Rally",
        organizations=["Prairie Tenants Union"],
    )
    base.update(kw)
    return EventMention(**base)


def test_article_mention_joins_the_ccc_event(tmp_path: Path):
    store = open_store(":memory:")
    import_ccc(store, [write(tmp_path, "c.csv", [RALLY, VIGIL])])
    art = Article.make("Tenants rallied at the Old State Capitol on Saturday.", url="https://example.com/a")
    (eid,) = store.add_mentions(art, [mention()])
    ev = store.get_event(eid)
    assert ev.title == "Homes for All Rally" and store.event_origins([eid]) == {eid: "ccc"}
    assert "https://example.com/a" in [s.url for s in ev.sources]
    assert len(store.query_events()) == 2
    assert store.review_flags() == []
    # the export keeps the CCC sources and appends the article
    buf = io.StringIO()
    write_ccc_csv([ev], buf, raw=store.ccc_raw_rows([eid]))
    assert "www.instagram.com,www.instagram.com,,example-news.org,https://example.com/a" in buf.getvalue()


def test_same_action_on_another_date_is_flagged_for_review(tmp_path: Path):
    store = open_store(":memory:")
    import_ccc(store, [write(tmp_path, "d.csv", [RALLY])])
    art = Article.make("The Homes for All Rally drew tenants to Springfield on May 11.")
    (eid,) = store.add_mentions(art, [mention(date="2024-05-11")])
    assert len(store.query_events()) == 2
    flags = store.review_flags()
    assert len(flags) == 1 and flags[0]["kind"] == "ccc_date_conflict" and flags[0]["event_id"] == eid
    assert flags[0]["detail"]["other_date"] == "2024-05-04"


def test_unrelated_mention_elsewhere_is_not_flagged(tmp_path: Path):
    store = open_store(":memory:")
    import_ccc(store, [write(tmp_path, "e.csv", [RALLY])])
    art = Article.make("Nurses picketed in Peoria.")
    store.add_mentions(
        art,
        [
            mention(
                locality="Peoria",
                title="Nurses Picket",
                organizations=["Nurses United"],
                event_type=["picket"],
                date="2024-05-05",
            )
        ],
    )
    assert store.review_flags() == []


def test_cli_import_ccc_reports_bad_rows_and_lists_flags(tmp_path: Path):
    p = write(tmp_path, "f.csv", [RALLY, {**VIGIL, "date": "someday"}])
    db = str(tmp_path / "cli.sqlite")
    runner = CliRunner()
    res = runner.invoke(main, ["--db", db, "import-ccc", str(p), "--report"])
    assert res.exit_code == 0, res.output
    assert "f.csv:3: skipped: bad date" in res.output
    res = runner.invoke(main, ["--db", db, "export", "--format", "ccc-csv"])
    assert res.exit_code == 0 and "Homes for All Rally" in res.output and ",protest," in res.output
    res = runner.invoke(main, ["--db", db, "import-ccc", "--flags"])
    assert res.exit_code == 0 and "no open review flags" in res.output
