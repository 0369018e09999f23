"""The budget effect in cash beside the tariff value: staff time, variable costs and the
substitute's cost of a change in visits, phased with natural attrition."""
from __future__ import annotations

import pandas as pd
import pytest

from analysis.analyses import budget, scenarios, staff
from analysis.analyses.scenarios import Scenario
from analysis.base import schema as s
from analysis.base.problems import InputError
from analysis.inputs import reference
from analysis.inputs.tariffs import load_tariffs

# Hand-made costs for a follow-up (the shipped illustrative figures, stated here so that every
# expected number can be worked out below). Minutes per visit: doctors, nurses, secretaries.
MINUTES = pd.DataFrame(
    {"doctors": [20, 15, 10, 4], "nurses": [15, 5, 5, 6], "secretaries": [10, 8, 6, 4]},
    index=pd.MultiIndex.from_tuples([("follow_up", m) for m in ("in_person", "video", "phone", "written")],
                                    names=["visit_type", "contact_mode"]), dtype=float)
PER_FTE = pd.Series({"doctors": 1_100_000.0, "nurses": 600_000.0, "secretaries": 450_000.0})
VARIABLE = pd.Series([75.0, 15.0, 5.0, 0.0], index=MINUTES.index)
SUBSTITUTE = pd.Series({"general_practice": 300.0, "pro_answer": 60.0})
COSTS = budget.Costs(MINUTES, PER_FTE, VARIABLE, SUBSTITUTE, minutes_per_fte=1_600 * 60)
FTE_MIN = 1_600 * 60  # minutes an FTE works with patients a year

# one hospital's 1,000 in-person follow-ups a year, priced by the illustrative tariffs
# (in person 1,500 DKK, phone 700, written 500)
ACTIVITY = pd.DataFrame({"hospital": ["H"], "specialty": ["Kardiologi"], "sector": ["somatic"],
                         "visit_type": ["follow_up"], "contact_mode": ["in_person"], "visits": [1_000]})
TARIFFS = load_tariffs()


def planned(lever, share=0.1, **kw):
    """The one row scenarios.apply gives for an idea taking `share` of the 1,000 follow-ups,
    with its budget effect."""
    sc = Scenario(name="x", driver="d", lever=lever, share=share, **kw)
    changes = scenarios.apply(ACTIVITY, [sc], TARIFFS)
    return budget.effect(changes, COSTS, [sc]).iloc[0]


def test_a_dropped_visit_frees_all_its_minutes_and_its_variable_cost():
    row = planned("drop")  # 100 in-person follow-ups no longer take place
    doctors = 100 * 20 / FTE_MIN * 1_100_000  # 22,917 DKK
    nurses = 100 * 15 / FTE_MIN * 600_000  # 9,375
    secretaries = 100 * 10 / FTE_MIN * 450_000  # 4,688
    assert row["fte_doctors"] == pytest.approx(100 * 20 / FTE_MIN)
    assert row["staff_dkk"] == pytest.approx(doctors + nurses + secretaries)
    assert row["variable_dkk"] == pytest.approx(100 * 75)
    assert row["substitute_dkk"] == 0
    assert row["budget_effect_dkk"] == pytest.approx(doctors + nurses + secretaries + 7_500)  # 44,479
    assert row["tariff_value_dkk"] == pytest.approx(100 * 1_500)  # 150,000: capacity, not cash


def test_a_visit_moved_to_phone_frees_the_difference_only():
    row = planned("to_phone")  # the phone call still takes 10, 5 and 6 minutes and 5 DKK
    staff_dkk = (100 * (20 - 10) / FTE_MIN * 1_100_000 + 100 * (15 - 5) / FTE_MIN * 600_000
                 + 100 * (10 - 6) / FTE_MIN * 450_000)  # 11,458 + 6,250 + 1,875
    assert row["staff_dkk"] == pytest.approx(staff_dkk)
    assert row["variable_dkk"] == pytest.approx(100 * (75 - 5))
    assert row["budget_effect_dkk"] == pytest.approx(staff_dkk + 7_000)  # 26,583
    assert row["tariff_value_dkk"] == pytest.approx(100 * (1_500 - 700))  # 80,000


