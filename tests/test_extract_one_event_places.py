"""One-event pages whose main event is placed by a word told in passing: a university told as
one person's tag ("an Elmwood State University student") is no site; a Spanish adverb at a
sentence's start ("Solo ...") is no town; protesters blocking a roadway tell a blockade where
the roadway is."""

from __future__ import annotations

from datetime import date

import pytest

from conftest import report_events

PUB = date(2024, 5, 10)


@pytest.mark.regression("a university told as one person's tag is no site of the action")
def test_one_members_university_is_no_site() -> None:
    from protestdb.extract.places import alumni_of

    text = "A protester, an Elmwood State University student, held a sign."
    start = text.index("Elmwood State University")
    end = start + len("Elmwood State University")
    assert alumni_of(text, end, "en", start)
    plural = "Elmwood State University students walked out on Monday."
    assert not alumni_of(plural, len("Elmwood State University"), "en", 0)


@pytest.mark.regression("a university told as one person's tag locates no event")
def test_one_members_university_locates_no_event() -> None:
    text = ("A small group of protesters gathered outside the candidate's rally on Wednesday to oppose his "
            "plan to bar refugees.\n\nProtester Jo Lindqvist, an Oregon State University student, waved a "
            "sign that read Refugees Welcome.")
    evs = report_events(text, PUB)
    assert evs
    assert all(e.locality != "Corvallis" for e in evs)


@pytest.mark.regression("a Spanish adverb opening a sentence is no town")
def test_spanish_solo_is_no_town() -> None:
    from protestdb.geo.places import find_places

    text = "Los manifestantes cortaron la avenida.\nSolo pasaron unos minutos antes de que llegara la policía."
    assert not any(pm.quote == "Solo" for pm in find_places(text))


@pytest.mark.regression("protesters blocking a roadway is a blockade told where the roadway is")
def test_blocked_roadway_is_a_blockade_in_its_town() -> None:
    text = ("Nine protesters were arrested on Friday night after officers said they blocked the roadway outside "
            "the county jail in downtown Greeley.\n\nThe protesters sat down in the street and refused to move.")
    evs = report_events(text, PUB)
    assert any(e.locality == "Greeley" and "blockade" in e.event_type for e in evs)
