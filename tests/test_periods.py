"""Like periods: a year that is not whole (the data end or start inside it, or its latest months
are not fully registered) is compared with the other years over the same months, or, where the
data have no months, marked as partial and left out of every change."""
from __future__ import annotations

import math

import pandas as pd
import pytest

from analysis.analyses import periods as P

PER_MONTH = {2023: 100, 2024: 110, 2025: 121}  # visits a month at hospital A; B has half as many


def monthly(first: str = "2023-01", last: str = "2025-12", zero: tuple[str, ...] = ()) -> pd.DataFrame:
    rows = []
    for m in pd.date_range(first, last, freq="MS"):
        for hospital, share in (("A", 1.0), ("B", 0.5)):
            visits = 0 if f"{m:%Y-%m}" in zero else int(PER_MONTH[m.year] * share)
            rows.append({"month": m, "hospital": hospital, "specialty": "Urologi", "sector": "somatic",
                         "visit_type": "follow_up", "contact_mode": "in_person", "visits": visits})
    return pd.DataFrame(rows)


def activity(m: pd.DataFrame) -> pd.DataFrame:
    keys = ["hospital", "specialty", "sector", "visit_type", "contact_mode"]
    return m.assign(year=pd.to_datetime(m["month"]).dt.year).groupby(["year", *keys], as_index=False)["visits"].sum()


def months(a: int, b: int) -> tuple[int, ...]:
    return tuple(range(a, b + 1))


def test_a_half_year_is_compared_with_the_same_half_of_the_years_before():
    m = monthly(last="2025-06")
    act = activity(m)
    cov = P.coverage(m, [2023, 2024, 2025], "2023-01-01", "2025-06-30")
    assert cov.by_month and cov.partial == (2025,) and cov.in_data[2025] == months(1, 6)
    comp = P.compare(cov, [2023, 2024, 2025])
    assert comp == P.Comparison((2023, 2024, 2025), months(1, 6))
    # January-June: 6 x 150 in 2023, 6 x 165 in 2024, 6 x 181 in 2025 (A 121 + B 60 a month)
    assert P.totals(act, m, comp)["total"].to_dict() == {2023: 900, 2024: 990, 2025: 1086}
    change, used = P.year_change(act, m, cov, 2025)
    assert used.months == months(1, 6) and change == pytest.approx(1086 / 990 - 1)  # +9.7%, not -45%
    table = P.change(act, m, comp, ["hospital"]).set_index("hospital")
    assert list(table.columns) == ["januar–juni 2023", "januar–juni 2025", "change", "change_pct"]
    assert table.loc["A"].tolist()[:3] == [600, 726, 126] and table.loc["A", "change_pct"] == pytest.approx(0.21)
    assert P.sentence(cov, comp, "da") == (
        "Ikke alle år er hele: 2025 har kun data for januar–juni. Ændringer mellem årene sammenligner derfor de "
        "samme måneder i hvert år: januar–juni i 2023, 2024 og 2025.")
    assert P.sentence(cov, comp, "en").endswith("the same months of each year: January–June in 2023, 2024 and 2025.")
    assert P.year_note(cov, 2025, "da") == ("Data dækker kun januar–juni 2025, så tallene for 2025 nedenfor er ikke "
                                            "et helt års aktivitet.")
    assert P.year_note(cov, 2024, "da") == ""


def test_months_not_fully_registered_are_left_out_of_every_year():
    m = monthly()
    act = activity(m)
    late = (pd.Timestamp("2025-11-01"), pd.Timestamp("2025-12-01"))
    cov = P.coverage(m, [2023, 2024, 2025], "2023-01-01", "2025-12-31", late)
    assert cov.in_data[2025] == months(1, 12) and cov.complete[2025] == months(1, 10)
    comp = P.compare(cov, [2023, 2024, 2025])
    assert comp.years == (2023, 2024, 2025) and comp.months == months(1, 10)
    change, _ = P.year_change(act, m, cov, 2025)
    assert change == pytest.approx(181 / 165 - 1)  # ten months each, 1,810 against 1,650
    assert P.sentence(cov, comp, "da") == (
        "Ikke alle år er hele: registreringen af november og december 2025 er ikke færdig. Ændringer mellem årene "
        "sammenligner derfor de samme måneder i hvert år: januar–oktober i 2023, 2024 og 2025.")
    # the visits of 2025 are all in the data: the note names the registration, not missing months
    assert P.year_note(cov, 2025, "da") == ("Registreringen af november og december 2025 er ikke færdig, så tallene "
                                            "for 2025 nedenfor er for lave i de måneder.")


def test_whole_years_are_compared_whole_and_nothing_is_said():
    m = monthly()
    cov = P.coverage(m, [2023, 2024, 2025], "2023-01-01", "2025-12-31")
    comp = P.compare(cov, [2023, 2024, 2025])
    assert comp == P.Comparison((2023, 2024, 2025), P.ALL_MONTHS) and comp.whole_years
    assert P.sentence(cov, comp, "da") == "" and P.label(2024, comp.months) == "2024"
    # whole years come from the yearly table, so an input without months gives the same
    act = activity(m)
    assert P.totals(act, m, comp)["total"].to_dict() == {2023: 1800, 2024: 1980, 2025: 2172}
    assert P.year_change(act, m, cov, 2024)[0] == pytest.approx(0.1)
    assert math.isnan(P.year_change(act, m, cov, 2023)[0])  # no year before


