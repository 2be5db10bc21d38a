"""Never a false merge (issue 10), through the whole pipeline (extraction, then resolution): a main
action's story that goes on to tell its counter-protesters is not itself a counter-protest (else it
joins the counter-protest other outlets tell), and a campaign's later night whose page names the
first night's date ("following the first on Aug. 14") is not that night. Each look-alike that must
stay apart comes with a true pair that must still merge. Sentences are our own."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

from helpers import report_events
from protestdb.extract.furniture import other_occasion
from protestdb.pipeline import ingest_paths
from protestdb.store import open_store

PARENTS = (  # the main rally's story, which goes on to tell the counter-protesters
    "Thousands of parents rallied outside the Montgomery County Courthouse in Dayton, Ohio, on Saturday morning "
    "against the new health curriculum.\n\n"
    "Hundreds of counter-protesters stood across the street from the parents before the planned march through "
    "downtown Dayton.\n\n"
    "Police officers stood between the two sides.\n\n"
    "Several parents said they wanted a say in what their children are taught. Counter-protesters carried "
    "rainbow flags and chanted for safe schools."
)
COUNTER = (  # another outlet: the counter-protest first, the parents' rally second
    "Hundreds of counter-protesters gathered across the street from the Montgomery County Courthouse in Dayton, "
    "Ohio, on Saturday to oppose a rally of parents against the new health curriculum.\n\n"
    "The counter-protesters chanted for safe schools and waved rainbow flags."
)


def _ingest(tmp_path: Path, pages: list[dict[str, str | None]]) -> tuple[object, dict[str, list[tuple[str, list[str]]]]]:
    feed = tmp_path / "pages.jsonl"
    feed.write_text("".join(json.dumps(p) + "\n" for p in pages), encoding="utf-8")
    store = open_store(tmp_path / "o.sqlite")
    ingest_paths(store, [str(feed)], progress=False)
    by_url: dict[str, list[tuple[str, list[str]]]] = {}
    for url, eid, raw in store.conn.execute(
        "SELECT a.url, s.event_id, s.mention FROM event_sources s JOIN articles a ON a.id = s.article_id"
        " ORDER BY a.url, s.mention_index"
    ):
        by_url.setdefault(url, []).append((eid, json.loads(raw)["event_type"]))
    return store, by_url


def _one(events: list[tuple[str, list[str]]], counter: bool) -> str:
    (eid,) = [e for e, types in events if ("counter-protest" in types) == counter]
    return eid


def test_a_main_rally_that_tells_its_counter_protesters_stays_apart_from_the_counter_protest(tmp_path: Path) -> None:
    store, got = _ingest(tmp_path, [
        {"text": PARENTS, "url": "https://a.example/parents", "published": "2025-03-16"},
        {"text": COUNTER, "url": "https://b.example/counter", "published": "2025-03-16"},
    ])
    a, b = got["https://a.example/parents"], got["https://b.example/counter"]
    # the main rally is typed by its own words only: the counter-protesters are the page's other event
    assert [t for _, t in a if "rally" in t] == [["rally"]]
    assert _one(a, counter=False) != _one(b, counter=True)  # the look-alike: the side it opposes
    assert _one(a, counter=False) == _one(b, counter=False)  # the true pair: the parents' rally, two outlets
    store.close()


def test_a_counter_protest_told_first_keeps_its_type() -> None:
    evs = report_events(COUNTER, date(2025, 3, 16))
    assert any("counter-protest" in e.event_type for e in evs)


def test_words_of_another_occasion() -> None:
    text = "It was the second march, following the first on August 14, and drew thousands on Wednesday night."
    assert other_occasion(text, text.index("August 14"))
    assert not other_occasion(text, text.index("Wednesday night"))
    plain = "Thousands marched through the city on August 14 to demand safe streets."
    assert not other_occasion(plain, plain.index("August 14"))
    held = "A vendor held by immigration agents since June 19 was named at the rally."
    assert not other_occasion(held, held.index("June 19"))  # words of another day still deny that day


FIRST_NIGHT = (
    "Thousands of women marched from Courthouse Square in Dayton, Ohio, on Wednesday night, August 14, in the "
    "Take Back the Streets campaign, demanding safe streets after an attack on a nurse."
)
SECOND_NIGHT = (  # a page with no publication date: its action is undated
    "Thousands of women marched from Courthouse Square in Dayton, Ohio, on Wednesday night as the Take Back the "
    "Streets campaign returned, demanding safe streets after an attack on a nurse.\n\n"
    "It was the campaign's second march, following the first on August 14."
)
SAME_NIGHT = (  # a page with no publication date that names the night it tells
    "Thousands of women marched from Courthouse Square in Dayton, Ohio, on the night of August 14 in the Take "
    "Back the Streets campaign, demanding safe streets after an attack on a nurse."
)


def test_a_campaigns_second_night_stays_apart_from_the_first_night_its_page_names(tmp_path: Path) -> None:
    store, got = _ingest(tmp_path, [
        {"text": FIRST_NIGHT, "url": "https://a.example/first", "published": "2024-08-15"},
        {"text": SECOND_NIGHT, "url": "https://b.example/second", "published": None},
        {"text": SAME_NIGHT, "url": "https://c.example/same", "published": None},
    ])
    (first,) = [e for e, _ in got["https://a.example/first"]]
    (second,) = [e for e, _ in got["https://b.example/second"]]
    (same,) = [e for e, _ in got["https://c.example/same"]]
    assert second != first  # the look-alike: another night of the campaign
    assert same == first  # the true pair: an undated page whose words name the first night
    store.close()
