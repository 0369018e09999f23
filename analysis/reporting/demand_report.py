"""Report 11, the pressure ahead: outpatient visits projected from the base year's visit rates by
municipality, age band and sex and a population projection, with healthy ageing and other
growth, intervals by simulation, the growth split into its parts, the specialties, what the
change ideas offset year by year, the staff the growth needs against what the ideas and natural
attrition free, and the assumptions ranked. `build` yields the page's blocks and figures in order
(page.show displays them)."""
from __future__ import annotations

from collections.abc import Iterator

import numpy as np
import pandas as pd

from analysis.analyses import budget, demand, measures, potential, reduction, scenarios, staff
from analysis.analyses import population as pop
from analysis.base import labels as L
from analysis.base import schema as s
from analysis.inputs import parameters, reference
from analysis.reporting import plots, report
from analysis.reporting.page import Page

MUNICIPALITIES_SHOWN = 5  # the municipalities whose visits grow most, in their table


def assumptions(healthy_share: list[float], life_expectancy_gain: list[float], non_demographic: list[float]
                ) -> demand.Assumptions:
    """The notebook's [low, base, high] lists and its gains by old age band as the projection's
    assumptions (a ValueError names the one out of order or of the wrong length)."""
    for name, values in (("healthy_share", healthy_share), ("non_demographic", non_demographic)):
        if len(values) != 3:
            raise ValueError(f"{name} must be three numbers: low, base, high (got {values!r})")
    return demand.Assumptions(tuple(map(float, healthy_share)), tuple(map(float, life_expectancy_gain)),
                              tuple(map(float, non_demographic)))


def first_year_of_ideas(decision_date: str) -> int:
    """The first whole year after the decision takes effect: the ideas count from it."""
    day = parameters.as_date("decision_date", decision_date)
    return day.year if (day.month, day.day) == (1, 1) else day.year + 1


