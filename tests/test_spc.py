"""XmR charts and special-cause rules as NHSRplotthedots (NHS Making Data Count), checked on
small series whose answer follows from the reference's rule functions and their own tests,
on NHS England A&E attendances against the reference's output, and the monitoring of the
synthetic region's planted reductions."""
from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from analysis.stats import spc

DATA = Path(__file__).parent / "data"
BASE = [10, 12] * 5  # mean 11, every moving range 2: limits 11 +/- 5.32, two-thirds lines 11 +/- 3.5467


def chart(values, n_base=None):
    v = pd.Series(values, dtype=float)
    base = pd.Series(np.arange(len(v)) < (n_base or len(v)))
    return spc.xmr(v, base)


def test_limits_are_mean_plus_minus_2_66_mean_moving_range():
    c = chart([10, 12, 10, 12, 10, 12])
    # mean 11, moving ranges all 2 -> limits 11 +/- 5.32
    assert c["mean"].iloc[0] == 11
    assert c["upper"].iloc[0] == pytest.approx(16.32) and c["lower"].iloc[0] == pytest.approx(5.68)


def test_extreme_moving_ranges_are_screened_out():
    c = chart([10, 12, 10, 12, 10, 12, 10, 12, 10, 12, 10, 60], n_base=12)
    mr = np.abs(np.diff([10, 12, 10, 12, 10, 12, 10, 12, 10, 12, 10, 60]))
    kept = mr[mr < 3.267 * mr.mean()]  # the jump of 50 goes
    mean = np.mean([10, 12, 10, 12, 10, 12, 10, 12, 10, 12, 10, 60])
    assert c["upper"].iloc[0] == pytest.approx(mean + 2.66 * kept.mean())


def test_a_point_beyond_the_limits():
    c = chart([10, 12, 10, 12, 10, 12, 30], n_base=6)
    assert c["beyond"].tolist()[-1] == 1 and c["signal"].iloc[-1] == 1


def test_seven_in_a_row_below_the_mean():
    c = chart([10, 12] * 5 + [10.5] * 7, n_base=10)
    assert (c["run"].iloc[-7:] == -1).all() and (c["run"].iloc[:10] == 0).all()


def test_six_in_a_row_is_not_a_run():
    c = chart([10, 12] * 5 + [10.5] * 6 + [12], n_base=10)
    assert (c["run"] == 0).all()


def test_a_range_equal_to_the_screening_threshold_is_screened_out(monkeypatch):
    # the reference keeps a moving range only when it is strictly below factor x mean; with a
    # factor of 2 the ranges 1, 1, 1, 3 (mean 1.5) lose the 3, which equals 2 x 1.5
    monkeypatch.setattr(spc, "SCREEN_FACTOR", 2.0)
    c = chart([0, 1, 0, 1, 4])
    assert c["mr_mean"].iloc[0] == 1.0


def test_seven_points_rising_flags_all_seven():
    # NHSRplotthedots' own case: c(2, 1:7, 3) is a trend on the seven points 1..7, first included
    c = chart(BASE + [13, 10, 10.5, 11, 11.5, 12, 12.5, 13, 11], n_base=10)
    assert c["trend"].iloc[10:].tolist() == [0, 1, 1, 1, 1, 1, 1, 1, 0]
    assert c["special_cause"].iloc[11] == "7 Point Trend (Increasing)"


def test_seven_points_falling_and_a_flat_step_breaks_a_trend():
    c = chart(BASE + [16, 15, 14, 13, 12, 11, 10], n_base=10)
    assert (c["trend"].iloc[-7:] == -1).all() and c["signal"].iloc[-1] == -1
    flat = chart(BASE + [16, 15, 14, 14, 12, 11, 10], n_base=10)  # as the reference's c(1:3, 3:6)
    assert (flat["trend"] == 0).all()


def test_two_of_three_beyond_two_thirds_of_the_way():
    # mean 11, limits +/- 5.32: two thirds of the way up is 14.55
    c = chart(BASE + [15, 11.5, 15], n_base=10)
    assert c["two_of_three"].iloc[-3:].tolist() == [1, 0, 1]
    assert c["special_cause"].iloc[-1] == "2 in 3 Above CL" and c["special_cause"].iloc[-2] == "Common Cause"


def test_a_point_beyond_the_limit_does_not_count_towards_two_of_three():
    # 15 lies between the two-thirds line and the limit, 17 beyond the limit: one near point only
    c = chart(BASE + [15, 11.5, 17], n_base=10)
    assert (c["two_of_three"] == 0).all()
    assert c["special_cause"].iloc[-3:].tolist() == ["Common Cause", "Common Cause", "Above UCL"]


def test_two_of_three_needs_them_within_three_points_and_on_one_side():
    # the reference's cases: near points 1, 0, 0, 1 flag none; 1, 0, 0, 1, 1 flag the last two
    c = chart(BASE + [15, 12, 12, 15, 15], n_base=10)
    assert c["two_of_three"].iloc[-5:].tolist() == [0, 0, 0, 1, 1]
    c = chart(BASE + [15, 12, 12, 15], n_base=10)
    assert (c["two_of_three"] == 0).all()
    c = chart(BASE + [15, 10, 15], n_base=10)  # the middle point below the mean breaks the window
    assert (c["two_of_three"] == 0).all()


def test_a_point_on_the_mean_breaks_a_run():
    c = chart(BASE + [12] * 3 + [11] + [12] * 4, n_base=10)
    assert (c["run"] == 0).all()


