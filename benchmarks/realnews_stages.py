"""Where the extractor loses gold events and makes false ones: every missed gold event and every
false prediction of the analysable real-news parts, classed by the pipeline stage behind it.

    python benchmarks/realnews_stages.py [--parts dev dev2 ...] [--halves DIR] [--dev3 FILE ...]
                                         [--texts DIR] [--urls] [--examples]

Each page is extracted as ``benchmarks/realnews.py`` extracts it (``extract_text``, its
publication date; with ``--urls`` its address too), with ``explain=True``; the events are paired
with the gold ones by DESIGN's scorer (``evaluate.scorer.match_events``), so the matched, missed
and false counts are those of ``realnews.py``. A missed gold event gets the first class that
fits, in this order:

- ``page judged not relevant``: the extractor said the page reports no protest;
- ``gold null locality: ...``: the gold event has no locality; ``predicted null, other
  type/date`` when a placeless prediction is left unmatched (the type or the date differs),
  else ``no null prediction``;
- ``predicted there, another state`` / ``another date``: an unmatched prediction at the gold
  locality is kept apart by its state or its date;
- ``several gold at one city, fewer predictions``: every prediction at the gold locality is
  matched with another gold event there;
- ``dropped: RULE -- REASON``: a candidate at the gold locality was dropped by a named rule of
  the trace's dropped list (an event beats a draft, a draft beats a place; digits in the reason
  are shown as ``#``);
- ``place in no sentence with a protest word``: the town is a place candidate, but no protest
  word (trigger) is in any of its sentences;
- ``place with a protest word, no draft``: it is, and still no event was drafted there;
- ``not a place candidate: tagged a person`` / ``: other``: some words of the page normalize to
  the gold locality (the scorer's ``norm_locality``), but the place finder made no candidate of
  them (the first when the parse tags them, or a name holding them, PERSON);
- ``locality not written on the page``: no words of the page normalize to it.

A false prediction: ``page not a report`` (the gold page reports no protest), ``null locality``,
``another state`` / ``another date`` than an unmatched gold event at its locality, ``extra event
at a gold city`` (every gold event there is matched), ``place not in gold (one-event page)`` /
``place not in gold``. Each is also counted under the first drafting rule of its trace (the
``event`` field's first step), beside the matched events of that rule.

Only analysable parts: ``realnews.ANALYSABLE`` (the held-out parts, ``realnews.HELD_OUT``, and
``blind`` are refused). The parts in ``realnews.HALVED`` are analysed by their odd half only (the
even half is a check): give it with ``--devN FILE`` or ``--halves DIR`` (``DIR/devN_odd.jsonl``);
a file named like a check (``_even``), ``blind`` or a held-out part is refused. ``--examples``
lists, per class, the pages (doc ids) and localities; never a page's text.
"""

from __future__ import annotations

import argparse
import re
import sys
from collections import Counter
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

import realnews  # noqa: E402 - the sibling benchmark: its parts and helpers

# --- the classes -----------------------------------------------------------------------------

NOT_RELEVANT = "page judged not relevant"
EXTRACT_ERROR = "extractor error"
NULL_OTHER = "gold null locality: predicted null, other type/date"
NULL_NONE = "gold null locality: no null prediction"
OTHER_STATE = "predicted there, another state"
OTHER_DATE = "predicted there, another date"
SEVERAL = "several gold at one city, fewer predictions"
DROPPED = "dropped: "
NO_TRIGGER = "place in no sentence with a protest word"
NO_DRAFT = "place with a protest word, no draft"
PERSON = "not a place candidate: tagged a person"
NOT_CANDIDATE = "not a place candidate: other"
NOT_WRITTEN = "locality not written on the page"
MISS_ORDER = (NOT_RELEVANT, EXTRACT_ERROR, NULL_OTHER, NULL_NONE, OTHER_STATE, OTHER_DATE, SEVERAL, DROPPED,
              NO_TRIGGER, NO_DRAFT, PERSON, NOT_CANDIDATE, NOT_WRITTEN)

