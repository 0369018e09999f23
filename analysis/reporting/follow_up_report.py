"""Report 07, following the decision: is the saving happening? Each hospital's share of the target
against the budget effect it has realised since the decision, in kroner, measured against a
counterfactual projected from the months before it; the region's saving a year now, the status of
each hospital, the saving year by year and month by month against the phase-in, where it came from
(specialty, visit type, contact mode, the change ideas it resembles), displacement netted out,
months not fully registered left out, and the staff freed against natural attrition. `build`
yields the page's blocks and figures in order (page.show displays them)."""
from __future__ import annotations

from collections.abc import Iterator

import pandas as pd

from analysis.analyses import budget, capabilities, follow_up, measures, reduction, scenarios, staff
from analysis.base import labels as L
from analysis.base import schema as s
from analysis.engine import completeness
from analysis.inputs import tariffs
from analysis.inputs import visit_types as derivation
from analysis.reporting import plots, report
from analysis.reporting.page import Page
from analysis.stats.counterfactual import Realised

RISK_DETAIL = 3  # the front page's risk gives each hospital's saving both ways for up to this many hospitals

def build(page: Page, *, decision_date: str, target_profile: dict, year: int, basis: str, sectors: list[str],
          baseline_months: int, counterfactual: str, complete_through: str, run_rate_months: int,
          attrition_rate: float, benchmark: str, best_k: int, scenario_file: str, tariff_file: str,
          specialisation_file: str, diagnosis_levels_file: str, staff_cost_file: str, variable_cost_file: str,
          substitute_cost_file: str, max_rows: int) -> Iterator[object]:
    """The follow-up's page (notebook 07's parameters; `year`, the key's year, resolved by the page)."""
    prep, language = page.prep, page.language
    monthly = prep.aggregates.monthly
    T, N, P, M = page.formatters
    yield report.start(T("fu_title"), language, prep.synthetic, T("fu_subtitle", date=L.date(decision_date, language)))
    # visit types derived from the contacts (the rule, the run-in months left out), or first visits piling up at
    # the start
    derived_note = derivation.note(prep.ingest, language, prep.aggregates.monthly)
    if derived_note:
        yield report.text(derived_note)
    problem = follow_up.data_problem(monthly, decision_date, baseline_months, complete_through, language)
    if problem:  # no months, a decision date outside them, or too few months before or after it
        yield report.text(problem)
        return

    lag = completeness.assess(monthly, complete_through, decision_date=decision_date, target_sectors=tuple(sectors))
    costs = budget.load_costs("", staff_cost_file, variable_cost_file, substitute_cost_file)
    real = follow_up.realise(monthly, prep.prices(tariff_file), decision_date, baseline_months, lag.incomplete,
                             counterfactual, cash=budget.cash_per_visit(costs))
    key_year = year
    activity = prep.priced(tariff_file)  # the same prices as 04's value key
    full_year = max(int(y) for y in target_profile)
    potential_dkk = None
    if basis == "potential":  # the key by the change ideas' budget effect, estimated as 04 estimates it
        tables = measures.Tables(tariff_file, specialisation_file, diagnosis_levels_file)
        ests, pot = reduction.by_sectors(prep.aggregates, key_year, scenarios.load(scenario_file),
                                         prep.prices(tariff_file), sectors, benchmark, best_k, tables, costs)
        unread = [reduction.tables_unread(e) for e in ests]
        page.not_read(*(set.intersection(*unread) if unread else ()))
        potential_dkk = pot[budget.BUDGET_DKK]
    else:  # the level tables serve the key by potential only
        page.not_read("specialisation", "diagnosis_levels")
    share = follow_up.full_target(activity, key_year, target_profile, basis, tuple(sectors), potential_dkk)
    target = follow_up.targets(activity, key_year, target_profile, sorted({m.year for m in real.months}), basis,
                               tuple(sectors), potential_dkk)
    table = follow_up.status_table(real, share, run_rate_months)
    other = follow_up.realise_other(real, monthly, prep.prices(tariff_file), decision_date, baseline_months,
                                    lag.incomplete, cash=budget.cash_per_visit(costs))  # what rests on the choice
    if other is not None:  # each hospital's saving against the other expectation beside its own, and whether it rests
        rests = follow_up.rests_on_expectation(table, follow_up.status_table(other, share, run_rate_months))
        table = table.merge(rests[[s.HOSPITAL, "other_rate", "depends"]], on=s.HOSPITAL)
        order = list(table.columns)  # the other expectation's saving right after the interval
        order.insert(order.index("rate_high") + 1, order.pop(order.index("other_rate")))
        table = table[order]
    yield from _summary(page, real, share, table, lag, decision_date=decision_date, baseline_months=baseline_months,
                        run_rate_months=run_rate_months, full_year=full_year)

    yield from _status(page, real, table, share, run_rate_months=run_rate_months, full_year=full_year,
                       key_year=key_year, basis=basis)
    yield from expectation(page, real, other, table, share, run_rate_months=run_rate_months)
    yield from _years(page, real, target, share, target_profile=target_profile, sectors=sectors, full_year=full_year)
    yield from _where(page, real, sectors=sectors, max_rows=max_rows, scenario_file=scenario_file)

    yield from _displacement(page, real, sectors=sectors)
    full = follow_up.profile_for(target_profile, [full_year])[full_year]
    # numbers the run checks against each other and against 04 and 05
    yield from (report.fact(name, value) for name, value in follow_up.facts(real, share, key_year, basis, full,
                                                                            tuple(sectors)))
    judged = follow_up.status_parameters(decision_date, baseline_months, run_rate_months, counterfactual,
                                         complete_through, key_year, basis, full, tariff_file=tariff_file,
                                         staff_cost_file=staff_cost_file, variable_cost_file=variable_cost_file,
                                         substitute_cost_file=substitute_cost_file)
    yield report.fact(*follow_up.status_fact(dict(zip(table[s.HOSPITAL], table["status"])), judged))
    yield report.fact(*follow_up.region_rate_fact(real, run_rate_months, judged))  # compared with the run before

    yield from _staff(page, real, activity, key_year=key_year, sectors=sectors, attrition_rate=attrition_rate,
                      run_rate_months=run_rate_months, full_year=full_year)

    # the method and the prices only where the saving was measured by them
    yield report.heading(T("var_method"))
    yield report.text(follow_up.method_text(real, language))
    yield report.text(tariffs.price_sentence(activity[activity[s.YEAR] == key_year], language, tariff_file))


