"""The pipeline as a Ray Data job: read (driver) -> extract (Ray workers) -> shards -> store (driver).

Layout of the output folder::

    OUTPUT/results/<run>-00000.jsonl          one line per article: {"seq", "article",
                                              "mentions", "error", "prefiltered"}
    OUTPUT/results/merged.txt                 shards already merged into the store

Guarantees:

* **same events as** :func:`protestdb.pipeline.ingest_paths` — the same readers build the
  same :class:`~protestdb.models.Article` objects, workers run the same
  :func:`~protestdb.pipeline.process_article`, and the driver merges the results in input
  order with the same ``store.ingest`` call;
* **idempotent** — articles already in the store are skipped before extraction, and
  again at merge time;
* **crash-safe** — a shard is written to ``*.tmp`` and renamed when complete; every
  article is merged in its own transaction; shards not listed in ``merged.txt`` are
  merged (again, skipping stored articles) at the start of the next run;
* **one writer** — only the driver touches the store (SQLite is not shared by workers).
"""

from __future__ import annotations

import contextlib
import json
import logging
import os
import resource
import sys
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

from protestdb.ingest.errors import IngestError
from protestdb.ingest.fetch import read_url
from protestdb.ingest.readers import read_path
from protestdb.models import Article, EventMention
from protestdb.pipeline import Extractor, count_stored, is_url, process_article
from protestdb.store.sqlite import Store

MANIFEST = "merged.txt"


@dataclass
class BatchReport:
    """What a batch run did (counts over the whole run, including leftover shards merged)."""

    read: int = 0  # articles read from the inputs
    skipped: int = 0  # already in the store (or twice in the inputs): not extracted
    extracted: int = 0  # articles sent to the Ray workers
    prefiltered: int = 0  # of those, rejected by the cheap prefilter (no spaCy)
    new_articles: int = 0
    duplicates: int = 0  # found already stored at merge time
    mentions: int = 0
    events_created: int = 0
    events_updated: int = 0
    shards: list[str] = field(default_factory=list)  # result shards merged by this run
    errors: list[tuple[str, str]] = field(default_factory=list)
    num_workers: int = 0
    peak_worker_rss_mb: float = 0.0
    seconds: float = 0.0  # wall time of the whole run
    read_seconds: float = 0.0  # driver: reading inputs and handing them to Ray
    merge_seconds: float = 0.0  # driver: merging shards into the store
    startup_seconds: float = 0.0  # run start until the first result (Ray start, spaCy load per worker)

    @property
    def events(self) -> int:
        return self.events_created + self.events_updated

    @property
    def articles_per_second(self) -> float:
        return self.extracted / self.seconds if self.seconds > 0 else 0.0

    @property
    def steady_articles_per_second(self) -> float:
        """Rate once the workers are up (startup excluded)."""
        dt = self.seconds - self.startup_seconds
        return self.extracted / dt if dt > 0 and self.startup_seconds else 0.0

    def as_dict(self) -> dict[str, Any]:
        return {
            "read": self.read,
            "skipped": self.skipped,
            "extracted": self.extracted,
            "prefiltered": self.prefiltered,
            "new_articles": self.new_articles,
            "duplicates": self.duplicates,
            "mentions": self.mentions,
            "events_created": self.events_created,
            "events_updated": self.events_updated,
            "shards": list(self.shards),
            "errors": [list(e) for e in self.errors],
            "num_workers": self.num_workers,
            "peak_worker_rss_mb": round(self.peak_worker_rss_mb, 1),
            "seconds": round(self.seconds, 3),
            "read_seconds": round(self.read_seconds, 3),
            "merge_seconds": round(self.merge_seconds, 3),
            "startup_seconds": round(self.startup_seconds, 3),
            "steady_articles_per_second": round(self.steady_articles_per_second, 2),
            "articles_per_second": round(self.articles_per_second, 2),
        }


# ----------------------------------------------------------------------------- workers
def _quick_reject() -> Callable[[str], bool] | None:
    try:
        from protestdb.extract.detect import quick_reject
    except ImportError:
        return None
    return quick_reject


