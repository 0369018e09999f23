"""Visit types derived from the contacts (visit_types.py), on hand-made visits: patients whose course
began before the extract, new patients, pauses, moves between hospitals, referrals, acute visits,
the run-in, and the way through the mapping file, the staging and the cache."""
from __future__ import annotations

import datetime as dt

import duckdb
import pandas as pd
import pytest
import yaml

from analysis.base import schema as s
from analysis.base.problems import InputError
from analysis.engine import pipeline
from analysis.inputs import ingest, visit_types
from analysis.inputs.ingest import load_mapping, plan_columns
from analysis.inputs.visit_types import Rule

PERIOD = (dt.date(2022, 1, 1), dt.date(2024, 12, 31))
DEFAULT = Rule()


def visits(rows: list[tuple], **extra) -> pd.DataFrame:
    """Canonical visits from (visit id, patient, date, hospital[, specialty]) tuples, in file order."""
    df = pd.DataFrame([(*r, "Kardiologi") if len(r) == 4 else r for r in rows],
                      columns=[s.VISIT_ID, s.PATIENT_ID, s.VISIT_DATE, s.HOSPITAL, s.SPECIALTY])
    df[s.VISIT_DATE] = pd.to_datetime(df[s.VISIT_DATE]).dt.date
    df[s.SOURCE_ROW] = range(1, len(df) + 1)
    for col, values in extra.items():
        df[col] = values
    return df


def derive(df: pd.DataFrame, rule: Rule = DEFAULT) -> tuple[pd.DataFrame, dict]:
    """The visits after the run-in with their derived type (by visit id), and what was recorded."""
    con = duckdb.connect()
    con.register("frame", df)
    table, found = visit_types.derive(con, "frame", rule, list(df.columns))
    out = con.execute(f"SELECT * FROM {table} ORDER BY {s.SOURCE_ROW}").df()
    return out.set_index(s.VISIT_ID), found


def types(df: pd.DataFrame, rule: Rule = DEFAULT) -> dict[str, str]:
    return derive(df, rule)[0][s.VISIT_TYPE].to_dict()


def test_a_course_that_began_before_the_extract_is_ongoing_after_the_run_in():
    df = visits([("a1", "A", "2022-01-05", "OUH"), ("a2", "A", "2022-07-01", "OUH"),  # run-in
                 ("a3", "A", "2023-01-10", "OUH"), ("a4", "A", "2023-06-01", "OUH"),
                 ("b1", "B", "2023-02-01", "OUH"), ("b2", "B", "2023-04-01", "OUH")])
    out, found = derive(df)
    assert out[s.VISIT_TYPE].to_dict() == {"a3": "follow_up", "a4": "follow_up", "b1": "assessment",
                                           "b2": "follow_up"}
    assert found["run_in"] == ["2022-01", "2022-12"] and found["run_in_visits"] == 2
    assert found["analysed_from"] == "2023-01-01"
    assert (found["visits"], found["first_visits"], found["follow_ups"]) == (4, 1, 3)
    assert found["reasons"] == {"new": 1, "gap": 0, "referral": 0, "acute": 0}
    assert found["monthly"] == [["2023-01", 1, 0], ["2023-02", 1, 1], ["2023-04", 1, 0], ["2023-06", 1, 0]]


def test_without_a_run_in_every_ongoing_patient_starts_with_a_first_visit():
    df = visits([("a1", "A", "2022-01-05", "OUH"), ("a2", "A", "2022-07-01", "OUH"), ("a3", "A", "2023-01-10", "OUH")])
    out, found = derive(df, Rule(run_in_months=0))
    assert out[s.VISIT_TYPE].to_dict() == {"a1": "assessment", "a2": "follow_up", "a3": "follow_up"}
    assert found["run_in"] == [] and found["run_in_visits"] == 0
    assert visit_types.warnings(found)[0] == "vt_warn_no_run_in"


