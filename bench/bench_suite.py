"""Times the report suite on the full-size synthetic region and compares it with the naive way.

Every notebook in notebooks/ runs, each once, with the default run's parameters (runs/default.yml;
05_hospital for the hospital with most visits instead of once per hospital, in both ways alike;
a notebook the default run does not list is added with its defaults). Prints seconds per stage,
peak memory (resident memory of the whole process tree, sampled) and the ratios. Stages:
  ours, cold   `python -m analysis run` with an empty cache: validate + aggregate once, then
               the notebooks in parallel, render, check, publish
  ours, warm   the same again: the validated input and its aggregates come from the cache
  naive        each notebook run with the papermill command-line tool and then the nbconvert
               command-line tool, one after another, each notebook reading the whole visit
               file into pandas, validating and aggregating it itself (bench/naive.py)
  bare         one scan of the visit file (all columns into Arrow) plus the kernel start-ups
               of the suite (an empty notebook importing the package, per parallel batch)
Targets: naive / ours cold at least 6x; ours warm at most 1.5x bare.

Usage: .venv/bin/python bench/bench_suite.py [--scale 1.0] [--skip-naive] [--keep]
"""
from __future__ import annotations

import argparse
import json
import math
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

import nbformat
import psutil
import pyarrow.parquet as pq
import yaml

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
from analysis.base import config  # noqa: E402
from analysis.running import runner  # noqa: E402

PY = sys.executable
BIN = Path(PY).parent
DEFAULT_RUN = ROOT / "runs" / "default.yml"
OPENING = "open_page(globals())"  # every notebook's one call that prepares its input (analysis.reporting.page)
NAIVE_TARGET, WARM_TARGET = 6.0, 1.5  # naive / ours cold at least; ours warm / bare at most


def measure(cmd: list[str], env: dict | None = None, cwd: Path = ROOT) -> tuple[float, float]:
    """Wall seconds and peak resident memory (MB, whole process tree) of a command."""
    start = time.perf_counter()
    proc = psutil.Popen(cmd, env={**os.environ, **(env or {})}, cwd=cwd, stdout=subprocess.PIPE,
                        stderr=subprocess.STDOUT, text=True)
    peak = 0.0
    stop = threading.Event()

    def sample():
        nonlocal peak
        while not stop.is_set():
            try:
                procs = [proc] + proc.children(recursive=True)
                peak = max(peak, sum(p.memory_info().rss for p in procs if p.is_running()) / 2**20)
            except psutil.Error:
                pass
            time.sleep(0.05)

    t = threading.Thread(target=sample, daemon=True)
    t.start()
    out, _ = proc.communicate()
    stop.set()
    t.join()
    seconds = time.perf_counter() - start
    if proc.returncode != 0:
        raise SystemExit(f"command failed: {' '.join(cmd)}\n{out[-3000:]}")
    return seconds, peak


def run_file(region: Path, reports: Path) -> dict:
    """The default run on `region`: its title, parameters and notebooks, each notebook once (no
    `per`), every notebook of notebooks/ included."""
    raw = yaml.safe_load(DEFAULT_RUN.read_text(encoding="utf-8"))
    specs = [{"name": nb} if isinstance(nb, str) else {k: v for k, v in nb.items() if k != "per"}
             for nb in raw.get("notebooks") or []]
    listed = {spec["name"] for spec in specs}
    specs += [{"name": name} for name in runner.available_notebooks() if name not in listed]
    return {**raw, "source": str(region), "output": str(reports), "output_outside_project": True, "notebooks": specs}


def naive_notebook(name: str, folder: Path) -> Path:
    """The notebook with its opening call given the naive preparation (bench/naive.py)."""
    nb = nbformat.read(config.NOTEBOOKS_DIR / f"{name}.ipynb", as_version=4)
    calls = 0
    for cell in nb.cells:
        if cell.cell_type == "code" and OPENING in cell.source:
            calls += cell.source.count(OPENING)
            cell.source = (f"import sys; sys.path.insert(0, {str(ROOT / 'bench')!r})\nimport naive\n"
                           + cell.source.replace(OPENING, "open_page(globals(), prepare=naive.prepare)"))
    if calls == 0:
        raise SystemExit(f"{name} does not open with {OPENING}: the naive way would not replace its preparation")
    path = folder / f"{name}.ipynb"
    nbformat.write(nb, path)
    return path


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--scale", type=float, default=1.0)
    ap.add_argument("--skip-naive", action="store_true")
    ap.add_argument("--keep", action="store_true", help="keep the temporary folder (region, cache, reports)")
    args = ap.parse_args()

    work = Path(tempfile.mkdtemp(prefix="bench-"))
    try:
        run(work, args)
    finally:
        if args.keep:
            print(f"kept {work}")
        else:
            shutil.rmtree(work, ignore_errors=True)


def say(text: str) -> None:
    print(text, flush=True)


