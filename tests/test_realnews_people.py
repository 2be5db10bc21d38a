"""Issue 9, error class 2: people's names are never places. A token spaCy tags PERSON, a
name in a "said X" / "X said" frame or followed by a title is no town, however many US towns
carry that name.

All sentences are written for these tests (no real page text)."""

from __future__ import annotations

from datetime import date

from protestdb.extract import extract_text
from protestdb.extract.nlp import load_nlp
from protestdb.extract.places import gazetteer_places, is_person

PUB = date(2025, 3, 12)


def _localities(text: str) -> set[str]:
    res = extract_text(text, PUB)
    assert res.is_protest_report
    return {e.locality for e in res.events if e.locality}


def test_said_frames_and_titles() -> None:
    text = "The march ended at noon, said Chandler. Brandon said it was peaceful. Scott, a spokeswoman, agreed."
    for name in ("Chandler", "Brandon", "Scott"):
        s = text.index(name)
        assert is_person(text, s, s + len(name), [])
    s = text.index("noon")
    assert not is_person(text, s, s + 4, [])


def test_person_entity_is_no_place() -> None:
    text = "Organizer Brandon Mitchell led about 300 teachers in a rally at the state capitol in Denver on Monday."
    doc = load_nlp()(text)
    quotes = {p.quote for p in gazetteer_places(text, doc) if p.kind == "city"}
    assert "Brandon" not in quotes
    assert "Denver" in quotes


def test_article_about_one_city_gets_no_events_in_namesake_towns() -> None:
    text = (
        "About 500 nurses rallied outside Mercy Hospital in Denver on Tuesday to demand safer staffing.\n\n"
        "\"We are exhausted,\" said Chandler, a nurse on the night shift. Scott Alvarez, who organized the "
        "rally, said the union would strike next month if talks fail. Brandon told the crowd to keep marching."
    )
    assert _localities(text) == {"Denver"}


def test_a_name_tagged_once_is_a_name_everywhere() -> None:
    from protestdb.extract.places import person_spans

    text = "Critics of Elon Musk's cost cuts rallied on Saturday. Many said Elon Musk's role was the reason."
    doc = load_nlp()(text)
    spans = person_spans(text, doc)
    second = text.rindex("Elon")
    assert any(a <= second < b for a, b in spans)
