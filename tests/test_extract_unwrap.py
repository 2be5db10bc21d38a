"""Hard-wrapped pages (wire copy, mailing lists) are read as whole paragraphs (extract/unwrap.py).

Every text here is invented; the wrapped ones are laid out by ``textwrap`` at a fixed width,
the way wire copy and list archives break their paragraphs.
"""

from __future__ import annotations

import textwrap
from datetime import date

from protestdb.extract import extract_text
from protestdb.extract.segment import split_text
from protestdb.extract.unwrap import unwrap

LEAD = (
    "CORVALLIS, Ore. (Wire) -- More than 300 nurses and their supporters marched through downtown "
    "Corvallis on Tuesday to demand safer staffing at the county's largest hospital, a union "
    "spokeswoman said."
)
SECOND = (
    "The marchers gathered outside the Benton County courthouse before walking to the hospital gates, "
    "where speakers from the Oregon Nurses Association addressed the crowd."
)
QUOTE = '"We are exhausted. We are asking for enough hands on each ward," said one of the organizers.'
LAST = "Hospital managers said talks would resume next week."


def _wrapped(paras: list[str], width: int = 64, sep: str = "\n") -> str:
    return sep.join(textwrap.fill(p, width) for p in paras)


def _paragraphs(text: str) -> list[str]:
    layout = split_text(text)
    return [text[s:e] for s, e in layout.paragraphs]


def test_a_wrapped_wire_story_reads_one_paragraph_per_paragraph():
    text = _wrapped([LEAD, SECOND, QUOTE, LAST])
    out = unwrap(text)
    assert len(out) == len(text)
    assert _paragraphs(out) == [LEAD, SECOND, QUOTE, LAST]


def test_paragraphs_apart_by_blank_lines_are_joined_inside_only():
    text = _wrapped([LEAD, SECOND, LAST], width=70, sep="\n\n")
    assert _paragraphs(unwrap(text)) == [LEAD, SECOND, LAST]


def test_a_headline_above_a_wrapped_body_stays_a_line_of_its_own():
    headline = "Nurses march in Corvallis over hospital staffing levels"
    text = headline + "\n" + _wrapped([LEAD, SECOND])
    out = unwrap(text)
    assert _paragraphs(out) == [headline, LEAD, SECOND]
    layout = split_text(out)
    assert [s.kind for s in layout.sentences][:2] == ["headline", "body"]


def test_a_sentence_wrapped_right_after_a_full_stop_is_joined():
    # the width ends a line just after "staffing." although the paragraph runs on
    para = (
        "Union delegates from four wards voted on Monday to walk out over staffing. Their "
        "negotiators said the board had ignored every proposal since the spring, and that the "
        "vote was the last step before a strike."
    )
    text = textwrap.fill(LEAD, 74) + "\n" + textwrap.fill(para, 74) + "\n" + textwrap.fill(SECOND, 74)
    assert "staffing.\n" in text
    assert _paragraphs(unwrap(text)) == [LEAD, para, SECOND]


def test_a_listing_of_short_lines_below_a_wrapped_story_is_kept():
    listing = ("Saturday rallies\nFernwick\n11 a.m. - Town Hall steps\nMarlow Bay\n2 p.m. - Harbour "
               "Green\nDetails to come")
    text = _wrapped([LEAD, SECOND]) + "\n" + listing
    out = unwrap(text)
    assert out.endswith(listing)
    assert _paragraphs(out)[:2] == [LEAD, SECOND]


def test_list_items_and_table_rows_are_never_joined():
    intro = textwrap.fill(
        "The union set out its demands in a letter handed to the hospital board after the march, and "
        "it listed them as follows for the members who could not attend", 64
    )
    items = (
        "- one nurse for every four patients on the medical wards\n"
        "- paid breaks that are not cut short by emergencies\n"
        "ward            nurses    patients\n"
        "surgical        6         31"
    )
    text = intro + "\n" + items + "\n" + _wrapped([SECOND])
    out = unwrap(text)
    assert items in out


def test_a_poem_like_block_is_unchanged():
    poem = (
        "we walked the river road at dawn\n"
        "our banners wet with rain\n"
        "the mill was silent, gates were drawn\n"
        "and still we came again\n"
        "across the bridge and up the lane\n"
        "to stand beside the train"
    )
    assert unwrap(poem) is poem


def test_a_normal_text_is_returned_byte_identical():
    text = "\n".join([LEAD, SECOND, QUOTE, "", LAST]) + "\n"
    out = unwrap(text)
    assert out is text
    assert out.encode() == text.encode()


