"""The one object every extraction component reads and writes: the text, its parse and layout,
what earlier components found (dates, triggers, sizes, places, counts), the drafts of events,
the events, and the trace."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any

from protestdb.extract.config import DEFAULT_CONFIG, ExtractConfig
from protestdb.extract.places import Place
from protestdb.extract.segment import Layout
from protestdb.extract.trace import FieldTrace, Trace
from protestdb.models import EventMention

Span = tuple[int, int, str]
NATIONAL = "__national__"
UNLOCATED = "__unlocated__"


@dataclass
class Draft:
    """An event being drafted: one action, one place key, its trigger words and segments."""

    key: str  # city key, NATIONAL, UNLOCATED or "state:XX"
    place: Place | None = None
    state_place: Place | None = None
    counter: bool = False
    announced: bool = False
    triggers: list[Any] = field(default_factory=list)
    segments: list[tuple[int, int]] = field(default_factory=list)  # where its triggers are told
    paras: set[int] = field(default_factory=set)
    venues: list[Place] = field(default_factory=list)
    last_para: int = 0
    #: the drafting rules that attached sentences to it: (rule, segment, the trigger words)
    rules: list[tuple[str, tuple[int, int], tuple[Span, ...]]] = field(default_factory=list)

    def venue_keys(self) -> set[str]:
        return {v.quote.lower() for v in self.venues if v.kind == "venue"}

    def describe(self) -> str:
        where = {NATIONAL: "nationwide", UNLOCATED: "no place"}.get(self.key, self.key)
        words = ", ".join(dict.fromkeys(t.quote for t in self.triggers)) or "-"
        return f"draft [{where}{'; counter' if self.counter else ''}{'; announced' if self.announced else ''}] ({words})"


@dataclass
class ExtractDoc:
    text: str
    published: date | None = None
    config: ExtractConfig = DEFAULT_CONFIG
    trace: Trace = field(default_factory=Trace)
    lang: str = "en"
    doc: Any = None  # the spaCy parse (English), else None
    layout: Layout | None = None  # type: ignore[assignment]
    dates: list[Any] = field(default_factory=list)
    triggers: list[Any] = field(default_factory=list)
    sizes: list[Any] = field(default_factory=list)
    places: list[Place] = field(default_factory=list)
    counts: list[Any] = field(default_factory=list)
    relevant: bool | None = None  # None: not judged yet
    drafts: list[Draft] = field(default_factory=list)
    anchor: Any = None  # the article's main date
    title: tuple | None = None  # the named action (name, types, span)
    article_issue: tuple[str, Span] | None = None
    events: list[EventMention] = field(default_factory=list)
    event_traces: list[FieldTrace] = field(default_factory=list)
    stopped: str | None = None  # why the run stopped early (time budget), if it did
    # caches shared by the fillers
    orgs: list[Any] | None = None
    all_scopes: list[tuple[int, int]] | None = None
    count_owners: dict[int, dict[str, Any]] | None = None
    memo: dict[str, Any] = field(default_factory=dict)  # per-article answers the fillers share
