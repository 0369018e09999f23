"""The pressure ahead: outpatient visits projected from today's visit rates by age band, sex and
municipality and a population projection, with intervals by simulation.

Method, after the demand model of the NHS New Hospital Programme (The Strategy Unit, nhp_model):
  - demography: each stratum's visits in the base year (municipality x age band x sex, for each
    specialty x visit type x hospital x sector) grow as the stratum's residents grow:
        demography[y] = sum over strata of visits[base] x residents[y] / residents[base];
    an input without the municipality uses the region's residents by age band and sex;
  - health status (healthy ageing): as life expectancy rises, a part of the years gained is
    lived in good health, so the visit rate of an older age is that of a younger one. From age
    60 (the bands 60-69, 70-79, 80+) the rate is shifted by g = healthy share x the band's
    life-expectancy gain a year x years ahead: rate[y](a) = rate[base](a - g), read on the
    log-linear slope of the rates between the bands' mid-ages (the region's rates by specialty
    and sex). Remaining life expectancy rises less at older ages, so each band has its own gain
    (the NHP model reads them by age and sex from the national life tables);
  - non-demographic growth: whatever else raises visits (new treatments, expectations), a share
    a year on everything;
  - intervals: a seeded simulation draws the projection between its low and high variants
    (triangular around the main one), the healthy share and the non-demographic growth
    (triangular between their low, base and high), and the noise of the base year's counts
    (quasi-Poisson: visits cluster within patients, so their variance is the design effect,
    sum k^2 / sum k over the patients' visit counts, times the visits).
The growth to a year is split into its parts in the order they are applied: demography, then
health status, then non-demographic growth.
"""
from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pandas as pd

from analysis.analyses import population as pop
from analysis.base import schema as s
from analysis.base.problems import InputError, Problem
from analysis.inputs import reference

VARIANT = "variant"
VARIANTS = ("low", "main", "high")
GROUPS = [s.SPECIALTY, s.VISIT_TYPE, s.HOSPITAL, s.SECTOR]  # what is projected
OLD_BANDS = ("60-69", "70-79", "80+")  # health status shifts the rates of these (the NHP model: from 55)
MID_AGE = {"0-17": 9.0, "18-39": 29.0, "40-59": 50.0, "60-69": 65.0, "70-79": 75.0, "80+": 85.0}
PARTS = ("demography", "health_status", "non_demographic")


@dataclass(frozen=True)
class Assumptions:
    """The uncertain inputs of a projection: a base value with a low and a high."""
    healthy_share: tuple[float, float, float] = (0.0, 0.5, 1.0)  # share of the years gained lived in good health
    # years of remaining life expectancy gained a year at 60-69, 70-79 and 80+ (OLD_BANDS; ASSUMPTION:
    # about what Denmark's life tables showed at 65, 75 and 85 in the 2010s; replace with the current tables)
    life_expectancy_gain: tuple[float, float, float] = (0.15, 0.10, 0.05)
    non_demographic: tuple[float, float, float] = (-0.005, 0.0, 0.005)  # growth a year besides demography

    def __post_init__(self):
        for name in ("healthy_share", "non_demographic"):
            low, base, high = getattr(self, name)
            if not low <= base <= high:
                raise ValueError(f"{name}: low <= base <= high is needed, not {low}, {base}, {high}")
        if not (0 <= self.healthy_share[0] and self.healthy_share[2] <= 1):
            raise ValueError("the healthy share is a share of the years gained: between 0 and 1")
        if len(self.life_expectancy_gain) != len(OLD_BANDS):
            raise ValueError(f"life_expectancy_gain: one gain a year for each of {', '.join(OLD_BANDS)}, "
                             f"not {self.life_expectancy_gain!r}")


# --- the population projection --------------------------------------------------------------
def load_projection(path: str | os.PathLike[str] | None = None) -> pd.DataFrame:
    """Read and check a population projection (empty path: the shipped illustrative one): the
    population table's columns (municipality, age_band, sex, year, residents; checked as
    population.load_population checks them) and `variant` (low, main, high; without the column
    every row is the main variant). Raises InputError listing every problem together."""
    return load_projection_frame(reference.read_table("projection", path, pop.COLUMNS),
                                 reference.locate("projection", path).name)


