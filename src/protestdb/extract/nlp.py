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


#: the shortcuts of the pipeline last seen: (its key, the objects the key's ids name, shortcuts)
_FAST: list[tuple[tuple[Any, ...], tuple[Any, ...], dict[str, Any]]] = []


def _pipeline_key(nlp: Language) -> tuple[tuple[Any, ...], tuple[Any, ...]]:
    """What the shortcuts of ``nlp`` were built from: the pipeline object, its (enabled)
    components, the attribute ruler's rules (its lists and matcher, replaced by ``clear``, and
    its rule count, grown by ``add``) and the lemmatizer's mode; as ids and counts, with the
    objects themselves (held, so that an id cannot be reused by a new object)."""
    held: list[Any] = [nlp]
    key: list[Any] = [id(nlp)]
    for name, proc in nlp.pipeline:
        held.append(proc)
        key += [name, id(proc)]
        if name == "attribute_ruler":
            parts = [getattr(proc, a, None) for a in ("attrs", "indices", "matcher")]
            held += parts
            key += [id(x) for x in parts] + [len(parts[0] or ()), len(parts[1] or ()), len(parts[2] or ())]
        elif name == "lemmatizer":
            key.append(getattr(proc, "mode", None))
    return tuple(key), tuple(held)


def _shortcuts(nlp: Language) -> dict[str, Any]:
    """Components of ``nlp`` answered from tables (``attribute_rules.py``): its attribute ruler
    (a table of token signatures) and its rule lemmatizer (its cache read by array), each only
    when it is one these read. Built again when the pipeline changed since (another pipeline,
    a component replaced, a rule added to the ruler, the lemmatizer's mode)."""
    from protestdb.extract.attribute_rules import cached_lemmatizer, rule_table

    key, held = _pipeline_key(nlp)
    if _FAST and _FAST[0][0] == key:
        return _FAST[0][2]
    procs = dict(nlp.pipeline)
    out: dict[str, Any] = {}
    if "attribute_ruler" in procs and (table := rule_table(procs["attribute_ruler"])) is not None:
        out["attribute_ruler"] = table
    if "lemmatizer" in procs and (lemmas := cached_lemmatizer(procs["lemmatizer"])) is not None:
        out["lemmatizer"] = lemmas
    _FAST[:] = [(key, held, out)]
    return out


def parse_text(text: str) -> Doc:
    """``load_nlp()(text)``: the same annotations, with the attribute ruler and the lemmatizer
    answered from their tables (``attribute_rules.py``)."""
    nlp = load_nlp()
    fast = _shortcuts(nlp)
    if not fast:
        return nlp(text)
    doc = nlp.make_doc(text)
    for name, proc in nlp.pipeline:
        doc = fast.get(name, proc)(doc)
    return doc
