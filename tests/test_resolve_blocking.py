"""The batch resolver (protestdb.resolve.blocking) against the store's one-article path.

Random small inputs (our own made-up places, venues and organizations): the batch
resolver must group mentions exactly as ``Store.ingest`` does, build the same events,
and ``bulk_write`` must store what ``Store.ingest`` stores.
"""

from __future__ import annotations

import gc
import random
from datetime import date, timedelta
from pathlib import Path

import pytest

from protestdb.models import Article, Event, EventMention
from protestdb.resolve.blocking import (
    build_event,
    bulk_add_articles,
    bulk_load,
    bulk_write,
    resolve_batch,
    resolve_stream,
)
from protestdb.resolve.merge import (
    DENSE_BLOCK,
    best_match,
    event_from_mention,
    event_id_for,
    match_key,
    match_score,
    merge_into,
)
from protestdb.store import open_store

PLACES = [("Springfield", "IL"), ("City of Springfield", "IL"), ("Springfield", "MO"), ("Shelbyville", "IL"), (None, None)]
TYPES = [["rally"], ["march"], ["rally", "march"], ["vigil"], ["counter-protest"], ["demonstration"], ["strike"]]
VENUES = [None, None, "Town Hall", "the town hall steps", "Lincoln Park", "Oak Street High School", "the courthouse"]
ORGS = [[], [], ["Prairie Tenants Union"], ["PTU"], ["prairie tenants union", "Oak Parents Council"], ["River Nurses Guild"]]
TITLES = [None, None, None, "Hands Off Day", "#HandsOff", "Spring Walkout"]
ISSUES = [[], ["housing"], ["labor"], ["housing", "labor"]]
CLAIMS = [[], ["against rent increases"], ["protesting rent increases"], ["for safe staffing"]]
SIZES = [(None, None, None), ("dozens", 24, None), ("about 300", 300, None), ("300 to 500", 300, 500), ("thousands", 2000, None)]


def _mention(rng: random.Random, day: date) -> EventMention:
    loc, st = rng.choice(PLACES)
    size_text, low, high = rng.choice(SIZES)
    dated = rng.random() < 0.95
    m = EventMention(
        date=day.isoformat() if dated else None,
        date_precision=rng.choice(["day", "day", "unknown"]),
        locality=loc, state=st, country="US" if rng.random() < 0.9 else None,
        event_type=list(rng.choice(TYPES)), location=rng.choice(VENUES) if dated else None, organizations=list(rng.choice(ORGS)),
        # undated reports without an action name or venue: the store may join an undated report to a
        # dated event on strong evidence (name + organizer or venue ...), the batch resolver does not
        title=rng.choice(TITLES) if dated else None, issues=list(rng.choice(ISSUES)), claims_summary=list(rng.choice(CLAIMS)),
        size_text=size_text, size_low=low, size_high=high, size_cat=0,
        valence=rng.choice([None, None, 1, 2]), arrests=rng.choice([None, None, 2]),
        announced_only=rng.random() < 0.2, online=rng.random() < 0.1,
        participants=rng.choice([[], ["Nurses"], ["nurses", "students"]]),
    )
    for f in m.filled_fields():  # evidence for every value (offsets need not point anywhere here)
        start = rng.randrange(0, 200)
        m.add_evidence(f, start, start + 5, f"{f}-{start}")
    return m


