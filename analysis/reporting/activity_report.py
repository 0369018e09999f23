"""Report 01, the activity overview: the volume of outpatient visits in the year by hospital,
specialty, visit type and contact mode, visits per patient and how concentrated they are, the
trend over the years (a year that is not whole compared over the same months), and psychiatry
shown apart. `build` yields the page's blocks and figures in order (page.show displays them)."""
from __future__ import annotations

from collections.abc import Iterator

import pandas as pd

from analysis.analyses import activity, periods
from analysis.base import labels as L
from analysis.base import schema as s
from analysis.engine import completeness, pipeline
from analysis.inputs import visit_types as derivation
from analysis.reporting import plots, report
from analysis.reporting.page import Page


def build(page: Page, *, year: int, top_specialties: int, complete_through: str,
          decision_date: str) -> Iterator[object]:
    """The activity overview's page (notebook 01's parameters; `year` resolved by the page)."""
    prep, language = page.prep, page.language
    agg = prep.aggregates
    act = prep.activity  # visits with value_dkk
    years = pipeline.years(prep)
    somatic = act[act[s.SECTOR] == "somatic"]
    psych = act[act[s.SECTOR] == "psychiatry"]
    T, N, P, M = page.formatters  # label, number, percent and money in the report's language
    # a year that is not whole (months without data, or not yet fully registered as 00, 06 and 07 find them)
    # is compared with the other years over the same months, or marked as partial where there are no months
    lag = completeness.assess(agg.monthly, complete_through, decision_date=decision_date)
    cov = periods.coverage(agg.monthly, years, page.parameters["period_start"], page.parameters["period_end"],
                           lag.incomplete)
    comp = periods.compare(cov, years)
    year_label = periods.label(year, cov.in_data.get(year, ()), language)  # "januar–juni 2025" for half a year
    yield report.start(T("ov_title"), language, prep.synthetic, T("ov_subtitle", year=year_label))
    # visit types derived from the contacts (the rule, the run-in months left out), or first visits piling up at
    # the start
    derived_note = derivation.note(prep.ingest, language, prep.aggregates.monthly)
    if derived_note:
        yield report.text(derived_note)

    yield from _key_figures(page, act, cov, year, year_label)
    yield from _hospitals(page, act, year, year_label)
    yield from _visit_types(page, somatic, year, year_label)
    yield from _contact_modes(page, act, somatic, years, year, year_label)
    yield from _specialties(page, somatic, year, year_label, top_specialties)
    yield from _patients(page, year, year_label)
    yield from _trend(page, act, somatic, years, cov, comp)
    yield from _psychiatry(page, psych, year, year_label)


def _key_figures(page: Page, act: pd.DataFrame, cov: periods.Coverage, year: int,
                 year_label: str) -> Iterator[object]:
    """The year's key figures, its headline and the summary."""
    language, agg = page.language, page.prep.aggregates
    T, N, P, M = page.formatters
    kf = activity.key_figures(act, agg.patient_visits, year)
    change, change_comp = periods.year_change(act, agg.monthly, cov, year)  # over the months both years have complete
    yield report.kpis([
        (T("visits"), N(kf["visits"])),
        (T("patients"), N(kf["patients"])),
        (T("visits_per_patient"), N(kf["visits_per_patient"], 1)),
        (T("follow_up_share"), P(kf["follow_up_share"])),
        (T("in_person_share"), P(kf["in_person_share"])),
        # "not available" without a comparable year before
        (periods.texts(cov, change_comp, language)["change"], L.percent(change, language, signed=True)),
    ])
    yield report.headline([(T("head_visits", year=year_label), N(kf["visits"])),
                           (T("follow_up_share"), P(kf["follow_up_share"]))], order=1)
    yield report.text(T("ov_summary", year=year_label, visits=N(kf["visits"]), somatic=N(kf["visits_somatic"]),
                        psych=N(kf["visits_psychiatry"]), fu=P(kf["follow_up_share"]),
                        inp=P(kf["in_person_share"])))
    note = periods.year_note(cov, year, language)
    if note:
        yield report.text(note)


