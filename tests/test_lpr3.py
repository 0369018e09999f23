"""The whole suite on an LPR3-style extract no one tuned it for (tests/lpr3.py): another region's
hospitals, specialty and municipality names, Danish export headers, contact start with a time of
day, patients in courses that began years before the extract, no visit type, patients of unknown
sex or age, patients numbered 1..N and a few rows in another encoding. A run file with the
mapping file (two columns named, `derive_visit_type`), the region's population table and its
change ideas runs every notebook. The visit types are derived with a run-in, 00 says how and
counts what is rough, 06 and 07 find the follow-ups dropped at the planted hospitals and nothing
where nothing was planted, 09 shows every municipality, and no page garbles æ, ø or å."""
from __future__ import annotations

import html
import json
import re

import lpr3
import pandas as pd
import pytest
import yaml
from reader import not_for_a_reader

from analysis.analyses import budget, follow_up, reduction
from analysis.base import schema as s
from analysis.engine import completeness, pipeline
from analysis.inputs import visit_types
from analysis.running import runner

pytestmark = pytest.mark.suite  # runs notebooks or the whole pipeline: `make test`, not `make check`

PERIOD = ("2021-01-01", "2024-12-31")
DECISION = lpr3.DECISION.isoformat()
PROFILE = {2024: 0, 2025: 700_000}  # a small region's share of a requirement, DKK a year
TARGET = {"target_dkk": 700_000}  # the same requirement for 03, 04 and 05: set on 04, the others take it
FOLLOW_UP = {"decision_date": DECISION, "baseline_months": 24}


YEAR = {"year": 2023}  # the last whole year before the decision


@pytest.fixture(scope="module")
def lpr3_run(tmp_path_factory, cache_dir):
    """Every notebook on the extract, from a run file with the mapping file and the two reference
    files another region must bring: its population table (09) and its change ideas in its own
    specialty names (03, 04, 05, 07)."""
    folder = tmp_path_factory.mktemp("lpr3")
    extract = lpr3.write_lpr3(folder)
    ideas = {"scenario_file": str(folder / "lpr3_scenarios.yml")}
    run = {"title": "Ambulant aktivitet, Region Syddanmark (LPR3)", "source": str(extract),
           "mapping": str(folder / "lpr3_mapping.yml"), "period_start": PERIOD[0], "period_end": PERIOD[1],
           "language": "da", "output": str(folder / "reports"), "output_outside_project": True, "jobs": 1,
           "notebooks": ["00_data_quality",
                         {"name": "01_activity_overview", "parameters": YEAR},
                         {"name": "02_variation", "parameters": YEAR},
                         {"name": "03_reduction_potential", "parameters": {**YEAR, **ideas, "draws": 40}},
                         {"name": "04_savings_key", "parameters": {**YEAR, **ideas, **TARGET}},
                         {"name": "05_hospital", "per": "hospital", "parameters": {**YEAR, **ideas}},
                         {"name": "06_monitoring", "parameters": FOLLOW_UP},
                         {"name": "07_follow_up", "parameters": {**FOLLOW_UP, **ideas, "target_profile": PROFILE,
                                                                 "year": 2023}},
                         {"name": "08_pathways", "parameters": YEAR},
                         {"name": "09_population", "parameters": {
                             **YEAR, "population_file": str(folder / "lpr3_population.csv")}}]}
    path = folder / "run.yml"
    path.write_text(yaml.safe_dump(run, allow_unicode=True), encoding="utf-8")
    cfg, params = runner.load_config(path, data=True, echo=lambda *_: None)
    outcome = runner.run(cfg, params, echo=lambda *_: None)
    assert outcome.ok, outcome.problems
    truth = json.loads((folder / "lpr3_truth.json").read_text(encoding="utf-8"))
    prep = pipeline.prepare(str(extract), *PERIOD, str(folder / "lpr3_mapping.yml"))  # what the run validated
    return outcome.run_dir, truth, prep, folder


def test_the_shipped_scenario_files_names_stop_the_check_with_did_you_mean(lpr3_run):
    """The shipped ideas name 'Kardiologi'; this region writes 'Intern medicin: kardiologi'."""
    *_, folder = lpr3_run
    run = yaml.safe_load((folder / "run.yml").read_text(encoding="utf-8"))
    for notebook in run["notebooks"]:
        if isinstance(notebook, dict):
            notebook.get("parameters", {}).pop("scenario_file", None)
    path = folder / "shipped_ideas.yml"
    path.write_text(yaml.safe_dump(run, allow_unicode=True), encoding="utf-8")
    with pytest.raises(runner.ConfigError) as e:
        runner.load_config(path, data=True, echo=lambda *_: None)
    assert "specialty: 'Kardiologi' (idea 'Faste kontroller uden klinisk indikation udgår'" in str(e.value)
    assert "did you mean 'Intern medicin: kardiologi'?" in str(e.value)


