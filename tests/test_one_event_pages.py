"""Pages that report one event (issue 9): a place told as the name of an incident the protest
answers ("the Fairview shooting") is no second event and no headline city, unless it is the
page's only town. All texts here are invented."""

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
        ("Mourners lit candles for the Fairview shooting victims.", "Fairview", True),
        ("Pupils wrote letters about the Fairview school shooting.", "Fairview", True),
        ("Families hurt by the Fairview, Texas, mass shooting testified.", "Fairview", True),
        ("It came a month after the Fairview's church massacre.", "Fairview", True),
        ("Speakers recalled the Fairview attack of last spring.", "Fairview", True),
        ("Speakers recalled Sunday's Fairview attack on the clinic.", "Fairview", True),
        ("Speakers condemned a Fairview terror attack.", "Fairview", True),
        ("Marchers in Fairview attack the mayor's budget plan.", "Fairview", False),
        ("Fairview nurses walked to the county building.", "Fairview", False),
        ("Fairview police detained three marchers.", "Fairview", False),
        ("People marched in Fairview after a stabbing.", "Fairview", False),
    ],
)
def test_incident_name(text: str, name: str, expected: bool) -> None:
    from protestdb.extract.places import incident_name

    assert incident_name(text, _at(text, name)) is expected


def _city(text: str, name: str, state: str) -> Place:
    p = _at(text, name)
    return Place(p.start, p.end, p.quote, "city", state, name)


@pytest.mark.regression("a headline city that names an incident does not stand for a dateline")
def test_headline_incident_city_is_no_headline_city() -> None:
    from protestdb.extract.places import headline_place
    from protestdb.extract.segment import split_text

    text = (
        "Candles for Fairview shooting victims, and a plea for action\n\n"
        "A few dozen neighbours met on Wednesday by the lake in Elmford to mourn the dead."
    )
    found = [_city(text, "Fairview", "TX"), _city(text, "Elmford", "OK")]
    assert headline_place(split_text(text, None, "en"), found) is None
    plain = "Candlelight walk in Fairview mourns the dead\n\nA few dozen neighbours met on Wednesday."
    found = [_city(plain, "Fairview", "TX")]
    assert headline_place(split_text(plain, None, "en"), found) is not None


@pytest.mark.regression("an incident's town that is the page's only town stays its headline city")
def test_headline_incident_city_alone_is_kept() -> None:
    from protestdb.extract.places import headline_place
    from protestdb.extract.segment import split_text

    text = (
        "Candles for Fairview shooting victims, and a plea for action\n\n"
        "A few dozen neighbours met on Wednesday outside a chapel to mourn the dead."
    )
    found = [_city(text, "Fairview", "TX")]
    got = headline_place(split_text(text, None, "en"), found)
    assert got is not None and got.locality == "Fairview"


@pytest.mark.regression("a vigil for an incident's victims on a page naming no other town is held there")
def test_incident_town_alone_is_the_site() -> None:
    text = (
        "Vigil for Fresno shooting victims draws a crowd\n\n"
        "Several hundred mourners held a candlelight vigil Monday night on a church lawn downtown "
        "for the five people who died."
    )
    evs = report_events(text, date(2024, 4, 9))
    assert [e.locality for e in evs] == ["Fresno"]


@pytest.mark.regression("a city naming the incident in a sentence of the action is no site")
def test_incident_city_in_body_is_no_site() -> None:
    text = (
        "Several hundred pupils walked out of Ridgeline High School in Bozeman, Montana, on Wednesday to mourn "
        "the Fairview school shooting victims and to call for tighter gun laws."
    )
    evs = report_events(text, date(2024, 3, 14))
    assert [e.locality for e in evs] == ["Bozeman"]


@pytest.mark.regression("a verb 'attack' after a town does not make the town an incident's name")
def test_attack_verb_keeps_the_site() -> None:
    text = (
        "Marchers in Tacoma attack city hall doors with paint\n\n"
        "About 40 marchers splashed red paint on the doors of city hall late Friday, police said."
    )
    evs = report_events(text, date(2024, 8, 17))
    assert [e.locality for e in evs] == ["Tacoma"]


