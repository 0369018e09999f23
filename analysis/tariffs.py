"""Visits to kroner: a tariff table (DKK per visit by visit type x contact mode, with specialty
overrides), as the Danish DAGS outpatient tariffs price visits. The shipped table
(data/reference/tariffs.csv) is illustrative and says so."""
from __future__ import annotations

from pathlib import Path

import pandas as pd

from . import config
from . import schema as s
from .ingest import InputError, Problem

DKK = "dkk"
VALUE_DKK = "value_dkk"


def load_tariffs(path: Path | None = None) -> pd.DataFrame:
    """Read and check a tariff table: every visit type x contact mode needs a general price."""
    path = Path(path or config.TARIFFS)
    df = pd.read_csv(path, comment="#", dtype={"specialty": object})
    df["specialty"] = df["specialty"].fillna("").astype(str).str.strip()
    problems = []
    missing = {(v, m) for v in s.VISIT_TYPES for m in s.CONTACT_MODES} - set(
        map(tuple, df.loc[df["specialty"] == "", [s.VISIT_TYPE, s.CONTACT_MODE]].to_numpy()))
    if missing:
        problems.append(Problem(path.name, "dkk", "no general price for " + ", ".join(
            f"{v}/{m}" for v, m in sorted(missing)), "add a row with an empty specialty for each"))
    bad = pd.to_numeric(df[DKK], errors="coerce")
    if (bad.isna() | (bad < 0)).any():
        rows = (df.index[bad.isna() | (bad < 0)] + 1).tolist()
        problems.append(Problem(path.name, DKK, "prices must be non-negative numbers",
                                "correct the prices", rows[:5], len(rows)))
    if problems:
        raise InputError(problems)
    return df.assign(**{DKK: bad})


def unit_price(df: pd.DataFrame, tariffs: pd.DataFrame, contact_mode: str | None = None) -> pd.Series:
    """DKK per visit for each row of `df` (specialty, visit_type, contact_mode): the
    specialty-specific price where the table has one, else the general price. `contact_mode`
    prices every row as if it were that mode (e.g. the cost of the substitute)."""
    keys = [s.VISIT_TYPE, s.CONTACT_MODE]
    rows = df[[s.SPECIALTY, s.VISIT_TYPE, s.CONTACT_MODE]].copy()
    if contact_mode is not None:
        rows[s.CONTACT_MODE] = contact_mode
    general = tariffs[tariffs["specialty"] == ""].set_index(keys)[DKK]
    special = tariffs[tariffs["specialty"] != ""].set_index(["specialty", *keys])[DKK]
    idx_g = pd.MultiIndex.from_frame(rows[keys])
    idx_s = pd.MultiIndex.from_frame(rows.rename(columns={s.SPECIALTY: "specialty"})[["specialty", *keys]])
    unit = pd.Series(special.reindex(idx_s).to_numpy(), index=df.index)
    return unit.fillna(pd.Series(general.reindex(idx_g).to_numpy(), index=df.index))


def price(activity: pd.DataFrame, tariffs: pd.DataFrame) -> pd.DataFrame:
    """`activity` with value_dkk: the extract's own cost where every visit in the cell had one,
    otherwise visits x tariff (see unit_price)."""
    tariff_value = activity[s.VISITS] * unit_price(activity, tariffs)
    own = activity[s.COST_DKK] if s.COST_DKK in activity else pd.Series(float("nan"), index=activity.index)
    return activity.assign(**{VALUE_DKK: own.fillna(tariff_value)})
