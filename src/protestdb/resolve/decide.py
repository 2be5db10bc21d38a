"""The store's resolution decision for one mention: join which event, why, and what to review.

:meth:`Store.add_mentions` fetches the candidates (SQL) and calls :func:`decide`; the
decision is made here, in one place, for extracted and imported CCC events alike:

1. :func:`~protestdb.resolve.merge.score_keys` / :func:`~protestdb.resolve.merge.pick_best`
   over every candidate (same locality -- or a venue that names the other's locality --,
   the day +/- 1, or undated), as the batch resolver does;
2. else the imported CCC events of the same day, with CCC's looser types (coders call a
   vigil or a picket a "protest"): the same score, the same need for a shared specific;
3. else a new event, and each candidate that came close (compatible place and date, but no
   shared specific, too low a score, or a tie) goes to the review queue with its score
   components instead of merging (issue 10: never a false merge).

Every decision carries ``why`` (how the mention joined, the score, its components), stored
with the source so ``protestdb show`` and the event page can say why a source is there.
"""

from __future__ import annotations

import copy
import re
from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from protestdb.models import Event, EventMention
from protestdb.resolve.campaigns import campaign_key
from protestdb.resolve.ccc_match import near_match_reason
from protestdb.resolve.merge import (
    MATCH_THRESHOLD,
    PLACE_OR_WHO,
    WEAK_SPECIFICS,
    MatchKey,
    explain,
    pick_best,
    score_keys,
    tells_recurrence,
    weak_among_several,
)
from protestdb.resolve.names import names_overlap, tells_edition, text_action_names

#: A candidate that did not win but scored at least this (before the need for a shared specific)
#: goes to the review queue.
REVIEW_MIN_SCORE = 1.0
#: At most this many review-queue pairs per mention (the closest first).
REVIEW_MAX = 3
#: Types CCC coders use loosely for one gathering (as :data:`protestdb.resolve.ccc_match.GENERIC_TYPES`).
CCC_LOOSE_TYPES = frozenset({"rally", "march", "demonstration", "vigil", "picket", "other"})


@dataclass
class Decision:
    """What to do with one mention."""

    event: Event | None  # the event it joins, or None: a new event
    why: dict[str, Any]  # how / score / parts (stored with the source)
    review: list[tuple[Event, dict[str, Any]]] = field(default_factory=list)  # close calls, with components


def _loose(et: frozenset[str], mt: frozenset[str]) -> bool:
    return not et or not mt or bool(et & mt) or bool(et & CCC_LOOSE_TYPES and mt & CCC_LOOSE_TYPES)


def _undated_fits_several(keys: Sequence[MatchKey], scores: Sequence[float | None], mkey: MatchKey) -> bool:
    """Does an undated mention fit dated events of two or more days (each reaching the threshold)?
    Then nothing tells which day it reports (the same group at the same place every week): it joins
    none of them (issue 10: never a false merge)."""
    if mkey.day is not None:
        return False
    days = {k.day for k, s in zip(keys, scores, strict=True) if k.day is not None and s is not None
            and s >= MATCH_THRESHOLD}
    return len(days) >= 2


def _read_texts(candidates: Sequence[Event], keys: Sequence[MatchKey], mkey: MatchKey, texts: Mapping[str, str]) -> None:
    """Mark the undated sides whose pages were read and tell no recurring action (:attr:`MatchKey.once`)."""
    mkey.once = mkey.day is None and "" in texts and _once(texts[""])
    for ev, k in zip(candidates, keys, strict=True):
        k.once = k.day is None and ev.id in texts and _once(texts[ev.id])


def _once(text: str) -> bool:
    """A page that tells one action: no recurrence ("again", "weekly") and no other edition ("last
    year's march", "the fourth ... march", "annual": :func:`~protestdb.resolve.names.tells_edition`)."""
    return not tells_recurrence(text) and not tells_edition(text)


_YEARS = re.compile(r"\b(?:19|20)\d\d\b")


def _read_names(key: MatchKey, text: str) -> None:
    """The actions a side's pages name (:attr:`MatchKey.pnames`, with its extracted names) and, for an
    undated side, the years its page names (:attr:`MatchKey.years`; ``0``: its date words go a year back)."""
    names = set(text_action_names(text))
    if key.title:
        names.add(key.title)
    # not its place or venue ("Union Park rally"), nor an organizer's name ("Riverton Nurses Union
    # strike"): the organizer is evidence of its own (``_named_alike`` excludes the other side's too)
    key.pnames = frozenset(n for n in names if not _place_name(n, key) and not names_overlap((n,), key.org_titles))
    if key.day is None:
        key.years = frozenset(int(y) for y in _YEARS.findall(text))
        if key.year_back:
            key.years = frozenset({0})


