"""The demand report (11) as the suite publishes it on the small synthetic region: the
municipality planted with older, growing residents (demand.OLD_INFLOW) is where visits grow most."""
from __future__ import annotations

import re

import pytest

from analysis.analyses import demand

pytestmark = pytest.mark.suite  # reads the run of every notebook: `make test`, not `make check`


def test_the_planted_older_growing_municipality_is_where_visits_grow_most(small_run):
    (planted,) = demand.OLD_INFLOW
    html = (small_run.outcome.run_dir / "11_demand.html").read_text(encoding="utf-8")
    text = re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", re.sub(r"<(style|svg)\b.*?</\1>", "", html, flags=re.S)))
    assert f"mest vokser besøgene fra borgerne i {planted}," in text
    assert "Kommunerne" in text and "Af befolkningen alene" in text
