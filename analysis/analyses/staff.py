"""Avoided visits as full-time equivalents (FTE) by staff group, next to natural attrition.

Minutes per visit come from a table (data/reference/staff_time.csv, illustrative) by visit type
and contact mode. A visit that moves to another form still takes that form's minutes; a visit
shifted to a nurse takes the nurses' in-person minutes; a dropped or externally shifted visit
frees all its minutes. The budget decision expects positions to go mostly through natural
attrition, so the freed FTEs are compared with the positions that attrition frees in a year.
"""
from __future__ import annotations

import os

import pandas as pd

from analysis.analyses.scenarios import LEVER_MODE, Scenario
from analysis.base import schema as s
from analysis.base.problems import InputError, Problem
from analysis.inputs import reference

STAFF_TIME = reference.DEFAULTS["staff_time"]
GROUPS = ("doctors", "nurses", "secretaries")
MINUTES_PER_FTE = 1_600 * 60  # productive hours a year of one full-time position (assumption)
# FTE are stated to a tenth (160 hours a year): the minutes per visit are not more precise
FTE_DIGITS = 1


def load_staff_time(path: str | os.PathLike[str] | None = None) -> pd.DataFrame:
    """Minutes per visit, indexed by visit type x contact mode, one column per staff group (a
    user-editable CSV; empty path: the shipped illustrative one). Raises InputError on a bad table."""
    df = reference.read_table("staff_time", path, (s.VISIT_TYPE, s.CONTACT_MODE, *GROUPS))
    name = reference.locate("staff_time", path).name
    problems = []
    for g in GROUPS:
        df[g], found = reference.numbers(df, g, name)
        problems += found
    missing = {(v, m) for v in s.VISIT_TYPES for m in s.CONTACT_MODES} - set(
        map(tuple, df[[s.VISIT_TYPE, s.CONTACT_MODE]].to_numpy()))
    if missing:
        problems.append(Problem(name, s.VISIT_TYPE, "no minutes for " + ", ".join(
            f"{v}/{m}" for v, m in sorted(missing)), "add a row for each visit type x contact mode"))
    if problems:
        raise InputError(problems)
    return df.set_index([s.VISIT_TYPE, s.CONTACT_MODE])[list(GROUPS)]


def fte_freed(effects: pd.DataFrame, scenarios: list[Scenario], minutes: pd.DataFrame,
              minutes_per_fte: float = MINUTES_PER_FTE) -> pd.DataFrame:
    """FTE freed per scenario and staff group: visits changed x (minutes of the visit now minus
    minutes of what replaces it) / minutes per FTE."""
    by_name = {sc.name: sc for sc in scenarios}
    rows = []
    for _, e in effects.iterrows():
        sc = by_name[e["scenario"]]
        before = minutes.loc[(e[s.VISIT_TYPE], e[s.CONTACT_MODE])]
        after = pd.Series(0.0, index=list(GROUPS))
        if sc.lever in LEVER_MODE:
            after = minutes.loc[(e[s.VISIT_TYPE], LEVER_MODE[sc.lever])]
        elif sc.lever == "relocate":  # the same visit at another hospital of the region
            after = before
        elif sc.lever == "shift" and sc.staff_group in GROUPS:
            after[sc.staff_group] = minutes.loc[(e[s.VISIT_TYPE], "in_person"), list(GROUPS)].sum()
        rows.append({"scenario": sc.name, **(e["visits_changed"] * (before - after) / minutes_per_fte).to_dict()})
    out = pd.DataFrame(rows, columns=["scenario", *GROUPS])
    return out.groupby("scenario", sort=False)[list(GROUPS)].sum().reset_index()


def fte_in_use(activity: pd.DataFrame, minutes: pd.DataFrame, minutes_per_fte: float = MINUTES_PER_FTE) -> pd.Series:
    """FTE by staff group that the year's outpatient visits take (the base attrition acts on)."""
    m = minutes.reindex(pd.MultiIndex.from_frame(activity[[s.VISIT_TYPE, s.CONTACT_MODE]])).to_numpy()
    return pd.Series((m * activity[[s.VISITS]].to_numpy()).sum(axis=0) / minutes_per_fte, index=list(GROUPS))


def against_attrition(freed: pd.DataFrame, in_use: pd.Series, attrition_rate: float) -> pd.DataFrame:
    """Per staff group: FTE in use, FTE freed, FTE leaving by natural attrition in a year, and the
    freed FTE as a share of that attrition (below 1: attrition alone can absorb it), as
    share_of_attrition states them."""
    if not 0 <= attrition_rate <= 1:
        raise ValueError("the attrition rate must be between 0 and 1")
    total = freed[list(GROUPS)].sum()
    out = pd.DataFrame({"staff_group": list(GROUPS), "fte_in_use": in_use.to_numpy(), "fte_freed": total.to_numpy()})
    out["fte_attrition"] = out["fte_in_use"] * attrition_rate
    return share_of_attrition(out)


def share_of_attrition(table: pd.DataFrame) -> pd.DataFrame:
    """`table` (fte_in_use, fte_freed, fte_attrition) with its FTE rounded to FTE_DIGITS decimals and
    share_of_attrition, fte_freed / fte_attrition, taken of the rounded figures: the share is then
    what a reader gets from the numbers shown (0.6 freed of 0.6 leaving is 100%, never 108%).
    With no attrition as shown (0.0) the share is missing."""
    out = table.copy()
    fte = ["fte_in_use", "fte_freed", "fte_attrition"]
    out[fte] = out[fte].round(FTE_DIGITS) + 0.0  # + 0.0: no -0.0
    out["share_of_attrition"] = out["fte_freed"] / out["fte_attrition"].where(out["fte_attrition"] > 0)
    return out


def fte_changed(visits: pd.DataFrame, minutes: pd.DataFrame, minutes_per_fte: float = MINUTES_PER_FTE) -> pd.Series:
    """FTE by staff group that a change of visits frees: `visits` has visit_type, contact_mode
    and visits (fewer visits positive, more visits negative, e.g. the phone calls that replaced
    in-person visits), each row x its minutes / minutes per FTE."""
    m = minutes.reindex(pd.MultiIndex.from_frame(visits[[s.VISIT_TYPE, s.CONTACT_MODE]])).fillna(0.0).to_numpy()
    return pd.Series((m * visits[[s.VISITS]].to_numpy()).sum(axis=0) / minutes_per_fte, index=list(GROUPS))


def attrition_over(in_use: float, rate: float, years: int) -> float:
    """FTE that natural attrition frees over `years` years from `in_use` FTE at `rate` a year
    (compounded: those who stay can leave the next year)."""
    return in_use * (1 - (1 - rate) ** max(years, 0))
