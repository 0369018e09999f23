"""Following the decision: counterfactual, realised saving in kroner, targets, status, displacement."""
from __future__ import annotations

import re

import numpy as np
import pandas as pd
import pytest

from analysis.analyses import follow_up as F
from analysis.analyses import savings_key, staff
from analysis.analyses.scenarios import ScenarioFile
from analysis.base.workdays import working_days

DECISION = "2025-01-01"
MONTHS = pd.date_range("2023-01-01", "2025-06-01", freq="MS")  # 24 baseline months, 6 after
PRICES = pd.DataFrame({"specialty": [""] * 4, "visit_type": ["follow_up"] * 4,
                       "contact_mode": ["in_person", "phone", "video", "written"], "dkk": [1500, 700, 1000, 500]})
# the budget effect of one follow-up more or fewer (budget.cash_per_visit's shape): cash, not tariff
CASH = pd.Series([500.0, 200.0, 250.0, 150.0], index=pd.MultiIndex.from_product(
    [["follow_up"], ["in_person", "phone", "video", "written"]], names=["visit_type", "contact_mode"]))


def monthly(series: dict[tuple[str, str], list[float]], specialty: str = "Urologi") -> pd.DataFrame:
    """A monthly table from {(hospital, contact_mode): visits per month over MONTHS}."""
    rows = []
    for (hospital, mode), values in series.items():
        sector = "psychiatry" if hospital.startswith("Psyk") else "somatic"
        for month, v in zip(MONTHS, values):
            rows.append({"month": month.date(), "hospital": hospital, "specialty": specialty, "sector": sector,
                         "visit_type": "follow_up", "contact_mode": mode, "visits": v})
    return pd.DataFrame(rows)


def realise(m: pd.DataFrame, **kw) -> F.Realised:
    """The counterfactual of made-up series that ignore working days (a month is a month)."""
    return F.realise(m, PRICES, DECISION, working_days=False, cash=CASH, **kw)


def flat(level: float, after: float | None = None) -> list[float]:
    """`level` visits a month, `after` from the decision on."""
    return [level] * 24 + [level if after is None else after] * 6


def test_a_flat_series_expects_its_baseline_and_a_fall_is_priced_at_its_price():
    m = monthly({("A", "in_person"): flat(100, 80), ("B", "in_person"): flat(200)})
    real = realise(m)
    by = real.summary(["hospital"]).set_index("hospital")
    # 6 months x 20 fewer in-person follow-ups x 1,500 DKK
    assert by.loc["A", "saving"] == pytest.approx(6 * 20 * 1500)
    assert by.loc["B", "saving"] == pytest.approx(0, abs=1e-6)
    assert by.loc["A", "low"] > 0 > by.loc["B", "low"]


def test_a_sum_asked_again_is_the_same_and_what_a_caller_changes_does_not_reach_the_next():
    m = monthly({("A", "in_person"): flat(100, 80), ("B", "in_person"): flat(200)})
    real = realise(m)
    first = real.summary(["hospital"], "budget", real.rows["hospital"] == "A")
    first["saving"] = -1.0  # a caller's own change to its copy
    again = real.summary(["hospital"], "budget", real.rows["hospital"] == "A")
    assert again.loc[0, "saving"] == pytest.approx(6 * 20 * 500)  # 20 fewer a month at 500 DKK cash
    assert real.summary(["hospital"], "budget", real.rows["hospital"] == "B").loc[0, "hospital"] == "B"
    assert len(real.summary(["hospital"], "budget")) == 2  # another mask, another sum


def test_a_move_to_the_phone_counts_net_of_the_phones_price():
    m = monthly({("A", "in_person"): flat(100, 90), ("A", "phone"): flat(50, 60), ("B", "in_person"): flat(100)})
    real = realise(m)
    a = real.summary(["hospital"]).set_index("hospital").loc["A", "saving"]
    assert a == pytest.approx(6 * 10 * (1500 - 700))


def test_a_visit_moved_to_another_hospital_is_netted_out_of_the_region():
    m = monthly({("A", "in_person"): flat(100, 70), ("B", "in_person"): flat(100, 130), ("C", "in_person"): flat(100)})
    real = realise(m)
    by = real.summary(["hospital"]).set_index("hospital")["saving"]
    assert by["A"] == pytest.approx(6 * 30 * 1500) and by["B"] == pytest.approx(-6 * 30 * 1500)
    assert real.summary([])["saving"].iloc[0] == pytest.approx(0, abs=1e-6)
    moved = F.displacement(real)
    assert moved[["hospital", "fell_at"]].values.tolist() == [["B", "A"]]
    assert moved["rise_visits"].iloc[0] == pytest.approx(180)


