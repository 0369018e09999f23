"""Pathways: follow-ups on the calendar or by need, long stable series, and how patients use care.

Every history below is made up by hand: a patient, the days after 2 January 2023 they were seen,
and what kind of visit it was."""
from __future__ import annotations

import datetime as dt
import time

import ibis
import numpy as np
import pandas as pd
import pytest

from analysis.analyses import pathways
from analysis.base import schema as s
from analysis.engine import aggregate
from analysis.stats import funnel

START = dt.date(2023, 1, 2)


@pytest.fixture(scope="module")
def con():
    return aggregate.connect()


def visits(*histories: tuple) -> ibis.Table:
    """A visit table from (patient, days after START, visit type or list of them, hospital,
    specialty) tuples; the last three default to follow-up, H1, S1."""
    rows = []
    for h in histories:
        pid, days, vt, hosp, spec = (*h, *("follow_up", "H1", "S1")[len(h) - 2:])
        for i, d in enumerate(days):
            rows.append({s.PATIENT_ID: pid, s.VISIT_DATE: START + dt.timedelta(days=d), s.HOSPITAL: hosp,
                         s.SPECIALTY: spec, s.SECTOR: "somatic", s.CONTACT_MODE: "in_person",
                         s.VISIT_TYPE: vt[i] if isinstance(vt, list) else vt})
    return ibis.memtable(pd.DataFrame(rows))


def every(step: int, n: int, first: int = 0) -> list[int]:
    return [first + i * step for i in range(n)]


def shares(con, t, **kw) -> pd.DataFrame:
    return pathways.calendar_share(pathways.follow_up_intervals(con, t), **kw)


# --- intervals and the calendar-like share ---------------------------------------------------

def test_a_patient_seen_every_182_days_has_only_calendar_like_intervals(con):
    out = shares(con, visits(("a", every(182, 5))))
    assert out[["intervals", "calendar_like", "share"]].iloc[0].tolist() == [4, 4, 1.0]


def test_a_patient_seen_at_40_100_and_230_days_is_irregular(con):
    iv = pathways.follow_up_intervals(con, visits(("b", [0, 40, 100, 230])))
    assert iv["days"].tolist() == [40, 60, 130]
    assert shares(con, visits(("b", [0, 40, 100, 230])))["share"].iloc[0] == 0.0


@pytest.mark.parametrize("days, calendar", [
    (76, False), (77, True), (91, True), (105, True), (106, False),
    (167, False), (168, True), (196, True), (197, False),
    (350, False), (351, True), (379, True), (380, False),
    (137, False),  # half way between 3 and 6 months
])
def test_calendar_like_is_within_the_tolerance_of_3_6_or_12_months_edges_included(con, days, calendar):
    assert bool(pathways.calendar_like(pd.Series([days])).iloc[0]) is calendar
    # the same rule in the engine, on a patient with exactly that interval
    assert shares(con, visits(("p", [0, days])))["calendar_like"].iloc[0] == int(calendar)


def test_the_tolerance_and_the_targets_are_parameters(con):
    t = visits(("p", [0, 95, 95 + 30]))  # intervals 95 and 30
    assert shares(con, t)["calendar_like"].iloc[0] == 1
    assert shares(con, t, tolerance=3)["calendar_like"].iloc[0] == 0
    assert shares(con, t, tolerance=4)["calendar_like"].iloc[0] == 1
    assert shares(con, t, targets=(30,), tolerance=0)["calendar_like"].iloc[0] == 1


def test_another_visit_type_in_between_is_part_of_the_pattern_and_its_interval_counts(con):
    # follow-ups at 0, 182; an assessment at 300; follow-ups at 364 and 546: three intervals of 182
    t = visits(("c", [0, 182, 300, 364, 546], ["follow_up", "follow_up", "assessment", "follow_up", "follow_up"]))
    iv = pathways.follow_up_intervals(con, t)
    assert iv["days"].tolist() == [182] and iv["intervals"].tolist() == [3]


def test_a_blood_test_a_week_before_each_control_leaves_every_interval_calendar_like(con):
    controls = every(182, 5)
    days = sorted(controls + [d - 7 for d in controls])
    kinds = ["sampling" if d not in controls else "follow_up" for d in days]
    out = shares(con, visits(("g", days, kinds)))
    assert out[["intervals", "calendar_like"]].iloc[0].tolist() == [4, 4]


def test_an_assessment_on_the_day_of_a_follow_up_leaves_the_days_interval(con):
    t = visits(("c", [0, 182, 182], ["follow_up", "assessment", "follow_up"]))
    iv = pathways.follow_up_intervals(con, t)
    assert iv["days"].tolist() == [182] and iv["intervals"].tolist() == [1]


def test_visits_in_another_specialty_or_hospital_do_not_break_the_run(con):
    t = visits(("d", every(182, 3)), ("d", [100], "assessment", "H1", "S2"), ("d", [200], "treatment", "H2", "S1"))
    assert pathways.follow_up_intervals(con, t)["intervals"].tolist() == [2]


def test_two_follow_ups_on_the_same_day_are_one_follow_up_day(con):
    t = visits(("e", [0, 0, 91, 91, 182]))
    iv = pathways.follow_up_intervals(con, t)
    assert iv["days"].tolist() == [91] and iv["intervals"].tolist() == [2]


def test_a_year_keeps_the_intervals_that_end_in_it(con):
    t = visits(("a", every(182, 5)))  # follow-ups 2023-01-02, 2023-07-03, 2024-01-01, 2024-07-01, 2024-12-30
    assert pathways.follow_up_intervals(con, t, year=2023)["intervals"].sum() == 1
    assert pathways.follow_up_intervals(con, t, year=2024)["intervals"].sum() == 3


