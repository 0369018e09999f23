"""Every path the project uses, rooted at the project folder (never the working directory)."""
from __future__ import annotations

import os
from pathlib import Path

PACKAGE_DIR = Path(__file__).resolve().parents[1]  # analysis/
PROJECT_ROOT = PACKAGE_DIR.parent
NOTEBOOKS_DIR = PROJECT_ROOT / "notebooks"
DATA_DIR = PROJECT_ROOT / "data"
REFERENCE_DIR = DATA_DIR / "reference"
# where the bundled synthetic region is generated (tests point it elsewhere)
SYNTHETIC_DIR = Path(os.environ.get("OUTPATIENT_SYNTHETIC_DIR", DATA_DIR / "synthetic"))
SYNTHETIC_VISITS = SYNTHETIC_DIR / "visits.parquet"
SYNTHETIC_GENERATOR = "outpatient-analysis synthetic region"  # in its truth.json: what marks data as synthetic
SYNTHETIC_TRUTH = SYNTHETIC_DIR / "truth.json"
TARIFFS = REFERENCE_DIR / "tariffs.csv"
# Validated, canonical copies of inputs and their aggregates, keyed by content hash.
CACHE_DIR = Path(os.environ.get("OUTPATIENT_CACHE_DIR", DATA_DIR / "interim"))
# The embedded engine (DuckDB): its memory limit, beyond which it spills to SPILL_DIR. 3GB keeps
# the whole process under 4 GiB at 100 million visits (bench/bench_national.py).
DUCKDB_MEMORY_LIMIT = os.environ.get("OUTPATIENT_DUCKDB_MEMORY", "3GB")
DUCKDB_THREADS = 2
# Every DuckDB connection runs this first: in a notebook with ipywidgets installed DuckDB draws its
# progress bar as a widget, a script in the report (a session setting: not accepted at connect)
DUCKDB_NO_PROGRESS = "SET enable_progress_bar = false"
SPILL_DIR = CACHE_DIR / ".spill"  # hidden: cache pruning (pipeline._prune) passes it by
REPORTS_DIR = PROJECT_ROOT / "reports"
DEFAULT_RUN_CONFIG = PROJECT_ROOT / "runs" / "default.yml"
TEMPLATE_DIR = PACKAGE_DIR / "resources" / "template"
TEMPLATE_NAME = "outpatient"

# The Jupyter kernel every notebook names; `make` registers it inside the project's environment.
KERNEL_NAME = "outpatient-analysis"
KERNEL_DISPLAY_NAME = "Outpatient analysis (Python 3)"


def resolve(path: str | os.PathLike[str]) -> Path:
    """A user-given path: absolute as is, relative to the project root otherwise."""
    p = Path(path).expanduser()
    return p if p.is_absolute() else PROJECT_ROOT / p
