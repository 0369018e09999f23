"""Visits per resident by municipality: the shipped population table, crude and standardised
rates, the exact interval, hospital use and how bad inputs are reported."""
from __future__ import annotations

import pandas as pd
import pytest

from analysis.analyses import population as pop
from analysis.base.problems import InputError
from analysis.base.schema import AGE_BAND_LABELS, SEXES
from analysis.inputs import reference
from analysis.stats import funnel

TABLE = pop.load_population()


# --- the shipped table ----------------------------------------------------------------------
def test_the_shipped_table_has_every_municipality_age_band_sex_and_year():
    assert len(TABLE) == 19 * 6 * 2 * 3
    assert sorted(TABLE["municipality"].unique()) == sorted(pop.MUNICIPALITIES_2013)
    assert set(TABLE["age_band"]) == set(AGE_BAND_LABELS) and set(TABLE["sex"]) == set(SEXES)
    assert sorted(TABLE["year"].unique()) == [2023, 2024, 2025]
    assert not TABLE.duplicated(["municipality", "age_band", "sex", "year"]).any()
    assert (TABLE["residents"] > 0).all()


def test_the_shipped_table_is_the_documented_estimate_and_says_so():
    # reproducible from the module's stated sources
    pd.testing.assert_frame_equal(TABLE, pop.estimate_table(), check_dtype=False)
    text = reference.locate("population").read_text(encoding="utf-8")
    for word in ("ESTIMATED", "ASSUMPTION", "FOLK1", "FOLK1A", "1,326,340"):
        assert word in text


def test_the_2013_figures_are_the_profiles_and_nearly_sum_to_its_region_total():
    assert len(pop.MUNICIPALITIES_2013) == 19
    total = sum(pop.MUNICIPALITIES_2013.values())
    # The profile's region total is for the third quarter of 2013, the municipalities' figures
    # for 1 January 2013: they differ by 1,574 residents (0.12%), not by rounding alone.
    assert total == 1_272_240
    assert total == pytest.approx(pop.REGION_TOTALS["2013Q3"], rel=0.002)


def test_each_year_sums_to_the_region_total_extrapolated_from_2017_2020():
    growth = (1_326_340 / 1_304_253) ** (1 / 3)  # about 0.56% a year
    assert growth == pytest.approx(1.0056, abs=1e-4)
    totals = TABLE.groupby("year")["residents"].sum()
    for year in (2023, 2024, 2025):
        assert totals[year] == round(1_326_340 * growth ** (year - 2020))
    assert totals.to_dict() == {2023: 1_348_801, 2024: 1_356_372, 2025: 1_363_986}


def test_each_municipality_keeps_its_2013_share_of_the_region():
    by = TABLE.groupby(["year", "municipality"])["residents"].sum()
    for year in (2023, 2024, 2025):
        scale = by[year].sum() / sum(pop.MUNICIPALITIES_2013.values())
        for m, n2013 in pop.MUNICIPALITIES_2013.items():
            assert by[(year, m)] == pytest.approx(n2013 * scale, abs=1)  # whole persons


def test_rural_municipalities_are_assumed_older_and_aarhus_younger():
    y = TABLE[TABLE["year"] == 2024]
    old = y[y["age_band"].isin(["70-79", "80+"])].groupby("municipality")["residents"].sum()
    share = old / y.groupby("municipality")["residents"].sum()
    assert share["Samsø"] > share["Lemvig"] > share["Horsens"] > share["Aarhus"]


# --- a bad population file ------------------------------------------------------------------
def test_a_bad_population_file_reports_every_problem_together(tmp_path):
    bad = TABLE.astype({"residents": object})
    bad.loc[3, "residents"] = -5
    bad.loc[7, "residents"] = 12.5
    bad.loc[10, "age_band"] = "80-89"
    bad.loc[11, "sex"] = "X"
    path = tmp_path / "population.csv"
    bad.to_csv(path, index=False)
    with pytest.raises(InputError) as err:
        pop.load_population(path)
    problems = {p.column: p for p in err.value.problems}
    assert set(problems) == {"residents", "age_band", "sex"}
    assert problems["residents"].rows == [4, 8] and problems["residents"].file == "population.csv"
    assert problems["age_band"].rows == [11] and "80-89" in problems["age_band"].examples
    assert "0-17" in problems["age_band"].hint  # the fix names the allowed bands
    assert "Fix:" in str(err.value)


