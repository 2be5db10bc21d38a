"""Towns that only lean to a country (their biggest namesake there is a few times bigger than any
elsewhere) tell it together when nothing else on the page does (geo.country.leaning_country)."""

from __future__ import annotations

import pytest

from protestdb.extract import extract_text
from protestdb.geo import country


def _places(text: str) -> list[tuple[str | None, str | None, str | None]]:
    return [(e.locality, e.state, e.country) for e in extract_text(text).events]


def test_two_towns_leaning_to_one_country_tell_it() -> None:
    # the second town is told only inside a club's name: it still leans the same way
    text = ("Hundreds of supporters marched through Plymouth on Saturday before the home match "
            "against Norwich Rovers, chanting against the club owners.")
    assert _places(text) == [("Plymouth", None, "GB")]


def test_one_leaning_town_alone_tells_nothing() -> None:
    assert _places("Hundreds of residents rallied in Plymouth on Saturday to protest the budget cuts.")[0][2] == "US"


def test_towns_leaning_to_two_countries_tell_nothing() -> None:
    text = ("Hundreds of residents rallied in Manchester on Saturday, then marched to Concord "
            "to protest the budget cuts.")
    assert _places(text)[0] == ("Manchester", "NH", "US")


def test_a_us_state_outweighs_leaning_towns() -> None:
    text = ("Hundreds of supporters rallied in Plymouth, Minnesota, on Saturday before the game "
            "against Norwich Rovers, chanting against the club owners.")
    assert _places(text)[0][2] == "US"


@pytest.mark.parametrize(("towns", "expected"), [
    (["Plymouth", "Norwich"], "GB"),
    (["Plymouth", "plymouth"], None),  # one town told twice is one vote
    (["Plymouth", "Concord"], None),  # leaning two ways
    (["Springfield", "Concord"], None),  # leaning to the US tells no foreign country
])
def test_leaning_country(towns: list[str], expected: str | None) -> None:
    assert country.leaning_country(towns) == expected


def test_a_city_s_other_names_do_not_count() -> None:
    # a big city whose old name is a town's name elsewhere does not spoil that town's lean
    assert country.city_lean("Manchester") == "GB"
