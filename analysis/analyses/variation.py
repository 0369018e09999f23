"""Variation between hospitals within each specialty, and between specialties.

Measures (MEASURES) are rates that reveal avoidable outpatient activity, each compared
crude and case-mix adjusted by indirect standardisation (standardise.indirect), with funnel
limits and overdispersion (funnel), the systematic component of variation (McPherson et
al. 1982), the extremal quotient, and a variance decomposition (statsmodels Poisson GLM).
"""
from __future__ import annotations

import warnings
from dataclasses import dataclass

import numpy as np
import pandas as pd

from analysis.analyses import capabilities as cap
from analysis.base import schema as s
from analysis.engine.aggregate import Aggregates
from analysis.stats.funnel import Dispersion, clipped_share, dispersion_of, funnel, limits, transform, trim_method_for
from analysis.stats.standardise import EXPECTED, OBSERVED, POPULATION, indirect, known_strata

UNIT = [s.SPECIALTY, s.HOSPITAL]
# rates().attrs: visits (and, for a per-patient measure, patients) of unknown sex or age that the
# case-mix standardisation left out (they have no stratum); 0 when crude
LEFT_OUT, LEFT_OUT_PATIENTS = "left_out_visits", "left_out_patients"
REGION = [s.SPECIALTY]
OUTLIER_CLASSES = ("high_998", "low_998")


@dataclass(frozen=True)
class Measure:
    """A rate: events (visits of some kinds) per population (patients, or visits of a kind)."""

    key: str
    events: dict  # filter on casemix visits: {column: [values]}
    population: str  # "patients" or "visits"
    population_filter: dict | None = None  # filter on casemix visits when population = visits
    proportion: bool = False  # events are a subset of the population (crude funnel for proportions)


MEASURES = {
    "follow_ups_per_patient": Measure("follow_ups_per_patient", {s.VISIT_TYPE: ["follow_up"]}, "patients"),
    "visits_per_patient": Measure("visits_per_patient", {}, "patients"),
    "follow_up_ratio": Measure("follow_up_ratio", {s.VISIT_TYPE: ["follow_up"]}, "visits",
                               {s.VISIT_TYPE: ["assessment"]}),
    "in_person_share": Measure("in_person_share", {s.CONTACT_MODE: ["in_person"]}, "visits", {},
                               proportion=True),
}


def _select(df: pd.DataFrame, filters: dict) -> pd.DataFrame:
    for col, values in filters.items():
        df = df[df[col].isin(values)]
    return df


def _mask(df: pd.DataFrame, filters: dict) -> pd.Series:
    keep = pd.Series(True, index=df.index)
    for col, values in filters.items():
        keep &= df[col].isin(values)
    return keep


def unavailable(agg: Aggregates, measure: str, strata: list[str]) -> str:
    """Why `measure` standardised by `strata` cannot be computed from this input ("" when it
    can); what each measure needs is in capabilities.MEASURE_NEEDS."""
    caps = cap.of(agg)
    missing = cap.missing_for_measure(caps, measure)
    if missing:
        return f"{measure} needs {', '.join(missing).replace('_', ' ')}, which this input lacks"
    kept = cap.supported_strata(caps, measure, strata)
    dropped = [c for c in strata if c not in kept]
    if dropped:
        return (f"standardising {measure} by {', '.join(dropped)} needs "
                f"{'patients' if measure in cap.PER_PATIENT else 'visits'} by {', '.join(dropped)}, "
                "which this input lacks")
    return ""


def _check_strata(agg: Aggregates, measure: Measure, strata: list[str]) -> None:
    if not strata:
        return
    table = agg.casemix_patients if measure.population == "patients" else agg.casemix
    missing = [c for c in strata if c not in table.columns]
    if missing:
        allowed = [c for c in (s.AGE_BAND, s.SEX, s.DIAGNOSIS_GROUP) if c in table.columns]
        raise ValueError(f"cannot standardise {measure.key} by {missing}: the data allow {allowed}"
                         + (" (patients are not counted per diagnosis group)"
                            if measure.population == "patients" else ""))


