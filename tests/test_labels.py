"""Danish and English labels and number formats."""
import pytest

from analysis.base import labels as L


def test_danish_numbers_use_dot_thousands_and_comma_decimals():
    assert L.number(1234567.89, "da", 1) == "1.234.567,9"
    assert L.number(1234567.89, "en", 1) == "1,234,567.9"
    assert L.percent(0.123, "da") == "12,3 %"
    assert L.dkk(60_000_000, "da", millions=True) == "60,0 mio. kr."


def test_an_amount_too_small_for_millions_is_written_in_kroner():
    """On a small extract "0,0 mio. kr." hid 5.413 kr."""
    from analysis.analyses.reduction import dkk_interval

    assert L.dkk(5_413, "da", millions=True) == "5.413 kr." and L.dkk(5_413, "en", millions=True) == "DKK 5,413"
    assert L.dkk(0, "da", millions=True) == "0,0 mio. kr."
    assert dkk_interval(5_413, 3_100, 7_900, "da") == "5.413 kr. (3.100–7.900)"
    assert dkk_interval(12_300_000, 10_100_000, 14_200_000, "da") == "12,3 mio. kr. (10,1–14,2)"
    # a small amount whose interval is in millions is in millions too: not "18.848 kr. (-0,8 til 0,8)"
    assert dkk_interval(18_848, -800_000, 800_000, "da") == "0,02 mio. kr. (-0,80 til 0,80)"
    assert dkk_interval(41_137, -119_612, 201_887, "en") == "DKK 0.04m (-0.12 to 0.20)"


def test_amounts_under_a_million_that_differ_read_apart():
    """A new user's three key options with a small requirement all read "0,3 mio. kr."; amounts
    beside them stood in whole kroner ("32.219 kr.")."""
    from analysis.analyses.reduction import dkk_interval

    options = [L.dkk(x, "da", millions=True) for x in (310_000, 338_000, 344_000)]
    assert options == ["0,31 mio. kr.", "0,34 mio. kr.", "0,34 mio. kr."]
    assert L.dkk(32_219, "da", millions=True) == "0,03 mio. kr." and L.dkk(32_219, "en", True) == "DKK 0.03m"
    assert L.dkk(1_260_000, "da", millions=True) == "1,3 mio. kr."  # from a million on, one decimal
    assert L.dkk(1_050_000, "da", True, like=860_000) == "1,05 mio. kr."  # an interval's end as its point
    # the point as L.dkk writes it (a shortfall beside it is worked out from it), its ends alike
    assert dkk_interval(450_000, 120_000, 1_300_000, "da") == "0,45 mio. kr. (0,12–1,30)"


def test_labels_translate_categories_and_keep_names():
    assert L.t("follow_up", "da") == "Kontrol"
    assert L.t("follow_up", "en") == "Follow-up"
    assert L.t("Aarhus Universitetshospital", "en") == "Aarhus Universitetshospital"


def test_every_label_has_both_languages_with_the_same_placeholders():
    import string

    def fields(s):
        return {f for _, f, _, _ in string.Formatter().parse(s) if f}

    for key, (da, en) in L.LABELS.items():
        assert da and en, key
        assert fields(da) == fields(en), key


def test_money_sentences_end_with_one_full_stop():
    for lang in ("da", "en"):
        money = L.dkk(60_000_000, lang, millions=True)
        for key in ("pot_summary", "pot_aim", "key_intro", "hosp_key_text", "money_two_kinds", "pot_head_budget",
                    "key_region"):
            fields = {f: money for f in ("budget", "lo", "hi", "target", "share", "potential", "value", "value_lo",
                                         "value_hi")}
            text = L.t(key, lang, **fields, draws=200, cover="10 %", n=5, basis="x", excluded="-")
            assert "kr.." not in text and ".." not in text, (key, lang, text)


def test_names_in_a_danish_sentence_are_parted_by_commas_and_og_before_the_last():
    assert L.names(["Aarhus", "Randers", "Viborg"], "da") == "Aarhus, Randers og Viborg"


def test_names_in_an_english_sentence_end_with_and():
    assert L.names(["Aarhus", "Randers", "Viborg"], "en") == "Aarhus, Randers and Viborg"


def test_one_name_is_said_as_it_is_and_none_is_nothing():
    assert L.names(["Hospital A, Nord"], "da") == "Hospital A, Nord"
    assert L.names([], "da") == ""