def test_a_shift_to_general_practice_frees_the_visit_and_costs_the_gp_fee():
    row = planned("shift")  # no staff group: out of the hospital; no fee of its own: the table's
    staff_dkk = 100 * 20 / FTE_MIN * 1_100_000 + 100 * 15 / FTE_MIN * 600_000 + 100 * 10 / FTE_MIN * 450_000
    assert row["staff_dkk"] == pytest.approx(staff_dkk)
    assert row["variable_dkk"] == pytest.approx(100 * 75)
    assert row["substitute_dkk"] == pytest.approx(-100 * 300)
    assert row["budget_effect_dkk"] == pytest.approx(staff_dkk + 7_500 - 30_000)  # 14,479


def test_a_shift_with_its_own_fee_costs_that_fee():
    assert planned("shift", substitute_dkk=250)["substitute_dkk"] == pytest.approx(-100 * 250)
    assert planned("shift", substitute_dkk=0)["substitute_dkk"] == 0  # the file says it costs the region nothing


def test_a_shift_to_nurses_costs_their_minutes_and_keeps_the_visit():
    row = planned("shift", staff_group="nurses", substitute_dkk=800)
    # doctors and secretaries freed; the nurses take the whole visit: 20 + 15 + 10 = 45 minutes
    # instead of their 15, so 30 more; the visit still takes place in person (variable cost
    # stays) and the 800 DKK is the nurse-led visit's price in the tariff arithmetic, not cash
    assert row["fte_nurses"] == pytest.approx(-100 * 30 / FTE_MIN)
    staff_dkk = 100 * 20 / FTE_MIN * 1_100_000 - 100 * 30 / FTE_MIN * 600_000 + 100 * 10 / FTE_MIN * 450_000
    assert row["staff_dkk"] == pytest.approx(staff_dkk)  # 22,917 - 18,750 + 4,688 = 8,854
    assert row["variable_dkk"] == 0 and row["substitute_dkk"] == 0
    assert row["tariff_value_dkk"] == pytest.approx(100 * (1_500 - 800))


def test_a_visit_moved_to_pro_costs_the_platform_per_answer():
    row = planned("to_written")  # the written visit takes 4, 6 and 4 minutes, 0 DKK, and a 60 DKK answer
    staff_dkk = (100 * 16 / FTE_MIN * 1_100_000 + 100 * 9 / FTE_MIN * 600_000 + 100 * 6 / FTE_MIN * 450_000)
    assert row["staff_dkk"] == pytest.approx(staff_dkk)  # 18,333 + 5,625 + 2,813
    assert row["variable_dkk"] == pytest.approx(100 * 75)
    assert row["substitute_dkk"] == pytest.approx(-100 * 60)
    assert row["budget_effect_dkk"] == pytest.approx(staff_dkk + 7_500 - 6_000)


def test_a_relocated_visit_has_no_budget_effect_but_the_level_difference_as_tariff_value():
    measured = {"basic_level_follow_ups": pd.DataFrame(
        {"hospital": ["H"], "specialty": ["Kardiologi"], "visit_type": ["follow_up"], "fraction": [0.2],
         "dkk_saved_per_visit": [300.0]})}
    sc = Scenario(name="x", driver="d", lever="relocate", share=0.5, of="basic_level_follow_ups")
    changes = scenarios.apply(ACTIVITY, [sc], TARIFFS, measured=measured)
    row = budget.effect(changes, COSTS, [sc]).iloc[0]
    # 1,000 x 20% x 0.5 = 100 follow-ups move to the home hospital, still in person
    assert row["visits_changed"] == pytest.approx(100)
    assert row[["staff_dkk", "variable_dkk", "substitute_dkk", "budget_effect_dkk"]].tolist() == [0, 0, 0, 0]
    assert row["tariff_value_dkk"] == pytest.approx(100 * 300)


def test_staff_is_counted_exactly_as_the_fte_freed():
    ideas = [Scenario(name="drop", driver="d", lever="drop", share=0.1),
             Scenario(name="pro", driver="d", lever="to_written", share=0.2),
             Scenario(name="nurse", driver="d", lever="shift", share=0.1, staff_group="nurses"),
             Scenario(name="gp", driver="d", lever="shift", share=0.1)]
    changes = scenarios.apply(ACTIVITY, ideas, TARIFFS)
    mine = budget.total(budget.effect(changes, COSTS, ideas), ["scenario"]).set_index("scenario")
    theirs = staff.fte_freed(changes, ideas, MINUTES).set_index("scenario")
    for g in staff.GROUPS:
        assert mine[f"fte_{g}"].to_numpy() == pytest.approx(theirs[g].to_numpy())


