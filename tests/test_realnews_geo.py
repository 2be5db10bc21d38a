"""Issue 9, error class 1: places abroad are not forced into the US. The country comes from
the text (datelines, country names, demonyms, cities found only abroad); an event abroad keeps
its country and coordinates; a US text keeps its US places.

All sentences are written for these tests (no real page text)."""

from __future__ import annotations

from datetime import date

from helpers import report_events
from protestdb.geo import find_places, text_country
from protestdb.geo.country import city_country, decide, weigh

PUB = date(2025, 3, 12)


def _events(text: str) -> list:
    return report_events(text, PUB)


def test_city_country_only_when_one_namesake_dwarfs_the_rest() -> None:
    assert city_country("Marseille") == "FR"
    assert city_country("Chicago") == "US"
    assert city_country("Wellington") is None  # NZ, FL, ZA, GB


def test_decide_weighs_foreign_against_us() -> None:
    assert decide(weigh(countries=["FR"], text="French unions")) == "FR"
    assert decide(weigh(countries=["MX"], states=2, text="Mexican workers")) is None
    assert decide(weigh(datelines=["US"], text="Kenyan students")) is None


def test_paris_in_a_text_about_france_is_in_france() -> None:
    text = (
        "Tens of thousands of French workers marched in Paris on Tuesday against the government's plan "
        "to raise the retirement age, the unions said."
    )
    ev = next(e for e in _events(text) if e.locality)
    assert (ev.locality, ev.state, ev.country) == ("Paris", None, "FR")
    assert ev.lat is not None and ev.lat > 45  # Paris, France, not Paris, Texas


def test_street_name_abroad_is_no_us_town() -> None:
    text = (
        "A convoy of truckers honked their horns along Wellington Street in Ottawa on Saturday, "
        "protesting Canadian vaccine rules."
    )
    evs = _events(text)
    assert all(e.state is None for e in evs)
    assert any(e.locality == "Ottawa" and e.country == "CA" for e in evs)


def test_small_town_of_the_text_country() -> None:
    text = (
        "Residents of Ermelo in South Africa barricaded roads with burning tyres on Monday, demanding water "
        "and electricity from the municipality."
    )
    ev = next(e for e in _events(text) if e.locality)
    assert (ev.locality, ev.country, ev.state) == ("Ermelo", "ZA", None)


def test_us_text_keeps_its_us_namesake() -> None:
    text = "About 200 people rallied in Paris, Texas, on Saturday to protest the closing of the county hospital."
    ev = next(e for e in _events(text) if e.locality)
    assert (ev.locality, ev.state) == ("Paris", "TX")
    assert text_country(text) is None


def test_text_country_from_dateline() -> None:
    text = "NAIROBI — Students marched to parliament on Thursday to protest higher university fees."
    assert text_country(text) == "KE"
    assert any(p.country == "KE" for p in find_places(text))


def test_districts_of_a_foreign_capital_stay_abroad() -> None:
    text = (
        "Climate marchers filled central London on Saturday, police in London said.\n\n"
        "Smaller demonstrations took place in Westminster and near Whitehall, where a few hundred "
        "people protested against new oil licences. London police made two arrests."
    )
    assert text_country(text) == "GB"
    evs = _events(text)
    assert evs and all(e.state is None for e in evs)


def test_provinces_abroad_are_country_evidence_not_us_towns() -> None:
    text = (
        "Thousands of teachers rallied at a park in Toronto, Ontario, on Friday against the wage cap. "
        "Smaller rallies were held in Kingston and London, Ontario."
    )
    assert text_country(text) == "CA"
    evs = _events(text)
    assert {e.locality for e in evs} >= {"Toronto", "Kingston", "London"}
    assert all(e.country == "CA" and e.state is None for e in evs)


def test_us_namesake_of_a_province_with_its_state() -> None:
    text = "About 200 warehouse workers rallied in Ontario, California, on Saturday to demand heat protections."
    ev = next(e for e in _events(text) if e.locality)
    assert (ev.locality, ev.state) == ("Ontario", "CA")


def test_georgia_the_country() -> None:
    text = (
        "Tens of thousands of people rallied outside parliament in Tbilisi on Sunday, the largest protest "
        "in Georgia in years, against the foreign agents law."
    )
    assert text_country(text) == "GE"
    assert [p.kind for p in find_places(text) if p.quote == "Georgia"] == ["country"]
    assert all(e.state is None for e in _events(text))


def test_georgia_the_state() -> None:
    text = "About 500 teachers rallied outside the state capitol in Atlanta, Georgia, on Monday for higher pay."
    ev = next(e for e in _events(text) if e.locality)
    assert (ev.locality, ev.state) == ("Atlanta", "GA")
