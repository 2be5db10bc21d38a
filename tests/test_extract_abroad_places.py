"""An event read in a US state on a page about another country keeps that reading only with US
evidence on the page (``extract/abroad.py``); without it the event is placed in the page's
country when its news is located there; a name with no town there keeps its US reading. Invented
sentences."""

from __future__ import annotations

from datetime import date

import pytest

pytest.importorskip("protestdb.geo")

PUB = date(2024, 3, 6)

UK_PAGE = ("LONDON — British nurses went on strike on Wednesday over pay, the Royal College said.\n\n"
           "In {town}, about 300 nurses picketed the Queensbury hospital on Wednesday{tail}.\n\n"
           "The British health minister said talks would resume in Westminster next week.")


def _doc(town: str, tail: str = ""):
    from protestdb.extract.components import run
    from protestdb.extract.config import COMPONENTS, ExtractConfig
    from protestdb.extract.document import ExtractDoc

    upto = COMPONENTS[: COMPONENTS.index("filling") + 1]
    doc = ExtractDoc(UK_PAGE.format(town=town, tail=tail), PUB, config=ExtractConfig(components=upto))
    run(doc)
    return doc


def _misread(doc, town: str, state: str):
    """The event told at ``town`` as if the geocoder had read it in a US state."""
    ev = next(e for e in doc.events if e.locality == town)
    ev.state, ev.country, ev.county = state, "US", "Some County"
    return ev


def test_a_us_reading_without_us_evidence_is_placed_in_the_pages_country() -> None:
    from protestdb.extract.abroad import place_abroad

    doc = _doc("Birmingham")
    ev = _misread(doc, "Birmingham", "AL")
    assert place_abroad(doc) == []
    assert (ev.locality, ev.state, ev.country, ev.county) == ("Birmingham", None, "GB", None)
    assert ev.evidence["country"][0].quote == "Birmingham"


def test_a_state_named_after_the_town_keeps_the_us_reading() -> None:
    from protestdb.extract.abroad import place_abroad, us_evidence

    doc = _doc("Birmingham", ", Alabama, in solidarity")
    ev = _misread(doc, "Birmingham", "AL")
    assert us_evidence(doc, ev)
    place_abroad(doc)
    assert (ev.state, ev.country) == ("AL", "US")


def test_us_words_beside_the_town_keep_the_us_reading() -> None:
    from protestdb.extract.abroad import us_evidence

    doc = _doc("Birmingham", " as American unions looked on")
    assert us_evidence(doc, _misread(doc, "Birmingham", "AL"))


def test_another_america_is_no_us_word() -> None:
    from protestdb.extract.abroad import us_evidence

    for tail in (" while dockers struck across Latin America and Asia", " as unions in South America watched"):
        doc = _doc("Birmingham", tail)
        assert not us_evidence(doc, _misread(doc, "Birmingham", "AL")), tail


def test_a_town_mostly_american_keeps_the_us_reading() -> None:
    from protestdb.extract.abroad import us_evidence

    doc = _doc("Birmingham")
    ev = _misread(doc, "Birmingham", "AL")
    ev.locality = "Philadelphia"  # the biggest town of the name is American
    assert us_evidence(doc, ev)


def test_a_name_with_no_town_in_the_pages_country_keeps_the_us_reading() -> None:
    from protestdb.extract.abroad import _mostly_american, place_abroad

    doc = _doc("Birmingham")
    ev = _misread(doc, "Birmingham", "AL")
    ev.locality = "Fremantle"  # its biggest namesake is neither American nor British
    ev.evidence["locality"] = []
    assert not _mostly_american("Fremantle")
    n = len(doc.events)
    assert place_abroad(doc) == []
    assert len(doc.events) == n and (ev.locality, ev.state, ev.country) == ("Fremantle", "AL", "US")


