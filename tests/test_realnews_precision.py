"""Issue 9, event precision: events that should not exist or are at the wrong place.

A place that only starts another name (a street, a newspaper, a body it qualifies, a name the
gazetteer does not know), a paragraph's dateline beside the town the story is about, a "FILE -"
photo caption, the same action told once as planned and once as held, counter-protests told in
general or denied, and past actions recalled in a clause.

All sentences are written for these tests (no real page text)."""

from __future__ import annotations

from datetime import date

from protestdb.extract import extract_text
from protestdb.extract.furniture import is_furniture
from protestdb.extract.places import Place, gazetteer_places, is_dateline_mention, place_tail

PUB = date(2025, 3, 12)


def _localities(text: str, published: date = PUB) -> list[tuple[str | None, str]]:
    res = extract_text(text, published)
    return [(e.locality, "; ".join(e.event_type)) for e in res.events]


def _found(text: str, lang: str = "en") -> set[str]:
    return {p.quote for p in gazetteer_places(text, lang=lang)}


# --- a place that starts another name ------------------------------------------------------


def test_street_named_after_a_town_is_no_town() -> None:
    assert "Durban" not in _found("Residents burned tyres along the busy Durban road on Monday.")
    assert "Durban" not in _found("Police closed Durban Rd. after the march.")
    assert place_tail("the Durban road", len("the Durban"))


def test_newspaper_named_after_a_town_is_no_town() -> None:
    assert "Boston" not in _found("About 4,000 marched, the Boston Globe reported.")
    assert "Burlington" not in _found("Montpelier, Vermont: 7,000, the Burlington Free Press reported.")
    assert "Montpelier" in _found("Montpelier, Vermont: 7,000, the Burlington Free Press reported.")


def test_town_qualifying_a_body_is_no_event_place() -> None:
    assert "Denver" not in _found("The rallies followed the death of a man in Denver police custody.")
    assert "Denver" in _found("The rallies followed a march in Denver on Friday.")


def test_name_the_gazetteer_does_not_know() -> None:
    # "Carolina del Norte" is the state, not the town of Carolina
    assert _found("Hubo marchas en Raleigh, Carolina del Norte, el lunes.", "es") == {"Raleigh"}
    assert "Rio de Janeiro" in _found("Thousands marched in Rio de Janeiro on Sunday.")


def test_an_event_at_a_town_is_kept() -> None:
    assert _localities("Hundreds of nurses rallied outside the hospital in Fresno on Monday.") == [("Fresno", "rally")]


# --- datelines -----------------------------------------------------------------------------


def test_paragraph_dateline_beside_the_town_of_the_story() -> None:
    text = ("The police say they are monitoring the situation.\n\n"
            "DENVER - The Eastside community in Boulder barricaded several roads with burning tyres on Friday.\n\n"
            "The protest started over water cuts.\n")
    assert [loc for loc, _ in _localities(text)] == ["Boulder"]
    p = Place(text.index("DENVER"), text.index("DENVER") + 6, "DENVER", "city", "CO", "Denver")
    assert is_dateline_mention(text, p)


def test_a_dateline_alone_still_places_the_event() -> None:
    text = "DENVER - Residents barricaded several roads with burning tyres on Friday over water cuts.\n"
    assert [loc for loc, _ in _localities(text)] == ["Denver"]


def test_washington_under_a_washington_state_dateline_is_the_state() -> None:
    text = ("TACOMA, Wash. (AP) - Washington immigration activists rallied outside the detention center "
            "in Tacoma on Monday to protest conditions inside.\n")
    assert [loc for loc, _ in _localities(text)] == ["Tacoma"]


# --- page furniture ------------------------------------------------------------------------


def test_file_photo_caption_is_furniture() -> None:
    assert is_furniture("FILE - Workers march in Lagos on Aug. 2, 2023. The unions began a strike in May.")
    assert is_furniture("FILE PHOTO: Farmers drive tractors through Brussels, Feb. 1, 2024.")
    assert not is_furniture("File clerks walked out on Tuesday.")


# --- one action told as planned and as held -------------------------------------------------


