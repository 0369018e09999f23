"""Report 03, the reduction potential: how many visits of which type could go, where, and what that
is worth in two kinds of kroner, the budget effect in cash (what the savings requirement is compared
with) and the tariff value of the avoided visits (capacity freed). A benchmark of the case-mix
adjusted rates plus the change ideas of the scenario file, priced with the tariffs and costed with
the cost tables: the key figures with intervals, the driver diagram, the ideas, where the potential
lies, the benchmark's units, a sensitivity chart, the staff time freed and the phase-in with
natural attrition. `build` yields the page's blocks and figures in order (page.show displays them)."""
from __future__ import annotations

from collections.abc import Iterator

import pandas as pd

from analysis.analyses import budget, measures, potential, reduction, scenarios, staff, uncertainty
from analysis.analyses import peers as peer_groups
from analysis.base import labels as L
from analysis.base import schema as s
from analysis.inputs import tariffs
from analysis.inputs import visit_types as derivation
from analysis.reporting import plots, report
from analysis.reporting.page import Page


def build(page: Page, *, year: int, sector: str, benchmark: str, best_k: int, standardise_by: list[str],
          scenario_file: str, tariff_file: str, specialisation_file: str, diagnosis_levels_file: str,
          staff_cost_file: str, variable_cost_file: str, substitute_cost_file: str, target_dkk: int, draws: int,
          seed: int, attrition_rate: float, peers: str, own_region: str,
          hospital_regions_file: str) -> Iterator[object]:
    """The reduction potential's page (notebook 03's parameters; `year` resolved by the page)."""
    prep, language = page.prep, page.language
    T, N, P, M = page.formatters
    comparison = peer_groups.comparison_for(prep.aggregates, peers, own_region, hospital_regions_file)
    agg, peer_agg = peer_groups.split(prep.aggregates, comparison)  # the own region's hospitals; those compared with
    if not comparison.uses_regions:  # no other region's hospital counts: the footer does not list the table
        page.not_read("hospital_regions")
    bench = potential.parse_benchmark(benchmark)
    plan = scenarios.load(scenario_file)
    # the region's own prices from the input's value column; the tariff file for the rest
    prices = prep.prices(tariff_file)
    costs = budget.load_costs("", staff_cost_file, variable_cost_file, substitute_cost_file)  # behind the budget effect
    bench_words = potential.describe_benchmark(bench, language, best_k)
    titles = plan.titles(language)  # change ideas by their name in the report's language
    # benchmarks among the peers; potential and kroner the own region's
    est = reduction.estimate(agg, year, plan, prices, sector, bench, best_k, list(standardise_by),
                             tables=measures.Tables(tariff_file, specialisation_file, diagnosis_levels_file),
                             reference=peer_agg, costs=costs)
    page.not_read(*reduction.tables_unread(est))  # e.g. the level tables, where no idea measured the levels
    act, inp, over, effects, used = est.inputs.activity, est.inputs, est.excess, est.effects, est.inputs.scenarios
    total = uncertainty.totals(inp)  # visits, tariff value and budget effect, by the function each draw uses
    sim_by_hospital = uncertainty.simulate(inp, draws, seed, by=s.HOSPITAL)
    sim = uncertainty.overall(sim_by_hospital)
    money = reduction.money(total, sim, target_dkk)  # both kinds of kroner with intervals from the same draws
    vlo, vhi = uncertainty.interval(sim, "in_person_avoided")
    yield report.start(T("pot_title"), language, prep.synthetic, T("pot_subtitle", year=year, sector=T(sector).lower()))
    # visit types derived from the contacts (the rule, the run-in months left out), or first visits piling up at
    # the start
    derived_note = derivation.note(prep.ingest, language, prep.aggregates.monthly)
    if derived_note:
        yield report.text(derived_note)
    active = peer_groups.active(prep.aggregates, year, sector)
    yield report.text(T("pot_intro", n=len(used), benchmark=bench_words) + " "
                      + peer_groups.sentence(comparison, language, active))
    yield report.text(T("money_two_kinds", target=M(target_dkk)))
    facts = reduction.fact_parameters(est, year, sector, benchmark, best_k, peers, scenario_file=scenario_file,
                                      tariff_file=tariff_file, specialisation_file=specialisation_file,
                                      diagnosis_levels_file=diagnosis_levels_file, staff_cost_file=staff_cost_file,
                                      variable_cost_file=variable_cost_file, substitute_cost_file=substitute_cost_file)
    yield report.fact(*reduction.potential_fact(est, facts))  # the run checks that 05's pages add up to it
    # the run checks 08 counts the same follow-ups
    yield from (report.fact(*fact) for fact in reduction.measured_facts(est, year, sector))
    yield report.text(tariffs.price_sentence(tariffs.price(act, prices), language, tariff_file)
                      + " " + scenarios.substitute_sentence(act, used, prices, language))
    yield report.text(budget.cost_sentence(language, "", staff_cost_file, variable_cost_file, substitute_cost_file))
    if reduction.benchmark_note(est, language):  # left out, per first visit or crude: said before the numbers
        yield report.text(reduction.benchmark_note(est, language))
    # an idea whose measured quantity the input cannot give
    yield from (report.text(note) for note in reduction.left_out_notes(est, plan, language))

    yield from _key_figures(page, act, total, money, vlo, vhi, target_dkk, draws)
    yield from _drivers(page, effects, plan, titles, target_dkk, year)
    yield from _ideas(page, est, plan, year)
    yield from _assumed(page, effects, plan)
    yield from _where(page, effects, sim_by_hospital, year)
    yield from _benchmark(page, over, used, bench, bench_words, inp, best_k)
    yield from _sensitivity(page, inp, titles)
    yield from _staff(page, act, effects, costs, attrition_rate)
    yield report.heading(T("var_method"))
    yield report.text(T("pot_method", draws=draws, seed=seed))


