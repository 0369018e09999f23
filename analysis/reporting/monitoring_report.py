"""Report 06, monitoring: after the decision, the monthly visits of the monitored visit types per
hospital and specialty against the pre-decision baseline (or the expected path: working days,
season and the hospital's trend), with XmR charts (NHS Making Data Count), to see whether the
reduction happens; the latest months still being registered are left out. `build` yields the
page's blocks and figures in order (page.show displays them)."""
from __future__ import annotations

from collections.abc import Iterator

import pandas as pd

from analysis.analyses import capabilities, follow_up
from analysis.base import labels as L
from analysis.base import schema as s
from analysis.engine import completeness
from analysis.inputs import visit_types as derivation
from analysis.reporting import plots, report
from analysis.reporting.page import Page
from analysis.stats import spc


def build(page: Page, *, decision_date: str, visit_types: list[str], baseline_months: int,
          seasonal_adjustment: bool, min_change: float, max_charts: int,
          complete_through: str) -> Iterator[object]:
    """The monitoring page (notebook 06's parameters)."""
    prep, language = page.prep, page.language
    monthly = prep.aggregates.monthly
    T, N, P, M = page.formatters  # label, number, percent and money in the report's language
    yield report.start(T("mon_title"), language, prep.synthetic,
                       T("mon_subtitle", date=L.date(decision_date, language),
                         types=L.names((T(v).lower() for v in visit_types), language)))
    # visit types derived from the contacts (the rule, the run-in months left out), or first visits piling up at
    # the start
    derived_note = derivation.note(prep.ingest, language, prep.aggregates.monthly)
    if derived_note:
        yield report.text(derived_note)
    problem = capabilities.monitoring_problem(monthly, decision_date, language)  # no months, or a date outside them
    # the latest months still being registered
    lag = completeness.assess(monthly, complete_through, decision_date=decision_date)
    if completeness.sentence(lag, language):  # months left out as not fully registered, or a genuine fall
        yield report.text(completeness.sentence(lag, language))
    if problem:
        yield report.text(problem)
        return  # nothing monitored: no charts, and no method

    selected = monthly[monthly[s.VISIT_TYPE].isin(visit_types)]
    watched = follow_up.monitored(selected, prep.prices(), decision_date, [s.HOSPITAL, s.SPECIALTY],
                                  seasonal_adjustment, baseline_months, lag.incomplete, min_change)
    result = watched.result
    used = capabilities.baseline_used(monthly, decision_date, baseline_months)  # fewer when the data start later
    yield report.text(T("mon_intro", months=used, change=L.percent(min_change, language, 0)))
    short = capabilities.baseline_note(monthly, decision_date, baseline_months, language)
    if short:  # never silently fewer months than baseline_months asks for
        yield report.text(short)
    if result.empty:
        yield report.text(T("mon_no_series"))
    else:
        yield from _counts(page, result)
        yield from _signals(page, result, decision_date, seasonal_adjustment)
        yield from _charts(page, watched, selected, decision_date, seasonal_adjustment, baseline_months, max_charts,
                           lag)
    # the method only where charts were drawn by it
    yield report.heading(T("var_method"))
    yield report.text(T("mon_method_expected" if watched.real is not None else "mon_method"))


def _counts(page: Page, result: pd.DataFrame) -> Iterator[object]:
    """How many series were monitored, and how many show a reduction, a rise or no signal."""
    language = page.language
    yield report.kpis([(label, L.number(n, language)) for label, n in status_counts(result, language)])


def status_counts(result: pd.DataFrame, language: str) -> list[tuple[str, int]]:
    """The key figures of the monitoring: the series followed, then how many show a reduction, a
    rise, no signal, and (where any) both or too few visits to judge, so the parts add up to the
    whole."""
    counts = result["status"].value_counts()
    parts = [("mon_reductions", "reduction"), ("mon_rises", "rise"), ("mon_no_signal", "no_signal"),
             ("mon_mixed", "mixed"), ("mon_too_small", "too_small")]
    shown = [(L.t(key, language), int(counts.get(status, 0))) for key, status in parts
             if status in ("reduction", "rise", "no_signal") or counts.get(status, 0)]
    return [(L.t("mon_series", language), len(result)), *shown]


def _signals(page: Page, result: pd.DataFrame, decision_date: str, seasonal_adjustment: bool) -> Iterator[object]:
    """The series with a signal: a reduction, a rise or both."""
    language, T = page.language, page.formatters.T
    yield report.heading(T("mon_where"))
    signals = result[result["status"].isin(["reduction", "rise", "mixed"])].sort_values("change_pct")
    if signals.empty:  # none with a signal; when none could be judged at all, that is what it says
        yield report.text(T("mon_none_judged" if (result["status"] == "too_small").all() else "mon_none"))
    else:
        rests = signals[signals.get("rests_on_expectation", pd.Series(False, index=signals.index)).astype(bool)]
        shown, means = spc.shown_means(signals.drop(columns=["rests_on_expectation"], errors="ignore"),
                                       seasonal_adjustment)  # adjusted means named as such
        yield report.table(shown, language, counts=means, percent=["change_pct"],
                           caption=T("mon_table_caption", date=L.date(decision_date, language)))
        if not rests.empty:  # as 07 names a saving that rests on the expectation
            units = [f"{r[s.HOSPITAL]}, {r[s.SPECIALTY]}" for _, r in rests.iterrows()]
            yield report.text(T("mon_rests", units=L.names(units, language)))
    yield report.text(T("mon_vs_07"))  # a cut 07 finds may show in no single series here


def _charts(page: Page, watched: follow_up.Monitored, selected: pd.DataFrame, decision_date: str,
            seasonal_adjustment: bool, baseline_months: int, max_charts: int,
            lag: completeness.Completeness) -> Iterator[object]:
    """The XmR charts of the series to draw."""
    language, T = page.language, page.formatters.T
    drawn = spc.to_chart(watched.result, max_charts)  # reductions first, a hospital at a time
    charts = {f"{r[s.HOSPITAL]}, {r[s.SPECIALTY]}": watched.chart(
        selected, decision_date, {s.HOSPITAL: r[s.HOSPITAL], s.SPECIALTY: r[s.SPECIALTY]}, seasonal_adjustment,
        baseline_months, lag.incomplete)
        for _, r in drawn.iterrows()}
    if charts:  # none without a signal: the page has said so above
        yield report.heading(T("mon_charts"))
        yield plots.xmr_panels(charts, language, T("mon_chart_title"), pd.Timestamp(decision_date))
        yield report.how_to_read(T("mon_how", **plots.colour_words(language, decision=plots.DECISION, fall=plots.FALL,
                                                                   rise=plots.RISE)), language)