NOT_REPORT = "page not a report"
FP_NULL = "null locality"
FP_STATE = "another state than the gold there"
FP_DATE = "another date than the gold there"
FP_EXTRA = "extra event at a gold city"
FP_ONE = "place not in gold (one-event page)"
FP_PLACE = "place not in gold"
FP_ORDER = (NOT_REPORT, FP_NULL, FP_STATE, FP_DATE, FP_EXTRA, FP_ONE, FP_PLACE)
MATCHED = "matched"

#: the longest run of words tried against a gold locality ("washington d c")
_MAX_WORDS = 4
_PLACE_DROP = re.compile(r"""place (['"])(?P<quote>.*)\1 at (?P<start>\d+)$""")
_DRAFT_DROP = re.compile(r"draft \[(?P<key>[^;\]]*)")
_EVENT_DROP = re.compile(r"event \d+ \((?P<loc>.*), [^,()]*\)$")
_DIGITS = re.compile(r"\d+(?:\.\d+)?")


# --- one page ---------------------------------------------------------------------------------


@dataclass
class Page:
    """One gold page, extracted: the gold line, the result (with its trace) and the
    ``ExtractDoc`` the pipeline ran over (None when the page was rejected before it ran)."""

    part: str
    doc_id: str
    gold: dict[str, Any]
    result: Any
    xdoc: Any = None
    error: bool = False  # the extractor raised: no report, no events (as ``run_eval`` counts it)
    words: set[str] | None = field(default=None, init=False, repr=False)

    def written(self, locality: str) -> bool:
        """Whether some run of words of the text normalizes (``norm_locality``) to ``locality``."""
        if self.words is None:
            self.words = _word_runs(self.result.text)
        return locality in self.words


def _word_runs(text: str) -> set[str]:
    """Every run of up to ``_MAX_WORDS`` words of ``text``, as ``norm_locality`` gives it."""
    from protestdb.evaluate.normalize import norm_locality, norm_text

    words = norm_text(text).split()
    runs = {" ".join(words[i:i + n]) for n in range(1, _MAX_WORDS + 1) for i in range(len(words) - n + 1)}
    return {x for x in (norm_locality(r) for r in runs) if x}


@contextmanager
def keep_docs(sink: list[Any]) -> Iterator[None]:
    """While open, every ``ExtractDoc`` that ``extract_text`` hands to ``components.run`` is
    appended to ``sink`` (the extraction itself is untouched: the same call, the same result)."""
    from protestdb.extract import components

    real = components.run

    def run(doc: Any, **kw: Any) -> bool:
        sink.append(doc)
        return real(doc, **kw)

    components.run = run
    try:
        yield
    finally:
        components.run = real


def extract_page(part: str, doc: dict[str, Any], text: str, url: str | None = None) -> Page:
    """``doc`` extracted as the real-news benchmark does, with its trace and its ``ExtractDoc``."""
    from protestdb.evaluate.scorer import _published
    from protestdb.extract import extract_text
    from protestdb.models import ExtractionResult

    sink: list[Any] = []
    try:
        with keep_docs(sink):
            res = extract_text(text, _published(doc), url=url, explain=True)
    except Exception:  # noqa: BLE001 - counted like run_eval counts it: no report, no events
        empty = ExtractionResult(is_protest_report=False, text=text, trace=[], dropped=[])
        return Page(part, str(doc.get("doc_id")), doc, empty, error=True)
    if res.is_protest_report and not sink:  # the classes below the drafting stage need the ExtractDoc
        raise RuntimeError("extract_text ran no components.run that keep_docs sees: update keep_docs")
    return Page(part, str(doc.get("doc_id")), doc, res, sink[-1] if sink else None)


# --- the pairing --------------------------------------------------------------------------------


@dataclass
class Pairing:
    """A page's predicted and gold events (scorer-shaped) and which are left unmatched."""

    preds: list[dict[str, Any]]
    golds: list[dict[str, Any]]
    free_preds: list[int]
    free_golds: list[int]
    matched_preds: list[int]


