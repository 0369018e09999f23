"""Numbers written on figures: as many decimals as the range shown needs, in the report's language."""
from __future__ import annotations

import matplotlib.pyplot as plt
import pandas as pd

from analysis.reporting import plots


def test_label_decimals_follow_the_range_shown():
    assert [plots.label_digits(x) for x in (50, 10, 2, 0.3, 0.0)] == [0, 0, 1, 2, 0]


def test_tornado_bar_ends_carry_as_many_decimals_as_the_range_needs():
    # a 2.5-4.5 mio. kr. range: whole millions ("3", "4") would say nothing, tenths do
    sens = pd.DataFrame({"assumption": ["prices", "share"], "low": [2.5e6, 3.1e6], "high": [4.5e6, 3.9e6],
                         "base": [3.5e6, 3.5e6]})
    for lang, expected in (("da", ["2,5", "3,1", "3,9", "4,5"]), ("en", ["2.5", "3.1", "3.9", "4.5"])):
        fig = plots.tornado(sens, lang, "Følsomhed")
        texts = sorted(t.get_text().strip() for t in fig.axes[0].texts)
        plt.close(fig)
        assert texts == expected


def test_tornado_over_a_wide_range_keeps_whole_millions():
    sens = pd.DataFrame({"assumption": ["prices"], "low": [74.2e6], "high": [115.4e6], "base": [94.0e6]})
    fig = plots.tornado(sens, "da", "Følsomhed")
    texts = sorted(t.get_text().strip() for t in fig.axes[0].texts)
    plt.close(fig)
    assert texts == ["115", "74"]


def test_a_tick_is_written_with_the_decimals_it_needs():
    assert [plots.tick_digits(v) for v in (3.0, 2.75, 0.1, 0.25, 120.0)] == [0, 2, 1, 2, 0]


def test_a_bar_the_tables_hide_is_not_drawn_and_its_label_gives_nothing_away():
    fig = plots.bar_totals(pd.Series({"A": 300, "B": 3, "C": 120}), "da", "Besøg", "Besøg")
    ax = fig.axes[0]
    widths = {t.get_text(): p.get_width() for t, p in zip(ax.get_yticklabels(), ax.patches)}
    assert widths == {"B": 0.0, "C": 0.0, "A": 300.0}  # 3 is "<5", and 120 would give it away from the total
    labels = {t.get_text().strip(): t.get_position()[0] for t in ax.texts}
    assert labels == {"<5": 0.0, "x": 0.0, "300": 300.0}


def test_a_stacked_segment_the_tables_hide_is_merged_into_one_grey_segment_at_the_end():
    table = pd.DataFrame({"a": [204, 500], "b": [7, 400], "c": [1, 300], "d": [150, 200]}, index=["Lille", "Stor"])
    fig = plots.stacked_shares(table, "da", "Fordeling", ["a", "b", "c", "d"])
    small_row = [p for p in fig.axes[0].patches if abs(p.get_y() + p.get_height() / 2) < 1e-9]
    assert [round(p.get_width() * 362) for p in small_row] == [204, 0, 0, 150, 8]


def test_a_name_on_a_figure_has_no_bidi_or_control_characters():
    assert plots.name_label("Horsens\u202eexe.png\x1b[2J\x07") == "Horsensexe.png[2J"


def _drawn_colour_names(fig) -> set[str]:
    """The palette names of the colours the figure's vertical lines are drawn in."""
    from matplotlib.colors import to_hex

    by_hex = {v.lower(): k for k, v in plots.COLOURS.items()}
    lines = [ln for ax in fig.axes for ln in ax.get_lines() if len(set(ln.get_xdata())) == 1]
    return {by_hex.get(to_hex(ln.get_color()).lower(), to_hex(ln.get_color())) for ln in lines}


