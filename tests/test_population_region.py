"""The population perspective on the full synthetic region: the planted municipality is found."""
from __future__ import annotations

import pytest

from analysis.analyses import population

pytestmark = pytest.mark.suite  # runs notebooks or the whole pipeline: `make test`, not `make check`


def test_the_planted_municipality_is_the_only_one_outside_the_limits(full_region):
    """As 09 computes it: the residents' repeat visits allowed for (design effects about 9), the
    funnel flags the planted municipality alone, and its interval lies well above 1."""
    prep, truth = full_region
    planted = {p["municipality"] for p in truth["municipality_rate"]}
    people = population.load_population()
    con, visits = prep.visit_table()
    design = population.design_effects(population.repeat_visits(con, visits, 2024), people)
    assert design.between(5, 15).all()
    result = population.standardised(prep.aggregates.residents, people, 2024, design=design)
    outside = set(result.loc[result["class"] != "within", "municipality"])
    assert outside == planted
    skive = result.set_index("municipality").loc[next(iter(planted))]
    assert skive["ratio_low"] > 1.1  # planted 1.25 on the chance of being a patient


def test_each_municipality_mostly_uses_its_home_hospital(full_region):
    prep, truth = full_region
    r = prep.aggregates.residents
    use = population.hospital_use(r[(r["year"] == 2024) & (r["sector"] == "somatic")]
                                  .groupby(["municipality", "hospital"], as_index=False)["visits"].sum())
    home = truth["geography"]["home_unit"]  # municipality -> the hospital its residents mostly use
    assert use.set_index("municipality")["main_hospital"].to_dict() == {m: home[m] for m in use["municipality"]}
    assert (use["main_share"] > 0.4).all()
