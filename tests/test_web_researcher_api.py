"""The API as a researcher uses it: hostile parameters answer 422 (never a 5xx, never "everything"),
multi-select filters, the new filters (valence, arrests, county, planned), organization search that
ignores case, accents and apostrophe style and finds initials, ranked text search, totals, paged
change feed, gzip, documented responses and a schemathesis run over the whole OpenAPI schema.

Every text here is written for these tests.
"""

from __future__ import annotations

import gzip
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient

from protestdb.models import Article, EventMention
from protestdb.store import open_store
from protestdb.web import create_app

EVENTS: list[dict[str, Any]] = [
    dict(date="2025-04-01", locality="Springfield", state="IL", county="Sangamon County", fips_code="17167",
         lat=39.78, lon=-89.65, event_type=["march"], issues=["labor"], valence=1, size_low=300,
         organizations=["Women\u2019s March"], arrests=2, title="Springfield march for wages"),
    dict(date="2025-04-02", locality="Springfield", state="IL", county="Sangamon County", fips_code="17167",
         lat=39.78, lon=-89.65, event_type=["rally"], issues=["labor"], valence=0, size_low=40,
         organizations=["National Day Laborer Organizing Network"], title="Rally at the day labor corner"),
    dict(date="2025-04-03", locality="Peoria", state="IL", county="Peoria County", fips_code="17143",
         lat=40.69, lon=-89.59, event_type=["vigil"], issues=["immigration"], valence=2, size_low=5000,
         organizations=["Caf\u00e9 Workers Alliance (CWA)"], property_damage=True, title="Vigil vigil vigil downtown"),
    dict(date="2025-04-10", locality="Madison", state="WI", county="Dane County", fips_code="55025",
         lat=43.07, lon=-89.40, event_type=["rally"], issues=["education"], valence=1, size_low=800,
         organizations=["Women's March"], announced_only=True, title="Planned rally for schools with a vigil"),
]


def build(path: Path) -> list[str]:
    store = open_store(str(path))
    ids = []
    try:
        for i, spec in enumerate(EVENTS):
            text = f"Test report {i}: {spec['title']} in {spec['locality']}."
            art = Article.make(text, title=spec["title"], url=f"https://example.org/r/{i}", outlet="Test Wire")
            aid, _ = store.add_article(art)
            ids += store.add_mentions(art, [EventMention(country="US", date_precision="day", **spec)])
    finally:
        store.close()
    return ids


@pytest.fixture(scope="module")
def app_db(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, list[str]]:
    path = tmp_path_factory.mktemp("researcher") / "events.sqlite"
    return path, build(path)


@pytest.fixture(scope="module")
def client(app_db):
    with TestClient(create_app(str(app_db[0]))) as c:
        yield c


def titles(client: TestClient, **params: Any) -> set[str]:
    r = client.get("/api/events", params=params)
    assert r.status_code == 200, r.text
    body = r.json()
    assert body["total"] == len(body["events"])  # one page here: the total counts all matches
    return {e["title"] for e in body["events"]}


@pytest.mark.parametrize(
    ("params", "names"),
    [
        ({"state": "ZZ"}, "WI"),
        ({"type": "not-a-type"}, "march"),
        ({"issue": "nonsense"}, "immigration"),
        ({"type": "march,nonsense"}, "rally"),
        ({"q": "!!!"}, "letters"),
        ({"q": "\U0001f525"}, "letters"),
        ({"size_min": "99999999999999999999999"}, None),
        ({"valence": "7"}, None),
        ({"arrests": "maybe"}, "yes or no"),
        ({"sort": "relevance"}, "q"),
    ],
)
def test_hostile_parameters_answer_422_naming_valid_values(client, params, names):
    for path in ("/api/events", "/api/stats"):
        if path == "/api/stats" and "sort" in params:
            continue
        for fmt in ("json", "csv", "geojson", "points"):
            p = dict(params, format=fmt) if path == "/api/events" else params
            r = client.get(path, params=p)
            assert r.status_code == 422, (path, p, r.status_code, r.text[:200])
            assert r.headers["content-type"].startswith("application/json")
            if names:
                assert names in str(r.json()["detail"]), r.json()


