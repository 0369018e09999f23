"""Variation: indirect standardisation, SCV, variance decomposition, outliers — hand-worked
numbers from the published formulas, and the synthetic region's planted differences found."""
from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from analysis import standardise, variation
from analysis.aggregate import Aggregates

# Two hospitals in one specialty, two age strata. Region rates: young 10/20 = 0.5, old 60/40 = 1.5.
EVENTS = pd.DataFrame({"specialty": ["K"] * 4, "hospital": ["A", "A", "B", "B"],
                       "age_band": ["young", "old"] * 2, "observed": [8, 12, 2, 48]})
POP = pd.DataFrame({"specialty": ["K"] * 4, "hospital": ["A", "A", "B", "B"],
                    "age_band": ["young", "old"] * 2, "population": [10, 10, 10, 30]})


def test_indirect_standardisation_by_hand():
    out = standardise.indirect(EVENTS, POP, ["specialty", "hospital"], ["age_band"], ["specialty"]).set_index("hospital")
    # A: E = 10 x 0.5 + 10 x 1.5 = 20, O = 20; B: E = 10 x 0.5 + 30 x 1.5 = 50, O = 50
    assert out.loc["A", "expected"] == pytest.approx(20) and out.loc["B", "expected"] == pytest.approx(50)
    assert out.loc["A", "ratio"] == pytest.approx(1.0) and out.loc["B", "ratio"] == pytest.approx(1.0)
    # crude rates differ (1.0 vs 1.25) only because B's patients are older
    assert out.loc["A", "crude"] == pytest.approx(1.0) and out.loc["B", "crude"] == pytest.approx(1.25)


def test_without_strata_the_ratio_is_the_crude_rate_over_the_regions():
    out = standardise.indirect(EVENTS, POP, ["specialty", "hospital"], [], ["specialty"]).set_index("hospital")
    region = 70 / 60
    assert out.loc["A", "ratio"] == pytest.approx(1.0 / region)


def test_scv_and_extremal_quotient_by_hand():
    df = pd.DataFrame({"specialty": ["K"] * 3, "hospital": list("ABC"), "observed": [120, 80, 100],
                       "expected": [100, 100, 100], "crude": [1.2, 0.8, 1.0]})
    row = variation.scv(df).iloc[0]
    # 100 x [mean(0.04, 0.04, 0) - mean(1/100)] = 100 x (0.026667 - 0.01)
    assert row["scv"] == pytest.approx(100 * (0.08 / 3 - 0.01))
    assert row["eq"] == pytest.approx(1.5) and row["units"] == 3


def test_scv_needs_two_units():
    df = pd.DataFrame({"specialty": ["K"], "hospital": ["A"], "observed": [5], "expected": [4], "crude": [1.0]})
    row = variation.scv(df).iloc[0]
    assert np.isnan(row["scv"]) and np.isnan(row["eq"]) and row["units"] == 1


def test_variance_decomposition_finds_a_pure_specialty_effect():
    rows = [{"specialty": sp, "hospital": h, "observed": rate * 1000, "population": 1000}
            for sp, rate in (("K", 2.0), ("R", 4.0), ("U", 1.0)) for h in "ABCD"]
    d = variation.decompose(pd.DataFrame(rows))
    assert d.specialty == pytest.approx(1.0) and d.hospital == pytest.approx(0.0, abs=1e-9)
    assert d.interaction == pytest.approx(0.0, abs=1e-9) and d.units == 12


def test_variance_decomposition_with_one_hospital_is_not_a_number():
    d = variation.decompose(pd.DataFrame({"specialty": ["K", "R"], "hospital": ["A", "A"],
                                          "observed": [10, 20], "population": [5, 5]}))
    assert np.isnan(d.hospital)


def test_median_benchmark_is_not_pulled_by_one_outlier():
    df = pd.DataFrame({"specialty": ["K"] * 5, "hospital": list("ABCDE"), "observed": [100, 100, 100, 100, 200],
                       "expected": [100.0] * 5, "ratio": [1, 1, 1, 1, 2.0], "ratio_low": [0.8] * 5,
                       "ratio_high": [1.2] * 5})
    out = variation.rebase_to_median(df)
    assert out["ratio"].tolist() == [1, 1, 1, 1, 2]  # the median hospital already has 1
    out = variation.rebase_to_median(df.assign(ratio=[0.9, 0.9, 0.9, 0.9, 1.8]))
    assert out["ratio"].tolist() == pytest.approx([1, 1, 1, 1, 2])


def test_outliers_carry_their_excess_visits():
    compared = pd.DataFrame({"specialty": ["K", "K"], "hospital": ["A", "B"], "observed": [150, 100],
                             "expected_count": [100.0, 100.0], "limit_high_count": [130.0, 130.0],
                             "limit_low_count": [75.0, 75.0], "class": ["high_998", "within"]})
    out = variation.outliers(compared)
    assert out["hospital"].tolist() == ["A"] and out["excess"].iloc[0] == 50 and out["beyond_limit"].iloc[0] == 20


