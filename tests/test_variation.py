"""Variation: indirect standardisation, SCV, variance decomposition, outliers — hand-worked
numbers from the published formulas, and the synthetic region's planted differences found."""
from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from analysis.analyses import variation
from analysis.engine import aggregate
from analysis.engine.aggregate import Aggregates
from analysis.reporting import plots
from analysis.stats import standardise
from analysis.stats.funnel import Z95, Z998

# Two hospitals in one specialty, two age strata. Region rates: young 10/20 = 0.5, old 60/40 = 1.5.
EVENTS = pd.DataFrame({"specialty": ["K"] * 4, "hospital": ["A", "A", "B", "B"],
                       "age_band": ["young", "old"] * 2, "observed": [8, 12, 2, 48]})
POP = pd.DataFrame({"specialty": ["K"] * 4, "hospital": ["A", "A", "B", "B"],
                    "age_band": ["young", "old"] * 2, "population": [10, 10, 10, 30]})


def test_indirect_standardisation_by_hand():
    out = standardise.indirect(EVENTS, POP, ["specialty", "hospital"], ["age_band"],
                               ["specialty"]).set_index("hospital")
    # A: E = 10 x 0.5 + 10 x 1.5 = 20, O = 20; B: E = 10 x 0.5 + 30 x 1.5 = 50, O = 50
    assert out.loc["A", "expected"] == pytest.approx(20) and out.loc["B", "expected"] == pytest.approx(50)
    assert out.loc["A", "ratio"] == pytest.approx(1.0) and out.loc["B", "ratio"] == pytest.approx(1.0)
    # crude rates differ (1.0 vs 1.25) only because B's patients are older
    assert out.loc["A", "crude"] == pytest.approx(1.0) and out.loc["B", "crude"] == pytest.approx(1.25)


def test_without_strata_the_ratio_is_the_crude_rate_over_the_regions():
    out = standardise.indirect(EVENTS, POP, ["specialty", "hospital"], [], ["specialty"]).set_index("hospital")
    region = 70 / 60
    assert out.loc["A", "ratio"] == pytest.approx(1.0 / region)


def test_scv_and_extremal_quotient_by_hand():
    df = pd.DataFrame({"specialty": ["K"] * 3, "hospital": list("ABC"), "observed": [120, 80, 100],
                       "expected": [100, 100, 100], "crude": [1.2, 0.8, 1.0]})
    row = variation.scv(df).iloc[0]
    # 100 x [mean(0.04, 0.04, 0) - mean(1/100)] = 100 x (0.026667 - 0.01)
    assert row["scv"] == pytest.approx(100 * (0.08 / 3 - 0.01))
    assert row["eq"] == pytest.approx(1.5) and row["units"] == 3


def test_scv_needs_two_units():
    df = pd.DataFrame({"specialty": ["K"], "hospital": ["A"], "observed": [5], "expected": [4], "crude": [1.0]})
    row = variation.scv(df).iloc[0]
    assert np.isnan(row["scv"]) and np.isnan(row["eq"]) and row["units"] == 1


def test_variance_decomposition_finds_a_pure_specialty_effect():
    rows = [{"specialty": sp, "hospital": h, "observed": rate * 1000, "population": 1000}
            for sp, rate in (("K", 2.0), ("R", 4.0), ("U", 1.0)) for h in "ABCD"]
    d = variation.decompose(pd.DataFrame(rows))
    assert d.specialty == pytest.approx(1.0) and d.hospital == pytest.approx(0.0, abs=1e-9)
    assert d.interaction == pytest.approx(0.0, abs=1e-9) and d.units == 12


def test_variance_decomposition_with_one_hospital_is_not_a_number():
    d = variation.decompose(pd.DataFrame({"specialty": ["K", "R"], "hospital": ["A", "A"],
                                          "observed": [10, 20], "population": [5, 5]}))
    assert np.isnan(d.hospital)


