"""Issue 9: targets of real-news events -- public figures in opposing frames, the institution an
action is aimed at, and what is never a target.

All sentences are written for these tests (no real page text)."""

from __future__ import annotations

from datetime import date

from protestdb.extract import extract_text
from protestdb.extract.leaders import article_targets

PUB = date(2025, 4, 7)


def _targets(text: str, published: date = PUB) -> list[list[str]]:
    res = extract_text(text, published)
    assert res.events, text
    return [list(ev.targets) for ev in res.events]


def test_a_known_figure_by_short_name_in_an_opposing_frame() -> None:
    # "Trump" alone, never told in full: the lexicon of public figures names him
    for text in (
        "Hundreds marched through Omaha on Sunday in protest of the actions of President Trump, police said.",
        "About 400 people marched in Boise on Saturday against Trump's tariffs, organizers said.",
    ):
        assert _targets(text) == [["Donald Trump"]], text


def test_a_chant_naming_a_leader() -> None:
    assert _targets("About 300 people marched in Mombasa, Kenya on Tuesday, chanting “Ruto must go!”.") == [["William Ruto"]]


def test_the_government_of_a_figure() -> None:
    text = ("Roughly 250 people demonstrated in Provo on Monday. The demonstrations targeted the Trump "
            "administration’s layoffs, police said.")
    assert _targets(text) == [["Trump administration"]]


def test_a_figure_outside_an_opposing_frame_is_no_target() -> None:
    for text in (
        "About 300 people rallied outside Trump Tower in Chicago on Sunday in support of Ukraine.",
        "About 200 people marched in Reno on Sunday for school funding; Trump supporters watched from a corner.",
    ):
        assert _targets(text) == [[]], text


def test_article_targets_needs_the_frame_not_the_tag() -> None:
    from protestdb.extract.nlp import load_nlp

    text = "Protesters in Lille denounced Macron’s plan on Thursday."
    names = [n for n, _ in article_targets(text, load_nlp()(text))]
    assert names == ["Emmanuel Macron"]


def test_a_figure_the_report_opposes_goes_to_every_event() -> None:
    # (as coders do: a day of action against a leader whose rally outside a detention center
    # also names the agency lists both)
    text = (
        "Day of action against Trump's deportation push\n\n"
        "About 300 people rallied on Saturday outside the ICE processing center in Tacoma, Washington, "
        "organizers said. In Spokane, Washington, about 150 students walked out of classes on Saturday."
    )
    by_city = {ev.locality: list(ev.targets) for ev in extract_text(text, PUB).events}
    assert by_city["Tacoma"] == ["ICE", "Donald Trump"]
    assert by_city["Spokane"] == ["Donald Trump"]


def test_a_campus_action_targets_its_school() -> None:
    text = ("About 80 students set up an encampment on Tuesday at Ridgefield University in Dayton, Ohio, "
            "demanding that the school divest from weapons makers.")
    assert _targets(text) == [["Ridgefield University"]]


def test_a_march_across_a_campus_has_no_campus_target() -> None:
    text = "Hundreds marched across the Ridgefield University campus in Dayton, Ohio, on Saturday for abortion rights."
    assert _targets(text) == [[]]


def test_a_bill_is_replaced_by_the_legislature_of_its_sentence() -> None:
    text = ("About 2,000 people marched to Parliament in Harare, Zimbabwe, on Tuesday to protest against "
            "the Revenue Bill 2024, organizers said.")
    assert _targets(text) == [["Parliament"]]


def test_an_addressed_official_is_named_in_full() -> None:
    text = ("About 300 farmworkers rallied at the Capitol in Sacramento, California, on Friday to urge "
            "Gov. Dana Whitfield to sign the overtime bill, organizers said.")
    (tg,) = _targets(text)
    assert "Dana Whitfield" in tg
    assert "Governor of California" not in tg


def test_a_time_reference_is_no_opposing_frame() -> None:
    text = ("About 500 people rallied in Omaha, Nebraska, on Saturday for abortion rights, a year after "
            "President Trump's inauguration, organizers said.")
    assert _targets(text) == [[]]


def test_the_company_whose_headquarters_a_march_goes_to() -> None:
    text = ("Teachers in Riverton, California, went on strike Thursday over pay. Teachers picketed outside "
            "Riverton High School before marching to the Riverton Unified School District headquarters.")
    assert _targets(text) == [["Riverton Unified School District"]]


def test_protest_the_administration_of_a_figure() -> None:
    assert _targets("In Wichita on Sunday, several hundred residents plan to protest the Trump administration.") == [
        ["Trump administration"]]


def test_a_counter_protest_does_not_inherit_the_figure_opposed() -> None:
    text = ("About 400 people rallied in Boise, Idaho, on Saturday against Trump's tariffs, organizers said. "
            "A group of about 20 counter-protesters waving flags gathered across the street in Boise on Saturday.")
    by_type = {tuple(ev.event_type): list(ev.targets) for ev in extract_text(text, PUB).events}
    assert by_type[("rally",)] == ["Donald Trump"]
    assert by_type[("counter-protest",)] == []