def test_a_us_campus_rally_about_a_war_abroad_stays_in_the_us() -> None:
    # a foreign country as the topic does not make the page one located there
    from protestdb.extract import extract_text

    text = ("Hundreds of students rallied in Cambridge on Tuesday to protest Israel's war in Gaza.\n\n"
            "The protesters demanded that Harvard divest from Israeli companies. Israel launched its offensive "
            "after the Hamas attack on Israel, and Israeli officials say the war in Gaza will go on.\n\n"
            "Israeli and Palestinian flags were seen.")
    res = extract_text(text, PUB)
    assert [(e.locality, e.state, e.country) for e in res.events] == [("Cambridge", "MA", "US")]


def test_a_us_page_is_left_alone() -> None:
    from protestdb.extract.abroad import place_abroad

    doc = _doc("Birmingham")
    doc.text = "Nurses picketed a hospital in Birmingham, Alabama, on Wednesday."
    before = [(e.locality, e.state) for e in doc.events]
    assert place_abroad(doc) == []
    assert [(e.locality, e.state) for e in doc.events] == before


@pytest.mark.parametrize(("text", "places"), [
    ("Retired miners rallied at the Capitol in Cheyenne on Thursday after a five-day march. The march had begun "
     "in Casper and wrapped up about 180 miles later in Cheyenne.", [("Cheyenne", "WY")]),
    ("Dockworkers rallied on Monday. Their caravan set off at dawn in Fresno, Calif., and arrived in Sacramento "
     "by noon, where hundreds marched.", [("Sacramento", "CA")]),
])
def test_where_a_route_began_is_no_site_when_its_end_is_told(text: str, places: list[tuple[str, str]]) -> None:
    from protestdb.extract import extract_text

    res = extract_text(text, PUB)
    assert [(e.locality, e.state) for e in res.events] == places


def test_a_town_a_route_began_in_stays_a_site_without_an_end() -> None:
    from protestdb.extract.assemble import route_origin
    from protestdb.extract.places import Place

    text = "The rally started in Bozeman at noon and ended two hours later."
    p = Place(text.index("Bozeman"), text.index("Bozeman") + 7, "Bozeman", "city", "MT", "Bozeman", "US")
    assert not route_origin(text, p, [p])


@pytest.mark.parametrize("text", [
    # a spread that "reached" another town is no route: both towns are sites
    "The strike began in Flint on Monday, when 2,000 parts workers walked off the job, and by Thursday had "
    "reached plants in Lansing, where 900 more walked out.",
    # no route noun starts it: sit-ins that began in one town and camps that ended in another
    "Sit-ins began at Oberlin in Ohio in March and, weeks later, students at Reed set up camps that ended in "
    "Portland with arrests.",
])
def test_no_route_noun_no_route_origin(text: str) -> None:
    from protestdb.extract.assemble import route_origin
    from protestdb.extract.places import gazetteer_places

    found = gazetteer_places(text)
    assert found
    assert not any(route_origin(text, p, found) for p in found)


@pytest.mark.parametrize(("text", "town"), [
    # the towns a road joins
    ("Hundreds of farmers rallied in Lille on Monday and then blocked the motorway connecting Arras to Calais.", "Calais"),
    ("Hundreds of farmers rallied in Lille on Monday and then blocked the motorway connecting Arras to Calais.", "Arras"),
])
def test_destinations_and_origins_are_no_sites(text: str, town: str) -> None:
    from protestdb.extract.assemble import non_event_places
    from protestdb.extract.places import gazetteer_places

    every = gazetteer_places(text)
    found = [p for p in every if p.quote == town]
    assert found, town
    assert id(found[0]) in non_event_places(text, every)


def test_a_road_joining_the_one_town_named_is_blocked_there() -> None:
    # a blockade of a road that joins the page's only town to a border post is at that town
    from protestdb.extract import extract_text

    text = "Dozens of ranchers blocked the road linking Elko, Nevada, to the state line on Tuesday over water permits."
    assert [(e.locality, e.state) for e in extract_text(text, PUB).events] == [("Elko", "NV")]