def test_a_rise_in_psychiatry_is_shown_even_without_a_somatic_fall_beside_it():
    m = monthly({("A", "in_person"): flat(100, 70), ("Psykiatrien", "in_person"): flat(100, 130)})
    moved = F.displacement(realise(m))
    assert moved["sector"].tolist() == ["psychiatry"]


def test_the_netting_parts_add_up_to_the_regions_net():
    m = monthly({("A", "in_person"): flat(100, 70), ("B", "in_person"): flat(100, 120), ("C", "in_person"): flat(100)})
    net = F.netting(realise(m)).set_index("part")
    assert net.loc["gross_reductions", "budget_effect_dkk"] == pytest.approx(6 * 30 * 500)  # cash
    assert net.loc["gross_reductions", "tariff_value_dkk"] == pytest.approx(6 * 30 * 1500)  # at the tariff
    assert net.loc["rises_target_sectors", "budget_effect_dkk"] == pytest.approx(-6 * 20 * 500)
    for column in ("budget_effect_dkk", "tariff_value_dkk"):
        assert net[column].drop("net_region").sum() == pytest.approx(net.loc["net_region", column])


def test_a_month_with_more_working_days_expects_more_visits():
    # 10 visits every working day (weekdays less the Danish holidays: Easter moves between March
    # and April) at two hospitals; A drops to 8 a working day from the decision on
    days = working_days(MONTHS)
    m = monthly({("A", "in_person"): list(10 * days[:24]) + list(8 * days[24:]), ("B", "in_person"): list(10 * days)})
    by = F.realise(m, PRICES, DECISION).summary(["hospital"]).set_index("hospital")["saving"]
    assert by["A"] == pytest.approx(2 * days[24:].sum() * 1500)
    assert by["B"] == pytest.approx(0, abs=1e-6)


def test_the_trend_of_the_baseline_is_carried_forward():
    # in person falls 1% a month at every hospital (the drift to other modes): no decision effect
    trend = [100 * 0.99 ** i for i in range(30)]
    m = monthly({("A", "in_person"): trend, ("B", "in_person"): [2 * v for v in trend]})
    real = realise(m)
    assert real.rows["expected"].to_numpy() == pytest.approx(real.rows["actual"].to_numpy(), rel=1e-6)


def test_each_hospitals_own_trend_is_carried_forward():
    # A grows 1% a month, B is flat and C shrinks 0.5% a month: a shared trend would read A's
    # growth as a rise and C's decline as a saving
    m = monthly({("A", "in_person"): [100 * 1.01 ** i for i in range(30)], ("B", "in_person"): flat(200),
                 ("C", "in_person"): [300 * 0.995 ** i for i in range(30)]})
    real = realise(m)
    assert real.rows["expected"].to_numpy() == pytest.approx(real.rows["actual"].to_numpy(), rel=1e-6)
    trends = dict(zip(real.components["clusters"], real.components["trend"]))
    assert trends["A|somatic"] - trends["B|somatic"] == pytest.approx(12 * np.log(1.01), rel=1e-6)


def test_the_level_counterfactual_leaves_the_trend_out():
    m = monthly({("A", "in_person"): [100 * 1.01 ** i for i in range(30)], ("B", "in_person"): flat(200)})
    real = realise(m, counterfactual="level")
    a = real.rows[(real.rows["hospital"] == "A") & (real.rows["period"] == "assessed")]
    # about the last baseline year's mean, 100 x mean(1.01^12..1.01^23), every month after the
    # decision (the month-of-year effects take up a little of the trend), not 1.01^24.. onwards
    assert a["expected"].to_numpy() == pytest.approx(100 * np.mean(1.01 ** np.arange(12, 24)), rel=0.005)
    assert (a["actual"] > a["expected"] * 1.05).all()
    with pytest.raises(ValueError, match="counterfactual must be one of"):
        realise(m, counterfactual="linear")


@pytest.mark.slow
def test_the_interval_covers_no_change_about_95_times_in_100():
    covered = 0
    for seed in range(100):
        rng = np.random.default_rng(seed)
        season = 1 + 0.2 * np.sin(np.arange(30) * 2 * np.pi / 12)
        m = monthly({(h, "in_person"): rng.poisson(lam * season).astype(float)
                     for h, lam in (("A", 400), ("B", 250), ("C", 150))})
        total = realise(m).summary([]).iloc[0]
        covered += total["low"] <= 0 <= total["high"]
    assert 88 <= covered <= 99


def test_too_short_a_baseline_is_a_clear_error():
    m = monthly({("A", "in_person"): flat(100)})
    with pytest.raises(ValueError, match="at least 13 months before the decision"):
        F.realise(m, PRICES, "2023-06-01")


