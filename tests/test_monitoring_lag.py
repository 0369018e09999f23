"""The monitoring report on a fresh extract whose last two months are not yet fully registered:
it names those months and why, and reads no reduction from them (run with papermill and
rendered as the suite does, on a lagged copy of a synthetic region at 5% of full size: large
enough that monitoring follows dozens of series)."""
from __future__ import annotations

import re
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from analysis.analyses import follow_up
from analysis.engine import aggregate, completeness
from analysis.inputs.tariffs import load_tariffs
from analysis.running import runner
from analysis.stats import spc

pytestmark = pytest.mark.suite  # runs notebooks or the whole pipeline: `make test`, not `make check`

KEEP = {"2025-11": 0.8, "2025-12": 0.5}  # share of each month's visits registered so far
DECISION = "2025-04-01"


@pytest.fixture(scope="module")
def lagged(tmp_path_factory) -> Path:
    """A synthetic region with visits in November and December 2025 removed at random."""
    from analysis.running.synthetic import generate

    folder = tmp_path_factory.mktemp("lagged")
    visits = pd.read_parquet(generate(folder / "region.parquet", seed=7, scale=0.05))
    month = pd.to_datetime(visits["visit_date"]).dt.strftime("%Y-%m")
    rng = np.random.default_rng(11)
    keep = rng.random(len(visits)) < month.map(KEEP).fillna(1.0).to_numpy()
    path = folder / "visits.parquet"
    visits[keep].reset_index(drop=True).to_parquet(path)
    return path


def kpi(html: str, label: str) -> int:
    return int(re.search(rf'<div class="v">([\d.]+)</div><div class="l">{label}</div>', html).group(1).replace(".", ""))


def test_the_report_names_the_incomplete_months_and_reads_no_reduction_from_them(lagged, tmp_path):
    monthly = aggregate.aggregate_file(lagged, "visits").monthly
    lag = completeness.assess(monthly)
    assert lag.incomplete[-2:] == (pd.Timestamp("2025-11-01"), pd.Timestamp("2025-12-01")), lag.evidence
    months = completeness.month_names(lag.incomplete, "da")  # "november og december 2025"
    follow_ups = monthly[monthly["visit_type"] == "follow_up"]
    keys = ["hospital", "specialty"]
    unguarded = (spc.monitor(follow_ups, DECISION, keys)["status"] == "reduction").sum()
    guarded = (spc.monitor(completeness.complete_only(follow_ups, lag), DECISION, keys)["status"] == "reduction").sum()
    assert unguarded > guarded  # read as they are, the lagging months would add reductions
    shown = follow_up.monitored(follow_ups, load_tariffs(), DECISION, keys, incomplete=lag.incomplete).result
    shown = (shown["status"] == "reduction").sum()  # as 06 counts them: against the expected path, beyond chance

    (tmp_path / "executed").mkdir()
    params = {"source": str(lagged), "mapping": "", "period_start": "2023-01-01", "period_end": "2025-12-31",
              "language": "da", "decision_date": DECISION}
    result = runner._execute_one("06_monitoring", "06_monitoring", params, str(tmp_path))
    assert result.ok, result.error
    html = (tmp_path / result.html).read_text(encoding="utf-8")
    assert runner.check_report(tmp_path / result.html, None) == []
    assert f"De seneste måneder er ikke fuldt registreret: {months}" in html
    assert "indgår ikke i signaler og besparelser" in html
    assert kpi(html, "Reel reduktion") == shown
    assert "opfølgningen (07) lægger alle serier sammen mod deres forventning" in html  # why 07 may find more

    given = runner._execute_one("06_monitoring_en", "06_monitoring",
                                params | {"language": "en", "complete_through": "2025-10"}, str(tmp_path))
    assert given.ok, given.error
    html = (tmp_path / given.html).read_text(encoding="utf-8")
    assert "Registration is given as complete through October 2025, so November and December 2025" in html
    assert kpi(html, "Real reduction") == shown
