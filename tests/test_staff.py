"""Avoided visits as FTE by staff group, against natural attrition."""
from __future__ import annotations

import pandas as pd
import pytest

from analysis.analyses import staff
from analysis.analyses.scenarios import Scenario

MIN = staff.load_staff_time()


def effects(lever, n=9600.0, **kw):
    sc = Scenario(name="x", driver="d", lever=lever, share=0.1, **kw)
    e = pd.DataFrame({"scenario": ["x"], "visit_type": ["follow_up"], "contact_mode": ["in_person"],
                      "visits_changed": [n]})
    return staff.fte_freed(e, [sc], MIN, minutes_per_fte=96_000).set_index("scenario").loc["x"]


def test_a_dropped_visit_frees_all_its_minutes():
    # 9,600 follow-ups x 20 doctor-minutes / 96,000 = 2 FTE
    assert effects("drop")["doctors"] == pytest.approx(2.0)


def test_a_visit_moved_to_pro_frees_the_difference():
    # in person 20 doctor-minutes, written 4: 9,600 x 16 / 96,000 = 1.6 FTE
    assert effects("to_written")["doctors"] == pytest.approx(1.6)


def test_a_visit_shifted_to_nurses_adds_nurse_time():
    e = effects("shift", staff_group="nurses")
    assert e["doctors"] == pytest.approx(2.0)
    assert e["nurses"] < 0  # nurses take the whole visit over


def test_a_visit_relocated_to_another_hospital_frees_no_staff_in_the_region():
    e = effects("relocate", of="basic_level_follow_ups")
    assert (e[list(staff.GROUPS)] == 0).all()


def test_attrition_comparison():
    freed = pd.DataFrame({"scenario": ["x"], "doctors": [2.0], "nurses": [1.0], "secretaries": [0.0]})
    out = staff.against_attrition(freed, pd.Series([100.0, 50.0, 20.0], index=list(staff.GROUPS)), 0.08)
    row = out.set_index("staff_group").loc["doctors"]
    assert row["fte_attrition"] == pytest.approx(8.0) and row["share_of_attrition"] == pytest.approx(0.25)


def test_the_share_of_attrition_is_the_share_of_the_figures_shown():
    # 0.62 FTE freed against 100 x 0.0057 = 0.57 leaving: shown as 0.6 and 0.6, so the share is
    # 100%, not the 108.8% of the unrounded figures
    freed = pd.DataFrame({"scenario": ["x"], "doctors": [0.62], "nurses": [0.04], "secretaries": [-0.01]})
    out = staff.against_attrition(freed, pd.Series([100.0, 100.0, 5.0], index=list(staff.GROUPS)), 0.0057)
    out = out.set_index("staff_group")
    assert out.loc["doctors", ["fte_freed", "fte_attrition"]].tolist() == [0.6, 0.6]
    assert out.loc["doctors", "share_of_attrition"] == pytest.approx(1.0)
    assert out.loc["nurses", "fte_freed"] == 0.0 and out.loc["nurses", "share_of_attrition"] == 0.0
    # 5 FTE x 0.57% = 0.03 rounds to no attrition: no share, rather than a division by 0.03
    assert out.loc["secretaries", "fte_attrition"] == 0.0 and pd.isna(out.loc["secretaries", "share_of_attrition"])
    assert str(out.loc["secretaries", "fte_freed"]) == "0.0"  # not "-0.0"


def test_a_staff_table_without_every_visit_type_and_mode_is_refused(tmp_path):
    from analysis.base.problems import InputError
    bad = tmp_path / "staff.csv"
    bad.write_text("visit_type,contact_mode,doctors,nurses,secretaries\nfollow_up,in_person,20,15,x\n",
                   encoding="utf-8")
    with pytest.raises(InputError) as err:
        staff.load_staff_time(bad)
    assert "non-negative numbers" in str(err.value) and "no minutes for assessment/in_person" in str(err.value)
