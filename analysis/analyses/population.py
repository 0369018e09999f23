"""Visits per resident by municipality: crude rates, indirectly standardised ratios and which
hospital each municipality's residents use.

The denominator is a population table (data/reference/population.csv, or the run's own copy):
residents by municipality x age band x sex x year, on 1 January of the year. The shipped table
is an ESTIMATE for the 19 municipalities of the reference region (see `estimate_table` and the
table's header): the 2013 municipality totals are Statistics Denmark's (table FOLK1), later
years are scaled to an extrapolated region total, and the age x sex split is an assumption
until replaced with the real table (FOLK1A: municipality x age x sex x quarter).

Methods:
  crude rate           visits / residents x 1,000 (visits per 1,000 residents a year)
  standardised ratio   indirect standardisation by age band x sex against the region's own
                       rates (standardise.indirect; Breslow & Day 1987, vol. II, ch. 2): O / E
  repeat visits        a patient's visits are not independent events (one patient with a
                       control every quarter brings four): the municipality's design effect
                       D = sum(k^2) / sum(k) over its patients' visit counts k (the variance of
                       a compound Poisson total is sum(k^2), not sum(k)), and O and E are
                       compared as the effective counts O/D and E/D ("scaled Poisson")
  interval             the ratio's own 95% interval: exact (Garwood) on the effective counts. It
                       says how precisely the municipality's ratio is known; it leaves out 1
                       where the ratio differs from the region's by more than the patients'
                       chance, which, where municipalities differ by more than chance, is more
                       often than the funnel flags
  funnel               Spiegelhalter (2005) limits for an O/E ratio (funnel.funnel, kind "ratio")
                       on the effective counts, overdispersion as NHS FunnelPlotR: whether a
                       municipality is unusual against the spread of municipalities (the class)
"""
from __future__ import annotations

import math
import os
from collections.abc import Sequence
from pathlib import Path

import numpy as np
import pandas as pd

from analysis.analyses.savings_key import apportion  # whole numbers summing exactly to a total (Hamilton)
from analysis.base import labels as L
from analysis.base import municipalities as mun
from analysis.base import schema as s
from analysis.base.names import closest, is_slip, letters
from analysis.base.problems import InputError, Problem
from analysis.inputs import reference
from analysis.stats import funnel as fn
from analysis.stats import standardise as st

MUNICIPALITY = s.MUNICIPALITY
MUNICIPALITY_CODE = s.MUNICIPALITY_CODE  # optional in a population table: the official 3-digit code
RESIDENTS = "residents"
RATE = "visits_per_1000"
COLUMNS = (MUNICIPALITY, s.AGE_BAND, s.SEX, s.YEAR, RESIDENTS)
STRATA = [s.AGE_BAND, s.SEX]
PER = 1_000
# what a visit without a municipality of residence carries: empty, or the aggregates' "-"
NO_MUNICIPALITY = ("", "-")

# Column names an extract may use for the residents' municipality (normalised with schema.norm_key).
# the visits' column names that mean the municipality: the data contract's aliases, plus two
# spellings a hand-made table may use
MUNICIPALITY_ALIASES = frozenset({k for k, v in s.COLUMN_ALIASES.items() if v == s.MUNICIPALITY}
                                 | {"bopæl_kommune", "residence_municipality"})

# --- the sources of the shipped estimate ---------------------------------------------------
# Residents on 1 January 2013, Statistics Denmark table FOLK1 (as republished for the region).
MUNICIPALITIES_2013: dict[str, int] = {
    "Favrskov": 47_156, "Hedensted": 45_868, "Herning": 86_595, "Holstebro": 57_254,
    "Horsens": 84_871, "Ikast-Brande": 40_468, "Lemvig": 21_223, "Norddjurs": 38_035,
    "Odder": 21_800, "Randers": 96_007, "Ringkøbing-Skjern": 57_259, "Samsø": 3_806,
    "Silkeborg": 89_346, "Skanderborg": 58_094, "Skive": 47_291, "Struer": 21_846,
    "Syddjurs": 41_894, "Viborg": 94_333, "Aarhus": 319_094,
}
# Region totals from the same source (the 2013 figure is for the third quarter, so the
# municipalities' 1 January 2013 figures sum to 1,574 fewer: 1,272,240).
REGION_TOTALS: dict[str, int] = {
    "2013Q3": 1_273_814, "2017-01-01": 1_304_253, "2018-01-01": 1_313_596, "2020-01-01": 1_326_340,
}
BASE_YEAR, BASE_TOTAL = 2020, REGION_TOTALS["2020-01-01"]
# Yearly growth 1 January 2017 -> 1 January 2020 (about 0.56% a year), used to extrapolate.
GROWTH = (REGION_TOTALS["2020-01-01"] / REGION_TOTALS["2017-01-01"]) ** (1 / 3)
YEARS = (2023, 2024, 2025)

