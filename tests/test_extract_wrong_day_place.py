"""An action found at the wrong day or place on pages of one to four events: a date that names
another thing ("the Oct. 7 attacks") is not the action's day; a reported action told again as it
stood before it began ("were set to march") is not a second, announced event on a day ahead; a
school named like a town in a state the page never names is not that town. All sentences are
made up for these tests."""

from __future__ import annotations

from datetime import date

from protestdb.extract import extract_text
from protestdb.extract.date_clauses import attributive_noun
from protestdb.extract.dates import find_dates
from protestdb.extract.nlp import load_nlp

PUB = date(2024, 10, 5)  # a Saturday


def _events(text: str, published: date = PUB) -> list[tuple[str | None, str | None, str | None, bool]]:
    res = extract_text(text, published)
    assert res.is_protest_report
    return [(e.locality, e.state, e.date, bool(e.announced_only)) for e in res.events]


def _noun_of(text: str, quote: str) -> str | None:
    m = next(d for d in find_dates(text, PUB) if d.quote == quote)
    noun = attributive_noun(load_nlp()(text), m)
    return None if noun is None else noun.text


def test_a_date_before_a_noun_tells_the_day_of_that_noun() -> None:
    assert _noun_of("Organizers timed the walk to precede the anniversary of the October 9 floods.", "October 9") == "floods"
    assert _noun_of("Hundreds rallied to mark the Jan. 6 riot.", "Jan. 6") == "riot"
    # a date told as an adverb modifies no noun
    assert _noun_of("Hundreds rallied in the square on Jan. 6.", "Jan. 6") is None


def test_the_day_of_an_attack_the_march_is_held_ahead_of_is_not_the_march_day() -> None:
    text = ("Tens of thousands of demonstrators marched through central Springfield, Illinois, calling for a "
            "ceasefire.\n\nOrganizers timed the march to precede the anniversary of the October 9 shelling.\n\n"
            "Police made 12 arrests on Saturday afternoon, a spokesman said.")
    evs = _events(text)
    assert [(loc, d) for loc, _st, d, _a in evs] == [("Springfield", "2024-10-05")]


def test_a_date_before_a_protest_word_or_a_day_word_still_dates_the_action() -> None:
    assert _events("Students held the May 1 rally in Springfield, Illinois.")[0][2] == "2024-05-01"
    assert _events("Hundreds of teachers rallied in Springfield, Illinois, on the Sept. 2 holiday.")[0][2] == "2024-09-02"


def test_a_march_told_as_it_stood_before_it_began_is_not_a_second_event_ahead() -> None:
    text = ("Nurses finish ten-day march in Fairbanks\n\n"
            "Nurses and their supporters march through Elmwood, Alaska, on day eight of their ten-day march on "
            "Wednesday.\n\n"
            "Hundreds of nurses finished the march at the Capitol in Fairbanks, Alaska, on Friday, demanding safe "
            "staffing.\n\n"
            "Speaking shortly before the nurses were due to march their final two miles, the governor vowed to "
            "veto the bill.")
    evs = _events(text)
    fairbanks = [e for e in evs if e[0] == "Fairbanks"]
    assert fairbanks == [("Fairbanks", "AK", "2024-10-04", False)]
    assert all(d is None or d <= PUB.isoformat() for _loc, _st, d, _a in evs)


def test_an_announcement_with_its_own_day_ahead_stays_beside_the_report() -> None:
    text = ("Students marched through downtown Fairbanks, Alaska, on Monday to demand lower tuition.\n\n"
            "They plan to rally again outside the Capitol next Friday, organizers said.")
    evs = _events(text)
    assert ("Fairbanks", "AK", "2024-09-30", False) in evs
    assert ("Fairbanks", "AK", "2024-10-11", True) in evs


def test_a_school_named_like_a_town_of_a_state_the_page_never_names_is_no_place() -> None:
    text = ("OAKLAND, Calif. - Teachers picketed outside schools in Oakland, Calif., on Thursday.\n\n"
            "A teacher at Westlake Middle School spoke at a rally with other teachers and parents at the plaza "
            "in front of City Hall.")
    evs = _events(text)
    assert {(loc, st) for loc, st, _d, _a in evs} == {("Oakland", "CA")}