def test_a_population_file_without_a_column_or_with_a_missing_cell_is_refused(tmp_path):
    path = tmp_path / "p.csv"
    TABLE.drop(columns="residents").to_csv(path, index=False)
    with pytest.raises(InputError, match="no column 'residents'"):
        pop.load_population(path)
    TABLE.drop(index=[0]).to_csv(path, index=False)
    with pytest.raises(InputError, match="lack an age band or sex: Favrskov 0-17 F 2023"):
        pop.load_population(path)


# --- a hand-made region of two municipalities ----------------------------------------------
def two_municipalities() -> tuple[pd.DataFrame, pd.DataFrame]:
    """Young has 1,000 children and 100 old; Old has 200 children and 800 old. Both have the
    same visit rates in each age band: 0.1 visits a year per child, 2.0 per old person."""
    people = pd.DataFrame({
        "municipality": ["Young", "Young", "Old", "Old"],
        "age_band": ["0-17", "80+", "0-17", "80+"], "sex": "F", "year": 2024,
        "residents": [1_000, 100, 200, 800]})
    visits = pd.DataFrame({
        "municipality": ["Young", "Young", "Old", "Old"],
        "age_band": ["0-17", "80+", "0-17", "80+"], "sex": "F", "year": 2024,
        "visits": [100, 200, 20, 1_600]})
    return visits, people


def test_the_older_municipality_has_the_higher_crude_rate():
    visits, people = two_municipalities()
    r = pop.rates(visits, people, 2024).set_index("municipality")
    # Young: 300 visits / 1,100 residents; Old: 1,620 / 1,000 (per 1,000 residents)
    assert r.loc["Young", "visits_per_1000"] == pytest.approx(300 / 1_100 * 1_000)
    assert r.loc["Old", "visits_per_1000"] == pytest.approx(1_620.0)


def test_but_a_standardised_ratio_of_one_when_its_age_explains_it():
    visits, people = two_municipalities()
    out = pop.standardised(visits, people, 2024).set_index("municipality")
    # region rates: children 120 / 1,200 = 0.1, old 1,800 / 900 = 2.0
    # expected for Old: 200 x 0.1 + 800 x 2.0 = 1,620 = observed
    assert out.loc["Old", "expected"] == pytest.approx(1_620)
    assert out.loc["Young", "expected"] == pytest.approx(1_000 * 0.1 + 100 * 2.0)
    assert out["ratio"].tolist() == pytest.approx([1.0, 1.0])
    assert out.loc["Old", "crude"] > out.loc["Young", "crude"]  # visits per 1,000 residents
    assert set(out["class"]) == {"within"}  # funnel.funnel(kind="ratio") over the municipalities
    assert isinstance(out.attrs["dispersion"], funnel.Dispersion)


def test_a_municipality_above_its_expected_visits():
    visits, people = two_municipalities()
    visits.loc[3, "visits"] = 1_800  # Old's old residents: 200 more visits
    out = pop.standardised(visits, people, 2024).set_index("municipality")
    old_rate = (200 + 1_800) / 900  # the region's rate among the old, now 2.22
    expected = 200 * 0.1 + 800 * old_rate
    assert out.loc["Old", "expected"] == pytest.approx(expected)
    assert out.loc["Old", "ratio"] == pytest.approx(1_820 / expected)
    assert out.loc["Young", "ratio"] < 1 < out.loc["Old", "ratio"]
    assert out["observed"].sum() == pytest.approx(out["expected"].sum())  # the region is its own reference


