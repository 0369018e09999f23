"""Statistical process control for monitoring: XmR charts as in the NHS "Making Data Count"
method (as implemented by NHSRplotthedots).

Limits come from a baseline period: mean +/- 2.66 x the mean moving range, after screening
out moving ranges above 3.267 x their mean. Special-cause rules: a point beyond a limit; 7
points in a row on one side of the mean; 7 points in a row rising or falling; 2 of 3 points
beyond two thirds of the way to a limit on the same side. Monthly outpatient visits are
strongly seasonal (summer holidays, Christmas), so series can be divided by a seasonal index
from the baseline first; otherwise every July would be a signal.
"""
from __future__ import annotations

import numpy as np
import pandas as pd

from . import schema as s

RUN = 7
LIMIT_FACTOR = 2.66
SCREEN_FACTOR = 3.267


def xmr(values: pd.Series, baseline: pd.Series) -> pd.DataFrame:
    """An XmR chart: value, mean, lower and upper limit, and each special-cause rule.

    values:   the series in time order
    baseline: booleans, True for the points the limits are computed from
    Columns: value, mean, lower, upper, beyond (+1 above / -1 below the limits), run (+1/-1:
    part of 7 or more on one side), trend (+1/-1: part of 7 or more rising/falling),
    two_of_three (+1/-1), signal (+1 / -1 / 0: any rule, high or low).
    """
    v = values.to_numpy(dtype=float)
    base = v[np.asarray(baseline, dtype=bool)]
    if len(base) < 2:
        raise ValueError("an XmR chart needs at least 2 baseline points")
    mean = base.mean()
    mr = np.abs(np.diff(base))
    mr_mean = mr.mean()
    mr = mr[mr <= SCREEN_FACTOR * mr_mean]  # screen out extreme moving ranges
    mr_mean = mr.mean() if len(mr) else 0.0
    upper, lower = mean + LIMIT_FACTOR * mr_mean, mean - LIMIT_FACTOR * mr_mean
    out = pd.DataFrame({"value": v, "mean": mean, "lower": lower, "upper": upper}, index=values.index)
    out["beyond"] = np.where(v > upper, 1, np.where(v < lower, -1, 0))
    out["run"] = _runs(np.sign(v - mean), RUN)
    out["trend"] = _runs(np.sign(np.diff(v, prepend=np.nan)), RUN - 1)
    out["two_of_three"] = _two_of_three(v, mean, mean + 2 / 3 * (upper - mean), mean - 2 / 3 * (mean - lower))
    any_high = (out[["beyond", "run", "trend", "two_of_three"]] > 0).any(axis=1)
    any_low = (out[["beyond", "run", "trend", "two_of_three"]] < 0).any(axis=1)
    out["signal"] = np.where(any_low & ~any_high, -1, np.where(any_high & ~any_low, 1, 0))
    return out


def _runs(direction: np.ndarray, length: int) -> np.ndarray:
    """+1/-1 for points in a run of at least `length` equal non-zero directions (0 breaks a run)."""
    d = np.nan_to_num(direction, nan=0.0)
    out = np.zeros(len(d), dtype=int)
    start = 0
    for i in range(1, len(d) + 1):
        if i == len(d) or d[i] != d[start] or d[i] == 0:
            if d[start] != 0 and i - start >= length:
                out[start:i] = int(d[start])
            start = i
    return out


def _two_of_three(v: np.ndarray, mean: float, high: float, low: float) -> np.ndarray:
    out = np.zeros(len(v), dtype=int)
    for i in range(len(v) - 2):
        window = v[i:i + 3]
        if (window > high).sum() >= 2 and (window > mean).all():
            out[i:i + 3][window > high] = 1
        if (window < low).sum() >= 2 and (window < mean).all():
            out[i:i + 3][window < low] = -1
    return out


def seasonal_index(monthly: pd.DataFrame, baseline_end: pd.Timestamp) -> pd.Series:
    """Month-of-year index (mean 1) of the region's visits in the baseline period."""
    m = monthly[pd.to_datetime(monthly[s.MONTH]) < baseline_end]
    total = m.groupby(s.MONTH)[s.VISITS].sum()
    by_month = total.groupby(pd.to_datetime(total.index).month).mean()
    return by_month / by_month.mean()


def _series(monthly: pd.DataFrame, decision: pd.Timestamp, baseline_months: int) -> tuple[pd.Series, np.ndarray]:
    """Monthly visits (zero-filled) from `baseline_months` before the decision on, and which are baseline."""
    series = monthly.groupby(s.MONTH)[s.VISITS].sum()
    series.index = pd.to_datetime(series.index)
    start = max(series.index.min(), decision - pd.DateOffset(months=baseline_months))
    series = series.reindex(pd.date_range(start, series.index.max(), freq="MS"), fill_value=0)
    return series, np.asarray(series.index < decision)


def monitor(monthly: pd.DataFrame, decision: str, keys: list[str], adjust: bool = True,
            min_visits: int = 20, baseline_months: int = 24, min_change: float = 0.03) -> pd.DataFrame:
    """Each series (a combination of `keys`) after the decision date: the change from its
    baseline mean (the `baseline_months` before the decision) and whether the XmR chart shows
    a sustained shift.

    A series is 'reduction' when after the decision a point lies below the lower limit or 7
    in a row lie below the baseline mean, and its mean fell by at least `min_change`; 'rise'
    the other way; 'mixed' with signals both ways; 'no_signal' otherwise (a signal on a change
    smaller than `min_change`, e.g. ordinary growth, is not one a steering group acts on).
    Series averaging fewer than `min_visits` visits a month in the baseline are 'too_small'.
    """
    when = pd.Timestamp(decision)
    season = seasonal_index(monthly, when) if adjust else None
    rows = []
    for key, g in monthly.groupby(keys, observed=True):
        series, base = _series(g, when, baseline_months)
        if base.sum() < 2 or (~base).sum() == 0:
            continue
        row = dict(zip(keys, key if isinstance(key, tuple) else (key,)))
        row["baseline_mean"] = float(series[base].mean())
        row["after_mean"] = float(series[~base].mean())
        row["change_pct"] = row["after_mean"] / row["baseline_mean"] - 1 if row["baseline_mean"] else np.nan
        if row["baseline_mean"] < min_visits:
            row["status"] = "too_small"
        else:
            values = series / series.index.month.map(season).to_numpy() if adjust else series
            chart = xmr(values, pd.Series(base, index=series.index))
            after = chart[~base]
            low = ((after["beyond"] < 0).any() or (after["run"] < 0).sum() >= RUN) and row["change_pct"] <= -min_change
            high = ((after["beyond"] > 0).any() or (after["run"] > 0).sum() >= RUN) and row["change_pct"] >= min_change
            row["status"] = "reduction" if low and not high else "rise" if high and not low else (
                "mixed" if low and high else "no_signal")
        rows.append(row)
    return pd.DataFrame(rows)


def chart_series(monthly: pd.DataFrame, decision: str, filters: dict, adjust: bool = True,
                 baseline_months: int = 24) -> pd.DataFrame:
    """The XmR chart of one series (filters: {column: value}), ready to plot."""
    when = pd.Timestamp(decision)
    season = seasonal_index(monthly, when) if adjust else None
    g = monthly
    for col, value in filters.items():
        g = g[g[col] == value]
    series, base = _series(g, when, baseline_months)
    values = series / series.index.month.map(season).to_numpy() if adjust else series
    return xmr(values, pd.Series(base, index=series.index))
