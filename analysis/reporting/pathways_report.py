"""Report 08, pathways: from automatic to need-based follow-up. Follow-ups spaced at fixed calendar
intervals per hospital and specialty in a funnel plot, the long stable series that could move to
patient-reported (PRO) or patient-initiated follow-up and what they cost, patient segments per
hospital, follow-ups at the university hospital that belong at a basic level, acute outpatient
visits and referrals (with patients seen once as a question for a review). Intervals, series,
segments and patients seen once need visit-level data; on an aggregated extract the page says so
and shows what the totals allow. `build` yields the page's blocks and figures in order
(page.show displays them)."""
from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

import pandas as pd

from analysis.analyses import capabilities, pathways, specialisation, variation
from analysis.base import labels as L
from analysis.base import schema as s
from analysis.base.privacy import hidden_cells, is_small
from analysis.engine.aggregate import Aggregates
from analysis.inputs import tariffs
from analysis.reporting import plots, report
from analysis.reporting.page import Page

if TYPE_CHECKING:
    import ibis


def build(page: Page, *, year: int, sectors: list[str], calendar_targets: list[int], tolerance_days: int,
          stable_min_follow_ups: int, stable_min_months: float, stable_min_calendar_share: float,
          segment_high_visits: int, segment_high_specialties: int, segment_long_months: float, seen_once_days: int,
          min_visits: int, specialisation_file: str, diagnosis_levels_file: str, university_hospital: str,
          shared_care_dkk: float, tariff_file: str, max_rows: int) -> Iterator[object]:
    """The pathways' page (notebook 08's parameters; `year` resolved by the page)."""
    prep, language = page.prep, page.language
    agg = prep.aggregates
    T, N, P, M = page.formatters
    sectors = tuple(sectors)
    caps = capabilities.of(agg)
    visit_level = caps.has(capabilities.VISIT_LEVEL)  # intervals, series, segments, seen once
    has_priority = not agg.priority.empty
    has_referral = not agg.referral.empty
    yield report.start(T("pw_title"), language, prep.synthetic, T("pw_subtitle", year=year))
    yield report.text(T("pw_intro", year=year, sectors=L.names((T(x).lower() for x in sectors), language)))
    yield report.text(T("pw_money"))
    if not visit_level:
        yield report.text(T("pw_needs_visit_level", reason=T("cap_need_visit_level")))
    kpis = []
    if visit_level:
        con, visits = prep.visit_table()  # the staged file, or the table in its own server
        cal = pathways.calendar(agg.intervals, year, sectors, tuple(calendar_targets), tolerance_days)
        shares = cal.shares
        yield report.fact(*pathways.calendar_fact(shares, year, sectors, tuple(calendar_targets), tolerance_days,
                                                  cal.clearly))  # the run checks 03 and 05 count the same
        rule = pathways.StableRule(stable_min_follow_ups, stable_min_months, stable_min_calendar_share,
                                   tuple(calendar_targets), tolerance_days)
        stable = pathways.stable_value(pathways.stable_series(con, visits, rule, sectors), prep.prices(tariff_file),
                                       year)
        kpis += [(T("pw_kpi_calendar", chance=P(cal.region_share(pathways.CHANCE))), P(cal.region_share())),
                 (T("pw_kpi_beyond"), P(cal.region_share(pathways.BEYOND_CHANCE))),
                 (T("pw_kpi_high"), N(len(cal.clearly))), (T("pw_kpi_stable"), M(stable["dkk_a_year"].sum()))]
    spec = specialisation.assess(agg.diagnoses, agg.residents, year, specialisation.load_levels(specialisation_file),
                                 specialisation.load_diagnosis_levels(diagnosis_levels_file),
                                 tariffs.load_tariffs(tariff_file), tariffs.level_tariffs(tariff_file),
                                 university_hospital, shared_care_dkk, sectors)
    if spec.problem == "needs_diagnosis":  # no diagnosis group: the level tables are not used
        page.not_read("specialisation", "diagnosis_levels")
    if not spec.table.empty:
        kpis.append((T("pw_kpi_basic"), N(spec.table["basic_level"].sum())))
    if has_priority:
        acute = pathways.acute_share(agg.priority, year=year, sectors=sectors)
        region_acute = pathways.acute_share(agg.priority, by=[s.YEAR], year=year, sectors=sectors)["share"].iloc[0]
        kpis.append((T("pw_kpi_acute"), P(region_acute)))
    if kpis:
        yield report.kpis(kpis)

    if visit_level:
        yield from _calendar(page, cal, year=year, calendar_targets=calendar_targets, tolerance_days=tolerance_days,
                             max_rows=max_rows)
        yield from _stable(page, rule, stable, year=year, max_rows=max_rows,
                           months=pathways.months_spanned(agg.monthly))
        yield from _segments(page, con, visits, year=year, sectors=sectors, segment_high_visits=segment_high_visits,
                             segment_high_specialties=segment_high_specialties,
                             segment_long_months=segment_long_months, tariff_file=tariff_file)

    yield from _specialisation(page, spec, year=year, specialisation_file=specialisation_file,
                               diagnosis_levels_file=diagnosis_levels_file, shared_care_dkk=shared_care_dkk,
                               max_rows=max_rows)

    yield report.heading(T("pw_acute"))
    if not has_priority:
        yield report.text(T("pw_needs_priority"))
    else:
        yield from _acute(page, agg, acute, region_acute, year=year, sectors=sectors, min_visits=min_visits,
                          max_rows=max_rows)

    yield report.heading(T("pw_referral"))
    if not has_referral:
        yield report.text(T("pw_needs_referral"))
    else:
        yield from _referral_mix(page, agg, year=year, sectors=sectors)
        if visit_level:
            yield from _seen_once(page, con, visits, year=year, sectors=sectors, seen_once_days=seen_once_days,
                                  min_visits=min_visits, max_rows=max_rows)

    if visit_level:  # the method and the prices only where they were used
        yield report.heading(T("var_method"))
        yield report.text(T("pw_method", year=year, rho=L.number(cal.rho, language, 2),
                            widened=L.overdispersion(cal.dispersion.phi, cal.dispersion.adjusted, language)))
        yield report.text(tariffs.price_sentence(prep.priced(tariff_file).query(f"{s.YEAR} == {year}"), language,
                                                 tariff_file))