def _place_name(name: str, key: MatchKey) -> bool:
    """Is a found name only a place: the side's place or venue ("Riverton protests"), or a place of the
    gazetteer ("in solidarity with the Los Angeles protests", "the Union Square rally")?"""
    own = set(re.findall(r"\w+", f"{key.locality or ''} {key.location or ''}".casefold()))
    if set(name.split()) <= own:
        return True
    from protestdb.geo.resolve import best_place  # the gazetteer, opened on first use

    p = best_place(name, None, None)
    return p is not None and p.name.casefold() == name


def _add_page_names(candidates: Sequence[Event], keys: Sequence[MatchKey], mkey: MatchKey,
                    scores: list[float | None], texts: Mapping[str, str]) -> None:
    """Rescore the pairs with exactly one side undated that an undated report's rule declined though
    they share the organizer or the venue: with the actions both pages name (issue 10: named action +
    place + organizer or venue; :func:`~protestdb.resolve.merge._named_alike`). The texts are read
    only for such pairs."""
    for j, (ev, k) in enumerate(zip(candidates, keys, strict=True)):
        if scores[j] is not None or mkey.day is not None or k.day is None:
            continue  # an undated report placed on a dated event (``_named_elsewhere`` checks the others)
        parts = explain(k, mkey)
        if not str(parts.get("reject", "")).startswith("undated") or not PLACE_OR_WHO & set(parts.get("strong", ())):
            continue
        if mkey.pnames is None:
            _read_names(mkey, texts.get("", ""))
        if k.pnames is None:
            _read_names(k, texts.get(ev.id, ""))
        scores[j] = score_keys(k, mkey)


def _named_elsewhere(candidates: Sequence[Event], keys: Sequence[MatchKey], mkey: MatchKey, i: int,
                     texts: Mapping[str, str]) -> bool:
    """Did an undated mention win event ``i`` by the action's name its page shares, while another
    dated event of the place on another day -- not ruled out by place, date words or type -- names the
    action too? Then either may be the one it tells (issue 10: several could take it: review)."""
    if mkey.day is not None or "named action" not in (explain(keys[i], mkey).get("strong") or ()):
        return False
    for j, (ev, k) in enumerate(zip(candidates, keys, strict=True)):
        if j == i or k.day is None or k.day == keys[i].day:
            continue
        if str(explain(k, mkey).get("reject", "")).startswith(_HARD_REJECTS):
            continue
        if k.pnames is None:
            _read_names(k, texts.get(ev.id, ""))
        if names_overlap(mkey.pnames or (), k.pnames or ()):
            return True
    return False


#: Why a candidate cannot be the one an undated report tells, whatever its name (:func:`_named_elsewhere`).
_HARD_REJECTS = ("another", "other types", "other venues", "counter-protest", "opposite sides", "no locality")


def _winner(candidates: Sequence[Event], keys: Sequence[MatchKey], mkey: MatchKey, n: int,
            texts: Mapping[str, str] | None) -> int | None:
    """The candidate the mention joins by the score (:func:`pick_best`), or None."""
    scores = [score_keys(k, mkey) for k in keys]
    if texts:
        _add_page_names(candidates, keys, mkey, scores, texts)
    i = pick_best(scores, mkey, n)
    if i is not None and texts and _named_elsewhere(candidates, keys, mkey, i, texts):
        i = None  # the action's name fits another day's event of the place too (review)
    if i is not None and _undated_fits_several(keys, scores, mkey):
        i = None  # a weekly protest at one place: the undated report fits more than one day (review)
    if i is not None and weak_among_several(keys[i], mkey, n):
        i = None  # a target or a crowd size alone, with other events at the place: many actions share one
    return i


