"""Organizations (spaCy ORG entities, list patterns, acronym merge) and person-title checks."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from protestdb.extract.lexicons import any_rx, load

Span = tuple[int, int, str]
_CONNECT = {"of", "for", "and", "the", "de", "del", "la", "los", "las", "y", "el", "on", "in", "&"}
_ACRO = re.compile(r"\s*\(([A-Z0-9][A-Za-z0-9&-]{1,11})\)")


@dataclass
class Org:
    name: str
    spans: list[Span] = field(default_factory=list)
    acronym: str | None = None


def _lex() -> dict[str, Any]:
    return load("orgs_en")


def _strip(text: str, s: int, e: int) -> tuple[int, int]:
    while True:
        q = text[s:e]
        low = q.lower()
        if low.startswith("the "):
            s += 4
        elif q[:1] in " ,“\"'(":
            s += 1
        elif q[-1:] in " ,.;:”\"')":
            e -= 1
        elif low.endswith("’s") or low.endswith("'s"):
            e -= 2
        else:
            return s, e


def title_before(text: str, start: int) -> bool:
    """Is the name at ``start`` preceded by a person title ("Sen.", "candidate", "Mayor")?"""
    before = text[max(0, start - 40) : start].lower()
    titles = _lex()["person_titles"]
    return any(re.search(rf"(?:^|\W){re.escape(t)}\s+(?:[a-z]+\s+)?$", before) for t in titles)


def _is_orgish(name: str, from_list: bool) -> bool:
    lex = _lex()
    low = name.lower()
    if low in lex["never_org"] or len(name) < 2:
        return False
    if any(w in low for w in lex["agency_words"]) and not from_list:
        return False
    if from_list:
        return name[:1].isupper() or name[:1].isdigit()
    words = re.split(r"[\s-]+", low)
    if any(w in lex["org_words"] for w in words):
        return True
    return bool(re.fullmatch(r"[A-Z][A-Z0-9&-]{1,9}", name))


def _cap_runs(text: str, s: int, e: int) -> list[tuple[int, int]]:
    """Capitalised name runs in text[s:e] (connector words allowed inside)."""
    out = []
    toks = [(m.start() + s, m.end() + s, m.group()) for m in re.finditer(r"[\w&'’.-]+", text[s:e])]
    i = 0
    while i < len(toks):
        if toks[i][2][:1].isupper() or toks[i][2][:1].isdigit():
            j = i
            while j + 1 < len(toks):
                nxt = toks[j + 1][2]
                gap = text[toks[j][1] : toks[j + 1][0]]
                if "," in gap or ";" in gap:
                    break
                if nxt[:1].isupper() or nxt[:1].isdigit():
                    j += 1
                elif nxt.lower() in _CONNECT and nxt.lower() != "and" and j + 2 < len(toks) and toks[j + 2][2][:1].isupper():
                    j += 2
                else:
                    break
            out.append((toks[i][0], toks[j][1]))
            i = j + 1
        else:
            i += 1
    return out


def find_orgs(text: str, scopes: list[tuple[int, int]], doc: Any = None) -> list[Org]:
    """Organizations named in the ``scopes`` (character ranges) of ``text``."""
    lex = _lex()
    cands: list[tuple[int, int, bool]] = []  # start, end, from_list
    ents = []
    if doc is not None:
        ents = [(e.start_char, e.end_char) for e in doc.ents if e.label_ in ("ORG", "PERSON", "GPE", "PRODUCT", "NORP", "FAC")]
        labels = {(e.start_char, e.end_char): e.label_ for e in doc.ents}
    cue = any_rx(tuple(lex["list_cues"]))
    for s, e in scopes:
        for a, b in ents:
            if a >= s and b <= e and labels.get((a, b)) == "ORG":
                cands.append((a, b, False))
        for m in cue.finditer(text, s, e):
            region_end = e
            stop = re.search(r"[.;:]\s|[.;:]$", text[m.end() : e])
            if stop:
                region_end = m.end() + stop.start()
            covered = [(a, b) for a, b in ents if a >= m.end() and b <= region_end]
            for a, b in covered:
                cands.append((a, b, True))
            pos = m.end()
            for part in re.split(r",\s*|\s+and\s+(?=the\s|[A-Z])", text[pos:region_end]):
                ps = text.find(part, pos)
                if ps < 0 or not part.strip():
                    continue
                pos = ps + len(part)
                item = part.strip()
                if item.lower().startswith(("and ", "or ")):
                    ps += item.index(" ") + 1
                    item = item[item.index(" ") + 1 :]
                if item.lower().startswith("the "):
                    ps += 4
                    item = item[4:]
                if not item[:1].isupper() or any(a <= ps < b for a, b in covered):
                    continue
                runs = _cap_runs(text, ps, ps + len(item))
                if runs and runs[0][0] == ps:
                    cands.append((runs[0][0], runs[0][1], True))
    orgs: dict[str, Org] = {}
    aliases: dict[str, str] = {}
    cands.sort(key=lambda c: (c[0], -(c[1] - c[0])))
    for a, b, from_list in cands:
        a, b = _strip(text, a, b)
        name = text[a:b]
        if not name or "\n" in name or title_before(text, a):
            continue
        if not _is_orgish(name, from_list):
            continue
        key = aliases.get(name.lower(), name.lower())
        if key in orgs:
            orgs[key].spans.append((a, b, name))
            continue
        org = Org(name, [(a, b, name)])
        m = _ACRO.match(text, b)
        if m and m.group(1).lower() != name.lower():
            org.acronym = m.group(1)
            org.spans.append((m.start(1), m.end(1), m.group(1)))
            aliases[m.group(1).lower()] = key
            orgs.pop(m.group(1).lower(), None)
        orgs[key] = org
    # acronyms seen alone elsewhere, and shorter names contained in longer ones
    out = []
    names = [o.name.lower() for o in orgs.values()]
    for o in orgs.values():
        low = o.name.lower()
        if any(low != n and re.search(rf"\b{re.escape(low)}\b", n) for n in names):
            continue
        out.append(o)
    return sorted(out, key=lambda o: o.spans[0][0])


def acronym_map(orgs: list[Org]) -> dict[str, str]:
    return {o.acronym: o.name for o in orgs if o.acronym}
