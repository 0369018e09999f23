"""The suite end to end on a small synthetic region: configuration checks fail fast, every
notebook runs with papermill, reports are self-contained and safe, and a failed run leaves
the published reports untouched."""
from __future__ import annotations

import html
import json
import re
import subprocess
import sys
import time
from pathlib import Path

import pytest
import yaml

from analysis.base import config
from analysis.inputs import parameters
from analysis.running import runner


def write_config(path: Path, **values) -> Path:
    path.write_text(yaml.safe_dump(values, allow_unicode=True), encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def base(small_region, tmp_path_factory):
    out = tmp_path_factory.mktemp("reports")
    return {"source": str(small_region), "output": str(out), "output_outside_project": True,
            "period_start": "2023-01-01", "period_end": "2025-12-31", "jobs": 2}


@pytest.fixture
def good_run(small_run):
    """Every notebook on the small region, the drill-down per hospital (conftest.small_run)."""
    return small_run.outcome


# --- configuration: checked before anything runs ----------------------------------------------
def test_a_typo_in_a_parameter_fails_with_a_suggestion(tmp_path, base):
    path = write_config(tmp_path / "r.yml", **base, notebooks=[
        {"name": "01_activity_overview", "parameters": {"top_specialities": 5}}])
    with pytest.raises(runner.ConfigError,
                       match="unknown parameter 'top_specialities'.*did you mean 'top_specialties'"):
        runner.load_config(path)


# --- the run file's parameters: block ---------------------------------------------------------
def test_a_run_wide_parameter_reaches_every_notebook_that_declares_it(tmp_path, base):
    path = write_config(tmp_path / "r.yml", **base, parameters={"year": 2023},
                        notebooks=["00_data_quality", "01_activity_overview", "02_variation"])
    _, params = runner.load_config(path)
    assert params["01_activity_overview"]["year"] == 2023 and params["02_variation"]["year"] == 2023
    assert "year" not in params["00_data_quality"]  # 00 declares no year


def test_a_notebooks_own_value_wins_over_the_run_wide_one(tmp_path, base):
    path = write_config(tmp_path / "r.yml", **base, parameters={"year": 2023}, notebooks=[
        "01_activity_overview", {"name": "02_variation", "parameters": {"year": 2024}}])
    _, params = runner.load_config(path)
    assert params["01_activity_overview"]["year"] == 2023 and params["02_variation"]["year"] == 2024


def test_a_run_wide_date_is_checked_and_given_as_a_date_to_every_notebook(tmp_path, base):
    path = write_config(tmp_path / "r.yml", **base, parameters={"decision_date": "2025-04-01"},
                        notebooks=["06_monitoring", "07_follow_up"])
    _, params = runner.load_config(path)
    assert params["06_monitoring"]["decision_date"] == params["07_follow_up"]["decision_date"] == "2025-04-01"
    bad = write_config(tmp_path / "bad.yml", **base, parameters={"decision_date": "2025-13-01"},
                       notebooks=["06_monitoring"])
    with pytest.raises(runner.ConfigError, match="decision_date"):
        runner.load_config(bad)


def test_a_run_wide_parameter_no_notebook_declares_fails_with_a_suggestion(tmp_path, base):
    path = write_config(tmp_path / "r.yml", **base, parameters={"yaer": 2024}, notebooks=["01_activity_overview"])
    with pytest.raises(runner.ConfigError, match=r"parameters: no notebook declares 'yaer' "
                                                 r"\(did you mean 'year'\?\)"):
        runner.load_config(path)


def test_a_run_wide_parameter_only_notebooks_left_out_use_is_a_note_not_a_stop(tmp_path, base):
    """A run file copied from the default one and cut down to 03 and 08 keeps its decision_date,
    which only other notebooks (00, 01, 05, 06, 07) use: a note, and the run goes on."""
    path = write_config(tmp_path / "r.yml", **base, parameters={"decision_date": "2025-04-01", "year": 2024},
                        notebooks=["03_reduction_potential", "08_pathways"])
    said = []
    cfg, params = runner.load_config(path, echo=said.append)
    assert params["08_pathways"]["year"] == 2024 and "decision_date" not in params["08_pathways"]
    assert any("'decision_date' is not used by this run's notebooks, only by " in s and "07_follow_up" in s
               and "left unused" in s for s in said), said


def test_running_a_part_of_a_run_keeps_the_run_wide_parameters_of_the_other_notebooks(tmp_path, base):
    path = write_config(tmp_path / "r.yml", **base, parameters={"year": 2023, "decision_date": "2025-04-01"},
                        notebooks=["04_savings_key", "07_follow_up"])
    _, params = runner.load_config(path, only=["04_savings_key"])  # 04 declares no decision_date; 07 does
    assert list(params) == ["04_savings_key"] and params["04_savings_key"]["year"] == 2023


def test_a_run_wide_value_of_the_wrong_type_is_named_with_the_notebook(tmp_path, base):
    path = write_config(tmp_path / "r.yml", **base, parameters={"year": "last"}, notebooks=["01_activity_overview"])
    with pytest.raises(runner.ConfigError, match="01_activity_overview.*year"):
        runner.load_config(path)


def test_a_top_level_key_in_the_parameters_block_is_sent_to_the_top(tmp_path, base):
    path = write_config(tmp_path / "r.yml", **base, parameters={"language": "en"})
    with pytest.raises(runner.ConfigError, match="'language' is a key of the run file itself"):
        runner.load_config(path)


def test_the_shipped_runs_set_the_analysis_year_once():
    for run in ("default", "default_en", "bi_extract"):
        text = (config.PROJECT_ROOT / "runs" / f"{run}.yml").read_text(encoding="utf-8")
        assert len(re.findall(r"^\s+year:", text, re.M)) == 1, run
        # the BI extract exists once `make data` wrote it: read the run as if on the bundled region
        cfg, params = runner.load_config(config.PROJECT_ROOT / "runs" / f"{run}.yml", {"source": "", "mapping": ""})
        years = {v["year"] for v in params.values() if "year" in v}
        assert years == {cfg.parameters["year"]}, run


@pytest.mark.parametrize("extra, expected", [
    ({"langauge": "da"}, "unknown key 'langauge' (did you mean 'language'?)"),
    ({"year": 2024}, "unknown key 'year'; a notebook parameter goes under 'parameters:'"),
    ({"notebooks": [{"name": "04_savings_key", "parameter": {"year": 2024}}]},
     "notebooks: 04_savings_key: unknown key 'parameter' (did you mean 'parameters'?)"),
    ({"notebooks": [{"name": "04_savings_key", "basis": "visits"}]},
     "notebooks: 04_savings_key: unknown key 'basis' (a notebook's entry takes name, parameters, per; "
     "a notebook parameter goes under 'parameters:')"),
])
def test_an_unknown_key_is_named_with_the_closest_one_or_where_it_belongs(tmp_path, base, extra, expected):
    with pytest.raises(runner.ConfigError) as err:
        runner.load_config(write_config(tmp_path / "r.yml", **{**base, **extra}))
    assert expected in str(err.value)


def test_a_reference_table_set_on_one_notebook_is_read_by_every_notebook_of_the_run(tmp_path, base):
    ideas = tmp_path / "ideas.yml"
    ideas.write_text((config.REFERENCE_DIR / "scenarios.yml").read_text(encoding="utf-8"), encoding="utf-8")
    path = write_config(tmp_path / "r.yml", **base, notebooks=[
        {"name": "03_reduction_potential", "parameters": {"scenario_file": str(ideas)}},
        "04_savings_key", "07_follow_up", "06_monitoring"])
    _, params = runner.load_config(path)
    assert params["04_savings_key"]["scenario_file"] == params["07_follow_up"]["scenario_file"] == str(ideas)
    assert "scenario_file" not in params["06_monitoring"]


def test_two_tariff_files_in_one_run_are_an_error(tmp_path, base):
    path = write_config(tmp_path / "r.yml", **base, notebooks=[
        {"name": "03_reduction_potential", "parameters": {"tariff_file": "data/reference/tariffs.csv"}},
        {"name": "04_savings_key", "parameters": {"tariff_file": "data/private/mine.csv"}}])
    with pytest.raises(runner.ConfigError, match="tariff_file differs between notebooks.*a reference table is one "
                                                 "for the whole run"):
        runner.load_config(path)


def test_a_run_file_with_an_unquoted_value_holding_a_colon_says_where_and_to_quote_it(tmp_path):
    path = tmp_path / "r.yml"
    path.write_text("period_start: 2024-01-01\ntitle: Ambulant aktivitet, Hospital: Syd  # the south\n",
                    encoding="utf-8")
    with pytest.raises(runner.ConfigError) as err:
        runner.load_config(path)
    assert str(err.value).startswith(f"{path}: 1 problem:\n")
    assert err.value.errors == [
        "not valid YAML at line 2, column 36: mapping values are not allowed here (the line reads: title: Ambulant "
        "aktivitet, Hospital: Syd  # the south); quote the value that holds ': ', here: title: \"Ambulant "
        "aktivitet, Hospital: Syd\" (unquoted, YAML reads its ': ' as the start of another key; a name used as a "
        "key is quoted the same way)"]


def test_a_run_file_indented_with_a_tab_says_to_use_spaces(tmp_path):
    path = tmp_path / "r.yml"
    path.write_text("notebooks:\n  - name: 04_savings_key\n\tparameters: {year: 2024}\n", encoding="utf-8")
    with pytest.raises(runner.ConfigError) as err:
        runner.load_config(path)
    assert "not valid YAML at line 3, column 1" in err.value.errors[0]
    assert err.value.errors[0].endswith("; indent with spaces, not tabs (YAML does not allow a tab in indentation)")


def test_a_parameter_of_the_wrong_type_fails(tmp_path, base):
    path = write_config(tmp_path / "r.yml", **base, notebooks=[
        {"name": "01_activity_overview", "parameters": {"year": "2024"}}])
    with pytest.raises(runner.ConfigError, match="'year' must be int, got '2024'"):
        runner.load_config(path)


def test_a_peers_value_other_than_region_or_national_fails_before_anything_runs(tmp_path, base):
    path = write_config(tmp_path / "r.yml", **base, notebooks=[
        {"name": "02_variation", "parameters": {"peers": "nordic"}},
        {"name": "03_reduction_potential", "parameters": {"peers": "national"}}])
    with pytest.raises(runner.ConfigError) as err:
        runner.load_config(path)
    assert err.value.errors == ["02_variation: parameter 'peers' must be one of region, national, got 'nordic'"]


def test_all_configuration_problems_are_reported_together(tmp_path, base):
    path = write_config(tmp_path / "r.yml", **{**base, "language": "de"}, colour="blue")
    with pytest.raises(runner.ConfigError) as err:
        runner.load_config(path)
    assert len(err.value.errors) == 2 and "language" in str(err.value) and "colour" in str(err.value)


def test_unknown_notebook_and_missing_source_fail(tmp_path, base):
    path = write_config(tmp_path / "r.yml", **{**base, "source": "nowhere.csv"}, notebooks=["99_magic"])
    with pytest.raises(runner.ConfigError) as err:
        runner.load_config(path)
    assert "file not found" in str(err.value) and "unknown notebook '99_magic'" in str(err.value)


@pytest.mark.suite
def test_the_command_line_rejects_a_bad_configuration_in_seconds(tmp_path, base):
    path = write_config(tmp_path / "r.yml", **base, notebooks=[
        {"name": "01_activity_overview", "parameters": {"yaer": 2024}}])
    start = time.perf_counter()
    proc = subprocess.run([sys.executable, "-m", "analysis", "run", "--config", str(path)],
                          capture_output=True, text=True, cwd=tmp_path)
    assert proc.returncode == 2 and "unknown parameter 'yaer'" in proc.stderr
    assert time.perf_counter() - start < 20


SECRET_URL = "postgresql://analyst:pa#ss/w?rd@dwh.example/region/visits"


def test_a_password_in_the_source_is_refused_before_anything_runs_and_never_shown(tmp_path):
    path = write_config(tmp_path / "r.yml", source=SECRET_URL, notebooks=["00_data_quality"])
    with pytest.raises(runner.ConfigError) as err:
        runner.load_config(path)
    assert "postgresql://analyst:****@dwh.example/region/visits" in str(err.value) and "PGPASSWORD" in str(err.value)
    assert "pa#ss" not in str(err.value) and "w?rd" not in str(err.value)


def test_a_password_in_a_url_of_another_scheme_is_refused_and_never_shown(tmp_path):
    # not a database this project reads, so it would be taken for a file: the message quoted its path
    path = write_config(tmp_path / "r.yml", source="mysql://analyst:pa#ss@dwh/region/visits",
                        notebooks=["00_data_quality"])
    with pytest.raises(runner.ConfigError) as err:
        runner.load_config(path)
    assert "pa#ss" not in str(err.value) and "mysql://analyst:****@dwh/region/visits" in str(err.value)


@pytest.mark.parametrize("title", ["Run on postgresql://analyst:S3cret@dwh/outpatient/t", "Rapport for 020304-5678"])
def test_a_title_with_a_password_or_a_cpr_number_is_refused(tmp_path, title):
    path = write_config(tmp_path / "r.yml", title=title, notebooks=["00_data_quality"])
    with pytest.raises(runner.ConfigError, match="a title is published") as err:
        runner.load_config(path)
    assert "S3cret" not in str(err.value) and "5678" not in str(err.value)


def test_the_command_line_never_prints_a_password(tmp_path, capsys):
    from analysis.running import cli

    path = write_config(tmp_path / "r.yml", source=SECRET_URL, notebooks=["00_data_quality"])
    assert cli.main(["run", "--config", str(path)]) == 2
    said = capsys.readouterr()
    assert "PGPASSWORD" in said.err and "pa#ss" not in said.err + said.out


def test_a_configuration_error_masks_cpr_numbers_and_passwords_whatever_it_quotes():
    err = runner.ConfigError("run.yml", ["02_variation: hospitals not in the regions table: 0102031234",
                                         f"source: {SECRET_URL}"])
    assert "010203-****" in str(err) and "0102031234" not in str(err) and "pa#ss" not in str(err)
    assert err.errors[0].endswith("010203-****")


def test_the_manifest_never_holds_a_password(tmp_path):
    from types import SimpleNamespace

    cfg = runner.RunConfig(source=SECRET_URL)
    ingest = SimpleNamespace(file=SECRET_URL, sha256="0" * 64, rows=10, kind="visits")
    prepared = SimpleNamespace(ingest=ingest, synthetic=False, cache=None)
    runner.write_manifest(tmp_path, cfg, {}, [], prepared, {"total": 1.0})
    text = (tmp_path / "manifest.json").read_text(encoding="utf-8")
    assert "pa#ss" not in text and "w?rd" not in text
    assert json.loads(text)["config"]["source"] == "postgresql://analyst:****@dwh.example/region/visits"


@pytest.mark.parametrize("output", ["../../etc", "reports/../../../etc"])
def test_an_output_that_climbs_out_of_the_project_is_refused(tmp_path, output):
    path = write_config(tmp_path / "r.yml", output=output, output_outside_project=True)
    with pytest.raises(runner.ConfigError) as err:
        runner.load_config(path)
    assert str(err.value).startswith(str(path))
    assert f"output: '{output}' climbs out of the project folder" in str(err.value)
    assert "output: reports" in str(err.value)  # the fix


def test_an_absolute_output_outside_the_project_needs_the_opt_in(tmp_path):
    path = write_config(tmp_path / "r.yml", output=str(tmp_path / "out"))
    with pytest.raises(runner.ConfigError) as err:
        runner.load_config(path)
    assert str(err.value).startswith(str(path)) and "output_outside_project: true" in str(err.value)


def test_with_the_opt_in_an_absolute_output_outside_the_project_is_accepted(tmp_path):
    path = write_config(tmp_path / "r.yml", output=str(tmp_path / "out"), output_outside_project=True,
                        notebooks=["00_data_quality"])
    cfg, _ = runner.load_config(path)
    assert config.resolve(cfg.output) == tmp_path / "out"


@pytest.mark.parametrize("output", ["reports", "reports/../elsewhere", str(config.PROJECT_ROOT / "reports")])
def test_an_output_inside_the_project_needs_no_opt_in(tmp_path, output):
    cfg, _ = runner.load_config(write_config(tmp_path / "r.yml", output=output, notebooks=["00_data_quality"]))
    assert cfg.output == output


def test_the_project_folder_itself_is_no_output(tmp_path):
    with pytest.raises(runner.ConfigError, match="the project folder itself"):
        runner.load_config(write_config(tmp_path / "r.yml", output="."))


@pytest.mark.parametrize("output", [".git", "analysis", "notebooks/out", "runs", "reports/latest"])
def test_the_projects_own_folders_are_no_output(tmp_path, output):
    with pytest.raises(runner.ConfigError, match="is inside the project's own"):
        runner.load_config(write_config(tmp_path / "r.yml", output=output))


def test_the_check_of_the_output_folder_creates_nothing(tmp_path):
    assert runner.check_output(tmp_path / "new" / "reports") is None
    assert not (tmp_path / "new").exists()


def test_every_notebook_declares_documented_typed_parameters():
    assert len(runner.available_notebooks()) >= 10
    for name in runner.available_notebooks():
        params = runner.notebook_parameters(name)
        assert set(parameters.COMMON) <= set(params), name
        for p, info in params.items():
            assert info["type"] in ("str", "int", "float", "bool", "list[str]", "list[int]", "list[float]",
                                    "dict"), (name, p)
            assert info["help"], (name, p)


def test_notebooks_are_committed_clean_with_the_project_kernel():
    notebooks = sorted(config.NOTEBOOKS_DIR.glob("*.ipynb"))
    assert len(notebooks) >= 10
    for path in notebooks:
        nb = json.loads(path.read_text(encoding="utf-8"))
        assert nb["metadata"]["kernelspec"]["name"] == config.KERNEL_NAME, path.name
        for cell in nb["cells"]:
            if cell["cell_type"] == "code":
                assert not cell["outputs"] and cell["execution_count"] is None, path.name
        assert sum("parameters" in c.get("metadata", {}).get("tags", []) for c in nb["cells"]) == 1


def test_a_run_file_without_notebooks_runs_every_notebook(tmp_path, base):
    """The same notebooks, with the same parameters, as a run file listing every one of them."""
    _, given = runner.load_config(write_config(tmp_path / "all.yml", **base))
    _, listed = runner.load_config(write_config(tmp_path / "listed.yml", **base,
                                                notebooks=runner.available_notebooks()))
    assert list(given) == runner.available_notebooks() and given == listed


# --- a good run ---------------------------------------------------------------------------------
@pytest.mark.suite
def test_a_run_publishes_every_report_with_index_and_manifest(good_run, small_run, small_region):
    import pandas as pd

    latest = small_run.output / "latest"
    assert latest.resolve() == good_run.run_dir.resolve()
    names = {p.stem for p in latest.glob("*.html")} - {"index"}
    hospitals = pd.read_parquet(small_region, columns=["hospital"])["hospital"].astype(str).unique()
    assert len(hospitals) >= 3
    assert names == (set(runner.available_notebooks()) - {"05_hospital"}) | {
        f"05_hospital_{runner.slug(h)}" for h in hospitals}
    manifest = json.loads((latest / "manifest.json").read_text(encoding="utf-8"))
    assert manifest["input"]["synthetic"] is True and len(manifest["input"]["sha256"]) == 64
    index = (latest / "index.html").read_text(encoding="utf-8")
    assert all(f'href="{n}.html"' in index for n in names)
    assert (latest / "tables" / "tables.xlsx").exists() and "tables.xlsx" in manifest["tables"]


@pytest.mark.suite
def test_the_manifest_says_how_the_aggregates_were_obtained_and_by_which_engine(good_run):
    manifest = json.loads((good_run.run_dir / "manifest.json").read_text(encoding="utf-8"))
    cache = manifest["cache"]
    assert set(cache) == {"used", "key", "fingerprint", "engine", "seconds", "repaired"}
    assert isinstance(cache["used"], bool)
    assert cache["engine"].startswith("duckdb ") and cache["fingerprint"]["engine"] == cache["engine"]
    assert cache["fingerprint"]["sha256"] == manifest["input"]["sha256"] and len(cache["key"]) == 20


@pytest.mark.suite
def test_the_manifest_reports_the_runs_first_preparation_not_the_later_ones(base, tmp_path, monkeypatch):
    """The check before a run (as on the command line) builds the aggregates; the run and its
    notebooks then read them back, yet the manifest says they were built. The next run reuses them."""
    monkeypatch.setattr(config, "CACHE_DIR", tmp_path / "cache")  # an empty cache: this process
    monkeypatch.setenv("OUTPATIENT_CACHE_DIR", str(tmp_path / "cache"))  # and the notebooks' kernels
    path = write_config(tmp_path / "r.yml", **{**base, "output": str(tmp_path / "out"), "jobs": 1},
                        notebooks=["00_data_quality"])
    said: list[str] = []
    caches = []
    for _ in range(2):
        cfg, params = runner.load_config(path, data=True, echo=said.append)
        outcome = runner.run(cfg, params, echo=said.append)
        assert outcome.ok, outcome.problems
        caches.append(json.loads((outcome.run_dir / "manifest.json").read_text(encoding="utf-8"))["cache"])
    assert [c["used"] for c in caches] == [False, True] and caches[0]["key"] == caches[1]["key"]
    lines = [line for line in said if line.startswith("aggregates:")]
    assert lines[0].startswith(f"aggregates: built by {caches[0]['engine']} in ")
    assert lines[1] == f"aggregates: reused from the cache (key {caches[1]['key']})"


@pytest.mark.suite
def test_reports_pass_the_checks_and_carry_banner_and_provenance(good_run):
    pages = sorted(good_run.run_dir.glob("*.html"))
    assert pages
    for html_file in pages:
        assert runner.check_report(html_file, None) == []
        text = html_file.read_text(encoding="utf-8")
        assert "SYNTETISKE DATA" in text, html_file.name
        if html_file.name != "index.html":
            assert "Om kørslen" in text and "SHA-256" in text, html_file.name
            assert re.search(r"<script[^>]+src=", text) is None
            assert '<html lang="da"' in text


@pytest.mark.suite
def test_small_counts_never_appear_in_report_tables(good_run):
    text = (good_run.run_dir / "01_activity_overview.html").read_text(encoding="utf-8")
    cells = re.findall(r'<td class="num count">([^<]*)</td>', text)
    assert cells, "the report has tables"
    assert not [c for c in cells if re.fullmatch(r"[1-4]", c)]


def test_check_report_catches_remote_resources_code_and_patient_ids(tmp_path):
    staged = tmp_path / "s.parquet"
    import pandas as pd
    pd.DataFrame({"patient_id": ["P0000042"]}).to_parquet(staged)
    bad = tmp_path / "bad.html"
    bad.write_text('<script src="https://cdn.example/x.js"></script><div class="jp-InputArea">x</div>'
                   "<td>P0000042</td>", encoding="utf-8")
    problems = runner.check_report(bad, staged)
    assert len(problems) == 4  # network, a script, code cells, patient id
    assert any("contains a script" in p for p in problems)
    assert any('loads from the network (src="https://cdn.example/x.js' in p for p in problems)


def test_a_name_that_reads_like_a_remote_address_is_no_load(tmp_path):
    page = tmp_path / "ok.html"
    page.write_text('<p>&lt;iframe src="http://example.com/"&gt;</p><svg><text>src="http://x"</text></svg>'
                    '<img src="data:image/png;base64,AAAA">', encoding="utf-8")
    assert not [p for p in runner.check_report(page, None) if "network" in p]


def test_a_remote_stylesheet_or_background_is_a_load(tmp_path):
    page = tmp_path / "bad.html"
    page.write_text('<style>@import "x.css";</style><div style="background:url(//evil/x.png)">a</div>',
                    encoding="utf-8")
    [problem] = [p for p in runner.check_report(page, None) if "network" in p]
    assert "@import" in problem and "url(//" in problem


@pytest.mark.suite
def test_english_reports(base, tmp_path):
    cfg, params = runner.load_config(write_config(tmp_path / "en.yml", **{**base, "language": "en",
                                                                          "output": str(tmp_path / "out")},
                                                  notebooks=["01_activity_overview", {
                                                      "name": "05_hospital",
                                                      "parameters": {"hospital": "Regionshospitalet Horsens"}}]))
    outcome = runner.run(cfg, params, echo=lambda *_: None)
    assert outcome.ok, outcome.problems
    text = (outcome.run_dir / "01_activity_overview.html").read_text(encoding="utf-8")
    assert "SYNTHETIC DATA" in text and "Follow-up" in text and "Kontrol" not in text
    # the drill-down names the change ideas by their English names, the exports too
    from analysis.analyses import scenarios

    plan = scenarios.load(None)
    drill_down = html.unescape((outcome.run_dir / "05_hospital.html").read_text(encoding="utf-8"))
    exported = "".join(p.read_text(encoding="utf-8") for p in (outcome.run_dir / "tables").glob("05_hospital_*.csv"))
    for page in (drill_down, exported):
        assert not [name for name in plan.titles("da").values() if name in page]
        assert [name for name in plan.titles("en").values() if name in page]


@pytest.mark.suite
def test_a_pre_aggregated_extract_runs_through_the_suite(aggregated_example_run):
    outcome = aggregated_example_run.outcome  # every notebook (conftest)
    assert {r.name for r in outcome.results} == set(runner.available_notebooks())
    text = (outcome.run_dir / "01_activity_overview.html").read_text(encoding="utf-8")
    assert "SYNTETISKE DATA" not in text and "aggregerede data" in text


@pytest.mark.suite
def test_notebooks_run_with_their_defaults_as_in_jupyterlab(small_run, tmp_path):
    """No parameters at all: the notebook finds (here: a small copy of) the bundled region. The
    shared run (conftest.small_run) gives every notebook but the drill-down nothing its own
    defaults do not say; the drill-down, run there once per hospital, runs here bare."""
    import nbformat
    from kernels import execute

    executed = small_run.outcome.run_dir / "executed"
    for name in runner.available_notebooks():
        defaults = {k: runner._default(v) for k, v in runner.notebook_parameters(name).items()}
        for path in executed.glob(f"{name}*.ipynb"):
            given = nbformat.read(path, as_version=4).metadata["papermill"]["parameters"]
            own = {k: v for k, v in given.items() if k != "hospital" or name != "05_hospital"}
            assert own == {k: defaults[k] for k in own}, f"{path.name}: not its defaults"
    execute(config.NOTEBOOKS_DIR / "05_hospital.ipynb", tmp_path / "05_hospital.ipynb")


# --- a failed run -----------------------------------------------------------------------------
@pytest.mark.suite
def test_a_failing_notebook_leaves_the_published_run_untouched(good_run, small_run, base, tmp_path):
    output = small_run.output
    latest = output / "latest"
    before = latest.resolve()
    assert before == good_run.run_dir.resolve()
    snapshot = {p.name: p.read_bytes() for p in before.glob("*.html")}
    assert snapshot
    # the command line refuses a year the data lack before any notebook runs; the engine itself,
    # given such a configuration unchecked, lets the notebook fail
    path = write_config(tmp_path / "bad.yml", **{**base, "output": str(output)}, notebooks=[
        "00_data_quality", {"name": "01_activity_overview", "parameters": {"year": 1999}}])
    proc = subprocess.run([sys.executable, "-m", "analysis", "run", "--config", str(path)],
                          capture_output=True, text=True)
    assert proc.returncode == 2 and "year 1999" in proc.stderr and "not in the data" in proc.stderr
    assert not [p for p in (output / "runs").iterdir() if p.name.endswith(".failed")]
    cfg, params = runner.load_config(path)
    outcome = runner.run(cfg, params, echo=lambda *_: None)
    assert not outcome.ok
    message = "\n".join(outcome.problems)
    assert "notebook 01_activity_overview failed" in message and "year 1999 is not in the data" in message
    assert latest.resolve() == before
    assert {p.name: p.read_bytes() for p in before.glob("*.html")} == snapshot
    failed = [p for p in (output / "runs").iterdir() if p.name.endswith(".failed")]
    assert len(failed) == 1 and (failed[0] / "executed" / "01_activity_overview.ipynb").exists()
    kept = re.search(r"kept for inspection: (\S+)", message).group(1)
    assert Path(kept).exists(), "the message points at the kept notebook"


@pytest.mark.suite
def test_bad_input_stops_before_any_notebook(tmp_path, base):
    bad = tmp_path / "visits.csv"
    bad.write_text("visit_id;patient_id;visit_date;hospital;specialty;sector;visit_type;contact_mode;age;sex\n"
                   "1;010203-1234;2024-01-02;H;K;somatic;follow_up;in_person;40;F\n", encoding="utf-8")
    path = write_config(tmp_path / "r.yml", **{**base, "source": str(bad), "output": str(tmp_path / "out")})
    proc = subprocess.run([sys.executable, "-m", "analysis", "run", "--config", str(path)],
                          capture_output=True, text=True)
    assert proc.returncode == 2
    assert "visits.csv, column 'patient_id', row 1: looks like a Danish CPR number" in proc.stderr
    assert not (tmp_path / "out").exists()


def test_the_longest_notebooks_of_the_last_run_start_first_and_a_new_one_before_them():
    previous = {"00_data_quality": 3.5, "03_reduction_potential": 6.6, "05_hospital_a": 5.3, "05_hospital_b": 5.3}
    names = ["00_data_quality", "05_hospital_a", "05_hospital_b", "03_reduction_potential", "10_new"]
    assert runner.longest_first(names, previous) == [
        "10_new", "03_reduction_potential", "05_hospital_a", "05_hospital_b", "00_data_quality"]
    assert runner.longest_first(names, {}) == names  # no earlier run: the run's own order


def test_the_seconds_of_the_last_run_come_from_its_manifest_and_none_without_one(tmp_path):
    assert runner.previous_seconds(tmp_path) == {}
    (tmp_path / "latest").mkdir()
    (tmp_path / "latest" / "manifest.json").write_text("{not json", encoding="utf-8")
    assert runner.previous_seconds(tmp_path) == {}
    (tmp_path / "latest" / "manifest.json").write_text(json.dumps(
        {"notebooks": [{"name": "02_variation", "seconds": 4.9}]}), encoding="utf-8")
    assert runner.previous_seconds(tmp_path) == {"02_variation": 4.9}


def test_resolve_year(small_region):
    from analysis.engine import pipeline
    prep = pipeline.prepare(str(small_region))
    assert pipeline.resolve_year(prep, 0) == 2025 and pipeline.resolve_year(prep, 2024) == 2024
    with pytest.raises(ValueError, match="year 1999 is not in the data"):
        pipeline.resolve_year(prep, 1999)


def test_a_last_complete_month_set_on_one_notebook_holds_for_every_notebook_that_takes_it(tmp_path, base):
    """00, 01, 06 and 07 must leave out the same months: complete_through set for 06 is given to
    00, 01 and 07 too; two different months are an error before anything runs."""
    path = write_config(tmp_path / "r.yml", **base, notebooks=[
        "00_data_quality", "01_activity_overview", "02_variation", "07_follow_up",
        {"name": "06_monitoring", "parameters": {"complete_through": "2025-10"}}])
    _, params = runner.load_config(path)
    assert {n: p.get("complete_through") for n, p in params.items()} == {
        "00_data_quality": "2025-10", "01_activity_overview": "2025-10", "02_variation": None,
        "07_follow_up": "2025-10", "06_monitoring": "2025-10"}
    clash = write_config(tmp_path / "c.yml", **base, notebooks=[
        {"name": "06_monitoring", "parameters": {"complete_through": "2025-10"}},
        {"name": "07_follow_up", "parameters": {"complete_through": "2025-11"}}])
    with pytest.raises(runner.ConfigError, match="complete_through differs between notebooks "
                                                 r"\(06_monitoring: '2025-10', 07_follow_up: '2025-11'\)"):
        runner.load_config(clash)


def test_a_decision_date_set_on_one_notebook_holds_for_every_notebook_that_takes_it(tmp_path, base):
    """00, 01, 06 and 07 tell late registration from the decision's fall by the same date."""
    path = write_config(tmp_path / "r.yml", **base, notebooks=[
        "00_data_quality", "01_activity_overview", "02_variation", "06_monitoring",
        {"name": "07_follow_up", "parameters": {"decision_date": "2025-03-01"}}])
    _, params = runner.load_config(path)
    assert {n: p.get("decision_date") for n, p in params.items()} == {
        "00_data_quality": "2025-03-01", "01_activity_overview": "2025-03-01", "02_variation": None,
        "06_monitoring": "2025-03-01", "07_follow_up": "2025-03-01"}
    clash = write_config(tmp_path / "c.yml", **base, notebooks=[
        {"name": "06_monitoring", "parameters": {"decision_date": "2025-04-01"}},
        {"name": "07_follow_up", "parameters": {"decision_date": "2025-03-01"}}])
    with pytest.raises(runner.ConfigError, match="decision_date differs between notebooks"):
        runner.load_config(clash)


def test_a_requirement_set_on_one_notebook_holds_for_every_report_that_shows_it(tmp_path, base):
    """03, 04 and 05 show the saving the decision requires: target_dkk set on 04 is given to 03 and
    05 too, as the whole number it is."""
    path = write_config(tmp_path / "r.yml", **base, notebooks=[
        "03_reduction_potential", "05_hospital", "02_variation",
        {"name": "04_savings_key", "parameters": {"target_dkk": 50_000_000}},
        {"name": "07_follow_up", "parameters": {"target_profile": {2025: 0, 2026: 50_000_000}}}])
    _, params = runner.load_config(path)
    assert {n: p.get("target_dkk") for n, p in params.items()} == {
        "03_reduction_potential": 50_000_000, "05_hospital": 50_000_000, "02_variation": None,
        "04_savings_key": 50_000_000, "07_follow_up": None}


def test_two_requirements_in_one_run_are_an_error_before_anything_runs(tmp_path, base):
    clash = write_config(tmp_path / "c.yml", **base, notebooks=[
        {"name": "03_reduction_potential", "parameters": {"target_dkk": 40_000_000}},
        {"name": "04_savings_key", "parameters": {"target_dkk": 50_000_000}}])
    with pytest.raises(runner.ConfigError, match=r"target_dkk differs between notebooks \(03_reduction_potential: "
                                                 r"40000000, 04_savings_key: 50000000\); the saving the decision "
                                                 "requires is one for the whole run"):
        runner.load_config(clash)


def test_a_follow_up_whose_profile_ends_below_the_runs_requirement_is_an_error(tmp_path, base):
    """07's default profile ends at 60 million; the run requires 50 million of 03, 04 and 05."""
    path = write_config(tmp_path / "r.yml", **base, notebooks=[
        {"name": "04_savings_key", "parameters": {"target_dkk": 50_000_000}}, "07_follow_up"])
    with pytest.raises(runner.ConfigError) as err:
        runner.load_config(path)
    assert err.value.errors == [
        "07_follow_up: target_profile ends at 60000000 DKK a year (from 2026), but the run's target_dkk is 50000000 "
        "(set on 04_savings_key); the saving required is one for the whole run: set them equal (the profile's 2026 "
        "to 50000000, or target_dkk to 60000000)"]


def test_a_requirement_under_parameters_is_named_as_set_there(tmp_path, base):
    path = write_config(tmp_path / "r.yml", **base, parameters={"target_dkk": 50_000_000},
                        notebooks=["03_reduction_potential", "04_savings_key", "07_follow_up"])
    with pytest.raises(runner.ConfigError, match=r"the run's target_dkk is 50000000 \(set under parameters:\)"):
        runner.load_config(path)


def test_one_key_for_the_run_the_basis_set_on_04_is_followed_by_05_and_07(tmp_path, base):
    """A key by potential set on 04 alone left 05 and 07 on the key by visits: the front page's
    "where we stand" (07) and "which key" (04) then split two different requirements."""
    path = write_config(tmp_path / "r.yml", **base, notebooks=[
        {"name": "04_savings_key", "parameters": {"basis": "potential"}}, "05_hospital", "07_follow_up"])
    _, params = runner.load_config(path)
    assert {n: p.get("basis") for n, p in params.items()} == {
        "04_savings_key": "potential", "05_hospital": "potential", "07_follow_up": "potential"}
    clash = write_config(tmp_path / "c.yml", **base, notebooks=[
        {"name": "04_savings_key", "parameters": {"basis": "potential"}},
        {"name": "07_follow_up", "parameters": {"basis": "visits"}}])
    with pytest.raises(runner.ConfigError, match="basis differs between notebooks .*split by one key"):
        runner.load_config(clash)


def test_a_profile_is_held_against_the_notebooks_default_requirement_when_the_run_sets_none(tmp_path, base):
    path = write_config(tmp_path / "r.yml", **base, notebooks=[
        "04_savings_key", {"name": "07_follow_up", "parameters": {"target_profile": {2025: 0, 2026: 45_000_000}}}])
    with pytest.raises(runner.ConfigError, match=r"07_follow_up: target_profile ends at 45000000 DKK a year "
                                                 r"\(from 2026\), but the run's target_dkk is 60000000 \(the "
                                                 r"default of 04_savings_key; set target_dkk on one of them"):
        runner.load_config(path)


def test_a_profile_whose_last_year_is_the_requirement_passes_whatever_its_earlier_years(tmp_path, base):
    path = write_config(tmp_path / "r.yml", **base, notebooks=[
        {"name": "05_hospital", "parameters": {"target_dkk": 30_000_000}},
        {"name": "07_follow_up", "parameters": {"target_profile": {2025: 10_000_000, 2027: 30_000_000}}}])
    runner.load_config(path)


def test_a_follow_up_alone_has_no_requirement_to_disagree_with(tmp_path, base):
    """No page of the run shows target_dkk: 07 follows whatever its profile asks."""
    path = write_config(tmp_path / "r.yml", **base, notebooks=[
        {"name": "07_follow_up", "parameters": {"target_profile": {2025: 0, 2026: 45_000_000}}}])
    runner.load_config(path)


def test_a_benchmark_for_the_whole_run_is_checked_against_each_notebooks_meaning(tmp_path, base):
    """02's benchmark is the variation's (median or region), 03's the potential's: a run-wide
    best_quartile fails 02 before anything runs, not in its cell after the others ran."""
    path = write_config(tmp_path / "r.yml", **base, parameters={"benchmark": "best_quartile"},
                        notebooks=["02_variation", "03_reduction_potential"])
    with pytest.raises(runner.ConfigError) as err:
        runner.load_config(path)
    assert err.value.errors == ["02_variation: parameter 'benchmark' must be one of median, region (its benchmark of "
                                "the variation), got 'best_quartile'; set the potential's benchmark under 03, 04, "
                                "05 and 07 only"]
    path = write_config(tmp_path / "r.yml", **base, notebooks=[
        "02_variation", {"name": "03_reduction_potential", "parameters": {"benchmark": "best"}}])
    with pytest.raises(runner.ConfigError, match="03_reduction_potential: parameter 'benchmark': benchmark must be"):
        runner.load_config(path)


def test_every_shipped_run_file_and_the_notebooks_defaults_ask_one_saving():
    for run_file in sorted((config.PROJECT_ROOT / "runs").glob("*.yml")):
        runner.load_config(run_file, overrides={"source": "", "mapping": ""})  # their inputs are generated
    defaults = {n: runner._declared_values(n) for n in ("03_reduction_potential", "04_savings_key",
                                                         "05_hospital", "07_follow_up")}
    profile = defaults.pop("07_follow_up")["target_profile"]
    assert {n: d["target_dkk"] for n, d in defaults.items()} == dict.fromkeys(defaults, profile[max(profile)])


@pytest.mark.suite  # the command line, twice
def test_a_requirement_the_profile_does_not_end_at_stops_check_and_run_before_anything_runs(tmp_path, base):
    out = tmp_path / "out"
    path = write_config(tmp_path / "r.yml", **{**base, "output": str(out)}, notebooks=[
        {"name": "04_savings_key", "parameters": {"target_dkk": 50_000_000}}, "07_follow_up"])
    for extra in (["--check"], []):
        proc = subprocess.run([sys.executable, "-m", "analysis", "run", "--config", str(path), *extra],
                              capture_output=True, text=True, cwd=config.PROJECT_ROOT, timeout=300)
        assert proc.returncode == 2, proc.stderr
        assert "07_follow_up: target_profile ends at 60000000 DKK a year (from 2026), but the run's target_dkk is " \
               "50000000" in proc.stderr
        assert not out.exists()


def test_a_cpr_number_among_the_names_stops_the_check_before_any_notebook_runs():
    from types import SimpleNamespace

    import pandas as pd

    agg = SimpleNamespace(activity=pd.DataFrame({"hospital": ["Vejle", "Neurologi 010203 1234"], "visits": [5, 6]}))
    [problem] = runner._identifier_names(agg)
    assert "column 'hospital' holds 1 name(s) shaped like a CPR number" in problem
    assert "1234" not in str(runner.ConfigError("run.yml", [problem]))


def test_a_run_id_never_reads_as_a_cpr_number():
    """At 03:07:33 with a random part beginning 7625 a dash made 030733-7625, which every message
    naming the run showed masked as a CPR number."""
    import datetime as dt

    from analysis.base.redact import CPR_IN_TEXT

    run_id = runner.new_run_id(dt.datetime(2026, 12, 6, 3, 7, 33), "7625dcffff")
    assert run_id == "20261206-030733_7625dc" and not CPR_IN_TEXT.search(run_id)


@pytest.mark.suite  # runs a notebook through the command line
def test_a_run_of_some_notebooks_is_kept_but_not_published_as_latest(tmp_path, base):
    out = tmp_path / "out"
    path = write_config(tmp_path / "r.yml", **{**base, "output": str(out)})
    proc = subprocess.run([sys.executable, "-m", "analysis", "run", "--config", str(path), "--only", "00_data_quality"],
                          capture_output=True, text=True)
    assert proc.returncode == 0, proc.stderr
    assert "(1 notebook;" in proc.stdout and "not published" in proc.stdout
    assert not (out / "latest").exists()
    kept = [p for p in (out / "runs").iterdir() if not p.name.startswith(".")]
    assert len(kept) == 1 and (kept[0] / "00_data_quality.html").exists()
    # the time reported is the wall time from the check of the configuration and input on
    seconds = json.loads((kept[0] / "manifest.json").read_text(encoding="utf-8"))["seconds"]
    assert seconds["check"] > 0 and seconds["total"] >= seconds["check"] + seconds["notebooks"]
    said = re.search(r"done in ([\d.]+) s", proc.stdout)
    assert said and float(said.group(1)) == pytest.approx(seconds["total"], abs=0.06)


def test_counts_in_messages_agree_with_their_noun():
    from analysis.running.cli import counted

    assert (counted(1, "notebook"), counted(10, "notebook"), counted(0, "notebook")) == (
        "1 notebook", "10 notebooks", "0 notebooks")


def test_params_lists_a_parameter_several_notebooks_share_once_and_each_notebooks_own():
    from analysis.running.cli import parameter_listing

    source = {"type": "str", "default": '""', "help": "input file"}
    year = {"type": "int", "default": "0", "help": "0 = the latest year"}
    text = parameter_listing({"01_a": {"source": source, "year": year},
                              "02_b": {"source": source, "year": year, "draws": {"type": "int", "default": "200",
                                                                                 "help": "simulation draws"}},
                              "03_c": {"source": source}})
    assert text.count("input file") == 1 and "input file [every notebook]" in text
    assert text.count("0 = the latest year") == 1 and "[notebooks 01, 02]" in text
    assert "01_a: nothing of its own" in text and "02_b:\n  draws   int  default 200" in text


def test_run_help_describes_the_command_with_examples():
    proc = subprocess.run([sys.executable, "-m", "analysis", "run", "--help"], capture_output=True, text=True)
    assert proc.returncode == 0 and "publish the set as reports/latest" in proc.stdout
    assert "examples:" in proc.stdout and "--check" in proc.stdout.split("examples:")[1]


def test_every_shipped_run_file_publishes_its_own_set():
    """The English run replaced the Danish published set when both wrote to reports/."""
    outputs = {path.name: yaml.safe_load(path.read_text(encoding="utf-8"))["output"]
               for path in sorted((config.PROJECT_ROOT / "runs").glob("*.yml"))}
    assert len(outputs) >= 4 and len(set(outputs.values())) == len(outputs), outputs
