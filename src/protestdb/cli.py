"""The ``protestdb`` command line: a thin layer over the package's Python functions."""

from __future__ import annotations

import json
import logging
import os
import sys
from datetime import date
from pathlib import Path
from typing import Any

import click
from rich.console import Console
from rich.table import Table
from rich.text import Text

from protestdb.settings import DEFAULT_DB

err = Console(stderr=True, soft_wrap=True)


def _out() -> Console:
    # On a terminal rich fits its width; piped output gets room for wide tables.
    return Console(soft_wrap=True, width=None if sys.stdout.isatty() else 180)


def _parse_date(ctx: click.Context, param: click.Parameter, value: str | None) -> date | None:
    if value is None:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError as exc:
        raise click.BadParameter(f"{value!r} is not a date in the form YYYY-MM-DD") from exc


def _db_file(db: str) -> Path | None:
    """The file of a SQLite path or sqlite:/// URL (None: in memory or not a SQLite location)."""
    s = db[len("sqlite:///") :] if db.startswith("sqlite:///") else db
    if s in ("", ":memory:") or "://" in s or s.startswith("sqlite:"):
        return None
    return Path(s).expanduser()


def _obj(ctx: click.Context) -> dict[str, Any]:
    """The settings shared by the whole command line (``db``, ``verbose``), kept on the root context."""
    root = ctx.find_root()
    if root.obj is None:
        root.obj = {}
    return root.obj


def _db(ctx: click.Context) -> str:
    """The database given by ``--db`` (before or after the command name), ``PROTESTDB_DB`` or the default."""
    return _obj(ctx).get("db") or os.environ.get("PROTESTDB_DB") or DEFAULT_DB


def _store(ctx: click.Context, must_exist: bool = False):
    """Open the --db store; ``must_exist`` (commands that read or serve): no new empty database."""
    from protestdb.store import open_store

    db = _db(ctx)
    path = _db_file(db)
    if path is not None and path.is_dir():
        raise click.ClickException(f"cannot open database {db}: it is a folder, not a file")
    if must_exist and path is not None and not path.exists():
        raise click.ClickException(
            f"no database at {db} (wrong folder? pass --db FILE, or fill one with: protestdb --db {db} ingest FILE...)"
        )
    try:
        return open_store(db)
    except Exception as exc:  # a clear one-line error, not a traceback
        raise click.ClickException(f"cannot open database {db}: {exc}") from exc


def _new_db_file(ctx: click.Context) -> Path | None:
    """The --db file if it does not exist yet (this command would create it), else None."""
    path = _db_file(_db(ctx))
    return path if path is not None and not path.exists() else None


def _drop_if_empty(path: Path | None) -> None:
    """Remove a database this command created when nothing went into it (a failed first run leaves nothing)."""
    if path is None or not path.exists():
        return
    from protestdb.store import open_store

    try:
        store = open_store(path)
        try:
            counts = store.counts()
        finally:
            store.close()
    except Exception:  # noqa: BLE001 - not ours to judge: leave it
        return
    if counts.get("articles", 1) == 0 and counts.get("events", 1) == 0:
        for p in (path, Path(f"{path}-wal"), Path(f"{path}-shm")):
            p.unlink(missing_ok=True)


# --------------------------------------------------------------------------- options of every command
class _CliLogHandler(logging.StreamHandler):
    """Writes to the *current* ``sys.stderr`` (click's test runner swaps it between invocations)."""

    _protestdb_cli = True

    @property  # type: ignore[override]
    def stream(self):  # noqa: ANN201
        return sys.stderr

    @stream.setter
    def stream(self, _value) -> None:  # noqa: ANN001
        pass


def configure_logging(verbose: int = 0) -> None:
    """Log records of ``protestdb.*`` to stderr: warnings by default, INFO with ``-v``, DEBUG with ``-vv``.

    ``protestdb.progress`` (e.g. "building the place index") is shown at every level.
    """
    pkg = logging.getLogger("protestdb")
    for h in [h for h in pkg.handlers if getattr(h, "_protestdb_cli", False)]:
        pkg.removeHandler(h)
    handler = _CliLogHandler()
    fmt = "%(message)s" if verbose == 0 else "%(levelname)s %(name)s: %(message)s"
    handler.setFormatter(logging.Formatter(fmt))
    pkg.addHandler(handler)
    pkg.setLevel(logging.WARNING if verbose == 0 else logging.INFO if verbose == 1 else logging.DEBUG)
    logging.getLogger("protestdb.progress").setLevel(logging.INFO if verbose < 2 else logging.DEBUG)


def _remember_db(ctx: click.Context, param: click.Parameter, value: str | None) -> None:
    if value is not None:
        _obj(ctx)["db"] = value


def _remember_verbose(ctx: click.Context, param: click.Parameter, value: int) -> None:
    obj = _obj(ctx)
    if value or "verbose" not in obj:
        obj["verbose"] = obj.get("verbose", 0) + (value or 0)
        configure_logging(obj["verbose"])


_DB_HELP = "Database: SQLite file or sqlite:/// URL [env PROTESTDB_DB; default protestdb.sqlite]."
_V_HELP = "More log output on stderr (-vv: debug; batch: Ray's own messages)."


