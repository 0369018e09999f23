"""Shared fixtures: a small synthetic region (about 1% of full size) and a private cache.

The cache and synthetic-region folders are pointed at a temporary folder here, at import,
before any test imports the package (analysis.base.config reads them once, when first imported):
tests never write into the checkout's data/interim or data/synthetic, and the session fails
if anything was written there all the same."""
from __future__ import annotations

import atexit
import os
import shutil
import tempfile
from pathlib import Path

import pytest

SMALL_SCALE = 0.01  # ~20,000 visits a year: every code path, seconds to run

PROJECT_ROOT = Path(__file__).resolve().parents[1]
GUARDED = [PROJECT_ROOT / "data" / "interim", PROJECT_ROOT / "data" / "synthetic"]
_WORK = Path(tempfile.mkdtemp(prefix="outpatient-tests-"))
atexit.register(shutil.rmtree, _WORK, True)
os.environ["OUTPATIENT_CACHE_DIR"] = str(_WORK / "cache")  # inherited by notebook kernels
os.environ["OUTPATIENT_SYNTHETIC_DIR"] = str(_WORK / "synthetic")


def snapshot(folders: list[Path]) -> dict[str, int]:
    """Every file and folder under `folders` with its modification time (ns)."""
    return {str(p): p.stat().st_mtime_ns for f in folders if f.exists() for p in [f, *f.rglob("*")]}


_BEFORE = snapshot(GUARDED)


def pytest_sessionfinish(session, exitstatus):
    """Fail the run if a test wrote into the checkout's data folders."""
    changed = sorted(set(snapshot(GUARDED).items()) ^ set(_BEFORE.items()))
    if changed:
        print(f"\nTests wrote into the repository: {sorted({p for p, _ in changed})[:5]}")
        session.exitstatus = pytest.ExitCode.TESTS_FAILED


@pytest.fixture(scope="session")
def cache_dir() -> Path:
    path = Path(os.environ["OUTPATIENT_CACHE_DIR"])
    path.mkdir(parents=True, exist_ok=True)
    return path


@pytest.fixture(scope="session")
def small_region(tmp_path_factory, cache_dir) -> Path:
    from analysis.running.synthetic import generate

    return generate(tmp_path_factory.mktemp("region") / "visits.parquet", seed=7, scale=SMALL_SCALE)


@pytest.fixture(scope="session")
def full_region(tmp_path_factory, cache_dir):
    """The full-size region with its default seed, validated and aggregated: what `make report`
    analyses (~15 s once per test process)."""
    from analysis.engine import pipeline
    from analysis.running.synthetic import generate

    path = generate(tmp_path_factory.mktemp("full") / "visits.parquet")
    # a cache of its own: the shared one keeps the newest few inputs (pipeline.KEEP_CACHED), and
    # tests preparing other inputs later in the session would remove this one's staged file
    own_cache = tmp_path_factory.mktemp("full-cache")
    return pipeline.prepare(str(path), cache_dir=own_cache), pipeline.read_truth(str(path))
