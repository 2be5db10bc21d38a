"""Issue 10, item 3: a suburb and its metro are not the same place unless the text says so.

A city told only as the reference point of an unnamed place ("a Denver suburb", "suburban
Chicago", "a town outside Houston", "a community 30 miles from Phoenix") gives no locality: the event keeps
the city's state. A venue in the city ("outside a Chicago hospital", "in Houston, outside the
courthouse") keeps the city; a suburb the text names is the site.

All sentences are written for these tests (no real page text)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from helpers import events_by_url, report_events
from protestdb.extract.places import unnamed_place_of

PUB = date(2025, 6, 15)


def _places(text: str) -> list[tuple[str | None, str | None]]:
    return [(e.locality, e.state) for e in report_events(text, PUB)]


@pytest.mark.parametrize(("text", "state"), [
    ("Hundreds of people rallied on Saturday in a Denver suburb in a protest against cuts to school funding.", "CO"),
    ("About 60 nurses picketed outside a hospital in suburban Chicago on Tuesday to demand more staff.", "IL"),
    ("Dozens of residents marched on Sunday in a town outside Houston to protest a planned landfill.", "TX"),
    ("Some 200 parents rallied on Monday in the Portland suburbs against the closure of two schools.", "OR"),
    ("About 80 farmers protested on Thursday in a small village north of Omaha against a new pipeline.", "NE"),
    ("Around 50 tenants demonstrated on Friday in a community 30 miles from Phoenix against rent increases.", "AZ"),
    ("Parents rallied on Monday in a wealthy suburb of Omaha against a plan to close two schools.", "NE"),
])
def test_a_city_told_as_an_unnamed_places_reference_gives_only_its_state(text: str, state: str) -> None:
    assert _places(text) == [(None, state)]


@pytest.mark.parametrize(("text", "city"), [
    ("About 60 nurses rallied outside a Chicago hospital on Tuesday to demand more staff.", ("Chicago", "IL")),
    ("Dozens of residents marched on Sunday in Houston, outside the courthouse, to protest a planned landfill.",
     ("Houston", "TX")),
    ("Hundreds of people rallied on Saturday outside City Hall in Denver against cuts to school funding.",
     ("Denver", "CO")),
    ("About 40 people marched on Friday in Lakewood, a Denver suburb, against cuts to school funding.",
     ("Lakewood", "CO")),
    ("About 40 people marched on Friday in the Denver suburb of Lakewood against cuts to school funding.",
     ("Lakewood", "CO")),
    # a smaller town told with its state after "suburban" is the suburb itself
    ("In suburban Naperville, Ill., about 150 people held a rally outside the courthouse against new tolls.",
     ("Naperville", "IL")),
    ("Hundreds rallied on Sunday in Evanston, a suburb of Chicago, against the new tolls.", ("Evanston", "IL")),
])
def test_a_venue_in_the_city_or_a_named_suburb_keeps_its_town(text: str, city: tuple[str, str]) -> None:
    assert _places(text) == [city]


def test_the_words_of_an_unnamed_place() -> None:
    text = ("in a Tulsa suburb; the Tulsa suburbs; suburban Tulsa; a town just outside Tulsa; "
            "45 miles south of Tulsa; a Tulsa hospital; outside Tulsa City Hall; in Tulsa")
    found = []
    for k in range(len(text)):
        if text.startswith("Tulsa", k):
            found.append(unnamed_place_of(text, k, k + 5))
    assert found == [True, True, True, True, True, False, False, False]
    # a venue of the city, and a smaller town told with its state, are not unnamed places
    for text in ("rallied outside the Tulsa City Council chambers", "rallied outside a Tulsa hospital",
                 "in Tulsa, outside the courthouse", "the march covered 5 miles from downtown Tulsa to the Capitol",
                 "marchers walked 12 miles from Tulsa to the state line"):
        k = text.index("Tulsa")
        assert not unnamed_place_of(text, k, k + 5)


SUBURB = ("Hundreds of teachers rallied on Saturday in a Denver suburb against cuts to school funding.\n\n"
          "The teachers carried signs and chanted outside the district office.")
CAPITOL = ("Hundreds of teachers rallied on Saturday at the Colorado State Capitol in Denver against cuts to "
           "school funding.\n\nThe teachers carried signs and chanted on the Capitol steps.")


def test_a_suburb_rally_and_the_citys_own_rally_stay_two_events(tmp_path: Path) -> None:
    pages = [{"text": SUBURB, "url": "https://a.example/suburb", "published": "2025-06-15"},
             {"text": CAPITOL, "url": "https://b.example/capitol", "published": "2025-06-15"}]
    by_url = events_by_url(tmp_path, pages)
    assert len(by_url) == 2
    assert not set(by_url["https://a.example/suburb"]) & set(by_url["https://b.example/capitol"])
