"""Funnel plot limits and overdispersion, following Spiegelhalter (2005) "Funnel plots for
comparing institutional performance" (Stat Med 24:1185-1202) as implemented by NHS
FunnelPlotR (0.6) for ratios and by PHEindicatormethods (Fingertips technical guidance) for
proportions.

Indicator kinds:
  "ratio"         an indirectly standardised ratio O/E (target 1); denominator = E
  "ratio_counts"  O/E where E itself rests on a random count N (e.g. follow-ups against the
                  expected from first visits): log scale, s^2 = 1/E + 1/N (FunnelPlotR's
                  ratio-of-counts variance); normal limits on the log scale
  "proportion"    O/N (target = pooled proportion); denominator = N

Classification of a ratio (rule="target_limits", the default): the unit's O/E against the
limits of a unit on target at its expected count E, i.e. the exact Poisson (chi-square)
limits of O = E (Spiegelhalter 2005; FunnelPlotR's unadjusted "SR" limits), or those limits
widened for overdispersion; and, as well, the exact Poisson test of the count O against E at
the same level (exact_test): a unit is low or high only when its count differs significantly
from its expectation. The limits alone do not ensure it where E is small: the chi-square lower
limit is above 0 at any E > 0 (and a ratio of counts' log-scale limit too), so any observed 0
fell below it, though P(O = 0) = exp(-E) is 0.90 at E = 0.11. rule="own_count" is PHEindicatormethods' rule instead
(assign_funnel_significance, statistic "ratio"): the unit's own count's interval (exact
Poisson below 10 events, Byar's approximation from 10), divided by E, compared with 1. The
two disagree near the limits (on PHE's 300-unit fixture they agree on 287).

Overdispersion (FunnelPlotR 0.6, R/od_adjustment.R): z-scores on the scale the limits are
drawn on (log O/E for ratios, arcsine-square-root for proportions), trimmed by trim_method
"auto" (the default) as FunnelPlotR does for that kind: ratios truncated (NHS Digital's SHMI
method: the 10% extreme groups dropped), proportions and ratios of counts winsorised at 10%;
"truncate" or "winsorise" force one. (Our ratio-of-counts z-scores are log(O/E) / sqrt(1/E + 1/N),
not FunnelPlotR's "RC" log((O + 0.5)/(N + 0.5)) with its continuity-corrected variance,
because our E carries the case mix.) No adjustment when phi <= 1 (FunnelPlotR's fallback to
unadjusted limits; `phi_threshold=None` adjusts whenever tau^2 > 0 instead). FunnelPlotR's
CQC variant (square-root scale) is not offered.

Written by hand because no maintained Python package implements these methods (statsmodels
has the distributions and the DerSimonian-Laird estimator in meta-analysis form, not funnel
limits); the tests check every function against the published reference numbers.
"""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

Z95 = 1.959964  # two-sided 95%: 0.025 in each tail
Z998 = 3.090232  # two-sided 99.8%: 0.001 in each tail
COVERAGES = {95: Z95, 99.8: Z998}
OD_METHODS = ("additive", "multiplicative", "none")


# scipy.special rather than scipy.stats: the same functions scipy.stats computes these
# distributions with, without the ~0.7 s scipy.stats costs to import in every report that draws a
# funnel but fits no model (scipy.special: ~0.2 s).
def _norm_sf(z: float) -> float:
    """P(Z > z) for a standard normal Z."""
    from scipy import special

    return float(special.ndtr(-z))


def _chi2_ppf(p, df) -> np.ndarray:
    """The chi-square quantile at probability `p` with `df` degrees of freedom (NaN where df <= 0),
    as scipy.stats.chi2.ppf computes it: 2 * the inverse regularised lower gamma(df / 2, p)."""
    from scipy import special

    df = np.asarray(df, dtype=float)
    return np.where(df > 0, 2 * special.gammaincinv(np.where(df > 0, df, 2.0) / 2, p), np.nan)


