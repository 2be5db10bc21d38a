"""Event types read from the words that tell the action itself, and protest reports told in
world English and Spanish without the US vocabulary (issue 9).

All sentences are written for these tests (no real page text)."""

from __future__ import annotations

from datetime import date

import pytest

from protestdb.extract import extract_text

PUB = date(2025, 3, 12)  # a Wednesday


def _types(text: str) -> list[list[str]]:
    res = extract_text(text, PUB, geocode=False)
    assert res.is_protest_report, text
    return [e.event_type for e in res.events]


@pytest.mark.parametrize(
    ("text", "typ"),
    [
        # a hyphenated road name between the verb and "road"
        ("Angry youths barricaded the Ekpoma-Auchi road on Monday, protesting the killing of a student.", "blockade"),
        # "laid down their tools": a strike
        ("Thousands of workers in the tea sector laid down their tools on Monday over pay.", "strike"),
        # Spanish: a gathering in front of a building, a cut road with its article
        ("Cientos de trabajadores se concentraron frente a la alcaldía de Valdivia el lunes en rechazo a los despidos.",
         "rally"),
        ("Vecinos del barrio Sur cortaron la ruta 3 durante cuatro horas el martes para reclamar agua potable.",
         "blockade"),
    ],
)
def test_world_protest_words(text: str, typ: str) -> None:
    types = _types(text)
    assert types and all(typ in t for t in types), types


def test_locking_on_is_civil_disobedience_too() -> None:
    text = ("Climate activists glued themselves to the road on Kingsland High Street in east London on Monday, "
            "and police arrested 12 people.")
    res = extract_text(text, PUB, geocode=False)
    assert [e.event_type for e in res.events] == [["blockade", "civil disobedience"]]
    # the type's evidence is the words that tell the lock-on
    assert [s.quote for s in res.events[0].evidence["event_type"]] == ["glued themselves to"]


def test_blocking_alone_is_no_civil_disobedience() -> None:
    text = "Residents blocked the main road into Zama township with rocks on Monday, protesting the power cuts."
    assert _types(text) == [["blockade"]]


def test_a_slogan_on_a_banner_names_no_action() -> None:
    text = (
        "Students rally in Belgrade against university fees\n\n"
        "Thousands of students and lecturers gathered at the central square of Belgrade on Saturday, demanding "
        "lower fees.\n\n"
        "Among the signs at the protest were banners reading \u201cGeneral Strike Now\u201d and \u201cEducation Is "
        "a Right.\u201d"
    )
    res = extract_text(text, PUB)
    # no place-less strike from the banner, and the city keeps the action its report tells
    assert [(e.locality, e.event_type) for e in res.events] == [("Belgrade", ["rally"])]
    assert res.events[0].title is None


def test_a_named_general_strike_outside_quotes_still_names_the_action() -> None:
    text = ("Unions held a general strike across the country on Monday, and thousands of workers marched in "
            "Lisbon.\n\nThe general strike closed schools and ports.")
    res = extract_text(text, PUB)
    assert any("strike" in e.event_type for e in res.events)


def test_listed_cities_take_the_action_their_paragraph_tells() -> None:
    text = (
        "Unions across Italy held a general strike on Friday against the budget, closing schools and stopping "
        "trains.\n\n"
        "Beyond the closed factories, huge marches filled the largest cities. According to the unions, in Rome there "
        "were more than 200,000, in Milan more than 80,000, in Naples 40,000.\n\n"
        "Union leaders said the strike would not be the last."
    )
    res = extract_text(text, PUB)
    by_city = {e.locality: e.event_type for e in res.events if e.locality}
    assert {"Rome", "Milan"} <= set(by_city)
    # the marches of the list's own paragraph, not the strike the article tells most
    assert "march" in by_city["Rome"] and "march" in by_city["Milan"]


def test_nationwide_sentence_tells_the_days_action_for_generic_cities() -> None:
    text = (
        "Thousands of people protested on Saturday against the new detention policy.\n\n"
        "Chicago drew the biggest crowd, while rallies and marches were held across the country, among them in "
        "Denver, Omaha and Tulsa.\n\n"
        "In Atlanta, demonstrators carried cardboard cages outside the federal building.\n\n"
        "Protesters in Houston chanted outside City Hall."
    )
    res = extract_text(text, PUB)
    by_city = {e.locality: e.event_type for e in res.events}
    # Atlanta and Houston are told only with generic words: they take the day's rallies
    assert by_city.get("Atlanta") == ["rally"] and by_city.get("Houston") == ["rally"], by_city