def test_median_benchmark_is_not_pulled_by_one_outlier():
    df = pd.DataFrame({"specialty": ["K"] * 5, "hospital": list("ABCDE"), "observed": [100, 100, 100, 100, 200],
                       "expected": [100.0] * 5, "ratio": [1, 1, 1, 1, 2.0], "ratio_low": [0.8] * 5,
                       "ratio_high": [1.2] * 5})
    out = variation.rebase_to_median(df)
    assert out["ratio"].tolist() == [1, 1, 1, 1, 2]  # the median hospital already has 1
    out = variation.rebase_to_median(df.assign(ratio=[0.9, 0.9, 0.9, 0.9, 1.8]))
    assert out["ratio"].tolist() == pytest.approx([1, 1, 1, 1, 2])


def test_outliers_carry_their_excess_visits():
    compared = pd.DataFrame({"specialty": ["K", "K"], "hospital": ["A", "B"], "observed": [150, 100],
                             "expected_count": [100.0, 100.0], "limit_high_count": [130.0, 130.0],
                             "limit_low_count": [75.0, 75.0], "class": ["high_998", "within"]})
    out = variation.outliers(compared)
    assert out["hospital"].tolist() == ["A"] and out["excess"].iloc[0] == 50 and out["beyond_limit"].iloc[0] == 20


@pytest.mark.parametrize("random_population", [False, True])
def test_a_unit_with_no_follow_ups_against_a_fraction_of_one_expected_is_no_outlier(random_population):
    # 0 follow-ups against 0.11 expected: P(0) = exp(-0.11) = 0.90, nothing to name as low
    rates = pd.DataFrame({"specialty": ["K"] * 4, "hospital": list("ABCD"), "observed": [0, 40, 50, 60],
                          "expected": [0.11, 45.0, 50.0, 55.0], "population": [1, 60, 70, 80]})
    compared, _ = variation.compare(rates, random_population=random_population)
    assert compared.set_index("hospital").loc["A", "class"] == "within"
    assert variation.outliers(compared).empty


def test_unknown_measure_is_a_clear_error():
    with pytest.raises(ValueError, match="measure must be one of"):
        variation.rates(Aggregates(kind="visits", activity=pd.DataFrame()), "visits_per_doctor", 2024, [])


def test_short_names_are_unique():
    names = variation.short_names(["Aarhus Universitetshospital", "Hospitalsenhed Midt", "Hospitalsenheden Vest",
                                   "Regionshospitalet Randers", "Regionshospitalet Horsens"])
    assert len(set(names.values())) == 5 and names["Aarhus Universitetshospital"] == "AU"


# --- on the synthetic region ---------------------------------------------------------------------
@pytest.fixture(scope="module")
def region(full_region):
    return full_region


@pytest.mark.suite  # the full-size region: the whole pipeline on a region (`make test`, not `make check`)
@pytest.mark.parametrize("measure", ["follow_ups_per_patient", "follow_up_ratio"])
def test_planted_high_follow_up_units_are_found_and_chance_flags_fit_the_limits(region, measure):
    from scipy import stats

    from analysis.stats.funnel import Z998
    prep, truth = region
    table, disp = variation.analyse(prep.aggregates, measure, 2024, ["age_band", "sex"])
    assert disp.phi > 4 and disp.tau2 > 0  # the units' random effects make the funnel overdispersed
    units = table.set_index(["hospital", "specialty"])
    planted = [(p["hospital"], p["specialty"]) for p in truth["follow_up_rate"]]
    assert (units.loc[planted, "class"] == "high_998").all()
    # Every other unit differs only by its random effect (log-scale sd from the truth) and chance.
    # The limits are target +/- Z998 sqrt(s^2 + tau^2) on the log scale, s^2 = 1/E (+ 1/N for a
    # ratio of counts), while a unit's log ratio varies with sd sqrt(s^2 + sd^2): so each is
    # flagged with probability 2 Phi(-Z998 sqrt(s^2 + tau^2) / sqrt(s^2 + sd^2)). Allow the
    # 99.9% Poisson quantile of their sum.
    others = units.drop(index=planted)
    others = others[others["expected"] > 0]
    s2 = 1 / others["expected"] + (1 / others["population"] if measure == "follow_up_ratio" else 0)
    sd = truth["unit_effects"]["sd_log"]
    p_flag = 2 * stats.norm.sf(Z998 * np.sqrt(s2 + disp.tau2) / np.sqrt(s2 + sd ** 2))
    n_flagged = others["class"].isin(variation.OUTLIER_CLASSES).sum()
    assert n_flagged <= stats.poisson.ppf(0.999, p_flag.sum()), (n_flagged, p_flag.sum())