def build(page: Page, *, year: int, horizon: int, sectors: list[str], population_file: str, projection_file: str,
          healthy_share: list[float], life_expectancy_gain: list[float], non_demographic: list[float], draws: int,
          seed: int, decision_date: str, benchmark: str, best_k: int, scenario_file: str, tariff_file: str,
          specialisation_file: str, diagnosis_levels_file: str, staff_cost_file: str, variable_cost_file: str,
          substitute_cost_file: str, attrition_rate: float, specialties_shown: int,
          ramp_up_years: int) -> Iterator[object]:
    """The demand page (notebook 11's parameters; `year` resolved by the page)."""
    prep, language = page.prep, page.language
    T, N, P, M = page.formatters
    agg = prep.aggregates
    a = assumptions(healthy_share, life_expectancy_gain, non_demographic)
    yield report.start(T("dem_title"), language, prep.synthetic, T("dem_subtitle", year=year, horizon=horizon))
    base = demand.base_visits(agg.residents, agg.casemix, year, list(sectors))
    if base.empty:
        page.not_read(*reference.DEFAULTS)  # nothing was projected: the footer lists no table
        yield report.text(T("dem_needs_ages"))
        return
    people = pop.load_population(population_file)
    ahead = demand.load_projection(projection_file)
    proj = demand.project(base, people, ahead, year, horizon, demand.design_effect(agg.patient_visits, year))
    horizon = proj.years[-1]  # the projection's last year up to the one asked for
    page.use(horizon=horizon)

    shipped = reference.is_default("projection", projection_file)
    yield report.text(T("dem_intro", year=year,
                        projection=T("dem_projection_shipped") if shipped else T("dem_projection_own")))
    if pop.MUNICIPALITY not in proj.strata:
        yield report.text(T("dem_region_only"))
    outside = float(proj.cells.loc[proj.cells["residents"].isna(), s.VISITS].sum())
    if outside > 0:
        yield report.text(T("dem_outside", visits=N(outside)))

    region = demand.totals(proj, a)
    bands = demand.intervals(demand.simulate(proj, a, draws, seed)).merge(
        region[[s.YEAR, s.VISITS, "demography"]].rename(columns={s.VISITS: "expected"}), on=s.YEAR)
    last = region[region[s.YEAR] == horizon].iloc[0]
    end = bands[bands[s.YEAR] == horizon].iloc[0]
    parts = demand.split(last)
    base_visits = float(last["base"])

    costs = budget.load_costs("", staff_cost_file, variable_cost_file, substitute_cost_file)  # minutes a visit too
    tables = measures.Tables(tariff_file, specialisation_file, diagnosis_levels_file)
    ideas = _ideas(page, proj, a, year, horizon, list(sectors), decision_date, benchmark, best_k,
                   scenarios.load(scenario_file), tariff_file, tables, costs, draws, seed, ramp_up_years,
                   reference.is_default("scenarios", scenario_file))
    expected = float(last[s.VISITS])  # at the assumptions' middle values: the parts add up to it
    lead = T("dem_lead", visits=N(expected), horizon=horizon, low=N(end["low_95"]), high=N(end["high_95"]),
             growth=P(expected / base_visits - 1), year=year, demography=P(parts["demography"] / base_visits))
    yield report.headline([(T("dem_kpi_horizon", horizon=horizon), N(expected))], order=11, lead=lead)
    items = [(T("dem_kpi_base", year=year), N(base_visits)), (T("dem_kpi_horizon", horizon=horizon), N(expected)),
             (T("dem_kpi_growth", horizon=horizon), P(expected / base_visits - 1)),
             (T("dem_kpi_demography"), P(parts["demography"] / base_visits))]
    if ideas["avoided"] is not None:
        items.append((T("dem_kpi_offset", horizon=horizon), N(ideas["avoided"])))
    yield report.kpis(items)
    yield report.text(lead)

    # the growth's parts first: short, they fill the first printed page, where the fan chart and
    # its reading box do not fit after the key figures
    yield report.heading(T("dem_split_heading"))
    yield report.text(T("dem_split_text", year=year, horizon=horizon))
    yield _split_table(page, parts, base_visits, year, horizon)

    yield report.heading(T("dem_fan_heading"))
    alone = region.set_index(s.YEAR)["demography"]
    seen = demand.observed_after(agg.residents, agg.casemix, agg.monthly, year, list(sectors))
    seen = seen[seen.index.isin(proj.years)]
    yield plots.fan(bands.assign(median=bands["expected"]), language, T("dem_fan_title"), T("dem_fan_ylabel"),
                    (year, base_visits), alone,
                    {"median": T("dem_fan_median"), "50": T("dem_fan_50"), "95": T("dem_fan_95"),
                     "alone": T("dem_fan_demography"), "base": T("dem_fan_base", year=year),
                     "observed": T("dem_fan_observed")}, seen)
    yield report.how_to_read(T("dem_fan_read", **plots.colour_words(language, line=plots.PROJECTION))
                             + (" " + T("dem_fan_read_observed") if len(seen) else ""), language)
    yield _years_table(page, proj, people, ahead, bands, seen)
    for y, v in seen.items():  # a year the data already hold: the projection beside what happened
        expected_then = float(bands.loc[bands[s.YEAR] == y, "expected"].iloc[0])
        yield report.text(T("dem_observed_below" if v < expected_then else "dem_observed_above", observed_year=y,
                            visits=N(v), pct=P(abs(v / expected_then - 1)), year=year))

    yield from _specialties(page, proj, a, year, horizon, specialties_shown)
    yield from _municipalities(page, proj, a, year, horizon, MUNICIPALITIES_SHOWN)
    yield from ideas["blocks"]
    yield from _staff(page, proj, a, year, horizon, ideas["fte"], costs, attrition_rate)
    yield from _sensitivity(page, proj, a, horizon)

    yield report.heading(T("var_method"))
    yield report.text(T("dem_method", year=year, healthy=L.percent(a.healthy_share[1], language, 0),
                        gain=L.names((L.number(g, language, 2) for g in a.life_expectancy_gain), language),
                        growth=P(a.non_demographic[1]),
                        draws=N(draws), design=L.number(proj.design, language, 1)))
    yield report.text(T("dem_projection_default") if shipped else T("dem_projection_file"))


