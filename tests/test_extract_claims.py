"""Claims and issues of an event."""

from __future__ import annotations

import pytest

from conftest import (
    MAY_14_2025,
    report_events,
)


@pytest.mark.regression("issues from the events own claims")
def test_issues_from_the_events_own_claims() -> None:
    text = (
        "ASHEVILLE, N.C. — About 200 parents and students rallied on Tuesday in support of transgender "
        "athletes, before the Buncombe County school board voted on a new sports policy."
    )
    ev = report_events(text, MAY_14_2025)[0]
    assert "lgbtq" in ev.issues
    assert "education" not in ev.issues


@pytest.mark.regression("no claim from inside a name")
def test_no_claim_from_inside_a_name() -> None:
    text = (
        "BOISE, Idaho — Dozens of people marched downtown on Saturday, organized by the Parents for "
        "Quiet Streets, demanding lower speed limits near schools."
    )
    ev = report_events(text, MAY_14_2025)[0]
    assert "Parents for Quiet Streets" in ev.organizations
    assert not any(c.lower().startswith("for quiet") for c in ev.claims_summary)


@pytest.mark.regression("the action itself is no claim")
def test_the_action_itself_is_no_claim() -> None:
    text = (
        "About 90 nurses gathered on Sunday at Lakeview Plaza in Madison, Wisconsin, for a rally called by "
        "the Nurses Solidarity Network, demanding safe staffing."
    )
    ev = report_events(text, MAY_14_2025)[0]
    assert not any("rally" in c for c in ev.claims_summary)
    assert any("safe staffing" in c for c in ev.claims_summary)
