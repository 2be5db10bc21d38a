"""Issue 9, roundups told as photo galleries: a page of captions (each ending in its
photographer's credit) tells one event per caption's site; a file photo's caption stays a caption.

All sentences are written for these tests (no real page text)."""

from __future__ import annotations

from datetime import date

from helpers import events_by_city


def test_photo_gallery_captions_tell_one_event_each() -> None:
    # a gallery of a day of action: each caption, ending in its photographer's credit, tells a site
    text = (
        "Students walk out of class at Elm Ridge High School during the national walkout against gun violence, "
        "March 14, 2018, in Dayton, Ohio. Jane Roe/AP\n\n"
        "Teenagers wave hand-drawn posters at a walkout in Roanoke, Va., March 14, 2018. Sam Poe/AFP/Getty Images\n\n"
        "Hundreds of students rally outside the state house during the national walkout in Lansing, Michigan, "
        "March 14, 2018. Lee Moe/Reuters\n\n"
        "Pupils gather on their football field in Tulsa, Oklahoma, during the walkout, March 14, 2018. Kim Doe/EPA\n"
    )
    ev = events_by_city(text, date(2018, 3, 14))
    assert {"Dayton", "Roanoke", "Lansing", "Tulsa"} <= set(ev)


def test_file_photo_in_a_gallery_stays_a_caption() -> None:
    text = (
        "Workers picket outside the plant in Toledo, Ohio, on Monday as the strike began. Jane Roe/AP\n\n"
        "Strikers march past the union hall in Flint, Michigan, on Monday. Sam Poe/Reuters\n\n"
        "Workers rally at the gates of the assembly plant in Wichita, Kansas, Monday. Lee Moe/AP\n\n"
        "In this file photo, workers march outside the union hall in Dayton, Ohio. Kim Doe/AP\n"
    )
    ev = events_by_city(text, date(2023, 9, 18))
    assert {"Toledo", "Flint", "Wichita"} <= set(ev)
    from protestdb.extract.segment import split_text

    layout = split_text(text, None, "en")
    kinds = {text[layout.paragraphs[s.para][0] : layout.paragraphs[s.para][0] + 12]: s.kind for s in layout.sentences}
    assert kinds["In this file"] == "caption"
    assert kinds["Workers pick"] == "body" and kinds["Strikers mar"] == "body"
