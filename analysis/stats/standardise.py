"""Indirect standardisation: observed events against those expected if each unit had the
region's rates in every stratum (e.g. age band x sex) applied to its own population.

E_u = sum_s N_us * (sum_v O_vs / sum_v N_vs), the ratio O_u / E_u with an exact Poisson
interval (Breslow & Day 1987, vol. II, ch. 2; the SMR/ISR method of the PHE technical
guidance).
"""
from __future__ import annotations

import numpy as np
import pandas as pd

from analysis.stats.funnel import Z95, ratio_interval

OBSERVED, POPULATION, EXPECTED = "observed", "population", "expected"


UNMATCHED = "observed_unmatched"
ON_UNMATCHED = ("report", "exclude", "refuse")


def indirect(events: pd.DataFrame, population: pd.DataFrame, units: list[str], strata: list[str],
             region: list[str] | None = None, on_unmatched: str = "report") -> pd.DataFrame:
    """Observed and expected events per unit, with crude rate and standardised ratio.

    events:     units + strata + `observed` (events, e.g. follow-up visits)
    population: units + strata + `population` (e.g. patients, or first visits)
    units:      the columns naming a unit (e.g. specialty, hospital)
    strata:     the standardisation strata (e.g. age_band, sex); [] gives crude = standardised
    region:     columns that group units into the reference population whose rates are used
                (e.g. specialty: each hospital is compared with the region's rate in its
                specialty); None = all units together.

    on_unmatched: what to do with events in a stratum where the reference population is 0
                (no rate to apply there, so they would count in O but add nothing to E and
                inflate the ratio): "report" (default) keeps them in O and counts them per unit
                in `observed_unmatched`; "exclude" leaves them out of O (and the crude rate's
                numerator) and still counts them; "refuse" raises ValueError naming the strata.

    Returns one row per unit: observed, population, expected, crude (O/N), ratio (O/E),
    ratio_low, ratio_high (exact 95% Poisson interval of O/E), the region's crude rate, and
    observed_unmatched (events in strata without reference population; see
    strata_without_reference for which).
    """
    if on_unmatched not in ON_UNMATCHED:
        raise ValueError(f"on_unmatched must be one of {ON_UNMATCHED}, not {on_unmatched!r}")
    region = region or []
    keys = [*units, *strata]
    ev = events.groupby(keys, observed=True, dropna=False)[OBSERVED].sum()
    pop = population.groupby(keys, observed=True, dropna=False)[POPULATION].sum()
    cells = pd.concat([ev, pop], axis=1).fillna(0).reset_index()
    ref = cells[[OBSERVED, POPULATION]]
    by_region_stratum = [*region, *strata]
    if by_region_stratum:
        totals = ref.groupby([cells[c] for c in by_region_stratum], observed=True, dropna=False).transform("sum")
    else:
        totals = pd.DataFrame({c: ref[c].sum() for c in (OBSERVED, POPULATION)}, index=cells.index)
    with np.errstate(divide="ignore", invalid="ignore"):
        rate = np.where(totals[POPULATION] > 0, totals[OBSERVED] / totals[POPULATION], 0.0)
    cells[EXPECTED] = cells[POPULATION] * rate
    unmatched = (totals[POPULATION] <= 0).to_numpy() & (cells[OBSERVED] > 0).to_numpy()
    if unmatched.any() and on_unmatched == "refuse":
        bad = cells.loc[unmatched, by_region_stratum].drop_duplicates()
        listed = "; ".join(", ".join(f"{c}={v}" for c, v in row.items()) for _, row in bad.head(10).iterrows())
        raise ValueError(f"{int(cells.loc[unmatched, OBSERVED].sum())} events in {len(bad)} strata with no "
                         f"reference population (they would inflate the ratio): {listed}")
    cells[UNMATCHED] = np.where(unmatched, cells[OBSERVED], 0.0)
    if on_unmatched == "exclude":
        cells[OBSERVED] = cells[OBSERVED] - cells[UNMATCHED]
    out = cells.groupby(units, observed=True, dropna=False)[[OBSERVED, POPULATION, EXPECTED, UNMATCHED]].sum()
    out = out.reset_index()
    with np.errstate(divide="ignore", invalid="ignore"):
        out["crude"] = np.where(out[POPULATION] > 0, out[OBSERVED] / out[POPULATION], np.nan)
        out["ratio"] = np.where(out[EXPECTED] > 0, out[OBSERVED] / out[EXPECTED], np.nan)
    lo, hi = ratio_interval(out[OBSERVED], out[EXPECTED], Z95)
    out["ratio_low"] = np.where(out[EXPECTED] > 0, lo, np.nan)
    out["ratio_high"] = np.where(out[EXPECTED] > 0, hi, np.nan)
    ref_out = out[[OBSERVED, POPULATION]]
    if region:
        reg = ref_out.groupby([out[c] for c in region], observed=True, dropna=False).transform("sum")
    else:
        reg = pd.DataFrame({c: ref_out[c].sum() for c in (OBSERVED, POPULATION)}, index=out.index)
    with np.errstate(divide="ignore", invalid="ignore"):
        out["region_crude"] = np.where(reg[POPULATION] > 0, reg[OBSERVED] / reg[POPULATION], np.nan)
    return out[[c for c in out.columns if c != UNMATCHED] + [UNMATCHED]]


def known_strata(df: pd.DataFrame, strata: list[str], value: str) -> tuple[pd.DataFrame, float]:
    """The rows of `df` whose every stratum is known, and the sum of `value` over the others: a
    visit with unknown sex or age (missing in the data) has no stratum to be expected from, so
    standardisation leaves it out and says how many it left out (it counts everywhere else)."""
    present = [c for c in strata if c in df.columns]
    if not present or df.empty:
        return df, 0.0
    unknown = df[present].isna().any(axis=1)
    return df[~unknown], float(df.loc[unknown, value].sum())


def strata_without_reference(events: pd.DataFrame, population: pd.DataFrame, strata: list[str],
                             region: list[str] | None = None) -> pd.DataFrame:
    """The strata (within each region group) that have events but no reference population, with
    their events (`observed`): these events have no rate to be expected from, so indirect
    standardisation cannot account for them. Empty when every stratum with events has people."""
    keys = [*(region or []), *strata]
    ev = events.groupby(keys, observed=True, dropna=False)[OBSERVED].sum() if keys else pd.Series(
        [events[OBSERVED].sum()], name=OBSERVED)
    pop = population.groupby(keys, observed=True, dropna=False)[POPULATION].sum() if keys else pd.Series(
        [population[POPULATION].sum()], name=POPULATION)
    both = pd.concat([ev, pop], axis=1).fillna(0)
    both = both.loc[(both[POPULATION] <= 0) & (both[OBSERVED] > 0), [OBSERVED]]
    return both.reset_index() if keys else both.reset_index(drop=True)
