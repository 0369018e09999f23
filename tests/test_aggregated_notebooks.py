"""The variation, drill-down and monitoring notebooks on a pre-aggregated extract: a BI-style
CSV (Danish headers and labels, `;`, thousands dots, decimal commas) made from the small
synthetic region, run with papermill and rendered as the suite does. They must publish content,
fall back to what counts can answer and say so, and cope with a hospital absent in a year."""
from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from analysis.analyses import capabilities
from analysis.engine import aggregate
from analysis.running import runner
from analysis.stats import spc

pytestmark = pytest.mark.suite  # runs notebooks or the whole pipeline: `make test`, not `make check`

DANISH = {
    "sector": {"somatic": "Somatik", "psychiatry": "Psykiatri"},
    "visit_type": {"assessment": "Udredning", "treatment": "Behandling", "minor_procedure": "Mindre indgreb",
                   "sampling": "Prøvetagning", "follow_up": "Kontrol"},
    "contact_mode": {"in_person": "Fremmøde", "video": "Video", "phone": "Telefon", "written": "Skriftlig"},
}
HEADERS = {"year": "År", "hospital": "Sygehus", "specialty": "Speciale", "sector": "Sektor",
           "visit_type": "Besøgstype", "contact_mode": "Kontaktform", "visits": "Antal besøg",
           "patients": "Antal patienter", "cost_dkk": "Pris"}
KEYS = ["year", "hospital", "specialty", "sector", "visit_type", "contact_mode"]
GONE = "Hospitalsenheden Vest"  # left out of the last year: a unit closed or renamed
PSYCHIATRY = "Psykiatrien i Region Midtjylland"


def _danish_number(x: float, digits: int = 0) -> str:
    text = f"{x:,.{digits}f}"
    return text.replace(",", "\0").replace(".", ",").replace("\0", ".")


def counts_of(visits: pd.DataFrame) -> pd.DataFrame:
    """Visits -> counts per year x hospital x specialty x sector x visit type x contact mode,
    with distinct patients per cell and an invented cell value (DKK, with decimals)."""
    v = visits.assign(year=pd.to_datetime(visits["visit_date"]).dt.year)
    out = v.groupby(KEYS, observed=True).agg(visits=("visit_id", "size"), patients=("patient_id", "nunique"))
    out = out[out["visits"] > 0].reset_index()
    return out.assign(cost_dkk=out["visits"] * 1234.56)