def _discrete_tails(cdf, sf, o, valid) -> tuple[np.ndarray, np.ndarray]:
    """P(X <= O) and P(X >= O) of a count distribution from its `cdf` and `sf` (P(X > k)) at
    integers k >= 0: cdf(floor O) and sf(ceil O - 1), 0 and 1 below the support, NaN where the
    distribution's parameters are not `valid` (as scipy.stats gives them)."""
    low, high = np.floor(o), np.ceil(o) - 1
    below = np.where(low < 0, 0.0, cdf(np.maximum(low, 0)))
    above = np.where(high < 0, 1.0, sf(np.maximum(high, 0)))
    return np.where(valid, below, np.nan), np.where(valid, above, np.nan)


def _rank(z: np.ndarray) -> np.ndarray:
    """Ranks 1..n, ties given their mean rank (scipy.stats.rankdata's default); all NaN if any is."""
    ranks = pd.Series(z, dtype=float).rank(method="average").to_numpy()
    return np.full(len(ranks), np.nan) if np.isnan(z).any() else ranks


def poisson_limits(expected: np.ndarray | float, z: float) -> tuple[np.ndarray, np.ndarray]:
    """Exact Poisson control limits for O/E at expected count E (chi-square form):
    lower = qchisq(a, 2E) / 2E, upper = qchisq(1 - a, 2(E + 1)) / 2E, a = one tail."""

    e = np.asarray(expected, dtype=float)
    a = _norm_sf(z)
    with np.errstate(divide="ignore", invalid="ignore"):
        lower = _chi2_ppf(a, 2 * e) / (2 * e)
        upper = _chi2_ppf(1 - a, 2 * (e + 1)) / (2 * e)
    return lower, upper


def ratio_interval(observed: np.ndarray | float, expected: np.ndarray | float, z: float = Z95):
    """Exact (Garwood) Poisson confidence interval of O/E: qchisq(a, 2O)/2E, qchisq(1-a, 2(O+1))/2E."""

    o = np.asarray(observed, dtype=float)
    e = np.asarray(expected, dtype=float)
    a = _norm_sf(z)
    with np.errstate(divide="ignore", invalid="ignore"):
        lower = np.where(o > 0, _chi2_ppf(a, 2 * o), 0.0) / (2 * e)
        upper = _chi2_ppf(1 - a, 2 * (o + 1)) / (2 * e)
    return lower, upper


def own_count_interval(observed: np.ndarray | float, z: float) -> tuple[np.ndarray, np.ndarray]:
    """Interval of a unit's own event count O (in events), as PHEindicatormethods 2.1.0's
    funnel_ratio_significance: exact Poisson (chi-square form, qchisq(a, 2O)/2 and
    qchisq(1 - a, 2O + 2)/2) below 10 events, Byar's approximation from 10 on (Breslow & Day
    1987): O (1 - 1/(9O) - z/(3 sqrt O))^3 and (O+1)(1 - 1/(9(O+1)) + z/(3 sqrt(O+1)))^3.
    The lower limit of 0 events is 0."""

    o = np.asarray(observed, dtype=float)
    a = _norm_sf(z)
    with np.errstate(divide="ignore", invalid="ignore"):
        exact_lo = np.where(o > 0, _chi2_ppf(a, 2 * o) / 2, 0.0)
        exact_hi = _chi2_ppf(1 - a, 2 * o + 2) / 2
        byar_lo = o * (1 - 1 / (9 * o) - z / (3 * np.sqrt(o))) ** 3
        byar_hi = (o + 1) * (1 - 1 / (9 * (o + 1)) + z / (3 * np.sqrt(o + 1))) ** 3
    small = o < 10
    return np.where(small, exact_lo, byar_lo), np.where(small, exact_hi, byar_hi)


