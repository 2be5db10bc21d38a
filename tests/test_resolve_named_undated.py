"""An undated report joins a dated event on a named action (issue 10, item 2): both pages name the
action (a hashtag, a quoted name, a Title Case name before "rally" / "march" ...), the same place, and
the same organizer or venue, with nothing against -- and never when another dated event of the place
could take it. Each rule has a look-alike that must stay apart. Places, groups and names are invented."""

from __future__ import annotations

from pathlib import Path

from protestdb.models import Article, EventMention
from protestdb.resolve.names import names_meet, text_action_names
from protestdb.store import open_store

DATED = ("Hundreds gathered at Quillon Plaza on Saturday for the Lantern Keys march, calling for rent"
         " limits in Riverton.")
UNDATED = "Marchers carrying lanterns filled Quillon Plaza for the Lantern Keys march, organizers said."


def _dated(store, text: str = DATED, day: str = "2025-10-04", place: str = "Riverton", **fields) -> str:
    base = {"locality": place, "state": "OR", "country": "US", "date": day, "location": "Quillon Plaza",
            "event_type": ["march"], "issues": ["other"]}
    (eid,) = store.add_mentions(Article.make(text, published=day), [EventMention(**{**base, **fields})])
    return eid


def _undated(store, text: str = UNDATED, words: str | None = None, **fields) -> str:
    """A page with no date and no publication date (``words``: its date words, as evidence)."""
    base = {"locality": "Riverton", "state": "OR", "country": "US", "date": None, "date_precision": "unknown",
            "location": "Quillon Plaza", "event_type": ["march"], "issues": ["other"]}
    m = EventMention(**{**base, **fields})
    if words:
        start = text.index(words)
        m.add_evidence("date_precision", start, start + len(words), words)
    (eid,) = store.add_mentions(Article.make(text), [m])
    return eid


def test_text_action_names_finds_names_by_how_news_writes_them() -> None:
    """A hashtag, a Title Case name in quotes, a Title Case name before an action noun (without the
    sentence's first words: "On Sunday's"), each normalised as campaigns are."""
    names = text_action_names("On Sunday's Lantern Keys march, some wore #FairRentNow shirts; the"
                              " \u201cHomes Not Hotels\u201d rally joined them.")
    assert {"lantern keys", "fair rent now", "homes not hotels"} <= names
    assert "tide turns" in text_action_names("Tenants marched downtown in a protest dubbed Tide Turns.")
    assert names_meet({"lantern keys"}, text_action_names("Marchers posted #LanternKeys."))


def test_text_action_names_skips_chants_single_words_and_sentence_ends() -> None:
    """Look-alikes: a chant in quotes with punctuation, a one-word name before "protest" (a city, a
    person), a capitalised word that ends a sentence before "The protest" -- none is an action's name."""
    names = text_action_names('They chanted "Whose streets? Our streets!" at the Riverton protest.'
                              " Police came from Lakeport. The protest ended at noon.")
    assert names == frozenset()


def test_an_undated_page_naming_the_action_at_the_same_venue_joins_the_dated_event(tmp_path: Path) -> None:
    """The action's name in both pages, the same place and venue, nothing against: the undated report
    joins and the event keeps the dated source's date."""
    store = open_store(tmp_path / "j.sqlite")
    dated = _dated(store)
    undated = _undated(store)
    assert undated == dated
    ev = store.get_event(dated)
    assert ev.date == "2025-10-04" and len(ev.sources) == 2
    (why,) = [w for w in store.sources_why(dated).values() if w["how"] == "match"]
    assert "named action" in why["parts"]["strong"]
    store.close()


def test_an_undated_page_naming_the_action_with_the_organizer_joins(tmp_path: Path) -> None:
    """No venue on the undated side: the same organizer with the name joins."""
    store = open_store(tmp_path / "o.sqlite")
    org = ["Riverton Renters Alliance"]
    dated = _dated(store, organizations=org)
    undated = _undated(store, "The Riverton Renters Alliance led the #LanternKeys march downtown.",
                       location=None, organizations=org)
    assert undated == dated
    store.close()


