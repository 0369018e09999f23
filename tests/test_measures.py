"""Measured quantities a change idea may take its share from: the calendar-booked follow-ups."""
from __future__ import annotations

import pandas as pd
import pytest

from analysis.analyses import measures
from analysis.engine.aggregate import Aggregates

ACT = pd.DataFrame({"year": [2024], "hospital": ["A"], "specialty": ["K"], "sector": ["somatic"],
                    "visit_type": ["follow_up"], "contact_mode": ["in_person"], "visits": [100]})


def histogram(rows):
    return pd.DataFrame(rows, columns=["year", "hospital", "specialty", "sector", "days", "intervals"])


def test_the_calendar_measure_is_the_calendar_like_part_of_the_intervals():
    """A, K in 2024 (somatic): 300 intervals of 91 days and 100 of 100 (9 days from 91:
    calendar-like), 300 of 10 and 300 of 200 (18 days from 182: irregular, but in the window of
    182 moved 29 days later, so 300 x 4/6 = 200 calendar-like intervals are expected by chance:
    pathways.CHANCE_BANDS) -> 400 - 200 = 200 of 1,000 = 0.2, well beyond noise. B, K: 30
    intervals of 365 days -> 1.0. Intervals of 2023 and of psychiatry do not count in 2024's
    somatic measure."""
    hist = histogram([(2024, "A", "K", "somatic", 91, 300), (2024, "A", "K", "somatic", 100, 100),
                      (2024, "A", "K", "somatic", 10, 300), (2024, "A", "K", "somatic", 200, 300),
                      (2024, "B", "K", "somatic", 365, 30),
                      (2023, "A", "K", "somatic", 40, 50), (2024, "A", "K", "psychiatry", 182, 50)])
    got = measures.calendar_follow_ups(Aggregates("visits", ACT, intervals=hist), 2024, "somatic")
    assert list(got.columns) == ["hospital", "specialty", "visit_type", "fraction", "calendar_like", "intervals"]
    assert got.set_index("hospital")["fraction"].to_dict() == pytest.approx({"A": 0.2, "B": 1.0})
    assert got.set_index("hospital")[["calendar_like", "intervals"]].loc["A"].tolist() == [400, 1000]  # as 08
    assert set(got["visit_type"]) == {"follow_up"}


def test_without_visit_level_data_the_calendar_measure_is_unavailable():
    assert measures.calendar_follow_ups(Aggregates("aggregated", ACT), 2024, "somatic") is None
    assert measures.measure(["calendar_follow_ups"], Aggregates("aggregated", ACT), 2024, "somatic")[0] == {}


def test_a_year_without_intervals_measures_nothing_rather_than_being_unavailable():
    hist = histogram([(2023, "A", "K", "somatic", 91, 3)])
    got = measures.measure(["calendar_follow_ups"], Aggregates("visits", ACT, intervals=hist), 2024, "somatic")[0]
    assert list(got) == ["calendar_follow_ups"] and got["calendar_follow_ups"].empty


def test_every_measure_is_named_and_described_in_both_languages():
    for name, m in measures.MEASURES.items():
        for lang in ("da", "en"):
            assert m.describe(lang) and m.label != measures.L.t(m.label, lang), (name, lang)
    assert "14" in measures.MEASURES["calendar_follow_ups"].describe("en")


def diagnoses(rows):
    return pd.DataFrame(rows, columns=["year", "hospital", "specialty", "sector", "municipality", "contact_mode",
                                       "diagnosis_group", "visits"])


