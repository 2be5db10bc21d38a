"""Issue 9, precision on real news: pages that are no protest report and events that were never
a new action. A campaign rally held by a candidate, a church's Good Friday procession and a
"this week in history" item report no protest; a plan told in the past tense ("the rally,
planned to begin at noon, got going an hour behind") and a vote to strike are the action already
told, no second event; protests recalled as a time point ("a week since the protests in X")
or only imagined ("if counter-protesters attend") open no event.

All sentences are written for these tests (no real page text); names and places are made up
or generic."""

from __future__ import annotations

from datetime import date

from protestdb.extract import extract_text

PUB = date(2025, 3, 16)  # a Sunday


def _events(text: str, published: date | None = PUB) -> list[tuple[str | None, str | None, bool]]:
    res = extract_text(text, published)
    return [(e.locality, (str(e.date) if e.date else None), bool(e.announced_only)) for e in res.events]


def _report(text: str, published: date | None = PUB) -> bool:
    return extract_text(text, published).is_protest_report


# --- pages that report no protest -------------------------------------------------------------

CAMPAIGN = ("Walden packs arena in final push\n\n"
            "On Friday, Gregory Walden returned to Phoenix for a rally at the downtown arena, the last "
            "stop of his presidential campaign before Tuesday's election. Thousands of supporters waited outside for hours in the "
            "heat, many of them wearing hats and shirts bought from vendors along the street.\n\n"
            "The rally, billed by his staff as the largest of the year, featured a lineup of speakers, "
            "among them a former football coach, a country singer and two local business owners. "
            "Walden spoke for more than an hour about the economy, the border and energy prices, and "
            "he thanked the police officers who had directed traffic around the arena all afternoon.\n\n"
            "The arena, which seats about 16,000 people, was nearly full by the time the doors closed, "
            "and hundreds more watched on screens set up in the parking lot.")


def test_a_candidates_campaign_rally_is_no_protest_report() -> None:
    assert not _report(CAMPAIGN)


def test_a_rally_against_the_candidate_stays_a_protest() -> None:
    text = ("Hundreds of demonstrators held an anti-Walden rally outside the downtown arena in Phoenix on "
            "Friday, chanting against his presidential campaign's plans for the border, as the candidate "
            "spoke inside to voters.")
    assert _report(text)
    assert [loc for loc, _, _ in _events(text)] == ["Phoenix"]


def test_a_possessive_campaign_rally_is_no_protest_report() -> None:
    text = ("Thousands of supporters filled the fairgrounds in Dayton, Ohio, on Saturday for Senator "
            "Gregory Walden's rally, two days before the primary election. Walden told voters the "
            "campaign would win the state.")
    assert not _report(text)


def test_a_person_named_rally_without_a_campaign_stays_a_protest() -> None:
    text = ("About 300 people joined a Marcus Delane rally outside the county courthouse in Dayton, Ohio, "
            "on Saturday, demanding charges against the officers who shot him.")
    assert _report(text)


PROCESSION = ("Dozens of people carried a wooden cross through the streets of Millbrook on Good Friday "
              "in the Way of the Cross procession of St. Agnes Church.\n\n"
              "The procession, held every Friday during Lent, stops at each of the Stations of the Cross "
              "along Main Street. Because of the rain, the walk was moved to the church grounds this "
              "year.\n\n"
              "For more than thirty years the parish has led this Lenten walk out to the cemetery "
              "chapel and back.")


def test_a_good_friday_procession_is_no_protest_report() -> None:
    assert not _report(PROCESSION, None)


def test_a_procession_of_protest_stays_a_report() -> None:
    text = ("More than 400 residents marched in a silent procession to Millbrook city hall on Saturday to "
            "protest the closing of the town's only hospital, carrying signs and candles.")
    assert _report(text)


def test_a_this_week_in_history_item_is_no_protest_report() -> None:
    for title in ("This month in history: 1975\n", "This week in history (40 years ago)\n"):
        _history_item(title)


def _history_item(title: str) -> None:
    text = (title +
            "Undergraduates rallied behind the striking orchard hands that spring and even picketed a "
            "supermarket that stocked non-union apples. In May 1971 about 60 students joined a protest "
            "march from Fairview to the state capitol over the wages of migrant pickers.")
    assert not _report(text, None)


