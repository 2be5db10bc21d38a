"""Hard-wrapped text (wire copy, mailing-list pages) read as whole paragraphs.

Some pages break every paragraph into lines of a fixed width by single newlines. Every line
would then be a paragraph of its own (``segment._paragraphs``): the first lines of the lead
look like a headline and each sentence is cut into fragments. :func:`unwrap` replaces each
wrapping newline by a space -- a same-length rewrite, so every offset into the rewritten text
is an offset into the original one.

A newline is a wrap when the page shows hard wrapping (several lines that run on into a line
starting in lower case) and the two lines it separates read as one paragraph:

- the next line starts in lower case and the line before is a body line that does not end a
  sentence (a run-on that no page writes on purpose);
- or both lines are of the page's wrap width and the line before is filled to it (it does
  not end a sentence and reaches the width, or the next line's first word would not have
  fitted on it), so its end was set by the width, not by the writer.

Never joined: lines apart by a blank line, short lines (listings, addresses, verse), list
items, table rows, and a headline (the page's first line, a title-case line, a line above a
dateline) to a capitalised line. On a page whose lines run on at more than ``MAX_WIDTH``
characters (paragraphs broken here and there, not wrapped at a width) only the run-ons join.
"""

from __future__ import annotations

import re

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
#: a line whose words of at least TITLE_WORD_CHARS letters are capitalised at this share reads as
#: a title, never joined to a capitalised line below it
TITLE_SHARE = 0.7
TITLE_WORD_CHARS = 4


def unwrap(text: str) -> str:
    """``text`` with the newlines of hard-wrapped paragraphs turned into spaces (same length).

    A text without hard wrapping comes back unchanged (the same object).
    """
    if text.count("\n") < MIN_RUN_ONS:
        return text
    lines = _lines(text)
    body = [text[s:e].strip() for s, e in lines]
    width = _wrap_width(body)
    if width is None:
        return text
    chars = list(text)
    changed = False
    for i in range(len(lines) - 1):
        if _joins(body, i, width):
            for k in range(lines[i][1], lines[i + 1][0]):
                chars[k] = " "  # the newline and a carriage return before it
            changed = True
    return "".join(chars) if changed else text


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


def _joins(body: list[str], i: int, width: int) -> bool:
    a, b = body[i], body[i + 1]
    if not a or not b or _LIST_ITEM.match(b) or _TABLE.search(b):
        return False
    if _run_on(a, b):
        return True
    if width > MAX_WIDTH or not _is_body_line(a) or max(len(a), len(b)) > width * OVER_SHARE:
        return False
    if i == _first_line(body) or _headline_like(a) or DATELINE.match(b):
        return False  # a headline above the story
    return _filled(a, b, width)


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


def _first_line(body: list[str]) -> int:
    return next((i for i, line in enumerate(body) if line), -1)
