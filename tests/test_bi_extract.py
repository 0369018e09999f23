"""The whole suite on the BI-style extract of the synthetic region, as `runs/bi_extract.yml` runs
it: Windows-1252, `;`, thousands dots, decimal commas, Danish headers, a value column at the
region's own prices, split cells, a unit renamed after the first year, cells under 5 and a month
column, read with nothing but the mapping file written beside it (the rename). Every notebook
must publish, and the planted differences, the key and the prices must come out right."""
from __future__ import annotations

import html
import json
import re
from pathlib import Path

import pandas as pd
import pytest
import yaml
from reader import not_for_a_reader

from analysis.analyses import savings_key
from analysis.base import config
from analysis.running import runner
from analysis.running.synthetic import generate, write_bi_extract

pytestmark = pytest.mark.suite  # runs notebooks or the whole pipeline: `make test`, not `make check`

SCALE = 0.05  # about 100,000 visits a year: the planted differences stand out of the noise


@pytest.fixture(scope="module")
def bi_run(tmp_path_factory, cache_dir):
    folder = tmp_path_factory.mktemp("bi")
    extract = write_bi_extract(generate(folder / "visits.parquet", scale=SCALE), folder / "bi_extract.csv",
                               monthly=True)
    run = yaml.safe_load(config.resolve("runs/bi_extract.yml").read_text(encoding="utf-8"))
    run |= {"source": str(extract), "mapping": str(extract.with_name("bi_extract_mapping.yml")),
            "output": str(folder / "reports"), "output_outside_project": True, "jobs": 2,
            "parameters": {**run["parameters"], "draws": 40}}  # 03's interval: 40 draws do for what is read here
    path = folder / "run.yml"
    path.write_text(yaml.safe_dump(run, allow_unicode=True), encoding="utf-8")
    cfg, params = runner.load_config(path, data=True, echo=lambda *_: None)
    outcome = runner.run(cfg, params, echo=lambda *_: None)
    assert outcome.ok, outcome.problems
    truth = json.loads(extract.with_name("bi_extract_truth.json").read_text(encoding="utf-8"))
    return outcome.run_dir, truth


def table(run_dir: Path, pattern: str) -> pd.DataFrame:
    """One exported table (Danish Excel CSV) of the run, by file name pattern."""
    (path,) = (run_dir / "tables").glob(pattern)
    return pd.read_csv(path, sep=";", decimal=",", encoding="utf-8-sig")


def test_every_notebook_publishes(bi_run):
    run_dir, _ = bi_run
    manifest = json.loads((run_dir / "manifest.json").read_text(encoding="utf-8"))
    pages = sorted(p.name for p in run_dir.glob("*.html") if p.name != "index.html")
    hospitals = {"Aarhus Universitetshospital", "Hospitalsenhed Midt", "Hospitalsenheden Vest",
                 "Regionshospitalet Horsens", "Regionshospitalet Randers", "Psykiatrien i Region Midtjylland"}
    suite = [n for n in yaml.safe_load((config.PROJECT_ROOT / "runs" / "bi_extract.yml").read_text(encoding="utf-8"))[
        "notebooks"] if not (isinstance(n, dict) and n.get("per"))]
    assert len(pages) == len(suite) + len(hospitals), pages  # the renamed unit is one hospital, not two
    assert sorted(r["html"] for r in manifest["notebooks"]) == pages
    monitoring = (run_dir / "06_monitoring.html").read_text(encoding="utf-8")
    assert "<img" in monitoring, "the month column feeds the control charts"


def test_no_page_shows_an_iso_date_a_parameter_a_file_path_or_a_library(bi_run):
    """As on the default run (test_reader_text), here on monthly counts."""
    assert not (found := not_for_a_reader(bi_run[0])), found


