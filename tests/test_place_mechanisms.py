"""A capital told only as "the capital" ("the Kenyan capital", "the nation's capital", a plain
"the capital" in a report from abroad) is the place of an action told there; a state's capital,
"the capital of" a region, and capital as money place nothing. A city part word the parser
reads as a verb ("in uptown Charlotte") does not hide the city from its clause."""

from __future__ import annotations

from datetime import date

from protestdb.extract import extract_text
from protestdb.extract.capitals import capital_places
from protestdb.extract.nlp import load_nlp

PUB = date(2024, 3, 9)


def _capitals(text: str) -> list[tuple[str, str | None, str | None, str | None]]:
    return [(p.quote, p.locality, p.state, p.country) for p in capital_places(text, load_nlp()(text))]


def test_demonym_capital_places_the_action() -> None:
    text = ("Bus drivers stop work\n\nBus drivers began a three-day strike on Friday in the Kenyan capital "
            "to protest a new fuel levy.\n")
    res = extract_text(text, PUB)
    assert [(e.locality, e.country) for e in res.events] == [("Nairobi", "KE")]
    assert res.events[0].evidence["locality"][0].quote == "Kenyan capital"


def test_plain_capital_abroad_is_a_second_site() -> None:
    text = ("French teachers rallied in Lyon on Tuesday over pay.\n\nOn Thursday thousands of teachers "
            "marched through the capital to demand the same raise.\n")
    res = extract_text(text, PUB)
    assert sorted((e.locality, e.country) for e in res.events) == [("Lyon", "FR"), ("Paris", "FR")]


def test_nation_capital_in_a_us_report() -> None:
    assert _capitals("Veterans from Ohio marched through the nation's capital on Saturday.") == [
        ("nation's capital", "Washington", "DC", "US")]
    # no country read and no US state named: no guess
    assert _capitals("Veterans marched through the nation's capital on Saturday.") == []


def test_what_is_no_country_capital() -> None:
    # a US report's plain "the capital" (a state's, or a misspelt Capitol), a region's capital,
    # a state's capital, capital as money, an adjective that names no country
    assert _capitals("Nurses rallied at the capital in Raleigh on Friday.") == []
    assert _capitals("German farmers rallied in the capital of Bavaria on Friday.") == []
    assert _capitals("Teachers rallied in the state capital on Friday.") == []
    assert _capitals("Kenyan investors worry about the capital gains tax.") == []
    assert _capitals("Students marched in the Texas capital on Friday.") == []


def test_city_part_word_read_as_verb_keeps_its_city() -> None:
    text = ("Nurses walked out in Raleigh, N.C., on Thursday over staffing.\n\nOn Friday roughly 300 nurses "
            "went on to rally at a square in uptown Charlotte, N.C., against the staffing cuts.\n")
    res = extract_text(text, PUB)
    assert sorted(e.locality for e in res.events) == ["Charlotte", "Raleigh"]


def test_venue_named_after_its_city_abroad_beats_a_nearby_town() -> None:
    text = ("Teachers rally over pay\n\nHundreds of Australian teachers rallied on the steps of the Perth "
            "Concert Hall on Monday over pay.\n\nPolice said the crowd was too big for the surrounding "
            "streets in Fremantle.\n")
    res = extract_text(text, PUB)
    assert [(e.locality, e.country) for e in res.events] == [("Perth", "AU")]


def test_venue_city_abroad_needs_a_big_city_of_that_country() -> None:
    from protestdb.extract.places import Place, venue_city_abroad

    hall = Place(0, 22, "the Perth Concert Hall", "venue")
    assert venue_city_abroad(hall, "AU") is not None
    assert venue_city_abroad(hall, "US") is None  # at home: venue_town's reading
    assert venue_city_abroad(Place(0, 15, "Lang Park Oval", "venue"), "AU") is None


