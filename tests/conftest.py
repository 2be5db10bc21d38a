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


# publication dates the written test articles are told against
MAR_12_2025 = date(2025, 3, 12)
APR_14_2025 = date(2025, 4, 14)
MAY_14_2025 = date(2025, 5, 14)


def report_events(text: str, published: date | None, *, geocode: bool = True) -> list:
    """The events of ``text``, which must be judged a protest report."""
    from protestdb.extract import extract_text

    res = extract_text(text, published, geocode=geocode)
    assert res.is_protest_report
    return res.events


def event_targets(text: str, published: date | None, *, geocode: bool = True) -> list[str]:
    """All targets of all events of ``text``."""
    return [t for e in report_events(text, published, geocode=geocode) for t in e.targets]


def localities(events: list) -> list[str | None]:
    return [e.locality for e in events]


def event_places(res) -> set[tuple[str | None, str | None]]:
    """(locality, state) of each event of an extraction result."""
    return {(e.locality, e.state) for e in res.events}


def gazetteer_states(text: str) -> dict[str, str | None]:
    """Each place the gazetteer finds in ``text`` -> its state."""
    from protestdb.geo import find_places

    return {p.quote: p.state for p in find_places(text)}


def org_names(text: str) -> list[str]:
    """The organizations ``find_orgs`` reads in the whole of ``text``."""
    from protestdb.extract.nlp import load_nlp
    from protestdb.extract.orgs import find_orgs

    return [o.name for o in find_orgs(text, [(0, len(text))], load_nlp()(text))]


def place_labels(nlp, text: str, ents: dict[str, str]) -> dict[str, str]:
    """Tokenise ``text``, label the first mention of each name in ``ents`` ("Name#2": its second
    mention), run the correction, and give each name's label after it."""
    doc = nlp(text)  # the parse (dependencies) of the real pipeline, the entities set below
    spans = {}
    for key, label in ents.items():
        name, _, nth = key.partition("#")
        a = -1
        for _ in range(int(nth or 1)):
            a = text.index(name, a + 1)
        sp = doc.char_span(a, a + len(name), label=label)
        assert sp is not None, key
        spans[key] = sp
    doc.ents = list(spans.values())
    from protestdb.extract.place_names import place_names

    doc = place_names(doc)
    got = {(e.start, e.end): e.label_ for e in doc.ents}
    return {key: got.get((sp.start, sp.end), "-") for key, sp in spans.items()}