def test_shares_per_hospital_and_specialty_worked_out_by_hand(con):
    t = visits(
        ("a", every(182, 5)),                # H1 S1: 4 intervals, 4 calendar-like
        ("b", [0, 40, 100, 230]),            # H1 S1: 3 intervals, 0 calendar-like
        ("c", [0, 91, 130], "follow_up", "H1", "S2"),  # H1 S2: 91 yes, 39 no
        ("d", every(365, 3), "follow_up", "H2", "S1"),  # H2 S1: 2 of 2
    )
    out = shares(con, t).set_index([s.HOSPITAL, s.SPECIALTY])
    assert out.loc[("H1", "S1"), ["intervals", "calendar_like"]].tolist() == [7, 4]
    assert out.loc[("H1", "S1"), "share"] == pytest.approx(4 / 7)
    assert out.loc[("H1", "S2"), "share"] == pytest.approx(1 / 2)
    assert out.loc[("H2", "S1"), "share"] == 1.0


def test_the_design_effect_is_the_sum_of_squared_intervals_per_patient_over_their_sum(con):
    # in 2024: patient a has 3 intervals (days 0, 91, 182, 273 of 2024), b one, c one in H2
    t = visits(("a", every(91, 4, 365)), ("b", [400, 500]), ("c", [400, 582], "follow_up", "H2", "S1"))
    hist = con.execute(pathways.interval_table(t))
    design = pathways.design_effects(hist, 2024)
    assert design[("H1", "S1")] == pytest.approx((3 ** 2 + 1 ** 2) / (3 + 1))
    assert design[("H2", "S1")] == 1


def test_each_patients_intervals_count_as_one_booking_in_the_funnel():
    # the same shares, but each patient has 4 intervals: the counts carry a quarter of the weight
    units = pd.concat([_units("Urologi", [0.15] * 8, 800), _units("Urologi", [0.24], 800).assign(hospital="H8")],
                      ignore_index=True)
    alone, _ = pathways.calendar_funnel(units, rho=1)
    four = pd.Series(4.0, index=pd.MultiIndex.from_frame(units[[s.HOSPITAL, s.SPECIALTY]]))
    clustered, _ = pathways.calendar_funnel(units, four, rho=1)  # all of a patient's intervals alike
    assert clustered.loc[8, "expected_effective"] == pytest.approx(alone.loc[8, "expected"] / 4)
    assert clustered.loc[8, "value"] == pytest.approx(alone.loc[8, "value"])  # the ratio is the same
    assert alone.loc[8, "class"] == "high_998" and clustered.loc[8, "class"] == "within"


def test_a_unit_is_expected_its_own_chance_intervals_times_its_peers_calendar_over_chance():
    # 62 days lies in the window of 91 moved once earlier, 330 in that of 365 (weight 4/6 each);
    # 270 days in no window, moved or not
    shares = pathways.calendar_share(pd.concat([
        _histogram({182: 40, 62: 30, 270: 30}, "H1", "S1"),  # 40 calendar-like; 20 by chance
        _histogram({182: 30, 330: 60, 270: 10}, "H2", "S1"),  # 30; 40 by chance
        _histogram({91: 10, 62: 15}, "H1", "S2")], ignore_index=True))  # alone in its specialty
    res = pathways.calendar_funnel(shares)[0].set_index([s.HOSPITAL, s.SPECIALTY])
    # H1's peer H2 books 30 calendar-like against 40 by chance; H2's peer H1 40 against 20
    assert res.loc[("H1", "S1"), "expected"] == pytest.approx(20 * 30 / 40)
    assert res.loc[("H2", "S1"), "expected"] == pytest.approx(40 * 40 / 20)
    assert res.loc[("H2", "S1"), "value"] == pytest.approx(30 / (40 * 40 / 20))  # observed over expected
    assert res.loc[("H1", "S1"), "specialty_share"] == pytest.approx(30 / 100)  # the peer's share, beside the unit's
    assert res.loc[("H1", "S2"), "class"] == "no_data"  # alone in its specialty: no norm, not judged
    assert (res["target"] == 1).all()


def test_the_norms_uncertainty_is_the_delta_method_variance_of_its_counts():
    # log(O/E) = log O - log C_u - log L_peers + log C_peers, each count's variance over its square
    shares = pd.DataFrame({s.HOSPITAL: ["H1", "H2"], s.SPECIALTY: "S", "intervals": [500, 800],
                           "calendar_like": [90, 120], "chance_like": [60.0, 100.0], "chance_var": [57.0, 94.0]})
    t = pathways.with_norm(shares).set_index(s.HOSPITAL)
    var_norm = 57 / 60 ** 2 + 1 / 120 + 94 / 100 ** 2  # H1's own windows, its peer's calendar-like and windows
    assert t.loc["H1", "norm_effective"] == pytest.approx(1 / var_norm)
    e = 60 * 120 / 100
    assert t.loc["H1", "precision"] == pytest.approx(1 / (1 / e + var_norm))
    # a design effect of 2 doubles every term
    t2 = pathways.with_norm(shares, pd.Series(2.0, index=pd.MultiIndex.from_frame(shares[[s.HOSPITAL, s.SPECIALTY]])))
    assert t2.loc[0, "precision"] == pytest.approx(t.loc["H1", "precision"] / 2)


def test_a_norm_resting_on_few_intervals_widens_the_units_limits():
    # the same unit (70 calendar-like against 30 by chance in its own windows), its peer booking 1:1;
    # a peer of 100 intervals says less of the norm than one of 10,000
    def judged(peer_intervals: int) -> str:
        shares = pd.DataFrame({s.HOSPITAL: ["H1", "H2"], s.SPECIALTY: "S", "intervals": [400, peer_intervals],
                               "calendar_like": [70, 0.1 * peer_intervals],
                               "chance_like": [30.0, 0.1 * peer_intervals],
                               "chance_var": [30.0, 0.1 * peer_intervals]})
        res = pathways.calendar_funnel(shares, rho=0, method="none")[0]  # two units say nothing of their spread
        return res.set_index(s.HOSPITAL).loc["H1", "class"]

    assert judged(10_000) == "high_998" and judged(100) == "within"


