"""Hard-wrapped text (wire copy, mailing-list pages) read as whole paragraphs.

Some pages break every paragraph into lines of a fixed width by single newlines. Every line
would then be a paragraph of its own (``segment._paragraphs``): the first lines of the lead
look like a headline and each sentence is cut into fragments. :func:`unwrap` replaces each
wrapping newline by a space -- a same-length rewrite, so every offset into the rewritten text
is an offset into the original one. (A word hyphenated over a line end, "demon-" + "strators",
stays two tokens: joining it would drop characters and break that equality.)

A newline is a wrap when the page shows hard wrapping (several lines that run on into a line
starting in lower case) and the two lines it separates read as one paragraph:

- the next line starts in lower case and the line before is a body line that does not end a
  sentence (a run-on that no page writes on purpose);
- or both lines are of the page's wrap width and the line before is filled to it (it does
  not end a sentence and reaches the width, or the next line's first word would not have
  fitted on it), so its end was set by the width, not by the writer (a width join).

Never joined: lines apart by a blank line, short lines (listings, addresses, verse), list
items, table rows, and a headline (a title-case line, a line above a dateline) to a capitalised
line. On a page whose lines run on at more than ``MAX_WIDTH`` characters (paragraphs broken here
and there, not wrapped at a width) only the run-ons join. A width join is also refused:

- out of the headline zone (the page's first line of ``MIN_LINE_CHARS``), unless that line is the
  page's very first line, the next line's first word would not have fitted on it and that word
  opens no sentence (a capitalised function word, or a word the page also writes in lower case:
  "More than 200 ..." below a headline; "Corvallis, Oregon, ..." continues a lead);
- into or out of a listing line: a line that opens the same way as the line before or after it
  (a weekday, a date, a time, a number, a label before a colon: one entry a line), after a line
  ending in a colon, and after a sentence end before a line opening with a weekday, a date or a
  number;
- into a line indented deeper than the one before (an indented paragraph's first line).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache

from protestdb.extract.segment import DATELINE

#: a page shows hard wrapping when at least this many lines run on into a lower-case line
MIN_RUN_ONS = 2
#: lines shorter than this never join the next one (listings, addresses, verse, bylines)
MIN_LINE_CHARS = 30
#: the narrowest wrap width read as one (verse and listings run shorter; wire copy and mail
#: archives wrap at 60-80 characters)
MIN_WIDTH = 50
#: above this width the lines are paragraphs broken here and there, not a fixed wrap: only their
#: run-ons are joined
MAX_WIDTH = 100
#: a wrapped line is at least this share of the page's wrap width
FULL_SHARE = 0.8
#: a line longer than this share of the wrap width is not of the wrapped block (a paragraph)
OVER_SHARE = 1.15

_SENT_END = re.compile(r"[.!?…][\"”’')\]]*$")
_LIST_ITEM = re.compile(r"^\s*(?:[-*•·▪◦‣–—>]\s|\(?\d{1,3}[.)]\s|\(?[a-zA-Z][.)]\s)")
_TABLE = re.compile(r"\t|\|| {3,}\S")
_LOWER_START = re.compile(r"^[\"“‘'(]?[a-zà-ÿ]")
_FIRST_WORD = re.compile(r"\S+")
_WORD = re.compile(r"[^\W\d_][\w'’-]*")
_INDENT = re.compile(r"^[ \t\u00a0]*")
#: a line's opening: its first word (letters), or a number, or a label of up to three words
#: before a colon
_LABEL = re.compile(r"^[^\W\d_][^\s:]*(?:\s+[^\s:]+){0,2}:(?:\s|$)")
_TIME = re.compile(r"^\d{1,2}(?:[:.h]\d\d)?\s*(?:[ap]\.?\s?m\b\.?|h\b|hrs?\b)", re.IGNORECASE)
_NUMBER = re.compile(r"^\d")
_NUM_DATE = re.compile(r"^\d{1,4}[/.-]\d{1,2}(?:[/.-]\d{1,4})?\b")
#: a line whose words of at least TITLE_WORD_CHARS letters are capitalised at this share reads as
#: a title, never joined to a capitalised line below it
TITLE_SHARE = 0.7
TITLE_WORD_CHARS = 4


@dataclass
class _Page:
    raw: list[str]  # the lines as written
    body: list[str]  # the lines stripped
    width: int
    #: the headline zone: the first line of MIN_LINE_CHARS (-1 when none)
    zone: int = -1
    openings: dict[int, str | None] = field(default_factory=dict)
    lower_words: frozenset[str] | None = None


def unwrap(text: str) -> str:
    """``text`` with the newlines of hard-wrapped paragraphs turned into spaces (same length).

    A text without hard wrapping comes back unchanged (the same object).
    """
    if text.count("\n") < MIN_RUN_ONS:
        return text
    lines = _lines(text)
    raw = [text[s:e] for s, e in lines]
    body = [line.strip() for line in raw]
    width = _wrap_width(body)
    if width is None:
        return text
    zone = next((i for i, line in enumerate(body) if len(line) >= MIN_LINE_CHARS), -1)
    page = _Page(raw, body, width, zone=zone)
    chars = list(text)
    joins = _final_joins(page)
    for i in joins:
        for k in range(lines[i][1], lines[i + 1][0]):
            chars[k] = " "  # the newline and a carriage return before it
    return "".join(chars) if joins else text


def _final_joins(page: _Page) -> list[int]:
    """The lines joined to the next one. A width join needs the paragraph it makes to end a
    sentence (the last line of its run does): headings, listings and addresses end none."""
    n = len(page.body)
    last = list(range(n))  # the last line of the run each line is joined into
    joins = []
    for i in range(n - 2, -1, -1):
        kind = _join_kind(page, i)
        if kind == "width" and not _SENT_END.search(page.body[last[i + 1]]):
            kind = None
        if kind:
            last[i] = last[i + 1]
            joins.append(i)
    return joins


def _lines(text: str) -> list[tuple[int, int]]:
    """(start, end) of each line, the end before its newline (and a carriage return before it)."""
    out = []
    start = 0
    for m in re.finditer(r"\r?\n", text):
        out.append((start, m.start()))
        start = m.end()
    out.append((start, len(text)))
    return out


def _is_body_line(line: str) -> bool:
    return len(line) >= MIN_LINE_CHARS and not _LIST_ITEM.match(line) and not _TABLE.search(line)


def _run_on(a: str, b: str) -> bool:
    """``a`` runs on into ``b``: a body line not ending a sentence, ``b`` starting in lower case."""
    return (_is_body_line(a) and not _SENT_END.search(a) and bool(_LOWER_START.match(b))
            and not _LIST_ITEM.match(b))


def _wrap_width(body: list[str]) -> int | None:
    """The page's wrap width (the longest run-on line of the common width), or None when the
    page is not hard-wrapped."""
    widths = sorted(len(a) for a, b in zip(body, body[1:], strict=False) if a and b and _run_on(a, b))
    if len(widths) < MIN_RUN_ONS:
        return None
    median = widths[len(widths) // 2]
    width = max(w for w in widths if w <= median * OVER_SHARE)
    return width if width >= MIN_WIDTH else None


def _join_kind(page: _Page, i: int) -> str | None:
    """'run_on' or 'width' when line ``i`` joins the next one, else None."""
    a, b = page.body[i], page.body[i + 1]
    if not a or not b or _LIST_ITEM.match(b) or _TABLE.search(b):
        return None
    if _run_on(a, b):
        return "run_on"
    return "width" if _width_joins(page, i) else None


def _width_joins(page: _Page, i: int) -> bool:
    """Lines ``i`` and ``i + 1`` read as one paragraph wrapped at the width (no run-on)."""
    a, b, width = page.body[i], page.body[i + 1], page.width
    if width > MAX_WIDTH or not _is_body_line(a) or max(len(a), len(b)) > width * OVER_SHARE:
        return False
    if i < page.zone:
        return False  # above the headline zone: short top lines
    if _headline_like(a) or DATELINE.match(b) or _indent(page.raw[i + 1]) > _indent(page.raw[i]):
        return False  # a headline above the story; an indented paragraph's first line
    if _listing_break(page, i):
        return False
    if i == page.zone:
        return _lead_line_joins(page, i)
    return _filled(a, b, width)


def _lead_line_joins(page: _Page, i: int) -> bool:
    """The headline zone's line ``i`` is the lead's first line, wrapped: it is the page's first
    line, does not end a sentence, the next line's first word would not have fitted on it, and
    that word opens no sentence."""
    a, b = page.body[i], page.body[i + 1]
    if any(page.body[:i]) or _SENT_END.search(a):
        return False
    first = _FIRST_WORD.match(b)
    word = first.group() if first else ""
    return len(a) + 1 + len(word) > page.width and not _opens_sentence(page, word)


def _opens_sentence(page: _Page, word: str) -> bool:
    """``word`` (capitalised) opens a sentence rather than continuing one: a function word, or a
    word the page also writes in lower case (no name)."""
    letters = _WORD.search(word)
    if not letters or letters.start() > 1:
        return True
    w = letters.group()
    if w == "I" or not w[0].isupper():
        return False
    if w.lower() in _function_words():
        return True
    if page.lower_words is None:
        page.lower_words = frozenset(x for line in page.body for x in _WORD.findall(line) if x.islower())
    return w.lower() in page.lower_words


def _listing_break(page: _Page, i: int) -> bool:
    """Lines ``i`` and ``i + 1`` are apart as entries of a listing: ``i`` ends in a colon, either
    line opens the same way as a neighbour, or a sentence ends before a line of a day or number."""
    a = page.body[i]
    if a.endswith(":") or _listed(page, i) or _listed(page, i + 1):
        return True
    return bool(_SENT_END.search(a)) and _opening(page, i + 1) in ("weekday", "date", "time", "number")


def _listed(page: _Page, k: int) -> bool:
    """Line ``k`` opens the same way as the line before or after it (one entry a line)."""
    kind = _opening(page, k)
    return kind is not None and (kind == _opening(page, k - 1) or kind == _opening(page, k + 1))


def _opening(page: _Page, k: int) -> str | None:
    """How line ``k`` opens: 'weekday', 'date', 'time', 'number', 'label' (words before a colon),
    or None."""
    if k < 0 or k >= len(page.body):
        return None
    if k not in page.openings:
        page.openings[k] = _opening_of(page.body[k])
    return page.openings[k]


def _opening_of(line: str) -> str | None:
    first = _WORD.match(line)
    months, weekdays = _date_words()
    if first:
        word = first.group().casefold().rstrip(".")
        if word in weekdays:
            return "weekday"
        if word in months and re.match(r"\.?,?\s*\d", line[first.end() :]):
            return "date"
        return "label" if _LABEL.match(line) else None
    if _NUM_DATE.match(line):
        return "date"
    if _TIME.match(line):
        return "time"
    if _NUMBER.match(line):
        rest = _WORD.match(re.sub(r"^\d+(?:st|nd|rd|th)?\.?,?\s*", "", line))
        return "date" if rest and rest.group().casefold().rstrip(".") in months else "number"
    return None


def _indent(raw: str) -> int:
    return len(_INDENT.match(raw).group().expandtabs(4))


def _headline_like(line: str) -> bool:
    """Most of the line's longer words capitalised, as in a title."""
    words = [w for w in _WORD.findall(line) if len(w) >= TITLE_WORD_CHARS]
    return len(words) >= 3 and sum(w[0].isupper() for w in words) >= TITLE_SHARE * len(words)


def _filled(a: str, b: str, width: int) -> bool:
    """``a`` ends where the width ended it: it reaches the width, or ``b``'s first word would not
    have fitted after it; a line ending a sentence must also leave no room for that word."""
    first = _FIRST_WORD.match(b)
    word = len(first.group()) if first else 0
    if len(a) < width * FULL_SHARE:
        return False
    if _SENT_END.search(a):
        return len(a) + 1 + word > width
    return True


@cache
def _function_words() -> frozenset[str]:
    """Words that open sentences and never start a name (``data/model_words.json``)."""
    from protestdb.extract.lexicons import load

    return frozenset(load("model_words")["function_words"])


@cache
def _date_words() -> tuple[frozenset[str], frozenset[str]]:
    """Month and weekday names of every date lexicon (casefolded)."""
    from protestdb.extract.day_words import _date_lexicon

    months, weekdays = _date_lexicon()
    return frozenset(months), frozenset(weekdays)
