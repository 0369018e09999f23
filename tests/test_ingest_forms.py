"""Ingest of the forms extracts take in other regions and BI portals: dates with times, year and
month in two columns, unknown sex or age, counters as patient ids, a few bytes in another
encoding; and the messages that must say what is wrong in one round (every unknown label, a
mapping entry that matches no column, a repeated header, blank lines, merged cells, implausible
dates and counts). One behaviour per test, on a small hand-made input, the message checked."""
from __future__ import annotations

import datetime as dt
from pathlib import Path

import pandas as pd
import pytest

from analysis.base.problems import InputError, Problem
from analysis.inputs import ingest

PERIOD = (dt.date(2024, 1, 1), dt.date(2024, 12, 31))

VISITS = pd.DataFrame({
    "Besøg ID": ["B1", "B2", "B3"],
    "Patient": ["P1", "P1", "P2"],
    "Dato": ["01-02-2024", "15-03-2024", "02-02-2024"],
    "Sygehus": ["Regionshospitalet Randers"] * 3,
    "Speciale": ["Kardiologi"] * 3,
    "Sektor": ["Somatik"] * 3,
    "Besøgstype": ["Udredning", "Kontrol", "Kontrol"],
    "Kontakttype": ["Fremmøde", "Telefon", "Fremmøde"],
    "Alder": ["67", "67", "45"],
    "Køn": ["Kvinde", "Kvinde", "Mand"],
})

COUNTS = pd.DataFrame({
    "År": [2024, 2024, 2024],
    "Måned": ["1", "2", "3"],
    "Sygehus": ["Regionshospitalet Horsens"] * 3,
    "Speciale": ["Urologi"] * 3,
    "Sektor": ["Somatik"] * 3,
    "Besøgstype": ["Kontrol"] * 3,
    "Kontaktform": ["Fremmøde"] * 3,
    "Antal besøg": ["1200", "340", "800"],
})


def write(df: pd.DataFrame, path: Path, sep: str = ";", encoding: str = "utf-8") -> Path:
    path.write_bytes(df.to_csv(sep=sep, index=False).encode(encoding))
    return path


def staged(tmp_path: Path, df: pd.DataFrame, period=PERIOD, **options) -> tuple[ingest.IngestResult, pd.DataFrame]:
    result = ingest.ingest(write(df, tmp_path / "extract.csv"), period, tmp_path / "s.parquet", **options)
    return result, pd.read_parquet(tmp_path / "s.parquet")


def problems_of(tmp_path: Path, df: pd.DataFrame | None = None, period=PERIOD, src: Path | None = None,
                mapping: ingest.Mapping | None = None) -> list[Problem]:
    src = src or write(df, tmp_path / "extract.csv")
    with pytest.raises(InputError) as err:
        ingest.ingest(src, period, tmp_path / "s.parquet", mapping)
    assert not (tmp_path / "s.parquet").exists(), "nothing is staged when the input is rejected"
    return err.value.problems


def only(problems):
    assert len(problems) == 1, [str(p) for p in problems]
    return problems[0]


# --- dates with times -------------------------------------------------------------------------
@pytest.mark.parametrize("written", ["2024-06-30 10:00", "30-06-2024 10:00", "2024-06-30T10:00:00",
                                     "30.06.2024 kl. 10.15", "2024-06-30 10:00:00.000+02:00"])
def test_a_visit_with_a_time_is_read_as_its_date(tmp_path, written):
    _, df = staged(tmp_path, VISITS.assign(Dato=written))
    assert set(df["visit_date"]) == {dt.date(2024, 6, 30)}


def test_the_period_end_includes_its_whole_day(tmp_path):
    _, df = staged(tmp_path, VISITS.assign(Dato=["2024-12-31 23:59", "2024-12-31 00:00", "2024-01-01 00:01"]))
    assert df["visit_date"].tolist() == [dt.date(2024, 12, 31), dt.date(2024, 12, 31), dt.date(2024, 1, 1)]


