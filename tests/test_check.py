"""`--check`: a run's parameters against its data, every problem reported together before any
notebook runs; a measure the data cannot support is a note (the notebook falls back), not an error."""
from __future__ import annotations

import datetime as dt
import time

import pandas as pd
import pytest
import yaml

from analysis.base import config
from analysis.engine.aggregate import Aggregates
from analysis.inputs import reference
from analysis.running import runner

ACTIVITY = pd.DataFrame([
    {"year": y, "hospital": h, "specialty": "Urologi", "sector": "somatic", "visit_type": vt,
     "contact_mode": "in_person", "visits": 100, "patients": float("nan"), "cost_dkk": float("nan")}
    for y in (2023, 2024) for h in ("H1", "H2") for vt in ("assessment", "follow_up")])
MONTHLY = pd.DataFrame({"month": pd.date_range("2023-01-01", "2024-12-01", freq="MS").date, "hospital": "H1",
                        "specialty": "Urologi", "sector": "somatic", "visit_type": "follow_up", "visits": 10})


def cfg(**values) -> runner.RunConfig:
    return runner.RunConfig.model_validate({"period_start": "2023-01-01", "period_end": "2024-12-31"} | values)


def test_parameters_the_data_cannot_meet_are_all_reported_together():
    agg = Aggregates(kind="aggregated", activity=ACTIVITY)
    params = {"02_variation": {"year": 2025, "measure": "follow_ups_per_patient"},
              "05_hospital": {"year": 2024, runner.PER_KEY: "ward"},
              "06_monitoring": {"decision_date": "2026-04-01"}}
    found = runner.check_against_data(cfg(), params, agg)
    text = "\n".join(found.errors)
    assert len(found.errors) == 3, text
    assert "02_variation: year 2025 is not in the data; the data have 2023, 2024" in text
    assert "05_hospital: 'per: ward' needs a column 'ward' in the data" in text
    assert "06_monitoring: decision_date 2026-04-01 is outside the period (2023-01-01 to 2024-12-31)" in text
    notes = "\n".join(found.notes)
    assert "02_variation: Follow-ups per patient cannot be computed" in notes and "follow-ups per first visit" in notes
    # 05's default measure and strata (from its parameters cell) fall back too; 06 needs months
    assert "05_hospital: Follow-ups per patient cannot be computed" in notes
    assert "06_monitoring: the data are not given by month" in notes


def test_a_decision_date_outside_the_months_of_the_data_is_an_error():
    agg = Aggregates(kind="aggregated", activity=ACTIVITY, monthly=MONTHLY)
    found = runner.check_against_data(cfg(period_end="2025-12-31"),
                                      {"06_monitoring": {"decision_date": "2025-03-01"}}, agg)
    assert found.errors == ["06_monitoring: decision_date 2025-03-01 is outside the months in the data "
                            "(2023-01 to 2024-12)"]
    ok = runner.check_against_data(cfg(), {"06_monitoring": {"decision_date": "2024-04-01", "baseline_months": 15},
                                           "02_variation": {"year": 0, "measure": "follow_up_ratio",
                                                            "standardise_by": []}}, agg)
    assert ok.errors == [] and ok.notes == []


def test_visit_level_data_support_the_defaults_without_a_note(small_region, cache_dir):
    from analysis.engine import pipeline

    prep = pipeline.prepare(str(small_region), cache_dir=cache_dir)
    params = {n: {} for n in ("02_variation", "05_hospital", "06_monitoring")}
    found = runner.check_against_data(cfg(period_end="2025-12-31"), params, prep.aggregates)
    assert found.errors == [] and found.notes == []


def test_the_check_reports_data_problems_together_in_seconds(small_region, tmp_path, cache_dir):
    path = tmp_path / "run.yml"
    path.write_text(yaml.safe_dump({"source": str(small_region), "period_start": dt.date(2023, 1, 1),
                                    "period_end": dt.date(2025, 12, 31), "notebooks": [
                                        {"name": "02_variation", "parameters": {"year": 2022}},
                                        {"name": "06_monitoring", "parameters": {"decision_date": "2026-01-01"}}]}),
                    encoding="utf-8")
    start = time.perf_counter()
    with pytest.raises(runner.ConfigError) as err:
        runner.load_config(path, data=True)
    assert time.perf_counter() - start < 60
    assert len(err.value.errors) == 2
    assert "year 2022 is not in the data" in str(err.value) and "decision_date 2026-01-01 is outside" in str(err.value)


