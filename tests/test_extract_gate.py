"""Literal gates (extract/gate.py): a skipped search never hides a match."""

from __future__ import annotations

import html
import json
import re
from importlib import resources
from pathlib import Path

import pytest

from protestdb.extract.gate import (
    finditer,
    lowered,
    may_match,
    may_match_each,
    narrow,
    narrow_text,
    required_literals,
)

SENTENCES = [
    "Hundreds of nurses marched to City Hall in Brookvale on Saturday, chanting for safe staffing.",
    "The Tigers' late-inning rally fell short as the pitcher struck out the side.",
    "Teachers walked out of class at noon and joined a picket line outside the district office.",
    "Stocks rallied on Wall Street after the bond market steadied; traders cheered the deal.",
    "Residents barricaded roads with burning tyres and police arrested 12 people, two were injured.",
    "A counter-protest of about 40 people gathered across the street from the vigil.",
    "The union called on members not to go to work on Monday, urging a general strike.",
    "Organizers said the March for Clean Water drew 3,000 people to Harbor Park in March.",
    "WOMEN'S MARCH ORGANIZERS SAID 5,000 PEOPLE ATTENDED.",
    "Students staged a sit-in at the Registrar's office; 7 were detained and later released.",
]


def _lexicon_patterns() -> list[str]:
    """Every string under a key of the data files that compiles as a regex with a letter in it."""
    out: list[str] = []

    def walk(v: object) -> None:
        if isinstance(v, str):
            out.append(v)
        elif isinstance(v, list):
            for x in v:
                walk(x)
        elif isinstance(v, dict):
            for k, x in v.items():
                if not str(k).startswith("_"):
                    walk(x)

    for f in resources.files("protestdb.extract.data").iterdir():
        if f.name.endswith(".json") and f.name != "schema.json":
            walk(json.loads(f.read_text(encoding="utf-8")))
    pats = []
    for p in dict.fromkeys(out):
        try:
            re.compile(p)
        except re.error:
            continue
        pats.append(p)
    return pats


def test_required_literals_of_simple_patterns() -> None:
    assert required_literals(re.compile(r"\bcounter[- ]?rall(?:y|ies)\b", re.I)) == ("counter", "rall")
    assert required_literals(re.compile(r"\b(?:the|a) (?-i:March)\b", re.I))[0] == "march"
    assert required_literals(re.compile(r"(?:x|y)?z")) == ("z",)
    assert required_literals(re.compile(r"a|b?")) is None  # can match the empty string
    assert required_literals(re.compile(r"(?=foo)bar")) == ("bar",)  # lookarounds consume nothing


def test_gate_is_exact_on_every_lexicon_pattern() -> None:
    pats = _lexicon_patterns()
    assert len(pats) > 200
    text = " ".join(SENTENCES)
    low = lowered(text)
    assert low is not None
    gated = 0
    for p in pats:
        for flags in (re.IGNORECASE, 0):
            pat = re.compile(p, flags)
            pos = 0
            for s in SENTENCES:
                a, b = pos, pos + len(s)
                pos = b + 1
                found = [m.span() for m in pat.finditer(text, a, b)]
                if not may_match(pat, low, a, b):
                    gated += 1
                    assert not found, (p, s)
                nar = narrow(pat, low, a, b)
                assert ([m.span() for m in nar.finditer(text, a, b)] if nar is not None else []) == found, (p, s)
    assert gated > 1000  # the gates do skip most searches


def test_gate_of_many_ranges_answers_as_one_range_at_a_time() -> None:
    """``may_match_each`` (literals found once in the whole text) == ``may_match`` per range,
    on ranges that cut words and overlap too."""
    text = " ".join(SENTENCES)
    low = lowered(text)
    bounds, pos = [], 0
    for s in SENTENCES:
        bounds.append((pos, pos + len(s)))
        pos += len(s) + 1
    bounds += [(3, 40), (30, 200), (0, len(text)), (7, 7), (len(text) - 9, len(text))]
    kept = 0
    for p in _lexicon_patterns():
        pat = re.compile(p, re.IGNORECASE)
        want = [may_match(pat, low, a, b) for a, b in bounds]
        assert may_match_each(pat, low, bounds) == want, p
        kept += sum(want)
    assert 0 < kept < len(bounds) * len(_lexicon_patterns())  # some ranges pass, some do not


