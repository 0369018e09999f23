"""Shared fixtures: a small synthetic region (about 1% of full size), a private cache, and the
expensive things several test modules look at, built once a session.

The cache and synthetic-region folders are pointed at a temporary folder here, at import,
before any test imports the package (analysis.base.config reads them once, when first imported):
tests never write into the checkout's data/interim or data/synthetic, and the session fails
if anything was written there all the same.

Built once a session, by whichever test process asks first (the others wait for it and read
it; see `shared`): the full-size region (`full_region`), a run of every notebook on the small
region (`small_run`) and one on the bundled aggregated example (`aggregated_example_run`).
`make test` and `make check` hand whole files to the workers (`--dist loadfile`), so a fixture
of a module's scope is built once, too."""
from __future__ import annotations

import atexit
import contextlib
import fcntl
import os
import pickle
import shutil
import tempfile
from collections import Counter
from dataclasses import dataclass
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
def small_region(cache_dir) -> Path:
    """The small region where a notebook without a `source` looks for the bundled one (the
    synthetic folder above, each test process its own): a notebook run with its defaults, as in
    JupyterLab, reads it."""
    from analysis.running.synthetic import generate

    return generate(Path(os.environ["OUTPATIENT_SYNTHETIC_DIR"]) / "visits.parquet", seed=7, scale=SMALL_SCALE)


# --- built once a session, shared by the test processes ---------------------------------------
@contextlib.contextmanager
def shared(tmp_path_factory, name: str):
    """A folder every process of this test session sees (each xdist worker and the tests of a
    plain run alike), held under an exclusive lock while the caller builds what is missing in it
    or reads what another process built."""
    base = tmp_path_factory.getbasetemp()
    root = base.parent if os.environ.get("PYTEST_XDIST_WORKER") else base  # the session's, over the workers'
    folder = root / f"shared-{name}"
    with open(root / f"shared-{name}.lock", "a") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)  # released when the file is closed
        folder.mkdir(exist_ok=True)
        yield folder


@pytest.fixture(scope="session")
def full_region(tmp_path_factory, cache_dir):
    """The full-size region with its default seed, validated and aggregated: what `make report`
    analyses (~15 s, once a session; the other processes reuse its aggregates, ~1 s)."""
    from analysis.engine import pipeline
    from analysis.running.synthetic import generate

    with shared(tmp_path_factory, "full_region") as folder:
        path = folder / "visits.parquet"
        if not (folder / "generated").exists():
            generate(path)
            (folder / "generated").touch()
        # a cache of its own: the shared one keeps the newest few inputs (pipeline.KEEP_CACHED), and
        # tests preparing other inputs later in the session would remove this one's staged file
        return pipeline.prepare(str(path), cache_dir=folder / "cache"), pipeline.read_truth(str(path))


# 03's simulation draws in the other runs of every notebook: its intervals with 40 draws instead of
# its default 200 (a fifth of its time)
DRAWS = 40


@dataclass(frozen=True)
class SharedRun:
    outcome: object  # runner.RunOutcome
    output: Path  # the run's reports folder (latest, runs/)
    run_file: Path


def _run_once(tmp_path_factory, name: str, run: dict) -> SharedRun:
    """`run` (a run file's keys; output and its opt-in added) run once a session through the runner."""
    import yaml

    from analysis.running import runner

    with shared(tmp_path_factory, name) as folder:
        done, output = folder / "outcome.pickle", folder / "reports"
        if not done.exists():
            run_file = folder / "run.yml"
            run_file.write_text(yaml.safe_dump({**run, "output": str(output), "output_outside_project": True},
                                               allow_unicode=True), encoding="utf-8")
            cfg, params = runner.load_config(run_file)
            done.write_bytes(pickle.dumps(runner.run(cfg, params, echo=lambda *_: None)))
        found = SharedRun(pickle.loads(done.read_bytes()), output, folder / "run.yml")
    assert found.outcome.ok, found.outcome.problems
    return found


@pytest.fixture(scope="session")
def small_run(tmp_path_factory, small_region) -> SharedRun:
    """Every notebook with its defaults, as in JupyterLab (no source, period or parameter: the
    small region stands where the bundled one would), the drill-down once per hospital, printed
    to PDF as well where Chromium is installed: the run test_runner, test_browser,
    test_money_reports, test_identities and test_pathways_report look at."""
    from analysis.reporting import render
    from analysis.running import runner

    notebooks = [{"name": n, "per": "hospital"} if n == "05_hospital" else n for n in runner.available_notebooks()]
    return _run_once(tmp_path_factory, "small_run", {
        "jobs": 2, "pdf": render.chromium() is not None,  # printing needs Chromium (test_browser is skipped without it)
        "notebooks": notebooks})


@pytest.fixture(scope="session")
def aggregated_example_run(tmp_path_factory, cache_dir) -> SharedRun:
    """Every notebook on the bundled pre-aggregated extract (data/examples), 2024."""
    return _run_once(tmp_path_factory, "aggregated_example_run", {
        "source": "data/examples/aggregated_extract.csv", "period_start": "2024-01-01",
        "period_end": "2024-12-31", "parameters": {"draws": DRAWS}})


def pytest_collection_modifyitems(config, items):
    """A test of the full-size region runs the whole pipeline on a region, so it must be marked
    suite (`make check` leaves it out).

    `make test` hands whole files to the workers in the order of the items: the files with the
    most suite or slow tests come first, so the long ones start early and the many short unit
    tests even out the end."""
    unmarked = [item.nodeid for item in items
                if "full_region" in item.fixturenames and not item.get_closest_marker("suite")]
    if unmarked:
        raise pytest.UsageError(f"tests using full_region must be marked suite: {unmarked}")
    heavy = Counter(item.path for item in items if item.get_closest_marker("suite") or item.get_closest_marker("slow"))
    items.sort(key=lambda item: -heavy[item.path])  # stable: a file's tests stay together and in order
