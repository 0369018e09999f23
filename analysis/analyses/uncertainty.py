"""Uncertainty and sensitivity of the reduction potential.

Intervals: a seeded parametric simulation. Each draw resamples every observed count as Poisson
(the activity of a year is one realisation of the underlying rate), recomputes the benchmark
excess from the resampled counts, and draws each scenario's share from a triangular
distribution over its (low, share, high) range (a measured fraction an idea takes its share of is
held at its value); the interval is the 2.5th-97.5th percentile of
the totals. Counts scale the Poisson noise, so intervals shrink relative to the estimate as
volume grows.

Both kinds of kroner (budget.py) come from the same draws: with the run's cost tables in
Inputs.costs, each draw's changed visits are given their budget effect in cash (budget.effect,
exact: the cash of a changed visit depends only on its visit type, contact mode and idea) beside
their tariff value (saving_dkk, scenarios.apply's DKK), so the two intervals rest on the same
counts and shares.

Sensitivity (tornado): the total tariff value or budget effect with one assumption at its low and
its high end and everything else at its base value.
"""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

from analysis.analyses.budget import BUDGET_DKK, Costs, effect
from analysis.analyses.potential import ExcessPlan, excess
from analysis.analyses.scenarios import CELL, Rows, Scenario, apply_rows, rows_of
from analysis.base import schema as s
from analysis.stats.standardise import OBSERVED

TOTALS = ("visits_changed", "in_person_avoided", "saving_dkk")  # saving_dkk: the tariff value
SENSITIVE = ("saving_dkk", BUDGET_DKK)  # the totals sensitivity() can swing


@dataclass
class Inputs:
    """What the reduction potential rests on, for one year."""

    activity: pd.DataFrame  # hospital x specialty x sector x visit_type x contact_mode -> visits
    rates: pd.DataFrame  # variation.benchmark_inputs: observed, expected, ratio per unit and visit type
    scenarios: list[Scenario]
    tariffs: pd.DataFrame  # the run's price table (tariffs.prices) or a tariff table
    benchmark: str | float = "median"  # or "guideline": then `guideline` holds the excess
    k: int | None = None  # best_k's k; None: potential.default_k per specialty
    guideline: pd.DataFrame | None = None  # potential.against_guideline (not resampled)
    measured: dict[str, pd.DataFrame] | None = None  # measures.measure: fractions for ideas with `of` (not resampled)
    costs: Costs | None = None  # budget.load_costs: the totals then carry the budget effect too


def columns(inp: Inputs) -> list[str]:
    """The totals `totals` and `simulate` give for `inp`: TOTALS, and the budget effect where
    `inp` has cost tables."""
    return [*TOTALS, BUDGET_DKK] if inp.costs is not None else list(TOTALS)


def _scaled(costs: Costs, factor: float) -> Costs:
    """`costs` with every krone (DKK per FTE, variable cost, substitute's price) times `factor`."""
    return Costs(costs.minutes, costs.per_fte * factor, costs.variable * factor, costs.substitute * factor,
                 costs.minutes_per_fte)


def _changes(inp: Inputs, shares: dict[str, float] | None = None, benchmark=None, tariff_factor: float = 1.0,
             activity: pd.DataFrame | None = None, rates: pd.DataFrame | None = None,
             rows: Rows | None = None) -> pd.DataFrame:
    """The ideas applied under the given overrides (scenarios.apply_rows): one row per change,
    before the cost tables price its budget effect."""
    bench = inp.benchmark if benchmark is None else benchmark
    if bench == "guideline":
        over = inp.guideline
    else:
        over = excess(inp.rates if rates is None else rates, bench, inp.k)
    activity = inp.activity if activity is None else activity
    rows = rows_of(activity, inp.scenarios, inp.tariffs, inp.measured) if rows is None else rows
    return apply_rows(rows, activity[s.VISITS], over, shares, tariff_factor)


def totals(inp: Inputs, shares: dict[str, float] | None = None, benchmark=None, tariff_factor: float = 1.0,
           activity: pd.DataFrame | None = None, rates: pd.DataFrame | None = None,
           by: str | None = None, cost_factor: float = 1.0,
           rows: Rows | None = None) -> dict[str, float] | pd.DataFrame:
    """Visits changed, in-person visits avoided, the tariff value (saving_dkk) and, with cost
    tables, the budget effect (budget_effect_dkk) in all (or per `by` group, as a frame), under the
    given overrides (cost_factor multiplies every krone of the cost tables). `rows`: rows_of the
    activity (inp.activity, or `activity`), when the caller has it already: a simulation's draws
    change only the visits, so it is worked out once for them all."""
    effects = _changes(inp, shares, benchmark, tariff_factor, activity, rates, rows)
    cols = columns(inp)
    if inp.costs is not None:
        costs = inp.costs if cost_factor == 1.0 else _scaled(inp.costs, cost_factor)
        effects = effect(effects, costs, inp.scenarios)
    if by:
        return effects.groupby(by, observed=True)[cols].sum()
    return {c: float(effects[c].sum()) for c in cols}


