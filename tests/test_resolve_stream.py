"""Resolution in the store path on a generated news stream (issue 5: over-merging).

A generator (our own sentence templates) writes short articles about K cities over D
distinct days: a recurring daily rally by one group at one venue in each city (the
hardest case for the +/- 1 day rule: consecutive days share venue and organizers),
retold by several outlets in different words and published 0-2 days later (the text
says "on Tuesday" or "on March 4"), plus on some days a distinct action of another
group at another venue the same day (a vigil). Articles go through the real pipeline
(`ingest_paths`: read, extract, geocode, resolve, store); the events are compared with
the generator's truth by pairwise merge precision / recall over mentions.
"""

from __future__ import annotations

import random
from datetime import date, timedelta
from pathlib import Path

from protestdb.evaluate.pairwise import pairwise_pr
from protestdb.pipeline import ingest_paths
from protestdb.store import open_store

CITIES = [  # (city, state words, a venue for the rally, one for the vigil)
    ("Denver", "Colorado", "Civic Center Park", "Cathedral Basilica"),
    ("Austin", "Texas", "the Texas Capitol", "Saint Mary Cathedral"),
    ("Portland", "Oregon", "Pioneer Courthouse Square", "Holladay Park"),
    ("Minneapolis", "Minnesota", "Loring Park", "Powderhorn Park"),
    ("Atlanta", "Georgia", "Centennial Olympic Park", "Woodruff Park"),
    ("Phoenix", "Arizona", "Cesar Chavez Plaza", "Encanto Park"),
    ("Seattle", "Washington", "Westlake Park", "Cal Anderson Park"),
    ("Columbus", "Ohio", "Goodale Park", "Schiller Park"),
    ("Raleigh", "North Carolina", "Moore Square", "Dorothea Dix Park"),
    ("Boston", "Massachusetts", "Boston Common", "Copley Square"),
]
GROUP_A = ["Workers United Alliance", "Tenant Power Network", "Coalition for Fair Wages", "Climate Action Now"]
GROUP_B = ["Faith Neighbors Circle", "Mothers for Peace", "Interfaith Refugee League", "Students for Safe Schools"]
OUTLETS = ["Daily Ledger", "Metro Wire", "Evening Courier", "Valley Sun"]

RALLY = [
    "{CITY}, {STATE} - Hundreds of people rallied at {VENUE} {WHEN} to demand higher wages. The rally was "
    "organized by the {GROUP}, which said it would keep gathering every day this week.",
    "About {SIZE} protesters gathered {WHEN} at {VENUE} in {CITY}, {STATE}, for a rally called by the {GROUP}. "
    "Speakers demanded higher wages and chanted outside the park.",
    "Members of the {GROUP} held a rally at {VENUE} in {CITY}, {STATE}, {WHEN}, their latest daily protest "
    "for higher wages. Organizers counted about {SIZE} people.",
]
VIGIL = [
    "{CITY}, {STATE} - The {GROUP} held a candlelight vigil at {VENUE} {WHEN} for victims of gun violence. "
    "Dozens of people lit candles and prayed.",
    "Dozens of mourners attended a vigil organized by the {GROUP} at {VENUE} in {CITY}, {STATE}, {WHEN} "
    "to remember victims of gun violence.",
    "{CITY}, {STATE} - Dozens of people held a candlelight vigil at {VENUE} {WHEN}, organized by the {GROUP}, "
    "to remember victims of gun violence.",
    "Members of the {GROUP} lit candles at a vigil in {VENUE} in {CITY}, {STATE}, {WHEN} for victims of gun "
    "violence.",
]


def _when(day: date, published: date, rng: random.Random) -> str:
    if published == day:
        return "today" if rng.random() < 0.5 else f"on {day:%A}"
    if rng.random() < 0.5 and (published - day).days < 7:
        return f"on {day:%A}"
    return f"on {day:%B} {day.day}"


