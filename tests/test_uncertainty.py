"""Intervals and sensitivity of the reduction potential."""
from __future__ import annotations

import pandas as pd
import pytest

from analysis.analyses import scenarios as S
from analysis.analyses import uncertainty as U

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


@pytest.mark.slow
def test_interval_contains_the_point_estimate():
    inp = inputs(10)
    lo, hi = U.interval(U.simulate(inp, draws=300, seed=1))
    assert lo < U.totals(inp)["saving_dkk"] < hi


def test_the_same_seed_gives_the_same_numbers():
    inp = inputs(1)
    pd.testing.assert_frame_equal(U.simulate(inp, draws=20, seed=7), U.simulate(inp, draws=20, seed=7))


@pytest.mark.slow
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


@pytest.mark.slow
def test_intervals_per_hospital_contain_their_point_estimates():
    inp = inputs(10)
    point = U.totals(inp, by="hospital")["saving_dkk"]
    assert len(point) > 1
    iv = U.intervals_by(U.simulate(inp, draws=300, seed=2, by="hospital"), "hospital").set_index("hospital")
    for h, v in point.items():
        assert iv.loc[h, "low"] <= v <= iv.loc[h, "high"]


def test_group_draws_add_up_to_the_overall_draws():
    inp = inputs(10)
    whole = U.simulate(inp, draws=30, seed=4)
    parts = U.overall(U.simulate(inp, draws=30, seed=4, by="hospital"))
    assert parts["saving_dkk"].to_numpy() == pytest.approx(whole["saving_dkk"].to_numpy())


# Both kinds of kroner from the same draws. Hand-made costs of a follow-up: minutes per visit
# (doctors, nurses, secretaries) in person 20, 15, 10 and by phone 10, 5, 5; an FTE works 96,000
# minutes a year and costs 960,000 (doctors), 576,000 (nurses), 480,000 DKK (secretaries), so a
# minute costs 10, 6 and 5 DKK; the variable cost is 60 DKK in person, 10 by phone. One in-person
# follow-up less frees 20x10 + 15x6 + 10x5 + 60 = 400 DKK of cash; one moved to phone frees
# 400 - (10x10 + 5x6 + 5x5 + 10) = 400 - 165 = 235 DKK. At the tariff they are worth 1,000 and
# 1,000 - 600 = 400 DKK.
def _costs():
    from analysis.analyses import budget

    index = pd.MultiIndex.from_tuples([("follow_up", "in_person"), ("follow_up", "phone")],
                                      names=["visit_type", "contact_mode"])
    minutes = pd.DataFrame({"doctors": [20.0, 10.0], "nurses": [15.0, 5.0], "secretaries": [10.0, 5.0]}, index=index)
    return budget.Costs(minutes, pd.Series({"doctors": 960_000.0, "nurses": 576_000.0, "secretaries": 480_000.0}),
                        pd.Series([60.0, 10.0], index=index),
                        pd.Series({"general_practice": 300.0, "pro_answer": 50.0}),
                        minutes_per_fte=96_000)


PHONE_TARIFFS = pd.DataFrame({"specialty": [""] * 2, "visit_type": ["follow_up"] * 2,
                              "contact_mode": ["in_person", "phone"], "dkk": [1000.0, 600.0]})


def money_inputs(scale: float = 1, costs=True) -> U.Inputs:
    inp = inputs(scale)
    phone = S.Scenario(name="phone", driver="d", lever="to_phone", share=0.1, low=0.05, high=0.2)
    return U.Inputs(inp.activity, inp.rates, [inp.scenarios[0], phone], PHONE_TARIFFS,
                    costs=_costs() if costs else None)


def test_the_budget_effect_beside_the_tariff_value_by_hand():
    # benchmark: 50 of A's visits dropped (400 DKK cash, 1,000 at the tariff each); then 10% of the
    # in-person visits left move to phone: A 25, B 20, C 10 = 55 (235 DKK cash, 400 at the tariff)
    t = U.totals(money_inputs())
    assert t["visits_changed"] == pytest.approx(105)
    assert t["budget_effect_dkk"] == pytest.approx(50 * 400 + 55 * 235)  # 32,925
    assert t["saving_dkk"] == pytest.approx(50 * 1000 + 55 * 400)  # 72,000
    assert "budget_effect_dkk" not in U.totals(money_inputs(costs=False))


def test_each_draws_budget_effect_is_its_changed_visits_in_cash():
    draws = U.simulate(money_inputs(10), draws=40, seed=5, by="scenario")
    bench, phone = draws[draws["scenario"] == "bench"], draws[draws["scenario"] == "phone"]
    assert bench["budget_effect_dkk"].to_numpy() == pytest.approx(400 * bench["visits_changed"].to_numpy())
    assert phone["budget_effect_dkk"].to_numpy() == pytest.approx(235 * phone["visits_changed"].to_numpy())
    assert phone["saving_dkk"].to_numpy() == pytest.approx(400 * phone["visits_changed"].to_numpy())


@pytest.mark.slow
def test_the_budget_interval_comes_from_the_same_draws_as_the_tariff_value():
    inp = money_inputs(10)
    with_costs = U.simulate(inp, draws=200, seed=9)
    without = U.simulate(money_inputs(10, costs=False), draws=200, seed=9)
    # the cost tables add a column; the draws (counts, shares) are the very same
    pd.testing.assert_frame_equal(with_costs[list(U.TOTALS)], without)
    lo, hi = U.interval(with_costs, "budget_effect_dkk")
    point = U.totals(inp)["budget_effect_dkk"]
    assert lo < point < hi
    # cash and tariff value move together draw by draw: the 2.5% and 97.5% draws of the cash lie
    # between 235/400 and 400/1,000 of the tariff value's, as every changed visit's cash does
    value_lo, value_hi = U.interval(with_costs)
    assert 235 / 400 * value_lo >= lo >= 400 / 1000 * value_lo
    assert 235 / 400 * value_hi >= hi >= 400 / 1000 * value_hi
    # per hospital and added up: the same draws
    by = U.simulate(inp, draws=200, seed=9, by="hospital")
    assert U.overall(by)["budget_effect_dkk"].to_numpy() == pytest.approx(with_costs["budget_effect_dkk"].to_numpy())
    iv = U.intervals_by(by, "hospital", "budget_effect_dkk").set_index("hospital")
    for h, v in U.totals(inp, by="hospital")["budget_effect_dkk"].items():
        assert iv.loc[h, "low"] <= v <= iv.loc[h, "high"]


def test_the_budget_effects_sensitivity_swings_the_costs_not_the_prices():
    sens = U.sensitivity(money_inputs(), column="budget_effect_dkk").set_index("assumption")
    assert set(sens.index) == {"bench", "phone", "costs", "benchmark"}
    assert sens.loc["costs", ["low", "high"]].tolist() == pytest.approx([0.8 * 32_925, 1.2 * 32_925])
    # the phone idea at 5% and 20%: 27.5 and 110 visits moved, 235 DKK each
    assert sens.loc["phone", ["low", "high"]].tolist() == pytest.approx([20_000 + 27.5 * 235, 20_000 + 110 * 235])
    with pytest.raises(ValueError, match="cost tables"):
        U.sensitivity(money_inputs(costs=False), column="budget_effect_dkk")
