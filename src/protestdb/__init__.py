"""protestdb: news reports about protests -> a source-backed database of protest events."""

# The composition root: the store applies resolution decisions it does not import; importing
# protestdb.resolve registers them (protestdb.store.sqlite.set_default_resolver).
import protestdb.resolve  # noqa: E402,F401
from protestdb.models import Article, Campaign, Event, EventMention, Evidence, ExtractionResult, Source
from protestdb.version import __version__

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
