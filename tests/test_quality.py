"""Data quality: the checks say what they found, renames are listed, units that come and go are named."""
from __future__ import annotations

import datetime as dt

import pandas as pd

from analysis.analyses import quality
from analysis.inputs import ingest

PERIOD = (dt.date(2023, 1, 1), dt.date(2024, 12, 31))


def result(**changes) -> ingest.IngestResult:
    base = dict(file="x.csv", sha256="0", kind="aggregated", dialect={"format": "csv"}, rows=1234,
                columns={"År": "year", "Sygehus": "hospital"}, ignored_columns=["Kommentar"],
                mapped_labels=[{"column": "sector", "source": "Somatik", "value": "somatic", "rows": 1000}],
                missing={"cost_dkk": 12, "patients": 0}, period=("2023-01-01", "2024-12-31"),
                mapping_source="built-in", staged="s.parquet")
    return ingest.IngestResult(**{**base, **changes})


def found(res: ingest.IngestResult, lang: str = "en") -> dict[str, tuple[str, str]]:
    df = quality.checks(res, lang)
    return {r.check: (r.result, r.finding) for r in df.itertuples()}


def test_checks_report_what_they_found():
    f = found(result(merged_rows=6, merged_cells=3, span=["2023", "2024"], names={"hospital": 5, "specialty": 28},
                     renames=[{"column": "hospital", "old": "A", "new": "B", "rows": 7}]))
    assert f["check_unique"] == ("merged", "rows sharing a key: 6, summed into cells: 3")
    assert f["check_labels"] == ("passed", "1 distinct labels translated, 1,000 cells in all")
    assert f["check_types"][1] == "rows read: 1,234; missing or unknown values, where allowed: Value (DKK) 12"
    assert f["check_columns"][1] == "columns mapped: 2, left out: 1"
    assert f["check_period"][1] == "data from 2023 to 2024; the period is 1 January 2023 to 31 December 2024"
    assert f["check_names"][1] == "names checked: 33, none a rare misspelling of a common one; renames applied: 1"
    assert f["check_cpr"][0] == "not_applicable" and f["check_counts"][0] == "passed"


def test_checks_without_anything_to_report():
    f = found(result(kind="visits", mapped_labels=[], missing={}), "da")
    assert f["check_unique"] == ("passed", "besøgs-id: 1.234, alle forskellige")
    assert f["check_labels"][1] == "alle værdier var allerede i standardformatet"
    assert f["check_types"][1] == "rækker læst: 1.234, ingen manglende værdier"
    assert f["check_counts"][0] == "not_applicable"


def test_checks_read_from_a_real_ingest(tmp_path):
    src = tmp_path / "agg.csv"
    pd.DataFrame({"År": [2024] * 3, "Sygehus": ["H"] * 3, "Speciale": ["Urologi"] * 3, "Sektor": ["Somatik"] * 3,
                  "Besøgstype": ["Kontrol"] * 3, "Kontaktform": ["Fremmøde"] * 3, "Antal besøg": [5, 6, 7]}
                 ).to_csv(src, sep=";", index=False)
    res = ingest.ingest(src, PERIOD, tmp_path / "s.parquet")
    assert found(res)["check_unique"] == ("merged", "rows sharing a key: 3, summed into cells: 1")


def test_renames_table():
    df = quality.renames(result(renames=[{"column": "hospital", "old": "A", "new": "B", "rows": 7}]))
    assert df.to_dict("records") == [{"contract_column": "hospital", "old_name": "A", "new_name": "B", "rows": 7}]


def activity(rows):
    return pd.DataFrame(rows, columns=["year", "hospital", "specialty", "visits"])


def test_units_that_appear_disappear_or_have_a_gap():
    act = activity([(2023, "A", "Uro", 10), (2024, "A", "Uro", 10), (2025, "A", "Uro", 10),
                    (2024, "B", "Uro", 5), (2025, "B", "Uro", 5),  # appears
                    (2023, "C", "Uro", 5),  # disappears
                    (2023, "D", "Uro", 5), (2025, "D", "Uro", 5),  # gap
                    (2023, "A", "Kar", 3), (2024, "A", "Kar", 0), (2025, "A", "Kar", 3)])  # zero visits: a gap
    out = quality.unit_changes(act)
    assert out[["hospital", "first", "last", "absent", "visits", "change"]].values.tolist() == [
        ["B", "2024", "2025", "2023", 10, "appears"], ["C", "2023", "2023", "2024, 2025", 5, "disappears"],
        ["D", "2023", "2025", "2024", 10, "gap"]]
    by_unit = quality.unit_changes(act, ("hospital", "specialty"))
    assert ("A", "Kar", "gap") in set(zip(by_unit["hospital"], by_unit["specialty"], by_unit["change"]))
    assert ("A", "Uro") not in set(zip(by_unit["hospital"], by_unit["specialty"]))


def test_unit_changes_by_month_and_on_an_empty_table():
    monthly = pd.DataFrame({"month": pd.to_datetime(["2024-01-01", "2024-02-01", "2024-02-01"]),
                            "hospital": ["A", "A", "B"], "visits": [1, 1, 1]})
    out = quality.unit_changes(monthly, time="month")
    assert out[["hospital", "first", "change"]].values.tolist() == [["B", "februar 2024", "appears"]]
    assert quality.unit_changes(pd.DataFrame()).empty


def test_unit_changes_from_the_activity_of_both_input_kinds(tmp_path):
    from test_ingest import DANISH
    from test_ingest_extracts import bi_extract

    from analysis.engine.aggregate import aggregate_file

    period = (dt.date(2023, 1, 1), dt.date(2024, 12, 31))
    old = bi_extract().query("Sygehus == 'Hospitalsenhed Vest'").assign(Sygehus="Hospitalsenheden Vest", År=2023)
    agg = pd.concat([old, bi_extract().assign(År=2023).query("Sygehus != 'Hospitalsenhed Vest'"), bi_extract()])
    agg.to_csv(tmp_path / "agg.csv", sep=";", index=False)
    visits = DANISH.assign(Dato=["01-02-2023", "15-03-2024", "02-02-2024"])
    visits.to_csv(tmp_path / "visits.csv", sep=";", index=False)
    for src, expected in (("agg.csv", [("Hospitalsenhed Vest", "appears"), ("Hospitalsenheden Vest", "disappears")]),
                          ("visits.csv", [("Aarhus Universitetshospital", "appears")])):
        res = ingest.ingest(tmp_path / src, period, tmp_path / f"{src}.parquet")
        activity = aggregate_file(tmp_path / f"{src}.parquet", res.kind).activity
        out = quality.unit_changes(activity)
        assert list(zip(out["hospital"], out["change"])) == expected, src


def test_a_flagged_check_is_never_followed_by_all_passed():
    checks = pd.DataFrame({"check": ["check_unique", "check_period"], "result": ["flagged", "passed"],
                           "finding": ["", ""]})
    text = quality.checks_text(None, "en", checks)
    assert text.startswith("The data passed the checks and were analysed, but 1 of the checks found something")
    assert "All checks passed" not in text