def test_the_planted_high_follow_up_units_are_flagged_and_ringed(bi_run):
    run_dir, truth = bi_run
    outliers = table(run_dir, "02_variation_01_*.csv")
    high = outliers[outliers["Vurdering"].str.startswith("højt")]
    flagged = set(zip(high["Hospital"], high["Speciale"]))
    assert truth["planted"]["follow_up_rate"], "the extract plants no high follow-up unit to find"
    for unit in truth["planted"]["follow_up_rate"]:
        assert (unit["hospital"], unit["specialty"]) in flagged
        page = next(p for p in run_dir.glob("05_hospital_*.html")
                    if f"<h1>{unit['hospital']}</h1>" in p.read_text(encoding="utf-8"))
        text = re.sub(r"<[^>]+>", "", page.read_text(encoding="utf-8"))
        assert f"{unit['hospital']}, {unit['specialty']}:" in text, "named among the drill-down's outliers"


def test_the_key_splits_the_target_exactly_between_the_somatic_hospitals(bi_run):
    run_dir, _ = bi_run
    key = table(run_dir, "04_savings_key_01_*.csv")
    assert key["Andel af besparelsen (kr.)"].sum() == savings_key.DEFAULT_TARGET_DKK
    assert "Psykiatrien i Region Midtjylland" not in set(key["Hospital"])
    assert len(key) == 5


def test_the_regions_own_prices_from_the_value_column_are_used(bi_run):
    run_dir, truth = bi_run
    prices = table(run_dir, "00_data_quality_*_Regionens_egne_priser*.csv")
    follow_up = prices[(prices["Besøgstype"] == "Kontrol") & (prices["Kontaktform"] == "Fremmøde")]
    own = next(p["own_dkk"] for p in truth["prices"]
               if p["specialty"] == "" and p["visit_type"] == "follow_up" and p["contact_mode"] == "in_person")
    assert own == 1350 and follow_up["Egen pris pr. besøg (kr.)"].round(2).eq(own).all()
    for page in ("03_reduction_potential.html", "04_savings_key.html", "07_follow_up.html"):
        text = (run_dir / page).read_text(encoding="utf-8")
        assert "regionens egne gennemsnitspriser fra værdikolonnen" in text
        assert "taksttabellen for alle besøg" not in text


def test_small_counts_appear_only_as_suppressed(bi_run):
    run_dir, truth = bi_run
    assert truth["small_cells"] > 0
    pages = sorted(run_dir.glob("*.html"))
    assert pages
    for page in pages:
        cells = re.findall(r'class="num count">([^<]*)<', page.read_text(encoding="utf-8"))
        shown = [c for c in cells if c.replace(".", "").isdigit()]
        assert not [c for c in shown if 0 < int(c.replace(".", "")) < 5], page.name


def test_the_follow_up_on_the_extract_leaves_its_lagged_months_out(bi_run):
    run_dir, truth = bi_run
    text = re.sub(r"<[^>]+>", "", (run_dir / "07_follow_up.html").read_text(encoding="utf-8"))
    assert "november og december 2025" in text and "ikke fuldt registreret" in text
    assert "7 fuldt registrerede måneder: april 2025 til oktober 2025" in text
    status = table(run_dir, "07_follow_up_01_*.csv")
    assert len(status) == 5 and set(status["Signal"]) <= {"foran", "på sporet", "bagud"}


def test_the_population_report_says_what_it_needs_on_an_extract(bi_run):
    run_dir, _ = bi_run
    text = re.sub(r"<[^>]+>", "", (run_dir / "09_population.html").read_text(encoding="utf-8"))
    assert "kræver borgernes bopælskommune" in text


def test_the_reduction_potential_leaves_out_the_measured_idea_and_says_why(bi_run):
    """The PRO idea takes its share of the calendar-booked follow-ups, which need visit-level
    data: on the extract it is not counted, and the report says so in plain words."""
    run_dir, _ = bi_run
    text = html.unescape(re.sub(r"<[^>]+>", "", (run_dir / "03_reduction_potential.html").read_text(encoding="utf-8")))
    assert ("Idéen “PRO-baseret opfølgning (AmbuFlex) i kroniske forløb” bygger på en målt størrelse "
            "(kalenderbookede kontroller), som kræver data på besøgsniveau; den er ikke regnet med.") in text
    ideas = table(run_dir, "03_reduction_potential_01_*.csv")
    assert not ideas["Forandringsidé"].str.startswith("PRO-baseret").any()
    assert set(ideas["Andelen bygger på"]) <= {"antaget", "målt: besøg over benchmark"}
