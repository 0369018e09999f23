"""Hard stops and hostile files leave nothing half-done: Ctrl-C and SIGTERM stop the workers and
their kernels, remove the run's work folder and say so without a traceback; a run killed outright
takes its workers with it and its leftovers go at the next start; a file replaced during a run
never reaches a report; hospitals whose file names collide each keep their report; a damaged
cache is rebuilt; an output folder that cannot be written is found before anything runs."""
from __future__ import annotations

import errno
import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pandas as pd
import pytest
import yaml

from analysis.engine import pipeline
from analysis.running import runner

pytestmark = pytest.mark.suite  # runs notebooks or the whole pipeline: `make test`, not `make check`

NOTEBOOKS = ["00_data_quality", "01_activity_overview", "02_variation"]


def write_config(path: Path, **values) -> Path:
    path.write_text(yaml.safe_dump(values, allow_unicode=True), encoding="utf-8")
    return path


@pytest.fixture
def run_file(small_region, tmp_path) -> Path:
    return write_config(tmp_path / "run.yml", source=str(small_region), output=str(tmp_path / "out"),
                        output_outside_project=True, period_start="2023-01-01", period_end="2025-12-31", jobs=2,
                        notebooks=NOTEBOOKS)


def start(run_file: Path) -> subprocess.Popen:
    """The command line's run, in a session of its own and with Ctrl-C at its default, as a
    terminal starts a command (a test run started in the background, `pytest &`, ignores Ctrl-C,
    and so would the run it starts: a shell leaves a background job's Ctrl-C ignored)."""
    return subprocess.Popen([sys.executable, "-m", "analysis", "run", "--config", str(run_file)],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, start_new_session=True,
                            preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL))