@pytest.fixture(scope="module")
def extract(small_region, tmp_path_factory) -> Path:
    counts = counts_of(pd.read_parquet(small_region))
    counts = counts[~((counts["hospital"] == GONE) & (counts["year"] == 2025))]
    for col, labels in DANISH.items():
        counts[col] = counts[col].astype(str).map(labels)
    for col in ("visits", "patients"):
        counts[col] = counts[col].map(_danish_number)
    counts["cost_dkk"] = counts["cost_dkk"].map(lambda x: _danish_number(x, 2))
    path = tmp_path_factory.mktemp("extract") / "aggregeret.csv"
    counts.rename(columns=HEADERS).to_csv(path, sep=";", index=False, encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def run_dir(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("run")
    (path / "executed").mkdir()
    return path


def publish(name: str, notebook: str, params: dict, extract: Path, run_dir: Path) -> str:
    common = {"source": str(extract), "mapping": "", "period_start": "2023-01-01", "period_end": "2025-12-31",
              "language": "da"}
    result = runner._execute_one(name, notebook, common | params, str(run_dir))
    assert result.ok, result.error
    html = (run_dir / result.html).read_text(encoding="utf-8")
    assert runner.check_report(run_dir / result.html, None) == []
    assert "Ikke tilgængelig" not in html and "Traceback" not in html
    return html


def test_the_extract_is_read_as_counts(extract, cache_dir):
    from analysis.engine import pipeline

    prep = pipeline.prepare(str(extract))
    assert prep.ingest.kind == "aggregated"
    caps = capabilities.of(prep.aggregates)
    assert caps.years == (2023, 2024, 2025)
    assert capabilities.supported_measures(caps) == ["follow_up_ratio", "in_person_share"]


def test_variation_falls_back_to_counts_and_says_why(extract, run_dir):
    html = publish("02_variation", "02_variation", {"year": 2024, "measure": "follow_ups_per_patient"},
                   extract, run_dir)
    assert "Kontroller pr. patient kan ikke beregnes" in html and "Kontroller pr. udredning" in html
    assert "ukorrigerede" in html  # the crude caveat
    assert "Tragtdiagrammer pr. speciale" in html and "<img" in html
    assert "Afvigende hospitaler" in html and "Hvor meget varierer specialerne?" in html
    assert "SCV pr. besøgstype kræver" in html  # said, not crashed


def test_variation_of_the_in_person_share_on_counts(extract, run_dir):
    html = publish("02_variation_share", "02_variation",
                   {"year": 2025, "measure": "in_person_share", "standardise_by": []}, extract, run_dir)
    assert "Andel fremmøde" in html and "kan ikke beregnes" not in html and "<img" in html


def test_drill_down_on_counts(extract, run_dir):
    html = publish("05_hospital_auh", "05_hospital", {"year": 2024, "hospital": "Aarhus Universitetshospital",
                                                      "measure": "follow_ups_per_patient",
                                                      "standardise_by": ["age_band", "sex"]}, extract, run_dir)
    assert "Hvor ligger hospitalet i variationen?" in html and "Hospitalet er ringet ind" in html
    assert "Kontroller pr. patient kan ikke beregnes" in html and "<img" in html


def test_drill_down_of_a_hospital_absent_in_the_year_says_so(extract, run_dir):
    html = publish("05_hospital_gone", "05_hospital", {"year": 2025, "hospital": GONE}, extract, run_dir)
    assert f"{GONE} har ingen ambulante besøg i 2025" in html and "2023, 2024" in html
    assert "Hvor ligger hospitalet i variationen?" not in html


def test_drill_down_without_peers_says_there_is_no_one_to_compare_with(extract, run_dir):
    html = publish("05_hospital_psych", "05_hospital", {"year": 2024, "hospital": PSYCHIATRY}, extract, run_dir)
    assert "ingen at sammenligne med" in html
    assert "inden for grænserne i alle specialer" not in html


def test_monitoring_says_plainly_that_it_needs_months(extract, run_dir):
    html = publish("06_monitoring", "06_monitoring", {}, extract, run_dir)
    assert "Overvågningen kræver månedlige tal" in html


def test_monthly_counts_feed_monitoring_as_visits_do(small_region, tmp_path):
    """A canonical aggregated frame with a month column gives the same monthly table as the
    visits it came from, and monitoring finds the same series on it."""
    visits = pd.read_parquet(small_region)
    month = pd.to_datetime(visits["visit_date"]).dt.to_period("M").dt.to_timestamp().dt.date
    counts = (visits.assign(month=month).groupby([*KEYS[1:], "month"], observed=True).size()
              .rename("visits").reset_index())
    counts = counts[counts["visits"] > 0]
    counts.to_parquet(tmp_path / "monthly.parquet")
    agg = aggregate.aggregate_file(tmp_path / "monthly.parquet", "aggregated")
    visits.to_parquet(tmp_path / "visits.parquet")
    full = aggregate.aggregate_file(tmp_path / "visits.parquet", "visits")
    key = ["month", "hospital", "specialty", "sector", "visit_type"]
    a = agg.monthly.assign(month=pd.to_datetime(agg.monthly["month"])).set_index(key)["visits"].sort_index()
    b = full.monthly.assign(month=pd.to_datetime(full.monthly["month"])).set_index(key)["visits"].sort_index()
    pd.testing.assert_series_equal(a, b, check_dtype=False)
    assert (agg.activity.groupby("year")["visits"].sum().tolist()
            == full.activity.groupby("year")["visits"].sum().tolist())
    assert capabilities.monitoring_problem(agg.monthly, "2025-04-01") == ""
    followups = agg.monthly[agg.monthly["visit_type"] == "follow_up"]
    result = spc.monitor(followups, "2025-04-01", ["hospital", "specialty"], min_visits=5)
    assert len(result) > 0 and np.isin(result["status"], ["reduction", "rise", "mixed", "no_signal", "too_small"]).all()
