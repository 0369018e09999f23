"""Visits to kroner: one price table per run, the region's own prices first.

Two sources of prices, in this order:

1. **Own prices** from the input's value column (`cost_dkk`: a cell total in kroner in an
   aggregated extract, the price of the visit in visit-level data): the region's average price
   per visit, sum of value / sum of visits over the cells whose value is known, per year x
   visit type x contact mode, and per specialty as well where that specialty's price rests on at
   least MIN_VISITS visits. (The mean of 50 visits whose prices vary by half their mean is within
   about +-14% at 95%; a thinner specialty takes its year's price over all specialties.)
2. **The tariff table** (data/reference/tariffs.csv or the run's `tariff_file`: DKK per visit by
   visit type x contact mode with specialty overrides, shaped like the Danish DAGS outpatient
   tariffs; the shipped one is illustrative and says so), only for cells without an own price.

A row is priced at the first of: own price for its year and specialty, own price for its year,
tariff for its specialty, general tariff. `prices` builds that table (same columns as the
tariff table plus year, visits behind each price and source); `price` gives activity its
value_dkk = visits x price, so the value key, the potential and every DKK figure use the same
prices (a cell's own total is not used as is: one price per kind of visit makes the value key
measure activity and mix, not local differences in the value recorded).
"""
from __future__ import annotations

import os

import numpy as np
import pandas as pd

from analysis.base import labels as L
from analysis.base import schema as s
from analysis.base.problems import InputError, Problem
from analysis.inputs import reference

DKK = "dkk"
VALUE_DKK = "value_dkk"
SPECIALTY = "specialty"  # the price tables' column; "" = every specialty
ALL_SPECIALTIES = ""
SOURCE = "price_source"  # per priced row: OWN or TARIFF
OWN, TARIFF = "own", "tariff"
TARIFF_DKK = "tariff_dkk"
LEVEL = "level"  # the tariff table's optional column: "" = every level of specialisation
MIN_VISITS = 50  # visits an own price must rest on
KEYS = [s.VISIT_TYPE, s.CONTACT_MODE]
PRICE_COLUMNS = [s.YEAR, SPECIALTY, s.VISIT_TYPE, s.CONTACT_MODE, DKK, s.VISITS, "source"]


def _read(path: str | os.PathLike[str] | None) -> tuple[pd.DataFrame, list[Problem]]:
    """A tariff table with its prices as numbers, a level column ("" = every level) and the
    problems found so far (levels not in schema.LEVELS, prices not numbers >= 0)."""
    df = reference.read_table("tariffs", path, (SPECIALTY, s.VISIT_TYPE, s.CONTACT_MODE, DKK))
    name = reference.locate("tariffs", path).name
    df[SPECIALTY] = df[SPECIALTY].fillna("").astype(str)
    df[LEVEL] = df[LEVEL].fillna("").astype(str) if LEVEL in df else ""
    values, problems = reference.numbers(df, DKK, name)
    bad = ~df[LEVEL].isin(("", *s.LEVELS))
    if bad.any():
        rows = (df.index[bad] + 1).tolist()
        problems.append(Problem(name, LEVEL, "unknown level of specialisation", f"use one of {', '.join(s.LEVELS)} "
                                "or leave it empty", rows[:5], len(rows), df.loc[bad, LEVEL].head(3).tolist()))
    return df.assign(**{DKK: values}), problems


def load_tariffs(path: str | os.PathLike[str] | None = None) -> pd.DataFrame:
    """Read and check a tariff table (empty path: the shipped illustrative one): every visit
    type x contact mode needs a general price (empty specialty), prices are DKK per visit >= 0.
    Returns the rows for every level of specialisation (see level_tariffs for the others)."""
    df, problems = _read(path)
    name = reference.locate("tariffs", path).name
    df = df[df[LEVEL] == ""].drop(columns=LEVEL)
    missing = {(v, m) for v in s.VISIT_TYPES for m in s.CONTACT_MODES} - set(
        map(tuple, df.loc[df[SPECIALTY] == "", KEYS].to_numpy()))
    if missing:
        problems.append(Problem(name, DKK, "no general price for " + ", ".join(
            f"{v}/{m}" for v, m in sorted(missing)), "add a row with an empty specialty for each"))
    if problems:
        raise InputError(problems)
    return df.reset_index(drop=True)


def level_tariffs(path: str | os.PathLike[str] | None = None) -> pd.DataFrame:
    """The rows of a tariff table that price a visit at one level of specialisation (column
    `level` not empty): level, specialty, visit_type, contact_mode, dkk. Empty when the table
    has none (then every level has the general tariff)."""
    df, problems = _read(path)
    if problems:
        raise InputError(problems)
    return df.loc[df[LEVEL] != "", [LEVEL, SPECIALTY, *KEYS, DKK]].reset_index(drop=True)


