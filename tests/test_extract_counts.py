"""Arrest and injury counts."""

from __future__ import annotations

import pytest

from conftest import (
    APR_14_2025,
    report_events,
)
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


# --- regression cases ------------------------------------------------------------


@pytest.mark.regression("zero arrests for all events of a roundup")
def test_zero_arrests_for_all_events_of_a_roundup() -> None:
    text = (
        "Teachers rallied in several cities on Saturday against school budget cuts.\n\n"
        "DAYTON, Ohio — About 300 teachers rallied outside the school board offices.\n\n"
        "TOLEDO, Ohio — Roughly 150 teachers marched along the riverfront.\n\n"
        "Police in both cities said no one was arrested."
    )
    evs = [e for e in report_events(text, APR_14_2025, geocode=False) if e.locality]
    assert {e.locality for e in evs} >= {"Dayton", "Toledo"}
    assert all(e.arrests == 0 for e in evs)


@pytest.mark.regression("arrest count goes to the city named and no other gives zero")
def test_arrest_count_goes_to_the_city_named_and_no_other_gives_zero() -> None:
    text = (
        "Hundreds of people rallied in Fresno and Modesto on Saturday to protest water cuts.\n\n"
        "In Fresno, about 400 people marched to City Hall. In Modesto, about 200 people rallied at a park.\n\n"
        "Modesto police said three people were arrested after a scuffle. No other arrests were reported."
    )
    by_city = {e.locality: e for e in report_events(text, APR_14_2025, geocode=False) if e.locality}
    assert by_city["Modesto"].arrests == 3
    assert by_city["Fresno"].arrests == 0


@pytest.mark.regression("arrests not given to an announced event")
def test_arrests_not_given_to_an_announced_event() -> None:
    text = (
        "SALEM, Ore. — About 60 nurses marched outside Cascade Valley Hospital on Monday.\n\n"
        "The union said they plan to rally again Friday. Police reported no arrests."
    )
    evs = report_events(text, APR_14_2025, geocode=False)
    happened = [e for e in evs if not e.announced_only]
    assert happened and happened[0].arrests == 0
    assert all(e.arrests is None for e in evs if e.announced_only)


@pytest.mark.regression("arrest counts")
@pytest.mark.parametrize(
    ("sentence", "value"),
    [
        ("Officers cleared the camp before dawn, arresting 14 people.", 14),
        ("Police said one woman from the second group was arrested after she crossed a barricade.", 1),
    ],
)
def test_arrest_counts(sentence: str, value: int) -> None:
    counts = [c for c in find_counts(sentence) if c.kind == "arrests"]
    assert [c.value for c in counts] == [value]