def _key_figures(page: Page, act: pd.DataFrame, total: dict[str, float], money: reduction.Money, vlo: float,
                 vhi: float, target_dkk: int, draws: int) -> Iterator[object]:
    """The key figures, the front page's headline and the summary sentence, with their intervals."""
    language = page.language
    T, N, P, M = page.formatters
    budget_text = reduction.dkk_interval(money.budget, money.budget_low, money.budget_high, language)
    value_text = reduction.dkk_interval(money.value, money.value_low, money.value_high, language)
    avoided_text = f"{N(total['in_person_avoided'])} ({N(vlo)}–{N(vhi)})"
    yield report.kpis([
        (T("pot_budget"), budget_text),
        (T("pot_target"), M(target_dkk)),
        (T("pot_gap"), M(money.short)),
        (T("pot_tariff"), value_text),
        (T("pot_in_person_avoided"), avoided_text),
        (T("pot_share_of_activity"), L.percent(total["visits_changed"] / act[s.VISITS].sum(), language)),
    ])
    yield report.headline([(T("pot_head_budget", target=M(target_dkk)), budget_text),
                           (T("pot_head_tariff"), value_text),
                           (T("pot_in_person_avoided"), avoided_text)], order=2,
                          lead=T("pot_lead", budget=budget_text, cover=L.percent(money.cover, language, 0),
                                 target=M(target_dkk)))  # the front page: what the ideas can give, and what it is not
    def ends(x: float, of: float) -> str:  # an interval's end at its point's precision
        return L.dkk(x, language, True, like=of)

    yield report.text(T("pot_summary", budget=M(money.budget), lo=ends(money.budget_low, money.budget),
                        hi=ends(money.budget_high, money.budget), target=M(target_dkk),
                        cover=L.percent(money.cover, language, 0), draws=draws, value=M(money.value),
                        value_lo=ends(money.value_low, money.value), value_hi=ends(money.value_high, money.value)))
    if money.short > 0:  # the ideas do not reach the requirement: the steering group decides how to close the gap
        gap = T("pot_decide_gap", cover=L.percent(money.cover, language, 0), target=M(target_dkk),
                short=M(money.short))
        yield report.text(gap)
        # no decision where the follow-up (07) finds the requirement met by what was realised
        yield report.headline([], order=2, points=[report.point("decide", gap, unless="requirement_met")])


