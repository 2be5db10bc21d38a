"""Issue 9 on the issue-11 structure: each real-news step is a named component, drafting rule
or filler step, and the trace (``--explain``) names it.

All sentences are written for these tests (no real page text)."""

from __future__ import annotations

from datetime import date
from typing import Any

from protestdb.extract import extract_text
from protestdb.extract.config import COMPONENTS

PUB = date(2023, 3, 10)


def _rules(trace: dict[str, list[dict[str, Any]]], field: str) -> list[str]:
    return [s["rule"] for s in trace.get(field, [])]


def test_issue9_components_run_in_the_default_order() -> None:
    order = list(COMPONENTS)
    assert order.index("published_line") < order.index("dates") < order.index("page_stamps") < order.index("triggers")
    assert order.index("places") < order.index("roundups") < order.index("drafting")
    assert order[-4:] == ["roundup_organizers", "action_organizers", "page_organizer", "days_only"]


def test_published_line_dates_the_page_and_its_stamp_is_no_event_date() -> None:
    res = extract_text("Published March 7, 2023\n\nStudents rallied in Denver on Saturday against tuition increases.",
                       explain=True)
    (ev,) = res.events
    assert ev.date == "2023-03-04"
    assert "furniture.published_line" in _rules(res.trace[0], "date")
    assert [d["rule"] for d in res.dropped if d["candidate"].startswith("date ")] == ["furniture.page_timestamp"]


def test_date_words_without_a_day_are_evidence_of_an_unknown_date() -> None:
    text = "Nurses rallied outside Mercy Hospital in Denver on Saturday to demand more staff."
    res = extract_text(text, None, explain=True)
    (ev,) = res.events
    assert ev.date is None and ev.date_precision == "unknown"
    assert "Saturday" in ev.evidence["date_precision"][0].quote
    assert _rules(res.trace[0], "date_precision") == ["date.words_without_day"]


def test_place_listed_after_the_action_names_its_rule() -> None:
    res = extract_text("Workers protested at car dealerships nationwide on Saturday, including in Denver.", PUB, explain=True)
    (ev,) = res.events
    assert ev.locality == "Denver"
    assert any("listed_with_action" in r for r in _rules(res.trace[0], "event"))


def test_roundup_items_sizes_and_shared_organizers_are_traced() -> None:
    text = ("Workers marched across France on Thursday against the pension reform, with 38,000 in Lyon, "
            "36,000 in Toulouse and 26,000 in Marseille. The marches were organized by the CGT union.")
    res = extract_text(text, PUB, explain=True)
    by_city = {e.locality: (e, t) for e, t in zip(res.events, res.trace, strict=True)}
    assert {"Lyon", "Toulouse", "Marseille"} <= set(by_city)
    ev, tr = by_city["Lyon"]
    assert ev.size_low == 38000 and ev.country == "FR"
    assert "roundups.listed_place" in _rules(tr, "event_type")
    assert any("roundups.item_number" in r for r in _rules(tr, "size_low"))
    assert "place.geocoded+place.text_country" in _rules(tr, "country")
    # the organizers' sentence tells one item; the others share them
    shared = [e for e, t in by_city.values() if "roundups.shared_organizers" in _rules(t, "organizations")]
    assert shared and all(e.organizations == ["CGT"] for e in shared)
    assert all(e.organizations == ["CGT"] for e, _t in by_city.values())


def test_roundup_item_ends_after_its_number() -> None:
    res = extract_text("Workers marched against the pension reform on Thursday in Lyon (1200), Nantes (4500) and Toulouse (5000).",
                       PUB, explain=True)
    by_city = {e.locality: (e, t) for e, t in zip(res.events, res.trace, strict=True)}
    ev, tr = by_city["Lyon"]
    assert ev.size_low == 1200
    assert "drafting.split_by_city+roundup_item_end" in _rules(tr, "event")
    assert by_city["Nantes"][0].size_low == 4500


def test_person_the_report_opposes_is_a_target_named_without_title() -> None:
    res = extract_text("Thousands marched in Denver on Saturday against President Donald Trump's immigration policy.",
                       PUB, explain=True)
    (ev,) = res.events
    assert ev.targets == ["Donald Trump"]
    assert any("targets.leader_name" in r or "targets.article_opposes" in r for r in _rules(res.trace[0], "targets"))


def test_event_abroad_keeps_its_country_and_names_the_rule() -> None:
    res = extract_text("LAGOS, Nigeria — Drivers protested in Lagos on Monday against fuel prices, blocking roads.",
                       PUB, explain=True)
    (ev,) = res.events
    assert ev.country == "NG" and ev.state is None
    assert "place.geocoded+place.text_country" in _rules(res.trace[0], "country")


def test_listed_campuses_name_their_rule() -> None:
    res = extract_text("Students set up encampments on Monday at Tufts University, Yale University, the University of "
                       "Michigan and MIT.", PUB, explain=True)
    rules = {e.locality: _rules(t, "event") for e, t in zip(res.events, res.trace, strict=True)}
    assert len(rules) >= 3
    assert all(any("listed_venue" in r for r in rs) for rs in rules.values())
