"""Times the national synthetic set at growing sizes: generate it, aggregate it, and the naive way.

For each requested size (rows, e.g. --rows 2e6 20e6 100e6) the national set is generated at the
scale giving about that many visits (national.NATIONAL_VISITS_PER_YEAR a year at scale 1, over
the generator's years), then aggregated from the folder of Parquet files (aggregate.aggregate_file:
DuckDB scans the files, spilling beyond --memory-limit). Each step runs in a process of its own;
prints rows, seconds, rows per second and peak memory (resident memory of the process tree,
sampled), and how the cost grows against the smallest size: (seconds / smallest seconds) /
(rows / smallest rows), about 1 when the cost is linear in the rows.

Steps: generate; prepare (what a run does with the folder as its source: pipeline.prepare,
validating the visits by queries and aggregating them, database.check_table); aggregate (every
table of aggregate.Aggregates, without the checks); activity (the activity table
only, by the engine over the folder, like for like with the naive way); pandas, the naive way:
every file read into one pandas DataFrame and a groupby for the activity table only (visits and
distinct patients per year x hospital x specialty x sector x visit type x contact mode).
Skipped above --pandas-max rows: it holds every visit in memory, growing with the rows (see
its peak memory in the table), so at 100 million visits it would need far more than 4 GiB.

Seconds are measured inside each process (the work, without interpreter start-up); peak memory
is of the whole process. The data are written to a temporary folder, removed afterwards unless
--keep.

Usage: .venv/bin/python bench/bench_national.py [--rows 2e6 20e6] [--pandas-max 2e7]
"""
from __future__ import annotations

import argparse
import json
import os
import shutil
import sys
import tempfile
import time
from pathlib import Path

import pyarrow.parquet as pq

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
from bench_suite import measure  # noqa: E402

PY = sys.executable
STEPS = ("generate", "prepare", "aggregate", "activity", "pandas")


def _generate(folder: Path, scale: float, seed: int, result: Path) -> None:
    from analysis.running.national import generate_national

    start = time.perf_counter()
    files = generate_national(folder, seed=seed, scale=scale)
    result.write_text(json.dumps({"seconds": time.perf_counter() - start, "files": len(files)}))


def _prepare(folder: Path, memory_limit: str, result: Path) -> None:
    """A run's first step on the folder: validate by queries, aggregate, cache (the engine's memory
    limit comes from OUTPATIENT_DUCKDB_MEMORY, set by _run)."""
    from analysis.engine import pipeline

    start = time.perf_counter()
    prepared = pipeline.prepare(str(folder), "2023-01-01", "2025-12-31", cache_dir=folder.parent / "cache")
    result.write_text(json.dumps({"seconds": time.perf_counter() - start,
                                  "visits": int(prepared.aggregates.activity["visits"].sum()),
                                  "cells": len(prepared.aggregates.activity)}))
    shutil.rmtree(folder.parent / "cache", ignore_errors=True)


def _aggregate(folder: Path, memory_limit: str, result: Path) -> None:
    from analysis.engine import aggregate

    start = time.perf_counter()
    con = aggregate.connect(memory_limit=memory_limit)
    agg = aggregate.aggregate_file(folder, "visits", con)
    result.write_text(json.dumps({"seconds": time.perf_counter() - start,
                                  "visits": int(agg.activity["visits"].sum()), "cells": len(agg.activity)}))


def _activity(folder: Path, memory_limit: str, result: Path) -> None:
    """The activity table only, by the engine: the like-for-like comparison with the naive way."""
    from analysis.base import schema as s
    from analysis.engine import aggregate

    start = time.perf_counter()
    con = aggregate.connect(memory_limit=memory_limit)
    t = aggregate.visit_table(con.read_parquet(aggregate.parquet_source(folder)))
    activity = con.execute(t.group_by(list(s.ACTIVITY_KEYS)).aggregate(
        visits=t.count(), patients=t[s.PATIENT_ID].nunique()))
    result.write_text(json.dumps({"seconds": time.perf_counter() - start,
                                  "visits": int(activity["visits"].sum()), "cells": len(activity)}))


def _pandas(folder: Path, result: Path) -> None:
    import pandas as pd

    from analysis.base import schema as s

    start = time.perf_counter()
    df = pd.concat([pd.read_parquet(f) for f in sorted(folder.rglob("*.parquet"))], ignore_index=True)
    df[s.YEAR] = pd.to_datetime(df[s.VISIT_DATE]).dt.year
    activity = df.groupby(list(s.ACTIVITY_KEYS), observed=True).agg(
        visits=(s.VISIT_ID, "size"), patients=(s.PATIENT_ID, "nunique")).reset_index()
    result.write_text(json.dumps({"seconds": time.perf_counter() - start,
                                  "visits": int(activity["visits"].sum()), "cells": len(activity)}))


def _child(step: str, *args: str) -> list[str]:
    return [PY, str(Path(__file__).resolve()), "--step", step, *args]


def _run(cmd: list[str], work: Path, result: Path, memory_limit: str = "") -> tuple[dict, float]:
    """The child's reported result and its peak resident memory (MB, process tree)."""
    env = {"PYTHONPATH": os.pathsep.join(filter(None, [str(ROOT), os.environ.get("PYTHONPATH")])),
           "OUTPATIENT_CACHE_DIR": str(work / "cache")}  # spills there, not into the project
    if memory_limit:
        env["OUTPATIENT_DUCKDB_MEMORY"] = memory_limit
    _, peak = measure(cmd, env, cwd=work)  # cwd: where DuckDB spills
    return json.loads(result.read_text()), peak