@pytest.mark.parametrize(
    "text",
    [
        "Protest is a cornerstone of any free society.",
        "Lawmakers say that not all types of protest deserve the same protection.",
        "Protests that spill onto highways put drivers in danger.",
        "Blocking highways is already a misdemeanor in the state.",
        "Such protests rarely change the minds of legislators.",
    ],
)
def test_protest_talked_of_in_general_is_no_action(text: str) -> None:
    from protestdb.extract.detect import find_triggers
    from protestdb.extract.nlp import load_nlp

    trigs = find_triggers(text, "en", doc=load_nlp()(text))
    assert trigs and all(t.weak for t in trigs), [(t.quote, t.weak) for t in trigs]


@pytest.mark.parametrize(
    "text",
    [
        "Protest erupted in the township on Monday after the shooting.",
        "The protests that began on Monday spread to three more cities.",
        "Nurses held a protest outside the hospital on Tuesday.",
        "Hundreds of protesters blocked the highway on Tuesday.",
    ],
)
def test_protest_told_as_an_action_stays_firm(text: str) -> None:
    from protestdb.extract.detect import find_triggers
    from protestdb.extract.nlp import load_nlp

    trigs = find_triggers(text, "en", doc=load_nlp()(text))
    assert any(not t.weak for t in trigs), [(t.quote, t.weak) for t in trigs]


def test_an_act_of_civil_disobedience_is_an_action() -> None:
    text = ("More than 40 demonstrators were arrested on Monday after they sat down in the street outside the "
            "federal building in Dayton, Ohio, in an act of civil disobedience.")
    assert any("civil disobedience" in t for t in _types(text))


@pytest.mark.parametrize(
    ("text", "typ"),
    [
        ("Dozens of farmers drove their tractors in a slow procession through Lincoln, Nebraska on Monday to "
         "protest low crop prices.", "motorcade"),
        ("Dozens of cars honking their horns circled the state capitol in Columbus, Ohio on Saturday in a caravan "
         "protest against the eviction law.", "motorcade"),
        ("Protesters deliberately broke the law by blocking the entrance to the immigration office in Dayton, Ohio "
         "on Monday, and 12 were arrested.", "civil disobedience"),
    ],
)
def test_action_words_give_the_specific_type(text: str, typ: str) -> None:
    types = _types(text)
    assert types and all(typ in t for t in types), types


def test_vehicles_and_tents_outside_protest_are_no_report() -> None:
    for text in ("Residents drove their cars through the flooded street on Monday after the storm.",
                 "Scouts set up tents at the lake campground on Saturday for the annual jamboree.",
                 "Fans watched the car rally through the forest stages on Sunday."):
        assert not extract_text(text, PUB, geocode=False).is_protest_report, text




@pytest.mark.parametrize(
    "text",
    [
        "Students protest fee increase\n\nStudents stopped traffic on Tuesday by blocking one side of the main road "
        "near the Kestrel campus, demanding lower fees.",
        "Residents of Zama township set up makeshift blockages on the main road on Monday, protesting power cuts.",
    ],
)
def test_road_blocking_told_at_length_is_a_blockade(text: str) -> None:
    assert any("blockade" in t for t in _types(text))


def test_listed_sites_under_a_planned_action_are_announced() -> None:
    text = (
        "Rallies against the housing bill are set to take place across the country on Saturday.\n\n"
        "Protests are scheduled in all fifty states, at town squares and parks. A sample:\n\n"
        "- Tucson, Arizona: from 7:30 a.m. at Reid Park\n\n"
        "- Denver, Colorado: starting 4 p.m. at Civic Center Park\n\n"
        "- Hartford, Connecticut: noon at the State Capitol"
    )
    res = extract_text(text, PUB)
    by_city = {e.locality: e for e in res.events if e.locality}
    assert {"Tucson", "Denver", "Hartford"} <= set(by_city)
    assert all(by_city[c].announced_only for c in ("Tucson", "Denver", "Hartford"))


def test_listed_crowds_of_a_held_action_are_not_announced() -> None:
    text = (
        "Tens of thousands of people marched on Saturday against the housing bill. Organizers plan more marches.\n\n"
        "According to the organizers, there were 5,000 in Tucson, 3,000 in Denver and 2,000 in Hartford."
    )
    res = extract_text(text, PUB)
    listed = [e for e in res.events if e.locality in ("Tucson", "Denver", "Hartford")]
    assert listed and not any(e.announced_only for e in listed)


def test_a_walkout_over_pay_is_a_labour_action() -> None:
    text = "Public servants staged a walk-out at government offices across Harare on Monday over unpaid salaries."
    assert _types(text) == [["walkout"]]
    # a walkout from a speech stays out
    assert not extract_text("Several diplomats staged a walkout during the minister's speech at the assembly on "
                            "Tuesday.", PUB, geocode=False).is_protest_report



