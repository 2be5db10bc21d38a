"""Dates of actions told away from their own words: a preview's cities take the day ahead, and a
roundup item's own paragraph dates it (invented sentences)."""

from __future__ import annotations

from datetime import date

from protestdb.extract import extract_text


def _by_town(text: str, published: date | None) -> dict[str | None, list[object]]:
    out: dict[str | None, list[object]] = {}
    for ev in extract_text(text, published, geocode=True).events:
        out.setdefault(ev.locality, []).append(ev)
    return out


def test_cities_listed_as_planned_take_the_announced_day() -> None:
    # published Thursday 2024-03-14: the marches are Saturday's, ahead; nothing happened yet
    text = (
        "Marches against school shootings on Saturday will follow the main march in the capital.\n\n"
        "In Ohio, there are marches planned in Dayton, Toledo and Akron as well."
    )
    got = _by_town(text, date(2024, 3, 14))
    for town in ("Dayton", "Toledo", "Akron"):
        assert town in got
        assert all(e.announced_only and e.date == "2024-03-16" for e in got[town])


def test_crowds_expected_to_descend_is_an_announcement() -> None:
    text = "As many as 3,000 people are expected to descend on the Statehouse in Des Moines, Iowa, Saturday afternoon for a rally."
    (ev,) = [e for e in extract_text(text, date(2024, 3, 14)).events if e.locality == "Des Moines"] or [None]
    assert ev is not None and ev.announced_only
    assert ev.date == "2024-03-16"


def test_a_roundup_item_takes_the_day_its_own_paragraph_tells() -> None:
    # published Sunday 2024-06-09: each item's paragraph tells its own day
    text = (
        "1. Fairview, Oregon -- Thousands of teachers filled Fairview's main square Saturday morning. "
        "The rally drew a larger crowd than organizers had estimated.\n\n"
        "2. Salem -- The protests in Salem, which began Friday night with a concert, went on through the weekend."
    )
    got = _by_town(text, date(2024, 6, 9))
    assert {e.date for e in got.get("Fairview", [])} == {"2024-06-08"}
    # the Salem item's own paragraph tells its first day, not the Fairview item's Saturday
    assert {e.date for e in got.get("Salem", [])} == {"2024-06-07"}
