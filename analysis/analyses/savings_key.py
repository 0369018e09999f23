"""The savings key: a saving target in DKK split between hospitals by their share of activity.

The budget decision splits 60 million DKK a year between the somatic hospitals by a key based
on outpatient activity; psychiatry is reviewed but carries no share. The split is in whole
kroner and sums exactly to the target: largest-remainder (Hamilton) apportionment, written by
hand because it is a few lines and no maintained library offers it for money. The target is a
budget cut, so each share is set against the hospital's potential as budget effect (cash), never
against the tariff value of its avoided visits (budget.py: two kinds of kroner).
"""
from __future__ import annotations

import numpy as np
import pandas as pd

from analysis.base import schema as s

DEFAULT_TARGET_DKK = 60_000_000
BUDGET_DKK, TARIFF_VALUE_DKK = "budget_effect_dkk", "tariff_value_dkk"  # the two kinds of kroner (budget.py)
GAP_DKK = "gap_dkk"  # a hospital's share of the target minus its potential as budget effect
BASES = ("visits", "value_dkk")  # of activity; shares() and compare() also key by estimated potential
KEY_COLUMNS = {"visits": "key_visits", "value_dkk": "key_value", "potential": "key_potential"}  # basis -> compare()


def key_column(basis: str) -> str:
    """The column of compare()'s table that holds the key chosen by the `basis` parameter
    (visits, value_dkk or potential); a clear error for any other basis."""
    if basis not in KEY_COLUMNS:
        raise ValueError(f"basis must be one of {', '.join(KEY_COLUMNS)}, not {basis!r}")
    return KEY_COLUMNS[basis]


def apportion(target: int, weights: pd.Series) -> pd.Series:
    """Whole kroner per item, proportional to `weights`, summing exactly to `target`.

    Each item gets the whole part of its exact share; the kroner left over go one each to the
    items with the largest fractional parts (ties: the larger weight, then the index order).
    """
    if int(target) != target or target < 0:
        raise ValueError("the target must be a whole, non-negative number of kroner")
    w = weights.astype(float)
    if (w < 0).any() or not np.isfinite(w).all():
        raise ValueError("weights must be finite and non-negative")
    if w.sum() <= 0:
        raise ValueError("the weights sum to zero: there is no activity to split the target by")
    exact = w / w.sum() * int(target)
    whole = np.floor(exact).astype(np.int64)
    left = int(target) - int(whole.sum())
    order = pd.DataFrame({"frac": exact - whole, "w": w, "pos": range(len(w))}, index=w.index)
    order = order.sort_values(["frac", "w", "pos"], ascending=[False, False, True])
    whole.loc[order.index[:left]] += 1
    return whole


def in_key(activity: pd.DataFrame, year: int, sectors: tuple[str, ...] = ("somatic",),
           hospitals: list[str] | None = None) -> pd.DataFrame:
    """The activity rows a key is set by: `year`, the hospitals of `sectors` and, if given, only
    `hospitals`. A clear error for a named hospital without such activity, or none at all."""
    df = activity[(activity[s.YEAR] == year) & activity[s.SECTOR].isin(sectors)]
    if hospitals:
        unknown = sorted(set(hospitals) - set(df[s.HOSPITAL]))
        if unknown:
            raise ValueError(f"no {'/'.join(sectors)} activity in {year} for: {', '.join(unknown)}")
        df = df[df[s.HOSPITAL].isin(hospitals)]
    if df.empty:
        raise ValueError(f"no {'/'.join(sectors)} activity in {year}")
    return df


def key(activity: pd.DataFrame, year: int, basis: str = "visits", target: int = DEFAULT_TARGET_DKK,
        sectors: tuple[str, ...] = ("somatic",), hospitals: list[str] | None = None) -> pd.DataFrame:
    """Each hospital's share of the target for one year: hospital, basis (visits or DKK value),
    share, amount_dkk (whole kroner, summing exactly to `target`). Only hospitals in `sectors`
    (default: somatic; psychiatry carries no share) and, if given, in `hospitals` take part."""
    if basis not in BASES:
        raise ValueError(f"basis must be one of {BASES}, not {basis!r}")
    df = in_key(activity, year, sectors, hospitals)
    w = df.groupby(s.HOSPITAL, observed=True)[basis].sum().sort_values(ascending=False)
    amount = apportion(target, w)
    return pd.DataFrame({s.HOSPITAL: w.index, basis: w.to_numpy(), "share": (w / w.sum()).to_numpy(),
                         "amount_dkk": amount.to_numpy()})


