"""Issue 9: targets as fresh pages (the never-analysed half of dev4) name them -- never a name
read from inside an organization's name.

All sentences are written for these tests (no real page text)."""

from __future__ import annotations

from datetime import date

from protestdb.extract import extract_text


def _events(text: str) -> list:
    return list(extract_text(text, date(2024, 5, 6)).events)


def test_a_leader_named_inside_a_group_name_is_no_target() -> None:
    (ev,) = _events("Hundreds rally in Dunmore\n\nDUNMORE, Pa. -- Hundreds of people gathered on Saturday to protest "
                    "the Trump administration with a rally at Veterans Park. Led by the Towns Against the Trump "
                    "Agenda (TATTA) Coalition, speakers criticized cuts to schools.\n")
    assert ev.targets == ["Trump administration"]
    assert ev.organizations == ["Towns Against the Trump Agenda"]


def test_an_agency_written_out_beside_its_known_short_form_is_told_once() -> None:
    (ev,) = _events("DUNMORE, Pa. (WXYZ) — About 80 people gathered outside the U.S. Immigration and Customs "
                    "Enforcement headquarters in downtown Dunmore on Friday night for a protest, sending a message "
                    "to President Donald Trump about deportations.\nICE officials said the arrests were routine.\n")
    assert sorted(ev.targets) == ["Donald Trump", "ICE"]


def test_initials_alone_are_not_dropped_for_an_unrelated_long_name() -> None:
    from protestdb.extract.fillers import _told_already

    assert _told_already("Harbor Port Authority", ["HPA"])
    assert not _told_already("Harbor Port Authority", ["ICE"])
    assert not _told_already("ICE", ["Immigration and Customs Enforcement"])
