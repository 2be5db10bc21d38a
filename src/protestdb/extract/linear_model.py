"""The logistic models' shared plumbing (issue 9): load a trained model's JSON by its lexicon
name, and score a bag of features with it.

A model is a data file (``data/<name>.json``, written by a ``scripts/train_*_model.py`` script)
holding at least a ``bias`` and ``weights`` (feature -> weight); the probability of a bag of
features is ``sigmoid(bias + sum of the weights of its features)`` (features the model does not
know weigh nothing).
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from functools import cache
from typing import Any

_WORD = re.compile(r"[^\W\d_][\w'’-]*|\d+")
_PREV = re.compile(r"([^\W\d_][\w'’-]*|[,;:(—–-])\s*$")
#: a word's letter runs: each must be in the closed vocabulary for the word to name a feature
LETTERS = re.compile(r"[^\W\d_]+")
#: the classes a word outside the closed vocabulary becomes (``word_class``)
WORD_CLASSES = ("~num", "~alnum", "~upper", "~cap", "~low", "~other")


@cache
def closed_vocabulary() -> frozenset[str]:
    """The words a feature may name: ``data/model_words.json``'s lexicon, function and news words."""
    from protestdb.extract.lexicons import load

    words = load("model_words")
    return frozenset(words["lexicon_words"]) | frozenset(words["function_words"]) | frozenset(words["news_words"])


@cache
def _name_words() -> frozenset[str]:
    """The letter runs a model's feature name may hold: closed-vocabulary words, the words of
    the featurizers' own names (``feature_words``, the configuration's rule names) and spaCy's
    labels, lower-cased."""
    from protestdb.extract import config
    from protestdb.extract.lexicons import load

    words = load("model_words")
    names = [*words["feature_words"], *words.get("labels", []), *config.COMPONENTS, *config.DRAFT_RULES,
             *config.DRAFT_FILTERS, *config.FILLERS]
    return closed_vocabulary() | frozenset(r.lower() for n in names for r in LETTERS.findall(n))


def foreign_words(feature: str) -> list[str]:
    """The letter runs of a feature name (lower-cased) that the project does not own: not a
    closed-vocabulary word, not a word of the featurizers' own names, not a spaCy label. A model
    file must hold none (a page's word); the training scripts leave such a feature out."""
    ok = _name_words()
    return [r for r in LETTERS.findall(feature.lower()) if r not in ok]


def word_class(word: str) -> str:
    """The class of a word outside the closed vocabulary: a number, letters and digits, all
    capitals, a capitalised word, a lower-case word, anything else."""
    if word.isdigit():
        return "~num"
    if any(ch.isdigit() for ch in word):
        return "~alnum"
    if len(word) > 1 and word.isupper():
        return "~upper"
    if word[:1].isupper():
        return "~cap"
    if word[:1].islower():
        return "~low"
    return "~other"


def in_vocabulary(word: str) -> bool:
    """Every letter run of ``word`` (lower-cased) is a closed-vocabulary word and it has no
    digit; a mark with no letters and no digits (",", "(") is too."""
    if any(ch.isdigit() for ch in word):
        return False
    runs = LETTERS.findall(word.lower())
    if not runs:
        return True
    vocab = closed_vocabulary()
    return all(r in vocab for r in runs)


@cache
def _name_openers() -> frozenset[str]:
    """The title-cased words that open place names ("Los", "San", "New", "Fort": the lexicon's
    ``place_name_prefixes``): written so, they are part of a name, not a word of the vocabulary."""
    from protestdb.extract.lexicons import load

    return frozenset(load("place_words_en").get("place_name_prefixes", ()))


def closed_word(word: str) -> str:
    """A page's word as a feature may name it: lower-cased when it is in the closed vocabulary
    (and is no title-cased opener of a place name: "Los", "San"), else its class (``word_class``)."""
    low = word.lower().replace("’", "'")
    if word[:1].isupper() and word in _name_openers():
        return word_class(word)
    return low if in_vocabulary(low) else word_class(word)


