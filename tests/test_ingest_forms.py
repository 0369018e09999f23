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

from analysis import ingest
from analysis.ingest import InputError

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
                mapping: ingest.Mapping | None = None) -> list[ingest.Problem]:
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
    p = only(problems_of(tmp_path, VISITS.assign(Dato=["2024-01-02", "02-01-2024", "2024-02-30"])))
    assert (p.contract, p.rows, p.message, p.examples) == ("visit_date", [3], "not a date", ["2024-02-30"])
