"""Times the report suite on the full-size synthetic region and compares it with the naive way.

Prints seconds per stage, peak memory (resident memory of the whole process tree, sampled),
and ratios. Stages:
  ours, cold   `python -m analysis run` with an empty cache: validate + aggregate once, then
               the notebooks in parallel, render, check, publish
  ours, warm   the same again: the validated input and its aggregates come from the cache
  naive        each notebook run with the papermill command-line tool and then the nbconvert
               command-line tool, one after another, each notebook reading the whole visit
               file into pandas, validating and aggregating it itself (bench/naive.py)
  bare         one scan of the visit file (all columns into Arrow) plus the kernel start-ups
               of the suite (an empty notebook importing the package, per parallel batch)

Usage: .venv/bin/python bench/bench_suite.py [--scale 1.0] [--skip-naive]
"""
from __future__ import annotations

import argparse
import json
import math
import os
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

import nbformat
import psutil
import pyarrow.parquet as pq

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
from analysis.base import config  # noqa: E402
from analysis.running import runner  # noqa: E402

PY = sys.executable
BIN = Path(PY).parent


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


def naive_notebook(name: str, folder: Path) -> Path:
    nb = nbformat.read(config.NOTEBOOKS_DIR / f"{name}.ipynb", as_version=4)
    for cell in nb.cells:
        if cell.cell_type == "code" and "pipeline.prepare(" in cell.source:
            cell.source = (f"import sys; sys.path.insert(0, {str(ROOT / 'bench')!r})\nimport naive\n"
                           + cell.source.replace("pipeline.prepare(", "naive.prepare("))
    path = folder / f"{name}.ipynb"
    nbformat.write(nb, path)
    return path


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--scale", type=float, default=1.0)
    ap.add_argument("--skip-naive", action="store_true")
    args = ap.parse_args()

    work = Path(tempfile.mkdtemp(prefix="bench-"))
    region = work / "synthetic" / "visits.parquet"
    gen_s, gen_mb = measure([PY, "-m", "analysis", "synth", "--scale", str(args.scale), "--out", str(region)])
    rows = pq.ParquetFile(region).metadata.num_rows
    names = runner.available_notebooks()
    env = {"OUTPATIENT_CACHE_DIR": str(work / "cache"), "OUTPATIENT_SYNTHETIC_DIR": str(region.parent)}
    cfg = work / "run.yml"
    cfg.write_text(f"source: {region}\noutput: {work / 'reports'}\noutput_outside_project: true\n", encoding="utf-8")
    results = {"generate": (gen_s, gen_mb)}

    results["ours, cold"] = measure([PY, "-m", "analysis", "run", "--config", str(cfg)], env)
    manifest = json.loads((work / "reports" / "latest" / "manifest.json").read_text())
    stages_cold = manifest["seconds"]
    results["ours, warm"] = measure([PY, "-m", "analysis", "run", "--config", str(cfg)], env)

    # bare cost: one scan + kernel start-ups (one per parallel batch of notebooks)
    t = time.perf_counter()
    pq.read_table(region)
    scan = time.perf_counter() - t
    empty = nbformat.v4.new_notebook()
    empty.metadata["kernelspec"] = {"name": config.KERNEL_NAME, "display_name": "k", "language": "python"}
    empty.cells = [nbformat.v4.new_code_cell(
        "import analysis.engine.pipeline, analysis.reporting.plots, analysis.reporting.report")]
    nbformat.write(empty, work / "empty.ipynb")
    kernel, _ = measure([str(BIN / "papermill"), str(work / "empty.ipynb"), str(work / "empty.out.ipynb"),
                         "--no-progress-bar"], env)
    batches = math.ceil(len(names) / (os.cpu_count() or 1))
    bare = scan + kernel * batches
    results["bare"] = (bare, float("nan"))

    if not args.skip_naive:
        folder = work / "naive"
        folder.mkdir()
        total, peak = 0.0, 0.0
        for name in names:
            nb = naive_notebook(name, folder)
            s1, m1 = measure([str(BIN / "papermill"), str(nb), str(folder / f"{name}.out.ipynb"),
                              "-p", "source", str(region), "--no-progress-bar", "--cwd", str(folder)], env)
            s2, m2 = measure([str(BIN / "jupyter"), "nbconvert", "--to", "html", "--no-input",
                              str(folder / f"{name}.out.ipynb")], env)
            total += s1 + s2
            peak = max(peak, m1, m2)
        results["naive"] = (total, peak)

    print(f"\nsynthetic region: {rows:,} visits (scale {args.scale}), {len(names)} notebooks, "
          f"{os.cpu_count()} cores")
    print(f"{'stage':<14}{'seconds':>10}{'peak MB':>10}")
    for k, (sec, mb) in results.items():
        print(f"{k:<14}{sec:>10.1f}{'' if math.isnan(mb) else f'{mb:>10.0f}'}")
    print("  cold run by stage: " + ", ".join(f"{k} {v:.1f} s" for k, v in stages_cold.items()))
    print(f"  bare = one scan {scan:.1f} s + {batches} kernel start-up(s) of {kernel:.1f} s")
    cold, warm = results["ours, cold"][0], results["ours, warm"][0]
    if "naive" in results:
        naive = results["naive"][0]
        print(f"ratio naive / ours cold: {naive / cold:.1f}x; naive / ours warm: {naive / warm:.1f}x")
    print(f"ours cold - bare: {cold - bare:+.1f} s; ours warm - bare: {warm - bare:+.1f} s")


if __name__ == "__main__":
    main()