def extract_rows(rows: Iterable[tuple[int, str]], extractor: Extractor | None = None) -> list[dict[str, Any]]:
    """Extract events from ``(seq, article JSON)`` rows; one result dict per row, never raises.

    The cheap ``quick_reject`` prefilter is applied first: a rejected article never reaches
    spaCy (``extract_text`` makes the same check, so results are identical either way).
    """
    reject = _quick_reject()
    out: list[dict[str, Any]] = []
    for seq, payload in rows:
        rec: dict[str, Any] = {"seq": int(seq), "article": None, "mentions": [], "error": None, "prefiltered": False}
        try:
            article = Article.model_validate_json(payload)
            rec["prefiltered"] = bool(reject and reject(article.text))
            mentions = process_article(article, extractor)  # may set article.language
            rec["article"] = article.model_dump(mode="json")
            rec["mentions"] = [m.model_dump(mode="json") for m in mentions]
        except Exception as exc:  # noqa: BLE001 - one bad article never stops a batch
            rec["error"] = " ".join(f"{type(exc).__name__}: {exc}".split())
            if rec["article"] is None:
                try:
                    rec["article"] = json.loads(payload)
                except ValueError:
                    rec["article"] = None
        out.append(rec)
    return out


def _peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024.0  # Linux: KiB


class ExtractBatch:
    """Callable class for ``Dataset.map_batches``: loads spaCy (and the language detector) once per worker."""

    def __init__(self, extractor: Extractor | None = None, warm: bool = True) -> None:
        self.extractor = extractor
        if extractor is None:
            from protestdb.extract import extract_text

            self.extractor = extract_text
            if warm:
                from protestdb.extract.nlp import load_nlp

                load_nlp()
                try:
                    from protestdb.extract.language import detect_language

                    detect_language("Workers gathered outside the city hall on Monday to demand better pay.")
                except ImportError:
                    pass

    def __call__(self, batch: Any) -> Any:
        import pyarrow as pa

        seqs = batch.column("seq").to_pylist()
        payloads = batch.column("article").to_pylist()
        results = extract_rows(zip(seqs, payloads, strict=True), self.extractor)
        rss = _peak_rss_mb()
        return pa.table(
            {
                "seq": pa.array([r["seq"] for r in results], type=pa.int64()),
                "result": pa.array([json.dumps(r, ensure_ascii=False) for r in results], type=pa.large_string()),
                "rss_mb": pa.array([rss] * len(results), type=pa.float64()),
            }
        )


# ----------------------------------------------------------------------------- driver: inputs
def _iter_inputs(paths: Sequence[str]) -> Iterator[tuple[str, Article | IngestError]]:
    for p in map(str, paths):
        if is_url(p):
            try:
                yield p, read_url(p)
            except IngestError as err:
                yield p, err
            except Exception as exc:  # noqa: BLE001
                yield p, IngestError(p, f"{type(exc).__name__}: {exc}")
            continue
        try:
            for item in read_path(p):
                yield p, item
        except Exception as exc:  # noqa: BLE001 - e.g. a folder that vanishes mid-walk
            yield p, IngestError(p, f"{type(exc).__name__}: {exc}")


def _table(seqs: list[int], payloads: list[str]) -> Any:
    import pyarrow as pa

    return pa.table({"seq": pa.array(seqs, type=pa.int64()), "article": pa.array(payloads, type=pa.large_string())})


def prepare_inputs(
    store: Store,
    inputs: Sequence[str],
    report: BatchReport,
    *,
    published: date | None = None,
    rows_per_block: int = 8,
) -> Iterator[Any]:
    """Read the inputs (streaming) into pyarrow tables ``(seq, article JSON)``; skip stored/repeated articles."""
    seen: set[str] = set()
    seqs: list[int] = []
    payloads: list[str] = []
    for _src, item in _iter_inputs(inputs):
        if isinstance(item, IngestError):
            report.errors.append((item.source, item.message))
            continue
        report.read += 1
        if item.id in seen or store.has_article(item.id):
            report.skipped += 1
            continue
        seen.add(item.id)
        if item.published is None and published is not None:
            item = item.model_copy(update={"published": published})
        seqs.append(report.extracted)
        payloads.append(item.model_dump_json())
        report.extracted += 1
        if len(seqs) >= rows_per_block:
            yield _table(seqs, payloads)
            seqs, payloads = [], []
    if seqs:
        yield _table(seqs, payloads)


# ----------------------------------------------------------------------------- driver: shards -> store
def read_shard(path: str | Path) -> Iterator[dict[str, Any]]:
    """Result records of one JSON lines shard (a truncated last line is reported as an error record)."""
    with open(path, encoding="utf-8") as fp:
        for lineno, line in enumerate(fp, 1):
            if not line.strip():
                continue
            try:
                yield json.loads(line)
            except ValueError as exc:
                yield {"seq": -1, "article": None, "mentions": [], "error": f"{path}:{lineno}: bad JSON line ({exc})"}