@pytest.mark.suite  # the full-size region: the whole pipeline on a region (`make test`, not `make check`)
def test_the_older_case_mix_is_explained_by_standardisation(region):
    prep, truth = region
    older = truth["older_case_mix"][0]["hospital"]
    key = ["hospital", "specialty"]
    crude = variation.analyse(prep.aggregates, "follow_ups_per_patient", 2024, []).table.set_index(key)
    adjusted = variation.analyse(prep.aggregates, "follow_ups_per_patient", 2024,
                                 ["age_band", "sex"]).table.set_index(key)
    # standardising lowers the older hospital's ratios against the median hospital, and most there
    shift = (adjusted["value"] / crude["value"]).groupby(level="hospital").median()
    assert shift.idxmin() == older and shift[older] < 0.99 and shift.drop(older).min() > 0.995
    # and never makes it an outlier where the crude comparison did not
    high = {k for k in adjusted.index[adjusted["class"] == "high_998"] if k[0] == older}
    assert high <= set(crude.index[crude["class"] == "high_998"])


@pytest.mark.suite  # the full-size region: the whole pipeline on a region (`make test`, not `make check`)
def test_planted_pro_follow_up_shows_in_the_in_person_share(region):
    prep, truth = region
    table, _ = variation.analyse(prep.aggregates, "in_person_share", 2024, ["age_band", "sex"])
    p = truth["written_follow_up_share"][0]
    row = table[(table["hospital"] == p["hospital"]) & (table["specialty"] == p["specialty"])].iloc[0]
    assert row["class"] == "low_998"


def test_outlier_sentences_in_danish_and_english():
    out = pd.DataFrame({"hospital": ["Regionshospitalet Randers"], "specialty": ["Kardiologi"], "value": [1.5],
                        "class": ["high_998"], "excess": [1234.0]})
    da = variation.outlier_sentences(out, "follow_ups_per_patient", "da", ["age_band", "sex"])[0]
    en = variation.outlier_sentences(out, "follow_ups_per_patient", "en", [])[0]
    assert ("1,50 gange så mange kontroller pr. patient" in da and "aldersgruppe og køn" in da
            and "1.234 besøg mere" in da)
    assert "1.50 times as many follow-ups per patient" in en and "allowing" not in en and "1,234 more visits" in en


# --- reader items: rounding, SCV, drill-down standing, labels ------------------------------------
def test_shares_in_whole_percent_sum_to_100_where_plain_rounding_gives_101():
    shares = [0.345, 0.345, 0.31]
    assert sum(round(100 * x) for x in shares) != 100  # plain rounding: 34 or 35 twice, 31
    out = variation.largest_remainder(shares)
    assert sum(out) == 100 and sorted(out) == [31, 34, 35]
    assert variation.largest_remainder([1, 1, 1]) in ([34, 33, 33], [33, 34, 33], [33, 33, 34])
    d = variation.Decomposition(0.4449, 0.4449, 0.1102, 12, 1.0)
    assert sum(d.percent()) == 100
    assert variation.largest_remainder([np.nan, 0.5, 0.5])[0] is None


def test_negative_scv_is_explained():
    table = pd.DataFrame({"specialty": ["K", "R"], "scv": [-0.4, 3.0]})
    assert "ikke er systematisk variation" in variation.scv_notes(table, "da")[0]
    assert "no systematic variation beyond chance" in variation.scv_notes(table, "en")[0]
    assert variation.scv_notes(table.assign(scv=[0.1, 3.0]), "en") == []


