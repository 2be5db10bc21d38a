"""One event across outlets (issue 10): rules that let different outlets' reports of one action
meet, each with a look-alike that must stay apart. Sentences, places and groups are invented."""

from __future__ import annotations

from pathlib import Path

from protestdb.models import Article, EventMention
from protestdb.store import open_store


def _report(store, text: str, published: str | None = None, **fields) -> str:
    base = {"locality": "Riverton", "state": "OR", "country": "US"}
    (eid,) = store.add_mentions(Article.make(text, published=published), [EventMention(**{**base, **fields})])
    return eid


def test_outlets_naming_different_groups_at_one_plaza_on_one_day_meet(tmp_path: Path) -> None:
    """One outlet names the union, another the tenants' group: the same plaza, day, kind of action and
    cause are one gathering; different organizers count less against it than elsewhere."""
    store = open_store(tmp_path / "o.sqlite")
    first = _report(store, "Hundreds rallied at Quillon Plaza on Saturday, led by the Riverton Carpenters Union.",
                    published="2025-05-11", date="2025-05-10", location="Quillon Plaza",
                    event_type=["rally", "march"], organizations=["Riverton Carpenters Union"],
                    issues=["immigration"])
    second = _report(store, "Marchers left Quillon Plaza on Saturday, the Eastbank Tenants Alliance said.",
                     published="2025-05-11", date="2025-05-10", location="Quillon Plaza",
                     event_type=["march"], organizations=["Eastbank Tenants Alliance"], issues=["immigration"])
    assert second == first
    store.close()


def test_different_groups_at_one_plaza_for_different_causes_stay_apart(tmp_path: Path) -> None:
    """Look-alike: the same plaza and day, but other organizers with another cause: two gatherings."""
    store = open_store(tmp_path / "l.sqlite")
    first = _report(store, "Hundreds rallied at Quillon Plaza on Saturday, led by the Riverton Carpenters Union.",
                    published="2025-05-11", date="2025-05-10", location="Quillon Plaza", event_type=["rally"],
                    organizations=["Riverton Carpenters Union"], issues=["labor"])
    second = _report(store, "A rally for the river cleanup filled Quillon Plaza on Saturday, the Green Riverton"
                     " Club said.", published="2025-05-11", date="2025-05-10", location="Quillon Plaza",
                     event_type=["rally"], organizations=["Green Riverton Club"], issues=["climate"])
    assert second != first
    # ... and other organizers at the plaza a day later, near midnight or not, stay apart too
    third = _report(store, "The Eastbank Tenants Alliance rallied at Quillon Plaza on Sunday.",
                    published="2025-05-12", date="2025-05-11", location="Quillon Plaza", event_type=["rally"],
                    organizations=["Eastbank Tenants Alliance"], issues=["labor"])
    assert third not in (first, second)
    store.close()


def _undated(store, text: str, words: str, **fields) -> str:
    """A report with no date and no publication date whose date words name no year."""
    m = EventMention(locality="Riverton", state="OR", country="US", date=None, date_precision="unknown", **fields)
    start = text.index(words)
    m.add_evidence("date_precision", start, start + len(words), words)
    (eid,) = store.add_mentions(Article.make(text), [m])
    return eid


def test_month_days_reads_date_words_without_a_year() -> None:
    from protestdb.store.keys import month_days

    assert month_days("Monday, June 9") == {"06-09"}
    assert month_days("Saturday, Oct. 18th") == {"10-18"}
    assert month_days("el 18 de octubre") == {"10-18"}
    assert month_days("Saturday") == frozenset() and month_days("in June") == frozenset()
    assert month_days("June 9:30") == frozenset()  # a time, not a day


