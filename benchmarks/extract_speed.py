"""Extraction speed and memory (a script that prints numbers, not a test).

    python benchmarks/extract_speed.py [--articles 300] [--repeat 50]

1. ``protestdb.extract.detect.quick_reject`` on generated non-protest articles (business,
   sports, weather; ~500 words each) -> articles/s on one core, and the share rejected.
2. Full ``protestdb.extract.extract_text`` on a ~700-word protest article vs. one spaCy
   ``nlp(text)``, in ``--repeat`` interleaved rounds timed by ``time.process_time`` -> best-of-N
   and median ratio (target <= 1.3). ``--profile`` prints a cProfile of ``extract_text``.
   The baseline is stock ``load_nlp()(text)`` (the full en_core_web_sm, no component
   disabled), so the ratio is the extractor's cost over the parse a user of spaCy pays anyway.
   ``extract_text`` runs the same components and models (``nlp.parse_text``: the same
   annotations), the attribute ruler's matches read from a table of token signatures and the
   rule lemmatizer's cache read by array (``extract/attribute_rules.py``): ~10% of the parse. ``extract_text`` carries no per-text cache
   over from one call to the next (so repeating the same article measures all its work).
   CPU time of this process is robust to other processes, not to a loaded machine (shared
   caches, frequency): the load average is printed beside the numbers; ``--rounds-sets``
   repeats the whole measurement and prints the median of the set medians.
3. The find_dates / find_sizes / find_counts / detect_language helpers alone -> ms per article.
4. Peak RSS of the process -> MB (target <= 1500).
5. ``extract_text`` on 100,000 characters of repetitive text (one long sentence of protest
   words; a repeated two-city report) -> CPU seconds beside one spaCy pass (was ~276 s: quadratic).

All texts are generated or written here; nothing is read from the network or /work/shared.
"""

from __future__ import annotations

import argparse
import os
import random
import resource
import statistics
import sys
import time
from datetime import date

PUBLISHED = date(2025, 4, 14)

PROTEST_ARTICLE = """Thousands march in Riverton as teachers, nurses demand fair pay

By Staff Writer

RIVERTON, Ohio — More than 2,000 teachers, nurses and their supporters marched through downtown Riverton on Saturday, demanding higher wages and smaller class sizes in the largest labor demonstration the city has seen in a decade.

The march began at 10 a.m. at Lincoln Park, where speakers from the Riverton Education Association and the Ohio Nurses Union addressed a crowd that organizers said filled the park's lawn from the bandstand to the fountain. Marchers then walked two miles to the steps of City Hall, chanting "Fund our schools, staff our wards" and carrying hand-painted signs reading "Teachers are workers too" and "Safe staffing saves lives."

"We are here because our classrooms are overcrowded and our hospitals are understaffed," said the president of the teachers' association, speaking to the crowd from a flatbed truck. "The city council has ignored us for three years. Today they cannot ignore us."

Police estimated the crowd at between 2,000 and 3,000 people. No arrests were reported, and a police spokesperson said the march was peaceful. Traffic on Main Street was closed for about two hours.

The demonstration followed a week of smaller actions. On Tuesday, about 300 nurses held an informational picket outside St. Mary's Medical Center, and dozens of students walked out of Riverton High School on Thursday afternoon in solidarity with their teachers. The union says contract talks with the school district stalled in March, after the district offered a 1.5 percent raise over two years.

Riverton's mayor, who did not attend the march, said in a statement that the city "respects the right of every resident to be heard" and that negotiators would return to the table next week. The school board is scheduled to vote on the district budget on April 22.

Across the river in Millbrook, a smaller rally drew several hundred parents and teachers to the county courthouse on Saturday afternoon. Speakers there called on the state legislature to restore education funding cut last year. A counter-protest of about 20 people gathered across the street, holding signs opposing new school taxes. Two people were briefly detained after a shouting match, police said, and were released without charges.

Union leaders said they are planning further actions. A strike authorization vote is scheduled for later this month, and organizers have called for a statewide day of action on May 1, when they expect tens of thousands of educators and health workers to rally in cities across Ohio.

"This is not the end," said a nurse who has worked at the medical center for 14 years and marched with her two children. "If they don't listen, we will be back, and there will be more of us."

Economists say the dispute reflects a wider pattern. Wages for teachers in the region have risen more slowly than inflation for most of the past decade, while hospitals have struggled to retain nurses after the pandemic. The state's largest teachers union represents 120,000 members, and similar contract fights are under way in at least six other districts.

The Riverton Education Association said it would hold a members' meeting on Wednesday evening to discuss the next steps. The Ohio Nurses Union said it would file a complaint with the state labor board over what it called unfair bargaining practices by the hospital's management.

Local business owners along the march route reported mixed effects. A coffee shop near City Hall said it served more customers than on a usual Saturday, while a clothing store said it closed early because of the street closures. The city said cleanup crews finished work by 4 p.m.

Organizers thanked volunteers who handed out water and marshals who kept the route clear. They said a photo gallery of the march and a list of upcoming events would be posted on the association's website, and urged supporters to attend the school board meeting later this month.
"""

