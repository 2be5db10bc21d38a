"""Issue 9, error class 3: roundups give one event per listed city or site, with the
crowd number each item tells.

All sentences are written for these tests (no real page text)."""

from __future__ import annotations

from datetime import date

from helpers import events_by_city
from protestdb.extract import extract_text

PUB = date(2025, 3, 12)


def _by_city(text: str) -> dict[str, object]:
    return events_by_city(text, PUB)


def test_inline_numbers_before_cities() -> None:
    text = (
        "Unions said turnout was up across Germany on Tuesday as workers marched against the pension plan. "
        "Police counted 12,000 in Hamburg, 9,500 in Cologne and 7,000 in Leipzig."
    )
    ev = _by_city(text)
    assert {"Hamburg", "Leipzig"} <= set(ev) and len(ev) == 3
    assert ev["Hamburg"].size_low == 12000 and ev["Leipzig"].size_low == 7000
    assert all(e.country == "DE" for e in ev.values())


def test_numbers_in_parentheses_after_cities() -> None:
    text = (
        "Teachers demonstrated in smaller towns of France on Thursday as well, such as Rodez (1200), "
        "Albi (800) or Auch (650), the unions said."
    )
    ev = _by_city(text)
    assert {"Rodez", "Albi", "Auch"} <= set(ev)
    assert ev["Albi"].size_low == 800


def test_turnout_table_one_line_per_city() -> None:
    text = (
        "Marches against the war drew crowds in many cities on Saturday, organizers said.\n"
        "Turnout by city:\n"
        "Denver: 40,000\n"
        "Tucson, Arizona: 8,000\n"
        "Omaha: 2,500, police said.\n"
    )
    ev = _by_city(text)
    assert {"Denver", "Tucson", "Omaha"} <= set(ev)
    assert ev["Omaha"].size_low == 2500
    assert all("march" in e.event_type for e in ev.values())


def test_bulleted_sites() -> None:
    text = (
        "Autoworkers went on strike at plants in three states on Friday, the union said.\n"
        "The picket lines:\n"
        "• Local 44 at the stamping plant in Wichita, Kansas\n"
        "• Local 88 at the engine plant in Akron, Ohio\n"
        "• Local 12 at the assembly plant in Lansing, Michigan\n"
    )
    ev = _by_city(text)
    assert {"Wichita", "Akron", "Lansing"} <= set(ev)
    assert ev["Akron"].state == "OH"


def test_lone_number_is_no_roundup() -> None:
    text = "About 2,000 in Boise marched to the capitol on Saturday against the bill, police said."
    res = extract_text(text, PUB)
    assert [e.locality for e in res.events] == ["Boise"]


def test_section_headers_name_the_cities() -> None:
    text = (
        "Students march against gun violence\n\n"
        "Students marched in dozens of cities on Saturday to demand stricter gun laws, organizers said.\n"
        "Tucson\n"
        "About 3,000 people marched to the county courthouse.\n"
        "Omaha\n"
        "Hundreds rallied at the state capitol steps.\n"
    )
    locs = {e.locality for e in extract_text(text, PUB).events}
    assert {"Tucson", "Omaha"} <= locs


def test_list_of_cities_where_events_are_scheduled() -> None:
    text = (
        "Rallies against the budget cuts are planned this weekend across the country.\n\n"
        "The largest events are scheduled for Denver, Tucson, Omaha and Boise on Saturday, organizers said.\n"
    )
    evs = [e for e in extract_text(text, PUB).events if e.locality]
    assert {"Denver", "Tucson", "Omaha", "Boise"} <= {e.locality for e in evs}
    assert all(e.announced_only for e in evs)


def test_roundup_organizers_speak_for_listed_events() -> None:
    text = (
        "Rallies against the budget cuts drew crowds in several cities on Saturday.\n\n"
        "The rallies were organized by the Coalition for Fair Budgets, which said turnout beat its hopes.\n"
        "Turnout by city:\n"
        "Denver: 4,000\n"
        "Omaha: 2,500\n"
    )
    ev = _by_city(text)
    assert {"Denver", "Omaha"} <= set(ev)
    for city in ("Denver", "Omaha"):
        assert ev[city].organizations == ["Coalition for Fair Budgets"]
        assert ev[city].evidence["organizations"][0].quote == "Coalition for Fair Budgets"


