"""Funnel limits and overdispersion against the published reference numbers
(Spiegelhalter 2005; FunnelPlotR 0.6's tests; PHEindicatormethods 2.1.0's fixtures; both
packages' output on NHS England A&E data, see tests/data/README.md)."""
from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from scipy import stats

from analysis.stats import funnel

DATA = Path(__file__).parent / "data"


def test_exact_poisson_limits_match_funnelplotr():
    lo95, hi95 = funnel.poisson_limits(np.array([15, 20, 30]), funnel.Z95)
    lo998, hi998 = funnel.poisson_limits(np.array([15, 20, 30]), funnel.Z998)
    assert lo95 == pytest.approx([0.5596924, 0.6108260, 0.6746958], abs=1e-6)
    assert hi95 == pytest.approx([1.649348, 1.544419, 1.427562], abs=1e-6)
    assert lo998 == pytest.approx([0.3862650, 0.4479107, 0.5289724], abs=1e-6)
    assert hi998 == pytest.approx([2.082907, 1.902094, 1.702771], abs=1e-6)


def test_phi_matches_funnelplotr_example():
    o = [100, 150, 180, 80, 120, 225]
    e = [108, 112, 165, 95, 100, 220]
    # FunnelPlotR's default for ratios is the SHMI truncation (with n = 6 it keeps all six)
    assert funnel.dispersion(o, e, "ratio", trim_method="truncate").phi == pytest.approx(2.948033, abs=1e-6)


def test_winsorised_phi_from_the_formula():
    o = np.array([100, 150, 180, 80, 120, 225.0])
    e = np.array([108, 112, 165, 95, 100, 220.0])
    z = np.sqrt(e) * np.log(o / e)
    lo, hi = np.quantile(z, 0.1), np.quantile(z, 0.9)  # R's default quantile (type 7)
    winsorised = funnel.dispersion(o, e, "ratio", trim_method="winsorise")
    assert winsorised.phi == pytest.approx(np.mean(np.clip(z, lo, hi) ** 2))


def test_default_trimming_is_funnelplotrs_for_the_kind():
    # SHMI truncation for a standardised ratio (FunnelPlotR's default sr_method), winsorising
    # for a proportion and a ratio of counts
    assert funnel.trim_method_for("ratio") == "truncate"
    assert funnel.trim_method_for("proportion") == "winsorise"
    assert funnel.trim_method_for("ratio_counts") == "winsorise"
    o, e = [100, 150, 180, 80, 120, 225], [108, 112, 165, 95, 100, 220]
    assert funnel.dispersion(o, e, "ratio").phi == pytest.approx(2.948033, abs=1e-6)
    with pytest.raises(ValueError, match="needs the kind"):
        funnel.dispersion_of(np.array([1.0, -1.0]), np.array([0.1, 0.1]))


def test_no_adjustment_when_phi_is_at_most_1_although_tau2_is_positive():
    # ten units at E = 100 with z = +/-0.975: phi = 0.950625 lies between (n - 1)/n = 0.9 and 1,
    # so DerSimonian-Laird gives tau^2 = (10 phi - 9) / (1000 - 100) > 0; FunnelPlotR then still
    # draws the unadjusted limits ("No overdispersion detected")
    z, s = np.array([0.975, -0.975] * 5), np.full(10, 0.1)
    disp = funnel.dispersion_of(z, s, "additive", trim_method="winsorise")
    assert disp.phi == pytest.approx(0.950625) and disp.tau2 == pytest.approx(0.50625 / 900)
    assert not disp.adjusted
    lo, hi = funnel.limits(np.array([100.0]), "ratio", funnel.Z998, disp=disp)
    assert (lo, hi) == funnel.poisson_limits(np.array([100.0]), funnel.Z998)
    # the old behaviour, adjusting whenever tau^2 > 0, stays available
    old = funnel.dispersion_of(z, s, "additive", trim_method="winsorise", phi_threshold=None)
    assert old.adjusted
    assert funnel.limits(np.array([100.0]), "ratio", funnel.Z998, disp=old)[1][0] > hi[0]


