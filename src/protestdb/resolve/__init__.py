"""Resolve: merge event mentions into events (v1: within the store by date/locality/type)."""

from protestdb.resolve.merge import (
    best_match,
    event_from_mention,
    event_id_for,
    matches,
    merge_into,
    normalize_locality,
)

__all__ = ["best_match", "event_from_mention", "event_id_for", "matches", "merge_into", "normalize_locality"]
