"""Issue 9, event recall: events that were not found at all (ranges and lists of sites,
sentences that open on their place, roundup items told as "in X 5,000").

All sentences are written for these tests (no real page text)."""

from __future__ import annotations

from datetime import date

from protestdb.extract import extract_text
from protestdb.extract.places import Place, site_places

PUB = date(2024, 5, 6)


def _places(res) -> set[str]:
    return {ev.locality for ev in res.events if ev.locality}


def _bounds(text: str):
    def bounds(pos: int) -> tuple[int, int]:
        lo = max(text.rfind(". ", 0, pos) + 2, 0) if text.rfind(". ", 0, pos) >= 0 else 0
        hi = text.find(". ", pos)
        return lo, len(text) if hi < 0 else hi

    return bounds


def _city(text: str, name: str, state: str | None = None) -> Place:
    i = text.index(name)
    return Place(i, i + len(name), name, "city", state, name)


def test_both_ends_of_a_range_of_sites_are_sites() -> None:
    text = "From Denver to Omaha, crowds gathered outside city halls on Saturday."
    a, b = _city(text, "Denver", "CO"), _city(text, "Omaha", "NE")
    assert site_places(text, [a, b], _bounds(text)) == {id(a), id(b)}


def test_a_journey_from_one_city_to_another_is_no_range_of_sites() -> None:
    text = "Farm workers walked from Fresno to Modesto, a week-long trek, to press for the bill."
    a, b = _city(text, "Fresno", "CA"), _city(text, "Modesto", "CA")
    assert site_places(text, [a, b], _bounds(text)) == set()


def test_a_bare_origin_is_no_site() -> None:
    text = "Buses brought members from Peoria, and the rally began at noon."
    a = _city(text, "Peoria", "IL")
    assert site_places(text, [a], _bounds(text)) == set()


def test_places_listed_after_a_site_share_its_role() -> None:
    text = "Vigils were held in several cities, including Tulsa, Wichita and Topeka."
    ps = [_city(text, n) for n in ("Tulsa", "Wichita", "Topeka")]
    assert site_places(text, ps, _bounds(text)) == {id(p) for p in ps}


def test_range_end_and_list_in_an_action_sentence_give_one_event_each() -> None:
    text = (
        "Rallies against the school closures drew crowds on Saturday, from Denver to Omaha. "
        "Organizers said more were planned."
    )
    res = extract_text(text, PUB)
    assert {"Denver", "Omaha"} <= _places(res)


def test_a_list_after_including_gives_every_listed_city_its_event() -> None:
    text = "Thousands of students marched against the pipeline in several cities on Saturday, including Tulsa and Wichita."
    res = extract_text(text, PUB)
    assert {"Tulsa", "Wichita"} <= _places(res)


def test_a_sentence_opening_on_its_place_is_that_action_s_site() -> None:
    text = "• In Wichita, hundreds of demonstrators have gathered near the courthouse to protest against the new tax."
    res = extract_text(text, PUB)
    assert _places(res) == {"Wichita"}


def test_the_southern_part_of_a_city_is_the_city() -> None:
    text = "Up to 4,000 people took part in the protest in the southern part of Wichita on Thursday."
    res = extract_text(text, PUB)
    assert _places(res) == {"Wichita"}


def test_roundup_items_told_as_in_city_then_number() -> None:
    text = (
        "Workers went on strike across Spain on Friday against the labor reform, the unions said. "
        "In Madrid alone there were more than 90,000, in Valencia more than 30,000, in Granada 12,000 and in Bilbao 8,000."
    )
    res = extract_text(text, PUB)
    ev = {e.locality: e for e in res.events if e.locality}
    assert {"Valencia", "Granada", "Bilbao"} <= set(ev)
    assert ev["Granada"].size_low == 12000 and ev["Bilbao"].size_low == 8000
    assert all(e.country == "ES" for e in ev.values())


def test_a_year_after_a_city_is_no_roundup_item() -> None:
    text = (
        "Students walked out of classes in Tulsa on Monday over the budget cuts. "
        "The district, in Wichita 2019 and in Topeka 2021, faced similar cuts."
    )
    res = extract_text(text, PUB)
    assert _places(res) == {"Tulsa"}