# ASSUMED age structure: shares of residents by age band, roughly Denmark's in the early 2020s.
NATIONAL_AGE_SHARES: dict[str, float] = {
    "0-17": 0.198, "18-39": 0.280, "40-59": 0.253, "60-69": 0.115, "70-79": 0.101, "80+": 0.053,
}
# ASSUMED share of women in each age band.
FEMALE_SHARES: dict[str, float] = {
    "0-17": 0.487, "18-39": 0.490, "40-59": 0.495, "60-69": 0.505, "70-79": 0.525, "80+": 0.590,
}
# ASSUMED tilt of the age structure: +1 older (rural), +2 much older (a small island), -1 younger
# (a university city); 0 = the national structure.
AGE_TILT: dict[str, int] = {
    "Lemvig": 1, "Ringkøbing-Skjern": 1, "Norddjurs": 1, "Struer": 1, "Skive": 1, "Samsø": 2,
    "Aarhus": -1,
}
# What one step of tilt does to each band's share (log scale, renormalised afterwards).
TILT_EFFECT: dict[str, float] = {
    "0-17": -0.05, "18-39": -0.25, "40-59": 0.02, "60-69": 0.20, "70-79": 0.25, "80+": 0.25,
}

HEADER = """\
# ESTIMATED residents by municipality x age band x sex on 1 January of each year, for the 19
# municipalities of the reference region. Replace with Statistics Denmark's table FOLK1A
# (municipality x age x sex x quarter, first quarter) summed to these age bands before real use.
# Sources and estimates (made by analysis.analyses.population.estimate_table; reproducible):
# - municipality totals on 1 January 2013: Statistics Denmark, table FOLK1 (they sum to
#   1,272,240; the region's 1,273,814 is for the third quarter of 2013);
# - region totals: 1,326,340 on 1 January 2020 (FOLK1), ESTIMATED for 2023-2025 by the yearly
#   growth 1 January 2017 (1,304,253) -> 2020, about 0.56% a year: 1,348,801 / 1,356,372 / 1,363,986;
# - municipality totals of a later year: ESTIMATED as the region total x the municipality's share
#   in 2013 (real growth was faster in Aarhus and slower in the rural municipalities);
# - the age x sex split: an ASSUMPTION, the national age structure, slightly older in Lemvig,
#   Ringkøbing-Skjern, Norddjurs, Struer, Skive and (more) Samsø, younger in Aarhus.
"""


class PopulationError(ValueError):
    """The visits cannot be set against the population table; the message says why and what to do."""


# --- the shipped estimate ------------------------------------------------------------------
def region_total(year: int) -> int:
    """The region's residents on 1 January of `year`: 1,326,340 in 2020 (FOLK1) times the
    2017-2020 yearly growth to the power of the years since (an ESTIMATE after 2020), rounded."""
    return round(BASE_TOTAL * GROWTH ** (year - BASE_YEAR))


def age_shares(municipality: str) -> dict[str, float]:
    """The ASSUMED share of a municipality's residents in each age band (sums to 1)."""
    tilt = AGE_TILT.get(municipality, 0)
    raw = {b: NATIONAL_AGE_SHARES[b] * math.exp(tilt * TILT_EFFECT[b]) for b in s.AGE_BAND_LABELS}
    total = sum(raw.values())
    return {b: v / total for b, v in raw.items()}


def estimate_table(years: Sequence[int] = YEARS) -> pd.DataFrame:
    """The shipped population table, rebuilt: residents (persons) by municipality x age band x
    sex x year. Deterministic: each year's region total (region_total) is split over the
    municipalities by their 2013 shares, each municipality's total over the age bands x sexes
    by the assumed shares (age_shares, FEMALE_SHARES), both by largest remainders, so the
    cells sum exactly to the municipality totals and those to the region total."""
    names = list(MUNICIPALITIES_2013)
    rows = []
    for year in years:
        totals = apportion(region_total(year), pd.Series([MUNICIPALITIES_2013[m] for m in names]))
        for m, total in zip(names, totals):
            shares = age_shares(m)
            cells = [(b, sex, shares[b] * (FEMALE_SHARES[b] if sex == "F" else 1 - FEMALE_SHARES[b]))
                     for b in s.AGE_BAND_LABELS for sex in s.SEXES]
            for (b, sex, _), n in zip(cells, apportion(int(total), pd.Series([c[2] for c in cells]))):
                rows.append((m, b, sex, year, n))
    return pd.DataFrame(rows, columns=list(COLUMNS))


def write_estimate(path: str | os.PathLike[str], years: Sequence[int] = YEARS) -> Path:
    """Write estimate_table(years) as a reference table with its header of sources."""
    path = Path(path)
    with path.open("w", encoding="utf-8", newline="\n") as f:
        f.write(HEADER)
        estimate_table(years).to_csv(f, index=False, lineterminator="\n")
    return path


# --- reading and checking a population table -----------------------------------------------
def load_population(path: str | os.PathLike[str] | None = None) -> pd.DataFrame:
    """Read and check a population table (empty path: the shipped estimate): columns
    municipality, age_band (the project's age bands), sex (F/M), year and residents (whole
    numbers >= 0), one row per municipality x age band x sex x year, every age band and sex
    present for each municipality and year. Raises InputError listing every problem together."""
    return checked_population(reference.read_table("population", path, COLUMNS),
                              reference.locate("population", path).name)


