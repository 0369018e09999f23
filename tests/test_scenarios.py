"""Lever scenarios: composition without double counting, and visits turned into DKK."""
from __future__ import annotations

import pandas as pd
import pytest

from analysis.analyses import scenarios as S
from analysis.base.problems import InputError

# One cell: 1000 in-person follow-ups and 100 by phone, tariffs 1500 in person, 500 written, 700 phone.
ACT = pd.DataFrame({"hospital": ["A", "A"], "specialty": ["K", "K"], "sector": ["somatic"] * 2,
                    "visit_type": ["follow_up"] * 2, "contact_mode": ["in_person", "phone"], "visits": [1000, 100]})
TARIFFS = pd.DataFrame({"specialty": [""] * 3, "visit_type": ["follow_up"] * 3,
                        "contact_mode": ["in_person", "written", "phone"], "dkk": [1500.0, 500.0, 700.0]})


def sc(**kw):
    return S.Scenario(**{"name": kw.get("lever"), "driver": "d", "share": 0.1} | kw)


def test_scenarios_compose_without_counting_a_visit_twice():
    effects = S.apply(ACT, [sc(lever="drop", share=0.1), sc(lever="to_written", share=0.2)], TARIFFS)
    by = effects.set_index("scenario")
    # drop 10% of 1000 = 100; then 20% of the 900 still in person = 180 (not 200)
    assert by.loc["drop", "in_person_avoided"] == pytest.approx(100)
    assert by.loc["to_written", "in_person_avoided"] == pytest.approx(180)


def test_the_saving_is_the_tariff_avoided_minus_the_substitute():
    effects = S.apply(ACT, [sc(lever="drop", share=0.1), sc(lever="to_written", share=0.2)], TARIFFS)
    by = effects.set_index("scenario")
    assert by.loc["drop", "saving_dkk"] == pytest.approx(100 * 1500)
    assert by.loc["to_written", "saving_dkk"] == pytest.approx(180 * (1500 - 500))


def test_only_in_person_visits_move():
    effects = S.apply(ACT, [sc(lever="to_phone", share=0.5)], TARIFFS)
    assert effects["contact_mode"].tolist() == ["in_person"] and effects["visits_changed"].sum() == 500


def test_a_shift_costs_its_substitute():
    effects = S.apply(ACT, [sc(lever="shift", share=0.1, substitute_dkk=800)], TARIFFS)
    assert effects["saving_dkk"].sum() == pytest.approx(100 * (1500 - 800))


def test_benchmark_lever_drops_a_share_of_the_excess_over_all_modes():
    excess = pd.DataFrame({"hospital": ["A"], "specialty": ["K"], "visit_type": ["follow_up"], "potential": [110.0]})
    effects = S.apply(ACT, [sc(lever="benchmark", share=0.5)], TARIFFS, excess)
    # 110 of 1100 visits = 10%, half reachable: 50 in person, 5 by phone
    assert effects["visits_changed"].tolist() == pytest.approx([50, 5])
    assert effects["saving_dkk"].sum() == pytest.approx(50 * 1500 + 5 * 700)


def test_selection_by_specialty():
    effects = S.apply(ACT, [sc(lever="drop", specialties=["R"])], TARIFFS)
    assert effects.empty


def test_the_shipped_scenario_file_is_valid():
    f = S.load()
    assert f.scenarios and all(x.low <= x.share <= x.high for x in f.scenarios)


def test_a_bad_scenario_file_lists_every_problem(tmp_path):
    p = tmp_path / "s.yml"
    p.write_text("drivers: {a: {da: x, en: y}}\nscenarios:\n  - {name: n, driver: a, lever: teleport, share: 2}\n",
                 encoding="utf-8")
    with pytest.raises(InputError) as err:
        S.load(p)
    assert len(err.value.problems) == 2 and "lever" in str(err.value) and "share" in str(err.value)


def test_a_scenario_file_with_an_unquoted_name_holding_a_colon_says_where_and_to_quote_it(tmp_path):
    p = tmp_path / "s.yml"
    p.write_text("scenarios:\n  - name: Kardiologi: faste kontroller\n", encoding="utf-8")
    with pytest.raises(InputError) as err:
        S.load(p)
    [problem] = err.value.problems
    assert problem.file == "s.yml" and "not valid YAML at line 2, column 21" in problem.message
    assert problem.hint.startswith("quote the value that holds ': ', here: name: \"Kardiologi: faste kontroller\"")