def test_a_range_narrowed_from_the_text_narrowed_finds_the_same_matches() -> None:
    """``narrow(narrow_text(p))`` in a range (as issues and triggers do) == ``p`` there."""
    text = " ".join(SENTENCES)
    low = lowered(text)
    for p in _lexicon_patterns():
        pat = re.compile(p, re.IGNORECASE)
        whole = narrow_text(pat, low)
        assert narrow_text(pat, low) is whole  # remembered for the text
        for a, b in ((0, 95), (96, 180), (40, 400), (0, len(text))):
            want = [m.span() for m in pat.finditer(text, a, b)]
            nar = narrow(whole, low, a, b) if whole is not None else None
            assert ([m.span() for m in nar.finditer(text, a, b)] if nar is not None else []) == want, (p, a, b)


def test_start_scan_finds_the_same_matches() -> None:
    from protestdb.extract.dates import _lexicon

    text = "\n".join(SENTENCES) + " Earlier this month, on Tuesday evening, and last week, Sept. 3 and the 4th of July."
    low = lowered(text)
    pats = [p for _, p in _lexicon("en").patterns]
    pats += [re.compile(p, fl) for p in _lexicon_patterns() for fl in (re.IGNORECASE, 0)]
    from protestdb.extract.people import _participant_rx

    pats.append(_participant_rx())
    for pat in pats:
        want = [(m.span(), m.groupdict()) for m in pat.finditer(text)]
        assert [(m.span(), m.groupdict()) for m in finditer(pat, text, low)] == want, pat.pattern
        for a, b in ((5, 90), (100, 260), (300, len(text) - 7)):  # ranges cut inside words too
            want = [(m.span(), m.groupdict()) for m in pat.finditer(text, a, b)]
            assert [(m.span(), m.groupdict()) for m in finditer(pat, text, low, a, b)] == want, (pat.pattern, a, b)
    # overlapping start strings: "earlier this month" begins inside no other, "this month" inside it
    rel = re.compile(r"\b(?:earlier this month|this month|last month)\b", re.IGNORECASE)
    assert [m.group() for m in finditer(rel, "Earlier this month and this month", lowered("Earlier this month and this month"))] == [
        "Earlier this month", "this month"]


_TESTS = Path(__file__).resolve().parent


def _own_texts() -> list[tuple[str, str]]:
    """(name, text) of the project's own writing: the texts of tests/gold/*.jsonl (dev,
    heldout, heldout2, examples) and examples/*.txt|html (markup stripped), each once."""
    files: dict[Path, None] = {}
    for jl in sorted((_TESTS / "gold").glob("*.jsonl")):
        for line in jl.read_text(encoding="utf-8").splitlines():
            tf = json.loads(line).get("text_file") if line.strip() else None
            if tf:
                files[(jl.parent / tf).resolve()] = None
    for f in sorted((_TESTS.parent / "examples").iterdir()):
        if f.suffix in (".txt", ".html"):
            files[f.resolve()] = None
    out = []
    for f in sorted(files):
        text = f.read_text(encoding="utf-8")
        if f.suffix == ".html":
            text = html.unescape(re.sub(r"<[^>]*>", " ", text))
        out.append((f.name, text))
    return out


def _ranges(text: str) -> list[tuple[int, int]]:
    """Sentences (as the extractor searches them), a few paragraphs, and ranges cutting words."""
    paras = [(m.start(), m.end()) for m in re.finditer(r"[^\n]+", text)]
    out = [(m.start(), m.end()) for m in re.finditer(r"[^.!?\n]+[.!?]?", text)]
    return out + paras[:3] + [(a + 2, b - 3) for a, b in out[:10] if b - a > 8]