def checked_population(df: pd.DataFrame, name: str) -> pd.DataFrame:
    """A population table read from the file `name` (load_population's checks; also each
    variant of a projection, demand.load_projection), names written as load_population writes
    them. Raises InputError listing every problem together, rows counted from the table's first
    data row (the frame's index + 1)."""
    df = df.copy()
    problems: list[Problem] = []

    def rows_of(mask: pd.Series) -> list[int]:
        return (df.index[mask] + 1).tolist()

    def add(column: str, mask: pd.Series, message: str, hint: str) -> None:
        rows = rows_of(mask)
        problems.append(Problem(name, column, message, hint, rows[:5], len(rows),
                                [str(v) for v in df.loc[mask, column].head(3)]))

    df[MUNICIPALITY] = normalised_names(df[MUNICIPALITY].fillna(""))
    if MUNICIPALITY_CODE in df.columns:  # the official code decides; a name that says otherwise is refused
        by_code = df[MUNICIPALITY_CODE].fillna("").map(lambda c: mun.official(c) if str(c).strip().isdigit() else "")
        bad = by_code == ""
        if bad.any():
            add(MUNICIPALITY_CODE, bad, "not an official municipality code",
                f"use the 3-digit codes of Danmarks Statistik (see {reference.display_path(mun.TABLE)})")
        by_name = df[MUNICIPALITY].map(mun.official)
        differ = ~bad & (by_name != "") & (by_name != by_code)
        if differ.any():
            add(MUNICIPALITY, differ, "the name is another municipality than its code",
                "correct the name or the code")
        df[MUNICIPALITY] = by_code.where(~bad, df[MUNICIPALITY])
    # a known municipality is written by its official name, however the file spells it (or codes it)
    df[MUNICIPALITY] = df[MUNICIPALITY].map(lambda v: mun.official(v) or v)
    empty = df[MUNICIPALITY] == ""
    if empty.any():
        add(MUNICIPALITY, empty, "the municipality is empty", "give each row its municipality's name")
    for col, allowed in ((s.AGE_BAND, s.AGE_BAND_LABELS), (s.SEX, s.SEXES)):
        bad = ~df[col].isin(allowed)
        if bad.any():
            extra = " (sum single ages into these bands)" if col == s.AGE_BAND else ""
            add(col, bad, f"unknown {col.replace('_', ' ')}", f"use one of {', '.join(allowed)}{extra}")
    year = pd.to_numeric(df[s.YEAR], errors="coerce")
    bad = year.isna() | (year % 1 != 0)
    if bad.any():
        add(s.YEAR, bad, "the year must be a whole year such as 2024", "correct the years")
    residents = pd.to_numeric(df[RESIDENTS].astype(str).str.replace(r"[\s\u00a0]", "", regex=True),
                              errors="coerce")
    bad = residents.isna() | (residents < 0) | (residents % 1 != 0)
    if bad.any():
        add(RESIDENTS, bad, "residents must be whole numbers of persons, 0 or more",
            "correct the values (no decimals, no negative numbers, no text)")
    if problems:
        raise InputError(problems)
    df[s.YEAR] = year.astype(int)
    df[RESIDENTS] = residents.astype("int64")
    keys = [MUNICIPALITY, s.AGE_BAND, s.SEX, s.YEAR]
    dup = df.duplicated(keys, keep=False)
    if dup.any():
        add(MUNICIPALITY, dup, "the same municipality x age band x sex x year appears more than once",
            "keep one row per municipality, age band, sex and year (sum them if they are parts)")
    have = set(map(tuple, df[keys].to_numpy()))
    missing = [(m, b, x, y) for m, y in sorted(set(zip(df[MUNICIPALITY], df[s.YEAR])))
               for b in s.AGE_BAND_LABELS for x in s.SEXES if (m, b, x, y) not in have]
    if missing:
        listed = ", ".join(f"{m} {b} {x} {y}" for m, b, x, y in missing[:5])
        more = f" (and {len(missing) - 5} more)" if len(missing) > 5 else ""
        problems.append(Problem(name, s.AGE_BAND, f"{len(missing)} municipality x year cells lack an age band "
                                f"or sex: {listed}{more}", "add a row for every age band and sex (0 if none)"))
    if problems:
        raise InputError(problems)
    return df[list(COLUMNS)].reset_index(drop=True)


# --- municipality names --------------------------------------------------------------------
def normalise_name(name: object) -> str:
    """A municipality name as the project normalises unit names: blanks trimmed and collapsed."""
    return " ".join(str(name).split())


def normalised_names(values: pd.Series, missing: str | None = None) -> pd.Series:
    """normalise_name of every value, worked out once per distinct value (a column of visits
    repeats a hundred names). A missing value becomes `missing`, or (None) its text, as map gives."""
    codes, uniques = pd.factorize(values, use_na_sentinel=missing is not None)
    names = np.array([normalise_name(u) for u in uniques] + [missing], dtype=object)
    return pd.Series(names[codes], index=values.index)  # code -1, a missing value: the last


def _municipality_column(visits: pd.DataFrame) -> str:
    """The visits' municipality column (an alias such as 'kommune' is accepted)."""
    for c in visits.columns:
        if s.norm_key(c) in MUNICIPALITY_ALIASES:
            return c
    raise PopulationError(
        "the visits have no municipality column, so they cannot be set against residents; "
        "add the patient's municipality of residence (kommune) as a column named 'municipality' "
        f"(columns found: {', '.join(map(str, visits.columns))})")


