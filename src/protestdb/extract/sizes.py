"""Crowd sizes: find size phrases tied to people or protest verbs, map them to numbers.

Number words follow the versioned CCC mapping in ``data/size_mapping.json`` ("hundreds"
= 200, "a few hundred" = 300 ...); language lexicons (people nouns, protest verbs,
exclusions) are in ``data/size_<lang>.json``. Only crowd sizes are returned: money,
percentages, years, ages, times, populations ("represents 30,000 workers") and people
acted upon by enforcement ("detained 200 people", "deport 15 to 20 million immigrants")
are not crowds; arrests and injuries are found by :mod:`protestdb.extract.counts`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Any

from protestdb.extract.lexicons import load
from protestdb.models import size_category
from protestdb.settings import SIZE_MAPPING_VERSION

__all__ = [
    "SIZE_MAPPING_VERSION",
    "NumberSpan",
    "SizeMention",
    "combine_sizes",
    "upper_bound_told",
    "find_numbers",
    "find_sizes",
    "size_category",
]


@dataclass(frozen=True)
class SizeMention:
    """A crowd-size phrase: ``quote`` keeps the raw words ("more than 200", "hundreds")."""

    start: int
    end: int
    quote: str
    low: int | None
    high: int | None
    approximate: bool


@dataclass(frozen=True)
class NumberSpan:
    """A number phrase with its qualifier and range already applied (shared with counts.py)."""

    start: int
    end: int
    quote: str
    low: int | None
    high: int | None
    approximate: bool
    vague: bool  # a size word ("hundreds", "a few") rather than a figure
    plain: int  # the number itself, before "more than"/"up to" adjustments (first of a range)


def _data(name: str) -> dict[str, Any] | None:
    res = resources.files("protestdb.extract").joinpath(f"data/{name}")
    if not res.is_file():
        return None
    return load(name.removesuffix(".json"))


def _alt(words: list[str] | Any) -> str:
    parts = sorted({w for w in words}, key=len, reverse=True)
    return "(?:" + "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in parts) + ")"


@dataclass(frozen=True)
class SizeLexicon:
    lang: str
    vague: dict[str, int]
    quantifiers: dict[str, int]
    needs_scale: frozenset[str]
    units: dict[str, int]
    scales: dict[str, int]
    qualifiers: dict[str, str]
    thousands_sep: str
    decimal_sep: str
    atom: re.Pattern[str]
    qual_before: re.Pattern[str]
    between_before: re.Pattern[str]
    range_gap: re.Pattern[str]
    and_gap: re.Pattern[str]
    people_after: re.Pattern[str]
    verb_after: re.Pattern[str]
    crowd_before: re.Pattern[str]
    exclude_before: re.Pattern[str]
    weak_before: re.Pattern[str]
    exclude_after: re.Pattern[str]
    enforcement_after: re.Pattern[str]
    date_after: re.Pattern[str] | None
    date_before: re.Pattern[str] | None
    raw: dict[str, Any]
    fractions: dict[str, float]
    frac_atom: re.Pattern[str] | None
    crowd_after: re.Pattern[str] | None
    vague_crowd_before: re.Pattern[str] | None
    alt_group: re.Pattern[str] | None
    after_qual: re.Pattern[str] | None
    people_alt: str
    mods: str
    qual_alt: str


@lru_cache(maxsize=8)
def size_lexicon(lang: str) -> SizeLexicon | None:
    data = _data(f"size_{lang}.json")
    mapping = _data("size_mapping.json") or {}
    if data is None or lang not in mapping:
        return None
    words = mapping[lang]
    vague = {k.lower(): int(v) for k, v in words["vague"].items()}
    quants = {k.lower(): int(v) for k, v in words["quantifiers"].items()}
    units = {k.lower(): int(v) for k, v in data["units"].items()}
    scales = {k.lower(): int(v) for k, v in data["scales"].items()}
    quals = {k.lower(): v for k, v in data["qualifiers"].items()}
    ts, ds = re.escape(data["thousands_sep"]), re.escape(data["decimal_sep"])
    scale_alt = _alt(scales)
    # "16 500", "16.500" (real pages' other thousands separators); never "1.500 million"
    alt_seps = "".join(re.escape(c) for c in data.get("thousands_sep_alt", []) if c != data["thousands_sep"])
    alt_digits = rf"\d{{1,3}}(?:[{alt_seps}]\d{{3}})+(?!\d)(?!\s+{scale_alt})|" if alt_seps else ""
    digits = rf"\d{{1,3}}(?:{ts}\d{{3}})+(?:{ds}\d+)?|{alt_digits}\d+(?:{ds}\d+)?"
    fractions = {k.lower(): float(v) for k, v in data.get("fractions", {}).items()}
    frac_atom = rf"(?<![\w$€£.,:])(?:{_alt(fractions)})[\s-]+{scale_alt}(?![\w])" if fractions else ""
    unit_alt = _alt(units)
    unit_word = rf"{unit_alt}(?:-{unit_alt})?"
    min_unit = int(data.get("standalone_units_min", 2))
    bare_units = _alt([w for w, v in units.items() if v >= min_unit])
    atom = (
        rf"(?<![\w$€£.,:])(?:{_alt(vague)}"
        rf"|(?:{_alt(quants)}|{digits}|{unit_word})(?:\s+{scale_alt})+"
        rf"|{_alt(quants)}|(?:{digits})|{bare_units}(?:-{unit_alt})?)(?![\w])"
    )
    qual_alt = _alt(quals)
    mod_stop = _alt(data.get("modifier_stop", []))
    mods = rf"(?:(?!{mod_stop}\b)[\w’‘'“”\"-]+\s+){{0,2}}"  # "hundreds of ‘Hands Off’ protesters"
    people = _alt(data["people_nouns"])
    verbs = _alt(data["protest_verbs"])
    seps = _alt(data.get("range_connectors", ["-", "to"]))
    flags = re.IGNORECASE
    return SizeLexicon(
        lang=lang,
        vague=vague,
        quantifiers=quants,
        needs_scale=frozenset(w.lower() for w in words.get("needs_scale", [])),
        units=units,
        scales=scales,
        qualifiers=quals,
        thousands_sep=data["thousands_sep"],
        decimal_sep=data["decimal_sep"],
        atom=re.compile(atom, flags),
        qual_before=re.compile(rf"\b({qual_alt})\s+$", flags),
        between_before=re.compile(rf"\b(?:{_alt(data.get('between_words', ['between']))})\s+$", flags),
        range_gap=re.compile(rf"\s*{seps}\s*", flags),
        and_gap=re.compile(rf"\s+{_alt(data.get('and_words', ['and']))}\s+", flags),
        people_after=re.compile(rf"\s+(?:(?:of|de)\s+)?{mods}{people}\b", flags),
        verb_after=re.compile(rf"\s+(?:(?:of|de)\s+)?(?:{mods}{people}\s+)?(?:(?:have|had|also|then|reportedly|all|more)\s+)?{verbs}\b", flags),
        crowd_before=re.compile(data["crowd_cues_before"], flags),
        exclude_before=re.compile(data["exclude_before"], flags),
        weak_before=re.compile(data["weak_before"], flags),
        exclude_after=re.compile(data["exclude_after"], flags),
        enforcement_after=re.compile(rf"(?:\s+(?:(?:of|de)\s+)?{mods}{people}\b)?(?:,)?(?:{data['enforcement_after']})", flags),
        date_after=re.compile(data["date_after"]) if "date_after" in data else None,  # case-sensitive
        date_before=re.compile(data["date_before"]) if "date_before" in data else None,
        raw=data,
        fractions=fractions,
        frac_atom=re.compile(frac_atom, flags) if frac_atom else None,
        crowd_after=re.compile(data["crowd_after"], flags) if data.get("crowd_after") else None,
        vague_crowd_before=re.compile(data["vague_crowd_before"], flags) if data.get("vague_crowd_before") else None,
        alt_group=re.compile(rf"\d{{1,3}}(?:[{alt_seps}]\d{{3}})+") if alt_seps else None,
        after_qual=re.compile(rf"\s+({_alt(data['after_qualifiers'])})\b", flags) if data.get("after_qualifiers") else None,
        people_alt=people,
        mods=mods,
        qual_alt=qual_alt,
    )


def _norm(s: str) -> str:
    return re.sub(r"\s+", " ", s.strip().lower())


def _parse_digits(s: str, lx: SizeLexicon) -> float:
    if lx.alt_group is not None and lx.alt_group.fullmatch(s):
        return float(re.sub(r"\D", "", s))  # "16 500", "16.500"
    s = s.replace(lx.thousands_sep, "") if re.search(rf"{re.escape(lx.thousands_sep)}\d{{3}}\b", s) else s
    return float(s.replace(lx.decimal_sep, "."))


def atom_value(s: str, lx: SizeLexicon) -> tuple[int, bool] | None:
    """(value, vague) of one number phrase, or None if it cannot be read."""
    t = _norm(s)
    if t in lx.vague:
        return lx.vague[t], True
    vague = False
    head: float | None = None
    for q in sorted(lx.quantifiers, key=len, reverse=True):
        if t == q or t.startswith(q + " "):
            head, vague, t = float(lx.quantifiers[q]), True, t[len(q) :].strip()
            if not t and q in lx.needs_scale:
                return None
            break
    for f in sorted(lx.fractions, key=len, reverse=True):
        if head is None and re.match(rf"{re.escape(f)}[\s-]", t):
            head, t = lx.fractions[f], t[len(f) + 1 :].strip()  # "half a million", "a quarter-million"
            if not t:
                return None
    if head is None:
        m = lx.alt_group.fullmatch(t) if lx.alt_group is not None else None
        m = m or re.match(r"[\d.,]+", t)
        if m:
            try:
                head = _parse_digits(m.group(), lx)
            except ValueError:
                return None
            t = t[m.end() :].strip()
        else:
            first, _, t = t.partition(" ")
            total = 0
            for part in first.split("-"):
                if part not in lx.units:
                    return None
                total += lx.units[part]
            head = float(total)
    for tok in t.split():
        if tok not in lx.scales:
            return None
        head *= lx.scales[tok]
    return int(round(head)), vague


def _adopt_scale(v: int, v2: int, lx: SizeLexicon) -> int:
    """"15 and 20 million": the first figure takes the second's scale."""
    for scale in sorted(lx.scales.values(), reverse=True):
        if scale > 12 and v * scale <= v2 and v2 % scale == 0 and v2 // scale < 1000:
            return v * scale
    return v


