"""Report 05, the hospital drill-down: one hospital's volume and mix against the region's, where it
sits in the region's variation, 08's finding on calendar-booked follow-ups for it, its reduction
potential in two kinds of kroner (the budget effect in cash, which its share of the savings key is
compared with, and the tariff value beside it), its share of the savings key and its status
against that share since the decision, as 07 judges it. A hospital without visits in the year gets
a sentence saying so and nothing more. `build` yields the page's blocks and figures in order
(page.show displays them)."""
from __future__ import annotations

from collections.abc import Iterator

import pandas as pd

from analysis.analyses import (
    activity,
    budget,
    capabilities,
    follow_up,
    measures,
    pathways,
    potential,
    reduction,
    savings_key,
    scenarios,
    variation,
)
from analysis.base import config
from analysis.base import labels as L
from analysis.base import schema as s
from analysis.engine.aggregate import Aggregates
from analysis.reporting import plots, region_results, report
from analysis.reporting.page import Page


def build(page: Page, *, hospital: str, year: int, measure: str, standardise_by: list[str], target_dkk: int,
          basis: str, benchmark: str, best_k: int, scenario_file: str, tariff_file: str, specialisation_file: str,
          diagnosis_levels_file: str, staff_cost_file: str, variable_cost_file: str, substitute_cost_file: str,
          decision_date: str, baseline_months: int, run_rate_months: int, counterfactual: str,
          complete_through: str) -> Iterator[object]:
    """The hospital's page (notebook 05's parameters; `year` resolved by the page, an empty
    `hospital` resolved here to the one with most visits in the year)."""
    prep, language = page.prep, page.language
    T, N, P, M = page.formatters
    agg = prep.aggregates
    act = prep.priced(tariff_file)  # the run's prices: own prices from the value column, the tariff file for the rest
    hospital = hospital or activity.volume(act, [s.HOSPITAL], year)[s.HOSPITAL].iloc[0]
    page.use(hospital=hospital)  # the footer shows the hospital chosen
    if hospital not in set(act[s.HOSPITAL]):
        raise ValueError(f"hospital {hospital!r} is not in the data")
    sector = act.loc[act[s.HOSPITAL] == hospital, s.SECTOR].iloc[0]
    mine = act[(act[s.HOSPITAL] == hospital) & (act[s.YEAR] == year)]
    yield report.start(hospital, language, prep.synthetic, T("hosp_subtitle", year=year, sector=T(sector).lower()))
    absent = capabilities.absent_note(act, hospital, year, language)  # a hospital present in other years only
    if absent:
        yield report.text(absent)
        return

    prices = prep.prices(tariff_file)
    plan = scenarios.load(config.resolve(scenario_file) if scenario_file else None)
    # what the run's pages before this one computed, for the same catalogue of ideas (its forms and decisions too)
    shared = region_results.kept(page, "hospital", sector, plan.model_dump())
    costs = budget.load_costs("", staff_cost_file, variable_cost_file, substitute_cost_file)  # behind the budget effect
    if "estimate" not in shared:  # the region's estimate, as 03 and 04 make it
        shared["estimate"] = reduction.estimate(
            agg, year, plan, prices, sector, potential.parse_benchmark(benchmark), best_k,
            tables=measures.Tables(tariff_file, specialisation_file, diagnosis_levels_file), costs=costs)
    est = shared["estimate"]
    page.not_read(*reduction.tables_unread(est))  # e.g. the level tables, where no idea measured the levels
    own_effects = reduction.for_hospital(est, hospital)
    mine_pot = reduction.potential_by_hospital([est], [hospital]).loc[hospital]  # budget effect and tariff value
    keys, chosen = None, None
    if sector == "somatic":
        pot = reduction.potential_by_hospital([est])
        keys = savings_key.compare(act, pot[budget.BUDGET_DKK], year, basis, target_dkk,
                                   tariff_value=pot[budget.TARIFF_VALUE_DKK]).set_index(s.HOSPITAL)
        chosen = savings_key.key_column(basis)
    yield from _summary(page, act, hospital, year, keys, chosen, mine_pot, target_dkk)
    facts = reduction.fact_parameters(est, year, sector, benchmark, best_k, scenario_file=scenario_file,
                                      tariff_file=tariff_file, specialisation_file=specialisation_file,
                                      diagnosis_levels_file=diagnosis_levels_file, staff_cost_file=staff_cost_file,
                                      variable_cost_file=variable_cost_file, substitute_cost_file=substitute_cost_file)
    yield report.fact(*reduction.potential_fact(est, facts, hospital))  # the run checks they add up to 03's
    if keys is not None:
        yield report.fact(*savings_key.fact(keys[chosen], year, basis, target_dkk))

    yield from _volume(page, act, mine, hospital, year)

    yield report.heading(T("hosp_variation"))
    # what the data support decides the measure and strata; each change is said first
    choice = capabilities.resolve(capabilities.of(agg), measure, list(standardise_by), language)
    yield from (report.text(note) for note in choice.notes)
    page.use(measure=choice.measure, standardise_by=choice.strata)  # the footer shows what was used
    yield from _variation(page, agg, choice, hospital, year, sector, shared)

    if not agg.intervals.empty:  # 08's finding on calendar-booked follow-ups, for this hospital
        yield from _calendar(page, agg, hospital, year, sector, shared)

    yield from _potential(page, est, plan, own_effects, year, staff_cost_file, variable_cost_file,
                          substitute_cost_file)
    if keys is not None:  # a hospital with a share: its status as 07 judges it
        yield report.heading(T("hosp_follow_up"))
        if "standings" not in shared:  # every hospital's, as 07 judges them
            shared["standings"] = follow_up.standings(agg.monthly, prices, budget.cash_per_visit(costs),
                                                      keys[chosen], decision_date, baseline_months,
                                                      complete_through, counterfactual, run_rate_months,
                                                      lang=language)
        followed = shared["standings"].of(hospital)
        if followed.row is None:
            yield report.text(followed.problem)
        else:
            r = followed.row
            yield report.text(T("hosp_follow_up_text", date=L.date(decision_date, language), share=M(r["share_full"]),
                                status=T(r["status"]),
                                rate=reduction.dkk_interval(r["rate"], r["rate_low"], r["rate_high"], language)))
            if r.get("depends", False):  # as 07 names it: the other expectation moves it beyond its interval
                other = follow_up.OTHER_METHOD[counterfactual]
                yield report.text(" ".join([
                    T("hosp_depends", why=T(f"fu_depends_why_{counterfactual}")),
                    T("fu_depends_one", hospital=hospital,
                      own=reduction.dkk_interval(r["rate"], r["rate_low"], r["rate_high"], language),
                      other=reduction.dkk_interval(r["other_rate"], r["other_low"], r["other_high"], language),
                      own_name=T(f"fu_expectation_short_{counterfactual}"),
                      other_name=T(f"fu_expectation_short_{other}"))]))
            judged = follow_up.status_parameters(decision_date, baseline_months, run_rate_months, counterfactual,
                                                 complete_through, year, basis, target_dkk, tariff_file=tariff_file,
                                                 staff_cost_file=staff_cost_file,
                                                 variable_cost_file=variable_cost_file,
                                                 substitute_cost_file=substitute_cost_file)
            yield report.fact(*follow_up.status_fact({hospital: r["status"]}, judged))  # the run checks 07 agrees