def _merged(results_dir: Path) -> set[str]:
    m = results_dir / MANIFEST
    return set(m.read_text(encoding="utf-8").split()) if m.exists() else set()


def _mark_merged(results_dir: Path, name: str) -> None:
    with open(results_dir / MANIFEST, "a", encoding="utf-8") as fp:
        fp.write(name + "\n")
        fp.flush()
        os.fsync(fp.fileno())


def merge_shard(store: Store, path: Path, report: BatchReport) -> None:
    """Merge one result shard into the store, one transaction per article, stored articles skipped."""
    t0 = time.monotonic()
    try:
        _merge_records(store, read_shard(path), report, path)
    finally:
        report.merge_seconds += time.monotonic() - t0


def _merge_records(store: Store, records: Iterable[dict[str, Any]], report: BatchReport, path: Path) -> None:
    for rec in records:
        art = rec.get("article") or {}
        name = art.get("path") or art.get("url") or art.get("id") or f"{path.name}#{rec.get('seq')}"
        if rec.get("error"):
            report.errors.append((str(name), str(rec["error"])))
            continue
        try:
            article = Article.model_validate(art)
            if store.has_article(article.id):
                report.duplicates += 1
                continue
            mentions = [EventMention.model_validate(m) for m in rec.get("mentions") or []]
            res = store.ingest(article, mentions)
        except Exception as exc:  # noqa: BLE001 - one bad record never stops a merge
            report.errors.append((str(name), " ".join(f"{type(exc).__name__}: {exc}".split())))
            continue
        count_stored(report, res, len(mentions))


def merge_shards(store: Store, output_dir: str | Path, report: BatchReport | None = None) -> BatchReport:
    """Merge every complete shard under ``output_dir/results`` not yet listed in ``merged.txt``."""
    report = report or BatchReport()
    results = Path(output_dir) / "results"
    if not results.is_dir():
        return report
    done = _merged(results)
    for path in sorted(results.glob("*.jsonl")):
        if path.name in done:
            continue
        merge_shard(store, path, report)
        _mark_merged(results, path.name)
        report.shards.append(path.name)
    return report


class _ShardWriter:
    """Writes result records in ``seq`` order into shards of ``size`` lines (tmp file, then rename)."""

    def __init__(self, results_dir: Path, run: str, size: int, on_complete: Callable[[Path], None]) -> None:
        self.dir, self.run, self.size, self.on_complete = results_dir, run, max(1, size), on_complete
        self.n = 0
        self.lines = 0
        self.fp: Any = None
        self.tmp: Path | None = None
        self.pending: dict[int, str] = {}
        self.next_seq = 0

    def add(self, seq: int, line: str) -> None:
        self.pending[seq] = line
        while self.next_seq in self.pending:  # results come in order; this is insurance
            self._write(self.pending.pop(self.next_seq))
            self.next_seq += 1

    def _write(self, line: str) -> None:
        if self.fp is None:
            self.tmp = self.dir / f"{self.run}-{self.n:05d}.jsonl.tmp"
            self.fp = open(self.tmp, "w", encoding="utf-8")  # noqa: SIM115 - closed in _close
        self.fp.write(line + "\n")
        self.lines += 1
        if self.lines >= self.size:
            self._close()

    def _close(self) -> None:
        if self.fp is None or self.tmp is None:
            return
        self.fp.flush()
        os.fsync(self.fp.fileno())
        self.fp.close()
        final = self.tmp.with_suffix("")  # drop ".tmp"
        self.tmp.replace(final)
        self.fp, self.tmp, self.lines = None, None, 0
        self.n += 1
        self.on_complete(final)

    def finish(self) -> None:
        for seq in sorted(self.pending):  # only if a worker lost rows (should not happen)
            self._write(self.pending.pop(seq))
        self._close()


# ----------------------------------------------------------------------------- Ray
def init_ray(address: str | None = "local", num_cpus: int | None = None) -> bool:
    """Start a local Ray (offline, no dashboard) or connect to ``address``; True if this call started it."""
    import ray

    if ray.is_initialized():
        return False
    os.environ.setdefault("RAY_USAGE_STATS_ENABLED", "0")  # no usage-stats network calls
    kwargs: dict[str, Any] = {"include_dashboard": False, "log_to_driver": False, "configure_logging": False}
    if address in (None, "", "local"):
        ray.init(num_cpus=num_cpus or os.cpu_count() or 1, **kwargs)
    else:
        ray.init(address=address, **kwargs)
    return True


