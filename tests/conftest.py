"""Shared fixtures: a small synthetic region (about 1% of full size) and a private cache."""
from __future__ import annotations

import os
from pathlib import Path

import pytest

SMALL_SCALE = 0.01  # ~20,000 visits a year: every code path, seconds to run


@pytest.fixture(scope="session")
def cache_dir(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("cache")
    os.environ["OUTPATIENT_CACHE_DIR"] = str(path)  # inherited by notebook kernels
    return path


@pytest.fixture(scope="session")
def small_region(tmp_path_factory, cache_dir) -> Path:
    from analysis.synthetic import generate

    return generate(tmp_path_factory.mktemp("region") / "visits.parquet", seed=7, scale=SMALL_SCALE)


@pytest.fixture(scope="session")
def full_region(tmp_path_factory, cache_dir):
    """The full-size region with its default seed, validated and aggregated: what `make report`
    analyses (~15 s once per test process)."""
    from analysis import pipeline
    from analysis.synthetic import generate

    path = generate(tmp_path_factory.mktemp("full") / "visits.parquet")
    return pipeline.prepare(str(path), cache_dir=cache_dir), pipeline.read_truth(str(path))
