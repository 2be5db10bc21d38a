"""Resolve: merge event mentions into events (v1: within the store by date/locality/type)."""

from protestdb.resolve.merge import (
    best_match,
    event_from_mention,
    event_id_for,
    matches,
    merge_into,
    normalize_locality,
)
from protestdb.resolve.resolver import MentionResolver
from protestdb.store.sqlite import set_default_resolver

set_default_resolver(MentionResolver())  # the stores' resolution decisions (the store imports no resolve)

__all__ = [
    "MentionResolver",
    "best_match", "event_from_mention", "event_id_for", "matches", "merge_into", "normalize_locality"]
