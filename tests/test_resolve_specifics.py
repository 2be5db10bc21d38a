"""Shared specifics written differently by two outlets (issue 10): the same venue in other generic
words, a stray place or building in an organization list, a strike seen from its picket line. Each
with a look-alike that must stay apart. Sentences, places and groups are invented."""

from __future__ import annotations

from pathlib import Path

from protestdb.models import Article, EventMention
from protestdb.resolve.merge import counts_as_organizer, explain, match_key, venue_heads
from protestdb.store import open_store

BASE = {"locality": "Riverton", "state": "OR", "country": "US", "date": "2025-05-10"}


def _m(**fields) -> EventMention:
    return EventMention(**{**BASE, **fields})


def _report(store, text: str, **fields) -> str:
    (eid,) = store.add_mentions(Article.make(text, published="2025-05-11"), [_m(**fields)])
    return eid


def test_venue_heads_drop_where_at_the_venue_and_the_state_name() -> None:
    assert venue_heads("outside City Hall", "Riverton", "OR") == venue_heads("the City Hall steps", "Riverton", "OR")
    assert venue_heads("the Capitol", "Salem", "OR") == venue_heads("Oregon State Capitol", "Salem", "OR") \
        == {"capitol"}
    assert venue_heads("City Hall", "Riverton", "OR") != venue_heads("Town Hall", "Riverton", "OR")
    assert venue_heads("Memorial Hall", "Riverton", "OR") != venue_heads("City Hall", "Riverton", "OR")
    assert venue_heads("Quillon Plaza", "Riverton", "OR") == frozenset()  # a specific word: venue_tokens compare


def test_the_capitol_and_the_state_capitol_are_one_venue(tmp_path: Path) -> None:
    """One outlet writes "the Capitol", another the building's full name with the state: a shared venue,
    enough for a rally and a march there on one day."""
    parts = explain(match_key(_m(location="the Capitol", event_type=["rally"])),
                    match_key(_m(location="Oregon State Capitol", event_type=["march"])))
    assert "venue" in parts["shared"] and "reject" not in parts
    store = open_store(tmp_path / "c.sqlite")
    first = _report(store, "Teachers rallied at the Capitol on Saturday.", location="the Capitol",
                    event_type=["rally"], issues=["education"])
    second = _report(store, "Teachers marched around the Oregon State Capitol on Saturday.",
                     location="Oregon State Capitol", event_type=["march"], issues=["education"])
    assert second == first
    # look-alike: the same day at City Hall is another gathering
    third = _report(store, "Teachers marched to City Hall on Saturday.", location="City Hall",
                    event_type=["march"], issues=["education"])
    assert third != first
    store.close()


def test_counts_as_organizer_skips_buildings_places_and_descriptions() -> None:
    for name in ("Riverton Civic Center", "Church House", "South Riverton", "U.S.", "EU", "Oregon",
                 "Eastside-based"):
        assert not counts_as_organizer(name, "Riverton", "OR"), name
    for name in ("Eastbank Tenants Alliance", "Riverton Carpenters Union", "Indivisible Riverton", "ACLU"):
        assert counts_as_organizer(name, "Riverton", "OR"), name


def test_a_building_named_as_organizer_does_not_split_one_named_action(tmp_path: Path) -> None:
    """One outlet's organization list holds only a building it names ("the Civic Center"), another names
    the group: the stray name counts neither for nor against, and the action's name joins them."""
    store = open_store(tmp_path / "o.sqlite")
    first = _report(store, "Thousands joined the Hands Off Riverton rally near the Riverton Civic Center.",
                    event_type=["rally"], title="Hands Off Riverton", organizations=["Riverton Civic Center"])
    second = _report(store, "The Eastbank Tenants Alliance led the Hands Off Riverton rally on Saturday.",
                     event_type=["rally"], title="Hands Off Riverton", organizations=["Eastbank Tenants Alliance"])
    assert second == first
    store.close()


def test_two_groups_under_one_action_name_still_count_against(tmp_path: Path) -> None:
    """Look-alike: two real groups, no venue, only the action's name in common: still apart."""
    store = open_store(tmp_path / "g.sqlite")
    first = _report(store, "The Riverton Carpenters Union held a Hands Off Riverton rally.",
                    event_type=["rally"], title="Hands Off Riverton", organizations=["Riverton Carpenters Union"])
    second = _report(store, "The Green Riverton Club held a Hands Off Riverton rally.",
                     event_type=["rally"], title="Hands Off Riverton", organizations=["Green Riverton Club"])
    assert second != first
    store.close()