def test_planned_and_told_action_is_one_event() -> None:
    text = ("About 6,000 people are expected to protest in Dallas on Saturday, the organizer said.\n\n"
            "He said he hopes the rally's large showing will send a message to the city.\n")
    assert [loc for loc, _ in _localities(text, date(2025, 3, 15))] == ["Dallas"]


def test_another_planned_action_is_its_own_event() -> None:
    text = ("Nurses rallied outside the hospital in Fresno on Monday over staffing.\n\n"
            "The union said nurses will hold another rally in Fresno next week.\n")
    evs = extract_text(text, PUB).events
    assert [e.locality for e in evs] == ["Fresno", "Fresno"]
    assert sorted(e.announced_only for e in evs) == [False, True]


# --- counter-protests ----------------------------------------------------------------------


def test_denied_counter_protesters_are_no_event() -> None:
    text = ("Hundreds rallied outside city hall in Fresno on Saturday against the budget cuts. "
            "Almost no counterprotesters showed up.\n")
    assert _localities(text) == [("Fresno", "rally")]


def test_counter_protests_told_in_general_are_no_event() -> None:
    text = ("Protesters gathered at car dealerships in Fresno on Saturday against the owner.\n\n"
            "Rallies drew big crowds, with smaller counterprotests at some locations.\n")
    assert all("counter-protest" not in t for _, t in _localities(text))


def test_a_counter_protest_at_the_rally_is_kept() -> None:
    text = ("About 300 people rallied outside the courthouse in Fresno on Saturday against the new curfew. "
            "A group of counter-protesters gathered across the street.\n")
    assert sorted(t for _, t in _localities(text)) == ["counter-protest", "rally"]


# --- past actions recalled in a clause -----------------------------------------------------


def test_previously_held_demonstrations_are_background() -> None:
    text = ("Climate activists staged a sit-in at the State House in Boston on Thursday. "
            "The group, which has previously held demonstrations outside the governor's Modesto home, "
            "said its members would stay until evening.\n")
    assert [loc for loc, _ in _localities(text)] == ["Boston"]


# --- parts of cities abroad, datelines and the towns they name ------------------------------


def test_township_abroad_is_placed_in_its_city() -> None:
    text = ("Residents of the township barricaded roads with burning tyres in Soweto on Monday, "
            "demanding electricity.\n")
    res = extract_text(text, PUB)
    assert [(e.locality, e.country) for e in res.events] == [("Johannesburg", "ZA")]
    assert "Soweto" in (res.events[0].location or "")
    assert {p.locality for p in gazetteer_places("Demonstrators gathered in Lambeth, in London.")} == {"London"}


def test_dateline_after_a_page_stamp_sets_the_state() -> None:
    from protestdb.geo import find_places

    found = find_places("date 2017-04-12 TACOMA, Wash. (AP) - Washington activists rallied.")
    assert [(p.quote, p.kind, p.state) for p in found if p.quote == "Washington"] == [("Washington", "state", "WA")]


def test_dateline_state_does_not_shrink_another_big_city() -> None:
    from protestdb.geo import find_places

    found = find_places("NEW YORK (AP) - Teachers picketed in Philadelphia on Monday.")
    assert [(p.locality, p.state) for p in found if p.quote == "Philadelphia"] == [("Philadelphia", "PA")]


def test_dateline_kept_for_an_action_here() -> None:
    text = "NEW YORK (AP) - Demonstrators rallied here, and teachers picketed in Philadelphia on Monday.\n"
    assert sorted(loc for loc, _ in _localities(text)) == ["New York", "Philadelphia"]


def test_place_of_the_grievance_is_not_the_protest_site() -> None:
    text = ("Hundreds marched in Tulsa on Saturday against police violence.\n\n"
            "The mayor said peaceful protesting over the death of a man in Fresno had turned into looting.\n")
    assert [loc for loc, _ in _localities(text)] == ["Tulsa"]