def test_the_profile_carries_the_last_value_forward_and_starts_at_zero():
    assert F.profile_for({2025: 0, 2026: 60_000_000}, [2024, 2025, 2026, 2028]) == {
        2024: 0, 2025: 0, 2026: 60_000_000, 2028: 60_000_000}
    with pytest.raises(ValueError, match="whole, non-negative"):
        F.profile_for({2026: -1}, [2026])


ACTIVITY = pd.DataFrame({"year": 2024, "hospital": ["A", "B", "C", "Psyk"],
                         "sector": ["somatic", "somatic", "somatic", "psychiatry"], "visits": [500, 300, 200, 900]})


def test_targets_sum_to_each_years_amount_and_equal_the_savings_key():
    t = F.targets(ACTIVITY, 2024, {2025: 30_000_001, 2026: 60_000_000}, [2025, 2026])
    assert t.groupby("year")["target_dkk"].sum().to_dict() == {2025: 30_000_001, 2026: 60_000_000}
    key = savings_key.key(ACTIVITY, 2024, "visits", 60_000_000).set_index("hospital")["amount_dkk"]
    assert t[t["year"] == 2026].set_index("hospital")["target_dkk"].to_dict() == key.to_dict()
    assert "Psyk" not in set(t["hospital"])


def test_the_status_rule_reads_the_interval_against_the_share():
    # share 100 each; rate with its interval (low, high)
    rate = pd.Series({"A": 120.0, "B": 95.0, "C": 80.0, "D": 115.0, "E": 72.0, "F": 100.0, "G": 0.0})
    low = pd.Series({"A": 101.0, "B": 70.0, "C": 60.0, "D": 100.0, "E": 10.0, "F": -5.0, "G": -60.0})
    high = pd.Series({"A": 140.0, "B": 120.0, "C": 99.0, "D": 130.0, "E": 134.0, "F": 205.0, "G": 60.0})
    share = pd.Series(100.0, index=list("ABCDEFG"))
    assert F.status(rate, low, high, share).to_dict() == {
        "A": "ahead",     # even the low end reaches the share
        "B": "on_track",  # the interval holds the share, 95% of it reached, something is saved
        "C": "behind",    # even the high end falls short
        "D": "ahead",
        "E": "unclear",   # 72% of the share: consistent with it, but not on track
        "F": "unclear",   # at the share, but the interval reaches below 0: it may be nothing
        "G": "behind",    # nothing happened: never ahead
    }


def test_the_run_rate_divides_by_the_seasonal_weight_of_its_months():
    m = monthly({("A", "in_person"): flat(100, 90), ("B", "in_person"): flat(100)})
    real = realise(m)
    rate = F.run_rate(real, ["hospital"], months=3).set_index("hospital")["rate"]
    # no seasonality: 10 fewer a month x 500 DKK in cash x 12 months
    assert rate["A"] == pytest.approx(10 * 500 * 12)
    value = F.run_rate(real, ["hospital"], months=3, what="tariff").set_index("hospital")["rate"]
    assert value["A"] == pytest.approx(10 * 1500 * 12)  # the tariff value of the same visits


def test_the_cumulative_target_accrues_a_twelfth_a_month():
    m = monthly({("A", "in_person"): flat(100, 90), ("B", "in_person"): flat(100)})
    real = realise(m)
    target = pd.DataFrame({"hospital": ["A", "B"], "year": 2025, "target_dkk": [120_000, 60_000]})
    cum = F.cumulative(real, target).set_index(["hospital", "quarter"])
    assert cum.loc[("A", "2025Q2"), "cumulative_target_dkk"] == pytest.approx(60_000)
    assert cum.loc[("A", "2025Q2"), "cumulative_dkk"] == pytest.approx(6 * 10 * 500)  # the budget effect
    assert cum.loc[("A", "2025Q2"), "tariff_value_dkk"] == pytest.approx(3 * 10 * 1500)  # the quarter's


PLAN = ScenarioFile.model_validate({
    "drivers": {"d": {"da": "d", "en": "d"}},
    "scenarios": [{"name": "Telefon", "driver": "d", "lever": "to_phone", "share": 0.1, "visit_types": ["follow_up"]},
                  {"name": "Færre kontroller", "driver": "d", "lever": "drop", "share": 0.1},
                  {"name": "Kun kardiologi", "driver": "d", "lever": "drop", "share": 0.1,
                   "specialties": ["Kardiologi"]}]})


