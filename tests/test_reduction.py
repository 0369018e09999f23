"""The shared reduction estimate: priced by the run's table, guideline table as given, and the
saving's key figure with its unit once."""
from __future__ import annotations

import pandas as pd
import pytest

from analysis.analyses import budget, measures, reduction, uncertainty
from analysis.analyses import scenarios as S
from analysis.engine.aggregate import Aggregates

PLAN = S.ScenarioFile(drivers={"d": {"da": "d", "en": "d"}}, scenarios=[
    S.Scenario(name="bench", driver="d", lever="benchmark", share=1.0, visit_types=["follow_up"])])
TARIFFS = pd.DataFrame({"specialty": [""], "visit_type": ["follow_up"], "contact_mode": ["in_person"], "dkk": [1000.0]})


def test_the_saving_key_figure_names_its_unit_once():
    assert reduction.dkk_interval(12.34e6, 10.06e6, 14.2e6, "da") == "12,3 mio. kr. (10,1–14,2)"
    assert reduction.dkk_interval(12.34e6, 10.06e6, 14.2e6, "en") == "DKK 12.3m (10.1–14.2)"
    assert reduction.dkk_interval(1e6, -2.5e6, 5.7e6, "da") == "1,0 mio. kr. (-2,5 til 5,7)"


def test_the_guideline_benchmark_uses_the_table_it_is_given():
    units = pd.DataFrame({"year": [2024, 2024], "hospital": ["A", "B"], "specialty": ["K", "K"],
                          "sector": ["somatic"] * 2, "visits": [500, 300], "patients": [100, 100]})
    act = pd.DataFrame({"year": [2024] * 2, "hospital": ["A", "B"], "specialty": ["K", "K"], "sector": ["somatic"] * 2,
                        "visit_type": ["follow_up"] * 2, "contact_mode": ["in_person"] * 2, "visits": [250, 100]})
    agg = Aggregates("visits", act, units=units)
    guide = pd.DataFrame({"specialty": ["K"], "follow_ups_per_patient": [2.0]})
    est = reduction.estimate(agg, 2024, PLAN, TARIFFS, benchmark="guideline", guidelines=guide)
    # A: 250 follow-ups against 2 x 100 = 200 -> 50 visits x 1,000 DKK; B below its 200
    assert est.effects.groupby("hospital")["saving_dkk"].sum().to_dict() == pytest.approx({"A": 50_000})


def test_on_counts_alone_the_benchmark_is_follow_ups_per_first_visit():
    """A pre-aggregated extract (no patients per unit): three hospitals with 100 first visits
    each and 200, 200 and 300 follow-ups. The median hospital has 2 follow-ups per first visit,
    so C's benchmark excess is 300 - 2 x 100 = 100 follow-ups, priced at 1,000 DKK."""
    rows = []
    for hospital, follow_ups in (("A", 200), ("B", 200), ("C", 300)):
        rows += [(2024, hospital, "K", "somatic", "assessment", "in_person", 100),
                 (2024, hospital, "K", "somatic", "follow_up", "in_person", follow_ups)]
    act = pd.DataFrame(rows, columns=["year", "hospital", "specialty", "sector", "visit_type", "contact_mode",
                                      "visits"])
    est = reduction.estimate(Aggregates("aggregated", act), 2024, PLAN, TARIFFS)
    assert est.benchmark_possible and est.benchmark_measure == "follow_up_ratio" and est.benchmark_strata == ()
    assert est.effects.groupby("hospital")["saving_dkk"].sum().to_dict() == pytest.approx({"C": 100_000})


def test_the_report_says_when_the_benchmark_rests_on_counts_or_is_crude():
    est = reduction.Estimate(None, pd.DataFrame(), pd.DataFrame(), True, "follow_up_ratio", ())
    note = reduction.benchmark_note(est, "en")
    assert "visits per first visit" in note and "not adjusted for case mix" in note
    adjusted = reduction.Estimate(None, pd.DataFrame(), pd.DataFrame(), True, "visits_per_patient", ("age_band", "sex"))
    assert reduction.benchmark_note(adjusted, "en") == ""
    assert "left out" in reduction.benchmark_note(reduction.Estimate(None, pd.DataFrame(), pd.DataFrame(), False), "en")