def load_projection_frame(df: pd.DataFrame, name: str = "projection") -> pd.DataFrame:
    """load_projection's checks of a projection table read from the file `name`."""
    df = df.copy()
    if VARIANT not in df.columns:
        df[VARIANT] = "main"
    df[VARIANT] = df[VARIANT].astype(str).str.strip().str.lower()
    problems = []
    bad = ~df[VARIANT].isin(VARIANTS)
    if bad.any():
        rows = (df.index[bad] + 1).tolist()
        problems.append(Problem(name, VARIANT, "unknown variant", f"use {', '.join(VARIANTS)}", rows[:5], len(rows),
                                df.loc[bad, VARIANT].head(3).tolist()))
    elif "main" not in set(df[VARIANT]):
        problems.append(Problem(name, VARIANT, "no main variant", "give the main projection the variant 'main'"))
    if problems:
        raise InputError(problems)
    parts = []
    for variant, part in df.groupby(VARIANT, sort=False):
        checked = pop.checked_population(part.drop(columns=[VARIANT]), name)
        parts.append(checked.assign(**{VARIANT: variant}))
    out = pd.concat(parts, ignore_index=True)
    main = out[out[VARIANT] == "main"]
    for variant in ("low", "high"):  # a missing variant is the main one (no spread from it)
        if variant not in set(out[VARIANT]):
            out = pd.concat([out, main.assign(**{VARIANT: variant})], ignore_index=True)
    return out


# --- the shipped illustrative projection ------------------------------------------------------
PROJECTION_YEARS = tuple(range(2025, 2036))
# ASSUMED yearly growth of each age band (main variant), in the direction of Statistics Denmark's
# national projection for the decade: many more residents over 80 as the large post-war cohorts
# reach that age, a little fewer children and middle-aged
BAND_GROWTH: dict[str, float] = {
    "0-17": -0.002, "18-39": 0.003, "40-59": -0.002, "60-69": 0.005, "70-79": 0.005, "80+": 0.035,
}
# ASSUMED spread of the low and high variants (growth a year, +/-): mortality at the older ages,
# migration and fertility at the younger
BAND_SPREAD: dict[str, float] = {
    "0-17": 0.003, "18-39": 0.003, "40-59": 0.002, "60-69": 0.002, "70-79": 0.004, "80+": 0.006,
}
# ASSUMED: a university city grows faster in the young bands, the older rural municipalities slower
YOUNG_SHIFT = {-1: 0.005, 1: -0.003, 2: -0.006}  # population.AGE_TILT -> growth a year, bands under 40
# ASSUMED, and planted for 11 to find: an older municipality (population.AGE_TILT) whose residents
# from 60 grow faster as retirees move in: growth a year added to its bands from 60
OLD_INFLOW: dict[str, float] = {"Norddjurs": 0.015}

PROJECTION_HEADER = """\
# ILLUSTRATIVE population projection: residents by municipality x age band x sex on 1 January of
# each year, in three variants (low, main, high), for the 19 municipalities of the reference
# region. Replace with Statistics Denmark's municipal population projection (Befolkningsfremskrivning,
# kommuner; statistikbanken.dk) summed to these age bands, with its variants where given, before real use.
# Made by analysis.analyses.demand.estimate_projection (reproducible): the 2025 residents of
# data/reference/population.csv (itself an estimate), each age band grown by an ASSUMED yearly
# rate (80+ 3.5%, 60-79 0.5%, 18-39 0.3%, 0-17 and 40-59 -0.2%), faster in the young bands of
# Aarhus and slower in those of the older rural municipalities, and 1.5 percentage points faster
# from age 60 in Norddjurs (retirees moving in); the low and high variants are 0.2-0.6 percentage
# points a year below and above.
"""


