"""Statistical process control for monitoring: XmR charts as in the NHS "Making Data Count"
method, with the limits and special-cause rules of NHSRplotthedots (0.2; its
R/ptd_spc_standard.R and R/ptd_calculate_point_type.R).

Limits come from a baseline period: mean +/- 2.66 x the mean moving range, after screening
out moving ranges of 3.267 x their mean or more (a range is kept when it is strictly below).
Special-cause rules, each applied to every point with the baseline's limits:
  beyond        a point above the upper or below the lower limit;
  run           7 or more points in a row on the same side of the mean (a point on the mean
                breaks a run); every point of the run is flagged;
  trend         7 or more points in a row each strictly higher (or lower) than the one before;
                all 7 points are flagged, the first included;
  two_of_three  2 of 3 consecutive points between the two-thirds line (mean +/- 2/3 of the
                way to a limit) and the limit, all 3 on the same side of the mean; only the
                points between the lines are flagged (a point beyond the limit does not count).
A point flagged by several rules gets the one name the reference gives it, in its order of
precedence: beyond a limit, then trend, then 2 of 3, then run ("Above UCL", "7 Point Trend
(Increasing)", "2 in 3 Below CL", "7 Points Above CL", "Common Cause"), and its signal is
that name's direction. Monthly outpatient visits are strongly seasonal (summer holidays,
Christmas) and follow the working days of the month (Easter moves between March and April,
Christmas falls on weekdays one year and at a weekend the next), so series are adjusted first:
visits a working day (workdays.py), divided by a seasonal index from the baseline, shown as the
visits of a month of average working days; otherwise every July and every Easter would be a
signal.
"""
from __future__ import annotations

import numpy as np
import pandas as pd

from analysis.base import schema as s
from analysis.base.workdays import AVERAGE_WORKING_DAYS, working_days

RUN = 7
LIMIT_FACTOR = 2.66
NEAR_FACTOR = 2 * LIMIT_FACTOR / 3  # the two-thirds line, in mean moving ranges from the mean
SCREEN_FACTOR = 3.267
COMMON_CAUSE = "Common Cause"
RULES = ("beyond", "trend", "two_of_three", "run")  # the reference's order of precedence
Z_CHANCE = 1.959964  # a monitored change must also lie beyond the 95% interval of the counterfactual


def xmr(values: pd.Series, baseline: pd.Series) -> pd.DataFrame:
    """An XmR chart: value, mean, lower and upper limit, and each special-cause rule.

    values:   the series in time order (any unit, e.g. visits a month)
    baseline: booleans, True for the points the limits are computed from
    Columns: value, mean, lower, upper (in the unit of `values`), mr_mean (the screened mean
    moving range), beyond (+1 above / -1 below the limits), trend (+1/-1: part of 7 or more
    rising/falling), two_of_three (+1/-1), run (+1/-1: part of 7 or more on one side),
    special_cause (the reference's name for the point, "Common Cause" if none) and signal
    (+1 / -1 / 0: that name's direction, as NHSRplotthedots' point type).
    """
    v = values.to_numpy(dtype=float)
    base = v[np.asarray(baseline, dtype=bool)]
    if len(base) < 2:
        raise ValueError("an XmR chart needs at least 2 baseline points")
    mean = base.mean()
    mr = np.abs(np.diff(base))
    mr = mr[mr < SCREEN_FACTOR * mr.mean()]  # screen out extreme moving ranges (strictly below is kept)
    mr_mean = mr.mean() if len(mr) else 0.0
    upper, lower = mean + LIMIT_FACTOR * mr_mean, mean - LIMIT_FACTOR * mr_mean
    near_upper, near_lower = mean + NEAR_FACTOR * mr_mean, mean - NEAR_FACTOR * mr_mean
    side = np.nan_to_num(np.sign(v - mean)).astype(int)  # a missing value is on no side
    outside = (v > upper) | (v < lower)
    close = ~outside & ((v > near_upper) | (v < near_lower))
    out = pd.DataFrame({"value": v, "mean": mean, "lower": lower, "upper": upper, "mr_mean": mr_mean},
                       index=values.index)
    out["beyond"] = np.where(outside, side, 0)
    out["trend"] = _trend(v)
    out["two_of_three"] = _two_of_three(close, side)
    out["run"] = _run(side)
    out["special_cause"] = special_cause(out["beyond"].to_numpy(), out["trend"].to_numpy(),
                                         out["two_of_three"].to_numpy(), out["run"].to_numpy())
    out["signal"] = out["special_cause"].map(_direction).astype(int)
    return out