def test_phi_above_1_adjusts():
    disp = funnel.dispersion_of(np.array([2.0, -2.0] * 5), np.full(10, 0.1), trim_method="winsorise")
    assert disp.phi == pytest.approx(4.0) and disp.adjusted


def test_tau2_from_the_dersimonian_laird_formula():
    o = np.array([100, 150, 180, 80, 120, 225.0])
    e = np.array([108, 112, 165, 95, 100, 220.0])
    z = np.sqrt(e) * np.log(o / e)  # all six kept by the 10% truncation with n = 6
    phi, w = np.mean(z ** 2), e  # w = 1/s^2 = E on the log scale
    expected = (6 * phi - 5) / (w.sum() - (w ** 2).sum() / w.sum())
    assert funnel.dispersion(o, e, "ratio", trim_method="truncate").tau2 == pytest.approx(expected)


def test_additive_limits_widen_by_tau2_on_the_log_scale():
    disp = funnel.Dispersion(phi=3.0, tau2=0.01, n_used=10, method="additive")
    lo, hi = funnel.limits(np.array([400.0]), "ratio", funnel.Z95, disp=disp)
    half = funnel.Z95 * np.sqrt(1 / 400 + 0.01)
    assert (lo[0], hi[0]) == pytest.approx((np.exp(-half), np.exp(half)))


def test_multiplicative_limits_widen_by_sqrt_phi():
    disp = funnel.Dispersion(phi=4.0, tau2=0.0, n_used=10, method="multiplicative")
    lo0, hi0 = funnel.poisson_limits(np.array([100.0]), funnel.Z998)
    lo, hi = funnel.limits(np.array([100.0]), "ratio", funnel.Z998, disp=disp)
    assert hi[0] - 1 == pytest.approx(2 * (hi0[0] - 1)) and 1 - lo[0] == pytest.approx(2 * (1 - lo0[0]))


def test_no_adjustment_without_overdispersion():
    e = np.array([100.0, 200, 300, 400, 500, 600, 700, 800, 900, 1000])
    disp = funnel.dispersion(e, e, "ratio")  # every unit exactly on target
    assert disp.tau2 == 0 and not disp.adjusted


def test_proportion_limits_match_phe_reference():
    ref = pd.read_csv(DATA / "phe_testdata_funnel_prop_outputs.csv", encoding="utf-8-sig")
    p0 = ref["Baseline"].iloc[0] / 100
    lo95, hi95 = funnel.proportion_limits(ref["Population"].to_numpy(), p0, funnel.Z95)
    lo998, hi998 = funnel.proportion_limits(ref["Population"].to_numpy(), p0, funnel.Z998)
    assert 100 * lo95 == pytest.approx(ref["Lower2s0025limit"].to_numpy(), abs=1e-5)
    assert 100 * hi95 == pytest.approx(ref["Upper2s0025limit"].to_numpy(), abs=1e-5)
    assert 100 * lo998 == pytest.approx(ref["Lower3s0001limit"].to_numpy(), abs=1e-5)
    assert 100 * hi998 == pytest.approx(ref["Upper3s0001limit"].to_numpy(), abs=1e-5)
    assert 100 * lo95[0] == pytest.approx(3.204264, abs=1e-6)


def test_proportion_classification_matches_phe_reference():
    areas = pd.read_csv(DATA / "phe_testdata_funnel_prop_inputs.csv", encoding="utf-8-sig")
    out, _ = funnel.funnel(areas, "numerator", "denominator", "proportion", method="none")
    assert out["target"].iloc[0] == pytest.approx(0.80642448, abs=1e-8)
    names = {"high_998": "High (0.001)", "high_95": "High (0.025)", "low_998": "Low (0.001)",
             "low_95": "Low (0.025)", "within": "Not significant"}
    assert out["class"].map(names).tolist() == areas["significance"].tolist()