def test_excel_date_times_are_read_as_their_dates(tmp_path):
    src = tmp_path / "visits.xlsx"
    VISITS.assign(Dato=pd.to_datetime(["2024-02-01 08:30", "2024-03-15 23:59", "2024-02-02 12:00"]),
                  Alder=[67, 67, 45]).to_excel(src, index=False)
    ingest.ingest(src, PERIOD, tmp_path / "s.parquet")
    assert pd.read_parquet(tmp_path / "s.parquet")["visit_date"].tolist() == [
        dt.date(2024, 2, 1), dt.date(2024, 3, 15), dt.date(2024, 2, 2)]


def test_iso_and_day_first_dates_mixed_in_one_column_are_each_read_by_their_form(tmp_path):
    _, df = staged(tmp_path, VISITS.assign(Dato=["2024-01-02", "02-01-2024", "2024-03-04"]))
    assert df["visit_date"].tolist() == [dt.date(2024, 1, 2), dt.date(2024, 1, 2), dt.date(2024, 3, 4)]


def test_a_value_no_form_reads_is_still_not_a_date(tmp_path):
    p = only(problems_of(tmp_path, VISITS.assign(Dato=["2024-01-02", "02-01-2024", "i går"])))
    assert (p.contract, p.rows, p.message, p.examples) == ("visit_date", [3], "not a date", ["i går"])


def test_a_date_the_calendar_does_not_have_is_said_as_such(tmp_path):
    """30 February has a date's form: "write dates as 01-03-2024" would not help; the fix is the day."""
    p = only(problems_of(tmp_path, VISITS.assign(Dato=["2024-01-02", "30-02-2024", "2024-02-30"])))
    assert (p.contract, p.rows, p.message, p.examples) == (
        "visit_date", [2, 3], "a day the calendar does not have", ["30-02-2024", "2024-02-30"])
    assert "correct the day or the month" in p.hint


# --- year and month in two columns ------------------------------------------------------------
@pytest.mark.parametrize("months", [["1", "2", "12"], ["januar", "februar", "december"], ["jan", "feb.", "Dec"],
                                    ["01", "02", "12"], ["01 januar", "02 februar", "12 december"]])
def test_a_month_of_year_beside_a_year_column_is_that_years_month(tmp_path, months):
    result, df = staged(tmp_path, COUNTS.assign(Måned=months))
    assert df["month"].tolist() == [dt.date(2024, 1, 1), dt.date(2024, 2, 1), dt.date(2024, 12, 1)]
    assert df["year"].tolist() == [2024] * 3 and result.span == ["2024-01", "2024-12"]


def test_month_numbers_from_an_excel_export_beside_the_year(tmp_path):
    src = tmp_path / "bi.xlsx"
    COUNTS.assign(Måned=[1, 2, 3], **{"Antal besøg": [1200, 340, 800]}).to_excel(src, index=False)
    ingest.ingest(src, PERIOD, tmp_path / "s.parquet")
    assert pd.read_parquet(tmp_path / "s.parquet")["month"].tolist() == [
        dt.date(2024, 1, 1), dt.date(2024, 2, 1), dt.date(2024, 3, 1)]


def test_a_month_number_without_a_year_column_says_so(tmp_path):
    p = only(problems_of(tmp_path, COUNTS.drop(columns="År")))
    assert (p.contract, p.rows, p.message) == ("month", [1, 2, 3], "a month without its year")
    assert "År" in p.hint and "2024-03" in p.hint


def test_a_month_number_out_of_range_is_not_a_month(tmp_path):
    p = only(problems_of(tmp_path, COUNTS.assign(Måned=["1", "13", "3"])))
    assert (p.contract, p.rows, p.message, p.examples) == ("month", [2], "not a month", ["13"])


@pytest.mark.parametrize("header,unit", [("Uge", "week"), ("Kvartal", "quarter")])
def test_a_week_or_quarter_column_is_named_with_what_to_do(tmp_path, header, unit):
    p = only(problems_of(tmp_path, COUNTS.assign(**{header: ["1", "5", "9"]})))
    assert p.column == header and p.message.startswith(f"a {unit} column cannot be used")
    assert "Måned" in p.hint and f"'{header}' under 'ignore'" in p.hint