def test_the_exact_interval_is_garwoods():
    # 10 observed: exact Poisson 95% interval 4.795 to 18.390 (Garwood 1936)
    lo, hi = funnel.ratio_interval(10, 1)
    assert (float(lo), float(hi)) == pytest.approx((4.795, 18.390), abs=1e-3)
    people = pd.DataFrame({"municipality": ["A", "B"], "age_band": "0-17", "sex": "M", "year": 2024,
                           "residents": [1_000, 1_000]})
    visits = people.assign(visits=[10, 10]).drop(columns="residents")
    out = pop.standardised(visits, people, 2024)
    assert out["ratio_low"].iloc[0] * 10 == pytest.approx(4.795, abs=1e-3)
    assert out["ratio_high"].iloc[0] * 10 == pytest.approx(18.390, abs=1e-3)


def test_standardised_within_a_specialty_uses_the_same_residents_for_each():
    visits, people = two_municipalities()
    both = pd.concat([visits.assign(specialty="Kardiologi"), visits.assign(specialty="Geriatri")])
    out = pop.standardised(both, people, 2024, by=["specialty"])
    assert len(out) == 4 and (out["residents"] == out["municipality"].map({"Young": 1_100, "Old": 1_000})).all()
    assert out["ratio"].tolist() == pytest.approx([1.0] * 4)
    r = pop.rates(both, people, 2024, by=["municipality", "specialty"]).set_index(["municipality", "specialty"])
    assert r.loc[("Old", "Geriatri"), "visits_per_1000"] == pytest.approx(1_620.0)


def test_rates_on_the_shipped_table_cover_every_municipality():
    visits = pd.DataFrame({"municipality": ["Aarhus", "Samsø"], "age_band": "80+", "sex": "F",
                           "visits": [1_000, 10]})
    r = pop.rates(visits, TABLE, 2024).set_index("municipality")
    assert len(r) == 19 and r.loc["Viborg", "visits"] == 0
    assert r.loc["Aarhus", "residents"] == TABLE.query("year == 2024 and municipality == 'Aarhus'")["residents"].sum()


# --- names and missing municipalities ------------------------------------------------------
def test_names_that_differ_by_case_or_spacing_are_matched_and_unknown_ones_reported():
    visits = pd.DataFrame({"kommune": ["  aarhus ", "Ringkøbing Skjern", "Silkebrog", "Billund"],
                           "visits": [5, 6, 7, 8]})
    matched, unknown = pop.match_municipalities(visits, TABLE)
    assert matched["municipality"].tolist()[:2] == ["Aarhus", "Ringkøbing-Skjern"]
    assert unknown.set_index("municipality")["suggestion"].to_dict() == {"Billund": "", "Silkebrog": "Silkeborg"}
    with pytest.raises(pop.PopulationError, match="not in the population table: 'Billund'.*'Silkebrog' "
                                                  r"\(7 visits; did you mean 'Silkeborg'\?\)"):
        pop.rates(visits, TABLE, 2024)
    r = pop.rates(visits, TABLE, 2024, on_unknown="exclude")
    assert r["visits"].sum() == 11 and sorted(r.attrs["unknown"]["municipality"]) == ["Billund", "Silkebrog"]


def test_visits_without_a_municipality_are_told_apart_from_names_not_in_the_table():
    visits = pd.DataFrame({"municipality": ["Aarhus", "København", "-", None, "Silkebrog"],
                           "age_band": "40-59", "sex": "F", "year": 2024, "visits": [50, 68, 20, 8, 3]})
    unknown = pop.standardised(visits, TABLE, 2024, on_unknown="exclude").attrs["unknown"]
    without, names = pop.split_unknown(unknown)
    assert without == 28
    assert names[["municipality", "visits", "suggestion"]].values.tolist() == [["København", 68, ""],
                                                                              ["Silkebrog", 3, "Silkeborg"]]
    da = pop.left_out_notes(unknown, "da")
    assert da[0] == "28 besøg uden bopælskommune er udeladt."
    assert "er udeladt: København (68) og Silkebrog (3, måske Silkeborg). En kommune kan ligge uden for" in da[1]
    assert "oversæt det i mappingfilen" in da[1] and "-" not in da[1].split(". ")[0]
    en = pop.left_out_notes(unknown, "en")
    assert en[0] == "Visits without a municipality of residence are left out: 28."
    assert "left out: København (68) and Silkebrog (3, perhaps Silkeborg). A municipality may lie outside" in en[1]


