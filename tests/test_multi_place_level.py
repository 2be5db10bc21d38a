"""Issue 10 (place level across outlets) and issue 9 (places abroad): the same action abroad is
placed in the same city whichever words an outlet uses for it -- the seat of government by
metonymy ("Westminster", "Whitehall"), a landmark ("Parliament Square"), the city's central
district ("the CBD"), a state or province named like a town ("Victoria", "Oyo State").

All sentences are written for these tests (no real page text)."""

from __future__ import annotations

from datetime import date

from protestdb.extract import extract_text
from protestdb.geo import find_places, text_country
from protestdb.geo.country import cues, decide, weigh

PUB = date(2025, 3, 12)


def _located(text: str) -> set[tuple[str | None, str | None, str | None]]:
    res = extract_text(text, PUB)
    assert res.is_protest_report
    return {(e.locality, e.state, e.country) for e in res.events}


# ---------------------------------------------------------------- country cues


def test_cues_count_distinct_words_and_signs() -> None:
    found = cues("The levy of £40m was set by Downing Street; a later £2m too. It cost 3 crore.")
    assert found["GB"] == 2 and found["IN"] == 1
    assert cues("Whitehalls and Westminsterly are no cues") == {}


def test_cues_tip_a_text_with_no_other_evidence_abroad() -> None:
    assert decide(weigh(text="Ministers in Whitehall set a £3bn levy.")) == "GB"
    # a US state named twice outweighs one cue
    assert decide(weigh(states=2, text="Westminster council members met.")) is None


def test_seat_of_government_by_metonymy_is_the_capital_not_a_us_town() -> None:
    text = (
        "Hundreds of bakers parked their delivery vans across Westminster on Tuesday to protest a new "
        "£12 levy on flour, honking horns outside the ministry for three hours."
    )
    assert text_country(text) == "GB"
    places = _located(text)
    assert ("London", None, "GB") in places
    assert all(st is None for _loc, st, _cc in places)


def test_a_landmark_abroad_tells_the_country() -> None:
    text = (
        "Several thousand nurses rallied in Parliament Square on Thursday and then marched down "
        "Whitehall, demanding a pay rise."
    )
    assert text_country(text) == "GB"
    places = _located(text)
    assert ("London", None, "GB") in places
    assert not any(cc == "US" for _loc, _st, cc in places)


def test_a_us_text_keeps_its_westminster() -> None:
    text = (
        "WESTMINSTER, Colo. -- About 200 parents rallied outside the school board offices in Westminster "
        "on Monday, demanding smaller classes."
    )
    assert text_country(text) is None
    assert ("Westminster", "CO", "US") in _located(text)


# ---------------------------------------------------------------- the city's central district


def test_cbd_is_its_city() -> None:
    for words, city in (("the Melbourne CBD", "Melbourne"), ("the Nairobi Central Business District", "Nairobi"),
                        ("Leeds city centre", "Leeds")):
        pms = [pm for pm in find_places(f"Thousands of cyclists rode through {words} on Sunday.") if pm.kind == "city"]
        assert [pm.locality for pm in pms] == [city], words


# ---------------------------------------------------------------- regions named like towns


def test_victoria_in_a_text_about_australia_is_the_state() -> None:
    text = (
        "Victoria Police said about 5,000 people marched through the Melbourne CBD on Sunday, one of "
        "many rallies across Australia."
    )
    pms = find_places(text)
    assert not any(pm.kind == "city" and pm.quote == "Victoria" for pm in pms)
    assert any(pm.kind == "city" and pm.locality == "Melbourne" and pm.country == "AU" for pm in pms)


def test_victoria_elsewhere_stays_a_city() -> None:
    text = "Dock workers picketed the ferry terminal in Victoria, British Columbia, on Friday."
    pms = find_places(text)
    assert any(pm.kind == "city" and pm.locality == "Victoria" and pm.country == "CA" for pm in pms)


def test_a_state_abroad_is_no_town() -> None:
    text = (
        "Across Nigeria, youths marched against hunger on Monday. In Oyo State, hundreds blocked a "
        "highway, while in Kano police fired tear gas."
    )
    pms = find_places(text)
    assert not any(pm.kind == "city" and pm.quote == "Oyo" for pm in pms)
    assert any(pm.kind == "city" and pm.locality == "Kano" for pm in pms)
    assert text_country(text) == "NG"


# ---------------------------------------------------------------- a neighbourhood vs a namesake town


