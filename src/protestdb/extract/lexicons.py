"""Loading the lexicons of ``extract/data`` (JSON files) and compiling their patterns once."""

from __future__ import annotations

import json
import re
from functools import cache, lru_cache
from importlib import resources
from typing import Any

DATA_PACKAGE = "protestdb.extract.data"


class LexiconError(KeyError):
    """A lexicon file does not match its schema (``data/schema.json``): a missing or renamed
    key, or a value of the wrong type."""

    def __str__(self) -> str:  # KeyError quotes its message; this one is a sentence
        return str(self.args[0]) if self.args else ""


_JSON_TYPES: dict[str, tuple[type, ...]] = {
    "string": (str,), "array": (list,), "object": (dict,), "integer": (int,), "number": (int, float),
    "boolean": (bool,), "null": (type(None),),
}


@cache
def _schema() -> dict[str, Any]:
    ref = resources.files(DATA_PACKAGE).joinpath("schema.json")
    return json.loads(ref.read_text(encoding="utf-8"))


def validate(name: str, data: Any, schema: dict[str, Any] | None = None) -> None:
    """Check lexicon ``name`` against its schema entry; raise :class:`LexiconError` when a
    required key is missing or has the wrong type. A lexicon without an entry is an error."""
    schema = _schema() if schema is None else schema
    spec = schema.get(name)
    if spec is None:
        raise LexiconError(f"lexicon {name!r} has no entry in extract/data/schema.json")
    if not isinstance(data, dict):
        raise LexiconError(f"lexicon {name!r} is not a JSON object")
    missing = [k for k in spec if k not in data]
    if missing:
        raise LexiconError(f"lexicon {name!r} lacks required key(s) {', '.join(missing)} (renamed?)")
    for key, typ in spec.items():
        allowed = tuple(t for part in typ.split("|") for t in _JSON_TYPES[part])
        if not isinstance(data[key], allowed) or (isinstance(data[key], bool) and bool not in allowed):
            raise LexiconError(f"lexicon {name!r}: key {key!r} should be {typ}, not {type(data[key]).__name__}")


def read(name: str) -> dict[str, Any]:
    """``data/<name>.json`` read and checked against its schema (not cached; ``load`` is)."""
    ref = resources.files(DATA_PACKAGE).joinpath(f"{name}.json")
    data = json.loads(ref.read_text(encoding="utf-8"))
    validate(name, data)
    return data


@cache
def load(name: str) -> dict[str, Any]:
    """The JSON lexicon ``data/<name>.json``, checked against its schema (cached)."""
    return read(name)


@cache
def load_lang(name: str, lang: str) -> dict[str, Any]:
    """``data/<name>_<lang>.json``, falling back to English when the language has none."""
    try:
        return load(f"{name}_{lang}")
    except FileNotFoundError:
        return load(f"{name}_en")


def lang_entry(name: str, lang: str, key: str) -> Any:
    """The ``key`` of ``data/<name>_<lang>.json`` (English fallback), or None when the lexicon
    or the key is missing: for optional entries a rule does without."""
    try:
        return load_lang(name, lang).get(key)
    except (FileNotFoundError, KeyError):
        return None


def words_alternation(words: Any) -> str | None:
    """A regex alternation of literal-ish lexicon words, longest first (None for no words)."""
    return "|".join(sorted(words, key=len, reverse=True)) if words else None


@lru_cache(maxsize=4096)
def rx(pattern: str, flags: int = re.IGNORECASE) -> re.Pattern[str]:
    """A compiled pattern (cached)."""
    return re.compile(pattern, flags)


def any_rx(patterns: tuple[str, ...] | list[str]) -> re.Pattern[str]:
    """One alternation of several patterns (case-insensitive), compiled once."""
    return _any_rx(tuple(patterns))


@lru_cache(maxsize=1024)
def _any_rx(patterns: tuple[str, ...]) -> re.Pattern[str]:
    return rx("|".join(f"(?:{p})" for p in patterns))
