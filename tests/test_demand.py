"""The demand projection (analysis/analyses/demand.py): demography, health status and
non-demographic growth worked out by hand on small frames, the projection table's checks, and the
simulation's spread against its own variance formula."""
from __future__ import annotations

import math

import numpy as np
import pandas as pd
import pytest

from analysis.analyses import demand
from analysis.base.problems import InputError

BANDS = ["40-59", "60-69", "70-79", "80+"]
MID = {"40-59": 50, "60-69": 65, "70-79": 75, "80+": 85}


def population(residents: dict[tuple[str, str], int], year: int) -> pd.DataFrame:
    """A population table: {(municipality, age band): residents} for women, the other bands 0."""
    rows = [(m, b, sex, year, residents.get((m, b), 0) if sex == "F" else 0)
            for m in sorted({m for m, _ in residents}) for b in ["0-17", "18-39", *BANDS] for sex in ("F", "M")]
    return pd.DataFrame(rows, columns=["municipality", "age_band", "sex", "year", "residents"])


def residents_aggregate(visits: dict[tuple[str, str], int], year: int = 2024) -> pd.DataFrame:
    """The residents aggregate: visits by (municipality, age band), women, one specialty."""
    rows = [(year, m, "H", "Kardiologi", "somatic", "follow_up", b, "F", v, v) for (m, b), v in visits.items()]
    return pd.DataFrame(rows, columns=["year", "municipality", "hospital", "specialty", "sector", "visit_type",
                                       "age_band", "sex", "visits", "patients"])


def projection(residents: dict[tuple[str, str], int], year: int, **variants) -> pd.DataFrame:
    main = population(residents, year).assign(variant="main")
    extra = [population(r, year).assign(variant=v) for v, r in variants.items()]
    return pd.concat([main, *extra], ignore_index=True)


def project(visits, now, later, design: float = 1.0, **variants) -> demand.Projection:
    base = demand.base_visits(residents_aggregate(visits), pd.DataFrame(), 2024, ["somatic"])
    ahead = demand.load_projection_frame(projection(later, 2030, **variants))
    return demand.project(base, population(now, 2024), ahead, 2024, 2030, design)


def test_demography_grows_each_stratum_with_its_residents():
    # Aarhus 40-59: 100 -> 110 residents, 10 visits -> 11; Skive 80+: 50 -> 100 residents, 20 -> 40
    proj = project({("Aarhus", "40-59"): 10, ("Skive", "80+"): 20},
                   {("Aarhus", "40-59"): 100, ("Skive", "80+"): 50},
                   {("Aarhus", "40-59"): 110, ("Skive", "80+"): 100})
    total = demand.totals(proj, demand.Assumptions(healthy_share=(0, 0, 0)))
    assert total.loc[0, "base"] == 30
    assert total.loc[0, "demography"] == pytest.approx(10 * 1.1 + 20 * 2.0)


def test_a_changed_population_table_moves_the_projection_by_its_strata_visits():
    visits = {("Aarhus", "40-59"): 10, ("Skive", "80+"): 20}
    now = {("Aarhus", "40-59"): 100, ("Skive", "80+"): 50}
    a = demand.Assumptions(healthy_share=(0, 0, 0))
    before = demand.totals(project(visits, now, {("Aarhus", "40-59"): 100, ("Skive", "80+"): 50}), a)
    after = demand.totals(project(visits, now, {("Aarhus", "40-59"): 100, ("Skive", "80+"): 75}), a)
    assert before.loc[0, "demography"] == pytest.approx(30)  # no growth, no change
    assert after.loc[0, "demography"] - before.loc[0, "demography"] == pytest.approx(20 * 0.5)  # Skive's 80+ x1.5


