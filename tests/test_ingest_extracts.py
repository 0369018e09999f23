"""Ingest of real extracts as a region's BI portal and Excel deliver them: value and month columns,
split cells, misspelt and renamed units, and the first-run rough edges (empty files, UTF-16,
title rows, several sheets, a separator at the end of every line). Each either reads correctly
or stops with one message naming file, column, rows and the fix."""
from __future__ import annotations

import datetime as dt
from pathlib import Path

import pandas as pd
import pytest

from analysis.base import names
from analysis.base.problems import InputError, Problem
from analysis.inputs import ingest

PERIOD = (dt.date(2024, 1, 1), dt.date(2024, 12, 31))
HOSPITALS = ["Regionshospitalet Randers", "Regionshospitalet Horsens", "Aarhus Universitetshospital",
             "Hospitalsenhed Midt", "Hospitalsenhed Vest"]
SPECIALTIES = ["Urologi", "Kardiologi", "Neurologi", "Nefrologi", "Endokrinologi"]


def bi_extract(n_hospitals: int = 5) -> pd.DataFrame:
    """An aggregated extract: year x hospital x specialty x visit type x contact mode, as Danish
    headers and labels (200 cells for 5 hospitals)."""
    rows = []
    for h in HOSPITALS[:n_hospitals]:
        for sp in SPECIALTIES:
            for vt in ("Udredning", "Kontrol"):
                for cm in ("Fremmøde", "Telefon", "Video", "Skriftlig"):
                    rows.append({"År": 2024, "Sygehus": h, "Speciale": sp, "Sektor": "Somatik", "Besøgstype": vt,
                                 "Kontaktform": cm, "Antal besøg": 1200 if cm == "Fremmøde" else 300,
                                 "Antal patienter": 250})
    return pd.DataFrame(rows)


def write(df: pd.DataFrame, path: Path, sep: str = ";", encoding: str = "utf-8") -> Path:
    path.write_bytes(df.to_csv(sep=sep, index=False).encode(encoding))
    return path


def problems_of(src: Path, mapping: ingest.Mapping | None = None, period=PERIOD, **options) -> list[Problem]:
    staged = src.parent / "staged.parquet"
    with pytest.raises(InputError) as err:
        ingest.ingest(src, period, staged, mapping, **options)
    assert not staged.exists(), "nothing is staged when the input is rejected"
    return err.value.problems


def only(problems):
    assert len(problems) == 1, [str(p) for p in problems]
    return problems[0]


# --- value and month columns ------------------------------------------------------------------
@pytest.mark.parametrize("header", ["Værdi (kr.)", "Værdi", "Beløb", "DRG-værdi", "DAGS-værdi", "Takst", "Pris"])
def test_a_value_column_is_read_as_the_cells_total(tmp_path, header):
    df = bi_extract(1).assign(**{header: "2.444.400,50"})
    result = ingest.ingest(write(df, tmp_path / "x.csv"), PERIOD, tmp_path / "s.parquet")
    assert result.columns[header] == "cost_dkk"
    assert pd.read_parquet(tmp_path / "s.parquet")["cost_dkk"].iloc[0] == 2444400.5


@pytest.mark.parametrize("written", ["2024-03", "2024-03-01", "03-2024", "marts 2024", "mar 2024", "Mar. 2024",
                                     "202403", "01.03.2024"])
def test_a_month_column_is_the_first_day_of_the_month_and_gives_the_year(tmp_path, written):
    df = bi_extract(1).drop(columns="År").assign(Måned=written)
    result = ingest.ingest(write(df, tmp_path / "x.csv"), PERIOD, tmp_path / "s.parquet")
    staged = pd.read_parquet(tmp_path / "s.parquet")
    assert set(staged["month"]) == {dt.date(2024, 3, 1)} and set(staged["year"]) == {2024}
    assert result.columns["Måned"] == "month" and result.span == ["2024-03", "2024-03"]