def estimate_projection(years: tuple[int, ...] = PROJECTION_YEARS) -> pd.DataFrame:
    """The shipped illustrative projection, rebuilt: the population table's estimate for the first
    year, each cell grown by its band's assumed rate (BAND_GROWTH, YOUNG_SHIFT, OLD_INFLOW) and the
    variants' spread (BAND_SPREAD), rounded to whole persons."""
    start = pop.estimate_table([years[0]])
    rows = []
    for variant, sign in (("low", -1), ("main", 0), ("high", 1)):
        for year in years:
            ahead = year - years[0]
            young = start[s.AGE_BAND].isin(["0-17", "18-39"])
            rate = (start[s.AGE_BAND].map(BAND_GROWTH) + sign * start[s.AGE_BAND].map(BAND_SPREAD)
                    + young * start[pop.MUNICIPALITY].map(lambda m: YOUNG_SHIFT.get(pop.AGE_TILT.get(m, 0), 0.0))
                    + start[s.AGE_BAND].isin(OLD_BANDS) * start[pop.MUNICIPALITY].map(OLD_INFLOW).fillna(0.0))
            rows.append(start.assign(**{s.YEAR: year, pop.RESIDENTS: (start[pop.RESIDENTS] * (1 + rate) ** ahead)
                                        .round().astype("int64"), VARIANT: variant}))
    return pd.concat(rows, ignore_index=True)[[*pop.COLUMNS, VARIANT]]


def write_projection(path: str | os.PathLike[str], years: tuple[int, ...] = PROJECTION_YEARS) -> Path:
    """Write estimate_projection(years) as a reference table with its header of sources."""
    path = Path(path)
    with path.open("w", encoding="utf-8", newline="\n") as f:
        f.write(PROJECTION_HEADER)
        estimate_projection(years).to_csv(f, index=False, lineterminator="\n")
    return path


# --- the base year ----------------------------------------------------------------------------
def base_visits(residents: pd.DataFrame, casemix: pd.DataFrame, year: int, sectors: list[str]) -> pd.DataFrame:
    """The base year's visits by stratum and group (GROUPS): from the residents aggregate (strata
    municipality x age band x sex) where the input has the municipality, else from the case-mix
    aggregate (age band x sex: the region's residents). Visits without a known age band or sex
    are left out. attrs["strata"] names the stratum columns."""
    by_municipality = not residents.empty
    src = residents if by_municipality else casemix
    strata = ([pop.MUNICIPALITY] if by_municipality else []) + [s.AGE_BAND, s.SEX]
    if src.empty or s.AGE_BAND not in src.columns:
        out = pd.DataFrame(columns=[*strata, *GROUPS, s.VISITS])
    else:
        rows = src[(src[s.YEAR] == year) & src[s.SECTOR].isin(sectors)
                   & src[s.AGE_BAND].isin(s.AGE_BAND_LABELS) & src[s.SEX].isin(s.SEXES)]
        out = rows.groupby([*strata, *GROUPS], observed=True, as_index=False)[s.VISITS].sum()
        out = out[out[s.VISITS] > 0].reset_index(drop=True)
    out.attrs["strata"] = strata
    return out


def observed_after(residents: pd.DataFrame, casemix: pd.DataFrame, monthly: pd.DataFrame, base_year: int,
                   sectors: list[str]) -> pd.Series:
    """The visits the data already hold for years after `base_year`, counted as base_visits counts
    the base year's (year -> visits), for the years whose twelve months all have visits in
    `monthly` (Aggregates.monthly): a year the data cover in part is left out. Empty where there is
    none."""
    if monthly.empty:
        return pd.Series(dtype=float)
    months = pd.to_datetime(monthly[s.MONTH])
    per_year = months.dt.month.groupby(months.dt.year).nunique()
    whole = [int(y) for y, n in per_year.items() if n == 12 and y > base_year]
    out = {y: float(base_visits(residents, casemix, y, sectors)[s.VISITS].sum()) for y in whole}
    return pd.Series({y: v for y, v in out.items() if v > 0}, dtype=float).rename_axis(s.YEAR)


