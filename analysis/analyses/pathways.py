"""Patient pathways: do follow-ups run "on automatic" (fixed calendar intervals) or by need, and
which patients use outpatient care in which way ("fra automatik til behovsstyret").

Everything is computed in the engine (Ibis over DuckDB on the staged visits, or an in-memory
table); only small aggregates come back to pandas.

Method. The visits of a patient in one hospital x specialty are taken day by day (several
visits of the same day are one day: a day is a *follow-up day* when it has a follow-up). The
*interval* of a follow-up day is the number of days since the patient's previous follow-up day
in that hospital x specialty (a window lag over patient, hospital, specialty ordered by date),
whatever visits lie between them: a blood test a week before each six-monthly control is part of
the calendar pattern, not a break in it. A *run* (for the long stable series) is a series of
follow-up days with no assessment, treatment or minor procedure of the same hospital x
specialty after the previous follow-up day and up to the current one (such a visit may mean the
need has changed, and starts a new run); a sample, such as a blood test, does not break it.
An interval is *calendar-like* when it lies within `tolerance` days (default 14) of one of the
`targets` (default 91, 182 and 365 days: booked every 3, 6 or 12 months), else *irregular*.

Chance. Windows of 2 x 14 days around three targets take in some intervals whatever the
booking: 87 of the 341 days from 60 to 400. The *chance share* is what the windows would catch
were the unit's own intervals spread smoothly across them: a curve through what the same windows
catch moved their own width (29 days) once and twice earlier and later, the four bands beside
each window, read at the window (a least-squares parabola through four equally spaced points:
(4 (b-1 + b+1) - (b-2 + b+2)) / 6, exact for any quadratic curve of interval lengths). A straight
line through the two nearest bands alone (their mean) overstates chance where the curve bends
up, as it does where short intervals are many: on the synthetic region the specialties without
calendar booking had 0.96 of it in their windows (median; 1.02 of the parabola's), and in a
simulation of smooth, clustered intervals 1.04 (1.02). A share well above its chance share is
the calendar; near it, it is not.

Norms. Specialties book follow-ups differently (an eye clinic may see its patients yearly by
design), so each unit is compared with its own specialty's norm at its *other* hospitals (its
peers), not with one pooled share: observed calendar-like intervals O against expected E = the
unit's own chance-like intervals x its peers' calendar-like over chance-like intervals. The
unit's chance-like intervals carry its own interval lengths (a unit seeing its patients every 5-7
months has more near 182 days whatever its booking), the peers' ratio the specialty's habit: the
pooled share, or the specialty's share alone, would flag units whose intervals only lie nearer
the windows. The unit is left out of its own norm: in it, a unit booking by the calendar raises
the norm and makes its peers look low (with four peers, by a quarter). A unit with no peer has no
norm and is not judged.

Uncertainty. E is not fixed: it rests on the unit's own moved-window counts and on its peers'
counts. On the log scale, var log(O/E) = D/E + D V/C^2 + sum over peers of D_p L_p / L^2 + D_p V_p
/ C^2 (delta method; V chance_like's Poisson variance; L, C the peers' sums),
D a unit's design effect (design_effects: a patient's intervals count as one booking). The funnel
is FunnelPlotR's ratio of counts (funnel kind "ratio_counts", Spiegelhalter 2005) on effective
counts O/D and E/D with N the effective count of the norm's part (1 / the peers' and own-window
terms), so a unit's limits widen where its norm rests on few intervals; the dispersion is taken
over all units with a norm. A specialty's own habit shows in its share against its chance share
(specialty_calendar), not as flagged units.
"""
from __future__ import annotations

from dataclasses import asdict, dataclass
from functools import reduce
from typing import TYPE_CHECKING

import numpy as np
import pandas as pd

from analysis.base import labels as L
from analysis.base import schema as s
from analysis.base.privacy import SUPPRESSED, THRESHOLD, is_small
from analysis.engine.intervals import (  # the follow-up days and intervals, as the engine also queries them
    DAYS,
    FOLLOW_UP,
    INTERVALS,
    PATIENT_INTERVALS,
    UNIT,
    count_where,
    follow_up_days,
    interval_table,
    visits_in,
)
from analysis.inputs import tariffs
from analysis.stats import funnel as fn

if TYPE_CHECKING:
    import ibis

TARGET_DAYS = (91, 182, 365)  # every 3, 6 and 12 months
TOLERANCE_DAYS = 14
DAYS_PER_MONTH = 365.25 / 12
DAYS_PER_YEAR = 365.25
CALENDAR_LIKE = "calendar_like"
SHARE = "share"
CHANCE = "chance_like"  # intervals the windows would catch by chance (the parabola through the moved windows)
CHANCE_VAR = "chance_var"  # the Poisson variance of chance_like: the moved windows' counts times their weights squared
# the moved windows (in window widths) and their weights in chance_like: a parabola through them read at 0
CHANCE_BANDS = {-2: -1 / 6, -1: 4 / 6, 1: 4 / 6, 2: -1 / 6}
BEYOND_CHANCE = "calendar_beyond_chance"  # calendar-like intervals beyond chance where the excess is more than noise
# How far a unit's calendar-like intervals must lie above its chance ones, in standard errors, for
# the excess to count as booked by the calendar (one-sided 95%): summing every unit's positive
# excess would count noise (units at chance are above it half the time)
BEYOND_Z = 1.644854
CHANCE_SHARE = "chance_share"
NORM = "specialty_share"  # the calendar-like share of the unit's specialty at its other hospitals (its peers)
OBSERVED, EXPECTED = "observed", "expected"  # calendar-like intervals, and those the specialty's norm expects
DESIGN_EFFECT = "design_effect"  # how a unit's intervals cluster within its patients (design_effects)
EFFECTIVE_OBSERVED, EFFECTIVE_EXPECTED = "observed_effective", "expected_effective"  # both over the design effect
NORM_COUNT = "norm_effective"  # the effective count the norm's part of E rests on (funnel kind ratio_counts' N)
PRECISION = "precision"  # 1 / var log(O/E) under the norm: where a unit sits on the funnel's axis
SEGMENT = "segment"
# A specialty whose calendar-like share exceeds its chance share by this much (0-1) books by the
# calendar as a habit, and its council is asked about it (ASSUMPTION: well beyond the spread of
# specialties booking at random, at most 4 percentage points on the synthetic region)
HABIT_MARGIN = 0.10


