"""The scorer's one-leader's-government equivalence across languages needs a person's name on both
sides: never a place, a country or a kind of government, and one person (the full names agree).
Leaders' names are invented."""

from __future__ import annotations

import pytest

from protestdb.evaluate.normalize import names_match


@pytest.mark.parametrize(("a", "b"), [
    ("gobierno de Nuevo México", "gobierno de México"),
    ("gobierno de Corea del Norte", "gobierno de Irlanda del Norte"),
    ("gobierno de Guinea", "Papua New Guinea government"),
    ("gobierno federal", "Canadian federal government"),
    ("gobierno de Marta Quillen", "Tomas Quillen government"),
])
def test_no_person_or_another_person_is_no_match(a: str, b: str) -> None:
    assert not names_match(a, b)


@pytest.mark.parametrize(("a", "b"), [
    ("Quillen administration", "gobierno de Marta Quillen"),
    ("Marta Quillen government", "gobierno de Marta Quillen"),
    ("administración Quillen", "Quillen administration"),
])
def test_one_leaders_government_in_two_languages_matches(a: str, b: str) -> None:
    assert names_match(a, b)


def test_two_spanish_forms_of_one_leaders_government_match() -> None:
    assert names_match("administración Quillen", "gobierno de Marta Quillen")
    assert not names_match("gobierno de Tomas Quillen", "gobierno de Marta Quillen")


def test_a_title_or_a_middle_initial_keeps_the_leader() -> None:
    assert names_match("former president Quillen administration", "gobierno de Marta Quillen")
    assert names_match("Marta J. Quillen administration", "gobierno de Marta Quillen")
