"""The reduction estimate both the potential report and the savings key use: one year's
activity, the benchmark excess and the lever scenarios, applied and priced."""
from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from . import potential, variation
from . import schema as s
from .aggregate import Aggregates
from .scenarios import ScenarioFile, apply
from .uncertainty import Inputs


@dataclass
class Estimate:
    inputs: Inputs  # for totals, intervals and sensitivity (uncertainty)
    excess: pd.DataFrame  # visits above the benchmark per hospital x specialty x visit type
    effects: pd.DataFrame  # scenarios.apply: visits changed and DKK per scenario x activity row
    benchmark_possible: bool  # False when the input cannot give case-mix adjusted rates


def estimate(agg: Aggregates, year: int, plan: ScenarioFile, tariffs: pd.DataFrame, sector: str = "somatic",
             benchmark: str | float = "median", k: int = 5, strata: list[str] | None = None) -> Estimate:
    """Apply the scenario file to one year's activity of `sector`. A 'benchmark' lever uses the
    case-mix adjusted excess (or the guideline table when benchmark == "guideline"); where the
    input cannot give those rates, benchmark levers are left out."""
    strata = ["age_band", "sex"] if strata is None else list(strata)
    act = agg.activity[(agg.activity[s.YEAR] == year) & (agg.activity[s.SECTOR] == sector)]
    if act.empty:
        raise ValueError(f"no {sector} activity in {year}")
    possible = not variation.unavailable(agg, "visits_per_patient", strata)
    if benchmark == "guideline":
        possible = not agg.units.empty
    rates = potential.visit_type_rates(agg, year, strata, sector) if possible and benchmark != "guideline" \
        else pd.DataFrame()
    used = [sc for sc in plan.scenarios if sc.lever != "benchmark" or possible]
    guideline = (potential.against_guideline(agg, year, potential.load_guidelines(), sector)
                 if benchmark == "guideline" and possible else None)
    inputs = Inputs(act, rates, used, tariffs, benchmark, k, guideline)
    over = guideline if guideline is not None else potential.excess(rates, benchmark, k)
    return Estimate(inputs, over, apply(act, used, tariffs, over), possible)