def text_of(run_dir, page: str) -> str:
    return html.unescape(re.sub(r"<[^>]+>", "", (run_dir / page).read_text(encoding="utf-8")))


def table(run_dir, pattern: str) -> pd.DataFrame:
    (path,) = (run_dir / "tables").glob(pattern)
    return pd.read_csv(path, sep=";", decimal=",", encoding="utf-8-sig")


def test_the_extract_is_as_lpr3_gives_it():
    extract, truth = lpr3.generate()
    assert 20_000 <= len(extract) <= 50_000 and truth["visits"] == len(extract)
    assert not {"Besøgstype", "visit_type"} & set(extract.columns)
    assert extract["Kontaktstart"].str.fullmatch(r"\d{4}-\d\d-\d\d \d\d:\d\d:\d\d").all()
    assert set(extract["Sygehus"]) == set(lpr3.HOSPITALS)
    ids = extract["Løbenummer"].astype(int)
    assert ids.min() == 1 and ids.max() == ids.nunique()  # a counter 1..N
    assert 0 < truth["unknown_sex"] == (extract["Køn"] == "Ukendt").sum() < len(extract) // 20
    assert 0 < truth["no_age"] == extract["Alder ved kontaktstart"].isna().sum()
    assert set(extract["Bopælskommune"]) == set(lpr3.MUNICIPALITIES) and len(lpr3.MUNICIPALITIES) == 22
    assert "Pseudo CPR" in lpr3.generate(numeric_ids=False)[0].columns


def test_every_notebook_publishes_on_another_regions_names(lpr3_run):
    run_dir, _, _, _ = lpr3_run
    pages = sorted(p.name for p in run_dir.glob("*.html") if p.name != "index.html")
    assert len(pages) == 9 + len(lpr3.HOSPITALS), pages
    drill_downs = [text_of(run_dir, p) for p in pages if p.startswith("05_hospital")]
    assert sorted(next(h for h in lpr3.HOSPITALS if h in page) for page in drill_downs) == sorted(lpr3.HOSPITALS)


def test_no_page_garbles_a_danish_letter(lpr3_run):
    """The rows written in Windows-1252 are read as such: no page shows UTF-8 read as Windows-1252
    ('Ã¸'), a replacement character, or a hospital or municipality spelt apart."""
    run_dir, _, _, _ = lpr3_run
    for page in run_dir.glob("*.html"):
        text = page.read_text(encoding="utf-8")
        assert "Ã" not in text and "\ufffd" not in text and "&#65533;" not in text, page.name
    assert "Sygehus Sønderjylland" in text_of(run_dir, "04_savings_key.html")


def test_no_page_shows_an_iso_date_a_parameter_a_file_path_or_a_library(lpr3_run):
    """As on the default run (test_reader_text), here with derived visit types and another
    region's reference tables."""
    assert not (found := not_for_a_reader(lpr3_run[0])), found


def test_00_counts_what_is_rough_in_the_extract(lpr3_run):
    run_dir, truth, prep, _ = lpr3_run
    text = text_of(run_dir, "00_data_quality.html")
    bad = truth["bad_byte_rows"]
    notes = {note["key"]: note for note in prep.ingest.notes}
    assert notes["bad_bytes"] == {"key": "bad_bytes", "n": len(bad), "rows": bad[:5], "columns": [
        "Sygehus", "Lægefagligt speciale", "Kontakttype", "Bopælskommune"]}
    rows = ", ".join(f"{r:,}".replace(",", ".") for r in bad[:5])
    assert f"{len(bad)} rækker har tegn, der ikke er gyldig UTF-8" in text and f"rækkerne {rows} og 7 flere" in text
    missing = table(run_dir, "00_data_quality_*_Valgfri_kolonner*.csv").set_index("Standardkolonne")
    assert missing.loc["Køn", "Manglende værdier"] == truth["unknown_sex"] == prep.ingest.missing["sex"]
    assert missing.loc["Alder", "Manglende værdier"] == truth["no_age"]
    labels = table(run_dir, "00_data_quality_*_Værdier_der_blev_oversat.csv")
    unknown = labels[labels["Værdi i filen"] == "Ukendt"].iloc[0]
    assert (unknown["Standardværdi"], unknown["Besøg"]) == ("Ukendt", truth["unknown_sex"])
    derived = table(run_dir, "00_data_quality_*_Udledte_besøgstyper*.csv").set_index("Udledt besøgstype")["Besøg"]
    assert derived.sum() == prep.ingest.derived["visits"]
    assert derived.drop("Kontrol").sum() == prep.ingest.derived["first_visits"]
    assert prep.ingest.rows == truth["visits"]  # the rows of unknown sex or age are kept


