"""Pages that tell one event: no second event drafted from a state named before the action's town,
none from the plan told for the day and place of the action reported. All sentences are made up
for these tests."""

from __future__ import annotations

from datetime import date
from types import SimpleNamespace

from protestdb.extract import extract_text

PUB = date(2024, 10, 9)  # a Wednesday


def _events(text: str, published: date = PUB) -> list[tuple[str | None, str | None, str | None, bool]]:
    res = extract_text(text, published)
    assert res.is_protest_report
    return [(e.locality, e.state, e.date, bool(e.announced_only)) for e in res.events]


def test_a_state_named_before_the_actions_town_is_no_second_event() -> None:
    text = ("The Vermont State Police detained 12 people after protesters crossed a police line.\n\n"
            "It began early Tuesday when a group of activists started marching on the Route 9 overpass in "
            "Brattleboro. They sat down across both lanes and sang.")
    assert _events(text) == [("Brattleboro", "VT", "2024-10-08", False)]


def test_a_state_placed_action_on_a_day_of_its_own_stays() -> None:
    text = ("Protesters blocked two highway ramps in Oregon on Tuesday to oppose the pipeline.\n\n"
            "About 200 demonstrators also rallied outside the Capitol in Salem on Wednesday.")
    assert _events(text) == [(None, "OR", "2024-10-08", False), ("Salem", "OR", "2024-10-09", False)]


def test_a_plan_for_the_day_and_place_of_the_reported_action_is_that_action() -> None:
    text = ("Three tenants on a hunger strike sat on the courthouse steps in Corvallis, Oregon, on Wednesday to "
            "press the county to fund a shelter.\n\n"
            "More supporters are expected to join the hunger strike on Wednesday night, organizers said.")
    assert _events(text) == [("Corvallis", "OR", "2024-10-09", False)]


def _ev(i: int, loc: str | None, day: str | None, announced: bool, types: list[str] | None = None) -> SimpleNamespace:
    return SimpleNamespace(index=i, locality=loc, state="OR", country="US", date=day, announced_only=announced,
                           event_type=types or ["rally"], evidence={})


def _doc(events: list[SimpleNamespace]) -> object:
    from protestdb.extract.document import ExtractDoc

    doc = ExtractDoc("Nurses rallied in Salem, Oregon.", PUB)
    doc.events = events
    doc.drafts = [object() for _ in events]
    return doc


def test_only_the_plan_of_the_same_day_and_place_is_dropped() -> None:
    from protestdb.extract.echoes import drop_same_day_announced

    doc = _doc([_ev(0, "Salem", "2024-10-09", False), _ev(1, "Salem", "2024-10-09", True),
                _ev(2, "Salem", "2024-10-12", True), _ev(3, "Eugene", "2024-10-09", True),
                _ev(4, "Salem", "2024-10-09", True, ["counter-protest"]), _ev(5, None, "2024-10-09", True)])
    kept = doc.drafts[:1] + doc.drafts[2:]
    assert drop_same_day_announced(doc) == [1]
    assert [(e.index, e.locality, e.date) for e in doc.events] == [
        (0, "Salem", "2024-10-09"), (1, "Salem", "2024-10-12"), (2, "Eugene", "2024-10-09"),
        (3, "Salem", "2024-10-09"), (4, None, "2024-10-09")]
    assert doc.drafts == kept


def test_an_undated_plan_beside_an_undated_report_stays() -> None:
    from protestdb.extract.echoes import drop_same_day_announced

    doc = _doc([_ev(0, "Salem", None, False), _ev(1, "Salem", None, True)])
    assert drop_same_day_announced(doc) == []
    assert len(doc.events) == 2


def test_the_first_action_is_dated_by_its_placeless_lede() -> None:
    lede = "A convoy of farm tractors rolled into the capital to protest fuel taxes on Saturday.\n\n"
    text = lede + ("The first drivers reached Springfield, Illinois, on Friday evening, the biggest rally against the "
                   "levies on diesel that have squeezed growers for three seasons peaking in strength early on Saturday.")
    assert _events(text, date(2024, 10, 5)) == [("Springfield", "IL", "2024-10-05", False)]
    # a lede that tells no day leaves the nearest day
    text = text.replace(" on Saturday.\n\n", ".\n\n", 1)
    assert _events(text, date(2024, 10, 5)) == [("Springfield", "IL", "2024-10-04", False)]