def test_a_short_baseline_is_a_clear_error():
    with pytest.raises(ValueError, match="at least 2 baseline points"):
        chart([10, 12, 14], n_base=1)


@pytest.mark.suite  # the full-size region: the whole pipeline on a region (`make test`, not `make check`)
def test_planted_reductions_are_found_and_no_other_follow_up_reduction(full_region):
    """Every planted unit reduction is found; any other reduction found lies in a hospital whose
    answer to the decision drops or moves a noticeable share of its follow-ups. The lagged
    months of a fresh extract are left out (incomplete, not a reduction)."""
    prep, truth = full_region
    monthly = prep.aggregates.monthly
    lagged = pd.to_datetime([lag["month"] for lag in truth["registration_lag"]])
    follow_ups = monthly[(monthly["visit_type"] == "follow_up") & ~pd.to_datetime(monthly["month"]).isin(lagged)]
    result = spc.monitor(follow_ups, truth["decision_date"], ["hospital", "specialty"])
    found = set(map(tuple, result.loc[result["status"] == "reduction", ["hospital", "specialty"]].to_numpy()))
    required = {(p["hospital"], p["specialty"]) for p in truth["reduction_after_decision"]}
    answering = {r["hospital"] for r in truth["decision_response"] if r["drop"] + r["move"] >= 0.05}
    somatic = monthly[monthly["sector"] == "somatic"]
    allowed = required | set(map(tuple, somatic.loc[somatic["hospital"].isin(answering),
                                                    ["hospital", "specialty"]].drop_duplicates().to_numpy()))
    assert required <= found <= allowed, (required - found, found - allowed)


def test_a_point_where_rules_point_both_ways_gets_the_references_name():
    # rising from the lower two-thirds zone: 7.0, 7.1, 7.2 are 2-of-3 low and part of 7 below
    # the mean, and also the start of 7 rising points. The reference names them by its order of
    # precedence (trend before 2 of 3 and run): "7 Point Trend (Increasing)", so a high signal.
    c = chart(BASE + [7.0, 7.1, 7.2, 8, 9, 10, 10.5], n_base=10)
    first = c.iloc[10]
    assert (first["trend"], first["two_of_three"], first["run"]) == (1, -1, -1)
    assert first["special_cause"] == "7 Point Trend (Increasing)" and first["signal"] == 1
    assert (c["signal"].iloc[10:] == 1).all()


def test_beyond_a_limit_takes_precedence_over_a_trend():
    c = chart(BASE + [10.5, 11, 12, 13, 14, 15, 17], n_base=10)
    assert c["special_cause"].iloc[-1] == "Above UCL"
    assert (c["special_cause"].iloc[-7:-1] == "7 Point Trend (Increasing)").all()


def test_xmr_agrees_with_nhsrplotthedots_on_nhs_ae_attendances():
    """130 type-1 trusts x 36 months, baseline = all points: limits and every rule as the reference."""
    ae = pd.read_csv(DATA / "nhs_ae_attendances.csv", dtype={"type": str})
    ae = ae[ae["type"] == "1"].set_index(["org_code", "period"])["attendances"]
    ref = pd.read_csv(DATA / "nhs_ae_xmr_reference.csv")
    assert ref["org_code"].nunique() == 130 and len(ref) == 130 * 36
    flags = {"beyond": "outside", "trend": "trend", "two_of_three": "two3", "run": "run"}
    for org, r in ref.groupby("org_code"):
        r = r.sort_values("period").reset_index(drop=True)
        y = ae.loc[org].loc[r["period"]].reset_index(drop=True)
        c = spc.xmr(y, pd.Series(True, index=y.index))
        assert c["mean"].to_numpy() == pytest.approx(r["mean"].to_numpy(), rel=1e-12)
        assert c["lower"].to_numpy() == pytest.approx(r["lpl"].to_numpy(), rel=1e-12)
        assert c["upper"].to_numpy() == pytest.approx(r["upl"].to_numpy(), rel=1e-12)
        assert c["mr_mean"].to_numpy() == pytest.approx(r["amr"].to_numpy(), rel=1e-12)
        for ours, theirs in flags.items():
            assert c[ours].tolist() == r[theirs].tolist(), (org, ours)
        assert c["special_cause"].tolist() == r["special_cause_type"].tolist(), org


def test_the_charts_shown_take_each_hospitals_signals_in_turn():
    result = pd.DataFrame({"hospital": ["A"] * 4 + ["B", "C"], "specialty": list("pqrsqt"),
                           "status": ["reduction"] * 5 + ["rise"], "change_pct": [-0.4, -0.3, -0.2, -0.1, -0.05, 0.2]})
    shown = spc.to_chart(result, 4)
    # A's largest fall, then B's (its only one), then A's second, then A's third; the rise comes last
    assert list(zip(shown["hospital"], shown["specialty"])) == [("A", "p"), ("B", "q"), ("A", "q"), ("A", "r")]
    assert spc.to_chart(result, 10)["status"].iloc[-1] == "rise"
    assert spc.to_chart(result.iloc[:0], 4).empty


def test_adjusted_monthly_means_are_named_as_adjusted():
    signals = pd.DataFrame({"baseline_mean": [34.0], "after_mean": [20.0], "change_pct": [-0.41]})
    shown, counts = spc.shown_means(signals, adjusted=True)
    assert counts == ["baseline_mean_adjusted", "after_mean_adjusted"] and counts[0] in shown
    raw, counts = spc.shown_means(signals, adjusted=False)
    assert raw is signals and counts == ["baseline_mean", "after_mean"]
