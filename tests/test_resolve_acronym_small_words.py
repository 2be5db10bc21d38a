"""An outlet writes a group by its initials, small words spelled too ("MFA" for "March for
Arcadia", "MFOL" for "March For Our Lives"), where another writes it out: one organizer, not two
groups that disagree (issue 10: a stray disagreement splits one event across outlets). The
look-alikes stay apart: initials that spell another name, the group's action in another town, its
counter-protest. Names and places are invented."""

from __future__ import annotations

from protestdb.models import EventMention
from protestdb.resolve.merge import MatchKey, explain, same_org


def test_initials_that_spell_the_small_words_name_the_group() -> None:
    assert same_org("MFA", "March for Arcadia")
    assert same_org("MFOL", "March For Our Lives")
    assert same_org("ACLU of Colorado", "American Civil Liberties Union of Colorado")  # small words passed over


def test_initials_of_another_name_do_not() -> None:
    assert not same_org("MFA", "Mothers Against Arcadia Mines")
    assert not same_org("NFA", "March for Arcadia")
    assert not same_org("MFAB", "March for Arcadia")


def _key(orgs: list[str], locality: str = "Riverton", types: tuple[str, ...] = ("rally",)) -> MatchKey:
    return MatchKey(EventMention.model_validate({
        "date": "2026-05-03", "locality": locality, "state": "OR", "country": "US", "event_type": list(types),
        "location": "Quarry Square", "organizations": orgs,
        "evidence": {"date": [{"start": 0, "end": 6, "quote": "Sunday"}]},
    }))


def test_one_organizer_written_two_ways_counts_for_the_match() -> None:
    parts = explain(_key(["MFA"]), _key(["March for Arcadia"]))
    assert parts["organizer"] > 0 and "reject" not in parts


def test_the_groups_action_in_another_town_and_its_counter_protest_stay_apart() -> None:
    assert explain(_key(["MFA"]), _key(["March for Arcadia"], locality="Salem"))["reject"] == "another place"
    counter = explain(_key(["MFA"]), _key(["March for Arcadia"], types=("counter-protest",)))
    assert counter["reject"].startswith("counter-protest")


def test_initials_that_spell_only_the_first_words_of_a_longer_name_do_not() -> None:
    # the run must be the whole long name (at most "of <Place>" left over), never a prefix
    assert not same_org("AFT", "Allies for Trails Reform")
    assert not same_org("NOW", "Neighbors of Wexbury Coalition")
    assert same_org("MFA of Dunmore", "March for Arcadia of Dunmore")
    assert same_org("MFA", "March for Arcadia of Dunmore")


def test_small_words_other_than_of_for_and_are_not_spelled() -> None:
    assert not same_org("PTA", "Parents to Act")
    assert not same_org("MOM", "Mothers on the Move")


def test_two_rallies_by_a_look_alike_acronym_get_no_organizer_credit() -> None:
    parts = explain(_key(["AFT"]), _key(["Allies for Trails Reform"]))
    assert parts.get("organizer", 0) <= 0
