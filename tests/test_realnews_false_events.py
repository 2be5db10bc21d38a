"""Issue 9, false events on real news: a strike held as rallies at places (a climate or school
strike, a worldwide strike) opens no nationwide place-less event beside its cities; an
ultimatum ("or face a strike") tells no action; past protests recalled with "over the past six
months" are background and lend their cities to no later sentence; a city told as the place of
other news ("the parade in X") in a sentence naming several cities is no event's place.

All sentences are written for these tests (no real page text)."""

from __future__ import annotations

from datetime import date

from protestdb.extract import extract_text

PUB = date(2025, 3, 14)


def _events(text: str, published: date = PUB) -> list[tuple[str | None, str]]:
    res = extract_text(text, published)
    return [(e.locality, "; ".join(e.event_type)) for e in res.events]


def test_climate_school_strike_is_no_placeless_event_beside_its_cities() -> None:
    text = ("Thousands of pupils across the country took part in the global school strike on Friday.\n\n"
            "In Elmhurst, Illinois, about 800 students rallied outside the county courthouse.\n\n"
            "In Aurora, Illinois, hundreds of students marched to city hall.")
    evs = _events(text)
    assert None not in [loc for loc, _ in evs]
    assert {"Elmhurst", "Aurora"} <= {loc for loc, _ in evs}


def test_named_climate_strike_joins_its_city() -> None:
    text = ("About 2,000 students gathered in Boise, Idaho, on Friday for the Climate Strike, a rally "
            "organised by local student groups.")
    evs = _events(text)
    assert [loc for loc, _ in evs] == ["Boise"]


def test_a_nationwide_general_strike_is_still_a_placeless_event() -> None:
    text = ("Unions held a nationwide general strike on Thursday, shutting ports and rail lines.\n\n"
            "In Fresno, California, hundreds of strikers rallied outside city hall.")
    evs = _events(text)
    assert None in [loc for loc, _ in evs]
    assert "Fresno" in [loc for loc, _ in evs]


def test_an_ultimatum_tells_no_strike() -> None:
    text = ("The federation gave the government seven days to reverse the fare increase or face an "
            "indefinite nationwide strike.")
    assert _events(text) == []


def test_past_protests_over_months_are_background() -> None:
    text = ("ELMHURST, Ill. — Dozens of parents protested outside a library board meeting in Elmhurst "
            "on Saturday.\n\n"
            "Over the past six months, the group has staged protests outside libraries in Naperville, "
            "Aurora and Joliet. The parents were joined at Saturday's protest by two church groups.")
    locs = {loc for loc, _ in _events(text)}
    assert locs == {"Elmhurst"}


def test_city_of_other_news_in_a_several_city_sentence_is_no_event() -> None:
    text = ("Protesters marched in Denver, Colorado, on Saturday, the day of the military parade in "
            "Washington, D.C.")
    assert [loc for loc, _ in _events(text)] == ["Denver"]


def test_listed_cities_without_their_own_protest_words_keep_the_action() -> None:
    text = "Protests took place in Denver, Boise and Fresno on Saturday."
    assert {loc for loc, _ in _events(text)} == {"Denver", "Boise", "Fresno"}
