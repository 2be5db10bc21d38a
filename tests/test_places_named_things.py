"""Place words that name something else than a site: a gazetteer alternate name made of
ordinary words ("Federal Capital", a nickname of Washington), a day named after a place
("Columbus Day", "Earth Day"; not a city's own "Day of Action"), a group told by its number
("the Plano Five"), a person's home ("a Fontana resident", not "resident physicians") or
school ("a UCLA alumna", not "UCLA alumni" acting there). All sentences are invented."""

from __future__ import annotations

from datetime import date

import pytest

from protestdb.extract import extract_text
from protestdb.geo.gazetteer import generic_alt
from protestdb.geo.normalize import norm_name
from protestdb.geo.resolve import candidates

PUB = date(2025, 3, 10)


def _places(text: str) -> set[tuple[str | None, str | None, str | None]]:
    return {(e.locality, e.state, e.country) for e in extract_text(text, PUB).events}


@pytest.mark.parametrize(("alt", "name"), [
    ("federal capital", "Washington"),
    ("river city", "Portland"),
    ("old town", "Las Vegas"),
    ("the queen city", "Alma"),
    ("mile high city", "Denver"),
])
def test_an_alternate_name_of_ordinary_words_is_generic(alt: str, name: str) -> None:
    assert generic_alt(alt, name)


@pytest.mark.parametrize(("alt", "name"), [
    ("union town", "Uniontown"),  # a respelling of the place's own name
    ("city of big lake", "Big Lake"),
    ("new york city", "New York"),  # a word that is no ordinary word
    ("west lake", "Westlake"),  # no word for a kind of place
])
def test_a_respelling_or_a_proper_name_is_not_generic(alt: str, name: str) -> None:
    assert not generic_alt(alt, name)


def test_the_index_holds_no_nickname_of_ordinary_words() -> None:
    assert not candidates(norm_name("Federal Capital"))
    assert all(p.name != "Portland" for p in candidates(norm_name("River City")))
    assert any(p.name == "Uniontown" for p in candidates(norm_name("Uniontown")))


def test_a_capital_territory_abroad_is_not_washington() -> None:
    text = ("Nurses stay off wards for a third day\n"
            "KANO, Nigeria — Nurses at six hospitals in Kano kept up their walkout on Wednesday over wages owed since June. "
            "Their union also held a sit-in in the Federal Capital Territory, outside the health ministry in Abuja.")
    places = _places(text)
    assert ("Abuja", None, "NG") in places
    assert not any(country == "US" for _, _, country in places)


@pytest.mark.parametrize("text", [
    "Hundreds rallied on Columbus Day to demand that the holiday be renamed.",
    ("The rally on Saturday drew 4,000 people, organizers said, the largest single-day march in the city "
     "since the first Earth Day. Texas officials did not comment. The march in Austin ended at the Capitol."),
])
def test_a_day_named_after_a_place_is_no_site(text: str) -> None:
    localities = {loc for loc, _, _ in _places(text)}
    assert "Columbus" not in localities and "Earth" not in localities


@pytest.mark.parametrize("group", ["Plano Five", "Akron Four", "Tulsa Seven"])
def test_a_group_named_by_its_number_is_no_site(group: str) -> None:
    text = (f"SEATTLE — The {group}, tenants who have refused food since May, asked the mayor once more for a rent cap. "
            f"On Friday their backers marched to City Hall in Seattle, and 20 people were arrested.")
    localities = {loc for loc, _, _ in _places(text)}
    assert "Seattle" in localities
    assert group.split()[0] not in localities


@pytest.mark.parametrize("text", [
    "Unas dos mil personas marcharon el jueves en Boise, Idaho, para rechazar un decreto firmado por Donald Trump.",
    "Un grupo de docentes protestó el viernes frente al ayuntamiento de Tucson, Arizona, por los recortes que pide Elon Musk.",
])
def test_a_public_figures_first_name_is_no_town_in_any_language(text: str) -> None:
    localities = {loc for loc, _, _ in _places(text)}
    assert localities and not localities & {"Donald", "Elon"}


@pytest.mark.parametrize("who", ["a Fontana, Calif., resident", "a Fontana resident", "a Fontana native",
                                 "an Ohio native", "a California resident"])
@pytest.mark.parametrize("after", [" and one of its planners,", ","])
def test_a_persons_home_town_is_no_site(who: str, after: str) -> None:
    text = ("Some 60 tenants occupied the lobby of the housing agency in Spokane on Thursday. "
            f"Marisol Quenby, {who}{after} told reporters the tenants would come back.")
    assert {loc for loc, _, _ in _places(text)} == {"Spokane"}


def test_a_home_state_told_last_is_no_site() -> None:
    text = ("Hundreds of mill workers picketed on Saturday against the planned shutdown, "
            "said Petra Vosk, a Texas native.")
    assert not any(st == "TX" for _, st, _ in _places(text))


@pytest.mark.parametrize(("text", "where"), [
    ("In Akron, resident physicians walked off the job on Thursday over night-shift pay.", ("Akron", "OH", "US")),
    ("In Ibadan, resident doctors started an open-ended strike on Thursday over months of missed pay.",
     ("Ibadan", None, "NG")),
    ("In Duluth, native youth drummed and marched on Sunday against the new pipeline.", ("Duluth", "MN", "US")),
    ("Across Hawaii, native Hawaiian groups held vigils on Sunday against the new observatory.", (None, "HI", "US")),
])
def test_resident_or_native_before_another_noun_keeps_the_place(text: str, where: tuple) -> None:
    # "resident physicians", "native youth": a kind of people, not a person's home
    assert where in _places(text)


def test_residents_acting_in_their_town_keep_it() -> None:
    assert ("Fontana", "CA", "US") in _places("Fontana residents rallied outside City Hall on Tuesday against a warehouse.")


@pytest.mark.parametrize("who", ["a 2019 UCLA graduate", "a UCLA alumna", "a UCLA alum"])
def test_a_university_a_person_graduated_from_is_no_site(who: str) -> None:
    text = ("Some 60 tenants occupied the lobby of the housing agency in Spokane on Thursday. "
            f"Petra Vosk, {who} now teaching in the district, led the chants.")
    assert {loc for loc, _, _ in _places(text)} == {"Spokane"}


@pytest.mark.parametrize("text", [
    "Dozens of UCLA alumni rallied on campus on Thursday against the new limits on student speech.",
    "About 80 UCLA alums and students rallied on campus on Thursday against the tuition hike.",
])
def test_a_universitys_alumni_acting_there_keep_it(text: str) -> None:
    assert ("Los Angeles", "CA", "US") in _places(text)


@pytest.mark.parametrize(("text", "where"), [
    ("About 300 people marched on Sunday in the Tacoma Day of Action for tenants, ending at the county building.",
     ("Tacoma", "WA", "US")),
    ("Shops closed and 2,000 workers marched on Monday in the Denver Day Without Immigrants, organizers said.",
     ("Denver", "CO", "US")),
])
def test_a_citys_own_day_of_action_keeps_the_city(text: str, where: tuple) -> None:
    assert where in _places(text)


def test_graduate_students_at_a_university_keep_it() -> None:
    assert ("Los Angeles", "CA", "US") in _places("UCLA graduate students rallied on Tuesday against pay cuts.")
