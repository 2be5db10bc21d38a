"""Literal gates: skip a regex search where it cannot match, without changing what it finds.

Python's ``re`` has no literal-prefix shortcut for case-insensitive patterns that start with
``\\b``: it tries the whole pattern at every character. Most of the lexicon patterns need a
word that is rare in a given sentence ("strike", "arrested"). :func:`required_literals`
reads a compiled pattern's syntax tree and returns what every match contains: lowercase ASCII
literals combined by "all of" and "one of" (None when nothing is known); :func:`may_match` answers
"can the pattern match inside ``text[start:end]``?" with ``str.find`` on the lowercased text,
which is ~100x cheaper than the search. A False answer is exact (the search finds nothing);
True means "search as before".

Exactness: the literals are taken only from characters the match consumes (never from
lookarounds), only ASCII ones, and compared in ``text.lower()``. Under ``re.IGNORECASE`` an
ASCII letter also matches four non-ASCII letters (U+0130, U+0131, U+017F, U+212A) whose
lowercase is not that letter: a text containing one of them is never gated
(:func:`lowered` returns None), nor one whose lowercase changes its length.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterator
from functools import lru_cache
from typing import Any

try:  # Python >= 3.11
    from re import _constants as _c  # type: ignore[attr-defined]
    from re import _parser as _p  # type: ignore[attr-defined]
except ImportError:  # pragma: no cover - Python 3.10
    import sre_constants as _c  # type: ignore[no-redef]
    import sre_parse as _p  # type: ignore[no-redef]

#: what a match must contain: all of its clauses, a clause met by any one of its literals
Clause = frozenset[str]
Need = tuple[Clause, ...]

#: non-ASCII letters that re.IGNORECASE matches to an ASCII letter of a different lowercase
_SPECIAL = ("\u0130", "\u0131", "\u017f", "\u212a")
_REPEATS = tuple(getattr(_c, n) for n in ("MAX_REPEAT", "MIN_REPEAT", "POSSESSIVE_REPEAT") if hasattr(_c, n))
_ATOMIC = getattr(_c, "ATOMIC_GROUP", None)


def _rank(clause: Clause) -> tuple[int, int]:
    """Selectivity: the longest shortest literal first, then the fewest literals."""
    return (min(len(x) for x in clause), -len(clause))


def _minimal(lits: set[str] | frozenset[str]) -> Clause:
    """A literal containing another one of the clause adds nothing ("strike price", "strik")."""
    return frozenset(x for x in lits if not any(y != x and y in x for y in lits))


def _req(seq: Any) -> list[Clause]:  # noqa: C901 - one branch per regex node kind
    """Clauses every match of the node sequence ``seq`` meets (``[]``: nothing known). Each
    step may only weaken the need (drop a clause, add literals to one): never wrong."""
    need: list[Clause] = []
    run: list[str] = []

    def close() -> None:
        if run:
            need.append(frozenset(["".join(run)]))
            run.clear()

    for op, av in seq:
        if op is _c.LITERAL and av < 128:
            run.append(chr(av).lower())
            continue
        if op is _c.AT:  # zero-width (\b, ^): the consumed characters stay contiguous
            continue
        close()
        if op is _c.SUBPATTERN:
            need.extend(_req(av[-1]))
        elif op is _c.BRANCH:
            alts = [_req(a) for a in av[1]]
            if alts and all(alts):  # one of the alternatives: the union of their best clauses
                need.append(_minimal(set().union(*(max(a, key=_rank) for a in alts))))
        elif op in _REPEATS and av[0] >= 1:
            need.extend(_req(av[2]))
        elif _ATOMIC is not None and op is _ATOMIC:
            need.extend(_req(av))
    close()
    ranked = sorted(set(need), key=_rank, reverse=True)
    return [c for c in ranked[:3] if _rank(c)[0] > 1] or ranked[:1]


#: a clause as checked: a literal, or a tuple of literals one of which must occur (each by
#: ``str.find``: much faster than a regex alternation of them, which tries every position)
Check = "str | tuple[str, ...]"


def _check(clause: Clause) -> Any:
    if len(clause) == 1:
        return next(iter(clause))
    return tuple(sorted(clause, key=lambda x: (-len(x), x)))


def _per_pattern(cache: dict[int, tuple[re.Pattern[str], Any]], limit: int,
                 pat: re.Pattern[str], compute: Any) -> Any:
    """``compute(pat)``, cached in ``cache`` by the pattern's id (the pattern is kept with its
    value, so its id stays its own); the cache is emptied past ``limit`` entries."""
    hit = cache.get(id(pat))
    if hit is not None and hit[0] is pat:
        return hit[1]
    value = compute(pat)
    if len(cache) > limit:
        cache.clear()
    cache[id(pat)] = (pat, value)
    return value


def _tree(pat: re.Pattern[str]) -> Any:
    """``pat``'s syntax tree, or None for a pattern this module does not read (bytes, LOCALE or
    VERBOSE flags, or one the parser refuses)."""
    if not isinstance(pat.pattern, str) or pat.flags & (re.LOCALE | re.VERBOSE):
        return None
    try:
        return _p.parse(pat.pattern, pat.flags & ~re.UNICODE)
    except Exception:  # an unparseable pattern is simply not gated
        return None


def _compute_literals(pat: re.Pattern[str]) -> tuple[Any, ...] | None:
    tree = _tree(pat)
    if tree is None:
        return None
    try:
        need = _req(tree)
    except Exception:  # noqa: BLE001 - an unreadable node: the pattern is not gated
        need = []
    return tuple(_check(c) for c in need) or None


def required_literals(pat: re.Pattern[str]) -> tuple[Any, ...] | None:
    """What every match of ``pat`` contains: checks that must all pass on the lowercased text
    (a literal, or an alternation of literals), or None when nothing is known (cached)."""
    return _per_pattern(_NEEDS, 8192, pat, _compute_literals)


_NEEDS: dict[int, tuple[re.Pattern[str], tuple[Any, ...] | None]] = {}


def _met(checks: tuple[Any, ...], low: str, start: int, end: int) -> bool:
    find = low.find
    for c in checks:
        if c.__class__ is str:
            if find(c, start, end) < 0:
                return False
        else:
            for x in c:
                if find(x, start, end) >= 0:
                    break
            else:
                return False
    return True


@lru_cache(maxsize=8)
def lowered(text: str) -> str | None:
    """``text.lower()`` when gating is exact on it (same length, none of the special letters)."""
    low = text.lower()
    if len(low) != len(text) or any(ch in text for ch in _SPECIAL):
        return None
    return low


def may_match(pat: re.Pattern[str], low: str | None, start: int = 0, end: int | None = None) -> bool:
    """False only when ``pat`` cannot match inside ``[start, end)`` of the text whose
    :func:`lowered` form is ``low`` (None: unknown, True)."""
    if low is None:
        return True
    checks = required_literals(pat)
    if checks is None:
        return True
    return _met(checks, low, start, len(low) if end is None else end)


#: per lowered text: literal -> (start, end) of its every occurrence (overlapping ones too)
_OCC: dict[tuple[int, str], tuple[str, list[tuple[int, int]]]] = {}


def _occurrences(low: str, lits: tuple[str, ...]) -> list[tuple[int, int]]:
    """Where any of ``lits`` occurs in ``low``, sorted by start (cached per text and literal)."""
    out: list[tuple[int, int]] = []
    for x in lits:
        hit = _OCC.get((id(low), x))
        if hit is None or hit[0] is not low:
            occ, find, n, i = [], low.find, len(x), low.find(x)
            while i >= 0:
                occ.append((i, i + n))
                i = find(x, i + 1)
            if len(_OCC) > 8192:
                _OCC.clear()
            hit = _OCC[(id(low), x)] = (low, occ)
        out.extend(hit[1])
    if len(lits) > 1:
        out.sort()
    return out


def may_match_each(pat: re.Pattern[str], low: str | None, bounds: list[tuple[int, int]]) -> list[bool]:
    """``[may_match(pat, low, s, e) for s, e in bounds]``, the most selective check answered
    from where its literals occur in the whole text (found once per text), not once per range:
    for many short ranges (sentences) of one text."""
    checks = required_literals(pat) if low is not None else None
    if checks is None:
        return [True] * len(bounds)
    first, rest = checks[0], checks[1:]
    occ = _occurrences(low, (first,) if first.__class__ is str else first)  # type: ignore[arg-type]
    if not occ:
        return [False] * len(bounds)
    starts = [a for a, _ in occ]
    out = []
    for s, e in bounds:
        i, ok = bisect_left(starts, s), False
        while i < len(occ) and occ[i][0] < e:
            if occ[i][1] <= e:  # the literal lies wholly inside the range (as str.find asks)
                ok = True
                break
            i += 1
        out.append(ok and (not rest or _met(rest, low, s, e)))  # type: ignore[arg-type]
    return out


def _top_alternatives(pattern: str) -> list[str] | None:
    """The top-level alternatives of a pattern string (None: unsure how to split it)."""
    parts: list[str] = []
    depth, cls, i, last = 0, False, 0, 0
    n = len(pattern)
    while i < n:
        ch = pattern[i]
        if ch == "\\":
            i += 2
            continue
        if cls:
            if ch == "]":
                cls = False
        elif ch == "[":
            cls = True
            if pattern.startswith("^", i + 1):
                i += 1
            if pattern.startswith("]", i + 1):
                i += 1  # a "]" right after "[" or "[^" is a member
        elif ch == "(":
            depth += 1
        elif ch == ")":
            depth -= 1
        elif ch == "|" and depth == 0:
            parts.append(pattern[last:i])
            last = i + 1
        i += 1
    if depth != 0 or cls:
        return None
    parts.append(pattern[last:])
    return parts


#: per alternation: its alternatives, each with its checks (None: always kept)
Plan = tuple[tuple[re.Pattern[str], tuple[Any, ...] | None], ...]
_ALTS: dict[int, tuple[re.Pattern[str], Plan | None]] = {}
_NARROWED: dict[tuple[str, int, tuple[int, ...]], re.Pattern[str]] = {}


def _alternatives(pat: re.Pattern[str]) -> Plan | None:
    hit = _ALTS.get(id(pat))
    if hit is not None and hit[0] is pat:
        return hit[1]
    alts: Plan | None = None
    parts = _top_alternatives(pat.pattern) if isinstance(pat.pattern, str) and not pat.flags & re.VERBOSE else None
    if parts and len(parts) > 1 and not pat.groupindex and "(?P=" not in pat.pattern:
        try:
            compiled = [re.compile(p, pat.flags) for p in parts]
            alts = tuple((a, required_literals(a)) for a in compiled)
        except re.error:
            alts = None
    if len(_ALTS) > 4096:
        _ALTS.clear()
    _ALTS[id(pat)] = (pat, alts)
    return alts


class _Index:
    """An alternation's alternatives indexed by their first (most selective) literal: one
    ``str.find`` per literal tells which occur in the range, and only their alternatives are
    checked."""

    def __init__(self, alts: Plan) -> None:
        by_lit: dict[str, list[int]] = {}
        self.other: list[int] = []  # no literal first: checked one by one
        for i, (_a, checks) in enumerate(alts):
            if checks is not None and checks[0].__class__ is str:
                by_lit.setdefault(checks[0], []).append(i)
            else:
                self.other.append(i)
        self.by_lit = by_lit


_INDEX: dict[int, tuple[Plan, _Index]] = {}


def _index(alts: Plan) -> _Index:
    hit = _INDEX.get(id(alts))
    if hit is not None and hit[0] is alts:
        return hit[1]
    if len(_INDEX) > 4096:
        _INDEX.clear()
    ix = _Index(alts)
    _INDEX[id(alts)] = (alts, ix)
    return ix


def narrow(pat: re.Pattern[str], low: str | None, start: int = 0, end: int | None = None) -> re.Pattern[str] | None:
    """``pat`` (an alternation ``a|b|c``) reduced to the alternatives that may match inside
    ``[start, end)``, in their order, or None when none can. At each position the alternation
    tries its alternatives in order; one that matches nowhere in the range never decides a
    match, so the reduced pattern finds the same matches (same spans and ``group(0)``; its
    numbered groups differ: for callers that use only those)."""
    if low is None:
        return pat
    alts = _alternatives(pat)
    if alts is None:
        return pat if may_match(pat, low, start, end) else None
    end = len(low) if end is None else end
    ix = _index(alts)
    cand: list[int] = list(ix.other)
    find = low.find
    for x, idx in ix.by_lit.items():  # the first literals that occur in the range
        if find(x, start, end) >= 0:
            cand.extend(idx)
    cand.sort()
    kept_list: list[int] = []
    for i in cand:  # the remaining checks of the candidates (may_match inlined: the hot path)
        checks = alts[i][1]
        if checks is None or _met(checks, low, start, end):
            kept_list.append(i)
    kept = tuple(kept_list)
    if not kept:
        return None
    if len(kept) == len(alts):
        return pat
    key = (pat.pattern, pat.flags, kept)
    got = _NARROWED.get(key)
    if got is None:
        if len(_NARROWED) > 4096:
            _NARROWED.clear()
        try:
            got = re.compile("|".join(alts[i][0].pattern for i in kept), pat.flags)
        except re.error:  # an alternative that cannot stand elsewhere (inline global flags)
            got = pat
        _NARROWED[key] = got
    return got


def _min_width(item: tuple[Any, Any]) -> int:  # noqa: C901 - one branch per regex node kind
    """The fewest characters one node can consume (0 when unsure)."""
    op, av = item
    if op in (_c.LITERAL, _c.NOT_LITERAL, _c.IN, _c.ANY):
        return 1
    if op is _c.SUBPATTERN:
        return sum(_min_width(x) for x in av[-1])
    if _ATOMIC is not None and op is _ATOMIC:
        return sum(_min_width(x) for x in av)
    if op is _c.BRANCH:
        return min(sum(_min_width(x) for x in alt) for alt in av[1])
    if op in _REPEATS:
        return av[0] * sum(_min_width(x) for x in av[2])
    return 0


def _starts(seq: Any) -> frozenset[str] | None:  # noqa: C901 - one branch per regex node kind
    """Lowercase ASCII strings one of which every match of ``seq`` starts with (None: unknown)."""
    out: set[str] = set()
    items = list(seq)
    for k, (op, av) in enumerate(items):
        if op is _c.AT or op in (_c.ASSERT, _c.ASSERT_NOT):
            continue  # zero-width: the match starts at the next node
        if op is _c.LITERAL:
            if av >= 128:
                return None
            run = [chr(av).lower()]
            for op2, av2 in items[k + 1 :]:
                if op2 is not _c.LITERAL or av2 >= 128:
                    break
                run.append(chr(av2).lower())
            return frozenset(out | {"".join(run)})
        first: frozenset[str] | None
        if op is _c.SUBPATTERN:
            first = _starts(av[-1])
        elif _ATOMIC is not None and op is _ATOMIC:
            first = _starts(av)
        elif op is _c.BRANCH:
            alts = [_starts(a) for a in av[1]]
            first = frozenset().union(*alts) if alts and all(a is not None for a in alts) else None  # type: ignore[arg-type]
        elif op in _REPEATS:
            first = _starts(av[2])
        else:
            return None
        if first is None or not first or "" in first:
            return None
        out |= first
        if _min_width((op, av)) > 0:
            return frozenset(out)
        # the node may consume nothing: the match may also start with what follows
    return None


_STARTS: dict[int, tuple[re.Pattern[str], tuple[str, ...] | None]] = {}


def _start_scanner(pat: re.Pattern[str]) -> tuple[str, ...] | None:
    """The strings of the lowercased text at which a match of ``pat`` may start (None:
    unknown; cached)."""
    return _per_pattern(_STARTS, 4096, pat, _compute_scanner)


def _compute_scanner(pat: re.Pattern[str]) -> tuple[str, ...] | None:
    scanner = None
    tree = _tree(pat)
    if tree is not None:
        try:
            # a case-sensitive pattern that starts with a character (or set) is scanned fast by
            # re itself (its prefix check); a case-insensitive or optional start is not
            own_prefix = not pat.flags & re.IGNORECASE and len(tree) > 0 and tree[0][0] is not _c.AT and _min_width(tree[0]) > 0
            starts = None if own_prefix else _starts(tree)
        except Exception:  # an unparseable pattern is simply not scanned this way
            starts = None
        if starts:  # a string another one starts with adds nothing ("this month", "this")
            scanner = tuple(sorted(x for x in starts if not any(y != x and x.startswith(y) for y in starts)))
    return scanner


_POSITIONS: dict[tuple[int, int], tuple[Any, str, Any]] = {}


def _per_text(cache: dict[tuple[int, int], tuple[Any, str, Any]], obj: Any, low: str, compute: Any) -> Any:
    """``compute()`` for ``obj`` (a pattern, strings) in the text ``low``, remembered in ``cache``
    per both (kept with the value, so their ids stay theirs); emptied past 4096 entries."""
    hit = cache.get((id(obj), id(low)))
    if hit is not None and hit[0] is obj and hit[1] is low:
        return hit[2]
    value = compute()
    if len(cache) > 4096:
        cache.clear()
    cache[(id(obj), id(low))] = (obj, low, value)
    return value


def _start_positions(lits: tuple[str, ...], low: str) -> list[tuple[int, int]]:
    """(start, end) of every occurrence of ``lits`` in ``low``, by start then end (per text)."""
    return _per_text(_POSITIONS, lits, low, lambda: _occurrences(low, lits))


def finditer(
    pat: re.Pattern[str], text: str, low: str | None, start: int = 0, end: int | None = None
) -> Iterator[re.Match[str]]:
    """``pat.finditer(text, start, end)``, tried only where a match can start: at the positions
    where the lowercased text has one of the strings every match starts with. Same matches in
    the same order (``match`` at a position is the search's attempt there: ``\\b`` and
    lookbehinds see the text before it); each match's ``pos`` is its start. The positions are
    those strings' occurrences, found once per text with ``str.find`` (a regex alternation of
    them would try every position)."""
    lits = _start_scanner(pat) if low is not None else None
    if end is None:
        end = len(text)
    if lits is None:
        yield from pat.finditer(text, start, end)
        return
    occ = _start_positions(lits, low)  # type: ignore[arg-type]
    match, nxt, n = pat.match, start, len(occ)
    i = bisect_left(occ, (start, -1))
    while i < n:  # every position where one of the strings starts (overlaps too), in order
        p, q = occ[i]
        i += 1
        if p >= end:
            break
        if p < nxt or q > end:  # inside the last match, or the string does not fit the range
            continue  # (at one position the shortest string comes first)
        m = match(text, p, end)
        if m is not None:
            yield m
            nxt = m.end() if m.end() > p else p + 1
        else:
            nxt = p + 1


_WHOLE: dict[tuple[int, int], tuple[Any, str, Any]] = {}


def narrow_text(pat: re.Pattern[str], low: str | None) -> re.Pattern[str] | None:
    """``narrow(pat, low)`` over the whole text, remembered for the text: a pattern searched in
    many ranges of one text is narrowed to the alternatives the text has once (a range's are
    among them; narrowing it again gives the same alternatives)."""
    if low is None:
        return pat
    return _per_text(_WHOLE, pat, low, lambda: narrow(pat, low))


_SPANS: dict[tuple[int, str, int, int], tuple[re.Pattern[str], list[tuple[int, int]]]] = {}


def spans(pat: re.Pattern[str], text: str, start: int, end: int) -> list[tuple[int, int]]:
    """``[m.span() for m in pat.finditer(text, start, end)]`` of an alternation (narrowed to the
    alternatives that may match there), remembered for the article: components that ask again
    (detection and relevance read the same paragraphs' support cues) get the same list.
    ``extract_text`` clears it per article (:func:`clear`)."""
    key = (id(pat), text, start, end)
    hit = _SPANS.get(key)
    if hit is not None and hit[0] is pat:
        return hit[1]
    near = narrow(pat, lowered(text), start, end)
    out = [m.span() for m in near.finditer(text, start, end)] if near is not None else []
    if len(_SPANS) > 4096:
        _SPANS.clear()
    _SPANS[key] = (pat, out)
    return out


def clear() -> None:
    """Forget the per-text answers (the lowercased text, remembered spans): one article's."""
    lowered.cache_clear()
    _SPANS.clear()
    _OCC.clear()
    _WHOLE.clear()
    _POSITIONS.clear()