def _bounds(v: int, hi_v: int | None, kind: str | None) -> tuple[int | None, int | None]:
    """(low, high) of a figure or a range with its qualifier ("more than", "up to", "under")."""
    if hi_v is not None:
        low, high = min(v, hi_v), max(v, hi_v)
        return low, (None if low == high else high)
    if kind == "more":
        return v + 1, None
    if kind == "upto":
        return None, v
    if kind == "less":
        return None, v - 1
    return v, None


def _with_fractions(text: str, atoms: list[tuple[int, int, int, bool]], lx: SizeLexicon) -> list[tuple[int, int, int, bool]]:
    """"half a million", "a quarter of a million": a fraction of a scale word wins over the
    "a million" inside it (a separate pass, only when such a word occurs)."""
    if lx.frac_atom is None or not any(w in text for w in ("half", "quarter", "Half", "Quarter", "HALF", "QUARTER")):
        return atoms
    fracs = []
    for m in lx.frac_atom.finditer(text):
        parsed = atom_value(m.group(), lx)
        if parsed is not None:
            fracs.append((m.start(), m.end(), parsed[0], parsed[1]))
    if not fracs:
        return atoms
    return sorted([a for a in atoms if not any(f[0] < a[1] and a[0] < f[1] for f in fracs)] + fracs)