def rates(agg: Aggregates, measure: str, year: int, strata: list[str], sector: str = "somatic",
          visit_type: str | None = None) -> pd.DataFrame:
    """One row per specialty x hospital: observed, population, expected, crude rate, standardised
    ratio O/E with its exact 95% interval, the region's crude rate. `visit_type` narrows the
    events to one visit type (the SCV table; with follow_up_ratio: that type's visits per first
    visit, see benchmark_inputs)."""
    if measure not in MEASURES:
        raise ValueError(f"measure must be one of {', '.join(MEASURES)}, not {measure!r}")
    m = MEASURES[measure]
    reason = unavailable(agg, measure, strata)
    if reason:
        raise ValueError(reason)
    visits = agg.casemix if not agg.casemix.empty else agg.activity  # crude from an aggregated extract
    _check_strata(agg, m, strata)
    cm = visits[(visits[s.YEAR] == year) & (visits[s.SECTOR] == sector)]
    ev_filter = dict(m.events) | ({s.VISIT_TYPE: [visit_type]} if visit_type else {})
    ev = _select(cm, ev_filter).rename(columns={s.VISITS: OBSERVED})
    if m.population == "patients":
        # patients by age band x sex where counted (visit level), else per unit (crude only)
        pop = agg.casemix_patients if not agg.casemix_patients.empty else agg.units
        pop = pop[(pop[s.YEAR] == year) & (pop[s.SECTOR] == sector)].rename(columns={s.PATIENTS: POPULATION})
        pop = pop.drop(columns=[s.VISITS], errors="ignore")
    else:
        pop = _select(cm, m.population_filter or {}).rename(columns={s.VISITS: POPULATION})
    if ev.empty and pop.empty:
        raise ValueError(f"no {sector} visits in {year}")
    # visits (and patients) of unknown sex or age have no stratum: left out here only, and counted
    used = cm if m.population == "patients" else cm[_mask(cm, ev_filter) | _mask(cm, m.population_filter or {})]
    _, left_out = known_strata(used, strata, s.VISITS)
    ev, _ = known_strata(ev, strata, OBSERVED)
    pop, left_out_population = known_strata(pop, strata, POPULATION)
    out = indirect(ev, pop, UNIT, strata, REGION)
    out.attrs[LEFT_OUT] = left_out
    out.attrs[LEFT_OUT_PATIENTS] = left_out_population if m.population == "patients" else 0.0
    return out


def compare(rates_df: pd.DataFrame, proportion: bool = False, method: str = "additive", trim: float = 0.1,
            scope: str = "all", trim_method: str = "auto",
            random_population: bool = False,
            phi_threshold: float | None = 1.0) -> tuple[pd.DataFrame, Dispersion | dict[str, Dispersion]]:
    """Funnel classification of every hospital within its specialty.

    Standardised ratios (O/E) are judged against Poisson limits at E; crude proportions
    (proportion=True) against PHE's Wilson limits at N around the specialty's own proportion.
    Overdispersion is estimated over all units of all specialties together (scope="all", the
    default: with 3-6 hospitals a specialty is too few units to estimate it, and one outlier
    would widen its own limits), or per specialty (scope="specialty").

    random_population: the population is itself a count of visits (e.g. first visits for the
    follow-up ratio), so its randomness widens the limits (funnel kind "ratio_counts").

    trim_method "auto" trims the z-scores as FunnelPlotR does for the kind (funnel.trim_method_for),
    and the limits are widened only when phi > phi_threshold (1, as FunnelPlotR).

    Adds expected_count (the count at the target: E, or N x proportion) and the counts at the
    99.8% limits, so outliers can be stated in visits.
    """
    if scope not in ("all", "specialty"):
        raise ValueError("scope must be 'all' or 'specialty'")
    kind = "proportion" if proportion else ("ratio_counts" if random_population else "ratio")
    den = POPULATION if proportion else EXPECTED
    counts = POPULATION if kind == "ratio_counts" else None
    groups = list(rates_df.groupby(s.SPECIALTY, sort=False, observed=True))
    pooled = None
    if scope == "all":
        zs, ss = [], []
        for _, g in groups:
            o, d = g[OBSERVED].to_numpy(float), g[den].to_numpy(float)
            n = g[POPULATION].to_numpy(float)
            ok = (d > 0) & (n > 0) & (o >= 0 if kind == "proportion" else o > 0)
            if ok.any():
                _, sd, _, z = transform(o[ok], d[ok], kind, counts=n[ok])
                zs.append(z)
                ss.append(sd)
        pooled = dispersion_of(np.concatenate(zs) if zs else np.array([]),
                               np.concatenate(ss) if ss else np.array([]), method, trim, trim_method, kind,
                               phi_threshold)
    parts, disps = [], {}
    for spec, g in groups:
        out, used = funnel(g, OBSERVED, den, kind, method, trim, disp=pooled, trim_method=trim_method, counts=counts,
                           phi_threshold=phi_threshold)
        out["expected_count"] = out["target"] * out[den]
        out["limit_high_count"] = out["upper_99.8"] * out[den]
        out["limit_low_count"] = out["lower_99.8"] * out[den]
        parts.append(out)
        disps[spec] = used
    if not parts:
        raise ValueError("no units to compare")
    return pd.concat(parts, ignore_index=True), (pooled if pooled is not None else disps)


