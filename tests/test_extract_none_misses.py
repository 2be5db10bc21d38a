"""Gold events that got no candidate at all (the ``none`` misses of the real-news benchmark):
the general shapes of news writing behind them, pinned with invented sentences."""

from __future__ import annotations

import importlib.util
from datetime import date
from pathlib import Path

import pytest

from conftest import place_labels
from protestdb.extract import extract_text

_SPEC = importlib.util.spec_from_file_location(
    "place_names_lists_bench", Path(__file__).parent.parent / "benchmarks" / "place_names_lists.py"
)
_BENCH = importlib.util.module_from_spec(_SPEC)
_SPEC.loader.exec_module(_BENCH)

PUB = date(2024, 3, 8)


def _events(text: str) -> list[tuple[str | None, tuple[str, ...]]]:
    res = extract_text(text, PUB)
    return sorted(((e.locality, tuple(sorted(e.event_type))) for e in res.events), key=lambda x: (x[0] or "", x[1]))


def test_a_city_march_during_a_named_nationwide_boycott_is_two_events() -> None:
    # the city's march, and the nation's boycott it is part of (DESIGN's founding case)
    got = _events('Hundreds of immigrants marched in Dayton, Ohio, on Thursday during the "Day Without '
                  'Immigrants" protest, organizers said.')
    assert got == [(None, ("boycott", "strike")), ("Dayton", ("march",))]


def test_a_rally_as_part_of_a_named_nationwide_action_is_two_events() -> None:
    got = _events("Restaurants closed and workers rallied in Dayton, Ohio, on Thursday as part of A Day "
                  "Without Immigrants.")
    assert got == [(None, ("boycott", "strike")), ("Dayton", ("rally",))]


def test_a_named_nationwide_action_only_remembered_is_not_the_city_s_kind() -> None:
    got = _events("Hundreds marched in Dayton, Ohio, on Thursday to remember the Day Without Immigrants of 2006.")
    assert got == [("Dayton", ("march",))]


def test_a_named_nationwide_action_only_called_for_is_no_event() -> None:
    got = _events("Students marched in Dayton, Ohio, on Thursday and called for A Day Without Immigrants next month.")
    assert got == [("Dayton", ("march",))]


def test_a_city_whose_only_action_is_the_named_one_keeps_it() -> None:
    got = _events("Immigrant workers in Dayton, Ohio, stayed home on Thursday for A Day Without Immigrants.")
    assert got == [("Dayton", ("boycott", "strike"))]


_FAR_COUNTER = (
    "Hundreds of protesters marched through central {city} on Saturday against the new vaccine rules.\n\n"
    '"We want our freedom back," one marcher told reporters.\n\n'
    "Police said there were no arrests.\n\n"
    "Officials said all roads had reopened by the evening.\n\n"
    "A second rally was held later at a park near the hospital.\n\n"
    "Counter-protesters also gathered nearby {day}.\n"
)


def test_counter_protesters_told_without_a_place_answer_the_one_located_action() -> None:
    got = _events(_FAR_COUNTER.format(city="Denver", day="on Saturday"))
    assert ("Denver", ("counter-protest",)) in got
    assert ("Denver", ("march",)) in got


def test_counter_protesters_on_another_day_are_not_placed_at_the_action() -> None:
    got = _events(_FAR_COUNTER.format(city="Denver", day="on Monday"))
    assert ("Denver", ("counter-protest",)) not in got


def test_counter_protesters_without_a_place_beside_two_cities_get_no_guess() -> None:
    text = _FAR_COUNTER.format(city="Denver", day="on Saturday").replace(
        "Police said", "Hundreds more marched in Boulder on Saturday.\n\nPolice said")
    got = _events(text)
    assert not any(ty == ("counter-protest",) for _loc, ty in got)


# --- a town the model tags PERSON in a list of places told under its region ------------------


_labels = place_labels


def test_towns_listed_under_their_state_are_places(nlp) -> None:
    text = "In Iowa, Decorah, Ames, Dubuque and Waterloo saw rallies on Sunday."
    got = _labels(nlp, text, {"Iowa": "GPE", "Decorah": "PERSON", "Ames": "GPE", "Dubuque": "PERSON",
                              "Waterloo": "GPE"})
    assert got["Dubuque"] == "GPE" and got["Decorah"] == "GPE"


def test_towns_listed_under_their_country_after_including_are_places(nlp) -> None:
    text = "Crowds also rallied in other cities throughout Israel, including in Haifa, Netanya and Bat Yam."
    got = _labels(nlp, text, {"Israel": "GPE", "Haifa": "GPE", "Netanya": "GPE", "Bat Yam": "PERSON"})
    assert got["Bat Yam"] == "GPE"


