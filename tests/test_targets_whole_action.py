"""Issue 9: targets told for a whole action (a roundup's addressee copied to each city's event),
governments named by their leader, and a bare "the government" named as the article names it.

All sentences are written for these tests (no real page text)."""

from __future__ import annotations

from datetime import date

from helpers import targets_by_city
from protestdb.extract import extract_text
from protestdb.extract.targets_shared import article_government, named_government_first

PUB = date(2025, 4, 7)


def _by_city(text: str, published: date = PUB) -> dict[str, list[str]]:
    return targets_by_city(text, published)


def test_a_listed_roundup_shares_the_addressee_of_its_sentence() -> None:
    text = ("Climate strikes on Friday\n\n"
            "Thousands of students marched out of class on Friday. Strikes also went ahead in Dayton, Ohio, "
            "Toledo, Ohio and Akron, Ohio to send a clear message to the Harlow government to act on emissions.")
    got = _by_city(text)
    assert {"Dayton", "Toledo", "Akron"} <= set(got), got
    for city in ("Dayton", "Toledo", "Akron"):
        assert got[city] == ["Harlow government"], got


def test_demands_told_apart_from_every_city_go_to_each_city() -> None:
    text = ("Rallies for migrant families\n\n"
            "About 500 people marched in Tucson on Saturday.\n"
            "In Fresno, about 300 people rallied outside City Hall on Saturday.\n"
            "Organizers said they want the Harlow administration to end family detention.")
    got = _by_city(text)
    assert got.get("Tucson") == ["Harlow administration"], got
    assert got.get("Fresno") == ["Harlow administration"], got


def test_a_city_with_its_own_target_keeps_it() -> None:
    text = ("Workers rally across the state\n\n"
            "About 400 nurses rallied in Tucson on Monday outside Desert Mercy Hospital's headquarters.\n"
            "In Yuma, about 100 people rallied on Monday.\n"
            "The rallies urged the Harlow administration to fund hospitals.")
    got = _by_city(text)
    assert got.get("Yuma") == ["Harlow administration"], got
    assert "Harlow administration" not in got.get("Tucson", []), got


def test_a_link_to_another_story_is_not_told_for_the_action() -> None:
    text = ("About 500 people marched in Tucson on Saturday.\n"
            "In Fresno, about 300 people rallied on Saturday.\n"
            "Governor Warns of Action Against Vaccine Refusal\n"
            "The marchers carried flags.")
    got = _by_city(text)
    assert got.get("Tucson") == [] and got.get("Fresno") == [], got


def test_the_government_named_as_the_article_names_it() -> None:
    assert article_government("The Westland government raised fees. Later the government said no.") == "Westland government"
    # two governments named: no guess
    assert article_government("The Westland government and the Eastland government met.") is None
    assert article_government("The government raised fees.") is None
    sp = (0, 3, "x")
    out = named_government_first([("government", sp, "r")], "The Westland government raised fees.")
    assert out == [("Westland government", sp, "r+targets.article_government")]
    # beside a government named by its leader, a bare "government" is the same body
    out = named_government_first([("government", sp, "r"), ("Harlow administration", sp, "r")], "text")
    assert [n for n, _, _ in out] == ["Harlow administration"]


def test_an_administration_named_by_its_leader_is_addressed() -> None:
    text = "About 300 people rallied in Tucson on Saturday, urging the Harlow administration to reopen the clinic."
    assert _by_city(text) == {"Tucson": ["Harlow administration"]}


def test_spanish_frames_name_the_figure() -> None:
    for text, want in (
        ("Unos 300 vecinos marcharon el sábado en Tucson contra la política fiscal "
         "del presidente Donald Trump.", ["Donald Trump"]),
        ("Un centenar de personas se manifestaron el domingo en Doral en rechazo a las nuevas medidas del "
         "presidente Nicolás Maduro.", ["Nicolás Maduro"]),
        ("Varios miles de personas marcharon el jueves en Fresno en rechazo a la política laboral de la Administración "
         "Trump.", ["Trump administration"]),
        # the deportations (a measure) of a figure told with a comma before his name
        ("Cientos de jornaleros contrarios a las redadas del presidente, Donald Trump, marcharon el martes "
         "en Modesto.", ["Donald Trump"]),
        ("Unos 200 estudiantes marcharon el viernes en Tucson contra los recortes escolares del "
         "presidente Donald Trump.", ["Donald Trump"]),
    ):
        got = extract_text(text, PUB)
        assert got.language == "es", text
        assert [list(ev.targets) for ev in got.events] == [want], text


