"""The optional visit-level columns for the population view: municipality of residence, priority
and referral source. Recognised by their Danish names, labels mapped, unknown labels refused
with file, column, rows and a fix; a file without them reads exactly as before."""
from __future__ import annotations

import pandas as pd
import pytest
from test_ingest import DANISH, PERIOD, expected_canonical, only, problems_for, staged_frame, write_csv

from analysis.base import schema as s
from analysis.base.problems import InputError
from analysis.inputs import ingest

WITH_OPTIONAL = DANISH.assign(
    Bopælskommune=[" Skive ", "SKIVE", "ringkøbing-skjern"],
    Prioritet=["Akut", "planlagt", "elektiv"],
    Henviser=["Almen praksis", "Egen afdeling", "Skadestue"],
)


def staged(tmp_path, df: pd.DataFrame) -> tuple[pd.DataFrame, ingest.IngestResult]:
    src = write_csv(df, tmp_path / "visits.csv", ";", "utf-8")
    result = ingest.ingest(src, PERIOD, tmp_path / "staged.parquet")
    return staged_frame(tmp_path / "staged.parquet"), result


def test_optional_columns_are_read_and_labels_mapped(tmp_path):
    df, result = staged(tmp_path, WITH_OPTIONAL)
    assert df["municipality"].tolist() == ["Skive", "Skive", "Ringkøbing-Skjern"]
    assert df["priority"].tolist() == ["acute", "planned", "planned"]
    assert df["referral_source"].tolist() == ["general_practice", "own_department", "emergency_department"]
    assert result.columns["Bopælskommune"] == "municipality"
    assert result.missing == {"cost_dkk": 0, "municipality": 0, "priority": 0, "referral_source": 0}


def test_a_file_without_them_is_unchanged(tmp_path):
    df, result = staged(tmp_path, DANISH)
    pd.testing.assert_frame_equal(df, expected_canonical(), check_dtype=False)
    assert set(result.missing) == {"cost_dkk"}


@pytest.mark.parametrize("name,column", [
    ("Bopælskommune", "municipality"), ("Kommune", "municipality"), ("Bopælskommunenavn", "municipality"),
    ("Prioritet", "priority"), ("Prioritering", "priority"),
    ("Henvisningsårsag", "referral_source"), ("Henviser", "referral_source"),
    ("Henvisningsinstans", "referral_source"),
])
def test_column_aliases(name, column):
    assert s.COLUMN_ALIASES[s.norm_key(name)] == column


@pytest.mark.parametrize("label,value", [
    ("akut", "acute"), ("Akut", "acute"), ("planlagt", "planned"), ("Planlagt", "planned"), ("elektiv", "planned"),
])
def test_priority_labels(label, value):
    assert s.VALUE_ALIASES[s.PRIORITY][s.norm_key(label)] == value


@pytest.mark.parametrize("label,value", [
    ("Almen praksis", "general_practice"), ("Egen læge", "general_practice"),
    ("Praktiserende læge", "general_practice"), ("Andet sygehus", "other_hospital"),
    ("Andet hospital", "other_hospital"), ("Skadestue", "emergency_department"),
    ("Akutmodtagelse", "emergency_department"), ("Egen afdeling", "own_department"), ("Andet", "other"),
])
def test_referral_labels(label, value):
    assert s.VALUE_ALIASES[s.REFERRAL_SOURCE][s.norm_key(label)] == value


def test_every_label_reads_from_a_file(tmp_path):
    labels = ["Almen praksis", "Egen læge", "Praktiserende læge", "Andet sygehus", "Andet hospital",
              "Skadestue", "Akutmodtagelse", "Egen afdeling", "Andet"]
    n = len(labels)
    df = pd.concat([DANISH] * 3).head(n).assign(**{
        "Besøg ID": [f"B{i}" for i in range(n)], "Henvisningsårsag": labels,
        "Prioritering": (["akut", "Akut", "planlagt", "Planlagt", "elektiv"] * 2)[:n]})
    out, _ = staged(tmp_path, df)
    assert out["referral_source"].tolist() == [
        "general_practice"] * 3 + ["other_hospital"] * 2 + ["emergency_department"] * 2 + ["own_department", "other"]
    assert out["priority"].tolist() == ["acute", "acute", "planned", "planned", "planned", "acute", "acute",
                                        "planned", "planned"]


