"""The right level of specialisation on the full synthetic region: the planted unit is found."""
from __future__ import annotations

import pytest

from analysis.analyses import specialisation as sp
from analysis.inputs import tariffs

pytestmark = pytest.mark.suite  # the full-size region: the whole pipeline on a region (`make test`, not `make check`)


def assessed(prep):
    agg = prep.aggregates
    return sp.assess(agg.diagnoses, agg.residents, 2024, sp.load_levels(), sp.load_diagnosis_levels(),
                     tariffs.load_tariffs(), tariffs.level_tariffs())


def test_the_planted_specialty_is_the_only_one_above_the_limit(full_region):
    prep, truth = full_region
    planted = {(p["hospital"], p["specialty"]) for p in truth["basic_level_kept"]}
    out = assessed(prep)
    assert {(out.university, x) for x in out.high["specialty"]} == planted
    assert (out.funnel["class"].isin(["within", "low_95", "low_998"]) | out.funnel["specialty"].isin(
        [x for _, x in planted])).all()


def test_the_planted_specialty_has_the_most_follow_ups_that_could_move_closer_to_home(full_region):
    prep, truth = full_region
    out = assessed(prep)
    top = out.table.sort_values("closer_to_home", ascending=False).iloc[0]
    assert top["specialty"] == truth["basic_level_kept"][0]["specialty"]
    # at most 300 kr. a visit (in person: 1,800 against 1,500), less by phone, video or in writing
    assert 0.7 * top["closer_to_home"] * 300 < top["dkk_closer_to_home"] <= top["closer_to_home"] * 300