def test_windows_line_ends_are_unwrapped_with_the_same_length():
    text = _wrapped([LEAD, SECOND]).replace("\n", "\r\n")
    out = unwrap(text)
    assert len(out) == len(text)
    assert out.count("\r\n") == 1  # only the line end between the two paragraphs stays
    assert [" ".join(p.split()) for p in _paragraphs(out)] == [LEAD, SECOND]


def test_extract_text_reads_a_wrapped_lead_and_keeps_the_original_text():
    text = _wrapped([LEAD, SECOND, QUOTE, LAST])
    res = extract_text(text, date(2023, 5, 12))
    assert res.is_protest_report
    assert res.text == text  # offsets point into the text as given (the store keeps that one)
    (ev,) = [e for e in res.events if e.locality == "Corvallis"]
    assert ev.size_text and "300" in ev.size_text  # the crowd of the lead's first line
    for spans in ev.evidence.values():
        for span in spans:
            assert text[span.start : span.end] == span.quote


def test_the_pipeline_stores_evidence_into_the_article_text_of_a_wrapped_page():
    from protestdb.models import Article
    from protestdb.pipeline import process_article

    text = _wrapped([LEAD, SECOND, QUOTE, LAST])
    art = Article.make(text, published=date(2023, 5, 12))
    mentions = process_article(art)  # raises when offsets point into another text
    assert mentions
    for m in mentions:
        for spans in m.evidence.values():
            assert all(art.text[s.start : s.end] == s.quote for s in spans)


def test_a_headline_inside_the_page_above_a_dateline_or_in_title_case_stays():
    stamp = "Posted 14 May 2023"
    title = "Nurses Rally Outside Corvallis Hospital Over Staffing Levels"
    plain = "Nurses march through Corvallis over staffing on the wards"
    body = _wrapped([LEAD, SECOND])
    for headline in (title, plain):
        text = stamp + "\n" + headline + "\n" + body
        assert _paragraphs(unwrap(text)) == [stamp, headline, LEAD, SECOND]
    text = stamp + "\n" + title + "\n" + _wrapped([SECOND, LEAD])
    assert _paragraphs(unwrap(text)) == [stamp, title, SECOND, LEAD]


def test_long_lines_broken_here_and_there_join_only_where_they_run_on():
    broken = (
        "Several hundred parents gathered on the lawn of the district office in Maplecrest on Thursday "
        "evening and\n"
        "demanded that the board reverse its decision to close two rural schools before the next school "
        "year\n"
        "begins, a spokeswoman for the parents' group said after the meeting had ended late into the night\n"
        "Board members did not answer questions from reporters as they left the building through a side door"
    )
    out = unwrap(broken)
    assert out.count("\n") == 1 and out.endswith("\nBoard members did not answer questions from reporters "
                                                 "as they left the building through a side door")


# --- the headline zone, listings and the lead's first line (session 23 review) ---------------

WIRE_LEAD = (
    "More than 200 teachers and parents marched through downtown Corvallis, Oregon, on Saturday to "
    "protest the school board's plan to close three elementary schools, organizers said."
)
WIRE_SECOND = (
    "The marchers gathered at Central Park before walking to the district office, where speakers from "
    "the teachers' union addressed the crowd for about an hour."
)
WIRE_THIRD = (
    "Board members said the closures would save the district about $4 million a year and that a final "
    "vote would come later this spring."
)


def _wire(*paras: str) -> str:
    return "\n".join(textwrap.fill(p, 68) for p in paras)


def test_a_sentence_case_headline_below_a_date_stamp_stays_out_of_the_lead():
    # the headline and the next word reach past the wrap width, yet the lead opens a sentence
    for headline in (
        "Salem lawmakers to hold hearing on school closures next Thursday",
        "Parents in Albany planning their own march against closures soon",
        "Teachers plan statewide strike vote as Eugene talks collapse again",
    ):
        for top in ("Posted 8 March 2025\n", ""):
            text = top + headline + "\n" + _wire(WIRE_LEAD, WIRE_SECOND)
            paras = _paragraphs(unwrap(text))
            assert headline in paras and WIRE_LEAD in paras
            res = extract_text(text, date(2025, 3, 12))
            assert [(e.locality, e.state) for e in res.events] == [("Corvallis", "OR")]


