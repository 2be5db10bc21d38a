"""One event per city and per group: roundup clauses that tell a city by its crowd, and
protesters and counter-protesters told as one subject."""

from __future__ import annotations

from datetime import date

import pytest

from conftest import report_events


@pytest.mark.regression("a roundup clause telling a city's crowd is that city's event")
def test_city_told_by_its_crowd_in_a_roundup_clause() -> None:
    text = (
        "Students walked out of classes across Australia on Friday to demand climate action.\n\n"
        "In Sydney, 80,000 people marched from the station to a park.\n\n"
        "Brisbane welcomed 30,000 protesters calling for change, while Adelaide tallied crowds of 20,000."
    )
    evs = report_events(text, date(2019, 9, 20))
    assert {"Sydney", "Brisbane", "Adelaide"} <= {e.locality for e in evs}


@pytest.mark.regression("a city in a clause without a crowd or an action stays context")
def test_city_in_a_clause_without_crowd_stays_context() -> None:
    text = (
        "Hundreds of nurses marched in Leeds on Saturday against hospital cuts, "
        "while ministers in London debated the budget."
    )
    evs = report_events(text, date(2024, 3, 9))
    assert [e.locality for e in evs] == ["Leeds"]


@pytest.mark.regression("protesters and counter-protesters told as one subject: two events")
@pytest.mark.parametrize("spelling", ["counter-protestors", "counter-protesters", "counterprotesters"])
def test_protesters_and_counter_protesters_as_one_subject(spelling: str) -> None:
    text = (
        f"Protesters and {spelling} gathered outside the Elmwood Public Library in Tulsa, Oklahoma, "
        "on Sunday afternoon as a reading event was held inside."
    )
    evs = report_events(text, date(2024, 6, 10))
    kinds = sorted("counter-protest" in e.event_type for e in evs)
    assert kinds == [False, True]
    assert {e.locality for e in evs} == {"Tulsa"}


@pytest.mark.regression("a counter-protest in its own clause leaves the main action whole")
def test_counter_protest_in_its_own_clause() -> None:
    text = (
        "About 300 people rallied in Tulsa, Oklahoma, on Sunday for transgender rights, "
        "while a dozen counter-protesters stood across the street."
    )
    evs = report_events(text, date(2024, 6, 10))
    assert sorted("counter-protest" in e.event_type for e in evs) == [False, True]


@pytest.mark.regression("a paragraph dateline named again in the sentence's venue is the site")
def test_paragraph_dateline_named_again_in_a_venue() -> None:
    text = (
        "Denver, CO - On October 18, an estimated 5,000 people rallied at the state capitol, chanting "
        "against the budget.\n"
        "Fresno, CA - Despite exams, Fresno State University students protested outside the library on "
        "Thursday, as students at Modesto Junior College held a vigil in Modesto."
    )
    evs = report_events(text, None)
    assert {"Denver", "Fresno", "Modesto"} <= {e.locality for e in evs}


@pytest.mark.regression("cities told under the grievance ('the deployment of troops into X') are no sites")
def test_cities_under_a_deployment_are_no_sites() -> None:
    text = (
        "Fresno, CA - Hundreds of protesters marched outside the library on Thursday, chanting against "
        "sending federal troops into Chicago and other big cities."
    )
    evs = report_events(text, date(2025, 10, 17))
    assert [e.locality for e in evs] == ["Fresno"]


@pytest.mark.regression("a street told in another paragraph is the march's route, not another site")
def test_street_in_another_paragraph_is_the_same_march() -> None:
    text = (
        "Teachers took to the streets of Pierre, South Dakota, on Saturday morning as they marched "
        "to the state capitol protesting cuts to school funding.\n\n"
        "Despite the rain, hundreds of teachers marched around Capitol Avenue in Pierre, chanting "
        "and carrying signs."
    )
    evs = report_events(text, date(2025, 4, 7))
    assert [e.locality for e in evs] == ["Pierre"]


