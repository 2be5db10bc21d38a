"""Document relevance: protest words in senses of their own (a property owner's "protest" of an
appraisal, "protest songs") make no protest report, and a report whose action is a compound noun
("a car protest", "a hunger strike") tells a new action like a one-word trigger."""

from __future__ import annotations

from datetime import date

from protestdb.extract import extract_text
from protestdb.extract.relevance import frame_density

PUB = date(2025, 3, 12)  # a Wednesday


def _report(text: str) -> bool:
    return extract_text(text, PUB, geocode=False).is_protest_report


def _new_action(text: str, quote: str) -> bool:
    from protestdb.extract.detect import find_triggers
    from protestdb.extract.nlp import load_nlp

    return next(t.new_action for t in find_triggers(text, "en", doc=load_nlp()(text)) if t.quote.lower() == quote)


def test_a_compound_trigger_tells_a_new_action_through_its_head_noun() -> None:
    assert _new_action("Tenants of the Larkspur towers staged a hunger strike in the lobby on Monday.", "hunger strike")
    assert _new_action("Dock workers began a work stoppage at the port of Easthaven on Tuesday.", "work stoppage")
    # told back, not anew
    assert not _new_action("The hunger strike ended after nine days.", "hunger strike")


def test_a_car_protest_told_in_the_body_is_a_report() -> None:
    text = (
        "Honking for the detained\n\n"
        "We have written about the detention center many times on this site, and we will keep doing so.\n\n"
        "The center has been run by a private firm since 2019 and holds about 300 people.\n\n"
        "On Saturday, the Oakmere Migrant Rights Network organized the county's first car protest outside "
        "the detention center in Brookfield, Vermont, with dozens of cars circling the building.\n"
    )
    res = extract_text(text, PUB)
    assert res.is_protest_report
    assert any(e.locality == "Brookfield" for e in res.events)


APPRAISAL = (
    "In Dalton County the deadline to file a protest of a 2025 appraisal falls on June 2.\n\n"
    "This year the appraisal district raised market values by 11%, and taxable values rose with them. "
    "If an owner disagrees with the appraised value, the owner can submit a protest to the appraisal "
    "district. The appraisal review board then hears the taxpayer's protest and decides the outcome of a "
    "protest.\n\n"
    "Owners can also ask about a homestead exemption before the deadline, the chief appraiser said.\n"
)


def test_an_appraisal_protest_is_no_protest_report() -> None:
    from protestdb.extract.detect import find_triggers
    from protestdb.extract.nlp import load_nlp
    from protestdb.extract.relevance import _DocCues, appeal_sense
    from protestdb.extract.segment import split_text

    layout = split_text(APPRAISAL, None, "en")
    doc = load_nlp()(APPRAISAL)
    trigs = [t for t in find_triggers(APPRAISAL, "en", layout, doc=doc) if t.quote.lower().startswith("protest")]
    cues = _DocCues(APPRAISAL, layout, [], PUB, "en")
    senses = [appeal_sense(APPRAISAL, layout, t, cues, "en", doc) for t in trigs]
    assert sum(senses) >= 2, senses  # filed, heard: each in its own sentence sense
    assert not _report(APPRAISAL)


def test_a_rally_against_appraisals_stays_a_report() -> None:
    text = (
        "About 150 homeowners rallied outside the Dalton County appraisal district office on Monday, "
        "saying the new appraisals and market values push longtime owners out.\n\n"
        "Speakers asked the appraisal review board to freeze taxable values and expand the homestead "
        "exemption for seniors, and the chief appraiser came out to hear them.\n"
    )
    assert _report(text)


def test_protest_songs_are_no_protest_report() -> None:
    text = (
        "The decade gave us more protest music than its critics admit. This list of albums is in "
        "chronological order, and every record on it is full of protest songs.\n\n"
        "The band's last album mixes folk ballads of protest with satire.\n"
    )
    assert not _report(text)
    # a march where protest songs were sung is still a march
    assert _report("Hundreds of students marched through downtown Cedar Falls on Monday, singing protest songs "
                   "against the tuition increase.")


