"""The pathways report (08) run with papermill and rendered as the suite does: on the small
synthetic region it names the planted calendar-driven unit among those above the upper limit and
the planted acute unit as the highest acute share; on an aggregated extract it says plainly what
it would need and shows what the totals allow."""
from __future__ import annotations

import json
import re
from pathlib import Path

import pandas as pd
import pytest

from analysis.base import schema as s
from analysis.running import runner

pytestmark = pytest.mark.suite  # runs notebooks or the whole pipeline: `make test`, not `make check`

COMMON = {"mapping": "", "period_start": "2023-01-01", "period_end": "2025-12-31"}


def publish(name: str, params: dict, folder: Path) -> str:
    (folder / "executed").mkdir(exist_ok=True)
    result = runner._execute_one(name, "08_pathways", COMMON | params, str(folder))
    assert result.ok, result.error
    assert runner.check_report(folder / result.html, None) == []
    html = (folder / result.html).read_text(encoding="utf-8")
    assert "Traceback" not in html and "pw_" not in html
    return html


def text_of(html: str) -> str:
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", re.sub(r"<(style|svg)\b.*?</\1>", "", html, flags=re.S)))


@pytest.fixture(scope="module")
def truth(small_region) -> dict:
    return json.loads(small_region.with_name("truth.json").read_text(encoding="utf-8"))


@pytest.fixture
def danish(small_run) -> str:
    """08 in Danish with its defaults, in the run of every notebook on the small region
    (conftest.small_run): published, so its page passed the report check."""
    page = small_run.outcome.run_dir / "08_pathways.html"
    assert runner.check_report(page, None) == []
    html = page.read_text(encoding="utf-8")
    assert "Traceback" not in html and "pw_" not in html
    return text_of(html)


def test_the_planted_calendar_habit_is_named_and_its_units_are_not(danish, truth):
    # a specialty's own norm: named as its habit, not unit by unit; the planted unit (58 intervals on
    # this 1% region) is too small to stand out once a patient's intervals count as one booking: on
    # the full region it does (test_pathways: test_on_the_full_region_...)
    (habit,) = truth["calendar_specialty"]
    assert f"Højest ud over det forventede, på de fleste af sine hospitaler, ligger {habit['specialty']}:" in danish
    assert f", {habit['specialty']} har " not in danish
    assert "Kontroller efter kalenderen" in danish


def test_the_planted_acute_unit_has_the_highest_acute_share(danish, truth):
    (unit,) = truth["acute_share"]
    assert f"Størst er akutandelen i {unit['hospital']}, {unit['specialty']}:" in danish


def test_every_section_is_there(danish):
    for heading in ("Kontroller efter kalenderen", "Kandidater til patientrapporteret", "Patientgrupper",
                    "Akutte ambulante besøg", "Henvisninger", "Henviste patienter set én gang", "Storbrugere"):
        assert heading in danish
    assert "kræver" not in danish  # visit-level data with priority and referral: nothing is missing


def test_the_report_in_english(small_region, truth, tmp_path):
    english = text_of(publish("08_pathways_en", {"source": str(small_region), "language": "en"}, tmp_path))
    (unit,) = truth["acute_share"]
    assert f"The acute share is highest at {unit['hospital']}, {unit['specialty']}:" in english
    assert "Follow-ups by the calendar" in english and "not a verdict" in english


def test_on_an_aggregated_extract_it_says_what_it_would_need(small_region, tmp_path):
    v = pd.read_parquet(small_region)
    v[s.YEAR] = pd.to_datetime(v[s.VISIT_DATE]).dt.year
    keys = [s.YEAR, s.HOSPITAL, s.SPECIALTY, s.SECTOR, s.VISIT_TYPE, s.CONTACT_MODE]
    counts = v.groupby(keys, observed=True).size().rename(s.VISITS).reset_index()
    counts = counts[counts[s.VISITS] > 0]
    for k in keys[1:]:
        counts[k] = counts[k].astype(str)
    path = tmp_path / "counts.csv"
    counts.to_csv(path, index=False)
    out = text_of(publish("08_pathways_counts", {"source": str(path), "language": "da"}, tmp_path))
    assert "kræver data med én række pr. besøg" in out
    assert "Akutandelen kræver en kolonne med prioritet" in out
    assert "Henvisningerne kræver en kolonne med henvisningsinstans" in out
    assert "Kontroller efter kalenderen" not in out