def test_unknown_priority_is_refused_with_rows_and_fix(tmp_path):
    p = only(problems_for(tmp_path, WITH_OPTIONAL.assign(Prioritet=["Akut", "Haster", "Haster"])))
    assert (p.column, p.contract, p.rows, p.examples) == ("Prioritet", "priority", [2, 3], ["Haster"])
    assert "acute, planned" in p.message and "mapping file" in p.hint
    assert "extract.csv" in str(p) and "rows 2, 3" in str(p)


def test_unknown_referral_source_is_refused(tmp_path):
    p = only(problems_for(tmp_path, WITH_OPTIONAL.assign(Henviser=["Almen praksis", "Almen praksis", "Nabo"])))
    assert (p.column, p.contract, p.rows, p.examples) == ("Henviser", "referral_source", [3], ["Nabo"])


def test_a_mapping_file_adds_priority_labels(tmp_path):
    src = write_csv(WITH_OPTIONAL.assign(Prioritet=["Akut", "Haster", "planlagt"]), tmp_path / "v.csv", ";", "utf-8")
    mapping = tmp_path / "mapping.yml"
    mapping.write_text("values:\n  priority:\n    Haster: acute\n", encoding="utf-8")
    ingest.ingest(src, PERIOD, tmp_path / "s.parquet", ingest.load_mapping(mapping))
    assert staged_frame(tmp_path / "s.parquet")["priority"].tolist() == ["acute", "acute", "planned"]
    mapping.write_text("values:\n  priority:\n    Haster: urgent\n", encoding="utf-8")
    with pytest.raises(InputError, match="'urgent', not a valid value"):
        ingest.load_mapping(mapping)


def test_missing_values_are_allowed_and_counted(tmp_path):
    df, result = staged(tmp_path, WITH_OPTIONAL.assign(Prioritet=["Akut", "", "planlagt"],
                                                       Bopælskommune=["Skive", "", ""]))
    assert df["priority"].isna().sum() == 1
    assert result.missing["priority"] == 1 and result.missing["municipality"] == 2


def test_a_rare_misspelt_municipality_is_refused_with_did_you_mean(tmp_path):
    df = pd.concat([DANISH] * 100, ignore_index=True)
    df["Besøg ID"] = [f"B{i}" for i in range(len(df))]
    df["Bopælskommune"] = ["Viborg" if i % 3 == 0 else "Ringkøbing-Skjern" for i in range(len(df))]
    df.loc[len(df) - 1, "Bopælskommune"] = "Ringkøbing-Skejrn"  # 1 row of 300, two letters swapped
    p = only(problems_for(tmp_path, df))
    assert (p.column, p.contract, p.rows) == ("Bopælskommune", "municipality", [300])
    assert "did you mean 'Ringkøbing-Skjern'?" in p.message
    # a name under 6 letters (Skive/Skvie) is not assumed a slip here, as for hospital codes;
    # 09_population then lists it as a name the population table does not know


@pytest.mark.suite
def test_the_data_quality_report_names_the_optional_columns_and_values_in_danish(tmp_path):
    """A visit-level extract with Danish headers and values for Prioritet and Henviser, as a
    Windows-1252 CSV: 00_data_quality publishes, and its tables show the Danish names."""
    import re

    from analysis.running import runner

    sources = ["Almen praksis", "Andet sygehus", "Akutmodtagelse", "Egen afdeling", "Andet"]
    df = pd.concat([DANISH] * 2, ignore_index=True).head(5).assign(
        **{"Besøg ID": [f"B{i}" for i in range(5)], "Prioritet": ["Akut", "Planlagt", "Akut", "Planlagt", ""],
           "Henviser": sources})
    src = write_csv(df, tmp_path / "besøg.csv", ";", "cp1252")
    (tmp_path / "executed").mkdir()
    params = {"source": str(src), "mapping": "", "period_start": "2024-01-01", "period_end": "2024-12-31",
              "language": "da"}
    result = runner._execute_one("00_data_quality", "00_data_quality", params, str(tmp_path))
    assert result.ok, result.error
    assert runner.check_report(tmp_path / result.html, None) == []
    text = re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", (tmp_path / result.html).read_text(encoding="utf-8")))
    for word in ("Prioritet", "Henvisningsinstans", "Akut", "Planlagt", *sources):
        assert f" {word} " in text, word
    for key in ("priority", "referral_source", "acute", "planned", "general_practice", "own_department"):
        assert f" {key} " not in text, key
