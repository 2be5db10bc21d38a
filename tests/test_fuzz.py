"""Property-based fuzzing (hypothesis) of every reader and of ``extract_text``: arbitrary bytes,
mutated valid documents and hostile tokens never crash a reader (only clear one-line errors)
and one bad JSON line or CSV row never loses the good ones after it. Brief here (a few
seconds per target); ``benchmarks/fuzz.py`` runs 100,000+ inputs."""

from __future__ import annotations

import json
import random

import pytest

hypothesis = pytest.importorskip("hypothesis")
from hypothesis import HealthCheck, given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

from fuzz_targets import SEEDS, TARGETS, TOKENS, mutate  # noqa: E402
from helpers import phase3_csv  # noqa: E402
from protestdb.ccc.reader import read_ccc_text  # noqa: E402
from protestdb.ingest.errors import IngestError  # noqa: E402
from protestdb.ingest.readers import _read_json_records  # noqa: E402
from protestdb.models import Article  # noqa: E402

FAST = settings(max_examples=60, deadline=None, database=None, derandomize=True,
                suppress_health_check=list(HealthCheck))


def _inputs(kind: str) -> st.SearchStrategy[bytes]:
    tokens = st.lists(st.sampled_from(TOKENS) | st.binary(max_size=20), max_size=30).map(b"".join)
    mutated = st.tuples(st.sampled_from(SEEDS[kind]), st.integers(0, 2**32)).map(
        lambda p: mutate(random.Random(p[1]), p[0])
    )
    return st.one_of(st.binary(max_size=600), tokens, mutated)


@pytest.mark.parametrize("kind", [k for k in TARGETS if k != "extract"])
def test_readers_never_crash(kind):
    target = TARGETS[kind]

    @FAST
    @given(_inputs(kind))
    def run(data: bytes) -> None:
        target(data)

    run()


def test_extract_text_never_crashes():
    target = TARGETS["extract"]

    @settings(max_examples=15, deadline=None, database=None, derandomize=True,
              suppress_health_check=list(HealthCheck))
    @given(_inputs("extract").map(lambda b: b[:300]))
    def run(data: bytes) -> None:
        target(data)

    run()


GOOD = [{"text": f"Nurses rallied in Townville{i} on Monday.", "published": "2025-03-04"} for i in range(3)]


@FAST
@given(st.text(max_size=200).filter(lambda s: "\n" not in s and "\r" not in s))
def test_a_bad_json_line_never_loses_the_good_lines(garbage):
    lines = [json.dumps(GOOD[0]), garbage, json.dumps(GOOD[1]), garbage, json.dumps(GOOD[2])]
    from pathlib import Path

    got = list(_read_json_records("\n".join(lines), Path("/nonexistent/in.jsonl")))
    texts = [x.text for x in got if isinstance(x, Article)]
    assert [g["text"] for g in GOOD] == [t for t in texts if t in {g["text"] for g in GOOD}]
    assert all(isinstance(x, (Article, IngestError)) for x in got)
    for x in got:
        if isinstance(x, IngestError):
            assert x.source.startswith("/nonexistent/in.jsonl:") and x.source.rsplit(":", 1)[1] in ("2", "4")


CCC_ROWS = [{"date": f"2024-05-0{i + 1}", "locality": f"Town{i}", "state": "IL", "event_type": "rally"}
            for i in range(4)]


@FAST
@given(st.text(alphabet=st.sampled_from(list('abc ,"\'1-/')), max_size=80))
def test_a_bad_csv_row_never_loses_the_good_rows_after_it(garbage):
    lines = phase3_csv(CCC_ROWS).rstrip("\n").split("\n")
    lines.insert(2, garbage)  # between the first and the second row
    f = read_ccc_text("\n".join(lines) + "\n", "g.csv")
    kept = [r.values["locality"] for r in f.rows]
    assert kept[-3:] == ["Town1", "Town2", "Town3"] and kept[0] == "Town0"