def _classified(rows):
    return pd.DataFrame(rows, columns=["specialty", "hospital", "observed", "expected_count", "limit_high_count",
                                       "limit_low_count", "class"])


def test_a_hospital_without_peers_is_said_to_have_none():
    table = _classified([("Psykiatri", "P", 100, 100.0, 130.0, 75.0, "within"),
                         ("Urologi", "A", 150, 100.0, 130.0, 75.0, "high_998"),
                         ("Urologi", "B", 100, 100.0, 130.0, 75.0, "within")])
    alone = variation.standing(table, "P")
    assert alone.status == "no_peers" and alone.compared == [] and alone.alone == ["Psykiatri"]
    a = variation.standing(table, "A")
    assert a.status == "compared" and a.compared == ["Urologi"] and a.outliers["hospital"].tolist() == ["A"]
    assert variation.standing(table, "Z").status == "absent"


def test_a_hospitals_page_draws_the_funnel_of_every_specialty_it_is_named_an_outlier_in():
    # the review's case: an outlier in the hospital's 10th largest specialty, named in a sentence
    # under nine funnels that left it out
    rows = [(f"S{i:02d}", h, 1000 - 10 * i if h == "A" else 500, 100.0, 130.0, 75.0, "within")
            for i in range(12) for h in "AB"]
    rows[2 * 10] = ("S10", "A", 900, 100.0, 130.0, 75.0, "high_998")
    st = variation.standing(_classified(rows), "A")
    assert st.compared[:9] == [f"S{i:02d}" for i in range(9)]  # the largest nine leave S10 out
    assert st.shown() == ["S10"] + [f"S{i:02d}" for i in range(8)]
    assert len(st.shown()) == 9


def test_labels_whose_gap_rounds_a_hair_short_are_placed_once():
    # from a new user's funnel: 257.33 moved to 252.65 + 11 lies a rounding error under 11 from it
    off = plots.label_offsets(np.array([487.63760767, 430.02442881, 493.29425974]),
                              np.array([249.64441214, 327.72358786, 257.33052974]))
    assert off == pytest.approx([3.0, 3.0, 252.64441214 + 11 - 257.33052974])


def test_overlapping_labels_are_moved_apart():
    x, y = np.array([100.0, 101.0, 102.0, 300.0]), np.array([50.0, 50.0, 52.0, 50.0])
    off = plots.label_offsets(x, y)
    pos = y + off
    near = [(i, j) for i in range(3) for j in range(i + 1, 3)]
    assert all(abs(pos[i] - pos[j]) >= plots.LABEL_GAP[1] for i, j in near)
    assert off[3] == 3.0  # far from the others: not moved


# --- one result feeds colours and drawn limits ---------------------------------------------------
def _outside_drawn(result) -> list[tuple]:
    """Points coloured outside the 99.8% (or 95%) limits that lie inside the limits drawn."""
    bad = []
    for spec, g in result.table.groupby("specialty"):
        curves = plots.funnel_curves(result, spec).set_index("x")
        for x, (_, r) in zip(result.x(g), g.iterrows()):
            if not np.isfinite(x) or x <= 0:
                continue
            c = curves.loc[x]
            outside998 = r["value"] > c["upper_99.8"] or r["value"] < c["lower_99.8"]
            outside95 = r["value"] > c["upper_95"] or r["value"] < c["lower_95"]
            if (r["class"] in variation.OUTLIER_CLASSES) != outside998 or (r["class"] != "within") != outside95:
                bad.append((spec, r["hospital"], r["class"], r["value"], tuple(c)))
    return bad