def test_a_week_column_listed_under_ignore_sums_its_weeks_into_the_months(tmp_path):
    mapping = tmp_path / "mapping.yml"
    mapping.write_text("ignore: [Uge]\n", encoding="utf-8")
    df = COUNTS.assign(Måned=["1", "1", "2"], Uge=["1", "2", "5"])
    result = ingest.ingest(write(df, tmp_path / "x.csv"), PERIOD, tmp_path / "s.parquet", ingest.load_mapping(mapping))
    assert pd.read_parquet(tmp_path / "s.parquet")["visits"].tolist() == [1540, 800]
    assert result.merged_rows == 2


# --- identifiers ------------------------------------------------------------------------------
def test_a_patient_counter_of_any_length_is_a_patient_id(tmp_path):
    _, df = staged(tmp_path, VISITS.rename(columns={"Patient": "Løbenummer"}).assign(
        Løbenummer=["1", "10000", "123456789012"]))
    assert df["patient_id"].tolist() == ["1", "10000", "123456789012"]


def test_ten_digits_that_are_no_date_are_no_cpr_number(tmp_path):
    _, df = staged(tmp_path, VISITS.assign(Patient=["3102991234", "0013001234", "3104991234"]))
    assert df["patient_id"].tolist() == ["3102991234", "0013001234", "3104991234"]


def test_a_cpr_number_is_recognised_by_its_form_and_masked(tmp_path):
    p = only(problems_of(tmp_path, VISITS.assign(Patient=["10000", "290200-1234", "3112991234"])))
    assert (p.contract, p.rows, p.message) == ("patient_id", [2, 3], "looks like a Danish CPR number")
    assert "290200-****" in str(p) and "1234" not in " ".join(p.examples)


def test_a_patient_counter_does_not_make_the_numbers_of_a_report_identifiers(tmp_path):
    from analysis.base import privacy
    staged_file = tmp_path / "s.parquet"
    pd.DataFrame({"patient_id": [str(i) for i in range(1, 12001)] + ["P77"]}).to_parquet(staged_file)
    page = "<td>10000</td><td>2025</td><td>12.000 besøg</td>"
    assert privacy.find_patient_ids(page, staged_file) == []
    assert privacy.find_patient_ids(page + " 010203-1234", staged_file) == ["010203-****"]


# --- messages that cost rounds ------------------------------------------------------------------
def mapping_file(tmp_path: Path, text: str) -> ingest.Mapping:
    path = tmp_path / "mapping.yml"
    path.write_text(text, encoding="utf-8")
    return ingest.load_mapping(path)


def test_a_mapping_entry_that_matches_no_column_is_named_with_the_column_meant(tmp_path):
    df = VISITS.rename(columns={"Dato": "Kontakt_start"})
    p = only(problems_of(tmp_path, df, mapping=mapping_file(tmp_path, "columns:\n  Kontakt strat: visit_date\n")))
    assert p.file == "mapping.yml"
    assert p.message == "mapping entry 'Kontakt strat' matches no column of extract.csv; did you mean 'Kontakt_start'?"
    assert "columns: {Kontakt_start: visit_date}" in p.hint


def test_a_mapping_entry_for_a_column_the_extract_does_not_need_is_no_problem(tmp_path):
    mapping = mapping_file(tmp_path, "columns:\n  Henvisningskode: referral_source\n")
    result, _ = staged(tmp_path, VISITS, mapping=mapping)
    assert result.rows == 3


def test_a_needed_mapping_entry_without_a_close_column_lists_the_unmapped_ones(tmp_path):
    df = VISITS.rename(columns={"Dato": "Tidspunkt"})
    problems = problems_of(tmp_path, df, mapping=mapping_file(tmp_path, "columns:\n  Kontaktdato start: visit_date\n"))
    entry, unknown = problems
    assert "mapping entry 'Kontaktdato start' (for 'visit_date') matches no column" in entry.message
    assert "'Tidspunkt'" in entry.message and (unknown.column, unknown.message) == ("Tidspunkt", "unknown column")
    assert not any("required column" in p.message for p in problems), "the entry says why visit_date is missing"


