"""The reduction estimate the potential report, the savings key and the hospital drill-down use:
one year's activity, the benchmark excess and the lever scenarios, applied and given both kinds
of kroner (budget.py): the tariff value of the changed visits (capacity freed) and their budget
effect in cash, which is what the savings requirement is compared with."""
from __future__ import annotations

from dataclasses import dataclass, field

import pandas as pd

from analysis.analyses import budget, measures, pathways, potential, scenarios, variation
from analysis.analyses.budget import BUDGET_DKK, TARIFF_VALUE_DKK
from analysis.analyses.scenarios import ScenarioFile, apply, names_not_in, share_basis
from analysis.analyses.uncertainty import Inputs, interval, intervals_by
from analysis.base import labels as L
from analysis.base import schema as s
from analysis.engine.aggregate import Aggregates


@dataclass
class Estimate:
    inputs: Inputs  # for totals, intervals and sensitivity (uncertainty)
    excess: pd.DataFrame  # visits above the benchmark per hospital x specialty x visit type
    effects: pd.DataFrame  # scenarios.apply with budget.effect: visits changed, tariff value and budget effect
    benchmark_possible: bool  # False when the input cannot give the benchmark's rates
    benchmark_measure: str = "visits_per_patient"  # or, on counts alone, "follow_up_ratio" (per first visit)
    benchmark_strata: tuple[str, ...] = ()  # the case-mix strata the benchmark's rates are adjusted by
    left_out: dict[str, str] = field(default_factory=dict)  # {idea name: the measure (`of`) the input cannot give}
    needs: dict[str, str] = field(default_factory=dict)  # {measure: label key of what it needs (measures.measure)}


def estimate(agg: Aggregates, year: int, plan: ScenarioFile, tariffs: pd.DataFrame, sector: str = "somatic",
             benchmark: str | float = "median", k: int | None = None, strata: list[str] | None = None,
             guidelines: pd.DataFrame | None = None, tables: measures.Tables | None = None,
             reference: Aggregates | None = None, costs: budget.Costs | None = None) -> Estimate:
    """Apply the scenario file to one year's activity of `sector`, priced by `tariffs` (the run's
    price table, pipeline.Prepared.prices, or a plain tariff table). A 'benchmark' lever uses the
    case-mix adjusted excess (k: best_k's k, None for potential.default_k), or the guideline
    table (`guidelines`, default the shipped one) when benchmark == "guideline". The benchmark's
    rates come from what the input supports (variation.benchmark_inputs): visits per patient, or
    on a pre-aggregated extract each visit type's visits per first visit; where the input cannot
    give any, benchmark levers are left out. An idea taking its share of a measured quantity
    (`of`) is left out where the input cannot give that measure (Estimate.left_out, with what it
    needs in Estimate.needs); `tables` are the run's reference tables the measures read.
    `reference`: the aggregates the benchmark's rates and ratios come from (peers.split, e.g. every
    region's hospitals), default `agg`; the activity, the excess and the savings stay `agg`'s.
    `costs`: the run's cost tables (budget.load_costs; None: the shipped illustrative ones). Each
    row of Estimate.effects carries its tariff value (tariff_value_dkk, = saving_dkk) and its
    budget effect (budget_effect_dkk with its parts and FTE, budget.effect)."""
    strata = ["age_band", "sex"] if strata is None else list(strata)
    act = agg.activity[(agg.activity[s.YEAR] == year) & (agg.activity[s.SECTOR] == sector)]
    if act.empty:
        raise ValueError(f"no {sector} activity in {year}")
    bench_in = None
    if benchmark == "guideline":
        possible = not agg.units.empty
    else:
        try:
            bench_in = variation.benchmark_inputs(agg if reference is None else reference, year, strata, sector)
        except ValueError:  # no rates the input can give (e.g. no first visits to count from)
            bench_in = None
        possible = bench_in is not None and not bench_in.rates.empty
    rates = bench_in.rates if possible and bench_in is not None else pd.DataFrame()
    measured, needs = measures.measure([sc.of for sc in plan.scenarios if sc.of], agg, year, sector,
                                       tables or measures.Tables())
    left_out = {sc.name: sc.of for sc in plan.scenarios if sc.of and sc.of not in measured}
    used = [sc for sc in plan.scenarios if (sc.lever != "benchmark" or possible) and sc.name not in left_out]
    if benchmark == "guideline" and guidelines is None:
        guidelines = potential.load_guidelines()
    guideline = (potential.against_guideline(agg, year, guidelines, sector)
                 if benchmark == "guideline" and possible else None)
    costs = budget.load_costs() if costs is None else costs
    inputs = Inputs(act, rates, used, tariffs, benchmark, k, guideline, measured, costs)
    over = guideline if guideline is not None else potential.excess(rates, benchmark, k)
    if reference is not None and not over.empty:  # the peers' rows set the benchmark; the excess is agg's
        over = over[over[s.HOSPITAL].isin(act[s.HOSPITAL].unique())].reset_index(drop=True)
    effects = budget.effect(apply(act, used, tariffs, over, measured=measured), costs, used)
    return Estimate(inputs, over, effects, possible,
                    bench_in.measure if bench_in is not None else "visits_per_patient",
                    tuple(bench_in.strata) if bench_in is not None else (), left_out, needs)


