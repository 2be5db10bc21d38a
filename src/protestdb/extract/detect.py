"""Is this a protest report? Trigger words per event type, negative contexts, announcements.

``quick_reject`` is a keyword prefilter (no spaCy); ``find_triggers`` finds the words that
name a protest action, dropping those in negative contexts ("stocks rally", "drone strike").
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from functools import cache
from typing import Any

from protestdb.extract.cues import crowd_size, human_agent, support_patterns
from protestdb.extract.gate import lowered, may_match, may_match_each, narrow, spans
from protestdb.extract.lexicons import any_rx, load, load_lang, rx
from protestdb.extract.segment import Layout, split_text
from protestdb.extract.spans import GrowingSpans, SpanIndex, any_outside, in_quote

#: Types that can be placeless (a nationwide boycott or strike call).
PLACELESS_TYPES = ("boycott", "strike")


@dataclass
class Trigger:
    start: int
    end: int
    quote: str
    type: str
    sent: int
    weak: bool = False
    announced: bool = False
    national: bool = False
    quoted: bool = False  # inside a quotation ("I've never been to a protest")
    anaphoric: bool = False  # "the rally", "Saturday's march": an action already told
    new_action: bool = True  # tells an action ("marched", "held a vigil"), not a detail ("walking picket lines")
    background: bool = False  # told of a time before the news window ("Last May, a similar march")
    crowd: bool = False  # a roundup's crowd verb ("police in X counted 3,000"), not a protest word


@cache
def _prefilter() -> re.Pattern[str]:
    return any_rx(tuple(re.escape(k) for k in load("prefilter")["keywords"]))


def quick_reject(text: str) -> bool:
    """True when ``text`` cannot be a protest report (none of the trigger stems occurs)."""
    return _prefilter().search(text.lower()) is None


def _compiled(lang: str) -> tuple[list[tuple[str, re.Pattern[str]]], list[re.Pattern[str]]]:
    lex = load_lang("triggers", lang)
    types = [(t, rx(p)) for t, pats in lex["types"].items() for p in pats]
    weak = [rx(p) for p in lex.get("weak", [])]
    return types, weak


def _ambiguous(lang: str) -> re.Pattern[str] | None:
    pats = load_lang("triggers", lang).get("ambiguous")
    return rx("|".join(f"(?:{p})" for p in pats)) if pats else None


def _check_support(text: str, layout: Layout, found: list[Trigger], lang: str, negated: set[str] = frozenset(), doc: Any = None) -> None:
    """Mark as weak the triggers that are hypothetical ("the prospect of a walkout") and the
    ambiguous ones ("rallied", "march", "strike") with no protest support in their paragraph
    (no protest cue: protesters, chants, signs, demands, a crowd count...; no unambiguous
    trigger) -- unless the text reports a protest elsewhere (then "the march ended at the
    capitol" is that protest's march). One sense per text: when a word of the trigger's type
    was used in a non-protest sense ("a drone strike"), a crowd count does not support it."""
    amb = _ambiguous(lang)
    sup, sup_sent, hyp = support_patterns(lang)
    agents = frozenset(load_lang("cues", lang).get("agents", ()))
    unsupported: list[Trigger] = []
    by_para: dict[int, list[Trigger]] = {}
    for t in found:
        sent = layout.sentences[t.sent]
        if hyp is not None and hyp.search(text[max(sent.start, t.start - 60) : t.start]):
            t.weak = True
            continue
        by_para.setdefault(sent.para, []).append(t)
    if amb is None or sup is None:
        return
    sent_support: dict[int, bool] = {}  # sentence -> has a protest cue (searched once)
    for para, trigs in by_para.items():
        ps, pe = layout.paragraphs[para]
        cues = spans(sup, text, ps, pe)  # (relevance reads the same paragraphs' cues again)
        firm_ids = {id(t) for t in trigs if not amb.fullmatch(t.quote)}
        firm_live = any(id(t) in firm_ids and not t.weak for t in trigs)
        for t in trigs:
            if t.weak or id(t) in firm_ids:
                continue
            # a non-weak firm trigger (never t itself) or a cue outside t's own words supports it
            if firm_live or any_outside(cues, t.start, t.end):
                continue
            sent = layout.sentences[t.sent]
            if t.sent not in sent_support:
                sent_support[t.sent] = sup_sent is not None and sup_sent.search(text, sent.start, sent.end) is not None
            if t.type not in negated and sent_support[t.sent]:
                continue
            if t.type not in negated and human_agent(doc, t, agents, text):
                continue
            t.weak = True
            if t.type not in negated:
                unsupported.append(t)
    # the protest the text reports in its body, or names in its headline ("Farm workers march
    # to the capitol"), makes an unsupported "the rally is planned" that protest's rally
    if any(not t.weak and layout.sentences[t.sent].kind in ("body", "headline") for t in found):
        for t in unsupported:
            t.weak = False


def _sentence_patterns(types: list[tuple[str, re.Pattern[str]]], weak: list[re.Pattern[str]], low: str | None,
                       layout: Layout) -> list[list[tuple[str, re.Pattern[str]]]]:
    """Per sentence, the trigger patterns (weak ones typed "") whose words it has, in lexicon
    order: those the whole text lacks dropped first, the others' literals found once in it."""
    types = [(typ, pat) for typ, pat in types if may_match(pat, low)]
    bounds = [(s.start, s.end) for s in layout.sentences]
    cands: list[list[tuple[str, re.Pattern[str]]]] = [[] for _ in bounds]
    for typ, pat in [*types, *(("", p) for p in weak)]:
        for si, ok in enumerate(may_match_each(pat, low, bounds)):
            if ok:
                cands[si].append((typ, pat))
    return cands


def _sentence_triggers(sent: str, start: int, si: int, pats: list[tuple[str, re.Pattern[str]]]) -> list[Trigger]:
    """The matches of ``pats`` in one sentence (``start``: its offset), in pattern order."""
    found: list[Trigger] = []
    for typ, pat in pats:
        if not typ:  # a weak pattern
            for m in pat.finditer(sent):
                found.append(Trigger(start + m.start(), start + m.end(), m.group(0), "demonstration", si, weak=True))
            continue
        for m in pat.finditer(sent):
            a, b = (m.span("t") if "t" in pat.groupindex and m.group("t") else m.span())
            found.append(Trigger(start + a, start + b, sent[a:b], typ, si))
    return found


def find_triggers(
    text: str,
    lang: str = "en",
    layout: Layout | None = None,
    doc: Any = None,
    *,
    dates: list[Any] | None = None,
    published: date | None = None,
    dropped: list[tuple[str, str, str]] | None = None,
) -> list[Trigger]:
    """Protest trigger words, sentence by sentence, negatives removed, longest match wins.
    With ``dates`` (``find_dates``), triggers told of a time before the news window are
    marked ``background`` (and weak). ``dropped`` gets (candidate, rule, reason) for each
    word removed in a negative context."""
    if layout is None:
        layout = split_text(text, None, lang)
    types, weak = _compiled(lang)
    neg = load_lang("negatives", lang)
    neg_span = any_rx(tuple(neg["span"]))
    neg_sent = any_rx(tuple(neg["sentence"]))
    cues = load_lang("cues", lang)
    announce = any_rx(tuple(cues["announce"]))
    national = any_rx(tuple(cues["national_scope"]))
    out: list[Trigger] = []
    negated: set[str] = set()  # types with a non-protest sense in this text ("a drone strike")
    low = lowered(text)  # literal gates: skip a pattern whose words the sentence lacks
    cands = _sentence_patterns(types, weak, low, layout)
    # (the whole text's alternatives first: a sentence's are among them)
    neg_span, neg_sent = narrow(neg_span, low), narrow(neg_sent, low)
    announce, national = narrow(announce, low), narrow(national, low)
    for si, s in enumerate(layout.sentences):
        if not cands[si]:
            continue  # no pattern can match the sentence
        sent = text[s.start : s.end]
        found = _sentence_triggers(sent, s.start, si, cands[si])
        if not found:
            continue
        ns = narrow(neg_span, low, s.start, s.end) if neg_span is not None else None
        nt = narrow(neg_sent, low, s.start, s.end) if neg_sent is not None else None
        negs = [(s.start + m.start(), s.start + m.end()) for m in ns.finditer(sent)] if ns is not None else []
        sent_negs = [(s.start + m.start(), s.start + m.end()) for m in nt.finditer(sent)] if nt is not None else []
        is_announce = announce is not None and announce.search(sent) is not None
        is_national = national is not None and national.search(sent) is not None
        # longest first; drop triggers inside a longer one (hunger strike > strike)
        found.sort(key=lambda t: (t.weak, -(t.end - t.start), t.start))
        kept: list[Trigger] = []
        kept_spans = GrowingSpans()
        neg_index = SpanIndex(negs + sent_negs)
        for t in found:
            if kept_spans.covers(t.start, t.end):
                continue
            if neg_index.covers(t.start, t.end):
                negated.add(t.type)
                if dropped is not None:
                    dropped.append((f"trigger {t.quote!r} at {t.start}", "triggers.negative_context",
                                    "inside a non-protest phrase (negatives lexicon)"))
                continue
            t.announced = is_announce
            t.national = is_national
            kept.append(t)
            kept_spans.add(t.start, t.end)
        out.extend(sorted(kept, key=lambda t: t.start))
    if dates is not None:
        from protestdb.extract.background import mark_background

        mark_background(text, layout, out, dates, published, lang, doc)
    _check_support(text, layout, out, lang, negated, doc)
    _check_agents(text, out, lang, doc)
    _mark_context(text, layout, out, lang, doc)
    from protestdb.extract.campaigns import mark_campaign_rallies

    mark_campaign_rallies(text, out, doc, lang)  # "Senator Walden's rally": a campaign event
    return out


def _check_agents(text: str, found: list[Trigger], lang: str, doc: Any) -> None:
    """Mark as weak the triggers that tell a protest only with people as their agent
    (``triggers_<lang>.json`` "agent_required": "villagers blocked the highway", not "a truck
    blocked the highway") when no people are their agent -- unless the text tells a protest in
    other words (then "tractors blocked the ring road" is that protest's blockade)."""
    pats = load_lang("triggers", lang).get("agent_required")
    if not pats:
        return
    need = rx("|".join(f"(?:{p})" for p in pats))
    if any(not t.weak and not need.fullmatch(t.quote) for t in found):
        return  # another firm protest word: the text's protest blocks the roads
    agents = frozenset(load_lang("cues", lang).get("agents", ()))
    for t in found:
        if not t.weak and not human_agent(doc, t, agents, text):
            t.weak = True


def _mark_context(text: str, layout: Layout, found: list[Trigger], lang: str, doc: Any) -> None:
    """Per trigger: quoted speech, a reference back to a told action, and its own tense
    ("residents who marched last week say they plan to return": the march happened)."""
    cues = load_lang("cues", lang)
    ana = rx(cues["anaphoric"]) if cues.get("anaphoric") else None
    heads = frozenset(cues.get("announce_heads", ()))
    for t in found:
        ps = layout.paragraphs[layout.sentences[t.sent].para][0]
        t.quoted = in_quote(text, ps, t.start)
        s0 = layout.sentences[t.sent].start
        if ana is not None and ana.search(text[max(s0, t.start - 40) : t.start]):
            t.anaphoric = True
        if doc is None:
            continue
        span = doc.char_span(t.start, t.end, alignment_mode="expand")
        if span is None or not len(span):
            continue
        tok = span[0]
        if tok.pos_ in ("VERB", "AUX"):
            t.new_action = tok.tag_ in ("VBD", "VBZ", "VBP", "VB") and tok.dep_ not in ("acl", "relcl", "advcl", "amod")
        else:
            # a compound trigger ("car protest", "hunger strike", "work stoppage"): its head noun
            # carries the article and the verb ("staged a hunger strike"), not its first word
            noun = span.root if span.root.pos_ in ("NOUN", "PROPN") else tok
            t.new_action = not t.anaphoric and (
                any(c.dep_ == "det" and c.lower_ in ("a", "an", "another") for c in noun.children)
                or noun.head.lemma_ in ("hold", "stage", "launch", "begin", "start", "organize", "lead", "call")
                or _people_acting(tok)
            )
        if lang == "en" and not t.weak and generic_talk(span.root):
            t.weak = True  # "Protest is foundational to democracy", "protests that block highways": no action
        if lang == "en" and not t.weak and _present_question(text, layout.sentences[t.sent], tok):
            t.weak = True  # "Why do teachers go on strike?": a question about strikes in general
        if tok.tag_ == "VBD" or (tok.tag_ == "VBN" and any(c.lemma_ == "have" for c in tok.children)):
            t.announced = False
        elif t.announced and _held_subject(tok, heads):
            t.announced = False  # "the march, which was set for noon, began at two"
        elif (tok.tag_ in ("VB", "VBP") or (tok.tag_ == "VBG" and tok.dep_ != "xcomp")) and not t.announced:
            # VBG: "with teachers going on strike Monday, schools will close" ("would keep marching": the same march)
            node, hops = tok, 0
            # a bare participle ("Marching through downtown, nurses would not stop"): only its own
            # "will"/"to"; the subject-clause form ("with teachers going on strike") reads up the tree
            reach = 0 if tok.tag_ == "VBG" and not any(c.dep_ == "nsubj" for c in tok.children) else 3
            if reach == 0 and any(c.dep_ == "aux" and c.lemma_ in heads for c in tok.children):
                t.announced = True
            while hops < reach and node.head is not node:
                if any(c.dep_ == "aux" and c.lemma_ in heads for c in node.children):
                    t.announced = True
                    break
                node = node.head
                hops += 1
                if node.lemma_ in heads:
                    t.announced = True
                    break


#: nouns whose "of"/"to" phrase names protest in general ("types of protest", "the right to protest")
_KIND_HEADS = frozenset({"type", "kind", "form", "right", "freedom", "tradition", "history", "culture", "nature",
                         "power", "value", "role", "way", "method", "tactic", "art", "politics", "tool"})


def generic_talk(tok: Any) -> bool:
    """Is the trigger word protest talked of in general, no action told: a bare singular noun as
    the subject of a present-tense verb ("Protest is foundational to democracy") or in "types of
    protest"; a plural with a present-tense relative clause ("protests that block highways") or
    "such"; a gerund subject ("Blocking highways is a misdemeanor")."""
    if tok.tag_ == "VBG" and tok.dep_ in ("csubj", "csubjpass"):
        return True
    if tok.pos_ not in ("NOUN", "PROPN"):
        return False
    kids = list(tok.children)
    if tok.tag_ == "NN" and not any(c.dep_ in ("det", "poss", "nummod", "compound") for c in kids):
        if tok.dep_ in ("nsubj", "nsubjpass") and tok.head.tag_ in ("VBZ", "VBP"):
            return True
        prep = tok.head
        return tok.dep_ == "pobj" and (
            (prep.lower_ in ("of", "to") and prep.head.lemma_ in _KIND_HEADS) or _ruled_or_engaged(tok))
    if tok.tag_ == "NNS":
        if any(c.dep_ in ("det", "amod", "predet") and c.lower_ == "such" for c in kids):
            return True
        if any(c.dep_ == "relcl" and c.tag_ in ("VBP", "VBZ") for c in kids) and not any(
                c.dep_ == "det" and c.lower_ in _DEFINITE for c in kids):
            return True
        if any(c.dep_ in ("det", "poss", "nummod") or c.lower_ in _DEFINITE for c in kids):
            return False  # "the protests", "their strikes", "two rallies": these ones
        if tok.dep_ == "pobj":
            return _ruled_or_engaged(tok)
        return tok.dep_ in ("nsubj", "nsubjpass") and _norm_or_kind(tok.head)
    return False


#: nouns of a rule over protests: "the regulation of protests", "a ban on protests"
_RULE_HEADS = frozenset({"regulation", "policing", "restriction", "limit", "ban", "law", "rule", "permit", "control"})
#: verbs of taking part whose bare infinitive on a noun names protest in general ("a pupil's right to engage in protests")
_ENGAGE_VERBS = frozenset({"engage", "participate"})


def _ruled_or_engaged(tok: Any) -> bool:
    """Is the bare protest noun (its own determiners were checked) the object of a rule ("the
    council's regulation of protests", "limits on protest") or of a right to take part ("pupils
    have a narrow right to engage in protests")?"""
    prep = tok.head
    if prep.lower_ in ("of", "on") and prep.head.lemma_ in _RULE_HEADS:
        return True
    verb = prep.head
    return prep.lower_ == "in" and verb.lemma_ in _ENGAGE_VERBS and verb.tag_ == "VB" and verb.dep_ == "acl" and any(
        c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)


#: determiners that point at protests already told
_DEFINITE = frozenset({"the", "these", "those", "this", "that"})
#: modal verbs of a rule or a possibility: "protesters may not block the entrance"
_NORM_MODALS = frozenset({"should", "may", "must", "can", "cannot", "might", "shall", "ought"})
#: verbs of perceiving: "protesters can be heard chanting" shows them acting
_PERCEIVE = frozenset({"see", "hear", "watch", "spot", "film", "observe", "notice"})


def _norm_or_kind(verb: Any) -> bool:
    """Is the verb of a bare plural subject a rule ("Protesters may not block the entrance",
    "peaceful protests should not block access") or a definition ("Strikes are a tool of last
    resort", "most strikes are about pay")? Protests in general, no action told. Not when the
    clause tells a past action or a time ("demonstrators are members of a union that blocked the
    lobby", "protesters can be heard chanting on Tuesday"), nor with a verb of perceiving
    ("protesters can be seen marching"): those show an action."""
    if verb.lemma_ in _PERCEIVE or any(
            t.tag_ == "VBD" or t.ent_type_ in ("DATE", "TIME") for t in verb.subtree):
        return False
    if any(c.dep_ == "aux" and c.lower_ in _NORM_MODALS for c in verb.children):
        return True
    return verb.lemma_ == "be" and verb.tag_ in ("VBP", "VBZ") and any(
        c.dep_ == "attr" or (c.dep_ == "prep" and c.lower_ == "about") for c in verb.children)


def _present_question(text: str, sent: Any, tok: Any) -> bool:
    """Is the trigger told in a question in the present tense ("Why do teachers go on strike?",
    "What happens to the pay of bakers who strike?")? An explainer's question, no action told (a question
    about a told action is in the past: "Why did nurses march on Monday?")."""
    if not text[sent.start : sent.end].rstrip().rstrip("\"'”’)").endswith("?"):
        return False
    verb, hops = tok, 0
    while verb.pos_ not in ("VERB", "AUX") and verb.head is not verb and hops < 3:
        verb, hops = verb.head, hops + 1
    if verb.tag_ in ("VBZ", "VBP"):
        return True
    return verb.tag_ == "VB" and any(c.dep_ == "aux" and c.lower_ in ("do", "does") for c in verb.children)


def _held_subject(tok: Any, heads: frozenset[str]) -> bool:
    """Is the trigger noun the subject of a verb in the past tense that is no planning verb ("the
    march started", "the rally drew 200"): the action was held, whatever plan the sentence
    recalls?"""
    return tok.pos_ in ("NOUN", "PROPN") and tok.dep_ == "nsubj" and tok.head.tag_ == "VBD" and (
        tok.head.lemma_ not in heads)


#: what courts and prisons do to people: "protesters were sentenced" tells no action of theirs
_LEGAL_VERBS = frozenset({"sentence", "charge", "convict", "acquit", "indict", "try", "plead", "fine", "jail", "prosecute", "sue"})


def _people_acting(tok: Any) -> bool:
    """A trigger naming people ("protesters", "demonstrators", "strikers") as the subject of a
    past-tense verb: "Three protesters were arrested after binding themselves to ...", "protesters
    faced off outside ..." tell what they did."""
    if tok.tag_ != "NNS" or tok.dep_ not in ("nsubj", "nsubjpass") or not tok.lower_.endswith(("ers", "ors", "ists")):
        return False
    verb = tok.head
    if verb.lemma_ in _LEGAL_VERBS or verb.pos_ not in ("VERB", "AUX"):
        return False
    return verb.tag_ == "VBD" or (verb.tag_ == "VBN" and any(c.dep_ in ("aux", "auxpass") and c.tag_ == "VBD" for c in verb.children))


def is_protest_report(text: str, lang: str = "en", layout: Layout | None = None) -> bool:
    """True when ``text`` reports (or announces) at least one protest action."""
    if quick_reject(text):
        return False
    if layout is None:
        layout = split_text(text, None, lang)
    return any(not t.weak and layout.sentences[t.sent].kind != "caption" for t in find_triggers(text, lang, layout))


def crowd_triggers(
    text: str, layout: Layout, triggers: list[Trigger], sizes: list[Any], lang: str, background: set[int] | dict[int, str] = frozenset()
) -> list[Trigger]:
    """In a protest report, body sentences without a trigger that tell a crowd gathering
    ("organizers estimated 25,000 people on the Common", "Crowds also gathered in X and Y"):
    each is an action of the article's main type (a roundup's cities). The trigger is the
    crowd verb."""
    cues = load_lang("cues", lang)
    if not cues.get("crowd_verbs"):
        return []
    verbs = any_rx(tuple(cues["crowd_verbs"]))
    words = any_rx(tuple(cues.get("crowd_words") or [r"\bcrowds?\b"]))
    not_crowd = rx(cues["crowd_not"]) if cues.get("crowd_not") else None
    live = [t for t in triggers if not t.weak and not t.quoted]
    if not live:
        return []
    counts: dict[str, int] = {}
    for t in live:
        if t.type != "counter-protest":
            counts[t.type] = counts.get(t.type, 0) + 1
    if not counts:
        return []
    main = max(counts.items(), key=lambda kv: kv[1])[0]
    with_trig = {t.sent for t in triggers}
    size_sents: dict[int, list[Any]] = {}
    for sm in sizes:
        size_sents.setdefault(layout.sentence_at(sm.start), []).append(sm)
    out = []
    for si, s in enumerate(layout.sentences):
        if s.kind != "body" or si in with_trig or si in background:
            continue
        crowd = [sm for sm in size_sents.get(si, []) if crowd_size(text, sm)] or list(words.finditer(text, s.start, s.end))
        if not crowd:
            continue
        v = verbs.search(text, s.start, s.end)
        if v is None or in_quote(text, layout.paragraphs[s.para][0], v.start()):
            continue
        if not_crowd is not None and not_crowd.search(text, max(s.start, v.start() - 80), v.start()):
            continue  # "a separate holiday parade drew 2,000 spectators"
        out.append(Trigger(v.start(), v.end(), v.group(0), main, si, crowd=True))
    return out