def test_health_status_moves_the_older_rates_back_by_the_healthy_years():
    # rates exp(0.05 x mid-age) in each band: the slope is 0.05 a year of age everywhere; a healthy
    # share of 0.5 of 0.2 years gained a year over 6 years moves the rates back 0.6 years of age
    people = {("Aarhus", b): 1000 for b in BANDS}
    visits = {("Aarhus", b): round(1000 * math.exp(0.05 * MID[b])) for b in BANDS}
    proj = project(visits, people, people)
    slopes = demand.age_slopes(proj.cells).set_index("age_band")["slope"]
    assert slopes["70-79"] == pytest.approx(0.05, abs=1e-3) and slopes["80+"] == pytest.approx(0.05, abs=1e-3)
    a = demand.Assumptions(healthy_share=(0.5, 0.5, 0.5), life_expectancy_gain=(0.2, 0.2, 0.2))
    total = demand.totals(proj, a).iloc[0]
    old = sum(v for (_, b), v in visits.items() if b in demand.OLD_BANDS)
    young = visits[("Aarhus", "40-59")]
    expected = young + sum(visits[("Aarhus", b)] * math.exp(-slopes[b] * 0.5 * 0.2 * 6) for b in demand.OLD_BANDS)
    assert total["health_status"] == pytest.approx(expected)
    assert total["health_status"] < young + old == total["demography"]



def test_each_old_band_moves_back_by_its_own_life_expectancy_gain():
    # remaining life expectancy rises less at 80 than at 65: 0.3, 0.2 and 0.1 years a year, half
    # of it healthy, over 6 years moves 60-69 back 0.9 years of age, 70-79 0.6 and 80+ 0.3
    people = {("Aarhus", b): 1000 for b in BANDS}
    visits = {("Aarhus", b): round(1000 * math.exp(0.05 * MID[b])) for b in BANDS}
    proj = project(visits, people, people)
    slopes = demand.age_slopes(proj.cells).set_index("age_band")["slope"]
    a = demand.Assumptions(healthy_share=(0.5, 0.5, 0.5), life_expectancy_gain=(0.3, 0.2, 0.1))
    total = demand.totals(proj, a).iloc[0]
    moved = {"60-69": 0.9, "70-79": 0.6, "80+": 0.3}
    expected = sum(v * math.exp(-slopes[b] * moved[b]) if b in moved else v for (_, b), v in visits.items())
    assert total["health_status"] == pytest.approx(expected)


def test_the_life_expectancy_gain_needs_one_value_for_each_old_band():
    with pytest.raises(ValueError, match="60-69, 70-79, 80[+]"):
        demand.Assumptions(life_expectancy_gain=(0.15,))


def test_a_band_without_visits_beside_an_old_band_gives_a_one_sided_slope():
    # no visits at 40-59 (a specialty for the old): 60-69's slope from 60-69 and 70-79 alone
    people = {("Aarhus", b): 1000 for b in BANDS}
    visits = {("Aarhus", b): round(1000 * math.exp(0.05 * MID[b])) for b in BANDS if b != "40-59"}
    slopes = demand.age_slopes(project(visits, people, people).cells).set_index("age_band")["slope"]
    assert slopes["60-69"] == pytest.approx(0.05, abs=1e-3)

def test_the_growth_is_split_into_parts_that_sum_to_it():
    people = {("Aarhus", b): 1000 for b in BANDS}
    proj = project({("Aarhus", b): 100 * (i + 1) for i, b in enumerate(BANDS)}, people,
                   {k: 1200 for k in people})
    row = demand.totals(proj, demand.Assumptions(non_demographic=(0.01, 0.01, 0.01))).iloc[0]
    parts = demand.split(row)
    assert parts["demography"] == pytest.approx(0.2 * 1000)
    assert parts["demography"] + parts["health_status"] + parts["non_demographic"] == pytest.approx(parts["total"])
    assert row["visits"] == pytest.approx(row["health_status"] * 1.01 ** 6)


