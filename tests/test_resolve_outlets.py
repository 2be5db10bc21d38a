"""One event across outlets (issue 10): rules that let different outlets' reports of one action
meet, each with a look-alike that must stay apart. Sentences, places and groups are invented."""

from __future__ import annotations

from pathlib import Path

from protestdb.models import Article, EventMention
from protestdb.store import open_store


def _report(store, text: str, published: str | None = None, **fields) -> str:
    base = {"locality": "Riverton", "state": "OR", "country": "US"}
    (eid,) = store.add_mentions(Article.make(text, published=published), [EventMention(**{**base, **fields})])
    return eid


def test_outlets_naming_different_groups_at_one_plaza_on_one_day_meet(tmp_path: Path) -> None:
    """One outlet names the union, another the tenants' group: the same plaza, day, kind of action and
    cause are one gathering; different organizers count less against it than elsewhere."""
    store = open_store(tmp_path / "o.sqlite")
    first = _report(store, "Hundreds rallied at Quillon Plaza on Saturday, led by the Riverton Carpenters Union.",
                    published="2025-05-11", date="2025-05-10", location="Quillon Plaza",
                    event_type=["rally", "march"], organizations=["Riverton Carpenters Union"],
                    issues=["immigration"])
    second = _report(store, "Marchers left Quillon Plaza on Saturday, the Eastbank Tenants Alliance said.",
                     published="2025-05-11", date="2025-05-10", location="Quillon Plaza",
                     event_type=["march"], organizations=["Eastbank Tenants Alliance"], issues=["immigration"])
    assert second == first
    store.close()


def test_different_groups_at_one_plaza_for_different_causes_stay_apart(tmp_path: Path) -> None:
    """Look-alike: the same plaza and day, but other organizers with another cause: two gatherings."""
    store = open_store(tmp_path / "l.sqlite")
    first = _report(store, "Hundreds rallied at Quillon Plaza on Saturday, led by the Riverton Carpenters Union.",
                    published="2025-05-11", date="2025-05-10", location="Quillon Plaza", event_type=["rally"],
                    organizations=["Riverton Carpenters Union"], issues=["labor"])
    second = _report(store, "A rally for the river cleanup filled Quillon Plaza on Saturday, the Green Riverton"
                     " Club said.", published="2025-05-11", date="2025-05-10", location="Quillon Plaza",
                     event_type=["rally"], organizations=["Green Riverton Club"], issues=["climate"])
    assert second != first
    # ... and other organizers at the plaza a day later, near midnight or not, stay apart too
    third = _report(store, "The Eastbank Tenants Alliance rallied at Quillon Plaza on Sunday.",
                    published="2025-05-12", date="2025-05-11", location="Quillon Plaza", event_type=["rally"],
                    organizations=["Eastbank Tenants Alliance"], issues=["labor"])
    assert third not in (first, second)
    store.close()
