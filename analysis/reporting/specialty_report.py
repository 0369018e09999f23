"""Report 10, a specialty's review pack for its council: the specialty's volume and mix by
hospital, its hospitals in the variation funnel, calendar-booked follow-ups, the guideline table's
recommendation, the change ideas' potential by idea and hospital, the saving realised since the
decision and any displacement, and the questions the findings raise (pack.questions). The
suite runs it once per specialty in the data (`per: specialty`); alone it shows the largest.
`build` yields the page's blocks and figures in order (page.show displays them)."""
from __future__ import annotations

from collections.abc import Iterator

import pandas as pd

from analysis.analyses import (
    budget,
    capabilities,
    follow_up,
    measures,
    pathways,
    potential,
    reduction,
    scenarios,
    specialisation,
    variation,
)
from analysis.analyses import specialty as pack
from analysis.base import labels as L
from analysis.base import schema as s
from analysis.base.names import slug
from analysis.engine import completeness
from analysis.inputs import intake, tariffs
from analysis.reporting import follow_up_report, pathways_report, plots, region_results, report
from analysis.reporting.page import Page


def build(page: Page, *, specialty: str, year: int, measure: str, standardise_by: list[str], benchmark: str,
          best_k: int, scenario_file: str, tariff_file: str, specialisation_file: str, diagnosis_levels_file: str,
          staff_cost_file: str, variable_cost_file: str, substitute_cost_file: str, decision_date: str,
          baseline_months: int, counterfactual: str, complete_through: str) -> Iterator[object]:
    """The specialty's page (notebook 10's parameters; `year` resolved by the page, an empty
    `specialty` resolved here to the one with most visits)."""
    prep, language = page.prep, page.language
    T, N, P, M = page.formatters
    agg = prep.aggregates
    act = prep.priced(tariff_file)
    name = specialty or pack.largest(act, year)
    page.use(specialty=name)  # the footer shows the specialty chosen
    if name not in set(act[s.SPECIALTY]):
        raise ValueError(f"specialty {name!r} is not in the data")
    sector = str(act.loc[act[s.SPECIALTY] == name, s.SECTOR].iloc[0])
    hospitals = pack.by_hospital(act, name, year)
    yield report.start(name, language, prep.synthetic, T("sp_subtitle", year=year, sector=T(sector).lower()))
    if hospitals.empty:
        yield report.text(T("sp_absent", year=year))
        return

    prices = prep.prices(tariff_file)
    plan = scenarios.load(scenario_file)
    # what the run's pages before this one computed, for the same catalogue of ideas (its forms and decisions too)
    shared = region_results.kept(page, "specialty", sector, plan.model_dump())
    costs = budget.load_costs("", staff_cost_file, variable_cost_file, substitute_cost_file)
    if "estimate" not in shared:  # the region's estimate, as 03 makes it
        shared["estimate"] = reduction.estimate(
            agg, year, plan, prices, sector, potential.parse_benchmark(benchmark), best_k,
            tables=measures.Tables(tariff_file, specialisation_file, diagnosis_levels_file), costs=costs)
    est = shared["estimate"]
    page.not_read(*reduction.tables_unread(est))
    effects = est.effects[est.effects[s.SPECIALTY] == name] if not est.effects.empty else est.effects
    if "realised" not in shared:
        shared["realised"] = _realised(page, agg.monthly, prices, costs, decision_date, baseline_months,
                                       counterfactual, complete_through, sector)
    real, other, problem = shared["realised"]
    realised = pack.realised(real, other, name)

    total = float(hospitals[s.VISITS].sum())
    share_of = lambda c: float((hospitals[c] * hospitals[s.VISITS]).sum()) / total  # noqa: E731 (the specialty's)
    items = [(T("visits"), N(total)), (T("sp_kpi_hospitals"), N(len(hospitals))),
             (T("follow_up_share"), L.percent(share_of("follow_up_share"), language)),
             (T("in_person_share"), L.percent(share_of("in_person_share"), language)),
             (T("sp_kpi_potential"), M(float(effects[budget.BUDGET_DKK].sum()) if len(effects) else 0.0))]
    if real is not None:  # the specialty's whole budget effect since the decision
        whole = real.summary([], "budget", real.rows[s.SPECIALTY] == name).iloc[0]
        items.append((T("sp_kpi_realised"), reduction.dkk_interval(whole["saving"], whole["low"], whole["high"],
                                                                    language)))
    yield report.kpis(items)
    facts = reduction.fact_parameters(est, year, sector, benchmark, best_k, scenario_file=scenario_file,
                                      tariff_file=tariff_file, specialisation_file=specialisation_file,
                                      diagnosis_levels_file=diagnosis_levels_file, staff_cost_file=staff_cost_file,
                                      variable_cost_file=variable_cost_file, substitute_cost_file=substitute_cost_file)
    yield report.fact(*reduction.potential_fact(est, facts, specialty=name))  # the run checks the packs add up to 03's
    yield report.text(T("sp_intro"))

    yield from _volume(page, hospitals, name, year)
    choice = capabilities.resolve(capabilities.of(agg), measure, list(standardise_by), language)
    page.use(measure=choice.measure, standardise_by=choice.strata)
    outliers = yield from _variation(page, agg, choice, name, year, sector, shared)
    cal_high, calendar_norm, calendar_chance = pd.DataFrame(columns=[s.HOSPITAL, "share"]), 0.0, None
    if not agg.intervals.empty:  # visit-level data: intervals and series of follow-ups
        cal_high, calendar_norm, calendar_chance = yield from _calendar(page, agg, name, year, sector, shared)
        yield from _stable(page, prices, name, year, sector, shared)
        yield from _segments(page, name, year, sector, shared)
    yield from _acute_and_referrals(page, agg, name, year, sector)
    level_high = yield from _specialisation(page, name, year, sector, tariff_file, specialisation_file,
                                            diagnosis_levels_file, shared)
    guide = pack.guideline(potential.load_guidelines(), name)
    yield from _guideline(page, guide)
    yield from _potential(page, est, plan, effects, year, name)
    falls = yield from _since(page, real, realised, plan, name, decision_date, sector, problem)

    yield report.heading(T("sp_questions"))
    asked = pack.questions(name, outliers, cal_high, calendar_norm, pack.assumed_ideas(plan, effects, language),
                           guide, realised, falls, choice.measure, language, level_high, calendar_chance)
    yield report.text("\n".join(f"- {q}" for q in asked) if asked else T("sp_no_questions"))
    yield report.text(T("sp_questions_note"))
    yield from _intake_form(page, act, name, year, sector, specialisation_file, diagnosis_levels_file, tariff_file,
                            shared)