def common_options(f):  # noqa: ANN001, ANN201 - a click decorator
    """The options every ``protestdb`` command takes, before or after its name: ``--db`` and ``-v``.

    ``protestdb --db x.sqlite ingest a.txt`` and ``protestdb ingest a.txt --db x.sqlite -v``
    mean the same. The options are not passed to the command's function (``expose_value=False``):
    their callbacks store them on the root context, so a command reads the database with
    ``_db(ctx)`` / ``_store(ctx)`` and the verbosity with ``_obj(ctx)["verbose"]``; ``-v``
    also configures logging at once. Every command added to ``main`` or to a group made with
    ``main.group()`` gets them automatically (``_Group.add_command``); decorating a command
    with ``@common_options`` explicitly is harmless (never added twice).
    """
    def add(cmd_or_fn):  # noqa: ANN001, ANN202
        params = cmd_or_fn.params if isinstance(cmd_or_fn, click.Command) else getattr(cmd_or_fn, "__click_params__", [])
        names = {p.name for p in params}
        opts = []
        if "db" not in names:
            opts.append(click.Option(["--db"], metavar="FILE", expose_value=False, callback=_remember_db,
                                     help=_DB_HELP))
        if "verbose" not in names:
            opts.append(click.Option(["-v", "--verbose"], count=True, expose_value=False,
                                     callback=_remember_verbose, help=_V_HELP))
        if isinstance(cmd_or_fn, click.Command):
            cmd_or_fn.params.extend(opts)
        else:
            if not hasattr(cmd_or_fn, "__click_params__"):
                cmd_or_fn.__click_params__ = []
            cmd_or_fn.__click_params__.extend(reversed(opts))  # click reverses decorator params
        return cmd_or_fn

    return add(f)


class _Group(click.Group):
    """A group whose commands (and sub-groups' commands) all take :func:`common_options`."""

    group_class = type  # main.group() makes another _Group

    def add_command(self, cmd: click.Command, name: str | None = None) -> None:
        common_options(cmd)
        super().add_command(cmd, name)


@click.group(cls=_Group, context_settings={"help_option_names": ["-h", "--help"]})
@click.option(
    "--db",
    default=DEFAULT_DB,
    show_default=True,
    envvar="PROTESTDB_DB",
    show_envvar=True,
    metavar="FILE",
    expose_value=False,
    callback=_remember_db,
    help="SQLite file (or sqlite:/// URL) holding the database; also accepted after the command name.",
)
@click.option("-v", "--verbose", count=True, expose_value=False, callback=_remember_verbose, help=_V_HELP)
@click.version_option(package_name="protestdb")
@click.pass_context
def main(ctx: click.Context) -> None:
    """protestdb: news reports about protests -> a geocoded, deduplicated, source-backed database."""
    _obj(ctx)


# --------------------------------------------------------------------------- ingest
#: The one meaning of --published, for ingest, extract, eval and batch.
PUBLISHED_HELP = (
    "Publication date (YYYY-MM-DD) for articles that carry none of their own (a 'Published:' line, HTML "
    "metadata, a JSON \"published\"): an article's own date always wins. Relative dates resolve against it."
)


def _print_error(where: str, message: str) -> None:
    """One bad input, printed as it is met (above a live progress bar)."""
    err.print(f"[red]error[/red] {where}: {message}", highlight=False)


@main.command()
@click.argument("sources", nargs=-1, required=True)
@click.option("--published", callback=_parse_date, help=PUBLISHED_HELP)
@click.option("--progress/--no-progress", default=None, help="Show a progress bar (default: when on a terminal).")
@click.pass_context
def ingest(ctx: click.Context, sources: tuple[str, ...], published: date | None, progress: bool | None) -> None:
    """Read articles (files, folders, JSON lines, URLs), extract their events and store them."""
    from protestdb.pipeline import ingest_paths

    new_db = _new_db_file(ctx)
    store = _store(ctx)
    try:
        show = sys.stderr.isatty() if progress is None else progress
        report = ingest_paths(
            store, list(sources), published=published, progress=show, force_progress=bool(progress),
            console=err, on_error=_print_error,
        )
    finally:
        store.close()
    err.print(
        f"read {report.read} article(s): {report.new_articles} new, {report.duplicates} already stored; "
        f"{report.mentions} event mention(s) -> {report.events_created} new event(s), "
        f"{report.events_updated} updated; {len(report.errors)} error(s)",
        highlight=False,
    )
    if report.read == 0 and not report.errors:
        err.print(f"no articles found in {', '.join(sources)}", highlight=False)
    if report.read == 0:
        _drop_if_empty(new_db)
        sys.exit(1)


# --------------------------------------------------------------------------- extract
def _read_one(path: str):
    """One article from a file (HTML is reduced to its text); raises ClickException on bad input."""
    from protestdb.ingest import read_path
    from protestdb.models import Article

    if path == "-":
        data = sys.stdin.buffer.read()
        text = data.decode("utf-8", errors="replace")
        if not text.strip():
            raise click.ClickException("<stdin>: empty input")
        return Article.make(text)
    if Path(path).is_dir():
        raise click.ClickException(f"{path}: is a folder (extract reads one file; use ingest for folders)")
    if not Path(path).is_file():
        raise click.ClickException(f"{path}: no such file")
    for item in read_path(path):
        if isinstance(item, Exception):
            raise click.ClickException(str(item))
        return item
    raise click.ClickException(f"{path}: no article could be read")


def _one_line(exc: BaseException) -> str:
    msg = exc.message if isinstance(exc, click.ClickException) else f"{type(exc).__name__}: {exc}"
    msg = " ".join(msg.split())
    return msg if len(msg) <= 300 else msg[:297] + "..."


def _is_binary(path: Path) -> bool:
    with path.open("rb") as fh:
        return b"\x00" in fh.read(8192)


def _extract_dict(text: str, published: date | None, url: str | None = None, explain: bool = False) -> dict[str, Any]:
    from protestdb.extract import extract_text

    res = extract_text(text, published, url=url, explain=explain)
    return res.to_json_dict()


@main.command()
@click.argument("file", required=False)
@click.option("--published", callback=_parse_date, help=PUBLISHED_HELP)
@click.option("--format", "fmt", type=click.Choice(["json", "jsonl", "table"]), default=None,
              help="json: one indented JSON object; jsonl: the same object on one line; table. "
                   "[default: json; with --explain: readable text]")
@click.option("--jsonl", "jsonl", type=click.Path(dir_okay=False),
              help="Batch: JSON lines {id, text|path, published?, url?} -> one JSON line each; "
                   "a relative \"path\" is read from the JSONL file's folder.")
