"""What an input can answer: which variation measures, standardisation strata and notebooks
its aggregates support, and, for a configured measure they cannot support, the best one they do.

Visit-level data support everything. A pre-aggregated extract (counts per cell) always gives
follow-ups per first visit (a ratio of two counts) and the in-person share; per-patient
measures need distinct patients per hospital x specialty (patients cannot be added across
cells), case-mix adjustment needs visits by age band x sex, and monitoring needs months.
This module is the one place those facts live: the notebooks, the configuration check and
the tests all read them from here.
"""
from __future__ import annotations

from dataclasses import dataclass, field

import pandas as pd

from analysis.base import labels as L
from analysis.base import schema as s
from analysis.engine.aggregate import UNIT_PATIENTS, Aggregates  # noqa: F401  (UNIT_PATIENTS: the contract column)

# What the data can give (the keys of Capabilities.needs_met).
VISIT_LEVEL = "visit_level"  # one row per visit: patients can be counted in any grouping
PATIENTS_PER_UNIT = "patients_per_unit"  # distinct patients per year x hospital x specialty
PATIENTS_BY_AGE_SEX = "patients_by_age_sex"  # distinct patients per unit x age band x sex
AGE_SEX = "age_sex"  # visits by age band x sex (the casemix table)
DIAGNOSIS = "diagnosis_group"  # visits by diagnosis group
MONTHS = "months"  # visits per month
NEEDS = (VISIT_LEVEL, PATIENTS_PER_UNIT, PATIENTS_BY_AGE_SEX, AGE_SEX, DIAGNOSIS, MONTHS)

# What each variation measure needs, crude. Keys are variation.MEASURES (a test keeps them equal).
MEASURE_NEEDS: dict[str, tuple[str, ...]] = {
    "follow_ups_per_patient": (PATIENTS_PER_UNIT,),
    "visits_per_patient": (PATIENTS_PER_UNIT,),
    "follow_up_ratio": (),
    "in_person_share": (),
}
PER_PATIENT = {"follow_ups_per_patient", "visits_per_patient"}
# The measures any input supports, best first: the fallback for one the data cannot give.
ALWAYS = ("follow_up_ratio", "in_person_share")
FALLBACK = {"follow_ups_per_patient": "follow_up_ratio", "visits_per_patient": "follow_up_ratio"}

# What standardising by a stratum needs, for a measure on visits / on patients.
STRATUM_NEEDS = {
    s.AGE_BAND: (AGE_SEX, PATIENTS_BY_AGE_SEX),
    s.SEX: (AGE_SEX, PATIENTS_BY_AGE_SEX),
    s.DIAGNOSIS_GROUP: (DIAGNOSIS, None),  # patients are never counted per diagnosis group
}

# What each notebook needs to publish its core content (the rest degrades with a sentence).
NOTEBOOK_NEEDS: dict[str, tuple[str, ...]] = {"06_monitoring": (MONTHS,)}


@dataclass(frozen=True)
class Capabilities:
    """What one input's aggregates can give (see NEEDS), its years and its columns."""

    kind: str
    needs_met: frozenset[str]
    years: tuple[int, ...] = ()
    columns: tuple[str, ...] = field(default=())

    def has(self, need: str) -> bool:
        return need in self.needs_met


def _filled(df: pd.DataFrame, column: str) -> bool:
    return not df.empty and column in df.columns and bool(df[column].notna().all())


def of(agg: Aggregates) -> Capabilities:
    """The capabilities of an input, read from its aggregates (which tables are filled)."""
    met = set()
    if agg.kind == "visits":
        met.add(VISIT_LEVEL)
    if not agg.casemix_patients.empty or _filled(agg.units, s.PATIENTS):
        met.add(PATIENTS_PER_UNIT)
    if not agg.casemix_patients.empty and {s.AGE_BAND, s.SEX} <= set(agg.casemix_patients.columns):
        met.add(PATIENTS_BY_AGE_SEX)
    if not agg.casemix.empty and {s.AGE_BAND, s.SEX} <= set(agg.casemix.columns):
        met.add(AGE_SEX)
        if s.DIAGNOSIS_GROUP in agg.casemix.columns:
            met.add(DIAGNOSIS)
    if not agg.monthly.empty:
        met.add(MONTHS)
    act = agg.activity
    years = tuple(sorted(int(y) for y in act[s.YEAR].dropna().unique())) if s.YEAR in act.columns else ()
    return Capabilities(agg.kind, frozenset(met), years, tuple(act.columns))