def test_a_hospital_named_after_the_town_of_the_page_still_places_the_action() -> None:
    evs = _events("SALEM, Ore. - Nurses rallied outside Salem Hospital on Thursday to demand more staff.")
    assert [(loc, st) for loc, st, _d, _a in evs] == [("Salem", "OR")]


def test_the_surname_of_a_person_told_again_alone_is_no_place() -> None:
    from protestdb.extract.places import gazetteer_places

    text = ("Deputies fatally wounded 22-year-old Andre Littleton during a traffic stop. At a briefing on "
            "Friday evening, the sheriff played a video showing Littleton firing first at the deputies.")
    quotes = [p.quote for p in gazetteer_places(text, load_nlp()(text))]
    assert "Littleton" not in quotes
    # told as a site, or with its state, the name is the town
    text2 = "Protesters rallied in Littleton, Colo., on Saturday after the death of Dana Littleton."
    assert "Littleton" in [p.quote for p in gazetteer_places(text2, load_nlp()(text2))]


def test_a_city_tagged_as_a_person_gives_no_surname() -> None:
    # a two-word city read as a person's name ("Daly City") makes no later "City" a surname
    text = ("Daly City Mayor Juslyn Manalo said hundreds marched Saturday. Protesters also gathered at Kansas "
            "City Hall and outside the Oklahoma City police headquarters.")
    assert {(loc, st) for loc, st, _d, _a in _events(text)} == {("Oklahoma City", "OK")}
    from protestdb.extract.places import _surnames_again

    assert _surnames_again("Rallies in Fort Collins and Collins Park.", {"Fort Collins"}) == []
    assert _surnames_again("Then the Chula Vista march.", {"Mara Chula Vista"}) == []
    # the surname is masked alone, not where it ends a longer capitalised name
    t = "Sen. Dana Quillby spoke. Quillby said the Port Quillby crowd grew."
    assert _surnames_again(t, {"Dana Quillby"}) == [(t.index("Quillby said"), t.index("Quillby said") + 7)]


def test_a_venue_on_a_street_named_for_a_town_stays_in_the_one_city() -> None:
    text = "Relatives of a man shot by Houston police held a vigil on Friday night at the Austin Street Center."
    assert {(loc, st) for loc, st, _d, _a in _events(text)} == {("Houston", "TX")}
    from protestdb.extract.drafting import _town_names_street

    assert _town_names_street("the Austin Street Center", "Austin")
    assert not _town_names_street("the Austin Friendship Center", "Austin")


def test_a_street_at_a_crossing_is_no_town() -> None:
    evs = _events("DETROIT - About 200 people marched on Saturday from the intersection of Jefferson and "
                  "Springfield to police headquarters in Detroit.")
    assert {(loc, st) for loc, st, _d, _a in evs} == {("Detroit", "MI")}
    from protestdb.extract.places import street_crossing

    text = "They met at the corner of Springfield and Main."
    assert street_crossing(text, text.index("Springfield"))
    assert street_crossing(text.replace("Springfield and Main", "Main and Springfield"), text.index("Springfield") + 9)
    text3 = "They marched in Springfield and Peoria."
    assert not street_crossing(text3, text3.index("Peoria"))


def test_a_venue_named_for_a_town_of_the_state_beats_the_one_city_named() -> None:
    text = ("Relatives of a teenager who died in a Tulsa police chase pressed on Tuesday for the dashcam video.\n\n"
            "\"Tell us the truth,\" his aunt told a vigil held Monday evening at the Oklahoma City Friendship Center.\n\n"
            "About 50 people later blocked traffic on the avenue.")
    assert {(loc, st) for loc, st, _d, _a in _events(text)} == {("Oklahoma City", "OK")}
    # a venue of a town in another state than the one city's does not move the action there
    other = text.replace("Oklahoma City Friendship Center", "Denver Friendship Center")
    assert {(loc, st) for loc, st, _d, _a in _events(other)} == {("Tulsa", "OK")}