def test_two_names_are_joined_by_og_alone():
    assert L.names(["Aarhus", "Randers"], "da") == "Aarhus og Randers"


def test_a_name_holding_a_comma_parts_the_names_by_semicolons():
    """"Hospital A, Nord, Hospital B og Hospital C" could be four hospitals; the semicolons say three."""
    three = ["Hospital A, Nord", "Hospital B", "Hospital C"]
    assert L.names(three, "da") == "Hospital A, Nord; Hospital B og Hospital C"
    assert L.names(three[::-1], "en") == "Hospital C; Hospital B and Hospital A, Nord"


def test_names_are_joined_by_the_one_and_of_the_labels_table():
    assert [k for k, pair in L.LABELS.items() if pair == (" og ", " and ")] == ["names_and"]


def test_a_notebooks_formatters_speak_its_language():
    T, N, P, M = L.formatters("da")
    assert (T("visits"), N(1234.5, 1), P(0.123), M(12_340_000)) == ("Besøg", "1.234,5", "12,3 %", "12,3 mio. kr.")
    T, N, P, M = L.formatters("en")
    assert (T("visits"), N(1234.5, 1), P(0.123), M(12_340_000)) == ("Visits", "1,234.5", "12.3%", "DKK 12.3m")


def test_every_category_value_and_column_of_the_contract_has_a_label_in_both_languages():
    from analysis.base import schema as s

    shown_as_given = {s.AGE_BAND}  # age bands ("0-17", "80+") read the same in both languages
    values = {v for column, vs in s.CATEGORIES.items() if column not in shown_as_given for v in vs}
    keys = values | set(s.LEVELS) | set(s.CATEGORIES) | set(s.VISIT_COLUMNS) | set(s.AGGREGATED_COLUMNS)
    keys |= {s.UNKNOWN}  # what 00 shows a mapped "Ukendt" sex as
    missing = sorted(k for k in keys if k not in L.LABELS)
    assert missing == []
    for key in keys:
        assert L.t(key, "da") != key or key in s.SEXES, key
        assert all(L.LABELS[key]), key


def test_referral_sources_read_the_same_as_a_category_and_as_a_pathways_column():
    from analysis.base import schema as s

    assert L.t("general_practice", "da") == "Almen praksis" and L.t("own_department", "en") == "Own department"
    assert L.t("acute", "da") == "Akut" and L.t("planned", "en") == "Planned"
    assert L.t("priority", "da") == "Prioritet" and L.t("referral_source", "da") == "Henvisningsinstans"
    for source in s.REFERRAL_SOURCES:
        assert L.LABELS[f"pw_src_{source}"] == L.LABELS[source]
    assert L.LABELS["pw_referral_source"] == L.LABELS["referral_source"]


def test_a_count_on_a_key_figure_card_reads_right_for_one_and_for_many():
    # the card shows the number above its label: "1" or "12" over "antal ..." / "number of ..."
    for key in ("pw_kpi_high", "pw_kpi_basic"):
        assert L.t(key, "da").startswith("antal "), key
        assert L.t(key, "en").startswith("number of "), key
    assert "enheder (hospital og speciale) klart over den øvre grænse" in L.t("pw_kpi_high", "da")


def test_the_two_kinds_of_kroner_have_one_name_each_in_both_languages():
    assert L.LABELS["budget_effect_dkk"] == ("Budgetvirkning (kr.)", "Budget effect (DKK)")
    assert L.LABELS["tariff_value_dkk"] == ("Aktivitetsværdi (kr.)", "Tariff value (DKK)")
    # the one sentence a director reads on each planning page names both, says which is cash and why
    # the tariff value is larger
    for lang, cash, value, why in (("da", "budgetvirkningen", "aktivitetsværdien", "faste udgifter"),
                                   ("en", "budget effect", "tariff value", "fixed costs")):
        text = L.t("money_two_kinds", lang, target=L.dkk(60_000_000, lang, millions=True))
        assert cash in text and value in text and why in text and text.count(".") >= 1
    # the key figures and columns of the planning pages name their kind; none calls a tariff value a saving
    for key in ("pot_budget", "pot_head_budget", "budget_mdkk", "hosp_potential", "key_potential_short", "short_dkk",
                "beyond_dkk", "gap_kpi_short", "gap_kpi_beyond", "fu_short", "fu_beyond", "legend_budget", "dd_budget"):
        assert "budgetvirkning" in L.t(key, "da").lower() and "budget effect" in L.t(key, "en").lower(), key
    for key in ("pot_tariff", "pot_head_tariff", "hosp_tariff", "key_tariff_short", "legend_tariff", "dd_tariff"):
        da, en = L.t(key, "da").lower(), L.t(key, "en").lower()
        assert "aktivitetsværdi" in da and "tariff value" in en, key
        assert "besparelse" not in da and "saving" not in en, key