def match_municipalities(visits: pd.DataFrame, population: pd.DataFrame) -> tuple[pd.DataFrame, pd.DataFrame]:
    """The visits with a `municipality` column matched to the population table's names, and the
    names that are not in it.

    A name matches when it is the same after trimming blanks; when both name the same one of the
    98 Danish municipalities (municipalities.official: by official code, official name or a known
    variant, so '580', 'Åbenrå' and 'Aabenraa' all match 'Aabenraa'); or when it differs only by
    case, accents, spacing or punctuation ('aarhus', 'Ringkøbing Skjern'). It is then written as
    the table writes it. Other names are not guessed: they come back in the second frame
    (municipality, visits, suggestion: a table name it is probably a slip of, else empty)."""
    col = _municipality_column(visits)
    out = visits.rename(columns={col: MUNICIPALITY}) if col != MUNICIPALITY else visits.copy()
    known = sorted(population[MUNICIPALITY].unique())
    to_table = name_matcher(known)
    raw = normalised_names(out[MUNICIPALITY], missing="")
    names = {v: to_table(v) for v in raw.unique()}
    out[MUNICIPALITY] = raw.map(names)
    unknown = ~out[MUNICIPALITY].isin(known)
    weight = out[s.VISITS] if s.VISITS in out.columns else pd.Series(1, index=out.index)
    found = (weight[unknown].groupby(out.loc[unknown, MUNICIPALITY]).sum()
             .rename(s.VISITS).reset_index().sort_values([s.VISITS, MUNICIPALITY], ascending=[False, True]))
    found["suggestion"] = [next((k for k in known if v and is_slip(v, k)), "") for v in found[MUNICIPALITY]]
    return out, found.reset_index(drop=True)


def name_matcher(known: Sequence[str]):
    """A function taking a municipality name (or code) to the name `known` (a population table's
    names) writes it by, as match_municipalities matches; the name itself where none matches."""
    known = sorted(set(known))
    by_letters = {letters(k): k for k in known}
    by_official = {mun.official(k): k for k in known if mun.official(k)}

    def to_known(name: str) -> str:
        if name in by_letters.values():
            return name
        return by_official.get(mun.official(name)) or by_letters.get(letters(name), name)

    return to_known


def names_without_visits(population: pd.DataFrame, data_names: Sequence[str]) -> pd.DataFrame:
    """The population table's municipalities that no municipality of the data matches (as
    match_municipalities matches: code, official name, variants, case and punctuation), with a
    suggestion: the data's name it is most likely meant to be (names.closest, among the data's
    names that match no table name), else ''. Such a municipality would have residents and no
    visits, and read as "100 % fewer visits" while lowering the region's rates behind every other
    ratio. Returns municipality, suggestion."""
    known = sorted(population[MUNICIPALITY].unique())
    to_table = name_matcher(known)
    names = [normalise_name(n) for n in data_names if str(n).strip() not in NO_MUNICIPALITY and not pd.isna(n)]
    matched = {to_table(n) for n in names}
    loose = sorted({n for n in names if to_table(n) not in known})
    rows = [(m, closest(m, loose) if loose else "") for m in known if m not in matched]
    return pd.DataFrame(rows, columns=[MUNICIPALITY, "suggestion"])


def _unknown_message(unknown: pd.DataFrame) -> str:
    parts = []
    for r in unknown.itertuples(index=False):
        hint = f"; did you mean '{r.suggestion}'?" if r.suggestion else ""
        parts.append(f"'{r.municipality}' ({r.visits:,.0f} visits{hint})" if r.municipality not in NO_MUNICIPALITY
                     else f"no municipality ({r.visits:,.0f} visits)")
    return (f"{len(parts)} municipality name{'s' * (len(parts) != 1)} in the visits "
            f"{'are' if len(parts) != 1 else 'is'} not in the population table: {', '.join(parts)}. "
            "Correct the names, add the municipalities to the population table, or pass "
            "on_unknown='exclude' to leave their visits out (they are then listed in the result's "
            "attrs['unknown']).")


def split_unknown(unknown: pd.DataFrame) -> tuple[float, pd.DataFrame]:
    """The set-aside names of match_municipalities (a result's attrs['unknown']) in two: the
    visits that carry no municipality at all, and the names that are not in the population table
    (municipality, visits, suggestion), most visits first."""
    none = unknown[MUNICIPALITY].isin(NO_MUNICIPALITY)
    return float(unknown.loc[none, s.VISITS].sum()), unknown[~none].reset_index(drop=True)


def left_out_notes(unknown: pd.DataFrame, lang: str = "da") -> list[str]:
    """What a report says about the visits set aside (a result's attrs['unknown']): how many
    have no municipality of residence, then the names not in the population table with their
    visits and a likely spelling, and that such a name lies outside the region or is spelt
    otherwise than in the table (then it is mapped). Empty when nothing was set aside."""
    without, names = split_unknown(unknown)
    notes = [L.t("pop_no_municipality", lang, visits=L.number(without, lang))] if without else []
    if len(names):
        listed = [L.t("pop_unknown_maybe" if r.suggestion else "pop_unknown_one", lang, name=r.municipality,
                      visits=L.number(r.visits, lang), suggestion=r.suggestion)
                  for r in names.itertuples(index=False)]
        notes.append(L.t("pop_unknown", lang, names=L.names(listed, lang)))
    return notes


def _prepare(visits: pd.DataFrame, population: pd.DataFrame, year: int, on_unknown: str,
             need_strata: bool) -> tuple[pd.DataFrame, pd.DataFrame, pd.DataFrame]:
    """Visits of `year` matched to the population of `year`; unknown names refused or set aside."""
    if on_unknown not in ("refuse", "exclude"):
        raise ValueError(f"on_unknown must be 'refuse' or 'exclude', not {on_unknown!r}")
    if s.VISITS not in visits.columns:
        raise PopulationError(f"the visits have no '{s.VISITS}' column (visits per row)")
    pop = population.loc[population[s.YEAR] == year]
    if pop.empty:
        years = sorted(population[s.YEAR].unique())
        raise PopulationError(f"the population table has no residents for {year} (it has "
                              f"{', '.join(map(str, years))}); add that year or choose one of these")
    if s.YEAR in visits.columns:
        visits = visits.loc[pd.to_numeric(visits[s.YEAR], errors="coerce") == year]
    if need_strata:
        missing = [c for c in STRATA if c not in visits.columns]
        if missing:
            raise PopulationError(f"the visits have no {' or '.join(missing)} column: standardisation "
                                  "needs visits by age band and sex (use rates() for crude rates)")
    matched, unknown = match_municipalities(visits, pop)
    if not unknown.empty:
        if on_unknown == "refuse":
            raise PopulationError(_unknown_message(unknown))
        matched = matched.loc[matched[MUNICIPALITY].isin(pop[MUNICIPALITY])]
    return matched, pop, unknown


