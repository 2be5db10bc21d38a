"""Language of an article's text (lingua, restricted to the languages we have lexicons for)."""

from __future__ import annotations

from functools import lru_cache
from typing import Any

from lingua import Language, LanguageDetector, LanguageDetectorBuilder

from protestdb.extract.lexicons import load


@lru_cache(maxsize=1)
def _config() -> dict[str, Any]:
    return load("lang_supported")


#: ISO 639-1 codes detect_language() can return.
SUPPORTED_LANGUAGES: tuple[str, ...] = tuple(_config()["languages"])


@lru_cache(maxsize=1)
def _detector() -> tuple[LanguageDetector, dict[Language, str]]:
    langs = {getattr(Language, name): code for code, name in _config()["languages"].items()}
    detector = LanguageDetectorBuilder.from_languages(*langs).with_preloaded_language_models().build()
    return detector, langs


def detect_language(text: str) -> str | None:
    """ISO 639-1 code of ``text`` among :data:`SUPPORTED_LANGUAGES`, or None if it cannot tell.

    Only the first ~2000 characters are read; the detector is built once per process.
    """
    if not text:
        return None
    cfg = _config()
    sample = text[: cfg["max_chars"]]
    if sum(ch.isalpha() for ch in sample) < cfg["min_letters"]:
        return None
    detector, codes = _detector()
    lang = detector.detect_language_of(sample)
    return codes.get(lang) if lang is not None else None
