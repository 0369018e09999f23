"""The population report (09) run with papermill and rendered as the suite does, on visits of
which some carry no municipality and some a municipality outside the region: it says how many
visits lack a municipality apart from the names the population table does not know."""
from __future__ import annotations

import re

import pandas as pd
import pytest

from analysis.running import runner

pytestmark = pytest.mark.suite  # runs notebooks or the whole pipeline: `make test`, not `make check`


def test_visits_without_a_municipality_are_stated_apart_from_unknown_names(small_region, tmp_path):
    v = pd.read_parquet(small_region)
    in_2024 = pd.to_datetime(v["visit_date"]).dt.year == 2024
    rows = v.index[in_2024]
    v["municipality"] = v["municipality"].astype(object)
    v.loc[rows[:28], "municipality"] = None
    v.loc[rows[28:96], "municipality"] = "København"
    src = tmp_path / "visits.parquet"
    v.to_parquet(src)
    (tmp_path / "executed").mkdir()
    params = {"source": str(src), "mapping": "", "period_start": "2023-01-01", "period_end": "2025-12-31",
              "language": "da", "year": 2024}
    result = runner._execute_one("09_population", "09_population", params, str(tmp_path))
    assert result.ok, result.error
    assert runner.check_report(tmp_path / result.html, None) == []
    text = re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", (tmp_path / result.html).read_text(encoding="utf-8")))
    assert "28 besøg uden bopælskommune er udeladt." in text
    assert "ikke står i befolkningstabellen, er udeladt: København (68). En kommune kan ligge uden for regionen" in text
    assert "- (28)" not in text and "Ret navnene" not in text