def test_a_fall_with_a_rise_on_the_phone_resembles_the_phone_idea():
    m = monthly({("A", "in_person"): flat(200, 160), ("A", "phone"): flat(50, 80), ("B", "in_person"): flat(200, 170)})
    src = F.sources(realise(m), PLAN).set_index("hospital")
    assert src.loc["A", "lever"] == "to_phone" and src.loc["A", "ideas"] == "Telefon"
    assert src.loc["B", "lever"] == "drop" and src.loc["B", "ideas"] == "Færre kontroller"
    assert src.loc["A", "moved_visits"] == pytest.approx(6 * 30)


def test_fewer_visits_free_staff_time_and_the_phone_calls_take_some_back():
    minutes = staff.load_staff_time()
    change = pd.DataFrame({"visit_type": ["follow_up", "follow_up"], "contact_mode": ["in_person", "phone"],
                           "visits": [9600.0, -9600.0]})
    # doctors: 9,600 x (20 - 10) minutes / 96,000 = 1 FTE
    assert staff.fte_changed(change, minutes, 96_000)["doctors"] == pytest.approx(1.0)


def test_the_monthly_path_shows_the_target_from_the_decision_on():
    m = monthly({("A", "in_person"): flat(100, 90), ("B", "in_person"): flat(100)})
    real = realise(m, incomplete=[pd.Timestamp("2025-06-01")])
    target = pd.DataFrame({"hospital": ["A", "B"], "year": 2025, "target_dkk": [120_000, 60_000]})
    p = F.path(real, target).set_index(["hospital", "month"])
    assert np.isnan(p.loc[("A", pd.Timestamp("2024-12-01")), "target"])
    assert p.loc[("A", pd.Timestamp("2025-01-01")), "target"] == 10_000
    assert p.loc[("A", pd.Timestamp("2025-06-01")), "period"] == "incomplete"
    # the incomplete month is charted but never summed as a saving: 5 months x 10 x 1,500
    assert real.summary(["hospital"]).set_index("hospital").loc["A", "saving"] == pytest.approx(5 * 10 * 1500)


def test_staff_freed_a_year_against_attrition():
    m = monthly({("A", "in_person"): flat(100, 20), ("B", "in_person"): flat(100)})
    real = realise(m)
    in_use = pd.Series({"doctors": 10.0, "nurses": 10.0, "secretaries": 10.0})
    out = F.staff_freed(real, staff.load_staff_time(), in_use, 0.1).set_index("staff_group")
    # 80 follow-ups a month x 12 x 20 doctor-minutes / (1,600 h x 60) = 0.2 FTE; attrition 1 FTE
    assert out.loc["doctors", "fte_freed"] == pytest.approx(80 * 12 * 20 / 96_000)
    assert out.loc["doctors", "share_of_attrition"] == pytest.approx(0.2)


def test_the_months_a_follow_up_can_use():
    m = monthly({("A", "in_person"): flat(100)})
    assert F.months_available(m, DECISION) == (24, 6)
    assert F.months_available(m, DECISION, 24, [pd.Timestamp("2025-06-01")]) == (24, 5)
    assert F.months_available(m, "2023-06-01") == (5, 25)


def test_the_status_table_puts_each_hospital_against_its_share():
    m = monthly({("A", "in_person"): flat(100, 90), ("B", "in_person"): flat(100)})
    # A saves 10 follow-ups a month: 60,000 kr. a year in cash (180,000 kr. at the tariff)
    table = F.status_table(realise(m), pd.Series({"A": 60_000.0, "B": 500_000.0}))
    t = table.set_index("hospital")
    assert t.loc["A", "reached"] == pytest.approx(1.0) and t.loc["A", "status"] == "on_track"
    assert t.loc["A", "tariff_rate"] == pytest.approx(180_000)
    assert t.loc["B", "status"] == "behind"  # nothing saved: even the interval's high end is short


def test_a_hospitals_month_shocks_widen_its_interval():
    # six hospitals whose every month is shifted by a shock of 3% (sd) against six calm ones
    rng = np.random.default_rng(3)
    shocked = monthly({(h, "in_person"): rng.poisson(2000 * np.exp(rng.normal(0, 0.03, 30))).astype(float)
                       for h in "ABCDEF"})
    calm = monthly({(h, "in_person"): rng.poisson([2000.0] * 30).astype(float) for h in "ABCDEF"})
    rough, smooth = realise(shocked), realise(calm)
    assert np.sqrt(np.mean(rough.components["shock_var"])) == pytest.approx(0.03, abs=0.01)
    assert np.mean(smooth.components["shock_var"]) < 0.01 ** 2  # Poisson noise alone: 2.2% a month
    # a month: 3% shock beside 2.2% Poisson noise against the noise alone, about 1.7 times the spread
    assert rough.summary([])["sd"].iloc[0] > 1.5 * smooth.summary([])["sd"].iloc[0]


