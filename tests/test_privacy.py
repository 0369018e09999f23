"""Small-cell suppression and the patient-identifier check."""
from __future__ import annotations

import pandas as pd

from analysis import privacy


def test_counts_from_1_to_4_are_suppressed_zero_and_5_are_not():
    df = pd.DataFrame({"visits": [0, 1, 4, 5, 120]})
    assert privacy.suppress_counts(df, ["visits"])["visits"].tolist() == [0, "<5", "<5", 5, 120]


def test_a_rate_resting_on_a_suppressed_count_is_blanked():
    df = pd.DataFrame({"patients": [3, 50], "visits_per_patient": [2.0, 3.1]})
    out = privacy.suppress_counts(df, ["patients"], derived={"visits_per_patient": "patients"})
    assert out["visits_per_patient"].tolist() == ["", 3.1]


def test_figure_labels_are_suppressed():
    assert privacy.label_count(3) == "<5"
    assert privacy.label_count(1234) == "1,234"


def test_cpr_numbers_in_report_text_are_found_and_masked():
    assert privacy.find_patient_ids("patient 010203-1234 and 3112991234") == ["010203-****", "311299-****"]
    assert privacy.find_patient_ids("2.072.575 besøg i 2025") == []


def test_patient_ids_from_the_input_are_found(tmp_path):
    staged = tmp_path / "s.parquet"
    pd.DataFrame({"patient_id": ["P0001234", "P0009999"]}).to_parquet(staged)
    assert privacy.find_patient_ids("<td>P0009999</td><td>P5</td>", staged) == ["P0009999"]