def _run(side: np.ndarray, length: int = RUN) -> np.ndarray:
    """+1/-1 for every point of a stretch of at least `length` points on the same side of the
    mean (0, a point on the mean, breaks a stretch)."""
    out = np.zeros(len(side), dtype=int)
    start = 0
    for i in range(1, len(side) + 1):
        if i == len(side) or side[i] != side[start]:
            if side[start] != 0 and i - start >= length:
                out[start:i] = side[start]
            start = i
    return out


def _trend(v: np.ndarray, length: int = RUN) -> np.ndarray:
    """+1/-1 for every point of `length` or more points each strictly above (below) the one
    before. A point that ends a rise and starts a fall (or the reverse) belongs to both; it
    takes the direction of the step after it, as the reference does (NHSRplotthedots names a
    point by the step after it when the next point is part of a trend, else by the step before)."""
    step = np.sign(np.diff(v))
    part = np.zeros(len(v), dtype=bool)
    for end in range(length - 1, len(v)):
        steps = step[end - length + 1:end]
        if (steps == 1).all() or (steps == -1).all():
            part[end - length + 1:end + 1] = True
    before = np.concatenate([[0], step])
    after = np.concatenate([step, step[-1:]]) if len(step) else np.zeros(len(v))
    next_part = np.concatenate([part[1:], [False]])
    # a flat step reads as falling, as in the reference's naming
    direction = np.where(np.where(part & next_part, after, before) == 1, 1, -1)
    return np.where(part, direction, 0).astype(int)


def _two_of_three(close: np.ndarray, side: np.ndarray) -> np.ndarray:
    """+1/-1 for a point between the two-thirds line and the limit that is one of at least 2
    such points in a window of 3 consecutive points all on its side of the mean."""
    n = len(close)
    hit = np.zeros(n, dtype=bool)
    for start in range(n - 2):
        w = slice(start, start + 3)
        if close[w].sum() >= 2 and abs(side[w].sum()) == 3:
            hit[w] = True
    return np.where(hit & close, side, 0).astype(int)


def special_cause(beyond: np.ndarray, trend: np.ndarray, two_of_three: np.ndarray, run: np.ndarray) -> np.ndarray:
    """The reference's one name per point (NHSRplotthedots' special_cause_type): the first rule
    that fires in the order beyond, trend, 2 of 3, run."""
    return np.select(
        [beyond != 0, trend != 0, two_of_three != 0, run != 0],
        [np.where(beyond > 0, "Above UCL", "Below LCL"),
         np.where(trend > 0, "7 Point Trend (Increasing)", "7 Point Trend (Decreasing)"),
         np.where(two_of_three > 0, "2 in 3 Above CL", "2 in 3 Below CL"),
         np.where(run > 0, "7 Points Above CL", "7 Points Below CL")],
        COMMON_CAUSE)


def _direction(name: str) -> int:
    """+1 for a name pointing up (Above, Increasing), -1 down (Below, Decreasing), 0 otherwise."""
    if "Above" in name or "Increasing" in name:
        return 1
    if "Below" in name or "Decreasing" in name:
        return -1
    return 0


def seasonal_index(monthly: pd.DataFrame, baseline_end: pd.Timestamp) -> pd.Series:
    """Month-of-year index (mean 1) of the region's visits a working day in the baseline period."""
    m = monthly[pd.to_datetime(monthly[s.MONTH]) < baseline_end]
    total = m.groupby(s.MONTH)[s.VISITS].sum()
    total.index = pd.to_datetime(total.index)
    total = total / working_days(total.index)
    by_month = total.groupby(total.index.month).mean()
    return by_month / by_month.mean()


def adjusted(series: pd.Series, season: pd.Series) -> pd.Series:
    """Monthly visits (indexed by month) as the visits of a month of average working days and
    average season: visits / working days / the seasonal index x the average working days."""
    days = working_days(series.index)
    return series / days / series.index.month.map(season).to_numpy() * AVERAGE_WORKING_DAYS