def tables_unread(est: Estimate) -> set[str]:
    """The reference tables a measured quantity reads (measures.Measure.reads) that the estimate
    did not use: no idea counted takes its share of that quantity, or the input cannot give it
    (no diagnosis group). Tables that gave it nothing to count ("pot_needs_levels": they name no
    university hospital, or no level for its diagnosis groups) were read, and the page says so."""
    used = set(est.inputs.measured) | {m for m, need in est.needs.items() if need == "pot_needs_levels"}
    every = {kind for m in measures.MEASURES.values() for kind in m.reads}
    return every - {kind for m in used for kind in measures.MEASURES[m].reads}


def left_out_notes(est: Estimate, plan: ScenarioFile, lang: str) -> list[str]:
    """One sentence per idea left out because the input cannot give the measured quantity it
    takes its share of (Estimate.left_out), in the file's order."""
    return [L.t("pot_idea_left_out", lang, idea=sc.title(lang), measure=L.t(measures.MEASURES[sc.of].label, lang),
                needs=L.t(est.needs.get(sc.of, measures.MEASURES[sc.of].needs), lang))
            for sc in plan.scenarios if sc.name in est.left_out]


def measured_notes(est: Estimate, lang: str) -> list[str]:
    """One sentence per idea counted that takes its share of a measured quantity (`of`): what the
    measure counts and that the share is the part of it assumed reachable."""
    return [L.t("pot_idea_measured", lang, idea=sc.title(lang), measure=L.t(measures.MEASURES[sc.of].label, lang),
                about=measures.MEASURES[sc.of].describe(lang))
            for sc in est.inputs.scenarios if sc.of]


def untouched_notes(est: Estimate, lang: str) -> list[str]:
    """One sentence per idea counted that changes no visit (0 visits in the ideas table): that
    it touches none, and why where the scenario file says it: the hospitals or specialties it
    names that the data do not hold (scenarios.names_not_in), else that the visits it selects
    have none to change (none in person, or a measured quantity of 0)."""
    changed = est.effects.groupby("scenario")["visits_changed"].sum() if not est.effects.empty else pd.Series()
    out = []
    for sc in est.inputs.scenarios:
        if changed.get(sc.name, 0) > 0:
            continue
        missing = names_not_in(est.inputs.activity, sc)
        out.append(L.t("pot_idea_untouched_names" if missing else "pot_idea_untouched", lang, idea=sc.title(lang),
                       names=L.names((f"“{n}”" for n in missing), lang)))
    return out


MONEY = [BUDGET_DKK, TARIFF_VALUE_DKK]  # the two kinds of kroner, budget effect first
SUMMED = ["visits_changed", "in_person_avoided", *MONEY]


