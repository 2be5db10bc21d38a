"""Tokens (protestdb.auth), closed reads, writes through the API (articles, review), campaigns,
the change feed, downloads (Parquet, points), on a real temporary store."""

from __future__ import annotations

import io
import sqlite3
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient

from protestdb.auth import create_token, list_tokens, revoke_token, verify_token
from protestdb.models import Article, EventMention
from protestdb.store import open_store
from protestdb.web import create_app
from test_web_api import build_store


def _fake_extractor(text: str, published: date | None, **_: Any) -> list[EventMention]:
    """A stand-in extractor: one rally in the city named after 'in ' (tests the API, not extraction)."""
    if "rall" not in text:
        return []
    city = text.split(" in ", 1)[1].split()[0].strip(".,")
    m = EventMention(
        date=(published or date(2025, 5, 1)).isoformat(),
        locality=city,
        state="WA",
        event_type=["rally"],
        title="Spring Tide Rally",
    )
    i = text.index(city)
    m.add_evidence("locality", i, i + len(city), city)
    return [m]


@pytest.fixture
def env(tmp_path: Path) -> dict[str, Any]:
    path = tmp_path / "w.sqlite"
    ids = build_store(path)
    store = open_store(str(path))
    editor = create_token(store, "Robin Editor")
    reader = create_token(store, "Reader Bot", scopes="read")
    store.close()
    return {"path": path, "ids": ids, "editor": editor, "reader": reader}


def _client(env: dict[str, Any], **kw: Any) -> TestClient:
    return TestClient(create_app(str(env["path"]), extractor=_fake_extractor, **kw))


