"""Times the live what-if (notebooks/what_if.ipynb) on the full synthetic region: each widget
change's redraw against the one-second budget, and the opening.

In a kernel as JupyterLab runs it (the project's kernel, working directory notebooks/): run the
notebook with its defaults, then move every slider to its low and its high end and back, pick
every benchmark and every key basis, and read the panel's `seconds` after each change (the
computation from the cached base, the key figures, the chart drawn to SVG and the table, sent to
the results area; the browser's painting is not counted). Prints the redraw's median and
worst with their ratio to 1 s, the opening's time and the kernel's peak memory.

Usage: .venv/bin/python bench/bench_what_if.py
"""
from __future__ import annotations

import json
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

BUDGET_S = 1.0  # a redraw after a widget change must take less

MOVES = """
import json, resource
times = []
def moved(widget, value):
    widget.value = value
    times.append(what_if.seconds)
for w in what_if.sliders.values():
    if not w.disabled:
        start = w.value
        moved(w, w.max)
        moved(w, w.min)
        moved(w, start)
for value in [v for _, v in what_if.benchmark.options][1:] + [what_if.benchmark.options[0][1]]:
    moved(what_if.benchmark, value)
for value in [v for _, v in what_if.basis.options][1:] + [what_if.basis.options[0][1]]:
    moved(what_if.basis, value)
print(json.dumps({"times": times, "peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}))
"""


def main() -> None:
    nb = nbformat.read(config.NOTEBOOKS_DIR / "what_if.ipynb", as_version=4)
    nb.cells = [c for c in nb.cells if c.cell_type == "code"] + [nbformat.v4.new_code_cell(MOVES)]
    socket_dir = tempfile.mkdtemp(prefix="bench-kernel-")
    manager = runner._ipc_kernel_manager(socket_dir, Path(socket_dir) / "kernel.log", Path(socket_dir))
    client = NotebookClient(nb, kernel_name=config.KERNEL_NAME, timeout=900, kernel_manager_class=manager,
                            resources={"metadata": {"path": str(config.NOTEBOOKS_DIR)}})
    opened = 0.0
    with client.setup_kernel():
        for i, cell in enumerate(nb.cells[:-1]):
            began = time.perf_counter()
            client.execute_cell(cell, i)
            opened += time.perf_counter() - began
        client.execute_cell(nb.cells[-1], len(nb.cells) - 1)
    out = json.loads(next(o["text"] for o in nb.cells[-1].outputs if o.get("name") == "stdout"))
    times = sorted(out["times"])
    median, worst = times[len(times) // 2], times[-1]
    print(f"what-if on the full synthetic region: {len(times)} widget changes")
    print(f"  redraw median {median:.3f} s ({median / BUDGET_S:.2f} x the {BUDGET_S:.0f} s budget), "
          f"worst {worst:.3f} s ({worst / BUDGET_S:.2f} x)")
    print(f"  opening (imports, input from the cache, the base, the first drawing): {opened:.1f} s")
    print(f"  kernel peak memory {out['peak_mb']:.0f} MB")
    if worst >= BUDGET_S:
        sys.exit(f"a redraw took {worst:.3f} s, over the {BUDGET_S:.0f} s budget")


if __name__ == "__main__":
    main()