BENCHMARKS = ("median", "region")


def rebase_to_median(rates_df: pd.DataFrame) -> pd.DataFrame:
    """Expected counts rescaled so that the median hospital of each specialty has O/E = 1.

    The region's pooled rate is the classic reference of indirect standardisation, but with
    only 3-6 hospitals per specialty one outlying hospital pulls it so far that the others look
    high or low by comparison. The median hospital is not moved by one outlier: each unit is
    then compared with the typical hospital of its specialty, case mix still adjusted."""
    out = rates_df.copy()
    ok = out[EXPECTED] > 0
    factor = out[ok].groupby(s.SPECIALTY, observed=True)["ratio"].median()
    f = out[s.SPECIALTY].map(factor).fillna(1.0).to_numpy(dtype=float)
    out[EXPECTED] = out[EXPECTED] * f
    for col in ("ratio", "ratio_low", "ratio_high"):
        out[col] = out[col] / f
    out["benchmark_factor"] = f
    return out


def funnel_kind(measure: str, strata: list[str]) -> str:
    """The funnel a measure is judged in: "proportion" (a crude share: Wilson limits around the
    specialty's proportion), "ratio_counts" (O/E whose population is itself a random count of
    visits, e.g. follow-ups per first visit) or "ratio" (O/E, exact Poisson limits)."""
    m = MEASURES[measure]
    if m.proportion and not strata:
        return "proportion"
    return "ratio_counts" if m.population == "visits" and not m.proportion else "ratio"


@dataclass(frozen=True)
class FunnelResult:
    """One comparison, everything a funnel needs: the classified table, the dispersion the limits
    used, the limit kind and the denominator column. The colours (table["class"]) and the limits
    drawn (limits_at) both come from here, so they cannot disagree: a coloured point lies outside
    its limit (a ratio's point outside it is coloured only when the exact test agrees as well,
    funnel.exact_test).

    Unpacks as (table, dispersion) for code that only needs those."""

    table: pd.DataFrame
    dispersion: Dispersion | dict[str, Dispersion]
    kind: str  # ratio | ratio_counts | proportion (funnel.limits)
    denominator: str  # the column the limits rest on: expected (ratios) or population (proportions)
    measure: str
    strata: tuple[str, ...]
    left_out: float = 0.0  # visits of unknown sex or age left out of the standardisation (rates' LEFT_OUT)

    def __iter__(self):
        return iter((self.table, self.dispersion))

    def dispersion_for(self, specialty: str) -> Dispersion:
        d = self.dispersion
        return d if isinstance(d, Dispersion) else d[specialty]

    def x(self, rows: pd.DataFrame) -> np.ndarray:
        """Each row's position on the funnel's horizontal axis: the denominator (E or N), or for
        a ratio of counts the effective count 1 / (1/E + 1/N), at which its own limits are the
        curve's (funnel.transform: s^2 = 1/E + 1/N)."""
        d = rows[self.denominator].to_numpy(dtype=float)
        if self.kind != "ratio_counts":
            return d
        n = rows[POPULATION].to_numpy(dtype=float)
        with np.errstate(divide="ignore", invalid="ignore"):
            return np.where((d > 0) & (n > 0), 1 / (1 / d + 1 / n), np.nan)

    def limits_at(self, x: np.ndarray, specialty: str, z: float) -> tuple[np.ndarray, np.ndarray]:
        """The funnel limits at horizontal positions `x` (see x) in `specialty`'s panel, z = the
        normal quantile of the coverage (funnel.Z95, funnel.Z998)."""
        g = self.table[self.table[s.SPECIALTY] == specialty]
        target = float(g["target"].iloc[0]) if len(g) else 1.0
        x = np.asarray(x, dtype=float)
        counts = np.full_like(x, np.inf) if self.kind == "ratio_counts" else None
        return limits(x, self.kind, z, target, self.dispersion_for(specialty), counts)