def test_municipalities_left_out_are_parted_by_semicolons_where_a_likely_spelling_adds_a_comma():
    unknown = pd.DataFrame({"municipality": ["København", "Silkebrog", "Vejlle"], "visits": [68, 3, 5],
                            "suggestion": ["", "Silkeborg", "Vejle"]})
    (note,) = pop.left_out_notes(unknown, "da")
    assert "er udeladt: København (68); Silkebrog (3, måske Silkeborg) og Vejlle (5, måske Vejle)." in note


def test_notes_on_left_out_visits_say_only_what_happened():
    only_missing = pd.DataFrame({"municipality": ["-"], "visits": [1], "suggestion": [""]})
    assert pop.left_out_notes(only_missing, "da") == ["1 besøg uden bopælskommune er udeladt."]
    only_names = pd.DataFrame({"municipality": ["Odense"], "visits": [1_234], "suggestion": [""]})
    (note,) = pop.left_out_notes(only_names, "da")
    assert note.startswith("Besøg fra kommuner, der ikke står i befolkningstabellen, er udeladt: Odense (1.234).")
    assert pop.left_out_notes(only_names.iloc[:0], "en") == []


def test_visits_without_a_municipality_are_refused_with_a_reason():
    visits = pd.DataFrame({"hospital": ["AUH"], "age_band": ["0-17"], "sex": ["F"], "visits": [3]})
    with pytest.raises(pop.PopulationError, match="no municipality column"):
        pop.rates(visits, TABLE, 2024)
    with pytest.raises(pop.PopulationError, match="no municipality column"):
        pop.hospital_use(visits)


def test_no_visits_in_the_year_give_an_empty_result_with_a_reason():
    visits = pd.DataFrame({"municipality": ["Odder"], "year": [2019], "age_band": ["0-17"], "sex": ["F"],
                           "visits": [3]})
    out = pop.standardised(visits, TABLE, 2024)
    assert out.empty and "no visits in 2024" in out.attrs["reason"]
    with pytest.raises(pop.PopulationError, match="no residents for 2019"):
        pop.rates(visits, TABLE, 2019)


def test_standardising_needs_age_band_and_sex():
    visits = pd.DataFrame({"municipality": ["Odder"], "visits": [3]})
    with pytest.raises(pop.PopulationError, match="no age_band or sex column"):
        pop.standardised(visits, TABLE, 2024)


# --- hospital use --------------------------------------------------------------------------
def test_hospital_shares_sum_to_one_and_name_the_main_hospital():
    visits = pd.DataFrame({
        "municipality": ["Odder", "Odder", "Randers", "Randers", "Randers", "Lemvig"],
        "hospital": ["AUH", "RHH ", "RHR", "AUH", "RHR", "HEV"],
        "visits": [80, 20, 50, 30, 20, 10]})
    out = pop.hospital_use(visits, TABLE).set_index("municipality")
    hospitals = ["AUH", "RHR", "RHH", "HEV"]  # most visits first
    assert [c for c in out.columns if c in hospitals] == hospitals
    assert out[hospitals].sum(axis=1).tolist() == pytest.approx([1.0, 1.0, 1.0])
    assert out.loc["Odder", "main_hospital"] == "AUH" and out.loc["Odder", "main_share"] == pytest.approx(0.8)
    assert out.loc["Randers", "main_hospital"] == "RHR" and out.loc["Randers", "RHR"] == pytest.approx(0.7)
    assert out.loc["Lemvig", "visits"] == 10 and out.loc["Lemvig", "HEV"] == 1.0


def test_the_largest_specialties_are_those_with_the_most_visits_that_year():
    visits = pd.DataFrame({"year": [2024, 2024, 2024, 2024, 2023], "specialty": ["A", "B", "C", "B", "D"],
                           "visits": [5, 3, 5, 4, 100]})
    assert pop.largest(visits, "specialty", 2024, 2) == ["B", "A"]  # B 7, then A and C 5 each: A by name


