"""Pages that report one event (issue 9): a place told as the name of an incident the protest
answers ("the Fairview shooting") is no second event and no headline city."""

from __future__ import annotations

from datetime import date

import pytest

from conftest import report_events
from protestdb.extract.places import Place


def _at(text: str, name: str) -> Place:
    i = text.index(name)
    return Place(i, i + len(name), name, "city")


@pytest.mark.parametrize(
    ("text", "name", "expected"),
    [
        ("A vigil honored the Fairview shooting victims.", "Fairview", True),
        ("Students remembered the Fairview school shooting.", "Fairview", True),
        ("Survivors of the Fairview, Texas, mass shooting spoke.", "Fairview", True),
        ("It came weeks after the Fairview's church massacre.", "Fairview", True),
        ("Fairview students marched to city hall.", "Fairview", False),
        ("Fairview police arrested two marchers.", "Fairview", False),
        ("Protesters rallied in Fairview after a shooting.", "Fairview", False),
    ],
)
def test_incident_name(text: str, name: str, expected: bool) -> None:
    from protestdb.extract.places import incident_name

    assert incident_name(text, _at(text, name)) is expected


@pytest.mark.regression("a headline city that names an incident does not stand for a dateline")
def test_headline_incident_city_is_no_headline_city() -> None:
    from protestdb.extract.places import headline_place
    from protestdb.extract.segment import split_text

    text = (
        "Vigil honors Fairview shooting victims, calls for change\n\n"
        "Dozens of residents gathered on Tuesday at a vigil by the river to remember the victims."
    )
    layout = split_text(text, None, "en")
    found = [Place(p.start, p.end, p.quote, "city", "TX", "Fairview")
             for p in [_at(text, "Fairview")]]
    assert headline_place(layout, found) is None
    plain = "Vigil in Fairview honors the victims\n\nDozens of residents gathered on Tuesday."
    found = [Place(p.start, p.end, p.quote, "city", "TX", "Fairview")
             for p in [_at(plain, "Fairview")]]
    assert headline_place(split_text(plain, None, "en"), found) is not None


@pytest.mark.regression("a city naming the incident in a sentence of the action is no site")
def test_incident_city_in_body_is_no_site() -> None:
    text = (
        "Hundreds of students walked out of Gallatin High School in Bozeman, Montana, on Wednesday to honor the "
        "Fairview school shooting victims and demand safer schools."
    )
    evs = report_events(text, date(2024, 3, 14))
    assert [e.locality for e in evs] == ["Bozeman"]


@pytest.mark.regression("'previous protests ... over the past few weeks' is background, not the announced march")
def test_previous_protests_over_past_weeks_are_background() -> None:
    text = (
        "Hundreds of people are expected to attend a march and rally against police brutality Saturday "
        "afternoon in downtown Salem, Oregon.\n\n"
        "A post for the event listed 400 people going.\n\n"
        "Previous protests, rallies and marches in Salem over the past few weeks have drawn thousands to downtown.\n\n"
        "The march will close several streets near the Capitol."
    )
    evs = report_events(text, date(2020, 6, 19))
    assert [(e.locality, e.date) for e in evs] == [("Salem", "2020-06-20")]


@pytest.mark.parametrize(
    "sentence",
    [
        "Earlier marches over the last two weeks drew big crowds.",
        "Prior rallies at the statehouse drew hundreds.",
    ],
)
def test_background_cues_of_earlier_actions(sentence: str) -> None:
    from protestdb.extract.background import old_cues

    assert old_cues(sentence, 0, len(sentence), date(2020, 6, 19), "en")


@pytest.mark.regression("a Spanish origin ('llegó de Tampa') is no site of its own")
def test_spanish_origin_is_no_site() -> None:
    text = (
        "Cientos de venezolanos se concentraron ayer en Doral, Florida, para protestar contra el gobierno.\n\n"
        "Norma Ruiz llegó de Tampa para la protesta, y unas 60 personas se congregaron frente al restaurante."
    )
    evs = report_events(text, date(2024, 7, 20))
    assert [e.locality for e in evs] == ["Doral"]


@pytest.mark.regression("a metro told as where a suburb lies ('suburban Chicago') is no second event")
def test_suburbs_metro_is_no_event() -> None:
    text = (
        "Protesters gathered Friday outside an immigration facility in Broadview in Chicago's western suburbs.\n\n"
        "The protest marks the fifth consecutive Friday of demonstrations at the processing center."
    )
    evs = report_events(text, date(2025, 10, 3))
    assert [e.locality for e in evs] == ["Broadview"]


@pytest.mark.regression("'in suburban Waukegan' tells the suburb itself: its rally stays beside the city's")
def test_suburban_town_is_its_own_site() -> None:
    text = (
        "Thousands of people marched through downtown Chicago on Thursday against deportations.\n\n"
        "In suburban Waukegan, Ill., about 150 people held a separate rally outside the county courthouse."
    )
    evs = report_events(text, date(2025, 5, 1))
    assert {"Chicago", "Waukegan"} <= {e.locality for e in evs}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("at the suburban Denver plant", False),
        ("in Denver's northern suburbs", True),
        ("on the outskirts of Denver", True),
        ("in Denver's streets", False),
        ("in Denver on Friday", False),
    ],
)
def test_suburbs_mention(text: str, expected: bool) -> None:
    from protestdb.geo.places import is_suburbs_mention

    i = text.index("Denver")
    assert is_suburbs_mention(text, i, i + len("Denver")) is expected


@pytest.mark.regression("Delhi is coded as New Delhi, as DESIGN codes the capital territory")
def test_delhi_is_new_delhi() -> None:
    text = "Thousands of farmers drove tractors through Delhi on Tuesday to protest new farm laws, and police fired tear gas at the marchers."
    evs = report_events(text, date(2021, 1, 26))
    assert [e.locality for e in evs] == ["New Delhi"]


@pytest.mark.regression("'are expected to attend a march Saturday' announces the coming Saturday's march")
def test_expected_to_attend_is_announced() -> None:
    text = (
        "Hundreds of people are expected to attend a march and rally against police brutality Saturday "
        "afternoon in downtown Salem, Oregon.\n\n"
        "Previous protests, rallies and marches in Salem over the past few weeks have drawn thousands to downtown.\n\n"
        "The Together We Rise event is scheduled to begin at 1 p.m. on the Capitol steps."
    )
    evs = report_events(text, date(2020, 6, 19))
    assert [(e.locality, e.date) for e in evs] == [("Salem", "2020-06-20")]