def test_every_distinct_unknown_label_is_listed_with_its_rows(tmp_path):
    df = pd.concat([VISITS] * 4, ignore_index=True).assign(**{"Besøg ID": [f"B{i}" for i in range(12)]})
    df["Besøgstype"] = ["Kontrl", "Kontrl", "Kontrl", "Udred", "Forløb", "Kontrol"] * 2
    p = only(problems_of(tmp_path, df))
    assert (p.examples, p.counts, p.more) == (["Kontrl", "Forløb", "Udred"], [6, 2, 2], 0)
    assert "Found: 'Kontrl' (6 rows), 'Forløb' (2 rows), 'Udred' (2 rows)." in str(p)


def test_more_than_ten_unknown_labels_are_listed_to_ten_and_counted(tmp_path):
    df = pd.concat([VISITS] * 5, ignore_index=True).assign(**{"Besøg ID": [f"B{i}" for i in range(15)]})
    df["Besøgstype"] = [f"Type {i:02d}" for i in range(13)] + ["Type 00", "Kontrol"]
    p = only(problems_of(tmp_path, df))
    assert len(p.examples) == 10 and p.examples[0] == "Type 00" and p.counts[0] == 2 and p.more == 3
    assert str(p).count("(1 row)") == 9 and ", and 3 more." in str(p)


# --- unknown sex and age ------------------------------------------------------------------------
def test_unknown_sex_is_kept_and_counted(tmp_path):
    result, df = staged(tmp_path, VISITS.assign(Køn=["Ukendt", "U", ""]))
    assert result.rows == 3 and df["sex"].isna().all()
    assert result.missing["sex"] == 3


def test_an_unknown_age_is_kept_and_counted(tmp_path):
    result, df = staged(tmp_path, VISITS.assign(Alder=["67", "", "Ukendt"]))
    assert df["age"].isna().tolist() == [False, True, True] and result.missing["age"] == 2


def test_a_mapping_file_may_map_a_code_to_unknown_sex(tmp_path):
    path = tmp_path / "mapping.yml"
    path.write_text("values:\n  sex:\n    '9': unknown\n", encoding="utf-8")
    result, df = staged(tmp_path, VISITS.assign(Køn=["K", "9", "M"]), mapping=ingest.load_mapping(path))
    assert df["sex"].tolist()[::2] == ["F", "M"] and result.missing["sex"] == 1


def test_an_unknown_sex_in_an_aggregated_extract_is_kept(tmp_path):
    result, df = staged(tmp_path, COUNTS.assign(Køn=["Kvinde", "Ukendt", "Mand"], Aldersgruppe=["0-17", "?", "80+"]))
    assert df["sex"].isna().tolist() == [False, True, False] and df["age_band"].isna().tolist() == [False, True, False]
    assert df["visits"].sum() == 2340


def test_an_unknown_age_has_no_age_band(tmp_path):
    from analysis.engine import aggregate
    staged(tmp_path, VISITS.assign(Alder=["67", "", "45"]))
    agg = aggregate.aggregate_file(tmp_path / "s.parquet", "visits")
    cm = agg.casemix
    assert sorted(cm["age_band"].dropna()) == ["40-59", "60-69"], "a missing age is no age of 80 or more"
    assert cm.loc[cm["age_band"].isna(), "visits"].sum() == 1 and cm["visits"].sum() == 3


# --- encoding by majority -----------------------------------------------------------------------
def test_a_utf8_file_with_one_stray_byte_stays_utf8_and_the_row_is_noted(tmp_path):
    good = VISITS.assign(Sygehus="Gødstrup Hospital", Speciale="Øre-næse-hals")
    text = good.to_csv(sep=";", index=False).encode("utf-8")
    src = tmp_path / "extract.csv"
    src.write_bytes(text.replace(b"P2", b"P\xf82"))  # one Windows-1252 byte on the third row
    result = ingest.ingest(src, PERIOD, tmp_path / "s.parquet")
    df = pd.read_parquet(tmp_path / "s.parquet")
    assert result.dialect["encoding"] == "utf-8" and result.dialect["bad_bytes"] == 1
    assert set(df["hospital"].astype(str)) == {"Gødstrup Hospital"}, "æ, ø and å are not garbled"
    assert result.notes == [{"key": "bad_bytes", "n": 1, "rows": [3], "columns": ["Patient"]}]
    assert df["patient_id"].astype(str).tolist()[2] == "Pø2", "the stray byte is read as Windows-1252"