def bench_size(rows: float, work: Path, args: argparse.Namespace) -> dict:
    """Generate and aggregate the national set of about `rows` visits; the naive way if small enough."""
    from analysis.running import synthetic
    from analysis.running.national import NATIONAL_VISITS_PER_YEAR

    scale = rows / (NATIONAL_VISITS_PER_YEAR * len(synthetic.YEARS))
    folder = work / f"national-{rows:.0e}"
    res = work / "result.json"
    gen, gen_mb = _run(_child("generate", str(folder), str(scale), str(args.seed), str(res)), work, res)
    n = sum(pq.ParquetFile(f).metadata.num_rows for f in folder.rglob("*.parquet"))
    size_mb = sum(f.stat().st_size for f in folder.rglob("*.parquet")) / 2**20
    out = {"target": rows, "scale": scale, "rows": n, "files": gen["files"], "parquet_mb": size_mb,
           "generate": (gen["seconds"], gen_mb)}
    for step in args.steps:
        if step == "generate" or (step == "pandas" and rows > args.pandas_max):
            continue
        extra = [] if step == "pandas" else [args.memory_limit]
        got, peak = _run(_child(step, str(folder), *extra, str(res)), work, res, args.memory_limit)
        if got["visits"] != n:
            raise SystemExit(f"{step}: the activity table counts {got['visits']} visits, the files hold {n}")
        out[step] = (got["seconds"], peak)
    if not args.keep:
        shutil.rmtree(folder)
    return out


def print_table(results: list[dict], args: argparse.Namespace) -> None:
    """The table of rows, seconds, rows per second, peak memory and growth against the smallest size."""
    base = results[0]
    print(f"\nnational synthetic set, {os.cpu_count()} cores, DuckDB memory limit {args.memory_limit}")
    print(f"{'rows':>13} {'files':>5} {'MB':>6} {'step':<10}{'seconds':>9}{'rows/s':>12}{'peak MB':>9}"
          f"{'growth':>8}")
    for r in results:
        for step in STEPS:
            if step != "generate" and step not in args.steps:
                continue
            if step not in r:
                print(f"{r['rows']:>13,} {'':>5} {'':>6} {step:<10}{'skipped (above --pandas-max)':>38}")
                continue
            sec, mb = r[step]
            growth = ""
            if step in base and r is not base:
                growth = f"{(sec / base[step][0]) / (r['rows'] / base['rows']):.2f}"
            print(f"{r['rows']:>13,} {r['files']:>5} {r['parquet_mb']:>6.0f} {step:<10}{sec:>9.1f}"
                  f"{r['rows'] / sec:>12,.0f}{mb:>9.0f}{growth:>8}")
    print("growth = (seconds / seconds at the smallest size) / (rows / rows at the smallest size); 1 = linear")
    print("prepare: validate by queries and aggregate, as a run does; aggregate: every table of "
          "aggregate.Aggregates; activity: the activity table only, by the engine; "
          "pandas: the activity table only, every file read into one DataFrame")
    peak = max(r[k][1] for r in results for k in ("generate", "prepare", "aggregate", "activity") if k in r)
    print(f"peak memory of generate, prepare and aggregate: {peak:,.0f} MB"
          f" ({'under' if peak < 4096 else 'OVER'} 4 GiB by {abs(4096 - peak):,.0f} MB)")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--rows", type=float, nargs="+", default=[2e6, 20e6], help="sizes in visits")
    ap.add_argument("--pandas-max", type=float, default=20e6,
                    help="largest requested size (--rows) the naive pandas way is run at")
    ap.add_argument("--steps", nargs="+", choices=STEPS, default=list(STEPS),
                    help="steps to time (generate always runs)")
    ap.add_argument("--memory-limit", default="3GB",
                    help="DuckDB's memory limit while preparing and aggregating (the package's default, "
                         "config.DUCKDB_MEMORY_LIMIT: the limit plus the rest of the process stays under 4 GiB)")
    ap.add_argument("--seed", type=int, default=2025)
    ap.add_argument("--keep", action="store_true", help="keep the generated folders")
    ap.add_argument("--step", choices=STEPS, help=argparse.SUPPRESS)
    ap.add_argument("step_args", nargs="*", help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.step:  # a child process: one step
        a = args.step_args
        if args.step == "generate":
            _generate(Path(a[0]), float(a[1]), int(a[2]), Path(a[3]))
        elif args.step == "prepare":
            _prepare(Path(a[0]), a[1], Path(a[2]))
        elif args.step == "aggregate":
            _aggregate(Path(a[0]), a[1], Path(a[2]))
        elif args.step == "activity":
            _activity(Path(a[0]), a[1], Path(a[2]))
        else:
            _pandas(Path(a[0]), Path(a[1]))
        return
    work = Path(tempfile.mkdtemp(prefix="bench-national-"))
    results = []
    try:
        for rows in sorted(args.rows):
            results.append(bench_size(rows, work, args))
            print(f"done: {results[-1]['rows']:,} rows", flush=True)
    finally:
        if not args.keep:
            shutil.rmtree(work, ignore_errors=True)
    if results:
        print_table(results, args)


if __name__ == "__main__":
    main()