def test_the_sector_is_read_from_the_names_and_00_says_so(lpr3_run):
    run_dir, truth, prep, _ = lpr3_run
    extract, _ = lpr3.generate()
    psychiatry = int((extract["Sygehus"] == lpr3.PSYCHIATRY).sum())
    assert {k: v for k, v in next(n for n in prep.ingest.notes if n["key"] == "sector_from_names").items()
            if k != "rows"} == {"key": "sector_from_names", "n": psychiatry,
                                "specialties": sorted(lpr3.PSYCHIATRIC_SPECIALTIES)}
    assert "Filen har ingen kolonne for sektor, så sektoren er læst af navnene" in text_of(run_dir,
                                                                                       "00_data_quality.html")


def test_09_shows_every_municipality_and_leaves_the_unknown_sex_out_of_the_ratio(lpr3_run):
    run_dir, truth, _, _ = lpr3_run
    shown = table(run_dir, "09_population_01_*.csv")
    assert sorted(shown["Kommune"]) == sorted(truth["municipalities"]) and len(shown) == 22
    text = text_of(run_dir, "09_population.html")
    assert "besøg med ukendt køn eller alder er holdt uden for sammenligningen" in text
    assert "ikke står i befolkningstabellen" not in text  # every name matched


def test_the_visit_types_are_derived_with_a_run_in_and_00_says_so(lpr3_run):
    run_dir, truth, prep, _ = lpr3_run
    derived = prep.ingest.derived
    assert derived["run_in"] == ["2021-01", "2021-12"] and derived["analysed_from"] == "2022-01-01"
    assert derived["run_in_visits"] + derived["visits"] == truth["visits"] == prep.ingest.rows
    assert visit_types.warnings(derived) == []  # the share of first visits is level after the run-in
    assert set(prep.aggregates.activity[s.VISIT_TYPE]) == {"assessment", "follow_up"}
    assert prep.aggregates.monthly[s.MONTH].min() == pd.Timestamp("2022-01-01")  # no report sees the run-in
    text = text_of(run_dir, "00_data_quality.html")
    assert "Besøgstype udledt af kontakterne" in text
    first = f"{derived['first_visits']:,}".replace(",", ".")
    assert f"{first} af de {derived['visits']:,} besøg efter indkøringen".replace(",", ".") in text
    assert "De første 12 måneder (januar 2021 til december 2021" in text and "efter mere end 365 dage" in text
    assert "eller når det er akut" in text  # the priority column is used
    for page in ("06_monitoring.html", "07_follow_up.html"):
        assert "Besøgstyperne er udledt af kontakterne" in text_of(run_dir, page)
        assert "indgår ikke i rapporterne, som begynder i januar 2022" in text_of(run_dir, page)
    assert ("i perioden 1. januar 2022 til 31. december 2024 (januar 2021 til december 2021 er indkøring"
            in text_of(run_dir, "index.html"))


def planted_budget(truth: dict, months) -> pd.Series:
    """The budget effect of the follow-ups dropped in `months`, by hospital (DKK)."""
    cash = budget.cash_per_visit(budget.load_costs())
    dropped = pd.DataFrame(truth["dropped_follow_ups"])
    dropped = dropped[pd.to_datetime(dropped["month"] + "-01").isin(months)]
    value = dropped["visits"] * [cash[("follow_up", mode)] for mode in dropped["contact_mode"]]
    return value.groupby(dropped["hospital"]).sum()


