"""The aggregation layer on Spark (local mode) gives the same tables as on DuckDB.

Starts a JVM, so it runs only with OUTPATIENT_SPARK=1 (`make spark-check` installs Java and the
spark extra and sets it); then a missing pyspark is a failure, not a skip."""
from __future__ import annotations

import os

import pandas as pd
import pytest

if os.environ.get("OUTPATIENT_SPARK") != "1":
    pytest.skip("starts a local Spark: set OUTPATIENT_SPARK=1 (make spark-check)", allow_module_level=True)

from engines import canonical, differences  # noqa: E402
from test_aggregate import WITH_OPTIONAL  # noqa: E402

from analysis.analyses import pathways  # noqa: E402
from analysis.base import schema as s  # noqa: E402
from analysis.engine import aggregate  # noqa: E402

# pyspark's own conversion to pandas still passes copy=, which pandas 3 deprecates
pytestmark = [pytest.mark.suite, pytest.mark.filterwarnings("ignore:The copy keyword is deprecated")]


@pytest.fixture(scope="session")
def spark_con():
    try:
        import ibis
        from pyspark.sql import SparkSession
    except ImportError as e:  # asked for Spark: its absence is an error
        pytest.fail(f"OUTPATIENT_SPARK=1 but pyspark cannot be imported ({e}): pip install -e '.[spark]'")
    session = (SparkSession.builder.master("local[2]").appName("outpatient-spark-check")
               .config("spark.driver.memory", "2g")
               .config("spark.sql.session.timeZone", "UTC")
               .config("spark.sql.shuffle.partitions", "4")
               .config("spark.ui.enabled", "false")
               .getOrCreate())
    session.sparkContext.setLogLevel("ERROR")
    yield ibis.pyspark.connect(session)
    session.stop()


@pytest.fixture(scope="session")
def duck_con():
    return aggregate.connect()


def _same(left: pd.DataFrame, right: pd.DataFrame) -> None:
    assert sorted(left.columns) == sorted(right.columns)
    cols = sorted(left.columns)
    pd.testing.assert_frame_equal(canonical(left[cols]), canonical(right[cols]), check_exact=False, rtol=1e-9,
                                  check_dtype=False)


def test_every_visit_level_aggregate_is_the_same_on_spark(spark_con, small_region):
    on_spark = aggregate.aggregate_visits(spark_con, spark_con.read_parquet(str(small_region)))
    on_duckdb = aggregate.aggregate_file(small_region, "visits")
    assert differences(on_spark, on_duckdb) == []
    assert not on_spark.monthly.empty and not on_spark.intervals.empty and not on_spark.referral.empty
    assert on_spark.activity["visits"].sum() == len(pd.read_parquet(small_region, columns=[s.VISIT_ID]))


@pytest.mark.parametrize("stored", ["date", "timestamp", "timestamp_utc"])
def test_visit_dates_stored_as_timestamps_fall_in_the_same_year_and_month(spark_con, tmp_path, stored):
    """Visits late in the evening of the last day of a month and year, with costs and labels missing."""
    late = WITH_OPTIONAL.assign(visit_date=pd.to_datetime(
        ["2023-12-31 23:30", "2024-01-31 23:59", "2024-02-01 00:00", "2024-02-29 23:00", "2025-03-01 00:30"]))
    if stored == "date":
        late[s.VISIT_DATE] = late[s.VISIT_DATE].dt.date
    elif stored == "timestamp_utc":
        late[s.VISIT_DATE] = late[s.VISIT_DATE].dt.tz_localize("UTC")
    path = tmp_path / "visits.parquet"
    late.to_parquet(path)
    on_spark = aggregate.aggregate_visits(spark_con, spark_con.read_parquet(str(path)))
    on_duckdb = aggregate.aggregate_file(path, "visits")
    assert differences(on_spark, on_duckdb) == []
    assert on_spark.activity.groupby(s.YEAR)["visits"].sum().to_dict() == {2023: 1, 2024: 3, 2025: 1}
    months = sorted({pd.Timestamp(m).strftime("%Y-%m") for m in on_spark.monthly[s.MONTH]})
    assert months == ["2023-12", "2024-01", "2024-02", "2025-03"]