def test_notes_are_echoed_and_the_run_goes_on(tmp_path, cache_dir):
    from analysis.base import config

    path = tmp_path / "run.yml"
    path.write_text(yaml.safe_dump({"source": str(config.resolve("data/examples/aggregated_extract.csv")),
                                    "period_start": dt.date(2024, 1, 1), "period_end": dt.date(2024, 12, 31),
                                    "notebooks": [{"name": "02_variation", "parameters": {"year": 2024}}]}),
                    encoding="utf-8")
    said = []
    _, params = runner.load_config(path, data=True, echo=said.append)
    assert list(params) == ["02_variation"]
    assert said and said[0].startswith("note: 02_variation: Follow-ups per patient cannot be computed")


def test_the_data_check_can_be_left_out(tmp_path):
    path = tmp_path / "run.yml"
    path.write_text(yaml.safe_dump({"source": "", "notebooks": [{"name": "02_variation",
                                                                  "parameters": {"year": 1999}}]}), encoding="utf-8")
    _, params = runner.load_config(path)
    assert params["02_variation"]["year"] == 1999


@pytest.mark.parametrize("measure", ["visits_per_doctor"])
def test_an_unknown_measure_is_an_error(measure):
    agg = Aggregates(kind="aggregated", activity=ACTIVITY)
    found = runner.check_against_data(cfg(), {"02_variation": {"measure": measure}}, agg)
    assert found.errors and "measure must be one of" in found.errors[0]


def test_a_default_decision_date_outside_the_data_is_a_note_and_a_set_one_an_error():
    agg = Aggregates(kind="aggregated", activity=ACTIVITY)
    default = runner.check_against_data(cfg(), {"06_monitoring": {}}, agg)  # the notebook's 2025-04-01
    assert default.errors == [] and any("decision_date 2025-04-01 is outside the period" in n for n in default.notes)
    chosen = runner.check_against_data(cfg(), {"06_monitoring": {"decision_date": "2025-04-01"}}, agg)
    assert chosen.errors == ["06_monitoring: decision_date 2025-04-01 is outside the period (2023-01-01 to "
                             "2024-12-31); nothing before or after to compare"]


def test_a_decision_after_the_data_is_the_usual_case_for_the_projection():
    # 11 projects from the base year: its decision date only says when the ideas start
    agg = Aggregates(kind="aggregated", activity=ACTIVITY)
    found = runner.check_against_data(cfg(), {"11_demand": {"decision_date": "2026-04-01"}}, agg)
    assert not any("decision_date" in p for p in found.errors + found.notes)


def test_a_hospital_with_visits_in_some_years_only_is_a_note_pointing_at_renames():
    renamed = ACTIVITY.assign(hospital=ACTIVITY["hospital"].where(
        ~((ACTIVITY["hospital"] == "H2") & (ACTIVITY["year"] == 2023)), "H2 old name"))
    found = runner.check_against_data(cfg(), {"00_data_quality": {}}, Aggregates(kind="aggregated", activity=renamed))
    assert found.errors == []
    notes = "\n".join(found.notes)
    assert "hospital 'H2 old name' has no visits in 2024" in notes and "hospital 'H2' has no visits in 2023" in notes
    assert "renames:" in notes


def test_a_follow_ups_year_profile_and_basis_are_checked_together():
    agg = Aggregates(kind="aggregated", activity=ACTIVITY)
    params = {"07_follow_up": {"decision_date": "2024-04-01", "year": 2022,
                               "target_profile": {2025: "sixty million"}, "basis": "need"}}
    text = "\n".join(runner.check_against_data(cfg(), params, agg).errors)
    assert "07_follow_up: year 2022 is not in the data" in text
    assert "07_follow_up: target_profile {2025: 'sixty million'}" in text
    assert "07_follow_up: basis 'need' is no key; use visits, value_dkk, potential" in text


