"""Report 02, variation: how a measure of outpatient activity varies between the hospitals within
each specialty, and between specialties, in one year and sector. Crude or case-mix adjusted rates
against a benchmark, funnel plots with overdispersion, a heatmap of the hospitals' ratios, the
outliers, the systematic component of variation (SCV), the variance decomposition and the method.
The measure and strata are the ones the data support (the page says each change); the rows are the
own region's hospitals, compared with their peers. `build` yields the page's blocks and figures in
order (page.show displays them)."""
from __future__ import annotations

from collections.abc import Iterator

import pandas as pd

from analysis.analyses import capabilities, variation
from analysis.analyses import peers as peer_groups
from analysis.base import labels as L
from analysis.base import privacy
from analysis.base import schema as s
from analysis.engine.aggregate import Aggregates
from analysis.inputs import visit_types as derivation
from analysis.reporting import plots, report
from analysis.reporting.page import Page


def build(page: Page, *, year: int, measure: str, sector: str, specialties: list[str], standardise_by: list[str],
          benchmark: str, overdispersion: str, trim: float, max_panels: int, peers: str, own_region: str,
          hospital_regions_file: str) -> Iterator[object]:
    """The variation page (notebook 02's parameters; `year` resolved by the page)."""
    prep, language = page.prep, page.language
    T, N, P, M = page.formatters
    comparison = peer_groups.comparison_for(prep.aggregates, peers, own_region, hospital_regions_file)
    agg, peer_agg = peer_groups.split(prep.aggregates, comparison)  # the own region's hospitals; those compared with
    if not comparison.uses_regions:  # no other region's hospital counts: the footer does not list the table
        page.not_read("hospital_regions")
    # what the data support decides the measure and strata; each change is said at the top
    choice = capabilities.resolve(capabilities.of(agg), measure, list(standardise_by), language)
    used, strata = choice.measure, choice.strata
    page.use(measure=used, standardise_by=strata)  # the footer shows what was used
    result = variation.analyse(peer_agg, used, year, strata, sector, benchmark, overdispersion, trim)
    table = comparison.own_rows(result.table)  # the report's rows: the own region's
    yield report.start(T("var_title", measure=T(f"measure_{used}")), language, prep.synthetic,
                       T("var_subtitle", year=year, sector=T(sector).lower()))
    # visit types derived from the contacts (the rule, the run-in months left out), or first visits piling up at
    # the start
    derived_note = derivation.note(prep.ingest, language, prep.aggregates.monthly)
    if derived_note:
        yield report.text(derived_note)
    yield from (report.text(note) for note in choice.notes)
    out = variation.outliers(table)
    yield report.fact(*variation.outlier_fact(out, used, year, strata, sector, benchmark, overdispersion, trim, peers))
    short = variation.short_names(sorted(table[s.HOSPITAL].unique()))
    casemix = (T("var_casemix_text", strata=L.names((T(c).lower() for c in strata), language)) if strata
               else T("var_crude_text"))
    active = peer_groups.active(prep.aggregates, year, sector)
    yield report.text(T("var_intro", casemix=casemix) + " " + peer_groups.sentence(comparison, language, active))
    if result.left_out:  # visits of unknown sex or age: not in the adjustment, counted everywhere else
        yield report.text(variation.left_out_text(result, language))

    high = out[out["class"] == "high_998"]
    yield report.kpis([
        (T("var_units"), N(len(table))),
        (T("var_outliers_high"), N(len(high))),
        (T("var_outliers_low"), N((out["class"] == "low_998").sum())),
        (T("var_excess_high"), N(high["excess"].sum())),
    ])

    yield from _outliers(page, out, used, strata)  # the findings first, the figures that show them after
    yield from _funnels(page, result, comparison, short, used, year, sector, specialties, max_panels)
    yield from _heatmap(page, result, table, short, year)
    yield from _scv(page, agg, peer_agg, used, strata, year, sector)
    yield from _decomposition(page, result, used)
    yield from _method(page, result, trim, short)


def _funnels(page: Page, result: variation.FunnelResult, comparison: peer_groups.Comparison, short: dict[str, str],
             used: str, year: int, sector: str, specialties: list[str], max_panels: int) -> Iterator[object]:
    """A funnel plot per specialty shown, with the how-to-read box; a sentence where there is none."""
    language = page.language
    T = page.formatters.T
    yield report.heading(T("var_funnels"))
    shown = variation.panel_specialties(comparison.panel_rows(result.table), list(specialties), max_panels)
    x_key, y_key = variation.axis_labels(result.kind)
    if shown:
        yield plots.funnel_panels(result, language, T("var_funnel_title", measure=T(f"measure_{used}"), year=year),
                                  short, shown, T(x_key), T(y_key), others=comparison.others)
        colours = plots.colour_words(language, **plots.CLASS_NAMES)  # the points' colours as the plot draws them
        notes = [variation.funnel_how(result.kind, language, **colours),
                 *peer_groups.funnel_notes(comparison, language)]
        yield report.how_to_read(" ".join(notes), language)
    else:
        yield report.text(T("var_no_panels", sector=T(sector).lower()))