def test_the_name_alone_or_with_a_crowd_stays_apart(tmp_path: Path) -> None:
    """Look-alike: the name and the place but neither the organizer nor the venue -- a named action
    has its gatherings in many spots of a city (review, never a merge)."""
    store = open_store(tmp_path / "n.sqlite")
    dated = _dated(store, size_low=300, size_high=300)
    undated = _undated(store, "About 300 people joined the Lantern Keys march.", location=None,
                       size_low=300, size_high=300)
    assert undated != dated
    store.close()


def test_without_the_name_the_venue_alone_stays_apart(tmp_path: Path) -> None:
    """Look-alike: the same plaza but the undated page names no action (the rule is the name)."""
    store = open_store(tmp_path / "v.sqlite")
    dated = _dated(store)
    undated = _undated(store, "Marchers carrying lanterns filled Quillon Plaza, organizers said.")
    assert undated != dated
    store.close()


def test_same_place_a_week_apart_the_undated_page_joins_neither(tmp_path: Path) -> None:
    """Look-alike: the named march at the plaza on two Saturdays a week apart: the undated page fits
    both and joins neither; the pairs go to the review queue."""
    store = open_store(tmp_path / "w.sqlite")
    first = _dated(store, day="2025-10-04")
    second = _dated(store, DATED.replace("Hundreds", "Thousands"), day="2025-10-11")
    assert first != second
    undated = _undated(store)
    assert undated not in (first, second)
    flags = [f for f in store.review_flags(kind="uncertain_match") if f["event_id"] == undated]
    assert {f["other_event_id"] for f in flags} == {first, second}
    store.close()
    # ... and when only one of the two weeks shares the venue, the other week's march of the same name
    # could still be the one the page tells: it joins neither
    store = open_store(tmp_path / "w2.sqlite")
    first = _dated(store, day="2025-10-04")
    second = _dated(store, "Thousands walked in the Lantern Keys march through Riverton on Saturday.",
                    day="2025-10-11", location=None)
    undated = _undated(store)
    assert undated not in (first, second)
    store.close()


def test_same_campaign_in_another_city_the_same_day_stays_apart(tmp_path: Path) -> None:
    """Look-alike: the campaign's march the same day in Lakeport at a plaza of the same name: the
    undated Riverton page does not join it."""
    store = open_store(tmp_path / "c.sqlite")
    other_city = _dated(store, DATED.replace("Riverton", "Lakeport"), place="Lakeport")
    undated = _undated(store)
    assert undated != other_city
    store.close()


def test_a_counter_protest_naming_the_action_stays_apart(tmp_path: Path) -> None:
    """Look-alike: a counter-protest at the plaza against the named march: its own event."""
    store = open_store(tmp_path / "k.sqlite")
    dated = _dated(store)
    counter = _undated(store, "Counter-protesters met the Lantern Keys march at Quillon Plaza.",
                       event_type=["counter-protest"])
    assert counter != dated
    store.close()


def test_nothing_against_a_date_cue_a_size_class_a_recurrence_or_another_type(tmp_path: Path) -> None:
    """Look-alikes with one thing against each: date words a year back ("last year"), a page naming
    only another year, a crowd of another size class, words of a recurring action, another type family
    (a vigil, not a march). Each stays apart; the plain page joins (the rule is not simply off)."""
    cases = [
        ({"words": "Last year"}, "Last year the Lantern Keys march filled Quillon Plaza, organizers said."),
        ({}, "In 2019 the Lantern Keys march filled Quillon Plaza, organizers said."),
        ({"size_low": 60, "size_high": 60}, "About 60 people held the Lantern Keys march at Quillon Plaza."),
        ({}, "The Lantern Keys march filled Quillon Plaza again, as it does every Saturday."),
        ({"event_type": ["vigil"]}, "A candlelight vigil at Quillon Plaza closed the Lantern Keys march."),
    ]
    for n, (kw, text) in enumerate(cases):
        store = open_store(tmp_path / f"a{n}.sqlite")
        dated = _dated(store, size_low=400, size_high=400)
        undated = _undated(store, text, **kw)
        assert undated != dated, text
        store.close()
    store = open_store(tmp_path / "plain.sqlite")
    dated = _dated(store, size_low=400, size_high=400)
    assert _undated(store, "In 2025 about 350 people held the Lantern Keys march at Quillon Plaza.",
                    size_low=350, size_high=350) == dated
    store.close()


