"""What each monthly series would have been without the decision, and how sure we can be.

A series is hospital x specialty x sector x visit type x contact mode, one count a month. The
counterfactual is fitted to the months before the decision (the baseline) and projected after it:

    expected[i, m] = level[i] x working_days[m] x season[month of m] x exp(trend[i] x t[m])

  - working days: weekdays less the Danish public holidays and closing days (workdays.py), the
    exposure; a month-of-year season cannot follow Easter or a Christmas that falls on weekdays;
  - the region's shape: month-of-year factors and a trend per visit type x contact mode (the
    drift from in person to phone, video and written), from a Poisson GLM on the region's
    baseline totals (statsmodels);
  - the hospitals (HospitalModel): each hospital's monthly value (visits x price) against that
    shape, on the log scale, is a level and a trend of its own plus a season correction shared
    by the hospitals, fitted by weighted least squares (weights 1 / the hospital's residual
    variance, two rounds). Method "hospital_trend" (the default) projects each hospital's own
    trend: hospitals grow and shrink at their own pace, and a shared trend would read a growing
    hospital's growth as its failure to save. Method "level" leaves every trend out (a
    stationary region), its level the last 12 baseline months';
  - level: each series' baseline visits over its shape summed over the baseline (its Poisson
    maximum-likelihood estimate given the shape).

Uncertainty (95%, normal approximation) of any sum of (expected - actual), in visits or kroner,
is the sum of independent parts, each estimated from the baseline's residuals:
  - series noise: Poisson-like with extra noise, variance phi x E + kappa x E^2 per series and
    month (method of moments on the residuals after the hospital's month is taken out);
  - hospital-month shocks: a relative shock shared by every series of a hospital in a month
    (an IT change-over, a ward closed), variance sigma2_h: the hospital's monthly residual
    variance around the hospital model less what the series noise explains;
  - shocks the hospitals share in a month (influenza, a strike): their variance from the
    hospitals' residuals averaged across the hospitals (HospitalModel.common_var); a hospital's
    own variance above holds them already, so they add the covariance between hospitals, in the
    assessed months and in the region's level, trend and season the baseline's shared shocks
    moved (least squares on the baseline's months: level, trend and 11 month effects);
  - the levels' own error (the baseline's noise averaged);
  - each hospital's level, trend and the shared season correction: the hospital model's
    covariance (the delta method on its parameters);
  - unit drift: a hospital x specialty's trend departs from its hospital's, a random slope of
    variance tau2_u (moments over the units, Paule-Mandel weights); its weighted mean within a
    hospital is the hospital's trend, so it adds nothing to a hospital's total.
What it assumes: a hospital's trend goes on linearly over the months assessed (a trend that
bends is not in the interval), the decision's effect starts at the decision date (an effect
that starts earlier lowers the baseline and the saving), and the shocks of different months are
independent. The validation study (validation.py, `make validate`) shows how the intervals cover
on simulated regions as rough as real ones.
"""
from __future__ import annotations

import hashlib
import warnings
from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from analysis.base import schema as s
from analysis.base.workdays import AVERAGE_WORKING_DAYS, working_days

SERIES = [s.HOSPITAL, s.SPECIALTY, s.SECTOR, s.VISIT_TYPE, s.CONTACT_MODE]
GROUP = [s.VISIT_TYPE, s.CONTACT_MODE]  # the region's trend is shared within these
CLUSTER = [s.HOSPITAL, s.SECTOR]  # a month's shock and a trend are shared within these
UNIT = [s.HOSPITAL, s.SECTOR, s.SPECIALTY]  # a unit's drift from its hospital's trend
METHODS = ("hospital_trend", "level")
# the fewest baseline months a method can be fitted on: a level and 11 seasonal terms take 12
# months; a trend besides them one more (with 12 the trend is a sum of the others: no fit)
MIN_BASELINE = {"hospital_trend": 13, "level": 12}
LEVEL_MONTHS = 12  # method "level": the level of the last year before the decision
Z95 = 1.959964
MIN_CELL = 1.0  # expected visits below this tell nothing about the noise's shape
WEIGHTS = {"tariff": "price", "budget": "cash", "visits": None}  # what a sum counts: column of rows weighing a visit