def proportion_limits(n: np.ndarray | float, target: float, z: float) -> tuple[np.ndarray, np.ndarray]:
    """Funnel limits for a proportion at denominator n, as in PHE's Fingertips funnels: the
    observed proportions whose Wilson score interval just reaches the target. Solving
    Wilson(p, n, z) = target for p gives the quadratic (1+k)p^2 - (2A+k)p + A^2 - k^2/4 = 0 with
    k = z^2/n and A = target(1+k) - k/2; its roots are the limits (clipped to 0..1)."""
    n = np.asarray(n, dtype=float)
    k = z * z / n
    a = target * (1 + k) - k / 2
    b = 2 * a + k
    disc = np.sqrt(np.maximum(b * b - 4 * (1 + k) * (a * a - k * k / 4), 0))
    lower = (b - disc) / (2 * (1 + k))
    upper = (b + disc) / (2 * (1 + k))
    # where the target lies beyond what a Wilson interval at n can reach, the limit is the bound
    lower = np.where(_wilson(np.zeros_like(n), n, z, +1) >= target, 0.0, lower)
    upper = np.where(_wilson(np.ones_like(n), n, z, -1) <= target, 1.0, upper)
    return np.clip(lower, 0, 1), np.clip(upper, 0, 1)


def _wilson(p, n, z, side):
    centre = p + z * z / (2 * n)
    spread = z * np.sqrt(p * (1 - p) / n + z * z / (4 * n * n))
    return (centre + side * spread) / (1 + z * z / n)


# --- overdispersion ---------------------------------------------------------------------------
@dataclass(frozen=True)
class Dispersion:
    """Overdispersion of a set of units: phi = mean(z^2) of the trimmed z-scores, and the
    between-unit variance tau^2 (DerSimonian-Laird) on the transformed scale."""

    phi: float
    tau2: float
    n_used: int
    method: str  # additive | multiplicative | none
    phi_threshold: float | None = 1.0  # adjust only when phi exceeds it (FunnelPlotR); None: whenever tau^2 > 0

    @property
    def adjusted(self) -> bool:
        """Whether the limits are widened: multiplicative when phi > 1; additive when tau^2 > 0
        and phi > phi_threshold (FunnelPlotR draws unadjusted limits when phi <= 1, although
        tau^2 is already positive for phi > (n - 1)/n)."""
        if self.method == "multiplicative":
            return self.phi > 1
        above = self.phi_threshold is None or self.phi > self.phi_threshold
        return self.method == "additive" and self.tau2 > 0 and above


def transform(observed, denominator, kind: str, target: float | None = None, counts=None):
    """(y, s, target on the transformed scale, z-scores): log scale for ratios (z = sqrt(E)
    log(O/E), s = 1/sqrt(E); s = sqrt(1/E + 1/N) for a ratio of counts with N = `counts`);
    arcsine-square-root for proportions (s = 1/(2 sqrt(n)))."""
    o = np.asarray(observed, dtype=float)
    d = np.asarray(denominator, dtype=float)
    with np.errstate(divide="ignore", invalid="ignore"):
        if kind == "ratio":
            y, s, t = np.log(o / d), 1 / np.sqrt(d), 0.0
        elif kind == "ratio_counts":
            y, s, t = np.log(o / d), np.sqrt(1 / d + 1 / np.asarray(counts, dtype=float)), 0.0
        elif kind == "proportion":
            p0 = o.sum() / d.sum() if target is None else target
            y, s, t = np.arcsin(np.sqrt(o / d)), 1 / (2 * np.sqrt(d)), float(np.arcsin(np.sqrt(p0)))
        else:
            raise ValueError(f"kind must be 'ratio', 'ratio_counts' or 'proportion', not {kind!r}")
        z = (y - t) / s
    return y, s, t, z


def _truncated(z: np.ndarray, trim: float) -> np.ndarray:
    """Which z-scores NHS Digital's SHMI truncation keeps: rank them into 1/trim groups and
    drop the lowest and the highest group."""

    k = 1 / trim
    group = np.floor(_rank(z) * k / (len(z) + 1))
    return (group > 0) & (group < k - 1)