def _summary(page: Page, real: Realised, share: pd.Series, table: pd.DataFrame, lag: completeness.Completeness, *,
             decision_date: str, baseline_months: int, run_rate_months: int, full_year: int) -> Iterator[object]:
    """The opening: what was measured and over which months, the region's lead, its key figures
    and the headline for the front page."""
    language, monthly = page.language, page.prep.aggregates.monthly
    T, N, P, M = page.formatters
    region = real.summary([], "budget").iloc[0]
    region_rate = follow_up.run_rate(real, [], run_rate_months).iloc[0]
    region_value = follow_up.run_rate(real, [], run_rate_months, "tariff").iloc[0]
    yield report.text(T("fu_intro", months=real.n_baseline, date=L.date(decision_date, language)))
    yield report.text(T("fu_money", target=M(share.sum())))
    short = capabilities.baseline_note(monthly, decision_date, baseline_months, language)
    if short:  # never silently fewer months than baseline_months asks for
        yield report.text(short)
    lag_text = completeness.sentence(lag, language)
    if lag_text:  # months left out as not fully registered, or a genuine fall
        yield report.text(lag_text)
    if lag.incomplete:  # for the front page's decision paper: the latest months are not yet all there
        yield report.headline([], order=0, points=[report.point("risk", lag_text + " " + T("fu_risk_lag_do"),
                                                                rank=4)])
    yield report.text(T("fu_months", n=len(real.months), first=L.month(min(real.months), language),
                        last=L.month(max(real.months), language), rate_months=min(run_rate_months, len(real.months))))
    on_track = int(table["status"].isin(["ahead", "on_track"]).sum())
    rate_text = reduction.dkk_interval(region_rate["rate"], region_rate["low"], region_rate["high"], language)
    lead = follow_up.region_lead(region_rate["rate"], region_rate["low"], region_rate["high"], share.sum(), full_year,
                                 table, language)
    yield report.text(f"**{lead}**")
    yield report.kpis([(T("fu_kpi_rate"), rate_text),
                       (T("fu_kpi_target", year=full_year), M(share.sum())),
                       (T("fu_kpi_gap"), M(max(share.sum() - region_rate["rate"], 0))),
                       (T("fu_kpi_on_track"), f"{N(on_track)} / {N(len(table))}"),
                       (T("fu_kpi_realised"), M(region["saving"])),
                       (T("fu_kpi_tariff"), M(region_value["rate"]))])
    yield report.headline([(T("fu_head_region", target=M(share.sum())), rate_text),
                           (T("fu_head_gap"), M(max(share.sum() - region_rate["rate"], 0))),
                           (T("fu_head_on_track"), f"{N(on_track)} / {N(len(table))}")], order=0, lead=lead,
                          state={"requirement_met": follow_up.met(region_rate["rate"], region_rate["low"],
                                                                  region_rate["high"], share.sum())})