def _realised(page: Page, monthly: pd.DataFrame, prices: pd.DataFrame, costs, decision_date: str,
              baseline_months: int, counterfactual: str, complete_through: str, sector: str):
    """07's counterfactual (follow_up.realise with its lag check), the other expectation
    (follow_up.realise_other; None where the baseline is too short for it) and "", or (None,
    None, why) where the data cannot follow the decision (follow_up.data_problem: no months, or
    too few before or after it)."""
    problem = follow_up.data_problem(monthly, decision_date, baseline_months, complete_through, page.language)
    if problem:
        return None, None, problem
    lag = completeness.assess(monthly, complete_through, decision_date=decision_date, target_sectors=(sector,))
    cash = budget.cash_per_visit(costs)
    real = follow_up.realise(monthly, prices, decision_date, baseline_months, lag.incomplete, counterfactual,
                             cash=cash)
    return real, follow_up.realise_other(real, monthly, prices, decision_date, baseline_months, lag.incomplete,
                                         cash=cash), ""


def _volume(page: Page, hospitals: pd.DataFrame, name: str, year: int) -> Iterator[object]:
    """The specialty's visits by hospital and each hospital's mix."""
    language, T = page.language, page.formatters.T
    yield report.heading(T("sp_volume"))
    yield plots.bar_totals(hospitals.set_index(s.HOSPITAL)[s.VISITS], language, T("sp_by_hospital", year=year),
                           T("visits"))
    yield report.table(hospitals, language, counts=[s.VISITS],
                       derived={c: s.VISITS for c in ("share", "follow_up_share", "in_person_share")},
                       percent=["share", "follow_up_share", "in_person_share"], verbatim=[s.HOSPITAL],
                       caption=T("sp_mix_caption", year=year))


