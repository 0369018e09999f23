"""What an input supports: measures, strata and notebooks from small hand-made aggregates, the
fallback and its sentence, a hospital absent in a year, and monitoring without months."""
from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from analysis.analyses import capabilities as cap
from analysis.analyses import variation
from analysis.engine.aggregate import Aggregates

HOSPITALS = ("H1", "H2", "H3")


def activity(years=(2024,), patients: bool = False) -> pd.DataFrame:
    """Three hospitals x one specialty, assessments and follow-ups, in person and by phone."""
    rows = []
    for y in years:
        for i, h in enumerate(HOSPITALS):
            for vt, n in (("assessment", 100), ("follow_up", 200 + 50 * i)):
                for mode, share in (("in_person", 0.8), ("phone", 0.2)):
                    rows.append({"year": y, "hospital": h, "specialty": "Urologi", "sector": "somatic",
                                 "visit_type": vt, "contact_mode": mode, "visits": int(n * share),
                                 "patients": float(n * share * 0.6) if patients else np.nan, "cost_dkk": np.nan})
    return pd.DataFrame(rows)


def casemix(act: pd.DataFrame) -> pd.DataFrame:
    """The activity split evenly into two age bands x two sexes."""
    parts = [act.assign(age_band=a, sex=x, visits=act["visits"] / 4) for a in ("18-39", "60-69") for x in "FM"]
    return pd.concat(parts, ignore_index=True).drop(columns=["patients", "cost_dkk"])


def units(act: pd.DataFrame) -> pd.DataFrame:
    keys = ["year", "hospital", "specialty", "sector"]
    u = act.groupby(keys, as_index=False)["visits"].sum()
    return u.assign(patients=(u["visits"] * 0.5).round())


COUNTS = Aggregates(kind="aggregated", activity=activity())
COUNTS_AGE_SEX = Aggregates(kind="aggregated", activity=activity(), casemix=casemix(activity()))
COUNTS_PATIENTS = Aggregates(kind="aggregated", activity=activity(), units=units(activity()))


def test_every_measure_states_its_needs():
    assert set(cap.MEASURE_NEEDS) == set(variation.MEASURES)
    assert set(cap.ALWAYS) <= set(variation.MEASURES)
    assert all(cap.MEASURE_NEEDS[m] == () for m in cap.ALWAYS)


def test_plain_counts_support_the_count_measures_crude_and_no_monitoring():
    caps = cap.of(COUNTS)
    assert caps.needs_met == frozenset() and caps.years == (2024,)
    assert cap.supported_measures(caps) == ["follow_up_ratio", "in_person_share"]
    assert cap.supported_strata(caps, "follow_up_ratio", ["age_band", "sex"]) == []
    assert cap.notebooks_supported(caps, ["02_variation", "06_monitoring"]) == {
        "02_variation": [], "06_monitoring": [cap.MONTHS]}


def test_age_and_sex_allow_case_mix_adjustment_of_count_measures_only():
    caps = cap.of(COUNTS_AGE_SEX)
    assert caps.has(cap.AGE_SEX) and not caps.has(cap.PATIENTS_BY_AGE_SEX)
    assert cap.supported_strata(caps, "in_person_share", ["age_band", "sex"]) == ["age_band", "sex"]
    assert cap.supported_strata(caps, "in_person_share", ["age_band", "sex", "diagnosis_group"]) == ["age_band", "sex"]
    assert cap.supported_measures(caps) == ["follow_up_ratio", "in_person_share"]


def test_patients_per_unit_allow_the_per_patient_measures_crude():
    caps = cap.of(COUNTS_PATIENTS)
    assert caps.has(cap.PATIENTS_PER_UNIT)
    assert cap.supported_measures(caps) == list(variation.MEASURES)
    assert cap.supported_strata(caps, "follow_ups_per_patient", ["age_band", "sex"]) == []