def _empty(columns: list[str], reason: str, unknown: pd.DataFrame) -> pd.DataFrame:
    out = pd.DataFrame(columns=columns)
    out.attrs.update(reason=reason, unknown=unknown)
    return out


# --- rates ---------------------------------------------------------------------------------
def rates(visits: pd.DataFrame, population: pd.DataFrame, year: int,
          by: Sequence[str] = (MUNICIPALITY,), on_unknown: str = "refuse") -> pd.DataFrame:
    """Crude visits per 1,000 residents in `year`.

    visits:     visits (count, column `visits`) by municipality, optionally by age_band, sex,
                year and any other column (specialty, visit_type, ...); a `year` column, where
                present, is filtered to `year`
    population: the population table (load_population): residents on 1 January of `year`
    by:         the columns of the result; those of the population table (municipality,
                age_band, sex) also divide the residents, others (e.g. specialty) only the
                visits, so a specialty's rate is its visits per 1,000 of all residents
    on_unknown: 'refuse' (default) raises PopulationError naming municipality names not in the
                population table; 'exclude' leaves their visits out and lists them in
                result.attrs['unknown']

    Returns by + visits, residents, visits_per_1000 (visits / residents x 1,000). Every
    municipality of the table appears (0 visits where it has none) when `by` holds only
    population columns. An empty visits frame gives an empty result with attrs['reason'].
    """
    by = list(by)
    pop_keys = [c for c in by if c in (MUNICIPALITY, *STRATA)]
    matched, pop, unknown = _prepare(visits, population, year, on_unknown, need_strata=False)
    missing = [c for c in by if c not in matched.columns]
    if missing:
        raise PopulationError(f"the visits have no {', '.join(missing)} column to group by")
    columns = [*by, s.VISITS, RESIDENTS, RATE]
    if matched.empty:
        return _empty(columns, f"no visits in {year} from a municipality of the population table", unknown)
    ev = matched.groupby(by, observed=True)[s.VISITS].sum() if by else pd.Series([matched[s.VISITS].sum()])
    if by and set(by) == set(pop_keys):
        res = pop.groupby(pop_keys)[RESIDENTS].sum()
        out = pd.concat([ev, res], axis=1).fillna({s.VISITS: 0}).reset_index()
    elif by:
        res = pop.groupby(pop_keys)[RESIDENTS].sum().reset_index() if pop_keys else None
        out = ev.reset_index()
        out = out.merge(res, on=pop_keys, how="left") if pop_keys else out.assign(**{RESIDENTS: pop[RESIDENTS].sum()})
    else:
        out = pd.DataFrame({s.VISITS: ev.to_numpy(), RESIDENTS: [pop[RESIDENTS].sum()]})
    out[RESIDENTS] = out[RESIDENTS].fillna(0)
    with np.errstate(divide="ignore", invalid="ignore"):
        out[RATE] = np.where(out[RESIDENTS] > 0, out[s.VISITS] / out[RESIDENTS] * PER, np.nan)
    out = out[columns].sort_values(by).reset_index(drop=True) if by else out[columns]
    out.attrs["unknown"] = unknown
    return out


REGION_RATE, TO_REGION = "region_per_1000", "ratio_to_region"


def age_profile(visits: pd.DataFrame, population: pd.DataFrame, year: int,
                municipalities: Sequence[str]) -> pd.DataFrame:
    """Which ages make a municipality's standardised ratio high or low: per municipality of
    `municipalities` (in their order) and age band, its visits, residents and crude visits per
    1,000 residents (both sexes), beside the region's rate in the same band and the ratio of the
    two (1.30: 30% more visits per resident of that age than the region). Visits of an unknown
    age or from a municipality outside the population table are left out, as in standardised.
    Columns: municipality, age_band, visits, residents, visits_per_1000, region_per_1000,
    ratio_to_region."""
    columns = [MUNICIPALITY, s.AGE_BAND, s.VISITS, RESIDENTS, RATE, REGION_RATE, TO_REGION]
    known = visits[visits[s.AGE_BAND].isin(s.AGE_BAND_LABELS)] if s.AGE_BAND in visits else visits.iloc[:0]
    if not len(municipalities) or known.empty:
        return pd.DataFrame(columns=columns)
    own = rates(known, population, year, by=[MUNICIPALITY, s.AGE_BAND], on_unknown="exclude")
    region = rates(known, population, year, by=[s.AGE_BAND], on_unknown="exclude")
    own.attrs, region.attrs = {}, {}  # their note of left-out names is not this table's (a frame: merge compares it)
    out = own[own[MUNICIPALITY].isin(municipalities)].merge(
        region[[s.AGE_BAND, RATE]].rename(columns={RATE: REGION_RATE}), on=s.AGE_BAND)
    with np.errstate(divide="ignore", invalid="ignore"):
        out[TO_REGION] = np.where(out[REGION_RATE] > 0, out[RATE] / out[REGION_RATE], np.nan)
    order = {m: i for i, m in enumerate(municipalities)}
    bands = {b: i for i, b in enumerate(s.AGE_BAND_LABELS)}
    out = out.sort_values([MUNICIPALITY, s.AGE_BAND], key=lambda c: c.map(order if c.name == MUNICIPALITY else bands))
    return out[columns].reset_index(drop=True)


