"""Issue 9: crowd sizes on real-news writing: number formats of real pages, CCC's rules for
"up to", fractions and several figures, and each city's figure kept to its own city.

All sentences are written for these tests (no real page text)."""

from __future__ import annotations

from datetime import date

import pytest

from helpers import events_by_city
from protestdb.extract import extract_text
from protestdb.extract.sizes import find_sizes

PUB = date(2025, 5, 4)


def _by_city(text: str) -> dict[str, object]:
    return events_by_city(text, PUB)


@pytest.mark.parametrize(
    ("text", "low"),
    [
        ("some 16\u202f500 demonstrators marched", 16500),  # thin no-break space
        ("some 16\u00a0500 demonstrators marched", 16500),  # no-break space
        ("some 16 500 demonstrators marched", 16500),
        ("about 16.500 people marched", 16500),
        ("1.5 million people marched", 1_500_000),  # a decimal before a scale word stays a decimal
        ("On March 16 500 people marched", 500),  # a day, then a figure
        ("some 2,000 or so protesters are estimated to have gathered", 2000),
        ("500 or more students walked out", 500),
        ("Half a million people marched", 500_000),
        ("a more than quarter of a million people marched", 250_001),
        ("a quarter-million people marched", 250_000),
        ("Police estimated the crowd at 1,500.", 1500),
        ("The crowd was estimated at 3,000 by the fire department.", 3000),
        ("A 5,000-strong crowd marched on parliament.", 5000),
        ("Thousands-strong crowds gathered outside the embassy.", 2000),
        ("Protesters, numbering around 300, blocked the road.", 300),
    ],
)
def test_number_formats_and_qualifiers(text: str, low: int) -> None:
    sizes = find_sizes(text)
    assert [s.low for s in sizes] == [low]


@pytest.mark.parametrize(("text", "low"), [("Up to 10,000 people took part in the march in Denver, Colo., on Sunday.", 10_000),
                                           ("As many as 6,000 people marched in Denver, Colo., on Sunday.", 6000)])
def test_an_upper_bound_is_the_figure_told(text: str, low: int) -> None:
    e = _by_city(text)["Denver"]
    assert (e.size_low, e.size_high) == (low, None)  # CCC codes the figure the report gives
    assert find_sizes(text)[0].low is None  # the phrase itself stays an upper bound


def test_a_strong_workforce_is_no_crowd() -> None:
    assert find_sizes("The 40,000-strong union voted on the contract; a 300-strong workforce stayed home.") == []


def test_a_figure_is_not_read_across_a_date() -> None:
    assert [s.low for s in find_sizes("Since March 16, 500 people have signed up as volunteers who marched")] == [500]


def test_each_city_keeps_its_own_figure() -> None:
    text = (
        "Pensioners marched across Italy on Friday against the budget. "
        "In Rome alone there were more than 300,000 marchers, in Milan more than 100,000 marchers and in Naples 50,000 marchers."
    )
    ev = _by_city(text)
    assert ev["Rome"].size_low == 300_001
    assert ev["Milan"].size_low == 100_001
    assert ev["Naples"].size_low == 50_000


def test_another_citys_sentence_gives_no_figure() -> None:
    text = (
        "Protests against the library cuts drew crowds across New England on Saturday.\n\n"
        "In Boston, police estimated that around 30,000 protesters poured onto the Common. "
        "In Portsmouth, N.H., protesters lined the waterfront, waving signs against the cuts."
    )
    ev = _by_city(text)
    assert ev["Boston"].size_low == 30_000
    assert ev["Portsmouth"].size_low is None


def test_a_landmark_city_is_not_the_owner() -> None:
    text = (
        "EVERETT, Wash. — About a dozen climate activists protesting oil trains chained themselves to the tracks of a rail line north of "
        "Seattle on Monday, blocking freight trains for five hours."
    )
    ev = _by_city(text)
    assert ev["Everett"].size_low == 12


def test_headline_figure_of_the_events_city() -> None:
    text = (
        "Half a million march in Montreal for the climate\n\n"
        "MONTREAL — Schoolchildren and adults marched through the streets of Montreal on Friday, "
        "demanding that politicians act on climate change."
    )
    ev = _by_city(text)
    assert ev["Montreal"].size_low == 500_000  # the name as the text writes it


def test_police_and_organizer_figures_are_both_kept() -> None:
    text = (
        "Thousands marched through downtown Springfield, Ill., on Saturday against the closure of the county hospital. "
        "Police said about 4,000 people took part, while organizers put the crowd at 10,000."
    )
    e = _by_city(text)["Springfield"]
    assert e.size_text == "Thousands; about 4,000; 10,000"
    assert (e.size_low, e.size_high) == (2000, 10_000)
    assert len(e.evidence["size_text"]) == 3


def test_another_days_figure_is_not_joined() -> None:
    text = (
        "Workers marched in Lyon, France, on Thursday against the pension plan. The prefecture "
        "counted 40,000 demonstrators, compared with 26,000 demonstrators at the first march."
    )
    e = _by_city(text)["Lyon"]
    assert (e.size_text, e.size_low, e.size_high) == ("40,000", 40_000, None)


def test_a_counter_protests_figure_is_not_joined() -> None:
    text = (
        "Police said about 200 people rallied outside the clinic in Wichita, Kan., on Saturday, "
        "and officers counted about 30 counter-protesters across the street."
    )
    e = next(e for e in extract_text(text, PUB).events if e.locality == "Wichita" and "counter-protest" not in e.event_type)
    assert (e.size_text, e.size_low) == ("about 200", 200)


def test_a_small_group_is_not_the_crowds_figure() -> None:
    text = (
        "Hundreds rallied outside the county jail in Fresno, Calif., on Sunday. "
        "Police said 20 protesters later blocked the gate."
    )
    e = _by_city(text)["Fresno"]
    assert e.size_low == 200 and e.size_high is None