def _phe_names(classes):
    names = {"high_998": "High (0.001)", "high_95": "High (0.025)", "low_998": "Low (0.001)",
             "low_95": "Low (0.025)", "within": "Not significant"}
    return pd.Series(classes).map(names).tolist()


def test_ratio_classification_by_own_count_matches_phe_reference():
    units = pd.read_csv(DATA / "phe_testdata_funnel_ratio_inputs.csv", encoding="utf-8-sig")
    assert len(units) == 300 and (units["obs"] < 10).sum() == 3  # both branches: exact and Byar
    out, _ = funnel.funnel(units, "obs", "expected", "ratio", method="none", rule="own_count")
    assert _phe_names(out["class"]) == units["significance"].tolist()


def test_default_ratio_rule_differs_from_phe_near_the_limits():
    # the limits of a unit on target (O = E), with the exact test of O against E as well, classify
    # 295 of PHE's 300 units as PHE does (the limits alone: 287); the other 5 PHE finds high by its
    # test of the unit's own count, inside the limits' conservative upper limit
    units = pd.read_csv(DATA / "phe_testdata_funnel_ratio_inputs.csv", encoding="utf-8-sig")
    out, _ = funnel.funnel(units, "obs", "expected", "ratio", method="none")
    assert sum(a == b for a, b in zip(_phe_names(out["class"]), units["significance"])) == 295


# --- the exact test: low or high only when the count differs significantly from its expectation --
def test_the_exact_poisson_tails_of_a_count():
    low, high = funnel.poisson_tails([0, 3], [0.11, 1.0])
    assert low[0] == pytest.approx(np.exp(-0.11)) and high[0] == 1
    assert high[1] == pytest.approx(1 - stats.poisson.cdf(2, 1.0))


@pytest.mark.parametrize("kind", ["ratio", "ratio_counts"])
def test_a_zero_against_a_fraction_of_one_expected_is_not_low(kind):
    # O = 0, E = 0.11: P(X = 0) = exp(-0.11) = 0.90, although 0 lies below either kind's lower limit
    df = pd.DataFrame({"o": [0, 30, 50, 60], "e": [0.11, 40, 50, 50], "n": [1, 60, 70, 90]})
    out, _ = funnel.funnel(df, "o", "e", kind, method="none", counts="n" if kind == "ratio_counts" else None)
    assert out["value"].iloc[0] < out["lower_99.8"].iloc[0]
    assert out["class"].iloc[0] == "within"


@pytest.mark.parametrize("kind", ["ratio", "ratio_counts"])
def test_a_zero_against_a_fraction_of_one_expected_is_not_low_with_overdispersion(kind):
    disp = funnel.Dispersion(phi=4.0, tau2=0.05, n_used=10, method="additive")
    df = pd.DataFrame({"o": [0], "e": [0.11], "n": [1]})
    out, _ = funnel.funnel(df, "o", "e", kind, disp=disp, counts="n" if kind == "ratio_counts" else None)
    assert out["class"].iloc[0] == "within"


def test_the_conditional_tails_of_a_ratio_of_two_counts():
    # 0 follow-ups after 3 first visits, 2 expected per first visit (E = 6): given O + N = 3,
    # O ~ Binomial(3, 2/3), so P(O <= 0) = (1/3)^3
    low, high = funnel.conditional_tails([0, 8], [6.0, 6.0], [3, 3])
    assert low[0] == pytest.approx(1 / 27) and high[0] == 1
    assert high[1] == pytest.approx(stats.binom.sf(7, 11, 2 / 3))