def test_a_unit_booking_by_the_calendar_does_not_make_its_peers_look_low():
    # four endocrinology units book at random (15% in the windows, 15% by chance); one books three times
    # as many. Were it in their norm, they would sit at about 0.8 of it, below the limits
    shares = pd.concat([_units("Endokrinologi", [0.15, 0.15, 0.15, 0.15, 0.45], 3000),
                        _units("Urologi", [0.14, 0.16, 0.15, 0.15], 3000)], ignore_index=True)
    res, _ = pathways.calendar_funnel(shares)
    endo = res[res[s.SPECIALTY] == "Endokrinologi"].set_index(s.HOSPITAL)
    assert endo.loc["H4", "class"] == "high_998"
    assert endo.loc[["H0", "H1", "H2", "H3"], "value"].tolist() == pytest.approx([1.0] * 4)
    assert (endo.loc[["H0", "H1", "H2", "H3"], "class"] == "within").all()
    in_norm = pathways.with_norm(shares).query("specialty == 'Endokrinologi' and hospital == 'H0'")
    assert (in_norm["calendar_like"] / in_norm["expected"]).iloc[0] < 0.85  # with the unit in its peers' norm


def test_a_unit_booking_every_follow_up_by_the_calendar_is_found_though_none_lie_beside_the_windows():
    # H0 books all 167 of its intervals 176-189 days apart: none in the moved windows, so its own
    # interval lengths say nothing of chance; it is held against its peers' share (17%) instead
    peers = _units("Endokrinologi", [0.17, 0.16, 0.18], 1000).assign(hospital=["H1", "H2", "H3"])
    unit = pd.DataFrame({s.HOSPITAL: ["H0"], s.SPECIALTY: "Endokrinologi", "intervals": [167], "calendar_like": [167],
                         "chance_like": [0.0], "chance_var": [0.0]})
    res = pathways.calendar_funnel(pd.concat([unit, peers], ignore_index=True))[0].set_index(s.HOSPITAL)
    assert res.loc["H0", "expected"] == pytest.approx(167 * (170 + 160 + 180) / 3000)
    assert res.loc["H0", "class"] == "high_998"
    assert (res.loc[["H1", "H2", "H3"], "class"] == "within").all()  # left out of their norm


def test_how_alike_a_patients_intervals_are_is_taken_from_the_units_spread():
    # twelve units whose shares spread as counts of independent intervals would: no clustering to
    # allow for, whatever the patients' numbers of intervals (D = 3); a handful of units says nothing
    rng = np.random.default_rng(3)
    chance = rng.uniform(200, 400, 12)
    shares = pd.DataFrame({s.HOSPITAL: [f"H{i}" for i in range(12)], s.SPECIALTY: "S", "intervals": 2000,
                           "calendar_like": rng.poisson(chance), "chance_like": chance, "chance_var": chance})
    three = pd.Series(3.0, index=pd.MultiIndex.from_frame(shares[[s.HOSPITAL, s.SPECIALTY]]))
    rho = pathways.clustering(shares, three)
    assert 0 <= rho < 0.5
    assert pathways.clustering(shares.head(5), three) == 1.0  # too few units: all alike
    assert pathways.clustering(shares, None) == 1.0  # no design effect: nothing to share out


@pytest.mark.slow
def test_without_calendar_booking_few_units_are_flagged_on_clustered_data():
    # rough data: specialties with 2-6 units, each with its own case mix; patients with 1-8 intervals
    # scattered around a typical length of their own; no calendar booking anywhere. A 95% limit
    # should flag about 2.5% of the units above it and the 99.8% limit about 0.1%
    rng = np.random.default_rng(11)
    high95, high998, units = 0, 0, 0
    for _ in range(8):
        cal = pathways.calendar(_rough_region(rng), 2024, ("somatic",))
        judged = cal.funnel[cal.funnel["class"] != "no_data"]
        units += len(judged)
        high95 += judged["class"].isin(["high_95", "high_998"]).sum()
        high998 += (judged["class"] == "high_998").sum()
    assert units > 600
    assert 0.005 < high95 / units < 0.05
    assert high998 / units < 0.01


def _rough_region(rng: np.random.Generator) -> pd.DataFrame:
    """An interval histogram (interval_table's columns) of 25 specialties booking at random."""
    rows = []
    for sp in range(25):
        base = rng.uniform(90, 300)
        for u in range(rng.integers(2, 7)):
            n = int(rng.integers(30, 600))
            m = 1 + np.minimum(rng.poisson(1.5, n), 7)
            own = base * np.exp(rng.normal(0, 0.15)) * np.exp(rng.normal(0, 0.35, n))
            days = np.clip(np.round(np.repeat(own, m) * np.exp(rng.normal(0, 0.15, m.sum()))), 1, 1500)
            g = pd.DataFrame({"days": days.astype(int), "patient_intervals": np.repeat(m, m)})
            g = g.groupby(["days", "patient_intervals"]).size().reset_index(name="intervals")
            rows.append(g.assign(hospital=f"H{u}", specialty=f"S{sp}"))
    return pd.concat(rows, ignore_index=True).assign(year=2024, sector="somatic")


def _units(specialty: str, shares: list[float], intervals: int = 400) -> pd.DataFrame:
    """Units of a specialty with these calendar-like shares, 15% of their intervals by chance."""
    return pd.DataFrame({s.HOSPITAL: [f"H{i}" for i in range(len(shares))], s.SPECIALTY: specialty,
                         "intervals": intervals, "calendar_like": [round(x * intervals) for x in shares],
                         "chance_like": 0.15 * intervals, "chance_var": 0.15 * intervals})


def test_a_unit_is_flagged_against_its_own_specialtys_share_not_the_regions():
    # an eye clinic sees its patients yearly at every hospital (60%): its habit, no unit stands out;
    # one endocrinology unit books three times its specialty's 15%; the rest vary a little
    shares = pd.concat([_units("Øjne", [0.60, 0.62, 0.58, 0.60]), _units("Endokrinologi", [0.14, 0.16, 0.15, 0.45]),
                        _units("Urologi", [0.13, 0.15, 0.17, 0.14]), _units("Kardiologi", [0.16, 0.12, 0.15, 0.14])],
                       ignore_index=True)
    res, _ = pathways.calendar_funnel(shares)
    high = pathways.above_limits(res)
    assert list(zip(high[s.HOSPITAL], high[s.SPECIALTY], high["class"])) == [("H3", "Endokrinologi", "high_998")]
    # one pooled share for all: the eye clinics' habit widens every limit and hides the unit
    pooled, _ = funnel.funnel(shares, "calendar_like", "intervals", kind="proportion")
    assert (pooled["class"] == "within").all()