@dataclass
class Realised:
    """The counterfactual and the realised change after the decision.

    rows:       one row per series x month from the baseline's start: the series' keys, month,
                year, quarter, period ("baseline", "assessed" or "incomplete"), actual,
                expected (visits), price (DKK a visit), saving_visits (expected - actual),
                saving_dkk, and what the intervals need
    weight:     each month's expected size relative to an average month (season x working
                days), by month; a run rate divides by it
    method:     the counterfactual (METHODS)
    components: the estimated variance parts: phi, kappa, tau2_unit, and per cluster
                (hospital x sector, in the order of `clusters`) its shock variance, residual
                variance, trend (a year, log scale) and the trend's standard error
    decision:   the decision date (first of a month)
    baseline:   (first, last) month of the baseline
    months:     the months after the decision that were assessed (complete)
    incomplete: the months left out as not fully registered
    """

    rows: pd.DataFrame
    weight: pd.Series
    method: str
    components: dict
    decision: pd.Timestamp
    baseline: tuple[pd.Timestamp, pd.Timestamp]
    months: list[pd.Timestamp]
    incomplete: list[pd.Timestamp]
    hospitals: HospitalModel = field(repr=False)
    _share2: np.ndarray = field(repr=False)  # per cluster: sum of its units' squared baseline shares
    # summary's results by its arguments: a report asks for the same sum from several places (07:
    # 50 calls, 34 different); valid while the columns of `rows` a sum reads stay as they are
    _memo: dict = field(default_factory=dict, repr=False, compare=False)

    @property
    def n_baseline(self) -> int:
        """The number of baseline months the counterfactual was fitted to."""
        return int((self.rows.drop_duplicates(s.MONTH)["period"] == "baseline").sum())

    @property
    def phi(self) -> float:
        """The series' Poisson dispersion (1 = Poisson)."""
        return self.components["phi"]

    def summary(self, by: list[str], what: str = "tariff", where: pd.Series | None = None,
                assessed_only: bool = True) -> pd.DataFrame:
        """The realised saving summed by `by` (columns of `rows`, may be empty for one total),
        with its 95% interval: columns expected, actual, saving, low, high, sd.

        what: "tariff" (the tariff value, DKK: weights = prices), "budget" (the budget effect in
              cash, DKK: weights = the cash of a visit, column cash) or "visits".
        where: a boolean mask of `rows` to sum over, within the assessed months unless
               `assessed_only` is False (e.g. for a chart of every month).
        """
        chosen = None if where is None else hashlib.blake2b(where.to_numpy(dtype=bool).tobytes()).hexdigest()
        key = (tuple(by), what, chosen, assessed_only)
        if key not in self._memo:
            self._memo[key] = self._summary(by, what, where, assessed_only)
        return self._memo[key].copy()

    def _summary(self, by: list[str], what: str, where: pd.Series | None, assessed_only: bool) -> pd.DataFrame:
        mask = np.ones(len(self.rows), dtype=bool) if where is None else where.to_numpy(dtype=bool, copy=True)
        if assessed_only:
            mask &= (self.rows["period"] == "assessed").to_numpy()
        r = self.rows[mask]
        c = self.components
        n_c = len(c["clusters"])
        if what not in WEIGHTS:
            raise ValueError(f"what must be one of {', '.join(WEIGHTS)}, not {what!r}")
        w = r[WEIGHTS[what]].to_numpy(dtype=float) if WEIGHTS[what] else np.ones(len(r))
        exp_ = r["expected"].to_numpy()
        e = exp_ * w
        tbar = self.components["tbar"]
        d = pd.DataFrame({"_series": r["_series"].to_numpy(), "_cluster": r["_cluster"].to_numpy(),
                          "_unit": r["_unit"].to_numpy(), "_month": r[s.MONTH].to_numpy(), "_e": e,
                          "_a": r["actual"].to_numpy() * w, "_et": e * r["_t"].to_numpy(),
                          "_el": e * (r["_t"].to_numpy() - tbar),
                          "_noise": w ** 2 * (c["phi"] * exp_ + c["kappa"] * exp_ ** 2),
                          "_level": r["_level_var"].to_numpy(), "_pi": r["_unit_share"].to_numpy()})
        moy = r["_moy"].to_numpy()
        for j in range(2, 13):
            d[f"_m{j}"] = np.where(moy == j, e, 0.0)
        key = list(by) or ["_all"]
        for col in by:
            d[col] = r[col].to_numpy()
        if not by:
            d["_all"] = 0
        season_cols = [f"_m{j}" for j in range(2, 13)]
        out = d.groupby(key, observed=True, sort=False)[["_e", "_a", "_noise", *season_cols]].sum()

        def summed(values: pd.Series) -> pd.Series:
            return values.groupby(level=key, sort=False).sum().reindex(out.index).fillna(0.0)

        var = out["_noise"].copy()
        # each series' level error from its baseline's noise
        per_series = d.groupby([*key, "_series"], observed=True, sort=False).agg(_e=("_e", "sum"),
                                                                               _level=("_level", "first"))
        var += summed(per_series["_e"] ** 2 * per_series["_level"])
        # each hospital's shock in each assessed month
        months = d.groupby([*key, "_cluster", "_month"], observed=True, sort=False)["_e"].sum()
        shock = np.asarray(c["shock_var"])[months.index.get_level_values("_cluster").to_numpy(dtype=int)]
        var += summed(months ** 2 * shock)
        # a shock the hospitals share in a month: in the assessed months, and in the region's
        # level, trend and season that the baseline's shared shocks moved
        if c.get("common_var", 0.0) > 0:
            var += c["common_var"] * summed(months.groupby(level=[*key, "_month"], sort=False).sum() ** 2)
            g = d.groupby(key, observed=True, sort=False)[["_e", "_et", *season_cols]].sum()
            g = g.reindex(out.index).fillna(0.0).to_numpy()
            var += c["common_var"] * np.einsum("ij,jk,ik->i", g, c["common_inv"], g)
        # the hospitals' levels, trends and the season: the hospital model's covariance
        per_cluster = d.groupby([*key, "_cluster"], observed=True, sort=False)[["_e", "_et"]].sum()
        grad = np.zeros((len(out), self.hospitals.cov.shape[0]))
        pos = out.index.get_indexer(per_cluster.index.droplevel("_cluster"))
        cl = per_cluster.index.get_level_values("_cluster").to_numpy(dtype=int)
        np.add.at(grad, (pos, cl), per_cluster["_e"].to_numpy())
        if self.hospitals.with_trend:
            np.add.at(grad, (pos, n_c + cl), per_cluster["_et"].to_numpy())
        grad[:, -11:] = out[season_cols].to_numpy()
        var += np.einsum("ij,jk,ik->i", grad, self.hospitals.cov, grad)
        # units drifting from their hospital's trend: per hospital, the sum over its units of
        # (a_v - pi_v a_h)^2, with a_v the lever-weighted sum of unit v (0 outside the sum)
        if c["tau2_unit"] > 0:
            units = d.groupby([*key, "_cluster", "_unit"], observed=True, sort=False).agg(
                _a=("_el", "sum"), _pi=("_pi", "first"))
            units["_a2"] = units["_a"] ** 2
            units["_pia"] = units["_a"] * units["_pi"]
            h = units.groupby(level=[*key, "_cluster"], sort=False)[["_a", "_a2", "_pia"]].sum()
            pi2 = self._share2[h.index.get_level_values("_cluster").to_numpy(dtype=int)]
            q = (h["_a2"] - 2 * h["_a"] * h["_pia"] + h["_a"] ** 2 * pi2).clip(lower=0)
            var += c["tau2_unit"] * summed(q)
        res = pd.DataFrame({"expected": out["_e"].to_numpy(), "actual": out["_a"].to_numpy()}, index=out.index)
        res["saving"] = res["expected"] - res["actual"]
        res["sd"] = np.sqrt(np.maximum(var.to_numpy(), 0.0))
        res["low"] = res["saving"] - Z95 * res["sd"]
        res["high"] = res["saving"] + Z95 * res["sd"]
        return res.reset_index(drop=not by)


