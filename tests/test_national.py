"""National mode of the synthetic generator and aggregation of a folder of Parquet files."""
from __future__ import annotations

import duckdb
import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from analysis.analyses.population import MUNICIPALITIES_2013
from analysis.engine import aggregate
from analysis.running import national, synthetic

pytestmark = pytest.mark.suite  # runs notebooks or the whole pipeline: `make test`, not `make check`

SCALE = 0.002  # about 25,000 visits a year nationally
YEARS = (2024, 2025)


@pytest.fixture(scope="module")
def folder(tmp_path_factory):
    out = tmp_path_factory.mktemp("national")
    national.generate_national(out, seed=11, scale=SCALE, years=YEARS)
    return out


def _visits(folder) -> pd.DataFrame:
    return duckdb.sql(f"SELECT * FROM read_parquet('{folder}/**/*.parquet')").df()


def test_one_file_per_region_and_year_with_the_regions_hospitals(folder):
    files = sorted(str(p.relative_to(folder)) for p in folder.rglob("*.parquet"))
    assert files == sorted(f"{r.slug}/{y}-0.parquet" for r in national.REGIONS for y in YEARS)
    df = _visits(folder)
    hospitals = df.groupby("region", observed=True)["hospital"].unique().map(set)
    assert hospitals["Region Hovedstaden"] == {
        "Rigshospitalet", "Herlev og Gentofte Hospital", "Bispebjerg og Frederiksberg Hospital",
        "Amager og Hvidovre Hospital", "Nordsjællands Hospital", "Region Hovedstadens Psykiatri"}
    assert hospitals["Region Nordjylland"] == {
        "Aalborg Universitetshospital", "Regionshospital Nordjylland", "Psykiatrien Region Nordjylland"}
    assert hospitals["Region Midtjylland"] == {*synthetic.SOMATIC_SHARES, synthetic.PRM}
    for r in national.REGIONS:
        assert hospitals[r.name] == {*r.somatic, r.psychiatry}
        in_file = pq.read_table(folder / r.slug / "2024-0.parquet").to_pandas()
        assert set(in_file["region"]) == {r.name} and set(in_file["visit_date"].map(lambda d: d.year)) == {2024}
    # sizes roughly by population share
    share = df["region"].value_counts(normalize=True)
    for r in national.REGIONS:
        assert share[r.name] == pytest.approx(r.share, abs=0.03)


def test_ids_unique_across_regions(folder):
    df = _visits(folder)
    assert df["visit_id"].is_unique
    regions_per_patient = df.groupby("patient_id")["region"].nunique()
    assert (regions_per_patient == 1).all()
    assert df["patient_id"].str.split("-").str[0].astype(int).isin([r.code for r in national.REGIONS]).all()


def test_no_midtjylland_municipalities_outside_midtjylland(folder):
    df = _visits(folder)
    mid = df["region"] == "Region Midtjylland"
    assert df.loc[~mid, "municipality"].isna().all()
    assert not set(df.loc[~mid, "municipality"].dropna()) & set(MUNICIPALITIES_2013)
    assert df.loc[mid, "municipality"].notna().all()


def test_same_arguments_same_bytes(folder, tmp_path):
    again = tmp_path / "again"
    national.generate_national(again, seed=11, scale=SCALE, years=YEARS)
    files = sorted(folder.rglob("*.parquet"))
    assert files
    for path in files:
        assert (again / path.relative_to(folder)).read_bytes() == path.read_bytes(), path
    # a file does not depend on the other years asked for; another seed differs
    name = "sjaelland/2025-0.parquet"
    national.generate_national(tmp_path / "one", seed=11, scale=SCALE, years=(2025,))
    assert (tmp_path / "one" / name).read_bytes() == (folder / name).read_bytes()
    national.generate_national(tmp_path / "other", seed=12, scale=SCALE, years=(2025,))
    assert (tmp_path / "other" / name).read_bytes() != (folder / name).read_bytes()


def test_aggregating_the_folder_equals_aggregating_the_files_concatenated(folder, tmp_path):
    whole = tmp_path / "whole.parquet"
    pq.write_table(pa.concat_tables([pq.read_table(p) for p in sorted(folder.rglob("*.parquet"))]), whole)
    from_folder = aggregate.aggregate_file(folder, "visits")
    from_file = aggregate.aggregate_file(whole, "visits")
    pd.testing.assert_frame_equal(from_folder.activity, from_file.activity)
    assert from_folder.activity["visits"].sum() == len(_visits(folder))


def test_large_regions_are_split_into_parts_and_years_are_checked(tmp_path):
    hovedstaden = national.REGIONS[0]
    n, part_scale = national.parts(hovedstaden, 3.0)
    assert n > 1 and part_scale <= national.PART_SCALE
    assert n * part_scale == pytest.approx(national.region_scale(hovedstaden, 3.0))
    assert national.parts(hovedstaden, 0.1)[0] == 1
    with pytest.raises(ValueError, match="years"):
        national.generate_national(tmp_path, scale=SCALE, years=(2019,))


def test_a_folder_without_parquet_files_is_an_error(tmp_path):
    with pytest.raises(FileNotFoundError):
        aggregate.parquet_source(tmp_path)


def test_command_line_national(tmp_path, capsys):
    from analysis.running import cli

    out = tmp_path / "nat"
    assert cli.main(["synth", "--national", "--scale", "0.001", "--years", "2025", "--out", str(out)]) == 0
    assert sorted(p.parent.name for p in out.rglob("*.parquet")) == sorted(r.slug for r in national.REGIONS)
    assert (out / "national.json").exists()
    assert cli.main(["synth", "--national"]) == 2
    assert "--out" in capsys.readouterr().err