def _status(page: Page, real: Realised, table: pd.DataFrame, share: pd.Series, *, run_rate_months: int,
            full_year: int, key_year: int, basis: str) -> Iterator[object]:
    """Is each hospital on track: the rule, the hospitals by status, the table and the chart."""
    language = page.language
    T, N, P, M = page.formatters
    yield report.heading(T("fu_status"))
    yield report.text(T("fu_rule", months=run_rate_months, target=M(share.sum()), year=full_year,
                        key_year=key_year, basis=T(f"key_basis_{basis}"),
                        on_track=L.percent(follow_up.ON_TRACK, language, 0)))
    yield report.text(status_sentence(table, language))
    late = follow_up.behind(table)
    keyed, others, region = follow_up.reconciliation(real, list(table[s.HOSPITAL]), run_rate_months)
    named_others = L.names((f"{h} {M(v)}" for h, v in others.items()), language)
    if not late.empty:  # the front page's decision paper: the hospitals behind and what they lack
        text = T("fu_risk_behind_one" if len(late) == 1 else "fu_risk_behind_some",
                 names=L.names(late[s.HOSPITAL], language), gap=M(late["shortfall"].sum()),
                 share=M(late["share_full"].sum()), rate=M(late["rate"].sum()))
        yield report.text(text)
        if len(late) == len(table) and len(others):  # the lead's shortfall is the region's: say why it differs
            text += " " + T("fu_risk_behind_region", gap=M(max(share.sum() - region, 0.0)), others=named_others)
        yield report.headline([], order=0, points=[report.point("risk", text, rank=1)])
    yield report.table(table.drop(columns=["depends"], errors="ignore"), language, percent=["reached"],
                       verbatim=[s.HOSPITAL], caption=T("fu_status_caption"))
    if len(others):  # the hospitals without a share make up the rest of the region's figure
        yield report.text(T("fu_reconcile", keyed=M(keyed), region=M(region), others=named_others))
    bars = table.set_index(s.HOSPITAL)[["share_full", "rate", "rate_low", "rate_high", "status"]].rename(
        columns={"share_full": "share", "rate_low": "low", "rate_high": "high"})
    bars[["share", "rate", "low", "high"]] /= 1e6
    yield plots.status_bars(bars, language, T("fu_chart_status"), T("mdkk"),
                            (T("fu_legend_rate"), T("fu_legend_share")))


