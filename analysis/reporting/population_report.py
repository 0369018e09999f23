"""Report 09, the population perspective: outpatient visits per 1,000 residents by municipality of
residence, standardised for age and sex against the region (indirect standardisation, allowing
for a patient's repeat visits in the intervals and in a funnel over the municipalities), the
ratio by visit type, specialty and sector, and which hospitals each municipality's residents
use. Needs visit-level data with the patient's municipality. `build` yields the page's blocks
and figures in order (page.show displays them)."""
from __future__ import annotations

from collections.abc import Iterator

import pandas as pd

from analysis.analyses import population
from analysis.base import labels as L
from analysis.base import privacy
from analysis.base import schema as s
from analysis.inputs import reference
from analysis.reporting import plots, report
from analysis.reporting.page import Page


def build(page: Page, *, year: int, population_file: str, sectors: list[str],
          specialties_shown: int) -> Iterator[object]:
    """The population page (notebook 09's parameters; `year` resolved by the page)."""
    prep, language = page.prep, page.language
    T, N, P, M = page.formatters  # label, number, percent and money in the report's language
    yield report.start(T("pop_title"), language, prep.synthetic, T("pop_subtitle", year=year))
    visits = prep.aggregates.residents
    if visits.empty:
        yield report.text(T("pop_needs_municipality"))
        return
    visits = visits[visits[s.SECTOR].isin(sectors)]
    people = population.load_population(population_file)
    con, table = prep.visit_table()  # the patients' visit counts: visit-level data, as the residents aggregate is
    design = population.design_effects(population.repeat_visits(con, table, year, sectors), people)
    result = population.standardised(visits, people, year, on_unknown="exclude", design=design)
    if result.empty:
        yield report.text(T("pop_no_visits", year=year))
        return

    yield report.text(T("pop_intro"))
    yield from (report.text(note) for note in population.left_out_notes(result.attrs["unknown"], language))
    if population.unknown_strata_note(result, language):
        yield report.text(population.unknown_strata_note(result, language))
    region = population.rates(visits, people, year, by=[], on_unknown="exclude").iloc[0]
    if population.coverage_note(region[population.RATE], language):
        yield report.text(population.coverage_note(region[population.RATE], language))
    named = ~privacy.hidden_cells(result[["observed"]])["observed"]  # a hidden count is named nowhere on the page
    high = result[named & result["class"].astype(str).str.startswith("high")].sort_values("ratio", ascending=False)
    low = result[named & result["class"].astype(str).str.startswith("low")].sort_values("ratio")
    yield report.kpis([(T("pop_kpi_rate"), N(region[population.RATE])),
                       (T("pop_kpi_high"), f"{N(len(high))} / {N(len(result))}"),
                       (T("pop_kpi_low"), f"{N(len(low))} / {N(len(result))}")])

    yield from _outliers(page, result, high, low, year, reference.is_default("population", population_file))
    yield from _ages(page, visits, people, year, [*high["municipality"], *low["municipality"]])
    yield from _by(page, visits, people, year, specialties_shown, sectors)
    yield from _hospital_use(page, visits, people, year)
    # the method and the population table only where they were used
    yield report.heading(T("var_method"))
    disp = result.attrs["dispersion"]
    design = result[population.DESIGN_EFFECT]
    yield report.text(T("pop_method", widened=L.overdispersion(disp.phi, disp.adjusted, language, 1),
                        design=L.span(L.number(design.min(), language, 1), L.number(design.max(), language, 1),
                                      language)))
    yield report.text(T("pop_table_default") if reference.is_default("population", population_file)
                      else T("pop_table_file"))


ACTUAL, ACTUAL_EXPECTED = "pop_actual", "pop_actual_expected"  # the table's columns of visits and their ratio


def _outliers(page: Page, result: pd.DataFrame, high: pd.DataFrame, low: pd.DataFrame,
              year: int, estimate: bool) -> Iterator[object]:
    """The municipalities above and below the region, the funnel and the table of ratios."""
    language, T = page.language, page.formatters.T
    yield report.heading(T("pop_outliers"))
    yield report.text(T("pop_interval_note"))
    lines = population.outlier_lines(high, low, language)
    yield report.text("\n".join(f"- {x}" for x in lines) if lines else T("pop_none"))
    spread = population.spread_sentence(result, language)
    if spread:  # how wide the limits are, and a data check where they are implausibly wide
        yield report.text(spread)
    yield report.text(T("pop_outlier_note"))
    if estimate:  # the verdict rests on the shipped estimate: said beside it, not only in the method
        yield report.text(T("pop_estimate_note"))
    yield plots.unit_funnel(result, result.attrs["dispersion"], language, T("pop_funnel_title"),
                            T("pop_funnel_x"), T("pop_funnel_y"), result["municipality"].to_dict(),
                            population.EFFECTIVE_EXPECTED, "ratio", ("high", "low"))
    yield report.how_to_read(T("pop_funnel_how", **plots.colour_words(language, **plots.CLASS_NAMES)), language)
    # the visits and their ratio to the expected as the figure's axis names them: actual, not observed
    shown = result.sort_values("ratio", ascending=False)[
        ["municipality", "residents", "observed", "crude", "expected", "ratio", "ratio_low", "ratio_high",
         population.DESIGN_EFFECT, population.EFFECTIVE_EXPECTED, "class"]].rename(
        columns={"observed": ACTUAL, "ratio": ACTUAL_EXPECTED})
    derived = ("crude", ACTUAL_EXPECTED, "ratio_low", "ratio_high", population.DESIGN_EFFECT,
               population.EFFECTIVE_EXPECTED, "class")
    yield report.table(shown, language, counts=[ACTUAL], derived={c: ACTUAL for c in derived},
                       # three decimals: an interval ending at 0.9997 must not read as reaching 1
                       digits={ACTUAL_EXPECTED: 3, "ratio_low": 3, "ratio_high": 3, population.DESIGN_EFFECT: 1},
                       verbatim=["municipality"],
                       caption=T("pop_table_caption", year=year))


