"""Indirect standardisation (Breslow & Day 1987): expected events from the reference rates,
and events in a stratum the reference population does not cover."""
from __future__ import annotations

import pandas as pd
import pytest

from analysis.stats import standardise

# Two hospitals, three age strata. Hospital B alone has events in "80+", where neither hospital
# has any population (e.g. follow-ups whose first visits fell in an earlier year): there is no
# reference rate for them, so they would count in O and add nothing to E.
EVENTS = pd.DataFrame({"hospital": ["A", "A", "B", "B", "B"], "age_band": ["young", "old", "young", "old", "80+"],
                       "observed": [8, 12, 2, 48, 10]})
POP = pd.DataFrame({"hospital": ["A", "A", "B", "B"], "age_band": ["young", "old", "young", "old"],
                    "population": [10, 10, 10, 30]})


def test_expected_events_from_the_reference_rates_by_hand():
    covered = EVENTS[EVENTS["age_band"] != "80+"]
    out = standardise.indirect(covered, POP, ["hospital"], ["age_band"]).set_index("hospital")
    # reference rates: young 10/20 = 0.5, old 60/40 = 1.5; A: E = 5 + 15 = 20; B: E = 5 + 45 = 50
    assert out["expected"].tolist() == pytest.approx([20, 50])
    assert out["ratio"].tolist() == pytest.approx([1.0, 1.0])
    assert (out["observed_unmatched"] == 0).all()


def test_events_in_a_stratum_without_reference_population_are_reported():
    out = standardise.indirect(EVENTS, POP, ["hospital"], ["age_band"]).set_index("hospital")
    # kept in O by default (B: 60 against E = 50) and counted, so the report can say so
    assert out.loc["B", "observed"] == 60 and out.loc["B", "expected"] == pytest.approx(50)
    assert out["observed_unmatched"].tolist() == [0, 10]
    gaps = standardise.strata_without_reference(EVENTS, POP, ["age_band"])
    assert gaps.to_dict("records") == [{"age_band": "80+", "observed": 10}]


def test_such_events_can_be_left_out_of_the_ratio():
    out = standardise.indirect(EVENTS, POP, ["hospital"], ["age_band"], on_unmatched="exclude").set_index("hospital")
    assert out.loc["B", "observed"] == 50 and out.loc["B", "ratio"] == pytest.approx(1.0)
    assert out.loc["B", "observed_unmatched"] == 10


def test_or_refused_with_the_strata_named():
    with pytest.raises(ValueError, match=r"10 events in 1 strata with no reference population.*age_band=80\+"):
        standardise.indirect(EVENTS, POP, ["hospital"], ["age_band"], on_unmatched="refuse")


def test_a_stratum_is_covered_by_its_own_region_only():
    # with a region per specialty, people in "old" in specialty K do not cover events in "old" in L
    events = pd.DataFrame({"specialty": ["K", "L"], "hospital": ["A", "A"], "age_band": ["old", "old"],
                           "observed": [5, 3]})
    pop = pd.DataFrame({"specialty": ["K"], "hospital": ["A"], "age_band": ["old"], "population": [5]})
    out = standardise.indirect(events, pop, ["specialty", "hospital"], ["age_band"], ["specialty"])
    assert out.set_index("specialty")["observed_unmatched"].to_dict() == {"K": 0, "L": 3}
    gaps = standardise.strata_without_reference(events, pop, ["age_band"], ["specialty"])
    assert gaps.to_dict("records") == [{"specialty": "L", "age_band": "old", "observed": 3}]


def test_rows_of_an_unknown_stratum_are_left_out_and_counted():
    df = pd.DataFrame({"hospital": ["A", "A", "B"], "sex": ["F", None, "M"], "age_band": ["young", "old", None],
                       "observed": [8, 5, 3]})
    kept, left_out = standardise.known_strata(df, ["sex", "age_band"], "observed")
    assert kept["observed"].tolist() == [8] and left_out == 8
    kept, left_out = standardise.known_strata(df, [], "observed")
    assert len(kept) == 3 and left_out == 0, "crude: nothing left out"
