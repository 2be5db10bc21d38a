"""Loading the lexicons of ``extract/data`` (JSON files) and compiling their patterns once."""

from __future__ import annotations

import json
import re
from functools import cache, lru_cache
from importlib import resources
from typing import Any

DATA_PACKAGE = "protestdb.extract.data"


@cache
def load(name: str) -> dict[str, Any]:
    """The JSON lexicon ``data/<name>.json`` (cached)."""
    ref = resources.files(DATA_PACKAGE).joinpath(f"{name}.json")
    return json.loads(ref.read_text(encoding="utf-8"))


@cache
def load_lang(name: str, lang: str) -> dict[str, Any]:
    """``data/<name>_<lang>.json``, falling back to English when the language has none."""
    try:
        return load(f"{name}_{lang}")
    except FileNotFoundError:
        return load(f"{name}_en")


@lru_cache(maxsize=4096)
def rx(pattern: str, flags: int = re.IGNORECASE) -> re.Pattern[str]:
    """A compiled pattern (cached)."""
    return re.compile(pattern, flags)


def any_rx(patterns: tuple[str, ...] | list[str]) -> re.Pattern[str]:
    """One alternation of several patterns (case-insensitive), compiled once."""
    return rx("|".join(f"(?:{p})" for p in patterns))
