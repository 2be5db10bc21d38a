"""Two actions at one place told as two: "another march", "a second rally", "two separate
protests" -- each its own event, never folded into the first one told there."""

from __future__ import annotations

from datetime import date

import pytest

from conftest import report_events


@pytest.mark.regression("'another march' at the same city later the same day is a second event")
def test_another_march_same_city_is_its_own_event() -> None:
    text = (
        "Hundreds of nurses marched from Harbor Park to City Hall in Elmira, New York, on Tuesday "
        "to demand safe staffing levels.\n\n"
        "Later in the afternoon, tenant organizers led another march from the bus depot to the "
        "county courthouse, calling for a rent freeze."
    )
    evs = report_events(text, date(2024, 5, 8))
    assert [e.locality for e in evs] == ["Elmira", "Elmira"]


@pytest.mark.regression("'a second rally' in the same paragraph is a second event")
def test_a_second_rally_in_the_same_paragraph() -> None:
    text = (
        "About 200 teachers rallied outside the school board offices in Tacoma, Washington, on "
        "Monday over stalled contract talks. A second rally, organized by a parents' group, "
        "gathered at Wright Park two hours later."
    )
    evs = report_events(text, date(2024, 9, 10))
    assert [e.locality for e in evs] == ["Tacoma", "Tacoma"]


@pytest.mark.regression("Spanish: 'otra marcha' at the same city is a second event")
def test_otra_marcha_is_its_own_event() -> None:
    text = (
        "Miles de personas marcharon el martes desde el parque central hasta el ayuntamiento de "
        "Fresno, California, para exigir una reforma migratoria.\n\n"
        "Por su parte, una coalición de sindicatos impulsó otra marcha que salió más tarde desde "
        "la estación de autobuses."
    )
    evs = report_events(text, date(2018, 5, 2))
    assert [e.locality for e in evs] == ["Fresno", "Fresno"]


@pytest.mark.regression("'two separate protests' in one city: two events there")
@pytest.mark.parametrize("words", ["two separate protests", "two protests", "two rival rallies"])
def test_counted_actions_in_one_city(words: str) -> None:
    text = (
        f"Farm workers and a group of retired teachers staged {words} in Boise, Idaho, on "
        "Wednesday, snarling traffic near the statehouse."
    )
    evs = report_events(text, date(2024, 4, 4))
    assert [e.locality for e in evs] == ["Boise", "Boise"]


@pytest.mark.regression("'three demonstrations were held' in a city: three events there")
def test_city_hosting_three_demonstrations() -> None:
    text = (
        "Three demonstrations were held in Dayton, Ohio, on Saturday. A union march set off from the "
        "river front, while a vigil gathered at Courthouse Square."
    )
    evs = report_events(text, date(2024, 6, 3))
    assert [e.locality for e in evs] == ["Dayton"] * 3


@pytest.mark.regression("one action re-told is not a second one")
@pytest.mark.parametrize("sentence", [
    "Another 200 protesters joined the march later in the day.",
    "It was the second march in the city this month.",
    "The two-hour march ended peacefully at the courthouse.",
    "Organizers said it was another day of protests for the union.",
    "Another group took to the streets near the station an hour later.",
])
def test_one_action_retold_stays_one(sentence: str) -> None:
    text = (
        "Hundreds of nurses marched from Harbor Park to City Hall in Elmira, New York, on Tuesday "
        f"to demand safe staffing levels. {sentence}"
    )
    evs = report_events(text, date(2024, 5, 8))
    assert [e.locality for e in evs] == ["Elmira"]


@pytest.mark.regression("a place-less detail on the located action's own day joins it")
def test_same_day_detail_joins_the_one_action() -> None:
    text = (
        "Hundreds of nurses marched from Harbor Park to City Hall in Elmira, New York, on Tuesday "
        "to demand safe staffing levels.\n\n"
        "The union's president said talks had stalled for months.\n\n"
        "On Tuesday the nurses also blocked the hospital's main entrance for an hour."
    )
    evs = report_events(text, date(2024, 5, 8))
    assert [e.locality for e in evs] == ["Elmira"]


@pytest.mark.regression("another day or site of a strike, and another action told of a month before, are no new event")
@pytest.mark.parametrize("sentence", [
    "Another picket line formed at the laundry building across town.",
    "Another walkout took place there on March 2, weeks before the contract ran out.",
    "The nurses mounted another walkout on Tuesday at two sister clinics.",
])
def test_another_strike_site_or_old_action_stays_one(sentence: str) -> None:
    text = (
        "Hundreds of nurses walked off the job and picketed outside Mercy Hospital in Elmira, New York, "
        f"on Tuesday to demand safe staffing levels.\n\n{sentence}"
    )
    evs = report_events(text, date(2024, 5, 8))
    assert [e.locality for e in evs] == ["Elmira"]