def test_07_finds_the_planted_reduction(lpr3_run):
    run_dir, truth, prep, _ = lpr3_run
    monthly = prep.aggregates.monthly
    lag = completeness.assess(monthly, decision_date=DECISION, target_sectors=("somatic",))
    real = follow_up.realise(monthly, prep.prices(), DECISION, 24, lag.incomplete)  # as 07 computes it
    planted = planted_budget(truth, real.months)
    region = real.summary([], "budget").iloc[0]
    assert region["low"] <= planted.sum() <= region["high"], (region, planted.sum())
    assert region["low"] > 0  # a saving is really there
    by_hospital = real.summary([s.HOSPITAL], "budget").set_index(s.HOSPITAL)
    for hospital in lpr3.PLANTED:
        assert by_hospital.loc[hospital, "low"] <= planted[hospital] <= by_hospital.loc[hospital, "high"]
    for hospital in lpr3.UNTOUCHED:
        assert by_hospital.loc[hospital, "low"] <= 0 <= by_hospital.loc[hospital, "high"]
    rate = follow_up.run_rate(real, [], 6).iloc[0]
    page = text_of(run_dir, "07_follow_up.html")
    assert reduction.dkk_interval(rate["rate"], rate["low"], rate["high"], "da") in page  # the region's figure shown
    status = table(run_dir, "07_follow_up_01_*.csv").set_index("Hospital")["Signal"]
    assert set(status.index) == set(lpr3.PLANTED) | set(lpr3.UNTOUCHED)
    assert not status[list(lpr3.UNTOUCHED)].isin(["foran", "på sporet"]).any(), status
    assert not status[list(lpr3.PLANTED)].eq("bagud").any(), status


def test_06_sees_reductions_where_they_were_planted_and_no_rises(lpr3_run):
    run_dir, _, _, _ = lpr3_run
    signals = table(run_dir, "06_monitoring_01_*.csv")
    reductions = signals[signals["Signal"] == "reduktion"]
    assert set(reductions["Hospital"]) == set(lpr3.PLANTED)
    assert (reductions["Hospital"].value_counts() >= 2).all()
    assert not signals["Signal"].isin(["stigning"]).any(), signals


def test_without_a_run_in_the_left_edge_is_flagged(lpr3_run):
    """Deriving with no run-in counts every ongoing patient's first contact as a first visit: the
    first year's share of first visits is twice the later years', and the warnings say so."""
    _, _, prep, folder = lpr3_run
    mapping = yaml.safe_load((folder / "lpr3_mapping.yml").read_text(encoding="utf-8"))
    mapping["derive_visit_type"]["run_in_months"] = 0
    naive_mapping = folder / "naive_mapping.yml"
    naive_mapping.write_text(yaml.safe_dump(mapping, allow_unicode=True), encoding="utf-8")
    naive = pipeline.prepare(str(folder / "lpr3.csv"), *PERIOD, str(naive_mapping)).ingest.derived
    assert visit_types.warnings(naive) == ["vt_warn_no_run_in", "vt_warn_early"]
    shares = visit_types.by_year(naive).set_index(s.YEAR)["first_share"]
    assert shares[2021] > 2 * shares[2022]
    assert visit_types.early_ratio(prep.ingest.derived) < visit_types.EARLY_RATIO


def test_a_visit_type_derived_without_a_run_in_by_the_user_is_warned_of(lpr3_run):
    """The user trial: the visit type derived beforehand as the first contact per patient and
    specialty, and given as a column. The analysis cannot tell how it was made, but the first
    visits piling up in the first months show it, and the reports say so."""
    _, _, _, folder = lpr3_run
    extract = pd.read_csv(folder / "lpr3.csv", sep=";", encoding="utf-8", encoding_errors="replace",
                          dtype=str)
    first = ~extract.sort_values("Kontaktstart").duplicated(["Løbenummer", "Lægefagligt speciale"])
    extract["Besøgstype"] = first.reindex(extract.index).map({True: "Udredning", False: "Kontrol"})
    extract = extract[~extract.index.isin([r - 1 for r in json.loads(
        (folder / "lpr3_truth.json").read_text(encoding="utf-8"))["bad_byte_rows"]])]  # the user's tool dropped them
    extract.to_csv(folder / "naive.csv", sep=";", index=False, encoding="utf-8")
    mapping = {"columns": lpr3.mapping()["columns"]}
    (folder / "naive_columns.yml").write_text(yaml.safe_dump(mapping, allow_unicode=True), encoding="utf-8")
    naive = pipeline.prepare(str(folder / "naive.csv"), *PERIOD, str(folder / "naive_columns.yml"))
    assert not naive.ingest.derived
    note = visit_types.note(naive.ingest, "da", naive.aggregates.monthly)
    assert note.startswith("**Advarsel:** andelen af førstegangsbesøg er") and "indkøring (i mappingfilen" in note
