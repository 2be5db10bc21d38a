"""The undated join does not depend on the order pages are ingested in (issue 10): an undated report
stored before the dated report of its named action joins it when that report arrives -- under the
same rule as in the other order (named action + place + organizer or venue, nothing against, one
dated candidate) --, with its reasons recorded; re-ingesting changes nothing and a reviewer's split
holds. Places, groups and names are invented."""

from __future__ import annotations

from itertools import permutations
from pathlib import Path

from protestdb.models import Article, EventMention
from protestdb.resolve.queue import describe_why
from protestdb.resolve.review import split_event
from protestdb.store import open_store

_BASE = {"locality": "Riverton", "state": "OR", "country": "US", "location": "Quillon Plaza",
         "event_type": ["march"], "issues": ["other"]}

#: name -> (text, publication day, mention fields); the undated pages are published some days after
#: the march (an undated mention is offered the dated events of the ten days before its page)
PAGES: dict[str, tuple[str, str | None, dict]] = {
    "dated": ("Hundreds gathered at Quillon Plaza on Saturday for the Lantern Keys march, calling for rent"
              " limits in Riverton.", "2025-10-04", {"date": "2025-10-04"}),
    "dated2": ("Renters rallied at Quillon Plaza in Riverton on Saturday before marching to city hall.",
               "2025-10-05", {"date": "2025-10-04", "organizations": ["Riverton Renters Alliance"]}),
    "undated": ("Marchers carrying lanterns filled Quillon Plaza for the Lantern Keys march, organizers said.",
                "2025-10-13", {"date": None, "date_precision": "unknown"}),
    # look-alikes: the venue without the action's name; the campaign in another city the same day;
    # a counter-protest naming the action
    "no_name": ("Marchers carrying lanterns filled Quillon Plaza, organizers said.", "2025-10-06",
                {"date": None, "date_precision": "unknown"}),
    "other_city": ("Hundreds gathered at Quillon Plaza in Lakeport on Saturday for the Lantern Keys march.",
                   "2025-10-04", {"date": "2025-10-04", "locality": "Lakeport"}),
    "counter": ("Counter-protesters met the Lantern Keys march at Quillon Plaza.", "2025-10-06",
                {"date": None, "date_precision": "unknown", "event_type": ["counter-protest"]}),
}


def _ingest(store, name: str) -> str:
    text, day, fields = PAGES[name]
    res = store.ingest(Article.make(text, published=day, url=f"urn:test:{name}"),
                       [EventMention(**{**_BASE, **fields})])
    (eid,) = res.event_ids
    return eid


def _grouping(store, names) -> set[frozenset[str]]:
    """The pages grouped by the event their mention is in now (ids merged away lead to the survivor)."""
    by_event: dict[str, set[str]] = {}
    for name in names:
        art = store.conn.execute("SELECT id FROM articles WHERE url = ?", (f"urn:test:{name}",)).fetchone()[0]
        (eid,) = store.conn.execute("SELECT event_id FROM event_sources WHERE article_id = ?", (art,)).fetchone()
        by_event.setdefault(eid, set()).add(name)
    return {frozenset(v) for v in by_event.values()}


EXPECTED = {frozenset({"dated", "dated2", "undated"}), frozenset({"no_name"}), frozenset({"other_city"}),
            frozenset({"counter"})}


def test_the_grouping_is_the_same_in_every_order(tmp_path: Path) -> None:
    """The same invented pages in the given order, reversed, and every order of the three reports of
    the march (the look-alikes between them): one grouping, the expected one."""
    names = list(PAGES)
    orders = [names, names[::-1]]
    orders += [[*p, "no_name", "other_city", "counter"] for p in permutations(("dated", "dated2", "undated"))]
    orders += [["no_name", "counter", *p, "other_city", "dated2"] for p in permutations(("undated", "dated"))]
    for n, order in enumerate(orders):
        store = open_store(tmp_path / f"o{n}.sqlite")
        for name in order:
            _ingest(store, name)
        assert _grouping(store, names) == EXPECTED, order
        store.close()


def test_a_late_join_takes_the_date_and_records_why(tmp_path: Path) -> None:
    """The undated report first: when the dated one arrives the event has both sources, the dated
    source's date, and the undated source's reason -- the named action, and which report it waited for."""
    store = open_store(tmp_path / "w.sqlite")
    undated = _ingest(store, "undated")
    assert store.get_event(undated).date is None
    dated = _ingest(store, "dated")
    ev = store.get_event(dated)
    assert ev.date == "2025-10-04" and len(ev.sources) == 2
    assert store.get_event(undated).id == dated  # the undated event's id leads to the survivor
    whys = store.sources_why(dated)
    (late,) = [w for w in whys.values() if w.get("later")]
    assert late["how"] == "match" and "named action" in late["parts"]["strong"]
    words = describe_why(late)
    assert "named action" in words and "when a dated report arrived" in words
    store.close()