def level_unit_price(df: pd.DataFrame, tariffs: pd.DataFrame, by_level: pd.DataFrame, level: str | pd.Series,
                     contact_mode: str | None = None) -> pd.Series:
    """DKK per visit for each row of `df` (specialty, visit_type, contact_mode) at a hospital
    holding its specialty at `level` (one level, or one per row): the level's row of `by_level`
    (level_tariffs) where it has one, replacing the tariff table's row of the same specialty (or
    of every specialty), else the tariff table's price (unit_price)."""
    levels = pd.Series(level, index=df.index) if isinstance(level, str) else level.reindex(df.index)
    out = pd.Series(np.nan, index=df.index)
    for lv in levels.dropna().unique():
        rows = levels == lv
        table = pd.concat([tariffs[[SPECIALTY, *KEYS, DKK]],
                           by_level.loc[by_level[LEVEL] == lv, [SPECIALTY, *KEYS, DKK]]], ignore_index=True)
        out[rows] = unit_price(df[rows], table, contact_mode)
    return out


def own_prices(activity: pd.DataFrame, min_visits: int = MIN_VISITS) -> pd.DataFrame:
    """The region's own average price per visit (DKK) from the value column of `activity`
    (rows: year, specialty, visit_type, contact_mode, visits, cost_dkk = the cells' value in DKK,
    NaN where unknown): sum of value / sum of visits, per year x visit type x contact mode
    (specialty "") and per year x specialty x visit type x contact mode, each kept only where it
    rests on at least `min_visits` visits. Columns as the tariff table plus year, visits (behind
    the price) and source ("own"); empty when the input has no value column."""
    if s.COST_DKK not in activity or activity[s.COST_DKK].isna().all():
        return pd.DataFrame(columns=PRICE_COLUMNS)
    known = activity[activity[s.COST_DKK].notna() & (activity[s.VISITS] > 0)]
    parts = []
    for by in ([s.YEAR, *KEYS], [s.YEAR, s.SPECIALTY, *KEYS]):
        g = known.groupby(by, observed=True)[[s.COST_DKK, s.VISITS]].sum().reset_index()
        g = g[g[s.VISITS] >= min_visits]
        if s.SPECIALTY not in by:
            g[s.SPECIALTY] = ALL_SPECIALTIES
        parts.append(g)
    out = pd.concat(parts, ignore_index=True).rename(columns={s.SPECIALTY: SPECIALTY})
    out[DKK] = out[s.COST_DKK] / out[s.VISITS]
    out[s.YEAR] = out[s.YEAR].astype(int)
    out[s.VISITS] = out[s.VISITS].astype(int)
    out["source"] = OWN
    return out[PRICE_COLUMNS].sort_values([s.YEAR, SPECIALTY, *KEYS], ignore_index=True)


def prices(activity: pd.DataFrame, tariffs: pd.DataFrame, min_visits: int = MIN_VISITS) -> pd.DataFrame:
    """The run's price table: own_prices(activity) (with their year) followed by the tariff
    table (year empty: every year; source "tariff"). See the module docstring for the order."""
    own = own_prices(activity, min_visits)
    tab = tariffs[[SPECIALTY, *KEYS, DKK]].assign(**{s.YEAR: pd.NA, s.VISITS: pd.NA, "source": TARIFF})
    parts = [own.astype({s.YEAR: object, s.VISITS: object})] if not own.empty else []
    out = pd.concat([*parts, tab[PRICE_COLUMNS]], ignore_index=True)
    return out.astype({DKK: float})


def _lookup(df: pd.DataFrame, table: pd.DataFrame, contact_mode: str | None = None) -> tuple[pd.Series, pd.Series]:
    """(DKK per visit, source) for each row of `df` from a price or tariff table, at the first
    level that has a price: (year, specialty), (year, all), (specialty), (all)."""
    dated = s.YEAR in table
    found: dict[tuple, tuple[float, str]] = {}  # (year or None, specialty or "", visit type, mode) -> price
    years = table[s.YEAR] if dated else pd.Series(pd.NA, index=table.index)
    sources = table["source"] if "source" in table else pd.Series(TARIFF, index=table.index)
    for y, sp, vt, mode, dkk, src in zip(years, table[SPECIALTY], table[s.VISIT_TYPE], table[s.CONTACT_MODE],
                                         table[DKK], sources):
        found[(None if pd.isna(y) else int(y), sp, vt, mode)] = (float(dkk), src)  # a later row wins
    n = len(df)
    row_years = df[s.YEAR].to_numpy(dtype=int).tolist() if s.YEAR in df and dated else [None] * n
    modes = [contact_mode] * n if contact_mode is not None else df[s.CONTACT_MODE].to_numpy(dtype=object)
    price, source = np.full(n, np.nan), np.full(n, None, dtype=object)
    # a row's price worked out once per distinct (year, specialty, visit type, mode): a month x
    # series frame repeats a few hundred of them tens of thousands of times
    resolved: dict[tuple, tuple[float, str] | None] = {}
    for i, row in enumerate(zip(row_years, df[s.SPECIALTY].to_numpy(dtype=object),
                                df[s.VISIT_TYPE].to_numpy(dtype=object), modes)):
        if row not in resolved:
            y, sp, vt, mode = row
            resolved[row] = next((found[key] for key in ((y, sp, vt, mode), (y, ALL_SPECIALTIES, vt, mode),
                                                         (None, sp, vt, mode), (None, ALL_SPECIALTIES, vt, mode))
                                  if key in found), None)
        hit = resolved[row]
        if hit is not None:
            price[i], source[i] = hit
    return pd.Series(price, index=df.index), pd.Series(source, index=df.index)