def test_attrition_over_a_phase_in_compounds():
    # 100 FTE, 10% a year for 2 years: 10 + 9
    assert staff.attrition_over(100, 0.1, 2) == pytest.approx(19)


def test_the_saving_is_priced_at_the_regions_own_price_of_the_year():
    from analysis.inputs import tariffs

    # the extract values a 2025 in-person follow-up at 1,350 kr. (the table says 1,500)
    own = pd.DataFrame({"year": [2025], "hospital": ["A"], "specialty": ["Urologi"], "sector": ["somatic"],
                        "visit_type": ["follow_up"], "contact_mode": ["in_person"], "visits": [1000],
                        "cost_dkk": [1_350_000.0]})
    table = tariffs.prices(own, PRICES)
    m = monthly({("A", "in_person"): flat(100, 80), ("B", "in_person"): flat(100)})
    real = F.realise(m, table, DECISION, working_days=False)
    assert real.summary(["hospital"]).set_index("hospital").loc["A", "saving"] == pytest.approx(6 * 20 * 1350)


def test_the_netting_tables_clear_falls_are_the_falls_listed_as_sources():
    m = monthly({("A", "in_person"): flat(100, 70), ("A", "phone"): flat(50, 60), ("B", "in_person"): flat(100, 120),
                 ("C", "in_person"): flat(100)})
    real = realise(m)
    listed = F.sources(real, PLAN)
    net = F.netting(real).set_index("part")
    assert listed["budget_effect_dkk"].sum() == pytest.approx(net.loc["gross_reductions", "budget_effect_dkk"])
    # A: 30 in-person follow-ups fewer and 10 phone calls more a month, for 6 months, in cash
    assert net.loc["gross_reductions", "budget_effect_dkk"] == pytest.approx(6 * (30 * 500 - 10 * 200))


def test_a_hospitals_own_page_gets_the_status_07_gives_it():
    # 5 visits a working day at A (4 from the decision on) and at B: A saves a working day's visit
    days = working_days(MONTHS)
    m = monthly({("A", "in_person"): list(5 * days[:24]) + list(4 * days[24:]), ("B", "in_person"): list(5 * days)})
    share = pd.Series({"A": 60_000.0, "B": 500_000.0})
    real = F.realise(m, PRICES, DECISION, cash=CASH)
    table = F.status_table(real, share).set_index("hospital")
    own = F.hospital_standing(m, PRICES, CASH, share, "A", DECISION)
    assert own.problem == ""
    assert own.row["status"] == table.loc["A", "status"] and own.row["rate"] == pytest.approx(table.loc["A", "rate"])
    assert F.hospital_standing(m, PRICES, CASH, share, "B", DECISION).row["status"] == "behind"
    too_early = F.hospital_standing(m, PRICES, CASH, share, "A", "2023-06-01")
    assert too_early.row is None and "mindst 13 måneder" in too_early.problem


def test_the_front_pages_lead_names_hospitals_behind_so_a_comma_in_a_name_is_not_read_as_two():
    table = pd.DataFrame({"hospital": ["Hospital A, Nord", "Hospital B", "Hospital C", "Hospital D"],
                          "status": ["behind", "behind", "behind", "ahead"]})
    lead = F.region_lead(50.0, 40.0, 60.0, 100.0, 2026, table, "da")
    assert lead.endswith("Bagud: Hospital A, Nord; Hospital B og Hospital C.")
    assert "mod det fulde krav på 100 kr. om året fra 2026: bagud" in lead  # not this year's requirement


def test_a_baseline_of_twelve_months_is_refused_with_a_trend_and_fits_without():
    """A level, 11 seasonal terms and a trend are 13 parameters: 12 months cannot fit them (the fit
    was rank-deficient and 07 failed); 13 can, and without the trend 12 can."""
    m = monthly({("A", "in_person"): flat(100, 90), ("B", "in_person"): flat(200)})
    with pytest.raises(ValueError, match="at least 13 months"):
        realise(m, baseline_months=12)
    assert realise(m, baseline_months=13).summary([]).iloc[0]["saving"] > 0
    assert realise(m, baseline_months=12, counterfactual="level").summary([]).iloc[0]["saving"] > 0


def test_the_method_writes_one_value_where_every_hospital_swings_alike():
    """On a small extract every hospital's monthly swing was 0: "0,0 % til 0,0 % pr. måned"."""
    from types import SimpleNamespace

    real = SimpleNamespace(method="hospital_trend", components={
        "trend": [0.01, 0.03], "shock_var": [0.0, 0.0], "common_var": 0.0, "tau2_unit": 0.0004, "phi": 1.2,
        "kappa": 0.0025})
    text = F.method_text(real, "da")
    assert "systemskifte; 0,0 % pr. måned" in text and "0,0 % til 0,0 %" not in text
    assert "(1,0 % til 3,0 % om året i grundperioden, ud over regionens egen udvikling)" in text