def test_a_date_per_cell_gives_the_month(tmp_path):
    df = bi_extract(1).drop(columns="År").assign(Dato="15-03-2024")
    result = ingest.ingest(write(df, tmp_path / "x.csv"), PERIOD, tmp_path / "s.parquet")
    assert result.columns["Dato"] == "month"
    assert set(pd.read_parquet(tmp_path / "s.parquet")["month"]) == {dt.date(2024, 3, 1)}


def test_month_parser_danish_and_english_names():
    months = ingest.parse_month(pd.Series(["januar 2024", "maj 2024", "okt 2024", "December 2024", "13-2024", None]))
    assert months.iloc[:4].dt.month.tolist() == [1, 5, 10, 12]
    assert months.iloc[4:].isna().all()


def test_a_month_outside_the_period_or_unreadable_is_an_error(tmp_path):
    df = bi_extract(1).drop(columns="År").assign(Måned="2024-03")
    df.loc[3, "Måned"] = "2023-12"
    df.loc[5, "Måned"] = "Q1 2024"
    problems = problems_of(write(df, tmp_path / "x.csv"))
    by_message = {p.message.split(" (")[0]: p for p in problems}
    assert set(by_message) == {"outside the run's period", "not a month"}, [str(p) for p in problems]
    assert (by_message["outside the run's period"].rows == [4]
            and by_message["outside the run's period"].column == "Måned")
    assert by_message["not a month"].rows == [6] and "2024-03" in by_message["not a month"].hint


def test_a_year_that_differs_from_the_month_is_an_error(tmp_path):
    df = bi_extract(1).assign(Måned="2024-03")
    df.loc[2, "År"] = 2023
    p = only(problems_of(write(df, tmp_path / "x.csv"), period=(dt.date(2023, 1, 1), dt.date(2024, 12, 31))))
    assert (p.column, p.rows) == ("År", [3]) and "differs from the month" in p.message


def test_split_cells_by_month_are_kept_apart_and_summed_within_a_month(tmp_path):
    df = pd.concat([bi_extract(1).assign(Måned="2024-03"), bi_extract(1).assign(Måned="2024-04")])
    df = pd.concat([df, df.head(1)])  # one cell twice: split by a dropped column
    result = ingest.ingest(write(df, tmp_path / "x.csv"), PERIOD, tmp_path / "s.parquet")
    staged = pd.read_parquet(tmp_path / "s.parquet")
    assert len(staged) == 80 and (result.merged_rows, result.merged_cells) == (2, 1)
    assert staged["visits"].sum() == df["Antal besøg"].sum()


# --- names are checked, never guessed ---------------------------------------------------------
def test_a_rare_misspelt_hospital_is_refused_with_did_you_mean(tmp_path):
    df = bi_extract()
    slips = df[df["Sygehus"] == "Regionshospitalet Horsens"].iloc[[1, 3]].assign(Sygehus="Regionshopsitalet Horsens")
    df = pd.concat([df.iloc[:10], slips, df.iloc[10:]])  # 2 of 202 rows
    p = only(problems_of(write(df, tmp_path / "extract.csv")))
    assert (p.file, p.column, p.contract, p.rows) == ("extract.csv", "Sygehus", "hospital", [11, 12])
    assert "did you mean 'Regionshospitalet Horsens'?" in p.message
    assert "mapping file" in p.hint and "Regionshopsitalet Horsens: Regionshospitalet Horsens" in p.hint


def test_real_units_with_similar_names_are_not_flagged(tmp_path):
    """Randers/Horsens and Midt/Vest differ by more than a slip; Nefrologi/Neurologi by a letter
    replaced, which is not a slip either, even when one of them is rare."""
    df = bi_extract()
    small = df[(df["Sygehus"] == "Hospitalsenhed Vest") & (df["Speciale"] == "Nefrologi")].head(1)
    df = pd.concat([df[~df["Speciale"].eq("Nefrologi") & ~df["Sygehus"].eq("Hospitalsenhed Vest")], small])
    result = ingest.ingest(write(df, tmp_path / "x.csv"), PERIOD, tmp_path / "s.parquet")
    assert set(pd.read_parquet(tmp_path / "s.parquet")["hospital"]) == set(HOSPITALS)
    assert result.names == {"hospital": 5, "specialty": 5}


