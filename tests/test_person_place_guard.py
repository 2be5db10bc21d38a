"""No event is placed on words spaCy tags as a person (issue 9, error class 2): a venue read as a
man's name ("Lafayette Square" tagged PERSON) is no evidence of the town it is in. When another
mention names the town, the evidence moves there; with no other place words, no town."""

from __future__ import annotations

from datetime import date

import pytest

from protestdb.extract import extract_text

PUB = date(2025, 3, 10)
LEAD = ("Thousands of people marched to Lafayette Square on Saturday afternoon to protest the new tariffs, "
        "chanting and carrying signs.\n\nThe crowd stayed for two hours, organizers said.")


def _persons(nlp, text: str) -> list[tuple[int, int]]:
    return [(e.start_char, e.end_char) for e in nlp(text).ents if e.label_ == "PERSON"]


def _on_person(nlp, text: str) -> list[str]:
    persons = _persons(nlp, text)
    return [text[s.start:s.end] for ev in extract_text(text, PUB).events for s in ev.evidence.get("locality") or []
            if any(a < s.end and s.start < b for a, b in persons)]


_BUS_LEAD = ("Several thousand people marched to Lafayette Square on Saturday to protest cuts to the city's "
             "bus service, waving banners and blowing whistles.\n\n")


@pytest.fixture
def venue_is_person(nlp) -> None:
    if not any(LEAD[a:b] == "Lafayette Square" for a, b in _persons(nlp, LEAD)):
        pytest.skip("this spaCy model does not read the venue as a person")


def test_venue_tagged_person_moves_evidence_to_the_towns_own_mention(nlp, venue_is_person) -> None:
    text = LEAD + " It was the largest march in Washington this year."
    events = extract_text(text, PUB).events
    placed = [ev for ev in events if ev.locality]
    assert placed and all(ev.locality == "Washington" for ev in placed)
    quotes = {text[s.start:s.end] for ev in placed for s in ev.evidence["locality"]}
    assert quotes == {"Washington"}
    assert _on_person(nlp, text) == []


def test_venue_tagged_person_without_other_place_words_gives_no_town(nlp, venue_is_person) -> None:
    events = extract_text(LEAD, PUB).events
    assert events, "the march is still an event"
    assert all(ev.locality is None for ev in events)
    assert _on_person(nlp, LEAD) == []


@pytest.mark.parametrize(("text", "town"), [
    ("Hundreds of nurses rallied in Fresno on Tuesday, and Brandon Fresno, a union steward, said the rally "
     "would be the first of many.", "Fresno"),
    # a Springfield with no state is no one town
    ("About 300 people marched through Springfield on Sunday to protest the closing of the plant, "
     "according to organizer Carla Springfield.", None),
    ("LONDON (AP) - Thousands of people marched from Hyde Park to Trafalgar Square on Saturday afternoon "
     "to protest the war.", "London"),
])
def test_no_locality_evidence_on_a_person(nlp, text: str, town: str | None) -> None:
    events = extract_text(text, PUB).events
    assert events, "the action is an event"
    assert {ev.locality for ev in events} == {town}
    assert _on_person(nlp, text) == []


def test_the_towns_other_mention_is_no_outlets_name(nlp, venue_is_person) -> None:
    # the square (a gazetteer venue spaCy reads as a man's name) is no evidence, and neither is
    # the town's name inside a newspaper's: no town is told
    text = _BUS_LEAD + "The crowd broke up by dusk, organizers told The Washington Post."
    events = extract_text(text, PUB).events
    assert events
    assert all(ev.locality is None for ev in events)
    assert all(not ev.evidence.get("locality") for ev in events)


def test_the_towns_other_mention_beside_an_outlets_name_is_kept(nlp, venue_is_person) -> None:
    text = (_BUS_LEAD + "The crowd broke up by dusk, organizers told The Washington Post. It was the largest "
            "march over transit in Washington in years.")
    placed = [ev for ev in extract_text(text, PUB).events if ev.locality]
    assert placed and all(ev.locality == "Washington" for ev in placed)
    starts = {s.start for ev in placed for s in ev.evidence["locality"]}
    assert starts == {text.rindex("Washington")}


def test_town_told_as_a_site_stays_placed() -> None:
    text = "About 300 people marched through Springfield, Ill., on Sunday to protest the closing of the plant."
    assert [ev.locality for ev in extract_text(text, PUB).events] == ["Springfield"]
