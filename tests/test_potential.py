"""Benchmark potential: only visits above the benchmark count."""
from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from analysis.analyses import potential

TABLE = pd.DataFrame({"specialty": ["K"] * 4, "hospital": list("ABCD"), "observed": [120.0, 100, 90, 80],
                      "expected": [100.0, 100, 100, 100], "ratio": [1.2, 1.0, 0.9, 0.8]})


def test_potential_against_the_median_by_hand():
    out = potential.above_benchmark(TABLE, "median").set_index("hospital")
    # median ratio of 1.2, 1.0, 0.9, 0.8 = 0.95: A 120 - 95 = 25, B 100 - 95 = 5, C and D none
    assert out["benchmark_ratio"].iloc[0] == pytest.approx(0.95)
    assert out["potential"].tolist() == pytest.approx([25, 5, 0, 0])


def test_below_the_benchmark_is_zero_not_negative():
    out = potential.above_benchmark(TABLE, 1.5)
    assert (out["potential"] == 0).all()


@pytest.mark.parametrize("benchmark,expected_b", [("mean", 1.0), ("best_quartile", 0.875), (0.9, 0.9)])
def test_benchmarks(benchmark, expected_b):
    assert potential.benchmark_ratio(TABLE["ratio"], benchmark) == pytest.approx(expected_b)


def test_best_k_is_the_mean_of_the_k_lowest():
    assert potential.benchmark_ratio(TABLE["ratio"], "best_k", k=2) == pytest.approx(0.85)


def test_unknown_benchmark_is_a_clear_error():
    with pytest.raises(ValueError, match="benchmark must be one of"):
        potential.benchmark_ratio(TABLE["ratio"], "best")


def test_planted_high_follow_up_units_carry_the_largest_potential(small_region):
    from analysis.engine import pipeline
    prep = pipeline.prepare(str(small_region))
    truth = pipeline.read_truth(str(small_region))
    pot = potential.by_visit_type(prep.aggregates, 2024, ["age_band", "sex"])
    fu = pot[pot["visit_type"] == "follow_up"]
    assert truth["follow_up_rate"], "the region plants no high follow-up unit"
    for p in truth["follow_up_rate"]:
        spec = fu[fu["specialty"] == p["specialty"]].set_index("hospital")["potential"]
        assert spec.idxmax() == p["hospital"], (p, spec.to_dict())


def test_guideline_potential_by_hand():
    from analysis.engine.aggregate import Aggregates
    units = pd.DataFrame({"year": [2024, 2024], "hospital": ["A", "B"], "specialty": ["K", "K"],
                          "sector": ["somatic"] * 2, "visits": [500, 300], "patients": [100, 100]})
    activity = pd.DataFrame({"year": [2024] * 2, "hospital": ["A", "B"], "specialty": ["K", "K"],
                             "sector": ["somatic"] * 2, "visit_type": ["follow_up"] * 2,
                             "contact_mode": ["in_person"] * 2, "visits": [250, 100]})
    g = pd.DataFrame({"specialty": ["K"], "follow_ups_per_patient": [1.5]})
    out = potential.against_guideline(Aggregates("visits", activity, units=units), 2024, g).set_index("hospital")
    # A: 250 follow-ups against 1.5 x 100 = 150 -> 100; B: 100 < 150 -> 0
    assert out["potential"].to_dict() == {"A": 100.0, "B": 0.0}


def test_the_shipped_guideline_table_loads():
    assert not potential.load_guidelines().empty


def test_benchmark_parameter_parsing():
    assert potential.parse_benchmark("median") == "median"
    assert potential.parse_benchmark("0,9") == 0.9 and potential.parse_benchmark("0.85") == 0.85
    with pytest.raises(ValueError, match="benchmark must be one of"):
        potential.parse_benchmark("best")


@pytest.mark.parametrize("peers,k", [(1, 1), (2, 2), (3, 2), (5, 2), (8, 2), (9, 3), (12, 3), (13, 4)])
def test_default_k_is_the_best_quarter_of_the_peers_at_least_two(peers, k):
    assert potential.default_k(peers) == k


