"""XmR charts and special-cause rules (NHS Making Data Count), and the monitoring of the
synthetic region's planted reductions."""
from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from analysis import spc


def chart(values, n_base=None):
    v = pd.Series(values, dtype=float)
    base = pd.Series(np.arange(len(v)) < (n_base or len(v)))
    return spc.xmr(v, base)


def test_limits_are_mean_plus_minus_2_66_mean_moving_range():
    c = chart([10, 12, 10, 12, 10, 12])
    # mean 11, moving ranges all 2 -> limits 11 +/- 5.32
    assert c["mean"].iloc[0] == 11 and c["upper"].iloc[0] == pytest.approx(16.32) and c["lower"].iloc[0] == pytest.approx(5.68)


def test_extreme_moving_ranges_are_screened_out():
    c = chart([10, 12, 10, 12, 10, 12, 10, 12, 10, 12, 10, 60], n_base=12)
    mr = np.abs(np.diff([10, 12, 10, 12, 10, 12, 10, 12, 10, 12, 10, 60]))
    kept = mr[mr <= 3.267 * mr.mean()]  # the jump of 50 goes
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


def test_seven_points_rising():
    c = chart([10, 12] * 5 + [9, 9.5, 10, 10.5, 11, 11.5, 12], n_base=10)
    assert (c["trend"].iloc[-6:] == 1).all()


def test_two_of_three_beyond_two_thirds_of_the_way():
    # mean 11, limits +/- 5.32: two thirds of the way up is 14.55
    c = chart([10, 12] * 5 + [15, 11.5, 15], n_base=10)
    assert c["two_of_three"].iloc[-3:].tolist() == [1, 0, 1]


def test_a_short_baseline_is_a_clear_error():
    with pytest.raises(ValueError, match="at least 2 baseline points"):
        chart([10, 12, 14], n_base=1)


def test_planted_reductions_are_found_and_no_other_follow_up_reduction(full_region):
    prep, truth = full_region
    monthly = prep.aggregates.monthly
    result = spc.monitor(monthly[monthly["visit_type"] == "follow_up"], truth["decision_date"], ["hospital", "specialty"])
    found = set(map(tuple, result.loc[result["status"] == "reduction", ["hospital", "specialty"]].to_numpy()))
    planted = {(p["hospital"], p["specialty"]) for p in truth["reduction_after_decision"]}
    assert found == planted