def run(work: Path, args) -> None:
    region = work / "synthetic" / "visits.parquet"
    gen_s, gen_mb = measure([PY, "-m", "analysis", "synth", "--scale", str(args.scale), "--out", str(region)])
    rows = pq.ParquetFile(region).metadata.num_rows
    env = {"OUTPATIENT_CACHE_DIR": str(work / "cache"), "OUTPATIENT_SYNTHETIC_DIR": str(region.parent)}
    cfg = work / "run.yml"
    cfg.write_text(yaml.safe_dump(run_file(region, work / "reports"), allow_unicode=True, sort_keys=False),
                   encoding="utf-8")
    _, params = runner.load_config(cfg)
    names = list(params)
    jobs = os.cpu_count() or 1
    say(f"synthetic region: {rows:,} visits (scale {args.scale}), {len(names)} notebooks, {jobs} cores")
    results = {"generate": (gen_s, gen_mb)}

    load = {}  # the machine's load (1-minute average) after each stage: other work makes times noisy
    results["ours, cold"] = measure([PY, "-m", "analysis", "run", "--config", str(cfg)], env)
    load["ours, cold"] = os.getloadavg()[0]
    manifest = json.loads((work / "reports" / "latest" / "manifest.json").read_text())
    ran = sorted(nb["name"] for nb in manifest["notebooks"])
    if ran != sorted(names) or set(names) != set(runner.available_notebooks()):
        raise SystemExit(f"the run did not run every notebook once: {ran}")
    stages_cold = manifest["seconds"]
    say(f"ours, cold: {results['ours, cold'][0]:.1f} s")
    results["ours, warm"] = measure([PY, "-m", "analysis", "run", "--config", str(cfg)], env)
    load["ours, warm"] = os.getloadavg()[0]
    manifest = json.loads((work / "reports" / "latest" / "manifest.json").read_text())
    by_notebook = {nb["name"]: nb["seconds"] for nb in manifest["notebooks"]}
    stages_warm = manifest["seconds"]
    say(f"ours, warm: {results['ours, warm'][0]:.1f} s")

    # bare cost: one scan + kernel start-ups (one per parallel batch of notebooks)
    t = time.perf_counter()
    pq.read_table(region)
    scan = time.perf_counter() - t
    empty = nbformat.v4.new_notebook()
    empty.metadata["kernelspec"] = {"name": config.KERNEL_NAME, "display_name": "k", "language": "python"}
    empty.cells = [nbformat.v4.new_code_cell(
        "import analysis.engine.pipeline, analysis.reporting.plots, analysis.reporting.report")]
    nbformat.write(empty, work / "empty.ipynb")
    # papermill started as the run's workers start it: after the package (analysis/__init__.py
    # spares every process that reads notebooks an import of 0.9 s), so the floor is not padded
    papermill = [PY, "-c", "import analysis, runpy; runpy.run_module('papermill', run_name='__main__')"]
    kernel = statistics.median(measure([*papermill, str(work / "empty.ipynb"), str(work / "empty.out.ipynb"),
                                        "--no-progress-bar"], env)[0]
                                for _ in range(3))  # the middle of three: one start-up is noisy
    batches = math.ceil(len(names) / jobs)
    bare = scan + kernel * batches
    results["bare"] = (bare, float("nan"))
    load["bare"] = os.getloadavg()[0]

    naive_by_notebook = {}
    if not args.skip_naive:
        folder = work / "naive"
        folder.mkdir()
        total, peak = 0.0, 0.0
        for name in names:
            nb = naive_notebook(name, folder)
            given = folder / f"{name}.parameters.yml"
            given.write_text(yaml.safe_dump({k: v for k, v in params[name].items() if k != runner.PER_KEY},
                                            allow_unicode=True), encoding="utf-8")
            s1, m1 = measure([str(BIN / "papermill"), str(nb), str(folder / f"{name}.out.ipynb"),
                              "-f", str(given), "--no-progress-bar", "--cwd", str(folder)], env)
            s2, m2 = measure([str(BIN / "jupyter"), "nbconvert", "--to", "html", "--no-input",
                              str(folder / f"{name}.out.ipynb")], env)
            naive_by_notebook[name] = s1 + s2
            say(f"naive {name}: {s1 + s2:.1f} s")
            total += s1 + s2
            peak = max(peak, m1, m2)
        results["naive"] = (total, peak)
        load["naive"] = os.getloadavg()[0]

    say(f"\nsynthetic region: {rows:,} visits (scale {args.scale}), {len(names)} notebooks, {jobs} cores")
    say(f"{'stage':<14}{'seconds':>10}{'peak MB':>10}{'load after':>12}")
    for k, (sec, mb) in results.items():
        say(f"{k:<14}{sec:>10.1f}{'' if math.isnan(mb) else f'{mb:>10.0f}':>10}"
            f"{'' if k not in load else f'{load[k]:>12.1f}'}")
    say("  cold run by stage: " + ", ".join(f"{k} {v:.1f} s" for k, v in stages_cold.items()))
    say("  warm run by stage: " + ", ".join(f"{k} {v:.1f} s" for k, v in stages_warm.items()))
    say("  warm run by notebook (two at a time, each worker's in one kernel): "
        + ", ".join(f"{k} {v:.1f} s" for k, v in by_notebook.items()))
    if naive_by_notebook:
        say("  naive by notebook: " + ", ".join(f"{k} {v:.1f} s" for k, v in naive_by_notebook.items()))
    say(f"  bare = one scan {scan:.1f} s + {batches} kernel start-up(s) of {kernel:.1f} s (middle of three)")
    cold, warm = results["ours, cold"][0], results["ours, warm"][0]
    if "naive" in results:
        naive = results["naive"][0]
        verdict = "met" if naive / cold >= NAIVE_TARGET else "missed"
        say(f"ratio naive / ours cold: {naive / cold:.1f}x (target at least {NAIVE_TARGET:g}x: {verdict}); "
            f"naive / ours warm: {naive / warm:.1f}x")
    verdict = "met" if warm / bare <= WARM_TARGET else "missed"
    say(f"ratio ours warm / bare: {warm / bare:.2f}x (target at most {WARM_TARGET:g}x: {verdict}); "
        f"ours cold / bare: {cold / bare:.2f}x")


if __name__ == "__main__":
    main()