def _hospitals(page: Page, act: pd.DataFrame, year: int, year_label: str) -> Iterator[object]:
    """Visits and their value by hospital."""
    language, T = page.language, page.formatters.T
    yield report.heading(T("ov_hospitals"))
    vol = activity.volume(act, [s.HOSPITAL, s.SECTOR], year)
    vol_value = activity.volume(act, [s.HOSPITAL, s.SECTOR], year, value="value_dkk")
    vol = vol.merge(vol_value[[s.HOSPITAL, "value_dkk"]], on=s.HOSPITAL)
    yield plots.bar_totals(vol.set_index(s.HOSPITAL)[s.VISITS], language, T("ov_visits_by_hospital", year=year_label),
                           T("visits"), highlight=set(vol.loc[vol[s.SECTOR] == "psychiatry", s.HOSPITAL]))
    yield report.how_to_read(T("ov_hospital_how", **plots.colour_words(language, highlight=plots.HIGHLIGHT)), language)
    yield report.table(vol, language, counts=[s.VISITS], derived={"share": s.VISITS, "value_dkk": s.VISITS},
                       percent=["share"], caption=T("ov_hospital_caption", year=year_label))


def _visit_types(page: Page, somatic: pd.DataFrame, year: int, year_label: str) -> Iterator[object]:
    """The somatic hospitals' mix of visit types."""
    language, T = page.language, page.formatters.T
    yield report.heading(T("ov_visit_types"))
    mix = activity.crosstab(somatic, s.HOSPITAL, s.VISIT_TYPE, year, order=s.VISIT_TYPES)
    yield plots.stacked_shares(mix, language, T("ov_visit_type_mix", year=year_label), list(mix.columns))
    yield report.how_to_read(T("ov_visit_type_how"), language)
    yield report.table(mix.reset_index(), language, counts=list(mix.columns),
                       caption=T("ov_visit_type_caption", year=year_label))


def _contact_modes(page: Page, act: pd.DataFrame, somatic: pd.DataFrame, years: list[int], year: int,
                   year_label: str) -> Iterator[object]:
    """The somatic hospitals' mix of contact modes, and the remote modes' trend."""
    language, T = page.language, page.formatters.T
    yield report.heading(T("ov_contact_modes"))
    modes = activity.crosstab(somatic, s.HOSPITAL, s.CONTACT_MODE, year, order=s.CONTACT_MODES)
    yield plots.stacked_shares(modes, language, T("ov_contact_mode_mix", year=year_label), list(modes.columns))
    if len(years) > 1:  # a trend needs more than one year
        over_time = activity.shares_over_time(act, s.CONTACT_MODE)
        over_time = over_time[[c for c in s.CONTACT_MODES if c in over_time.columns and c != "in_person"]]
        yield plots.lines(over_time, language, T("ov_remote_trend"), T("share_of_visits"), percent=True)
    yield report.how_to_read(T("ov_contact_mode_how" if len(years) > 1 else "ov_contact_mode_how_one_year"), language)


def _specialties(page: Page, somatic: pd.DataFrame, year: int, year_label: str,
                 top_specialties: int) -> Iterator[object]:
    """The largest somatic specialties and their mix of visit types."""
    language, T = page.language, page.formatters.T
    yield report.heading(T("ov_specialties"))
    spec = activity.volume(somatic, [s.SPECIALTY], year)
    top = spec.head(top_specialties)
    if len(top) > 1:  # with a single specialty the table below says it all
        yield plots.bar_totals(top.set_index(s.SPECIALTY)[s.VISITS], language,
                               T("ov_top_specialties", n=len(top), year=year_label), T("visits"))
        spec_mix = activity.crosstab(somatic[somatic[s.SPECIALTY].isin(top[s.SPECIALTY])], s.SPECIALTY,
                                     s.VISIT_TYPE, year, order=s.VISIT_TYPES)
        yield plots.stacked_shares(spec_mix, language, T("ov_specialty_mix", year=year_label),
                                   list(spec_mix.columns))
        yield report.how_to_read(T("ov_specialty_how"), language)
    yield report.table(spec, language, counts=[s.VISITS], derived={"share": s.VISITS}, percent=["share"],
                       caption=T("ov_specialty_caption", year=year_label))


