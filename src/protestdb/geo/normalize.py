"""Name normalisation shared by the index compiler and the resolver.

``norm_name("St. Louis")`` -> ``"saint louis"``; abbreviations and suffix rules are data
(``data/aliases.json``).
"""

from __future__ import annotations

import json
import re
import unicodedata
from functools import lru_cache
from importlib import resources

_PUNCT = re.compile(r"[^a-z0-9 ]+")
_SPACES = re.compile(r"\s+")


@lru_cache(maxsize=1)
def aliases() -> dict:
    """The alias data: token abbreviations, prefixes/suffixes to strip, name aliases."""
    with resources.files("protestdb.geo").joinpath("data/aliases.json").open(encoding="utf-8") as fh:
        return json.load(fh)


def ascii_fold(text: str) -> str:
    """Strip accents: "San José" -> "San Jose"."""
    return unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")


@lru_cache(maxsize=65536)
def norm_name(name: str) -> str:
    """Lower-case, accent-free, punctuation-free, abbreviations expanded."""
    s = ascii_fold(name).lower().replace("&", " and ").replace("'", "").replace("\u2019", "")
    s = _PUNCT.sub(" ", s)
    toks = s.split()
    abbr = aliases()["token_abbreviations"]
    toks = [abbr.get(t, t) for t in toks]
    return " ".join(toks)


def name_variants(name: str) -> list[str]:
    """Normalised forms to try in order: as is, then with "City of"/"Township" etc. removed."""
    base = norm_name(name)
    out = [base]
    al = aliases()
    alias = al["name_aliases"].get(base)
    if alias:
        out.append(norm_name(alias))
    for pre in al["strip_prefixes"]:
        if base.startswith(pre + " "):
            out.append(base[len(pre) + 1 :])
    for suf in al["strip_suffixes"]:
        if base.endswith(" " + suf):
            out.append(base[: -len(suf) - 1])
    # "Fort Lee Borough" -> also try the rest without any parenthetical/comma parts
    return list(dict.fromkeys(v for v in out if v))


def clean_spaces(s: str) -> str:
    return _SPACES.sub(" ", s).strip()