def calendar_like(days: ibis.Value | pd.Series, targets: tuple[int, ...] = TARGET_DAYS,
                  tolerance: int = TOLERANCE_DAYS) -> ibis.Value | pd.Series:
    """True where an interval (days; an Ibis column or a pandas Series) lies within `tolerance`
    days of one of `targets` (both edges included)."""
    return reduce(lambda a, b: a | b, [(days - t).abs() <= tolerance for t in targets])


def _selected(histogram: pd.DataFrame, year: int | None, sectors: tuple[str, ...] | None) -> pd.DataFrame:
    """The histogram's rows of `year` (None: all) and `sectors` (None or empty: all)."""
    h = histogram if year is None else histogram[histogram[s.YEAR] == year]
    return h[h[s.SECTOR].isin(list(sectors))] if sectors else h


def intervals_of(histogram: pd.DataFrame, year: int | None = None,
                 sectors: tuple[str, ...] | None = None) -> pd.DataFrame:
    """hospital x specialty x days -> intervals from interval_table's histogram (the intervals
    aggregate): `year` only those ending in that year, `sectors` only those sectors."""
    h = _selected(histogram, year, sectors)
    out = h.groupby([*UNIT, DAYS], observed=True, sort=True)[INTERVALS].sum().reset_index()
    for k in UNIT:
        out[k] = out[k].astype(object)
    out[DAYS] = out[DAYS].astype("int64")
    out[INTERVALS] = out[INTERVALS].astype("int64")
    return out


def design_effects(histogram: pd.DataFrame, year: int | None = None,
                   sectors: tuple[str, ...] | None = None) -> pd.Series:
    """Each hospital x specialty's design effect D = sum(m^2) / sum(m), m a patient's intervals in
    the unit in the year, from interval_table's histogram (sum(intervals x m) / sum(intervals));
    `year` and `sectors` as intervals_of. A patient's follow-ups are booked alike, so his intervals
    are calendar-like together: the calendar-like count varies D times as much as independent
    intervals would (as 09 counts a patient's visits; Kish 1965). 1 where each patient has one
    interval."""
    h = _selected(histogram, year, sectors)
    h = h.assign(_sq=h[INTERVALS] * h[PATIENT_INTERVALS])
    sums = h.groupby(UNIT, observed=True)[[INTERVALS, "_sq"]].sum()
    return (sums["_sq"] / sums[INTERVALS]).clip(lower=1.0).rename(DESIGN_EFFECT)


def follow_up_intervals(con: ibis.BaseBackend, t: ibis.Table, year: int | None = None,
                        sectors: tuple[str, ...] | None = None) -> pd.DataFrame:
    """intervals_of the histogram of the visits `t` (interval_table, executed by `con`)."""
    return intervals_of(con.execute(interval_table(t)), year, sectors)


def chance_shift(tolerance: int = TOLERANCE_DAYS) -> int:
    """Days the windows move for the chance share: their own width, 2 x tolerance + 1 (both edges
    included), so the moved windows are the bands right before and after each window."""
    return 2 * tolerance + 1


def calendar_share(intervals: pd.DataFrame, targets: tuple[int, ...] = TARGET_DAYS,
                   tolerance: int = TOLERANCE_DAYS) -> pd.DataFrame:
    """Per hospital x specialty from follow_up_intervals' histogram: intervals, calendar_like
    (those within `tolerance` days of a target), share = calendar_like / intervals, and the
    chance baseline (module docstring): chance_like, the intervals within `tolerance` days of the
    targets moved once and twice chance_shift(tolerance) days earlier and later, weighted by
    CHANCE_BANDS (0 at least), its Poisson variance chance_var, and chance_share = chance_like /
    intervals; calendar_beyond_chance = calendar_like - chance_like where that excess is more
    than BEYOND_Z standard errors (Poisson: calendar_like + chance_var), else 0: the intervals
    booked by the calendar rather than landing in a window by chance (03's measure of
    calendar-booked follow-ups). The frame funnel.funnel takes with kind "proportion" (see
    calendar_funnel)."""
    days, n = intervals[DAYS], intervals[INTERVALS]
    w = chance_shift(tolerance)
    bands = {k: n.where(calendar_like(days, tuple(t + k * w for t in targets), tolerance), 0) for k in CHANCE_BANDS}
    iv = intervals.assign(**{
        CALENDAR_LIKE: n.where(calendar_like(days, targets, tolerance), 0),
        CHANCE: sum(c * bands[k] for k, c in CHANCE_BANDS.items()),
        CHANCE_VAR: sum(c ** 2 * bands[k] for k, c in CHANCE_BANDS.items())})
    out = iv.groupby(UNIT, observed=True, sort=True)[[INTERVALS, CALENDAR_LIKE, CHANCE, CHANCE_VAR]].sum().reset_index()
    out[CHANCE] = out[CHANCE].clip(lower=0)  # a parabola bending down fast may fall below 0
    out[SHARE] = out[CALENDAR_LIKE] / out[INTERVALS]
    out[CHANCE_SHARE] = out[CHANCE] / out[INTERVALS]
    excess = out[CALENDAR_LIKE] - out[CHANCE]
    noise = (out[CALENDAR_LIKE] + out[CHANCE_VAR]) ** 0.5
    out[BEYOND_CHANCE] = excess.where(excess > BEYOND_Z * noise, 0.0)
    return out


