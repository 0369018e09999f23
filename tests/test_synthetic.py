"""The synthetic region: deterministic, shaped like the reference region, with its planted
differences visible in the data."""
from __future__ import annotations

import json
import re

import duckdb
import numpy as np
import pandas as pd
import pytest
import yaml

from analysis.base import config, workdays
from analysis.inputs import ingest
from analysis.running import synthetic


@pytest.mark.slow
def test_same_seed_same_data(tmp_path, small_region):
    again = synthetic.generate(tmp_path / "again.parquet", seed=7, scale=0.01)
    pd.testing.assert_frame_equal(pd.read_parquet(again), pd.read_parquet(small_region))


def test_shape_of_the_region(small_region):
    df = duckdb.sql(f"SELECT * FROM read_parquet('{small_region}')").df()
    assert df["hospital"].nunique() == 6 and df["specialty"].nunique() >= 25
    assert sorted(df["visit_date"].dt.year.unique()) == [2023, 2024, 2025]
    shares = df["visit_type"].value_counts(normalize=True)
    assert shares.idxmax() == "follow_up" and 0.38 < shares["follow_up"] < 0.52
    in_person = df[df["contact_mode"] == "in_person"].groupby(df["visit_date"].dt.year).size() / df.groupby(
        df["visit_date"].dt.year).size()
    assert in_person.is_monotonic_decreasing and 0.75 < in_person.iloc[0] < 0.92
    psych = (df["sector"] == "psychiatry").mean()
    assert 0.08 < psych < 0.16


def test_planted_follow_up_rate_shows(small_region):
    truth = synthetic.truth(7, 0.01)
    assert truth["follow_up_rate"], "the region plants no high follow-up unit"
    df = duckdb.sql(f"SELECT * FROM read_parquet('{small_region}') WHERE year(visit_date) = 2024").df()
    for planted in truth["follow_up_rate"]:
        spec = df[df["specialty"] == planted["specialty"]]
        rate = spec[spec["visit_type"] == "follow_up"].groupby("hospital").size() / spec.groupby("hospital")[
            "patient_id"].nunique()
        others = rate.drop(planted["hospital"])
        assert rate[planted["hospital"]] > 1.2 * others.median(), planted


def test_planted_calendar_unit_books_its_follow_ups_on_the_calendar(small_region):
    """Its share of follow-up intervals at about 3, 6 or 12 months is far above every other unit's
    of some size (elsewhere the dates are drawn at random), and so is its share beyond what the
    windows catch by chance (on the small region 45% calendar-like, 38% beyond chance; the other
    units at most 31% and 19%)."""
    from analysis.analyses import pathways
    from analysis.engine import aggregate

    planted = synthetic.truth(7, 0.01)["calendar_follow_up"]
    assert planted == [{**planted[0], "hospital": synthetic.HEV, "specialty": "Endokrinologi",
                        "interval_days": 182, "share": 0.8}]
    con = aggregate.connect()
    shares = pathways.calendar_share(pathways.follow_up_intervals(con, con.read_parquet(str(small_region)), 2024))
    shares = shares[(shares["intervals"] >= 20) & (shares["specialty"] != "Oftalmologi")]  # a planted habit
    shares = shares.set_index(["hospital", "specialty"])
    beyond = shares["calendar_beyond_chance"] / shares["intervals"]
    shares = shares["share"]
    unit, unit_beyond = shares.pop((synthetic.HEV, "Endokrinologi")), beyond.pop((synthetic.HEV, "Endokrinologi"))
    assert unit > 0.4 and unit > 2.5 * shares.median() and unit > shares.max() + 0.1
    assert unit_beyond > 0.3 and unit_beyond > beyond.max() + 0.1


def test_the_planted_calendar_units_patients_have_a_blood_test_a_week_before_their_controls(small_region):
    """Of the planted unit's samples, many lie 7 days (to the nearest open day) before a follow-up of
    the same patient (on the small region 36%: not every patient is re-spaced, some have more samples
    than follow-ups); elsewhere a sample falls there by chance only (4%)."""
    q = f"""WITH v AS (SELECT patient_id, hospital, specialty, visit_type, visit_date
                      FROM read_parquet('{small_region}') WHERE year(visit_date) = 2024)
            SELECT s.hospital = '{synthetic.HEV}' AND s.specialty = 'Endokrinologi' AS planted,
                   avg(CASE WHEN EXISTS (SELECT 1 FROM v f WHERE f.visit_type = 'follow_up'
                        AND f.patient_id = s.patient_id AND f.hospital = s.hospital AND f.specialty = s.specialty
                        AND date_diff('day', s.visit_date, f.visit_date) BETWEEN 6 AND 9) THEN 1 ELSE 0 END) AS before
            FROM v s WHERE s.visit_type = 'sampling' GROUP BY ALL"""
    share = duckdb.sql(q).df().set_index("planted")["before"]
    assert share[True] > 0.25 and share[True] > 5 * share[False], share


