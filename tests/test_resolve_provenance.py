"""Every source says where it came from (issue 10): a file's path as given, a JSON line's url,
a WARC record's target URI."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from protestdb.models import EventMention
from protestdb.pipeline import ingest_paths
from protestdb.store import open_store


def _one_event(text: str, published: Any = None, **_: Any) -> list[EventMention]:
    town = "Ashford" if "Ashford" in text else "Brookvale" if "Brookvale" in text else "Cedar Point"
    return [EventMention(date="2025-01-02", locality=town, state="VT", event_type=["vigil"],
                         organizations=[f"{town} Clinic Friends"])]


def _source_urls(store) -> set[str | None]:
    return {s.url for e in store.query_events() for s in e.sources}


def test_file_and_json_line_sources_say_where_they_came_from(tmp_path: Path) -> None:
    txt = tmp_path / "ashford.txt"
    txt.write_text("Neighbors in Ashford held a vigil outside the clinic on Thursday.", encoding="utf-8")
    jl = tmp_path / "feed.jsonl"
    jl.write_text(json.dumps({"text": "Brookvale residents held a vigil on Thursday.",
                              "url": "https://brookvale.example/vigil"}) + "\n", encoding="utf-8")
    store = open_store(tmp_path / "p.sqlite")
    rep = ingest_paths(store, [str(txt), str(jl)], progress=False, extractor=_one_event)
    assert rep.errors == []
    assert _source_urls(store) == {str(txt), "https://brookvale.example/vigil"}
    rows, _ = store.search_event_rows()
    assert {s["url"] for r in rows for s in r["sources"]} == {str(txt), "https://brookvale.example/vigil"}
    store.close()


def test_warc_sources_carry_the_target_uri(tmp_path: Path) -> None:
    pytest.importorskip("warcio")
    from test_ingest_warc import _write_warc

    path = tmp_path / "crawl.warc"
    _write_warc(path, gz=False)
    store = open_store(tmp_path / "w.sqlite")
    ingest_paths(store, [str(path)], progress=False, extractor=_one_event)
    assert _source_urls(store) == {f"https://town.example/news/{i}" for i in range(3)}
    store.close()