def test_a_strike_and_its_picket_line_are_one_action(tmp_path: Path) -> None:
    """One outlet reports the nurses' strike, another the picket line at the same hospital with the same
    union: related types, neither for nor against; the venue and union join them."""
    store = open_store(tmp_path / "s.sqlite")
    first = _report(store, "Nurses at Harlow Memorial Hospital went on strike Saturday.", event_type=["strike"],
                    location="Harlow Memorial Hospital", organizations=["Riverton Nurses Guild"], issues=["labor"])
    second = _report(store, "The Riverton Nurses Guild picketed outside Harlow Memorial Hospital.",
                     event_type=["picket", "rally"], location="Harlow Memorial Hospital",
                     organizations=["Riverton Nurses Guild"], issues=["labor"])
    assert second == first
    # look-alike: a vigil at the same hospital that day is another action
    third = _report(store, "Families held a vigil outside Harlow Memorial Hospital.", event_type=["vigil"],
                    location="Harlow Memorial Hospital", issues=["labor"])
    assert third != first
    store.close()


def test_targets_meet_written_out_or_as_initials() -> None:
    from protestdb.resolve.merge import _target_key, targets_meet

    def keys(*names: str) -> frozenset[str]:
        return frozenset(map(_target_key, names))

    assert targets_meet(keys("R.C. Unified School District"), keys("Riverton County Unified School District"))
    assert targets_meet(keys("ICE"), keys("Immigration and Customs Enforcement"))
    assert not targets_meet(keys("Riverton School Board"), keys("Riverton City Council"))
    assert not targets_meet(keys("Harlow Mining Company"), keys("Harlow Memorial Hospital"))


def test_a_march_that_blocked_a_bridge_and_a_rally_are_compared_by_their_gatherings() -> None:
    """One outlet adds a kind the other does not contradict (a march that blocked a bridge / a rally):
    not a reason to refuse, counted like a rally against a march; two specific kinds that differ
    (a strike / a vigil) still are two actions."""
    parts = explain(match_key(_m(event_type=["march", "blockade"], location="Quillon Bridge")),
                    match_key(_m(event_type=["rally"], location="Quillon Bridge")))
    assert parts["types"] == -1.0 and "reject" not in parts
    parts = explain(match_key(_m(event_type=["strike", "rally"], location="Quillon Bridge")),
                    match_key(_m(event_type=["vigil", "rally"], location="Quillon Bridge")))
    assert parts["types"] == 1.0  # the rally both name
    parts = explain(match_key(_m(event_type=["strike"], location="Quillon Bridge")),
                    match_key(_m(event_type=["vigil"], location="Quillon Bridge")))
    assert parts["reject"] == "other types"


def test_a_public_figure_both_name_as_present_is_a_shared_specific(tmp_path: Path) -> None:
    """Two outlets name the same speaker at a rally (no venue or group in common): identity evidence.
    A figure they name as the target is not (every report of a protest against a mayor names her)."""
    parts = explain(match_key(_m(event_type=["rally"], notables=["Mara Quillon"], issues=["labor"])),
                    match_key(_m(event_type=["rally", "march"], notables=["Mara Quillon"], location="Pell Square")))
    assert "public figure" in parts["shared"] and "reject" not in parts
    store = open_store(tmp_path / "p.sqlite")
    first = _report(store, "Senator Mara Quillon spoke to a rally of dock workers on Saturday.",
                    event_type=["rally"], notables=["Mara Quillon"], organizations=["Riverton Dockers Local 9"])
    second = _report(store, "Mara Quillon addressed marchers at Pell Square on Saturday.",
                     event_type=["rally", "march"], notables=["Mara Quillon"], location="Pell Square")
    assert second == first
    store.close()
    against = explain(match_key(_m(event_type=["rally"], notables=["Mara Quillon"], targets=["Mara Quillon"])),
                      match_key(_m(event_type=["march"], notables=["Mara Quillon"], location="Pell Square")))
    assert "public figure" not in against.get("shared", [])


def _ke_ev(id_: str, **kw: object):
    from protestdb.models import Event

    base = {"id": id_, "date": "2024-05-07", "locality": "Port Halden", "country": "KE", "event_type": ["march"],
            "issues": ["economy"], "targets": ["the finance minister"]}
    return Event(**{**base, **kw})  # type: ignore[arg-type]


def _ke_bare(**kw: object) -> EventMention:
    base = {"date": "2024-05-07", "locality": "Port Halden", "country": "KE", "event_type": ["demonstration"],
            "targets": ["the finance minister"], "issues": ["economy"]}
    return EventMention(**{**base, **kw})  # type: ignore[arg-type]


