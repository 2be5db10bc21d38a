"""One event per city and per group: roundup clauses that tell a city by its crowd, and
protesters and counter-protesters told as one subject."""

from __future__ import annotations

from datetime import date

import pytest

from conftest import report_events


@pytest.mark.regression("a roundup clause telling a city's crowd is that city's event")
def test_city_told_by_its_crowd_in_a_roundup_clause() -> None:
    text = (
        "Students walked out of classes across Australia on Friday to demand climate action.\n\n"
        "Sydney saw 80,000 people march through the city centre to the park.\n\n"
        "Brisbane welcomed 30,000 protesters calling for change, while Adelaide tallied crowds of 20,000."
    )
    evs = report_events(text, date(2019, 9, 20))
    assert {"Sydney", "Brisbane", "Adelaide"} <= {e.locality for e in evs}


@pytest.mark.regression("a city in a clause without a crowd or an action stays context")
def test_city_in_a_clause_without_crowd_stays_context() -> None:
    text = (
        "Hundreds of nurses marched in Leeds on Saturday against hospital cuts, "
        "while ministers in London debated the budget."
    )
    evs = report_events(text, date(2024, 3, 9))
    assert [e.locality for e in evs] == ["Leeds"]


@pytest.mark.regression("protesters and counter-protesters told as one subject: two events")
@pytest.mark.parametrize("spelling", ["counter-protestors", "counter-protesters", "counterprotesters"])
def test_protesters_and_counter_protesters_as_one_subject(spelling: str) -> None:
    text = (
        f"Protesters and {spelling} gathered outside the Elmwood Public Library in Tulsa, Oklahoma, "
        "on Sunday afternoon as a reading event was held inside."
    )
    evs = report_events(text, date(2024, 6, 10))
    kinds = sorted("counter-protest" in e.event_type for e in evs)
    assert kinds == [False, True]
    assert {e.locality for e in evs} == {"Tulsa"}


@pytest.mark.regression("a counter-protest in its own clause leaves the main action whole")
def test_counter_protest_in_its_own_clause() -> None:
    text = (
        "About 300 people rallied in Tulsa, Oklahoma, on Sunday for transgender rights, "
        "while a dozen counter-protesters stood across the street."
    )
    evs = report_events(text, date(2024, 6, 10))
    assert sorted("counter-protest" in e.event_type for e in evs) == [False, True]