@click.option("--print-text", is_flag=True, help="Print the text that was read (offsets point into it) and exit.")
@click.option("--explain", is_flag=True,
              help="Show which rule produced each value from which words, and what rules dropped "
                   "(readable; with --format json: a \"trace\" per event and a top-level \"dropped\").")
def extract(file: str | None, published: date | None, fmt: str | None, jsonl: str | None, print_text: bool,
            explain: bool) -> None:
    """Extract the protest events of one article (stateless: no database)."""
    if jsonl:
        _extract_jsonl(jsonl, published)
        return
    if not file:
        raise click.UsageError("give a FILE (or - for standard input), or --jsonl IN.jsonl")
    article = _read_one(file)
    if print_text:
        click.echo(article.text)
        return
    pub = article.published or published  # PUBLISHED_HELP: the article's own date wins
    try:
        result = _extract_dict(article.text, pub, url=article.url, explain=explain)
    except Exception as exc:  # noqa: BLE001 - a clear one-line error, not a traceback
        raise click.ClickException(f"{file}: {_one_line(exc)}") from exc
    if explain and fmt is None:
        from protestdb.extract.explain import format_explain

        click.echo(format_explain(result))
        return
    if fmt in (None, "json", "jsonl"):
        click.echo(json.dumps(result, ensure_ascii=False, indent=None if fmt == "jsonl" else 2))
        return
    table = Table(title=f"{len(result['events'])} event(s); protest report: {result['is_protest_report']}")
    for col in ("date", "locality", "state", "location", "event_type", "size_text", "organizations"):
        table.add_column(col)
    for ev in result["events"]:
        table.add_row(*[_cell(ev.get(c)) for c in ("date", "locality", "state", "location", "event_type", "size_text", "organizations")])
    _out().print(table)


def _extract_jsonl(path: str, published: date | None = None) -> None:
    """One JSON line out per line in; a relative "path" is read from the JSONL file's folder."""
    src = Path(path)
    if not src.is_file():
        raise click.ClickException(f"{path}: no such file")
    if _is_binary(src):
        raise click.ClickException(f"{path}: binary file (NUL bytes), not JSON lines")
    n_ok = n_err = 0
    with src.open("r", encoding="utf-8", errors="replace") as fh:
        for lineno, line in enumerate(fh, 1):
            if not line.strip():
                continue
            rec_id: Any = None
            try:
                try:
                    rec = json.loads(line)
                except ValueError as exc:
                    raise ValueError(f"malformed JSON line ({exc})") from exc
                if not isinstance(rec, dict):
                    raise ValueError("line is not a JSON object")
                rec_id = rec.get("id", lineno)
                pub = None
                if rec.get("published"):
                    try:
                        pub = date.fromisoformat(str(rec["published"])[:10])
                    except ValueError as exc:
                        raise ValueError(f"bad \"published\" {rec['published']!r} (want YYYY-MM-DD)") from exc
                if rec.get("text") is not None:
                    text = str(rec["text"])
                elif rec.get("path"):
                    p = Path(rec["path"])
                    if not p.is_absolute():
                        p = src.parent / p
                    article = _read_one(str(p))
                    text = article.text
                    pub = pub or article.published
                else:
                    raise ValueError('needs "text" or "path"')
                pub = pub or published
                out = {"id": rec_id, **_extract_dict(text, pub, url=rec.get("url"))}
                n_ok += 1
            except Exception as exc:  # noqa: BLE001 - one bad line never stops a batch
                msg = _one_line(exc if isinstance(exc, click.ClickException) else click.ClickException(
                    str(exc) if isinstance(exc, (ValueError, KeyError)) else f"{type(exc).__name__}: {exc}"))
                err.print(f"[red]error[/red] {path}:{lineno}: {msg}", highlight=False)
                out = {"id": rec_id if rec_id is not None else lineno, "error": msg}
                n_err += 1
            click.echo(json.dumps(out, ensure_ascii=False))
    err.print(f"{n_ok} document(s) extracted, {n_err} error(s)", highlight=False)
    if n_ok == 0 and n_err:
        sys.exit(1)


# --------------------------------------------------------------------------- events / show / export
#: What --format json / jsonl mean for every command: one JSON document / one JSON object per line.
JSON_FORMATS_HELP = "json: one JSON document (an array); jsonl: one JSON object per line."


def _echo_json(items: list[Any], fmt: str) -> None:
    """``json``: one indented array; ``jsonl``: one compact object per line."""
    if fmt == "jsonl":
        for it in items:
            click.echo(json.dumps(it, ensure_ascii=False))
    else:
        click.echo(json.dumps(items, ensure_ascii=False, indent=2))


def _cell(v: Any) -> str:
    if v is None:
        return ""
    if isinstance(v, list):
        return "; ".join(str(x) for x in v)
    return str(v)


#: Rows ``events`` prints as a table unless --limit/--all says otherwise.
EVENTS_TABLE_LIMIT = 50


@main.command()
@click.option("--format", "fmt", type=click.Choice(["table", "json", "jsonl", "csv", "geojson"]), default="table",
              show_default=True, help="json: one array; jsonl: one event per line; csv: CCC columns.")
@click.option("--since", callback=_parse_date, help="First date (YYYY-MM-DD).")
@click.option("--until", callback=_parse_date, help="Last date (YYYY-MM-DD).")
@click.option("--state", help="Two-letter state code, e.g. CA.")
@click.option("--type", "type_", help="Event type, e.g. march.")
@click.option("--issue", help="Issue, e.g. immigration.")
@click.option("--q", help="Full-text search over events and their articles.")
@click.option("--limit", type=click.IntRange(min=0), default=None,
              help=f"At most this many events; 0 = all [default: {EVENTS_TABLE_LIMIT} for the table, all for other formats].")
