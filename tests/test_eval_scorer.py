"""The scorer with fake extractors and hand-made predictions (no NLP involved)."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from protestdb.evaluate import format_table, run_eval
from protestdb.evaluate.matching import assignment, best_matching, max_bipartite_matching
from protestdb.evaluate.normalize import names_match, norm_locality, norm_state
from protestdb.evaluate.scorer import pair_allowed, set_f1
from protestdb.models import EventMention, ExtractionResult

TEXT_A = (
    "Hundreds of tenants rallied at City Hall in Springfield, Illinois, on Friday against rent hikes, "
    "organized by the Illinois Tenants Union. Police arrested two people."
)
TEXT_B = "Shares of grocery chains rallied on Friday as quarterly earnings beat forecasts."


def write_gold(tmp_path: Path, docs: list[dict[str, Any]]) -> Path:
    p = tmp_path / "gold.jsonl"
    p.write_text("\n".join(json.dumps(d) for d in docs) + "\n", encoding="utf-8")
    return p


def gold_a(**over: Any) -> dict[str, Any]:
    ev = {
        "date": "2025-05-02",
        "locality": "Springfield",
        "state": "IL",
        "type": ["rally"],
        "size_text": "Hundreds",
        "size_low": 200,
        "organizations": ["Illinois Tenants Union"],
        "targets": [],
        "issues": ["other"],
        "arrests": 2,
        "announced_only": False,
    }
    ev.update(over)
    return ev


def mention(text: str, **fields: Any) -> EventMention:
    """An event whose fields all carry evidence found in ``text`` (first occurrence)."""
    quotes: dict[str, str] = fields.pop("_quotes", {})
    ev = EventMention(**fields)
    for name in ev.filled_fields():
        q = quotes.get(name)
        if q is None:
            v = getattr(ev, name)
            q = v[0] if isinstance(v, list) else str(v)
        i = text.find(q)
        if i >= 0:
            ev.add_evidence(name, i, i + len(q), q)
    return ev


def fake(results: dict[str, ExtractionResult]):
    """An extractor that returns a fixed result per text."""

    def extract(text: str, published: date | None) -> ExtractionResult:
        return results[text]

    return extract


def perfect_a() -> EventMention:
    return mention(
        TEXT_A,
        date="2025-05-02",
        locality="Springfield",
        state="IL",
        event_type=["rally"],
        size_text="Hundreds",
        size_low=200,
        size_cat=2,
        organizations=["Illinois Tenants Union"],
        issues=["other"],
        arrests=2,
        _quotes={
            "date": "Friday",
            "state": "Illinois",
            "event_type": "rallied",
            "size_low": "Hundreds",
            "size_cat": "Hundreds",
            "issues": "rent hikes",
            "arrests": "arrested two",
        },
    )


def test_perfect_predictions_score_one(tmp_path: Path) -> None:
    gold = write_gold(
        tmp_path,
        [
            {
                "doc_id": "a",
                "text": TEXT_A,
                "published": "2025-05-03",
                "is_protest_report": True,
                "events": [gold_a()],
            },
            {
                "doc_id": "b",
                "text": TEXT_B,
                "published": "2025-05-03",
                "is_protest_report": False,
                "events": [],
            },
        ],
    )
    ex = fake(
        {
            TEXT_A: ExtractionResult(is_protest_report=True, text=TEXT_A, events=[perfect_a()]),
            TEXT_B: ExtractionResult(is_protest_report=False, text=TEXT_B),
        }
    )
    r = run_eval(gold, extractor=ex)
    assert r["documents"] == 2
    assert r["events"] == {"precision": 1.0, "recall": 1.0, "f1": 1.0, "tp": 1, "fp": 0, "fn": 0}
    assert r["relevance"]["f1"] == 1.0
    assert r["evidence_coverage"] == 1.0
    for name in ("date", "state", "type", "size", "organizations", "issues", "arrests", "announced_only"):
        assert r["fields"][name] == {"accuracy": 1.0, "n": 1}, name
    assert r["fields"]["targets"]["n"] == 0  # gold has no targets: not scored
    assert r["per_doc"][0]["errors"] == []
    json.dumps(r)  # the result is plain JSON
    table = format_table(r)
    assert "events" in table and "1.000" in table and "evidence coverage" in table


def test_extra_event_is_false_positive(tmp_path: Path) -> None:
    gold = write_gold(
        tmp_path,
        [
            {
                "doc_id": "a",
                "text": TEXT_A,
                "published": "2025-05-03",
                "is_protest_report": True,
                "events": [gold_a()],
            }
        ],
    )
    extra = EventMention(date="2025-05-02", locality="Chicago", state="IL", event_type=["march"])
    ex = fake({TEXT_A: ExtractionResult(is_protest_report=True, text=TEXT_A, events=[perfect_a(), extra])})
    r = run_eval(gold, extractor=ex)
    assert (r["events"]["tp"], r["events"]["fp"], r["events"]["fn"]) == (1, 1, 0)
    assert r["events"]["precision"] == 0.5 and r["events"]["recall"] == 1.0
    assert "FP: Chicago, IL 2025-05-02 [march]" in r["per_doc"][0]["errors"]
    assert "[march]" in format_table(r, width=160)  # not eaten as rich markup


def test_wrong_state_blocks_pair(tmp_path: Path) -> None:
    gold = write_gold(
        tmp_path,
        [
            {
                "doc_id": "a",
                "text": TEXT_A,
                "published": "2025-05-03",
                "is_protest_report": True,
                "events": [gold_a()],
            }
        ],
    )
    wrong = EventMention(date="2025-05-02", locality="Springfield", state="MA", event_type=["rally"])
    no_state = EventMention(date="2025-05-02", locality="Springfield", event_type=["rally"])
    r = run_eval(gold, extractor=fake({TEXT_A: ExtractionResult(is_protest_report=True, events=[wrong])}))
    assert (r["events"]["tp"], r["events"]["fp"], r["events"]["fn"]) == (0, 1, 1)
    r = run_eval(gold, extractor=fake({TEXT_A: ExtractionResult(is_protest_report=True, events=[no_state])}))
    assert r["events"]["tp"] == 1  # a missing state does not block; it is a field error
    assert r["fields"]["state"] == {"accuracy": 0.0, "n": 1}


def test_wrong_date_blocks_pair() -> None:
    g = {"locality": "Austin", "state": "TX", "date": "2025-05-02", "event_type": ["rally"]}
    assert pair_allowed({"locality": "Austin", "state": "TX", "date": "2025-05-02"}, g)
    assert not pair_allowed({"locality": "Austin", "state": "TX", "date": "2025-05-03"}, g)
    assert pair_allowed({"locality": "Austin", "state": "TX", "date": None}, g)
    assert not pair_allowed({"locality": "Dallas", "state": "TX", "date": "2025-05-02"}, g)


def test_nyc_and_borough_normalization() -> None:
    for name in (
        "NYC",
        "New York City",
        "Brooklyn",
        "Manhattan",
        "Queens",
        "the Bronx",
        "Staten Island",
        "new york",
    ):
        assert norm_locality(name) == "new york", name
    assert norm_locality("City of Los Angeles") == norm_locality("los angeles")
    assert norm_locality("St. Paul") == norm_locality("Saint Paul")
    assert norm_locality("San José") == norm_locality("San Jose")
    assert norm_locality("Newark") != norm_locality("New York")
    g = {"locality": "New York", "state": "NY", "date": "2025-06-01", "event_type": ["march"]}
    assert pair_allowed({"locality": "Brooklyn", "state": "N.Y.", "date": "2025-06-01"}, g)
    assert norm_state("Calif.") == "CA" and norm_state("New Jersey") == "NJ"


def test_localityless_events_need_overlapping_types() -> None:
    g = {"locality": None, "state": None, "date": "2025-03-03", "event_type": ["boycott", "strike"]}
    assert pair_allowed({"locality": None, "date": "2025-03-03", "event_type": ["strike"]}, g)
    assert not pair_allowed({"locality": None, "date": "2025-03-03", "event_type": ["rally"]}, g)
    assert not pair_allowed({"locality": None, "date": "2025-03-03", "event_type": []}, g)
    # a located prediction never pairs with an unlocated gold event
    assert not pair_allowed({"locality": "Dallas", "date": "2025-03-03", "event_type": ["boycott"]}, g)


def test_predictions_in_non_protest_doc_are_false_positives(tmp_path: Path) -> None:
    gold = write_gold(
        tmp_path,
        [
            {
                "doc_id": "b",
                "text": TEXT_B,
                "published": "2025-05-03",
                "is_protest_report": False,
                "events": [],
            }
        ],
    )
    bogus = EventMention(date="2025-05-02", event_type=["rally"])
    r = run_eval(gold, extractor=fake({TEXT_B: ExtractionResult(is_protest_report=True, events=[bogus])}))
    assert (r["events"]["tp"], r["events"]["fp"], r["events"]["fn"]) == (0, 1, 0)
    assert r["events"]["precision"] == 0.0
    assert r["relevance"]["precision"] == 0.0
    assert "relevance: gold=False pred=True" in r["per_doc"][0]["errors"]


def test_maximum_matching_beats_greedy(tmp_path: Path) -> None:
    # gold: LA rallies on two days; pred 0 has no date (fits both), pred 1 fits only day one.
    golds = [
        {"date": "2025-06-06", "locality": "Los Angeles", "state": "CA", "type": ["rally"]},
        {"date": "2025-06-07", "locality": "Los Angeles", "state": "CA", "type": ["rally"]},
    ]
    preds = [
        EventMention(locality="Los Angeles", state="CA", event_type=["rally"]),
        EventMention(date="2025-06-06", locality="Los Angeles", state="CA", event_type=["rally"]),
    ]
    gold = write_gold(
        tmp_path,
        [
            {
                "doc_id": "la",
                "text": "x",
                "published": "2025-06-08",
                "is_protest_report": True,
                "events": golds,
            }
        ],
    )
    r = run_eval(gold, extractor=fake({"x": ExtractionResult(is_protest_report=True, events=preds)}))
    assert r["events"]["tp"] == 2 and r["events"]["fp"] == 0 and r["events"]["fn"] == 0
    # a greedy first-fit pairing would have found only one pair
    greedy, used = 0, set()
    for p in preds:
        for j, g in enumerate(golds):
            if j not in used and pair_allowed(p.model_dump(), {**g, "event_type": g["type"]}):
                used.add(j)
                greedy += 1
                break
    assert greedy == 1


def test_ties_between_maximum_matchings_prefer_field_agreement(tmp_path: Path) -> None:
    golds = [
        {"date": "2025-06-07", "locality": "Columbus", "state": "OH", "type": ["rally"], "size_low": 200},
        {
            "date": "2025-06-07",
            "locality": "Columbus",
            "state": "OH",
            "type": ["counter-protest"],
            "size_low": 30,
        },
    ]
    preds = [
        EventMention(
            date="2025-06-07", locality="Columbus", state="OH", event_type=["counter-protest"], size_low=30
        ),
        EventMention(date="2025-06-07", locality="Columbus", state="OH", event_type=["rally"], size_low=200),
    ]
    gold = write_gold(
        tmp_path,
        [{"doc_id": "c", "text": "y", "published": "2025-06-08", "is_protest_report": True, "events": golds}],
    )
    r = run_eval(gold, extractor=fake({"y": ExtractionResult(is_protest_report=True, events=preds)}))
    assert r["events"]["tp"] == 2
    assert r["fields"]["type"]["accuracy"] == 1.0 and r["fields"]["size"]["accuracy"] == 1.0


def test_matching_primitives() -> None:
    allowed = {(0, 0), (0, 1), (1, 0), (2, 2)}
    m = max_bipartite_matching(3, 3, lambda i, j: (i, j) in allowed)
    assert len(m) == 3 and len({j for _, j in m}) == 3
    # Hungarian: maximum total weight, rectangular both ways
    assert assignment([[1, 9], [8, 2]]) == [(0, 1), (1, 0)]
    assert assignment([[5], [7], [1]]) == [(1, 0)]
    assert assignment([[1, 3, 2]]) == [(0, 1)]
    # best_matching keeps cardinality first, even against a heavy single pair
    pairs = best_matching(
        2, 2, lambda i, j: (i, j) in {(0, 0), (0, 1), (1, 0)}, lambda i, j: 1.0 if (i, j) == (0, 0) else 0.0
    )
    assert pairs == [(0, 1), (1, 0)]


def test_acronym_and_fuzzy_org_matching() -> None:
    assert names_match("NDLON", "National Day Laborer Organizing Network")
    assert names_match("SEIU-USWW", "Service Employees International Union-United Service Workers West")
    assert names_match("ICE", "Immigration and Customs Enforcement")
    assert names_match("ICE", "U.S. Immigration and Customs Enforcement")
    assert names_match("the Sunrise Movement", "Sunrise Movement")
    assert names_match("National Day Laborer Organizing Network (NDLON)", "NDLON")
    assert not names_match("ICE", "CoreCivic")
    # a kind word after a name: the same body only when one side has it
    assert names_match("Harbor Rising coalition", "Harbor Rising")
    assert not names_match("Green party", "Green movement")


def test_title_and_surname_name_the_full_name() -> None:
    # the way coders write a known head of state ("President Tinubu") and the full name the text gives
    assert names_match("President Tinubu", "Bola Tinubu")
    assert names_match("Governor Hochul", "Kathy Hochul")
    assert names_match("Bola Tinubu", "President Tinubu")
    assert not names_match("President Tinubu", "Daniel Mensah")
    assert not names_match("President Tinubu", "Tinubu Holdings Group Limited Company")
    assert not names_match("Tinubu", "Bola Tinubu")  # no title: a surname alone stays fuzzy
    assert not names_match("President Okafor", "Daniel Okafor")  # no known figure
    assert not names_match("Labour movement", "Labour party")
    assert not names_match("The union", "The coalition")
    assert not names_match("Equality Ohio", "Equality Texas")
    assert not names_match("NDLON", "National Education Association")
    # a lower-case kind word after a name describes it; a police force with or without "Department"
    assert names_match("Harbor Rising coalition", "Harbor Rising")
    assert names_match("Dunmore police", "Dunmore Police Department")
    assert not names_match("Harbor Rising", "Harbor Rising Union")  # a capitalised word is part of the name
    assert not names_match("Dunmore police", "Elkton Police Department")
    f = set_f1(
        ["NDLON", "PSL"], ["National Day Laborer Organizing Network", "Los Jornaleros Del Norte"], names_match
    )
    assert f == pytest.approx(0.5)


def test_org_field_uses_acronyms(tmp_path: Path) -> None:
    g = gold_a(
        organizations=["Service Employees International Union-United Service Workers West"], targets=["ICE"]
    )
    gold = write_gold(
        tmp_path,
        [
            {
                "doc_id": "a",
                "text": TEXT_A,
                "published": "2025-05-03",
                "is_protest_report": True,
                "events": [g],
            }
        ],
    )
    p = EventMention(
        date="2025-05-02",
        locality="Springfield",
        state="IL",
        event_type=["rally"],
        organizations=["SEIU-USWW"],
        targets=["Immigration and Customs Enforcement"],
    )
    r = run_eval(gold, extractor=fake({TEXT_A: ExtractionResult(is_protest_report=True, events=[p])}))
    assert r["fields"]["organizations"]["accuracy"] == 1.0
    assert r["fields"]["targets"]["accuracy"] == 1.0
    assert r["fields"]["size"]["accuracy"] == 0.0  # predicted no size
    assert r["fields"]["arrests"]["accuracy"] == 0.0


def test_size_within_factor_two_and_same_category(tmp_path: Path) -> None:
    gold = write_gold(
        tmp_path,
        [
            {
                "doc_id": "a",
                "text": TEXT_A,
                "published": "2025-05-03",
                "is_protest_report": True,
                "events": [gold_a(size_low=300)],
            }
        ],
    )
    base = {"date": "2025-05-02", "locality": "Springfield", "state": "IL", "event_type": ["rally"]}
    for low, ok in ((200, 1.0), (600, 1.0), (140, 0.0), (700, 0.0)):
        ev = EventMention(**base, size_low=low)
        r = run_eval(gold, extractor=fake({TEXT_A: ExtractionResult(is_protest_report=True, events=[ev])}))
        assert r["fields"]["size"]["accuracy"] == ok, low


def test_coverage_counts_bad_offset_as_missing(tmp_path: Path) -> None:
    gold = write_gold(
        tmp_path,
        [
            {
                "doc_id": "a",
                "text": TEXT_A,
                "published": "2025-05-03",
                "is_protest_report": True,
                "events": [gold_a()],
            }
        ],
    )
    ev = EventMention(date="2025-05-02", locality="Springfield", state="IL", event_type=["rally"])
    i = TEXT_A.index("Springfield")
    ev.add_evidence("locality", i, i + len("Springfield"), "Springfield")  # good
    ev.add_evidence("state", i, i + 8, "Illinois")  # wrong offsets for the quote
    j = TEXT_A.index("rallied")
    ev.add_evidence("event_type", j, j + 7, "rallied")  # good
    # date has no evidence at all
    r = run_eval(
        gold, extractor=fake({TEXT_A: ExtractionResult(is_protest_report=True, text=TEXT_A, events=[ev])})
    )
    assert r["evidence_fields"] == 4
    assert r["evidence_coverage"] == 0.5


def test_coverage_uses_text_that_was_read(tmp_path: Path) -> None:
    gold = write_gold(
        tmp_path,
        [
            {
                "doc_id": "a",
                "text": "  raw " + TEXT_A,
                "published": "2025-05-03",
                "is_protest_report": True,
                "events": [],
            }
        ],
    )
    ev = EventMention(locality="Springfield")
    i = TEXT_A.index("Springfield")
    ev.add_evidence("locality", i, i + 11, "Springfield")
    r = run_eval(
        gold,
        extractor=fake(
            {"  raw " + TEXT_A: ExtractionResult(is_protest_report=True, text=TEXT_A, events=[ev])}
        ),
    )
    assert r["evidence_coverage"] == 1.0


def test_extractor_error_is_recorded_not_raised(tmp_path: Path) -> None:
    gold = write_gold(
        tmp_path,
        [
            {
                "doc_id": "a",
                "text": TEXT_A,
                "published": "2025-05-03",
                "is_protest_report": True,
                "events": [gold_a()],
            }
        ],
    )

    def broken(text: str, published: date | None) -> ExtractionResult:
        raise RuntimeError("boom")

    r = run_eval(gold, extractor=broken)
    assert r["extractor_errors"] == 1 and r["events"]["fn"] == 1
    assert r["per_doc"][0]["errors"][0].startswith("error: RuntimeError")


def test_texts_dir_and_text_file(tmp_path: Path) -> None:
    (tmp_path / "texts").mkdir()
    (tmp_path / "texts" / "a.txt").write_text(TEXT_A, encoding="utf-8")
    (tmp_path / "b.txt").write_text(TEXT_B, encoding="utf-8")
    gold = write_gold(
        tmp_path,
        [
            {"doc_id": "a", "published": "2025-05-03", "is_protest_report": True, "events": [gold_a()]},
            {
                "doc_id": "b",
                "text_file": "b.txt",
                "published": "2025-05-03",
                "is_protest_report": False,
                "events": [],
            },
        ],
    )
    seen: list[tuple[str, date | None]] = []

    def spy(text: str, published: date | None) -> ExtractionResult:
        seen.append((text, published))
        return ExtractionResult(is_protest_report=text == TEXT_A)

    r = run_eval(gold, texts_dir=tmp_path / "texts", extractor=spy)
    assert seen == [(TEXT_A, date(2025, 5, 3)), (TEXT_B, date(2025, 5, 3))]
    assert r["relevance"] == {"precision": 1.0, "recall": 1.0, "f1": 1.0}
    assert r["events"]["fn"] == 1 and r["events"]["recall"] == 0.0


def test_names_match_a_public_figure_with_or_without_title() -> None:
    from protestdb.evaluate.normalize import names_match

    assert names_match("President Jane Q. Example", "Jane Q. Example")
    assert names_match("Gov. Pat Sample", "Pat Sample")
    assert names_match("Mayor Lee Placeholder", "lee placeholder")
    assert not names_match("President Jane Q. Example", "President Pat Sample")
    assert not names_match("Mayor", "Mayor Lee Placeholder")  # a title alone names no one


def test_names_match_a_figure_by_title_and_surname_and_a_bare_government() -> None:
    from protestdb.evaluate.normalize import names_match

    # a title and the surname name a known public figure when the title fits the office
    assert names_match("President Trump", "Donald Trump")
    assert names_match("President Ruto", "William Ruto")
    assert names_match("Premier Ford", "Premier Doug Ford")
    assert names_match("Governor Newsom", "Gavin Newsom")
    assert not names_match("President Trump", "Trump administration")  # a body, not the person
    assert not names_match("President Trump", "President Ruto")
    assert not names_match("Trump", "Donald Trump")  # a surname alone, no title
    # another person of the surname, a figure of another office, or no known figure: no match
    assert not names_match("Mayor Johnson", "Boris Johnson")
    assert not names_match("Governor Trump", "Donald Trump")
    assert not names_match("President Smith", "John Smith")
    assert not names_match("Mayor Placeholder", "Lee Placeholder")
    # "the government", as a coder writes it, is the government the report names by its country
    assert names_match("the government", "Westlandian government")
    assert names_match("Government", "Government of Westland")
    assert names_match("Federal Government", "government")
    assert not names_match("government", "Westland Government Workers Union")
    assert not names_match("government", "anti-government protesters")
    assert names_match("government", "Ruto government")
    assert names_match("the government", "federal government")
    # other kinds of government: no match
    for other in ("student government", "Local Government", "county government", "shadow government",
                  "Government of National Unity", "city government"):
        assert not names_match("government", other), other


def test_one_leaders_government_in_english_and_spanish() -> None:
    """A Spanish-language page's coder writes the government of a leader and an agency in Spanish."""
    assert names_match("gobierno de Dana Harlow", "Harlow administration")
    assert names_match("Administración Harlow", "Harlow government")
    assert names_match("Servicio de Inmigración y Control de Aduanas", "ICE")
    assert not names_match("gobierno de Dana Harlow", "Dana Harlow")  # the person, not the body
    assert not names_match("gobierno de Dana Harlow", "Reyes administration")
    assert not names_match("Harlow administration", "Reyes administration")


def test_a_state_legislature_by_its_name_or_as_legislature() -> None:
    assert names_match("Kentucky legislature", "Kentucky General Assembly")
    assert names_match("Massachusetts Legislature", "Massachusetts General Court")
    assert not names_match("Oklahoma Legislature", "Kentucky General Assembly")
    assert not names_match("state legislature", "Ohio General Assembly")
    assert not names_match("Provincial Legislature", "Ohio Legislature")