def shown_chance_share(shares: pd.DataFrame) -> pd.Series:
    """calendar_share's chance_share as a page may show it: blank (NaN) where it rests on 1-4
    intervals in the moved windows, which it would give away with the intervals beside it."""
    return shares[CHANCE_SHARE].where(~is_small(shares[CHANCE].round()))


def calendar_fact(shares: pd.DataFrame, year: int, sectors: tuple[str, ...] | list[str],
                  targets: tuple[int, ...] = TARGET_DAYS, tolerance: int = TOLERANCE_DAYS,
                  clearly: pd.DataFrame | None = None, hospital: str | None = None) -> tuple[str, dict]:
    """The calendar-booked follow-ups a page counts (calendar_share's frame), for the run's check
    that the pages reconcile (identities.py): 03's idea measured on them takes its share of the
    same follow-ups 08 reports, unit by unit, where both counted alike (year, targets, tolerance);
    with `clearly` (08 and 05: the units clearly above their specialty's norm, Calendar.clearly), a
    hospital's page (`hospital`) names the units 08 names for it."""
    units = {f"{h}|{sp}": [int(c), int(n)]
             for h, sp, c, n in zip(shares[s.HOSPITAL], shares[s.SPECIALTY], shares[CALENDAR_LIKE], shares[INTERVALS])}
    value = {"parameters": {"year": int(year), "targets": [int(t) for t in targets], "tolerance": int(tolerance)},
             "sectors": sorted(map(str, sectors)), "units": units}
    if clearly is not None:
        value["clearly"] = sorted(f"{h}|{sp}" for h, sp in zip(clearly[s.HOSPITAL], clearly[s.SPECIALTY]))
    if hospital is not None:
        value["hospital"] = hospital
    return "calendar", value


@dataclass
class Calendar:
    """08's finding on calendar-booked follow-ups: calendar_share's frame (shares), its funnel
    (calendar_funnel's table and dispersion) and the units above the upper limits (high)."""

    shares: pd.DataFrame
    funnel: pd.DataFrame
    dispersion: fn.Dispersion
    high: pd.DataFrame

    @property
    def rho(self) -> float:
        """How alike a patient's intervals were taken to be (calendar_funnel, clustering)."""
        return float(self.funnel["rho"].iloc[0]) if len(self.funnel) else 1.0

    @property
    def judged(self) -> int:
        """The units with a norm (funnel classes other than no_data)."""
        return int((self.funnel["class"] != "no_data").sum())

    @property
    def possibly_by_chance(self) -> float:
        """The units expected above the 95% limit by chance alone: each unit at its norm lies
        there with probability 2.5% (one side of the two-sided limits)."""
        return self.judged * (1 - 0.95) / 2

    @property
    def alone(self) -> pd.DataFrame:
        """The units with no norm because no other hospital has intervals in their specialty."""
        return self.funnel[self.funnel.groupby(s.SPECIALTY, observed=True)[s.HOSPITAL].transform("size") == 1]

    def region_share(self, column: str = CALENDAR_LIKE) -> float:
        """The region's share of its follow-up intervals counted in `column` of shares
        (calendar_like, chance_like or calendar_beyond_chance)."""
        return float(self.shares[column].sum() / self.shares[INTERVALS].sum())

    @property
    def clearly(self) -> pd.DataFrame:
        """The units clearly above their specialty's norm (beyond the 99.8% limit)."""
        return self.high[self.high["class"] == "high_998"]


def hospital_calendar(cal: Calendar, hospital: str, year: int, lang: str) -> list[str]:
    """05's account of 08's finding for one hospital, in `lang`: the share of its follow-up
    intervals in `year` that are calendar-like against the region's, then each of its units
    clearly above its specialty's norm (08's sentence) or that none is. Empty when the hospital
    has no follow-up intervals."""
    own = cal.shares[cal.shares[s.HOSPITAL] == hospital]
    n, like = own[INTERVALS].sum(), own[CALENDAR_LIKE].sum()
    if own.empty or n < THRESHOLD:  # none, or so few that the share would give the counts away
        return []
    region = cal.region_share()
    share = SUPPRESSED if is_small(like) else L.percent(like / n, lang)  # a share that would give a 1-4 away
    out = [L.t("hosp_calendar_text", lang, year=year, intervals=L.number(n, lang), share=share,
               region=L.percent(region, lang))]
    clearly = cal.clearly[cal.clearly[s.HOSPITAL] == hospital]
    out += [calendar_sentence(r, lang) for _, r in clearly.iterrows()]
    if clearly.empty:
        out.append(L.t("hosp_calendar_none", lang))
    return out


def calendar_sentence(row: pd.Series, lang: str) -> str:
    """08's (and 05's) sentence on a unit of Calendar.clearly: its share against the share its
    specialty's norm expects (expected / intervals), its specialty's share and the share expected
    without calendar booking."""
    return L.t("pw_calendar_high", lang, unit=f"{row[s.HOSPITAL]}, {row[s.SPECIALTY]}",
               share=L.percent(row[SHARE], lang), norm=L.percent(row[NORM], lang), specialty=row[s.SPECIALTY],
               expected=L.percent(row[EXPECTED] / row[INTERVALS], lang), intervals=L.number(row[INTERVALS], lang),
               chance=L.percent(row[CHANCE_SHARE], lang))


def calendar(histogram: pd.DataFrame, year: int, sectors: tuple[str, ...],
             targets: tuple[int, ...] = TARGET_DAYS, tolerance: int = TOLERANCE_DAYS) -> Calendar:
    """Calendar-booked follow-ups of `year` and `sectors` from the interval histogram
    (Aggregates.intervals): each hospital x specialty against its specialty's norm in a
    funnel (see calendar_share, calendar_funnel); 08 shows it all, 05 one hospital's, 10 one
    specialty's."""
    shares = calendar_share(intervals_of(histogram, year, sectors), targets, tolerance)
    funnel, dispersion = calendar_funnel(shares, design_effects(histogram, year, sectors))
    return Calendar(shares, funnel, dispersion, above_limits(funnel))


