"""A text about abroad that names several countries: a town of another named country comes
before its namesake elsewhere (invented texts)."""

from __future__ import annotations

from datetime import date

from protestdb.extract import extract_text
from protestdb.geo.places import find_places

ROUNDUP = (
    "Marches for peace across two countries\n\n"
    "Demonstrators marched on Saturday in cities of Britain and the Netherlands, calling for a ceasefire.\n\n"
    "In Amsterdam, about 9,000 people gathered on a central square. In Birmingham, a few thousand "
    "people marched through the city centre, organisers said. In Rotterdam, hundreds rallied near the town hall."
)


def test_town_of_another_named_country_is_found() -> None:
    towns = {(p.quote, p.country) for p in find_places(ROUNDUP) if p.kind == "city"}
    assert ("Birmingham", "GB") in towns
    assert not any(q == "Birmingham" and c == "US" for q, c in towns)


def test_roundup_keeps_the_town_of_another_named_country() -> None:
    events = extract_text(ROUNDUP, published=date(2023, 10, 15)).events
    places = {(e.locality, e.country, e.state) for e in events}
    assert ("Birmingham", "GB", None) in places
    assert all(e.state is None for e in events)


def test_unnamed_country_gives_its_world_city_not_a_us_namesake() -> None:
    # the same name with no country of its own named: a city that outnumbers every namesake
    # five times (geo.places._world_city) is that city, never the smaller US namesake (session
    # 23: dropping it lost roundup sites abroad)
    text = ROUNDUP.replace("cities of Britain and the Netherlands", "cities of the Netherlands")
    towns = {(p.quote, p.country) for p in find_places(text) if p.kind == "city"}
    assert ("Birmingham", "GB") in towns
    assert not any(q == "Birmingham" and c == "US" for q, c in towns)