def test_re_ingesting_the_same_pages_changes_nothing(tmp_path: Path) -> None:
    """Idempotent: the pages again (either order) leave the events, their sources and reasons as they were."""
    store = open_store(tmp_path / "i.sqlite")
    for name in PAGES:
        _ingest(store, name)
    before = (store.counts(), _grouping(store, PAGES),
              sorted(map(tuple, store.conn.execute("SELECT event_id, article_id, why FROM event_sources"))))
    for name in [*PAGES][::-1]:
        _ingest(store, name)
    after = (store.counts(), _grouping(store, PAGES),
             sorted(map(tuple, store.conn.execute("SELECT event_id, article_id, why FROM event_sources"))))
    assert after == before
    store.close()


def test_a_reviewers_split_of_a_late_join_holds(tmp_path: Path) -> None:
    """A reviewer splits the late-joined undated report out: a further dated report of the march joins
    the event, the split-off report stays apart, and re-ingesting every page changes nothing."""
    store = open_store(tmp_path / "s.sqlite")
    _ingest(store, "undated")
    dated = _ingest(store, "dated")
    art = store.conn.execute("SELECT id FROM articles WHERE url = 'urn:test:undated'").fetchone()[0]
    apart = split_event(store, dated, art, by="tester", reason="another evening's march")
    assert apart.id != dated and store.get_event(dated).date == "2025-10-04"
    assert _ingest(store, "dated2") == dated  # joins the dated event ...
    groups = _grouping(store, ["dated", "dated2", "undated"])
    assert groups == {frozenset({"dated", "dated2"}), frozenset({"undated"})}  # ... the split-off stays apart
    for name in PAGES:
        _ingest(store, name)
    assert _grouping(store, ["dated", "dated2", "undated"]) == groups
    store.close()


def test_a_late_join_needs_one_dated_candidate(tmp_path: Path) -> None:
    """Look-alike: the named march a week later, told without the plaza (so the undated report does not
    join it), is stored before the undated report; when the dated report of the plaza arrives, the
    undated one fits it but names an action another day's event of the place names too: it joins
    neither (the rule of the other order); without that week it joins (the rule is not simply off)."""
    for with_week2 in (True, False):
        store = open_store(tmp_path / f"t{with_week2}.sqlite")
        if with_week2:
            store.ingest(Article.make("Thousands walked in the Lantern Keys march through Riverton on Saturday.",
                                      published="2025-10-11"),
                         [EventMention(**{**_BASE, "date": "2025-10-11", "location": None})])
        undated = _ingest(store, "undated")
        dated = _ingest(store, "dated")
        assert (store.get_event(undated).id == dated) is not with_week2
        store.close()


def test_another_edition_arriving_later_takes_the_undated_report_out(tmp_path: Path) -> None:
    """Look-alike: an undated report on a page without a publication date (any year's edition) joined
    the plaza's march -- stored first or after it --; then the named march of another Saturday arrives:
    the report now fits both and leaves the event (review queue), as when both were stored before it."""
    text, _, fields = PAGES["undated"]
    week2 = ("Thousands walked in the Lantern Keys march through Riverton on Saturday.", "2025-10-11")
    groupings = []
    for n, order in enumerate((["undated", "dated", "week2"], ["dated", "undated", "week2"],
                               ["dated", "week2", "undated"], ["week2", "undated", "dated"])):
        store = open_store(tmp_path / f"e{n}.sqlite")
        ids = {}
        for name in order:
            if name == "undated":
                (ids[name],) = store.ingest(Article.make(text), [EventMention(**{**_BASE, **fields})]).event_ids
            elif name == "week2":
                (ids[name],) = store.ingest(Article.make(week2[0], published=week2[1]),
                                           [EventMention(**{**_BASE, "date": week2[1], "location": None})]).event_ids
            else:
                ids[name] = _ingest(store, name)
            if order[:2] == ["undated", "dated"] and name == "dated":
                assert store.get_event(ids["undated"]).id == ids["dated"]  # joined late ...
        arts = {a: e for e, a in store.conn.execute("SELECT event_id, article_id FROM event_sources")}
        groupings.append(len(set(arts.values())))
        (left,) = [e for e in set(arts.values()) if store.get_event(e).date is None]  # ... and left
        assert left == ids["undated"] or order[0] != "undated"  # with its own id again
        assert store.get_event(left).id == left and len(store.get_event(left).sources) == 1
        assert any(f["event_id"] == left for f in store.review_flags(kind="uncertain_match"))
        if order == ["dated", "undated", "week2"]:
            assert "left" in describe_why(store.sources_why(left)[next(iter(store.sources_why(left)))])
        store.close()
    assert groupings == [3, 3, 3, 3]