def _assumed(page: Page, effects: pd.DataFrame, plan: scenarios.ScenarioFile) -> Iterator[object]:
    """How much of the ideas' budget effect rests on assumed shares alone (reduction.assumed), on
    the page and as a risk for the front page's decision paper."""
    amount, share = reduction.assumed(effects, plan)
    if not amount > 0:
        return
    T, M = page.formatters.T, page.formatters.M
    text = T("pot_risk_assumed", share=L.percent(share, page.language, 0), amount=M(amount))
    yield report.text(text)
    yield report.headline([], order=2, points=[report.point("risk", text + " " + T("pot_risk_assumed_do"), rank=3)])


def _drivers(page: Page, effects: pd.DataFrame, plan: scenarios.ScenarioFile, titles: dict[str, str],
             target_dkk: int, year: int) -> Iterator[object]:
    """The driver diagram: the aim, the drivers and the ideas under them."""
    language = page.language
    T, N, P, M = page.formatters
    yield report.heading(T("pot_drivers"))
    drivers, ideas = reduction.driver_tree(effects, plan.driver_names(language), titles)  # largest budget effect first
    yield plots.driver_diagram(T("pot_aim", target=M(target_dkk)), drivers, ideas, language,
                               T("pot_driver_title", year=year))
    yield report.how_to_read(T("pot_driver_how", **plots.colour_words(language, budget=plots.BUDGET)), language)


def _ideas(page: Page, est: reduction.Estimate, plan: scenarios.ScenarioFile, year: int) -> Iterator[object]:
    """The change ideas' table and what their shares rest on."""
    language = page.language
    T = page.formatters.T
    yield report.heading(T("pot_ideas"))
    table = reduction.ideas_table(est, language)  # with what each idea's share rests on (measured or assumed)
    yield report.table(table, language, counts=["visits_changed", "in_person_avoided"],
                       derived=reduction.kroner_of_counts(table),
                       verbatim=["scenario", "source", "share_range", "share_basis"],
                       caption=T("pot_ideas_caption", year=year))
    # the steering group's decisions: approved apart from proposed, and what it rejected
    yield from (report.text(sentence) for sentence in reduction.status_sentences(est, plan.rejected, language))
    decided = scenarios.decision_table(plan, language)
    if len(decided):  # each idea's decision, and what the councils wrote beside theirs
        yield report.table(decided, language, verbatim=list(decided.columns), caption=T("in_decisions_caption"))
    # what a measured share is taken of
    yield from (report.text(note) for note in reduction.measured_notes(est, language))
    # an idea that changes no visit, and why
    yield from (report.text(note) for note in reduction.untouched_notes(est, language))


def _where(page: Page, effects: pd.DataFrame, sim_by_hospital: pd.DataFrame, year: int) -> Iterator[object]:
    """Where the potential lies: by visit type, by specialty and by hospital."""
    language = page.language
    T = page.formatters.T
    yield report.heading(T("pot_where"))
    vt = reduction.summary(effects, [s.VISIT_TYPE])
    yield report.table(vt, language, counts=["visits_changed", "in_person_avoided"],
                       derived=reduction.kroner_of_counts(vt), caption=T("pot_by_visit_type"))
    sp = reduction.summary(effects, [s.SPECIALTY]).head(15).set_index(s.SPECIALTY)
    yield plots.money_bars(sp[[budget.BUDGET_DKK, budget.TARIFF_VALUE_DKK]] / 1e6, language,
                           T("pot_by_specialty", year=year), (T("legend_budget"), T("legend_tariff")), T("mdkk_year"))
    yield report.how_to_read(T("pot_specialty_how", **plots.colour_words(language, budget=plots.BUDGET)), language)
    hosp = reduction.by_hospital(effects, sim_by_hospital)  # the budget effect's interval from the same draws
    yield report.table(hosp, language, counts=["visits_changed", "in_person_avoided"],
                       derived=reduction.kroner_of_counts(hosp), caption=T("pot_by_hospital"))