def test_a_neighbourhood_of_a_city_the_text_names_beats_a_namesake_town() -> None:
    text = ("Surfers paddled out off Venice on Saturday to protest offshore drilling, a week after a rally "
            "in downtown Los Angeles.")
    venice = next(pm for pm in find_places(text) if pm.quote == "Venice")
    assert (venice.locality, venice.state) == ("Los Angeles", "CA")
    # without its city in the text, the town reading stays
    alone = next(pm for pm in find_places("Tenants rallied in Venice on Saturday against rent hikes.")
                 if pm.quote == "Venice")
    assert alone.locality == "Venice"


# ---------------------------------------------------------------- places that only name something else


def test_a_town_name_before_a_place_or_valley_head_is_no_site() -> None:
    text = (
        "Autoworkers rallied downtown in Detroit on Friday. Their rally was held next door to Springfield "
        "Place, the convention hall, while teachers picketed schools in the Riverside Valley."
    )
    assert _located(text) == {("Detroit", "MI", "US")}


def test_the_cities_of_a_list_are_sites() -> None:
    text = (
        "Thousands of young people marched in Nairobi on Tuesday against the tax bill. Similar protests were "
        "seen in the cities of Mombasa, Kisumu and Nakuru, local broadcasters reported."
    )
    found = {loc for loc, _st, cc in _located(text) if cc == "KE"}
    assert {"Nairobi", "Kisumu", "Nakuru", "Mombasa"} <= found


def test_a_city_school_district_places_a_strike_named_nowhere_else() -> None:
    text = (
        "Teachers of the Springfield Unified School District walked off the job on Monday, the first strike "
        "in decades. Picketers carried signs in the rain outside several campuses, demanding smaller classes."
    )
    assert {loc for loc, _st, _cc in _located(text)} == {"Springfield"}


def test_a_social_media_handle_is_no_place() -> None:
    from protestdb.extract.places import gazetteer_places

    text = "Youths marched in Abuja on Thursday across Nigeria.\nProtesters chant in a clip shared by @Enugu today."
    assert [p.quote for p in gazetteer_places(text) if p.kind == "city"] == ["Abuja"]


def test_what_protesters_did_in_a_relative_clause_is_told_there() -> None:
    text = (
        "Youths marched in Abuja on Thursday against hunger across Nigeria. Police fired tear gas at "
        "protesters who tried to block the road outside the governor's office in Kano."
    )
    found = {loc for loc, _st, _cc in _located(text)}
    assert {"Abuja", "Kano"} <= found


def test_a_hypothetical_relative_clause_places_nothing() -> None:
    text = (
        "Drivers across the Philippines began a weeklong strike on Monday. Some groups refused to join the "
        "strike that could keep thousands of vans off the streets in Manila."
    )
    assert "Manila" not in {loc for loc, _st, _cc in _located(text)}


def test_a_suburb_of_an_australian_city_is_that_city() -> None:
    text = (
        "Thousands gathered in a park in Redfern on Sunday before marching to the Town Hall, one of many "
        "rallies held across Australia."
    )
    assert ("Sydney", None, "AU") in _located(text)


def test_a_campus_named_by_its_university_is_in_its_town() -> None:
    text = "Hundreds of students held a candlelight vigil on the Michigan State University campus on Monday night."
    assert ("East Lansing", "MI", "US") in _located(text)


def test_the_place_protesters_are_kept_from_reaching_is_no_site() -> None:
    text = (
        "Police fired tear gas at farmers at a highway barricade on Tuesday to stop them from reaching "
        "Chandigarh, where they planned a sit-in, as the march entered its second day in India."
    )
    assert "Chandigarh" not in {loc for loc, _st, _cc in _located(text)}


def test_a_list_closed_by_and_other_towns_names_sites() -> None:
    text = (
        "Police fired tear gas at protesters across Kenya on Tuesday, the police said.\nRoad closures\n"
        "Traffic disruptions witnessed in Nakuru, Kisumu, Eldoret and other towns as anti-tax protests take "
        "place around the country.\nEarlier, furious residents had shut main roads in "
        "a number of towns."
    )
    found = {loc for loc, _st, cc in _located(text) if cc == "KE"}
    assert {"Nakuru", "Kisumu", "Eldoret"} <= found


# ---------------------------------------------------------------- a city's own streets


def test_took_to_a_citys_streets_places_the_action_in_the_city() -> None:
    """"to Denver's streets" is where the march is (a possessive naming a part of the city), not a
    destination; "buses to Denver" still is."""
    assert ("Denver", "CO", "US") in _located(
        "Thousands of nurses took to Denver's streets on Tuesday, marching for safe staffing.")
    moved = _located("Nurses marched in Boulder, Colorado on Tuesday before buses to Denver left at noon.")
    assert ("Denver", "CO", "US") not in moved
