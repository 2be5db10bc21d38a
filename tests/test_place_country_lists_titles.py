"""The text's country from two kinds of words (``geo/places.py``, ``geo/country.py``): a state
named like a country ("Georgia") listed among countries is the country, so a foreign city's text
stays abroad; an office title US states lack ("Premier" + a name) tells the country among its
listed ones where the text's town exists. Invented sentences."""

from __future__ import annotations

import pytest

pytest.importorskip("protestdb.geo")


def _where(text: str, town: str) -> tuple[str | None, str | None]:
    from protestdb.geo import find_places

    pm = next(p for p in find_places(text) if p.quote == town)
    return pm.country, pm.state


@pytest.mark.parametrize("text", [
    "Thousands of nurses protested in Manila on Wednesday. Delegations from Jordan, Lebanon and Georgia joined the march.",
    "Thousands of dockworkers marched in Manila on Friday. Unions from Georgia and Armenia sent messages of support.",
])
def test_a_state_listed_among_countries_is_the_country(text: str) -> None:
    from protestdb.geo.places import text_country

    assert text_country(text) == "PH"
    assert _where(text, "Manila")[0] == "PH"


def test_a_state_listed_with_us_towns_stays_a_state() -> None:
    text = "Protesters gathered in Columbus, Georgia and Macon on Saturday to oppose the new law."
    assert _where(text, "Columbus") == ("US", "GA")


@pytest.mark.parametrize(("text", "town", "cc"), [
    ("Hundreds of teachers rallied on Tuesday in Windsor against Premier Doug Ford and his education cuts.",
     "Windsor", "CA"),
    ("About 300 nurses picketed in Geelong on Monday, demanding that Premier Jacinta Allan fund more beds.",
     "Geelong", "AU"),
])
def test_a_premier_tells_the_country_where_the_town_is(text: str, town: str, cc: str) -> None:
    assert _where(text, town)[0] == cc


def test_premier_league_tells_no_country() -> None:
    text = "Hundreds of students marched in Windsor on Monday. Fans of the Premier League club watched from a pub."
    assert _where(text, "Windsor")[0] == "US"


def test_office_titles_need_a_town_of_the_country() -> None:
    from protestdb.geo.country import office_titles

    assert office_titles("Premier Ann Dorsey spoke.", ["Zzyzxqton"]) == {}
    assert office_titles("Premier Ann Dorsey spoke in Windsor.", ["Windsor"]) == {"CA": 1}


def test_a_company_called_premier_tells_no_country() -> None:
    from protestdb.geo.country import office_titles

    for text in ("Nurses at Premier Health Partners rallied in Windsor.", "Premier Bank Holdings opened in Windsor.",
                 "Premier Soccer League fans marched in Windsor."):
        assert office_titles(text, ["Windsor"]) == {}, text
