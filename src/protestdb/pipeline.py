"""The pipeline: read -> extract (+ geocode) -> resolve -> store.

``ingest_paths`` is what ``protestdb ingest`` runs: it is idempotent (an article already
stored is skipped before extraction), crash-safe (one transaction per article) and
never stops a batch for one bad input (each becomes one ``(path, message)`` error).
"""

from __future__ import annotations

import logging
import os
import sqlite3
import sys
import time
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Any, Protocol

from protestdb.ingest.errors import IngestError
from protestdb.ingest.feeds import ArticleLink, StoredLink
from protestdb.ingest.readers import read_path
from protestdb.ingest.sitemaps import expand_url, follow
from protestdb.models import Article, EventMention, ExtractionResult
from protestdb.store.sqlite import IngestResult, Store

#: ``extractor(text, published, *, url=None, outlet=None)`` -> ExtractionResult (or a list of mentions).
Extractor = Callable[..., Any]

log = logging.getLogger(__name__)

#: How long one article keeps being retried while another process holds the write lock (an
#: ``import-ccc`` beside the ingest): ``PROTESTDB_LOCK_RETRY_SECONDS``.
LOCK_RETRY_SECONDS = float(os.environ.get("PROTESTDB_LOCK_RETRY_SECONDS", "600"))


def is_lock_error(exc: BaseException) -> bool:
    """SQLite's "database is locked" / "busy": another writer, worth waiting for."""
    msg = str(exc).lower()
    return isinstance(exc, sqlite3.OperationalError) and ("locked" in msg or "busy" in msg)


def store_with_retry(store: Store, article: Article, mentions: Sequence[EventMention],
                     max_seconds: float | None = None) -> Any:
    """``store.ingest`` retried (with growing pauses) while the database is locked by another
    writer, up to ``max_seconds`` (default LOCK_RETRY_SECONDS): no article is skipped for a lock."""
    deadline = time.monotonic() + (LOCK_RETRY_SECONDS if max_seconds is None else max_seconds)
    pause = 0.05
    tries = 0
    while True:
        try:
            return store.ingest(article, mentions)
        except sqlite3.OperationalError as exc:
            if not is_lock_error(exc) or time.monotonic() + pause > deadline:
                raise
            tries += 1
            log.info("database locked by another writer; retry %d in %.2f s", tries, pause)
            time.sleep(pause)
            pause = min(pause * 2, 2.0)


class StoreCounts(Protocol):
    """The five counters a run keeps of what storing did (``IngestReport``, the batch job's ``BatchReport``)."""

    new_articles: int
    duplicates: int
    mentions: int
    events_created: int
    events_updated: int


def count_stored(report: StoreCounts, res: IngestResult, n_mentions: int) -> None:
    """Add what storing one article did to a run's counts."""
    if res.is_new:
        report.new_articles += 1
    else:
        report.duplicates += 1
    report.mentions += n_mentions
    report.events_created += len(res.created)
    report.events_updated += len(res.updated)


@dataclass
class IngestReport:
    read: int = 0
    new_articles: int = 0
    duplicates: int = 0
    events_created: int = 0
    events_updated: int = 0
    mentions: int = 0
    errors: list[tuple[str, str]] = field(default_factory=list)

    @property
    def events(self) -> int:
        """Events created or updated by this run."""
        return self.events_created + self.events_updated

    def as_dict(self) -> dict[str, Any]:
        return {
            "read": self.read,
            "new_articles": self.new_articles,
            "duplicates": self.duplicates,
            "events_created": self.events_created,
            "events_updated": self.events_updated,
            "mentions": self.mentions,
            "errors": [list(e) for e in self.errors],
        }


def _default_extractor() -> Extractor:
    from protestdb.extract import extract_text  # lazy: spaCy loads only when needed

    return extract_text


def is_url(s: str) -> bool:
    return s.startswith(("http://", "https://"))


def process_article(
    article: Article, extractor: Extractor | None = None, published: date | None = None
) -> list[EventMention]:
    """Event mentions of one article (empty if it is not a protest report).

    ``published`` is used only when the article has no date of its own. Mentions get the
    article's id and their index; evidence offsets point into ``article.text``.
    """
    extract = extractor or _default_extractor()
    pub = article.published or published
    res = extract(article.text, pub, url=article.url, outlet=article.outlet)
    if isinstance(res, ExtractionResult):
        if res.text and res.text != article.text:
            raise ValueError("extractor returned offsets into a different text than Article.text")
        if res.language and not article.language:
            article.language = res.language
        mentions = list(res.events) if res.is_protest_report else []
    else:
        mentions = list(res or [])
    return [m.model_copy(update={"article_id": article.id, "index": i}) for i, m in enumerate(mentions)]