def _benchmark(page: Page, over: pd.DataFrame | None, used: list[scenarios.Scenario], bench: str | float,
               bench_words: str, inp: uncertainty.Inputs, best_k: int) -> Iterator[object]:
    """The units furthest above the benchmark, or that the input gives no benchmark."""
    language = page.language
    T = page.formatters.T
    yield report.heading(T("pot_benchmark"))
    if over is None or over.empty:
        yield report.text(T("pot_no_benchmark"))
        return
    types = {vt for sc in used if sc.lever == "benchmark" for vt in sc.visit_types} or set(s.VISIT_TYPES)
    top = (over[(over["potential"] > 0) & over[s.VISIT_TYPE].isin(types)]
           .sort_values("potential", ascending=False).head(15))
    ratios = ["benchmark_ratio", "ratio"] if "ratio" in top else []
    cols = [s.HOSPITAL, s.SPECIALTY, s.VISIT_TYPE, "potential"] + ratios
    yield report.table(top[cols], language, counts=["potential"], digits={"benchmark_ratio": 2, "ratio": 2},
                       caption=T("pot_benchmark_caption", benchmark=bench_words))
    yield report.text(T("pot_benchmark_text", benchmark=bench_words))
    yield report.text(T("pot_vs_variation"))  # why a ratio here can differ from 02's for the same unit
    if bench == "best_k":  # k at least the number of peers: the benchmark is the plain mean of them
        warning = potential.best_k_warning(inp.rates, language, best_k, sorted(types))
        if warning:
            yield report.text(warning)


def _sensitivity(page: Page, inp: uncertainty.Inputs, titles: dict[str, str]) -> Iterator[object]:
    """The tornado chart: what moves the budget effect."""
    language = page.language
    T = page.formatters.T
    yield report.heading(T("pot_sensitivity"))
    # what moves the cash the requirement is compared with
    sens = uncertainty.sensitivity(inp, column=budget.BUDGET_DKK)
    yield plots.tornado(sens, language, T("pot_tornado_title"),
                        {**titles, "costs": T("pot_costs_pm"), "benchmark": T("pot_benchmark_choice")},
                        T("budget_mdkk"))
    yield report.how_to_read(T("pot_tornado_how"), language)


def _staff(page: Page, act: pd.DataFrame, effects: pd.DataFrame, costs: budget.Costs,
           attrition_rate: float) -> Iterator[object]:
    """The staff time freed against natural attrition, and the phase-in."""
    language = page.language
    T = page.formatters.T
    yield report.heading(T("pot_staff"))
    in_use = staff.fte_in_use(act, costs.minutes)
    # the FTE the budget effect's staff part is priced from
    fte = budget.staff_table(effects, costs, in_use, attrition_rate)
    yield report.table(fte, language, percent=["share_of_attrition"],
                       digits={"fte_in_use": 0, "fte_freed": 1, "fte_attrition": 1},
                       caption=T("pot_staff_caption", rate=L.percent(attrition_rate, language, 0)))
    yield report.text(T("pot_staff_text"))
    yield report.heading(T("pot_phase"), 3)
    phased = budget.phase_in(effects, costs, in_use, attrition_rate)
    yield report.table(budget.phase_table(effects, phased, language), language, verbatim=["phase"],
                       caption=T("pot_phase_caption", rate=L.percent(attrition_rate, language, 0)))
    yield report.text(T("pot_phase_text") + " " + budget.phase_sentence(phased, language))