def _winsorise(z: np.ndarray, trim: float) -> np.ndarray:
    """Winsorisation: z-scores beyond the trim and 1-trim quantiles are set to those quantiles."""
    lo, hi = np.quantile(z, trim), np.quantile(z, 1 - trim)
    return np.clip(z, lo, hi)


TRIM_METHODS = ("auto", "winsorise", "truncate")


def trim_method_for(kind: str, trim_method: str = "auto") -> str:
    """The trimming FunnelPlotR applies to a kind of indicator ("auto"): SHMI truncation of the
    log-scale z-scores for a standardised ratio (its default sr_method), winsorisation for a
    proportion (arcsine scale) and a ratio of counts (log scale)."""
    if trim_method not in TRIM_METHODS:
        raise ValueError(f"trim method must be one of {TRIM_METHODS}, not {trim_method!r}")
    if trim_method != "auto":
        return trim_method
    if kind not in ("ratio", "ratio_counts", "proportion"):
        raise ValueError("trim_method 'auto' needs the kind: 'ratio', 'ratio_counts' or 'proportion'")
    return "truncate" if kind == "ratio" else "winsorise"


def dispersion(observed, denominator, kind: str, method: str = "additive", trim: float = 0.1,
               target: float | None = None, trim_method: str = "auto", counts=None,
               phi_threshold: float | None = 1.0) -> Dispersion:
    """phi and tau^2 of a set of units (FunnelPlotR's method).

    The z-scores are trimmed at `trim` in each tail by `trim_method` ("auto": as FunnelPlotR
    for the kind, see trim_method_for; "truncate": NHS Digital's SHMI method, which drops the
    extreme groups and so shrinks n and phi; "winsorise": extreme z-scores set to the trim and
    1 - trim quantiles). phi = mean(z^2) over the units kept; tau^2 = max(0, (n phi - (n - 1)) /
    (sum(w) - sum(w^2)/sum(w))), w = 1/s^2 (DerSimonian-Laird). Units with a zero or missing
    denominator are left out. With fewer than 2 usable units the dispersion cannot be
    estimated: phi = 1, tau^2 = 0 (no adjustment). Limits are adjusted only when phi >
    phi_threshold (1, as FunnelPlotR; None adjusts whenever tau^2 > 0).
    """
    o = np.asarray(observed, dtype=float)
    d = np.asarray(denominator, dtype=float)
    n = np.ones_like(d) if counts is None else np.asarray(counts, dtype=float)
    ok = (d > 0) & np.isfinite(d) & np.isfinite(o) & (o >= 0 if kind == "proportion" else o > 0) & (n > 0)
    _, s, _, z = transform(o[ok], d[ok], kind, target, n[ok])
    return dispersion_of(z, s, method, trim, trim_method_for(kind, trim_method), phi_threshold=phi_threshold)


def dispersion_of(z: np.ndarray, s: np.ndarray, method: str = "additive", trim: float = 0.1,
                  trim_method: str = "auto", kind: str | None = None,
                  phi_threshold: float | None = 1.0) -> Dispersion:
    """phi and tau^2 from z-scores and standard errors on the transformed scale (see dispersion);
    lets z-scores around different targets (e.g. one per specialty) be pooled. trim_method
    "auto" needs the `kind` the z-scores come from."""
    if method not in OD_METHODS:
        raise ValueError(f"overdispersion method must be one of {OD_METHODS}, not {method!r}")
    trim_method = trim_method_for(kind or "", trim_method)
    z, s = np.asarray(z, dtype=float), np.asarray(s, dtype=float)
    if len(z) < 2 or method == "none":
        return Dispersion(1.0, 0.0, len(z), method if len(z) >= 2 else "none", phi_threshold)
    if trim_method == "truncate":
        keep = _truncated(z, trim)
        kept, s_kept = z[keep], s[keep]
    else:
        kept, s_kept = _winsorise(z, trim), s
    n = len(kept)
    phi = float(np.mean(kept ** 2)) if n else 1.0
    w = 1 / s_kept ** 2
    denom = w.sum() - (w ** 2).sum() / w.sum()
    tau2 = max(0.0, (n * phi - (n - 1)) / denom) if n > 1 and denom > 0 else 0.0
    return Dispersion(phi, tau2, n, method, phi_threshold)


