"""The DESIGN.md scorer: event P/R/F1, field accuracy, relevance, evidence coverage.

Gold files are JSON lines, one document each (see ``gold/seed.jsonl``)::

    {"doc_id", "text_file" (relative to the gold file's folder) | "text",
     "published", "is_protest_report", "events": [{"date", "locality", "state",
     "type", "size_low", "organizations", "targets", "issues", "arrests",
     "announced_only", ...}]}

Gold names ``type``, ``location_detail`` and ``claims`` stand for ``event_type``,
``location`` and ``claims_summary``; DESIGN names are accepted too.

The text of a document is ``<texts_dir>/<doc_id>.txt`` when ``texts_dir`` is given and
that file exists, else its inline ``text``, else its ``text_file``. A ``.html``/``.htm``
``text_file`` is turned into text the way ``ingest`` does (see :func:`html_to_text`), so
the extractor sees what ``protestdb ingest`` would give it.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterable
from datetime import date
from io import StringIO
from pathlib import Path
from typing import Any

from protestdb.evaluate.matching import best_matching, max_bipartite_matching
from protestdb.evaluate.normalize import (
    names_match,
    norm_label,
    norm_locality,
    norm_state,
)
from protestdb.models import EventMention, ExtractionResult, size_category

Extractor = Callable[[str, date | None], ExtractionResult]

#: Fields scored on matched pairs, in report order.
SCORED_FIELDS: tuple[str, ...] = (
    "date",
    "state",
    "type",
    "size",
    "organizations",
    "targets",
    "issues",
    "arrests",
    "announced_only",
)

#: Gold-file names -> DESIGN / model names.
GOLD_ALIASES = {"type": "event_type", "location_detail": "location", "claims": "claims_summary"}


# --- loading --------------------------------------------------------------------------


def load_gold(gold_path: str | Path) -> list[dict[str, Any]]:
    """The documents of a gold JSON-lines file (blank lines and ``#`` lines skipped)."""
    docs = []
    for n, line in enumerate(Path(gold_path).read_text(encoding="utf-8").splitlines(), 1):
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        try:
            docs.append(json.loads(line))
        except json.JSONDecodeError as e:
            raise ValueError(f"{gold_path}:{n}: not JSON: {e}") from e
    return docs


def gold_event(ev: dict[str, Any]) -> dict[str, Any]:
    """A gold event with DESIGN field names and list fields as lists."""
    out = dict(ev)
    for old, new in GOLD_ALIASES.items():
        if old in out and new not in out:
            out[new] = out.pop(old)
    for key in ("event_type", "organizations", "targets", "issues", "claims_summary"):
        v = out.get(key)
        if isinstance(v, str):
            out[key] = [x.strip() for x in v.split(";") if x.strip()]
        elif v is None:
            out[key] = []
    return out


def pred_event(ev: EventMention | dict[str, Any]) -> dict[str, Any]:
    if isinstance(ev, EventMention):
        return ev.model_dump()
    return gold_event(ev)


def html_to_text(html: str, path: str | None = None) -> str:
    """Main text of an HTML page, exactly as ``ingest`` reads it.

    Uses ``protestdb.ingest.html_to_article`` (trafilatura with boilerplate removal and an
    lxml fallback) when importable, else a plain ``trafilatura.extract`` call.
    """
    try:
        from protestdb.ingest import html_to_article
    except ImportError:
        html_to_article = None
    if html_to_article is not None:
        return html_to_article(html, path=path).text
    import trafilatura

    return trafilatura.extract(html, include_comments=False, include_tables=False) or ""


def document_text(doc: dict[str, Any], gold_dir: Path, texts_dir: Path | None) -> str:
    if texts_dir is not None:
        p = texts_dir / f"{doc['doc_id']}.txt"
        if p.exists():
            return p.read_text(encoding="utf-8")
    if isinstance(doc.get("text"), str):
        return doc["text"]
    tf = doc.get("text_file")
    if not tf:
        raise FileNotFoundError(f"{doc.get('doc_id')}: no text_file, no text, nothing in --texts")
    p = (gold_dir / tf).resolve()
    raw = p.read_text(encoding="utf-8", errors="replace")
    if p.suffix.lower() in (".html", ".htm"):
        return html_to_text(raw, str(p))
    return raw


def _published(doc: dict[str, Any]) -> date | None:
    v = doc.get("published")
    if not v:
        return None
    try:
        return date.fromisoformat(str(v)[:10])
    except ValueError:
        return None


# --- pairing and field scores ---------------------------------------------------------


def _types(ev: dict[str, Any]) -> set[str]:
    return {norm_label(t) for t in ev.get("event_type") or []}


def pair_allowed(pred: dict[str, Any], gold: dict[str, Any]) -> bool:
    """DESIGN's rule for pairing a predicted with a gold event."""
    pl, gl = norm_locality(pred.get("locality")), norm_locality(gold.get("locality"))
    if pl != gl:
        return False
    ps, gs = norm_state(pred.get("state")), norm_state(gold.get("state"))
    if ps and gs and ps != gs:
        return False
    pd, gd = pred.get("date"), gold.get("date")
    if pd and gd and str(pd)[:10] != str(gd)[:10]:
        return False
    if pl is None and not (_types(pred) & _types(gold)):
        return False
    return True


def set_f1(pred: Iterable[str], gold: Iterable[str], same: Callable[[str, str], bool]) -> float:
    """F1 of two name sets, names paired one-to-one by ``same`` (maximum matching)."""
    p = list(dict.fromkeys(x for x in pred if x))
    g = list(dict.fromkeys(x for x in gold if x))
    if not p and not g:
        return 1.0
    if not p or not g:
        return 0.0
    m = len(max_bipartite_matching(len(p), len(g), lambda i, j: same(p[i], g[j])))
    if m == 0:
        return 0.0
    prec, rec = m / len(p), m / len(g)
    return 2 * prec * rec / (prec + rec)


def _size(ev: dict[str, Any]) -> tuple[int, int | None]:
    low = ev.get("size_low")
    low = int(low) if low is not None else None
    cat = int(ev.get("size_cat") or 0) or size_category(low)
    return cat, low


def field_scores(pred: dict[str, Any], gold: dict[str, Any]) -> dict[str, float]:
    """Score in [0, 1] of each field the gold event has a value for."""
    out: dict[str, float] = {}
    if gold.get("date"):
        out["date"] = float(str(pred.get("date") or "")[:10] == str(gold["date"])[:10])
    if gold.get("state"):
        out["state"] = float(norm_state(pred.get("state")) == norm_state(gold["state"]))
    if gold.get("event_type"):
        out["type"] = float(bool(_types(pred) & _types(gold)))
    gcat, glow = _size(gold)
    if gcat or glow is not None:
        pcat, plow = _size(pred)
        ok = pcat == gcat and (glow is None or (plow is not None and glow / 2 <= plow <= glow * 2))
        out["size"] = float(ok)
    for name in ("organizations", "targets"):
        if gold.get(name):
            out[name] = set_f1(pred.get(name) or [], gold[name], names_match)
    if gold.get("issues"):
        out["issues"] = set_f1(
            [norm_label(x) for x in pred.get("issues") or []],
            [norm_label(x) for x in gold["issues"]],
            lambda a, b: a == b,
        )
    if gold.get("arrests") is not None:
        out["arrests"] = float(pred.get("arrests") == gold["arrests"])
    if gold.get("announced_only") is not None:
        out["announced_only"] = float(bool(pred.get("announced_only")) == bool(gold["announced_only"]))
    return out


def _agreement(pred: dict[str, Any], gold: dict[str, Any]) -> float:
    s = field_scores(pred, gold)
    return sum(s.values()) / len(s) if s else 0.0


def match_events(preds: list[dict[str, Any]], golds: list[dict[str, Any]]) -> list[tuple[int, int]]:
    """(pred index, gold index) pairs: a maximum matching, ties broken by field agreement."""
    return best_matching(
        len(preds),
        len(golds),
        lambda i, j: pair_allowed(preds[i], golds[j]),
        lambda i, j: _agreement(preds[i], golds[j]),
    )


def describe(ev: dict[str, Any]) -> str:
    types = "; ".join(ev.get("event_type") or []) or "?"
    return f"{ev.get('locality') or '-'}, {ev.get('state') or '-'} {ev.get('date') or '?'} [{types}]"


# --- evidence -------------------------------------------------------------------------


def evidence_counts(ev: EventMention, text: str) -> tuple[int, int]:
    """(filled fields, filled fields whose every evidence span quotes ``text`` exactly)."""
    filled = ev.filled_fields()
    good = 0
    for name in filled:
        spans = ev.evidence.get(name) or []
        if spans and all(
            s.quote and 0 <= s.start <= s.end <= len(text) and text[s.start : s.end] == s.quote for s in spans
        ):
            good += 1
    return len(filled), good


# --- the run --------------------------------------------------------------------------


def prf(tp: int, fp: int, fn: int) -> dict[str, float]:
    """Precision, recall, F1; an empty side counts as perfect only if the other is empty too."""
    p = tp / (tp + fp) if tp + fp else (1.0 if fn == 0 else 0.0)
    r = tp / (tp + fn) if tp + fn else (1.0 if fp == 0 else 0.0)
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"precision": round(p, 4), "recall": round(r, 4), "f1": round(f, 4)}


