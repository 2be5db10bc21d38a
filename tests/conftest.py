"""Shared fixtures and helpers of the test suite (tests/ is on sys.path: ``from conftest import X``)."""

from __future__ import annotations

import os
from datetime import date
from pathlib import Path

import pytest

# errors that a production run logs and survives (a geocoder failure) re-raise in tests
os.environ.setdefault("PROTESTDB_STRICT", "1")

#: the shared folder beside the checkout (the seed article, the shared gold)
SHARED = Path(__file__).parents[1].parent / "shared"
if not SHARED.exists():
    SHARED = Path("/work/shared")
SEED = SHARED / "seed" / "day-without-immigrants-2025.txt"
SEED_PUBLISHED = date(2025, 3, 3)


@pytest.fixture(scope="session")
def nlp():
    """The English spaCy pipeline (loaded once)."""
    from protestdb.extract.nlp import load_nlp

    return load_nlp()


@pytest.fixture
def extract():
    """``extract_text`` (geocoding on), for tests that build texts of their own."""
    from protestdb.extract import extract_text

    return extract_text
