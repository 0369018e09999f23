"""Page text the report modules build from their tables (analysis.reporting.*_report), in-process."""
import pandas as pd

from analysis.reporting.follow_up_report import status_sentence


def test_the_status_sentence_names_only_the_statuses_some_hospital_has():
    table = pd.DataFrame({"hospital": ["Viborg", "Horsens", "Randers"], "status": ["behind", "on_track", "on_track"]})
    assert status_sentence(table, "da") == "På sporet: Horsens og Randers. Bagud: Viborg."
    assert status_sentence(table, "en") == "On track: Horsens and Randers. Behind: Viborg."


def test_a_status_no_hospital_has_is_left_out_not_shown_as_a_dash():
    table = pd.DataFrame({"hospital": ["Viborg"], "status": ["ahead"]})
    assert status_sentence(table, "da") == "Foran: Viborg."


def test_the_key_names_the_hospitals_it_leaves_out_only_when_there_are_some():
    from analysis.reporting.key_report import intro

    everyone = intro("60,0 mio. kr.", 3, "antal ambulante besøg", [], "da")
    assert "Uden for nøglen" not in everyone and "–" not in everyone
    some = intro("60,0 mio. kr.", 3, "antal ambulante besøg", ["Psykiatrien"], "da")
    assert some.endswith("Uden for nøglen: Psykiatrien (psykiatrien gennemgås som de andre, men bærer ikke en del af "
                         "besparelsen).")
