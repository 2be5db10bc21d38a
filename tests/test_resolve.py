"""Resolve v1: matching rules and CCC-style field merging."""

from __future__ import annotations

from protestdb.models import Event, EventMention, size_category
from protestdb.resolve import event_from_mention, event_id_for, matches, merge_into, normalize_locality
from protestdb.resolve.merge import best_match, explain, match_key, score_keys


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
    ev = _ev(location="Mariachi Plaza", organizations=["Tenants Union"])
    org = {"organizations": ["tenants union"]}
    assert matches(ev, _m(locality="city of los angeles", event_type=["rally", "march"], **org))
    assert matches(ev, _m(location="Mariachi Plaza, Boyle Heights"))
    assert not matches(ev, _m(date="2025-03-05", **org))
    assert not matches(ev, _m(date=None, **org))
    assert not matches(ev, _m(state="TX", **org))
    assert not matches(ev, _m(locality="San Jose", **org))
    assert not matches(ev, _m(event_type=["vigil"], **org))
    assert not matches(ev, _m(location="Overfelt High School", **org))
    assert matches(ev, _m(location=None, **org))  # one side without venue is compatible


def test_a_merge_needs_a_shared_specific() -> None:
    """Same place, day and type are not identity: a venue, organizer, action name, target or size must agree."""
    ev = _ev(location="Grand Park", size_low=300, targets=["the county board"])
    nurses = {"organizations": ["Valley Nurses Guild"]}
    assert not matches(ev, _m(**nurses))  # each names something, nothing in common
    assert not matches(ev, _m(claims_summary=["for safe staffing"], issues=["labor"], **nurses))
    assert matches(ev, _m(location="Grand Park steps", **nurses))
    assert matches(ev, _m(size_low=450, **nurses))
    assert not matches(ev, _m(size_low=5000, **nurses))
    assert matches(ev, _m(targets=["County Board"], **nurses))
    parts = explain(match_key(ev), match_key(_m(**nurses)))
    assert parts["shared"] == [] and parts["reject"].startswith("no shared specific") and parts["types"] == 1.0
    # a bare report ("a rally in Los Angeles on Monday") names nothing that could differ: the exact type
    # is its identity; a soft type ("rally" for a "march") is not
    assert matches(ev, _m())
    assert not matches(_ev(event_type=["march"], location="Grand Park"), _m(event_type=["rally"], size_low=5000))


def test_match_without_locality_needs_type_overlap_and_country() -> None:
    ev = _ev(locality=None, state=None, event_type=["boycott"], title="Economic Blackout")
    t = {"title": "economic blackout"}
    assert matches(ev, _m(locality=None, state=None, event_type=["boycott", "strike"], **t))
    assert not matches(ev, _m(locality=None, state=None, event_type=["strike"], **t))
    assert not matches(ev, _m(locality=None, state=None, event_type=["boycott"], country="MX", **t))
    assert not matches(ev, _m(locality=None, state=None, event_type=[], **t))


def test_best_match_prefers_closer_venue() -> None:
    a = _ev(id="a", location="City Hall")
    b = _ev(id="b", location="Grand Park")
    got = best_match([a, b], _m(location="Grand Park south lawn"))
    assert got is not None and got.id == "b"
    assert best_match([a, b], _m(date="2024-01-01")) is None
    assert best_match([b], _m(organizations=["Valley Nurses Guild"])) is None  # the only candidate: no evidence


def test_undated_mention_joins_only_with_strong_evidence() -> None:
    ev = _ev(title="Day Without Immigrants", organizations=["Valley Workers Center"], location="Civic Plaza")
    strong = _m(date=None, title="#DayWithoutImmigrants", organizations=["valley workers center"])
    assert matches(ev, strong)
    assert not matches(ev, _m(date=None, title="Day Without Immigrants"))  # the name alone
    # the organizer at the same specific venue is not enough without the action's name: one group's
    # campaign comes back to its plaza (another week, another year); with the name it joins
    assert not matches(ev, _m(date=None, organizations=["Valley Workers Center"], location="Civic Plaza"))
    assert matches(ev, _m(date=None, title="Day Without Immigrants", location="Civic Plaza"))
    # ... but a venue with a crowd size or a target is not enough (the next week's rally there)
    assert not matches(ev, _m(date=None, location="Civic Plaza", size_low=200, targets=["ICE"]))
    out = merge_into(event_from_mention(strong, "ev_u"), _m(title="Day Without Immigrants"))
    assert out.date == "2025-03-03"  # the event takes the dated source's date


def test_venue_in_a_suburb_matches_the_suburb_not_the_metro() -> None:
    metro = _ev(locality="Chicago", state="IL", location="the processing center in Broadview",
                organizations=["Coalition for Detained Neighbors"])
    suburb = _m(locality="Broadview", state="IL", organizations=["Coalition for Detained Neighbors"])
    assert matches(metro, suburb)  # the venue's words place it in the suburb
    assert matches(event_from_mention(suburb, "ev_s"), _m(locality="Chicago", state="IL",
                                                          location="the processing center in Broadview",
                                                          organizations=["Coalition for Detained Neighbors"]))
    plain_metro = _ev(locality="Chicago", state="IL", organizations=["Coalition for Detained Neighbors"])
    assert not matches(plain_metro, suburb)  # a suburb and its metro are not the same place
    parts = explain(match_key(metro), match_key(suburb))
    assert parts["place"] == "venue names the locality"


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