def test_the_planning_pages_use_no_label_that_calls_a_tariff_value_a_saving():
    import importlib
    import inspect
    import json
    import re

    from analysis.base import config

    retired = {"saving_dkk", "saving_low", "saving_high", "saving_mdkk", "pot_saving", "potential_dkk"}
    for name in ("03_reduction_potential", "04_savings_key", "05_hospital"):
        cells = json.loads((config.NOTEBOOKS_DIR / f"{name}.ipynb").read_text(encoding="utf-8"))["cells"]
        code = "".join("".join(c["source"]) for c in cells if c["cell_type"] == "code")
        # a page written by a report module (analysis/reporting/<report>_report.py): its code is the page's
        for module in re.findall(r"\b(\w+_report)\.build\(", code):
            code += inspect.getsource(importlib.import_module(f"analysis.reporting.{module}"))
        used = set(re.findall(r'"(\w+)"', code))
        assert not used & retired, (name, used & retired)
        assert "money_two_kinds" in used, name  # each page says once what the two kinds are


@pytest.mark.parametrize("language", ["da", "en"])
@pytest.mark.parametrize("benchmark", ["median", "mean", "best_quartile", "best_k", 0.9])
def test_the_potential_intro_never_nests_brackets(benchmark, language):
    """'(besøg over medianen ... (det typiske hospital))' read as a slip: a benchmark's words carry
    their own brackets, so the sentence around them has none."""
    import re

    from analysis.analyses.potential import describe_benchmark

    text = L.t("pot_intro", language, n=3, benchmark=describe_benchmark(benchmark, language, None))
    assert "))" not in text and not re.search(r"\([^)]*\(", text), text


def test_a_day_is_written_as_a_reader_writes_it():
    import pandas as pd

    assert L.date("2025-04-01", "da") == "1. april 2025" and L.date("2025-04-01", "en") == "1 April 2025"
    assert L.date(pd.Timestamp("2025-12-31 13:00"), "da") == "31. december 2025"


def test_a_month_is_its_name_and_year_and_short_on_an_axis():
    import datetime as dt

    assert L.month(dt.date(2025, 5, 17), "da") == "maj 2025" and L.month("2025-03-01", "en") == "March 2025"
    assert L.month("2021-01", "da") == "januar 2021"  # a month as the data write it
    assert L.month("2025-09-01", "da", short=True) == "sep. 2025"
    assert L.month("2025-09-01", "en", short=True) == "Sep 2025"


def test_a_quarter_is_written_the_danish_way():
    assert [L.quarter(f"2025-{m:02d}-01", "da") for m in (1, 3, 4, 12)] == [
        "1. kvt. 2025", "1. kvt. 2025", "2. kvt. 2025", "4. kvt. 2025"]
    assert L.quarter("2025-08-01", "en") == "Q3 2025"


def test_the_run_time_is_danish_local_time_summer_and_winter():
    import datetime as dt

    assert L.run_time(dt.datetime(2026, 12, 7, 2, 3, tzinfo=dt.UTC), "da") == "7. december 2026 kl. 03.03"
    assert L.run_time(dt.datetime(2026, 7, 7, 22, 30, tzinfo=dt.UTC), "da") == "8. juli 2026 kl. 00.30"
    assert L.run_time(dt.datetime(2026, 7, 7, 2, 3, tzinfo=dt.UTC), "en") == "7 July 2026, 04:03 Danish time"


def test_a_colour_is_inflected_as_the_danish_sentence_needs_it():
    green = L.colour("green", "da")
    assert f"{green}" == "grøn" and f"den {green:e} søjle" == "den grønne søjle"
    assert f"{green:E} punkter" == "Grønne punkter" and f"{green:C}" == "Grøn"
    assert f"{L.colour('green', 'en'):E} points" == "Green points"