def test_an_input_without_the_municipality_uses_the_regions_residents_by_age_and_sex():
    casemix = residents_aggregate({("-", "80+"): 20}).drop(columns="municipality").assign(contact_mode="in_person")
    base = demand.base_visits(pd.DataFrame(), casemix, 2024, ["somatic"])
    assert base.attrs["strata"] == ["age_band", "sex"]
    now = population({("Aarhus", "80+"): 30, ("Skive", "80+"): 20}, 2024)
    later = demand.load_projection_frame(projection({("Aarhus", "80+"): 30, ("Skive", "80+"): 70}, 2030))
    proj = demand.project(base, now, later, 2024, 2030)
    assert demand.totals(proj, demand.Assumptions(healthy_share=(0, 0, 0))).loc[0, "demography"] == pytest.approx(40)


def test_the_simulations_spread_is_the_count_noise_when_nothing_else_is_uncertain():
    people = {("Aarhus", "40-59"): 1000, ("Skive", "80+"): 500}
    proj = project({("Aarhus", "40-59"): 4000, ("Skive", "80+"): 1000}, people,
                   {("Aarhus", "40-59"): 1000, ("Skive", "80+"): 1000}, design=9.0)
    a = demand.Assumptions(healthy_share=(0, 0, 0), non_demographic=(0, 0, 0))
    draws = demand.simulate(proj, a, draws=4000, seed=1)
    # visits 4000 + 1000 x 2 = 6000; variance 9 x (4000 x 1^2 + 1000 x 2^2) = 72,000
    assert draws["visits"].mean() == pytest.approx(6000, rel=0.01)
    assert draws["visits"].std() == pytest.approx(math.sqrt(72_000), rel=0.05)


@pytest.mark.slow
def test_with_clustered_visits_the_interval_covers_the_expected_visits_95_times_in_100():
    """A simulation of the count noise: each year the residents of two strata become patients
    (Poisson) who bring 1 + a negative binomial number of visits (mean 1 + 4, design effect about
    8); the projection from one such year, with the design effect of its own patients, covers the
    expected visits of 2030 (the true rates times the 2030 residents) about 95 times in 100
    (binomial 95% range for 100 runs: 0.91-0.99; widened a little for the simulation's 200 draws; without
    the design effect the interval would be about 2.8 times too narrow and cover about half the time)."""
    rng = np.random.default_rng(11)
    now = {("Aarhus", "40-59"): 20_000, ("Skive", "80+"): 5_000}
    later = {("Aarhus", "40-59"): 21_000, ("Skive", "80+"): 8_000}
    patient_rate = {("Aarhus", "40-59"): 0.05, ("Skive", "80+"): 0.25}  # patients per resident
    extra_mean, size = 4.0, 1.5  # a patient's visits: 1 + negative binomial (mean 4, dispersion 1.5)
    truth = sum(patient_rate[c] * (1 + extra_mean) * later[c] for c in now)
    a = demand.Assumptions(healthy_share=(0, 0, 0), non_demographic=(0, 0, 0))
    covered, runs = 0, 100
    for _ in range(runs):
        visits, k_all = {}, []
        for c in now:
            k = 1 + rng.negative_binomial(size, size / (size + extra_mean), rng.poisson(patient_rate[c] * now[c]))
            visits[c], k_all = int(k.sum()), [*k_all, *k]
        k_all = np.asarray(k_all, dtype=float)
        band = demand.intervals(demand.simulate(project(visits, now, later, design=(k_all ** 2).sum() / k_all.sum()),
                                                a, draws=200, seed=int(rng.integers(1 << 31))))
        row = band[band["year"] == 2030].iloc[0]
        covered += row["low_95"] <= truth <= row["high_95"]
    assert 0.89 <= covered / runs <= 0.99, covered / runs


def test_the_interval_widens_with_the_projection_variants_and_holds_the_median():
    people = {("Aarhus", "80+"): 1000}
    proj = project({("Aarhus", "80+"): 1000}, people, {("Aarhus", "80+"): 1500},
                   low={("Aarhus", "80+"): 1200}, high={("Aarhus", "80+"): 1800})
    a = demand.Assumptions(healthy_share=(0, 0, 0), non_demographic=(0, 0, 0))
    band = demand.intervals(demand.simulate(proj, a, draws=2000, seed=3)).iloc[0]
    assert band["low_95"] < band["low_50"] < band["median"] < band["high_50"] < band["high_95"]
    assert 1200 < band["low_95"] < 1350 and 1650 < band["high_95"] < 1800
    assert band["median"] == pytest.approx(1500, rel=0.01)