def limits(denominator, kind: str, z: float, target: float = 1.0, disp: Dispersion | None = None, counts=None):
    """Lower and upper funnel limits at each denominator (E for ratios, n for proportions).

    Unadjusted: exact Poisson (ratios) or inverted Wilson (proportions). Additive adjustment:
    target +/- z sqrt(s^2 + tau^2) on the transformed scale, back-transformed. Multiplicative
    (Spiegelhalter 2005): the unadjusted limits' distance from the target times sqrt(phi).
    """
    d = np.asarray(denominator, dtype=float)
    if kind == "ratio_counts":
        _, s, _, _ = transform(np.full_like(d, np.nan), d, kind, target, counts)
        tau2 = disp.tau2 if disp is not None and disp.adjusted and disp.method == "additive" else 0.0
        f = np.sqrt(disp.phi) if disp is not None and disp.adjusted and disp.method == "multiplicative" else 1.0
        spread = z * f * np.sqrt(s ** 2 + tau2)
        return np.exp(-spread), np.exp(spread)
    if kind == "ratio":
        lo, hi = poisson_limits(d, z)
    else:
        lo, hi = proportion_limits(d, target, z)
    if disp is None or not disp.adjusted:
        return lo, hi
    if disp.method == "multiplicative":
        f = np.sqrt(disp.phi)
        lo, hi = target - (target - lo) * f, target + (hi - target) * f
        return (np.maximum(lo, 0), hi) if kind == "ratio" else (np.clip(lo, 0, 1), np.clip(hi, 0, 1))
    _, s, t, _ = transform(np.full_like(d, np.nan), d, kind, target)
    spread = z * np.sqrt(s ** 2 + disp.tau2)
    if kind == "ratio":
        return np.exp(t - spread), np.exp(t + spread)
    return np.sin(np.clip(t - spread, 0, np.pi / 2)) ** 2, np.sin(np.clip(t + spread, 0, np.pi / 2)) ** 2


def classify(value, lo95, hi95, lo998, hi998) -> np.ndarray:
    """'high_998', 'high_95', 'within', 'low_95', 'low_998' (PHE's significance levels), or
    'no_data' where the value is missing."""
    v = np.asarray(value, dtype=float)
    out = np.select(
        [np.isnan(v), v > hi998, v > hi95, v < lo998, v < lo95],
        ["no_data", "high_998", "high_95", "low_998", "low_95"], "within")
    return out


def poisson_tails(observed, expected) -> tuple[np.ndarray, np.ndarray]:
    """The exact one-sided Poisson p-values of a count O against its expectation E: P(X <= O)
    and P(X >= O) for X ~ Poisson(E) (NaN where E is not positive)."""

    o = np.asarray(observed, dtype=float)
    e = np.asarray(expected, dtype=float)
    e = np.where(e > 0, e, np.nan)
    from scipy import special  # see _norm_sf

    with np.errstate(invalid="ignore"):
        return _discrete_tails(lambda k: special.pdtr(k, e), lambda k: special.pdtrc(k, e), o, np.isfinite(e))