def _calendar(page: Page, cal: pathways.Calendar, *, year: int, calendar_targets: list[int],
              tolerance_days: int, max_rows: int) -> Iterator[object]:
    """Follow-ups by the calendar: each hospital and specialty against its specialty's share in a
    funnel plot, the units clearly or possibly above the upper limit and the table of them, then
    the specialties' own habits against the share expected without calendar booking."""
    language = page.language
    T, N, P, M = page.formatters
    shares, funnel, disp, high = cal.shares, cal.funnel, cal.dispersion, cal.high
    yield report.heading(T("pw_calendar"))
    targets = L.names((N(d) for d in calendar_targets), language, last="names_or")  # "91, 182 eller 365"
    yield report.text(T("pw_calendar_text", tolerance=tolerance_days, targets=targets,
                        share=P(cal.region_share()), intervals=N(shares["intervals"].sum()),
                        chance=P(cal.region_share(pathways.CHANCE)), shift=N(pathways.chance_shift(tolerance_days)))
                      + " " + T("pw_calendar_03", beyond=P(cal.region_share(pathways.BEYOND_CHANCE))))
    short = variation.short_names(sorted(funnel[s.HOSPITAL].unique()))
    names = {i: f"{short[r[s.HOSPITAL]]} {r[s.SPECIALTY]}" for i, r in funnel.iterrows()}
    yield plots.unit_funnel(funnel, disp, language, T("pw_chart_calendar"), T("pw_chart_calendar_x"),
                            T("pw_chart_calendar_y"), names, denominator=pathways.PRECISION, kind="ratio_counts")
    yield report.how_to_read(T("pw_calendar_how", **plots.colour_words(language, **plots.CLASS_NAMES)), language)
    for _, r in cal.clearly.iterrows():
        yield report.text(pathways.calendar_sentence(r, language))
    if len(cal.alone):
        yield report.text(T("pw_calendar_alone", units="; ".join(
            f"{r[s.HOSPITAL]}, {r[s.SPECIALTY]}" for _, r in cal.alone.iterrows())))
    possibly = high[high["class"] == "high_95"]
    if len(possibly):
        yield report.text(T("pw_calendar_possibly", units="; ".join(
            f"{r[s.HOSPITAL]}, {r[s.SPECIALTY]} ({P(r[pathways.SHARE])})" for _, r in possibly.iterrows()),
            n=N(cal.judged), chance=N(cal.possibly_by_chance)))
    if high.empty:
        yield report.text(T("pw_calendar_none"))
    else:
        shown = high.assign(**{pathways.CHANCE_SHARE: pathways.shown_chance_share(high),
                               "pw_expected_share": high[pathways.EXPECTED] / high["intervals"]})[
            [s.HOSPITAL, s.SPECIALTY, "intervals", "calendar_like", pathways.SHARE, "pw_expected_share",
             pathways.CHANCE_SHARE, "class"]].rename(columns={
                "intervals": "pw_intervals", "calendar_like": "pw_calendar_like", pathways.SHARE: "pw_calendar_share",
                pathways.CHANCE_SHARE: "pw_chance_share", "class": "pw_level"})
        yield report.table(shown, language, counts=["pw_intervals", "pw_calendar_like"],
                           derived={"pw_calendar_share": "pw_calendar_like", "pw_chance_share": "pw_intervals"},
                           percent=["pw_calendar_share", "pw_expected_share", "pw_chance_share"],
                           verbatim=[s.HOSPITAL, s.SPECIALTY],
                           caption=T("pw_calendar_caption", year=year))
    habits = pathways.specialty_calendar(shares)
    # above chance only (the rest would be filled in by name); a share resting on 1-4 intervals gives them away
    habits = habits[(habits["beyond_share"] > 0) & ~is_small(habits[pathways.CALENDAR_LIKE])]
    if habits.empty:
        return
    broad = habits[habits["broad"]]  # a specialty's habit, not one unit's (that unit is in the funnel)
    yield report.text(T("pw_habit_lead"))
    if len(broad):
        top = broad.iloc[0]
        yield report.text(T("pw_habit_text", specialty=top[s.SPECIALTY], share=P(top[pathways.SHARE]),
                            chance=P(top[pathways.CHANCE_SHARE]), above=N(top["hospitals_above"]),
                            hospitals=N(top["hospitals"])))
    habits = habits.assign(pw_hospitals_above=[T("pw_of", k=N(a), n=N(h))
                                               for a, h in zip(habits["hospitals_above"], habits["hospitals"])])
    shown = habits.head(max_rows)[[s.SPECIALTY, "intervals", pathways.CALENDAR_LIKE, pathways.SHARE,
                                   pathways.CHANCE_SHARE, "beyond_share", "pw_hospitals_above"]].rename(columns={
        "intervals": "pw_intervals", pathways.CALENDAR_LIKE: "pw_calendar_like", pathways.SHARE: "pw_calendar_share",
        pathways.CHANCE_SHARE: "pw_chance_share", "beyond_share": "pw_beyond_share"})
    yield report.table(shown, language, counts=["pw_intervals", "pw_calendar_like"],
                       derived={"pw_calendar_share": "pw_calendar_like", "pw_chance_share": "pw_intervals",
                                "pw_beyond_share": "pw_intervals"},
                       percent=["pw_calendar_share", "pw_chance_share", "pw_beyond_share"],
                       verbatim=[s.SPECIALTY, "pw_hospitals_above"],
                       caption=T("pw_habit_caption", year=year))