def test_a_misspelt_name_mapped_in_the_mapping_file_is_accepted(tmp_path):
    df = bi_extract()
    slips = df[df["Sygehus"] == "Regionshospitalet Horsens"].iloc[[1]].assign(Sygehus="regionshospitalet  horsens")
    df = pd.concat([df, slips])  # case and spacing
    mapping = tmp_path / "mapping.yml"
    mapping.write_text("values:\n  hospital:\n    regionshospitalet horsens: Regionshospitalet Horsens\n",
                       encoding="utf-8")
    src = write(df, tmp_path / "x.csv")
    assert "did you mean" in only(problems_of(src)).message
    ingest.ingest(src, PERIOD, tmp_path / "s.parquet", ingest.load_mapping(mapping))
    assert set(pd.read_parquet(tmp_path / "s.parquet")["hospital"]) == set(HOSPITALS)


@pytest.mark.parametrize("a,b,slip", [
    ("Regionshopsitalet Horsens", "Regionshospitalet Horsens", True),  # swapped letters
    ("Regionshospitalt Horsens", "Regionshospitalet Horsens", True),  # a missing letter
    ("REGIONSHOSPITALET  horsens", "Regionshospitalet Horsens", True),  # case and spacing
    ("Arhus Universitetshospital", "Aarhus Universitetshospital", True),
    ("Kardiologí", "Kardiologi", True),  # an accent
    ("Regionshospitalet Randers", "Regionshospitalet Horsens", False),
    ("Hospitalsenhed Midt", "Hospitalsenhed Vest", False),
    ("Neurologi", "Nefrologi", False),
    ("AUH", "AH", False),  # short codes differ by a letter
])
def test_what_counts_as_a_slip(a, b, slip):
    assert names.is_slip(a, b) is slip


# --- renames ----------------------------------------------------------------------------------
def test_a_declared_rename_joins_the_series_and_is_recorded(tmp_path):
    old = bi_extract().query("Sygehus == 'Hospitalsenhed Vest'").assign(Sygehus="Hospitalsenheden Vest", År=2023)
    df = pd.concat([old, bi_extract()])
    mapping = tmp_path / "mapping.yml"
    mapping.write_text("renames:\n  hospital:\n    Hospitalsenheden Vest: Hospitalsenhed Vest\n"
                       "  specialty:\n    Nyremedicin: Nefrologi\n", encoding="utf-8")
    period = (dt.date(2023, 1, 1), dt.date(2024, 12, 31))
    result = ingest.ingest(write(df, tmp_path / "x.csv"), period, tmp_path / "s.parquet", ingest.load_mapping(mapping))
    staged = pd.read_parquet(tmp_path / "s.parquet")
    assert set(staged.loc[staged["year"] == 2023, "hospital"]) == {"Hospitalsenhed Vest"}
    assert result.renames == [
        {"column": "hospital", "old": "Hospitalsenheden Vest", "new": "Hospitalsenhed Vest", "rows": 40},
        {"column": "specialty", "old": "Nyremedicin", "new": "Nefrologi", "rows": 0}]
    assert not [m for m in result.mapped_labels if m["column"] == "hospital"]


def test_renames_of_an_unknown_column_are_refused(tmp_path):
    mapping = tmp_path / "mapping.yml"
    mapping.write_text("renames:\n  sector:\n    Somatik: Psykiatri\n", encoding="utf-8")
    p = only(pytest.raises(InputError, ingest.load_mapping, mapping).value.problems)
    assert p.file == "mapping.yml" and p.column == "sector" and "renames: {hospital:" in p.hint


# --- first-run robustness ---------------------------------------------------------------------
def test_an_empty_file(tmp_path):
    src = tmp_path / "extract.csv"
    src.write_bytes(b"")
    p = only(problems_of(src))
    assert p.file == "extract.csv" and "empty (0 bytes)" in p.message and "export" in p.hint


def test_a_header_only_file(tmp_path):
    src = tmp_path / "extract.csv"
    src.write_text(";".join(bi_extract().columns) + "\n", encoding="utf-8")
    p = only(problems_of(src))
    assert p.file == "extract.csv" and "no data rows" in p.message and "År" in p.message
    assert "export" in p.hint


