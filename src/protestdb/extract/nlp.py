"""Loading the spaCy pipeline once per process."""

from __future__ import annotations

from functools import lru_cache
from typing import Any

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from protestdb.settings import SPACY_MODELS


@lru_cache(maxsize=1)
def load_nlp() -> Language:
    """The English pipeline: official ``en_core_web_sm`` when installed, else its re-upload,
    with the place-name correction after its ``ner`` (``extract/place_names.py``: a town the
    model tags PERSON, told with its state or in a list of places, becomes GPE)."""
    from protestdb.extract.place_names import add_to

    errors = []
    for name in SPACY_MODELS:
        try:
            nlp = spacy.load(name)
        except (OSError, ImportError) as exc:  # not installed
            errors.append(f"{name}: {exc}")
            continue
        add_to(nlp)
        return nlp
    raise RuntimeError("no English spaCy model is installed: " + "; ".join(errors))


@lru_cache(maxsize=1)
def _shortcuts() -> dict[str, Any]:
    """Components of :func:`load_nlp` answered from tables (``attribute_rules.py``): its
    attribute ruler (a table of token signatures) and its rule lemmatizer (its cache read by
    array), each only when it is one these read."""
    from protestdb.extract.attribute_rules import cached_lemmatizer, rule_table

    nlp = load_nlp()
    out: dict[str, Any] = {}
    if "attribute_ruler" in nlp.pipe_names and (table := rule_table(nlp.get_pipe("attribute_ruler"))) is not None:
        out["attribute_ruler"] = table
    if "lemmatizer" in nlp.pipe_names and (lemmas := cached_lemmatizer(nlp.get_pipe("lemmatizer"))) is not None:
        out["lemmatizer"] = lemmas
    return out


def parse_text(text: str) -> Doc:
    """``load_nlp()(text)``: the same annotations, with the attribute ruler and the lemmatizer
    answered from their tables (``attribute_rules.py``)."""
    nlp = load_nlp()
    fast = _shortcuts()
    if not fast:
        return nlp(text)
    doc = nlp.make_doc(text)
    for name, proc in nlp.pipeline:
        doc = fast.get(name, proc)(doc)
    return doc