def _default_extractor() -> Extractor:
    from protestdb.extract import extract_text

    return extract_text  # type: ignore[no-any-return]


#: the predicted field whose trace tells the rule behind a scored field
_TRACED = {"type": "event_type", "size": "size_text"}


def _rule_errors(
    by_rule: dict[str, dict[str, int]], res: ExtractionResult, preds: list[dict[str, Any]], i: int | None,
    name: str, kind: str,
) -> None:
    """Count one error (``wrong`` value, ``missed`` value, ``spurious`` event) under the rule
    that produced the predicted value (the drafting rule for a spurious event)."""
    traces = res.trace or []
    trace = traces[i] if i is not None and i < len(traces) else {}
    if kind == "spurious":
        rules = list(dict.fromkeys(s["rule"] for s in trace.get("event", []))) or ["(untraced)"]
    elif kind == "missed":
        rules = [f"(no rule gave {name})"]
    else:
        steps = trace.get(_TRACED.get(name, name), [])
        rules = list(dict.fromkeys(s["rule"] for s in steps)) or ["(untraced)"]
    for rule in rules:
        row = by_rule.setdefault(rule, {"wrong": 0, "missed": 0, "spurious": 0})
        row[kind] += 1


def _missing(pred: dict[str, Any], name: str) -> bool:
    v = pred.get(_TRACED.get(name, name))
    return v is None or v == [] or v == ""