def test_a_unit_whose_intervals_only_lie_nearer_the_windows_is_as_expected():
    # H8 books at random, as its peers do, but more of its intervals are 5-7 months long: twice the
    # share in the windows, and twice by chance (the moved windows)
    units = pd.concat([_units("Urologi", [0.15] * 8, 2000), _units("Urologi", [0.30], 2000).assign(hospital="H8")])
    units.loc[units[s.HOSPITAL] == "H8", "chance_like"] = 0.30 * 2000
    res = pathways.calendar_funnel(units.reset_index(drop=True))[0].set_index(s.HOSPITAL)
    assert res.loc["H8", "value"] == pytest.approx(1) and res.loc["H8", "class"] == "within"
    assert 0.30 > 1.5 * res.loc["H8", "specialty_share"]  # against the specialty's share alone: far above


@pytest.mark.suite
def test_on_the_full_region_the_planted_unit_is_named_and_the_planted_habit_is_not(full_region):
    """The synthetic region's calendar plants (synthetic.CALENDAR_UNITS, CALENDAR_SPECIALTIES): the
    unit stands out from its specialty; the specialty booking by the calendar everywhere does not
    flag its units but has the most calendar-like intervals beyond chance."""
    prep, truth = full_region
    cal = pathways.calendar(prep.aggregates.intervals, 2024, ("somatic",))
    (unit,) = truth["calendar_follow_up"]
    (habit,) = truth["calendar_specialty"]
    assert list(zip(cal.clearly[s.HOSPITAL], cal.clearly[s.SPECIALTY])) == [(unit["hospital"], unit["specialty"])]
    assert not (cal.clearly[s.SPECIALTY] == habit["specialty"]).any()
    assert pathways.specialty_calendar(cal.shares)[s.SPECIALTY].iloc[0] == habit["specialty"]
    peers = cal.funnel[(cal.funnel[s.SPECIALTY] == unit["specialty"]) & (cal.funnel[s.HOSPITAL] != unit["hospital"])]
    assert len(peers) >= 3 and (peers["class"] == "within").all()  # the unit is not in their norm


def test_a_specialtys_habit_is_broad_only_when_most_of_its_hospitals_share_it():
    # Urologi's share rests on one unit far above chance; the others sit at theirs
    shares = pd.concat([_units("Øjne", [0.40, 0.35, 0.45]), _units("Urologi", [0.60, 0.15, 0.14])], ignore_index=True)
    shares = shares.assign(share=shares["calendar_like"] / shares["intervals"],
                           chance_share=shares["chance_like"] / shares["intervals"])
    out = pathways.specialty_calendar(shares).set_index(s.SPECIALTY)
    assert out.loc["Øjne", ["hospitals", "hospitals_above", "broad"]].tolist() == [3, 3, True]
    assert out.loc["Urologi", ["hospitals", "hospitals_above", "broad"]].tolist() == [3, 1, False]


def test_an_extract_spans_its_months_from_first_to_last():
    monthly = pd.DataFrame({s.MONTH: pd.to_datetime(["2024-03-01", "2025-02-01", "2024-07-01"])})
    assert pathways.months_spanned(monthly) == 12
    assert pathways.months_spanned(monthly.iloc[:0]) == 0


def test_a_unit_alone_in_its_specialty_is_listed_apart():
    shares = pd.concat([_units("Urologi", [0.15, 0.16]), _units("Thoraxkirurgi", [0.2])], ignore_index=True)
    shares = shares.assign(share=shares["calendar_like"] / shares["intervals"])
    funnel_table, disp = pathways.calendar_funnel(shares)
    cal = pathways.Calendar(shares, funnel_table, disp, pathways.above_limits(funnel_table))
    assert cal.alone[s.SPECIALTY].tolist() == ["Thoraxkirurgi"]
    assert cal.judged == 2 and cal.possibly_by_chance == pytest.approx(0.05)  # 2 x 2.5%


def test_a_specialtys_habit_is_its_share_against_its_chance_share():
    shares = pathways.calendar_share(pd.concat([
        _histogram({182: 60, 270: 40}, "A", "Øjne"), _histogram({182: 50, 62: 45, 270: 5}, "B", "Øjne"),
        _histogram({182: 10, 270: 90}, "A", "Urologi")], ignore_index=True))
    out = pathways.specialty_calendar(shares).set_index(s.SPECIALTY)
    assert out.index.tolist() == ["Øjne", "Urologi"]  # most beyond chance first
    # Øjne: 110 of 200 calendar-like; 62 days lies in the window of 91 moved once earlier: 45 x 4/6 by chance
    assert out.loc["Øjne", ["intervals", "calendar_like", "chance_like"]].tolist() == [200, 110, 30]
    assert out.loc["Øjne", "share"] == pytest.approx(110 / 200)
    assert out.loc["Øjne", "chance_share"] == pytest.approx(30 / 200)
    assert out.loc["Øjne", "beyond_share"] == pytest.approx((60 + 50 - 30) / 200)


# --- long stable series ----------------------------------------------------------------------

def stable(con, *histories, **rule) -> pd.DataFrame:
    return pathways.stable_series(con, visits(*histories), pathways.StableRule(**rule))


def test_a_follow_up_every_6_months_for_two_years_is_a_long_stable_series(con):
    out = stable(con, ("a", every(182, 5)))  # 5 follow-ups over 728 days (23.9 months)
    row = out.iloc[0]
    assert (row["patients"], row["series"], row["follow_ups"]) == (1, 1, 5)
    assert row["follow_ups_a_year"] == pytest.approx(4 * 365.25 / 728)  # about 2 a year