def test_a_low_municipality_reads_as_fewer_visits_with_its_interval_the_same_way():
    low = pd.DataFrame({"municipality": ["Kolding"], "ratio": [0.92], "ratio_low": [0.88], "ratio_high": [0.95]})
    high = pd.DataFrame({"municipality": ["Skive"], "ratio": [1.2], "ratio_low": [1.19], "ratio_high": [1.21]})
    assert pop.outlier_lines(high, low, "da") == [
        "Skive: 20 % flere besøg, end alder og køn tilsiger (95 %-interval 19 % til 21 %).",
        "Kolding: 8 % færre besøg, end alder og køn tilsiger (95 %-interval 5 % til 12 %)."]


def test_a_municipality_many_times_above_reads_as_a_multiple():
    high = pd.DataFrame({"municipality": ["Samsø"], "ratio": [13.98], "ratio_low": [11.2], "ratio_high": [17.04]})
    assert pop.outlier_lines(high, high.iloc[:0], "da") == [
        "Samsø: 14,0 gange så mange besøg, som alder og køn tilsiger (95 %-interval 11,2 til 17,0 gange)."]


def test_visits_of_unknown_sex_or_age_are_left_out_of_the_ratio_and_counted():
    """An extract with some patients of unknown sex: in the observed visits alone they would raise
    every municipality's ratio (no age band x sex to expect them from); left out of both sides,
    the ratios are those without them, and the number left out is told."""
    visits, people = two_municipalities()
    unknown = pd.DataFrame({"municipality": ["Young", "Old", "Old"], "age_band": ["0-17", None, "80+"],
                            "sex": [None, "F", None], "year": 2024, "visits": [30, 12, 40]})
    out = pop.standardised(pd.concat([visits, unknown], ignore_index=True), people, 2024)
    assert out["ratio"].tolist() == pytest.approx([1.0, 1.0]) and out["observed"].sum() == 1_920
    assert out.attrs["left_out"] == 82
    assert pop.unknown_strata_note(out, "da").startswith("82 besøg med ukendt køn eller alder er holdt uden for")
    assert pop.unknown_strata_note(pop.standardised(visits, people, 2024), "en") == ""
    crude = pop.rates(pd.concat([visits, unknown], ignore_index=True), people, 2024, by=[]).iloc[0]
    assert crude["visits"] == 1_920 + 82, "they count in the crude rate"


# --- repeat visits: a patient's visits cluster ------------------------------------------------
def test_repeat_visits_sum_each_patients_visits_and_their_squares():
    import ibis

    visits = pd.DataFrame({"municipality": ["A", "A", "A", "A", "A", "A", "B", "B"],
                           "patient_id": ["p1", "p2", "p2", "p3", "p3", "p3", "q1", "q1"],
                           "sector": "somatic", "visit_date": pd.to_datetime(["2024-03-01"] * 7 + ["2023-03-01"])})
    con = ibis.duckdb.connect()
    out = pop.repeat_visits(con, ibis.memtable(visits), 2024).set_index("municipality")
    # A: patients with 1, 2 and 3 visits: 6 visits, 1 + 4 + 9 = 14; B: one visit in 2024
    assert out.loc["A", ["visits", "patients", "sum_sq"]].tolist() == [6, 3, 14]
    assert out.loc["B", ["visits", "patients", "sum_sq"]].tolist() == [1, 1, 1]
    people = pd.DataFrame({"municipality": ["A", "B"], "age_band": "0-17", "sex": "M", "year": 2024,
                           "residents": [10, 10]})
    assert pop.design_effects(out.reset_index(), people).to_dict() == {"A": pytest.approx(14 / 6), "B": 1.0}


def test_repeat_visits_and_design_effects_by_a_column_count_each_value_apart():
    import ibis

    visits = pd.DataFrame({"municipality": "A", "patient_id": ["p1", "p1", "p1", "p1", "p2", "p1"],
                           "specialty": ["Psykiatri"] * 4 + ["Urologi"] * 2, "sector": "somatic",
                           "visit_date": pd.to_datetime(["2024-03-01"] * 6)})
    out = pop.repeat_visits(ibis.duckdb.connect(), ibis.memtable(visits), 2024, by=["specialty"])
    people = pd.DataFrame({"municipality": ["A"], "age_band": "0-17", "sex": "M", "year": 2024, "residents": [10]})
    design = pop.design_effects(out, people, by=["specialty"])
    # Psykiatri: one patient with 4 visits (16 / 4); Urologi: two patients with 1 visit each
    assert design.to_dict() == {("A", "Psykiatri"): 4.0, ("A", "Urologi"): 1.0}


