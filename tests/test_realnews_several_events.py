"""Issue 9: pages that tell several events -- recall mechanisms of news writing seen on
unseen pages (a city's action told as part of the nation's, ...).

All sentences are written for these tests (no real page text)."""

from __future__ import annotations

from datetime import date

from protestdb.extract import extract_text

PUB = date(2025, 3, 12)  # a Wednesday


def _events(text: str, published: date = PUB) -> list:
    return extract_text(text, published=published).events


def test_city_action_told_as_part_of_the_nationwide_strike() -> None:
    text = ("As the nationwide strike over fuel prices began on Monday, dockers in Mombasa "
            "picketed the gates of the port.")
    evs = _events(text)
    placeless = [e for e in evs if e.locality is None]
    assert len(placeless) == 1 and "strike" in placeless[0].event_type
    assert placeless[0].date == "2025-03-10"
    city = [e for e in evs if e.locality == "Mombasa"]
    assert len(city) == 1 and city[0].date == "2025-03-10"
    assert "picket" in city[0].event_type


def test_march_as_part_of_a_national_shutdown() -> None:
    text = ("Hundreds of union members marched through Kisumu on Monday as part of the national "
            "shutdown called by the federations.")
    evs = _events(text)
    assert sorted(e.locality or "-" for e in evs) == ["-", "Kisumu"]
    city = next(e for e in evs if e.locality == "Kisumu")
    assert "march" in city.event_type and "strike" not in city.event_type


def test_a_city_strike_alone_opens_no_nationwide_event() -> None:
    evs = _events("Dockers in Mombasa went on strike on Monday over unpaid wages.")
    assert [e.locality for e in evs] == ["Mombasa"]


def test_a_nationwide_strike_only_called_for_opens_none() -> None:
    evs = _events("Union leaders rallied in Mombasa on Monday and called for a nationwide strike.")
    assert all(e.locality is not None for e in evs)


def test_the_capital_told_by_the_country_adjective() -> None:
    evs = _events("Thousands of teachers marched on Monday in the Kenyan capital against the new pay deal.")
    assert [(e.locality, e.country, e.date) for e in evs] == [("Nairobi", "KE", "2025-03-10")]


def test_the_capital_of_a_country_named() -> None:
    evs = _events("Hundreds of nurses rallied outside the health ministry in the capital of Ghana on Monday.")
    assert [(e.locality, e.country) for e in evs] == [("Accra", "GH")]


def test_capital_in_the_money_sense_is_no_place() -> None:
    from protestdb.extract.capitals import capital_places

    assert capital_places("Analysts said the Kenyan capital markets fell on Monday.") == []
    got = capital_places("Riot police blocked roads into the Peruvian capital on Monday.")
    assert [(p.locality, p.country) for p in got] == [("Lima", "PE")]


def test_no_capital_place_for_the_united_states() -> None:
    from protestdb.geo import capital_of

    assert capital_of("American") is None and capital_of("Kenya") == ("Nairobi", "KE")


def test_that_year_tells_an_earlier_march_as_background() -> None:
    recall = "That year in Vermont, several thousand people rallied by the river in Montpelier."
    lead = "Teachers marched in Castleton, Vermont, on Saturday. The first march was held in 2017. "
    assert [e.locality for e in _events(lead + recall)] == ["Castleton"]
    # the same crowd told of this time is news
    now = lead + recall.replace("That year", "This time")
    assert sorted(e.locality for e in _events(now)) == ["Castleton", "Montpelier"]


def test_a_day_earlier_dates_the_second_city_the_day_before() -> None:
    lead = "Climate activists blocked a road in Utrecht on Monday. "
    for adverb in ("A day earlier,", "The day before,", "The previous day,"):
        evs = {e.locality: e.date for e in _events(lead + adverb + " thousands marched through Antwerp.")}
        assert evs == {"Utrecht": "2025-03-10", "Antwerp": "2025-03-09"}, adverb


def test_the_following_day_and_the_day_after_a_named_thing() -> None:
    evs = {e.locality: e.date for e in _events(
        "Nurses picketed in Leeds on Monday. The following day, porters walked out in York.")}
    assert evs == {"Leeds": "2025-03-10", "York": "2025-03-11"}
    # "the day after the vote": the vote's day is not told, so no day is read from it
    from protestdb.extract.dates import find_dates

    got = find_dates("Nurses picketed on Monday. Porters marched the day after the vote.", PUB)
    assert [m.quote for m in got] == ["Monday"]


def test_a_city_that_only_qualifies_the_nationwide_strike_opens_one_event() -> None:
    evs = _events("Mombasa's dock unions began a nationwide strike on Monday over unpaid wages.")
    assert len(evs) == 1


def test_spanish_gathering_verbs_in_the_imperfect() -> None:
    text = ("Miles de manifestantes marcharon el martes en Bogotá contra la reforma. "
            "Entretanto, en Quito, cientos de personas se concentraban frente al palacio para exigir la renuncia del ministro.")
    evs = _events(text)
    assert {"Bogotá", "Quito"} <= {e.locality for e in evs}


def _fairview(text: str) -> list:
    return _events(text, date(2024, 3, 9))


def test_a_national_action_only_named_opens_no_placeless_event() -> None:
    # the national action is the object of the city's protest, history, or a cause, not an action now
    for text in (
        "Hundreds of parents rallied at City Hall in Fairview, Ohio, on Tuesday against the national "
        "shutdown of schools ordered by the federal government.",
        "Hundreds marched in Fairview, Ohio, on Saturday to commemorate the 1936 general strike.",
        "Hundreds rallied in Fairview, Ohio, on Saturday in support of the national rail strike in Britain.",
        "Nurses in Fairview, Ohio, picketed on Monday, a week after their national union ended a nationwide strike.",
    ):
        evs = _fairview(text)
        assert len(evs) == 1 and evs[0].locality is not None, text
        assert "strike" not in evs[0].event_type, text


def test_a_government_shutdown_is_no_strike() -> None:
    evs = _fairview("Parents marched in Elmwood, Ohio, on Tuesday during the national shutdown ordered by the government.")
    assert all("strike" not in e.event_type for e in evs)
    assert all(e.locality is not None for e in evs)


def test_the_next_day_of_action_is_no_day() -> None:
    from protestdb.extract.dates import find_dates

    got = find_dates("Nurses picketed on Tuesday. Leaders said the next day of action would be a strike.", date(2024, 3, 9))
    assert [m.quote for m in got] == ["Tuesday"]
    evs = _fairview("Teachers walked out in Dayton, Ohio, on Tuesday. Union leaders said the next day of action "
                    "would be a statewide strike in Columbus, Ohio, with a date to be announced.")
    col = [e for e in evs if e.locality == "Columbus"]
    assert col and all(e.date is None for e in col)  # "with a date to be announced": no day
    assert all(q.quote.lower() != "the next day" for e in col for q in e.evidence.get("date", []))


def test_a_quoted_planned_national_shutdown_joined_by_a_city() -> None:
    evs = _events("Hundreds of union members rallied in a square in Kisumu on Monday as part of a planned "
                  "\u201cnational shutdown\u201d over fuel prices.")
    assert sorted(e.locality or "-" for e in evs) == ["-", "Kisumu"]
