"""One enforcement front: an agency told beside ICE stays a target when the action faces it too (its
venue, the addressee of a demand), and no target is only the first words of another. Places and
people are invented."""

from __future__ import annotations

from datetime import date

from protestdb.extract import extract_text


def _targets(text: str) -> list[str]:
    (ev,) = extract_text(text, date(2025, 4, 14), geocode=False).events
    return list(ev.targets)


def test_the_department_at_whose_office_the_rally_is_stays() -> None:
    text = ("Some 90 neighbors rallied on Monday in front of the Department of Homeland Security building in "
            "Riverton, asking that the Department of Homeland Security free two jailed bakers held by ICE.")
    targets = _targets(text)
    assert "Department of Homeland Security" in targets and "ICE" in targets


def test_an_agency_addressed_by_the_demand_stays_whole() -> None:
    text = ("Some 90 neighbors marched on Monday in Riverton, demanding that Customs and Border Protection and "
            "ICE stop holding orchard workers.")
    targets = _targets(text)
    assert "ICE" in targets and "Customs and Border Protection" in targets
    assert "Customs" not in targets