@pytest.mark.regression("Spanish: 'otra manifestante' is one more person, no other action")
def test_otra_manifestante_is_no_second_action() -> None:
    text = (
        "Miles de personas marcharon el martes desde el parque central hasta el ayuntamiento de "
        "Fresno, California, para exigir una reforma migratoria.\n\n"
        "Otra manifestante, una estudiante de 20 años, dijo que marchaba por su familia."
    )
    evs = report_events(text, date(2018, 5, 2))
    assert [e.locality for e in evs] == ["Fresno"]


@pytest.mark.regression("'the two rallies' refers back: no more events than told")
def test_the_two_rallies_refers_back() -> None:
    text = (
        "Teachers rallied outside the Boise statehouse on Wednesday over pay. About 400 people "
        "attended the two rallies in Boise, Idaho, police said."
    )
    evs = report_events(text, date(2024, 4, 4))
    assert [e.locality for e in evs] == ["Boise"]


_LEAD = ("About 150 bakers rallied outside the flour mill in Pinecrest, Oregon, on Thursday over "
         "unpaid wages.")


@pytest.mark.regression("'another'/'a second' action told as a description, a plan or a sign is no second event")
@pytest.mark.parametrize("sentence", [
    "This was another protest against the mill's new owners.",
    "The union vowed another rally next month unless the wages are paid.",
    "Organizers said they would hold another march if the owners do not answer.",
    "It was a second protest in as many days by the bakers.",
    "One baker held up another protest banner that read 'Pay us'.",
])
def test_another_action_not_told_as_held_stays_one(sentence: str) -> None:
    evs = report_events(f"{_LEAD} {sentence}", date(2024, 5, 10))
    assert [e.locality for e in evs] == ["Pinecrest"]


@pytest.mark.regression("a second action told as held at the same place is a second event")
@pytest.mark.parametrize("sentence", [
    "Another march was held at the river landing that evening by the millers' guild.",
    "Later, the millers' guild staged a second protest at the river landing.",
])
def test_another_action_told_as_held_is_its_own(sentence: str) -> None:
    evs = report_events(f"{_LEAD}\n\n{sentence}", date(2024, 5, 10))
    assert [e.locality for e in evs] == ["Pinecrest", "Pinecrest"]


_LEAD_ES = ("Cientos de panaderos marcharon el jueves desde la plaza mayor hasta el molino de Yuma, "
            "Arizona, para exigir sus salarios.")


@pytest.mark.regression("Spanish: 'otra vez', a copula or a plan with 'otra' is no second event")
@pytest.mark.parametrize("sentence", [
    "Frente al molino, los panaderos otra vez marcharon en círculo mientras cantaban.",
    "Era otra protesta del gremio contra los nuevos dueños.",
    "Los organizadores anunciaron otra marcha para la semana próxima.",
])
def test_otra_not_told_as_held_stays_one(sentence: str) -> None:
    evs = report_events(f"{_LEAD_ES}\n\n{sentence}", date(2024, 5, 10))
    assert [e.locality for e in evs] == ["Yuma"]


@pytest.mark.regression("a count of past actions or a comparison is no count of the news's actions")
@pytest.mark.parametrize("text", [
    "Some 400 bakers marched in Pinecrest, Oregon, on Thursday, twice as many as at the previous two rallies.",
    "Some 400 bakers marched in Pinecrest, Oregon, on Thursday. Crowds at the last three marches in Pinecrest "
    "had been thinner.",
    "Bakers, who have staged three strikes since 2021, marched through Pinecrest, Oregon, on Thursday to demand "
    "back pay from the mill.",
    "Unos 400 panaderos marcharon el jueves en Yuma, Arizona, el doble que en las últimas dos protestas.",
])
def test_counted_past_actions_are_no_events(text: str) -> None:
    evs = report_events(text, date(2024, 5, 10))
    assert len(evs) == 1


@pytest.mark.regression("'the vigil Tuesday' after a march told on Wednesday: the vigil is its own event")
@pytest.mark.parametrize("vigil", ["the candlelight vigil Tuesday", "the candlelight vigil on Tuesday",
                                   "Tuesday's candlelight vigil"])
def test_action_named_by_another_day_is_its_own_event(vigil: str) -> None:
    text = (
        "Protests over the closing of the county clinic went on Wednesday as residents marched "
        "through downtown Paducah, Kentucky, a week after the board voted to shut it.\n\n"
        "Marchers carried handmade signs and chanted outside the board's offices.\n\n"
        f"About 150 people turned out for {vigil}, where nurses read the names of patients."
    )
    evs = report_events(text, date(2024, 3, 7))
    assert sorted((e.locality, str(e.date)) for e in evs) == [("Paducah", "2024-03-05"), ("Paducah", "2024-03-06")]


