"""Relevance rules of session 15 narrowed after review: a crowd count after "of" is no past
year, a reporter's byline is no letter writer's sign-off, and a property-tax "protest" is an
appeal only in its own sentence sense (a street protest against tax appraisals stays a report)."""

from __future__ import annotations

from datetime import date

from protestdb.extract import extract_text

PUB = date(2025, 3, 12)  # a Wednesday


def _types(text: str) -> list[list[str]]:
    return [e.event_type for e in extract_text(text, PUB).events]


def test_a_crowd_count_after_of_is_no_past_year() -> None:
    from protestdb.extract.background import old_cues

    for text in ("Bus drivers marched through downtown Larkfield, Ohio, on Monday in a column of 1700.",
                 "The drivers, a crowd of 1700, picketed the depot in Larkfield, Ohio, on Monday.",
                 "Membership of the drivers' union grew by 1650, and they rallied on Monday."):
        assert not old_cues(text, 0, len(text), PUB, "en"), text
        assert not old_cues(text, 0, len(text), None, "en"), text
    assert _types("Bus drivers marched through downtown Dayton, Ohio, on Monday in a crowd of 1700.")
    # a year before 1900 told as one still is the past
    for text in ("The depot was built in 1868.", "The union has marched every May since 1886."):
        assert old_cues(text, 0, len(text), PUB, "en"), text


RALLY = "About 250 bus drivers rallied outside the transit depot in Dayton, Ohio, on Monday over unpaid overtime.\n\n"


def test_a_reporters_byline_is_no_letter_signature() -> None:
    from protestdb.extract.furniture import letter_signature

    for ending in ("Ruth Calloway,\nTransit Reporter", "By Ruth Calloway,\nThe Valley Courier",
                   "Ruth Calloway,\nMetro Editor", "Ruth Calloway,\nCourier Correspondent",
                   "— Ruth Calloway, Courier Correspondent", "Ruth Calloway,\nNight Desk"):
        assert letter_signature(RALLY + ending) is None, ending
        assert _types(RALLY + ending), ending
    # a letter signed with a name and a town, with or without its state, is one
    for ending in ("Ruth Calloway,\nDayton, Ohio", "Ruth Calloway,\nDayton", "- Ruth Calloway, Dayton"):
        assert letter_signature("We need better buses.\n\n" + ending) is not None, ending
    # a town's name followed by words that are no state or country is no place
    assert letter_signature("We need better buses.\n\nRuth Calloway,\nDayton, Transit Desk") is None


def test_a_street_protest_against_property_taxes_stays_a_report() -> None:
    text = (
        "Owners rally against tax bills\n\n"
        "About 150 homeowners protested outside the Marlow County courthouse in Dayton, Ohio, on Tuesday, "
        "carrying signs against rising property taxes and the assessor's new valuations.\n\n"
        "Speakers asked the board of review to freeze assessed values for retirees. Many said their "
        "tax bills had doubled, and the assessor said appeals would be heard in May.\n"
    )
    assert _types(text)


ASSESSMENT = (
    "Owners in Marlow County have until May 20 to file a protest of their 2025 assessment.\n\n"
    "The assessor raised market values by 9% this year. An owner who disagrees with the assessed value "
    "can lodge a formal protest with the board of review, which hears each taxpayer's protest in June.\n"
)


def test_an_owners_tax_appeal_is_no_protest_report() -> None:
    res = extract_text(ASSESSMENT, PUB, geocode=False)
    assert not res.is_protest_report and not res.events
    # the same words told of a crowd at a site are a protest
    crowd = ASSESSMENT.replace("Owners in Marlow County have until May 20 to file a protest of their 2025 assessment.",
                               "About 120 owners protested their 2025 assessments outside the Marlow County "
                               "courthouse in Dayton, Ohio, on Tuesday.")
    assert extract_text(crowd, PUB).events


def test_people_protesting_their_appraisals_are_no_appeal() -> None:
    from protestdb.extract.detect import find_triggers
    from protestdb.extract.nlp import load_nlp
    from protestdb.extract.relevance import _DocCues, appeal_sense
    from protestdb.extract.segment import split_text

    def senses(text: str) -> list[bool]:
        layout, doc = split_text(text, None, "en"), load_nlp()(text)
        cues = _DocCues(text, layout, [], PUB, "en")
        return [appeal_sense(text, layout, t, cues, "en", doc)
                for t in find_triggers(text, "en", layout, doc=doc) if t.quote.lower().startswith("protest")]

    for text in ("Retirees protested the county's new property valuations on Tuesday.",
                 "The retirees' protest of the new property valuations went on for hours."):
        found = senses(text)
        assert found and not any(found), text
    assert any(senses("An owner may file a protest of the new valuation with the board of review."))
    # the appeal's words may come in the sentence before: "the outcome of a protest" is the board's ruling
    assert senses("Each owner may appeal the new valuation. The review panel decides the outcome of a protest.") == [True]
    assert senses("Students marched on Monday. The dean will decide the outcome of a protest.") == [False]

