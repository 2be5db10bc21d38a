"""A country's top football league named on a page tells its country when a town the page names has
its biggest namesake there (geo data/demonyms.json town_cues); a US local page naming no state stays in
the US."""

from __future__ import annotations

from protestdb.extract import extract_text
from protestdb.geo import country


def _places(text: str) -> list[tuple[str | None, str | None, str | None]]:
    return [(e.locality, e.state, e.country) for e in extract_text(text).events]


def test_league_tells_the_country_of_a_fans_protest() -> None:
    text = ("Several hundred supporters marched to the stadium in Manchester on Saturday before the "
            "Premier League match, protesting against the club owners.")
    assert _places(text) == [("Manchester", None, "GB")]


def test_without_a_cue_a_town_keeps_its_us_namesake() -> None:
    text = ("Several hundred supporters marched to the stadium in Manchester on Saturday before the "
            "match, protesting against the club owners.")
    assert _places(text) == [("Manchester", "NH", "US")]


def test_us_towns_with_british_namesakes_stay_in_the_us() -> None:
    text = ("Hundreds of state workers rallied in Manchester and Norwich on Saturday to protest proposed "
            "pension cuts.")
    assert {c for _, _, c in _places(text)} == {"US"}


def test_league_cues_count_once_and_need_a_town_of_their_country() -> None:
    text = "Bundesliga fans, Bundesliga clubs and the Bundesliga's owners"
    assert country.town_cues(text, ["Dortmund"]) == {"DE": 1}
    assert country.town_cues(text, ["Windsor"]) == {}  # its biggest namesake is in Canada
    assert country.town_cues(text) == {}


def test_a_league_beside_a_town_of_another_country_tells_nothing() -> None:
    text = "Hundreds of students marched in Windsor on Monday. Fans of the Premier League club watched from a pub."
    assert _places(text)[0][2] == "US"
