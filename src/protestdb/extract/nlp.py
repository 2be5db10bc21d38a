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
def _rule_table() -> Any:
    """The attribute ruler of :func:`load_nlp` as a signature table (``attribute_rules.py``),
    or None when its rules are not all ones the table reads."""
    from protestdb.extract.attribute_rules import rule_table

    nlp = load_nlp()
    return rule_table(nlp.get_pipe("attribute_ruler")) if "attribute_ruler" in nlp.pipe_names else None


def parse_text(text: str) -> Doc:
    """``load_nlp()(text)``: the same annotations, with the attribute ruler's matches read from
    its signature table (``attribute_rules.RuleTable``) instead of spaCy's ``Matcher``."""
    nlp = load_nlp()
    table = _rule_table()
    if table is None:
        return nlp(text)
    doc = nlp.make_doc(text)
    for name, proc in nlp.pipeline:
        doc = table(doc) if name == "attribute_ruler" else proc(doc)
    return doc
