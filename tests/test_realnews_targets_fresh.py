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
    assert ev.organizations == ["Towns Against the Trump Agenda (TATTA) Coalition"]  # its group word after the acronym


def test_an_agency_written_out_beside_its_known_short_form_is_told_once() -> None:
    (ev,) = _events("DUNMORE, Pa. (WXYZ) — Some 80 demonstrators rallied at the U.S. Immigration and Customs "
                    "Enforcement field office in Dunmore late Friday to send a message to President Donald Trump "
                    "about deportations.\nICE officials said the arrests were routine.\n")
    assert sorted(ev.targets) == ["Donald Trump", "ICE"]


def test_initials_alone_are_not_dropped_for_an_unrelated_long_name() -> None:
    from protestdb.extract.fillers import _told_already

    assert _told_already("Harbor Port Authority", ["HPA"])
    assert not _told_already("Harbor Port Authority", ["ICE"])
    assert not _told_already("ICE", ["Immigration and Customs Enforcement"])


def test_the_other_side_of_failed_talks_is_the_strikers_target() -> None:
    (ev,) = _events("Nurses strike in Dunmore\n\nDUNMORE, Pa. -- About 400 nurses went on strike Monday at Dunmore "
                    "General Hospital after talks between the Dunmore Nurses Association and the Lakeside Health "
                    "System failed.\n")
    assert ev.organizations == ["Dunmore Nurses Association"]
    assert ev.targets == ["Lakeside Health System"]


def test_talks_between_two_unions_name_no_target() -> None:
    from protestdb.extract.targets_counterpart import talks_counterpart

    text = "Talks between the Harbor Nurses Union and the Harbor Teachers Association went on."
    assert talks_counterpart(text, [(0, len(text))], set()) is None
    text = "Negotiations broke down between the Harbor Union of School Employees(HUSE) and the Harbor Government."
    assert talks_counterpart(text, [(0, len(text))], set())[2] == "Harbor Government"


def test_a_protest_of_the_states_own_measure_targets_the_state() -> None:
    (ev,) = _events("Health workers protest vaccine mandate in Dunmore\n\nDUNMORE, Pa. -- Dozens of health care "
                    "workers rallied Saturday outside Dunmore General Hospital to protest the state's vaccine "
                    "mandate.\n")
    assert ev.targets == ["Pennsylvania State"]


def test_a_state_measure_abroad_or_without_a_state_names_nothing() -> None:
    from protestdb.extract.targets_counterpart import state_measure

    text = "Workers rallied to protest the state's vaccine mandate."
    assert state_measure(text, [(0, len(text))], None) is None
    text = "Workers rallied to protest the state of the roads."
    assert state_measure(text, [(0, len(text))], "Ohio") is None


def test_a_killing_by_a_city_police_officer_names_the_city_police() -> None:
    from protestdb.extract.nlp import load_nlp
    from protestdb.extract.targets_frames import police_of_killing

    for text in ("The man was shot in the back by a Cleveland police officer during a traffic stop.",
                 "Marchers named the Cleveland police officers who fatally shot him last year."):
        found = police_of_killing(text, load_nlp()(text), 0, len(text))
        assert [n for n, _ in found] == ["Cleveland Police Department"], text


def test_a_sit_in_in_a_congress_office_building_targets_that_chamber() -> None:
    (ev,) = _events("Capitol Police arrest 20 at health care sit-in\n\nWASHINGTON -- Disability rights activists "
                    "staged a sit-in on Thursday in the Harbor Senate Office Building to protest cuts to home care. "
                    "Capitol Police arrested 20 people.\n")
    assert ev.targets == ["U.S. Senate"]
    from protestdb.extract.targets_counterpart import congress_office

    text = "Protesters marched past the Harbor County Office Building."
    assert congress_office(text, [(0, len(text))]) is None