def test_a_us_state_named_like_a_country_gives_no_foreign_capital() -> None:
    # F1: "Georgia" is a US state as well as a country: in a US report no Tbilisi
    assert _capitals("Hundreds of nurses rallied in Atlanta, the capital of Georgia, on Monday.") == []
    assert _capitals("In Georgia's capital, hundreds of nurses rallied outside the statehouse on Monday.") == []
    text = ("Nurses rally in Atlanta\n\nHundreds of nurses rallied in Atlanta, the capital of Georgia, on "
            "Monday to demand safer staffing.\n")
    assert all(e.country in (None, "US") for e in extract_text(text, PUB).events)
    # in a report about Georgia the country its capital stays
    got = _capitals("Thousands rallied in Georgia's capital on Sunday against the government. Police in "
                    "Tbilisi said officials met opposition leaders in Batumi.")
    assert [(g[1], g[3]) for g in got] == [("Tbilisi", "GE")]


def test_a_nation_within_a_country_is_never_the_country_capital() -> None:
    # F1: a UK nation's capital is its own (data), a dependency's none: never London
    assert _capitals("Thousands marched through the Scottish capital on Saturday.") == [
        ("Scottish capital", "Edinburgh", None, "GB")]
    assert [(g[1], g[3]) for g in _capitals("Thousands marched in Scotland's capital on Saturday.")] == [
        ("Edinburgh", "GB")]
    assert [g[1] for g in _capitals("Nurses marched in the Welsh capital on Saturday.")] == ["Cardiff"]
    assert [g[1] for g in _capitals("Nurses marched in the capital of Wales on Saturday.")] == ["Cardiff"]
    assert _capitals("Hundreds rallied in Jersey's capital on Saturday.") == []
    assert _capitals("Hundreds rallied in the capital of Jersey on Saturday.") == []


def test_capital_as_money_or_with_its_name_apposed_places_nothing() -> None:
    # F2: a hyphen after "capital" is never the city
    assert _capitals("Farmers in Accra marched on Friday against the Chinese capital-intensive projects.") == []
    # plain "the capital" as an object of lack/raise is money
    assert _capitals("Dock workers in Mombasa struck on Monday. The union said it lacked the capital to "
                     "sustain a long strike, and Kenyan officials urged talks.") == []
    assert _capitals("Dock workers in Mombasa struck on Monday. Kenyan firms could not raise the capital "
                     "for new cranes.") == []
    # the city apposed to "the capital" is the place, not these words
    assert _capitals("In Uttar Pradesh, thousands of Indian farmers marched in the capital, Lucknow, on "
                     "Friday.") == []
    # a day's name after the comma is no apposed city
    assert [g[1] for g in _capitals("Dock workers marched in the Kenyan capital, Monday, over pay.")] == ["Nairobi"]
    # a locative plain "the capital" abroad is still the city
    assert [g[1] for g in _capitals("Dock workers in Mombasa struck on Monday, and Kenyan officials met "
                                    "them in the capital.")] == ["Nairobi"]
    assert [g[1] for g in _capitals("Dock workers in Mombasa struck on Monday, and Kenyan riot police "
                                    "sealed the roads surrounding the capital.")] == ["Nairobi"]


def test_a_street_named_after_a_city_abroad_is_no_venue_of_that_city() -> None:
    from protestdb.extract.places import Place, venue_city_abroad

    # a "Sydney Road" or "Perth Street" runs through many towns: the street names no city
    assert venue_city_abroad(Place(0, 11, "Sydney Road", "venue"), "AU") is None
    assert venue_city_abroad(Place(0, 15, "the Perth St.", "venue"), "AU") is None
    assert venue_city_abroad(Place(0, 16, "London Rd", "venue"), "GB") is None
    assert venue_city_abroad(Place(0, 18, "Sydney Town Hall", "venue"), "AU") is not None


def test_a_countrys_capital_cities_are_no_one_capital() -> None:
    assert _capitals("Rallies were held in Australia's capital cities and regional towns on Saturday.") == []
    assert _capitals("Rallies were held in the Kenyan capital cities on Saturday.") == []
    assert [c[1] for c in _capitals("Thousands marched in the Kenyan capital city on Saturday.")] == ["Nairobi"]
