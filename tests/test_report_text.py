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


def test_the_monitoring_key_figures_add_up_to_the_series_followed():
    from analysis.reporting.monitoring_report import status_counts

    result = pd.DataFrame({"status": ["reduction", "no_signal", "too_small", "too_small", "mixed"]})
    counts = status_counts(result, "da")
    assert counts[0] == ("Serier fulgt", 5) and sum(n for _, n in counts[1:]) == 5
    assert ("For få besøg til at bedømme", 2) in counts and ("Både fald og stigning", 1) in counts
    # a part no series has is left out, but reduction, rise and no signal are always shown
    plain = status_counts(pd.DataFrame({"status": ["no_signal"]}), "en")
    assert [label for label, _ in plain] == ["Series followed", "Real reduction", "Real rise", "No signal"]


def test_a_requirement_larger_than_all_the_activity_is_worth_is_said():
    from analysis.reporting.key_report import beyond_value

    assert beyond_value(60_000_000, 250_000_000, 2024, "da") == ""
    said = beyond_value(60_000_000, 1_700_000, 2024, "da")
    assert said.startswith("Kravet på 60,0 mio. kr. er større end aktivitetsværdien af alle besøgene i nøglen i 2024 "
                           "(1,7 mio. kr.)")


def test_a_table_of_eight_columns_or_more_is_marked_to_print_smaller():
    # a full-size region's ideas table (eight columns, kroner in full) ran 36 px past the A4 text width
    from analysis.reporting import report

    eight = pd.DataFrame({f"c{i}": [12_345_678] for i in range(report.WIDE_COLUMNS)})
    assert 'class="report-table wide"' in report.table(eight, "da").html
    assert 'class="report-table"' in report.table(eight.iloc[:, :-1], "da").html
    css = (report.config.TEMPLATE_DIR / "outpatient" / "static" / "report.css").read_text(encoding="utf-8")
    assert "table.report-table.wide { font-size: 7.5pt; }" in css