def test_an_undated_page_whose_words_name_the_day_joins_that_days_event(tmp_path: Path) -> None:
    """No date and no publication date, but "on Monday, June 9": the words place it on the day of the
    dated report at the same park, which it joins; the event keeps the dated source's date."""
    store = open_store(tmp_path / "w.sqlite")
    dated = _report(store, "Thousands of workers rallied in Alder Park on Monday.", published="2025-06-10",
                    date="2025-06-09", location="Alder Park", event_type=["rally"], issues=["labor"])
    joined = _undated(store, "Workers filled Alder Park on Monday, June 9, to demand raises.", "Monday, June 9",
                      location="Alder Park", event_type=["rally"], issues=["labor"])
    assert joined == dated and store.get_event(dated).date == "2025-06-09"
    store.close()
    # the other order: the undated page first, the dated report joins it and dates the event
    store = open_store(tmp_path / "w2.sqlite")
    first = _undated(store, "Workers filled Alder Park on Monday, June 9, to demand raises.", "Monday, June 9",
                     location="Alder Park", event_type=["rally"], issues=["labor"])
    later = _report(store, "Thousands of workers rallied in Alder Park on Monday.", published="2025-06-10",
                    date="2025-06-09", location="Alder Park", event_type=["rally"], issues=["labor"])
    assert later == first and store.get_event(first).date == "2025-06-09"
    store.close()


def test_an_undated_page_whose_words_name_another_day_stays_apart(tmp_path: Path) -> None:
    """Look-alike: the same park a week later ("Monday, June 16") is another rally; and a page with no
    date words at all is placed on no day."""
    store = open_store(tmp_path / "x.sqlite")
    dated = _report(store, "Thousands of workers rallied in Alder Park on Monday.", published="2025-06-10",
                    date="2025-06-09", location="Alder Park", event_type=["rally"], issues=["labor"])
    other = _undated(store, "Workers filled Alder Park on Monday, June 16, to demand raises.", "Monday, June 16",
                     location="Alder Park", event_type=["rally"], issues=["labor"])
    (bare,) = store.add_mentions(Article.make("Workers filled Alder Park again to demand raises."),
                                 [EventMention(locality="Riverton", state="OR", country="US", date=None,
                                               location="Alder Park", event_type=["rally"], issues=["labor"])])
    assert dated not in (other, bare)
    # June 9 of another year: the weekday the words name is not that day's
    wrong_year = _undated(store, "Workers filled Alder Park on Sunday, June 9, to demand raises.", "Sunday, June 9",
                          location="Alder Park", event_type=["rally"], issues=["labor"])
    assert wrong_year != dated
    store.close()


def test_a_neighbourhood_is_a_place_not_a_venue(tmp_path: Path) -> None:
    """One outlet places the march in its district ("Center City"), another at a plaza there: the
    district is the place at a coarser level, not another venue, so the shared organizer joins them."""
    store = open_store(tmp_path / "n.sqlite")
    base = {"locality": "Philadelphia", "state": "PA", "date": "2025-04-05", "event_type": ["march"],
            "organizations": ["Schuylkill Renters Union"]}
    first = _report(store, "The Schuylkill Renters Union marched through Center City on Saturday.",
                    published="2025-04-06", location="Center City", **base)
    second = _report(store, "Renters marched from Tindall Plaza on Saturday, the Schuylkill Renters Union said.",
                     published="2025-04-06", location="Tindall Plaza", **base)
    assert second == first
    store.close()


def test_two_venues_in_one_neighbourhood_are_two_venues(tmp_path: Path) -> None:
    """Look-alike: two plazas of one neighbourhood the same day ("Tindall Plaza, Boyle Heights" and
    "Quarry Park, Boyle Heights"): the neighbourhood's name is no venue they share."""
    store = open_store(tmp_path / "v.sqlite")
    base = {"locality": "Los Angeles", "state": "CA", "date": "2025-04-05", "event_type": ["rally"]}
    first = _report(store, "Dozens rallied at Tindall Plaza in Boyle Heights on Saturday.", published="2025-04-06",
                    location="Tindall Plaza, Boyle Heights", **base)
    second = _report(store, "Dozens rallied at Quarry Park in Boyle Heights on Saturday.", published="2025-04-06",
                     location="Quarry Park, Boyle Heights", **base)
    assert second != first
    store.close()


def test_organizer_names_meet_across_outlets() -> None:
    """An acronym inside a longer name, a year on a coalition's name, a chapter and its movement."""
    from protestdb.resolve.merge import orgs_overlap

    assert orgs_overlap(["HFWU DC 12"], ["District Council 12"])
    assert orgs_overlap(["Coalition to March on the Summit"], ["March on the Summit 2026"])
    assert orgs_overlap(["Indivisible"], ["Indivisible Harborview"])
    assert orgs_overlap(["R.V. Tenants Network"], ["RV Tenants Network"])


