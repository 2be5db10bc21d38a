"""Issue 3, round 3: general mechanisms for unseen news (own example sentences, no gold text).

- background: protest words told of a time before the news window open no event;
- dates: a date inside the news window beats an older one told nearer the action;
- relevance: a document score (evidence that an action happened, minus non-protest frames);
- crowd sentences: in a report, "crowds gathered in X" / "police counted 3,000 in Y" are events;
- places: a place word that starts a longer name ("Jackson Square") is no event place; a state
  named right before a city, and a big city's size, decide which namesake is meant.
"""

from __future__ import annotations

from datetime import date

import pytest

from protestdb.extract import extract_text
from protestdb.extract.background import background_sentences, date_status, old_cues
from protestdb.extract.dates import find_dates
from protestdb.extract.relevance import frame_density
from protestdb.extract.segment import split_text

PUB = date(2025, 3, 12)


def _places(res) -> set[tuple[str | None, str | None]]:
    return {(e.locality, e.state) for e in res.events}


# --- background --------------------------------------------------------------------------


def test_old_cues_past_year_and_relative_expressions() -> None:
    text = "In 2019, students marched. Two years ago a rally was held. Voters rallied in 2025."
    spans = old_cues(text, 0, len(text), PUB, "en")
    quotes = {text[a:b] for a, b in spans}
    assert "2019" in quotes
    assert "Two years ago" in quotes
    assert "2025" not in quotes


def test_date_status_window() -> None:
    dates = find_dates("They rallied Monday. Last June they marched. A vote is set for April.", PUB)
    by_quote = {m.quote: m for m in dates}
    assert date_status(by_quote["Monday"], PUB) == "in"
    assert date_status(by_quote["Last June"], PUB) == "old"
    assert date_status(by_quote["April"], PUB, announced=True) == "in"


def test_background_sentence_needs_no_fresh_date() -> None:
    text = (
        "Nurses rallied outside Mercy Hospital on Monday.\n\n"
        "Last summer, a similar rally drew 300 people.\n\n"
        "The rally on Monday was the largest since 2019."
    )
    layout = split_text(text, None, "en")
    bg = background_sentences(text, layout, find_dates(text, PUB), PUB, "en")
    kinds = {layout.sent_text(i): v for i, v in bg.items()}
    assert any(s.startswith("Last summer") for s in kinds)
    assert not any(s.startswith("Nurses") or s.startswith("The rally on Monday") for s in kinds)


def test_history_paragraph_opens_no_event() -> None:
    text = (
        "BOULDER, Colo. — About 300 students marched across the University of Colorado campus on "
        "Tuesday, chanting and carrying signs demanding lower tuition.\n\n"
        "In 2016, students in Fort Collins staged a similar march against fee increases.\n\n"
        "Organizers said they would keep up the pressure."
    )
    res = extract_text(text, PUB, geocode=False)
    assert res.is_protest_report
    assert ("Boulder", "CO") in _places(res)
    assert not any(e.locality == "Fort Collins" for e in res.events)


def test_text_about_old_protests_only_is_no_report() -> None:
    text = (
        "Court dismisses claims over 2018 demonstrations\n\n"
        "TRENTON, N.J. — A federal judge on Monday dismissed the last remaining claims in a lawsuit "
        "over police tactics during the 2018 demonstrations downtown.\n\n"
        "Two years ago, the city settled with 14 protesters who were arrested during the marches."
    )
    res = extract_text(text, PUB, geocode=False)
    assert not res.events


def test_fresh_date_beats_nearer_old_date() -> None:
    text = (
        "DAYTON, Ohio — Nearly 200 people gathered Saturday evening at the corner where a teenager "
        "was struck by a police cruiser last month, holding a vigil and chanting his name."
    )
    res = extract_text(text, date(2025, 6, 16), geocode=False)
    assert [e.date for e in res.events] == ["2025-06-14"]


# --- relevance ---------------------------------------------------------------------------


def test_frame_density_finds_the_frame() -> None:
    sports = (
        "The Tigers rallied in the ninth inning to beat the Hawks 5-4. The coach said the team "
        "filed a protest with the league over an umpire's call in the game. The season resumes."
    )
    name, dens = frame_density(sports, "en")
    assert name == "sports"
    assert dens > 3.0
    name2, dens2 = frame_density("Nurses marched downtown on Monday demanding safe staffing.", "en")
    assert dens2 < 2.0


@pytest.mark.parametrize(
    "text",
    [
        # sports
        "The Tigers rallied from a 3-0 deficit in the ninth inning to beat the Hawks. The coach said "
        "the team will file a protest with the league over an umpire's call. Fans at the stadium "
        "cheered the comeback as the season's standings tightened. The game ended after 11 innings.",
        # weather
        "A line of storms marched across the plains on Monday night, knocking out power to 40,000 "
        "customers. Forecasters at the National Weather Service said more thunderstorms and strong "
        "winds were likely, with a tornado watch until midnight and flooding in low areas.",
        # permits ordinance: generic talk about demonstrations
        "The county board voted 5-2 on Tuesday to require permits for any demonstration expected to "
        "draw more than 100 people. The ordinance lets police disperse marches without a permit. "
        "Attorneys said the permit rules could be challenged in court; a judge may hear an appeal.",
    ],
)
def test_non_protest_frames_are_no_report(text: str) -> None:
    res = extract_text(text, PUB, geocode=False)
    assert not res.is_protest_report
    assert not res.events