def test_demonstration_is_an_umbrella_word_not_a_conflict() -> None:
    strike = _ev(event_type=["strike"], organizations=["Transit Workers Local 9"])
    told_as_demo = _m(event_type=["demonstration"], organizations=["Transit Workers Local 9"])
    assert matches(strike, told_as_demo)  # an outlet may call a strike a demonstration
    assert explain(match_key(strike), match_key(told_as_demo))["types"] == 0.0
    assert not matches(_ev(event_type=["vigil"], organizations=["Transit Workers Local 9"]),
                       _m(event_type=["strike"], organizations=["Transit Workers Local 9"]))  # two specific types


def test_a_size_or_target_alone_is_weak_identity() -> None:
    ev = _ev(event_type=["strike"], targets=["ICE"], location="Harbor Freeway overpass")
    only_target = _m(event_type=["demonstration"], targets=["ice"], organizations=["Eastside Parents Network"])
    parts = explain(match_key(ev), match_key(only_target))
    assert parts["shared"] == ["target"] and parts["weak identity"] == -0.5
    assert not matches(ev, only_target)  # many actions of a day share a target
    assert matches(ev, _m(event_type=["demonstration"], targets=["ICE"], location="the Harbor Freeway overpass"))
    assert matches(_ev(event_type=["demonstration"], targets=["ICE"]), only_target)  # with more score it may


def test_a_day_apart_only_across_the_midnight_between_the_reports() -> None:
    def dated(day: str, words: str) -> EventMention:
        m = _m(date=day, organizations=["City Workers Local 12"], event_type=["strike"])
        m.add_evidence("date", 0, len(words), words)
        return m

    first_night = event_from_mention(dated("2025-07-01", "early Tuesday morning"), "ev_strike")
    assert matches(first_night, dated("2025-06-30", "Monday night"))  # the same walkout at midnight
    assert not matches(first_night, dated("2025-07-02", "Wednesday"))  # the strike's next day is its own event
    late = event_from_mention(dated("2025-07-01", "late Tuesday night"), "ev_late")
    assert matches(late, dated("2025-07-02", "overnight into Wednesday"))
    assert not matches(late, dated("2025-06-30", "Monday"))
    # a plain "Wednesday" beside "late Tuesday night": the eve of a big day often has its own action
    # at the same place, so the organizer alone does not join them; the organizer and the venue do
    assert not matches(late, dated("2025-07-02", "Wednesday"))
    parts: dict[str, object] = {}
    score_keys(match_key(late), match_key(dated("2025-07-02", "Wednesday")), parts)
    assert str(parts["reject"]).startswith("a day apart: needs two")
    at_depot = _m(date="2025-07-01", organizations=["City Workers Local 12"], event_type=["strike"],
                  location="the Eastgate bus depot")
    at_depot.add_evidence("date", 0, 18, "late Tuesday night")
    wed_depot = _m(date="2025-07-02", organizations=["City Workers Local 12"], event_type=["strike"],
                   location="Eastgate bus depot")
    wed_depot.add_evidence("date", 0, 9, "Wednesday")
    assert matches(event_from_mention(at_depot, "ev_depot"), wed_depot)


def test_a_target_alone_joins_no_event_on_a_day_with_others_at_the_place() -> None:
    rally = _ev(id="ev_rally", event_type=["rally"], targets=["State Assembly"])
    other = _ev(id="ev_other", event_type=["march"], location="Ocean Pier", organizations=["Pier Workers Guild"])
    told = _m(event_type=["rally"], targets=["State Assembly"])
    assert best_match([rally], told) is not None  # alone at the place that day: the target may do
    assert best_match([rally, other], told) is None  # a busy day: many actions share a target (review)
    # ... unless the two reports' claims agree too
    rally_c = _ev(id="ev_rally", event_type=["rally"], targets=["State Assembly"], claims_summary=["against the rent hike"])
    told_c = _m(event_type=["rally"], targets=["State Assembly"], claims_summary=["against the rent hike"])
    assert best_match([rally_c, other], told_c) is rally_c


def test_the_action_name_as_organizer_is_the_name_not_a_disagreeing_group() -> None:
    from protestdb.resolve.merge import action_orgs, acts_as_organizer

    named = match_key(_m(title="Lantern Walk for Tenants", organizations=["Eastbank Tenants Alliance"]))
    as_org = match_key(_m(organizations=["Lantern Walk for Tenants"]))
    parts = explain(named, as_org)
    assert "title" in parts["shared"] and parts["organizer"] == 0.0
    # a one-word group name is not read as an action's name; another name does not meet
    assert action_orgs(["Solidarity"]) == frozenset()
    assert "title" not in explain(named, match_key(_m(organizations=["Harbor Rent Strike"])))["shared"]
    # the campaign's own name among a report's organizers is not a group that can disagree
    assert not acts_as_organizer("No Kings", "Los Angeles", "CA", "no kings")
    assert acts_as_organizer("Eastbank Tenants Alliance", "Los Angeles", "CA", "no kings")


def test_a_police_force_is_not_an_organizer() -> None:
    from protestdb.resolve.merge import counts_as_organizer

    for force in ("RPD", "N.Y.P.D.", "Riverton Police Department", "Capitol Police", "Sheriff's Office",
                  "Harbor Police Service"):
        assert not counts_as_organizer(force, "Riverton", "OR"), force
    for group in ("Coalition Against Police Violence", "Fraternal Order of Police", "Sunrise Movement", "RPDX"):
        assert counts_as_organizer(group, "Riverton", "OR"), group
    # a report whose only "organization" is the police names nothing specific
    assert match_key(_m(organizations=["Riverton Police Department"])).thin
    assert not match_key(_m(organizations=["Sunrise Movement"])).thin