# A PRO idea taking its share of the calendar-booked follow-ups: A/K has 100 in-person follow-ups
# and 10 intervals between follow-ups in 2024, 4 of them calendar-like (91 days), 6 not (40 days).
MEASURED_PLAN = S.ScenarioFile(drivers={"d": {"da": "d", "en": "d"}}, scenarios=[
    S.Scenario(name="Færre kontroller", driver="d", lever="drop", share=0.1, visit_types=["follow_up"]),
    S.Scenario(name="PRO", en={"name": "PRO follow-up"}, driver="d", lever="to_written", share=0.5, low=0.3,
               high=0.7, visit_types=["follow_up"], of="calendar_follow_ups")])
PRO_TARIFFS = pd.DataFrame({"specialty": [""] * 2, "visit_type": ["follow_up"] * 2,
                            "contact_mode": ["in_person", "written"], "dkk": [1000.0, 400.0]})
FOLLOW_UPS = pd.DataFrame({"year": [2024], "hospital": ["A"], "specialty": ["K"], "sector": ["somatic"],
                           "visit_type": ["follow_up"], "contact_mode": ["in_person"], "visits": [100]})
HISTOGRAM = pd.DataFrame({"year": [2024, 2024], "hospital": ["A", "A"], "specialty": ["K", "K"],
                          "sector": ["somatic"] * 2, "days": [91, 40], "intervals": [4, 6]})


def test_an_idea_takes_its_share_of_the_measured_calendar_booked_follow_ups():
    est = reduction.estimate(Aggregates("visits", FOLLOW_UPS, intervals=HISTOGRAM), 2024, MEASURED_PLAN, PRO_TARIFFS)
    by = est.effects.groupby("scenario")[["visits_changed", "saving_dkk"]].sum()
    # 10 dropped leaves 90; 90 x 0.4 calendar-booked x 0.5 reachable = 18, each 1,000 - 400 DKK
    assert by.loc["PRO", "visits_changed"] == pytest.approx(18)
    assert by.loc["PRO", "saving_dkk"] == pytest.approx(18 * 600)
    assert est.left_out == {} and reduction.left_out_notes(est, MEASURED_PLAN, "en") == []
    # the intervals' draws and the tornado vary the share of the measured part: 0.3 and 0.7 of 36
    sens = uncertainty.sensitivity(est.inputs).set_index("assumption")
    assert sens.loc["PRO", ["low", "high"]].tolist() == pytest.approx([10 * 1000 + 10.8 * 600,
                                                                       10 * 1000 + 25.2 * 600])
    assert uncertainty.simulate(est.inputs, draws=5)["saving_dkk"].gt(0).all()
    about = measures.MEASURES["calendar_follow_ups"].describe("en")
    assert reduction.measured_notes(est, "en") == [
        f"The idea “PRO follow-up” takes its share of a measured quantity, calendar-booked follow-ups: {about}. "
        "The share is the part of them assumed reachable."]


def test_on_an_aggregated_extract_a_measured_idea_is_left_out_and_said_to_be():
    est = reduction.estimate(Aggregates("aggregated", FOLLOW_UPS), 2024, MEASURED_PLAN, PRO_TARIFFS)
    assert est.left_out == {"PRO": "calendar_follow_ups"}
    assert [sc.name for sc in est.inputs.scenarios] == ["Færre kontroller"]
    assert set(est.effects["scenario"]) == {"Færre kontroller"}
    assert reduction.left_out_notes(est, MEASURED_PLAN, "da") == [
        "Idéen “PRO” bygger på en målt størrelse (kalenderbookede kontroller), som kræver data på besøgsniveau; "
        "den er ikke regnet med."]
    assert reduction.left_out_notes(est, MEASURED_PLAN, "en") == [
        "The idea “PRO follow-up” rests on a measured quantity (calendar-booked follow-ups), which needs visit-level "
        "data; it is not counted."]


