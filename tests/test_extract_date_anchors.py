"""Dates on real pages: a weekday name means the day the text states with it, announced actions
take the day ahead (not the announcement's "today"), archive-photo captions do not date the
news, and a page without a date keeps its date words without a guessed day."""

from __future__ import annotations

from datetime import date

from protestdb.extract import extract_text
from protestdb.extract.dates import find_dates


def _by_quote(text: str, published: date | None, lang: str = "en") -> dict[str, object]:
    return {m.quote: m for m in find_dates(text, published, lang)}


def test_weekday_takes_the_day_the_text_states() -> None:
    # the page is stamped Thursday, the text tells Friday's date: "early Friday" is that Friday
    text = (
        "Miners went on strike early Friday at the Ridgeway pit. "
        "The union leader spoke at the gate early Friday, Oct. 4, 2024, as the shift walked out."
    )
    got = _by_quote(text, date(2024, 10, 3))
    assert got["early Friday"].value == date(2024, 10, 4)
    assert got["early Friday"].future_value == date(2024, 10, 4)


def test_weekday_without_a_stated_day_resolves_against_the_page_date() -> None:
    got = _by_quote("Miners went on strike early Friday. Talks resume on Oct. 21, 2024.", date(2024, 10, 3))
    assert got["early Friday"].value == date(2024, 9, 27)  # Oct. 21 is a Monday, too far to anchor


def test_a_stated_day_ahead_does_not_anchor_a_past_weekday() -> None:
    # published Thursday Oct. 3; "late Wednesday" is Oct. 2, not the Wednesday of next week's hearing
    got = _by_quote("Nurses rallied late Wednesday. A hearing is set for Wednesday, Oct. 9, 2024.", date(2024, 10, 3))
    assert got["late Wednesday"].value == date(2024, 10, 2)


def test_last_and_next_weekdays_are_not_anchored() -> None:
    got = _by_quote("Nurses marched last Friday. The union spoke on Friday, Oct. 4, 2024.", date(2024, 10, 3))
    assert got["last Friday"].value == date(2024, 9, 27)


def test_page_without_date_anchors_only_to_a_day_named_with_its_weekday() -> None:
    text = "Dockers struck on Tuesday, March 4, 2025, and again on Tuesday evening."
    got = _by_quote(text, None)
    assert got["Tuesday evening"].value == date(2025, 3, 4)
    # an undated page: "Wednesday" and a date that is a Wednesday but was never called one
    got = _by_quote("The unions marched on Aug. 2, 2023. For a second day Wednesday, the strike held.", None)
    assert got["Wednesday"].value is None and got["Wednesday"].precision == "unknown"


def test_spanish_weekday_anchor() -> None:
    got = _by_quote("Los mineros marcharon el martes 4 de marzo de 2025. El martes hubo otra marcha.", None, "es")
    assert got["martes"].value == date(2025, 3, 4)


def test_announced_vigils_take_the_day_ahead_not_the_announcement_day() -> None:
    # published Tuesday 2025-03-11; "today" is the announcement, "next Friday" the vigils
    text = (
        "A coalition of faith groups announced today that vigils will be held next Friday outside the "
        "immigration detention center in Tacoma, Washington, to demand its closure."
    )
    res = extract_text(text, date(2025, 3, 11), geocode=False)
    assert res.is_protest_report and res.events
    assert {e.date for e in res.events} == {"2025-03-14"}
    assert all(e.announced_only for e in res.events)


def test_spanish_announced_plural_future() -> None:
    text = (
        "Varias vigilias se llevarán a cabo el próximo viernes frente al centro de detención de Tacoma, "
        "Washington, para exigir su cierre, anunció hoy una coalición de organizaciones."
    )
    res = extract_text(text, date(2025, 3, 11), geocode=False)
    assert res.events and {e.date for e in res.events} == {"2025-03-14"}


def test_spanish_next_month_in_a_past_report_is_no_announcement() -> None:
    text = (
        "Miles de trabajadores marcharon el martes en el centro de Tacoma, Washington, y pidieron a los "
        "residentes que voten en las elecciones del próximo mes."
    )
    res = extract_text(text, date(2025, 3, 12), geocode=False)  # a Wednesday
    assert res.events and {e.date for e in res.events} == {"2025-03-11"}
    assert not any(e.announced_only for e in res.events)


def test_file_photo_caption_does_not_date_the_news() -> None:
    text = (
        "Dock workers strike across Freeland\n\n"
        "FILE - Dock workers march in the capital on Aug. 2, 2023, during an earlier dispute.\n\n"
        "Freeland's dock unions have begun a nationwide strike over unpaid wages, the union federation said. "
        "For a second day Wednesday, the nationwide strike held firm at every port."
    )
    res = extract_text(text, None, geocode=False)
    assert res.is_protest_report and res.events
    for ev in res.events:
        assert ev.date is None
        assert ev.date_precision == "unknown"
        quotes = [e.quote for e in ev.evidence.get("date_precision", [])]
        assert quotes and all("2023" not in q for q in quotes)


def test_ongoing_action_without_its_own_date_takes_the_page_date() -> None:
    # the lead's "Monday night" dates the arrests at one campus; the encampments that "have
    # started" elsewhere are told as going on when the page was written (Tuesday)
    text = (
        " date 2025-03-11\n\n"
        "On Monday night, police arrested 40 protesters at Ridgeway College in Albany, New York.\n\n"
        "Others are ongoing. Students have set up encampments at the University of Vermont in Burlington, "
        "Vermont, demanding divestment."
    )
    res = extract_text(text, date(2025, 3, 11), geocode=False)
    by_place = {e.locality: e for e in res.events}
    assert by_place["Albany"].date == "2025-03-10"
    ev = by_place["Burlington"]
    assert ev.date == "2025-03-11" and ev.date_precision == "day"
    assert [e.quote for e in ev.evidence["date"]] == ["2025-03-11"]  # the page's own stamp


