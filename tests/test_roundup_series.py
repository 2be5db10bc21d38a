"""Roundups told as one list after a list's head ("including A, B and C", "towns like A and B"):
each listed town is a site of the action the sentence tells, not only the first one.

All sentences are written for these tests (no real page text)."""

from __future__ import annotations

from datetime import date

from helpers import events_by_city
from protestdb.extract.series import listed_in_series

PUB = date(2024, 12, 20)


def _at(text: str, name: str) -> bool:
    return listed_in_series(text, text.index(name))


def test_every_name_of_a_list_after_including_is_listed() -> None:
    text = "The strike hit warehouses in California, including ones in Fresno, Modesto and Bakersfield."
    assert _at(text, "Fresno") and _at(text, "Modesto") and _at(text, "Bakersfield")


def test_towns_with_their_states_and_semicolons_stay_on_the_list() -> None:
    text = "Rallies were held in towns such as Boise, Idaho; Reno, Nevada; and Tulsa, Oklahoma."
    assert _at(text, "Boise") and _at(text, "Reno") and _at(text, "Tulsa")


def test_a_plural_place_noun_before_like_opens_a_list() -> None:
    text = "Events were planned in Iowa towns like Ames and Ottumwa."
    assert _at(text, "Ames") and _at(text, "Ottumwa")


def test_names_without_a_head_or_past_a_sentence_end_are_no_list() -> None:
    assert not _at("Marchers walked from Fresno, Modesto and Bakersfield.", "Modesto")
    text = "Crowds gathered in cities including Denver. Austin and Tulsa stayed quiet."
    assert not _at(text, "Austin") and not _at(text, "Tulsa")


def test_a_state_ending_a_list_of_states_is_no_city() -> None:
    text = "Walkouts took place in states including Ohio, Texas and Washington."
    assert not _at(text, "Washington")


def test_a_strike_list_after_including_gives_one_event_per_town() -> None:
    text = (
        "The union launched a strike against Acme Corp. that began Thursday morning at warehouses in several states.\n\n"
        "The strike will affect several warehouses in California, including ones in Fresno, Modesto and Bakersfield, "
        "in addition to warehouses in Tacoma, Washington; Boise, Idaho; and Tulsa, Oklahoma.\n"
    )
    ev = events_by_city(text, PUB)
    assert {"Fresno", "Modesto", "Bakersfield", "Tacoma", "Boise", "Tulsa"} <= set(ev)
    assert ev["Modesto"].state == "CA" and ev["Modesto"].event_type == ["strike"]
    assert str(ev["Modesto"].date) == "2024-12-19"


def test_planned_rallies_in_towns_like_give_events_but_chapters_do_not() -> None:
    text = (
        "Thousands rallied in towns across the country on Saturday to oppose the new tariffs.\n\n"
        "Organizers said more than 1,000 rallies were held nationwide, including several events in Iowa towns like "
        "Ames and Ottumwa.\n\n"
        "The group has chapters in many cities, including Omaha, Lincoln and Wichita.\n"
    )
    ev = events_by_city(text, PUB)
    assert {"Ames", "Ottumwa"} <= set(ev)
    assert not {"Omaha", "Lincoln", "Wichita"} & set(ev)


def test_a_bare_including_opens_no_series() -> None:
    text = "Protests took place nationwide, including Denver, Boise and Tulsa."
    assert not _at(text, "Boise") and not _at(text, "Tulsa")


def test_towns_naming_offices_after_of_the_are_the_sites() -> None:
    from protestdb.extract.series import modifies_site

    text = "Staff also walked out of the Denver, Austin and Boston offices."
    assert modifies_site(text, text.index("Denver") + len("Denver"))
    assert not modifies_site("Workers from Denver marched.", len("Workers from Denver"))
    text = "Thousands of Acme employees around the world staged walkouts on Thursday over pay.\n\n" + text + "\n"
    ev = events_by_city(text, PUB)
    assert {"Denver", "Austin", "Boston"} <= set(ev)
    assert ev["Austin"].event_type == ["walkout"] and str(ev["Austin"].date) == "2024-12-19"


def test_workers_bused_from_the_plants_are_no_sites() -> None:
    text = (
        "Hundreds of autoworkers rallied outside the state capitol in Lansing, Michigan, on Thursday.\n\n"
        "Buses brought workers from the Flint and Saginaw plants to the rally.\n"
    )
    ev = events_by_city(text, PUB)
    assert "Lansing" in ev and not {"Flint", "Saginaw"} & set(ev)