@click.option("--all", "all_", is_flag=True, help="Every matching event (same as --limit 0).")
@click.pass_context
def events(ctx: click.Context, fmt: str, since, until, state, type_, issue, q, limit, all_) -> None:
    """List stored events (the table shows the first 50; --all for every one)."""
    if all_:
        limit = 0
    if limit is None and fmt == "table":
        limit = EVENTS_TABLE_LIMIT
    filters = {"since": since, "until": until, "state": state.upper() if state else None, "type": type_,
               "issue": issue, "q": q}
    store = _store(ctx, must_exist=True)
    try:
        evs = store.query_events(**filters, limit=limit or None)
        total = store.count_query_events(**filters) if limit and len(evs) >= limit else len(evs)
    finally:
        store.close()
    if fmt == "table":
        table = Table(title=f"{total:,} event(s)")
        for col in ("id", "date", "locality", "state", "event_type", "size_text", "organizations", "sources"):
            table.add_column(col, overflow="fold")
        for ev in evs:
            table.add_row(
                ev.id, ev.date or "", ev.locality or "", ev.state or "", _cell(ev.event_type), ev.size_text or "",
                _cell(ev.organizations), str(len(ev.sources)),
            )
        out = _out()
        out.print(table)
        if len(evs) < total:
            out.print(f"showing {len(evs):,} of {total:,} events; --limit 0 or --all shows all of them "
                      f"(--format csv|json|jsonl for a file)", highlight=False)
        return
    if len(evs) < total:
        err.print(f"wrote {len(evs):,} of {total:,} events (--limit)", highlight=False)
    _write_events(evs, fmt, sys.stdout)


def _write_events(evs: list, fmt: str, fp, raw: dict | None = None) -> None:
    from protestdb import export

    if fmt in ("csv", "ccc-csv"):
        export.write_ccc_csv(evs, fp, raw=raw)  # raw: imported CCC rows, written back exactly
    elif fmt == "geojson":
        export.write_geojson(evs, fp)
    elif fmt == "jsonl":
        for ev in evs:
            fp.write(ev.model_dump_json() + "\n")
    else:
        export.write_json(evs, fp)


def _full_event_id(store, prefix: str) -> str:
    """The one stored event id that starts with ``prefix`` (with or without ``ev_``); else a clear error."""
    for p in dict.fromkeys([prefix, prefix if prefix.startswith("ev_") else "ev_" + prefix]):
        ids = store.event_ids_with_prefix(p)
        if len(ids) == 1:
            return ids[0]
        if ids:
            more = ", ..." if len(ids) > 10 else ""
            raise click.ClickException(f"{prefix!r} is ambiguous: {', '.join(ids[:10])}{more} (give more characters)")
    raise click.ClickException(f"no event with id {prefix}")


@main.command()
@click.argument("event_id")
@click.option("--context", "ctx_chars", type=int, default=70, show_default=True, help="Characters of context around evidence.")
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
@click.pass_context
def show(ctx: click.Context, event_id: str, ctx_chars: int, fmt: str) -> None:
    """Show one event (EVENT_ID or its first characters), its sources, and each field's evidence in context."""
    store = _store(ctx, must_exist=True)
    try:
        ev = store.get_event(event_id) or store.get_event(_full_event_id(store, event_id))
        articles = {a.id: a for a in store.event_articles(ev.id)}
        why = store.sources_why(ev.id)
    finally:
        store.close()
    if fmt == "json":
        d = ev.model_dump(mode="json")
        d["why"] = why  # per source: how it joined, its score and components (CCC rows: file and line)
        click.echo(json.dumps(d, ensure_ascii=False, indent=2))
        return
    out = _out()
    out.print(Text(f"Event {ev.id}", style="bold"))
    fields = Table(show_header=True)
    fields.add_column("field")
    fields.add_column("value", overflow="fold")
    for name in ev.filled_fields():
        fields.add_row(name, _cell(getattr(ev, name)))
    out.print(fields)
    out.print(Text(f"Sources ({len(ev.sources)})", style="bold"))
    from protestdb.resolve.queue import describe_why

    for s in ev.sources:
        out.print(f"  - {s.outlet or ''} {s.title or ''} {s.url or ''} published {s.published or '?'} [article {s.article_id[:12]}]",
                  highlight=False, markup=False)
        out.print(f"      {describe_why(why.get(s.article_id))}", highlight=False, markup=False)
    out.print(Text("Evidence", style="bold"))
    default_article = ev.sources[0].article_id if ev.sources else None
    for name, spans in ev.evidence.items():
        for sp in spans:
            art = articles.get(sp.article_id or default_article or "")
            line = Text(f"  {name}: ", style="cyan")
            if art is None or art.text[sp.start : sp.end] != sp.quote:
                line.append(repr(sp.quote))
            else:
                a = max(0, sp.start - ctx_chars)
                b = min(len(art.text), sp.end + ctx_chars)
                line.append(("..." if a else "") + art.text[a : sp.start].replace("\n", " "))
                line.append(art.text[sp.start : sp.end].replace("\n", " "), style="bold black on yellow")
                line.append(art.text[sp.end : b].replace("\n", " ") + ("..." if b < len(art.text) else ""))
            out.print(line)


@main.command("export")
@click.option("--format", "fmt", type=click.Choice(["ccc-csv", "json", "geojson"]), required=True)
@click.option("-o", "--output", type=click.Path(dir_okay=False), help="Output file (default: standard output).")
@click.pass_context
def export_cmd(ctx: click.Context, fmt: str, output: str | None) -> None:
    """Export all events: CCC Phase 3 CSV, JSON (with sources and evidence) or GeoJSON.

    The ccc-csv export is exact: imported CCC rows are written back byte for byte as
    imported, and no cell is altered (unlike the web page's CSV download, which
    neutralizes formula-leading cells for spreadsheets). Cite the Crowd Counting
    Consortium for CCC-derived rows.
    """
    store = _store(ctx, must_exist=True)
    try:
        evs = store.query_events()
        raw = store.ccc_raw_rows() if fmt == "ccc-csv" else None
    finally:
        store.close()
    if output:
        try:
            with open(output, "w", encoding="utf-8", newline="") as fp:
                _write_events(evs, fmt, fp, raw=raw)
        except OSError as exc:
            raise click.ClickException(f"cannot write {output}: {exc.strerror or exc}") from exc
        err.print(f"wrote {len(evs)} event(s) to {output}", highlight=False)
    else:
        _write_events(evs, fmt, sys.stdout, raw=raw)