def _years_table(page: Page, proj: demand.Projection, people: pd.DataFrame, ahead: pd.DataFrame,
                 bands: pd.DataFrame, seen: pd.Series) -> report.Table:
    """Residents (all and 80+; the population table in the base year, the projection's main
    variant after it) and visits year by year: the base year's, then expected, its 95% interval,
    with the population's change alone, and those the data already hold (`seen`, demand.observed_after)."""
    main = ahead[(ahead[demand.VARIANT] == "main") & ahead[s.YEAR].isin(proj.years)]
    both = pd.concat([people[people[s.YEAR] == proj.base_year], main])
    years = [proj.base_year, *proj.years]
    residents = both.groupby(s.YEAR)[pop.RESIDENTS].sum().reindex(years)
    old = both[both[s.AGE_BAND] == "80+"].groupby(s.YEAR)[pop.RESIDENTS].sum().reindex(years)
    base = float(proj.cells[s.VISITS].sum())
    by_year = bands.set_index(s.YEAR).reindex(proj.years)
    table = pd.DataFrame({s.YEAR: years, "dem_residents": residents.to_numpy(), "dem_residents_80": old.to_numpy(),
                          "dem_expected": [base, *by_year["expected"]], "dem_low": [np.nan, *by_year["low_95"]],
                          "dem_high": [np.nan, *by_year["high_95"]],
                          "dem_demography_only": [base, *by_year["demography"]],
                          "dem_observed": [base, *seen.reindex(proj.years)]})
    return report.table(table.round(0), page.language, caption=page.formatters.T("dem_years_caption"))


def _split_table(page: Page, parts: dict[str, float], base_visits: float, year: int, horizon: int) -> report.Table:
    T = page.formatters.T
    names = [*demand.PARTS, "dem_total"]
    values = [parts[p] for p in demand.PARTS] + [parts["total"]]
    table = pd.DataFrame({T("dem_part"): [T(n) for n in names], T("dem_part_visits"): np.round(values),
                          T("dem_part_share", year=year): [v / base_visits for v in values]})
    return report.table(table, page.language, percent=[T("dem_part_share", year=year)],
                        caption=T("dem_split_caption", horizon=horizon))


def _specialties(page: Page, proj: demand.Projection, a: demand.Assumptions, year: int, horizon: int,
                 shown: int) -> Iterator[object]:
    """The specialties that grow most (visits in the base year, expected at the horizon, growth)."""
    T = page.formatters.T
    last = demand.growth(proj, a, [s.SPECIALTY], horizon)

    yield report.heading(T("dem_specialty_heading"))
    yield report.text(T("dem_specialty_text", top=L.names(last[s.SPECIALTY].head(3), page.language),
                        bottom=L.names(last[s.SPECIALTY].tail(2).tolist()[::-1], page.language)))
    yield _growth_table(page, last, s.SPECIALTY, "specialty", "dem_specialty_caption", year, horizon, shown)


def _growth_table(page: Page, ranked: pd.DataFrame, column: str, label: str, caption: str, year: int, horizon: int,
                  shown: int, demography: bool = False) -> report.Table:
    """The first `shown` rows of demand.growth's table by `column` (headed `label`): visits in the
    base year, expected at the horizon, growth and, with `demography`, the growth from the
    population alone; captioned `caption` ("..._all" where every row is shown)."""
    T = page.formatters.T
    rows = ranked.head(max(int(shown), 1))
    table = pd.DataFrame({T(label): rows[column].to_numpy(),
                          T("dem_base_visits", year=year): rows["base"].to_numpy(),
                          T("dem_horizon_visits", horizon=horizon): rows[s.VISITS].round(0).to_numpy(),
                          T("dem_growth"): rows["growth"].to_numpy()})
    if demography:
        table[T("dem_demography_growth")] = rows["demography_growth"].to_numpy()
    return report.table(table, page.language, counts=[T("dem_base_visits", year=year)],
                        percent=[T("dem_growth"), *([T("dem_demography_growth")] if demography else [])],
                        verbatim=[T(label)],
                        caption=T(caption if len(rows) < len(ranked) else f"{caption}_all", n=len(rows),
                                  total=len(ranked), year=year, horizon=horizon))


def _municipalities(page: Page, proj: demand.Projection, a: demand.Assumptions, year: int, horizon: int,
                    shown: int) -> Iterator[object]:
    """Where the pressure comes from: the municipalities whose residents' visits grow most, with
    the part the population's change alone gives (none where the input has no municipality)."""
    if pop.MUNICIPALITY not in proj.strata:
        return
    T, N, P, M = page.formatters
    every = demand.growth(proj, a, [pop.MUNICIPALITY], horizon)
    region = float(every[s.VISITS].sum() / every["base"].sum() - 1)  # all visits, as the key figure counts them
    # a municipality outside the population table (or none known) is not projected: not ranked either
    last = every[every[pop.MUNICIPALITY].isin(proj.cells.loc[proj.cells["residents"].notna(), pop.MUNICIPALITY])]
    if last.empty:
        return
    top = last.iloc[0]
    most = last.loc[(last[s.VISITS] - last["base"]).idxmax()]  # a large municipality adds most by number
    yield report.heading(T("dem_municipality_heading"))
    yield report.text(T("dem_municipality_text", top=top[pop.MUNICIPALITY], growth=P(top["growth"]),
                        demography=P(top["demography_growth"]), horizon=horizon,
                        region=P(region),
                        most=most[pop.MUNICIPALITY], added=N(most[s.VISITS] - most["base"])))
    yield _growth_table(page, last, pop.MUNICIPALITY, "municipality", "dem_municipality_caption", year, horizon,
                        shown, demography=True)


