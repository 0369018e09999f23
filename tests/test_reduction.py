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
    assert reduction.dkk_interval(1e6, -2.5e6, 5.7e6, "da") == "1,0 mio. kr. (-2,5 til 5,7)"


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


def test_on_counts_alone_the_benchmark_is_follow_ups_per_first_visit():
    """A pre-aggregated extract (no patients per unit): three hospitals with 100 first visits
    each and 200, 200 and 300 follow-ups. The median hospital has 2 follow-ups per first visit,
    so C's benchmark excess is 300 - 2 x 100 = 100 follow-ups, priced at 1,000 DKK."""
    rows = []
    for hospital, follow_ups in (("A", 200), ("B", 200), ("C", 300)):
        rows += [(2024, hospital, "K", "somatic", "assessment", "in_person", 100),
                 (2024, hospital, "K", "somatic", "follow_up", "in_person", follow_ups)]
    act = pd.DataFrame(rows, columns=["year", "hospital", "specialty", "sector", "visit_type", "contact_mode",
                                      "visits"])
    est = reduction.estimate(Aggregates("aggregated", act), 2024, PLAN, TARIFFS)
    assert est.benchmark_possible and est.benchmark_measure == "follow_up_ratio" and est.benchmark_strata == ()
    assert est.effects.groupby("hospital")["saving_dkk"].sum().to_dict() == pytest.approx({"C": 100_000})


def test_the_report_says_when_the_benchmark_rests_on_counts_or_is_crude():
    est = reduction.Estimate(None, pd.DataFrame(), pd.DataFrame(), True, "follow_up_ratio", ())
    note = reduction.benchmark_note(est, "en")
    assert "visits per first visit" in note and "not adjusted for case mix" in note
    adjusted = reduction.Estimate(None, pd.DataFrame(), pd.DataFrame(), True, "visits_per_patient", ("age_band", "sex"))
    assert reduction.benchmark_note(adjusted, "en") == ""
    assert "left out" in reduction.benchmark_note(reduction.Estimate(None, pd.DataFrame(), pd.DataFrame(), False), "en")
