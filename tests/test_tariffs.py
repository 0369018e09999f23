"""Prices: the region's own average prices from the value column first, the tariff table only
for cells without one; one price table per run, from the run's tariff file."""
from __future__ import annotations

import pandas as pd
import pytest

from analysis.analyses import reduction
from analysis.analyses import scenarios as S
from analysis.base.problems import InputError
from analysis.engine.aggregate import Aggregates
from analysis.engine.pipeline import Prepared
from analysis.inputs import tariffs

TABLE = tariffs.load_tariffs()  # the shipped table: in-person follow-up 1,500, written follow-up 500


def cells(rows: list[tuple]) -> pd.DataFrame:
    """Activity cells (year, hospital, specialty, visit_type, contact_mode, visits, cost_dkk)."""
    df = pd.DataFrame(rows, columns=["year", "hospital", "specialty", "visit_type", "contact_mode", "visits",
                                     "cost_dkk"])
    return df.assign(sector="somatic", patients=float("nan"))


# An aggregated extract: 1,000 + 600 in-person follow-ups valued at 1,350 kr each (cell totals).
EXTRACT = cells([(2024, "A", "K", "follow_up", "in_person", 1000, 1_350_000.0),
                 (2024, "B", "K", "follow_up", "in_person", 600, 810_000.0)])


def test_the_shipped_table_has_the_illustrative_price_the_test_below_must_not_use():
    assert tariffs.unit_price(EXTRACT.drop(columns="year"), TABLE).tolist() == [1500.0, 1500.0]


def test_an_extract_at_1350_kr_gives_1350_not_the_tables_1500_in_the_potentials_dkk():
    prices = tariffs.prices(EXTRACT, TABLE)
    plan = S.ScenarioFile(drivers={"d": {"da": "d", "en": "d"}}, scenarios=[
        S.Scenario(name="drop", driver="d", lever="drop", share=0.1),
        S.Scenario(name="pro", driver="d", lever="to_written", share=0.5)])
    est = reduction.estimate(Aggregates("aggregated", EXTRACT), 2024, plan, prices)
    by = est.effects.groupby("scenario")["saving_dkk"].sum()
    # drop 10% of 1,600 = 160 visits x 1,350 = 216,000 (the table would give 240,000)
    assert by["drop"] == pytest.approx(216_000)
    # then half of the 1,440 left move to PRO: 720 x (1,350 own - 500 written; no own written price)
    assert by["pro"] == pytest.approx(720 * (1350 - 500))


def test_own_prices_are_value_over_visits_per_year_type_and_mode():
    own = tariffs.own_prices(EXTRACT)
    assert own[["year", "specialty", "visit_type", "contact_mode", "dkk", "visits"]].values.tolist() == [
        [2024, "", "follow_up", "in_person", 1350.0, 1600],  # over all specialties
        [2024, "K", "follow_up", "in_person", 1350.0, 1600]]  # and for K, which has >= 50 visits
    assert (own["source"] == "own").all()


def test_a_specialty_gets_its_own_price_only_where_enough_visits_stand_behind_it():
    act = cells([(2024, "A", "K", "treatment", "in_person", 600, 1_200_000.0),  # 2,000 a visit
                 (2024, "A", "R", "treatment", "in_person", 30, 30_000.0),  # 1,000 a visit, only 30 visits
                 (2024, "A", "Klinisk onkologi", "treatment", "in_person", 40, 200_000.0)])  # 5,000, 40 visits
    prices = tariffs.prices(act, TABLE)
    unit = tariffs.unit_price(act, prices)
    general = (1_200_000 + 30_000 + 200_000) / 670  # 2,134.33 over all 670 visits
    assert unit.tolist() == pytest.approx([2000.0, general, general])
    # the table's oncology override (4,000) is not used: the region's own price comes first
    assert tariffs.unit_price(act.iloc[[2]], TABLE).iloc[0] == 4000.0


def test_each_year_is_priced_by_its_own_prices():
    act = cells([(2023, "A", "K", "follow_up", "in_person", 100, 130_000.0),
                 (2024, "A", "K", "follow_up", "in_person", 100, 140_000.0)])
    priced = tariffs.price(act, tariffs.prices(act, TABLE))
    assert priced["value_dkk"].tolist() == pytest.approx([130_000, 140_000])


def test_cells_without_a_value_are_left_out_of_the_price_and_priced_by_it():
    act = cells([(2024, "A", "K", "follow_up", "in_person", 100, 120_000.0),
                 (2024, "B", "K", "follow_up", "in_person", 300, float("nan"))])
    priced = tariffs.price(act, tariffs.prices(act, TABLE))
    # own price 1,200 from A's cell alone; B's 300 visits are valued at it, not at the table's 1,500
    assert priced["value_dkk"].tolist() == pytest.approx([120_000, 360_000])
    assert priced["price_source"].tolist() == ["own", "own"]


def test_cells_without_an_own_price_fall_back_to_the_tariff_table_and_the_shares_say_so():
    act = cells([(2024, "A", "K", "follow_up", "in_person", 300, 405_000.0),
                 (2024, "A", "K", "follow_up", "phone", 100, float("nan"))])
    priced = tariffs.price(act, tariffs.prices(act, TABLE))
    assert priced["value_dkk"].tolist() == pytest.approx([300 * 1350, 100 * 700])
    assert priced["price_source"].tolist() == ["own", "tariff"]
    assert tariffs.source_shares(priced) == {"own": 0.75, "tariff": 0.25}
    assert tariffs.prices_used(priced) == "mixed"
    text = tariffs.price_sentence(priced, "da")
    assert "egne gennemsnitspriser" in text and "75 %" in text and "25 %" in text
    assert "den illustrative taksttabel for resten" in text  # its file: in the footer (report.finish)


