"""Activity overview: volumes, mixes, trends, visits per patient and how concentrated visits are.

Pure functions over the aggregates (aggregate.Aggregates); units are visits and patients
unless a name says otherwise.
"""
from __future__ import annotations

import numpy as np
import pandas as pd

from analysis.base import schema as s
from analysis.engine.aggregate import SCOPE, VISITS_PER_PATIENT


def volume(activity: pd.DataFrame, by: list[str], year: int | None = None, value: str = s.VISITS) -> pd.DataFrame:
    """Visits (or another additive column) by `by`, largest first, with each row's share of the total."""
    df = activity if year is None else activity[activity[s.YEAR] == year]
    out = df.groupby(by, observed=True)[value].sum().reset_index()
    total = out[value].sum()
    out["share"] = out[value] / total if total else np.nan
    return out.sort_values(value, ascending=False, kind="stable").reset_index(drop=True)


def crosstab(activity: pd.DataFrame, rows: str, columns: str, year: int | None = None,
             order: tuple[str, ...] | None = None) -> pd.DataFrame:
    """Visits with `rows` down and `columns` across (missing combinations are 0), rows by size."""
    df = activity if year is None else activity[activity[s.YEAR] == year]
    out = df.pivot_table(index=rows, columns=columns, values=s.VISITS, aggfunc="sum", fill_value=0, observed=True)
    if order:
        out = out.reindex(columns=[c for c in order if c in out.columns] + [c for c in out.columns if c not in order],
                          fill_value=0)
    out = out.loc[out.sum(axis=1).sort_values(ascending=False).index]
    out.columns.name = None
    return out


def trend(activity: pd.DataFrame, by: str | None = None) -> pd.DataFrame:
    """Visits per year (rows) by `by` (columns; a single 'total' column if None)."""
    if by is None:
        return activity.groupby(s.YEAR)[s.VISITS].sum().to_frame("total")
    out = activity.pivot_table(index=s.YEAR, columns=by, values=s.VISITS, aggfunc="sum", fill_value=0, observed=True)
    out.columns.name = None
    return out


def change(activity: pd.DataFrame, by: list[str], first: int, last: int) -> pd.DataFrame:
    """Visits in `first` and `last` year by `by`, with the change in visits and in percent."""
    df = activity[activity[s.YEAR].isin([first, last])]
    out = df.pivot_table(index=by, columns=s.YEAR, values=s.VISITS, aggfunc="sum", fill_value=0, observed=True)
    out = out.reindex(columns=[first, last], fill_value=0)
    out.columns = [str(first), str(last)]
    out["change"] = out[str(last)] - out[str(first)]
    out["change_pct"] = out["change"] / out[str(first)].replace(0, np.nan)
    return out.reset_index()


def shares_over_time(activity: pd.DataFrame, category: str) -> pd.DataFrame:
    """Each category's share of the year's visits (years down, categories across)."""
    t = trend(activity, category)
    return t.div(t.sum(axis=1), axis=0)


def visits_per_patient(units: pd.DataFrame, by: list[str], year: int) -> pd.DataFrame:
    """Visits, distinct patients and visits per patient by `by` for one year.

    `units` must have distinct patients at exactly the `by` grain (e.g. aggregates.hospitals for
    hospital x sector): distinct patients cannot be added across units.
    """
    df = units[units[s.YEAR] == year]
    out = df.groupby(by, observed=True)[[s.VISITS, s.PATIENTS]].sum().reset_index()
    out[VISITS_PER_PATIENT] = out[s.VISITS] / out[s.PATIENTS].replace(0, np.nan)
    return out.sort_values(VISITS_PER_PATIENT, ascending=False).reset_index(drop=True)


def concentration_curve(patient_visits: pd.DataFrame, year: int, scope: str = "all") -> pd.DataFrame:
    """Lorenz-type curve: patients ordered by visits (most first), cumulative share of patients
    against cumulative share of visits, one point per visit count."""
    df = patient_visits[(patient_visits[s.YEAR] == year) & (patient_visits[SCOPE] == scope)]
    df = df.sort_values(VISITS_PER_PATIENT, ascending=False)
    visits = df[VISITS_PER_PATIENT] * df[s.PATIENTS]
    out = pd.DataFrame({
        "patient_share": df[s.PATIENTS].cumsum() / df[s.PATIENTS].sum(),
        "visit_share": visits.cumsum() / visits.sum(),
    })
    return pd.concat([pd.DataFrame({"patient_share": [0.0], "visit_share": [0.0]}), out], ignore_index=True)


