"""Events the text places though their own sentences name no town: the one town a page names
(even only as a destination or in a group's name); and no country abroad read from a person's
first name alone (which kept a US school's town from placing its walkout)."""

from __future__ import annotations

from datetime import date

import pytest

from conftest import report_events

PUB = date(2024, 5, 10)


@pytest.mark.regression("the one town a page names places its unlocated action")
def test_only_town_of_the_page_places_the_action() -> None:
    text = ("Volunteers of the Tulsa Renters Alliance held a candlelight vigil outside the federal courthouse on "
            "Friday to demand the release of a neighbor held by immigration agents.\n\n"
            "The neighbor had moved back to Tulsa in March after two years away, the group said.")
    evs = report_events(text, PUB)
    assert [(e.locality, e.state) for e in evs] == [("Tulsa", "OK")]


def test_two_towns_named_leave_the_action_unplaced() -> None:
    text = ("Volunteers held a candlelight vigil outside the federal courthouse on Friday to demand the release "
            "of a neighbor held by immigration agents.\n\n"
            "The neighbor had moved from Tulsa to Wichita in March, the group said.")
    evs = report_events(text, PUB)
    assert all(e.locality is None for e in evs)


def test_nationwide_strike_gains_no_town() -> None:
    text = ("Workers walked off the job nationwide on Monday in a one-day general strike called by the unions.\n\n"
            "The federation's leader, who grew up in Tulsa, said more stoppages would follow.")
    evs = report_events(text, PUB)
    assert all(e.locality is None for e in evs)


@pytest.mark.regression("a first name that is a town abroad is no evidence of the country")
def test_first_name_is_no_country_abroad() -> None:
    from protestdb.extract.places import text_country

    text = ("David Kemper and about 200 classmates walked out of Bozeman High School on Friday morning to protest "
            "gun violence.\n\nThey marched to the football field and held a moment of silence.")
    assert text_country(text) is None
    evs = report_events(text, PUB)
    assert [(e.locality, e.state) for e in evs] == [("Bozeman", "MT")]


def test_town_in_a_name_still_counts_beside_other_evidence() -> None:
    from protestdb.extract.places import text_country

    text = ("Pakistani lawyers gathered outside the Karachi Press Club on Monday to protest a new tax, "
            "and traders shut their shops.")
    assert text_country(text) == "PK"
