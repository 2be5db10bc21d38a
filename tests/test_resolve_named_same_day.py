"""Two dated reports of one place and day that share no specific field join when both pages name the
same action and nothing else (issue 10: a named action is identity evidence; the extracted fields
often miss it: one outlet writes "marchers", another "demonstrators", neither names the organizer).
Look-alikes stay apart: a page that names a second action, the same name in another city the same day,
the next day's action, a counter-protest. Places, groups and names are invented."""

from __future__ import annotations

from pathlib import Path

from protestdb.models import Article, EventMention
from protestdb.resolve.merge import MatchKey, named_same_day
from protestdb.store import open_store

FIRST = "Thousands of marchers joined the Fair Fares march through central Dunmere on Tuesday."
SECOND = "Demonstrators filled the streets of Dunmere on Tuesday as the #FairFares protests spread."


def _report(store, text: str, day: str = "2026-03-10", place: str = "Dunmere", **fields) -> str:
    base = {"locality": place, "country": "KE", "date": day, "event_type": ["march"], "issues": ["other"]}
    (eid,) = store.add_mentions(Article.make(text, published=day), [EventMention(**{**base, **fields})])
    return eid


def test_two_pages_naming_the_same_action_the_same_day_join(tmp_path: Path) -> None:
    """A march and a demonstration in one city on one day, no venue, organizer or target in common:
    the action's name on both pages joins them, and the source says why."""
    store = open_store(tmp_path / "j.sqlite")
    first = _report(store, FIRST)
    second = _report(store, SECOND, event_type=["demonstration"], targets=["Finance Ministry"])
    assert second == first
    (why,) = [w for w in store.sources_why(first).values() if w["how"] == "match"]
    assert "named action" in why["parts"]["shared"]
    store.close()


def test_without_the_name_the_same_reports_stay_apart(tmp_path: Path) -> None:
    """The look-alike without the evidence: the same fields, pages that name no action."""
    store = open_store(tmp_path / "n.sqlite")
    first = _report(store, "Thousands marched through central Dunmere on Tuesday.")
    second = _report(store, "Demonstrators filled the streets of Dunmere on Tuesday.", event_type=["demonstration"],
                     targets=["Finance Ministry"])
    assert second != first
    store.close()


def test_a_page_naming_a_second_action_says_nothing(tmp_path: Path) -> None:
    """The second page also names another action of the day: its report may be that one."""
    store = open_store(tmp_path / "s.sqlite")
    first = _report(store, FIRST)
    second = _report(store, SECOND + " Nurses held the Green Ward rally at the hospital.",
                     event_type=["demonstration"], targets=["Finance Ministry"])
    assert second != first
    store.close()


def test_the_same_name_in_another_city_or_on_another_day_stays_apart(tmp_path: Path) -> None:
    """One campaign's action in another city the same day, and in the same city the next day."""
    store = open_store(tmp_path / "o.sqlite")
    first = _report(store, FIRST)
    other_city = _report(store, SECOND.replace("Dunmere", "Kessal"), place="Kessal", event_type=["demonstration"])
    next_day = _report(store, SECOND.replace("Tuesday", "Wednesday"), day="2026-03-11", event_type=["demonstration"])
    assert len({first, other_city, next_day}) == 3
    store.close()


def test_a_counter_protest_naming_the_action_stays_apart(tmp_path: Path) -> None:
    store = open_store(tmp_path / "c.sqlite")
    first = _report(store, FIRST)
    counter = _report(store, "Counter-protesters heckled the Fair Fares march in Dunmere on Tuesday.",
                      event_type=["counter-protest"])
    assert counter != first
    store.close()


def test_named_same_day_needs_both_dated_the_same_day_and_the_same_names() -> None:
    a = MatchKey(EventMention(locality="Dunmere", date="2026-03-10", event_type=["march"]))
    b = MatchKey(EventMention(locality="Dunmere", date="2026-03-10", event_type=["demonstration"]))
    a.pnames, b.pnames = frozenset({"fair fares"}), frozenset({"fair fares"})
    assert named_same_day(a, b)
    b.pnames = frozenset({"fair fares", "green ward"})
    assert not named_same_day(a, b)  # a second action on one page
    b.pnames = frozenset({"fair fares"})
    undated = MatchKey(EventMention(locality="Dunmere", event_type=["march"]))
    undated.pnames = frozenset({"fair fares"})
    assert not named_same_day(a, undated)  # a name is no date