def _diverse(texts: list[tuple[str, str]], pats: list[str], budget: int) -> list[tuple[str, str]]:
    """Paragraphs of the texts picked greedily (deterministic) for the most new words of the
    patterns' source (``demonstrat``, ``walk``, ``picket``, ...) per character, up to
    ``budget`` characters, joined as texts of ~2,000 characters: the checks then meet matches
    of many patterns in little text (all the texts would take minutes)."""
    words = set(re.findall(r"[a-z]{4,}", " ".join(pats).lower()))
    paras = [(n, m.group()) for n, t in texts for m in re.finditer(r"[^\n]{40,}", t)]
    have = [words & {w[:k] for w in set(re.findall(r"[a-z]{4,}", x.lower())) for k in range(4, len(w) + 1)}
            for _, x in paras]  # the pattern words that begin a word of the paragraph
    seen: set[str] = set()
    picked: list[int] = []
    size = 0
    while size < budget:
        i = max(range(len(paras)), key=lambda j: (len(have[j] - seen) / len(paras[j][1]), -j))
        if not have[i] - seen:
            break
        picked.append(i)
        seen |= have[i]
        size += len(paras[i][1]) + 2
    out, cur, last = [], [], max(picked)
    for i in sorted(picked):
        cur.append(paras[i][1])
        if sum(len(x) for x in cur) > 2000 or i == last:
            out.append((f"paragraphs up to {paras[i][0]}", "\n\n".join(cur)))
            cur = []
    return out


def test_gate_is_exact_on_every_lexicon_pattern_over_own_texts() -> None:
    """Over the project's own texts (where the lexicon patterns do match), for every pattern
    with and without IGNORECASE: ranges the gate skips hold no match; ``may_match_each`` ==
    ``may_match``; narrowing (``narrow(narrow_text)``) and start-scanning (``finditer``) find
    exactly the plain regex's matches, in the whole text and in each range."""
    pats = _lexicon_patterns()
    texts = _own_texts()
    assert len(texts) > 150  # dev + heldout + heldout2 + examples
    sample = _diverse(texts, pats, 16000)  # all the texts would take minutes
    matched: set[str] = set()
    gated = ranges_with_match = 0
    for name, text in sample:
        low = lowered(text)
        assert low is not None, name  # else gating is off and nothing would be tested
        bounds = _ranges(text)
        for p in pats:
            for flags in (re.IGNORECASE, 0):
                pat = re.compile(p, flags)
                want = [m.span() for m in pat.finditer(text)]
                assert [m.span() for m in finditer(pat, text, low)] == want, (name, p, flags)
                if want:
                    matched.add(p)
                each = may_match_each(pat, low, bounds)
                whole = narrow_text(pat, low)
                if not want:  # no match in the whole text: none in a range either
                    assert whole is None or whole.search(text) is None, (name, p, flags)
                    continue
                for (a, b), ok in zip(bounds, each, strict=True):
                    assert ok == may_match(pat, low, a, b), (name, p, flags, a, b)
                    found = [m.span() for m in pat.finditer(text, a, b)]
                    ranges_with_match += bool(found)
                    if not ok:
                        gated += 1
                        assert not found, (name, p, flags, a, b)
                    nar = narrow(whole, low, a, b) if whole is not None else None
                    got = [m.span() for m in nar.finditer(text, a, b)] if nar is not None else []
                    assert got == found, (name, p, flags, a, b)
                    assert [m.span() for m in finditer(pat, text, low, a, b)] == found, (name, p, flags, a, b)
    # the checks ran where patterns match, not only where nothing could
    assert len(matched) > len(pats) // 4, (len(matched), len(pats))  # ~990 of ~3150 match
    assert ranges_with_match > 5000 and gated > 5000, (ranges_with_match, gated)


@pytest.mark.parametrize("odd", ["\u0130", "\u0131", "\u017f", "\u212a"])
def test_letters_that_match_ascii_under_ignorecase_turn_gating_off(odd: str) -> None:
    text = f"the workers went on {odd}trike"
    assert lowered(text) is None
    pat = re.compile(r"\bstrike\b", re.IGNORECASE)
    assert may_match(pat, lowered(text)) is True
    assert narrow(pat, lowered(text)) is pat