def analyse(agg: Aggregates, measure: str, year: int, strata: list[str], sector: str = "somatic",
            benchmark: str = "median", method: str = "additive", trim: float = 0.1, scope: str = "all",
            trim_method: str = "auto") -> FunnelResult:
    """rates + compare: every hospital against the benchmark of its specialty ("median": the
    typical hospital, see rebase_to_median; "region": the region's pooled rate), with funnel
    limits and overdispersion. Crude proportions (a share measure with no strata) keep the
    region's proportion as target. Works on visit counts alone for follow_up_ratio and
    in_person_share (see capabilities)."""
    if benchmark not in BENCHMARKS:
        raise ValueError(f"benchmark must be one of {BENCHMARKS}, not {benchmark!r}")
    kind = funnel_kind(measure, strata)
    r = rates(agg, measure, year, strata, sector)
    left_out = r.attrs.get(LEFT_OUT, 0.0)
    if benchmark == "median" and kind != "proportion":
        r = rebase_to_median(r)
    table, disp = compare(r, kind == "proportion", method, trim, scope, trim_method, kind == "ratio_counts")
    return FunnelResult(table, disp, kind, POPULATION if kind == "proportion" else EXPECTED, measure, tuple(strata),
                        left_out)


def left_out_text(result: FunnelResult, lang: str) -> str:
    """What the report says of the visits of unknown sex or age that the case-mix adjustment left
    out ("" when none were)."""
    from analysis.base import labels as L

    if not result.left_out or not result.strata:
        return ""
    return L.t("var_left_out", lang, visits=L.number(result.left_out, lang))


def panel_specialties(table: pd.DataFrame, requested: list[str], most: int) -> list[str]:
    """The specialties shown as funnel panels: those `requested` (in that order) or, when none
    are, every specialty with at least 2 hospitals, most events first; at most `most`."""
    volume = table.groupby(s.SPECIALTY, observed=True)[OBSERVED].sum().sort_values(ascending=False, kind="stable")
    present = set(table[s.SPECIALTY])
    if requested:
        return [sp for sp in requested if sp in present][:most]
    counts = table.groupby(s.SPECIALTY, observed=True)[s.HOSPITAL].nunique()
    return [sp for sp in volume.index if counts[sp] >= 2][:most]


def scv_type_strata(agg: Aggregates, strata: list[str]) -> list[str] | None:
    """The strata the SCV-by-visit-type table (visits per patient) can use on this input: those of
    `strata` it supports, diagnosis group left out (patients are not counted by it); None when
    the input has no patients per unit, so the table cannot be made."""
    caps = cap.of(agg)
    if cap.missing_for_measure(caps, "visits_per_patient"):
        return None
    return cap.supported_strata(caps, "visits_per_patient", [c for c in strata if c != s.DIAGNOSIS_GROUP])


def axis_labels(kind: str) -> tuple[str, str]:
    """Label keys (analysis.base.labels) of a funnel's horizontal and vertical axes."""
    x = {"proportion": "var_funnel_x_prop", "ratio_counts": "var_funnel_x_counts"}.get(kind, "var_funnel_x_ratio")
    return x, "var_funnel_y_prop" if kind == "proportion" else "var_funnel_y_ratio"