def _variation(page: Page, agg, choice: capabilities.Choice, name: str, year: int, sector: str, shared: dict):
    """The specialty's hospitals in the variation funnel (02's analysis), and its outliers, which
    it returns for the questions."""
    language, T = page.language, page.formatters.T
    yield report.heading(T("sp_variation"))
    yield from (report.text(note) for note in choice.notes)  # what the data support decides the measure and strata
    if "variation" not in shared:
        shared["variation"] = variation.analyse(agg, choice.measure, year, choice.strata, sector)
    result = shared["variation"]
    mine = result.table[result.table[s.SPECIALTY] == name]
    if mine[s.HOSPITAL].nunique() < 2:
        yield report.text(T("sp_no_peers", year=year))
        return variation.outliers(mine.iloc[0:0])
    short = variation.short_names(sorted(result.table[s.HOSPITAL].unique()))
    x_key, y_key = variation.axis_labels(result.kind)
    yield plots.funnel_panels(result, language, T("var_funnel_title", measure=T(f"measure_{choice.measure}"),
                                                  year=year), short, [name], T(x_key), T(y_key))
    yield report.how_to_read(variation.funnel_how(result.kind, language,
                                                  **plots.colour_words(language, **plots.CLASS_NAMES)), language)
    # every point of the panel by name, its ratio and its assessment: a council wants to know which is which
    points = mine.sort_values("value", ascending=False)
    yield report.table(pd.DataFrame({"short": points[s.HOSPITAL].map(short).to_numpy(),
                                     s.HOSPITAL: points[s.HOSPITAL].to_numpy(), "ratio": points["value"].to_numpy(),
                                     "class": points["class"].astype(str).to_numpy()}), language,
                       verbatim=["short", s.HOSPITAL], digits={"ratio": 2}, caption=T("sp_points_caption"))
    found = variation.outliers(mine)
    sentences = variation.outlier_sentences(found, choice.measure, language, choice.strata)
    yield report.text(" ".join(sentences) if sentences else T("sp_within"))
    return found


def _calendar(page: Page, agg, name: str, year: int, sector: str, shared: dict):
    """08's calendar-booked follow-ups of the specialty by hospital; returns the hospitals
    clearly above the specialty's norm (08's), the specialty's share and its share expected without
    calendar booking, for the questions."""
    language, T = page.language, page.formatters.T
    if "calendar" not in shared:
        shared["calendar"] = pathways.calendar(agg.intervals, year, (sector,))
    cal = shared["calendar"]
    mine = cal.shares[cal.shares[s.SPECIALTY] == name]
    if mine.empty:
        return pd.DataFrame(columns=[s.HOSPITAL, "share"]), 0.0, None
    habit = pathways.specialty_calendar(mine).iloc[0]  # the specialty at all its hospitals, as 08's table
    own = float(habit[pathways.SHARE])
    yield report.heading(T("sp_calendar"))
    yield report.text(T("sp_calendar_text", own=L.percent(own, language, 0),
                        region=L.percent(cal.region_share(), language, 0)))
    shown = mine.assign(**{pathways.CHANCE_SHARE: pathways.shown_chance_share(mine)}).sort_values(
        pathways.SHARE, ascending=False)[  # 08's columns, as 08 names and hides them
        [s.HOSPITAL, "intervals", pathways.CALENDAR_LIKE, pathways.SHARE, pathways.CHANCE_SHARE]].rename(
        columns={"intervals": "pw_intervals", pathways.CALENDAR_LIKE: "pw_calendar_like",
                 pathways.SHARE: "pw_calendar_share", pathways.CHANCE_SHARE: "pw_chance_share"})
    yield report.table(shown, language, counts=["pw_intervals", "pw_calendar_like"],
                       derived={"pw_calendar_share": "pw_calendar_like", "pw_chance_share": "pw_intervals"},
                       percent=["pw_calendar_share", "pw_chance_share"], verbatim=[s.HOSPITAL],
                       caption=T("sp_calendar_caption", year=year))
    clearly = cal.clearly[cal.clearly[s.SPECIALTY] == name]
    high = clearly[[s.HOSPITAL, pathways.SHARE, pathways.NORM]].rename(columns={pathways.NORM: "norm"})
    # the specialty's habit is asked about only where most of its hospitals share it (08's table)
    chance = float(habit[pathways.CHANCE_SHARE]) if habit["broad"] else None
    return high.rename(columns={pathways.SHARE: "share"}), own, chance


