"""Targets told for a whole action: a roundup's addressee, copied to each listed event.

A report of an action in several places tells whom it addresses once, for all of them ("students
walked out across the country to demand that lawmakers act"; "strikes went ahead in A, B and C to
send a message to the government"; the organizers' list of demands). A coder copies such facts to
every city's event. The text told for the whole action is:

- a sentence whose words hold the segments of two or more events (a list of cities and the claim
  they share);
- a body sentence of a paragraph no event is told in (a lede with no city, the demands, the
  mission statement) that ends as prose does (a link to another story does not), or the headline.

Targets found there (by the same rules as an event's own, with no state or city to name a body
by) go to each located event that names no target of its own (one event's article too: its
demands are often told in a paragraph of their own); a known agency or company
there only when a claim names it (``claimed``), a name after a place word ("outside X") never
(``site_told``).
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

from protestdb.extract.lexicons import load
from protestdb.extract.orgs_share import give_shared

Range = tuple[int, int]

_PROSE_END = re.compile(r"[.!?:;][\"”’»)]?\s*$")


def is_roundup(drafts: list[Any]) -> bool:
    """A located event in the article (counter-protests aside): the text told apart from its
    events speaks for them, for one as for a roundup's many."""
    return sum(1 for d in drafts if not d.counter and d.place is not None) >= 1


def umbrella_scopes(layout: Any, drafts: list[Any]) -> list[Range]:
    """The sentences told for the whole action (see the module's text), in text order."""
    if layout is None:
        return []
    told_paras = {p for d in drafts for p in d.paras}
    if not told_paras:
        return []
    first = min(told_paras)
    starts = sorted((a, i) for i, d in enumerate(drafts) for a, _ in d.segments)
    text = layout.text
    out: list[Range] = []
    for s in layout.sentences:
        # prose of the body (a title-case link to another story has no closing stop), and the
        # headline above the body
        if s.kind != "body" and not (s.kind == "headline" and s.para < first):
            continue
        owners = {i for a, i in starts if s.start <= a < s.end}
        if len(owners) >= 2 or (
            not owners and s.para not in told_paras
            and (s.kind == "headline" or _PROSE_END.search(text, max(s.start, s.end - 3), s.end))
        ):
            out.append((s.start, s.end))
    return out


__all__ = ["is_roundup", "lede_text", "local_body", "named_in", "umbrella_scopes"]


@lru_cache(maxsize=1)
def _claim_cue() -> re.Pattern[str]:
    return re.compile(load("targets_en").get("known_claim_cue", "(?!)"), re.IGNORECASE)


def claimed(text: str, at: int) -> bool:
    """A known agency or company told in a claim ("demanding the abolition of ICE"), not just
    named ("a Tesla-driving organizer"): a demand or opposition word shortly before it in its
    sentence (``known_claim_cue``)."""
    lo = max(0, at - 80)
    stop = max(text.rfind(". ", lo, at), text.rfind("\n", lo, at))
    return bool(_claim_cue().search(text, stop + 1 if stop >= 0 else lo, at))


@lru_cache(maxsize=1)
def _site_cue() -> re.Pattern[str]:
    return re.compile(load("targets_en").get("site_cue_before", "(?!)"), re.IGNORECASE)


def site_told(text: str, at: int) -> bool:
    """A name told as where something happened ("outside Parliament"), not as whom a claim
    addresses: away from the event's own sentences it says nothing of the action's target."""
    return bool(_site_cue().search(text, max(0, at - 40), at))


_NAMED_GOVERNMENT = re.compile(r"(?<![\w-])((?:[A-Z][\w’'-]+\s+){1,3})(?:government|Government)\b")
_NOT_MODIFIER = frozenset({"The", "A", "An", "This", "That", "Our", "Their", "Its", "His", "Her", "Every", "Any"})


def article_government(text: str) -> str | None:
    """The one government the article names by its country, people or leader ("the Kenyan
    government", "the Harlow government"), for a bare "the government" told of the same
    report; None when it names none or several."""
    names: set[str] = set()
    for m in _NAMED_GOVERNMENT.finditer(text):
        words = m.group(1).split()
        while words and words[0] in _NOT_MODIFIER:
            words = words[1:]
        if words:
            names.add(" ".join(words) + " government")
    return names.pop() if len(names) == 1 else None


@lru_cache(maxsize=1)
def _country_governments() -> dict[str, str]:
    return dict(load("targets_en").get("country_government", {}))


def country_government(country: str | None) -> str | None:
    """The name of the government of the country an event abroad happens in ("NZ" -> "New
    Zealand government"); None for the US and for a country without an entry."""
    return _country_governments().get(country or "")


