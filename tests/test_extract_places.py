"""Places: which places are where an action happens (gazetteer words, venues, datelines, context places)."""

from __future__ import annotations

from datetime import date

import pytest

from conftest import (
    MAY_14_2025,
    event_places,
    gazetteer_states,
    localities,
    report_events,
)
from protestdb.extract import extract_text
from protestdb.extract.places import Place, sub_places
from protestdb.geo import find_places


@pytest.mark.regression("place followed by a borough lies in its city")
def test_place_followed_by_a_borough_lies_in_its_city() -> None:
    text = (
        "NEW YORK — About 90 tenants rallied outside a building in Sunset Park, Brooklyn, on Sunday, "
        "demanding repairs from the landlord."
    )
    evs = report_events(text, date(2025, 3, 3), geocode=False)
    assert len(evs) == 1
    assert evs[0].locality == "New York"


@pytest.mark.regression("sub places")
@pytest.mark.parametrize(
    ("sentence", "kind"),
    [("vecinos marcharon hasta el parque Lincoln", "venue"), ("residents of the Lincoln neighborhood marched", "neighborhood")],
)
def test_sub_places(sentence: str, kind: str) -> None:
    text = "OMAHA — " + sentence
    start = text.index("Lincoln")
    found = [Place(0, 5, "OMAHA", "city", "NE", "Omaha", "US"), Place(start, start + 7, "Lincoln", "city", "NE", "Lincoln", "US")]
    out = sub_places(text, found, found[0])
    assert out[1].kind == kind
    if kind == "neighborhood":
        assert out[1].locality == "Omaha"
    else:
        assert out[1].quote.lower().startswith("parque")


@pytest.mark.regression("dateline outlet is no place")
def test_dateline_outlet_is_no_place() -> None:
    text = (
        "DAYTON, Ohio (Miami Valley Courier) — About 300 nurses rallied outside the county "
        "health department on Tuesday to demand safer staffing, chanting and carrying signs.\n\n"
        "The nurses said they would return next month if nothing changes."
    )
    events = report_events(text, MAY_14_2025)
    assert localities(events) == ["Dayton"]
    assert events[0].state == "OH"
    assert all("Courier" not in o for e in events for o in e.organizations)


@pytest.mark.regression("dateline outlet not found as place")
def test_dateline_outlet_not_found_as_place() -> None:
    text = "SALEM, Ore. (Cascade Valley Wire) — Hundreds of teachers marched to the Capitol on Monday."
    quotes = [p.quote for p in find_places(text)]
    assert "Salem" in [q.title() for q in quotes]
    assert not any("Valley" in q or "Cascade" in q for q in quotes)


@pytest.mark.regression("place in a clause without the action")
def test_place_in_a_clause_without_the_action() -> None:
    text = (
        "BOISE, Idaho — About 300 nurses marched to the Statehouse on Tuesday to protest staff cuts, "
        "as county commissioners in Twin Falls debated a hospital merger.\n\n"
        "Protesters chanted and carried signs."
    )
    assert localities(report_events(text, MAY_14_2025)) == ["Boise"]


@pytest.mark.regression("place in quoted speech opens no event")
def test_place_in_quoted_speech_opens_no_event() -> None:
    text = (
        "ROCHESTER, N.Y. — Hundreds of students walked out of class on Wednesday to protest gun violence.\n\n"
        "\"We need the people in Albany to finally act,\" one senior told the crowd of protesters."
    )
    assert localities(report_events(text, MAY_14_2025)) == ["Rochester"]


@pytest.mark.regression("place where participants live is context")
def test_place_where_participants_live_is_context() -> None:
    text = (
        "Warehouse workers, many of whom live in Gary, picketed outside the distribution center in "
        "Hammond, Ind., on Monday, demanding higher wages.\n\nThe union said the strike would continue."
    )
    locs = localities(report_events(text, MAY_14_2025))
    assert "Hammond" in locs
    assert "Gary" not in locs


@pytest.mark.regression("lone foreign city inside longer name is no place")
def test_lone_foreign_city_inside_longer_name_is_no_place() -> None:
    text = "Students at several Metro Nashville high schools walked out of class."
    assert not any(p.quote == "Metro" for p in find_places(text))


@pytest.mark.regression("venue with a second head word")
def test_venue_with_a_second_head_word() -> None:
    text = (
        "OMAHA, Neb. — Hundreds of parishioners held a vigil at the Cathedral Basilica on Saturday "
        "to protest deportations."
    )
    ev = report_events(text, MAY_14_2025)[0]
    assert ev.location and "Cathedral Basilica" in ev.location