def _articles(seed: int, n_articles: int = 60, days: int = 4) -> list[tuple[Article, list[EventMention]]]:
    """Articles in date order, each telling 1-3 mentions of one day."""
    rng = random.Random(seed)
    out = []
    for i in range(n_articles):
        day = date(2025, 4, 1) + timedelta(days=i * days // n_articles)
        art = Article.make(f"Made-up test article {seed}-{i}.", outlet=f"Outlet {i % 7}", published=day)
        ms = [_mention(rng, day) for _ in range(rng.choice((1, 1, 2, 3)))]
        out.append((art, [m.model_copy(update={"article_id": art.id, "index": j}) for j, m in enumerate(ms)]))
    return out


def _partition(groups: list[list[tuple[str, int]]]) -> set[frozenset[tuple[str, int]]]:
    return {frozenset(g) for g in groups}


def _comparable(ev: Event) -> dict:
    d = ev.model_dump(exclude={"created_at", "updated_at", "sources"})
    d["evidence"] = {f: sorted((s["article_id"], s["start"], s["end"], s["quote"]) for s in spans)
                     for f, spans in d["evidence"].items()}
    return d


def test_build_event_equals_merge_into_chain() -> None:
    rng = random.Random(3)
    for trial in range(200):
        day = date(2025, 5, 1)
        ms = []
        for j in range(rng.randint(1, 5)):
            m = _mention(rng, day)
            ms.append(m.model_copy(update={"article_id": f"a{trial}-{j}", "index": j}))
        ev = event_from_mention(ms[0], "ev_x")
        for m in ms[1:]:
            ev = merge_into(ev, m)
        fast = build_event(ms, "ev_x")
        assert fast.model_dump() == ev.model_dump()


@pytest.mark.parametrize("seed", range(1, 11))
def test_batch_groups_like_the_store(tmp_path: Path, seed: int) -> None:
    arts = _articles(seed)
    store = open_store(tmp_path / "one_by_one.sqlite")
    by_event: dict[str, list[tuple[str, int]]] = {}
    for art, ms in arts:
        res = store.ingest(art, ms)
        for m, eid in zip(ms, res.event_ids, strict=True):
            by_event.setdefault(eid, []).append((art.id, m.index))
    resolved = resolve_batch([m for _, ms in arts for m in ms])
    batch = {r.event.id: [(m.article_id or "", m.index) for m in r.mentions] for r in resolved}
    assert sum(len(v) for v in batch.values()) == sum(len(ms) for _, ms in arts)
    assert _partition(list(batch.values())) == _partition(list(by_event.values()))
    assert len(by_event) < sum(len(ms) for _, ms in arts)  # the input does hold duplicates
    # the same events (ids, fields, evidence) as the store built
    for r in resolved:
        stored = store.get_event(r.event.id)
        assert stored is not None
        assert _comparable(r.event) == _comparable(stored)
    store.close()


def test_bulk_write_stores_what_ingest_stores(tmp_path: Path) -> None:
    arts = _articles(11)
    one = open_store(tmp_path / "one.sqlite")
    for art, ms in arts:
        one.ingest(art, ms)
    bulk = open_store(tmp_path / "bulk.sqlite")
    with bulk_load(bulk):
        assert bulk_add_articles(bulk, [a for a, _ in arts]) == len(arts)
        n_ev, n_m = bulk_write(bulk, resolve_batch([m for _, ms in arts for m in ms]), batch=7)
    assert n_m == sum(len(ms) for _, ms in arts)
    assert bulk_add_articles(bulk, [a for a, _ in arts]) == 0  # keyed by content hash
    assert bulk.counts()["events"] == one.counts()["events"] == n_ev
    assert bulk.conn.execute("PRAGMA journal_mode").fetchone()[0].lower() == "wal"  # normal settings are back
    assert gc.isenabled()
    for ev in one.query_events():
        got = bulk.get_event(ev.id)
        assert got is not None
        assert _comparable(got) == _comparable(ev)
        assert {s.article_id for s in got.sources} == {s.article_id for s in ev.sources}
    assert bulk.query_events(q="Springfield")  # full-text rows were written too
    one.close()
    bulk.close()


def test_bulk_load_refuses_a_store_with_data(tmp_path: Path) -> None:
    store = open_store(tmp_path / "s.sqlite")
    art = Article.make("A made-up article about a rally.")
    store.ingest(art, [EventMention(date="2025-01-02", locality="Shelbyville", state="IL", event_type=["rally"])])
    with pytest.raises(ValueError), bulk_load(store):
        pass
    store.close()


def test_stream_yields_before_the_input_ends() -> None:
    consumed = 0

    def feed():
        nonlocal consumed
        for d in range(10):
            for i in range(3):
                consumed += 1
                yield EventMention(article_id=f"a{d}-{i}", date=(date(2025, 1, 1) + timedelta(days=d)).isoformat(),
                                   locality=f"Town {i}", state="IL", event_type=["rally"])

    it = resolve_stream(feed())
    first = next(it)
    assert consumed < 30 and first.event.date == "2025-01-01"
    assert len(list(it)) == 29


def _thin(day: str, article: str, **kw) -> EventMention:
    return EventMention(article_id=article, date=day, locality="Shelbyville", state="IL", country="US",
                        event_type=["vigil"], **kw)


def test_thin_mention_in_a_dense_block_needs_more_agreement() -> None:
    day = "2025-03-08"
    vigil = event_from_mention(
        _thin(day, "src", location="Lincoln Park", size_low=60, claims_summary=["against the shelter closure"]),
        event_id_for("src", 0),
    )
    others = [
        event_from_mention(
            EventMention(article_id=f"o{i}", date=day, locality="Shelbyville", state="IL", country="US",
                         event_type=["march"], location=f"Elm Street {i}"),
            event_id_for(f"o{i}", 0),
        )
        for i in range(DENSE_BLOCK)
    ]
    thin = _thin(day, "new")
    assert match_key(thin).thin
    assert (match_score(vigil, thin) or 0) >= 1.5
    assert best_match([vigil], thin) is vigil  # alone in its block: the only vigil that day
    assert best_match([vigil, *others], thin) is None  # a busy day in town: a bare "vigil" is not enough
    sized = _thin(day, "new", size_low=50)  # the same order of magnitude
    assert best_match([vigil], sized) is vigil
    assert best_match([vigil, *others], sized) is None  # on a busy day a crowd size alone is weak identity
    claimed = _thin(day, "new", claims_summary=["for safe staffing"])  # other claims
    assert best_match([vigil], claimed) is vigil and best_match([vigil, *others], claimed) is None
    detailed = _thin(day, "new", size_low=50, claims_summary=["protesting the shelter closure"])
    assert best_match([vigil, *others], detailed) is vigil
    focal = _thin(day, "new", location="City Hall")  # a focal place without specific words stays thin
    assert match_key(focal).thin
    far = _thin(day, "new", size_low=5000)
    assert best_match([vigil, *others], far) is None
    named = _thin(day, "new", location="Lincoln Park")  # a venue: not thin
    assert best_match([vigil, *others], named) is vigil


def test_claims_and_sizes_count_as_agreement() -> None:
    day = "2025-06-01"
    ev = event_from_mention(_thin(day, "src", claims_summary=["against the shelter closure"]), "ev_c")
    same = match_score(ev, _thin(day, "x", claims_summary=["protesting the shelter closure"]))
    other = match_score(ev, _thin(day, "x", claims_summary=["for safe staffing"]))
    plain = match_score(ev, _thin(day, "x"))
    assert same is not None and other is not None and plain is not None
    assert same > plain > other
