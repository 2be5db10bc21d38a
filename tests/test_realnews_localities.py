"""Issue 9: locality names and levels on real-news-like text. A neighbourhood is placed
under its city (DESIGN: "Neighborhoods go under their city"), whatever namesake the
gazetteer knows abroad; a photo credit's name is a person, never a town.

All sentences are written for these tests (no real page text)."""

from __future__ import annotations

from datetime import date

from protestdb.extract import extract_text
from protestdb.extract.places import Place, is_person, sub_places
from protestdb.geo import find_places

PUB = date(2025, 6, 9)


def _places(text: str) -> list[Place]:
    found = []
    for pm in find_places(text):
        p = Place(pm.start, pm.end, pm.quote, pm.kind, pm.state, pm.locality if pm.kind == "city" else None)
        p.country = pm.country
        found.append(p)
    return sub_places(text, found, None)


def _events(text: str) -> set[tuple[str | None, str | None]]:
    res = extract_text(text, PUB)
    assert res.is_protest_report
    return {(e.locality, e.state) for e in res.events}


def test_listed_neighbourhood_followed_by_its_city() -> None:
    # "Pilsen" alone is the Czech city; told before Chicago it is Chicago's neighbourhood
    for text in (
        "Neighbors marched through Pilsen, Chicago on Sunday against the raids.",
        "Vecinos marcharon por el barrio latino de Pilsen, en Chicago, el domingo.",
        "Neighbors marched through the Pilsen neighborhood of Chicago on Sunday.",
    ):
        p = next(p for p in _places(text) if p.quote == "Pilsen")
        assert (p.kind, p.locality, p.state) == ("neighborhood", "Chicago", "IL"), text


def test_neighbourhood_cue_takes_the_city_told_after_it() -> None:
    text = "A rally in Los Angeles drew few. Another crowd gathered in the barrio of Pilsen, in Chicago, on Sunday."
    p = next(p for p in _places(text) if p.quote == "Pilsen")
    assert (p.locality, p.state) == ("Chicago", "IL")


def test_a_name_read_once_as_a_neighbourhood_is_one_everywhere() -> None:
    text = (
        "About 200 people rallied in Pilsen, Chicago on Sunday against immigration raids.\n\n"
        "The march then wound through Pilsen for two hours, organizers said."
    )
    parts = [p for p in _places(text) if p.quote == "Pilsen"]
    assert len(parts) == 2
    assert all(p.locality == "Chicago" for p in parts)
    assert _events(text) == {("Chicago", "IL")}


def test_listed_neighbourhood_read_abroad_in_a_text_about_its_city() -> None:
    text = (
        "About 200 people marched through Pilsen on Sunday against immigration raids. "
        "Organizers said the city of Chicago must keep its welcoming ordinance."
    )
    assert _events(text) == {("Chicago", "IL")}


def test_two_cities_listed_are_not_a_neighbourhood() -> None:
    text = "Students walked out in Boston, Chicago and Denver on Friday."
    kinds = {p.quote: p.kind for p in _places(text)}
    assert kinds["Boston"] == "city"


def test_photo_credit_names_are_people() -> None:
    text = "Marchers fill the plaza. Credit: Scott Miller/Example Images. Foto: Brandon Ruiz. Photo by Chandler Ortiz"
    for name in ("Scott", "Brandon", "Chandler"):
        s = text.index(name)
        assert is_person(text, s, s + len(name), []), name
    s = text.index("Example")
    assert not is_person(text, s, s + 7, [])


def test_photo_credit_opens_no_event_in_a_namesake_town() -> None:
    text = (
        "About 300 tenants rallied at City Hall in Denver, Colorado on Sunday to demand rent control.\n"
        "Tenants hold signs outside City Hall. Credit: Scott Miller/Example Images\n"
        "Organizers said they would march again next month."
    )
    assert _events(text) == {("Denver", "CO")}


def test_lower_case_city_after_a_name_is_the_bigger_x_city() -> None:
    # "Quezon city": the gazetteer's Quezon City, not the smaller town Quezon
    found = find_places("Drivers in the Philippines held a rally in suburban Quezon city on Monday.")
    city = next(p for p in found if p.kind == "city")
    assert (city.quote, city.locality) == ("Quezon city", "Quezon City")
    found = find_places("Nurses rallied in Salt Lake city on Friday.")
    assert next(p.locality for p in found if p.kind == "city") == "Salt Lake City"


def test_city_council_is_no_small_x_city_town() -> None:
    # "Denver city council" is Denver, never the small town Denver City
    found = find_places("The Denver city council heard 300 protesters on Tuesday.")
    assert [(p.quote, p.locality, p.state) for p in found if p.kind == "city"] == [("Denver", "Denver", "CO")]


def test_town_name_ending_a_venue_name_is_no_town() -> None:
    # "Pinecrest Forest Park" is a park; "Forest Park" alone is the town
    found = find_places("- Jonesboro, Arkansas: 6 p.m. to 8 p.m. at Pinecrest Forest Park, 100 Main St.")
    assert [p.locality for p in found if p.kind == "city"] == ["Jonesboro"]
    found = find_places("On Saturday Forest Park residents marched to the city hall.")
    assert [p.quote for p in found if p.kind == "city"] == ["Forest Park"]


def test_caption_glued_to_its_credit_keeps_its_city() -> None:
    # a caption run into its credit with no space ("... in Sydney.Credit:") still names Sydney
    found = find_places("Pupils gather at the park in Sydney.Credit:Jane Roe")
    assert [(p.quote, p.country) for p in found if p.kind == "city"] == [("Sydney", "AU")]
    found = find_places("Marchers crossed the U.S. and rallied in St. Louis.")
    assert [p.locality for p in found if p.kind == "city"] == ["St. Louis"]


def test_venue_named_after_its_big_city_places_an_event_there() -> None:
    from protestdb.geo import geocode

    r = geocode(None, None, "US", venue="Denver Public Library")
    assert r is not None and (r.locality, r.state) == ("Denver", "CO")
    # a name that is a state's other than the city's, a short name, another state in context
    assert geocode(None, None, "US", venue="Washington Regional Medical Center").locality is None
    assert geocode(None, None, "US", venue="Lincoln Center").locality is None
    assert geocode(None, None, "US", venue="Houston Family Hospital", context_states=["CA"]).locality is None


def test_event_at_a_city_named_venue_gets_the_city() -> None:
    text = (
        "About 60 people held a vigil on Monday night at the Denver Native Community Center, "
        "then blocked the avenue for an hour."
    )
    assert _events(text) == {("Denver", "CO")}