def test_a_shift_needs_its_staff_group():
    changes = scenarios.apply(ACTIVITY, [Scenario(name="x", driver="d", lever="shift", share=0.1)], TARIFFS)
    with pytest.raises(ValueError, match="staff group"):
        budget.effect(changes, COSTS)
    # the row's own columns do instead of the scenario list
    row = budget.effect(changes.assign(staff_group="", substitute_per_visit_dkk=200.0), COSTS).iloc[0]
    assert row["substitute_dkk"] == pytest.approx(-100 * 200)


def test_realised_changes_more_visits_cost_money():
    # after the decision: 100 fewer in-person follow-ups, 100 more phone calls, 50 more PRO answers
    realised = pd.DataFrame({"visit_type": ["follow_up"] * 3, "contact_mode": ["in_person", "phone", "written"],
                             "visits": [100.0, -100.0, -50.0]})
    rows = budget.effect(realised, COSTS, prices=TARIFFS)
    phone = rows.iloc[1]
    assert phone["staff_dkk"] == pytest.approx(-(100 * 10 / FTE_MIN * 1_100_000 + 100 * 5 / FTE_MIN * 600_000
                                                 + 100 * 6 / FTE_MIN * 450_000))
    assert phone["variable_dkk"] == pytest.approx(-100 * 5)
    assert phone["tariff_value_dkk"] == pytest.approx(-100 * 700)
    written = rows.iloc[2]
    assert written["substitute_dkk"] == pytest.approx(-50 * 60) and written["budget_effect_dkk"] < 0
    # the in-person and phone rows together are the move to phone worked out above
    both = rows.iloc[:2][["staff_dkk", "variable_dkk"]].sum()
    assert both["variable_dkk"] == pytest.approx(100 * (75 - 5))
    assert both["staff_dkk"] == pytest.approx(planned("to_phone")["staff_dkk"])


def test_realised_changes_without_prices_have_no_tariff_value():
    realised = pd.DataFrame({"visit_type": ["follow_up"], "contact_mode": ["in_person"], "visits": [10.0]})
    out = budget.total(budget.effect(realised, COSTS))
    assert pd.isna(out.loc[0, "tariff_value_dkk"]) and out.loc[0, "budget_effect_dkk"] > 0


def test_the_totals_add_up_by_any_grouping():
    ideas = [Scenario(name="drop", driver="d", lever="drop", share=0.1),
             Scenario(name="phone", driver="d", lever="to_phone", share=0.1)]
    two = pd.concat([ACTIVITY, ACTIVITY.assign(hospital="G", visits=500)], ignore_index=True)
    effects = budget.effect(scenarios.apply(two, ideas, TARIFFS), COSTS, ideas)
    by_hospital = budget.total(effects, ["hospital"])
    region = budget.total(effects)
    assert list(by_hospital["hospital"]) == ["H", "G"]
    for col in ["tariff_value_dkk", "budget_effect_dkk", "staff_dkk", "variable_dkk", "substitute_dkk"]:
        assert by_hospital[col].sum() == pytest.approx(region.loc[0, col])
    assert region.loc[0, "budget_effect_dkk"] == pytest.approx(region.loc[0, ["staff_dkk", "variable_dkk",
                                                                              "substitute_dkk"]].sum())


def test_attrition_caps_the_staff_cash_of_year_one_and_lifts_it_later():
    # 9,600 follow-ups dropped free 9,600 x 20 / 96,000 = 2 doctor FTE (2,200,000 DKK a year);
    # 20 doctors leaving at 5% a year: by year 1 1.0 can have gone, by year 2 20 x (1 - 0.95^2)
    # = 1.95, by year 3 20 x (1 - 0.95^3) = 2.85 (more than the 2 freed)
    changes = pd.DataFrame({"visit_type": ["follow_up"], "contact_mode": ["in_person"], "visits": [9_600.0]})
    effects = budget.effect(changes, COSTS)
    in_use = pd.Series({"doctors": 20.0, "nurses": 0.0, "secretaries": 1_000.0})
    phased = budget.phase_in(effects, COSTS, in_use, 0.05, years=3)
    doctors = phased[phased["staff_group"] == "doctors"].set_index("year")
    assert doctors["fte_freed"].tolist() == pytest.approx([2.0] * 3)
    assert doctors["fte_allowed"].tolist() == pytest.approx([1.0, 1.95, 2.8525])
    assert doctors["staff_dkk"].tolist() == pytest.approx([1_100_000, 1.95 * 1_100_000, 2_200_000])
    assert doctors["staff_dkk_full_year"].tolist() == pytest.approx([2_200_000] * 3)
    # no nurses to leave: none of the 1.5 nurse FTE freed becomes cash
    assert phased.loc[phased["staff_group"] == "nurses", "staff_dkk"].tolist() == [0, 0, 0]
    # the variable cost is saved in full from year 1
    years = budget.by_year(effects, phased).set_index("year")
    assert years["variable_dkk"].tolist() == pytest.approx([9_600 * 75] * 3)
    assert years["staff_dkk"].tolist() == pytest.approx(phased.groupby("year")["staff_dkk"].sum().tolist())