def _aligned(design: pd.Series | None, units: pd.DataFrame) -> pd.Series:
    """design_effects' series on the rows of `units` (hospital, specialty), 1 where None or missing."""
    if design is None:
        return pd.Series(1.0, index=units.index)
    return pd.Series(design.reindex(pd.MultiIndex.from_frame(units[UNIT])).to_numpy(), index=units.index).fillna(1.0)


def with_norm(shares: pd.DataFrame, design: pd.Series | None = None, rho: float = 1.0,
              outside: pd.Series | None = None) -> pd.DataFrame:
    """calendar_share's frame with each unit's norm from its peers, the specialty's other
    hospitals (module docstring): specialty_share (the peers' calendar-like over their
    intervals), observed (calendar_like), expected (the unit's own chance_like times the peers'
    calendar_like over chance_like), the unit's design_effect 1 + rho (D - 1) (D from `design`,
    design_effects, 1 where None or missing; `rho` the correlation of a patient's intervals, 1:
    all alike, see clustering), observed_effective and expected_effective (both over it), norm_effective
    (the effective count the rest of var log(O/E) rests on: 1 / (D V/C^2 + the peers' terms)) and
    precision (1 / var log(O/E) at O = E). `outside` (boolean, on shares' rows): units left out of
    their peers' norms (calendar_funnel: those clearly above theirs). A unit with fewer than
    MIN_OWN_CHANCE chance-like intervals cannot carry its own interval lengths (a unit booking
    nearly all its follow-ups by the calendar has none beside the windows): it is expected its
    intervals times its peers' share, with the peers' calendar-like count's variance. NaN where a
    unit has no peer or its peers no chance-like interval: it has no norm."""

    d = 1 + rho * (_aligned(design, shares) - 1)
    cols = [INTERVALS, CALENDAR_LIKE, CHANCE, "_dl", "_dc"]
    t = shares.assign(_dl=d * shares[CALENDAR_LIKE], _dc=d * shares[CHANCE_VAR])[[s.SPECIALTY, *cols]]
    # units set no norm for their peers where they are `outside` or have too few chance-like
    # intervals to balance their calendar-like ones in the peers' ratio
    skip = (shares[CHANCE] < MIN_OWN_CHANCE).to_numpy() | (False if outside is None else outside.to_numpy(dtype=bool))
    t.loc[skip, cols] = 0
    total = t.groupby(s.SPECIALTY, observed=True)[cols].transform("sum")
    peers = total - t[cols]  # the specialty's sums without the unit
    with np.errstate(divide="ignore", invalid="ignore"):
        has = (peers[INTERVALS] > 0) & (peers[CHANCE] > 0)
        habit = (peers[CALENDAR_LIKE] / peers[CHANCE]).where(has)
        norm = (peers[CALENDAR_LIKE] / peers[INTERVALS]).where(has)
        own = shares[CHANCE] >= MIN_OWN_CHANCE  # enough beside the windows to carry its own interval lengths
        expected = (shares[CHANCE] * habit).where(own, shares[INTERVALS] * norm)
        norm_var = (peers["_dl"] / peers[CALENDAR_LIKE] ** 2
                    + (d * shares[CHANCE_VAR] / shares[CHANCE] ** 2 + peers["_dc"] / peers[CHANCE] ** 2).where(own, 0))
        norm_count = (1 / norm_var).where(has & (expected > 0))
        precision = 1 / (d / expected + 1 / norm_count)
    return shares.assign(**{
        NORM: norm, OBSERVED: shares[CALENDAR_LIKE],
        EXPECTED: expected, DESIGN_EFFECT: d, EFFECTIVE_OBSERVED: shares[CALENDAR_LIKE] / d,
        EFFECTIVE_EXPECTED: expected / d, NORM_COUNT: norm_count, PRECISION: precision.where(norm_count > 0)})


# A unit with fewer chance-like intervals than this is expected its peers' share of its intervals
# (with_norm): too few beside the windows to tell its own interval lengths (ASSUMPTION: the count
# below which the page hides a count)
MIN_OWN_CHANCE = THRESHOLD
# Fewer units with a norm than this, and a patient's intervals are taken as all alike (rho = 1):
# the spread of a handful of units says little of how alike they are (ASSUMPTION)
MIN_UNITS_FOR_CLUSTERING = 10


def _robust_scale(z: pd.Series) -> float:
    """The spread of z-scores around 0 that a minority of outliers does not move: the median
    absolute z over 0.6745, its value for a standard normal (Hampel's median absolute deviation
    about the target)."""
    z = z[np.isfinite(z)]
    return float(np.median(np.abs(z)) / 0.6744898) if len(z) else 1.0


def clustering(shares: pd.DataFrame, design: pd.Series | None, outside: pd.Series | None = None) -> float:
    """rho (0-1): how alike a patient's intervals are in landing in the windows, from how far the
    units of a region spread around their norms. A patient's m intervals inflate the variance of
    a unit's count by 1 + rho (m_w - 1) (Kish's design effect with intracluster correlation rho;
    design_effects gives D = m_w at rho = 1; `outside` as with_norm). rho is the smallest value at
    which the units' z-scores of log(O/E) have a robust spread (_robust_scale) of 1, so units differ as much as their
    clustered counts allow and the units booking by the calendar, a minority, do not count (a
    method of moments, as the multiplicative overdispersion of Spiegelhalter 2005, the inflation
    shared out by each unit's design effect). 1 where fewer than MIN_UNITS_FOR_CLUSTERING units have
    a norm or their spread needs the full D; 0 where they spread less than independent intervals
    would. Checked by simulation (tests/test_pathways: false signals on clustered data without a
    calendar)."""

    def scale(rho: float) -> float:
        t = with_norm(shares, design, rho, outside)
        ok = (t[OBSERVED] > 0) & (t[PRECISION] > 0)
        return _robust_scale(np.log(t.loc[ok, OBSERVED] / t.loc[ok, EXPECTED]) * np.sqrt(t.loc[ok, PRECISION]))

    ok = with_norm(shares, design, 1.0, outside)[PRECISION].gt(0) & shares[CALENDAR_LIKE].gt(0)
    if design is None or ok.sum() < MIN_UNITS_FOR_CLUSTERING or scale(1.0) > 1:
        return 1.0
    if scale(0.0) <= 1:
        return 0.0
    lo, hi = 0.0, 1.0
    for _ in range(30):  # bisection: the spread falls as rho rises
        mid = (lo + hi) / 2
        lo, hi = (mid, hi) if scale(mid) > 1 else (lo, mid)
    return hi


