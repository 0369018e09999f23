"""A monthly workbook as a BI portal exports it, run with nothing but a mapping file: Excel (.xlsx),
Danish headers, the year and the month in two columns (`År`, and `Måned` as Danish month names
or as numbers 1-12), counts as numbers. The BI-style extract of the small synthetic region
(synthetic.write_bi_extract, monthly) is written so; the notebooks that aggregated data can
answer publish, and the months come out as the CSV extract's."""
from __future__ import annotations

import json

import pandas as pd
import pytest
import yaml

from analysis.base import config
from analysis.base import schema as s
from analysis.engine import pipeline
from analysis.running import runner
from analysis.running.synthetic import write_bi_extract

pytestmark = pytest.mark.suite  # runs notebooks or the whole pipeline: `make test`, not `make check`

MONTH_NAMES = ["januar", "februar", "marts", "april", "maj", "juni", "juli", "august", "september", "oktober",
               "november", "december"]
# what is the workbook's own: 00 reads it (file, sheet, columns) and 06 draws its months; every
# notebook on the same extract as CSV runs in test_bi_extract, from the same aggregates
NOTEBOOKS = ("00_data_quality", "06_monitoring")
PERIOD = ("2023-01-01", "2025-12-31")


def as_workbook(extract, path, months: str = "names"):
    """The CSV extract (Windows-1252, `;`, `Måned` as 2024-03) as a workbook with `År` and `Måned`
    (Danish month names, or numbers) and numbers as numbers."""
    df = pd.read_csv(extract, sep=";", encoding="cp1252", thousands=".", decimal=",", dtype={"Måned": str})
    month = pd.to_datetime(df["Måned"] + "-01")
    df["År"] = month.dt.year
    df["Måned"] = [MONTH_NAMES[m - 1] for m in month.dt.month] if months == "names" else month.dt.month
    df.to_excel(path, index=False, sheet_name="Ambulante besøg")
    return path


@pytest.fixture(scope="module")
def workbook(small_region, tmp_path_factory):
    folder = tmp_path_factory.mktemp("workbook")
    extract = write_bi_extract(small_region, folder / "bi_extract.csv", monthly=True)
    return as_workbook(extract, folder / "bi_extract.xlsx"), extract


def test_year_and_month_columns_give_the_months_of_the_csv_extract(workbook, tmp_path, cache_dir):
    book, extract = workbook
    mapping = str(extract.with_name("bi_extract_mapping.yml"))
    numbers = as_workbook(extract, tmp_path / "numbers.xlsx", months="numbers")
    monthly = {name: pipeline.prepare(str(src), *PERIOD, mapping).aggregates.monthly
               for name, src in (("names", book), ("numbers", numbers), ("csv", extract))}
    key = [s.MONTH, s.HOSPITAL, s.SPECIALTY, s.VISIT_TYPE, s.CONTACT_MODE]
    for name in ("names", "numbers"):
        got = monthly[name].groupby(key, observed=True)[s.VISITS].sum()
        assert got.equals(monthly["csv"].groupby(key, observed=True)[s.VISITS].sum()), name
    truth = json.loads(extract.with_name("bi_extract_truth.json").read_text(encoding="utf-8"))
    assert monthly["names"][s.VISITS].sum() == truth["visits"]
    assert monthly["names"][s.MONTH].nunique() == 36


def test_the_workbook_runs_with_only_a_mapping(workbook, tmp_path, cache_dir):
    book, extract = workbook
    run = yaml.safe_load(config.resolve("runs/bi_extract.yml").read_text(encoding="utf-8"))
    run |= {"source": str(book), "mapping": str(extract.with_name("bi_extract_mapping.yml")),
            "output": str(tmp_path / "reports"), "output_outside_project": True, "jobs": 1,
            "notebooks": [n for n in run["notebooks"] if (n if isinstance(n, str) else n["name"]) in NOTEBOOKS]}
    declared = {p for name in NOTEBOOKS for p in runner.notebook_parameters(name)}
    run["parameters"] = {k: v for k, v in run["parameters"].items() if k in declared}  # the others' would be refused
    path = tmp_path / "run.yml"
    path.write_text(yaml.safe_dump(run, allow_unicode=True), encoding="utf-8")
    cfg, params = runner.load_config(path, data=True, echo=lambda *_: None)
    outcome = runner.run(cfg, params, echo=lambda *_: None)
    assert outcome.ok, outcome.problems
    pages = sorted(p.stem for p in outcome.run_dir.glob("*.html") if p.name != "index.html")
    assert pages == sorted(NOTEBOOKS)
    quality = (outcome.run_dir / "00_data_quality.html").read_text(encoding="utf-8")
    assert "bi_extract.xlsx" in quality and "Ã" not in quality
    assert "<img" in (outcome.run_dir / "06_monitoring.html").read_text(encoding="utf-8"), "monthly control charts"
