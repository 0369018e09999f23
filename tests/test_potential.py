"""Benchmark potential: only visits above the benchmark count."""
from __future__ import annotations

import pandas as pd
import pytest

from analysis import potential

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
    from analysis import pipeline
    prep = pipeline.prepare(str(small_region))
    truth = pipeline.read_truth(str(small_region))
    pot = potential.by_visit_type(prep.aggregates, 2024, ["age_band", "sex"])
    fu = pot[pot["visit_type"] == "follow_up"]
    for p in truth["follow_up_rate"]:
        spec = fu[fu["specialty"] == p["specialty"]].set_index("hospital")["potential"]
        assert spec.idxmax() == p["hospital"], (p, spec.to_dict())
