"""Resolve v1: matching rules and CCC-style field merging."""

from __future__ import annotations

from protestdb.models import Event, EventMention, size_category
from protestdb.resolve import event_from_mention, event_id_for, matches, merge_into, normalize_locality
from protestdb.resolve.merge import best_match


def _ev(**kw) -> Event:
    base = {"id": "ev_x", "date": "2025-03-03", "locality": "Los Angeles", "state": "CA", "country": "US",
            "event_type": ["rally"]}
    base.update(kw)
    return Event(**base)


def _m(**kw) -> EventMention:
    base = {"date": "2025-03-03", "locality": "Los Angeles", "state": "CA", "country": "US", "event_type": ["rally"]}
    base.update(kw)
    return EventMention(**base)


def test_event_ids_are_stable_and_distinct() -> None:
    assert event_id_for("abc", 0) == event_id_for("abc", 0)
    assert event_id_for("abc", 0) != event_id_for("abc", 1)
    assert event_id_for("abc", 0).startswith("ev_") and len(event_id_for("abc", 0)) == 19


def test_normalize_locality() -> None:
    assert normalize_locality("City of Los Angeles") == normalize_locality("los angeles.")
    assert normalize_locality("Brooklyn") == normalize_locality("NYC") == "new york"
    assert normalize_locality("St. Louis") == normalize_locality("Saint Louis")
    assert normalize_locality(None) is None and normalize_locality("") is None


def test_match_rules() -> None:
    ev = _ev(location="Mariachi Plaza")
    assert matches(ev, _m(locality="city of los angeles", event_type=["rally", "march"]))
    assert matches(ev, _m(location="Mariachi Plaza, Boyle Heights"))
    assert not matches(ev, _m(date="2025-03-04"))
    assert not matches(ev, _m(date=None))
    assert not matches(ev, _m(state="TX"))
    assert not matches(ev, _m(locality="San Jose"))
    assert not matches(ev, _m(event_type=["vigil"]))
    assert not matches(ev, _m(location="Overfelt High School"))
    assert matches(ev, _m(location=None))  # one side without venue is compatible


def test_match_without_locality_needs_type_overlap_and_country() -> None:
    ev = _ev(locality=None, state=None, event_type=["boycott"])
    assert matches(ev, _m(locality=None, state=None, event_type=["boycott", "strike"]))
    assert not matches(ev, _m(locality=None, state=None, event_type=["strike"]))
    assert not matches(ev, _m(locality=None, state=None, event_type=["boycott"], country="MX"))
    assert not matches(ev, _m(locality=None, state=None, event_type=[]))


def test_best_match_prefers_closer_venue() -> None:
    a = _ev(id="a", location="City Hall")
    b = _ev(id="b", location="Grand Park")
    got = best_match([a, b], _m(location="Grand Park south lawn"))
    assert got is not None and got.id == "b"
    assert best_match([a, b], _m(date="2024-01-01")) is None


def test_merge_fields_ccc_style() -> None:
    m1 = _m(size_text="hundreds", size_low=200, size_cat=2, organizations=["Union A"], title=None,
            announced_only=True, article_id="art1")
    m1.add_evidence("size_text", 10, 18, "hundreds")
    ev = event_from_mention(m1, "ev_1")
    assert ev.evidence["size_text"][0].article_id == "art1"
    m2 = _m(size_text="about 1,500", size_low=1500, size_high=2000, size_cat=3, organizations=["union a", "Group B"],
            title="Day of Action", announced_only=False, article_id="art2")
    m2.add_evidence("title", 0, 13, "Day of Action")
    m2.add_evidence("size_text", 5, 16, "about 1,500")
    out = merge_into(ev, m2)
    assert out.size_text == "hundreds; about 1,500"
    assert (out.size_low, out.size_high, out.size_mean, out.size_cat) == (200, 2000, 1100.0, 2)
    assert out.organizations == ["Union A", "Group B"]
    assert out.title == "Day of Action" and out.evidence["title"][0].article_id == "art2"
    assert out.announced_only is False  # one source reports it happened
    assert {s.article_id for s in out.evidence["size_text"]} == {"art1", "art2"}
    assert ev.size_text == "hundreds"  # the input event is not changed


def test_merge_keeps_first_scalar_and_its_evidence_only() -> None:
    m1 = _m(title="Rally A", article_id="x")
    m1.add_evidence("title", 0, 7, "Rally A")
    m2 = _m(title="Rally B", article_id="y")
    m2.add_evidence("title", 0, 7, "Rally B")
    out = merge_into(event_from_mention(m1, "ev"), m2)
    assert out.title == "Rally A"
    assert [s.quote for s in out.evidence["title"]] == ["Rally A"]


def test_size_category() -> None:
    assert [size_category(x) for x in (None, 0, 5, 99, 100, 999, 1000, 10000)] == [0, 0, 1, 1, 2, 2, 3, 4]