def _ray_results(
    blocks: Iterable[Any],
    *,
    extractor: Extractor | None,
    num_workers: int,
    batch_size: int,
    progress: bool,
    worker_memory_mb: int | None,
    report: BatchReport | None = None,
) -> Iterator[tuple[int, str, float]]:
    """Run the extraction over ``blocks`` (pyarrow tables) and stream ``(seq, result JSON, worker RSS)``.

    The blocks go to the object store (``ray.put``, spilled to disk when large), so no
    read task competes with the extraction actors for CPUs.
    """
    import ray

    ctx = ray.data.DataContext.get_current()
    saved = (ctx.execution_options.preserve_order, ctx.enable_progress_bars)
    ctx.execution_options.preserve_order = True  # shards and merges follow the input order
    ctx.enable_progress_bars = progress
    if not progress:
        logging.getLogger("ray.data").setLevel(logging.WARNING)
    try:
        yield from _stream(ray, blocks, extractor, num_workers, batch_size, worker_memory_mb, report)
    finally:
        ctx.execution_options.preserve_order, ctx.enable_progress_bars = saved


def _stream(
    ray: Any,
    blocks: Iterable[Any],
    extractor: Extractor | None,
    num_workers: int,
    batch_size: int,
    worker_memory_mb: int | None,
    report: BatchReport | None,
) -> Iterator[tuple[int, str, float]]:
    t0 = time.monotonic()
    refs = [ray.put(b) for b in blocks]
    if report is not None:
        report.read_seconds += time.monotonic() - t0
    if not refs:
        return
    extra: dict[str, Any] = {}
    if worker_memory_mb:
        extra["memory"] = worker_memory_mb * 1024 * 1024
    if extractor is not None:
        extra["fn_constructor_kwargs"] = {"extractor": extractor}
    ds = ray.data.from_arrow_refs(refs).map_batches(
        ExtractBatch,
        batch_size=batch_size,
        batch_format="pyarrow",
        compute=ray.data.ActorPoolStrategy(size=num_workers),
        num_cpus=1,
        **extra,
    )
    for batch in ds.iter_batches(batch_size=None, batch_format="pyarrow"):
        for seq, line, rss in zip(
            batch.column("seq").to_pylist(),
            batch.column("result").to_pylist(),
            batch.column("rss_mb").to_pylist(),
            strict=True,
        ):
            yield int(seq), line, float(rss)


def run_batch(
    store: Store,
    inputs: Sequence[str],
    output_dir: str | Path,
    *,
    ray_address: str | None = "local",
    num_cpus: int | None = None,
    published: date | None = None,
    extractor: Extractor | None = None,
    batch_size: int = 8,
    shard_size: int = 1000,
    merge: bool = True,
    progress: bool = True,
    worker_memory_mb: int | None = None,
    log: Callable[[str], None] | None = None,
    ray_log: str | Path | None = None,
) -> BatchReport:
    """Read ``inputs`` (files, folders, JSON lines, URLs), extract with Ray Data, write shards, merge.

    ``ray_address``: ``"local"`` starts a local Ray with ``num_cpus`` CPUs (default: all),
    ``"auto"`` or ``ray://...`` joins a running cluster (then the workers need protestdb
    installed and the output folder must be the driver's). A Ray already initialised in
    this process is reused. ``num_cpus`` is also the number of extraction workers (one
    CPU each). ``extractor`` must be picklable (a module-level function); default
    :func:`protestdb.extract.extract_text`. ``merge=False`` only writes the shards
    (merge later with :func:`merge_shards`). ``ray_log``: a file that takes what Ray itself
    prints on stderr while it runs (its warnings, INFO lines, core-worker messages), so the
    caller's own stderr shows only ``log`` lines; None leaves Ray's output on stderr.
    """
    start = time.monotonic()
    say = log or (lambda _msg: None)
    out = Path(output_dir)
    results_dir = out / "results"
    results_dir.mkdir(parents=True, exist_ok=True)
    for stale in results_dir.glob("*.jsonl.tmp"):  # a shard being written when a run was killed
        stale.unlink()
    report = BatchReport()
    if merge:  # shards left by a run that was killed before merging them
        merge_shards(store, out, report)
        if report.shards:
            say(f"merged {len(report.shards)} leftover shard(s) from an earlier run")
    blocks = prepare_inputs(store, inputs, report, published=published, rows_per_block=batch_size)
    first = next(blocks, None)
    if first is None:
        say(f"read {report.read} article(s): nothing new to extract")
        report.seconds = time.monotonic() - start
        return report

    def all_blocks() -> Iterator[Any]:
        yield first
        yield from blocks

    with contextlib.ExitStack() as quiet:
        if ray_log is not None:
            terminal = quiet.enter_context(_stderr_to(Path(ray_log)))
            if terminal is not None:
                say = _on_stream(terminal, say)
        _run_ray(store, all_blocks(), report, results_dir, start, say, ray_address=ray_address, num_cpus=num_cpus,
                 extractor=extractor, batch_size=batch_size, shard_size=shard_size, merge=merge, progress=progress,
                 worker_memory_mb=worker_memory_mb)
    report.seconds = time.monotonic() - start
    return report


