"""Ingest: every dialect of a Danish extract reads to the same canonical data, and every kind
of bad input stops with a message naming file, column, rows and a fix."""
from __future__ import annotations

import datetime as dt
from pathlib import Path

import pandas as pd
import pytest

from analysis.base.problems import InputError, Problem
from analysis.inputs import ingest

PERIOD = (dt.date(2024, 1, 1), dt.date(2024, 12, 31))

# A small extract as a Danish system would deliver it: Danish names, labels, decimal comma.
DANISH = pd.DataFrame({
    "Besøg ID": ["B1", "B2", "B3"],
    "Patient": ["P1", "P1", "P2"],
    "Dato": ["01-02-2024", "15-03-2024", "02-02-2024"],
    "Sygehus": ["Regionshospitalet Randers ", "Regionshospitalet  Randers", "Aarhus Universitetshospital"],
    "Speciale": ["Kardiologi", "Kardiologi", "Endokrinologi"],
    "Sektor": ["Somatik", "somatik", "SOMATIK"],
    "Besøgstype": ["Udredning", "Kontrol", "Mindre indgreb"],
    "Kontakttype": ["Fremmøde", "Telefon", "Skriftlig"],
    "Alder": ["67", "67", "45"],
    "Køn": ["Kvinde", "Kvinde", "Mand"],
    "Pris": ["1.234,50", "700", "3500,25"],
})


def expected_canonical() -> pd.DataFrame:
    return pd.DataFrame({
        "visit_id": ["B1", "B2", "B3"],
        "patient_id": ["P1", "P1", "P2"],
        "visit_date": pd.to_datetime(["2024-02-01", "2024-03-15", "2024-02-02"]).date,
        "hospital": ["Regionshospitalet Randers", "Regionshospitalet Randers", "Aarhus Universitetshospital"],
        "specialty": ["Kardiologi", "Kardiologi", "Endokrinologi"],
        "sector": ["somatic"] * 3,
        "visit_type": ["assessment", "follow_up", "minor_procedure"],
        "contact_mode": ["in_person", "phone", "written"],
        "age": [67.0, 67.0, 45.0],
        "sex": ["F", "F", "M"],
        "cost_dkk": [1234.5, 700.0, 3500.25],
    })


def staged_frame(path: Path) -> pd.DataFrame:
    df = pd.read_parquet(path).drop(columns="_row")
    for c in df.columns:
        if isinstance(df[c].dtype, pd.CategoricalDtype):
            df[c] = df[c].astype(str)
    df["visit_id"] = df["visit_id"].astype(str)
    df["patient_id"] = df["patient_id"].astype(str)
    return df


def write_csv(df: pd.DataFrame, path: Path, sep: str, encoding: str) -> Path:
    path.write_bytes(df.to_csv(sep=sep, index=False).encode(encoding))
    return path


@pytest.mark.parametrize("sep,encoding", [(";", "utf-8"), (";", "utf-8-sig"), (";", "cp1252"), ("\t", "utf-8")])
def test_danish_csv_dialects_read_to_the_contract(tmp_path, sep, encoding):
    src = write_csv(DANISH, tmp_path / "besøg.csv", sep, encoding)
    result = ingest.ingest(src, PERIOD, tmp_path / "staged.parquet")
    pd.testing.assert_frame_equal(staged_frame(tmp_path / "staged.parquet"), expected_canonical(),
                                  check_dtype=False)
    assert result.dialect["separator"] == sep
    assert result.rows == 3


def test_comma_separated_with_decimal_point(tmp_path):
    df = DANISH.assign(Pris=["1234.50", "700", "3500.25"])
    src = write_csv(df, tmp_path / "visits.csv", ",", "utf-8")
    ingest.ingest(src, PERIOD, tmp_path / "staged.parquet")
    assert staged_frame(tmp_path / "staged.parquet")["cost_dkk"].tolist() == [1234.5, 700.0, 3500.25]


def test_windows_1252_is_detected(tmp_path):
    src = write_csv(DANISH, tmp_path / "visits.csv", ";", "cp1252")
    assert ingest.detect_dialect(src).encoding == "cp1252"
    assert staged_frame(ingest.ingest(src, PERIOD, tmp_path / "s.parquet") and tmp_path / "s.parquet")[
        "visit_type"].tolist() == ["assessment", "follow_up", "minor_procedure"]


def test_excel_file(tmp_path):
    src = tmp_path / "visits.xlsx"
    DANISH.assign(Dato=pd.to_datetime(DANISH["Dato"], dayfirst=True), Alder=[67, 67, 45]).to_excel(src, index=False)
    ingest.ingest(src, PERIOD, tmp_path / "staged.parquet")
    pd.testing.assert_frame_equal(staged_frame(tmp_path / "staged.parquet"), expected_canonical(),
                                  check_dtype=False)


