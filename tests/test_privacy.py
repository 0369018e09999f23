"""Small-cell suppression and the patient-identifier check."""
from __future__ import annotations

import pandas as pd

from analysis.base import privacy


def test_counts_from_1_to_4_are_suppressed_zero_and_5_are_not():
    df = pd.DataFrame({"visits": [0, 1, 4, 5, 120]})  # two small counts: neither gives the other away
    assert privacy.suppress_counts(df, ["visits"])["visits"].tolist() == [0, "<5", "<5", 5, 120]


def test_a_rate_resting_on_a_suppressed_count_is_blanked():
    df = pd.DataFrame({"patients": [3, 4, 50], "visits_per_patient": [2.0, 1.5, 3.1]})
    out = privacy.suppress_counts(df, ["patients"], derived={"visits_per_patient": "patients"})
    assert out["visits_per_patient"].tolist() == ["", "", 3.1]


def test_figure_labels_are_suppressed():
    assert privacy.label_count(3) == "<5"
    assert privacy.label_count(1234) == "1,234"


def test_a_fingerprint_whose_digits_look_like_a_cpr_number_is_not_one():
    # a SHA-256 with the run 1004061234 (10 April 2006, then four digits) in it, as a run's footer showed it
    fingerprint = "22e8280b0eb7ce4ab8a1004061234cb1cf29d1bd44a10d7aa9075e00904d6a36"
    assert len(fingerprint) == 64
    assert privacy.find_patient_ids(f"Inddatas fingeraftryk (SHA-256) {fingerprint} Rækker læst 18.524") == []
    assert privacy.find_patient_ids(f"{fingerprint} patient 1004061234") == ["100406-****"]


def test_cpr_numbers_in_report_text_are_found_and_masked():
    assert privacy.find_patient_ids("patient 010203-1234 and 3112991234") == ["010203-****", "311299-****"]
    assert privacy.find_patient_ids("2.072.575 besøg i 2025") == []


def test_patient_ids_from_the_input_are_found(tmp_path):
    staged = tmp_path / "s.parquet"
    pd.DataFrame({"patient_id": ["P0001234", "P0009999"]}).to_parquet(staged)
    assert privacy.find_patient_ids("<td>P0009999</td><td>P5</td>", staged) == ["P0009999"]



def test_the_reports_of_a_run_are_looked_up_together_and_each_names_its_own_ids(tmp_path):
    staged = tmp_path / "s.parquet"
    pd.DataFrame({"patient_id": ["P0001234", "P0009999"]}).to_parquet(staged)
    found = privacy.patient_ids_in({"a.html": "P0009999 and 010203-1234", "b.html": "P0001234 P5", "c.html": "P5"},
                                   staged)
    assert found == {"a.html": ["010203-****", "P0009999"], "b.html": ["P0001234"], "c.html": []}

def test_a_single_small_count_in_a_row_hides_the_rows_next_smallest_count():
    # 8 + 9 + 6 + 2 + 15 = 40 is printed elsewhere: with only the 2 hidden it could be worked out
    df = pd.DataFrame({"unit": ["A"], "y1": [8], "y2": [9], "y3": [6], "y4": [2], "y5": [15]})
    out = privacy.suppress_counts(df, ["y1", "y2", "y3", "y4", "y5"])
    assert out.iloc[0, 1:].tolist() == [8, 9, privacy.HIDDEN, "<5", 15]


def test_a_single_small_count_in_a_column_hides_the_columns_next_smallest_count():
    df = pd.DataFrame({"hospital": ["A", "B", "C"], "visits": [300, 3, 120]})
    assert privacy.suppress_counts(df, ["visits"])["visits"].tolist() == [300, "<5", privacy.HIDDEN]


def test_two_small_counts_protect_each_other_and_zeros_are_never_chosen():
    df = pd.DataFrame({"hospital": ["A", "B", "C", "D"], "visits": [0, 3, 4, 900]})
    assert privacy.suppress_counts(df, ["visits"])["visits"].tolist() == [0, "<5", "<5", 900]