def test_too_few_follow_ups_or_too_short_a_span_is_not_stable(con):
    assert stable(con, ("a", every(273, 3))).empty  # 3 follow-ups, fewer than 4
    assert not stable(con, ("a", every(273, 3)), min_follow_ups=3, targets=(273,)).empty
    assert stable(con, ("a", every(91, 6))).empty  # 6 follow-ups but 455 days: under 18 months
    assert not stable(con, ("a", every(91, 6)), min_months=15).empty


def test_18_months_allow_the_tolerance_of_the_intervals(con):
    # booked every 6 months: 4 follow-ups span 546 days, 2 days short of 18 x 365.25/12
    assert not stable(con, ("a", every(182, 4))).empty
    assert stable(con, ("a", every(182, 4)), tolerance=1).empty  # less slack: 546 < 547.9 - 1
    assert stable(con, ("a", [0, 182, 364, 533])).empty  # 533 days: more than 14 days short


def test_a_series_broken_by_an_assessment_is_not_stable(con):
    days = every(182, 6)
    kinds = ["follow_up"] * 6
    days.insert(3, 400)
    kinds.insert(3, "assessment")  # 3 follow-ups, the assessment, 3 follow-ups: neither run has 4
    assert stable(con, ("c", days, kinds)).empty
    assert not stable(con, ("c", every(182, 6))).empty


def test_a_blood_test_before_each_control_leaves_the_series_stable(con):
    controls = every(182, 6)
    days = sorted(controls + [d - 7 for d in controls])
    kinds = ["sampling" if d not in controls else "follow_up" for d in days]
    out = stable(con, ("g", days, kinds))
    assert out[["patients", "series"]].iloc[0].tolist() == [1, 1]


def test_mostly_irregular_intervals_are_not_stable(con):
    irregular = [0, 40, 100, 230, 420, 600]  # 5 intervals, none calendar-like
    assert stable(con, ("b", irregular)).empty
    # 3 of 5 calendar-like (0.6) is enough by default, 2 of 5 is not
    assert not stable(con, ("b", [0, 182, 364, 546, 600, 650])).empty
    assert stable(con, ("b", [0, 182, 364, 420, 470, 520])).empty


def test_stable_series_are_counted_per_hospital_and_specialty_and_priced(con):
    out = stable(con, ("a", every(182, 5)), ("b", every(365, 4), "follow_up", "H1", "S1"),
                 ("c", every(182, 5), "follow_up", "H2", "S2"))
    h1 = out.set_index([s.HOSPITAL, s.SPECIALTY]).loc[("H1", "S1")]
    assert (h1["patients"], h1["follow_ups"]) == (2, 9)
    assert h1["follow_ups_a_year"] == pytest.approx(4 * 365.25 / 728 + 3 * 365.25 / 1095)
    prices = pd.DataFrame({"specialty": ["", "S2"], s.VISIT_TYPE: "follow_up", s.CONTACT_MODE: "in_person",
                           "dkk": [1000.0, 1500.0]})
    valued = pathways.stable_value(out, prices).set_index([s.HOSPITAL, s.SPECIALTY])
    assert valued.loc[("H1", "S1"), "dkk_per_follow_up"] == 1000.0
    assert valued.loc[("H2", "S2"), "dkk_per_follow_up"] == 1500.0
    assert valued["dkk_a_year"].tolist() == pytest.approx((valued["follow_ups_a_year"] * [1000, 1500]).tolist())


# --- segments --------------------------------------------------------------------------------

def segment_of(con, *histories, year: int = 2023, **rules) -> dict[str, str]:
    p = pathways.patient_segments(visits(*histories), year, pathways.SegmentRules(**rules))
    out = con.execute(p)
    return dict(zip(out[s.PATIENT_ID], out[pathways.SEGMENT]))


def test_each_segment_rule_with_a_hand_made_patient(con):
    got = segment_of(
        con,
        ("one", [10], "assessment"),
        ("short", [10, 30, 60], ["assessment", "treatment", "follow_up"]),       # 3 visits, 50 days, S1
        ("long", [0, 91, 182, 280], ["assessment", "follow_up", "follow_up", "follow_up"]),  # 280 days, 3/4
        ("many", every(20, 12), "treatment"),                                    # 12 visits
        ("wide", [0], "assessment", "H1", "S1"), ("wide", [5], "assessment", "H1", "S2"),
        ("wide", [9], "assessment", "H1", "S3"),                                 # 3 specialties
        ("other", [0, 300], "treatment"),                                        # 2 visits, 300 days apart
    )
    assert got == {"one": "one_off", "short": "short_course", "long": "long_term_follow_up",
                   "many": "high_user", "wide": "high_user", "other": "other"}


def test_segment_edges_and_the_order_of_the_rules(con):
    # 11 visits is not a high user; 2 specialties are not
    assert segment_of(con, ("p", every(20, 11), "treatment"))["p"] == "other"
    # a short course must stay in one specialty and within 6 months (182.6 days)
    assert segment_of(con, ("p", [0], "assessment", "H1", "S1"), ("p", [30], "treatment", "H1", "S2"))["p"] == "other"
    assert segment_of(con, ("p", [0, 182], "treatment"))["p"] == "short_course"
    assert segment_of(con, ("p", [0, 183], "treatment"))["p"] == "other"
    # 5 visits within 6 months is not a short course
    assert segment_of(con, ("p", every(10, 5), "treatment"))["p"] == "other"
    # long term: 9 months (273.9 days) and half the visits follow-ups, both edges included
    assert segment_of(con, ("p", [0, 274], ["assessment", "follow_up"]))["p"] == "long_term_follow_up"
    assert segment_of(con, ("p", [0, 273], ["assessment", "follow_up"]))["p"] == "other"  # too long for short
    assert segment_of(con, ("p", [0, 100, 300], ["assessment", "treatment", "follow_up"]))["p"] == "other"
    # a long-term follow-up patient with 12 visits is a high user first
    assert segment_of(con, ("p", every(30, 12)))["p"] == "high_user"
    # the definitions are parameters
    assert segment_of(con, ("p", every(20, 11), "treatment"), high_visits=11)["p"] == "high_user"