# --- what rests on the expectation without the decision ---------------------------------------------
def test_a_saving_the_other_expectation_moves_by_its_standard_error_rests_on_the_expectation():
    # A: 95% interval 0.2-1.8 mio., so sd = 0.8 / 1.96 = 0.41 mio.; the other expectation's 0.1 mio.
    # is 0.9 mio. away. B: sd = 0.6 / 1.96 = 0.31 mio.; -0.2 mio. is 0.3 mio. away, less than one sd.
    # C: sd = 0.5 / 1.96 = 0.26 mio.; 0.0 is 0.3 mio. away, inside its interval (-0.2-0.8) yet more
    # than one sd: a growth that levelled off, whose trend widens the interval that was to judge it
    table = pd.DataFrame({"hospital": ["A", "B", "C"], "rate": [1.0e6, 0.1e6, 0.3e6],
                          "rate_low": [0.2e6, -0.5e6, -0.2e6], "rate_high": [1.8e6, 0.7e6, 0.8e6]})
    other = pd.DataFrame({"hospital": ["C", "B", "A"], "rate": [0.0, -0.2e6, 0.1e6],
                          "rate_low": [-0.5e6, -0.9e6, -0.6e6], "rate_high": [0.5e6, 0.5e6, 0.8e6]})
    out = F.rests_on_expectation(table, other).set_index("hospital")
    assert out.loc["A", "other_rate"] == 0.1e6 and out.loc["A", "other_high"] == 0.8e6
    assert out["depends"].to_dict() == {"A": True, "B": False, "C": True}


def test_a_move_of_a_quarter_of_the_share_rests_on_the_expectation_whatever_the_noise():
    # a new user's hospital whose growth stopped a year before the decision: 251,566 kr. a year against
    # 45,198 under the level, a standard error of about 218,000 (less than one), but a share of 130,000:
    # the choice moves it by 158 % of the share. B moves by 10 % of its share and less than one sd; C by
    # 150 % of a small share but a tenth of a standard error: chance
    table = pd.DataFrame({"hospital": ["A", "B", "C"], "rate": [251_566.0, 1.0e6, 50_000.0],
                          "rate_low": [-175_000.0, 0.2e6, -400_000.0], "rate_high": [678_000.0, 1.8e6, 500_000.0],
                          "share_full": [130_000.0, 1.0e6, 20_000.0]})
    other = table.assign(rate=[45_198.0, 0.9e6, 20_000.0])
    assert F.rests_on_expectation(table, other)["depends"].tolist() == [True, False, False]


def test_a_status_the_other_expectation_changes_rests_on_the_expectation():
    # B moves by less than one sd (0.1 of 0.31 mio.), but the move takes it from on track to not yet clear
    table = pd.DataFrame({"hospital": ["A", "B"], "rate": [0.1e6, 0.95e6], "rate_low": [-0.5e6, 0.35e6],
                          "rate_high": [0.7e6, 1.55e6], "status": ["unclear", "on_track"]})
    other = table.assign(rate=[0.05e6, 0.85e6], status=["unclear", "unclear"])
    assert F.rests_on_expectation(table, other)["depends"].tolist() == [False, True]


def test_a_growth_that_levelled_off_before_the_decision_is_credited_only_by_its_trend():
    # A grew 2% a month for 16 months and then stayed flat; B, C and D stayed flat; nobody cut.
    # A's own trend projected on expects more growth and reads its plateau as a saving of about
    # 1 mio. kr. a year; the level of its last baseline year reads none
    rng = np.random.default_rng(1)
    m = monthly({("A", "in_person"): rng.poisson([1000 * 1.02 ** min(i, 16) for i in range(30)]).astype(float),
                 **{(h, "in_person"): rng.poisson([1000.0] * 30).astype(float) for h in "BCD"}})
    real = F.realise(m, PRICES, DECISION, cash=CASH)
    other = F.realise_other(real, m, PRICES, DECISION, 24, [], cash=CASH)
    assert (real.method, other.method) == ("hospital_trend", "level")
    share = pd.Series(50_000.0, index=list("ABCD"))
    out = F.rests_on_expectation(F.status_table(real, share), F.status_table(other, share)).set_index("hospital")
    assert out.loc["A", "rate"] > 0.5e6 and out.loc["A", "other_rate"] < 0.1e6
    assert out["depends"].to_dict() == {"A": True, "B": False, "C": False, "D": False}
    # A's own page (05) says the same of A
    for h in "AB":
        row = F.hospital_standing(m, PRICES, CASH, share, h, DECISION, 24).row
        assert row["depends"] == (h == "A") and row["other_rate"] == pytest.approx(out.loc[h, "other_rate"])