def _iter_inputs(
    paths: Sequence[str], url_kwargs: dict[str, Any], skip_url: Callable[[str], bool] | None = None
) -> Iterator[tuple[str, Article | IngestError | StoredLink]]:
    """Articles of each input. URLs and local feeds/sitemaps expand into their article URLs,
    fetched politely (``url_kwargs``: read_url's options, plus ``since`` and ``max_links``);
    ``skip_url`` (stored URLs) are not fetched again and come back as :class:`StoredLink`."""
    for p in paths:
        p = str(p)
        if is_url(p):
            for got in expand_url(p, skip_url=skip_url, **url_kwargs):  # never raises
                yield p, got
        else:
            try:
                for item in read_path(p, links=True):
                    if isinstance(item, ArticleLink):
                        for got in follow(item, skip_url=skip_url, **url_kwargs):
                            yield p, got
                        continue
                    yield p, item
            except Exception as exc:  # noqa: BLE001 - e.g. a folder that vanishes mid-walk
                yield p, IngestError(p, f"{type(exc).__name__}: {exc}")


class _Progress:
    """A rich progress line on stderr (articles, events, errors, rate) or nothing."""

    def __init__(self, enabled: bool, console: Any = None) -> None:
        self.bar = None
        if not enabled:
            return
        from rich.console import Console
        from rich.progress import Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

        self.start = time.monotonic()
        self.bar = Progress(
            SpinnerColumn(),
            TextColumn("[bold]ingest[/]"),
            TextColumn("{task.completed} articles · {task.fields[new]} new · {task.fields[events]} events"),
            TextColumn("· {task.fields[errors]} errors · {task.fields[rate]}/s"),
            TimeElapsedColumn(),
            console=console or Console(stderr=True),
            transient=False,
        )
        self.task = self.bar.add_task("ingest", total=None, new=0, events=0, errors=0, rate="0.0")
        self.bar.start()

    def update(self, report: IngestReport) -> None:
        if self.bar is None:
            return
        rate = report.read / max(time.monotonic() - self.start, 1e-6)
        self.bar.update(
            self.task,
            completed=report.read,
            new=report.new_articles,
            events=report.events,
            errors=len(report.errors),
            rate=f"{rate:.1f}",
        )

    def stop(self) -> None:
        if self.bar is not None:
            self.bar.stop()


def ingest_paths(
    store: Store,
    paths: Sequence[str],
    published: date | None = None,
    progress: bool = True,
    extractor: Extractor | None = None,
    *,
    force_progress: bool = False,
    console: Any = None,
    url_options: dict[str, Any] | None = None,
    on_error: Callable[[str, str], None] | None = None,
) -> IngestReport:
    """Read files, folders and URLs; extract; resolve; store. Returns an :class:`IngestReport`.

    The progress bar shows when ``progress`` and stderr is a terminal, or with
    ``force_progress`` (``console`` = a rich Console to draw on). ``url_options`` go to
    :func:`protestdb.ingest.read_url` (client, timeout ...). ``on_error(where, message)`` is
    called as each bad input is met (the CLI prints it at once, above the progress bar).
    """
    report = IngestReport()

    def fail(where: str, message: str) -> None:
        report.errors.append((where, message))
        if on_error is not None:
            on_error(where, message)

    show = force_progress or (progress and sys.stderr.isatty())
    bar = _Progress(show, console)
    extract = extractor
    try:
        skip_url = getattr(store, "has_url", None)
        for src, item in _iter_inputs(paths, url_options or {}, skip_url):
            if isinstance(item, IngestError):
                fail(item.source, item.message)
                bar.update(report)
                continue
            if isinstance(item, StoredLink):  # a feed/sitemap URL already stored: not fetched again
                report.read += 1
                report.duplicates += 1
                bar.update(report)
                continue
            report.read += 1
            name = item.path or item.url or src
            try:
                if store.has_article(item.id):
                    report.duplicates += 1
                    continue
                if item.published is None and published is not None:
                    item = item.model_copy(update={"published": published})
                if extract is None:
                    extract = _default_extractor()
                mentions = process_article(item, extract)
                res = store_with_retry(store, item, mentions)
                count_stored(report, res, len(mentions))
            except Exception as exc:  # noqa: BLE001 - one bad article never stops a batch
                msg = " ".join(f"{type(exc).__name__}: {exc}".split())
                fail(name, msg)
            finally:
                bar.update(report)
    finally:
        bar.stop()
    return report
