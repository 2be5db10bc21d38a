"""Public cue tests shared by several extraction components (detection, relevance, event
drafting): the protest-support patterns of a language, "is a group of people the agent of
this trigger?", and "does this number count a crowd?". One place, so no component reaches
into another's private names."""

from __future__ import annotations

import re
from functools import cache
from typing import Any

from protestdb.extract.lexicons import any_rx, load_lang

_AGENT_WORD = re.compile(r"([A-Za-z]+)\s+$")
#: relative pronouns: the subject of a relative clause is the noun the clause hangs on
_RELATIVE = frozenset({"who", "that", "which"})
#: words around a number that make it count something else than the crowd (deportations,
#: arrests, money, signatures; "held signs" is a crowd's doing)
_NOT_CROWD = re.compile(
    r"\b(?:deport\w*|detain\w*|arrest\w*|kill\w*|injur\w*|cost\w*|rais\w*|spen[dt]\w*|fund\w*|cut\w*|"
    r"fir\w*|laid off|lay off|sign(?:ed|ing|atures?|atories|-?ups?|\s+up)|petition\w*|million|billion)\b|\$",
    re.IGNORECASE,
)


@cache
def support_patterns(lang: str) -> tuple[re.Pattern[str] | None, re.Pattern[str] | None, re.Pattern[str] | None]:
    """The language's (support cue, support-in-sentence cue, hypothetical cue) patterns."""
    cues = load_lang("cues", lang)
    sup, sup_sent, hyp = cues.get("support"), cues.get("support_sentence"), cues.get("hypothetical")
    return (
        any_rx(tuple(sup)) if sup else None,
        any_rx(tuple(sup_sent)) if sup_sent else None,
        any_rx(tuple(hyp)) if hyp else None,
    )


@cache
def agent_words(lang: str) -> frozenset[str]:
    """Nouns of groups of people that act (nurses, students, workers...)."""
    return frozenset(load_lang("cues", lang).get("agents", ()))


#: verbs whose passive "by" phrase names the people who act the protest ("was organized by nurses")
_ORGANIZING = frozenset({"organize", "organise", "lead", "hold", "stage", "call", "host", "launch", "plan", "start", "join"})


def human_agent(doc: Any, t: Any, agents: frozenset[str], doc_text: str = "") -> bool:
    """Is a group of people the agent of the trigger ``t`` ("nurses marched", "students set up
    an encampment", "the teachers' strike", "a rally of nurses")?"""
    if doc is None:  # no parse: the word right before ("Nurses rallied", "Hundreds marched")
        m = _AGENT_WORD.search(doc_text[max(0, t.start - 30) : t.start]) if doc_text else None
        if m is None:
            return False
        w = m.group(1).lower()
        return w in agents or w.rstrip("s") in agents or (w.endswith("ies") and w[:-3] + "y" in agents)
    span = doc.char_span(t.start, t.end, alignment_mode="expand")
    if span is None or not len(span):
        return False
    tok = span[0]
    if tok.pos_ in ("VERB", "AUX"):
        verb = tok.head if tok.dep_ in ("conj", "xcomp") and not any(c.dep_.startswith("nsubj") for c in tok.children) else tok
        cands = [c for c in verb.children if c.dep_ in ("nsubj", "agent")]
        if verb.dep_ in ("acl", "relcl") and all(c.lower_ in _RELATIVE for c in cands):
            # "operators barricading the road", "protesters who are blocking the gate": the noun
            # the clause hangs on is the agent
            cands.append(verb.head)
    else:
        # a compound trigger ("hunger strike by nurses", "shutter-down strike"): its head noun
        # carries the owner and the "by" phrase, not its first word
        noun = span.root if span.root.pos_ in ("NOUN", "PROPN") else tok
        nouns = (tok,) if noun is tok else (tok, noun)
        cands = [c for n in nouns for c in n.children if c.dep_ in ("poss", "compound", "nmod") and c not in span]
        cands += [g for n in nouns for c in n.children if c.dep_ == "prep" and c.lower_ in ("of", "by")
                  for g in c.children if g.dep_ == "pobj"]
        if noun.dep_ in ("dobj", "attr", "pobj"):
            head = noun.head.head if noun.dep_ == "pobj" else noun.head
            cands += [c for c in head.children if c.dep_ in ("nsubj", "nsubjpass")]
        elif noun.dep_ == "nsubjpass" and noun.head.lemma_ in _ORGANIZING:
            # "the vigil was organized by a group of clergy": the organizers act it
            cands += [g for c in noun.head.children if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj"]
    return any(c.lemma_.lower() in agents or c.lower_ in agents for c in cands)


def crowd_size(text: str, sm: Any) -> bool:
    """Does the size mention ``sm`` count people at the event (not deportations, arrests,
    money)?"""
    before = text[max(0, sm.start - 40) : sm.start]
    cut = max(before.rfind(". "), before.rfind(".\n"), before.rfind("\n"))
    before = before[cut + 1 :] if cut >= 0 else before  # the words of the figure's own sentence
    window = before + " " + text[sm.end : sm.end + 25]
    return _NOT_CROWD.search(window) is None
