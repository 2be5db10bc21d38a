"""Cost of the place-name correction on long lists of names (a script that prints numbers, not a
test): a list of ``n`` names the model tags PERSON ("In Iowa, Name0 Lee, Name1 Lee, ... and
Dubuque joined the march.", one sentence), with and without a region head, timed through the
component alone (``protestdb.extract.place_names.place_names``, entities set by hand) and end to
end (``extract_text`` on a rally report followed by an open letter signed by ``n`` names).
A linear rule costs milliseconds for 1,000 names (was 154 s: the list walked again per name).

    python benchmarks/place_names_lists.py [--sizes 250 500 1000 2000]

All texts are generated here.
"""

from __future__ import annotations

import argparse
import time
from datetime import date


def _doc(nlp, head: str, n: int):
    names = [f"Name{i} Lee" for i in range(n)]
    text = head + ", ".join(names) + " and Dubuque joined the march."
    doc = nlp.make_doc(text)
    for i, tok in enumerate(doc):
        tok.is_sent_start = i == 0
    ents, pos = [], 0
    for name in [*names, "Dubuque"]:
        a = text.index(name, pos)
        pos = a + len(name)
        ents.append(doc.char_span(a, a + len(name), label="PERSON"))
    doc.ents = ents
    return doc


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", type=int, nargs="+", default=[250, 500, 1000, 2000])
    args = ap.parse_args()
    from protestdb.extract import extract_text
    from protestdb.extract.nlp import load_nlp
    from protestdb.extract.place_names import place_names

    nlp = load_nlp()
    place_names(_doc(nlp, "In Iowa, ", 30))  # warm up: the gazetteer and lexicons load once
    extract_text("Hundreds rallied in Dayton, Ohio, on Saturday.", date(2024, 6, 9))
    for head in ("In Iowa, ", "The letter was signed by "):
        for n in args.sizes:
            doc = _doc(nlp, head, n)
            t0 = time.perf_counter()
            place_names(doc)
            print(f"component  {head!r:30} {n:5d} names: {1000 * (time.perf_counter() - t0):8.1f} ms")
    report = "Hundreds of teachers rallied in Dayton, Ohio, on Saturday against the school budget.\n\n"
    for n in (0, 300):
        letter = "The open letter was signed by " + ", ".join(f"Ann{chr(65 + i % 26)}x Lee{i}" for i in range(n)) \
            + " and others." if n else ""
        t0 = time.perf_counter()
        extract_text(report + letter, date(2024, 6, 9))
        print(f"extract_text report + letter of {n:4d} names: {time.perf_counter() - t0:6.2f} s")


if __name__ == "__main__":
    main()