def _ideas(page: Page, proj: demand.Projection, a: demand.Assumptions, year: int, horizon: int, sectors: list[str],
           decision_date: str, benchmark: str, best_k: int, plan: scenarios.ScenarioFile, tariff_file: str,
           tables: measures.Tables, costs: budget.Costs, draws: int, seed: int, ramp_up_years: int,
           shipped: bool) -> dict:
    """What the change ideas offset: 03's estimate of each sector projected (demand.idea_paths);
    `shipped`: the ideas are the project's illustrative scenario file's, which the page says.
    The section's blocks, the in-person visits they avoid at the horizon (None where no idea
    touches the visits) and the FTE they free there by staff group."""
    prep = page.prep
    T, N, P, M = page.formatters
    present = [x for x in sectors if x in set(prep.aggregates.activity[s.SECTOR])]
    ests, _ = reduction.by_sectors(prep.aggregates, year, plan, prep.prices(tariff_file), present,
                                   potential.parse_benchmark(benchmark), best_k, tables, costs)
    unread = [reduction.tables_unread(e) for e in ests]
    page.not_read(*(set.intersection(*unread) if unread else ()))
    effects = pd.concat([e.effects for e in ests], ignore_index=True) if ests else pd.DataFrame()
    by_group = demand.totals(proj, a, demand.GROUPS)
    first = first_year_of_ideas(decision_date)
    paths = demand.idea_paths(by_group, effects, plan.scenarios, first, ramp_up_years=ramp_up_years)
    heading = report.heading(T("dem_ideas_heading"))
    if paths.empty or paths.drop(columns="status").to_numpy().sum() <= 0:
        return {"blocks": [heading, report.text(T("dem_no_ideas"))], "avoided": None,
                "fte": dict.fromkeys(staff.GROUPS, 0.0)}
    shares = demand.in_person_shares(prep.aggregates.activity, year)
    grouped = by_group.merge(shares, on=demand.GROUPS, how="left").fillna({"in_person_share": 0.0})
    in_person = (grouped[s.VISITS] * grouped["in_person_share"]).groupby(grouped[s.YEAR]).sum()
    in_person_base = float((grouped["base"] * grouped["in_person_share"]).groupby(grouped[s.YEAR]).sum().iloc[0])
    off = demand.offsets(paths).set_index(s.YEAR)
    years = proj.years
    growth = in_person.reindex(years) - in_person_base
    total = (off["approved"] + off["proposed"]).reindex(years)
    net = in_person.reindex(years) - total
    table = pd.DataFrame({s.YEAR: years, T("dem_in_person_growth", year=year): growth.round(0).to_numpy(),
                          "dem_approved": off["approved"].reindex(years).round(0).to_numpy(),
                          "dem_proposed": off["proposed"].reindex(years).round(0).to_numpy(),
                          "dem_net": net.round(0).to_numpy(),
                          T("dem_net_change", year=year): (net - in_person_base).round(0).to_numpy()})
    low, high = np.quantile(demand.offset_draws(paths, plan.scenarios, draws, seed)[:, years.index(horizon)],
                            [0.025, 0.975])
    at = {"offset": N(total[horizon]), "low": N(low), "high": N(high), "growth": N(growth[horizon]),
          "horizon": horizon, "year": year, "net": N(in_person_base - net[horizon])}
    offset_share = float(total[horizon] / growth[horizon]) if growth[horizon] > 0 else None
    sentence = (T("dem_ideas_sentence", share=P(offset_share), **at)
                if offset_share is not None and offset_share < 1 else T("dem_ideas_more", **at))
    approved = float(off.loc[horizon, "approved"])
    if offset_share is not None and offset_share >= 1 and low < growth[horizon]:
        sentence += " " + T("dem_ideas_uncertain")
    sentence += " " + (T("dem_ideas_approved", approved=N(approved)) if approved > 0 else T("dem_ideas_none_approved"))
    fte = {g: float(demand.idea_paths(by_group, effects, plan.scenarios, first, f"fte_{g}", ramp_up_years)[
        horizon].sum())
           for g in staff.GROUPS}
    decided = L.date(parameters.as_date("decision_date", decision_date), page.language)
    blocks = [heading, report.text(T("dem_ideas_text", first=first, year=year, decision=decided,
                                     ramp=L.percent(1 / ramp_up_years, page.language, 0))
                                   + (" " + T("dem_ideas_shipped") if shipped else "")),
              report.text(sentence),
              report.table(table, page.language, caption=T("dem_ideas_caption"))]
    return {"blocks": blocks, "avoided": float(total[horizon]), "fte": fte}