def simulate(inp: Inputs, draws: int = 500, seed: int = 2025, by: str | None = None) -> pd.DataFrame:
    """`draws` rows of totals from the parametric simulation (see the module docstring); with
    `by` (e.g. "hospital"), one row per draw and group, with columns `by` and `draw`.

    Each draw's totals are those of totals() with the draw's visits, rates and shares, to the
    last bit; the cost tables price the changes of every draw in one call (budget.effect works
    row by row), which spares its fixed cost per call on each draw."""
    rng = np.random.default_rng(seed)
    plan = rows_of(inp.activity, inp.scenarios, inp.tariffs, inp.measured)  # every draw has these rows
    # the benchmark's peers and each activity row's cell among the rates: the same in every draw,
    # which resamples only the counts (the excess is then excess()'s to the last bit)
    by_row = None
    if inp.benchmark != "guideline":
        peers = ExcessPlan(inp.rates)
        cell = plan.df[CELL].merge(peers.keys.assign(_at=np.arange(len(peers.keys))), on=CELL, how="left")["_at"]
        found = cell.notna().to_numpy()
        by_row = np.where(found, cell.fillna(0).to_numpy(dtype=np.int64), 0)
    changes = []
    for _ in range(draws):
        act = inp.activity.assign(visits=rng.poisson(inp.activity[s.VISITS].to_numpy(dtype=float)))
        rates = inp.rates
        if not rates.empty:
            obs = rng.poisson(rates[OBSERVED].to_numpy(dtype=float)).astype(float)
            with np.errstate(divide="ignore", invalid="ignore"):
                ratio = np.where(rates["expected"] > 0, obs / rates["expected"], np.nan)
            rates = rates.assign(**{OBSERVED: obs, "ratio": ratio})
        shares = {sc.name: rng.triangular(sc.low, sc.share, sc.high) if sc.high > sc.low else sc.share
                  for sc in inp.scenarios}
        if by_row is None:
            changes.append(_changes(inp, shares, activity=act, rates=rates, rows=plan))
            continue
        pot = peers.potential(rates[OBSERVED], rates["ratio"], inp.benchmark, inp.k) if len(rates) else np.array([])
        ex_rows = np.where(found, pot[by_row] if len(pot) else 0.0, 0.0)
        changes.append(apply_rows(plan, act[s.VISITS], shares=shares, excess_rows=ex_rows))
    sizes = np.array([len(c) for c in changes])
    stacked = pd.concat(changes, ignore_index=True)
    if inp.costs is not None:
        stacked = effect(stacked, inp.costs, inp.scenarios)
    cols = columns(inp)
    if by:
        stacked["draw"] = np.repeat(np.arange(draws), sizes)
        out = stacked.groupby(["draw", by], observed=True)[cols].sum().reset_index()
        return out[[by, *cols, "draw"]]
    # each draw's totals as totals() adds them up (Series.sum over the draw's rows)
    ends = np.cumsum(sizes)
    return pd.DataFrame([{c: float(stacked[c].iloc[end - n:end].sum()) for c in cols}
                         for n, end in zip(sizes, ends)])


def interval(draws: pd.DataFrame, column: str = "saving_dkk", level: float = 0.95) -> tuple[float, float]:
    """The central `level` interval of a simulated total."""
    a = (1 - level) / 2
    return float(draws[column].quantile(a)), float(draws[column].quantile(1 - a))


def overall(draws_by: pd.DataFrame) -> pd.DataFrame:
    """The totals per draw of a simulate(..., by=...) result (groups added up)."""
    cols = [c for c in (*TOTALS, BUDGET_DKK) if c in draws_by]
    return draws_by.groupby("draw")[cols].sum().reset_index(drop=True)


def intervals_by(draws: pd.DataFrame, by: str, column: str = "saving_dkk", level: float = 0.95) -> pd.DataFrame:
    """Per group of a simulate(..., by=...) result: the low and high end of the central interval."""
    a = (1 - level) / 2
    g = draws.groupby(by, observed=True)[column]
    return pd.DataFrame({"low": g.quantile(a), "high": g.quantile(1 - a)}).reset_index()


def sensitivity(inp: Inputs, tariff_range: float = 0.2,
                benchmarks: tuple = ("best_quartile", "mean"), column: str = "saving_dkk",
                cost_range: float = 0.2) -> pd.DataFrame:
    """The total `column` (saving_dkk, the tariff value, or budget_effect_dkk, the budget effect,
    which needs inp.costs) with each assumption at its low and high end, the rest at base: each
    scenario's share (its low/high), the benchmark (the lower and the higher of `benchmarks`) and
    the kroner: for the tariff value the prices (-/+ tariff_range, assumption "tariffs"), for the
    budget effect the cost tables (every krone -/+ cost_range, assumption "costs"; prices do not
    move it). Sorted by the width of the swing, widest first."""
    if column not in SENSITIVE:
        raise ValueError(f"column must be one of {SENSITIVE}, not {column!r}")
    if column == BUDGET_DKK and inp.costs is None:
        raise ValueError("the budget effect needs the cost tables (Inputs.costs)")
    plan = rows_of(inp.activity, inp.scenarios, inp.tariffs, inp.measured)  # the same in every call below
    base = totals(inp, rows=plan)[column]
    rows = []
    for sc in inp.scenarios:
        if sc.high > sc.low:
            rows.append({"assumption": sc.name, "low": totals(inp, {sc.name: sc.low}, rows=plan)[column],
                         "high": totals(inp, {sc.name: sc.high}, rows=plan)[column]})
    if column == BUDGET_DKK:
        rows.append({"assumption": "costs", "low": totals(inp, cost_factor=1 - cost_range, rows=plan)[column],
                     "high": totals(inp, cost_factor=1 + cost_range, rows=plan)[column]})
    else:
        rows.append({"assumption": "tariffs", "low": totals(inp, tariff_factor=1 - tariff_range, rows=plan)[column],
                     "high": totals(inp, tariff_factor=1 + tariff_range, rows=plan)[column]})
    if any(sc.lever == "benchmark" for sc in inp.scenarios) and inp.benchmark != "guideline":
        values = [totals(inp, benchmark=b, rows=plan)[column] for b in benchmarks]
        rows.append({"assumption": "benchmark", "low": min(values), "high": max(values)})
    out = pd.DataFrame(rows)
    out["base"] = base
    out["swing"] = (out["high"] - out["low"]).abs()
    return out.sort_values("swing", ascending=False, ignore_index=True)