def test_the_planted_specialty_books_by_the_calendar_everywhere_and_no_unit_stands_out_from_it(small_region):
    """Oftalmologi's habit (CALENDAR_SPECIALTIES): the specialty has the most calendar-like intervals
    beyond chance, and against its own norm none of its units is clearly flagged."""
    from analysis.analyses import pathways
    from analysis.engine import aggregate

    (planted,) = synthetic.truth(7, 0.01)["calendar_specialty"]
    assert planted["specialty"] == "Oftalmologi" and len(planted["hospitals"]) == 3
    con = aggregate.connect()
    shares = pathways.calendar_share(pathways.follow_up_intervals(con, con.read_parquet(str(small_region)), 2024,
                                                                  ("somatic",)))
    habits = pathways.specialty_calendar(shares[shares["intervals"] >= 20])
    assert habits["specialty"].iloc[0] == "Oftalmologi" and habits["beyond_share"].iloc[0] > 0.15
    eyes = shares[shares["specialty"] == "Oftalmologi"]
    assert len(eyes) == 3 and (eyes["share"] > eyes["chance_share"] + 0.05).all()  # small: 40 intervals at least
    res = pathways.calendar_funnel(shares)[0]
    assert "Oftalmologi" not in set(res.loc[res["class"] == "high_998", "specialty"])  # none clearly


def test_the_calendar_plant_leaves_the_other_units_as_they_were(small_region, tmp_path, monkeypatch):
    """Before the decision year (from it, which visits the decision and the registration lag touch
    depends on the dates, so the number of visits drawn after them can differ)."""
    monkeypatch.setattr(synthetic, "CALENDAR_UNITS", {})
    monkeypatch.setattr(synthetic, "CALENDAR_SPECIALTIES", {})
    base = synthetic.generate(tmp_path / "none.parquet", seed=7, scale=0.01)
    q = ("SELECT * FROM read_parquet('{}') WHERE NOT (hospital = '{}' AND specialty = 'Endokrinologi') "
         "AND specialty <> 'Oftalmologi' AND visit_date < DATE '2025-01-01' ORDER BY visit_id")
    a = duckdb.sql(q.format(base, synthetic.HEV)).df()
    b = duckdb.sql(q.format(small_region, synthetic.HEV)).df()
    pd.testing.assert_frame_equal(a.drop(columns="visit_id"), b.drop(columns="visit_id"))


def test_unplanted_differences_follow_the_sd_parameter():
    effects = synthetic.truth(7, 0.01)["unit_effects"]
    logs = np.log([f["factor"] for f in effects["factors"]])
    assert effects["sd_log"] == synthetic.UNIT_FOLLOW_UP_SD and len(logs) > 60 and 0.07 < logs.std() < 0.13
    planted = {(p["hospital"], p["specialty"]) for p in synthetic.truth(7, 0.01)["follow_up_rate"]}
    assert not planted & {(f["hospital"], f["specialty"]) for f in effects["factors"]}
    wider = synthetic.truth(7, 0.01, unit_sd=0.2)["unit_effects"]["factors"]
    assert np.log([f["factor"] for f in wider]) == pytest.approx(2 * logs, abs=1e-3)
    assert synthetic.truth(7, 0.01, unit_sd=0.0)["unit_effects"]["factors"] == []


def test_the_region_passes_its_own_validation(small_region, tmp_path):
    import datetime as dt
    result = ingest.ingest(small_region, (dt.date(2023, 1, 1), dt.date(2025, 12, 31)), tmp_path / "s.parquet")
    assert result.kind == "visits" and result.rows > 50_000


# --- the BI-style aggregated extract -------------------------------------------------------------
@pytest.fixture(scope="module", params=[False, True], ids=["yearly", "monthly"])
def bi_extract(request, small_region, tmp_path_factory):
    out = tmp_path_factory.mktemp("bi") / "bi_extract.csv"
    synthetic.write_bi_extract(small_region, out, monthly=request.param, seed=3)
    truth = json.loads(out.with_name("bi_extract_truth.json").read_text(encoding="utf-8"))
    return out, truth, request.param


def _read_bi(path):
    return pd.read_csv(path, sep=";", encoding="cp1252", thousands=".", decimal=",", dtype={"Måned": str})