@pytest.mark.regression("'earlier rallies ... over the last weeks have drawn crowds' is background, not the announced march")
def test_previous_protests_over_past_weeks_are_background() -> None:
    text = (
        "Organizers said some 400 residents are expected to join a march against police violence on Saturday "
        "afternoon in downtown Eugene, Oregon.\n\n"
        "An online invitation counted 250 replies.\n\n"
        "Prior rallies and marches in Eugene over the last several weeks have brought thousands into the streets.\n\n"
        "The march will shut a few blocks near the courthouse."
    )
    evs = report_events(text, date(2020, 6, 19))
    assert [(e.locality, e.date) for e in evs] == [("Eugene", "2020-06-20")]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Earlier marches over the last two weeks drew big crowds.", True),
        ("Prior rallies at the statehouse drew hundreds.", True),
        ("Nurses have picketed each morning outside the clinic over the past three weeks.", False),
        ("Tenants are sleeping outside the agency over the past two weeks.", False),
        ("Unlike past rallies, the walk through Elmford drew 2,000 people.", False),
        ("The march was larger than previous protests in Elmford.", False),
    ],
)
def test_background_cues_of_earlier_actions(sentence: str, expected: bool) -> None:
    from protestdb.extract.background import old_cues

    assert bool(old_cues(sentence, 0, len(sentence), date(2020, 6, 19), "en")) is expected


@pytest.mark.regression("an action going on over the past weeks is news, not background")
def test_ongoing_weeks_action_is_news() -> None:
    text = (
        "Demonstrators have camped each evening outside the county jail in Spokane, Washington, over the "
        "past three weeks, blocking its gates to transport buses."
    )
    evs = report_events(text, date(2024, 5, 6))
    assert [e.locality for e in evs] == ["Spokane"]


@pytest.mark.regression("a comparison with earlier protests does not make the current march background")
def test_unlike_previous_protests_is_news() -> None:
    text = (
        "Unlike past rallies, the walk through downtown Akron, Ohio, drew roughly 2,000 people, "
        "the organizers said."
    )
    evs = report_events(text, date(2024, 5, 6))
    assert [e.locality for e in evs] == ["Akron"]


@pytest.mark.regression("a Spanish origin ('llegó desde Orlando') is no site of its own")
def test_spanish_origin_is_no_site() -> None:
    text = (
        "Decenas de cubanos se reunieron el domingo en Hialeah, Florida, para denunciar la represión.\n\n"
        "Luis Pérez llegó desde Orlando para sumarse, y cerca de 40 manifestantes se juntaron ante la iglesia."
    )
    evs = report_events(text, date(2024, 7, 22))
    assert [e.locality for e in evs] == ["Hialeah"]


@pytest.mark.regression("a metro told as where a suburb lies ('Denver's western suburbs') is no second event")
def test_suburbs_metro_is_no_event() -> None:
    text = (
        "Demonstrators rallied Thursday at a federal detention site in Lakewood in Denver's western suburbs.\n\n"
        "Organizers said it was the third straight week of rallies at the building."
    )
    evs = report_events(text, date(2025, 10, 3))
    assert [e.locality for e in evs] == ["Lakewood"]


@pytest.mark.regression("a metro's suburbs told as the site stay an event beside another town's protest")
def test_suburbs_metro_alone_in_its_sentence_is_a_site() -> None:
    text = (
        "About 300 people rallied Sunday in Denver's western suburbs against a planned warehouse.\n\n"
        "A smaller protest against the plan took place the same day in Boulder, organizers said."
    )
    evs = report_events(text, date(2025, 6, 9))
    assert {"Denver", "Boulder"} <= {e.locality for e in evs}


@pytest.mark.regression("'in suburban Waukegan' tells the suburb itself: its rally stays beside the city's")
def test_suburban_town_is_its_own_site() -> None:
    text = (
        "A crowd of several thousand filled downtown Chicago streets on Monday to oppose deportations.\n\n"
        "In suburban Waukegan, Ill., roughly 90 residents rallied separately in front of the county building."
    )
    evs = report_events(text, date(2025, 5, 6))
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
    text = "Hundreds of teachers marched through Delhi on Thursday to demand back pay, and police briefly detained several organisers."
    evs = report_events(text, date(2023, 2, 16))
    assert [e.locality for e in evs] == ["New Delhi"]


@pytest.mark.regression("'are expected to attend a rally Saturday' announces the coming Saturday's rally")
def test_expected_to_attend_is_announced() -> None:
    text = (
        "About 500 people are expected to attend a rally for tenant rights Saturday morning in downtown "
        "Eugene, Oregon.\n\n"
        "Earlier rallies in Eugene over the last few weeks have drawn big crowds.\n\n"
        "The Homes For All rally is set to start at 10 a.m. outside the library."
    )
    evs = report_events(text, date(2020, 6, 19))
    assert [(e.locality, e.date) for e in evs] == [("Eugene", "2020-06-20")]