def robust_dispersion(t: pd.DataFrame, method: str = "additive") -> fn.Dispersion:
    """The overdispersion of with_norm's units, phi the square of their z-scores' robust spread
    (_robust_scale: a minority far from their norms does not move it; 1 for z-scores of pure
    chance) and tau^2 from it as funnel.dispersion_of takes it (DerSimonian-Laird), over the units
    with a calendar-like interval and a norm."""
    ok = (t[OBSERVED] > 0) & (t[PRECISION] > 0)
    if ok.sum() < 2 or method == "none":
        return fn.Dispersion(1.0, 0.0, int(ok.sum()), "none")
    z = np.log(t.loc[ok, OBSERVED] / t.loc[ok, EXPECTED]) * np.sqrt(t.loc[ok, PRECISION])
    w = t.loc[ok, PRECISION].to_numpy(dtype=float)
    phi, n = _robust_scale(z) ** 2, int(ok.sum())
    denom = w.sum() - (w ** 2).sum() / w.sum()
    return fn.Dispersion(phi, max(0.0, (n * phi - (n - 1)) / denom) if denom > 0 else 0.0, n, method)


def calendar_funnel(shares: pd.DataFrame, design: pd.Series | None = None,
                    method: str = "additive", rho: float | None = None) -> tuple[pd.DataFrame, fn.Dispersion]:
    """Each hospital x specialty of calendar_share's frame against its peers' norm (with_norm;
    module docstring): funnel.funnel of kind "ratio_counts" (value: O/E, target 1) on the
    effective counts observed / D and expected / D with the norm's effective count, D the unit's
    design effect 1 + rho (m_w - 1) (`design`: design_effects' m_w; `rho`: None estimates it,
    clustering), so a patient's intervals count as far as they are alike and an uncertain norm
    widens the unit's limits. A unit without a norm is kept with class no_data. The dispersion
    (`method`, funnel's) comes from the units with a norm, phi as robust_dispersion estimates it, so
    that a unit far above its norm does not widen its own limits (with few units FunnelPlotR's 10%
    winsorising trims none). The units above their norm at 99.8% by chance alone (rho 0, no
    overdispersion) are first left out of their peers' norms: a unit booking by the calendar would
    otherwise raise its peers' norm and make them look low. Returns funnel's (table,
    dispersion); the table's rho column holds the rho used."""
    def judged(r: float, outside: pd.Series | None, od: str) -> tuple[pd.DataFrame, fn.Dispersion]:
        t = with_norm(shares, design, r, outside)
        return fn.funnel(t.assign(**{NORM_COUNT: t[NORM_COUNT].fillna(0.0)}), EFFECTIVE_OBSERVED, EFFECTIVE_EXPECTED,
                         kind="ratio_counts", method=od, counts=NORM_COUNT, disp=robust_dispersion(t, od))

    # first the units far above their norm by chance alone (no clustering, no overdispersion: a
    # unit booking by the calendar displaces its peers' norms too, so nothing estimated from their
    # spread can be trusted yet); then all again with those left out of their peers' norms
    first, _ = judged(0.0 if rho is None else rho, None, "none")
    outside = first["class"] == "high_998"
    r = clustering(shares, design, outside) if rho is None else rho
    out, disp = judged(r, outside, method)
    return out.assign(rho=r), disp


def specialty_calendar(shares: pd.DataFrame) -> pd.DataFrame:
    """Per specialty, all hospitals together, from calendar_share's frame: intervals,
    calendar_like, chance_like, share, chance_share and beyond_share = share - chance_share (0 at
    least), the specialty's own habit, largest beyond chance first; hospitals (its units),
    hospitals_above (those whose own share is above their chance share) and broad (above at most
    of its hospitals: a habit of the specialty, not of one unit that drives its share)."""
    cols = [INTERVALS, CALENDAR_LIKE, CHANCE]
    above = shares.assign(_above=shares[SHARE] > shares[CHANCE_SHARE])
    out = above.groupby(s.SPECIALTY, observed=True, sort=True).agg(
        **{c: (c, "sum") for c in cols}, hospitals=(s.HOSPITAL, "size"),
        hospitals_above=("_above", "sum")).reset_index()
    out["broad"] = 2 * out["hospitals_above"] > out["hospitals"]
    out[SHARE] = out[CALENDAR_LIKE] / out[INTERVALS]
    out[CHANCE_SHARE] = out[CHANCE] / out[INTERVALS]
    out["beyond_share"] = (out[SHARE] - out[CHANCE_SHARE]).clip(lower=0)
    return out.sort_values(["beyond_share", s.SPECIALTY], ascending=[False, True], ignore_index=True)


@dataclass(frozen=True)
class StableRule:
    """A long stable series: a run (see the module docstring) of at least `min_follow_ups`
    follow-up days spanning at least `min_months` months (first to last follow-up day; months of
    365.25/12 days, less `tolerance` days, the slack the intervals have: four follow-ups booked
    every 182 days span 546 days, which counts as 18 months) with at least `min_calendar_share`
    of its intervals calendar-like."""

    min_follow_ups: int = 4
    min_months: float = 18
    min_calendar_share: float = 0.6
    targets: tuple[int, ...] = TARGET_DAYS
    tolerance: int = TOLERANCE_DAYS