def test_the_tails_intervals_and_ranks_are_scipy_stats_own():
    """funnel computes them with scipy.special (scipy.stats is slow to import): the same numbers
    as scipy.stats's distributions on counts from 0 to 300, fractions, a count at or beyond its
    trials, and missing expectations."""
    rng = np.random.default_rng(3)
    o = np.concatenate([rng.integers(0, 300, 400), [0, 0, 1, 2.5, 7]]).astype(float)
    e = np.concatenate([rng.uniform(0.01, 300, 400), [0.1, np.nan, -1.0, 3.0, 7.0]])
    n = np.concatenate([rng.integers(0, 300, 400), [1, 4, 3, 0, 0]]).astype(float)
    mu = np.where(e > 0, e, np.nan)
    low, high = funnel.poisson_tails(o, e)
    np.testing.assert_allclose(low, stats.poisson.cdf(np.floor(o), mu), rtol=1e-12, atol=1e-14)
    np.testing.assert_allclose(high, stats.poisson.sf(np.ceil(o) - 1, mu), rtol=1e-12, atol=1e-14)
    ok = (e > 0) & (n > 0)
    q, trials = np.where(ok, e / np.where(ok, e + n, 1.0), np.nan), np.where(ok, o + n, 0).round()
    low, high = funnel.conditional_tails(o, e, n)
    np.testing.assert_allclose(low, stats.binom.cdf(np.floor(o), trials, q), rtol=1e-12, atol=1e-13)
    np.testing.assert_allclose(high, stats.binom.sf(np.ceil(o) - 1, trials, q), rtol=1e-12, atol=1e-13)
    a = stats.norm.sf(funnel.Z998)
    lower, upper = funnel.ratio_interval(o, mu, funnel.Z998)
    np.testing.assert_allclose(lower, np.where(o > 0, stats.chi2.ppf(a, 2 * o), 0) / (2 * mu), rtol=1e-12)
    np.testing.assert_allclose(upper, stats.chi2.ppf(1 - a, 2 * (o + 1)) / (2 * mu), rtol=1e-12)
    z = np.round(rng.normal(size=60), 1)  # ties
    np.testing.assert_array_equal(funnel._rank(z), stats.rankdata(z))


def test_a_zero_after_few_first_visits_is_not_low_when_the_denominator_is_a_count():
    # Poisson at E = 6 would call it low (exp(-6) = 0.0025); conditional on 3 first visits it is 0.037
    df = pd.DataFrame({"o": [0, 300, 500, 600], "e": [6.0, 400, 500, 500], "n": [3, 200, 250, 250]})
    out, _ = funnel.funnel(df, "o", "e", "ratio_counts", method="none", counts="n")
    assert out["value"].iloc[0] < out["lower_95"].iloc[0]
    assert out["class"].iloc[0] == "within"


def test_a_zero_against_ten_expected_is_still_low():
    # P(X = 0) = exp(-10) = 0.00005, below 0.001
    out, _ = funnel.funnel(pd.DataFrame({"o": [0], "e": [10.0]}), "o", "e", "ratio", method="none")
    assert out["class"].iloc[0] == "low_998"


def test_a_unit_below_the_limit_whose_count_is_not_significantly_low_is_within():
    # one of PHE's units: O = 72 against E = 90.53 (O/E 0.795) is below the lower 95% limit (0.805), but
    # P(X <= 72) = 0.026 is not below 0.025
    out, _ = funnel.funnel(pd.DataFrame({"o": [72], "e": [90.531875]}), "o", "e", "ratio", method="none")
    assert out["value"].iloc[0] < out["lower_95"].iloc[0] and out["class"].iloc[0] == "within"


def test_the_exact_test_lowers_a_class_to_the_level_it_reaches():
    # below the 99.8% limit, but P(X <= 35) = 0.0017 at E = 56.15: significant at 95% only
    out, _ = funnel.funnel(pd.DataFrame({"o": [35], "e": [56.152735]}), "o", "e", "ratio", method="none")
    assert out["value"].iloc[0] < out["lower_99.8"].iloc[0] and out["class"].iloc[0] == "low_95"


