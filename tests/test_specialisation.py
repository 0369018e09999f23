"""The right level of specialisation: basic-level follow-ups at the university hospital, closer
to home or in shared care, priced by the tariff difference. Every frame is made up by hand."""
from __future__ import annotations

import pandas as pd
import pytest

from analysis.analyses import specialisation as sp
from analysis.base.problems import InputError
from analysis.inputs import tariffs

UNI, NEAR = "Uni", "Near"
LEVELS = pd.DataFrame({"hospital": [UNI, UNI, NEAR], "specialty": ["Kard", "Endo", "Kard"],
                       "level": ["highly_specialised", "highly_specialised", "basic"]})
DIAGNOSES = pd.DataFrame({"specialty": ["Kard", "Kard", "Endo"], "diagnosis_group": ["Hyp", "Medf", "T2"],
                          "level": ["basic", "highly_specialised", "basic"]})
HOME = pd.DataFrame({"municipality": ["Town", "City"], "home_hospital": [NEAR, UNI]})
TARIFFS = pd.DataFrame({"specialty": [""] * 2, "visit_type": ["follow_up"] * 2, "contact_mode": ["in_person", "phone"],
                        "dkk": [1500.0, 700.0]})
BY_LEVEL = pd.DataFrame({"level": ["highly_specialised"], "specialty": [""], "visit_type": ["follow_up"],
                         "contact_mode": ["in_person"], "dkk": [1800.0]})


def follow_ups(*rows) -> pd.DataFrame:
    """The diagnoses aggregate from (hospital, specialty, municipality, diagnosis group, visits[, mode])."""
    out = []
    for r in rows:
        hosp, spec, mun, group, n, mode = (*r, "in_person")[:6]
        out.append({"year": 2024, "hospital": hosp, "specialty": spec, "sector": "somatic", "municipality": mun,
                    "contact_mode": mode, "diagnosis_group": group, "visits": n})
    return pd.DataFrame(out)


def classified(*rows) -> pd.DataFrame:
    return sp.follow_ups(follow_ups(*rows), DIAGNOSES, LEVELS, UNI, HOME, 2024)


def test_the_university_hospital_holds_most_specialties_at_the_highest_level():
    assert sp.university_hospital(LEVELS) == UNI
    assert sp.university_hospital(LEVELS.assign(level="basic")) == ""


def test_a_municipalitys_home_hospital_is_where_its_residents_make_most_visits():
    residents = pd.DataFrame({"year": 2024, "sector": "somatic", "municipality": ["Town", "Town", "City", "-"],
                              "hospital": [NEAR, UNI, UNI, NEAR], "visits": [60, 40, 10, 99]})
    home = sp.home_hospitals(residents, 2024)
    assert home.set_index("municipality")["home_hospital"].to_dict() == {"Town": NEAR, "City": UNI}


def test_a_basic_patient_from_an_area_whose_hospital_holds_the_specialty_could_be_seen_closer_to_home():
    rows = classified((UNI, "Kard", "Town", "Hyp", 10))
    assert rows["where"].tolist() == ["closer_to_home"]
    assert rows[["home_hospital", "home_level", "university_level"]].iloc[0].tolist() == [
        NEAR, "basic", "highly_specialised"]


def test_a_basic_patient_of_the_university_hospitals_own_area_is_a_shared_care_candidate():
    assert classified((UNI, "Kard", "City", "Hyp", 10))["where"].tolist() == ["shared_care"]


def test_where_the_home_hospital_lacks_the_specialty_the_patient_is_a_shared_care_candidate():
    assert classified((UNI, "Endo", "Town", "T2", 10))["where"].tolist() == ["shared_care"]


def test_an_unknown_residence_is_a_shared_care_candidate():
    assert classified((UNI, "Kard", "-", "Hyp", 10))["where"].tolist() == ["shared_care"]


def test_specialised_and_unlisted_groups_and_other_hospitals_are_not_candidates():
    rows = classified((UNI, "Kard", "Town", "Medf", 10), (UNI, "Kard", "Town", "XXI Faktorer", 5),
                      (NEAR, "Kard", "Town", "Hyp", 7))
    assert rows["where"].tolist() == ["", ""]  # the Near row is not the university hospital's
    assert rows["level"].isna().tolist() == [False, True]


def test_closer_to_home_is_priced_by_the_tariff_difference_and_shared_care_by_the_tariff_less_its_cost():
    rows = classified((UNI, "Kard", "Town", "Hyp", 10), (UNI, "Kard", "City", "Hyp", 4),
                      (UNI, "Kard", "Town", "Hyp", 2, "phone"))
    priced = sp.price(rows, TARIFFS, BY_LEVEL, shared_care_dkk=200)
    # in person: 1800 at the highly specialised level, 1500 at the basic level; by phone: 700 at both
    assert priced["dkk_saved_per_visit"].tolist() == [300.0, 1600.0, 0.0]


