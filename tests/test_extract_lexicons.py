"""Lexicons are checked against extract/data/schema.json when loaded: a missing or renamed key
is an error, not a rule silently turned off."""

from __future__ import annotations

import json
from importlib import resources

import pytest

from protestdb.extract import lexicons
from protestdb.extract.lexicons import LexiconError, validate


def _data_names() -> list[str]:
    files = resources.files("protestdb.extract.data").iterdir()
    return sorted(f.name[:-5] for f in files if f.name.endswith(".json") and f.name != "schema.json")


@pytest.mark.parametrize("name", _data_names())
def test_every_lexicon_matches_its_schema(name: str) -> None:
    lexicons.read(name)  # raises on a mismatch


def test_a_renamed_key_raises() -> None:
    data = dict(lexicons.read("triggers_en"))
    data["kinds"] = data.pop("types")  # "types" renamed
    with pytest.raises(LexiconError, match="types"):
        validate("triggers_en", data)


def test_a_wrong_type_raises() -> None:
    data = dict(lexicons.read("relevance"))
    data["threshold"] = "3"
    with pytest.raises(LexiconError, match="threshold"):
        validate("relevance", data)


def test_a_lexicon_without_schema_entry_raises() -> None:
    with pytest.raises(LexiconError, match="no entry"):
        validate("made_up_xx", {"a": 1})


def test_new_keys_are_allowed() -> None:
    data = dict(lexicons.read("prefilter"))
    data["extra"] = ["x"]
    validate("prefilter", data)


def test_load_raises_on_a_broken_file(monkeypatch: pytest.MonkeyPatch) -> None:
    """The loader itself checks: a file missing a key fails on load, with the key's name."""
    broken = {"_doc": "a broken copy", "keywords_renamed": ["protest"]}

    class _Ref:
        def joinpath(self, name: str) -> _Ref:
            self.name = name
            return self

        def read_text(self, encoding: str = "utf-8") -> str:
            if self.name == "schema.json":
                return resources.files("protestdb.extract.data").joinpath("schema.json").read_text(encoding=encoding)
            return json.dumps(broken)

    monkeypatch.setattr(lexicons.resources, "files", lambda _pkg: _Ref())
    with pytest.raises(LexiconError, match="keywords"):
        lexicons.read("prefilter")
