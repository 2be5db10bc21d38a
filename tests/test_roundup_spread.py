"""Issue 9, roundups that tell an action spreading to towns ("the protests spread to A, B and C"),
and lists of towns some of whose names the tagger reads as people's.

All sentences are written for these tests (no real page text)."""

from __future__ import annotations

from datetime import date

import pytest

from helpers import events_by_city
from protestdb.extract.places import spread_to


def test_protests_spreading_to_towns_tell_each_town() -> None:
    text = (
        "Stallholders shut markets over water tariff\n\n"
        "Protests against the new water tariff spread on Thursday to Arequipa, Cusco, Trujillo and Piura, "
        "the traders' federation said.\n\n"
        "Stallholders pulled down their shutters and walked through the main squares with drums.\n"
    )
    ev = events_by_city(text, date(2025, 3, 8))
    assert {"Arequipa", "Cusco", "Trujillo", "Piura"} <= set(ev)


def test_strikes_spilling_over_after_being_confined() -> None:
    text = (
        "Dock strikes reach two more cities\n\n"
        "The strikes, until now seen only in Gdansk, spilled over to Szczecin and Gdynia on Wednesday, "
        "where hundreds of dockers walked off the job and blocked the gates, a union spokesman said.\n"
    )
    ev = events_by_city(text, date(2024, 10, 2))
    assert {"Szczecin", "Gdynia"} <= set(ev)


def test_spread_without_an_action_is_no_site() -> None:
    # the verb's subject is no action: the towns stay destinations
    text = "The floodwater spread overnight to Elmford and Dunmore."
    assert not spread_to(text, 0, text.index("Elmford"))
    text2 = "The protests spread overnight to Elmford and Dunmore."
    assert spread_to(text2, 0, text2.index("Elmford"))


@pytest.mark.parametrize("text", [
    "The sit-ins, begun by nurses at two clinics, spread on Monday to Elmford and Dunmore.",
    "Rent strikes against the new levy have spilled over to Elmford and Dunmore.",
    "The sit-ins, so far held only at Oakvale spilled over to Elmford and Dunmore.",  # an unclosed aside
    "Officials said the walkouts spread from Oakvale to Elmford and Dunmore.",
    "By Tuesday the blockades had extended to Elmford and Dunmore.",
])
def test_an_action_spreading_as_the_verbs_subject_tells_sites(text: str) -> None:
    assert spread_to(text, 0, text.index("Elmford"))


@pytest.mark.parametrize("text", [
    # something else is spread, extended or limited to the town; or the spreading is only hoped or feared
    "A curfew ordered after the protests was extended to Elmford on Monday.",
    "The troop deployment sent in answer to the protests was expanded to Elmford.",
    "The court ruled that the ban on the protests extends to Elmford.",
    "The firm, which has faced strikes over its wages, expanded to Elmford last year.",
    "Under the new rule, night-time encampments are limited to Elmford and Dunmore.",
    "The rallies, confined to Elmford and Dunmore, ended at dusk.",
    "Organisers said they wished the marches would spread to Elmford and Dunmore.",
    "The union warned the walkout could soon spread to Elmford and Dunmore.",
    "The walkouts spread to Elmford and Dunmore if the talks collapse, the union says.",
    "Officials fear the unrest may spread to Elmford.",
])
def test_no_site_when_the_action_is_not_what_spreads(text: str) -> None:
    assert not spread_to(text, 0, text.index("Elmford"))


def test_a_curfew_extended_to_a_town_is_no_event_there() -> None:
    text = ("Hundreds of people marched in Fresno on Saturday against the water cuts. "
            "A curfew ordered after the protests was extended to Visalia on Sunday. "
            "The union said the strike could soon spread to Modesto and Merced if talks fail.")
    ev = events_by_city(text, date(2025, 3, 10))
    assert "Fresno" in ev and not {"Visalia", "Modesto", "Merced"} & set(ev)


def test_marching_to_a_town_stays_a_destination() -> None:
    text = "The protesters marched to Elmford on Sunday."
    assert not spread_to(text, 0, text.index("Elmford"))


def test_caption_headings_in_capitals_place_each_caption() -> None:
    # a gallery whose captions open on their city in capitals and a colon: short names are no acronyms,
    # and a big city abroad told so is a site even when its country is not named
    text = (
        "Bakers' walkout in pictures\n\n"
        "Bakers in several countries left their ovens on Saturday to press for a shorter night shift.\n\n"
        "MADRID: Bakers in white aprons march along the main avenue with a giant loaf on Saturday\n\n"
        "MUNICH: A striking baker holds up a flour sack painted with slogans on Saturday\n\n"
        "ANTWERP: Strikers share bread with passers-by on the main square on Saturday\n"
    )
    ev = events_by_city(text, date(2024, 11, 10))
    assert {"Madrid", "Munich", "Antwerp"} <= set(ev)


@pytest.mark.parametrize("label", ["LEON", "SANTIAGO"])
def test_a_transcripts_speaker_label_is_no_place(label: str) -> None:
    # a speaker's surname in capitals before a colon: a person the page names, not a town abroad
    name = label.title()
    text = ("Bakers walk out over night shifts\n\n"
            f"Hundreds of bakers walked out in Fresno on Thursday over night shifts. Our correspondent Ines {name} was there.\n\n"
            f"{label}: The bakers gathered at dawn outside the biggest plant and handed out bread.\n")
    ev = events_by_city(text, date(2025, 3, 10))
    assert set(ev) == {"Fresno"}


def test_labels_of_a_transcript_with_a_host_are_no_places() -> None:
    text = ("Bakers walk out over night shifts\n\n"
            "PAULA GREN, HOST:\n\n"
            "Hundreds of bakers walked out in Fresno on Thursday over night shifts.\n\n"
            "SANTIAGO: The bakers gathered at dawn outside the biggest plant and handed out bread.\n\n"
            "GREN: What do they want?\n")
    ev = events_by_city(text, date(2025, 3, 10))
    assert set(ev) == {"Fresno"}


def test_capitals_inside_a_sentence_stay_an_acronym() -> None:
    from protestdb.geo.places import _acronym_at, _heading

    text = "Members of PORTO: a union\nPORTO: Bakers march\nPORTO said"
    first = text.index("PORTO")
    second = text.index("PORTO", first + 1)
    third = text.rindex("PORTO")
    assert _acronym_at(text, first, first + 5)  # not at a line's start
    assert not _acronym_at(text, second, second + 5) and _heading(text, second, second + 5)
    assert _acronym_at(text, third, third + 5)  # no colon


def test_a_list_after_a_spreading_action_opens_as_sites() -> None:
    # the place-name correction reads a list after "spread to" as a list of sites, as after "in"
    from protestdb.extract.nlp import parse_text
    from protestdb.extract.place_names import _spread_opening

    text = "The protests spread on Monday to Elmford, Dunmore, Huancayo, Riverton and Oakvale."
    doc = parse_text(text)
    at = text.index("Huancayo")
    assert _spread_opening(doc, doc.char_span(at, at + 8))
    text2 = "The buses drove on Monday to Elmford, Dunmore, Huancayo, Riverton and Oakvale."
    doc2 = parse_text(text2)
    at2 = text2.index("Huancayo")
    assert not _spread_opening(doc2, doc2.char_span(at2, at2 + 8))


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
