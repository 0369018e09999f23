"""Like periods: which calendar months each year of the data covers completely, and which
months a comparison between years counts, so that a year that is not whole is never read as
a change.

A year is not whole when the data have no visits in some of its months (the extract starts
or ends inside it, or the period parameters cut it) or when some of its months are not yet
fully registered (completeness.assess). Compared as they are, January–June 2025 against the
whole of 2024 reads as a fall of a half.

The rule (`compare`):
  - Every year whole: whole years, as the yearly table has them.
  - Data by month: every year is counted over the same months, the complete months the years
    have in common ("januar–juni" of 2023, 2024 and 2025). The latest years are kept, as the
    steering group follows them: a partial earliest year (the extract starts inside it) is left
    out when at least two years remain and it would narrow the months of all the others, and so
    is an earliest year sharing no complete month with the later ones (data from July 2023 to
    June 2025: January–June of 2024 and 2025).
  - Data by year only (an aggregated extract without a month column): months cannot be
    matched. A year the period parameters show to be partial (period_end 2025-06-30) is marked:
    shown as it is, named as partial, and left out of every change between years.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from itertools import groupby

import pandas as pd

from analysis.analyses import activity as A
from analysis.base import labels as L
from analysis.base import schema as s

ALL_MONTHS = tuple(range(1, 13))


@dataclass(frozen=True)
class Coverage:
    """Which calendar months (1..12) of each year the data hold and which are complete."""

    by_month: bool  # the data are given by month; False: by year only, months from the period
    in_data: dict[int, tuple[int, ...]]  # year -> months with visits, wholly inside the period
    complete: dict[int, tuple[int, ...]]  # year -> of those, the fully registered ones
    incomplete: tuple[pd.Timestamp, ...] = field(default=())  # months not fully registered

    def whole(self, year: int) -> bool:
        return self.complete.get(year, ()) == ALL_MONTHS

    @property
    def partial(self) -> tuple[int, ...]:
        """The years that are not whole, ascending."""
        return tuple(y for y in sorted(self.complete) if not self.whole(y))

    def common(self, years) -> tuple[int, ...]:
        """The complete months every one of `years` has."""
        sets = [set(self.complete.get(y, ())) for y in years]
        return tuple(sorted(set.intersection(*sets))) if sets else ()


@dataclass(frozen=True)
class Comparison:
    """The years a comparison counts, each over the same `months`, and the years it cannot
    count like the others."""

    years: tuple[int, ...]  # compared, each over `months`
    months: tuple[int, ...]  # calendar months counted in every compared year; ALL_MONTHS: whole years
    marked: tuple[int, ...] = ()  # partial years shown as they are, named partial, in no change
    left_out: tuple[int, ...] = ()  # years sharing no complete month with the later years

    @property
    def whole_years(self) -> bool:
        return self.months == ALL_MONTHS

    @property
    def comparable(self) -> bool:
        """At least two years can be compared."""
        return len(self.years) >= 2


def _months_inside(start: str, end: str) -> pd.DatetimeIndex:
    """The first days of the months lying wholly inside the period start..end."""
    first = pd.Timestamp(start)
    last = pd.Timestamp(end)
    first = first if first.day == 1 else first + pd.offsets.MonthBegin(1)
    after = last + pd.Timedelta(days=1)
    after = after if after.day == 1 else after - pd.offsets.MonthBegin(1)
    return pd.date_range(first, after, freq="MS", inclusive="left")


def coverage(monthly: pd.DataFrame, years, period_start: str, period_end: str,
             incomplete: tuple[pd.Timestamp, ...] | list[pd.Timestamp] = ()) -> Coverage:
    """The months of each of `years` the data cover, from the monthly table (months with visits
    in the region, wholly inside the period) or, when it is empty, from the period alone;
    `incomplete` months (completeness.assess) are not complete."""
    inside = _months_inside(period_start, period_end)
    by_month = monthly is not None and not monthly.empty
    if by_month:
        total = monthly[s.VISITS].groupby(pd.to_datetime(monthly[s.MONTH]).dt.to_period("M").dt.to_timestamp()).sum()
        seen = pd.DatetimeIndex(total.index[total > 0])
        seen = seen[seen.isin(inside)]
    else:
        seen = inside
    late = set(pd.DatetimeIndex(list(incomplete)))
    in_data = {int(y): tuple(int(m) for m in sorted(seen[seen.year == y].month)) for y in years}
    complete = {y: tuple(m for m in ms if pd.Timestamp(y, m, 1) not in late) for y, ms in in_data.items()}
    return Coverage(by_month, in_data, complete, tuple(sorted(late)))


def compare(cov: Coverage, years) -> Comparison:
    """How `years` are compared on these data (the module's rule)."""
    years = sorted(int(y) for y in years)
    if all(cov.whole(y) for y in years):
        return Comparison(tuple(years), ALL_MONTHS)
    if not cov.by_month:
        whole = tuple(y for y in years if cov.whole(y))
        return Comparison(whole, ALL_MONTHS, marked=tuple(y for y in years if y not in whole))
    keep = [y for y in years if cov.complete.get(y)]
    while len(keep) > 2 and not cov.whole(keep[0]) and len(cov.common(keep[1:])) > len(cov.common(keep)):
        keep.pop(0)  # a partial earliest year would narrow the months of every later year
    while len(keep) > 1 and not cov.common(keep):
        keep.pop(0)  # the earliest year shares no complete month with the later ones
    return Comparison(tuple(keep), cov.common(keep), left_out=tuple(y for y in years if y not in keep))


def _selected(activity: pd.DataFrame, monthly: pd.DataFrame, comp: Comparison, years) -> pd.DataFrame:
    """Rows with a year and visits for `years`, each over comp.months: the yearly table for whole
    years, the monthly table for fewer months."""
    if comp.whole_years:
        return activity[activity[s.YEAR].isin(list(years))]
    when = pd.to_datetime(monthly[s.MONTH])
    keep = when.dt.year.isin(list(years)) & when.dt.month.isin(list(comp.months))
    return monthly[keep].assign(**{s.YEAR: when[keep].dt.year})


def totals(activity: pd.DataFrame, monthly: pd.DataFrame, comp: Comparison, by: str | None = None) -> pd.DataFrame:
    """Visits per year (rows) by `by` (columns; one 'total' column when None), every compared
    year over comp.months; a marked year is added whole, as the data have it."""
    out = A.trend(_selected(activity, monthly, comp, comp.years), by)
    if comp.marked:
        marked = A.trend(activity[activity[s.YEAR].isin(list(comp.marked))], by)
        out = pd.concat([out, marked]).fillna(0).sort_index()
    return out


def change(activity: pd.DataFrame, monthly: pd.DataFrame, comp: Comparison, by: list[str],
           lang: str = "da") -> pd.DataFrame:
    """Visits by `by` in the first and the last compared year, each over comp.months, with the
    change in visits and in percent; the year columns are named by `label` ("januar–juni 2024")."""
    if not comp.comparable:
        raise ValueError("fewer than two years can be compared")
    first, last = comp.years[0], comp.years[-1]
    out = A.change(_selected(activity, monthly, comp, (first, last)), by, first, last)
    return out.rename(columns={str(first): label(first, comp.months, lang), str(last): label(last, comp.months, lang)})


def year_change(activity: pd.DataFrame, monthly: pd.DataFrame, cov: Coverage, year: int) -> tuple[float, Comparison]:
    """The change in all visits from the year before to `year`, over the months both have
    complete (NaN when the year before is not in the data or cannot be compared), and the
    comparison it used."""
    comp = compare(cov, [y for y in (year - 1, year) if y in cov.in_data])
    if comp.years != (year - 1, year):
        return float("nan"), comp
    t = totals(activity, monthly, comp)["total"]
    before = float(t.get(year - 1, 0))
    return ((float(t.get(year, 0)) - before) / before if before else float("nan")), comp


def month_span(months, lang: str = "da") -> str:
    """Calendar months as runs: "januar–juni", "januar–marts og maj–december", "marts"; "" for
    all twelve."""
    months = sorted(set(int(m) for m in months))
    if tuple(months) == ALL_MONTHS or not months:
        return ""
    runs = [[m for _, m in g] for _, g in groupby(enumerate(months), key=lambda p: p[1] - p[0])]
    name = lambda m: L.t(f"lag_month_{m}", lang)  # noqa: E731
    parts = [name(r[0]) if len(r) == 1 else f"{name(r[0])}–{name(r[-1])}" for r in runs]
    return L.names(parts, lang)


def label(year: int, months, lang: str = "da") -> str:
    """A year as a period: "2024" when `months` are all twelve, else "januar–juni 2025"."""
    span = month_span(months, lang)
    return f"{span} {year}" if span else str(year)


def _years(years, lang: str) -> str:
    words = [str(y) for y in years]
    return L.names(words, lang)


def _why(cov: Coverage, year: int, lang: str) -> str:
    """Why `year` is not whole: the months it has data for, and its months not fully registered."""
    from analysis.engine.completeness import month_names

    parts = []
    have = cov.in_data.get(year, ())
    if not have:
        parts.append(L.t("per_no_whole_month", lang, year=year))
    elif have != ALL_MONTHS:
        parts.append(L.t("per_only_months", lang, year=year, months=month_span(have, lang)))
    late = [m for m in cov.incomplete if m.year == year]
    if late:
        parts.append(L.t("per_not_registered", lang, months=month_names(late, lang)))
    return "; ".join(parts)


def year_note(cov: Coverage, year: int, lang: str = "da") -> str:
    """What a report describing `year` says when that year is not whole ("" when it is): the
    months its data cover, and its months not fully registered."""
    from analysis.engine.completeness import month_names

    out = []
    have = cov.in_data.get(year, ())
    if have != ALL_MONTHS:
        out.append(L.t("per_note_months", lang, year=year, months=month_span(have, lang)) if have
                   else L.t("per_note_no_month", lang, year=year))
    late = [m for m in cov.incomplete if m.year == year]
    if late:
        out.append(L.t("per_note_registered", lang, year=year, months=month_names(late, lang)))
    return " ".join(out)


def sentence(cov: Coverage, comp: Comparison, lang: str = "da") -> str:
    """How the years are compared and why ("" when every year is whole)."""
    shown = sorted(set(comp.years) | set(comp.marked) | set(comp.left_out))
    partial = [y for y in shown if not cov.whole(y)]
    if not partial:
        return ""
    why = "; ".join(_why(cov, y, lang) for y in partial)
    out = [L.t("per_not_whole", lang, why=why)]
    if comp.marked:
        out.append(L.t("per_marked", lang, years=_years(comp.marked, lang)))
    elif comp.comparable:
        out.append(L.t("per_same_months", lang, months=month_span(comp.months, lang), years=_years(comp.years, lang)))
    if comp.left_out:
        out.append(L.t("per_left_out", lang, years=_years(comp.left_out, lang)))
    if not comp.comparable:
        out.append(L.t("per_none_comparable", lang))
    return " ".join(out)


def texts(cov: Coverage, comp: Comparison, lang: str = "da") -> dict:
    """The trend charts' titles, their "how to read", tick labels for marked years ("2025" over
    "(januar–juni)") and the label of the change from the year before, as the comparison counts
    the years: whole years, the same months ("Besøg i januar–juni pr. år og sektor") or whole
    years beside open points for partial ones."""
    span = "" if comp.whole_years else month_span(comp.months, lang)
    if span:
        out = {key: L.t(f"ov_trend_{key}_months", lang, months=span) for key in ("sector", "visit_type", "how")}
    else:
        out = {key: L.t(f"ov_trend_{key}", lang) for key in ("sector", "visit_type", "how")}
    if comp.marked:
        out["how"] = L.t("ov_trend_how_marked", lang, years=_years(comp.marked, lang))
    out["ticks"] = {y: L.t("per_partial_tick", lang, year=y, months=month_span(cov.in_data.get(y, ()), lang)
                           or L.t("per_partial", lang)) for y in comp.marked}
    out["change"] = L.t("change_from_last_year_months", lang, months=span) if span else L.t("change_from_last_year",
                                                                                             lang)
    return out