def test_a_file_of_only_unknown_columns_lists_them(tmp_path):
    src = write(pd.DataFrame({"Afdeling": ["a"], "Tal": ["1"]}), tmp_path / "extract.csv")
    assert {(p.column, p.message) for p in problems_of(src) if p.message == "unknown column"} == {
        ("Afdeling", "unknown column"), ("Tal", "unknown column")}


def test_utf16_unicode_text_from_excel_is_read(tmp_path):
    df = bi_extract(1)
    src = tmp_path / "extract.txt"
    src.write_bytes(df.to_csv(sep="\t", index=False).encode("utf-16"))  # with a byte-order mark
    result = ingest.ingest(src, PERIOD, tmp_path / "s.parquet")
    assert result.dialect["encoding"] == "utf-16" and result.dialect["separator"] == "\t"
    assert pd.read_parquet(tmp_path / "s.parquet")["visits"].sum() == df["Antal besøg"].sum()
    assert result.columns["Besøgstype"] == "visit_type"


def test_a_separator_at_the_end_of_every_line_is_ignored(tmp_path):
    df = bi_extract(1)
    text = "".join(line + ";\n" for line in df.to_csv(sep=";", index=False).splitlines())
    src = tmp_path / "extract.csv"
    src.write_text(text, encoding="cp1252")
    result = ingest.ingest(src, PERIOD, tmp_path / "s.parquet")
    assert result.rows == 40 and result.unnamed_columns == 1 and "Unnamed: 8" not in result.columns


def test_an_unnamed_column_with_values_is_reported(tmp_path):
    src = tmp_path / "extract.csv"
    lines = bi_extract(1).to_csv(sep=";", index=False).splitlines()
    src.write_text(lines[0] + ";\n" + "\n".join(line + (";x" if i == 2 else ";") for i, line in
                                                enumerate(lines[1:], 1)) + "\n", encoding="utf-8")
    p = only(problems_of(src))
    assert p.rows == [2] and "without a name has values" in p.message and "name" in p.hint
    assert p.column == "(no name, column 9)" and p.file == "extract.csv"


def test_title_rows_above_the_header_are_skipped_in_csv(tmp_path):
    src = tmp_path / "extract.csv"
    src.write_text("Ambulante besøg 2024\nUdtrukket 03-01-2025 fra BI-portalen\n\n"
                   + bi_extract(1).to_csv(sep=";", index=False), encoding="utf-8")
    result = ingest.ingest(src, PERIOD, tmp_path / "s.parquet")
    assert result.dialect["header_row"] == 4 and result.rows == 40
    assert pd.read_parquet(tmp_path / "s.parquet")["_row"].iloc[0] == 1


def test_header_row_option(tmp_path):
    src = tmp_path / "extract.csv"
    src.write_text("Aktivitet;2024\n" + bi_extract(1).to_csv(sep=";", index=False), encoding="utf-8")
    assert ingest.ingest(src, PERIOD, tmp_path / "s.parquet", header_row=2).rows == 40


def test_excel_with_title_rows_and_the_data_on_the_second_sheet(tmp_path):
    src = tmp_path / "extract.xlsx"
    with pd.ExcelWriter(src) as xl:
        pd.DataFrame({"Om udtrækket": ["Ambulant aktivitet", "Kilde: BI-portalen"]}).to_excel(
            xl, sheet_name="Forside", index=False)
        pd.DataFrame([["Ambulante besøg 2024"]]).to_excel(xl, sheet_name="Data", index=False, header=False)
        bi_extract(1).to_excel(xl, sheet_name="Data", index=False, startrow=2)
    result = ingest.ingest(src, PERIOD, tmp_path / "s.parquet")
    assert (result.dialect["sheet"], result.dialect["header_row"], result.rows) == ("Data", 3, 40)
    assert ingest.ingest(src, PERIOD, tmp_path / "s.parquet", sheet="Data", header_row=3).rows == 40
    assert ingest.ingest(src, PERIOD, tmp_path / "s.parquet", header_row=3).dialect["sheet"] == "Data"