def test_own_count_interval_is_exact_below_10_and_byar_from_10():
    lo, hi = funnel.own_count_interval(np.array([0, 9, 10]), funnel.Z95)
    assert lo[0] == 0 and hi[0] == pytest.approx(stats.chi2.ppf(0.975, 2) / 2)
    assert lo[1] == pytest.approx(stats.chi2.ppf(0.025, 18) / 2)
    assert hi[1] == pytest.approx(stats.chi2.ppf(0.975, 20) / 2)
    z = funnel.Z95
    assert lo[2] == pytest.approx(10 * (1 - 1 / 90 - z / (3 * np.sqrt(10))) ** 3)
    assert hi[2] == pytest.approx(11 * (1 - 1 / 99 + z / (3 * np.sqrt(11))) ** 3)


def test_exact_count_interval_matches_phe_funnel_table():
    # PHE's ratio funnel table: for O events, the expected counts at which O reaches a limit are
    # the exact Poisson limits of O (found there by bisection to about 1e-7)
    ref = pd.read_csv(DATA / "phe_testdata_funnel_ratio_outputs.csv", encoding="utf-8-sig")
    ref.columns = [c.strip() for c in ref.columns]
    o = ref["Observed_events"].to_numpy(dtype=float)
    for z, sigma in ((funnel.Z95, "2s"), (funnel.Z998, "3s")):
        lo, hi = funnel.ratio_interval(o, 1.0, z)
        assert lo == pytest.approx(ref[f"upper_{sigma}_exp_events"].to_numpy(), rel=1e-5, abs=1e-6)
        assert hi == pytest.approx(ref[f"lower_{sigma}_exp_events"].to_numpy(), rel=1e-5, abs=1e-6)


def test_own_count_rule_is_refused_with_overdispersion_and_for_proportions():
    units = pd.read_csv(DATA / "phe_testdata_funnel_ratio_inputs.csv", encoding="utf-8-sig")
    with pytest.raises(ValueError, match="no overdispersion adjustment"):
        funnel.funnel(units, "obs", "expected", "ratio", method="additive", rule="own_count")
    with pytest.raises(ValueError, match="kind 'ratio' only"):
        funnel.funnel(units, "obs", "expected", "proportion", rule="own_count")


# --- NHS England A&E, March 2019: 134 type-1 trusts, share seen within 4 hours -------------------
@pytest.fixture(scope="module")
def ae_march_2019():
    ref = pd.read_csv(DATA / "nhs_ae_funnel_2019-03_reference.csv")
    ae = pd.read_csv(DATA / "nhs_ae_attendances.csv", dtype={"type": str})
    ae = ae[(ae["type"] == "1") & (ae["period"] == "2019-03-01")].set_index("org_code").loc[ref["org_code"]]
    units = pd.DataFrame({"within_4h": (ae["attendances"] - ae["breaches"]).to_numpy(),
                          "attendances": ae["attendances"].to_numpy()})
    return units, ref


def test_proportion_overdispersion_matches_funnelplotr_on_ae_data(ae_march_2019):
    units, ref = ae_march_2019
    out, disp = funnel.funnel(units, "within_4h", "attendances", "proportion")  # arcsine, winsorised 10%
    assert disp.phi == pytest.approx(ref["fpr_phi"].iloc[0], rel=1e-10)
    assert disp.tau2 == pytest.approx(ref["fpr_tau2"].iloc[0], rel=1e-10)
    assert out["target"].iloc[0] == pytest.approx(ref["fpr_target"].iloc[0], rel=1e-12)
    for ours, theirs in (("lower_95", "fpr_od_lo95"), ("upper_95", "fpr_od_hi95"),
                         ("lower_99.8", "fpr_od_lo998"), ("upper_99.8", "fpr_od_hi998")):
        assert out[ours].to_numpy() == pytest.approx(ref[theirs].to_numpy(), abs=1e-12)
    # the trusts outside the adjusted limits (+1 above, -1 below): 18 at 95%, none at 99.8%
    side = {"high_998": 1, "high_95": 1, "low_998": -1, "low_95": -1, "within": 0}
    assert out["class"].map(side).tolist() == ref["fpr_out95_od"].tolist()
    assert out["class"].map({"high_998": 1, "low_998": -1}).fillna(0).tolist() == ref["fpr_out998_od"].tolist()


