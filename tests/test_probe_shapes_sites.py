"""Invented probes: a site whose name opens with a town's name, told in another town ("Lincoln
Elementary in Grand Junction", "the Dunmore Paper mill in Appleton"), is in that other town; the
town inside the site's name is no event place of its own."""

from __future__ import annotations

from datetime import date

import pytest

from protestdb.extract import extract_text
from protestdb.extract.places import gazetteer_places

PUB = date(2025, 5, 12)


def _places(head: str, body: str) -> list[str]:
    res = extract_text(head + "\n\n" + body, PUB)
    return sorted((e.locality or "-") for e in res.events)


SITES = [
    ("Rally against closure",
     "Parents and teachers rallied Thursday evening in front of Lincoln Elementary in Grand Junction to "
     "oppose its closure.", ["Grand Junction"]),
    ("Protest at plant",
     "Workers picketed the Dunmore Paper mill in Appleton early Monday, demanding a new contract.", ["Appleton"]),
    ("Nurses picket",
     "Nurses picketed outside Aurora Memorial Hospital in Kenosha on Tuesday over staffing.", ["Kenosha"]),
]


@pytest.mark.parametrize("head,body,want", SITES, ids=[c[0] for c in SITES])
def test_a_site_named_after_a_town_is_in_the_town_it_is_told_in(head: str, body: str, want: list[str]) -> None:
    assert _places(head, body) == want


def test_a_weekday_after_the_town_is_no_site_name() -> None:
    got = [p.quote for p in gazetteer_places("Hundreds rallied in Akron Saturday in Canton and Dayton.")]
    assert got == ["Akron", "Canton", "Dayton"]


def test_two_towns_each_with_its_own_action_keep_both() -> None:
    assert _places("Rallies in two towns", "About 200 people rallied in Akron on Saturday, and about 80 marched "
                   "in Canton on Sunday.") == ["Akron", "Canton"]