def test_organizer_names_that_differ_stay_apart() -> None:
    """Look-alikes: other union locals, other chapters, the same initials of two names."""
    from protestdb.resolve.merge import orgs_overlap

    assert not orgs_overlap(["District Council 12"], ["District Council 17"])
    assert not orgs_overlap(["Millworkers Local 521"], ["Millworkers Local 1021"])
    assert not orgs_overlap(["Indivisible Harborview"], ["Indivisible Lakeport"])
    assert not orgs_overlap(["Harbor Peace Coalition"], ["Hill Parents Council"])


def test_an_actions_name_meets_its_variants() -> None:
    """"Day Without Tenants boycott" / "A Day Without Tenants", "Global Rent Strike" / "rent strike",
    "Keys Back march 2026" / "Keys Back": one action's name as outlets write it."""
    from protestdb.resolve.merge import _title_key, titles_meet

    def meet(a: str, b: str) -> bool:
        ka, kb = _title_key(a), _title_key(b)
        return ka is not None and kb is not None and titles_meet(ka, kb)

    assert meet("Day Without Tenants boycott", "A Day Without Tenants")
    assert meet("Global Rent Strike", "rent strike")
    assert meet("Keys Back march 2026", "Keys Back")
    assert meet("Keys Back Day", "Keys Back Riverton")  # the name inside a longer one


def test_other_actions_names_stay_apart() -> None:
    """Look-alikes: another edition ("Keys Back 2"), another name sharing a word, a one-word name."""
    from protestdb.resolve.merge import _title_key, titles_meet

    def meet(a: str, b: str) -> bool:
        ka, kb = _title_key(a), _title_key(b)
        return ka is not None and kb is not None and titles_meet(ka, kb)

    assert not meet("Keys Back", "Keys Back 2")
    assert not meet("Keys Back", "Keys Forward")
    assert not meet("Rent Strike", "Rent Relief Now")
    assert not meet("Solidarity", "Solidarity Forever")  # a one-word name is too common to contain


def _undated_words(store, text: str, words: str | None, **fields) -> str:
    """A report with no date and no publication date (``words``: its date words without a year)."""
    m = EventMention(locality="Riverton", state="OR", country="US", date=None, date_precision="unknown", **fields)
    if words:
        start = text.index(words)
        m.add_evidence("date_precision", start, start + len(words), words)
    (eid,) = store.add_mentions(Article.make(text), [m])
    return eid


def test_an_undated_page_joins_the_one_dated_event_its_specifics_and_weekday_fit(tmp_path: Path) -> None:
    """No date and no publication date, "on Thursday": the action's name and the same organizer at the
    same specific venue, and the dated event's weekday is Thursday: it joins, the event keeps its date.
    The same words naming Friday stay apart, and so does the organizer at its venue without the
    action's name (one group's campaign returns to its venue on the same weekday, another year)."""
    store = open_store(tmp_path / "wd.sqlite")
    org = ["Millrace Bus Drivers Union"]
    name = "Fair Shifts Picket"
    dated = _report(store, "Bus drivers picketed the Tollgate Depot on Thursday.", published="2025-03-07",
                    date="2025-03-06", location="Tollgate Depot", event_type=["picket"], organizations=org, title=name)
    friday = _undated_words(store, "Drivers of the Millrace Bus Drivers Union picketed the Tollgate Depot on Friday.",
                            "on Friday", location="Tollgate Depot", event_type=["picket"], organizations=org, title=name)
    assert friday != dated
    unnamed = _undated_words(store, "The Millrace Bus Drivers Union picketed the Tollgate Depot on Thursday.",
                             "on Thursday", location="Tollgate Depot", event_type=["picket"], organizations=org)
    assert unnamed != dated
    joined = _undated_words(store, "The Millrace Bus Drivers Union held a picket at the Tollgate Depot on Thursday.",
                            "on Thursday", location="Tollgate Depot", event_type=["picket"], organizations=org, title=name)
    assert joined == dated and store.get_event(dated).date == "2025-03-06"
    store.close()