def _design(months: pd.DatetimeIndex, decision: pd.Timestamp) -> pd.DataFrame:
    """Per month: t (years since the decision) and the month-of-year dummies (January = 0)."""
    t = (months.year - decision.year) + (months.month - decision.month) / 12
    out = pd.DataFrame({"t": t}, index=months)
    for m in range(2, 13):
        out[f"m{m}"] = (months.month == m).astype(float)
    return out


def _paule_mandel(b: np.ndarray, v: np.ndarray, iterations: int = 50) -> float:
    """Between-unit variance of slopes `b` with sampling variances `v` (Paule-Mandel: the
    weighted Q statistic equal to its degrees of freedom); 0 when they agree within chance."""
    ok = np.isfinite(b) & np.isfinite(v) & (v > 0)
    b, v = b[ok], v[ok]
    if len(b) < 3:
        return 0.0
    lo, hi = 0.0, float(np.var(b) * 10 + 1e-12)

    def q(tau2):
        w = 1 / (v + tau2)
        mu = (w * b).sum() / w.sum()
        return (w * (b - mu) ** 2).sum() - (len(b) - 1)

    if q(0.0) <= 0:
        return 0.0
    for _ in range(iterations):
        mid = (lo + hi) / 2
        lo, hi = (mid, hi) if q(mid) > 0 else (lo, mid)
    return (lo + hi) / 2


