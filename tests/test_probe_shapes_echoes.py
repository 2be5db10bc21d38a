"""Invented probes of the common shapes of protest roundups (written from general news English,
not from any page): a place told again with an echo of the action before ("Similar scenes played
out in A and B", "There were also large crowds in A", "B drew a smaller crowd", "Students in A did
the same") or with what the crowd did there ("In A, B and C, crowds chanted"); and look-alikes
that tell no protest at all (a town in a quote about policy, a crowd at a game, fans chanting, a
rally in stocks, protests of long ago)."""

from __future__ import annotations

from datetime import date

import pytest

from protestdb.extract import extract_text

PUB = date(2025, 5, 12)  # a Monday


def _places(head: str, body: str) -> list[str]:
    res = extract_text(head + "\n\n" + body, PUB)
    return sorted((e.locality or "-") for e in res.events)


ECHOES = [
    ("Rallies for voting rights",
     "Hundreds rallied in Richmond on Saturday for voting rights. There were also large crowds in Norfolk "
     "and Roanoke.", ["Norfolk", "Richmond", "Roanoke"]),
    ("Nurses protest staffing",
     "About 300 nurses picketed outside a hospital in Tacoma on Tuesday over staffing levels. Similar "
     "scenes played out in Spokane and Yakima.", ["Spokane", "Tacoma", "Yakima"]),
    ("Abortion rights rallies",
     "Hundreds turned out in Madison on Saturday for abortion rights, while Green Bay drew a smaller crowd.",
     ["Green Bay", "Madison"]),
    ("Students walk out",
     "Students at a high school in Omaha walked out of class on Friday to protest gun violence. Students "
     "in Lincoln did the same.", ["Lincoln", "Omaha"]),
    ("Thousands march for clean water",
     "Thousands of people marched on Saturday in cities across the country to demand clean water. Denver "
     "saw one of the largest crowds, with about 5,000 people at the state Capitol.", ["Denver"]),
    ("Tenants rally",
     "Tenants rallied outside city hall in Erie on Thursday for rent control. Renters in Scranton "
     "followed suit.", ["Erie", "Scranton"]),
    ("Marches for immigrants",
     "Crowds marched on Saturday against deportations. In Phoenix, Tucson and Mesa, crowds chanted and "
     "waved flags.", ["Mesa", "Phoenix", "Tucson"]),
    ("Rally at the capitol",
     "Chanting 'no more cuts,' hundreds of state workers filled the Capitol rotunda in Salem on Wednesday.",
     ["Salem"]),
]


@pytest.mark.parametrize("head,body,want", ECHOES, ids=[c[0] for c in ECHOES])
def test_an_echo_of_the_action_before_is_an_event_where_it_is_told(head: str, body: str, want: list[str]) -> None:
    assert _places(head, body) == want


HELD = [
    ("Protests over police shooting",
     "Hundreds of people marched in Tulsa on Sunday after a police shooting. Demonstrators also gathered "
     "in Norman.", ["Norman", "Tulsa"]),
    ("Rallies in several cities",
     "Rallies took place in Boise, Nampa and Pocatello on Saturday, according to organizers. Participants "
     "called for higher teacher pay.", ["Boise", "Nampa", "Pocatello"]),
    ("Rallies across the state",
     "About 1,000 people rallied at the Capitol in Austin on Saturday against the bathroom bill. Elsewhere, "
     "about 200 people marched in El Paso.", ["Austin", "El Paso"]),
    ("Tenants picket city hall",
     "A few dozen people picketed outside Bangor's city hall on Wednesday to demand rent control.", ["Bangor"]),
    ("Weekend of protests",
     "Thousands protested across Florida on Saturday. In Tampa, about 2,000 marched downtown; in Orlando, "
     "about 800 gathered at a lakeside park.", ["Orlando", "Tampa"]),
    ("Pipeline rally",
     "About 200 people rallied in Lansing on Saturday against the pipeline. The Lansing rally was one of "
     "more than 50 held across the state.", ["Lansing"]),
    ("Marcha por los migrantes",
     "Cientos de personas marcharon el sábado en Guadalajara para exigir justicia para los migrantes. "
     "También hubo protestas en Monterrey y Puebla.", ["Guadalajara", "Monterrey", "Puebla"]),
]


@pytest.mark.parametrize("head,body,want", HELD, ids=[c[0] for c in HELD])
def test_common_roundup_shapes_keep_their_places(head: str, body: str, want: list[str]) -> None:
    assert _places(head, body) == want


NONE = [
    ("Governor signs budget",
     '"People in Dayton and Akron will feel these cuts," the governor said Tuesday about the new budget.'),
    ("Game recap", "The crowd at the Denver game on Saturday roared as the home team won 3-1."),
    ("Residents react", "Residents of Akron said Tuesday they were worried about the rising cost of water."),
    ("New law", "Similar laws passed in Texas and Florida last year. The Ohio bill would ban the practice."),
    ("Markets", "Stocks staged a rally in New York on Monday as investors cheered the rate cut."),
    ("History", "Years ago, thousands marched in Selma for voting rights. Today the bridge is a museum."),
    ("Concert", "Thousands of fans gathered in Austin on Saturday for the music festival."),
    ("Parade", "Hundreds of people lined the streets of Boise on Sunday for the holiday parade."),
    ("Comeback", "The Eagles rallied from 10 points down in Madison on Friday to beat the Badgers."),
    ("Beach day", "Crowds flocked to beaches in Miami on Saturday as temperatures soared."),
    ("Funeral", "Hundreds of mourners gathered in Macon on Saturday for the funeral of the former mayor."),
    ("Game day", "The game in Omaha drew a smaller crowd than last year, and fans in Lincoln did the same."),
    ("Derby", "Fans chanted the club's name in Leeds on Saturday as the home side won the derby."),
    ("Box office", "The film drew a large crowd in Fresno on Friday. Similar scenes played out in Modesto."),
]


@pytest.mark.parametrize("head,body", NONE, ids=[c[0] for c in NONE])
def test_look_alikes_tell_no_event(head: str, body: str) -> None:
    assert _places(head, body) == []
