"""Pairwise merge precision / recall equals the count over every mention pair."""

from __future__ import annotations

import random
from itertools import combinations

import pytest

from protestdb.evaluate.pairwise import pairwise_pr


def _brute(pred, truth):
    tp = fp = fn = 0
    for i, j in combinations(range(len(pred)), 2):
        sp, st = pred[i] == pred[j], truth[i] == truth[j]
        tp += sp and st
        fp += sp and not st
        fn += st and not sp
    return (tp / (tp + fp) if tp + fp else 1.0, tp / (tp + fn) if tp + fn else 1.0, tp, fp, fn)


@pytest.mark.parametrize("seed", range(8))
def test_matches_brute_force(seed: int) -> None:
    rng = random.Random(seed)
    n = rng.randint(0, 60)
    pred = [rng.randint(0, 12) for _ in range(n)]
    truth = [rng.randint(0, 12) for _ in range(n)]
    assert pairwise_pr(pred, truth) == pytest.approx(_brute(pred, truth))


def test_perfect_and_all_merged() -> None:
    assert pairwise_pr(["a", "a", "b"], [1, 1, 2]) == (1.0, 1.0, 1, 0, 0)
    p, r, tp, fp, fn = pairwise_pr(["x"] * 4, [1, 1, 2, 2])
    assert (tp, fp, fn) == (2, 4, 0) and p == pytest.approx(1 / 3) and r == 1.0
    with pytest.raises(ValueError):
        pairwise_pr([1], [1, 2])