def test_every_colour_the_figures_draw_has_a_name_in_both_languages():
    from analysis.reporting import plots

    assert set(plots.COLOURS) == set(L.COLOURS)


def test_a_files_encoding_is_named_as_a_reader_knows_it():
    """00 wrote "tegnsæt utf-8-sig": the byte-order mark is Python's name for a detail no reader needs."""
    assert L.encoding("utf-8-sig") == L.encoding("utf-8") == "UTF-8"
    assert L.encoding("cp1252") == "Windows-1252" and L.encoding("utf-16-le") == "UTF-16"
    assert L.t("csv_format", "da", encoding=L.encoding("utf-8-sig"), separator=";", decimal=",").startswith(
        "CSV i tegnsættet UTF-8,")


def test_a_range_whose_ends_print_alike_is_one_value():
    """07 wrote "0,0 % til 0,0 % pr. måned", 09 "her 1,8 til 1,8"."""
    assert L.span("0,0 %", "0,0 %", "da") == "0,0 %"
    assert L.span("1,2", "1,8", "da") == "1,2 til 1,8" and L.span("1.2", "1.8", "en") == "1.2 to 1.8"


def test_limits_not_widened_for_overspread_say_so():
    """08 wrote "udvidet for overspredning (phi = 0,30)" where nothing was widened."""
    assert L.overdispersion(1.34, True, "da") == ", udvidet for overspredning (φ = 1,34)"
    text = L.overdispersion(0.3, False, "da")
    assert "ikke udvidet" in text and "φ = 0,30 ≤ 1" in text and "udvidet for overspredning (" not in text


def test_a_decimal_comma_in_a_name_does_not_part_the_names_by_semicolons():
    """04 wrote "Horsens (10,1 mio. kr.); Midt (9,3 mio. kr.) og Vest (8,3 mio. kr.)"."""
    gaps = ["Horsens (10,1 mio. kr.)", "Midt (9,3 mio. kr.)", "Vest (8,3 mio. kr.)"]
    assert L.names(gaps, "da") == "Horsens (10,1 mio. kr.), Midt (9,3 mio. kr.) og Vest (8,3 mio. kr.)"
    assert L.names(["Horsens 10,1 mio. kr.", "Midt 9,3 mio. kr."], "da") == "Horsens 10,1 mio. kr. og Midt 9,3 mio. kr."


def test_alternatives_end_with_eller():
    """08 wrote "inden for 14 dage af 91, 182, 365 dage"."""
    assert L.names(["91", "182", "365"], "da", last="names_or") == "91, 182 eller 365"
    assert L.names(["91", "182", "365"], "en", last="names_or") == "91, 182 or 365"


def test_a_signed_change_shows_the_sign_of_a_rise():
    """01's key figure showed a rise as "2,4 %" beside falls shown as "-1,0 %"."""
    assert L.percent(0.024, "da", signed=True) == "+2,4 %" and L.percent(-0.01, "da", signed=True) == "-1,0 %"
    assert L.percent(0.0001, "da", signed=True) == "0,0 %" and L.percent(0.024, "en", signed=True) == "+2.4%"
    assert L.percent(0.024, "da") == "2,4 %"


def test_a_category_is_found_from_a_slip_of_its_key_or_its_label():
    visit_types = ("assessment", "treatment", "follow_up")
    assert L.category_meant("Kontrl", visit_types) == "follow_up" == L.category_meant("kontrol", visit_types)
    assert L.category_meant("Folow-up", visit_types) == "follow_up"
    assert L.category_meant("Røntgen", visit_types) is None


def test_a_label_key_written_in_two_reports_tables_is_refused():
    """Each report writes its own labels in a module of its own; merged, a key may occur once,
    else which text a page shows would depend on the order of the merge."""
    with pytest.raises(ValueError, match="label keys written twice: fu_title"):
        L._merged({"names_and": (" og ", " and ")}, {"fu_title": ("a", "a")}, {"fu_title": ("b", "b")})
    assert L._merged({"a_x": ("1", "1")}, {"b_y": ("2", "2")}) == {"a_x": ("1", "1"), "b_y": ("2", "2")}
    assert "fu_title" in L.LABELS and "pw_calendar_how" in L.LABELS  # the reports' own, merged