def test_a_spanish_name_outside_a_frame_is_no_target() -> None:
    text = "Unas 200 personas marcharon el sábado en Tucson por la educación; el alcalde habló después de Trump."
    got = extract_text(text, PUB)
    assert [list(ev.targets) for ev in got.events] == [[]]


def test_a_known_agency_named_in_passing_is_not_shared() -> None:
    # told for the whole action only when a claim names it
    text = ("Vigils across the state\n\n"
            "About 200 people held a vigil in Tucson on Friday.\n"
            "In Yuma, about 100 people held a vigil on Friday.\n"
            "One organizer said she drives a Tesla to work.\n"
            "The groups demand the abolition of ICE.")
    got = _by_city(text)
    assert got.get("Tucson") == ["ICE"] and got.get("Yuma") == ["ICE"], got


def test_the_president_in_a_federal_claim_is_the_person() -> None:
    text = "About 300 people rallied in Tucson on Saturday against the president's tariffs."
    assert _by_city(text, date(2025, 5, 3)) == {"Tucson": ["Donald Trump"]}
    text = "About 300 people rallied in Tucson on Saturday against the administration's tariffs."
    assert _by_city(text, date(2022, 5, 3)) == {"Tucson": ["Biden administration"]}
    # "the commander in chief" is the president too
    text = ("Retired nurses rallied in Norman, Oklahoma, on Sunday. Their signs blamed the commander in chief "
            "for the clinic cuts.")
    assert _by_city(text, date(2018, 4, 8)) == {"Norman": ["Donald Trump"]}
    # the commander of a state's guard, or another office holder's appositive: no president
    for text in ("Retired nurses rallied in Norman, Oklahoma, on Sunday, asking the commander in chief of the "
                 "state guard to bring the medics home.",
                 "Retired nurses rallied in Norman, Oklahoma, on Sunday, asking the governor, the commander in "
                 "chief, to bring the medics home."):
        assert "Donald Trump" not in _by_city(text, date(2018, 4, 8)).get("Norman", []), text


def test_told_to_a_newspaper_is_a_source_not_a_target() -> None:
    text = ("About 300 people rallied in Tucson on Saturday for school funding. \u201cWe need teachers,\u201d "
            "one organizer told the Desert Ledger. They told the school board to restore the budget.")
    got = _by_city(text)
    assert "Desert Ledger" not in got["Tucson"], got


def test_a_bill_and_the_legislature_it_is_before() -> None:
    text = ("About 400 people marched in Denver on Saturday. They demand that a school safety bill "
            "be brought before Congress this spring.")
    assert _by_city(text)["Denver"] == ["Congress"]
    # a congress that is a trade-union federation is no legislature
    text = ("About 400 workers marched in Lagos on Tuesday, Nigeria. The Westland Labour Congress "
            "opposes the bill on fuel prices.")
    assert "Congress" not in _by_city(text).get("Lagos", [])


def test_lawmakers_with_no_state_legislature() -> None:
    from protestdb.extract.targets_frames import lawmakers_named

    text = "They rallied at the National Assembly, where the union handed its demands to the lawmakers."
    at = text.index("lawmakers")
    assert lawmakers_named(text, at) == (text.index("National Assembly"), text.index("National Assembly") + 17, "National Assembly")
    assert lawmakers_named("Students demanded that lawmakers act.", 23) is None
    text = ("School walkouts\n\nStudents walked out of class across the country on Wednesday to demand lawmakers "
            "pass gun safety laws.\nIn Plano, Texas, about 300 students walked out on Wednesday.\n"
            "In Charlotte, North Carolina, about 200 students walked out on Wednesday.")
    got = _by_city(text, date(2023, 4, 5))
    assert got.get("Plano") == ["lawmakers"] and got.get("Charlotte") == ["lawmakers"], got


def test_the_police_of_a_killing() -> None:
    from protestdb.extract.nlp import load_nlp
    from protestdb.extract.targets_frames import police_of_killing

    nlp = load_nlp()
    for text in (
        "Protests spread after video showed a man beaten and pepper-sprayed by Memphis police last week.",
        "The family of a man fatally shot by Denver police marched on Sunday.",
        "Hundreds rallied after Denver police officers shot a teenager.",
    ):
        names = [n for n, _ in police_of_killing(text, nlp(text), 0, len(text))]
        assert names and names[0].endswith("Police Department") and names[0].split()[0] in ("Memphis", "Denver"), text
    for text in (
        "The march was watched by Denver police officers on bicycles.",
        "A man was shot on Main Street, Denver police said.",
    ):
        assert police_of_killing(text, nlp(text), 0, len(text)) == [], text