def _summary(page: Page, act: pd.DataFrame, hospital: str, year: int, keys: pd.DataFrame | None,
             chosen: str | None, mine_pot: pd.Series, target_dkk: int) -> Iterator[object]:
    """The key figures, the share of the key against the potential, and the two kinds of kroner."""
    language = page.language
    T, N, P, M = page.formatters
    kf = activity.key_figures(act[act[s.HOSPITAL] == hospital], pd.DataFrame(), year)
    items = [(T("visits"), N(kf["visits"])),
             (T("follow_up_share"), L.percent(kf["follow_up_share"], language)),
             (T("in_person_share"), L.percent(kf["in_person_share"], language))]
    if keys is not None:  # the share against the budget effect, the tariff value last
        items += [(T("hosp_key_share"), M(keys.loc[hospital, chosen]))]
    items += [(T("hosp_potential"), M(mine_pot[budget.BUDGET_DKK]))]
    if keys is not None:
        gap = keys.loc[hospital, savings_key.GAP_DKK]  # a shortfall or a surplus, each said as a positive amount
        items += [(T("gap_kpi_short" if gap > 0 else "gap_kpi_beyond"), M(abs(gap)))]
    items += [(T("hosp_tariff"), M(mine_pot[budget.TARIFF_VALUE_DKK]))]
    yield report.kpis(items)
    yield report.text(T("hosp_key_text", share=M(keys.loc[hospital, chosen]),
                        potential=M(mine_pot[budget.BUDGET_DKK]), value=M(mine_pot[budget.TARIFF_VALUE_DKK]),
                        target=M(target_dkk))
                      if keys is not None else T("hosp_no_key"))
    yield report.text(T("money_two_kinds", target=M(target_dkk)))