def test_a_sound_follow_up_passes_the_check():
    agg = Aggregates(kind="aggregated", activity=ACTIVITY)
    params = {"07_follow_up": {"decision_date": "2024-04-01", "year": 2023,
                               "target_profile": {2024: 0, 2025: 60_000_000}}}
    assert runner.check_against_data(cfg(), params, agg).errors == []


def test_a_baseline_longer_than_the_months_before_the_decision_is_refused():
    """20 months of data before the decision (2023-01 to 2024-08): a baseline of 24 set by the run
    is an error naming the parameter, the months there are and the fix; the notebooks' default of
    24 is a note (the report says it used 20); 07 needs a year, so 9 months cannot be fixed by
    shortening the baseline (a decision in the middle of a month counts that month before it, as
    06 and 07 do)."""
    agg = Aggregates(kind="aggregated", activity=ACTIVITY, monthly=MONTHLY)
    params = {"06_monitoring": {"decision_date": "2024-09-01", "baseline_months": 24},
              "07_follow_up": {"decision_date": "2024-09-01", "year": 2023, "baseline_months": 20}}
    found = runner.check_against_data(cfg(), params, agg)
    assert found.errors == ["06_monitoring: baseline_months 24 is more than the 20 months the data have before "
                            "decision_date 2024-09-01 (2023-01 to 2024-08); set baseline_months: 20, or give data "
                            "that start 4 months earlier"]
    default = runner.check_against_data(cfg(), {"06_monitoring": {"decision_date": "2024-09-01"}}, agg)
    assert default.errors == []
    assert default.notes == ["06_monitoring: baseline_months 24 is more than the 20 months the data have before "
                             "decision_date 2024-09-01 (2023-01 to 2024-08); set baseline_months: 20, or give data "
                             "that start 4 months earlier (baseline_months is the notebook's default; the report uses "
                             "the months there are and says so)"]
    early = runner.check_against_data(cfg(), {"07_follow_up": {"decision_date": "2023-09-15", "year": 2023,
                                                               "baseline_months": 13}}, agg)
    assert early.errors == ["07_follow_up: baseline_months 13 is more than the 9 months the data have before "
                            "decision_date 2023-09-15 (2023-01 to 2023-09); 07_follow_up needs at least 13: give data "
                            "that start 4 months earlier, or a later decision_date"]


def test_the_check_refuses_a_baseline_the_data_cannot_give(small_region, tmp_path, cache_dir):
    path = tmp_path / "run.yml"
    path.write_text(yaml.safe_dump({"source": str(small_region), "period_start": dt.date(2023, 1, 1),
                                    "period_end": dt.date(2025, 12, 31), "notebooks": [
                                        {"name": "06_monitoring", "parameters": {"decision_date": "2025-04-01",
                                                                                 "baseline_months": 30}}]}),
                    encoding="utf-8")
    with pytest.raises(runner.ConfigError) as err:
        runner.load_config(path, data=True)
    assert err.value.errors == ["06_monitoring: baseline_months 30 is more than the 27 months the data have before "
                                "decision_date 2025-04-01 (2023-01 to 2025-03); set baseline_months: 27, or give "
                                "data that start 3 months earlier"]


# --- a reference table that fails its check names the notebooks that read it ----------------------
@pytest.fixture
def broken_shipped_staff_cost(tmp_path, monkeypatch):
    """The shipped staff-cost table with a price in words, as a careless edit would leave it."""
    table = tmp_path / "staff_cost.csv"
    table.write_text("staff_group,dkk_per_fte\ndoctors,1100000\nnurses,six hundred thousand\nsecretaries,450000\n",
                     encoding="utf-8")
    monkeypatch.setitem(reference.DEFAULTS, "staff_cost", table)
    return table