def generate(k: int = 6, d: int = 4, seed: int = 7) -> list[tuple[str, str, list[str]]]:
    """Articles as (file name, text with a Published line, truth labels of its mentions).

    City c has its daily rally on ``d`` consecutive days (starting on a weekday that
    varies with the city), each told by 2-3 outlets published 0-2 days later; on every
    other rally day a vigil of another group at another venue is told by 1-2 outlets.
    """
    rng = random.Random(seed)
    start = date(2025, 3, 3)  # a Monday
    out: list[tuple[str, str, list[str]]] = []
    for ci, (city, state, venue_a, venue_b) in enumerate(CITIES[:k]):
        group_a, group_b = GROUP_A[ci % len(GROUP_A)], GROUP_B[ci % len(GROUP_B)]
        first = start + timedelta(days=ci % 3)
        for di in range(d):
            day = first + timedelta(days=di)
            actions = [("rally", RALLY, venue_a, group_a, rng.randint(2, 3))]
            if di % 2 == 1:
                actions.append(("vigil", VIGIL, venue_b, group_b, rng.randint(1, 2)))
            for kind, templates, venue, group, n in actions:
                truth = f"{city}:{day}:{kind}"
                for oi in rng.sample(range(len(OUTLETS)), n):
                    pub = day + timedelta(days=rng.randint(0, 2))
                    text = rng.choice(templates).format(
                        CITY=city, STATE=state, VENUE=venue, GROUP=group, WHEN=_when(day, pub, rng),
                        SIZE=rng.choice([150, 200, 250, 300]),
                    )
                    body = f"{kind.title()} in {city}\nPublished: {pub.isoformat()}\n\n{text}\n\n({OUTLETS[oi]})\n"
                    out.append((f"{ci:02d}-{day}-{kind}-{oi}.txt", body, [truth]))
    rng.shuffle(out)
    return out


def run_stream(tmp: Path, k: int = 6, d: int = 4, seed: int = 7) -> dict:
    docs = tmp / "in"
    docs.mkdir(parents=True, exist_ok=True)
    truth_of: dict[str, list[str]] = {}
    for name, text, truths in generate(k, d, seed):
        (docs / name).write_text(text, encoding="utf-8")
        truth_of[name] = truths
    store = open_store(tmp / "db.sqlite")
    rep = ingest_paths(store, [str(docs)], progress=False)
    assert rep.errors == []
    pred, truth, missing = [], [], 0
    rows = store.conn.execute(
        "SELECT s.event_id, a.path, s.mention_index FROM event_sources s JOIN articles a ON a.id = s.article_id"
    ).fetchall()
    by_file: dict[str, list[str]] = {}
    for ev_id, path, idx in rows:
        by_file.setdefault(Path(path).name, []).append((idx, ev_id))
    for name, truths in truth_of.items():
        got = [e for _, e in sorted(by_file.get(name, []))]
        if len(got) != len(truths):
            missing += 1
            continue
        pred.extend(got)
        truth.extend(truths)
    p, r, tp, fp, fn = pairwise_pr(pred, truth)
    return {"P": p, "R": r, "tp": tp, "fp": fp, "fn": fn, "articles": len(truth_of), "bad_articles": missing,
            "events": store.counts().get("events"), "true_events": len(set(truth)), "store": store}


def _ingest(tmp: Path, docs: dict[str, str]):
    folder = tmp / "in"
    folder.mkdir()
    for name, text in docs.items():
        (folder / name).write_text(text, encoding="utf-8")
    store = open_store(tmp / "db.sqlite")
    rep = ingest_paths(store, [str(folder)], progress=False)
    assert rep.errors == [] and rep.new_articles == len(docs)
    return store


def _groups(store) -> dict[str, set[str]]:
    """Event id -> the names of the files it was told by."""
    out: dict[str, set[str]] = {}
    for ev_id, path in store.conn.execute(
        "SELECT s.event_id, a.path FROM event_sources s JOIN articles a ON a.id = s.article_id"
    ):
        out.setdefault(ev_id, set()).add(Path(path).name)
    return out


