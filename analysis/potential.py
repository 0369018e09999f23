"""Reduction potential: visits above a benchmark of the case-mix adjusted rate.

For each hospital x specialty (x visit type), O is the observed visits and E the visits
expected at the region's rates for its case mix (standardise.indirect); the benchmark is a
ratio b of observed to expected chosen among the specialty's hospitals, and the potential is
max(0, O - b E): only visits above the benchmark count. Benchmarks:
  "median"        the typical hospital
  "mean"          the regional rate itself (b = 1)
  "best_quartile" the 25th percentile of the hospitals' ratios
  "best_k"        the mean ratio of the k lowest (NHS RightCare's "best 5 of 10" idea, with the
                  specialty's hospitals as the peers)
  a number        a fixed target ratio (e.g. 0.9)
and, for follow-ups, a guideline table of recommended follow-ups per patient per year by
specialty (against_guideline; data/reference/guidelines.csv, user-editable).
"""
from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd

from . import schema as s
from .aggregate import Aggregates
from . import config
from .standardise import EXPECTED, OBSERVED
from .variation import rates

GUIDELINES = config.REFERENCE_DIR / "guidelines.csv"

NAMED = ("median", "mean", "best_quartile", "best_k")


def parse_benchmark(text: str | float) -> str | float:
    """A benchmark parameter as given by a user: a name, or a number such as "0.9"."""
    if isinstance(text, (int, float)):
        return float(text)
    if text in (*NAMED, "guideline"):
        return text
    try:
        return float(str(text).replace(",", "."))
    except ValueError:
        raise ValueError(f"benchmark must be one of {(*NAMED, 'guideline')} or a ratio such as 0.9, "
                         f"not {text!r}") from None


def benchmark_ratio(ratios: pd.Series, benchmark: str | float, k: int = 5) -> float:
    """The benchmark ratio among one specialty's hospitals (see the module docstring)."""
    r = ratios.dropna()
    if r.empty:
        return float("nan")
    if isinstance(benchmark, (int, float)) and not isinstance(benchmark, bool):
        if benchmark <= 0:
            raise ValueError("a fixed benchmark ratio must be positive")
        return float(benchmark)
    if benchmark == "median":
        return float(r.median())
    if benchmark == "mean":
        return 1.0
    if benchmark == "best_quartile":
        return float(np.quantile(r, 0.25))
    if benchmark == "best_k":
        return float(r.nsmallest(k).mean())
    raise ValueError(f"benchmark must be one of {NAMED} or a number, not {benchmark!r}")


def above_benchmark(table: pd.DataFrame, benchmark: str | float, k: int = 5) -> pd.DataFrame:
    """`table` (specialty, hospital, observed, expected, ratio, ...) with benchmark_ratio and
    potential = max(0, observed - benchmark_ratio x expected), in visits."""
    out = table.copy()
    b = out.groupby(s.SPECIALTY, observed=True)["ratio"].transform(lambda r: benchmark_ratio(r, benchmark, k))
    out["benchmark_ratio"] = b
    out["potential"] = np.maximum(0.0, out[OBSERVED] - b * out[EXPECTED]).fillna(0.0)
    return out


def visit_type_rates(agg: Aggregates, year: int, strata: list[str], sector: str = "somatic") -> pd.DataFrame:
    """Each visit type's visits per patient per hospital x specialty, case-mix adjusted
    (variation.rates), stacked with a visit_type column."""
    return pd.concat([rates(agg, "visits_per_patient", year, strata, sector, visit_type=vt).assign(**{s.VISIT_TYPE: vt})
                      for vt in s.VISIT_TYPES], ignore_index=True)


def excess(rates_by_type: pd.DataFrame, benchmark: str | float = "median", k: int = 5) -> pd.DataFrame:
    """above_benchmark within each visit type (benchmarks are set per specialty and visit type)."""
    if rates_by_type.empty:
        return pd.DataFrame(columns=[s.HOSPITAL, s.SPECIALTY, s.VISIT_TYPE, "potential"])
    return pd.concat([above_benchmark(g, benchmark, k) for _, g in rates_by_type.groupby(s.VISIT_TYPE, sort=False)],
                     ignore_index=True)


def by_visit_type(agg: Aggregates, year: int, strata: list[str], benchmark: str | float = "median",
                  sector: str = "somatic", k: int = 5) -> pd.DataFrame:
    """Potential per hospital x specialty x visit type: each visit type's visits per patient,
    case-mix adjusted, against the benchmark among the specialty's hospitals."""
    return excess(visit_type_rates(agg, year, strata, sector), benchmark, k)


def load_guidelines(path: Path | None = None) -> pd.DataFrame:
    """Recommended follow-ups per patient per year by specialty (a user-editable CSV)."""
    df = pd.read_csv(path or GUIDELINES, comment="#")
    missing = {s.SPECIALTY, "follow_ups_per_patient"} - set(df.columns)
    if missing:
        raise ValueError(f"the guideline table needs the columns {sorted(missing)}")
    if (df["follow_ups_per_patient"] < 0).any() or df[s.SPECIALTY].duplicated().any():
        raise ValueError("guideline values must be non-negative, one row per specialty")
    return df


def against_guideline(agg: Aggregates, year: int, guidelines: pd.DataFrame, sector: str = "somatic") -> pd.DataFrame:
    """Follow-ups above the guideline per hospital x specialty: max(0, follow-ups - guideline x
    patients), for the specialties the table covers. Crude: a clinical recommendation per
    patient is not case-mix adjusted. Rows have visit_type 'follow_up', as above_benchmark's."""
    units = agg.units
    if units.empty:
        raise ValueError("the guideline benchmark needs distinct patients per unit (visit-level data)")
    units = units[(units[s.YEAR] == year) & (units[s.SECTOR] == sector)]
    fu = agg.activity[(agg.activity[s.YEAR] == year) & (agg.activity[s.VISIT_TYPE] == "follow_up")]
    fu = fu.groupby([s.HOSPITAL, s.SPECIALTY], observed=True)[s.VISITS].sum().rename(OBSERVED)
    out = units.merge(fu.reset_index(), on=[s.HOSPITAL, s.SPECIALTY], how="left").merge(
        guidelines[[s.SPECIALTY, "follow_ups_per_patient"]], on=s.SPECIALTY)
    out[OBSERVED] = out[OBSERVED].fillna(0)
    out["guideline"] = out["follow_ups_per_patient"] * out[s.PATIENTS]
    out["potential"] = np.maximum(0.0, out[OBSERVED] - out["guideline"])
    return out[[s.HOSPITAL, s.SPECIALTY, OBSERVED, s.PATIENTS, "guideline", "potential"]].assign(
        **{s.VISIT_TYPE: "follow_up"})
