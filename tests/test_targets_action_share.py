"""Issue 9: the addressee one place of an action names goes to the action's other places, and a
bare "the government" of an event abroad is named as that country's government.

All sentences are written for these tests (no real page text)."""

from __future__ import annotations

from datetime import date

from helpers import targets_by_city
from protestdb.extract.targets_shared import country_government, named_government_first, share_action_targets
from protestdb.models import EventMention

PUB = date(2025, 4, 7)


def _by_city(text: str, published: date = PUB) -> dict[str, list[str]]:
    return targets_by_city(text, published)


def test_the_government_of_the_country_abroad() -> None:
    assert country_government("NZ") == "New Zealand government"
    assert country_government("PT") == "Portuguese government"
    assert country_government("US") is None and country_government(None) is None
    sp = (0, 3, "x")
    out = named_government_first([("government", sp, "r")], "The government raised fees.", "PT")
    assert out == [("Portuguese government", sp, "r+targets.country_government")]
    # the government the article names wins over the country's
    out = named_government_first([("government", sp, "r")], "The Westland government raised fees.", "PT")
    assert [n for n, _, _ in out] == ["Westland government"]
    # at home a bare government stays as told
    assert named_government_first([("government", sp, "r")], "The government raised fees.", "US")[0][0] == "government"


def test_a_protest_abroad_against_the_government() -> None:
    got = _by_city("Hundreds of people protested in Lisbon on Saturday against the government.")
    assert got == {"Lisbon": ["Portuguese government"]}, got


def test_one_city_names_the_addressee_of_the_whole_action() -> None:
    text = ("Pension marches across Portugal\n\nThousands marched across Portugal on Saturday.\n\n"
            "Lisbon\n\nIn Lisbon, 2,000 people rallied against the government's pension plan.\n\n"
            "Porto\n\nIn Porto, hundreds of people marched through the old town on Saturday.")
    got = _by_city(text)
    assert got.get("Lisbon") == ["Portuguese government"], got
    assert got.get("Porto") == ["Portuguese government"], got


def test_a_school_or_an_employer_stays_with_its_own_place() -> None:
    text = ("Tuition protests in two cities\n\nStudents at Harmon University in Dayton, Ohio rallied on Monday "
            "against tuition increases.\n\nIn Toledo, Ohio, about 300 students also rallied on Monday.")
    got = _by_city(text)
    assert got.get("Dayton") == ["Harmon University"], got
    assert got.get("Toledo") == [], got


def _ev(i: int, locality: str, targets: list[str], types: list[str], day: str | None = "2025-04-05",
        country: str = "US") -> EventMention:
    ev = EventMention(index=i, locality=locality, country=country, date=day, event_type=types, targets=list(targets))
    for t in targets:
        ev.add_evidence("targets", 0, len(t), t)
    return ev


def test_share_action_targets_rules() -> None:
    # one donor: its national addressee goes to the others of the same day and country
    evs = [_ev(0, "Dayton", ["Harlow administration"], ["rally"]), _ev(1, "Toledo", [], ["march"]),
           _ev(2, "Akron", [], ["rally"], day="2025-03-01"), _ev(3, "Lyon", [], ["rally"], country="FR"),
           _ev(4, "Canton", [], ["counter-protest"])]
    assert share_action_targets(evs) == [(1, ["Harlow administration"])]
    assert evs[1].evidence["targets"][0].quote == "Harlow administration"
    assert evs[2].targets == [] and evs[3].targets == [] and evs[4].targets == []
    # donors that disagree share nothing
    evs = [_ev(0, "Dayton", ["Acme Foods"], ["rally"]), _ev(1, "Toledo", ["Harlow administration"], ["rally"]),
           _ev(2, "Akron", [], ["rally"])]
    assert share_action_targets(evs) == []
    # a strike's employer at one site is not every site's, unless a known company
    evs = [_ev(0, "Dayton", ["Acme Foods"], ["strike"]), _ev(1, "Toledo", [], ["strike"])]
    assert share_action_targets(evs) == []
    evs = [_ev(0, "Dayton", ["Acme Foods"], ["strike"]), _ev(1, "Toledo", [], ["strike"])]
    assert share_action_targets(evs, frozenset({"Acme Foods"})) == [(1, ["Acme Foods"])]
    # a body of one place stays there
    evs = [_ev(0, "Dayton", ["Dayton City Council"], ["rally"]), _ev(1, "Toledo", [], ["rally"])]
    assert share_action_targets(evs) == []


def test_the_university_is_not_a_hall_named_after_it() -> None:
    text = ("Linden University suspended 30 students on Tuesday after a sit-in at University Hall in Dayton, Ohio, "
            "where they demanded that the university sell its arms industry holdings.")
    assert _by_city(text) == {"Dayton": ["Linden University"]}


