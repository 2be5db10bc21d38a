"""Issue 9, roundups that tell an action spreading to towns ("the protests spread to A, B and C"),
and lists of towns some of whose names the tagger reads as people's.

All sentences are written for these tests (no real page text)."""

from __future__ import annotations

from datetime import date

from helpers import events_by_city
from protestdb.extract.places import spread_to


def test_protests_spreading_to_towns_tell_each_town() -> None:
    text = (
        "Farmers block roads across the region\n\n"
        "Protests against the new fuel levy spread on Friday to Kisumu, Eldoret, Nakuru and Nyeri, "
        "after two days of marches in Nairobi.\n\n"
        "Hundreds of traders closed their shops and marched through the town centres, chanting slogans.\n"
    )
    ev = events_by_city(text, date(2025, 3, 8))
    assert {"Kisumu", "Eldoret", "Nakuru", "Nyeri", "Nairobi"} <= set(ev)


def test_strikes_spilling_over_after_being_confined() -> None:
    text = (
        "Dock strike widens\n\n"
        "The strikes, so far confined to Marseille, spilled over to Bordeaux and Toulouse on Tuesday, "
        "the union said.\n"
    )
    ev = events_by_city(text, date(2024, 10, 2))
    assert {"Marseille", "Bordeaux", "Toulouse"} <= set(ev)


def test_spread_without_an_action_is_no_site() -> None:
    # the verb's subject is no action: the towns stay destinations
    text = "The floodwater spread overnight to Elmford and Dunmore."
    assert not spread_to(text, 0, text.index("Elmford"))
    text2 = "The protests spread overnight to Elmford and Dunmore."
    assert spread_to(text2, 0, text2.index("Elmford"))


def test_marching_to_a_town_stays_a_destination() -> None:
    text = "The protesters marched to Elmford on Sunday."
    assert not spread_to(text, 0, text.index("Elmford"))


def test_caption_headings_in_capitals_place_each_caption() -> None:
    # a gallery whose captions open on their city in capitals and a colon: short names are no acronyms,
    # and a big city abroad told so is a site even when its country is not named
    text = (
        "Demonstrations held across Europe at the weekend\n\n"
        "Tens of thousands of people marched on Saturday in support of the dockworkers.\n\n"
        "LISBON: Dockworkers and their families march through the city centre on Saturday\n\n"
        "GENOA: A protester waves a union flag during a rally at the port on Saturday\n\n"
        "ROTTERDAM: Demonstrators gather outside the city hall on Saturday\n"
    )
    ev = events_by_city(text, date(2024, 11, 10))
    assert {"Lisbon", "Genoa", "Rotterdam"} <= set(ev)


def test_capitals_inside_a_sentence_stay_an_acronym() -> None:
    from protestdb.geo.places import _acronym_at, _heading

    text = "Members of LISBON: a union\nLISBON: Dockers march\nLISBON said"
    first = text.index("LISBON")
    second = text.index("LISBON", first + 1)
    third = text.rindex("LISBON")
    assert _acronym_at(text, first, first + 6)  # not at a line's start
    assert not _acronym_at(text, second, second + 6) and _heading(text, second, second + 6)
    assert _acronym_at(text, third, third + 6)  # no colon


def test_a_list_after_a_spreading_action_opens_as_sites() -> None:
    # the place-name correction reads a list after "spread to" as a list of sites, as after "in"
    from protestdb.extract.nlp import parse_text
    from protestdb.extract.place_names import _spread_opening

    text = "The protests spread on Monday to Elmford, Dunmore, Kericho, Riverton and Oakvale."
    doc = parse_text(text)
    at = text.index("Kericho")
    assert _spread_opening(doc, doc.char_span(at, at + 7))
    text2 = "The buses drove on Monday to Elmford, Dunmore, Kericho, Riverton and Oakvale."
    doc2 = parse_text(text2)
    at2 = text2.index("Kericho")
    assert not _spread_opening(doc2, doc2.char_span(at2, at2 + 7))


def test_a_list_runs_on_across_names_the_model_left_untagged() -> None:
    # "A, B, C and D" with C tagged as nothing: A, B and D still make one list
    import spacy
    from spacy.tokens import Span

    from protestdb.extract.place_names import _list_runs

    nlp = spacy.blank("en")
    doc = nlp("Rallies were held in Elmford, Dunmore, Oakvale and Riverton.")
    words = [t.text for t in doc]
    ents = [Span(doc, words.index(w), words.index(w) + 1, label=lab)
            for w, lab in (("Elmford", "GPE"), ("Dunmore", "GPE"), ("Riverton", "PERSON"))]
    doc.ents = ents
    runs = _list_runs(doc, ents)
    assert [[e.text for e in r] for r in runs] == [["Elmford", "Dunmore", "Riverton"]]
    doc2 = nlp("Rallies were held in Elmford, Dunmore, said Oakvale and Riverton.")
    words2 = [t.text for t in doc2]
    ents2 = [Span(doc2, words2.index(w), words2.index(w) + 1, label="GPE") for w in ("Elmford", "Dunmore", "Riverton")]
    doc2.ents = ents2
    assert len(_list_runs(doc2, ents2)) == 2  # a lower-case word between: no list item