def _staff(page: Page, proj: demand.Projection, a: demand.Assumptions, year: int, horizon: int,
           freed: dict[str, float], costs: budget.Costs, attrition_rate: float) -> Iterator[object]:
    """FTE by staff group at the horizon: what the growth needs, what the ideas free, and what
    natural attrition frees of the staff the year's visits take."""
    T, N, P, M = page.formatters
    act = page.prep.aggregates.activity
    per = demand.minutes_per_visit(act[act[s.SECTOR].isin(proj.cells[s.SECTOR].unique())], costs.minutes, year)
    needed = demand.staff_needed(demand.totals(proj, a, demand.GROUPS), per, costs.minutes_per_fte)
    needed = needed[needed[s.YEAR] == horizon].iloc[0]
    in_year = act[(act[s.YEAR] == year) & act[s.SECTOR].isin(proj.cells[s.SECTOR].unique())]
    in_use = staff.fte_in_use(in_year, costs.minutes, costs.minutes_per_fte)
    attrition = T("dem_fte_attrition", horizon=horizon)
    table = pd.DataFrame({T("staff_group"): [T(g) for g in staff.GROUPS],
                          T("dem_fte_needed"): [float(needed.get(g, 0.0)) for g in staff.GROUPS],
                          T("dem_fte_freed"): [freed.get(g, 0.0) for g in staff.GROUPS],
                          T("dem_fte_net"): [float(needed.get(g, 0.0)) - freed.get(g, 0.0) for g in staff.GROUPS],
                          attrition: [staff.attrition_over(in_use[g], attrition_rate, horizon - year)
                                      for g in staff.GROUPS]})
    yield report.heading(T("dem_staff_heading"))
    yield report.text(T("dem_staff_text", horizon=horizon, attrition=P(attrition_rate), year=year))
    yield report.table(table, page.language, digits=dict.fromkeys(table.columns[1:], staff.FTE_DIGITS),
                       caption=T("dem_staff_caption", horizon=horizon))


def _sensitivity(page: Page, proj: demand.Projection, a: demand.Assumptions, horizon: int) -> Iterator[object]:
    """The assumptions ranked by how far their ends move the visits at the horizon."""
    T, language = page.formatters.T, page.language
    sens = demand.sensitivity(proj, a, horizon)
    yield report.heading(T("dem_sens_heading"))
    yield report.text(T("dem_sens_text", horizon=horizon))
    names = {k: T(k) for k in sens["assumption"]}
    ranges = {"projection_variant": (T("dem_variant_low"), T("dem_variant_high")),
              "healthy_share": tuple(L.percent(v, language, 0) for v in (a.healthy_share[0], a.healthy_share[2])),
              "non_demographic": tuple(L.percent(v, language) for v in (a.non_demographic[0], a.non_demographic[2]))}
    # each bar's name says its ends, low first: a bar does not show which end is which
    ends = {k: f"{names[k]} ({ranges[k][0]} – {ranges[k][1]})" if k != "projection_variant" else names[k]
            for k in names}
    yield plots.tornado(sens, language, T("dem_sens_title", horizon=horizon), ends, T("dem_sens_xlabel"), scale=1e6)
    table = pd.DataFrame({T("assumption"): [names[k] for k in sens["assumption"]],
                          T("dem_range"): [f"{ranges[k][0]} – {ranges[k][1]}" for k in sens["assumption"]],
                          T("dem_at_low"): sens["low"].round(0).to_numpy(),
                          T("dem_at_high"): sens["high"].round(0).to_numpy()})
    yield report.table(table, language, caption=T("dem_sens_caption"))
