"""Pairwise merge precision / recall: how well a clustering of mentions into events
matches the true clustering (used for resolution tests and benchmarks)."""

from __future__ import annotations

from collections import Counter
from collections.abc import Hashable, Sequence


def _pairs(n: int) -> int:
    return n * (n - 1) // 2


def pairwise_pr(pred: Sequence[Hashable], truth: Sequence[Hashable]) -> tuple[float, float, int, int, int]:
    """``pred[i]``/``truth[i]`` are the predicted/true event of mention ``i``.

    Returns (precision, recall, tp, fp, fn) over all mention pairs, where a pair is
    positive when both mentions are in one event. Counts clusters, so it is linear in the
    number of mentions (1.0 when there are no pairs on a side).
    """
    if len(pred) != len(truth):
        raise ValueError("pred and truth must have one entry per mention")
    tp = sum(_pairs(n) for n in Counter(zip(pred, truth, strict=True)).values())
    p_pairs = sum(_pairs(n) for n in Counter(pred).values())
    t_pairs = sum(_pairs(n) for n in Counter(truth).values())
    fp, fn = p_pairs - tp, t_pairs - tp
    return (tp / p_pairs if p_pairs else 1.0, tp / t_pairs if t_pairs else 1.0, tp, fp, fn)