def test_an_undated_page_needs_two_kinds_of_specifics(tmp_path: Path) -> None:
    """Look-alike: an undated report sharing only the venue and the target (the next week's rally at
    the same depot against the same company), or only the action's name, joins nothing."""
    store = open_store(tmp_path / "two.sqlite")
    dated = _report(store, "Riders rallied at the Tollgate Depot against Coastline Transit on Thursday.",
                    published="2025-03-07", date="2025-03-06", location="Tollgate Depot", event_type=["rally"],
                    targets=["Coastline Transit"], title="Fare Freeze Day")
    venue_only = _undated_words(store, "Riders rallied at the Tollgate Depot against Coastline Transit.", None,
                                location="Tollgate Depot", event_type=["rally"], targets=["Coastline Transit"])
    name_only = _undated_words(store, "Fare Freeze Day drew riders downtown.", None, event_type=["rally"],
                               title="Fare Freeze Day")
    assert dated not in (venue_only, name_only)
    # the name with the same claim in the same words is two kinds
    both = _undated_words(store, "Fare Freeze Day riders demanded a freeze on bus fares.", None, event_type=["rally"],
                          title="Fare Freeze Day", claims_summary=["for a freeze on bus fares"])
    assert both != dated  # the dated report gave no claim: still one kind
    store.close()


def test_an_undated_page_that_fits_two_days_joins_neither(tmp_path: Path) -> None:
    """A weekly protest: the same group at the same depot two Thursdays running. An undated report
    naming Thursday fits both days: it joins neither (the review queue shows both)."""
    store = open_store(tmp_path / "wk.sqlite")
    org = ["Millrace Bus Drivers Union"]
    name = "Fair Shifts Picket"
    first = _report(store, "Bus drivers picketed the Tollgate Depot on Thursday.", published="2025-03-07",
                    date="2025-03-06", location="Tollgate Depot", event_type=["picket"], organizations=org, title=name)
    second = _report(store, "Bus drivers picketed the Tollgate Depot again on Thursday.", published="2025-03-14",
                     date="2025-03-13", location="Tollgate Depot", event_type=["picket"], organizations=org, title=name)
    assert first != second
    undated = _undated_words(store, "The Millrace Bus Drivers Union picketed the Tollgate Depot on Thursday.",
                             "on Thursday", location="Tollgate Depot", event_type=["picket"], organizations=org,
                             title=name)
    assert undated not in (first, second)
    flags = store.review_flags(kind="uncertain_match")
    assert {f["other_event_id"] for f in flags if f["event_id"] == undated} == {first, second}
    assert all("several days" in f["detail"]["parts"]["reject"] for f in flags if f["event_id"] == undated)
    store.close()


def _dated_words(store, text: str, words: str, day: str, **fields) -> str:
    """A dated report whose date has its words as evidence."""
    m = EventMention(locality="Riverton", state="OR", country="US", date=day, **fields)
    start = text.index(words)
    m.add_evidence("date", start, start + len(words), words)
    (eid,) = store.add_mentions(Article.make(text, published=day), [m])
    return eid


def test_an_undated_page_naming_the_organizer_and_the_weekday_joins(tmp_path: Path) -> None:
    """The action's name, who acts and the day of the week the words name: the union's named strike
    "on Tuesday" joins the union's Tuesday strike; the same "on Wednesday" (the strike's second day)
    does not, and neither does a report naming only the depot and Tuesday (weekly protests at one place)."""
    store = open_store(tmp_path / "who.sqlite")
    org = ["Millrace Bus Drivers Union"]
    name = "Fair Shifts Strike"
    tuesday = _dated_words(store, "Bus drivers went on strike on Tuesday.", "on Tuesday", "2025-03-04",
                           event_type=["strike"], organizations=org, title=name)
    wednesday = _dated_words(store, "The drivers' strike went into a second day on Wednesday.", "on Wednesday",
                             "2025-03-05", event_type=["strike"], organizations=org, title=name)
    assert tuesday != wednesday  # a day apart, and neither near midnight
    day2 = _undated_words(store, "Millrace Bus Drivers Union members stayed out on Wednesday.", "on Wednesday",
                          event_type=["strike"], organizations=["Millrace Bus Drivers Union"], title=name)
    joined = _undated_words(store, "The Millrace Bus Drivers Union walked off the job on Tuesday.", "on Tuesday",
                            event_type=["strike"], organizations=["Millrace Bus Drivers Union"], title=name)
    assert joined == tuesday and day2 == wednesday
    depot = _report(store, "Riders rallied at the Tollgate Depot on Tuesday.", published="2025-03-05",
                    date="2025-03-04", location="Tollgate Depot", event_type=["rally"])
    venue_day = _undated_words(store, "A crowd of riders filled the Tollgate Depot on Tuesday.", "on Tuesday",
                               location="Tollgate Depot", event_type=["rally"])
    assert venue_day != depot
    store.close()