def test_the_assumptions_are_ranked_by_how_much_they_move_the_year():
    people = {("Aarhus", "80+"): 1000, ("Aarhus", "60-69"): 1000, ("Aarhus", "70-79"): 1000}
    visits = {("Aarhus", "60-69"): 100, ("Aarhus", "70-79"): 200, ("Aarhus", "80+"): 400}
    proj = project(visits, people, people, low=people, high=people)
    ranked = demand.sensitivity(proj, demand.Assumptions(non_demographic=(0.0, 0.0, 0.02)), 2030)
    assert ranked["assumption"].tolist()[0] == "non_demographic"
    # 700 visits x (1.02^6 - 1), a little less after health status at its base
    assert ranked.loc[0, "swing"] == pytest.approx(700 * (1.02 ** 6 - 1), rel=0.05)
    assert ranked.set_index("assumption").loc["projection_variant", "swing"] == 0


def test_a_projection_file_with_a_wrong_variant_is_refused_with_its_rows(tmp_path):
    df = projection({("Aarhus", "80+"): 10}, 2030)
    df.loc[3, "variant"] = "mellem"
    path = tmp_path / "projection.csv"
    df.to_csv(path, index=False)
    with pytest.raises(InputError) as err:
        demand.load_projection(path)
    text = str(err.value)
    assert "projection.csv" in text and "variant" in text and "mellem" in text and "4" in text


def test_a_projection_without_variants_is_its_own_low_and_high(tmp_path):
    path = tmp_path / "projection.csv"
    population({("Aarhus", "80+"): 10}, 2030).to_csv(path, index=False)
    loaded = demand.load_projection(path)
    assert sorted(loaded["variant"].unique()) == ["high", "low", "main"]
    sums = loaded.groupby("variant")["residents"].sum()
    assert sums["low"] == sums["main"] == sums["high"] == 10


def test_the_shipped_projection_is_what_its_recipe_gives():
    shipped = demand.load_projection().sort_values(["variant", "municipality", "age_band", "sex", "year"],
                                                   ignore_index=True)
    rebuilt = demand.estimate_projection().sort_values(["variant", "municipality", "age_band", "sex", "year"],
                                                       ignore_index=True)
    assert np.array_equal(shipped["residents"].to_numpy(), rebuilt["residents"].to_numpy())


def test_the_shipped_projection_plants_an_older_municipality_growing_from_60():
    ahead = demand.load_projection()
    main = ahead[(ahead["variant"] == "main") & ahead["year"].isin([2025, 2030])]
    old = main[main["age_band"].isin(demand.OLD_BANDS)].groupby(["municipality", "year"])["residents"].sum().unstack()
    growth = (old[2030] / old[2025]).sort_values(ascending=False)
    (planted,) = demand.OLD_INFLOW
    assert growth.index[0] == planted and growth.iloc[0] > growth.iloc[1] + 0.05  # 1.5 points a year more


def test_the_datas_spelling_of_a_municipality_is_matched_to_the_population_tables():
    # the extract writes 'aarhus' and the code '751'; the table 'Aarhus': both grow with its residents
    people = {("Aarhus", "80+"): 100}
    visits = pd.concat([residents_aggregate({("aarhus", "80+"): 10}), residents_aggregate({("751", "80+"): 5})])
    base = demand.base_visits(visits, pd.DataFrame(), 2024, ["somatic"])
    proj = demand.project(base, population(people, 2024),
                          demand.load_projection_frame(projection({("Aarhus", "80+"): 150}, 2030)), 2024, 2030)
    total = demand.totals(proj, demand.Assumptions(healthy_share=(0, 0, 0)))
    assert total.iloc[-1]["demography"] == pytest.approx(15 * 1.5)