def scopes_present(patient_visits: pd.DataFrame, year: int) -> list[str]:
    """The scopes of the visits-per-patient histogram ("all", then "somatic", "psychiatry") that
    have patients in `year`: a sector the data lack gets no row or curve."""
    df = patient_visits[(patient_visits[s.YEAR] == year) & (patient_visits[s.PATIENTS] > 0)]
    return [sc for sc in ("all", "somatic", "psychiatry") if (df[SCOPE] == sc).any()]


def concentration(patient_visits: pd.DataFrame, year: int, fractions: tuple[float, ...] = (0.05, 0.10)
                  ) -> pd.DataFrame:
    """The share of visits the `fractions` of patients with most visits use (top_share), per
    scope present in `year`: scope, top_share, their_share."""
    return pd.DataFrame([{"scope": sc, "top_share": f, "their_share": top_share(patient_visits, year, f, sc)}
                         for sc in scopes_present(patient_visits, year) for f in fractions],
                        columns=["scope", "top_share", "their_share"])


def top_share(patient_visits: pd.DataFrame, year: int, fraction: float, scope: str = "all") -> float:
    """Share of all visits used by the `fraction` (e.g. 0.05) of patients with most visits.

    From the histogram of visits per patient; where the cut falls inside a group of patients
    with the same number of visits, that group counts in proportion (linear interpolation).
    """
    if not 0 < fraction <= 1:
        raise ValueError("fraction must be in (0, 1]")
    df = patient_visits[(patient_visits[s.YEAR] == year) & (patient_visits[SCOPE] == scope)]
    df = df.sort_values(VISITS_PER_PATIENT, ascending=False)
    k = df[VISITS_PER_PATIENT].to_numpy(dtype=float)
    n = df[s.PATIENTS].to_numpy(dtype=float)
    if n.sum() == 0:
        return float("nan")
    quota = fraction * n.sum()
    taken = np.minimum(n, np.maximum(quota - (np.cumsum(n) - n), 0))
    return float((taken * k).sum() / (n * k).sum())


def key_figures(activity: pd.DataFrame, patient_visits: pd.DataFrame, year: int) -> dict[str, float]:
    """Headline numbers for one year: visits (all, somatic, psychiatry), distinct patients,
    visits per patient, follow-up share, in-person share, and the change in visits from the
    year before (NaN when that year is not in the data). Patients are NaN when the input
    has no patient level."""
    y = activity[activity[s.YEAR] == year]
    visits = float(y[s.VISITS].sum())
    by_sector = y.groupby(s.SECTOR, observed=True)[s.VISITS].sum()
    prev = float(activity.loc[activity[s.YEAR] == year - 1, s.VISITS].sum())
    pv = patient_visits
    patients = float("nan")
    if not pv.empty:
        pv = pv[(pv[s.YEAR] == year) & (pv[SCOPE] == "all")]
        patients = float(pv[s.PATIENTS].sum()) if len(pv) else float("nan")
    return {
        "visits": visits,
        "visits_somatic": float(by_sector.get("somatic", 0)),
        "visits_psychiatry": float(by_sector.get("psychiatry", 0)),
        "patients": patients,
        "visits_per_patient": visits / patients if patients else float("nan"),
        "follow_up_share": float(y.loc[y[s.VISIT_TYPE] == "follow_up", s.VISITS].sum()) / visits
        if visits else float("nan"),
        "in_person_share": float(y.loc[y[s.CONTACT_MODE] == "in_person", s.VISITS].sum()) / visits
        if visits else float("nan"),
        "change_pct": (visits - prev) / prev if prev else float("nan"),
    }


def mix_against_region(activity: pd.DataFrame, hospital: str, year: int, category: str) -> pd.DataFrame:
    """One hospital's mix over `category` (visit type, contact mode) next to its sector's: the
    share of the hospital's visits and of all the sector's visits in each category."""
    y = activity[activity[s.YEAR] == year]
    own = y[y[s.HOSPITAL] == hospital]
    if own.empty:
        raise ValueError(f"no visits for {hospital!r} in {year}")
    sector = y[y[s.SECTOR].isin(own[s.SECTOR].unique())]
    h = own.groupby(category, observed=True)[s.VISITS].sum()
    r = sector.groupby(category, observed=True)[s.VISITS].sum()
    out = pd.DataFrame({s.VISITS: h, "share": h / h.sum(), "region_share": r / r.sum()}).fillna(0)
    out[s.VISITS] = out[s.VISITS].astype(int)
    return out.reset_index()