def test_unknown_measure_is_a_clear_error():
    with pytest.raises(ValueError, match="measure must be one of"):
        variation.rates(Aggregates(kind="visits", activity=pd.DataFrame()), "visits_per_doctor", 2024, [])


def test_short_names_are_unique():
    names = variation.short_names(["Aarhus Universitetshospital", "Hospitalsenhed Midt", "Hospitalsenheden Vest",
                                   "Regionshospitalet Randers", "Regionshospitalet Horsens"])
    assert len(set(names.values())) == 5 and names["Aarhus Universitetshospital"] == "AU"


# --- on the synthetic region ---------------------------------------------------------------------
@pytest.fixture(scope="module")
def region(full_region):
    return full_region


@pytest.mark.parametrize("measure", ["follow_ups_per_patient", "follow_up_ratio"])
def test_planted_high_follow_up_units_are_found_and_chance_flags_fit_the_limits(region, measure):
    from scipy import stats

    from analysis.funnel import Z998
    prep, truth = region
    table, disp = variation.analyse(prep.aggregates, measure, 2024, ["age_band", "sex"])
    assert disp.phi > 4 and disp.tau2 > 0  # the units' random effects make the funnel overdispersed
    units = table.set_index(["hospital", "specialty"])
    planted = [(p["hospital"], p["specialty"]) for p in truth["follow_up_rate"]]
    assert (units.loc[planted, "class"] == "high_998").all()
    # Every other unit differs only by its random effect (log-scale sd from the truth) and chance.
    # The limits are target +/- Z998 sqrt(s^2 + tau^2) on the log scale, s^2 = 1/E (+ 1/N for a
    # ratio of counts), while a unit's log ratio varies with sd sqrt(s^2 + sd^2): so each is
    # flagged with probability 2 Phi(-Z998 sqrt(s^2 + tau^2) / sqrt(s^2 + sd^2)). Allow the
    # 99.9% Poisson quantile of their sum.
    others = units.drop(index=planted)
    others = others[others["expected"] > 0]
    s2 = 1 / others["expected"] + (1 / others["population"] if measure == "follow_up_ratio" else 0)
    sd = truth["unit_effects"]["sd_log"]
    p_flag = 2 * stats.norm.sf(Z998 * np.sqrt(s2 + disp.tau2) / np.sqrt(s2 + sd ** 2))
    n_flagged = others["class"].isin(variation.OUTLIER_CLASSES).sum()
    assert n_flagged <= stats.poisson.ppf(0.999, p_flag.sum()), (n_flagged, p_flag.sum())


def test_the_older_case_mix_is_explained_by_standardisation(region):
    prep, truth = region
    older = truth["older_case_mix"][0]["hospital"]
    key = ["hospital", "specialty"]
    crude = variation.analyse(prep.aggregates, "follow_ups_per_patient", 2024, [])[0].set_index(key)
    adjusted = variation.analyse(prep.aggregates, "follow_ups_per_patient", 2024, ["age_band", "sex"])[0].set_index(key)
    # standardising lowers the older hospital's ratios against the median hospital, and most there
    shift = (adjusted["value"] / crude["value"]).groupby(level="hospital").median()
    assert shift.idxmin() == older and shift[older] < 0.99 and shift.drop(older).min() > 0.995
    # and never makes it an outlier where the crude comparison did not
    high = {k for k in adjusted.index[adjusted["class"] == "high_998"] if k[0] == older}
    assert high <= set(crude.index[crude["class"] == "high_998"])


def test_planted_pro_follow_up_shows_in_the_in_person_share(region):
    prep, truth = region
    table, _ = variation.analyse(prep.aggregates, "in_person_share", 2024, ["age_band", "sex"])
    p = truth["written_follow_up_share"][0]
    row = table[(table["hospital"] == p["hospital"]) & (table["specialty"] == p["specialty"])].iloc[0]
    assert row["class"] == "low_998"


def test_outlier_sentences_in_danish_and_english():
    out = pd.DataFrame({"hospital": ["Regionshospitalet Randers"], "specialty": ["Kardiologi"], "value": [1.5],
                        "class": ["high_998"], "excess": [1234.0]})
    da = variation.outlier_sentences(out, "follow_ups_per_patient", "da", ["age_band", "sex"])[0]
    en = variation.outlier_sentences(out, "follow_ups_per_patient", "en", [])[0]
    assert "1,50 gange så mange kontroller pr. patient" in da and "aldersgruppe og køn" in da and "1.234 besøg mere" in da
    assert "1.50 times as many follow-ups per patient" in en and "allowing" not in en and "1,234 more visits" in en