def test_an_action_name_written_as_its_organizer_meets_the_name(tmp_path: Path) -> None:
    """One outlet names the action ("the Lantern Walk for Tenants"), another writes that name as its
    organizer while a third names a local group: the name is one specific they share, and the
    campaign's name in one list and a local group in another do not disagree. Look-alikes stay apart:
    the same name in another city the same day, in the same city the next day, a counter-protest
    at the same place and day, and the next march the organizer announces."""
    store = open_store(tmp_path / "an.sqlite")
    name = "Lantern Walk for Tenants"
    first = _dated_words(store, "The Lantern Walk for Tenants crossed Riverton on Saturday, led by the Eastbank"
                         " Tenants Alliance.", "on Saturday", "2025-05-10", event_type=["march"],
                         title=name, organizations=["Eastbank Tenants Alliance"])
    second = _dated_words(store, "Marchers organized by Lantern Walk for Tenants filled Riverton streets on Saturday.",
                          "on Saturday", "2025-05-10", event_type=["march"], organizations=[name])
    assert second == first
    other_city = _report(store, "Marchers organized by Lantern Walk for Tenants filled Millbrook on Saturday.",
                         published="2025-05-11", date="2025-05-10", event_type=["march"], organizations=[name],
                         locality="Millbrook")
    next_day = _dated_words(store, "Marchers organized by Lantern Walk for Tenants crossed Riverton on Sunday.",
                            "on Sunday", "2025-05-11", event_type=["march"], organizations=[name])
    counter = _dated_words(store, "Landlords mocking the Lantern Walk for Tenants counter-protested on Saturday.",
                           "on Saturday", "2025-05-10", event_type=["counter-protest"], organizations=[name])
    announced = _dated_words(store, "Lantern Walk for Tenants will march through Riverton again on May 17.",
                             "on May 17", "2025-05-17", event_type=["march"], organizations=[name],
                             announced_only=True)
    assert len({first, other_city, next_day, counter, announced}) == 5
    store.close()


def test_an_undated_page_writing_the_action_name_as_organizer_needs_its_weekday(tmp_path: Path) -> None:
    """No date and no publication date: the action's name written as the organizer counts as the name,
    and with the dated event's weekday in the page's words it joins (the name and the weekday: two
    kinds). The same page naming another weekday stays apart, and so does the name alone."""
    store = open_store(tmp_path / "aw.sqlite")
    name = "Lantern Walk for Tenants"
    dated = _report(store, "The Lantern Walk for Tenants crossed Riverton on Saturday.", published="2025-05-11",
                    date="2025-05-10", event_type=["march"], title=name, organizations=["Eastbank Tenants Alliance"])
    friday = _undated_words(store, "Lantern Walk for Tenants marched through Riverton on Friday.", "on Friday",
                            event_type=["march"], organizations=[name])
    bare = _undated_words(store, "Lantern Walk for Tenants marched through Riverton.", None,
                          event_type=["march"], organizations=[name])
    assert dated not in (friday, bare)
    joined = _undated_words(store, "Lantern Walk for Tenants marched through Riverton on Saturday.", "on Saturday",
                            event_type=["march"], organizations=[name])
    assert joined == dated and store.get_event(dated).date == "2025-05-10"
    store.close()