def test_multi_select_type_issue_state(client):
    assert titles(client, type="march,rally") == {
        "Springfield march for wages", "Rally at the day labor corner", "Planned rally for schools with a vigil"}
    assert titles(client, issue="labor,immigration", state="IL") == {
        "Springfield march for wages", "Rally at the day labor corner", "Vigil vigil vigil downtown"}
    assert titles(client, state="WI,IL", type="vigil") == {"Vigil vigil vigil downtown"}


def test_valence_size_arrests_damage_county_planned(client):
    assert titles(client, valence="1") == {"Springfield march for wages", "Planned rally for schools with a vigil"}
    assert titles(client, valence="0,2") == {"Rally at the day labor corner", "Vigil vigil vigil downtown"}
    assert titles(client, size_min=100, size_max=1000) == {
        "Springfield march for wages", "Planned rally for schools with a vigil"}
    assert titles(client, arrests="yes") == {"Springfield march for wages"}
    assert "Springfield march for wages" not in titles(client, arrests="no")
    assert titles(client, property_damage="yes") == {"Vigil vigil vigil downtown"}
    assert titles(client, county="Sangamon") == titles(client, county="17167") == {
        "Springfield march for wages", "Rally at the day labor corner"}
    assert titles(client, county="dane county,17143") == {
        "Planned rally for schools with a vigil", "Vigil vigil vigil downtown"}
    assert titles(client, status="planned") == {"Planned rally for schools with a vigil"}
    assert len(titles(client, status="happened")) == 3


@pytest.mark.parametrize(
    ("org", "expected"),
    [
        ("Women's March", {"Springfield march for wages", "Planned rally for schools with a vigil"}),
        ("women\u2019s march", {"Springfield march for wages", "Planned rally for schools with a vigil"}),
        ("WOMENS", {"Springfield march for wages", "Planned rally for schools with a vigil"}),
        ("NDLON", {"Rally at the day labor corner"}),
        ("day laborer", {"Rally at the day labor corner"}),
        ("cafe workers", {"Vigil vigil vigil downtown"}),
        ("CWA", {"Vigil vigil vigil downtown"}),
        ("Nobody Here", set()),
    ],
)
def test_organization_search_is_partial_and_forgiving(client, org, expected):
    assert titles(client, organization=org) == expected


def test_text_search_ranked_and_paged(client):
    body = client.get("/api/events", params={"q": "vigil", "sort": "relevance", "limit": 1}).json()
    assert body["total"] == 2 and body["count"] == 1
    # the event whose title says "vigil" three times ranks before the one that says it once
    assert body["events"][0]["title"] == "Vigil vigil vigil downtown"
    nxt = client.get("/api/events", params={"q": "vigil", "sort": "relevance", "limit": 1, "after": body["next"]}).json()
    assert [e["title"] for e in nxt["events"]] == ["Planned rally for schools with a vigil"]
    assert nxt["next"] is None


def test_list_sorts_both_ways(client):
    for sort, key in (("date", "date"), ("size", "size_low")):
        asc = [e[key] for e in client.get("/api/events", params={"sort": sort}).json()["events"]]
        desc = [e[key] for e in client.get("/api/events", params={"sort": sort, "order": "desc"}).json()["events"]]
        assert asc == sorted(asc) and desc == sorted(desc, reverse=True)


def test_stats_planned_participants_counties(client):
    st = client.get("/api/stats", params={"counties": "true"}).json()
    assert st["planned"] == 1 and st["happened"] == 3
    assert st["planned_per_day"] == {"2025-04-10": 1}
    assert st["participants_per_day"]["2025-04-03"] == 5000
    assert st["per_county"]["17167"] == {"count": 2, "county": "Sangamon County", "state": "IL"}
    assert "per_county" not in client.get("/api/stats").json()


def test_points_mark_planned_events(client):
    pts = client.get("/api/events", params={"format": "points"}).json()["points"]
    assert sorted(p[6] for p in pts) == [0, 0, 0, 1]


def test_changes_are_paged(client):
    first = client.get("/api/changes", params={"limit": 2}).json()
    assert first["count"] == 2 and first["next_cursor"]
    seen = [c["seq"] for c in first["changes"]]
    url = first["next_url"]
    while url:
        page = client.get(url).json()
        seen += [c["seq"] for c in page["changes"]]
        url = page["next_url"]
    everything = client.get("/api/changes", params={"limit": 10_000}).json()
    assert seen == [c["seq"] for c in everything["changes"]] and everything["next_cursor"] is None
    assert client.get("/api/changes", params={"cursor": "abc"}).status_code == 422


