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
from functools import cache
from typing import Any

_WORD = re.compile(r"[^\W\d_][\w'’-]*|\d+")
_PREV = re.compile(r"([^\W\d_][\w'’-]*|[,;:(—–-])\s*$")


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
    out.add(f"prev={m.group(1).lower()}" if m else "prev=^")
    after = text[end : end + 20]
    nm = _WORD.search(after)
    if after[:1] in ",.;:)":
        out.add(f"next={after[:1]}")
    elif after.startswith(("'s", "’s")):
        out.add("next='s")
    elif nm:
        out.add(f"next={nm.group(0).lower()}")
    return out
