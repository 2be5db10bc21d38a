"""Rich printing for ``protestdb import-ccc`` (kept here so ``protestdb.cli`` stays thin)."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

from rich.console import Console
from rich.table import Table

from protestdb.ccc.importer import ImportReport


def print_import_report(out: Console, report: ImportReport, details: bool = False) -> None:
    t = Table(title="CCC import")
    for col in (
        "file",
        "phase",
        "snapshot",
        "rows",
        "new events",
        "merged",
        "unchanged",
        "updated",
        "bad rows",
        "s",
    ):
        t.add_column(col, justify="left" if col in ("file", "phase", "snapshot") else "right")
    for f in report.files:
        t.add_row(
            Path(f.path).name,
            f.phase,
            f.snapshot or "",
            str(f.rows),
            str(f.created),
            str(f.merged),
            str(f.unchanged),
            str(f.updated_events),
            str(len(f.errors)),
            f"{f.seconds:.2f}",
        )
    out.print(t)
    for f in report.files:
        for w in f.warnings:
            out.print(f"[yellow]warning[/yellow] {Path(f.path).name}: {w}", highlight=False)
    if report.errors:
        if details:
            for path, line, msg in report.errors:
                out.print(f"{Path(path).name}:{line}: skipped: {msg}", highlight=False)
        else:
            out.print(f"{len(report.errors)} malformed row(s) skipped (--report lists them)", highlight=False)


def print_flags(out: Console, flags: Sequence[dict[str, Any]]) -> None:
    if not flags:
        out.print("no open review flags")
        return
    t = Table(title=f"Open review flags ({len(flags)})")
    for col in ("id", "kind", "event", "date", "CCC event", "CCC date", "place", "reason"):
        t.add_column(col)
    for f in flags:
        d = f.get("detail") or {}
        t.add_row(
            str(f["id"]),
            f["kind"],
            f["event_id"],
            str(d.get("date", "")),
            f.get("other_event_id") or "",
            str(d.get("other_date", "")),
            f"{d.get('locality') or ''}, {d.get('state') or ''}",
            str(d.get("reason", "")),
        )
    out.print(t)