def test_planning_a_vigil_and_the_vigil_are_one_event() -> None:
    text = ("Activists in Fresno are planning a candlelight vigil Friday evening for a man shot by police.\n\n"
            "The vigil is scheduled for 7 p.m. near the site of the Sunday shooting, organizers said.\n")
    evs = extract_text(text, date(2025, 3, 14)).events
    assert [(e.locality, e.announced_only) for e in evs] == [("Fresno", True)]


# --- a place-less action in an article that names one town ---------------------------------


def test_unlocated_action_goes_to_the_one_town_named() -> None:
    text = ("Hundreds of nurses marched to the state capitol on Saturday to protest staffing cuts.\n\n"
            "The first buses of nurses had arrived in Sacramento late on Friday.\n")
    assert [loc for loc, _ in _localities(text)] == ["Sacramento"]


def test_unlocated_action_stays_unlocated_between_two_towns() -> None:
    text = ("Hundreds of nurses marched to the state capitol on Saturday to protest staffing cuts.\n\n"
            "The first buses had arrived in Sacramento late on Friday, the last ones in Fresno.\n")
    assert [loc for loc, _ in _localities(text)] == [None]


def test_a_caption_repeated_without_its_credit_is_a_caption() -> None:
    from protestdb.extract.segment import split_text

    cap = "Nurses carry signs as they march to the county hospital on May 2, 2024 in Fresno"
    text = (f"{cap}, Calif. Jane Roe, Getty Images\n\n{cap}\n\n"
            "Hundreds of nurses walked off the job in Fresno on Thursday over staffing.\n")
    layout = split_text(text)
    kinds = {text[s.start:s.end][:20]: s.kind for s in layout.sentences}
    assert kinds[cap[:20]] == "caption"
    assert kinds["Hundreds of nurses w"] == "body"
    assert [s.kind for s in layout.sentences if text[s.start:s.end].startswith(cap)] == ["caption", "caption"]


def test_place_in_the_purpose_clause_is_the_action_site() -> None:
    text = "A workers' center is holding a protest to demand rights for immigrant workers at Tulsa's Union Station.\n"
    assert [loc for loc, _ in _localities(text)] == ["Tulsa"]


def test_state_in_a_name_does_not_shrink_a_big_city() -> None:
    from protestdb.geo import find_places

    found = find_places("Casa de Maryland is holding a protest at Washington's Union Station.")
    assert [(p.locality, p.state) for p in found if p.quote == "Washington"] == [("Washington", "DC")]
    found = find_places("Students rallied at the University of Maryland in College Park.")
    assert [(p.locality, p.state) for p in found if p.quote == "College Park"] == [("College Park", "MD")]


def test_links_under_a_related_heading_are_furniture() -> None:
    text = ("Hundreds of teachers marched in Fresno on Saturday over pay.\n"
            "RELATED STORIES\n"
            "• Nurses strike in Tulsa over staffing\n"
            "Teachers rally in Denver as contract talks stall\n"
            "The march ended at city hall, where union leaders spoke.\n")
    assert [loc for loc, _ in _localities(text)] == ["Fresno"]
    from protestdb.extract.furniture import link_list

    lines, pos = [], 0
    for line in text.split("\n")[:-1]:
        lines.append((pos, pos + len(line)))
        pos += len(line) + 1
    assert link_list(text, lines) == {2, 3}


def test_town_of_a_person_is_no_event_place() -> None:
    assert "Phoenix" not in _found("Phoenix Mayor Jane Roe said the march downtown was peaceful.")
    assert "Oakland" not in _found("The Oakland native joined the rally.")
    assert "Dallas" not in _found("About 500 marched, the Dallas Morning News reported.")
    assert "Phoenix" in _found("Hundreds marched in Phoenix on Monday.")


def test_planned_return_after_a_past_march_is_its_own_event() -> None:
    text = ("FRESNO, Calif. - Residents who marched to the county administration building last week to oppose a "
            "new warehouse say they plan to return Tuesday, when supervisors vote on the project.\n\n"
            "About 90 people took part in last week's march, organizers said. They are asking supporters to "
            "pack the meeting room and to rally outside beforehand.\n")
    evs = extract_text(text, date(2025, 3, 10)).events
    assert sorted(e.announced_only for e in evs) == [False, True]