def test_called_rally_is_not_ongoing() -> None:
    text = (
        "Hotel workers will mark May Day across the region on May 1.\n\n"
        "The hotel workers union has called a rally at Lafayette Park in Portland, Maine, to win support "
        "for its contract fight."
    )
    res = extract_text(text, date(2025, 4, 26), geocode=False)
    assert res.events
    assert all(e.date != "2025-04-26" for e in res.events)


def test_planned_rally_reads_its_weekday_ahead() -> None:
    text = (
        "Farmworkers march from Lindell to Sacramento\n\n"
        "Hundreds of farmworkers marched through Stockton, California, on Saturday.\n\n"
        "On Friday, a rally is also planned at the State Capitol in Sacramento, California."
    )
    res = extract_text(text, date(2025, 3, 12), geocode=False)  # a Wednesday
    by_place = {e.locality: e for e in res.events}
    assert by_place["Stockton"].date == "2025-03-08"
    assert by_place["Sacramento"].date == "2025-03-14"
    assert by_place["Sacramento"].announced_only


def test_todays_dates_an_action_not_an_era() -> None:
    got = _by_quote("Workers face today's deepening crisis. Today's march drew 300 people.", date(2025, 3, 12))
    assert list(got) == ["Today"]
    assert got["Today"].value == date(2025, 3, 12)


def test_published_and_updated_stamps() -> None:
    from protestdb.extract.furniture import published_date

    assert published_date("Updated 12:04 p.m. ET, March 12, 2025\n\nNurses rallied.")[0] == date(2025, 3, 12)
    assert published_date("Published 5:00 am Friday, March 7, 2025\n\nNurses rallied.")[0] == date(2025, 3, 7)
    two = "Updated: March 12, 2025 10:17 PM\nPublished: March 10, 2025 9:00 AM\n\nNurses rallied."
    assert published_date(two)[0] == date(2025, 3, 10)  # published on the first day, updated later


def test_perfect_of_experience_is_not_going_on() -> None:
    text = (
        " date 2025-06-30\n\n"
        "SPRINGFIELD, Mo. — About 45 people protested Saturday outside the Library Center, where a "
        "story hour was held.\n\n"
        "Library events have drawn protests in Joplin, Missouri, before."
    )
    res = extract_text(text, date(2025, 6, 30), geocode=False)
    assert all(e.date != "2025-06-30" for e in res.events)


def test_no_date_anywhere_ongoing_action_keeps_date_null_with_its_words() -> None:
    text = (
        "Residents of Kwa-Mbali are blocking the main road into the township with burning tyres, demanding "
        "water. They say they have been protesting since Saturday."
    )
    res = extract_text(text, None, geocode=False)
    assert res.is_protest_report and res.events
    for ev in res.events:
        assert ev.date is None and ev.date_precision == "unknown"
        assert [e.quote for e in ev.evidence.get("date_precision", [])] == ["Saturday"]


def test_the_date_hung_on_the_actions_verb_beats_a_nearer_background_date() -> None:
    # the rally's own verb carries "early Tuesday morning"; "last Thursday" is when the organizer was
    # detained, told nearer to the word "rally" of the next sentence
    text = ("Hundreds of teachers gathered outside the Marlow County school board office early Tuesday morning to"
            " demand the release of a union organizer, who was detained by immigration agents last Thursday. The"
            " rally ended by noon.")
    (ev,) = extract_text(text, published=date(2025, 4, 16)).events
    assert ev.date == "2025-04-15"


def test_a_date_of_a_speech_verb_is_not_the_actions_date() -> None:
    # "said Tuesday evening before the walkout": when it was said; the dock workers walked out Wednesday
    text = ("Dock workers walked off the job in Port Halvard on Wednesday as their contract expired. "
            "\"We did not want this,\" union president Dana Reyes said Tuesday evening before the walkout. "
            "The strike shut the harbor.")
    (ev,) = extract_text(text, published=date(2025, 4, 17)).events
    assert ev.date == "2025-04-16"


def test_a_verb_the_strike_is_only_the_object_of_a_preposition_of_does_not_date_it() -> None:
    # "returned ... Thursday after a strike that ran from ...": the strike's own clause dates it
    text = ("Bakers at the Fenwick plant in Dunmore returned to work Thursday after a strike that ran from"
            " March 3 to March 5. The bakers' union said talks would resume.")
    (ev,) = extract_text(text, published=date(2025, 3, 7)).events
    assert ev.date == "2025-03-03"


def test_a_day_in_the_page_address_dates_a_page_without_one() -> None:
    from protestdb.extract.furniture import url_day

    assert url_day("https://news.example.org/2024/04/25/students-rally-downtown/") == date(2024, 4, 25)
    assert url_day("https://example.org/local/2021-09-15-housing-march") == date(2021, 9, 15)
    assert url_day("https://example.org/2021/09/housing-march") is None  # a month is no day
    assert url_day("https://example.org/story?id=2024/13/45") is None
    text = "Hundreds of students rallied on Wednesday outside the city hall in Fairview, Ohio, to demand lower fees."
    got = extract_text(text, None, url="https://news.example.org/2024/04/25/students-rally/", geocode=False)
    assert [ev.date for ev in got.events] == ["2024-04-24"]
    undated = extract_text(text, None, url="https://news.example.org/students-rally/", geocode=False)
    assert [(ev.date, ev.date_precision) for ev in undated.events] == [(None, "unknown")]
