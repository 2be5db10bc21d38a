"""Extraction round 4 (issue 3): datelines with an outlet, context places, role-based
organizers and targets, counter-protests, issues from the event's own claims.

All sentences are written for these tests (no gold text)."""

from __future__ import annotations

from datetime import date

import pytest

from protestdb.extract import extract_text
from protestdb.extract.counts import find_counts
from protestdb.geo import find_places

PUB = date(2025, 5, 14)


def _events(text: str, published: date = PUB) -> list:
    res = extract_text(text, published)
    assert res.is_protest_report
    return res.events


def _localities(events: list) -> list[str | None]:
    return [e.locality for e in events]


# 1. datelines with the outlet in parentheses --------------------------------------------


def test_dateline_outlet_is_no_place() -> None:
    text = (
        "DAYTON, Ohio (Miami Valley Courier) — About 300 nurses rallied outside the county "
        "health department on Tuesday to demand safer staffing, chanting and carrying signs.\n\n"
        "The nurses said they would return next month if nothing changes."
    )
    events = _events(text)
    assert _localities(events) == ["Dayton"]
    assert events[0].state == "OH"
    assert all("Courier" not in o for e in events for o in e.organizations)


def test_dateline_outlet_not_found_as_place() -> None:
    text = "SALEM, Ore. (Cascade Valley Wire) — Hundreds of teachers marched to the Capitol on Monday."
    quotes = [p.quote for p in find_places(text)]
    assert "Salem" in [q.title() for q in quotes]
    assert not any("Valley" in q or "Cascade" in q for q in quotes)


# 2. places told as context open no event ---------------------------------------------


def test_place_in_a_clause_without_the_action() -> None:
    text = (
        "BOISE, Idaho — About 300 nurses marched to the Statehouse on Tuesday to protest staff cuts, "
        "as county commissioners in Twin Falls debated a hospital merger.\n\n"
        "Protesters chanted and carried signs."
    )
    assert _localities(_events(text)) == ["Boise"]


def test_place_in_quoted_speech_opens_no_event() -> None:
    text = (
        "ROCHESTER, N.Y. — Hundreds of students walked out of class on Wednesday to protest gun violence.\n\n"
        "\"We need the people in Albany to finally act,\" one senior told the crowd of protesters."
    )
    assert _localities(_events(text)) == ["Rochester"]


def test_place_where_participants_live_is_context() -> None:
    text = (
        "Warehouse workers, many of whom live in Gary, picketed outside the distribution center in "
        "Hammond, Ind., on Monday, demanding higher wages.\n\nThe union said the strike would continue."
    )
    locs = _localities(_events(text))
    assert "Hammond" in locs
    assert "Gary" not in locs


def test_non_protest_crowd_is_no_event() -> None:
    text = (
        "MACON, Ga. — About 500 people rallied at City Hall on Saturday against the closing of the "
        "county's only psychiatric hospital, chanting and waving signs.\n\n"
        "Across town in Warner Robins, a separate holiday parade drew about 1,500 spectators."
    )
    locs = _localities(_events(text, date(2025, 12, 8)))
    assert "Macon" in locs
    assert "Warner Robins" not in locs


def test_lone_foreign_city_inside_longer_name_is_no_place() -> None:
    text = "Students at several Metro Nashville high schools walked out of class."
    assert not any(p.quote == "Metro" for p in find_places(text))


# 3. organizers by role ----------------------------------------------------------------


def test_opponent_statement_is_no_organizer() -> None:
    text = (
        "PORTLAND, Maine — Dozens of dockworkers with the Casco Bay Longshore Union rallied at the "
        "waterfront Thursday, demanding a new contract.\n\n"
        "The Harbor Freight Alliance said in a statement it respects the right to protest but "
        "that the union's demands are unaffordable."
    )
    ev = _events(text)[0]
    assert any("Longshore Union" in o for o in ev.organizations)
    assert not any("Harbor Freight" in o for o in ev.organizations)


def test_spokesperson_org_is_no_organizer() -> None:
    text = (
        "TOLEDO, Ohio — About 80 tenants marched outside the offices of their landlord on Friday to "
        "protest rent increases, organized by the Maumee River Tenants Union.\n\n"
        "A spokesperson for the Lakeshore Property Association declined to comment."
    )
    ev = _events(text)[0]
    assert any("Tenants Union" in o for o in ev.organizations)
    assert not any("Lakeshore" in o for o in ev.organizations)


def test_group_naming_itself_is_an_organizer() -> None:
    text = (
        "FRESNO, Calif. — About 40 parents calling themselves Neighbors for Clean Water protested outside "
        "the district office on Monday, demanding that the district test school fountains."
    )
    ev = _events(text)[0]
    assert "Neighbors for Clean Water" in ev.organizations


def test_acting_with_names_an_organizer() -> None:
    text = (
        "SPOKANE, Wash. — Nine climate activists acting with Rising Tide Northwest blocked a rail "
        "crossing on Tuesday morning, protesting coal shipments; police arrested all nine."
    )
    ev = _events(text)[0]
    assert "Rising Tide Northwest" in ev.organizations