def test_a_look_back_phrase_in_a_title_makes_no_page_history() -> None:
    # only a title frame ("This week in history:") on a page that tells a past year is a look back
    for text, loc in (("Looking back at a year of war, thousands march in Tel Aviv\n\nThousands of Israelis "
                       "marched through central Tel Aviv, demanding a hostage deal.", "Tel Aviv"),
                      ("Flashback Friday: a day of marches\n\nHundreds of teachers marched through downtown "
                       "Denver, Colorado, to demand higher pay.", "Denver"),
                      ("This week in history:\n\nHundreds of teachers marched through downtown Denver, "
                       "Colorado, to demand higher pay.", "Denver")):
        assert [x for x, _, _ in _events(text)] == [loc], text


def test_a_report_dated_today_stays_news_beside_a_look_back_title() -> None:
    text = ("Fifty years ago, they marched; on Saturday their grandchildren did\n\n"
            "About 500 students marched to the state capitol in Fairview on Saturday to demand higher "
            "wages for farm workers.")
    assert _report(text)


# --- the same action told again ------------------------------------------------------------------

def test_a_plan_told_in_the_past_tense_is_the_held_march() -> None:
    text = ("Thousands of union members marched from Union Park to city hall in Brookdale on Thursday "
            "to demand higher wages.\n\n"
            "Organizers said turnout was lower than hoped. By late morning the march, which was "
            "scheduled to start at 9 am, set off with fewer than 500 marchers.")
    evs = _events(text)
    assert len(evs) == 1
    assert evs[0][2] is False


def test_a_past_plan_before_a_statement_is_the_held_march() -> None:
    text = ("Farm workers ended a 20-day march at the state capitol in Brookdale on Friday.\n\n"
            "The governor, talking to reporters shortly before the workers were set to march their final "
            "two miles, vowed to veto the bill.")
    evs = _events(text)
    assert [loc for loc, _, _ in evs] == ["Brookdale"]


def test_a_vote_to_strike_is_the_announced_strike() -> None:
    text = ("Brookdale's teachers will go on strike Monday, their union said after weekend bargaining broke down.\n\n"
            "Members of the educators' union voted Friday to go on strike; negotiators met again Saturday.\n\n"
            "The district said every school will be closed with the union going on strike Monday.")
    evs = _events(text)
    assert len(evs) == 1
    assert evs[0][1] == "2025-03-17" and evs[0][2] is True


# --- protests recalled, not reported -------------------------------------------------------------

def test_protests_told_as_a_time_point_open_no_event() -> None:
    text = ("A protest against the Confederate statue outside the courthouse is set for Saturday in "
            "downtown Brookdale, Alabama.\n\n"
            "Set for six days after the deadly protests in Fairview, Virginia, the event will run from "
            "noon until 2 p.m. Organizers told marchers what to do if counter-protesters attend.")
    locs = [loc for loc, _, _ in _events(text)]
    assert locs == ["Brookdale"]


def test_a_walkout_told_in_the_past_perfect_of_the_story_stays_news() -> None:
    # "had already" is the story's own order of events, no earlier action
    text = ("By the time police arrived, hundreds of students had already walked out of Lincoln High "
            "School in Springfield, Illinois, to protest the cuts.")
    assert [loc for loc, _, _ in _events(text)] == ["Springfield"]


# --- a past time of another clause -----------------------------------------------------------------

def _background_words(text: str, published: date) -> dict[str, bool]:
    from protestdb.extract.dates import find_dates
    from protestdb.extract.detect import find_triggers
    from protestdb.extract.nlp import load_nlp
    from protestdb.extract.segment import split_text

    doc = load_nlp()(text)
    layout = split_text(text, doc, "en")
    trigs = find_triggers(text, "en", layout, doc, dates=find_dates(text, published, lang="en"), published=published)
    return {t.quote.lower(): t.background for t in trigs}


def test_a_past_date_in_a_relative_clause_leaves_the_vigil_news() -> None:
    text = ("Speakers stood at the vigil a block from the corner where agents had detained a local "
            "baker in March 2023, and neighbors held candles and signs.")
    assert _background_words(text, date(2025, 12, 19)) == {"vigil": False}
    text = "Speakers recalled the vigil that neighbors held at the corner in March 2023."
    assert _background_words(text, date(2025, 12, 19)) == {"vigil": True}