def _labels(keys: pd.DataFrame, columns: list[str]) -> tuple[list[str], np.ndarray]:
    """The distinct values of `columns` joined by "|", sorted, and each row's position among
    them (column-wise: a join row by row takes a second on a region's thousands of series)."""
    joined = keys[columns[0]].astype(str).to_numpy(dtype=object)
    for c in columns[1:]:
        joined = joined + "|" + keys[c].astype(str).to_numpy(dtype=object)
    names, codes = np.unique(joined, return_inverse=True)
    return names.tolist(), codes.reshape(-1)


def fit(monthly: pd.DataFrame, prices_of, decision: str, baseline_months: int = 24,
        incomplete: tuple[pd.Timestamp, ...] | list[pd.Timestamp] = (), method: str = "hospital_trend",
        exposure: bool = True) -> Realised:
    """The counterfactual of every series and the realised saving after `decision` (see the
    module docstring). `prices_of(rows)` gives the DKK a visit of each row (series x month,
    with year). `incomplete`: months whose registration is not complete (see completeness);
    they are left out of the fit and of every saving, and kept in `rows` for the charts.
    exposure: False counts every month alike (series not counted on working days)."""
    if method not in METHODS:
        raise ValueError(f"counterfactual must be one of {', '.join(METHODS)}, not {method!r}")
    when = pd.Timestamp(decision)
    if when.day != 1:
        when = when + pd.offsets.MonthBegin(1)
    m = monthly.copy()
    m[s.MONTH] = pd.to_datetime(m[s.MONTH])
    first = max(m[s.MONTH].min(), when - pd.DateOffset(months=baseline_months))
    grid = pd.date_range(first, m[s.MONTH].max(), freq="MS")
    lagged = grid.isin(pd.DatetimeIndex(list(incomplete)))
    period = np.where(lagged, "incomplete", np.where(grid < when, "baseline", "assessed"))
    is_base = period == "baseline"
    base_months, after = grid[is_base], grid[period == "assessed"]
    least = MIN_BASELINE[method]
    if len(base_months) < least:
        raise ValueError(f"the counterfactual ({method}) needs at least {least} months before the decision "
                         f"({when:%Y-%m}); the data have {len(base_months)}")
    if len(after) == 0:
        raise ValueError(f"the data have no complete month after the decision ({when:%Y-%m})")
    m = m[m[s.MONTH].isin(grid)]
    wide = m.pivot_table(index=SERIES, columns=s.MONTH, values=s.VISITS, aggfunc="sum", observed=True)
    wide = wide.reindex(columns=grid).fillna(0.0)
    wide = wide[wide.sum(axis=1) > 0]
    y = wide.to_numpy()
    keys = wide.index.to_frame(index=False)
    n, k = y.shape
    days = working_days(grid) if exposure else np.full(len(grid), AVERAGE_WORKING_DAYS)
    design = _design(grid, when)
    t = design["t"].to_numpy()
    dummies = design.iloc[:, 1:].to_numpy()
    trend = method == "hospital_trend"

    # 1. the region's shape: a Poisson GLM on the baseline totals per visit type x mode
    names, gi = _labels(keys, GROUP)
    totals = np.zeros((len(names), k))
    np.add.at(totals, gi, y)
    used = [j for j in range(len(names)) if totals[j, is_base].sum() > 0]
    n_g, base_idx = len(used), np.flatnonzero(is_base)
    n_trend = n_g if trend else 0
    X = np.zeros((n_g * len(base_idx), n_g + n_trend + 11))
    yy = np.zeros(len(X))
    for a, j in enumerate(used):
        rows_ = slice(a * len(base_idx), (a + 1) * len(base_idx))
        X[rows_, a] = 1.0
        if trend:
            X[rows_, n_g + a] = t[base_idx]
        X[rows_, n_g + n_trend:] = dummies[base_idx]
        yy[rows_] = totals[j, base_idx]
    from statsmodels.genmod.families import Poisson
    from statsmodels.genmod.generalized_linear_model import GLM
    from statsmodels.tools.sm_exceptions import PerfectSeparationWarning

    with warnings.catch_warnings():  # a baseline the model fits exactly (made-up data) is no problem
        warnings.simplefilter("ignore", PerfectSeparationWarning)
        warnings.simplefilter("ignore", RuntimeWarning)
        glm = GLM(yy, X, family=Poisson(), exposure=np.tile(days[is_base], n_g))
        res = glm.fit()
    season_idx = list(range(n_g + n_trend, X.shape[1]))
    group_trend = np.zeros(len(names))
    if trend:
        group_trend[used] = res.params[n_g:n_g + n_g]
    shape = days[None, :] * np.exp(np.outer(group_trend[gi], t) + (dummies @ res.params[season_idx])[None, :])

    # prices (DKK a visit) per series x month
    frame = keys.loc[np.repeat(np.arange(n), k)].reset_index(drop=True)
    frame[s.MONTH] = np.tile(grid, n)
    frame[s.YEAR] = frame[s.MONTH].dt.year
    price = np.asarray(prices_of(frame), dtype=float).reshape(n, k)
    level_mask = is_base.copy()
    if not trend:  # the last year before the decision
        level_mask &= np.arange(k) >= np.flatnonzero(is_base)[-1] - LEVEL_MONTHS + 1

    def levelled(sh):
        base_shape = sh[:, level_mask].sum(axis=1)
        lvl = np.where(base_shape > 0, y[:, level_mask].sum(axis=1) / np.where(base_shape > 0, base_shape, 1), 0.0)
        return lvl[:, None] * sh

    # 2. the hospitals: each hospital's monthly value against the region's shape, a linear model
    # of its log ratio with the hospital's level and trend and a season shared by the hospitals,
    # by weighted least squares (weights 1 / the hospital's residual variance, estimated with
    # its degrees of freedom); its covariance is the uncertainty of the levels, trends and season
    clusters_, ci = _labels(keys, CLUSTER)
    n_c = len(clusters_)
    expected = levelled(shape)
    yv, ev = np.zeros((n_c, k)), np.zeros((n_c, k))
    np.add.at(yv, ci, price * y)
    np.add.at(ev, ci, price * expected)
    hosp = HospitalModel.fit(yv, ev, t, dummies, is_base, trend)
    expected = levelled(shape * np.exp(hosp.shift(t, dummies)[ci]))

    # 3. series noise: phi x E + kappa x E^2, after each hospital's month is taken out
    cm, ce = np.zeros((n_c, k)), np.zeros((n_c, k))
    np.add.at(cm, ci, y)
    np.add.at(ce, ci, expected)
    ratio = np.where(ce > 0, cm / np.where(ce > 0, ce, 1), 1.0)
    e_adj = expected * ratio[ci]
    cells = (e_adj >= MIN_CELL) & is_base[None, :]
    n_base = max(int(level_mask.sum()), 2)
    r2 = ((y - e_adj) ** 2)[cells] * n_base / (n_base - 1)
    ecell = e_adj[cells]
    phi, kappa = 1.0, 0.0
    if len(ecell) > 10:
        A = np.column_stack([np.ones(len(ecell)), ecell])
        (a0, a1), *_ = np.linalg.lstsq(A, r2 / ecell, rcond=None)
        phi, kappa = max(1.0, float(a0)), max(0.0, float(a1))
        if a0 < 1:  # refit the slope with phi at 1
            kappa = max(0.0, float(((r2 / ecell - 1) * ecell).sum() / (ecell ** 2).sum()))
    cell_var = phi * expected + kappa * expected ** 2  # visits^2 per series x month

    # 4. hospital-month shocks: the hospital's residual variance less its series noise
    value_e = price * expected
    cl_value, cl_noise = np.zeros((n_c, k)), np.zeros((n_c, k))
    np.add.at(cl_value, ci, value_e)
    np.add.at(cl_noise, ci, price ** 2 * cell_var)
    with np.errstate(divide="ignore", invalid="ignore"):
        noise_rel = np.where(cl_value > 0, cl_noise / cl_value ** 2, 0.0)[:, is_base].mean(axis=1)
    common, own = hosp.split(cl_value[:, is_base].sum(axis=1))
    hosp.cov = hosp.own_covariance(own)  # the shared shocks' part is the region's (summary)
    shock_var = np.maximum(own - noise_rel, 0.0)  # a hospital's own shocks

    # 5. units drifting from their hospital's trend (Paule-Mandel over the units' slopes)
    units, ui = _labels(keys, UNIT)
    uy, ue, un = (np.zeros((len(units), k)) for _ in range(3))
    np.add.at(uy, ui, price * y)
    np.add.at(ue, ui, value_e * ratio[ci])
    np.add.at(un, ui, price ** 2 * cell_var)
    unit_cluster = np.zeros(len(units), dtype=int)
    unit_cluster[ui] = ci
    b_u, v_u = np.full(len(units), np.nan), np.full(len(units), np.nan)
    for j in range(len(units)):
        ok = is_base & (ue[j] > 0) & (uy[j] > 0)
        if ok.sum() < 6:
            continue
        tt = t[ok] - t[ok].mean()
        z = np.log(uy[j, ok] / ue[j, ok])
        b_u[j] = (tt * (z - z.mean())).sum() / (tt ** 2).sum()
        v_u[j] = (un[j, ok] / ue[j, ok] ** 2).mean() / (tt ** 2).sum()
    if not trend:  # the hospitals' own trends are in the units' slopes: take them out first
        for c_ in range(n_c):
            at = (unit_cluster == c_) & np.isfinite(b_u) & (v_u > 0)
            if at.any():
                b_u[at] -= np.average(b_u[at], weights=1 / v_u[at])
    tau2_unit = _paule_mandel(b_u, v_u)
    unit_value = np.zeros(len(units))
    np.add.at(unit_value, ui, value_e[:, level_mask].sum(axis=1))
    cl_total = np.zeros(n_c)
    np.add.at(cl_total, unit_cluster, unit_value)
    unit_share = np.where(cl_total[unit_cluster] > 0, unit_value / np.maximum(cl_total[unit_cluster], 1e-9), 0.0)
    share2 = np.zeros(n_c)
    np.add.at(share2, unit_cluster, unit_share ** 2)

    # the rows: series x month
    base_visits = y[:, level_mask].sum(axis=1)
    with np.errstate(divide="ignore", invalid="ignore"):
        level_var = np.where(base_visits > 0, cell_var[:, level_mask].sum(axis=1) / base_visits ** 2, 0.0)
    frame["period"] = np.tile(period, n)
    frame["actual"] = y.ravel()
    frame["expected"] = expected.ravel()
    frame["base_visits"] = np.repeat(base_visits, k)
    frame["price"] = price.ravel()
    frame["saving_visits"] = frame["expected"] - frame["actual"]
    frame["saving_dkk"] = frame["saving_visits"] * frame["price"]
    frame["quarter"] = frame[s.MONTH].dt.to_period("Q").astype(str)
    frame["_series"] = np.repeat(np.arange(n), k)
    frame["_cluster"] = np.repeat(ci, k)
    frame["_unit"] = np.repeat(ui, k)
    frame["_unit_share"] = np.repeat(unit_share[ui], k)
    frame["_t"] = np.tile(t, n)
    frame["_moy"] = np.tile(grid.month.to_numpy(), n)
    frame["_level_var"] = np.repeat(level_var, k)
    season_log = np.concatenate([[0.0], res.params[season_idx] + hosp.season])
    season = np.exp(season_log) / np.exp(season_log).mean()
    weight = pd.Series(season[grid.month - 1] * days / AVERAGE_WORKING_DAYS, index=grid)
    base_design = np.column_stack([np.ones(is_base.sum()), t[is_base], dummies[is_base]])
    components = {"phi": phi, "kappa": kappa, "tau2_unit": tau2_unit, "clusters": clusters_, "common_var": common,
                  "common_inv": np.linalg.pinv(base_design.T @ base_design),
                  "shock_var": shock_var, "resid_var": hosp.resid_var, "trend": hosp.trend,
                  "trend_sd": hosp.trend_sd, "tbar": float(t[is_base].mean())}
    return Realised(frame, weight, method, components, when, (base_months[0], base_months[-1]), list(after),
                    [m_ for m_, p in zip(grid, period) if p == "incomplete"], hosp, share2)


