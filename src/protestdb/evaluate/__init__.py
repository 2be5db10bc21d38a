"""The DESIGN.md scorer behind ``protestdb eval``.

>>> from protestdb.evaluate import run_eval, format_table
>>> result = run_eval("tests/gold/examples.jsonl")          # doctest: +SKIP
>>> print(format_table(result))                            # doctest: +SKIP
"""

from protestdb.evaluate.scorer import format_table, load_gold, match_events, pair_allowed, run_eval

__all__ = ["format_table", "load_gold", "match_events", "pair_allowed", "run_eval"]