def test_a_hospitals_rows_are_protected_against_its_own_total():
    # the hospital's total of each column may be shown elsewhere, so within hospital A one
    # hidden cell is not enough even though the whole column already has two
    df = pd.DataFrame({"hospital": ["A", "A", "B", "B"], "specialty": ["x", "y", "x", "y"],
                       "visits": [2, 50, 3, 70]})
    hidden = privacy.secondary_suppression(df[["visits"]], [df["hospital"]])
    assert hidden["visits"].tolist() == [False, True, False, True]


def test_a_difference_resting_on_either_count_is_blanked():
    df = pd.DataFrame({"hospital": ["A", "B", "C"], "y2023": [40, 60, 80], "y2025": [3, 70, 90],
                       "change": [-37, 10, 10]})
    out = privacy.suppress_counts(df, ["y2023", "y2025"], derived={"change": ["y2023", "y2025"]})
    assert out["change"].tolist()[0] == ""


def test_every_hidden_count_stays_hidden_when_the_rule_cascades():
    # hiding A's 40 (next to its 3) leaves y2023 with one hidden cell, so its next smallest goes too
    df = pd.DataFrame({"hospital": ["A", "B", "C"], "y2023": [40, 60, 80], "y2025": [3, 70, 90]})
    out = privacy.suppress_counts(df, ["y2023", "y2025"])
    for col in ("y2023", "y2025"):
        assert (out[col].isin(["<5", privacy.HIDDEN])).sum() != 1


def test_a_report_table_and_its_export_hide_the_same_cells():
    from analysis.reporting import report

    df = pd.DataFrame({"hospital": ["A", "B", "C"], "visits": [300, 3, 120], "share": [0.71, 0.01, 0.28]})
    t = report.table(df, "da", counts=["visits"], derived={"share": "visits"}, percent=["share"])
    assert [row[1:] for row in t.data["rows"]] == [[300, 71], ["<5", ""], ["x", ""]]
    assert '<td class="num count">x</td>' in t.html and "28,0" not in t.html


def test_a_ratio_resting_on_a_hidden_count_is_marked_held_back_not_left_blank():
    # Læsø's 4 first visits are small; its row's and column's smallest other counts go too (30,
    # Morsø's 69), and then Morsø's 400 so that the follow-up column holds no single hidden count
    counts = pd.DataFrame({"first": [4, 69, 500], "follow_up": [30, 400, 2000]}, index=["Læsø", "Morsø", "Aalborg"])
    ratios = pd.DataFrame({"first": [0.8, 1.1, 1.0], "follow_up": [0.9, 1.2, 1.0]}, index=counts.index)
    shown = privacy.hide_derived(ratios, counts)
    assert shown["first"].tolist() == [privacy.HIDDEN, privacy.HIDDEN, 1.0]
    assert shown["follow_up"].tolist() == [privacy.HIDDEN, privacy.HIDDEN, 1.0]


def test_kroner_beside_a_hidden_count_of_visits_are_hidden_with_it():
    # 2 visits changed at 1,600 kr. a visit: the tariff value 3,200 beside "<5" gave the 2 away
    from analysis.analyses import reduction
    from analysis.reporting import report

    ideas = pd.DataFrame({"scenario": ["A", "B", "C"], "visits_changed": [2.0, 120.0, 300.0],
                          "in_person_avoided": [2.0, 120.0, 300.0], "budget_effect_dkk": [936.0, 56_000.0, 140_000.0],
                          "tariff_value_dkk": [3_200.0, 192_000.0, 480_000.0]})
    html = report.table(ideas, "da", counts=["visits_changed", "in_person_avoided"], verbatim=["scenario"],
                        derived=reduction.kroner_of_counts(ideas)).html
    assert "3.200" not in html and "936" not in html  # A's, and B's too (hidden as the count that gives A away)
    assert "192.000" not in html and "480.000" in html and "140.000" in html