def design_effect(patient_visits: pd.DataFrame, year: int) -> float:
    """The design effect sum(k^2) / sum(k) of the patients' visit counts k in `year` (all
    sectors), 1 where the input cannot say (an aggregated extract): visits cluster within
    patients, so a count of visits varies about this many times more than a Poisson count."""
    if patient_visits.empty:
        return 1.0
    pv = patient_visits[(patient_visits[s.YEAR] == year) & (patient_visits["scope"] == "all")]
    k = pv["visits_per_patient"].to_numpy(dtype=float)
    n = pv[s.PATIENTS].to_numpy(dtype=float)
    total = (k * n).sum()
    return float(max((k * k * n).sum() / total, 1.0)) if total > 0 else 1.0


def _residents(table: pd.DataFrame, strata: list[str]) -> pd.DataFrame:
    """Residents by stratum x year (summed over municipalities where the strata lack them)."""
    return table.groupby([*strata, s.YEAR], as_index=False)[pop.RESIDENTS].sum()


# --- the projection -------------------------------------------------------------------------
def age_slopes(base: pd.DataFrame) -> pd.DataFrame:
    """The log-linear slope of the visit rate by age (per year of age) at each of OLD_BANDS, by
    specialty and sex: from the region's visits per resident in the neighbouring bands' mid-ages
    (central differences; one-sided at 80+ and next to a band without visits), never below 0
    (healthy ageing lowers rates only where they rise with age). Needs base's column
    `residents` (the stratum's residents)."""
    per = base.groupby([s.SPECIALTY, s.SEX, s.AGE_BAND], observed=True)[s.VISITS].sum()
    people = (base.drop_duplicates([*base.attrs["strata"]]).groupby([s.SEX, s.AGE_BAND])["residents"].sum())
    rows = []
    bands = list(s.AGE_BAND_LABELS)
    for (specialty, sex), visits in per.groupby(level=[0, 1]):
        v = visits.droplevel([0, 1]).reindex(bands).fillna(0.0)
        rate = v / people.xs(sex).reindex(bands)
        for band in OLD_BANDS:
            i = bands.index(band)
            lo, hi = bands[i - 1], bands[min(i + 1, len(bands) - 1)]
            # a neighbour without visits (a specialty for the old only): the one-sided difference
            lo = lo if rate[lo] > 0 else band
            hi = hi if rate[hi] > 0 else band
            if lo == hi or not (rate[lo] > 0 and rate[hi] > 0):
                slope = 0.0
            else:
                slope = (np.log(rate[hi]) - np.log(rate[lo])) / (MID_AGE[hi] - MID_AGE[lo])
            rows.append((specialty, sex, band, max(float(slope), 0.0)))
    return pd.DataFrame(rows, columns=[s.SPECIALTY, s.SEX, s.AGE_BAND, "slope"])