def test_months_allow_monitoring():
    monthly = pd.DataFrame({"month": pd.to_datetime(["2024-01-01", "2024-02-01"]), "hospital": ["H1"] * 2,
                            "specialty": ["Urologi"] * 2, "sector": ["somatic"] * 2,
                            "visit_type": ["follow_up"] * 2, "visits": [10, 12]})
    caps = cap.of(Aggregates(kind="aggregated", activity=activity(), monthly=monthly))
    assert cap.notebooks_supported(caps, ["06_monitoring"]) == {"06_monitoring": []}


def test_a_measure_the_data_cannot_give_falls_back_with_a_sentence_saying_why():
    choice = cap.resolve(cap.of(COUNTS), "follow_ups_per_patient", ["age_band", "sex"], "da")
    assert choice.measure == "follow_up_ratio" and choice.strata == [] and choice.changed and choice.crude
    assert len(choice.notes) == 3
    assert choice.notes[0].startswith("Kontroller pr. patient kan ikke beregnes")
    assert "antal patienter pr. hospital og speciale" in choice.notes[0]
    assert "kontroller pr. udredning" in choice.notes[0]
    assert "aldersgruppe og køn" in choice.notes[1] and "ukorrigerede" in choice.notes[2]
    en = cap.resolve(cap.of(COUNTS), "visits_per_patient", [], "en")
    assert en.measure == "follow_up_ratio" and en.notes == [
        "Visits per patient cannot be computed, because the input data do not give the number of patients per "
        "hospital and specialty (patients counted per visit type and contact mode cannot be added up: one patient "
        "counts in several). The report shows follow-ups per first visit instead, which can be computed from "
        "visit counts."]


def test_what_the_data_support_is_used_unchanged_and_silently():
    choice = cap.resolve(cap.of(COUNTS_AGE_SEX), "in_person_share", ["age_band", "sex"], "da")
    assert (choice.measure, choice.strata, choice.notes, choice.changed) == ("in_person_share", ["age_band", "sex"],
                                                                             [], False)
    crude = cap.resolve(cap.of(COUNTS), "follow_up_ratio", [], "da")
    assert crude.notes == [] and crude.crude


def test_the_notebook_decision_matches_what_variation_can_compute():
    """Whatever resolve chooses, variation computes without error; what it refuses, variation refuses."""
    for agg in (COUNTS, COUNTS_AGE_SEX, COUNTS_PATIENTS):
        caps = cap.of(agg)
        for m in variation.MEASURES:
            for strata in ([], ["age_band", "sex"]):
                choice = cap.resolve(caps, m, strata, "en")
                assert variation.unavailable(agg, choice.measure, choice.strata) == ""
                res = variation.analyse(agg, choice.measure, 2024, choice.strata)
                assert len(res.table) == 3
                assert bool(variation.unavailable(agg, m, strata)) == choice.changed


def test_an_unknown_stratum_or_measure_is_a_clear_error():
    with pytest.raises(ValueError, match="cannot standardise by 'postcode'"):
        cap.resolve(cap.of(COUNTS), "follow_up_ratio", ["postcode"])
    with pytest.raises(ValueError, match="measure must be one of"):
        cap.resolve(cap.of(COUNTS), "visits_per_doctor", [])


def test_a_hospital_absent_in_the_year_is_named_with_the_years_it_has():
    act = activity(years=(2023, 2024))
    act = act[~((act["hospital"] == "H3") & (act["year"] == 2024))]
    assert cap.hospital_years(act, "H3") == [2023]
    assert cap.absent_note(act, "H1", 2024) == ""
    note = cap.absent_note(act, "H3", 2024, "en")
    assert note.startswith("H3 has no outpatient visits in 2024") and "present in: 2023" in note


