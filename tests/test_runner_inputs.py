"""A run on a real extract: the reading options flow from the run configuration, and a bad input
stops the run with its message and leaves the published reports (reports/latest) unchanged."""
from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest
import yaml
from test_ingest_extracts import bi_extract

from analysis.base import config as project_config
from analysis.base.problems import InputError
from analysis.running import runner

pytestmark = pytest.mark.suite  # runs notebooks or the whole pipeline: `make test`, not `make check`


def config(path: Path, **values) -> Path:
    base = {"period_start": "2024-01-01", "period_end": "2024-12-31", "jobs": 1, "notebooks": ["00_data_quality"],
            "output_outside_project": True}  # the reports go to the test's temporary folder
    path.write_text(yaml.safe_dump({**base, **values}, allow_unicode=True), encoding="utf-8")
    return path


@pytest.fixture(scope="module", autouse=True)
def private_cache(cache_dir):
    """Validated inputs are cached in the test's folder, not in the checkout (the kernels get it
    from the environment, this process from the module attribute)."""
    saved = project_config.CACHE_DIR
    project_config.CACHE_DIR = cache_dir
    yield
    project_config.CACHE_DIR = saved


@pytest.fixture(scope="module")
def published(tmp_path_factory):
    """A good run of the data-quality report on a workbook with the data on its second sheet."""
    folder = tmp_path_factory.mktemp("published")
    src = folder / "extract.xlsx"
    with pd.ExcelWriter(src) as xl:
        pd.DataFrame({"Om udtrækket": ["Ambulant aktivitet"]}).to_excel(xl, sheet_name="Forside", index=False)
        bi_extract().to_excel(xl, sheet_name="Data", index=False, startrow=1)
    cfg, params = runner.load_config(config(folder / "run.yml", source=str(src), output=str(folder / "reports"),
                                            sheet="Data", header_row=2))
    outcome = runner.run(cfg, params, echo=lambda *_: None)
    assert outcome.ok, outcome.problems
    return folder


def snapshot(reports: Path) -> tuple[Path, dict[str, bytes]]:
    latest = reports / "latest"
    return latest.resolve(), {p.name: p.read_bytes() for p in latest.resolve().glob("*.html")}


def test_the_sheet_and_header_row_reach_the_report(published):
    text = (published / "reports" / "latest" / "00_data_quality.html").read_text(encoding="utf-8")
    assert "Arket <strong>Data</strong> blev læst" in text and "Overskriftsrækken er række 2" in text


def test_reading_options_are_run_configuration_keys(tmp_path):
    cfg, params = runner.load_config(config(tmp_path / "r.yml", sheet="Data", header_row=3))
    assert (cfg.sheet, cfg.header_row) == ("Data", 3)
    assert params["00_data_quality"]["sheet"] == "Data" and params["00_data_quality"]["header_row"] == 3
    cfg, params = runner.load_config(config(tmp_path / "r.yml"))
    assert all(p["sheet"] == "" and p["header_row"] == 0 for p in params.values()), "every notebook reads alike"
    with pytest.raises(runner.ConfigError, match="header_row"):
        runner.load_config(config(tmp_path / "r.yml", header_row=-1))


def test_a_cpr_shaped_hospital_name_stops_the_check_and_is_masked(tmp_path):
    from test_ingest import DANISH

    visits = DANISH.assign(Dato=["01-02-2023", "15-03-2024", "02-02-2024"],
                           Sygehus=["Regionshospitalet Randers", "Regionshospitalet Randers", "0102031234"])
    visits.to_csv(tmp_path / "visits.csv", sep=";", index=False)
    said = []
    with pytest.raises(runner.ConfigError) as e:
        runner.load_config(config(tmp_path / "r.yml", source=str(tmp_path / "visits.csv"),
                                  period_start="2023-01-01"), data=True, echo=said.append)
    told = str(e.value) + "\n".join(said)
    assert "column 'hospital' holds 1 name(s) shaped like a CPR number, e.g. '010203-****'" in told
    assert "0102031234" not in told


def misspelt(folder: Path) -> Path:
    df = bi_extract()
    slips = df[df["Sygehus"] == "Regionshospitalet Horsens"].iloc[[0, 1]].assign(Sygehus="Regionshopsitalet Horsens")
    pd.concat([df, slips]).to_csv(folder / "bad.csv", sep=";", index=False)
    return folder / "bad.csv"


def empty(folder: Path) -> Path:
    (folder / "bad.csv").write_bytes(b"")
    return folder / "bad.csv"


def header_only(folder: Path) -> Path:
    (folder / "bad.csv").write_text(";".join(bi_extract().columns) + "\n", encoding="utf-8")
    return folder / "bad.csv"


@pytest.mark.parametrize("bad,options,expected", [
    (misspelt, {}, "column 'Sygehus' (contract column 'hospital'), rows 201, 202: 'Regionshopsitalet Horsens' is rare"),
    (empty, {}, "bad.csv: the file is empty (0 bytes)"),
    (header_only, {}, "but no data rows"),
    (header_only, {"sheet": "Data"}, "but no data rows"),  # a sheet option on a CSV file is not used
])
def test_a_bad_input_stops_the_run_and_leaves_the_published_reports(published, tmp_path, bad, options, expected):
    reports = published / "reports"
    before = snapshot(reports)
    cfg, params = runner.load_config(config(tmp_path / "r.yml", source=str(bad(tmp_path)), output=str(reports),
                                            **options))
    with pytest.raises(InputError) as err:
        runner.run(cfg, params, echo=lambda *_: None)
    assert len(err.value.problems) == 1 and expected in str(err.value)
    assert "Fix:" in str(err.value)
    assert snapshot(reports) == before
    assert not [p for p in (reports / "runs").iterdir() if p.name.endswith((".partial", ".failed"))]


def test_a_wrong_sheet_in_the_run_configuration_is_named(published, tmp_path):
    reports = published / "reports"
    before = snapshot(reports)
    cfg, params = runner.load_config(config(tmp_path / "r.yml", source=str(published / "extract.xlsx"),
                                            output=str(reports), sheet="Ark1"))
    with pytest.raises(InputError, match="no sheet 'Ark1'; its sheets are: Forside, Data"):
        runner.run(cfg, params, echo=lambda *_: None)
    assert snapshot(reports) == before