def test_stream_of_daily_protests_is_not_over_merged(tmp_path: Path) -> None:
    """10 cities x 7 days: a daily rally at one venue by one group, plus vigils of others.

    Measured 2026-11-29: before the fix P 0.45 / R 0.95 (77 events for 100 true ones: the
    +/- 1 day rule chained a daily rally's consecutive days); after it P 1.00 / R 0.96.
    The remaining misses are vigil reports whose locality or organizer extraction missed.
    """
    res = run_stream(tmp_path, k=10, d=7)
    assert res["bad_articles"] == 0
    assert res["P"] >= 0.97, res
    assert res["R"] >= 0.90, res
    assert res["true_events"] <= res["events"] <= res["true_events"] * 1.15, res


def test_distinct_actions_same_city_and_consecutive_days(tmp_path: Path) -> None:
    """Exact events: a rally and a vigil of other groups at other venues the same day, the
    same daily rally the next day, and a late-night march dated Friday by one outlet and
    Saturday by another (the only kind of report a match a day apart is meant for)."""
    c, st = "Seattle", "Washington"
    rally = ("{C}, {S} - Hundreds of people rallied at Westlake Park {W} to demand rent relief. "
             "The rally was organized by the Tenant Power Network.")
    rally2 = ("Members of the Tenant Power Network held a rally at Westlake Park in {C}, {S}, {W}, "
              "their latest daily protest for rent relief. Organizers counted about 200 people.")
    vigil = ("{C}, {S} - Dozens of people held a candlelight vigil at Cal Anderson Park {W}, organized by the "
             "Interfaith Refugee League, to remember victims of gun violence.")
    vigil2 = ("Members of the Interfaith Refugee League lit candles at a vigil in Cal Anderson Park in {C}, {S}, "
              "{W} for victims of gun violence.")
    late = ("{C}, {S} - About 300 protesters marched from Pioneer Square late Friday night, led by the "
            "Coalition for Fair Wages, demanding higher pay.")
    early = ("Early Saturday, about 250 marchers organized by the Coalition for Fair Wages left Pioneer Square "
             "in {C}, {S}, demanding higher pay.")
    plan = {  # name: (template, when, published)
        "tue-rally-a.txt": (rally, "on Tuesday", "2025-03-05"),
        "tue-rally-b.txt": (rally2, "on March 4", "2025-03-06"),
        "tue-rally-c.txt": (rally, "today", "2025-03-04"),
        "tue-vigil-a.txt": (vigil, "on Tuesday", "2025-03-04"),
        "tue-vigil-b.txt": (vigil2, "on March 4", "2025-03-05"),
        "wed-rally-a.txt": (rally, "on Wednesday", "2025-03-06"),
        "wed-rally-b.txt": (rally2, "today", "2025-03-05"),
        "fri-march-a.txt": (late, "", "2025-03-08"),
        "fri-march-b.txt": (early, "", "2025-03-09"),
    }
    docs = {
        name: f"Protest in {c}\nPublished: {pub}\n\n{tpl.format(C=c, S=st, W=when)}\n\n({name})\n"
        for name, (tpl, when, pub) in plan.items()
    }
    groups = sorted(sorted(g) for g in _groups(_ingest(tmp_path, docs)).values())
    assert groups == [
        ["fri-march-a.txt", "fri-march-b.txt"],
        ["tue-rally-a.txt", "tue-rally-b.txt", "tue-rally-c.txt"],
        ["tue-vigil-a.txt", "tue-vigil-b.txt"],
        ["wed-rally-a.txt", "wed-rally-b.txt"],
    ]


def test_near_midnight_words() -> None:
    from protestdb.resolve.merge import near_midnight

    assert near_midnight("late Saturday night") and near_midnight("Early Sunday") and near_midnight("overnight")
    assert not near_midnight("Saturday") and not near_midnight("March 8") and not near_midnight(None)