def pair(page: Page) -> Pairing:
    """DESIGN's pairing of one page (a page that is no report pairs nothing, as in ``run_eval``)."""
    from protestdb.evaluate import match_events
    from protestdb.evaluate.scorer import gold_event, pred_event

    preds = [pred_event(e) for e in page.result.events]
    golds = [gold_event(e) for e in page.gold.get("events") or []]
    pairs = match_events(preds, golds) if page.gold.get("is_protest_report") else []
    used_p, used_g = {i for i, _ in pairs}, {j for _, j in pairs}
    return Pairing(preds, golds, [i for i in range(len(preds)) if i not in used_p],
                   [j for j in range(len(golds)) if j not in used_g], sorted(used_p))


def _loc(ev: dict[str, Any]) -> str | None:
    from protestdb.evaluate.normalize import norm_locality

    return norm_locality(ev.get("locality"))


def _state(ev: dict[str, Any]) -> str | None:
    from protestdb.evaluate.normalize import norm_state

    return norm_state(ev.get("state"))


def _apart(a: dict[str, Any], b: dict[str, Any]) -> str:
    """Why two events at one locality do not pair: ``state`` (both told, different) or ``date``."""
    sa, sb = _state(a), _state(b)
    return "state" if sa and sb and sa != sb else "date"


# --- missed gold events -------------------------------------------------------------------------


def miss_class(page: Page, pg: Pairing, j: int) -> str:
    """The class of the missed gold event ``pg.golds[j]`` (the first that fits, module docstring)."""
    if not page.result.is_protest_report:
        return EXTRACT_ERROR if page.error else NOT_RELEVANT
    g = pg.golds[j]
    gl = _loc(g)
    if gl is None:
        return NULL_OTHER if any(_loc(pg.preds[i]) is None for i in pg.free_preds) else NULL_NONE
    return at_city(pg, g, gl) or dropped_by(page, gl) or candidate_class(page, gl) or unplaced_class(page, gl)


def at_city(pg: Pairing, g: dict[str, Any], gl: str) -> str | None:
    """A prediction at the gold locality: unmatched (kept apart by state or date) or all matched."""
    free = [pg.preds[i] for i in pg.free_preds if _loc(pg.preds[i]) == gl]
    if free:
        return OTHER_STATE if any(_apart(p, g) == "state" for p in free) else OTHER_DATE
    if any(_loc(p) == gl for p in pg.preds):
        return SEVERAL
    return None


def dropped_locality(page: Page, candidate: str) -> tuple[int, str | None]:
    """(rank, locality) of a dropped candidate: an event (rank 0), a draft (1), a place (2);
    rank 3 and no locality for any other candidate."""
    m = _EVENT_DROP.match(candidate)
    if m:
        return 0, m["loc"]
    m = _DRAFT_DROP.match(candidate)
    if m:
        key = m["key"]
        return 1, None if key.startswith("state:") or "|" not in key else key.split("|")[0]
    m = _PLACE_DROP.match(candidate)
    if m:
        start = int(m["start"])
        found = [p for p in getattr(page.xdoc, "places", None) or [] if p.start == start and p.locality]
        return 2, found[0].locality if found else m["quote"]
    return 3, None


def dropped_by(page: Page, gl: str) -> str | None:
    """``dropped: RULE -- REASON`` of the latest-stage candidate at ``gl`` that a rule dropped."""
    from protestdb.evaluate.normalize import norm_locality

    best: tuple[int, str] | None = None
    for d in page.result.dropped or []:
        rank, loc = dropped_locality(page, d["candidate"])
        if loc is None or norm_locality(loc) != gl or (best is not None and best[0] <= rank):
            continue
        best = (rank, f"{DROPPED}{d['rule']} -- {_DIGITS.sub('#', d['reason'])}")
    return best[1] if best else None


def candidates_at(page: Page, gl: str) -> list[Any]:
    """The place candidates (cities, neighborhoods, venues) whose town normalizes to ``gl``."""
    from protestdb.evaluate.normalize import norm_locality

    places = getattr(page.xdoc, "places", None) or []
    return [p for p in places if p.kind not in ("state", "country")
            and gl in (norm_locality(p.locality), norm_locality(p.quote))]