def relative_values(result: FunnelResult) -> pd.Series:
    """Each unit's value relative to its specialty's benchmark, 1 = as the benchmark: the ratio
    O/E itself, or for a crude proportion the share over the specialty's proportion (so a heat
    map coloured around 1 reads the same for every measure)."""
    t = result.table
    if result.kind == "proportion":
        with np.errstate(divide="ignore", invalid="ignore"):
            return pd.Series(np.where(t["target"] > 0, t["value"] / t["target"], np.nan), index=t.index)
    return t["value"]


def funnel_how(kind: str, lang: str, intro: bool = True, **colours: object) -> str:
    """The "how to read" text of a funnel figure (labels in analysis.base.labels): what the points,
    lines and colours are (with `intro`; `colours` names each class's colour as the figure draws
    it, labels.Colour by class), which points are named, and for a ratio of counts what the
    horizontal axis is."""
    from analysis.base import labels as L

    parts = ([L.t("var_funnel_how", lang, **colours)] if intro else []) + [L.t("var_funnel_labels", lang)]
    if kind == "ratio_counts":
        parts.append(L.t("var_funnel_counts_how", lang))
    return " ".join(parts)


@dataclass(frozen=True)
class Standing:
    """Where one hospital sits in a comparison: status "absent" (not in the comparison, e.g.
    no visits that year), "no_peers" (no specialty it shares with another hospital) or
    "compared"; its specialties with peers (largest first) and without; its outliers."""

    status: str
    compared: list[str]
    alone: list[str]
    outliers: pd.DataFrame

    def shown(self, most: int = 9) -> list[str]:
        """The specialties whose funnels the hospital's page draws: every specialty where it is an
        outlier (a sentence names them, so a funnel must show them), then its largest others, at
        most `most` in all unless the outliers alone are more."""
        named = list(dict.fromkeys(self.outliers[s.SPECIALTY])) if not self.outliers.empty else []
        rest = [sp for sp in self.compared if sp not in named]
        return named + rest[:max(most - len(named), 0)]


def standing(table: pd.DataFrame, hospital: str) -> Standing:
    """The hospital's standing in a classified table (analyse): which of its specialties have at
    least one other hospital to be compared with, and its outliers among those."""
    own = table[table[s.HOSPITAL] == hospital]
    if own.empty:
        return Standing("absent", [], [], outliers(own.assign(**{"class": pd.Series(dtype=object)})))
    peers = table.groupby(s.SPECIALTY, observed=True)[s.HOSPITAL].nunique()
    ordered = own.sort_values(OBSERVED, ascending=False)[s.SPECIALTY].tolist()
    compared = [sp for sp in ordered if peers.get(sp, 0) >= 2]
    alone = [sp for sp in ordered if peers.get(sp, 0) < 2]
    out = outliers(own[own[s.SPECIALTY].isin(compared)])
    return Standing("compared" if compared else "no_peers", compared, alone, out)


@dataclass(frozen=True)
class BenchmarkInputs:
    """Each visit type's rate per hospital x specialty for a benchmark (potential.above_benchmark):
    `rates` (rates() columns + visit_type), the measure they are per ("visits_per_patient" or,
    on counts alone, "follow_up_ratio": visits of the type per first visit) and the strata used."""

    rates: pd.DataFrame
    measure: str
    strata: list[str]


def standing_notes(st: Standing, lang: str, sector: str) -> list[str]:
    """The plain sentences on a hospital's standing (labels in analysis.base.labels): that it has no
    peers to be compared with, which of its specialties have none, and, without outliers,
    that it lies within the limits wherever it could be compared (never "in every specialty"
    when some could not be)."""
    from analysis.base import labels as L

    if st.status == "no_peers":
        return [L.t("hosp_no_peers", lang, sector=L.t(sector, lang).lower())]
    if st.status != "compared":
        return []
    notes = [L.t("hosp_peers_some", lang, specialties=L.names(st.alone, lang))] if st.alone else []
    if st.outliers.empty:
        notes.append(L.t("hosp_no_outliers_compared" if st.alone else "hosp_no_outliers", lang))
    return notes