def _series(monthly: pd.DataFrame, decision: pd.Timestamp, baseline_months: int) -> tuple[pd.Series, np.ndarray]:
    """Monthly visits (zero-filled) from `baseline_months` before the decision on, and which are baseline."""
    series = monthly.groupby(s.MONTH)[s.VISITS].sum()
    series.index = pd.to_datetime(series.index)
    start = max(series.index.min(), decision - pd.DateOffset(months=baseline_months))
    series = series.reindex(pd.date_range(start, series.index.max(), freq="MS"), fill_value=0)
    return series, np.asarray(series.index < decision)


def expected_values(series: pd.Series, expected: pd.Series, base: np.ndarray) -> pd.Series:
    """Monthly visits measured against their expected path (the counterfactual of 07: working
    days, season and the hospital's trend): actual / expected x the expected baseline mean, so a
    series that follows its path is flat at its baseline level, in visits a month."""
    e = expected.reindex(series.index).fillna(0.0)
    scale = float(e[base].mean()) if base.any() else 0.0
    return (series / e.where(e > 0) * scale).fillna(0.0)


def _one(key):
    """A group key of one column as its value (pandas gives a 1-tuple)."""
    return key[0] if isinstance(key, tuple) else key


def _expected_by(expected: pd.DataFrame | None, keys: list[str]) -> dict | None:
    """{key: expected visits by month} from a counterfactual's rows (columns keys, month, expected)."""
    if expected is None:
        return None
    e = expected.groupby([*keys, s.MONTH], observed=True)["expected"].sum()
    out = {}
    for key, g in e.groupby(level=list(range(len(keys))), observed=True):
        series = g.droplevel(list(range(len(keys))))
        series.index = pd.to_datetime(series.index)
        out[key if len(keys) > 1 else _one(key)] = series
    return out


def monitor(monthly: pd.DataFrame, decision: str, keys: list[str], adjust: bool = True,
            min_visits: int = 20, baseline_months: int = 24, min_change: float = 0.03,
            expected: pd.DataFrame | None = None, beyond_chance: pd.Series | None = None) -> pd.DataFrame:
    """Each series (a combination of `keys`) after the decision date: the change from its
    baseline mean (the `baseline_months` before the decision; with `adjust`, of the visits of a
    month of average working days and season) and whether the XmR chart shows a sustained shift.
    `expected` (the rows of a counterfactual, follow_up.realise: keys, month, expected): the
    series are measured against their expected path instead (expected_values), so a hospital's
    own growth or decline is no signal. `beyond_chance` (by the keys' values: the z-score of the
    change since the decision, follow_up's interval allowing for the hospital's monthly swings,
    its trend and the unit's own drift): a signal counts only where |z| >= 1.96 in its
    direction, so a unit drifting as units do is no signal.

    A series is 'reduction' when after the decision a point lies below the lower limit or 7
    in a row lie below the baseline mean, and its mean fell by at least `min_change`; 'rise'
    the other way; 'mixed' with signals both ways; 'no_signal' otherwise (a signal on a change
    smaller than `min_change`, e.g. ordinary growth, is not one a steering group acts on).
    Series averaging fewer than `min_visits` visits a month in the baseline are 'too_small'.
    """
    when = pd.Timestamp(decision)
    season = seasonal_index(monthly, when) if adjust else None
    paths = _expected_by(expected, keys)
    rows = []
    for key, g in monthly.groupby(keys, observed=True):
        series, base = _series(g, when, baseline_months)
        if base.sum() < 2 or (~base).sum() == 0:
            continue
        row = dict(zip(keys, key if isinstance(key, tuple) else (key,)))
        if paths is not None:
            values = expected_values(series, paths.get(key if len(keys) > 1 else _one(key), pd.Series(dtype=float)),
                                     base)
        else:
            values = adjusted(series, season) if adjust else series  # a month of average working days and season
        row["baseline_mean"] = float(values[base].mean())
        row["after_mean"] = float(values[~base].mean())
        row["change_pct"] = row["after_mean"] / row["baseline_mean"] - 1 if row["baseline_mean"] else np.nan
        if row["baseline_mean"] < min_visits:
            row["status"] = "too_small"
        else:
            chart = xmr(values, pd.Series(base, index=series.index))
            after = chart[~base]
            low = ((after["beyond"] < 0).any() or (after["run"] < 0).sum() >= RUN) and row["change_pct"] <= -min_change
            high = ((after["beyond"] > 0).any() or (after["run"] > 0).sum() >= RUN) and row["change_pct"] >= min_change
            if beyond_chance is not None:  # z of the saving: positive = fewer visits
                z = float(beyond_chance.get(key if len(keys) > 1 else _one(key), 0.0))
                low, high = low and z >= Z_CHANCE, high and z <= -Z_CHANCE
            row["status"] = "reduction" if low and not high else "rise" if high and not low else (
                "mixed" if low and high else "no_signal")
        rows.append(row)
    return pd.DataFrame(rows)