@pytest.mark.regression("'the march Wednesday' re-tells the march told on Wednesday: one event")
def test_action_named_by_its_own_day_stays_one_event() -> None:
    text = (
        "Protests over the closing of the county clinic went on Wednesday as residents marched "
        "through downtown Paducah, Kentucky, a week after the board voted to shut it.\n\n"
        "Marchers carried handmade signs and chanted outside the board's offices.\n\n"
        "About 150 people turned out for the march Wednesday, where nurses read the names of patients."
    )
    evs = report_events(text, date(2024, 3, 7))
    assert [(e.locality, str(e.date)) for e in evs] == [("Paducah", "2024-03-06")]


@pytest.mark.regression("'a one-day strike' on another day beside a strike told before: its own event")
def test_one_day_strike_on_another_day_is_its_own_event() -> None:
    text = (
        "Hotel housekeepers in Fresno, California, went on strike on Monday, August 5, at six "
        "downtown hotels over wages.\n\n"
        "Managers brought in temporary staff and guests reported unmade rooms.\n\n"
        "On Thursday, August 8, about 900 city bus drivers in Fresno staged a one-day strike of "
        "their own over overtime rules."
    )
    evs = report_events(text, date(2024, 8, 10))
    assert sorted((e.locality, str(e.date)) for e in evs) == [("Fresno", "2024-08-05"), ("Fresno", "2024-08-08")]


@pytest.mark.regression("a strike told again on a later day, with no one-day words: still one event")
def test_strike_told_on_a_later_day_stays_one_event() -> None:
    text = (
        "Hotel housekeepers in Fresno, California, went on strike on Monday, August 5, at six "
        "downtown hotels over wages.\n\n"
        "Managers brought in temporary staff and guests reported unmade rooms.\n\n"
        "On Thursday, August 8, the strike went on as housekeepers walked picket lines outside "
        "the largest hotel."
    )
    evs = report_events(text, date(2024, 8, 10))
    assert [(e.locality, str(e.date)) for e in evs] == [("Fresno", "2024-08-05")]


@pytest.mark.regression("a day beside an action noun after a verb of judging or permitting is the verb's day: one event")
@pytest.mark.parametrize("sentence", [
    "Police Chief Ann Lee praised the rally Sunday, saying no one was arrested.",
    "The city approved a permit for the rally Wednesday, organizers said.",
])
def test_day_of_a_verb_beside_the_action_noun_stays_one_event(sentence: str) -> None:
    text = ("Hundreds of residents rallied outside the county clinic in Paducah, Kentucky, on Saturday "
            "against its closing.\n\n" + sentence)
    evs = report_events(text, date(2024, 5, 10))
    assert [(e.locality, str(e.date)) for e in evs] == [("Paducah", "2024-05-04")]


@pytest.mark.regression("a one-day strike voted or planned is no strike held on the vote's day")
def test_one_day_strike_voted_is_no_second_event() -> None:
    text = ("Nurses at the county hospital in Paducah, Kentucky, went on strike Wednesday over staffing.\n\n"
            "Managers brought in temporary staff.\n\n"
            "The union voted Monday to hold a one-day strike, its leaders said.")
    evs = report_events(text, date(2024, 3, 7))
    assert [(e.locality, str(e.date)) for e in evs] == [("Paducah", "2024-03-06")]


@pytest.mark.regression("una huelga de un día de otro año (pluscuamperfecto, 'En 2019'): no event of this year")
def test_spanish_one_day_strike_of_another_year_is_no_event() -> None:
    text = ("Las camareras de seis hoteles de Fresno, California, iniciaron una huelga el lunes 5 de agosto "
            "por salarios.\n\nLos gerentes trajeron personal temporal.\n\n"
            "En 2019 el sindicato ya había hecho una huelga de un día el 8 de agosto en Fresno.")
    evs = report_events(text, date(2024, 8, 10))
    assert [(e.locality, str(e.date)) for e in evs] == [("Fresno", "2024-08-05")]


@pytest.mark.regression("'abandonaron la escuela' (dropped out) and streets taken to celebrate are no protests")
@pytest.mark.parametrize("sentence", [
    "Durante la pandemia, miles de estudiantes abandonaron la escuela en Tucson.",
    "El domingo, miles de aficionados salieron a las calles de Tucson, Arizona, para celebrar el título del equipo.",
])
def test_spanish_leaving_school_or_celebrating_is_no_protest(sentence: str) -> None:
    text = ("Cientos de padres marcharon el martes en Phoenix, Arizona, contra los recortes al presupuesto "
            "escolar. " + sentence)
    evs = report_events(text, date(2024, 5, 10))
    assert [e.locality for e in evs] == ["Phoenix"]


@pytest.mark.regression("an undated page: the weekday of the held action named again is the same action")
def test_undated_same_weekday_told_again_stays_one_event() -> None:
    text = ("Tenants rallied outside the housing authority in Tulsa, Oklahoma, on Sunday against rent hikes.\n\n"
            "Organizers had planned the rally for Sunday weeks ago and said they will hold it again next month.")
    evs = report_events(text, None)
    assert [(e.locality, e.announced_only) for e in evs] == [("Tulsa", False)]
