"""Working days: the exposure of a month's outpatient visits.

Outpatient clinics see planned patients Monday to Friday, and not on the Danish public holidays.
A month's working days are its weekdays less the public holidays that fall on them (the
calendar of the maintained `holidays` package: Easter and Whitsun move between March, April, May
and June from year to year; Store Bededag is a holiday until 2023 and abolished from 2024), less
the days clinics close although they are no public holiday: Christmas Eve and New Year's Eve,
and half of Constitution Day (5 June; clinics close at noon). A month-of-year seasonal index
cannot absorb a holiday that moves (Easter in March one year and April the next) or a fixed one
that falls on a weekend one year and on a weekday the next (Christmas 2022 against 2024); working
days do.
"""
from __future__ import annotations

import datetime as dt
from functools import lru_cache

import numpy as np
import pandas as pd

# days clinics close that are no public holiday: (month, day) -> share of the day closed
CLOSED_DAYS = {(12, 24): 1.0, (12, 31): 1.0, (6, 5): 0.5}
AVERAGE_WORKING_DAYS = 20.97  # in a month: the mean of 2015-2035 (251.6 working days a year)


@lru_cache(maxsize=64)
def _closed(year: int) -> dict[dt.date, float]:
    """The weekdays of `year` clinics close, with the share of the day closed."""
    import holidays  # imported here: only the counting needs it

    days = {d: 1.0 for d in holidays.Denmark(years=year)}
    for (month, day), share in CLOSED_DAYS.items():
        days.setdefault(dt.date(year, month, day), share)
    return {d: share for d, share in days.items() if d.weekday() < 5}


def is_open(days: np.ndarray) -> np.ndarray:
    """For dates (numpy datetime64[D]): the share of the day the clinics are open (1 on an
    ordinary weekday, 0 at weekends and on holidays, 0.5 on Constitution Day)."""
    days = np.asarray(days, dtype="datetime64[D]")
    share = (((days.astype("int64") + 3) % 7) < 5).astype(float)  # 1970-01-01 was a Thursday
    if len(days) == 0:
        return share
    years = range(int(str(days.min())[:4]), int(str(days.max())[:4]) + 1)
    closed = {np.datetime64(d): v for y in years for d, v in _closed(y).items()}
    if closed:
        keys = np.array(list(closed), dtype="datetime64[D]")
        at = np.isin(days, keys)
        lookup = dict(zip(keys.astype("int64"), closed.values()))
        share[at] -= np.array([lookup[k] for k in days[at].astype("int64")])
    return share


def working_days(months: pd.DatetimeIndex | pd.Series | list) -> np.ndarray:
    """The working days of each month (given by any day of it, usually its first): weekdays less
    public holidays and the closing days of CLOSED_DAYS; may end in .5."""
    starts = pd.DatetimeIndex(pd.to_datetime(pd.Series(months))).to_period("M").to_timestamp()
    out = np.zeros(len(starts))
    for first, count in _per_month(tuple(starts.unique())):
        out[starts == first] = count
    return out


@lru_cache(maxsize=256)
def _per_month(starts: tuple[pd.Timestamp, ...]) -> list[tuple[pd.Timestamp, float]]:
    out = []
    for first in starts:
        days = np.arange(np.datetime64(first.date(), "D"),
                         np.datetime64((first + pd.offsets.MonthBegin(1)).date(), "D"))
        out.append((first, float(is_open(days).sum())))
    return out


def per_year(year: int) -> float:
    """The working days of a calendar year."""
    return float(working_days(pd.date_range(f"{year}-01-01", periods=12, freq="MS")).sum())
