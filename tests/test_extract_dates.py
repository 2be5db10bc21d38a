"""Dates: absolute, ranges, weekdays and relative words resolved against publication."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from protestdb.extract import extract_text
from protestdb.extract.dates import DateMention, find_dates

PUB = date(2025, 3, 3)  # a Monday
SHARED = Path(__file__).parents[1].parent / "shared"


def one(text: str, published: date | None = PUB, lang: str = "en") -> DateMention:
    found = find_dates(text, published, lang)
    assert len(found) == 1, found
    d = found[0]
    assert text[d.start : d.end] == d.quote
    return d


def test_absolute_with_year():
    d = one("The march took place on Mar. 3, 2024 downtown.")
    assert (d.quote, d.value, d.future_value, d.precision, d.relative) == ("Mar. 3, 2024", date(2024, 3, 3), date(2024, 3, 3), "day", False)


def test_weekday_prefix_and_ordinal():
    assert one("It began Monday, March 3, 2025 at noon.").value == date(2025, 3, 3)
    assert one("Walkouts were held on March 3rd.").value == date(2025, 3, 3)
    assert one("It was held on 3 March 2025.").value == date(2025, 3, 3)


def test_year_less_date_past_and_future():
    d = one("Organizers plan a rally on March 8 in the park.")
    assert d.value == date(2024, 3, 8)  # toward the past
    assert d.future_value == date(2025, 3, 8)  # toward the future
    d = one("Students marched on Dec. 30.", published=date(2025, 1, 2))
    assert d.value == date(2024, 12, 30)


def test_numeric_and_iso():
    assert one("Filed 3/4/2025.").value == date(2025, 3, 4)
    assert one("Filed 2025-03-01.").value == date(2025, 3, 1)
    assert one("Filed 3/4/2025.", lang="es").value == date(2025, 4, 3)  # day first


def test_ranges():
    d = one("The encampment lasted from Jan. 31 to Feb. 2 on campus.")
    assert (d.value, d.end_value, d.precision) == (date(2025, 1, 31), date(2025, 2, 2), "day")
    d = one("A strike on Feb. 2-4, 2025.")
    assert (d.value, d.end_value) == (date(2025, 2, 2), date(2025, 2, 4))
    d = one("Pickets were held between March 1 and March 3.")
    assert (d.value, d.end_value) == (date(2025, 3, 1), date(2025, 3, 3))
    d = one("Vigils ran Friday through Sunday.")
    assert (d.value, d.end_value, d.relative) == (date(2025, 2, 28), date(2025, 3, 2), True)


def test_weekdays_past_and_future():
    d = one("Protesters gathered on Saturday night outside city hall.")
    assert (d.quote, d.value, d.future_value) == ("Saturday night", date(2025, 3, 1), date(2025, 3, 8))
    d = one("Hundreds rallied on Monday.")  # same weekday as published = published day
    assert d.value == d.future_value == PUB
    assert one("They met last Monday.").value == date(2025, 2, 24)
    assert one("They meet next Tuesday.").future_value == date(2025, 3, 4)
    assert one("A vigil was held Sunday afternoon.").value == date(2025, 3, 2)


def test_relative_words():
    assert one("Police said yesterday that it ended.").value == date(2025, 3, 2)
    assert one("Workers strike today.").value == PUB
    assert one("Students walk out tonight.").value == PUB
    d = one("Teachers protested last week.")
    assert (d.value, d.precision, d.relative) == (date(2025, 2, 24), "week", True)
    d = one("Nurses struck last month.")
    assert (d.value, d.precision) == (date(2025, 2, 1), "month")
    d = one("Farmers blocked roads this weekend.")
    assert (d.value, d.end_value) == (date(2025, 3, 1), date(2025, 3, 2))


def test_month_only_never_invents_a_day():
    d = one("A leaked memo from February described the plan.")
    assert (d.quote, d.value, d.future_value, d.precision) == ("February", date(2025, 2, 1), date(2026, 2, 1), "month")
    d = one("Sit-ins continued throughout April 2024.")
    assert (d.value, d.precision, d.relative) == (date(2024, 4, 1), "month", False)
    # a capitalised noun "March" alone is not a date
    assert find_dates("The March drew big crowds.", PUB) == []
    assert find_dates("Marchers chanted. May the best team win.", PUB) == []


def test_without_publication_date():
    found = find_dates("On Monday, in February, and on March 3 they marched; on March 3, 2025 too.", None)
    assert [d.quote for d in found] == ["Monday", "February", "March 3", "March 3, 2025"]
    assert all(d.value is None and d.precision == "unknown" for d in found[:3])
    assert found[3].value == date(2025, 3, 3)


def test_text_order_and_offsets():
    text = "Yesterday, hundreds marched. On March 1 a vigil; last week a rally."
    found = find_dates(text, PUB)
    assert [d.quote for d in found] == ["Yesterday", "March 1", "last week"]
    assert all(text[d.start : d.end] == d.quote for d in found)


def test_spanish():
    text = (
        "Miles marcharon el lunes. El pasado sábado hubo otra marcha. El 3 de marzo de 2025 hubo huelga. "
        "Ayer la policía habló. Del 3 al 5 de marzo habrá paro. La semana pasada y en febrero también."
    )
    got = {d.quote: d for d in find_dates(text, PUB, "es")}
    assert got["lunes"].value == PUB
    assert got["pasado sábado"].value == date(2025, 3, 1)
    assert got["3 de marzo de 2025"].value == date(2025, 3, 3)
    assert got["Ayer"].value == date(2025, 3, 2)
    assert got["Del 3 al 5 de marzo"].end_value == date(2025, 3, 5)
    assert got["La semana pasada"].precision == "week"
    assert (got["febrero"].value, got["febrero"].precision) == (date(2025, 2, 1), "month")


def test_language_without_data_file_falls_back_to_dateparser():
    found = find_dates("Les manifestants ont défilé le 3 mars 2025 à Paris.", PUB, "fr")
    assert any(d.value == date(2025, 3, 3) for d in found)


def test_seed_article_dates():
    gold = SHARED / "gold" / "seed.jsonl"
    if not gold.exists():
        pytest.skip("shared data not available")
    doc = json.loads(gold.read_text().splitlines()[0])
    text = (gold.parent / doc["text_file"]).read_text()
    published = date.fromisoformat(doc["published"])
    found = find_dates(text, published)
    gold_dates = {e["date"] for e in doc["events"]}
    assert gold_dates <= {d.value.isoformat() for d in found if d.value and d.precision == "day"}
    assert all(text[d.start : d.end] == d.quote for d in found)


# --- regression cases ------------------------------------------------------------


@pytest.mark.regression("fresh date beats nearer old date")
def test_fresh_date_beats_nearer_old_date() -> None:
    text = (
        "DAYTON, Ohio — Nearly 200 people gathered Saturday evening at the corner where a teenager "
        "was struck by a police cruiser last month, holding a vigil and chanting his name."
    )
    res = extract_text(text, date(2025, 6, 16), geocode=False)
    assert [e.date for e in res.events] == ["2025-06-14"]


def test_a_byline_day_with_a_comma_before_its_month():
    d = one("14, Feb 2024 / 3 min read / By the newsroom", published=None)
    assert (d.quote, d.value, d.precision) == ("14, Feb 2024", date(2024, 2, 14), "day")
    m = one("Marchers filled the square in Feb 2024.", published=None)
    assert (m.quote, m.precision) == ("Feb 2024", "month")
    assert [x.quote for x in find_dates("scores of 3, 14, Feb 2024", None)] == ["Feb 2024"]  # no day inside a list of numbers