def test_a_row_pasted_in_windows_1252_keeps_its_names(tmp_path):
    """A row from an older file in a UTF-8 extract: its ø is one byte UTF-8 cannot read. Read as
    the Windows-1252 letter it is, the row keeps its hospital and labels (not a new hospital
    'S\ufffdnderjylland' or an unknown contact mode) and is noted with its columns."""
    good = VISITS.assign(Sygehus="Sygehus Sønderjylland", Kontakttype="Fremmøde")
    lines = good.to_csv(sep=";", index=False).splitlines()
    src = tmp_path / "extract.csv"
    src.write_bytes(b"\n".join(line.encode("cp1252" if i == 2 else "utf-8") for i, line in enumerate(lines)))
    result = ingest.ingest(src, PERIOD, tmp_path / "s.parquet")
    df = pd.read_parquet(tmp_path / "s.parquet")
    assert set(df["hospital"].astype(str)) == {"Sygehus Sønderjylland"}
    assert set(df["contact_mode"].astype(str)) == {"in_person"}
    assert df["specialty"].astype(str).tolist()[1] == "Kardiologi"
    assert result.notes == [{"key": "bad_bytes", "n": 1, "rows": [2], "columns": ["Sygehus", "Kontakttype"]}]


def test_a_byte_windows_1252_has_no_letter_for_is_a_replacement_character():
    from analysis.inputs.dialect import unmark
    assert unmark("S\uf7f8nderborg") == "Sønderborg" and unmark("a\uf781b") == "a\ufffdb"


def test_the_stray_bytes_are_named_with_their_rows_in_the_data_quality_report():
    from analysis.analyses import quality
    res = ingest.IngestResult(file="x.csv", sha256="", kind="visits", dialect={}, rows=3, columns={},
                              ignored_columns=[], mapped_labels=[], missing={}, period=("2024-01-01", "2024-12-31"),
                              mapping_source="built-in", staged="s.parquet",
                              notes=[{"key": "bad_bytes", "n": 7, "rows": [3, 9, 11, 12, 40], "columns": ["Patient"]}])
    (text,) = quality.input_notes(res, "en")
    assert text.startswith("**7** rows hold characters that are not valid UTF-8")
    assert "read as Windows-1252" in text
    assert "in `Patient`: rows 3, 9, 11, 12, 40 and 2 more." in text


def test_a_windows_1252_file_is_still_windows_1252(tmp_path):
    src = write(VISITS.assign(Sygehus="Gødstrup Hospital"), tmp_path / "extract.csv", encoding="cp1252")
    result = ingest.ingest(src, PERIOD, tmp_path / "s.parquet")
    assert result.dialect["encoding"] == "cp1252" and result.notes == []
    assert set(pd.read_parquet(tmp_path / "s.parquet")["hospital"].astype(str)) == {"Gødstrup Hospital"}


# --- layout rows: a repeated header, blank lines, merged cells -----------------------------------
def joined(tmp_path: Path, second_bom: bool) -> Path:
    first = VISITS.to_csv(sep=";", index=False).encode("utf-8")
    second = VISITS.assign(**{"Besøg ID": ["B4", "B5", "B6"]}).to_csv(sep=";", index=False).encode("utf-8")
    src = tmp_path / "extract.csv"
    src.write_bytes(first + (b"\xef\xbb\xbf" if second_bom else b"") + second)
    return src


@pytest.mark.parametrize("second_bom", [False, True])
def test_a_header_repeated_mid_file_gets_its_own_message_naming_the_row(tmp_path, second_bom):
    p = only(problems_of(tmp_path, src=joined(tmp_path, second_bom)))
    assert p.rows == [4] and p.message == "the header is repeated on a row of the data (two files joined?)"
    assert "row 4:" in str(p) and "overlap" in p.hint


