"""Which of the latest months of an extract are not yet fully registered.

Visits are registered with a lag, so the last one to three months of a fresh extract are
undercounted. Read as they are, those months look like a reduction everywhere at once. This
module finds them (or takes them from a parameter) so monitoring can leave them out and the
report can say so. A genuine fall after a decision also shows in the last months; the two are
told apart by what the decision does not touch.

Method of detection (`assess`):
  1. Form large series: hospital x sector x visit type, summed over specialties and contact
     modes, one value per calendar month (missing months are 0), divided by the month's working
     days (workdays.py: weekdays less the Danish public holidays; a December with 18 of them has
     10% fewer visits than one with 20, in every series at once, like a lag). Series averaging
     fewer than `min_visits` visits a month in the reference window are left out: their noise
     would drown a lag.
  2. The candidate months are the final `max_months`. The reference window is the `reference`
     months just before them, so no candidate month (complete or not) feeds any expectation;
     with a decision date, the window starts no earlier than RAMP_MONTHS after the decision
     when at least MIN_REFERENCE months are left, so the decision's effect is in the
     expectation.
  3. A month-of-year seasonal index is estimated from the region's total before the candidate
     months: each month divided by its centred 12-month moving average, averaged per calendar
     month and scaled to mean 1 (with fewer than 24 earlier months, the plain calendar-month
     means). Without 12 earlier months there is no detection.
  4. Each series' expected visits a working day in a candidate month = the mean of its
     seasonally adjusted visits a working day in the reference window x that month's seasonal
     index; its ratio = actual / expected.
  5. A month falls short when nearly all series are below expectation (share below >=
     `share_below`) and the median ratio is below `max_ratio`. Lagging registration hits every
     hospital, sector and visit type at once; a planned reduction at a few hospitals, a normal
     December (the seasonal index expects it) or noise does not move nearly all series together.
  6. Late registration or a genuine fall? Registration lags in every sector; the decision cuts
     only in `target_sectors` (somatic care). Where the reference window lies before the
     decision's effect (a decision in or just before the window), a month that falls short is
     incomplete only if the series of the other sectors (psychiatry) fall short too, and alike:
     their total ratio below `max_ratio`, and each sector group's shortfall at least
     CONTROL_SHARE (60%) of the other's (totals, actual over expected; the target sectors'
     shortfall counted beyond a genuine fall already found in an earlier month). Otherwise it
     is a genuine fall ("fall") and counts. With no other sector in the data the two cannot be
     told apart: the month is left out as incomplete, and the report says so ("unclear").
  7. Incomplete months are a suffix: walk back from the last month and stop at the first month
     that is not incomplete. The month right before an incomplete one is judged by a looser rule
     (NEXT_TO_LAG: 70% of the series below and a median ratio below 0.985): registration is
     least complete in the newest month, so a 95% registered month before an 80% one is expected.
A given `complete_through` overrides detection.

What detection cannot see (`Completeness.unseen`): a month whose registration lags by less than
about twice the month-to-month noise of the region's total is not told from ordinary variation.
The noise is the spread of the reference window's months, each against the mean of the others
(leave one out, so a month does not set its own expectation); the reports say so where it
reaches UNSEEN_SHOWN, for a lag the size of a month's noise biases the saving a year now upward.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from itertools import groupby

import numpy as np
import pandas as pd

from analysis.base import labels as L
from analysis.base import schema as s
from analysis.base.workdays import working_days

SERIES_KEYS = (s.HOSPITAL, s.SECTOR, s.VISIT_TYPE)
EVIDENCE_COLUMNS = ["month", "series", "share_below", "median_ratio", "total_ratio", "target_ratio",
                    "control_ratio", "verdict", "incomplete"]
CONTROL_SHARE = 0.6  # late registration: the other sectors fall short by this share of the target sectors' at least
RAMP_MONTHS = 2  # months after the decision before its effect is taken as in place
MIN_REFERENCE = 3  # fewest months after the ramp for a reference window that holds the decision
VERDICTS = ("complete", "incomplete", "fall", "unclear")
NEXT_TO_LAG = (0.7, 0.985)  # share of series below and median ratio that mark the month before a lagging one
UNSEEN_SHOWN = 0.05  # a lag detection cannot see is said where it may reach this share of a month


@dataclass(frozen=True)
class Completeness:
    """Which final months of the data are incomplete, how that was decided and the evidence."""

    incomplete: tuple[pd.Timestamp, ...]  # first day of each incomplete month, ascending; empty when all complete
    how: str  # "given" (complete_through), "detected" or "none"
    complete_through: pd.Timestamp | None  # first day of the last complete month
    evidence: pd.DataFrame  # per final month checked: EVIDENCE_COLUMNS (verdict: one of VERDICTS)
    noise: float = float("nan")  # sd of the region's monthly total against its expectation (detection only)

    @property
    def unseen(self) -> float:
        """The shortfall of a month's registration that detection would not tell from ordinary
        variation: twice the noise of the region's monthly total (NaN where nothing was detected
        from the data)."""
        return 2 * self.noise

    @property
    def unclear(self) -> tuple[pd.Timestamp, ...]:
        """Incomplete months that may as well be a genuine fall (no other sector to tell)."""
        return self._months("unclear")

    @property
    def fallen(self) -> tuple[pd.Timestamp, ...]:
        """Months that fell short in the target sectors only: a genuine fall, kept."""
        return self._months("fall")

    def _months(self, verdict: str) -> tuple[pd.Timestamp, ...]:
        if self.evidence.empty or "verdict" not in self.evidence:
            return ()
        ev = self.evidence
        if verdict == "unclear":
            ev = ev[ev["incomplete"]]
        return tuple(ev.loc[ev["verdict"] == verdict, "month"])


def parse_month(text: str) -> pd.Timestamp:
    """The first day of the month of "YYYY-MM" or "YYYY-MM-DD" (any day); ValueError otherwise."""
    value = str(text).strip()
    try:
        if not re.fullmatch(r"\d{4}-\d{2}(-\d{2})?", value):
            raise ValueError
        when = pd.Timestamp(value if len(value) == 10 else f"{value}-01")
    except ValueError:
        raise ValueError(f"complete_through {text!r} is not a month (YYYY-MM or YYYY-MM-DD)") from None
    return when.to_period("M").to_timestamp()


def _months(monthly: pd.DataFrame) -> pd.DatetimeIndex:
    m = pd.to_datetime(monthly[s.MONTH])
    return pd.date_range(m.min(), m.max(), freq="MS")


def _series_table(monthly: pd.DataFrame) -> pd.DataFrame:
    """Visits per month (rows, every month from first to last) x large series (columns), zero-filled."""
    m = monthly.assign(**{s.MONTH: pd.to_datetime(monthly[s.MONTH])})
    keys = [k for k in SERIES_KEYS if k in m.columns]
    wide = m.groupby([s.MONTH, *keys], observed=True)[s.VISITS].sum().unstack(keys, fill_value=0)
    return wide.reindex(_months(monthly), fill_value=0).fillna(0)


def seasonal_index(total: pd.Series) -> pd.Series | None:
    """Month-of-year index (1..12 -> factor, mean 1) of a monthly total indexed by month start:
    each month over its centred 12-month moving average (2x12), averaged per calendar month;
    with fewer than 24 months, the plain calendar-month means; None with fewer than 12."""
    if len(total) < 12:
        return None
    if len(total) >= 24:
        centred = total.rolling(12, center=True).mean().rolling(2).mean().shift(-1)
        ratio = (total / centred).dropna()
        by_month = ratio.groupby(ratio.index.month).mean()
    else:
        by_month = total.groupby(total.index.month).mean()
    if len(by_month) < 12 or not np.isfinite(by_month).all() or (by_month <= 0).any():
        return None
    return by_month / by_month.mean()


def _none(last: pd.Timestamp | None, evidence: pd.DataFrame | None = None) -> Completeness:
    return Completeness((), "none", last, pd.DataFrame(columns=EVIDENCE_COLUMNS) if evidence is None else evidence)


def assess(monthly: pd.DataFrame, complete_through: str = "", max_months: int = 3, reference: int = 6,
           share_below: float = 0.8, max_ratio: float = 0.97, min_visits: float = 20,
           min_series: int = 3, decision_date: str = "", target_sectors: tuple[str, ...] = ("somatic",)
           ) -> Completeness:
    """Which final months of `monthly` (Aggregates.monthly) are incompletely registered.

    A non-empty `complete_through` ("YYYY-MM" or "YYYY-MM-DD", any day of the last complete
    month) is taken as given: the months after it are incomplete. It must lie within the
    data's months (ValueError otherwise). Empty: detect from the data as the module describes
    (at most the last `max_months` months; `min_series` large series are needed), told apart
    from a genuine fall in `target_sectors` after `decision_date` (YYYY-MM-DD; empty: none).
    """
    if monthly.empty:  # nothing to leave out (a month given must still be one)
        if str(complete_through).strip():
            parse_month(complete_through)
        return _none(None)
    months = _months(monthly)
    first, last = months[0], months[-1]
    if str(complete_through).strip():
        when = parse_month(complete_through)
        if not first <= when <= last:
            raise ValueError(f"complete_through {complete_through!r} is outside the months in the data "
                             f"({first:%Y-%m} to {last:%Y-%m})")
        return Completeness(tuple(months[months > when]), "given", when, pd.DataFrame(columns=EVIDENCE_COLUMNS))

    wide = _series_table(monthly)
    wide = wide.div(working_days(wide.index), axis=0)  # visits a working day
    n_check = min(max_months, len(months) - 12 - 3)  # keep a year and a short window before them
    if n_check < 1:
        return _none(last)
    earlier = wide.iloc[:-n_check]
    season = seasonal_index(earlier.sum(axis=1))
    if season is None:
        return _none(last)
    adjusted = earlier.div(earlier.index.month.map(season).to_numpy(), axis=0)
    window, fresh = _reference(adjusted.index, last, reference, decision_date)
    level = adjusted.loc[window].mean()
    big = adjusted.loc[window].mul(working_days(window), axis=0).mean() >= min_visits
    level = level[big & (level > 0)]
    if len(level) < min_series:
        return _none(last)
    noise = _noise(adjusted.loc[window, level.index])
    sectors = level.index.get_level_values(s.SECTOR) if s.SECTOR in (level.index.names or []) else None
    target = np.isin(sectors, list(target_sectors)) if sectors is not None else np.ones(len(level), dtype=bool)
    rows = []
    for month in wide.index[-n_check:]:
        expected = level * season[month.month]
        actual = wide.loc[month, level.index]
        ratio = actual / expected
        row = {"month": month, "series": len(level), "share_below": float((ratio < 1).mean()),
               "median_ratio": float(ratio.median()), "total_ratio": float(actual.sum() / expected.sum()),
               "target_ratio": float(actual[target].sum() / expected[target].sum()) if target.any() else np.nan,
               "control_ratio": float(actual[~target].sum() / expected[~target].sum()) if (~target).any() else np.nan}
        # a genuine fall already seen in an earlier month is the level the target sectors stand at
        falls = [r["target_ratio"] for r in rows if r["verdict"] == "fall"]
        row["fall_level"] = float(np.median(falls)) if falls else 1.0
        short = row["share_below"] >= share_below and row["median_ratio"] < max_ratio
        row["verdict"] = _verdict(short, fresh, row, max_ratio)
        rows.append(row)
    evidence = pd.DataFrame(rows).drop(columns="fall_level")
    # walk back from the last month: a month right before an incomplete one is judged by the
    # looser NEXT_TO_LAG rule (registration is least complete in the newest month, so the month
    # before a lagging one lags a little too); incomplete only while every later month is too
    verdicts = evidence["verdict"].tolist()
    lagging = True
    for i in range(len(rows) - 1, -1, -1):
        row = rows[i]
        if lagging and verdicts[i] in ("complete", "fall") and i < len(rows) - 1:
            short = (row["share_below"] >= NEXT_TO_LAG[0] and row["median_ratio"] < NEXT_TO_LAG[1])
            verdicts[i] = _verdict(short, fresh, row, NEXT_TO_LAG[1])
        lagging = lagging and verdicts[i] in ("incomplete", "unclear")
        if not lagging and verdicts[i] in ("incomplete", "unclear"):
            verdicts[i] = "complete"  # a dip before a complete month
    evidence["verdict"] = verdicts
    evidence["incomplete"] = evidence["verdict"].isin(["incomplete", "unclear"])
    incomplete = tuple(evidence.loc[evidence["incomplete"], "month"])
    if not incomplete:
        return Completeness((), "none", last, evidence, noise)
    return Completeness(incomplete, "detected", incomplete[0] - pd.DateOffset(months=1), evidence, noise)


def _noise(window: pd.DataFrame) -> float:
    """The sd of the reference window's months' totals (seasonally adjusted visits a working day,
    months x series), each against the mean of the other months; NaN with fewer than 3 months."""
    if len(window) < 3:
        return float("nan")
    total = window.sum(axis=1).to_numpy()
    others = (total.sum() - total) / (len(total) - 1)
    return float(np.std(total / others, ddof=1))


def _reference(before: pd.DatetimeIndex, last: pd.Timestamp, reference: int,
               decision_date: str) -> tuple[pd.DatetimeIndex, bool]:
    """The reference window (the last `reference` months of `before`, the months before the
    candidates) and whether the decision's effect may be missing from it (fresh). With a decision
    in or before the data, the window holds only months from RAMP_MONTHS after it when at least
    MIN_REFERENCE such months are there; otherwise the decision is fresh."""
    window = before[-reference:]
    if not str(decision_date).strip():
        return window, False
    decided = pd.Timestamp(decision_date).to_period("M").to_timestamp()
    if decided > last:
        return window, False
    settled = before[before >= decided + pd.DateOffset(months=RAMP_MONTHS)]
    if len(settled) >= MIN_REFERENCE:
        return settled[-reference:], False
    return window, True


def _verdict(short: bool, fresh: bool, row: dict, max_ratio: float) -> str:
    """complete, incomplete (late registration), fall (a genuine fall in the target sectors)
    or unclear (fell short, and no other sector to tell)."""
    if not short:
        return "complete"
    if not fresh:
        return "incomplete"
    control, target = row["control_ratio"], row["target_ratio"]
    if np.isnan(control):
        return "unclear"
    if np.isnan(target):
        return "incomplete"
    # late registration takes the same share of every sector: the other sectors' shortfall and
    # the target sectors' shortfall beyond a fall already seen (fall_level) must be alike
    behind_control, behind_target = 1 - control, 1 - target / row.get("fall_level", 1.0)
    lagging = (control < max_ratio and behind_control >= CONTROL_SHARE * behind_target
               and behind_target >= CONTROL_SHARE * behind_control)
    return "incomplete" if lagging else "fall"


def complete_only(monthly: pd.DataFrame, c: Completeness) -> pd.DataFrame:
    """The rows of `monthly` in complete months (all rows when none is incomplete)."""
    if not c.incomplete:
        return monthly
    return monthly[~pd.to_datetime(monthly[s.MONTH]).isin(pd.DatetimeIndex(c.incomplete))]


def month_names(months: tuple[pd.Timestamp, ...] | list[pd.Timestamp], lang: str) -> str:
    """Months as prose, each year named once after its months: da "november og december 2025",
    "december 2025 og januar 2026"; en "November and December 2025"."""
    parts = []
    for year, group in groupby(sorted(months), key=lambda m: m.year):
        names = [L.t(f"lag_month_{m.month}", lang) for m in group]
        parts.append(f"{L.names(names, lang)} {year}")
    return L.names(parts, lang)


def sentence(c: Completeness, lang: str) -> str:
    """What the report says about the last months: which are left out and why, and which fell
    genuinely ("" when nothing is to be said)."""
    parts = []
    if c.incomplete and c.how == "given":
        last = month_names([c.complete_through], lang)
        parts.append(L.t("lag_given", lang, months=month_names(c.incomplete, lang), last=last))
    elif c.incomplete:
        ev = c.evidence[c.evidence["incomplete"]]
        total = float(ev["total_ratio"].mean())  # the mean shortfall of the incomplete months' totals
        key = "lag_unclear" if c.unclear else "lag_detected"
        least = float(ev["share_below"].min())  # of the months: the smallest share of series below
        n = L.number(int(ev["series"].min()), lang)  # the large series the months were judged by
        share = L.t("lag_share_all", lang, n=n) if round(least, 2) >= 1 else L.t("lag_share_least", lang, n=n,
                                                                                 share=L.percent(least, lang, 0))
        parts.append(L.t(key, lang, months=month_names(c.incomplete, lang), below=L.percent(1 - total, lang, 0),
                         share=share))
    if c.fallen:
        ev = c.evidence[c.evidence["verdict"] == "fall"]
        parts.append(L.t("lag_fall", lang, months=month_names(c.fallen, lang),
                         below=L.percent(1 - float(ev["target_ratio"].mean()), lang, 0),
                         control=L.percent(abs(1 - float(ev["control_ratio"].mean())), lang, 0)))
    parts.append(unseen_sentence(c, lang))
    return " ".join(p for p in parts if p)


def unseen_sentence(c: Completeness, lang: str) -> str:
    """What detection cannot see, where it may reach UNSEEN_SHOWN of a month ("" otherwise, and
    where the months were given or nothing was detected from the data)."""
    if c.how != "given" and c.unseen >= UNSEEN_SHOWN:  # a NaN compares False
        return L.t("lag_unseen", lang, unseen=L.percent(c.unseen, lang, 0))
    return ""