def test_named_group_before_people_word_is_an_organizer() -> None:
    text = (
        "MEMPHIS, Tenn. — About 120 people marched downtown on Saturday to protest a planned gas "
        "pipeline. Memphis Water Keepers organizers led chants outside City Hall."
    )
    ev = _events(text)[0]
    assert any("Water Keepers" in o for o in ev.organizations)


# 4. targets by role -------------------------------------------------------------------


def test_strikers_employer_and_parent_company_are_targets() -> None:
    text = (
        "DULUTH, Minn. — More than 400 nurses at Granite Peak Medical Center walked off the job on "
        "Monday, picketing in the cold over staffing levels.\n\n"
        "The hospital's parent company, Summit Care Partners, said it had hired replacement nurses."
    )
    ev = _events(text)[0]
    assert "Granite Peak Medical Center" in ev.targets
    assert "Summit Care Partners" in ev.targets
    assert "Summit Care Partners" not in ev.organizations


def test_site_owner_is_target() -> None:
    text = (
        "CHARLOTTE, N.C. — Twelve climate activists were arrested on Tuesday after they sat down "
        "across the entrance of Ironclad Bank's corporate headquarters, protesting its fossil fuel loans."
    )
    ev = _events(text)[0]
    assert "Ironclad Bank" in ev.targets


def test_governor_claim_targets_the_state_governor() -> None:
    text = (
        "SACRAMENTO, Calif. — Thousands of teachers rallied at the Capitol on Saturday to protest the "
        "governor's proposed cuts to school funding, chanting and waving signs."
    )
    ev = _events(text)[0]
    assert "Governor of California" in ev.targets


def test_detention_site_operator_is_target() -> None:
    text = (
        "TACOMA, Wash. — About 150 people held a vigil outside the immigration detention center on "
        "Sunday, protesting the treatment of detainees. The center is operated by Cedar Corrections "
        "Group under a federal contract."
    )
    ev = _events(text)[0]
    assert "Cedar Corrections Group" in ev.targets


def test_protesters_are_never_targets() -> None:
    text = (
        "ALBANY, N.Y. — Baristas at four Brewline Coffee stores went on strike on Friday, "
        "picketing outside the flagship cafe for a first contract.\n\n"
        "About 60 strikers chanted and carried union signs, demanding a fair contract."
    )
    ev = _events(text)[0]
    assert not any(t.lower() == "baristas" for t in ev.targets)


# 5. counter-protests -----------------------------------------------------------------


def test_counter_protesters_are_their_own_event() -> None:
    text = (
        "LANSING, Mich. — About 300 people rallied at the Capitol on Sunday in support of a bill "
        "protecting access to contraception. The rally was organized by Michigan Voices for Health.\n\n"
        "Across the street, about 25 counter-protesters gathered with signs and bullhorns. The group, "
        "which calls itself Capitol Prayer Circle, prayed for an hour."
    )
    events = _events(text)
    assert len(events) == 2
    main = next(e for e in events if "counter-protest" not in e.event_type)
    counter = next(e for e in events if "counter-protest" in e.event_type)
    assert counter.locality == main.locality == "Lansing"
    assert counter.date == main.date
    assert "Michigan Voices for Health" not in counter.organizations
    assert "Capitol Prayer Circle" in counter.organizations


# 6. issues from the event's own claims -----------------------------------------------


def test_issues_from_the_events_own_claims() -> None:
    text = (
        "ASHEVILLE, N.C. — About 200 parents and students rallied on Tuesday in support of transgender "
        "athletes, before the Buncombe County school board voted on a new sports policy."
    )
    ev = _events(text)[0]
    assert "lgbtq" in ev.issues
    assert "education" not in ev.issues


# counts -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "value"),
    [
        ("Officers cleared the camp before dawn, arresting 14 people.", 14),
        ("Police said one woman from the second group was arrested after she crossed a barricade.", 1),
    ],
)
def test_arrest_counts(sentence: str, value: int) -> None:
    counts = [c for c in find_counts(sentence) if c.kind == "arrests"]
    assert [c.value for c in counts] == [value]


def test_immigration_protest_without_addressee_targets_the_enforcement_agency() -> None:
    text = (
        "YAKIMA, Wash. — About 80 people held a candlelight vigil on Sunday evening to protest the "
        "deportation of a local farmworker, singing and holding signs.\n\n"
        "ICE did not respond to a request for comment."
    )
    ev = _events(text)[0]
    assert ev.targets == ["ICE"]


def test_bare_city_council_takes_the_event_city() -> None:
    text = (
        "DULUTH, Minn. — About 150 tenants rallied outside City Hall on Monday, urging the City "
        "Council to pass a rent stabilization ordinance."
    )
    ev = _events(text)[0]
    assert "Duluth City Council" in ev.targets
    assert "City Council" not in ev.targets