def months_spanned(monthly: pd.DataFrame) -> int:
    """The calendar months from the first to the last month with visits in Aggregates.monthly
    (both included; 0 without any): an extract shorter than StableRule.min_months can hold no long
    stable series."""
    if monthly.empty:
        return 0
    months = pd.to_datetime(monthly[s.MONTH])
    first, last = months.min(), months.max()
    return (last.year - first.year) * 12 + last.month - first.month + 1


def stable_series(con: ibis.BaseBackend, t: ibis.Table, rule: StableRule = StableRule(),
                  sectors: tuple[str, ...] | None = None) -> pd.DataFrame:
    """Candidates for patient-reported (PRO) or patient-initiated follow-up, per hospital x
    specialty: patients (distinct, with at least one long stable series there), series,
    follow_ups (follow-up days in those series) and follow_ups_a_year (the sum over the series of
    their intervals / span in years: the follow-ups a year they book). Only hospital x
    specialty with a stable series appear."""
    fu = follow_up_days(t, sectors)
    fu = fu.mutate(cal=count_where(calendar_like(fu[DAYS], rule.targets, rule.tolerance) & ~fu.new_run))
    runs = fu.group_by([s.PATIENT_ID, *UNIT, "run"]).aggregate(
        n=fu.count(), first=fu[s.VISIT_DATE].min(), last=fu[s.VISIT_DATE].max(), cal=fu.cal.sum())
    runs = runs.mutate(span=runs["last"].delta(runs["first"], unit="day"))
    long_enough = runs.span >= rule.min_months * DAYS_PER_MONTH - rule.tolerance
    stable = runs.filter((runs.n >= rule.min_follow_ups) & long_enough
                         & (runs.cal >= rule.min_calendar_share * (runs.n - 1)))
    stable = stable.mutate(rate=(stable.n - 1).cast("float64") * DAYS_PER_YEAR / stable.span)
    agg = stable.group_by(UNIT).aggregate(
        patients=stable[s.PATIENT_ID].nunique(), series=stable.count(), follow_ups=stable.n.sum(),
        follow_ups_a_year=stable.rate.sum())
    out = con.execute(agg.order_by(UNIT))
    for k in UNIT:
        out[k] = out[k].astype(object)
    return out.reset_index(drop=True)


def stable_value(stable: pd.DataFrame, prices: pd.DataFrame, year: int | None = None,
                 contact_mode: str = "in_person") -> pd.DataFrame:
    """stable_series' table with dkk_per_follow_up (the price of a follow-up in the specialty at
    `contact_mode`, from the run's price table or a tariff table: tariffs.unit_price, the year's
    own price where given) and dkk_a_year = follow_ups_a_year x that price (DKK a year)."""
    rows = stable.assign(**{s.VISIT_TYPE: FOLLOW_UP, s.CONTACT_MODE: contact_mode})
    if year is not None:
        rows[s.YEAR] = year
    price = tariffs.unit_price(rows, prices).to_numpy()
    return stable.assign(dkk_per_follow_up=price, dkk_a_year=stable["follow_ups_a_year"].to_numpy() * price)


@dataclass(frozen=True)
class SegmentRules:
    """How a patient used outpatient care in a year (all hospitals, all specialties of the
    sectors chosen), evaluated in this order, the first that fits:

    1. high_user: at least `high_visits` visits, or visits in at least `high_specialties` specialties;
    2. long_term_follow_up: first to last visit at least `long_months` months apart, and at least
       `long_follow_up_share` of the visits follow-ups;
    3. short_course: `short_min_visits` to `short_max_visits` visits, all in one specialty, first
       to last within `short_months` months;
    4. one_off: exactly `one_off_visits` visit(s);
    5. other: the rest.
    Months are 365.25/12 days. A patient belongs to the hospital of most of their visits that
    year (a tie: the first hospital by name)."""

    high_visits: int = 12
    high_specialties: int = 3
    long_months: float = 9
    long_follow_up_share: float = 0.5
    short_min_visits: int = 2
    short_max_visits: int = 4
    short_months: float = 6
    one_off_visits: int = 1

    def describe(self) -> dict[str, float]:
        """The parameters by name, for a report's footer."""
        return asdict(self)


SEGMENTS = ("high_user", "long_term_follow_up", "short_course", "one_off", "other")


def patient_segments(t: ibis.Table, year: int, rules: SegmentRules = SegmentRules(),
                     sectors: tuple[str, ...] | None = None) -> ibis.Table:
    """One row per patient with visits in `year` (an unexecuted expression): patient_id, hospital
    (main hospital), segment, visits, follow_ups. See SegmentRules for the definitions."""
    import ibis  # only where a query runs on the visits: a report on the cached aggregates needs no engine

    v = visits_in(t, sectors)
    v = v.filter(v[s.VISIT_DATE].year() == year)
    is_fu = count_where(v[s.VISIT_TYPE] == FOLLOW_UP)
    p = v.group_by(s.PATIENT_ID).aggregate(
        visits=v.count(), follow_ups=is_fu.sum(), specialties=v[s.SPECIALTY].nunique(),
        first=v[s.VISIT_DATE].min(), last=v[s.VISIT_DATE].max())
    span = p["last"].delta(p["first"], unit="day")
    r = rules
    segment = ibis.cases(
        ((p.visits >= r.high_visits) | (p.specialties >= r.high_specialties), "high_user"),
        ((span >= r.long_months * DAYS_PER_MONTH) & (p.follow_ups >= r.long_follow_up_share * p.visits),
         "long_term_follow_up"),
        ((p.visits >= r.short_min_visits) & (p.visits <= r.short_max_visits) & (p.specialties == 1)
         & (span <= r.short_months * DAYS_PER_MONTH), "short_course"),
        (p.visits == r.one_off_visits, "one_off"),
        else_="other",
    )
    p = p.mutate(**{SEGMENT: segment})
    h = v.group_by([s.PATIENT_ID, s.HOSPITAL]).aggregate(n=v.count())
    h = h.mutate(rank=ibis.row_number().over(
        ibis.window(group_by=s.PATIENT_ID, order_by=[ibis.desc("n"), s.HOSPITAL])))
    main = h.filter(h["rank"] == 0).select(s.PATIENT_ID, s.HOSPITAL)
    return p.join(main, s.PATIENT_ID).select(s.PATIENT_ID, s.HOSPITAL, SEGMENT, "visits", "follow_ups")