def _volume(page: Page, act: pd.DataFrame, mine: pd.DataFrame, hospital: str, year: int) -> Iterator[object]:
    """The hospital's visits by specialty, and its mix of visit types and contact modes against the region's."""
    language = page.language
    T = page.formatters.T
    yield report.heading(T("hosp_volume"))
    spec = activity.volume(mine, [s.SPECIALTY])
    yield plots.bar_totals(spec.set_index(s.SPECIALTY)[s.VISITS].head(15), language,
                           T("hosp_by_specialty", year=year), T("visits"))
    yield report.how_to_read(T("hosp_specialty_how"), language)
    mix = activity.mix_against_region(act, hospital, year, s.VISIT_TYPE)
    yield report.table(mix, language, counts=[s.VISITS], derived={"share": s.VISITS},
                       percent=["share", "region_share"], caption=T("hosp_mix_caption", year=year))
    modes = activity.mix_against_region(act, hospital, year, s.CONTACT_MODE)
    yield report.table(modes, language, counts=[s.VISITS], derived={"share": s.VISITS},
                       percent=["share", "region_share"], caption=T("hosp_modes_caption", year=year))


def _variation(page: Page, agg: Aggregates, choice: capabilities.Choice, hospital: str, year: int,
               sector: str, shared: dict) -> Iterator[object]:
    """Where the hospital sits in the region's variation: its funnel panels and its outliers."""
    language = page.language
    T = page.formatters.T
    if "variation" not in shared:
        shared["variation"] = variation.analyse(agg, choice.measure, year, choice.strata, sector)
    result = shared["variation"]
    standing = variation.standing(result.table, hospital)
    yield report.fact(*variation.outlier_fact(standing.outliers, choice.measure, year, choice.strata, sector,
                                              hospital=hospital))  # the run checks 02 names the same
    if result.left_out:  # visits of unknown sex or age: not in the adjustment, counted everywhere else
        yield report.text(variation.left_out_text(result, language))
    if standing.status == "absent":
        yield report.text(T("hosp_not_compared", measure=T(f"measure_{choice.measure}_phrase"), year=year))
    if standing.status == "compared":
        short = variation.short_names(sorted(result.table[s.HOSPITAL].unique()))
        x_key, y_key = variation.axis_labels(result.kind)
        yield plots.funnel_panels(result, language,
                                  T("var_funnel_title", measure=T(f"measure_{choice.measure}"), year=year),
                                  short, standing.shown(), T(x_key), T(y_key), highlight=hospital)
        yield report.how_to_read(T("hosp_funnel_how", short=short[hospital],
                                   **plots.colour_words(language, **plots.CLASS_NAMES)) + " "
                                 + variation.funnel_how(result.kind, language, intro=False), language)
    # no peers; specialties without; within
    yield from (report.text(note) for note in variation.standing_notes(standing, language, sector))
    yield from (report.text(sentence) for sentence in variation.outlier_sentences(standing.outliers, choice.measure,
                                                                                  language, choice.strata))


def _calendar(page: Page, agg: Aggregates, hospital: str, year: int, sector: str, shared: dict) -> Iterator[object]:
    """08's finding on calendar-booked follow-ups for this hospital, where it has follow-up intervals."""
    language = page.language
    T = page.formatters.T
    if "calendar" not in shared:
        shared["calendar"] = pathways.calendar(agg.intervals, year, (sector,))
    cal = shared["calendar"]
    sentences = pathways.hospital_calendar(cal, hospital, year, language)
    if sentences:
        yield report.heading(T("hosp_calendar"))
        yield from (report.text(sentence) for sentence in sentences)
        own = cal.shares[cal.shares[s.HOSPITAL] == hospital]
        clearly = cal.clearly[cal.clearly[s.HOSPITAL] == hospital]
        yield report.fact(*pathways.calendar_fact(own, year, [sector], clearly=clearly,
                                                  hospital=hospital))  # the run checks 08 names the same


def _potential(page: Page, est: reduction.Estimate, plan: scenarios.ScenarioFile, own_effects: pd.DataFrame,
               year: int, staff_cost_file: str, variable_cost_file: str,
               substitute_cost_file: str) -> Iterator[object]:
    """The hospital's part of the region's potential, by specialty and visit type and by idea."""
    language = page.language
    T = page.formatters.T
    yield report.heading(T("hosp_potential_heading"))
    # ideas the input cannot measure are not in the potential
    yield from (report.text(note) for note in reduction.left_out_notes(est, plan, language))
    if own_effects.empty:
        yield report.text(T("hosp_no_potential"))
    else:
        by = reduction.summary(own_effects, [s.SPECIALTY, s.VISIT_TYPE]).head(12)
        yield report.table(by, language, counts=["visits_changed", "in_person_avoided"],
                           derived=reduction.kroner_of_counts(by),
                           caption=T("hosp_potential_caption", year=year))
        ideas = reduction.summary(own_effects, ["scenario"])
        ideas["scenario"] = ideas["scenario"].replace(plan.titles(language))  # each idea by its name in the language
        yield report.table(ideas, language, counts=["visits_changed", "in_person_avoided"], verbatim=["scenario"],
                           derived=reduction.kroner_of_counts(ideas),
                           caption=T("hosp_ideas_caption"))
    yield report.text(budget.cost_sentence(language, "", staff_cost_file, variable_cost_file, substitute_cost_file))
