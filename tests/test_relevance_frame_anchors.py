"""Relevance: a frame counts only with its own words (a fuel-price protest is no market report);
a crowd figure told with "as many as" is a protest cue; lock-ons are actions."""

from __future__ import annotations

import pytest

from conftest import MAR_12_2025
from protestdb.extract import extract_text
from protestdb.extract.relevance import frame_density

FUEL_PROTEST = (
    "Kumasi police use tear gas on fuel price protesters\n\n"
    "Police in Ghana fired tear gas on Tuesday to scatter hundreds of taxi drivers in downtown "
    "Kumasi who were protesting higher fuel prices.\n\n"
    "Anger has grown since the energy ministry raised pump prices by a fifth, citing world crude "
    "prices.\n\n"
    "The drivers shouted slogans against the new prices and said fares could not keep up."
)

BREAD_PROTEST = (
    "Bakers and shoppers rally over bread prices\n\n"
    "More than 300 people rallied in Tamale on Monday against bread prices that rose 40 percent "
    "this year, carrying loaves and placards.\n\n"
    "Inflation reached 23 percent in February, and organizers said prices of flour and cooking "
    "gas had doubled since the autumn."
)


def _report(text: str) -> bool:
    res = extract_text(text, MAR_12_2025, geocode=False)
    return bool(res.is_protest_report and res.events)


@pytest.mark.regression("a fuel-price protest's price words are no market frame")
def test_price_words_alone_are_no_market_frame() -> None:
    assert frame_density(FUEL_PROTEST, "en")[0] != "markets"
    assert frame_density(BREAD_PROTEST, "en")[0] != "markets"
    market = (
        "Stocks climbed on Monday as investors cheered lower inflation. The S&P 500 index rose "
        "1 percent and the Nasdaq gained 2 percent, while bond prices slipped and shares of "
        "banks led the market."
    )
    name, dens = frame_density(market, "en")
    assert name == "markets" and dens > 3.0


@pytest.mark.regression("cost-of-living protest reports stay reports")
@pytest.mark.parametrize("text", [FUEL_PROTEST, BREAD_PROTEST])
def test_cost_of_living_protest_is_a_report(text: str) -> None:
    assert _report(text)


@pytest.mark.regression("market and other non-protest texts stay out")
@pytest.mark.parametrize(
    "text",
    [
        # oil prices rally in a market report that mentions a protest
        "Oil prices rally as traders bet on tighter supply\n\n"
        "Oil prices rallied on Tuesday, with crude up 3 percent to $84 a barrel, as traders bet "
        "that output cuts would tighten supply. Stocks also rallied, with the S&P 500 index up "
        "1.2 percent. Investors shrugged off worries about inflation, and treasury yields fell. "
        "Economists said prices could climb further this quarter; shares of energy companies "
        "led the gains. Protests in a refinery town last week had briefly lifted prices.",
        # stocks that rally
        "Shares rally on strong earnings\n\n"
        "Stocks rallied for a third day on Wednesday as investors welcomed strong earnings from "
        "chipmakers. The Nasdaq rose 1.8 percent and the Dow added 250 points. Bond yields eased "
        "and traders said the index could test its record before the end of the quarter.",
        # a protest of an umpire's call
        "The Comets protested the game after an umpire's call in the eighth inning erased a run. "
        "The league will review the protest this week, and the coach said the team's season "
        "could hinge on the ruling. Fans booed as the pitcher left the game.",
        # a retrospective
        "Fifty years ago this week, dock workers in a northern port walked off the job in a strike "
        "that lasted six months. A new documentary marks the anniversary with archive footage and "
        "interviews with retired workers who remember the 1975 strike and its history.",
        # an op-ed
        "Opinion | Why we should defend the right to protest\n\n"
        "Protest is how citizens are heard between elections. We should be wary of laws that make "
        "demonstrations harder, raise penalties for blocking roads or criminalize dissent. A "
        "healthy democracy tolerates noise, and I believe our freedom of assembly is worth it.",
    ],
)
def test_hard_negatives_stay_out(text: str) -> None:
    assert not _report(text)


@pytest.mark.regression("a crowd figure with 'as many as' cues a protest told after the lead")
def test_crowd_figure_as_many_as_cues_a_later_protest() -> None:
    text = (
        "Four people were arrested Wednesday at a quarry site near Brandon, Vermont.\n\n"
        "Deputies said the arrests followed a morning of trespass on the company's land.\n\n"
        "When deputies arrived, as many as 25 anti-quarry demonstrators were at the gate.\n\n"
        "The four were taken to the county jail and released later in the day."
    )
    assert _report(text)


@pytest.mark.regression("locking themselves to machinery is a lock-on protest")
def test_locking_themselves_to_is_an_action() -> None:
    text = (
        "Three activists were arrested Friday in Dunmore, Pennsylvania, after locking themselves "
        "to a bulldozer at a gas pipeline construction site."
    )
    res = extract_text(text, MAR_12_2025, geocode=False)
    assert res.is_protest_report
    assert any("blockade" in e.event_type for e in res.events)