def test_staff_needed_costs_in_full_from_year_one():
    row = pd.DataFrame({"visit_type": ["follow_up"], "contact_mode": ["in_person"], "visits": [-9_600.0]})
    phased = budget.phase_in(budget.effect(row, COSTS), COSTS, pd.Series(10.0, index=list(staff.GROUPS)), 0.05, 2)
    doctors = phased[phased["staff_group"] == "doctors"]
    assert doctors["staff_dkk"].tolist() == pytest.approx([-2_200_000] * 2)


def test_the_years_by_scenario_share_the_capped_cash_and_add_up_to_the_region():
    ideas = [Scenario(name="drop", driver="d", lever="drop", share=0.5),
             Scenario(name="phone", driver="d", lever="to_phone", share=0.5)]
    effects = budget.effect(scenarios.apply(ACTIVITY.assign(visits=96_000), ideas, TARIFFS), COSTS, ideas)
    phased = budget.phase_in(effects, COSTS, pd.Series(100.0, index=list(staff.GROUPS)), 0.02, years=2)
    per = budget.by_year(effects, phased, ["scenario"])
    region = budget.by_year(effects, phased).set_index("year")
    summed = per.groupby("year")[["staff_dkk", "budget_effect_dkk", "tariff_value_dkk"]].sum()
    assert summed["staff_dkk"].to_numpy() == pytest.approx(region["staff_dkk"].to_numpy())
    assert summed["tariff_value_dkk"].to_numpy() == pytest.approx(region["tariff_value_dkk"].to_numpy())
    # 12.5 doctor FTE freed, 2 allowed to go in year 1: each idea gets less than its full year
    full = budget.total(effects, ["scenario"]).set_index("scenario")["staff_dkk"]
    first = per[per["year"] == 1].set_index("scenario")["staff_dkk"]
    assert (first < full.reindex(first.index)).all()


def test_the_attrition_rate_must_be_a_share():
    effects = budget.effect(pd.DataFrame({"visit_type": ["follow_up"], "contact_mode": ["in_person"],
                                          "visits": [1.0]}), COSTS)
    with pytest.raises(ValueError, match="between 0 and 1"):
        budget.phase_in(effects, COSTS, pd.Series(1.0, index=list(staff.GROUPS)), 1.5)


def test_the_shipped_cost_tables_load_and_say_they_are_illustrative():
    costs = budget.load_costs()
    assert costs.per_fte["doctors"] > costs.per_fte["nurses"] > costs.per_fte["secretaries"] > 0
    assert len(costs.variable) == 20 and set(costs.substitute.index) == {"general_practice", "pro_answer"}
    for kind in ("staff_cost", "variable_cost", "substitute_cost"):
        assert "ILLUSTRATIVE" in reference.locate(kind).read_text(encoding="utf-8")


def test_a_users_own_cost_table_is_read(tmp_path):
    own = tmp_path / "staff_cost.csv"
    own.write_text("# our figures\nstaff_group,dkk_per_fte\ndoctors,\"1200000,5\"\nnurses,650000\n"
                   "secretaries,400000\n", encoding="utf-8")
    assert budget.load_staff_cost(own)["doctors"] == pytest.approx(1_200_000.5)  # a decimal comma is read


def test_a_bad_cost_table_is_refused_naming_file_column_and_rows(tmp_path):
    bad = tmp_path / "my_staff_cost.csv"
    bad.write_text("staff_group,dkk_per_fte\ndoctors,1.1 mio\nnurses,600000\nporters,300000\n", encoding="utf-8")
    with pytest.raises(InputError) as err:
        budget.load_staff_cost(bad)
    text = str(err.value)
    assert "my_staff_cost.csv, column 'dkk_per_fte', row 1: values must be non-negative numbers" in text
    assert "my_staff_cost.csv, column 'staff_group', row 3: unknown staff_group" in text
    assert "Fix: use doctors, nurses, secretaries" in text
    assert "no row for secretaries" in text