def _stable(page: Page, prices: pd.DataFrame, name: str, year: int, sector: str, shared: dict) -> Iterator[object]:
    """08's long stable series in the specialty by hospital (08's default rule): candidates for
    patient-reported or patient-initiated follow-up, and what their follow-ups cost a year."""
    language = page.language
    T, N, P, M = page.formatters
    rule = pathways.StableRule()
    if "stable" not in shared:
        con, visits = page.prep.visit_table()
        shared["stable"] = pathways.stable_value(pathways.stable_series(con, visits, rule, (sector,)), prices, year)
    stable = shared["stable"]
    mine = stable[stable[s.SPECIALTY] == name]
    yield report.text(T("pw_stable_text", n=rule.min_follow_ups, months=N(rule.min_months),
                        share=P(rule.min_calendar_share, 0), year=year))
    if mine.empty:
        yield report.text(T("pw_stable_none"))
        return
    # the specialty's total (08's sentence) only where every unit is shown: beside a unit of fewer than 5
    # patients left out, the total less the units shown would give its count away
    top = pathways.highest(mine, "dkk_a_year", n=len(mine), min_count=5, count="patients")
    yield report.text(T("pw_stable_total", patients=N(mine["patients"].sum()), units=N(len(mine)),
                        follow_ups=N(mine["follow_ups_a_year"].sum()), dkk=M(mine["dkk_a_year"].sum()))
                      if len(top) == len(mine) else T("sp_stable_few", units=N(len(mine))))
    if top.empty:
        return
    top = top[[s.HOSPITAL, "patients", "series", "follow_ups_a_year", "dkk_a_year"]].rename(
        columns={"series": "pw_series", "follow_ups_a_year": "pw_follow_ups_a_year", "dkk_a_year": "pw_dkk_a_year"})
    yield report.table(top, language, counts=["patients", "pw_series"],
                       derived={"pw_follow_ups_a_year": "patients", "pw_dkk_a_year": "patients"},
                       verbatim=[s.HOSPITAL], caption=T("sp_stable_caption"))


def _segments(page: Page, name: str, year: int, sector: str, shared: dict) -> Iterator[object]:
    """The specialty's patients by 08's segments (pathways.specialty_segments, 08's default rules)."""
    language, T = page.language, page.formatters.T
    if "segments" not in shared:
        con, visits = page.prep.visit_table()
        shared["segments"] = pathways.specialty_segments(con, visits, year, pathways.SegmentRules(), (sector,))
    seg = shared["segments"]
    mine = seg[seg[s.SPECIALTY] == name]
    if mine.empty or not mine["patients"].sum():
        return
    yield report.heading(T("sp_segments"))
    yield report.text(T("sp_segments_text", year=year))
    yield pathways_report.segments_table(mine, [], language, T("sp_segments_caption", year=year))