def unit_price(df: pd.DataFrame, tariffs: pd.DataFrame, contact_mode: str | None = None) -> pd.Series:
    """DKK per visit for each row of `df` (specialty, visit_type, contact_mode, and year if the
    table has own prices) from a price table (`prices`) or a plain tariff table: see the module
    docstring for the order. `contact_mode` prices every row as if it were that mode (e.g. the
    cost of the substitute)."""
    return _lookup(df, tariffs, contact_mode)[0]


def price_source(df: pd.DataFrame, table: pd.DataFrame, contact_mode: str | None = None) -> pd.Series:
    """Where each row's unit_price comes from: "own" (the input's value column) or "tariff"."""
    return _lookup(df, table, contact_mode)[1]


def price(activity: pd.DataFrame, table: pd.DataFrame) -> pd.DataFrame:
    """`activity` with value_dkk = visits x unit_price (DKK) and price_source (own / tariff)."""
    unit, source = _lookup(activity, table)
    return activity.assign(**{VALUE_DKK: activity[s.VISITS] * unit, SOURCE: source})


def source_shares(priced: pd.DataFrame) -> dict[str, float]:
    """Share of the visits of `priced` (price's output) priced by own prices and by the tariff
    table: {"own": x, "tariff": 1 - x}."""
    visits = priced[s.VISITS].astype(float)
    total = visits.sum()
    own = visits[priced[SOURCE] == OWN].sum() / total if total > 0 else 0.0
    return {OWN: float(own), TARIFF: float(1 - own) if total > 0 else 0.0}


def prices_used(priced: pd.DataFrame) -> str:
    """Which prices `priced` (price's output) used: "own" (all visits), "tariff" (none) or "mixed"."""
    own = source_shares(priced)[OWN]
    return OWN if own >= 1 - 1e-12 else TARIFF if own <= 1e-12 else "mixed"


def price_sentence(priced: pd.DataFrame, lang: str, tariff_file: str | os.PathLike[str] | None = "",
                   min_visits: int = MIN_VISITS) -> str:
    """One sentence for a report saying which prices its DKK figures use (own prices from the
    extract / the tariff table / mixed, with the shares of visits)."""
    table = L.t("prices_table_default" if reference.is_default("tariffs", tariff_file) else "prices_table_file", lang)
    kind = prices_used(priced)
    shares = source_shares(priced)
    return L.t(f"prices_used_{kind}", lang, table=table, min_visits=L.number(min_visits, lang),
               own=L.percent(shares[OWN], lang, 0), tariff=L.percent(shares[TARIFF], lang, 0))


def price_table(activity: pd.DataFrame, tariff_file: str | os.PathLike[str] | None = "",
                min_visits: int = MIN_VISITS, by_specialty: bool = True) -> pd.DataFrame:
    """The own prices a run derives from its input's value column (in `activity`, the aggregates'
    activity table), for the data-quality report:
    year, specialty ("all_specialties" for the price over all of them), visit type, contact
    mode, visits behind the price, the own price (DKK per visit) and the tariff table's price for
    the same cell. Empty (same columns) when the input gives no own prices. `by_specialty=False`
    keeps only the prices over all specialties (a table short enough for a report page)."""
    own = own_prices(activity, min_visits)
    cols = [s.YEAR, s.SPECIALTY, s.VISIT_TYPE, s.CONTACT_MODE, s.VISITS, DKK, TARIFF_DKK]
    if own.empty:
        return pd.DataFrame(columns=cols)
    tariff = load_tariffs(reference.locate("tariffs", tariff_file))
    rows = own.rename(columns={SPECIALTY: s.SPECIALTY})
    rows[TARIFF_DKK] = unit_price(rows.drop(columns=[s.YEAR]), tariff).to_numpy()
    if not by_specialty:
        rows = rows[rows[s.SPECIALTY] == ALL_SPECIALTIES]
    rows[s.SPECIALTY] = rows[s.SPECIALTY].replace({ALL_SPECIALTIES: "all_specialties"})
    return rows[cols].reset_index(drop=True)