def test_a_variable_cost_table_needs_every_visit_type_and_mode(tmp_path):
    bad = tmp_path / "variable.csv"
    bad.write_text("visit_type,contact_mode,dkk\nfollow_up,in_person,75\nfollow_up,in_person,80\n", encoding="utf-8")
    with pytest.raises(InputError) as err:
        budget.load_variable_cost(bad)
    text = str(err.value)
    assert ("variable.csv, column 'visit_type', rows 1, 2: the same visit_type x contact_mode on more than one row"
            in text)
    assert "no row for assessment/in_person" in text


def test_every_cost_table_problem_is_reported_together(tmp_path):
    (tmp_path / "a.csv").write_text("staff_group,dkk_per_fte\ndoctors,-1\nnurses,1\nsecretaries,1\n", encoding="utf-8")
    (tmp_path / "b.csv").write_text("substitute,dkk\ngeneral_practice,300\n", encoding="utf-8")
    with pytest.raises(InputError) as err:
        budget.load_costs(staff_cost_file=tmp_path / "a.csv", substitute_cost_file=tmp_path / "b.csv")
    assert len(err.value.problems) == 2 and "no row for pro_answer" in str(err.value)


def test_a_visits_cash_is_what_a_realised_change_of_one_visit_is_worth():
    costs = budget.load_costs()
    per = budget.cash_per_visit(costs)
    grid = pd.DataFrame([(v, m) for v in s.VISIT_TYPES for m in s.CONTACT_MODES],
                        columns=["visit_type", "contact_mode"])
    one = budget.effect(grid.assign(visits=1.0), costs)
    assert one["budget_effect_dkk"].to_numpy() == pytest.approx(
        per.reindex(pd.MultiIndex.from_frame(grid)).to_numpy())
    # an in-person follow-up: its staff minutes at the shipped costs, plus its variable cost
    minutes = costs.minutes.loc[("follow_up", "in_person")]
    staff = sum(minutes[g] * costs.per_fte[g] for g in ("doctors", "nurses", "secretaries")) / costs.minutes_per_fte
    assert per[("follow_up", "in_person")] == pytest.approx(staff + costs.variable[("follow_up", "in_person")])


def test_the_staff_table_shows_the_very_fte_the_budget_effect_prices():
    # 9,600 in-person follow-ups dropped: 2 doctor FTE (20 min), 1.5 nurse FTE (15), 1 secretary (10)
    effects = budget.effect(pd.DataFrame({"visit_type": ["follow_up"], "contact_mode": ["in_person"],
                                          "visits": [9_600.0]}), COSTS)
    in_use = pd.Series({"doctors": 50.0, "nurses": 30.0, "secretaries": 20.0})
    table = budget.staff_table(effects, COSTS, in_use, 0.08).set_index("staff_group")
    assert table["fte_freed"].tolist() == pytest.approx([2.0, 1.5, 1.0])
    assert table["fte_attrition"].tolist() == pytest.approx([4.0, 2.4, 1.6])
    assert table["share_of_attrition"].tolist() == pytest.approx([0.5, 1.5 / 2.4, 1 / 1.6])
    assert table["dkk_per_fte"].tolist() == [1_100_000, 600_000, 450_000]
    assert table["staff_dkk"].tolist() == pytest.approx([2_200_000, 900_000, 450_000])
    assert table["staff_dkk"].sum() == pytest.approx(budget.total(effects).loc[0, "staff_dkk"])  # 3,550,000


