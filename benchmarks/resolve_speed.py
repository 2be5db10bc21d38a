"""Resolution at scale: synthetic event mentions -> resolved events in a store.

Generates N mentions (default 1,000,000) over ~20k synthetic localities (Zipf-like: a few
big cities, a long tail) in 50 states and every day of a year; ~30% of mentions are the
same event told again by another "outlet". Like real reports of one event, the copies
share some of: venue words (other wording), organizers (or their acronym), the size's
order of magnitude (other size words), the claims (other framing) and the issue; some
are dated a day later (late-night events). Some events are thin (a type and a place
only). Many distinct events share a city and a day (look-alikes; the biggest city has
~30 a day). Prints the time of generation and of resolving + writing separately (wall
and CPU), rate, peak RSS, and pairwise merge precision / recall against the truth
(overall and for mentions in dense blocks).

    nice python benchmarks/resolve_speed.py --n 100000            # batch resolver + bulk insert
    nice python benchmarks/resolve_speed.py --n 20000 --mode store  # store.ingest per article
"""

from __future__ import annotations

import argparse
import random
import resource
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path

from protestdb.evaluate.pairwise import pairwise_pr
from protestdb.models import Article, EventMention
from protestdb.resolve.blocking import bulk_add_articles, bulk_load, bulk_write, resolve_stream
from protestdb.store import open_store

STATES = ["AL", "AK", "AZ", "AR", "CA", "CO", "CT", "DE", "FL", "GA", "HI", "ID", "IL", "IN", "IA", "KS", "KY",
          "LA", "ME", "MD", "MA", "MI", "MN", "MS", "MO", "MT", "NE", "NV", "NH", "NJ", "NM", "NY", "NC", "ND",
          "OH", "OK", "OR", "PA", "RI", "SC", "SD", "TN", "TX", "UT", "VT", "VA", "WA", "WV", "WI", "WY"]
SYL = ["ash", "bel", "car", "dun", "el", "fair", "glen", "har", "ing", "jas", "kel", "lin", "mor", "nor", "ot",
       "pine", "quin", "ros", "sal", "ton", "ul", "ver", "wes", "yar", "zel", "brook", "field", "ford", "ville"]
TYPES = [("rally", 40), ("march", 15), ("demonstration", 10), ("vigil", 8), ("picket", 8), ("walkout", 5),
         ("strike", 4), ("counter-protest", 3), ("sit-in", 2), ("motorcade", 2), ("boycott", 3)]
VENUES = [("City Hall", "the City Hall steps"), ("County Courthouse", "the courthouse"),
          ("Main Street Park", "Main Street Park lawn"), ("State Capitol", "the Capitol"),
          ("Federal Building", "the federal building plaza"), ("Memorial Square", "Memorial Sq."),
          ("Public Library", "the main library"), ("High School", "the high school"),
          ("University Quad", "the campus quad"), ("Union Hall", "the union hall"),
          ("Police Headquarters", "police headquarters"), ("Riverside Park", "Riverside Park pavilion"),
          ("Town Green", "the town green"), ("Convention Center", "the convention center"),
          ("Tesla Showroom", "the Tesla showroom")]
#: Specific venues: a name and a kind, told in two wordings ("Hoover High School" / "Hoover High").
VENUE_NAMES = ["Lincoln", "Hoover", "Maple", "Cedar", "Garfield", "Jackson", "Franklin", "Kennedy", "Chavez", "Parks",
               "Douglass", "Tubman", "Madison", "Monroe", "Grant", "Sherman", "Oak", "Elm", "Willow", "Birch",
               "Harbor", "Summit", "Meadow", "Lakeview", "Hillcrest", "Brookside", "Fairview", "Riverside",
               "Pioneer", "Liberty", "Union", "Heritage", "Victory", "Sunset", "Highland", "Westwood", "Eastgate",
               "Northgate", "Carver", "Roosevelt", "Wilson", "Adams", "Jefferson", "Bethune", "Marshall", "Dewey",
               "Holloway", "Ashland", "Kingsley", "Prescott", "Whitman", "Thoreau", "Emerson", "Alcott", "Hawthorne"]