def test_protest_report_survives_relevance() -> None:
    text = (
        "RENO, Nev. — More than 150 teachers rallied outside the Washoe County school district "
        "offices on Tuesday, carrying signs and demanding smaller classes."
    )
    res = extract_text(text, PUB, geocode=False)
    assert res.is_protest_report
    assert ("Reno", "NV") in _places(res)


# --- crowd sentences (roundups) ----------------------------------------------------------


def test_crowd_sentences_in_roundup_are_events() -> None:
    text = (
        "Thousands rally for transit funding in Western cities\n\n"
        "Transit riders rallied in several cities on Saturday, demanding more bus service.\n\n"
        "In Spokane, Wash., about 600 people rallied outside City Hall. Police in Eugene, Ore., "
        "counted about 400 near the federal courthouse, and crowds also gathered in Boise, Idaho."
    )
    res = extract_text(text, date(2025, 4, 13), geocode=False)
    got = _places(res)
    assert ("Spokane", "WA") in got
    assert ("Eugene", "OR") in got
    assert ("Boise", "ID") in got
    assert all(e.date == "2025-04-12" for e in res.events if e.locality in ("Eugene", "Boise"))


def test_crowd_sentence_needs_a_report() -> None:
    text = "About 40,000 fans filled the stadium in Denver on Sunday to watch the game."
    res = extract_text(text, PUB, geocode=False)
    assert not res.events


# --- places ------------------------------------------------------------------------------


def test_place_starting_a_longer_name_is_no_event_place() -> None:
    text = (
        "NEW ORLEANS — About 500 people rallied at Jackson Square on Saturday, demanding that the "
        "city keep its public pools open, then marched to City Hall."
    )
    res = extract_text(text, date(2025, 7, 14), geocode=False)
    assert _places(res) == {("New Orleans", "LA")}


def test_state_named_before_city_decides() -> None:
    text = (
        "Rallies for voting rights were held Saturday in Atlanta, Ga., and Raleigh, N.C., "
        "organizers said.\n\nThousands filled the lawn of the Ohio Statehouse in Columbus, "
        "chanting and waving signs."
    )
    res = extract_text(text, date(2025, 4, 13), geocode=False)
    assert ("Columbus", "OH") in _places(res)
    assert ("Columbus", "GA") not in _places(res)


def test_big_city_not_replaced_by_small_namesake_of_context_state() -> None:
    text = (
        "Protesters rallied Saturday in Raleigh, N.C., and Charlotte, N.C., demanding Medicaid "
        "funding.\n\nIn Denver, about 2,000 people marched to the Capitol, chanting."
    )
    res = extract_text(text, date(2025, 4, 13), geocode=False)
    assert ("Denver", "CO") in _places(res)
    assert ("Denver", "NC") not in _places(res)


# --- negation, parades -------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "BANGOR, Maine — Bus drivers voted Sunday to authorize a strike, but no date has been set for "
        "a walkout and talks with the transit authority continue. Drivers will not strike this month.",
        "OMAHA, Neb. — More than 8,000 veterans, scouts and high school bands marched down Dodge "
        "Street on Tuesday in the city's annual Memorial Day parade, watched by thousands of spectators.",
    ],
)
def test_negated_strikes_and_parades_are_no_events(text: str) -> None:
    res = extract_text(text, PUB, geocode=False)
    assert not res.events


# --- organizations -----------------------------------------------------------------------


def test_org_names_continue_over_connectors() -> None:
    from protestdb.extract.nlp import load_nlp
    from protestdb.extract.orgs import find_orgs

    text = (
        "The march was organized by Trabajadores Unidos por la Dignidad, the Coalition for the "
        "Homeless and Neighbors of Eastern Kentucky."
    )
    names = {o.name for o in find_orgs(text, [(0, len(text))], load_nlp()(text))}
    assert "Trabajadores Unidos por la Dignidad" in names
    assert not any(n.endswith((" and", " of", " por")) for n in names)


def test_holidays_and_agencies_are_no_organizers() -> None:
    text = (
        "TOLEDO, Ohio — About 700 people marched downtown on International Workers' Day, Thursday, "
        "demanding that ICE leave the city. The march was organized by the Northwest Ohio Labor "
        "Federation and ICE Out of Toledo."
    )
    res = extract_text(text, date(2025, 5, 2), geocode=False)
    orgs = {o for e in res.events for o in e.organizations}
    assert "Northwest Ohio Labor Federation" in orgs
    assert "ICE" not in orgs
    assert not any(o.startswith("International Workers") for o in orgs)


# --- sizes tied to their event -----------------------------------------------------------


def test_each_city_takes_the_crowd_of_its_clause() -> None:
    text = (
        "Rallies demanding clean water were held Saturday across the Midwest.\n\n"
        "Organizers counted 9,000 people in Milwaukee, while police in Duluth, Minn., estimated "
        "about 700 at the harbor, and organizers in Fargo, N.D., said 250 attended."
    )
    res = extract_text(text, date(2025, 4, 13), geocode=False)
    sizes = {e.locality: e.size_low for e in res.events}
    assert sizes.get("Milwaukee") == 9000
    assert sizes.get("Duluth") == 700
    assert sizes.get("Fargo") == 250


def test_crowd_told_in_another_sentence_of_the_paragraph() -> None:
    text = (
        "SALEM, Ore. — High school students walked out of class on Wednesday to protest cuts to "
        "after-school programs. The district said several hundred students took part."
    )
    res = extract_text(text, date(2025, 4, 10), geocode=False)
    assert [e.size_low for e in res.events] == [300]