def _counts(region: pd.DataFrame) -> dict[str, pd.DataFrame]:
    """Two extracts of the region grouped in pandas: one at the activity grain with patients and
    cost, one by month x age band x sex with each unit's distinct patients."""
    v = region.assign(**{s.YEAR: pd.to_datetime(region[s.VISIT_DATE]).dt.year,
                         s.MONTH: pd.to_datetime(region[s.VISIT_DATE]).dt.to_period("M").dt.to_timestamp().dt.date})
    bands = [label for label, _lo, _hi in s.AGE_BANDS]
    v[s.AGE_BAND] = pd.cut(v[s.AGE], [-1, *[hi for _l, _lo, hi in s.AGE_BANDS[:-1]], 999], labels=bands).astype(str)
    activity = v.groupby(list(s.ACTIVITY_KEYS), observed=True).agg(
        visits=(s.VISIT_ID, "size"), patients=(s.PATIENT_ID, "nunique")).reset_index()
    activity[s.COST_DKK] = activity[s.VISITS] * 1234.5
    unit = v.groupby(list(aggregate.UNIT_KEYS), observed=True)[s.PATIENT_ID].nunique().rename(s.UNIT_PATIENTS)
    monthly = (v.groupby([s.MONTH, *aggregate.UNIT_KEYS, s.VISIT_TYPE, s.CONTACT_MODE, s.AGE_BAND, s.SEX],
                         observed=True).size().rename(s.VISITS).reset_index()
               .merge(unit.reset_index(), on=list(aggregate.UNIT_KEYS)).drop(columns=s.YEAR))
    return {"activity": activity, "monthly": monthly}


@pytest.mark.parametrize("extract", ["activity", "monthly"])
def test_aggregated_extracts_give_the_same_tables_on_spark(spark_con, small_region, tmp_path, extract):
    path = tmp_path / f"{extract}.parquet"
    _counts(pd.read_parquet(small_region))[extract].to_parquet(path)
    on_spark = aggregate.aggregate_counts(spark_con, spark_con.read_parquet(str(path)))
    on_duckdb = aggregate.aggregate_file(path, "aggregated")
    assert differences(on_spark, on_duckdb) == []
    filled = {name for name in aggregate.Aggregates.TABLES if not getattr(on_spark, name).empty}
    assert filled == ({"activity"} if extract == "activity" else {"activity", "casemix", "units", "monthly"})


@pytest.fixture(scope="module")
def both(spark_con, duck_con, small_region):
    return (spark_con, spark_con.read_parquet(str(small_region))), (duck_con, duck_con.read_parquet(str(small_region)))


@pytest.mark.parametrize("rule", [pathways.StableRule(),  # the 08 notebook's default: a handful of series
                                  pathways.StableRule(min_follow_ups=3, min_months=6, min_calendar_share=0)])
def test_stable_series_are_the_same_on_spark(both, rule):
    (sc, st), (dc, dt) = both
    on_spark = pathways.stable_series(sc, st, rule)
    _same(on_spark, pathways.stable_series(dc, dt, rule))
    assert not on_spark.empty


def test_patient_segments_are_the_same_on_spark(both):
    (sc, st), (dc, dt) = both
    prices = pd.DataFrame({s.SPECIALTY: [""] * 2, s.VISIT_TYPE: ["assessment", "follow_up"],
                           s.CONTACT_MODE: ["in_person"] * 2, "dkk": [2000.0, 1500.0]})
    on_spark = pathways.segments(sc, st, 2024, prices=prices)
    _same(on_spark, pathways.segments(dc, dt, 2024, prices=prices))
    assert on_spark["patients"].sum() > 0


def test_patients_seen_once_are_the_same_on_spark(both):
    (sc, st), (dc, dt) = both
    by = (s.HOSPITAL, s.SPECIALTY, s.REFERRAL_SOURCE)
    on_spark = pathways.seen_once(sc, st, 2024, 365, by)
    _same(on_spark, pathways.seen_once(dc, dt, 2024, 365, by))
    assert on_spark["seen_once"].sum() > 0
