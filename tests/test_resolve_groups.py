"""Resolution across articles on hand-made article groups (tests/resolution/*.json).

Each group holds short articles (our own words) and their event mentions, each mention
labelled with the event it truly tells of (``truth``). Evidence is given as quotes and
located in the text by the loader. All groups go into ONE store (so look-alikes across
groups are also tested), in publication order; pairwise precision / recall of "same
event" decisions are printed and asserted.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from protestdb.evaluate.pairwise import pairwise_pr
from protestdb.models import Article, EventMention
from protestdb.resolve.blocking import resolve_batch
from protestdb.store import open_store

GROUPS_DIR = Path(__file__).parent / "resolution"


def load_groups(folder: Path = GROUPS_DIR) -> list[tuple[Article, list[EventMention], list[str]]]:
    """(article, mentions, truth labels) for every article of every group, in publication order."""
    out = []
    for path in sorted(folder.glob("g*.json")):
        g = json.loads(path.read_text(encoding="utf-8"))
        for i, a in enumerate(g["articles"]):
            art = Article.make(
                a["text"], outlet=a["outlet"], published=a["published"], url=f"https://example.org/{g['name']}/{i}"
            )
            mentions, truths = [], []
            for raw in a["mentions"]:
                raw = dict(raw)
                truths.append(f"{g['name']}:{raw.pop('truth')}")
                quotes = raw.pop("evidence", {})
                m = EventMention(**raw)
                for field, quote in quotes.items():
                    start = art.text.find(quote)
                    assert start >= 0, f"{path.name}: quote {quote!r} not in the text"
                    m.add_evidence(field, start, start + len(quote), quote)
                mentions.append(m)
            out.append((art, mentions, truths))
    out.sort(key=lambda t: str(t[0].published))
    return out


def test_groups_are_many_and_well_formed() -> None:
    data = load_groups()
    names = {t.split(":")[0] for _, _, ts in data for t in ts}
    assert len(names) >= 20
    events_per_group: dict[str, set[str]] = {}
    for _, _, ts in data:
        for t in ts:
            events_per_group.setdefault(t.split(":")[0], set()).add(t)
    assert sum(len(v) > 1 for v in events_per_group.values()) >= 8  # many groups hold look-alikes


def _store_resolution(tmp_path: Path):
    store = open_store(tmp_path / "groups.sqlite")
    pred, truth, by_truth = [], [], {}
    for art, mentions, truths in load_groups():
        res = store.ingest(art, mentions)
        assert len(res.event_ids) == len(mentions)
        pred += res.event_ids
        truth += truths
        for eid, t in zip(res.event_ids, truths, strict=True):
            by_truth.setdefault(t, set()).add(eid)
    return store, pred, truth, by_truth


def test_store_resolution_pairwise_pr(tmp_path: Path) -> None:
    store, pred, truth, _ = _store_resolution(tmp_path)
    p, r, tp, fp, fn = pairwise_pr(pred, truth)
    print(f"\nstore resolution: {len(pred)} mentions -> {len(set(pred))} events (truth {len(set(truth))});"
          f" pairwise P={p:.3f} R={r:.3f} (tp={tp} fp={fp} fn={fn})")
    assert p == 1.0
    assert r >= 0.95
    assert len(set(pred)) == len(set(truth)) or r < 1.0
    store.close()


def test_batch_resolver_agrees_with_store(tmp_path: Path) -> None:
    mentions, truth = [], []
    for art, ms, ts in load_groups():
        for i, m in enumerate(ms):
            mentions.append(m.model_copy(update={"article_id": art.id, "index": i}))
        truth += ts
    resolved = resolve_batch(mentions)
    where = {(m.article_id, m.index): r.event.id for r in resolved for m in r.mentions}
    pred = [where[(m.article_id, m.index)] for m in mentions]
    p, r, *_ = pairwise_pr(pred, truth)
    print(f"\nbatch resolution: pairwise P={p:.3f} R={r:.3f}")
    assert p == 1.0 and r >= 0.95


def test_merged_event_keeps_all_sources_sizes_and_evidence(tmp_path: Path) -> None:
    store, _, _, by_truth = _store_resolution(tmp_path)
    (eid,) = by_truth["01_denver_sizes_acronyms:A"]
    ev = store.get_event(eid)
    assert ev is not None and len(ev.sources) == 3
    assert ev.size_text is not None and ev.size_text.split("; ") == ["Several hundred", "About 300", "Nearly 400"]
    assert (ev.size_low, ev.size_cat) == (300, 2)  # the smallest figure
    assert len({s.article_id for s in ev.evidence["size_text"]}) == 3
    for spans in ev.evidence.values():
        for s in spans:
            art = store.get_article(s.article_id or "")
            assert art is not None and art.text[s.start : s.end] == s.quote
    # a counter-protest stays its own event, with both of its sources
    (cp,) = by_truth["02_austin_rally_and_counter:B"]
    cp_ev = store.get_event(cp)
    assert cp_ev is not None and len(cp_ev.sources) == 2 and cp_ev.event_type == ["counter-protest"]
    store.close()


@pytest.mark.parametrize("group", ["04_portland_late_night", "16_george_floyd_square_late"])
def test_late_night_dates_off_by_one_merge(tmp_path: Path, group: str) -> None:
    _, _, _, by_truth = _store_resolution(tmp_path)
    assert len(by_truth[f"{group}:A"]) == 1


def test_match_score_signals() -> None:
    from protestdb.models import Event
    from protestdb.resolve.merge import MATCH_THRESHOLD, match_score, orgs_overlap, venue_tokens

    base = {"date": "2025-05-01", "locality": "Fresno", "state": "CA", "country": "US", "event_type": ["walkout"]}
    ev = Event(id="e", location="Roosevelt High School", **base)
    # two schools of one city: their specific words differ
    assert match_score(ev, EventMention(location="Hoover High School", **base)) is None
    assert (match_score(ev, EventMention(location="Roosevelt High", **base)) or 0) >= MATCH_THRESHOLD
    assert venue_tokens("Fresno City Hall", "Fresno", "CA") == frozenset()
    assert orgs_overlap(["Women's March"], ["WM"]) and orgs_overlap(["the Sunrise Movement"], ["Sunrise Movement"])
    assert not orgs_overlap(["Fresno Teachers Association"], ["Fresno Tenants Union"])
    # a day apart needs more than a shared type; with venue and organizers it merges
    late = {**base, "date": "2025-05-02"}
    assert (match_score(ev, EventMention(**late)) or 0) < MATCH_THRESHOLD
    ev2 = Event(id="e2", location="Roosevelt High School", organizations=["MEChA"], **base)
    assert (match_score(ev2, EventMention(location="Roosevelt High", organizations=["MEChA"], **late)) or 0) >= 1.5
    # opposite sides at one place and day stay apart
    rally = Event(id="r", valence=1, **{**base, "event_type": ["rally"]})
    assert match_score(rally, EventMention(valence=2, **{**base, "event_type": ["rally"]})) is None
    # the same action name, spelled two ways, counts for a match; two different names against
    named = Event(id="n", title="No Kings Day", **{**base, "event_type": ["rally"]})
    plain = match_score(Event(id="p", **{**base, "event_type": ["rally"]}), EventMention(**{**base, "event_type": ["rally"]}))
    same = match_score(named, EventMention(title="#NoKings", **{**base, "event_type": ["rally"]}))
    other = match_score(named, EventMention(title="Hands Off", **{**base, "event_type": ["rally"]}))
    assert plain is not None and same is not None and plain < same
    assert other is None  # two different action names and nothing else in common: not one action