def conditional_tails(observed, expected, population) -> tuple[np.ndarray, np.ndarray]:
    """The exact conditional test of a ratio of two counts (O events per N, e.g. follow-ups per
    first visit, both Poisson) against the ratio r = E / N expected of the unit: given O + N,
    O is Binomial(O + N, r / (1 + r)) (the classical conditional test of two Poisson rates,
    Przyborowski and Wilenski 1940). Returns P(X <= O) and P(X >= O); NaN where E or N is not
    positive. The denominator's own randomness is in it: 0 follow-ups after 3 first visits
    against 2 expected per first visit has P = (1/3)^3 = 0.037, not the exp(-6) = 0.0025 of a
    Poisson test at E = 6."""

    o = np.asarray(observed, dtype=float)
    e = np.asarray(expected, dtype=float)
    n = np.asarray(population, dtype=float)
    ok = (e > 0) & (n > 0)
    q = np.where(ok, e / np.where(ok, e + n, 1.0), np.nan)
    trials = np.where(ok, o + n, 0).round()
    from scipy import special  # see _norm_sf

    # Binomial(n, q): P(X <= k) = I_{1-q}(n - k, k + 1), P(X > k) = I_q(k + 1, n - k) for k < n
    # (regularised incomplete beta; scipy.special's bdtr takes only integer types)
    with np.errstate(invalid="ignore", divide="ignore"):
        return _discrete_tails(
            lambda k: np.where(k >= trials, 1.0, special.betainc(np.maximum(trials - k, 1e-300), k + 1, 1 - q)),
            lambda k: np.where(k >= trials, 0.0, special.betainc(k + 1, np.maximum(trials - k, 1e-300), q)),
            o, np.isfinite(q) & (trials >= 0))


def exact_test(classes, observed, expected, population=None) -> np.ndarray:
    """`classes` (classify's) kept only as far as the exact Poisson test of O against E
    (poisson_tails) agrees, side by side: 'low_998' needs P(X <= O) below 0.001 (one tail of
    Z998), 'low_95' below 0.025 (of Z95), likewise 'high_*' with P(X >= O); a unit whose limits
    say 99.8% but whose test says 95% is 'low_95' / 'high_95', one the test does not find is
    'within'. E = 0.11 and O = 0: P(X <= 0) = exp(-0.11) = 0.90, so 'within'. With
    `population` (the denominator is itself a count, funnel kind 'ratio_counts') the test is
    the conditional binomial one (conditional_tails)."""

    c = np.asarray(classes, dtype=object)
    p_low, p_high = (poisson_tails(observed, expected) if population is None
                     else conditional_tails(observed, expected, population))
    a95, a998 = _norm_sf(Z95), _norm_sf(Z998)
    out = c.copy()
    for side, p in (("low", p_low), ("high", p_high)):
        by_limits = np.where(c == f"{side}_998", 2, np.where(c == f"{side}_95", 1, 0))
        by_test = np.where(p < a998, 2, np.where(p < a95, 1, 0))
        level = np.minimum(by_limits, by_test)
        out = np.where(by_limits > 0, np.select([level == 2, level == 1], [f"{side}_998", f"{side}_95"], "within"),
                       out)
    return out


def classify_own_count(observed, expected) -> np.ndarray:
    """PHEindicatormethods' classification of a ratio O/E (assign_funnel_significance,
    statistic "ratio"): 'high_998' when the lower 99.8% limit of the unit's own count
    (own_count_interval) divided by E exceeds 1, else 'high_95' at 95%, else 'low_998' / 'low_95'
    when the upper limit over E is below 1, else 'within'; 'no_data' where E is not positive."""
    o = np.asarray(observed, dtype=float)
    e = np.asarray(expected, dtype=float)
    (lo95, hi95), (lo998, hi998) = own_count_interval(o, Z95), own_count_interval(o, Z998)
    with np.errstate(divide="ignore", invalid="ignore"):
        return np.select(
            [~(e > 0) | np.isnan(o), lo998 / e > 1, lo95 / e > 1, hi998 / e < 1, hi95 / e < 1],
            ["no_data", "high_998", "high_95", "low_998", "low_95"], "within")


RULES = ("target_limits", "own_count")