def test_bi_extract_is_written_as_a_bi_portal_exports(bi_extract):
    path, truth, monthly = bi_extract
    raw = path.read_bytes()
    with pytest.raises(UnicodeDecodeError):
        raw.decode("utf-8")  # Windows-1252: æ, ø, å are single bytes
    text = raw.decode("cp1252")
    header = "År;" + ("Måned;" if monthly else "") + ("Sygehus;Speciale;Sektor;Besøgstype;Kontaktform;Antal besøg;"
                                                      "Antal patienter;Værdi (kr.)")
    assert text.split("\r\n")[0] == header and truth["columns"] == header.split(";")
    df = _read_bi(path)
    assert set(df["Sektor"]) == {"Somatik", "Psykiatri"} and set(df["Kontaktform"]) == {
        "Fremmøde", "Video", "Telefon", "Skriftlig"}
    assert set(df["Besøgstype"]) == {"Udredning", "Behandling", "Mindre indgreb", "Prøvetagning", "Kontrol"}
    # counts with thousands dots, the value with thousands dots and a decimal comma
    fields = [line.split(";")[-3:] for line in text.split("\r\n")[1:-1]]
    assert all(re.fullmatch(r"\d{1,3}(\.\d{3})*", f) for row in fields for f in row[:2])
    assert all(re.fullmatch(r"\d{1,3}(\.\d{3})*,\d\d", row[2]) for row in fields)
    assert any("." in row[2] for row in fields)
    assert synthetic.danish_number(1234567.5, 2) == "1.234.567,50" and synthetic.danish_number(1812) == "1.812"
    if monthly:
        assert (df["Måned"].str[:4].astype(int) == df["År"]).all() and df["Måned"].str.fullmatch(r"\d{4}-\d\d").all()
    assert (df["Antal besøg"] < 5).sum() == truth["small_cells"] > 0


def test_bi_extract_totals_equal_the_region(bi_extract, small_region):
    path, truth, monthly = bi_extract
    df = _read_bi(path)
    mapping = yaml.safe_load(path.with_name(truth["mapping_file"]).read_text(encoding="utf-8"))
    (old, new), = mapping["renames"]["hospital"].items()
    assert truth["rename"] == [{"column": "hospital", "old": old, "new": new, "years": [2023]}]
    assert set(df.loc[df["Sygehus"] == old, "År"]) == {2023} and new not in set(df.loc[df["År"] == 2023, "Sygehus"])
    df["Sygehus"] = df["Sygehus"].replace(old, new)
    got = df.groupby(["År", "Sygehus"])["Antal besøg"].sum()
    want = duckdb.sql(f"SELECT year(visit_date) AS y, hospital, count(*) AS n FROM read_parquet('{small_region}') "
                      "GROUP BY ALL").df().set_index(["y", "hospital"])["n"]
    assert got.to_dict() == want.to_dict()
    # and cell by cell, split cells summed
    label = {v: k for k, v in synthetic.BI_LABELS.items()}
    month = ", strftime(visit_date, '%Y-%m') AS m" if monthly else ""
    cells = duckdb.sql(f"SELECT year(visit_date) AS y{month}, hospital, specialty, sector, visit_type, contact_mode, "
                       f"count(*) AS n FROM read_parquet('{small_region}') GROUP BY ALL").df()
    key = ["År", *(["Måned"] if monthly else []), "Sygehus", "Speciale", "Sektor", "Besøgstype", "Kontaktform"]
    got = df.assign(**{c: df[c].map(label) for c in key[-3:]}).groupby(key)["Antal besøg"].sum()
    assert got.to_dict() == cells.set_index(["y", *(["m"] if monthly else []), "hospital", "specialty", "sector",
                                             "visit_type", "contact_mode"])["n"].to_dict()


def test_bi_extract_split_cells_sum_to_the_true_cell(bi_extract, small_region):
    path, truth, monthly = bi_extract
    df = _read_bi(path)
    key = ["År", *(["Måned"] if monthly else []), "Sygehus", "Speciale", "Sektor", "Besøgstype", "Kontaktform"]
    dup = df[df.duplicated(key, keep=False)]
    cells = truth["split_cells"]["cells"]
    assert len(cells) == synthetic.BI_SPLIT_CELLS and len(dup) == 2 * len(cells)
    label = synthetic.BI_LABELS
    for c in cells:
        rows = df[(df["År"] == c["year"]) & (df["Sygehus"] == c["hospital"]) & (df["Speciale"] == c["specialty"])
                  & (df["Besøgstype"] == label[c["visit_type"]]) & (df["Kontaktform"] == label[c["contact_mode"]])
                  & ((df["Måned"] == c["month"]) if monthly else True)]
        assert rows["Antal besøg"].tolist() == [p["visits"] for p in c["parts"]] and len(rows) == 2
        assert rows["Antal besøg"].sum() == c["visits"]
        # distinct patients per part: each at most the cell's, together at least the cell's
        assert rows["Antal patienter"].max() <= c["patients"] <= rows["Antal patienter"].sum()
    # every other row's patients are the cell's distinct patients in the visit file
    month = ", strftime(visit_date, '%Y-%m') AS m" if monthly else ""
    exact = duckdb.sql(f"SELECT year(visit_date) AS y{month}, hospital, specialty, visit_type, contact_mode, "
                       f"count(DISTINCT patient_id) AS p FROM read_parquet('{small_region}') GROUP BY ALL").df()
    single = df.drop(index=dup.index).assign(
        Sygehus=lambda d: d["Sygehus"].replace({o: n for n, o in synthetic.BI_RENAME.items()}),
        visit_type=lambda d: d["Besøgstype"].map({v: k for k, v in label.items()}),
        contact_mode=lambda d: d["Kontaktform"].map({v: k for k, v in label.items()}))
    merged = single.merge(exact, left_on=["År", *(["Måned"] if monthly else []), "Sygehus", "Speciale", "visit_type",
                                          "contact_mode"],
                          right_on=["y", *(["m"] if monthly else []), "hospital", "specialty", "visit_type",
                                    "contact_mode"], how="left", validate="one_to_one")
    assert (merged["Antal patienter"] == merged["p"]).all()