def test_a_past_date_told_of_the_protest_itself_stays_background() -> None:
    text = ("Hundreds rallied outside the state capitol in Brookdale on Saturday against the new budget.\n\n"
            "Organizers from the Fair Wage Alliance, a coalition that held a march to the capitol in "
            "2019, said they would return next month.")
    evs = _events(text)
    assert [d for _, d, _ in evs] == ["2025-03-15"]


def test_a_day_of_another_clause_splits_no_second_event() -> None:
    text = ("Thousands of people protested outside the state capitol in Brookdale on Sunday against the "
            "ruling.\n\n"
            "Advocates had warned of the decision for months, but the release on Friday night of the "
            "court's opinion stunned many, and protesters filled the streets around the capitol.")
    evs = _events(text)
    assert len(evs) == 1 and evs[0][1] == "2025-03-16"


# --- protest reports in other words than the US news vocabulary ----------------------------------

def test_people_blocking_a_highway_report_a_blockade() -> None:
    for text in ("Angry villagers blocked the highway near Eldoret for six hours on Friday after a teenager "
                 "was killed by a speeding truck.",
                 "Workers at the textile mill in Gazipur walked off the job on Sunday and blocked the main "
                 "highway, demanding three months of unpaid wages."):
        res = extract_text(text, PUB)
        assert res.is_protest_report, text
        assert any("blockade" in e.event_type or "walkout" in e.event_type for e in res.events), text


def test_protesters_blocking_traffic_told_by_police_are_a_blockade() -> None:
    # the police tell it; the protesters block: no police roadblock
    text = "Police said about 200 protesters blocked traffic on Interstate 94 in St. Paul, Minnesota, on Saturday."
    res = extract_text(text, PUB)
    assert res.is_protest_report and [e.locality for e in res.events] == ["Saint Paul"]


def test_roads_blocked_by_no_people_report_no_protest() -> None:
    for text in ("A jackknifed tractor-trailer blocked the northbound lanes of Interstate 95 near Fairview for "
                 "three hours on Friday, police said.",
                 "Police blocked the road leading to the stadium on Saturday as thousands of fans arrived for "
                 "the final.",
                 "Snow blocked roads across the county on Monday, and the school district closed all schools.",
                 "Firefighters blocked off Main Street on Tuesday morning while crews fought a blaze at a "
                 "downtown restaurant."):
        assert not _report(text), text


def test_a_committee_formed_to_lead_protests_tells_no_action() -> None:
    text = ("BROOKDALE — Reporters rallied outside the press club in Brookdale on Sunday, condemning the "
            "police raid on its offices.\n\n"
            "Unions in the capital, Fairview, said a coordinating council had been established to organize "
            "countrywide protests and list their demands.")
    assert [loc for loc, _, _ in _events(text)] == ["Brookdale"]


def test_a_participle_opening_a_past_report_is_no_announcement() -> None:
    # "would not stop" is the story's past, not a plan; "with nurses going on strike, ... will close" stays one
    text = ("Marching through downtown Denver, Colorado, on Saturday, hundreds of nurses would not stop "
            "chanting until the hospital chief came out.")
    assert _events(text) == [("Denver", "2025-03-15", False)]


def test_a_politician_addressing_a_strike_rally_is_no_campaign_rally() -> None:
    # "campaign" of a union is no election word; a rally of striking nurses is held by the nurses
    text = ("Senator Maria Olsen addressed a rally of 2,000 striking nurses outside Albany Medical Center in "
            "Albany, New York, on Saturday. The union's campaign for safe staffing has lasted a year, and the "
            "nurses vowed to remember at the ballot box in the election.")
    res = extract_text(text, PUB)
    assert res.is_protest_report and [e.locality for e in res.events] == ["Albany"]


def test_a_rally_of_a_candidate_whose_campaign_is_named_is_no_protest_report() -> None:
    # "the Walden campaign": the text tells the holder's own campaign, no other election word needed
    text = ("Supporters wearing Walden campaign hats lined up outside the arena in Dayton, Ohio, on Sunday "
            "to attend Senator Gregory Walden's rally.")
    assert not _report(text)