# --------------------------------------------------------------------------- campaigns / review / changes
@main.command()
@click.option("--format", "fmt", type=click.Choice(["table", "json", "jsonl"]), default="table", show_default=True,
              help=JSON_FORMATS_HELP)
@click.option("--window", type=int, default=7, show_default=True, help="Days between events of one wave.")
@click.pass_context
def campaigns(ctx: click.Context, fmt: str, window: int) -> None:
    """List campaigns: events tied by a named action or a coordinated call, with totals."""
    from protestdb.resolve.campaigns import store_campaigns

    store = _store(ctx, must_exist=True)
    try:
        found = store_campaigns(store, window_days=window)
    finally:
        store.close()
    if fmt in ("json", "jsonl"):
        _echo_json([c.model_dump(mode="json") for c in found], fmt)
        return
    table = Table(title=f"{len(found)} campaign(s)")
    for col in ("id", "name", "first", "last", "events", "localities", "states", "size low", "size high"):
        table.add_column(col, overflow="fold")
    for c in found:
        table.add_row(
            c.id, c.name, c.first_date or "", c.last_date or "", str(c.n_events), str(c.n_localities),
            str(c.n_states), str(c.size_low_sum), str(c.size_high_sum),
        )
    _out().print(table)


@main.group()
def review() -> None:
    """Human review: correct a field, merge or split events, read the audit log."""


def _review_call(ctx: click.Context, fn, *args, ids: int = 0):
    """``fn(store, *args)``; the first ``ids`` args are event ids that may be given by their first characters."""
    from protestdb.resolve.review import ReviewError

    store = _store(ctx, must_exist=True)
    try:
        args = tuple(a if i >= ids or store.get_event(a) else _full_event_id(store, a) for i, a in enumerate(args))
        return fn(store, *args)
    except ReviewError as exc:
        raise click.ClickException(str(exc)) from exc
    finally:
        store.close()


@review.command("correct")
@click.argument("event_id")
@click.argument("field")
@click.argument("value")
@click.option("--by", "by", required=True, help="Reviewer name.")
@click.pass_context
def review_correct(ctx: click.Context, event_id: str, field: str, value: str, by: str) -> None:
    """Set FIELD of EVENT_ID to VALUE (lists: "a; b"; "" clears); never overwritten by re-runs."""
    from protestdb.resolve.review import correct

    ev = _review_call(ctx.find_root(), correct, event_id, field, value, by, ids=1)
    click.echo(f"{ev.id}: {field} = {_cell(getattr(ev, field))}")


@review.command("merge")
@click.argument("keep_id")
@click.argument("other_id")
@click.option("--by", "by", required=True, help="Reviewer name.")
@click.pass_context
def review_merge(ctx: click.Context, keep_id: str, other_id: str, by: str) -> None:
    """Merge event OTHER_ID into KEEP_ID (OTHER_ID then leads to KEEP_ID)."""
    from protestdb.resolve.review import merge_events

    ev = _review_call(ctx.find_root(), merge_events, keep_id, other_id, by, ids=2)
    click.echo(f"merged {other_id} into {ev.id}: {len(ev.sources)} source(s)")


@review.command("split")
@click.argument("event_id")
@click.argument("article_id")
@click.option("--by", "by", required=True, help="Reviewer name.")
@click.option("--reason", default=None, help="Why they are not one event (kept with the split).")
@click.pass_context
def review_split(ctx: click.Context, event_id: str, article_id: str, by: str, reason: str | None) -> None:
    """Move the mentions of ARTICLE_ID (or a unique prefix) out of EVENT_ID into a new event.

    The split sticks: resolution never puts them together again."""
    from protestdb.resolve.review import split_event

    ev = _review_call(ctx.find_root(), split_event, event_id, article_id, by, reason, ids=1)
    click.echo(f"split {article_id} out of {event_id}: new event {ev.id}")


@review.command("queue")
@click.option("--kind", default=None, help="Only this kind (uncertain_match, ccc_date_conflict).")
@click.option("--all", "show_all", is_flag=True, help="Closed rows too.")
@click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table", show_default=True)
@click.pass_context
def review_queue(ctx: click.Context, kind: str | None, show_all: bool, fmt: str) -> None:
    """Close calls waiting for a person: pairs that may be one event, with their score components."""
    from protestdb.resolve.queue import describe_flag

    store = _store(ctx.find_root())
    try:
        rows = store.review_flags(status=None if show_all else "open", kind=kind)
    finally:
        store.close()
    if fmt == "json":
        click.echo(json.dumps(rows, ensure_ascii=False, indent=2))
        return
    table = Table(title=f"{len(rows)} pair(s) to review")
    for col in ("id", "kind", "event", "other event", "score", "why not merged / components"):
        table.add_column(col, overflow="fold")
    for r in rows:
        table.add_row(str(r["id"]), r["kind"], r["event_id"], r["other_event_id"] or "",
                      "" if r["score"] is None else f"{r['score']:.2f}", describe_flag(r))
    _out().print(table)


@review.command("dismiss")
@click.argument("flag_id", type=int)
@click.option("--by", "by", required=True, help="Reviewer name.")
@click.pass_context
def review_dismiss(ctx: click.Context, flag_id: int, by: str) -> None:
    """Close a review-queue row: the two events are not one (to merge them: review merge)."""
    from protestdb.resolve.queue import dismiss

    _review_call(ctx.find_root(), dismiss, flag_id, by)
    click.echo(f"dismissed {flag_id}")


@review.command("log")
@click.argument("event_id", required=False)
@click.option("--format", "fmt", type=click.Choice(["table", "json", "jsonl"]), default="table", show_default=True,
              help=JSON_FORMATS_HELP)