def test_an_untagged_name_between_region_and_list_is_passed_over(nlp) -> None:
    text = "In South Dakota, Brookings, Pierre, Sioux Falls and Rapid City held vigils too."
    got = _labels(nlp, text, {"South Dakota": "GPE", "Sioux Falls": "PERSON", "Pierre": "PERSON", "Rapid City": "GPE"})
    assert got["Sioux Falls"] == "GPE" and got["Pierre"] == "GPE"


def test_a_small_town_in_a_bare_list_without_its_region_is_no_evidence(nlp) -> None:
    # without its region a list names a city (50,000 people or more), not a small town
    text = "Marches were held in Ames, Dubuque and Waverly on Saturday."
    got = _labels(nlp, text, {"Ames": "GPE", "Dubuque": "GPE", "Waverly": "PERSON"})
    assert got["Waverly"] == "PERSON"


def test_a_town_of_another_region_in_the_list_stays_a_person(nlp) -> None:
    # Decorah is a town of Iowa, not of Ohio
    text = "In Ohio, Columbus, Dayton and Decorah held marches."
    got = _labels(nlp, text, {"Ohio": "GPE", "Columbus": "GPE", "Dayton": "GPE", "Decorah": "PERSON"})
    assert got["Decorah"] == "PERSON"


def test_a_person_in_a_speech_frame_after_a_list_stays_a_person(nlp) -> None:
    text = "In Iowa, Ames, Dubuque and Waverly said the marches went well."
    got = _labels(nlp, text, {"Iowa": "GPE", "Ames": "GPE", "Dubuque": "GPE", "Waverly": "PERSON"})
    assert got["Waverly"] == "PERSON"


def _count_places(monkeypatch) -> list[str]:
    from protestdb.extract import place_names as pn

    seen: list[str] = []
    real = pn._places

    def counted(name: str):
        seen.append(name)
        return real(name)

    monkeypatch.setattr(pn, "_places", counted)
    return seen


def _long_list(nlp, head: str, n: int):
    """"<head>Name0 Lee, Name1 Lee, ... and Dubuque joined the march.", every name tagged PERSON
    (the document ``benchmarks/place_names_lists.py`` times)."""
    return _BENCH._doc(nlp, head, n)


@pytest.mark.parametrize("head", ["In Iowa, ", "The letter was signed by "])
def test_a_long_list_of_names_is_walked_once(nlp, monkeypatch, head: str) -> None:
    # a list of 300 names: the list rule looks each name up a bounded number of times (once at
    # most, and only the first LIST_MAX_ITEMS names under a region head), not once per member
    from protestdb.extract.place_names import LIST_MAX_ITEMS, place_names

    seen = _count_places(monkeypatch)
    doc = place_names(_long_list(nlp, head, 300))
    assert len(seen) <= LIST_MAX_ITEMS + 1
    assert max((seen.count(n) for n in set(seen)), default=0) <= 1
    assert all(e.label_ == "PERSON" for e in doc.ents)


def test_possessive_heads_failing_keeps_the_model_s_labels(nlp, monkeypatch) -> None:
    from protestdb.extract import place_names as pn

    def boom(*_a, **_k):
        raise RuntimeError("invented failure")

    monkeypatch.setattr(pn, "_possessive_heads", boom)
    text = "Thousands packed Dubuque's Washington Park on Saturday."
    doc = nlp(text)
    a = text.index("Dubuque")
    doc.ents = [doc.char_span(a, text.index(" on Saturday"), label="PERSON")]
    doc = pn.place_names(doc)
    assert [(e.text, e.label_) for e in doc.ents] == [("Dubuque's Washington Park", "PERSON")]


def test_every_town_of_a_region_headed_list_is_an_event() -> None:
    text = ("Thousands marched in Des Moines, Iowa, on Saturday against the new law.\n\n"
            "In Iowa, Ames, Cedar Rapids, Decorah and Dubuque also marched that day.")
    got = {loc for loc, _ty in _events(text)}
    assert {"Des Moines", "Ames", "Cedar Rapids", "Dubuque", "Decorah"} <= got


# --- a town the model tags PERSON as an item of a turnout list ("Calais (3800), Sete (5100)") --


def test_towns_of_a_turnout_list_are_places(nlp) -> None:
    text = "Smaller towns turned out too, like Calais (3800), Sete (5100) and Guéret (2600)."
    got = _labels(nlp, text, {"Sete": "ORG", "Calais": "PERSON", "Guéret": "PERSON"})
    assert got["Calais"] == "GPE" and got["Guéret"] == "GPE"