LEANING_RETROSPECTIVE = (
    "The ongoing student protests against tuition increases have drawn attention on campuses across "
    "the country.\n\n"
    "These movements are not new. They are the latest chapter in a long history of student activism "
    "that goes back decades, and historians say such movements have often changed the country.\n\n"
    "Students at public colleges have long argued that rising costs shut out families with low "
    "incomes, and several governors have promised to review the fees next year.\n\n"
    "Many of the students involved say they want lawmakers to freeze tuition, expand grants and cap "
    "the interest on student loans, and they expect the debate to continue.\n\n"
    "State budget officers expect revenue to grow slowly, and the university system has asked for "
    "more money to hire advisers, repair dormitories and expand online courses for working adults "
    "who study at night.\n\n"
    "The board of regents will meet in April to set the fees for the coming year, and a committee of"
    " faculty members is preparing a report on financial aid.\n"
)


def test_a_text_leaning_into_a_non_protest_frame_needs_more_than_thin_evidence() -> None:
    """A mild density of a frame's words (here history: 1.2-2 hits per 100 words) costs one point:
    protests alluded to in passing ("the ongoing student protests have drawn attention") and a
    history of activism are no report; a march told with its day and people stays one."""
    frame, density = frame_density(LEANING_RETROSPECTIVE, "en")
    assert frame == "retrospective" and 1.2 <= density < 2.0
    assert not _report(LEANING_RETROSPECTIVE)
    told = LEANING_RETROSPECTIVE.replace(
        "The ongoing student protests against tuition increases have drawn attention on campuses across the country.",
        "Hundreds of students marched to the state capitol in Westford on Monday against tuition increases.")
    assert 1.2 <= frame_density(told, "en")[1] < 2.0
    assert _report(told)


def test_a_year_of_the_last_century_is_the_past_even_without_a_publication_date() -> None:
    from protestdb.extract.background import old_cues

    for text in ("One night in 1773, a band of colonists dumped crates of tea into Harbor Bay in protest.",
                 "In 1889, dockers at the port of Eastmouth struck for a raise.",
                 "In 1968, students at Hollis College occupied the dean's office for a week."):
        assert old_cues(text, 0, len(text), None, "en"), text
        assert old_cues(text, 0, len(text), PUB, "en"), text
    # a year of this century may be the news itself on a page without a date
    assert not old_cues("In 2019, students at Hollis College occupied the dean's office.", 0, 62, None, "en")
    # a count or a street number is no year
    for text in ("A crowd of 1800 workers marched on Monday.",
                 "Protesters gathered in front of 1600 Pennsylvania Avenue on Monday."):
        assert not old_cues(text, 0, len(text), None, "en"), text
        assert not old_cues(text, 0, len(text), PUB, "en"), text


def test_an_old_protest_told_with_its_year_is_background_on_a_page_without_a_date() -> None:
    from protestdb.extract.detect import find_triggers
    from protestdb.extract.nlp import load_nlp
    from protestdb.extract.segment import split_text

    text = (
        "One night in 1773, a band of colonists who had dressed in disguise boarded three ships at a wharf in "
        "Harbor Bay and dumped crates of tea into the cold water, an act of civil disobedience that destroyed "
        "property in protest against a tax.\n"
    )
    trigs = find_triggers(text, "en", split_text(text, None, "en"), doc=load_nlp()(text), dates=[], published=None)
    told = [t for t in trigs if t.quote.lower() == "civil disobedience"]
    assert told and all(t.background and t.weak for t in told)


LETTER = (
    "Is there still a right to march?\n\n"
    "In some countries marching is legal but too dangerous. Protests there have left people dead, and "
    "leaders have told the police to break the legs of disruptive protesters.\n\n"
    "Our own state is looking at new rules: regular protesters would face exclusion orders, fines and "
    "up to two years in jail, and masks at protests would be banned. Many of us will oppose these rules.\n\n"
    "Jane Marlow,\nBrookfield, Vermont\n"
)


