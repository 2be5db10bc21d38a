"""The attribute ruler's matches read from a table of token signatures (``attribute_rules.py``):
the same matches, hence the same annotations, as spaCy's own ruler."""

from __future__ import annotations

import random
from collections.abc import Iterator

import pytest
import spacy
from spacy.language import Language

from protestdb.extract.attribute_rules import RuleTable, cached_lemmatizer, rule_table
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


def _annotations(doc: object) -> list[tuple[str, str, str, str, str, str, int]]:
    return [(t.text, t.tag_, t.pos_, str(t.morph), t.lemma_, t.dep_, t.head.i) for t in doc]  # type: ignore[attr-defined]


@pytest.fixture
def fresh_nlp() -> Iterator[Language]:
    """A pipeline of its own (changed by the test), the shared one loaded again afterwards."""
    load_nlp.cache_clear()
    yield load_nlp()
    load_nlp.cache_clear()


SENTENCE = "Bakers were marching through Quillbury on Sunday."


def test_a_rule_added_after_the_first_parse_is_read(fresh_nlp: Language) -> None:
    assert [t.lemma_ for t in parse_text(SENTENCE)][2] == "march"
    fresh_nlp.get_pipe("attribute_ruler").add([[{"LOWER": "marching"}]], {"LEMMA": "walk"})
    assert [t.lemma_ for t in fresh_nlp(SENTENCE)][2] == "walk"
    assert _annotations(parse_text(SENTENCE)) == _annotations(fresh_nlp(SENTENCE))


def test_a_reloaded_pipeline_and_a_replaced_component_are_read(fresh_nlp: Language) -> None:
    parse_text(SENTENCE)
    load_nlp.cache_clear()
    other = load_nlp()  # another pipeline object
    other.get_pipe("attribute_ruler").add([[{"LOWER": "bakers"}]], {"LEMMA": "cook"})
    assert [t.lemma_ for t in parse_text(SENTENCE)][0] == "cook"
    other.replace_pipe("attribute_ruler", "attribute_ruler")  # an empty ruler
    assert _annotations(parse_text(SENTENCE)) == _annotations(other(SENTENCE))
    other.get_pipe("attribute_ruler").clear()
    other.get_pipe("attribute_ruler").add([[{"LOWER": "sunday"}]], {"LEMMA": "rest"})
    assert [t.lemma_ for t in parse_text(SENTENCE)][-2] == "rest"


def test_a_lookup_lemmatizer_is_left_to_spacy() -> None:
    from spacy.pipeline import Lemmatizer

    nlp = spacy.blank("en")
    assert cached_lemmatizer(Lemmatizer(nlp.vocab, None, mode="lookup")) is None


def test_an_overwriting_lemmatizer_gives_the_same_lemmas(fresh_nlp: Language) -> None:
    fresh_nlp.get_pipe("attribute_ruler").add([[{"LOWER": "bakers"}]], {"LEMMA": "cook"})
    text = "The bakers of Quillbury were zarking; bakers zark."
    parse_text(text)
    fresh_nlp.get_pipe("lemmatizer").overwrite = True
    assert _annotations(parse_text(text)) == _annotations(fresh_nlp(text))
    assert [t.lemma_ for t in parse_text(text)][1] == "baker"


def test_a_rule_index_outside_its_span_fails_as_in_spacy() -> None:
    for index in (2, -3):
        nlp = spacy.blank("en")
        ruler = nlp.add_pipe("attribute_ruler")
        ruler.add([[{"LOWER": "picket"}, {"LOWER": "line"}]], {"LEMMA": "x"}, index=index)
        table = rule_table(ruler)
        assert table is not None
        errors = []
        for run in (ruler, table):
            with pytest.raises(ValueError) as err:
                run(nlp.make_doc("A picket line in Quillbury"))
            errors.append(str(err.value))
        assert errors[0] == errors[1]


def test_the_same_matches_when_the_table_is_emptied(monkeypatch: pytest.MonkeyPatch) -> None:
    ruler = load_nlp().get_pipe("attribute_ruler")
    monkeypatch.setattr(RuleTable, "limit", 2)
    table = rule_table(ruler)
    assert table is not None
    for text in TEXTS:
        doc = _ruler_input(text)
        assert table.match(doc) == ruler.match(doc)
        assert len(table._passed) <= 3


def test_disabled_components_as_in_spacy() -> None:
    nlp = load_nlp()
    text = "Bakers were marching through Quillbury; the council's clerks weren't."
    for disable in (["attribute_ruler"], ["lemmatizer"], ["tagger", "attribute_ruler"], ["ner", "parser"]):
        with nlp.select_pipes(disable=disable):
            assert _annotations(parse_text(text)) == _annotations(nlp(text)), disable
    assert _annotations(parse_text(text)) == _annotations(nlp(text))


def test_random_rulers_match_as_the_spacy_matcher() -> None:
    rng = random.Random(17)
    words = ["the", "rally", "march", ",", "Quillbury", "strike", "-", "in", "nurses", "3", "ON", "Picket"]
    tags = ["NN", "VB", "DT", ",", "NNP", "IN"]

    def token_test() -> dict[str, object]:
        choice = rng.randrange(7)
        if choice == 0:
            return {"LOWER": rng.choice(words).lower()}
        if choice == 1:
            return {"ORTH": rng.choice(words)}
        if choice == 2:
            return {"TAG": {"IN": rng.sample(tags, rng.randint(1, 3))}}
        if choice == 3:
            return {"LOWER": {"NOT_IN": rng.sample([w.lower() for w in words], 3)}, "IS_PUNCT": rng.random() < 0.5}
        if choice == 4:
            return {"NORM": {"REGEX": rng.choice(["^r", "e$", "[0-9]", "^(in|on)$"])}}
        if choice == 5:
            return {rng.choice(["IS_TITLE", "IS_DIGIT", "IS_UPPER", "IS_ALPHA"]): rng.random() < 0.5}
        return {"TAG": rng.choice(tags), "LOWER": rng.choice(words).lower()}

    for _ in range(30):
        nlp = spacy.blank("en")
        ruler = nlp.add_pipe("attribute_ruler")
        for _ in range(rng.randint(1, 8)):
            patterns = [[token_test() for _ in range(rng.randint(1, 3))] for _ in range(rng.randint(1, 2))]
            size = min(len(p) for p in patterns)
            attrs = rng.choice([{"LEMMA": rng.choice(words)}, {"POS": "NOUN"}, {"TAG": rng.choice(tags)}, {"NORM": "x"}])
            ruler.add(patterns, attrs, index=rng.randrange(-size, size))
        table = rule_table(ruler)
        assert table is not None
        text = " ".join(rng.choice(words) for _ in range(rng.randint(0, 25)))
        docs = [nlp.make_doc(text), nlp.make_doc(text)]
        for doc in docs:
            for t, tag in zip(doc, [rng.choice(tags) for _ in doc], strict=True):
                t.tag_ = tag
        for a, b in zip(docs[0], docs[1], strict=True):
            b.tag_ = a.tag_
        assert table.match(docs[0]) == ruler.match(docs[1])
        a, b = ruler(docs[0]), table(docs[1])
        assert [(t.lemma_, t.pos_, t.tag_, t.norm_) for t in a] == [(t.lemma_, t.pos_, t.tag_, t.norm_) for t in b]