def test_default_best_k_on_five_hospitals_is_tighter_than_the_median():
    r = pd.Series([1.2, 1.0, 0.9, 0.8, 0.7])
    # best quarter of 5, at least 2: the mean of 0.7 and 0.8 = 0.75, below the median 0.9 (a fixed k = 5
    # would be the mean of all five, 0.92, looser than the median)
    assert potential.benchmark_ratio(r, "best_k") == pytest.approx(0.75)
    assert potential.benchmark_ratio(r, "best_k", k=5) == pytest.approx(0.92)
    assert potential.benchmark_ratio(r, "best_k") < potential.benchmark_ratio(r, "median")


RATES = pd.DataFrame({"specialty": ["K"] * 4 + ["R"] * 2, "hospital": list("ABCD") + list("AB"),
                      "visit_type": ["follow_up"] * 6, "ratio": [1.2, 1.0, 0.9, 0.8, 1.1, 0.9]})


def test_where_k_covers_every_peer():
    # default: K has 4 peers -> k 2; R has 2 peers -> k 2 = all of them
    assert potential.k_covers_all(RATES).values.tolist() == [["R", "follow_up", 2, 2]]
    assert potential.k_covers_all(RATES, k=4)["specialty"].tolist() == ["K", "R"]
    assert potential.k_covers_all(RATES, k=4, visit_types=["assessment"]).empty
    assert potential.best_k_warning(RATES, "en", k=1) == ""
    text = potential.best_k_warning(RATES, "da")
    assert "R, kontrol (hospitaler: 2, k = 2)" in text and "K," not in text


def test_the_benchmark_is_described_in_words_not_its_parameter():
    assert potential.describe_benchmark("median", "en") == \
        "the median of the specialty's hospitals (the typical hospital)"
    assert potential.describe_benchmark("best_k", "en") == \
        "the mean of the best quarter of the specialty's hospitals (at least 2)"
    assert potential.describe_benchmark("best_k", "da", k=3) == "gennemsnittet af specialets 3 bedste hospitaler"
    assert potential.describe_benchmark(0.9, "da") == "et fast forholdstal på 0,90 af det forventede"
    named = ("median", "mean", "best_quartile", "best_k", "guideline")
    assert all("best_k" not in potential.describe_benchmark(b, lang) for b in named for lang in ("da", "en"))


def test_a_bad_guideline_table_is_refused(tmp_path):
    from analysis.base.problems import InputError
    bad = tmp_path / "g.csv"
    bad.write_text("specialty,follow_ups_per_patient\nKardiologi,-1\nKardiologi,2\n", encoding="utf-8")
    with pytest.raises(InputError) as err:
        potential.load_guidelines(bad)
    assert "non-negative" in str(err.value) and "one row per specialty" in str(err.value)
    assert potential.load_guidelines("").equals(potential.load_guidelines())


@pytest.mark.parametrize("benchmark", ["median", "mean", "best_quartile", "best_k", 0.9])
def test_the_simulations_excess_plan_gives_excess_to_the_last_bit(benchmark):
    """potential.ExcessPlan (worked out once, each draw's counts given) against excess()."""
    rates = pd.DataFrame({
        "hospital": ["A", "B", "C", "A", "B", "C", "A", "B"],
        "specialty": ["x", "x", "x", "y", "y", "y", "x", "x"],
        "visit_type": ["follow_up"] * 6 + ["assessment"] * 2,
        "observed": [120.0, 80.0, 100.0, 30.0, 45.0, 60.0, 10.0, 14.0],
        "expected": [100.0, 100.0, 100.0, 40.0, 40.0, 40.0, 12.0, 12.0]}, index=[7, 3, 5, 1, 0, 2, 4, 6])
    rates["ratio"] = rates["observed"] / rates["expected"]
    plan = potential.ExcessPlan(rates)
    ex = potential.excess(rates, benchmark)
    pd.testing.assert_frame_equal(plan.keys, ex[["hospital", "specialty", "visit_type"]].reset_index(drop=True))
    got = plan.potential(rates["observed"].to_numpy(), rates["ratio"].to_numpy(), benchmark)
    assert np.array_equal(got, ex["potential"].to_numpy())


def test_an_excess_plan_of_no_rates_gives_no_potential():
    """An input that gives no rates (estimate's empty frame, without columns) has nothing above a benchmark."""
    plan = potential.ExcessPlan(pd.DataFrame())
    assert plan.keys.empty and plan.potential(np.array([]), np.array([]), "median").size == 0
