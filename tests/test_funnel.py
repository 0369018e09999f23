"""Funnel limits and overdispersion against the published reference numbers
(Spiegelhalter 2005; FunnelPlotR 0.6's tests; PHEindicatormethods 2.1.0's fixtures)."""
from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from scipy import stats

from analysis import funnel

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
    assert funnel.dispersion(o, e, "ratio").phi == pytest.approx(np.mean(np.clip(z, lo, hi) ** 2))


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
