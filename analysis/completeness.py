"""Which of the latest months of an extract are not yet fully registered.

Visits are registered with a lag, so the last one to three months of a fresh extract are
undercounted. Read as they are, those months look like a reduction everywhere at once. This
module finds them (or takes them from a parameter) so monitoring can leave them out and the
report can say so.

Method of detection (`assess`):
  1. Form large series: hospital x sector x visit type, summed over specialties and contact
     modes, one value per calendar month (missing months are 0), divided by the month's number
     of weekdays (a month with 20 weekdays has 10% fewer visits than one with 22, in every series
     at once, like a lag). Series averaging fewer than `min_visits` visits a month in the
     reference window are left out: their noise would drown a lag.
  2. The candidate months are the final `max_months`. The reference window is the `reference`
     months just before them, so no candidate month (complete or not) feeds any expectation.
  3. A month-of-year seasonal index is estimated from the region's total before the candidate
     months: each month divided by its centred 12-month moving average, averaged per calendar
     month and scaled to mean 1 (with fewer than 24 earlier months, the plain calendar-month
     means of spc.seasonal_index). Without 12 earlier months there is no detection.
  4. Each series' expected visits a weekday in a candidate month = the mean of its seasonally
     adjusted visits a weekday in the reference window x that month's seasonal index; its ratio =
     actual / expected.
  5. A month is incomplete when nearly all series are below expectation (share below >=
     `share_below`) and the median ratio is below `max_ratio`. Lagging registration hits every
     hospital and visit type at once; a planned reduction at a few hospitals, a normal December
     (the seasonal index expects it) or noise does not move nearly all series together.
  6. Incomplete months are a suffix: walk back from the last month and stop at the first month
     that is not incomplete.
A given `complete_through` overrides detection.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from itertools import groupby

import numpy as np
import pandas as pd

from . import labels as L
from . import schema as s

SERIES_KEYS = (s.HOSPITAL, s.SECTOR, s.VISIT_TYPE)
EVIDENCE_COLUMNS = ["month", "series", "share_below", "median_ratio", "total_ratio", "incomplete"]


@dataclass(frozen=True)
class Completeness:
    """Which final months of the data are incomplete, how that was decided and the evidence."""

    incomplete: tuple[pd.Timestamp, ...]  # first day of each incomplete month, ascending; empty when all complete
    how: str  # "given" (complete_through), "detected" or "none"
    complete_through: pd.Timestamp | None  # first day of the last complete month
    evidence: pd.DataFrame  # per final month checked: month, series, share_below, median_ratio, total_ratio, incomplete


def parse_month(text: str) -> pd.Timestamp:
    """The first day of the month of "YYYY-MM" or "YYYY-MM-DD" (any day); ValueError otherwise."""
    value = str(text).strip()
    try:
        if not re.fullmatch(r"\d{4}-\d{2}(-\d{2})?", value):
            raise ValueError
        when = pd.Timestamp(value if len(value) == 10 else f"{value}-01")
    except ValueError:
        raise ValueError(f"complete_through {text!r} is not a month (YYYY-MM or YYYY-MM-DD)") from None
    return when.to_period("M").to_timestamp()


def _months(monthly: pd.DataFrame) -> pd.DatetimeIndex:
    m = pd.to_datetime(monthly[s.MONTH])
    return pd.date_range(m.min(), m.max(), freq="MS")


def _series_table(monthly: pd.DataFrame) -> pd.DataFrame:
    """Visits per month (rows, every month from first to last) x large series (columns), zero-filled."""
    m = monthly.assign(**{s.MONTH: pd.to_datetime(monthly[s.MONTH])})
    keys = [k for k in SERIES_KEYS if k in m.columns]
    wide = m.groupby([s.MONTH, *keys], observed=True)[s.VISITS].sum().unstack(keys, fill_value=0)
    return wide.reindex(_months(monthly), fill_value=0).fillna(0)


def weekdays(months: pd.DatetimeIndex) -> np.ndarray:
    """The number of weekdays (Monday to Friday) in each month; public holidays are not taken out
    (the fixed ones are in the seasonal index; Easter and Whitsun move between months)."""
    start = months.values.astype("datetime64[D]")
    end = (months + pd.DateOffset(months=1)).values.astype("datetime64[D]")
    return np.busday_count(start, end)


def seasonal_index(total: pd.Series) -> pd.Series | None:
    """Month-of-year index (1..12 -> factor, mean 1) of a monthly total indexed by month start:
    each month over its centred 12-month moving average (2x12), averaged per calendar month;
    with fewer than 24 months, the plain calendar-month means; None with fewer than 12."""
    if len(total) < 12:
        return None
    if len(total) >= 24:
        centred = total.rolling(12, center=True).mean().rolling(2).mean().shift(-1)
        ratio = (total / centred).dropna()
        by_month = ratio.groupby(ratio.index.month).mean()
    else:
        by_month = total.groupby(total.index.month).mean()
    if len(by_month) < 12 or not np.isfinite(by_month).all() or (by_month <= 0).any():
        return None
    return by_month / by_month.mean()


def _none(last: pd.Timestamp | None, evidence: pd.DataFrame | None = None) -> Completeness:
    return Completeness((), "none", last, pd.DataFrame(columns=EVIDENCE_COLUMNS) if evidence is None else evidence)


def assess(monthly: pd.DataFrame, complete_through: str = "", max_months: int = 3, reference: int = 6,
           share_below: float = 0.8, max_ratio: float = 0.97, min_visits: float = 20,
           min_series: int = 3) -> Completeness:
    """Which final months of `monthly` (Aggregates.monthly) are incompletely registered.

    A non-empty `complete_through` ("YYYY-MM" or "YYYY-MM-DD", any day of the last complete
    month) is taken as given: the months after it are incomplete. It must lie within the
    data's months (ValueError otherwise). Empty: detect from the data as the module describes
    (at most the last `max_months` months; `min_series` large series are needed).
    """
    if monthly.empty:  # nothing to leave out (a month given must still be one)
        if str(complete_through).strip():
            parse_month(complete_through)
        return _none(None)
    months = _months(monthly)
    first, last = months[0], months[-1]
    if str(complete_through).strip():
        when = parse_month(complete_through)
        if not first <= when <= last:
            raise ValueError(f"complete_through {complete_through!r} is outside the months in the data "
                             f"({first:%Y-%m} to {last:%Y-%m})")
        return Completeness(tuple(months[months > when]), "given", when, pd.DataFrame(columns=EVIDENCE_COLUMNS))

    wide = _series_table(monthly)
    wide = wide.div(weekdays(wide.index), axis=0)  # visits per weekday: November 2025 has 20, November 2023 22
    n_check = min(max_months, len(months) - 12 - 3)  # keep a year and a short window before them
    if n_check < 1:
        return _none(last)
    earlier = wide.iloc[:-n_check]
    season = seasonal_index(earlier.sum(axis=1))
    if season is None:
        return _none(last)
    adjusted = earlier.div(earlier.index.month.map(season).to_numpy(), axis=0)
    level = adjusted.iloc[-reference:].mean()
    level = level[adjusted.iloc[-reference:].mul(weekdays(adjusted.index[-reference:]), axis=0).mean() >= min_visits]
    if len(level) < min_series:
        return _none(last)
    rows = []
    for month in wide.index[-n_check:]:
        expected = level * season[month.month]
        actual = wide.loc[month, level.index]
        ratio = actual / expected
        rows.append({"month": month, "series": len(level), "share_below": float((ratio < 1).mean()),
                     "median_ratio": float(ratio.median()), "total_ratio": float(actual.sum() / expected.sum())})
    evidence = pd.DataFrame(rows)
    low = (evidence["share_below"] >= share_below) & (evidence["median_ratio"] < max_ratio)
    suffix = low[::-1].cummin()[::-1]  # incomplete only while every later month is too
    evidence["incomplete"] = suffix.astype(bool)
    incomplete = tuple(evidence.loc[evidence["incomplete"], "month"])
    if not incomplete:
        return _none(last, evidence)
    return Completeness(incomplete, "detected", incomplete[0] - pd.DateOffset(months=1), evidence)


def complete_only(monthly: pd.DataFrame, c: Completeness) -> pd.DataFrame:
    """The rows of `monthly` in complete months (all rows when none is incomplete)."""
    if not c.incomplete:
        return monthly
    return monthly[~pd.to_datetime(monthly[s.MONTH]).isin(pd.DatetimeIndex(c.incomplete))]


def month_names(months: tuple[pd.Timestamp, ...] | list[pd.Timestamp], lang: str) -> str:
    """Months as prose, each year named once after its months: da "november og december 2025",
    "december 2025 og januar 2026"; en "November and December 2025"."""
    parts = []
    for year, group in groupby(sorted(months), key=lambda m: m.year):
        names = [L.t(f"lag_month_{m.month}", lang) for m in group]
        parts.append(f"{_join(names, lang)} {year}")
    return _join(parts, lang)


def _join(words: list[str], lang: str) -> str:
    if len(words) <= 1:
        return "".join(words)
    return ", ".join(words[:-1]) + L.t("lag_and", lang) + words[-1]


def sentence(c: Completeness, lang: str) -> str:
    """What the report says about incomplete months: which and why ("" when none)."""
    if not c.incomplete:
        return ""
    months = month_names(c.incomplete, lang)
    if c.how == "given":
        last = month_names([c.complete_through], lang)
        return L.t("lag_given", lang, months=months, last=last)
    ev = c.evidence[c.evidence["incomplete"]]
    total = float(ev["total_ratio"].mean())  # the mean shortfall of the incomplete months' totals
    return L.t("lag_detected", lang, months=months, below=L.percent(1 - total, lang, 0),
               share=L.percent(float(ev["share_below"].min()), lang, 0))