def test_spanish_demand_and_stance_frames() -> None:
    text = ("Cientos de personas marcharon en Dallas, Texas el sábado. \"Exigimos que el presidente Trump detenga "
            "las redadas\", dijeron los organizadores.")
    assert _by_city(text) == {"Dallas": ["Donald Trump"]}
    text = ("Cientos de manifestantes marcharon el sábado en Dallas, Texas en oposición a la postura de la "
            "administración Trump en materia de deportaciones.")
    assert _by_city(text) == {"Dallas": ["Trump administration"]}


def test_the_offices_of_a_company_and_a_picketed_employer() -> None:
    got = _by_city("About 50 people rallied outside the offices of Kestrel Mining in Dayton, Ohio on Saturday.")
    assert got == {"Dayton": ["Kestrel Mining"]}
    got = _by_city("About 80 nurses picketed outside Saint Ruth Medical Center in Dayton, Ohio on Tuesday over staffing.")
    assert got == {"Dayton": ["Saint Ruth Medical Center"]}
    # a public building is no employer; the office of an official is not the office of "House"
    assert _by_city("About 80 teachers rallied at City Hall in Dayton, Ohio on Tuesday over pay.") == {"Dayton": []}
    got = _by_city("Students held a sit-in on Tuesday at the office of House Speaker Dana Whitfield in Dayton, Ohio.")
    assert "House" not in got["Dayton"], got


def test_whom_a_demand_is_made_from() -> None:
    got = _by_city("About 200 parents rallied in Dayton, Ohio on Monday, demanding answers from the Dayton School Board "
                   "about the closures.")
    assert got == {"Dayton": ["Dayton School Board"]}
    got = _by_city("Hundreds of tenants marched in Lisbon on Saturday, coordinating their demands for more solutions to "
                   "the housing crisis from the government.")
    assert got == {"Lisbon": ["Portuguese government"]}
    # "from" without a demand addresses no one
    got = _by_city("Students walked out in Dayton, Ohio on Monday and heard from the Dayton Teachers Association.")
    assert got == {"Dayton": []}


def test_the_owner_of_a_decision_the_city_an_embassy_and_a_meeting() -> None:
    got = _by_city("Students protested in Dayton, Ohio on Monday over the university's decision to cut the program. "
                   "Linden University said it would not reverse course.")
    assert got == {"Dayton": ["Linden University"]}
    got = _by_city("Residents rallied in Dayton, Ohio on Monday against the city's plan to demolish the shelter.")
    assert got == {"Dayton": ["City of Dayton"]}
    got = _by_city("Hundreds protested outside the Israeli embassy in London on Saturday.")
    assert got == {"London": ["Israeli government"]}
    got = _by_city("Parents protested at a Dayton School Board meeting in Dayton, Ohio on Monday against the closures.")
    assert got == {"Dayton": ["Dayton School Board"]}


def test_a_figure_s_decision_is_left_to_the_figure_frames() -> None:
    # "Trump's policy" names the person by the leaders' frames, never the bare short form
    got = _by_city("About 300 people rallied in Dayton, Ohio on Saturday against Trump's policy on tariffs.")
    assert "Trump" not in got["Dayton"], got


def test_a_protest_against_the_police_targets_the_force_of_its_place() -> None:
    got = _by_city("Hundreds of people marched in Dayton, Ohio on Saturday, calling for an end to police brutality.")
    assert got == {"Dayton": ["Dayton Police Department"]}
    got = _by_city("Hundreds of young people marched in Lagos on Wednesday, calling for police reforms.")
    assert got == {"Lagos": ["Nigeria Police Force"]}
    # police keeping order at a protest about something else are no target
    got = _by_city("Hundreds of people marched in Dayton, Ohio on Saturday against the landfill as police watched.")
    assert got == {"Dayton": []}, got


def test_the_employer_answering_for_the_other_side_of_a_strike() -> None:
    text = ("Nurses picket in Dayton\n\nMembers of the Buckeye Nurses Association picketed in Dayton, Ohio on Tuesday "
            "over staffing.\n\nIn a statement, the Miami Valley Hospital Group said it respects the union's right to "
            "picket and will keep negotiating a fair contract.")
    got = _by_city(text)
    assert got == {"Dayton": ["Miami Valley Hospital Group"]}, got
    # a person's name taken for an organization is never the employer
    text = ("Workers strike in Dayton\n\nWorkers went on strike in Dayton, Ohio on Tuesday over wages.\n\n"
            "Dana Whitfield said the union would not back down in the contract talks.")
    got = _by_city(text)
    assert "Dana Whitfield" not in got.get("Dayton", []), got


def test_a_protest_against_the_far_right_targets_the_party_named() -> None:
    text = ("Thousands rallied in Lyon on Sunday in anti-far-right protests. The protests followed a report on a "
            "meeting attended by members of the far-right Patrie Nouvelle party.")
    got = _by_city(text)
    assert got == {"Lyon": ["Patrie Nouvelle"]}, got
    # no far-right frame: a party named is no target
    text = ("Thousands rallied in Lyon on Sunday for higher wages. Members of the far-right Patrie Nouvelle party "
            "criticized the rally.")
    assert _by_city(text) == {"Lyon": []}