_TOPICS = {
    "business": (
        "quarterly earnings revenue shares investors analysts guidance margin retail sales inventory "
        "supply chain merger acquisition dividend bond yields inflation interest rates consumer spending "
        "manufacturing output exports imports startup funding valuation profit loss forecast board "
        "chief executive market index trading session outlook demand pricing costs factory"
    ),
    "sports": (
        "coach season playoff game score goal quarterback pitcher inning overtime tournament league "
        "team roster injury report draft pick contract stadium fans victory defeat championship "
        "match referee penalty striker midfield defense offense record points rebounds assists "
        "halftime comeback title series"
    ),
    "weather": (
        "forecast temperatures rain showers snow storm front humidity wind gusts sunshine clouds "
        "morning afternoon evening overnight lows highs degrees weekend outlook advisory flooding "
        "drought heat wave cold air pressure system coast valley mountains commute visibility fog "
        "frost pollen radar meteorologist"
    ),
}
_GLUE = "the a of in on and to for with at by from as was were is are will said that this it after".split()


def _article(rng: random.Random, topic: str, words: int = 500) -> str:
    vocab = _TOPICS[topic].split()
    out: list[str] = []
    while len(out) < words:
        n = rng.randint(8, 20)
        sent = [rng.choice(vocab) if rng.random() < 0.55 else rng.choice(_GLUE) for _ in range(n)]
        if rng.random() < 0.3:
            sent.insert(rng.randrange(len(sent)), str(rng.randint(2, 9999)))
        out.extend(sent)
        out[-1] += "."
    return " ".join(out).capitalize()


def _peak_rss_mb() -> float:
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return rss / (1024 * 1024) if sys.platform == "darwin" else rss / 1024