# --- repeat visits of one patient ---------------------------------------------------------------
DESIGN_EFFECT = "design_effect"
EFFECTIVE_OBSERVED = "observed_effective"
EFFECTIVE_EXPECTED = "expected_effective"


def repeat_visits(con, visits, year: int, sectors: Sequence[str] | None = None,
                  by: Sequence[str] = ()) -> pd.DataFrame:
    """Each municipality's patients and how their visits cluster, from visit-level data: one row
    per municipality (as the data write it; and value of each column of `by`, e.g. specialty) with
    visits (sum of k), patients and sum_sq (sum of k^2), k a patient's visits in `year` in
    `sectors` (and in that value) (Ibis: `con` runs the query on `visits`,
    pipeline.Prepared.visit_table's pair). A patient recorded under two municipalities counts in
    each with the visits there."""
    from analysis.engine.intervals import visits_in

    v = visits_in(visits, tuple(sectors) if sectors else None)
    v = v.filter(v[s.VISIT_DATE].year() == year)
    per_patient = v.group_by([MUNICIPALITY, *by, s.PATIENT_ID]).aggregate(k=v.count())
    k = per_patient["k"].cast("float64")
    out = con.execute(per_patient.group_by([MUNICIPALITY, *by]).aggregate(
        **{s.VISITS: k.sum(), "patients": per_patient.count(), "sum_sq": (k * k).sum()}))
    return out.astype({s.VISITS: float, "patients": float, "sum_sq": float})


def design_effects(repeats: pd.DataFrame, population: pd.DataFrame, by: Sequence[str] = ()) -> pd.Series:
    """The design effect D = sum(k^2) / sum(k) of each municipality of the population table (and
    value of `by`, as repeat_visits was given it: indexed by municipality and those columns)
    (repeat_visits' rows, names matched as match_municipalities matches them; 1 where every
    patient has one visit). A name the table lacks is left out."""
    matched, _ = match_municipalities(repeats, population)
    sums = matched.groupby([MUNICIPALITY, *by], observed=True)[[s.VISITS, "sum_sq"]].sum()
    sums = sums[sums[s.VISITS] > 0]
    return (sums["sum_sq"] / sums[s.VISITS]).clip(lower=1.0).rename(DESIGN_EFFECT)


# --- indirect standardisation --------------------------------------------------------------
def standardised(visits: pd.DataFrame, population: pd.DataFrame, year: int, by: Sequence[str] = (),
                 on_unknown: str = "refuse", method: str = "additive",
                 rule: str = "target_limits", design: pd.Series | None = None) -> pd.DataFrame:
    """Each municipality's visits against those expected from the region's visit rates by age
    band x sex applied to its residents (indirect standardisation, standardise.indirect), with
    the funnel classification over the municipalities (funnel.funnel, kind "ratio").

    visits:     visits by municipality x age_band x sex (column `visits`; a `year` column is
                filtered to `year`), optionally by further columns named in `by`
    population: the population table (load_population)
    by:         further columns (e.g. specialty): each municipality is then compared with the
                region's rates within each value, and the funnel is drawn within each value
    method, rule: passed to funnel.funnel (overdispersion adjustment and classification rule)
    design:     each municipality's design effect (design_effects, given the same `by`): O and E
                are compared as O/D and E/D (see the module's docstring); None or a cell it
                lacks: D = 1, every visit its own event

    Returns municipality (+ by), observed (visits), residents, expected (visits), crude and
    region_crude (visits per 1,000 residents), ratio (O/E; 1 = as many visits as the region's
    age x sex rates predict), design_effect, observed_effective / expected_effective (O/D,
    E/D), ratio_low / ratio_high (the ratio's exact 95% interval on the effective counts,
    funnel.ratio_interval), the funnel's value, target, lower/upper 95 and 99.8 limits and class
    ('high_998', 'high_95', 'within', 'low_95', 'low_998', 'no_data'), and observed_unmatched
    (visits in an age band x sex without residents, e.g. a missing age band: they count in O
    but add nothing to E). Visits of unknown sex or age (missing age band or sex) are left out of
    O and E and counted in attrs['left_out']. attrs: 'unknown' (names set aside), 'dispersion'
    (the funnel's funnel.Dispersion, estimated over the municipalities; with `by`, a dict per
    value), 'left_out'.
    """
    by = list(by)
    if design is not None and design.index.nlevels != 1 + len(by):
        raise ValueError(f"design effects by municipality{''.join(' and ' + c for c in by)} are needed: "
                         f"give design_effects the same by={by}")
    matched, pop, unknown = _prepare(visits, population, year, on_unknown, need_strata=True)
    missing = [c for c in by if c not in matched.columns]
    if missing:
        raise PopulationError(f"the visits have no {', '.join(missing)} column to group by")
    if matched.empty:
        return _empty([MUNICIPALITY, *by, st.OBSERVED, RESIDENTS, st.EXPECTED, "ratio"],
                      f"no visits in {year} from a municipality of the population table", unknown)
    events = matched.groupby([MUNICIPALITY, *by, *STRATA], observed=True, dropna=False)[s.VISITS].sum()
    events = events.rename(st.OBSERVED).reset_index()
    # a visit of unknown sex or age has no age band x sex to be expected from: left out of O and E
    # alike (in O alone it would raise every ratio), and counted (unknown_strata_note)
    known = events[STRATA].notna().all(axis=1)
    left_out = float(events.loc[~known, st.OBSERVED].sum())
    events = events.loc[known]
    people = pop[[MUNICIPALITY, *STRATA, RESIDENTS]].rename(columns={RESIDENTS: st.POPULATION})
    if by:  # the same residents stand behind each value of `by` (e.g. each specialty)
        people = people.merge(events[by].drop_duplicates(), how="cross")
    res = st.indirect(events, people, [MUNICIPALITY, *by], STRATA, region=by or None)
    res = res.rename(columns={st.POPULATION: RESIDENTS})
    res["crude"] = res["crude"] * PER
    res["region_crude"] = res["region_crude"] * PER
    cells = pd.MultiIndex.from_frame(res[[MUNICIPALITY, *by]]) if by else pd.Index(res[MUNICIPALITY])
    d = (design.reindex(cells) if design is not None else pd.Series(np.nan, index=cells)).fillna(1.0).to_numpy(float)
    res[DESIGN_EFFECT] = d
    res[EFFECTIVE_OBSERVED] = res[st.OBSERVED] / d
    res[EFFECTIVE_EXPECTED] = res[st.EXPECTED] / d
    lo, hi = fn.ratio_interval(res[EFFECTIVE_OBSERVED], res[EFFECTIVE_EXPECTED], fn.Z95)
    res["ratio_low"] = np.where(res[st.EXPECTED] > 0, lo, np.nan)
    res["ratio_high"] = np.where(res[st.EXPECTED] > 0, hi, np.nan)
    parts, dispersions = [], {}
    for key, part in (res.groupby(by, observed=True, sort=True) if by else [((), res)]):
        f, disp = fn.funnel(part, EFFECTIVE_OBSERVED, EFFECTIVE_EXPECTED, kind="ratio", method=method, rule=rule)
        parts.append(f)
        dispersions[key] = disp
    out = pd.concat(parts).sort_values([*by, MUNICIPALITY]).reset_index(drop=True)
    out = out[[c for c in out.columns if c != st.UNMATCHED] + [st.UNMATCHED]]
    out.attrs.update(unknown=unknown, dispersion=dispersions if by else dispersions[()], left_out=left_out)
    return out