def _heatmap(page: Page, result: variation.FunnelResult, table: pd.DataFrame, short: dict[str, str],
             year: int) -> Iterator[object]:
    """Each hospital's value relative to the benchmark by specialty, the largest specialties first."""
    language = page.language
    T = page.formatters.T
    yield report.heading(T("var_heatmap"))
    volume = table.groupby(s.SPECIALTY)["observed"].sum().sort_values(ascending=False)
    ratios = (table.assign(relative=variation.relative_values(result))
              .pivot(index=s.SPECIALTY, columns=s.HOSPITAL, values="relative")
              .reindex(volume.index).rename(columns=short))
    small = (table.pivot(index=s.SPECIALTY, columns=s.HOSPITAL, values="observed")
             .reindex(volume.index).rename(columns=short))
    small = small.apply(privacy.is_small)  # counts 1-4 are not shown (zero is)
    yield plots.ratio_heatmap(ratios, small, language, T("var_heatmap_title", year=year))
    yield report.how_to_read(T("var_heatmap_how"), language)


def _outliers(page: Page, out: pd.DataFrame, used: str, strata: list[str]) -> Iterator[object]:
    """The outliers in sentences and as a table, or that there are none."""
    language = page.language
    T = page.formatters.T
    yield report.heading(T("var_outliers"))
    if out.empty:
        yield report.text(T("var_no_outliers"))
    else:
        yield from (report.text(sentence) for sentence in variation.outlier_sentences(out, used, language, strata))
        cols = [s.HOSPITAL, s.SPECIALTY, "observed", "expected_count", "value", "class", "excess", "beyond_limit"]
        yield report.table(out[cols].rename(columns={"expected_count": "expected"}), language,
                           counts=["observed"], digits={"value": 2}, caption=T("var_outlier_caption"))


def _scv(page: Page, agg: Aggregates, peer_agg: Aggregates, used: str, strata: list[str], year: int,
         sector: str) -> Iterator[object]:
    """The systematic component of variation by specialty, and by visit type where the strata allow."""
    language = page.language
    T = page.formatters.T
    yield report.heading(T("var_scv"))
    yield report.text(T("var_scv_text"))
    scv = variation.scv(variation.rates(peer_agg, used, year, strata, sector))  # variation among the hospitals compared
    yield report.table(scv.sort_values("scv", ascending=False), language, counts=["observed"],
                       derived={"scv": "observed", "eq": "observed"}, digits={"scv": 1, "eq": 2},
                       caption=T("var_scv_caption", year=year))
    yield from (report.text(note) for note in variation.scv_notes(scv, language))
    type_strata = variation.scv_type_strata(agg, strata)
    if type_strata is None:
        yield report.text(T("var_scv_type_unavailable"))
    else:
        by_type = variation.scv_by_visit_type(peer_agg, year, type_strata, sector)
        yield report.table(by_type.reset_index(), language, digits={c: 1 for c in by_type.columns},
                           caption=T("var_scv_type_caption", year=year))


def _decomposition(page: Page, result: variation.FunnelResult, used: str) -> Iterator[object]:
    """How much of the variance lies between specialties, between hospitals and in their interaction."""
    language = page.language
    T = page.formatters.T
    yield report.heading(T("var_decomposition"))
    d = variation.decompose(result.table)  # among the hospitals compared
    spec_pct, hosp_pct, inter_pct = (None if p is None else p / 100 for p in d.percent())  # sum to 100 %
    yield report.text(T("var_decomposition_text", measure=T(f"measure_{used}_phrase"),
                        spec=L.percent(spec_pct, language, 0), hosp=L.percent(hosp_pct, language, 0),
                        inter=L.percent(inter_pct, language, 0)))


def _method(page: Page, result: variation.FunnelResult, trim: float, short: dict[str, str]) -> Iterator[object]:
    """The method note and the hospitals' abbreviations used in the figures."""
    language = page.language
    T = page.formatters.T
    yield report.heading(T("var_method"))
    yield report.text(" ".join(variation.method_note(result, trim, language)))
    # the table's caption is its heading: "Forkortelser" once
    yield report.table(pd.DataFrame({"short": list(short.values()), s.HOSPITAL: list(short.keys())}), language,
                       verbatim=["short", s.HOSPITAL], caption=T("var_abbreviations"))