def test_an_action_at_many_sites_across_the_country_is_not_the_datelines() -> None:
    text = ("Coffee workers stage one-day strike\n\n"
            "CHICAGO (AP) — Baristas at nearly 90 U.S. Beanhouse cafes went on strike Thursday, a walkout the "
            "union called its biggest so far.\n\n"
            "The union said it expected more than 3,000 workers to take part.")
    evs = _events(text, date(2023, 11, 16))
    assert [(loc, st, d) for loc, st, d, _a in evs] == [(None, None, "2023-11-16")]
    # the dateline's own action stays there
    local = "CHICAGO (AP) — Hundreds of coffee workers marched downtown Thursday to demand better pay."
    assert [(loc, st) for loc, st, _d, _a in _events(local, date(2023, 11, 16))] == [("Chicago", "IL")]


def test_an_announcement_dated_by_other_words_than_the_reports_stays() -> None:
    text = ("FAIRBANKS, Alaska — Parents who marched to the school district office last week to oppose the closing "
            "of two schools say they plan to come back Tuesday, when the board is set to vote.\n\n"
            "About 80 people took part in last week's march, organizers said. They are asking neighbors to fill "
            "the meeting room and to rally outside before it starts.")
    evs = _events(text, date(2025, 3, 10))
    assert any(a and d == "2025-03-11" for _loc, _st, d, a in evs)


def test_an_announced_follow_up_dated_by_the_reported_day_stays_without_a_day() -> None:
    # "on Wednesday" is the reported march's day (Oct. 2): the follow-up does not borrow it, nor is it dropped
    text = ("Nurses march in Fairbanks, Alaska, on Wednesday to demand safe staffing.\n\n"
            "The union said nurses in Fairbanks plan to march again and to strike, if the hospital does not negotiate.")
    res = extract_text(text, PUB)
    got = [(e.locality, e.date, e.date_precision, bool(e.announced_only)) for e in res.events]
    assert ("Fairbanks", "2024-10-02", "day", False) in got
    assert ("Fairbanks", None, "unknown", True) in got


def _echo_doc(drafts: int, afar: set[int]) -> object:
    from types import SimpleNamespace

    from protestdb.extract.document import ExtractDoc
    from protestdb.extract.segment import split_text

    text = ("Nurses march in Fairbanks, Alaska, on Wednesday.\n\n"
            "The march in Fairbanks was set to start at noon.\n\n"
            "Teachers rallied in Juneau, Alaska, on Thursday.")
    doc = ExtractDoc(text, PUB)
    doc.layout = split_text(text, None, "en")
    wed = SimpleNamespace(start=text.index("Wednesday"), end=text.index("Wednesday") + 9)

    def ev(i: int, loc: str, day: str, announced: bool, word: str) -> SimpleNamespace:
        at = text.index(word)
        return SimpleNamespace(index=i, locality=loc, state="AK", country="US", date=day, end_date=None,
                               date_precision="day", announced_only=announced,
                               evidence={"date": [wed], "event_type": [SimpleNamespace(start=at, end=at + 5)]})

    doc.events = [ev(0, "Fairbanks", "2024-10-02", False, "march"), ev(1, "Fairbanks", "2024-10-09", True, "march in Fairbanks was"),
                  ev(2, "Juneau", "2024-10-03", False, "rallied")]
    doc.drafts = [object() for _ in range(drafts)]
    doc.memo["dated_from_afar"] = afar
    return doc


def test_an_echo_told_as_a_past_plan_is_dropped_and_the_rest_renumbered() -> None:
    from protestdb.extract.echoes import drop_announced_echoes

    doc = _echo_doc(4, {1, 2})  # filling stopped on its time budget: one draft was never filled
    first, rest = doc.drafts[0], doc.drafts[2:]
    assert drop_announced_echoes(doc) == [1]
    assert [(e.index, e.locality) for e in doc.events] == [(0, "Fairbanks"), (1, "Juneau")]
    assert doc.drafts == [first, *rest]
    assert doc.memo["dated_from_afar"] == {1}