def beyond_limits(result: pd.DataFrame, by: str, shown: Sequence[str] | None = None) -> pd.DataFrame:
    """The municipality x `by` cells of standardised(..., by=[by])'s result outside the funnel's
    99.8% limits of their own `by` value (class high_998 or low_998), of the values `shown` (all
    where None): municipality, `by`, ratio, class, in the order municipality, then `by`. The
    funnel within each value allows for municipalities differing more than chance (its
    overdispersion), so a ratio far from 1 in a small municipality may lie within it."""
    out = result[result["class"].isin(["high_998", "low_998"])]
    if shown is not None:
        out = out[out[by].isin(list(shown))]
    return out[[MUNICIPALITY, by, "ratio", "class"]].sort_values([MUNICIPALITY, by]).reset_index(drop=True)


def unknown_strata_note(result: pd.DataFrame, lang: str = "da") -> str:
    """The sentence saying how many visits of unknown sex or age standardised() left out (a
    result's attrs['left_out']); empty when none were."""
    n = result.attrs.get("left_out", 0)
    return L.t("pop_left_out_strata", lang, visits=L.number(n, lang)) if n else ""


# --- where residents go ----------------------------------------------------------------------
def hospital_use(visits_by_municipality_hospital: pd.DataFrame,
                 population: pd.DataFrame | None = None, on_unknown: str = "refuse") -> pd.DataFrame:
    """For each municipality, the share of its residents' visits made at each hospital.

    visits_by_municipality_hospital: visits (column `visits`) by municipality and hospital
    (other columns are summed over). Hospital names are trimmed as the project trims them.
    population: when given, municipality names are matched to its table (match_municipalities)
    and unknown ones refused or, with on_unknown='exclude', left out and listed in attrs['unknown'].

    Returns one row per municipality: municipality, visits (all its residents' visits),
    main_hospital (the hospital with the largest share; a tie goes to the hospital with more
    visits in the whole data, then by name), main_share, then one column per hospital (most
    visits first) holding the share of the municipality's visits there (fractions; each row's
    hospital columns sum to 1).
    """
    df = visits_by_municipality_hospital
    col = _municipality_column(df)
    if s.HOSPITAL not in df.columns or s.VISITS not in df.columns:
        raise PopulationError(f"hospital_use needs the columns municipality, {s.HOSPITAL} and {s.VISITS}")
    df = df.rename(columns={col: MUNICIPALITY}) if col != MUNICIPALITY else df.copy()
    unknown = pd.DataFrame(columns=[MUNICIPALITY, s.VISITS, "suggestion"])
    if population is not None:
        df, unknown = match_municipalities(df, population)
        if not unknown.empty:
            if on_unknown == "refuse":
                raise PopulationError(_unknown_message(unknown))
            df = df.loc[df[MUNICIPALITY].isin(population[MUNICIPALITY])]
    else:
        df[MUNICIPALITY] = normalised_names(df[MUNICIPALITY])
    df[s.HOSPITAL] = normalised_names(df[s.HOSPITAL])
    table = df.pivot_table(index=MUNICIPALITY, columns=s.HOSPITAL, values=s.VISITS, aggfunc="sum", fill_value=0)
    table = table.loc[table.sum(axis=1) > 0]
    if table.empty:
        return _empty([MUNICIPALITY, s.VISITS, "main_hospital", "main_share"], "no visits to share out", unknown)
    order = sorted(table.columns, key=lambda h: (-table[h].sum(), h))
    table = table[order]
    total = table.sum(axis=1)
    shares = table.div(total, axis=0)
    main = shares.idxmax(axis=1)  # first maximum in column order: more visits overall, then name
    out = pd.DataFrame({MUNICIPALITY: table.index, s.VISITS: total.to_numpy(), "main_hospital": main.to_numpy(),
                        "main_share": shares.max(axis=1).to_numpy()})
    out = pd.concat([out, shares.reset_index(drop=True)], axis=1)
    out.columns.name = None
    out.attrs["unknown"] = unknown
    return out