def run_eval(
    gold_path: str | Path,
    texts_dir: str | Path | None = None,
    extractor: Extractor | None = None,
    published: date | None = None,
    by_rule: bool = False,
) -> dict[str, Any]:
    """Score ``extractor`` (default ``protestdb.extract.extract_text``) on a gold file.

    ``published``: the date for documents whose gold line has no "published" of its own.
    With ``by_rule`` the extractor runs with ``explain=True`` and the result gets a ``by_rule``
    section: per rule, how many wrong field values it produced, how many values were missed
    (under "(no rule gave FIELD)"), and how many spurious events it drafted."""
    gold_path = Path(gold_path)
    gold_dir = gold_path.parent
    tdir = Path(texts_dir) if texts_dir is not None else None
    extract = extractor or _default_extractor()
    if by_rule:
        base = extract
        extract = lambda text, published: base(text, published, explain=True)  # noqa: E731
    rules: dict[str, dict[str, int]] = {}
    docs = load_gold(gold_path)

    tp = fp = fn = 0
    rel_tp = rel_fp = rel_fn = 0
    field_vals: dict[str, list[float]] = {f: [] for f in SCORED_FIELDS}
    ev_fields = ev_good = 0
    n_errors = 0
    per_doc = []

    for doc in docs:
        doc_id = str(doc.get("doc_id"))
        gold_rel = bool(doc.get("is_protest_report"))
        golds = [gold_event(e) for e in doc.get("events") or []]
        errors: list[str] = []
        try:
            text = document_text(doc, gold_dir, tdir)
            res = extract(text, _published(doc) or published)
        except Exception as e:  # one bad document must not end the run
            n_errors += 1
            errors.append(f"error: {type(e).__name__}: {e}")
            res, text = ExtractionResult(is_protest_report=False), ""
        read_text = res.text or text
        pred_models = list(res.events)
        preds = [pred_event(e) for e in pred_models]
        for ev in pred_models:
            a, b = evidence_counts(ev, read_text)
            ev_fields += a
            ev_good += b

        pred_rel = bool(res.is_protest_report)
        rel_tp += gold_rel and pred_rel
        rel_fp += (not gold_rel) and pred_rel
        rel_fn += gold_rel and not pred_rel
        if gold_rel != pred_rel:
            errors.append(f"relevance: gold={gold_rel} pred={pred_rel}")

        if gold_rel:
            pairs = match_events(preds, golds)
        else:
            pairs = []
        d_tp = len(pairs)
        d_fp = len(preds) - d_tp
        d_fn = len(golds) - d_tp
        matched_p = {i for i, _ in pairs}
        matched_g = {j for _, j in pairs}
        for i, p in enumerate(preds):
            if i not in matched_p:
                errors.append(f"FP: {describe(p)}")
                if by_rule:
                    _rule_errors(rules, res, preds, i, "event", "spurious")
        for j, g in enumerate(golds):
            if j not in matched_g:
                errors.append(f"FN: {describe(g)}")
        for i, j in pairs:
            for name, score in field_scores(preds[i], golds[j]).items():
                field_vals[name].append(score)
                if score < 1.0 and by_rule:
                    _rule_errors(rules, res, preds, i, name, "missed" if _missing(preds[i], name) else "wrong")
                if score < 1.0:
                    errors.append(
                        f"{name} ({describe(golds[j])}): gold={_show(golds[j], name)} "
                        f"pred={_show(preds[i], name)}"
                    )
        tp, fp, fn = tp + d_tp, fp + d_fp, fn + d_fn
        per_doc.append(
            {
                "doc_id": doc_id,
                "tp": d_tp,
                "fp": d_fp,
                "fn": d_fn,
                "gold_events": len(golds),
                "pred_events": len(preds),
                "errors": errors,
            }
        )

    events = {**prf(tp, fp, fn), "tp": tp, "fp": fp, "fn": fn}
    fields = {
        name: {"accuracy": round(sum(v) / len(v), 4) if v else None, "n": len(v)}
        for name, v in field_vals.items()
    }
    out: dict[str, Any] = {
        "documents": len(docs),
        "events": events,
        "fields": fields,
        "relevance": prf(rel_tp, rel_fp, rel_fn),
        "evidence_coverage": round(ev_good / ev_fields, 4) if ev_fields else None,
        "evidence_fields": ev_fields,
        "extractor_errors": n_errors,
        "per_doc": per_doc,
    }
    if by_rule:
        out["by_rule"] = dict(sorted(rules.items(), key=lambda kv: (-sum(kv[1].values()), kv[0])))
    return out


