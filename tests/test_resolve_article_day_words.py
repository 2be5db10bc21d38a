"""A page without any date often tells the day once, in its lead, for all it reports ("groups held
gatherings across the valley on Monday, May 4"), and the action's own sentences tell none. The
action keeps those words as the evidence of its unknown date, as a dated page's action takes the
article's main date (issue 10): the resolver reads them as its day of a year, so the report joins
the dated event of that day and no other. A lead that names several days gives none. Look-alikes
that must stay apart: the same group at the same square a week apart, the same day's campaign in
another town, a counter-protest. Sentences, places and groups are invented."""

from __future__ import annotations

import json
from pathlib import Path

from helpers import report_events
from protestdb.pipeline import ingest_paths
from protestdb.store import open_store

LEAD_DAY = (  # a page without a date: the day is told in the lead only
    "Neighborhood groups held \u201cHold Our Ground\u201d gatherings across the valley on Monday, May 4, in "
    "response to the mill closure.\n\n"
    "At Quarry Square in Riverton, Oregon, about 300 people gathered for a rally organized by the Westbank "
    "Tenants League.\n\n"
    "Speakers named a machinist who has been out of work since April 20."
)
TWO_DAYS = LEAD_DAY.replace("on Monday, May 4,", "on Monday, May 4, and on Monday, May 11,")
WEEK_LATER = LEAD_DAY.replace("May 4", "May 11")


def _dated(day: str, crowd: str = "Hundreds of") -> str:
    return (f"{crowd} people rallied at Quarry Square in Riverton, Oregon, on {day} against the mill "
            "closure, in an event organized by the Westbank Tenants League.")


def _words(text: str) -> list[list[str]]:
    return [[ev.quote for ev in e.evidence.get("date_precision", ())] for e in report_events(text, None)]


def test_an_action_without_date_words_keeps_the_leads_day() -> None:
    assert _words(LEAD_DAY) == [["Monday, May 4"]]


def test_a_lead_naming_two_days_gives_the_action_none() -> None:
    assert _words(TWO_DAYS) == [[]]


def test_a_day_told_as_a_nouns_is_not_the_articles_day() -> None:
    # "the May 4 flood" names the occasion the crowd remembers, not the day it gathered
    text = LEAD_DAY.replace("gatherings across the valley on Monday, May 4, in response to the mill closure",
                            "gatherings across the valley a year after the May 4 flood")
    assert _words(text) == [[]]


def _ingest(tmp_path: Path, pages: dict[str, tuple[str, str | None]]) -> dict[str, list[str]]:
    feed = tmp_path / "pages.jsonl"
    feed.write_text("".join(json.dumps({"text": t, "url": f"https://{k}.example/p", "published": p}) + "\n"
                            for k, (t, p) in pages.items()), encoding="utf-8")
    store = open_store(tmp_path / "o.sqlite")
    ingest_paths(store, [str(feed)], progress=False)
    out: dict[str, list[str]] = {}
    for url, eid in store.conn.execute(
        "SELECT a.url, s.event_id FROM event_sources s JOIN articles a ON a.id = s.article_id ORDER BY s.mention_index"
    ):
        out.setdefault(url.split("//")[1].split(".")[0], []).append(eid)
    store.close()
    return out


def test_the_undated_page_joins_the_day_its_lead_names_not_the_week_before(tmp_path: Path) -> None:
    # the league rallied at the square on two Mondays: without the lead's day the undated page fits
    # both (and joins neither); with it, only May 4
    got = _ingest(tmp_path, {
        "before": (_dated("Monday", "About 250"), "2026-04-28"),
        "day": (_dated("Monday"), "2026-05-05"),
        "undated": (LEAD_DAY, None),
    })
    assert got["undated"] == got["day"]
    assert got["before"] != got["day"]


def test_an_undated_page_whose_lead_names_the_next_week_stays_apart(tmp_path: Path) -> None:
    got = _ingest(tmp_path, {"day": (_dated("Monday"), "2026-05-05"), "undated": (WEEK_LATER, None)})
    assert got["undated"] != got["day"]


def test_the_same_days_campaign_in_another_town_stays_apart(tmp_path: Path) -> None:
    elsewhere = LEAD_DAY.replace("At Quarry Square in Riverton, Oregon,", "At Cedar Park in Salem, Oregon,")
    got = _ingest(tmp_path, {"day": (_dated("Monday"), "2026-05-05"), "undated": (elsewhere, None)})
    assert got["undated"] != got["day"]


def test_a_counter_protest_told_with_the_leads_day_stays_apart(tmp_path: Path) -> None:
    counter = LEAD_DAY.replace(
        "about 300 people gathered for a rally organized by the Westbank Tenants League",
        "about 40 counter-protesters gathered to oppose a rally organized by the Westbank Tenants League",
    )
    got = _ingest(tmp_path, {"day": (_dated("Monday"), "2026-05-05"), "undated": (counter, None)})
    assert got["undated"][-1] not in got["day"]