def test_a_pause_longer_than_the_gap_starts_a_new_course():
    df = visits([("a1", "A", "2022-03-01", "OUH"),
                 ("a2", "A", "2023-03-01", "OUH"),  # 365 days later: not more than the gap
                 ("a3", "A", "2024-03-02", "OUH")])  # 367 days later (2024 is a leap year)
    assert types(df, Rule(run_in_months=0)) == {"a1": "assessment", "a2": "follow_up", "a3": "assessment"}
    _, found = derive(df, Rule(run_in_months=0))
    assert found["reasons"]["gap"] == 1 and found["reasons"]["new"] == 1
    assert types(df, Rule(run_in_months=0, gap_days=180)) == {"a1": "assessment", "a2": "assessment",
                                                              "a3": "assessment"}


def test_within_hospital_or_region():
    df = visits([("a1", "A", "2023-02-01", "OUH"), ("a2", "A", "2023-03-01", "Sygehus Lillebælt"),
                 ("a3", "A", "2023-04-01", "OUH", "Endokrinologi")])
    assert types(df, Rule(run_in_months=0)) == {"a1": "assessment", "a2": "assessment", "a3": "assessment"}
    assert types(df, Rule(run_in_months=0, within="region")) == {"a1": "assessment", "a2": "follow_up",
                                                                 "a3": "assessment"}


def test_a_new_referral_from_outside_starts_a_course_and_a_repeated_one_does_not():
    df = visits([("a1", "A", "2023-01-10", "OUH"), ("a2", "A", "2023-02-10", "OUH"),
                 ("a3", "A", "2023-03-10", "OUH"), ("a4", "A", "2023-04-10", "OUH"),
                 ("a5", "A", "2023-05-10", "OUH")],
                **{s.REFERRAL_SOURCE: ["general_practice", "own_department", "general_practice", "general_practice",
                                       None]})
    rule = Rule(run_in_months=0)
    assert types(df, rule) == {"a1": "assessment", "a2": "follow_up", "a3": "assessment", "a4": "follow_up",
                               "a5": "follow_up"}
    _, found = derive(df, rule)
    assert found["reasons"]["referral"] == 1 and found["columns_used"] == [s.REFERRAL_SOURCE]
    assert types(df, Rule(run_in_months=0, referral=False))["a3"] == "follow_up"


def test_an_acute_visit_is_a_first_visit_where_the_priority_is_given():
    df = visits([("a1", "A", "2023-01-10", "OUH"), ("a2", "A", "2023-02-10", "OUH"),
                 ("a3", "A", "2023-03-10", "OUH")], **{s.PRIORITY: ["planned", "acute", "planned"]})
    assert types(df, Rule(run_in_months=0)) == {"a1": "assessment", "a2": "assessment", "a3": "follow_up"}
    assert types(df, Rule(run_in_months=0, acute=False))["a2"] == "follow_up"


def test_contacts_of_the_same_day_follow_the_file_order():
    df = visits([("z", "A", "2023-01-10", "OUH"), ("a", "A", "2023-01-10", "OUH")])
    assert types(df, Rule(run_in_months=0)) == {"z": "assessment", "a": "follow_up"}


def test_an_extract_no_longer_than_its_run_in_is_refused():
    df = visits([("a1", "A", "2022-01-05", "OUH"), ("a2", "A", "2022-12-20", "OUH")])
    with pytest.raises(InputError, match="no visits are left after the run-in of 12 months"):
        derive(df)


def test_the_warnings_of_a_short_run_in_and_of_first_visits_piling_up_after_it():
    months = [[f"2023-{m:02d}", 100, 40 if m <= 6 else 20] for m in range(1, 13)]
    found = {"rule": {"gap_days": 365, "run_in_months": 6}, "monthly": months}
    assert visit_types.warnings(found) == ["vt_warn_short_run_in", "vt_warn_early"]
    assert visit_types.early_ratio(found) == pytest.approx(2.0)
    steady = {"rule": {"gap_days": 365, "run_in_months": 12}, "monthly": [[m, 100, 20] for m, *_ in months]}
    assert visit_types.warnings(steady) == []
    text = visit_types.warning_texts(found, "en")[1]
    assert "2.0 times as high in the first 6 months" in text


