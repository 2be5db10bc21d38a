"""Span helpers shared by the extraction components: containment tests and quotation state
answered in logarithmic time, so that a long text with many triggers stays linear."""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from functools import lru_cache
from typing import Any

Range = tuple[int, int]


class SpanIndex:
    """A fixed set of ``(start, end)`` spans: does one of them contain a given span?"""

    __slots__ = ("_starts", "_max_end")

    def __init__(self, spans: list[Range] | tuple[Range, ...]) -> None:
        ordered = sorted(spans)
        self._starts = [a for a, _ in ordered]
        self._max_end: list[int] = []
        best = -1
        for _, b in ordered:
            best = max(best, b)
            self._max_end.append(best)

    def covers(self, start: int, end: int) -> bool:
        """True when some span ``(a, b)`` has ``a <= start`` and ``end <= b``."""
        i = bisect_right(self._starts, start)
        return i > 0 and self._max_end[i - 1] >= end

    def __len__(self) -> int:
        return len(self._starts)


def any_outside(spans: list[Range], start: int, end: int) -> bool:
    """Is some span of ``spans`` (sorted by start, as ``finditer`` gives them) not inside
    ``[start, end)``? Bisection finds those starting inside; only they are checked."""
    lo = bisect_left(spans, (start, -1))
    hi = bisect_left(spans, (end, -1))
    if hi - lo < len(spans):
        return True
    return any(not (a >= start and b <= end) for a, b in spans[lo:hi])


class GrowingSpans:
    """Spans added one by one (each at most a few dozen characters long, like trigger words):
    does one already added contain a given span? Looks back only as far as the longest span."""

    __slots__ = ("_by_start", "_longest")

    def __init__(self) -> None:
        self._by_start: dict[int, int] = {}
        self._longest = 0

    def add(self, start: int, end: int) -> None:
        self._by_start[start] = max(end, self._by_start.get(start, end))
        self._longest = max(self._longest, end - start)

    def covers(self, start: int, end: int) -> bool:
        for a in range(start, start - self._longest - 1, -1):
            b = self._by_start.get(a)
            if b is not None and b >= end:
                return True
        return False


class DisjointSpans:
    """Non-overlapping spans added one by one: does a new span overlap one of them?"""

    __slots__ = ("_starts", "_ends")

    def __init__(self) -> None:
        self._starts: list[int] = []
        self._ends: list[int] = []

    def overlaps(self, start: int, end: int) -> bool:
        i = bisect_left(self._starts, end)  # spans starting before ``end``: only the last can reach in
        return i > 0 and self._ends[i - 1] > start

    def add(self, start: int, end: int) -> None:
        i = bisect_left(self._starts, start)
        self._starts.insert(i, start)
        self._ends.insert(i, end)


class QuoteIndex:
    """Where the quotation marks of a text are, to tell whether a position is inside a
    quotation opened after a given start (a paragraph's) without rescanning the text."""

    __slots__ = ("_open", "_close", "_straight")

    def __init__(self, text: str) -> None:
        self._open = [i for i, c in enumerate(text) if c == "“"]
        self._close = [i for i, c in enumerate(text) if c == "”"]
        self._straight = [i for i, c in enumerate(text) if c == '"']

    @staticmethod
    def _count(pos_list: list[int], start: int, pos: int) -> int:
        return bisect_left(pos_list, pos) - bisect_left(pos_list, start)

    def inside(self, start: int, pos: int) -> bool:
        """Is ``pos`` inside a quotation opened in ``text[start:pos]``?"""
        if self._count(self._open, start, pos) - self._count(self._close, start, pos) > 0:
            return True
        return self._count(self._straight, start, pos) % 2 == 1


@lru_cache(maxsize=8)
def quote_index(text: str) -> QuoteIndex:
    """The :class:`QuoteIndex` of ``text`` (cached for the few texts in flight)."""
    return QuoteIndex(text)


def in_quote(text: str, start: int, pos: int) -> bool:
    """Is ``pos`` inside a quotation opened in ``text[start:pos]``?"""
    if pos - start < 2000:
        seg = text[start:pos]
        if seg.count("“") - seg.count("”") > 0:
            return True
        return seg.count('"') % 2 == 1
    return quote_index(text).inside(start, pos)


_ENTS_KEY = "protestdb.ents"
_ENT_STARTS_KEY = "protestdb.ent_starts"


def entities(doc: Any) -> tuple[Any, ...]:
    """``doc.ents`` of a spaCy parse, computed once per text (spaCy rebuilds it on every access)."""
    ents = doc.user_data.get(_ENTS_KEY)
    if ents is None:
        ents = tuple(doc.ents)
        doc.user_data[_ENTS_KEY] = ents
        doc.user_data[_ENT_STARTS_KEY] = [e.start_char for e in ents]
    return ents


def entities_in(doc: Any, start: int, end: int) -> list[Any]:
    """The named entities wholly inside ``[start, end)`` (character offsets), in text order."""
    ents = entities(doc)
    starts = doc.user_data[_ENT_STARTS_KEY]
    i = bisect_left(starts, start)
    out = []
    while i < len(ents) and ents[i].start_char < end:
        if ents[i].end_char <= end:
            out.append(ents[i])
        i += 1
    return out
