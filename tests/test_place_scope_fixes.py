"""Places that are not the action's site, though a list or a site noun is near them: the
town of an office the people work at, a chapter list after "has", a numbered list of
plans, a state named like a city after a town of that state, a place told in a purpose."""

from __future__ import annotations

from datetime import date

import pytest

from protestdb.extract import extract_text

PUB = date(2025, 3, 10)


def _towns(text: str) -> set[tuple[str | None, str | None]]:
    return {(e.locality, e.state) for e in extract_text(text, PUB).events}


def _localities(text: str) -> set[str | None]:
    return {t for t, _ in _towns(text)}


@pytest.mark.parametrize("text", [
    "Clerks of the Fairbanks and Juneau branches picketed in Omaha on Tuesday.",
    "Nurses picketed in Omaha on Tuesday against the closing of the Fairbanks and Juneau hospitals.",
    "Nurses picketed in Omaha on Tuesday; many had moved out of the Fairbanks and Juneau hospitals last year.",
    "Nurses picketed on Tuesday outside the headquarters of the Fairbanks clinic group in Omaha.",
])
def test_of_the_site_noun_is_not_a_site_unless_walked_out_of(text: str) -> None:
    assert _localities(text) == {"Omaha"}


def test_walked_out_of_the_offices_names_the_sites() -> None:
    got = _localities("Thousands of Acme clerks staged walkouts on Tuesday over pay.\n\n"
                      "Clerks walked out of the Fairbanks and Juneau offices.\n")
    assert {"Fairbanks", "Juneau"} <= got


def test_series_after_a_verb_of_having_is_not_a_series_of_sites() -> None:
    text = ("Members of the renters league, which has branches in towns including ones in Fresno, Modesto and "
            "Bakersfield, marched Tuesday in Omaha.")
    assert _localities(text) == {"Omaha"}


def test_numbered_items_without_an_action_of_their_own_are_not_sites() -> None:
    text = ("Bus drivers in Omaha went on strike Tuesday. This is where drivers elsewhere stand:\n\n"
            "1. Fresno Drivers there voted last week to authorize a strike.\n\n"
            "2. Modesto The local will meet in May to discuss a possible walkout.\n\n"
            "3. Reno No strike is planned.")
    assert _localities(text) == {"Omaha"}


@pytest.mark.parametrize(("text", "want"), [
    ("Tenants marched on Sunday in Troy, New York and other towns along the river.", ("Troy", "NY")),
    ("Tenants marched on Sunday in Vancouver, Washington and elsewhere.", ("Vancouver", "WA")),
])
def test_town_with_state_named_like_a_city_before_a_list_close(text: str, want: tuple[str, str]) -> None:
    assert _towns(text) == {want}


def test_located_participle_inside_a_support_phrase_is_not_a_site() -> None:
    got = _localities("Hundreds marched in Omaha on Sunday in support of drivers based in Fresno.")
    assert got == {"Omaha"}