def test_a_report_naming_only_the_police_is_a_bare_report_of_the_days_march(tmp_path: Path) -> None:
    """Extraction may list the police force that answered a march as an organization ("RPD", "Riverton
    Police Department"): a force is no organizer, so the report names nothing specific and joins the
    one march of that place and day with the same kinds of action. Look-alikes stay apart: the next day,
    another city the same day, and a counter-protest at the same place and day; with two marches that
    day, nothing tells which one it tells."""
    store = open_store(tmp_path / "po.sqlite")
    held = _dated_words(store, "Marchers blocked the Ferrant Bridge on Friday night.", "Friday night", "2025-01-24",
                        event_type=["march", "blockade"], location="Ferrant Bridge")
    police = _dated_words(store, "Marchers blocked traffic on Friday night, RPD said.", "Friday night", "2025-01-24",
                          event_type=["march", "blockade"], organizations=["RPD"])
    assert police == held
    next_day = _dated_words(store, "Marchers blocked traffic on Saturday, RPD said.", "on Saturday", "2025-01-25",
                            event_type=["march", "blockade"], organizations=["RPD"])
    elsewhere = _report(store, "Marchers blocked traffic in Dunmore on Friday night, police said.",
                        published="2025-01-25", date="2025-01-24", locality="Dunmore",
                        event_type=["march", "blockade"], organizations=["Dunmore Police Department"])
    counter = _dated_words(store, "Counter-protesters gathered on Friday night, RPD said.", "Friday night",
                           "2025-01-24", event_type=["counter-protest"], organizations=["RPD"])
    assert len({held, next_day, elsewhere, counter}) == 4
    store.close()


def test_a_police_only_report_stays_apart_when_two_marches_fit(tmp_path: Path) -> None:
    store = open_store(tmp_path / "p2.sqlite")
    bridge = _dated_words(store, "Marchers blocked the Ferrant Bridge on Friday.", "on Friday", "2025-01-24",
                          event_type=["march"], location="Ferrant Bridge")
    depot = _dated_words(store, "Drivers marched to the Halvard Depot on Friday.", "on Friday", "2025-01-24",
                         event_type=["march"], location="Halvard Depot", organizations=["Halvard Drivers Union"])
    police = _dated_words(store, "People marched on Friday, the Riverton Police Department said.", "on Friday",
                          "2025-01-24", event_type=["march"], organizations=["Riverton Police Department"])
    assert police not in (bridge, depot)
    store.close()


def test_an_undated_page_telling_the_organizer_venue_and_crowd_alike_joins(tmp_path: Path) -> None:
    """No date and no publication date, no action's name: the same organizer at the same specific
    venue with a crowd of the same order, and nothing against (types, claims, issues): three specifics
    of one action, it joins and the event keeps its date. Look-alikes stay apart: the crowd ten times
    larger, another claim, the organizer and venue without a crowd figure, and a report fitting two
    stored weeks of the same picket."""
    store = open_store(tmp_path / "ovs.sqlite")
    org = ["Millrace Bus Drivers Union"]
    kw = {"location": "Tollgate Depot", "event_type": ["picket"], "organizations": org, "issues": ["labor"]}
    dated = _report(store, "About 150 bus drivers picketed the Tollgate Depot on Thursday.", published="2025-03-07",
                    date="2025-03-06", size_low=150, size_high=150, claims_summary=["for safer shifts"], **kw)
    joined = _undated_words(store, "About 200 drivers of the Millrace Bus Drivers Union picketed the Tollgate Depot"
                            " on Thursday.", "on Thursday", size_low=200, size_high=200, **kw)
    assert joined == dated and store.get_event(dated).date == "2025-03-06"
    why = list(store.sources_why(dated).values())[-1]  # as `protestdb show` says why a source is there
    assert why["how"] == "match" and {"organizer", "size"} <= set(why["parts"]["shared"])
    bigger = _undated_words(store, "Some 3,000 members of the Millrace Bus Drivers Union picketed the Tollgate Depot.",
                            None, size_low=3000, size_high=3000, **kw)
    assert bigger != dated
    other_claim = _undated_words(store, "About 120 drivers of the Millrace Bus Drivers Union picketed the Tollgate"
                                 " Depot against the new route map.", None, size_low=120, size_high=120,
                                 claims_summary=["against the new route map"], **kw)
    assert other_claim != dated
    no_size = _undated_words(store, "The Millrace Bus Drivers Union picketed the Tollgate Depot.", None, **kw)
    assert no_size != dated
    # the same picket a week later stored too: an undated report fitting both days joins neither
    later = _report(store, "About 180 bus drivers picketed the Tollgate Depot again on Thursday.",
                    published="2025-03-14", date="2025-03-13", size_low=180, size_high=180, **kw)
    assert later != dated
    again = _undated_words(store, "About 170 drivers of the Millrace Bus Drivers Union picketed the Tollgate Depot.",
                           None, size_low=170, size_high=170, **kw)
    assert again not in (dated, later)
    store.close()