def missing_for_measure(caps: Capabilities, measure: str) -> list[str]:
    """The needs of `measure` (crude) the data do not meet; [] when it can be computed."""
    if measure not in MEASURE_NEEDS:
        raise ValueError(f"measure must be one of {', '.join(MEASURE_NEEDS)}, not {measure!r}")
    return [n for n in MEASURE_NEEDS[measure] if not caps.has(n)]


def stratum_need(measure: str, stratum: str) -> str | None:
    """What standardising `measure` by `stratum` needs (None: it cannot be done at all)."""
    if stratum not in STRATUM_NEEDS:
        raise ValueError(f"cannot standardise by {stratum!r}: the strata are {', '.join(STRATUM_NEEDS)}")
    on_visits, on_patients = STRATUM_NEEDS[stratum]
    return on_patients if measure in PER_PATIENT else on_visits


def supported_measures(caps: Capabilities) -> list[str]:
    """The measures the data can give (crude at least), in MEASURE_NEEDS order."""
    return [m for m in MEASURE_NEEDS if not missing_for_measure(caps, m)]


def supported_strata(caps: Capabilities, measure: str, strata: list[str] | tuple[str, ...]) -> list[str]:
    """The strata of `strata` that `measure` can be standardised by on these data."""
    out = []
    for c in strata:
        need = stratum_need(measure, c)
        if need is not None and caps.has(need):
            out.append(c)
    return out


def notebooks_supported(caps: Capabilities, notebooks: list[str]) -> dict[str, list[str]]:
    """Notebook -> the needs for its core content the data do not meet ([] = supported)."""
    return {nb: [n for n in NOTEBOOK_NEEDS.get(nb, ()) if not caps.has(n)] for nb in notebooks}


def best_measure(caps: Capabilities, measure: str) -> str:
    """`measure` if the data support it, else the best supported one (FALLBACK, then ALWAYS)."""
    if not missing_for_measure(caps, measure):
        return measure
    for m in (FALLBACK.get(measure), *ALWAYS):
        if m and not missing_for_measure(caps, m):
            return m
    raise ValueError("the data support no variation measure")  # ALWAYS needs nothing: unreachable


@dataclass(frozen=True)
class Choice:
    """The measure and strata a report uses, what was asked for, and the sentences saying why
    they differ (empty when they do not). `crude` is True when no stratum could be used."""

    measure: str
    strata: list[str]
    requested_measure: str
    requested_strata: list[str]
    notes: list[str]

    @property
    def changed(self) -> bool:
        return self.measure != self.requested_measure or self.strata != self.requested_strata

    @property
    def crude(self) -> bool:
        return not self.strata


def _reason(needs: list[str], lang: str) -> str:
    return L.t("names_and", lang).join(L.t(f"cap_need_{n}", lang) for n in needs)


def resolve(caps: Capabilities, measure: str, strata: list[str] | tuple[str, ...], lang: str = "da") -> Choice:
    """The measure and strata to use for a requested pair, with a sentence in `lang` for each
    change: a measure the data cannot give falls back to the best one they can (best_measure);
    strata it cannot be standardised by are left out, and a report that ends up crude after
    case-mix adjustment was asked for carries the caveat that differences may be case mix."""
    strata = list(strata)
    notes = []
    chosen = best_measure(caps, measure)
    if chosen != measure:
        notes.append(L.t("cap_measure_fallback", lang, requested=L.t(f"measure_{measure}", lang),
                         measure=L.t(f"measure_{chosen}", lang).lower(),
                         reason=_reason(missing_for_measure(caps, measure), lang)))
    kept = supported_strata(caps, chosen, strata)
    dropped = [c for c in strata if c not in kept]
    if dropped:
        needs = sorted({stratum_need(chosen, c) or PATIENTS_BY_AGE_SEX for c in dropped}, key=NEEDS.index)
        notes.append(L.t("cap_strata_dropped", lang,
                         strata=L.t("names_and", lang).join(L.t(c, lang).lower() for c in dropped),
                         reason=_reason([n for n in needs if not caps.has(n)] or needs, lang)))
        if not kept:
            notes.append(L.t("cap_crude_caveat", lang))
    return Choice(chosen, kept, measure, strata, notes)