def test_bi_extract_value_is_visits_times_the_regions_own_price(bi_extract):
    path, truth, monthly = bi_extract
    df = _read_bi(path)
    label = {v: k for k, v in synthetic.BI_LABELS.items()}
    tariffs = pd.read_csv(config.TARIFFS, comment="#", dtype={"specialty": str}).fillna({"specialty": ""})
    tariffs = tariffs[tariffs["level"].isna()]  # rows for one level of specialisation price only moves between levels
    general = tariffs[tariffs["specialty"] == ""].set_index(["visit_type", "contact_mode"])["dkk"]
    special = tariffs[tariffs["specialty"] != ""].set_index(["specialty", "visit_type", "contact_mode"])["dkk"]
    table = [special.get((r["Speciale"], label[r["Besøgstype"]], label[r["Kontaktform"]]),
                         general[(label[r["Besøgstype"]], label[r["Kontaktform"]])]) for _, r in df.iterrows()]
    own = truth["price_factor"] * pd.Series(table, index=df.index)
    assert truth["price_factor"] == 0.9
    assert df["Værdi (kr.)"].to_numpy() == pytest.approx((df["Antal besøg"] * own).to_numpy())
    follow_up = [p for p in truth["prices"] if p["specialty"] == "" and p["visit_type"] == "follow_up"
                 and p["contact_mode"] == "in_person"][0]
    assert (follow_up["tariff_dkk"], follow_up["own_dkk"]) == (1500, 1350)
    assert truth["planted"]["follow_up_rate"] == synthetic.truth(7, 0.01)["follow_up_rate"]


def test_bi_extract_is_deterministic(bi_extract, small_region, tmp_path):
    path, truth, monthly = bi_extract
    again = synthetic.write_bi_extract(small_region, tmp_path / "bi_extract.csv", monthly=monthly, seed=3)
    assert again.read_bytes() == path.read_bytes()


# --- roughness ---------------------------------------------------------------------------------------
def test_no_visits_on_the_days_the_clinics_close(small_region):
    days = duckdb.sql(f"SELECT visit_date, count(*) AS n FROM read_parquet('{small_region}') GROUP BY ALL").df()
    share = workdays.is_open(days["visit_date"].to_numpy().astype("datetime64[D]"))
    assert (share > 0).all() and 0.5 in set(share)  # Constitution Day: half a day
    assert {"2024-03-28", "2024-12-24", "2025-05-29", "2025-06-09"}.isdisjoint(days["visit_date"].astype(str))


def test_the_roughness_is_drawn_from_the_seed_and_written_to_the_truth():
    rough = synthetic.truth(7, 0.01)["roughness"]
    assert rough == synthetic.truth(7, 1.0)["roughness"]  # the seed alone: not the scale
    assert rough != synthetic.truth(8, 0.01)["roughness"]
    assert (rough["hospital_month_shock_sd"], rough["hospital_trend_sd"], rough["unit_trend_sd"],
            rough["noise_sd"]) == (synthetic.SHOCK_SD, synthetic.HOSPITAL_TREND_SD, synthetic.UNIT_TREND_SD,
                                   synthetic.NOISE_SD)
    assert [h["hospital"] for h in rough["hospital_trends"]] == [*synthetic.SOMATIC_SHARES, synthetic.PRM]
    shocks = pd.DataFrame(rough["hospital_month_shocks"])
    assert len(shocks) == 6 * 36 and shocks["month"].min() == "2023-01" and shocks["month"].max() == "2025-12"
    assert 0.011 < np.log(shocks["factor"]).std() < 0.019
    assert len(rough["unit_trends"]) == len(synthetic._units())
    assert 0.014 < np.std([u["trend_per_year"] for u in rough["unit_trends"]]) < 0.026
    assert rough["working_days"] == {"2023": 251.5, "2024": 251.5, "2025": 250.5}


