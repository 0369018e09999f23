"""The validation study, small and fast: a few simulated regions as rough as real ones (holidays,
hospital-month shocks, hospital and unit trends, extra-Poisson noise, lag, a genuine fall), with
fixed seeds; `make validate` runs the same study at full size and prints the figures."""
from __future__ import annotations

import pandas as pd
import pytest

from analysis.base.workdays import working_days
from analysis.running import validation as v

pytestmark = pytest.mark.suite  # runs notebooks or the whole pipeline: `make test`, not `make check`


@pytest.fixture(scope="module")
def small_study():
    hospitals, checks = v.study(2, first_seed=2000)
    return v.summarise(hospitals, checks).set_index("metric"), hospitals, checks


def test_a_simulated_region_has_no_visits_on_holidays_and_its_truth_is_what_was_removed():
    region = v.simulate(1, v.SCENARIOS["decision"])
    months = pd.date_range("2023-01-01", "2025-12-01", freq="MS")
    per_month = region.monthly.groupby("month")["visits"].sum().reindex(months)
    # March 2024 held Easter (19 working days), March 2023 did not (23): fewer visits, per working day alike
    assert per_month["2024-03-01"] < 0.9 * per_month["2023-03-01"]
    per_day = per_month / working_days(months)
    assert per_day["2024-03-01"] == pytest.approx(per_day["2023-03-01"], rel=0.06)
    assert region.truth["removed_visits"].sum() > 0
    untouched = [h for h, c in region.cut.items() if c == 0]
    assert region.truth.loc[region.truth["hospital"].isin(untouched), "saving_dkk"].sum() == 0


def test_no_change_plants_no_saving():
    assert v.simulate(3, v.SCENARIOS["no_change"]).truth["saving_dkk"].sum() == 0


def test_the_realised_saving_covers_the_truth_on_rough_regions(small_study):
    table, _, _ = small_study
    assert table.loc["coverage_hospital", "value"] >= 0.8  # 95% intervals, 40 hospital-cases
    assert table.loc["coverage_region", "value"] >= 0.75
    assert table.loc["no_change_covers_0", "value"] == 1.0


def test_a_hospital_where_nothing_happened_is_never_ahead(small_study):
    table, hospitals, _ = small_study
    assert table.loc["no_change_ahead", "value"] == 0
    assert table.loc["false_ahead_behind", "value"] <= 0.1


def test_the_lag_is_found_and_a_genuine_fall_is_not_taken_for_it(small_study):
    table, _, checks = small_study
    assert table.loc["lag_found", "value"] == 1
    assert table.loc["fall_taken_for_lag", "value"] == 0
    assert not checks.loc[checks["scenario"].isin(["no_change", "decision"]), "false_alarm"].any()


def test_monitoring_reads_few_false_signals(small_study):
    table, _, _ = small_study
    assert table.loc["false_reduction_06", "value"] <= 0.05
    assert table.loc["false_rise_06", "value"] <= 0.08


def test_the_old_smooth_assumptions_fail_on_rough_data():
    """Without the holidays in the exposure, a region with no change at all reads as tens of
    millions saved (tariff value over April to December), and its interval is too wide to tell
    anything; with them, the estimate is near 0 and the interval several times narrower."""
    region = v.simulate(5, v.SCENARIOS["no_change"])
    from analysis.analyses import follow_up

    naive = follow_up.realise(region.monthly, region.prices, "2025-04-01", working_days=False)
    honest = follow_up.realise(region.monthly, region.prices, "2025-04-01")
    n, h = naive.summary([]).iloc[0], honest.summary([]).iloc[0]
    assert n["saving"] > 50_000_000
    assert h["low"] <= 0 <= h["high"]
    assert abs(h["saving"]) < abs(n["saving"]) / 5
    assert h["sd"] < n["sd"] / 3


def test_the_bias_is_measured_net_of_the_regions_own_draws():
    # each region's error is 5% of its planted saving of 100 plus 3 x its (mean 0) shock draw,
    # which swamps it; the control variate takes the draw out and the intercept is the 5%
    shock = [-20.0, 15.0, -5.0, 10.0, 0.0, -12.0, 12.0, 25.0, -25.0, 0.0]
    planted = pd.DataFrame({"truth": [100.0] * 10, "post_shock": shock})
    planted["estimate"] = planted["truth"] + 5.0 + 3.0 * planted["post_shock"]
    none = pd.DataFrame({"truth": [0.0] * 4, "post_shock": [8.0, -8.0, 4.0, -4.0]})
    none["estimate"] = 5.0 + 3.0 * none["post_shock"]
    bias, se, n = v._bias(planted, none)
    assert bias == pytest.approx(0.05)
    assert se == pytest.approx(0.0, abs=1e-9)
    assert n == 14