@click.pass_context
def review_log_cmd(ctx: click.Context, event_id: str | None, fmt: str) -> None:
    """The audit log (who, when, before, after), all or for one event."""
    from protestdb.resolve.review import review_log

    rows = _review_call(ctx.find_root(), review_log, event_id)
    if fmt in ("json", "jsonl"):
        _echo_json(rows, fmt)
        return
    table = Table(title=f"{len(rows)} review action(s)")
    for col in ("at", "by", "action", "event", "other", "field", "before", "after"):
        table.add_column(col, overflow="fold")
    for r in rows:
        short = lambda v: json.dumps(v, ensure_ascii=False)[:80]  # noqa: E731
        table.add_row(r["at"], r["by"], r["action"], r["event_id"], r["other_id"] or "", r["field"] or "",
                      short(r["before"]), short(r["after"]))
    _out().print(table)


@main.command()
@click.option("--since", "since", default=None, help="ISO date or datetime (UTC if no zone); default: everything.")
@click.option("--format", "fmt", type=click.Choice(["jsonl", "json", "table"]), default="jsonl", show_default=True,
              help=JSON_FORMATS_HELP)
@click.pass_context
def changes(ctx: click.Context, since: str | None, fmt: str) -> None:
    """The change feed: events created, updated, merged or deleted since a time (JSON lines by default)."""
    from datetime import datetime

    try:
        when = datetime.fromisoformat(since.replace("Z", "+00:00")) if since else None
    except ValueError as exc:
        raise click.BadParameter(f"{since!r} is not an ISO date/datetime", param_hint="--since") from exc
    store = _store(ctx, must_exist=True)
    try:
        rows = store.changes(when)
    finally:
        store.close()
    if fmt in ("json", "jsonl"):
        _echo_json(rows, fmt)
        return
    table = Table(title=f"{len(rows)} change(s)")
    for col in ("seq", "at", "op", "event_id", "detail"):
        table.add_column(col)
    for r in rows:
        table.add_row(str(r["seq"]), r["at"], r["op"], r["event_id"], json.dumps(r["detail"]) if r["detail"] else "")
    _out().print(table)


# --------------------------------------------------------------------------- eval / geocode
@main.command("eval")
@click.argument("gold", type=click.Path(exists=True, dir_okay=False))
@click.option("--texts", type=click.Path(exists=True, file_okay=False), help="Folder of <doc_id>.txt texts.")
@click.option("--json", "json_out", type=click.Path(dir_okay=False), help="Write the scores as JSON here.")
@click.option("--published", callback=_parse_date, help=PUBLISHED_HELP.replace("a JSON", "the gold line's"))
@click.option("--by-rule", is_flag=True, help="Group wrong/missed values and spurious events by the rule behind them.")
def eval_cmd(gold: str, texts: str | None, json_out: str | None, published: date | None, by_rule: bool = False) -> None:
    """Score the extractor against a gold file (DESIGN.md's scorer)."""
    from protestdb.evaluate import format_table, run_eval

    try:
        result = run_eval(gold, texts_dir=texts, published=published, by_rule=by_rule)
    except (ValueError, OSError) as exc:  # a bad gold line, an unreadable file
        msg = str(exc) if gold in str(exc) else f"{gold}: {type(exc).__name__}: {exc}"
        raise click.ClickException(_one_line(click.ClickException(msg))) from exc
    click.echo(format_table(result))
    if by_rule:
        from protestdb.evaluate.scorer import format_by_rule

        click.echo("\nerrors by rule:\n" + format_by_rule(result))
    for d in result.get("per_doc", []):
        for e in d.get("errors") or []:
            if e.startswith("error: "):
                err.print(f"[red]error[/red] {gold}: document {d.get('doc_id')}: {e[7:]} (scored as no events)",
                          highlight=False)
    failed = result.get("extractor_errors", 0)
    if failed:
        err.print(f"{failed} of {result.get('documents', 0)} document(s) could not be scored", highlight=False)
    if json_out:
        try:
            Path(json_out).write_text(json.dumps(result, indent=2, ensure_ascii=False), encoding="utf-8")
        except OSError as exc:
            raise click.ClickException(f"cannot write {json_out}: {exc.strerror or exc}") from exc
        err.print(f"wrote {json_out}", highlight=False)
    if failed and failed == result.get("documents"):
        sys.exit(1)


@main.command()
@click.argument("queries", nargs=-1)
@click.option("--file", "file_", type=click.Path(exists=True, dir_okay=False), help="One query per line.")
@click.option("--format", "fmt", type=click.Choice(["table", "json", "jsonl"]), default="table", show_default=True,
              help=JSON_FORMATS_HELP)
def geocode(queries: tuple[str, ...], file_: str | None, fmt: str) -> None:
    """Geocode place names offline ("Elizabeth, NJ", "Boyle Heights, Los Angeles")."""
    from protestdb.geo import geocode_query

    qs = list(queries)
    if file_:
        if _is_binary(Path(file_)):
            raise click.ClickException(f"{file_}: binary file (NUL bytes), not one place name per line")
        lines = Path(file_).read_text(encoding="utf-8", errors="replace").splitlines()
        from_file = [ln.strip() for ln in lines if ln.strip()]
        if not from_file and not qs:
            raise click.ClickException(f"{file_}: no place names in the file (empty)")
        qs += from_file
    if not qs:
        raise click.UsageError("give QUERY... or --file FILE")
    rows = [geocode_query(q) for q in qs]
    missed = sum(1 for r in rows if r.get("lat") is None and r.get("state") is None)
    if missed:
        err.print(f"{len(rows) - missed} of {len(rows)} place name(s) found", highlight=False)
    if fmt in ("json", "jsonl"):
        _echo_json(rows, fmt)
        return
    cols = ["query", "locality", "state", "country", "county", "fips_code", "lat", "lon", "geo_precision", "location"]
    table = Table()
    for c in cols:
        table.add_column(c)
    for r in rows:
        table.add_row(*[_cell(r.get(c)) for c in cols])
    _out().print(table)


