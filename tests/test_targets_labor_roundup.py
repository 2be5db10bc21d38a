"""A labor action in many places against one employer: the employer the headline or the text
told for the whole action names is every place's target (``targets_shared``, ``fillers``) --
on sentences written here."""

from __future__ import annotations

from datetime import date

from protestdb.extract import extract_text

WALKOUT = (
    "Corvane Analytics employees leave their desks in cities worldwide over pay gap\n\n"
    "Hundreds of Corvane Analytics employees across several countries held walkouts on Wednesday to protest a "
    "bonus freeze and unequal wages.\n\n"
    "The first walkout began at noon in Osaka, and colleagues elsewhere did the same at noon local time.\n\n"
    "Employees also walked out at the Madrid, Lisbon and Toronto offices."
)

STRIKE = (
    "The Freight Handlers union began a strike against Boxline early Monday at warehouses in "
    "Oregon and Ohio.\n\n"
    "Union leaders say hundreds of Boxline employees stopped working before dawn.\n\n"
    "The strike covers warehouses in Eugene, Medford and Dayton, Ohio."
)

NURSES = (
    "Nurses strike at two hospitals\n\n"
    "Nurses walked off the job on Tuesday in two cities over staffing.\n\n"
    "In Dayton, nurses at Riverbend Medical Group picketed outside the main entrance.\n\n"
    "In Toledo, nurses at Lakeshore Care Partners held signs along the road."
)


def _targets(text: str) -> dict[str | None, list[str]]:
    return {e.locality: list(e.targets) for e in extract_text(text, date(2025, 3, 10)).events}


def test_the_employer_of_a_worldwide_walkout_goes_to_every_city() -> None:
    got = _targets(WALKOUT)
    assert {"Osaka", "Madrid", "Toronto"} <= set(got)
    assert all(t == ["Corvane Analytics"] for t in got.values()), got


def test_a_strike_against_the_company_named_first_goes_to_each_facility() -> None:
    got = _targets(STRIKE)
    assert {"Eugene", "Medford", "Dayton"} <= set(got)
    assert all("Boxline" in t for t in got.values()), got


def test_employers_of_single_sites_stay_with_their_city() -> None:
    got = _targets(NURSES)
    assert "Lakeshore Care Partners" not in got.get("Dayton", [])
    assert "Riverbend Medical Group" not in got.get("Toledo", [])


def test_an_employer_only_the_body_names_is_no_whole_action_employer() -> None:
    # the headline and first sentence name no company: staff of one firm told further down is
    # not the employer of every place
    text = ("Workers walk out in three cities\n\n"
            "Workers in three cities walked off the job on Thursday over pay.\n\n"
            "The walkouts took place in Tokyo, London and Chicago.\n\n"
            "Some Nimbus staff joined the crowds.")
    got = _targets(text)
    assert all("Nimbus" not in t for t in got.values()), got


def test_an_employer_goes_only_to_its_own_staffs_places() -> None:
    # the lede tells one company's nurses and another group's strike: the drivers' towns are not
    # the company's
    text = ("Walkout week: Pinecrest Medical Partners nurses and county bus drivers stop work\n\n"
            "Nurses at Pinecrest Medical Partners walked off the job on Monday in Fort Wayne, and bus drivers "
            "struck in Lansing and Kalamazoo over overtime.\n\n"
            "In Lansing, drivers picketed outside the bus garage.")
    got = _targets(text)
    assert "Pinecrest Medical Partners" not in got.get("Lansing", []), got
    assert "Pinecrest Medical Partners" not in got.get("Kalamazoo", []), got