def _patients(page: Page, year: int, year_label: str) -> Iterator[object]:
    """Visits per patient, and how concentrated the visits are on a few patients."""
    language, agg = page.language, page.prep.aggregates
    T, N, P, M = page.formatters
    yield report.heading(T("ov_patients"))
    if agg.hospitals.empty:
        yield report.text(T("not_available"))
        return
    vpp = activity.visits_per_patient(agg.hospitals, [s.HOSPITAL, s.SECTOR], year)
    yield report.table(vpp, language, counts=[s.VISITS, s.PATIENTS], derived={"visits_per_patient": s.PATIENTS},
                       digits={"visits_per_patient": 1}, caption=T("ov_vpp_caption", year=year_label))
    conc = activity.concentration(agg.patient_visits, year)  # the sectors the data have
    yield report.table(conc, language, percent=["top_share", "their_share"], digits={"top_share": 0},
                       caption=T("ov_concentration_caption", year=year_label))
    curves = {sc: activity.concentration_curve(agg.patient_visits, year, sc)
              for sc in activity.scopes_present(agg.patient_visits, year) if sc != "all"}
    yield plots.lorenz(curves, language, T("ov_lorenz_title", year=year_label))
    c5 = conc.loc[(conc["scope"] == "all") & (conc["top_share"] == 0.05), "their_share"].iloc[0]
    yield report.how_to_read(T("ov_lorenz_how", share=P(c5, 0)), language)


def _trend(page: Page, act: pd.DataFrame, somatic: pd.DataFrame, years: list[int], cov: periods.Coverage,
           comp: periods.Comparison) -> Iterator[object]:
    """Visits over the years by sector and visit type, and the change by hospital."""
    language, T = page.language, page.formatters.T
    yield report.heading(T("ov_trend"))
    said = periods.sentence(cov, comp, language)  # which years are not whole, and how they are compared
    if said:
        yield report.text(said)
    if comp.comparable:
        words = periods.texts(cov, comp, language)
        by_month = page.prep.aggregates.monthly
        somatic_months = by_month[by_month[s.SECTOR] == "somatic"] if not by_month.empty else by_month
        yield plots.lines(periods.totals(act, by_month, comp, s.SECTOR), language, words["sector"], T("visits"),
                          partial=words["ticks"])
        yield plots.lines(periods.totals(somatic, somatic_months, comp, s.VISIT_TYPE), language, words["visit_type"],
                          T("visits"), partial=words["ticks"])
        yield report.how_to_read(words["how"], language)
        ch = periods.change(act, by_month, comp, [s.HOSPITAL], language)
        first, last = ch.columns[1], ch.columns[2]  # "2023" and "2025", or "januar–juni 2023" and "januar–juni 2025"
        yield report.table(ch, language, counts=[first, last],
                           derived={"change": [first, last], "change_pct": [first, last]},
                           percent=["change_pct"], caption=T("ov_change_caption", first=first, last=last))
    elif len(years) == 1:
        yield report.text(T("ov_trend_one_year", year=years[0]))


def _psychiatry(page: Page, psych: pd.DataFrame, year: int, year_label: str) -> Iterator[object]:
    """Psychiatry apart: its specialties' mix of visit types and contact modes."""
    language, T = page.language, page.formatters.T
    yield report.heading(T("ov_psychiatry"))
    if psych.empty:
        yield report.text(T("ov_no_psychiatry"))
        return
    yield report.text(T("ov_psychiatry_text"))
    pmix = activity.crosstab(psych, s.SPECIALTY, s.VISIT_TYPE, year, order=s.VISIT_TYPES)
    pmodes = activity.crosstab(psych, s.SPECIALTY, s.CONTACT_MODE, year, order=s.CONTACT_MODES)
    if len(pmix) > 1:  # with a single specialty the tables say it all
        yield plots.stacked_shares(pmix, language, T("ov_psych_visit_type", year=year_label), list(pmix.columns))
        yield plots.stacked_shares(pmodes, language, T("ov_psych_contact_mode", year=year_label),
                                   list(pmodes.columns))
        yield report.how_to_read(T("ov_psych_how"), language)
    yield report.table(pmix.reset_index(), language, counts=list(pmix.columns),
                       caption=T("ov_psych_caption", year=year_label))
    if len(pmix) <= 1:
        yield report.table(pmodes.reset_index(), language, counts=list(pmodes.columns),
                           caption=T("ov_psych_contact_mode", year=year_label))
