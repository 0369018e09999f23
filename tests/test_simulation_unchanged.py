"""The faster simulation of the reduction potential gives the same numbers, to the last bit, as
the way it was computed before (kept here as the reference): each draw applying the ideas to a
fresh copy of the activity (prices looked up and a frame built per idea), the benchmark set per
specialty through a pandas group transform, the cost tables looked up row by row. Checked on the
small synthetic region for every kind of benchmark and both sectors: the estimate's effects, the
draws per hospital and overall, and both tornado charts."""
from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from analysis.analyses import budget, measures, reduction, scenarios, uncertainty
from analysis.analyses.potential import effective_k
from analysis.analyses.scenarios import CELL, LEVER_MODE, _measured_column, _selected, measured_fraction
from analysis.base import schema as s
from analysis.engine import pipeline
from analysis.inputs.tariffs import unit_price
from analysis.stats.standardise import EXPECTED, OBSERVED

pytestmark = pytest.mark.slow


# --- the reference: the computation as it was ------------------------------------------------
def benchmark_ratio_before(ratios: pd.Series, benchmark, k=None) -> float:
    r = ratios.dropna()
    if r.empty:
        return float("nan")
    if isinstance(benchmark, (int, float)) and not isinstance(benchmark, bool):
        return float(benchmark)
    if benchmark == "median":
        return float(r.median())
    if benchmark == "mean":
        return 1.0
    if benchmark == "best_quartile":
        return float(np.quantile(r, 0.25))
    return float(r.nsmallest(effective_k(len(r), k)).mean())


def excess_before(rates: pd.DataFrame, benchmark, k=None) -> pd.DataFrame:
    parts = []
    for _, table in rates.groupby(s.VISIT_TYPE, sort=False):
        out = table.copy()
        b = out.groupby(s.SPECIALTY, observed=True)["ratio"].transform(
            lambda r: benchmark_ratio_before(r, benchmark, k))
        out["benchmark_ratio"] = b
        out["potential"] = np.maximum(0.0, out[OBSERVED] - b * out[EXPECTED]).fillna(0.0)
        parts.append(out)
    return pd.concat(parts, ignore_index=True)


def apply_before(activity, ideas, tariffs, excess=None, shares=None, tariff_factor=1.0, measured=None):
    df = activity.reset_index(drop=True)
    remaining = df[s.VISITS].to_numpy(dtype=float).copy()
    in_person = (df[s.CONTACT_MODE] == "in_person").to_numpy()
    price = unit_price(df, tariffs).to_numpy() * tariff_factor
    out = []
    for sc in ideas:
        share = (shares or {}).get(sc.name, sc.share)
        sel = _selected(df, sc)
        if sc.lever == "benchmark":
            cell_visits = df.groupby(CELL, observed=True)[s.VISITS].transform("sum").to_numpy(dtype=float)
            ex = df[CELL].merge(excess[CELL + ["potential"]], on=CELL, how="left")["potential"].fillna(0).to_numpy()
            with np.errstate(divide="ignore", invalid="ignore"):
                frac = np.where(cell_visits > 0, np.minimum(ex / cell_visits, 1.0), 0.0)
            changed = np.where(sel, remaining * frac * share, 0.0)
            substitute = np.zeros(len(df))
        else:
            reach = measured_fraction(df, measured[sc.of]) * share if sc.of else share
            changed = np.where(sel & in_person, remaining * reach, 0.0)
            if sc.lever == "relocate":
                substitute = price - _measured_column(df, measured[sc.of], measures.SAVED) * tariff_factor
            elif sc.lever in LEVER_MODE:
                substitute = unit_price(df, tariffs, LEVER_MODE[sc.lever]).to_numpy() * tariff_factor
            else:
                substitute = np.full(len(df), sc.substitute_dkk if sc.lever == "shift" else 0.0)
        remaining = remaining - changed
        touched = changed > 0
        if touched.any():
            part = df.loc[touched, [s.HOSPITAL, s.SPECIALTY, s.SECTOR, s.VISIT_TYPE, s.CONTACT_MODE]].copy()
            part["scenario"] = sc.name
            part["driver"] = sc.driver
            part["lever"] = sc.lever
            part["visits_changed"] = changed[touched]
            part["in_person_avoided"] = np.where(in_person[touched] & (sc.lever != "relocate"), changed[touched], 0.0)
            part["saving_dkk"] = changed[touched] * (price[touched] - substitute[touched])
            out.append(part)
    return pd.concat(out, ignore_index=True)


