"""A page without a publication date that tells two days without a year ("Feb. 3", "Feb. 2"):
two events, each with its own day's words as the evidence of its unknown date."""

from __future__ import annotations

from protestdb.extract import extract_text

TWO_NIGHTS = (
    "Riverton, OR – Hundreds of demonstrators returned to the Riverton federal courthouse, Feb. 3, "
    "a second evening of opposition to the new detention policy. The Cascade Workers Alliance called "
    "the protest.\n\n"
    "Last night, Feb. 2, more than 2,000 people packed the courthouse plaza and its steps, "
    "demanding that the detained families be freed.\n"
)

ONE_NIGHT = (
    "Riverton, OR – Hundreds of demonstrators gathered at the Riverton federal courthouse, Feb. 3, "
    "to oppose the new detention policy. The protest was called by the Cascade Workers Alliance.\n\n"
    "On Feb. 3, the crowd filled the plaza in front of the courthouse, calling for the release of "
    "the detained families.\n"
)


def _words(ev) -> list[str]:
    return [s.quote for s in ev.evidence.get("date_precision") or []]


def test_two_yearless_days_are_two_events() -> None:
    res = extract_text(TWO_NIGHTS, None)
    assert len(res.events) == 2
    assert all(e.date is None and e.date_precision == "unknown" for e in res.events)
    assert sorted(q for e in res.events for q in _words(e)) == ["Feb. 2", "Feb. 3"]
    (first,) = [e for e in res.events if _words(e) == ["Feb. 3"]]
    assert "Cascade Workers Alliance" in first.organizations


def test_one_yearless_day_told_twice_is_one_event() -> None:
    res = extract_text(ONE_NIGHT, None)
    assert len(res.events) == 1
    assert _words(res.events[0]) == ["Feb. 3"]