def test_a_letter_to_the_editor_is_no_protest_report() -> None:
    from protestdb.extract.furniture import letter_signature

    sig = letter_signature(LETTER)
    assert sig is not None and LETTER[sig[0]:sig[1]] == "Jane Marlow,\nBrookfield, Vermont"
    assert letter_signature("The rally ended at noon.\n\n- Jane Marlow, Brookfield") is not None
    res = extract_text(LETTER, PUB, geocode=False, explain=True)
    assert not res.is_protest_report
    assert any(d["rule"] == "relevance.opinion_page" for d in res.dropped)


def test_a_news_ending_is_no_letter_signature() -> None:
    from protestdb.extract.furniture import letter_signature

    for ending in ("Associated Press writer Jane Marlow contributed to this report.", "Jane Marlow\nReuters",
                   "Jane Marlow,\nStaff Writer", "- Jane Marlow in Brookfield", "Copyright 2025 Example Media Inc."):
        assert letter_signature("About 200 nurses rallied outside Mercy Hospital on Monday.\n\n" + ending) is None, ending
    # the same report still counts
    assert _report("About 200 nurses rallied outside Mercy Hospital in Brookfield on Monday over staffing.\n\n"
                   "Jane Marlow\nReuters")


def test_withdrawing_services_or_labour_is_a_strike() -> None:
    text = (
        "Doctors at public hospitals in Kanyama State withdrew their services on Monday over eight months of "
        "unpaid salaries, leaving patients stranded.\n\n"
        "The chairman of the doctors' association said the action would continue until the arrears are paid.\n"
    )
    res = extract_text(text, PUB, geocode=False)
    assert res.is_protest_report
    assert any("strike" in e.event_type for e in res.events)
    assert "withdrawal of labour" in _trigger_words("Dockers began a withdrawal of labour at Eastmouth on Monday.")
    # a firm's services are no labour action
    assert not _trigger_words("The bank withdrew its services from the town last year.")


def _trigger_words(text: str) -> set[str]:
    from protestdb.extract.detect import find_triggers
    from protestdb.extract.nlp import load_nlp

    return {t.quote.lower() for t in find_triggers(text, "en", doc=load_nlp()(text))}


HISTORY_GOES_ON = (
    "Drivers at the Eastfield depot in Dayton, Ohio, have reached a tentative deal with the transit agency.\n\n"
    "Last fall, 900 drivers at the Northgate depot went on strike for a raise. The offer they turned down gave them "
    "5% over three years.\n\n"
    "Most of them voted the next offer down too and went on strike for ten more days.\n\n"
    "The union's members will vote on the deal next week.\n"
)


def _carried(text: str, published: date | None, quote: str = "went on strike") -> list:
    """The "went on strike" triggers after the history's first sentence, and the sentences
    ``carried_history`` says go on with it."""
    from protestdb.extract.background import carried_history
    from protestdb.extract.dates import find_dates
    from protestdb.extract.detect import find_triggers
    from protestdb.extract.nlp import load_nlp
    from protestdb.extract.segment import split_text

    doc = load_nlp()(text)
    layout, dates = split_text(text, doc, "en"), find_dates(text, published)
    trigs = find_triggers(text, "en", layout, doc=doc, dates=dates, published=published)
    carried = carried_history(text, layout, trigs, dates, "en")
    return [t.sent in carried for t in trigs if t.quote == quote and t.start > 200]


def test_an_untimed_sentence_that_goes_on_with_an_old_protest_is_no_news() -> None:
    for pub in (PUB, None):
        again = _carried(HISTORY_GOES_ON, pub)
        assert again and all(again), pub
    # the page tells no protest of its own (the history told in its lead)
    told = ("The transit agency in Dayton, Ohio, and the drivers' union met for ten hours on Tuesday.\n\n"
            "Last fall, 900 drivers at the Northgate depot went on strike for a raise. The offer they turned down "
            "gave them 5% over three years. Drivers voted the next offer down too and went on strike for ten more days.\n\n"
            "The union's members will vote on a new offer next week.\n")
    assert not _report(told)
    assert _report(told.replace("went on strike for ten more days.", "went on strike again on Monday."))
    # a sentence that says it is the news, or has a date of its own, ends the history
    for news in ("Now most of them went on strike again over the same offer.",
                 "Most of them went on strike again on Monday over the same offer."):
        text = HISTORY_GOES_ON.replace("Most of them voted the next offer down too and went on strike for ten more days.", news)
        again = _carried(text, PUB)
        assert again and not any(again), news