def find_numbers(text: str, lang: str = "en") -> list[NumberSpan]:
    """Every number phrase in ``text`` (figures, number words, CCC size words), with
    qualifiers ("more than", "about", "up to") and ranges ("200 to 300") applied."""
    lx = size_lexicon(lang) or size_lexicon("en")
    assert lx is not None
    atoms: list[tuple[int, int, int, bool]] = []
    for m in lx.atom.finditer(text):
        if lx.alt_group is not None and lx.date_before is not None and not m.group()[:4].isdigit() \
                and lx.alt_group.fullmatch(m.group()) and lx.date_before.search(text, max(0, m.start() - 12), m.start()):
            k = re.search(r"\D", m.group())
            assert k is not None
            atoms.append((m.start() + k.end(), m.end(), int(re.sub(r"\D", "", m.group()[k.end() :])), False))
            continue  # "March 16 500 people": a day, then a figure
        parsed = atom_value(m.group(), lx)
        if parsed is not None:
            atoms.append((m.start(), m.end(), parsed[0], parsed[1]))
    atoms = _with_fractions(text, atoms, lx)
    out: list[NumberSpan] = []
    i = 0
    while i < len(atoms):
        s, e, v, vague = atoms[i]
        hi_v: int | None = None
        before = text[max(0, s - 30) : s]
        start = s
        is_between = bool(lx.between_before.search(before))
        if i + 1 < len(atoms):
            s2, e2, v2, vague2 = atoms[i + 1]
            gap = text[e:s2]
            if lx.range_gap.fullmatch(gap) or (is_between and lx.and_gap.fullmatch(gap)):
                if v2 > v and not vague and v * 1000 <= v2 and " " not in text[s:e].strip():
                    v = _adopt_scale(v, v2, lx)
                hi_v, e, vague = v2, e2, vague or vague2
                i += 1
                if is_between:
                    bm = lx.between_before.search(before)
                    assert bm is not None
                    start = s - (len(before) - bm.start())
        i += 1
        kind = None
        aq = lx.after_qual.match(text, e) if lx.after_qual is not None else None
        if aq is not None:  # "some 2,000 or so", "500 or more"
            e = aq.end()
        qm = lx.qual_before.search(text[max(0, start - 30) : start])
        if qm:
            kind = lx.qualifiers.get(_norm(qm.group(1)))
            start = start - (len(text[max(0, start - 30) : start]) - qm.start())
        if kind is None and aq is not None:
            kind = lx.raw["after_qualifiers"].get(_norm(aq.group(1)).replace(" ", " "))
        low, high = _bounds(v, hi_v, kind)
        approx = vague or kind == "approx"
        out.append(NumberSpan(start, e, text[start:e], low, high, approx, vague, v))
    return out


