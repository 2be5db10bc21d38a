"""Language detection, restricted to the languages protestdb has lexicons for."""

from __future__ import annotations

import pytest

from protestdb.extract.language import SUPPORTED_LANGUAGES, detect_language


@pytest.mark.parametrize(
    "text, lang",
    [
        ("Hundreds of students walked out of class on Monday to protest the new policy.", "en"),
        ("Cientos de personas marcharon ayer por el centro de la ciudad contra la reforma.", "es"),
        ("Des milliers de manifestants ont défilé samedi dans les rues de la capitale.", "fr"),
        ("Milhares de pessoas protestaram no domingo contra o aumento das tarifas.", "pt"),
        ("Tausende Menschen demonstrierten am Samstag gegen die neuen Gesetze.", "de"),
    ],
)
def test_detects_supported_languages(text, lang):
    assert detect_language(text) == lang


def test_no_language_for_empty_or_non_text():
    assert detect_language("") is None
    assert detect_language("12345 !!! 678") is None


def test_only_supported_codes_and_reads_the_start():
    assert set(SUPPORTED_LANGUAGES) == {"en", "es", "fr", "pt", "de"}
    # Italian is not supported: the answer is still one of ours (or None)
    assert detect_language("Migliaia di persone hanno manifestato sabato a Roma.") in (*SUPPORTED_LANGUAGES, None)
    # only the first ~2000 characters are read
    text = "Workers marched to the capitol to demand higher wages. " * 40 + "Los trabajadores marcharon. " * 400
    assert detect_language(text) == "en"