def test_without_a_value_column_every_price_is_the_tables():
    act = EXTRACT.drop(columns="cost_dkk")
    priced = tariffs.price(act, tariffs.prices(act, TABLE))
    assert priced["value_dkk"].tolist() == [1_500_000.0, 900_000.0]
    assert tariffs.prices_used(priced) == "tariff"
    assert tariffs.price_sentence(priced, "en").startswith("**Prices:** the illustrative tariff table")
    all_own = tariffs.price(EXTRACT, tariffs.prices(EXTRACT, TABLE))
    assert tariffs.prices_used(all_own) == "own"
    assert "own average prices" in tariffs.price_sentence(all_own, "en")


def test_the_price_table_for_the_data_quality_report():
    table = tariffs.price_table(EXTRACT)
    assert table.columns.tolist() == ["year", "specialty", "visit_type", "contact_mode", "visits", "dkk", "tariff_dkk"]
    assert table.values.tolist() == [[2024, "all_specialties", "follow_up", "in_person", 1600, 1350.0, 1500.0],
                                     [2024, "K", "follow_up", "in_person", 1600, 1350.0, 1500.0]]
    overall = tariffs.price_table(EXTRACT, by_specialty=False)
    assert overall.values.tolist() == table.values.tolist()[:1]
    none = tariffs.price_table(EXTRACT.drop(columns="cost_dkk"))
    assert none.empty and none.columns.tolist() == table.columns.tolist()


def tariff_file(path, in_person_follow_up: float):
    text = tariffs.reference.locate("tariffs").read_text(encoding="utf-8")
    path.write_text(text.replace(",follow_up,in_person,1500", f",follow_up,in_person,{in_person_follow_up:g}"),
                    encoding="utf-8")
    return path


def test_the_run_prices_with_its_own_tariff_file(tmp_path):
    prepared = Prepared(None, Aggregates("aggregated", EXTRACT.drop(columns="cost_dkk")), False, tmp_path)
    mine = tariff_file(tmp_path / "tariffs.csv", 999)
    assert prepared.priced(str(mine))["value_dkk"].tolist() == [999_000.0, 599_400.0]
    assert prepared.priced("")["value_dkk"].tolist() == [1_500_000.0, 900_000.0]
    assert prepared.activity["value_dkk"].tolist() == [1_500_000.0, 900_000.0]
    with_value = Prepared(None, Aggregates("aggregated", EXTRACT), False, tmp_path)
    assert with_value.priced(str(mine))["value_dkk"].tolist() == [1_350_000.0, 810_000.0]  # own before the file
    assert "the region's own tariff table" in tariffs.price_sentence(prepared.priced(str(mine)), "en", str(mine))


def test_a_bad_tariff_table_is_refused_with_every_problem(tmp_path):
    bad = tmp_path / "t.csv"
    bad.write_text("specialty,visit_type,contact_mode,dkk\n,follow_up,in_person,-5\n,follow_up,phone,abc\n",
                   encoding="utf-8")
    with pytest.raises(InputError) as err:
        tariffs.load_tariffs(bad)
    text = str(err.value)
    assert "non-negative numbers" in text and "no general price for assessment/in_person" in text
    no_price = tmp_path / "u.csv"
    no_price.write_text("specialty,visit_type,contact_mode\n,follow_up,in_person\n", encoding="utf-8")
    with pytest.raises(InputError, match="no column 'dkk'"):
        tariffs.load_tariffs(no_price)
    with pytest.raises(InputError, match="cannot read the tariffs table"):
        tariffs.load_tariffs(tmp_path / "missing.csv")


def test_visit_level_prices_through_the_pipeline(small_region, tmp_path, cache_dir):
    """Visit-level data with the price of each visit: in-person follow-ups at 1,350, every other
    visit at 900, except that one hospital's 2024 phone follow-ups have no price."""
    from analysis.engine import pipeline
    visits = pd.read_parquet(small_region)
    fu_in_person = (visits["visit_type"] == "follow_up") & (visits["contact_mode"] == "in_person")
    visits["cost_dkk"] = fu_in_person.map({True: 1350.0, False: 900.0})
    hospital = visits["hospital"].astype(str).iloc[0]
    unpriced = ((visits["hospital"] == hospital) & (visits["visit_type"] == "follow_up")
                & (visits["contact_mode"] == "phone") & (pd.to_datetime(visits["visit_date"]).dt.year == 2024))
    visits.loc[unpriced, "cost_dkk"] = float("nan")
    source = tmp_path / "priced" / "visits.parquet"
    source.parent.mkdir()
    visits.to_parquet(source)
    priced = pipeline.prepare(str(source), cache_dir=cache_dir).priced("")
    per_visit = priced["value_dkk"] / priced["visits"]
    fu = (priced["visit_type"] == "follow_up") & (priced["contact_mode"] == "in_person")
    own = priced["price_source"] == "own"
    assert per_visit[fu & own].round(6).eq(1350).all() and per_visit[~fu & own].round(6).eq(900).all()
    # only kinds of visit too rare for a price of their own (under MIN_VISITS a year) take the table's
    kinds = priced.groupby(["year", "visit_type", "contact_mode"])["visits"].transform("sum")
    assert (~own == (kinds < tariffs.MIN_VISITS)).all()
    assert tariffs.source_shares(priced)["own"] > 0.999
    # the unpriced cells take the own price of the rest, not the tariff table's 700
    gap = (priced["hospital"] == hospital) & (priced["year"] == 2024) & (priced["visit_type"] == "follow_up") \
        & (priced["contact_mode"] == "phone")
    assert gap.any() and per_visit[gap].round(6).eq(900).all()

