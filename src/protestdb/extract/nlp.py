"""Loading the spaCy pipeline once per process."""

from __future__ import annotations

from functools import lru_cache

import spacy
from spacy.language import Language

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
