"""Issue 9: event issues on real-news writing: the article's most-told issue, names and chants
that are no issue, issues outside the DESIGN list as "other", Spanish keywords.

All sentences are written for these tests (no real page text)."""

from __future__ import annotations

from datetime import date

from helpers import events_by_city
from protestdb.extract import extract_text
from protestdb.extract.issues import dominant_issue, find_issues

PUB = date(2025, 5, 4)


def _by_city(text: str) -> dict[str, object]:
    return events_by_city(text, PUB)


def test_the_most_told_issue_dominates_not_the_lexicon_order() -> None:
    text = (
        "Students who walked out of class last month led marches against gun violence in cities across the country on Saturday. "
        "They demanded universal background checks and a ban on assault weapons, and called gun violence a national emergency."
    )
    issue, span = dominant_issue(text, [(0, len(text))])
    assert issue == "guns" and text[span[0] : span[1]] == span[2]


def test_a_civil_liberties_union_is_no_labor_issue() -> None:
    text = "The events were organized by Indivisible and the American Civil Liberties Union; crowds met in Union Square."
    assert "labor" not in find_issues(text, [(0, len(text))])
    assert "labor" in find_issues("Members of the teachers union rallied.", [(0, 38)])


def test_a_chant_about_democracy_is_no_issue() -> None:
    text = 'Marchers chanted "This is what democracy looks like" and called the turnout democracy in action.'
    assert "democracy" not in find_issues(text, [(0, len(text))])
    assert "democracy" in find_issues("They warned of a threat to democracy.", [(0, 37)])


def test_issues_outside_the_list_are_other() -> None:
    text = (
        "Residents of Dunmore blockaded roads with burning tyres on Monday to highlight poor service delivery, "
        "demanding water and electricity. Police monitored the protest in Dunmore, Pennsylvania."
    )
    res = extract_text(text, PUB)
    assert any(e.issues == ["other"] and e.evidence["issues"][0].quote == "service delivery" for e in res.events)
    housing = "Thousands rallied in Dublin, Ireland, on Wednesday demanding an end to the housing crisis."
    assert _by_city(housing)["Dublin"].issues == ["other"]


def test_spanish_keywords() -> None:
    text = (
        "Cientos de personas marcharon el sábado en Chicago para exigir una reforma migratoria que proteja "
        "a los indocumentados, convocadas por organizaciones sindicales."
    )
    found = find_issues(text, [(0, len(text))], "es")
    assert {"immigration", "labor"} <= set(found)
    assert "immigration" not in find_issues("Los trabajadores del puerto de Veracruz marcharon.", [(0, 50)], "es")
