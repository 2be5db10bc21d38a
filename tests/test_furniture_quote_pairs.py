"""A date is a word of a quoted name only inside a pair of quotation marks of one kind: a straight
quote closing an earlier name opens nothing, and a curly apostrophe closes no straight quote.
Names and places are invented."""

from __future__ import annotations

from protestdb.extract import extract_text
from protestdb.extract.furniture import in_quoted_name


def _at(text: str, words: str) -> bool:
    i = text.index(words)
    return in_quoted_name(text, i, i + len(words))


def test_a_name_in_one_kind_of_marks_hides_its_date() -> None:
    assert _at("Riders joined the \u2018Seven Bridges March 4 Ferries\u2019 walk.", "March 4")
    assert _at('Riders joined the "Seven Bridges March 4 Ferries" walk.', "March 4")


def test_marks_of_two_kinds_make_no_quoted_name() -> None:
    text = 'Riders met at the "Keep the Ferry" vigil in Riverton on Sunday, May 4 Ferry\u2019s crews watched.'
    assert not _at(text, "May 4")
    assert not _at("Riders joined the \u201cSeven Bridges March 4 Ferries\u2019 walk.", "March 4")


def test_the_date_words_of_an_undated_report_after_a_closed_quote_stay() -> None:
    text = ('About 70 riders rallied at the "Keep the Ferry" vigil in Riverton, Oregon, on Sunday, May 4 '
            "Harbor\u2019s ferry crews said.")
    events = extract_text(text, None, geocode=False).events
    assert any("May 4" in e.quote for ev in events for e in ev.evidence.get("date_precision", ()))