def test_a_growth_that_levelled_off_inside_a_wide_interval_still_rests_on_the_expectation():
    # A grew 1% a month for 15 months and stayed flat the last 9 months before the decision; every
    # hospital has monthly shocks of 4%; nobody cut (a new user's own region). A's trend projected on
    # credits it with about 0.5 mio. kr. a year; the level of its last year with about none, inside
    # the trend's wide interval. Over 20 such regions the rule names A in 11 (the interval test: 0)
    # and B, C or D in none of 60.
    rng = np.random.default_rng(14)
    shock = lambda: np.exp(rng.normal(0, 0.04, 30))  # noqa: E731
    grew = [1000 * 1.01 ** min(i, 15) for i in range(30)]
    m = monthly({("A", "in_person"): rng.poisson(grew * shock()).astype(float),
                 **{(h, "in_person"): rng.poisson(1000.0 * shock()).astype(float) for h in "BCD"}})
    real = F.realise(m, PRICES, DECISION, cash=CASH)
    other = F.realise_other(real, m, PRICES, DECISION, 24, [], cash=CASH)
    share = pd.Series(50_000.0, index=list("ABCD"))
    out = F.rests_on_expectation(F.status_table(real, share), F.status_table(other, share)).set_index("hospital")
    a = out.loc["A"]
    assert a["rate_low"] < a["other_rate"] < a["rate_high"] and a["rate"] > 0.4e6 and a["other_rate"] < 0.1e6
    assert out["depends"].to_dict() == {"A": True, "B": False, "C": False, "D": False}


def test_no_other_expectation_where_the_baseline_is_too_short_for_it():
    m = monthly({("A", "in_person"): flat(100, 90), ("B", "in_person"): flat(200)})
    level = realise(m, baseline_months=12, counterfactual="level")
    assert F.realise_other(level, m, PRICES, DECISION, 12, [], cash=CASH) is None  # a trend needs 13 months
    trend = realise(m, baseline_months=13)
    assert F.realise_other(trend, m, PRICES, DECISION, 13, [], cash=CASH).method == "level"


def test_the_follow_up_page_names_a_hospital_whose_saving_rests_on_its_trend():
    from types import SimpleNamespace

    from analysis.base import labels as L
    from analysis.reporting import follow_up_report

    rng = np.random.default_rng(1)  # the levelled-off growth of A above
    m = monthly({("A", "in_person"): rng.poisson([1000 * 1.02 ** min(i, 16) for i in range(30)]).astype(float),
                 **{(h, "in_person"): rng.poisson([1000.0] * 30).astype(float) for h in "BCD"}})
    real = F.realise(m, PRICES, DECISION, cash=CASH)
    other = F.realise_other(real, m, PRICES, DECISION, 24, [], cash=CASH)
    share = pd.Series(50_000.0, index=list("ABCD"))
    page = SimpleNamespace(language="da", formatters=L.formatters("da"))
    blocks = list(follow_up_report.expectation(page, real, other, F.status_table(real, share), share,
                                               run_rate_months=6))
    text = " ".join(b.data for b in blocks if hasattr(b, "data"))
    risks = [p for b in blocks for p in getattr(b, "points", [])]  # for the front page's decision paper
    assert [p["section"] for p in risks] == ["risk"] and risks[0]["text"].startswith("For A afhænger besparelsen")
    assert "Målt mod niveauet i året før beslutningen uden tendens i stedet for mod hvert hospitals egen" in text
    assert ("For A betyder valget af forventning noget: målt uden tendens flytter besparelsen sig mindst én "
            "standardafvigelse") in text
    assert re.search(r"A: [\d,]+ mio\. kr\. .* uden tendens\. Forslag", risks[0]["text"])  # both numbers
    assert "tilskrives beslutningen en besparelse, der ikke er sket" in text
    assert re.search(r"A: [\d,]+ mio\. kr\. \([-\d,]+(–| til )[\d,]+\) pr\. år med egen tendens, "
                     r"-?[\d,]+ (mio\. )?kr\. \([^)]*\) uden tendens\.", text)
    assert "For B" not in text and "B:" not in text


def test_the_front_pages_lead_names_a_saving_that_rests_on_the_expectation():
    table = pd.DataFrame({"hospital": ["A", "B"], "status": ["on_track", "unclear"], "depends": [True, False]})
    lead = F.region_lead(1.0e6, 0.5e6, 1.5e6, 1.0e6, 2026, table, "da")
    assert lead.endswith("For A hviler besparelsen på forventningen uden beslutning.")
    assert "hviler" not in F.region_lead(1.0e6, 0.5e6, 1.5e6, 1.0e6, 2026, table.assign(depends=False), "da")


