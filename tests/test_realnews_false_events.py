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


# --- document relevance -----------------------------------------------------------------------


def test_letter_to_the_editor_reports_no_protest() -> None:
    text = ("News / Opinion / Letters to the Editor\n\n"
            "Letter: Let the marchers be heard\n\n"
            "I am writing about last week's column. Hundreds of students marched downtown on Saturday, "
            "and I was proud of them. A protest is meant to be noticed.")
    res = extract_text(text, PUB)
    assert not res.is_protest_report and res.events == []


def test_opinion_word_alone_in_a_menu_does_not_reject_a_report() -> None:
    text = ("Opinion\n\n"
            "Hundreds of nurses rallied outside Mercy Hospital in Fresno, California, on Monday to "
            "demand safer staffing, chanting and carrying signs.")
    res = extract_text(text, PUB)
    assert res.is_protest_report and [e.locality for e in res.events] == ["Fresno"]


def test_a_memorial_story_dense_with_history_is_no_report() -> None:
    # three words of history in about 115: the retrospective frame outweighs the strike words
    text = ("Mill workers who led a strike that shut the Elmwood paper mill in 1971 helped break ground "
            "on Monday for a memorial plaza honoring their struggle and its legacy, joined by the mayor, "
            "union members and their families.\n\n"
            "The square keeps alive the memory of the strike during which the mill hands demanded better wages and "
            "safer machines. The workers carried signs for weeks and met with the governor, and the mill "
            "agreed to a new contract that autumn.\n\n"
            "The plaza will open to visitors next spring, with benches, trees and a small fountain beside "
            "the river, where families often walk and where the old mill still stands today as a museum "
            "of the town's history.")
    assert not extract_text(text, None).is_protest_report


def test_an_action_told_as_continuing_is_news_despite_a_later_past_year() -> None:
    text = ("Municipal workers in Mansfield, Ohio, continued with their protest outside city hall over "
            "a pay rise agreed upon in 2023.")
    res = extract_text(text, PUB)
    assert res.is_protest_report and [e.locality for e in res.events] == ["Mansfield"]


def test_a_continued_action_told_in_a_past_year_stays_background() -> None:
    text = "In 2019, workers at the Elmwood plant continued their strike for six weeks."
    assert extract_text(text, PUB).events == []


# --- one action told twice ---------------------------------------------------------------------


def test_a_march_that_started_late_is_held_not_announced() -> None:
    text = ("DURHAM, N.C. - Hundreds of nurses marched from the hospital to the county courthouse in "
            "Durham on Tuesday to demand safer staffing.\n\n"
            "The march, which was planned for 8 a.m., began two hours behind time with about 300 marchers.")
    evs = extract_text(text, date(2025, 3, 12)).events
    assert [(e.locality, e.announced_only) for e in evs] == [("Durham", False)]


def test_a_feeder_march_from_another_square_joins_the_rally() -> None:
    text = ("Up to 5,000 people rallied outside the State Capitol in Boise, Idaho, on Wednesday to demand "
            "cheaper housing.\n\n"
            "Protesters began gathering at noon, while student groups marched from the Garden of Memory "
            "on Liberty Square. Many could not reach the Capitol, as the streets of downtown Boise were full.")
    evs = extract_text(text, PUB).events
    assert [e.locality for e in evs] == ["Boise"]
    assert {"rally", "march"} <= set(evs[0].event_type)


# --- threats, calls and campaign rallies -------------------------------------------------------


def test_a_strike_threatened_should_demands_fail_is_no_event() -> None:
    text = ("MANSFIELD, Ohio — Hundreds of workers rallied outside the county offices in Mansfield on "
            "Wednesday against the fuel price rise.\n\n"
            "The federation told its branches to mobilise members for a nationwide strike should the "
            "government fail to meet its demands.")
    assert [loc for loc, _ in _events(text)] == ["Mansfield"]


def test_an_undated_call_for_a_nationwide_strike_is_no_event() -> None:
    text = ("Thousands of demonstrators gathered outside parliament in Accra, Ghana, on Tuesday.\n\n"
            "An online post that circulated widely called for a nationwide strike and told workers to "
            "stay at home.")
    evs = _events(text)
    assert [loc for loc, _ in evs] == ["Accra"]


def test_a_held_general_strike_beside_a_call_stays_an_event() -> None:
    text = ("Unions held a one-day general strike across the country on Monday, closing ports and "
            "schools.\n\nThe federation called for further action against the new labour law.")
    assert [loc for loc, _ in _events(text)] == [None]


def test_a_candidates_own_rally_is_no_protest() -> None:
    text = ("The senator spoke to a crowd of 8,000 supporters at the fairgrounds in Elmira, New York, "
            "on Sunday. The rally, held eleven days before Election Day, brought in fans from all over the "
            "state, and his daughter spoke briefly at his rally.")
    res = extract_text(text, PUB)
    assert not res.is_protest_report and res.events == []
