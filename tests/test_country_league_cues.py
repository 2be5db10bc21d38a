"""A country's top football league named on a page tells its country (geo data/demonyms.json cues),
as its currency or national bodies do; a US local page naming no state stays in the US."""

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


def test_league_cues_count_once() -> None:
    assert country.cues("Bundesliga fans, Bundesliga clubs and the Bundesliga's owners")["DE"] == 1