@dataclass
class Projection:
    """What project gives: per year and group the visits after each part, and the inputs a
    simulation re-weights."""
    base_year: int
    years: list[int]
    strata: list[str]
    cells: pd.DataFrame  # base visits by stratum x group, with residents (base year) and slope
    growth: np.ndarray  # cells x years: residents[y] / residents[base], main variant
    low: np.ndarray  # the same for the low and high variants
    high: np.ndarray
    design: float

    def collapsed(self) -> Projection:
        """The same projection with the cells that share a stratum and a specialty (so their
        growth and slope) summed: the region's totals and their count noise are unchanged, at
        a fraction of the cells (what a simulation draws over)."""
        cells = self.cells.reset_index(drop=True)
        codes = cells.groupby([*self.strata, s.SPECIALTY], observed=True, sort=False).ngroup().to_numpy()
        first = pd.Series(np.arange(len(cells))).groupby(codes).first().to_numpy()
        kept = cells.iloc[first].reset_index(drop=True)
        kept[s.VISITS] = cells.groupby(codes)[s.VISITS].sum().to_numpy()
        return Projection(self.base_year, self.years, self.strata, kept, self.growth[first], self.low[first],
                          self.high[first], self.design)

    def visits(self, healthy_share: float, non_demographic: float, life_expectancy_gain: tuple[float, ...],
               variant: float = 0.0, parts: int = 3) -> np.ndarray:
        """Visits of each cell in each year (cells x years) under these assumptions: `variant` -1
        (low) .. 0 (main) .. 1 (high), linear between; `parts` 1 = demography alone, 2 = with
        health status (`life_expectancy_gain`: years a year for each of OLD_BANDS), 3 = also
        non-demographic growth."""
        growth = self.growth + (variant * (self.high - self.growth) if variant > 0
                                else -variant * (self.low - self.growth))
        out = self.cells[s.VISITS].to_numpy(dtype=float)[:, None] * growth
        ahead = np.array(self.years, dtype=float) - self.base_year
        if parts >= 2:
            gain = self.cells[s.AGE_BAND].map(dict(zip(OLD_BANDS, life_expectancy_gain))).astype(float).fillna(0.0)
            shift = healthy_share * gain.to_numpy()[:, None] * ahead[None, :]  # years of age the rates move back
            out = out * np.exp(-self.cells["slope"].to_numpy(dtype=float)[:, None] * shift)
        if parts >= 3:
            out = out * (1 + non_demographic) ** ahead[None, :]
        return out


def project(base: pd.DataFrame, population: pd.DataFrame, projection: pd.DataFrame, base_year: int,
            horizon: int, design: float = 1.0) -> Projection:
    """The projection of `base` (base_visits) to each year after `base_year` up to `horizon`
    that the projection table covers. Residents in the base year come from `population` (the
    population table), later years from `projection`. Strata the tables lack (a municipality
    outside them) keep their visits unchanged. Raises ValueError when the tables have no year to
    project to or no residents in the base year. Municipality names are matched to the population
    table's as population.match_municipalities matches them."""
    strata = base.attrs["strata"]
    if pop.MUNICIPALITY in strata:  # the data's spellings ('Vesthimmerland', '773') as the table writes them, as 09
        to_table = pop.name_matcher(population[pop.MUNICIPALITY].unique())
        names = pop.normalised_names(base[pop.MUNICIPALITY], missing="")
        base = base.assign(**{pop.MUNICIPALITY: names.map({v: to_table(v) for v in names.unique()})})
    now = _residents(population[population[s.YEAR] == base_year], strata)
    if now.empty:
        raise ValueError(f"the population table has no residents in {base_year}, the base year")
    years = sorted(y for y in projection[s.YEAR].unique() if base_year < y <= horizon)
    if not years:
        raise ValueError(f"the population projection has no year after {base_year} up to {horizon}")
    now = now.drop(columns=s.YEAR).rename(columns={pop.RESIDENTS: "residents"})
    cells = base.merge(now, on=strata, how="left")
    cells.attrs["strata"] = strata

    def ratio(variant: str) -> np.ndarray:
        ahead = _residents(projection[projection[VARIANT] == variant], strata)
        wide = ahead.pivot_table(index=strata, columns=s.YEAR, values=pop.RESIDENTS, aggfunc="sum")
        wide = wide.reindex(columns=years)
        later = cells[strata].merge(wide.reset_index(), on=strata, how="left")[years].to_numpy(dtype=float)
        r = later / cells["residents"].to_numpy(dtype=float)[:, None]
        return np.where(np.isfinite(r), r, 1.0)  # a stratum the tables lack stays as it is

    slopes = age_slopes(cells)
    cells = cells.merge(slopes, on=[s.SPECIALTY, s.SEX, s.AGE_BAND], how="left")
    cells["slope"] = cells["slope"].fillna(0.0)
    cells.attrs["strata"] = strata
    return Projection(base_year, years, strata, cells, ratio("main"), ratio("low"), ratio("high"), design)