def _ages(page: Page, visits: pd.DataFrame, people: pd.DataFrame, year: int,
          named: list[str]) -> Iterator[object]:
    """For the municipalities named above or below the region: their visits per 1,000 residents
    by age band beside the region's, so a reader sees which ages make the ratio."""
    profile = population.age_profile(visits, people, year, named)
    if profile.empty:
        return
    language, T = page.language, page.formatters.T
    yield report.text(T("pop_ages_text"))
    yield report.table(profile, language, counts=[s.VISITS],
                       derived={population.RATE: s.VISITS, population.TO_REGION: s.VISITS},
                       digits={population.RATE: 1, population.REGION_RATE: 1, population.TO_REGION: 2},
                       verbatim=["municipality"], caption=T("pop_ages_caption", year=year))


def _by(page: Page, visits: pd.DataFrame, people: pd.DataFrame, year: int,
        specialties_shown: int, sectors: list[str]) -> Iterator[object]:
    """The standardised ratio by visit type, by the largest specialties and by sector, each
    allowing for its own patients' repeat visits (design effects by municipality and value)."""
    language, T = page.language, page.formatters.T
    con, table = page.prep.visit_table()
    yield report.heading(T("pop_by_heading"))
    largest = population.largest(visits, s.SPECIALTY, year, specialties_shown)
    for by in (s.VISIT_TYPE, s.SPECIALTY, s.SECTOR):
        design = population.design_effects(population.repeat_visits(con, table, year, sectors, [by]), people, [by])
        part = population.standardised(visits, people, year, by=[by], on_unknown="exclude", design=design)
        if by == s.SPECIALTY:  # the largest specialties, most visits first
            part = part[part[by].isin(largest)]
        wide = part.pivot_table(index="municipality", columns=by, values="ratio")
        # a ratio resting on a hidden count is held back ("x"), as the count would be
        wide = privacy.hide_derived(wide, part.pivot_table(index="municipality", columns=by, values="observed"))
        wide = wide[largest].reset_index() if by == s.SPECIALTY else wide.reset_index()
        wide.columns.name = None
        yield report.table(wide, language, digits={c: 2 for c in wide.columns if c != "municipality"},
                           verbatim=["municipality"], caption=T("pop_by_caption", by=T(by).lower(), year=year))
        yield report.text(_beyond_sentence(page, part, by, largest if by == s.SPECIALTY else None))


def _beyond_sentence(page: Page, part: pd.DataFrame, by: str, shown: list[str] | None) -> str:
    """Which ratios of a by-table lie outside the funnel's 99.8% limits of their column, by
    municipality, or that none does; a ratio resting on a hidden count is not named."""
    language, T = page.language, page.formatters.T
    beyond = population.beyond_limits(part[~privacy.is_small(part["observed"])], by, shown)
    if beyond.empty:
        return T("pop_by_none")

    def name(value: str) -> str:  # a specialty as in the data; a visit type or sector by its label
        return value if by == s.SPECIALTY else T(value).lower()
    units = [f"{m} ({L.names((f'{name(v)} {L.number(r, language, 2)}' for v, r in zip(g[by], g['ratio'])), language)})"
             for m, g in beyond.groupby(population.MUNICIPALITY, sort=True)]
    return T("pop_by_beyond", units="; ".join(units))


def _hospital_use(page: Page, visits: pd.DataFrame, people: pd.DataFrame, year: int) -> Iterator[object]:
    """Which hospitals each municipality's residents use, and the main one's share."""
    language, T = page.language, page.formatters.T
    yield report.heading(T("pop_use_heading"))
    in_year = visits[visits[s.YEAR] == year]
    use = population.hospital_use(in_year.groupby(["municipality", s.HOSPITAL], observed=True, as_index=False)[s.VISITS]
                                  .sum(), people, on_unknown="exclude")
    hospitals = [c for c in use.columns if c not in ("municipality", s.VISITS, "main_hospital", "main_share")]
    # the chart is drawn from the visits (it hides a count below 5 and the share it would give away), not from
    # the shares, which are all below 5 and would all be hidden
    counts = use.set_index("municipality")[hospitals].mul(use.set_index("municipality")[s.VISITS], axis=0).round()
    yield plots.stacked_shares(counts, language, T("pop_use_title", year=year), hospitals)
    yield report.table(use[["municipality", s.VISITS, "main_hospital", "main_share"]], language, counts=[s.VISITS],
                       derived={"main_share": s.VISITS}, percent=["main_share"],
                       verbatim=["municipality", "main_hospital"], caption=T("pop_use_caption", year=year))