def test_labels_that_were_translated_are_counted(tmp_path):
    src = write_csv(DANISH, tmp_path / "v.csv", ";", "utf-8")
    result = ingest.ingest(src, PERIOD, tmp_path / "s.parquet")
    mapped = {(m["column"], m["source"]): (m["value"], m["rows"]) for m in result.mapped_labels}
    assert mapped[("visit_type", "Kontrol")] == ("follow_up", 1)
    assert mapped[("sector", "Somatik")] == ("somatic", 1)
    assert result.columns["Besøgstype"] == "visit_type"


def test_user_mapping_file_adds_columns_and_labels(tmp_path):
    df = DANISH.rename(columns={"Sygehus": "Afsnit"}).assign(Besøgstype=["Forløbsstart", "Kontrol", "Kontrol"],
                                                              Kommentar=["", "x", ""])
    src = write_csv(df, tmp_path / "v.csv", ";", "utf-8")
    mapping = tmp_path / "mapping.yml"
    mapping.write_text("columns:\n  Afsnit: hospital\nvalues:\n  visit_type:\n    Forløbsstart: assessment\n"
                       "ignore: [Kommentar]\n", encoding="utf-8")
    result = ingest.ingest(src, PERIOD, tmp_path / "s.parquet", ingest.load_mapping(mapping))
    assert staged_frame(tmp_path / "s.parquet")["visit_type"].tolist() == ["assessment", "follow_up", "follow_up"]
    assert result.ignored_columns == ["Kommentar"]


def test_mapping_file_with_an_invalid_target_is_rejected(tmp_path):
    mapping = tmp_path / "mapping.yml"
    mapping.write_text("values:\n  visit_type:\n    Forløbsstart: first\n", encoding="utf-8")
    with pytest.raises(InputError, match="Forløbsstart.*'first', not a valid value"):
        ingest.load_mapping(mapping)


def test_a_mapping_file_with_an_unquoted_name_holding_a_colon_says_to_quote_it(tmp_path):
    mapping = tmp_path / "mapping.yml"
    mapping.write_text("renames:\n  hospital:\n    Aarhus: Hospital: Syd\n", encoding="utf-8")
    with pytest.raises(InputError) as err:
        ingest.load_mapping(mapping)
    assert str(err.value.problems[0]) == (
        "mapping.yml: the mapping file is not valid YAML at line 3, column 21: mapping values are not allowed here "
        "(the line reads: Aarhus: Hospital: Syd).\n    Fix: quote the value that holds ': ', here: Aarhus: "
        "\"Hospital: Syd\" (unquoted, YAML reads its ': ' as the start of another key; a name used as a key is "
        "quoted the same way)")


def test_a_mapping_file_indented_too_far_is_told_to_check_the_indentation_not_to_quote(tmp_path):
    mapping = tmp_path / "mapping.yml"
    mapping.write_text("columns:\n  Afsnit: hospital\n    Dato: visit_date\n", encoding="utf-8")
    with pytest.raises(InputError) as err:
        ingest.load_mapping(mapping)
    [problem] = err.value.problems
    assert "at line 3, column 9" in problem.message
    assert problem.hint.startswith("check the line's indentation against the line above it")


# --- bad input: one behaviour per test, message checked --------------------------------------
def problems_for(tmp_path, df: pd.DataFrame, period=PERIOD) -> list[Problem]:
    src = write_csv(df, tmp_path / "extract.csv", ";", "utf-8")
    with pytest.raises(InputError) as err:
        ingest.ingest(src, period, tmp_path / "staged.parquet")
    assert not (tmp_path / "staged.parquet").exists(), "nothing is staged when the input is rejected"
    return err.value.problems


def only(problems):
    assert len(problems) == 1, [str(p) for p in problems]
    return problems[0]


def test_missing_required_column(tmp_path):
    p = only(problems_for(tmp_path, DANISH.drop(columns="Besøgstype")))
    assert p.column == "visit_type" and "missing" in p.message and "besøgstype" in p.hint
    assert "extract.csv" in str(p)


def test_unknown_column(tmp_path):
    p = only(problems_for(tmp_path, DANISH.assign(Afdelingskode=["a", "b", "c"])))
    assert p.column == "Afdelingskode" and p.message == "unknown column" and "ignore" in p.hint


def test_unknown_category_names_rows_and_value(tmp_path):
    p = only(problems_for(tmp_path, DANISH.assign(Besøgstype=["Udredning", "Kontrl", "Kontrl"])))
    assert (p.column, p.contract, p.rows, p.examples) == ("Besøgstype", "visit_type", [2, 3], ["Kontrl"])
    assert "mapping file" in p.hint
    assert "rows 2, 3" in str(p)