def test_lines_of_separators_only_are_skipped_and_noted(tmp_path):
    src = tmp_path / "extract.csv"
    text = VISITS.to_csv(sep=";", index=False)
    lines = text.splitlines()
    src.write_text("\n".join([lines[0], lines[1], ";" * 9, lines[2], ";" * 9, lines[3], ";" * 9]) + "\n",
                   encoding="utf-8")
    result = ingest.ingest(src, PERIOD, tmp_path / "s.parquet")
    assert result.rows == 3 and result.notes == [{"key": "blank_rows", "n": 3, "rows": [2, 4, 6]}]
    assert pd.read_parquet(tmp_path / "s.parquet")["_row"].tolist() == [1, 3, 5], "rows keep their numbers"


def test_merged_cells_get_their_own_message(tmp_path):
    src = tmp_path / "merged.xlsx"
    df = pd.concat([VISITS] * 2, ignore_index=True).assign(**{"Besøg ID": [f"B{i}" for i in range(6)]})
    df["Sygehus"] = ["Regionshospitalet Randers", None, None, "Aarhus Universitetshospital", None, None]
    df.to_excel(src, index=False)
    p = only(problems_of(tmp_path, src=src))
    assert (p.contract, p.rows, p.n_rows) == ("hospital", [2, 3, 5, 6], 4)
    assert p.message == "values only on the first row of each block, as merged cells in Excel leave them"
    assert "unmerge" in p.hint


def test_an_empty_cell_before_any_value_is_still_a_missing_value(tmp_path):
    df = VISITS.assign(Sygehus=[None, "Regionshospitalet Randers", None])
    p = only(problems_of(tmp_path, df))
    assert (p.contract, p.rows, p.message) == ("hospital", [1, 3], "missing values")


# --- implausible inputs -------------------------------------------------------------------------
FAR = (dt.date(2024, 1, 1), dt.date(2099, 12, 31))  # a period reaching past today


def test_dates_after_today_are_refused_with_their_rows(tmp_path, monkeypatch):
    from analysis.inputs import plausible
    monkeypatch.setattr(plausible, "today", lambda: dt.date(2026, 12, 5))
    p = only(problems_of(tmp_path, VISITS.assign(Dato=["01-02-2024", "01-02-2027", "15-03-2030"]), period=FAR))
    assert (p.contract, p.rows, p.examples) == ("visit_date", [2, 3], ["2027-02-01", "2030-03-15"])
    assert p.message == "dates after today (2026-12-05): a visit cannot have taken place yet"


def test_months_after_this_month_are_refused(tmp_path, monkeypatch):
    from analysis.inputs import plausible
    monkeypatch.setattr(plausible, "today", lambda: dt.date(2026, 12, 5))
    p = only(problems_of(tmp_path, COUNTS.assign(År=[2026, 2026, 2027], Måned=["11", "12", "1"]), period=FAR))
    assert (p.contract, p.rows) == ("month", [3]) and p.message.startswith("months after today (2026-12-05)")


def test_dates_standing_apart_from_the_rest_are_noted(tmp_path):
    df = pd.concat([VISITS] * 40, ignore_index=True)
    df["Besøg ID"], df["Patient"] = [f"B{i}" for i in range(len(df))], [f"P{i}" for i in range(len(df))]
    df["Dato"] = [f"{1 + i % 28:02d}-{1 + i % 6:02d}-2024" for i in range(len(df))]
    df.loc[117, "Dato"] = "03-12-2024"  # six empty months before it; one row of 120
    result, _ = staged(tmp_path, df)
    assert result.notes == [{"key": "dates_apart", "n": 1, "rows": [118], "months": "2024-12", "gap": 3}]


def test_a_count_far_above_its_units_range_is_refused_naming_the_row(tmp_path):
    p = only(problems_of(tmp_path, COUNTS.assign(**{"Antal besøg": ["1200", "1000000000000", "800"]})))
    assert (p.contract, p.rows) == ("visits", [2]) and p.message.startswith("a count far above the rest of its unit")
    assert p.examples == ["1,000,000,000,000 (next largest in the unit: 1,200)"]