def test_a_bare_demonstration_report_joins_the_days_march_at_its_place() -> None:
    """One outlet writes "demonstrators", another "marchers", for the same cause against the same
    target: for a report naming nothing of its own the umbrella word tells the same gathering when a
    specific names one action (a public figure both name); with only a target (many actions share
    one) it adds nothing. A second gathering that day ties, a bare report of another cause stays
    apart, and a strike or a vigil told as a "demonstration" still needs a shared specific."""
    from protestdb.resolve.merge import best_match, explain, match_key, matches

    ev, bare = _ke_ev, _ke_bare
    march = ev("ev_march", location="Harbour Road roundabout", organizations=["Port Halden Traders Union"],
               notables=["Wanjala Okech"])
    told = bare(notables=["Wanjala Okech"])  # "the opposition leader addressed the demonstrators"
    parts = explain(match_key(march), match_key(told))
    assert "reject" not in parts and parts["shared"] == ["target", "public figure"] and parts["types"] == 0.5
    assert matches(march, told)
    only_target = explain(match_key(march), match_key(bare()))
    assert "umbrella" in only_target and only_target["types"] == 0.0 and not matches(march, bare())
    assert not matches(march, bare(date="2024-05-08"))  # another day
    assert not matches(march, bare(locality="Kilima"))  # another town the same day (one campaign)
    assert not matches(march, bare(issues=["education"]))  # another cause: another gathering
    assert not matches(march, bare(issues=[]))  # nothing tells it is the same cause
    assert not matches(march.model_copy(update={"issues": ["other"]}), bare(issues=["other"]))  # no cause told
    # it names a group of its own: no longer bare, and nothing shared
    assert not matches(march, bare(size_low=20, organizations=["Kilima Nurses Guild"]))
    assert not matches(march.model_copy(update={"size_low": 300}), bare(size_low=40000))  # a far other crowd
    assert not matches(ev("ev_strike", event_type=["strike"], organizations=["Dockers Local 4"]), bare())
    assert not matches(ev("ev_vigil", event_type=["vigil"]), bare())
    assert not matches(march, bare(event_type=["demonstration"], date=None))  # undated: strong evidence only
    rally = ev("ev_rally", event_type=["rally"], location="Uhuru Gardens", organizations=["Halden Youth Forum"],
               notables=["Wanjala Okech"])
    assert best_match([march, rally], told) is None  # two gatherings that day, the figure at both: a tie
    assert best_match([march], told) is march

def test_a_bare_other_action_is_not_the_days_march() -> None:
    """(a) "Other" is not an umbrella word for a gathering: a press conference or a banner drop the
    same day in the same city, for the same cause against the same target, is its own action."""
    from protestdb.resolve.merge import explain, match_key, matches

    march = _ke_ev("ev_march", location="Harbour Road roundabout", organizations=["Port Halden Traders Union"])
    press = _ke_bare(event_type=["other"])  # "union leaders spoke to reporters about the finance minister"
    assert not matches(march, press)
    assert "umbrella" not in explain(match_key(march), match_key(press))
    assert explain(match_key(march), match_key(_ke_bare()))["umbrella"]  # written "demonstrators": the umbrella word


def test_a_shared_issue_is_a_topic_not_a_side() -> None:
    """(b) Two rallies of opposite sides the same day in one city share the issue: a bare report of one
    side's "demonstration" joins the march only when they also agree on a claim, a target or their
    valence -- not on the topic alone."""
    from protestdb.resolve.merge import explain, match_key, matches, umbrella_joins

    march = _ke_ev("ev_march", location="Clock Tower Square", organizations=["Halden Solidarity Front"],
                   issues=["palestine"], targets=[], claims_summary=["a ceasefire in Gaza"], valence=1)
    other_side = _ke_bare(issues=["palestine"], targets=[], claims_summary=["the release of the hostages"])
    assert not umbrella_joins(match_key(march), match_key(other_side))
    assert not matches(march, other_side)
    assert "reject" in explain(match_key(march), match_key(other_side))
    assert not matches(march, other_side.model_copy(update={"valence": 2}))  # the other side, told
    no_side = _ke_bare(issues=["palestine"], targets=[])  # nothing but the topic
    assert not umbrella_joins(match_key(march), match_key(no_side)) and not matches(march, no_side)
    # the same side: agreeing claims or the same valence make the umbrella word the gathering's other name
    same_claim = _ke_bare(issues=["palestine"], targets=[], claims_summary=["a ceasefire in Gaza"])
    assert umbrella_joins(match_key(march), match_key(same_claim))
    assert umbrella_joins(match_key(march), match_key(no_side.model_copy(update={"valence": 1})))