def test_the_growth_by_a_column_ranks_its_values_fastest_first():
    people = {("Aarhus", b): 1000 for b in BANDS} | {("Skive", b): 1000 for b in BANDS}
    later = people | {("Skive", "80+"): 1500}
    proj = project({k: 100 for k in people}, people, later)
    out = demand.growth(proj, demand.Assumptions(healthy_share=(0, 0, 0)), ["municipality"], proj.years[-1])
    assert out["municipality"].tolist() == ["Skive", "Aarhus"]
    assert out.loc[0, "demography_growth"] == pytest.approx(50 / 400)  # Skive's 80+ x1.5 of its 400 visits
    assert out.loc[1, "growth"] == pytest.approx(0)


# --- what the change ideas offset, and the staff ------------------------------------------------
def by_group(base: float, later: dict[int, float], specialty: str = "Kardiologi") -> pd.DataFrame:
    """totals by GROUPS for one group: its base-year visits and its visits in later years."""
    return pd.DataFrame([{"specialty": specialty, "visit_type": "follow_up", "hospital": "H", "sector": "somatic",
                          "year": y, "base": base, "demography": v, "health_status": v, "visits": v}
                         for y, v in later.items()])


def idea(name: str, status: str = "proposed", from_year: int | None = None, share=0.5, low=0.25, high=0.75):
    from analysis.analyses.scenarios import Scenario
    return Scenario(name=name, driver="low_value", lever="drop", share=share, low=low, high=high, status=status,
                    from_year=from_year)


def effects(*rows: tuple[str, float]) -> pd.DataFrame:
    return pd.DataFrame([{"scenario": n, "specialty": "Kardiologi", "visit_type": "follow_up", "hospital": "H",
                          "sector": "somatic", "in_person_avoided": v, "fte_doctors": v / 1000} for n, v in rows])


def test_an_ideas_visits_grow_with_its_group_and_count_from_its_first_year():
    groups = by_group(1000, {2025: 1000, 2026: 1100, 2027: 1200})
    plan = [idea("A", "approved"), idea("B", from_year=2027), idea("C", "rejected")]
    paths = demand.idea_paths(groups, effects(("A", 100), ("B", 10), ("C", 50)), plan, first_year=2026)
    off = demand.offsets(paths).set_index("year")
    assert off.loc[2025].tolist() == [0, 0]  # before the first year
    assert off.loc[2026, "approved"] == pytest.approx(110) and off.loc[2026, "proposed"] == 0  # B from 2027
    assert off.loc[2027, "approved"] == pytest.approx(120) and off.loc[2027, "proposed"] == pytest.approx(12)
    assert "C" not in paths.index  # a rejected idea counts nowhere
    fte = demand.idea_paths(groups, effects(("A", 100)), plan, 2026, "fte_doctors")
    assert fte.loc["A", 2027] == pytest.approx(0.12)


def test_an_idea_reaches_its_full_effect_over_its_ramp_up_years():
    groups = by_group(1000, {2026: 1000, 2027: 1000, 2028: 1000, 2029: 1000})
    plan = [idea("A", "approved")]
    paths = demand.idea_paths(groups, effects(("A", 90)), plan, first_year=2026, ramp_up_years=3)
    assert paths.loc["A", [2026, 2027, 2028, 2029]].tolist() == pytest.approx([30, 60, 90, 90])
    with pytest.raises(ValueError, match="ramp_up_years"):
        demand.idea_paths(groups, effects(("A", 90)), plan, 2026, ramp_up_years=0)


def test_the_ideas_draws_scale_each_idea_by_its_drawn_share():
    groups = by_group(1000, {2026: 1000})
    plan = [idea("A", share=0.5, low=0.25, high=0.75)]
    paths = demand.idea_paths(groups, effects(("A", 100)), plan, 2026)
    drawn = demand.offset_draws(paths, plan, 20_000, seed=1)[:, 0]
    assert drawn.mean() == pytest.approx(100, rel=0.01)  # a symmetric triangle around the share
    assert drawn.min() >= 50 - 1e-9 and drawn.max() <= 150 + 1e-9