_OF_AFTER = re.compile(r"\s+of\b")


def _is_crowd(text: str, n: NumberSpan, lx: SizeLexicon) -> bool:
    before = text[max(0, n.start - 40) : n.start]
    if lx.exclude_before.search(before):
        return False
    if lx.exclude_after.match(text, n.end) or lx.enforcement_after.match(text, n.end):
        return False
    core = n.quote.lower()
    if core.isdigit() and int(core) <= 31 and (
        (lx.date_after and lx.date_after.match(text, n.end)) or (lx.date_before and lx.date_before.search(before))
    ):
        return False  # "16 March", "the June 16 students uprising"
    year_like = re.fullmatch(r"(?:19|20)\d\d", core.strip()) is not None
    cue = bool(lx.crowd_before.search(before)) or bool(lx.crowd_after is not None and lx.crowd_after.match(text, n.end))
    if n.vague and lx.vague_crowd_before is not None and lx.vague_crowd_before.search(before):
        # "came out in their hundreds", "people are here in the thousands": a size word told as
        # the manner of a crowd's coming (not "in the thousands of dollars")
        cue = cue or _OF_AFTER.match(text, n.end) is None
    verb = bool(lx.verb_after.match(text, n.end))
    noun = bool(lx.people_after.match(text, n.end))
    if year_like:
        return cue
    if cue or verb:
        return True
    if not noun:
        return False
    # A people noun alone is weak: "the district's 50,000 students", "two students said".
    small = not n.vague and (n.low or n.high or 0) < 10
    small = small or (n.vague and n.plain <= 3)  # "several people", "a few students"
    if lx.weak_before.search(before) or small or (n.low or 0) >= 1_000_000:
        return False
    return True


def find_sizes(text: str, lang: str = "en") -> list[SizeMention]:
    """Crowd-size candidates in ``text``, in text order ("hundreds rallied" -> "hundreds", 200)."""
    lx = size_lexicon(lang) or size_lexicon("en")
    assert lx is not None
    out = []
    for n in find_numbers(text, lang):
        if (n.low or n.high) and _is_crowd(text, n, lx):
            out.append(SizeMention(n.start, n.end, n.quote, n.low, n.high, n.approximate))
    return out



def upper_bound_told(quote: str, low: int | None, high: int | None, lang: str = "en") -> tuple[int | None, int | None]:
    """An event's (low, high) from one figure: "up to 10,000" / "as many as 60,000" is the crowd
    figure the report gives, coded as the size (low) as CCC coders do; other bounds stay."""
    lx = size_lexicon(lang) or size_lexicon("en")
    if low is None and high is not None and lx is not None:
        m = re.match(rf"\s*({lx.qual_alt})\s", quote, re.IGNORECASE)
        if m is not None and lx.qualifiers.get(_norm(m.group(1))) == "upto":
            return high, None
    return low, high


def combine_sizes(mentions: list[SizeMention]) -> tuple[str | None, int | None, int | None]:
    """CCC rule for several figures: (size_text joined by "; ", smallest low, largest figure).

    ``high`` is the largest figure given (a range's top or another source's bigger
    number); it stays None when there is only one figure.
    """
    if not mentions:
        return None, None, None
    quotes: list[str] = []
    for m in mentions:
        if m.quote not in quotes:
            quotes.append(m.quote)
    lows = [m.low for m in mentions if m.low is not None]
    values = lows + [m.high for m in mentions if m.high is not None]
    if not values:
        return "; ".join(quotes), None, None
    low = min(lows) if lows else None
    top = max(values)
    high = top if low is None or top > low else None
    return "; ".join(quotes), low, high