def shares(activity: pd.DataFrame, year: int, basis: str, target: int, sectors: tuple[str, ...] = ("somatic",),
           hospitals: list[str] | None = None, potential: pd.Series | None = None) -> pd.Series:
    """Each hospital's share of `target` (whole kroner summing exactly to it, by hospital) by the
    key `basis`: the visits or DKK value (value_dkk) of `year`'s activity (key), or potential: the
    change ideas' budget effect at each hospital (`potential`, DKK a year by hospital, e.g.
    reduction.potential_by_hospital; a hospital whose ideas add cost counts as 0). The hospitals
    are key's: those of `sectors` with activity in `year` (and in `hospitals`, if given)."""
    key_column(basis)  # refuses an unknown basis
    if basis in BASES:
        return key(activity, year, basis, target, sectors, hospitals).set_index(s.HOSPITAL)["amount_dkk"]
    inside = key(activity, year, "visits", target, sectors, hospitals)[s.HOSPITAL]
    if potential is None:
        raise ValueError("the key by potential needs each hospital's potential (its budget effect)")
    pot = potential.reindex(inside).fillna(0.0).clip(lower=0)
    if not (pot > 0).any():
        raise ValueError("no hospital's change ideas free any budget, so the key by potential cannot split the "
                         "requirement; use basis visits or value_dkk")
    return apportion(target, pot)


def compare(activity: pd.DataFrame, budget_effect: pd.Series, year: int, basis: str = "visits",
            target: int = DEFAULT_TARGET_DKK, sectors: tuple[str, ...] = ("somatic",),
            hospitals: list[str] | None = None, tariff_value: pd.Series | None = None) -> pd.DataFrame:
    """The keys side by side, since the choice of key is debated: each hospital's share of the
    target by visit count, by DKK value and by estimated potential, its estimated potential as
    budget effect (budget_effect_dkk: the cash the change ideas free at the hospital, a Series by
    hospital), and the gap between the chosen key (`basis`) and that budget effect (gap_dkk;
    positive: the hospital must find more than the estimate shows). The target is a budget cut,
    so the key by potential splits it by the budget effect too. `tariff_value` (by hospital), the
    same changes at the tariff, is shown beside as tariff_value_dkk where given: capacity freed,
    not cash. `activity` needs value_dkk (priced, e.g. pipeline.Prepared.priced, so the value key
    uses the run's prices)."""
    chosen = key_column(basis)
    by_count = key(activity, year, "visits", target, sectors, hospitals).set_index(s.HOSPITAL)
    by_value = key(activity, year, "value_dkk", target, sectors, hospitals).set_index(s.HOSPITAL)
    pot = budget_effect.reindex(by_count.index).fillna(0.0)
    by_potential = (shares(activity, year, "potential", target, sectors, hospitals, pot) if (pot > 0).any()
                    else pd.Series(0, index=pot.index))  # shown as none where no idea frees any budget
    out = pd.DataFrame({
        "key_visits": by_count["amount_dkk"], "key_value": by_value["amount_dkk"], "key_potential": by_potential,
        BUDGET_DKK: pot,
    })
    out[GAP_DKK] = out[chosen] - out[BUDGET_DKK]
    if tariff_value is not None:
        out[TARIFF_VALUE_DKK] = tariff_value.reindex(by_count.index).fillna(0.0)
    return out.reset_index().rename(columns={"index": s.HOSPITAL})


def options(keys: pd.DataFrame) -> pd.DataFrame:
    """The key options side by side (compare()'s table): per hospital its share of the
    requirement by each key (DKK a year) and the spread between the largest and the smallest, the
    hospital the choice moves most first."""
    cols = list(KEY_COLUMNS.values())
    out = keys[[s.HOSPITAL, *cols]].copy()
    out["spread"] = out[cols].max(axis=1) - out[cols].min(axis=1)
    return out.sort_values("spread", ascending=False, kind="stable", ignore_index=True)


def fact(shares: pd.Series, year: int, basis: str, target: int) -> tuple[str, dict]:
    """A key's shares as a page states them for the run's check that the pages reconcile
    (identities.py): whole kroner by hospital, with the year, basis and target it was made of."""
    return "key", {"year": int(year), "basis": basis, "target": int(target),
                   "shares": {str(h): int(v) for h, v in shares.items()}}