def test_06_marks_a_reduction_that_only_the_hospitals_own_trend_sees():
    # A grew 2% a month for 16 months and then stayed flat; B, C and D stayed flat; nobody cut.
    # Twelve months after the decision: 06 reads A's plateau as a reduction against A's own trend,
    # which the level of the year before does not see beyond chance
    months = pd.date_range("2023-01-01", "2025-12-01", freq="MS")
    rng = np.random.default_rng(2)
    m = pd.DataFrame([{"month": month.date(), "hospital": h, "specialty": "Urologi", "sector": "somatic",
                       "visit_type": "follow_up", "contact_mode": "in_person", "visits": float(v)}
                      for h in "ABCD"
                      for month, v in zip(months, rng.poisson([1000 * 1.02 ** min(i, 16) if h == "A" else 1000.0
                                                               for i in range(len(months))]))])
    result = F.monitored(m, PRICES, DECISION, ["hospital", "specialty"]).result.set_index("hospital")
    assert result.loc["A", "status"] == "reduction" and result.loc["A", "rests_on_expectation"]
    assert not result.drop(index="A")["rests_on_expectation"].any()


def test_the_hospitals_behind_are_listed_with_their_shortfall_largest_first():
    table = pd.DataFrame({"hospital": ["A", "B", "C", "D"], "share_full": [10e6, 20e6, 30e6, 5e6],
                          "rate": [2e6, 25e6, 10e6, 1e6], "status": ["behind", "ahead", "behind", "unclear"]})
    out = F.behind(table)
    assert out["hospital"].tolist() == ["C", "A"]  # 30 - 10 = 20 million short, then 10 - 2 = 8
    assert out["shortfall"].tolist() == [20e6, 8e6]


def test_the_requirement_is_met_when_the_region_is_ahead_or_on_track():
    assert F.met(61e6, 37e6, 85e6, 60e6)  # on track: the interval holds 60, the rate reaches it, above 0
    assert F.met(70e6, 61e6, 79e6, 60e6)  # ahead: even the low end reaches it
    assert not F.met(45e6, 20e6, 69e6, 60e6)  # not yet clear
    assert not F.met(20e6, 10e6, 30e6, 60e6)  # behind


def test_the_regions_saving_is_the_sum_of_the_hospitals_with_a_share_and_those_without():
    m = monthly({("A", "in_person"): flat(1000.0, after=900.0), ("B", "in_person"): flat(1000.0, after=950.0),
                 ("P", "in_person"): flat(1000.0, after=980.0)})
    real = F.realise(m, PRICES, DECISION, cash=CASH)
    keyed, others, region = F.reconciliation(real, ["A", "B"])
    rates = F.run_rate(real, ["hospital"]).set_index("hospital")["rate"]
    assert keyed == pytest.approx(rates["A"] + rates["B"]) and others.index.tolist() == ["P"]
    assert region == pytest.approx(keyed + others["P"])  # nothing lost between the table and the region


def test_the_region_and_its_hospitals_resting_on_the_expectation_are_one_risk_on_the_front_page(monkeypatch):
    """The decision paper names three risks: the region's status and the hospitals' savings that
    rest on the expectation are one cause, said in one, so a registration lag is not pushed off."""
    from types import SimpleNamespace

    from analysis.base import labels as L
    from analysis.reporting import follow_up_report

    rng = np.random.default_rng(1)  # the levelled-off growth of A above: the region's saving is A's plateau
    m = monthly({("A", "in_person"): rng.poisson([1000 * 1.02 ** min(i, 16) for i in range(30)]).astype(float),
                 **{(h, "in_person"): rng.poisson([1000.0] * 30).astype(float) for h in "BCD"}})
    real = F.realise(m, PRICES, DECISION, cash=CASH)
    other = F.realise_other(real, m, PRICES, DECISION, 24, [], cash=CASH)
    share = pd.Series(50_000.0, index=list("ABCD"))
    # the region's status as if its interval were narrow: a saving is ahead, none is behind
    monkeypatch.setattr(F, "region_status", lambda rate, low, high, target: "ahead" if rate > 0 else "behind")
    page = SimpleNamespace(language="da", formatters=L.formatters("da"))
    blocks = list(follow_up_report.expectation(page, real, other, F.status_table(real, share), share,
                                               run_rate_months=6))
    risks = [p for b in blocks for p in getattr(b, "points", [])]
    assert len(risks) == 1
    assert risks[0]["text"].startswith("Målt uden tendens er regionens budgetvirkning")
    assert "»bagud« i stedet for »foran«" in risks[0]["text"] and "For A afhænger besparelsen" in risks[0]["text"]
