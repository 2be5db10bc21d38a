"""Document relevance of reports that tell their action in the lead by its crowd ("Hundreds lined
the plaza on Sunday ...") and name it later ("the vigil"), and of vigils for a missing person
(issue 9: relevance on pages nobody tuned for). Own sentences, invented places."""

from __future__ import annotations

from datetime import date

from protestdb.extract import extract_text

PUB = date(2024, 5, 14)  # a Tuesday


def test_lead_crowd_gathering_named_later_is_a_report() -> None:
    text = (
        "MILLBROOK - Hundreds lined the plaza outside the county courthouse on Sunday night to remember three "
        "men killed by police this spring.\n\n"
        "A bell rang once for each of them.\n\n"
        "Speakers at the vigil asked the county board to fund an independent review of police shootings."
    )
    assert extract_text(text, PUB).is_protest_report


def _lead_score(text: str) -> int | None:
    from protestdb.extract import gate
    from protestdb.extract.components import run
    from protestdb.extract.config import COMPONENTS, ExtractConfig
    from protestdb.extract.document import ExtractDoc
    from protestdb.extract.relevance import _DocCues, lead_crowd_score

    xd = ExtractDoc(text=text, published=PUB, config=ExtractConfig(components=COMPONENTS[: COMPONENTS.index("relevance")]))
    gate.clear()
    run(xd, geocode=False)
    body = [t for t in xd.triggers if not t.weak and xd.layout.sentences[t.sent].kind == "body"]
    return lead_crowd_score(text, xd.layout, body, _DocCues(text, xd.layout, xd.dates, PUB, "en"), "en")


def test_lead_crowd_scores_and_not_in_a_quote() -> None:
    tail = "\n\nSpeakers at the vigil asked the county board to fund an independent review."
    told = _lead_score("Hundreds filled the town square on Sunday to remember the two workers." + tail)
    assert told is not None and told >= 3  # lead, people, a date in the window
    quoted = _lead_score("\u201cHundreds filled the town square on Sunday,\u201d the mayor said of the fair." + tail)
    assert quoted is None


def test_lead_crowd_at_a_parade_is_no_protest() -> None:
    text = (
        "Thousands at the spring parade gathered Saturday along Main Street in Millbrook for floats and "
        "marching bands.\n\n"
        "Later, a small vigil was mentioned by the mayor in his speech about the town's history."
    )
    assert not extract_text(text, PUB).is_protest_report


def test_vigil_for_someone_missing_is_no_protest() -> None:
    text = (
        "Neighbors in Millbrook held a candlelight vigil on Monday night for a teenager who has been missing "
        "since April 30.\n\n"
        "Volunteers handed out flyers and the pastor led a prayer for the boy's safe return home."
    )
    assert not extract_text(text, PUB).is_protest_report


def test_vigil_demanding_action_is_still_a_report() -> None:
    text = (
        "About 150 people held a candlelight vigil outside Millbrook City Hall on Monday night to demand "
        "that the city council ban evictions during the summer heat.\n\n"
        "Organizers from the Millbrook Tenants Union said they would return next week."
    )
    assert extract_text(text, PUB).is_protest_report


def test_lead_crowd_at_a_memorial_for_crash_victims_is_no_protest() -> None:
    text = (
        "On Monday night a Millbrook church overflowed with hundreds of mourners holding candles for the "
        "four passengers killed in Sunday's bus crash.\n\n"
        "Family members thanked the first responders, and the vigil ended with a moment of silence."
    )
    assert not extract_text(text, PUB).is_protest_report