def kroner_of_counts(table: pd.DataFrame) -> dict[str, list[str]]:
    """The kroner columns of a table of the potential (the two kinds and their interval ends) by
    the counts of visits they rest on, for report.table's `derived`: a budget effect shown beside
    a hidden count would give the count away through the price, so it is hidden with it."""
    counts = [c for c in ("visits_changed", "in_person_avoided") if c in table.columns]
    money = [c for c in table.columns if c in MONEY or c.startswith(("budget_", "value_"))]
    return {c: counts for c in money if c not in counts} if counts else {}


def assumed(effects: pd.DataFrame, plan: ScenarioFile) -> tuple[float, float]:
    """The budget effect (DKK a year) of the ideas whose reach rests on an assumed share of visits
    alone, neither of a measured excess (the benchmark lever) nor of a measured quantity (`of`),
    and its share of every idea's budget effect (0-1; NaN when the ideas give none)."""
    by_idea = summary(effects, ["scenario"]).set_index("scenario")[BUDGET_DKK]
    guessed = {sc.name for sc in plan.scenarios if scenarios.assumed(sc)}
    amount = float(by_idea[by_idea.index.isin(guessed)].sum())
    total = float(by_idea.sum())
    return amount, (amount / total if total > 0 else float("nan"))


def summary(effects: pd.DataFrame, by: list[str]) -> pd.DataFrame:
    """Visits changed, in-person visits avoided, the budget effect and the tariff value (DKK a
    year) of Estimate.effects, summed by `by`, largest budget effect first."""
    if effects.empty:
        return pd.DataFrame(columns=[*by, *SUMMED])
    return effects.groupby(by, observed=True, sort=False)[SUMMED].sum().reset_index().sort_values(
        BUDGET_DKK, ascending=False, ignore_index=True)


def for_hospital(est: Estimate, hospital: str) -> pd.DataFrame:
    """The rows of Estimate.effects of one hospital: its part of the region's potential (the same
    estimate as the region's, so the hospitals' parts add up to it)."""
    return est.effects[est.effects[s.HOSPITAL] == hospital]


def fact_parameters(est: Estimate, year: int, sector: str, benchmark: str, best_k: int, peers: str = "region",
                    **files: str) -> dict:
    """What an estimate depends on, as 03 and 05 state it beside their potential: two pages'
    potentials are compared only where these agree (files: the scenario, tariff, level and cost
    files by parameter name, "" for the shipped ones)."""
    return {"year": int(year), "sector": sector, "benchmark": str(benchmark), "best_k": int(best_k),
            "strata": list(est.benchmark_strata), "peers": peers, **{k: str(v) for k, v in sorted(files.items())}}


def potential_fact(est: Estimate, parameters: dict, hospital: str | None = None,
                   specialty: str | None = None) -> tuple[str, dict]:
    """The potential a page states for the run's check that the pages reconcile (identities.py):
    by change idea, the budget effect and the tariff value (DKK a year), of the region (03), of
    one hospital (05) or of one specialty (10), with the parameters the estimate depends on and,
    for the region, its hospitals and specialties (the pages whose parts must add up to it)."""
    effects = est.effects
    if hospital is not None:
        effects = for_hospital(est, hospital)
    elif specialty is not None and len(effects):
        effects = effects[effects[s.SPECIALTY] == specialty]
    by = effects.groupby("scenario", observed=True)[[BUDGET_DKK, TARIFF_VALUE_DKK]].sum() if len(effects) else None
    scope = "hospital" if hospital is not None else "specialty" if specialty is not None else "region"
    value = {"scope": scope, "parameters": parameters,
             "budget": {} if by is None else {str(k): float(v) for k, v in by[BUDGET_DKK].items()},
             "tariff": {} if by is None else {str(k): float(v) for k, v in by[TARIFF_VALUE_DKK].items()}}
    if scope == "region":
        value["hospitals"] = sorted(map(str, est.inputs.activity[s.HOSPITAL].unique()))
        value["specialties"] = sorted(map(str, est.inputs.activity[s.SPECIALTY].unique()))
    else:
        value[scope] = hospital if scope == "hospital" else specialty
    return "potential", value