@pytest.mark.regression("a protest over an election's results is no campaign report")
def test_election_protest_is_a_report() -> None:
    text = (
        "Lusaka police disperse election protesters\n\n"
        "Police in Zambia fired tear gas on Tuesday to disperse opposition protesters who "
        "were demanding the dismissal of the election board after the disputed election.\n\n"
        "The opposition says the election was rigged and wants the election rerun.\n\n"
        "Crowds chanted outside the board's offices in Lusaka until dusk."
    )
    assert frame_density(text, "en")[0] != "campaign"
    assert _report(text)


@pytest.mark.regression("fans' protest against a club's owners is no sports report")
def test_fans_protest_against_owners_is_a_report() -> None:
    text = (
        "Rovers fans protested on Saturday against the owners of the club before the league "
        "match at the stadium in Bristol, England.\n\n"
        "The protest was organized by a supporters' trust. Fans marched to the stadium with "
        "banners demanding that the owners sell the club."
    )
    assert _report(text)


@pytest.mark.regression("campaign rallies stay out")
def test_campaign_rally_stays_out() -> None:
    text = (
        "Governor Halvorsen rallied supporters in Fargo on Monday ahead of the primary, telling "
        "voters that her campaign would win the election. The candidate leads the polls by six "
        "points; her rival, the nominee of the other party, will hold a rally on Friday as ballots "
        "go out to voters."
    )
    assert not _report(text)


@pytest.mark.regression("a frame skipped for lacking anchors hands no penalty to a weaker frame")
@pytest.mark.parametrize(
    "text",
    [
        "Drivers stage sit-in over fuel prices\n\n"
        "Minibus drivers staged a sit-in outside the energy ministry in Lomeville, Ghana, on "
        "Tuesday against fuel prices that rose 30 percent this month. Prices of kerosene rose 25 "
        "percent and inflation reached 19 percent, while fare prices rose 40 percent.\n\n"
        "The drivers' union has filed a lawsuit over the price rule, and a judge is expected to "
        "issue a ruling on the lawsuit after the union's attorneys argued the rule was unlawful.",
        "Butchers picket over meat prices\n\n"
        "About 50 butchers picketed outside the abattoir's offices in Wenchi, Ghana, on Monday "
        "over meat prices that rose 35 percent this year. Feed prices rose 20 percent and "
        "inflation reached 21 percent.\n\n"
        "The butchers' guild has filed a lawsuit against the abattoir, and a judge will hear the "
        "lawsuit in May. The guild's attorneys said a ruling could come by autumn.",
    ],
)
def test_unanchored_frame_hands_no_penalty_on(text: str) -> None:
    assert frame_density(text, "en") == (None, 0.0)
    assert _report(text)


@pytest.mark.regression("fans' pep rallies and title parades are sports texts, no protests")
@pytest.mark.parametrize(
    "text",
    [
        "Fans rally behind Harriers before final\n\n"
        "Thousands of fans rallied outside the stadium in Oakvale, Pennsylvania, on Sunday to "
        "send off the team before the league final. Fans waved scarves and sang the team's song "
        "as the team bus left.\n\nThe team has not won the league since 2004, and fans said this "
        "was the year.",
        "Fans march to celebrate title\n\n"
        "Thousands of fans marched through downtown Brookhaven, Ohio, on Monday to celebrate the "
        "team's first league title. Fans filled the streets from the stadium to the town square, "
        "and the team's players waved from an open-top bus.",
    ],
)
def test_fans_celebrations_stay_out(text: str) -> None:
    assert frame_density(text, "en")[0] == "sports"
    assert not _report(text)


@pytest.mark.regression("commodity market pages that mention a protest or strike stay out")
@pytest.mark.parametrize(
    "text",
    [
        "Coffee prices rally\n\n"
        "Coffee prices rallied more than 5 percent on Monday after dockworkers at a southern port "
        "walked off the job, traders said. Prices have doubled this quarter, and economists expect "
        "inflation in cafe prices. Tea prices rose 1 percent and sugar prices rose 2 percent.",
        "Gas climbs\n\n"
        "Natural gas prices rose about 3 percent on Wednesday. Traders said prices were supported "
        "by protests that shut a pipeline in the north last week. Economists said inflation could "
        "pick up this quarter, and prices of heating oil rose 2 percent. Propane prices rose 1 percent.",
    ],
)
def test_commodity_pages_stay_out(text: str) -> None:
    assert frame_density(text, "en")[0] == "markets"
    assert not _report(text)


@pytest.mark.regression("anchors count distinct: one anchor word repeated is one")
def test_repeated_anchor_counts_once() -> None:
    text = (
        "Truckers blockade depot over diesel prices\n\n"
        "Hundreds of truckers blockaded the fuel depot in Wenchi, Ghana, on Monday to protest "
        "diesel prices that rose 30 percent. Prices of petrol rose 20 percent and inflation reached 20 percent. The "
        "drivers said fuel stocks were short, and the ministry said fuel stocks would be refilled."
    )
    assert frame_density(text, "en")[0] != "markets"
    assert _report(text)
