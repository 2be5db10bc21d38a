"""No page's words in the learned choices' models (issue 9): every feature name of a shipped
model is made of the project's own closed vocabulary (``data/model_words.json``: words of the
project's lexicons, closed-class English words, the featurizers' own names, spaCy's labels), and
the featurizers turn any other word of a page into its class -- on sentences written here.

The check (``linear_model.foreign_words``): a feature name's letter runs (``[^\\W\\d_]+``,
lower-cased) must each be a word of that vocabulary; a run that is not is a word taken from a
page, and the model fails the test. The vocabulary itself holds ordinary words only: whole words
of the lexicons' plain word lists (no letter run of a regular expression: "rall", "ed"), no
place's name (a state capital, a large US city) and no name of the lexicons' name lists.
"""

from __future__ import annotations

import json
from datetime import date
from importlib import resources

import pytest

from protestdb.extract import gate, linear_model
from protestdb.extract.components import run
from protestdb.extract.config import ExtractConfig
from protestdb.extract.document import ExtractDoc

#: invented names and words that are in no lexicon of the project
RALLY = (
    "Quarrymen rally in Brindlecombe\n\n"
    "Hundreds of zelkite workers rallied in Columbus, Ohio, on Saturday outside the Zorvanta Minerals "
    "offices to protest the company's plan to close the Vexholm pit. Members of the Brindlecombe Quarrymen's "
    "Guild urged Mayor Tamsin Oakridge to intervene, and a Zorvanta spokesperson said the plan was final."
)
#: letter runs of the invented words above: none may name a feature
INVENTED = ("zelkite", "quarrymen", "brindlecombe", "zorvanta", "vexholm", "tamsin", "oakridge")


def _models() -> list[str]:
    files = resources.files("protestdb.extract.data").iterdir()
    return sorted(f.name[:-5] for f in files if f.name.endswith("_model.json"))


def test_every_model_is_checked() -> None:
    assert {"orgs_model", "place_model", "relevance_model", "targets_model"} <= set(_models())


@pytest.mark.parametrize("name", _models())
def test_a_shipped_model_names_no_word_outside_the_closed_vocabulary(name: str) -> None:
    ref = resources.files("protestdb.extract.data").joinpath(f"{name}.json")
    weights = json.loads(ref.read_text(encoding="utf-8"))["weights"]
    assert weights, f"{name} has no weights"
    foreign = {f: linear_model.foreign_words(f) for f in weights if linear_model.foreign_words(f)}
    assert not foreign, f"{name}: {len(foreign)} feature(s) hold words outside the closed vocabulary, e.g. {list(foreign.items())[:5]}"


def test_the_check_flags_a_page_word_and_passes_the_project_s_own() -> None:
    assert linear_model.foreign_words("prev=zorvanta") == ["zorvanta"]
    assert linear_model.foreign_words("K|h=brindlecombe") == ["brindlecombe"]
    assert linear_model.foreign_words("wb=Vexholm") == ["vexholm"]
    for ok in ("prev=against", "h=~PROPN", "hdep=pobj:outside", "src=kept:targets.cue_or_known_name",
               "ent=ORG", "n_words=3", "next=,", "rule=one_city", "cls=police", "w:strike"):
        assert linear_model.foreign_words(ok) == [], ok


def test_a_word_outside_the_vocabulary_becomes_its_class() -> None:
    assert linear_model.closed_word("Against") == "against"
    assert linear_model.closed_word("Zorvanta") == "~cap"
    assert linear_model.closed_word("zorvanta") == "~low"
    assert linear_model.closed_word("ZRV") == "~upper"
    assert linear_model.closed_word("2031") == "~num"
    assert linear_model.closed_word("B52x") == "~alnum"
    assert linear_model.closed_word(",") == ","
    assert not linear_model.in_vocabulary("brindlecombe") and linear_model.in_vocabulary("rallied")


def _vocabulary_words() -> set[str]:
    words = json.loads(resources.files("protestdb.extract.data").joinpath("model_words.json").read_text(encoding="utf-8"))
    return set(words["lexicon_words"]) | set(words["function_words"]) | set(words["news_words"])


def test_the_vocabulary_is_whole_words_of_the_word_lists() -> None:
    """Every lexicon word is a whole word of a plain (lower-case, no regular expression) entry of
    a word list: a letter run of a pattern ("rall(?:y|ied)" -> "rall", "ied") is none."""
    from helpers import script

    mod = script("model_words")
    words = json.loads(resources.files("protestdb.extract.data").joinpath("model_words.json").read_text(encoding="utf-8"))
    lexicon = set(words["lexicon_words"])
    stray = sorted(lexicon - mod.list_words())
    assert not stray, f"lexicon words that are no whole word of a plain word-list entry: {stray[:20]}"
    assert all(len(w) > 1 for w in lexicon)
    assert not lexicon & set(words["names"])
    vocab = _vocabulary_words()
    for fragment in ("b", "w", "ed", "rall", "ied", "demonstrat", "organiz", "blockad"):
        assert fragment not in vocab, fragment
    assert mod.is_plain("sheriff's office") and mod.is_plain("día de") and not mod.is_plain("Hall")
    assert not mod.is_plain(r"rall(?:y|ied)") and not mod.is_plain(r"\bunion\b")


