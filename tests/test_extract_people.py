"""Participants (kinds of people) of an event."""

from __future__ import annotations

import pytest

from conftest import (
    MAY_14_2025,
    report_events,
)


@pytest.mark.regression("no participants from inside a name")
def test_no_participants_from_inside_a_name() -> None:
    text = (
        "LUBBOCK, Texas — About 200 people rallied with Teachers for Open Libraries outside the "
        "county library on Friday to protest book removals."
    )
    ev = report_events(text, MAY_14_2025)[0]
    assert "teachers" not in ev.participants


@pytest.mark.regression("participant word inside a cued name is not a participant")
def test_participant_word_inside_a_cued_name_is_not_a_participant() -> None:
    text = (
        "RENO, Nev. — Members of Nurses for Quiet Skies held a rally at Idlewild Park on Saturday, "
        "demanding limits on night flights. Retirees joined them."
    )
    ev = report_events(text, MAY_14_2025)[0]
    assert "Nurses for Quiet Skies" in ev.organizations
    assert "nurses" not in ev.participants
