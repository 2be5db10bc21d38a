"""Background: protest words told of a time before the news window.

News reports recall earlier actions ("Last May, a similar march drew 2,500 people", "In 2018,
members struck for 44 days", "the 2020 protests"). Such a sentence tells history, not the
news: its triggers open no event and do not make the text a protest report. A sentence is
background when it holds a time expression before the window (a date resolving more than
``WINDOW_DAYS`` before publication, a past year, "last year", "two years ago"; data in
``data/background_<lang>.json``) and no date inside the window ("Saturday's march, the largest
since 2020" stays news).
"""

from __future__ import annotations

import calendar
from datetime import date, timedelta
from typing import Any

from protestdb.extract.gate import lowered, may_match, spans
from protestdb.extract.lexicons import any_rx, load_lang, rx
from protestdb.extract.segment import Layout

#: how many days before publication an action still counts as news
WINDOW_DAYS = 21
#: how many sentences after one told before the news window an untimed sentence still goes on
#: with its history (``carried_history``)
CARRY_SENTENCES = 3
#: without a publication date, a year before this one is the past: the pages read are news of
#: this century, so an action "in 1960" is history whatever day the page was written
UNDATED_PAST_BEFORE = 2000


def _last_day(d: date, precision: str) -> date:
    if precision == "month":
        return d.replace(day=calendar.monthrange(d.year, d.month)[1])
    if precision == "week":
        return d + timedelta(days=6)
    return d


def date_status(m: Any, published: date | None, announced: bool = False) -> str:
    """"in" (inside the news window), "old" (before it) or "?" for a date mention."""
    if published is None or m.precision == "unknown":
        return "?"
    fut = getattr(m, "future_value", None)
    if announced and fut is not None and published <= fut <= published + timedelta(days=366):
        return "in"
    val = m.value
    if val is None:
        return "?"
    end = getattr(m, "end_value", None) or _last_day(val, m.precision)
    if end >= published - timedelta(days=WINDOW_DAYS) and val <= published + timedelta(days=1):
        return "in"
    if end < published - timedelta(days=WINDOW_DAYS):
        if fut is not None and fut != val and published < fut <= published + timedelta(days=366):
            # a month or day told without its year: "in March" (published in June) may be this
            # year's news feature; "in October" (published in April) was last year -- unless it
            # is ahead ("closing the shelter in December would ...")
            return "amb" if val.year < published.year else "recent"
        return "old"
    return "?"


def old_cues(text: str, start: int, end: int, published: date | None, lang: str) -> list[tuple[int, int]]:
    """Spans of past-time expressions in ``text[start:end]`` ("last year", "in 2019")."""
    lex = load_lang("background", lang)
    low = lowered(text)
    out = list(spans(any_rx(tuple(lex["past"])), text, start, end))  # (background is read twice)
    unless = lex.get("past_unless_ongoing")
    if unless:
        cues = spans(any_rx(tuple(unless)), text, start, end)
        if cues and any_rx((lex["ongoing_tense"],)).search(text, start, end) is None:
            out.extend(cues)  # "have gathered every night over the past two weeks" is news
    year = any_rx(tuple(lex["year"]))
    if may_match(year, low, start, end):
        # without a publication date, a year of the last century is still the past ("in 1960")
        ref = published.year if published is not None else UNDATED_PAST_BEFORE
        names = lex.get("year_names")
        named = any_rx(tuple(names)) if names else None
        for m in year.finditer(text, start, end):
            y = m.group("y")
            if y is None or int(y) >= ref:
                continue
            if named is not None and named.match(text, m.end(), end):
                continue  # "against the 1996 law": the year is the law's, not the action's time
            out.append(m.span())
    return out


def retrospective_title(text: str, layout: Layout, lang: str) -> bool:
    """Is the page titled as a look back ("Looking back: our town in 1975", "From the
    archives"; ``background_<lang>.json`` "retrospective_title", read on its first line)?"""
    pats = load_lang("background", lang).get("retrospective_title")
    if not pats or not layout.paragraphs:
        return False
    a, b = layout.paragraphs[0]
    line_end = text.find("\n", a, b)
    return any_rx(tuple(pats)).match(text, a, b if line_end < 0 else line_end) is not None


def _tells_past(text: str, dates: list[Any], published: date | None, lang: str) -> bool:
    """Does the page tell an old date or a past year anywhere (a look-back title alone does not
    make a page history: "50 years ago today" over a report of today's march)?"""
    if any(date_status(m, published) == "old" for m in dates):
        return True
    ref = (published or date.today()).year
    year = any_rx(tuple(load_lang("background", lang)["year"]))
    return any(m.group("y") is not None and int(m.group("y")) < ref for m in year.finditer(text))


def anniversary_date(text: str, m: Any, lang: str) -> bool:
    """Is the date mention ``m`` ("this week", "today") the anniversary of an older action, told
    right after "<N> years ago" ("Ten years ago this week, thousands marched downtown")?"""
    try:
        pat = load_lang("background", lang).get("anniversary_before")
    except FileNotFoundError:
        return False
    return bool(pat) and rx(pat).search(text, max(0, m.start - 40), m.start) is not None