def _stable(page: Page, rule: pathways.StableRule, stable: pd.DataFrame, *, year: int,
            max_rows: int, months: int) -> Iterator[object]:
    """The long stable series, candidates for patient-reported or patient-initiated follow-up,
    and what their follow-ups cost a year."""
    language = page.language
    T, N, P, M = page.formatters
    yield report.heading(T("pw_stable"))
    yield report.text(T("pw_stable_text", n=rule.min_follow_ups, months=N(rule.min_months),
                        share=P(rule.min_calendar_share, 0), year=year))
    if stable.empty and months < rule.min_months:  # the extract is too short to hold one
        yield report.text(T("pw_stable_short", months=N(months), min_months=N(rule.min_months)))
    elif stable.empty:
        yield report.text(T("pw_stable_none"))
    else:
        yield report.text(T("pw_stable_total", patients=N(stable["patients"].sum()), units=N(len(stable)),
                            follow_ups=N(stable["follow_ups_a_year"].sum()), dkk=M(stable["dkk_a_year"].sum())))
        top = pathways.highest(stable, "dkk_a_year", n=max_rows, min_count=5, count="patients")
        top = top[[s.HOSPITAL, s.SPECIALTY, "patients", "series", "follow_ups_a_year", "dkk_per_follow_up",
                   "dkk_a_year"]].rename(columns={"series": "pw_series", "follow_ups_a_year": "pw_follow_ups_a_year",
                                                  "dkk_per_follow_up": "pw_dkk_per_follow_up",
                                                  "dkk_a_year": "pw_dkk_a_year"})
        if len(top):
            yield report.table(top, language, counts=["patients", "pw_series"],
                               derived={"pw_follow_ups_a_year": "patients", "pw_dkk_a_year": "patients"},
                               verbatim=[s.HOSPITAL, s.SPECIALTY], caption=T("pw_stable_caption"))


