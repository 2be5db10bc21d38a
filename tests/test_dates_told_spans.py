"""An action that tells no day of its own on a page that tells its actions over a span of days
("From May 3 to 6, rallies were held ...") takes no day from the article: the main date would be
one day of the span, a guess. All sentences are made up for these tests."""

from __future__ import annotations

from datetime import date

from protestdb.extract import extract_text

PUB = date(2018, 5, 9)

_SECTIONS = (
    "\n\nMarietta, Ohio\n\nAbout 60 residents rallied outside the county courthouse with banners against the pipeline."
    "\n\nAthens, Ohio\n\nStudents rallied on the college green and handed out leaflets about the pipeline route."
)


def _dates(text: str) -> dict[str | None, str | None]:
    return {e.locality: e.date for e in extract_text(text, PUB).events}


def test_an_undated_action_of_a_span_of_days_takes_no_day() -> None:
    text = ("From May 3 to 6, rallies against the new pipeline were held in five towns across Ohio. The days of "
            "action began with a march in Zanesville on Thursday, May 3. Rallies followed in Marietta and Athens "
            "on Friday, then in Cambridge on Saturday." + _SECTIONS)
    got = _dates(text)
    assert got.get("Marietta") is None and got.get("Athens") is None
    assert "Marietta" in got and "Athens" in got


def test_an_undated_action_of_a_one_day_page_takes_the_main_date() -> None:
    text = ("Rallies against the new pipeline were held in five towns across Ohio on Thursday, May 3, with a march "
            "in Zanesville and rallies in Marietta and Athens." + _SECTIONS)
    got = _dates(text)
    assert got.get("Marietta") == "2018-05-03" and got.get("Athens") == "2018-05-03"


def test_a_span_told_beside_the_main_date_without_a_protest_word() -> None:
    text = ("From May 3 to 6, spirited days of action against the new pipeline took place in five towns across "
            "Ohio. They opened with a picket in Zanesville on Thursday, May 3. Marietta and Athens followed on "
            "Friday, then Cambridge on Saturday." + _SECTIONS)
    got = _dates(text)
    assert "Marietta" in got and got.get("Marietta") is None
