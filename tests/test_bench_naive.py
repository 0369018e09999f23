"""The benchmark's naive way (bench/naive.py) stays a stand-in for the real preparation: it takes
every argument pipeline.prepare takes, and on the small region gives every table and field the
real one gives, with the same numbers, so `make bench` cannot rot unseen when the package grows
a table or a notebook reads a new one."""
from __future__ import annotations

import dataclasses
import importlib.util
import inspect
import json
from pathlib import Path

import pandas as pd
import pytest

from analysis.base import config
from analysis.engine import pipeline
from analysis.engine.aggregate import Aggregates

BENCH = Path(__file__).resolve().parents[1] / "bench"


def load(name: str):
    spec = importlib.util.spec_from_file_location(f"bench_{name}", BENCH / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


naive = load("naive")


def test_the_naive_prepare_takes_every_argument_of_the_real_one():
    real = inspect.signature(pipeline.prepare).parameters
    mine = inspect.signature(naive.prepare).parameters
    assert [p for p in real if p not in mine] == []
    assert any(p.kind is inspect.Parameter.VAR_KEYWORD for p in mine.values())  # a later keyword too


def test_every_notebook_prepares_its_input_by_the_one_call_the_benchmark_replaces():
    """bench_suite gives the notebooks' opening call (page.open_page) the naive preparation: a
    notebook preparing its input another way would be timed with the real one in the naive run."""
    bench_suite = load("bench_suite")
    for path in sorted(config.NOTEBOOKS_DIR.glob("[0-9][0-9]_*.ipynb")):
        cells = json.loads(path.read_text(encoding="utf-8"))["cells"]
        code = "\n".join("".join(c["source"]) for c in cells if c["cell_type"] == "code")
        assert code.count(bench_suite.OPENING) == 1 and "prepare(" not in code, path.name


@pytest.mark.suite
def test_the_naive_preparation_gives_what_the_real_one_gives(small_region):
    real = pipeline.prepare(str(small_region))
    mine = naive.prepare(str(small_region), sheet="", header_row=0)
    assert isinstance(mine, pipeline.Prepared)
    assert mine.synthetic == real.synthetic
    # every table, with its columns, types and numbers (a field added to Aggregates counts too)
    for field in dataclasses.fields(Aggregates):
        ours, theirs = getattr(real.aggregates, field.name), getattr(mine.aggregates, field.name)
        if isinstance(ours, pd.DataFrame):
            assert not ours.empty or theirs.empty, field.name
            pd.testing.assert_frame_equal(theirs, ours, obj=f"aggregates.{field.name}")
        else:
            assert theirs == ours, field.name
    # what was read, as 00 and every footer show it; the naive way reads the file itself, unstaged
    for field in dataclasses.fields(real.ingest):
        if field.name != "staged":
            assert getattr(mine.ingest, field.name) == getattr(real.ingest, field.name), field.name
    con, visits = mine.visit_table()  # 08 queries the visits
    assert con.execute(visits.count()) == real.ingest.rows
    assert not mine.priced().empty