def test_the_monitoring_text_names_the_colour_its_decision_line_is_drawn_in():
    """06 said "Den røde lodrette streg" beside a red-orange line: the text takes the line's colour
    from where the plot takes it."""
    from analysis.base import labels as L

    months = pd.date_range("2024-01-01", periods=6, freq="MS")
    chart = pd.DataFrame({"value": [10.0, 11, 9, 10, 7, 6], "mean": 10.0, "upper": 13.0, "lower": 7.0,
                          "signal": [0, 0, 0, 0, 0, -1]}, index=months)
    fig = plots.xmr_panels({"Hospital A, Kardiologi": chart}, "da", "Kontrolkort", pd.Timestamp("2024-04-01"))
    drawn = _drawn_colour_names(fig)
    plt.close(fig)
    text = L.t("mon_how", **plots.colour_words("da", decision=plots.DECISION, fall=plots.FALL, rise=plots.RISE))
    assert drawn == {plots.DECISION}
    assert f"Den {L.COLOURS[plots.DECISION][1]} lodrette streg er beslutningsdatoen" in text
    assert "røde" not in text


def test_the_driver_diagram_wraps_a_long_idea_name_and_draws_each_budget_effect_to_scale():
    long = ("PRO-baseret opfølgning i kroniske forløb hos patienter med stabil sygdom gennem mindst to år og uden "
            "ændret medicinering")
    fig = plots.driver_diagram("Målet", [("Driver", 9e6, 30e6)],
                               [("Driver", "Kort idé", 100, 6e6, 20e6), ("Driver", long, 50, 3e6, 10e6)], "da", "t")
    texts = [t.get_text().replace("\n", " ") for t in fig.axes[0].texts]
    assert any(long in t for t in texts) and not any("…" in t for t in texts)  # wrapped, never cut
    bars = [p.get_width() for p in fig.axes[0].patches if p.get_facecolor()[:3] == plt.matplotlib.colors.to_rgb(
        plots.COLOURS[plots.BUDGET])]
    assert len(bars) == 3 and bars[1] == 2 * bars[2]  # the ideas' bars 6 : 3 (after the driver's)
    plt.close(fig)


def test_a_hospital_keeps_its_colour_whatever_else_a_chart_shows():
    plots.use_hospitals(["Randers", "Aarhus", "Horsens", "Aarhus"])
    both = pd.DataFrame({"Randers": [3, 4], "Aarhus": [5, 6]}, index=[2023, 2024])
    alone = pd.DataFrame({"Randers": [3, 4]}, index=[2023, 2024])

    def colour_of(fig, name: str) -> str:
        handles, labels = fig.axes[0].get_legend_handles_labels()
        return handles[labels.index(name)].get_color()

    a, b = plots.lines(both, "da", "t", "y"), plots.lines(alone, "da", "t", "y")
    assert colour_of(a, "Randers") == colour_of(b, "Randers") == plots.PALETTE[2]  # third in name order
    assert colour_of(a, "Aarhus") == plots.PALETTE[0]
    plt.close(a)
    plt.close(b)
    plots.use_hospitals([])


def test_a_long_label_moves_a_neighbour_it_would_run_into():
    import numpy as np

    x, y = np.array([100.0, 180.0]), np.array([50.0, 52.0])  # 80 points apart, nearly level
    widths = plots.label_widths(["Gastroenterologi og hepatologi", "Neurologi"])
    apart = plots.label_offsets(x, y, widths=widths)
    assert abs((y[1] + apart[1]) - (y[0] + apart[0])) >= plots.LABEL_GAP[1] - 1e-6  # one above the other
    assert (plots.label_offsets(x, y) == 3.0).all()  # by the default width they would share the line


def test_money_bars_below_a_tenth_of_a_million_are_not_labelled_zero():
    # a small region's specialties: 0.04 mio. kr. labelled "0,0" read as no budget effect at all
    table = pd.DataFrame({"budget": [0.12, 0.04], "tariff": [0.4, 0.1]}, index=["Kardiologi", "Neurologi"])
    fig = plots.money_bars(table, "da", "Specialer", ("Budgetvirkning", "Aktivitetsværdi"), "Mio. kr.")
    texts = sorted(t.get_text().strip() for t in fig.axes[0].texts)
    plt.close(fig)
    assert texts == ["0,04", "0,10", "0,12", "0,40"]