def test_duplicate_visit_ids(tmp_path):
    p = only(problems_for(tmp_path, DANISH.assign(**{"Besøg ID": ["B1", "B2", "B1"]})))
    assert p.column == "Besøg ID" and p.rows == [1, 3] and "more than once" in p.message


def test_date_outside_the_period(tmp_path):
    p = only(problems_for(tmp_path, DANISH.assign(Dato=["01-02-2024", "15-03-2023", "02-02-2024"])))
    assert p.contract == "visit_date" and p.rows == [2] and "outside the run's period" in p.message


def test_unreadable_date(tmp_path):
    p = only(problems_for(tmp_path, DANISH.assign(Dato=["01-02-2024", "31-13-2024", "02-02-2024"])))
    assert p.contract == "visit_date" and p.rows == [2] and p.message == "a day the calendar does not have"
    p = only(problems_for(tmp_path, DANISH.assign(Dato=["01-02-2024", "primo februar", "02-02-2024"])))
    assert p.contract == "visit_date" and p.rows == [2] and p.message == "not a date"


def test_cpr_like_patient_id_is_rejected_and_not_echoed(tmp_path):
    p = only(problems_for(tmp_path, DANISH.assign(Patient=["P1", "010203-1234", "0102031234"])))
    assert p.contract == "patient_id" and p.rows == [2, 3] and "CPR" in p.message
    assert "1234" not in " ".join(p.examples), "a CPR number is never printed in full"


def test_a_cpr_shaped_visit_id_is_masked_in_the_duplicates_message(tmp_path):
    p = only(problems_for(tmp_path, DANISH.assign(**{"Besøg ID": ["0102031234", "B2", "0102031234"]})))
    assert "more than once" in p.message and "010203-****" in str(p)
    assert "0102031234" not in str(p)


def test_a_cpr_shaped_sex_value_is_masked_in_the_unknown_value_message(tmp_path):
    p = only(problems_for(tmp_path, DANISH.assign(Køn=["Kvinde", "010203-1234", "Mand"])))
    assert p.contract == "sex" and "010203-****" in str(p)
    assert "010203-1234" not in str(p)


def test_the_input_errors_message_masks_every_cpr_shaped_value(tmp_path):
    src = write_csv(DANISH.assign(**{"Besøg ID": ["0102031234", "B2", "0102031234"]},
                                  Køn=["Kvinde", "3112991234", "Mand"]), tmp_path / "extract.csv", ";", "utf-8")
    with pytest.raises(InputError) as err:
        ingest.ingest(src, PERIOD, tmp_path / "staged.parquet")
    assert "0102031234" not in str(err.value) and "3112991234" not in str(err.value)
    assert "010203-****" in str(err.value) and "311299-****" in str(err.value)


def test_non_numeric_age(tmp_path):
    p = only(problems_for(tmp_path, DANISH.assign(Alder=["67", "sixty", "45"])))
    assert p.contract == "age" and p.rows == [2] and p.examples == ["sixty"]


def test_several_problems_are_reported_together(tmp_path):
    bad = DANISH.assign(Besøgstype=["Udredning", "Kontrl", "Kontrol"], Køn=["K", "X", "M"])
    problems = problems_for(tmp_path, bad)
    assert {p.contract for p in problems} == {"visit_type", "sex"}


# --- pre-aggregated extracts ------------------------------------------------------------------
AGGREGATED = pd.DataFrame({
    "År": [2024, 2024, 2024],
    "Sygehus": ["Regionshospitalet Horsens"] * 3,
    "Speciale": ["Urologi"] * 3,
    "Sektor": ["Somatik"] * 3,
    "Besøgstype": ["Kontrol", "Kontrol", "Udredning"],
    "Kontaktform": ["Fremmøde", "Telefon", "Fremmøde"],
    "Antal besøg": ["1200", "340", "800"],
    "Antal patienter": ["400", "300", "760"],
})


def test_pre_aggregated_extract_is_recognised(tmp_path):
    src = write_csv(AGGREGATED, tmp_path / "agg.csv", ";", "utf-8")
    result = ingest.ingest(src, PERIOD, tmp_path / "s.parquet")
    assert result.kind == "aggregated"
    assert pd.read_parquet(tmp_path / "s.parquet")["visits"].tolist() == [1200, 340, 800]


def test_negative_count(tmp_path):
    p = only(problems_for(tmp_path, AGGREGATED.assign(**{"Antal besøg": ["1200", "-3", "800"]})))
    assert p.contract == "visits" and p.rows == [2] and p.message == "negative value"


def test_non_integer_count(tmp_path):
    p = only(problems_for(tmp_path, AGGREGATED.assign(**{"Antal besøg": ["1200", "3,5", "800"],
                                                                  "Antal patienter": ["400", "3", "760"]})))
    assert p.contract == "visits" and p.rows == [2] and "whole number" in p.message


