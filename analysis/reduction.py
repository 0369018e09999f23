"""The reduction estimate both the potential report and the savings key use: one year's
activity, the benchmark excess and the lever scenarios, applied and priced."""
from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from . import labels as L
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
    benchmark_possible: bool  # False when the input cannot give the benchmark's rates
    benchmark_measure: str = "visits_per_patient"  # or, on counts alone, "follow_up_ratio" (per first visit)
    benchmark_strata: tuple[str, ...] = ()  # the case-mix strata the benchmark's rates are adjusted by


def estimate(agg: Aggregates, year: int, plan: ScenarioFile, tariffs: pd.DataFrame, sector: str = "somatic",
             benchmark: str | float = "median", k: int | None = None, strata: list[str] | None = None,
             guidelines: pd.DataFrame | None = None) -> Estimate:
    """Apply the scenario file to one year's activity of `sector`, priced by `tariffs` (the run's
    price table, pipeline.Prepared.prices, or a plain tariff table). A 'benchmark' lever uses the
    case-mix adjusted excess (k: best_k's k, None for potential.default_k), or the guideline
    table (`guidelines`, default the shipped one) when benchmark == "guideline". The benchmark's
    rates come from what the input supports (variation.benchmark_inputs): visits per patient, or
    on a pre-aggregated extract each visit type's visits per first visit; where the input cannot
    give any, benchmark levers are left out."""
    strata = ["age_band", "sex"] if strata is None else list(strata)
    act = agg.activity[(agg.activity[s.YEAR] == year) & (agg.activity[s.SECTOR] == sector)]
    if act.empty:
        raise ValueError(f"no {sector} activity in {year}")
    bench_in = None
    if benchmark == "guideline":
        possible = not agg.units.empty
    else:
        try:
            bench_in = variation.benchmark_inputs(agg, year, strata, sector)
        except ValueError:  # no rates the input can give (e.g. no first visits to count from)
            bench_in = None
        possible = bench_in is not None and not bench_in.rates.empty
    rates = bench_in.rates if possible and bench_in is not None else pd.DataFrame()
    used = [sc for sc in plan.scenarios if sc.lever != "benchmark" or possible]
    if benchmark == "guideline" and guidelines is None:
        guidelines = potential.load_guidelines()
    guideline = (potential.against_guideline(agg, year, guidelines, sector)
                 if benchmark == "guideline" and possible else None)
    inputs = Inputs(act, rates, used, tariffs, benchmark, k, guideline)
    over = guideline if guideline is not None else potential.excess(rates, benchmark, k)
    return Estimate(inputs, over, apply(act, used, tariffs, over), possible,
                    bench_in.measure if bench_in is not None else "visits_per_patient",
                    tuple(bench_in.strata) if bench_in is not None else ())


def benchmark_note(est: Estimate, lang: str) -> str:
    """What a reader must know about the benchmark's rates: left out (the input gives none), per
    first visit instead of per patient (counts alone), or crude (no age band x sex); "" when
    they are visits per patient, case-mix adjusted."""
    if not est.benchmark_possible:
        return L.t("pot_no_benchmark", lang)
    notes = []
    if est.benchmark_measure != "visits_per_patient":
        notes.append(L.t("pot_benchmark_counts", lang))
    if not est.benchmark_strata:
        notes.append(L.t("pot_benchmark_crude", lang))
    return " ".join(notes)


def dkk_interval(x: float, low: float, high: float, lang: str) -> str:
    """A saving and its interval in DKK millions with the unit written once, for a key figure:
    da "12,3 mio. kr. (10,1–14,2)", en "DKK 12.3m (10.1–14.2)"; an interval from below zero
    is written with a word: "(-2,5 til 5,7)"."""
    dash = "–" if low >= 0 else (" til " if lang == "da" else " to ")  # "-2,5–5,7" reads as a range of negatives
    return f"{L.dkk(x, lang, millions=True)} ({L.number(low / 1e6, lang, 1)}{dash}{L.number(high / 1e6, lang, 1)})"