def test_a_named_nationwide_boycott_is_an_event_without_other_protest_words() -> None:
    text = (
        "Shops stayed shut on Thursday as thousands of people across the United States joined "
        "the initiative \u201cA Day Without Immigrants\u201d to show what the country would lose.\n\n"
        "There were acts of the \u201cDay Without Immigrants\u201d in cities such as Tulsa, Wichita and Omaha."
    )
    res = extract_text(text, PUB)
    assert res.is_protest_report
    national = [ev for ev in res.events if ev.locality is None]
    assert len(national) == 1 and {"boycott", "strike"} <= set(national[0].event_type)
    assert {"Tulsa", "Wichita", "Omaha"} <= _places(res)


def test_a_trigger_inside_a_named_action_is_nationwide() -> None:
    from protestdb.extract.detect import Trigger
    from protestdb.extract.nationwide import named_action_triggers
    from protestdb.extract.segment import split_text

    text = "Unions said the general strike shut ports and factories on Monday."
    layout = split_text(text)
    i = text.index("strike")
    t = Trigger(i, i + 6, "strike", "strike", 0)
    out = named_action_triggers(text, layout, [t])
    assert out == [t] and t.national


def test_a_sentence_naming_no_action_gets_no_named_trigger() -> None:
    from protestdb.extract.nationwide import named_action_triggers
    from protestdb.extract.segment import split_text

    text = "The mayor spoke about the budget on Monday."
    assert named_action_triggers(text, split_text(text), []) == []


def test_turnout_line_with_a_capitalised_approximation() -> None:
    text = (
        "Marches against the war drew crowds in many cities on Saturday, organizers said.\n"
        "Denver: More than 40,000\n"
        "Omaha: About 2,500\n"
    )
    res = extract_text(text, PUB)
    ev = {e.locality: e for e in res.events if e.locality}
    assert {"Denver", "Omaha"} <= set(ev)
    assert ev["Denver"].size_low == 40001 or ev["Denver"].size_low == 40000


LISTING = (
    "Here are some of the actions planned across the region this week.\n\n"
    "Stand Up for Schools: Tulsa, OK\n\n"
    "Centennial Park\n\n"
    "Parents and teachers will march to the district office to demand smaller classes.\n\n"
    "Fair Wages Now: Wichita, KS\n\n"
    "Union Hall\n\n"
    "Home care workers will rally for a raise before the county board votes.\n"
)


def test_a_listing_s_section_header_places_the_actions_below_it() -> None:
    res = extract_text(LISTING, PUB)
    ev = {e.locality: e for e in res.events if e.locality}
    assert set(ev) == {"Tulsa", "Wichita"}
    assert "march" in ev["Tulsa"].event_type and "rally" in ev["Wichita"].event_type


def test_one_short_line_is_no_section_structure() -> None:
    from protestdb.extract.roundups import section_headers
    from protestdb.extract.segment import split_text

    text = "Crowds gathered downtown on Saturday.\n\nTulsa, OK\n\nTeachers marched to the district office."
    layout = split_text(text)
    i = text.index("Tulsa")
    tulsa = Place(i, i + 5, "Tulsa", "city", "OK", "Tulsa")
    assert section_headers(text, layout, [tulsa]) == {}
    text2 = text + "\n\nWichita, KS\n\nNurses rallied at the hospital."
    layout2 = split_text(text2)
    k = text2.index("Wichita")
    wichita = Place(k, k + 7, "Wichita", "city", "KS", "Wichita")
    headers = section_headers(text2, layout2, [tulsa, wichita])
    assert {p.quote for p in headers.values()} == {"Tulsa", "Wichita"}


def test_the_one_city_of_the_body_places_actions_told_without_a_place() -> None:
    text = (
        "Tense scenes unfolded on Tuesday outside an immigration office in Tulsa, where agents detained a dozen people.\n\n"
        "The officers said the crowd grew through the afternoon.\n\n"
        "Dozens of protesters blocked the gates of the building for two hours."
    )
    res = extract_text(text, PUB, explain=True)
    assert [ev.locality for ev in res.events] == ["Tulsa"]
    assert any(r["rule"] == "drafting.sole_city" for r in res.trace[0]["event"])