def at_before(table, visit_types, modes):
    index = pd.MultiIndex.from_arrays([visit_types.to_numpy(), modes.to_numpy()])
    return table.reindex(index).fillna(0.0).to_numpy(dtype=float, copy=True)


def totals_before(inp, shares=None, benchmark=None, tariff_factor=1.0, activity=None, rates=None, by=None,
                  cost_factor=1.0, rows=None):
    bench = inp.benchmark if benchmark is None else benchmark
    over = inp.guideline if bench == "guideline" else excess_before(inp.rates if rates is None else rates, bench,
                                                                    inp.k)
    effects = apply_before(inp.activity if activity is None else activity, inp.scenarios, inp.tariffs, over,
                           shares, tariff_factor, inp.measured)
    costs = inp.costs if cost_factor == 1.0 else uncertainty._scaled(inp.costs, cost_factor)
    effects = budget.effect(effects, costs, inp.scenarios)
    cols = uncertainty.columns(inp)
    if by:
        return effects.groupby(by, observed=True)[cols].sum()
    return {c: float(effects[c].sum()) for c in cols}


def simulate_before(inp, draws, seed, by=None):
    rng = np.random.default_rng(seed)
    rows = []
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
        result = totals_before(inp, shares, activity=act, rates=rates, by=by)
        rows.append(result.reset_index().assign(draw=len(rows)) if by else result)
    return pd.concat(rows, ignore_index=True) if by else pd.DataFrame(rows)


# --- the comparison ------------------------------------------------------------------------------
@pytest.fixture(scope="module")
def prepared(small_region):
    return pipeline.prepare(str(small_region))


@pytest.mark.parametrize("sector,benchmark", [("somatic", "median"), ("somatic", "best_quartile"),
                                              ("somatic", "best_k"), ("somatic", 0.9), ("somatic", "guideline"),
                                              ("psychiatry", "median")])
def test_the_simulation_gives_the_numbers_it_gave_before(prepared, sector, benchmark, monkeypatch):
    plan, prices, costs = scenarios.load(""), prepared.prices(""), budget.load_costs()
    est = reduction.estimate(prepared.aggregates, 2024, plan, prices, sector, benchmark,
                             tables=measures.Tables(), costs=costs)
    inp = est.inputs
    now = {"by": uncertainty.simulate(inp, 4, 2025, by=s.HOSPITAL), "all": uncertainty.simulate(inp, 3, 7),
           "budget": uncertainty.sensitivity(inp, column=budget.BUDGET_DKK), "value": uncertainty.sensitivity(inp)}
    monkeypatch.setattr(budget, "_at", at_before)
    over = est.excess if benchmark == "guideline" else excess_before(inp.rates, benchmark, inp.k)
    pd.testing.assert_frame_equal(est.excess, over, check_exact=True)
    effects = budget.effect(apply_before(inp.activity, inp.scenarios, prices, over, measured=inp.measured), costs,
                            inp.scenarios)
    pd.testing.assert_frame_equal(est.effects, effects, check_exact=True)
    pd.testing.assert_frame_equal(now["by"], simulate_before(inp, 4, 2025, by=s.HOSPITAL), check_exact=True)
    pd.testing.assert_frame_equal(now["all"], simulate_before(inp, 3, 7), check_exact=True)
    monkeypatch.setattr(uncertainty, "totals", totals_before)  # the tornado's totals, as they were
    pd.testing.assert_frame_equal(now["budget"], uncertainty.sensitivity(inp, column=budget.BUDGET_DKK),
                                  check_exact=True)
    pd.testing.assert_frame_equal(now["value"], uncertainty.sensitivity(inp), check_exact=True)
    assert len(est.effects) and now["by"]["budget_effect_dkk"].abs().sum() > 0  # something was compared
