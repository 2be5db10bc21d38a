"""Reading CCC CSV files: cleaning, phases, malformed rows (own small CSVs, no CCC text)."""

from __future__ import annotations

from pathlib import Path

from helpers import phase3_csv
from protestdb.ccc.reader import decode_bytes, parse_date, read_ccc, read_ccc_text, repair_mojibake

ROW = {
    "date": "2024-05-04",
    "locality": "Springfield",
    "state": "IL",
    "resolved_locality": "Springfield",
    "resolved_state": "IL",
    "fips_code": "17167.0",
    "event_type": "protest; march",
    "organizations": "Prairie Tenants Union; Bike Riders Collective",
    "valence": "1.0",
    "size_low": "40.0",
    "source1": "example.org",
}


def test_na_lists_and_pandas_floats_are_cleaned():
    f = read_ccc_text(phase3_csv([ROW]))
    assert f.phase == "phase3" and not f.errors
    v = f.rows[0].values
    assert v["title"] == ""  # NA -> null
    assert v["fips_code"] == "17167"
    assert v["valence"] == "1" and v["size_low"] == "40"
    assert v["organizations"] == "Prairie Tenants Union; Bike Riders Collective"


def test_short_fips_gets_five_digits():
    f = read_ccc_text(phase3_csv([{**ROW, "fips_code": "6037.0"}]))
    assert f.rows[0].values["fips_code"] == "06037"


def test_stray_latin1_byte_and_mojibake_are_repaired(tmp_path: Path):
    text = phase3_csv([{**ROW, "locality": "Espa\u00f1ola", "location": "Caf\u00c3\u00a9 Plaza"}])
    data = text.encode("utf-8").replace("Espa\u00f1ola".encode(), b"Espa\xf1ola")  # one bare latin-1 byte
    p = tmp_path / "mixed.csv"
    p.write_bytes(data)
    v = read_ccc(p).rows[0].values
    assert v["locality"] == "Espa\u00f1ola"
    assert v["location"] == "Caf\u00e9 Plaza"


def test_repair_leaves_correct_text_alone():
    assert repair_mojibake("Do\u00f1a Ana County") == "Do\u00f1a Ana County"
    assert repair_mojibake("it\u00e2\u20ac\u2122s") == "it\u2019s"
    assert decode_bytes(b"caf\xc3\xa9 \xe9t\xe9") == "caf\u00e9 \u00e9t\u00e9"


def test_bare_carriage_return_inside_a_field_is_not_a_row_break():
    text = phase3_csv([ROW, {**ROW, "date": "2024-05-05"}]).replace(
        "Springfield,IL,Springfield", "Springfield\r,IL,Springfield", 1
    )
    f = read_ccc_text(text)
    assert not f.errors and len(f.rows) == 2
    assert f.rows[0].values["locality"] == "Springfield"


def test_quoted_field_may_span_lines_and_line_numbers_follow():
    text = phase3_csv([{**ROW, "notes": "first line\nsecond line"}, {**ROW, "date": "not a date"}])
    f = read_ccc_text(text)
    assert f.rows[0].values["notes"] == "first line\nsecond line"
    assert [(e.line, "bad date" in e.message) for e in f.errors] == [(4, True)]


def test_malformed_rows_are_reported_with_line_and_skipped():
    good = phase3_csv(
        [ROW, {**ROW, "date": "2024-05-06"}, {**ROW, "date": "2024-13-40"}, {**ROW, "date": "2024-05-07"}]
    )
    lines = good.splitlines()
    lines.insert(2, "2024-05-05,Springfield,IL,too,few")  # line 3
    f = read_ccc_text("\n".join(lines) + "\n")
    assert [r.values["date"] for r in f.rows] == ["2024-05-04", "2024-05-06", "2024-05-07"]
    assert [e.line for e in f.errors] == [3, 5]
    assert "columns" in f.errors[0].message and "bad date" in f.errors[1].message


def test_compiled_schema_columns_map_to_phase3_names():
    text = (
        "date,locality,state,type,actors,claims,location_detail,fips_code,source_1,source_2\n"
        "2019-03-15,Portland,OR,march,Youth Climate Strikers,for climate action,City Hall,41051.0,example.org,NA\n"
        "3/16/2019,Salem,OR,rally,,against a pipeline,NA,NA,example.net,NA\n"
    )
    f = read_ccc_text(text)
    assert f.phase == "compiled" and not f.errors
    v = f.rows[0].values
    assert v["event_type"] == "march" and v["organizations"] == "Youth Climate Strikers"
    assert v["claims_summary"] == "for climate action" and v["location"] == "City Hall"
    assert v["source1"] == "example.org" and v["source2"] == ""
    assert f.rows[1].values["date"] == "2019-03-16"


def test_parse_date_and_snapshot_from_name(tmp_path: Path):
    assert parse_date("2024-02-29") == "2024-02-29"
    assert parse_date("2023-02-29") is None
    p = tmp_path / "ccc-phase3-public_asof-2024-06-01.csv"
    p.write_text(phase3_csv([ROW]), encoding="utf-8")
    assert read_ccc(p).snapshot == "2024-06-01"


def test_file_without_date_column_is_an_error():
    f = read_ccc_text("a,b\n1,2\n")
    assert not f.rows and f.errors and f.errors[0].line == 1