def test_by_a_column_each_cells_design_effect_widens_its_own_interval():
    people = pd.DataFrame({"municipality": ["A", "B"], "age_band": "0-17", "sex": "M", "year": 2024,
                           "residents": [1_000, 1_000]})
    visits = pd.concat([people.assign(visits=40, specialty=sp) for sp in ("Psykiatri", "Urologi")]).drop(
        columns="residents")
    design = pd.Series({("A", "Psykiatri"): 4.0, ("B", "Psykiatri"): 4.0, ("A", "Urologi"): 1.0, ("B", "Urologi"): 1.0})
    out = pop.standardised(visits, people, 2024, by=["specialty"], design=design)
    out = out.set_index(["municipality", "specialty"])
    assert out.loc[("A", "Psykiatri"), "ratio_low"] == pytest.approx(0.4795, abs=1e-4)  # 40 visits worth 10
    assert out.loc[("A", "Urologi"), "expected_effective"] == 40
    with pytest.raises(ValueError, match="same by"):
        pop.standardised(visits, people, 2024, by=["specialty"], design=pd.Series({"A": 4.0, "B": 4.0}))


def test_the_cells_beyond_the_limits_of_their_own_column():
    result = pd.DataFrame({"municipality": ["Skive", "Skive", "Samsø", "Aarhus"],
                           "specialty": ["Psykiatri", "Urologi", "Psykiatri", "Urologi"],
                           "ratio": [1.3, 1.2, 0.8, 1.0], "class": ["high_998", "high_95", "low_998", "within"]})
    out = pop.beyond_limits(result, "specialty")
    assert out[["municipality", "specialty"]].values.tolist() == [["Samsø", "Psykiatri"], ["Skive", "Psykiatri"]]
    assert pop.beyond_limits(result, "specialty", shown=["Urologi"]).empty


def test_with_a_design_effect_the_interval_is_garwoods_on_the_effective_counts():
    # 40 visits of patients with 4 visits each (D = 4) carry what 10 independent visits do:
    # 4.795 / 10 to 18.390 / 10 around a ratio of 1 when 40 were expected
    people = pd.DataFrame({"municipality": ["A", "B"], "age_band": "0-17", "sex": "M", "year": 2024,
                           "residents": [1_000, 1_000]})
    visits = people.assign(visits=[40, 40]).drop(columns="residents")
    out = pop.standardised(visits, people, 2024, design=pd.Series({"A": 4.0, "B": 4.0}))
    assert out["ratio"].iloc[0] == 1
    assert out["ratio_low"].iloc[0] == pytest.approx(0.4795, abs=1e-4)
    assert out["ratio_high"].iloc[0] == pytest.approx(1.8390, abs=1e-4)
    assert out["expected_effective"].iloc[0] == 10


def _region(rng, ratios, patients=2_000, mean_extra=5.0, dispersion=1.5):
    """A region of municipalities with two age bands: each municipality's patients (Poisson)
    bring 1 + a negative binomial number of visits (mean 1 + mean_extra: design effect about 9,
    as in the synthetic region), scaled by its true ratio. Returns the aggregated visits, the
    population, each municipality's design effect from its patients, and the true ratios."""
    import numpy as np

    rows, design = [], {}
    p = dispersion / (dispersion + mean_extra)
    for i, ratio in enumerate(ratios):
        ks = []
        for band, share in (("0-17", 0.4), ("65-74", 0.6)):
            n = rng.poisson(patients * share * ratio)
            k = 1 + rng.negative_binomial(dispersion, p, size=n)
            ks.append(k)
            rows.append((f"M{i:02d}", band, int(k.sum())))
        k = np.concatenate(ks)
        design[f"M{i:02d}"] = (k ** 2).sum() / k.sum()
    visits = pd.DataFrame(rows, columns=["municipality", "age_band", "visits"]).assign(sex="M", year=2024)
    people = visits[["municipality", "age_band"]].assign(sex="M", year=2024, residents=10_000)
    return visits, people, pd.Series(design), pd.Series(ratios, index=[f"M{i:02d}" for i in range(len(ratios))])