def bench_quick_reject(n: int) -> None:
    try:
        from protestdb.extract.detect import quick_reject
    except ImportError as exc:
        print(f"[1] quick_reject: not available ({exc})")
        return
    rng = random.Random(7)
    docs = [_article(rng, topic) for _ in range(n // 3 + 1) for topic in _TOPICS][:n]
    quick_reject(docs[0])  # load lexicons
    t0 = time.perf_counter()
    rejected = sum(quick_reject(d) for d in docs)
    dt = time.perf_counter() - t0
    words = sum(len(d.split()) for d in docs) / len(docs)
    print(f"[1] quick_reject: {len(docs)} articles (~{words:.0f} words) in {dt:.3f}s -> {len(docs) / dt:,.0f} articles/s; rejected {rejected}/{len(docs)}")


def bench_helpers(repeat: int) -> None:
    from protestdb.extract.counts import find_counts
    from protestdb.extract.dates import find_dates
    from protestdb.extract.language import detect_language
    from protestdb.extract.sizes import find_sizes

    text = PROTEST_ARTICLE
    for name, fn in (
        ("find_dates", lambda: find_dates(text, PUBLISHED)),
        ("find_sizes", lambda: find_sizes(text)),
        ("find_counts", lambda: find_counts(text)),
        ("detect_language", lambda: detect_language(text)),
    ):
        fn()  # warm caches
        t0 = time.perf_counter()
        for _ in range(repeat):
            fn()
        print(f"[3] {name}: {(time.perf_counter() - t0) / repeat * 1000:.2f} ms per article")


def _load() -> str:
    try:
        one, five, _ = os.getloadavg()
    except OSError:
        return "load average unknown"
    return f"load average {one:.1f} (5 min {five:.1f}) on {os.cpu_count()} CPUs"


def bench_extract(repeat: int, sets: int = 1) -> None:
    """Interleaved rounds (one ``extract_text``, one ``nlp(text)``) timed with
    ``time.process_time`` (CPU of this process only, so other processes on a shared machine
    do not count); reports the best-of-N ratio and the median of the per-round ratios."""
    try:
        from protestdb.extract import extract_text
        from protestdb.extract.nlp import load_nlp
    except ImportError as exc:
        print(f"[2] extract_text: not available ({exc})")
        return
    text = PROTEST_ARTICLE
    nlp = load_nlp()
    res = extract_text(text, PUBLISHED, geocode=True)  # warm every cache (lexicons, gazetteer)
    nlp(text)
    print(f"[2] before: {_load()}")
    set_medians: list[float] = []
    for _ in range(sets):
        t_ex, t_sp = _rounds(text, nlp, extract_text, repeat)
        set_medians.append(statistics.median(sorted(e / s for e, s in zip(t_ex, t_sp, strict=True) if s > 0)))
    ratios = sorted(e / s for e, s in zip(t_ex, t_sp, strict=True) if s > 0)
    med = statistics.median(ratios) if ratios else float("nan")
    print(f"[2] article: {len(text.split())} words; extract_text found {len(res.events)} events, is_protest_report={res.is_protest_report}")
    print(f"[2] extract_text: best {min(t_ex) * 1000:.1f} ms, median {statistics.median(t_ex) * 1000:.1f} ms (CPU, {repeat} rounds)")
    print(f"[2] spaCy nlp(text): best {min(t_sp) * 1000:.1f} ms, median {statistics.median(t_sp) * 1000:.1f} ms")
    print(f"[2] ratio extract_text / spaCy: best-of-N {min(t_ex) / min(t_sp):.2f}, median of rounds {med:.2f}, "
          f"ratio of medians {statistics.median(t_ex) / statistics.median(t_sp):.2f} (target <= 1.3)")
    if sets > 1:
        print(f"[2] median of rounds over {sets} sets: " + ", ".join(f"{m:.2f}" for m in set_medians)
              + f" -> median {statistics.median(set_medians):.2f}")
    print(f"[2] after: {_load()}")


def _rounds(text: str, nlp: object, extract_text: object, repeat: int) -> tuple[list[float], list[float]]:
    """``repeat`` interleaved rounds: CPU seconds of one extract_text and of one nlp(text) each."""
    t_ex: list[float] = []
    t_sp: list[float] = []
    for i in range(repeat):
        order = (0, 1) if i % 2 == 0 else (1, 0)  # alternate who runs first
        for which in order:
            t0 = time.process_time()
            if which == 0:
                extract_text(text, PUBLISHED, geocode=True)  # type: ignore[operator]
                t_ex.append(time.process_time() - t0)
            else:
                nlp(text)  # type: ignore[operator]
                t_sp.append(time.process_time() - t0)
    return t_ex, t_sp


def profile_extract(repeat: int) -> None:
    """Where ``extract_text`` spends its time beyond spaCy (cProfile, cumulative)."""
    import cProfile
    import pstats

    from protestdb.extract import extract_text

    extract_text(PROTEST_ARTICLE, PUBLISHED, geocode=True)
    prof = cProfile.Profile()
    prof.enable()
    for _ in range(repeat):
        extract_text(PROTEST_ARTICLE, PUBLISHED, geocode=True)
    prof.disable()
    pstats.Stats(prof).sort_stats("tottime").print_stats(25)


def bench_long_repetitive(chars: int) -> None:
    """A long repetitive text (the shape that was quadratic): CPU seconds for ``chars`` characters
    of "protest march rally ...", and of a repeated two-city report, against one spaCy pass."""
    from protestdb.extract import extract_text
    from protestdb.extract.nlp import load_nlp

    nlp = load_nlp()
    for name, unit in (("protest march rally", "protest march rally "),
                       ("two-city report", "Nurses marched in Riverton on Saturday. Hundreds of students rallied "
                                           "at City Hall in Millbrook, Ohio, on Friday, police said.\n\n")):
        text = (unit * (chars // len(unit) + 1))[:chars]
        t0 = time.process_time()
        nlp(text)
        t_sp = time.process_time() - t0
        t0 = time.process_time()
        res = extract_text(text, PUBLISHED)
        t_ex = time.process_time() - t0
        print(f"[5] {chars:,} chars of {name!r}: extract_text {t_ex:.2f} s CPU ({len(res.events)} events), "
              f"spaCy alone {t_sp:.2f} s (ratio {t_ex / t_sp:.2f})")


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--articles", type=int, default=300)
    ap.add_argument("--repeat", type=int, default=50)
    ap.add_argument("--rounds-sets", type=int, default=1, help="repeat [2] this many times (median of the set medians)")
    ap.add_argument("--profile", action="store_true", help="print a cProfile of extract_text and stop")
    ap.add_argument("--long-chars", type=int, default=100_000, help="size of the long repetitive texts of [5]")
    args = ap.parse_args()
    if args.profile:
        profile_extract(args.repeat)
        return
    bench_quick_reject(args.articles)
    bench_extract(args.repeat, args.rounds_sets)
    bench_helpers(args.repeat)
    bench_long_repetitive(args.long_chars)
    print(f"[4] peak RSS: {_peak_rss_mb():.0f} MB (target <= 1500)")


if __name__ == "__main__":
    main()