def benchmark_inputs(agg: Aggregates, year: int, strata: list[str], sector: str = "somatic") -> BenchmarkInputs:
    """The rates a benchmark of the potential rests on, from what the input supports: each visit
    type's visits per patient where patients per unit are counted, else (a pre-aggregated extract
    without patients) each visit type's visits per first visit, a ratio of two counts; case-mix
    adjusted by the strata of `strata` the data support, crude otherwise. First visits themselves
    are left out on counts (their rate per first visit is 1 by definition)."""
    caps = cap.of(agg)
    measure = "visits_per_patient" if not cap.missing_for_measure(caps, "visits_per_patient") else "follow_up_ratio"
    used = cap.supported_strata(caps, measure, strata)
    types = [vt for vt in s.VISIT_TYPES if measure == "visits_per_patient" or vt != "assessment"]
    parts = [rates(agg, measure, year, used, sector, visit_type=vt).assign(**{s.VISIT_TYPE: vt}) for vt in types]
    return BenchmarkInputs(pd.concat(parts, ignore_index=True), measure, used)


def outliers(compared: pd.DataFrame) -> pd.DataFrame:
    """Units outside the 99.8% limits, largest excess first, with the visits they represent:
    excess = observed - expected_count (beyond the region's rate for their case mix), and
    beyond_limit = the part outside the 99.8% limit."""
    out = compared[compared["class"].isin(OUTLIER_CLASSES)].copy()
    if out.empty:
        return out.assign(excess=pd.Series(dtype=float), beyond_limit=pd.Series(dtype=float))
    out["excess"] = out[OBSERVED] - out["expected_count"]
    bound = np.where(out["class"] == "high_998", out["limit_high_count"], out["limit_low_count"])
    out["beyond_limit"] = out[OBSERVED] - bound
    return out.sort_values("excess", key=np.abs, ascending=False).reset_index(drop=True)


def outlier_fact(out: pd.DataFrame, measure: str, year: int, strata: list[str], sector: str,
                 benchmark: str = "median", method: str = "additive", trim: float = 0.1, peers: str = "region",
                 hospital: str | None = None) -> tuple[str, dict]:
    """The outliers a page names (outliers' rows: hospital, specialty, class), for the run's check
    that the pages reconcile (identities.py): 02 states the region's, 05 its hospital's, each with
    the comparison's parameters (analyse's), so that a hospital's page names every outlier 02
    names for it where both compared alike."""
    units = sorted(f"{h}|{sp}|{c}" for h, sp, c in zip(out[s.HOSPITAL], out[s.SPECIALTY], out["class"]))
    value = {"parameters": {"measure": measure, "year": int(year), "strata": list(strata), "sector": sector,
                            "benchmark": benchmark, "method": method, "trim": float(trim), "peers": peers},
             "units": units}
    if hospital is not None:
        value["hospital"] = hospital
    return "outliers", value


def scv(rates_df: pd.DataFrame) -> pd.DataFrame:
    """Systematic component of variation (McPherson et al. 1982, NEJM 307:1310) per specialty:
    SCV = 100 x [mean(((O - E)/E)^2) - mean(1/E)], the between-unit variance left after the
    Poisson (random) part, and the extremal quotient (highest / lowest crude rate), with the
    number of units they rest on. SCV needs at least 2 units with E > 0; EQ a lowest rate > 0."""
    rows = []
    for spec, g in rates_df.groupby(s.SPECIALTY, observed=True):
        g = g[g[EXPECTED] > 0]
        k = len(g)
        scv_value = np.nan
        if k >= 2:
            scv_value = 100 * (np.mean(((g[OBSERVED] - g[EXPECTED]) / g[EXPECTED]) ** 2) - np.mean(1 / g[EXPECTED]))
        crude = g["crude"].dropna()
        eq = crude.max() / crude.min() if len(crude) >= 2 and crude.min() > 0 else np.nan
        rows.append({s.SPECIALTY: spec, "units": k, "scv": scv_value, "eq": eq, OBSERVED: g[OBSERVED].sum()})
    return pd.DataFrame(rows)