@pytest.mark.parametrize("raw, rule", [
    ({}, Rule()), (None, Rule()), (True, Rule()), (False, None),
    ({"gap_days": 180, "run_in_months": 24, "within": "region", "referral": False}, Rule(180, 24, "region", False)),
])
def test_the_mapping_files_settings(raw, rule):
    assert visit_types.parse_rule(raw, "m.yml") == (rule, [])


@pytest.mark.parametrize("raw, message", [
    ({"gap_days": 0}, "'gap_days' must be a whole number of at least 1"),
    ({"run_in_months": "12"}, "'run_in_months' must be a whole number"),
    ({"within": "sygehus"}, "'within' must be one of hospital, region"),
    ({"acute": "ja"}, "'acute' must be true or false"),
    ({"gap": 365}, "unknown setting 'gap'"),
    ([365], "must be a set of settings"),
])
def test_wrong_settings_are_named(raw, message):
    rule, problems = visit_types.parse_rule(raw, "m.yml")
    assert rule is None and any(message in p.message for p in problems), problems


def write_mapping(folder, **settings):
    path = folder / f"mapping_{len(list(folder.glob('mapping_*')))}.yml"
    path.write_text(yaml.safe_dump({"derive_visit_type": settings}), encoding="utf-8")
    return path


LPR3_COLUMNS = ["Kontakt ID", "Patient", "Dato", "Sygehus", "Speciale", "Sektor", "Kontaktform", "Køn", "Alder"]


def test_the_column_plan_asks_for_the_visit_type_only_without_a_derivation(tmp_path):
    problems = plan_columns(LPR3_COLUMNS, load_mapping(), "v.csv").problems
    assert len(problems) == 1 and "derive_visit_type" in problems[0].hint
    assert plan_columns(LPR3_COLUMNS, load_mapping(write_mapping(tmp_path)), "v.csv").problems == []
    both = plan_columns([*LPR3_COLUMNS, "Besøgstype"], load_mapping(write_mapping(tmp_path)), "v.csv").problems
    assert len(both) == 1 and "asks to derive them" in both[0].message and both[0].column == "Besøgstype"
    with pytest.raises(InputError, match="unknown setting 'gap'"):
        load_mapping(write_mapping(tmp_path, gap=30))


def lpr3_csv(path):
    """A small CSV as an LPR3 export: Danish headers, dates with a time of day, no visit type."""
    rows = [("1", "A", "05-01-2022 08:15"), ("2", "A", "01-07-2022 10:00"), ("3", "A", "10-01-2023 09:30"),
            ("4", "B", "01-02-2023 13:45"), ("5", "B", "01-04-2023 11:00"), ("6", "C", "15-03-2022 08:00"),
            ("7", "C", "02-05-2023 14:30"), ("8", "D", "01-06-2023 08:00")]
    df = pd.DataFrame(rows, columns=["Kontakt ID", "Patient", "Dato"])
    df["Dato"] = pd.to_datetime(df["Dato"], format="%d-%m-%Y %H:%M").dt.strftime("%Y-%m-%d %H:%M:%S")
    df = df.assign(Sygehus="Odense Universitetshospital", Speciale="Intern medicin: kardiologi", Sektor="Somatik",
                   Kontaktform="Fremmøde", Køn="K", Alder=61)
    df.to_csv(path, sep=";", index=False, encoding="utf-8")
    return path


