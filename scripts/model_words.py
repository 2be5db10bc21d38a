"""Write the closed vocabulary of the learned choices' word features
(``src/protestdb/extract/data/model_words.json``).

Usage: python3 scripts/model_words.py [--out FILE]

The models of ``extract/*_model.py`` may name a word in a feature ("prev=against", "h=protest")
only when the word belongs to the project: a word of the project's own lexicons (the language
data files of ``extract/data``, read here: their keys and string values, split into letter runs)
or one of the words listed in the file by hand: closed-class English words (``function_words``:
prepositions, determiners, pronouns, conjunctions, auxiliaries) and a few general words of news
writing (``news_words``: "born", "based"). Any other word of a page becomes its class
(``linear_model.closed_word``). This script refreshes ``lexicon_words`` from the lexicons and keeps
the file's hand-written ``function_words``, ``news_words``, ``feature_words`` (the words the featurizers' own
feature names are made of: prefixes, rule names, classes) and ``labels`` (spaCy's labels). The model files and the person
lexicons (``leaders_*``: names of public figures) are not read.
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
#: data files whose words are never feature words: the models themselves, this file, the schema,
#: the names of public figures
SKIP = re.compile(r"(?:.*_model|model_words|schema|leaders_\w+)\.json$")


def _strings(value: Any) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        return [s for k, v in value.items() for s in [k, *_strings(v)]]
    if isinstance(value, list):
        return [s for v in value for s in _strings(v)]
    return []


def lexicon_words(data: Path = DATA) -> list[str]:
    """The lower-cased letter runs of the lexicons' keys and strings (``_doc`` notes left out)."""
    words: set[str] = set()
    for f in sorted(data.glob("*.json")):
        if SKIP.fullmatch(f.name):
            continue
        lex = json.loads(f.read_text(encoding="utf-8"))
        for s in _strings({k: v for k, v in lex.items() if not k.startswith("_")}):
            words.update(w.lower() for w in RUN.findall(s))
    return sorted(words)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--out", type=Path, default=OUT)
    args = ap.parse_args(argv)
    old = json.loads(args.out.read_text(encoding="utf-8")) if args.out.is_file() else {}
    new = {
        "_doc": old.get("_doc", ""),
        "function_words": sorted(set(old.get("function_words", []))),
        "news_words": sorted(set(old.get("news_words", []))),
        "feature_words": sorted(set(old.get("feature_words", []))),
        "labels": sorted(set(old.get("labels", []))),
        "lexicon_words": lexicon_words(),
    }
    args.out.write_text(json.dumps(new, indent=0, ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"wrote {args.out}: {len(new['lexicon_words'])} lexicon words, {len(new['function_words'])} function words")
    return 0


if __name__ == "__main__":
    sys.exit(main())
