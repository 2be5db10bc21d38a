"""The founding article must give exactly its five events (reads ../shared; skipped if absent)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from protestdb.extract import extract_text

SHARED = Path(__file__).parents[1].parent / "shared"
SEED = SHARED / "seed" / "day-without-immigrants-2025.txt"

pytestmark = pytest.mark.skipif(not SEED.exists(), reason="shared seed article not available")


@pytest.fixture(scope="module")
def result():
    return extract_text(SEED.read_text(encoding="utf-8"), date(2025, 3, 3))


def test_five_events(result) -> None:
    assert result.is_protest_report
    got = sorted((e.locality or "", e.state or "") for e in result.events)
    assert got == [("", ""), ("Elizabeth", "NJ"), ("Los Angeles", "CA"), ("Los Angeles", "CA"), ("San Jose", "CA")]
    assert {e.date for e in result.events} == {"2025-03-03"}


def _by(result, locality, type_):
    return next(e for e in result.events if e.locality == locality and type_ in e.event_type)


def test_fields(result) -> None:
    mariachi = _by(result, "Los Angeles", "rally")
    assert mariachi.event_type == ["rally", "march"]
    assert mariachi.location == "Mariachi Plaza, Boyle Heights"
    assert mariachi.size_text == "hundreds" and mariachi.size_low == 200
    assert mariachi.organizations == [
        "National Day Laborer Organizing Network",
        "Los Jornaleros Del Norte",
        "Party for Socialism and Liberation",
    ]
    elizabeth = _by(result, "Elizabeth", "rally")
    assert {"ICE", "CoreCivic"} <= set(elizabeth.targets)
    assert _by(result, "San Jose", "walkout").event_type == ["walkout"]
    usc = next(e for e in result.events if e.locality == "Los Angeles" and e is not mariachi)
    assert usc.event_type == ["march"]
    assert usc.organizations == ["Service Employees International Union-United Service Workers West"]
    nationwide = next(e for e in result.events if e.locality is None)
    assert nationwide.country == "US" and "boycott" in nationwide.event_type
    for ev in result.events:
        assert ev.size_low is None or ev.size_low < 10_000  # "15 and 20 million immigrants" is no crowd


def test_every_filled_field_has_evidence(result) -> None:
    text = result.text
    for ev in result.events:
        for field in ev.filled_fields():
            spans = ev.evidence.get(field)
            assert spans, f"{field} of {ev.locality} has no evidence"
            for sp in spans:
                assert text[sp.start : sp.end] == sp.quote
