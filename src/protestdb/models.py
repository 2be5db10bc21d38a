"""The record of DESIGN.md as typed models.

An :class:`Article` is read by ``ingest``; ``extract`` turns it into
:class:`EventMention` objects, each field backed by :class:`Evidence`; ``resolve``
merges mentions into :class:`Event` objects with one :class:`Source` per article;
:class:`Campaign` ties events of one named action together.

Field names follow DESIGN.md (and map to CCC Phase 3 columns, see
``protestdb.export.ccc``).
"""

from __future__ import annotations

import hashlib
from datetime import date, datetime
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, PrivateAttr

EVENT_TYPES: tuple[str, ...] = (
    "rally",
    "march",
    "demonstration",
    "vigil",
    "walkout",
    "strike",
    "picket",
    "boycott",
    "sit-in",
    "blockade",
    "occupation",
    "counter-protest",
    "motorcade",
    "hunger strike",
    "civil disobedience",
    "other",
)

ISSUES: tuple[str, ...] = (
    "immigration",
    "labor",
    "education",
    "climate",
    "palestine",
    "abortion",
    "policing",
    "democracy",
    "lgbtq",
    "guns",
    "covid",
    "other",
)

DatePrecision = Literal["day", "week", "month", "unknown"]
GeoPrecision = Literal["venue", "locality", "county", "state", "country"]

#: Fields of an event that carry evidence (everything a coder fills from the text).
EVIDENCED_FIELDS: tuple[str, ...] = (
    "date",
    "end_date",
    "locality",
    "state",
    "country",
    "location",
    "county",
    "fips_code",
    "lat",
    "lon",
    "geo_precision",
    "event_type",
    "title",
    "macroevent",
    "organizations",
    "participants",
    "notables",
    "targets",
    "claims_summary",
    "claims_verbatim",
    "issues",
    "valence",
    "size_text",
    "size_low",
    "size_high",
    "size_mean",
    "size_cat",
    "arrests",
    "injuries",
    "property_damage",
    "online",
    "announced_only",
)

#: Fields whose value is a list (CCC writes them joined by "; ").
LIST_FIELDS: tuple[str, ...] = (
    "event_type",
    "organizations",
    "participants",
    "notables",
    "targets",
    "claims_summary",
    "claims_verbatim",
    "issues",
)


def size_category(low: int | None) -> int:
    """CCC ``size_cat`` of a lower size bound: 0 unknown, 1: 1-99, 2: 100-999, 3: 1,000-9,999, 4: 10,000+."""
    if low is None or low <= 0:
        return 0
    return 1 if low < 100 else 2 if low < 1000 else 3 if low < 10000 else 4


def content_hash(text: str) -> str:
    """Stable key of an article: sha256 of its whitespace-normalised text."""
    norm = " ".join(text.split())
    return hashlib.sha256(norm.encode("utf-8")).hexdigest()


class Evidence(BaseModel):
    """Words in an article that back one field value.

    ``start``/``end`` are character offsets into the article's extracted text
    (``Article.text``); ``quote == text[start:end]``.
    """

    model_config = ConfigDict(frozen=True)

    start: int
    end: int
    quote: str
    article_id: str | None = None


class Source(BaseModel):
    """One article an event came from."""

    article_id: str
    url: str | None = None
    outlet: str | None = None
    title: str | None = None
    published: date | None = None
    retrieved: datetime | None = None


class Article(BaseModel):
    """A news article as read by ``ingest``: its text is what offsets point into."""

    id: str = ""  # content hash (sha256 hex) of ``text``; filled by ``Article.make``
    text: str
    title: str | None = None
    url: str | None = None
    outlet: str | None = None
    published: date | None = None
    retrieved: datetime | None = None
    language: str | None = None
    path: str | None = None  # file the article was read from, if any
    raw_format: str = "text"  # text | html | jsonl | feed | warc

    @classmethod
    def make(cls, text: str, **kw: Any) -> Article:
        return cls(id=content_hash(text), text=text, **kw)