@contextlib.contextmanager
def _stderr_to(path: Path) -> Iterator[Any]:
    """Send file descriptor 2 (Ray's C++ messages, its child processes) and, when ``sys.stderr``
    is fd 2, Python's ``sys.stderr`` (Ray's log handlers look it up at each message) to ``path``.

    Yields a stream on the real stderr (None when ``sys.stderr`` was not fd 2 and stays as it is).
    """
    try:
        real = sys.stderr is not None and sys.stderr.fileno() == 2
    except (AttributeError, OSError, ValueError):
        real = False
    if real:
        sys.stderr.flush()
    saved = os.dup(2)
    old_stderr = sys.stderr
    with open(path, "ab") as fh:
        os.dup2(fh.fileno(), 2)
        terminal = None
        if real:
            terminal = open(saved, "w", buffering=1, encoding="utf-8", errors="backslashreplace", closefd=False)  # noqa: SIM115
            sys.stderr = open(2, "w", buffering=1, encoding="utf-8", errors="backslashreplace", closefd=False)  # noqa: SIM115
        try:
            yield terminal
        finally:
            if real:
                sys.stderr.flush()
                sys.stderr = old_stderr
                if terminal is not None:
                    terminal.flush()
            os.dup2(saved, 2)
            os.close(saved)


def _on_stream(stream: Any, say: Callable[[str], None]) -> Callable[[str], None]:
    """``say`` run with ``sys.stderr`` pointing at ``stream`` (the real stderr during :func:`_stderr_to`)."""

    def said(msg: str) -> None:
        cur = sys.stderr
        sys.stderr = stream
        try:
            say(msg)
        finally:
            sys.stderr = cur

    return said


def _run_ray(
    store: Store,
    blocks: Iterator[Any],
    report: BatchReport,
    results_dir: Path,
    start: float,
    say: Callable[[str], None],
    *,
    ray_address: str | None,
    num_cpus: int | None,
    extractor: Extractor | None,
    batch_size: int,
    shard_size: int,
    merge: bool,
    progress: bool,
    worker_memory_mb: int | None,
) -> None:
    started = init_ray(ray_address, num_cpus)
    try:
        import ray

        cpus = int(ray.cluster_resources().get("CPU", 1))
        report.num_workers = max(1, min(num_cpus or cpus, cpus))
        run = datetime.now(UTC).strftime("%Y%m%dT%H%M%S%f")

        def on_shard(path: Path) -> None:
            if merge:
                merge_shard(store, path, report)
                _mark_merged(results_dir, path.name)
                report.shards.append(path.name)
            rate = report.extracted / max(time.monotonic() - start, 1e-6)
            say(
                f"shard {path.name}: {report.new_articles} new article(s), {report.events} event(s) so far"
                f" ({rate:.1f} articles/s overall)"
            )

        writer = _ShardWriter(results_dir, run, shard_size, on_shard)
        results = _ray_results(
            blocks,
            extractor=extractor,
            num_workers=report.num_workers,
            batch_size=batch_size,
            progress=progress,
            worker_memory_mb=worker_memory_mb,
            report=report,
        )
        for seq, line, rss in results:
            if not report.startup_seconds:
                report.startup_seconds = time.monotonic() - start
            report.peak_worker_rss_mb = max(report.peak_worker_rss_mb, rss)
            if line.endswith('"prefiltered": true}'):
                report.prefiltered += 1
            writer.add(seq, line)
        writer.finish()
    finally:
        if started:
            import ray

            ray.shutdown()
