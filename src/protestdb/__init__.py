"""protestdb: news reports about protests -> a source-backed database of protest events."""

from protestdb.models import Article, Campaign, Event, EventMention, Evidence, ExtractionResult, Source

__version__ = "0.1.0"

__all__ = [
    "Article",
    "Campaign",
    "Event",
    "EventMention",
    "Evidence",
    "ExtractionResult",
    "Source",
    "__version__",
]
