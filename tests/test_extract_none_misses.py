"""Gold events that got no candidate at all (the ``none`` misses of the real-news benchmark):
the general shapes of news writing behind them, pinned with invented sentences."""

from __future__ import annotations

from datetime import date

from protestdb.extract import extract_text

PUB = date(2024, 3, 8)


def _events(text: str) -> list[tuple[str | None, tuple[str, ...]]]:
    res = extract_text(text, PUB)
    return sorted(((e.locality, tuple(sorted(e.event_type))) for e in res.events), key=lambda x: (x[0] or "", x[1]))


def test_a_city_march_during_a_named_nationwide_boycott_is_two_events() -> None:
    # the city's march, and the nation's boycott it is part of (DESIGN's founding case)
    got = _events('Hundreds of immigrants marched in Dayton, Ohio, on Thursday during the "Day Without '
                  'Immigrants" protest, organizers said.')
    assert got == [(None, ("boycott", "strike")), ("Dayton", ("march",))]


def test_a_rally_as_part_of_a_named_nationwide_action_is_two_events() -> None:
    got = _events("Restaurants closed and workers rallied in Dayton, Ohio, on Thursday as part of A Day "
                  "Without Immigrants.")
    assert got == [(None, ("boycott", "strike")), ("Dayton", ("rally",))]


def test_a_named_nationwide_action_only_remembered_is_not_the_city_s_kind() -> None:
    got = _events("Hundreds marched in Dayton, Ohio, on Thursday to remember the Day Without Immigrants of 2006.")
    assert got == [("Dayton", ("march",))]


def test_a_named_nationwide_action_only_called_for_is_no_event() -> None:
    got = _events("Students marched in Dayton, Ohio, on Thursday and called for A Day Without Immigrants next month.")
    assert got == [("Dayton", ("march",))]


def test_a_city_whose_only_action_is_the_named_one_keeps_it() -> None:
    got = _events("Immigrant workers in Dayton, Ohio, stayed home on Thursday for A Day Without Immigrants.")
    assert got == [("Dayton", ("boycott", "strike"))]


_FAR_COUNTER = (
    "Hundreds of protesters marched through central {city} on Saturday against the new vaccine rules.\n\n"
    '"We want our freedom back," one marcher told reporters.\n\n'
    "Police said there were no arrests.\n\n"
    "Officials said all roads had reopened by the evening.\n\n"
    "A second rally was held later at a park near the hospital.\n\n"
    "Counter-protesters were also in the area {day}.\n"
)


def test_counter_protesters_told_without_a_place_answer_the_one_located_action() -> None:
    got = _events(_FAR_COUNTER.format(city="Denver", day="on Saturday"))
    assert ("Denver", ("counter-protest",)) in got
    assert ("Denver", ("march",)) in got


def test_counter_protesters_on_another_day_are_not_placed_at_the_action() -> None:
    got = _events(_FAR_COUNTER.format(city="Denver", day="on Monday"))
    assert ("Denver", ("counter-protest",)) not in got


def test_counter_protesters_without_a_place_beside_two_cities_get_no_guess() -> None:
    text = _FAR_COUNTER.format(city="Denver", day="on Saturday").replace(
        "Police said", "Hundreds more marched in Boulder on Saturday.\n\nPolice said")
    got = _events(text)
    assert not any(ty == ("counter-protest",) for _loc, ty in got)

