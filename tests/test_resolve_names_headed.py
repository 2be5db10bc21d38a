"""Action names headed by their noun ("the March for Arcadia"), names after a naming cue with "as the"
or "of" ("billed as the 'X'", "under the banner 'X,'"), and a month's word that heads a name: found
in a page's text, so an undated report naming the action joins the dated event (issue 10, item 2)
-- and the look-alikes stay apart: the same name a week apart, in another city the same day, a
counter-protest. Places, groups and names are invented."""

from __future__ import annotations

from pathlib import Path

from protestdb.models import Article, EventMention
from protestdb.resolve.names import text_action_names
from protestdb.store import open_store

DATED = ("Thousands joined the March for Arcadia through Tolliver on Sunday, gathering at Brannock Green"
         " against a housing bill.")
UNDATED = "Rallies billed as the \u201cMarch for Arcadia,\u201d filled Brannock Green, with speeches on housing."


def _dated(store, text: str = DATED, day: str = "2026-03-08", place: str = "Tolliver", **fields) -> str:
    base = {"locality": place, "state": "NV", "country": "US", "date": day, "location": "Brannock Green",
            "event_type": ["march"], "issues": ["housing"]}
    (eid,) = store.add_mentions(Article.make(text, published=day), [EventMention(**{**base, **fields})])
    return eid


def _undated(store, text: str = UNDATED, **fields) -> str:
    """A page with no date and no publication date."""
    base = {"locality": "Tolliver", "state": "NV", "country": "US", "date": None, "date_precision": "unknown",
            "location": "Brannock Green", "event_type": ["march"], "issues": ["housing"]}
    (eid,) = store.add_mentions(Article.make(text), [EventMention(**{**base, **fields})])
    return eid


def test_names_headed_by_their_noun_and_after_a_cue_with_as_the() -> None:
    """"the March for X" (a month's word heading the name), "billed as the 'X,'" (the comma inside the
    quote), "under the banner 'X'" (a banner's word before the cue is no sign's text here)."""
    assert "march for arcadia" in text_action_names(DATED)
    assert "march for arcadia" in text_action_names(UNDATED)
    assert "keep dunmore green" in text_action_names(
        "Protests under the banner \u201cKeep Dunmore Green,\u201d drew marchers across the state.")
    assert "strike against silence" in text_action_names("Nurses joined the Strike Against Silence at the clinic.")


def test_months_dates_charities_signs_and_chants_are_no_names() -> None:
    """Look-alikes: "in March against ..." is a month; "the March to Sunday" ends in a day; "the March of
    Hollins" (a charity's or a place's "of") is not headed so; a sign's text and a chant stay no names."""
    assert text_action_names("Protesters marched in March against the Dunmore Bill.") == frozenset()
    assert text_action_names("The group held the March to Sunday market rally.") == frozenset()
    assert text_action_names("They protested outside the March of Hollins offices.") == frozenset()
    assert text_action_names("Marchers carried a banner reading \u201cFree Tolland\u201d at the rally.") == frozenset()
    assert text_action_names("Protesters chanted \u201cSave Our Harbor\u201d at the march.") == frozenset()


def test_an_undated_page_naming_the_headed_name_at_the_venue_joins(tmp_path: Path) -> None:
    """Both pages name the action (one as "the March for Arcadia", one in quotes), the same place and
    venue, nothing against: the undated report joins the dated event and it keeps its date."""
    store = open_store(tmp_path / "j.sqlite")
    dated = _dated(store)
    undated = _undated(store)
    assert undated == dated
    assert store.get_event(dated).date == "2026-03-08"
    (why,) = [w for w in store.sources_why(dated).values() if w["how"] == "match"]
    assert "named action" in why["parts"]["strong"]  # the name, not the venue alone
    store.close()


def test_same_name_a_week_apart_another_city_or_a_counter_protest_stay_apart(tmp_path: Path) -> None:
    """Look-alikes: the named march at the green on two Sundays a week apart (the undated page fits both:
    it joins neither); the same name's march the same day in another city; a counter-protest naming
    the march at the green."""
    store = open_store(tmp_path / "w.sqlite")
    first = _dated(store, day="2026-03-08")
    second = _dated(store, DATED.replace("Thousands", "Hundreds"), day="2026-03-15")
    undated = _undated(store)
    assert undated not in (first, second)
    store.close()
    store = open_store(tmp_path / "c.sqlite")
    other_city = _dated(store, DATED.replace("Tolliver", "Quenby"), place="Quenby")
    assert _undated(store) != other_city
    store.close()
    store = open_store(tmp_path / "k.sqlite")
    dated = _dated(store)
    counter = _undated(store, "Counter-protesters met the March for Arcadia at Brannock Green.",
                       event_type=["counter-protest"])
    assert counter != dated
    store.close()
