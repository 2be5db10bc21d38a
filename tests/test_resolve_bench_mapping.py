"""The multi-outlet benchmark's mapping of a page's predicted mentions to its gold mentions
(benchmarks/resolve_realnews.py, ``map_mentions``), on hand-made records: a page's main action and
its counter-protest (one place, no date) go to their own gold events, even when a shared issue makes
the scorer's mean field agreement prefer the swap."""

from __future__ import annotations

import importlib.util
from pathlib import Path

from protestdb.evaluate.scorer import match_events

_SPEC = importlib.util.spec_from_file_location(
    "resolve_realnews_bench", Path(__file__).parent.parent / "benchmarks" / "resolve_realnews.py")
assert _SPEC is not None and _SPEC.loader is not None
bench = importlib.util.module_from_spec(_SPEC)
_SPEC.loader.exec_module(bench)

GOLD = [
    {"event_id": "G1", "locality": "Brookvale", "event_type": ["rally", "march"], "organizations": ["Parents First"],
     "targets": ["school board"], "issues": ["education"], "announced_only": False},
    {"event_id": "G2", "locality": "Brookvale", "event_type": ["counter-protest", "rally"], "organizations": [],
     "targets": [], "issues": ["lgbtq"], "announced_only": False},
]
PRED = [
    {"locality": "Brookvale", "event_type": ["rally", "march"], "organizations": [], "targets": [],
     "issues": ["lgbtq"], "announced_only": False},
    {"locality": "Brookvale", "event_type": ["counter-protest"], "organizations": [], "targets": [],
     "issues": ["education"], "announced_only": False},
]


def test_the_scorers_tie_break_alone_swaps_the_two_sides() -> None:
    assert sorted(match_events(PRED, GOLD)) == [(0, 1), (1, 0)]  # why the benchmark breaks ties by side first


def test_each_side_goes_to_its_own_gold_event() -> None:
    assert sorted(bench.map_mentions(PRED, GOLD)) == [(0, 0), (1, 1)]


def test_the_side_never_overrides_what_the_scorer_allows() -> None:
    other_town = [{**PRED[1], "locality": "Elmstead"}]
    assert bench.map_mentions(other_town, GOLD) == []  # another locality: no pair, whatever the side
    (only,) = bench.map_mentions([PRED[1]], [GOLD[0]])  # the only allowed pair is still made
    assert only == (0, 0)


def test_two_mentions_alike_but_for_the_venue_go_by_the_venue() -> None:
    """A page's lobby meeting and its square rally, extracted alike but for the venue: the scorer
    reads no venue (a coin-flip by order); the benchmark gives each to the gold event of its place."""
    gold = [
        {"event_id": "S1", "locality": "Brookvale", "event_type": ["rally"], "location": "Union Square; Mill Road",
         "size_low": 2000},
        {"event_id": "S2", "locality": "Brookvale", "event_type": ["rally"], "location": "Guild Hall", "size_low": 2000},
    ]
    pred = [
        {"locality": "Brookvale", "event_type": ["rally"], "location": "Guild Hall, Brookvale", "size_low": 2000},
        {"locality": "Brookvale", "event_type": ["rally"], "location": "Union Square", "size_low": 2000},
    ]
    assert sorted(match_events(pred, gold)) == [(0, 0), (1, 1)]  # the scorer's order alone
    assert sorted(bench.map_mentions(pred, gold)) == [(0, 1), (1, 0)]