def _specialisation(page: Page, name: str, year: int, sector: str, tariff_file: str, specialisation_file: str,
                    diagnosis_levels_file: str, shared: dict):
    """08's level of specialisation for the specialty: its follow-ups at the university hospital
    that belong at the basic level, closer to home or shared with general practice, and whether
    the specialty lies above 08's funnel; or why it cannot be said (08's sentences). Returns the
    specialty's row above the funnel (university, value, target; none: empty), for the questions."""
    language = page.language
    T, N, P, M = page.formatters
    if "specialisation" not in shared:  # 08's assessment with its defaults, of the pack's sector
        agg = page.prep.aggregates
        shared["specialisation"] = specialisation.assess(
            agg.diagnoses, agg.residents, year, specialisation.load_levels(specialisation_file),
            specialisation.load_diagnosis_levels(diagnosis_levels_file), tariffs.load_tariffs(tariff_file),
            tariffs.level_tariffs(tariff_file), sectors=(sector,))
    spec = shared["specialisation"]
    none = pd.DataFrame(columns=["university", "value", "target"])
    if spec.problem == "needs_diagnosis" or (spec.problem == "none_listed" and not spec.examples):
        return none  # no diagnosis group, or the university hospital has no follow-ups in the sector: nothing to say
    page.unread.difference_update({"specialisation", "diagnosis_levels"})  # read for this section
    yield report.heading(T("sp_spec"))
    if spec.problem:
        yield report.text(T(f"pw_spec_{spec.problem}", university=spec.university, year=year,
                            examples="; ".join(spec.examples)))
        return none
    mine = spec.table[spec.table[s.SPECIALTY] == name]
    if mine.empty or not mine["basic_level"].sum():
        yield report.text(T("sp_spec_none", university=spec.university, year=year))
        return none
    yield report.text(T("sp_spec_text", university=spec.university, year=year))
    caption = T("sp_spec_caption", university=spec.university, year=year)
    yield pathways_report.specialisation_table(mine.drop(columns=[s.SPECIALTY]), language, caption)
    high = spec.high[spec.high[s.SPECIALTY] == name] if not spec.high.empty else spec.high
    for _, r in high.iterrows():  # above 08's funnel: basic-level patients stay at the university hospital
        yield report.text(T("pw_spec_high", specialty=name, share=P(r["value"]), target=P(r["target"]),
                            n=N(r["from_other_areas"])))
    return high[["value", "target"]].assign(university=spec.university) if len(high) else none


def _acute_and_referrals(page: Page, agg, name: str, year: int, sector: str) -> Iterator[object]:
    """08's acute share and referral mix, by hospital within the specialty, where the data carry
    a priority and a referral source (nothing otherwise: 08 says what it needs)."""
    language, T = page.language, page.formatters.T
    priority = agg.priority[agg.priority[s.SPECIALTY] == name] if not agg.priority.empty else agg.priority
    referral = agg.referral[agg.referral[s.SPECIALTY] == name] if not agg.referral.empty else agg.referral
    if priority.empty and referral.empty:
        return
    yield report.heading(T("sp_pathways"))
    if not priority.empty:
        yield pathways_report.acute_table(pathways.acute_share(priority, by=[s.HOSPITAL], year=year,
                                                               sectors=(sector,)),
                                          language, T("sp_acute_caption", year=year))
    if not referral.empty:
        yield pathways_report.referral_table(pathways.referral_mix(referral, year, by=s.HOSPITAL, sectors=(sector,)),
                                             s.HOSPITAL, language, T("sp_referral_caption", year=year))


def _guideline(page: Page, guide: pd.Series | None) -> Iterator[object]:
    """The guideline table's recommendation for the specialty, with its source."""
    language, T = page.language, page.formatters.T
    yield report.heading(T("sp_guideline"))
    if guide is None:
        yield report.text(T("sp_no_guideline"))
        return
    source = str(guide.get("source", "")).strip()
    yield report.text(T("sp_guideline_text", value=L.number(float(guide["follow_ups_per_patient"]), language, 1),
                        source=T("ref_illustrative") if source.lower() == "illustrative" else source or "–"))