def _segments(page: Page, con: ibis.BaseBackend, visits: ibis.Table, *, year: int, sectors: tuple[str, ...],
              segment_high_visits: int, segment_high_specialties: int, segment_long_months: float,
              tariff_file: str) -> Iterator[object]:
    """Patient segments per hospital: the rules that define them and each segment's share of the
    patients, visits and kroner."""
    prep, language = page.prep, page.language
    T, N, P, M = page.formatters
    yield report.heading(T("pw_segments"))
    rules = pathways.SegmentRules(high_visits=segment_high_visits, high_specialties=segment_high_specialties,
                                  long_months=segment_long_months)
    d = rules.describe()
    d["long_follow_up_share"] = P(d["long_follow_up_share"], 0)
    values = {k: N(v, 1) if isinstance(v, float) and not v.is_integer() else v for k, v in d.items()}
    yield report.text(T("pw_segments_text", year=year) + "\n\n" + "\n".join(
        f"- {T('pw_seg_rule_' + name, **values)}" for name in pathways.SEGMENTS))
    seg = pathways.segments(con, visits, year, rules, sectors, prep.prices(tariff_file))
    yield segments_table(seg, [s.HOSPITAL], language, T("pw_segments_caption", year=year))


def _specialisation(page: Page, spec: specialisation.Assessment, *, year: int, specialisation_file: str,
                    diagnosis_levels_file: str, shared_care_dkk: float, max_rows: int) -> Iterator[object]:
    """Follow-ups at the university hospital that belong at a basic level: closer to home or
    shared with general practice, what it would cost, and the tables it rests on; or why it
    cannot be said."""
    language = page.language
    T, N, P, M = page.formatters
    yield report.heading(T("pw_spec"))
    if spec.problem == "needs_diagnosis":
        yield report.text(T("pw_spec_needs_diagnosis"))
    elif spec.problem == "no_university":
        yield report.text(T("pw_spec_no_university"))
    elif spec.problem == "none_listed":
        yield report.text(T("pw_spec_none_listed", university=spec.university, year=year,
                            examples="; ".join(spec.examples)))
    else:
        yield report.text(T("pw_spec_text", university=spec.university, year=year,
                            diff=L.dkk(spec.in_person_difference, language),
                            shared=specialisation.shared_care_words(shared_care_dkk, language)))
        if not spec.has_residence:
            yield report.text(T("pw_spec_needs_municipality"))
        tab = spec.table
        yield report.text(T("pw_spec_total", basic=N(tab["basic_level"].sum()), year=year,
                            closer=N(tab["closer_to_home"].sum()), dkk_closer=M(tab["dkk_closer_to_home"].sum()),
                            shared=N(tab["shared_care"].sum()), dkk_shared=M(tab["dkk_shared_care"].sum())))
        if not spec.funnel.empty:
            yield from _specialisation_funnel(page, spec)
        yield specialisation_table(tab.head(max_rows), language,
                                   T("pw_spec_caption", university=spec.university, year=year))
        tables = T("pw_spec_tables")
        if specialisation.illustrative(specialisation_file, diagnosis_levels_file):
            tables += " " + T("pw_spec_illustrative")
        yield report.text(tables)