def named_government_first(targets: list[tuple[str, Any, str]], text: str,
                           country: str | None = None) -> list[tuple[str, Any, str]]:
    """A bare "government" target: dropped beside a government named by its leader or country
    ("Trump administration", "Kenyan government"), else named as the article names it, else
    (an event abroad) as the government of the event's country (``country_government``)."""
    bare = [x for x in targets if x[0].lower() in ("government", "the government")]
    if not bare:
        return targets
    named = [x for x in targets if x not in bare and x[0].lower().endswith(_LED_BODY_ENDS)]
    if named:
        return [x for x in targets if x not in bare]
    full, why = article_government(text), "targets.article_government"
    if full is None:
        full, why = country_government(country), "targets.country_government"
    if full is None:
        return targets
    return [(full, sp, f"{rule}+{why}") if x in bare else x
            for x in targets for (_n, sp, rule) in [x]]


_LED_BODY_ENDS = (" administration", " government", " regime")


# --- one action's addressee told in one of its events ---------------------------------------

#: event types that tell a counter-action (never given the main action's targets)
_COUNTER = "counter-protest"
#: a local body of one place ("Harbor City Police Department", "Ridgefield City Council") or a
#: school: the target of the event told beside it, not of the action's other places
_LOCAL_BODY = re.compile(
    r"\b(?:Police|Sheriff|City Council|County|School|Schools|District|Hospital|Mayor|Campus)\b"
)


@lru_cache(maxsize=1)
def _campus_rx() -> re.Pattern[str]:
    return re.compile(load("targets_en").get("campus_name", "(?!)"))


def local_body(name: str) -> bool:
    """A school or a body of one place ("Harbor City Police Department", "Ridgefield
    University"): the target of the place told beside it, not of an action's other places."""
    return bool(_campus_rx().search(name) or _LOCAL_BODY.search(name))


def _shareable(name: str, labor: bool, known: frozenset[str], lede: str = "") -> bool:
    """A target the action's other places share: a government, a head of state, a party, a
    national agency or a known company; never a school or a body of one place, and (a strike)
    never an employer the parse found at one site ("nurses at X") unless the report's headline
    or first sentence names it (``lede``: "Acme staff walk out worldwide", "a strike against
    Acme began at facilities in four states": the employer of the whole action)."""
    if local_body(name):
        return False
    return not labor or name in known or name.lower().endswith(_LED_BODY_ENDS) or named_in(name, lede)


def named_in(name: str, text: str) -> bool:
    """``name`` told in ``text`` as a whole name (not inside a longer word)."""
    return bool(text) and re.search(rf"(?<![\w-]){re.escape(name)}(?![\w-])", text) is not None


def lede_text(layout: Any) -> str:
    """The report's headline and its first body sentence (where a report names the one company
    or body its whole action is about)."""
    if layout is None:
        return ""
    head = [s for s in layout.sentences if s.kind == "headline"]
    body = next((s for s in layout.sentences if s.kind == "body"), None)
    return "\n".join(layout.text[s.start : s.end] for s in [*head, *([body] if body is not None else [])])


def share_action_targets(events: list[Any], known: frozenset[str] = frozenset(),
                         lede: str = "") -> list[tuple[int, list[str]]]:
    """An action told in several places names its addressee once, in one place's sentences ("in
    Auckland, a thousand people gathered to demonstrate against the government's policies"),
    and a coder gives it to each place of the action. Here: the targets every event that names
    targets agrees on (``_shareable`` ones) go to each other event of the action (same country,
    same or unknown date, never a counter-protest) that names none, with the donor's evidence.
    ``known``: the known agencies and companies (a strike's employer everywhere); ``lede``: the
    headline and first sentence (``lede_text``: an employer named there is the whole strike's).
    Returns (index of the event, names added) for each event changed."""
    main = [ev for ev in events if _COUNTER not in (ev.event_type or [])]
    donors = [ev for ev in main if ev.targets]
    if not donors or len(donors) == len(main):
        return []
    common = {t.lower() for t in donors[0].targets}
    for ev in donors[1:]:
        common &= {t.lower() for t in ev.targets}
    donor = donors[0]
    labor = any(t in ("strike", "picket", "walkout") for ev in donors for t in ev.event_type or [])
    names = [t for t in donor.targets if t.lower() in common and _shareable(t, labor, known, lede)]
    if not names:
        return []
    dates = {ev.date for ev in donors}
    countries = {ev.country for ev in donors}
    spans = [sp for sp in donor.evidence.get("targets", [])]
    main_ids = {id(ev) for ev in main}

    # (the employer or body the headline or first sentence names is the whole action's, in
    # whatever country its places are: "Acme staff walked out in Tokyo, London and Chicago")
    everywhere = all(named_in(t, lede) for t in names)

    def takes(ev: Any) -> bool:
        return id(ev) in main_ids and (everywhere or ev.country in countries) \
            and (ev.date is None or None in dates or ev.date in dates)

    return give_shared(events, "targets", names, spans, takes)