def test_english_names_and_proposers_with_the_file_text_as_fallback():
    idea = S.Scenario(name="Færre kontroller", source="Specialerådet", driver="d", lever="drop", share=0.1,
                      en={"name": "Fewer follow-ups", "source": "The specialty council"})
    assert (idea.title("en"), idea.proposer("en")) == ("Fewer follow-ups", "The specialty council")
    assert (idea.title("da"), idea.proposer("da")) == ("Færre kontroller", "Specialerådet")
    plain = S.Scenario(name="Færre kontroller", source="Specialerådet", driver="d", lever="drop", share=0.1)
    assert (plain.title("en"), plain.proposer("en")) == ("Færre kontroller", "Specialerådet")


def test_the_shipped_scenario_file_speaks_english_in_every_idea():
    f = S.load("")
    assert all(sc.en.name and sc.en.source for sc in f.scenarios)
    assert set(f.titles("en")) == {sc.name for sc in f.scenarios}
    assert f.driver_names("en")["low_value"] == "Fewer follow-ups without value for the patient"


def test_two_ideas_with_one_name_are_refused(tmp_path):
    path = tmp_path / "s.yml"
    path.write_text("drivers: {d: {da: x, en: x}}\nscenarios:\n"
                    "  - {name: a, driver: d, lever: drop, share: 0.1}\n"
                    "  - {name: a, driver: d, lever: drop, share: 0.2}\n", encoding="utf-8")
    with pytest.raises(InputError, match="repeated: \\['a'\\]"):
        S.load(path)


def test_substitutes_priced_by_the_table_are_named():
    from analysis.inputs import tariffs
    # own prices for in-person and phone follow-ups (K), none for written ones; an R cell in person
    act = pd.DataFrame({"year": [2024] * 3, "hospital": ["A"] * 3, "specialty": ["K", "K", "R"],
                        "sector": ["somatic"] * 3, "visit_type": ["follow_up"] * 3,
                        "contact_mode": ["in_person", "phone", "in_person"], "visits": [300, 100, 60],
                        "cost_dkk": [405_000.0, 65_000.0, 81_000.0]})
    prices = tariffs.prices(act, tariffs.load_tariffs())
    ideas = [sc(name="pro", lever="to_written"), sc(name="phone", lever="to_phone"),
             sc(name="video R", lever="to_video", specialties=["Q"])]
    # written has no own price; phone has one; the video idea selects no visit here
    assert S.substitutes_from_table(act, ideas, prices) == ["written"]
    assert S.substitute_sentence(act, ideas, prices, "en") == (
        "The price of what replaces an in-person visit (written (PRO)) is the tariff table's where the input gives "
        "no own price for that contact mode.")
    assert S.substitute_sentence(act, ideas[1:], prices, "da") == ""
    # without own prices the table prices everything, which the price sentence already says
    assert S.substitutes_from_table(act, ideas, tariffs.prices(act.drop(columns="cost_dkk"),
                                                               tariffs.load_tariffs())) == []


# An idea may take its share of a measured quantity (`of`): 100 in-person follow-ups in cell A/K,
# 40% of them measured as calendar-booked.
CELL_A = pd.DataFrame({"hospital": ["A", "A", "B"], "specialty": ["K"] * 3, "sector": ["somatic"] * 3,
                       "visit_type": ["follow_up"] * 3, "contact_mode": ["in_person", "phone", "in_person"],
                       "visits": [100, 50, 100]})
CALENDAR = {"calendar_follow_ups": pd.DataFrame({"hospital": ["A"], "specialty": ["K"], "visit_type": ["follow_up"],
                                                 "fraction": [0.4]})}


def test_a_measured_share_is_taken_of_the_measured_part_of_the_remaining_visits():
    pro = sc(name="pro", lever="to_written", share=0.5, of="calendar_follow_ups")
    effects = S.apply(CELL_A, [pro], TARIFFS, measured=CALENDAR)
    # A: 100 in person x 0.4 measured x 0.5 reachable = 20, each saving 1500 - 500; the phone
    # visits stay; B has no measurement, so nothing changes there
    assert effects[["hospital", "contact_mode"]].values.tolist() == [["A", "in_person"]]
    assert effects["visits_changed"].sum() == pytest.approx(20)
    assert effects["saving_dkk"].sum() == pytest.approx(20 * (1500 - 500))


