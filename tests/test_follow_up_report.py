"""07's page text built from its tables (analysis.reporting.follow_up_report), in-process."""
import pandas as pd

from analysis.reporting.follow_up_report import status_sentence


def test_the_status_sentence_names_only_the_statuses_some_hospital_has():
    table = pd.DataFrame({"hospital": ["Viborg", "Horsens", "Randers"], "status": ["behind", "on_track", "on_track"]})
    assert status_sentence(table, "da") == "På sporet: Horsens og Randers. Bagud: Viborg."
    assert status_sentence(table, "en") == "On track: Horsens and Randers. Behind: Viborg."


def test_a_status_no_hospital_has_is_left_out_not_shown_as_a_dash():
    table = pd.DataFrame({"hospital": ["Viborg"], "status": ["ahead"]})
    assert status_sentence(table, "da") == "Foran: Viborg."