class _EventFields(BaseModel):
    """Fields shared by a mention (one article) and an event (merged)."""

    model_config = ConfigDict(extra="ignore")

    date: str | None = None  # ISO YYYY-MM-DD: a day; an extracted week or month keeps only its precision
    date_precision: DatePrecision = "unknown"
    end_date: str | None = None

    locality: str | None = None
    state: str | None = None  # 2-letter
    country: str | None = None  # ISO2
    location: str | None = None  # venue words, "Mariachi Plaza, Boyle Heights"
    county: str | None = None
    fips_code: str | None = None
    lat: float | None = None
    lon: float | None = None
    geo_precision: GeoPrecision | None = None

    event_type: list[str] = Field(default_factory=list)
    title: str | None = None
    macroevent: str | None = None

    organizations: list[str] = Field(default_factory=list)
    participants: list[str] = Field(default_factory=list)
    notables: list[str] = Field(default_factory=list)
    targets: list[str] = Field(default_factory=list)

    claims_summary: list[str] = Field(default_factory=list)
    claims_verbatim: list[str] = Field(default_factory=list)
    issues: list[str] = Field(default_factory=list)
    valence: int | None = None  # 0 neither, 1 left, 2 right

    size_text: str | None = None
    size_low: int | None = None
    size_high: int | None = None
    size_mean: float | None = None
    size_cat: int = 0  # 0 unknown, 1: 1-99, 2: 100-999, 3: 1,000-9,999, 4: 10,000+

    arrests: int | None = None
    injuries: int | None = None
    property_damage: bool | None = None
    online: bool = False
    announced_only: bool = False

    #: field name -> the spans that back its value
    evidence: dict[str, list[Evidence]] = Field(default_factory=dict)

    #: per field, the (start, end, quote, article_id) keys of its evidence list (kept in step
    #: with it; rebuilt when the list was changed from outside): a linear ``add_evidence``
    _evidence_keys: dict[str, tuple[int, int, set[tuple[Any, ...]]]] = PrivateAttr(default_factory=dict)

    def add_evidence(self, field: str, start: int, end: int, quote: str, article_id: str | None = None) -> None:
        spans = self.evidence.setdefault(field, [])
        ident, n, keys = self._evidence_keys.get(field, (0, -1, set()))
        if ident != id(spans) or n != len(spans):
            keys = {(e.start, e.end, e.quote, e.article_id) for e in spans}
        key = (start, end, quote, article_id)
        if key not in keys:
            spans.append(Evidence(start=start, end=end, quote=quote, article_id=article_id))
            keys.add(key)
        self._evidence_keys[field] = (id(spans), len(spans), keys)

    def filled_fields(self) -> list[str]:
        """Evidenced fields whose value is not null / empty / default-unknown."""
        out = []
        for name in EVIDENCED_FIELDS:
            v = getattr(self, name)
            if v is None or v == [] or v == "":
                continue
            if name == "size_cat" and v == 0:
                continue
            if name in ("online", "announced_only") and v is False:
                continue
            out.append(name)
        return out


#: The record's value fields in order (every field of an event but its evidence).
EVENT_FIELDS: tuple[str, ...] = tuple(n for n in _EventFields.model_fields if n != "evidence")


class EventMention(_EventFields):
    """One event as told by one article."""

    article_id: str | None = None
    index: int = 0  # order within the article


class Event(_EventFields):
    """One protest action at one locality on one day, merged across articles."""

    id: str = ""
    sources: list[Source] = Field(default_factory=list)
    created_at: datetime | None = None
    updated_at: datetime | None = None


class Campaign(BaseModel):
    """Events tied by a named action or a coordinated call (a wave)."""

    id: str
    name: str
    first_date: str | None = None
    last_date: str | None = None
    event_ids: list[str] = Field(default_factory=list)
    n_events: int = 0
    n_localities: int = 0
    n_states: int = 0
    size_low_sum: int = 0
    size_high_sum: int = 0


class ExtractionResult(BaseModel):
    """What ``extract`` returns for one text."""

    is_protest_report: bool
    language: str | None = None
    text: str = ""  # the text that offsets point into
    events: list[EventMention] = Field(default_factory=list)
    #: with ``extract_text(..., explain=True)``: per event, field -> [{"rule", "evidence", "note"}]
    trace: list[dict[str, list[dict[str, Any]]]] | None = None
    #: with ``explain=True``: the candidates rules dropped, [{"candidate", "rule", "reason"}]
    dropped: list[dict[str, str]] | None = None

    def to_json_dict(self, include_text: bool = False) -> dict[str, Any]:
        d: dict[str, Any] = {
            "is_protest_report": self.is_protest_report,
            "language": self.language,
            "events": [e.model_dump(mode="json", exclude={"article_id"}) for e in self.events],
        }
        if self.trace is not None:
            for ev, tr in zip(d["events"], self.trace, strict=False):
                ev["trace"] = tr
            d["dropped"] = self.dropped or []
        if include_text:
            d["text"] = self.text
        return d
