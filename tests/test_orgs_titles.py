"""General name fixes of the organization rules: an officer's title before "of"/"for" is a
person's, not part of the group's name; curly and straight apostrophes spell one name -- on
sentences written here."""

from __future__ import annotations

from datetime import date

import pytest

from protestdb.extract import extract_text

DAY = date(2025, 3, 10)


@pytest.mark.parametrize("sentence", [
    "Dana Cruz, Vice President of the Prairie Nurses Union, spoke to the crowd.",
    "The rally was led by the President of the Prairie Nurses Union.",
    "Dana Cruz, executive director for the Prairie Nurses Union, spoke to the crowd.",
])
def test_an_officers_title_before_of_is_no_part_of_the_name(sentence: str) -> None:
    res = extract_text(f"About 200 nurses rallied outside the capitol in Springfield, Ill., on Tuesday. {sentence}", DAY)
    orgs = [o for ev in res.events for o in ev.organizations]
    assert orgs == ["Prairie Nurses Union"]


def test_curly_and_straight_apostrophes_name_one_organization() -> None:
    res = extract_text(
        "About 200 nurses rallied outside the capitol in Springfield, Ill., on Tuesday, organized by the "
        "Women’s Staffing Collective. The Women's Staffing Collective said more rallies would follow.", DAY)
    orgs = [o for ev in res.events for o in ev.organizations]
    assert len(orgs) == 1 and orgs[0].replace("’", "'") == "Women's Staffing Collective"