def test_two_undated_pages_telling_the_organizer_venue_and_crowd_alike_stay_two(tmp_path: Path) -> None:
    """Neither page has a date: the organizer, venue and crowd alone place an undated report on a dated
    event, never join two undated ones (they may be any two days of the group's pickets)."""
    store = open_store(tmp_path / "uu.sqlite")
    kw = {"location": "Tollgate Depot", "event_type": ["picket"], "organizations": ["Millrace Bus Drivers Union"],
          "issues": ["labor"]}
    first = _undated_words(store, "About 150 drivers of the Millrace Bus Drivers Union picketed the Tollgate Depot.",
                           None, size_low=150, size_high=150, **kw)
    second = _undated_words(store, "About 300 drivers of the Millrace Bus Drivers Union picketed the Tollgate Depot.",
                            None, size_low=300, size_high=300, **kw)
    assert second != first
    store.close()


def test_an_undated_page_telling_a_recurring_picket_goes_to_review_in_either_order(tmp_path: Path) -> None:
    """The undated page says the picket recurs ("for the fifth straight week", "every Thursday"): with
    only one week stored, the organizer, venue and crowd fit it, but the page may tell any week -- it
    stays apart and the pair goes to the review queue, whichever page arrives first. The same page
    without the recurrence words joins (the rule is not simply off)."""
    kw = {"location": "Tollgate Depot", "event_type": ["picket"], "organizations": ["Millrace Bus Drivers Union"],
          "issues": ["labor"]}
    dated_text = "About 150 bus drivers picketed the Tollgate Depot on Thursday."
    dated_kw = {"published": "2025-03-07", "date": "2025-03-06", "size_low": 150, "size_high": 150, **kw}
    recurring = ["For the fifth straight week, about 160 drivers of the Millrace Bus Drivers Union picketed the"
                 " Tollgate Depot.",
                 "About 160 drivers of the Millrace Bus Drivers Union picketed the Tollgate Depot, as they do every"
                 " Thursday.",
                 "About 160 drivers of the Millrace Bus Drivers Union picketed the Tollgate Depot again."]
    for n, text in enumerate(recurring):
        for undated_first in (False, True):
            store = open_store(tmp_path / f"r{n}{int(undated_first)}.sqlite")
            if undated_first:
                undated = _undated_words(store, text, None, size_low=160, size_high=160, **kw)
                dated = _report(store, dated_text, **dated_kw)
            else:
                dated = _report(store, dated_text, **dated_kw)
                undated = _undated_words(store, text, None, size_low=160, size_high=160, **kw)
            assert undated != dated, (text, undated_first)
            flags = store.review_flags(kind="uncertain_match")
            assert any({f["event_id"], f["other_event_id"]} == {dated, undated}
                       and "recurring" in f["detail"]["parts"]["reject"] for f in flags), (text, undated_first)
            store.close()
    for undated_first in (False, True):
        store = open_store(tmp_path / f"once{int(undated_first)}.sqlite")
        once = "About 160 drivers of the Millrace Bus Drivers Union picketed the Tollgate Depot."
        if undated_first:
            undated = _undated_words(store, once, None, size_low=160, size_high=160, **kw)
            dated = _report(store, dated_text, **dated_kw)
        else:
            dated = _report(store, dated_text, **dated_kw)
            undated = _undated_words(store, once, None, size_low=160, size_high=160, **kw)
        assert undated == dated, undated_first
        store.close()