@dataclass
class HospitalModel:
    """Each hospital's monthly value (visits x price) against the region's shape, on the log
    scale: z[h, m] = level[h] + trend[h] x t[m] + season[month of m] + shock[h, m], the season
    shared by the hospitals (a correction of the region's), shocks independent with a variance of
    each hospital's own. Fitted by weighted least squares to the baseline months (weights 1 /
    the hospital's residual variance, estimated with its degrees of freedom: two rounds)."""

    params: np.ndarray  # n_c levels, n_c trends (when fitted), 11 season corrections
    cov: np.ndarray
    resid_var: np.ndarray  # per hospital: its months' residual variance (relative, squared)
    n_c: int
    with_trend: bool
    residuals: np.ndarray = field(repr=False, default=None)  # hospital x baseline month (NaN: no month)
    _solve: np.ndarray = field(repr=False, default=None)
    _keep: np.ndarray = field(repr=False, default=None)
    _who: np.ndarray = field(repr=False, default=None)

    def split(self, weights: np.ndarray, n_params: int = 13) -> tuple[float, np.ndarray]:
        """The baseline residuals split into a shock every hospital shares in a month (influenza, a
        strike, a national IT change-over) and each hospital's own, as relative variances:
        (shared, own per hospital). The hospitals' weighted mean residual (`weights`, e.g. their
        value) holds the shared shock and the own shocks averaged; what the region's level, trend
        and season took from it is n_params degrees of freedom. A hospital's deviation from that
        mean holds its own shock alone (less its own level and trend: 2 degrees of freedom).
        Method of moments; the shared variance is 0 when the hospitals' months do not move
        together beyond chance."""
        r = self.residuals
        own = self.resid_var.copy()
        if r is None or r.shape[0] < 2:
            return 0.0, own
        ok = ~np.isnan(r).any(axis=0)
        n = int(ok.sum())
        if n <= n_params + 2:
            return 0.0, own
        w = weights / weights.sum()
        mean = (w[:, None] * r[:, ok]).sum(axis=0)
        w2 = float((w ** 2).sum())
        own = ((r[:, ok] - mean) ** 2).sum(axis=1) / ((n - 2) * np.maximum(1 - 2 * w + w2, 1e-6))
        shared = float((mean ** 2).sum() / (n - n_params) - (w ** 2 * own).sum())
        return max(0.0, shared), own

    def own_covariance(self, own: np.ndarray) -> np.ndarray:
        """The parameters' covariance from the hospitals' own shocks alone (the sandwich of the
        weighted least squares with `own` as each hospital's error variance); the shared shocks'
        part is added for the region as a whole (Realised.summary)."""
        b = self._solve  # (X'WX)^-1 X'W, parameters x baseline observations
        out = np.zeros_like(self.cov)
        out[np.ix_(self._keep, self._keep)] = (b * own[self._who][None, :]) @ b.T
        return out

    @property
    def trend(self) -> np.ndarray:
        return self.params[self.n_c:2 * self.n_c] if self.with_trend else np.zeros(self.n_c)

    @property
    def trend_sd(self) -> np.ndarray:
        if not self.with_trend:
            return np.zeros(self.n_c)
        return np.sqrt(np.diag(self.cov)[self.n_c:2 * self.n_c])

    @property
    def season(self) -> np.ndarray:
        return self.params[-11:]

    def shift(self, t: np.ndarray, dummies: np.ndarray) -> np.ndarray:
        """Per hospital x month, the log change of its shape the model adds (trend and season;
        the level is the series' own)."""
        return np.outer(self.trend, t) + (dummies @ self.season)[None, :]

    @classmethod
    def fit(cls, yv: np.ndarray, ev: np.ndarray, t: np.ndarray, dummies: np.ndarray, is_base: np.ndarray,
            with_trend: bool) -> HospitalModel:
        n_c, k = yv.shape
        p = n_c * (2 if with_trend else 1) + 11
        rows, z, who = [], [], []
        for c in range(n_c):
            for m in np.flatnonzero(is_base & (yv[c] > 0) & (ev[c] > 0)):
                x = np.zeros(p)
                x[c] = 1.0
                if with_trend:
                    x[n_c + c] = t[m]
                x[-11:] = dummies[m]
                rows.append(x)
                z.append(np.log(yv[c, m] / ev[c, m]))
                who.append(c)
        X, z, who = np.array(rows), np.array(z), np.array(who)
        keep = np.flatnonzero(np.abs(X).sum(axis=0) > 0)  # a hospital without baseline months has no columns
        Xk = X[:, keep]
        var = np.ones(n_c)
        for _ in range(2):
            w = 1 / var[who]
            xtwx = Xk.T @ (Xk * w[:, None])
            inv = np.linalg.pinv(xtwx)
            beta = inv @ (Xk.T @ (w * z))
            resid = z - Xk @ beta
            hat = np.einsum("ij,jk,ik->i", Xk, inv, Xk) * w  # leverages
            for c in range(n_c):
                at = who == c
                df = at.sum() - hat[at].sum()
                var[c] = (resid[at] ** 2).sum() / df if df > 0.5 else 0.0
            var = np.where(var > 0, var, np.median(var[var > 0]) if (var > 0).any() else 1e-4)
        params = np.zeros(p)
        params[keep] = beta
        cov = np.zeros((p, p))
        cov[np.ix_(keep, keep)] = inv
        base = np.flatnonzero(is_base)
        residuals = np.full((n_c, len(base)), np.nan)
        months = np.array([np.searchsorted(base, m) for c in range(n_c)
                           for m in np.flatnonzero(is_base & (yv[c] > 0) & (ev[c] > 0))])
        residuals[who, months] = resid
        solve = inv @ (Xk * (1 / var[who])[:, None]).T
        return cls(params, cov, var, n_c, with_trend, residuals, solve, keep, who)
