"""Pages that tell one event: an action keeps its own day under a lede of another; a state-placed action on a day
of its own stays apart; a plan told for the day and city of a reported action may be an action of
its own. All sentences are made up for these tests."""

from __future__ import annotations

from datetime import date

from protestdb.extract import extract_text

PUB = date(2024, 10, 9)  # a Wednesday


def _events(text: str, published: date = PUB) -> list[tuple[str | None, str | None, str | None, bool]]:
    res = extract_text(text, published)
    assert res.is_protest_report
    return [(e.locality, e.state, e.date, bool(e.announced_only)) for e in res.events]


def test_a_state_placed_action_on_a_day_of_its_own_stays() -> None:
    text = ("Protesters blocked two highway ramps in Oregon on Tuesday to oppose the pipeline.\n\n"
            "About 200 demonstrators also rallied outside the Capitol in Salem on Wednesday.")
    assert _events(text) == [(None, "OR", "2024-10-08", False), ("Salem", "OR", "2024-10-09", False)]


def test_a_march_and_a_later_rally_told_as_planned_the_same_day_stay_two() -> None:
    # one page, one city, one day, two actions: the one told as planned is not the one reported
    text = ("Hundreds of farm workers marched through downtown Fresno, California, on Wednesday morning to demand "
            "higher wages.\n\n"
            "A second group plans to rally outside City Hall in Fresno later on Wednesday evening, organizers said.")
    events = _events(text)
    assert len(events) == 2
    assert {e[0] for e in events} == {"Fresno"}


def test_an_action_keeps_its_own_day_under_a_lede_of_another_day() -> None:
    # the lede's day, told again for another action ("a day before the ... march on Saturday"), does
    # not date this one: the vigil stays on its own Friday
    text = ("Demonstrators around the nation paraded against the draft on Saturday.\n\n"
            "In Quincy, Illinois, some 150 residents kept a silent vigil on Friday night, one day ahead of the "
            "nationwide parade on Saturday.")
    assert _events(text, date(2024, 10, 7)) == [("Quincy", "IL", "2024-10-04", False)]