def test_campus_list_gives_one_event_per_campus() -> None:
    text = (
        "Student encampments spread to more campuses on Tuesday, organizers said.\n\n"
        "Students set up encampments at Tufts University, Yale University, Duke University and the "
        "University of Minnesota on Tuesday to protest the war.\n"
    )
    res = extract_text(text, PUB)
    by_place = {(e.locality, e.state) for e in res.events}
    assert {("Medford", "MA"), ("New Haven", "CT"), ("Durham", "NC"), ("Minneapolis", "MN")} <= by_place
    yale = next(e for e in res.events if e.locality == "New Haven")
    assert "Yale University" in (yale.location or "")


def test_list_goes_on_past_names_the_gazetteer_does_not_know() -> None:
    # "Quillanbrook" and "Vosterdam" are made up: the list of sites goes on after them
    text = (
        "Tens of thousands of people marched against the pension plan in Paris on Saturday. "
        "Crowds also rallied in dozens of other towns across France, including in Nantes, Quillanbrook, "
        "Vosterdam, Bordeaux and Strasbourg."
    )
    ev = _by_city(text)
    assert {"Paris", "Nantes", "Bordeaux", "Strasbourg"} <= set(ev)
    assert "Quillanbrook" not in ev and "Vosterdam" not in ev


def test_city_after_a_list_is_no_site_without_its_gap() -> None:
    # a city told in the next sentence after a list (a sentence end between them) is no item of it
    text = (
        "Workers rallied on Saturday in Nantes, Bordeaux and Strasbourg against the pension plan. "
        "The minister, who grew up in Toulouse, said the plan would stay."
    )
    ev = _by_city(text)
    assert {"Nantes", "Bordeaux", "Strasbourg"} <= set(ev)
    assert "Toulouse" not in ev


def test_campuses_listed_as_examples_in_two_cities() -> None:
    # three campuses told as examples of a wave, in two localities: each locality gets its event
    text = (
        "Student sit-ins against tuition hikes spread on Tuesday to campuses across the country, "
        "including Boston University, Northeastern University and Yale University."
    )
    ev = _by_city(text)
    assert {"Boston", "New Haven"} <= set(ev)


def test_two_campuses_told_without_a_list_cue_stay_apart() -> None:
    # a campus named as where a speaker works is no second site of the action
    text = (
        "Students held a sit-in at Boston University on Tuesday against tuition hikes, said a professor "
        "at Northeastern University and Yale University who studies campus activism."
    )
    ev = _by_city(text)
    assert "New Haven" not in ev


def test_strike_sites_listed_as_hospital_in_town_and_hospital_in_town() -> None:
    # a strike wave told site by site: "Hospital in Town and Other Hospital in Other Town"
    text = (
        "Nurses at five hospitals went on strike on Monday over staffing, their union said. "
        "The strike involves nurses at Elmcrest General Hospital in St. Louis Park and Birchwood "
        "Memorial Health in Robbinsdale, as well as at two hospitals in Duluth."
    )
    ev = _by_city(text)
    assert {"St. Louis Park", "Robbinsdale", "Duluth"} <= {k.replace("Saint ", "St. ") for k in ev}


def test_university_named_for_a_city_and_a_person_is_no_city() -> None:
    # "at X and Y University": one venue's name, not the city X
    text = "Students rallied at Washington and Lee University on Monday against the new fees, organizers said."
    ev = _by_city(text)
    assert "Washington" not in ev



def test_a_list_crosses_a_splitter_break_only_where_no_sentence_ends() -> None:
    from protestdb.extract.places import Place, _listed_after, _site_patterns

    pats = _site_patterns("en")
    for text, crossed in (("rallied in Elmford, and Dunmore", True), ("rallied in Elmford, Mo. and Dunmore", False)):
        town = text.index("Dunmore")
        prev = text.index(", and") if crossed else text.index(" and")
        # a splitter's sentence starts right before "and": the previous item is in the sentence before
        lo = text.index("and Dunmore")
        p = Place(town, town + 7, "Dunmore", "city", "OH", "Dunmore", "US")
        assert _listed_after(text, lo, prev, p, pats) is crossed
        assert _listed_after(text, 0, prev, p, pats)  # both items in one sentence: listed