def expectation(page: Page, real: Realised, other: Realised | None, table: pd.DataFrame, share: pd.Series, *,
                 run_rate_months: int) -> Iterator[object]:
    """What rests on the expectation without the decision: the region's saving a year now against
    the other counterfactual, and the hospitals for which the two disagree on whether there is a
    saving, each with both, and what the run's method assumes."""
    if other is None:  # too few baseline months for the other method
        return
    language = page.language
    T = page.formatters[0]
    region = follow_up.run_rate(other, [], run_rate_months).iloc[0]
    verdict = follow_up.region_status(region["rate"], region["low"], region["high"], share.sum())
    rate = reduction.dkk_interval(region["rate"], region["low"], region["high"], language)
    yield report.text(T("fu_other_region", own=T(f"fu_expectation_{real.method}"),
                        other=T(f"fu_expectation_{other.method}"), verdict=T(verdict), rate=rate))
    own = follow_up.run_rate(real, [], run_rate_months).iloc[0]
    own_verdict = follow_up.region_status(own["rate"], own["low"], own["high"], share.sum())
    # one risk on the front page for what rests on the expectation, the region's status first: the
    # decision paper names three, and a second on the same cause would push another off
    risk = [T("fu_risk_region_depends", other=T(f"fu_expectation_short_{other.method}"), rate=rate,
              verdict=T(verdict), own_verdict=T(own_verdict))] if own_verdict != verdict else []
    rests = follow_up.rests_on_expectation(table, follow_up.status_table(other, share, run_rate_months))
    depends = rests[rests["depends"]]
    if depends.empty:
        yield report.text(T("fu_depends_none"))
        if risk:
            yield report.headline([], order=0, points=[report.point("risk", risk[0], rank=2)])
        return
    lines = [T("fu_depends_one", hospital=r[s.HOSPITAL],
               own=reduction.dkk_interval(r["rate"], r["rate_low"], r["rate_high"], language),
               other=reduction.dkk_interval(r["other_rate"], r["other_low"], r["other_high"], language),
               own_name=T(f"fu_expectation_short_{real.method}"), other_name=T(f"fu_expectation_short_{other.method}"))
             for _, r in depends.iterrows()]
    yield report.text(" ".join([T("fu_depends", names=L.names(depends[s.HOSPITAL], language),
                                  other_name=T(f"fu_expectation_short_{other.method}"),
                                  why=T(f"fu_depends_why_{real.method}")), *lines]))
    detail = " ".join(lines) + " " if len(lines) <= RISK_DETAIL else ""  # a director sees both numbers
    risk.append(T("fu_risk_depends", names=L.names(depends[s.HOSPITAL], language),
                  own=T(f"fu_expectation_short_{real.method}"), other=T(f"fu_expectation_short_{other.method}"),
                  detail=detail))
    yield report.headline([], order=0, points=[report.point("risk", " ".join(risk), rank=2)])


def status_sentence(table: pd.DataFrame, language: str) -> str:
    """The hospitals named by status, ahead to behind ("Foran: A. På sporet: B, C."); a status
    no hospital has is left out rather than shown as a dash."""
    parts = [L.t("fu_status_part", language, status=L.t(k, language).capitalize(),
                 names=L.names(table.loc[table["status"] == k, s.HOSPITAL], language))
             for k in follow_up.STATUSES if (table["status"] == k).any()]
    return " ".join(parts)


def _years(page: Page, real: Realised, target: pd.DataFrame, share: pd.Series, *, target_profile: dict,
           sectors: list[str], full_year: int) -> Iterator[object]:
    """The saving year by year and quarter by quarter against the phase-in, and month by month
    for each hospital."""
    language = page.language
    T, N, P, M = page.formatters
    yield report.heading(T("fu_years"))
    yield report.text(T("fu_profile", profile=", ".join(f"{y}: {M(v)}" for y, v in sorted(target_profile.items()))))
    years = budget.gap_as_read(follow_up.by_year(real, target, tuple(sectors)), "gap_dkk", ("fu_short", "fu_beyond"))
    yield report.table(years, language, verbatim=[s.HOSPITAL], caption=T("fu_years_caption"))
    quarters = follow_up.cumulative(real, target, tuple(sectors))  # its quarters as "2. kvt. 2025"
    quarters["quarter"] = [L.quarter(pd.Period(q, "Q").start_time, language) for q in quarters["quarter"]]
    yield report.table(quarters, language, verbatim=[s.HOSPITAL],
                       caption=T("fu_quarters_caption"))
    paths = follow_up.path(real, target, tuple(sectors))
    paths[["saving", "low", "high", "target"]] /= 1e6
    yield plots.saving_panels({h: g for h, g in paths.groupby(s.HOSPITAL)}, language, T("fu_chart_months"),
                              T("fu_chart_months_y"), real.decision,
                              (T("fu_legend_saving"), T("fu_legend_target"),
                               T("fu_legend_full", year=full_year), T("fu_legend_incomplete")),
                              (share / 12 / 1e6).to_dict())
    yield report.how_to_read(T("fu_months_how", **plots.colour_words(language, saving=plots.SAVING,
                                                                     decision=plots.DECISION)), language)


