"""Towns of a list that never became place candidates (session 23): a list opened by a noun of
towns ("the cities of", "towns such as"), a list the parser cut at a line wrap, a list item the
model glued with the next one into one ORG ("Ballarat, Bendigo"), a list's last town before a
sentence's end ("..., Perth and Darwin. Police ..."), and a world city named in a text about
another country. Sentences written here; the entity labels of the unit tests are set by hand."""

from __future__ import annotations

import pytest

from conftest import place_labels
from protestdb.extract.places import gazetteer_places
from protestdb.geo import find_places

_labels = place_labels


# a list opened by a noun of towns: the noun tells its items as towns, even small ones
@pytest.mark.parametrize(("text", "ents", "town"), [
    ("Dock workers struck on Monday in the cities of Ghent, Liege and Namur.",
     {"Ghent": "GPE", "Liege": "PERSON", "Namur": "ORG"}, "Liege"),
    ("Nurses picketed clinics in small towns such as Kerrville, Boerne and Fredericksburg.",
     {"Kerrville": "GPE", "Boerne": "PERSON", "Fredericksburg": "ORG"}, "Boerne"),
    # no name of the list tagged as a place, the list's first name untagged
    ("Port cities like Gdynia, Szczecin and Gdansk saw long strikes this week.",
     {"Szczecin": "PERSON", "Gdansk": "ORG"}, "Szczecin"),
])
def test_town_in_a_list_opened_by_a_noun_of_towns(nlp, text: str, ents: dict[str, str], town: str) -> None:
    assert _labels(nlp, text, ents)[town] == "GPE"


@pytest.mark.parametrize(("text", "ents", "name"), [
    # no noun of towns: a list of people whose surnames are towns
    ("Speakers at the rally included Kerrville, Boerne and Fredericksburg.",
     {"Kerrville": "PERSON", "Boerne": "PERSON", "Fredericksburg": "PERSON"}, "Boerne"),
    # a speech frame after a noun-opened list's sentence
    ("Towns such as Kerrville need help, Boerne and Fredericksburg said.",
     {"Kerrville": "GPE", "Boerne": "PERSON", "Fredericksburg": "PERSON"}, "Boerne"),
    # a firm, and a list of countries
    ("Workers at firms such as Johnson and Johnson walked out.",
     {"Johnson": "PERSON", "Johnson#2": "PERSON"}, "Johnson#2"),
    ("Refugees arrived from countries such as Jordan, Lebanon and Syria.",
     {"Jordan": "PERSON", "Lebanon": "GPE", "Syria": "GPE"}, "Jordan"),
    # a town too small, a town of another country than the list's
    ("Vigils were held in towns such as Kerrville, Boerne and Comfort.",
     {"Kerrville": "GPE", "Boerne": "GPE", "Comfort": "PERSON"}, "Comfort"),
    ("Dock workers struck in the cities of Ghent, Liege and Paducah.",
     {"Ghent": "GPE", "Liege": "GPE", "Paducah": "PERSON"}, "Paducah"),
    # the surname of a full name on the page
    ("Dana Boerne spoke first. Vigils followed in towns such as Kerrville and Boerne.",
     {"Dana Boerne": "PERSON", "Kerrville": "GPE", "Boerne#2": "PERSON"}, "Boerne#2"),
])
def test_name_after_a_noun_list_kept_a_person(nlp, text: str, ents: dict[str, str], name: str) -> None:
    assert _labels(nlp, text, ents)[name] == "PERSON"


def test_a_line_wrap_does_not_break_a_list(nlp) -> None:
    text = "Rallies were held on Saturday in Denver, Austin, Boise and\nTulsa."
    ents = {"Denver": "GPE", "Austin": "GPE", "Boise": "GPE", "Tulsa": "PERSON"}
    assert _labels(nlp, text, ents)["Tulsa"] == "GPE"


def test_a_paragraph_break_ends_a_list(nlp) -> None:
    text = "Rallies were held on Saturday in Denver and Austin,\n\nTulsa and Boise."
    ents = {"Denver": "GPE", "Austin": "GPE", "Tulsa": "PERSON", "Boise": "PERSON"}
    assert _labels(nlp, text, ents)["Tulsa"] == "PERSON"


def test_two_towns_glued_into_one_org_count_as_the_lists_towns(nlp) -> None:
    text = "Crowds protested at Ballarat, Bendigo, Toowoomba and Mackay on Friday."
    ents = {"Ballarat, Bendigo": "ORG", "Toowoomba": "PERSON", "Mackay": "GPE"}
    assert _labels(nlp, text, ents)["Toowoomba"] == "GPE"


def test_a_glued_org_of_firms_is_no_list_of_towns(nlp) -> None:
    text = "Crowds protested at Smith, Jones and Partners, Toowoomba and Mackay on Friday."
    ents = {"Smith, Jones and Partners": "ORG", "Toowoomba": "PERSON", "Mackay": "GPE"}
    assert _labels(nlp, text, ents)["Toowoomba"] == "PERSON"


def test_a_lists_last_town_before_a_sentence_end_is_a_place() -> None:
    text = "Vigils for the climate were held in Perth, Darwin and Cairns. Police said the crowds were calm."
    assert "Cairns" in [p.quote for p in gazetteer_places(text)]


def test_a_town_before_a_name_head_in_its_sentence_stays_no_place() -> None:
    text = "Marchers gathered outside the Cairns Regional Police station on Friday."
    assert "Cairns" not in [p.quote for p in gazetteer_places(text)]


_ABROAD = ("Farmers blocked roads in Leipzig, Dresden and Munich on Monday, the German police said. "
           "In Germany, tractors also drove to Hamburg. ")


def test_world_city_in_a_text_about_another_country() -> None:
    # a city that dwarfs its US namesakes is itself, not a dropped small US town
    text = _ABROAD + "In Geneva, hundreds of farmers marched on Tuesday."
    found = {pm.quote: pm.country for pm in find_places(text) if pm.kind == "city"}
    assert found.get("Geneva") == "CH"


def test_small_us_town_without_a_world_namesake_stays_dropped_abroad() -> None:
    text = _ABROAD + "In Paducah, hundreds of farmers marched on Tuesday."
    assert "Paducah" not in {pm.quote for pm in find_places(text)}