def test_excel_sheet_option_names_a_missing_sheet(tmp_path):
    src = tmp_path / "extract.xlsx"
    bi_extract(1).to_excel(src, sheet_name="Data", index=False)
    p = only(problems_of(src, sheet="Ark1"))
    assert "no sheet 'Ark1'" in p.message and "Data" in p.message and "'sheet'" in p.hint


def test_excel_without_the_contracts_columns_on_any_sheet(tmp_path):
    src = tmp_path / "extract.xlsx"
    with pd.ExcelWriter(src) as xl:
        pd.DataFrame({"a": [1]}).to_excel(xl, sheet_name="Forside", index=False)
        pd.DataFrame({"b": [2]}).to_excel(xl, sheet_name="Noter", index=False)
    p = only(problems_of(src))
    assert "no sheet" in p.message and "Forside, Noter" in p.message and "sheet" in p.hint


def test_all_problems_of_a_file_come_in_one_pass(tmp_path):
    df = bi_extract(1).assign(Afdelingskode="x").astype(str)
    df.loc[2, "Besøgstype"] = "Kontrl"
    df.loc[4, "Antal besøg"] = "mange"
    df.loc[6, "År"] = "2022"
    problems = problems_of(write(df.drop(columns="Sygehus"), tmp_path / "extract.csv"))
    found = {(p.column, p.message.split(";")[0].split(" (")[0]) for p in problems}
    assert found == {("Afdelingskode", "unknown column"), ("hospital", "required column 'hospital' is missing"),
                     ("Besøgstype", "unknown value"), ("Antal besøg", "not a number"),
                     ("År", "outside the run's period")}, found
    assert all(p.file == "extract.csv" and p.hint for p in problems)


# --- patients per hospital x specialty ------------------------------------------------------
def test_patients_per_specialty_make_per_patient_measures_possible_on_counts(tmp_path):
    """An extract that repeats each unit's distinct patients on its rows ("Antal patienter i
    specialet") supports follow-ups per patient, crude; the per-cell patients do not."""
    from analysis.analyses import capabilities
    from analysis.engine import aggregate

    df = bi_extract(3).assign(**{"Antal patienter i specialet": 400})
    df.loc[df["Sygehus"] == HOSPITALS[0], "Antal patienter i specialet"] = 300
    result = ingest.ingest(write(df, tmp_path / "x.csv"), PERIOD, tmp_path / "s.parquet")
    assert result.columns["Antal patienter i specialet"] == "unit_patients"
    agg = aggregate.aggregate_file(tmp_path / "s.parquet", result.kind)
    units = agg.units.set_index(["hospital", "specialty"])
    assert units.loc[(HOSPITALS[0], "Urologi"), "patients"] == 300
    choice = capabilities.resolve(capabilities.of(agg), "follow_ups_per_patient", ["age_band", "sex"], "en")
    assert choice.measure == "follow_ups_per_patient" and choice.strata == [] and choice.crude


def test_patients_per_specialty_that_differ_within_a_unit_are_refused(tmp_path):
    df = bi_extract(2).assign(**{"Antal patienter i specialet": 400})
    df.loc[5, "Antal patienter i specialet"] = 410
    p = only(problems_of(write(df, tmp_path / "x.csv")))
    assert p.column == "Antal patienter i specialet" and p.rows == [1]
    assert "one number per unit" in p.message and f"{HOSPITALS[0]} / Urologi / 2024" in p.examples


def test_a_missing_specialty_is_reported_without_a_missing_sector_beside_it(tmp_path):
    """The sector is found from the specialty's names: with the specialty missing, the sector was
    reported missing too, though the README calls it optional and it comes with the specialty."""
    df = bi_extract(1).astype(str)
    problems = problems_of(write(df.drop(columns=["Speciale", "Sektor"]), tmp_path / "e.csv"))
    messages = [p.message for p in problems]
    assert any("required column 'specialty' is missing" in m for m in messages), messages
    assert not any("'sector'" in m for m in messages), messages