def test_in_person_share_adjusted_is_drawn_with_the_limits_it_was_classified_by():
    agg = Aggregates(kind="aggregated", activity=pd.DataFrame(), casemix=pd.DataFrame([
        {"year": 2024, "hospital": h, "specialty": "K", "sector": "somatic", "visit_type": "follow_up",
         "contact_mode": mode, "age_band": "18-39", "sex": "F", "visits": n}
        for h, ip, other in (("A", 700, 300), ("B", 800, 200), ("C", 500, 500), ("D", 760, 240))
        for mode, n in (("in_person", ip), ("phone", other))]))
    res = variation.analyse(agg, "in_person_share", 2024, ["age_band", "sex"], method="none")
    table, disp = res  # unpacks for callers that need only these
    assert res.kind == "ratio" and res.denominator == "expected" and table is res.table
    assert (table["class"] != "within").any()
    assert _outside_drawn(res) == []
    x = res.x(table)
    lo, hi = res.limits_at(x, "K", Z998)
    np.testing.assert_allclose(lo, table["lower_99.8"])
    np.testing.assert_allclose(hi, table["upper_99.8"])


@pytest.mark.parametrize("measure,strata", [("in_person_share", ["age_band", "sex"]), ("in_person_share", []),
                                            ("follow_up_ratio", ["age_band", "sex"]),
                                            ("follow_ups_per_patient", ["age_band", "sex"])])
@pytest.mark.suite  # the full-size region: the whole pipeline on a region (`make test`, not `make check`)
def test_every_point_coloured_outside_lies_outside_the_drawn_limits(region, measure, strata):
    prep, _ = region
    res = variation.analyse(prep.aggregates, measure, 2024, strata)
    assert res.kind == variation.funnel_kind(measure, strata)
    assert (res.table["class"].isin(variation.OUTLIER_CLASSES)).any()
    assert _outside_drawn(res) == []
    for spec, g in res.table.groupby("specialty"):  # the curve at each point is the point's own limits
        lo, hi = res.limits_at(res.x(g), spec, Z95)
        np.testing.assert_allclose(hi, g["upper_95"], rtol=1e-9)


# --- on counts alone (a pre-aggregated extract of the full region) ----------------------------------
@pytest.fixture(scope="module")
def region_counts(region, tmp_path_factory):
    prep, truth = region
    counts = prep.aggregates.activity.drop(columns=["patients", "cost_dkk"])
    path = tmp_path_factory.mktemp("counts") / "counts.parquet"
    counts.to_parquet(path)
    return aggregate.aggregate_file(path, "aggregated"), truth


@pytest.mark.suite  # the full-size region: the whole pipeline on a region (`make test`, not `make check`)
def test_planted_high_follow_up_units_are_flagged_on_aggregated_counts(region_counts):
    agg, truth = region_counts
    assert variation.unavailable(agg, "follow_ups_per_patient", []) != ""
    res = variation.analyse(agg, "follow_up_ratio", 2024, [])
    planted = [(p["hospital"], p["specialty"]) for p in truth["follow_up_rate"]]
    classes = res.table.set_index(["hospital", "specialty"]).loc[planted, "class"]
    assert (classes == "high_998").all(), classes
    assert _outside_drawn(res) == []


@pytest.mark.suite  # the full-size region: the whole pipeline on a region (`make test`, not `make check`)
def test_in_person_share_on_aggregated_counts_finds_the_planted_written_follow_ups(region_counts):
    agg, truth = region_counts
    res = variation.analyse(agg, "in_person_share", 2024, [])
    p = truth["written_follow_up_share"][0]
    row = res.table[(res.table["hospital"] == p["hospital"]) & (res.table["specialty"] == p["specialty"])].iloc[0]
    assert res.kind == "proportion" and row["class"] == "low_998"


def test_panels_are_the_requested_specialties_or_those_with_peers_largest_first():
    table = _classified([("A", "H1", 10, 1, 1, 1, "within"), ("A", "H2", 10, 1, 1, 1, "within"),
                         ("B", "H1", 500, 1, 1, 1, "within"), ("C", "H1", 50, 1, 1, 1, "within"),
                         ("C", "H2", 60, 1, 1, 1, "within")])
    assert variation.panel_specialties(table, [], 12) == ["C", "A"]  # B has one hospital
    assert variation.panel_specialties(table, [], 1) == ["C"]
    assert variation.panel_specialties(table, ["B", "Z", "A"], 12) == ["B", "A"]


