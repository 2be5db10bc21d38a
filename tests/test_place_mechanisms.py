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


def test_a_street_named_after_a_city_abroad_is_no_venue_of_that_city() -> None:
    from protestdb.extract.places import Place, venue_city_abroad

    # a "Sydney Road" or "Perth Street" runs through many towns: the street names no city
    assert venue_city_abroad(Place(0, 11, "Sydney Road", "venue"), "AU") is None
    assert venue_city_abroad(Place(0, 15, "the Perth St.", "venue"), "AU") is None
    assert venue_city_abroad(Place(0, 16, "London Rd", "venue"), "GB") is None
    assert venue_city_abroad(Place(0, 18, "Sydney Town Hall", "venue"), "AU") is not None
