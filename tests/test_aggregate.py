"""Aggregation: the engine's group-bys give the numbers worked out by hand."""
from __future__ import annotations

import pandas as pd
import pytest

from analysis.engine import aggregate

# Five visits by three patients, worked out by hand below.
VISITS = pd.DataFrame({
    "visit_id": ["v1", "v2", "v3", "v4", "v5"],
    "patient_id": ["a", "a", "b", "c", "a"],
    "visit_date": pd.to_datetime(["2024-01-05", "2024-01-20", "2024-02-01", "2024-02-03", "2025-03-01"]),
    "hospital": ["H1", "H1", "H1", "H2", "H1"],
    "specialty": ["Kardiologi"] * 5,
    "sector": ["somatic"] * 5,
    "visit_type": ["assessment", "follow_up", "follow_up", "follow_up", "follow_up"],
    "contact_mode": ["in_person", "in_person", "phone", "in_person", "in_person"],
    "age": [17, 17, 45, 80, 18],
    "sex": ["F", "F", "M", "F", "F"],
    "cost_dkk": [2000.0, 1500.0, 700.0, None, 1500.0],
})


@pytest.fixture(scope="module")
def agg(tmp_path_factory):
    path = tmp_path_factory.mktemp("agg") / "visits.parquet"
    VISITS.to_parquet(path)
    return aggregate.aggregate_file(path, "visits")


def test_activity_counts_visits_and_distinct_patients_per_cell(agg):
    a = agg.activity.set_index(["year", "hospital", "visit_type", "contact_mode"])
    assert a.loc[(2024, "H1", "follow_up", "in_person"), ["visits", "patients"]].tolist() == [1, 1]
    assert a.loc[(2024, "H1", "follow_up", "phone"), "visits"] == 1
    assert a.loc[(2025, "H1", "follow_up", "in_person"), "visits"] == 1
    assert a["visits"].sum() == 5


def test_cost_is_summed_only_where_every_visit_has_one(agg):
    a = agg.activity.set_index(["year", "hospital", "visit_type", "contact_mode"])
    assert a.loc[(2024, "H1", "assessment", "in_person"), "cost_dkk"] == 2000.0
    assert pd.isna(a.loc[(2024, "H2", "follow_up", "in_person"), "cost_dkk"])


def test_units_count_distinct_patients_over_visit_types(agg):
    u = agg.units.set_index(["year", "hospital"])
    assert u.loc[(2024, "H1"), ["visits", "patients"]].tolist() == [3, 2]  # a twice, b once
    assert u.loc[(2024, "H2"), ["visits", "patients"]].tolist() == [1, 1]


def test_age_bands_from_age(agg):
    c = agg.casemix.groupby("age_band")["visits"].sum().to_dict()
    assert c == {"0-17": 2, "18-39": 1, "40-59": 1, "80+": 1}


def test_patients_by_age_and_sex_per_unit(agg):
    c = agg.casemix_patients.set_index(["year", "hospital", "age_band", "sex"])
    assert c.loc[(2024, "H1", "0-17", "F"), ["visits", "patients"]].tolist() == [2, 1]  # a, twice


def test_monthly_counts(agg):
    m = agg.monthly.groupby("month")["visits"].sum()
    assert m.tolist() == [2, 2, 1]
    assert [d.strftime("%Y-%m") for d in m.index] == ["2024-01", "2024-02", "2025-03"]


def test_histogram_of_visits_per_patient(agg):
    pv = agg.patient_visits
    y2024 = pv[(pv["year"] == 2024) & (pv["scope"] == "all")].set_index("visits_per_patient")["patients"]
    assert y2024.to_dict() == {1: 2, 2: 1}  # b and c once, a twice


def test_aggregates_round_trip_through_parquet(agg, tmp_path):
    agg.save(tmp_path / "a")
    back = aggregate.Aggregates.load(tmp_path / "a")
    pd.testing.assert_frame_equal(back.units, agg.units, check_dtype=False)


def test_pre_aggregated_counts_add_up_and_keep_patients_at_their_grain(tmp_path):
    counts = pd.DataFrame({
        "year": [2024.0, 2024.0], "hospital": ["H1", "H1"], "specialty": ["Urologi"] * 2,
        "sector": ["somatic"] * 2, "visit_type": ["follow_up"] * 2, "contact_mode": ["in_person", "phone"],
        "visits": [100.0, 20.0], "patients": [40.0, 15.0]})
    path = tmp_path / "c.parquet"
    counts.to_parquet(path)
    agg = aggregate.aggregate_file(path, "aggregated")
    assert agg.activity["visits"].tolist() == [100, 20]
    assert agg.activity["patients"].tolist() == [40, 15]
    assert agg.units.empty and agg.patient_visits.empty


def _counts_file(tmp_path, frame: pd.DataFrame):
    path = tmp_path / "counts.parquet"
    frame.to_parquet(path)
    return aggregate.aggregate_file(path, "aggregated")


MONTHLY_COUNTS = pd.DataFrame({
    "month": pd.to_datetime(["2024-01-01", "2024-01-01", "2024-02-01", "2025-01-01"]).date,
    "hospital": ["H1", "H1", "H1", "H2"], "specialty": ["Urologi"] * 4, "sector": ["somatic"] * 4,
    "visit_type": ["follow_up", "follow_up", "follow_up", "assessment"],
    "contact_mode": ["in_person", "phone", "in_person", "in_person"],
    "visits": [30, 10, 25, 7]})


