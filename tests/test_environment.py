"""The checkout stays clean and the environment is declared once: tests keep their files
outside the repository, committed notebooks carry no outputs, and environment.yml and the
lock file agree with pyproject.toml."""
from __future__ import annotations

import json
import shutil
import subprocess
import tomllib
from importlib import metadata
from pathlib import Path

import pytest
import yaml
from packaging.requirements import Requirement
from packaging.utils import canonicalize_name
from packaging.version import Version

from analysis.base import config
from analysis.engine import pipeline
from analysis.running import lab

ROOT = Path(__file__).resolve().parents[1]


def test_tests_point_the_cache_and_the_synthetic_region_outside_the_repository():
    for path in (config.CACHE_DIR, config.SYNTHETIC_DIR):
        assert not path.resolve().is_relative_to(ROOT), path


@pytest.mark.skipif(not (ROOT / ".git").exists() or not shutil.which("git"), reason="not a git checkout")
@pytest.mark.parametrize("path", ["data/private/visits_2023_2025.csv", "data/private/mapping.yml",
                                  "data/synthetic/visits.parquet", "data/interim/x/staged.parquet",
                                  "reports/runs/2025-01-01/index.html"])
def test_extracts_caches_and_reports_are_never_committed(path):
    """The README sends extracts to data/private/: git must ignore them (and what is made of them)."""
    assert subprocess.run(["git", "check-ignore", "-q", path], cwd=ROOT).returncode == 0, path


def test_preparing_an_input_writes_nothing_into_the_repositorys_data_folder():
    interim = ROOT / "data" / "interim"
    before = sorted(interim.rglob("*")) if interim.exists() else None
    prep = pipeline.prepare("data/examples/aggregated_extract.csv", "2024-01-01", "2024-12-31")
    assert prep.cache_dir.resolve().is_relative_to(config.CACHE_DIR.resolve())
    assert (sorted(interim.rglob("*")) if interim.exists() else None) == before


@pytest.mark.parametrize("notebook", sorted((ROOT / "notebooks").glob("*.ipynb")), ids=lambda p: p.stem)
def test_committed_notebooks_have_no_outputs(notebook):
    cells = json.loads(notebook.read_text(encoding="utf-8"))["cells"]
    dirty = [i for i, c in enumerate(cells)
             if c["cell_type"] == "code" and (c.get("outputs") or c.get("execution_count") is not None)]
    assert not dirty, f"{notebook.name}: cells {dirty} hold outputs; clear them with `make strip` before committing"


@pytest.mark.parametrize("notebook", sorted((ROOT / "notebooks").glob("*.ipynb")), ids=lambda p: p.stem)
def test_committed_notebooks_are_as_the_pre_save_hook_writes_them(notebook):
    """No run-time metadata (Lab's timings, the Python version) and the project's kernel."""
    assert lab.strip([notebook], dry_run=True) == [], (
        f"{notebook.name} holds outputs or run-time metadata; clean it with `make strip` before committing")


# --- one declaration of the environment ---------------------------------------------------------
def _pyproject() -> dict:
    return tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))


def _declared() -> list[Requirement]:
    project = _pyproject()["project"]
    return [Requirement(r) for r in [*project["dependencies"], *project["optional-dependencies"]["test"]]]


def _locked() -> dict[str, Version]:
    pins = {}
    for line in (ROOT / "requirements.lock").read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            name, _, version = line.partition("==")
            assert version, f"requirements.lock: {line!r} is not an exact pin"
            pins[canonicalize_name(name)] = Version(version)
    return pins


def test_the_lock_pins_every_declared_package_within_its_bounds():
    locked = _locked()
    assert len(_declared()) > 10, "pyproject.toml's dependencies were not read"
    for req in _declared():
        name = canonicalize_name(req.name)
        assert name in locked, f"{req.name} is in pyproject.toml but not in requirements.lock: run make lock"
        assert req.specifier.contains(locked[name]), f"{req.name}: lock {locked[name]} outside {req.specifier}"
        for extra in req.extras:  # e.g. pandera[pandas] needs pandas, psycopg[binary] psycopg-binary
            needs = [Requirement(r) for r in metadata.requires(req.name) or []]
            needs = [r for r in needs if r.marker and r.marker.evaluate({"extra": extra})]
            assert needs, f"{req}: the installed {req.name} has no extra '{extra}'"
            for r in needs:
                assert canonicalize_name(r.name) in locked, f"{req} needs {r.name} in the lock"


def test_environment_yml_installs_the_lock_and_the_project_on_the_supported_python():
    env = yaml.safe_load((ROOT / "environment.yml").read_text(encoding="utf-8"))
    deps = env["dependencies"]
    pip = next(d["pip"] for d in deps if isinstance(d, dict))
    assert pip == ["-c requirements.lock", "-e .[test]"]
    conda = [d for d in deps if isinstance(d, str)]
    assert set(conda) == {"pip", next(d for d in conda if d.startswith("python="))}, "packages belong in pyproject.toml"
    python = next(d for d in conda if d.startswith("python=")).split("=")[1]
    assert _pyproject()["project"]["requires-python"] == f">={python}"


def test_the_pandera_bound_admits_only_versions_with_pandera_pandas():
    # the code imports pandera.pandas, which pandera introduced in 0.24.0
    pandera = next(r for r in _declared() if r.name == "pandera")
    assert "pandas" in pandera.extras
    assert not pandera.specifier.contains("0.23.1") and pandera.specifier.contains("0.24.0")