def _segment_value(con: ibis.BaseBackend, t: ibis.Table, p: ibis.Table, year: int, prices: pd.DataFrame,
                   sectors: tuple[str, ...] | None) -> pd.DataFrame:
    """DKK per main hospital x segment: the segment's patients' visits of `year` by specialty x
    visit type x contact mode, priced with `prices` (tariffs.unit_price, the year's own price
    where the table has one)."""
    v = visits_in(t, sectors)
    v = v.filter(v[s.VISIT_DATE].year() == year)
    keys = [s.SPECIALTY, s.VISIT_TYPE, s.CONTACT_MODE]
    j = v.join(p.select(s.PATIENT_ID, main=p[s.HOSPITAL], segment=p[SEGMENT]), s.PATIENT_ID)
    cells = con.execute(j.group_by(["main", SEGMENT, *keys]).aggregate(n=j.count()))
    for k in ["main", SEGMENT, *keys]:
        cells[k] = cells[k].astype(object)
    cells[s.YEAR] = year
    cells["dkk"] = cells["n"] * tariffs.unit_price(cells, prices).to_numpy()
    return cells.groupby(["main", SEGMENT])["dkk"].sum().rename_axis([s.HOSPITAL, SEGMENT])


def segments(con: ibis.BaseBackend, t: ibis.Table, year: int, rules: SegmentRules = SegmentRules(),
             sectors: tuple[str, ...] | None = None, prices: pd.DataFrame | None = None) -> pd.DataFrame:
    """Per main hospital x segment (SegmentRules): patients, visits, follow_ups (the patients'
    visits and follow-ups that year at any hospital), share_of_patients, share_of_visits and
    share_of_follow_ups (of the hospital's patients, visits, follow-ups), follow_up_share
    (follow-ups / visits in the segment). With `prices` (a price or tariff table) also dkk (the
    segment's visits priced, DKK) and share_of_dkk. Every segment appears for every hospital (0
    if none)."""
    p = patient_segments(t, year, rules, sectors)
    out = con.execute(p.group_by([s.HOSPITAL, SEGMENT]).aggregate(
        patients=p.count(), visits=p.visits.sum(), follow_ups=p.follow_ups.sum()))
    hospitals = sorted(out[s.HOSPITAL].astype(object).unique())
    grid = pd.MultiIndex.from_product([hospitals, SEGMENTS], names=[s.HOSPITAL, SEGMENT])
    out[s.HOSPITAL] = out[s.HOSPITAL].astype(object)
    out = out.set_index([s.HOSPITAL, SEGMENT]).reindex(grid, fill_value=0).astype("int64")
    if prices is not None:
        out["dkk"] = _segment_value(con, t, p, year, prices, sectors).reindex(grid, fill_value=0.0)
    out = out.reset_index()
    for col in ("patients", "visits", "follow_ups", *(["dkk"] if prices is not None else [])):
        total = out.groupby(s.HOSPITAL)[col].transform("sum")
        out[f"share_of_{col}"] = (out[col] / total).where(total > 0)
    out["follow_up_share"] = (out["follow_ups"] / out["visits"]).where(out["visits"] > 0)
    return out


def specialty_segments(con: ibis.BaseBackend, t: ibis.Table, year: int, rules: SegmentRules = SegmentRules(),
                       sectors: tuple[str, ...] | None = None) -> pd.DataFrame:
    """Per specialty x segment: the patients with a visit in the specialty in `year`, by the
    segment each has across all specialties (patient_segments: a high user is one however few of
    the visits are in this specialty), with their visits and follow-ups in the specialty,
    share_of_patients and share_of_visits (of the specialty's) and follow_up_share (follow-ups /
    visits in the segment). Every segment for every specialty (0 if none): a specialty's patients
    seen as 08 sees the region's."""
    p = patient_segments(t, year, rules, sectors)
    v = visits_in(t, sectors)
    v = v.filter(v[s.VISIT_DATE].year() == year)
    j = v.join(p.select(s.PATIENT_ID, p[SEGMENT]), s.PATIENT_ID)
    out = con.execute(j.group_by([s.SPECIALTY, SEGMENT]).aggregate(
        patients=j[s.PATIENT_ID].nunique(), visits=j.count(),
        follow_ups=count_where(j[s.VISIT_TYPE] == FOLLOW_UP).sum()))
    out[s.SPECIALTY] = out[s.SPECIALTY].astype(object)
    grid = pd.MultiIndex.from_product([sorted(out[s.SPECIALTY].unique()), SEGMENTS], names=[s.SPECIALTY, SEGMENT])
    out = out.set_index([s.SPECIALTY, SEGMENT]).reindex(grid, fill_value=0).astype("int64").reset_index()
    for col in ("patients", "visits"):
        total = out.groupby(s.SPECIALTY)[col].transform("sum")
        out[f"share_of_{col}"] = (out[col] / total).where(total > 0)
    out["follow_up_share"] = (out["follow_ups"] / out["visits"]).where(out["visits"] > 0)
    return out


# --- acute outpatient visits (the priority aggregate) ------------------------------------------

ACUTE = "acute"