def _potential(page: Page, est: reduction.Estimate, plan: scenarios.ScenarioFile, effects: pd.DataFrame,
               year: int, name: str) -> Iterator[object]:
    """The change ideas' potential in the specialty, by idea and by hospital, and the council's own
    ideas in the catalogue with the steering group's decision on each."""
    language, T = page.language, page.formatters.T
    yield report.heading(T("sp_potential"))
    yield from (report.text(note) for note in reduction.left_out_notes(est, plan, language))
    council = scenarios.decision_table(plan, language, name)
    if len(council):  # the council's own ideas and the steering group's decision on each, rejected ones too
        yield report.table(council, language, verbatim=list(council.columns), caption=T("in_council_caption_one"))
    if effects.empty or not (effects["visits_changed"] != 0).any():
        yield report.text(T("sp_no_potential"))
        return
    ideas = reduction.summary(effects, ["scenario"])
    ideas["scenario"] = ideas["scenario"].replace(plan.titles(language))
    yield report.table(ideas, language, counts=["visits_changed", "in_person_avoided"], verbatim=["scenario"],
                       derived=reduction.kroner_of_counts(ideas),
                       caption=T("sp_ideas_caption", year=year))
    by = reduction.summary(effects, [s.HOSPITAL])
    yield report.table(by, language, counts=["visits_changed", "in_person_avoided"], verbatim=[s.HOSPITAL],
                       derived=reduction.kroner_of_counts(by),
                       caption=T("sp_potential_hospital_caption", year=year))


def _since(page: Page, real, realised: pd.DataFrame, plan: scenarios.ScenarioFile, name: str, decision_date: str,
           sector: str, problem: str):
    """The budget effect realised in the specialty since the decision, by hospital with its 95%
    interval (07's counterfactual), the clear falls in in-person visits by hospital and visit
    type (07's list for the specialty, which it returns for the questions) and any displacement
    within the specialty."""
    language, T = page.language, page.formatters.T
    yield report.heading(T("sp_since", date=L.date(decision_date, language)))
    if real is None:  # why the data cannot follow the decision, as 07 says it
        yield report.text(problem)
        return pd.DataFrame(columns=[s.HOSPITAL, s.VISIT_TYPE, "in_person_avoided"])
    shown = realised[[s.HOSPITAL, "saving", "low", "high", "other_saving"]].rename(
        columns={"saving": follow_up.BUDGET, "low": "budget_low", "high": "budget_high",
                 "other_saving": "sp_other_saving"})
    yield report.table(shown.sort_values(follow_up.BUDGET, ascending=False), language, verbatim=[s.HOSPITAL],
                       caption=T("sp_since_caption", months=len(real.months)))
    yield report.text(T("sp_since_text"))
    found = follow_up.sources(real, plan, (sector,))
    found = found[found[s.SPECIALTY] == name].drop(columns=[s.SPECIALTY])
    if found.empty:
        yield report.text(T("sp_no_falls"))
    else:  # the falls 07 lists for the specialty, with the ideas they resemble
        yield follow_up_report.sources_table(found, plan.titles(language), language, T("sp_falls_caption"))
    moved = follow_up.displacement(real, (sector,))
    moved = moved[moved[s.SPECIALTY] == name]
    yield report.text(T("sp_displacement", hospitals=L.names(moved[s.HOSPITAL], language)) if len(moved)
                      else T("sp_no_displacement"))
    return found


def _intake_form(page: Page, act: pd.DataFrame, name: str, year: int, sector: str, specialisation_file: str,
                 diagnosis_levels_file: str, tariff_file: str, shared: dict) -> Iterator[object]:
    """The council's intake form of change ideas (inputs/intake.py), prefilled with what the
    specialty's data measure, inside the page as a file to save."""
    T = page.formatters.T
    if "form_measured" not in shared:  # every measure an idea can take its share of, whether the ideas use it or not
        shared["form_measured"] = measures.measure(
            list(intake.MEASURED), page.prep.aggregates, year, sector,
            measures.Tables(tariff_file, specialisation_file, diagnosis_levels_file))
    measured, needs = shared["form_measured"]
    for found in measured:  # the tables a measure read are among the page's, whatever the ideas
        page.unread.difference_update(measures.MEASURES[found].reads)
    quantities = pack.form_quantities(act, measured, name, year)
    yield report.heading(T("in_heading"))
    yield report.download(T("in_download"), f"{T('in_file')}-{slug(name)}.xlsx",
                          intake.form(name, year, quantities, page.language, page.prep.synthetic, needs),
                          T("in_download_how"))