def test_the_basic_level_measure_is_the_part_of_the_university_hospitals_in_person_follow_ups_that_could_move():
    """Aarhus Universitetshospital, Kardiologi, 2024: 100 in-person follow-ups; 20 basic-level
    (IX Hypertension) of residents of Randers, whose residents mostly use Regionshospitalet Randers,
    which holds cardiology (shipped tables); 30 basic-level of Aarhus residents (shared care, not
    moved); 50 highly specialised. 10 basic-level by phone from Randers do not count (in person
    only). Fraction 20/100; each moved visit saves 1,800 - 1,500 kr. (shipped tariff table)."""
    uni, rr = "Aarhus Universitetshospital", "Regionshospitalet Randers"
    hyp, med = "IX Hypertension", "IX Medfødt og arvelig hjertesygdom"
    d = diagnoses([(2024, uni, "Kardiologi", "somatic", "Randers", "in_person", hyp, 20),
                   (2024, uni, "Kardiologi", "somatic", "Aarhus", "in_person", hyp, 30),
                   (2024, uni, "Kardiologi", "somatic", "Randers", "in_person", med, 50),
                   (2024, uni, "Kardiologi", "somatic", "Randers", "phone", hyp, 10)])
    residents = pd.DataFrame({"year": 2024, "sector": "somatic", "municipality": ["Randers", "Aarhus"],
                              "hospital": [rr, uni], "visits": [900, 900]})
    got = measures.basic_level_follow_ups(Aggregates("visits", ACT, residents=residents, diagnoses=d), 2024,
                                          "somatic")
    row = got.set_index("specialty").loc["Kardiologi"]
    assert row["hospital"] == uni and row["visit_type"] == "follow_up"
    assert row["fraction"] == pytest.approx(0.2) and row["dkk_saved_per_visit"] == pytest.approx(300)


def test_the_basic_level_measure_needs_a_diagnosis_group():
    assert measures.basic_level_follow_ups(Aggregates("aggregated", ACT), 2024, "somatic") is None


def test_the_basic_level_measure_reads_the_runs_own_tables(tmp_path):
    """The run's own tables: hospital U holds Kard at the highly specialised level, N at basic;
    group G is basic; the run's tariff table prices a highly specialised follow-up at 2,100 and a
    basic one at 1,500: 600 kr. saved a visit moved."""
    levels = tmp_path / "levels.csv"
    levels.write_text("hospital,specialty,level\nU,Kard,highly_specialised\nN,Kard,basic\n", encoding="utf-8")
    groups = tmp_path / "groups.csv"
    groups.write_text("specialty,diagnosis_group,level\nKard,G,basic\n", encoding="utf-8")
    rows = [f",{v},{m},1500," for v in ("assessment", "treatment", "minor_procedure", "sampling", "follow_up")
            for m in ("in_person", "video", "phone", "written")]
    prices = tmp_path / "tariffs.csv"
    prices.write_text("specialty,visit_type,contact_mode,dkk,level\n" + "\n".join(rows)
                      + "\n,follow_up,in_person,2100,highly_specialised\n", encoding="utf-8")
    d = diagnoses([(2024, "U", "Kard", "somatic", "Town", "in_person", "G", 10),
                   (2024, "U", "Kard", "somatic", "City", "in_person", "G", 30)])
    residents = pd.DataFrame({"year": 2024, "sector": "somatic", "municipality": ["Town", "City"],
                              "hospital": ["N", "U"], "visits": [50, 50]})
    agg = Aggregates("visits", ACT, residents=residents, diagnoses=d)
    got = measures.basic_level_follow_ups(agg, 2024, "somatic", measures.Tables(str(prices), str(levels), str(groups)))
    row = got.set_index("specialty").loc["Kard"]
    assert row["fraction"] == pytest.approx(10 / 40) and row["dkk_saved_per_visit"] == pytest.approx(600)
    # the shipped tables know neither U nor G: the idea is left out for want of matching tables
    frames, needs = measures.measure(["basic_level_follow_ups"], agg, 2024, "somatic")
    assert frames == {} and needs == {"basic_level_follow_ups": "pot_needs_levels"}


def test_where_the_university_hospital_has_no_follow_ups_in_the_sector_nothing_is_measured():
    d = diagnoses([(2024, "Aarhus Universitetshospital", "Kardiologi", "somatic", "Aarhus", "in_person",
                    "IX Hypertension", 10)])
    residents = pd.DataFrame({"year": 2024, "sector": "somatic", "municipality": ["Aarhus"],
                              "hospital": ["Aarhus Universitetshospital"], "visits": [50]})
    got = measures.basic_level_follow_ups(Aggregates("visits", ACT, residents=residents, diagnoses=d), 2024,
                                          "psychiatry")
    assert isinstance(got, pd.DataFrame) and got.empty
