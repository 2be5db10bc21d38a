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
    text = "Some 2,500 teachers are expected to descend on the state Capitol in Des Moines, Iowa, on Saturday to rally for pay."
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


def test_the_present_of_an_embedded_post_is_the_day_it_was_posted() -> None:
    # the page is stamped Sunday; the post telling the rally as going on was signed Saturday
    text = (
        "Updated June 9, 2024 at 6:20 PM ET\n"
        "Teachers rallied across the state over the weekend.\n"
        "I'm outside the Capitol in Salem, Oregon, where hundreds of teachers are rallying for smaller classes.\n"
        "— Jo Doe (@jodoe_news) June 8, 2024\n"
        "Organizers said more events would follow."
    )
    got = _by_town(text, date(2024, 6, 9))
    assert {e.date for e in got.get("Salem", [])} == {"2024-06-08"}
    (ev,) = got["Salem"]
    assert [x.quote for x in ev.evidence["date"]] == ["June 8, 2024"]


def test_post_day_reads_only_the_signature_that_ends_the_post() -> None:
    from protestdb.extract.furniture import post_day

    text = "Crowds are marching downtown.\n— Jo Doe (@jodoe) June 8, 2024\n\nLater text.\n\nMore.\n\nEven more.\n— Al Roe (@alroe) June 1, 2024"
    got = post_day(text, 0)
    assert got is not None and got[0] == date(2024, 6, 8)
    assert post_day(text, text.index("Later")) is None  # three line breaks away: not this post's


def test_an_old_post_below_the_page_own_line_keeps_the_page_day() -> None:
    # the page's own line tells the rally as going on; a years-old post quoted below it is context
    text = (
        "Updated June 10, 2024 at 9:00 AM ET\n"
        "Hundreds of nurses are rallying outside City Hall in Dayton, Ohio.\n"
        "Safe staffing saves lives! pic.twitter.com/zz9\n"
        "— Brackton Nurses (@bracktonrn) March 3, 2021\n"
        "The rally continues until noon."
    )
    got = _by_town(text, date(2024, 6, 10))
    assert {e.date for e in got.get("Dayton", [])} == {"2024-06-10"}


def test_post_day_needs_the_post_own_lines_and_a_recent_post() -> None:
    from protestdb.extract.furniture import post_day

    pub = date(2024, 6, 10)
    page = "Nurses are rallying in Brackton.\nSafe staffing now! pic.twitter.com/zz9\n— Rn Union (@rnunion) June 9, 2024\nMore."
    assert post_day(page, 0, pub=pub) is None  # the page's line above the post's own line
    assert post_day(page, page.index("Safe"), pub=pub) is not None
    old = "Safe staffing now, we are rallying!\n— Rn Union (@rnunion) March 3, 2021"
    assert post_day(old, 0) is not None and post_day(old, 0, pub=pub) is None  # three years old


def test_a_negated_plan_is_no_announced_event() -> None:
    text = ("Hundreds of teachers marched in Dayton, Ohio, on Saturday against the budget cuts. "
            "Police said there are no further protests planned in the city.")
    got = _by_town(text, date(2024, 6, 10))
    assert [(e.date, e.announced_only) for e in got.get("Dayton", [])] == [("2024-06-08", False)]


def test_the_paragraph_fallback_keeps_another_clause_day_rejected() -> None:
    # published Sunday: the picket's own sentence tells only the board's day (a relative clause)
    text = ("Thousands of teachers rallied in Columbus, Ohio, on Saturday against the school budget.\n\n"
            "In Dayton, about 200 teachers picketed the district office, where the board had met on Tuesday.")
    got = _by_town(text, date(2024, 6, 9))
    assert "2024-06-04" not in {e.date for e in got.get("Dayton", [])}
    assert got.get("Dayton")


def test_same_day_past_perfect_is_no_background() -> None:
    # "By noon they had already marched": the day's own order of events, no earlier action
    text = ("Nurses gathered at the union hall in Dayton, Ohio, on Saturday morning. "
            "By noon they had already marched to City Hall.")
    got = _by_town(text, date(2024, 6, 10))
    assert any("march" in e.event_type for e in got.get("Dayton", []))


def test_past_perfect_with_an_earlier_time_is_background() -> None:
    from protestdb.extract.background import old_cues

    text = "The nurses had already marched on City Hall last month."
    assert old_cues(text, 0, len(text), date(2024, 6, 10), "en")
    text = "By noon the nurses had already marched on City Hall."
    assert not old_cues(text, 0, len(text), date(2024, 6, 10), "en")