def test_candidates_sum_visits_and_kroner_per_specialty():
    rows = classified((UNI, "Kard", "Town", "Hyp", 10), (UNI, "Kard", "City", "Hyp", 4),
                      (UNI, "Kard", "Town", "Medf", 6), (UNI, "Kard", "Town", "XXI Faktorer", 5))
    out = sp.candidates(sp.price(rows, TARIFFS, BY_LEVEL)).set_index("specialty").loc["Kard"]
    assert out[["follow_ups", "with_level", "basic_level", "closer_to_home", "shared_care"]].tolist() == [
        25, 20, 14, 10, 4]
    assert out["basic_share"] == pytest.approx(14 / 20)
    assert out["dkk_closer_to_home"] == 10 * 300 and out["dkk_shared_care"] == 4 * 1800


def test_the_funnel_counts_only_patients_from_other_areas_with_a_level():
    rows = classified((UNI, "Kard", "Town", "Hyp", 30), (UNI, "Kard", "Town", "Medf", 70),
                      (UNI, "Kard", "City", "Hyp", 500), (UNI, "Kard", "Town", "XXI Faktorer", 9))
    table, _ = sp.referred_funnel(rows)
    k = table.set_index("specialty").loc["Kard"]
    assert k[["from_other_areas", "from_other_areas_basic"]].tolist() == [100, 30]
    assert k["value"] == pytest.approx(0.3)


def test_without_a_diagnosis_group_the_section_says_what_it_needs():
    out = sp.assess(pd.DataFrame(), pd.DataFrame(), 2024, LEVELS, DIAGNOSES, TARIFFS, BY_LEVEL)
    assert out.problem == "needs_diagnosis"


def test_groups_the_table_does_not_know_are_named_from_the_data():
    out = sp.assess(follow_ups((UNI, "Kard", "Town", "DI10", 50), (UNI, "Kard", "Town", "DI20", 70)),
                    pd.DataFrame(), 2024, LEVELS, DIAGNOSES, TARIFFS, BY_LEVEL)
    assert out.problem == "none_listed" and out.examples == ["DI20", "DI10"]


def test_the_tariff_difference_of_an_in_person_follow_up_is_stated():
    out = sp.assess(follow_ups((UNI, "Kard", "City", "Hyp", 5)), pd.DataFrame(), 2024, LEVELS, DIAGNOSES,
                    TARIFFS, BY_LEVEL)
    assert out.problem == "" and out.in_person_difference == 300.0
    assert out.has_residence and out.rows["where"].tolist() == ["shared_care"]  # no residents: no home known


def test_a_level_table_with_an_unknown_level_and_a_repeated_row_is_refused_with_both_problems(tmp_path):
    f = tmp_path / "levels.csv"
    f.write_text("hospital,specialty,level\nUni,Kard,highly\nUni,Kard,basic\nNear,Kard,\n", encoding="utf-8")
    with pytest.raises(InputError) as e:
        sp.load_levels(f)
    text = str(e.value)
    assert "unknown level" in text and "highly" in text and "the same row twice" in text and "empty value" in text


def test_the_shipped_tables_load_and_name_a_university_hospital():
    levels = sp.load_levels()
    assert sp.university_hospital(levels) == "Aarhus Universitetshospital"
    assert set(sp.load_diagnosis_levels()["level"]) == {"basic", "regional", "highly_specialised"}


# --- the tariff table's levels -------------------------------------------------------------------

def test_level_rows_of_the_tariff_table_do_not_change_the_general_prices():
    general = tariffs.load_tariffs()
    assert "level" not in general.columns
    one = pd.DataFrame({"specialty": ["Kardiologi"], "visit_type": ["follow_up"], "contact_mode": ["in_person"]})
    assert tariffs.unit_price(one, general).iloc[0] == 1500


def test_a_level_row_prices_a_visit_at_that_level_and_the_general_row_the_others():
    one = pd.DataFrame({"specialty": ["Kard", "Kard"], "visit_type": ["follow_up"] * 2,
                        "contact_mode": ["in_person", "phone"]})
    at = tariffs.level_unit_price(one, TARIFFS, BY_LEVEL, "highly_specialised")
    assert at.tolist() == [1800.0, 700.0]
    assert tariffs.level_unit_price(one, TARIFFS, BY_LEVEL, "basic").tolist() == [1500.0, 700.0]
    per_row = tariffs.level_unit_price(one, TARIFFS, BY_LEVEL, pd.Series(["basic", "highly_specialised"]))
    assert per_row.tolist() == [1500.0, 700.0]


def test_an_unknown_level_in_the_tariff_table_is_refused(tmp_path):
    f = tmp_path / "tariffs.csv"
    rows = [f",{v},{m},100," for v in ("assessment", "treatment", "minor_procedure", "sampling", "follow_up")
            for m in ("in_person", "video", "phone", "written")]
    f.write_text("specialty,visit_type,contact_mode,dkk,level\n" + "\n".join(rows) + "\n,follow_up,in_person,9,top\n",
                 encoding="utf-8")
    with pytest.raises(InputError, match="unknown level"):
        tariffs.level_tariffs(f)


def test_the_report_says_how_shared_care_is_priced():
    assert "own budget" in sp.shared_care_words(0, "en")
    assert sp.shared_care_words(150, "da") == (
        "som universitetshospitalets takst minus 150 kr. pr. kontrol i fælles forløb")
