"""Crowd sizes: CCC size words, qualifiers, ranges, and what is not a crowd."""

from __future__ import annotations

import json
from datetime import date
from importlib import resources
from pathlib import Path

import pytest

from protestdb.extract import extract_text
from protestdb.extract.sizes import (
    SIZE_MAPPING_VERSION,
    SizeMention,
    combine_sizes,
    find_numbers,
    find_sizes,
    size_category,
)
from protestdb.settings import SIZE_MAPPING_VERSION as SETTINGS_VERSION

SHARED = Path(__file__).parents[1].parent / "shared"


def sizes(text: str, lang: str = "en") -> list[tuple[str, int | None, int | None]]:
    found = find_sizes(text, lang)
    assert all(text[s.start : s.end] == s.quote for s in found)
    return [(s.quote, s.low, s.high) for s in found]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Hundreds rallied outside the courthouse.", ("Hundreds", 200, None)),
        ("Dozens of nurses picketed the hospital.", ("Dozens", 24, None)),
        ("Thousands of tenants marched downtown.", ("Thousands", 2000, None)),
        ("Tens of thousands of people filled the avenue.", ("Tens of thousands", 20000, None)),
        ("Hundreds of thousands of people marched in the capital.", ("Hundreds of thousands", 200000, None)),
        ("A few hundred parents gathered at the school board.", ("A few hundred", 300, None)),
        ("Several thousand farmers drove tractors into town and protested.", ("Several thousand", 3000, None)),
        ("A handful of protesters stood at the gate.", ("A handful", 5, None)),
        ("More than 1,000 students walked out.", ("More than 1,000", 1001, None)),
        ("Over 250 veterans joined the vigil.", ("Over 250", 251, None)),
        ("At least 40 cyclists took part.", ("At least 40", 40, None)),
        ("About 300 turned out despite the rain.", ("About 300", 300, None)),
        ("Between 2,000 and 3,000 demonstrators converged on the bridge.", ("Between 2,000 and 3,000", 2000, 3000)),
        ("Some 200 to 300 retirees marched.", ("Some 200 to 300", 200, 300)),
        ("Police estimated 2,000-3,000 protesters.", ("2,000-3,000", 2000, 3000)),
        ("Two hundred supporters rallied at noon.", ("Two hundred", 200, None)),
        ("A dozen teachers joined the picket.", ("A dozen", 12, None)),
        ("Organizers said 1.5 million people marched nationwide.", ("1.5 million", 1500000, None)),
        ("The rally drew an estimated 5,000 on Sunday.", ("an estimated 5,000", 5000, None)),
        ("A crowd of 500 filled the square.", ("500", 500, None)),
        ("Up to 400 people are expected to attend.", ("Up to 400", None, 400)),
        ("Twenty-five activists chained themselves to the fence and protested.", ("Twenty-five", 25, None)),
    ],
)
def test_size_phrases(text, expected):
    assert sizes(text) == [expected]


def test_approximate_flag():
    (about,) = find_sizes("About 300 workers marched.")
    (exact,) = find_sizes("Exactly 312 workers marched.")
    (vague,) = find_sizes("Hundreds of workers marched.")
    assert about.approximate and vague.approximate and not exact.approximate


@pytest.mark.parametrize(
    "text",
    [
        "Officials vowed to deport between 15 and 20 million immigrants.",
        "Agents detained 200 people in the raids.",
        "Police arrested dozens of protesters.",
        "Twelve protesters were arrested after the sit-in.",
        "The union represents 30,000 workers across the state.",
        "The district's 50,000 students return on Monday.",
        "The fund raised $20,000 for 500 families last year and 40% of residents agreed.",
        "In 2025 students marched again.",
        "The 17-year-old students spoke at 5 p.m. near 1200 Main Street.",
        "Two students said the rules were unfair.",
        "Protests were held in 40 cities and three states.",
        "Two of the protesters spoke to reporters.",
        "About 11 million undocumented immigrants live in the country.",
    ],
)
def test_not_crowd_sizes(text):
    assert sizes(text) == []


def test_several_mentions_in_order():
    text = "Hundreds rallied in the plaza. Later, more than 2,000 people marched to city hall."
    assert sizes(text) == [("Hundreds", 200, None), ("more than 2,000", 2001, None)]


def test_spanish():
    text = (
        "Cientos de personas marcharon en Sevilla. Miles de manifestantes se concentraron. "
        "Más de 2.000 estudiantes protestaron. Unas 300 personas acudieron. "
        "Entre 2.000 y 3.000 personas marcharon. Decenas de vecinos se sumaron. "
        "La policía detuvo a 20 manifestantes."
    )
    assert sizes(text, "es") == [
        ("Cientos", 200, None),
        ("Miles", 2000, None),
        ("Más de 2.000", 2001, None),
        ("Unas 300", 300, None),
        ("Entre 2.000 y 3.000", 2000, 3000),
        ("Decenas", 24, None),
    ]


@pytest.mark.parametrize("low, cat", [(None, 0), (0, 0), (1, 1), (99, 1), (100, 2), (999, 2), (1000, 3), (9999, 3), (10000, 4), (2_000_000, 4)])
def test_size_category(low, cat):
    assert size_category(low) == cat