def test_scv_by_visit_type_needs_patients_per_unit():
    assert variation.scv_type_strata(Aggregates(kind="aggregated", activity=pd.DataFrame({"year": []})), []) is None


def test_log_ticks_are_few_round_numbers_inside_the_axis():
    assert plots.log_ticks(80, 4000) == [100.0, 1000.0]
    assert plots.log_ticks(1500, 9000) == [2000.0, 5000.0]
    ticks = plots.log_ticks(1200, 1900)
    assert 2 <= len(ticks) <= 4 and all(1200 <= x <= 1900 for x in ticks)
    assert plots.log_ticks(5, 5) == []


def test_the_funnel_reading_says_which_points_are_named_and_what_the_axis_is():
    en, da = (plots.colour_words(lang, **plots.CLASS_NAMES) for lang in ("en", "da"))
    assert "Only hospitals outside the 95% limit" in variation.funnel_how("ratio", "en", **en)
    assert "effective count" in variation.funnel_how("ratio_counts", "en", **en)
    assert "effektive antal" not in variation.funnel_how("proportion", "da", **da)
    assert variation.funnel_how("ratio", "en", intro=False) == (
        "Only hospitals outside the 95% limit (and a ringed hospital) are named.")


def test_standing_sentences_never_claim_every_specialty_when_some_had_no_peers():
    table = _classified([("Psykiatri", "P", 100, 100.0, 130.0, 75.0, "within"),
                         ("Urologi", "A", 100, 100.0, 130.0, 75.0, "within"),
                         ("Urologi", "B", 100, 100.0, 130.0, 75.0, "within"),
                         ("Hæmatologi", "A", 50, 50.0, 70.0, 35.0, "within"),
                         ("Kardiologi", "B", 150, 100.0, 130.0, 75.0, "high_998"),
                         ("Kardiologi", "C", 100, 100.0, 130.0, 75.0, "within")])
    alone = variation.standing_notes(variation.standing(table, "P"), "en", "psychiatry")
    assert alone == ["The hospital cannot be placed in the variation: no other hospital has the same specialties "
                     "in psychiatry, so there is no one to compare it with."]
    a = variation.standing_notes(variation.standing(table, "A"), "en", "somatic")
    assert a == ["Specialties with no other hospital to compare with: Hæmatologi.",
                 "The hospital lies within the limits in every specialty where it can be compared "
                 "with other hospitals."]
    assert variation.standing_notes(variation.standing(table, "C"), "en", "somatic") == [
        "The hospital lies within the limits in every specialty."]
    # its outlier is said instead
    assert variation.standing_notes(variation.standing(table, "B"), "en", "somatic") == []


def test_heat_map_values_are_relative_to_the_benchmark_for_every_kind():
    table = pd.DataFrame({"specialty": ["K", "K"], "hospital": ["A", "B"], "value": [0.6, 0.9], "target": [0.75, 0.75]})
    share = variation.FunnelResult(table, None, "proportion", "population", "in_person_share", ())
    assert variation.relative_values(share).tolist() == pytest.approx([0.8, 1.2])
    ratio = variation.FunnelResult(table, None, "ratio", "expected", "follow_up_ratio", ())
    assert variation.relative_values(ratio).tolist() == [0.6, 0.9]


# --- the method as the report states it ----------------------------------------------------
def _result(kind: str, disp, clipped: bool = False) -> variation.FunnelResult:
    from analysis.stats.standardise import EXPECTED

    table = pd.DataFrame({"class": ["within", "within"], "upper_clipped": [clipped, False],
                          "lower_clipped": [False, False]})
    return variation.FunnelResult(table, disp, kind, EXPECTED, "follow_up_ratio", ())