def totals(proj: Projection, a: Assumptions, by: list[str] | None = None) -> pd.DataFrame:
    """Visits a year at the assumptions' base values, by `by` (columns of the cells; none: the
    region): the base year's visits and, for each year ahead, visits after demography, after
    health status and in all (columns *by, year, base, demography, health_status, visits)."""
    by = list(by or [])
    group = by or ["_all"]
    keys = proj.cells[by] if by else pd.DataFrame({"_all": np.zeros(len(proj.cells), dtype=int)})
    keys = keys.reset_index(drop=True)
    parts = []
    for n, column in ((1, "demography"), (2, "health_status"), (3, s.VISITS)):
        v = pd.DataFrame(proj.visits(a.healthy_share[1], a.non_demographic[1], a.life_expectancy_gain, 0.0, n),
                         columns=proj.years)
        summed = pd.concat([keys, v], axis=1).groupby(group, observed=True)[proj.years].sum()
        parts.append(summed.melt(ignore_index=False, var_name=s.YEAR, value_name=column).set_index(s.YEAR, append=True))
    out = pd.concat(parts, axis=1).reset_index()
    base = pd.concat([keys, proj.cells[s.VISITS].reset_index(drop=True)], axis=1)
    out = out.merge(base.groupby(group, observed=True)[s.VISITS].sum().rename("base").reset_index(), on=group)
    out[s.YEAR] = out[s.YEAR].astype(int)
    return out[[*by, s.YEAR, "base", "demography", "health_status", s.VISITS]].sort_values([*by, s.YEAR],
                                                                                             ignore_index=True)


def growth(proj: Projection, a: Assumptions, by: list[str], year: int) -> pd.DataFrame:
    """totals by `by` in `year`, with growth (visits over the base year's, less 1) and
    demography_growth (the same from the population's change alone), fastest growth first."""
    out = totals(proj, a, by)
    out = out[out[s.YEAR] == year].copy()
    out["growth"] = out[s.VISITS] / out["base"] - 1
    out["demography_growth"] = out["demography"] / out["base"] - 1
    return out.sort_values(["growth", *by], ascending=[False, *[True] * len(by)], ignore_index=True)


def split(row: pd.Series) -> dict[str, float]:
    """The growth from the base year to a year of totals (one row), in its parts in the order
    they are applied: demography, health status, non-demographic growth (visits; they sum to the
    growth)."""
    return {"demography": float(row["demography"] - row["base"]),
            "health_status": float(row["health_status"] - row["demography"]),
            "non_demographic": float(row[s.VISITS] - row["health_status"]),
            "total": float(row[s.VISITS] - row["base"])}


# --- uncertainty ------------------------------------------------------------------------------
def _triangular(rng: np.random.Generator, low: float, mode: float, high: float, n: int) -> np.ndarray:
    return np.full(n, mode) if high <= low else rng.triangular(low, mode, high, n)


def simulate(proj: Projection, a: Assumptions, draws: int = 500, seed: int = 2030) -> pd.DataFrame:
    """The region's visits a year in `draws` draws (columns draw, year, visits): the projection
    variant (triangular -1..1 around the main one), the healthy share and the non-demographic
    growth (triangular between low, base and high) drawn together, and the base year's count
    noise (normal, variance the design effect x the visits, each cell's weight squared)."""
    proj = proj.collapsed()
    rng = np.random.default_rng(seed)
    variant = rng.triangular(-1.0, 0.0, 1.0, draws)
    healthy = _triangular(rng, *a.healthy_share, draws)
    growth = _triangular(rng, *a.non_demographic, draws)
    noise = rng.standard_normal(draws)
    base = proj.cells[s.VISITS].to_numpy(dtype=float)
    rows = []
    for d in range(draws):
        v = proj.visits(healthy[d], growth[d], a.life_expectancy_gain, variant[d])
        total = v.sum(axis=0)
        weight = np.divide(v, base[:, None], out=np.zeros_like(v), where=base[:, None] > 0)
        sd = np.sqrt(proj.design * (base[:, None] * weight ** 2).sum(axis=0))
        rows.append(total + noise[d] * sd)
    values = np.vstack(rows)
    return pd.DataFrame({"draw": np.repeat(np.arange(draws), len(proj.years)),
                         s.YEAR: np.tile(proj.years, draws), s.VISITS: values.ravel()})