def test_combine_sizes():
    a = SizeMention(0, 8, "hundreds", 200, None, True)
    b = SizeMention(20, 30, "about 1,000", 1000, None, True)
    c = SizeMention(40, 50, "200 to 300", 200, 300, False)
    assert combine_sizes([]) == (None, None, None)
    assert combine_sizes([a]) == ("hundreds", 200, None)
    assert combine_sizes([c]) == ("200 to 300", 200, 300)
    assert combine_sizes([a, b]) == ("hundreds; about 1,000", 200, 1000)
    assert combine_sizes([b, a, a]) == ("about 1,000; hundreds", 200, 1000)


def test_mapping_is_versioned():
    data = json.loads(resources.files("protestdb.extract").joinpath("data/size_mapping.json").read_text("utf-8"))
    assert data["version"] == SIZE_MAPPING_VERSION == SETTINGS_VERSION
    assert data["en"]["vague"]["hundreds"] == 200 and data["en"]["quantifiers"]["several"] == 3


def test_seed_article_sizes():
    gold = SHARED / "gold" / "seed.jsonl"
    if not gold.exists():
        pytest.skip("shared data not available")
    doc = json.loads(gold.read_text().splitlines()[0])
    text = (gold.parent / doc["text_file"]).read_text()
    found = find_sizes(text)
    expected = sorted((e["size_text"], e["size_low"]) for e in doc["events"] if e["size_text"])
    assert sorted((s.quote, s.low) for s in found) == expected


def test_ccc_size_text_agrees_with_ccc_size_low():
    """Our reading of CCC coders' own size_text reproduces their size_low (DESIGN's N+1 rule aside)."""
    import csv
    import re

    folder = SHARED / "data" / "ccc"
    files = sorted(folder.glob("ccc-phase3-*.csv")) if folder.exists() else []
    if not files:
        pytest.skip("CCC data not available")
    n = agree = 0
    for path in files:
        with path.open(encoding="latin-1", newline="") as fh:
            for row in csv.DictReader(fh):
                text, low = (row.get("size_text") or "").strip(), (row.get("size_low") or "").strip()
                if not text or not low or text.lower().startswith(("count", "coutn")):
                    continue
                try:
                    gold = int(float(low))
                except ValueError:
                    continue
                nums = find_numbers(text)
                got = combine_sizes([SizeMention(x.start, x.end, x.quote, x.low, x.high, x.approximate) for x in nums])[1]
                n += 1
                more_than = re.match(r"(?i)(more than|over|upwards of|well over)\b", text) is not None
                agree += got == gold or (more_than and got == gold + 1)
    assert n > 500
    assert agree / n >= 0.93, (agree, n)


# --- regression cases ------------------------------------------------------------


@pytest.mark.regression("each city takes the crowd of its clause")
def test_each_city_takes_the_crowd_of_its_clause() -> None:
    text = (
        "Rallies demanding clean water were held Saturday across the Midwest.\n\n"
        "Organizers counted 9,000 people in Milwaukee, while police in Duluth, Minn., estimated "
        "about 700 at the harbor, and organizers in Fargo, N.D., said 250 attended."
    )
    res = extract_text(text, date(2025, 4, 13), geocode=False)
    sizes = {e.locality: e.size_low for e in res.events}
    assert sizes.get("Milwaukee") == 9000
    assert sizes.get("Duluth") == 700
    assert sizes.get("Fargo") == 250


@pytest.mark.regression("crowd told in another sentence of the paragraph")
def test_crowd_told_in_another_sentence_of_the_paragraph() -> None:
    text = (
        "SALEM, Ore. — High school students walked out of class on Wednesday to protest cuts to "
        "after-school programs. The district said several hundred students took part."
    )
    res = extract_text(text, date(2025, 4, 10), geocode=False)
    assert [e.size_low for e in res.events] == [300]


@pytest.mark.parametrize(
    "text, expected",
    [
        # a size word told as the crowd's manner of coming
        ("Young people hit the streets of Kaduna and Lagos in their hundreds on Tuesday.", ("hundreds", 200, None)),
        ("It is freezing and people are still here in the thousands, an organizer said.", ("thousands", 2000, None)),
        # attendance told after a bare figure
        ("Approximately 200 were in attendance outside the assembly.", ("Approximately 200", 200, None)),
        # "more" between the crowd word and its verb
        ("Hundreds more gathered in Riverton.", ("Hundreds", 200, None)),
        # a quoted campaign name between the size word and its people noun
        ("Despite the rain, hundreds of ‘Save Parks’ protesters marched around the square.", ("hundreds", 200, None)),
        ('Dozens of "Fair Pay" strikers picketed the depot.', ("Dozens", 24, None)),
    ],
)
def test_crowd_told_in_news_idioms(text: str, expected: tuple[str, int, int | None]) -> None:
    assert sizes(text) == [expected]


@pytest.mark.parametrize(
    "text",
    ["Repairs to the hall ran in the thousands of dollars.", "The old hall stood for hundreds of years."],
)
def test_size_idiom_is_not_money_or_time(text: str) -> None:
    assert sizes(text) == []


def test_a_crowd_after_a_sentence_about_a_sign_is_a_crowd() -> None:
    from protestdb.extract.cues import crowd_size

    text = (
        "A cousin addressed the crowd, a sign with the victims' pictures in her hands.\n"
        "About 60 people stood with the relatives outside the library before protesting police violence."
    )
    (sm,) = find_sizes(text)
    assert sm.quote == "About 60" and crowd_size(text, sm)
    # a figure of signatures or of people signing up is no crowd
    for other in ("More than 2,000 signatures were delivered to the mayor.", "About 300 volunteers signed up to help."):
        assert not [m for m in find_sizes(other) if crowd_size(other, m)], other