def test_the_staging_derives_the_types_and_records_how(tmp_path):
    source = lpr3_csv(tmp_path / "lpr3.csv")
    result = ingest.ingest(source, PERIOD, tmp_path / "staged.parquet", load_mapping(write_mapping(tmp_path)))
    staged = pd.read_parquet(tmp_path / "staged.parquet").set_index(s.VISIT_ID)
    assert staged[s.VISIT_TYPE].astype(str).to_dict() == {"3": "follow_up", "4": "assessment", "5": "follow_up",
                                                          "7": "assessment", "8": "assessment"}
    assert isinstance(staged[s.VISIT_TYPE].dtype, pd.CategoricalDtype)  # typed as the staging types labels
    assert result.rows == 8 and result.span == ["2023-01-10", "2023-06-01"]
    derived = result.derived
    assert derived["rule"] == {"gap_days": 365, "run_in_months": 12, "within": "hospital", "referral": True,
                               "acute": True}
    assert (derived["run_in"], derived["run_in_visits"], derived["first_visits"]) == (["2022-01", "2022-12"], 3, 3)
    assert derived["reasons"]["gap"] == 1  # patient C: last seen 14 months before
    assert ingest.IngestResult.from_json(result.to_json()).derived == derived
    assert visit_types.analysed_period(result) == ("2023-01-01", "2024-12-31")
    text = visit_types.section_text(derived, "da")
    assert "**3** af de 5 besøg efter indkøringen (60,0 %) blev førstegangsbesøg" in text
    assert "De første **12 måneder** (januar 2022 til december 2022: 3 besøg) er indkøring" in text
    assert "på samme hospital" in text and "mere end **365 dage**" in text
    assert "`" not in text  # the settings as the mapping file writes them: in the footer, for the analyst
    assert "derive_visit_type: gap_days: 365, run_in_months: 12" in visit_types.footer(result, "da")[1]
    assert visit_types.note(result, "en").startswith("The visit types were derived from the contacts")


def test_the_cache_key_follows_the_derivation_settings(tmp_path, cache_dir):
    source = lpr3_csv(tmp_path / "lpr3.csv")
    first = pipeline.prepare(str(source), "2022-01-01", "2024-12-31", str(write_mapping(tmp_path)))
    again = pipeline.prepare(str(source), "2022-01-01", "2024-12-31", str(write_mapping(tmp_path)))
    other = pipeline.prepare(str(source), "2022-01-01", "2024-12-31", str(write_mapping(tmp_path, gap_days=450)))
    assert again.cache.used and again.cache.key == first.cache.key  # the same settings, another file name
    assert not other.cache.used and other.cache.key != first.cache.key
    assert (first.ingest.derived["reasons"]["gap"], other.ingest.derived["reasons"]["gap"]) == (1, 0)
    shorter = pipeline.prepare(str(source), "2022-01-01", "2024-12-31", str(write_mapping(tmp_path, run_in_months=6)))
    assert shorter.ingest.derived["run_in"] == ["2022-01", "2022-06"]
    activity = shorter.aggregates.activity
    assert set(activity[s.VISIT_TYPE]) == {"assessment", "follow_up"} and activity[s.VISITS].sum() == 6


def test_first_visits_piling_up_at_the_start_of_an_inputs_own_types_are_warned_of(small_region):
    months = pd.date_range("2023-01-01", periods=24, freq="MS")
    monthly = pd.DataFrame({s.MONTH: months.repeat(2), s.VISIT_TYPE: ["assessment", "follow_up"] * 24,
                            s.VISITS: [v for i in range(24) for v in ((300, 700) if i < 6 else (150, 850))]})
    assert visit_types.edge_text(monthly, "en").startswith("**Warning:** the share of first visits is 2.0 times")
    small = monthly.assign(**{s.VISITS: [v for i in range(24) for v in ((2, 8) if i < 6 else (1, 9))]})
    assert visit_types.edge_text(small, "en") == ""
    bundled = pipeline.prepare(str(small_region))
    assert visit_types.note(bundled.ingest, "da", bundled.aggregates.monthly) == ""