def test_lawmakers_words_that_name_something_else() -> None:
    # a car plant named "Assembly", and the statehouse as the place of the rally
    got = _by_city("About 2,000 autoworkers went on strike on Friday at the Lakeview Assembly Plant in Wayne, Michigan.",
                   date(2023, 9, 15))
    assert not any("Legislature" in t for ts in got.values() for t in ts), got
    got = _by_city("About 300 people rallied outside the state house in Concord, New Hampshire on Saturday against tariffs.")
    assert not any("General Court" in t for ts in got.values() for t in ts), got
    # lawmakers addressed are still the state's legislature
    got = _by_city("About 300 people rallied in Concord, New Hampshire on Saturday, urging state lawmakers to fund schools.")
    assert got.get("Concord") == ["New Hampshire General Court"], got


def test_speech_told_to_an_outlet_is_no_target() -> None:
    text = ("About 300 people rallied in Tucson on Saturday against the new tariffs. One marcher told the "
            "Herald she came for her neighbors.")
    assert "Herald" not in _by_city(text).get("Tucson", [])


def test_a_figure_second_in_a_coordinated_frame() -> None:
    text = ("Hundreds of lorry drivers rolled into Ottawa on Saturday to protest against health orders and the "
            "Trudeau government.")
    got = extract_text(text, date(2022, 1, 29))
    assert [list(ev.targets) for ev in got.events] == [["Trudeau government"]]


def test_a_legislature_addressed_is_a_target_not_an_organizer() -> None:
    text = ("Several thousand nurses marched in Nairobi, Kenya, on Tuesday. Next they head to the "
            "National Assembly, where their union would deliver its pay demands to the legislators.")
    got = extract_text(text, date(2024, 3, 5))
    assert got.events and "National Assembly" in got.events[0].targets
    assert "National Assembly" not in got.events[0].organizations


def test_the_court_whose_decision_is_protested() -> None:
    text = ("About 1,000 people rallied in Madison on Friday to protest the high court's decision. The "
            "Supreme Court ruling ends the protection.")
    assert _by_city(text, date(2022, 6, 24)).get("Madison") == ["Supreme Court"]


def test_a_place_told_apart_from_the_event_is_not_its_target() -> None:
    # the article's other paragraph tells a place ("outside Parliament"), not an addressee
    text = ("About 300 truckers drove into Ottawa on Saturday against vaccine mandates.\n"
            "Reporters waited all day outside Parliament.")
    got = extract_text(text, date(2022, 1, 29))
    assert all("Parliament" not in ev.targets for ev in got.events), [ev.targets for ev in got.events]


def test_a_single_event_takes_the_addressee_told_apart() -> None:
    text = ("About 200 farmworkers rallied at the state capitol in Sacramento on Friday.\n"
            "They had walked for three weeks from Fresno, asking Gov. Gavin Newsom for his signature on a union-vote bill.")
    got = _by_city(text, date(2022, 8, 26))
    assert got.get("Sacramento") == ["Gavin Newsom"], got


def test_teachers_on_strike_press_the_school_district() -> None:
    from protestdb.extract.targets_frames import school_employer

    text = ("Nearly 2,000 teachers in Fresno went on strike on Thursday for higher pay. The Fresno Unified "
            "School District said schools stay open. A Fresno Unified School District spokesperson said talks continue.")
    got = _by_city(text, date(2023, 5, 4))
    assert got.get("Fresno") == ["Fresno Unified School District"], got
    # no teachers in the event's words, or two districts named as often: none
    assert school_employer("Nurses struck. The Fresno Unified School District", [(0, 13)]) is None
    two = "Teachers struck. The Fresno Unified School District and the Clovis Unified School District met."
    assert school_employer(two, [(0, 16)]) is None


def test_no_private_name_people_or_union_president_from_the_text_told_apart() -> None:
    # a show's name after "in response to X and"; a people after "against"; a union's president
    for text in (
        "About 100 people rallied in Dallas on Sunday.\nIt came in response to Ridley and Mark Tellan Present A Winter Revue, a touring show.",
        "About 100 people rallied in Dallas on Sunday.\nIn the wake of violence against Asian Americans, thousands spoke out.",
        "About 100 people rallied in Dallas on Sunday.\nThe president and treasurer of the Dallas labor council say more is planned.",
    ):
        got = _by_city(text, date(2021, 3, 20))
        assert got.get("Dallas") == [], (text, got)