def background_sentences(
    text: str, layout: Layout, dates: list[Any], published: date | None, lang: str, announced: set[int] = frozenset()
) -> dict[int, str]:
    """The sentences told of a time before the news window: index -> "old" (a past date or
    year, "last year") or "amb" (a month told without its year that falls in the year before
    publication) or "recent" (a month of this year before the window)."""
    by_sent: dict[int, list[Any]] = {}
    for m in dates:
        by_sent.setdefault(layout.sentence_at(m.start), []).append(m)
    out: dict[int, str] = {}
    retro = retrospective_title(text, layout, lang) and _tells_past(text, dates, published, lang)
    for si, s in enumerate(layout.sentences):
        ann = si in announced
        stats = [date_status(m, published, ann) for m in by_sent.get(si, [])
                 if not anniversary_date(text, m, lang)]  # "ten years ago this week": history
        if "in" in stats:
            continue
        if retro or "old" in stats or old_cues(text, s.start, s.end, published, lang):
            out[si] = "old"
        elif "amb" in stats:
            out[si] = "amb"
        elif "recent" in stats:
            out[si] = "recent"
    return out


def _ongoing(text: str, layout: Layout, t: Any, pat: Any, dates: list[Any], published: date | None, lang: str) -> bool:
    """Is the trigger told as still going on ("continued with their protest"), with the past time
    of its sentence told only after it (of something else)?"""
    s = layout.sentences[t.sent]
    if not pat.search(text, max(s.start, t.start - 60), t.start):
        return False
    if any(s.start <= m.start < t.start for m in dates):
        return False
    return not any(a < t.start for a, _ in old_cues(text, s.start, s.end, published, lang))


def _times_elsewhere(
    text: str, layout: Layout, t: Any, triggers: list[Any], dates: list[Any], published: date | None, lang: str,
    doc: Any,
) -> bool:
    """Are all the past times of the trigger's sentence told in clauses without it ("a vigil held
    near the spot where agents had seized her in July": July is the seizure's)?"""
    if doc is None:
        return False
    from protestdb.extract.clause_scope import dates_other_clause

    s = layout.sentences[t.sent]
    times = [(m.start, m.end) for m in dates
             if s.start <= m.start < s.end and date_status(m, published, t.announced) in ("old", "amb", "recent")]
    times += old_cues(text, s.start, s.end, published, lang)
    acts = frozenset(x.start for x in triggers)
    return bool(times) and all(dates_other_clause(doc, span, (t.start, t.end), acts) for span in times)


def mark_background(
    text: str, layout: Layout, triggers: list[Any], dates: list[Any], published: date | None, lang: str,
    doc: Any = None,
) -> None:
    """Set ``background`` (and ``weak``) on the triggers told in background sentences (a
    back-reference, "The rally was organized by ...", is background only with a past year; a
    month of this year before the window only beside an action inside it)."""
    if not triggers:
        return
    announced = {t.sent for t in triggers if t.announced}
    bg = background_sentences(text, layout, dates, published, lang, announced)
    cues = load_lang("cues", lang)
    ana = rx(cues["anaphoric"]) if cues.get("anaphoric") else None
    recent = []
    ongoing_pats = load_lang("background", lang).get("ongoing")
    ongoing = any_rx(tuple(ongoing_pats)) if ongoing_pats else None
    for t in triggers:
        level = bg.get(t.sent)
        if level is not None and ongoing is not None and _ongoing(text, layout, t, ongoing, dates, published, lang):
            continue  # "workers continued with their protest (over pay agreed in 2019)": news
        if level is not None and _times_elsewhere(text, layout, t, triggers, dates, published, lang, doc):
            continue  # the past time is another clause's ("the spot where agents seized her in July")
        if level == "amb" and ana is not None:
            s0 = layout.sentences[t.sent].start
            if ana.search(text[max(s0, t.start - 40) : t.start]):
                continue
        if level == "recent":
            recent.append(t)
        elif level is not None:
            t.background = True
            t.weak = True
    # an action of some weeks ago is the news of a feature about it ("In March, hundreds of
    # farmworkers marched ..." in June), but background beside an action of the news window
    if any(not t.weak and not t.background and t not in recent for t in triggers):
        for t in recent:
            t.background = True
            t.weak = True


def carried_history(text: str, layout: Layout, triggers: list[Any], dates: list[Any], lang: str) -> set[int]:
    """The sentences (indices) whose triggers go on with a history: sentences without a time of their own that follow one telling a protest before the news
    window (within ``CARRY_SENTENCES``) go on with that history ("Last fall, 900 drivers struck
    for a raise. The offer gave them 5%. Most voted it down and struck again."): their triggers
    tell no news of their own (``relevance.document_score`` does not count them; their events
    are left to the event checks). A sentence with a date of its own, one that says it is the news
    (``background_<lang>`` "carry_stop": "now", "this week", ...) or one with a news trigger
    ends the history, and so does one that announces an action."""
    pats = load_lang("background", lang).get("carry_stop")
    if not pats:
        return set()
    old = {t.sent for t in triggers if t.background}
    if not old:
        return set()
    stop = any_rx(tuple(pats))
    dated = {layout.sentence_at(m.start) for m in dates}
    by_sent: dict[int, list[Any]] = {}
    for t in triggers:
        by_sent.setdefault(t.sent, []).append(t)
    carried: set[int] = set()
    last = None  # the last sentence of the history told
    for si in range(min(old), max(by_sent) + 1):
        if si in old:
            last = si
            continue
        if last is None:
            continue
        s = layout.sentences[si]
        if si - last > CARRY_SENTENCES or si in dated or stop.search(text, s.start, s.end):
            last = None
            continue
        ts = by_sent.get(si)
        if not ts:
            continue
        if any(t.announced for t in ts):
            last = None
            continue
        carried.add(si)
        last = si
    return carried
