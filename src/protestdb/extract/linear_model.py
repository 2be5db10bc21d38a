"""The logistic models' shared plumbing (issue 9): load a trained model's JSON by its lexicon
name, and score a bag of features with it.

A model is a data file (``data/<name>.json``, written by a ``scripts/train_*_model.py`` script)
holding at least a ``bias`` and ``weights`` (feature -> weight); the probability of a bag of
features is ``sigmoid(bias + sum of the weights of its features)`` (features the model does not
know weigh nothing).
"""

from __future__ import annotations

import math
from functools import cache
from typing import Any


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