def test_proportion_limits_and_classes_match_phe_on_ae_data(ae_march_2019):
    units, ref = ae_march_2019
    out, _ = funnel.funnel(units, "within_4h", "attendances", "proportion", method="none")
    for ours, theirs in (("lower_95", "phe_lo95"), ("upper_95", "phe_hi95"),
                         ("lower_99.8", "phe_lo998"), ("upper_99.8", "phe_hi998")):
        assert out[ours].to_numpy() == pytest.approx(ref[theirs].to_numpy(), abs=1e-8)
    assert _phe_names(out["class"]) == ref["phe_sig"].tolist()


def test_multiplicative_adjustment_with_a_large_phi_clips_proportion_limits(ae_march_2019):
    # phi = 490: widening the Wilson limits by sqrt(phi) = 22 pushes 125 of 134 upper 99.8%
    # limits to 100%, where no trust can be flagged high; the result says so
    units, _ = ae_march_2019
    out, disp = funnel.funnel(units, "within_4h", "attendances", "proportion", method="multiplicative")
    assert disp.phi == pytest.approx(490.43, abs=0.01)
    assert out["upper_clipped"].sum() == 125 and not out["lower_clipped"].any()
    assert funnel.clipped_share(out) == pytest.approx(125 / 134)
    additive, _ = funnel.funnel(units, "within_4h", "attendances", "proportion", method="additive")
    assert funnel.clipped_share(additive) == 0


def test_multiplicative_adjustment_can_push_a_ratios_lower_limit_to_0():
    # phi = 100: the 99.8% lower limit at E = 20 moves from 0.448 to 1 - 10 x 0.552 < 0, so 0
    disp = funnel.Dispersion(phi=100.0, tau2=0.0, n_used=10, method="multiplicative")
    out, _ = funnel.funnel(pd.DataFrame({"o": [2, 900], "e": [20, 1000]}), "o", "e", "ratio", disp=disp)
    assert out["lower_99.8"].iloc[0] == 0 and out["lower_clipped"].tolist() == [True, False]
    assert out["class"].iloc[0] == "within"  # O/E = 0.1 cannot be flagged low
    assert funnel.clipped_share(out) == 0.5


def test_unadjusted_limits_are_never_reported_as_clipped():
    # a proportion near 1 at n = 1 has an upper limit of 100% without any adjustment
    out, _ = funnel.funnel(pd.DataFrame({"o": [1, 40, 95], "n": [1, 50, 100]}), "o", "n", "proportion", method="none")
    assert out["upper_99.8"].iloc[0] == 1 and funnel.clipped_share(out) == 0


def test_exact_interval_of_a_ratio():
    lo, hi = funnel.ratio_interval(10, 8)
    assert lo == pytest.approx(stats.chi2.ppf(0.025, 20) / 16) and hi == pytest.approx(stats.chi2.ppf(0.975, 22) / 16)
    lo0, _ = funnel.ratio_interval(0, 8)
    assert lo0 == 0


# --- edge cases: a clear result, not a crash or a silent NaN -----------------------------------
def test_a_unit_with_zero_expected_is_marked_no_data():
    df = pd.DataFrame({"o": [10, 12, 3], "e": [10, 11, 0]})
    out, disp = funnel.funnel(df, "o", "e", "ratio")
    assert out["class"].tolist()[2] == "no_data" and disp.n_used == 2


def test_one_unit_only_gives_unadjusted_limits():
    out, disp = funnel.funnel(pd.DataFrame({"o": [120], "e": [100]}), "o", "e", "ratio")
    assert disp.method == "none" and not disp.adjusted
    assert out["class"].iloc[0] == "within"
    assert out["upper_99.8"].iloc[0] == pytest.approx(funnel.poisson_limits(100, funnel.Z998)[1])


def test_a_specialty_with_no_variation():
    out, disp = funnel.funnel(pd.DataFrame({"o": [50, 80, 100], "e": [50, 80, 100]}), "o", "e", "ratio")
    assert (out["class"] == "within").all() and disp.tau2 == 0