def test_the_phase_in_table_gives_each_year_and_the_full_year_side_by_side():
    # as above, 2 doctor FTE freed (2,200,000 DKK a year) with 20 doctors leaving at 5% a year: year 1
    # 1.0 FTE can go, year 2 1.95, year 3 all 2; nurses and secretaries have room from year 1
    effects = budget.effect(pd.DataFrame({"visit_type": ["follow_up"], "contact_mode": ["in_person"],
                                          "visits": [9_600.0]}), COSTS, prices=TARIFFS)
    phased = budget.phase_in(effects, COSTS, pd.Series({"doctors": 20.0, "nurses": 100.0, "secretaries": 100.0}),
                             0.05)
    table = budget.phase_table(effects, phased, "da")
    assert table["phase"].tolist() == ["År 1", "År 2", "År 3", "Fuldt år (alle frigjorte stillinger er væk)"]
    others = 900_000 + 450_000  # nurses 1.5 x 600,000 and secretaries 1 x 450,000
    assert table["staff_dkk"].tolist() == pytest.approx([1_100_000 + others, 1.95 * 1_100_000 + others,
                                                         2_200_000 + others, 2_200_000 + others])
    assert table["variable_dkk"].tolist() == pytest.approx([9_600 * 75] * 4)
    assert table["budget_effect_dkk"].to_numpy() == pytest.approx(
        table[["staff_dkk", "variable_dkk", "substitute_dkk"]].sum(axis=1).to_numpy())
    assert table["tariff_value_dkk"].tolist() == pytest.approx([9_600 * 1_500] * 4)  # no phase-in
    assert budget.phase_table(effects, phased, "en")["phase"].iloc[-1] == "Full year (every freed position gone)"


def test_the_report_says_which_cost_tables_it_used(tmp_path):
    shipped = budget.cost_sentence("da")
    assert shipped.startswith("**Omkostninger:** budgetvirkningen regnes med minutter pr. besøg fra den illustrative "
                              "tabel, kr. pr. årsværk fra den illustrative tabel,")  # the files: in the footer
    assert shipped.endswith("De illustrative tabeller er antagelser, indtil regionen erstatter dem med egne tal.")
    own = {}
    for kind in budget.COST_TABLES:
        own[kind] = tmp_path / f"own_{kind}.csv"
        own[kind].write_text(reference.locate(kind).read_text(encoding="utf-8"), encoding="utf-8")
    mine = budget.cost_sentence("en", *(own[k] for k in budget.COST_TABLES))
    assert mine == ("**Costs:** the budget effect is computed with minutes per visit from the region's own table, DKK "
                    "per full-time position from the region's own table, variable costs per visit from the region's "
                    "own table and the substitute's price (general practice, a PRO answer) from the region's own "
                    "table.")
    one = budget.cost_sentence("en", staff_cost_file=own["staff_cost"])
    assert "DKK per full-time position from the region's own table" in one and "illustrative table" in one
    assert one.endswith("until the region replaces them with its own figures.")


def test_the_report_says_from_which_year_the_budget_effect_is_full():
    # 2 doctor FTE freed (9,600 follow-ups dropped): 20 doctors at 5% let 1.0, 1.95, 2.85 go by
    # years 1-3 (full from year 3); 100 doctors at 5% let 5 go in year 1 (full at once); 20
    # doctors at 2% let 0.4, 0.79 go by years 1-2 (never full within 2 years)
    effects = budget.effect(pd.DataFrame({"visit_type": ["follow_up"], "contact_mode": ["in_person"],
                                          "visits": [9_600.0]}), COSTS)

    def phased(doctors, rate, years=3):
        return budget.phase_in(effects, COSTS, pd.Series({"doctors": doctors, "nurses": 100.0,
                                                          "secretaries": 100.0}), rate, years)
    assert budget.full_from(phased(20.0, 0.05)) == 3
    assert budget.phase_sentence(phased(20.0, 0.05), "da") == (
        "Den naturlige afgang rækker ikke til alle de frigjorte stillinger i år 1; budgetvirkningen er fuld fra år 3.")
    assert budget.full_from(phased(100.0, 0.05)) == 1
    assert budget.phase_sentence(phased(100.0, 0.05), "en").startswith("Natural attrition is enough for every freed")
    assert budget.full_from(phased(20.0, 0.02, 2)) is None
    assert budget.phase_sentence(phased(20.0, 0.02, 2), "en").startswith("Within 2 years natural attrition is not")


def test_a_gap_reads_as_a_shortfall_or_as_going_beyond_each_a_positive_amount():
    """A negative difference read as 'share minus budget effect' made a reader do the sign."""
    gap = pd.Series({"A": 2_500_000.0, "B": -1_000_000.0, "C": 0.0})
    out = budget.shortfall_and_surplus(gap)
    assert out.loc["A", budget.SHORT_DKK] == 2_500_000 and pd.isna(out.loc["A", budget.BEYOND_DKK])
    assert out.loc["B", budget.BEYOND_DKK] == 1_000_000 and pd.isna(out.loc["B", budget.SHORT_DKK])
    assert out.loc["C"].isna().all()  # neither short nor beyond