def funnel(df: pd.DataFrame, numerator: str, denominator: str, kind: str, method: str = "additive",
           trim: float = 0.1, disp: Dispersion | None = None, target: float | None = None,
           trim_method: str = "auto", counts: str | None = None, rule: str = "target_limits",
           phi_threshold: float | None = 1.0) -> tuple[pd.DataFrame, Dispersion]:
    """Each unit's value with its 95% and 99.8% limits and its classification.

    `disp` lets the caller estimate the dispersion over a wider set of units (e.g. all
    specialties) than the panel it plots. Units with a zero denominator are kept with value
    NaN and class 'no_data'.

    rule "target_limits" (default) classifies the value against the limits in the table (a
    unit on target at the unit's denominator, widened when the dispersion is adjusted) and, for
    a ratio (either kind), requires the exact Poisson test of O against E as well (exact_test):
    a point outside a drawn limit is then left unflagged when its count is not significantly
    different from its expectation (e.g. 0 against 0.11 expected);
    "own_count" (ratios only) uses PHEindicatormethods' test of the unit's own count
    (classify_own_count), which has no overdispersion adjustment, so it is refused when the
    dispersion is adjusted. The limits are the same either way, so with "own_count" a point
    near a drawn limit can be classified on the other side of it.

    upper_clipped / lower_clipped: the unit's 99.8% limit sits at the edge of the scale (1 for
    a proportion, 0 for a ratio or proportion) because of the overdispersion adjustment, while
    its unadjusted limit does not: no value there can be flagged high (low). Multiplicative
    adjustment with a large phi does this to most proportion units; see clipped_share.
    """
    if rule not in RULES:
        raise ValueError(f"rule must be one of {RULES}, not {rule!r}")
    if rule == "own_count" and kind != "ratio":
        raise ValueError("rule 'own_count' (PHE's test of a unit's own count) applies to kind 'ratio' only")
    o = df[numerator].to_numpy(dtype=float)
    d = df[denominator].to_numpy(dtype=float)
    n = df[counts].to_numpy(dtype=float) if counts else None
    if kind == "proportion" and target is None:
        target = o.sum() / d.sum() if d.sum() > 0 else np.nan
    target = target if kind == "proportion" else 1.0
    disp = disp or dispersion(o, d, kind, method, trim, target, trim_method, n, phi_threshold)
    if rule == "own_count" and disp.adjusted:
        raise ValueError("rule 'own_count' has no overdispersion adjustment: use method 'none' with it")
    with np.errstate(divide="ignore", invalid="ignore"):
        value = np.where(d > 0, o / d, np.nan)
    out = df.copy()
    out["value"] = value
    out["target"] = target
    den = np.where(d > 0, d, np.nan)
    for cov, z in COVERAGES.items():
        lo, hi = limits(den, kind, z, target, disp, n)
        out[f"lower_{cov:g}"], out[f"upper_{cov:g}"] = lo, hi
    if rule == "own_count":
        out["class"] = classify_own_count(o, d)
    else:
        out["class"] = classify(value, out["lower_95"], out["upper_95"], out["lower_99.8"], out["upper_99.8"])
        if kind != "proportion":
            out["class"] = exact_test(out["class"], o, d, n if kind == "ratio_counts" else None)
    lo0, hi0 = limits(den, kind, Z998, target, None, n)
    top = 1.0 if kind == "proportion" else np.inf
    out["upper_clipped"] = (out["upper_99.8"].to_numpy() >= top) & (hi0 < top)
    out["lower_clipped"] = (out["lower_99.8"].to_numpy() <= 0) & (lo0 > 0)
    return out, disp


def clipped_share(result: pd.DataFrame) -> float:
    """Share (0..1) of the units with data whose 99.8% limits the overdispersion adjustment
    pushed to the edge of the scale (upper_clipped or lower_clipped from funnel): a report
    should warn when it is above 0, because those units cannot be flagged on that side."""
    has_data = result["class"] != "no_data"
    if not has_data.any():
        return 0.0
    clipped = result["upper_clipped"] | result["lower_clipped"]
    return float(clipped[has_data].mean())
