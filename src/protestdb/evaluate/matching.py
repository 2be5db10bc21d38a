"""Bipartite matchings used by the scorer.

- :func:`max_bipartite_matching`: a maximum-cardinality matching by augmenting paths
  (Kuhn's algorithm; documents hold few events, so O(V·E) is plenty).
- :func:`assignment`: the Hungarian algorithm (Kuhn-Munkres, O(n²·m)) for a
  maximum-weight assignment on a rectangular weight matrix.
- :func:`best_matching`: what the scorer pairs events with — among all *maximum*
  matchings of the allowed pairs, one with the largest total weight (field agreement).
  Each allowed pair gets weight ``BIG + w`` with ``0 <= w <= 1`` and ``BIG`` larger than
  any possible sum of ``w``, disallowed pairs weight 0; the Hungarian optimum then has
  the largest number of allowed pairs first and the largest agreement second.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

Pair = tuple[int, int]


def max_bipartite_matching(n_left: int, n_right: int, allowed: Callable[[int, int], bool]) -> list[Pair]:
    """A maximum set of disjoint (left, right) pairs with ``allowed(left, right)``."""
    adj = [[j for j in range(n_right) if allowed(i, j)] for i in range(n_left)]
    match_right: list[int] = [-1] * n_right

    def augment(i: int, seen: list[bool]) -> bool:
        for j in adj[i]:
            if seen[j]:
                continue
            seen[j] = True
            if match_right[j] == -1 or augment(match_right[j], seen):
                match_right[j] = i
                return True
        return False

    for i in range(n_left):
        augment(i, [False] * n_right)
    return sorted((i, j) for j, i in enumerate(match_right) if i != -1)


def assignment(weights: Sequence[Sequence[float]]) -> list[Pair]:
    """Maximum-weight assignment (Hungarian algorithm) of a rectangular matrix.

    Returns ``min(rows, cols)`` pairs (row, col); zero-weight pairs are included.
    """
    n = len(weights)
    m = len(weights[0]) if n else 0
    if n == 0 or m == 0:
        return []
    transposed = n > m
    w = [list(r) for r in zip(*weights, strict=True)] if transposed else [list(r) for r in weights]
    n, m = len(w), len(w[0])
    top = max(max(r) for r in w)
    cost = [[top - x for x in r] for r in w]  # minimise cost == maximise weight
    inf = float("inf")
    u = [0.0] * (n + 1)
    v = [0.0] * (m + 1)
    p = [0] * (m + 1)  # p[j] = row (1-based) assigned to column j
    way = [0] * (m + 1)
    for i in range(1, n + 1):
        p[0] = i
        j0 = 0
        minv = [inf] * (m + 1)
        used = [False] * (m + 1)
        while True:
            used[j0] = True
            i0 = p[j0]
            delta = inf
            j1 = 0
            for j in range(1, m + 1):
                if not used[j]:
                    cur = cost[i0 - 1][j - 1] - u[i0] - v[j]
                    if cur < minv[j]:
                        minv[j] = cur
                        way[j] = j0
                    if minv[j] < delta:
                        delta = minv[j]
                        j1 = j
            for j in range(m + 1):
                if used[j]:
                    u[p[j]] += delta
                    v[j] -= delta
                else:
                    minv[j] -= delta
            j0 = j1
            if p[j0] == 0:
                break
        while True:
            j1 = way[j0]
            p[j0] = p[j1]
            j0 = j1
            if j0 == 0:
                break
    pairs = [(p[j] - 1, j - 1) for j in range(1, m + 1) if p[j] != 0]
    if transposed:
        pairs = [(c, r) for r, c in pairs]
    return sorted(pairs)


def best_matching(
    n_left: int,
    n_right: int,
    allowed: Callable[[int, int], bool],
    weight: Callable[[int, int], float] | None = None,
) -> list[Pair]:
    """A maximum matching of the allowed pairs that maximises the summed ``weight``.

    ``weight(i, j)`` must lie in [0, 1]; it only breaks ties between maximum matchings.
    """
    if n_left == 0 or n_right == 0:
        return []
    big = float(min(n_left, n_right) + 1)
    ok = [[allowed(i, j) for j in range(n_right)] for i in range(n_left)]
    w = [
        [
            big + (min(max(weight(i, j), 0.0), 1.0) if weight else 0.0) if ok[i][j] else 0.0
            for j in range(n_right)
        ]
        for i in range(n_left)
    ]
    return [(i, j) for i, j in assignment(w) if ok[i][j]]