def _specialisation_funnel(page: Page, spec: specialisation.Assessment) -> Iterator[object]:
    """The university hospital's share of patients from other areas per specialty in a funnel
    plot, and the specialties above it (or the highest, where none is)."""
    language = page.language
    T, N, P, M = page.formatters
    yield plots.unit_funnel(spec.funnel, spec.dispersion, language,
                            T("pw_chart_spec"), T("pw_chart_spec_x", university=spec.university),
                            T("pw_chart_spec_y"), dict(spec.funnel[s.SPECIALTY]),
                            denominator="from_other_areas", label=("high", "within", "low"))
    yield report.how_to_read(T("pw_spec_how"), language)
    for _, r in spec.high.iterrows():
        yield report.text(T("pw_spec_high", specialty=r[s.SPECIALTY], share=P(r["value"]), target=P(r["target"]),
                            n=N(r["from_other_areas"])))
    if spec.high.empty:
        top = spec.funnel.sort_values("value", ascending=False).iloc[0]
        yield report.text(T("pw_spec_none_high", specialty=top[s.SPECIALTY], share=P(top["value"]),
                            target=P(top["target"]), n=N(top["from_other_areas"]), units=N(len(spec.funnel))))


def _acute(page: Page, agg: Aggregates, acute: pd.DataFrame, region_acute: float, *, year: int,
           sectors: tuple[str, ...], min_visits: int, max_rows: int) -> Iterator[object]:
    """Acute outpatient visits: the region's share, the units with the highest shares, and the
    trend of the highest beside the region's."""
    language = page.language
    T, N, P, M = page.formatters
    yield report.text(T("pw_acute_text", year=year, share=P(region_acute), min=N(min_visits),
                        sectors=L.names((T(x).lower() for x in sectors), language)))
    top = pathways.highest(acute, n=max_rows, min_count=min_visits)
    # the sentence and the trend give a unit's share and visits only where the table shows them: a
    # count the table hides to protect a small one elsewhere must not be told beside it
    hidden = hidden_cells(top[["visits", "acute"]], [top[s.HOSPITAL], top[s.SPECIALTY]]).any(axis=1)
    if len(top) and hidden.iloc[0]:
        yield report.text(T("pw_acute_hidden", unit=f"{top.iloc[0][s.HOSPITAL]}, {top.iloc[0][s.SPECIALTY]}"))
    if (~hidden).any():
        first = top[~hidden].iloc[0]
        yield report.text(T("pw_acute_highest_shown" if hidden.iloc[0] else "pw_acute_highest",
                            unit=f"{first[s.HOSPITAL]}, {first[s.SPECIALTY]}", share=P(first["share"]),
                            visits=N(first["visits"]), region=P(region_acute)))
    if len(top):
        yield acute_table(top, language, T("pw_acute_caption", year=year))
    if (~hidden).any():
        trend = pathways.acute_share(agg.priority, by=[s.YEAR], sectors=sectors).set_index(s.YEAR)[["share"]]
        trend.columns = [T("pw_region")]
        unit_trend = pathways.acute_share(agg.priority[(agg.priority[s.HOSPITAL] == first[s.HOSPITAL])
                                                       & (agg.priority[s.SPECIALTY] == first[s.SPECIALTY])],
                                          by=[s.YEAR], sectors=sectors).set_index(s.YEAR)["share"]
        trend[f"{first[s.HOSPITAL]}, {first[s.SPECIALTY]}"] = unit_trend
        yield plots.lines(trend, language, T("pw_chart_acute"), T("pw_acute_share"), percent=True)
        yield report.table(trend.reset_index(), language, percent=list(trend.columns),
                           verbatim=list(trend.columns), caption=T("pw_acute_trend_caption"))


def _referral_mix(page: Page, agg: Aggregates, *, year: int, sectors: tuple[str, ...]) -> Iterator[object]:
    """Where the first visits were referred from, per specialty."""
    language = page.language
    T, N, P, M = page.formatters
    yield report.text(T("pw_referral_text", year=year))
    yield referral_table(pathways.referral_mix(agg.referral, year, sectors=sectors), s.SPECIALTY, language,
                         T("pw_referral_caption", year=year))


def specialisation_table(tab: pd.DataFrame, language: str, caption: str) -> report.Table:
    """specialisation.candidates' table as 08 shows it (10 too, its specialty's row without the
    specialty column)."""
    named = [s.SPECIALTY] if s.SPECIALTY in tab else []
    shown = tab[[*named, "follow_ups", "basic_level", "basic_share", "closer_to_home", "dkk_closer_to_home",
                 "shared_care", "dkk_shared_care"]].rename(columns={
        "follow_ups": "pw_spec_follow_ups", "basic_level": "pw_spec_basic", "basic_share": "pw_spec_basic_share",
        "closer_to_home": "pw_spec_closer", "dkk_closer_to_home": "pw_spec_dkk_closer",
        "shared_care": "pw_spec_shared", "dkk_shared_care": "pw_spec_dkk_shared"})
    return report.table(shown, language,
                        counts=["pw_spec_follow_ups", "pw_spec_basic", "pw_spec_closer", "pw_spec_shared"],
                        derived={"pw_spec_basic_share": "pw_spec_basic", "pw_spec_dkk_closer": "pw_spec_closer",
                                 "pw_spec_dkk_shared": "pw_spec_shared"},
                        percent=["pw_spec_basic_share"], verbatim=[s.SPECIALTY], caption=caption)