def test_a_measured_idea_takes_its_share_after_the_ideas_before_it():
    ideas = [sc(name="drop", lever="drop", share=0.1), sc(name="pro", lever="to_written", share=0.5,
                                                             of="calendar_follow_ups")]
    by = S.apply(CELL_A, ideas, TARIFFS, measured=CALENDAR).groupby(["scenario", "hospital"])["visits_changed"].sum()
    # 10 of A's 100 dropped leaves 90: 90 x 0.4 x 0.5 = 18 (not 20)
    assert by[("pro", "A")] == pytest.approx(18) and ("pro", "B") not in by
    assert by[("drop", "A")] == pytest.approx(10) and by[("drop", "B")] == pytest.approx(10)


def test_a_measured_fraction_above_one_counts_as_all_and_an_override_share_is_used():
    over = {"calendar_follow_ups": CALENDAR["calendar_follow_ups"].assign(fraction=1.3)}
    pro = sc(name="pro", lever="drop", share=0.5, of="calendar_follow_ups")
    assert S.apply(CELL_A, [pro], TARIFFS, measured=over)["visits_changed"].sum() == pytest.approx(50)
    assert S.apply(CELL_A, [pro], TARIFFS, shares={"pro": 0.25},
                   measured=CALENDAR)["visits_changed"].sum() == pytest.approx(10)


def test_a_measure_with_two_rows_for_one_cell_is_an_error_not_a_double_count():
    twice = {"calendar_follow_ups": pd.concat([CALENDAR["calendar_follow_ups"]] * 2)}
    with pytest.raises(ValueError, match="one row per"):
        S.apply(CELL_A, [sc(name="pro", lever="to_written", of="calendar_follow_ups")], TARIFFS, measured=twice)


def test_a_measured_idea_without_its_measure_is_an_error_not_a_guess():
    with pytest.raises(ValueError, match="calendar_follow_ups"):
        S.apply(CELL_A, [sc(name="pro", lever="to_written", of="calendar_follow_ups")], TARIFFS)


def test_an_unknown_measured_quantity_is_refused_naming_it_and_the_known_ones(tmp_path):
    path = tmp_path / "s.yml"
    path.write_text("drivers: {d: {da: x, en: x}}\nscenarios:\n"
                    "  - {name: a, driver: d, lever: to_written, share: 0.5, of: calender_follow_ups}\n"
                    "  - {name: b, driver: d, lever: benchmark, share: 0.5, of: calendar_follow_ups}\n",
                    encoding="utf-8")
    with pytest.raises(InputError) as err:
        S.load(path)
    problems = err.value.problems
    assert len(problems) == 2 and {p.file for p in problems} == {"s.yml"}
    assert problems[0].column.endswith(".of")
    assert "calender_follow_ups" in problems[0].message and "calendar_follow_ups" in problems[0].message
    assert "benchmark" in problems[1].message


def test_what_a_share_rests_on():
    assert S.share_basis(sc(lever="to_written", of="calendar_follow_ups"), "da") == "målt: kalenderbookede kontroller"
    assert S.share_basis(sc(lever="benchmark"), "en") == "measured: visits above the benchmark"
    assert S.share_basis(sc(lever="drop"), "da") == "antaget"


def test_the_shipped_pro_idea_takes_its_share_of_the_calendar_booked_follow_ups():
    pro = [x for x in S.load().scenarios if x.lever == "to_written"]
    assert [x.of for x in pro] == ["calendar_follow_ups"]


# A relocate idea moves visits to another hospital of the region: they are still in person, and
# the saving is the measure's DKK a visit (the tariff difference between the levels).
MOVES = {"basic_level_follow_ups": pd.DataFrame({"hospital": ["A"], "specialty": ["K"], "visit_type": ["follow_up"],
                                                 "fraction": [0.1], "dkk_saved_per_visit": [300.0]})}


def test_a_relocated_visit_avoids_no_attendance_and_saves_the_tariff_difference():
    move = sc(lever="relocate", of="basic_level_follow_ups", share=0.5)
    effects = S.apply(ACT, [move], TARIFFS, measured=MOVES)
    # 1000 in person x 0.1 measured x 0.5 = 50 moved, 300 kr. each; the phone row is not touched
    assert effects["visits_changed"].sum() == pytest.approx(50)
    assert effects["in_person_avoided"].sum() == 0
    assert effects["saving_dkk"].sum() == pytest.approx(50 * 300)


def test_a_relocate_idea_needs_a_measure_that_prices_the_move():
    with pytest.raises(ValueError, match="prices the move"):
        sc(lever="relocate", share=0.5)
    with pytest.raises(ValueError, match="prices the move"):
        sc(lever="relocate", of="calendar_follow_ups", share=0.5)
