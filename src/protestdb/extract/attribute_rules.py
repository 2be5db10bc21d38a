"""The attribute ruler's matching, answered from a table of token signatures.

spaCy's ``AttributeRuler`` (``en_core_web_sm``: ~180 rules "tag NN -> POS NOUN", "lower 'is'
with tag VBZ -> lemma 'be'") finds its rules' matches with a ``Matcher`` that evaluates its
set and regex predicates in Python at every token: ~10% of the whole parse. Every rule of the
shipped models is a fixed sequence of one or two token tests on string attributes (TAG, LOWER,
DEP...), so which rules a token passes depends only on those attributes: :class:`RuleTable`
answers it once per distinct signature (a tuple of attribute ids from ``Doc.to_array``) and
remembers it, and ``AttributeRuler.match`` is rebuilt from that, the same list (same rules,
same spans, same order). The ruler's own ``set_annotations`` then writes the attributes.

A ruler with any rule this module does not read (operators such as ``"OP"``, other attributes
or predicates) is left to spaCy (:func:`rule_table` returns None).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

#: string attributes whose ``Doc.to_array`` value is the id of the string the Matcher compares
_STRING_ATTRS = ("ORTH", "LOWER", "NORM", "TAG", "DEP", "LEMMA")
#: boolean lexeme flags (``Doc.to_array`` gives 0 or 1)
_FLAG_ATTRS = ("IS_SPACE", "IS_PUNCT", "IS_ALPHA", "IS_DIGIT", "IS_LOWER", "IS_UPPER", "IS_TITLE", "IS_STOP")

#: one token test: the attribute's position in the signature and a check of its value there
Test = tuple[int, Callable[[Any], bool]]
#: what a token test can be looked up by: (attribute position, id of a value it accepts)
Key = tuple[int, int]


def _test(attr: str, value: Any, strings: Any) -> tuple[Callable[[Any], bool], list[int]] | None:
    """The check of one attribute's value (a string id, or 0/1 for a flag) and the ids that
    alone pass it ([] when it is not a list of values), or None when the Matcher would read
    ``value`` in a way this module does not reproduce. Strings compare by id, as the Matcher's."""
    from spacy.strings import get_string_id

    if attr in _FLAG_ATTRS:
        if isinstance(value, bool):
            want = int(value)
            return (lambda v: v == want), []
        return None
    if isinstance(value, str):
        want_id = get_string_id(value)
        return (lambda v: v == want_id), [want_id]
    if not isinstance(value, dict) or len(value) != 1:
        return None
    (op, arg), = value.items()
    if op in ("IN", "NOT_IN") and isinstance(arg, list) and all(isinstance(x, str) for x in arg):
        members = frozenset(get_string_id(x) for x in arg)
        if op == "IN":
            return (lambda v: v in members), sorted(members)
        return (lambda v: v not in members), []
    if op == "REGEX" and isinstance(arg, str):
        rx = re.compile(arg)
        return (lambda v: rx.search(strings[v]) is not None), []
    return None


class RuleTable:
    """Which (rule, pattern, position) token tests each distinct token signature passes."""

    #: distinct signatures remembered; the table is emptied (and refilled) beyond this
    limit = 100_000

    def __init__(self, ruler: Any, attrs: tuple[str, ...],
                 specs: list[tuple[tuple[int, int, int], list[Test], list[Key]]], sizes: dict[tuple[int, int], int]) -> None:
        self.ruler = ruler
        self.attrs = attrs
        #: (rule, pattern) -> its number of tokens
        self.sizes = sizes
        self.match_ids = {r: ruler.vocab.strings[str(r)] for r, _ in sizes}
        #: the token tests, each under the values that may pass it (or always tried)
        self._by_key: dict[Key, list[tuple[tuple[int, int, int], list[Test]]]] = {}
        self._always: list[tuple[tuple[int, int, int], list[Test]]] = []
        for ident, tests, keys in specs:
            if keys:
                for key in keys:
                    self._by_key.setdefault(key, []).append((ident, tests))
            else:
                self._always.append((ident, tests))
        self._passed: dict[tuple[int, ...], Any] = {}
        self._answers: dict[Any, Any] = {}
        #: every rule sets token attributes only (no lexeme's, no extension): merged per token
        self._merge, self._set = False, None
        try:
            from spacy.attrs import DEP, LEMMA, MORPH, POS, TAG
            from spacy.tokens._retokenize import set_token_attrs

            own = {POS, TAG, MORPH, LEMMA, DEP}
            self._merge = all(set(a) <= own for a in ruler.attrs) and len(ruler.indices) == len(ruler.attrs)
            self._set = set_token_attrs
        except (ImportError, AttributeError, TypeError):
            self._merge = False

    def _compute(self, sig: tuple[int, ...]) -> tuple[frozenset[tuple[int, int, int]], tuple[int, ...], tuple[tuple[int, int, int], ...]]:
        """The tests ``sig`` passes; the rules it matches alone (one-token patterns); the
        longer patterns it starts: (rule, pattern, size)."""
        cands = list(self._always)
        for key in enumerate(sig):
            cands.extend(self._by_key.get(key, ()))
        passed = frozenset(ident for ident, tests in cands if all(check(sig[i]) for i, check in tests))
        sizes = self.sizes
        alone = tuple(sorted({r for r, p, k in passed if k == 0 and sizes[(r, p)] == 1}))
        starts = tuple(sorted((r, p, sizes[(r, p)]) for r, p, k in passed if k == 0 and sizes[(r, p)] > 1))
        return passed, alone, starts

    def match(self, doc: Any) -> list[tuple[int, int, int, int]]:
        """``AttributeRuler.match(doc)``: (rule, match id, start, end), sorted."""
        from spacy.attrs import IDS

        n = len(doc)
        if n == 0:
            return []
        arr = doc.to_array([IDS[a] for a in self.attrs]).reshape(n, len(self.attrs)).tolist()
        table, compute = self._passed, self._compute
        per_token = []
        for sig in map(tuple, arr):
            got = table.get(sig)
            if got is None:
                if len(table) > self.limit:
                    table.clear()
                    self._answers.clear()
                got = compute(sig)
                got = table[sig] = self._answers.setdefault(got, got)  # (most signatures share one)
            per_token.append(got)
        found: set[tuple[int, int, int]] = set()
        for i, (_, alone, starts) in enumerate(per_token):
            for r in alone:
                found.add((r, i, i + 1))
            for r, p, size in starts:
                if i + size <= n and all((r, p, j) in per_token[i + j][0] for j in range(1, size)):
                    found.add((r, i, i + size))
        match_ids = self.match_ids
        return sorted((r, match_ids[r], s, e) for r, s, e in found)

    def __call__(self, doc: Any) -> Any:
        """The ruler's component: its attributes set where its rules match."""
        matches = self.match(doc)
        if not self._merge:
            self.ruler.set_annotations(doc, matches)
            return doc
        # one write per token of what its rules set (in their order: the later rule's value),
        # not one per match: the attributes are the token's own, each written independently
        attrs, indices = self.ruler.attrs, self.ruler.indices
        per_token: dict[int, dict[Any, Any]] = {}
        for r, _, s, e in matches:
            i = s + indices[r] if indices[r] >= 0 else e + indices[r]
            if not s <= i < e:  # an index outside its span: spaCy's own error
                self.ruler.set_annotations(doc, matches)
                return doc
            per_token.setdefault(i, {}).update(attrs[r])
        for i, values in per_token.items():
            self._set(doc[i], values)
        return doc


