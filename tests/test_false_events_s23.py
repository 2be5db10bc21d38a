"""False events (session 23): a place-less aside in the other tense beside the action being
told makes no event of its own; a region named like a town ("Jammu and Kashmir", "Hebei
province", "the Washington State Patrol") is no town; a place told as where an earlier or a
compared protest happened ("on the heels of a similar walkout in", "as in
demonstrations in", "which sparked marches in") is no event. All texts here are invented."""

from __future__ import annotations

from datetime import date

import pytest

from conftest import report_events
from protestdb.geo.places import find_places

PUB = date(2024, 3, 5)


@pytest.mark.parametrize(
    "text",
    [
        # a held action, then plans told without a day of their own
        "Nurses rally in Dunmore\n\nHundreds of nurses rallied outside Brookvale General Hospital in "
        "Dunmore, "
        "Pennsylvania, on Monday to demand safer staffing.\n\nThe nurses carried signs and chanted outside "
        "the "
        "main entrance for two hours.\n\nOther rallies were held Monday around the state and more are "
        "planned.",
        # a planned action, then an earlier police action against protesters told in passing
        "Students to rally in Dunmore\n\nStudents will gather at Brookvale Park in Dunmore, Pennsylvania, on "
        "Saturday for a rally against tuition hikes.\n\nThe police chief has defended the use of pepper "
        "spray "
        "by officers to disperse protesters.\n\nOrganizers expect several hundred people.",
        # a held action, then more people expected to join it on its own day
        "Tenants fast in Dunmore\n\nThree tenants began a hunger strike on Sunday outside the town hall in "
        "Dunmore, Pennsylvania.\n\nThey sat on the steps with signs all afternoon.\n\nMore supporters were "
        "expected to join the hunger strike starting Sunday evening.",
    ],
)
def test_other_tense_aside_makes_no_event(text: str) -> None:
    evs = report_events(text, PUB)
    assert [e.locality for e in evs] == ["Dunmore"]


@pytest.mark.parametrize("last", ["The union will hold another rally on Friday, March 15.",
                                  "The union will hold a rally on Friday, March 15.",
                                  "They are asking supporters to rally outside "
                                  "the board meeting beforehand."])
def test_other_tense_with_a_day_of_its_own_is_still_an_event(last: str) -> None:
    text = ("Nurses rally in Dunmore\n\nHundreds of nurses rallied outside Brookvale General Hospital in "
            "Dunmore, "
            "Pennsylvania, on Monday to demand safer staffing.\n\nThe nurses carried signs and chanted "
            "outside the "
            "main entrance for two hours.\n\n" + last)
    evs = report_events(text, PUB)
    assert len(evs) == 2 and {e.locality for e in evs} == {"Dunmore"}


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Farmers in India blocked highways on Monday, and protests "
         "were also staged in Jammu and Kashmir.", "Jammu"),
        ("Thousands of miners in northeastern Jilin province in China blocked a railway line.", "Jilin"),
        ("Hundreds of traders in Nigeria marched in Kano province on Tuesday.", "Kano"),
        ("Officers of the Washington State Patrol closed the "
         "ferry terminal until the marchers left.", "Washington"),
        ("The New York State Nurses Association organized the rally in Albany.", "New York"),
    ],
)
def test_a_region_named_like_a_town_is_no_town(text: str, name: str) -> None:
    assert not any(p.locality == name for p in find_places(text))


def test_a_town_with_a_lowercase_state_word_abroad_stays_a_town_when_told_alone() -> None:
    text = "Thousands of miners blocked a railway line near Shulan in China's north on Monday."
    assert any(p.locality == "Shulan" for p in find_places(text))


@pytest.mark.parametrize(
    ("text", "other"),
    [
        ("Teachers strike in Harrisburg\n\nHundreds of teachers in Harrisburg walked off the job on Monday, "
         "demanding higher pay.\n\nTheir action lands on the heels of a similar walkout in Boise.\n\n"
         "Union leaders said the walkout would continue until a deal is reached.", "Boise"),
        ("Crowd rallies in Harrisburg\n\nSeveral hundred people gathered on Saturday at a rally on the "
         "steps of "
         "the capitol in Harrisburg.\n\nThe rallies push back against calls for new rules that began after a "
         "bridge collapse, which sparked marches in Boise and other cities.\n\nSpeakers addressed the crowd "
         "for "
         "two hours.", "Boise"),
        ("Crowd rallies in Harrisburg\n\nA few dozen people held a rally on Saturday outside the capitol in "
         "Harrisburg.\n\nAs in demonstrations in Boise, though, they were vastly outnumbered by "
         "counter-protesters "
         "nearby.", "Boise"),
    ],
)
def test_an_earlier_or_compared_protest_place_is_no_event(text: str, other: str) -> None:
    cities = {e.locality for e in report_events(text, PUB)}
    assert "Harrisburg" in cities and other not in cities


def test_a_protest_the_page_tells_after_such_words_elsewhere_stays() -> None:
    text = ("Teachers strike in Harrisburg\n\nHundreds of teachers in Harrisburg walked off the job on "
            "Monday, "
            "demanding higher pay.\n\nIn Boise, about 300 teachers also marched to the state capitol on "
            "Monday.")
    cities = {e.locality for e in report_events(text, PUB)}
    assert {"Harrisburg", "Boise"} <= cities
