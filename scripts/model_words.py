"""Write the closed vocabulary of the learned choices' word features
(``src/protestdb/extract/data/model_words.json``).

Usage: python3 scripts/model_words.py [--out FILE]

The models of ``extract/*_model.py`` may name a word in a feature ("prev=against", "h=protest")
only when it is an ordinary word the project owns: a word of the project's word lists
(``lexicon_words``, read here) or one of the words listed in the file by hand: closed-class English
words (``function_words``: prepositions, determiners, pronouns, conjunctions, auxiliaries) and a
few general words of news writing (``news_words``: "born", "based"). Any other word of a page --
a place's name, a person's, an organisation's, a number -- becomes its class
(``linear_model.closed_word``: ~cap, ~low, ~upper, ~num).

``lexicon_words`` are the words of the lexicons' *word lists* only (list items, dict keys and
values of the language data files of ``extract/data``) whose entries are written in lower case
and hold nothing but letters, spaces, hyphens and apostrophes: a regular expression is no word
list (its letter runs are fragments: "rall", "ed"), and an entry written with a capital is a
name (a state capital, a landmark, a known target). Left out as well: the word lists that hold
names in lower case (``NAME_LISTS``: the bodies, outlets and platforms that are never an
organizer, the acronyms that are no organization), the prefilter's keywords (stems matched
inside words), words of one letter, and the file's hand-written ``names`` (the organisations',
outlets' and companies' names that mixed word lists hold next to ordinary words: "seiu",
"reuters"). The file's hand-written ``function_words``, ``news_words``, ``names``,
``feature_words`` (the words the featurizers' own feature names are made of: prefixes, rule
names, classes) and ``labels`` (spaCy's labels) are kept. The model files, the schema and the
person lexicons (``leaders_*``: names of public figures) are not read.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "src" / "protestdb" / "extract" / "data"
OUT = DATA / "model_words.json"
RUN = re.compile(r"[^\W\d_]+")
#: a word-list entry made of ordinary words: lower-case letters, spaces, hyphens, apostrophes
PLAIN = re.compile(r"[^\W\d_]+(?:[ '’-]+[^\W\d_]+)*")
#: data files whose words are never feature words: the models themselves, this file, the schema,
#: the names of public figures
SKIP = re.compile(r"(?:.*_model|model_words|schema|leaders_\w+)\.json$")
#: word lists of names written in lower case (file stem, key), and the prefilter's stems
NAME_LISTS = frozenset({("orgs_en", "never_org"), ("orgs_en", "not_org_acronyms"), ("prefilter", "keywords")})


def _entries(value: Any) -> list[str]:
    """The entries of a word list: list items, dict keys and values (nested); a bare string
    (a regular expression, a setting) is none."""
    if isinstance(value, dict):
        return [s for k, v in value.items() for s in [k, *([v] if isinstance(v, str) else _entries(v))]]
    if isinstance(value, list):
        return [s for v in value for s in ([v] if isinstance(v, str) else _entries(v))]
    return []


def is_plain(entry: str) -> bool:
    """An entry of ordinary words: lower case, letters with spaces, hyphens or apostrophes."""
    return bool(PLAIN.fullmatch(entry)) and entry == entry.lower()


def list_words(data: Path = DATA) -> set[str]:
    """The words (letter runs of two letters or more) of the plain entries of the lexicons' word
    lists, but the name lists (``NAME_LISTS``)."""
    words: set[str] = set()
    for f in sorted(data.glob("*.json")):
        if SKIP.fullmatch(f.name):
            continue
        lex = json.loads(f.read_text(encoding="utf-8"))
        for key, value in lex.items():
            if key.startswith("_") or (f.stem, key) in NAME_LISTS:
                continue
            for s in _entries(value):
                if is_plain(s):
                    words.update(w for w in RUN.findall(s) if len(w) > 1)
    return words


def lexicon_words(data: Path = DATA, names: set[str] | frozenset[str] = frozenset()) -> list[str]:
    """``list_words`` less the ``names``, sorted."""
    return sorted(list_words(data) - set(names))


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--out", type=Path, default=OUT)
    args = ap.parse_args(argv)
    old = json.loads(args.out.read_text(encoding="utf-8")) if args.out.is_file() else {}
    names = sorted(set(old.get("names", [])))
    new = {
        "_doc": old.get("_doc", ""),
        "function_words": sorted(set(old.get("function_words", []))),
        "news_words": sorted(set(old.get("news_words", []))),
        "names": names,
        "feature_words": sorted(set(old.get("feature_words", []))),
        "labels": sorted(set(old.get("labels", []))),
        "lexicon_words": lexicon_words(names=set(names)),
    }
    args.out.write_text(json.dumps(new, indent=0, ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"wrote {args.out}: {len(new['lexicon_words'])} lexicon words, {len(new['function_words'])} function words")
    return 0


if __name__ == "__main__":
    sys.exit(main())