def decide(
    candidates: Sequence[Event],
    mention: EventMention,
    ccc_ids: Collection[str] = (),
    texts: Mapping[str, str] | None = None,
) -> Decision:
    """The decision for ``mention`` among ``candidates`` (``ccc_ids``: those imported from CCC).

    ``texts``: the pages of the undated sides, ``""`` for the mention's and an event's id for its
    sources': a side whose text tells no recurring action is told once (:attr:`MatchKey.once`)."""
    mkey = MatchKey(mention)
    keys = [MatchKey(ev) for ev in candidates]
    if texts:
        _read_texts(candidates, keys, mkey, texts)
    # the block as the batch resolver sees it: same place, dated the same way (undated candidates
    # of a dated mention, the hierarchy's other localities are extra candidates, not density)
    n = sum(1 for k in keys if k.loc == mkey.loc and k.state == mkey.state and (k.loc or k.country == mkey.country)
            and (k.day is None) == (mkey.day is None))
    i = _winner(candidates, keys, mkey, n, texts)
    if i is not None:
        parts = explain(keys[i], mkey)
        return Decision(candidates[i], {"how": "match", "score": parts.get("score"), "parts": parts,
                                        "candidates": len(candidates)})
    # imported CCC events of the same day: their types are coded loosely
    ccc = [
        j for j, (ev, k) in enumerate(zip(candidates, keys, strict=True))
        if ev.id in ccc_ids and k.day is not None and k.day == mkey.day and _loose(k.types, mkey.types)
    ]
    if ccc:
        loose_keys = []
        for j in ccc:
            k = copy.copy(keys[j])
            k.types = frozenset()  # compatible (checked above): neither for nor against
            loose_keys.append(k)
        ccc_scores = [score_keys(k, mkey) for k in loose_keys]
        c = pick_best(ccc_scores, mkey, n)
        if c is not None:
            parts = explain(loose_keys[c], mkey)
            parts["types"] = "compatible (CCC coding)"
            return Decision(candidates[ccc[c]], {"how": "ccc", "score": parts.get("score"), "parts": parts,
                                                 "candidates": len(candidates)})
    review: list[tuple[float, int, dict[str, Any]]] = []
    for j, k in enumerate(keys):
        parts = explain(k, mkey)
        if candidates[j].id in ccc_ids and "reject" in parts and parts["reject"] == "other types" \
                and _loose(k.types, mkey.types):
            loose = copy.copy(k)
            loose.types = frozenset()
            parts = explain(loose, mkey)
        s = parts.get("score")
        if s is None or s < REVIEW_MIN_SCORE:
            continue
        if "recurrence" in parts:
            parts["reject"] = parts["recurrence"]  # one of a recurring action's days: a person decides
        if "reject" not in parts:
            parts["reject"] = ("another candidate fits as well" if s >= MATCH_THRESHOLD
                               else f"score below {MATCH_THRESHOLD}")
            if s >= MATCH_THRESHOLD and mkey.day is None and k.day is not None:
                parts["reject"] = "the undated report fits events of several days"
            elif s >= MATCH_THRESHOLD and set(parts.get("shared") or ()) <= WEAK_SPECIFICS:
                parts["reject"] = "a target or a crowd size alone, with other events at the place"
        review.append((s, j, parts))
    review.sort(key=lambda t: (-t[0], t[1]))
    return Decision(
        None,
        {"how": "new", "candidates": len(candidates)},
        [(candidates[j], parts) for _, j, parts in review[:REVIEW_MAX]],
    )


def near_match_flags(events: Sequence[Event], mention: EventMention) -> list[tuple[Event, str, float]]:
    """CCC events at the same place with the same action (title, campaign, organizations) but
    another date: (event, reason, score) for the review queue, never a merge."""
    out = []
    for ev in events:
        hit = near_match_reason(ev, mention)
        if hit is not None:
            out.append((ev, hit[0], hit[1]))
    return out


def may_take_undated(event: Event, event_text: str, undated: EventMention, undated_text: str) -> bool:
    """Could dated ``event`` weigh in the decision for an ``undated`` report (the store's recheck)?
    Not when a hard rule rules the pair out whatever the pages say (another place, type, venue, side:
    :data:`_HARD_REJECTS`) and the actions both pages name (with the extracted names) share nothing
    (:func:`~protestdb.resolve.names.names_overlap`: the named join and :func:`_named_elsewhere`)."""
    if not str(explain(MatchKey(event), MatchKey(undated)).get("reject", "")).startswith(_HARD_REJECTS):
        return True
    ours = set(text_action_names(event_text)) | {k for k in (campaign_key(event.title),) if k}
    theirs = set(text_action_names(undated_text)) | {k for k in (campaign_key(undated.title),) if k}
    return names_overlap(ours, theirs)