def test_without_months_a_partial_year_from_the_period_is_marked_and_in_no_change():
    act = activity(monthly(last="2025-06"))
    cov = P.coverage(pd.DataFrame(), [2023, 2024, 2025], "2023-01-01", "2025-06-30")
    assert not cov.by_month and cov.in_data[2025] == months(1, 6)
    comp = P.compare(cov, [2023, 2024, 2025])
    assert comp == P.Comparison((2023, 2024), P.ALL_MONTHS, marked=(2025,))
    # the marked year is shown as it is (half a year), beside the whole years
    assert P.totals(act, pd.DataFrame(), comp)["total"].to_dict() == {2023: 1800, 2024: 1980, 2025: 1086}
    assert P.change(act, pd.DataFrame(), comp, ["hospital"]).columns[1:3].tolist() == ["2023", "2024"]
    assert math.isnan(P.year_change(act, pd.DataFrame(), cov, 2025)[0])
    assert P.sentence(cov, comp, "da") == (
        "Ikke alle år er hele: 2025 har kun data for januar–juni. Data er ikke opgjort pr. måned, så de samme "
        "måneder kan ikke sammenlignes: delvise år (2025) vises som åbne punkter i figurerne og indgår ikke i "
        "ændringerne mellem årene.")
    # a whole period by year: nothing to say, nothing marked
    whole = P.coverage(pd.DataFrame(), [2023, 2024], "2023-01-01", "2024-12-31")
    assert P.compare(whole, [2023, 2024]) == P.Comparison((2023, 2024), P.ALL_MONTHS)


def test_an_earliest_year_sharing_no_month_with_the_later_ones_is_left_out():
    m = monthly(first="2023-07", last="2025-06")
    cov = P.coverage(m, [2023, 2024, 2025], "2023-01-01", "2025-12-31")
    comp = P.compare(cov, [2023, 2024, 2025])
    assert comp == P.Comparison((2024, 2025), months(1, 6), left_out=(2023,))
    text = P.sentence(cov, comp, "da")
    assert text.startswith("Ikke alle år er hele: 2023 har kun data for juli–december; 2025 har kun data for "
                           "januar–juni. ")
    assert "januar–juni i 2024 og 2025. Udeladt af sammenligningen: 2023" in text


def test_a_partial_first_year_is_left_out_when_it_would_narrow_the_later_years():
    m = monthly(first="2023-03")
    cov = P.coverage(m, [2023, 2024, 2025], "2023-01-01", "2025-12-31")
    assert P.compare(cov, [2023, 2024, 2025]) == P.Comparison((2024, 2025), P.ALL_MONTHS, left_out=(2023,))
    # with only two years, the partial one stays and both are counted over its months
    assert P.compare(cov, [2023, 2024]) == P.Comparison((2023, 2024), months(3, 12))


def test_a_month_without_visits_or_only_partly_in_the_period_is_not_complete():
    m = monthly(zero=("2024-05",))
    cov = P.coverage(m, [2023, 2024, 2025], "2023-01-15", "2025-12-31")
    assert cov.complete[2023] == months(2, 12) and 5 not in cov.complete[2024]
    comp = P.compare(cov, [2023, 2024, 2025])  # without 2023, January counts again
    assert comp == P.Comparison((2024, 2025), (1, 2, 3, 4, 6, 7, 8, 9, 10, 11, 12), left_out=(2023,))
    assert P.month_span(comp.months, "da") == "januar–april og juni–december"
    # a partial first year that would not widen the others' months stays
    cov = P.coverage(monthly(zero=("2024-01",)), [2023, 2024, 2025], "2023-01-15", "2025-12-31")
    assert P.compare(cov, [2023, 2024, 2025]) == P.Comparison((2023, 2024, 2025), months(2, 12))
    assert P.month_span((1, 2, 3, 5, 6, 12), "en") == "January–March, May–June and December"
    assert P.label(2025, (7,), "en") == "July 2025"


def test_fewer_than_two_comparable_years_cannot_give_a_change():
    m = monthly(first="2025-01", last="2025-06")
    cov = P.coverage(m, [2025], "2025-01-01", "2025-06-30")
    comp = P.compare(cov, [2025])
    assert not comp.comparable
    with pytest.raises(ValueError):
        P.change(activity(m), m, comp, ["hospital"])


def test_the_trend_texts_say_which_months_each_point_holds():
    cov = P.coverage(pd.DataFrame(), [2023, 2024, 2025], "2023-01-01", "2025-06-30")
    same = P.texts(cov, P.Comparison((2023, 2024, 2025), months(1, 6)), "da")
    assert same["sector"] == "Besøg i januar–juni pr. år og sektor"
    assert same["how"].startswith("Hvert punkt er besøgene i januar–juni det år")
    assert same["change"] == "Ændring fra året før, januar–juni" and same["ticks"] == {}
    marked = P.texts(cov, P.Comparison((2023, 2024), P.ALL_MONTHS, marked=(2025,)), "en")
    assert marked["sector"] == "Visits per year by sector" and marked["ticks"] == {2025: "2025\n(January–June)"}
    assert "An open point is a partial year (2025)" in marked["how"]
    assert marked["change"] == "Change from the year before"