def hospital_years(activity: pd.DataFrame, hospital: str) -> list[int]:
    """The years in which `hospital` has any visits (sorted)."""
    rows = activity[(activity[s.HOSPITAL] == hospital) & (activity[s.VISITS] > 0)]
    return sorted(int(y) for y in rows[s.YEAR].unique())


def absent_note(activity: pd.DataFrame, hospital: str, year: int, lang: str = "da") -> str:
    """A plain sentence when `hospital` has no visits in `year` (naming the years it has), "" when
    it has."""
    present = hospital_years(activity, hospital)
    if year in present:
        return ""
    years = ", ".join(str(y) for y in present)
    return L.t("cap_hospital_absent", lang, hospital=hospital, year=year, years=years or "–")


def monitoring_problem(monthly: pd.DataFrame, decision_date: str, lang: str = "da") -> str:
    """Why monitoring cannot be shown ("" when it can): no months in the data, or a decision
    date with no month of data before or after it."""
    if monthly.empty:
        return L.t("cap_needs_months", lang)
    when = pd.Timestamp(decision_date)
    months = pd.to_datetime(monthly[s.MONTH])
    first, last = months.min(), months.max()
    if not (first < when <= last):
        return L.t("cap_decision_outside", lang, date=L.date(when, lang), first=L.month(first, lang),
                   last=L.month(last, lang))
    return ""


# The fewest months before the decision a notebook can build its baseline from (follow_up.data_problem:
# the counterfactual needs a year; spc.monitor: an XmR chart needs two points).
# 07: counterfactual.MIN_BASELINE of its default method (a level, a trend and 11 seasonal terms)
MIN_BASELINE = {"06_monitoring": 2, "07_follow_up": 13}


def months_before(monthly: pd.DataFrame, decision_date: str) -> int:
    """The calendar months the data have before the decision date: from the data's first month
    to the last month starting before the date (a month without visits in between counts, as the
    baselines of 06 and 07 count it). 0 without months."""
    if monthly.empty:
        return 0
    first = pd.to_datetime(monthly[s.MONTH]).min().to_period("M").to_timestamp()
    return len(pd.date_range(first, pd.Timestamp(decision_date), freq="MS", inclusive="left"))


def baseline_used(monthly: pd.DataFrame, decision_date: str, baseline_months: int) -> int:
    """The months the baseline of 06 and 07 actually holds: `baseline_months`, or fewer when the
    data have fewer before the decision date."""
    return min(int(baseline_months), months_before(monthly, decision_date))


def baseline_note(monthly: pd.DataFrame, decision_date: str, baseline_months: int, lang: str = "da") -> str:
    """What 06 and 07 say when `baseline_months` asks for more months than the data have before
    the decision date ("" when they have enough, or none at all): the months used and the fix."""
    have = months_before(monthly, decision_date)
    if have == 0 or have >= baseline_months:
        return ""
    first = pd.to_datetime(monthly[s.MONTH]).min().to_period("M").to_timestamp()
    last = first + pd.DateOffset(months=have - 1)
    return L.t("cap_baseline_short", lang, have=have, asked=baseline_months, date=L.date(decision_date, lang),
               first=L.month(first, lang), last=L.month(last, lang))


def baseline_problem(notebook: str, monthly: pd.DataFrame, decision_date: str, baseline_months: int) -> str:
    """For the configuration check (English): why `baseline_months` cannot be had before the
    decision date, naming the parameter, the months the data have and the fix ("" when it can)."""
    least = MIN_BASELINE.get(notebook, 1)
    if baseline_months < least:
        return (f"{notebook}: baseline_months {baseline_months} is fewer than the {least} months its model needs "
                f"before the decision date; set baseline_months: {least} or more")
    have = months_before(monthly, decision_date)
    if have >= baseline_months or monthly.empty:
        return ""
    first = pd.to_datetime(monthly[s.MONTH]).min().to_period("M").to_timestamp()
    span = f"{first:%Y-%m} to {first + pd.DateOffset(months=have - 1):%Y-%m}" if have else "none"
    text = (f"{notebook}: baseline_months {baseline_months} is more than the {have} months the data have before "
            f"decision_date {str(decision_date)[:10]} ({span})")
    if have < least:
        return text + (f"; {notebook} needs at least {least}: give data that start {_months(least - have)} earlier, "
                       "or a later decision_date")
    return text + f"; set baseline_months: {have}, or give data that start {_months(baseline_months - have)} earlier"


def _months(n: int) -> str:
    return f"{n} month{'s' * (n != 1)}"
