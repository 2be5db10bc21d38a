"""Document relevance on news as it is written worldwide: protest reports without the US
protest vocabulary are found; retrospectives, documentaries, op-eds about protest laws,
memorial vigils and a speaker "walking out to applause" are not protest reports."""

from __future__ import annotations

from datetime import date

import pytest

from protestdb.extract import extract_text
from protestdb.extract.relevance import frame_density

PUB = date(2025, 3, 12)  # a Wednesday


def _report(text: str) -> bool:
    return extract_text(text, PUB, geocode=False).is_protest_report


@pytest.mark.parametrize(
    "text",
    [
        # road blockades with burning tyres, told without "protest" in the lead
        "Angry residents of Kwa-Mbali township barricaded roads with burning tyres and rocks on Tuesday, "
        "demanding that the municipality restore their water supply.\n\n"
        "Police said the main road to the township remained closed on Tuesday evening.",
        # the agent is the noun a participle hangs on ("operators barricading the road")
        "There is gridlock on the Oduma-Kaso highway, with commercial motorcycle operators barricading the road "
        "on Tuesday.\n\n"
        "The police are trying to disperse the operators, who are angry over a new ban on their trade.",
        # South Asia: a bandh, a dharna
        "Traders observed a bandh in Rampur town on Monday against the new market tax, keeping every shop shut.",
        "Hundreds of farmers staged a dharna outside the district office in Nandpur on Tuesday, demanding fair "
        "prices for their crops.",
        # Commonwealth labour words
        "Nurses at Kisumu county hospitals began industrial action on Monday over unpaid allowances, leaving "
        "wards short of staff.",
        "Residents of Zama township embarked on a service delivery protest on Monday, blocking the main road "
        "with rocks and demanding electricity.",
        # direct action told without a protest word in the lead
        "More than 20 people were arrested on Saturday after climate activists glued themselves to the road "
        "and formed a roadblock on Kingsland High Street in east London.",
        # "downed tools"
        "Hundreds of municipal workers downed tools on Monday over unpaid salary increases, leaving rubbish "
        "uncollected across the city of Port Ellery.\n\n"
        "The union said the strike would continue until the council paid the increases.",
    ],
)
def test_protest_reports_without_us_vocabulary(text: str) -> None:
    assert _report(text)


def test_named_boycott_day_is_an_action() -> None:
    text = (
        "Support for the boycott spreads\n\n"
        "Thousands of people joined on Thursday the initiative \u201cA Day Without Immigrants\u201d, staying home "
        "from work and school.\n\n"
        "There were acts of the day without immigrants in cities such as Tacoma, Washington, and Eugene, Oregon."
    )
    res = extract_text(text, PUB, geocode=False)
    assert res.is_protest_report
    assert {e.date for e in res.events} == {"2025-03-06"}
    assert all("boycott" in e.event_type for e in res.events)


def test_headline_march_supports_an_announced_rally() -> None:
    text = (
        "Farmworkers march from Lindell to the state capitol\n\n"
        "A group of farmworkers on a 200-mile walk will reach the capital on Thursday.\n\n"
        "On Friday, a rally is also planned at the State Capitol."
    )
    assert _report(text)


@pytest.mark.parametrize(
    "text",
    [
        # a documentary about a march of 1968 (a retrospective)
        "Documentary revisits the 1968 Harbor Bridge march\n\n"
        "The new documentary, airing Tuesday night, remembers the history of the march, which drew "
        "40,000 people in 1968. Historians in the film recall the decades of struggle before it.\n\n"
        "Fifty years ago, the marchers walked from the docks to the courthouse; the film's archive footage "
        "shows the crowd. The legacy of that day, the historians say, is remembered in every later campaign "
        "of the 1970s and 1980s.",
        # an op-ed about bills restricting protest
        "Opinion: The quiet war on dissent\n\n"
        "Right now, in at least a dozen states, lawmakers have introduced bills that would restrict protesting "
        "in a variety of ways. Defending the right to protest matters more than ever.",
        # a memorial vigil after a road tragedy
        "More than 500 people gathered in a riverside park on Monday night for a vigil as relatives of the "
        "victims tried to come to terms with the tragedy.\n\n"
        "The bus left the road on Saturday, killing nine passengers.",
        # a politician walks out to applause at his own event
        "The senator walked out to thunderous applause and used his speech to praise the new budget.",
        # a strike that will not happen
        "Steelworkers at the Ridgeway tire plant will not be going on strike after reaching a tentative "
        "agreement on Friday.",
        # a government's diplomatic protest
        "The government will not send any official to the Winter Olympics in February to protest the host's "
        "human rights abuses, officials said on Monday.",
        # a vigil to find a missing person
        "Tonight, a prayer vigil was held at Grace Church in Auburn to help find a missing student, and "
        "dozens of neighbors joined the search.",
        # a court story about protesters of long ago
        "A Kenosha man was sentenced on Monday to five years in federal prison for throwing a brick at an "
        "officer during the 2020 protests. He pleaded guilty in October; prosecutors said the trial of a "
        "second defendant, charged with a felony, is set for June. The judge called the verdict fair, and "
        "the prison term will be followed by supervised release.",
        # the anniversary of an old strike
        "The town is preparing exhibitions for the 40th anniversary of the great dock strike, which shut the "
        "port for three months.",
    ],
)
def test_non_reports(text: str) -> None:
    assert not _report(text)