def test_two_cities_in_the_body_leave_a_placeless_action_unplaced() -> None:
    text = (
        "Officials in Tulsa and Wichita traded letters over the budget on Tuesday.\n\n"
        "The officers said the crowd grew through the afternoon.\n\n"
        "Dozens of protesters blocked the gates of the building for two hours."
    )
    res = extract_text(text, PUB)
    assert all(ev.locality is None for ev in res.events)


def test_a_campus_names_its_city() -> None:
    text = "Students set up encampments on Monday at the University of Tulsa and the University of Wichita."
    a, b = _city(text, "Tulsa", "OK"), _city(text, "Wichita", "KS")
    assert site_places(text, [a, b], _bounds(text)) == {id(a), id(b)}


def test_a_us_reading_of_a_place_in_a_text_about_another_country_is_no_site() -> None:
    from protestdb.extract.places import us_place_abroad

    text = "From Lyon to Paris, French unions marched on Thursday against the pension reform in France."
    paris = _city(text, "Paris", "TX")
    lyon = Place(text.index("Lyon"), text.index("Lyon") + 4, "Lyon", "city", None, "Lyon", "FR")
    assert us_place_abroad(text, paris) and not us_place_abroad(text, lyon)
    assert site_places(text, [lyon, paris], _bounds(text)) == {id(lyon)}
    told = "Unions in France marched on Thursday, and in Paris, Texas, a rally drew 40 people."
    assert not us_place_abroad(told, _city(told, "Paris", "TX"))


def test_thousands_more_in_listed_cities_are_events_of_their_own() -> None:
    text = (
        "Thousands of nurses marched in Denver on Saturday to demand safer staffing; in Tulsa, hundreds "
        "rallied outside the state capitol, and thousands more gathered in Omaha and Wichita."
    )
    res = extract_text(text, PUB)
    assert _places(res) == {"Denver", "Tulsa", "Omaha", "Wichita"}


def test_a_count_of_money_is_no_crowd_at_a_place() -> None:
    text = "Nurses marched in Denver on Saturday; the union said it had raised thousands of dollars in Omaha."
    res = extract_text(text, PUB)
    assert _places(res) == {"Denver"}


def test_a_place_whose_clause_counts_a_crowd_is_a_site() -> None:
    text = (
        "Tens of thousands of people marched in Hamburg on Thursday against the pension plan, "
        "while in Leipzig the unions counted 30,000."
    )
    res = extract_text(text, PUB)
    ev = {e.locality: e for e in res.events if e.locality}
    assert set(ev) == {"Hamburg", "Leipzig"}
    assert ev["Leipzig"].size_low == 30000


def test_a_place_whose_clause_counts_no_crowd_stays_context() -> None:
    text = (
        "Tens of thousands of people marched in Hamburg on Thursday against the pension plan, "
        "while in Leipzig the council debated the budget."
    )
    res = extract_text(text, PUB)
    assert _places(res) == {"Hamburg"}


BULLETS = (
    "Students set up protest encampments at campuses across the country this week.\n\n"
    "Here is where encampments have been reported:\n\n"
    "• Tulsa Community College in Tulsa: Students pitched tents on the main lawn.\n\n"
    "• The Kiln in Tulsa: Two dozen art students occupied the lobby.\n\n"
    "• Prairie State University in Wichita: Protesters set up tents outside the student union.\n"
)


def test_each_bulleted_site_is_its_own_event_even_in_one_city() -> None:
    res = extract_text(BULLETS, PUB)
    tulsa = [ev for ev in res.events if ev.locality == "Tulsa"]
    assert len(tulsa) == 2
    assert {"Tulsa", "Wichita"} <= _places(res)


def test_bulleted_sentences_about_one_city_are_no_list_of_sites() -> None:
    text = (
        "Truckers kept up their protest in Tulsa on Saturday against the new tolls.\n\n"
        "• Protesters blocked two downtown streets in Tulsa for most of the afternoon.\n\n"
        "• Residents of Tulsa complained that the protesters honked their horns all night.\n"
    )
    res = extract_text(text, PUB)
    assert [ev.locality for ev in res.events] == ["Tulsa"]