def test_only_the_year_counts(con):
    got = segment_of(con, ("p", [0, 400, 420], "treatment"), year=2024)  # 2 visits in 2024, 20 days apart
    assert got == {"p": "short_course"}


def test_a_patient_belongs_to_the_hospital_of_most_visits_ties_by_name(con):
    p = pathways.patient_segments(visits(
        ("x", [0, 10], "treatment", "H2", "S1"), ("x", [20], "treatment", "H1", "S1"),
        ("y", [0], "treatment", "H2", "S1"), ("y", [20], "treatment", "H1", "S1"),
    ), 2023)
    out = con.execute(p)
    assert dict(zip(out[s.PATIENT_ID], out[s.HOSPITAL])) == {"x": "H2", "y": "H1"}


def test_segment_table_per_hospital_worked_out_by_hand(con):
    t = visits(
        ("one", [10], "assessment"),                                           # H1 one_off: 1 visit
        ("short", [10, 30, 60], ["assessment", "treatment", "follow_up"]),     # H1 short: 3 visits, 1 fu
        ("long", [0, 91, 182, 280], ["assessment", "follow_up", "follow_up", "follow_up"]),  # H1 long: 4, 3 fu
        ("many", every(20, 12), "treatment", "H2", "S1"),                      # H2 high: 12, 0 fu
    )
    out = pathways.segments(con, t, 2023).set_index([s.HOSPITAL, pathways.SEGMENT])
    assert len(out) == 2 * len(pathways.SEGMENTS)  # every segment for every hospital
    h1 = out.loc["H1"]
    assert h1["patients"].to_dict() == {"high_user": 0, "long_term_follow_up": 1, "short_course": 1,
                                        "one_off": 1, "other": 0}
    assert h1.loc["long_term_follow_up", "share_of_visits"] == pytest.approx(4 / 8)
    assert h1.loc["short_course", "share_of_visits"] == pytest.approx(3 / 8)
    assert h1.loc["long_term_follow_up", "share_of_follow_ups"] == pytest.approx(3 / 4)
    assert h1.loc["long_term_follow_up", "follow_up_share"] == pytest.approx(3 / 4)
    assert h1.loc["one_off", "share_of_patients"] == pytest.approx(1 / 3)
    assert out.loc[("H2", "high_user"), "share_of_visits"] == 1.0
    assert pd.isna(out.loc[("H2", "high_user"), "share_of_follow_ups"])  # H2 has no follow-ups


def test_a_segments_share_of_kroner_prices_its_patients_visits(con):
    """H1 in 2023: a one-off assessment (2,000 kr.) and a long-term patient with an assessment and
    three follow-ups (2,000 + 3 x 1,500 = 6,500 kr.): 8,500 kr., of which 6,500 / 8,500 long-term."""
    t = visits(("one", [10], "assessment"),
               ("long", [0, 91, 182, 280], ["assessment", "follow_up", "follow_up", "follow_up"]))
    prices = pd.DataFrame({"specialty": [""] * 2, "visit_type": ["assessment", "follow_up"],
                           "contact_mode": ["in_person"] * 2, "dkk": [2000.0, 1500.0]})
    out = pathways.segments(con, t, 2023, prices=prices).set_index([s.HOSPITAL, pathways.SEGMENT]).loc["H1"]
    assert out.loc["long_term_follow_up", "dkk"] == 6500 and out.loc["one_off", "dkk"] == 2000
    assert out.loc["long_term_follow_up", "share_of_dkk"] == pytest.approx(6500 / 8500)
    assert out.loc["high_user", "dkk"] == 0


def test_the_definitions_can_be_printed():
    d = pathways.SegmentRules().describe()
    assert d["high_visits"] == 12 and d["long_months"] == 9 and d["short_max_visits"] == 4
    assert "high_user" in pathways.SegmentRules.__doc__


# --- on a staged region ----------------------------------------------------------------------

def test_the_functions_run_on_a_staged_region(small_region, cache_dir, con):
    from analysis.engine import pipeline

    prep = pipeline.prepare(str(small_region), cache_dir=cache_dir)
    t = con.read_parquet(str(prep.staged))
    started = time.perf_counter()
    iv = pathways.follow_up_intervals(con, t)
    sh = pathways.calendar_share(iv)
    assert not sh.empty and sh["share"].between(0, 1).all()
    assert (iv["days"] > 0).all()
    res, _ = pathways.calendar_funnel(sh)
    assert len(res) == len(sh)
    st = pathways.stable_series(con, t)  # the synthetic region books follow-ups at random: maybe none
    assert (st["follow_ups"] >= 4 * st["series"]).all() and (st["series"] >= st["patients"]).all()
    loose = pathways.stable_series(con, t, pathways.StableRule(min_follow_ups=3, min_months=6, min_calendar_share=0))
    assert not loose.empty and (loose["follow_ups"] >= 3 * loose["series"]).all()
    valued = pathways.stable_value(loose, prep.prices(), year=2025)  # the run's own prices of 2025
    assert (valued["dkk_per_follow_up"] > 0).all() and (valued["dkk_a_year"] > 0).all()
    seg = pathways.segments(con, t, 2024)
    patients_2024 = con.execute(t.filter(t[s.VISIT_DATE].year() == 2024)[s.PATIENT_ID].nunique())
    assert seg["patients"].sum() == patients_2024  # every patient in exactly one segment
    assert seg.groupby(s.HOSPITAL)["share_of_visits"].sum().round(9).isin([1.0]).all()
    assert seg["follow_up_share"].dropna().between(0, 1).all()
    elapsed = time.perf_counter() - started
    print(f"\npathways on the small region: {elapsed:.2f} s; {len(iv)} interval rows, {len(st)} stable units")


# --- acute share, referral mix, seen once ------------------------------------------------------