# --------------------------------------------------------------------------- import-ccc
@main.command("import-ccc")
@click.argument("files", nargs=-1, type=click.Path(dir_okay=False))  # a missing one is reported, not fatal
@click.option("--snapshot", help="As-of date (YYYY-MM-DD) of the files (default: from '_asof-DATE' in the name).")
@click.option("--report", "show_report", is_flag=True, help="Print each malformed row (line and reason).")
@click.option("--flags", "show_flags", is_flag=True, help="List open review flags (CCC events vs articles).")
@click.pass_context
def import_ccc_cmd(ctx: click.Context, files: tuple[str, ...], snapshot: str | None, show_report: bool,
                   show_flags: bool) -> None:
    """Import Crowd Counting Consortium CSV files (any phase), merging events across CCC snapshots."""
    from protestdb.ccc import import_ccc
    from protestdb.ccc.cli import print_flags, print_import_report

    if not files and not show_flags:
        raise click.UsageError("give CCC CSV files to import, or --flags")
    from protestdb.ccc.importer import FileReport, ImportReport
    from protestdb.ccc.reader import RowError

    new_db = _new_db_file(ctx)
    store = _store(ctx, must_exist=not files)  # --flags alone only reads
    report = ImportReport()
    table = False
    try:
        for f in files:
            try:
                report.files.extend(import_ccc(store, [f], snapshot=snapshot).files)
            except Exception as exc:  # noqa: BLE001 - one bad file never stops the others
                report.files.append(FileReport(path=f, errors=[RowError(1, _one_line(exc))]))
        table = any(f.rows or not f.errors for f in report.files)  # no table when every file was refused
        if table:
            print_import_report(_out(), report, details=show_report)
        if show_flags:
            print_flags(_out(), store.review_flags(kind="ccc_date_conflict"))  # all kinds: review queue
    finally:
        store.close()
    skipped = [f for f in report.files if f.rows == 0 and f.errors]
    if not show_report or not table:
        for f in skipped:
            err.print(f"[red]error[/red] {f.path}:{f.errors[0].line}: {f.errors[0].message}; file skipped", highlight=False)
    if files and len(skipped) == len(report.files):
        _drop_if_empty(new_db)
        sys.exit(1)


# --------------------------------------------------------------------------- batch (Ray)
def _default_batch_dir(db: str) -> str:
    path = db[len("sqlite:///") :] if db.startswith("sqlite:///") else db
    if path in ("", ":memory:") or "://" in path:
        return "protestdb-batch"
    return str(Path(path).expanduser()) + ".batch"


@main.command()
@click.argument("inputs", nargs=-1, required=True)
@click.option("--ray-address", default="local", show_default=True,
              help="'local' starts Ray on this machine (offline); 'auto' or ray://host:port joins a cluster.")
@click.option("--num-cpus", type=click.IntRange(min=1), default=None, help="Extraction workers (default: all CPUs).")
@click.option("--output", type=click.Path(file_okay=False), default=None,
              help="Folder for the JSON lines result shards (default: <db>.batch).")
@click.option("--published", callback=_parse_date, help=PUBLISHED_HELP)
@click.option("--progress/--no-progress", default=True, show_default=True, help="Show Ray Data progress and shard counts.")
@click.pass_context
def batch(ctx: click.Context, inputs: tuple[str, ...], ray_address: str, num_cpus: int | None, output: str | None,
          published: date | None, progress: bool) -> None:
    """Extract many articles in parallel with Ray Data, write result shards, merge them into the store."""
    from protestdb.pipeline import is_url

    missing = [p for p in inputs if not is_url(p) and not Path(p).exists()]
    if missing:  # before Ray, the database or the output folder exist
        raise click.ClickException(f"no such file or folder: {', '.join(missing)} (nothing was done)")
    try:
        import ray  # noqa: F401

        from protestdb.scale.ray_job import run_batch
    except ImportError as exc:
        raise click.ClickException(f"Ray is not installed ({exc}); pip install 'protestdb[scale]'") from exc
    out = output or _default_batch_dir(_db(ctx))
    store = _store(ctx)
    log = (lambda msg: err.print(msg, highlight=False)) if progress else None
    verbose = _obj(ctx).get("verbose", 0) > 0
    ray_log = None if verbose else Path(out) / "ray.log"  # -v: Ray's own messages on stderr
    try:
        report = run_batch(store, list(inputs), out, ray_address=ray_address, num_cpus=num_cpus,
                           published=published, progress=progress, log=log, ray_log=ray_log)
    except ConnectionError as exc:  # --ray-address auto without a running cluster
        raise click.ClickException(f"cannot reach Ray at {ray_address!r}: {exc}") from exc
    finally:
        store.close()
    for where, message in report.errors:
        err.print(f"[red]error[/red] {where}: {message}", highlight=False)
    err.print(
        f"read {report.read} article(s): {report.skipped} already stored or repeated, {report.extracted} extracted "
        f"by {report.num_workers} worker(s) ({report.prefiltered} prefiltered) in {report.seconds:.1f}s "
        f"({report.articles_per_second:.1f}/s); {report.new_articles} new article(s), {report.mentions} mention(s) "
        f"-> {report.events_created} new event(s), {report.events_updated} updated; "
        f"{len(report.errors)} error(s); shards in {out}"
        + (f" (Ray's own messages: {ray_log}; -v shows them)" if ray_log is not None and ray_log.exists() else ""),
        highlight=False,
    )
    if report.read == 0 and report.errors:
        sys.exit(1)


# --------------------------------------------------------------------------- token
@main.group()
def token() -> None:
    """API tokens for writes through the HTTP API (stored hashed; shown once)."""


