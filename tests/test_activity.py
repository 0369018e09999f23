"""Activity overview measures on small hand-made frames."""
from __future__ import annotations

import math

import pandas as pd
import pytest

from analysis.analyses import activity

ACT = pd.DataFrame({
    "year": [2024, 2024, 2024, 2025, 2025],
    "hospital": ["A", "A", "B", "A", "B"],
    "specialty": ["K"] * 5,
    "sector": ["somatic", "somatic", "psychiatry", "somatic", "psychiatry"],
    "visit_type": ["follow_up", "assessment", "follow_up", "follow_up", "treatment"],
    "contact_mode": ["in_person", "phone", "in_person", "in_person", "video"],
    "visits": [60, 20, 20, 90, 30],
})
# 2024: 10 patients with 1 visit, 5 with 4, 1 with 10 -> 16 patients, 40 visits
PV = pd.DataFrame({"year": [2024] * 3, "scope": ["all"] * 3, "visits_per_patient": [1, 4, 10],
                   "patients": [10, 5, 1]})


def test_volume_shares_add_to_one():
    v = activity.volume(ACT, ["hospital"], 2024)
    assert v["visits"].tolist() == [80, 20] and v["share"].tolist() == [0.8, 0.2]


def test_change_between_years():
    c = activity.change(ACT, ["hospital"], 2024, 2025).set_index("hospital")
    assert c.loc["A", "change"] == 10 and c.loc["A", "change_pct"] == pytest.approx(10 / 80)
    assert c.loc["B", "change_pct"] == pytest.approx(0.5)


def test_top_share_takes_whole_groups_then_part_of_the_boundary_group():
    # top 5% of 16 patients = 0.8 patient -> 0.8 of the 10-visit patient = 8 of 40 visits
    assert activity.top_share(PV, 2024, 0.05) == pytest.approx(8 / 40)
    # top 25% = 4 patients -> the 10-visit patient + 3 of the 4-visit ones = 22 of 40
    assert activity.top_share(PV, 2024, 0.25) == pytest.approx(22 / 40)
    assert activity.top_share(PV, 2024, 1.0) == pytest.approx(1.0)


def test_concentration_curve_ends_at_one():
    c = activity.concentration_curve(PV, 2024)
    assert c.iloc[0].tolist() == [0, 0] and c.iloc[-1].tolist() == pytest.approx([1, 1])


def test_key_figures():
    kf = activity.key_figures(ACT, PV.assign(year=2025), 2025)
    assert kf["visits"] == 120 and kf["visits_psychiatry"] == 30
    assert kf["follow_up_share"] == pytest.approx(0.75)
    assert kf["change_pct"] == pytest.approx(20 / 100)
    assert kf["visits_per_patient"] == pytest.approx(120 / 16)


def test_key_figures_without_the_year_before():
    assert math.isnan(activity.key_figures(ACT, PV, 2024)["change_pct"])


def test_a_hospitals_mix_against_its_sector():
    out = activity.mix_against_region(ACT, "A", 2024, "visit_type").set_index("visit_type")
    # A: 60 follow-ups, 20 assessments; somatic sector = A only in 2024
    assert (out.loc["follow_up", "share"] == pytest.approx(0.75)
            and out.loc["follow_up", "region_share"] == pytest.approx(0.75))
    with pytest.raises(ValueError, match="no visits"):
        activity.mix_against_region(ACT, "Z", 2024, "visit_type")


def test_the_concentration_table_has_rows_only_for_the_sectors_the_data_have():
    """An extract without psychiatry showed two blank psychiatry rows."""
    somatic = pd.concat([PV, PV.assign(scope="somatic"), PV.assign(scope="psychiatry", patients=0)])
    table = activity.concentration(somatic, 2024)
    assert table["scope"].tolist() == ["all", "all", "somatic", "somatic"]
    assert table["their_share"].tolist() == pytest.approx([8 / 40, activity.top_share(PV, 2024, 0.10)] * 2)
    assert activity.scopes_present(somatic, 2023) == []