def test_a_named_groups_demonstration_is_not_a_thin_march() -> None:
    """(c) The umbrella word stands in only for a report that names nothing specific: a thin march
    beside a "demonstration" that names its own group are two actions."""
    from protestdb.resolve.merge import match_key, matches, umbrella_joins

    thin_march = _ke_ev("ev_march")  # "hundreds marched in Port Halden against the finance minister"
    named_demo = _ke_bare(organizations=["Halden Teachers Guild"])  # "the guild held a demonstration"
    assert match_key(thin_march).thin and not match_key(named_demo).thin
    assert not umbrella_joins(match_key(thin_march), match_key(named_demo))
    assert not umbrella_joins(match_key(named_demo), match_key(thin_march))  # either way round
    assert not matches(thin_march, named_demo)
    assert umbrella_joins(match_key(thin_march), match_key(_ke_bare()))  # a bare "demonstration": it may


def _ingest(store, text: str, m: EventMention) -> str:
    from protestdb.models import Article

    (eid,) = store.add_mentions(Article.make(text, published="2024-05-08"), [m])
    return eid


def test_a_bare_demonstration_with_only_the_umbrella_word_stays_apart_in_any_order(tmp_path: Path) -> None:
    """(d) With nothing shared but the umbrella word (the cause and its side agree) or a target many
    actions share, whether a second gathering that day was stored first or not must not decide: the
    bare report joins neither, in any order, and goes to the review queue beside the march."""
    def m(kind: str, **kw: object) -> EventMention:
        base = {"date": "2024-05-07", "locality": "Port Halden", "country": "KE", "event_type": [kind],
                "issues": ["economy"], "valence": 1}
        return EventMention(**{**base, **kw})  # type: ignore[arg-type]

    march = m("march", location="Harbour Road roundabout", organizations=["Port Halden Traders Union"],
              targets=["the finance minister"])
    rally = m("rally", location="Uhuru Gardens", organizations=["Halden Youth Forum"], targets=["the finance minister"])
    for bare, order in [(b, o) for b in (m("demonstration"), m("demonstration", targets=["the finance minister"]))
                        for o in ([march, b, rally], [march, rally, b], [b, march, rally])]:
        store = open_store(tmp_path / f"o{len(list(tmp_path.iterdir()))}.sqlite")
        ids = [_ingest(store, f"report {i} of the day in Port Halden", x) for i, x in enumerate(order)]
        assert len(set(ids)) == 3, order  # three events: the bare report joined nothing
        bare_id = ids[order.index(bare)]
        flags = [f for f in store.review_flags(kind="uncertain_match") if bare_id in (f["event_id"], f["other_event_id"])]
        assert flags and all("umbrella" in f["detail"]["parts"] for f in flags)
        store.close()


def test_a_kind_of_people_written_as_an_organization_is_a_crowd_not_a_group() -> None:
    """Extraction sometimes lists "Farmers" or "Striking nurses" as an organization: such a name is
    not a group, so it neither meets a group whose name holds the word ("Dale Fairness for Farmers")
    nor disagrees with another outlet's organizer. Unions named by a people noun stay groups."""
    from protestdb.resolve.merge import people_only

    for name in ("Farmers", "the protesters", "Striking nurses", "Federal workers", "Supporters"):
        assert people_only(name), name
        assert not counts_as_organizer(name, "Riverton", "OR"), name
    for name in ("Dale Fairness for Farmers", "Teamsters", "Students for Fair Rent", "Indivisible",
                 "United Orchard Workers"):
        assert not people_only(name), name
    group = match_key(_m(date=None, organizations=["Dale Fairness for Farmers"], location="Quillon Plaza",
                         event_type=["motorcade"]))
    crowd = match_key(_m(date=None, organizations=["Farmers"], location="Quillon Plaza", event_type=["motorcade"]))
    parts = explain(group, crowd)
    assert "organizer" not in parts and "organizer" not in parts["shared"]
    # look-alike kept: the group's own name on both sides is a shared organizer
    same = explain(group, match_key(_m(date=None, organizations=["Dale Fairness for Farmers"],
                                       location="Quillon Plaza", event_type=["motorcade"])))
    assert "organizer" in same["shared"]
    # a crowd word on one side does not count against another outlet's group either
    other = explain(match_key(_m(organizations=["Harbor Growers League"], location="Quillon Plaza",
                                 event_type=["rally"])),
                    match_key(_m(organizations=["Protesters"], location="Quillon Plaza", event_type=["rally"])))
    assert "organizer" not in other and "reject" not in other


