"""A date told as the attribute of another thing's noun ("ahead of the Oct. 14 anniversary",
"the Nov. 30 deadline") does not date the action; "the Oct. 10 march" does."""

from __future__ import annotations

from datetime import date

from protestdb.extract import extract_text

PUB = date(2024, 10, 12)


def _dates(text: str) -> list[str | None]:
    return [e.date for e in extract_text(text, PUB).events if e.locality == "Dover"]


def test_date_of_an_anniversary_is_not_the_march_date() -> None:
    text = ("Police made 12 arrests at a tenants' march in central Dover, Delaware, where thousands of renters"
            " have gathered to demand a rent freeze.\nOrganizers timed the march to precede the anniversary of the Oct. 14"
            " eviction raids in the city.\nA counter-protest was held nearby on Saturday afternoon, police said.")
    got = _dates(text)
    assert got and "2023-10-14" not in got and "2024-10-14" not in got


def test_date_of_a_vote_is_not_the_march_date() -> None:
    text = ("Thousands of renters marched in Dover, Delaware to demand a rent freeze.\nThe march came days after"
            " the Oct. 8 council vote on rents.\nOrganizers said on Saturday that more marches would follow.")
    assert "2024-10-08" not in _dates(text)


def test_date_of_the_march_itself_is_kept() -> None:
    text = ("Thousands of renters joined the Oct. 10 march in Dover, Delaware to demand a rent freeze.\n"
            "Organizers said on Saturday that more marches would follow.")
    assert _dates(text) == ["2024-10-10"]