def test_acute_share_per_unit_and_by_year_from_the_priority_aggregate():
    p = pd.DataFrame({
        s.YEAR: [2023, 2023, 2023, 2024, 2024, 2024],
        s.HOSPITAL: ["H1", "H1", "H2", "H1", "H1", "H2"], s.SPECIALTY: ["S1"] * 6,
        s.SECTOR: ["somatic"] * 5 + ["psychiatry"], s.VISIT_TYPE: ["follow_up"] * 6,
        s.PRIORITY: ["acute", "planned", "-", "acute", "planned", "acute"], s.VISITS: [2, 8, 5, 3, 7, 4]})
    unit = pathways.acute_share(p, year=2023).set_index(s.HOSPITAL)
    assert unit.loc["H1", ["visits", "acute"]].tolist() == [10, 2] and unit.loc["H1", "share"] == 0.2
    assert unit.loc["H2", "share"] == 0.0  # visits without a priority are not acute
    trend = pathways.acute_share(p, by=[s.YEAR], sectors=("somatic",)).set_index(s.YEAR)["share"]
    assert trend.to_dict() == {2023: pytest.approx(2 / 15), 2024: pytest.approx(3 / 10)}
    top = pathways.highest(pathways.acute_share(p), min_count=11)
    assert top[s.HOSPITAL].tolist() == ["H1"]  # H2 (4 of 9 acute) is too small to be named


def test_referral_mix_gives_each_sources_share_of_a_specialtys_first_visits():
    r = pd.DataFrame({s.YEAR: [2024] * 4, s.HOSPITAL: ["H1", "H2", "H1", "H1"], s.SPECIALTY: ["S1", "S1", "S1", "S2"],
                      s.SECTOR: ["somatic"] * 4,
                      s.REFERRAL_SOURCE: ["general_practice", "general_practice", "emergency_department", "other"],
                      s.VISITS: [6, 2, 2, 5], s.PATIENTS: [6, 2, 2, 5]})
    out = pathways.referral_mix(r, 2024).set_index(s.SPECIALTY)
    assert out.columns.tolist() == ["first_visits", "general_practice", "emergency_department", "other"]
    assert out.loc["S1"].tolist() == [10, 0.8, 0.2, 0.0] and out.loc["S2", "other"] == 1.0
    assert out.index.tolist() == ["S1", "S2"]  # most first visits first


def referred(*histories: tuple) -> ibis.Table:
    """Visits from (patient, [(days after START, visit type)], referral source of the first visit)."""
    rows = []
    for pid, days, source in histories:
        for d, vt in days:
            rows.append({s.PATIENT_ID: pid, s.VISIT_DATE: START + dt.timedelta(days=d), s.HOSPITAL: "H1",
                         s.SPECIALTY: "S1", s.SECTOR: "somatic", s.VISIT_TYPE: vt,
                         s.REFERRAL_SOURCE: source if vt == "assessment" else "own_department"})
    return ibis.memtable(pd.DataFrame(rows))


def test_seen_once_counts_first_visits_with_no_later_visit_in_the_window(con):
    t = referred(
        ("once", [(400, "assessment")], "general_practice"),
        ("same_day", [(400, "assessment"), (400, "sampling")], "general_practice"),  # one day: seen once
        ("back", [(420, "assessment"), (500, "follow_up")], "general_practice"),
        ("late", [(380, "assessment"), (380 + 366, "follow_up")], "emergency_department"),  # after the window
        ("too_late_to_tell", [(700, "assessment")], "general_practice"),  # its window ends after the data
        ("last", [(1000, "follow_up")], "other"),  # the data end on day 1000
    )
    out = pathways.seen_once(con, t, 2024).set_index(s.REFERRAL_SOURCE)
    assert out.loc["general_practice", ["first_visits", "seen_once"]].tolist() == [3, 2]
    assert out.loc["general_practice", "share"] == pytest.approx(2 / 3)
    assert out.loc["emergency_department", ["first_visits", "seen_once"]].tolist() == [1, 1]
    assert pathways.seen_once(con, t, 2024, window_days=400).set_index(s.REFERRAL_SOURCE).loc[
        "emergency_department", "seen_once"] == 0


def test_the_units_above_their_upper_limit_are_named_clearly_high_first():
    table = pd.DataFrame({s.HOSPITAL: list("ABCD"), s.SPECIALTY: ["S"] * 4, "value": [0.5, 0.3, 0.6, 0.1],
                          "class": ["high_95", "high_998", "within", "low_998"]})
    assert pathways.above_limits(table)[s.HOSPITAL].tolist() == ["B", "A"]


# --- 08's finding on one hospital's page (05) ------------------------------------------------

def test_a_hospitals_page_states_its_calendar_share_and_the_units_08_finds_clearly_high():
    shares = pd.DataFrame({s.HOSPITAL: ["A", "A", "B"], s.SPECIALTY: ["Reumatologi", "Urologi", "Urologi"],
                           "intervals": [100, 300, 600], "calendar_like": [80, 60, 60]})
    high = pd.DataFrame({s.HOSPITAL: ["A"], s.SPECIALTY: ["Reumatologi"], "intervals": [100], "share": [0.8],
                         "specialty_share": [0.3], "expected": [25.0], "chance_share": [0.05], "class": ["high_998"]})
    cal = pathways.Calendar(shares, pd.DataFrame(), None, high)
    first, second = pathways.hospital_calendar(cal, "A", 2024, "en")
    # A: 140 of 400 intervals (35%); the region 200 of 1,000 (20%)
    assert "35" in first and "400" in first and "20" in first
    assert second.startswith("A, Reumatologi has 80")
    assert ("where the habit of Reumatologi at the region's other hospitals (30.0% there) gives 25.0% expected "
            "and 5.0% "
            "are expected without booking") in second
    assert pathways.hospital_calendar(cal, "B", 2024, "en")[-1].startswith(
        "None of the hospital's specialties lies clearly above what the specialty")
    assert pathways.hospital_calendar(cal, "C", 2024, "en") == []


