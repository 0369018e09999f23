"""The follow-up days of a patient and the intervals between them, as engine queries (Ibis
expressions run on the staged visits, a database table or an in-memory table): the part of the
pathways method (analysis.analyses.pathways, whose docstring states it) that the aggregation engine runs
once per input to keep the interval histogram in the cache. Here, below both, so that the engine
does not import an analysis."""
from __future__ import annotations

from typing import TYPE_CHECKING

from analysis.base import schema as s

if TYPE_CHECKING:
    import ibis

FOLLOW_UP = "follow_up"
SAMPLING = "sampling"
DAYS = "days"  # days since the previous follow-up day of the run
INTERVALS = "intervals"
UNIT = [s.HOSPITAL, s.SPECIALTY]


def count_where(condition: ibis.BooleanValue) -> ibis.IntegerValue:
    """1 where `condition` holds, else 0: a CASE, which every engine runs (PostgreSQL cannot cast a
    boolean to bigint)."""
    return condition.ifelse(1, 0)


def visits_in(t: ibis.Table, sectors: tuple[str, ...] | None = None) -> ibis.Table:
    """The visits `t` with the visit date as a date (not a time), in `sectors` if given."""
    t = t.mutate(**{s.VISIT_DATE: t[s.VISIT_DATE].cast("date")})
    return t.filter(t[s.SECTOR].isin(list(sectors))) if sectors else t


def follow_up_days(t: ibis.Table, sectors: tuple[str, ...] | None = None) -> ibis.Table:
    """One row per patient x hospital x specialty x follow-up day (an unexecuted expression):
    visit_date, follow_ups (follow-up visits that day), days (since the previous follow-up day;
    NULL for the first), new_run (True for the first and after a visit of another type than a
    sample: see
    analysis.analyses.pathways' docstring), run (number of the run within patient x hospital x specialty, from 0)."""
    import ibis  # only where a query runs on the visits: a report on the cached aggregates needs no engine

    t = visits_in(t, sectors)
    keys = [s.PATIENT_ID, *UNIT, s.SECTOR]
    is_fu = count_where(t[s.VISIT_TYPE] == FOLLOW_UP)
    breaks = count_where(~t[s.VISIT_TYPE].isin([FOLLOW_UP, SAMPLING]))  # a blood test belongs to the series
    day = t.group_by([*keys, s.VISIT_DATE]).aggregate(
        follow_ups=is_fu.sum(), others=breaks.sum())
    # other visits up to and including each day (dates are unique within a patient x unit here)
    day = day.mutate(others_so_far=day.others.sum().over(
        ibis.cumulative_window(group_by=keys, order_by=s.VISIT_DATE)))
    fu = day.filter(day.follow_ups > 0)
    w = ibis.window(group_by=keys, order_by=s.VISIT_DATE)
    prev_date = fu[s.VISIT_DATE].lag().over(w)
    prev_others = fu.others_so_far.lag().over(w)
    fu = fu.mutate(days=fu[s.VISIT_DATE].delta(prev_date, unit="day"),
                   new_run=prev_date.isnull() | (fu.others_so_far > prev_others))
    fu = fu.mutate(run=count_where(fu.new_run).sum().over(
        ibis.cumulative_window(group_by=keys, order_by=s.VISIT_DATE)) - 1)
    # the columns kept, named in order: a drop() writes its columns in an order that changes from one
    # process to the next, and the query's text names its kept result (pipeline.Remembered)
    return fu.select([c for c in fu.columns if c not in ("others", "others_so_far")])


PATIENT_INTERVALS = "patient_intervals"  # how many intervals the interval's patient has in its unit and year
INTERVAL_KEYS = (s.YEAR, s.HOSPITAL, s.SPECIALTY, s.SECTOR, DAYS, PATIENT_INTERVALS)


def interval_table(t: ibis.Table) -> ibis.Table:
    """How far apart follow-ups are, as an unexecuted expression: year x hospital x specialty x
    sector x days -> intervals (how many intervals between consecutive follow-up days of a
    patient in a hospital x specialty had that many days, whatever visits lie between them: a
    blood test a week before each control is part of the calendar pattern; the year is the
    later follow-up's). A histogram: a few thousand rows at most, so the aggregation layer keeps
    it (aggregate.Aggregates.intervals) and any targets and tolerance can be applied afterwards
    in pandas (calendar_share). patient_intervals, the number of intervals the patient has in the
    unit that year (m), gives how they cluster within patients: sum(intervals x m) / sum(intervals)
    is the design effect sum(m^2) / sum(m) (pathways.design_effects)."""
    import ibis  # see follow_up_days

    fu = follow_up_days(t)
    iv = fu.filter(fu[DAYS].notnull())
    iv = iv.mutate(**{s.YEAR: iv[s.VISIT_DATE].year().cast("int32")})
    per_patient = ibis.window(group_by=[s.PATIENT_ID, *UNIT, s.SECTOR, s.YEAR])
    iv = iv.mutate(**{PATIENT_INTERVALS: iv[DAYS].count().over(per_patient).cast("int64")})
    return iv.group_by(list(INTERVAL_KEYS)).aggregate(**{INTERVALS: iv.count()})