def test_a_units_one_large_cell_beside_small_ones_is_kept(tmp_path):
    result, df = staged(tmp_path, COUNTS.assign(**{"Antal besøg": ["3", "25000", "4"]}))
    assert df["visits"].max() == 25000


def test_the_same_visit_under_a_new_id_is_counted_and_noted(tmp_path):
    df = pd.concat([VISITS, VISITS.iloc[[1, 1]]], ignore_index=True).assign(**{"Besøg ID": list("ABCDE")})
    result, staged_df = staged(tmp_path, df)
    assert len(staged_df) == 5, "counted as they are, not refused"
    assert result.notes == [{"key": "same_visits", "n": 2, "rows": [5], "groups": 1}]


def test_the_data_quality_checks_flag_what_the_notes_say():
    from analysis.analyses import quality
    res = ingest.IngestResult(file="x.csv", sha256="", kind="visits", dialect={}, rows=5, columns={},
                              ignored_columns=[], mapped_labels=[], missing={}, period=("2024-01-01", "2024-12-31"),
                              mapping_source="built-in", staged="s.parquet", span=["2024-01-02", "2024-12-03"],
                              notes=[{"key": "same_visits", "n": 2, "rows": [4, 5], "groups": 1}])
    found = {r.check: (r.result, r.finding) for r in quality.checks(res, "en").itertuples()}
    assert found["check_unique"] == ("flagged", "visit ids: 5, all different; 2 visits repeat another under a new id "
                                                "(see the notes)")
    assert found["check_period"][0] == "passed"
    (text,) = quality.input_notes(res, "en")
    assert text.startswith("**2** visits repeat another visit's patient, date, hospital") and "rows 4, 5" in text


# --- no sector column ---------------------------------------------------------------------------
def test_without_a_sector_column_the_psychiatric_specialties_are_psychiatry(tmp_path):
    df = VISITS.drop(columns="Sektor").assign(Speciale=["Kardiologi", "Børne- og ungdomspsykiatri", "Psykiatri"])
    result, staged_df = staged(tmp_path, df)
    assert staged_df["sector"].astype(str).tolist() == ["somatic", "psychiatry", "psychiatry"]
    assert result.notes == [{"key": "sector_from_names", "n": 2, "rows": [],
                             "specialties": ["Børne- og ungdomspsykiatri", "Psykiatri"]}]


def test_a_psychiatric_hospital_makes_its_rows_psychiatry(tmp_path):
    df = VISITS.drop(columns="Sektor").assign(Sygehus=["Psykiatrien i Region Nordjylland"] + ["Regionshospitalet "
                                                                                            "Randers"] * 2)
    _, staged_df = staged(tmp_path, df)
    assert staged_df["sector"].astype(str).tolist() == ["psychiatry", "somatic", "somatic"]


def test_the_sector_read_from_the_names_is_said_in_00(tmp_path):
    from analysis.analyses import quality

    result, _ = staged(tmp_path, VISITS.drop(columns="Sektor").assign(Speciale=["Psykiatri"] * 3))
    (text,) = quality.input_notes(result, "en")
    assert text.startswith("The file has no sector column, so the sector was read from the names")
    assert "(**3** rows; the specialties `Psykiatri`)" in text


def test_a_file_with_no_psychiatric_name_is_said_to_be_all_somatic(tmp_path):
    from analysis.analyses import quality

    result, _ = staged(tmp_path, VISITS.drop(columns="Sektor"))
    (text,) = quality.input_notes(result, "en")
    assert "so every row was read as somatic" in text


def test_an_aggregated_extract_without_a_sector_gets_it_too(tmp_path):
    _, staged_df = staged(tmp_path, COUNTS.drop(columns="Sektor").assign(Speciale=["Urologi", "Psykiatri", "Urologi"]))
    assert staged_df["sector"].astype(str).tolist() == ["somatic", "psychiatry", "somatic"]
