"""No page's words in the learned choices' models (issue 9): every feature name of a shipped
model is made of the project's own closed vocabulary (``data/model_words.json``: words of the
project's lexicons, closed-class English words, the featurizers' own names, spaCy's labels), and
the featurizers turn any other word of a page into its class -- on sentences written here.

The check (``linear_model.foreign_words``): a feature name's letter runs (``[^\\W\\d_]+``,
lower-cased) must each be a word of that vocabulary; a run that is not is a word taken from a
page, and the model fails the test.
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
    place = dict(bags["place"])["columbus|OH"]
    assert {"wb=~low", "wb=rallied", "prev=in"} <= place  # "zelkite" is its class, "rallied" a lexicon word
    assert "w:rally" in dict(bags["relevance"])["text"]