def test_world_words_in_other_senses_stay_out() -> None:
    assert not _report("The patient showed signs of agitation on Monday, and nurses called the doctor.")
    assert not _report("The federal government shutdown entered its third week on Monday as talks stalled.")


def test_sports_and_war_stay_out() -> None:
    assert not _report("Villagers said a drone strike hit a convoy near the border on Tuesday, killing four fighters.")
    assert not _report("The Eagles rallied from a 10-point deficit on Sunday to beat the Lions, and the fans cheered.")


def test_retrospective_frame_density() -> None:
    text = (
        "The documentary remembers the 1963 march. Historians recall its legacy decades later; "
        "the film shows the history of the era."
    )
    name, dens = frame_density(text, "en")
    assert name == "retrospective" and dens >= 3.0
    assert frame_density("Nurses rallied outside the hospital on Monday, demanding more staff.", "en")[0] is None


def _trigger_words(text: str) -> set[str]:
    from protestdb.extract.detect import find_triggers
    from protestdb.extract.nlp import load_nlp

    return {t.quote.lower() for t in find_triggers(text, "en", doc=load_nlp()(text))}


def test_non_protest_phrases_open_no_trigger() -> None:
    assert not _trigger_words("The senator walked out to thunderous applause at the convention center.")
    assert "strike" not in _trigger_words("Exhibitions mark the 40th anniversary of the great dock strike.")
    assert "march" not in _trigger_words("Historians discussed the legacy of the 1968 march.")
    assert "protesting" not in _trigger_words("Lawmakers introduced bills that would restrict protesting near schools.")
    # the protest itself stays a trigger
    assert "walked out" in _trigger_words("Nurses walked out of Mercy Hospital on Monday to protest staffing cuts.")


def test_participle_and_relative_clause_agents() -> None:
    from protestdb.extract.cues import agent_words, human_agent
    from protestdb.extract.detect import find_triggers
    from protestdb.extract.nlp import load_nlp

    for text, word in (
        ("Motorcycle operators barricading the highway brought traffic to a halt.", "barricading the highway"),
        ("Police dispersed the traders who were protesting the new market fees.", "protesting"),
    ):
        doc = load_nlp()(text)
        trig = next(t for t in find_triggers(text, "en", doc=doc) if t.quote == word)
        assert human_agent(doc, trig, agent_words("en"), text), text


def test_people_named_by_the_protest_who_acted() -> None:
    from protestdb.extract.detect import find_triggers
    from protestdb.extract.nlp import load_nlp

    def new_action(text: str) -> bool:
        return next(t.new_action for t in find_triggers(text, "en", doc=load_nlp()(text)))

    assert new_action("Demonstrators faced off with police outside the courthouse on Monday.")
    assert new_action("Three protesters were arrested at the pipeline site on Monday.")
    assert not new_action("Two protesters were sentenced on Monday for damaging a police car.")


def test_history_words_are_background() -> None:
    from protestdb.extract.background import old_cues

    for text in ("Student protests throughout history have changed laws.", "Historically, dockers struck every spring.",
                 "Students marched against the war in the 1960s."):
        assert old_cues(text, 0, len(text), PUB, "en"), text
    assert not old_cues("Students marched on Monday.", 0, 27, PUB, "en")


def test_prefilter_world_words_are_whole_phrases() -> None:
    from protestdb.extract.detect import quick_reject

    assert quick_reject("The budget passed on Monday without debate.")
    assert not quick_reject("Traders observed a bandh on Monday.")
    assert not quick_reject("Activists glued themselves to the road.")


def test_a_sit_in_against_prices_is_a_report_despite_market_words() -> None:
    # a protest over prices and inflation: the market frame's words, but a sit-in has no market sense
    text = (
        "The traders' union will stage a sit-in outside the provincial assembly in Karwan today (Wednesday) "
        "against inflation, fuel prices and electricity prices.\n\n"
        "Union leaders said fuel prices had risen 30 percent this quarter while inflation had eaten wages, and "
        "that bond markets and investors were deciding prices instead of the government. They said traders, "
        "teachers and students would join the sit-in."
    )
    frame, dens = frame_density(text, "en")
    assert frame == "markets" and dens >= 2.0
    assert _report(text)


def test_a_market_rally_stays_no_report() -> None:
    text = (
        "Stocks rallied on Wednesday as investors cheered lower inflation, with the index up 2 percent.\n\n"
        "Bond prices rose and traders said shares of energy companies led the rally as oil prices fell."
    )
    assert not _report(text)


def test_an_oped_on_protest_penalties_is_no_report() -> None:
    # argues about the right to protest and its penalties; no action is told
    text = (
        "Public safety has to be balanced against the right to peaceful protest.\n\n"
        "But protests that spill onto highways put drivers in danger, and the bill before the governor would "
        "turn blocking a freeway from a misdemeanor into a gross misdemeanor. Free speech is not "
        "the freedom to trap an ambulance.\n\n"
        "Critics call it an anti-protest law that would criminalize dissent. The penalties, they say, will chill "
        "free assembly. We disagree: the governor should sign it."
    )
    frame, _ = frame_density(text, "en")
    assert frame == "protest_rights"
    assert not _report(text)


def test_a_rally_against_an_anti_protest_bill_stays_a_report() -> None:
    text = (
        "Hundreds of students rallied at the state Capitol in Riverton on Tuesday against a bill that would raise "
        "penalties for protesters who block roads.\n\n"
        "Speakers said the anti-protest bill would criminalize dissent and chill free speech, and the crowd "
        "chanted outside the Senate chamber."
    )
    assert _report(text)