VENUE_KINDS = [("{n} Park", "the {n} Park lawn"), ("{n} High School", "{n} High"), ("{n} Library", "the {n} branch library"),
               ("{n} Plaza", "{n} Plaza"), ("{n} Street", "{n} St."), ("{n} Community Center", "the {n} center"),
               ("{n} Medical Center", "{n} hospital")]
ORG_A = ["Northside", "Riverside", "United", "Valley", "Metro", "Coastal", "Prairie", "Harbor", "Mountain", "Lakeside",
         "Eastern", "Western", "Central", "Southern", "Greater", "People's", "Grassroots", "Neighborhood"]
ORG_B = ["Tenants", "Workers", "Nurses", "Teachers", "Students", "Immigrant", "Climate", "Veterans", "Parents",
         "Faith", "Justice", "Peace", "Housing", "Farmworkers", "Riders", "Women's", "Youth", "Democracy"]
ORG_C = ["Alliance", "Union", "Coalition", "Network", "Council", "Collective", "Project", "Committee", "Action"]
SIZES = [("dozens", 24, None), ("about {n}", None, None), ("hundreds", 200, None), ("more than {n}", None, None),
         ("thousands", 2000, None), ("a few hundred", 300, None), ("nearly {n}", None, None)]


def make_places(rng: random.Random, n: int) -> list[tuple[str, str]]:
    names: set[tuple[str, str]] = set()
    while len(names) < n:
        name = "".join(rng.choice(SYL) for _ in range(rng.choice((2, 2, 3)))).capitalize()
        names.add((name, rng.choice(STATES)))
    return sorted(names)


def make_orgs(rng: random.Random) -> list[str]:
    orgs = [f"{a} {b} {c}" for a in ORG_A for b in ORG_B for c in ORG_C]
    rng.shuffle(orgs)
    return orgs


def acronym(name: str) -> str:
    return "".join(w[0] for w in name.replace("'s", "").split()).upper()


ISSUE_CLAIMS = {
    "immigration": ["ICE raids", "deportations", "the detention center", "family separations"],
    "labor": ["a fair contract", "higher wages", "safe staffing", "the right to organize"],
    "education": ["school budget cuts", "teacher layoffs", "the book bans", "campus police"],
    "climate": ["the pipeline", "fossil fuel subsidies", "the new gas plant", "clean air rules"],
    "housing": ["rent increases", "evictions", "the shelter closure", "rent control"],
    "policing": ["police violence", "the police budget", "the new jail", "a police shooting"],
    "democracy": ["the federal cuts", "voter purges", "the new district maps", "the administration"],
    "palestine": ["the war in Gaza", "arms shipments", "the siege", "university investments"],
}
CLAIM_FRAMES = ("against {c}", "to protest {c}", "protesting {c}", "opposing {c}")


class Truth:
    """One true event: what every report of it derives from."""

    __slots__ = ("id", "day", "locality", "state", "etype", "venue", "org", "size", "issue", "claim")

    def __init__(self, i: int, day: date, place: tuple[str, str], etype: str, venue: tuple[str, str] | None,
                 org: str | None, size: int | None, issue: str | None = None, claim: str | None = None) -> None:
        self.id, self.day, self.etype, self.venue, self.org, self.size = i, day, etype, venue, org, size
        self.issue, self.claim = issue, claim
        self.locality, self.state = place


def _fits(size: tuple[str, int | None, None], n: int) -> bool:
    """Size words a reporter could use for a crowd of ``n``."""
    low = size[1]
    return low is None or low / 4 <= n <= low * 4