INCOMPLETE = "Incomplete"  # special_cause of a month not yet fully registered


def chart_series(monthly: pd.DataFrame, decision: str, filters: dict, adjust: bool = True,
                 baseline_months: int = 24, incomplete: tuple[pd.Timestamp, ...] = (),
                 expected: pd.DataFrame | None = None) -> pd.DataFrame:
    """The XmR chart of one series (filters: {column: value}), ready to plot; `expected` as in
    monitor (the rows of a counterfactual, filtered the same way).

    `incomplete`: months not yet fully registered (completeness.assess). The chart of the other
    months is exactly the one without them; the incomplete months are added with its mean and
    limits for display, every rule 0, special_cause "Incomplete" and signal 0, so they are never
    read as a signal. Column `incomplete` says which rows they are.
    """
    when = pd.Timestamp(decision)
    season = seasonal_index(monthly, when) if adjust else None
    g, e = monthly, expected
    for col, value in filters.items():
        g = g[g[col] == value]
        e = e[e[col] == value] if e is not None else None
    series, base = _series(g, when, baseline_months)
    if e is not None:
        path = e.groupby(s.MONTH)["expected"].sum()
        path.index = pd.to_datetime(path.index)
        values = expected_values(series, path, base)
    else:
        values = adjusted(series, season) if adjust else series
    late = np.asarray(series.index.isin(pd.DatetimeIndex(list(incomplete))))
    if late.all():
        raise ValueError("every month of the chart is incomplete")
    chart = xmr(values[~late], pd.Series(base[~late], index=series.index[~late]))
    if late.any():
        first = chart.iloc[0]
        extra = pd.DataFrame({"value": values[late].to_numpy(dtype=float)}, index=series.index[late])
        for col in ("mean", "lower", "upper", "mr_mean"):
            extra[col] = first[col]
        for col in RULES + ("signal",):
            extra[col] = 0
        extra["special_cause"] = INCOMPLETE
        chart = pd.concat([chart, extra[chart.columns]]).sort_index()
    chart["incomplete"] = late
    return chart


def to_chart(result: pd.DataFrame, most: int, by: str = s.HOSPITAL) -> pd.DataFrame:
    """The series of monitor's table to draw as charts, at most `most`: the reductions (largest
    fall first), then the rises (largest first), taken in turn from each value of `by` (the
    hospitals) so that one hospital's many signals do not fill every chart."""
    signals = pd.concat([result[result["status"] == "reduction"].sort_values("change_pct"),
                         result[result["status"] == "rise"].sort_values("change_pct", ascending=False)])
    if signals.empty:
        return signals
    turn = signals.groupby(by, sort=False).cumcount()  # each hospital's 1st, 2nd, ... signal
    kind = (signals["status"] != "reduction").astype(int)
    order = pd.DataFrame({"kind": kind, "turn": turn, "at": range(len(signals))}, index=signals.index)
    return signals.loc[order.sort_values(["kind", "turn", "at"]).index].head(most)


MEANS = ("baseline_mean", "after_mean")


def shown_means(signals: pd.DataFrame, adjusted: bool) -> tuple[pd.DataFrame, list[str]]:
    """The signals table as a report shows it, and its count columns: the monthly means named as
    adjusted (working days, season, expected path) when they are, so a reader does not take them
    for the visits counted."""
    if not adjusted:
        return signals, list(MEANS)
    names = {m: f"{m}_adjusted" for m in MEANS}
    return signals.rename(columns=names), list(names.values())