def acute_share(priority: pd.DataFrame, by: tuple[str, ...] | list[str] = tuple(UNIT), year: int | None = None,
                sectors: tuple[str, ...] | None = None) -> pd.DataFrame:
    """From the priority aggregate (aggregate.Aggregates.priority): per `by` the visits, acute
    (visits with priority "acute") and share = acute / visits (NaN without visits; visits
    without a priority count in `visits`). `year`: that year only; `sectors`: those only.
    Sorted by `by`."""
    p = priority
    if year is not None:
        p = p[p[s.YEAR] == year]
    if sectors:
        p = p[p[s.SECTOR].isin(list(sectors))]
    by = list(by)
    p = p.assign(**{ACUTE: p[s.VISITS].where(p[s.PRIORITY] == ACUTE, 0)})
    out = p.groupby(by, observed=True, sort=True)[[s.VISITS, ACUTE]].sum().reset_index()
    out[SHARE] = (out[ACUTE] / out[s.VISITS]).where(out[s.VISITS] > 0)
    return out


def highest(table: pd.DataFrame, column: str = SHARE, n: int = 1, min_count: int = 0,
            count: str = s.VISITS) -> pd.DataFrame:
    """The `n` rows of `table` with the highest `column`, among rows with at least `min_count` in
    `count` (so a tiny unit's chance share does not top the list)."""
    return table[table[count] >= min_count].sort_values(column, ascending=False, kind="stable").head(n)


# --- referrals ---------------------------------------------------------------------------------

FIRST_VISIT = "assessment"
SEEN_ONCE = "seen_once"
FIRST_VISITS = "first_visits"
NOT_GIVEN = "-"


def referral_mix(referral: pd.DataFrame, year: int | None = None, by: str = s.SPECIALTY,
                 sectors: tuple[str, ...] | None = None) -> pd.DataFrame:
    """From the referral aggregate (first visits by referral source): one row per `by` with
    first_visits and the share of them from each referral source (a column per source, in
    schema.REFERRAL_SOURCES order, then any other label such as "-"), sorted by first_visits
    (most first)."""
    r = referral
    if year is not None:
        r = r[r[s.YEAR] == year]
    if sectors:
        r = r[r[s.SECTOR].isin(list(sectors))]
    wide = r.pivot_table(index=by, columns=s.REFERRAL_SOURCE, values=s.VISITS, aggfunc="sum",
                         fill_value=0, observed=True)
    order = [c for c in s.REFERRAL_SOURCES if c in wide.columns] + sorted(
        c for c in wide.columns if c not in s.REFERRAL_SOURCES)
    wide = wide[order]
    total = wide.sum(axis=1)
    out = wide.div(total.where(total > 0), axis=0)
    out.insert(0, FIRST_VISITS, total.astype("int64"))
    out.columns.name = None
    return out.reset_index().sort_values([FIRST_VISITS, by], ascending=[False, True], kind="stable").reset_index(
        drop=True)


def seen_once(con: ibis.BaseBackend, t: ibis.Table, year: int, window_days: int = 365,
              by: tuple[str, ...] = (s.SPECIALTY, s.REFERRAL_SOURCE),
              sectors: tuple[str, ...] | None = None) -> pd.DataFrame:
    """Referred patients seen once: of the first visits (assessment) in `year`, those after which
    the patient had no further visit in the same hospital x specialty within `window_days` days
    (a visit on a later day; visits of the same day belong to the first). Only first visits whose
    window ends inside the data (on or before the last visit date) count, so a late first visit
    is not taken for a single one. Per `by` (default specialty x referral source; a visit without
    a referral source under "-"): first_visits, seen_once and share. Needs visit-level data and a
    referral_source column. A question for a review of referral value, not a verdict: a single
    visit can be the right answer (advice, reassurance, a plan for the GP)."""
    import ibis  # only where a query runs on the visits: a report on the cached aggregates needs no engine

    v = visits_in(t, sectors)
    end = con.execute(v[s.VISIT_DATE].max())
    keys = [s.PATIENT_ID, *UNIT]
    is_first = (v[s.VISIT_TYPE] == FIRST_VISIT)
    ref = is_first.ifelse(v[s.REFERRAL_SOURCE].cast("string").fill_null(NOT_GIVEN), ibis.null("string"))
    day = v.group_by([*keys, s.VISIT_DATE]).aggregate(first=is_first.any(), ref=ref.min())
    nxt = day[s.VISIT_DATE].lead().over(ibis.window(group_by=keys, order_by=s.VISIT_DATE))
    day = day.mutate(gap=nxt.delta(day[s.VISIT_DATE], unit="day"))
    last_start = ibis.literal((pd.Timestamp(end) - pd.Timedelta(days=window_days)).date())
    first = day.filter(day["first"] & (day[s.VISIT_DATE].year() == year) & (day[s.VISIT_DATE] <= last_start))
    alone = count_where(first.gap.isnull() | (first.gap > window_days))
    first = first.mutate(**{s.REFERRAL_SOURCE: first.ref})
    out = con.execute(first.group_by(list(by)).aggregate(**{FIRST_VISITS: first.count(), SEEN_ONCE: alone.sum()})
                      .order_by(list(by)))
    for k in by:
        out[k] = out[k].astype(object)
    out[SHARE] = (out[SEEN_ONCE] / out[FIRST_VISITS]).where(out[FIRST_VISITS] > 0)
    return out.reset_index(drop=True)


# --- calendar-like units named ------------------------------------------------------------------

HIGH = ("high_998", "high_95")


def above_limits(table: pd.DataFrame) -> pd.DataFrame:
    """The units of calendar_funnel's table above their upper limit (class high_998 first, then
    high_95), highest share first within each."""
    high = table[table["class"].isin(HIGH)]
    rank = high["class"].map({c: i for i, c in enumerate(HIGH)})
    return high.assign(_r=rank).sort_values(["_r", "value"], ascending=[True, False]).drop(columns="_r")
