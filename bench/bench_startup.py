"""Times each notebook's kernel start-up and its import cells against the bare floor.

Per notebook in notebooks/: start a fresh kernel as the runner does (the project's kernel,
working directory notebooks/), time the start-up until the kernel answers, then time the code
cells before the `parameters` cell (the imports and the plot style). The floor is the same for
a cell importing only pandas, matplotlib and IPython.display. Prints a table and the ratio of
each notebook to the floor; the best of --repeat runs counts.

To see what an import cell spends its time on:
  cd notebooks && python -X importtime -c "from analysis.analyses import variation" 2>&1 | sort -t'|' -k2 -n | tail

Usage: .venv/bin/python bench/bench_startup.py [--repeat 3] [notebook ...]
"""
from __future__ import annotations

import argparse
import os
import shutil
import sys
import tempfile
import time
from pathlib import Path

import nbformat
from nbclient import NotebookClient

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
from analysis.base import config  # noqa: E402
from analysis.running import runner  # noqa: E402

FLOOR = "floor (pandas, matplotlib, IPython)"
FLOOR_CELL = "import matplotlib.pyplot as plt\nimport pandas as pd\nfrom IPython.display import display"


def import_cells(name: str) -> list[str]:
    """The sources of the notebook's code cells before its `parameters` cell."""
    nb = nbformat.read(config.NOTEBOOKS_DIR / f"{name}.ipynb", as_version=4)
    cells = []
    for cell in nb.cells:
        if cell.cell_type != "code":
            continue
        if "parameters" in cell.metadata.get("tags", []):
            return cells
        cells.append(cell.source)
    raise SystemExit(f"{name}: no cell tagged `parameters`")


def time_once(sources: list[str]) -> tuple[float, float]:
    """(start-up seconds, import seconds) of a fresh kernel running `sources`."""
    nb = nbformat.v4.new_notebook()
    nb.metadata["kernelspec"] = {"name": config.KERNEL_NAME, "display_name": "k", "language": "python"}
    nb.cells = [nbformat.v4.new_code_cell(src) for src in sources]
    socket_dir = tempfile.mkdtemp(prefix="bench-kernel-")
    try:  # the runner's kernel manager (Unix sockets, kernel output to a log) and working directory
        manager = runner._ipc_kernel_manager(socket_dir, Path(socket_dir) / "kernel.log", Path(socket_dir))
        client = NotebookClient(nb, kernel_name=config.KERNEL_NAME, timeout=300, kernel_manager_class=manager,
                                resources={"metadata": {"path": str(config.NOTEBOOKS_DIR)}})
        start = time.perf_counter()
        with client.setup_kernel():
            started = time.perf_counter()
            for i, cell in enumerate(nb.cells):
                client.execute_cell(cell, i)
            done = time.perf_counter()
    finally:
        shutil.rmtree(socket_dir, ignore_errors=True)
    return started - start, done - started


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--repeat", type=int, default=3, help="runs per notebook; the fastest counts")
    ap.add_argument("notebooks", nargs="*", help="notebook names; default all")
    args = ap.parse_args()
    # the kernel must import this checkout's package, whichever folder it starts in
    os.environ["PYTHONPATH"] = os.pathsep.join(p for p in (str(ROOT), os.environ.get("PYTHONPATH", "")) if p)

    names = args.notebooks or runner.available_notebooks()
    jobs = {FLOOR: [FLOOR_CELL]} | {name: import_cells(name) for name in names}
    rows = {}
    for name, sources in jobs.items():
        runs = [time_once(sources) for _ in range(args.repeat)]
        rows[name] = min(runs, key=sum)
    floor = sum(rows[FLOOR])
    width = max(map(len, rows))
    print(f"\n{'notebook':<{width}}{'start-up s':>12}{'imports s':>11}{'total s':>9}{'/ floor':>9}")
    for name, (up, imp) in rows.items():
        print(f"{name:<{width}}{up:>12.2f}{imp:>11.2f}{up + imp:>9.2f}{(up + imp) / floor:>8.2f}x")
    worst = max((sum(v), k) for k, v in rows.items() if k != FLOOR)
    print(f"floor {floor:.2f} s; slowest notebook {worst[1]} {worst[0]:.2f} s ({worst[0] / floor:.2f}x the floor); "
          f"best of {args.repeat}, {os.cpu_count()} cores")


if __name__ == "__main__":
    main()