def format_by_rule(result: dict[str, Any]) -> str:
    """The ``by_rule`` section as a plain table (rules with the most errors first)."""
    rows = result.get("by_rule") or {}
    width = max([len(r) for r in rows] + [4])
    lines = [f"{'rule':<{width}}  wrong  missed  spurious"]
    for rule, c in rows.items():
        lines.append(f"{rule:<{width}}  {c['wrong']:>5}  {c['missed']:>6}  {c['spurious']:>8}")
    return "\n".join(lines)


_SHOW = {
    "type": ("event_type",),
    "size": ("size_text", "size_low", "size_cat"),
}


def _show(ev: dict[str, Any], name: str) -> str:
    keys = _SHOW.get(name, (name,))
    vals = [ev.get(k) for k in keys]
    s = "/".join("; ".join(map(str, v)) if isinstance(v, list) else str(v) for v in vals)
    return re.sub(r"\s+", " ", s)


# --- table ----------------------------------------------------------------------------


def _fmt(x: float | None) -> str:
    return "-" if x is None else f"{x:.3f}"


def format_table(result: dict[str, Any], per_doc: bool = True, width: int = 100) -> str:
    """The result as rich tables rendered to plain text."""
    from rich.console import Console
    from rich.markup import escape
    from rich.table import Table

    buf = StringIO()
    console = Console(file=buf, width=width, force_terminal=False, color_system=None)

    ev = result["events"]
    rel = result["relevance"]
    top = Table(title=f"protestdb eval — {result['documents']} documents")
    for col in ("measure", "precision", "recall", "F1", "tp", "fp", "fn"):
        top.add_column(col, justify="left" if col == "measure" else "right")
    top.add_row(
        "events",
        _fmt(ev["precision"]),
        _fmt(ev["recall"]),
        _fmt(ev["f1"]),
        str(ev["tp"]),
        str(ev["fp"]),
        str(ev["fn"]),
    )
    top.add_row("relevance", _fmt(rel["precision"]), _fmt(rel["recall"]), _fmt(rel["f1"]), "", "", "")
    console.print(top)

    ft = Table(title="field accuracy on matched events")
    ft.add_column("field")
    ft.add_column("accuracy", justify="right")
    ft.add_column("n", justify="right")
    for name, v in result["fields"].items():
        ft.add_row(name, _fmt(v["accuracy"]), str(v["n"]))
    ft.add_row(
        "evidence coverage", _fmt(result.get("evidence_coverage")), str(result.get("evidence_fields", ""))
    )
    console.print(ft)

    if per_doc and result.get("per_doc"):
        dt = Table(title="per document")
        for col in ("doc_id", "tp", "fp", "fn", "first errors"):
            dt.add_column(col, justify="right" if col in ("tp", "fp", "fn") else "left")
        for d in result["per_doc"]:
            errs = d.get("errors") or []
            shown = "\n".join(errs[:3]) + (f"\n… {len(errs) - 3} more" if len(errs) > 3 else "")
            dt.add_row(escape(d["doc_id"]), str(d["tp"]), str(d["fp"]), str(d["fn"]), escape(shown))
        console.print(dt)
    return buf.getvalue()