@token.command("create")
@click.option("--name", required=True, help="Who uses the token (written as the reviewer of its actions).")
@click.option("--read-only", is_flag=True, help="A token that may only read (when reads are closed).")
@click.option("--create", is_flag=True, help="Create a new empty database if there is none at --db.")
@click.pass_context
def token_create(ctx: click.Context, name: str, read_only: bool, create: bool) -> None:
    """Create a token and print it ONCE (it cannot be read back)."""
    from protestdb.auth import AuthError, create_token

    store = _store(ctx, must_exist=not create)
    try:
        click.echo(create_token(store, name, scopes="read" if read_only else "write"))
    except AuthError as exc:
        raise click.ClickException(str(exc)) from exc
    finally:
        store.close()
    err.print("keep it now: only its hash is stored", highlight=False)


@token.command("list")
@click.pass_context
def token_list(ctx: click.Context) -> None:
    """Tokens: id, name, scopes, created, last used, revoked."""
    from protestdb.auth import list_tokens

    store = _store(ctx, must_exist=True)
    try:
        rows = list_tokens(store)
    finally:
        store.close()
    table = Table(title="API tokens")
    for col in ("id", "name", "scopes", "created", "last used", "revoked"):
        table.add_column(col)
    for r in rows:
        table.add_row(
            r["id"], r["name"], r["scopes"], r["created_at"], r["last_used"] or "", r["revoked_at"] or ""
        )
    _out().print(table)


@token.command("revoke")
@click.argument("token_id")
@click.pass_context
def token_revoke(ctx: click.Context, token_id: str) -> None:
    """Revoke the token with this id (or the token itself)."""
    from protestdb.auth import revoke_token

    store = _store(ctx, must_exist=True)
    try:
        ok = revoke_token(store, token_id)
    finally:
        store.close()
    if not ok:
        raise click.ClickException(f"no live token {token_id!r}")
    click.echo(f"revoked {token_id}")


# --------------------------------------------------------------------------- serve / demo
def _check_port(host: str, port: int) -> None:
    """Fail at once, on one line, when ``host:port`` cannot be bound (another server holds it)."""
    import socket

    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    try:
        with socket.socket(family, socket.SOCK_STREAM) as s:
            s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)  # as uvicorn does
            s.bind((host, port))
    except OSError as exc:
        raise click.ClickException(
            f"cannot serve on {host}:{port}: {exc.strerror or exc} (another server? stop it or pass --port N)"
        ) from exc


@main.command()
@click.option("--host", default="127.0.0.1", show_default=True)
@click.option("--port", default=8000, show_default=True, type=int)
@click.option("--create", is_flag=True, help="Serve a new empty database if there is none at --db (fill it through the API).")
@click.pass_context
def serve(ctx: click.Context, host: str, port: int, create: bool) -> None:
    """Serve the web page (map, list, timeline) and the HTTP API."""
    from protestdb.web import serve as serve_app

    _store(ctx, must_exist=not create).close()  # fail early with a clear message
    _check_port(host, port)
    db = _db(ctx)
    err.print(f"serving {db} on http://{host}:{port}/  (API: /api/events, docs: /docs)", highlight=False)
    serve_app(db, host=host, port=port)


#: Event rows in the summary table.
SUMMARY_ROWS = 40


def print_summary(store) -> None:
    """A short summary of what the database holds."""
    c = store.counts()
    evs = store.query_events()
    out = _out()
    out.print(
        f"[bold]{c.get('articles', 0)}[/bold] article(s), [bold]{c.get('events', 0)}[/bold] event(s) in "
        f"[bold]{len({e.state for e in evs if e.state})}[/bold] state(s), "
        f"[bold]{sum(1 for e in evs if e.lat is not None)}[/bold] on the map",
        highlight=False,
    )
    shown = evs[:SUMMARY_ROWS]
    title = "Events" if len(shown) == len(evs) else f"Events: the first {len(shown)} of {len(evs):,}"
    table = Table(title=title)
    for col in ("date", "place", "types", "size", "organizations"):
        table.add_column(col, overflow="fold")
    for e in shown:
        place = ", ".join(x for x in (e.locality, e.state) if x) or (e.country or "")
        table.add_row(e.date or "", place, _cell(e.event_type), e.size_text or "", _cell(e.organizations))
    out.print(table)
    if len(shown) < len(evs):
        out.print(f"first {len(shown)} of {len(evs):,} events; all of them: protestdb events --all", highlight=False)


def _default_examples() -> str:
    """./examples, else the checkout's examples/ (editable install), else ./examples (reported)."""
    if Path("examples").is_dir():
        return "examples"
    repo = Path(__file__).resolve().parents[2] / "examples"
    return str(repo) if repo.is_dir() else "examples"


@main.command()
@click.argument("paths", nargs=-1)
@click.option("--host", default="127.0.0.1", show_default=True)
@click.option("--port", default=8000, show_default=True, type=int)
@click.option("--no-serve", is_flag=True, help="Stop after printing the summary.")
@click.pass_context
def demo(ctx: click.Context, paths: tuple[str, ...], host: str, port: int, no_serve: bool) -> None:
    """The main job end to end: ingest PATHS (default ./examples), print a summary, serve the page."""
    from protestdb.pipeline import ingest_paths

    sources = list(paths) or [_default_examples()]
    if not no_serve:
        _check_port(host, port)  # before the ingest, not after it
    store = _store(ctx)
    try:
        report = ingest_paths(store, sources, progress=True, console=err, on_error=_print_error)
        if report.read == 0 and report.errors:
            raise click.ClickException("nothing could be read; give PATHS, or run demo in the protestdb checkout")
        print_summary(store)
    finally:
        store.close()
    if no_serve:
        return
    ctx.invoke(serve, host=host, port=port)


@main.command()
@click.pass_context
def summary(ctx: click.Context) -> None:
    """Print a summary of the database."""
    store = _store(ctx, must_exist=True)
    try:
        print_summary(store)
    finally:
        store.close()


if __name__ == "__main__":  # pragma: no cover
    main()