def test_more_patients_than_visits(tmp_path):
    p = only(problems_for(tmp_path, AGGREGATED.assign(**{"Antal patienter": ["400", "341", "760"]})))
    assert p.contract == "patients" and p.rows == [2] and "more patients than visits" in p.message


def test_year_outside_the_period(tmp_path):
    p = only(problems_for(tmp_path, AGGREGATED.assign(År=[2024, 2022, 2024])))
    assert p.contract == "year" and p.rows == [2]


def test_cells_that_repeat_a_key_are_summed_and_their_patients_unknown(tmp_path):
    split = AGGREGATED.assign(Kontaktform=["Fremmøde", "Fremmøde", "Telefon"], Besøgstype=["Kontrol"] * 3,
                              **{"Værdi (kr.)": ["1.000,50", "2.000", "300"]})
    src = write_csv(split, tmp_path / "agg.csv", ";", "utf-8")
    result = ingest.ingest(src, PERIOD, tmp_path / "s.parquet")
    staged = pd.read_parquet(tmp_path / "s.parquet")
    assert staged["visits"].tolist() == [1540, 800] and staged["cost_dkk"].tolist() == [3000.5, 300.0]
    assert staged["patients"].isna().tolist() == [True, False], "distinct patients cannot be summed"
    assert staged["_row"].tolist() == [1, 3]
    assert (result.merged_rows, result.merged_cells) == (2, 1)
    assert result.missing["patients"] == 2, "the two rows' patient counts are unknown once summed"
    assert ingest.IngestResult.from_json(result.to_json()) == result


def test_a_cell_value_is_only_summed_where_every_part_has_one(tmp_path):
    split = AGGREGATED.assign(Kontaktform=["Fremmøde"] * 3, Besøgstype=["Kontrol"] * 3,
                              Værdi=["100", "", "300"])
    src = write_csv(split, tmp_path / "agg.csv", ";", "utf-8")
    ingest.ingest(src, PERIOD, tmp_path / "s.parquet")
    assert pd.read_parquet(tmp_path / "s.parquet")["cost_dkk"].isna().tolist() == [True]


def test_an_old_ingest_result_still_loads():
    import json
    old = {"file": "f.csv", "sha256": "x", "kind": "visits", "dialect": {}, "rows": 1, "columns": {},
           "ignored_columns": [], "mapped_labels": [], "missing": {}, "period": ["2024-01-01", "2024-12-31"],
           "mapping_source": "built-in", "staged": "s.parquet"}
    result = ingest.IngestResult.from_json(json.dumps(old))
    assert (result.merged_rows, result.merged_cells, result.renames) == (0, 0, [])


def test_missing_file(tmp_path):
    with pytest.raises(InputError, match="does not exist"):
        ingest.ingest(tmp_path / "nope.csv", PERIOD, tmp_path / "s.parquet")


# --- parsers ----------------------------------------------------------------------------------
def test_numbers_written_the_danish_and_english_way():
    s = pd.Series(["1.234,5", "1234.5", "1 234", "12,5", "abc", None])
    out = ingest.parse_number(s, decimal=",")
    assert out.tolist()[:4] == [1234.5, 1234.5, 1234.0, 12.5]
    assert out.isna().tolist()[4:] == [True, True]


def test_thousands_dots_in_a_decimal_comma_file():
    assert ingest.parse_number(pd.Series(["1.812", "12.345.678", "1.5"]), decimal=",").tolist() == [
        1812.0, 12345678.0, 1.5]
    assert ingest.parse_number(pd.Series(["1.812"]), decimal=".").tolist() == [1.812]


def test_the_readme_example_of_an_aggregated_extract(tmp_path):
    from analysis.base import config
    result = ingest.ingest(config.DATA_DIR / "examples" / "aggregated_extract.csv", PERIOD, tmp_path / "s.parquet")
    staged = pd.read_parquet(tmp_path / "s.parquet")
    assert result.kind == "aggregated" and staged["visits"].tolist()[:2] == [1812, 3904]


def test_dates_iso_and_day_first():
    assert ingest.parse_date(pd.Series(["2024-03-01"])).iloc[0] == pd.Timestamp("2024-03-01")
    assert ingest.parse_date(pd.Series(["01.03.2024"])).iloc[0] == pd.Timestamp("2024-03-01")
    assert ingest.parse_date(pd.Series(["01/03/2024"])).iloc[0] == pd.Timestamp("2024-03-01")


def test_control_characters_in_names_are_read_as_nothing():
    names = pd.Series(["Klinik\x1b[2J", "Syd\x07kli\x00nik "])
    assert ingest._clean_text(names).tolist() == ["Klinik[2J", "Sydklinik"]
