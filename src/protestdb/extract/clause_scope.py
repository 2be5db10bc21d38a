"""Does a time expression belong to the clause that tells a protest word?

A sentence can tell two times: "The children stood at a vigil held a block away from the spot
where agents had seized their mother in July" (July is the seizure's, inside a relative clause
the vigil is not part of); "The leak of the draft on Monday night galvanized fear, and
protesters raised their voices" (Monday is the leak's, in the other one of two clauses each
with its own subject). Such a time dates another clause: it makes the protest word neither
history (``background.py``) nor an action of another day (``drafting._another_day``). A time
told in the clause of the protest word, or in a clause that holds it ("Last May, a similar
march drew 2,500 people"; "workers who struck in 2019"), is its time.
"""

from __future__ import annotations

from typing import Any

#: dependency labels that open a clause of its own
_CLAUSE = frozenset({"relcl", "acl", "advcl", "ccomp", "parataxis", "conj"})


def _tokens(sdoc: Any, start: int, end: int) -> Any:
    span = sdoc.char_span(start, end, alignment_mode="expand")
    return span if span is not None and len(span) else None


def _own_clause(tok: Any) -> Any | None:
    """The lowest clause of its own that ``tok`` sits in (its head verb), or None for the
    sentence's main clause. A coordinated verb opens one only with its own subject ("..., and
    protesters raised their voices"); coordinated verbs of one subject share its times ("walked
    out on Monday and marched")."""
    node, hops = tok, 0
    while node.head is not node and hops < 12:
        if node.pos_ in ("VERB", "AUX") and node.dep_ in _CLAUSE:
            if node.dep_ != "conj" or any(c.dep_ in ("nsubj", "nsubjpass") for c in node.children):
                return node
        node = node.head
        hops += 1
    return None


def _inside(tok: Any, head: Any) -> bool:
    return head.left_edge.i <= tok.i <= head.right_edge.i


def _describes_action(own: Any, w_tok: Any, action_starts: frozenset[int]) -> bool:
    """Is the clause ``own`` a description of the protest word itself or of another protest word
    ("the Harvest Walk, which drew crowds worldwide two years earlier"): its time is that action's?"""
    if own.dep_ not in ("acl", "relcl"):
        return False
    noun = own.head
    if noun is w_tok or (noun.dep_ == "appos" and noun.head is w_tok) or (w_tok.dep_ == "appos" and w_tok.head is noun):
        return True
    return any(noun.idx <= a < noun.idx + len(noun.text) for a in action_starts)


def dates_other_clause(sdoc: Any, time_span: tuple[int, int], trig_span: tuple[int, int],
                       action_starts: frozenset[int] = frozenset()) -> bool:
    """Is the time at ``time_span`` told in a clause of its own that does not hold the protest
    word at ``trig_span`` (or the word in a clause of its own without the time)? A clause that
    describes a protest word (``action_starts``: where the text's protest words start) tells that
    action's time. False when there is no parse or either span cannot be read."""
    if sdoc is None:
        return False
    ts, tr = _tokens(sdoc, *time_span), _tokens(sdoc, *trig_span)
    if ts is None or tr is None:
        return False
    t_tok, w_tok = ts.root, tr.root
    if t_tok.sent.start != w_tok.sent.start:
        return False
    own = _own_clause(t_tok)
    if own is not None and not _inside(w_tok, own):
        return not _describes_action(own, w_tok, action_starts)
    mine = _own_clause(w_tok)
    return mine is not None and mine.dep_ == "conj" and not _inside(t_tok, mine)