def test_the_first_line_of_a_lead_with_no_headline_joins_when_the_next_word_did_not_fit():
    text = _wire(WIRE_LEAD, WIRE_SECOND, WIRE_THIRD)
    assert text.startswith("More than 200 teachers and parents marched through downtown\nCorvallis")
    assert _paragraphs(unwrap(text)) == [WIRE_LEAD, WIRE_SECOND, WIRE_THIRD]
    for indent in ("   ", "\t"):  # indented wire paragraphs
        indented = "\n".join(indent + textwrap.fill(p, 65) for p in (WIRE_LEAD, WIRE_SECOND, WIRE_THIRD))
        assert [p.strip() for p in _paragraphs(unwrap(indented))] == [WIRE_LEAD, WIRE_SECOND, WIRE_THIRD]


def test_a_headline_line_never_joins_a_lead_that_opens_with_a_common_word():
    headline = "Teachers and parents march in Corvallis against school closures"
    text = "Posted 8 March 2025\n" + headline + "\n" + _wire(WIRE_LEAD, WIRE_SECOND)
    assert _paragraphs(unwrap(text)) == ["Posted 8 March 2025", headline, WIRE_LEAD, WIRE_SECOND]


def test_a_schedule_of_one_action_a_line_is_never_joined():
    schedule = (
        "Saturday, March 15, 11 a.m.: rally outside city hall in Salem, Oregon\n"
        "Sunday, March 16, 2 p.m.: candlelight vigil at the park in Eugene\n"
        "Monday, March 17, 7 p.m.: picket at the school board in Medford"
    )
    lead = textwrap.fill(
        "Oregon teachers will hold rallies in three cities next week to protest the state's plan to close "
        "rural schools, the Oregon Education Association said on Tuesday.", 68
    )
    intro = (
        "The union said the events were open to parents and students and that\n"
        "it expected thousands of people to attend across the state. Here is\n"
        "the schedule it released"
    )
    text = lead + "\n" + intro + "\n" + schedule
    assert unwrap(text).endswith(schedule)
    plain = (
        "Upcoming actions announced by the union for the coming week\n"
        "Saturday March 15 at 11 a.m. rally at Salem City Hall, Oregon\n"
        "Sunday March 16 at 2 p.m. candlelight vigil at Eugene Federal Building\n"
        "Monday March 17 at 7 p.m. picket outside the Albany school board office"
    )
    for body in (_wire(WIRE_LEAD, WIRE_SECOND, WIRE_THIRD), _wire(WIRE_LEAD, WIRE_SECOND)):
        text = body + "\n" + plain
        assert unwrap(text).endswith("\n" + plain)
        res = extract_text(text, date(2025, 3, 12))
        assert [(e.locality, str(e.date)) for e in res.events] == [("Corvallis", "2025-03-08")]


def test_labels_before_a_colon_and_a_line_ending_in_a_colon_stay_lines():
    body = _wire(WIRE_LEAD, WIRE_SECOND)
    block = (
        "The union asked every member who can attend to note the following details:\n"
        "Where: the steps of the Benton County courthouse on Fourth Street downtown\n"
        "When: Saturday from eleven in the morning until about two in the afternoon"
    )
    assert unwrap(body + "\n" + block).endswith("\n" + block)


def test_an_address_block_after_a_wrapped_story_stays_apart():
    address = (
        "For more information contact the teachers' union at its office\n"
        "1450 Northeast Riverside Drive, Suite 200, Salem, Oregon 97301\n"
        "Telephone 541-555-0199 or write to the union office today"
    )
    text = _wire(WIRE_LEAD, WIRE_SECOND, WIRE_THIRD) + "\n" + address
    assert unwrap(text).endswith("spring.\n" + address)


def test_a_day_or_a_number_after_a_full_stop_starts_a_line_of_its_own():
    body = _wire(WIRE_LEAD, WIRE_SECOND)
    # the full stop ends a line filled to the width: the next line still opens on a day
    filled = "Board members said they would meet the union again before the vote in spring."
    tail = "Saturday: a second march from the park to the district office at noon"
    text = body + "\n" + filled + "\n" + tail
    assert unwrap(text).endswith(filled + "\n" + tail)


def test_dropped_quotes_of_an_unwrapped_text_are_taken_from_the_original():
    text = (
        "Nearly 400 nurses marched through downtown Corvallis, Oregon, on\n"
        "Tuesday to demand safer staffing, a week after more than\n"
        "1,000 teachers rallied in Eugene, Oregon, over pay cuts, the\n"
        "union said. The nurses gathered at the courthouse and then walked\n"
        "to the hospital gates, where speakers addressed the crowd for an\n"
        "hour before the march ended peacefully."
    )
    res = extract_text(text, date(2025, 3, 12), explain=True)
    sizes = [d["candidate"] for d in res.dropped if d["candidate"].startswith("size ")]
    assert sizes and all("'more than\\n1,000' at " in s for s in sizes)