def test_an_action_told_as_done_again_ends_the_history() -> None:
    # "again", "once more", "anew", "a second time", "renewed": a new action, not the old one told on
    for news in ("Most of them walked off the job again, saying the depot never hired the drivers it promised.",
                 "Most of them went on strike once more over the same offer.",
                 "Most of them went on strike a second time over the same offer.",
                 "Most of them have gone on strike over the same offer."):
        text = HISTORY_GOES_ON.replace("Most of them voted the next offer down too and went on strike for ten more days.", news)
        again = _carried(text.replace("walked off the job again", "went on strike again"), PUB,
                         "gone on strike" if "have gone" in news else "went on strike")
        assert again and not any(again), news
    told = ("In 2019, nurses at Larkmoor Hospital in Toledo, Ohio, went on strike for five days over staffing.\n\n"
            "Hundreds of nurses walked off the job again, saying the hospital never hired the staff it promised.\n")
    assert _report(told)


def test_a_year_that_names_a_law_or_a_war_is_not_the_time_of_the_action() -> None:
    from protestdb.extract.background import old_cues

    for text in ("About 200 students marched in Westford, Ohio, against the 1996 law that bars them from aid.",
                 "The 1991 Gulf War veterans rallied at the statehouse in Springfield.",
                 "Tenants picketed the landlord over the 1998 Rent Control Act."):
        for pub in (None, PUB):
            assert not old_cues(text, 0, len(text), pub, "en"), (text, pub)
    assert extract_text("About 200 students marched in Westford, Ohio, against the 1996 law that bars them from "
                        "in-state tuition.", None, geocode=False).is_protest_report
    # a year that dates the action still makes history
    for text in ("In 1968, students marched against the war.", "In 1968 students occupied the dean's office.",
                 "The 1968 protests against the war closed the campus."):
        assert old_cues(text, 0, len(text), None, "en"), text


def test_others_walking_out_against_diplomats_is_a_report() -> None:
    for text in ("Hundreds of students at Corwin College in Westford walked out of class on Tuesday to protest a "
                 "visit by a foreign government delegation.",
                 "About 300 nurses walked out of Larkmoor Hospital in Toledo, Ohio, on Thursday as a state "
                 "delegation toured the wards.",
                 "Dozens of students in Ann Arbor, Michigan, staged a walkout Friday to protest the ambassador's "
                 "speech at the commencement.",
                 "Climate activists walked out of the summit hall in Westford on Monday as world leaders began "
                 "their speeches."):
        assert _report(text), text
    # the diplomats themselves walking out is no protest report
    for text in ("Several delegations walked out of the session in Geneva on Tuesday as the minister began to speak.",
                 "Western ambassadors staged a walkout during the speech at the assembly in New York on Monday.",
                 "Delegates from a dozen countries walked out of the assembly hall in Vienna on Monday.",
                 "There was a walkout by several delegations at the conference in Vienna on Monday."):
        assert not _report(text), text


def test_staying_on_strike_unless_an_offer_improves_is_an_ongoing_strike() -> None:
    for text in ("Bus drivers in Dayton, Ohio, walked off the job on Monday and said they would keep striking "
                 "unless management's offer improves.",
                 "Bus drivers in Dayton, Ohio, walked off the job on Monday and said they would stay on strike "
                 "unless the offer improves."):
        res = extract_text(text, PUB, geocode=False)
        assert any("strike" in e.event_type for e in res.events), text
    # a strike told only as a condition stays no strike
    res = extract_text("Bus drivers in Dayton, Ohio, rallied on Monday and said they would strike unless the "
                       "offer improves.", PUB, geocode=False)
    assert not any("strike" in e.event_type for e in res.events)