def test_minutes_a_visit_weigh_each_mode_by_its_visits_and_the_growth_needs_them():
    activity = pd.DataFrame({"year": 2024, "visit_type": "follow_up", "contact_mode": ["in_person", "phone"],
                             "visits": [300, 100]})
    minutes = pd.DataFrame({"doctors": [20.0, 8.0], "nurses": [10.0, 0.0], "secretaries": [4.0, 4.0]},
                           index=pd.MultiIndex.from_tuples([("follow_up", "in_person"), ("follow_up", "phone")],
                                                           names=["visit_type", "contact_mode"]))
    per = demand.minutes_per_visit(activity, minutes, 2024)
    assert per.loc["follow_up", "doctors"] == pytest.approx((300 * 20 + 100 * 8) / 400)  # 17
    need = demand.staff_needed(by_group(1000, {2030: 1600}), per, minutes_per_fte=1000)
    assert need.loc[0, "doctors"] == pytest.approx(600 * 17 / 1000)


def test_the_in_person_share_of_a_group_is_its_in_person_visits_over_all():
    activity = pd.DataFrame({"year": 2024, "specialty": "Kardiologi", "visit_type": "follow_up", "hospital": "H",
                             "sector": "somatic", "contact_mode": ["in_person", "phone", "video"],
                             "visits": [60, 30, 10]})
    share = demand.in_person_shares(activity, 2024)
    assert share["in_person_share"].tolist() == [pytest.approx(0.6)]


def test_the_notebooks_lists_become_assumptions_and_a_wrong_order_is_refused():
    from analysis.reporting import demand_report
    a = demand_report.assumptions([0.0, 0.5, 1.0], [0.15, 0.1, 0.05], [0.0, 0.0, 0.01])
    assert a.healthy_share == (0.0, 0.5, 1.0) and a.non_demographic[2] == 0.01
    assert a.life_expectancy_gain == (0.15, 0.1, 0.05)
    with pytest.raises(ValueError, match="healthy_share"):
        demand_report.assumptions([0.5, 0.2, 1.0], [0.15, 0.1, 0.05], [0.0, 0.0, 0.01])
    with pytest.raises(ValueError, match="three numbers"):
        demand_report.assumptions([0.5, 1.0], [0.15, 0.1, 0.05], [0.0, 0.0, 0.01])


@pytest.mark.parametrize("decision, first", [("2025-04-01", 2026), ("2026-01-01", 2026), ("2025-12-31", 2026)])
def test_the_ideas_count_from_the_first_whole_year_after_the_decision(decision, first):
    from analysis.reporting import demand_report
    assert demand_report.first_year_of_ideas(decision) == first


def test_the_years_the_data_already_hold_are_counted_as_the_base_year_and_only_when_whole():
    # the residents aggregate of 2024 and 2025 (women, Kardiologi); months of 2025 all there, of 2026 one only
    residents = pd.concat([residents_aggregate({("Aarhus", "80+"): 10}, 2024),
                           residents_aggregate({("Aarhus", "80+"): 12, ("Skive", "60-69"): 3}, 2025),
                           residents_aggregate({("Aarhus", "80+"): 1}, 2026)], ignore_index=True)
    months = pd.to_datetime([f"2025-{m:02d}-01" for m in range(1, 13)] + ["2024-06-01", "2026-01-01"])
    monthly = pd.DataFrame({"month": months, "visits": 1})
    seen = demand.observed_after(residents, pd.DataFrame(), monthly, 2024, ["somatic"])
    assert seen.to_dict() == {2025: 15.0}  # 2026 holds one month only; 2024 is the base year
    assert demand.observed_after(residents, pd.DataFrame(), monthly.iloc[:0], 2024, ["somatic"]).empty
