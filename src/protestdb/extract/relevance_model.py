"""A learned second opinion on document relevance (issue 9), asked only where the rules are unsure.

``relevance.py`` scores a text by its best protest trigger; its rules were tuned on the pages
analysed so far. This module scores the same English text with a bag of lemmas of its body
(content words: nouns, verbs, adjectives, adverbs; no names, numbers or entities; only words of
the project's closed vocabulary, ``data/model_words.json``) and a few
structural features that extraction already computed (the rules' score, the firm triggers'
count, kinds and places in the text, the densest non-protest frame, dates inside and before the
news window, quoted-only triggers). A logistic model (``data/relevance_model.json``, trained by
``scripts/train_relevance_model.py`` on the analysable annotated pages) gives the probability that
the text reports a protest action. With the configuration's ``relevance_model = "on"`` a text whose
rules' score falls in the model's ``band`` (the scores where the rules err both ways) is judged by
the model (probability >= ``cut``); elsewhere the rules decide. ``"collect"`` records the features
(``doc.memo["relevance_features"]``) for training; ``"off"`` does nothing.
"""

from __future__ import annotations

import logging
from typing import Any

from protestdb.extract import linear_model
from protestdb.extract.background import date_status
from protestdb.extract.document import ExtractDoc

logger = logging.getLogger(__name__)

#: parts of speech whose lemmas are features
CONTENT_POS = frozenset({"NOUN", "VERB", "ADJ", "ADV"})
#: features of the trigger count: the smallest bucket edge >= the count
TRIGGER_BUCKETS = (1, 2, 4, 8)


def load_model() -> dict[str, Any] | None:
    """The trained model (``data/relevance_model.json``), or None when it has not been trained."""
    return linear_model.load_model("relevance_model")


def _bucket(n: int) -> str:
    return linear_model.bucket(n, TRIGGER_BUCKETS)


def _lemmas(doc: ExtractDoc) -> set[str]:
    """Lower-cased lemmas of the body's content words (no entity, no proper noun, letters only),
    those of the project's closed vocabulary only (``linear_model.in_vocabulary``)."""
    out: set[str] = set()
    sp = doc.doc
    layout = doc.layout
    if sp is None or layout is None:
        return out
    body = [(s.start, s.end) for s in layout.sentences if s.kind in ("body", "headline")]
    if not body:
        return out
    for s, e in body:
        span = sp.char_span(s, e, alignment_mode="expand")
        if span is None:
            continue
        for tok in span:
            if tok.pos_ in CONTENT_POS and not tok.ent_type_ and tok.is_alpha and len(tok.text) > 2 and not tok.is_stop:
                lemma = tok.lemma_.lower()
                if linear_model.in_vocabulary(lemma):
                    out.add("w:" + lemma)
    return out


def features(doc: ExtractDoc, score: int, frame: str | None, density: float) -> set[str]:
    """The text's features (see the module's description)."""
    layout = doc.layout
    feats = {f"score:{max(-3, min(6, score))}"}
    if frame is not None and density >= 1.0:
        feats.add(f"frame:{frame}")
        feats.add(f"frame:{frame}:{'dense' if density >= 2.0 else 'some'}")
    firm = [t for t in doc.triggers if not t.weak and layout is not None and layout.sentences[t.sent].kind == "body"]
    feats.add(f"triggers:{_bucket(len(firm))}")
    feats.update(f"type:{t.type}" for t in firm)
    if firm and all(t.quoted for t in firm):
        feats.add("quoted_only")
    if firm and not any(t.new_action for t in firm):
        feats.add("no_new_action")
    if firm and all(t.background for t in firm):
        feats.add("background_only")
    if any(t.announced for t in firm):
        feats.add("announced")
    statuses = {date_status(m, doc.published) for m in doc.dates}
    feats.update(f"dates:{s}" for s in statuses if s in ("in", "old", "amb"))
    if doc.published is None:
        feats.add("no_published")
    return feats | _lemmas(doc)


def probability(feats: set[str], model: dict[str, Any]) -> float:
    """The model's probability that the text reports a protest action."""
    return linear_model.score(feats, model)


def second_opinion(doc: ExtractDoc, score: int, rules_say: bool) -> bool:
    """The relevance decision with the model asked where the rules are unsure (mode "on");
    records the features (modes "on" and "collect")."""
    mode = doc.config.relevance_model
    if mode == "off" or doc.lang != "en" or doc.doc is None:
        return rules_say
    model = load_model() if mode == "on" else None
    if mode == "on" and (model is None or score not in model["band"]):
        return rules_say
    from protestdb.extract.relevance import frame_density

    frame, dens = frame_density(doc.text, doc.lang)
    feats = features(doc, score, frame, dens)
    doc.memo["relevance_features"] = feats
    doc.memo["relevance_rule_score"] = score
    if model is None:
        return rules_say
    p = probability(feats, model)
    doc.memo["relevance_probability"] = p
    verdict = p >= float(model["cut"])
    if rules_say and not verdict:
        doc.trace.drop("article", "relevance_model.second_opinion",
                       f"rules' score {score} is in the unsure band; model probability {p:.2f} < cut {model['cut']}")
    elif verdict and not rules_say:
        logger.info("relevance model: rules' score %d, probability %.2f >= cut %s: a report", score, p, model["cut"])
    return verdict
