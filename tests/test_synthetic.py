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

from analysis import config, ingest, synthetic


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
    df = duckdb.sql(f"SELECT * FROM read_parquet('{small_region}') WHERE year(visit_date) = 2024").df()
    for planted in truth["follow_up_rate"]:
        spec = df[df["specialty"] == planted["specialty"]]
        rate = spec[spec["visit_type"] == "follow_up"].groupby("hospital").size() / spec.groupby("hospital")[
            "patient_id"].nunique()
        others = rate.drop(planted["hospital"])
        assert rate[planted["hospital"]] > 1.2 * others.median(), planted


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