def test_a_hospitals_calendar_sentence_gives_no_count_below_5_away():
    shares = pd.DataFrame({s.HOSPITAL: ["A", "B", "C"], s.SPECIALTY: ["Urologi"] * 3,
                           "intervals": [4, 300, 600], "calendar_like": [0, 2, 60]})
    cal = pathways.Calendar(shares, pd.DataFrame(), None, shares.iloc[0:0].assign(value=[], target=[], **{"class": []}))
    assert pathways.hospital_calendar(cal, "A", 2024, "en") == []  # 4 intervals: too few to say anything
    assert pathways.hospital_calendar(cal, "B", 2024, "en")[0].startswith("In 2024, <5 of the hospital's 300")


def test_a_chance_share_resting_on_1_to_4_intervals_is_not_shown():
    shares = pd.DataFrame({"chance_like": [3.5, 5.5, 0.0, 20.0], "chance_share": [0.035, 0.055, 0.0, 0.2]})
    assert pathways.shown_chance_share(shares).isna().tolist() == [True, False, False, False]  # 3.5 is about 4


def test_the_calendar_fact_counts_each_unit_with_the_rule_it_was_counted_by():
    shares = pd.DataFrame({s.HOSPITAL: ["A"], s.SPECIALTY: ["Urologi"], "intervals": [10], "calendar_like": [4]})
    name, value = pathways.calendar_fact(shares, 2024, ("somatic",), (91,), 7)
    assert name == "calendar"
    assert value == {"parameters": {"year": 2024, "targets": [91], "tolerance": 7}, "sectors": ["somatic"],
                     "units": {"A|Urologi": [4, 10]}}


# --- the chance baseline ------------------------------------------------------------------------
def _histogram(days: dict[int, int], hospital: str = "H", specialty: str = "S") -> pd.DataFrame:
    return pd.DataFrame({"hospital": hospital, "specialty": specialty, "days": list(days),
                         "intervals": list(days.values())})


def test_intervals_spread_evenly_have_a_calendar_share_near_their_chance_share():
    # one interval on every day from 1 to 600: the windows (3 x 29 days) take 87 of 600, and the
    # windows moved their width, 29 days, earlier (48-76, 139-167, 322-350) and later (106-134,
    # 197-225, 380-408) as many
    out = pathways.calendar_share(_histogram({d: 1 for d in range(1, 601)})).iloc[0]
    assert out["calendar_like"] == 87 and out["share"] == pytest.approx(87 / 600)
    assert out["chance_like"] == 87 and out["chance_share"] == pytest.approx(87 / 600)


def test_follow_ups_booked_every_six_months_are_all_calendar_and_none_by_chance():
    out = pathways.calendar_share(_histogram({180: 30, 183: 50, 190: 20})).iloc[0]
    assert out["share"] == 1 and out["chance_share"] == 0


def test_the_chance_share_is_a_parabola_through_the_windows_moved_once_and_twice():
    # 62 days: in the window of 91 moved 29 days earlier; 394: of 365 moved later (weight 4/6 each);
    # 30 days: of 91 moved twice earlier (weight -1/6); 100: in the window of 91 itself
    out = pathways.calendar_share(_histogram({62: 12, 394: 6, 30: 6, 100: 6})).iloc[0]
    assert out["chance_like"] == pytest.approx(4 / 6 * (12 + 6) - 1 / 6 * 6)
    assert out["chance_var"] == pytest.approx((4 / 6) ** 2 * (12 + 6) + (1 / 6) ** 2 * 6)
    assert out["chance_share"] == pytest.approx(11 / 30)
    assert out["calendar_like"] == 6  # 100 lies within 14 days of 91


def test_only_an_excess_beyond_noise_counts_as_booked_by_the_calendar():
    # 30 calendar-like against 24 by chance (36 in the bands once moved) is noise: 6 < 1.64 x sqrt(30 + 16);
    # ten times as many is not: 60 > 1.64 x sqrt(300 + 160)
    small = pathways.calendar_share(_histogram({91: 30, 62: 36})).iloc[0]
    large = pathways.calendar_share(_histogram({91: 300, 62: 360})).iloc[0]
    assert small["chance_like"] == pytest.approx(24) and small["calendar_beyond_chance"] == 0
    assert large["calendar_beyond_chance"] == pytest.approx(300 - 240)


def test_the_chance_share_is_exact_where_interval_lengths_follow_a_parabola():
    # intervals of every length from 1 to 600 days, as many as a quadratic curve says: with no
    # calendar booking, the windows hold just what the curve puts there (a straight line would not)
    days = np.arange(1, 601)
    out = pathways.calendar_share(_histogram(dict(zip(days, 5000 - 20.0 * days + 0.03 * days ** 2)))).iloc[0]
    assert out["chance_like"] == pytest.approx(out["calendar_like"])


def test_a_specialtys_patients_by_the_segment_each_has_across_specialties(con):
    # in 2023: "many" has 12 visits, 11 in S1 and one follow-up in S2, so is a high user in S2 too;
    # "long" is long-term in S2 (4 visits, 3 follow-ups); "one" is a one-off in S1
    t = visits(("many", every(20, 11), "treatment", "H1", "S1"), ("many", [300], "follow_up", "H2", "S2"),
               ("long", [0, 91, 182, 280], ["assessment", "follow_up", "follow_up", "follow_up"], "H1", "S2"),
               ("one", [10], "assessment", "H1", "S1"))
    out = pathways.specialty_segments(con, t, 2023).set_index([s.SPECIALTY, pathways.SEGMENT])
    assert len(out) == 2 * len(pathways.SEGMENTS)  # every segment for every specialty
    s2 = out.loc["S2"]
    assert s2["patients"].to_dict() == {"high_user": 1, "long_term_follow_up": 1, "short_course": 0,
                                        "one_off": 0, "other": 0}
    assert s2.loc["high_user", "visits"] == 1 and s2.loc["long_term_follow_up", "visits"] == 4  # the specialty's
    assert s2.loc["long_term_follow_up", "share_of_visits"] == pytest.approx(4 / 5)
    assert s2.loc["long_term_follow_up", "follow_up_share"] == pytest.approx(3 / 4)
    assert out.loc[("S1", "high_user"), "share_of_patients"] == pytest.approx(1 / 2)
    assert pd.isna(out.loc[("S1", "other"), "follow_up_share"])  # no visits in the segment
