"""Finding places in text (protestdb.geo.find_places)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from protestdb.geo import find_places

SHARED = Path(__file__).parents[1].parent / "shared"


def _by_quote(text):
    out = {}
    for pm in find_places(text):
        assert text[pm.start:pm.end] == pm.quote
        out.setdefault(pm.quote, pm)
    return out


def test_dateline_with_ap_state():
    text = "SPRINGFIELD, Mass. (AP) — Several hundred people rallied outside City Hall on Tuesday."
    pm = _by_quote(text)
    sp = pm["SPRINGFIELD"]
    assert sp.is_dateline and sp.state == "MA" and sp.kind == "city"
    assert pm["Mass."].state == "MA"


def test_bare_dateline_big_city():
    text = "DETROIT — Union members marched through downtown streets on Friday.\n\nThey chanted."
    sp = _by_quote(text)["DETROIT"]
    assert sp.is_dateline and sp.state == "MI"


def test_city_state_patterns_and_ap_abbreviations():
    text = ("Marchers gathered in Springfield, Ill., and in Portland, Maine, while a smaller crowd met in "
            "Columbus, Ga. Organizers in Kansas City, Kan., planned a vigil.")
    pm = _by_quote(text)
    assert pm["Springfield"].state == "IL"
    assert pm["Portland"].state == "ME"
    assert pm["Columbus"].state == "GA"
    assert pm["Kansas City"].state == "KS"
    assert pm["Ill."].kind == "state"


def test_context_state_elsewhere_in_article():
    text = ("The New Jersey chapter said the vigil in Elizabeth drew a crowd. "
            "Volunteers came from across New Jersey.")
    pm = _by_quote(text)
    assert pm["Elizabeth"].state == "NJ"
    assert pm["New Jersey"].kind == "state"


def test_neighborhood_borough_venue():
    text = ("Families gathered at Mariachi Plaza in Boyle Heights before walking downtown, and students at "
            "the University of Southern California joined a rally. Another crowd formed in Brooklyn.")
    pm = _by_quote(text)
    assert pm["Mariachi Plaza"].kind == "venue" and pm["Mariachi Plaza"].locality == "Los Angeles"
    assert pm["Boyle Heights"].kind == "neighborhood" and pm["Boyle Heights"].locality == "Los Angeles"
    assert pm["University of Southern California"].state == "CA"
    assert pm["Brooklyn"].locality == "New York" and pm["Brooklyn"].state == "NY"


def test_washington_dc_and_state():
    text = "Rallies took place in Washington, D.C., and in Washington state on the same weekend."
    pm = _by_quote(text)
    assert pm["Washington"].state == "DC" and pm["Washington"].kind == "city"
    assert pm["Washington state"].kind == "state" and pm["Washington state"].state == "WA"


def test_foreign_places():
    text = "Solidarity marches were held in Paris and London, and thousands rallied in Mexico City."
    pm = _by_quote(text)
    assert pm["Paris"].country == "FR"
    assert pm["London"].country == "GB"
    assert pm["Mexico City"].country == "MX"


def test_stoplist_words_are_not_places():
    text = ("In March, Justice for Janitors held a Liberty rally with Union leaders; Police said Trump "
            "supporters stayed home. Independence Day plans were announced.")
    quotes = {pm.quote for pm in find_places(text)}
    for word in ("March", "Justice", "Liberty", "Union", "Police", "Trump", "Independence"):
        assert word not in quotes


def test_lowercase_words_are_not_places():
    assert find_places("people marched to the mobile clinic in the union hall for justice") == []


def test_person_name_tail_is_not_a_place():
    quotes = {pm.quote for pm in find_places("Organizer Maria Lopez Houston spoke first.")}
    assert "Houston" not in quotes


@pytest.mark.skipif(not (SHARED / "seed").exists(), reason="../shared not available")
def test_seed_article_places_cover_gold_localities():
    gold = [json.loads(line) for line in (SHARED / "gold/seed.jsonl").read_text().splitlines() if line.strip()]
    doc = gold[0]
    text = (SHARED / "gold" / doc["text_file"]).read_text(encoding="utf-8")
    found = {(pm.locality or pm.name, pm.state) for pm in find_places(text) if pm.kind != "state"}
    for ev in doc["events"]:
        if ev.get("locality"):
            assert (ev["locality"], ev["state"]) in found


def test_sentence_initial_function_word_is_not_part_of_the_name():
    assert _by_quote("In Boston, about 500 people rallied.")["Boston"].state == "MA"
    assert "Denver" in _by_quote("On Saturday, Denver residents marched.")


def test_accented_and_possessive_names():
    assert _by_quote("Miles marcharon en Los Ángeles.")["Los Ángeles"].state == "CA"
    assert _by_quote("Outside Tucson's city hall, dozens gathered.")["Tucson"].state == "AZ"


def test_name_heads_block_cities():
    text = ("Volunteers from the Sunrise Movement met at College Green, walked up Euclid Avenue and rallied "
            "near the Snohomish County courthouse and the Wyandotte County jail.")
    assert not [pm for pm in find_places(text) if pm.kind == "city"]