def measured_facts(est: Estimate, year: int, sector: str) -> list[tuple[str, dict]]:
    """The measured quantities the estimate took shares of, as facts for the run's check that the
    pages reconcile (identities.py): the calendar-booked follow-ups, which 08 counts too."""
    measured = est.inputs.measured or {}
    if "calendar_follow_ups" not in measured:
        return []
    return [pathways.calendar_fact(measured["calendar_follow_ups"], year, [sector])]


def by_sectors(agg: Aggregates, year: int, plan: ScenarioFile, prices: pd.DataFrame, sectors: list[str],
               benchmark: str, best_k: int, tables: measures.Tables, costs: budget.Costs
               ) -> tuple[list[Estimate], pd.DataFrame]:
    """The estimate of each sector in `sectors` (estimate, the benchmark parsed from its parameter
    text) and each hospital's potential in both kinds of kroner summed over them
    (potential_by_hospital): what the savings key by potential splits by, as 04 and 07 key it."""
    ests = [estimate(agg, year, plan, prices, sector, potential.parse_benchmark(benchmark), best_k, tables=tables,
                     costs=costs) for sector in sectors]
    return ests, potential_by_hospital(ests)


def potential_by_hospital(estimates: list[Estimate], hospitals: list[str] | None = None) -> pd.DataFrame:
    """Each hospital's potential in both kinds of kroner, DKK a year: budget_effect_dkk and
    tariff_value_dkk indexed by hospital, summed over `estimates` (one per sector, as the savings
    key takes them); with `hospitals`, in that order with 0 for one the ideas do not touch."""
    effects = pd.concat([e.effects for e in estimates], ignore_index=True) if estimates else pd.DataFrame()
    if effects.empty:
        out = pd.DataFrame(columns=MONEY, index=pd.Index([], name=s.HOSPITAL), dtype=float)
    else:
        out = effects.groupby(s.HOSPITAL, observed=True, sort=False)[MONEY].sum()
    return out.reindex(hospitals).fillna(0.0) if hospitals is not None else out


def by_hospital(effects: pd.DataFrame, draws_by_hospital: pd.DataFrame) -> pd.DataFrame:
    """The potential by hospital (summary), the budget effect with its 95% interval from the
    simulation's draws per hospital (uncertainty.simulate(..., by="hospital"): budget_low,
    budget_high) and the tariff value beside, largest budget effect first."""
    out = summary(effects, [s.HOSPITAL])
    iv = intervals_by(draws_by_hospital, s.HOSPITAL, BUDGET_DKK).rename(columns={"low": "budget_low",
                                                                               "high": "budget_high"})
    out = out.merge(iv, on=s.HOSPITAL, how="left")
    return out[[s.HOSPITAL, "visits_changed", "in_person_avoided", BUDGET_DKK, "budget_low", "budget_high",
                TARIFF_VALUE_DKK]]


def driver_tree(effects: pd.DataFrame, driver_names: dict[str, str], titles: dict[str, str]
                ) -> tuple[list[tuple[str, float, float]], list[tuple[str, str, float, float, float]]]:
    """The boxes of the driver diagram (plots.driver_diagram): each driver (its name, budget
    effect, tariff value), largest budget effect first, and the change ideas under their driver
    in that order (driver name, idea name, visits changed, budget effect, tariff value), largest
    budget effect first within a driver. Names through `driver_names` and `titles` (the report's
    language)."""
    drivers = summary(effects, ["driver"])
    order = {d: i for i, d in enumerate(drivers["driver"])}
    ideas = summary(effects, ["driver", "scenario"])
    ideas = ideas.assign(_order=ideas["driver"].map(order)).sort_values(["_order", BUDGET_DKK],
                                                                         ascending=[True, False], kind="stable")
    return ([(driver_names[r.driver], float(r.budget_effect_dkk), float(r.tariff_value_dkk))
             for r in drivers.itertuples()],
            [(driver_names[r.driver], titles[r.scenario], float(r.visits_changed), float(r.budget_effect_dkk),
              float(r.tariff_value_dkk)) for r in ideas.itertuples()])