# Hand-made costs of a follow-up: minutes per visit (doctors, nurses, secretaries) in person 20, 15, 10
# and written 4, 6, 4; a minute costs 10, 6 and 5 DKK (960,000, 576,000 and 480,000 DKK a year for
# 96,000 minutes); variable cost 60 DKK in person, 0 written; a PRO answer costs 50 DKK.
_INDEX = pd.MultiIndex.from_tuples([("follow_up", "in_person"), ("follow_up", "written")],
                                   names=["visit_type", "contact_mode"])
COSTS = budget.Costs(pd.DataFrame({"doctors": [20.0, 4.0], "nurses": [15.0, 6.0], "secretaries": [10.0, 4.0]},
                                  index=_INDEX),
                     pd.Series({"doctors": 960_000.0, "nurses": 576_000.0, "secretaries": 480_000.0}),
                     pd.Series([60.0, 0.0], index=_INDEX), pd.Series({"general_practice": 300.0, "pro_answer": 50.0}),
                     minutes_per_fte=96_000)


def test_the_ideas_table_says_what_each_share_rests_on_and_gives_both_kinds_of_kroner():
    est = reduction.estimate(Aggregates("visits", FOLLOW_UPS, intervals=HISTOGRAM), 2024, MEASURED_PLAN, PRO_TARIFFS,
                             costs=COSTS)
    table = reduction.ideas_table(est, "en")
    assert table["scenario"].tolist() == ["Færre kontroller", "PRO follow-up"]
    assert table["share_basis"].tolist() == ["assumed", "measured: calendar-booked follow-ups"]
    assert table["share_range"].tolist() == ["10%–10% (10%)", "30%–70% (50%)"]
    assert table["visits_changed"].tolist() == pytest.approx([10, 18])
    # a dropped follow-up frees 20x10 + 15x6 + 10x5 + 60 = 400 DKK of cash; one moved to PRO frees
    # 16x10 + 9x6 + 6x5 + 60 - 50 = 254 DKK; at the tariff they are worth 1,000 and 1,000 - 400
    assert table["budget_effect_dkk"].tolist() == pytest.approx([10 * 400, 18 * 254])
    assert table["tariff_value_dkk"].tolist() == pytest.approx([10 * 1000, 18 * 600])
    assert "saving_dkk" not in table
    # the estimate's intervals carry the same cash: the point total of the draws' function
    assert uncertainty.totals(est.inputs)["budget_effect_dkk"] == pytest.approx(10 * 400 + 18 * 254)


def test_the_summary_puts_the_largest_budget_effect_first():
    effects = pd.DataFrame({"hospital": ["A", "B", "A"], "visits_changed": [10.0, 30.0, 5.0],
                            "in_person_avoided": [10.0, 30.0, 0.0], "budget_effect_dkk": [4_000.0, 3_000.0, 500.0],
                            "tariff_value_dkk": [10_000.0, 30_000.0, 2_000.0]})
    out = reduction.summary(effects, ["hospital"])
    assert out.columns.tolist() == ["hospital", "visits_changed", "in_person_avoided", "budget_effect_dkk",
                                    "tariff_value_dkk"]
    # A frees more cash (4,500) though B's visits are worth more at the tariff (30,000)
    assert out["hospital"].tolist() == ["A", "B"]
    assert out["budget_effect_dkk"].tolist() == [4_500, 3_000] and out["tariff_value_dkk"].tolist() == [12_000, 30_000]


EFFECTS = pd.DataFrame({
    "hospital": ["A", "A", "B", "B"], "driver": ["less", "form", "less", "form"],
    "scenario": ["drop", "pro", "drop", "pro"], "visits_changed": [10.0, 18.0, 5.0, 30.0],
    "in_person_avoided": [10.0, 18.0, 5.0, 30.0],
    "budget_effect_dkk": [4_000.0, 4_572.0, 2_000.0, 7_620.0], "tariff_value_dkk": [10_000.0, 10_800.0, 5_000.0,
                                                                                    18_000.0]})