def method_note(result: FunnelResult, trim: float, lang: str) -> list[str]:
    """The method as a report states it, from the result that drew the funnels: the limits of
    the funnel kind, how the z-scores were trimmed before phi (as FunnelPlotR for the kind,
    funnel.trim_method_for), whether the limits were widened (phi, tau) or not (phi <= 1, as
    FunnelPlotR), the classification rule, and a warning when the adjustment pushed limits to
    the edge of the scale so that some units cannot be flagged (funnel.clipped_share)."""
    from analysis.base import labels as L

    disp = result.dispersion
    pooled = disp if isinstance(disp, Dispersion) else None
    trimmed = trim_method_for(result.kind, "auto")
    notes = [L.t(f"var_limits_{result.kind}", lang),
             L.t(f"var_trim_{trimmed}", lang, trim=L.percent(trim, lang, 0), upper=L.percent(1 - trim, lang, 0))]
    if pooled is None:
        notes.append(L.t("var_od_per_specialty", lang))
    elif pooled.method == "none":
        notes.append(L.t("var_od_off", lang))
    elif pooled.adjusted:
        notes.append(L.t("var_od_adjusted", lang, od=L.t(f"od_{pooled.method}", lang),
                         phi=L.number(pooled.phi, lang, 2), tau=L.number(pooled.tau2 ** 0.5, lang, 3)))
    else:
        notes.append(L.t("var_od_not_needed", lang, phi=L.number(pooled.phi, lang, 2)))
    notes.append(L.t("var_rule_target", lang))
    if result.kind != "proportion":  # a ratio's class needs the exact test as well (funnel.exact_test)
        notes.append(L.t("var_rule_exact", lang))
    share = clipped_share(result.table)
    if share > 0:
        notes.append(L.t("var_clipped", lang, share=L.percent(share, lang, 0)))
    return notes


def scv_notes(scv_table: pd.DataFrame, lang: str) -> list[str]:
    """Sentences a reader needs beside an SCV table: what a negative SCV means (the Poisson part
    subtracted exceeds the observed variation: no systematic variation beyond chance)."""
    from analysis.base import labels as L

    return [L.t("var_scv_negative", lang)] if (scv_table["scv"] < 0).any() else []


def largest_remainder(values: list[float], total: int = 100) -> list[int]:
    """Whole numbers proportional to `values` that sum exactly to `total` (Hamilton's largest
    remainder method): floor each share, then give the units left to the largest remainders.
    Missing values give missing (None) entries and an unrounded rest."""
    v = np.asarray(values, dtype=float)
    if np.isnan(v).any() or v.sum() <= 0:
        return [None if np.isnan(x) else int(round(x * total)) for x in v]
    exact = v / v.sum() * total
    out = np.floor(exact).astype(int)
    left = total - out.sum()
    order = np.argsort(-(exact - out), kind="stable")
    out[order[:left]] += 1
    return out.tolist()


@dataclass(frozen=True)
class Decomposition:
    """Shares of the variation in a rate across hospital x specialty units (deviance of a
    Poisson GLM with log(population) offset): specialty, hospital, their interaction."""

    specialty: float
    hospital: float
    interaction: float
    units: int
    dispersion: float  # Pearson chi2 / df of the main-effects model (>1: overdispersed)

    def percent(self) -> list[int | None]:
        """The three shares (specialty, hospital, interaction) in whole percent summing to 100."""
        return largest_remainder([self.specialty, self.hospital, self.interaction], 100)