def rule_table(ruler: Any) -> RuleTable | None:
    """A :class:`RuleTable` for a spaCy ``AttributeRuler``, or None when one of its rules is
    not a plain sequence of token tests this module reads."""
    try:
        patterns = ruler.patterns
        strings = ruler.vocab.strings
    except Exception:  # noqa: BLE001 - an unknown ruler: left to spaCy
        return None
    used: list[str] = []
    raw: list[tuple[tuple[int, int, int], list[tuple[str, Callable[[Any], bool], list[int]]]]] = []
    sizes: dict[tuple[int, int], int] = {}
    for r, entry in enumerate(patterns):
        for p, pattern in enumerate(entry.get("patterns") or []):
            if not isinstance(pattern, list) or not pattern:
                return None
            sizes[(r, p)] = len(pattern)
            for k, spec in enumerate(pattern):
                if not isinstance(spec, dict):
                    return None
                tests = []
                for attr, value in spec.items():
                    name = "ORTH" if attr == "TEXT" else attr
                    if name not in _STRING_ATTRS and name not in _FLAG_ATTRS:
                        return None
                    got = _test(name, value, strings)
                    if got is None:
                        return None
                    tests.append((name, got[0], got[1]))
                    if name not in used:
                        used.append(name)
                raw.append(((r, p, k), tests))
    if not used:
        return None
    pos = {a: i for i, a in enumerate(used)}
    specs = []
    for ident, tests in raw:
        lookups = [t for t in tests if t[2]]
        # looked up by the values of its most selective listed test (one value: an equality)
        best = min(lookups, key=lambda t: len(t[2])) if lookups else None
        keys = [(pos[best[0]], v) for v in best[2]] if best is not None else []
        specs.append((ident, [(pos[a], c) for a, c, _ in tests], keys))
    return RuleTable(ruler, tuple(used), specs, sizes)


def cached_lemmatizer(lemmatizer: Any) -> Callable[[Any], Any] | None:
    """spaCy's rule ``Lemmatizer`` as a component that reads its own cache by array: the lemma
    of a token whose (text, POS, morphology) it has lemmatized before is the cached one (as
    ``rule_lemmatize`` answers it), written for the whole document at once; the others are
    lemmatized by it, in order, as before. None for another lemmatizer (mode, overrides)."""
    from spacy.pipeline import Lemmatizer

    if (type(lemmatizer).__call__ is not Lemmatizer.__call__ or getattr(lemmatizer, "mode", None) != "rule"
            or type(lemmatizer).rule_lemmatize is not Lemmatizer.rule_lemmatize
            or not isinstance(getattr(lemmatizer, "cache", None), dict)):
        return None
    from spacy.attrs import LEMMA, MORPH, ORTH, POS

    def run(doc: Any) -> Any:
        if not lemmatizer._validated or not len(doc):
            return lemmatizer(doc)
        arr = doc.to_array([ORTH, POS, MORPH, LEMMA])
        cache, add, overwrite = lemmatizer.cache, doc.vocab.strings.add, lemmatizer.overwrite
        lemmas = arr[:, 3].copy()
        changed = False
        for i, (orth, pos, morph, lemma) in enumerate(arr.tolist()):
            if not overwrite and lemma != 0:
                continue
            hit = cache.get((orth, pos, morph))
            if hit is None:  # (the lemmatizer fills its cache)
                token = doc[i]
                token.lemma_ = lemmatizer.lemmatize(token)[0]
                lemmas[i] = token.lemma
            else:
                lemmas[i] = add(hit[0])
            changed = True
        if changed:
            doc.from_array([LEMMA], lemmas.reshape(-1, 1))
        return doc

    return run
