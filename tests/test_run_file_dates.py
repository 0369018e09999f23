"""Dates in the run file: written quoted or not (YAML reads an unquoted 2025-04-01 as a date), for
the period and for every date or month parameter of a notebook; a time of day or an impossible
date is refused before anything runs, naming the key and the fix."""
from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from analysis.running import runner


def load(tmp_path: Path, text: str):
    path = tmp_path / "run.yml"
    path.write_text("output_outside_project: true\noutput: " + str(tmp_path / "reports") + "\n" + text,
                    encoding="utf-8")
    return runner.load_config(path)


def errors(tmp_path: Path, text: str) -> list[str]:
    with pytest.raises(runner.ConfigError) as err:
        load(tmp_path, text)
    return err.value.errors


def test_unquoted_period_dates_are_dates(tmp_path):
    cfg, _ = load(tmp_path, "period_start: 2025-01-01\nperiod_end: 2025-06-30\nnotebooks: [00_data_quality]\n")
    assert (cfg.period_start, cfg.period_end) == (dt.date(2025, 1, 1), dt.date(2025, 6, 30))


def test_a_period_end_with_a_time_is_refused_naming_the_key_and_the_fix(tmp_path):
    assert errors(tmp_path, "period_end: '2025-06-30 23:59'\n") == [
        "period_end: '2025-06-30 23:59' has a time of day; write the date alone, e.g. period_end: 2025-06-30 "
        "(the period includes the whole of its last day)"]


def test_a_period_end_with_a_time_yaml_reads_as_a_date_time_is_refused_the_same_way(tmp_path):
    (message,) = errors(tmp_path, "period_end: 2025-06-30 23:59:00\n")
    assert message.startswith("period_end: 2025-06-30 23:59:00 has a time of day; write the date alone")


def test_an_impossible_unquoted_period_date_is_named_not_a_traceback(tmp_path):
    assert errors(tmp_path, "period_end: 2024-13-01\n") == [
        "period_end: '2024-13-01' is not a date; write it as YYYY-MM-DD with a month 01-12 and a day the month "
        "has, e.g. period_end: 2025-06-30"]


def test_an_unquoted_decision_date_reaches_the_notebooks_as_text(tmp_path):
    _, params = load(tmp_path, "notebooks:\n  - 06_monitoring\n  - name: 07_follow_up\n"
                               "    parameters: {decision_date: 2025-04-01}\n")
    assert params["07_follow_up"]["decision_date"] == "2025-04-01" == params["06_monitoring"]["decision_date"]


def test_an_impossible_decision_date_is_refused_naming_the_key_and_the_fix(tmp_path):
    assert errors(tmp_path, "notebooks:\n  - name: 07_follow_up\n    parameters: {decision_date: 2024-13-01}\n") == [
        "07_follow_up: decision_date: '2024-13-01' is not a date; write it as YYYY-MM-DD with a month 01-12 and a "
        "day the month has, e.g. decision_date: 2025-04-01"]


def test_an_unquoted_date_names_the_last_complete_month(tmp_path):
    _, params = load(tmp_path, "notebooks:\n  - name: 06_monitoring\n    parameters: {complete_through: 2025-06-30}\n")
    assert params["06_monitoring"]["complete_through"] == "2025-06-30"


def test_a_last_complete_month_that_is_no_month_is_refused(tmp_path):
    assert errors(tmp_path, "notebooks:\n  - name: 06_monitoring\n    parameters: {complete_through: 2025-13}\n") == [
        "06_monitoring: complete_through: '2025-13' is not a month; write it as YYYY-MM, e.g. complete_through: "
        "2025-06 (or leave it empty to detect it from the data)"]


def test_a_bad_date_given_once_for_the_run_is_reported_once_naming_its_notebooks(tmp_path):
    """decision_date "15-05-2025" under `parameters:` was five identical lines, one per notebook."""
    run = "parameters: {decision_date: '15-05-2025'}\nnotebooks: [06_monitoring, 07_follow_up]\n"
    assert errors(tmp_path, run) == [
        "parameters: decision_date: '15-05-2025' is not a date; write it as YYYY-MM-DD with a month 01-12 and a day "
        "the month has, e.g. decision_date: 2025-04-01 (given to 06_monitoring, 07_follow_up)"]


def test_a_misspelt_visit_type_is_answered_with_the_key_its_danish_label_means(tmp_path):
    (message,) = errors(tmp_path, "notebooks:\n  - name: 06_monitoring\n    parameters: {visit_types: [Kontrl]}\n")
    assert message.startswith("06_monitoring: parameter 'visit_types': 'Kontrl' is not a visit type (did you mean "
                              "'follow_up', in the reports 'Kontrol'?); write one of assessment, treatment")


def test_the_same_problem_of_several_notebooks_is_said_once():
    said = runner.once(["06_monitoring: decision_date 2022-06-01 is outside the period",
                        "07_follow_up: decision_date 2022-06-01 is outside the period",
                        "07_follow_up: year 2030 is not in the data"], ["06_monitoring", "07_follow_up"])
    assert said == ["06_monitoring, 07_follow_up: decision_date 2022-06-01 is outside the period",
                    "07_follow_up: year 2030 is not in the data"]
