"""Issue 9: organizations of real-news events -- outlets, stations and sites are no organizers;
groups named by a list after "groups ..., including", by a group noun, or quoted before one.

All sentences are written for these tests (no real page text)."""

from __future__ import annotations

from datetime import date

from protestdb.extract import extract_text
from protestdb.extract.nlp import load_nlp
from protestdb.extract.orgs import find_orgs

PUB = date(2025, 4, 7)


def _orgs(text: str) -> list[str]:
    return [o.name for o in find_orgs(text, [(0, len(text))], load_nlp()(text))]


def test_stations_and_newspapers_are_no_organizers() -> None:
    text = ("About 200 members of the Valley Tenants Union rallied in Fresno on Saturday, KXQZ reported. "
            "The Fresno Daily Courier said the Harbor Workers Association joined, according to WKLM-TV.")
    names = _orgs(text)
    assert "Valley Tenants Union" in names
    assert "Harbor Workers Association" in names
    assert not {"KXQZ", "WKLM-TV", "Fresno Daily Courier"} & set(names)


def test_a_site_is_no_organizer() -> None:
    names = _orgs("About 300 workers rallied outside the Riverside Assembly Complex in Dayton on Friday.")
    assert "Riverside Assembly Complex" not in names


def test_a_title_and_person_are_cut_from_the_name() -> None:
    text = '"We will keep marching," said Valley Farm Workers Union President Dana Cruz in Fresno on Friday.'
    assert "Valley Farm Workers Union" in _orgs(text)
    assert not any("Dana" in n for n in _orgs(text))


def test_parties_told_alone_are_no_organizers() -> None:
    text = "About 500 people marched in Leeds on Saturday; a contingent from the Labour party joined the Leeds Tenants Union."
    names = _orgs(text)
    assert "Labour" not in names
    assert "Leeds Tenants Union" in names


def test_groups_listed_after_a_long_including() -> None:
    text = ("About 900 people rallied in Tulsa, Oklahoma on Saturday. Several groups are working together to "
            "plan the events, including Indivisible, the Prairie Justice Network and 50501.")
    res = extract_text(text, PUB)
    (ev,) = res.events
    assert {"Indivisible", "Prairie Justice Network", "50501"} <= set(ev.organizations)


def test_a_group_named_after_its_group_noun_or_quoted_before_it() -> None:
    assert "Delta Resist" in _orgs("The anti-detention group Delta Resist rallied in Tacoma on Monday.")
    assert "Fix Our Buses" in _orgs('The "Fix Our Buses" campaign rallied in Tacoma on Monday.')


def test_spanish_organizer_cues() -> None:
    text = ("Cientos marcharon el sábado en Tucson, dijo María, líder de la Alianza por los Derechos de los "
            "Jornaleros (ADJ). Hubo otras marchas, convocadas por organizaciones de inmigrantes, como el "
            "Frente para una Vivienda Justa que organizó manifestaciones en Yuma.")
    names = _orgs(text)
    assert "Alianza por los Derechos de los Jornaleros" in names
    assert "Frente para una Vivienda Justa" in names
