"""Named nationwide actions as protest words: "A Day Without Immigrants", "a general strike",
"an economic blackout" name a placeless action (a boycott, a strike: ``detect.PLACELESS_TYPES``)
even when no protest word is told beside them ("Thousands joined the initiative 'A day without
immigrants' on Thursday"). Each such name in a body sentence is a firm trigger of its types,
marked nationwide, so drafting makes the nationwide event (``drafting.national_placeless``) and
a roundup's cities get their own. The names and their types: ``data/actions_en.json`` ("named").
"""

from __future__ import annotations

import re
from functools import lru_cache

from protestdb.extract.detect import PLACELESS_TYPES, Trigger
from protestdb.extract.lexicons import any_rx, load, load_lang
from protestdb.extract.segment import Layout


@lru_cache(maxsize=1)
def _placeless_names() -> tuple[tuple[re.Pattern[str], tuple[str, ...], re.Pattern[str] | None], ...]:
    out = []
    for d in load("actions_en")["named"]:
        types = tuple(d["types"])
        if types and all(t in PLACELESS_TYPES for t in types):
            # "context": words the sentence must tell for the name to be the action ("national
            # shutdown" by unions or workers, not a government's shutdown of schools)
            ctx = re.compile(d["context"], re.IGNORECASE) if d.get("context") else None
            out.append((re.compile(d["pattern"], re.IGNORECASE), types, ctx))
    return tuple(out)


def named_action_triggers(text: str, layout: Layout, triggers: list[Trigger], lang: str = "en") -> list[Trigger]:
    """``triggers`` plus a trigger per type of each named placeless action told in a body
    sentence; a trigger already told inside the name ("general strike") is marked nationwide
    and only the name's other types are added. A name in a sentence told of the past (background) or only hypothetically
    (every trigger of the sentence weak) stays weak."""
    names = _placeless_names()
    if not names:
        return triggers
    cues = load_lang("cues", lang)
    announce = any_rx(tuple(cues["announce"]))
    by_sent: dict[int, list[Trigger]] = {}
    for t in triggers:
        by_sent.setdefault(t.sent, []).append(t)
    added: list[Trigger] = []
    for pat, types, ctx in names:
        for m in pat.finditer(text):  # one pass over the text per name
            si = layout.sentence_at(m.start())
            s = layout.sentences[si]
            if s.kind != "body" or m.end() > s.end or (ctx is not None and not ctx.search(text, s.start, s.end)):
                continue
            own = by_sent.get(si, [])
            inside = [t for t in own if m.start() <= t.start < m.end() and t.type in types]
            for t in inside:
                t.national = True
            told = {t.type for t in inside}  # a protest word inside the name ("general strike")
            if told >= set(types):
                continue
            weak = bool(own) and all(t.weak for t in own)
            background = any(t.background for t in own)
            announced = announce.search(text, s.start, s.end) is not None
            for ty in (t for t in types if t not in told):
                added.append(Trigger(m.start(), m.end(), m.group(0), ty, si, weak=weak or background,
                                     announced=announced, national=True, background=background))
    if not added:
        return triggers
    return sorted(triggers + added, key=lambda t: t.start)


def named_placeless(t: Trigger) -> bool:
    """Is ``t`` a trigger of a named nationwide placeless action ("A Day Without Immigrants", "an
    economic blackout": ``named_action_triggers``), its words the whole name? Such a name told in a
    city's sentence beside the city's own protest words ("marched in Dayton during A Day Without
    Immigrants") is the nation's action, an event of its own (``drafting.one_city``), not a kind of
    the city's."""
    if not t.national or t.type not in PLACELESS_TYPES:
        return False
    return any(t.type in types and pat.fullmatch(t.quote) for pat, types, _ctx in _placeless_names())


__all__ = ["named_action_triggers", "named_placeless"]