def test_the_method_note_says_no_widening_when_phi_is_at_most_1():
    from analysis.stats.funnel import Dispersion

    # tau^2 > 0 already for phi > (n-1)/n, but FunnelPlotR leaves the limits as they are for phi <= 1
    note = " ".join(variation.method_note(_result("ratio", Dispersion(0.95, 0.002, 40, "additive")), 0.1, "en"))
    assert "φ = 0.95 ≤ 1" in note and "not widened" in note and "widened by" not in note


def test_the_method_note_names_the_trimming_funnelplotr_uses_for_the_kind():
    from analysis.stats.funnel import Dispersion

    disp = Dispersion(3.2, 0.04, 40, "additive")
    ratio = " ".join(variation.method_note(_result("ratio", disp), 0.1, "en"))
    assert "left out (NHS Digital's SHMI method" in ratio and "the 10% and above the 90% quantile" in ratio
    assert "widened by an additive random effect" in ratio and "φ = 3.20, τ = 0.200" in ratio
    counts = " ".join(variation.method_note(_result("ratio_counts", disp), 0.1, "en"))
    assert "winsorising" in counts and "ratio of two counts" in counts


def test_the_method_note_says_a_ratio_needs_the_exact_test_as_well():
    from analysis.stats.funnel import Dispersion

    disp = Dispersion(3.2, 0.04, 40, "additive")
    for kind in ("ratio", "ratio_counts"):
        assert "exact Poisson test" in " ".join(variation.method_note(_result(kind, disp), 0.1, "en"))
    assert "exact Poisson test" not in " ".join(variation.method_note(_result("proportion", disp), 0.1, "en"))


def test_the_method_note_warns_when_limits_are_pushed_to_the_edge_of_the_scale():
    from analysis.stats.funnel import Dispersion

    disp = Dispersion(40.0, 0.0, 40, "multiplicative")
    clipped = variation.method_note(_result("proportion", disp, clipped=True), 0.1, "en")
    assert any("edge of the scale for 50%" in n for n in clipped)
    assert not any("edge of the scale" in n for n in variation.method_note(_result("proportion", disp), 0.1, "en"))


def test_visits_of_unknown_sex_are_left_out_of_the_case_mix_adjustment_only_and_counted():
    rows = [{"year": 2024, "hospital": h, "specialty": "K", "sector": "somatic", "visit_type": vt,
             "contact_mode": "in_person", "age_band": "18-39", "sex": sex, "visits": n}
            for h in "AB" for vt, sex, n in (("assessment", "F", 100), ("follow_up", "F", 150),
                                            ("assessment", None, 4), ("follow_up", None, 6))]
    agg = Aggregates(kind="aggregated", activity=pd.DataFrame(), casemix=pd.DataFrame(rows))
    adjusted = variation.rates(agg, "follow_up_ratio", 2024, ["age_band", "sex"])
    assert adjusted["observed"].tolist() == [150, 150] and adjusted.attrs[variation.LEFT_OUT] == 20
    crude = variation.rates(agg, "follow_up_ratio", 2024, [])
    assert crude["observed"].tolist() == [156, 156] and crude.attrs[variation.LEFT_OUT] == 0
    result = variation.analyse(agg, "follow_up_ratio", 2024, ["age_band", "sex"], method="none")
    assert result.left_out == 20
    assert variation.left_out_text(result, "en").startswith("20 visits with unknown sex or age were left out of "
                                                            "the case-mix adjustment")


def test_a_hospitals_specialties_without_peers_are_named_in_one_sentence():
    st = variation.Standing("compared", ["Kardiologi"], ["Intern medicin: lunger, allergi", "Urologi", "Øre-næse-hals"],
                            pd.DataFrame())
    assert variation.standing_notes(st, "da", "somatic")[0] == (
        "Specialer uden andre hospitaler at sammenligne med: Intern medicin: lunger, allergi; Urologi og "
        "Øre-næse-hals.")
