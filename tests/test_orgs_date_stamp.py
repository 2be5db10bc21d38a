"""A caption's date stamp before a group's name is no part of the name."""

from __future__ import annotations

import datetime

from protestdb.extract import extract_text

TEXT = (
    "Teachers strike\n\n"
    " date 2024-03-04 Members of the Riverton Teachers Union and the Plainfield Nurses Association march "
    "through downtown Riverton, Ore., after a rally on Monday.\n\n"
    "Thousands of teachers went on strike in Riverton on Monday, March 4, 2024, picketing outside schools.\n"
)


def test_date_stamp_is_no_part_of_an_organization() -> None:
    res = extract_text(TEXT, datetime.date(2024, 3, 5))
    orgs = [o for e in res.events for o in e.organizations]
    assert "Riverton Teachers Union" in orgs
    assert not any(o[:1].isdigit() for o in orgs)