def intervals(draws: pd.DataFrame, levels: tuple[float, ...] = (0.5, 0.95)) -> pd.DataFrame:
    """By year: the median of the draws and each level's central interval (columns low_50,
    high_50, low_95, high_95 for the default levels)."""
    g = draws.groupby(s.YEAR)[s.VISITS]
    out = g.median().rename("median").to_frame()
    for level in levels:
        pct = round(level * 100)
        out[f"low_{pct}"] = g.quantile((1 - level) / 2)
        out[f"high_{pct}"] = g.quantile(1 - (1 - level) / 2)
    return out.reset_index()


def sensitivity(proj: Projection, a: Assumptions, year: int) -> pd.DataFrame:
    """Each uncertain input at its low and its high with the others at base (one at a time): the
    region's visits in `year` (columns assumption, low, high, base: all at base, swing =
    |high - low|), largest swing first."""
    if year not in proj.years:
        raise ValueError(f"{year} is not a year of the projection ({proj.years[0]}-{proj.years[-1]})")
    j = proj.years.index(year)
    proj = proj.collapsed()

    def total(healthy=a.healthy_share[1], growth=a.non_demographic[1], variant=0.0) -> float:
        return float(proj.visits(healthy, growth, a.life_expectancy_gain, variant)[:, j].sum())

    rows = [("projection_variant", total(variant=-1.0), total(variant=1.0)),
            ("healthy_share", total(healthy=a.healthy_share[0]), total(healthy=a.healthy_share[2])),
            ("non_demographic", total(growth=a.non_demographic[0]), total(growth=a.non_demographic[2]))]
    out = pd.DataFrame(rows, columns=["assumption", "low", "high"])
    out["base"] = total()
    out["swing"] = (out["high"] - out["low"]).abs()
    return out.sort_values("swing", ascending=False, ignore_index=True)


# --- what the change ideas offset -------------------------------------------------------------
def in_person_shares(activity: pd.DataFrame, year: int) -> pd.DataFrame:
    """Each group's (GROUPS) share of its visits in person in `year` (activity aggregate): the
    projection keeps it, so projected in-person visits are the visits x this share."""
    act = activity[activity[s.YEAR] == year]
    every = act.groupby(GROUPS, observed=True)[s.VISITS].sum()
    person = act[act[s.CONTACT_MODE] == "in_person"].groupby(GROUPS, observed=True)[s.VISITS].sum()
    share = (person.reindex(every.index).fillna(0.0) / every.where(every > 0)).fillna(0.0)
    return share.rename("in_person_share").reset_index()


def idea_paths(by_group: pd.DataFrame, effects: pd.DataFrame, scenarios: list, first_year: int,
               column: str = "in_person_avoided", ramp_up_years: int = 1) -> pd.DataFrame:
    """The in-person visits each change idea avoids in each year of the projection: its in-person
    visits avoided in the base year (03's estimate, `effects`; or another of its columns, e.g. an
    FTE), grown as its group's visits grow (totals by GROUPS, `by_group`), from its own from_year
    or `first_year`, whichever is later, reaching its full effect over `ramp_up_years` (k /
    ramp_up_years of it in its k-th year; 1: at once). Rejected ideas are left out. Rows: the
    ideas (index scenario, column status); a column per year."""
    if ramp_up_years < 1:
        raise ValueError(f"ramp_up_years: 1 or more years, not {ramp_up_years}")
    years = sorted(by_group[s.YEAR].unique())
    statuses = {sc.name: sc.status for sc in scenarios if sc.status != "rejected"}
    starts = {sc.name: max(first_year, sc.from_year or first_year) for sc in scenarios}
    if effects.empty or not statuses:
        return pd.DataFrame(columns=["status", *years], index=pd.Index([], name="scenario"))
    ratio = by_group.assign(ratio=by_group[s.VISITS] / by_group["base"].where(by_group["base"] > 0))
    ratio = ratio.pivot_table(index=GROUPS, columns=s.YEAR, values="ratio", observed=True).reindex(columns=years)
    avoided = effects[effects["scenario"].isin(statuses)].groupby(["scenario", *GROUPS], observed=True)[
        column].sum().reset_index()
    grown = avoided.merge(ratio.reset_index(), on=GROUPS, how="left")
    values = grown[years].to_numpy(dtype=float)
    values = np.where(np.isfinite(values), values, 1.0) * grown[column].to_numpy(dtype=float)[:, None]
    k = np.array(years)[None, :] - grown["scenario"].map(starts).to_numpy()[:, None] + 1  # the idea's k-th year
    values = values * np.clip(k / ramp_up_years, 0, 1)
    out = pd.DataFrame(values, columns=years).assign(scenario=grown["scenario"]).groupby("scenario", sort=False).sum()
    out.insert(0, "status", out.index.map(statuses))
    return out


