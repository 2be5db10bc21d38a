"""Relevance: is the article's news a protest (background history, non-protest frames)."""

from __future__ import annotations

import pytest

from conftest import (
    MAR_12_2025,
    event_places,
)
from protestdb.extract import extract_text
from protestdb.extract.background import background_sentences, date_status, old_cues
from protestdb.extract.dates import find_dates
from protestdb.extract.relevance import frame_density
from protestdb.extract.segment import split_text


@pytest.mark.regression("old cues past year and relative expressions")
def test_old_cues_past_year_and_relative_expressions() -> None:
    text = "In 2019, students marched. Two years ago a rally was held. Voters rallied in 2025."
    spans = old_cues(text, 0, len(text), MAR_12_2025, "en")
    quotes = {text[a:b] for a, b in spans}
    assert "2019" in quotes
    assert "Two years ago" in quotes
    assert "2025" not in quotes


@pytest.mark.regression("date status window")
def test_date_status_window() -> None:
    dates = find_dates("They rallied Monday. Last June they marched. A vote is set for April.", MAR_12_2025)
    by_quote = {m.quote: m for m in dates}
    assert date_status(by_quote["Monday"], MAR_12_2025) == "in"
    assert date_status(by_quote["Last June"], MAR_12_2025) == "old"
    assert date_status(by_quote["April"], MAR_12_2025, announced=True) == "in"


@pytest.mark.regression("background sentence needs no fresh date")
def test_background_sentence_needs_no_fresh_date() -> None:
    text = (
        "Nurses rallied outside Mercy Hospital on Monday.\n\n"
        "Last summer, a similar rally drew 300 people.\n\n"
        "The rally on Monday was the largest since 2019."
    )
    layout = split_text(text, None, "en")
    bg = background_sentences(text, layout, find_dates(text, MAR_12_2025), MAR_12_2025, "en")
    kinds = {layout.sent_text(i): v for i, v in bg.items()}
    assert any(s.startswith("Last summer") for s in kinds)
    assert not any(s.startswith("Nurses") or s.startswith("The rally on Monday") for s in kinds)


@pytest.mark.regression("history paragraph opens no event")
def test_history_paragraph_opens_no_event() -> None:
    text = (
        "BOULDER, Colo. — About 300 students marched across the University of Colorado campus on "
        "Tuesday, chanting and carrying signs demanding lower tuition.\n\n"
        "In 2016, students in Fort Collins staged a similar march against fee increases.\n\n"
        "Organizers said they would keep up the pressure."
    )
    res = extract_text(text, MAR_12_2025, geocode=False)
    assert res.is_protest_report
    assert ("Boulder", "CO") in event_places(res)
    assert not any(e.locality == "Fort Collins" for e in res.events)


@pytest.mark.regression("text about old protests only is no report")
def test_text_about_old_protests_only_is_no_report() -> None:
    text = (
        "Court dismisses claims over 2018 demonstrations\n\n"
        "TRENTON, N.J. — A federal judge on Monday dismissed the last remaining claims in a lawsuit "
        "over police tactics during the 2018 demonstrations downtown.\n\n"
        "Two years ago, the city settled with 14 protesters who were arrested during the marches."
    )
    res = extract_text(text, MAR_12_2025, geocode=False)
    assert not res.events


@pytest.mark.regression("frame density finds the frame")
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


@pytest.mark.regression("non protest frames are no report")
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
    _assert_no_report(text)


def _assert_no_report(text: str) -> None:
    res = extract_text(text, MAR_12_2025, geocode=False)
    assert not res.is_protest_report
    assert not res.events


@pytest.mark.regression("protest report survives relevance")
def test_protest_report_survives_relevance() -> None:
    text = (
        "RENO, Nev. — More than 150 teachers rallied outside the Washoe County school district "
        "offices on Tuesday, carrying signs and demanding smaller classes."
    )
    res = extract_text(text, MAR_12_2025, geocode=False)
    assert res.is_protest_report
    assert ("Reno", "NV") in event_places(res)


@pytest.mark.regression("a strike the lead tells called off is no report")
@pytest.mark.parametrize(
    "text",
    [
        "Ferry strike averted in Port Walden\n\n"
        "PORT WALDEN -- A tentative agreement reached late Sunday means 900 deckhands will not walk off the "
        "job on Wednesday, union officials said. The union had issued a 72-hour strike notice last week after "
        "talks stalled over pensions.",
        "The bakery workers' strike planned for Thursday in Lindenhoff has been called off after the company "
        "raised its pay offer, the union said on Tuesday. Members voted last month to strike if no deal was "
        "reached, and will now vote on the offer next week.",
        "Desconvocada la huelga de transportistas en Villarosa\n\n"
        "Los sindicatos desconvocaron el paro previsto para el lunes 17 tras alcanzar un acuerdo con la "
        "empresa, informaron este martes. Los trabajadores votarán el acuerdo la semana próxima.",
        # a report without the rule: the march planned for the called-off strike counts otherwise
        "Desconvocado el paro de choferes en Villarosa\n\n"
        "Unos 800 choferes de autobuses de Villarosa, Texas, que iban a parar el lunes 17 frente al "
        "ayuntamiento, desconvocaron la huelga tras un acuerdo salarial con la ciudad, anunció el sindicato "
        "este martes.",
    ],
)
def test_strike_called_off_in_the_lead_is_no_report(text: str) -> None:
    _assert_no_report(text)


@pytest.mark.regression("a strike that goes ahead stays a report")
@pytest.mark.parametrize(
    "text",
    [
        # the talks failed: the strike the lead names goes ahead
        "Talks to avert a strike at the Marlow cannery collapsed on Monday, and 400 workers walked off the "
        "job on Tuesday, picketing outside the main gate, the union said.",
        # the lead's first strike happened; a later one was averted
        "Some 600 nurses at Belgrove Hospital went on strike on Tuesday over staffing, picketing outside the "
        "main entrance. A second strike at a sister clinic was averted after a late deal.",
        # a strike told happening anywhere in the text: the averted one is another, earlier or failed
        "Some 600 nurses at Belgrove Hospital in Marlow, Ohio, went on strike on Tuesday after months of talks "
        "the hospital said were meant to avoid a strike.",
        "Nurses at Belgrove Hospital in Marlow, Ohio, went on strike on Tuesday over staffing; a strike at a "
        "sister clinic was averted by a late deal.",
        "The strike could not be averted: 900 dockworkers in Port Walden, Maine, walked off the job on Monday.",
        "A year after a strike was averted at the last minute, 2,000 nurses at Belgrove Hospital in Marlow, "
        "Ohio, walked off the job on Tuesday.",
        "Nurses strike at Belgrove after deal to avert walkout is rejected\n\n"
        "Some 600 nurses at Belgrove Hospital in Marlow, Ohio, went on strike on Tuesday.",
        "Bus drivers in Marlow, Ohio, went on strike Monday, days after the city said it had avoided a strike.",
        "The strike by 900 dockworkers in Port Walden, Maine, ended on Thursday after nine days, when the union "
        "called off the walkout following a deal.",
        "Talks to avert a strike at the Marlow cannery ended on Monday, and 400 workers walked off the job on "
        "Tuesday, the union said.",
        "Miles de maestros iniciaron una huelga el lunes en Villarosa, Texas, despues de que el gobierno no pudo "
        "evitar el paro.",
    ],
)
def test_strike_going_ahead_stays_a_report(text: str) -> None:
    res = extract_text(text, MAR_12_2025, geocode=False)
    assert res.is_protest_report
    assert res.events