def report(rng: random.Random, t: Truth, first: bool) -> tuple[str, dict]:
    """One outlet's sentence about ``t`` and the mention fields with their quotes.

    The first report tells everything the truth has; each other report tells each
    attribute with some chance, but at least one of venue, organizer, size and claim
    when the truth has any (real reports of one event share some of them).
    """
    kw: dict = {"locality": t.locality, "state": t.state, "country": "US", "event_type": [t.etype],
                "date_precision": "day"}
    day = t.day
    if not first and t.venue is not None and t.org is not None and rng.random() < 0.1:
        day = t.day + timedelta(days=1)  # reported the next day (late-night event)
    kw["date"] = day.isoformat()
    quotes = {"locality": t.locality, "state": t.state, "date": day.strftime("%B %d").replace(" 0", " ")}
    has = [a for a, v in (("venue", t.venue), ("org", t.org), ("size", t.size), ("claim", t.claim)) if v is not None]
    share = {"venue": 0.8, "org": 0.75, "size": 0.7, "claim": 0.5}
    told = {a for a in has if first or rng.random() < share[a]}
    if has and not told:
        told.add(rng.choice(has))
    venue = ""
    if "venue" in told:
        v = t.venue[0 if first or rng.random() < 0.5 else 1]  # type: ignore[index]
        kw["location"], quotes["location"], venue = v, v, f" at {v}"
    org = ""
    if "org" in told:
        o = t.org if first or rng.random() < 0.6 else acronym(t.org)  # type: ignore[arg-type]
        kw["organizations"], quotes["organizations"], org = [o], o, f", organized by {o}"
    size = ""
    if "size" in told:
        n = max(5, int(t.size * rng.uniform(0.6, 1.6)))  # type: ignore[operator]
        words, low, _ = rng.choice([x for x in SIZES if _fits(x, n)])
        words = words.format(n=f"{n:,}")
        low = low if low is not None else (n + 1 if words.startswith("more") else n)
        kw.update(size_text=words, size_low=low)
        quotes["size_text"], size = words, f"{words} people "
    claim = ""
    if "claim" in told:
        c = rng.choice(CLAIM_FRAMES).format(c=t.claim)
        kw["claims_summary"], quotes["claims_summary"], claim = [c], c, f" {c}"
    if t.issue is not None and (first or rng.random() < 0.7):
        kw["issues"] = [t.issue]
    verb = {"rally": "rallied", "march": "marched", "vigil": "held a vigil"}.get(t.etype, f"held a {t.etype}")
    quotes["event_type"] = verb
    text = f"In {t.locality}, {t.state}, {size}{verb}{venue}{claim} on {quotes['date']}{org}."
    return text, {"kw": kw, "quotes": quotes}