@pytest.mark.regression("place starting a longer name is no event place")
def test_place_starting_a_longer_name_is_no_event_place() -> None:
    text = (
        "NEW ORLEANS — About 500 people rallied at Jackson Square on Saturday, demanding that the "
        "city keep its public pools open, then marched to City Hall."
    )
    res = extract_text(text, date(2025, 7, 14), geocode=False)
    assert event_places(res) == {("New Orleans", "LA")}


@pytest.mark.regression("state named before city decides")
def test_state_named_before_city_decides() -> None:
    text = (
        "Rallies for voting rights were held Saturday in Atlanta, Ga., and Raleigh, N.C., "
        "organizers said.\n\nThousands filled the lawn of the Ohio Statehouse in Columbus, "
        "chanting and waving signs."
    )
    res = extract_text(text, date(2025, 4, 13), geocode=False)
    assert ("Columbus", "OH") in event_places(res)
    assert ("Columbus", "GA") not in event_places(res)


@pytest.mark.regression("big city not replaced by small namesake of context state")
def test_big_city_not_replaced_by_small_namesake_of_context_state() -> None:
    text = (
        "Protesters rallied Saturday in Raleigh, N.C., and Charlotte, N.C., demanding Medicaid "
        "funding.\n\nIn Denver, about 2,000 people marched to the Capitol, chanting."
    )
    res = extract_text(text, date(2025, 4, 13), geocode=False)
    assert ("Denver", "CO") in event_places(res)
    assert ("Denver", "NC") not in event_places(res)


@pytest.mark.regression("place after sentence initial preposition and possessive")
def test_place_after_sentence_initial_preposition_and_possessive() -> None:
    assert gazetteer_states("In Boston, about 500 people rallied.") == {"Boston": "MA"}
    assert "Tucson" in gazetteer_states("At Tucson's city hall, dozens gathered.")


@pytest.mark.regression("accented city name")
def test_accented_city_name() -> None:
    assert gazetteer_states("Cientos marcharon en Los Ángeles el sábado.").get("Los Ángeles") == "CA"


@pytest.mark.regression("words before county street or movement are no cities")
def test_words_before_county_street_or_movement_are_no_cities() -> None:
    text = ("Members of the Sunrise Movement marched down Euclid Avenue to the Pima County offices "
            "and then along Pacific Coast Highway.")
    assert not [p for p in find_places(text) if p.kind == "city"]


@pytest.mark.regression("origins and destinations make no events")
def test_origins_and_destinations_make_no_events() -> None:
    text = ("SACRAMENTO, Calif. — Thousands of state workers rallied at the Capitol on Tuesday to oppose "
            "pension cuts. Buses brought members from Fresno, Modesto and Merced, organizers said.")
    res = extract_text(text, date(2025, 3, 12))
    assert [e.locality for e in res.events] == ["Sacramento"]


@pytest.mark.regression("town word naming a hotel is no place")
@pytest.mark.parametrize(
    ("sentence", "city"),
    [
        ("About 80 cleaners picketed on Friday outside a Holiday Inn in Denver over unpaid wages.", "Denver"),
        ("Dozens of tenants rallied on Friday at the Sheridan Hotel in Omaha to protest evictions.", "Omaha"),
        ("Some 40 workers marched on Friday past the Florence Suites in Tucson demanding a raise.", "Tucson"),
    ],
)
def test_town_word_naming_a_hotel_is_no_place(sentence: str, city: str) -> None:
    evs = report_events(sentence, MAY_14_2025)
    assert [e.locality for e in evs] == [city]


@pytest.mark.regression("town word naming a hotel is no place")
def test_a_hotel_in_a_small_town_keeps_the_town() -> None:
    text = "About 60 housekeepers picketed on Friday outside a hotel in Sheridan, Wyoming, over unpaid wages."
    evs = report_events(text, MAY_14_2025)
    assert [(e.locality, e.state) for e in evs] == [("Sheridan", "WY")]


@pytest.mark.regression("company names of workers are no towns abroad")
def test_company_names_of_workers_are_no_towns_abroad() -> None:
    text = (
        "India: Factory workers walk out in Pune\n\n"
        "Workers from Toyota, Hitachi and Kawasaki joined the strike in Pune on Monday over pay."
    )
    evs = report_events(text, MAY_14_2025)
    assert {(e.locality, e.country) for e in evs} == {("Pune", "IN")}
