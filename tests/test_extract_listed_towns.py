"""In a text about abroad, a name in a list of three or more towns is a town: the list tells
what it is, whatever else the name could be (a school's name, a small US namesake of a city
abroad). Invented texts."""

from __future__ import annotations

from datetime import date

from protestdb.extract import extract_text
from protestdb.geo import find_places

PUB = date(2024, 3, 8)


def _localities(text: str) -> list[str]:
    return sorted(e.locality or "-" for e in extract_text(text, PUB).events)


def test_a_listed_city_abroad_is_its_own_town_not_a_dropped_namesake() -> None:
    # a text about Germany: Rome and Geneva are neither German towns nor the named countries'
    text = ("Farmers from Germany drove tractors into Munich on Saturday, and similar demonstrations "
            "against the import rules filled squares in Vienna, Rome and Geneva.\n\n"
            "In Munich, police counted 4,000 tractors near the state chancellery.")
    got = {(p.quote, p.country) for p in find_places(text)}
    assert {("Rome", "IT"), ("Geneva", "CH")} <= got
    assert {"Rome", "Geneva", "Vienna", "Munich"} <= set(_localities(text))


def test_a_lone_namesake_abroad_is_still_left_out() -> None:
    # not in a list: the small US Geneva in a text about Germany stays no place
    text = ("Farmers from Germany drove tractors into Munich on Saturday. A speaker from Geneva "
            "thanked the police.")
    assert "Geneva" not in {p.quote for p in find_places(text)}


def test_a_listed_town_that_also_names_a_school_is_the_town() -> None:
    text = ("Thousands of Australian pupils left class on Friday to rally in Brisbane, Townsville and "
            "Ballarat against new coal permits.\n\nA Ballarat College pupil, aged 15, said the march was her first.")
    assert "Ballarat" in {p.quote for p in find_places(text)}
    assert _localities(text) == ["Ballarat", "Brisbane", "Townsville"]


def test_the_school_town_told_alone_stays_the_school() -> None:
    text = ("Pupils of Ballarat College in Australia walked out on Friday.\n\n"
            "The sit-in at Ballarat lasted an hour.")
    assert "Ballarat" not in {p.quote for p in find_places(text)}


def test_a_us_list_of_campuses_keeps_the_school_read() -> None:
    text = ("Students at Westbrook University camped out on Monday.\n\n"
            "Encampments also rose at Westbrook, Princeton and Stanford.")
    assert "Westbrook" not in {p.quote for p in find_places(text)}
