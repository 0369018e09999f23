"""Intervals and sensitivity of the reduction potential."""
from __future__ import annotations

import pandas as pd
import pytest

from analysis import scenarios as S
from analysis import uncertainty as U

TARIFFS = pd.DataFrame({"specialty": [""], "visit_type": ["follow_up"], "contact_mode": ["in_person"], "dkk": [1000.0]})


def inputs(scale: float) -> U.Inputs:
    act = pd.DataFrame({"hospital": ["A", "B", "C"], "specialty": ["K"] * 3, "sector": ["somatic"] * 3,
                        "visit_type": ["follow_up"] * 3, "contact_mode": ["in_person"] * 3,
                        "visits": [300 * scale, 200 * scale, 100 * scale]})
    rates = pd.DataFrame({"specialty": ["K"] * 3, "hospital": ["A", "B", "C"], "visit_type": ["follow_up"] * 3,
                          "observed": [300 * scale, 200 * scale, 100 * scale],
                          "expected": [200 * scale, 200 * scale, 200 * scale],
                          "ratio": [1.5, 1.0, 0.5]})
    scen = [S.Scenario(name="bench", driver="d", lever="benchmark", share=0.5, low=0.25, high=0.75),
            S.Scenario(name="drop", driver="d", lever="drop", share=0.1, low=0.05, high=0.2)]
    return U.Inputs(act, rates, scen, TARIFFS)


def test_point_estimate_by_hand():
    # benchmark: median ratio 1.0 -> A has 100 above; half reachable = 50 visits; then 10% of the rest
    # in person: A 25, B 20, C 10 -> 105 visits, 105,000 DKK
    t = U.totals(inputs(1))
    assert t["visits_changed"] == pytest.approx(105) and t["saving_dkk"] == pytest.approx(105_000)


def test_interval_contains_the_point_estimate():
    inp = inputs(10)
    lo, hi = U.interval(U.simulate(inp, draws=300, seed=1))
    assert lo < U.totals(inp)["saving_dkk"] < hi


def test_the_same_seed_gives_the_same_numbers():
    inp = inputs(1)
    pd.testing.assert_frame_equal(U.simulate(inp, draws=20, seed=7), U.simulate(inp, draws=20, seed=7))


def test_intervals_shrink_as_volume_grows():
    def rel_width(scale):
        inp = inputs(scale)
        # shares fixed, so only the counts' Poisson noise is left
        inp.scenarios = [sc.model_copy(update={"low": sc.share, "high": sc.share}) for sc in inp.scenarios]
        lo, hi = U.interval(U.simulate(inp, draws=300, seed=3))
        return (hi - lo) / U.totals(inp)["saving_dkk"]
    assert rel_width(100) < rel_width(1) / 3


def test_sensitivity_swings_each_assumption_alone():
    sens = U.sensitivity(inputs(1)).set_index("assumption")
    assert sens.loc["drop", "low"] < sens.loc["drop", "base"] < sens.loc["drop", "high"]
    assert sens.loc["tariffs", "low"] == pytest.approx(0.8 * sens.loc["tariffs", "base"])
    assert set(sens.index) == {"bench", "drop", "tariffs", "benchmark"}


def test_intervals_per_hospital_contain_their_point_estimates():
    inp = inputs(10)
    point = U.totals(inp, by="hospital")["saving_dkk"]
    iv = U.intervals_by(U.simulate(inp, draws=300, seed=2, by="hospital"), "hospital").set_index("hospital")
    for h, v in point.items():
        assert iv.loc[h, "low"] <= v <= iv.loc[h, "high"]


def test_group_draws_add_up_to_the_overall_draws():
    inp = inputs(10)
    whole = U.simulate(inp, draws=30, seed=4)
    parts = U.overall(U.simulate(inp, draws=30, seed=4, by="hospital"))
    assert parts["saving_dkk"].to_numpy() == pytest.approx(whole["saving_dkk"].to_numpy())
