"""Faults a review found in session 23's changes, pinned with invented texts: a world city
abroad invented for a US local page whose country was misjudged (a county named, the city's
country not named); a full stop of an abbreviation inside a venue's name ("Teachers Assn.
Building") taken for a sentence's end; "Washington State" before another name ("Washington
State Park") taken for the state; a noun-opened list whose PERSON-tagged names confirmed each
other as towns; a list joined across a line break into the next sentence's person."""

from __future__ import annotations

import pytest

from conftest import place_labels
from protestdb.extract import extract_text
from protestdb.geo.places import find_places


def _outputs(text: str) -> list[tuple[str | None, str | None, str | None]]:
    return [(e.locality, e.state, e.country) for e in extract_text(text).events]


# F3: a world city only where the text names its country or is a roundup; never beside county wording
@pytest.mark.parametrize("text", [
    "Hundreds of Ukrainian immigrants rallied outside the Clarke County courthouse in Athens on Sunday, "
    "calling for more aid to Ukraine.",
    "Ukrainian refugees and supporters rallied in Florence on Saturday, waving Ukrainian flags outside "
    "the Lauderdale County courthouse.",
    # no county: the demonym names Ukraine, the text names no town of it, nor Italy
    "Ukrainian refugees and supporters rallied in Florence on Saturday, waving Ukrainian flags.",
])
def test_no_world_city_abroad_on_a_demonym_alone(text: str) -> None:
    out = _outputs(text)
    assert out and all(country not in ("GR", "IT") for _loc, _st, country in out)


# F4: a full stop after a name's abbreviation ends no sentence: the venue's name holds the town
@pytest.mark.parametrize(("text", "town", "not_town"), [
    ("Retirees picketed outside the Albany Teachers Assn. Building in Schenectady on Monday.",
     "Schenectady", "Albany"),
    ("Dozens rallied outside the Denver Bros. Warehouse in Aurora on Friday.", "Aurora", "Denver"),
    ("Nurses marched to the Albany Medical Assn. Center in Troy on Friday.", "Troy", "Albany"),
])
def test_abbreviation_in_a_venue_name_ends_no_sentence(text: str, town: str, not_town: str) -> None:
    localities = [loc for loc, _st, _c in _outputs(text)]
    assert town in localities and not_town not in localities


def test_abbreviation_in_an_airport_name_ends_no_sentence() -> None:
    text = "Protesters gathered outside the Springfield Intl. Airport terminal in Chatham."
    assert "Springfield" not in [loc for loc, _st, _c in _outputs(text)]


# F5: "Washington State" is the state before a body of the state or at a phrase's end, never
# before another name (a park, a university)
def test_washington_state_park_is_no_state() -> None:
    out = _outputs("About 100 people rallied at Washington State Park on Sunday to protest logging.")
    assert all(st != "WA" for _loc, st, _c in out)


@pytest.mark.parametrize(("text", "expected"), [
    ("Washington State University students marched in Pullman on Friday to protest tuition hikes.",
     ("Pullman", "WA", "US")),
    ("Protesters rallied outside the Washington State Capitol on Monday.", ("Olympia", "WA", "US")),
])
def test_washington_state_kept_where_it_tells_the_state(text: str, expected: tuple[str, str, str]) -> None:
    assert expected in _outputs(text)


def test_washington_state_patrol_is_the_state() -> None:
    out = _outputs("Members of the Washington State Patrol union picketed on Monday.")
    assert out and out[0][1] == "WA"


# concern: two PERSON-tagged names of a noun-opened list never confirm each other as towns
def test_person_names_of_a_noun_list_do_not_vote(nlp) -> None:
    text = "Nurses picketed clinics in small towns such as Kerrville, Boerne and Fredericksburg."
    labels = place_labels(nlp, text, {"Kerrville": "PERSON", "Boerne": "PERSON", "Fredericksburg": "PERSON"})
    assert labels["Boerne"] == "PERSON"


# concern: a list never runs on over a line break into the next sentence's person
def test_a_list_stops_at_a_line_break(nlp) -> None:
    text = ("Dock workers struck on Monday in the cities of Ghent, Namur and Liege\n"
            "Tulsa Kemp led the march to the port.")
    labels = place_labels(nlp, text, {"Ghent": "GPE", "Namur": "GPE", "Liege": "GPE", "Tulsa Kemp": "PERSON"})
    assert labels["Tulsa Kemp"] == "PERSON"


def test_world_city_kept_in_a_text_naming_towns_of_its_country() -> None:
    # the text's country backed by its own towns; a county council is no US county wording
    text = ("Farmers blocked roads in Leipzig, Dresden and Munich on Monday, the German police said. "
            "The Elbe County Council closed two bridges. In Geneva, hundreds of farmers marched on Tuesday.")
    found = {pm.quote: pm.country for pm in find_places(text) if pm.kind == "city"}
    assert found.get("Geneva") == "CH"