def test_a_month_column_fills_monthly_and_gives_the_year(tmp_path):
    agg = _counts_file(tmp_path, MONTHLY_COUNTS)
    m = agg.monthly.groupby(["month", "hospital"])["visits"].sum()
    assert [d.strftime("%Y-%m") for d, _ in m.index] == ["2024-01", "2024-02", "2025-01"]
    assert m.tolist() == [40, 25, 7]  # January's two contact modes are two rows of the month
    assert agg.monthly["contact_mode"].tolist() == ["in_person", "phone", "in_person", "in_person"]
    a = agg.activity.groupby("year")["visits"].sum()
    assert a.to_dict() == {2024: 65, 2025: 7}


def test_months_and_years_together_add_up_per_year(tmp_path):
    agg = _counts_file(tmp_path, MONTHLY_COUNTS.assign(year=[2024, 2024, 2024, 2025], patients=[5.0, 5, 5, 5]))
    assert agg.activity.groupby("year")["visits"].sum().to_dict() == {2024: 65, 2025: 7}
    # patients of months cannot be added into a year
    assert agg.activity["patients"].isna().all()


def test_patients_per_unit_fill_the_units_table(tmp_path):
    frame = pd.DataFrame({
        "year": [2024] * 3, "hospital": ["H1", "H1", "H2"], "specialty": ["Urologi"] * 3, "sector": ["somatic"] * 3,
        "visit_type": ["assessment", "follow_up", "follow_up"], "contact_mode": ["in_person"] * 3,
        "visits": [100, 300, 50], "unit_patients": [120.0, 120.0, 40.0]})
    agg = _counts_file(tmp_path, frame)
    u = agg.units.set_index("hospital")
    assert u.loc["H1", ["visits", "patients"]].tolist() == [400, 120] and u.loc["H2", "patients"] == 40
    with pytest.raises(ValueError, match="unit_patients must be the same on every row of a unit.*H1"):
        _counts_file(tmp_path, frame.assign(unit_patients=[120.0, 121.0, 40.0]))


# --- optional tables: where patients live, priority, referral --------------------------------------
WITH_OPTIONAL = VISITS.assign(
    municipality=["Skive", "Skive", "Viborg", None, "Skive"],
    priority=["acute", "planned", "planned", "planned", None],
    referral_source=["general_practice", "own_department", "own_department", "own_department", "own_department"],
)


@pytest.fixture(scope="module")
def agg_optional(tmp_path_factory):
    path = tmp_path_factory.mktemp("agg_optional") / "visits.parquet"
    WITH_OPTIONAL.to_parquet(path)
    return aggregate.aggregate_file(path, "visits")


def test_optional_tables_are_empty_without_their_columns(agg, tmp_path):
    assert agg.residents.empty and agg.priority.empty and agg.referral.empty
    agg.save(tmp_path / "saved")
    again = aggregate.Aggregates.load(tmp_path / "saved")
    assert again.residents.empty and again.priority.empty and again.referral.empty
    pd.testing.assert_frame_equal(again.activity, agg.activity, check_dtype=False)


def test_residents_by_municipality(agg_optional):
    r = agg_optional.residents
    assert list(r.columns) == [*aggregate.RESIDENT_KEYS, "visits", "patients"]
    assert r["visits"].sum() == len(WITH_OPTIONAL)
    by = r.groupby(["year", "municipality"])["visits"].sum().to_dict()
    assert by == {(2024, "-"): 1, (2024, "Skive"): 2, (2024, "Viborg"): 1, (2025, "Skive"): 1}
    cell = r.set_index(["year", "municipality", "visit_type"]).loc[(2024, "Skive", "follow_up")]
    assert (cell["visits"], cell["patients"]) == (1, 1)


def test_priority_by_unit(agg_optional):
    p = agg_optional.priority
    assert list(p.columns) == [*aggregate.PRIORITY_KEYS, "visits"]
    assert p["visits"].sum() == len(WITH_OPTIONAL)
    assert p.groupby("priority")["visits"].sum().to_dict() == {"-": 1, "acute": 1, "planned": 3}


def test_referral_counts_first_visits(agg_optional):
    r = agg_optional.referral
    assert list(r.columns) == [*aggregate.REFERRAL_KEYS, "visits", "patients"]
    assert r[["year", "hospital", "referral_source", "visits", "patients"]].values.tolist() == [
        [2024, "H1", "general_practice", 1, 1]]


def test_optional_tables_survive_save_and_load(agg_optional, tmp_path):
    agg_optional.save(tmp_path / "saved")
    again = aggregate.Aggregates.load(tmp_path / "saved")
    for name in ("residents", "priority", "referral"):
        pd.testing.assert_frame_equal(getattr(again, name), getattr(agg_optional, name), check_dtype=False)


def test_optional_tables_of_the_small_region_sum_to_the_visits(small_region):
    a = aggregate.aggregate_file(small_region, "visits")
    total = a.activity["visits"].sum()
    assert a.residents["visits"].sum() == total and a.priority["visits"].sum() == total
    assert "-" not in set(a.residents["municipality"]) and a.residents["municipality"].nunique() == 19
    first = a.activity.loc[a.activity["visit_type"] == "assessment", "visits"].sum()
    assert a.referral["visits"].sum() == first
    per_year = a.residents.groupby("year")["visits"].sum()
    assert per_year.to_dict() == a.activity.groupby("year")["visits"].sum().to_dict()


def test_the_engine_draws_no_progress_bar():
    """With ipywidgets installed, DuckDB draws its progress bar in a notebook as a widget: a
    script in the report, which the run's page check refuses (a first run on new data failed)."""
    from analysis.inputs import ingest

    assert aggregate.connect().raw_sql("SELECT current_setting('enable_progress_bar')").fetchall() == [(False,)]
    assert ingest._connect().execute("SELECT current_setting('enable_progress_bar')").fetchall() == [(False,)]