def test_ages_in_brackets_are_no_turnout(nlp) -> None:
    text = "Among the injured were Calais (45) and Rouen (52), police said."
    got = _labels(nlp, text, {"Calais": "PERSON", "Rouen": "PERSON"})
    assert got == {"Calais": "PERSON", "Rouen": "PERSON"}


def test_years_in_brackets_are_no_turnout(nlp) -> None:
    text = "Students screened films such as Selma (2014), Harriet (2019) and Milton (2021) at the library."
    got = _labels(nlp, text, {"Selma": "PERSON", "Harriet": "PERSON", "Milton": "PERSON"})
    assert got == {"Selma": "PERSON", "Harriet": "PERSON", "Milton": "PERSON"}


def test_a_turnout_with_a_thousands_separator_is_still_a_turnout(nlp) -> None:
    text = "Crowds were counted in towns such as Sete (2,014), Calais (1,950) and Rouen (3,100)."
    got = _labels(nlp, text, {"Sete": "PERSON", "Calais": "PERSON", "Rouen": "GPE"})
    assert got["Sete"] == "GPE" and got["Calais"] == "GPE"


def test_one_figure_in_brackets_is_no_list(nlp) -> None:
    text = "Marchers walked from the station to Rouen (5000 of them, by one count)."
    assert _labels(nlp, text, {"Rouen": "PERSON"})["Rouen"] == "PERSON"


def test_a_name_in_a_speech_frame_stays_a_person_in_a_turnout_list(nlp) -> None:
    text = "Calais (5000) said Rouen (4000) was counted wrongly."
    got = _labels(nlp, text, {"Calais": "PERSON", "Rouen": "PERSON"})
    assert got == {"Calais": "PERSON", "Rouen": "PERSON"}


def test_each_town_of_a_turnout_list_is_an_event() -> None:
    text = ("Tens of thousands of people marched across France on Tuesday against the pension reform.\n\n"
            "In Paris, police counted 87,000 demonstrators.\n\n"
            "Smaller towns turned out too, like Calais (3800), Sete (5100) and Gueret (2600).")
    got = {loc for loc, _ty in _events(text)}
    assert {"Paris", "Sete", "Calais", "Gueret"} <= got


# --- a town the model tags PERSON as the place a sentence opens on ("In Hamilton, ...") --------


def test_a_sentence_opening_in_a_town_names_a_place(nlp) -> None:
    text = "In Hamilton, hundreds of staff walked off the job at the university."
    assert _labels(nlp, text, {"Hamilton": "PERSON"})["Hamilton"] == "GPE"


def test_a_sentence_opening_after_a_connective_names_a_place(nlp) -> None:
    text = "Meanwhile, in Hamilton, people walked to the university."
    assert _labels(nlp, text, {"Hamilton": "PERSON"})["Hamilton"] == "GPE"


@pytest.mark.parametrize("text", [
    "The union said it had confidence in Hamilton, who led the talks.",
    # no comma after the name: the "in" of a word of trust, belief or interest governs no place
    "The union said it had confidence in Hamilton and the talks would go on.",
    "Voters put their faith in Warren and cheered.",
    "Few of the marchers were interested in Hamilton at all.",
])
def test_in_a_name_after_a_word_of_trust_is_no_site(nlp, text: str) -> None:
    name = "Hamilton" if "Hamilton" in text else "Warren"
    assert _labels(nlp, text, {name: "PERSON"})[name] == "PERSON"


@pytest.mark.parametrize("text", [
    "Marchers chanted slogans and sat in silence near Shelby as she spoke.",
    "The crowd stood near Shelby while he read the names.",
])
def test_a_name_followed_by_a_person_s_pronoun_is_no_site(nlp, text: str) -> None:
    assert _labels(nlp, text, {"Shelby": "PERSON"})["Shelby"] == "PERSON"


def test_a_site_inside_a_sentence_still_names_a_place(nlp) -> None:
    # the site rule also covers "in X" inside a sentence (and the sentence-opening shape above)
    text = "Hundreds of nurses marched in Hamilton on Saturday."
    assert _labels(nlp, text, {"Hamilton": "PERSON"})["Hamilton"] == "GPE"


def test_an_opening_name_followed_by_a_title_stays_a_person(nlp) -> None:
    text = "In Hamilton, a spokeswoman for the union, the members trust."
    assert _labels(nlp, text, {"Hamilton": "PERSON"})["Hamilton"] == "PERSON"