@dataclass(frozen=True)
class Money:
    """The region's potential in both kinds of kroner, DKK a year, with 95% intervals, against the
    requirement (the front page's and the key figures' numbers)."""

    budget: float  # the budget effect: cash, what the requirement is compared with
    budget_low: float
    budget_high: float
    value: float  # the tariff value of the same visits: capacity freed, not cash
    value_low: float
    value_high: float
    target: float  # the requirement, DKK a year

    @property
    def cover(self) -> float:
        """The share of the requirement the budget effect covers."""
        return self.budget / self.target if self.target else float("nan")

    @property
    def short(self) -> float:
        """What the budget effect falls short of the requirement by (0 when it covers it)."""
        return max(self.target - self.budget, 0.0)


def money(totals: dict[str, float], draws: pd.DataFrame, target: float, level: float = 0.95) -> Money:
    """Both kinds of kroner of uncertainty.totals (point) and simulate/overall (draws, with the cost
    tables), each with its central `level` interval from the same draws, against `target`."""
    blo, bhi = interval(draws, BUDGET_DKK, level)
    vlo, vhi = interval(draws, "saving_dkk", level)
    return Money(float(totals[BUDGET_DKK]), blo, bhi, float(totals["saving_dkk"]), vlo, vhi, float(target))


def ideas_table(est: Estimate, lang: str) -> pd.DataFrame:
    """The ideas counted, in the order applied: name and proposer in `lang`, the share's range
    (chosen) in percent, what the share rests on (scenarios.share_basis), visits changed,
    in-person visits avoided, the budget effect and the tariff value, DKK a year (0 for an idea
    that changes nothing)."""
    ideas = est.inputs.scenarios
    meta = pd.DataFrame({
        "scenario": [sc.name for sc in ideas],
        "source": [sc.proposer(lang) for sc in ideas],
        "share_range": [f"{L.percent(sc.low, lang, 0)}–{L.percent(sc.high, lang, 0)} ({L.percent(sc.share, lang, 0)})"
                        for sc in ideas],
        "share_basis": [share_basis(sc, lang) for sc in ideas]})
    cols = SUMMED
    table = meta.merge(summary(est.effects, ["scenario"]), on="scenario", how="left")
    table[cols] = table[cols].astype(float).fillna(0.0)
    table["scenario"] = [sc.title(lang) for sc in ideas]
    return table


def status_sentences(est: Estimate, rejected: list, lang: str) -> list[str]:
    """The ideas' budget effect a year by the steering group's decision (scenarios.load: approved
    apart from proposed), and the rejected ideas, which no estimate counts (their names in
    `lang`); none where every idea is still proposed and none is rejected."""
    status = {sc.name: sc.status for sc in est.inputs.scenarios}
    out = []
    if any(v != "proposed" for v in status.values()):
        effect = est.effects.groupby("scenario")[BUDGET_DKK].sum() if len(est.effects) else pd.Series(dtype=float)
        by = {k: float(effect[[n for n, v in status.items() if v == k and n in effect.index]].sum())
              for k in ("approved", "proposed")}
        out.append(L.t("idea_by_status", lang, approved=L.dkk(by["approved"], lang, True),
                       proposed=L.dkk(by["proposed"], lang, True)))
    if rejected:
        out.append(L.t("idea_rejected_list", lang, names=L.names([sc.title(lang) for sc in rejected], lang)))
    return out


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
    if max(abs(x), abs(low), abs(high)) < L.SMALL_DKK:  # in whole kroner, as L.dkk writes them
        return f"{L.dkk(x, lang)} ({L.number(low, lang)}{dash}{L.number(high, lang)})"
    digits = L.million_digits(x)  # the point's precision, as L.dkk writes it beside, for its ends too
    point = L.number(x / 1e6, lang, digits)  # in millions like its ends (never "18.848 kr. (-0,8 ...")
    point = f"{point} mio. kr." if lang == "da" else f"DKK {point}m"
    return f"{point} ({L.number(low / 1e6, lang, digits)}{dash}{L.number(high / 1e6, lang, digits)})"