def test_an_organizers_name_before_strike_is_no_action_name(tmp_path: Path) -> None:
    """Look-alike: "the Riverton Nurses Union strike" names the organizer, not an action: with the
    organizer already shared it is one kind of evidence, not two -- the undated page stays apart."""
    store = open_store(tmp_path / "s.sqlite")
    org = ["Riverton Nurses Union"]
    dated = _dated(store, "The Riverton Nurses Union strike began at Alder Hospital on Monday.", location=None,
                   organizations=org, event_type=["strike"])
    undated = _undated(store, "Pickets of the Riverton Nurses Union strike lined the road.", location=None,
                       organizations=org, event_type=["strike"])
    assert undated != dated
    store.close()


def _philly(store, text: str, day: str | None, **fields) -> str:
    base = {"locality": "Philadelphia", "state": "PA", "country": "US", "date": day, "event_type": ["march"],
            "title": "Keys Back"}
    (eid,) = store.add_mentions(Article.make(text, published=day), [EventMention(**{**base, **fields})])
    return eid


def test_an_event_placed_at_a_district_takes_the_venue_a_joining_report_names(tmp_path: Path) -> None:
    """The place hierarchy in the record: the first report places the march in its district ("Center
    City"), the second at a plaza there; the event keeps the plaza with the district after it, and an
    undated report of the named march at that plaza then joins it (the action's name + its venue)."""
    store = open_store(tmp_path / "d.sqlite")
    org = ["Schuylkill Renters Union"]
    first = _philly(store, "The Keys Back march wound through Center City on Saturday.", "2025-04-05",
                    location="Center City", organizations=org)
    second = _philly(store, "Renters left Tindall Plaza on Saturday for the Keys Back march.", "2025-04-05",
                     location="Tindall Plaza", organizations=org)
    assert second == first and store.get_event(first).location == "Tindall Plaza, Center City"
    undated = _philly(store, "The Keys Back march started at Tindall Plaza, organizers said.", None,
                      location="Tindall Plaza")
    assert undated == first and store.get_event(first).date == "2025-04-05"
    store.close()


def test_a_district_does_not_take_a_venue_of_another_named_march_the_same_day(tmp_path: Path) -> None:
    """Look-alike: once the event is at its plaza, a report of the same campaign at another park of the
    district the same day is another gathering (the district alone no longer makes them compatible);
    and an event whose location is a venue keeps it."""
    store = open_store(tmp_path / "e.sqlite")
    org = ["Schuylkill Renters Union"]
    first = _philly(store, "The Keys Back march wound through Center City on Saturday.", "2025-04-05",
                    location="Center City", organizations=org)
    _philly(store, "Renters left Tindall Plaza on Saturday for the Keys Back march.", "2025-04-05",
            location="Tindall Plaza", organizations=org)
    other = _philly(store, "A Keys Back rally filled Quarry Park on Saturday.", "2025-04-05",
                    location="Quarry Park", event_type=["march"])
    assert other != first and store.get_event(first).location == "Tindall Plaza, Center City"
    store.close()


def test_names_meet_across_hashtag_spellings_but_not_other_editions_or_names() -> None:
    """A hashtag run together meets its words, whatever the small word's case; look-alikes: a shorter
    name it starts with (a prefix is another name), another edition's number, another name sharing the
    first word, a one-word name."""
    tag = text_action_names("Crowds marched under #FairFaresinRiverton banners.")
    assert names_meet({"fair fares in riverton"}, tag)
    assert not names_meet({"fair fares"}, tag)
    assert not names_meet({"hands off"}, {"hands off our parks"})
    assert not names_meet({"fair fares 2"}, {"fair fares"})
    assert not names_meet({"fair wages"}, tag)
    assert not names_meet({"fair"}, tag)


def test_a_place_before_protests_is_no_action_name(tmp_path: Path) -> None:
    """Look-alike: both pages tell of a rally "in solidarity with the Los Angeles protests" at the
    plaza: a city's name before "protests" is a place, not the action's name -- the undated page
    stays apart."""
    store = open_store(tmp_path / "p.sqlite")
    dated = _dated(store, "Hundreds rallied at Quillon Plaza on Saturday in solidarity with the Los Angeles"
                          " protests.")
    undated = _undated(store, "A rally at Quillon Plaza backed the Los Angeles protests, organizers said.")
    assert undated != dated
    store.close()