@pytest.mark.slow
def test_with_clustered_visits_the_interval_covers_the_true_ratio_95_times_in_100():
    """A simulation: 19 municipalities all at the region's rates, visits clustered within patients
    (design effect about 9). Our interval covers the true ratio (1, as the region's own rates are
    the reference) about 95 times in 100; visits treated as independent, Garwood's covers about
    half as often; and the funnel flags 5% of municipalities at most."""
    import numpy as np

    rng = np.random.default_rng(2026)
    ours, independent, flagged, n = 0, 0, 0, 0
    for _ in range(150):
        visits, people, design, truth = _region(rng, [1.0] * 19)
        out = pop.standardised(visits, people, 2024, design=design).set_index("municipality")
        lo, hi = funnel.ratio_interval(out["observed"], out["expected"])
        ours += ((out["ratio_low"] <= 1) & (1 <= out["ratio_high"])).sum()
        independent += ((lo <= 1) & (1 <= hi)).sum()
        flagged += (out["class"] != "within").sum()
        n += len(out)
    assert 0.93 <= ours / n <= 0.97, ours / n
    assert independent / n < 0.6, independent / n
    assert flagged / n <= 0.05


def test_the_interval_is_as_wide_as_a_bootstrap_over_patients():
    """The reference: resampling the municipality's patients (with their visits) 2,000 times
    gives a 95% interval of its visits about as wide as ours (within 10%)."""
    import numpy as np

    rng = np.random.default_rng(7)
    k = 1 + rng.negative_binomial(1.5, 1.5 / 6.5, size=3_000)  # 3,000 patients, about 6 visits each: D about 9.6
    observed, d = k.sum(), (k ** 2).sum() / k.sum()
    # resampling patients with a Poisson number of them: the compound Poisson total's variation
    totals = np.array([rng.choice(k, size=rng.poisson(len(k))).sum() for _ in range(2_000)])
    boot = np.percentile(totals, 97.5) - np.percentile(totals, 2.5)
    lo, hi = funnel.ratio_interval(observed / d, observed / d)  # O/E = 1 on the effective counts
    ours = (hi - lo) * observed
    assert ours == pytest.approx(boot, rel=0.10)


def test_where_municipalities_differ_by_more_than_chance_the_verdict_is_the_funnels_not_the_intervals():
    """Municipalities spread more than the patients' chance (the funnel widened): the interval
    stays the ratio's own (exact on the effective counts) and may leave out 1 where the funnel
    keeps the municipality within; the one planted far out is flagged by both."""
    import numpy as np

    rng = np.random.default_rng(3)
    ratios = np.exp(rng.normal(0, 0.08, 19))
    ratios[0] = 1.4
    visits, people, design, _ = _region(rng, list(ratios))
    out = pop.standardised(visits, people, 2024, design=design)
    assert out.attrs["dispersion"].adjusted
    lo, hi = funnel.ratio_interval(out["observed_effective"], out["expected_effective"])
    assert np.allclose(out["ratio_low"], lo) and np.allclose(out["ratio_high"], hi)
    leaves_out_1 = (out["ratio_low"] > 1) | (out["ratio_high"] < 1)
    flagged = out["class"] != "within"
    assert flagged.iloc[0] and leaves_out_1.iloc[0]
    assert leaves_out_1.sum() > flagged.sum()  # more differ from the region than are unusual among municipalities