def generate(n_mentions: int, seed: int, dup_share: float = 0.3, n_places: int = 20000,
             year: int = 2025, days: int = 365) -> Iterator[tuple[list[Article], list[EventMention], list[int]]]:
    """Per day (in date order): the day's articles, their mentions (with ids) and truth ids."""
    rng = random.Random(seed)
    places = make_places(rng, n_places)
    weights = [1 / (r + 1) ** 0.7 for r in range(len(places))]
    orgs = make_orgs(rng)
    org_weights = [1 / (r + 1) ** 0.5 for r in range(len(orgs))]
    types, tw = zip(*TYPES, strict=True)
    issues = list(ISSUE_CLAIMS)
    n_events = int(n_mentions * (1 - dup_share))
    per_day = n_events / days
    start = date(year, 1, 1)
    buckets: dict[date, list[tuple[str, dict, int]]] = {}
    made = tid = 0
    for d in range(days + 1):
        day = start + timedelta(days=d)
        if d < days:
            k = int(per_day * (d + 1)) - int(per_day * d)
            chosen = rng.choices(places, weights=weights, k=k)
            for place in chosen:
                issue = rng.choice(issues) if rng.random() < 0.9 else None
                if rng.random() < 0.75:  # a third of venues are a city's focal places (City Hall ...)
                    if rng.random() < 0.33:
                        venue: tuple[str, str] | None = VENUES[rng.randrange(len(VENUES))]
                    else:
                        n, kind = rng.choice(VENUE_NAMES), rng.choice(VENUE_KINDS)
                        venue = (kind[0].format(n=n), kind[1].format(n=n))
                else:
                    venue = None
                t = Truth(tid, day, place, rng.choices(types, weights=tw)[0], venue,
                          rng.choices(orgs, weights=org_weights)[0] if rng.random() < 0.65 else None,
                          int(rng.lognormvariate(4.5, 1.3)) if rng.random() < 0.8 else None,
                          issue, rng.choice(ISSUE_CLAIMS[issue]) if issue and rng.random() < 0.6 else None)
                tid += 1
                copies = 1
                while rng.random() < dup_share and copies < 6:  # mean copies 1 / (1 - dup_share)
                    copies += 1
                for c in range(copies):
                    if made >= n_mentions:
                        break
                    text, m = report(rng, t, c == 0)
                    buckets.setdefault(date.fromisoformat(m["kw"]["date"]), []).append((text, m, t.id))
                    made += 1
        for bday in sorted(b for b in buckets if b < day or d == days):
            items = buckets.pop(bday)
            rng.shuffle(items)
            yield _articles(items, bday, rng)


def _articles(items: list[tuple[str, dict, int]], day: date, rng: random.Random):
    arts: list[Article] = []
    mentions: list[EventMention] = []
    truth: list[int] = []
    i = 0
    while i < len(items):
        k = rng.choice((1, 1, 2, 3))
        chunk, seen = [], set()
        while i < len(items) and len(chunk) < k and items[i][2] not in seen:
            seen.add(items[i][2])
            chunk.append(items[i])
            i += 1
        text = " ".join(c[0] for c in chunk) + f" [{day.isoformat()}-{len(arts)}-{rng.random():.12f}]"
        art = Article.make(text, outlet=f"Outlet {rng.randrange(500)}", published=day + timedelta(days=1))
        arts.append(art)
        offset = 0
        for idx, (sent, m, t) in enumerate(chunk):
            em = EventMention(article_id=art.id, index=idx, **m["kw"])
            for field, quote in m["quotes"].items():
                s = sent.find(quote)
                if s >= 0:
                    em.add_evidence(field, offset + s, offset + s + len(quote), quote, art.id)
            mentions.append(em)
            truth.append(t)
            offset += len(sent) + 1
    return arts, mentions, truth


class Clock:
    """Wall and CPU seconds spent inside ``with clock:`` blocks (re-entrant free: not nested)."""

    def __init__(self) -> None:
        self.wall = self.cpu = 0.0

    def __enter__(self) -> Clock:
        self._w, self._c = time.perf_counter(), time.process_time()
        return self

    def __exit__(self, *exc: object) -> None:
        self.wall += time.perf_counter() - self._w
        self.cpu += time.process_time() - self._c

    def __str__(self) -> str:
        return f"{self.wall:.1f}s wall / {self.cpu:.1f}s CPU"