@pytest.mark.suite  # the full-size region: the whole pipeline on a region (`make test`, not `make check`)
def test_the_roughness_shows_in_the_full_region(full_region):
    """Each unit's visits a month (2023-2024: before the decision) against its year's level and
    the calendar's share of the month follow the unit's drawn factor that month: one for one,
    far above the Poisson noise."""
    prep, truth = full_region
    m = prep.aggregates.monthly.assign(ym=lambda d: _months(d))
    m = m[(m["ym"] < "2025") & ~((m["hospital"] == synthetic.HEV) & (m["specialty"] == "Endokrinologi"))]
    n = m.groupby(["hospital", "specialty", "ym"])["visits"].sum()
    rough = synthetic.roughness(truth["seed"])
    cell = {(u, sp.name): c for c, (u, _, sp, _) in enumerate(synthetic._units())}
    shares, factors = {}, {}
    for year in (2023, 2024):
        days, w = synthetic._weekday_calendar(year)
        month = pd.Series(days.astype("datetime64[M]").astype(str))
        shares.update(pd.Series(w).groupby(month).sum().to_dict())
        for key, c in cell.items():
            f = pd.Series(w * np.exp(rough.log_factor(np.full(len(days), c), days))).groupby(month).sum()
            factors.update({(*key, ym): v / shares[ym] for ym, v in f.items()})
    df = n.rename("n").reset_index()
    df = df.assign(share=df["ym"].map(shares), factor=[factors[k] for k in n.index], year=df["ym"].str[:4])
    df = df[df.groupby(["hospital", "specialty"])["n"].transform("min") >= 500]  # Poisson noise under 5%
    level = df.groupby(["hospital", "specialty", "year"])
    df["observed"] = np.log(df["n"] / df["share"]) - np.log(level["n"].transform("sum") / level["share"].transform(
        "sum"))
    df["drawn"] = np.log(df["factor"]) - np.log(
        (df["factor"] * df["share"]).groupby([df["hospital"], df["specialty"], df["year"]]).transform("sum")
        / level["share"].transform("sum"))
    assert len(df) > 700 and df["observed"].std() > 0.04
    assert np.corrcoef(df["observed"], df["drawn"])[0, 1] > 0.8
    slope = (df["observed"] * df["drawn"]).sum() / (df["drawn"] ** 2).sum()
    assert slope == pytest.approx(1.0, abs=0.1)


# --- smooth mode drift, the decision's uneven answers, the registration lag -------------------------
def _months(df: pd.DataFrame) -> pd.Series:
    return pd.to_datetime(df["month"]).dt.strftime("%Y-%m")


