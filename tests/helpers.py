"""Helpers shared by several test modules (tests/ is on sys.path under pytest's default import mode)."""

from __future__ import annotations

import csv
import importlib.util
import io
from pathlib import Path
from types import ModuleType

import httpx

from protestdb.export.ccc import ccc_columns
from protestdb.ingest.fetch import HostRateLimiter

#: A fake resolver: every host is public; never touches DNS.
PUBLIC = lambda host: ["93.184.216.34"]  # noqa: E731


def phase3_csv(rows: list[dict[str, str]], na: str = "NA") -> str:
    """A CCC Phase 3 CSV with ``rows`` (missing columns written as ``na``)."""
    buf = io.StringIO()
    w = csv.DictWriter(buf, fieldnames=list(ccc_columns()), lineterminator="\n")
    w.writeheader()
    for r in rows:
        w.writerow({c: r.get(c, na) for c in ccc_columns()})
    return buf.getvalue()


def mock_fetch_opts(handler) -> dict:
    """``read_url``/``expand_url`` options that answer from ``handler`` (an httpx mock), no waiting."""
    return {
        "client": httpx.Client(transport=httpx.MockTransport(handler)),
        "resolver": PUBLIC,
        "limiter": HostRateLimiter(delay=0),
    }


def no_events(text, published=None, **kw):
    """An extractor that finds nothing (for tests of reading, not extraction)."""
    return []


def report_events(text: str, published: object) -> list:
    """The events ``extract_text`` finds in ``text``, which must read as a protest report."""
    from protestdb.extract import extract_text

    res = extract_text(text, published)  # type: ignore[arg-type]
    assert res.is_protest_report
    return list(res.events)


def events_by_city(text: str, published: object) -> dict[str, object]:
    """The located events of a protest report ``text``, by locality."""
    return {e.locality: e for e in report_events(text, published) if e.locality}


def dates_by_locality(text: str, published: object) -> dict[str | None, set[str | None]]:
    """Each event's dates by locality (None for a place-less event), geocoding off; the text must
    tell at least one event."""
    from protestdb.extract import extract_text

    res = extract_text(text, published, geocode=False)  # type: ignore[arg-type]
    assert res.is_protest_report and res.events
    out: dict[str | None, set[str | None]] = {}
    for ev in res.events:
        out.setdefault(ev.locality, set()).add(ev.date)
    return out


def targets_by_city(text: str, published: object) -> dict[str, list[str]]:
    """Each event's targets by locality ("-" for a place-less event); the text must tell an event."""
    from protestdb.extract import extract_text

    res = extract_text(text, published)  # type: ignore[arg-type]
    assert res.events, text
    return {ev.locality or "-": list(ev.targets) for ev in res.events}


def script(name: str) -> ModuleType:
    """``scripts/<name>.py`` loaded as a module (the scripts are no package)."""
    path = Path(__file__).resolve().parents[1] / "scripts" / f"{name}.py"
    spec = importlib.util.spec_from_file_location(name, path)
    assert spec is not None and spec.loader is not None
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def events_by_url(tmp_path: Path, pages: list[dict[str, str | None]]) -> dict[str, list[str]]:
    """Ingest ``pages`` (JSON-lines records) into a fresh SQLite store under ``tmp_path``; the event
    id of each mention, by the page's URL (the mentions in order)."""
    import json

    from protestdb.pipeline import ingest_paths
    from protestdb.store import open_store

    feed = tmp_path / "pages.jsonl"
    feed.write_text("".join(json.dumps(p) + "\n" for p in pages), encoding="utf-8")
    store = open_store(tmp_path / "o.sqlite")
    ingest_paths(store, [str(feed)], progress=False)
    by_url: dict[str, list[str]] = {}
    for url, eid in store.conn.execute(
        "SELECT a.url, s.event_id FROM event_sources s JOIN articles a ON a.id = s.article_id ORDER BY a.url, s.mention_index"
    ):
        by_url.setdefault(url, []).append(eid)
    store.close()
    return by_url
