"""Event splitting and fields on short articles written for these tests."""

from __future__ import annotations

from datetime import date

import pytest

from protestdb.extract import extract_text
from protestdb.models import ExtractionResult

PUB = date(2025, 3, 10)  # a Monday


def _check_evidence(res: ExtractionResult) -> None:
    for ev in res.events:
        for field in ev.filled_fields():
            spans = ev.evidence.get(field)
            assert spans, f"{field} has no evidence"
            for sp in spans:
                assert res.text[sp.start : sp.end] == sp.quote


@pytest.fixture(scope="module")
def roundup() -> ExtractionResult:
    text = (
        "Thousands of people marched on Saturday against the new immigration policy. "
        "Protests were held in Dallas, Houston and San Antonio, Texas; Atlanta, Georgia; and Denver, Colorado."
    )
    return extract_text(text, PUB)


def test_roundup_gives_one_event_per_city(roundup: ExtractionResult) -> None:
    got = {(e.locality, e.state) for e in roundup.events}
    assert got == {("Dallas", "TX"), ("Houston", "TX"), ("San Antonio", "TX"), ("Atlanta", "GA"), ("Denver", "CO")}
    assert {e.date for e in roundup.events} == {"2025-03-08"}
    _check_evidence(roundup)


def test_counter_protest_is_its_own_event() -> None:
    text = (
        "PORTLAND, Ore. (AP) — About 300 people rallied Sunday outside City Hall to demand police reform. "
        "A group of about 20 counter-protesters gathered across the street."
    )
    res = extract_text(text, PUB)
    assert len(res.events) == 2
    main = next(e for e in res.events if "counter-protest" not in e.event_type)
    counter = next(e for e in res.events if "counter-protest" in e.event_type)
    assert main.locality == counter.locality == "Portland" and main.state == "OR"
    assert main.event_type == ["rally"] and main.size_low and main.size_low >= 250
    assert counter.size_low is not None and counter.size_low < 50
    _check_evidence(res)


def test_announced_action_resolves_toward_the_future() -> None:
    text = "Teachers in Chicago will rally Saturday at Union Park to demand smaller class sizes, the union said."
    res = extract_text(text, PUB)
    assert len(res.events) == 1
    ev = res.events[0]
    assert ev.announced_only is True
    assert ev.date == "2025-03-15"
    assert ev.locality == "Chicago" and ev.state == "IL"
    assert "teachers" in ev.participants
    _check_evidence(res)


def test_dateline_gives_the_place() -> None:
    text = "DETROIT — Dozens of autoworkers picketed outside the assembly plant on Monday for higher wages."
    res = extract_text(text, PUB)
    assert [(e.locality, e.state) for e in res.events] == [("Detroit", "MI")]
    ev = res.events[0]
    assert ev.event_type == ["picket"]
    assert any(c.startswith("for higher wages") for c in ev.claims_summary)
    assert "labor" in ev.issues
    _check_evidence(res)


def test_organization_with_acronym_is_one_org_and_slogans_are_verbatim() -> None:
    text = (
        "About 500 people rallied in Boston on Sunday outside the State House. The rally was organized by "
        "the Greater Boston Tenants Alliance (GBTA). Marchers carried signs reading \"Housing is a human right\" "
        "and \"Cap the rent\". Later the GBTA said it would keep organizing."
    )
    res = extract_text(text, PUB)
    ev = next(e for e in res.events if e.locality == "Boston")
    assert ev.organizations == ["Greater Boston Tenants Alliance"]
    assert {"Housing is a human right", "Cap the rent"} <= set(ev.claims_verbatim)
    _check_evidence(res)


def test_non_protest_text_has_no_events() -> None:
    res = extract_text("Stocks rally as investors cheer the Fed. A drone strike killed three people on Monday.", PUB)
    assert not res.is_protest_report and res.events == []
    res = extract_text("The council approved the budget on Tuesday.", PUB)
    assert not res.is_protest_report


def test_nationwide_boycott_has_no_locality() -> None:
    text = (
        "Organizers across the country urged shoppers not to go shopping on Friday in solidarity with "
        "striking warehouse workers."
    )
    res = extract_text(text, PUB)
    assert len(res.events) == 1
    ev = res.events[0]
    assert ev.locality is None and ev.country == "US" and "boycott" in ev.event_type
    _check_evidence(res)


def test_spanish_article() -> None:
    text = "Cientos de personas marcharon el domingo en Phoenix, Arizona, en protesta contra las deportaciones."
    res = extract_text(text, PUB)
    assert res.language == "es"
    assert len(res.events) == 1
    ev = res.events[0]
    assert "march" in ev.event_type and ev.date == "2025-03-09"
    assert ev.state == "AZ" and ev.size_low == 200
    _check_evidence(res)