def offsets(paths: pd.DataFrame) -> pd.DataFrame:
    """idea_paths summed by status: columns year, approved, proposed (in-person visits a year)."""
    years = [c for c in paths.columns if c != "status"]
    out = pd.DataFrame({s.YEAR: years})
    for status in ("approved", "proposed"):
        out[status] = paths.loc[paths["status"] == status, years].sum().reindex(years).fillna(0.0).to_numpy()
    return out


def offset_draws(paths: pd.DataFrame, scenarios: list, draws: int, seed: int) -> np.ndarray:
    """The ideas' in-person visits avoided a year in `draws` draws (draws x years): each idea's
    share drawn triangular between its low, share and high, its visits scaled by the drawn share
    over its share (the ideas are applied one after another, so this is an approximation)."""
    years = [c for c in paths.columns if c != "status"]
    rng = np.random.default_rng(seed)
    by_name = {sc.name: sc for sc in scenarios}
    factors = np.ones((draws, len(paths)))
    for i, name in enumerate(paths.index):
        sc = by_name[name]
        if sc.share > 0:
            low = sc.low if sc.low is not None else sc.share
            high = sc.high if sc.high is not None else sc.share
            factors[:, i] = _triangular(rng, low, sc.share, high, draws) / sc.share
    return factors @ paths[years].to_numpy(dtype=float)


# --- staff ------------------------------------------------------------------------------------
def minutes_per_visit(activity: pd.DataFrame, minutes: pd.DataFrame, year: int) -> pd.DataFrame:
    """Minutes per visit by visit type and staff group in `year`: each contact mode's minutes
    (staff.load_staff_time) weighted by the year's visits in that mode."""
    act = activity[activity[s.YEAR] == year].groupby([s.VISIT_TYPE, s.CONTACT_MODE], observed=True)[s.VISITS].sum()
    act = act[act > 0]
    m = minutes.reindex(act.index).fillna(0.0)
    weighted = m.mul(act, axis=0).groupby(level=s.VISIT_TYPE).sum()
    return weighted.div(act.groupby(level=s.VISIT_TYPE).sum(), axis=0)


def staff_needed(by_group: pd.DataFrame, per_visit: pd.DataFrame, minutes_per_fte: float) -> pd.DataFrame:
    """FTE by staff group the growth in visits since the base year needs, each year (columns
    year and one per staff group): the extra visits of each visit type x its minutes a visit."""
    grown = by_group.assign(extra=by_group[s.VISITS] - by_group["base"])
    extra = grown.groupby([s.YEAR, s.VISIT_TYPE], observed=True)["extra"].sum().unstack(s.VISIT_TYPE).fillna(0.0)
    per = per_visit.reindex(extra.columns).fillna(0.0)
    fte = pd.DataFrame(extra.to_numpy() @ per.to_numpy() / minutes_per_fte, columns=per.columns, index=extra.index)
    return fte.reset_index()
