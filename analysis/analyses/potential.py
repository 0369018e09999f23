"""Reduction potential: visits above a benchmark of the case-mix adjusted rate.

For each hospital x specialty (x visit type), O is the observed visits and E the visits
expected at the region's rates for its case mix (standardise.indirect); the benchmark is a
ratio b of observed to expected chosen among the specialty's hospitals, and the potential is
max(0, O - b E): only visits above the benchmark count. Benchmarks:
  "median"        the typical hospital
  "mean"          the regional rate itself (b = 1)
  "best_quartile" the 25th percentile of the hospitals' ratios
  "best_k"        the mean ratio of the k lowest (NHS RightCare's "best 5 of 10" idea, with the
                  specialty's hospitals as the peers). By default k is the best quarter of the
                  peers, at least 2 (default_k): RightCare's 5 of 10 peers is half, but with the 3-6
                  hospitals of a specialty a fixed 5 would be the mean of all of them, looser than
                  the median. A k as large as the number of peers is the plain mean of the peers
                  (k_covers_all lists where that happens, for a warning in the report).
  a number        a fixed target ratio (e.g. 0.9)
and, for follow-ups, a guideline table of recommended follow-ups per patient per year by
specialty (against_guideline; data/reference/guidelines.csv, user-editable).
"""
from __future__ import annotations

import math
import os

import numpy as np
import pandas as pd

from analysis.analyses.variation import benchmark_inputs
from analysis.base import labels as L
from analysis.base import schema as s
from analysis.base.problems import InputError, Problem
from analysis.engine.aggregate import Aggregates
from analysis.inputs import reference
from analysis.stats.standardise import EXPECTED, OBSERVED

GUIDELINES = reference.DEFAULTS["guidelines"]

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


def default_k(peers: int) -> int:
    """k of the best_k benchmark when none is given: the best quarter of the peers (rounded
    up), at least 2, at most the number of peers."""
    return max(1, min(peers, max(2, math.ceil(peers / 4))))


def effective_k(peers: int, k: int | None = None) -> int:
    """The k used among `peers` hospitals: `k` if given (> 0), else default_k(peers)."""
    return int(k) if k else default_k(peers)


def benchmark_ratio(ratios: pd.Series | np.ndarray, benchmark: str | float, k: int | None = None) -> float:
    """The benchmark ratio among one specialty's hospitals (see the module docstring); `k` for
    best_k, None or 0 for default_k of the hospitals with a ratio. In numpy (the simulation of
    uncertainty.py calls it for every specialty of every draw)."""
    r = np.asarray(ratios, dtype=float)
    r = r[~np.isnan(r)]
    if r.size == 0:
        return float("nan")
    if isinstance(benchmark, (int, float)) and not isinstance(benchmark, bool):
        if benchmark <= 0:
            raise ValueError("a fixed benchmark ratio must be positive")
        return float(benchmark)
    if benchmark == "median":
        return float(np.median(r))
    if benchmark == "mean":
        return 1.0
    if benchmark == "best_quartile":
        return float(np.quantile(r, 0.25))
    if benchmark == "best_k":
        return float(np.sort(r)[:effective_k(r.size, k)].mean())
    raise ValueError(f"benchmark must be one of {NAMED} or a number, not {benchmark!r}")


def above_benchmark(table: pd.DataFrame, benchmark: str | float, k: int | None = None) -> pd.DataFrame:
    """`table` (specialty, hospital, observed, expected, ratio, ...) with benchmark_ratio and
    potential = max(0, observed - benchmark_ratio x expected), in visits."""
    out = table.copy()
    specialty, names = pd.factorize(out[s.SPECIALTY])  # each specialty's rows: its peers
    ratio = out["ratio"].to_numpy(dtype=float)
    of = np.array([benchmark_ratio(ratio[specialty == i], benchmark, k) for i in range(len(names))] + [np.nan])
    b = pd.Series(of[specialty], index=out.index)  # a row without a specialty (-1) has none
    out["benchmark_ratio"] = b
    out["potential"] = np.maximum(0.0, out[OBSERVED] - b * out[EXPECTED]).fillna(0.0)
    return out


def excess(rates_by_type: pd.DataFrame, benchmark: str | float = "median", k: int | None = None) -> pd.DataFrame:
    """above_benchmark within each visit type (benchmarks are set per specialty and visit type)."""
    if rates_by_type.empty:
        return pd.DataFrame(columns=[s.HOSPITAL, s.SPECIALTY, s.VISIT_TYPE, "potential"])
    return pd.concat([above_benchmark(g, benchmark, k) for _, g in rates_by_type.groupby(s.VISIT_TYPE, sort=False)],
                     ignore_index=True)