def _where(page: Page, real: Realised, *, sectors: list[str], max_rows: int,
           scenario_file: str) -> Iterator[object]:
    """Where the saving came from: by specialty, visit type and contact mode, and the shifts
    beyond chance with the change ideas they resemble."""
    language = page.language
    T, N, P, M = page.formatters
    yield report.heading(T("fu_where"))
    inside = real.rows[s.SECTOR].isin(sectors)
    for by in (s.SPECIALTY, s.VISIT_TYPE, s.CONTACT_MODE):
        part = follow_up.realised_by(real, by, inside).head(max_rows)
        yield report.table(part, language, verbatim=[s.SPECIALTY], caption=T("fu_by_caption", by=T(by).lower()))
    plan = scenarios.load(scenario_file)
    names = plan.titles(language)
    yield report.text(T("fu_sources_text", share=L.percent(follow_up.MIN_SHIFT, language, 0),
                        z=N(follow_up.SIGNAL_Z)))
    levels = [(follow_up.sources(real, plan, tuple(sectors), keys).head(max_rows), caption)
              for keys, caption in (((s.HOSPITAL, s.VISIT_TYPE), "fu_sources_hospital"),
                                    ((s.HOSPITAL, s.SPECIALTY, s.VISIT_TYPE), "fu_sources"))]
    if all(found.empty for found, _ in levels):
        yield report.text(T("fu_no_sources"))
        return
    for found, caption in levels:  # a level without a fall says so: the other may show one (netting counts specialties)
        if found.empty:
            yield report.text(T(f"{caption}_none"))
            continue
        yield sources_table(found, names, language, T(f"{caption}_caption"))


def sources_table(found: pd.DataFrame, names: dict[str, str], language: str, caption: str) -> report.Table:
    """follow_up.sources' falls as a table, each resembling idea by its name in the language
    (`names`: the scenario file's titles); 07 and 10 show them so."""
    shown = found.assign(ideas=[", ".join(names.get(n, n) for n in x.split(", ")) if x else "–"
                                for x in found["ideas"]])
    return report.table(shown, language, counts=["in_person_avoided", "moved_visits"],
                        verbatim=[s.HOSPITAL, s.SPECIALTY, "ideas"], caption=caption)


def _displacement(page: Page, real: Realised, *, sectors: list[str]) -> Iterator[object]:
    """Visits that rose elsewhere as they fell, and how the region's total nets them out."""
    language = page.language
    T, N, P, M = page.formatters
    yield report.heading(T("fu_displacement"))
    yield report.text(T("fu_displacement_text"))
    moved = follow_up.displacement(real, tuple(sectors))
    if moved.empty:
        yield report.text(T("fu_no_displacement"))
    else:
        yield report.table(moved, language, counts=["rise_visits", "fell_visits"],
                           verbatim=[s.HOSPITAL, s.SPECIALTY, "fell_at"], caption=T("fu_displacement_caption"))
    yield report.table(follow_up.netting(real, tuple(sectors)), language, caption=T("fu_netting_caption"))


def _staff(page: Page, real: Realised, activity: pd.DataFrame, *, key_year: int, sectors: list[str],
           attrition_rate: float, run_rate_months: int, full_year: int) -> Iterator[object]:
    """The staff the saving frees, set against natural attrition over the phase-in."""
    language = page.language
    T, N, P, M = page.formatters
    yield report.heading(T("fu_staff"))
    minutes = staff.load_staff_time()
    in_use = staff.fte_in_use(activity[(activity[s.YEAR] == key_year) & activity[s.SECTOR].isin(sectors)],
                              minutes)  # as 03: the sectors that save
    fte = follow_up.staff_freed(real, minutes, in_use, attrition_rate, run_rate_months, tuple(sectors))
    yield report.table(fte, language, percent=["share_of_attrition"], digits={"fte_attrition": 1, "fte_freed": 1},
                       caption=T("fu_staff_caption", rate=L.percent(attrition_rate, language, 0)))
    phase = full_year - real.decision.year + 1
    yield report.text(T("fu_staff_text", first=real.decision.year, last=full_year,
                        fte=N(staff.attrition_over(in_use.sum(), attrition_rate, phase))))
