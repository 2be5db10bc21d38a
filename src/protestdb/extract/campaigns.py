"""Campaign rallies: a rally held by one named person in an election campaign is no protest.

"Senator Walden's rally at the fairgrounds", "the first Walden rally since the convention",
"Walden returned to Ohio for a rally": the rally's holder is the candidate, the crowd their
audience. In a text that tells an election campaign (two or more of the words of
``frames_<lang>.json`` "campaign_rally"), such a rally trigger is weak, and so is every rally
the text tells after it with "the" (the same campaign event) up to a rally told anew. A rally in a
sentence that also tells a strike or protest ("a rally of striking nurses") is no campaign rally. A rally for or against the
person ("an anti-Walden rally", "a pro-Walden rally") is held by others: a protest.
"""

from __future__ import annotations

import re
from typing import Any

from protestdb.extract.detect import Trigger
from protestdb.extract.gate import lowered, narrow
from protestdb.extract.lexicons import any_rx, lang_entry

#: the campaign words a text needs before a person's rally counts as a campaign event
MIN_CAMPAIGN_WORDS = 2
#: verbs by which one person holds a rally ("Walden held a rally", "returned for a rally")
_HOLD = frozenset({"hold", "host", "stage", "return", "travel", "fly", "head"})


def _campaign_text(text: str, lang: str) -> bool:
    pats = lang_entry("frames", lang, "campaign_rally")
    if not pats:
        return False
    pat = narrow(any_rx(tuple(pats)), lowered(text))
    if pat is None:
        return False
    seen: set[str] = set()
    for m in pat.finditer(text):
        seen.add(m.group(0).lower().rstrip("s"))  # distinct words: "voters" and "voter" are one
        if len(seen) >= MIN_CAMPAIGN_WORDS:
            return True
    return False


#: a name right before "campaign" ("the Walden campaign", "Walden's campaign")
_NAMED_CAMPAIGN = re.compile(r"\b([A-Z][\w-]+)(?:['’]s)? campaign\b")


def _persons_campaign(text: str, surnames: frozenset[str]) -> bool:
    """Does the text tell the campaign of a person it names ("wearing Walden campaign hats")?
    (A union's or a cause's "campaign" is none.)"""
    return "campaign" in text and any(m.group(1) in surnames for m in _NAMED_CAMPAIGN.finditer(text))


def _is_person(tok: Any, surnames: frozenset[str], text: str) -> bool:
    """A proper name of one person (tagged PERSON, or the surname of a person the text names),
    not joined by a hyphen to a prefix ("anti-Walden", "pro-Walden")."""
    if tok.pos_ != "PROPN" or text[max(0, tok.idx - 1) : tok.idx] == "-":
        return False
    return tok.ent_type_ == "PERSON" or tok.text in surnames


def person_rally(tok: Any, surnames: frozenset[str], text: str) -> bool:
    """Is the rally noun ``tok`` held by one named person: their possessive or name before it
    ("Walden's rally", "the Walden rally"), or the person as the subject of the verb that holds
    it or brings them to it ("Walden held a rally", "Walden returned to Ohio for a rally")?"""
    if any(c.dep_ in ("poss", "compound") and _is_person(c, surnames, text) for c in tok.children):
        return True
    verb = tok.head
    if tok.dep_ == "pobj" and verb.lower_ in ("for", "at", "to"):
        verb = verb.head
    elif tok.dep_ != "dobj":
        return False
    if verb.pos_ not in ("VERB", "AUX") or verb.lemma_ not in _HOLD:
        return False
    return any(c.dep_ == "nsubj" and _is_person(c, surnames, text) for c in verb.children)


def mark_campaign_rallies(text: str, triggers: list[Trigger], doc: Any, lang: str) -> None:
    """Set ``weak`` on the rally triggers that tell a campaign rally (see the module)."""
    rallies = [t for t in triggers if t.type == "rally" and not t.weak]
    if doc is None or not rallies:
        return
    surnames = frozenset(e[-1].text for e in doc.ents if e.label_ == "PERSON" and len(e) > 1)
    if not _campaign_text(text, lang) and not _persons_campaign(text, surnames):
        return
    # a sentence that tells a strike or protest too ("a rally of 2,000 striking nurses") tells no campaign rally
    protest_sents = frozenset(t.sent for t in triggers if t.type != "rally" and not t.weak)
    seen = False
    for t in rallies:
        if t.sent in protest_sents:
            seen = False
            continue
        span = doc.char_span(t.start, t.end, alignment_mode="expand")
        if span is None or not len(span):
            continue
        tok = span.root
        if tok.pos_ not in ("NOUN", "PROPN"):
            continue
        held = person_rally(tok, surnames, text)
        definite = any(c.dep_ == "det" and c.lower_ in ("the", "this", "that") for c in tok.children)
        if held or (seen and (definite or t.anaphoric)):
            t.weak = True
            seen = True
        else:
            seen = False  # a rally told anew: a later "the rally" is this one
