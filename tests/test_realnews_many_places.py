"""Issue 9: pages with several places -- every listed or clause-opening site drafted, each at
its own level (a city's own civic building is in that city).

All sentences are written for these tests (no real page text); the towns are real places of
the gazetteer, the people and organisations invented."""

from __future__ import annotations

from datetime import date

from helpers import events_by_city
from protestdb.extract import extract_text

PUB = date(2025, 3, 12)


def _by_city(text: str) -> dict[str, object]:
    return events_by_city(text, PUB)


def test_second_clause_opening_on_its_city_and_crowd() -> None:
    text = (
        "Rallies against the pension cuts were held on Saturday in several cities. "
        "In Tulsa, about 200 retirees gathered and in Omaha, hundreds marched from the station to the courthouse."
    )
    ev = _by_city(text)
    assert {"Tulsa", "Omaha"} <= set(ev)


def test_clause_opening_on_a_city_without_a_crowd_is_no_site() -> None:
    text = (
        "Hundreds of nurses marched in Tulsa on Saturday against the hospital cuts, "
        "while in Omaha, lawmakers debated the budget."
    )
    ev = _by_city(text)
    assert set(ev) == {"Tulsa"}


def test_protest_outside_a_citys_police_department_is_in_that_city() -> None:
    text = (
        "Hundreds of nurses marched in Tulsa, Oklahoma, on Friday against the hospital cuts.\n\n"
        "In Texas, about a hundred protesters gathered on Sunday outside the Dallas Police Department "
        "to demand the release of the video of the arrest, organizers said."
    )
    ev = _by_city(text)
    assert set(ev) == {"Tulsa", "Dallas"}
    assert ev["Dallas"].state == "TX"


def test_protest_in_front_of_city_hall_is_in_that_city() -> None:
    text = (
        "Tenants marched through Boulder, Colorado, on Monday to demand rent relief.\n\n"
        "A protest encampment in front of Omaha City Hall was cleared by police early Thursday, "
        "the tenants' union that set it up said."
    )
    ev = _by_city(text)
    assert set(ev) == {"Boulder", "Omaha"}


def test_city_quoted_as_its_police_department_is_no_site() -> None:
    text = (
        "Hundreds of students marched in Tulsa on Friday against the shooting. "
        "The Dallas Police Department said it had sent officers to help."
    )
    ev = _by_city(text)
    assert set(ev) == {"Tulsa"}


def test_list_of_sites_told_after_the_action_sentence() -> None:
    text = (
        "Warehouse workers went on strike Thursday at six delivery stations, the union said. "
        "They include two locations in Ohio, and one each in Tulsa, Omaha, Wichita and Des Moines, Iowa, "
        "according to the union's statement."
    )
    ev = _by_city(text)
    assert {"Tulsa", "Omaha", "Wichita", "Des Moines"} <= set(ev)
    assert all("strike" in e.event_type for c, e in ev.items() if c in ("Tulsa", "Omaha", "Wichita", "Des Moines"))


def test_crowds_taking_over_the_streets_of_listed_cities() -> None:
    text = (
        "Thousands of demonstrators gathered for rallies across Canada on Sunday against the pipeline.\n"
        "Big crowds took over the streets of Regina, Ottawa, Moncton and Halifax.\n"
        "No arrests were made, police said."
    )
    ev = _by_city(text)
    assert {"Regina", "Ottawa", "Moncton", "Halifax"} <= set(ev)
    assert all(e.country == "CA" for e in ev.values())


def test_crowd_convened_at_an_office_in_a_town() -> None:
    text = (
        "Voters angry about the recount protested outside the courthouse in Tampa, Florida, on Friday.\n\n"
        "Approximately 25 people convened at the county elections office in Lakeland on Saturday, "
        "holding signs that demanded a full recount."
    )
    res = extract_text(text, PUB)
    assert sorted((e.locality, e.state) for e in res.events) == [("Lakeland", "FL"), ("Tampa", "FL")]


def test_sentence_after_a_list_of_cities_is_none_of_them() -> None:
    text = (
        "Thousands of students rallied across Canada on Sunday for climate action.\n"
        "Crowds filled the streets of Toronto, Ottawa, Winnipeg and Halifax.\n"
        "Marchers carried banners at Elm Park and the organizers counted 5,000 people.\n"
        "In Halifax, the rally gathered at Victoria Park."
    )
    ev = extract_text(text, PUB).events
    halifax = [e for e in ev if e.locality == "Halifax"]
    assert len(halifax) == 1
    assert sorted(e.locality for e in ev) == ["Halifax", "Ottawa", "Toronto", "Winnipeg"]