def test_a_days_name_in_an_organization_list_is_not_a_group() -> None:
    """"Harvest Day" among the organizers is the action's day, not a group: it counts neither for nor
    against another outlet's named group. A group whose name only holds the word still counts."""
    for name in ("Harvest Day", "Founders Days", "Riverton Tenants Day"):
        assert not counts_as_organizer(name, "Riverton", "OR"), name
    for name in ("Harvest Day Coalition", "Day Labor Alliance", "Eastbank Tenants Alliance"):
        assert counts_as_organizer(name, "Riverton", "OR"), name
    day = _m(event_type=["march"], location="Quillon Plaza", organizations=["Harvest Day"])
    group = _m(event_type=["march"], location="Quillon Plaza", organizations=["Eastbank Tenants Alliance"])
    parts = explain(match_key(day), match_key(group))
    assert "organizer" not in parts or parts["organizer"] == 0.0
    assert "reject" not in parts and "venue" in parts["shared"]
    # two groups that act do disagree
    other = _m(event_type=["march"], location="Quillon Plaza", organizations=["Riverton Carpenters Union"])
    assert explain(match_key(other), match_key(group))["organizer"] < 0


def test_one_numbered_unit_named_through_two_parents(tmp_path: Path) -> None:
    """One outlet writes the union's acronym before its numbered council, another the council with its
    parent spelled out: one organizer. Another council's number, a local of another union with the
    same number, or a year, is not."""
    from protestdb.resolve.merge import same_org

    assert same_org("FTWU District Council 12", "District Council 12 of the Federation of Transit Workers Union")
    assert same_org("FTWU District Council 12", "District Council 12")
    assert not same_org("FTWU District Council 12", "District Council 15 of the Federation of Transit")
    assert not same_org("Millrace Drivers Local 700", "Riverton Nurses Local 700")
    assert not same_org("Riverton Teachers Union 2024", "Eastbank Teachers Union 2024 Fund")
    store = open_store(tmp_path / "u.sqlite")
    first = _report(store, "Transit workers of FTWU District Council 12 walked out on Saturday.",
                    event_type=["strike"], organizations=["FTWU District Council 12"], issues=["labor"])
    second = _report(store, "District Council 12 of the Federation of Transit Workers Union went on strike on Saturday.",
                     event_type=["strike"], organizations=["District Council 12 of the Federation of Transit Workers Union"],
                     issues=["labor"])
    assert second == first
    third = _report(store, "District Council 15 of the Federation of Transit Workers went on strike on Saturday.",
                    event_type=["strike"], organizations=["District Council 15 of the Federation of Transit"],
                    issues=["labor"])
    assert third != first
    store.close()


def test_a_shared_local_troop_or_post_number_is_not_one_group(tmp_path: Path) -> None:
    """"Local 100", "Troop 12", "Post 8" repeat across parents: two names sharing one with different
    other words are two groups, and two strikes of them in one town on one day stay two events. A
    council under a parent needs the rest of both names to agree too."""
    from protestdb.resolve.merge import same_org

    pairs = [("Transit Workers Local 100", "Auto Workers Local 100"),
             ("Nurses Union Local 8", "Teachers Union Local 8"),
             ("Boy Scouts Troop 12", "Girl Scouts Troop 12"),
             ("Harbor Veterans Post 8", "Lakeside Veterans Post 8"),
             ("FTWU District Council 12", "District Council 12 of the Federation of Teachers"),
             ("Millrace Carpenters District Council 3", "Eastbank Painters District Council 3")]
    for a, b in pairs:
        assert not same_org(a, b), (a, b)
        assert not same_org(b, a), (b, a)
    store = open_store(tmp_path / "l.sqlite")
    first = _report(store, "Members of Transit Workers Local 100 went on strike on Saturday.",
                    event_type=["strike"], organizations=["Transit Workers Local 100"], issues=["labor"])
    second = _report(store, "Members of Auto Workers Local 100 went on strike on Saturday.",
                     event_type=["strike"], organizations=["Auto Workers Local 100"], issues=["labor"])
    assert second != first
    third = _report(store, "Nurses Union Local 8 went on strike on Saturday.",
                    event_type=["strike"], organizations=["Nurses Union Local 8"], issues=["labor"])
    fourth = _report(store, "Teachers Union Local 8 went on strike on Saturday.",
                     event_type=["strike"], organizations=["Teachers Union Local 8"], issues=["labor"])
    assert fourth != third
    store.close()