def candidate_class(page: Page, gl: str) -> str | None:
    """A place candidate at ``gl``: in no sentence with a protest word, or in one but undrafted."""
    found = candidates_at(page, gl)
    if not found:
        return None
    layout = page.xdoc.layout
    told = {t.sent for t in page.xdoc.triggers}
    return NO_DRAFT if any(layout.sentence_at(p.start) in told for p in found) else NO_TRIGGER


def unplaced_class(page: Page, gl: str) -> str:
    """No place candidate at ``gl``: the town is written (on a PERSON or not) or it is not."""
    if not page.written(gl):
        return NOT_WRITTEN
    return PERSON if on_person(page, gl) else NOT_CANDIDATE


def on_person(page: Page, gl: str) -> bool:
    """Whether the parse tags PERSON a name that is, or holds the words of, the locality ``gl``."""
    from protestdb.evaluate.normalize import norm_locality, norm_text

    parse = getattr(page.xdoc, "doc", None)
    if parse is None:
        return False
    people = [e.text for e in parse.ents if e.label_ == "PERSON"]
    return any(norm_locality(n) == gl or f" {gl} " in f" {norm_text(n)} " for n in people)


# --- false predictions --------------------------------------------------------------------------


def fp_class(page: Page, pg: Pairing, i: int) -> str:
    """The class of the false prediction ``pg.preds[i]`` (module docstring)."""
    if not page.gold.get("is_protest_report"):
        return NOT_REPORT
    p = pg.preds[i]
    pl = _loc(p)
    if pl is None:
        return FP_NULL
    free = [pg.golds[j] for j in pg.free_golds if _loc(pg.golds[j]) == pl]
    if free:
        return FP_STATE if any(_apart(p, g) == "state" for g in free) else FP_DATE
    if any(_loc(g) == pl for g in pg.golds):
        return FP_EXTRA
    return FP_ONE if len(pg.golds) == 1 else FP_PLACE


def first_rule(page: Page, i: int) -> str:
    """The first drafting rule of event ``i``'s trace (``(untraced)`` when it has none)."""
    traces = page.result.trace or []
    steps = traces[i].get("event") or [] if i < len(traces) else []
    return str(steps[0]["rule"]) if steps else "(untraced)"


# --- the tallies --------------------------------------------------------------------------------


@dataclass
class Tally:
    """One part's counts: matched events, missed gold events and false predictions by class,
    false and matched predictions by first drafting rule, and the examples of each class."""

    pages: int = 0
    tp: int = 0
    misses: Counter[str] = field(default_factory=Counter)
    falses: Counter[str] = field(default_factory=Counter)
    rules: dict[str, Counter[str]] = field(default_factory=dict)
    examples: dict[str, list[str]] = field(default_factory=dict)

    def note(self, counter: Counter[str], cls: str, example: str) -> None:
        counter[cls] += 1
        self.examples.setdefault(cls, []).append(example)

    def by_rule(self, rule: str, cls: str) -> None:
        self.rules.setdefault(rule, Counter())[cls] += 1


def classify(page: Page, tally: Tally) -> None:
    """Add one page's matched, missed and false events to ``tally``."""
    pg = pair(page)
    tally.pages += 1
    tally.tp += len(pg.matched_preds)
    for i in pg.matched_preds:
        tally.by_rule(first_rule(page, i), MATCHED)
    for j in pg.free_golds:
        where = f"{page.part}:{page.doc_id} {pg.golds[j].get('locality')}"
        tally.note(tally.misses, miss_class(page, pg, j), where)
    for i in pg.free_preds:
        cls, rule = fp_class(page, pg, i), first_rule(page, i)
        tally.note(tally.falses, cls, f"{page.part}:{page.doc_id} {pg.preds[i].get('locality')} [{rule}]")
        tally.by_rule(rule, cls)


