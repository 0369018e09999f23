"""The synthetic region: deterministic, shaped like the reference region, with its planted
differences visible in the data."""
from __future__ import annotations

import duckdb
import pandas as pd

from analysis import ingest, synthetic


def test_same_seed_same_data(tmp_path, small_region):
    again = synthetic.generate(tmp_path / "again.parquet", seed=7, scale=0.01)
    pd.testing.assert_frame_equal(pd.read_parquet(again), pd.read_parquet(small_region))


def test_shape_of_the_region(small_region):
    df = duckdb.sql(f"SELECT * FROM read_parquet('{small_region}')").df()
    assert df["hospital"].nunique() == 6 and df["specialty"].nunique() >= 25
    assert sorted(df["visit_date"].dt.year.unique()) == [2023, 2024, 2025]
    shares = df["visit_type"].value_counts(normalize=True)
    assert shares.idxmax() == "follow_up" and 0.38 < shares["follow_up"] < 0.52
    in_person = df[df["contact_mode"] == "in_person"].groupby(df["visit_date"].dt.year).size() / df.groupby(
        df["visit_date"].dt.year).size()
    assert in_person.is_monotonic_decreasing and 0.75 < in_person.iloc[0] < 0.92
    psych = (df["sector"] == "psychiatry").mean()
    assert 0.08 < psych < 0.16


def test_planted_follow_up_rate_shows(small_region):
    truth = synthetic.truth(7, 0.01)
    df = duckdb.sql(f"SELECT * FROM read_parquet('{small_region}') WHERE year(visit_date) = 2024").df()
    for planted in truth["follow_up_rate"]:
        spec = df[df["specialty"] == planted["specialty"]]
        rate = spec[spec["visit_type"] == "follow_up"].groupby("hospital").size() / spec.groupby("hospital")[
            "patient_id"].nunique()
        others = rate.drop(planted["hospital"])
        assert rate[planted["hospital"]] > 1.2 * others.median(), planted


def test_the_region_passes_its_own_validation(small_region, tmp_path):
    import datetime as dt
    result = ingest.ingest(small_region, (dt.date(2023, 1, 1), dt.date(2025, 12, 31)), tmp_path / "s.parquet")
    assert result.kind == "visits" and result.rows > 50_000