def timed(it: Iterator, clock: Clock) -> Iterator:
    """``it`` with the time spent producing each item added to ``clock``."""
    while True:
        with clock:
            try:
                x = next(it)
            except StopIteration:
                return
        yield x


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--n", type=int, default=1_000_000, help="mentions to generate")
    ap.add_argument("--mode", choices=("batch", "store"), default="batch")
    ap.add_argument("--db", help="store path (default: a temporary file; must be new in batch mode)")
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--days", type=int, default=365, help="days the mentions spread over (fewer: denser)")
    args = ap.parse_args(argv)
    tmp = tempfile.TemporaryDirectory()
    db = args.db or str(Path(tmp.name) / "bench.sqlite")
    store = open_store(db)
    where: dict[tuple[str, int], int] = {}
    truth_of: dict[tuple[str, int], int] = {}
    block_size: dict[tuple[str, int], int] = {}  # events of the mention's truth city and day
    gen, arts_clock, res_clock, total = Clock(), Clock(), Clock(), Clock()
    n_m = n_ev = 0
    with total:
        if args.mode == "batch":
            def stream() -> Iterator[EventMention]:
                for arts, mentions, truth in timed(generate(args.n, args.seed, days=args.days), gen):
                    with arts_clock:
                        bulk_add_articles(store, arts)
                    per_block = Counter((m.locality, m.date) for m in mentions)
                    for m, t in zip(mentions, truth, strict=True):
                        truth_of[(m.article_id, m.index)] = t
                        block_size[(m.article_id, m.index)] = per_block[(m.locality, m.date)]
                    yield from mentions

            ids: dict[str, int] = {}

            def tracked():
                for r in timed(resolve_stream(stream()), res_clock):
                    eid = ids.setdefault(r.event.id, len(ids))
                    for m in r.mentions:
                        where[(m.article_id, m.index)] = eid
                    yield r

            with bulk_load(store):
                n_ev, n_m = bulk_write(store, tracked())
        else:
            ids = {}
            for arts, mentions, truth in timed(generate(args.n, args.seed, days=args.days), gen):
                by_art: dict[str, list[tuple[EventMention, int]]] = {}
                for m, t in zip(mentions, truth, strict=True):
                    by_art.setdefault(m.article_id or "", []).append((m, t))
                for art in arts:
                    ms = by_art.get(art.id, [])
                    res = store.ingest(art, [m for m, _ in ms])
                    for (m, t), eid in zip(ms, res.event_ids, strict=True):
                        where[(art.id, m.index)] = ids.setdefault(eid, len(ids))
                        truth_of[(art.id, m.index)] = t
                    n_m += len(ms)
            n_ev = len(ids)
    keys = list(where)
    p, r, *_ = pairwise_pr([where[k] for k in keys], [truth_of[k] for k in keys])
    dense = [k for k in keys if block_size.get(k, 0) >= 40]  # ~20+ events that day in that city
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    counts = store.counts()
    store.close()
    print(f"mode={args.mode} mentions={n_m:,} true_events={len(set(truth_of.values())):,} resolved_events={n_ev:,}")
    work_wall, work_cpu = total.wall - gen.wall, total.cpu - gen.cpu
    print(f"total: {total}; generation: {gen}; resolve+write (without generation): {work_wall:.1f}s wall /"
          f" {work_cpu:.1f}s CPU")
    if args.mode == "batch":
        res_wall = res_clock.wall - gen.wall - arts_clock.wall
        res_cpu = res_clock.cpu - gen.cpu - arts_clock.cpu
        print(f"  of which: insert articles {arts_clock}; resolve {res_wall:.1f}s wall / {res_cpu:.1f}s CPU;"
              f" write events {total.wall - res_clock.wall:.1f}s wall / {total.cpu - res_clock.cpu:.1f}s CPU")
    print(f"rate={n_m / work_wall:,.0f} mentions/s (resolve+write wall) peak_rss={rss:,.0f} MB")
    print(f"pairwise merge precision={p:.4f} recall={r:.4f}")
    if dense:
        dp, dr, *_ = pairwise_pr([where[k] for k in dense], [truth_of[k] for k in dense])
        print(f"dense blocks (>= 40 mentions a city-day): {len(dense):,} mentions, precision={dp:.4f} recall={dr:.4f}")
    print(f"store: {counts['events']:,} events, {counts['sources']:,} sources, {counts['evidence']:,} evidence rows,"
          f" {counts['articles']:,} articles, db={Path(db).stat().st_size / 1e6:,.0f} MB")
    tmp.cleanup()
    return 0


if __name__ == "__main__":
    sys.exit(main())