class ExcessPlan:
    """What excess() works out of a rates table besides its counts: the order of its output rows
    and each visit type x specialty's rows (the peers a benchmark is set among). The simulation of
    uncertainty.py resamples only the counts, so it works this out once and gives each draw's
    observed and ratio to `potential`, which gives excess()'s potential to the last bit."""

    def __init__(self, rates: pd.DataFrame):
        cell = [s.HOSPITAL, s.SPECIALTY, s.VISIT_TYPE]
        table = rates.reset_index(drop=True)
        if table.empty:  # no rates the input can give (a frame without columns, even)
            table = pd.DataFrame(columns=[*cell, OBSERVED, EXPECTED, "ratio"])
        parts = [g.index.to_numpy() for _, g in table.groupby(s.VISIT_TYPE, sort=False)] if len(table) else []
        self.order = np.concatenate(parts) if parts else np.array([], dtype=int)  # excess()'s rows: positions
        ordered = table.iloc[self.order]
        self.keys = ordered[cell].reset_index(drop=True)
        self.expected = ordered[EXPECTED].to_numpy(dtype=float)
        self.groups = []  # positions in the ordered rows: per visit type, per specialty, in row order
        start = 0
        for part in parts:
            specialty, names = pd.factorize(table[s.SPECIALTY].to_numpy()[part])
            self.groups += [start + np.flatnonzero(specialty == i) for i in range(len(names))]
            start += len(part)

    def potential(self, observed: np.ndarray, ratio: np.ndarray, benchmark: str | float,
                  k: int | None = None) -> np.ndarray:
        """Visits above the benchmark per row of `keys`, from each row's observed visits and
        ratio (given in the rates table's row order)."""
        obs = np.asarray(observed, dtype=float)[self.order]
        r = np.asarray(ratio, dtype=float)[self.order]
        b = np.full(len(obs), np.nan)
        for rows in self.groups:
            b[rows] = benchmark_ratio(r[rows], benchmark, k)
        out = np.maximum(0.0, obs - b * self.expected)
        return np.where(np.isnan(out), 0.0, out)


def by_visit_type(agg: Aggregates, year: int, strata: list[str], benchmark: str | float = "median",
                  sector: str = "somatic", k: int | None = None) -> pd.DataFrame:
    """Potential per hospital x specialty x visit type: each visit type's rate (per patient, or
    per first visit on counts alone; variation.benchmark_inputs), case-mix adjusted where the
    input allows, against the benchmark among the specialty's hospitals."""
    return excess(benchmark_inputs(agg, year, strata, sector).rates, benchmark, k)


def k_covers_all(rates_by_type: pd.DataFrame, k: int | None = None,
                 visit_types: list[str] | None = None) -> pd.DataFrame:
    """Where the best_k benchmark is just the mean of every hospital: specialty, visit type,
    peers (hospitals with a ratio) and the k used, for each specialty x visit type (of
    `visit_types`, default all) whose k is at least its number of peers."""
    cols = [s.SPECIALTY, s.VISIT_TYPE, "peers", "k"]
    if rates_by_type.empty:
        return pd.DataFrame(columns=cols)
    r = rates_by_type[rates_by_type["ratio"].notna()]
    if visit_types:
        r = r[r[s.VISIT_TYPE].isin(visit_types)]
    out = r.groupby([s.SPECIALTY, s.VISIT_TYPE], observed=True)[s.HOSPITAL].nunique().rename("peers").reset_index()
    out["k"] = [effective_k(n, k) for n in out["peers"]]
    return out[out["k"] >= out["peers"]][cols].reset_index(drop=True)


def best_k_warning(rates_by_type: pd.DataFrame, lang: str, k: int | None = None,
                   visit_types: list[str] | None = None) -> str:
    """A sentence for the report naming the specialties (x visit type) where best_k's k is at
    least the number of peers (k_covers_all); empty when there are none."""
    cover = k_covers_all(rates_by_type, k, visit_types)
    if cover.empty:
        return ""
    units = "; ".join(L.t("pot_best_k_unit", lang, specialty=r[s.SPECIALTY],
                          visit_type=L.t(r[s.VISIT_TYPE], lang).lower(), peers=int(r["peers"]), k=int(r["k"]))
                      for _, r in cover.iterrows())
    return L.t("pot_best_k_warning", lang, units=units)


def describe_benchmark(benchmark: str | float, lang: str, k: int | None = None) -> str:
    """The benchmark in words for a report (not the parameter's raw value), e.g. "the mean of
    the best quarter of the specialty's hospitals (at least 2)"."""
    if isinstance(benchmark, (int, float)) and not isinstance(benchmark, bool):
        return L.t("bench_fixed", lang, ratio=L.number(benchmark, lang, 2))
    if benchmark == "best_k":
        return L.t("bench_best_k", lang, k=int(k)) if k else L.t("bench_best_k_default", lang)
    if benchmark in (*NAMED, "guideline"):
        return L.t(f"bench_{benchmark}", lang)
    raise ValueError(f"benchmark must be one of {(*NAMED, 'guideline')} or a number, not {benchmark!r}")


def load_guidelines(path: str | os.PathLike[str] | None = None) -> pd.DataFrame:
    """Recommended follow-ups per patient per year by specialty (a user-editable CSV; empty
    path: the shipped illustrative one). Raises InputError on a bad table."""
    df = reference.read_table("guidelines", path, (s.SPECIALTY, "follow_ups_per_patient"))
    name = reference.locate("guidelines", path).name
    values, problems = reference.numbers(df, "follow_ups_per_patient", name)
    dup = df[s.SPECIALTY].duplicated(keep=False)
    if dup.any():
        problems.append(Problem(name, s.SPECIALTY, "one row per specialty", "remove the repeated rows",
                                (df.index[dup] + 1).tolist()[:5], int(dup.sum())))
    if problems:
        raise InputError(problems)
    return df.assign(follow_ups_per_patient=values)


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
