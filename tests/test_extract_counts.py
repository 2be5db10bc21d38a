"""Arrest and injury counts."""

from __future__ import annotations

import pytest

from protestdb.extract.counts import find_counts


def counts(text: str, lang: str = "en") -> list[tuple[str, int]]:
    found = find_counts(text, lang)
    assert all(text[c.start : c.end] == c.quote for c in found)
    return [(c.kind, c.value) for c in found]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Police arrested 12 people near the plaza.", [("arrests", 12)]),
        ("Officers say 12 people were arrested.", [("arrests", 12)]),
        ("There were three arrests by the end of the night.", [("arrests", 3)]),
        ("At least five protesters were detained.", [("arrests", 5)]),
        ("Police made 15 arrests.", [("arrests", 15)]),
        ("Two people were briefly detained after a scuffle.", [("arrests", 2)]),
        ("Dozens were detained after the sit-in.", [("arrests", 24)]),
        ("No arrests were reported.", [("arrests", 0)]),
        ("No one was arrested, police said.", [("arrests", 0)]),
        ("A protester was arrested for trespassing.", [("arrests", 1)]),
        ("Two officers were injured.", [("injuries", 2)]),
        ("A car drove into the crowd, injuring four.", [("injuries", 4)]),
        ("No injuries were reported.", [("injuries", 0)]),
        ("Nobody was hurt.", [("injuries", 0)]),
        (
            "Police arrested 20 demonstrators outside the ICE facility; three people were hospitalized.",
            [("arrests", 20), ("injuries", 3)],
        ),
    ],
)
def test_counts(text, expected):
    assert counts(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "ICE agents detained 200 people in the raids.",
        "Fifty migrants were detained at the border last month.",
        "Hundreds of people marched peacefully.",
        "The arrests of activists abroad drew criticism.",
    ],
)
def test_not_protest_counts(text):
    assert counts(text) == []


def test_offsets_and_order():
    text = "Two officers were injured. Later police arrested 7 protesters."
    found = find_counts(text)
    assert [c.kind for c in found] == ["injuries", "arrests"]
    assert found[0].start < found[1].start


def test_spanish():
    text = "La policía detuvo a 20 manifestantes. 15 personas fueron detenidas. No hubo heridos. Tres agentes resultaron heridos."
    assert counts(text, "es") == [("arrests", 20), ("arrests", 15), ("injuries", 0), ("injuries", 3)]