def test_placeless_sentences_before_the_place_join_the_one_located_action() -> None:
    text = (
        "Protesters barricade roads over power cuts\n\n"
        "Protesters barricaded roads with burning tyres and rocks early on Monday, leaving commuters stranded.\n\n"
        "Police fired rubber bullets to disperse the crowd as the protest grew.\n\n"
        "Residents of Alexandra township in Johannesburg said they were protesting against weeks without electricity."
    )
    res = extract_text(text, PUB)
    assert [e.locality for e in res.events] == ["Johannesburg"]
    # the blockade told before the place is named is the located action's type
    assert "blockade" in res.events[0].event_type


def test_another_action_told_before_the_place_does_not_join_the_located_one() -> None:
    # no publication date: the lead's planned rally is another action than the march the page tells
    text = (
        "Dairy farmers plan another protest rally on March 3 over the new milk quota.\n\n"
        "On February 10, about 5,000 dairy farmers marched through Harrowgate Road in Leeds, England, "
        "to protest the quota. They gathered at the market hall before marching to the town hall."
    )
    res = extract_text(text, None)
    leeds = [e for e in res.events if e.locality == "Leeds"]
    assert len(leeds) == 1
    words = [ev.quote for ev in leeds[0].evidence.get("date_precision", ())]
    assert words and all("March 3" not in w for w in words), words


def test_marches_among_other_protests_give_no_city_the_march() -> None:
    text = (
        "Hundreds of people across the Valley protested on Friday against the new detention center.\n\n"
        "In Riverton, families gathered outside the county jail with candles.\n\n"
        "That same day, protests and marches were held nationwide.\n\n"
        "In Omaha, a big crowd had gathered at City Hall that morning."
    )
    res = extract_text(text, PUB)
    by_city = {e.locality: e.event_type for e in res.events if e.locality}
    assert "Omaha" in by_city and "march" not in by_city["Omaha"], by_city


def test_taking_to_the_streets_names_no_action_for_other_cities() -> None:
    text = (
        "Thousands took to the streets on Saturday after the court's ruling on the clinic law.\n\n"
        "Demonstrators returned outside the courthouse in Denver, and others held signs in Omaha and Tulsa.\n\n"
        "In Tulsa, speakers addressed a rally at the Capitol."
    )
    res = extract_text(text, PUB)
    by_city = {e.locality: e.event_type for e in res.events if e.locality}
    assert "Denver" in by_city and "march" not in by_city["Denver"], by_city


def test_a_lead_counting_towns_tells_the_whole_days_action() -> None:
    text = (
        "VANCOUVER - More than 50,000 people joined climate rallies in 80 towns and cities across Canada on "
        "Friday, organisers said.\n\n"
        "About 20,000 protesters filled the streets of Toronto, while Ottawa saw 9,000 protesters.\n\n"
        "The organisers said the turnout was the biggest yet."
    )
    res = extract_text(text, PUB)
    types = [e.event_type for e in res.events]
    assert len(types) >= 2 and all("rally" in t for t in types), types


def test_listed_places_take_the_words_of_their_own_sentence() -> None:
    text = (
        "Supporters of the opposition party held protests on Sunday against the election result.\n\n"
        "In Riverton, members of the party held a rally from the market to the town hall.\n\n"
        "Protests and demonstrations were also held in Denver, Omaha, Tulsa and elsewhere."
    )
    res = extract_text(text, PUB)
    by_city = {e.locality: e.event_type for e in res.events if e.locality}
    assert {"Denver", "Omaha", "Tulsa"} <= set(by_city), by_city
    assert all(by_city[c] == ["demonstration"] for c in ("Denver", "Omaha", "Tulsa")), by_city


@pytest.mark.parametrize(
    ("text", "typ"),
    [
        ("Disability rights activists staged a die-in in the lobby of the Senate office building in Riverton on "
         "Tuesday, lying on the floor until police removed them.", "sit-in"),
        ("Dozens of teachers began a fast unto death outside the district education office in Nandpur on Monday, "
         "demanding that their salaries be paid.", "hunger strike"),
        ("Traders observed a complete shutdown in Rampur on Monday against the new market tax, keeping every shop "
         "closed.", "strike"),
        ("Farmers staged a rasta roko on the highway near Nandpur on Tuesday, demanding fair prices for their crops.",
         "blockade"),
        ("About 20 climate campaigners created a roadblock on Mill Street in Riverton on Saturday, organisers said.",
         "blockade"),
    ],
)
def test_world_protest_forms(text: str, typ: str) -> None:
    types = _types(text)
    assert types and all(typ in t for t in types), types


@pytest.mark.parametrize(
    "text",
    [
        "Lawmakers warned on Monday that a government shutdown would close national parks in Riverton.",
        "Families broke their fast at sunset on Monday in the old quarter of Nandpur.",
    ],
)
def test_shutdowns_and_fasts_outside_protest_are_no_report(text: str) -> None:
    assert not extract_text(text, PUB, geocode=False).is_protest_report
