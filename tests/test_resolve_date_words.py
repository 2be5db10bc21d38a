"""An undated report's date words name the day of its own action, and the resolver reads them so
(issue 10): they place it on the dated event of that day and deny it every other day. Words that
name no day of the action must not be read as its day: the day a period began ("a vendor held
since June 19": the action is later; kept, with its "since", as a day the action is NOT of) and a
date inside a quoted name ("the 'Ten Thousand March 4 Kids' rally"). Each look-alike that must
stay apart comes with a true pair that must merge. Sentences, places and groups are invented."""

from __future__ import annotations

from pathlib import Path

from helpers import events_by_url, report_events
from protestdb.extract.furniture import in_quoted_name
from protestdb.models import EventMention
from protestdb.resolve.merge import MatchKey, explain

DATED = (  # a dated outlet: the rally of Tuesday, July 1
    "Hundreds of people rallied at Linden Plaza in Riverton, Oregon, on Tuesday against immigration raids, "
    "in an event organized by the Eastside Neighbors Alliance."
)
UNDATED_SINCE = (  # a page without a date: its only date words tell when a detention began
    "About 300 people gathered at Linden Plaza in Riverton, Oregon, for a rally against immigration raids "
    "organized by the Eastside Neighbors Alliance.\n\n"
    "Speakers at the rally named a street vendor who has been held by immigration agents since June 19."
)
EARLIER = (  # the look-alike: another rally of the group at the plaza, on the day the detention began
    "Hundreds of people rallied at Linden Plaza in Riverton, Oregon, on Thursday against immigration raids, "
    "in an event organized by the Eastside Neighbors Alliance."
)
QUOTED = (  # a page without a date: a quoted name holds a month and a number, the action's day follows
    "Hundreds of counter-protesters gathered at Linden Plaza in Riverton, Oregon, against the "
    "\u2018Ten Thousand March 4 Kids\u2019 rally on October 3rd."
)


def _words(text: str) -> list[str]:
    return [ev.quote for e in report_events(text, None) if e.date is None
            for ev in e.evidence.get("date_precision", ())]


def test_a_date_inside_a_quoted_name_is_no_day() -> None:
    t = "They marched against the \u2018Ten Thousand March 4 Kids\u2019 rally on October 3rd."
    assert in_quoted_name(t, t.index("March 4"), t.index("March 4") + len("March 4"))
    assert not in_quoted_name(t, t.index("October 3rd"), t.index("October 3rd") + len("October 3rd"))
    plain = "Thousands marched on March 4 against the new law."
    assert not in_quoted_name(plain, plain.index("March 4"), plain.index("March 4") + len("March 4"))
    # a quoted sentence that ends after the date is no name: "on March 4 Riverton" needs a closing mark
    said = "\u201cWe marched on March 4 and we will march again,\u201d one organizer said."
    assert not in_quoted_name(said, said.index("March 4"), said.index("March 4") + len("March 4"))


def test_an_undated_reports_date_words_skip_a_quoted_name() -> None:
    assert "October 3rd" in _words(QUOTED)
    assert "March 4" not in _words(QUOTED)


def test_a_period_start_is_kept_with_its_since() -> None:
    assert _words(UNDATED_SINCE) == ["since June 19"]


def _key(date: str | None, words: list[str]) -> MatchKey:
    ev = {"date_precision": [{"start": 0, "end": len(w), "quote": w} for w in words]}
    return MatchKey(EventMention.model_validate({
        "date": date, "locality": "Riverton", "state": "OR", "country": "US", "event_type": ["rally"],
        "location": "Linden Plaza", "organizations": ["Eastside Neighbors Alliance"], "size_low": 300,
        "evidence": ev,
    }))


def test_since_words_deny_that_day_and_name_no_day() -> None:
    since = _key(None, ["since June 19"])
    assert explain(_key("2025-06-19", []), since)["reject"].startswith("another day")
    # another day is not denied by them: only strong identity (organizer, venue, size) may join it
    assert "another day" not in str(explain(_key("2025-07-01", []), since).get("reject", ""))
    # the old reading, "June 19" as the day: the same pair is denied (the report named another day)
    assert explain(_key("2025-07-01", []), _key(None, ["June 19"]))["reject"].startswith("another day")




def test_an_undated_report_with_a_period_start_joins_the_dated_rally(tmp_path: Path) -> None:
    got = events_by_url(tmp_path, [
        {"text": DATED, "url": "https://a.example/rally", "published": "2025-07-02"},
        {"text": UNDATED_SINCE, "url": "https://b.example/vendor", "published": None},
    ])
    assert got["https://a.example/rally"] == got["https://b.example/vendor"]  # organizer, venue, crowd


def test_an_undated_report_stays_apart_from_the_day_its_period_began(tmp_path: Path) -> None:
    got = events_by_url(tmp_path, [
        {"text": EARLIER, "url": "https://a.example/earlier", "published": "2025-06-20"},
        {"text": UNDATED_SINCE, "url": "https://b.example/vendor", "published": None},
    ])
    assert got["https://a.example/earlier"] != got["https://b.example/vendor"]


# An undated report that joins a dated event brings its specifics (a second organizer): an undated
# report stored before it that shares them joins too, as it would have had it arrived after.
ONE_GROUP = (  # a page without a date: the alliance and the vendors' union
    "About 300 people gathered at Linden Plaza in Riverton, Oregon, for a rally against immigration raids "
    "organized by the Eastside Neighbors Alliance and the Pine Valley Vendors Union."
)
OTHER_GROUP = (  # a page without a date: the vendors' union only
    "About 250 people gathered at Linden Plaza in Riverton, Oregon, for a rally against immigration raids "
    "organized by the Pine Valley Vendors Union."
)
ELSEWHERE = (  # the look-alike: the union's action at another venue of the town
    "About 250 people gathered at Cedar Park in Riverton, Oregon, for a rally against immigration raids "
    "organized by the Pine Valley Vendors Union."
)


def test_an_undated_report_joins_after_another_brought_its_organizer_in_any_order(tmp_path: Path) -> None:
    pages = {
        "dated": {"text": DATED, "url": "https://a.example/rally", "published": "2025-07-02"},
        "one": {"text": ONE_GROUP, "url": "https://b.example/one", "published": None},
        "other": {"text": OTHER_GROUP, "url": "https://c.example/other", "published": None},
        "elsewhere": {"text": ELSEWHERE, "url": "https://d.example/park", "published": None},
    }
    for k, order in enumerate((("dated", "other", "elsewhere", "one"), ("dated", "one", "other", "elsewhere"),
                               ("elsewhere", "other", "one", "dated"))):
        (tmp_path / str(k)).mkdir()
        got = events_by_url(tmp_path / str(k), [pages[p] for p in order])
        dated = got["https://a.example/rally"]
        assert got["https://b.example/one"] == dated, order  # organizer, venue, crowd
        assert got["https://c.example/other"] == dated, order  # the union, brought by the other page
        assert got["https://d.example/park"] != dated, order  # another venue: another action