def segments_table(seg: pd.DataFrame, by: list[str], language: str, caption: str) -> report.Table:
    """pathways.segments' table by `by` as 08 shows it (10 too: specialty_segments without
    kroner, its specialty's rows without `by`); each segment by its name in `language`."""
    shares = [c for c in ("share_of_patients", "share_of_visits", "share_of_dkk", "follow_up_share") if c in seg]
    shown = seg.assign(pw_segment=[L.t(f"pw_seg_{x}", language) for x in seg[pathways.SEGMENT]])
    shown = shown[[*by, "pw_segment", "patients", "visits", *shares]].rename(columns={c: f"pw_{c}" for c in shares})
    return report.table(shown, language, counts=["patients", "visits"],
                        derived={f"pw_{c}": "patients" if c == "share_of_patients" else "visits" for c in shares},
                        percent=[f"pw_{c}" for c in shares], verbatim=[*by, "pw_segment"], caption=caption)


def acute_table(acute: pd.DataFrame, language: str, caption: str) -> report.Table:
    """pathways.acute_share's table as 08 shows it (10 too, by hospital within a specialty)."""
    shown = acute.rename(columns={"acute": "pw_acute_visits", "share": "pw_acute_share"})
    return report.table(shown, language, counts=["visits", "pw_acute_visits"],
                        derived={"pw_acute_share": "pw_acute_visits"}, percent=["pw_acute_share"],
                        verbatim=[s.HOSPITAL, s.SPECIALTY], caption=caption)


def referral_table(mix: pd.DataFrame, by: str, language: str, caption: str) -> report.Table:
    """pathways.referral_mix's table by `by` as 08 shows it (10 too, by hospital)."""
    sources = [c for c in mix.columns if c not in (by, "first_visits")]
    mix = mix.rename(columns={"first_visits": "pw_first_visits", **{c: f"pw_src_{c}" for c in sources}})
    return report.table(mix, language, counts=["pw_first_visits"],
                        derived={f"pw_src_{c}": "pw_first_visits" for c in sources},
                        percent=[f"pw_src_{c}" for c in sources], verbatim=[by], caption=caption)


def _seen_once(page: Page, con: ibis.BaseBackend, visits: ibis.Table, *, year: int, sectors: tuple[str, ...],
               seen_once_days: int, min_visits: int, max_rows: int) -> Iterator[object]:
    """Referred patients seen once with no further visit: the units with the highest shares, as a
    question for a review."""
    language = page.language
    T, N, P, M = page.formatters
    once = pathways.seen_once(con, visits, year, seen_once_days, (s.HOSPITAL, s.SPECIALTY, s.REFERRAL_SOURCE), sectors)
    yield report.text(T("pw_seen_once_text", days=N(seen_once_days), min=N(min_visits)))
    top = pathways.highest(once, n=max_rows, min_count=min_visits, count="first_visits")
    if top.empty:
        yield report.text(T("pw_seen_once_none", year=year, days=N(seen_once_days), min=N(min_visits)))
    else:
        top[s.REFERRAL_SOURCE] = [T(f"pw_src_{x}") for x in top[s.REFERRAL_SOURCE]]
        top = top.rename(columns={"first_visits": "pw_first_visits", "seen_once": "pw_seen_once",
                                  "share": "pw_seen_once_share", s.REFERRAL_SOURCE: "pw_referral_source"})
        yield report.table(top, language, counts=["pw_first_visits", "pw_seen_once"],
                           derived={"pw_seen_once_share": "pw_seen_once"}, percent=["pw_seen_once_share"],
                           verbatim=[s.HOSPITAL, s.SPECIALTY, "pw_referral_source"],
                           caption=T("pw_seen_once_caption", year=year))