def test_each_hospitals_potential_in_both_kinds_adds_up_to_the_region():
    est = reduction.Estimate(None, pd.DataFrame(), EFFECTS, True)
    pot = reduction.potential_by_hospital([est])
    assert pot.to_dict("index") == {"A": {"budget_effect_dkk": 8_572, "tariff_value_dkk": 20_800},
                                    "B": {"budget_effect_dkk": 9_620, "tariff_value_dkk": 23_000}}
    # in a given order, with nothing for a hospital the ideas do not touch
    named = reduction.potential_by_hospital([est], ["C", "B"])
    assert named.index.tolist() == ["C", "B"] and named.loc["C"].tolist() == [0, 0]
    assert reduction.potential_by_hospital([]).empty


def test_the_driver_diagram_orders_drivers_and_ideas_by_budget_effect():
    drivers, ideas = reduction.driver_tree(EFFECTS, {"less": "Færre", "form": "Anden form"},
                                           {"drop": "Drop", "pro": "PRO"})
    # the PRO ideas free 4,572 + 7,620 = 12,192 DKK of cash, the drops 6,000
    assert drivers == [("Anden form", 12_192, 28_800), ("Færre", 6_000, 15_000)]
    assert ideas == [("Anden form", "PRO", 48, 12_192, 28_800), ("Færre", "Drop", 15, 6_000, 15_000)]


def test_the_by_hospital_table_carries_the_budget_effects_interval_from_the_draws():
    draws = pd.DataFrame({"hospital": ["A", "B"] * 3, "draw": [0, 0, 1, 1, 2, 2],
                          "budget_effect_dkk": [8_000.0, 9_000.0, 8_600.0, 9_600.0, 9_200.0, 10_200.0]})
    table = reduction.by_hospital(EFFECTS, draws).set_index("hospital")
    assert table.columns.tolist() == ["visits_changed", "in_person_avoided", "budget_effect_dkk", "budget_low",
                                      "budget_high", "tariff_value_dkk"]
    assert table.index.tolist() == ["B", "A"]  # B frees more cash
    # the 2.5% and 97.5% points of three draws, linear between them: 8,000 + 0.05 x 600 = 8,030 ...
    assert table.loc["A", ["budget_low", "budget_high"]].tolist() == pytest.approx([8_030, 9_170])
    assert table.loc["B", "tariff_value_dkk"] == 23_000


def test_the_key_figures_name_the_budget_effect_against_the_requirement():
    draws = pd.DataFrame({"budget_effect_dkk": [20e6, 25e6, 30e6], "saving_dkk": [80e6, 90e6, 100e6]})
    m = reduction.money({"budget_effect_dkk": 25e6, "saving_dkk": 90e6}, draws, 60_000_000)
    assert (m.budget, m.value, m.target) == (25e6, 90e6, 60e6)
    assert (m.budget_low, m.budget_high) == pytest.approx((20.25e6, 29.75e6))
    assert (m.value_low, m.value_high) == pytest.approx((80.5e6, 99.5e6))
    assert m.cover == pytest.approx(25 / 60) and m.short == 35e6
    assert reduction.money({"budget_effect_dkk": 70e6, "saving_dkk": 90e6}, draws, 60_000_000).short == 0


