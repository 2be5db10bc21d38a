"""The other-tense aside and the other-occasion places, refined (session 23 review): an aside is
read with its days in its own tense and tells no day but the action's own; an other occasion's
words and dates are withheld from the action being told, and an occasion with a day of its own
in the news window stays an event. All texts here are invented."""

from __future__ import annotations

from datetime import date

import pytest

from conftest import report_events

PUB = date(2024, 3, 5)  # a Tuesday

HELD = ("Janitors rally in Dunmore\n\nHundreds of janitors rallied outside Millbrook Tower in Dunmore, "
        "Pennsylvania, on Monday to demand higher wages.\n\nThe janitors waved flags and beat drums by the "
        "front doors for an hour.\n\n")
PLANNED = ("Tenants to march in Dunmore\n\nTenants will march from Ashgrove Square in Dunmore, Pennsylvania, on "
           "Saturday against rent increases.\n\nThe tenants union expects a few hundred people.\n\n")


def _days(evs: list) -> list[str]:
    return sorted(str(e.date) for e in evs)


def test_a_planned_action_on_the_weekday_of_the_held_one_is_its_own_event() -> None:
    # "Monday" in a sentence of the future is next Monday, not the held rally's day
    evs = report_events(HELD + "Janitors will walk off the job for a day starting Monday if no deal is reached.", PUB)
    assert _days(evs) == ["2024-03-04", "2024-03-11"]


@pytest.mark.parametrize("last", ["Town police detained seven demonstrators on March 1.",
                                  "Deputies arrested nine protesters at the rental office on March 1."])
def test_past_people_with_a_day_of_their_own_stay_an_event(last: str) -> None:
    evs = report_events(PLANNED + last, PUB)
    assert len(evs) == 2 and {e.locality for e in evs} == {"Dunmore"}


def test_more_people_joining_the_held_action_on_its_day_is_no_event() -> None:
    # fails without the aside rule: the expectation opens an announced draft dated next Monday
    evs = report_events(HELD + "More janitors were expected to join the rally starting Monday evening.", PUB)
    assert _days(evs) == ["2024-03-04"]


def test_an_occasion_with_its_own_day_in_the_window_is_its_own_event() -> None:
    text = ("Hundreds of nurses marched in Harrisburg, Pennsylvania, on Monday over a hospital closure, which "
            "prompted rallies in Boise on Friday.\n\nThe nurses walked from the hospital to the capitol.")
    evs = {e.locality: str(e.date) for e in report_events(text, PUB)}
    assert evs.get("Harrisburg") == "2024-03-04" and evs.get("Boise") == "2024-03-01"


def test_an_occasion_out_of_the_window_lends_the_action_no_day_or_word() -> None:
    text = ("Hundreds of nurses rallied in Harrisburg, Pennsylvania, on Monday, on the heels of a similar strike "
            "in Boise in October 2019.\n\nThe nurses gathered outside the capitol.")
    evs = report_events(text, PUB)
    assert [(e.locality, str(e.date)) for e in evs] == [("Harrisburg", "2024-03-04")]
    assert "strike" not in evs[0].event_type
