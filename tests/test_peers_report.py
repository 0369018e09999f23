"""02_variation with national peers on a tiny national synthetic set (five regions, one year,
merged into one file): the other regions' hospitals set the rates and limits but are not
named, and the own region's hospitals alone get a potential."""
from __future__ import annotations

from pathlib import Path

import pyarrow.dataset as ds
import pyarrow.parquet as pq
import pytest

from analysis.analyses import peers, reduction, scenarios
from analysis.base import schema as s
from analysis.engine import pipeline
from analysis.running import national, runner

pytestmark = pytest.mark.suite  # runs notebooks or the whole pipeline: `make test`, not `make check`

OWN = "Region Midtjylland"
OTHER_REGIONS = [r for r in national.REGIONS if r.name != OWN]


@pytest.fixture(scope="module")
def nation(tmp_path_factory, cache_dir) -> tuple[Path, Path]:
    folder = tmp_path_factory.mktemp("national")
    files = national.generate_national(folder / "regions", scale=0.002, years=(2024,))
    path = folder / "national.parquet"
    pq.write_table(ds.dataset([str(f) for f in files], format="parquet").to_table(), path)
    mapping = folder / "mapping.yml"
    mapping.write_text("ignore: [region]\n", encoding="utf-8")  # the generator's extra column
    return path, mapping


def test_national_variation_names_the_own_regions_hospitals_only(nation, tmp_path):
    path, mapping = nation
    (tmp_path / "executed").mkdir()
    params = {"source": str(path), "mapping": str(mapping), "period_start": "2024-01-01",
              "period_end": "2024-12-31", "language": "en", "year": 2024, "peers": "national", "own_region": OWN}
    result = runner._execute_one("02_national", "02_variation", params, str(tmp_path))
    assert result.ok, result.error
    html = (tmp_path / result.html).read_text(encoding="utf-8")
    assert "Compared with the hospitals of all regions" in html and "Light grey points" in html
    assert "Aarhus Universitetshospital" in html
    for region in OTHER_REGIONS:
        assert region.somatic[0] not in html  # e.g. Rigshospitalet: a peer, never named


def test_national_benchmarks_give_a_potential_to_the_own_regions_hospitals_alone(nation):
    path, mapping = nation
    prep = pipeline.prepare(str(path), "2024-01-01", "2024-12-31", str(mapping))
    comparison = peers.comparison_for(prep.aggregates, "national", OWN)
    own, ref = peers.split(prep.aggregates, comparison)
    est = reduction.estimate(own, 2024, scenarios.load(), prep.prices(""), "somatic", "best_k", reference=ref)
    mine = {h for h, r in peers.load_regions().items() if r == OWN}
    assert set(est.excess[s.HOSPITAL]) <= mine and est.excess["potential"].sum() > 0
    assert set(est.effects[s.HOSPITAL]) <= mine
    assert est.inputs.rates[s.HOSPITAL].nunique() > len(comparison.own)  # the benchmark's peers: every region