def test_the_hospitals_potentials_add_up_to_the_regions_by_idea(small_region, cache_dir):
    """One source per quantity: 05 (once per hospital), 04 (by hospital) and 03 (by idea) call the
    same estimate with the same parameters, so on the small synthetic region the hospitals' parts
    add up to the region's ideas table in visits, budget effect and tariff value."""
    from analysis.analyses import peers, potential, scenarios
    from analysis.engine import pipeline

    prep = pipeline.prepare(str(small_region))
    plan, prices, costs = scenarios.load(""), prep.prices(""), budget.load_costs()
    tables, bench = measures.Tables("", "", ""), potential.parse_benchmark("median")
    # 03 with its defaults: the own region's peers, case mix by age band and sex, best_k 0
    own, ref = peers.split(prep.aggregates, peers.comparison_for(prep.aggregates, "region", "", ""))
    region = reduction.estimate(own, 2024, plan, prices, "somatic", bench, 0, ["age_band", "sex"], tables=tables,
                                reference=ref, costs=costs)
    ideas = reduction.ideas_table(region, "da").set_index("scenario")
    # 05 with its defaults, once for each somatic hospital
    drill = reduction.estimate(prep.aggregates, 2024, plan, prices, "somatic", bench, 0, tables=tables, costs=costs)
    act = prep.aggregates.activity
    hospitals = sorted(act.loc[(act["year"] == 2024) & (act["sector"] == "somatic"), "hospital"].unique())
    parts = pd.concat([reduction.summary(reduction.for_hospital(drill, h), ["scenario"]) for h in hospitals])
    summed = parts.groupby("scenario")[reduction.SUMMED].sum().rename(index=plan.titles("da"))
    summed = summed.reindex(ideas.index).fillna(0.0)
    assert len(hospitals) == 5 and ideas["budget_effect_dkk"].sum() > 0
    for column in reduction.SUMMED:
        assert summed[column].to_numpy() == pytest.approx(ideas[column].to_numpy(dtype=float), rel=1e-9), column
    # 04: the potential by hospital the key is compared with adds up to the same region
    by_hospital = reduction.potential_by_hospital([drill], hospitals)
    assert by_hospital.sum().to_dict() == pytest.approx(ideas[reduction.MONEY].sum().to_dict(), rel=1e-9)
    # the budget effect is the cash part: below the tariff value for the region
    assert ideas["budget_effect_dkk"].sum() < ideas["tariff_value_dkk"].sum()


def test_the_level_tables_are_unread_where_no_idea_counted_the_level_of_specialisation():
    """03-05 listed the level tables in their footer when the level idea was left out."""
    from types import SimpleNamespace

    def est(measured, needs=None):
        return SimpleNamespace(inputs=SimpleNamespace(measured=measured), needs=needs or {})

    assert reduction.tables_unread(est({})) == {"specialisation", "diagnosis_levels"}
    assert reduction.tables_unread(est({"calendar_follow_ups": None},
                                       {"basic_level_follow_ups": "pot_needs_diagnosis_residence"})) == {
        "specialisation", "diagnosis_levels"}
    assert reduction.tables_unread(est({"basic_level_follow_ups": None})) == set()
    # read, but naming no university hospital: the page says so, and the footer names them
    assert reduction.tables_unread(est({}, {"basic_level_follow_ups": "pot_needs_levels"})) == set()


def test_the_budget_effect_resting_on_assumed_shares_alone_is_told_apart():
    plan = S.ScenarioFile(drivers={"d": {"da": "d", "en": "d"}}, scenarios=[
        S.Scenario(name="guess", driver="d", lever="drop", share=0.1, visit_types=["follow_up"]),
        S.Scenario(name="bench", driver="d", lever="benchmark", share=0.5, visit_types=["follow_up"]),
        S.Scenario(name="measured", driver="d", lever="to_written", share=0.5, of="calendar_follow_ups",
                   visit_types=["follow_up"])])
    effects = pd.DataFrame({"scenario": ["guess", "bench", "measured", "guess"], "visits_changed": [1.0] * 4,
                            "in_person_avoided": [1.0] * 4, "budget_effect_dkk": [3_000.0, 4_000.0, 2_000.0, 1_000.0],
                            "tariff_value_dkk": [9.0] * 4})
    # the drop idea alone rests on a share nobody measured: 3,000 + 1,000 of 10,000
    assert reduction.assumed(effects, plan) == pytest.approx((4_000.0, 0.4))
    assert reduction.assumed(effects.iloc[:0], plan)[0] == 0