def closed_lemma(tok: Any) -> str:
    """A token's lemma as a feature may name it: lower-cased when it is in the closed vocabulary,
    else ``~`` and its part of speech (``~PROPN``, ``~NOUN``)."""
    low = tok.lemma_.lower()
    return low if in_vocabulary(low) else f"~{tok.pos_ or 'X'}"


@cache
def load_model(name: str) -> dict[str, Any] | None:
    """The trained model ``data/<name>.json``, or None when it has not been trained."""
    from protestdb.extract.lexicons import load

    try:
        return load(name)
    except FileNotFoundError:
        return None


def score(features: set[str], model: dict[str, Any]) -> float:
    """The model's probability for a bag of features: sigmoid(bias + sum of their weights)."""
    w = model["weights"]
    z = float(model["bias"]) + sum(float(w.get(f, 0.0)) for f in features)
    return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))


def bucket(n: int, edges: tuple[int, ...]) -> str:
    """A count's feature value: the smallest edge >= ``n`` ("<last>+" above them all)."""
    for e in edges:
        if n <= e:
            return str(e)
    return f"{edges[-1]}+"


def neighbour_features(text: str, start: int, end: int, lo: int = 0) -> set[str]:
    """The word (or mark) right before a mention (``prev=``; not before ``lo``) and right after
    it (``next=``)."""
    out: set[str] = set()
    m = _PREV.search(text, max(lo, start - 30), start)
    out.add(f"prev={closed_word(m.group(1))}" if m else "prev=^")
    after = text[end : end + 20]
    nm = _WORD.search(after)
    if after[:1] in ",.;:)":
        out.add(f"next={after[:1]}")
    elif after.startswith(("'s", "’s")):
        out.add("next='s")
    elif nm:
        out.add(f"next={closed_word(nm.group(0))}")
    return out


@dataclass(frozen=True)
class ParseRole:
    """A mention's place in the article's one parse: its root token, the verb it hangs from
    (at most six heads up; None) and its features (``parse_features``)."""

    root: Any
    verb: Any
    features: frozenset[str]


def parse_role(sdoc: Any, a: int, b: int) -> ParseRole | None:
    """The role of the mention ``[a, b)`` in the parse ``sdoc`` (None without a parse or a
    token there): its dependency relation, entity label and part of speech; the word governing
    it and the relation to it; a preposition's own head and its part of speech; the word it is
    the subject of; the verb it hangs from. Words by ``closed_lemma``."""
    if sdoc is None:
        return None
    span = sdoc.char_span(a, b, alignment_mode="expand")
    if span is None or len(span) == 0:
        return None
    root = span.root
    out = {f"dep={root.dep_}", f"ent={root.ent_type_ or '-'}", f"pos={root.pos_}"}
    head = root.head
    if head is not root:
        hl = closed_lemma(head)
        out.add(f"h={hl}")
        out.add(f"hdep={root.dep_}:{hl}")
        if head.pos_ == "ADP" and head.head is not head:
            out.add(f"hh={closed_lemma(head.head)}")
            out.add(f"hhp={head.head.pos_}")
        if root.dep_ in ("nsubj", "nsubjpass"):
            out.add(f"subj_of={hl}")
    tok, hops, verb = root, 0, None
    while tok.head is not tok and hops < 6:
        tok, hops = tok.head, hops + 1
        if tok.pos_ in ("VERB", "AUX"):
            out.add(f"v={closed_lemma(tok)}")
            verb = tok
            break
    return ParseRole(root, verb, frozenset(out))


def parse_features(sdoc: Any, a: int, b: int) -> set[str]:
    """The features of ``parse_role`` (none without a parse)."""
    role = parse_role(sdoc, a, b)
    return set(role.features) if role is not None else set()