def test_the_vocabulary_holds_no_place_or_organisation_name() -> None:
    """No state capital, no US place of 100,000 people or more, no name of the lexicons' name
    lists (bodies, outlets, acronyms) is a vocabulary word: a page's place becomes "~cap"."""
    from protestdb.extract.lexicons import load
    from protestdb.geo import gazetteer

    vocab = _vocabulary_words()
    capitals = {v.lower() for v in load("sites_en")["state_capitals"].values()}
    assert {"columbus", "denver", "phoenix"} <= capitals
    assert not capitals & vocab, sorted(capitals & vocab)
    big = {r[0] for r in gazetteer.connect().execute(
        "SELECT n.norm FROM names n JOIN places p ON p.id = n.place_id "
        "WHERE n.is_primary = 1 AND p.country = 'US' AND p.population >= 100000")}
    assert "chicago" in big and len(big) > 200
    assert not big & vocab, sorted(big & vocab)
    orgs = load("orgs_en")
    named = {w for e in [*orgs["never_org"], *orgs["not_org_acronyms"]] for w in linear_model.LETTERS.findall(e)
             if not linear_model.in_vocabulary(w)}
    assert {"reuters", "fbi", "washington"} <= named
    for word in ("Chicago", "Columbus", "Washington", "Reuters", "SEIU", "Boston"):
        assert linear_model.closed_word(word) in ("~cap", "~upper"), word
    assert linear_model.closed_word("Union") == "union" and linear_model.closed_word("2025") == "~num"
    # a title-cased opener of a place name ("Los Angeles", "San Diego") is part of the name
    assert linear_model.closed_word("Los") == linear_model.closed_word("San") == "~cap"
    assert linear_model.closed_word("los") == "los"


def _no_invented(features: set[str]) -> list[str]:
    return sorted(f for f in features if linear_model.foreign_words(f) or any(w in f.lower() for w in INVENTED))


def test_every_featurizer_of_a_page_holds_only_closed_words() -> None:
    from protestdb.extract.orgs_model import COLLECTED

    gate.clear()
    COLLECTED.clear()
    config = ExtractConfig(targets_model="collect", orgs_model="collect", place_model="collect", relevance_model="collect")
    doc = ExtractDoc(text=RALLY, published=date(2025, 3, 10), config=config)
    run(doc)
    bags = {
        "targets": [(c.name, c.features) for cs in doc.memo["target_candidates"].values() for c in cs],
        "orgs": [(c.name, c.features) for _ev, cs in COLLECTED for c in cs],
        "place": [(c.key, c.features) for c in doc.memo.get("place_candidates", [])],
        "relevance": [("text", doc.memo.get("relevance_features", set()))],
    }
    for kind, bag in bags.items():
        assert bag and all(feats for _n, feats in bag), kind
        for name, feats in bag:
            assert not _no_invented(feats), (kind, name, _no_invented(feats))
    targets = dict(bags["targets"])
    zor = next(f for n, f in targets.items() if n.startswith("Zorvanta"))
    assert {"prev=the", "ent=ORG", "h=office"} <= zor  # "outside the Zorvanta Minerals offices"
    orgs = dict(bags["orgs"])
    guild = next(f for n, f in orgs.items() if n.endswith("Guild"))
    assert {"last:guild", "al3:members"} <= guild  # lexicon and function words name features
    for kind, bag in bags.items():  # a real place's name is no feature word either
        assert not [f for _n, feats in bag for f in feats if "columbus" in f.lower() or "ohio" in f.lower()], kind
    place = dict(bags["place"])["columbus|OH"]
    assert {"wb=~low", "wb=rallied", "prev=in"} <= place  # "zelkite" is its class, "rallied" a lexicon word
    assert "w:rally" in dict(bags["relevance"])["text"]


#: ordinary English words that are also the name of a large place abroad (Man, Côte d'Ivoire)
GENERIC_PLACE_WORDS = frozenset(("man",))


def _feature_name_words() -> set[str]:
    """Every word a feature name may hold: the vocabulary, the featurizers' own words and spaCy's labels."""
    words = json.loads(resources.files("protestdb.extract.data").joinpath("model_words.json").read_text(encoding="utf-8"))
    return _vocabulary_words() | {w.lower() for key in ("feature_words", "labels") for w in words[key]}


def test_no_feature_word_names_a_country_a_capital_or_a_large_place_abroad() -> None:
    """The featurizers' own words and spaCy's labels are checked too, and the places of the
    world: no country's name (the gazetteer's and the country lexicon's written names, not ISO
    codes), no national capital, no place of 100,000 people or more anywhere is a word a feature
    may name, but for a few plain English words (``GENERIC_PLACE_WORDS``)."""
    from protestdb.geo import gazetteer

    words = _feature_name_words()
    con = gazetteer.connect()
    countries = {v.lower() for row in con.execute("SELECT name, capital FROM countries") for v in row if v}
    variants = json.loads(resources.files("protestdb.geo.data").joinpath("country_names.json").read_text(encoding="utf-8"))
    countries |= {n.lower() for n in variants["variants"] if any(c.islower() for c in n)}  # "Iran", not "UK"
    assert {"germany", "kenya", "palestine", "nairobi", "berlin"} <= countries
    assert not countries & words, sorted(countries & words)
    big = {r[0] for r in con.execute(
        "SELECT n.norm FROM names n JOIN places p ON p.id = n.place_id WHERE n.is_primary = 1 AND p.population >= 100000")}
    assert {"lagos", "manila", "chicago"} <= big and len(big) > 5000
    assert not (big & words) - GENERIC_PLACE_WORDS, sorted((big & words) - GENERIC_PLACE_WORDS)


def test_an_issue_word_that_is_a_place_s_name_is_no_page_word() -> None:
    """"palestine" names an issue class in the lexicons, but on a page it is a place's name: it
    is in the hand-written ``names``, so a feature never carries it."""
    assert not linear_model.in_vocabulary("palestine")
    assert linear_model.closed_word("Palestine") == "~cap" and linear_model.closed_word("palestine") == "~low"
    assert linear_model.foreign_words("prev=palestine") == ["palestine"]