def read_part(part: str, gold: Path, texts: Path | None, urls: bool = False) -> Iterator[Page]:
    """The pages of one part, extracted (a page whose text cannot be read is skipped, on stderr)."""
    from protestdb.evaluate import load_gold
    from protestdb.evaluate.scorer import document_text

    addresses = realnews._page_urls(gold, texts) if urls else {}
    missing = realnews.missing_texts(gold, texts)
    if missing:
        print(f"{part}: {len(missing)} texts missing ({', '.join(missing)}): classed without them",
              file=sys.stderr)
    for doc in load_gold(gold):
        if str(doc.get("doc_id")) in missing:
            continue
        text = document_text(doc, gold.parent, texts)
        yield extract_page(part, doc, text, addresses.get(text))


def tally_part(part: str, gold: Path, texts: Path | None, urls: bool = False) -> Tally:
    tally = Tally()
    for page in read_part(part, gold, texts, urls):
        classify(page, tally)
    return tally


# --- the tables ---------------------------------------------------------------------------------


def _order(order: tuple[str, ...]) -> Callable[[tuple[str, int]], tuple[int, int, str]]:
    """Sort key of class names: the fixed order (``dropped: ...`` rows at DROPPED's place)."""
    def key(item: tuple[str, int]) -> tuple[int, int, str]:
        name, total = item
        base = DROPPED if name.startswith(DROPPED) else name
        return (order.index(base) if base in order else len(order), -total, name)
    return key


def count_table(tallies: dict[str, Tally], what: str) -> list[str]:
    """Per class, its count in each part and in all (``what``: ``misses`` or ``falses``)."""
    order = MISS_ORDER if what == "misses" else FP_ORDER
    parts = list(tallies)
    totals: Counter[str] = sum((getattr(t, what) for t in tallies.values()), Counter())
    lines = [" ".join(f"{p:>6}" for p in [*parts, "all"]) + "  class"]
    for name, total in sorted(totals.items(), key=_order(order)):
        cells = [getattr(tallies[p], what)[name] for p in parts]
        lines.append(" ".join(f"{c:>6}" for c in [*cells, total]) + f"  {name}")
    sums = [sum(getattr(tallies[p], what).values()) for p in parts]
    lines.append(" ".join(f"{c:>6}" for c in [*sums, sum(sums)]) + "  (all)")
    return lines


def score_lines(tallies: dict[str, Tally]) -> list[str]:
    """Per part: pages, matched, false, missed and events F1 (as ``realnews.py`` scores them)."""
    lines = [f"{'part':<8} {'pages':>5} {'TP':>5} {'FP':>5} {'FN':>5}    F1"]
    rows = [(p, t.pages, t.tp, sum(t.falses.values()), sum(t.misses.values())) for p, t in tallies.items()]
    rows.append(("all", *(sum(r[k] for r in rows) for k in range(1, 5))))
    for name, pages, tp, fp, fn in rows:
        f1 = 2 * tp / (2 * tp + fp + fn) if tp + fp + fn else 0.0
        lines.append(f"{name:<8} {pages:>5} {tp:>5} {fp:>5} {fn:>5}  {f1:.2f}")
    return lines


def rule_table(tallies: dict[str, Tally]) -> list[str]:
    """Per first drafting rule (all parts): matched events, false ones, and false ones by class."""
    rules: dict[str, Counter[str]] = {}
    for t in tallies.values():
        for rule, c in t.rules.items():
            rules[rule] = rules.get(rule, Counter()) + c
    short = {c: f"F{k}" for k, c in enumerate(FP_ORDER, 1)}
    lines = ["  ".join(f"{k}={c}" for c, k in short.items())]
    lines.append(f"{'matched':>7} {'false':>5} " + " ".join(f"{k:>3}" for k in short.values())
                 + "  first drafting rule")
    for rule, c in sorted(rules.items(), key=lambda kv: (-kv[1].total(), kv[0])):
        false = c.total() - c[MATCHED]
        lines.append(f"{c[MATCHED]:>7} {false:>5} " + " ".join(f"{c[n]:>3}" for n in short) + f"  {rule}")
    return lines


