"""Measured quantities a change idea may take its share from: the calendar-booked follow-ups."""
from __future__ import annotations

import pandas as pd
import pytest

from analysis import measures
from analysis.aggregate import Aggregates

ACT = pd.DataFrame({"year": [2024], "hospital": ["A"], "specialty": ["K"], "sector": ["somatic"],
                    "visit_type": ["follow_up"], "contact_mode": ["in_person"], "visits": [100]})


def histogram(rows):
    return pd.DataFrame(rows, columns=["year", "hospital", "specialty", "sector", "days", "intervals"])


def test_the_calendar_measure_is_the_calendar_like_part_of_the_intervals():
    """A, K in 2024 (somatic): 3 intervals of 91 days and 1 of 100 (9 days from 91: calendar-like),
    4 of 40 and 2 of 200 (18 days from 182: irregular) -> 4 of 10 = 0.4. B, K: one interval of
    365 days -> 1.0. Intervals of 2023 and of psychiatry do not count in 2024's somatic measure."""
    hist = histogram([(2024, "A", "K", "somatic", 91, 3), (2024, "A", "K", "somatic", 100, 1),
                      (2024, "A", "K", "somatic", 40, 4), (2024, "A", "K", "somatic", 200, 2),
                      (2024, "B", "K", "somatic", 365, 1),
                      (2023, "A", "K", "somatic", 40, 50), (2024, "A", "K", "psychiatry", 182, 50)])
    got = measures.calendar_follow_ups(Aggregates("visits", ACT, intervals=hist), 2024, "somatic")
    assert list(got.columns) == ["hospital", "specialty", "visit_type", "fraction"]
    assert got.set_index("hospital")["fraction"].to_dict() == pytest.approx({"A": 0.4, "B": 1.0})
    assert set(got["visit_type"]) == {"follow_up"}


def test_without_visit_level_data_the_calendar_measure_is_unavailable():
    assert measures.calendar_follow_ups(Aggregates("aggregated", ACT), 2024, "somatic") is None
    assert measures.compute(["calendar_follow_ups"], Aggregates("aggregated", ACT), 2024, "somatic") == {}


def test_a_year_without_intervals_measures_nothing_rather_than_being_unavailable():
    hist = histogram([(2023, "A", "K", "somatic", 91, 3)])
    got = measures.compute(["calendar_follow_ups"], Aggregates("visits", ACT, intervals=hist), 2024, "somatic")
    assert list(got) == ["calendar_follow_ups"] and got["calendar_follow_ups"].empty


def test_every_measure_is_named_and_described_in_both_languages():
    for name, m in measures.MEASURES.items():
        for lang in ("da", "en"):
            assert m.describe(lang) and m.label != measures.L.t(m.label, lang), (name, lang)
    assert "14" in measures.MEASURES["calendar_follow_ups"].describe("en")