def largest(visits: pd.DataFrame, column: str, year: int, n: int) -> list[str]:
    """The `n` values of `column` with the most visits in `year` (most first; ties by name), to
    keep a table by that column to a readable width."""
    v = visits[visits[s.YEAR] == year].groupby(column, observed=True)[s.VISITS].sum()
    v = v[v > 0].reset_index().sort_values([s.VISITS, column], ascending=[False, True], kind="stable")
    return [str(x) for x in v[column].head(n)]


IMPLAUSIBLE_SPREAD = 2.0  # usual differences beyond half or twice the region's level: check the data first


def usual_range(disp) -> tuple[float, float]:
    """The funnel's 95% limits for a municipality so large that chance plays no part
    (funnel.limits as the expected count grows without bound): the range of ratios the funnel
    counts as the usual difference between municipalities (the overdispersion, `disp`, alone;
    1 to 1 when the limits were not widened)."""
    lo, hi = fn.limits(np.array([1e15]), "ratio", fn.Z95, 1.0, disp)
    return float(lo[0]), float(hi[0])


def spread_sentence(result: pd.DataFrame, lang: str) -> str:
    """What the funnel's width means, said where it decides (standardised's table with its
    dispersion): the ratios' range and the usual range the limits allow even a large
    municipality; where that reaches half or twice the region's level (IMPLAUSIBLE_SPREAD), a
    warning that so large a spread more often comes from a population table that does not fit
    the extract than from practice. Empty where the limits were not widened."""
    disp = result.attrs["dispersion"]
    if not disp.adjusted or result.empty:
        return ""
    lo, hi = usual_range(disp)
    top, bottom = result.loc[result["ratio"].idxmax()], result.loc[result["ratio"].idxmin()]
    text = L.t("pop_spread", lang, lo=L.number(lo, lang, 2), hi=L.number(hi, lang, 2),
               low=L.number(bottom["ratio"], lang, 2), low_name=bottom["municipality"],
               high=L.number(top["ratio"], lang, 2), high_name=top["municipality"])
    if hi >= IMPLAUSIBLE_SPREAD or lo <= 1 / IMPLAUSIBLE_SPREAD:
        text += " " + L.t("pop_spread_check", lang)
    return text


# Visits per 1,000 residents below which an extract holds only a part of a region's outpatient
# visits (ASSUMPTION: Danish regions have well over 1,000 a year; the synthetic region about 1,550)
PARTIAL_RATE = 100.0


def coverage_note(rate: float, lang: str) -> str:
    """A sentence where the region's visits per 1,000 residents (`rate`) are so few that the
    extract can hold only a part of its outpatient visits (PARTIAL_RATE), else empty: the
    municipalities are then compared within that part only."""
    return L.t("pop_partial", lang, rate=L.number(rate, lang)) if rate < PARTIAL_RATE else ""


TIMES_FROM = 2.0  # a ratio from which "n times as many" reads better than "x% more"


def outlier_lines(high: pd.DataFrame, low: pd.DataFrame, lang: str) -> list[str]:
    """One sentence per municipality above (`high`) or below (`low`) its limits, from
    standardised's rows: how many more (or fewer) visits than age and sex predict, with the 95%
    interval in the same direction (a ratio of 0.92, 0.88-0.95, reads "8% fewer, 5% to 12%"); from
    TIMES_FROM on, as a multiple ("14.0 times as many")."""
    out = [L.t("pop_high_one", lang, municipality=r["municipality"], pct=L.percent(r["ratio"] - 1, lang, 0),
               lo=L.percent(r["ratio_low"] - 1, lang, 0), hi=L.percent(r["ratio_high"] - 1, lang, 0))
           if r["ratio"] < TIMES_FROM else  # "1.298 % flere" reads as "14 gange så mange"
           L.t("pop_high_times", lang, municipality=r["municipality"], times=L.number(r["ratio"], lang, 1),
               lo=L.number(r["ratio_low"], lang, 1), hi=L.number(r["ratio_high"], lang, 1))
           for _, r in high.iterrows()]
    out += [L.t("pop_low_one", lang, municipality=r["municipality"], pct=L.percent(1 - r["ratio"], lang, 0),
                lo=L.percent(1 - r["ratio_high"], lang, 0), hi=L.percent(1 - r["ratio_low"], lang, 0))
            for _, r in low.iterrows()]
    return out
