"""The resolution decisions the store applies while it writes an article's mentions.

:class:`protestdb.store.sqlite.Store` fetches the candidates (SQL) and writes what is decided;
:class:`MentionResolver` decides (``protestdb.resolve.decide``), builds and merges events
(``protestdb.resolve.merge``) and puts reviewers' corrections back on top
(``protestdb.resolve.review``). The store never imports ``protestdb.resolve``: importing this
package registers a :class:`MentionResolver` as the stores' default
(:func:`protestdb.store.sqlite.set_default_resolver`); a Store may also be given one.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping, Sequence
from typing import Any

from protestdb.models import Event, EventMention
from protestdb.resolve.decide import Decision, decide, may_take_undated, near_match_flags
from protestdb.resolve.merge import event_from_mention, event_id_for, merge_into
from protestdb.resolve.review import with_corrections


class MentionResolver:
    """Implements the store's :class:`~protestdb.store.sqlite.Resolver` protocol."""

    def decide(self, candidates: Sequence[Event], mention: EventMention, ccc_ids: Collection[str],
               texts: Mapping[str, str] | None = None) -> Decision:
        return decide(candidates, mention, ccc_ids, texts)

    decide.reads_texts = True  # type: ignore[attr-defined]  # it reads the undated sides' pages (``texts``)

    def may_compete(self, event: Event, event_text: str, undated: EventMention, undated_text: str) -> bool:
        """Could a new dated ``event`` change where an ``undated`` report went (the store's recheck)?
        Only when it could take the report (:func:`may_take_undated`)."""
        return may_take_undated(event, event_text, undated, undated_text)

    def new_event(self, mention: EventMention, article_id: str, index: int) -> Event:
        return event_from_mention(mention, event_id_for(article_id, index))

    def merge(self, event: Event, mention: EventMention) -> Event:
        return merge_into(event, mention)

    def correct(self, event: Event, fixes: Mapping[str, Any]) -> Event:
        return with_corrections(event, fixes)

    def near_matches(self, events: Sequence[Event], mention: EventMention) -> list[tuple[Event, str, float]]:
        return near_match_flags(events, mention)
