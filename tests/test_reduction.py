"""The shared reduction estimate: priced by the run's table, guideline table as given, and the
saving's key figure with its unit once."""
from __future__ import annotations

import pandas as pd
import pytest

from analysis import reduction
from analysis import scenarios as S
from analysis.aggregate import Aggregates

PLAN = S.ScenarioFile(drivers={"d": {"da": "d", "en": "d"}}, scenarios=[
    S.Scenario(name="bench", driver="d", lever="benchmark", share=1.0, visit_types=["follow_up"])])
TARIFFS = pd.DataFrame({"specialty": [""], "visit_type": ["follow_up"], "contact_mode": ["in_person"], "dkk": [1000.0]})


def test_the_saving_key_figure_names_its_unit_once():
    assert reduction.dkk_interval(12.34e6, 10.06e6, 14.2e6, "da") == "12,3 mio. kr. (10,1–14,2)"
    assert reduction.dkk_interval(12.34e6, 10.06e6, 14.2e6, "en") == "DKK 12.3m (10.1–14.2)"


def test_the_guideline_benchmark_uses_the_table_it_is_given():
    units = pd.DataFrame({"year": [2024, 2024], "hospital": ["A", "B"], "specialty": ["K", "K"],
                          "sector": ["somatic"] * 2, "visits": [500, 300], "patients": [100, 100]})
    act = pd.DataFrame({"year": [2024] * 2, "hospital": ["A", "B"], "specialty": ["K", "K"], "sector": ["somatic"] * 2,
                        "visit_type": ["follow_up"] * 2, "contact_mode": ["in_person"] * 2, "visits": [250, 100]})
    agg = Aggregates("visits", act, units=units)
    guide = pd.DataFrame({"specialty": ["K"], "follow_ups_per_patient": [2.0]})
    est = reduction.estimate(agg, 2024, PLAN, TARIFFS, benchmark="guideline", guidelines=guide)
    # A: 250 follow-ups against 2 x 100 = 200 -> 50 visits x 1,000 DKK; B below its 200
    assert est.effects.groupby("hospital")["saving_dkk"].sum().to_dict() == pytest.approx({"A": 50_000})
