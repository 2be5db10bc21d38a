"""The attribute ruler's matches read from a table of token signatures (``attribute_rules.py``):
the same matches, hence the same annotations, as spaCy's own ruler."""

from __future__ import annotations

import spacy

from protestdb.extract.attribute_rules import rule_table
from protestdb.extract.nlp import load_nlp, parse_text

TEXTS = [
    "Hundreds of nurses marched to City Hall on Saturday, and they weren't the only ones: y'all should've seen it.",
    "There are two rallies planned; there is also a vigil. Did the union call it? It did, and nothin' changed.",
    "The mayor said that he would meet them   \n\n  if they ended the strike, though it ain't likely.",
    "",
]


def _ruler_input(text: str) -> object:
    nlp = load_nlp()
    doc = nlp.make_doc(text)
    for name, proc in nlp.pipeline:
        if name == "attribute_ruler":
            break
        doc = proc(doc)
    return doc


def test_same_matches_as_the_spacy_ruler() -> None:
    ruler = load_nlp().get_pipe("attribute_ruler")
    table = rule_table(ruler)
    assert table is not None
    for text in TEXTS:
        doc = _ruler_input(text)
        assert table.match(doc) == ruler.match(doc)


def test_parse_text_gives_the_same_annotations() -> None:
    nlp = load_nlp()
    for text in TEXTS:
        a, b = nlp(text), parse_text(text)
        assert [(t.text, t.tag_, t.pos_, str(t.morph), t.lemma_, t.dep_, t.head.i) for t in a] == [
            (t.text, t.tag_, t.pos_, str(t.morph), t.lemma_, t.dep_, t.head.i) for t in b
        ]
        assert [(e.start_char, e.end_char, e.label_) for e in a.ents] == [(e.start_char, e.end_char, e.label_) for e in b.ents]


def test_set_regex_flag_and_two_token_rules() -> None:
    nlp = spacy.blank("en")
    ruler = nlp.add_pipe("attribute_ruler")
    ruler.add([[{"LOWER": {"IN": ["rally", "march"]}}]], {"LEMMA": "protest"})
    ruler.add([[{"LOWER": {"NOT_IN": ["the", "a"]}, "IS_PUNCT": False}]], {"NORM": "x"})
    ruler.add([[{"LOWER": {"REGEX": "^picket"}}]], {"LEMMA": "picket"})
    ruler.add([[{"LOWER": "sit"}, {"ORTH": "-"}, {"TEXT": "in"}]], {"LEMMA": "sit-in"}, index=-1)
    ruler.add([[{"IS_SPACE": True}]], {"LEMMA": "_"})
    ruler.add([[{"LOWER": "rally"}], [{"LOWER": {"IN": ["rally"]}}]], {"LEMMA": "rally"})  # one span, twice
    table = rule_table(ruler)
    assert table is not None
    doc = nlp.make_doc("A rally, a March and pickets at the  sit - in sit-in Rally.")
    assert table.match(doc) == ruler.match(doc)
    assert len(table.match(doc)) > 10


def test_a_rule_it_does_not_read_is_left_to_spacy() -> None:
    nlp = spacy.blank("en")
    ruler = nlp.add_pipe("attribute_ruler")
    ruler.add([[{"LOWER": "rally", "OP": "+"}]], {"LEMMA": "rally"})
    assert rule_table(ruler) is None
    other = spacy.blank("en").add_pipe("attribute_ruler")
    other.add([[{"LENGTH": {">=": 3}}]], {"LEMMA": "long"})
    assert rule_table(other) is None


def test_later_rule_wins_on_a_token_and_index_picks_the_token() -> None:
    nlp = spacy.blank("en")
    ruler = nlp.add_pipe("attribute_ruler")
    ruler.add([[{"LOWER": "strike"}]], {"LEMMA": "first", "POS": "NOUN"})
    ruler.add([[{"LOWER": {"IN": ["strike", "picket"]}}]], {"LEMMA": "second"})
    ruler.add([[{"LOWER": "the"}, {"LOWER": "picket"}]], {"POS": "VERB"}, index=-1)
    table = rule_table(ruler)
    assert table is not None
    text = "The strike and the picket line"
    a, b = ruler(nlp.make_doc(text)), table(nlp.make_doc(text))
    assert [(t.lemma_, t.pos_) for t in a] == [(t.lemma_, t.pos_) for t in b]
    assert [(t.lemma_, t.pos_) for t in b][1] == ("second", "NOUN") and b[4].pos_ == "VERB"


def test_lemmas_the_same_before_and_after_the_cache_knows_the_words() -> None:
    text = "The flurbing picketers zarked the quimbled councils; councillors were quimbling."
    first = [t.lemma_ for t in parse_text(text)]  # new words: lemmatized one by one
    again = [t.lemma_ for t in parse_text(text)]  # now read from the lemmatizer's cache
    assert first == again == [t.lemma_ for t in load_nlp()(text)]