def _auth(tok: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {tok}"}


def test_tokens_are_stored_hashed_verified_and_revocable(env):
    store = open_store(str(env["path"]))
    try:
        info = verify_token(store, env["editor"])
        assert info is not None and info.name == "Robin Editor" and info.can("write")
        assert not verify_token(store, env["reader"]).can("write")
        assert verify_token(store, env["editor"][:-2] + "xx") is None
        assert verify_token(store, "pdb_000000000000_" + "a" * 40) is None
        assert verify_token(store, "") is None
        # the secret is nowhere in the database
        secret = env["editor"].split("_", 2)[2]
        conn = sqlite3.connect(env["path"])
        dump = "\n".join(conn.iterdump())
        conn.close()
        assert secret not in dump
        tid = env["editor"].split("_")[1]
        assert tid in {t["id"] for t in list_tokens(store)}
        assert revoke_token(store, tid) is True
        assert verify_token(store, env["editor"]) is None
        assert revoke_token(store, tid) is False
    finally:
        store.close()


def test_writes_need_a_write_token(env):
    with _client(env) as c:
        body = {"text": "Dozens rallied in Tacoma on Saturday.", "published": "2025-05-04"}
        assert c.post("/api/articles", json=body).status_code == 401
        assert c.post("/api/articles", json=body, headers=_auth("pdb_nope")).status_code == 401
        assert c.post("/api/articles", json=body, headers=_auth(env["reader"])).status_code == 403
        eid = env["ids"]["Houston"]
        r = c.post(f"/api/events/{eid}/correct", json={"field": "size_low", "value": 40})
        assert r.status_code == 401 and r.headers["www-authenticate"] == "Bearer"
        assert c.get("/api/me", headers=_auth(env["editor"])).json()["name"] == "Robin Editor"
        assert c.get("/api/me").json()["name"] is None


def test_post_article_runs_the_pipeline_and_is_idempotent(env):
    with _client(env) as c:
        body = {
            "text": "Dozens rallied in Tacoma on Saturday.",
            "published": "2025-05-04",
            "outlet": "Sound Post",
        }
        r = c.post("/api/articles", json=body, headers=_auth(env["editor"]))
        assert r.status_code == 201, r.text
        out = r.json()
        assert out["is_new"] and len(out["events"]) == 1 and len(out["created"]) == 1
        ev = out["events"][0]
        assert ev["locality"] == "Tacoma" and ev["evidence"]["locality"][0]["found"] is True
        again = c.post("/api/articles", json=body, headers=_auth(env["editor"])).json()
        assert again["is_new"] is False and again["created"] == []
        assert {e["locality"] for e in c.get("/api/events", params={"state": "WA"}).json()["events"]} == {
            "Tacoma"
        }
        html = "<html><head><title>Not news</title></head><body><p>The weather was mild all week long.</p></body></html>"
        r = c.post("/api/articles", json={"html": html}, headers=_auth(env["editor"]))
        assert r.status_code == 201 and r.json()["events"] == [] and r.json()["is_protest_report"] is False
        bad = c.post("/api/articles", json={"text": "a", "html": "<p>b</p>"}, headers=_auth(env["editor"]))
        assert bad.status_code == 422


def test_review_correct_merge_split_through_the_api_with_audit(env):
    ids = env["ids"]
    with _client(env) as c:
        h = _auth(env["editor"])
        r = c.post(
            f"/api/events/{ids['Houston']}/correct", json={"field": "size_low", "value": 40}, headers=h
        )
        assert r.status_code == 200, r.text
        assert r.json()["event"]["size_low"] == 40
        assert r.json()["audit"][-1]["by"] == "Robin Editor" and r.json()["audit"][-1]["action"] == "correct"
        bad = c.post(
            f"/api/events/{ids['Houston']}/correct", json={"field": "nonsense", "value": 1}, headers=h
        )
        assert bad.status_code == 422
        assert (
            c.post("/api/events/nope/correct", json={"field": "size_low", "value": 1}, headers=h).status_code
            == 404
        )
        # split the second Portland report out, then merge it back
        portland = c.get(f"/api/events/{ids['Portland']}").json()["event"]
        second = portland["sources"][1]["article_id"]
        new = c.post(f"/api/events/{ids['Portland']}/split", json={"article_id": second}, headers=h)
        assert new.status_code == 200, new.text
        new_id = new.json()["event"]["id"]
        assert new_id != ids["Portland"] and len(new.json()["event"]["sources"]) == 1
        merged = c.post(f"/api/events/{ids['Portland']}/merge", json={"other_id": new_id}, headers=h)
        assert merged.status_code == 200 and len(merged.json()["event"]["sources"]) == 2
        audit = c.get(f"/api/events/{ids['Portland']}/audit").json()
        assert [a["action"] for a in audit] == ["split", "merge"]
        assert c.get(f"/api/events/{new_id}").json()["event"]["id"] == ids["Portland"]  # redirect
        feed = c.get("/api/changes").json()
        assert {"create", "update", "merge"} <= {ch["op"] for ch in feed["changes"]}
        last = feed["changes"][-1]["at"]
        later = c.get("/api/changes", params={"since": last}).json()["changes"]
        assert len(later) < feed["count"] and all(ch["at"] >= last for ch in later)


def test_reads_can_be_closed(env, monkeypatch):
    with _client(env, read_token_required=True) as c:
        assert c.get("/api/events").status_code == 401
        assert c.get("/api/stats").status_code == 401
        assert c.get("/api/events", headers=_auth(env["reader"])).status_code == 200
        assert c.get("/").status_code == 200  # the page itself stays public
        assert c.get("/api/me").json()["read_token_required"] is True
    monkeypatch.setenv("PROTESTDB_READ_TOKEN_REQUIRED", "1")
    with _client(env) as c:
        assert c.get("/api/events").status_code == 401
    monkeypatch.setenv("PROTESTDB_READ_TOKEN_REQUIRED", "0")
    with _client(env) as c:
        assert c.get("/api/events").status_code == 200


def test_new_filters_points_and_downloads(env):
    with _client(env) as c:
        loc = lambda **p: {e["locality"] for e in c.get("/api/events", params=p).json()["events"]}  # noqa: E731
        assert loc(bbox="-125,40,-120,47") == {"Portland"}
        assert loc(organization="bayou nurses guild") == {"Houston"}
        assert loc(size_min=1000) == {"Portland"}
        assert loc(size_max=500) == {"Sacramento"}
        assert loc(state="CA,TX") == {"Sacramento", "Houston"}
        assert loc(status="announced") == set()
        pts = c.get("/api/events", params={"format": "points"}).json()
        assert pts["count"] == 3 and all(len(p) == 7 for p in pts["points"])
        st = c.get("/api/stats", params={"state": "OR"}).json()
        assert st["per_week"] == {"2025-03-03": 1} and st["per_organization"] == {
            "Cascade Forest Defenders": 1
        }
        gj = c.get("/api/events", params={"format": "geojson", "state": "OR,TX"}).json()
        assert len(gj["features"]) == 2
        pa = pytest.importorskip("pyarrow.parquet")
        r = c.get("/api/events", params={"format": "parquet"})
        assert r.status_code == 200
        table = pa.read_table(io.BytesIO(r.content))
        assert table.num_rows == 4 and "locality" in table.column_names


def test_campaigns_group_a_named_action(tmp_path):
    path = tmp_path / "c.sqlite"
    store = open_store(str(path))
    try:
        for i, (city, st) in enumerate([("Fresno", "CA"), ("Reno", "NV"), ("Boise", "ID")]):
            text = f"Hundreds joined the Spring Tide Rally in {city} on day {i}."
            art = Article.make(text, published=date(2025, 4, 5))
            m = EventMention(
                date=f"2025-04-0{i + 5}",
                locality=city,
                state=st,
                event_type=["rally"],
                title="Spring Tide Rally",
                size_low=200 + i,
            )
            store.add_mentions(art, [m])
    finally:
        store.close()
    with TestClient(create_app(str(path))) as c:
        cs = c.get("/api/campaigns").json()
        assert cs["count"] == 1
        camp = cs["campaigns"][0]
        assert camp["n_events"] == 3 and camp["n_states"] == 3 and camp["size_low_sum"] == 603
        detail = c.get(f"/api/campaigns/{camp['id']}").json()
        assert detail["stats"]["events"] == 3 and len(detail["events"]) == 3
        assert len(c.get("/api/events", params={"campaign": camp["id"]}).json()["events"]) == 3
        assert c.get("/api/events", params={"campaign": "cp_nope"}).status_code == 404