def wait_for_kernels(out: Path, proc: subprocess.Popen, timeout: float = 120) -> list[int]:
    """The process ids of the kernels the run has started, once there are some."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        found = [int(p.name) for p in out.glob(f"runs/*.partial/{runner.KERNELS}/*")]
        if found:
            return found
        assert proc.poll() is None, proc.communicate()
        time.sleep(0.2)
    raise AssertionError("no kernel started")


def children(pid: int) -> list[int]:
    """Processes whose parent is `pid` (Linux /proc)."""
    found = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(fields[1]) == pid:
            found.append(int(stat.parent.name))
    return found


def gone(pids: list[int], timeout: float = 15) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if not any(pipeline.alive(p) and not _zombie(p) for p in pids):
            return True
        time.sleep(0.2)
    return False


def _zombie(pid: int) -> bool:
    try:
        return Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0] == "Z"
    except OSError:
        return True


@pytest.mark.parametrize("how, code, said", [(signal.SIGINT, 130, "Ctrl-C"), (signal.SIGTERM, 143, "SIGTERM")])
def test_a_stopped_run_stops_its_workers_and_kernels_and_publishes_nothing(run_file, how, code, said):
    out = Path(yaml.safe_load(run_file.read_text())["output"])
    proc = start(run_file)
    kernels = wait_for_kernels(out, proc)
    workers = children(proc.pid)
    os.killpg(proc.pid, how) if how == signal.SIGINT else proc.send_signal(how)  # Ctrl-C reaches the group
    _, err = proc.communicate(timeout=60)
    assert proc.returncode == code, err
    assert f"stopped ({said}); nothing published" in err and "Traceback" not in err
    assert not list(out.glob("runs/*")) and not (out / "latest").exists()
    assert gone(kernels + workers), "a worker or kernel outlived the run"


def test_a_run_killed_outright_takes_its_workers_along_and_the_next_run_clears_its_leftovers(run_file):
    out = Path(yaml.safe_load(run_file.read_text())["output"])
    proc = start(run_file)
    kernels = wait_for_kernels(out, proc)
    workers = children(proc.pid)
    proc.kill()
    proc.wait()
    assert gone(kernels + workers), "a worker or kernel kept running after its run was killed"
    [left] = out.glob("runs/*.partial")
    cfg, params = runner.load_config(write_config(run_file, **{**yaml.safe_load(run_file.read_text()),
                                                               "notebooks": ["00_data_quality"]}))
    said: list[str] = []
    outcome = runner.run(cfg, params, echo=said.append)
    assert outcome.ok and not left.exists()
    assert f"removed {left.name}, left by an earlier run that was stopped" in said


def test_a_file_replaced_during_the_run_never_reaches_a_report(small_region, tmp_path, monkeypatch):
    source = tmp_path / "visits.parquet"
    source.write_bytes(small_region.read_bytes())
    run_file = write_config(tmp_path / "run.yml", source=str(source), output=str(tmp_path / "out"),
                            output_outside_project=True, period_start="2023-01-01", period_end="2025-12-31", jobs=1,
                            notebooks=["00_data_quality"])
    cfg, params = runner.load_config(run_file)
    prepare = pipeline.prepare

    def then_replace(*args, **kwargs):  # the runner's own call reads the file; then someone replaces it
        prepared = prepare(*args, **kwargs)
        pd.read_parquet(small_region).head(500).to_parquet(source)
        return prepared

    monkeypatch.setattr(pipeline, "prepare", then_replace)
    outcome = runner.run(cfg, params, echo=lambda *_: None)
    assert outcome.ok, outcome.problems
    manifest = json.loads((outcome.run_dir / "manifest.json").read_text(encoding="utf-8"))
    rows = manifest["input"]["rows"]
    assert rows > 500
    page = (outcome.run_dir / "00_data_quality.html").read_text(encoding="utf-8")
    assert f"{rows:,}".replace(",", ".") in page  # the report read what the manifest records


def test_hospitals_whose_file_names_collide_each_keep_their_report():
    activity = pd.DataFrame({"hospital": ["Sønderjylland", "Soenderjylland", "Vejle"]})
    notes: list[str] = []
    runs = runner.expand({"05_hospital": {"language": "da", runner.PER_KEY: "hospital"}}, activity, notes)
    assert sorted(runs) == ["05_hospital_soenderjylland", "05_hospital_soenderjylland-2", "05_hospital_vejle"]
    assert sorted(p["hospital"] for _, p in runs.values()) == ["Soenderjylland", "Sønderjylland", "Vejle"]
    assert len(notes) == 1 and "05_hospital_soenderjylland-2.html" in notes[0]


def test_a_damaged_cache_is_rebuilt_with_a_notice_not_a_traceback(run_file, tmp_path, monkeypatch):
    monkeypatch.setenv("OUTPATIENT_CACHE_DIR", str(tmp_path / "cache"))
    check = [sys.executable, "-m", "analysis", "run", "--check", "--config", str(run_file)]
    assert subprocess.run(check, capture_output=True, text=True).returncode == 0
    [staged] = (tmp_path / "cache").glob("*/staged.parquet")
    staged.write_bytes(staged.read_bytes()[: staged.stat().st_size // 2])  # cut short
    proc = subprocess.run(check, capture_output=True, text=True)
    assert proc.returncode == 0, proc.stderr
    assert "the cached copy was damaged (staged.parquet); built by" in proc.stdout and "Traceback" not in proc.stderr


def test_an_output_folder_that_cannot_be_written_is_found_by_the_check(run_file, monkeypatch, tmp_path):
    import tempfile

    def read_only(*args, **kwargs):
        raise OSError(errno.EROFS, "Read-only file system")

    monkeypatch.setattr(tempfile, "NamedTemporaryFile", read_only)
    problem = runner.check_output(tmp_path / "out")
    assert problem == f"cannot write to the output folder {tmp_path / 'out'}: the folder is read-only"


def test_an_output_folder_without_room_is_found_by_the_check(monkeypatch, tmp_path):
    import shutil

    monkeypatch.setattr(shutil, "disk_usage", lambda _: shutil._ntuple_diskusage(10**9, 10**9 - 10**6, 10**6))
    assert "has 1 MB free; a run needs about 200 MB" in runner.check_output(tmp_path / "out")


def test_a_disk_that_fills_during_the_run_stops_it_cleanly(run_file, monkeypatch):
    out = Path(yaml.safe_load(run_file.read_text())["output"])
    cfg, params = runner.load_config(write_config(run_file, **{**yaml.safe_load(run_file.read_text()),
                                                               "notebooks": ["00_data_quality"]}))

    def full(run_dir, *args, **kwargs):
        raise OSError(errno.ENOSPC, "No space left on device", str(run_dir / "manifest.json"))

    monkeypatch.setattr(runner, "write_manifest", full)
    with pytest.raises(runner.RunStopped, match="the disk is full; nothing published") as stopped:
        runner.run(cfg, params, echo=lambda *_: None)
    assert stopped.value.code == 1
    assert not list(out.glob("runs/*")) and not (out / "latest").exists()


def test_sigterm_while_the_input_is_validated_stops_cleanly(tmp_path, monkeypatch):
    from analysis.running.synthetic import generate

    source = generate(tmp_path / "region" / "visits.parquet", seed=11, scale=0.05)
    cache = tmp_path / "cache"
    monkeypatch.setenv("OUTPATIENT_CACHE_DIR", str(cache))  # an input never seen: it is validated now
    run_file = write_config(tmp_path / "run.yml", source=str(source), output="reports/never-written",
                            period_start="2023-01-01", period_end="2025-12-31", notebooks=["00_data_quality"])
    proc = subprocess.Popen([sys.executable, "-m", "analysis", "run", "--check", "--config", str(run_file)],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    deadline = time.monotonic() + 120
    while not list(cache.glob(".*.tmp")):
        assert proc.poll() is None and time.monotonic() < deadline, "the build ended before it could be stopped"
        time.sleep(0.01)
    proc.send_signal(signal.SIGTERM)
    _, err = proc.communicate(timeout=60)
    assert proc.returncode == 143 and "stopped (SIGTERM); nothing was run" in err and "Traceback" not in err
    assert not list(cache.glob(".*.tmp"))