def test_a_shipped_table_that_fails_its_check_names_the_notebooks_that_read_it(broken_shipped_staff_cost):
    agg = Aggregates(kind="aggregated", activity=ACTIVITY)
    params = {"01_activity_overview": {}, "04_savings_key": {"year": 2024}, "07_follow_up": {"year": 2023}}
    errors = runner.check_against_data(cfg(), params, agg).errors
    assert errors == ["staff_cost.csv, column 'dkk_per_fte', row 2: values must be non-negative numbers. Examples: "
                      "'six hundred thousand'.\n    Fix: correct the values\n    Read by: 04_savings_key, "
                      "07_follow_up, which use the shipped table (no staff_cost_file of their own) and cannot run "
                      "with it: correct staff_cost.csv, or give them a staff_cost_file of your own"]


def test_a_notebook_with_a_table_of_its_own_is_not_named_for_the_broken_shipped_one(broken_shipped_staff_cost):
    agg = Aggregates(kind="aggregated", activity=ACTIVITY)
    mine = str(config.REFERENCE_DIR / "staff_cost.csv")  # the sound table, named by this notebook alone
    params = {"04_savings_key": {"year": 2024, "staff_cost_file": mine}, "07_follow_up": {"year": 2023}}
    [error] = runner.check_against_data(cfg(), params, agg).errors
    assert error.endswith("Read by: 07_follow_up, which uses the shipped table (no staff_cost_file of its own) and "
                          "cannot run with it: correct staff_cost.csv, or give it a staff_cost_file of your own")


def test_a_users_table_that_fails_its_check_names_the_notebooks_given_it(tmp_path):
    table = tmp_path / "my_tariffs.csv"
    table.write_text("specialty,visit_type,contact_mode,dkk\n,assessment,in_person,-5\n", encoding="utf-8")
    agg = Aggregates(kind="aggregated", activity=ACTIVITY)
    params = {"04_savings_key": {"year": 2024, "tariff_file": str(table)}, "08_pathways": {"year": 2024}}
    errors = runner.check_against_data(cfg(), params, agg).errors
    assert errors and all(e.startswith("my_tariffs.csv") for e in errors)
    assert all(e.endswith("\n    Read by: 04_savings_key (its tariff_file), which cannot run with it; correct the "
                          "table, or leave it out of the run file's notebooks to run the others") for e in errors)


def test_a_shipped_table_checked_for_names_that_cannot_be_read_names_its_readers_too(tmp_path, monkeypatch):
    ideas = tmp_path / "scenarios.yml"
    ideas.write_text("scenarios:\n  - name: Kardiologi: faste kontroller\n", encoding="utf-8")
    monkeypatch.setitem(reference.DEFAULTS, "scenarios", ideas)
    agg = Aggregates(kind="aggregated", activity=ACTIVITY)
    params = {"03_reduction_potential": {"year": 2024}, "04_savings_key": {"year": 2024}}
    [error] = runner.check_against_data(cfg(), params, agg).errors
    assert error.startswith("scenarios.yml: the scenario file is not valid YAML at line 2, column 21")
    assert error.endswith("Read by: 03_reduction_potential, 04_savings_key, which use the shipped table (no "
                          "scenario_file of their own) and cannot run with it: correct scenarios.yml, or give them a "
                          "scenario_file of your own")


def test_a_reference_table_saved_with_semicolons_is_read_and_a_missing_column_names_those_it_needs(tmp_path):
    # a table saved from a Danish Excel: semicolons; its Danish headers are named beside the fix
    from analysis.base.problems import InputError
    from analysis.inputs import reference

    table = tmp_path / "befolkning.csv"
    table.write_text("# residents\nkommune;alder;antal\nVejle;0-4;100\n", encoding="utf-8")
    with pytest.raises(InputError) as err:
        reference.read_table("population", str(table), ("municipality", "residents"))
    text = str(err.value)
    assert "no columns 'municipality', 'residents'; it has 'kommune', 'alder', 'antal'" in text
    assert "give it the columns municipality, residents, as data/reference/population.csv has them" in text
    table.write_text("municipality;residents\nVejle;100\n", encoding="utf-8")
    assert reference.read_table("population", str(table), ("municipality", "residents")).shape == (1, 2)