def test_monitoring_says_plainly_when_it_needs_months_or_the_date_is_outside_them():
    assert "månedlige tal" in cap.monitoring_problem(pd.DataFrame(), "2025-04-01", "da")
    monthly = pd.DataFrame({"month": pd.date_range("2024-01-01", periods=12, freq="MS"), "visits": 10})
    assert cap.monitoring_problem(monthly, "2024-06-01") == ""
    outside = cap.monitoring_problem(monthly, "2025-04-01", "en")
    assert "1 April 2025" in outside and "January 2024 to December 2024" in outside
    assert cap.monitoring_problem(monthly, "2024-01-01") != ""  # nothing before it


def test_benchmark_inputs_on_counts_are_visits_per_first_visit():
    inputs = variation.benchmark_inputs(COUNTS, 2024, ["age_band", "sex"])
    assert inputs.measure == "follow_up_ratio" and inputs.strata == []
    r = inputs.rates[inputs.rates["visit_type"] == "follow_up"].set_index("hospital")
    # H3: 300 follow-ups on 100 first visits (80 + 20 in each)
    assert r.loc["H3", "crude"] == pytest.approx(3.0) and r.loc["H1", "crude"] == pytest.approx(2.0)
    assert "assessment" not in set(inputs.rates["visit_type"])
    adjusted = variation.benchmark_inputs(COUNTS_AGE_SEX, 2024, ["age_band", "sex"])
    assert adjusted.strata == ["age_band", "sex"]
    per_patient = variation.benchmark_inputs(COUNTS_PATIENTS, 2024, ["age_band", "sex"])
    assert per_patient.measure == "visits_per_patient" and per_patient.strata == []
    assert set(per_patient.rates["visit_type"]) >= {"assessment", "follow_up"}


def test_a_baseline_holds_the_months_before_the_decision_and_says_when_fewer_than_asked():
    monthly = pd.DataFrame({"month": pd.date_range("2023-05-01", "2025-06-01", freq="MS"), "hospital": "H",
                            "visits": 10})
    # 2023-05 to 2025-03: 23 months before 1 April 2025; a decision on 15 April counts April before it
    assert cap.months_before(monthly, "2025-04-01") == 23 and cap.months_before(monthly, "2025-04-15") == 24
    assert cap.baseline_used(monthly, "2025-04-01", 24) == 23 and cap.baseline_used(monthly, "2025-04-01", 12) == 12
    assert cap.baseline_note(monthly, "2025-04-01", 23, "da") == ""
    assert cap.baseline_note(monthly, "2025-04-01", 24, "da") == (
        "Basislinjen er de 23 måneder før beslutningsdatoen 1. april 2025 (maj 2023 til marts 2025), ikke de 24 "
        "måneder, som basislinjens længde er sat til: data har ikke flere måneder før beslutningen. Sæt "
        "basislinjens længde til 23 måneder i kørselsfilen, eller brug data, der begynder tidligere.")
    assert cap.baseline_note(monthly, "2025-04-01", 24, "en").startswith(
        "The baseline is the 23 months before the decision date 1 April 2025 (May 2023 to March 2025), not the 24 "
        "months")
    assert cap.months_before(monthly.iloc[:0], "2025-04-01") == 0 and cap.baseline_note(monthly.iloc[:0], "2025-04-01",
                                                                                          24) == ""
    assert cap.baseline_problem("06_monitoring", monthly, "2025-04-01", 24).endswith(
        "(2023-05 to 2025-03); set baseline_months: 23, or give data that start 1 month earlier")


def test_a_baseline_shorter_than_the_model_needs_is_refused_with_the_fix():
    monthly = pd.DataFrame({"month": pd.date_range("2023-01-01", "2025-06-01", freq="MS"), "hospital": "H",
                            "visits": 10})
    assert cap.baseline_problem("07_follow_up", monthly, "2025-04-01", 12) == (
        "07_follow_up: baseline_months 12 is fewer than the 13 months its model needs before the decision date; "
        "set baseline_months: 13 or more")
    assert cap.baseline_problem("07_follow_up", monthly, "2025-04-01", 13) == ""