def test_the_age_profile_puts_each_band_beside_the_regions():
    # Old's old residents visit twice as often as the region's old: 3,200 visits by 800 of them;
    # the region's 80+ rate is (200 + 3,200) / 900 residents
    visits, people = two_municipalities()
    visits.loc[(visits["municipality"] == "Old") & (visits["age_band"] == "80+"), "visits"] = 3_200
    visits = pd.concat([visits, visits.iloc[[0]].assign(age_band="unknown", visits=50)])  # no age: left out
    out = pop.age_profile(visits, people, 2024, ["Old", "Young"])
    assert out[["municipality", "age_band"]].values.tolist() == [["Old", "0-17"], ["Old", "80+"],
                                                                 ["Young", "0-17"], ["Young", "80+"]]
    old = out.set_index(["municipality", "age_band"]).loc["Old", "80+"]
    assert old["visits_per_1000"] == pytest.approx(3_200 / 800 * 1_000)
    assert old["region_per_1000"] == pytest.approx(3_400 / 900 * 1_000)
    assert old["ratio_to_region"] == pytest.approx((3_200 / 800) / (3_400 / 900))
    young = out.set_index(["municipality", "age_band"]).loc["Young", "0-17"]
    assert young["visits"] == 100 and young["region_per_1000"] == pytest.approx(120 / 1_200 * 1_000)
    assert pop.age_profile(visits, people, 2024, []).empty


def test_the_chart_of_which_hospitals_residents_use_shows_the_shares_it_can():
    """Drawn from the visits, not the shares: every share is below 5, and a chart that took them for counts
    hid every bar (it did, on the synthetic region)."""
    from types import SimpleNamespace

    from matplotlib.figure import Figure

    from analysis.base import labels as L
    from analysis.reporting import population_report

    visits = pd.DataFrame({"municipality": ["Aarhus", "Aarhus", "Skive", "Skive"], "hospital": ["A", "B", "A", "B"],
                           "year": 2024, "visits": [300, 100, 50, 200]})
    page = SimpleNamespace(language="da", formatters=L.formatters("da"))
    fig = next(b for b in population_report._hospital_use(page, visits, pop.load_population(), 2024)
               if isinstance(b, Figure))
    widths = sorted(round(p.get_width(), 3) for p in fig.axes[0].patches)
    assert widths == [0.2, 0.25, 0.75, 0.8]  # Aarhus 300 and 100 of 400, Skive 50 and 200 of 250; none hidden


def _judged(ratios: dict[str, float], tau: float) -> pd.DataFrame:
    """standardised's table, cut to what spread_sentence reads, with an additive dispersion of tau."""
    out = pd.DataFrame({"municipality": list(ratios), "ratio": list(ratios.values())})
    out.attrs["dispersion"] = funnel.Dispersion(phi=5.0, tau2=tau ** 2, n_used=len(ratios), method="additive")
    return out


def test_the_page_says_how_wide_the_usual_difference_is():
    # tau = 0.2 on the log scale: even a very large municipality may lie between exp(-1.96 x 0.2)
    # = 0.68 and exp(1.96 x 0.2) = 1.48 times the region's level
    text = pop.spread_sentence(_judged({"A": 0.8, "B": 1.3, "C": 1.0}, 0.2), "da")
    assert text.startswith("Forholdet spænder fra 0,80 (A) til 1,30 (B).")
    assert "forhold fra 0,68 til 1,48" in text and "tjek" not in text


def test_limits_reaching_twice_the_regions_level_ask_for_a_check_of_the_population_table():
    # a new user's own region: visits spread over municipalities regardless of their size gave
    # ratios 0.47 to 2.45 and limits so wide that none was outside; tau = 0.4: 0.46 to 2.19
    text = pop.spread_sentence(_judged({"Vejle": 0.47, "Billund": 2.45}, 0.4), "da")
    assert "forhold fra 0,46 til 2,19" in text and "tjek, at befolkningstabellen passer til udtrækket" in text


def test_unwidened_limits_need_no_sentence():
    judged = _judged({"A": 1.0}, 0.0)
    judged.attrs["dispersion"] = funnel.Dispersion(phi=0.8, tau2=0.0, n_used=1, method="additive")
    assert pop.spread_sentence(judged, "da") == ""


def test_an_extract_with_few_visits_per_resident_is_said_to_hold_a_part_of_the_region():
    assert "kun en del af regionens ambulante besøg" in pop.coverage_note(6.0, "da")
    assert pop.coverage_note(1550.0, "da") == ""