def test_action_told_miles_away_is_not_at_the_paragraphs_city() -> None:
    text = (
        "Lawyers and reporters waited in Lakeland, Florida, on Saturday where officials were counting ballots. "
        "A couple dozen protesters rallied 12 miles south in hopes of a full recount.\n\n"
        "About 25 people convened at the county elections office in Bartow on Saturday, chanting for every vote."
    )
    ev = _by_city(text)
    assert "Lakeland" not in ev
    assert "Bartow" in ev


def test_dateline_city_told_only_as_a_distance_reference() -> None:
    text = (
        "BISMARCK, N.D. (AP) — Dozens of protesters were arrested when they occupied a pump station of a "
        "pipeline in northern Minnesota, officials said Wednesday.\n\n"
        "Demonstrators chained themselves to equipment at the site near Bemidji, about 200 miles (320 kilometers) "
        "east of Bismarck, the sheriff said."
    )
    ev = _by_city(text)
    assert set(ev) == {"Bemidji"}
    assert ev["Bemidji"].state == "MN"


def test_dateline_city_told_in_its_own_right_keeps_its_events() -> None:
    text = (
        "BISMARCK, N.D. (AP) — Hundreds of ranchers rallied outside the Capitol in Bismarck on Tuesday against "
        "the pipeline, which crosses land near Minot, about 110 miles north of Bismarck."
    )
    ev = _by_city(text)
    assert "Bismarck" in ev and "Minot" not in ev


def test_destination_told_with_its_region_is_no_site() -> None:
    text = (
        "Police let the protesting farmers cross the bypass at Khanna to head towards Haryana's Panipat "
        "on their way to the capital on Tuesday."
    )
    ev = extract_text(text, PUB).events
    assert "Panipat" not in {e.locality for e in ev}


def test_city_told_as_the_paragraphs_destination_is_not_its_site() -> None:
    text = (
        "Police fired tear gas at farmers protesting on the highway in Ludhiana on Tuesday, officials said.\n\n"
        "Farmers under the banner of two unions began their march on Tuesday morning. "
        "Groups with tractors are marching towards Jaipur. "
        "Officials in Jaipur shut the borders so the farmers could not enter the city."
    )
    ev = extract_text(text, PUB).events
    assert [e.locality for e in ev] == ["Ludhiana"]


def test_known_venue_name_under_another_citys_dateline_is_its_namesake() -> None:
    text = (
        "ROCHESTER, N.Y. (AP) — More than 100 people gathered in Washington Square Park on Friday for a vigil "
        "against immigrant detention; organizers called it one of many actions held nationwide that day."
    )
    ev = extract_text(text, PUB).events
    assert [(e.locality, e.state) for e in ev] == [("Rochester", "NY")]


def test_known_venue_in_a_city_the_text_names_keeps_its_city() -> None:
    text = (
        "ROCHESTER, N.Y. (AP) — Students rallied downtown on Friday against the tuition increase.\n\n"
        "In New York, hundreds gathered in Washington Square Park for a vigil against immigrant detention."
    )
    ev = _by_city(text)
    assert "New York" in ev


def test_small_town_abroad_told_by_its_short_name() -> None:
    text = (
        "Pensioners demonstrated across Germany on Saturday against the pension cuts.\n\n"
        "Rallies were held in Stuttgart, Pforzheim and Wildbad, where hundreds of retirees marched to the town hall."
    )
    ev = _by_city(text)
    assert {"Stuttgart", "Pforzheim", "Wildbad"} <= set(ev)
    assert ev["Wildbad"].country == "DE"


def test_short_forms_are_whole_words_of_the_main_name() -> None:
    from protestdb.geo.gazetteer import _short_forms

    assert _short_forms("Elmar Heads", ["Elmar", "EH", "Elmarheads", "Heads-on-Sea", "Elm"]) == {"elmar"}
    assert _short_forms("Elmwood", ["Elm"]) == set()  # a one-word name has no shorter form


def test_strikers_from_their_own_campus_act_there() -> None:
    text = (
        "University staff walked out across England on Wednesday in a dispute over pay, the union said.\n\n"
        "In Bristol, hundreds of lecturers marched through the city centre. "
        "Strikers from Sheffield university gathered for a large rally outside the main library."
    )
    ev = _by_city(text)
    assert {"Bristol", "Sheffield"} <= set(ev)


def test_students_from_a_campus_travelling_elsewhere_are_no_site_there() -> None:
    text = (
        "Hundreds of students rallied outside Parliament in London on Wednesday against tuition fees. "
        "Students from Sheffield university travelled to the capital by coach to join them."
    )
    ev = _by_city(text)
    assert set(ev) == {"London"}