def decompose(rates_df: pd.DataFrame) -> Decomposition:
    """How much of the variation in the rate is between specialties, between hospitals and in
    their interaction: deviance explained by each, averaged over the two orders of entry
    (statsmodels GLM, Poisson family, offset log(population)). The interaction is what the
    main effects leave, since one unit per hospital x specialty makes the full model saturated.
    Assumes the rate is multiplicative in hospital and specialty; counts are large, so the
    shares describe the data rather than test anything."""
    d = rates_df[(rates_df[POPULATION] > 0)].copy()
    d["h"] = d[s.HOSPITAL].astype(str)
    d["sp"] = d[s.SPECIALTY].astype(str)
    if len(d) < 3 or d["h"].nunique() < 2 or d["sp"].nunique() < 2:
        return Decomposition(np.nan, np.nan, np.nan, len(d), np.nan)
    offset = np.log(d[POPULATION].to_numpy(dtype=float))
    # statsmodels takes ~1 s to import (0.4 s more through statsmodels.api): imported here, and only the GLM parts
    from statsmodels.genmod.families import Poisson
    from statsmodels.genmod.generalized_linear_model import GLM
    from statsmodels.tools.sm_exceptions import PerfectSeparationWarning

    def deviance(formula):
        with warnings.catch_warnings():  # a perfect fit (e.g. one effect explains all) is a result here
            warnings.simplefilter("ignore", PerfectSeparationWarning)
            return GLM.from_formula(formula, data=d, family=Poisson(), offset=offset).fit()

    null = deviance(f"{OBSERVED} ~ 1").deviance
    spec = deviance(f"{OBSERVED} ~ C(sp)").deviance
    hosp = deviance(f"{OBSERVED} ~ C(h)").deviance
    main = deviance(f"{OBSERVED} ~ C(sp) + C(h)")
    if null <= 0:
        return Decomposition(0.0, 0.0, 0.0, len(d), np.nan)
    sp_share = ((null - spec) + (hosp - main.deviance)) / 2 / null
    h_share = ((null - hosp) + (spec - main.deviance)) / 2 / null
    return Decomposition(float(sp_share), float(h_share), float(main.deviance / null), len(d),
                         float(main.pearson_chi2 / main.df_resid) if main.df_resid > 0 else np.nan)


def short_names(names: list[str]) -> dict[str, str]:
    """Short labels for hospitals on crowded figures: the capitals of their names (Aarhus
    Universitetshospital -> AU), made unique with a number where two collide."""
    out, seen = {}, {}
    for name in names:
        words = [w for w in str(name).replace("-", " ").split() if w[:1].isupper()]
        base = "".join(w[0] for w in words)[:4] or str(name)[:3]
        seen[base] = seen.get(base, 0) + 1
        out[name] = base if seen[base] == 1 else f"{base}{seen[base]}"
    return out


def outlier_sentences(out: pd.DataFrame, measure: str, lang: str, strata: list[str]) -> list[str]:
    """One plain sentence per outlier for the steering group (labels in analysis.base.labels);
    `strata` are the case-mix variables adjusted for (none: crude)."""
    from analysis.base import labels as L

    and_ = L.t("names_and", lang)
    adjusted = L.t("var_casemix_adjusted", lang,
                   strata=and_.join(L.t(c, lang).lower() for c in strata)) if strata else ""
    sentences = []
    for _, r in out.iterrows():
        key = "var_sentence_high" if r["class"] == "high_998" else "var_sentence_low"
        sentences.append(L.t(key, lang, hospital=r[s.HOSPITAL], specialty=r[s.SPECIALTY],
                             measure=L.t(f"measure_{measure}_phrase", lang),
                             ratio=L.number(r["value"] if "value" in r else r["ratio"], lang, 2),
                             casemix=adjusted,
                             visits=L.number(abs(r["excess"]), lang)))
    return sentences


def scv_by_visit_type(agg: Aggregates, year: int, strata: list[str], sector: str = "somatic") -> pd.DataFrame:
    """SCV of visits per patient of each visit type (assessments, follow-ups, ...) per specialty:
    specialties down, visit types across (McPherson et al. 1982; see scv). Needs patients per
    unit (capabilities.PATIENTS_PER_UNIT); `strata` must be ones visits_per_patient supports."""
    parts = []
    for vt in s.VISIT_TYPES:
        r = rates(agg, "visits_per_patient", year, strata, sector, visit_type=vt)
        parts.append(scv(r).set_index(s.SPECIALTY)["scv"].rename(vt))
    out = pd.concat(parts, axis=1)
    return out.dropna(how="all")