def example_lines(tallies: dict[str, Tally], what: str) -> list[str]:
    """Per class, its pages and localities (doc ids and gold/predicted localities only)."""
    order = MISS_ORDER if what == "misses" else FP_ORDER
    totals: Counter[str] = sum((getattr(t, what) for t in tallies.values()), Counter())
    lines = []
    for name, total in sorted(totals.items(), key=_order(order)):
        shown = [x for t in tallies.values() for x in t.examples.get(name, [])]
        lines.append(f"{total:>4}  {name}: " + "; ".join(shown))
    return lines


def report(tallies: dict[str, Tally], examples: bool = False) -> str:
    """The whole printout: scores, missed gold events, false predictions, first rules [examples]."""
    out = ["== events per part", *score_lines(tallies), "", "== missed gold events by stage",
           *count_table(tallies, "misses"), "", "== false predictions by kind",
           *count_table(tallies, "falses"),
           "", "== predictions by the first drafting rule of their trace (all parts)", *rule_table(tallies)]
    if examples:
        out += ["", "== examples: missed gold events", *example_lines(tallies, "misses"),
                "", "== examples: false predictions [first drafting rule]", *example_lines(tallies, "falses")]
    return "\n".join(out)


# --- the parts ----------------------------------------------------------------------------------


def refused(part: str) -> str | None:
    """Why ``part`` may not be classified here (None when it may)."""
    if part in realnews.ANALYSABLE:
        return None
    if part in (*realnews.HELD_OUT, "blind"):
        return (f"realnews_stages: {part} is held out: its errors are never read"
                " (score it with benchmarks/realnews.py)")
    return f"realnews_stages: unknown part {part!r} (analysable: {' '.join(realnews.ANALYSABLE)})"


def gold_file(part: str, given: Path | None, halves: Path | None) -> Path | str:
    """The gold file of ``part``, or why there is none to read (an even half, blind, held out)."""
    if given is None and part in realnews.HALVED:
        if halves is None:
            return (f"realnews_stages: {part}'s even half is a check:"
                    f" give its odd half (--{part} FILE or --halves DIR)")
        given = halves / f"{part}_odd.jsonl"
    path = given or realnews.REALNEWS / f"{part}.jsonl"
    if "_even" in path.name or any(h in path.name for h in ("blind", *realnews.HELD_OUT)):
        return f"realnews_stages: {path} is a check or held-out file: never classified"
    return path


def arguments() -> argparse.ArgumentParser:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0].replace("\n", " "))
    ap.add_argument("--parts", nargs="+", default=list(realnews.ANALYSABLE),
                    help="analysable parts to classify")
    ap.add_argument("--texts", type=Path, default=realnews.REALNEWS / "texts",
                    help="folder of <doc_id>.txt texts")
    ap.add_argument("--halves", type=Path, default=None, help="folder of the odd halves, <part>_odd.jsonl")
    for part in realnews.ANALYSABLE:
        ap.add_argument(f"--{part}", type=Path, default=None, help=f"gold file of the {part} part")
    ap.add_argument("--urls", action="store_true", help="pass each page's address to the extractor")
    ap.add_argument("--examples", action="store_true", help="list the doc ids and localities of each class")
    return ap


def resolve_parts(args: argparse.Namespace) -> list[tuple[str, Path]] | str:
    """(part, gold file) of each asked part, or the first reason to refuse the run."""
    out: list[tuple[str, Path]] = []
    for part in args.parts:
        why = refused(part)
        gold = gold_file(part, getattr(args, part, None), args.halves) if why is None else why
        if isinstance(gold, str):
            return gold
        if not gold.is_file():
            return f"realnews_stages: no gold file at {gold}"
        out.append((part, gold))
    return out


def main(argv: list[str] | None = None) -> int:
    args = arguments().parse_args(argv)
    parts = resolve_parts(args)
    if isinstance(parts, str):
        print(parts, file=sys.stderr)
        return 2
    texts = args.texts if args.texts.is_dir() else None
    tallies: dict[str, Tally] = {}
    for part, gold in parts:
        tallies[part] = tally_part(part, gold, texts, args.urls)
        print(f"{part}: {tallies[part].pages} pages classified", file=sys.stderr, flush=True)
    print(report(tallies, args.examples))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