def test_bullet_site_reads_a_label_not_a_sentence() -> None:
    from protestdb.extract.roundups import bullet_site

    label = "• Local 7 at the stamping plant in Wichita, Kansas"
    sentence = "• The union said more workers would join the strike in Wichita next week if talks fail again."
    for text, want in ((label, True), (sentence, False)):
        i = text.index("Wichita")
        assert bullet_site(text, (0, len(text)), [Place(i, i + 7, "Wichita", "city", "KS", "Wichita")]) is want


def test_a_new_action_on_another_day_in_the_same_city_is_another_event() -> None:
    text = (
        "Nurses marched in Tulsa on Saturday to demand higher staffing.\n\n"
        "In Tulsa on Thursday, teachers rallied outside the district office over pay."
    )
    res = extract_text(text, PUB)
    days = sorted(ev.date for ev in res.events if ev.locality == "Tulsa")
    assert days == ["2024-05-02", "2024-05-04"]


def test_a_follow_up_on_another_day_is_no_new_event() -> None:
    text = (
        "Nurses marched in Tulsa on Saturday to demand higher staffing.\n\n"
        "In Tulsa on Sunday, police said the march had been peaceful."
    )
    res = extract_text(text, PUB)
    assert [ev.locality for ev in res.events] == ["Tulsa"]


def test_a_strike_told_on_two_days_stays_one_event() -> None:
    text = (
        "Bus drivers walked off the job in Tulsa on Saturday to demand a new contract.\n\n"
        "In Tulsa on Thursday, striking drivers picketed outside the depot."
    )
    res = extract_text(text, PUB)
    assert [ev.locality for ev in res.events] == ["Tulsa"]


def test_a_smaller_crowd_turning_out_in_a_city_is_its_event() -> None:
    text = (
        "Hundreds of nurses rallied at the state capitol in Lincoln on Saturday to demand safe staffing. "
        "Sioux City also saw protests, and a smaller crowd of 100 turned out in Ames."
    )
    res = extract_text(text, PUB)
    ev = {e.locality: e for e in res.events if e.locality}
    assert "Ames" in ev and ev["Ames"].size_low == 100


def test_the_capitol_of_the_one_state_named_is_in_its_capital() -> None:
    text = (
        "Hundreds of demonstrators marched around the Capitol on Tuesday to protest a bill before the "
        "Nebraska Legislature that would cut school funding."
    )
    res = extract_text(text, PUB)
    assert [(ev.locality, ev.state) for ev in res.events] == [("Lincoln", "NE")]


def test_the_us_capitol_is_not_a_state_capitol() -> None:
    from protestdb.extract.places import capitol_place

    text = "Hundreds marched to the U.S. Capitol on Tuesday to protest the Nebraska bill."
    i = text.index("Nebraska")
    ne = Place(i, i + 8, "Nebraska", "state", "NE", None, "US")
    assert capitol_place(text, [ne]) is None
    two = "Protesters from Nebraska and Kansas rallied at the Capitol."
    a, b = two.index("Nebraska"), two.index("Kansas")
    assert capitol_place(two, [Place(a, a + 8, "Nebraska", "state", "NE"), Place(b, b + 6, "Kansas", "state", "KS")]) is None


def test_a_us_reading_of_a_name_bigger_abroad_needs_us_evidence() -> None:
    from protestdb.extract.places import us_place_abroad

    text = "Thousands of students marched in Leeds on Saturday, and hundreds more gathered in Birmingham."
    bham = _city(text, "Birmingham", "AL")
    assert us_place_abroad(text, bham, [bham])
    told = text + " The marches spread across Alabama."
    al = Place(told.index("Alabama"), told.index("Alabama") + 7, "Alabama", "state", "AL", None, "US")
    assert not us_place_abroad(told, _city(told, "Birmingham", "AL"), [bham, al])
    tulsa_text = "Hundreds more gathered in Tulsa on Saturday."
    tulsa = _city(tulsa_text, "Tulsa", "OK")
    assert not us_place_abroad(tulsa_text, tulsa, [tulsa])