@pytest.mark.suite  # the full-size region: the whole pipeline on a region (`make test`, not `make check`)
def test_growth_and_the_mode_drift_are_smooth(full_region):
    """The in-person share of follow-ups falls month by month before the decision, with no step
    at New Year (it used to fall by a whole year's drift each January)."""
    prep, truth = full_region
    m = prep.aggregates.monthly
    m = m[(m["visit_type"] == "follow_up") & (pd.to_datetime(m["month"]) < pd.Timestamp(truth["decision_date"]))]
    by = m.assign(ym=_months(m), ip=np.where(m["contact_mode"] == "in_person", m["visits"], 0)).groupby("ym")
    share = by["ip"].sum() / by["visits"].sum()
    assert len(share) == 27
    year = share.index.str[:4]
    yearly_fall = share[year == "2023"].mean() - share[year == "2024"].mean()
    assert 0.02 < yearly_fall < 0.035
    quarterly = share.groupby(np.arange(len(share)) // 3).mean()
    assert quarterly.is_monotonic_decreasing and len(quarterly) == 9
    for y in ("2023", "2024"):  # within the year it falls as much as three quarters of a year's drift
        within = share[f"{y}-01":f"{y}-03"].mean() - share[f"{y}-10":f"{y}-12"].mean()
        assert within > 0.5 * yearly_fall, y
    for dec, jan in (("2023-12", "2024-01"), ("2024-12", "2025-01")):
        assert share[dec] - share[jan] < 0.35 * yearly_fall, jan  # a month's drift is 1/12 of it
    # growth: the daily weights rise through the year by the year-on-year rate (per open day:
    # Constitution Day counts half)
    days, w = synthetic._weekday_calendar(2024)
    month = days.astype("datetime64[M]").astype(int) % 12
    per_day = pd.Series(w / workdays.is_open(days)).groupby(month).mean() / synthetic.MONTH_WEIGHTS
    assert per_day.is_monotonic_increasing
    assert per_day.iloc[-1] / per_day.iloc[0] == pytest.approx(np.exp(synthetic.growth_rate(2024) * 11 / 12), rel=0.01)


def test_truth_describes_the_responses_and_the_lag():
    truth = synthetic.truth(7, 0.01)
    response = {r["hospital"]: r for r in truth["decision_response"]}
    assert set(response) == set(synthetic.SOMATIC_SHARES)
    assert {h: r["expected"] for h, r in response.items()} == {
        synthetic.RHH: "ahead", synthetic.HEM: "behind", synthetic.HEV: "on_track", synthetic.RHR: "on_track",
        synthetic.AUH: "on_track"}
    assert response[synthetic.RHR]["move_to"] == synthetic.HEM and response[synthetic.RHR]["move"] > 0
    assert response[synthetic.RHR]["move_specialties"] == ["Ortopædisk kirurgi"]
    assert response[synthetic.HEV]["to_phone"] > 0 and response[synthetic.HEV]["to_video"] > 0
    assert "phone and video" in response[synthetic.HEV]["note"] and "Midt" in response[synthetic.RHR]["note"]
    assert truth["registration_lag"] == [{"month": "2025-11", "complete": 0.95}, {"month": "2025-12", "complete": 0.80}]
    assert "realised" not in truth  # counted while generating: see the truth file


def _follow_ups(path) -> pd.DataFrame:
    return duckdb.sql(
        f"SELECT strftime(visit_date, '%Y-%m') AS month, CAST(hospital AS VARCHAR) AS hospital, "
        f"CAST(specialty AS VARCHAR) AS specialty, CAST(contact_mode AS VARCHAR) AS contact_mode, count(*) AS n "
        f"FROM read_parquet('{path}') WHERE visit_type = 'follow_up' AND visit_date >= DATE '2025-04-01' "
        f"AND sector = 'somatic' GROUP BY ALL").df()


def test_realised_in_the_truth_file_is_what_the_generator_did(small_region, tmp_path, monkeypatch):
    """The same seed with nothing planted after the decision gives the same visits but for the
    plants (the random draws do not depend on the shares): the difference is the truth's
    realised effect, visit for visit and krone for krone."""
    from analysis.inputs.tariffs import load_tariffs, unit_price

    realised = pd.DataFrame(json.loads(small_region.with_name("truth.json").read_text(encoding="utf-8"))[
        "realised"]["rows"]).set_index(["hospital", "month"])
    assert len(realised) == 5 * 9 and realised["moved_out"].sum() == realised["moved_in"].sum() > 0
    assert (realised["saving_dkk"] == realised[["saving_dropped_dkk", "saving_mode_shift_dkk",
                                                "saving_moved_dkk"]].sum(axis=1)).all()
    assert realised.loc[synthetic.RHR, "moved_out"].sum() == realised.loc[synthetic.HEM, "moved_in"].sum()
    assert realised.loc[synthetic.HEV, ["to_phone", "to_video"]].to_numpy().sum() > 0

    none = {h: {**r, "drop": 0.0, "to_phone": 0.0, "to_video": 0.0, "move": 0.0}
            for h, r in synthetic.DECISION_RESPONSE.items()}
    monkeypatch.setattr(synthetic, "DECISION_RESPONSE", none)
    monkeypatch.setattr(synthetic, "REDUCTIONS_AFTER_DECISION",
                        {k: 0.0 for k in synthetic.REDUCTIONS_AFTER_DECISION})
    base = synthetic.generate(tmp_path / "unplanted.parquet", seed=7, scale=0.01)
    assert json.loads(base.with_name("truth.json").read_text(encoding="utf-8"))["realised"]["rows"][0][
        "saving_dkk"] == 0

    tariffs = load_tariffs()
    cells = []
    for name, path in (("base", base), ("planted", small_region)):
        f = _follow_ups(path)
        f = f.assign(visit_type="follow_up")
        f["dkk"] = f["n"] * unit_price(f, tariffs)
        f["in_person"] = np.where(f["contact_mode"] == "in_person", f["n"], 0)
        cells.append(f.groupby(["hospital", "month"])[["n", "in_person", "dkk"]].sum().add_prefix(name + "_"))
    got = pd.concat(cells, axis=1).fillna(0).reindex(realised.index, fill_value=0)
    assert (got["base_in_person"] - got["planted_in_person"]).astype(int).to_dict() == realised[
        "in_person_avoided"].to_dict()
    assert (got["base_n"] - got["planted_n"]).astype(int).to_dict() == (
        realised["dropped"] + realised["moved_out"] - realised["moved_in"]).to_dict()
    assert (got["base_dkk"] - got["planted_dkk"]).round().astype(int).to_dict() == realised["saving_dkk"].to_dict()


@pytest.mark.suite  # the full-size region: the whole pipeline on a region (`make test`, not `make check`)
def test_the_responses_show_in_the_data(full_region):
    prep, truth = full_region
    m = prep.aggregates.monthly
    m = m[(m["visit_type"] == "follow_up") & (m["sector"] == "somatic")].assign(ym=_months(m))
    period = {y: m[(m["ym"] >= f"{y}-04") & (m["ym"] <= f"{y}-10")] for y in (2024, 2025)}

    def not_in_person(df):
        g = df.assign(other=np.where(df["contact_mode"] == "in_person", 0, df["visits"])).groupby("hospital")
        return g["other"].sum() / g["visits"].sum()

    rise = not_in_person(period[2025]) - not_in_person(period[2024])
    assert rise[synthetic.HEV] > rise.drop(synthetic.HEV).max() + 0.02  # HEV turned follow-ups to phone, video

    def in_person(df):
        return df[df["contact_mode"] == "in_person"].groupby("hospital")["visits"].sum()

    change = in_person(period[2025]) / in_person(period[2024]) - 1
    # besides the drift to other modes (all hospitals): HEM hardly changed, RHR's follow-ups left
    assert change[synthetic.HEM] == change.max() and change[synthetic.RHR] < change[synthetic.HEM] - 0.04
    # RHR's displaced orthopaedic follow-ups arrive at HEM: its in-person orthopaedic follow-ups
    # rise while its other specialties' fall with the drift
    hem = {y: p[(p["hospital"] == synthetic.HEM) & (p["contact_mode"] == "in_person")] for y, p in period.items()}
    ortho = {y: h.loc[h["specialty"] == "Ortopædisk kirurgi", "visits"].sum() for y, h in hem.items()}
    rest = {y: h.loc[h["specialty"] != "Ortopædisk kirurgi", "visits"].sum() for y, h in hem.items()}
    assert ortho[2025] / ortho[2024] > 1.08 and rest[2025] / rest[2024] < 1.0


@pytest.mark.suite  # the full-size region: the whole pipeline on a region (`make test`, not `make check`)
def test_the_last_months_are_incomplete(full_region):
    """Visits other than follow-ups (no plant touches them) against what each unit expects of
    each month: the calendar's share of it times the unit's roughness that month (drawn from the
    truth's seed; the region's months differ by 1-2% with it). The lagged months fall short by
    their registration lag, and the complete months fit (which also checks the roughness)."""
    prep, truth = full_region
    m = prep.aggregates.monthly
    m = m[(m["visit_type"] != "follow_up") & (pd.to_datetime(m["month"]).dt.year == 2025)].assign(ym=_months(m))
    n = m.groupby(["hospital", "specialty", "ym"])["visits"].sum().unstack("ym")
    days, w = synthetic._weekday_calendar(2025)
    rough = synthetic.roughness(truth["seed"])
    month = pd.Series(days.astype("datetime64[M]").astype(str))
    shape = pd.DataFrame(
        {(unit, sp.name): pd.Series(w * np.exp(rough.log_factor(np.full(len(days), c), days))).groupby(month).sum()
         for c, (unit, _, sp, _) in enumerate(synthetic._units())}).T
    shape = shape.loc[n.index]
    expected = shape.mul(n.iloc[:, :10].sum(axis=1) / shape.iloc[:, :10].sum(axis=1), axis=0)
    ratio = n.sum() / expected.sum()
    assert ratio.iloc[:10].std() < 0.01
    smooth = n.sum() / pd.Series(w).groupby(month).sum()
    assert (smooth / smooth.iloc[:10].mean()).iloc[:10].std() > ratio.iloc[:10].std()  # the region is rough
    for lag in truth["registration_lag"]:
        assert ratio[lag["month"]] == pytest.approx(lag["complete"], abs=0.015)


@pytest.mark.suite  # the full-size region: the whole pipeline on a region (`make test`, not `make check`)
def test_the_realised_saving_lands_where_the_truth_says(full_region):
    """At full size, each hospital's realised budget effect (cash) over the complete months after
    the decision, annualised, against its share of 60 million DKK keyed on its 2024 visits."""
    from analysis.analyses import savings_key

    prep, truth = full_region
    key = savings_key.key(prep.aggregates.activity, 2024, "visits").set_index("hospital")["amount_dkk"]
    lagged = {lag["month"] for lag in truth["registration_lag"]}
    rows = pd.DataFrame(truth["realised"]["rows"])
    rows = rows[~rows["month"].isin(lagged)]
    assert sorted(rows["month"].unique()) == [f"2025-{i:02d}" for i in range(4, 11)]
    year = rows.groupby("hospital").sum(numeric_only=True) * 12 / rows["month"].nunique()
    pct = year["budget_effect_dkk"] / key
    assert 1.90 <= pct[synthetic.RHH] <= 2.35  # 40% of its in-person follow-ups dropped
    assert 0.95 <= pct[synthetic.HEV] <= 1.15 and year.loc[synthetic.HEV, "saving_mode_shift_dkk"] >= 0.25 * year.loc[
        synthetic.HEV, "saving_dkk"]
    rhr = year.loc[synthetic.RHR]
    assert 1.00 <= rhr["budget_effect_dkk"] / key[synthetic.RHR] <= 1.20  # gross: nothing moves in to Randers
    assert pct[synthetic.HEM] < 0  # what it takes in from Randers outweighs its own small cut
    assert rhr["moved_in"] == 0 and 0.08 <= rhr["moved_out"] / (rhr["moved_out"] + rhr["dropped"]) <= 0.16
    assert 0.95 <= pct[synthetic.AUH] <= 1.15 and year.loc[synthetic.HEM, "moved_in"] == rhr["moved_out"]
    expected = {r["hospital"]: r["expected"] for r in truth["decision_response"]}
    assert all((pct[h] > 1.3) == (e == "ahead") and (pct[h] < 0.5) == (e == "behind") for h, e in expected.items())
    # the tariff value of the same visits is about three times the cash
    assert 2.5 <= year["saving_dkk"].sum() / year["budget_effect_dkk"].sum() <= 4


# --- where patients live, priority and referral ---------------------------------------------------
def _rate_by_municipality(path) -> pd.Series:
    """Visits per resident of each municipality, against the region's (the residents are the
    pool's, in proportion to each municipality's population)."""
    visits = duckdb.sql(f"SELECT CAST(municipality AS VARCHAR) AS m, count(*) AS n FROM read_parquet('{path}') "
                        "GROUP BY ALL").df().set_index("m")["n"]
    residents = pd.Series(synthetic.MUNICIPALITIES)
    return (visits / visits.sum()) / (residents / residents.sum())


def test_every_patient_lives_in_one_of_the_19_municipalities(small_region):
    df = duckdb.sql(f"SELECT patient_id, CAST(municipality AS VARCHAR) AS municipality, "
                    f"CAST(hospital AS VARCHAR) AS hospital, CAST(sector AS VARCHAR) AS sector "
                    f"FROM read_parquet('{small_region}')").df()
    assert df["municipality"].notna().all() and set(df["municipality"]) == set(synthetic.MUNICIPALITIES)
    assert len(synthetic.MUNICIPALITIES) == 19 and set(synthetic.HOME_UNIT) == set(synthetic.MUNICIPALITIES)
    assert df.groupby("patient_id")["municipality"].nunique().max() == 1
    somatic = df[df["sector"] == "somatic"]
    at_home = somatic["municipality"].map(synthetic.HOME_UNIT) == somatic["hospital"]
    assert at_home.mean() > 0.55  # most visits at the municipality's own hospital
    assert (at_home.groupby(somatic["municipality"]).mean() > 0.4).all()


def test_the_planted_municipality_has_more_visits_per_resident(small_region):
    planted = synthetic.truth(7, 0.01)["municipality_rate"]
    assert [(p["municipality"], p["factor"]) for p in planted] == [("Skive", 1.25)]
    rate = _rate_by_municipality(small_region)
    assert rate["Skive"] > 1.15 * rate.median()
    assert rate["Skive"] > 1.1 * rate[["Viborg", "Silkeborg"]].max()  # its neighbours, the same hospital


@pytest.mark.suite  # the full-size region: the whole pipeline on a region (`make test`, not `make check`)
def test_the_planted_municipality_stands_out_in_the_full_region(full_region):
    prepared, truth = full_region
    rate = _rate_by_municipality(prepared.staged)
    # crude visits per resident: older municipalities have more (the population table's age
    # structure); Skive's planted 1.25 comes on top (the standardised ratio is tested in
    # test_population_region)
    assert rate.idxmax() == "Skive" and rate["Skive"] > 1.25
    assert rate.drop(["Skive", "Samsø"]).between(0.88, 1.12).all(), rate.round(3).to_dict()
    assert truth["municipality_rate"][0]["municipality"] == "Skive"


def test_the_catchment_probabilities_give_every_municipality_the_same_rate():
    mask, q = synthetic.catchments()
    assert ((q >= 0) & (q <= synthetic.CATCHMENT_MAX + 1e-9) | (q == 1.0)).all()
    assert mask.sum(axis=1).min() >= 1
    assert q.max() == 1.0 and np.isclose(q[q < 1].max(), synthetic.CATCHMENT_MAX)


def test_priority_and_referral(small_region):
    df = duckdb.sql(f"SELECT CAST(hospital AS VARCHAR) AS hospital, CAST(specialty AS VARCHAR) AS specialty, "
                    f"CAST(visit_type AS VARCHAR) AS visit_type, CAST(priority AS VARCHAR) AS priority, "
                    f"CAST(referral_source AS VARCHAR) AS referral_source FROM read_parquet('{small_region}')").df()
    truth = synthetic.truth(7, 0.01)
    assert truth["acute_share"] == [{"hospital": synthetic.RHR, "specialty": "Lungemedicin", "share": 0.25,
                                     "note": "acute share of all its visits"}]
    acute = (df["priority"] == "acute").groupby([df["hospital"], df["specialty"]]).mean()
    assert acute[(synthetic.RHR, "Lungemedicin")] == pytest.approx(0.25, abs=0.06)
    assert 0.03 < (df["priority"] == "acute").mean() < 0.08
    assert acute.drop((synthetic.RHR, "Lungemedicin")).median() < 0.08
    first = df[df["visit_type"] == "assessment"]
    assert (df.loc[df["visit_type"] != "assessment", "referral_source"] == "own_department").all()
    shares = first["referral_source"].value_counts(normalize=True)
    assert list(shares.index[:3]) == ["general_practice", "other_hospital", "emergency_department"]
    assert shares["general_practice"] == pytest.approx(synthetic.REFERRAL_SHARES["general_practice"], abs=0.03)
    assert (first["priority"] == "acute").mean() > (df.loc[df["visit_type"] != "assessment", "priority"]
                                                     == "acute").mean()


def test_a_users_own_truth_file_beside_real_data_does_not_mark_it_synthetic(tmp_path, small_region):
    from analysis.engine import pipeline

    assert pipeline.is_synthetic(small_region)  # the generator's truth file names it
    own = tmp_path / "visits.csv"
    own.write_text("x\n", encoding="utf-8")
    (tmp_path / "truth.json").write_text('{"hospitals": ["A"], "plan": {"A": 0.25}}', encoding="utf-8")
    assert not pipeline.is_synthetic(own)
    (tmp_path / "truth.json").write_text("not json", encoding="utf-8")
    assert not pipeline.is_synthetic(own)