def test_campaigns_page_and_search(client):
    body = client.get("/api/campaigns", params={"limit": 1, "offset": 0}).json()
    assert {"count", "total", "offset", "campaigns"} <= set(body)
    assert body["count"] <= 1 and body["total"] >= body["count"]


def test_gzip_on_json_and_streamed_csv(client):
    r = client.get("/api/events", headers={"Accept-Encoding": "gzip"})
    assert r.headers.get("content-encoding") == "gzip"
    r = client.get("/api/events", params={"format": "csv"}, headers={"Accept-Encoding": "gzip"})
    assert r.headers.get("content-encoding") == "gzip"
    assert r.text.count("\n") == 1 + len(EVENTS)  # TestClient decodes: the whole CSV arrived
    raw = client.get("/api/codebook", headers={"Accept-Encoding": "identity"})
    assert "content-encoding" not in raw.headers
    assert gzip  # the module is used by the client under the hood


def test_places_for_map_labels(client):
    body = client.get("/api/places", params={"min_population": 1_000_000}).json()
    names = [p[0] for p in body["places"]]
    assert "New York City" in names and "Los Angeles" in names
    pops = [p[4] for p in body["places"]]
    assert pops == sorted(pops, reverse=True) and min(pops) >= 1_000_000


def test_docs_show_models_security_and_codebook(client):
    spec = client.get("/openapi.json").json()
    assert "/codebook" in spec["info"]["description"]
    assert spec["components"]["securitySchemes"]["token"]["scheme"] == "bearer"
    empty = []
    for path, ops in spec["paths"].items():
        for method, op in ops.items():
            ok = op["responses"].get("200") or op["responses"].get("201")
            schema = (ok.get("content") or {}).get("application/json", {}).get("schema")
            if not schema or schema == {}:
                empty.append(f"{method} {path}")
            if method == "post":
                assert op.get("security") == [{"token": []}], path
    assert empty == []


def test_schemathesis_finds_no_server_error_and_no_schema_violation(app_db):
    """Property-based requests from the OpenAPI schema against every endpoint (bounded run)."""
    schemathesis = pytest.importorskip("schemathesis")
    from hypothesis import HealthCheck, Phase, given, settings

    app = create_app(str(app_db[0]))
    schema = schemathesis.openapi.from_asgi("/openapi.json", app)
    checks = [
        schemathesis.checks.not_a_server_error,
        schemathesis.checks.response_schema_conformance,
        schemathesis.checks.status_code_conformance,
        schemathesis.checks.content_type_conformance,
    ]
    failures: list[str] = []
    statuses: list[int] = []
    # every operation: reads with generated parameters, writes without a token (401 before the body)
    ops = [op.ok() for op in schema.get_all_operations()]
    assert len(ops) >= 14 and any(op.method.upper() == "POST" for op in ops)
    def check_op(op: Any) -> None:
        @settings(max_examples=12, deadline=None, database=None, derandomize=True,
                  phases=[Phase.explicit, Phase.generate], suppress_health_check=list(HealthCheck))
        @given(case=op.as_strategy())
        def run(case: Any) -> None:
            response = case.call()
            statuses.append(response.status_code)
            try:
                case.validate_response(response, checks=checks)
            except AssertionError as exc:  # schemathesis' failure groups subclass AssertionError
                failures.append(f"{op.method.upper()} {op.path} {case.query}: {str(exc)[:300]}")

        run()

    for op in ops:
        check_op(op)
    assert failures == [], "\n".join(failures[:10])
    assert len(statuses) >= 3 * len(ops) and 200 in statuses and 422 in statuses


def test_totals_are_exact_and_follow_writes(tmp_path):
    path = tmp_path / "t.sqlite"
    build(path)
    store = open_store(str(path))
    try:
        for f in ({"q": "vigil"}, {"q": "vigil", "state": ["IL"]}, {}, {"type": ["march", "rally"]}):
            assert store.total_events(f) == store.count_events(f)
        assert store.total_events({"q": "vigil"}) == 2
        art = Article.make("Test report: another vigil in Peoria.", title="Another vigil", url="https://example.org/r/x")
        store.add_article(art)
        store.add_mentions(art, [EventMention(country="US", date="2025-05-01", locality="Peoria", state="IL",
                                              title="Another vigil", event_type=["vigil"])])
        assert store.total_events({"q": "vigil"}) == 3  # the cached total moved with the write
    finally:
        store.close()