@pytest.mark.regression("a different named site in another paragraph is still another event")
def test_other_site_in_another_paragraph_is_another_event() -> None:
    text = (
        "Nurses rallied outside Mercy Hospital in Pierre, South Dakota, on Saturday, chanting for safe staffing.\n\n"
        "On Sunday, hundreds of teachers marched to the state capitol in Pierre, carrying signs against school cuts."
    )
    evs = report_events(text, date(2025, 4, 7))
    assert [e.locality for e in evs] == ["Pierre", "Pierre"]


@pytest.mark.regression("'carried signs' in a protest report tells an action: its listed cities are sites")
def test_carried_signs_with_a_list_of_cities() -> None:
    text = (
        "Demonstrators returned outside the Supreme Court on Saturday. Others carried signs and chanted "
        "in many towns and cities nationwide, among them Omaha, Tucson, Fresno and Boise."
    )
    evs = report_events(text, date(2022, 6, 25))
    assert {"Omaha", "Tucson", "Fresno", "Boise"} <= {e.locality for e in evs}


@pytest.mark.regression("'held signs' alone is no protest report")
def test_held_signs_alone_is_no_report() -> None:
    from protestdb.extract import extract_text

    text = "Fans held signs for their favourite players as the team beat Elmwood 3-1 in Omaha on Saturday."
    res = extract_text(text, date(2024, 5, 4))
    assert not res.is_protest_report or not res.events


@pytest.mark.regression("'the tiny town of X' tells a small town as a place, whatever state the text is about")
def test_small_town_told_as_a_town() -> None:
    text = (
        "Hundreds rallied in Frankfort, Lexington and Louisville, Kentucky, on Saturday against the cuts.\n\n"
        "In Alabama, protesters also gathered in Birmingham, Huntsville, Mobile -- and even the tiny town of Brundidge."
    )
    evs = report_events(text, date(2025, 4, 7))
    assert "Brundidge" in {e.locality for e in evs}


@pytest.mark.regression("'turned out in X' in a protest report is an action at X")
def test_turned_out_in_a_city() -> None:
    text = (
        "Thousands protested on Friday against planned immigration raids.\n\n"
        "Families turned out in Pasadena, where speakers told of conditions at the border.\n\n"
        "Hundreds more marched in Riverside."
    )
    evs = report_events(text, date(2019, 7, 13))
    assert {"Pasadena", "Riverside"} <= {e.locality for e in evs}


@pytest.mark.regression("'it turned out' is no action")
def test_it_turned_out_is_no_action() -> None:
    text = (
        "Hundreds of nurses marched in Riverside, California, on Friday for safe staffing.\n\n"
        "It turned out in Pasadena that the hospital had already hired more staff."
    )
    evs = report_events(text, date(2019, 7, 13))
    assert [e.locality for e in evs] == ["Riverside"]


@pytest.mark.regression("a 'DOWNTOWN <CITY>' dateline is the city")
def test_downtown_dateline_is_the_city() -> None:
    from protestdb.extract.places import dateline_place
    from protestdb.extract.segment import split_text

    text = (
        "DOWNTOWN LOS ANGELES (KXYZ) -- About 200 people held a vigil outside the federal building "
        "on Friday night against planned immigration raids."
    )
    city, _state = dateline_place(split_text(text, None, "en"))
    assert city is not None and city.locality == "Los Angeles"
    evs = report_events(text, date(2019, 7, 13))
    assert [(e.locality, e.state) for e in evs] == [("Los Angeles", "CA")]


@pytest.mark.regression("an action told only 'in D.C.' is in the city of Washington, one event with it")
def test_dc_alone_is_the_city_of_washington() -> None:
    text = (
        "Protests over the ruling went on for a second day on Saturday.\n\n"
        "A protester in D.C. scaled a bridge, which was shut for hours.\n\n"
        "Hundreds rallied in Chicago after the ruling.\n\n"
        "In Washington, thousands rallied outside the Supreme Court, chanting."
    )
    evs = report_events(text, date(2022, 6, 25))
    assert sorted((e.locality, e.state) for e in evs) == [("Chicago", "IL"), ("Washington", "DC")]
